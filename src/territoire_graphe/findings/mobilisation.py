"""Mobilisation: whom to invite first, who can bring groups together."""

from __future__ import annotations

from typing import Any

from .evidence import Evidence, finding


def mobilise_first(e: Evidence) -> list[dict[str, Any]]:
    """Whom to invite first to reach the most actors within ``steps`` links (KPP-Pos)."""
    result = e.key_players.get("reach")
    n = len(e.actors)
    if result is None or not len(result.actors) or n < 5 or e.graph.number_of_edges() == 0:
        return []
    others = n - len(result.actors)
    reached = round(result.score * others)
    if reached == 0:
        return []
    return [finding(e, "mobilise_first", "mobilisation", 1,
                     {"reach_share": result.score, "reached": reached, "others": others,
                      "steps": e.steps}, list(result.actors), names=e.names(result.actors),
                     steps=e.steps, reached=reached, others=others, share=e.pct(result.score))]


def trusted_broker(e: Evidence) -> list[dict[str, Any]]:
    """The actor most often between others, linked with several types (a "tiers de confiance")."""
    a = e.actors
    if len(a) < 5 or "betweenness" not in a or a["betweenness"].max() <= 0:
        return []
    top = a.sort_values(["betweenness", "degree"], ascending=False, kind="stable").index[0]
    types = {e.graph.nodes[v].get("type") for v in e.graph.neighbors(top)}
    if len(types) < 2:
        return []
    b = float(a["betweenness"][top])
    return [finding(e, "trusted_broker", "mobilisation", 2,
                     {"betweenness": b, "partner_types": len(types)}, [top],
                     name=e.name(top), type=e.type_label(a["type"].at[top]),
                     betweenness=e.num(b, 2), types=len(types))]
