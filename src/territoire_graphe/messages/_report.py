"""Catalogue entries for the report workbook (French and English, built from one table).

Every text of :func:`territoire_graphe.render.excel.to_excel` lives here, written once
per row with its French and English forms side by side, so both catalogues always hold
the same keys:

- ``report.sheet.<sheet>``: sheet names (at most 31 characters, none of ``[]:*?/\\``);
- ``report.col.<id>``: the readable header of a column whose DataFrame name is ``<id>``,
  with ``.def`` (the definition in plain words), ``.formula`` and ``.ref`` (author, year);
  ``report.col.<table>.<id>`` overrides it where a name means something else in one table
  (``actors`` is a count in the groups table, a list in the findings);
- ``report.ind.<indicator>``: the same four texts for ``Diagnosis.indicators``;
- other ``report.*`` keys: titles, section headings, notes and readable values.

Formulas and references are the same in both languages unless a pair is given.
"""

from __future__ import annotations

import re

FR: dict[str, str] = {}
EN: dict[str, str] = {}

# (sheet key, French name, English name)
_SHEETS = [
    ("summary", "Synthèse", "Summary"),
    ("actors", "Acteurs", "Actors"),
    ("relations", "Relations", "Relations"),
    ("groups", "Groupes", "Groups"),
    ("mobilise", "Qui mobiliser", "Who to mobilise"),
    ("complementarities", "Complémentarités", "Complementarities"),
    ("fragilities", "Fragilités", "Fragilities"),
    ("definitions", "Définitions", "Definitions"),
]

