"""The sheets of the report workbook, one function each (see :func:`.excel_report.to_excel`).

Each builder reads the diagnosis (never modifies it), turns ids into names and codes into
readable labels, and writes through :class:`.excel.Book`, which handles headers, styles,
safety and page setup. No metric is computed here: ranks and filters only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..messages import has_text
from ..model import ACTOR_COLUMNS, RELATION_COLUMNS
from .excel import Book, Col
from .excel_summary import summary

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

TOP = 10
_ACTOR_KINDS = {
    "degree": "int",
    "strength": "float",
    "betweenness": "float3",
    "closeness": "float3",
    "harmonic": "float",
    "eigenvector": "float3",
    "pagerank": "float4",
    "in_degree": "int",
    "out_degree": "int",
    "in_strength": "float",
    "out_strength": "float",
    "constraint": "float3",
    "effective_size": "float",
    "community": "int",
    "component": "int",
    "core_number": "int",
    "components_after": "int",
    "largest_component_after": "share",
    "actors_cut_off": "int",
    "pairs_disconnected": "int",
    "reach_loss": "share",
}
_SCALES = {"degree": "4393C3", "betweenness": "D6604D", "pagerank": "5AAE61"}
_FLAGS = {
    "is_isolated": "F4A582",
    "is_pendant": "FDDBC7",
    "is_articulation_point": "FDB863",
    "is_key_player": "A6DBA0",
    "single_person_dependency": "F4A582",
}


# -- labels -------------------------------------------------------------------------------
class Labels:
    """Names for ids and readable labels for codes, in the report language."""

    def __init__(self, book: Book):
        t = book.d.territory
        self.book, self.vocabulary, self.lang = book, t.vocabulary, book.lang
        self.names: dict[str, Any] = (
            {str(k): v for k, v in t.actors["name"].items()} if len(t.actors) else {}
        )
        self.people: dict[str, Any] = (
            {str(k): v for k, v in t.people["name"].items()} if len(t.people) else {}
        )

    def name(self, actor: Any) -> Any:
        return self.names.get(actor, actor) if _present(actor) else None

    def person(self, person: Any) -> Any:
        return self.people.get(person, person) if _present(person) else None

    def actor_type(self, value: Any) -> Any:
        entry = self.vocabulary.actor(value) if _present(value) else None
        return entry.label(self.lang) if entry else value

    def relation_type(self, value: Any) -> Any:
        return self.vocabulary.relation(value).label(self.lang) if _present(value) else None

    def function(self, value: Any) -> Any:
        entry = self.vocabulary.get("function", value) if isinstance(value, str) else None
        return entry.label(self.lang) if entry else value

    def code(self, prefix: str, value: Any) -> Any:
        """The catalogue label ``report.<prefix>.<value>``, or the value itself."""
        key = f"report.{prefix}.{value}"
        return self.book.text(key) if _present(value) and has_text(key) else value


def _present(value: Any) -> bool:
    if value is None:
        return False
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def _kind(series: pd.Series, *, metric: bool) -> str:
    """Display kind inferred from a column's dtype (metrics get 3 decimals)."""
    if pd.api.types.is_bool_dtype(series):
        return "flag"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    if metric and pd.api.types.is_integer_dtype(series):
        return "int"
    if metric and pd.api.types.is_float_dtype(series):
        return "float3"
    return "auto"


def _column(frame: pd.DataFrame, name: str) -> list[Any]:
    return frame[name].tolist() if name in frame.columns else [None] * len(frame)


