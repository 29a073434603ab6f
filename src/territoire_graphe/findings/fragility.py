"""Fragility: cut points, bridges, dependence on one person, sets whose loss fragments."""

from __future__ import annotations

from typing import Any

import networkx as nx

from .evidence import Evidence, finding
from .words import count_text


def cut_points(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    """Actors whose departure would cut others off from the rest (articulation points).

    Claim: once the actor is removed, the actors named have no path to the largest part
    left of the actor's component ("the rest of the network" when that component is the
    network's largest; otherwise "the other actors of their group", counted).
    """
    r = e.removal
    if r.empty or "actors_cut_off" not in r:
        return []
    worst = (
        r[r["actors_cut_off"] > 0]
        .sort_values("actors_cut_off", ascending=False, kind="stable")
        .head(max_findings)
    )
    main = _main_component(e.graph)
    out = []
    for actor in worst.index:
        cut, rest, in_main = _cut_off(e.graph, actor, main)
        where = "main" if in_main else "group"
        out.append(
            finding(
                e,
                "cut_point",
                "fragilite",
                1,
                {"actors_cut_off": len(cut), "rest": rest, "main_component": in_main},
                [actor, *cut],
                key=f"cut_point.{where}",
                name=e.the(actor),
                count=len(cut),
                rest=count_text(e.lang, "other_actors", rest),
                names=e.names(cut),
            )
        )
    return out


def _main_component(graph: nx.Graph) -> set[str]:
    """The largest component, when it is strictly larger than every other (else empty)."""
    parts = sorted(nx.connected_components(graph), key=len, reverse=True)
    if not parts or (len(parts) > 1 and len(parts[1]) == len(parts[0])):
        return set()
    return set(parts[0])


def _cut_off(graph: nx.Graph, actor: str, main: set[str]) -> tuple[list[str], int, bool]:
    """The actors of ``actor``'s component that lose the largest part of it without ``actor``.

    Returns them (sorted), the size of that largest part, and whether the component is
    the network's main one.
    """
    own = nx.node_connected_component(graph, actor) - {actor}
    rest = graph.subgraph(own)
    parts = sorted(nx.connected_components(rest), key=lambda c: (-len(c), min(map(str, c))))
    cut = sorted((x for part in parts[1:] for x in part), key=str)
    return cut, len(parts[0]) if parts else 0, actor in main


def bridge_ties(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    """Ties whose loss would cut a group of at least two actors off the rest.

    Claim: without that tie, the smaller side (``side`` actors, with the end named) has
    no path to the other end; "the rest of the network" only when the tie is in the
    network's main component.
    """
    b = e.bridge_impact
    if b.empty or "source_side" not in b:
        return []
    side = b[["source_side", "target_side"]].min(axis=1)
    chosen = (
        b.assign(_side=side)[side >= 2]
        .sort_values("_side", ascending=False, kind="stable")
        .head(max_findings)
    )
    main = _main_component(e.graph)
    out = []
    for _, row in chosen.iterrows():
        small, large = (
            (row["source"], row["target"])
            if row["source_side"] <= row["target_side"]
            else (row["target"], row["source"])
        )
        small_side = int(min(row["source_side"], row["target_side"]))
        large_side = int(max(row["source_side"], row["target_side"]))
        where = "main" if small in main else "group"
        out.append(
            finding(
                e,
                "bridge_tie",
                "fragilite",
                2,
                {"side": small_side, "other_side": large_side, "main_component": small in main},
                [small, large],
                key=f"bridge_tie.{where}",
                name_a=e.the(small),
                name_b=e.the(large),
                side=small_side,
            )
        )
    return out


def person_dependency(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """Organisations whose outside relations mostly go through one person.

    Claim: ``carried`` of the ``total`` relations of the organisation with other actors
    (tensions aside) name that person on its side, and ``carried >= 2/3 total``.
    """
    p = e.person_dependency
    if p.empty or "single_person_dependency" not in p:
        return []
    out = []
    for _, row in p[p["single_person_dependency"].astype(bool)].iterrows():
        carried, total = int(row["ties_carried"]), int(row["ties_total"])
        out.append(
            finding(
                e,
                "person_dependency",
                "fragilite",
                1,
                {
                    "ties_carried": carried,
                    "ties_total": total,
                    "share": float(row["share"]),
                    "person": str(row["person"]),
                },
                [row["actor"]],
                key="person_dependency" + (".all" if carried == total else ""),
                of_actor=e.of(row["actor"]),
                person=row.get("person_name", row["person"]),
                carried=carried,
                total=total,
            )
        )
    out.sort(key=lambda f: -f["figures"]["ties_total"])
    return out[:max_findings]


def fragmenting_set(e: Evidence) -> list[dict[str, Any]]:
    """The set of actors whose loss fragments the network most (Borgatti's KPP-Neg).

    Claim: removing the set takes the share of pairs of actors that cannot reach each
    other from ``before`` to ``after``; "the most" only when every set of that size was
    tried (``method == "exhaustive"``), else "the best set found".
    """
    result = e.key_players.get("fragment")
    if result is None or not len(result.actors) or e.graph.number_of_edges() == 0:
        return []
    before = float(getattr(result, "baseline", float("nan")))
    if not result.score or result.score <= before + 0.05:
        return []
    exact = getattr(result, "method", "exhaustive") == "exhaustive"
    return [
        finding(
            e,
            "fragment_set",
            "fragilite",
            2,
            {
                "fragmentation_before": before,
                "fragmentation_after": result.score,
                "exact": exact,
                "k": len(result.actors),
            },
            list(result.actors),
            key="fragment_set" + ("" if exact else ".found"),
            removed=e.of_all(result.actors) if e.lang == "fr" else e.names(result.actors),
            members=e.article_names(result.actors),
            before=e.pct(before),
            after=e.pct(result.score),
            k=len(result.actors),
        )
    ]
