"""The rows of the report's tables written straight as sheet XML, in one pass per column.

openpyxl builds one Python object per cell and writes each through its XML layer: at
10,000 actors (2.4 million cells) the report took two minutes. :class:`~.excel.Book`
instead keeps the values of each table as a :class:`Block` and leaves two marker cells
in the sheet (first and last row); once openpyxl has saved the workbook, :func:`splice`
replaces the rows between the markers with the block's XML. The cells are those openpyxl
would write (inline strings, the same style ids, ``%.16g`` numbers, dates as serial
numbers), and the safety rules of :mod:`.safe_cells` hold: every string is a text cell
(``t="inlineStr"``, never a formula) and text that looks like a formula gets a style
with the quote prefix.

>>> from openpyxl.styles.cell_style import StyleArray
>>> block = Block(key="0", first=2, columns=[Column(["=1+1", 2.5, None], StyleArray(), "text")],
...               sparse=True, heights=[None, None, None])
>>> xml = block.xml(lambda style: 1 + style.quotePrefix, None)
>>> '<c r="A2" s="2" t="inlineStr"><is><t>=1+1</t></is></c>' in xml, '<v>2.5</v>' in xml
(True, True)
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from .safe_cells import looks_like_formula

MARKER = "tg:rows:{key}:{end}"
"""Text of the two marker cells that frame a block in the sheet openpyxl writes.

:class:`~.excel.Book` puts a random token in each key, so that no text of the
territory can be taken for a marker (the markers never reach the file)."""


@dataclass
class Column:
    """One column of a block: its values as written (see ``Book._prepared``) and style.

    ``style`` is ``None`` for ``auto`` columns, styled by value type through ``styler``.
    """

    values: Sequence[Any]
    style: StyleArray | None
    kind: str
    styler: Callable[[str, Any], StyleArray] | None = None


@dataclass
class Block:
    """The data rows of one table: first row number, columns, sparse flag, row heights."""

    key: str
    first: int
    columns: list[Column]
    sparse: bool
    heights: list[float | None]

    @property
    def last(self) -> int:
        return self.first + len(self.heights) - 1

    @property
    def end_marker(self) -> str:
        """Which marker ends the block: ``"first"`` when both would be the same cell."""
        return "first" if self.last == self.first and len(self.columns) == 1 else "last"

    def xml(self, style_id: Callable[[StyleArray], int], clean: Callable[[str], str] | None) -> str:
        """The ``<row>`` elements of the block; ``clean`` rewrites text (people scrubbed)."""
        per_column = [
            self._cells(j, column, style_id, clean)
            for j, column in enumerate(self.columns, start=1)
        ]
        rows = []
        for i, cells in enumerate(zip(*per_column, strict=True)):
            height = self.heights[i]
            extra = f' ht="{height:.16g}" customHeight="1"' if height else ""
            rows.append(f'<row r="{self.first + i}"{extra}>{"".join(cells)}</row>')
        return "".join(rows)

    def _cells(
        self,
        index: int,
        column: Column,
        style_id: Callable[[StyleArray], int],
        clean: Callable[[str], str] | None,
    ) -> list[str]:
        letter, first, sparse = get_column_letter(index), self.first, self.sparse
        ids: dict[Any, tuple[int, int]] = {}

        def ids_for(kind: Any, value: Any) -> tuple[int, int]:
            """(style id, the same with the quote prefix) for the column or a value type."""
            if kind not in ids:
                style = (
                    column.style if column.style is not None else column.styler(column.kind, value)  # type: ignore[misc]
                )
                quoted = StyleArray(style)
                quoted.quotePrefix = 1
                ids[kind] = (style_id(style), style_id(quoted))
            return ids[kind]

        out = []
        for i, value in enumerate(column.values):
            ref = f"{letter}{first + i}"
            kind = type(value)
            if value is None:
                out.append("" if sparse else f'<c r="{ref}" s="{ids_for(None, None)[0]}" t="n"/>')
            elif kind is str:
                text = clean(value) if clean is not None else value
                plain, quoted = ids_for(str, value)
                out.append(_text_cell(ref, quoted if looks_like_formula(text) else plain, text))
            elif kind is bool:
                out.append(
                    f'<c r="{ref}" s="{ids_for(bool, value)[0]}" t="b"><v>{int(value)}</v></c>'
                )
            elif isinstance(value, dt.datetime):
                out.append(
                    f'<c r="{ref}" s="{ids_for(dt.datetime, value)[0]}" t="n">'
                    f"<v>{to_excel(value):.16g}</v></c>"
                )
            else:
                out.append(
                    f'<c r="{ref}" s="{ids_for(float, value)[0]}" t="n"><v>{value:.16g}</v></c>'
                )
        return out


def _text_cell(ref: str, style: int, text: str) -> str:
    if not text:
        return f'<c r="{ref}" s="{style}" t="inlineStr"/>'
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        text = (
            text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\r", "&#13;")
        )
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def splice(raw: bytes, blocks: dict[int, list[tuple[Block, str]]]) -> bytes:
    """The saved workbook ``raw`` with each block's XML in place of its markers (zip stored).

    ``blocks`` maps a sheet's position (1 for the first sheet) to its blocks and their
    XML, made with :meth:`Block.xml` *before* saving (so that their styles are saved). Entries are
    stored uncompressed: :func:`~territoire_graphe.stable_xlsx.stable_zip` compresses them.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            for number, sheet_blocks in blocks.items():
                if info.filename == f"xl/worksheets/sheet{number}.xml":
                    content = _splice_sheet(content, sheet_blocks)
            target.writestr(info.filename, content)
    return out.getvalue()


def _splice_sheet(content: bytes, blocks: list[tuple[Block, str]]) -> bytes:
    parts, at = [], 0
    for block, xml in blocks:
        start_marker = f">{MARKER.format(key=block.key, end='first')}<".encode()
        end_marker = f">{MARKER.format(key=block.key, end=block.end_marker)}<".encode()
        start = content.rindex(b"<row ", 0, content.index(start_marker, at))
        end = content.index(b"</row>", content.index(end_marker, start)) + len(b"</row>")
        parts += [content[at:start], xml.encode("utf-8")]
        at = end
    parts.append(content[at:])
    return b"".join(parts)


__all__ = ["MARKER", "Block", "Column", "splice"]