# -- Acteurs -----------------------------------------------------------------------------
def actors(book: Book) -> None:
    d, labels = book.d, Labels(book)
    a, own = d.actors, d.territory.actors
    ws = book.sheet("actors")
    c = d.communities
    community = (
        dict(zip(c["community"], c["label"], strict=True))
        if c is not None and {"community", "label"} <= set(c.columns)
        else {}
    )
    cols = [Col("id", a.index.tolist(), "text")]
    for name in a.columns:
        values = a[name]
        if name == "type":
            cols.append(Col(name, [labels.actor_type(v) for v in values], "text"))
        elif name == "functions":
            cols.append(
                Col(
                    name,
                    [
                        [labels.function(f) for f in v] if isinstance(v, list | tuple) else v
                        for v in values
                    ],
                    "text",
                )
            )
        else:
            metric = name not in ACTOR_COLUMNS
            cols.append(
                Col(
                    name,
                    values.tolist(),
                    _ACTOR_KINDS.get(name) or _kind(values, metric=metric),
                    table="actors",
                )
            )
        if name == "community" and community:
            cols.append(
                Col("community_label", [community.get(v) for v in values], "text", width=30)
            )
    for name in own.columns:
        if name in a.columns and name in ACTOR_COLUMNS:
            continue  # already written, from the diagnosis
        values = own[name].reindex(a.index)
        header = None if name in ACTOR_COLUMNS else str(name)
        if name in a.columns:  # a workbook column named like a metric: keep both
            header = f"{name} ({book.text('report.from_workbook')})"
        cols.append(
            Col(name, values.tolist(), _kind(values, metric=False), table="actors", header=header)
        )
    top, last = book.table(ws, cols, sparse=True)
    for index, col in enumerate(cols, start=1):
        if col.id in _SCALES and col.header is None:
            book.color_scale(ws, index, top + 1, last, ["FFFFFF", _SCALES[col.id]])
        elif col.id in _FLAGS and col.header is None:
            book.color_scale(ws, index, top + 1, last, ["FFFFFF", _FLAGS[col.id]], values=[0, 1])
    book.finish(
        ws, header_row=top, freeze="C2", autofilter=(top, last, len(cols)), repeat_columns="A:B"
    )


# -- Relations ---------------------------------------------------------------------------
def relations(book: Book) -> None:
    r, labels = book.d.territory.relations, Labels(book)
    ws = book.sheet("relations")
    cols = [
        *_cols(r, "source"),
        Col("source_name", [labels.name(x) for x in r["source"]]),
        *_cols(r, "target"),
        Col("target_name", [labels.name(x) for x in r["target"]]),
        Col("type", [labels.relation_type(x) for x in _column(r, "type")]),
        Col("family", [labels.code("family", x) for x in _column(r, "family")]),
        *_cols(
            r, "weight:auto directed:flag start:date end:date quantity:auto unit:auto comment:auto"
        ),
    ]
    for side in ("source_person", "target_person"):
        people = _column(r, side)
        if any(_present(p) for p in people):
            cols += [Col(side, people), Col(f"{side}_name", [labels.person(p) for p in people])]
    cols += _cols(r, "sheet row:int")
    for name in r.columns:
        if name not in RELATION_COLUMNS:
            cols.append(Col(name, r[name].tolist(), _kind(r[name], metric=False), header=str(name)))
    top, last = book.table(ws, cols, sparse=True)
    book.finish(
        ws, header_row=top, freeze="E2", autofilter=(top, last, len(cols)), repeat_columns="A:D"
    )


# -- Groupes -----------------------------------------------------------------------------
def groups(book: Book) -> None:
    m, labels = book.d.mixing, Labels(book)
    ws = book.sheet("groups")
    if m is None:
        book.note(ws, book.text("report.empty"))
        book.finish(ws)
        return
    book.heading(ws, book.text("report.groups.matrix"))
    book.note(ws, book.text("report.groups.matrix.note"))
    _matrix(book, ws, m.matrix, "int", labels, "matrix", ["FFFFFF", "6BAED6"])
    book.blank(ws)
    book.heading(ws, book.text("report.groups.ei"))
    items = [
        (book.text("report.ind.ei_index_type"), m.ei_index, "signed"),
        (book.text("report.groups.p_value"), m.p_value, "float3"),
        (book.text("report.groups.expected"), m.expected_ei, "signed"),
        (book.text("report.groups.permutations"), m.permutations, "int"),
    ]
    if m.excluded:
        items.append((book.text("report.groups.excluded"), len(m.excluded), "int"))
    book.pairs(ws, items)
    book.blank(ws)
    book.heading(ws, book.text("report.groups.by_group"))
    g = m.groups
    top, last = book.table(
        ws,
        [
            Col("group", [labels.actor_type(x) for x in g.index], "text", table="groups"),
            *_cols(g, "actors:int internal:int external:int ei_index:signed", table="groups"),
        ],
    )
    book.color_scale(ws, 5, top + 1, last, ["D6604D", "F7F7F7", "4393C3"], values=[-1, 0, 1])
    book.blank(ws)
    book.heading(ws, book.text("report.groups.density"))
    _matrix(book, ws, m.density, "share", labels, "density", ["FFFFFF", "5AAE61"])
    book.finish(ws)


