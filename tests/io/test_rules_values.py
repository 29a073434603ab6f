"""Rules of FORMAT.md section 1 on relation values: intensity, direction, dates, types, flows,
and how warnings and errors are reported."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import territoire_graphe as tg

LINKS_HEADER = ["source", "cible", "type"]


# -- intensity ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (None, 1.0),
        ("", 1.0),
        (3, 3.0),
        ("2,5", 2.5),
        ("2.5", 2.5),
        (" 4 ", 4.0),
        (0, 0.0),
        ("1 234,5", 1234.5),
    ],
)
def test_intensity_is_a_number_with_a_decimal_comma_accepted_and_1_by_default(
    make_workbook, actors_rows, written, expected
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "relations": [
                [*LINKS_HEADER, "intensité"],
                ["Mairie de Songeons", "Les Jardins du Bray", "coopération", written],
            ],
        }
    )
    assert tg.read(path).relations.loc[0, "weight"] == expected


@pytest.mark.parametrize(
    ("written", "code"),
    [(-1, "number_negative"), ("fort", "number_invalid"), ("2,5,1", "number_invalid")],
)
def test_an_intensity_below_zero_or_not_a_number_is_an_error(
    make_workbook, errors_of, located, actors_rows, written, code
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "relations": [
                [*LINKS_HEADER, "intensite"],
                ["Mairie de Songeons", "Les Jardins du Bray", "coopération", written],
            ],
        }
    )
    assert located(errors_of(path)) == [(code, "relations", 2)]


# -- direction ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("oui", True),
        ("Non", False),
        ("yes", True),
        ("NO", False),
        ("true", True),
        ("False", False),
        (1, True),
        (0, False),
        ("1", True),
        ("0", False),
        ("x", True),
        ("X", True),
        (True, True),
        (False, False),
        ("vrai", True),
        ("faux", False),
    ],
)
def test_directed_accepts_yes_no_true_false_1_0_and_x(
    make_workbook, actors_rows, written, expected
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "relations": [
                [*LINKS_HEADER, "orienté"],
                ["Mairie de Songeons", "Les Jardins du Bray", "coopération", written],
            ],
        }
    )
    assert bool(tg.read(path).relations.loc[0, "directed"]) is expected


@pytest.mark.parametrize(
    ("relation_type", "expected"),
    [
        ("interconnaissance", False),
        ("coopération", False),
        ("tension", False),
        ("mutualisation", False),
        ("financement", True),
        ("information", True),
        ("dépendance", True),
        ("effet utile", True),
    ],
)
def test_an_empty_directed_cell_takes_the_relation_types_default(
    make_workbook, actors_rows, relation_type, expected
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "relations": [
                [*LINKS_HEADER, "oriente"],
                ["Mairie de Songeons", "Les Jardins du Bray", relation_type, None],
            ],
        }
    )
    assert bool(tg.read(path).relations.loc[0, "directed"]) is expected


def test_a_directed_cell_that_says_neither_yes_nor_no_is_an_error(
    make_workbook, errors_of, located, actors_rows
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "relations": [
                [*LINKS_HEADER, "oriente"],
                ["Mairie de Songeons", "Les Jardins du Bray", "coopération", "peut-être"],
            ],
        }
    )
    assert located(errors_of(path)) == [("boolean_invalid", "relations", 2)]


# -- unknown relation types --------------------------------------------------------------


def test_an_unknown_relation_type_is_an_undirected_tie_with_a_warning(make_workbook, actors_rows):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "relations": [
                [*LINKS_HEADER, "oriente"],
                ["Mairie de Songeons", "Les Jardins du Bray", "jumelage", None],
                ["Mairie de Songeons", "Bray Bois Énergie", "jumelage", "oui"],
            ],
        }
    )
    territory = tg.read(path)
    assert list(territory.relations["family"]) == ["lien", "lien"]
    assert list(territory.relations["directed"]) == [False, True]
    assert list(territory.relations["type"]) == ["jumelage", "jumelage"]
    warning = next(w for w in territory.warnings if w.code == "type_unknown")
    assert (warning.sheet, warning.row, warning.column) == ("relations", 2, "type")


# -- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (dt.date(2021, 3, 15), pd.Timestamp(2021, 3, 15)),
        (dt.datetime(2021, 3, 15, 0, 0), pd.Timestamp(2021, 3, 15)),
        ("2021-03-15", pd.Timestamp(2021, 3, 15)),
        ("15/03/2021", pd.Timestamp(2021, 3, 15)),
        ("5/3/2021", pd.Timestamp(2021, 3, 5)),
        (2019, pd.Timestamp(2019, 1, 1)),
        ("2019", pd.Timestamp(2019, 1, 1)),
        (44270, pd.Timestamp(2021, 3, 15)),
    ],
)
def test_dates_accept_excel_dates_iso_dates_dd_mm_yyyy_and_a_bare_year(
    make_workbook, actors_rows, written, expected
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "relations": [
                [*LINKS_HEADER, "début"],
                ["Mairie de Songeons", "Les Jardins du Bray", "coopération", written],
            ],
            "collectifs": [["nom", "type"], ["PTCE", "PTCE"]],
            "adhesions": [
                ["acteur", "collectif", "debut"],
                ["Mairie de Songeons", "PTCE", written],
            ],
        }
    )
    territory = tg.read(path)
    assert territory.relations.loc[0, "start"] == expected
    assert territory.memberships.loc[0, "start"] == expected


@pytest.mark.parametrize("written", ["32/01/2021", "hier", "2021-13-01", "15/03/21"])
def test_a_date_that_is_not_a_date_is_an_error_naming_the_cell(
    make_workbook, errors_of, actors_rows, written
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "relations": [
                [*LINKS_HEADER, "fin"],
                ["Mairie de Songeons", "Les Jardins du Bray", "coopération", written],
            ],
        }
    )
    (problem,) = errors_of(path)
    assert (problem.code, problem.sheet, problem.row, problem.column) == (
        "date_invalid",
        "relations",
        2,
        "fin",
    )


# -- types -------------------------------------------------------------------------------


def test_an_unknown_actor_type_is_accepted_as_a_new_type_with_a_warning(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["nom", "type"],
                ["Ferme du Bois", "GAEC laitier"],
                ["Ferme du Pré", "GAEC laitier"],
            ]
        }
    )
    territory = tg.read(path)
    assert list(territory.actors["type"]) == ["GAEC laitier", "GAEC laitier"]
    unknown = [w for w in territory.warnings if w.code == "type_unknown"]
    assert [(w.sheet, w.row, w.column) for w in unknown] == [("acteurs", 2, "type")]


def test_a_type_close_to_a_known_one_is_reported_as_a_probable_typo_with_the_suggestion(
    make_workbook, actors_rows
):
    path = make_workbook(
        {
            "acteurs": [["nom", "type"], ["Asso", "asociation"], ["Mairie", "commune"]],
            "relations": [LINKS_HEADER, ["Asso", "Mairie", "coopératon"]],
        }
    )
    territory = tg.read(path)
    typos = {w.sheet: w for w in territory.warnings if w.code == "type_probable_typo"}
    assert "association" in typos["acteurs"].message
    assert "coopération" in typos["relations"].message
    assert typos["relations"].row == 2


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Associations", "association"),
        ("EPCI", "intercommunalité"),
        ("municipality", "commune"),
        ("ENTREPRISE", "entreprise"),
    ],
)
def test_known_types_are_matched_by_alias_case_or_plural(make_workbook, written, canonical):
    path = make_workbook({"acteurs": [["nom", "type"], ["X", written]]})
    territory = tg.read(path)
    assert territory.actors.iloc[0]["type"] == canonical
    assert not [w for w in territory.warnings if w.code.startswith("type_")]


def test_the_types_sheet_declares_a_territorys_own_types_and_they_apply(make_workbook):
    path = make_workbook(
        {
            "acteurs": [["nom", "type"], ["Ferme", "GAEC"], ["Mairie", "commune"]],
            "types": [
                ["type", "catégorie", "famille", "orienté", "couleur", "libellé"],
                ["GAEC", "acteur", None, None, "#123456", "Farm group"],
                ["approvisionnement", "relation", "flux", None, None, None],
                ["voisinage", "relation", "lien", None, None, None],
                ["entraide", "relation", "interdependance", "non", None, None],
                ["Groupement", "collectif", None, None, None, None],
            ],
            "collectifs": [["nom", "type"], ["Groupement du Bray", "Groupement"]],
            "relations": [
                LINKS_HEADER,
                ["Ferme", "Mairie", "approvisionnement"],
                ["Ferme", "Mairie", "voisinage"],
                ["Ferme", "Mairie", "entraide"],
            ],
        }
    )
    territory = tg.read(path)
    assert not [w for w in territory.warnings if w.code.startswith("type_")]
    relations = territory.relations
    assert list(relations["family"]) == ["flux", "lien", "interdependance"]
    assert list(relations["directed"]) == [True, False, False]
    assert territory.vocabulary.color("GAEC") == "#123456"


def test_the_types_sheet_in_english_works_too(make_workbook):
    path = make_workbook(
        {
            "actors": [["name", "type"], ["Farm", "GAEC"], ["Town hall", "municipality"]],
            "types": [
                ["type", "kind", "family", "directed", "color", "label"],
                ["supply", "relation", "flow", None, "red", None],
            ],
            "links": [["source", "target", "type"], ["Farm", "Town hall", "supply"]],
        }
    )
    link = tg.read(path).relations.iloc[0]
    assert (link["family"], bool(link["directed"])) == ("flux", True)


# -- flows and dependencies --------------------------------------------------------------


def test_the_flux_sheet_defaults_its_type_to_a_generic_directed_flow(make_workbook, actors_rows):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "flux": [
                ["source", "cible", "quantité", "unité"],
                ["Mairie de Songeons", "Les Jardins du Bray", "12 000", "€"],
            ],
        }
    )
    link = tg.read(path).relations.iloc[0]
    assert (link["family"], bool(link["directed"]), link["quantity"], link["unit"]) == (
        "flux",
        True,
        12000.0,
        "€",
    )


def test_the_dependencies_sheet_defaults_its_type_to_a_generic_dependency(
    make_workbook, actors_rows
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "interdependances": [
                ["source", "cible", "type", "oriente"],
                ["Mairie de Songeons", "Les Jardins du Bray", None, None],
                ["Mairie de Songeons", "Bray Bois Énergie", "mutualisation", None],
            ],
        }
    )
    relations = tg.read(path).relations
    assert list(relations["family"]) == ["interdependance", "interdependance"]
    assert list(relations["directed"]) == [True, False]


def test_every_relation_column_works_in_the_flux_sheet(make_workbook, actors_rows):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "flux": [
                [
                    "source",
                    "cible",
                    "type",
                    "intensité",
                    "orienté",
                    "début",
                    "fin",
                    "quantité",
                    "unité",
                    "commentaire",
                ],
                [
                    "Mairie de Songeons",
                    "Les Jardins du Bray",
                    "financement",
                    "2,5",
                    "non",
                    "01/01/2020",
                    2022,
                    "3,5",
                    "t",
                    "subvention",
                ],
            ],
        }
    )
    link = tg.read(path).relations.iloc[0]
    assert (
        link["type"],
        link["weight"],
        bool(link["directed"]),
        link["quantity"],
        link["unit"],
        link["comment"],
    ) == ("financement", 2.5, False, 3.5, "t", "subvention")
    assert (link["start"], link["end"]) == (pd.Timestamp(2020, 1, 1), pd.Timestamp(2022, 1, 1))


# -- warnings ----------------------------------------------------------------------------


def test_warnings_never_stop_a_read_and_are_problem_records(make_workbook, actors_rows):
    path = make_workbook(
        {
            "acteurs": [*actors_rows, [None, None], ["Ferme", "GAEC"]],
            "relations": [
                LINKS_HEADER,
                ["Mairie de Songeons", "Mairie de Songeons", "coopération"],
                ["Mairie de Songeons", "Les Jardins du Bray", "coopération"],
                ["Les Jardins du Bray", "Mairie de Songeons", "coopération"],
                ["Mairie de Songeons", "Bray Bois Énergie", "coopératon"],
            ],
        }
    )
    territory = tg.read(path)
    found = {(w.code, w.sheet, w.row) for w in territory.warnings}
    assert {
        ("empty_row", "acteurs", 5),
        ("type_unknown", "acteurs", 6),
        ("self_loop", "relations", 2),
        ("duplicate_relation", "relations", 4),
        ("type_probable_typo", "relations", 5),
    } <= found
    for warning in territory.warnings:
        assert isinstance(warning, tg.Problem)
        assert warning.file == "territoire.xlsx" and warning.message and warning.hint
    assert len(territory.relations) == 4


def test_errors_are_all_collected_into_one_input_error(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["nom", "type", "influence", "latitude"],
                ["Mairie", "commune", 9, 49.6],
                [None, "association", 2, None],
                ["Asso", None, 2, 200],
            ],
            "relations": [
                [*LINKS_HEADER, "intensite", "debut"],
                ["Mairie", "Inconnu", "coopération", -2, "demain"],
            ],
        }
    )
    with pytest.raises(tg.InputError) as caught:
        tg.read(path)
    error = caught.value
    assert [(p.code, p.sheet, p.row, p.column) for p in error.problems] == [
        ("scale_out_of_range", "acteurs", 2, "influence"),
        ("value_missing", "acteurs", 3, "nom"),
        ("value_missing", "acteurs", 4, "type"),
        ("coordinate_out_of_range", "acteurs", 4, "latitude"),
        ("reference_unknown", "relations", 2, "cible"),
        ("number_negative", "relations", 2, "intensite"),
        ("date_invalid", "relations", 2, "debut"),
    ]
    message = str(error)
    for problem in error.problems:
        assert problem.file == "territoire.xlsx"
        assert problem.message in message and problem.hint in message
    assert "ligne 3" in message and "« nom »" in message


def test_problems_are_in_english_on_request(make_workbook, errors_of):
    path = make_workbook({"actors": [["name", "type"], [None, "association"]]})
    (problem,) = errors_of(path, lang="en")
    assert problem.message == "the cell is empty but a value is required."
    assert problem.column == "name"
