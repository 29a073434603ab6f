"""The lines of the map: one per relation record, plus the suggested links of the diagnosis.

Line style follows the family (see :data:`~territoire_graphe.render.style.LINE_STYLES`):
ties plain, flows as arrows, dependencies dashed, tensions red. Widths:

- flows: ``1.5 + 4.5 * sqrt(quantity / largest quantity in the same unit)``,
  1.5 when the quantity is not given;
- other relations: ``1 + 0.5 * (intensity - 1)``, between 1 and 4.

Several relations between the same two actors are drawn as curves side by side.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..diagnosis import Diagnosis
from ..messages import catalogue, format_number, locale_for, text
from ..model import Territory
from ..vocabulary import TENSION
from .lenses import FLAG_KEY_PLAYER as _KEY_PLAYER
from .lenses import FLAG_PENDANT as _PENDANT
from .lenses import LENS_BITS as _LENS
from .people import PeopleView


def edge_records(
    t: Territory, d: Diagnosis, code: str, view: PeopleView, flags: dict[str, int], ids: list[str]
) -> list[dict[str, Any]]:
    """One record per relation: ends, family, width, lens flags and tooltip lines."""
    relations = t.relations
    if not len(relations):
        return []
    known = set(ids)
    bridges = {frozenset((str(a), str(b))) for a, b in (d.bridges or [])}
    largest = _largest_quantities(relations)
    templates = catalogue(code)
    type_labels: dict[Any, str] = {}
    seen: dict[frozenset, int] = {}
    records = []
    columns = [
        "source",
        "target",
        "type",
        "family",
        "weight",
        "directed",
        "start",
        "end",
        "quantity",
        "unit",
        "comment",
        "source_person",
        "target_person",
    ]
    for number, row in enumerate(relations[columns].itertuples(index=False)):
        source, target = str(row.source), str(row.target)
        if source not in known or target not in known:
            continue
        family = "tension" if row.type == TENSION else str(row.family or "lien")
        pair = frozenset((source, target))
        rank = seen.get(pair, 0)
        seen[pair] = rank + 1
        is_bridge = family != "tension" and pair in bridges
        lens = 0
        if _KEY_PLAYER & (flags.get(source, 0) | flags.get(target, 0)):
            lens |= _LENS["mobiliser"]
        if is_bridge or _PENDANT & (flags.get(source, 0) | flags.get(target, 0)):
            lens |= _LENS["isoles"]
        if is_bridge:
            lens |= _LENS["ponts"]
        if family == "flux":
            lens |= _LENS["flux"]
        record: dict[str, Any] = {
            "id": f"r{number}",
            "from": source,
            "to": target,
            "fam": family,
            "tl": type_labels[row.type]
            if row.type in type_labels
            else type_labels.setdefault(row.type, _relation_label(t, row.type, code)),
            "w": _width(row, family, largest),
            "dir": bool(row.directed),
            "ln": lens,
        }
        if rank:
            record["cv"] = curvature(rank)
        if is_bridge:
            record["br"] = 1
        tip = _tooltip(row, code, templates, view, is_bridge)
        if tip:
            record["tip"] = tip
        records.append(record)
    return records


def curvature(rank: int) -> float:
    """How the ``rank``-th line between the same two actors bends (0: straight, then alternating sides)."""
    return round(0.15 * ((rank + 1) // 2) * (1 if rank % 2 else -1), 2)


MAP_SUGGESTIONS = 200
"""Most suggested links drawn on the map (the most relevant first); the report has them all."""
TIP_LINES = 5
"""Most lines in one suggested link's tooltip."""


