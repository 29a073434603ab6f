"""A corpus of bad workbooks built in code: each gives one clear problem, located as a person sees it.

Every case asserts the problem's ``code``, its ``sheet`` (as named in the workbook)
and its ``row`` (as the spreadsheet application numbers it: header on row 1, first
data row 2).
"""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

import territoire_graphe as tg

ACTORS = [
    ["nom", "type"],
    ["Mairie de Songeons", "commune"],
    ["Les Jardins du Bray", "association"],
]
LINK = ["source", "cible", "type"]
OK_LINK = ["Mairie de Songeons", "Les Jardins du Bray", "coopération"]
COLLECTIVES = [["nom", "type"], ["PTCE du Bray", "PTCE"]]

# (case, sheets, expected (code, sheet, row, column))
CASES = [
    (
        "actors without a name column",
        {"acteurs": [["type"], ["commune"]]},
        ("column_missing", "acteurs", 1, "nom"),
    ),
    (
        "actors without a type column",
        {"acteurs": [["nom"], ["Mairie"]]},
        ("column_missing", "acteurs", 1, "type"),
    ),
    (
        "an actor without a name",
        {"acteurs": [*ACTORS, [None, "association"]]},
        ("value_missing", "acteurs", 4, "nom"),
    ),
    (
        "an actor without a type",
        {"acteurs": [*ACTORS, ["Ferme du Bois", " "]]},
        ("value_missing", "acteurs", 4, "type"),
    ),
    (
        "two actors with the same id",
        {
            "acteurs": [
                ["id", "nom", "type"],
                ["a", "Mairie", "commune"],
                ["b", "Asso", "association"],
                ["A", "Ferme", "entreprise"],
            ]
        },
        ("id_duplicate", "acteurs", 4, "id"),
    ),
    (
        "two actors with the same name but for case and accents",
        {"acteurs": [*ACTORS, ["LES JARDINS DU BRÂY", "association"]]},
        ("name_duplicate", "acteurs", 4, "nom"),
    ),
    (
        "an influence that is not a number",
        {"acteurs": [["nom", "type", "influence"], ["Mairie", "commune", "forte"]]},
        ("number_invalid", "acteurs", 2, "influence"),
    ),
    (
        "an influence above 5",
        {"acteurs": [["nom", "type", "influence"], ["Mairie", "commune", 7]]},
        ("scale_out_of_range", "acteurs", 2, "influence"),
    ),
    (
        "an interest below 0",
        {"acteurs": [["nom", "type", "intérêt"], ["Mairie", "commune", -1]]},
        ("scale_out_of_range", "acteurs", 2, "intérêt"),
    ),
    (
        "a latitude out of the globe",
        {"acteurs": [["nom", "type", "latitude"], ["Mairie", "commune", "149,6"]]},
        ("coordinate_out_of_range", "acteurs", 2, "latitude"),
    ),
    (
        "relations without a target column",
        {
            "acteurs": ACTORS,
            "relations": [["source", "type"], ["Mairie de Songeons", "coopération"]],
        },
        ("column_missing", "relations", 1, "cible"),
    ),
    (
        "a relation from an unknown actor",
        {
            "acteurs": ACTORS,
            "relations": [
                LINK,
                OK_LINK,
                ["Mairie de Gournay", "Les Jardins du Bray", "coopération"],
            ],
        },
        ("reference_unknown", "relations", 3, "source"),
    ),
    (
        "a relation to an ambiguous reference",
        {
            "acteurs": [
                ["id", "nom", "type"],
                ["bray", "Mairie", "commune"],
                ["asso", "Bray", "association"],
            ],
            "relations": [LINK, ["Mairie", "BRAY", "coopération"]],
        },
        ("reference_ambiguous", "relations", 2, "cible"),
    ),
    (
        "a relation to a collective",
        {
            "acteurs": ACTORS,
            "collectifs": COLLECTIVES,
            "relations": [LINK, ["Mairie de Songeons", "PTCE du Bray", "coopération"]],
        },
        ("reference_not_actor", "relations", 2, "cible"),
    ),
    (
        "a negative intensity",
        {"acteurs": ACTORS, "relations": [[*LINK, "intensité"], [*OK_LINK, "-1"]]},
        ("number_negative", "relations", 2, "intensité"),
    ),
    (
        "an intensity in words",
        {"acteurs": ACTORS, "relations": [[*LINK, "intensité"], [*OK_LINK, "forte"]]},
        ("number_invalid", "relations", 2, "intensité"),
    ),
    (
        "a direction that is neither yes nor no",
        {"acteurs": ACTORS, "relations": [[*LINK, "orienté"], [*OK_LINK, "parfois"]]},
        ("boolean_invalid", "relations", 2, "orienté"),
    ),
    (
        "a start date that is not a date",
        {"acteurs": ACTORS, "relations": [[*LINK, "début"], [*OK_LINK, "l'an dernier"]]},
        ("date_invalid", "relations", 2, "début"),
    ),
    (
        "a relation without a type",
        {
            "acteurs": ACTORS,
            "relations": [LINK, ["Mairie de Songeons", "Les Jardins du Bray", None]],
        },
        ("value_missing", "relations", 2, "type"),
    ),
    (
        "a flow from an unknown actor",
        {"acteurs": ACTORS, "flux": [["source", "cible"], ["Mairie de Songeons", "Inconnu"]]},
        ("reference_unknown", "flux", 2, "cible"),
    ),
    (
        "a membership of an unknown collective",
        {
            "acteurs": ACTORS,
            "collectifs": COLLECTIVES,
            "adhesions": [["acteur", "collectif"], ["Mairie de Songeons", "PTCE"]],
        },
        ("reference_unknown", "adhesions", 2, "collectif"),
    ),
    (
        "a membership of an actor rather than a collective",
        {
            "acteurs": ACTORS,
            "collectifs": COLLECTIVES,
            "adhesions": [["acteur", "collectif"], ["Mairie de Songeons", "Les Jardins du Bray"]],
        },
        ("reference_not_collective", "adhesions", 2, "collectif"),
    ),
    (
        "a person of an unknown organisation",
        {
            "acteurs": ACTORS,
            "personnes": [["nom", "acteur"], ["Jeanne Martin", "Mairie de Gournay"]],
        },
        ("reference_unknown", "personnes", 2, "acteur"),
    ),
    (
        "a resource without its description",
        {
            "acteurs": ACTORS,
            "ressources": [
                ["acteur", "ressource"],
                ["Mairie de Songeons", "salle"],
                ["Les Jardins du Bray", None],
            ],
        },
        ("value_missing", "ressources", 3, "ressource"),
    ),
    (
        "a need of an unknown actor",
        {"acteurs": ACTORS, "besoins": [["acteur", "besoin"], ["Ferme", "tracteur"]]},
        ("reference_unknown", "besoins", 2, "acteur"),
    ),
    (
        "a declared type of an unknown kind",
        {"acteurs": ACTORS, "types": [["type", "catégorie"], ["GAEC", "exploitant"]]},
        ("kind_invalid", "types", 2, "catégorie"),
    ),
    (
        "a declared relation type of an unknown family",
        {
            "acteurs": ACTORS,
            "types": [["type", "catégorie", "famille"], ["troc", "relation", "échange"]],
        },
        ("family_invalid", "types", 2, "famille"),
    ),
    (
        "a declared type with a colour that is not one",
        {
            "acteurs": ACTORS,
            "types": [["type", "catégorie", "couleur"], ["GAEC", "acteur", "#12345G"]],
        },
        ("color_invalid", "types", 2, "couleur"),
    ),
    (
        "the same column twice, in French and English",
        {"acteurs": [["nom", "type", "name"], ["Mairie", "commune", "Town hall"]]},
        ("column_duplicate", "acteurs", 1, "name"),
    ),
    (
        "two sheets of actors",
        {"acteurs": ACTORS, "Actors": ACTORS},
        ("sheet_duplicate", "Actors", None, None),
    ),
    # (a lone sheet "Feuil1" holding actors is a plain table, read: see test_single_table.py)
    (
        "no actors sheet",
        {"collectifs": [["nom", "type"], ["Réseau", "réseau"]]},
        ("sheet_missing_actors", None, None, None),
    ),
    (
        "an actors sheet with only its header",
        {"acteurs": [["nom", "type"]]},
        ("actors_empty", "acteurs", 1, None),
    ),
    (
        "title rows above the header",
        {
            "acteurs": [
                ["Acteurs du Pays de Bray"],
                [],
                ["nom", "type"],
                ["Mairie", "commune"],
                ["Asso", None],
            ]
        },
        ("value_missing", "acteurs", 5, "type"),
    ),
    (
        "a collective without a type",
        {"acteurs": ACTORS, "collectifs": [["nom", "type"], ["PTCE du Bray", None]]},
        ("value_missing", "collectifs", 2, "type"),
    ),
    (
        "a collective with an actor's id",
        {
            "acteurs": [["id", "nom", "type"], ["bray", "Mairie", "commune"]],
            "collectifs": [["id", "nom", "type"], ["BRAY", "PTCE du Bray", "PTCE"]],
        },
        ("id_duplicate", "collectifs", 2, "id"),
    ),
    (
        "a sheet named in capitals with spaces",
        {" ACTEURS ": [*ACTORS, [None, "commune"]]},
        ("value_missing", " ACTEURS ", 4, "nom"),
    ),
    (
        "an English workbook",
        {
            "Actors": [["Name", "Type"], ["Town hall", "municipality"]],
            "Links": [
                ["Source", "Target", "Type", "Weight"],
                ["Town hall", "Town hall", "cooperation", "heavy"],
            ],
        },
        ("number_invalid", "Links", 2, "Weight"),
    ),
]


