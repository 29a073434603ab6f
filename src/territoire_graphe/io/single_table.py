"""One plain table (a CSV file, a workbook with one sheet) that is not a territory workbook.

People arrive with a list: a CSV of places (« NOM DU LIEU », « TYPOLOGIE »), an
edge list (``from`` / ``to``, ``de`` / ``vers``, ``in`` / ``out`` / ``link``), or an
actors x actors matrix. :func:`understand` recognises which it is and lays it out
as the standard sheets, so the same validation and messages apply:

- **an edge list** (a source and a target column): a ``relations`` sheet; the
  actors are the names its rows cite (type ``autre``, with a warning);
- **an actor list** (a name column): an ``acteurs`` sheet (type ``autre`` where
  there is none, with a warning);
- **a matrix** (the header repeats the first column's names): one relation per
  filled cell off the diagonal (a number is the intensity; ``x``, ``oui``, ``1`` a
  tie; empty, ``0``, ``non`` none); a symmetric matrix gives undirected ties,
  another directed ones.

Headers are matched like a workbook's, with the synonyms such tables use
(:data:`SYNONYMS`); ``read(..., columns={"name": "NOM DU LIEU"})`` names a column
the reader cannot guess. A table that is none of these is refused with the
columns it needs, the headers found and the closest one.

>>> from .sheets import RawSheet
>>> raw = RawWorkbook("lieux.csv", [RawSheet("lieux", ["NOM DU LIEU", "TYPOLOGIE"],
...                                          [["La Base", "tiers-lieu"]], [2])])
>>> sheet = understand(raw, lang="fr").sheets[0]
>>> sheet.name, sheet.named
('acteurs', {'NOM DU LIEU': 'name', 'TYPOLOGIE': 'type'})
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from ..text_keys import key, loose
from .parts import Part
from .problems import fatal
from .schema import SHEETS_BY_NAME, field_for, sheet_for
from .sheets import RawSheet, RawWorkbook
from .synonyms import field_of
from .values import Supplied, as_text, is_blank, parse_number

_NO_TIE = {"", "0", "non", "no", "false", "faux", "-"}
_TIE = {"x", "oui", "yes", "true", "vrai"}


def is_plain(raw: RawWorkbook) -> bool:
    """Whether ``raw`` is a plain table rather than a territory workbook.

    True when no sheet names a sheet of the workbook, or when its one sheet does
    (``nodes.csv``) but only the synonyms of plain tables give it its columns.
    """
    tables = [s for s in raw.sheets if s.header or s.rows]
    if not any(sheet_for(s.name) is not None for s in tables):
        return True
    if len(tables) != 1:
        return False
    spec = sheet_for(tables[0].name)
    if spec is None or spec.name not in ("actors", "relations"):
        return False
    if spec.name == "relations":  # links alone: the actors are the names they cite
        return _role(tables[0]) == "edges"
    written = {field_for(spec.name, h) for h in tables[0].header if h}
    return "name" not in written and _role(tables[0]) is not None


def name_by_synonyms(raw: RawWorkbook) -> None:
    """Sheets of a workbook (or CSV folder) whose required columns are only in other words.

    A sheet ``noeuds`` headed ``node`` / ``nature``, a sheet ``liens`` headed ``in`` /
    ``out`` / ``link``: when a required column is missing under the workbook's
    names, the synonyms of plain tables name it (the headers stay as written).

    >>> from .sheets import RawSheet
    >>> raw = RawWorkbook("t", [RawSheet("liens", ["in", "out", "link"], [["A", "B", "x"]], [2])])
    >>> name_by_synonyms(raw); raw.sheets[0].named
    {'in': 'source', 'out': 'target', 'link': 'type'}
    """
    for sheet in raw.sheets:
        spec = sheet_for(sheet.name)
        if spec is None or spec.name not in ("actors", "relations", "flows", "dependencies"):
            continue
        kind = "actors" if spec.name == "actors" else "relations"
        written = {field_for(spec.name, h) for h in sheet.header if h}
        if set(spec.required_fields) <= written:
            continue
        for header in sheet.header:
            field_name = field_of(kind, header) if header else None
            if field_name is not None and field_name not in written:
                sheet.named[header] = field_name
                written.add(field_name)


def apply_columns(raw: RawWorkbook, columns: Mapping[str, str], lang: str) -> None:
    """Give the columns named in ``read(columns=...)`` their field (``{"name": "NOM"}``)."""
    fields = {c.field for s in SHEETS_BY_NAME.values() for c in s.columns}
    unknown = sorted(set(columns) - fields)
    if unknown:
        raise fatal(
            "columns_argument_unknown",
            raw.file,
            lang=lang,
            value=", ".join(unknown),
            fields=", ".join(sorted(fields)),
        )
    for sheet in raw.sheets:
        spec = sheet_for(sheet.name)
        for field_name, written in columns.items():
            for position, header in enumerate(sheet.header):
                if header and key(header) == key(written):
                    target = _header_of(spec.name if spec else None, field_name)
                    sheet.header[position] = target


def _header_of(kind: str | None, field_name: str) -> str:
    for name in (kind, "actors", "relations", "memberships", "collectives", "people"):
        if name in SHEETS_BY_NAME:
            found = next((c for c in SHEETS_BY_NAME[name].columns if c.field == field_name), None)
            if found is not None:
                return found.fr
    return field_name


def understand(raw: RawWorkbook, *, lang: str) -> RawWorkbook:
    """The plain tables of ``raw`` laid out as the standard sheets (or a clear refusal)."""
    tables = [s for s in raw.sheets if s.header and s.rows]
    if not tables:
        return raw
    out: list[RawSheet] = []
    notes = list(raw.notes)
    roles: set[str] = set()
    csv = raw.source_format == "csv"
    for sheet in tables:
        role = _role(sheet)
        if role is None or role in roles:
            if not roles and sheet is tables[-1]:
                raise _not_understood(raw, sheet, lang)
            out.append(sheet)  # kept aside: the builder says it is not read
            continue
        roles.add(role)
        if role == "matrix":
            out.append(_matrix(sheet, notes, csv))
        elif role == "actors":
            out.append(_renamed(sheet, "actors", csv))
        else:
            out.append(_with_type(_renamed(sheet, "relations", csv)))
    if roles & {"edges", "matrix"} and "actors" not in roles:
        out.insert(0, _cited_actors(out, notes))
    elif "actors" in roles:
        _fill_types(out[next(i for i, s in enumerate(out) if s.name == "acteurs")])
    return RawWorkbook(raw.file, out, raw.source_format, notes)


def _role(sheet: RawSheet) -> str | None:
    if _is_matrix(sheet):
        return "matrix"
    relation = {field_of("relations", h) for h in sheet.header if h}
    if {"source", "target"} <= relation:
        return "edges"
    if "name" in {field_of("actors", h) for h in sheet.header if h}:
        return "actors"
    return None


def _renamed(sheet: RawSheet, kind: str, csv: bool) -> RawSheet:
    """The sheet under its standard name; its synonyms are said to mean their field.

    Headers stay as written, so problems name the user's own columns.
    """
    named, seen = {}, set()
    for written in sheet.header:
        field_name = field_of(kind, written) if written else None
        if field_name is not None and field_for(kind, written) is None and field_name not in seen:
            named[written] = field_name
        if field_name is not None:
            seen.add(field_name)
    return RawSheet(
        _part(SHEETS_BY_NAME[kind].fr, sheet, csv),
        list(sheet.header),
        sheet.rows,
        sheet.row_numbers,
        sheet.header_row,
        sheet.column_letters,
        sheet.skipped_rows,
        set(sheet.foreign),
        named,
    )


def _part(name: str, sheet: RawSheet, csv: bool) -> Part:
    """The standard sheet's name, said as the user's file is: its lines, or its own sheet."""
    return Part(name, "csv" if csv else "sheet", element=str(sheet.name))


def _field(sheet: RawSheet, kind: str, header: str) -> str | None:
    return sheet.named.get(header) or field_for(kind, header)


def _with_type(sheet: RawSheet) -> RawSheet:
    """An edge list without a type column: each link is a tie (``interconnaissance``)."""
    if not any(_field(sheet, "relations", h) == "type" for h in sheet.header if h):
        sheet.header.append("type")
        for row in sheet.rows:
            row.append(Supplied("interconnaissance"))
    return sheet


def _fill_types(sheet: RawSheet) -> None:
    fields = {_field(sheet, "actors", h): i for i, h in enumerate(sheet.header) if h}
    position = fields.get("type")
    if position is None:
        sheet.header.append("type")
        for row in sheet.rows:
            row.append(None)
        position = len(sheet.header) - 1
    for row in sheet.rows:
        if is_blank(row[position]) and not all(is_blank(c) for c in row):
            row[position] = Supplied("autre")


def _cited_actors(sheets: list[RawSheet], notes: list[tuple[str, dict[str, Any]]]) -> RawSheet:
    names: dict[str, str] = {}
    for sheet in sheets:
        if sheet.name != "relations":
            continue
        fields = {_field(sheet, "relations", h): i for i, h in enumerate(sheet.header) if h}
        for row in sheet.rows:
            for field_name in ("source", "target"):
                written = as_text(row[fields[field_name]]) if field_name in fields else None
                if written is not None:
                    names.setdefault(loose(written), written)
    notes.append(("actors_from_links", {"count": len(names)}))
    rows: list[list[Any]] = [[n, Supplied("autre")] for n in names.values()]
    return RawSheet("acteurs", ["nom", "type"], rows, list(range(2, len(rows) + 2)), 1)


# -- matrices -----------------------------------------------------------------------------
def _is_matrix(sheet: RawSheet) -> bool:
    columns = [loose(str(h)) for h in sheet.header[1:] if h]
    labelled = sum(1 for r in sheet.rows if r and not is_blank(r[0]))
    if labelled != len(set(columns)):  # one row per column, or not a matrix
        return False  # (no list of the labels of a table of millions of rows)
    labels = [loose(str(as_text(r[0]) or "")) for r in sheet.rows if r and not is_blank(r[0])]
    return (
        len(labels) >= 2
        and len(columns) >= 2
        and set(labels) == set(columns)
        and len(labels) == len(set(labels))
    )


def _tie(value: Any) -> float | None:
    written = (as_text(value) or "").strip().lower()
    if written in _NO_TIE:
        return None
    if written in _TIE:
        return 1.0
    try:
        number = parse_number(value)
    except ValueError:
        return 1.0
    return number if number else None


def _matrix(sheet: RawSheet, notes: list[tuple[str, dict[str, Any]]], csv: bool) -> RawSheet:
    names = [str(h).strip() for h in sheet.header[1:]]
    cells: dict[tuple[int, int], tuple[float, int]] = {}
    for row, number in zip(sheet.rows, sheet.row_numbers, strict=True):
        if not row or is_blank(row[0]):
            continue
        i = next(k for k, n in enumerate(names) if loose(n) == loose(str(as_text(row[0]))))
        for j, value in enumerate(row[1 : len(names) + 1]):
            weight = _tie(value)
            if weight is not None and i != j:
                cells[i, j] = (weight, number)
    symmetric = all(cells.get((j, i), (None,))[0] == w for (i, j), (w, _) in cells.items())
    rows, numbers = [], []
    for (i, j), (weight, number) in sorted(cells.items(), key=lambda c: (c[1][1], c[0][1])):
        if symmetric and j < i:
            continue
        rows.append(
            [
                names[i],
                names[j],
                weight,
                "non" if symmetric else "oui",
                Supplied("interconnaissance"),
            ]
        )
        numbers.append(number)
    notes.append(("matrix_read", {"count": len(rows), "symmetric": str(symmetric)}))
    return RawSheet(
        _part("relations", sheet, csv),
        ["source", "cible", "intensite", "oriente", "type"],
        rows,
        numbers,
        sheet.header_row,
        sheet.column_letters,
    )


# -- refusal ------------------------------------------------------------------------------
def _not_understood(raw: RawWorkbook, sheet: RawSheet, lang: str) -> Exception:
    headers = [str(h) for h in sheet.header if h and str(h).strip()]
    wanted = ["nom", "source", "cible"]
    candidates = [h for h in headers]
    guess = ""
    for word in wanted:
        close = difflib.get_close_matches(key(word), [key(h) for h in candidates], n=1, cutoff=0.5)
        if close:
            guess = next(h for h in candidates if key(h) == close[0])
            break
    if not guess and headers:
        guess = next(
            (
                h
                for h in headers
                if not any(
                    isinstance(r[i], int | float)
                    for r in sheet.rows[:20]
                    for i in [sheet.header.index(h)]
                    if i < len(r)
                )
            ),
            headers[0],
        )
    return fatal(
        "table_not_understood",
        raw.file,
        lang=lang,
        sheet=sheet.name,
        row=sheet.header_row,
        headers=", ".join(headers) or "-",
        guess=guess or "-",
    )
