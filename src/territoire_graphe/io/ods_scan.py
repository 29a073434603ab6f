"""The extent of each table of an .ods workbook, streaming, before calamine lays it out densely.

OpenDocument repeats rows and cells (``table:number-rows-repeated="1048570"``) rather
than writing them: a value after a million repeated empty rows is a few bytes of XML
and, for calamine, a rectangle of a billion cells. The scan adds the repeats up for
cells that hold something, so the extent is known before anything is allocated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .limits import Limits
from .problems import fatal
from .sheets import column_letter

_ELEMENT = re.compile(
    rb"<table:table(?=[\s>])([^>]*)>"  # 1: a table (a sheet)
    rb"|<table:table-row(?=[\s/>])([^>]*?)(/?)>"  # 2, 3: a row (empty or not)
    rb"|<table:(?:covered-)?table-cell(?=[\s/>])([^>]*?)(/?)>"
)  # 4, 5: a cell, maybe empty
_NAME = re.compile(rb'\btable:name="([^"]*)"')
_ROWS = re.compile(rb'\btable:number-rows-repeated="(\d+)"')
_COLUMNS = re.compile(rb'\btable:number-columns-repeated="(\d+)"')
_VALUE = re.compile(rb"\boffice:value-type=")


def _repeat(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return max(1, min(int(found.group(1)), 1 << 40)) if found else 1


class _Table:
    def __init__(self, name: str):
        self.name = name
        self.row = -1  # the first row of the current row element (0-based)
        self.row_repeat = 1
        self.column = 0  # the next column of the current row
        self.rows = self.columns = self.filled = 0

    def cell(self, attributes: bytes, empty: bool) -> None:
        repeat = _repeat(_COLUMNS, attributes)
        if not empty or _VALUE.search(attributes):  # content: text, or a typed value
            self.rows = max(self.rows, self.row + self.row_repeat)
            self.columns = max(self.columns, self.column + repeat)
            self.filled += repeat * self.row_repeat
        self.column += repeat


def check_ods(
    chunks: Iterable[bytes], *, limits: Limits, display: str, lang: str | None = None
) -> None:
    """Refuse (``sheet_range_too_large``) an .ods table far larger than what it holds.

    ``chunks`` is the inflated ``content.xml``, in pieces.
    """
    table: _Table | None = None
    pending = b""

    def finish(done: _Table | None) -> None:
        if done is not None and not limits.allows_sheet(
            rows=done.rows, columns=done.columns, filled=done.filled
        ):
            cell = f"{column_letter(max(done.columns - 1, 0))}{done.rows}"
            raise fatal(
                "sheet_range_too_large",
                display,
                lang=lang,
                sheet=done.name,
                cell=cell,
                area=done.rows * done.columns,
                filled=done.filled,
            )

    for chunk in chunks:
        buffer = pending + chunk
        end = 0
        for found in _ELEMENT.finditer(buffer):
            end = found.end()
            sheet, row, _, cell, cell_empty = found.groups()
            if sheet is not None:
                finish(table)
                name = _NAME.search(sheet)
                table = _Table(name.group(1).decode("utf-8", "replace") if name else "?")
            elif table is None:
                continue
            elif row is not None:
                table.row += table.row_repeat
                table.row_repeat = _repeat(_ROWS, row)
                table.column = 0
            else:
                table.cell(cell, empty=cell_empty == b"/")
        last = buffer.rfind(b"<", end)
        pending = buffer[last:] if last != -1 else b""
        if len(pending) > limits.cell_bytes:
            raise fatal("cell_too_large", display, lang=lang, limit=limits.cell_bytes)
    finish(table)
