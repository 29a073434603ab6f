"""How the network holds together: components, isolated and pendant actors, bridges, cut points.

Graph: the undirected analysis graph (every actor, one tie per pair), unweighted. Series are
indexed by actor id in the graph's node order. Bridges and articulation points use rustworkx
when installed (optional extra ``fast``) and networkx otherwise, with the same results.
Reference for bridges, articulation points and blocks: Hopcroft and Tarjan (1973).
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np
import pandas as pd
from scipy.sparse import csgraph

from territoire_graphe.analysis import _fast


def _series(values, nodes: list[Hashable], name: str, **provenance) -> pd.Series:
    series = pd.Series(values, index=pd.Index(nodes, name="id"), name=name)
    series.attrs.update(provenance)
    return series


def _number_by_size(labels: np.ndarray) -> np.ndarray:
    """Renumber labels 1, 2, ... by decreasing size, ties by first member in node order."""
    if len(labels) == 0:
        return labels.astype(np.int64)
    sizes = np.bincount(labels)
    first = np.full(len(sizes), len(labels))
    np.minimum.at(first, labels, np.arange(len(labels)))
    order = np.lexsort((first, -sizes))
    rank = np.empty(len(sizes), dtype=np.int64)
    rank[order] = np.arange(1, len(sizes) + 1)
    return rank[labels]


def components(graph: nx.Graph) -> pd.Series:
    """Connected component of each actor: 1 is the largest, then by decreasing size.

    Components of equal size are numbered in the order of their first actor in the graph's
    node order. An isolated actor is a component of its own. Graph: undirected, unweighted.
    Labels, not a measure: no normalisation. Reference: Wasserman and Faust (1994), ch. 4
    (computed by ``scipy.sparse.csgraph.connected_components``).

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b")])
    >>> g.add_edges_from([("c", "d"), ("d", "e")])
    >>> g.add_node("f")
    >>> components(g).tolist()
    [2, 2, 1, 1, 1, 3]
    """
    matrix, nodes = _fast.adjacency(graph)
    _, labels = csgraph.connected_components(matrix, directed=False)
    return _series(
        _number_by_size(labels),
        nodes,
        "component",
        algorithm="connected components",
        numbering="decreasing size, then first actor in node order",
    )


def isolated(graph: nx.Graph) -> pd.Series:
    """True for actors without any tie (a self-loop is not a tie).

    Graph: undirected analysis graph, unweighted: degree 0. Reference: Wasserman and Faust
    (1994), ch. 4.

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b")])
    >>> g.add_node("c")
    >>> isolated(g).tolist()
    [False, False, True]
    """
    nodes = list(graph.nodes)
    values = [all(other == node for other in graph[node]) for node in nodes]
    return _series(values, nodes, "is_isolated", algorithm="degree == 0")


def pendant(graph: nx.Graph) -> pd.Series:
    """True for actors with exactly one tie (one partner): degree 1.

    Graph: undirected analysis graph, unweighted. Reference: Wasserman and Faust (1994), ch. 4.

    >>> import networkx as nx
    >>> pendant(nx.path_graph(["a", "b", "c"])).tolist()
    [True, False, True]
    """
    nodes = list(graph.nodes)
    values = [sum(1 for other in graph[node] if other != node) == 1 for node in nodes]
    return _series(values, nodes, "is_pendant", algorithm="degree == 1")


def _rustworkx(graph: nx.Graph):
    matrix, nodes = _fast.adjacency(graph)
    return _fast.rustworkx_graph(matrix), nodes


def bridges(graph: nx.Graph) -> list[tuple[Hashable, Hashable]]:
    """Ties whose loss would split a component, as (source, target) actor id pairs.

    Each pair lists first the actor that comes first in the graph's node order; pairs are
    sorted by the node order of the source, then of the target. Graph: undirected,
    unweighted. Reference: Tarjan (1974); rustworkx when installed, else networkx's chain
    decomposition (Schmidt, 2013).

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    >>> bridges(g)
    [('c', 'd')]
    """
    rx_graph, nodes = _rustworkx(graph)
    if rx_graph is not None:
        import rustworkx as rx

        pairs = [tuple(sorted(pair)) for pair in rx.bridges(rx_graph)]
    else:
        where = _fast.positions(nodes)
        simple = nx.Graph(graph)
        simple.remove_edges_from(nx.selfloop_edges(simple))
        pairs = [tuple(sorted((where[u], where[v]))) for u, v in nx.bridges(simple)]
    return [(nodes[u], nodes[v]) for u, v in sorted(pairs)]


def articulation_points(graph: nx.Graph) -> pd.Series:
    """True for actors whose removal would split their component (cut points).

    Graph: undirected, unweighted. Reference: Hopcroft and Tarjan (1973); rustworkx when
    installed, else networkx.

    >>> import networkx as nx
    >>> articulation_points(nx.path_graph(["a", "b", "c"])).tolist()
    [False, True, False]
    """
    rx_graph, nodes = _rustworkx(graph)
    if rx_graph is not None:
        import rustworkx as rx

        points = {nodes[i] for i in rx.articulation_points(rx_graph)}
    else:
        simple = nx.Graph(graph)
        simple.remove_edges_from(nx.selfloop_edges(simple))
        points = set(nx.articulation_points(simple))
    return _series(
        [node in points for node in nodes],
        nodes,
        "is_articulation_point",
        algorithm="articulation points",
        reference="Hopcroft and Tarjan (1973)",
    )


def biconnected_components(graph: nx.Graph) -> pd.DataFrame:
    """Blocks (maximal sets of actors still linked after the loss of any one of them).

    Returns one row per (block, actor) membership, columns ``block`` and ``actor``: blocks are
    numbered 1, 2, ... by decreasing size, ties by their first actor in node order; actors
    within a block in node order. An articulation point belongs to several blocks; a bridge
    is a block of two actors; isolated actors belong to none. Graph: undirected, unweighted.
    Reference: Hopcroft and Tarjan (1973).

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    >>> biconnected_components(g).groupby("block")["actor"].apply(list).to_dict()
    {1: ['a', 'b', 'c'], 2: ['c', 'd']}
    """
    nodes = list(graph.nodes)
    where = _fast.positions(nodes)
    simple = nx.Graph(graph)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    blocks = [sorted(where[x] for x in block) for block in nx.biconnected_components(simple)]
    blocks.sort(key=lambda block: (-len(block), block))
    rows = [(number, nodes[i]) for number, block in enumerate(blocks, 1) for i in block]
    table = pd.DataFrame(rows, columns=["block", "actor"])
    table.attrs.update(algorithm="biconnected components", reference="Hopcroft and Tarjan (1973)")
    return table


def core_number(graph: nx.Graph) -> pd.Series:
    """k-core number: the largest k such that the actor is in a subgraph of minimum degree k.

    Graph: undirected, unweighted, self-loops ignored. Isolated actors: 0. Reference: Seidman
    (1983); Batagelj and Zaversnik (2003) algorithm (networkx).

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    >>> core_number(g).tolist()
    [2, 2, 2, 1]
    """
    simple = nx.Graph(graph)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    nodes = list(graph.nodes)
    values = nx.core_number(simple)
    return _series(
        [values[x] for x in nodes],
        nodes,
        "core_number",
        algorithm="k-core",
        reference="Seidman (1983)",
    )


def structure_table(graph: nx.Graph) -> pd.DataFrame:
    """The per-actor figures above as one table.

    Columns: component, is_isolated, is_pendant, is_articulation_point, core_number.

    >>> import networkx as nx
    >>> structure_table(nx.path_graph(["a", "b", "c"])).loc["b"].astype(int).tolist()
    [1, 0, 0, 1, 1]
    """
    return pd.DataFrame(
        {
            "component": components(graph),
            "is_isolated": isolated(graph),
            "is_pendant": pendant(graph),
            "is_articulation_point": articulation_points(graph),
            "core_number": core_number(graph),
        }
    )
