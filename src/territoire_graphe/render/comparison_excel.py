"""Comparisons and evolutions on paper: workbooks and the comparison chart.

- :func:`to_excel_comparison`: the table of :func:`~territoire_graphe.comparison` (one row
  per territory, readable headers), a Notes sheet (warnings, which indicators stay
  comparable, provenance) and, when matplotlib is installed, the chart;
- :func:`comparison_chart`: small multiples of the comparable indicators, one bar per
  territory (a histogram per indicator beyond 30 territories), as a PNG (extra ``image``);
- :func:`to_excel_diff`: an :class:`~territoire_graphe.evolution.Evolution` as sheets
  Synthèse, Acteurs ajoutés, Acteurs retirés, Relations ajoutées, Relations retirées,
  Relations modifiées, Positions.

Every value goes through :mod:`.safe_cells`: a name starting with ``=`` stays text.
Headers and sheet names are in ``lang`` (French by default).

>>> import tempfile, pathlib, territoire_graphe as tg
>>> from territoire_graphe.comparison import compare
>>> table = compare([tg.sample_path("pays_de_bray_2023.xlsx"),
...                  tg.sample_path("pays_de_bray_2024.xlsx")])
>>> path = to_excel_comparison(table, pathlib.Path(tempfile.mkdtemp()) / "c.xlsx", chart=False)
>>> from openpyxl import load_workbook
>>> load_workbook(path).sheetnames
['Comparaison', 'Notes']
"""

from __future__ import annotations

import importlib.util
import io
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .._renderers import provides
from ..comparison_table import Comparison
from ..io.outputs import write_bytes
from ..messages import format_number, format_percent, has_text, locale_for, resolve_lang, text
from ..provenance import Provenance, output_provenance
from .provenance_text import provenance_line
from .safe_cells import safe_sheet_title, write_value
from .titles import display_name

if TYPE_CHECKING:
    from ..evolution import Evolution

#: Indicators drawn by :func:`comparison_chart` by default: those that stay comparable.
CHART_INDICATORS = (
    "density",
    "isolated_share",
    "ei_index_type",
    "degree_centralization",
    "cross_type_share",
    "modularity",
)
#: Okabe and Ito (2008) colour-blind-safe palette (black left out).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
#: Beyond this many territories the chart shows each indicator's distribution.
MAX_BARS = 30
_HEADER_FILL = PatternFill("solid", fgColor="D9E2EC")
_WARN_FILL = PatternFill("solid", fgColor="FCE4C4")
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_SHARES = {
    "density",
    "isolated_share",
    "largest_component_share",
    "cross_type_share",
    "reciprocity",
    "density_lien",
    "density_flux",
    "density_interdependance",
}
_INDICES = {
    "transitivity",
    "degree_centralization",
    "betweenness_centralization",
    "modularity",
    "ei_index_type",
    "ei_index_type_p_value",
    "betweenness",
    "betweenness_before",
    "betweenness_after",
    "betweenness_change",
}
_DECIMALS = {"mean_degree", "mean_distance", "weight", "weight_before", "weight_after"}


