"""Exports of the XLSForm of ``write_questionnaire(form="xlsform")`` from KoboToolbox or ODK.

An xlsx export has the answers in its first sheet and the repeat group ``lien`` in a sheet
of its own, joined by ``_index`` / ``_parent_index`` (KoboToolbox) or ``KEY`` /
``PARENT_KEY`` (ODK Central). Headers are the questions' names, or in a "labels" export
their labels (French or English), and may carry the group path (``lien/types``, group
separator ``/``). A select_multiple comes as a summary column -- choice names, or labels,
joined by spaces -- and often one ``question/choice`` column per choice holding 1 / 0:
those columns are read first; otherwise the summary is cut against the form's choices
(:class:`~.choices.Choices`, longest first), and what matches no choice is reported (file,
sheet, row, column). A CSV export of the main sheet alone gives the partners without their
types: they take the default relation type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..io.problems import ProblemLog
from ..io.sheets import RawSheet
from ..io.values import as_text, is_blank_row
from ..messages import text
from ..text_keys import loose
from .answers import Answer, Partner, split_lines, split_names, timestamp_of, weight_of
from .choices import Choices
from .layout import XLSFORM_FIELDS

F = XLSFORM_FIELDS
# Header names as _field gives them (leading underscores dropped, lower case).
_PARENT = ("parent_index", "parent_key", "parent_uuid")
_OWN = ("index", "key", "uuid")
_TIME = ("submission_time", "end", "submissiondate", "submission_date", "today", "submitted_at")
_META = ("uuid", "index", "submission_time", "key", "instanceid", "submissiondate")
# The questions whose label may head a column of a "labels" export (catalogue key, field).
_LABELLED = {
    "respondent": "respondent",
    "partners": "partners",
    "others": "others",
    "resources": "resources",
    "needs": "needs",
    "types": "types",
    "weight": "weight",
    "comment": "comment",
}
_TICKED = frozenset({"1", "1.0", "true", "vrai", "oui", "yes", "x"})


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    """loose(label) -> question name, for the labels of the form in French and English."""
    partner = f"${{{F['partner_label']}}}"
    out = {}
    for lang in ("fr", "en"):
        for key, field in _LABELLED.items():
            label = text(f"collect.xlsform.{key}", lang).replace("{partner}", partner)
            out[loose(label)] = F[field]
    return out


def is_kobo(sheet: RawSheet) -> bool:
    """Whether a sheet is the main sheet of an export of our XLSForm (the respondent's
    question by its name, or by its label beside a column KoboToolbox or ODK adds)."""
    by_name = {_field(h, labels=False) for h in sheet.header}
    if F["respondent"] in by_name:
        return True
    return any(m in by_name for m in _META) and F["respondent"] in {_field(h) for h in sheet.header}


def is_repeat(sheet: RawSheet) -> bool:
    """Whether a sheet is the repeat group of an export (types, and a parent key)."""
    fields = _positions(sheet)
    return F["types"] in fields and any(p in fields for p in _PARENT)


def _field(header: Any, *, labels: bool = True) -> str:
    """The question a header names: its last group segment, a name or (``labels``) a label."""
    last = str(header or "").strip().rsplit("/", 1)[-1]
    written = loose(last)
    if labels and written in _labels():
        return _labels()[written]
    return written.replace(" ", "_")


def read_kobo_export(
    sheets: Sequence[RawSheet],
    file: str,
    *,
    default_type: str,
    type_names: dict[str, str],
    first_order: int = 0,
    choices: Mapping[str, Choices] | None = None,
    log: ProblemLog | None = None,
) -> list[Answer]:
    """The answers of an export: main sheet first, the repeat sheet found by its columns.

    ``choices``: the form's choice lists (``actors``, ``types``, ``weights``), to read labels
    and to cut summary cells; ``log`` gets what cannot be read."""
    reader = _Reader(choices or {}, log)
    main = sheets[0]
    columns = _positions(main)
    details = _details(main, F["partners"], reader.choices.get("actors"))
    repeat = next((s for s in sheets[1:] if is_repeat(s)), None)
    links = reader.links_by_parent(repeat, type_names) if repeat is not None else {}
    answers = []
    for order, (values, number) in enumerate(
        zip(main.rows, main.row_numbers, strict=False), start=first_order
    ):
        if is_blank_row(values):
            continue
        get = _getter(values, columns)
        written = as_text(get(F["respondent"]))
        choice = reader.name_of("actors", written)
        answer = Answer(written, file, main.name, number, order=order, respondent_choice=choice)
        answer.when = next(
            (t for t in (timestamp_of(get(c)) for c in _TIME) if t is not None), None
        )
        own = next((as_text(get(c)) for c in _OWN if as_text(get(c))), None)
        if own is not None and own in links:
            answer.partners.extend(links[own])
        else:
            where = (main, number, columns.get(F["partners"]))
            for name in reader.selected(values, where, details, "actors"):
                answer.partners.append(Partner(name, [default_type], choice=name))
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


def _details(sheet: RawSheet, field: str, choices: Choices | None) -> dict[str, int]:
    """The per-choice 1 / 0 columns of a select_multiple: choice name -> position.

    Their header is the question (name or label, after its group path), ``/``, then the
    choice (name or label, which may itself hold a ``/``)."""
    if choices is None:
        return {}
    found: dict[str, int] = {}
    for position, header in enumerate(sheet.header):
        written = str(header or "")
        for cut in (i for i, c in enumerate(written) if c == "/"):
            if _field(written[:cut]) == field:
                name = choices.name_of(written[cut + 1 :])
                if name is not None:
                    found.setdefault(name, position)
                    break
    return found


def _getter(values: list[Any], columns: dict[str, int]) -> Any:
    def get(name: str) -> Any:
        position = columns.get(name)
        return values[position] if position is not None and position < len(values) else None

    return get


class _Reader:
    """Reads select cells against the form's choices, and reports what it cannot read."""

    def __init__(self, choices: Mapping[str, Choices], log: ProblemLog | None) -> None:
        self.choices = choices
        self.log = log

    def name_of(self, which: str, written: str | None) -> str | None:
        choices = self.choices.get(which)
        if not written or choices is None:
            return written
        return choices.name_of(written) or written

    def selected(
        self,
        values: list[Any],
        where: tuple[RawSheet, int, int | None],
        details: dict[str, int],
        which: str,
    ) -> list[str]:
        """The choices of one select_multiple cell: from its 1 / 0 columns when the row
        has them, else cut from its summary cell."""
        cells = {n: values[p] for n, p in details.items() if p < len(values)}
        if any(as_text(v) for v in cells.values()):
            return [n for n, v in cells.items() if loose(as_text(v) or "") in _TICKED]
        sheet, row, position = where
        summary = values[position] if position is not None and position < len(values) else None
        written = as_text(summary)
        choices = self.choices.get(which)
        if not written:
            return []
        if choices is None:  # no choice list: names separated by spaces, or a list of names
            return split_names(written) if any(c in written for c in ";,\n") else written.split()
        chosen, unknown = choices.split(written)
        if unknown and any(c in written for c in ";,\n"):  # a list some tool wrote otherwise
            named = [choices.name_of(n) for n in split_names(written)]
            if all(named):
                return list(dict.fromkeys(n for n in named if n))
        if unknown and self.log is not None:
            self.log.warning(
                "survey_choice_unparsed",
                sheet=sheet.name,
                row=row,
                column=sheet.header[position] if position is not None else None,
                value=written,
                part=" ; ".join(f"« {u} »" for u in unknown),
            )
        return chosen

    def links_by_parent(
        self, sheet: RawSheet, type_names: dict[str, str]
    ) -> dict[str, list[Partner]]:
        columns = _positions(sheet)
        details = _details(sheet, F["types"], self.choices.get("types"))
        out: dict[str, list[Partner]] = {}
        for values, number in zip(sheet.rows, sheet.row_numbers, strict=False):
            if is_blank_row(values):
                continue
            get = _getter(values, columns)
            parent = next((as_text(get(c)) for c in _PARENT if as_text(get(c))), None)
            choice = self.name_of("actors", as_text(get(F["partner"])))
            label = as_text(get(F["partner_label"]))
            if parent is None or not (choice or label):
                continue
            where = (sheet, number, columns.get(F["types"]))
            types = [type_names.get(t, t) for t in self.selected(values, where, details, "types")]
            out.setdefault(parent, []).append(
                Partner(
                    label or choice or "",
                    types,
                    weight_of(self.name_of("weights", as_text(get(F["weight"])))),
                    as_text(get(F["comment"])),
                    choice=choice,
                )
            )
        return out
