"""The evolution map: the later territory, drawn with what changed since the earlier one.

``to_html(tg.diff(before, after), path)`` draws the *after* territory with the after
diagnosis, in the shape of the *before* map (the before layout's positions are kept;
actors who arrived are put next to their partners), and adds:

- relations added: green and thicker (edge ``ev`` 1, with a "Lien créé" tooltip line);
- relations removed: dark red dashed, between their actors (edge ``ev`` 2, id ``x<n>``);
- actors who left: drawn hollow grey where they were (node ``ev`` 2), with their card;
- actors who arrived: a green ring (node ``ev`` 1);
- an "Évolution" lens (id ``evolution``), active on opening, that highlights the changes
  and fades the rest; an "Évolution" legend section with the four counts;
- in each card (``card.ev``): degree and betweenness before → after (from
  ``Evolution.positions``), the ties made and lost, and the evolution findings naming it.

Everything stays data for the page (``data["evolution"]``), written with ``textContent``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..messages import format_number, locale_for, resolve_lang, text
from .declutter import font_size
from .edges import curvature, edge_records
from .legend import present, type_color, type_label
from .lenses import EVOLUTION_BIT, EVOLUTION_LENS, LENS_BITS, LENSES, normalise_lens
from .map_data import build_map_data, sized_layout
from .people import PeopleView
from .style import EVOLUTION_COLORS
from .titles import display_name

if TYPE_CHECKING:
    from typing_extensions import TypeIs

    from ..evolution import Evolution
    from ..model import Territory

ADDED, REMOVED = 1, 2


def is_evolution(value: object) -> TypeIs[Evolution]:
    """Whether ``value`` looks like an :class:`~territoire_graphe.evolution.Evolution`."""
    return all(hasattr(value, name) for name in ("before", "after", "relations_added"))


def evolution_map_data(
    evo: Evolution,
    *,
    color_by: str | None = "type",
    size_by: str | None = "betweenness",
    lens: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    people: str = "show",
    positions: Mapping[str, tuple[float, float]] | None = None,
    seed: int = 42,
) -> dict[str, Any]:
    """The map data of an evolution (see the module docstring).

    ``positions`` (e.g. ``read_positions("carte_2023.html")``) shape the *before* layout;
    ``lens`` None opens on the evolution lens, ``"overview"`` on the overview.
    """
    code = resolve_lang(lang if lang is not None else getattr(evo, "lang", None))
    active = EVOLUTION_LENS if lens is None else normalise_lens(lens, code, evolution=True)
    d0, d1 = evo.before, evo.after
    t0, t1 = d0.territory, d1.territory
    before_layout, before_radii, _, _ = sized_layout(
        t0, d0.actors.reindex(t0.actors.index), size_by, code, positions=positions, seed=seed
    )
    data = build_map_data(
        t1,
        d1,
        color_by=color_by,
        size_by=size_by,
        lens=None,
        title=title or text("map.evolution.title", code),
        lang=code,
        people=people,
        positions=before_layout.positions,
        seed=seed,
    )
    view0 = PeopleView(t0, people, code)
    view1 = PeopleView(t1, people, code)
    names = {**_names(t0), **_names(t1)}

    added_edges = _mark_added(data["edges"], t1, evo.relations_added, code)
    removed_edges = _removed_edges(t0, d0, evo.relations_removed, data["edges"], view0, code)
    data["edges"].extend(removed_edges)
    gone = [str(a) for a in evo.actors_removed.index if str(a) in t0.actors.index]
    ghosts = _ghosts(t0, gone, before_layout.positions, before_radii, data, view0, code)
    data["nodes"].extend(ghosts)
    data["filters"]["families"] = sorted(
        {e["fam"] for e in data["edges"]}, key=["lien", "flux", "interdependance", "tension"].index
    )

    findings, findings_of = _findings(evo, view0, view1)
    touched = _touched(added_edges, removed_edges)
    arrived = {str(a) for a in evo.actors_added.index}
    changes = _positions(evo.positions, code)
    for node in data["nodes"]:
        actor = node["id"]
        if actor in arrived:
            node["ev"] = ADDED
        elif actor in gone:
            node["ev"] = REMOVED
        if actor in arrived or actor in gone or actor in touched:
            node["ln"] = node["ln"] | EVOLUTION_BIT
        card: dict[str, Any] = {}
        if actor in changes:
            card["fig"] = changes[actor]
        for key, partners in (
            ("made", touched.get(actor, {}).get(ADDED)),
            ("lost", touched.get(actor, {}).get(REMOVED)),
        ):
            if partners:
                card[key] = sorted({names.get(p, p) for p in partners}, key=str.casefold)
        if findings_of.get(actor):
            card["fi"] = findings_of[actor]
        if card:
            node["card"]["ev"] = card

    meta = data["meta"]
    meta["lens"] = active or ""
    meta["date"] = ""
    meta["territory"] = display_name(t1.name)  # the period is in the caption
    counts = _counts(evo, len(added_edges), len(removed_edges), len(arrived), len(gone))
    meta["caption"] = _caption(t0, t1, counts, code) + " " + meta["caption"]
    sources = [s for s in (_file(t0.source), _file(t1.source)) if s]
    if sources:
        meta["source"] = text("map.source", code, source=" → ".join(dict.fromkeys(sources)))
    if before_layout.isolated_label:
        meta["isolated"] = {
            "x": before_layout.isolated_label[0],
            "y": before_layout.isolated_label[1],
            "text": text("map.evolution.isolated_label", code, n=len(before_layout.isolated)),
        }
    data["lenses"] = [*LENSES, EVOLUTION_LENS]  # bit i = 1 << i, as LENS_BITS
    data["lensOrder"] = [EVOLUTION_LENS, *LENSES]
    data["evolution"] = {
        "colors": dict(EVOLUTION_COLORS),
        "findings": findings,
        "legend": {
            "title": text("map.evolution.legend", code),
            "items": [
                {"kind": kind, "label": text(f"map.evolution.legend.{kind}", code), "count": count}
                for kind, count in (
                    ("made", counts["made"]),
                    ("lost", counts["lost"]),
                    ("joined", counts["joined"]),
                    ("left", counts["left"]),
                )
            ],
        },
    }
    return data


# -- relations ---------------------------------------------------------------------------------
def _mark_added(edges: list[dict], t: Territory, added: pd.DataFrame, code: str) -> list[dict]:
    """Flag the after map's lines that are new relations; returns them."""
    numbers = {f"r{t.relations.index.get_loc(i)}" for i in added.index if i in t.relations.index}
    line = text("map.evolution.tip.added", code)
    out = []
    for edge in edges:
        if edge["id"] in numbers:
            edge["ev"] = ADDED
            edge["ln"] = edge["ln"] | EVOLUTION_BIT
            edge["tip"] = [line, *edge.get("tip", [])]
            out.append(edge)
    return out


