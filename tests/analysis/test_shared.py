"""One sparse form of each graph per diagnosis (analysis/_shared.py), shared by every kernel."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.analysis import _fast
from territoire_graphe.analysis._shared import per_run, shared


def _graph() -> nx.Graph:
    g = nx.Graph()
    g.add_weighted_edges_from([("a", "b", 2.0), ("b", "c", 1.0), ("c", "a", 3.0), ("c", "d", 1.0)])
    g.add_edge("d", "d", weight=5.0)  # a self-loop: kept by networkx, dropped by adjacency
    g.add_node("e")
    return g


def test_inside_a_run_every_kernel_gets_the_same_matrix_outside_a_fresh_one():
    g = _graph()

    @per_run
    def run():
        return _fast.adjacency(g), _fast.adjacency(g), _fast.sparse(g, weight="weight")

    first, second, weighted = run()
    assert first[0] is second[0] and first[1] == ["a", "b", "c", "d", "e"]
    assert _fast.adjacency(g)[0] is not _fast.adjacency(g)[0]
    expected = nx.to_numpy_array(g, nodelist=list(g.nodes), weight=None)
    np.fill_diagonal(expected, 0.0)
    assert first[0].toarray().tolist() == expected.tolist()
    by_weight = nx.to_numpy_array(g, nodelist=list(g.nodes), weight="weight")
    assert weighted[0].toarray().tolist() == by_weight.tolist()
    assert weighted[0].toarray()[3, 3] == 5.0  # the raw conversion keeps the self-loop


def test_a_graph_changed_during_the_run_is_converted_again():
    g = _graph()

    @per_run
    def run():
        before, _ = _fast.adjacency(g)
        g.add_edge("e", "a")
        after, _ = _fast.adjacency(g)
        return before, after

    before, after = run()
    assert before is not after
    assert before[4, 0] == 0.0 and after[4, 0] == 1.0


def test_runs_do_not_share_and_a_nested_run_uses_the_outer_store():
    g = _graph()
    calls = []

    def build():
        calls.append(1)
        return object()

    @per_run
    def inner():
        return shared(g, "k", build)

    @per_run
    def outer():
        return inner(), inner()

    a, b = outer()
    c, _ = outer()
    assert a is b and c is not a and len(calls) == 2


def test_an_error_in_a_run_leaves_no_store_behind():
    g = _graph()

    @per_run
    def failing():
        shared(g, "k", object)
        raise ValueError("boom")

    with pytest.raises(ValueError):
        failing()
    assert shared(g, "k", object) is not shared(g, "k", object)


def test_a_diagnosis_is_the_same_with_and_without_the_shared_matrices():
    t = tg.read(tg.sample_path("pays_de_bray_2023.xlsx"))
    with_sharing = tg.diagnose(t)
    without = tg.diagnose.__wrapped__(t)  # every kernel converting the graph itself
    pd.testing.assert_frame_equal(with_sharing.actors, without.actors)
    pd.testing.assert_series_equal(with_sharing.indicators, without.indicators)
    pd.testing.assert_frame_equal(with_sharing.findings, without.findings)
    pd.testing.assert_frame_equal(with_sharing.communities, without.communities)
    pd.testing.assert_frame_equal(with_sharing.fragilities, without.fragilities)


@pytest.mark.parametrize("shared_run", [False, True])
def test_mean_distance_is_networkx_s_on_the_largest_component(shared_run):
    from territoire_graphe.analysis.indicators import _distances

    g = nx.Graph()
    g.add_edges_from([("z", "y"), ("y", "m"), ("m", "a"), ("a", "y"), ("m", "k"), ("k", "k")])
    g.add_edges_from([("p", "q"), ("q", "r")])  # a smaller component, not counted
    g.add_node("alone")
    core = g.subgraph(max(nx.connected_components(g), key=len))
    expected = nx.average_shortest_path_length(core)
    run = per_run(_distances) if shared_run else _distances
    assert run(g, 5)["mean_distance"] == pytest.approx(expected)
