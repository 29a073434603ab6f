"""Mobilisation: whom to invite first, who can bring groups together."""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..messages import text
from .evidence import Evidence, finding
from .grammar import all_feminine, article_names


def _within(graph: nx.Graph, sources: list[str], steps: int) -> set[str]:
    """Actors at most ``steps`` links from one of ``sources`` (the sources included)."""
    seen = set(sources)
    frontier = set(sources)
    for _ in range(steps):
        frontier = {w for v in frontier for w in graph[v]} - seen
        seen |= frontier
    return seen


def mobilise_first(e: Evidence) -> list[dict[str, Any]]:
    """Whom to invite first to reach the most actors within ``steps`` links (KPP-Pos).

    Claim: every actor named has at least one tie; ``reached`` of the ``others`` actors
    outside the set are at most ``steps`` links from one of them. A second sentence names
    the actors with no tie, whom no relay can reach.
    """
    result = e.key_players.get("reach")
    n = len(e.actors)
    if result is None or not len(result.actors) or n < 5 or e.graph.number_of_edges() == 0:
        return []
    members = [a for a in result.actors if e.graph.degree(a) > 0]
    if len(members) != len(result.actors):
        return []  # never propose an actor without ties (the search excludes them)
    others = n - len(members)
    reached = len(_within(e.graph, members, e.steps)) - len(members)
    if reached == 0:
        return []
    share = reached / others
    names = [e.name(a) for a in members]
    row = finding(
        e,
        "mobilise_first",
        "mobilisation",
        1,
        {"reach_share": share, "reached": reached, "others": others, "steps": e.steps},
        members,
        key="mobilise_first"
        + (".one" if len(members) == 1 else ".feminine" if all_feminine(names) else ""),
        names=article_names(names, e.lang),
        steps=e.steps,
        reached=reached,
        others=others,
        share=e.pct(share),
    )
    alone = [a for a in e.actors.index if e.graph.degree(a) == 0]
    if alone:
        row["text"] += " " + text(
            "finding.mobilise_unreachable", e.lang, count=len(alone), names=e.names(alone, limit=8)
        )
        row["figures"]["unreachable"] = len(alone)
    return [row]


def _decimals(value: float) -> int:
    """Enough decimals for a small figure to show (0.004 is not "0.00")."""
    decimals = 2
    while decimals < 6 and 0 < abs(value) < 10 ** (1 - decimals):
        decimals += 1
    return decimals


def trusted_broker(e: Evidence) -> list[dict[str, Any]]:
    """The actor most often between others, linked with several types (a "tiers de confiance").

    Claim: the actor has the highest betweenness (ties: most partners) and partners of at
    least two actor types. When betweenness is estimated from sampled sources, the actor
    is named only if its lead over the second exceeds the sampling error.
    """
    a = e.actors
    if len(a) < 5 or "betweenness" not in a or a["betweenness"].max() <= 0:
        return []
    ranked = a.sort_values(["betweenness", "degree"], ascending=False, kind="stable")
    top = str(ranked.index[0])
    b = float(ranked["betweenness"].to_numpy()[0])
    if e.betweenness_sampled:
        second = float(ranked["betweenness"].to_numpy()[1]) if len(ranked) > 1 else 0.0
        if b - second <= e.betweenness_error:
            return []
    types = {e.graph.nodes[v].get("type") for v in e.graph.neighbors(top)}
    if len(types) < 2:
        return []
    return [
        finding(
            e,
            "trusted_broker",
            "mobilisation",
            2,
            {"betweenness": b, "partner_types": len(types), "sampled": e.betweenness_sampled},
            [top],
            name=e.the(top, capital=True),
            type=e.type_label(str(a.at[top, "type"])),
            betweenness=e.num(b, _decimals(b)),
            types=len(types),
        )
    ]