def _matrix(
    book: Book,
    ws: Worksheet,
    matrix: pd.DataFrame,
    kind: str,
    labels: Labels,
    name: str,
    colors: list[str],
) -> None:
    key = f"report.col.{name}"
    book.define(ws, name, book.text(key), key)
    cols = [
        Col(
            "group",
            [labels.actor_type(x) for x in matrix.index],
            "text",
            table="groups",
            header=book.text("report.groups.corner"),
            define=False,
        )
    ]
    cols += [
        Col(
            str(c),
            matrix[c].tolist(),
            kind,
            header=str(labels.actor_type(c)),
            width=12,
            define=False,
        )
        for c in matrix.columns
    ]
    top, last = book.table(ws, cols)
    book.color_scale(ws, 2, top + 1, last, colors, last_column=len(cols))


# -- Qui mobiliser -----------------------------------------------------------------------
def mobilise(book: Book) -> None:
    d, labels = book.d, Labels(book)
    ws = book.sheet("mobilise")
    for goal in ("reach", "fragment"):
        result = d.key_players.get(goal)
        params = dict(result.params) if result is not None else {}
        chosen = list(result.actors) if result is not None else []
        k = params.get("k", len(chosen))
        book.heading(ws, book.text(f"report.mobilise.{goal}", k=k, steps=params.get("steps", 2)))
        if result is not None and chosen:
            contributions = list(result.contributions)
            book.table(
                ws,
                [
                    Col("name", [labels.name(x) for x in chosen], "text"),
                    Col(
                        "type", [labels.actor_type(d.actors["type"].get(x)) for x in chosen], "text"
                    ),
                    Col("contribution", contributions, "share"),
                    Col("id", chosen, "text"),
                ],
            )
            book.pairs(ws, [(book.text(f"report.mobilise.{goal}_score"), result.score, "share")])
        method = result.method if result is not None else "none"
        book.pairs(
            ws, [(book.text("report.mobilise.method"), labels.code("method", method), "text")]
        )
        book.blank(ws)
    a = d.actors
    for metric, other in (("betweenness", "degree"), ("degree", "betweenness")):
        n = min(TOP, len(a))
        book.heading(ws, book.text(f"report.mobilise.top_{metric}", n=n))
        top = a.sort_values(metric, ascending=False, kind="stable").head(n) if n else a
        book.table(
            ws,
            [
                Col("name", top["name"].tolist(), "text"),
                Col("type", [labels.actor_type(x) for x in top["type"]], "text"),
                Col(metric, top[metric].tolist(), _ACTOR_KINDS[metric]),
                Col(other, top[other].tolist(), _ACTOR_KINDS[other]),
                Col("id", top.index.tolist(), "text"),
            ],
        )
        book.blank(ws)
    book.finish(ws)


# -- Complémentarités --------------------------------------------------------------------
def complementarities(book: Book) -> None:
    d, labels = book.d, Labels(book)
    ws = book.sheet("complementarities")
    c, s = d.complementarities, d.suggestions
    book.heading(ws, book.text("report.compl.matches"))
    paths = [
        " → ".join(str(labels.name(x)) for x in p) if isinstance(p, list | tuple) else None
        for p in _column(c, "path")
    ]
    _table_or_empty(
        book,
        ws,
        c,
        [
            *_cols(
                c,
                "resource_actor_name:wrap resource:wrap need_actor_name:wrap need:wrap category",
                resource_actor_name=24,
                resource=26,
                need_actor_name=24,
                need=26,
            ),
            Col(
                "status", [labels.code("status", x) for x in _column(c, "status")], "wrap", width=22
            ),
            *_cols(c, "distance:int introducer_name:wrap", introducer_name=24),
            Col("path", paths, "wrap", width=30),
            Col("match", [labels.code("match", x) for x in _column(c, "match")], "text"),
            *_cols(c, "resource_actor need_actor introducer"),
        ],
    )
    book.blank(ws)
    book.heading(ws, book.text("report.compl.suggestions"))
    reasons = [
        [labels.code("reason", x) for x in (r if isinstance(r, list | tuple) else [r])]
        for r in _column(s, "reasons")
    ]
    _table_or_empty(
        book,
        ws,
        s,
        [
            *_cols(
                s, "source_name:wrap score:float target_name:wrap", source_name=24, target_name=26
            ),
            Col("reasons", reasons, "wrap", width=30),
            *_cols(s, "source target"),
        ],
    )
    book.finish(ws)


