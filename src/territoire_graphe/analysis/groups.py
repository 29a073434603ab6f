"""Who works with whom across groups: mixing matrix, densities, Krackhardt and Stern's E-I index.

Graph: the undirected analysis graph, unweighted (ties are counted, not their intensities),
self-loops ignored. Groups are any actor attribute (type, municipality, sector, community...).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Mixing:
    """Ties within and between groups (see :func:`mixing_table`).

    - ``matrix``: group x group tie counts, symmetric, internal ties once on the diagonal;
    - ``density``: group x group density (ties / possible ties: n_g(n_g - 1)/2 within a
      group, n_g n_h between two groups; NaN where no tie is possible);
    - ``ei_index``: Krackhardt and Stern's (E - I) / (E + I) over all ties (NaN: no tie);
    - ``ei_by_group``: the same per group, over its members' ties (an internal tie counts
      once for each of its two members, as UCINET);
    - ``groups``: per group, ``actors``, ``internal`` and ``external`` tie ends, ``ei_index``;
    - ``p_value``: share of label permutations whose E-I is as low as or lower than the
      observed one, (1 + count) / (1 + permutations); ``expected_ei`` their mean;
    - ``excluded``: actors left out because their group is missing (``missing=None``), and
      ``excluded_ties`` the ties touching them.
    """

    by: str
    matrix: pd.DataFrame
    density: pd.DataFrame
    ei_index: float
    ei_by_group: pd.Series
    groups: pd.DataFrame
    p_value: float
    expected_ei: float
    permutations: int
    seed: int
    missing: str | None
    excluded: tuple[Hashable, ...] = ()
    excluded_ties: int = 0
    params: Mapping[str, object] = field(default_factory=dict)


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def _sorted(labels: set) -> list:
    try:
        return sorted(labels)
    except TypeError:
        return sorted(labels, key=str)


def _ei(external, internal):
    total = external + internal
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, (external - internal) / np.where(total > 0, total, 1), np.nan)


def mixing_table(
    graph: nx.Graph,
    by: str = "type",
    *,
    groups: Mapping | pd.Series | None = None,
    missing: str | None = None,
    permutations: int = 1000,
    seed: int = 0,
) -> Mixing:
    """Mixing of the ties between the groups of actors, E-I index and its permutation test.

    Graph: the undirected analysis graph, unweighted, self-loops ignored. Groups: the node
    attribute ``by`` or the mapping ``groups`` (actor id -> group). Actors whose group is
    missing are, with ``missing=None`` (default), left out with their ties and listed in
    ``.excluded`` (never silently); with a string, they form a group of that name.

    E-I index: (E - I) / (E + I), E the ties between groups, I within, from -1 (all ties
    inside groups) to +1 (all across). Per group, the members' tie ends: external ends count
    once, an internal tie counts once for each member. Reference: Krackhardt and Stern
    (1988); UCINET's E-I routine (Borgatti, Everett and Freeman, 2002).

    Permutation test: group labels are shuffled among the actors ``permutations`` times
    (seeded, numpy ``default_rng(seed)``), group sizes kept; ``p_value`` = (1 + number of
    permutations with E-I <= observed) / (1 + permutations) (Phipson and Smyth, 2010); a
    small value says the groups keep to themselves more than chance would.

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(g, {"a": "x", "b": "x", "c": "y"}, "type")
    >>> m = mixing_table(g, permutations=0)
    >>> m.matrix.values.tolist(), m.ei_index
    ([[1, 1], [1, 0]], 0.0)
    """
    nodes = list(graph.nodes)
    if groups is None:
        raw = [graph.nodes[node].get(by) for node in nodes]
    else:
        raw = [groups.get(node) for node in nodes]
    labels = [missing if _is_missing(value) and missing is not None else value for value in raw]
    keep = [not _is_missing(value) for value in labels]
    excluded = tuple(node for node, kept in zip(nodes, keep, strict=True) if not kept)
    names = _sorted({value for value, kept in zip(labels, keep, strict=True) if kept})
    number = {name: i for i, name in enumerate(names)}
    kept_nodes = [node for node, kept in zip(nodes, keep, strict=True) if kept]
    place = {node: i for i, node in enumerate(kept_nodes)}
    actor_code = np.array(
        [number[value] for value, kept in zip(labels, keep, strict=True) if kept], dtype=np.int64
    )
    actor_ends = np.array(
        [(place[u], place[v]) for u, v in graph.edges if u != v and u in place and v in place],
        dtype=np.int64,
    ).reshape(-1, 2)
    excluded_ties = sum(1 for u, v in graph.edges if u != v and (u not in place or v not in place))
    ends_array = actor_code[actor_ends]
    g = len(names)
    counts = np.zeros((g, g), dtype=np.int64)
    np.add.at(counts, (ends_array[:, 0], ends_array[:, 1]), 1)
    matrix = counts + counts.T - np.diag(np.diag(counts))
    sizes = np.bincount(actor_code, minlength=g)
    possible = np.outer(sizes, sizes).astype(np.float64)
    np.fill_diagonal(possible, sizes * (sizes - 1) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(possible > 0, matrix / np.where(possible > 0, possible, 1), np.nan)
    internal_ties = int(np.trace(matrix))
    external_ties = int(matrix.sum() - np.trace(matrix)) // 2
    observed = float(_ei(external_ties, internal_ties))
    internal_ends = 2 * np.diag(matrix)
    external_ends = matrix.sum(axis=1) - np.diag(matrix)
    index = pd.Index(names, name=by)
    group_table = pd.DataFrame(
        {
            "actors": sizes,
            "internal": internal_ends,
            "external": external_ends,
            "ei_index": _ei(external_ends, internal_ends),
        },
        index=index,
    )
    p_value, expected = _permutation_test(actor_code, actor_ends, observed, permutations, seed)
    return Mixing(
        by=by,
        matrix=pd.DataFrame(matrix, index=index, columns=index.rename(None)),
        density=pd.DataFrame(density, index=index, columns=index.rename(None)),
        ei_index=observed,
        ei_by_group=group_table["ei_index"].rename("ei_index"),
        groups=group_table,
        p_value=p_value,
        expected_ei=expected,
        permutations=permutations,
        seed=seed,
        missing=missing,
        excluded=excluded,
        excluded_ties=excluded_ties,
        params={
            "algorithm": "E-I index",
            "reference": "Krackhardt and Stern (1988)",
            "test": "label permutation",
            "p_value": "(1 + count) / (1 + permutations)",
        },
    )


def _permutation_test(
    labels: np.ndarray,
    ends: np.ndarray,
    observed: float,
    permutations: int,
    seed: int,
    batch: int = 100,
) -> tuple[float, float]:
    """p-value and mean of the E-I index when group ``labels`` are shuffled among actors.

    ``ends`` holds the two actor positions of each tie; ``labels`` each actor's group code.
    """
    if permutations <= 0 or len(ends) == 0 or math.isnan(observed):
        return math.nan, math.nan
    rng = np.random.default_rng(seed)
    lower, total, done = 0, 0.0, 0
    while done < permutations:
        size = min(batch, permutations - done)
        shuffled = rng.permuted(np.tile(labels, (size, 1)), axis=1)
        internal = (shuffled[:, ends[:, 0]] == shuffled[:, ends[:, 1]]).sum(axis=1)
        values = (len(ends) - 2 * internal) / len(ends)
        lower += int((values <= observed + 1e-12).sum())
        total += float(values.sum())
        done += size
    return (1 + lower) / (1 + permutations), total / permutations
