"""Each rule of FORMAT.md section 1 (the territory workbook), one or more tests per rule.

Sheets, headers, extra columns, ids and references here; values, types, flows and the
reporting of problems in ``test_rules_values.py``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import territoire_graphe as tg

LINKS_HEADER = ["source", "cible", "type"]


# -- sheet names and headers -------------------------------------------------------------


@pytest.mark.parametrize(
    "sheet_name", ["acteurs", "Acteurs", "ACTORS", "acteur", "Actor", " acteurs ", "Acteurs_"]
)
def test_the_actors_sheet_is_found_whatever_its_case_plural_or_language(make_workbook, sheet_name):
    path = make_workbook({sheet_name: [["nom", "type"], ["Mairie", "commune"]]})
    assert list(tg.read(path).actors["name"]) == ["Mairie"]


@pytest.mark.parametrize("sheet_name", ["relations", "Relation", "LINKS", "link", "Liens"])
def test_the_relations_sheet_is_found_under_its_french_or_english_name(
    make_workbook, actors_rows, sheet_name
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            sheet_name: [
                LINKS_HEADER,
                ["Mairie de Songeons", "Les Jardins du Bray", "coopération"],
            ],
        }
    )
    assert len(tg.read(path).relations) == 1


@pytest.mark.parametrize(
    ("sheet_name", "family"),
    [
        ("flux", "flux"),
        ("Flows", "flux"),
        ("interdependances", "interdependance"),
        ("Interdépendances", "interdependance"),
        ("DEPENDENCIES", "interdependance"),
    ],
)
def test_flow_and_dependency_sheets_are_found_under_either_name(
    make_workbook, actors_rows, sheet_name, family
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            sheet_name: [["source", "cible"], ["Mairie de Songeons", "Les Jardins du Bray"]],
        }
    )
    assert list(tg.read(path).relations["family"]) == [family]


def test_headers_match_without_regard_to_case_accents_spaces_underscores_or_plural(make_workbook):
    path = make_workbook(
        {
            "Acteurs": [
                ["  NOM ", "Types", "Intérêt", "INFLUENCE", "Fonctions_de_vie", "Secteurs"],
                ["Mairie", "commune", 4, 3, "habiter", "public"],
                ["Asso", "association", 2, 1, None, "social"],
            ],
            "Relations": [
                [
                    "Sources",
                    "Cibles",
                    "TYPE",
                    "Intensité",
                    "Orienté",
                    "Début",
                    "Fin",
                    "Quantité",
                    "Unité",
                    "Commentaires",
                ],
                [
                    "Mairie",
                    "Asso",
                    "financement",
                    "2,5",
                    "non",
                    2019,
                    "2023",
                    1500,
                    "€",
                    "subvention",
                ],
            ],
        }
    )
    territory = tg.read(path)
    mairie = territory.actors.loc["Mairie"]
    assert (mairie["interest"], mairie["influence"]) == (4.0, 3.0)
    assert mairie["functions"] == ["habiter"]
    assert mairie["sector"] == "public"
    link = territory.relations.iloc[0]
    assert (link["weight"], link["directed"], link["quantity"], link["unit"]) == (
        2.5,
        False,
        1500.0,
        "€",
    )
    assert link["start"] == pd.Timestamp(2019, 1, 1)
    assert link["comment"] == "subvention"


def test_english_headers_and_sheet_names_give_the_same_territory(make_workbook):
    french = make_workbook(
        {
            "acteurs": [
                ["id", "nom", "type", "commune"],
                ["m", "Mairie", "commune", "Bray"],
                ["a", "Asso", "association", "Bray"],
            ],
            "relations": [
                ["source", "cible", "type", "intensite", "oriente"],
                ["m", "a", "coopération", 2, "oui"],
            ],
        },
        name="fr.xlsx",
    )
    english = make_workbook(
        {
            "actors": [
                ["id", "name", "type", "municipality"],
                ["m", "Mairie", "municipality", "Bray"],
                ["a", "Asso", "association", "Bray"],
            ],
            "links": [
                ["source", "target", "type", "weight", "directed"],
                ["m", "a", "cooperation", 2, "yes"],
            ],
        },
        name="en.xlsx",
    )
    fr, en = tg.read(french), tg.read(english)
    pd.testing.assert_frame_equal(fr.actors, en.actors)
    pd.testing.assert_frame_equal(
        fr.relations.drop(columns="sheet"), en.relations.drop(columns="sheet")
    )


def test_headers_annotated_with_a_scale_or_a_star_are_still_recognised(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["Nom *", "Type *", "Influence (0-5)", "Intérêt (0 à 5)"],
                ["Mairie", "commune", 4, 5],
            ]
        }
    )
    mairie = tg.read(path).actors.iloc[0]
    assert (mairie["influence"], mairie["interest"]) == (4.0, 5.0)


# -- extra columns -----------------------------------------------------------------------


def test_columns_not_listed_are_kept_under_their_original_header(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["nom", "type", "Budget annuel (k€)", "Référent", "Site web"],
                ["Mairie", "commune", 120, "M. Durand", "https://songeons.fr"],
                ["Asso", "association", None, "Mme Petit", None],
            ],
            "relations": [
                ["source", "cible", "type", "Convention signée le"],
                ["Mairie", "Asso", "convention", dt.date(2021, 5, 3)],
            ],
        }
    )
    territory = tg.read(path)
    assert territory.actors.loc["Mairie", "Budget annuel (k€)"] == 120
    assert territory.actors.loc["Asso", "Référent"] == "Mme Petit"
    assert territory.actors.loc["Mairie", "Site web"] == "https://songeons.fr"
    assert pd.Timestamp(territory.relations.loc[0, "Convention signée le"]) == pd.Timestamp(
        2021, 5, 3
    )


@pytest.mark.parametrize("sheet", ["collectifs", "personnes", "adhesions", "ressources", "besoins"])
def test_extra_columns_are_kept_on_every_sheet(make_workbook, sheet):
    sheets = {
        "acteurs": [["nom", "type"], ["Mairie", "commune"], ["Asso", "association"]],
        "collectifs": [["nom", "type"], ["PTCE du Bray", "PTCE"]],
        "personnes": [["nom", "acteur"], ["Jeanne Martin", "Asso"]],
        "adhesions": [["acteur", "collectif"], ["Mairie", "PTCE du Bray"]],
        "ressources": [["acteur", "ressource"], ["Mairie", "salle des fêtes"]],
        "besoins": [["acteur", "besoin"], ["Asso", "local"]],
    }
    sheets[sheet] = [[*sheets[sheet][0], "Note libre"], [*sheets[sheet][1], "à revoir"]]
    territory = tg.read(make_workbook(sheets))
    table = {
        "collectifs": territory.collectives,
        "personnes": territory.people,
        "adhesions": territory.memberships,
        "ressources": territory.resources,
        "besoins": territory.needs,
    }[sheet]
    assert list(table["Note libre"]) == ["à revoir"]


def test_identifier_columns_keep_their_leading_zeros(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["nom", "type", "Code INSEE", "code postal", "SIREN", "N° SIRET"],
                ["Mairie", "commune", 6232, 6200, 12345678, 1234567800012],
                ["Asso", "association", "06232", "06200", "012345678", "01234567800012"],
            ]
        }
    )
    actors = tg.read(path).actors
    assert list(actors["Code INSEE"]) == ["06232", "06232"]
    assert list(actors["code postal"]) == ["06200", "06200"]
    assert list(actors["SIREN"]) == ["012345678", "012345678"]
    assert list(actors["N° SIRET"]) == ["01234567800012", "01234567800012"]


def test_extra_columns_with_the_same_header_are_both_kept(make_workbook):
    path = make_workbook(
        {"acteurs": [["nom", "type", "Note", "Note"], ["Mairie", "commune", "première", "seconde"]]}
    )
    territory = tg.read(path)
    kept = territory.actors.iloc[0]
    assert {kept["Note"], kept["Note (2)"]} == {"première", "seconde"}
    assert "column_renamed" in [w.code for w in territory.warnings]


@pytest.mark.parametrize(
    ("sheet", "header"),
    [
        ("acteurs", "kind"),
        ("acteurs", "resources"),
        ("relations", "family"),
        ("relations", "row"),
        ("relations", "sheet"),
    ],
)
def test_an_extra_column_named_like_a_computed_column_neither_breaks_nor_overwrites_it(
    make_workbook, sheet, header
):
    sheets = {
        "acteurs": [["nom", "type"], ["Mairie", "commune"], ["Asso", "association"]],
        "relations": [["source", "cible", "type"], ["Mairie", "Asso", "coopération"]],
    }
    sheets[sheet] = [
        [*sheets[sheet][0], header],
        [*sheets[sheet][1], "valeur"],
        *([[*r, None] for r in sheets[sheet][2:]]),
    ]
    territory = tg.read(make_workbook(sheets))
    assert len(territory.actors) == 2
    link = territory.relations.iloc[0]
    assert (link["family"], link["sheet"], link["row"]) == ("lien", "relations", 2)
    table = territory.actors if sheet == "acteurs" else territory.relations
    assert table.iloc[0][f"{header} (2)"] == "valeur"


def test_a_column_without_header_but_with_data_is_kept_with_a_warning(make_workbook):
    path = make_workbook({"acteurs": [["nom", "type", None], ["Mairie", "commune", "à voir"]]})
    territory = tg.read(path)
    assert territory.actors.iloc[0]["C"] == "à voir"
    warning = next(w for w in territory.warnings if w.code == "header_missing")
    assert (warning.sheet, warning.row, warning.column) == ("acteurs", 1, "C")


# -- ids ---------------------------------------------------------------------------------


def test_an_absent_id_is_derived_from_the_name_and_stays_the_same_across_reads(
    make_workbook, tmp_path
):
    first = make_workbook(
        {
            "acteurs": [
                ["nom", "type"],
                ["Mairie de Songeons", "commune"],
                ["Café Associatif « Le Lien »", "association"],
            ]
        },
        name="a.xlsx",
    )
    second = make_workbook(
        {
            "acteurs": [
                ["nom", "type"],
                ["Une autre", "association"],
                ["Café Associatif « Le Lien »", "association"],
                ["Mairie de Songeons", "commune"],
            ]
        },
        name="b.xlsx",
    )
    ids_first = dict(zip(tg.read(first).actors["name"], tg.read(first).actors.index, strict=True))
    ids_second = dict(
        zip(tg.read(second).actors["name"], tg.read(second).actors.index, strict=True)
    )
    assert (
        ids_first["Mairie de Songeons"] == ids_second["Mairie de Songeons"] == "Mairie de Songeons"
    )
    assert ids_first["Café Associatif « Le Lien »"] == ids_second["Café Associatif « Le Lien »"]


def test_a_derived_id_never_takes_an_id_given_further_down(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["id", "nom", "type"],
                [None, "Mairie", "commune"],
                ["mairie", "Mairie de Gournay", "commune"],
            ]
        }
    )
    actors = tg.read(path).actors
    assert actors.loc["mairie", "name"] == "Mairie de Gournay"
    assert actors.loc["Mairie (2)", "name"] == "Mairie"
    assert len(actors) == 2


def test_given_ids_are_kept_as_written(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["id", "nom", "type"],
                ["ACT-001", "Mairie", "commune"],
                [7, "Asso", "association"],
            ]
        }
    )
    assert list(tg.read(path).actors.index) == ["ACT-001", "7"]


@pytest.mark.parametrize(
    ("sheets", "expected"),
    [
        (
            {
                "acteurs": [
                    ["id", "nom", "type"],
                    ["a1", "Mairie", "commune"],
                    ["a1", "Asso", "association"],
                ]
            },
            ("id_duplicate", "acteurs", 3),
        ),
        (
            {"acteurs": [["nom", "type"], ["Mairie", "commune"], ["MAIRIE ", "commune"]]},
            ("name_duplicate", "acteurs", 3),
        ),
        (
            {
                "acteurs": [["nom", "type"], ["PTCE du Bray", "association"]],
                "collectifs": [["nom", "type"], ["PTCE du Bray", "PTCE"]],
            },
            ("name_duplicate", "collectifs", 2),
        ),
        (
            {
                "acteurs": [["id", "nom", "type"], ["p1", "Mairie", "commune"]],
                "personnes": [["id", "nom", "acteur"], ["p1", "Jeanne Martin", "Mairie"]],
            },
            ("id_duplicate", "personnes", 2),
        ),
    ],
)
def test_ids_and_names_are_unique_across_actors_collectives_and_people(
    make_workbook, errors_of, located, sheets, expected
):
    assert located(errors_of(make_workbook(sheets))) == [expected]


# -- references --------------------------------------------------------------------------


def test_references_match_an_id_or_a_name_without_regard_to_case_and_accents(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["id", "nom", "type"],
                ["M01", "Mairie de Songeons", "commune"],
                ["A02", "Café Écologique", "association"],
            ],
            "relations": [
                LINKS_HEADER,
                ["m01", "cafe ecologique", "coopération"],
                ["MAIRIE DE SONGEONS", "A02", "partenariat"],
                [" Mairie  de Songeons ", "CAFÉ ÉCOLOGIQUE", "convention"],
            ],
        }
    )
    relations = tg.read(path).relations
    assert list(zip(relations["source"], relations["target"], strict=True)) == [("M01", "A02")] * 3


def test_an_unknown_reference_is_an_error_naming_the_row_and_column(
    make_workbook, errors_of, actors_rows
):
    path = make_workbook(
        {
            "acteurs": actors_rows,
            "relations": [
                LINKS_HEADER,
                ["Mairie de Songeons", "Les Jardins du Bray", "coopération"],
                ["Mairie de Songeons", "Jardins de Bray", "coopération"],
            ],
        }
    )
    (problem,) = errors_of(path)
    assert (problem.code, problem.sheet, problem.row, problem.column) == (
        "reference_unknown",
        "relations",
        3,
        "cible",
    )
    assert "Jardins de Bray" in problem.message


def test_an_ambiguous_reference_is_an_error_naming_the_row(make_workbook, errors_of, located):
    path = make_workbook(
        {
            "acteurs": [
                ["id", "nom", "type"],
                ["bray", "Mairie", "commune"],
                ["b2", "Bray", "association"],
            ],
            "relations": [LINKS_HEADER, ["Mairie", "BRAY", "coopération"]],
        }
    )
    problems = errors_of(path)
    assert located(problems) == [("reference_ambiguous", "relations", 2)]
    assert "bray" in problems[0].message and "b2" in problems[0].message


def test_a_reference_written_exactly_as_an_id_wins_over_a_name_that_matches_loosely(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["id", "nom", "type"],
                ["bray", "Mairie", "commune"],
                ["b2", "Bray", "association"],
            ],
            "relations": [LINKS_HEADER, ["Mairie", "bray", "coopération"]],
        }
    )
    assert tg.read(path).relations.loc[0, "target"] == "bray"


def test_a_relation_between_two_people_counts_between_their_organisations(make_workbook):
    path = make_workbook(
        {
            "acteurs": [["nom", "type"], ["Mairie", "commune"], ["Asso", "association"]],
            "personnes": [
                ["id", "nom", "acteur", "fonction"],
                ["p1", "Jeanne Martin", "Mairie", "DGS"],
                ["p2", "Paul Leroy", "asso", "président"],
            ],
            "relations": [
                LINKS_HEADER,
                ["Jeanne Martin", "p2", "interconnaissance"],
                ["Mairie", "Asso", "convention"],
            ],
        }
    )
    territory = tg.read(path)
    first, second = territory.relations.iloc[0], territory.relations.iloc[1]
    assert (first["source"], first["target"]) == ("Mairie", "Asso")
    assert (first["source_person"], first["target_person"]) == ("p1", "p2")
    assert pd.isna(second["source_person"]) and pd.isna(second["target_person"])
    assert list(territory.people["actor"]) == ["Mairie", "Asso"]
    assert "p1" not in territory.actors.index
    assert territory.analysis_graph.has_edge("Mairie", "Asso")


def test_a_relation_naming_a_collective_is_an_error(make_workbook, errors_of, located):
    path = make_workbook(
        {
            "acteurs": [["nom", "type"], ["Mairie", "commune"]],
            "collectifs": [["nom", "type"], ["PTCE du Bray", "PTCE"]],
            "relations": [LINKS_HEADER, ["Mairie", "PTCE du Bray", "coopération"]],
        }
    )
    assert located(errors_of(path)) == [("reference_not_actor", "relations", 2)]


def test_a_reference_to_an_actor_whose_row_has_an_error_raises_no_second_error(
    make_workbook, errors_of, located
):
    path = make_workbook(
        {
            "acteurs": [
                ["nom", "type", "influence"],
                ["Mairie", "commune", "beaucoup"],
                ["Asso", "association", 2],
            ],
            "relations": [LINKS_HEADER, ["Mairie", "Asso", "coopération"]],
            "adhesions": [["acteur", "collectif"], ["Mairie", "PTCE"]],
            "collectifs": [["nom", "type"], ["PTCE", "PTCE"]],
        }
    )
    assert located(errors_of(path)) == [("number_invalid", "acteurs", 2)]


def test_a_reference_to_an_actor_rejected_as_a_duplicate_raises_no_second_error(
    make_workbook, errors_of, located
):
    path = make_workbook(
        {
            "acteurs": [
                ["id", "nom", "type"],
                ["a", "Mairie", "commune"],
                ["a", "Asso", "association"],
            ],
            "relations": [LINKS_HEADER, ["Mairie", "Asso", "coopération"]],
        }
    )
    assert located(errors_of(path)) == [("id_duplicate", "acteurs", 3)]


def test_a_person_whose_organisation_is_unknown_is_one_error_not_a_crash(
    make_workbook, errors_of, located
):
    path = make_workbook(
        {
            "acteurs": [["nom", "type"], ["Mairie", "commune"]],
            "personnes": [
                ["nom", "acteur"],
                ["Jeanne Martin", "Inconnue SA"],
                ["Paul Leroy", "Mairie"],
            ],
            "relations": [LINKS_HEADER, ["Jeanne Martin", "Paul Leroy", "coopération"]],
            "adhesions": [["acteur", "collectif"], ["Jeanne Martin", "PTCE"]],
            "collectifs": [["nom", "type"], ["PTCE", "PTCE"]],
            "ressources": [["acteur", "ressource"], ["Jeanne Martin", "savoir-faire"]],
        }
    )
    assert located(errors_of(path)) == [("reference_unknown", "personnes", 2)]


# -- row numbers -------------------------------------------------------------------------


def test_rows_are_numbered_as_the_spreadsheet_numbers_them_with_title_rows_above(
    make_workbook, errors_of, located
):
    path = make_workbook(
        {
            "acteurs": [
                ["Acteurs du Pays de Bray"],
                [None],
                ["Mis à jour en mars 2024"],
                ["nom", "type"],
                ["Mairie", "commune"],
                ["Asso", None],
            ]
        }
    )
    assert located(errors_of(path)) == [("value_missing", "acteurs", 6)]


def test_a_reference_by_id_to_an_actor_without_a_name_raises_no_second_error(
    make_workbook, errors_of, located
):
    path = make_workbook(
        {
            "acteurs": [
                ["id", "nom", "type"],
                ["m", "Mairie", "commune"],
                ["a", None, "association"],
            ],
            "relations": [LINKS_HEADER, ["m", "a", "coopération"]],
        }
    )
    assert located(errors_of(path)) == [("value_missing", "acteurs", 3)]


def test_an_extra_column_of_the_types_sheet_is_reported_as_not_read(make_workbook):
    path = make_workbook(
        {
            "acteurs": [["nom", "type"], ["Ferme", "GAEC"]],
            "types": [
                ["type", "catégorie", "description"],
                ["GAEC", "acteur", "groupement agricole"],
            ],
        }
    )
    territory = tg.read(path)
    assert [(w.code, w.sheet, w.row, w.column) for w in territory.warnings] == [
        ("column_ignored", "types", 1, "description")
    ]


def test_every_reading_problem_has_a_message_and_a_hint_in_french_and_english():
    from territoire_graphe.messages import _io

    assert set(_io.FR) == set(_io.EN)
    codes = {
        k.removeprefix("problem.")
        for k in _io.FR
        if k.startswith("problem.")
        and not k.endswith(".hint")
        and not k.startswith(("problem.where.", "problem.sep", "problem.summary"))
    }
    for code in codes:
        assert f"problem.{code}.hint" in _io.FR, code


@pytest.mark.parametrize(
    ("sheets", "column"),
    [
        ({"acteurs": [["type"], ["commune"]]}, "nom"),
        ({"actors": [["type"], ["municipality"]]}, "name"),
        ({"acteurs": [["Type", "Municipality"], ["commune", "Lille"]]}, "name"),
    ],
)
def test_a_missing_column_is_named_in_the_language_of_the_sheet(
    make_workbook, errors_of, sheets, column
):
    problems = [p for p in errors_of(make_workbook(sheets)) if p.code == "column_missing"]
    assert [p.column for p in problems][:1] == [column]


@pytest.mark.parametrize(
    ("actors_header", "expected"),
    [
        (["nom"], [("column_missing", "acteurs", 1)]),
        (["type"], [("column_missing", "acteurs", 1)]),
    ],
)
def test_a_missing_actors_column_is_one_error_not_one_per_relation(
    make_workbook, errors_of, located, actors_header, expected
):
    rows = [actors_header, *[[f"Acteur {i}"] for i in range(5)]]
    links = [LINKS_HEADER, *[[f"Acteur {i}", f"Acteur {i + 1}", "coopération"] for i in range(4)]]
    path = make_workbook(
        {
            "acteurs": rows,
            "relations": links,
            "adhesions": [["acteur", "collectif"], ["Acteur 1", "PTCE"]],
            "collectifs": [["nom", "type"], ["PTCE", "PTCE"]],
        }
    )
    assert located(errors_of(path)) == expected


def test_a_second_actors_sheet_is_one_error_and_references_to_it_are_not_reported(
    make_workbook, errors_of, located
):
    path = make_workbook(
        {
            "acteurs": [["nom", "type"], ["Mairie", "commune"]],
            "Actors": [["name", "type"], ["Farm", "business"]],
            "relations": [LINKS_HEADER, ["Mairie", "Farm", "coopération"]],
        }
    )
    assert located(errors_of(path)) == [("sheet_duplicate", "Actors", None)]


def test_an_empty_copy_of_a_sheet_is_ignored(make_workbook):
    path = make_workbook(
        {
            "acteurs": [["nom", "type"]],
            "Actors": [["name", "type"], ["Farm", "business"]],
            "relations": [LINKS_HEADER],
            "links": [LINKS_HEADER],
        }
    )
    assert list(tg.read(path).actors["name"]) == ["Farm"]