_T = str | tuple[str, str]
# (key, French header, English header, French definition, English definition, formula, reference)
_COLUMNS: list[tuple[str, str, str, str, str, _T, str]] = [
    # -- identity of the actors
    ("id", "Identifiant", "Id", "Identifiant de l'acteur dans le classeur (ou dérivé de son nom).", "Actor id in the workbook (or derived from its name).", "", ""),
    ("name", "Nom", "Name", "Nom de l'acteur.", "Name of the actor.", "", ""),
    ("type", "Type", "Type", "Type d'acteur ou de relation (vocabulaire par défaut ou feuille « types » du classeur).", "Type of actor or relation (default vocabulary or the workbook's \"types\" sheet).", "", ""),
    ("municipality", "Commune", "Municipality", "Commune de l'acteur.", "Municipality of the actor.", "", ""),
    ("area", "Territoire", "Area", "Territoire ou zone d'action de l'acteur.", "Area the actor works in.", "", ""),
    ("sector", "Secteur", "Sector", "Secteur(s) d'activité.", "Sector(s) of activity.", "", ""),
    ("functions", "Fonctions de vie", "Life functions", "Fonctions de vie que l'acteur sert : se nourrir, se soigner, habiter, se déplacer, se former, travailler, se cultiver.", "Life functions the actor serves: food, health, housing, mobility, learning, work, culture.", "", ""),
    ("role", "Rôle", "Role", "Rôle de l'acteur dans le projet, tel que saisi.", "Role of the actor in the project, as written.", "", ""),
    ("influence", "Influence (0-5)", "Influence (0-5)", "Influence de l'acteur, estimée de 0 à 5 par qui a rempli le classeur.", "Influence of the actor, rated 0 to 5 by whoever filled in the workbook.", "", ""),
    ("interest", "Intérêt (0-5)", "Interest (0-5)", "Soutien de l'acteur au projet commun, estimé de 0 à 5.", "Support of the actor for the shared project, rated 0 to 5.", "", ""),
    ("latitude", "Latitude", "Latitude", "Latitude (degrés décimaux).", "Latitude (decimal degrees).", "", ""),
    ("longitude", "Longitude", "Longitude", "Longitude (degrés décimaux).", "Longitude (decimal degrees).", "", ""),
    # -- centrality
    ("degree", "Partenaires (degré)", "Partners (degree)", "Nombre de partenaires distincts avec qui l'acteur a au moins une relation autre qu'une tension.", "Number of distinct partners the actor has at least one relation with, tensions left out.", ("k_i = nombre de voisins de i", "k_i = number of neighbours of i"), "Freeman (1979)"),
    ("strength", "Force des liens", "Tie strength", "Somme des intensités des relations de l'acteur : beaucoup de liens, ou des liens forts.", "Sum of the intensities of the actor's relations: many ties, or strong ones.", "s_i = Σ_j w_ij", "Barrat et al. (2004) ; Opsahl, Agneessens et Skvoretz (2010)"),
    ("betweenness", "Intermédiarité", "Betweenness", "Part des plus courts chemins entre deux autres acteurs qui passent par cet acteur : son rôle de passage obligé. Exacte jusqu'à 10 000 acteurs, estimée par échantillonnage au-delà.", "Share of the shortest paths between two other actors that go through this actor: how much it is a necessary go-between. Exact up to 10,000 actors, estimated by sampling above.", ("C_B(v) = Σ_{s≠v≠t} σ_st(v) / σ_st, divisé par (n−1)(n−2)/2", "C_B(v) = Σ_{s≠v≠t} σ_st(v) / σ_st, divided by (n−1)(n−2)/2"), "Freeman (1977) ; Brandes (2001)"),
    ("closeness", "Proximité", "Closeness", "Inverse de la distance moyenne (en nombre de liens) vers les acteurs que l'on peut atteindre, corrigée pour ne pas favoriser les petits morceaux de réseau.", "Inverse of the mean distance (in links) to the actors one can reach, corrected so that small pieces of the network are not favoured.", ("(r / (n−1)) × (r / Σ_u d(v,u)), r = acteurs atteignables", "(r / (n−1)) × (r / Σ_u d(v,u)), r = actors reachable"), "Freeman (1979) ; Wasserman et Faust (1994)"),
    ("harmonic", "Centralité harmonique", "Harmonic centrality", "Somme des inverses des distances vers tous les autres acteurs (0 pour ceux qu'on ne peut pas atteindre).", "Sum of the inverse distances to every other actor (0 for those out of reach).", "H(v) = Σ_{u≠v} 1 / d(v,u)", "Marchiori et Latora (2000) ; Boldi et Vigna (2014)"),
    ("eigenvector", "Centralité de vecteur propre", "Eigenvector centrality", "Être lié à des acteurs eux-mêmes bien liés ; calculée morceau par morceau du réseau.", "Being tied to actors who are well tied themselves; computed for each piece of the network.", "x_i = (1/λ) Σ_j w_ij x_j", "Bonacich (1972, 1987)"),
    ("pagerank", "PageRank", "PageRank", "Part du temps qu'un promeneur au hasard, suivant les liens, passe chez l'acteur ; la somme vaut 1.", "Share of the time a random walker following the ties spends at the actor; they sum to 1.", ("PR_i = (1−α)/n + α Σ_j (w_ji / s_j) PR_j, α = 0,85", "PR_i = (1−α)/n + α Σ_j (w_ji / s_j) PR_j, α = 0.85"), "Brin et Page (1998)"),
    ("in_degree", "Partenaires entrants", "In-degree", "Nombre d'acteurs distincts qui ont une relation vers l'acteur (une relation non orientée compte dans les deux sens).", "Number of distinct actors with a relation towards the actor (an undirected relation counts both ways).", ("k_i^entrant", "k_i^in"), "Wasserman et Faust (1994)"),
    ("out_degree", "Partenaires sortants", "Out-degree", "Nombre d'acteurs distincts vers qui l'acteur a une relation (une relation non orientée compte dans les deux sens).", "Number of distinct actors the actor has a relation towards (an undirected relation counts both ways).", ("k_i^sortant", "k_i^out"), "Wasserman et Faust (1994)"),
    ("in_strength", "Intensité reçue", "In-strength", "Somme des intensités des relations reçues.", "Sum of the intensities of the relations received.", "Σ_j w_ji", "Barrat et al. (2004)"),
    ("out_strength", "Intensité donnée", "Out-strength", "Somme des intensités des relations émises.", "Sum of the intensities of the relations sent.", "Σ_j w_ij", "Barrat et al. (2004)"),
    ("constraint", "Contrainte (Burt)", "Constraint (Burt)", "À quel point les liens de l'acteur mènent vers des partenaires déjà liés entre eux. Faible : l'acteur relie des mondes séparés (« trous structuraux »).", "How much the actor's ties lead to partners already tied to each other. Low: the actor links separate worlds (\"structural holes\").", ("c_i = Σ_j (p_ij + Σ_q p_iq p_qj)², p_ij = part du poids des liens de i investie en j", "c_i = Σ_j (p_ij + Σ_q p_iq p_qj)², p_ij = share of i's tie weight invested in j"), "Burt (1992)"),
    ("effective_size", "Taille effective (Burt)", "Effective size (Burt)", "Nombre de partenaires, moins leur redondance (les liens qu'ils ont entre eux).", "Number of partners, minus their redundancy (the ties among them).", ("e_i = Σ_j (1 − Σ_q p_iq m_jq) ; sans poids : n − 2t/n", "e_i = Σ_j (1 − Σ_q p_iq m_jq); unweighted: n − 2t/n"), "Burt (1992) ; Borgatti (1997)"),
    ("community", "Communauté", "Community", "Numéro du groupe d'acteurs plus liés entre eux qu'avec le reste (1 = le plus grand), trouvé par l'algorithme de Louvain.", "Number of the group of actors more tied to each other than to the rest (1 = the largest), found by the Louvain algorithm.", ("partition qui maximise la modularité Q", "partition maximising the modularity Q"), "Blondel, Guillaume, Lambiotte et Lefebvre (2008)"),
    ("community_label", "Composition de la communauté", "Community make-up", "Types d'acteurs et communes qui dominent la communauté.", "Actor types and municipalities that dominate the community.", "", ""),
    ("component", "Morceau de réseau", "Component", "Numéro du morceau de réseau dont l'acteur fait partie (1 = le plus grand) ; un acteur isolé forme un morceau à lui seul.", "Number of the piece of the network the actor belongs to (1 = the largest); an isolated actor is a piece of its own.", ("composante connexe", "connected component"), "Wasserman et Faust (1994)"),
    ("is_isolated", "Isolé", "Isolated", "L'acteur n'a aucune relation (tensions exceptées).", "The actor has no relation (tensions aside).", "k_i = 0", ""),
    ("is_pendant", "Ne tient que par un lien", "Hangs on one tie", "L'acteur n'a qu'un seul partenaire.", "The actor has a single partner.", "k_i = 1", ""),
    ("is_articulation_point", "Point de coupure", "Cut point", "Son départ couperait son morceau de réseau en plusieurs parties.", "Its departure would split its piece of the network into several parts.", "", "Hopcroft et Tarjan (1973)"),
    ("core_number", "Noyau (k-core)", "Core number (k-core)", "Le plus grand k tel que l'acteur appartient à un sous-réseau où chacun a au moins k partenaires.", "The largest k such that the actor belongs to a sub-network where everyone has at least k partners.", "", "Seidman (1983) ; Batagelj et Zaversnik (2003)"),
    ("broker_coordinator", "Courtage : coordinateur", "Brokerage: coordinator", "Nombre de paires a → v → c sans lien direct a → c où les trois acteurs sont du même type.", "Number of pairs a -> v -> c with no direct tie a -> c where the three actors have the same type.", "A → A → A", "Gould et Fernandez (1989)"),
    ("broker_itinerant", "Courtage : itinérant", "Brokerage: itinerant", "Même comptage, quand a et c sont du même type et l'intermédiaire d'un autre.", "Same count, when a and c have the same type and the go-between another.", "A → B → A", "Gould et Fernandez (1989)"),
    ("broker_representative", "Courtage : représentant", "Brokerage: representative", "Même comptage, quand l'intermédiaire est du type de a et c d'un autre : il représente son groupe auprès d'un autre.", "Same count, when the go-between has a's type and c another: it represents its group to another.", "A → A → B", "Gould et Fernandez (1989)"),
    ("broker_gatekeeper", "Courtage : gardien", "Brokerage: gatekeeper", "Même comptage, quand l'intermédiaire est du type de c : il filtre ce qui entre dans son groupe.", "Same count, when the go-between has c's type: it filters what enters its group.", "A → B → B", "Gould et Fernandez (1989)"),
    ("broker_liaison", "Courtage : liaison", "Brokerage: liaison", "Même comptage, quand les trois acteurs sont de trois types différents.", "Same count, when the three actors have three different types.", "A → B → C", "Gould et Fernandez (1989)"),
    # -- fragility of each actor
    ("components_after", "Morceaux sans lui", "Components without it", "Nombre de morceaux de réseau parmi les autres acteurs si l'acteur disparaît.", "Number of pieces of the network among the other actors if the actor disappears.", "", "Hopcroft et Tarjan (1973)"),
    ("largest_component_after", "Plus grand morceau sans lui", "Largest component without it", "Taille du plus grand morceau restant, en part des autres acteurs.", "Size of the largest piece left, as a share of the other actors.", "", ""),
    ("actors_cut_off", "Acteurs coupés sans lui", "Actors cut off without it", "Acteurs qui perdraient le contact avec la plus grande partie de leur morceau de réseau si l'acteur disparaissait.", "Actors who would lose contact with the largest part of their piece of the network if the actor disappeared.", "", "Hopcroft et Tarjan (1973)"),
    ("pairs_disconnected", "Paires déconnectées", "Pairs disconnected", "Paires d'acteurs qui pouvaient se joindre et ne le pourraient plus sans cet acteur (ou sans ce lien).", "Pairs of actors who could reach each other and no longer could without this actor (or this tie).", ("Σ_k s_k(s_k − 1)/2 avant − après", "Σ_k s_k(s_k − 1)/2 before − after"), "Borgatti (2006)"),
    ("reach_loss", "Perte de connexion", "Reach loss", "Paires déconnectées, en part des paires d'acteurs qui pouvaient se joindre avant.", "Pairs disconnected, as a share of the pairs of actors who could reach each other before.", ("paires déconnectées / paires reliées avant", "pairs disconnected / pairs connected before"), "Borgatti (2006)"),
    ("is_key_player", "Acteur clé pour diffuser", "Key player for reach", "L'acteur fait partie de l'ensemble de k acteurs qui, ensemble, atteignent le plus d'autres acteurs en peu de liens (voir « Qui mobiliser »).", "The actor belongs to the set of k actors who together reach the most other actors in few links (see \"Who to mobilise\").", "", "Borgatti (2006)"),
    # -- relations
    ("source", "Source (id)", "Source (id)", "Identifiant de l'acteur d'où part la relation (relation non orientée : le premier cité).", "Id of the actor the relation starts from (undirected relation: the one named first).", "", ""),
    ("source_name", "Source", "Source", "Nom de l'acteur source.", "Name of the source actor.", "", ""),
    ("target", "Cible (id)", "Target (id)", "Identifiant de l'acteur vers qui va la relation.", "Id of the actor the relation goes to.", "", ""),
    ("target_name", "Cible", "Target", "Nom de l'acteur cible.", "Name of the target actor.", "", ""),
    ("family", "Famille", "Family", "Famille de la relation : lien, flux ou interdépendance.", "Family of the relation: tie, flow or dependency.", "", ""),
    ("weight", "Intensité", "Intensity", "Intensité de la relation (1 par défaut).", "Intensity of the relation (1 by default).", "", ""),
    ("directed", "Orientée", "Directed", "La relation va de la source vers la cible.", "The relation goes from the source to the target.", "", ""),
    ("start", "Début", "Start", "Date de début.", "Start date.", "", ""),
    ("end", "Fin", "End", "Date de fin.", "End date.", "", ""),
    ("quantity", "Quantité", "Quantity", "Quantité échangée (flux).", "Quantity exchanged (flows).", "", ""),
    ("unit", "Unité", "Unit", "Unité de la quantité.", "Unit of the quantity.", "", ""),
    ("comment", "Commentaire", "Comment", "Commentaire saisi.", "Comment as written.", "", ""),
    ("source_person", "Personne source (id)", "Source person (id)", "Personne qui porte la relation côté source, quand elle est connue.", "Person carrying the relation on the source side, when known.", "", ""),
    ("source_person_name", "Personne source", "Source person", "Nom de la personne source.", "Name of the source person.", "", ""),
    ("target_person", "Personne cible (id)", "Target person (id)", "Personne qui porte la relation côté cible, quand elle est connue.", "Person carrying the relation on the target side, when known.", "", ""),
    ("target_person_name", "Personne cible", "Target person", "Nom de la personne cible.", "Name of the target person.", "", ""),
    ("sheet", "Feuille d'origine", "Source sheet", "Feuille du classeur où la relation a été lue.", "Workbook sheet the relation was read from.", "", ""),
    ("row", "Ligne d'origine", "Source row", "Ligne de cette feuille (numérotée comme dans le tableur).", "Row of that sheet (numbered as in the spreadsheet).", "", ""),
    # -- groups
    ("groups.group", "Type d'acteurs", "Actor type", "Groupe comparé : le type d'acteurs.", "Group compared: the actor type.", "", ""),
    ("groups.actors", "Nombre d'acteurs", "Number of actors", "Nombre d'acteurs du groupe.", "Number of actors in the group.", "", ""),
    ("internal", "Liens internes (extrémités)", "Internal tie ends", "Liens entre membres du groupe, comptés une fois pour chacun des deux membres.", "Ties between members of the group, counted once for each of the two members.", "I", "Krackhardt et Stern (1988)"),
    ("external", "Liens vers d'autres groupes", "Ties to other groups", "Liens des membres vers des acteurs d'un autre groupe.", "Ties of the members to actors of another group.", "E", "Krackhardt et Stern (1988)"),
    ("ei_index", "Indice E-I", "E-I index", "De −1 (le groupe ne travaille qu'avec lui-même) à +1 (uniquement avec les autres).", "From -1 (the group only works with itself) to +1 (only with the others).", "(E − I) / (E + I)", "Krackhardt et Stern (1988)"),
    ("matrix", "Liens entre types", "Ties between types", "Nombre de liens entre un acteur du type en ligne et un acteur du type en colonne ; la diagonale compte les liens au sein d'un même type.", "Number of ties between an actor of the row type and an actor of the column type; the diagonal counts the ties within one type.", "", "Newman (2003)"),
    ("density", "Densité entre types", "Density between types", "Liens existants / liens possibles entre les deux types.", "Existing ties / possible ties between the two types.", ("m_gh / (n_g n_h) ; au sein d'un type : m_gg / (n_g(n_g − 1)/2)", "m_gh / (n_g n_h); within a type: m_gg / (n_g(n_g − 1)/2)"), "Wasserman et Faust (1994)"),
    # -- who to mobilise
    ("contribution", "Contribution", "Contribution", "Part du score de l'ensemble perdue sans cet acteur.", "Share of the set's score lost without this actor.", "", "Borgatti (2006)"),
    # -- complementarities and suggestions
    ("resource_actor", "Qui offre (id)", "Offered by (id)", "Identifiant de l'acteur qui a la ressource.", "Id of the actor holding the resource.", "", ""),
    ("resource_actor_name", "Qui offre", "Offered by", "Acteur qui a la ressource.", "Actor holding the resource.", "", ""),
    ("resource", "Ressource", "Resource", "Ressource offerte, telle que saisie.", "Resource offered, as written.", "", ""),
    ("need_actor", "Qui a besoin (id)", "Needed by (id)", "Identifiant de l'acteur qui a le besoin.", "Id of the actor with the need.", "", ""),
    ("need_actor_name", "Qui a besoin", "Needed by", "Acteur qui a le besoin.", "Actor with the need.", "", ""),
    ("need", "Besoin", "Need", "Besoin, tel que saisi.", "Need, as written.", "", ""),
    ("category", "Catégorie", "Category", "Catégorie de la ressource ou du besoin (ou du constat).", "Category of the resource or need (or of the finding).", "", ""),
    ("status", "Situation", "Status", "Nouvelle : aucun chemin ne relie les deux acteurs ; indirecte : ils sont reliés par des intermédiaires ; existante : ils sont déjà en lien.", "New: no path joins the two actors; indirect: they are joined through intermediaries; existing: they are already tied.", "", ""),
    ("distance", "Distance (liens)", "Distance (links)", "Nombre de liens sur le plus court chemin entre les deux acteurs.", "Number of links on the shortest path between the two actors.", "", ""),
    ("introducer", "Qui peut les présenter (id)", "Who can introduce them (id)", "Partenaire de l'acteur qui offre, sur le plus court chemin vers l'acteur qui a besoin.", "Partner of the resource holder on the shortest path to the actor in need.", "", ""),
    ("introducer_name", "Qui peut les présenter", "Who can introduce them", "Nom de cet intermédiaire.", "Name of that intermediary.", "", ""),
    ("path", "Chemin", "Path", "Acteurs du plus court chemin, de l'offre au besoin.", "Actors on the shortest path, from the offer to the need.", "", ""),
    ("match", "Correspondance", "Match", "Pourquoi la ressource répond au besoin : même catégorie, ou textes proches.", "Why the resource meets the need: same category, or similar texts.", "", ""),
    ("score", "Score", "Score", "Somme des raisons : 3 par ressource qui répond à un besoin (3 au plus), 2 par collectif partagé (3 au plus), partenaires communs (Adamic-Adar), 1 par fonction de vie partagée dans la même commune (3 au plus), 0,5 pour des types qui coopèrent souvent.", "Sum of the reasons: 3 per resource meeting a need (at most 3), 2 per shared collective (at most 3), common partners (Adamic-Adar), 1 per life function shared in the same municipality (at most 3), 0.5 for types that often cooperate.", ("Adamic-Adar : Σ_z 1 / ln(k_z)", "Adamic-Adar: Σ_z 1 / ln(k_z)"), "Adamic et Adar (2003) ; Liben-Nowell et Kleinberg (2007)"),
    ("reasons", "Raisons", "Reasons", "Raisons de les mettre en relation.", "Reasons to introduce them.", "", ""),
    # -- fragilities
    ("source_side", "Acteurs côté source", "Actors on the source side", "Acteurs qui resteraient du côté de la source si le lien disparaissait (la source comprise).", "Actors left on the source's side if the tie disappeared (the source included).", "", "Tarjan (1974)"),
    ("target_side", "Acteurs côté cible", "Actors on the target side", "Acteurs qui resteraient du côté de la cible (la cible comprise).", "Actors left on the target's side (the target included).", "", "Tarjan (1974)"),
    ("actor", "Organisation (id)", "Organisation (id)", "Identifiant de l'organisation.", "Id of the organisation.", "", ""),
    ("actor_name", "Organisation", "Organisation", "Nom de l'organisation.", "Name of the organisation.", "", ""),
    ("person", "Personne (id)", "Person (id)", "Identifiant de la personne.", "Id of the person.", "", ""),
    ("person_name", "Personne", "Person", "Nom de la personne.", "Name of the person.", "", ""),
    ("position", "Fonction", "Position", "Fonction de la personne dans l'organisation.", "Position of the person in the organisation.", "", ""),
    ("ties_carried", "Relations portées", "Relations carried", "Relations extérieures de l'organisation qui nomment cette personne.", "Outside relations of the organisation that name this person.", "", ""),
    ("ties_with_person", "Relations nominatives", "Relations naming a person", "Relations extérieures de l'organisation qui nomment l'une de ses personnes.", "Outside relations of the organisation that name one of its people.", "", ""),
    ("ties_total", "Relations extérieures", "Outside relations", "Toutes les relations de l'organisation avec d'autres acteurs (tensions exceptées).", "All relations of the organisation with other actors (tensions aside).", "", ""),
    ("share", "Part portée", "Share carried", "Part des relations extérieures portée par la personne.", "Share of the outside relations carried by the person.", ("relations portées / relations extérieures", "relations carried / outside relations"), ""),
    ("single_person_dependency", "Dépend d'une personne", "Depends on one person", "La personne porte au moins 2/3 des relations extérieures de l'organisation, qui en a au moins 2 : si elle part, les relations risquent de partir avec elle.", "The person carries at least 2/3 of the organisation's outside relations, which number at least 2: if they leave, the relations may leave with them.", ("part ≥ 2/3 et relations extérieures ≥ 2", "share ≥ 2/3 and outside relations ≥ 2"), ""),
    # -- summary and definitions
    ("priority", "Priorité", "Priority", "1 = le plus urgent.", "1 = most urgent.", "", ""),
    ("text", "Constat", "Finding", "Le constat, en une phrase.", "The finding, in one sentence.", "", ""),
    ("findings.actors", "Acteurs concernés", "Actors concerned", "Les acteurs que le constat nomme.", "The actors the finding names.", "", ""),
    ("indicator", "Indicateur", "Indicator", "Nom de l'indicateur.", "Name of the indicator.", "", ""),
    ("value", "Valeur", "Value", "Valeur de l'indicateur.", "Value of the indicator.", "", ""),
]

