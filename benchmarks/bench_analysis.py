"""Timings of the graph-analysis functions on random territories of growing size.

Usage::

    python benchmarks/bench_analysis.py            # 1,000 and 10,000 actors
    python benchmarks/bench_analysis.py 2000 5000  # other sizes

Each territory has n actors (types, municipalities) and 3n relation records between them:
sources drawn by a heavy-tailed activity (a few very connected actors), half of the targets in
the source's municipality, 40% of the records directed, about 5% of the actors isolated.
The analysis graph merges the records of each pair (weight = sum of intensities). At 10,000
actors the script also measures the error of the sampled betweenness estimate against the
exact figure.
"""

from __future__ import annotations

import sys
import time

import networkx as nx
import numpy as np
from scipy.stats import spearmanr

from territoire_graphe.analysis import (
    brokerage,
    centrality,
    communities,
    groups,
    keyplayers,
    structure,
)

TYPES = ["association", "entreprise", "collectivite", "exploitation_agricole", "cooperative",
         "etablissement_public", "reseau", "fondation", "habitant", "structure_insertion"]


def territory(n: int, seed: int = 0) -> tuple[nx.Graph, nx.DiGraph]:
    """A random territory: (analysis graph, directed relation graph) over n actors."""
    rng = np.random.default_rng(seed)
    ids = [f"A{i:05d}" for i in range(n)]
    kinds = rng.choice(TYPES, size=n, p=np.array([30, 25, 8, 12, 5, 5, 4, 2, 5, 4]) / 100)
    towns = max(1, n // 25)
    town_weight = 1 / np.arange(1, towns + 1)
    town = rng.choice(towns, size=n, p=town_weight / town_weight.sum())
    activity = rng.pareto(1.5, size=n) + 1
    activity[rng.random(n) < 0.05] = 0  # isolated actors
    activity /= activity.sum()
    graph, digraph = nx.Graph(), nx.DiGraph()
    for i, name in enumerate(ids):
        attributes = {"name": f"Acteur {i}", "type": str(kinds[i]),
                      "municipality": f"Commune {town[i]}", "sector": str(kinds[i])[:4]}
        graph.add_node(name, **attributes)
        digraph.add_node(name, **attributes)
    members = {t: np.flatnonzero((town == t) & (activity > 0)) for t in range(towns)}
    sources = rng.choice(n, size=3 * n, p=activity)
    anywhere = rng.choice(n, size=3 * n, p=activity)
    for r, s in enumerate(sources.tolist()):
        local = members[town[s]]
        t = int(rng.choice(local)) if rng.random() < 0.5 and len(local) > 1 else int(anywhere[r])
        if s == t:
            continue
        u, v, w = ids[s], ids[t], float(rng.integers(1, 4))
        if graph.has_edge(u, v):
            graph[u][v]["weight"] += w
        else:
            graph.add_edge(u, v, weight=w)
        digraph.add_edge(u, v)
        if rng.random() >= 0.4:
            digraph.add_edge(v, u)
    return graph, digraph


def timed(label: str, fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    print(f"  {label:<38} {time.perf_counter() - start:8.3f} s", flush=True)
    return result


def run(n: int) -> None:
    graph, digraph = territory(n)
    print(f"\n{n} actors, {graph.number_of_edges()} ties, {digraph.number_of_edges()} arcs, "
          f"{sum(1 for x in graph if graph.degree(x) == 0)} isolated, "
          f"max degree {max(d for _, d in graph.degree)}")
    total = time.perf_counter()
    timed("degree", centrality.degree, graph)
    timed("strength", centrality.strength, graph)
    timed("betweenness (default)", centrality.betweenness, graph)
    timed("closeness", centrality.closeness, graph)
    timed("harmonic", centrality.harmonic, graph)
    timed("eigenvector", centrality.eigenvector, graph)
    timed("pagerank", centrality.pagerank, graph)
    timed("in/out degree and strength", lambda: [f(digraph) for f in (
        centrality.in_degree, centrality.out_degree, centrality.in_strength,
        centrality.out_strength)])
    timed("centralities (table)", centrality.centralities, graph)
    timed("components", structure.components, graph)
    timed("isolated + pendant", lambda: (structure.isolated(graph), structure.pendant(graph)))
    timed("bridges", structure.bridges, graph)
    timed("articulation points", structure.articulation_points, graph)
    timed("biconnected components", structure.biconnected_components, graph)
    timed("core number", structure.core_number, graph)
    timed("constraint", brokerage.constraint, graph)
    timed("effective size", brokerage.effective_size, graph)
    timed("gould-fernandez", brokerage.gould_fernandez, digraph)
    timed("mixing (type, 1000 permutations)", groups.mixing_table, graph, "type")
    found = timed("louvain + modularity", communities.louvain, graph)
    timed("name communities", communities.name_communities, graph, found.labels)
    for goal in keyplayers.GOALS:
        timed(f"key players k=3 {goal}", keyplayers.key_players, graph, 3, goal=goal)
    print(f"  {'total':<38} {time.perf_counter() - total:8.3f} s")
    without_rustworkx(graph)
    if n > centrality.EXACT_BETWEENNESS_MAX:
        sampling_error(graph)


def without_rustworkx(graph: nx.Graph) -> None:
    """The fallback paths, as when the optional extra ``fast`` is not installed."""
    saved = sys.modules.get("rustworkx")
    sys.modules["rustworkx"] = None  # import rustworkx -> ImportError
    try:
        timed("bridges (networkx fallback)", structure.bridges, graph)
        timed("articulation points (nx fallback)", structure.articulation_points, graph)
        if graph.number_of_nodes() <= centrality.EXACT_BETWEENNESS_MAX:
            timed("betweenness exact (numpy fallback)", centrality.betweenness, graph)
    finally:
        if saved is None:
            del sys.modules["rustworkx"]
        else:
            sys.modules["rustworkx"] = saved


def sampling_error(graph: nx.Graph, seeds: range = range(5)) -> None:
    """Error of the sampled betweenness (default above EXACT_BETWEENNESS_MAX actors)."""
    reference = timed("betweenness exact (auto backend)", centrality.betweenness, graph,
                      exact_max=None)
    truth = reference.to_numpy()
    top = set(reference.nlargest(20).index)
    best = np.argsort(-truth)[:100]
    for seed in seeds:
        estimate = centrality.betweenness(graph, seed=seed)
        sampled = estimate.to_numpy()
        kept = len(top & set(estimate.nlargest(20).index))
        relative = np.median(np.abs(sampled - truth)[best] / truth[best])
        print(f"  sampled k={centrality.SAMPLE_SOURCES} seed {seed}: top-20 kept {kept}/20, "
              f"Spearman {spearmanr(sampled, truth).statistic:.4f}, "
              f"max abs error {np.abs(sampled - truth).max():.5f} "
              f"(largest value {truth.max():.5f}), "
              f"median relative error in the top 100 {relative:.3f}")


if __name__ == "__main__":
    sizes = [int(x) for x in sys.argv[1:]] or [1_000, 10_000]
    for size in sizes:
        run(size)
