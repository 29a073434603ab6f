"""One questionnaire workbook per actor of a roster, to send by e-mail and fill in Excel or Calc.

Each workbook says whose it is and how to answer (first sheet), then holds:

- ``liens``: every other actor of the roster, pre-filled, with a drop-down of relation types,
  a drop-down of intensities and a comment; the relations already known for the actor are
  pre-filled (type and intensity, marked in the ``connu`` column, with an empty
  ``toujours vrai ?`` oui / non column for the respondent and, hidden, what was pre-filled),
  so that the same workbook collects and verifies; then empty rows for partners not in the
  list;
- ``ressources`` and ``besoins``: what the actor can offer and what it lacks;
- a hidden sheet ``_questionnaire`` naming the actor (its id), read back by ``read_survey``.

Every sheet prints on A4, one page wide, the header repeated on each page.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..io.template import template_lists
from ..messages import text
from ..model import Territory
from ..render.safe_cells import write_value
from ..stable_xlsx import stable_zip
from ..text_keys import loose
from .layout import COLUMNS, FREE_ROWS, LISTS_SHEET, META_SHEET, OFFER_ROWS, SHEETS, WEIGHTS

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_KNOWN_FILL = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(wrap_text=True, vertical="top")
_LINK_COLUMNS = (
    "partner",
    "type",
    "weight",
    "comment",
    "known",
    "still",
    "known_type",
    "known_weight",
)


def write_workbooks(
    t: Territory,
    folder: Path,
    *,
    lang: str,
    sender: str | None = None,
    contact: str | None = None,
) -> list[Path]:
    """Write one questionnaire per actor of ``t`` into ``folder``; returns the paths, in order.

    ``sender`` and ``contact`` (who sends it, how to reply) are printed on the first sheet."""
    folder.mkdir(parents=True, exist_ok=True)
    names = t.actors["name"].astype(str)
    known = _known_relations(t, lang)
    types = relation_type_labels(lang)
    taken: set[str] = set()
    paths = []
    for actor in t.actors.index:
        path = folder / _file_name(names[actor], taken, lang)
        partners = sorted(
            (a for a in t.actors.index if a != actor), key=lambda a: (loose(names[a]), a)
        )
        raw = _workbook(
            t,
            actor,
            [(a, names[a]) for a in partners],
            known.get(actor, {}),
            types,
            lang,
            sender_line(sender, contact, lang),
        )
        path.write_bytes(raw)
        paths.append(path)
    return paths


def relation_type_labels(lang: str) -> list[str]:
    """The relation types offered in the drop-down: ties, then flows, then dependencies."""
    lists = template_lists(lang)
    return [*lists["tie"], *lists["flow"], *lists["dependency"]]


def _known_relations(t: Territory, lang: str) -> dict[str, dict[str, list[tuple[str, float]]]]:
    """For each actor, its partners in the roster's relations: [(type label, weight)]."""
    out: dict[str, dict[str, list[tuple[str, float]]]] = {}
    for row in t.relations.itertuples(index=False):
        entry = t.vocabulary.relation(str(row.type))
        label = entry.label(lang)
        weight = float(row.weight) if pd.notna(row.weight) else 1.0  # type: ignore[arg-type]
        for a, b in ((str(row.source), str(row.target)), (str(row.target), str(row.source))):
            if a == b:
                continue
            pairs = out.setdefault(str(a), {}).setdefault(str(b), [])
            if (label, weight) not in pairs:
                pairs.append((label, weight))
    return out


def _file_name(name: str, taken: set[str], lang: str) -> str:
    stem = "_".join(loose(name).split())[:60] or "acteur"
    prefix = text("collect.questionnaire.file_prefix", lang)
    candidate, number = f"{prefix}_{stem}", 2
    while candidate in taken:
        candidate, number = f"{prefix}_{stem}_{number}", number + 1
    taken.add(candidate)
    return f"{candidate}.xlsx"


def _workbook(
    t: Territory,
    actor: str,
    partners: list[tuple[str, str]],
    known: dict[str, list[tuple[str, float]]],
    types: list[str],
    lang: str,
    sender: str | None = None,
) -> bytes:
    i = 0 if lang == "fr" else 1
    name = str(t.actors.at[actor, "name"])
    book = Workbook()
    _intro(book.active, name, t.name, SHEETS["intro"][i], lang, sender)
    links = book.create_sheet(SHEETS["links"][i])
    _links(links, partners, known, lang)
    for role, field in (("resources", "resource"), ("needs", "need")):
        ws = book.create_sheet(SHEETS[role][i])
        _table(ws, [COLUMNS[field][i], COLUMNS["category"][i]], OFFER_ROWS, (44, 24))
        ws["D1"] = text(f"collect.questionnaire.{role}_help", lang)
        ws["D1"].alignment = _WRAP
        ws.column_dimensions["D"].width = 40
    lists = book.create_sheet(LISTS_SHEET)
    for row, label in enumerate(types, start=1):
        write_value(lists.cell(row=row, column=1), label)
    for row, weight in enumerate(WEIGHTS, start=1):
        lists.cell(row=row, column=2, value=int(weight))
    lists.sheet_state = "hidden"
    last = 1 + len(partners) + sum(max(len(v) - 1, 0) for v in known.values()) + FREE_ROWS
    _validations(links, len(types), last, lang)
    meta = book.create_sheet(META_SHEET)
    for row, (field, value) in enumerate(
        (
            ("champ", "valeur"),
            ("acteur", actor),
            ("nom", name),
            ("territoire", t.name),
            ("langue", lang),
        ),
        start=1,
    ):
        write_value(meta.cell(row=row, column=1), field)
        write_value(meta.cell(row=row, column=2), value)
    meta.sheet_state = "hidden"
    book.properties.creator = "territoire_graphe"
    book.properties.title = text("collect.questionnaire.title", lang, name=name)
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue())


