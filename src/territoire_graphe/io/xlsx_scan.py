"""Looking inside a zipped workbook before it is parsed, streaming, under the read's limits.

calamine lays each sheet out as a dense rectangle from A1 to the last filled cell:
one space in XFD1048576 asks it for hundreds of gigabytes and the process aborts.
So, before calamine sees the file, every part of the archive is inflated here in
chunks (never whole), the inflated bytes counted against :class:`.Limits`, and each
sheet's cells are scanned: the last row and column, how many cells are filled,
and the formulas that were never computed. Nothing is kept but
those few figures.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO

from .formulas import Formula, formula_in, sheet_parts
from .limits import Limits
from .ods_scan import check_ods
from .problems import InputError, fatal
from .sheets import column_letter

_CHUNK = 1 << 20
_ELEMENT = re.compile(
    rb"<(?:\w+:)?row\b([^>]*)>"  # 1: a row's attributes
    rb"|<(?:\w+:)?c\b([^>]*?)/>"  # 2: an empty cell
    rb"|<(?:\w+:)?c\b([^>]*)>(.*?)</(?:\w+:)?c>",  # 3, 4: a cell and its content
    re.S,
)
# The common case, fast: unprefixed cells whose reference is their first attribute.
_FILLED_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>/]*>')  # not the empty <c .../>
_ROW_NUMBERS = re.compile(rb'<row r="(\d+)"')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')


@dataclass
class SheetScan:
    """What the scan of one sheet found: its extent, its filled cells, its formulas."""

    name: str
    rows: int = 0  # 1 + the last row holding a cell with content (0-based + 1)
    columns: int = 0
    filled: int = 0
    last_cell: str = "A1"
    formulas: dict[tuple[int, int], Formula] = field(default_factory=dict)


class _Budget:
    """The inflated bytes still allowed for the whole archive."""

    def __init__(self, cap: int, file_size: int, display: str, lang: str | None):
        self.left = cap
        self.cap, self.file_size, self.display, self.lang = cap, file_size, display, lang

    def spend(self, count: int, part: str) -> None:
        self.left -= count
        if self.left < 0:
            raise fatal(
                "archive_too_large",
                self.display,
                lang=self.lang,
                part=part,
                limit=self.cap,
                size=self.file_size,
            )


def scan_archive(
    archive: zipfile.ZipFile,
    *,
    file_size: int,
    limits: Limits,
    display: str,
    lang: str | None = None,
) -> dict[str, SheetScan]:
    """Check a zipped workbook against ``limits`` and scan its sheets; sheet name -> scan.

    Raises :class:`InputError` (``archive_too_large``, ``cell_too_large``,
    ``sheet_range_too_large``) for a file that would take far more memory than it holds.
    """
    cap = limits.inflated_cap(file_size)
    declared = sum(info.file_size for info in archive.infolist())
    if declared > cap:  # the central directory already says so: nothing to inflate
        biggest = max(archive.infolist(), key=lambda info: info.file_size)
        raise fatal(
            "archive_too_large",
            display,
            lang=lang,
            part=biggest.filename,
            limit=cap,
            size=file_size,
        )
    budget = _Budget(cap, file_size, display, lang)
    sheets = sheet_parts(archive)
    by_part = {part: name for name, part in sheets.items()}
    scans: dict[str, SheetScan] = {}
    for info in archive.infolist():
        if info.is_dir():
            continue
        with archive.open(info) as stream:
            name = by_part.get(info.filename)
            if info.filename == "content.xml" and not sheets:  # an OpenDocument spreadsheet
                check_ods(
                    _chunks(stream, budget, info.filename),
                    limits=limits,
                    display=display,
                    lang=lang,
                )
            elif name is None:
                _drain(stream, budget, info.filename)
            else:
                scans[name] = _scan_sheet(
                    stream, name, budget, info.filename, limits, display, lang
                )
    return scans


def _drain(stream: IO[bytes], budget: _Budget, part: str) -> None:
    while chunk := stream.read(_CHUNK):
        budget.spend(len(chunk), part)


def _chunks(stream: IO[bytes], budget: _Budget, part: str) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK):
        budget.spend(len(chunk), part)
        yield chunk


def _scan_sheet(
    stream: IO[bytes],
    name: str,
    budget: _Budget,
    part: str,
    limits: Limits,
    display: str,
    lang: str | None,
) -> SheetScan:
    """Scan a sheet's XML slice by slice, each slice ending before the last cell started."""
    scan = SheetScan(name)
    state = [-1, -1]  # the current 0-based row and column, for cells without a reference
    pending = b""
    for chunk in _chunks(stream, budget, part):
        buffer = pending + chunk
        end = buffer.find(b"sheetData>", max(0, len(pending) - 16))
        if end != -1 and buffer[end - 1 : end] in (b"/", b":"):  # </sheetData>: no cell after it
            _scan_slice(scan, buffer[:end], state)
            pending = b""
            _drain(stream, budget, part)
            break
        cut = _last_start(buffer)
        _scan_slice(scan, buffer[:cut], state)
        pending = buffer[cut:]
        if len(pending) > limits.cell_bytes:
            raise fatal("cell_too_large", display, lang=lang, sheet=name, limit=limits.cell_bytes)
    _scan_slice(scan, pending, state)
    if not limits.allows_sheet(rows=scan.rows, columns=scan.columns, filled=scan.filled):
        raise fatal(
            "sheet_range_too_large",
            display,
            lang=lang,
            sheet=name,
            cell=scan.last_cell,
            area=scan.rows * scan.columns,
            filled=scan.filled,
        )
    return scan


