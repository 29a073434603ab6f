"""Fragility: cut points, bridges, dependence on one person, sets whose loss fragments."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from .evidence import Evidence, finding, of_name


def cut_points(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    """Actors whose departure would cut others off from the rest (articulation points)."""
    r = e.removal
    if r.empty or "actors_cut_off" not in r:
        return []
    worst = r[r["actors_cut_off"] > 0].sort_values("actors_cut_off", ascending=False,
                                                   kind="stable").head(max_findings)
    out = []
    for actor, row in worst.iterrows():
        cut = _cut_off(e.graph, actor)
        out.append(finding(e, "cut_point", "fragilite", 1,
                            {"actors_cut_off": int(row["actors_cut_off"])}, [actor, *cut],
                            name=e.name(actor), count=int(row["actors_cut_off"]),
                            names=e.names(cut)))
    return out


def _cut_off(graph: nx.Graph, actor: Hashable) -> list[str]:
    """The actors that lose the largest component when ``actor`` is removed."""
    rest = graph.subgraph(n for n in graph if n != actor)
    parts = sorted(nx.connected_components(rest), key=lambda c: (-len(c), min(c)))
    neighbours = set(graph[actor])
    return sorted(x for part in parts[1:] if part & neighbours for x in part)


def bridge_ties(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    """Ties whose loss would cut a group of at least two actors off the rest."""
    b = e.bridge_impact
    if b.empty:
        return []
    side = b[["source_side", "target_side"]].min(axis=1) if "source_side" in b else None
    if side is None:
        return []
    chosen = b.assign(_side=side)[side >= 2].sort_values("_side", ascending=False,
                                                         kind="stable").head(max_findings)
    return [finding(e, "bridge_tie", "fragilite", 2, {"side": int(row["_side"])},
                     [row["source"], row["target"]], name_a=e.name(row["source"]),
                     name_b=e.name(row["target"]), side=int(row["_side"]))
            for _, row in chosen.iterrows()]


def person_dependency(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    p = e.person_dependency
    if p.empty or "single_person_dependency" not in p:
        return []
    out = []
    for _, row in p[p["single_person_dependency"].astype(bool)].iterrows():
        out.append(finding(e, "person_dependency", "fragilite", 1,
                            {"ties_carried": int(row["ties_carried"]),
                             "ties_total": int(row["ties_total"]), "share": float(row["share"])},
                            [row["actor"]], of_actor=of_name(e.name(row["actor"]), e.lang),
                            person=row.get("person_name", row["person"]),
                            carried=int(row["ties_carried"]), total=int(row["ties_total"])))
    out.sort(key=lambda f: -f["figures"]["ties_total"])
    return out[:max_findings]


def fragmenting_set(e: Evidence) -> list[dict[str, Any]]:
    result = e.key_players.get("fragment")
    if result is None or not len(result.actors) or e.graph.number_of_edges() == 0:
        return []
    before = float(getattr(result, "baseline", float("nan")))
    if not result.score or result.score <= before + 0.05:
        return []
    return [finding(e, "fragment_set", "fragilite", 2,
                     {"fragmentation_before": before, "fragmentation_after": result.score},
                     list(result.actors), names=e.names(result.actors), before=e.pct(before),
                     after=e.pct(result.score))]
