"""Reading the rows of one sheet: typed cell access that records a Problem for each bad cell."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .problems import ProblemLog
from .schema import SHEETS_BY_NAME, match_columns
from .sheets import RawSheet
from .values import BadValue, as_identifier, as_text, identifier_width, is_blank


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
        """Match the headers; record missing required and duplicated columns."""
        fields, extras, duplicates = match_columns(kind, raw.header)
        reader = cls(raw, kind, log, fields, extras)
        for field, positions in duplicates:
            log.error("column_duplicate", sheet=raw.name, row=raw.header_row,
                      column=raw.column_label(positions[1]),
                      first=raw.column_label(positions[0]),
                      second=raw.column_label(positions[1]))
        # A data column without a header is kept under its letter, with a warning.
        for position, header in enumerate(raw.header):
            if header:
                continue
            if any(not is_blank(row[position]) for row in raw.rows):
                label = raw.column_label(position)
                extras[label] = position
                log.warning("header_missing", sheet=raw.name, row=raw.header_row, column=label)
        return reader

    def missing_required(self, required: tuple[str, ...] | None = None) -> list[str]:
        """Record each required column that is absent; return their field names."""
        spec = SHEETS_BY_NAME[self.kind]
        wanted = spec.required_fields if required is None else required
        missing = [f for f in wanted if f not in self.fields]
        for field in missing:
            column = spec.column(field)
            self.log.error("column_missing", sheet=self.raw.name, row=self.raw.header_row,
                           column=column.fr, header_fr=column.fr, header_en=column.en)
        return missing

    def rows(self) -> Iterator[Row]:
        """The data rows; blank rows between data rows are reported as warnings."""
        for values, number in zip(self.raw.rows, self.raw.row_numbers, strict=True):
            if all(is_blank(v) for v in values):
                self.log.warning("empty_row", sheet=self.raw.name, row=number)
                continue
            yield Row(self, values, number)

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
        self.reader.log.error(code, sheet=self.reader.raw.name, row=self.number,
                              column=self.reader.header_of(field) if field else None, **values)

    def warning(self, code: str, field: str | None = None, **values: object) -> None:
        self.reader.log.warning(code, sheet=self.reader.raw.name, row=self.number,
                                column=self.reader.header_of(field) if field else None, **values)

    def text(self, field: str, *, required: bool = False) -> str | None:
        value = as_text(self.raw(field))
        if value is None and required:
            self.error("value_missing", field)
        return value

    def parsed(self, field: str, parser: Callable[[Any], Any]) -> Any:
        """The cell read by ``parser``; a bad value is recorded and gives None."""
        try:
            return parser(self.raw(field))
        except BadValue as bad:
            self.error(bad.code, field, **bad.values)
            return None

    def extras(self) -> dict[str, Any]:
        """The cells of the columns the format does not know, under their own header."""
        out: dict[str, Any] = {}
        for header, position in self.reader.extras.items():
            value = self.values[position]
            if is_blank(value):
                out[header] = None
                continue
            width = identifier_width(header)
            out[header] = as_identifier(value, width) if width is not None else _clean(value)
        return out


def _clean(value: Any) -> Any:
    """An extra cell's value: text trimmed, whole floats kept as floats (Excel's numbers)."""
    if isinstance(value, str):
        return value.strip()
    return value