# -- comparison -----------------------------------------------------------------------------
def to_excel_comparison(
    table: pd.DataFrame,
    path: str | os.PathLike,
    *,
    lang: str | None = None,
    chart: bool | None = None,
) -> Path:
    """Write a comparison table (from :func:`~territoire_graphe.compare`) to a workbook.

    Sheets: Comparaison (one row per territory, readable headers, frozen, with filters;
    "non" in "Taille comparable" highlighted), Notes (the table's ``warnings``, the
    indicators that stay comparable when sizes differ, the provenance, readable and as JSON,
    and each header with its column name), and Graphique with the chart of
    :func:`comparison_chart`.

    Parameters
    ----------
    table : Comparison or pandas.DataFrame
        What :func:`~territoire_graphe.compare` returned (a plain DataFrame has no notes).
    path : str or path-like
        The ``.xlsx`` file to write (replaced if it exists).
    lang : str, optional
        Language of the sheet names, headers and notes (default:
        ``$TERRITOIRE_GRAPHE_LANG``, else French).
    chart : bool, optional
        Draw the chart sheet; None (default): when matplotlib is installed.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    ImportError
        With ``chart=True`` when matplotlib (the extra ``image``) is not installed.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> from openpyxl import load_workbook
    >>> table = tg.compare([tg.sample_path("pays_de_bray_2023.xlsx")])
    >>> path = tg.to_excel_comparison(table, pathlib.Path(tempfile.mkdtemp()) / "c.xlsx",
    ...                               chart=False)
    >>> load_workbook(path).sheetnames
    ['Comparaison', 'Notes']
    """
    lang = resolve_lang(lang)
    path = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = safe_sheet_title(text("compare.sheet.table", lang))
    first = [c for c in ("date", "size_comparable") if c in table]
    frame = table[
        [
            *first,
            *(c for c in table.columns if c not in (*first, "source")),
            *(["source"] if "source" in table else []),
        ]
    ].rename_axis("territory")
    frame = frame.reset_index()
    frame["territory"] = [display_name(name) for name in frame["territory"]]  # « Lens Liévin »
    _write_table(sheet, frame, lang, rename={"source": "file"})
    if "size_comparable" in frame:
        column = list(frame.columns).index("size_comparable") + 1
        for row, ok in enumerate(frame["size_comparable"], start=2):
            if not bool(ok):
                sheet.cell(row=row, column=column).fill = _WARN_FILL
    sheet.print_title_rows, sheet.print_title_cols = "1:1", "A:A"
    _notes_sheet(
        book.create_sheet(safe_sheet_title(text("compare.sheet.notes", lang))), table, lang
    )
    if chart or (chart is None and importlib.util.find_spec("matplotlib") is not None):
        png = io.BytesIO()
        comparison_chart(table, png, lang=lang)
        from openpyxl.drawing.image import Image

        image = book.create_sheet(safe_sheet_title(text("compare.chart.title", lang)[:31]))
        picture = Image(io.BytesIO(png.getvalue()))
        picture.anchor = "A1"
        image.add_image(picture)
    _save(book, path, wide=[sheet.title])
    return path


def _notes_sheet(sheet: Any, table: pd.DataFrame, lang: str) -> None:
    record = table.provenance if isinstance(table, Comparison) else Provenance()
    provenance = dict(record.get("parameters", {}))
    independent = provenance.get("size_independent", list(CHART_INDICATORS))
    lines: list[tuple[str, Font | None]] = [(text("compare.notes.title", lang), _TITLE)]
    notes = list(table.warnings) if isinstance(table, Comparison) else []
    if notes:
        lines.append((text("compare.notes.warnings", lang), _BOLD))
        lines += [(note, None) for note in notes]
    lines += [
        (
            text(
                "compare.notes.size_independent",
                lang,
                names=", ".join(_label(c, lang) for c in independent),
            ),
            None,
        ),
        (
            text(
                "compare.notes.size_rule",
                lang,
                ratio=format_number(float(provenance.get("size_ratio", 3.0)), lang),
            ),
            None,
        ),
    ]
    if not provenance.get("permutations"):
        lines.append((text("compare.notes.p_value", lang), None))
    if provenance:
        lines.append(
            (
                text(
                    "compare.notes.provenance",
                    lang,
                    package=f"territoire_graphe {record['version']}",
                    seed=provenance["seed"],
                    permutations=provenance["permutations"],
                ),
                None,
            )
        )
        lines.append((_record_line(record, lang), None))
    for line, font in lines:
        sheet.append([None])
        write_value(sheet.cell(row=sheet.max_row, column=1), line)
        sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(
            wrap_text=True, vertical="top"
        )
        sheet.row_dimensions[sheet.max_row].height = 18 * max(1, math.ceil(len(line) / 95))
        if font is not None:
            sheet.cell(row=sheet.max_row, column=1).font = font
    start = sheet.max_row + 2
    for offset, (a, b) in enumerate(
        [
            (_label("indicator", lang), _label("key", lang)),
            *((_label("file" if c == "source" else c, lang), c) for c in table.columns),
        ]
    ):
        for column, value in enumerate((a, b), start=1):
            cell = write_value(sheet.cell(row=start + offset, column=column), value)
            if offset == 0:
                cell.font, cell.fill = _BOLD, _HEADER_FILL
    sheet.column_dimensions["A"].width = 100
    sheet.column_dimensions["B"].width = 30


