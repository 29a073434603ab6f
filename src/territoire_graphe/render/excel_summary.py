"""The summary sheet of the report workbook: findings first, then the figures in words.

In this order: the territory (name, date as precisely as it is known, source, perimeter),
the findings by priority, the key figures as sentences, every indicator with its value
and what it means, the reading warnings of the workbook, and how the figures were
computed -- in the report's language, not as the package's internal keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..findings.response import response_line
from ..messages import has_text
from .excel import Book, Col
from .titles import date_label, display_name, perimeter_of, territory_title

_INDICATOR_KINDS = {
    "density": "float3",
    "largest_component_share": "share",
    "isolated_share": "share",
    "mean_degree": "float",
    "transitivity": "float3",
    "degree_centralization": "float3",
    "betweenness_centralization": "float3",
    "modularity": "float3",
    "ei_index_type": "signed",
    "ei_index_type_p_value": "float3",
    "cross_type_share": "share",
    "reciprocity": "share",
    "mean_distance": "float",
    "diameter": "int",
}
#: Provenance groups shown, with the catalogue key of their label.
_GROUPS = {
    "communities": "prov.group.communities",
    "key_players.reach": "prov.group.reach",
    "key_players.fragment": "prov.group.fragment",
    "mixing": "prov.group.mixing",
}


def summary(book: Book) -> None:
    from .document_text import DocumentText

    d, t = book.d, book.d.territory
    ws = book.sheet("summary")
    book.heading(ws, book.text("report.title", name=territory_title(t, book.lang)), size=16)
    book.blank(ws)
    perimeter = perimeter_of(t)
    items = [
        (book.text("report.territory"), display_name(t.name), "text"),
        _date_item(book, t.date),
        (book.text("report.source"), t.source, "text"),
    ]
    if perimeter:
        items.append((book.text("doc.field.perimeter"), "; ".join(perimeter), "text"))
    book.pairs(ws, items)
    survey = response_line(t, book.lang)  # a survey: its response rate, what it makes fragile
    if survey:
        book.row(ws, [survey], [book.style("text", bold=True, color="6B4A00")])
    book.blank(ws)
    _findings(book, ws)
    book.blank(ws)
    book.heading(ws, book.text("doc.figures.title"))
    for sentence in DocumentText(d, book.lang, "show").key_figures():
        book.row(ws, [sentence], [book.style("text")])
    book.blank(ws)
    _indicators(book, ws)
    book.blank(ws)
    _warnings(book, ws)
    book.blank(ws)
    _provenance(book, ws)
    book.finish(ws)


def _date_item(book: Book, date: Any) -> tuple[str, Any, str]:
    """A day is a real date cell; a year or a month (the 1st) is written as it is known."""
    label = book.text("report.date")
    if date is None or pd.isna(date) or pd.Timestamp(date).day == 1:
        return label, date_label(date, book.lang) or None, "text"
    return label, pd.Timestamp(date).to_pydatetime(), "date"


def _findings(book: Book, ws: Any) -> None:
    d = book.d
    book.heading(ws, book.text("report.section.findings"))
    if book.lang != d.lang:
        book.note(ws, book.text("report.section.findings.note"))
    f = d.findings
    if not len(f):
        book.note(ws, book.text("report.empty"))
        return
    names = d.territory.actors["name"].to_dict() if len(d.territory.actors) else {}
    f = f.sort_values("priority", kind="stable")
    book.table(
        ws,
        [
            Col("category", f["category"].tolist(), "text", table="findings", width=24),
            Col("priority", f["priority"].tolist(), "int", width=10),
            Col("text", f["text"].tolist(), "wrap", width=90),
            Col(
                "actors",
                [[names.get(a, a) for a in (ids or [])] for ids in f["actors"]],
                "wrap",
                table="findings",
                width=40,
            ),
        ],
    )


def _indicators(book: Book, ws: Any) -> None:
    d = book.d
    book.heading(ws, book.text("report.section.indicators"))
    book.table(
        ws,
        [
            Col("indicator", [], "text", width=30),
            Col("value", [], "auto", width=10),
            Col("meaning", [], "wrap", header=book.text("report.meaning"), width=90, define=False),
        ],
    )
    label_style, wrap = book.style("text", border="all"), book.style("wrap", border="all")
    sheet = book.text("report.def.indicators")
    for key, value in d.indicators.items():
        catalogue = f"report.ind.{key}"
        known = has_text(catalogue)
        label = book.text(catalogue) if known else str(key)
        book.defined.setdefault((sheet, str(key)), (label, catalogue if known else ""))
        kind = _INDICATOR_KINDS.get(str(key), "int" if pd.api.types.is_integer(value) else "float3")
        meaning = book.text(f"{catalogue}.def") if known else ""
        number = book.row(
            ws, [label, value, meaning], [label_style, book.style(kind, border="all"), wrap]
        )
        if len(meaning) > 88:
            ws.row_dimensions[number].height = 15.0 * (1 + len(meaning) // 88)


def _warnings(book: Book, ws: Any) -> None:
    found = list(book.d.territory.warnings)
    book.heading(ws, book.text("report.section.warnings", n=len(found)))
    if not found:
        book.note(ws, book.text("doc.warnings.none"))
        return
    book.table(
        ws,
        [
            Col(
                "sheet",
                [p.sheet for p in found],
                "text",
                header=book.text("report.warn.sheet"),
                width=18,
                define=False,
            ),
            Col(
                "row",
                [p.row for p in found],
                "int",
                header=book.text("report.warn.row"),
                width=8,
                define=False,
            ),
            Col(
                "message",
                [" ".join(x for x in (p.message, p.hint) if x) for p in found],
                "wrap",
                header=book.text("report.warn.message"),
                width=90,
                define=False,
            ),
            Col(
                "column",
                [p.column for p in found],
                "text",
                header=book.text("report.warn.column"),
                width=16,
                define=False,
            ),
        ],
    )


def _provenance(book: Book, ws: Any) -> None:
    """One row per measure: how it was computed, in the reader's words."""
    d = book.d
    book.heading(ws, book.text("report.section.provenance"))
    rows = [
        (
            book.text("prov.group.package"),
            f"{d.provenance.get('package', '')} (networkx {d.provenance.get('networkx', '')})",
        ),
        (book.text("prov.group.analysis_graph"), book.text("doc.method.graph")),
    ]
    metrics = d.provenance.get("betweenness") or {}
    for metric, params in metrics.items() if isinstance(metrics, Mapping) else ():
        if isinstance(params, Mapping):
            label = f"report.col.{metric}"
            rows.append(
                (book.text(label) if has_text(label) else str(metric), _parameters(book, params))
            )
    for path, key in _GROUPS.items():
        params = _get(d.provenance, path)
        if isinstance(params, Mapping):
            rows.append((book.text(key), _parameters(book, params)))
    if book.record is not None:  # the whole record, for a program to read back
        rows.append((book.text("provenance.record"), book.record.to_json()))
    book.table(
        ws,
        [
            Col(
                "item",
                [r[0] for r in rows],
                "wrap",
                header=book.text("report.provenance.item"),
                width=24,
                define=False,
            ),
            Col("blank", [None] * len(rows), "text", header="", width=10, define=False),
            Col(
                "how",
                [r[1] for r in rows],
                "wrap",
                header=book.text("report.provenance.value"),
                width=90,
                define=False,
            ),
        ],
    )


def _parameters(book: Book, params: Mapping[str, Any]) -> str:
    parts = []
    for name, value in params.items():
        if value is None or isinstance(value, Mapping):
            continue
        label = f"prov.key.{name}"
        shown = (
            book.text("report.yes")
            if value is True
            else book.text("report.no")
            if value is False
            else str(value)
        )
        parts.append(
            f"{book.text(label) if has_text(label) else name}{book.text('doc.colon')}{shown}"
        )
    return " ; ".join(parts) if book.lang == "fr" else "; ".join(parts)


def _get(tree: Mapping[str, Any], path: str) -> Any:
    for part in path.split("."):
        if not isinstance(tree, Mapping):
            return None
        tree = tree.get(part)  # type: ignore[assignment]
    return tree


__all__ = ["summary"]
