"""Write workbook data as data: text that looks like a formula never becomes one.

A name typed in a territory workbook may start with ``=``, ``+``, ``-`` or ``@``
(``=HYPERLINK(...)``, ``+33 3 44 ...``, ``@mairie``, ``-20 % de budget``). openpyxl turns
any string starting with ``=`` into a formula, and a spreadsheet application may evaluate
text starting with the other characters when someone edits the cell: the "CSV / formula
injection" of OWASP. Every writer of the package puts its values through this module:

- :func:`excel_value` turns pandas / numpy values into what a cell can hold (numbers stay
  numbers, ``NaN`` and ``NaT`` become empty cells, lists are joined with ``"; "``, text is
  cleaned of the control characters XML cannot carry and cut at Excel's 32,767 characters);
- :func:`write_value` puts a value in an openpyxl cell, forcing every string to be a
  *text* cell (``data_type "s"``, so never a formula, nor an error code such as ``#N/A``),
  and marking text that looks like a formula with Excel's "quote prefix" (the leading
  apostrophe), so that editing the cell later keeps it as text;
- :func:`csv_text` is the same protection for plain-text formats (CSV), which have no
  cell types: such text gets a leading apostrophe, as OWASP advises; :func:`csv_escape`
  does it reversibly, and :func:`csv_unescape` (applied by the CSV reader) takes the
  apostrophe off, so a CSV export reads back cell for cell;
- :func:`safe_sheet_title` makes any text a valid sheet name;
- :func:`formula_cells` lists the formula cells of a saved workbook (tests use it).

>>> from openpyxl import Workbook
>>> sheet = Workbook().active
>>> cell = write_value(sheet["A1"], '=HYPERLINK("http://x", "y")')
>>> cell.value, cell.data_type, cell.quotePrefix
('=HYPERLINK("http://x", "y")', 's', True)
>>> write_value(sheet["A2"], -2.5).data_type
'n'
>>> looks_like_formula("-2+3"), looks_like_formula("Mairie")
(True, False)
>>> csv_text("@SUM(A1)")
"'@SUM(A1)"
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl.cell.cell import Cell

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
"""First characters that a spreadsheet may read as the start of a formula (OWASP)."""

MAX_CELL_TEXT = 32_767
"""Longest text a cell holds (Excel's limit); longer text is cut."""

LIST_SEPARATOR = "; "

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula (first character, OWASP)."""
    return bool(text) and text.startswith(FORMULA_PREFIXES)


def clean_text(text: str) -> str:
    """``text`` without the control characters XML forbids, cut at 32,767 characters."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    return text if len(text) <= MAX_CELL_TEXT else text[:MAX_CELL_TEXT]


def excel_value(value: Any) -> Any:
    """A value a cell can hold: ``None``, ``bool``, ``int``, ``float``, ``datetime`` or ``str``.

    Numbers (numpy's included) stay numbers, whatever their sign; missing values
    (``None``, ``NaN``, ``NaT``, ``pd.NA``) and infinities become ``None``; dates become
    naive ``datetime``; lists, tuples and sets are joined with ``"; "``; anything else
    becomes its text, cleaned with :func:`clean_text`.

    >>> excel_value(np.int64(3)), excel_value(float("nan")), excel_value(["a", "b"])
    (3, None, 'a; b')
    """
    kind = type(value)
    if kind is str:  # the common cases first: this runs once per cell
        return clean_text(value)
    if kind is float:
        return None if value != value or value in (math.inf, -math.inf) else value
    if kind is int or kind is bool:
        return value
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        return None if math.isnan(number) or math.isinf(number) else number
    if isinstance(value, pd.Timestamp):
        return value.tz_localize(None).to_pydatetime() if value.tzinfo else value.to_pydatetime()
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else excel_value(pd.Timestamp(value))
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple | set | frozenset | np.ndarray):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return clean_text(LIST_SEPARATOR.join(str(excel_value(v) or "") for v in items))
    if isinstance(value, Mapping):
        return clean_text(", ".join(f"{k}: {v}" for k, v in value.items()))
    return clean_text(str(value))


