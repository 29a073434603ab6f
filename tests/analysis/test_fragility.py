"""Removal and bridge impacts by hand and by brute force; organisations that hang on one person."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from territoire_graphe.analysis.fragility import (
    bridge_impact,
    organisation_dependency,
    person_dependency,
    removal_impact,
)
from territoire_graphe.model import Territory


def _row(frame, node):
    return {column: frame.at[node, column] for column in frame.columns if column != "name"}


# -- removal impact, by hand ------------------------------------------------------------
def test_removing_the_middle_of_a_path_cuts_it_in_two():
    # a-b-c-d-e. Without c: {a,b} and {d,e}; pairs among the 4 others connected before:
    # C(4,2) = 6, after 1 + 1 = 2, so 4 lost, 4/6 of them; largest part 2 of 4 others;
    # c's component keeps a largest part of 2, so 4 - 2 = 2 actors are cut off.
    impact = removal_impact(nx.path_graph(["a", "b", "c", "d", "e"]))
    assert _row(impact, "c") == pytest.approx(
        {
            "is_articulation_point": True,
            "components_after": 2,
            "largest_component_after": 0.5,
            "actors_cut_off": 2,
            "pairs_disconnected": 4,
            "reach_loss": 4 / 6,
        }
    )
    # Without b: {a} and {c,d,e}: pairs C(4,2) = 6 before, C(3,2) = 3 after, 3 lost.
    assert _row(impact, "b") == pytest.approx(
        {
            "is_articulation_point": True,
            "components_after": 2,
            "largest_component_after": 0.75,
            "actors_cut_off": 1,
            "pairs_disconnected": 3,
            "reach_loss": 0.5,
        }
    )


def test_removing_an_end_of_a_path_loses_nothing():
    impact = removal_impact(nx.path_graph(["a", "b", "c", "d", "e"]))
    # without a: {b,c,d,e} stays whole, 4 of the 4 others
    assert _row(impact, "a") == pytest.approx(
        {
            "is_articulation_point": False,
            "components_after": 1,
            "largest_component_after": 1.0,
            "actors_cut_off": 0,
            "pairs_disconnected": 0,
            "reach_loss": 0.0,
        }
    )


def test_removing_the_centre_of_a_star_isolates_every_leaf():
    # hub + 4 leaves: without the hub, 4 isolated leaves, C(4,2) = 6 pairs all lost;
    # largest part 1 of 4 others; 4 - 1 = 3 leaves cut off from the largest part.
    star = nx.Graph([("hub", leaf) for leaf in ("l1", "l2", "l3", "l4")])
    impact = removal_impact(star)
    assert _row(impact, "hub") == pytest.approx(
        {
            "is_articulation_point": True,
            "components_after": 4,
            "largest_component_after": 0.25,
            "actors_cut_off": 3,
            "pairs_disconnected": 6,
            "reach_loss": 1.0,
        }
    )
    # without a leaf: hub + 3 leaves stay together
    assert _row(impact, "l1")["pairs_disconnected"] == 0
    assert _row(impact, "l1")["components_after"] == 1


def test_two_triangles_joined_by_a_bridge_split_at_either_end_of_it():
    # Triangles a-b-c and d-e-f joined by c-d, plus a lone actor z.
    graph = nx.Graph(
        [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "d")]
    )
    graph.add_node("z")
    impact = removal_impact(graph)
    # Without c: {a,b}, {d,e,f}, {z}: 3 components among the 6 others; largest 3/6.
    # Others connected before: C(5,2) = 10 pairs in c's component without c, 0 for z;
    # after: 1 + 3 = 4, so 6 lost = 6/10. Cut off from the largest part: 5 - 3 = 2.
    assert _row(impact, "c") == pytest.approx(
        {
            "is_articulation_point": True,
            "components_after": 3,
            "largest_component_after": 0.5,
            "actors_cut_off": 2,
            "pairs_disconnected": 6,
            "reach_loss": 0.6,
        }
    )
    # Without a: b-c-d-e-f stays whole (5 of 6), z alone: 2 components, nothing lost.
    assert _row(impact, "a") == pytest.approx(
        {
            "is_articulation_point": False,
            "components_after": 2,
            "largest_component_after": 5 / 6,
            "actors_cut_off": 0,
            "pairs_disconnected": 0,
            "reach_loss": 0.0,
        }
    )
    # Without the lone z: the 7 others still make one component; C(6,2) = 15 pairs kept.
    assert _row(impact, "z") == pytest.approx(
        {
            "is_articulation_point": False,
            "components_after": 1,
            "largest_component_after": 1.0,
            "actors_cut_off": 0,
            "pairs_disconnected": 0,
            "reach_loss": 0.0,
        }
    )


def test_removal_impact_on_a_territory_uses_the_analysis_graph_and_keeps_names():
    # a - b - c by cooperation; a tension between a and c does not count as a tie.
    t = Territory.from_records(
        actors=[{"id": x, "name": x.upper(), "type": "association"} for x in "abc"],
        relations=[
            {"source": "a", "target": "b", "type": "coopération"},
            {"source": "b", "target": "c", "type": "coopération"},
            {"source": "a", "target": "c", "type": "tension"},
        ],
    )
    impact = removal_impact(t)
    assert list(impact.index) == ["a", "b", "c"]
    assert impact.at["b", "name"] == "B"
    assert bool(impact.at["b", "is_articulation_point"])
    assert impact.at["b", "pairs_disconnected"] == 1


def test_removal_impact_of_an_empty_or_single_actor_network():
    assert removal_impact(nx.Graph()).empty
    single = nx.Graph()
    single.add_node("x")
    assert _row(removal_impact(single), "x") == {
        "is_articulation_point": False,
        "components_after": 0,
        "largest_component_after": 0.0,
        "actors_cut_off": 0,
        "pairs_disconnected": 0,
        "reach_loss": 0.0,
    }


# -- removal impact, brute force --------------------------------------------------------
def _brute_force(graph: nx.Graph, node) -> dict:
    others = graph.subgraph([n for n in graph if n != node])
    before = [c - {node} for c in nx.connected_components(graph)]
    after = list(nx.connected_components(others))

    def pairs(parts):
        return sum(len(p) * (len(p) - 1) // 2 for p in parts)

    own = next(c for c in nx.connected_components(graph) if node in c) - {node}
    own_after = [c for c in after if c <= own]
    lost = pairs(before) - pairs(after)
    return {
        "is_articulation_point": len(own_after) > 1,
        "components_after": len(after),
        "largest_component_after": max(map(len, after), default=0) / max(len(others), 1),
        "actors_cut_off": len(own) - max(map(len, own_after), default=0),
        "pairs_disconnected": lost,
        "reach_loss": lost / pairs(before) if pairs(before) else 0.0,
    }


@pytest.mark.parametrize("seed", range(12))
def test_removal_impact_agrees_with_removing_each_actor_by_brute_force(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 25)
    graph = nx.gnm_random_graph(n, rng.randint(0, 2 * n), seed=seed)
    graph.add_edges_from([(0, 0)] if seed % 3 == 0 else [])  # a self-loop changes nothing
    impact = removal_impact(graph)
    for node in graph:
        expected = _brute_force(graph, node)
        assert _row(impact, node) == pytest.approx(expected), (seed, node)


@pytest.mark.parametrize("seed", range(12))
def test_actors_that_are_not_cut_points_lose_nothing_when_removed(seed):
    graph = nx.gnm_random_graph(20, 24, seed=100 + seed)
    cut_points = set(nx.articulation_points(graph))
    for node in graph:
        if node not in cut_points:
            assert _brute_force(graph, node)["pairs_disconnected"] == 0
            assert removal_impact(graph).at[node, "pairs_disconnected"] == 0


# -- bridges ----------------------------------------------------------------------------
def test_the_tie_between_two_triangles_disconnects_three_times_three_pairs():
    graph = nx.Graph(
        [
            ("a", "b"),
            ("b", "c"),
            ("c", "a"),
            ("c", "d"),
            ("d", "e"),
            ("e", "f"),
            ("f", "d"),
            ("f", "g"),
        ]
    )
    bridges = bridge_impact(graph)
    # c-d: {a,b,c} | {d,e,f,g} = 3 x 4 = 12 pairs of C(7,2) = 21; f-g: 6 x 1 = 6.
    assert bridges[
        ["source", "target", "source_side", "target_side", "pairs_disconnected"]
    ].values.tolist() == [["c", "d", 3, 4, 12], ["f", "g", 6, 1, 6]]
    assert bridges["reach_loss"].tolist() == pytest.approx([12 / 21, 6 / 21])


def test_a_cycle_has_no_bridge_and_a_path_has_only_bridges():
    assert bridge_impact(nx.cycle_graph(5)).empty
    path = bridge_impact(nx.path_graph(["a", "b", "c", "d"]))
    # b-c: 2 x 2 = 4 pairs first, then a-b and c-d: 1 x 3 = 3 each, by ids
    assert path[["source", "target", "pairs_disconnected"]].values.tolist() == [
        ["b", "c", 4],
        ["a", "b", 3],
        ["c", "d", 3],
    ]


@pytest.mark.parametrize("seed", range(8))
def test_bridge_impact_agrees_with_removing_each_bridge_by_brute_force(seed):
    graph = nx.gnm_random_graph(18, 20, seed=200 + seed)
    bridges = bridge_impact(graph)
    assert {frozenset(p) for p in zip(bridges["source"], bridges["target"], strict=True)} == {
        frozenset(e) for e in nx.bridges(graph)
    }
    for u, v, lost in zip(
        bridges["source"], bridges["target"], bridges["pairs_disconnected"], strict=True
    ):
        cut = graph.copy()
        cut.remove_edge(u, v)
        pairs = [
            sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(g))
            for g in (graph, cut)
        ]
        assert lost == pairs[0] - pairs[1]


# -- person dependency ------------------------------------------------------------------
@pytest.fixture
def two_organisations() -> Territory:
    """'solo' has 3 outside relations, all through Claire; 'duo' has 4, two by Ali, one by
    Bea, one that names nobody; the relation between Ali and Bea is inside 'duo'."""
    actors = [
        {"id": x, "name": x.title(), "type": "association"} for x in ("solo", "duo", "x", "y", "z")
    ]
    people = [
        {"id": "claire", "name": "Claire", "actor": "solo", "position": "directrice"},
        {"id": "ali", "name": "Ali", "actor": "duo"},
        {"id": "bea", "name": "Bea", "actor": "duo"},
    ]
    tie = {"type": "coopération", "family": "lien"}
    relations = [
        {"source": "solo", "target": "x", "source_person": "claire", **tie},
        {"source": "y", "target": "solo", "target_person": "claire", **tie},
        {
            "source": "solo",
            "target": "z",
            "source_person": "claire",
            "type": "financement",
            "family": "flux",
            "directed": True,
        },
        {"source": "solo", "target": "y", "type": "tension"},  # not counted
        {"source": "duo", "target": "x", "source_person": "ali", **tie},
        {"source": "duo", "target": "y", "source_person": "ali", **tie},
        {"source": "z", "target": "duo", "target_person": "bea", **tie},
        {"source": "duo", "target": "z", **tie},
        {"source": "duo", "target": "duo", "source_person": "ali", "target_person": "bea", **tie},
    ]
    return Territory.from_records(actors=actors, people=people, relations=relations)


def test_an_organisation_whose_ties_all_go_through_one_person_depends_on_her(two_organisations):
    table = person_dependency(two_organisations).set_index("person")
    # solo: 3 outside relations (the tension is left out), Claire carries 3: share 1
    assert table.loc[
        "claire",
        [
            "actor",
            "ties_carried",
            "ties_with_person",
            "ties_total",
            "share",
            "single_person_dependency",
        ],
    ].tolist() == ["solo", 3, 3, 3, 1.0, True]
    assert table.at["claire", "position"] == "directrice"


def test_an_organisation_whose_ties_two_people_share_does_not_depend_on_one(two_organisations):
    table = person_dependency(two_organisations).set_index("person")
    # duo: 4 outside relations (the internal one is not outside); Ali 2/4, Bea 1/4;
    # 3 of the 4 name a person
    assert table.loc[
        ["ali", "bea"], ["ties_carried", "ties_with_person", "ties_total", "share"]
    ].values.tolist() == [[2, 3, 4, 0.5], [1, 3, 4, 0.25]]
    assert not table.loc[["ali", "bea"], "single_person_dependency"].any()


def test_person_rows_are_sorted_by_organisation_then_ties_carried(two_organisations):
    assert person_dependency(two_organisations)["person"].tolist() == ["ali", "bea", "claire"]


def test_one_relation_is_not_enough_to_call_it_a_dependency():
    t = Territory.from_records(
        actors=[
            {"id": "o", "name": "O", "type": "association"},
            {"id": "x", "name": "X", "type": "commune"},
        ],
        people=[{"id": "p", "name": "P", "actor": "o"}],
        relations=[{"source": "o", "target": "x", "type": "coopération", "source_person": "p"}],
    )
    # share 1/1 but only 1 outside relation (the rule asks for at least 2)
    assert not person_dependency(t)["single_person_dependency"].any()


def test_two_thirds_carried_by_one_person_is_a_dependency_and_unnamed_ties_dilute_it():
    def territory(unnamed: int) -> Territory:
        relations = [
            {"source": "o", "target": x, "type": "coopération", "source_person": "p"}
            for x in ("x", "y")
        ]
        relations += [{"source": "o", "target": "z", "type": "coopération"}] * unnamed
        return Territory.from_records(
            actors=[{"id": a, "name": a, "type": "association"} for a in "oxyz"],
            people=[{"id": "p", "name": "P", "actor": "o"}],
            relations=relations,
        )

    # 2 of 3 relations = 2/3: flagged; 2 of 4 = 1/2: not flagged
    assert person_dependency(territory(1))["single_person_dependency"].tolist() == [True]
    assert person_dependency(territory(2))["single_person_dependency"].tolist() == [False]


def test_organisation_summary_names_the_main_person(two_organisations):
    summary = organisation_dependency(two_organisations)
    assert list(summary.index) == ["solo", "duo"]  # the actors' order
    assert summary.loc[
        "solo", ["people", "ties_total", "main_person", "main_share", "single_person_dependency"]
    ].tolist() == [1, 3, "claire", 1.0, True]
    assert summary.loc[
        "duo",
        [
            "people",
            "ties_total",
            "ties_with_person",
            "main_person",
            "main_share",
            "single_person_dependency",
        ],
    ].tolist() == [2, 4, 3, "ali", 0.5, False]


def test_a_territory_without_people_has_no_person_dependency():
    t = Territory.from_records(actors=[{"id": "a", "name": "A", "type": "association"}])
    assert person_dependency(t).empty
    assert organisation_dependency(t).empty


def test_fragility_functions_do_not_mutate_their_input():
    graph = nx.Graph([("a", "b"), ("b", "c")])
    before = nx.to_dict_of_dicts(graph), dict(graph.nodes(data=True))
    removal_impact(graph)
    bridge_impact(graph)
    assert (nx.to_dict_of_dicts(graph), dict(graph.nodes(data=True))) == before


def test_removal_impact_reads_directed_and_multi_graphs_as_undirected():
    directed = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    impact = removal_impact(directed)
    assert impact.at["b", "pairs_disconnected"] == 1
    assert bridge_impact(directed)[["source", "target"]].values.tolist() == [["a", "b"], ["b", "c"]]
    assert list(impact.index) == ["a", "b", "c"]