_FAMILY_FR = {"lien": "liens", "flux": "flux", "interdependance": "interdépendances"}
_FAMILY_EN = {"lien": "ties", "flux": "flows", "interdependance": "dependencies"}

_INDICATORS: list[tuple[str, str, str, str, str, _T, str]] = [
    ("actors", "Acteurs", "Actors", "Nombre d'acteurs.", "Number of actors.", "n", ""),
    ("relations", "Relations saisies", "Relation records", "Nombre de relations saisies (liens, flux, interdépendances), tensions comprises.", "Number of relation records (ties, flows, dependencies), tensions included.", "", ""),
    ("ties", "Paires d'acteurs liées", "Pairs of actors tied", "Paires d'acteurs qui ont au moins une relation autre qu'une tension.", "Pairs of actors with at least one relation other than a tension.", "m", ""),
    ("density", "Densité", "Density", "Part des paires d'acteurs qui sont liées.", "Share of the pairs of actors that are tied.", "2m / (n(n − 1))", "Wasserman et Faust (1994)"),
    ("components", "Morceaux de réseau", "Components", "Nombre de parties du réseau sans lien entre elles (un acteur isolé compte pour une).", "Number of parts of the network with no tie between them (an isolated actor counts as one).", "", "Wasserman et Faust (1994)"),
    ("largest_component_share", "Part dans le plus grand morceau", "Share in the largest component", "Part des acteurs qui appartiennent au plus grand morceau de réseau.", "Share of the actors in the largest piece of the network.", "", ""),
    ("isolated", "Acteurs isolés", "Isolated actors", "Acteurs sans aucune relation (tensions exceptées).", "Actors without any relation (tensions aside).", "", ""),
    ("isolated_share", "Part d'acteurs isolés", "Share of isolated actors", "Acteurs isolés / acteurs.", "Isolated actors / actors.", "", ""),
    ("pendant", "Acteurs à un seul lien", "Actors with one tie", "Acteurs qui n'ont qu'un partenaire.", "Actors with a single partner.", "", ""),
    ("mean_degree", "Partenaires en moyenne", "Mean number of partners", "Nombre moyen de partenaires par acteur.", "Mean number of partners per actor.", "2m / n", ""),
    ("transitivity", "Transitivité", "Transitivity", "Part des triplets d'acteurs liés qui forment un triangle : les partenaires de mes partenaires sont-ils mes partenaires ?", "Share of connected triples that close into a triangle: are my partners' partners my partners?", ("3 × triangles / triplets connectés", "3 × triangles / connected triples"), "Wasserman et Faust (1994)"),
    ("degree_centralization", "Centralisation (partenaires)", "Centralization (degree)", "0 quand tous ont autant de partenaires, 1 pour une étoile où tout passe par un acteur.", "0 when everyone has as many partners, 1 for a star where everything goes through one actor.", "Σ_i (k_max − k_i) / ((n − 1)(n − 2))", "Freeman (1979)"),
    ("betweenness_centralization", "Centralisation (intermédiarité)", "Centralization (betweenness)", "0 quand tous sont autant intermédiaires, 1 pour une étoile.", "0 when everyone is as much a go-between, 1 for a star.", "Σ_i (b_max − b_i) / (n − 1)", "Freeman (1979)"),
    ("modularity", "Modularité", "Modularity", "À quel point le réseau se découpe en communautés plus liées en interne qu'entre elles (au-delà de 0,3 : des communautés nettes).", "How much the network splits into communities more tied inside than between them (above 0.3: clear communities).", "Q = Σ_c (w_c / W − (d_c / 2W)²)", "Newman et Girvan (2004) ; Blondel et al. (2008)"),
    ("communities", "Communautés", "Communities", "Nombre de communautés trouvées par l'algorithme de Louvain (acteurs isolés compris).", "Number of communities found by the Louvain algorithm (isolated actors included).", "", "Blondel et al. (2008)"),
    ("ei_index_type", "Indice E-I entre types", "E-I index between types", "De −1 (chaque type d'acteurs ne travaille qu'avec lui-même) à +1 (les liens relient toujours des types différents).", "From -1 (each actor type only works with itself) to +1 (ties always join different types).", "(E − I) / (E + I)", "Krackhardt et Stern (1988)"),
    ("ei_index_type_p_value", "p-valeur de l'indice E-I", "p-value of the E-I index", "Part des tirages au hasard des types donnant un indice E-I aussi bas ou plus bas. Petite (moins de 0,05) : les types restent entre eux plus que le hasard ne le voudrait.", "Share of random reshufflings of the types giving an E-I index as low or lower. Small (below 0.05): types keep to themselves more than chance would.", ("(1 + tirages ≤ observé) / (1 + tirages)", "(1 + draws ≤ observed) / (1 + draws)"), "Phipson et Smyth (2010)"),
    ("cross_type_share", "Part des liens entre types différents", "Share of ties across types", "Part des liens qui relient deux acteurs de types différents.", "Share of the ties joining two actors of different types.", "E / (E + I)", ""),
    ("reciprocity", "Réciprocité", "Reciprocity", "Part des relations orientées (flux, dépendances…) dont la relation inverse existe aussi.", "Share of the directed relations (flows, dependencies...) whose reverse also exists.", "", "Wasserman et Faust (1994)"),
    ("mean_distance", "Distance moyenne", "Mean distance", "Nombre moyen de liens pour aller d'un acteur à un autre dans le plus grand morceau de réseau.", "Mean number of links from one actor to another in the largest piece of the network.", "", ""),
    ("diameter", "Diamètre", "Diameter", "Plus grande distance (en liens) entre deux acteurs du plus grand morceau de réseau.", "Longest distance (in links) between two actors of the largest piece of the network.", "", ""),
    ("articulation_points", "Points de coupure", "Cut points", "Acteurs dont le départ couperait le réseau en morceaux.", "Actors whose departure would split the network.", "", "Hopcroft et Tarjan (1973)"),
    ("bridges", "Liens ponts", "Bridges", "Liens dont la perte couperait le réseau en morceaux.", "Ties whose loss would split the network.", "", "Tarjan (1974)"),
    ("collectives", "Collectifs", "Collectives", "Nombre de collectifs (PTCE, SCIC, tiers-lieux, réseaux…).", "Number of collectives (PTCE, SCIC, third places, networks...).", "", ""),
    ("memberships", "Adhésions", "Memberships", "Nombre d'adhésions d'acteurs à des collectifs.", "Number of memberships of actors in collectives.", "", ""),
    ("people", "Personnes", "People", "Nombre de personnes décrites.", "Number of people described.", "", ""),
    ("resources", "Ressources", "Resources", "Nombre de ressources offertes.", "Number of resources offered.", "", ""),
    ("needs", "Besoins", "Needs", "Nombre de besoins exprimés.", "Number of needs expressed.", "", ""),
    ("complementarities", "Ressources qui répondent à un besoin", "Resources meeting a need", "Paires ressource/besoin qui se correspondent entre deux acteurs.", "Resource/need pairs that match between two actors.", "", ""),
    ("complementarities_to_make", "… dont les acteurs ne sont pas en lien", "... between actors not tied yet", "Correspondances ressource/besoin entre des acteurs qui ne sont pas encore en lien.", "Resource/need matches between actors not tied yet.", "", ""),
    ("tensions", "Tensions", "Tensions", "Nombre de relations de tension (elles ne comptent pas comme des liens).", "Number of tension relations (they do not count as ties).", "", ""),
    *[entry for family in ("lien", "flux", "interdependance") for entry in (
        (f"relations_{family}", f"Relations : {_FAMILY_FR[family]}", f"Relations: {_FAMILY_EN[family]}",
         f"Nombre de relations de la famille « {_FAMILY_FR[family]} ».", f"Number of relations of the family \"{_FAMILY_EN[family]}\".", "", ""),
        (f"ties_{family}", f"Paires liées : {_FAMILY_FR[family]}", f"Pairs tied: {_FAMILY_EN[family]}",
         f"Paires d'acteurs joints par au moins une relation de la famille « {_FAMILY_FR[family]} ».", f"Pairs of actors joined by at least one relation of the family \"{_FAMILY_EN[family]}\".", "", ""),
        (f"density_{family}", f"Densité : {_FAMILY_FR[family]}", f"Density: {_FAMILY_EN[family]}",
         f"Part des paires d'acteurs jointes par des {_FAMILY_FR[family]}.", f"Share of the pairs of actors joined by {_FAMILY_EN[family]}.", "m_f / (n(n − 1)/2)", "Wasserman et Faust (1994)"),
    )],
]

