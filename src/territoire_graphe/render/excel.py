"""The workbook machinery of the report: shared styles, tables, headings and page setup.

:func:`.excel_report.to_excel` writes the report workbook; its sheets are built in
:mod:`.excel_sheets` and :mod:`.excel_summary`, all through :class:`Book` and :class:`Col`
of this module, which imports none of them (the imports run one way).

Everything from the territory is written as data (:mod:`.safe_cells`): a name starting
with ``=`` is text, never a formula. Numbers stay numbers, formatted with Excel number
formats (``0.00``, ``0.0%``...), which the spreadsheet shows with the reader's own decimal
separator. The file is deterministic: the same diagnosis gives the same bytes.

>>> import tempfile, pathlib, territoire_graphe as tg
>>> d = tg.diagnose(tg.read(tg.sample_path("colombelles_tzcld.xlsx")))
>>> path = tg.to_excel(d, pathlib.Path(tempfile.mkdtemp()) / "rapport.xlsx")
>>> from openpyxl import load_workbook
>>> load_workbook(path).sheetnames[:3]
['Synthèse', 'Acteurs', 'Relations']
"""

from __future__ import annotations

import datetime as dt
import io
import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from ..messages import has_text, locale_for, text
from ..provenance import Provenance
from ..stable_xlsx import FIXED_TIME, stable_zip
from .excel_fast import MARKER, Block, Column, splice
from .safe_cells import excel_value, safe_sheet_title, text_cell
from .titles import territory_title

if TYPE_CHECKING:
    from ..diagnosis import Diagnosis

FONT = "Calibri"
HEADER_FILL = "D9E2EC"
_NUMBER_FORMATS = {
    "text": "@",
    "wrap": "@",
    "auto": "General",
    "int": "#,##0",
    "float": "0.00",
    "float3": "0.000",
    "float4": "0.0000",
    "share": "0.0%",
    "signed": "+0.00;-0.00;0.00",
}
_NUMERIC = {"int", "float", "float3", "float4", "share", "signed", "flag"}
_LINE_HEIGHT = 15.0
EXCEL_COLUMNS, EXCEL_ROWS = 16_384, 1_048_576  # what a sheet holds at most
_PAGE_WIDTH = 320  # characters of column width fitted on one landscape page (about 45 %)


@dataclass
class Col:
    """One column of a table: its DataFrame name, values, display kind and header.

    ``kind``: ``text``, ``wrap`` (text that wraps), ``auto`` (numbers as typed, text as
    text), ``int``, ``float``, ``float3``, ``float4``, ``share`` (0-1 shown as %),
    ``signed`` (-1..1 with its sign), ``flag`` (true/false shown as yes/no) or ``date``.
    ``table`` picks a header meant for one table (``report.col.<table>.<id>``);
    ``header`` gives one of the user's own (extra columns), ``define=False`` keeps the
    column out of the Définitions sheet (matrix columns named after the types).
    """

    id: str
    values: Sequence[Any]
    kind: str = "text"
    table: str = ""
    header: str | None = None
    width: float | None = None
    define: bool = True


