"""From raw sheets to a validated Territory: the rules of FORMAT.md section 1.

All problems are collected first; if any is an error, one InputError lists them all.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..messages import locale_for
from ..model import Territory
from ..model_columns import NodeColumns
from ..provenance import is_provenance_sheet
from ..text_keys import key
from ..vocabulary import Vocabulary, default_vocabulary
from .entities import Registry, derives_ids, given_ids, read_entities
from .links import read_memberships, read_offers, read_relations, read_types
from .problems import ProblemLog
from .rows import SheetReader
from .schema import IGNORED_SHEET_KEYS, RELATION_SHEETS, sheet_for
from .sheets import RawSheet, RawWorkbook, holds_table, paused_gc
from .territory_sheet import is_territory_sheet, read_territory_info
from .values import is_blank_row


def build_territory(
    raw: RawWorkbook,
    *,
    name: str | None = None,
    date: Any = None,
    lang: str | None = None,
    vocabulary: Vocabulary | None = None,
    default_name: str | None = None,
    default_date: Any = None,
) -> Territory:
    """Validate every sheet of ``raw`` and build the territory, or raise one InputError.

    Name and date: ``name`` / ``date`` when given, else the ``territoire`` sheet's, else
    ``default_name`` / ``default_date`` (taken from the file name by :func:`read`).
    ``raw`` is consumed: the rows of its actors, collectives and people sheets are let go
    once read (millions of rows would otherwise stay in memory beside the territory).
    """
    with paused_gc():
        return _build(
            raw,
            name=name,
            date=date,
            lang=lang,
            vocabulary=vocabulary,
            default_name=default_name,
            default_date=default_date,
        )


def _build(
    raw: RawWorkbook,
    *,
    name: str | None,
    date: Any,
    lang: str | None,
    vocabulary: Vocabulary | None,
    default_name: str | None = None,
    default_date: Any = None,
) -> Territory:
    log = ProblemLog(raw.file, lang=lang)
    for code, where in raw.notes:  # what the reader itself noticed (merged cells...)
        log.warning(code, **where)
    info = read_territory_info(raw, log)
    name = name or info.get("name") or default_name
    date = date if date is not None else info.get("date", default_date)
    sheets, extra_sheets, duplicated = _classify(raw, log)
    if "actors" not in sheets:
        if not any(s.header or s.rows for s in raw.sheets):
            log.error("workbook_empty")
        else:
            log.error(
                "sheet_missing_actors",
                found=", ".join(locale_for(log.lang).quote(s.name) for s in raw.sheets) or "-",
            )
        log.raise_if_errors()
    vocabulary = vocabulary or default_vocabulary()
    if "types" in sheets:
        vocabulary = read_types(SheetReader.open(sheets["types"], "types", log), vocabulary)

    # Entities of a sheet written twice are not all read: references to them are not errors.
    registry = Registry(incomplete=bool(duplicated & {"actors", "collectives", "people"}))
    seen_types: set[tuple[str, str]] = set()
    actors_sheet = sheets["actors"]
    if not _has_data(actors_sheet):
        log.error("actors_empty", sheet=actors_sheet.name, row=actors_sheet.header_row)
        if not actors_sheet.header:  # nothing at all: the one error says it
            log.raise_if_errors()
    readers: dict[str, SheetReader] = {
        kind: SheetReader.open(sheets[kind], kind, log)
        for kind in ("actors", "collectives", "people")
        if kind in sheets
    }
    if any(derives_ids(reader) for reader in readers.values()):
        for reader in readers.values():
            registry.reserve(given_ids(reader))
    for kind, reader in readers.items():
        read_entities(reader, kind, registry, vocabulary, seen_types)
    for reader in readers.values():  # read: the registry holds them; let the rows go
        reader.raw.rows, reader.raw.row_numbers = [], []
    registry.done_deriving()

    relations: list[dict[str, Any]] = []
    seen_links: dict[tuple[str, str, str, bool], int] = {}
    for kind in RELATION_SHEETS:
        if kind in sheets:
            reader = SheetReader.open(sheets[kind], kind, log)
            read_relations(reader, registry, vocabulary, seen_types, relations, seen_links)
    memberships: list[dict[str, Any]] = []
    if "memberships" in sheets:
        read_memberships(
            SheetReader.open(sheets["memberships"], "memberships", log), registry, memberships
        )
    resources: list[dict[str, Any]] = []
    needs: list[dict[str, Any]] = []
    if "resources" in sheets:
        read_offers(
            SheetReader.open(sheets["resources"], "resources", log), registry, "resource", resources
        )
    if "needs" in sheets:
        read_offers(SheetReader.open(sheets["needs"], "needs", log), registry, "need", needs)
    log.raise_if_errors()

    nodes = registry.nodes  # the columns the territory is made of
    del registry  # its indexes go before the tables are made
    territory = Territory.from_records(
        actors=nodes.get("actor", NodeColumns(checked=True)),
        collectives=nodes.get("collective", NodeColumns(checked=True)),
        people=nodes.get("person", NodeColumns(checked=True)),
        relations=relations,
        memberships=memberships,
        resources=resources,
        needs=needs,
        name=name or "",
        date=date,
        warnings=log.warnings,
        vocabulary=vocabulary,
        source=raw.file,
        extra_sheets=extra_sheets,
    )
    if info:
        territory._graph_attrs()["territory"] = info  # the graph itself is made on first use
    return territory


def _classify(
    raw: RawWorkbook, log: ProblemLog
) -> tuple[dict[str, RawSheet], dict[str, pd.DataFrame], set[str]]:
    """Which workbook sheet is which contract sheet; unknown sheets are kept aside.

    Also returns the contract sheets written twice (an error: the second is not read).
    """
    sheets: dict[str, RawSheet] = {}
    extra: dict[str, pd.DataFrame] = {}
    duplicated: set[str] = set()
    for sheet in raw.sheets:
        if is_territory_sheet(sheet.name):
            continue
        if key(sheet.name) in IGNORED_SHEET_KEYS and not holds_table(sheet):
            continue  # instructions; one holding a table is kept as an extra sheet, warned
        if is_provenance_sheet(sheet.name, sheet.header, sheet.rows):
            continue  # what an export wrote of its making (export_kumu), not data
        spec = sheet_for(sheet.name)
        if spec is None:
            if sheet.header or sheet.rows:
                log.warning("sheet_unknown", sheet=sheet.name)
                extra[sheet.name] = (
                    pd.DataFrame(
                        sheet.rows,
                        columns=[sheet.column_label(i) for i in range(len(sheet.header))],
                    )
                    if sheet.header
                    else pd.DataFrame()
                )
            continue
        if spec.name in sheets:
            other = sheets[spec.name]
            if not _has_data(sheet):
                continue  # an empty copy (a template's sheet left blank...): nothing to read
            if _has_data(other):
                log.error("sheet_duplicate", sheet=sheet.name, other=other.name)
                duplicated.add(spec.name)
                continue
        for number in sheet.skipped_rows:
            log.warning(
                "row_above_header", sheet=sheet.name, row=number, header_row=sheet.header_row
            )
        if not sheet.header and spec.name != "actors":
            continue  # an optional sheet left empty: nothing to read
        sheets[spec.name] = sheet
    return sheets, extra, duplicated


def _has_data(sheet: RawSheet) -> bool:
    return any(not is_blank_row(r) for r in sheet.rows)