def _removed_edges(
    t0: Territory, d0: Any, removed: pd.DataFrame, drawn: list[dict], view: PeopleView, code: str
) -> list[dict]:
    """The lost relations as lines of the before territory, bent beside the after ones."""
    if not len(removed):
        return []
    numbers = {t0.relations.index.get_loc(i) for i in removed.index if i in t0.relations.index}
    ids = [str(i) for i in t0.actors.index]
    bridge_line = text("map.tooltip.bridge", code)
    line = text("map.evolution.tip.removed", code)
    on_pair: dict[frozenset, int] = {}
    for edge in drawn:
        pair = frozenset((edge["from"], edge["to"]))
        on_pair[pair] = on_pair.get(pair, 0) + 1
    out = []
    for record in edge_records(t0, d0, code, view, {}, ids):
        number = int(record["id"][1:])
        if number not in numbers:
            continue
        pair = frozenset((record["from"], record["to"]))
        rank = on_pair.get(pair, 0)
        on_pair[pair] = rank + 1
        record.pop("br", None)
        record.pop("cv", None)
        if rank:
            record["cv"] = curvature(rank)
        record["id"] = f"x{number}"
        record["ev"] = REMOVED
        record["ln"] = (LENS_BITS["flux"] if record["fam"] == "flux" else 0) | EVOLUTION_BIT
        record["tip"] = [line, *(t for t in record.get("tip", []) if t != bridge_line)]
        out.append(record)
    return out