def write_value(cell: Cell, value: Any) -> Cell:
    """Put ``value`` in ``cell`` as data: text is always a text cell, never a formula.

    The value goes through :func:`excel_value` first. Strings get ``data_type = "s"``
    (openpyxl would otherwise make ``"=..."`` a formula and ``"#N/A"`` an error), and
    those that :func:`looks_like_formula` also get the quote prefix. Returns the cell.
    """
    value = excel_value(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True
    return cell


def text_cell(sheet: Any, value: Any, style: Any = None) -> Cell:
    """A new cell of ``sheet`` holding ``value`` (see :func:`write_value`), for ``sheet.append``.

    ``style`` is an openpyxl ``StyleArray`` shared by many cells (one number format,
    font and alignment per column), which is much faster than styling cell by cell.
    """
    return write_value(Cell(sheet, style_array=style), value)


def csv_text(value: Any) -> str:
    """The text to write in a CSV file for ``value``: formula-like text gets a leading ``'``.

    Numbers are written as numbers (``-2.5`` stays ``-2.5``); only *text* starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a line break is prefixed.

    >>> csv_text(-2.5), csv_text("-2+3"), csv_text(None)
    ('-2.5', "'-2+3", '')
    """
    value = excel_value(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if looks_like_formula(value) else value
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    return str(value)


_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?")


def _needs_quote(text: str) -> bool:
    """Whether a CSV cell must be quoted: after its leading apostrophes, it starts like a formula.

    Plain numbers (``-2,5``, ``+33``) are data, not formulas: they are left alone.
    """
    rest = text.lstrip("'")
    return looks_like_formula(rest) and not _PLAIN_NUMBER.fullmatch(rest)


def csv_escape(text: str) -> str:
    """A CSV cell that no spreadsheet runs: formula-like text gets one more leading ``'``.

    Reversible (:func:`csv_unescape`): text that already starts with apostrophes before
    a formula character gets one more, so every value comes back exactly.

    >>> csv_escape("=HYPERLINK(1)"), csv_escape("-2+3"), csv_escape("-2,5"), csv_escape("Mairie")
    ("'=HYPERLINK(1)", "'-2+3", '-2,5', 'Mairie')
    >>> csv_escape("'=x"), csv_escape("'ok")
    ("''=x", "'ok")
    """
    return "'" + text if _needs_quote(text) else text


def csv_unescape(text: str) -> str:
    """The value a :func:`csv_escape` cell holds: its added apostrophe taken off.

    >>> all(csv_unescape(csv_escape(t)) == t for t in ("=1", "'=1", "''@x", "'ok", "-2", "\tx"))
    True
    """
    if text.startswith("'") and _needs_quote(text[1:]):
        return text[1:]
    return text


def safe_sheet_title(text: str, *, taken: Iterable[str] = ()) -> str:
    """A valid, unused sheet name from ``text``.

    Removes ``[]:*?/\\`` and control characters, strips apostrophes at both ends, cuts
    at 31 characters, and adds `` (2)``, `` (3)``... when the name (compared without case,
    as Excel does) is taken.

    >>> safe_sheet_title("Qui [mobiliser] ?"), safe_sheet_title("Acteurs", taken=["acteurs"])
    ('Qui mobiliser', 'Acteurs (2)')
    """
    base = _SHEET_FORBIDDEN.sub("", clean_text(str(text)))
    base = " ".join(base.split()).strip("'").strip()[:31] or "Feuille"
    used = {t.casefold() for t in taken}
    title, number = base, 1
    while title.casefold() in used:
        number += 1
        suffix = f" ({number})"
        title = base[: 31 - len(suffix)] + suffix
    return title


def formula_cells(workbook: Any) -> list[str]:
    """Every formula cell of a workbook, as ``"Sheet!A1"`` (an empty list when safe).

    ``workbook`` is an openpyxl ``Workbook`` or the path of an .xlsx file.
    """
    from openpyxl import load_workbook

    book = load_workbook(workbook) if isinstance(workbook, str | Path) else workbook
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


__all__ = [
    "FORMULA_PREFIXES",
    "MAX_CELL_TEXT",
    "clean_text",
    "csv_escape",
    "csv_text",
    "csv_unescape",
    "excel_value",
    "formula_cells",
    "looks_like_formula",
    "safe_sheet_title",
    "text_cell",
    "write_value",
]
