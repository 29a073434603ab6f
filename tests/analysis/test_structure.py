"""Components, isolated and pendant actors, bridges, cut points, blocks and cores, by hand."""

from __future__ import annotations

import sys

import networkx as nx
import pytest

from territoire_graphe.analysis import structure


@pytest.fixture
def two_triangles() -> nx.Graph:
    """Triangles a-b-c and d-e-f joined by the tie c-d; g hangs on f; h and i form a pair;
    j is alone.

        a       e
        | \\   / |
        |  c-d  |-- f -- g        h -- i        j
        | /   \\ |
        b       (f)
    """
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
            ("h", "i"),
        ]
    )
    graph.add_node("j")
    return graph


@pytest.fixture(params=["rustworkx", "networkx"])
def backend(request, monkeypatch):
    if request.param == "networkx":
        monkeypatch.setitem(sys.modules, "rustworkx", None)
    return request.param


def test_components_are_numbered_by_decreasing_size(two_triangles):
    # sizes: {a..g} 7, {h, i} 2, {j} 1
    assert structure.components(two_triangles).to_dict() == {
        "a": 1,
        "b": 1,
        "c": 1,
        "d": 1,
        "e": 1,
        "f": 1,
        "g": 1,
        "h": 2,
        "i": 2,
        "j": 3,
    }


def test_components_of_equal_size_follow_the_node_order():
    graph = nx.Graph([("x", "y")])
    graph.add_node("z")
    graph.add_edge("a", "b")
    assert structure.components(graph).to_dict() == {"x": 1, "y": 1, "z": 3, "a": 2, "b": 2}


def test_isolated_and_pendant_actors(two_triangles):
    two_triangles.add_edge("j", "j")  # a self-loop does not make a tie
    assert [x for x, flag in structure.isolated(two_triangles).items() if flag] == ["j"]
    # g, h and i have exactly one partner
    assert [x for x, flag in structure.pendant(two_triangles).items() if flag] == ["g", "h", "i"]


def test_bridges_are_the_ties_whose_loss_splits_a_component(two_triangles, backend):
    # c-d joins the triangles, f-g holds g, h-i holds the pair; ordered by node order.
    assert structure.bridges(two_triangles) == [("c", "d"), ("f", "g"), ("h", "i")]


def test_bridges_list_first_the_actor_first_in_node_order(backend):
    graph = nx.Graph()
    graph.add_nodes_from(["z", "y", "x"])
    graph.add_edges_from([("x", "y"), ("x", "z")])
    assert structure.bridges(graph) == [("z", "x"), ("y", "x")]


def test_articulation_points_are_the_actors_whose_loss_splits_a_component(two_triangles, backend):
    points = structure.articulation_points(two_triangles)
    assert [x for x, flag in points.items() if flag] == ["c", "d", "f"]


def test_both_paths_agree_with_networkx_on_a_random_graph(backend):
    graph = nx.gnm_random_graph(300, 330, seed=4)
    graph.add_nodes_from(range(300, 305))
    order = {x: i for i, x in enumerate(graph)}
    expected = sorted(tuple(sorted(pair, key=order.get)) for pair in nx.bridges(graph))
    assert structure.bridges(graph) == sorted(expected, key=lambda p: (order[p[0]], order[p[1]]))
    points = structure.articulation_points(graph)
    assert {x for x, flag in points.items() if flag} == set(nx.articulation_points(graph))


def test_blocks_are_numbered_by_size_and_share_their_cut_points(two_triangles):
    blocks = structure.biconnected_components(two_triangles)
    assert blocks.groupby("block")["actor"].apply(list).to_dict() == {
        1: ["a", "b", "c"],
        2: ["d", "e", "f"],
        3: ["c", "d"],
        4: ["f", "g"],
        5: ["h", "i"],
    }
    assert "j" not in set(blocks["actor"])


def test_core_numbers_by_hand(two_triangles):
    # The triangles are 2-cores; g, h, i have one tie; j none.
    assert structure.core_number(two_triangles).to_dict() == {
        "a": 2,
        "b": 2,
        "c": 2,
        "d": 2,
        "e": 2,
        "f": 2,
        "g": 1,
        "h": 1,
        "i": 1,
        "j": 0,
    }


def test_the_structure_table_gathers_the_flags(two_triangles):
    table = structure.structure_table(two_triangles)
    assert list(table.columns) == [
        "component",
        "is_isolated",
        "is_pendant",
        "is_articulation_point",
        "core_number",
    ]
    assert table.loc["f"].tolist() == [1, False, False, True, 2]
