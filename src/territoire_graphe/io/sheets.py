"""Raw sheets: what every reader hands over before validation, whatever the file format.

A reader turns its file into a :class:`RawWorkbook` (sheets of raw cells with
their spreadsheet row numbers); :mod:`territoire_graphe.io.build` validates it
and builds the territory. So every format gets the same rules and messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..text_keys import key
from .schema import SHEETS_BY_NAME, sheet_for
from .values import is_blank

_HEADER_SCAN = 20  # rows searched for the header line (users put titles above tables)


@dataclass
class RawSheet:
    """One sheet as read: its header, its data rows and their spreadsheet row numbers."""

    name: str
    header: list[str]
    rows: list[list[Any]]
    row_numbers: list[int]
    header_row: int = 1
    column_letters: bool = True  # whether columns are named like a spreadsheet's (A, B...)

    def column_label(self, position: int) -> str:
        """How a person finds a column: its header, or its letter when it has none."""
        header = self.header[position] if position < len(self.header) else ""
        if header and str(header).strip():
            return str(header).strip()
        return column_letter(position) if self.column_letters else str(position + 1)


@dataclass
class RawWorkbook:
    """Every sheet of one source, and where it came from."""

    file: str
    sheets: list[RawSheet] = field(default_factory=list)
    source_format: str = "xlsx"


def column_letter(position: int) -> str:
    """Spreadsheet letter of a 0-based column position.

    >>> column_letter(0), column_letter(25), column_letter(26)
    ('A', 'Z', 'AA')
    """
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _is_blank_row(row: Sequence[Any]) -> bool:
    return all(is_blank(cell) for cell in row)


def sheet_from_grid(name: str, grid: Sequence[Sequence[Any]], *, first_row: int = 1) -> RawSheet:
    """Find the header line of a grid of cells and split it into header and data rows.

    The header is the first line (among the first rows) holding a column name the
    sheet is known to have; titles and blank lines above it are skipped. Rows are
    numbered as the spreadsheet numbers them, ``first_row`` being the grid's first.
    """
    spec = sheet_for(name)
    known: set[str] = set()
    if spec is not None:
        for column in SHEETS_BY_NAME[spec.name].columns:
            known.update(key(h) for h in column.headers())
    header_index = None
    first_filled = None
    for index, row in enumerate(grid[: _HEADER_SCAN + 1]):
        if _is_blank_row(row):
            continue
        if first_filled is None:
            first_filled = index
        if not known or any(isinstance(c, str) and key(c) in known for c in row):
            header_index = index
            break
    if header_index is None:
        header_index = first_filled
    if header_index is None:  # an empty sheet
        return RawSheet(name, [], [], [], first_row)
    header = ["" if is_blank(c) else str(c).strip() for c in grid[header_index]]
    rows = [list(r) for r in grid[header_index + 1:]]
    numbers = [first_row + header_index + 1 + i for i in range(len(rows))]
    while rows and _is_blank_row(rows[-1]):  # trailing blank lines are not data
        rows.pop()
        numbers.pop()
    width = max([len(header), *(len(r) for r in rows)]) if rows else len(header)
    header += [""] * (width - len(header))
    for row in rows:
        row.extend([""] * (width - len(row)))
    # Drop trailing columns with neither header nor data (formatting leftovers).
    while header and not header[-1] and all(is_blank(r[len(header) - 1]) for r in rows):
        header.pop()
        for row in rows:
            row.pop()
    return RawSheet(name, header, rows, numbers, first_row + header_index)