def comparison_chart(
    table: pd.DataFrame,
    path: str | os.PathLike | io.BytesIO,
    *,
    indicators: Sequence[str] = CHART_INDICATORS,
    lang: str | None = None,
    dpi: int = 150,
) -> str | os.PathLike | io.BytesIO:
    """Draw the comparison as small multiples, one panel per indicator, to a PNG file.

    Up to ``MAX_BARS`` (30) territories: one horizontal bar per territory, in the table's
    order and with the same colour in every panel (Okabe and Ito's colour-blind-safe
    palette; a single colour beyond 8 territories), the value written at its end;
    territories whose size is not comparable are hatched. Beyond, a histogram of each
    indicator. Labels are in ``lang`` (French by default, decimal commas). Needs
    matplotlib (extra ``image``). Returns ``path``.
    """
    lang = resolve_lang(lang)
    try:
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter
    except ImportError as error:
        raise ImportError(
            "The comparison chart needs matplotlib / le graphique a besoin de "
            'matplotlib: pip install "territoire_graphe[image]"'
        ) from error
    shown = [c for c in indicators if c in table.columns]
    names = [str(n) for n in table.index]
    many = len(names) > MAX_BARS
    columns = 3 if len(shown) > 4 else max(1, min(2, len(shown)))
    rows = max(1, math.ceil(len(shown) / columns))
    panel_height = 2.6 if many else 0.8 + 0.32 * max(len(names), 2)
    figure = Figure(
        figsize=(4.6 * columns + (2.2 if not many else 0), panel_height * rows + 1.0),
        layout="constrained",
    )
    axes = figure.subplots(rows, columns, squeeze=False, sharey=not many)
    comparable = table.get("size_comparable", pd.Series(True, index=table.index)).astype(bool)
    colours = [
        PALETTE[i % len(PALETTE)] if len(names) <= len(PALETTE) else PALETTE[0]
        for i in range(len(names))
    ]
    for number, axis in enumerate(axes.flat):
        if number >= len(shown):
            axis.set_visible(False)
            continue
        column = shown[number]
        values = pd.to_numeric(table[column], errors="coerce")
        share = column in _SHARES

        def shown_value(x: float, _pos: Any = None, share: bool = share, places: int = 0) -> str:
            if share:
                return format_percent(x, lang, decimals=places)
            return format_number(x, lang, decimals=2)

        present = values.dropna()
        reach = (
            1.0
            if present.empty
            else float(present.max() - present.min() if many else present.abs().max() * 1.3)
        )
        tick_places = 1 if share and reach < 0.08 else 0  # ticks 1 % apart or less
        axis.set_title(_label(column, lang), fontsize=10, loc="left", fontweight="bold")
        axis.xaxis.set_major_formatter(
            FuncFormatter(lambda x, _pos, fn=shown_value, p=tick_places: fn(x, places=p))
        )
        axis.grid(axis="x", color="#DDDDDD", linewidth=0.6)
        axis.set_axisbelow(True)
        for side in ("top", "right"):
            axis.spines[side].set_visible(False)
        if values.notna().sum() == 0:
            axis.text(
                0.5,
                0.5,
                text("compare.chart.no_data", lang),
                ha="center",
                va="center",
                transform=axis.transAxes,
                color="#666666",
            )
            continue
        if many:
            axis.hist(values.dropna(), bins=20, color=PALETTE[0], edgecolor="white")
            axis.set_ylabel(text("compare.chart.count", lang), fontsize=9)
            continue
        positions = range(len(names))
        bars = axis.barh(
            list(positions),
            values.fillna(0).tolist(),
            color=colours,
            edgecolor="#333333",
            linewidth=0.4,
        )
        for bar, ok in zip(bars, comparable, strict=True):
            if not ok:
                bar.set_hatch("///")
                bar.set_alpha(0.55)
        low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
        span = (high - low) or 1.0
        axis.set_xlim(low - (0.18 * span if low < 0 else 0), high + 0.3 * span)
        if low < 0:
            axis.axvline(0, color="#333333", linewidth=0.8)
        for y, value in zip(positions, values, strict=True):
            if pd.notna(value):
                axis.text(
                    value + (0.02 * span if value >= 0 else -0.02 * span),
                    y,
                    shown_value(float(value), places=1),
                    va="center",
                    ha="left" if value >= 0 else "right",
                    fontsize=8,
                )
        axis.set_yticks(list(positions), names, fontsize=9)
        if number == 0:
            axis.invert_yaxis()
        axis.tick_params(axis="x", labelsize=8)
    figure.suptitle(text("compare.chart.title", lang), fontsize=13, fontweight="bold")
    if not many and not comparable.all():
        figure.supxlabel(
            text("compare.chart.not_comparable", lang),
            fontsize=9,
            color="#444444",
            x=0.01,
            ha="left",
        )
    for label in figure.findobj(lambda artist: hasattr(artist, "set_parse_math")):
        label.set_parse_math(False)  # type: ignore[attr-defined]  # a territory named "budget_$\\foo$" is text, never markup
    figure.savefig(path, dpi=dpi, format="png", metadata={"Software": None})
    return path