@pytest.mark.parametrize(("sheets", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_workbook_gives_one_located_problem(make_workbook, errors_of, sheets, expected):
    problems = errors_of(make_workbook(sheets))
    assert [(p.code, p.sheet, p.row, p.column) for p in problems] == [expected]
    (problem,) = problems
    assert problem.file == "territoire.xlsx"
    assert problem.message and problem.hint
    assert problem.message in str(problem) and problem.hint in str(problem)


def test_the_corpus_holds_at_least_25_bad_workbooks():
    assert len(CASES) >= 25


def test_an_error_in_a_hidden_sheet_names_that_sheet(tmp_path, errors_of):
    book = openpyxl.Workbook()
    book.active.title = "Accueil"
    book.active.append(["Lisez la feuille des acteurs"])
    hidden = book.create_sheet("acteurs")
    hidden.sheet_state = "hidden"
    for row in [*ACTORS, ["Ferme", None]]:
        hidden.append(row)
    book.save(tmp_path / "cache.xlsx")
    problems = errors_of(tmp_path / "cache.xlsx")
    assert [(p.code, p.sheet, p.row) for p in problems] == [("value_missing", "acteurs", 4)]


# -- files that are not workbooks ----------------------------------------------------------


def _valid_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "acteurs"
    book.active.append(["nom", "type", "commentaire"])
    for number in range(100):
        book.active.append([f"Association n° {number}", "association", "texte " * number])
    book.save(path)
    return path


FILES = [
    (
        "text renamed .xlsx",
        "notes.xlsx",
        lambda p: p.write_text("nom;type\nMairie;commune\n"),
        "file_not_workbook",
    ),
    (
        "image renamed .xlsx",
        "photo.xlsx",
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)),
        "file_not_workbook",
    ),
    (
        "password-protected",
        "secret.xlsx",
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4000)),
        "file_encrypted",
    ),
    ("empty file", "vide.xlsx", lambda p: p.write_bytes(b""), "file_empty"),
    ("zip archive of other files", "archive.xlsx", None, "file_not_workbook"),
    (
        "unsupported extension",
        "carte.pdf",
        lambda p: p.write_bytes(b"%PDF-1.4"),
        "format_unsupported",
    ),
]