# -- Fragilités --------------------------------------------------------------------------
def fragilities(book: Book) -> None:
    d, labels = book.d, Labels(book)
    ws = book.sheet("fragilities")
    book.heading(ws, book.text("report.frag.actors"))
    f = d.fragilities
    if len(f) and "pairs_disconnected" in f:  # only the actors whose loss changes something
        f = f[f["pairs_disconnected"] > 0]
        f = f.assign(_id=f.index).sort_values(
            ["pairs_disconnected", "actors_cut_off", "_id"],
            ascending=[False, False, True],
            kind="stable",
        )
    _table_or_empty(
        book,
        ws,
        f,
        [
            Col("name", [labels.name(x) for x in f.index], "text"),
            *[
                Col(n, _column(f, n), _ACTOR_KINDS[n], table="actors")
                for n in (
                    "actors_cut_off",
                    "pairs_disconnected",
                    "reach_loss",
                    "components_after",
                    "largest_component_after",
                )
            ],
            Col("id", f.index.tolist(), "text"),
        ],
    )
    book.blank(ws)
    book.heading(ws, book.text("report.frag.bridges"))
    b = d.bridge_impact
    _table_or_empty(
        book,
        ws,
        b,
        _cols(
            b,
            "source_name target_name source_side:int "
            "target_side:int pairs_disconnected:int "
            "reach_loss:share source target",
        ),
    )
    book.blank(ws)
    book.heading(ws, book.text("report.frag.people"))
    p = d.person_dependencies
    span = _table_or_empty(
        book,
        ws,
        p,
        _cols(
            p,
            "actor_name person_name position ties_carried:int ties_total:int share:share "
            "single_person_dependency:flag ties_with_person:int actor person",
        ),
    )
    if span:
        book.color_scale(
            ws,
            7,
            span[0] + 1,
            span[1],
            ["FFFFFF", _FLAGS["single_person_dependency"]],
            values=[0, 1],
        )
    book.finish(ws)


def _cols(frame: pd.DataFrame, spec: str, table: str = "", **widths: float) -> list[Col]:
    """Columns of ``frame`` from a spec like ``"source_name score:float"`` (default: text)."""
    items = [item.partition(":") for item in spec.split()]
    return [
        Col(name, _column(frame, name), kind or "text", table=table, width=widths.get(name))
        for name, _, kind in items
    ]


def _table_or_empty(
    book: Book, ws: Worksheet, frame: pd.DataFrame, cols: Sequence[Col]
) -> tuple[int, int] | None:
    if frame is None or not len(frame):
        book.note(ws, book.text("report.empty"))
        return None
    return book.table(ws, cols)


# -- Définitions -------------------------------------------------------------------------
def definitions(book: Book) -> None:
    """Every header written, with its column name, definition, formula and reference."""
    ws = book.sheet("definitions")
    book.heading(ws, book.text("report.sheet.definitions"), size=14)
    book.note(ws, book.text("report.def.intro"))
    rows = list(book.defined.items())
    own = book.text("report.def.own")

    def part(suffix: str) -> list[str]:
        return [
            book.text(key + suffix)
            if key and has_text(key + suffix)
            else (own if suffix == ".def" and not key else "")
            for _, (_, key) in rows
        ]

    columns = [
        ("sheet", [sheet for (sheet, _), _ in rows], "wrap", 18),
        ("header", [header for _, (header, _) in rows], "wrap", 28),
        ("column", [column for (_, column), _ in rows], "text", 26),
        ("definition", part(".def"), "wrap", 70),
        ("formula", part(".formula"), "wrap", 36),
        ("reference", part(".ref"), "wrap", 30),
    ]
    top, last = book.table(
        ws,
        [
            Col(
                name,
                values,
                kind,
                header=book.text(f"report.def.{name}"),
                width=width,
                define=False,
            )
            for name, values, kind, width in columns
        ],
    )
    book.finish(ws, header_row=top, freeze=f"A{top + 1}", autofilter=(top, last, 6))


SHEET_BUILDERS: tuple[Callable[[Book], None], ...] = (
    summary,
    actors,
    relations,
    groups,
    mobilise,
    complementarities,
    fragilities,
)