# -- evolution ------------------------------------------------------------------------------
@provides("evolution.excel")
def to_excel_diff(
    evolution: Evolution, path: str | os.PathLike, *, lang: str | None = None
) -> Path:
    """Write an :class:`~territoire_graphe.evolution.Evolution` (from :func:`~territoire_graphe.diff`) to a workbook.

    Sheets: Synthèse (what changed, in sentences, the indicators before, after and their
    change, and the provenance), Acteurs ajoutés, Acteurs retirés, Relations ajoutées,
    Relations retirées, Relations modifiées, Positions.

    Parameters
    ----------
    evolution : Evolution
        What :func:`~territoire_graphe.diff` returned.
    path : str or path-like
        The ``.xlsx`` file to write (replaced if it exists).
    lang : str, optional
        Language of the headers (default: the evolution's language; the sentences stay in
        the language they were written in).

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    ValueError
        If ``lang`` is not a known language.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> from openpyxl import load_workbook
    >>> evo = tg.diff(tg.sample_path("pays_de_bray_2023.xlsx"),
    ...               tg.sample_path("pays_de_bray_2024.xlsx"), permutations=0)
    >>> path = tg.to_excel_diff(evo, pathlib.Path(tempfile.mkdtemp()) / "e.xlsx")
    >>> load_workbook(path).sheetnames[:2]
    ['Synthèse', 'Acteurs ajoutés']
    """
    lang = resolve_lang(lang or evolution.lang)
    path = Path(path)
    book = Workbook()
    summary = book.active
    summary.title = safe_sheet_title(text("evolution.sheet.summary", lang))
    _summary_sheet(summary, evolution, lang)
    record = output_provenance(
        "evolution",
        [evolution.before.territory, evolution.after.territory],
        evolution.after.provenance,
        lang=lang,
    )
    row = summary.max_row + 2
    for offset, line in enumerate((provenance_line(record, lang), _record_line(record, lang))):
        write_value(summary.cell(row=row + offset, column=1), line)
    for key, frame, index in (
        ("actors_added", evolution.actors_added, "id"),
        ("actors_removed", evolution.actors_removed, "id"),
        ("relations_added", evolution.relations_added, "relation"),
        ("relations_removed", evolution.relations_removed, "relation"),
        ("relations_changed", evolution.relations_changed, None),
        ("positions", evolution.positions, "id"),
    ):
        sheet = book.create_sheet(
            safe_sheet_title(text(f"evolution.sheet.{key}", lang), taken=book.sheetnames)
        )
        data = frame.rename_axis(index).reset_index() if index else frame.reset_index(drop=True)
        _write_table(sheet, data, lang)
    _save(book, path)
    return path


def _summary_sheet(sheet: Any, evolution: Evolution, lang: str) -> None:
    before, after = (_titled(d.territory, lang) for d in (evolution.before, evolution.after))
    write_value(
        sheet.cell(row=1, column=1),
        text("evolution.summary.title", lang, before=before, after=after),
    )
    sheet.cell(row=1, column=1).font = _TITLE
    counts = getattr(evolution, "counts", None) or {}
    if counts:  # the counts of the findings and the map: ties as pairs, tensions apart
        write_value(
            sheet.cell(row=3, column=1),
            text(
                "evolution.summary.ties",
                lang,
                made=counts["ties_made"] + counts["ties_newcomers"],
                lost=counts["ties_lost"] + counts["ties_lost_leavers"],
                began=counts["tensions_began"],
                ended=counts["tensions_ended"],
                joined=counts["actors_joined"],
                left=counts["actors_left"],
            ),
        )
    write_value(
        sheet.cell(row=2, column=1),
        text(
            "evolution.summary.counts",
            lang,
            actors_added=len(evolution.actors_added),
            actors_removed=len(evolution.actors_removed),
            relations_added=len(evolution.relations_added),
            relations_removed=len(evolution.relations_removed),
            relations_changed=len(evolution.relations_changed),
        ),
    )
    write_value(sheet.cell(row=4, column=1), text("evolution.summary.findings", lang)).font = _BOLD
    row = 5
    if evolution.findings.empty:
        write_value(sheet.cell(row=row, column=1), text("evolution.summary.no_change", lang))
        row += 1
    for sentence in evolution.findings["text"]:
        cell = write_value(sheet.cell(row=row, column=1), sentence)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        sheet.row_dimensions[row].height = 15 * max(1, math.ceil(len(str(sentence)) / 115))
        row += 1
    row += 1
    write_value(
        sheet.cell(row=row, column=1), text("evolution.summary.indicators", lang)
    ).font = _BOLD
    table = evolution.indicators.copy()
    table.insert(0, "indicator", [_label(k, lang) for k in table.index])
    table.insert(1, "key", list(table.index))
    _write_table(
        sheet,
        table.reset_index(drop=True),
        lang,
        start=row + 1,
        widths=False,
        formats_by_row=list(evolution.indicators.index),
    )
    for letter, width in zip("ABCDE", (44, 30, 16, 16, 16), strict=True):
        sheet.column_dimensions[letter].width = width


