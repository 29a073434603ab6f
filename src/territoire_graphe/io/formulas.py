"""Formulas that were never computed, in .xlsx files written by programs rather than by Excel.

Excel and LibreOffice save the value of every formula with it, and that value is
what is read. Files written by libraries (openpyxl...) often hold formulas with no
saved value, and any text starting with "=" typed through such a library becomes
one. Rather than dropping such a cell, it is kept as its formula text, marked as
a :class:`Formula` so that number, yes/no and date columns can tell it apart from
a value. Nothing is ever executed.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from typing import Any

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_NAME = re.compile(rb'\bname="([^"]*)"')
_RID = re.compile(rb'\b(?:\w+:)?id="([^"]*)"')
_REL = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_TARGET = re.compile(rb'\bTarget="([^"]*)"')
_REL_ID = re.compile(rb'\bId="([^"]*)"')
_CELL = re.compile(rb"<c\s([^>]*?)(?<!/)>(.*?)</c>", re.S)  # not the empty <c .../>
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_FORMULA = re.compile(rb"<f\b[^>]*>(.*?)</f>", re.S)
_VALUE = re.compile(rb"<v>(.*?)</v>", re.S)
_INLINE = re.compile(rb"<is>", re.S)


class Formula(str):
    """The text of a formula whose value was never computed (``"=A1+1"``)."""

    __slots__ = ()


class CellError(Formula):
    """An error a formula gave (``"#N/A"``, ``"#REF!"``): shown as such in the spreadsheet."""

    __slots__ = ()


def uncomputed_formulas(data: bytes) -> dict[str, dict[tuple[int, int], Formula]]:
    """Sheet name -> {(row, column) 0-based: formula text} for formulas without a saved value.

    Cells holding an error value (``#N/A``, ``#REF!``...) are listed too, as
    :class:`CellError`: calamine reads them as empty.

    Returns an empty mapping for anything that is not a readable .xlsx/.xlsm archive.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return {}
        targets = {}
        for element in _REL.findall(archive.read("xl/_rels/workbook.xml.rels")):
            rel_id, target = _REL_ID.search(element), _TARGET.search(element)
            if rel_id and target:
                targets[rel_id.group(1)] = target.group(1).decode()
        found: dict[str, dict[tuple[int, int], Formula]] = {}
        for element in _SHEET.findall(archive.read("xl/workbook.xml")):
            name, rel_id = _NAME.search(element), _RID.search(element)
            if not name or not rel_id or rel_id.group(1) not in targets:
                continue
            where = targets[rel_id.group(1)]
            part = where.lstrip("/") if where.startswith("/") else f"xl/{where}"
            if part not in names:
                continue
            cells = _formulas_of(archive.read(part))
            if cells:
                found[html.unescape(name.group(1).decode())] = cells
        return found
    except Exception:  # a damaged archive (zlib.error...): calamine will say what is wrong
        return {}


def _formulas_of(xml: bytes) -> dict[tuple[int, int], Formula]:
    if b"<f" not in xml and b't="e"' not in xml:
        return {}
    cells: dict[tuple[int, int], Formula] = {}
    for attributes, inner in _CELL.findall(xml):
        reference = _REF.search(attributes)
        if reference is None:
            continue
        letters, row = reference.groups()
        if b't="e"' in attributes:  # an error value (#N/A...), which calamine leaves empty
            value = _VALUE.search(inner)
            if value is not None and value.group(1):
                text = html.unescape(value.group(1).decode("utf-8", "replace"))
                cells[(int(row) - 1, _column_index(letters.decode()))] = CellError(text)
            continue
        formula = _FORMULA.search(inner)
        if formula is None or not formula.group(1).strip():
            continue  # no formula, or a shared one that only points to its master cell
        value = _VALUE.search(inner)
        if (value is not None and value.group(1)) or _INLINE.search(inner):
            continue  # computed: its saved value is what is read
        text = html.unescape(formula.group(1).decode("utf-8", "replace"))
        cells[(int(row) - 1, _column_index(letters.decode()))] = Formula(f"={text}")
    return cells


def _column_index(letters: str) -> int:
    """0-based index of a column letter: A -> 0, AA -> 26."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


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