def sender_line(sender: str | None, contact: str | None, lang: str) -> str | None:
    """Who sends the questionnaire and how to reply, as one sentence; None if neither is given.

    >>> sender_line("Marie Dupont, PTCE Émergence", "marie@ptce.fr", "fr")
    'Questionnaire envoyé par Marie Dupont, PTCE Émergence. Pour le renvoyer ou pour toute question : marie@ptce.fr.'
    >>> sender_line(None, "  ", "en") is None
    True
    """
    who = " ".join(str(sender or "").split())
    how = " ".join(str(contact or "").split())
    if who and how:
        return text("collect.questionnaire.sender_contact", lang, sender=who, contact=how)
    if who:
        return text("collect.questionnaire.sender", lang, sender=who)
    if how:
        return text("collect.questionnaire.contact", lang, contact=how)
    return None


def _intro(
    ws: Worksheet, name: str, territory: str, title: str, lang: str, sender: str | None = None
) -> None:
    ws.title = title
    write_value(ws["A1"], text("collect.questionnaire.title", lang, name=name))
    ws["A1"].font = Font(bold=True, size=14)
    lines = [text("collect.questionnaire.whose", lang, name=name, territory=territory)]
    lines += [sender, ""] if sender else [""]
    lines += [text(f"collect.questionnaire.step{n}", lang) for n in range(1, 7)]
    for row, line in enumerate(lines, start=3):
        write_value(ws.cell(row=row, column=1), line).alignment = _WRAP
    ws.column_dimensions["A"].width = 100
    _print_setup(ws, header=False)


def _links(
    ws: Worksheet,
    partners: list[tuple[str, str]],
    known: dict[str, list[tuple[str, float]]],
    lang: str,
) -> None:
    i = 0 if lang == "fr" else 1
    headers = [COLUMNS[c][i] for c in _LINK_COLUMNS]
    _table(ws, headers, 0, (44, 26, 11, 40, 14, 16, 20, 12))
    row = 2
    mark = text("collect.questionnaire.known_mark", lang)
    for partner, shown in partners:
        entries: list[tuple[str | None, float | None]] = list(known.get(partner, [])) or [
            (None, None)
        ]
        for label, weight in entries:
            write_value(ws.cell(row=row, column=1), shown)
            if label is not None:
                # the known relation, and (hidden) what was pre-filled: a row left as it was
                # is not an answer; "toujours vrai ?" (column F) is left for the respondent
                for column, value in ((2, label), (3, weight), (5, mark), (7, label), (8, weight)):
                    write_value(ws.cell(row=row, column=column), value)
                for column in range(1, 7):
                    ws.cell(row=row, column=column).fill = _KNOWN_FILL
            row += 1
    for letter in ("G", "H"):
        ws.column_dimensions[letter].hidden = True
    ws.freeze_panes = "B2"


def _table(ws: Worksheet, headers: list[str], empty_rows: int, widths: Iterable[int]) -> None:
    for position, (header, width) in enumerate(zip(headers, widths, strict=False), start=1):
        cell = write_value(ws.cell(row=1, column=position), header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        ws.column_dimensions[cell.column_letter].width = width
    if empty_rows:
        ws.cell(row=1 + empty_rows, column=1).value = None
    ws.freeze_panes = "A2"
    _print_setup(ws, header=True)


def _validations(ws: Worksheet, types: int, last: int, lang: str) -> None:
    type_list = DataValidation(
        type="list", formula1=f"'{LISTS_SHEET}'!$A$1:$A${types}", allow_blank=True
    )
    type_list.errorStyle = "warning"  # a type of one's own is accepted, after a warning
    weight_list = DataValidation(
        type="list", formula1=f"'{LISTS_SHEET}'!$B$1:$B${len(WEIGHTS)}", allow_blank=True
    )
    weight_list.errorStyle = "warning"
    yes_no = DataValidation(
        type="list",
        formula1='"{}"'.format(text("collect.questionnaire.yes_no", lang)),
        allow_blank=True,
    )
    for validation, column, key in (
        (type_list, "B", "type"),
        (weight_list, "C", "weight"),
        (yes_no, "F", "still"),
    ):
        validation.showInputMessage = True
        validation.promptTitle = text(f"collect.questionnaire.{key}_title", lang)
        validation.prompt = text(f"collect.questionnaire.{key}_prompt", lang)
        validation.showErrorMessage = True
        validation.errorTitle = validation.promptTitle
        validation.error = validation.prompt
        validation.add(f"{column}2:{column}{last}")
        ws.add_data_validation(validation)


def _print_setup(ws: Worksheet, *, header: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header:
        ws.print_title_rows = "1:1"


def known_count(t: Territory) -> dict[str, Any]:
    """How many relations each actor has in the roster (shown when questionnaires are written)."""
    return {str(a): len(v) for a, v in _known_relations(t, "fr").items()}
