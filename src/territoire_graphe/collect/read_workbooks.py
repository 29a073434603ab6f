"""Filled per-actor questionnaires (the workbooks of ``write_questionnaire(form="excel")``).

Whose workbook it is comes from its hidden ``_questionnaire`` sheet, else from the file
name (``questionnaire_ville_de_creil.xlsx``). In ``liens``, a row with a type is a
relation declared; a pre-filled row (``connu``) whose type was cleared is a relation the
respondent says no longer exists.
"""

from __future__ import annotations

from pathlib import Path

from ..io.excel import read_workbook
from ..io.problems import ProblemLog
from ..io.sheets import RawSheet
from ..io.values import as_text
from ..messages import text
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
    _read_links(links, answer, default_type)
    for role, target in (("resources", answer.resources), ("needs", answer.needs)):
        sheet = sheets.get(role)
        if sheet is not None:
            _read_offers(sheet, role, target)
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


def _read_links(sheet: RawSheet, answer: Answer, default_type: str) -> None:
    columns = _columns(sheet)
    if "partner" not in columns:
        return

    def cell(row: list[object], role: str) -> object:
        position = columns.get(role)
        return row[position] if position is not None and position < len(row) else None

    for values in sheet.rows:
        partner = as_text(cell(values, "partner"))
        if not partner:
            continue
        types = relation_types(cell(values, "type"), default=default_type)
        known = bool(as_text(cell(values, "known")))
        if not types:
            if known:
                answer.partners.append(Partner(partner, [], known=True, denied=True))
            continue
        answer.partners.append(
            Partner(
                partner,
                types,
                weight_of(cell(values, "weight")),
                as_text(cell(values, "comment")),
                known=known,
            )
        )


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
