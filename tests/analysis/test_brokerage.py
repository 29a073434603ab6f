"""Burt's structural holes and Gould-Fernandez brokerage against the literature and by hand."""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx
import numpy as np
import pytest

from territoire_graphe.analysis import brokerage

# Borgatti's (1997) example (http://www.analytictech.com/connections/v20(1)/holes.htm), as in
# networkx/algorithms/tests/test_structuralholes.py, whose expected values were computed with
# UCINET and igraph and then by hand.
BORGATTI_TIES = [
    ("A", "B"),
    ("A", "F"),
    ("A", "G"),
    ("A", "E"),
    ("E", "G"),
    ("F", "G"),
    ("B", "G"),
    ("B", "D"),
    ("D", "G"),
    ("G", "C"),
]
BORGATTI_WEIGHTS = {
    ("A", "B"): 2,
    ("A", "F"): 3,
    ("A", "G"): 5,
    ("A", "E"): 2,
    ("E", "G"): 8,
    ("F", "G"): 3,
    ("B", "G"): 4,
    ("B", "D"): 1,
    ("D", "G"): 3,
    ("G", "C"): 10,
}
DIRECTED_ARCS = [(0, 1), (0, 2), (1, 0), (2, 1)]
DIRECTED_WEIGHTS = {(0, 1): 2, (0, 2): 2, (1, 0): 1, (2, 1): 1}


@pytest.fixture
def borgatti() -> nx.Graph:
    return nx.Graph(BORGATTI_TIES)


def test_effective_size_is_borgatti_n_minus_two_t_over_n(borgatti):
    # G's alters A, B, C, D, E, F (n = 6) share t = 4 ties (A-B, A-E, A-F, B-D): 6 - 8/6.
    # A's alters B, E, F, G (n = 4) share t = 3 ties (B-G, E-G, F-G): 4 - 6/4 = 2.5.
    # C's only alter G: 1 - 0 = 1.
    values = brokerage.effective_size(borgatti, weight=None)
    assert values["G"] == pytest.approx(6 - 8 / 6)
    assert values["A"] == pytest.approx(2.5)
    assert values["C"] == pytest.approx(1.0)


def test_unweighted_effective_size_follows_borgatti_formula_on_every_ego():
    graph = nx.gnm_random_graph(60, 150, seed=2)
    values = brokerage.effective_size(graph, weight=None)
    for ego in graph:
        alters = set(graph[ego])
        if not alters:
            assert math.isnan(values[ego])
            continue
        ties = graph.subgraph(alters).number_of_edges()
        assert values[ego] == pytest.approx(len(alters) - 2 * ties / len(alters))


def test_structural_holes_match_networkx_expectations_undirected(borgatti):
    constraint = brokerage.constraint(borgatti, weight=None)
    assert constraint[["G", "A", "C"]].tolist() == pytest.approx([0.400, 0.595, 1], abs=1e-3)
    esize = brokerage.effective_size(borgatti, weight=None)
    assert esize[["G", "A", "C"]].tolist() == pytest.approx([4.67, 2.50, 1], abs=1e-2)


def test_structural_holes_match_networkx_expectations_weighted(borgatti):
    nx.set_edge_attributes(borgatti, BORGATTI_WEIGHTS, "weight")
    constraint = brokerage.constraint(borgatti)
    assert constraint[["G", "A", "C"]].tolist() == pytest.approx([0.299, 0.795, 1], abs=1e-3)
    esize = brokerage.effective_size(borgatti)
    assert esize[["G", "A", "C"]].tolist() == pytest.approx([5.47, 2.47, 1], abs=1e-2)


def test_structural_holes_match_networkx_expectations_directed():
    digraph = nx.DiGraph(DIRECTED_ARCS)
    assert brokerage.constraint(digraph, weight=None).tolist() == pytest.approx(
        [1.003, 1.003, 1.389], abs=1e-3
    )
    assert brokerage.effective_size(digraph, weight=None).tolist() == pytest.approx(
        [1.167, 1.167, 1], abs=1e-3
    )
    nx.set_edge_attributes(digraph, DIRECTED_WEIGHTS, "weight")
    assert brokerage.constraint(digraph).tolist() == pytest.approx([0.840, 1.143, 1.378], abs=1e-3)
    assert brokerage.effective_size(digraph).tolist() == pytest.approx([1.567, 1.083, 1], abs=1e-3)


def test_constraint_by_hand_on_a_star_and_a_triangle():
    # Star: the hub invests 1/2 in each unlinked leaf: 2 * (1/2)^2 = 0.5; a leaf: 1^2 = 1.
    star = brokerage.constraint(nx.star_graph(["hub", "a", "b"]), weight=None)
    assert star.tolist() == pytest.approx([0.5, 1.0, 1.0])
    # Triangle: p = 1/2 direct, 1/2 * 1/2 indirect: 2 * (3/4)^2 = 1.125, Burt's maximum.
    triangle = brokerage.constraint(nx.cycle_graph(["a", "b", "c"]), weight=None)
    assert triangle.tolist() == pytest.approx([1.125] * 3)


def test_isolated_actors_have_no_constraint_nor_effective_size(borgatti):
    borgatti.add_node("alone")
    borgatti.add_edge("loop", "loop")  # only a self-loop: isolated too
    nx.set_edge_attributes(borgatti, 1.0, "weight")
    for values in (brokerage.constraint(borgatti), brokerage.effective_size(borgatti)):
        assert math.isnan(values["alone"]) and math.isnan(values["loop"])
        assert not values.drop(["alone", "loop"]).isna().any()