class Book:
    """The workbook being written: shared styles, tables, headings and page setup."""

    def __init__(self, d: Diagnosis, lang: str):
        self.d, self.lang = d, lang
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.defined: dict[tuple[str, str], tuple[str, str]] = {}  # (sheet, id) -> (header, key)
        self._styles: dict[tuple, StyleArray] = {}
        self._widths: dict[str, dict[int, float]] = {}
        self._rows: dict[str, int] = {}
        self._grid: set[str] = set()  # sheets that print gridlines (sparse tables)
        self._scratch = SimpleNamespace(parent=self.wb)  # lets a detached cell build styles
        self._blocks: dict[str, list[Block]] = {}  # sheet -> table rows written at saving
        self._markers: set[str] = set()
        self._token = secrets.token_hex(8)  # in the markers only, which never reach the file
        self._clean: Any = None
        self.record: Provenance | None = None  # the output's provenance (excel_report sets it)

    # -- texts --------------------------------------------------------------------------
    def text(self, key: str, **values: Any) -> str:
        return text(key, self.lang, **values)

    def column_key(self, col: Col) -> str | None:
        """The catalogue key of a column's header, or ``None`` for the user's own columns."""
        if col.header is not None:
            return None
        for key in (f"report.col.{col.table}.{col.id}", f"report.col.{col.id}"):
            if has_text(key):
                return key
        return None

    def header(self, col: Col) -> str:
        key = self.column_key(col)
        return self.text(key) if key else (col.header if col.header is not None else col.id)

    def define(self, ws: Worksheet, column_id: str, header: str, key: str | None) -> None:
        """Remember a header for the Définitions sheet (each column once per sheet)."""
        self.defined.setdefault((ws.title, column_id), (header, key or ""))

    # -- styles -------------------------------------------------------------------------
    def style(
        self,
        kind: str = "auto",
        *,
        bold: bool = False,
        italic: bool = False,
        size: float = 11,
        color: str | None = None,
        fill: str | None = None,
        wrap: bool = False,
        border: str | None = None,
    ) -> StyleArray:
        """A style shared by every cell of a column (one object, copied per cell)."""
        key = (kind, bold, italic, size, color, fill, wrap, border)
        if key not in self._styles:
            cell = Cell(self._scratch)
            cell.number_format = self.number_format(kind)
            cell.font = Font(name=FONT, size=size, bold=bold, italic=italic, color=color)
            cell.alignment = Alignment(vertical="top", wrap_text=wrap or kind == "wrap")
            if fill:
                cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
            if border == "header":
                line = Side(style="thin", color="7F8C9A")
                cell.border = Border(left=line, right=line, top=line, bottom=line)
            elif border == "all":
                line = Side(style="thin", color="C8CED6")
                cell.border = Border(left=line, right=line, top=line, bottom=line)
            self._styles[key] = StyleArray(cell._style)
        return self._styles[key]

    def number_format(self, kind: str) -> str:
        if kind == "flag":
            yes, no = (self.text(k).replace('"', "") for k in ("report.yes", "report.no"))
            return f'"{yes}";"{yes}";"{no}"'
        if kind == "date":
            return locale_for(self.lang).sheet_date_format
        return _NUMBER_FORMATS.get(kind, "General")

    # -- writing ------------------------------------------------------------------------
    def sheet(self, key: str) -> Worksheet:
        title = safe_sheet_title(self.text(f"report.sheet.{key}"), taken=self.wb.sheetnames)
        ws = self.wb.create_sheet(title)
        self._widths[ws.title] = {}
        self._rows[ws.title] = 0
        return ws

    def append(self, ws: Worksheet, cells: list[Cell]) -> int:
        """Append a row of cells; return its number (``ws.max_row`` would scan every cell)."""
        ws.append(cells)
        self._rows[ws.title] += 1
        return self._rows[ws.title]

    def row(self, ws: Worksheet, values: Sequence[Any], styles: Sequence[StyleArray]) -> int:
        """Append one row of values (each through :mod:`.safe_cells`); return its number."""
        return self.append(ws, [text_cell(ws, v, s) for v, s in zip(values, styles, strict=True)])

    def blank(self, ws: Worksheet) -> None:
        self.append(ws, [])

    def heading(self, ws: Worksheet, title: str, *, size: float = 13) -> int:
        number = self.row(ws, [title], [self.style("text", bold=True, size=size, color="1F3864")])
        ws.row_dimensions[number].height = size * 1.6
        return number

    def note(self, ws: Worksheet, note: str) -> int:
        return self.row(ws, [note], [self.style("text", italic=True, color="555555")])

    def pairs(self, ws: Worksheet, items: Sequence[tuple[str, Any, str]]) -> None:
        """Label / value rows (label in bold), each value with its own display kind."""
        label = self.style("text", bold=True)
        for name, value, kind in items:
            self.row(ws, [name, value], [label, self._value_style(kind, value)])
            self._fit(ws, 1, len(name) + 2)

    def _value_style(self, kind: str, value: Any, border: str | None = None) -> StyleArray:
        if kind == "auto":
            value = excel_value(value)
            if isinstance(value, str):
                kind = "text"
            elif isinstance(value, dt.datetime):
                kind = "date"
        return self.style(kind, border=border)

    def table(self, ws: Worksheet, cols: Sequence[Col], *, sparse: bool = False) -> tuple[int, int]:
        """Write a header row and one row per value; return (header row, last row).

        Headers come from the catalogue (see :class:`Col`); flags are written as 1/0
        shown as yes/no, so they can be summed and filtered. Cells have thin borders,
        except with ``sparse=True`` (big tables): empty values then get no cell at all,
        which makes large reports much faster to write, and the sheet prints gridlines.
        """
        cut_columns = max(0, len(cols) - EXCEL_COLUMNS)
        cols = list(cols)[:EXCEL_COLUMNS]  # past Excel's limits, the rest is said in a note
        headers = [self.header(c) for c in cols]
        for col, header in zip(cols, headers, strict=True):
            if col.define:
                self.define(ws, col.id, header, self.column_key(col))
        head = self.style("wrap", bold=True, fill=HEADER_FILL, border="header")
        top = self.row(ws, headers, [head] * len(cols))
        widths = [self._column_width(c, h) for c, h in zip(cols, headers, strict=True)]
        lines = max((_lines(h, w) for h, w in zip(headers, widths, strict=True)), default=1)
        ws.row_dimensions[top].height = _LINE_HEIGHT * lines + 3
        for index, width in enumerate(widths, start=1):
            self._fit(ws, index, width)
        if sparse:
            self._grid.add(ws.title)
        border = None if sparse else "all"
        count = max((len(c.values) for c in cols), default=0)
        room = EXCEL_ROWS - top - 1  # one row left for the note
        cut_rows = max(0, count - room)
        count -= cut_rows
        prepared = [self._prepared(c, count, border) for c in cols]
        wrapped = [
            (values, widths[j])
            for j, (values, _, _) in enumerate(prepared)
            if cols[j].kind == "wrap"
        ]
        heights: list[float | None] = [None] * count
        for i in range(count if wrapped else 0):
            height = max(_lines(str(values[i] or ""), width) for values, width in wrapped)
            if height > 1:
                heights[i] = _LINE_HEIGHT * height
        if count:
            self._block(
                ws,
                Block(
                    key=f"{self._token}-{len(self._markers)}",
                    first=top + 1,
                    sparse=sparse,
                    heights=heights,
                    columns=[
                        Column(values, shared, kind, self._auto_style(border))
                        for values, shared, kind in prepared
                    ],
                ),
            )
        if cut_columns or cut_rows:
            self.note(
                ws, text("report.excel_limits", self.lang, columns=cut_columns, rows=cut_rows)
            )
        return top, top + count

    def _block(self, ws: Worksheet, block: Block) -> None:
        """Keep a table's rows for :meth:`to_bytes`; two marker cells hold their place."""
        self._blocks.setdefault(ws.title, []).append(block)
        for row, column, end in (
            (block.first, 1, "first"),
            (block.last, len(block.columns), block.end_marker),
        ):
            marker = MARKER.format(key=block.key, end=end)
            ws.cell(row=row, column=column, value=marker)
            self._markers.add(marker)
        self._rows[ws.title] = block.last

    def _auto_style(self, border: str | None) -> Any:
        return lambda kind, value: self._value_style(kind, value, border)

    def _prepared(
        self, col: Col, count: int, border: str | None
    ) -> tuple[list[Any], StyleArray | None, str]:
        """The column's values as written (padded to ``count``) and its shared style.

        The style is ``None`` for ``auto`` columns, whose cells are styled by value type.
        """
        values = [excel_value(v) for v in col.values]
        if col.kind == "flag":
            values = [None if v is None else int(bool(v)) for v in values]
        values += [None] * (count - len(values))
        shared = None if col.kind == "auto" else self.style(col.kind, border=border)
        return values, shared, col.kind

    def _column_width(self, col: Col, header: str) -> float:
        if col.width:
            return col.width
        longest_word = max((len(w) for w in header.split()), default=4)
        wanted = max(longest_word, math.ceil(len(header) / 2))
        sample = [excel_value(v) for v in col.values[:300]]
        if col.kind in _NUMERIC:
            numbers = [abs(v) for v in sample if isinstance(v, int | float)]
            digits = len(f"{max(numbers):,.0f}") if numbers else 1
            wanted = max(wanted, digits + (4 if col.kind not in ("int", "flag") else 1))
        elif col.kind == "date":
            wanted = max(wanted, 10)
        else:
            wanted = max([wanted, *(len(str(v)) for v in sample if v is not None)])
        return float(min(max(wanted + 2, 7), 48))

    def _fit(self, ws: Worksheet, index: int, width: float) -> None:
        widths = self._widths[ws.title]
        widths[index] = max(widths.get(index, 0), width)

    # -- formatting and page setup -----------------------------------------------------
    def color_scale(
        self,
        ws: Worksheet,
        column: int,
        first: int,
        last: int,
        colors: Sequence[str],
        *,
        last_column: int | None = None,
        values: Sequence[float] | None = None,
    ) -> None:
        """A colour scale (no formula): min -> max, or through fixed ``values``."""
        if last < first:
            return
        cells = (
            f"{get_column_letter(column)}{first}:{get_column_letter(last_column or column)}{last}"
        )
        ends: list[tuple[str, Any]]
        if values is None:
            ends = (
                [("min", None), ("percentile", 50), ("max", None)]
                if len(colors) == 3
                else [("min", None), ("max", None)]
            )
        else:
            ends = [("num", v) for v in values]
        options: dict[str, Any] = {}
        for (kind, value), color, where in zip(
            ends,
            colors,
            ("start", "mid", "end") if len(colors) == 3 else ("start", "end"),
            strict=True,
        ):
            options[f"{where}_type"], options[f"{where}_color"] = kind, color
            if value is not None:
                options[f"{where}_value"] = value
        ws.conditional_formatting.add(cells, ColorScaleRule(**options))

    def finish(
        self,
        ws: Worksheet,
        *,
        header_row: int | None = None,
        freeze: str | None = None,
        autofilter: tuple[int, int, int] | None = None,
        repeat_columns: str | None = None,
    ) -> None:
        """Column widths, frozen panes, filters and print settings.

        A4, landscape when the sheet is wide, fit to one page wide (to a few pages for very
        wide sheets, repeating ``repeat_columns`` such as the ids and names on each), the
        header row repeated on every page, page numbers in the footer.
        """
        widths = self._widths[ws.title]
        for index, width in sorted(widths.items()):
            ws.column_dimensions[get_column_letter(index)].width = width
        if freeze:
            ws.freeze_panes = freeze
        if autofilter:
            top, last, columns = autofilter
            ws.auto_filter.ref = f"A{top}:{get_column_letter(columns)}{max(last, top)}"
        total = sum(widths.values())
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if total > 95 else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        # Split across pages only when the ids and names repeat on each; else one page wide.
        pages = math.ceil(total / _PAGE_WIDTH) if repeat_columns else 1
        ws.page_setup.fitToWidth = max(1, pages)
        ws.page_setup.fitToHeight = 0
        ws.page_margins = PageMargins(
            left=0.4, right=0.4, top=0.7, bottom=0.6, header=0.3, footer=0.3
        )
        ws.print_options.gridLines = ws.title in self._grid
        if header_row:
            ws.print_title_rows = f"{header_row}:{header_row}"
        if repeat_columns and ws.page_setup.fitToWidth > 1:
            ws.print_title_cols = repeat_columns
        name = str(excel_value(territory_title(self.d.territory, self.lang)) or "")
        name = name.replace("&", "&&")
        ws.oddHeader.left.text = name[:100]
        ws.oddHeader.right.text = "&A"
        ws.oddFooter.right.text = "&P / &N"

    # -- saving -------------------------------------------------------------------------
    def scrub(self, clean: Any) -> None:
        """Pass every text cell through ``clean`` (people's names replaced or removed)."""
        self._clean = clean  # for the tables' rows, written at saving
        for ws in self.wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value not in self._markers:
                        cleaned = clean(cell.value)
                        if cleaned != cell.value:  # still text: never a formula
                            cell.value, cell.data_type = cleaned, "s"

    def to_bytes(self) -> bytes:
        props = self.wb.properties
        props.creator = props.lastModifiedBy = "territoire_graphe"
        props.created = props.modified = FIXED_TIME
        props.title = str(
            excel_value(
                self.text("report.title", name=territory_title(self.d.territory, self.lang))
            )
        )
        props.language = locale_for(self.lang).tag
        positions = {ws.title: n for n, ws in enumerate(self.wb.worksheets, start=1)}
        blocks = {
            positions[title]: [(b, b.xml(self.wb._cell_styles.add, self._clean)) for b in blocks]
            for title, blocks in self._blocks.items()
        }
        buffer = io.BytesIO()
        self.wb.save(buffer)  # the styles of the blocks are registered: saved with the rest
        return stable_zip(splice(buffer.getvalue(), blocks))


def _lines(value: str, width: float) -> int:
    """Lines a text takes in a wrapped cell of ``width`` characters (an estimate)."""
    usable = max(width - 1.5, 4)
    return sum(max(1, math.ceil(len(part) / usable)) for part in str(value).split("\n"))


__all__ = ["Book", "Col", "stable_zip"]
