"""Reading the rows of one sheet: typed cell access that records a Problem for each bad cell."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..model import (
    ACTOR_COLUMNS,
    COLLECTIVE_COLUMNS,
    MEMBERSHIP_COLUMNS,
    NEED_COLUMNS,
    PEOPLE_COLUMNS,
    RELATION_COLUMNS,
    RESOURCE_COLUMNS,
)
from ..text_keys import key
from .foreign import set_aside
from .formulas import CellError, Formula
from .problems import ProblemLog
from .schema import SHEETS_BY_NAME, match_columns, unique_name
from .sheets import RawSheet, column_letter
from .values import (
    Ambiguous,
    BadValue,
    as_identifier,
    as_text,
    identifier_width,
    is_blank,
    is_blank_row,
)

_READ: list[Any] = []  # in place of a row whose cells were let go (SheetReader.rows)

# Column names the reader computes, per sheet: an extra column never takes one.
_GRAPH_KEYS = ("id", "kind")
RESERVED_COLUMNS: dict[str, tuple[str, ...]] = {
    "actors": (*_GRAPH_KEYS, *ACTOR_COLUMNS, "resources", "needs"),
    "collectives": (*_GRAPH_KEYS, *COLLECTIVE_COLUMNS),
    "people": (*_GRAPH_KEYS, *PEOPLE_COLUMNS),
    "relations": (*_GRAPH_KEYS, *RELATION_COLUMNS),
    "flows": (*_GRAPH_KEYS, *RELATION_COLUMNS),
    "dependencies": (*_GRAPH_KEYS, *RELATION_COLUMNS),
    "memberships": (*_GRAPH_KEYS, *MEMBERSHIP_COLUMNS),
    "resources": (*_GRAPH_KEYS, *RESOURCE_COLUMNS),
    "needs": (*_GRAPH_KEYS, *NEED_COLUMNS),
    "types": (),
}


@dataclass
class SheetReader:
    """One workbook sheet matched to its contract sheet, ready to be read row by row."""

    raw: RawSheet
    kind: str  # internal name of the contract sheet ("actors", "relations", ...)
    log: ProblemLog
    fields: dict[str, int]
    extras: dict[str, int]

    @classmethod
    def open(cls, raw: RawSheet, kind: str, log: ProblemLog) -> SheetReader:
        """Match the headers; record missing required and duplicated columns.

        Extra columns keep their header as name, unless another extra column or a
        column the reader computes already has it: then they get ``"name (2)"``
        and a warning, so that nothing is overwritten or dropped.
        """
        fields, matched, duplicates = match_columns(kind, raw.header)
        if raw.foreign:  # columns of another tool set aside by its reader: extra columns
            fields, matched, duplicates = set_aside(
                raw.header, raw.foreign, fields, matched, duplicates
            )
        for header, field_name in raw.named.items():  # a plain table's own words
            if field_name not in fields and header in matched:
                fields[field_name] = matched.pop(header)
        for _field, positions in duplicates:
            log.error(
                "column_duplicate",
                sheet=raw.name,
                row=raw.header_row,
                column=raw.column_label(positions[1]),
                first=raw.column_label(positions[0]),
                second=raw.column_label(positions[1]),
            )
        # A data column without a header is kept under its letter, with a warning.
        kept = set(matched.values())
        for position, header in enumerate(raw.header):
            if not header and any(not is_blank(row[position]) for row in raw.rows):
                log.warning(
                    "header_missing",
                    sheet=raw.name,
                    row=raw.header_row,
                    column=raw.column_label(position),
                )
                kept.add(position)
        taken = set(RESERVED_COLUMNS[kind])
        extras: dict[str, int] = {}
        for position in sorted(kept):
            header = raw.column_label(position)
            name = unique_name(header, taken)
            if name != header:
                log.warning(
                    "column_renamed",
                    sheet=raw.name,
                    row=raw.header_row,
                    column=raw.column_label(position),
                    value=header,
                    name=name,
                )
            taken.add(name)
            extras[name] = position
        return cls(raw, kind, log, fields, extras)

    def missing_required(self, required: tuple[str, ...] | None = None) -> list[str]:
        """Record each required column that is absent; return their field names."""
        spec = SHEETS_BY_NAME[self.kind]
        wanted = spec.required_fields if required is None else required
        missing = [f for f in wanted if f not in self.fields]
        for field in missing:
            column = spec.column(field)
            self.log.error(
                "column_missing",
                sheet=self.raw.name,
                row=self.raw.header_row,
                column=column.en if self._english() else column.fr,
                header_fr=column.fr,
                header_en=column.en,
            )
        return missing

    def _english(self) -> bool:
        """Whether the sheet is written in English (to name a missing column as it would be)."""
        spec = SHEETS_BY_NAME[self.kind]
        english = french = 0
        for field in self.fields:
            written = key(self.raw.header[self.fields[field]])
            column = spec.column(field)
            english += written == key(column.en) != key(column.fr)
            french += written == key(column.fr) != key(column.en)
        if english != french:
            return english > french
        sheet = key(self.raw.name)
        if sheet != key(spec.fr) and sheet == key(spec.en):
            return True
        return self.log.lang == "en" and sheet != key(spec.fr)

    def rows(self, *, consume: bool = False) -> Iterator[Row]:
        """The data rows; blank rows between data rows are reported as warnings.

        With ``consume``, each row's cells are let go once it has been read (the sheet
        is not read again): millions of rows then never sit beside what was made of them.
        """
        cells = self.raw.rows
        for index, number in enumerate(self.raw.row_numbers):
            values = cells[index]
            if is_blank_row(values):
                self.log.warning("empty_row", sheet=self.raw.name, row=number)
            else:
                yield Row(self, values, number)
            if consume:
                cells[index] = _READ

    @cached_property
    def parsed_texts(self) -> dict[tuple[Callable[[Any], Any], str], tuple[Any, BadValue | None]]:
        """What each text cell gave each parser (or the problem it raised)."""
        return {}

    @cached_property
    def extra_plan(self) -> list[tuple[str, int, int | None]]:
        """Each extra column: its name, its position, its identifier width (None: not one)."""
        return [(name, position, identifier_width(name)) for name, position in self.extras.items()]

    def header_of(self, field: str) -> str:
        position = self.fields.get(field)
        if position is None:
            return SHEETS_BY_NAME[self.kind].column(field).fr
        return self.raw.column_label(position)

    def extra_columns(self) -> list[str]:
        return list(self.extras)


class Row:
    """One data row; accessors return typed values and record problems for bad cells."""

    __slots__ = ("number", "ok", "reader", "values")

    def __init__(self, reader: SheetReader, values: list[Any], number: int):
        self.reader = reader
        self.values = values
        self.number = number
        self.ok = True  # False once an error was recorded for this row

    def raw(self, field: str) -> Any:
        position = self.reader.fields.get(field)
        return None if position is None else self.values[position]

    def error(self, code: str, field: str | None = None, **values: object) -> None:
        self.ok = False
        self.reader.log.error(
            code,
            sheet=self.reader.raw.name,
            row=self.number,
            column=self.reader.header_of(field) if field else None,
            **values,
        )

    def warning(self, code: str, field: str | None = None, **values: object) -> None:
        self.reader.log.warning(
            code,
            sheet=self.reader.raw.name,
            row=self.number,
            column=self.reader.header_of(field) if field else None,
            **values,
        )

    def text(self, field: str, *, required: bool = False) -> str | None:
        position = self.reader.fields.get(field)
        value = None if position is None else self.values[position]
        if value.__class__ is str:
            value = value.strip() or None
        elif required and isinstance(value, CellError):
            self.error("cell_error", field, value=str(value))
            return None
        else:
            if isinstance(value, Formula) and not isinstance(value, CellError):
                assert position is not None  # a Formula is a cell's value
                self.warning(
                    "formula_uncomputed_text",
                    field,
                    value=str(value)[:80],
                    cell=f"{column_letter(position)}{self.number}",
                )
            value = as_text(value)
        if value is None and required:
            if position is None:  # the whole column is missing: that error is recorded
                self.ok = False
            else:
                self.error("value_missing", field)
        return value

    def parsed(self, field: str, parser: Callable[[Any], Any]) -> Any:
        """The cell read by ``parser``; a bad value is recorded and gives None."""
        position = self.reader.fields.get(field)
        if position is None:
            return None
        value = self.values[position]
        if value is None or value == "":
            return None
        if value.__class__ is str:  # the same texts recur ("oui", "2,5"): read each once
            memo = self.reader.parsed_texts
            found = memo.get((parser, value))
            if found is None:
                try:
                    found = memo[(parser, value)] = (parser(value), None)
                except BadValue as raised:
                    found = memo[(parser, value)] = (None, raised)
            result, bad = found
            if isinstance(bad, Ambiguous):  # read, with a warning saying how
                self.warning(bad.code, field, **bad.values)
                return bad.result
            if bad is not None:
                self.error(bad.code, field, **bad.values)
            return result
        if isinstance(value, CellError):
            self.error("cell_error", field, value=str(value))
            return None
        if isinstance(value, Formula):
            self.warning("formula_not_computed", field, value=str(value))
            return None
        try:
            return parser(value)
        except Ambiguous as bad:
            self.warning(bad.code, field, **bad.values)
            return bad.result
        except BadValue as bad:
            self.error(bad.code, field, **bad.values)
            return None

    def extras(self) -> dict[str, Any]:
        """The cells of the columns the format does not know, under their own header."""
        out: dict[str, Any] = {}
        values = self.values
        for header, position, width in self.reader.extra_plan:
            value = values[position]
            if isinstance(value, str):
                value = value.strip() or None
            elif value is not None and value != value:  # NaN
                value = None
            if value is not None and width is not None:
                value = as_identifier(value, width)
            out[header] = value  # other values as read: Excel's numbers, dates, booleans
        return out
