"""Who bridges structural holes: Burt's constraint and effective size, Gould-Fernandez roles.

Burt's measures are computed on the weighted analysis graph with scipy sparse matrices (they
also accept a directed graph, mutual weights w_ij + w_ji, as networkx and igraph do). The
Gould-Fernandez roles are counted on the directed relation graph. Results are indexed by actor
id in the graph's node order.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._fast import sparse
from ._shared import shared

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
#: The columns of :func:`gould_fernandez`.
ROLE_COLUMNS = tuple(f"broker_{role}" for role in ROLES)


def _mutual(graph: nx.Graph, weight: str | None) -> tuple[sp.csr_array, list[Hashable]]:
    """Mutual weights m_ij = w_ij + w_ji (self-loops dropped) as a CSR matrix."""
    return shared(graph, ("mutual", weight), lambda: _mutual_of(graph, weight))


def _mutual_of(graph: nx.Graph, weight: str | None) -> tuple[sp.csr_array, list[Hashable]]:
    matrix, nodes = sparse(graph, weight=weight)  # shared during a diagnosis: only read
    if not nodes:
        return sp.csr_array((0, 0), dtype=np.float64), nodes
    mutual = sp.csr_array(matrix + matrix.T)
    mutual.setdiag(0.0)
    mutual.eliminate_zeros()
    return mutual, nodes


def _proportions(mutual: sp.csr_array) -> tuple[sp.csr_array, np.ndarray]:
    """p_ij = m_ij / sum_k m_ik, and the mask of actors without any tie."""
    totals = np.asarray(mutual.sum(axis=1)).ravel()
    lonely = totals == 0
    inverse = np.divide(1.0, totals, out=np.zeros_like(totals), where=~lonely)
    return sp.csr_array(sp.diags_array(inverse) @ mutual), lonely


def constraint(graph: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    """Burt's (1992) constraint: how much an actor's ties lead to the same, linked, partners.

    c_i = sum over partners j of (p_ij + sum_q p_iq p_qj)^2, with p_ij = (w_ij + w_ji) /
    sum_k (w_ik + w_ki) the share of i's tie weight invested in j. Graph: the analysis graph,
    weighted by ``weight`` (``None``: unweighted), undirected (a directed graph is read
    through its mutual weights). As igraph's ``constraint`` and networkx's ``constraint``:
    the sum runs over direct partners only; not normalised (1 with a single partner, 1/n
    with n equal, unlinked partners, 1.125 with two linked partners); self-loops ignored.
    Isolated actors: NaN (undefined). Reference: Burt (1992), "Structural Holes", pp. 54-55.

    >>> import networkx as nx
    >>> constraint(nx.star_graph(["hub", "a", "b"])).round(3).tolist()
    [0.5, 1.0, 1.0]
    """
    mutual, nodes = _mutual(graph, weight)
    share, lonely = _proportions(mutual)
    two_step = sp.csr_array(share @ share).multiply(share > 0)
    local = sp.csr_array(share + two_step)
    values = np.asarray(local.power(2).sum(axis=1), dtype=np.float64).ravel()
    values[lonely] = np.nan
    series = pd.Series(values, index=pd.Index(nodes, name="id"), name="constraint")
    series.attrs.update(algorithm="Burt constraint", weight=weight, reference="Burt (1992)")
    return series


def effective_size(graph: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    """Burt's (1992) effective size: the number of partners, minus their redundancy.

    e_i = sum over partners j of (1 - sum over partners q of p_iq m_jq), p_iq as in
    :func:`constraint`, m_jq = (w_jq + w_qj) / max_k (w_jk + w_kj) (j's tie to q relative
    to j's strongest tie). Unweighted and undirected, this is Borgatti's (1997) n - 2t/n
    (n partners, t ties among them). Graph: the analysis graph, weighted by ``weight``
    (``None``: unweighted), directed graphs read through their mutual weights, self-loops
    ignored. Isolated actors: NaN, as networkx (undefined). Reference: Burt (1992);
    Borgatti (1997), "Structural holes: unpacking Burt's redundancy measures".

    Computed with sparse products (networkx 3.6's ``effective_size`` is wrong on weighted
    graphs without ``nodes=`` and slow with it).

    >>> import networkx as nx
    >>> effective_size(nx.star_graph(["hub", "a", "b"])).tolist()
    [2.0, 1.0, 1.0]
    """
    mutual, nodes = _mutual(graph, weight)
    share, lonely = _proportions(mutual)
    strongest = mutual.max(axis=1).toarray().ravel() if mutual.shape[0] else np.zeros(0)
    inverse = np.divide(1.0, strongest, out=np.zeros_like(strongest), where=strongest > 0)
    relative = sp.csr_array(sp.diags_array(inverse) @ mutual)
    partners = sp.csr_array((mutual > 0).astype(np.float64))
    redundancy = np.asarray(
        share.multiply(sp.csr_array(partners @ relative)).sum(axis=1), dtype=np.float64
    ).ravel()
    counts = np.diff(partners.indptr).astype(np.float64)
    values = counts - redundancy
    values[lonely] = np.nan
    series = pd.Series(values, index=pd.Index(nodes, name="id"), name="effective_size")
    series.attrs.update(
        algorithm="Burt effective size", weight=weight, reference="Burt (1992); Borgatti (1997)"
    )
    return series


def _group_codes(
    graph: nx.Graph, by: str, groups: Mapping | pd.Series | None, nodes: list[Hashable]
) -> np.ndarray:
    """Integer code of each actor's group; every missing value shares one code of its own."""
    if groups is None:
        values = [graph.nodes[node].get(by) for node in nodes]
    else:
        values = [groups.get(node) for node in nodes]
    values = [
        None if value is None or (isinstance(value, float) and np.isnan(value)) else value
        for value in values
    ]
    codes: dict[object, int] = {}
    return np.array([codes.setdefault(value, len(codes)) for value in values], dtype=np.int64)


def gould_fernandez(
    digraph: nx.DiGraph,
    *,
    by: str = "type",
    groups: Mapping | pd.Series | None = None,
    max_pairs: int = 2_000_000,
) -> pd.DataFrame:
    """Gould and Fernandez's (1989) brokerage roles of each actor, by group.

    Graph: the directed relation graph (an undirected relation counts both ways), unweighted.
    For each broker v, every ordered pair a -> v -> c with a != c and no tie a -> c is
    counted once, in the role given by the groups of a, v and c: coordinator A->A->A,
    itinerant A->B->A, representative A->A->B, gatekeeper A->B->B, liaison A->B->C -- as R's
    ``sna::brokerage`` counts them (raw counts, not standardised). Groups: the node attribute
    ``by`` (default ``type``), or the mapping ``groups`` (actor id -> group); actors with a
    missing group form one group together, as R treats ``NA``. Self-loops are ignored.

    Two-paths are enumerated in vectorised chunks of at most ``max_pairs``.

    Returns integer columns broker_coordinator, broker_itinerant, broker_representative,
    broker_gatekeeper, broker_liaison. Reference: Gould and Fernandez (1989), "Structures of
    mediation", Sociological Methodology 19.

    >>> import networkx as nx
    >>> g = nx.DiGraph([("a", "v"), ("v", "c")])
    >>> nx.set_node_attributes(g, {"a": "x", "v": "y", "c": "x"}, "type")
    >>> gould_fernandez(g).loc["v"].tolist()
    [0, 1, 0, 0, 0]
    """
    nodes = list(digraph.nodes)
    n = len(nodes)
    codes = _group_codes(digraph, by, groups, nodes)
    where = {node: i for i, node in enumerate(nodes)}
    edges = np.array(
        [(where[u], where[v]) for u, v in digraph.edges if u != v], dtype=np.int64
    ).reshape(-1, 2)
    counts = np.zeros(n * len(ROLES), dtype=np.int64)
    if len(edges):
        keys = np.unique(edges[:, 0] * n + edges[:, 1])
        source, target = keys // n, keys % n
        by_target = np.argsort(target, kind="stable")
        in_neighbours = source[by_target]
        in_start = np.concatenate(([0], np.cumsum(np.bincount(target, minlength=n))))
        out_neighbours = target  # keys are sorted by source
        out_start = np.concatenate(([0], np.cumsum(np.bincount(source, minlength=n))))
        in_count, out_count = np.diff(in_start), np.diff(out_start)
        segments = _segments(in_count, out_count, max_pairs)
        sizes = (segments[:, 2] * out_count[segments[:, 0]]).tolist()
        arrays = (in_neighbours, in_start, out_neighbours, out_start, out_count, keys, codes, n)
        start, size = 0, 0
        for i, pairs in enumerate(sizes):
            if size and size + pairs > max_pairs:
                counts += _count_segments(segments[start:i], *arrays)
                start, size = i, 0
            size += pairs
        if start < len(segments):
            counts += _count_segments(segments[start:], *arrays)
    table = pd.DataFrame(
        counts.reshape(n, len(ROLES)), index=pd.Index(nodes, name="id"), columns=list(ROLE_COLUMNS)
    )
    table.attrs.update(
        algorithm="Gould-Fernandez brokerage",
        by=by if groups is None else None,
        reference="Gould and Fernandez (1989); sna::brokerage",
    )
    return table


def _segments(in_count: np.ndarray, out_count: np.ndarray, max_pairs: int) -> np.ndarray:
    """Rows (broker, first in-neighbour, number of in-neighbours) of at most ~max_pairs pairs."""
    rows: list[tuple[int, int, int]] = []
    for broker in np.flatnonzero(in_count * out_count).tolist():
        step = max(1, max_pairs // int(out_count[broker]))
        rows.extend(
            (broker, first, min(step, int(in_count[broker]) - first))
            for first in range(0, int(in_count[broker]), step)
        )
    return np.array(rows, dtype=np.int64).reshape(-1, 3)


def _count_segments(
    segments, in_neighbours, in_start, out_neighbours, out_start, out_count, keys, codes, n
) -> np.ndarray:
    """Role counts of the two-paths a -> v -> c of the given segments of brokers v."""
    width_of = out_count[segments[:, 0]]
    per_segment = segments[:, 2] * width_of
    broker = np.repeat(segments[:, 0], per_segment)
    offset = np.arange(len(broker)) - np.repeat(np.cumsum(per_segment) - per_segment, per_segment)
    width = np.repeat(width_of, per_segment)
    a = in_neighbours[in_start[broker] + np.repeat(segments[:, 1], per_segment) + offset // width]
    c = out_neighbours[out_start[broker] + offset % width]
    candidate = a * n + c
    found = np.searchsorted(keys, candidate)
    closed = keys[np.minimum(found, len(keys) - 1)] == candidate
    keep = (a != c) & ~closed
    broker, a, c = broker[keep], a[keep], c[keep]
    ga, gv, gc = codes[a], codes[broker], codes[c]
    role = np.select(
        [(ga == gv) & (gv == gc), ga == gc, ga == gv, gv == gc],
        [0, 1, 2, 3],
        default=4,
    )
    return np.bincount(broker * len(ROLES) + role, minlength=n * len(ROLES))
