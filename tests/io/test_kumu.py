"""Kumu's import layout (Elements / Connections) read as a territory (FORMAT.md section 1)."""

from __future__ import annotations

import copy

import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.io.kumu import looks_like_kumu, to_standard
from territoire_graphe.io.sheets import RawSheet, RawWorkbook

ELEMENTS = [
    ["Label", "Type", "Description", "Tags", "Fonctions"],
    ["Mairie de Songeons", "Commune", "La mairie", "public|élus", "habiter|se déplacer"],
    ["Les Jardins du Bray", "association", None, "maraîchage", "se nourrir"],
    ["Bray Bois Énergie", None, "Chaufferie bois", None, None],
]
CONNECTIONS = [
    ["From", "To", "Type", "Direction", "Strength", "Description", "Tags"],
    ["Mairie de Songeons", "Les Jardins du Bray", "coopération", "directed", 2, "Projet", "a|b"],
    ["Les Jardins du Bray", "Bray Bois Énergie", None, "undirected", None, None, None],
    ["Bray Bois Énergie", "Mairie de Songeons", "financement", "mutual", 3, None, None],
    ["Mairie de Songeons", "Bray Bois Énergie", "information", None, None, None, None],
]


def cells(column: pd.Series) -> list:
    """A column's values, every kind of missing value as None."""
    return [None if pd.isna(v) else v for v in column]


@pytest.fixture
def kumu_workbook(make_workbook):
    return make_workbook({"Elements": ELEMENTS, "Connections": CONNECTIONS}, name="kumu.xlsx")


def test_a_kumu_workbook_reads_its_elements_as_actors(kumu_workbook):
    actors = tg.read(kumu_workbook).actors
    assert list(actors["name"]) == [
        "Mairie de Songeons",
        "Les Jardins du Bray",
        "Bray Bois Énergie",
    ]
    assert list(actors["type"]) == ["commune", "association", "autre"]
    assert cells(actors["Description"]) == ["La mairie", None, "Chaufferie bois"]


def test_kumu_tags_are_kept_as_written_but_functions_split_on_the_pipe(kumu_workbook):
    actors = tg.read(kumu_workbook).actors.set_index("name")
    assert actors.loc["Mairie de Songeons", "Tags"] == "public|élus"
    assert actors.loc["Mairie de Songeons", "functions"] == ["habiter", "se déplacer"]
    assert actors.loc["Les Jardins du Bray", "functions"] == ["se nourrir"]


def test_kumu_connections_become_relations_with_their_direction_and_strength(kumu_workbook):
    t = tg.read(kumu_workbook)
    names = t.actors["name"]
    relations = t.relations
    got = [
        (names[s], names[d], ty, directed, w)
        for s, d, ty, directed, w in zip(
            relations["source"],
            relations["target"],
            relations["type"],
            relations["directed"],
            relations["weight"],
            strict=True,
        )
    ]
    assert got == [
        ("Mairie de Songeons", "Les Jardins du Bray", "coopération", True, 2.0),
        # no type: the generic tie; "undirected" -> not oriented
        ("Les Jardins du Bray", "Bray Bois Énergie", "interconnaissance", False, 1.0),
        # "mutual" -> not oriented, although funding is oriented by default
        ("Bray Bois Énergie", "Mairie de Songeons", "financement", False, 3.0),
        # no direction: the type's default (information flows one way)
        ("Mairie de Songeons", "Bray Bois Énergie", "information", True, 1.0),
    ]
    assert cells(relations["comment"]) == ["Projet", None, None, None]
    assert cells(relations["Tags"]) == ["a|b", None, None, None]


def test_a_kumu_connection_without_type_is_an_undirected_tie(kumu_workbook):
    relations = tg.read(kumu_workbook).relations
    untyped = relations[relations["type"] == "interconnaissance"].iloc[0]
    assert (untyped["family"], bool(untyped["directed"])) == ("lien", False)


def test_an_unknown_kumu_element_type_is_kept_with_a_warning(make_workbook):
    path = make_workbook(
        {
            "Elements": [
                ["Label", "Type"],
                ["Ferme du Coudray", "Ferme urbaine"],
                ["Mairie", "commune"],
            ]
        }
    )
    t = tg.read(path)
    assert list(t.actors["type"]) == ["Ferme urbaine", "commune"]
    assert [(w.code, w.sheet, w.row) for w in t.warnings] == [("type_unknown", "Elements", 2)]


def test_an_elements_sheet_without_a_type_column_makes_every_element_autre(make_workbook):
    path = make_workbook({"Elements": [["Label", "Description"], ["A", "x"], ["B", "y"]]})
    assert list(tg.read(path).actors["type"]) == ["autre", "autre"]


def test_a_file_of_connections_only_creates_the_elements_it_names(make_workbook):
    path = make_workbook(
        {
            "Connections": [
                ["From", "To", "Type"],
                ["Mairie", "Asso", None],
                ["asso", "Ferme", "coopération"],
            ]
        }
    )
    t = tg.read(path)
    assert list(t.actors["name"]) == ["Mairie", "Asso", "Ferme"]  # "asso" is "Asso"
    assert list(t.actors["type"]) == ["autre"] * 3
    assert list(t.relations["type"]) == ["interconnaissance", "coopération"]


