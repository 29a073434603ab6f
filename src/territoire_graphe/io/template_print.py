"""The template as a person prints and fills it: page setup, cell prompts, example rows left in.

:func:`print_setup` makes each data sheet print landscape on A4, one page wide, its
header row repeated on every page; :func:`add_prompts` shows, when a key cell is
selected, what to type there (Excel's and LibreOffice's "input message" of a data
validation); :func:`example_warnings` is the reading warning given when the template's
example rows (« Mairie de Songeons », « Ressourcerie du Bray »...) are still in a workbook.

>>> from territoire_graphe.model import Territory
>>> t = Territory.from_records(actors=[
...     {"id": "mairie-songeons", "name": "Mairie de Songeons", "type": "commune"}])
>>> [p.code for p in example_warnings(t, "fr")]
['template_examples']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..messages import has_text, text
from .problems import Problem

if TYPE_CHECKING:  # openpyxl is imported when a template is written, not when one is read
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

#: The example actors and people of the template: (id, name), the same in both languages.
EXAMPLE_ROWS = (
    ("mairie-songeons", "Mairie de Songeons"),
    ("ressourcerie-bray", "Ressourcerie du Bray"),
    ("claire-m", "Claire M."),
    ("karim-b", "Karim B."),
)
_PROMPTED = {
    "actors": ("id", "name", "type", "municipality", "functions", "influence", "interest"),
    "relations": ("source", "target", "type", "weight", "directed", "start"),
    "flows": ("source", "target", "type", "quantity", "unit"),
    "dependencies": ("source", "target", "type"),
    "collectives": ("name", "type"),
    "memberships": ("actor", "collective"),
    "resources": ("actor", "resource", "category"),
    "needs": ("actor", "need", "category"),
    "people": ("name", "actor"),
    "types": ("type", "kind", "family"),
}


def print_setup(ws: Worksheet) -> None:
    """A4 landscape, fit to one page wide, the header row on every page, page numbers."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.oddHeader.left.text = "&A"
    ws.oddFooter.right.text = "&P / &N"


def add_prompts(ws: Worksheet, sheet: str, fields: list[str], lang: str, last_row: int) -> None:
    """The input message of each key column (``fields``: the sheet's fields, in column order).

    A column that already has a drop-down or a number check gets the message on that same
    validation (a cell holds only one); the others get a validation that accepts anything.
    """
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    existing: dict[str, DataValidation] = {}
    for validation in ws.data_validations.dataValidation:
        for cells in str(validation.sqref).split():
            existing[cells.split(":")[0].rstrip("0123456789")] = validation
    for position, field in enumerate(fields, start=1):
        key = f"template.prompt.{sheet}.{field}"
        if field not in _PROMPTED.get(sheet, ()) or not has_text(key):
            continue
        letter = get_column_letter(position)
        validation = existing.get(letter)
        if validation is None:
            validation = DataValidation(allow_blank=True)
            validation.add(f"{letter}2:{letter}{last_row}")
            ws.add_data_validation(validation)
        validation.showInputMessage = True
        validation.promptTitle = (
            text(f"template.prompt_title.{field}", lang)[:32]
            if has_text(f"template.prompt_title.{field}")
            else None
        )
        validation.prompt = text(key, lang)[:255]


def example_warnings(t: Any, lang: str) -> list[Problem]:
    """A warning when the template's example actors or people are still in the territory."""
    found = []
    for frame in (t.actors, t.people):
        if not len(frame):
            continue
        names = frame["name"].astype(str).to_dict()
        found += [name for ident, name in EXAMPLE_ROWS if names.get(ident) == name]
    if not found:
        return []
    listed = ", ".join(text("template.examples.quoted", lang, name=n) for n in found)
    return [
        Problem(
            file=_file(t),
            sheet=None,
            row=None,
            column=None,
            code="template_examples",
            message=text("template.examples.left", lang, names=listed),
            hint=text("template.examples.hint", lang),
            severity="warning",
            lang=lang,
        )
    ]


def _file(t: Any) -> str | None:
    from pathlib import PurePath

    return PurePath(str(t.source)).name if getattr(t, "source", None) else None


__all__ = ["EXAMPLE_ROWS", "add_prompts", "example_warnings", "print_setup"]
