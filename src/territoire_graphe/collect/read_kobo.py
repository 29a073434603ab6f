"""Exports of the XLSForm of ``write_questionnaire(form="xlsform")`` from KoboToolbox or ODK.

An xlsx export has the answers in its first sheet and the repeat group ``lien`` in a sheet
of its own, joined by ``_index`` / ``_parent_index`` (KoboToolbox) or ``KEY`` /
``PARENT_KEY`` (ODK Central). Headers may carry the group path (``lien/types``). Values are
the form's choice names (``A01 A02``, ``cooperation financement``) or, in a labelled export,
the labels. A CSV export of the main sheet alone gives the partners without their types:
they take the default relation type.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..io.sheets import RawSheet
from ..io.values import as_text, is_blank_row
from ..text_keys import loose
from .answers import Answer, Partner, split_lines, split_names, timestamp_of, weight_of
from .layout import XLSFORM_FIELDS

F = XLSFORM_FIELDS
# Header names as _field gives them (leading underscores dropped, lower case).
_PARENT = ("parent_index", "parent_key", "parent_uuid")
_OWN = ("index", "key", "uuid")
_TIME = ("submission_time", "end", "submissiondate", "submission_date", "today", "submitted_at")


def is_kobo(sheet: RawSheet) -> bool:
    """Whether a sheet is the main sheet of an export of our XLSForm."""
    return F["respondent"] in {_field(h) for h in sheet.header}


def is_repeat(sheet: RawSheet) -> bool:
    """Whether a sheet is the repeat group of an export (types, and a parent key)."""
    fields = _positions(sheet)
    return F["types"] in fields and any(p in fields for p in _PARENT)


def _field(header: Any) -> str:
    written = str(header or "").strip()
    return loose(written.rsplit("/", 1)[-1]).replace(" ", "_")


def read_kobo_export(
    sheets: Sequence[RawSheet],
    file: str,
    *,
    default_type: str,
    type_names: dict[str, str],
    first_order: int = 0,
) -> list[Answer]:
    """The answers of an export: main sheet first, the repeat sheet found by its columns."""
    main = sheets[0]
    columns = _positions(main)
    repeat = next((s for s in sheets[1:] if is_repeat(s)), None)
    links = _links_by_parent(repeat, type_names) if repeat is not None else {}
    answers = []
    for order, (values, number) in enumerate(
        zip(main.rows, main.row_numbers, strict=False), start=first_order
    ):
        if is_blank_row(values):
            continue
        get = _getter(values, columns)
        respondent = as_text(get(F["respondent"]))
        answer = Answer(
            respondent, file, main.name, number, order=order, respondent_choice=respondent
        )
        answer.when = next(
            (t for t in (timestamp_of(get(c)) for c in _TIME) if t is not None), None
        )
        own = next((as_text(get(c)) for c in _OWN if as_text(get(c))), None)
        if own is not None and own in links:
            answer.partners.extend(links[own])
        else:
            for choice in _choices(get(F["partners"])):
                answer.partners.append(Partner(choice, [default_type], choice=choice))
        for cited in split_names(get(F["others"])):
            answer.partners.append(Partner(cited, [default_type]))
        answer.resources.extend((item, None) for item in split_lines(get(F["resources"])))
        answer.needs.extend((item, None) for item in split_lines(get(F["needs"])))
        answers.append(answer)
    return answers


def _positions(sheet: RawSheet) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, header in enumerate(sheet.header):
        found.setdefault(_field(header), position)
    return found


def _getter(values: list[Any], columns: dict[str, int]) -> Any:
    def get(name: str) -> Any:
        position = columns.get(name)
        return values[position] if position is not None and position < len(values) else None

    return get


def _choices(value: Any) -> list[str]:
    """Choice names of a multiple choice: space-separated names, or a list of labels."""
    written = as_text(value)
    if not written:
        return []
    if any(sep in written for sep in ";,\n"):
        return split_names(written)
    return written.split()


def _links_by_parent(sheet: RawSheet, type_names: dict[str, str]) -> dict[str, list[Partner]]:
    columns = _positions(sheet)
    out: dict[str, list[Partner]] = {}
    for values in sheet.rows:
        if is_blank_row(values):
            continue
        get = _getter(values, columns)
        parent = next((as_text(get(c)) for c in _PARENT if as_text(get(c))), None)
        choice = as_text(get(F["partner"]))
        label = as_text(get(F["partner_label"]))
        if parent is None or not (choice or label):
            continue
        types = [type_names.get(t, t) for t in _choices(get(F["types"]))]
        out.setdefault(parent, []).append(
            Partner(
                label or choice or "",
                types,
                weight_of(get(F["weight"])),
                as_text(get(F["comment"])),
                choice=choice,
            )
        )
    return out
