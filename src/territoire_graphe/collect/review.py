"""The review workbook: the names to check, each with its candidates and a decision to take.

One row per name cited (or per actor of a source, when merging) that was not matched
exactly: the name as written, where it was seen, the proposed actor with its score, the
other candidates, and a drop-down *decision*:

- ``cet acteur`` (``this actor``): the proposed actor is right;
- ``un autre acteur`` (``another actor``): write the right actor (name or id) in ``acteur``;
- ``nouvel acteur`` (``new actor``): a new actor, with the type written in ``type``
  (``autre`` if empty);
- ``ignorer`` (``ignore``): leave the name out.

Decisions are read back by :func:`read_decisions` (either language) and applied on the next
run; rows decided before are written again with their decision, so nothing decided is
asked again and the file stays a complete record.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from ..io.excel import read_workbook
from ..io.values import as_text
from ..messages import format_number, resolve_lang, text
from ..render.safe_cells import write_value
from ..stable_xlsx import stable_zip
from ..text_keys import key, loose

DECISIONS = ("this", "other", "new", "ignore")
_FIELDS = (
    "cited",
    "commune",
    "role",
    "seen_in",
    "status",
    "score",
    "proposed",
    "proposed_id",
    "candidates",
    "decision",
    "actor",
    "type",
)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_DECIDE_FILL = PatternFill("solid", fgColor="FFF2CC")


@dataclass(frozen=True)
class Decision:
    """What a person decided for one name: ``kind`` in :data:`DECISIONS`."""

    cited: str
    kind: str
    actor: str | None = None  # the proposed id ("this"), or the actor written ("other")
    type: str | None = None  # for a new actor


def review_key(cited: str, commune: Any = None) -> str:
    """The key a decision is kept under: the name (and commune) without case and accents."""
    place = as_text(commune)
    return loose(cited) + (f" @ {loose(place)}" if place else "")


def write_review(
    rows: Iterable[dict[str, Any]],
    path: str | os.PathLike[str],
    *,
    names: dict[str, str],
    lang: str | None = None,
) -> Path:
    """Write the review workbook (``rows``: dicts with the keys of ``_FIELDS``); returns the path."""
    lang = resolve_lang(lang)
    path = Path(path)
    book = Workbook()
    ws = book.active
    ws.title = text("collect.review.sheet", lang)
    headers = [text(f"collect.review.col.{f}", lang) for f in _FIELDS]
    for position, header in enumerate(headers, start=1):
        cell = write_value(ws.cell(row=1, column=position), header)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = (34, 18, 14, 24, 11, 8, 34, 12, 48, 18, 30, 16)
    for position, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=1, column=position).column_letter].width = width
    count = 0
    for number, row in enumerate(rows, start=2):
        count += 1
        for position, field in enumerate(_FIELDS, start=1):
            value = row.get(field)
            if field == "status" and value:
                value = text(f"collect.status.{value}", lang)
            if field == "decision" and value:
                value = text(f"collect.decision.{value}", lang)
            if field == "score" and isinstance(value, float):
                value = round(value)
            cell = write_value(ws.cell(row=number, column=position), value)
            if field in ("decision", "actor", "type"):
                cell.fill = _DECIDE_FILL
    lists = book.create_sheet("_listes")
    for line, kind in enumerate(DECISIONS, start=1):
        write_value(lists.cell(row=line, column=1), text(f"collect.decision.{kind}", lang))
    ordered = sorted(names.values(), key=loose)
    for line, name in enumerate(ordered, start=1):
        write_value(lists.cell(row=line, column=2), name)
    lists.sheet_state = "hidden"
    last = max(count + 1, 2) + 200
    decision = DataValidation(
        type="list", formula1=f"'_listes'!$A$1:$A${len(DECISIONS)}", allow_blank=True
    )
    decision.add(f"J2:J{last}")
    actor = DataValidation(
        type="list", formula1=f"'_listes'!$B$1:$B${max(len(ordered), 1)}", allow_blank=True
    )
    actor.errorStyle = "warning"
    actor.add(f"K2:K{last}")
    for validation in (decision, actor):
        ws.add_data_validation(validation)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:L{count + 1}"
    help_sheet = book.create_sheet(text("collect.review.help_sheet", lang))
    for line, words in enumerate(text("collect.review.help", lang).split("\n"), start=1):
        write_value(help_sheet.cell(row=line, column=1), words)
    help_sheet.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue()))
    return path


def read_decisions(path: str | os.PathLike[str], *, lang: str | None = None) -> dict[str, Decision]:
    """The decisions taken in a review workbook, keyed by :func:`review_key`."""
    path = Path(path)
    raw = read_workbook(path, display=path.name, lang=lang)
    sheet = raw.sheets[0]
    fields: dict[str, int] = {}
    for language in ("fr", "en"):
        for field in _FIELDS:
            wanted = key(text(f"collect.review.col.{field}", language))
            for position, header in enumerate(sheet.header):
                if key(str(header)) == wanted:
                    fields.setdefault(field, position)
    kinds = {
        key(text(f"collect.decision.{k}", language)): k
        for k in DECISIONS
        for language in ("fr", "en")
    }
    out: dict[str, Decision] = {}
    for values in sheet.rows:

        def get(field: str, values: list[Any] = values) -> str | None:
            position = fields.get(field)
            return (
                as_text(values[position])
                if position is not None and position < len(values)
                else None
            )

        cited, written = get("cited"), get("decision")
        if not cited or not written:
            continue
        kind = kinds.get(key(written))
        if kind is None:
            continue
        actor = get("proposed_id") or get("proposed") if kind == "this" else get("actor")
        out[review_key(cited, get("commune"))] = Decision(cited, kind, actor, get("type"))
    return out


def candidates_text(
    candidates: Iterable[tuple[str, float]], names: dict[str, str], lang: str
) -> str:
    """Candidates as a person reads them: « Ville de Creil » (92), « Creil Sud Oise » (75)."""
    quote = ("« ", " »") if lang == "fr" else ("\u201c", "\u201d")
    return ", ".join(
        f"{quote[0]}{names.get(a, a)}{quote[1]} ({format_number(round(s), lang)})"
        for a, s in candidates
    )


def review_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The rows of a review as a table (same fields as the workbook)."""
    return pd.DataFrame(rows, columns=list(_FIELDS))
