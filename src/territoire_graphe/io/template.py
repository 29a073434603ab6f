"""The empty workbook users fill in: every sheet and column, instructions, examples, drop-downs.

:func:`write_template` writes an .xlsx workbook with an instructions sheet first,
then every sheet of FORMAT.md section 1 with its headers (required ones in bold),
two example rows per sheet that fit together, and drop-down lists for the type
columns. The lists come from the default vocabulary and live in a hidden sheet
(``_listes`` / ``_lists``) that the reader ignores, as it ignores the instructions.
The file is byte-for-byte the same on every run (fixed dates in the zip and the
document properties).

>>> import tempfile, territoire_graphe as tg
>>> with tempfile.TemporaryDirectory() as folder:
...     t = tg.read(write_template(f"{folder}/modele.xlsx"))
>>> len(t.actors), len(t.relations), [p.code for p in t.warnings]
(2, 6, ['template_examples'])
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..messages import has_text, locale_for, resolve_lang, text
from ..stable_xlsx import stable_zip
from ..vocabulary import FLOW, TIE, default_vocabulary
from .outputs import write_bytes
from .schema import RELATION_SHEETS, SHEETS, Sheet
from .template_print import add_prompts, print_setup
from .territory_sheet import write_template_sheet

LAST_ROW = 1000  # data validation covers rows 2..LAST_ROW of every sheet
FIXED_TIME = dt.datetime(2024, 1, 1)  # written as the workbook's dates, for stable bytes

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="9DC3E6")
_HEADER_BORDER = Border(bottom=Side(style="thin", color="5B7FA6"))
_WRAP = Alignment(wrap_text=True, vertical="top")

# Which list each type-like column draws from, and whether a value outside it is
# refused ("stop") or needs a confirmation ("warning": a territory may have its own
# types, declared in the ``types`` sheet, so the type columns only warn).
_TYPE_LISTS = {
    ("actors", "type"): "actor",
    ("relations", "type"): "tie",
    ("flows", "type"): "flow",
    ("dependencies", "type"): "dependency",
    ("collectives", "type"): "collective",
    ("types", "kind"): "kind",
    ("types", "family"): "family",
    ("types", "directed"): "yes_no",
    **{(sheet, "directed"): "yes_no" for sheet in RELATION_SHEETS},
}
_OPEN_LISTS = {"actor", "tie", "flow", "dependency", "collective"}
# Numeric columns: (validation type, operator, bounds, message key).
_NUMBER_RULES: dict[tuple[str, str], tuple[str, str, tuple[str, ...], str]] = {
    ("actors", "influence"): ("whole", "between", ("0", "5"), "scale"),
    ("actors", "interest"): ("whole", "between", ("0", "5"), "scale"),
    ("actors", "latitude"): ("decimal", "between", ("-90", "90"), "latitude"),
    ("actors", "longitude"): ("decimal", "between", ("-180", "180"), "longitude"),
    **{
        (sheet, "weight"): ("decimal", "greaterThanOrEqual", ("0",), "weight")
        for sheet in RELATION_SHEETS
    },
}
_RULES = (
    "required",
    "ids",
    "references",
    "people",
    "weight",
    "directed",
    "dates",
    "functions",
    "scales",
    "types",
    "examples",
)


def write_template(path: str | os.PathLike[str], *, lang: str | None = None) -> Path:
    """Write the workbook to fill in, with instructions, examples and drop-down lists.

    Parameters
    ----------
    path : str or path-like
        The ``.xlsx`` file to write; an existing file is replaced.
    lang : str, optional
        ``"fr"``: French sheet names, headers and instructions; ``"en"``: English ones
        (default: ``$TERRITOIRE_GRAPHE_LANG``, else French).

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    ValueError
        If ``path`` does not end in ``.xlsx``.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> from openpyxl import load_workbook
    >>> path = tg.write_template(pathlib.Path(tempfile.mkdtemp()) / "modele.xlsx", lang="en")
    >>> "actors" in load_workbook(path).sheetnames
    True
    """
    lang = resolve_lang(lang)
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(text("template.suffix", lang, name=path.name))
    book = Workbook()
    book.properties.creator = "territoire_graphe"
    book.properties.title = text("template.title", lang)
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    lists = template_lists(lang)
    _instructions(book.active, lang, lists)
    lists_sheet = text("template.sheet_name.lists", lang)
    ranges = {
        name: _list_range(lists_sheet, index, len(values))
        for index, (name, values) in enumerate(lists.items())
    }
    examples = _examples(lang)
    for spec in SHEETS:
        _data_sheet(
            book.create_sheet(_name(spec, lang)), spec, lang, examples[spec.name], lists, ranges
        )
    territory_sheet = book.create_sheet()
    write_template_sheet(territory_sheet, lang)  # the "territoire" sheet (FORMAT.md §1)
    print_setup(territory_sheet)
    _lists_sheet(book.create_sheet(lists_sheet), lang, lists)
    book.active = 0
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes(path, stable_zip(buffer.getvalue(), when=FIXED_TIME))  # atomic
    return path


def template_lists(lang: str | None = "fr") -> dict[str, list[str]]:
    """The values of each drop-down list, from the default vocabulary, as the template shows them.

    >>> template_lists("fr")["family"], template_lists("en")["yes_no"]
    (['lien', 'flux', 'interdependance'], ['yes', 'no'])
    """
    lang = resolve_lang(lang)
    vocabulary = default_vocabulary()

    def labels(kind: str, keep: Callable[[Any], bool] = lambda entry: True) -> list[str]:
        return [e.label(lang) for e in vocabulary.entries[kind].values() if keep(e)]  # type: ignore[index]

    return {
        "actor": labels("actor"),
        "tie": labels("relation", lambda e: e.family == TIE),
        "flow": labels("relation", lambda e: e.family == FLOW),
        "dependency": labels("relation", lambda e: e.family not in (TIE, FLOW)),
        "collective": labels("collective"),
        "kind": [text(f"template.kind.{k}", lang) for k in ("actor", "relation", "collective")],
        "family": [text(f"template.family.{f}", lang) for f in ("lien", "flux", "interdependance")],
        "yes_no": [text("template.yes", lang), text("template.no", lang)],
        "function": labels("function"),
    }


# -- sheets -------------------------------------------------------------------------------
def _name(spec: Sheet, lang: str) -> str:
    return spec.en if lang == "en" else spec.fr


def _header(column: Any, lang: str) -> str:
    return column.en if lang == "en" else column.fr


def _describe(sheet: str, field: str, lang: str) -> str:
    specific = f"template.col.{sheet}.{field}"
    return text(specific if has_text(specific) else f"template.col.{field}", lang)


def _list_range(sheet_name: str, index: int, length: int) -> str:
    letter = get_column_letter(index + 1)
    quoted = sheet_name.replace("'", "''")
    return f"'{quoted}'!${letter}$2:${letter}${length + 1}"


def _data_sheet(
    ws: Worksheet,
    spec: Sheet,
    lang: str,
    rows: list[dict[str, Any]],
    lists: dict[str, list[str]],
    ranges: dict[str, str],
) -> None:
    date_format = locale_for(lang).sheet_date_format
    for position, column in enumerate(spec.columns, start=1):
        cell = ws.cell(row=1, column=position, value=_header(column, lang))
        cell.font = Font(bold=column.required)
        cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.border = _HEADER_BORDER
        for number, row in enumerate(rows, start=2):
            value = row.get(column.field)
            target = ws.cell(row=number, column=position, value=value)
            if isinstance(value, dt.date):
                target.number_format = date_format
        letter = get_column_letter(position)
        shown = [str(_header(column, lang)), *(str(r.get(column.field) or "") for r in rows)]
        list_name = _TYPE_LISTS.get((spec.name, column.field))
        if list_name is not None:
            shown += lists[list_name]
            ws.add_data_validation(
                _list_validation(
                    list_name, ranges[list_name], lang, f"{letter}2:{letter}{LAST_ROW}"
                )
            )
        rule = _NUMBER_RULES.get((spec.name, column.field))
        if rule is not None:
            ws.add_data_validation(_number_validation(rule, lang, f"{letter}2:{letter}{LAST_ROW}"))
        ws.column_dimensions[letter].width = min(max(len(s) for s in shown) + 3, 42)
    ws.freeze_panes = "A2"
    print_setup(ws)
    add_prompts(ws, spec.name, [c.field for c in spec.columns], lang, LAST_ROW)


def _list_validation(list_name: str, reference: str, lang: str, cells: str) -> DataValidation:
    is_open = list_name in _OPEN_LISTS
    return _validation(
        DataValidation(type="list", formula1=reference, allow_blank=True),
        "type" if is_open else "choice",
        "warning" if is_open else "stop",
        lang,
        cells,
    )


def _number_validation(
    rule: tuple[str, str, tuple[str, ...], str], lang: str, cells: str
) -> DataValidation:
    kind, operator, bounds, message = rule
    validation = DataValidation(
        type=kind,
        operator=operator,
        formula1=bounds[0],
        formula2=bounds[1] if len(bounds) > 1 else None,
        allow_blank=True,
    )
    return _validation(validation, message, "stop", lang, cells)


def _validation(
    validation: DataValidation, message: str, style: str, lang: str, cells: str
) -> DataValidation:
    validation.errorStyle = style
    validation.showErrorMessage = True
    validation.errorTitle = text("template.validation.title", lang)
    validation.error = text(f"template.validation.{message}", lang)
    validation.add(cells)
    return validation


def _lists_sheet(ws: Worksheet, lang: str, lists: dict[str, list[str]]) -> None:
    for position, (name, values) in enumerate(lists.items(), start=1):
        ws.cell(row=1, column=position, value=text(f"template.list.{name}", lang)).font = Font(
            bold=True
        )
        for number, value in enumerate(values, start=2):
            ws.cell(row=number, column=position, value=value)
        width = max(len(v) for v in [*values, text(f"template.list.{name}", lang)])
        ws.column_dimensions[get_column_letter(position)].width = min(width + 2, 50)
    ws.sheet_state = "hidden"


# -- instructions -------------------------------------------------------------------------
_WIDTHS = {"A": 20, "B": 18, "C": 16, "D": 95}


def _instructions(ws: Worksheet, lang: str, lists: dict[str, list[str]]) -> None:
    ws.title = text("template.sheet_name.instructions", lang)
    for letter, width in _WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws["A1"] = text("template.title", lang)
    ws["A1"].font = Font(bold=True, size=14)
    row = _paragraph(ws, 2, text("template.intro", lang))
    row = _paragraph(ws, row, text("template.check", lang)) + 1

    row = _heading(ws, row, "template.heading.sheets", lang)
    row = _table_header(ws, row, ("sheet", "alias", "required", "purpose"), lang)
    for spec in SHEETS:
        other = spec.fr if lang == "en" else spec.en
        required = "template.required.yes" if spec.required else "template.required.sheet_no"
        row = _table_row(
            ws,
            row,
            (
                _name(spec, lang),
                other,
                text(required, lang),
                text(f"template.sheet.{spec.name}", lang),
            ),
            spec.required,
        )
    row += 1

    row = _heading(ws, row, "template.heading.columns", lang)
    row = _table_header(ws, row, ("sheet", "column", "required", "description"), lang)
    for spec in SHEETS:
        for column in spec.columns:
            required = text(f"template.required.{'yes' if column.required else 'no'}", lang)
            row = _table_row(
                ws,
                row,
                (
                    _name(spec, lang),
                    _header(column, lang),
                    required,
                    _describe(spec.name, column.field, lang),
                ),
                column.required,
            )
    row += 1

    row = _heading(ws, row, "template.heading.rules", lang)
    for number, rule in enumerate(_RULES, start=1):
        ws.cell(row=row, column=1, value=f"{number}.").alignment = _WRAP
        row = _paragraph(ws, row, text(f"template.rule.{rule}", lang), first_column=2)
    row += 1

    row = _heading(ws, row, "template.heading.types", lang)
    row = _table_header(ws, row, ("list", None, None, "values"), lang)
    vocabulary = default_vocabulary()
    for name, values in lists.items():
        if name in ("tie", "flow", "dependency"):
            values = [f"{value} ({_direction(vocabulary, value, lang)})" for value in values]
        separator = " ; " if name == "function" else ", "
        row = _table_row(
            ws,
            row,
            (text(f"template.list.{name}", lang), None, None, separator.join(values)),
            False,
        )
    ws.freeze_panes = "A2"


def _direction(vocabulary: Any, label: str, lang: str) -> str:
    entry = vocabulary.relation(vocabulary.match("relation", label).name)
    return text(f"template.directed.{'yes' if entry.directed else 'no'}", lang)


def _heading(ws: Worksheet, row: int, key: str, lang: str) -> int:
    ws.cell(row=row, column=1, value=text(key, lang)).font = Font(bold=True, size=12)
    return row + 1


def _table_header(ws: Worksheet, row: int, names: tuple[str | None, ...], lang: str) -> int:
    for position, name in enumerate(names, start=1):
        if name is None:
            continue
        label = (
            text("template.header.alias", lang)
            if name == "alias"
            else text(f"template.header.{name}", lang)
        )
        cell = ws.cell(row=row, column=position, value=label)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _HEADER_BORDER
    return row + 1


def _table_row(ws: Worksheet, row: int, values: tuple[str | None, ...], bold: bool) -> int:
    for position, value in enumerate(values, start=1):
        if value is None:
            continue
        cell = ws.cell(row=row, column=position, value=value)
        cell.alignment = _WRAP
        cell.font = Font(bold=bold)
    _fit_height(ws, row, str(values[-1] or ""), _WIDTHS["D"])
    return row + 1


def _paragraph(ws: Worksheet, row: int, value: str, *, first_column: int = 1) -> int:
    """A long text across the columns ``first_column``..D, wrapped."""
    ws.merge_cells(start_row=row, start_column=first_column, end_row=row, end_column=4)
    cell = ws.cell(row=row, column=first_column, value=value)
    cell.alignment = _WRAP
    width = sum(w for letter, w in _WIDTHS.items() if ord(letter) - 64 >= first_column)
    _fit_height(ws, row, value, width)
    return row + 1


def _fit_height(ws: Worksheet, row: int, value: str, width: int) -> None:
    lines = max(1, math.ceil(len(value) / max(width - 8, 10)))
    if lines > 1:  # spreadsheet applications do not grow wrapped rows written by a program
        ws.row_dimensions[row].height = 15 * lines


# -- examples -----------------------------------------------------------------------------
def _examples(lang: str) -> dict[str, list[dict[str, Any]]]:
    """Two rows per sheet that fit together: the links name the example actors, etc."""
    vocabulary = default_vocabulary()

    def x(key: str) -> str:
        return text(f"template.ex.{key}", lang)

    def label(kind: str, name: str) -> str:
        return vocabulary.entries[kind][name].label(lang)  # type: ignore[index]

    yes, no = text("template.yes", lang), text("template.no", lang)
    town, reuse = "mairie-songeons", "ressourcerie-bray"
    town_name, reuse_name = "Mairie de Songeons", "Ressourcerie du Bray"
    area = "Pays de Bray"
    return {
        "actors": [
            {
                "id": town,
                "name": town_name,
                "type": label("actor", "commune"),
                "municipality": "Songeons",
                "area": area,
                "sector": x("sector.town"),
                "functions": "; ".join(label("function", f) for f in ("habiter", "se déplacer")),
                "role": x("role.town"),
                "influence": 4,
                "interest": 3,
                "latitude": 49.549,
                "longitude": 1.868,
            },
            {
                "id": reuse,
                "name": reuse_name,
                "type": label("actor", "entreprise de l'ESS"),
                "municipality": "Gournay-en-Bray",
                "area": area,
                "sector": x("sector.reuse"),
                "functions": "; ".join(label("function", f) for f in ("travailler", "habiter")),
                "role": x("role.reuse"),
                "influence": 2,
                "interest": 5,
                "latitude": 49.483,
                "longitude": 1.725,
            },
        ],
        "relations": [
            {
                "source": town,
                "target": reuse_name,
                "type": label("relation", "coopération"),
                "weight": 2.5,
                "directed": no,
                "start": 2021,
                "comment": x("comment.coop"),
            },
            {
                "source": reuse,
                "target": town,
                "type": label("relation", "convention"),
                "weight": 1,
                "start": dt.date(2022, 3, 15),
                "comment": x("comment.convention"),
            },
        ],
        "flows": [
            {
                "source": town,
                "target": reuse,
                "type": label("relation", "financement"),
                "weight": 3,
                "directed": yes,
                "start": 2023,
                "quantity": 15000,
                "unit": x("unit.euros"),
                "comment": x("comment.funding"),
            },
            {
                "source": reuse_name,
                "target": town_name,
                "type": label("relation", "achat / prestation"),
                "weight": 1,
                "start": 2023,
                "quantity": 12,
                "unit": x("unit.sessions"),
                "comment": x("comment.service"),
            },
        ],
        "dependencies": [
            {
                "source": reuse,
                "target": town,
                "type": label("relation", "dépendance"),
                "weight": 2,
                "start": dt.date(2022, 3, 15),
                "comment": x("comment.dependency"),
            },
            {
                "source": reuse,
                "target": town,
                "type": label("relation", "effet utile"),
                "weight": 1,
                "comment": x("comment.useful"),
            },
        ],
        "collectives": [
            {"id": "ptce-bray", "name": x("collective.ptce"), "type": label("collective", "PTCE")},
            {
                "id": "copil-reemploi",
                "name": x("collective.copil"),
                "type": label("collective", "comité de pilotage"),
            },
        ],
        "memberships": [
            {"actor": reuse, "collective": "ptce-bray", "role": x("role.founder"), "start": 2019},
            {
                "actor": town_name,
                "collective": "copil-reemploi",
                "role": x("role.member"),
                "start": dt.date(2022, 1, 10),
            },
        ],
        "resources": [
            {
                "actor": reuse,
                "resource": x("resource.workshop"),
                "category": x("category.equipment"),
            },
            {"actor": town, "resource": x("resource.premises"), "category": x("category.premises")},
        ],
        "needs": [
            {"actor": reuse, "need": x("need.storage"), "category": x("category.premises")},
            {"actor": town, "need": x("need.activities"), "category": x("category.skills")},
        ],
        "people": [
            {
                "id": "claire-m",
                "name": "Claire M.",
                "actor": town,
                "position": x("position.deputy"),
            },
            {
                "id": "karim-b",
                "name": "Karim B.",
                "actor": reuse_name,
                "position": x("position.director"),
            },
        ],
        "types": [
            {
                "type": x("type.grocery"),
                "kind": text("template.kind.actor", lang),
                "color": "#44AA99",
                "label": x("label.grocery"),
            },
            {
                "type": x("type.room"),
                "kind": text("template.kind.relation", lang),
                "family": text("template.family.flux", lang),
                "directed": yes,
                "label": x("label.room"),
            },
        ],
    }