# (key, French, English)
_TEXTS: list[tuple[str, str, str]] = [
    ("report.title", "Diagnostic du territoire « {name} »", "Diagnosis of the territory \"{name}\""),
    ("report.territory", "Territoire", "Territory"),
    ("report.date", "Date", "Date"),
    ("report.source", "Source", "Source"),
    ("report.language", "Langue du rapport", "Report language"),
    ("report.yes", "oui", "yes"),
    ("report.no", "non", "no"),
    ("report.empty", "Rien à signaler.", "Nothing to report."),
    ("report.section.indicators", "Indicateurs du réseau", "Network indicators"),
    ("report.section.findings", "Constats, par priorité", "Findings, by priority"),
    ("report.section.findings.note", "Les constats sont écrits dans la langue du diagnostic.", "Findings are written in the language of the diagnosis."),
    ("report.section.provenance", "Provenance des calculs", "How the figures were computed"),
    ("report.provenance.item", "Élément", "Item"),
    ("report.provenance.value", "Valeur", "Value"),
    ("report.family.lien", "lien", "tie"),
    ("report.family.flux", "flux", "flow"),
    ("report.family.interdependance", "interdépendance", "dependency"),
    ("report.groups.matrix", "Liens entre types d'acteurs (nombre de liens)", "Ties between actor types (number of ties)"),
    ("report.groups.matrix.note", "Chaque case compte les liens entre un acteur du type en ligne et un acteur du type en colonne ; la diagonale compte les liens au sein d'un même type. Plus la case est foncée, plus il y a de liens.", "Each cell counts the ties between an actor of the row type and an actor of the column type; the diagonal counts the ties within one type. The darker the cell, the more ties."),
    ("report.groups.corner", "Type \u2193 / type \u2192", "Type \u2193 / type \u2192"),
    ("report.groups.ei", "Indice E-I : les types travaillent-ils entre eux ?", "E-I index: do types work with each other?"),
    ("report.groups.ei_overall", "Indice E-I de l'ensemble", "E-I index, whole network"),
    ("report.groups.p_value", "p-valeur (test de permutation)", "p-value (permutation test)"),
    ("report.groups.expected", "Indice E-I moyen si les types étaient tirés au hasard", "Mean E-I index if types were drawn at random"),
    ("report.groups.permutations", "Tirages au hasard", "Random draws"),
    ("report.groups.excluded", "Acteurs sans type laissés de côté", "Actors without a type left out"),
    ("report.groups.by_group", "Indice E-I par type d'acteurs", "E-I index by actor type"),
    ("report.groups.density", "Densité des liens entre types (liens existants / liens possibles)", "Density of ties between types (existing / possible ties)"),
    ("report.mobilise.reach", "Pour diffuser une information : les {k} acteurs qui, ensemble, atteignent le plus d'autres acteurs en {steps} liens au plus", "To spread information: the {k} actors who together reach the most other actors within {steps} links"),
    ("report.mobilise.reach_score", "Part des autres acteurs atteints", "Share of the other actors reached"),
    ("report.mobilise.fragment", "Pour protéger le réseau : les {k} acteurs dont l'absence le morcellerait le plus", "To protect the network: the {k} actors whose absence would break it up most"),
    ("report.mobilise.fragment_score", "Part des paires d'acteurs qui ne pourraient plus se joindre sans eux", "Share of the pairs of actors who could no longer reach each other without them"),
    ("report.mobilise.method", "Méthode de recherche", "Search method"),
    ("report.method.exhaustive", "tous les ensembles possibles ont été essayés", "every possible set was tried"),
    ("report.method.greedy+swap", "ajouts successifs puis échanges (Borgatti 2006)", "greedy additions then swaps (Borgatti 2006)"),
    ("report.method.none", "non calculé : réseau trop petit ou sans lien", "not computed: network too small or without ties"),
    ("report.mobilise.top_betweenness", "Les {n} acteurs les plus intermédiaires (passages obligés entre les autres)", "The {n} actors most often in between (necessary go-betweens)"),
    ("report.mobilise.top_degree", "Les {n} acteurs qui ont le plus de partenaires", "The {n} actors with the most partners"),
    ("report.compl.matches", "Ressources qui répondent à des besoins", "Resources that meet needs"),
    ("report.compl.suggestions", "Mises en relation suggérées", "Suggested introductions"),
    ("report.status.new", "nouvelle : aucun chemin entre eux", "new: no path between them"),
    ("report.status.indirect", "indirecte : reliés par des intermédiaires", "indirect: joined through intermediaries"),
    ("report.status.existing", "existante : déjà en lien", "existing: already tied"),
    ("report.match.category", "même catégorie", "same category"),
    ("report.match.text", "textes proches", "similar texts"),
    ("report.reason.resource_need", "une ressource répond à un besoin", "a resource meets a need"),
    ("report.reason.shared_collective", "membres d'un même collectif", "members of the same collective"),
    ("report.reason.common_partners", "partenaires en commun", "partners in common"),
    ("report.reason.same_function_same_area", "même fonction de vie dans la même commune", "same life function in the same municipality"),
    ("report.reason.complementary_types", "types d'acteurs qui coopèrent souvent", "actor types that often cooperate"),
    ("report.frag.actors", "Acteurs dont le départ couperait le réseau", "Actors whose departure would split the network"),
    ("report.frag.bridges", "Liens ponts : leur perte couperait le réseau en deux", "Bridges: their loss would split the network in two"),
    ("report.frag.people", "Relations extérieures portées par des personnes", "Outside relations carried by people"),
    ("report.def.intro", "Chaque intitulé de colonne du rapport, le nom de la colonne dans les tableaux Python (Diagnosis.actors, Diagnosis.indicators…), sa définition, sa formule et sa référence.", "Each column header of the report, the column's name in the Python tables (Diagnosis.actors, Diagnosis.indicators...), its definition, formula and reference."),
    ("report.def.sheet", "Feuille", "Sheet"),
    ("report.def.header", "Intitulé", "Header"),
    ("report.def.column", "Nom de colonne", "Column name"),
    ("report.def.definition", "Définition", "Definition"),
    ("report.def.formula", "Formule", "Formula"),
    ("report.def.reference", "Référence", "Reference"),
    ("report.def.indicators", "Indicateurs (Synthèse)", "Indicators (Summary)"),
    ("report.def.own", "Colonne du classeur du territoire, reprise telle quelle.", "Column of the territory workbook, kept as it was."),
    ("report.from_workbook", "classeur", "workbook"),
]


def _add(key: str, fr: str, en: str) -> None:
    FR[key] = fr
    EN[key] = en


def _add_entry(prefix: str, row: tuple[str, str, str, str, str, _T, str]) -> None:
    name, fr, en, fr_def, en_def, formula, ref = row
    fr_formula, en_formula = formula if isinstance(formula, tuple) else (formula, formula)
    _add(f"{prefix}.{name}", fr, en)
    _add(f"{prefix}.{name}.def", fr_def, en_def)
    _add(f"{prefix}.{name}.formula", fr_formula, en_formula)
    # References name authors and years; only the conjunction changes ("et" / "and").
    _add(f"{prefix}.{name}.ref", ref, re.sub(r" et (?!al\.)", " and ", ref).replace(" ; ", "; "))


for _key, _fr, _en in _SHEETS:
    _add(f"report.sheet.{_key}", _fr, _en)
for _row in _COLUMNS:
    _add_entry("report.col", _row)
for _row in _INDICATORS:
    _add_entry("report.ind", _row)
for _key, _fr, _en in _TEXTS:
    _add(_key, _fr, _en)