def test_a_connection_to_an_unknown_element_adds_it_with_a_warning_naming_it(make_workbook):
    # FORMAT.md section 1: in other tools' files, "an edge naming an undeclared node is a
    # warning that lists those nodes" (Kumu itself creates the element).
    path = make_workbook(
        {
            "Elements": [["Label", "Type"], ["Mairie", "commune"]],
            "Connections": [["From", "To"], ["Mairie", "Mairie"], ["Mairie", "Mairy"]],
        }
    )
    t = tg.read(path)
    assert list(t.actors["name"]) == ["Mairie", "Mairy"]
    [warning] = [w for w in t.warnings if w.code == "nodes_undeclared"]
    assert warning.sheet == "Connections" and "(Mairy)" in warning.message


def test_a_bad_direction_is_reported_on_its_row_not_silently_read(make_workbook, errors_of):
    path = make_workbook(
        {
            "Elements": [["Label"], ["A"], ["B"]],
            "Connections": [["From", "To", "Direction"], ["A", "B", "sometimes"]],
        }
    )
    problems = errors_of(path)
    assert [(p.code, p.sheet, p.row, p.column) for p in problems] == [
        ("boolean_invalid", "Connections", 2, "Direction")
    ]


def test_kumu_sheets_with_other_names_are_read_as_actors_and_relations(make_workbook):
    path = make_workbook(
        {
            "Feuil1": [["Label", "Type"], ["A", "commune"], ["B", "association"]],
            "Feuil2": [["From", "To", "Type"], ["A", "B", "partenariat"]],
        }
    )
    t = tg.read(path)
    assert list(t.actors["name"]) == ["A", "B"]
    assert list(t.relations["sheet"]) == ["relations"]


def test_a_kumu_csv_folder_is_read_like_the_workbook(tmp_path):
    folder = tmp_path / "kumu"
    folder.mkdir()
    (folder / "elements.csv").write_text(
        "Label,Type,Tags\nMairie,commune,a|b\nAsso,association,\n", encoding="utf-8"
    )
    (folder / "connections.csv").write_text(
        "From,To,Type,Direction\nMairie,Asso,,mutual\n", encoding="utf-8"
    )
    t = tg.read(folder)
    assert cells(t.actors["Tags"]) == ["a|b", None]
    assert (t.relations.loc[0, "type"], bool(t.relations.loc[0, "directed"])) == (
        "interconnaissance",
        False,
    )


def test_a_standard_workbook_with_from_to_headers_is_not_taken_for_kumu(
    make_workbook, errors_of, located
):
    # "From" and "To" are English aliases of source and target: with a standard actors
    # sheet, a relation without type is the usual error, not a Kumu default.
    path = make_workbook(
        {
            "actors": [["name", "type"], ["A", "commune"], ["B", "association"]],
            "links": [["From", "To", "Type"], ["A", "B", None]],
        }
    )
    assert located(errors_of(path)) == [("value_missing", "links", 2)]


def test_converting_a_kumu_workbook_leaves_the_original_untouched():
    raw = RawWorkbook(
        "k.xlsx",
        [
            RawSheet("Elements", ["Label", "Fonctions"], [["A", "habiter|se nourrir"]], [2]),
            RawSheet("Connections", ["From", "To", "Direction"], [["A", "A", "directed"]], [2]),
        ],
    )
    before = copy.deepcopy(raw)
    standard = to_standard(raw)
    assert raw == before
    assert standard.sheets[0].rows == [["A", "habiter;se nourrir", "autre"]]
    assert standard.sheets[1].rows == [["A", "A", "oui", "interconnaissance"]]


def test_a_workbook_without_label_or_from_to_columns_is_not_kumu():
    raw = RawWorkbook("t.xlsx", [RawSheet("acteurs", ["nom", "type"], [["A", "commune"]], [2])])
    assert looks_like_kumu(raw) is False


def test_a_type_filled_in_for_kumu_rows_without_one_is_said_once_per_sheet(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    elements = book.active
    elements.title = "Elements"
    for row in (["Label", "Type"], ["Mairie", None], ["Asso", "Association"], ["Café", None]):
        elements.append(row)
    connections = book.create_sheet("Connections")
    for row in (["From", "To", "Type"], ["Mairie", "Asso", None], ["Café", "Asso", None]):
        connections.append(row)
    book.save(tmp_path / "kumu.xlsx")
    t = tg.read(tmp_path / "kumu.xlsx")
    supplied = [(w.code, w.sheet, w.row) for w in t.warnings if w.code == "type_supplied"]
    # the first row without a type in each sheet carries the one warning of that sheet
    assert supplied == [("type_supplied", "Elements", 2), ("type_supplied", "Connections", 2)]
    assert t.actors["type"].tolist() == ["autre", "association", "autre"]
    assert t.relations["type"].tolist() == ["interconnaissance"] * 2
