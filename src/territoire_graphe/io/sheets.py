"""Raw sheets: what every reader hands over before validation, whatever the file format.

A reader turns its file into a :class:`RawWorkbook` (sheets of raw cells with
their spreadsheet row numbers); :mod:`territoire_graphe.io.build` validates it
and builds the territory. So every format gets the same rules and messages.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Iterator, MutableSequence, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .schema import field_for, sheet_for
from .synonyms import field_of
from .values import as_text, is_blank, is_blank_row

_HEADER_SCAN = 20  # rows searched for the header line (users put titles above tables)


@dataclass
class RawSheet:
    """One sheet as read: its header, its data rows and their spreadsheet row numbers."""

    name: str
    header: list[str]
    rows: list[list[Any]]
    row_numbers: MutableSequence[int]  # an array('q') as read: no int object per row
    header_row: int = 1
    column_letters: bool = True  # whether columns are named like a spreadsheet's (A, B...)
    # Lines above the header holding several cells (not a mere title): not read, so reported.
    skipped_rows: list[int] = field(default_factory=list)
    # Headers of columns a converter set aside: kept as extra columns whatever they are named
    # (another tool's ``Influence`` = "High", Gephi's ``long``...).
    foreign: set[str] = field(default_factory=set)
    # Headers of a plain table that mean a field in its own words (« NOM DU LIEU » -> name).
    named: dict[str, str] = field(default_factory=dict)

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
    # Warnings found while reading the file itself (code, location and values), logged by build.
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a workbook is read.

    Reading creates hundreds of thousands of small containers (cells, rows, records,
    graph attributes) and nothing cyclic to collect: each full collection would scan
    them all again, which took over a third of the reading time of a large territory.
    On the way out, what survived is moved to the oldest generation without a scan
    (``freeze`` then ``unfreeze``), as the collector would have ended up doing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


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


def _header_score(sheet: str, row: Sequence[Any]) -> int:
    """How many distinct columns of contract sheet ``sheet`` a line names."""
    fields = {
        field_for(sheet, c) or field_of(sheet, c) for c in row if isinstance(c, str) and c.strip()
    }
    fields.discard(None)
    return len(fields)


def holds_table(sheet: RawSheet) -> bool:
    """Whether a sheet's header names two columns of a sheet of the format, over data rows.

    Tells a table of actors or relations put in a sheet named like a help sheet
    (``Aide``, ``Notice``...) from the instructions such sheets hold.
    """
    if sheet.name.startswith("_") or not any(not is_blank_row(r) for r in sheet.rows):
        return False  # "_listes": the template's own lists for drop-downs
    from .schema import SHEETS

    return any(_header_score(spec.name, sheet.header) >= 2 for spec in SHEETS)


def sheet_from_grid(
    name: str, grid: Sequence[Sequence[Any]], *, first_row: int = 1, own: bool = False
) -> RawSheet:
    """Find the header line of a grid of cells and split it into header and data rows.

    The header is the line, among the first rows, that names the most columns the
    sheet is known to have (the first filled line for other sheets); titles and
    blank lines above it are skipped. Rows are numbered as the spreadsheet numbers
    them, ``first_row`` being the grid's first.
    """
    spec = sheet_for(name)
    header_index = None
    best = 0
    first_filled = None
    for index, row in enumerate(grid[: _HEADER_SCAN + 1]):
        if is_blank_row(row):
            continue
        if first_filled is None:
            first_filled = index
            if spec is None:
                break
        score = _header_score(spec.name, row) if spec is not None else 0
        if score > best:
            header_index, best = index, score
    if header_index is None:
        header_index = first_filled
    if header_index is None:  # an empty sheet
        return RawSheet(name, [], [], [], first_row)
    header = [as_text(c) or "" for c in grid[header_index]]
    skipped = [
        first_row + i for i in range(header_index) if sum(not is_blank(c) for c in grid[i]) > 1
    ]
    # With ``own`` the grid is the caller's no more: its row lists become the sheet's
    # (a copy of millions of rows would double the memory of the read).
    rows = [r if own and r.__class__ is list else list(r) for r in grid[header_index + 1 :]]
    start = first_row + header_index + 1
    numbers = array("q", range(start, start + len(rows)))
    while rows and is_blank_row(rows[-1]):  # trailing blank lines are not data
        rows.pop()
        numbers.pop()
    width = max([len(header), *(len(r) for r in rows)]) if rows else len(header)
    header += [""] * (width - len(header))
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    # Drop trailing columns with neither header nor data (formatting leftovers).
    while header and not header[-1] and all(is_blank(r[len(header) - 1]) for r in rows):
        header.pop()
        for row in rows:
            row.pop()
    return RawSheet(name, header, rows, numbers, first_row + header_index, skipped_rows=skipped)
