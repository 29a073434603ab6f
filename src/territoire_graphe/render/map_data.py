"""The data of the map: nodes, edges, legend, filters and lenses, from a Territory and its Diagnosis.

Everything the page shows is prepared here as plain JSON data (no HTML): the page
writes it with ``textContent`` only. :func:`script_json` serialises it so that it
can sit inside a ``<script>`` element without ever closing it. The data holds:

- ``meta``: title, territory, date, source, caption, language, lens active on
  opening, the "Isolés" label's place;
- ``texts``: the page's texts in that language (catalogue keys ``map.*``);
- ``nodes``: one per actor: ``id``, ``label``, ``x``, ``y`` (the layout, in canvas
  pixels), ``size`` (radius), ``fs`` (font size), ``color``, ``t`` and ``c`` (indexes
  into the type and commune filters), ``fl`` (flags: 1 isolated, 2 pendant, 4 cut
  point, 8 key player), ``ln`` (lens bits, see :data:`~.lenses.LENS_BITS`), ``card``
  (commune ``m``, sector ``sec``, community ``cm``, functions ``fn``, formatted
  figures ``fig``, people ``p``, resources ``rs``, needs ``nd``, findings ``fi``);
- ``edges`` (relations, see :mod:`~.edges`) and ``suggestions`` (suggested links);
- ``findings`` (``text``, category ``cat``, priority ``pr``, actors ``a``: the steps of
  the « Présenter » mode), ``warnings`` (the reading warnings, as sentences, after the
  survey line of :func:`~territoire_graphe.findings.response.response_line`), ``figures``
  (labels of ``fig``), ``legend``, ``filters``, ``lenses``, ``lineStyles``.

>>> from territoire_graphe.model import Territory
>>> script_json({"name": "</script><script>alert(1)</script>"})
'{"name":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..diagnosis import Diagnosis
from ..findings.response import response_line
from ..messages import format_number, has_text, resolve_lang, text
from ..model import Territory
from .declutter import LABEL_WIDTH, font_size, label_box
from .edges import edge_records, suggestion_records
from .layout import Layout, compute_layout
from .legend import (
    actor_colors,
    catalogue_of,
    commune_filter,
    community_names,
    metric_label,
    metric_values,
    present,
    scalar,
    type_filter,
)
from .lenses import (
    FLAG_ARTICULATION,
    FLAG_ISOLATED,
    FLAG_KEY_PLAYER,
    FLAG_PENDANT,
    LENS_BITS,
    LENSES,
    normalise_lens,
)
from .people import PeopleView
from .style import (
    LINE_STYLES,
    UNIFORM_SIZE,
    size_legend,
    sizes,
)
from .titles import territory_title

CARD_FIGURES = ("degree", "strength", "betweenness", "closeness", "constraint")
_RANKED = {"betweenness", "degree", "closeness"}


def build_map_data(
    t: Territory,
    d: Diagnosis,
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
    """Everything the page needs, as JSON-ready data (see the module docstring)."""
    code = resolve_lang(lang if lang is not None else getattr(d, "lang", None))
    active = normalise_lens(lens, code)
    view = PeopleView(t, people, code)
    actors = t.actors
    metrics = d.actors.reindex(actors.index)
    ids = [str(i) for i in actors.index]

    colors, color_items, color_title = actor_colors(t, d, metrics, color_by, code)
    layout, radii, size_values, size_title = sized_layout(
        t, metrics, size_by, code, positions=positions, seed=seed
    )
    labels = [str(v) for v in actors["name"]]

    types, type_index = type_filter(t, code)
    communes, commune_index = commune_filter(actors, code)
    flags = _flags(metrics, d)
    community_labels = community_names(d, code, metrics)
    findings, findings_of = _findings(d, view)
    relations = edge_records(t, d, code, view, flags, ids)
    suggestions, all_suggestions = suggestion_records(t, d, code, view)
    node_lens = _node_lenses(ids, flags, relations, suggestions)
    figures = [f for f in CARD_FIGURES if f in metrics.columns]
    if size_by and size_by in metrics.columns and size_by not in figures:
        figures.append(size_by)
    formatted = _formatted_figures(metrics, figures, code)
    people_of = view.by_actor()

    def column(frame: pd.DataFrame, name: str) -> list[Any]:
        return frame[name].tolist() if name in frame.columns else [None] * len(ids)

    municipality, sector = column(actors, "municipality"), column(actors, "sector")
    functions_of, community = column(actors, "functions"), column(metrics, "community")
    nodes = []
    for i, actor in enumerate(ids):
        x, y = layout.positions.get(actor, (0.0, 0.0))
        card: dict[str, Any] = {"fig": [formatted[f][i] for f in figures]}
        for name, value in (
            ("m", municipality[i]),
            ("sec", sector[i]),
            ("cm", community_labels.get(scalar(community[i]))),
        ):
            if present(value):
                card[name] = str(value)
        functions = (
            [_function_label(t, f, code) for f in (functions_of[i] or []) if present(f)]
            if isinstance(functions_of[i], list | tuple)
            else []
        )
        extras = (
            ("fn", functions),
            ("p", people_of.get(actor, [])),
            ("rs", [view.scrub(r.get("resource")) for r in t.graph.nodes[actor]["resources"]]),
            ("nd", [view.scrub(r.get("need")) for r in t.graph.nodes[actor]["needs"]]),
            ("fi", findings_of.get(actor, [])),
        )
        for name, value in extras:
            if value:
                card[name] = value
        nodes.append(
            {
                "id": actor,
                "label": labels[i],
                "x": x,
                "y": y,
                "size": radii[i],
                "fs": font_size(radii[i]),
                "color": colors[i],
                "t": type_index[i],
                "c": commune_index[i],
                "fl": flags.get(actor, 0),
                "ln": node_lens.get(actor, 0),
                "card": card,
            }
        )

    n_actors, n_relations = len(ids), len(t.relations)
    caption_key = "map.caption" if size_title else "map.caption_uniform"
    meta = {
        "title": title or text("map.default_title", code),
        "territory": territory_title(t, code),  # « Pays de Bray, 2024 »
        "date": "",  # in the territory's title
        "source": text("map.source", code, source=_source_name(t.source)) if t.source else "",
        "caption": text(
            caption_key,
            code,
            actors=n_actors,
            relations=n_relations,
            color=color_title,
            size=size_title or "",
        ),
        "lang": code,
        "lens": active or "",
        "isolated": (
            {
                "x": layout.isolated_label[0],
                "y": layout.isolated_label[1],
                "text": text("map.isolated_label", code, n=len(layout.isolated)),
            }
            if layout.isolated_label
            else None
        ),
        "large": n_actors > 1500 or n_relations > 4000,
        "labelWidth": LABEL_WIDTH,
    }
    return {
        "meta": meta,
        "texts": {k[4:]: v for k, v in catalogue_of(code).items() if k.startswith("map.")},
        "nodes": nodes,
        "edges": relations,
        "suggestions": suggestions,
        "findings": findings,
        "warnings": [line for line in [response_line(t, code)] if line]  # a survey's rate
        + [view.scrub(str(problem)) for problem in t.warnings]
        + _capped(len(suggestions), all_suggestions, code),
        "figures": [
            text(f"map.figure.{f}", code) if has_text(f"map.figure.{f}") else metric_label(f, code)
            for f in figures
        ],
        "legend": {
            "colors": {
                "title": text("map.legend.colors", code, what=color_title),
                "items": color_items,
            },
            "sizes": {
                "title": (
                    text("map.legend.sizes", code, what=size_title)
                    if size_title
                    else text("map.legend.sizes.uniform", code)
                ),
                "items": size_legend(size_values, code) if size_values else [],
            },
        },
        "filters": {
            "types": types,
            "communes": communes,
            "families": sorted(
                {e["fam"] for e in relations},
                key=["lien", "flux", "interdependance", "tension"].index,
            ),
        },
        "lenses": list(LENSES),
        "lineStyles": {
            family: {**style, "color": style["color"]} for family, style in LINE_STYLES.items()
        },
    }


def sized_layout(
    t: Territory,
    metrics: pd.DataFrame,
    size_by: str | None,
    code: str,
    *,
    positions: Mapping[str, tuple[float, float]] | None = None,
    seed: int = 42,
) -> tuple[Layout, list[float], list[float | None] | None, str | None]:
    """The layout of ``t``'s actors and their radii, as :func:`build_map_data` draws them.

    Returns the layout, the radii (in ``t.actors`` order), the values of ``size_by``
    and its label. ``positions`` are kept (None: those stored on the graph, if any).
    """
    ids = [str(i) for i in t.actors.index]
    size_values, size_title = metric_values(t, metrics, size_by, code)
    radii = sizes(size_values) if size_values is not None else [UNIFORM_SIZE] * len(ids)
    labels = [str(v) for v in t.actors["name"]]
    boxes = {a: label_box(label, r) for a, label, r in zip(ids, labels, radii, strict=True)}
    layout = compute_layout(
        t.analysis_graph,
        communities=_column(metrics, "community"),
        positions=positions if positions is not None else _graph_positions(t),
        boxes=boxes,
        seed=seed,
    )
    return layout, radii, size_values, size_title


def script_json(data: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``... so no ``</script>`` or
    ``<!--`` can appear, and U+2028/U+2029 are escaped for old JavaScript parsers.
    """
    raw = json.dumps(
        data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_default
    )
    return (
        raw.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# -- colours, sizes, filters ------------------------------------------------------------------
# -- diagnosis-derived flags --------------------------------------------------------------------
def _flags(metrics: pd.DataFrame, d: Diagnosis) -> dict[str, int]:
    flags: dict[str, int] = {}
    for column, bit in (
        ("is_isolated", FLAG_ISOLATED),
        ("is_pendant", FLAG_PENDANT),
        ("is_articulation_point", FLAG_ARTICULATION),
        ("is_key_player", FLAG_KEY_PLAYER),
    ):
        if column in metrics.columns:
            for actor, value in metrics[column].items():
                if _truthy(value):
                    flags[str(actor)] = flags.get(str(actor), 0) | bit
    reach = d.key_players.get("reach")
    for actor in reach.actors if reach is not None else ():
        flags[str(actor)] = flags.get(str(actor), 0) | FLAG_KEY_PLAYER
    return flags


def _node_lenses(
    ids: list[str], flags: dict[str, int], edges: list[dict], suggestions: list[dict]
) -> dict[str, int]:
    lenses = {a: 0 for a in ids}
    for actor, value in flags.items():
        if actor not in lenses:
            continue
        if value & FLAG_KEY_PLAYER:
            lenses[actor] |= LENS_BITS["mobiliser"]
        if value & (FLAG_ISOLATED | FLAG_PENDANT):
            lenses[actor] |= LENS_BITS["isoles"]
        if value & FLAG_ARTICULATION:
            lenses[actor] |= LENS_BITS["ponts"]
    for edge in edges:
        if edge["fam"] == "flux":
            for end in (edge["from"], edge["to"]):
                lenses[end] |= LENS_BITS["flux"]
    for edge in suggestions:
        for end in (edge["from"], edge["to"]):
            if end in lenses:
                lenses[end] |= LENS_BITS["complementarites"]
    return lenses


def _capped(shown: int, total: int, code: str) -> list[str]:
    """The warning that the map shows only part of the suggested links (or nothing)."""
    if total <= shown:
        return []
    return [
        text(
            "perf.map.suggestions_capped",
            code,
            shown=format_number(shown, code),
            total=format_number(total, code),
            sheet=text("report.sheet.complementarities", code),
        )
    ]


def _findings(d: Diagnosis, view: PeopleView) -> tuple[list[dict], dict[str, list[int]]]:
    frame = d.findings if isinstance(d.findings, pd.DataFrame) else pd.DataFrame()
    if not len(frame):
        return [], {}
    if "priority" in frame.columns:
        frame = frame.sort_values("priority", kind="stable")
    records: list[dict[str, Any]] = []
    of: dict[str, list[int]] = {}
    for _, row in frame.iterrows():
        index = len(records)
        records.append(
            {
                "text": view.scrub(row.get("text")),
                "cat": str(row.get("category") or ""),
                "pr": _int(row.get("priority")),
                "a": [str(a) for a in row.get("actors") or []],
            }
        )
        for actor in row.get("actors") or []:
            of.setdefault(str(actor), []).append(index)
    return records, of


def _formatted_figures(
    metrics: pd.DataFrame, figures: list[str], code: str
) -> dict[str, list[str]]:
    templates = catalogue_of(code)
    out: dict[str, list[str]] = {}
    n = len(metrics)
    first = templates["map.rank.first"]
    for figure in figures:
        column = pd.to_numeric(metrics[figure], errors="coerce")
        ranks = column.rank(ascending=False, method="min").tolist()
        shown = []
        decimals = None if figure in ("degree", "strength") else 3
        for value, rank in zip(column.tolist(), ranks, strict=True):
            if value != value:  # NaN
                shown.append("–")
                continue
            number = format_number(float(value), code, decimals=decimals)
            if figure in _RANKED and rank == rank:
                place = first if rank == 1 else templates["map.rank.other"].format(n=int(rank))
                number = templates["map.figure.rank"].format(value=number, rank=place, n=n)
            shown.append(number)
        out[figure] = shown
    return out


# -- small helpers ------------------------------------------------------------------------------
def _graph_positions(t: Territory) -> dict[str, tuple[float, float]] | None:
    """Positions stored on the graph's actor nodes (``x``, ``y``), e.g. read from Gephi.

    Stored positions have their y axis upwards, as Gephi and sigma.js draw them (the
    readers turn over those of y-down tools: io/positions.py); the map's canvas has it
    downwards, so y is turned over here, and back by the exports (io/export_viz.py).
    """
    found = {}
    for node, attrs in t.graph.nodes(data=True):
        if attrs.get("kind") == "actor" and "x" in attrs and "y" in attrs:
            try:
                x, y = float(attrs["x"]), float(attrs["y"])
            except (TypeError, ValueError):
                continue
            if math.isfinite(x) and math.isfinite(y):
                found[str(node)] = (x, -y + 0.0)
    return found or None


def _function_label(t: Territory, name: Any, code: str) -> str:
    entry = t.vocabulary.get("function", str(name))
    return entry.label(code) if entry is not None else str(name)


def _source_name(source: Any) -> str:
    from pathlib import PurePath

    return PurePath(str(source)).name


def _column(frame: pd.DataFrame, column: str) -> dict[str, Any] | None:
    if column not in frame.columns:
        return None
    return {str(i): scalar(v) for i, v in frame[column].items() if not pd.isna(v)}


def _truthy(value: Any) -> bool:
    return bool(value) and not (isinstance(value, float) and math.isnan(value))


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _default(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)
