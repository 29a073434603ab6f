"""Fragility: which actors and ties are single points of failure, which organisations hang on one person.

Three questions of a steering committee: *whose absence would split the network?*
(:func:`removal_impact`), *which ties are the only bridge between two groups?*
(:func:`bridge_impact`), *which organisation's outside relations would leave with one
person?* (:func:`person_dependency`, :func:`organisation_dependency`).

Removal and bridge impacts are exact and computed in one depth-first search
(Hopcroft and Tarjan 1973, the low-point method behind biconnected components and
the block-cut tree): removing an actor changes connectivity only if it is an
articulation point, and the parts its component falls into are the subtrees of its
children ``c`` with ``low(c) >= disc(v)``, plus the rest of the component. The cost is
linear in actors + ties, instead of one connectivity computation per actor.

>>> import networkx as nx
>>> impact = removal_impact(nx.path_graph(["a", "b", "c"]))
>>> impact[["components_after", "pairs_disconnected", "reach_loss"]]  # doctest: +NORMALIZE_WHITESPACE
    components_after  pairs_disconnected  reach_loss
id
a                  1                   0         0.0
b                  2                   1         1.0
c                  1                   0         0.0
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from ..model import Territory
from ..vocabulary import TENSION

#: A person carrying at least this share of an organisation's outside relations makes it
#: depend on them (turnover risk), when the organisation has at least
#: :data:`MIN_RELATIONS_FOR_DEPENDENCY` outside relations.
DEPENDENCY_SHARE = 2 / 3
MIN_RELATIONS_FOR_DEPENDENCY = 2

REMOVAL_COLUMNS = [
    "name",
    "is_articulation_point",
    "components_after",
    "largest_component_after",
    "actors_cut_off",
    "pairs_disconnected",
    "reach_loss",
]
BRIDGE_COLUMNS = [
    "source",
    "target",
    "source_name",
    "target_name",
    "source_side",
    "target_side",
    "pairs_disconnected",
    "reach_loss",
]
PERSON_COLUMNS = [
    "actor",
    "actor_name",
    "person",
    "person_name",
    "position",
    "ties_carried",
    "ties_with_person",
    "ties_total",
    "share",
    "single_person_dependency",
]
ORGANISATION_COLUMNS = [
    "name",
    "people",
    "ties_total",
    "ties_with_person",
    "main_person",
    "main_person_name",
    "main_share",
    "single_person_dependency",
]


def _simple_graph(graph: nx.Graph | Territory) -> nx.Graph:
    """The undirected simple graph to work on (a Territory gives its analysis graph)."""
    if isinstance(graph, Territory):
        return graph.analysis_graph
    if graph.is_directed() or graph.is_multigraph():
        simple = nx.Graph()
        simple.add_nodes_from(graph.nodes(data=True))
        simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
        return simple
    return graph


def _depth_first(graph: nx.Graph) -> dict[str, Any]:
    """One iterative DFS giving, per node, its component, the pieces its removal leaves, and the bridges.

    ``pieces[i]`` lists the sizes of the parts node ``i``'s component (without ``i``)
    falls into once ``i`` is removed; ``bridges`` holds ``(parent, child, child_side)``.
    """
    nodes = list(graph.nodes())
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = [[index[w] for w in graph.adj[node] if w != node] for node in nodes]
    n = len(nodes)
    disc, low, size = [-1] * n, [0] * n, [1] * n
    parent = [-1] * n
    separated: list[list[int]] = [[] for _ in range(n)]
    component = [-1] * n
    component_sizes: list[int] = []
    bridges: list[tuple[int, int, int]] = []
    clock = 0
    for root in range(n):
        if disc[root] != -1:
            continue
        members = [root]
        disc[root] = low[root] = clock
        clock += 1
        stack = [(root, iter(adjacency[root]))]
        while stack:
            v, neighbours = stack[-1]
            for w in neighbours:
                if disc[w] == -1:
                    parent[w] = v
                    disc[w] = low[w] = clock
                    clock += 1
                    members.append(w)
                    stack.append((w, iter(adjacency[w])))
                    break
                if w != parent[v] and disc[w] < low[v]:
                    low[v] = disc[w]
            else:
                stack.pop()
                p = parent[v]
                if p >= 0:
                    size[p] += size[v]
                    if low[v] < low[p]:
                        low[p] = low[v]
                    if low[v] >= disc[p]:
                        separated[p].append(size[v])
                    if low[v] > disc[p]:
                        bridges.append((p, v, size[v]))
        for member in members:
            component[member] = len(component_sizes)
        component_sizes.append(len(members))
    pieces = []
    for i in range(n):
        parts = list(separated[i])
        rest = component_sizes[component[i]] - 1 - sum(parts)
        if rest > 0:
            parts.append(rest)
        pieces.append(parts)
    return {
        "nodes": nodes,
        "component": component,
        "component_sizes": component_sizes,
        "pieces": pieces,
        "bridges": bridges,
    }


def _pairs(size: int) -> int:
    return size * (size - 1) // 2


def removal_impact(graph: nx.Graph | Territory) -> pd.DataFrame:
    """What removing each actor does to the network's components and reach.

    Graph: the analysis graph when given a Territory (every actor, one undirected tie
    per pair with a relation other than a tension); any networkx graph otherwise,
    taken as undirected and unweighted (directions, weights and parallel edges ignored).

    One row per actor, indexed by id in the graph's order:

    - ``name`` (the node attribute, when present);
    - ``is_articulation_point``: its removal splits its component;
    - ``components_after``: number of components among the other actors;
    - ``largest_component_after``: size of the largest component left, as a share of
      the other actors (0 when there are none);
    - ``actors_cut_off``: actors of its component that lose contact with the largest
      remaining part of that component (for an actor of the largest component: the
      actors that lose access to it);
    - ``pairs_disconnected``: unordered pairs of other actors that could reach each
      other and no longer can;
    - ``reach_loss``: ``pairs_disconnected`` as a share of the pairs of other actors
      that were connected before (0 when there were none).

    Only articulation points have non-zero ``actors_cut_off``, ``pairs_disconnected``
    and ``reach_loss``. Exact, linear time (Hopcroft and Tarjan 1973; see the module
    docstring); for "which *set* of actors" see the key players (Borgatti 2006).

    >>> import networkx as nx
    >>> g = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c")])  # a star
    >>> impact = removal_impact(g)
    >>> [int(impact.at["hub", c]) for c in ("components_after", "actors_cut_off", "pairs_disconnected")]
    [3, 2, 3]
    >>> float(impact.loc["a", "reach_loss"])
    0.0
    """
    graph = _simple_graph(graph)
    dfs = _depth_first(graph)
    nodes, sizes = dfs["nodes"], dfs["component_sizes"]
    index = pd.Index(nodes, name="id", dtype=object)
    if not nodes:
        return pd.DataFrame(columns=REMOVAL_COLUMNS, index=index)
    order = sorted(range(len(sizes)), key=lambda c: -sizes[c])
    connected_pairs = sum(_pairs(s) for s in sizes)
    rows = []
    for i, node in enumerate(nodes):
        comp = dfs["component"][i]
        own = sizes[comp]
        parts = dfs["pieces"][i]
        others = [sizes[c] for c in order[:2] if c != comp]
        largest = max([*parts, *others[:1], 0])
        lost = _pairs(own - 1) - sum(_pairs(p) for p in parts)
        before = connected_pairs - (own - 1)
        rows.append(
            (
                graph.nodes[node].get("name"),
                len(parts) > 1,
                len(sizes) - 1 + len(parts),
                largest / (len(nodes) - 1) if len(nodes) > 1 else 0.0,
                own - 1 - max(parts, default=0),
                lost,
                lost / before if before else 0.0,
            )
        )
    return pd.DataFrame(rows, index=index, columns=REMOVAL_COLUMNS)


def bridge_impact(graph: nx.Graph | Territory) -> pd.DataFrame:
    """Each bridge (a tie whose loss splits its component) and what its loss disconnects.

    Graph: as :func:`removal_impact` (analysis graph of a Territory; otherwise
    undirected, unweighted, parallel edges merged: two relations between the same
    actors are one tie, removed together).

    One row per bridge: ``source`` and ``target`` (ids, sorted as strings within the
    pair), their ``*_name``, ``source_side`` and ``target_side`` (actors left on each
    side, each end included), ``pairs_disconnected`` (``source_side * target_side``),
    ``reach_loss`` (that as a share of all connected pairs of actors before). Sorted by
    ``pairs_disconnected`` descending, then ids. A tie to a pendant actor is a bridge
    with a side of 1.

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    >>> bridge_impact(g)[["source", "target", "source_side", "target_side"]].values.tolist()
    [['c', 'd', 3, 1]]
    """
    graph = _simple_graph(graph)
    dfs = _depth_first(graph)
    nodes, sizes = dfs["nodes"], dfs["component_sizes"]
    connected_pairs = sum(_pairs(s) for s in sizes)
    rows = []
    for p, c, side in dfs["bridges"]:
        total = sizes[dfs["component"][p]]
        ends = [(nodes[p], total - side), (nodes[c], side)]
        ends.sort(key=lambda end: str(end[0]))
        (u, u_side), (v, v_side) = ends
        rows.append(
            (
                u,
                v,
                graph.nodes[u].get("name"),
                graph.nodes[v].get("name"),
                u_side,
                v_side,
                u_side * v_side,
                u_side * v_side / connected_pairs,
            )
        )
    rows.sort(key=lambda r: (-r[6], str(r[0]), str(r[1])))
    return pd.DataFrame(rows, columns=BRIDGE_COLUMNS)


def person_dependency(t: Territory) -> pd.DataFrame:
    """For organisations with people, the share of their outside relations each person carries.

    Relations: every relation record between the organisation and *another* actor
    (ties, flows and dependencies, directed or not, each record counted once;
    tensions left out, as in the analysis graph; relations between two people of the
    same organisation are not outside relations). A person *carries* a relation when
    it names them as ``source_person`` (the organisation being the source) or
    ``target_person`` (the organisation being the target).

    One row per person of ``t.people`` whose organisation is an actor:
    ``actor``, ``actor_name``, ``person``, ``person_name``, ``position``,
    ``ties_carried``, ``ties_with_person`` (the organisation's outside relations that
    name one of its people), ``ties_total`` (all its outside relations),
    ``share = ties_carried / ties_total`` (0 when there are none) and
    ``single_person_dependency``.

    Decision: ``share`` is over *all* outside relations. Relations that name no person
    belong to the organisation as a whole; they are not evidence of dependence, so an
    organisation with many unattributed relations is not flagged. Rule (turnover
    risk): a person carries at least 2/3 (:data:`DEPENDENCY_SHARE`) of the
    organisation's outside relations, and the organisation has at least 2 of them.
    Sorted by actor id, then ties carried (descending), then person id.

    >>> t = Territory.from_records(
    ...     actors=[{"id": "asso", "name": "Asso", "type": "association"},
    ...             {"id": "x", "name": "X", "type": "commune"},
    ...             {"id": "y", "name": "Y", "type": "commune"}],
    ...     people=[{"id": "p1", "name": "Claire", "actor": "asso"}],
    ...     relations=[{"source": "asso", "target": x, "type": "coopération",
    ...                 "source_person": "p1"} for x in ("x", "y")])
    >>> person_dependency(t)[["person", "ties_carried", "ties_total", "single_person_dependency"]].values.tolist()
    [['p1', 2, 2, True]]
    """
    people = t.people
    actors = t.actors
    people = people[people["actor"].isin(actors.index)] if len(people) else people
    carried: dict[tuple[str, str], int] = {}
    totals: dict[str, int] = {}
    with_person: dict[str, int] = {}
    organisations = set(people["actor"]) if len(people) else set()
    relations = t.relations
    for source, target, kind, source_person, target_person in zip(
        relations["source"],
        relations["target"],
        relations["type"],
        relations["source_person"],
        relations["target_person"],
        strict=True,
    ):
        if source == target or kind == TENSION:
            continue
        for actor, person in ((source, source_person), (target, target_person)):
            if actor not in organisations:
                continue
            totals[actor] = totals.get(actor, 0) + 1
            if isinstance(person, str) and person:
                with_person[actor] = with_person.get(actor, 0) + 1
                carried[(actor, person)] = carried.get((actor, person), 0) + 1
    rows = []
    for person, actor, name, position in zip(
        people.index, people["actor"], people["name"], people["position"], strict=True
    ):
        total = totals.get(actor, 0)
        count = carried.get((actor, person), 0)
        share = count / total if total else 0.0
        rows.append(
            (
                actor,
                actors.at[actor, "name"],
                person,
                name,
                position,
                count,
                with_person.get(actor, 0),
                total,
                share,
                total >= MIN_RELATIONS_FOR_DEPENDENCY and share >= DEPENDENCY_SHARE - 1e-12,
            )
        )
    rows.sort(key=lambda r: (str(r[0]), -r[5], str(r[2])))
    return pd.DataFrame(rows, columns=PERSON_COLUMNS)


def organisation_dependency(t: Territory) -> pd.DataFrame:
    """Per organisation with people: who carries most of its outside relations, and is it one person?

    Same relations, shares and rule as :func:`person_dependency`. One row per
    organisation that has at least one person, indexed by actor id in the actors'
    order: ``name``, ``people`` (how many), ``ties_total``, ``ties_with_person``,
    ``main_person`` (the person carrying the most; ties by person id; none when no
    relation names a person), ``main_person_name``, ``main_share``,
    ``single_person_dependency``.

    >>> t = Territory.from_records(
    ...     actors=[{"id": "asso", "name": "Asso", "type": "association"},
    ...             {"id": "x", "name": "X", "type": "commune"}],
    ...     people=[{"id": "p1", "name": "Claire", "actor": "asso"}],
    ...     relations=[{"source": "asso", "target": "x", "type": "coopération"}])
    >>> organisation_dependency(t)[["ties_total", "main_person", "main_share"]]  # doctest: +NORMALIZE_WHITESPACE
          ties_total main_person  main_share
    id
    asso           1        None         0.0
    """
    per_person = person_dependency(t)
    # rows come sorted by actor, then ties carried (descending), then person: the first is the main one
    top = per_person.drop_duplicates("actor").set_index("actor")
    grouped = per_person.groupby("actor", sort=False)
    has_main = top["ties_carried"] > 0
    summary = pd.DataFrame(
        {
            "name": top["actor_name"],
            "people": grouped.size(),
            "ties_total": top["ties_total"],
            "ties_with_person": top["ties_with_person"],
            "main_person": top["person"].astype(object).where(has_main, None),
            "main_person_name": top["person_name"].astype(object).where(has_main, None),
            "main_share": top["share"].astype(float),
            "single_person_dependency": grouped["single_person_dependency"].any(),
        },
        index=top.index,
    )
    order = [a for a in t.actors.index if a in summary.index]
    return summary.reindex(pd.Index(order, name="id", dtype=object))[ORGANISATION_COLUMNS]