# -- shared ---------------------------------------------------------------------------------
def _record_line(record: Provenance, lang: str) -> str:
    """The provenance record as JSON, after its label: a program reads it back."""
    return f"{text('provenance.record', lang)}{text('doc.colon', lang)}{record.to_json()}"


def _titled(t: Any, lang: str) -> str:
    """A territory's name with its date: « Pays de Bray, 2023 »."""
    from ..evolution import date_label
    from .titles import territory_title

    label = date_label(t.date, lang)
    return display_name(t.name) if label and label in t.name else territory_title(t, lang)


def _label(column: str, lang: str) -> str:
    """A readable header: this module's own, else the report's (indicators, then columns)."""
    for key in (f"compare.col.{column}", f"report.ind.{column}", f"report.col.{column}"):
        if has_text(key):
            return text(key, lang)
    return str(column)


def _number_format(column: str) -> str | None:
    if column in _SHARES or str(column).endswith("_share"):
        return "0.0%"
    if column in _INDICES:
        return "0.000"
    if column in _DECIMALS:
        return "0.00"
    return None


def _write_table(
    sheet: Any,
    frame: pd.DataFrame,
    lang: str,
    *,
    start: int = 1,
    rename: dict[str, str] | None = None,
    widths: bool = True,
    formats_by_row: list[str] | None = None,
) -> None:
    """``frame`` as a table: readable header at row ``start``, values as data."""
    rename = rename or {}
    columns = list(frame.columns)
    for number, column in enumerate(columns, start=1):
        cell = write_value(
            sheet.cell(row=start, column=number), _label(rename.get(column, column), lang)
        )
        cell.font, cell.fill = _BOLD, _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    yes, no = text("compare.yes", lang), text("compare.no", lang)
    date_format = locale_for(lang).sheet_date_format
    for offset, values in enumerate(frame.itertuples(index=False), start=1):
        row_format = _number_format(formats_by_row[offset - 1]) if formats_by_row else None
        for number, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            if isinstance(value, bool | np.bool_):
                value = yes if value else no
            cell = write_value(sheet.cell(row=start + offset, column=number), value)
            if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                fmt = row_format or _number_format(column)
                if fmt:
                    cell.number_format = fmt
            elif hasattr(cell.value, "year"):
                cell.number_format = date_format
    if widths:
        sheet.freeze_panes = sheet.cell(row=start + 1, column=2)
        if len(frame):
            sheet.auto_filter.ref = (
                f"A{start}:{get_column_letter(len(columns))}{start + len(frame)}"
            )
        lines = 1
        for number, column in enumerate(columns, start=1):
            label = _label(rename.get(column, column), lang)
            width = max(
                9,
                min(
                    60, 2 + max([len(label) // 2 + 2, *map(_shown_length, frame[column].head(200))])
                ),
            )
            sheet.column_dimensions[get_column_letter(number)].width = width
            lines = max(lines, math.ceil(len(label) / (width - 1)))
        sheet.row_dimensions[start].height = 15 * lines


def _shown_length(value: Any) -> int:
    """About how many characters a value takes once formatted in its cell."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0
    if isinstance(value, float | np.floating):
        return 8
    if hasattr(value, "year"):
        return 10
    return len(str(value))


def _save(book: Workbook, path: Path, *, wide: Sequence[str] = ()) -> None:
    """Save with fixed timestamps (same content, same bytes), printed landscape.

    Sheets are fitted to the page width, except those named in ``wide`` (a comparison
    of many indicators is read on screen; shrunk to one page it would be unreadable).
    """
    from ..stable_xlsx import stable_zip

    for sheet in book.worksheets:
        sheet.page_setup.orientation = "landscape"
        if sheet.title not in wide:
            sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
            sheet.sheet_properties.pageSetUpPr.fitToPage = True

    raw = io.BytesIO()
    book.save(raw)
    write_bytes(path, stable_zip(raw.getvalue()))  # atomic: never half a file
