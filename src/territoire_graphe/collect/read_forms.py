"""Exports of form tools (Google Forms, Microsoft Forms, Framaforms, LimeSurvey...): one row per answer.

The respondent's column is found by its header ("structure", "organisation", "votre nom"...)
or named with ``respondent=``. Partners come either as a *grid* -- one column per roster
actor headed ``Question [Actor]`` (or ``Question.Actor``, ``Question - Actor``), whose cells
list relation types, or just "oui" / "x" -- or as *free-text* columns listing names (found
by their header, or named with ``partners=``). A timestamp column orders the answers; an
e-mail column is recognised and left out. Other columns are listed in one warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..io.problems import ProblemLog
from ..io.sheets import RawSheet
from ..io.values import as_text, is_blank_row
from ..text_keys import loose
from ..vocabulary import Vocabulary
from .answers import (
    Answer,
    Partner,
    grid_column,
    header_kind,
    relation_types,
    split_lines,
    split_names,
    timestamp_of,
    type_from_header,
)


def read_form_export(
    sheet: RawSheet,
    file: str,
    log: ProblemLog,
    *,
    vocabulary: Vocabulary,
    default_type: str,
    respondent: str | None = None,
    partners: Sequence[str] | None = None,
    first_order: int = 0,
) -> list[Answer]:
    """Every answer of one export sheet (grid and free-text columns may be mixed)."""
    plan = _plan(sheet, vocabulary, default_type, respondent, partners, log, file)
    if plan is None:
        return []
    who, when, grid, free, offers = plan
    answers = []
    for order, (values, number) in enumerate(
        zip(sheet.rows, sheet.row_numbers, strict=False), start=first_order
    ):
        if is_blank_row(values):
            continue
        name = as_text(values[who]) if who < len(values) else None
        if not name:
            log.warning(
                "survey_no_respondent", sheet=sheet.name, row=number, column=sheet.column_label(who)
            )
            continue
        answer = Answer(
            name,
            file,
            sheet.name,
            number,
            order=order,
            when=timestamp_of(values[when]) if when is not None else None,
        )
        for position, actor, type_name in grid:
            types = relation_types(_at(values, position), default=type_name)
            if types:
                answer.partners.append(Partner(actor, types))
        for position, type_name in free:
            for cited in split_names(_at(values, position)):
                answer.partners.append(Partner(cited, [type_name]))
        for position, kind in offers:
            target = answer.resources if kind == "resources" else answer.needs
            target.extend((item, None) for item in split_lines(_at(values, position)))
        answers.append(answer)
    return answers


def _at(values: list[Any], position: int) -> Any:
    return values[position] if position < len(values) else None


def _plan(
    sheet: RawSheet,
    vocabulary: Vocabulary,
    default_type: str,
    respondent: str | None,
    partners: Sequence[str] | None,
    log: ProblemLog,
    file: str,
) -> (
    tuple[int, int | None, list[tuple[int, str, str]], list[tuple[int, str]], list[tuple[int, str]]]
    | None
):
    """Which column holds what: (respondent, time, grid, free text, resources and needs)."""
    headers = [str(h or "") for h in sheet.header]
    wanted = {loose(p) for p in partners or ()}
    who: int | None = None
    if respondent is not None:
        who = next((i for i, h in enumerate(headers) if loose(h) == loose(respondent)), None)
        if who is None:
            log.error(
                "survey_respondent_column_missing",
                sheet=sheet.name,
                row=sheet.header_row,
                value=respondent,
                columns=", ".join(h for h in headers if h),
            )
            return None
    when = None
    grid: list[tuple[int, str, str]] = []
    free: list[tuple[int, str]] = []
    offers: list[tuple[int, str]] = []
    ignored: list[str] = []
    for position, header in enumerate(headers):
        if not header or position == who:
            continue
        kind = header_kind(header)
        cell = grid_column(header)
        bracketed = "[" in header and cell is not None
        if wanted and loose(header) in wanted:
            free.append((position, type_from_header(header, vocabulary, default_type)))
        elif bracketed or (cell is not None and kind in (None, "partners") and not wanted):
            question, actor = cell  # type: ignore[misc]
            grid.append((position, actor, type_from_header(question, vocabulary, default_type)))
        elif kind == "time" and when is None:
            when = position
        elif kind == "email":
            continue
        elif kind == "respondent" and who is None:
            who = position
        elif kind == "partners" and not wanted:
            free.append((position, type_from_header(header, vocabulary, default_type)))
        elif kind in ("resources", "needs"):
            offers.append((position, kind))
        else:
            ignored.append(header)
    if who is None:
        log.error(
            "survey_respondent_column_unknown",
            sheet=sheet.name,
            row=sheet.header_row,
            columns=", ".join(h for h in headers if h),
        )
        return None
    if not grid and not free:
        log.error(
            "survey_partner_columns_unknown",
            sheet=sheet.name,
            row=sheet.header_row,
            columns=", ".join(h for h in headers if h),
        )
        return None
    if ignored:
        log.warning(
            "survey_columns_ignored",
            sheet=sheet.name,
            row=sheet.header_row,
            columns=", ".join(f"« {h} »" for h in ignored),
            count=len(ignored),
        )
    del file
    return who, when, grid, free, offers