def _touched(added: list[dict], removed: list[dict]) -> dict[str, dict[int, set[str]]]:
    """Actor -> {ADDED: partners of new lines, REMOVED: partners of lost lines}."""
    out: dict[str, dict[int, set[str]]] = {}
    for edge in (*added, *removed):
        a, b = edge["from"], edge["to"]
        if a == b:
            continue
        out.setdefault(a, {}).setdefault(edge["ev"], set()).add(b)
        out.setdefault(b, {}).setdefault(edge["ev"], set()).add(a)
    return out


# -- actors who left ----------------------------------------------------------------------------
def _ghosts(
    t0: Territory,
    gone: list[str],
    positions: Mapping[str, tuple[float, float]],
    radii: list[float],
    data: dict[str, Any],
    view: PeopleView,
    code: str,
) -> list[dict]:
    """Nodes for the actors who left, where the before map had them, with their filters."""
    radius_of = dict(zip((str(i) for i in t0.actors.index), radii, strict=True))
    types, communes = data["filters"]["types"], data["filters"]["communes"]
    no_commune = text("map.filters.no_commune", code)
    people_of = view.by_actor()
    nodes = []
    for actor in gone:
        row = t0.actors.loc[actor]
        kind = "" if not present(row.get("type")) else str(row["type"])
        t_index = _filter_index(types, type_label(t0, kind, code), {"color": type_color(t0, kind)})
        place = str(row.get("municipality")).strip() if present(row.get("municipality")) else ""
        c_index = _filter_index(communes, place or no_commune, {})
        x, y = positions.get(actor, (0.0, 0.0))
        radius = radius_of.get(actor, 8.0)
        card: dict[str, Any] = {"fig": []}
        for name, value in (("m", row.get("municipality")), ("sec", row.get("sector"))):
            if present(value):
                card[name] = str(value)
        if people_of.get(actor):
            card["p"] = people_of[actor]
        nodes.append(
            {
                "id": actor,
                "label": str(row["name"]),
                "x": x,
                "y": y,
                "size": radius,
                "fs": font_size(radius),
                "color": EVOLUTION_COLORS["gone"],
                "t": t_index,
                "c": c_index,
                "fl": 0,
                "ln": EVOLUTION_BIT,
                "card": card,
            }
        )
    return nodes


def _filter_index(items: list[dict], label: str, extra: dict[str, Any]) -> int:
    """The index of ``label`` in a filter list (appended when missing), its count raised by one."""
    for i, item in enumerate(items):
        if item["label"] == label:
            item["count"] = item.get("count", 0) + 1
            return i
    items.append({"label": label, **extra, "count": 1})
    return len(items) - 1


# -- texts ---------------------------------------------------------------------------------------
def _findings(evo: Evolution, *views: PeopleView) -> tuple[list[dict], dict[str, list[int]]]:
    frame = evo.findings if isinstance(evo.findings, pd.DataFrame) else pd.DataFrame()
    records: list[dict] = []
    of: dict[str, list[int]] = {}
    for _, row in frame.iterrows():
        written = row.get("text")
        for view in views:
            written = view.scrub(written)
        of_row = [str(a) for a in (row.get("actors") or [])]
        index = len(records)
        records.append(
            {
                "text": written,
                "cat": str(row.get("category") or ""),
                "pr": _int(row.get("priority")),
                "a": of_row,
            }
        )
        for actor in dict.fromkeys(of_row):
            of.setdefault(actor, []).append(index)
    return records, of


