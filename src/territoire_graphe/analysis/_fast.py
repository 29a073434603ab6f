"""Vectorised kernels shared by the analysis modules (private).

Pure numpy / scipy code, no optional dependency; every kernel is tested against networkx:

- :func:`adjacency` -- the graph as a scipy CSR matrix in the graph's node order (and
  :func:`sparse`, networkx's own conversion), each built once per diagnosis (:mod:`._shared`);
- :func:`distance_sums` -- all-sources breadth-first search on bit sets (64 sources per machine
  word): for every actor, how many actors it reaches, the sum of the distances and the sum of
  the inverse distances (closeness, harmonic centrality, distance-weighted fragmentation);
- :func:`brandes` -- Brandes' (2001) betweenness accumulation, run for a batch of sources at
  once with sparse-times-dense products (exact, or on a sample of sources);
- :func:`removal_pair_sums` -- one depth-first search giving, for every actor, the component
  sizes left once it is removed (Borgatti's fragmentation of every one-actor removal);
- :func:`rustworkx_graph` -- the optional compiled path, or ``None`` when rustworkx is absent.

>>> import networkx as nx
>>> matrix, nodes = adjacency(nx.path_graph(["a", "b", "c"]))
>>> nodes, matrix.toarray().tolist()
(['a', 'b', 'c'], [[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
>>> reached, total, inverse = distance_sums(matrix)
>>> reached.tolist(), total.tolist(), inverse.tolist()
([2, 2, 2], [3, 2, 3], [1.5, 2.0, 1.5])
"""

from __future__ import annotations

import importlib
from collections.abc import Hashable, Sequence
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from ._shared import shared

_WORD = 64
_CHUNK_WORDS = 8  # sources handled together: 8 words of 64 bits (cache-friendly)


def adjacency(graph: nx.Graph, *, weight: str | None = None) -> tuple[sp.csr_array, list]:
    """Return the undirected graph as a CSR matrix (float64, no self-loop) and its node list.

    With ``weight=None`` entries are 1; otherwise the edge attribute (missing: 1).
    """
    return shared(graph, ("adjacency", weight), lambda: _adjacency(graph, weight))


def _adjacency(graph: nx.Graph, weight: str | None) -> tuple[sp.csr_array, list]:
    raw, nodes = sparse(graph, weight=weight)
    matrix = raw.copy()
    if nodes:
        matrix.setdiag(0.0)
        matrix.eliminate_zeros()
        matrix.sort_indices()
    return matrix, nodes


def sparse(graph: nx.Graph, *, weight: str | None = None) -> tuple[sp.csr_array, list]:
    """``nx.to_scipy_sparse_array`` of the graph in its node order (float64, CSR), and the order.

    Shared during a diagnosis (:mod:`._shared`): read it, copy it before any change.
    """

    def build() -> tuple[sp.csr_array, list]:
        nodes = list(graph.nodes)
        if not nodes:
            return sp.csr_array((0, 0), dtype=np.float64), nodes
        matrix = nx.to_scipy_sparse_array(
            graph, nodelist=nodes, weight=weight, dtype=np.float64, format="csr"
        )
        return matrix, nodes

    return shared(graph, ("sparse", weight), build)