@pytest.mark.parametrize(
    ("name", "make", "code"), [c[1:] for c in FILES], ids=[c[0] for c in FILES]
)
def test_a_file_that_is_not_a_workbook_is_one_clear_error(tmp_path, errors_of, name, make, code):
    path = tmp_path / name
    if make is None:
        import zipfile

        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", "<document/>")
    else:
        make(path)
    (problem,) = errors_of(path)
    assert (problem.code, problem.file, problem.sheet, problem.row) == (code, name, None, None)
    assert problem.message and problem.hint


@pytest.mark.parametrize("kept", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_workbook_is_one_clear_error(tmp_path, errors_of, kept):
    data = _valid_workbook(tmp_path / "full.xlsx").read_bytes()
    path = tmp_path / "coupe.xlsx"
    path.write_bytes(data[: int(len(data) * kept)])
    (problem,) = errors_of(path)
    assert (problem.code, problem.sheet, problem.row) == ("file_truncated", None, None)


def test_a_missing_file_is_one_clear_error(tmp_path, errors_of):
    (problem,) = errors_of(tmp_path / "absent.xlsx")
    assert problem.code == "file_not_found"


def test_an_empty_workbook_is_one_clear_error(tmp_path, errors_of):
    openpyxl.Workbook().save(tmp_path / "vide.xlsx")
    assert [p.code for p in errors_of(tmp_path / "vide.xlsx")] == ["workbook_empty"]


def test_a_workbook_saved_under_the_wrong_extension_is_read_by_its_content(tmp_path):
    data = _valid_workbook(tmp_path / "full.xlsx").read_bytes()
    for name in ("renomme.xls", "renomme.ods"):
        (tmp_path / name).write_bytes(data)
        assert len(tg.read(tmp_path / name).actors) == 100


def test_an_ods_workbook_is_read(tmp_path):
    import pandas as pd

    path = tmp_path / "bray.ods"
    with pd.ExcelWriter(path, engine="odf") as writer:
        pd.DataFrame(
            {
                "nom": ["Mairie", "Asso"],
                "type": ["commune", "association"],
                "code INSEE": ["06232", "60620"],
            }
        ).to_excel(writer, sheet_name="acteurs", index=False)
        pd.DataFrame(
            {"source": ["Mairie"], "cible": ["Asso"], "type": ["coopération"], "intensité": ["2,5"]}
        ).to_excel(writer, sheet_name="relations", index=False)
    territory = tg.read(path)
    assert list(territory.actors["code INSEE"]) == ["06232", "60620"]
    assert territory.relations.iloc[0]["weight"] == 2.5


def test_a_bad_ods_workbook_names_the_row_too(tmp_path, errors_of):
    import pandas as pd

    path = tmp_path / "bray.ods"
    with pd.ExcelWriter(path, engine="odf") as writer:
        pd.DataFrame({"nom": ["Mairie", None], "type": ["commune", "association"]}).to_excel(
            writer, sheet_name="Acteurs", index=False
        )
    problems = errors_of(path)
    assert [(p.code, p.sheet, p.row) for p in problems] == [("value_missing", "Acteurs", 3)]


def test_damaged_workbooks_never_give_a_traceback(tmp_path):
    import random

    data = _valid_workbook(tmp_path / "full.xlsx").read_bytes()
    rng = random.Random(2024)
    for attempt in range(40):
        damaged = bytearray(data[: rng.randrange(len(data))] if attempt % 2 else data)
        for _ in range(rng.randint(1, 30)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / f"abime_{attempt}.xlsx"
        path.write_bytes(bytes(damaged))
        try:
            tg.read(path)
        except tg.InputError as error:
            assert error.problems and all(p.message and p.hint for p in error.problems)
