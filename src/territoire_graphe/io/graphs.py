"""Graph files laid out as sheets: the conversion shared by GraphML, GEXF, JSON and Gephi.

A graph file becomes raw sheets in the workbook layout (:func:`graph_to_raw`), so
:mod:`.build` applies the same rules and messages as to a workbook. Problems
point at the node or edge by its position in the file (1-based), in a sheet
named ``nodes`` (actors), ``edges`` (relations) or after what the elements became
(``collectives``, ``people``, ``memberships``, ``resources``, ``needs``, ``types``).

How attributes are read:

- Node id -> ``id``; attribute names are matched like workbook headers (``name``,
  ``nom`` or ``label`` -> name; ``type``, ``category`` -> type; ...); any other
  attribute is an extra column under its own name. A node without a name takes
  its label, else its id; an actor without a type is ``autre``; an attribute
  ``kind`` that is not a node kind (below) serves as the type when there is none.
- Edge -> relation: ``type`` (or ``relation``, ``nature``, else the edge
  ``label``, else a non-structural ``kind``; default ``interconnaissance``),
  ``weight``, ``directed`` / ``oriente``; without such an attribute, the
  direction is the edge's own (GraphML ``directed``, GEXF ``type``) or the
  graph's default (``mutual`` counts as undirected).
- Our own exports (:mod:`.export`) come back whole: ``kind`` tells actors,
  collectives and people, relations, memberships and affiliations apart;
  ``source_person`` / ``target_person`` / ``person`` restore the people;
  ``resources`` / ``needs`` (JSON lists) become those sheets; ``family`` and the
  graph attribute ``types`` restore a territory's own types; the graph attribute
  ``columns`` restores the order of extra columns, and those empty everywhere.
- Edge ids are identifiers of the file format and are not kept; a ``label`` that
  repeats the name (nodes) or the type (edges) is not kept either. When two
  attributes mean the same column (``name`` and ``label``), the column's own name
  wins and the other is kept as an extra column under its own name, with a warning.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..text_keys import key, loose
from ..vocabulary import default_vocabulary
from .parts import Part
from .schema import SHEETS_BY_NAME, match_columns
from .sheets import RawSheet, RawWorkbook
from .values import Supplied, as_text, is_blank

DEFAULT_ACTOR_TYPE = "autre"
DEFAULT_RELATION_TYPE = "interconnaissance"

_NODE_KINDS = {
    "actor": "actors",
    "acteur": "actors",
    "collective": "collectives",
    "collectif": "collectives",
    "person": "people",
    "personne": "people",
}
_EDGE_KINDS = {
    "relation": "relations",
    "membership": "memberships",
    "adhesion": "memberships",
    "affiliation": "affiliation",
}
_FAMILIES = {
    "lien": "lien",
    "tie": "lien",
    "flux": "flux",
    "flow": "flux",
    "interdependance": "interdependance",
    "dependance": "interdependance",
    "dependency": "interdependance",
    "interdependency": "interdependance",
}
# Sheet of each kind of record, and the key of its extra columns in the graph's "columns".
SHEET_NAMES = {
    "actors": "nodes",
    "collectives": "collectives",
    "people": "people",
    "relations": "edges",
    "memberships": "memberships",
    "resources": "resources",
    "needs": "needs",
}
COLUMN_KINDS = {
    "actors": "actor",
    "collectives": "collective",
    "people": "person",
    "relations": "relation",
    "memberships": "membership",
    "resources": "resources",
    "needs": "needs",
}
_LEADING = {
    "actors": ("id",),
    "collectives": ("id",),
    "people": ("id",),
    "relations": ("source", "target"),
    "memberships": ("actor", "collective"),
    "resources": ("actor", "resource", "category"),
    "needs": ("actor", "need", "category"),
    "types": ("type", "kind"),
}

Node = tuple[str, dict[str, Any], int]  # id, attributes, position in the file
Edge = tuple[str, str, dict[str, Any], int, bool | None]  # ..., direction (None: not said)


@dataclass
class GraphContent:
    """What a graph file holds, before it is laid out as sheets."""

    file: str
    source_format: str  # as a person names it: "GraphML", "GEXF", "JSON"
    nodes: list[Node]
    edges: list[Edge]
    graph: dict[str, Any] = field(default_factory=dict)
    node_order: list[str] = field(default_factory=list)  # attribute names as declared
    edge_order: list[str] = field(default_factory=list)
    # How a place in the file is said (io/parts.py): "xml" (element and line: positions
    # are line numbers) or "list" (the n-th node or edge); the readers' warnings.
    where: str = "list"
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    # JSON files: the lines of the items of their lists (io/jsonplaces.py), else None.
    places: Any = None


# -- from a graph to sheets -----------------------------------------------------------------
def graph_to_raw(content: GraphContent) -> RawWorkbook:
    """Lay a graph out as the sheets of a territory workbook."""
    records: dict[str, list[tuple[int, dict[str, Any]]]] = {k: [] for k in SHEET_NAMES}
    kinds: dict[str, str] = {}
    structural = any(_kind(a.get("kind"), _NODE_KINDS) for _, a, _ in content.nodes)
    for node_id, attrs, position in content.nodes:
        attrs = dict(attrs)
        kind = _kind(attrs.get("kind"), _NODE_KINDS) if structural else None
        if kind is not None:
            del attrs["kind"]
        kind = kind or "actors"
        kinds[node_id] = kind
        for what, item_field in (("resources", "resource"), ("needs", "need")):
            items = _offer_items(attrs.get(what), item_field)
            if items is not None:
                del attrs[what]
                for item in items:
                    person = item.get("person")
                    record = {"actor": node_id if is_blank(person) else person}
                    record.update(
                        (k, _cell(v))
                        for k, v in item.items()
                        if k not in ("actor", "person", "sheet", "row")
                    )
                    records[what].append((position, record))
        records[kind].append((position, {"id": node_id, **_cells(attrs)}))

    affiliations: dict[str, str] = {}
    families: list[str | None] = []
    for source, target, attrs, position, directed in content.edges:
        attrs = dict(attrs)
        kind = _kind(attrs.get("kind"), _EDGE_KINDS)
        if kind is not None:
            del attrs["kind"]
        elif "collectives" in (kinds.get(source), kinds.get(target)):
            kind = "memberships"
        kind = kind or "relations"
        if kind == "affiliation":
            affiliations.setdefault(source, target)
        elif kind == "memberships":
            if kinds.get(source) == "collectives":
                source, target = target, source
            person = attrs.pop("person", None)
            records[kind].append(
                (
                    position,
                    {
                        "actor": source if is_blank(person) else person,
                        "collective": target,
                        **_cells(attrs),
                    },
                )
            )
        else:
            source_person = attrs.pop("source_person", None)
            target_person = attrs.pop("target_person", None)
            family = _kind(attrs.get("family"), _FAMILIES)
            if family is not None:
                del attrs["family"]
            record = {
                "source": source if is_blank(source_person) else source_person,
                "target": target if is_blank(target_person) else target_person,
                **_cells(attrs),
            }
            if directed is not None and not any(key(k) in ("directed", "oriente") for k in record):
                record["directed"] = directed
            records[kind].append((position, record))
            families.append(family)

    columns = _decoded(content.graph.get("columns"))
    columns = columns if isinstance(columns, dict) else {}
    sheets: list[RawSheet] = []
    relations: Table | None = None
    repeated: list[str] = []
    taken: set[str] = set()
    parts = {
        name: _part(content, name, "edge" if kind in ("relations", "memberships") else "node")
        for kind, name in SHEET_NAMES.items()
    }
    notes: list[tuple[str, dict[str, Any]]] = [
        (code, {**where, "sheet": parts.get(where.get("sheet", ""), where.get("sheet"))})
        if "sheet" in where
        else (code, where)
        for code, where in content.notes
    ]
    for kind, name in SHEET_NAMES.items():
        if not records[kind] and kind != "actors":
            continue
        extra = columns.get(COLUMN_KINDS[kind])
        extra = [str(c) for c in extra] if isinstance(extra, list) else []
        order = content.edge_order if kind in ("relations", "memberships") else content.node_order
        table = Table.of(kind, records[kind], [*order, *extra], extra)
        table.resolve_duplicates(content.source_format)
        if kind in ("actors", "collectives", "people"):
            table.settle_names()
            repeated += table.disambiguate_names(taken)
        if kind == "people":
            table.fill("actor", lambda row: affiliations.get(str(row[0])))
        if kind == "actors":
            table.settle_type(DEFAULT_ACTOR_TYPE, ("kind",))
        if kind == "relations":
            table.drop_redundant("label", "type")
            table.settle_type(DEFAULT_RELATION_TYPE, ("label", "kind"))
            relations = table
        sheets.append(table.sheet(parts[name]))
        notes += [
            (
                "column_foreign_repeat",
                {"sheet": name, "column": header, "header": header, "field": field_name},
            )
            for header, field_name in table.foreign.items()
        ]
    types = _types_table(content.graph.get("types"), relations, families)
    if types is not None:
        sheets.append(types.sheet("types"))
    raw = RawWorkbook(
        content.file, sheets, source_format=content.source_format.lower(), notes=notes
    )
    if repeated:
        raw.notes.append(
            (
                "names_repeated",
                {
                    "sheet": parts[SHEET_NAMES["actors"]],
                    "count": len(repeated),
                    "names": ", ".join(repeated[:12])
                    + (f" (+{len(repeated) - 12})" if len(repeated) > 12 else ""),
                },
            )
        )
    return raw


def _part(content: GraphContent, name: str, element: str) -> Part:
    """The sheet ``name`` as the file says where things are (element and line, item...)."""
    if content.places is not None:
        return content.places.part(name, element)
    return Part(name, content.where, element=element)


class Table:
    """A sheet under construction: header, rows and the position of each row in the file."""

    def __init__(self, kind: str, header: list[str], rows: list[list[Any]], numbers: list[int]):
        self.kind, self.header, self.rows, self.numbers = kind, header, rows, numbers
        self.foreign: dict[str, str] = {}  # header -> the field it would have been read as

    @classmethod
    def of(
        cls,
        kind: str,
        records: Sequence[tuple[int, dict[str, Any]]],
        order: Sequence[str],
        ensure: Iterable[Any] = (),
    ) -> Table:
        seen: dict[str, None] = {}
        for _, record in records:
            seen.update(dict.fromkeys(record))
        seen.update(dict.fromkeys(str(c) for c in ensure))
        rank = {name: i for i, name in enumerate(order)}
        leading = [h for h in _LEADING[kind] if h in seen]
        rest = sorted((h for h in seen if h not in leading), key=lambda h: rank.get(h, len(rank)))
        header = leading + rest
        rows = [[record.get(h) for h in header] for _, record in records]
        table = cls(kind, header, rows, [p for p, _ in records])
        if kind == "actors" and not records:
            table.header = ["id", "name", "type"]
        return table

    def position(self, field_name: str) -> int | None:
        header = [h if h not in self.foreign else "" for h in self.header]
        return match_columns(self.kind, header)[0].get(field_name)

    def add(self, header: str, values: Iterable[Any]) -> int:
        self.header.append(header)
        for row, value in zip(self.rows, values, strict=True):
            row.append(value)
        return len(self.header) - 1

    def drop(self, position: int) -> None:
        del self.header[position]
        for row in self.rows:
            del row[position]

    def redundant(self, position: int, others: Sequence[int]) -> bool:
        """Whether a column only repeats other columns of the same row (or is empty)."""
        return all(
            is_blank(row[position])
            or any(as_text(row[position]) == as_text(row[o]) for o in others)
            for row in self.rows
        )

    def resolve_duplicates(self, source_format: str) -> None:
        """Keep one column per field: its own name first, else the first; rename the others."""
        spec = SHEETS_BY_NAME[self.kind]
        _, _, duplicates = match_columns(self.kind, self.header)
        dropped: list[int] = []
        for field_name, positions in duplicates:
            column = spec.column(field_name)
            official = {key(h) for h in (column.fr, column.en, column.field)}
            keep = min(positions, key=lambda p: (key(self.header[p]) not in official, p))
            for position in positions:
                if position == keep:
                    continue
                if self.redundant(position, [keep, 0]):
                    dropped.append(position)
                else:  # an extra column under its own name (FORMAT.md section 1)
                    self.foreign[self.header[position]] = field_name
        for position in sorted(dropped, reverse=True):
            self.drop(position)

    def drop_redundant(self, header: str, field_name: str) -> None:
        """Drop the column ``header`` when it repeats the field (a GEXF label...)."""
        target = self.position(field_name)
        for position, written in enumerate(self.header):
            if (
                key(written) == key(header)
                and position != target
                and target is not None
                and self.redundant(position, [target])
            ):
                self.drop(position)
                return

    def settle_names(self) -> None:
        """Every entity has a name: its ``name`` column, else its label, else its id."""
        self.drop_redundant("label", "name")
        position = self.position("name")
        if position is None:
            labels = [i for i, h in enumerate(self.header) if key(h) == "label"]
            if labels:
                self.header[labels[0]] = "name"
                position = labels[0]
            else:
                position = self.add("name", [None] * len(self.rows))
        for row in self.rows:
            if is_blank(row[position]):
                row[position] = row[0]

    def disambiguate_names(self, taken: set[str]) -> list[str]:
        """Names borne by several entities with distinct ids get their id: ``Name (id)``.

        Ids and names must be unique in a territory; another tool's file may repeat a
        label (ids stay ids). Returns the names repeated; ``taken`` is shared by the
        tables of actors, collectives and people.
        """
        position = self.position("name")
        if position is None:
            return []
        counts: dict[str, int] = {}
        for row in self.rows:
            written = as_text(row[position])
            if written is not None:
                counts[loose(written)] = counts.get(loose(written), 0) + 1
        repeated: dict[str, None] = {}
        for row in self.rows:
            written = as_text(row[position])
            if written is None:
                continue
            if counts[loose(written)] > 1 or loose(written) in taken:
                repeated.setdefault(written)
                if as_text(row[0]) != written:
                    row[position] = f"{written} ({row[0]})"
            taken.add(loose(str(row[position])))
        return list(repeated)

    def settle_type(self, default: str, fallbacks: tuple[str, ...]) -> None:
        """Every row has a type: its type column, else a fallback column, else ``default``."""
        position = self.position("type")
        if position is None:
            for fallback in fallbacks:
                found = [i for i, h in enumerate(self.header) if key(h) == fallback]
                if found:
                    self.header[found[0]] = "type"
                    position = found[0]
                    break
            else:
                position = self.add("type", [None] * len(self.rows))
        for row in self.rows:
            if is_blank(row[position]):
                row[position] = Supplied(default)

    def fill(self, field_name: str, value_of: Any) -> None:
        position = self.position(field_name)
        if position is None:
            position = self.add(field_name, [None] * len(self.rows))
        for row in self.rows:
            if is_blank(row[position]):
                row[position] = value_of(row)

    def sheet(self, name: str) -> RawSheet:
        return RawSheet(
            name,
            self.header,
            self.rows,
            self.numbers,
            header_row=0,
            column_letters=False,
            foreign=set(self.foreign),
        )


def _types_table(
    declared: Any, relations: Table | None, families: list[str | None]
) -> Table | None:
    """The ``types`` sheet: the graph's declared types, and relation families read on edges."""
    records: list[tuple[int, dict[str, Any]]] = []
    rows = _decoded(declared)
    for number, row in enumerate(rows if isinstance(rows, list) else [], start=1):
        if isinstance(row, dict):
            records.append((number, {str(k): _cell(v) for k, v in row.items()}))
    covered = {key(str(r.get("type") or "")) for _, r in records}
    type_position = relations.position("type") if relations is not None else None
    if relations is not None and type_position is not None:
        vocabulary = default_vocabulary()
        for row, number, family in zip(relations.rows, relations.numbers, families, strict=True):
            written = as_text(row[type_position])
            if family is None or written is None or key(written) in covered:
                continue
            match = vocabulary.match("relation", written)
            entry = vocabulary.get("relation", match.name) if match.status == "known" else None
            if (entry.family if entry is not None else "lien") != family:
                records.append((number, {"type": written, "kind": "relation", "family": family}))
                covered.add(key(written))
    return Table.of("types", records, ()) if records else None


@lru_cache(maxsize=4096)
def _field(kind: str, header: str) -> str | None:
    """The field a header stands for in a contract sheet (cached: asked for every edge)."""
    return next(iter(match_columns(kind, [header])[0]), None)


def _kind(value: Any, table: dict[str, str]) -> str | None:
    return table.get(key(value)) if isinstance(value, str) else None


def _decoded(value: Any) -> Any:
    """A value that may be JSON text (graph attributes of GraphML): decoded, else as is."""
    if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _offer_items(value: Any, item_field: str) -> list[dict[str, Any]] | None:
    """Resources or needs written by our exports: a list of records (or its JSON text)."""
    data = _decoded(value)
    if isinstance(data, list) and all(isinstance(i, dict) and item_field in i for i in data):
        return [dict(i) for i in data]
    return None


def _cell(value: Any) -> Any:
    """An attribute value as a cell: lists joined with ``;``, mappings as JSON text."""
    if isinstance(value, list | tuple | set):
        return "; ".join(t for t in (as_text(_cell(v)) for v in value) if t) or None
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _cells(attrs: dict[str, Any]) -> dict[str, Any]:
    return {str(k): _cell(v) for k, v in attrs.items()}
