"""Formulas that were never computed, in .xlsx files written by programs rather than by Excel.

Excel and LibreOffice save the value of every formula with it, and that value is
what is read. Files written by libraries (openpyxl...) often hold formulas with no
saved value, and any text starting with "=" typed through such a library becomes
one. Rather than dropping such a cell, it is kept as its formula text, marked as
a :class:`Formula` so that number, yes/no and date columns can tell it apart from
a value. Nothing is ever executed.

The cells are found by the streaming scan of :mod:`.xlsx_scan`, one cell at a
time: a sheet's XML is never read whole.
"""

from __future__ import annotations

import html
import re
import zipfile
from typing import Any

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_NAME = re.compile(rb'\bname="([^"]*)"')
_RID = re.compile(rb'\b(?:\w+:)?id="([^"]*)"')
_REL = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_TARGET = re.compile(rb'\bTarget="([^"]*)"')
_REL_ID = re.compile(rb'\bId="([^"]*)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b[^>]*>(.*?)</(?:\w+:)?f>", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
_INLINE = re.compile(rb"<(?:\w+:)?is>", re.S)
_ERROR_TYPE = re.compile(rb'\bt="e"')
_PART_CAP = 64 * 2**20  # workbook.xml and its relationships: a few kilobytes in practice


class Formula(str):
    """The text of a formula whose value was never computed (``"=A1+1"``)."""

    __slots__ = ()


class CellError(Formula):
    """An error a formula gave (``"#N/A"``, ``"#REF!"``): shown as such in the spreadsheet."""

    __slots__ = ()


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the archive part holding it, from the workbook and its relationships.

    Empty for an archive that is not an .xlsx/.xlsm workbook (an .ods...).
    """
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    targets: dict[bytes, str] = {}
    for element in _REL.findall(_read_small(archive, "xl/_rels/workbook.xml.rels")):
        rel_id, target = _REL_ID.search(element), _TARGET.search(element)
        if rel_id and target:
            targets[rel_id.group(1)] = target.group(1).decode("utf-8", "replace")
    parts: dict[str, str] = {}
    for element in _SHEET.findall(_read_small(archive, "xl/workbook.xml")):
        name, rel_id = _NAME.search(element), _RID.search(element)
        if not name or not rel_id or rel_id.group(1) not in targets:
            continue
        where = targets[rel_id.group(1)]
        part = where.lstrip("/") if where.startswith("/") else f"xl/{where}"
        if part in names:
            parts[html.unescape(name.group(1).decode("utf-8", "replace"))] = part
    return parts


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    """A small part, read whole but never past ``_PART_CAP`` (its declared size may lie)."""
    with archive.open(name) as stream:
        return stream.read(_PART_CAP)


def formula_in(attributes: bytes, inner: bytes) -> Formula | None:
    """The uncomputed formula (or error value) of one ``<c>`` element, else None.

    >>> formula_in(b'r="A1"', b"<f>1+1</f>")
    '=1+1'
    >>> formula_in(b'r="A1"', b"<f>1+1</f><v>2</v>") is None
    True
    >>> type(formula_in(b'r="B2" t="e"', b"<v>#N/A</v>")).__name__
    'CellError'
    """
    if _ERROR_TYPE.search(attributes):  # an error value (#N/A...), which calamine leaves empty
        value = _VALUE.search(inner)
        if value is not None and value.group(1):
            return CellError(html.unescape(value.group(1).decode("utf-8", "replace")))
        return None
    if b"f" not in inner:
        return None
    formula = _FORMULA.search(inner)
    if formula is None or not formula.group(1).strip():
        return None  # no formula, or a shared one that only points to its master cell
    value = _VALUE.search(inner)
    if (value is not None and value.group(1)) or _INLINE.search(inner):
        return None  # computed: its saved value is what is read
    return Formula("=" + html.unescape(formula.group(1).decode("utf-8", "replace")))


def fill_in(grid: list[list[Any]], formulas: dict[tuple[int, int], Formula]) -> None:
    """Put each uncomputed formula in its (empty) cell of ``grid``, growing it if needed."""
    for (row, column), formula in formulas.items():
        while len(grid) <= row:
            grid.append([])
        cells = grid[row]
        if len(cells) <= column:
            cells.extend([""] * (column + 1 - len(cells)))
        if cells[column] in ("", None):
            cells[column] = formula
