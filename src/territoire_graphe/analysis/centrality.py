"""Who is central: degree, strength, betweenness, closeness, harmonic, eigenvector, PageRank.

Every function takes a networkx graph and returns a pandas Series indexed by actor id, in the
graph's node order, named after the metric. Unless said otherwise the graph is the *analysis
graph*: undirected, every actor present, one tie per pair of actors with a ``weight`` (sum of
intensities); distances count links (unweighted). Each Series carries its provenance in
``.attrs`` (algorithm, backend, sampling, reference).

Speed: betweenness, closeness and harmonic use the vectorised kernels of
:mod:`territoire_graphe.analysis._fast` (or rustworkx, optional extra ``fast``, for exact
betweenness); ``backend="networkx"`` gives the reference computation, with the same results.
"""

from __future__ import annotations

import random
from collections.abc import Hashable
from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse import csgraph
from scipy.sparse.linalg import eigsh

from territoire_graphe.analysis import _fast

Backend = Literal["auto", "numpy", "rustworkx", "networkx"]

#: Above this many actors :func:`betweenness` samples ``SAMPLE_SOURCES`` sources by default.
EXACT_BETWEENNESS_MAX = 10_000
#: Number of sampled sources of the betweenness estimate on large graphs.
SAMPLE_SOURCES = 500


def _series(values, nodes: list[Hashable], name: str, **provenance) -> pd.Series:
    series = pd.Series(values, index=pd.Index(nodes, name="id"), name=name)
    series.attrs.update(provenance)
    return series


def degree(graph: nx.Graph) -> pd.Series:
    """Number of distinct partners of each actor (self-loops ignored).

    Graph: the undirected analysis graph, unweighted. Not normalised. Reference: Freeman (1979).

    >>> import networkx as nx
    >>> degree(nx.Graph([("a", "b"), ("a", "c")])).tolist()
    [2, 1, 1]
    """
    nodes = list(graph.nodes)
    values = [sum(1 for other in graph[node] if other != node) for node in nodes]
    return _series(values, nodes, "degree", algorithm="degree", reference="Freeman (1979)")


def strength(graph: nx.Graph, *, weight: str = "weight") -> pd.Series:
    """Sum of the weights (intensities) of each actor's ties (self-loops ignored).

    Graph: the undirected analysis graph, weighted (a missing weight counts 1). Not normalised.
    Reference: Barrat et al. (2004), Opsahl, Agneessens and Skvoretz (2010).

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=2.0)
    >>> g.add_edge("a", "c", weight=0.5)
    >>> strength(g).tolist()
    [2.5, 2.0, 0.5]
    """
    nodes = list(graph.nodes)
    values = [
        float(sum(data.get(weight, 1) for other, data in graph[node].items() if other != node))
        for node in nodes
    ]
    return _series(
        values,
        nodes,
        "strength",
        algorithm="strength",
        weight=weight,
        reference="Barrat et al. (2004)",
    )


def _rustworkx_available() -> bool:
    try:
        import rustworkx  # noqa: F401
    except ImportError:
        return False
    return True


