"""Centralities against published and hand-computed values."""

from __future__ import annotations

import importlib.util
import math
import sys

import networkx as nx
import numpy as np
import pytest

from territoire_graphe.analysis import centrality

# Padgett's Florentine families (marriage ties), 15 connected families. Freeman betweenness
# as published by UCINET (raw, unordered pairs): Medici 47.5, Guadagni 23.17, Albizzi 19.33,
# Salviati 13, Ridolfi 10.33, Bischeri 9.5, Strozzi 9.33, Barbadori 8.5, Tornabuoni 8.33,
# Castellani 5, Peruzzi 2, the four others 0; normalised by (n-1)(n-2)/2 = 14*13/2 = 91:
# Medici 47.5 / 91 = 0.522.
PADGETT_RAW_BETWEENNESS = {
    "Medici": 47.5,
    "Guadagni": 23 + 1 / 6,
    "Albizzi": 19 + 1 / 3,
    "Salviati": 13.0,
    "Ridolfi": 10 + 1 / 3,
    "Bischeri": 9.5,
    "Strozzi": 9 + 1 / 3,
    "Barbadori": 8.5,
    "Tornabuoni": 8 + 1 / 3,
    "Castellani": 5.0,
    "Peruzzi": 2.0,
    "Acciaiuoli": 0.0,
    "Ginori": 0.0,
    "Lamberteschi": 0.0,
    "Pazzi": 0.0,
}
HAS_RUSTWORKX = importlib.util.find_spec("rustworkx") is not None
RUSTWORKX = pytest.param(
    "rustworkx",
    marks=pytest.mark.skipif(
        not HAS_RUSTWORKX, reason="the optional extra 'fast' (rustworkx) is not installed"
    ),
)
EXACT_BACKENDS = ["numpy", RUSTWORKX, "networkx"]


@pytest.fixture
def florentine() -> nx.Graph:
    return nx.florentine_families_graph()


def random_territory(n: int = 120, ties: int = 180, isolated: int = 6, seed: int = 7) -> nx.Graph:
    graph = nx.gnm_random_graph(n, ties, seed=seed)
    graph = nx.relabel_nodes(graph, {i: f"actor{i:03d}" for i in graph})
    graph.add_nodes_from(f"alone{i}" for i in range(isolated))
    return graph


@pytest.mark.parametrize("backend", EXACT_BACKENDS)
def test_florentine_betweenness_matches_padgett_published_values(florentine, backend):
    values = centrality.betweenness(florentine, backend=backend)
    for family, raw in PADGETT_RAW_BETWEENNESS.items():
        assert values[family] == pytest.approx(raw / 91, abs=1e-9)
    assert values["Medici"] == pytest.approx(0.522, abs=1e-3)


@pytest.mark.parametrize("backend", EXACT_BACKENDS)
def test_an_isolated_actor_counts_in_the_betweenness_normalisation(florentine, backend):
    # With Pucci (no marriage tie) the 16 families give (15 * 14) / 2 = 105 pairs.
    florentine.add_node("Pucci")
    values = centrality.betweenness(florentine, backend=backend)
    assert values["Medici"] == pytest.approx(47.5 / 105)
    assert values["Pucci"] == 0.0


@pytest.mark.parametrize("backend", ["auto", "numpy", RUSTWORKX, "networkx"])
def test_closeness_of_the_medici_is_fourteen_over_their_total_distance(florentine, backend):
    # Hand count from the Medici: 6 families at 1 link, 5 at 2 (Ginori, Guadagni, Castellani,
    # Strozzi, Pazzi), 3 at 3 (Bischeri, Lamberteschi, Peruzzi): 6 + 10 + 9 = 25.
    assert centrality.closeness(florentine, backend=backend)["Medici"] == pytest.approx(14 / 25)
    # Wasserman-Faust scaling with the isolated Pucci: (14 / 15) * (14 / 25).
    florentine.add_node("Pucci")
    values = centrality.closeness(florentine, backend=backend)
    assert values["Medici"] == pytest.approx(14 / 15 * 14 / 25)
    assert values["Pucci"] == 0.0


