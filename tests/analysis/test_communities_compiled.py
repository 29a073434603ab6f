"""Louvain by scikit-network (the ``fast`` extra) and the choice of implementation."""

from __future__ import annotations

import networkx as nx
import pytest

from territoire_graphe.analysis import communities
from territoire_graphe.analysis.communities import COMPILED_FROM, louvain

sknetwork = pytest.importorskip("sknetwork")


def two_cliques_and_a_loner() -> nx.Graph:
    g = nx.Graph()
    g.add_edges_from(nx.complete_graph(["a", "b", "c", "d"]).edges, weight=1.0)
    g.add_edges_from(nx.complete_graph(["e", "f", "g", "h"]).edges, weight=1.0)
    g.add_edge("d", "e", weight=1.0)
    g.add_node("z")
    return g


def test_the_compiled_louvain_finds_the_two_cliques_and_leaves_the_loner_alone():
    g = two_cliques_and_a_loner()
    found = louvain(g, implementation="scikit-network")
    assert found.params["implementation"].startswith("scikit-network")
    groups = {frozenset(found.labels.index[found.labels == k]) for k in found.labels.unique()}
    assert groups == {frozenset("abcd"), frozenset("efgh"), frozenset("z")}
    # Q = 2 * (12/26 - (13/26)^2) = 0.4231 for two cliques of 4 joined by one tie.
    assert found.modularity == pytest.approx(2 * (12 / 26 - (13 / 26) ** 2))


def test_the_compiled_louvain_is_seeded_and_within_one_percent_of_networkx():
    g = nx.planted_partition_graph(30, 40, 0.3, 0.01, seed=3)
    first = louvain(g, seed=1, implementation="scikit-network")
    again = louvain(g, seed=1, implementation="scikit-network")
    reference = louvain(g, seed=1, implementation="networkx")
    assert first.labels.equals(again.labels)
    assert first.modularity >= 0.99 * reference.modularity
    assert reference.params["implementation"].startswith("networkx")


def test_auto_keeps_networkx_for_small_territories_and_unknown_names_fail():
    g = two_cliques_and_a_loner()
    assert louvain(g).params["implementation"].startswith("networkx")
    assert g.number_of_nodes() < COMPILED_FROM
    with pytest.raises(ValueError, match="louvain"):
        louvain(g, implementation="louvain")


def test_auto_uses_the_compiled_louvain_for_large_territories(monkeypatch):
    monkeypatch.setattr(communities, "COMPILED_FROM", 5)
    assert louvain(two_cliques_and_a_loner()).params["implementation"].startswith("scikit-network")