def betweenness(
    graph: nx.Graph,
    *,
    k: int | None = None,
    exact_max: int | None = EXACT_BETWEENNESS_MAX,
    seed: int = 0,
    backend: Backend = "auto",
) -> pd.Series:
    """Freeman's betweenness: share of shortest paths between other actors through each actor.

    Graph: undirected analysis graph, unweighted (distances count links). Normalised as
    networkx normalises undirected betweenness without endpoints: divided by (n-1)(n-2)/2
    unordered pairs, n counting every actor, isolated ones included. Reference: Freeman
    (1977), Brandes (2001).

    Exact when the graph has at most ``exact_max`` actors (default 10,000), otherwise estimated
    from ``k`` sampled sources (default 500, seeded with ``seed``, drawn and rescaled exactly
    as ``networkx.betweenness_centrality(G, k=k, seed=seed)`` does, so both give the same
    figures; Brandes and Pich 2007). ``exact_max=None`` forces the exact computation, an
    explicit ``k`` forces sampling. Measured on random territories of 10,000 actors and
    28,000 ties (``benchmarks/bench_analysis.py``, 5 seeds), k=500 keeps 17 or 18 of the
    exact top 20, Spearman correlation 0.97, median relative error 15-20 % on the top 100,
    for about 1/20 of the exact cost.

    Backends: ``"auto"`` (rustworkx for the exact figure when installed, else the numpy
    kernel; the numpy kernel for estimates), ``"numpy"``, ``"rustworkx"`` (exact only),
    ``"networkx"`` (reference).

    >>> import networkx as nx
    >>> betweenness(nx.path_graph(["a", "b", "c"])).tolist()
    [0.0, 1.0, 0.0]
    """
    matrix, nodes = _fast.adjacency(graph)
    n = len(nodes)
    if k is None and exact_max is not None and n > exact_max:
        k = SAMPLE_SOURCES
    sampled = k is not None and k < n
    if backend == "auto":
        backend = "rustworkx" if not sampled and _rustworkx_available() else "numpy"
    provenance = {
        "algorithm": "brandes",
        "backend": backend,
        "sampled": sampled,
        "k": k if sampled else None,
        "seed": seed if sampled else None,
        "reference": "Freeman (1977); Brandes (2001)",
    }
    if backend == "networkx":
        values = nx.betweenness_centrality(graph, k=k if sampled else None, seed=seed)
        return _series([values[node] for node in nodes], nodes, "betweenness", **provenance)
    if backend == "rustworkx":
        if sampled:
            raise ValueError("rustworkx computes exact betweenness only: use backend='numpy'")
        rx_graph = _fast.rustworkx_graph(matrix)
        if rx_graph is None:
            raise ImportError(
                "backend='rustworkx' needs the optional extra: pip install territoire_graphe[fast]"
            )
        import rustworkx as rx

        values = rx.betweenness_centrality(rx_graph, normalized=True)
        return _series([values[i] for i in range(n)], nodes, "betweenness", **provenance)
    if backend != "numpy":
        raise ValueError(f"unknown backend {backend!r}")
    if sampled and k is not None:
        sources = np.array(sorted(random.Random(seed).sample(range(n), k)), dtype=np.int64)
    else:
        sources = np.arange(n)
    values = _fast.brandes(matrix, sources)
    if n > 2:
        scale: np.ndarray | float
        if sampled and k is not None and k > 1:
            scale = np.full(n, 1.0 / (k * (n - 2)))
            scale[sources] = 1.0 / ((k - 1) * (n - 2))
        elif sampled:
            scale = np.where(np.isin(np.arange(n), sources), np.nan, 1.0 / (n - 2))
        else:
            scale = 1.0 / ((n - 1) * (n - 2))
        values = values * scale
    return _series(values, nodes, "betweenness", **provenance)


def _distance_figures(graph: nx.Graph) -> tuple[list, np.ndarray, np.ndarray]:
    matrix, nodes = _fast.adjacency(graph)
    n = len(nodes)
    reached, total, inverse = _fast.distance_sums(matrix)
    with np.errstate(divide="ignore", invalid="ignore"):
        closeness = np.where(total > 0, reached / total, 0.0)
    if n > 1:
        closeness = closeness * reached / (n - 1)
    return nodes, closeness, inverse


def closeness(graph: nx.Graph, *, backend: Backend = "auto") -> pd.Series:
    """Closeness: inverse of the mean distance to the actors one can reach.

    Graph: undirected analysis graph, unweighted. Normalisation of networkx
    (``wf_improved=True``): (r / (n - 1)) * (r / total distance), r the number of actors
    reachable, n all actors -- Wasserman and Faust's (1994) scaling, so that actors of small
    components are not ranked above those of the main one; 0 for isolated actors. Reference:
    Freeman (1979), Wasserman and Faust (1994).

    Backends: ``"auto"`` and ``"numpy"`` (bit-set breadth-first search, fastest),
    ``"rustworkx"``, ``"networkx"`` (reference); all give the same figures.

    >>> import networkx as nx
    >>> closeness(nx.path_graph(["a", "b", "c"])).round(3).tolist()
    [0.667, 1.0, 0.667]
    """
    provenance = {
        "algorithm": "closeness",
        "wf_improved": True,
        "reference": "Freeman (1979); Wasserman and Faust (1994)",
    }
    if backend in ("auto", "numpy"):
        nodes, values, _ = _distance_figures(graph)
        return _series(values, nodes, "closeness", backend="numpy", **provenance)
    nodes = list(graph.nodes)
    if backend == "networkx":
        values = nx.closeness_centrality(graph, wf_improved=True)
        return _series(
            [values[x] for x in nodes], nodes, "closeness", backend=backend, **provenance
        )
    if backend == "rustworkx":
        matrix, nodes = _fast.adjacency(graph)
        rx_graph = _fast.rustworkx_graph(matrix)
        if rx_graph is None:
            raise ImportError(
                "backend='rustworkx' needs the optional extra: pip install territoire_graphe[fast]"
            )
        import rustworkx as rx

        rx_values = rx.closeness_centrality(rx_graph, wf_improved=True)
        return _series(
            [rx_values[i] for i in range(len(nodes))],
            nodes,
            "closeness",
            backend=backend,
            **provenance,
        )
    raise ValueError(f"unknown backend {backend!r}")


