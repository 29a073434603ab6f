"""Build the survey sample ``_enquete_sud_oise/`` (a roster, filled questionnaires, an export).

Run from anywhere (the package must be installed, ``pip install -e .``)::

    python data/samples/build_enquete.py

It writes into ``data/samples/_enquete_sud_oise/`` and copies into the package
(``src/territoire_graphe/data/samples/_enquete_sud_oise/``). The leading ``_`` keeps it out
of the lists of sample territories (it is not one); ``tg.sample_path("_enquete_sud_oise")``
finds it:

- ``repertoire.xlsx``: the roster, 40 actors of the Creil / Sud Oise digital tiers-lieu
  case, with the 6 relations known from last year's map;
- ``reponses/``: 25 questionnaires written by ``tg.write_questionnaire`` and filled in here
  as the actors would: types and intensities on partners' rows, known relations confirmed
  (« oui » in « toujours vrai ? »), partners outside the list (one misspelt), a known
  relation cleared, one actor who sent its workbook twice (the later file counts), one who
  declared no partner, resources and needs; plus one workbook sent back untouched (not an
  answer);
- ``export_formulaire.csv``: a form-tool export (Framaforms style: timestamp, e-mail,
  free-text partners) from 6 more actors, with misspelt names, one actor answering twice,
  a respondent absent from the roster and an empty row;
- ``liste_cress.xlsx``: the CRESS's list of members, to merge (same SIRET, other spellings,
  one conflicting commune, two actors missing from the roster).

Names are organisations of the real case or plausible inventions; SIRET numbers are
invented. Everything is deterministic.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import openpyxl

import territoire_graphe as tg
from territoire_graphe.collect.workbook import write_territory
from territoire_graphe.stable_xlsx import stable_zip

HERE = Path(__file__).resolve().parent
OUT = HERE / "_enquete_sud_oise"
PACKAGE = HERE.parent.parent / "src" / "territoire_graphe" / "data" / "samples" / \
    "_enquete_sud_oise"

A = [  # id, name, type, commune, siret
    ("E01", "PTCE Émergence Sud Oise", "tête de réseau / accompagnement", "Creil", "81234567800017"),
    ("E02", "Agglomération Creil Sud Oise", "intercommunalité", "Creil", None),
    ("E03", "Ville de Creil", "commune", "Creil", None),
    ("E04", "Ville de Nogent-sur-Oise", "commune", "Nogent-sur-Oise", None),
    ("E05", "Ville de Montataire", "commune", "Montataire", None),
    ("E06", "CCAS de Creil", "établissement public", "Creil", None),
    ("E07", "CAF de l'Oise", "établissement public", "Beauvais", None),
    ("E08", "France Travail Creil", "établissement public", "Creil", None),
    ("E09", "Mission locale de la Vallée de l'Oise", "établissement public", "Creil", None),
    ("E10", "Café numérique de Creil", "association", "Creil", "80111222300015"),
    ("E11", "Fablab des Marais", "association", "Creil", "80222333400012"),
    ("E12", "Ressourcerie du Sud Oise", "entreprise de l'ESS", "Nogent-sur-Oise", "79333444500010"),
    ("E13", "Atelier vélo Rustine", "association", "Creil", None),
    ("E14", "Épicerie solidaire La Passerelle", "association", "Montataire", None),
    ("E15", "Jardins partagés du Plateau", "association", "Creil", None),
    ("E16", "Régie de quartier Creil Rouher", "entreprise de l'ESS", "Creil", "78444555600018"),
    ("E17", "SCOP Numérique Solidaire", "entreprise de l'ESS", "Creil", "82555666700014"),
    ("E18", "Centre social Georges Brassens", "association", "Creil", None),
    ("E19", "Centre social Les Cavées", "association", "Nogent-sur-Oise", None),
    ("E20", "Médiathèque Antoine Chanut", "commune", "Creil", None),
    ("E21", "Lycée Jules Uhry", "formation / recherche", "Creil", None),
    ("E22", "IUT de l'Oise", "formation / recherche", "Creil", None),
    ("E23", "CCI de l'Oise", "chambre consulaire", "Nogent-sur-Oise", None),
    ("E24", "CMA de l'Oise", "chambre consulaire", "Beauvais", None),
    ("E25", "France Active Picardie", "financeur", "Amiens", None),
    ("E26", "Crédit Coopératif", "financeur", "Amiens", None),
    ("E27", "Fondation Orange", "fondation", "Paris", None),
    ("E28", "Département de l'Oise", "département", "Beauvais", None),
    ("E29", "Région Hauts-de-France", "région", "Lille", None),
    ("E30", "CRESS Hauts-de-France", "tête de réseau / accompagnement", "Lille", None),
    ("E31", "Emmaüs Connect", "association", "Creil", None),
    ("E32", "Association Ado Numérique", "association", "Montataire", None),
    ("E33", "Oise Habitat", "bailleur social", "Beauvais", None),
    ("E34", "Clésence", "bailleur social", "Creil", None),
    ("E35", "Entreprise Tech'Oise", "entreprise", "Nogent-sur-Oise", "83666777800011"),
    ("E36", "Collectif d'habitants du Moulin", "citoyens / collectif d'habitants", "Creil", None),
    ("E37", "Secours populaire de Creil", "association", "Creil", None),
    ("E38", "Maison de l'emploi et de la formation", "établissement public", "Creil", None),
    ("E39", "Conseil citoyen de Montataire", "citoyens / collectif d'habitants", "Montataire", None),
    ("E40", "Incubateur ESS Sud Oise", "tête de réseau / accompagnement", "Creil", None),
]
KNOWN = [("E01", "E10", "coopération"), ("E01", "E02", "convention"),
         ("E10", "E31", "coopération"), ("E03", "E06", "gouvernance"),
         ("E07", "E06", "financement"), ("E01", "E30", "interconnaissance")]
# The 25 questionnaires: respondent -> [(partner name as written, type, intensity)]
ANSWERS: dict[str, list[tuple[str, str, int | None]]] = {
    "E01": [("Café numérique de Creil", "coopération", 3),
            ("Agglomération Creil Sud Oise", "convention", 3),
            ("CRESS Hauts-de-France", "interconnaissance", 1),
            ("Fablab des Marais", "coopération", 2), ("SCOP Numérique Solidaire", "partenariat", 2),
            ("France Active Picardie", "financement", 2), ("Incubateur ESS Sud Oise", "coopération", 3),
            ("Région Hauts-de-France", "financement", 2)],
    "E02": [("PTCE Émergence Sud Oise", "convention", 3), ("Ville de Creil", "gouvernance", 3),
            ("Ville de Nogent-sur-Oise", "gouvernance", 3), ("Ville de Montataire", "gouvernance", 3),
            ("Maison de l'emploi et de la formation", "financement", 2)],
    "E03": [("CCAS de Creil", "gouvernance", 3), ("Médiathèque Antoine Chanut", "gouvernance", 3),
            ("Agglomération Creil Sud Oise", "gouvernance", 3),
            ("Centre social Georges Brassens", "financement", 2),
            ("Régie de quartier Creil Rouher", "achat / prestation", 2)],
    "E06": [("Ville de Creil", "gouvernance", 3), ("CAF de l'Oise", "financement", 2),
            ("Secours populaire de Creil", "personnes", 2), ("Emmaüs Connect", "personnes", 2)],
    "E07": [("CCAS de Creil", "financement", 2), ("Centre social Georges Brassens", "financement", 2),
            ("Centre social Les Cavées", "financement", 2)],
    "E08": [("Mission locale de la Vallée de l'Oise", "coopération", 3),
            ("Maison de l'emploi et de la formation", "coopération", 3),
            ("Emmaüs Connect", "personnes", 1)],
    "E09": [("France Travail Creil", "coopération", 3), ("Café numérique de Creil", "personnes", 1)],
    "E10": [("PTCE Émergence Sud Oise", "coopération", 3), ("Emmaüs Connect", "coopération", 2),
            ("Médiathèque Antoine Chanut", "partenariat", 2), ("Fablab des Marais", "coopération", 2),
            ("Association Ado Numérique", "interconnaissance", 1),
            ("Mission locale de la Vallée de l'Oise", "personnes", 1),
            ("Fondation Orange", "financement", 2)],
    "E11": [("PTCE Émergence Sud Oise", "coopération", 2), ("Café numérique de Creil", "coopération", 2),
            ("Lycée Jules Uhry", "partenariat", 2), ("IUT de l'Oise", "interconnaissance", 1)],
    "E12": [("Atelier vélo Rustine", "biens / matières", 2), ("Emmaüs Connect", "biens / matières", 2),
            ("Agglomération Creil Sud Oise", "achat / prestation", 2)],
    "E13": [("Ressourcerie du Sud Oise", "biens / matières", 2),
            ("Centre social Georges Brassens", "coopération", 1)],
    "E14": [("CCAS de Creil", "personnes", 2), ("Secours populaire de Creil", "coopération", 2)],
    "E16": [("Ville de Creil", "achat / prestation", 3), ("Clésence", "achat / prestation", 2),
            ("Collectif d'habitants du Moulin", "interconnaissance", 1)],
    "E17": [("PTCE Émergence Sud Oise", "partenariat", 2), ("Entreprise Tech'Oise", "achat / prestation", 2),
            ("France Active Picardie", "financement", 2), ("Crédit Coopératif", "financement", 2)],
    "E18": [("Ville de Creil", "financement", 2), ("CAF de l'Oise", "financement", 2),
            ("Café numérique de Creil", "interconnaissance", 1)],
    "E20": [("Ville de Creil", "gouvernance", 3), ("Café numérique de Creil", "partenariat", 2)],
    "E21": [("Fablab des Marais", "partenariat", 2)],
    "E25": [("PTCE Émergence Sud Oise", "financement", 2), ("SCOP Numérique Solidaire", "financement", 2),
            ("Incubateur ESS Sud Oise", "coopération", 2)],
    "E30": [("PTCE Émergence Sud Oise", "interconnaissance", 1), ("Incubateur ESS Sud Oise", "coopération", 2)],
    "E31": [("Café numérique de Creil", "coopération", 2), ("CCAS de Creil", "personnes", 2),
            ("France Travail Creil", "personnes", 1), ("Fondation Orange", "financement", 2)],
    "E33": [],  # answered, declared no partner
    "E34": [("Régie de quartier Creil Rouher", "achat / prestation", 2)],
    "E37": [("CCAS de Creil", "personnes", 2), ("Épicerie solidaire La Passerelle", "coopération", 2)],
    "E38": [("France Travail Creil", "coopération", 3), ("Agglomération Creil Sud Oise", "financement", 2)],
    "E40": [("PTCE Émergence Sud Oise", "coopération", 3), ("France Active Picardie", "coopération", 2),
            ("CRESS Hauts-de-France", "coopération", 2)],
}
# Partners written in free rows, not in the list as written (to match, or to review)
FREE_ROWS = {"E10": [("Emaus Conect", "coopération", 1)],  # misspelt Emmaüs Connect
             "E11": [("Lycee Jules Uhri", "interconnaissance", 1)],  # misspelt, already listed
             "E17": [("Cabinet comptable Dufour", "achat / prestation", 1)]}  # not in roster
UNTOUCHED = ["E04"]  # Ville de Nogent-sur-Oise sends its questionnaire back as it was
CLEARED = {"E07": ["CCAS de Creil"]}  # a known relation the CAF clears (then re-declares)
RESOURCES = {"E10": ["Salle informatique de 12 postes", "Médiateurs numériques"],
             "E11": ["Imprimante 3D et découpe laser"], "E12": ["Ordinateurs reconditionnés"],
             "E33": ["Locaux vacants en pied d'immeuble"]}
NEEDS = {"E14": ["Ordinateurs pour les bénévoles"], "E31": ["Locaux pour un atelier"],
         "E36": ["Un lieu pour se réunir"]}
EXPORT = [  # the form-tool export: (timestamp, e-mail, respondent as written, partners, needs)
    ("2024-03-04 09:12", "contact@fablab-marais.fr", "Collectif d'habitants du Moulin",
     "Regie de quartier Creil-Rouher ; Jardins partagés du plateau", "Un lieu pour se réunir"),
    ("2024-03-05 14:40", "asso@ado-num.fr", "Asso Ado Numerique",
     "Café Numérique; Ville de Montatair\nConseil citoyen Montataire", ""),
    ("2024-03-06 10:03", "rh@techoise.fr", "Tech'Oise", "SCOP Numérique Solidaire, CCI Oise", ""),
    ("2024-03-06 11:30", "cc@montataire.fr", "Conseil citoyen de Montataire",
     "Mairie de Montataire; Epicerie solidaire la Passerelle", ""),
    ("2024-03-08 16:20", "asso@ado-num.fr", "Association Ado Numérique",  # answers again, later
     "Café numérique de Creil; Ville de Montataire; Conseil citoyen de Montataire; Fablab", ""),
    ("2024-03-09 08:45", "jardins@plateau.fr", "Jardins partagés du Plateau",
     "Collectif d'habitants du Moulin; Centre social G. Brassens", ""),
    ("2024-03-09 09:00", "x@y.fr", "Boulangerie du Plateau", "Jardins partagés du Plateau", ""),
    ("", "", "", "", ""),
    ("2024-03-10 18:05", "cma@cma-oise.fr", "Chambre de Métiers et de l'Artisanat de l'Oise",
     "CCI de l'Oise; Incubateur ESS", ""),
]
CRESS = [  # the CRESS's member list: name, type, commune, siret
    ("Emergence Sud Oise (PTCE)", "tête de réseau / accompagnement", "Creil", "81234567800017"),
    ("Ressourcerie Sud Oise", "entreprise de l'ESS", "Villers-Saint-Paul", "79333444500010"),
    ("SCOP Numerique Solidaire", "entreprise de l'ESS", "Creil", "82555666700014"),
    ("Régie de Quartier de Creil", "entreprise de l'ESS", "Creil", None),
    ("Café numérique - Creil", "association", "Creil", None),
    ("Coopérative d'activités Oise Entreprendre", "entreprise de l'ESS", "Beauvais", "84777888900019"),
    ("Recyclerie des Deux Vallées", "entreprise de l'ESS", "Montataire", "85888999000016"),
]


def roster() -> tg.Territory:
    return tg.Territory.from_records(
        actors=[{"id": i, "name": n, "type": t, "municipality": c, "siret": s}
                for i, n, t, c, s in A],
        relations=[{"source": s, "target": c, "type": y} for s, c, y in KNOWN],
        name="Sud Oise")


def fill(path: Path, actor: str) -> None:
    book = openpyxl.load_workbook(path)
    ws = book["liens"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)
            if ws.cell(row=r, column=1).value}
    free = max(rows.values()) + 1
    for name in CLEARED.get(actor, []):
        ws.cell(row=rows[name], column=2).value = None
    for name, kind, weight in ANSWERS[actor]:
        row = rows[name]
        if actor in CLEARED and name in CLEARED[actor]:
            row, free = free, free + 1  # declared again on a new row, with another intensity
            ws.cell(row=row, column=1, value=name)
        if ws.cell(row=row, column=5).value:  # a known relation: "toujours vrai ?" oui
            ws.cell(row=row, column=6, value="oui")
        ws.cell(row=row, column=2, value=kind)
        ws.cell(row=row, column=3, value=weight)
    for name, kind, weight in FREE_ROWS.get(actor, []):
        ws.cell(row=free, column=1, value=name)
        ws.cell(row=free, column=2, value=kind)
        ws.cell(row=free, column=3, value=weight)
        free += 1
    for sheet, items in (("ressources", RESOURCES.get(actor, [])), ("besoins", NEEDS.get(actor, []))):
        for number, item in enumerate(items, start=2):
            book[sheet].cell(row=number, column=1, value=item)
    save(book, path)


def save(book: openpyxl.Workbook, path: Path) -> None:
    """Save with fixed dates, so that two builds give the same bytes."""
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue()))


def build() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "reponses").mkdir(parents=True)
    t = roster()
    write_territory(t, OUT / "repertoire.xlsx")
    blank = OUT / "_vierges"
    paths = tg.write_questionnaire(t, blank, form="excel")
    by_actor = dict(zip(t.actors.index, paths, strict=True))
    for actor in ANSWERS:
        target = OUT / "reponses" / by_actor[actor].name
        shutil.copyfile(by_actor[actor], target)
        fill(target, actor)
    # E12 sent its workbook twice: the first, half filled, then the full one (read later)
    first = OUT / "reponses" / by_actor["E12"].name.replace(".xlsx", "_brouillon.xlsx")
    shutil.copyfile(by_actor["E12"], first)
    early = openpyxl.load_workbook(first)
    early["liens"].cell(row=2, column=2, value="interconnaissance")
    save(early, first)
    first.rename(OUT / "reponses" / ("0_" + first.name))
    # E04 sent its workbook back untouched: no answer (a warning names the file)
    for actor in UNTOUCHED:
        shutil.copyfile(by_actor[actor], OUT / "reponses" / by_actor[actor].name)
    shutil.rmtree(blank)
    with (OUT / "export_formulaire.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Horodateur", "Adresse e-mail", "Nom de votre structure",
                         "Avec quelles structures travaillez-vous ?", "Vos besoins"])
        writer.writerows(EXPORT)
    cress = tg.Territory.from_records(
        actors=[{"id": f"C{k:02d}", "name": n, "type": t, "municipality": c, "siret": s,
                 "adherent_cress": "oui"} for k, (n, t, c, s) in enumerate(CRESS, start=1)],
        name="CRESS")
    write_territory(cress, OUT / "liste_cress.xlsx")
    (OUT / "README.md").write_text(README, encoding="utf-8")
    if PACKAGE.exists():
        shutil.rmtree(PACKAGE)
    shutil.copytree(OUT, PACKAGE)


README = """# Enquête Sud Oise / Sud Oise survey