@pytest.mark.parametrize("backend", ["numpy", "networkx"])
def test_harmonic_centrality_of_the_medici_sums_inverse_distances(florentine, backend):
    # 6 / 1 + 5 / 2 + 3 / 3 = 9.5 (same distance counts as above).
    assert centrality.harmonic(florentine, backend=backend)["Medici"] == pytest.approx(9.5)


def test_every_backend_gives_the_same_figures_on_a_disconnected_graph():
    graph = random_territory()
    reference = centrality.betweenness(graph, backend="networkx")
    for backend in ("numpy", "rustworkx") if HAS_RUSTWORKX else ("numpy",):
        assert np.allclose(centrality.betweenness(graph, backend=backend), reference, atol=1e-12)
    reference = centrality.closeness(graph, backend="networkx")
    for backend in ("numpy", "rustworkx") if HAS_RUSTWORKX else ("numpy",):
        assert np.allclose(centrality.closeness(graph, backend=backend), reference, atol=1e-12)
    assert np.allclose(centrality.harmonic(graph), centrality.harmonic(graph, backend="networkx"))


def test_without_rustworkx_the_exact_figures_come_from_the_numpy_path(florentine, monkeypatch):
    with_rustworkx = centrality.betweenness(florentine)
    monkeypatch.setitem(sys.modules, "rustworkx", None)  # import rustworkx -> ImportError
    without = centrality.betweenness(florentine)
    assert without.attrs["backend"] == "numpy"
    assert np.allclose(without, with_rustworkx, atol=1e-12)
    with pytest.raises(ImportError, match="fast"):
        centrality.betweenness(florentine, backend="rustworkx")
    with pytest.raises(ImportError, match="fast"):
        centrality.closeness(florentine, backend="rustworkx")


def test_sampled_betweenness_is_networkx_estimate_with_the_same_seed():
    graph = random_territory(n=80, ties=150)
    ours = centrality.betweenness(graph, k=20, seed=3)
    theirs = nx.betweenness_centrality(graph, k=20, seed=3)
    assert ours.attrs["sampled"] and ours.attrs["k"] == 20
    assert np.allclose(ours, [theirs[x] for x in graph], atol=1e-12)


def test_large_graphs_switch_to_the_documented_sample(monkeypatch):
    graph = random_territory(n=60, ties=100)
    monkeypatch.setattr(centrality, "SAMPLE_SOURCES", 10)
    estimate = centrality.betweenness(graph, exact_max=50, seed=1)
    assert estimate.attrs["sampled"] and estimate.attrs["k"] == 10
    assert np.allclose(estimate, centrality.betweenness(graph, k=10, seed=1))
    assert not centrality.betweenness(graph, exact_max=None).attrs["sampled"]


def test_degree_counts_partners_and_strength_sums_intensities():
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=2.0)
    graph.add_edge("a", "c", weight=0.5)
    graph.add_edge("a", "a", weight=9.0)  # a self-loop is not a partner
    graph.add_node("d")
    assert centrality.degree(graph).to_dict() == {"a": 2, "b": 1, "c": 1, "d": 0}
    assert centrality.strength(graph).to_dict() == {"a": 2.5, "b": 2.0, "c": 0.5, "d": 0.0}


def test_in_and_out_variants_read_the_directed_relations():
    digraph = nx.DiGraph()
    digraph.add_edge("a", "b", weight=2)
    digraph.add_edge("c", "b", weight=3)
    digraph.add_edge("b", "c", weight=1)  # an undirected relation, both ways
    assert centrality.in_degree(digraph).to_dict() == {"a": 0, "b": 2, "c": 1}
    assert centrality.out_degree(digraph).to_dict() == {"a": 1, "b": 1, "c": 1}
    assert centrality.in_strength(digraph).to_dict() == {"a": 0.0, "b": 5.0, "c": 1.0}
    assert centrality.out_strength(digraph).to_dict() == {"a": 2.0, "b": 1.0, "c": 3.0}


