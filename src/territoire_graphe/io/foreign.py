"""Columns of other tools' files that only look like workbook columns (FORMAT.md section 1).

A file written by Kumu, Onodo, Gephi, yEd, Cytoscape or any GraphML, GEXF or JSON
tool is not a workbook typed by hand. One of its columns may bear the name of a
workbook column without meaning it: Kumu's ``Influence`` = "High", Gephi's
``long`` (a Gephi integer type, not a longitude), a trade file's ``direction`` =
"Exp". Such a column -- one whose values do not all fit the workbook column -- is
kept as an extra column under its own name, with a warning
(``column_foreign``), never a reason to refuse the file.

:func:`mark_foreign` looks at the sheets of such a file and sets those columns
aside (:attr:`RawSheet.foreign`); :func:`set_aside` is how the sheet reader
then treats them.

>>> from .sheets import RawSheet, RawWorkbook
>>> raw = RawWorkbook("k.xlsx", [RawSheet("Elements", ["Label", "Influence"],
...                                       [["A", "High"], ["B", 3]], [2, 3])])
>>> mark_foreign(raw)
>>> raw.sheets[0].foreign, raw.notes[0][0]
({'Influence'}, 'column_foreign')
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..text_keys import key
from ..vocabulary import Match
from .schema import match_columns, sheet_for
from .sheets import RawSheet, RawWorkbook
from .values import BadValue, Supplied, as_text, is_blank, parse_bool, parse_date, parse_number


class Foreign(str):
    """An actor or collective type written by another tool (Kumu's "State", "Country").

    It matches the vocabulary only when it is written as a type's own name: an
    English word of another tool may mean something else ("State", a US state, is
    not the French State), so no alias and no probable-typo suggestion applies.
    """

    __slots__ = ()


def certain(match: Match, written: str) -> Match:
    """``match`` if ``written`` is the type's own name, else ``written`` as a new type.

    >>> certain(Match("État / service déconcentré", "known"), "State").status
    'unknown'
    >>> certain(Match("association", "known"), "Association").status
    'known'
    """
    if match.status == "known" and key(match.name) == key(written):
        return match
    return Match(" ".join(written.split()), "unknown")


# The source formats (``RawWorkbook.source_format``) of files written by other tools.
FOREIGN_FORMATS = ("graphml", "gexf", "json", "gephi", "gml", "pajek", "ucinet", "kumu")


def _in_range(low: float, high: float) -> Callable[[Any], bool]:
    def fits(value: Any) -> bool:
        number = parse_number(value)
        return number is None or low <= number <= high

    return fits


def _parses(parser: Callable[[Any], Any]) -> Callable[[Any], bool]:
    def fits(value: Any) -> bool:
        parser(value)
        return True

    return fits


def _positive(value: Any) -> bool:
    number = parse_number(value)
    return number is None or number >= 0


# The workbook columns whose values have a form, and the test a value must pass.
_CHECKS: dict[str, dict[str, Callable[[Any], bool]]] = {
    "actors": {
        "influence": _in_range(0, 5),
        "interest": _in_range(0, 5),
        "latitude": _in_range(-90, 90),
        "longitude": _in_range(-180, 180),
    },
    "relations": {
        "weight": _positive,
        "directed": _parses(parse_bool),
        "start": _parses(parse_date),
        "end": _parses(parse_date),
        "quantity": _parses(parse_number),
    },
    "memberships": {"start": _parses(parse_date), "end": _parses(parse_date)},
    "collectives": {},
    "people": {},
}
_CHECKS["flows"] = _CHECKS["dependencies"] = _CHECKS["relations"]


def _fits(check: Callable[[Any], bool], value: Any) -> bool:
    try:
        return check(value)
    except BadValue:
        return False


def mark_foreign(raw: RawWorkbook, *, own: tuple[str, ...] = ()) -> None:
    """Set aside, in every sheet of another tool's file, the columns whose values don't fit.

    ``own`` names the fields the tool's layout defines itself (Kumu's ``Direction``):
    those are never set aside, their bad values are errors. Actor and collective
    types are marked :class:`Foreign` (matched only when certain).
    """
    for sheet in raw.sheets:
        spec = sheet_for(sheet.name)
        if spec is not None and spec.name in ("actors", "collectives"):
            _mark_types(sheet, spec.name)
        if spec is None or spec.name not in _CHECKS:
            continue
        checks = _CHECKS[spec.name]
        fields, _, duplicates = match_columns(spec.name, sheet.header)
        for field_name, positions in duplicates:  # Onodo's "Actor" (who plays) beside "Name"
            column = spec.column(field_name)
            official = {key(h) for h in (column.fr, column.en, column.field)}
            keep = min(positions, key=lambda p: (key(sheet.header[p]) not in official, p))
            fields[field_name] = keep
            for position in positions:
                if position != keep:
                    _aside(raw, sheet, position, field_name, None)
        for field_name, position in fields.items():
            check = checks.get(field_name)
            if check is None or field_name in own:
                continue
            bad = next((v for v in _column(sheet, position) if not _fits(check, v)), None)
            if bad is None:
                continue
            _aside(raw, sheet, position, field_name, bad)


def _aside(raw: RawWorkbook, sheet: RawSheet, position: int, field_name: str, bad: Any) -> None:
    """Set one column aside, with the warning that says why (a bad value, or a repeat)."""
    header = sheet.header[position]
    sheet.foreign.add(header)
    where = {
        "sheet": sheet.name,
        "row": sheet.header_row or None,
        "column": header,
        "header": header,
        "field": field_name,
    }
    if bad is None:
        raw.notes.append(("column_foreign_repeat", where))
    else:
        raw.notes.append(("column_foreign", {**where, "value": as_text(bad) or ""}))


def looks_like_onodo(raw: RawWorkbook) -> bool:
    """Whether a workbook is Onodo's (sheets ``Nodes`` and ``Relations``, and nothing else)."""
    return {key(s.name) for s in raw.sheets} == {"node", "relation"}


