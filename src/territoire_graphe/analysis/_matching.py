"""Matching resources with needs: French-aware text matching, then weaker category leads.

A resource *answers* a need (``match="text"``) when their texts say so: they share a
concept of the domain thesaurus (:data:`THESAURUS`: "véhicule" ~ "camion" ~ "livrer";
"salle" ~ "local" ~ "bâtiment"; "subvention" ~ "prêt d'honneur" ~ "financement"...) or a
meaningful word. Texts are read as French: lower case, accents and elision ("d'", "l'")
removed, a French stop list and generic words ("besoin", "offre", "mise à disposition",
"service"...) left out, plural and feminine brought back to one form ("locaux" ->
"local", "biosourcés" -> "biosourcé", "locale" -> "local") without cutting words to a
stem ("commune" is not "communication", "formation" is not "transformation"). The noun
"un local" is premises; the adjective "local" ("producteurs locaux", "filière locale")
is not.

A shared category alone (``match="category"``) is a weaker lead, kept for the table only.
Each need keeps at most :data:`MAX_PER_NEED` text matches and each resource at most
:data:`MAX_PER_RESOURCE` (the closest ones), and the same caps apply to category leads,
so that a big territory stays readable and fast.

>>> concepts("Un véhicule pour livrer nos paniers") & concepts("véhicule utilitaire")
frozenset({'vehicle'})
>>> sorted(concepts("producteurs locaux")), sorted(concepts("un local pour l'épicerie"))
([], ['food', 'premises'])
>>> answers("comptabilité et paie", "création d'un logo et d'une charte graphique")
False
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

import pandas as pd

from ..model import Territory
from ..text_keys import loose

MAX_PER_NEED = 5
MAX_PER_RESOURCE = 5

_STOP_WORDS = """
le la les l un une des du de d au aux et ou en dans pour par sur sous avec sans a ce ces cet
cette son sa ses leur leurs notre nos votre vos mon ma mes qui que qu quoi dont il elle ils
elles on nous vous je tu se s y est sont etre avoir ont pas ne plus tres tout tous toute toutes
autre autres etc via chez entre vers afin ainsi comme mais donc car lors apres avant pendant
the an and or of to in for with without by from at as is are be this that these those our your
their its it we you they has have not any all other per into
besoin need offre offer propose proposer proposition mise disposition dispo cherche recherche
recherchons aide aider help soutien support appui projet project service solution moyen
possibilite capacite activite action commun partage mutualise nouveau petit grand bon
disponible vacant gratuit ponctuel regulier temps partiel plein jour semaine mois an annee
soir matin samedi lundi dimanche heure place region regional territoire territorial
structure association personne public quotidien general divers ensemble equipe equipee
installer organiser faire avoir permettre mettre utiliser trouver accueil competence
conseil materiel produit construction
"""
_STOP = frozenset(_STOP_WORDS.split())
_DETERMINER_WORDS = """un le les des du au aux ce ces cet notre nos votre vos mon mes leur leurs
de d l en nouveau nouveaux petit petits grand grands"""
_DETERMINERS = frozenset(_DETERMINER_WORDS.split())

#: Concepts of the domain, each with the word forms (after normalisation) that say it.
THESAURUS: dict[str, tuple[str, ...]] = {
    "premises": (
        "salle",
        "batiment",
        "stockage",
        "stocker",
        "entrepot",
        "entreposer",
        "hangar",
        "immobilier",
        "surface",
        "coworking",
        "lieu",
        "cuisine",
        "m2",
        "garage",
        "chambre froide",
    ),  # "local", "atelier", "bureau", "espace": in context
    "vehicle": (
        "vehicule",
        "camion",
        "camionnette",
        "utilitaire",
        "fourgon",
        "livraison",
        "livrer",
        "transport",
        "transporter",
        "demenager",
        "demenagement",
        "minibus",
        "navette",
        "cargo",
        "voiture",
        "logistique",
        "portage",
        "chauffeur",
    ),
    "funding": (
        "subvention",
        "financement",
        "financer",
        "garantie",
        "fonds",
        "investir",
        "investissement",
        "capital",
        "capital-risque",
        "credit",
        "budget",
        "mecenat",
        "tresorerie",
        "dotation",
        "levee",
        "avance",
        "appel a projet",
        "financier",
        "emprunt",
        "bancaire",
        "budgetaire",
    ),
    "training": (
        "formation",
        "former",
        "formateur",
        "apprentissage",
        "apprenti",
        "stage",
        "stagiaire",
        "alternance",
        "tutorat",
        "qualification",
        "cours",
        "pedagogique",
        "plateau technique",
        "enseignement",
    ),
    "accounting": (
        "comptabilite",
        "comptable",
        "compte",
        "paie",
        "salaire",
        "bilan",
        "facturation",
        "administratif",
        "gestion administrative",
        "tresorier*",
    ),
    "legal": ("juridique", "droit", "statut", "avocat", "contrat"),
    "communication": (
        "communication",
        "communiquer",
        "graphiste",
        "graphisme",
        "graphique",
        "logo",
        "charte graphique",
        "site internet",
        "site web",
        "web",
        "reseaux sociaux",
        "flyer",
        "affiche",
        "impression",
        "imprimer",
        "video",
        "videaste",
        "film",
        "visuel",
        "promotion",
        "signaletique",
    ),
    "digital": (
        "numerique",
        "informatique",
        "ordinateur",
        "logiciel",
        "en ligne",
        "internet",
        "outil numerique",
    ),
    "materials": (
        "materiau",
        "biosource",
        "chanvre",
        "bois",
        "paille",
        "terre crue",
        "brique",
        "chaux",
        "beton",
        "isolant",
        "recuperation",
        "construction ecologique",
    ),
    "food": (
        "alimentation",
        "alimentaire",
        "legume",
        "fruit",
        "denree",
        "repas",
        "cantine",
        "fromage",
        "laitier",
        "produits laitier",
        "maraicher",
        "epicerie",
        "nourriture",
        "approvisionnement",
    ),
    "volunteers": ("benevole", "benevolat", "renfort"),
    "workforce": (
        "salarie",
        "main-d'oeuvre",
        "main d oeuvre",
        "maindoeuvre",
        "personnel",
        "recrutement",
        "recruter",
        "embauche",
        "agent",
        "insertion",
        "travaux",
        "entretien",
    ),
    "land": (
        "foncier",
        "terrain",
        "parcelle",
        "hectare",
        "friche",
        "cultiver",
        "jardin",
    ),  # "terre" is read in context (not "terre crue")
    "tools": ("outillage", "outil", "equipement"),
    "sound": ("sonorisation", "sono", "micro", "enceinte"),
    "sewing": ("couture", "coudre", "textile"),
    "oven": ("four", "cuire", "cuisson"),
    "printing": ("imprimante", "fabrication"),
    "governance": (
        "partenariat",
        "elu",
        "municipal",
        "conseil municipal",
        "gouvernance",
        "mairie",
        "collectivite",
    ),
    "conflict": ("conflit", "litige"),
    "study": (
        "etude",
        "diagnostic",
        "audit",
        "donnee",
        "statistique",
        "impact",
        "mesure",
        "evaluation",
        "observatoire",
    ),
    "woodwork": ("menuiserie", "menuisier", "charpente", "charpentier", "ebeniste"),
    "architecture": (
        "architecte",
        "architecture",
        "bioclimatique",
        "conception",
        "bureau d'etude",
        "maitrise d'oeuvre",
    ),
    "energy": (
        "energie",
        "energetique",
        "thermique",
        "solaire",
        "photovoltaique",
        "renouvelable",
        "chauffage",
        "chaleur",
    ),
    "waste": ("dechet", "recyclage", "recycler", "compost", "amendement", "carton", "emballage"),
    "childcare": ("garde d'enfant", "creche", "enfant", "parent", "parentalite", "famille"),
    "elderly": ("senior", "personnes agee", "age", "isolement"),
    "housing": ("hebergement", "logement", "loger", "heberger"),
    "procedures": ("demarche", "accompagnement numerique"),
    "members": ("adherent", "adhesion", "membre"),
    "bakery": ("pain", "fournil", "boulanger"),
}
#: Concepts that say *how* (a training, a study), not *what*: sharing only these, two texts
#: that each name a different subject ("cours de français" / "cours de cuisine") disagree.
MODES = frozenset({"training", "study"})
#: Words read in context only, never matched as words ("un local" / "producteurs locaux",
#: "un atelier" / "atelier cuisine", "prêt de salle" / "prêt à taux zéro"...).
_CONTEXT_WORDS = frozenset(
    {"local", "atelier", "bureau", "espace", "pret", "fond", "terre", "livre", "impression"}
)
#: Feminine words that are not the feminine of an adjective ("capitale" is not "capital").
_NOT_FEMININE = frozenset({"capitale", "morale", "finale", "sale", "cale", "ovale", "pale"})
_SHARED_AFTER = frozenset({"partage", "equipe", "vacant", "disponible", "libre", "vide"})


def _lemma(word: str) -> str:
    """Plural and feminine brought back to one form, without stemming the word."""
    if len(word) <= 3 or word.isdigit() or word in _NOT_FEMININE:
        return word
    for suffix, repl in (
        ("eaux", "eau"),
        ("aux", "al"),
        ("ales", "al"),
        ("ale", "al"),
        ("ives", "if"),
        ("ive", "if"),
        ("euses", "eur"),
        ("euse", "eur"),
        ("rices", "eur"),
        ("rice", "eur"),
        ("elles", "el"),
        ("elle", "el"),
        ("iennes", "ien"),
        ("ienne", "ien"),
        ("ees", "e"),
        ("ee", "e"),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    if word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tokens(text: Any) -> list[str]:
    """Lower-case, accent-free words with elisions split off ("d'une" -> "d", "une")."""
    value = loose(str(text)).replace("œ", "oe").replace("’", "'")
    return [w for w in re.split(r"[^a-z0-9\-]+", value.replace("'", " ")) if w]


def _phrase_forms() -> tuple[dict[str, set[str]], dict[str, set[str]], list[tuple[str, ...]]]:
    words: dict[str, set[str]] = defaultdict(set)
    prefixes: dict[str, set[str]] = defaultdict(set)
    phrases: list[tuple[str, ...]] = []
    for concept, forms in THESAURUS.items():
        for form in forms:
            parts = tuple(_lemma(w) for w in _tokens(form.rstrip("*")))
            if form.endswith("*"):
                prefixes[parts[0]].add(concept)
            elif len(parts) == 1:
                words[parts[0]].add(concept)
            else:
                words[" ".join(parts)].add(concept)
                phrases.append(parts)
    return words, prefixes, phrases


_WORDS, _PREFIXES, _PHRASES = _phrase_forms()
#: One-deletion neighbourhood of the thesaurus words of 7 letters or more (a typo: a
#: letter dropped, added or replaced; "comtabilite" ~ "comptabilite"), as in SymSpell.
_TYPOS: dict[str, set[str]] = defaultdict(set)
for _word in [w for w in _WORDS if " " not in w and len(w) >= 7]:
    _TYPOS[_word].add(_word)
    for _i in range(len(_word)):
        _TYPOS[_word[:_i] + _word[_i + 1 :]].add(_word)


def _known(lemma: str) -> set[str]:
    """Concepts of a word, or of the thesaurus word it is one typo away from."""
    if lemma in _WORDS or len(lemma) < 7:
        return set(_WORDS.get(lemma, set()))
    near = set(_TYPOS.get(lemma, set()))
    for i in range(len(lemma)):
        near |= _TYPOS.get(lemma[:i] + lemma[i + 1 :], set())
    return {c for w in near for c in _WORDS[w]}


def _in_context(word: str, lemma: str, previous: str, following: list[str]) -> set[str]:
    """Concepts of a word whose meaning depends on its neighbours (see _CONTEXT_WORDS)."""
    nxt = following[0] if following else ""
    after = following[1] if len(following) > 1 else ""
    determiner = previous in _DETERMINERS or previous == "besoin"
    if lemma == "local" and not word.startswith("locale") and (determiner or not previous):
        return {"premises"}  # "un local", "des locaux"; not "producteurs locaux"
    if lemma == "atelier" and (determiner or nxt in _SHARED_AFTER):
        return {"premises"}  # "un atelier", "atelier partagé"; not "atelier cuisine"
    if lemma == "bureau" and not (
        nxt in ("de", "d", "du")
        and after in ("etude", "etudes", "l", "la", "association", "conseil")
    ):
        return {"premises"}  # "bureaux vacants"; not "bureau d'études", "bureau de l'association"
    if lemma == "espace" and nxt not in ("vert", "verts"):
        return {"premises"}
    if lemma == "pret" and not (nxt in ("de", "d", "du", "des") and after != "honneur"):
        return {"funding"}  # "prêt à taux zéro", "prêts d'honneur"; not "prêt de salle"
    if word == "fonds":
        return {"funding"}
    if lemma == "terre" and nxt not in ("crue", "cuite"):
        return {"land"}
    if lemma == "impression" and not (nxt in ("d", "de") and after == "etre"):
        return {"communication"}
    return set()


@lru_cache(maxsize=65536)
def _read(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(concepts, meaningful words, words that say only a mode) of a text."""
    raw = _tokens(text)
    lemmas = [_lemma(w) for w in raw]
    found: set[str] = set()
    words: set[str] = set()
    plain: set[str] = set()  # words outside every concept: the text's own subject
    for i, (word, lemma) in enumerate(zip(raw, lemmas, strict=True)):
        if lemma in _CONTEXT_WORDS:
            found |= _in_context(word, lemma, raw[i - 1] if i else "", raw[i + 1 : i + 3])
            continue
        if word in _STOP or lemma in _STOP or (len(lemma) < 3 and not lemma.isdigit()):
            continue
        words.add(lemma)
        said = _known(lemma)
        for prefix, concepts_ in _PREFIXES.items():
            if lemma.startswith(prefix):
                said |= concepts_
        found |= said
        if not said:
            plain.add(lemma)
    joined = " ".join(lemmas)
    for parts in _PHRASES:
        if f" {' '.join(parts)} " in f" {joined} ":
            found |= _WORDS[" ".join(parts)]
    return frozenset(found), frozenset(words), frozenset(plain)