def test_eigenvector_of_a_star_solves_the_eigen_equation_by_hand():
    # Star with 3 leaves: lambda = sqrt(3), centre = sqrt(3) * leaf, 3 leaf^2 + centre^2 = 1
    # -> leaf = 1 / sqrt(6), centre = 1 / sqrt(2).
    values = centrality.eigenvector(nx.star_graph(["hub", "a", "b", "c"]))
    assert values["hub"] == pytest.approx(1 / math.sqrt(2))
    assert values["a"] == pytest.approx(1 / math.sqrt(6))


def test_eigenvector_scales_each_component_by_the_root_of_its_share_of_actors():
    # Path of 3 (vector 1/2, 1/sqrt 2, 1/2), a pair (1/sqrt 2 each) and an isolated actor:
    # n = 6, so the path is multiplied by sqrt(3/6) and the pair by sqrt(2/6).
    graph = nx.path_graph(["a", "b", "c"])
    graph.add_edge("d", "e")
    graph.add_node("f")
    values = centrality.eigenvector(graph)
    assert values["a"] == pytest.approx(0.5 * math.sqrt(0.5))
    assert values["b"] == pytest.approx(math.sqrt(0.5) * math.sqrt(0.5))
    assert values["d"] == pytest.approx(math.sqrt(0.5) * math.sqrt(2 / 6))
    assert values["f"] == 0.0
    # squared norm: the share of actors with at least one tie, 5 / 6
    assert np.linalg.norm(values) ** 2 == pytest.approx(5 / 6)


def test_eigenvector_of_a_connected_graph_is_networkx_numpy_solution(florentine):
    expected = nx.eigenvector_centrality_numpy(florentine)
    assert np.allclose(centrality.eigenvector(florentine), [expected[x] for x in florentine])
    large = nx.connected_watts_strogatz_graph(400, 6, 0.2, seed=1)  # the sparse solver path
    expected = nx.eigenvector_centrality_numpy(large)
    assert np.allclose(centrality.eigenvector(large), [expected[x] for x in large], atol=1e-8)


def test_eigenvector_weighs_ties_by_intensity():
    # Path a-b-c with weights 1 and 3: matrix [[0,1,0],[1,0,3],[0,3,0]], lambda = sqrt(10),
    # vector proportional to (1, sqrt(10), 3), norm sqrt(20).
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=1.0)
    graph.add_edge("b", "c", weight=3.0)
    values = centrality.eigenvector(graph)
    assert values.tolist() == pytest.approx([1 / math.sqrt(20), math.sqrt(0.5), 3 / math.sqrt(20)])


def test_pagerank_of_a_star_solves_the_random_walk_by_hand():
    # Star with 3 leaves, alpha = 0.85, N = 4: centre = 0.0375 + 0.85 * 3 * leaf,
    # leaf = 0.0375 + 0.85 * centre / 3 -> centre = 0.133125 / 0.2775 = 0.47973.
    values = centrality.pagerank(nx.star_graph(["hub", "a", "b", "c"]))
    assert values["hub"] == pytest.approx(0.133125 / 0.2775, abs=1e-8)
    assert values["a"] == pytest.approx((1 - 0.133125 / 0.2775) / 3, abs=1e-8)
    assert values.sum() == pytest.approx(1.0)


def test_the_centrality_table_has_one_row_per_actor_in_node_order(florentine):
    florentine.add_node("Pucci")
    table = centrality.centralities(florentine)
    assert list(table.index) == list(florentine.nodes)
    assert list(table.columns) == [
        "degree",
        "strength",
        "betweenness",
        "closeness",
        "harmonic",
        "eigenvector",
        "pagerank",
    ]
    assert table.loc["Medici", "closeness"] == pytest.approx(14 / 15 * 14 / 25)
    assert table.loc["Pucci", "eigenvector"] == 0.0


def test_the_centrality_table_says_whether_betweenness_was_sampled(florentine):
    table = centrality.centralities(florentine)
    assert table.attrs["betweenness"]["sampled"] is False
    assert table.attrs["closeness"]["wf_improved"] is True