Échantillon du guide `docs/enquete.md` et du carnet `notebooks/03_enquete.ipynb`, produit par
`data/samples/build_enquete.py` (ne pas modifier à la main).

- `repertoire.xlsx` : le répertoire, 40 acteurs du tiers-lieu numérique de Creil et du Sud
  Oise, et 6 relations connues l'an dernier ;
- `reponses/` : 25 questionnaires remplis (dont un envoyé deux fois, un sans aucun lien, un
  partenaire mal orthographié, un absent du répertoire, des liens connus confirmés, un lien
  connu effacé puis redéclaré), et un questionnaire renvoyé sans réponse ;
- `export_formulaire.csv` : l'export d'un outil de formulaire (horodateur, e-mail,
  partenaires en texte libre, fautes de frappe, une structure qui répond deux fois, une
  autre absente du répertoire, une ligne vide) ;
- `liste_cress.xlsx` : la liste des adhérents de la CRESS, à fusionner.

Noms d'organisations du cas réel ou inventés ; numéros SIRET inventés.

Sample of the guide and the notebook: a roster of 40 actors, 25 filled questionnaires, a
form-tool export with misspelt names, and a list to merge. Generated, do not edit by hand.
"""


if __name__ == "__main__":
    build()
    print(f"written: {OUT} and {PACKAGE}")