def concepts(text: Any) -> frozenset[str]:
    """The thesaurus concepts a text says (see the module docstring)."""
    return _read(str(text))[0]


def _score(resource: str, need: str) -> int:
    """How strongly the texts agree: shared concepts and words count (0: no match)."""
    (rc, rw, rp), (nc, nw, np_) = _read(resource), _read(need)
    shared = rc & nc
    words = rw & nw
    if not shared and (not words or (rc and nc)):
        return 0  # no shared word, or a shared word but texts about different things
    # Sharing only a mode (a training, a study) while naming different subjects: no match.
    subject_r, subject_n = (rc - MODES) | rp, (nc - MODES) | np_
    if (
        shared <= MODES
        and not (words & (rp | np_))
        and subject_r
        and subject_n
        and not subject_r & subject_n
    ):
        return 0
    # A study or a training offered does not answer a need for the thing itself; money
    # answers a need for money only ("financement d'un camion" is not "un camion").
    if rc & MODES and not rc & nc & MODES:
        return 0
    if ("funding" in rc) != ("funding" in nc):
        return 0
    return 2 * len(shared) + len(words)


def answers(resource: Any, need: Any) -> bool:
    """Whether a resource's text answers a need's text (see the module docstring)."""
    return _score(str(resource), str(need)) > 0