def _mark_types(sheet: RawSheet, kind: str) -> None:
    position = match_columns(kind, sheet.header)[0].get("type")
    if position is None:
        return
    for row in sheet.rows:
        value = row[position] if position < len(row) else None
        if isinstance(value, str) and not isinstance(value, Supplied | Foreign):
            row[position] = Foreign(value)


def _column(sheet: RawSheet, position: int) -> list[Any]:
    return [
        row[position] for row in sheet.rows if position < len(row) and not is_blank(row[position])
    ]


def set_aside(
    header: list[str],
    foreign: set[str],
    fields: dict[str, int],
    extras: dict[str, int],
    duplicates: list[tuple[str, list[int]]],
) -> tuple[dict[str, int], dict[str, int], list[tuple[str, list[int]]]]:
    """The column matching once the foreign columns are extra columns under their own name."""
    aside = {p for p, h in enumerate(header) if h in foreign}
    positions: dict[str, list[int]] = {}
    for field_name, position in fields.items():
        positions[field_name] = [position]
    for field_name, written in duplicates:
        positions[field_name] = list(written)
    kept_fields: dict[str, int] = {}
    kept_duplicates: list[tuple[str, list[int]]] = []
    for field_name, written in positions.items():
        left = [p for p in written if p not in aside]
        if left:
            kept_fields[field_name] = left[0]
        if len(left) > 1:
            kept_duplicates.append((field_name, left))
    new_extras = dict(extras)
    for position in sorted(aside):
        new_extras[str(header[position]).strip()] = position
    return kept_fields, new_extras, kept_duplicates


def declare_cited(raw: RawWorkbook) -> None:
    """Add to the actors sheet the names the relation sheets cite but no row declares.

    Another tool's file (Kumu creates the elements a connection names) is not
    refused for it: one warning lists them (FORMAT.md section 1).
    """
    from ..text_keys import loose
    from .graphtools import listing

    actors = next(
        (
            s
            for s in raw.sheets
            if (spec := sheet_for(s.name)) is not None and spec.name == "actors"
        ),
        None,
    )
    if actors is None:
        return
    fields = match_columns("actors", actors.header)[0]
    if "name" not in fields:
        return
    known: set[str] = set()
    for sheet in raw.sheets:  # relations name actors, and people (collectives: memberships)
        spec = sheet_for(sheet.name)
        if spec is not None and spec.name in ("actors", "collectives", "people"):
            known |= {
                loose(str(r[p]))
                for r in sheet.rows
                for f, p in match_columns(spec.name, sheet.header)[0].items()
                if f in ("id", "name") and p < len(r) and not is_blank(r[p])
            }
    missing: dict[str, str] = {}
    cited_in = ""
    for sheet in raw.sheets:
        spec = sheet_for(sheet.name)
        if spec is None or spec.name not in ("relations", "flows", "dependencies"):
            continue
        ends = [
            p
            for f, p in match_columns(spec.name, sheet.header)[0].items()
            if f in ("source", "target")
        ]
        for row in sheet.rows:
            for position in ends:
                value = as_text(row[position]) if position < len(row) else None
                if value is not None and loose(value) not in known:
                    missing.setdefault(loose(value), value)
                    cited_in = cited_in or sheet.name
    if not missing:
        return
    start = max(actors.row_numbers, default=actors.header_row)
    for number, name in enumerate(missing.values(), start=start + 1):
        added: list[Any] = [None] * len(actors.header)
        added[fields["name"]] = name
        if "type" in fields:
            added[fields["type"]] = Supplied("autre")
        actors.rows.append(added)
        actors.row_numbers.append(number)
    raw.notes.append(
        (
            "nodes_undeclared",
            {"sheet": cited_in, "count": len(missing), "names": listing(list(missing.values()))},
        )
    )
