"""Kumu's import layout: a sheet of elements and a sheet of connections.

A sheet whose first column is ``Label`` holds *elements* (``Label``, ``Type``,
``Description``, ``Tags``... any other field); a sheet whose first columns are
``From``, ``To`` holds *connections* (``Type``, ``Direction``, ``Strength`` or
``Weight``, ``Description``, ``Tags``...). Kumu's own file names them
``Elements`` and ``Connections``. :func:`to_standard` rewrites such a workbook in
the layout of FORMAT.md, so that :mod:`.build` applies the same rules and
messages as to any workbook. Rows keep their spreadsheet numbers.

Decisions (Kumu is looser than the territory workbook):

- **Sheet names.** A sheet keeps its name when it already names the right sheet
  (Kumu's ``Elements`` and ``Connections`` do, as do ``acteurs`` and
  ``relations``); any other name is replaced by ``acteurs`` / ``relations`` so the
  builder recognises the sheet (problems then name that sheet).
- **Element without a type** -> ``autre`` (Kumu's element type is optional, ours is
  required; ``autre`` is the vocabulary's catch-all). A missing ``Type`` column
  is added. Element types are free text and go through the vocabulary: an unknown
  type is kept with a warning, never an error.
- **Connection without a type** -> ``interconnaissance``, the generic tie
  (``lien`` is one of its aliases): a Kumu connection says that two elements are
  connected, nothing more. This only applies to a sheet read as ``relations``; a
  connections sheet named ``flux`` or ``interdependances`` gets that sheet's
  default type from the builder.
- **Direction.** ``directed`` -> ``oui``; ``undirected`` and ``mutual`` -> ``non``
  (FORMAT.md). An empty direction is left empty, so the relation type's default
  applies (Kumu draws an arrow by default, but our types say what a link means:
  a cooperation is mutual, a funding flows one way). Any other value is passed on
  as written, and the builder reports it if it is not a yes/no.
- **Several values in a cell** are separated by ``|`` in Kumu. In the one
  multi-valued column of the format (``fonctions`` / ``functions``) they are
  rewritten with ``;``; other fields (``Tags``...) are extra columns and are kept
  exactly as written.
- **A file of connections only** (Kumu creates the elements a connection names):
  the elements are created, one per distinct ``From`` / ``To`` (matched without
  regard to case and accents), of type ``autre``. When the file has an elements
  sheet, a ``From`` / ``To`` naming no element is an error, as in any workbook:
  a typo must not silently create an actor.

>>> from territoire_graphe.io.sheets import RawSheet
>>> raw = RawWorkbook("k.xlsx", [
...     RawSheet("Elements", ["Label", "Type"], [["A", "asso"], ["B", None]], [2, 3]),
...     RawSheet("Connections", ["From", "To", "Direction"], [["A", "B", "mutual"]], [2])])
>>> looks_like_kumu(raw)
True
>>> std = to_standard(raw)
>>> std.sheets[0].rows, std.sheets[1].header, std.sheets[1].rows
([['A', 'asso'], ['B', 'autre']], ['From', 'To', 'Direction', 'Type'], [['A', 'B', 'non', 'interconnaissance']])
"""

from __future__ import annotations

from typing import Any

from ..text_keys import key, loose
from .schema import RELATION_SHEETS, match_columns, sheet_for
from .sheets import RawSheet, RawWorkbook
from .values import Supplied, as_text, is_blank

DEFAULT_ELEMENT_TYPE = "autre"
DEFAULT_CONNECTION_TYPE = "interconnaissance"
_DIRECTIONS = {"directed": "oui", "undirected": "non", "mutual": "non"}
_GRAPH_FORMATS = ("graphml", "gexf", "json", "gephi")


def _role(sheet: RawSheet) -> str | None:
    """``"elements"``, ``"connections"`` or None, from the sheet's first column headers."""
    headers = [key(h) for h in sheet.header if h and str(h).strip()]
    if headers[:1] == ["label"]:
        return "elements"
    if headers[:2] == ["from", "to"]:
        return "connections"
    return None


