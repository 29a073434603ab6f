"""Network-level indicators: the figures a committee compares between territories and years.

All structural indicators are computed on the *analysis graph* (every actor;
one undirected, unweighted-for-distances tie per pair of actors with a relation
other than a tension; FORMAT.md section 2).

>>> import networkx as nx
>>> g = nx.Graph([("a", "b"), ("b", "c")]); g.add_node("d")
>>> ind = structural_indicators(g)
>>> ind["density"], ind["components"], ind["isolated"], ind["largest_component_share"]
(0.3333333333333333, 2, 1, 0.75)
>>> round(ind["degree_centralization"], 3)  # star-like: (1 + 0 + 1 + 2) / ((4-1)(4-2)) = 4/6
0.667
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
import pandas as pd


def structural_indicators(graph: nx.Graph) -> dict[str, float]:
    """Size, density, connectivity, centralization and clustering of an undirected graph.

    - ``density`` = 2m / (n(n-1)) (Wasserman & Faust 1994);
    - ``components``, ``largest_component_share`` (actors in the largest component / n);
    - ``isolated`` (degree 0) and ``isolated_share``; ``pendant`` (degree 1);
    - ``mean_degree`` = 2m / n;
    - ``transitivity``: 3 x triangles / connected triples (global clustering, networkx);
    - ``degree_centralization``: Freeman (1979), sum(max degree - degree_i) / ((n-1)(n-2)),
      1 for a star, 0 when all degrees are equal;
    - ``mean_distance``: mean shortest-path length (links) inside the largest component.
    """
    n = graph.number_of_nodes()
    m = graph.number_of_edges()
    degrees = [d for _, d in graph.degree()]
    components = sorted((len(c) for c in nx.connected_components(graph)), reverse=True)
    largest = components[0] if components else 0
    isolated = sum(1 for d in degrees if d == 0)
    out: dict[str, float] = {
        "ties": m,
        "density": (2 * m / (n * (n - 1))) if n > 1 else 0.0,
        "components": len(components),
        "largest_component_share": largest / n if n else 0.0,
        "isolated": isolated,
        "isolated_share": isolated / n if n else 0.0,
        "pendant": sum(1 for d in degrees if d == 1),
        "mean_degree": (2 * m / n) if n else 0.0,
        "transitivity": nx.transitivity(graph) if m else 0.0,
        "degree_centralization": _degree_centralization(degrees),
    }
    out.update(_distances(graph, largest))
    return out


def _degree_centralization(degrees: list[int]) -> float:
    n = len(degrees)
    if n < 3:
        return 0.0
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def _distances(graph: nx.Graph, largest: int) -> dict[str, float]:
    """Mean shortest-path length (links) over the ordered pairs of the largest component.

    Exact, from a bit-parallel breadth-first search out of every actor
    (:func:`territoire_graphe.analysis._fast.distance_sums`).
    """
    if largest < 2:
        return {"mean_distance": float("nan")}
    from ._fast import adjacency, distance_sums, positions

    nodes = max(nx.connected_components(graph), key=lambda c: (len(c), min(map(str, c))))
    full, order = adjacency(graph)  # the diagnosis's shared matrix, only read: sliced
    where = positions(order)
    keep = sorted(where[node] for node in nodes)
    matrix = full[keep][:, keep]
    matrix.data[:] = 1.0
    reached, total, _inverse = distance_sums(matrix)
    return {"mean_distance": float(total.sum() / reached.sum()) if reached.sum() else float("nan")}


def betweenness_centralization(betweenness: pd.Series) -> float:
    """Freeman's betweenness centralization from normalised betweenness (0-1).

    sum(max - b_i) / (n - 1): 1 for a star, 0 when every actor has the same betweenness.

    >>> betweenness_centralization(pd.Series([1.0, 0.0, 0.0, 0.0]))
    1.0
    """
    n = len(betweenness)
    if n < 3:
        return 0.0
    values = betweenness.fillna(0.0)
    return float((values.max() - values).sum() / (n - 1))


def reciprocity(relations: pd.DataFrame) -> float:
    """Share of directed arcs (directed relations other than tensions) whose reverse exists.

    Undirected relations are left out: they are reciprocal by nature.

    >>> rel = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "a", "c"],
    ...                     "type": ["financement"] * 3, "directed": [True] * 3})
    >>> round(reciprocity(rel), 3)  # a->b and b->a reciprocated, a->c not: 2/3
    0.667
    """
    arcs = relations[
        relations["directed"].astype(bool)
        & (relations["type"] != "tension")
        & (relations["source"] != relations["target"])
    ]
    pairs = set(zip(arcs["source"], arcs["target"], strict=True))
    if not pairs:
        return float("nan")
    return sum(1 for a, b in pairs if (b, a) in pairs) / len(pairs)


def cross_group_share(graph: nx.Graph, groups: Mapping[Any, object]) -> float:
    """Share of ties whose two actors belong to different groups (e.g. different types).

    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> cross_group_share(g, {"a": "x", "b": "x", "c": "y"})
    0.5
    """
    m = graph.number_of_edges()
    if not m:
        return float("nan")
    return sum(1 for u, v in graph.edges() if groups.get(u) != groups.get(v)) / m


def family_indicators(relations: pd.DataFrame, n_actors: int) -> dict[str, float]:
    """Per relation family (lien, flux, interdependance): relations, ties and density.

    A family's ties are the distinct pairs of actors joined by at least one of its
    relations (tensions left out), its density = ties / (n(n-1)/2).
    """
    out: dict[str, float] = {}
    possible = n_actors * (n_actors - 1) / 2
    for family in ("lien", "flux", "interdependance"):
        rows = relations[relations["family"] == family]
        kept = rows[(rows["type"] != "tension") & (rows["source"] != rows["target"])]
        pairs = {tuple(sorted(p)) for p in zip(kept["source"], kept["target"], strict=True)}
        out[f"relations_{family}"] = len(rows)
        out[f"ties_{family}"] = len(pairs)
        out[f"density_{family}"] = len(pairs) / possible if possible else 0.0
    out["tensions"] = int((relations["type"] == "tension").sum())
    return out