def harmonic(
    graph: nx.Graph, *, backend: Literal["auto", "numpy", "networkx"] = "auto"
) -> pd.Series:
    """Harmonic centrality: sum of 1 / distance to every other actor (0 if unreachable).

    Graph: undirected analysis graph, unweighted. Not normalised, as networkx (divide by
    n - 1 for a share). Well defined on disconnected graphs. Reference: Marchiori and Latora
    (2000), Boldi and Vigna (2014).

    >>> import networkx as nx
    >>> harmonic(nx.path_graph(["a", "b", "c"])).tolist()
    [1.5, 2.0, 1.5]
    """
    provenance = {"algorithm": "harmonic", "reference": "Boldi and Vigna (2014)"}
    if backend == "networkx":
        nodes = list(graph.nodes)
        values = nx.harmonic_centrality(graph)
        return _series(
            [float(values[x]) for x in nodes], nodes, "harmonic", backend=backend, **provenance
        )
    nodes, _, values = _distance_figures(graph)
    return _series(values, nodes, "harmonic", backend="numpy", **provenance)


def eigenvector(graph: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    """Eigenvector centrality, computed component by component.

    Graph: undirected analysis graph, weighted by ``weight`` (``None``: unweighted). In each
    connected component of c actors the leading eigenvector of the adjacency matrix is
    computed (unit Euclidean norm, positive), then multiplied by sqrt(c / n): for a connected
    graph this is networkx's ``eigenvector_centrality_numpy``; with several components each
    weighs by its share of actors (the squared norm of the whole vector is the share of
    actors with a tie), where the global leading eigenvector would give 0 to every component
    but one. Isolated actors: 0.
    Reference: Bonacich (1972, 1987).

    >>> import networkx as nx
    >>> eigenvector(nx.path_graph(["a", "b", "c"])).round(4).tolist()
    [0.5, 0.7071, 0.5]
    """
    matrix, nodes = _fast.adjacency(graph, weight=weight)
    n = len(nodes)
    values = np.zeros(n)
    count, labels = csgraph.connected_components(matrix, directed=False)
    for label in range(count):
        members = np.flatnonzero(labels == label)
        if len(members) < 2:
            continue
        block = matrix[members][:, members]
        if len(members) <= 300:
            vector = np.linalg.eigh(block.toarray())[1][:, -1]
        else:
            start = np.ones(len(members))
            vector = eigsh(sp.csr_matrix(block), k=1, which="LA", v0=start, tol=0)[1][:, 0]
        vector = np.abs(vector) / np.linalg.norm(vector)
        values[members] = vector * np.sqrt(len(members) / n)
    return _series(
        values,
        nodes,
        "eigenvector",
        algorithm="eigenvector",
        weight=weight,
        scaling="unit norm per component times sqrt(component share)",
        reference="Bonacich (1972)",
    )


def pagerank(graph: nx.Graph, *, alpha: float = 0.85, weight: str | None = "weight") -> pd.Series:
    """PageRank: stationary share of a random walk along ties, teleporting with 1 - alpha.

    Graph: as given (undirected analysis graph: each tie both ways), weighted by ``weight``.
    Sums to 1; isolated actors spread their share uniformly (networkx's default). Reference:
    Brin and Page (1998). Computed by ``networkx.pagerank`` (scipy power iteration, tol 1e-10).

    >>> import networkx as nx
    >>> pagerank(nx.cycle_graph(["a", "b", "c", "d"])).round(3).tolist()
    [0.25, 0.25, 0.25, 0.25]
    """
    nodes = list(graph.nodes)
    values = nx.pagerank(graph, alpha=alpha, weight=weight, tol=1e-10, max_iter=1000)
    return _series(
        [values[x] for x in nodes],
        nodes,
        "pagerank",
        algorithm="pagerank",
        alpha=alpha,
        weight=weight,
        reference="Brin and Page (1998)",
    )


def _directed(digraph: nx.DiGraph, name: str, incoming: bool, weight: str | None) -> pd.Series:
    nodes = list(digraph.nodes)
    adjacency = digraph.pred if incoming else digraph.succ
    values = [
        sum(
            (data.get(weight, 1) if weight else 1)
            for other, data in adjacency[node].items()
            if other != node
        )
        for node in nodes
    ]
    if weight:
        values = [float(v) for v in values]
    return _series(
        values, nodes, name, algorithm=name, weight=weight, reference="Wasserman and Faust (1994)"
    )


def in_degree(digraph: nx.DiGraph) -> pd.Series:
    """Number of distinct actors with a relation towards each actor (self-loops ignored).

    Graph: the directed relation graph (an undirected relation counts both ways), unweighted.
    Not normalised. Reference: Wasserman and Faust (1994), ch. 4.

    >>> import networkx as nx
    >>> in_degree(nx.DiGraph([("a", "b"), ("c", "b")])).tolist()
    [0, 2, 0]
    """
    return _directed(digraph, "in_degree", True, None)


def out_degree(digraph: nx.DiGraph) -> pd.Series:
    """Number of distinct actors each actor has a relation towards (self-loops ignored).

    Graph: the directed relation graph (an undirected relation counts both ways), unweighted.
    Not normalised. Reference: Wasserman and Faust (1994), ch. 4.

    >>> import networkx as nx
    >>> out_degree(nx.DiGraph([("a", "b"), ("c", "b")])).tolist()
    [1, 0, 1]
    """
    return _directed(digraph, "out_degree", False, None)


def in_strength(digraph: nx.DiGraph, *, weight: str = "weight") -> pd.Series:
    """Sum of the weights of the relations received by each actor.

    Graph: the directed relation graph (an undirected relation counts both ways), weighted (a
    missing weight counts 1). Not normalised. Reference: Opsahl, Agneessens and Skvoretz (2010).

    >>> import networkx as nx
    >>> in_strength(nx.DiGraph([("a", "b", {"weight": 2}), ("c", "b", {"weight": 3})])).tolist()
    [0.0, 5.0, 0.0]
    """
    return _directed(digraph, "in_strength", True, weight)


def out_strength(digraph: nx.DiGraph, *, weight: str = "weight") -> pd.Series:
    """Sum of the weights of the relations sent by each actor.

    Graph: the directed relation graph (an undirected relation counts both ways), weighted (a
    missing weight counts 1). Not normalised. Reference: Opsahl, Agneessens and Skvoretz (2010).

    >>> import networkx as nx
    >>> out_strength(nx.DiGraph([("a", "b", {"weight": 2}), ("c", "b", {"weight": 3})])).tolist()
    [2.0, 0.0, 3.0]
    """
    return _directed(digraph, "out_strength", False, weight)


def centralities(graph: nx.Graph, *, seed: int = 0) -> pd.DataFrame:
    """All the undirected centralities above as one table (closeness and harmonic share one pass).

    Columns: degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank; default
    options of each function; ``seed`` is that of a sampled betweenness. ``table.attrs``
    holds each column's provenance (``table.attrs["betweenness"]["sampled"]`` ...).

    >>> import networkx as nx
    >>> centralities(nx.path_graph(["a", "b", "c"])).loc["b", ["degree", "betweenness"]].tolist()
    [2.0, 1.0]
    """
    nodes, close, inverse = _distance_figures(graph)
    index = pd.Index(nodes, name="id")
    columns = {
        "degree": degree(graph),
        "strength": strength(graph),
        "betweenness": betweenness(graph, seed=seed),
        "closeness": _series(
            close,
            nodes,
            "closeness",
            algorithm="closeness",
            backend="numpy",
            wf_improved=True,
            reference="Freeman (1979); Wasserman and Faust (1994)",
        ),
        "harmonic": _series(
            inverse,
            nodes,
            "harmonic",
            algorithm="harmonic",
            backend="numpy",
            reference="Boldi and Vigna (2014)",
        ),
        "eigenvector": eigenvector(graph),
        "pagerank": pagerank(graph),
    }
    table = pd.DataFrame(columns, index=index)
    table.attrs = {name: dict(column.attrs) for name, column in columns.items()}
    return table