def distance_sums(
    matrix: sp.csr_array, sources: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Breadth-first search from ``sources`` (default: all) on a symmetric binary matrix.

    Returns, for every node t, over the sources s != t that reach it: the count, the sum of
    d(s, t) and the sum of 1 / d(s, t). The graph being undirected, with all sources these are
    also each node's own figures. Cost: O(diameter * edges * sources / 64) word operations.
    """
    n = matrix.shape[0]
    sources = np.arange(n) if sources is None else np.asarray(sources, dtype=np.int64)
    reached = np.zeros(n, dtype=np.int64)
    total = np.zeros(n, dtype=np.int64)
    inverse = np.zeros(n, dtype=np.float64)
    indptr, indices = matrix.indptr, matrix.indices
    has_neighbours = np.diff(indptr) > 0
    starts = indptr[:-1][has_neighbours]
    if not has_neighbours.any():
        return reached, total, inverse
    step = _WORD * _CHUNK_WORDS
    for first in range(0, len(sources), step):
        chunk = sources[first : first + step]
        words = (len(chunk) + _WORD - 1) // _WORD
        position = np.arange(len(chunk))
        visited = np.zeros((n, words), dtype=np.uint64)
        visited[chunk, position // _WORD] |= np.left_shift(
            np.uint64(1), (position % _WORD).astype(np.uint64)
        )
        frontier = visited.copy()
        depth = 0
        while True:
            depth += 1
            following = np.zeros_like(visited)
            following[has_neighbours] = np.bitwise_or.reduceat(frontier[indices], starts, axis=0)
            following &= ~visited
            count = np.bitwise_count(following).sum(axis=1, dtype=np.int64)
            if not count.any():
                break
            visited |= following
            frontier = following
            reached += count
            total += depth * count
            inverse += count / depth
    return reached, total, inverse


def brandes(matrix: sp.csr_array, sources: np.ndarray, *, batch: int = 128) -> np.ndarray:
    """Sum over ``sources`` of Brandes' (2001) dependencies delta_s(v), unweighted graph.

    ``matrix`` is symmetric binary float64. Each batch of sources is explored level by level
    with one sparse-times-dense product per level, forwards (path counts sigma) then backwards
    (dependencies). The caller rescales as networkx does.
    """
    n = matrix.shape[0]
    result = np.zeros(n, dtype=np.float64)
    sources = np.asarray(sources, dtype=np.int64)
    for first in range(0, len(sources), batch):
        chunk = sources[first : first + batch]
        columns = np.arange(len(chunk))
        sigma = np.zeros((n, len(chunk)))
        sigma[chunk, columns] = 1.0
        seen = sigma > 0
        frontier = sigma.copy()
        levels = [seen.copy()]
        while True:
            paths = matrix @ frontier
            new = (paths > 0) & ~seen
            if not new.any():
                break
            seen |= new
            frontier = np.where(new, paths, 0.0)
            sigma += frontier
            levels.append(new)
        with np.errstate(divide="ignore"):
            inverse_sigma = np.where(sigma > 0, 1.0 / np.where(sigma > 0, sigma, 1.0), 0.0)
        delta = np.zeros_like(sigma)
        for depth in range(len(levels) - 1, 0, -1):
            weights = np.where(levels[depth], (1.0 + delta) * inverse_sigma, 0.0)
            delta += np.where(levels[depth - 1], sigma * (matrix @ weights), 0.0)
        delta[chunk, columns] = 0.0
        result += delta.sum(axis=1)
    return result


def removal_pair_sums(
    neighbours: Sequence[Sequence[int]], removed: np.ndarray
) -> tuple[int, np.ndarray]:
    """Component pair counts of the graph minus ``removed``, and minus each further node.

    Returns ``(base, after)``: base = sum of s(s - 1) over the components of the graph without
    the removed nodes; after[v] = the same sum once v is removed too (undefined, 0, for removed
    nodes). One iterative depth-first search with low-links (Hopcroft and Tarjan, 1973): the
    children of v whose subtree cannot climb above v become separate components.
    """
    n = len(neighbours)
    removed_list = removed.tolist()
    discovery = [-1] * n
    low = [0] * n
    size = [1] * n
    separated = [0] * n
    separated_pairs = [0] * n
    after = np.zeros(n, dtype=np.int64)
    components: list[tuple[int, list[int]]] = []
    clock = 0
    for root in range(n):
        if removed_list[root] or discovery[root] >= 0:
            continue
        discovery[root] = low[root] = clock
        clock += 1
        members = [root]
        stack = [(root, -1, iter(neighbours[root]))]
        while stack:
            node, parent, remaining = stack[-1]
            for other in remaining:
                if removed_list[other] or other == parent:
                    continue
                if discovery[other] < 0:
                    discovery[other] = low[other] = clock
                    clock += 1
                    members.append(other)
                    stack.append((other, node, iter(neighbours[other])))
                    break
                if discovery[other] < low[node]:
                    low[node] = discovery[other]
            else:
                stack.pop()
                if parent >= 0:
                    low[parent] = min(low[parent], low[node])
                    size[parent] += size[node]
                    if low[node] >= discovery[parent]:
                        separated[parent] += size[node]
                        separated_pairs[parent] += size[node] * (size[node] - 1)
        components.append((len(members), members))
    base = sum(c * (c - 1) for c, _ in components)
    for c, members in components:
        for node in members:
            rest = c - 1 - separated[node]
            after[node] = base - c * (c - 1) + separated_pairs[node] + rest * (rest - 1)
    return base, after


def neighbour_lists(matrix: sp.csr_array) -> list[list[int]]:
    """The CSR matrix as Python lists of neighbour positions (for the depth-first search)."""
    indptr, indices = matrix.indptr, matrix.indices.tolist()
    return [indices[indptr[i] : indptr[i + 1]] for i in range(matrix.shape[0])]


def rustworkx_graph(matrix: sp.csr_array) -> Any | None:
    """The graph as a ``rustworkx.PyGraph`` (nodes 0..n-1), or ``None`` without rustworkx."""
    try:
        rx = importlib.import_module("rustworkx")
    except ImportError:
        return None
    return shared(matrix, "rustworkx", lambda: _rustworkx_graph(rx, matrix))


def _rustworkx_graph(rx: Any, matrix: sp.csr_array) -> Any:
    upper = sp.triu(matrix, k=1).tocoo()
    graph = rx.PyGraph(multigraph=False)
    graph.add_nodes_from(range(matrix.shape[0]))
    graph.add_edges_from_no_data(list(zip(upper.row.tolist(), upper.col.tolist(), strict=True)))
    return graph


def positions(nodes: Sequence[Hashable]) -> dict[Hashable, int]:
    """Map each node to its position in ``nodes``."""
    return {node: i for i, node in enumerate(nodes)}
