"""Filled per-actor questionnaires (the workbooks of ``write_questionnaire(form="excel")``).

Whose workbook it is comes from its hidden ``_questionnaire`` sheet, else from the file
name (``questionnaire_ville_de_creil.xlsx``). What counts is what the respondent filled,
never what was pre-filled:

- a row of ``liens`` with a type, not pre-filled, is a relation declared;
- a pre-filled row (``connu``) is declared when the respondent answered « oui » in
  ``toujours vrai ?`` or changed its type or intensity (the hidden ``type_connu`` /
  ``intensite_connue`` say what was pre-filled); it is denied (the relation no longer
  exists) on « non » or when its type was cleared; left as it was, it is no answer;
- a workbook in which nothing was filled (no relation declared, confirmed, changed or
  denied, no comment, resource or need) is not an answer: no respondent, a warning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..io.excel import read_workbook
from ..io.problems import ProblemLog
from ..io.sheets import RawSheet
from ..io.values import as_text
from ..messages import text
from ..text_keys import loose
from .answers import Answer, Partner, relation_types, split_lines, weight_of
from .layout import META_SHEET, column_role, sheet_role

QUESTIONNAIRE_SUFFIXES = (".xlsx", ".xlsm", ".ods")


def is_questionnaire(path: Path) -> bool:
    """Whether a workbook is a per-actor questionnaire (its ``_questionnaire`` sheet, or a
    ``liens`` / ``links`` sheet with a ``partenaire`` column)."""
    try:
        raw = read_workbook(path, display=path.name)
    except Exception:  # not readable: the caller reports it when reading it for real
        return False
    if any(s.name == META_SHEET for s in raw.sheets):
        return True
    # a "liens" sheet with a "partenaire" column (a repeat sheet "lien" of a form export has
    # "partenaire_id" instead)
    return any(sheet_role(s.name) == "links" and "partner" in _columns(s) for s in raw.sheets)


def read_questionnaire(
    path: Path, log: ProblemLog, *, default_type: str, order: int, lang: str
) -> Answer | None:
    """The answer held in one filled questionnaire, or None (with a warning) if it has none."""
    display = path.name
    raw = read_workbook(path, display=display, lang=lang)
    sheets = {sheet_role(s.name): s for s in raw.sheets}
    meta = next((s for s in raw.sheets if s.name == META_SHEET), None)
    respondent_id, respondent = _whose(meta)
    if respondent is None and respondent_id is None:
        respondent = _name_from_file(path, lang)
    answer = Answer(respondent, display, None, None, respondent_id=respondent_id, order=order)
    links = sheets.get("links")
    if links is None:
        log.warning("survey_no_links_sheet", sheet=None, value=display)
        return None
    answer.sheet = links.name
    touched = _read_links(links, answer, default_type)
    for role, target in (("resources", answer.resources), ("needs", answer.needs)):
        sheet = sheets.get(role)
        if sheet is not None:
            _read_offers(sheet, role, target)
    if not (touched or answer.partners or answer.resources or answer.needs):
        log.warning("survey_questionnaire_untouched", sheet=links.name, value=display)
        return None
    return answer


def _whose(meta: RawSheet | None) -> tuple[str | None, str | None]:
    if meta is None:
        return None, None
    values = {as_text(row[0]): as_text(row[1]) for row in meta.rows if len(row) >= 2}
    return values.get("acteur"), values.get("nom")


def _name_from_file(path: Path, lang: str) -> str:
    stem = path.stem
    for language in ("fr", "en"):
        prefix = text("collect.questionnaire.file_prefix", language) + "_"
        if stem.lower().startswith(prefix):
            stem = stem[len(prefix) :]
    return " ".join(stem.replace("_", " ").split())


def _columns(sheet: RawSheet) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, header in enumerate(sheet.header):
        role = column_role(header) if header else None
        if role is not None and role not in found:
            found[role] = position
    return found


def _read_links(sheet: RawSheet, answer: Answer, default_type: str) -> bool:
    """Add the partners the respondent declared or denied; True if anything was filled."""
    columns = _columns(sheet)
    if "partner" not in columns:
        return False

    def cell(row: list[object], role: str) -> object:
        position = columns.get(role)
        return row[position] if position is not None and position < len(row) else None

    touched = False
    for values in sheet.rows:
        partner = as_text(cell(values, "partner"))
        if not partner:
            continue
        types = relation_types(cell(values, "type"), default=default_type)
        comment = as_text(cell(values, "comment"))
        touched = touched or bool(comment)
        weight = weight_of(cell(values, "weight"))
        if not (as_text(cell(values, "known")) or as_text(cell(values, "known_type"))):
            if types:
                answer.partners.append(Partner(partner, types, weight, comment))
            continue
        found = _known_row(lambda role, v=values: cell(v, role), types, weight)
        if found is None:
            continue  # pre-filled and left as it was: no answer
        if isinstance(found, str):  # "denied"
            prefilled = relation_types(cell(values, "known_type"), default=default_type)
            answer.partners.append(Partner(partner, prefilled, known=True, denied=True))
            continue
        answer.partners.append(Partner(partner, found, weight, comment, known=True))
    return touched


def _known_row(cell: Any, types: list[str], weight: float | None) -> list[str] | str | None:
    """What the respondent did with a pre-filled row: the types it declares (confirmed or
    changed), ``"denied"``, or None when the row was left as it was."""
    still = _yes_no(cell("still"))
    prefilled = as_text(cell("known_type"))
    if still is False:
        return "denied"
    if not types:
        return [prefilled] if still is True and prefilled else "denied"
    if still is True:
        return types
    if not prefilled:  # a workbook of an older layout: nothing tells a change, no answer
        return None
    known_weight = weight_of(cell("known_weight"))
    same_types = [loose(t) for t in types] == [loose(prefilled)]
    same_weight = (weight is None and known_weight is None) or (
        weight is not None and known_weight is not None and abs(weight - known_weight) < 1e-9
    )
    return None if same_types and same_weight else types


def _yes_no(value: object) -> bool | None:
    written = loose(as_text(value) or "")
    if written in _YES:
        return True
    if written in _NO:
        return False
    return None


_YES = frozenset({"oui", "yes", "o", "y", "x", "vrai", "true", "1", "ok", "toujours"})
_NO = frozenset({"non", "no", "n", "faux", "false", "0", "plus", "fini", "termine"})


def _read_offers(sheet: RawSheet, role: str, target: list[tuple[str, str | None]]) -> None:
    columns = _columns(sheet)
    field = "resource" if role == "resources" else "need"
    position = columns.get(field, 0)
    category = columns.get("category")
    for values in sheet.rows:
        if position >= len(values):
            continue
        kind = (
            as_text(values[category]) if category is not None and category < len(values) else None
        )
        for item in split_lines(values[position]):
            target.append((item, kind))