def looks_like_kumu(raw: RawWorkbook) -> bool:
    """Whether ``raw`` is in Kumu's layout rather than the territory workbook's.

    True when a sheet starts with ``Label`` or with ``From``, ``To``, unless the
    workbook also has an actors sheet in the standard layout (then the ``From`` /
    ``To`` headers are just the English aliases of ``source`` / ``cible``).
    """
    if raw.source_format in _GRAPH_FORMATS:
        return False
    roles = [_role(sheet) for sheet in raw.sheets]
    if not any(roles):
        return False
    for sheet, role in zip(raw.sheets, roles, strict=True):
        spec = sheet_for(sheet.name)
        if role is None and spec is not None and spec.name == "actors" and sheet.header:
            return False
    return True


def to_standard(raw: RawWorkbook) -> RawWorkbook:
    """The same workbook in the standard layout (a new object: ``raw`` is left as it is)."""
    sheets: list[RawSheet] = []
    for sheet in raw.sheets:
        role = _role(sheet)
        if role == "elements":
            sheets.append(_elements(sheet))
        elif role == "connections":
            sheets.append(_connections(sheet))
        else:
            sheets.append(sheet)
    has_actors = any(
        (spec := sheet_for(s.name)) is not None and spec.name == "actors" for s in sheets
    )
    if not has_actors:
        created = _elements_from_connections(
            [
                s
                for s, original in zip(sheets, raw.sheets, strict=True)
                if _role(original) == "connections"
            ]
        )
        if created is not None:
            sheets.insert(0, created)
    return RawWorkbook(raw.file, sheets, raw.source_format)


def _copy(sheet: RawSheet, name: str) -> RawSheet:
    return RawSheet(
        name,
        list(sheet.header),
        [list(r) for r in sheet.rows],
        list(sheet.row_numbers),
        sheet.header_row,
        sheet.column_letters,
    )


def _fill(sheet: RawSheet, kind: str, field: str, header: str, default: str) -> None:
    """Give every non-blank row a value in ``field`` (adding the column if needed)."""
    fields, _, _ = match_columns(kind, sheet.header)
    position = fields.get(field)
    if position is None:
        sheet.header.append(header)
        for row in sheet.rows:
            row.append(None)
        position = len(sheet.header) - 1
    for row in sheet.rows:
        if is_blank(row[position]) and not all(is_blank(cell) for cell in row):
            row[position] = Supplied(default)


def _elements(sheet: RawSheet) -> RawSheet:
    spec = sheet_for(sheet.name)
    out = _copy(sheet, sheet.name if spec is not None and spec.name == "actors" else "acteurs")
    _fill(out, "actors", "type", "Type", DEFAULT_ELEMENT_TYPE)
    fields, _, _ = match_columns("actors", out.header)
    position = fields.get("functions")
    if position is not None:
        for row in out.rows:
            if isinstance(row[position], str):
                row[position] = row[position].replace("|", ";")
    return out


def _connections(sheet: RawSheet) -> RawSheet:
    spec = sheet_for(sheet.name)
    keep = spec is not None and spec.name in RELATION_SHEETS
    kind = spec.name if keep and spec is not None else "relations"
    out = _copy(sheet, sheet.name if keep else "relations")
    fields, _, _ = match_columns(kind, out.header)
    position = fields.get("directed")
    if position is not None:
        for row in out.rows:
            written = row[position]
            if isinstance(written, str) and loose(written) in _DIRECTIONS:
                row[position] = _DIRECTIONS[loose(written)]
    if kind == "relations":
        _fill(out, kind, "type", "Type", DEFAULT_CONNECTION_TYPE)
    return out


def _elements_from_connections(sheets: list[RawSheet]) -> RawSheet | None:
    """An actors sheet made of the elements the connections name (files of connections only)."""
    names: dict[str, str] = {}
    for sheet in sheets:
        fields, _, _ = match_columns("relations", sheet.header)
        for row in sheet.rows:
            for field in ("source", "target"):
                position = fields.get(field)
                written: Any = as_text(row[position]) if position is not None else None
                if written is not None:
                    names.setdefault(loose(written), written)
    if not names:
        return None
    rows: list[list[Any]] = [[name, Supplied(DEFAULT_ELEMENT_TYPE)] for name in names.values()]
    return RawSheet("acteurs", ["Label", "Type"], rows, list(range(2, len(rows) + 2)))
