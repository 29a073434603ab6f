"""The table views of a territory read from a workbook: columns, index and dtypes."""

from __future__ import annotations

import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.model import ACTOR_COLUMNS, RELATION_COLUMNS


@pytest.fixture
def territory(make_workbook) -> tg.Territory:
    return tg.read(
        make_workbook(
            {
                "acteurs": [
                    [
                        "id",
                        "nom",
                        "type",
                        "commune",
                        "fonctions",
                        "influence",
                        "intérêt",
                        "latitude",
                        "longitude",
                        "code INSEE",
                        "budget",
                    ],
                    [
                        "m",
                        "Mairie",
                        "commune",
                        "Songeons",
                        "habiter; se nourrir",
                        4,
                        3,
                        "49,55",
                        1.8,
                        60620,
                        1200,
                    ],
                    [
                        "a",
                        "Asso",
                        "association",
                        "Songeons",
                        None,
                        None,
                        None,
                        None,
                        None,
                        "06232",
                        None,
                    ],
                    ["f", "Ferme", "entreprise", None, None, 2, 5, None, None, None, 300],
                ],
                "relations": [
                    ["source", "cible", "type", "intensité", "début", "fin", "partenaires"],
                    ["m", "a", "financement", 3, "2019", "31/12/2023", "CAF"],
                    ["Jeanne Martin", "Paul Leroy", "interconnaissance", None, None, None, None],
                ],
                "collectifs": [["nom", "type"], ["PTCE du Bray", "PTCE"]],
                "adhesions": [
                    ["acteur", "collectif", "rôle", "début"],
                    ["Mairie", "PTCE du Bray", "collège public", 2020],
                ],
                "personnes": [
                    ["id", "nom", "acteur", "fonction"],
                    ["p1", "Jeanne Martin", "m", "DGS"],
                    ["p2", "Paul Leroy", "Asso", "président"],
                ],
                "ressources": [
                    ["acteur", "ressource", "catégorie"],
                    ["Ferme", "chambre froide", "local"],
                ],
                "besoins": [["acteur", "besoin"], ["Asso", "bénévoles"]],
            }
        )
    )


def test_actors_are_indexed_by_id_with_the_standard_columns_then_the_extra_ones(territory):
    actors = territory.actors
    assert actors.index.name == "id"
    assert list(actors.index) == ["m", "a", "f"]
    assert list(actors.columns) == [*ACTOR_COLUMNS, "code INSEE", "budget"]


def test_actor_scores_and_coordinates_are_floats_and_functions_are_lists(territory):
    actors = territory.actors
    for column in ("influence", "interest", "latitude", "longitude"):
        assert actors[column].dtype == float
    assert actors.loc["m", "latitude"] == 49.55
    assert pd.isna(actors.loc["a", "influence"])
    assert actors.loc["m", "functions"] == ["habiter", "se nourrir"]
    assert actors.loc["a", "functions"] == []


def test_identifier_and_numeric_extra_columns_keep_their_nature(territory):
    actors = territory.actors
    assert list(actors["code INSEE"].iloc[:2]) == ["60620", "06232"]
    assert actors.loc["m", "budget"] == 1200


def test_relations_have_the_standard_columns_typed_and_the_extra_ones(territory):
    relations = territory.relations
    assert list(relations.columns) == [*RELATION_COLUMNS, "partenaires"]
    assert relations["weight"].dtype == float
    assert relations["directed"].dtype == bool
    assert relations["row"].dtype == "int64"
    assert list(relations["row"]) == [2, 3]
    assert relations["start"].dtype == relations["end"].dtype
    assert str(relations["start"].dtype).startswith("datetime64")
    assert relations.loc[0, "end"] == pd.Timestamp(2023, 12, 31)
    assert relations.loc[0, "partenaires"] == "CAF"


def test_a_relation_between_people_is_between_their_organisations_with_the_people_named(territory):
    second = territory.relations.iloc[1]
    assert (second["source"], second["target"]) == ("m", "a")
    assert (second["source_person"], second["target_person"]) == ("p1", "p2")
    assert second["weight"] == 1.0


def test_people_collectives_memberships_resources_and_needs_are_tables_too(territory):
    assert territory.people.loc["p2", "actor"] == "a"
    assert territory.people.loc["p1", "position"] == "DGS"
    assert territory.collectives.loc["PTCE du Bray", "type"] == "PTCE"
    membership = territory.memberships.iloc[0]
    assert (membership["actor"], membership["collective"], membership["role"]) == (
        "m",
        "PTCE du Bray",
        "collège public",
    )
    assert membership["start"] == pd.Timestamp(2020, 1, 1)
    assert list(territory.resources["resource"]) == ["chambre froide"]
    assert list(territory.needs[["actor", "need"]].itertuples(index=False, name=None)) == [
        ("a", "bénévoles")
    ]


def test_people_are_not_actors_but_nodes_of_the_graph(territory):
    assert "p1" not in territory.actors.index
    assert territory.graph.nodes["p1"]["kind"] == "person"
    assert territory.graph.has_edge("p1", "m")


def test_the_summary_counts_every_table(territory):
    summary = territory.summary()
    assert (
        summary["actors"],
        summary["relations"],
        summary["flows"],
        summary["ties"],
        summary["collectives"],
        summary["memberships"],
        summary["people"],
        summary["resources"],
        summary["needs"],
    ) == (3, 2, 1, 1, 1, 1, 2, 1, 1)


def test_tables_of_a_territory_without_relations_still_have_their_columns(make_workbook):
    territory = tg.read(make_workbook({"acteurs": [["nom", "type"], ["Mairie", "commune"]]}))
    assert list(territory.relations.columns) == list(RELATION_COLUMNS)
    assert len(territory.relations) == 0
    assert len(territory.memberships) == 0 and "collective" in territory.memberships.columns


def test_an_extra_column_named_like_another_tables_column_keeps_its_text(make_workbook):
    territory = tg.read(
        make_workbook(
            {
                "actors": [
                    ["name", "type", "start", "weight", "row", "quantity"],
                    ["Town hall", "municipality", "long ago", "heavy", "third", "many"],
                ]
            }
        )
    )
    actor = territory.actors.iloc[0]
    assert (actor["start"], actor["weight"], actor["row"], actor["quantity"]) == (
        "long ago",
        "heavy",
        "third",
        "many",
    )
