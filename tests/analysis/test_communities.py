"""Louvain communities, modularity and community profiles, by hand and from the literature."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from territoire_graphe.analysis import communities


@pytest.fixture
def two_triangles() -> nx.Graph:
    return nx.Graph(
        [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"), ("f", "d"), ("c", "d")]
    )


def test_louvain_separates_two_triangles_joined_by_one_tie(two_triangles):
    result = communities.louvain(two_triangles)
    assert result.labels.to_dict() == {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2}
    # Q = 2 * (3/7 - (7/14)^2) = 6/7 - 1/2 = 5/14 (m = 7 ties, each triangle 3 inside and
    # degree sum 7).
    assert result.modularity == pytest.approx(5 / 14)


def test_louvain_records_its_parameters_and_is_reproducible(two_triangles):
    first = communities.louvain(two_triangles, seed=4)
    assert first.params["seed"] == 4 and first.params["algorithm"] == "louvain"
    assert first.labels.equals(communities.louvain(two_triangles, seed=4).labels)


def test_karate_club_reaches_the_modularity_published_by_blondel_et_al():
    # Blondel et al. (2008), Table 1: modularity 0.42 on Zachary's karate club.
    result = communities.louvain(nx.karate_club_graph(), weight=None)
    assert result.modularity == pytest.approx(0.42, abs=0.01)


def test_communities_are_numbered_by_size_then_smallest_actor_id():
    graph = nx.empty_graph(["e", "d", "c", "b", "a"])
    labels = communities.number_communities(graph, [{"e"}, {"d", "c"}, {"b", "a"}])
    # {a, b} and {c, d} both have 2 actors: {a, b} first (smallest id "a")
    assert labels.to_dict() == {"e": 3, "d": 2, "c": 2, "b": 1, "a": 1}


def test_an_isolated_actor_is_a_community_of_its_own(two_triangles):
    two_triangles.add_node("g")
    assert communities.louvain(two_triangles).labels["g"] == 3


def test_weighted_modularity_by_hand():
    # a-b weight 3, b-c 1, c-d 1; W = 5; strengths a 3, b 4, c 2, d 1.
    # {a, b}: 3/5 - (7/10)^2 = 0.11; {c, d}: 1/5 - (3/10)^2 = 0.11; Q = 0.22.
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=3.0)
    graph.add_edge("b", "c", weight=1.0)
    graph.add_edge("c", "d", weight=1.0)
    labels = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert communities.modularity(graph, labels) == pytest.approx(0.22)
    assert math.isnan(communities.modularity(nx.empty_graph(2), {0: 1, 1: 2}))


def test_each_community_is_named_by_its_dominant_types_and_municipalities():
    graph = nx.Graph()
    kinds = {
        "a": "ferme",
        "b": "ferme",
        "c": "ferme",
        "d": "asso",
        "e": "commune",
        "f": "asso",
        "g": "asso",
    }
    towns = {
        "a": "Gournay",
        "b": "Gournay",
        "c": "Forges",
        "d": "Gournay",
        "e": None,
        "f": "Forges",
        "g": "Forges",
    }
    for actor in kinds:
        graph.add_node(actor, type=kinds[actor], municipality=towns[actor])
    labels = {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "f": 2, "g": 2}
    table = communities.name_communities(graph, labels)
    # Community 1: 5 actors; types ferme 3/5, asso 1/5, commune 1/5 -> only ferme reaches
    # the 25% threshold; towns Gournay 3/5, Forges 1/5, one missing -> Gournay.
    first = table.loc[1]
    assert first["size"] == 5 and first["members"] == ("a", "b", "c", "d", "e")
    assert first["dominant_types"] == ("ferme",) and first["type_shares"] == (0.6,)
    assert first["dominant_municipalities"] == ("Gournay",)
    assert first["municipality_shares"] == (0.6,)
    # Community 2: both asso, both Forges.
    assert table.loc[2, "dominant_types"] == ("asso",)
    assert table.loc[2, "type_shares"] == (1.0,)


def test_a_second_dominant_value_needs_a_quarter_of_the_community():
    graph = nx.Graph()
    for actor, kind in {"a": "ferme", "b": "ferme", "c": "asso", "d": "asso"}.items():
        graph.add_node(actor, type=kind, municipality="Bray")
    table = communities.name_communities(graph, dict.fromkeys("abcd", 1))
    # Tie 2/4 - 2/4 broken by name: asso before ferme.
    assert table.loc[1, "dominant_types"] == ("asso", "ferme")
    assert table.loc[1, "type_shares"] == (0.5, 0.5)
