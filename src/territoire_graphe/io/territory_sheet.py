"""The ``territoire`` / ``territory`` sheet of FORMAT.md §1: what the workbook is about.

Two columns, ``champ`` / ``field`` and ``valeur`` / ``value``; fields ``nom`` / ``name``,
``date``, ``perimetre`` / ``perimeter`` (the communes of the territory, separated by ``;``,
by name or INSEE code), ``source``, ``auteur`` / ``author``. Field names are matched like
headers (case, accents, spaces and a trailing "s" ignored). An unknown field or a date that
cannot be read is a warning, never a reason to refuse the workbook; the value is kept.

>>> from territoire_graphe.io.sheets import RawSheet
>>> sheet = RawSheet("Territoire", ["champ", "valeur"],
...                  [["Nom", "Pays de Bray"], ["Périmètre", "Songeons; Gournay-en-Bray"]],
...                  [2, 3])
>>> info = read_territory_sheet(sheet, None)
>>> info["name"], info["perimeter"]
('Pays de Bray', ['Songeons', 'Gournay-en-Bray'])
"""

from __future__ import annotations

from typing import Any

from ..text_keys import key
from .problems import ProblemLog
from .sheets import RawSheet
from .values import as_text, is_blank_row, parse_date, split_values

SHEET_KEYS = frozenset({key("territoire"), key("territory")})
FIELDS = {
    key("nom"): "name",
    key("name"): "name",
    key("date"): "date",
    key("perimetre"): "perimeter",
    key("perimeter"): "perimeter",
    key("source"): "source",
    key("auteur"): "author",
    key("author"): "author",
    key("autrice"): "author",
}
_FIELD_HEADERS = frozenset({key("champ"), key("field")})
_VALUE_HEADERS = frozenset({key("valeur"), key("value")})


def is_territory_sheet(name: str) -> bool:
    """Whether a sheet name is the territory sheet's (French or English)."""
    return key(name) in SHEET_KEYS


def read_territory_sheet(sheet: RawSheet, log: ProblemLog | None) -> dict[str, Any]:
    """The fields of the territory sheet, as a dict (``perimeter`` a list, ``date`` a Timestamp).

    The header row may be ``champ | valeur`` or absent (the first row is then a field).
    """
    rows = [list(sheet.header), *sheet.rows]
    numbers = [sheet.header_row, *sheet.row_numbers]
    headers = [key(str(v)) for v in sheet.header[:2]]
    if len(headers) == 2 and headers[0] in _FIELD_HEADERS and headers[1] in _VALUE_HEADERS:
        rows, numbers = rows[1:], numbers[1:]
    info: dict[str, Any] = {}
    for row, number in zip(rows, numbers, strict=True):
        if is_blank_row(row):
            continue
        field = FIELDS.get(key(str(row[0] if row else "")))
        value = row[1] if len(row) > 1 else None
        if field is None:
            if log is not None:
                log.warning(
                    "territory_field_unknown",
                    sheet=sheet.name,
                    row=number,
                    column=sheet.column_label(0),
                    field=as_text(row[0]) or "",
                )
            continue
        if field == "perimeter":
            info[field] = split_values(value)
        elif field == "date":
            date = parse_date(value)
            if date is None and as_text(value) and log is not None:
                log.warning(
                    "territory_date_unreadable",
                    sheet=sheet.name,
                    row=number,
                    column=sheet.column_label(1),
                    value=as_text(value) or "",
                )
            if date is not None:
                info[field] = date
        elif as_text(value):
            info[field] = as_text(value)
    return info


def read_territory_info(raw: Any, log: ProblemLog | None) -> dict[str, Any]:
    """The territory sheet of a raw workbook, read (empty when there is none)."""
    for sheet in raw.sheets:
        if is_territory_sheet(sheet.name) and (sheet.header or sheet.rows):
            return read_territory_sheet(sheet, log)
    return {}


def write_template_sheet(ws: Any, lang: str) -> None:
    """Fill the template's territory sheet: ``champ | valeur | aide`` and the five fields."""
    from openpyxl.styles import Alignment, Font, PatternFill

    from ..messages import text

    ws.title = text("territory_sheet.name", lang)
    for column, name in enumerate(("field", "value", "help"), start=1):
        cell = ws.cell(row=1, column=column, value=text(f"territory_sheet.{name}", lang))
        cell.font = Font(bold=column < 3)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row, field in enumerate(("name", "date", "perimeter", "source", "author"), start=2):
        ws.cell(row=row, column=1, value=text(f"territory_sheet.field.{field}", lang))
        ws.cell(
            row=row, column=3, value=text(f"territory_sheet.help.{field}", lang)
        ).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 70
    ws.freeze_panes = "A2"