def _last_start(buffer: bytes) -> int:
    """Where the last row or cell element of ``buffer`` starts (or a safe cut without any)."""
    start = max(buffer.rfind(b"<c "), buffer.rfind(b"<c>"), buffer.rfind(b"<row"))
    prefixed = max(buffer.rfind(b":c "), buffer.rfind(b":c>"), buffer.rfind(b":row"))
    if prefixed > start:
        start = max(buffer.rfind(b"<", 0, prefixed), 0)
    if start == -1:  # no element at all (blanks, text): keep what may be a tag cut short
        return max(len(buffer) - 16, 0)
    return start


def _scan_slice(scan: SheetScan, xml: bytes, state: list[int]) -> None:
    """Count the cells of a slice holding only whole elements (the last one may be cut)."""
    if not xml:
        return
    starts = xml.count(b"<c ") + xml.count(b"<c>")
    if (
        starts != xml.count(b'<c r="')
        or b"<f" in xml
        or b't="e"' in xml
        or b":c " in xml
        or b":c>" in xml
    ):
        _scan_each(scan, xml, state)  # formulas, errors or cells placed by their order
        return
    filled = _FILLED_REF.findall(xml)
    if filled:
        scan.filled += len(filled)
        rows = max(int(number) for number in {number for _, number in filled})
        letters = {letters for letters, _ in filled}
        columns = max(_column_index(letter) for letter in letters) + 1
        _extend(scan, rows, columns)
    numbers = _ROW_NUMBERS.findall(xml)
    if numbers:
        state[0], state[1] = int(numbers[-1]) - 1, -1


def _scan_each(scan: SheetScan, xml: bytes, state: list[int]) -> None:
    """The exact scan, element by element: positions of cells without reference, formulas."""
    row, column = state
    for found in _ELEMENT.finditer(xml):
        row_attributes, empty, attributes, inner = found.groups()
        if row_attributes is not None:
            number = _ROW_NUMBER.search(row_attributes)
            row = int(number.group(1)) - 1 if number else row + 1
            column = -1
        else:
            row, column = _position(empty if empty is not None else attributes, row, column)
            if empty is None:
                scan.filled += 1
                _extend(scan, row + 1, column + 1)
                formula = formula_in(attributes, inner)
                if formula is not None:
                    scan.formulas[(row, column)] = formula
    state[0], state[1] = row, column


def _extend(scan: SheetScan, rows: int, columns: int) -> None:
    """Grow the sheet's extent to ``rows`` x ``columns``, naming its farthest cell."""
    if rows > scan.rows or columns > scan.columns:
        scan.rows, scan.columns = max(scan.rows, rows), max(scan.columns, columns)
        scan.last_cell = f"{column_letter(scan.columns - 1)}{scan.rows}"


def _position(attributes: bytes, row: int, column: int) -> tuple[int, int]:
    """The 0-based (row, column) of a cell: its reference, else next to the previous one."""
    reference = _CELL_REF.search(attributes)
    if reference is None:
        return max(row, 0), column + 1
    letters, number = reference.groups()
    return int(number) - 1, _column_index(letters)


@lru_cache(maxsize=4096)
def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


__all__ = ["InputError", "SheetScan", "scan_archive"]
