"""Who clusters with whom: Louvain communities, modularity, and what each community is made of.

Graph: the undirected analysis graph, weighted by the sum of intensities. Labels are
deterministic: the seed is fixed and communities are numbered 1, 2, ... by decreasing size,
then by their smallest actor id.

Louvain runs in networkx, or, for territories of :data:`COMPILED_FROM` actors or more when
the ``fast`` extra is installed, in scikit-network's compiled implementation (several times
faster; a partition of its own for the same seed, of modularity within 1 % of networkx's
on the benchmarks). ``Communities.params["implementation"]`` says which one ran.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from ..messages import text

COMPILED_FROM = 5000
"""Actors from which :func:`louvain` uses scikit-network, when installed (``"auto"``)."""
IMPLEMENTATIONS = ("auto", "networkx", "scikit-network")


@dataclass(frozen=True)
class Communities:
    """A partition of the actors (see :func:`louvain`).

    ``labels``: community of each actor (Series named ``community``, 1 = the largest);
    ``modularity``: Newman's modularity of the partition (NaN without ties);
    ``params``: algorithm, seed, resolution, weight, threshold and networkx version.
    """

    labels: pd.Series
    modularity: float
    params: Mapping[str, object] = field(default_factory=dict)


def _smallest(members: Iterable[Hashable]) -> Any:
    items: list[Any] = list(members)
    try:
        return min(items)
    except TypeError:
        return min(items, key=str)


def number_communities(graph: nx.Graph, parts: Iterable[Iterable[Hashable]]) -> pd.Series:
    """Community label of each actor from a list of sets: 1, 2, ... by decreasing size.

    Ties in size are broken by the smallest actor id of each set. Actors in no set get NaN.

    >>> import networkx as nx
    >>> number_communities(nx.empty_graph(["a", "b", "c"]), [{"c"}, {"a", "b"}]).tolist()
    [1, 1, 2]
    """
    sets = [set(part) for part in parts]
    sets.sort(key=lambda part: (-len(part), str(type(_smallest(part))), _smallest(part)))
    label = {node: number for number, part in enumerate(sets, 1) for node in part}
    nodes = list(graph.nodes)
    values = [label.get(node) for node in nodes]
    dtype = "int64" if all(value is not None for value in values) else "Int64"
    return pd.Series(values, index=pd.Index(nodes, name="id"), name="community", dtype=dtype)


def modularity(
    graph: nx.Graph,
    labels: pd.Series | Mapping,
    *,
    weight: str | None = "weight",
    resolution: float = 1.0,
) -> float:
    """Newman's modularity of a partition given as a label per actor.

    Q = sum over communities of (w_in / W - resolution * (d_c / 2W)^2), W the total tie
    weight, w_in the weight inside the community, d_c its members' strength. Graph:
    undirected analysis graph, weighted by ``weight``. NaN when there is no tie. Reference:
    Newman and Girvan (2004); Newman (2006). Computed by ``networkx.community.modularity``.

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("c", "d")])
    >>> modularity(g, {"a": 1, "b": 1, "c": 2, "d": 2})
    0.5
    """
    if graph.number_of_edges() == 0:
        return math.nan
    if weight is not None and graph.size(weight=weight) <= 0:  # every intensity 0
        weight = None  # the ties still count, each as one
    parts: dict[object, set] = {}
    for node in graph.nodes:
        parts.setdefault(labels[node], set()).add(node)
    return float(
        nx.community.modularity(graph, list(parts.values()), weight=weight, resolution=resolution)
    )


def louvain(
    graph: nx.Graph,
    *,
    seed: int = 0,
    resolution: float = 1.0,
    weight: str | None = "weight",
    threshold: float = 1e-7,
    implementation: str = "auto",
) -> Communities:
    """Louvain communities (Blondel et al., 2008), seeded, with their modularity.

    Graph: undirected analysis graph, weighted by ``weight`` (intensities). Computed by
    ``networkx.community.louvain_communities`` with the given ``seed``, ``resolution`` and
    ``threshold``; an isolated actor is a community of its own. Labels 1, 2, ... by
    decreasing size, ties by smallest actor id. Reference: Blondel, Guillaume, Lambiotte and
    Lefebvre (2008).

    ``implementation``: ``"networkx"``, ``"scikit-network"`` (the ``fast`` extra: its
    Louvain with nodes shuffled by ``seed``, both tolerances ``threshold``), or ``"auto"``:
    scikit-network for undirected graphs of :data:`COMPILED_FROM` nodes or more when it is
    installed, else networkx (so small territories give the same result everywhere).

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"),
    ...               ("f", "d"), ("c", "d")])
    >>> result = louvain(g)
    >>> result.labels.tolist(), round(result.modularity, 3)
    ([1, 1, 1, 2, 2, 2], 0.357)
    """
    if weight is not None and graph.size(weight=weight) <= 0:  # every intensity 0
        weight = None  # the ties still count, each as one (no division by a zero total)
    if implementation not in IMPLEMENTATIONS:
        raise ValueError(
            text(
                "perf.louvain.implementation",
                None,
                value=implementation,
                allowed=", ".join(IMPLEMENTATIONS),
            )
        )
    compiled = _sknetwork(implementation, graph)
    if compiled is not None:
        parts = _compiled_louvain(
            graph, compiled, seed=seed, resolution=resolution, weight=weight, threshold=threshold
        )
        used = f"scikit-network {compiled.__version__}"
    else:
        parts = nx.community.louvain_communities(
            graph, weight=weight, resolution=resolution, threshold=threshold, seed=seed
        )
        used = f"networkx {nx.__version__}"
    labels = number_communities(graph, parts)
    params = {
        "algorithm": "louvain",
        "reference": "Blondel et al. (2008)",
        "seed": seed,
        "resolution": resolution,
        "weight": weight,
        "threshold": threshold,
        "implementation": used,
    }
    labels.attrs.update(params)
    return Communities(
        labels=labels,
        modularity=modularity(graph, labels, weight=weight, resolution=resolution),
        params=params,
    )


def _sknetwork(implementation: str, graph: nx.Graph):
    """The scikit-network module if it is to be used, else None (networkx)."""
    if implementation == "networkx" or graph.is_directed() or graph.is_multigraph():
        return None
    if implementation == "auto" and graph.number_of_nodes() < COMPILED_FROM:
        return None
    try:
        import sknetwork
    except ImportError:
        if implementation == "auto":
            return None
        raise ImportError(text("perf.louvain.sknetwork_missing", None)) from None
    return sknetwork


def _compiled_louvain(
    graph: nx.Graph,
    sknetwork,
    *,
    seed: int,
    resolution: float,
    weight: str | None,
    threshold: float,
) -> list[set]:
    """Louvain communities by scikit-network, as sets of nodes (isolated nodes alone)."""
    from scipy import sparse
    from sknetwork.clustering import Louvain

    from . import _fast

    nodes = list(graph.nodes)
    if graph.number_of_edges() == 0:
        return [{node} for node in nodes]
    shared_matrix, _ = _fast.sparse(graph, weight=weight)  # the diagnosis's own conversion
    matrix = sparse.csr_matrix(shared_matrix.copy())
    found = Louvain(
        resolution=resolution,
        modularity="newman",
        tol_optimization=threshold,
        tol_aggregation=threshold,
        shuffle_nodes=True,
        random_state=seed,
    ).fit_predict(matrix)
    parts: dict[int, set] = {}
    for node, label in zip(nodes, found.tolist(), strict=True):
        parts.setdefault(label, set()).add(node)
    return list(parts.values())


def _dominant(values: list, size: int, top: int, min_share: float) -> tuple[tuple, tuple]:
    counts = Counter(
        value
        for value in values
        if not (value is None or (isinstance(value, float) and math.isnan(value)))
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    chosen = [
        (value, count / size)
        for i, (value, count) in enumerate(ranked)
        if i < top and (i == 0 or count / size >= min_share)
    ]
    return tuple(value for value, _ in chosen), tuple(round(share, 4) for _, share in chosen)


def name_communities(
    graph: nx.Graph,
    labels: pd.Series | Mapping,
    *,
    types: str = "type",
    places: str = "municipality",
    top: int = 2,
    min_share: float = 0.25,
) -> pd.DataFrame:
    """What each community is made of: its dominant actor types and municipalities, as data.

    One row per community (index ``community``, in label order) with ``size``, ``members``
    (actor ids in node order), ``dominant_types`` and ``type_shares``, ``dominant_municipalities``
    and ``municipality_shares``. Dominant values: the most frequent values of the node
    attributes ``types`` and ``places``, at most ``top`` of them, the first always, the
    others only if they hold at least ``min_share`` of the community; shares are of the
    community's size (actors with a missing value count in the size, never as a value); ties
    in count by value. The sentence naming a community is left to the message catalogue.

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(g, {"a": "farm", "b": "farm", "c": "shop"}, "type")
    >>> nx.set_node_attributes(g, {"a": "Gournay", "b": "Gournay", "c": "Forges"},
    ...                        "municipality")
    >>> table = name_communities(g, {"a": 1, "b": 1, "c": 1})
    >>> table.loc[1, ["dominant_types", "type_shares", "dominant_municipalities"]].tolist()
    [('farm', 'shop'), (0.6667, 0.3333), ('Gournay', 'Forges')]
    """
    members: dict[object, list] = {}
    for node in graph.nodes:
        members.setdefault(labels[node], []).append(node)
    rows = []
    for community in sorted(members, key=lambda label: (str(type(label)), label)):
        people = members[community]
        size = len(people)
        kinds = _dominant([graph.nodes[x].get(types) for x in people], size, top, min_share)
        where = _dominant([graph.nodes[x].get(places) for x in people], size, top, min_share)
        rows.append(
            {
                "community": community,
                "size": size,
                "members": tuple(people),
                "dominant_types": kinds[0],
                "type_shares": kinds[1],
                "dominant_municipalities": where[0],
                "municipality_shares": where[1],
            }
        )
    columns = [
        "community",
        "size",
        "members",
        "dominant_types",
        "type_shares",
        "dominant_municipalities",
        "municipality_shares",
    ]
    return pd.DataFrame(rows, columns=columns).set_index("community")