def text_overlap(a: Any, b: Any) -> int:
    """How strongly two texts agree (shared concepts and words; 0 when they do not).

    >>> text_overlap("étude d'impact social", "mesure de l'impact social") > 0
    True
    >>> text_overlap("graphisme", "mesure de l'impact social")
    0
    """
    return _score(str(a), str(b))


def _category(value: Any) -> str:
    from ..text_keys import key

    return key(value) if isinstance(value, str) and value.strip() else ""


def _clean(value: Any) -> Any:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _offers(table: pd.DataFrame, text: str) -> list[tuple[str, Any, Any, str]]:
    """(actor, text, category as written or None, normalised category) per row."""
    return [
        (actor, value, _clean(category), _category(category))
        for actor, value, category in zip(
            table.get("actor", []), table.get(text, []), table.get("category", []), strict=True
        )
    ]


def _capped(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The closest pairs first, at most MAX_PER_NEED per need and MAX_PER_RESOURCE per resource."""
    per_need: dict[int, int] = defaultdict(int)
    per_resource: dict[int, int] = defaultdict(int)
    kept = []
    for i, j, score in sorted(found, key=lambda x: (-x[2], x[1], x[0])):
        if per_need[j] < MAX_PER_NEED and per_resource[i] < MAX_PER_RESOURCE:
            per_need[j] += 1
            per_resource[i] += 1
            kept.append((i, j, score))
    return sorted(kept, key=lambda x: (x[0], x[1]))


def matches(t: Territory) -> list[dict[str, Any]]:
    """Every resource x need match between two different actors, without status.

    Text matches first (capped per need and per resource); then, for pairs whose texts
    do not agree, category leads (same normalised category, capped the same way).
    """
    resources, needs = _offers(t.resources, "resource"), _offers(t.needs, "need")
    # Candidates through an inverted index of concepts and words (no all-pairs loop).
    index: dict[str, set[int]] = defaultdict(set)
    for j, (_, need, _, _) in enumerate(needs):
        nc, nw, _ = _read(str(need))
        for token in (*("c:" + c for c in nc), *("w:" + w for w in nw)):
            index[token].add(j)
    text_found: list[tuple[int, int, int]] = []
    for i, (actor, resource, _, _) in enumerate(resources):
        rc, rw, _ = _read(str(resource))
        candidates = set().union(
            *(index.get(tok, set()) for tok in (*("c:" + c for c in rc), *("w:" + w for w in rw)))
        )
        for j in sorted(candidates):
            if needs[j][0] != actor:
                score = _score(str(resource), str(needs[j][1]))
                if score:
                    text_found.append((i, j, score))
    text_pairs = _capped(text_found)
    seen = {(i, j) for i, j, _ in text_found}
    by_category: dict[str, list[int]] = defaultdict(list)
    for j, (_, _, _, ck) in enumerate(needs):
        if ck:
            by_category[ck].append(j)
    category_found = [
        (i, j, 0)
        for i, (actor, _, _, ck) in enumerate(resources)
        if ck
        for j in by_category.get(ck, ())
        if needs[j][0] != actor and (i, j) not in seen
    ]
    found = [(i, j, "text") for i, j, _ in text_pairs] + [
        (i, j, "category") for i, j, _ in _capped(category_found)
    ]
    names = t.actors["name"].to_dict()
    out = []
    for i, j, how in found:
        (r_actor, resource, r_cat, rk), (n_actor, need, n_cat, nk) = resources[i], needs[j]
        out.append(
            {
                "resource_actor": r_actor,
                "resource_actor_name": names.get(r_actor),
                "need_actor": n_actor,
                "need_actor_name": names.get(n_actor),
                "category": r_cat if how == "category" or rk == nk else (r_cat or n_cat),
                "resource": resource,
                "need": need,
                "match": how,
                "resource_category": r_cat,
                "need_category": n_cat,
            }
        )
    return out