def suggestion_records(
    t: Territory, d: Diagnosis, code: str, view: PeopleView, *, limit: int = MAP_SUGGESTIONS
) -> tuple[list[dict[str, Any]], int]:
    """Suggested links (dashed, shown by the "Complémentarités" lens), one per pair.

    Link suggestions come first (best score first), then the complementarities in the
    order of their table (the most relevant first), the pairs already tied left out.
    Returns the first ``limit`` pairs and the number of pairs there are in all.
    """
    known = {str(i) for i in t.actors.index}
    names = t.actors["name"].astype(str).to_dict()
    out: dict[frozenset, dict[str, Any]] = {}
    pairs: set[frozenset] = set()

    def add(a: str, b: str, line: Any) -> None:
        pair = frozenset((a, b))
        if a not in known or b not in known or a == b:
            return
        pairs.add(pair)
        record = out.get(pair)
        if record is None and len(out) < limit:
            out[pair] = {"from": a, "to": b, "tip": [line]}
        elif record is not None and line not in record["tip"] and len(record["tip"]) < TIP_LINES:
            record["tip"].append(line)

    frame = d.suggestions if isinstance(d.suggestions, pd.DataFrame) else pd.DataFrame()
    if len(frame) and {"source", "target"} <= set(frame.columns):
        ordered = (
            frame.sort_values("score", ascending=False, kind="stable")
            if "score" in frame.columns
            else frame
        )
        texts = _values(ordered, "text")
        for a, b, line in zip(
            ordered["source"].astype(str), ordered["target"].astype(str), texts, strict=True
        ):
            if frozenset((a, b)) not in out:
                add(a, b, view.scrub(line))
    frame = d.complementarities if isinstance(d.complementarities, pd.DataFrame) else pd.DataFrame()
    if len(frame) and {"resource_actor", "need_actor"} <= set(frame.columns):
        for a, b, status, match, resource, need in zip(
            frame["resource_actor"].astype(str),
            frame["need_actor"].astype(str),
            _values(frame, "status", "new"),
            _values(frame, "match", "text"),
            _values(frame, "resource"),
            _values(frame, "need"),
            strict=True,
        ):
            if str(status) == "existing" or a not in known or b not in known or a == b:
                continue
            if match != "text":
                continue  # a shared category alone is a weaker lead, not a line on the map
            pair = frozenset((a, b))
            record = out.get(pair)
            if (len(out) >= limit and record is None) or (
                record and len(record["tip"]) >= TIP_LINES
            ):
                pairs.add(pair)  # counted; no tooltip line to write
                continue
            add(
                a,
                b,
                text(
                    "map.tooltip.complementarity",
                    code,
                    resource=view.scrub(resource),
                    need=view.scrub(need),
                    source=names.get(a, a),
                    target=names.get(b, b),
                ),
            )
    records = []
    for number, record in enumerate(out.values()):
        record["id"] = f"s{number}"
        record["tip"] = [line for line in record["tip"] if line]
        records.append(record)
    return records, len(pairs)


def _values(frame: pd.DataFrame, column: str, default: Any = None) -> list[Any]:
    return frame[column].tolist() if column in frame.columns else [default] * len(frame)


def _largest_quantities(relations: pd.DataFrame) -> dict[str, float]:
    flows = relations[(relations["family"] == "flux") & relations["quantity"].notna()]
    largest: dict[str, float] = {}
    for unit, quantity in zip(flows["unit"].fillna(""), flows["quantity"], strict=True):
        unit = str(unit)
        largest[unit] = max(largest.get(unit, 0.0), abs(float(quantity)))
    return largest


def _width(row: Any, family: str, largest: dict[str, float]) -> float:
    if family == "flux":
        quantity = row.quantity
        unit = "" if _missing(row.unit) else str(row.unit)
        top = largest.get(unit, 0.0)
        if _missing(quantity) or top <= 0:
            return 1.5
        return round(1.5 + 4.5 * math.sqrt(abs(float(quantity)) / top), 1)
    weight = 1.0 if _missing(row.weight) else float(row.weight)
    return round(min(4.0, max(1.0, 1.0 + 0.5 * (weight - 1.0))), 1)


def _tooltip(row: Any, code: str, templates: Any, view: PeopleView, is_bridge: bool) -> list[str]:
    lines = []
    if not _missing(row.quantity):
        unit = view.scrub(row.unit)
        value = format_number(float(row.quantity), code)
        lines.append(templates["map.tooltip.quantity"].format(v=f"{value} {unit}".strip()))
    if not _missing(row.weight) and float(row.weight) != 1.0:
        lines.append(
            templates["map.tooltip.weight"].format(v=format_number(float(row.weight), code))
        )
    period = [_year(row.start, code), _year(row.end, code)]
    if any(period):
        lines.append(templates["map.tooltip.period"].format(v=" – ".join(p or "…" for p in period)))
    comment = view.scrub(row.comment)
    if comment:
        lines.append(templates["map.tooltip.comment"].format(v=comment))
    a, b = view.name(row.source_person), view.name(row.target_person)
    if a or b:
        lines.append(templates["map.tooltip.people"].format(v=f"{a or '…'} → {b or '…'}"))
    if is_bridge:
        lines.append(templates["map.tooltip.bridge"])
    return lines


def _relation_label(t: Territory, name: Any, code: str) -> str:
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return ""
    entry = t.vocabulary.get("relation", str(name))
    return entry.label(code) if entry is not None else str(name)


def _missing(value: Any) -> bool:
    """None, NaN or NaT (which, alone among values, differ from themselves)."""
    return value is None or value != value


def _year(value: Any, code: str) -> str:
    if _missing(value):
        return ""
    return locale_for(code).date(value) or ""