def test_weighted_figures_agree_with_networkx_reference_path():
    graph = nx.gnm_random_graph(80, 200, seed=5)
    rng = random.Random(5)
    for u, v in graph.edges:
        graph[u][v]["weight"] = rng.choice([0.5, 1.0, 2.0, 3.0])
    nodes = list(graph)
    expected = nx.constraint(graph, nodes=nodes, weight="weight")
    assert np.allclose(brokerage.constraint(graph), [expected[x] for x in nodes], equal_nan=True)
    expected = nx.effective_size(graph, nodes=nodes, weight="weight")
    assert np.allclose(
        brokerage.effective_size(graph), [expected[x] for x in nodes], equal_nan=True
    )


def chain(types: str) -> nx.DiGraph:
    """a -> v -> c with the types of a, v and c."""
    digraph = nx.DiGraph([("a", "v"), ("v", "c")])
    nx.set_node_attributes(digraph, dict(zip("avc", types, strict=True)), "type")
    return digraph


@pytest.mark.parametrize(
    ("types", "role"),
    [
        ("xxx", "broker_coordinator"),  # A -> A -> A
        ("xyx", "broker_itinerant"),  # A -> B -> A
        ("xxy", "broker_representative"),  # A -> A -> B
        ("xyy", "broker_gatekeeper"),  # A -> B -> B
        ("xyz", "broker_liaison"),  # A -> B -> C
    ],
)
def test_each_two_path_gives_the_broker_its_gould_fernandez_role(types, role):
    table = brokerage.gould_fernandez(chain(types))
    assert list(table.columns) == list(brokerage.ROLE_COLUMNS)
    assert table.loc["v"].to_dict() == {column: int(column == role) for column in table}
    assert table.drop("v").to_numpy().sum() == 0


def test_a_tie_from_a_to_c_closes_the_hole_but_one_from_c_to_a_does_not():
    closed = chain("xyz")
    closed.add_edge("a", "c")
    assert brokerage.gould_fernandez(closed).to_numpy().sum() == 0
    reverse = chain("xyz")
    reverse.add_edge("c", "a")  # sna::brokerage only checks a -> c
    assert brokerage.gould_fernandez(reverse).loc["v", "broker_liaison"] == 1


def test_an_undirected_relation_counts_both_ways():
    # a - v - c undirected: a -> v -> c and c -> v -> a, two liaisons; for x - x - y, one
    # representative (x -> x -> y) and one gatekeeper (y -> x -> x).
    digraph = nx.DiGraph([("a", "v"), ("v", "a"), ("v", "c"), ("c", "v")])
    nx.set_node_attributes(digraph, {"a": "x", "v": "y", "c": "z"}, "type")
    assert brokerage.gould_fernandez(digraph).loc["v", "broker_liaison"] == 2
    nx.set_node_attributes(digraph, {"a": "x", "v": "x", "c": "y"}, "type")
    assert brokerage.gould_fernandez(digraph).loc["v"].tolist() == [0, 0, 1, 1, 0]


def test_hand_counted_brokerage_of_a_small_network():
    # Types a:x b:x v:y c:y d:z; arcs a->v, b->v, v->c, c->v, v->d, b->d.
    # v's in-neighbours {a, b, c}, out-neighbours {c, d}; ordered pairs:
    #   (a, c) x->y->y gatekeeper; (a, d) x->y->z liaison; (b, c) x->y->y gatekeeper;
    #   (b, d) closed by b->d; (c, c) same actor; (c, d) y->y->z representative.
    # c: in {v}, out {v}: nothing. Total: v = [0, 0, 1, 2, 1].
    digraph = nx.DiGraph([("a", "v"), ("b", "v"), ("v", "c"), ("c", "v"), ("v", "d"), ("b", "d")])
    nx.set_node_attributes(digraph, {"a": "x", "b": "x", "v": "y", "c": "y", "d": "z"}, "type")
    table = brokerage.gould_fernandez(digraph)
    assert table.loc["v"].tolist() == [0, 0, 1, 2, 1]
    assert table.drop("v").to_numpy().sum() == 0


def test_groups_can_come_from_any_column_and_missing_ones_form_one_group():
    digraph = chain("xyz")
    assert (
        brokerage.gould_fernandez(digraph, groups={"a": 1, "v": 2, "c": 1}).loc[
            "v", "broker_itinerant"
        ]
        == 1
    )
    nx.set_node_attributes(digraph, {"a": None, "v": "Gournay", "c": float("nan")}, "commune")
    assert brokerage.gould_fernandez(digraph, by="commune").loc["v", "broker_itinerant"] == 1


def definition_count(digraph: nx.DiGraph, group: dict) -> dict:
    """The roles straight from the definition, over every ordered triple."""
    counts = {v: [0] * 5 for v in digraph}
    for a, v, c in itertools.permutations(digraph, 3):
        if digraph.has_edge(a, v) and digraph.has_edge(v, c) and not digraph.has_edge(a, c):
            ga, gv, gc = group[a], group[v], group[c]
            role = (
                0 if ga == gv == gc else 1 if ga == gc else 2 if ga == gv else 3 if gv == gc else 4
            )
            counts[v][role] += 1
    return counts


@pytest.mark.parametrize("max_pairs", [2_000_000, 3])
def test_counts_equal_the_definition_on_a_random_network(max_pairs):
    digraph = nx.gnm_random_graph(40, 160, seed=8, directed=True)
    rng = random.Random(8)
    group = {v: rng.choice("xyz") for v in digraph}
    nx.set_node_attributes(digraph, group, "type")
    table = brokerage.gould_fernandez(digraph, max_pairs=max_pairs)
    expected = definition_count(digraph, group)
    assert {v: table.loc[v].tolist() for v in digraph} == expected
