"""The territory workbook written from a territory, in the layout ``tg.read`` reads back.

Sheets and headers are those of FORMAT.md section 1, in French (``lang="fr"``) or English;
extra columns (``declared_by``, ``confirmed``, ``respondent``, ``source``...) follow the
standard ones under their own name. Text that looks like a formula stays text.

>>> import tempfile, territoire_graphe as tg
>>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
>>> with tempfile.TemporaryDirectory() as folder:
...     again = tg.read(write_territory(t, f"{folder}/copie.xlsx"))
>>> (len(again.actors), len(again.relations)) == (len(t.actors), len(t.relations))
True
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ..io.export import FAMILY_SHEETS, RELATION_FIELDS, type_rows
from ..io.schema import SHEETS_BY_NAME
from ..messages import resolve_lang
from ..model import ACTOR_COLUMNS, COLLECTIVE_COLUMNS, PEOPLE_COLUMNS, Territory
from ..render.safe_cells import write_value
from ..stable_xlsx import stable_zip

_KIND_WORDS = {
    "fr": {"actor": "acteur", "relation": "relation", "collective": "collectif"},
    "en": {"actor": "actor", "relation": "relation", "collective": "collective"},
}
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def write_territory(t: Territory, path: str | os.PathLike[str], *, lang: str | None = None) -> Path:
    """Write ``t`` as a territory workbook (.xlsx); returns the path."""
    lang = resolve_lang(lang)
    path = Path(path)
    columns = t.graph.graph.get("columns", {})
    book = Workbook()
    book.remove(book.active)
    _sheet(
        book,
        "actors",
        t.actors.reset_index(),
        ("id", *ACTOR_COLUMNS),
        columns.get("actor", []),
        lang,
    )
    relations = t.relations.copy()
    for end in ("source", "target"):
        relations[end] = relations[f"{end}_person"].where(
            relations[f"{end}_person"].notna(), relations[end]
        )
    extra = [c for c in columns.get("relation", []) if c in relations.columns]
    for family, sheet in FAMILY_SHEETS.items():
        chosen = relations[relations["family"] == family]
        if sheet == "relations" or len(chosen):
            _sheet(book, sheet, chosen, RELATION_FIELDS, extra, lang)
    for sheet, table, fields, kind in (
        ("collectives", t.collectives.reset_index(), ("id", *COLLECTIVE_COLUMNS), "collective"),
        ("people", t.people.reset_index(), ("id", *PEOPLE_COLUMNS), "person"),
    ):
        if len(table):
            _sheet(book, sheet, table, fields, columns.get(kind, []), lang)
    if len(t.memberships):
        table = t.memberships.copy()
        table["actor"] = table["person"].where(table["person"].notna(), table["actor"])
        _sheet(
            book,
            "memberships",
            table,
            ("actor", "collective", "role", "start", "end"),
            columns.get("membership", []),
            lang,
        )
    for sheet, table, what in (("resources", t.resources, "resource"), ("needs", t.needs, "need")):
        table = table.copy()
        table["actor"] = table["person"].where(table["person"].notna(), table["actor"])
        _sheet(book, sheet, table, ("actor", what, "category"), columns.get(sheet, []), lang)
    types = pd.DataFrame(
        type_rows(t), columns=["type", "kind", "family", "directed", "color", "label"]
    )
    if len(types):
        types["kind"] = types["kind"].map(_KIND_WORDS[lang])
        _sheet(book, "types", types, tuple(types.columns), [], lang)
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue()))
    return path


def _sheet(
    book: Workbook,
    sheet: str,
    frame: pd.DataFrame,
    fields: Sequence[str],
    extra: Iterable[str],
    lang: str,
) -> None:
    spec = SHEETS_BY_NAME[sheet]
    extra = [c for c in extra if c in frame.columns and c not in fields]
    ws = book.create_sheet(spec.en if lang == "en" else spec.fr)
    headers = [(spec.column(f).en if lang == "en" else spec.column(f).fr) for f in fields]
    for position, header in enumerate([*headers, *extra], start=1):
        cell = write_value(ws.cell(row=1, column=position), header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        ws.column_dimensions[get_column_letter(position)].width = 18
    names = [*fields, *extra]
    for number, values in enumerate(frame[names].itertuples(index=False), start=2):
        for position, value in enumerate(values, start=1):
            write_value(ws.cell(row=number, column=position), value)
    ws.freeze_panes = "A2"