def _positions(frame: pd.DataFrame, code: str) -> dict[str, list[list[str]]]:
    """Actor -> [[label, "6 → 9 (+3)"], ...] for degree and betweenness."""
    out: dict[str, list[list[str]]] = {}
    if not isinstance(frame, pd.DataFrame) or not len(frame):
        return out
    metrics = [
        (m, None if m == "degree" else 3)
        for m in ("degree", "betweenness")
        if {f"{m}_before", f"{m}_after"} <= set(frame.columns)
    ]
    for actor, row in frame.iterrows():
        lines = []
        for metric, decimals in metrics:
            before, after = row[f"{metric}_before"], row[f"{metric}_after"]
            if pd.isna(before) or pd.isna(after):
                continue
            lines.append(
                [
                    text(f"map.figure.{metric}", code),
                    _change(float(before), float(after), decimals, code),
                ]
            )
        if lines:
            out[str(actor)] = lines
    return out


def _change(before: float, after: float, decimals: int | None, code: str) -> str:
    def shown(value: float) -> str:
        return format_number(int(value) if decimals is None else value, code, decimals=decimals)

    arrow = f"{shown(before)} → {shown(after)}"
    delta = after - before
    if (decimals is None and delta == 0) or (decimals is not None and round(delta, decimals) == 0):
        return arrow
    return f"{arrow} ({'+' if delta > 0 else '−'}{shown(abs(delta))})"


def _counts(evo: Evolution, made: int, lost: int, joined: int, left: int) -> dict[str, int]:
    """The counts of ``Evolution.counts`` (ties as pairs, tensions apart), the same as the
    findings and the workbook say; the drawn records' counts for an Evolution without them."""
    c = getattr(evo, "counts", None) or {}
    if not c:
        return {
            "made": made,
            "lost": lost,
            "joined": joined,
            "left": left,
            "tensions_began": 0,
            "tensions_ended": 0,
        }
    return {
        "made": c["ties_made"] + c["ties_newcomers"],
        "lost": c["ties_lost"] + c["ties_lost_leavers"],
        "joined": c["actors_joined"],
        "left": c["actors_left"],
        "tensions_began": c["tensions_began"],
        "tensions_ended": c["tensions_ended"],
    }


def _caption(t0: Territory, t1: Territory, counts: dict[str, int], code: str) -> str:
    parts = [
        text(f"map.evolution.{key}", code, count=counts[key])
        for key in ("made", "lost", "joined", "left", "tensions_began", "tensions_ended")
        if counts[key]
    ]
    changes = ", ".join(parts) if parts else text("map.evolution.nothing", code)
    period = " ".join(p for p in (_when(t0.date, "from", code), _when(t1.date, "to", code)) if p)
    if period:
        return text("map.evolution.caption", code, period=period, changes=changes)
    return text("map.evolution.caption_undated", code, changes=changes)


def _when(date: Any, side: str, code: str) -> str:
    """``du 15/03/2023`` / ``de 2023`` (side "from"), ``au 30/06/2024`` / ``à 2024`` ("to")."""
    if date is None or pd.isna(date):
        return ""
    stamp = pd.Timestamp(date)
    if (stamp.month, stamp.day) == (1, 1):  # a bare year in the workbook
        return text(f"map.evolution.{side}_year", code, date=str(stamp.year))
    return text(f"map.evolution.{side}_day", code, date=locale_for(code).date(stamp))


def _names(t: Territory) -> dict[str, str]:
    return {str(i): str(v) for i, v in t.actors["name"].items()}


def _file(source: Any) -> str:
    from pathlib import PurePath

    return PurePath(str(source)).name if source else ""


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


__all__ = ["evolution_map_data", "is_evolution"]
