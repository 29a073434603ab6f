"""Actors, collectives and people: reading them and resolving references to them.

Ids and names are unique across the three together; references (``source``,
``cible``, ``acteur``, ``collectif``) match an id or a name without regard to
case and accents.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model_columns import NodeColumns
from ..text_keys import loose
from ..vocabulary import Kind, Vocabulary
from .foreign import Foreign, certain
from .hash_index import HashIndex
from .rows import Row, SheetReader
from .values import Supplied, as_text, parse_number, split_values

ENTITY_FIELDS = {
    "actors": (
        "name",
        "type",
        "municipality",
        "area",
        "sector",
        "functions",
        "role",
        "influence",
        "interest",
        "latitude",
        "longitude",
    ),
    "collectives": ("name", "type"),
    "people": ("name", "actor", "position"),
}


_KINDS = ("actor", "collective", "person")
_CODE = {kind: code for code, kind in enumerate(_KINDS)}


class Entity:
    """An actor, collective or person as read, with where it was written: a view of the
    registry's columns, made when a reference resolves to it.

    >>> registry = Registry()
    >>> e = registry.register("a", "actor", {"name": "A", "type": "commune"}, "acteurs", 2)
    >>> e.attrs, e.name, e.kind, e.row
    ({'name': 'A', 'type': 'commune'}, 'A', 'actor', 2)
    """

    __slots__ = ("_position", "_store", "id", "kind", "row", "sheet")

    def __init__(
        self, id: str, kind: str, store: NodeColumns, position: int, sheet: str, row: int
    ) -> None:
        self.id = id
        self.kind = kind  # "actor", "collective" or "person"
        self.sheet = sheet
        self.row = row
        self._store = store
        self._position = position

    @property
    def attrs(self) -> dict[str, Any]:
        """The entity's attributes (a new dictionary at each call)."""
        return self._store.attrs(self._position)

    @property
    def name(self) -> Any:
        """The entity's name (None when it has none)."""
        return self.attrs.get("name")

    def __repr__(self) -> str:
        return f"Entity({self.id!r}, {self.kind!r}, {self.attrs!r}, {self.sheet!r}, {self.row!r})"


@dataclass
class _Sheet:
    """Where the entities of one kind were written: the sheet, and each one's row."""

    name: str
    rows: array[int] = field(default_factory=lambda: array("q"))


@dataclass
class Registry:
    """Every entity, by kind and in reading order, and how references find them.

    The entities' attributes are kept as the columns the territory is made of
    (:class:`~territoire_graphe.model_columns.NodeColumns`, one per kind), not as an
    object each. A reference is an integer: the entity's position in its kind,
    times four, plus its kind's number. Ids and names are looked up by the hash of
    their loose form (:class:`~territoire_graphe.io.hash_index.HashIndex`), each
    candidate checked against the real key: millions of actors cost a few bytes
    each beside their own values.
    """

    # True when a sheet of entities could not be read at all (no name column): an unknown
    # reference may then be one of them, and is not reported.
    incomplete: bool = False
    nodes: dict[str, NodeColumns] = field(default_factory=dict)
    _sheets: dict[str, _Sheet] = field(default_factory=dict)
    # hash(loose id) and hash(loose name) -> references (an entity under both)
    _keys: HashIndex = field(default_factory=HashIndex)
    # Ids written in the sheets: a derived id never takes one of them.
    _reserved: HashIndex = field(default_factory=HashIndex)
    _reserved_ids: list[str] = field(default_factory=list)
    # Loose ids and names of rows that could not be registered (their error is recorded):
    # a reference to one of them is not reported again.
    rejected: set[str] = field(default_factory=set)
    _lookups: dict[tuple[str, tuple[str, ...]], tuple[Entity | None, str, dict[str, str]]] = field(
        default_factory=dict
    )

    def reserve(self, ids: Iterable[str]) -> None:
        """Set aside the ids given in the sheets before any id is derived from a name."""
        for written in ids:
            self._reserved.add(hash(loose(written)), len(self._reserved_ids))
            self._reserved_ids.append(written)

    def done_deriving(self) -> None:
        """Let the written ids go: every entity is read, no id is derived any more."""
        self._reserved, self._reserved_ids = HashIndex(), []

    def reject(self, reference: str) -> None:
        """Note a reference to a row that could not be registered (its error is recorded)."""
        self.rejected.add(loose(reference))
        self._lookups.clear()

    def _id(self, ref: int) -> str:
        return self.nodes[_KINDS[ref & 3]].ids[ref >> 2]

    def _name(self, ref: int) -> Any:
        return self.nodes[_KINDS[ref & 3]].columns["name"][ref >> 2]

    def entity(self, ref: int) -> Entity:
        """The entity a reference stands for."""
        kind, position = _KINDS[ref & 3], ref >> 2
        store, sheet = self.nodes[kind], self._sheets[kind]
        return Entity(store.ids[position], kind, store, position, sheet.name, sheet.rows[position])

    def _with_id(self, id_key: str) -> int | None:
        """The entity whose loose id is ``id_key`` (ids are unique: one at most)."""
        for ref in self._keys.get(hash(id_key)):
            if loose(self._id(ref)) == id_key:
                return ref
        return None

    def _with_name(self, name_key: str) -> int | None:
        """The entity whose loose name is ``name_key`` (names are unique: one at most)."""
        for ref in self._keys.get(hash(name_key)):
            if loose(self._name(ref)) == name_key:
                return ref
        return None

    def add(
        self,
        entity_id: str,
        kind: str,
        attrs: dict[str, Any],
        sheet: str,
        row: Row,
        id_given: bool,
    ) -> bool:
        """Register an entity; record an error and return False if its id or name is taken."""
        id_key = loose(entity_id)
        name_key = loose(attrs["name"])
        other = self._with_id(id_key)
        by_name = other is None
        if by_name:
            other = self._with_name(name_key)
        if other is not None:
            where = self.entity(other)
            if not by_name:
                row.error(
                    "id_duplicate",
                    "id" if id_given else "name",
                    value=entity_id,
                    sheet_other=where.sheet,
                    row_other=str(where.row),
                )
            else:
                row.error(
                    "name_duplicate",
                    "name",
                    value=attrs["name"],
                    sheet_other=where.sheet,
                    row_other=str(where.row),
                )
            self.rejected.update((id_key, name_key))
            self._lookups.clear()
            return False
        self.register(entity_id, kind, attrs, sheet, row.number, keys=(id_key, name_key))
        return True

    def register(
        self,
        entity_id: str,
        kind: str,
        attrs: dict[str, Any],
        sheet: str,
        row: int,
        *,
        keys: tuple[str, str] | None = None,
    ) -> Entity:
        """Store an entity without checking it (:meth:`add` checks); return its view.

        ``keys`` are its loose id and name when already known.
        """
        if self._lookups:
            self._lookups.clear()
        store = self.nodes.get(kind)
        if store is None:  # ids unique across kinds, offers resolved to them: checked
            store = self.nodes[kind] = NodeColumns(checked=True)
        place = self._sheets.get(kind)
        if place is None:
            place = self._sheets[kind] = _Sheet(sheet)
        position = len(store)
        store.append(entity_id, attrs)
        place.rows.append(row)
        ref = position << 2 | _CODE[kind]
        id_key, name_key = keys or (loose(entity_id), loose(attrs["name"]))
        id_hash, name_hash = hash(id_key), hash(name_key)
        self._keys.add(id_hash, ref)
        if name_hash != id_hash:
            self._keys.add(name_hash, ref)
        return Entity(entity_id, kind, store, position, sheet, row)

    def derive_id(self, name: str) -> str:
        """The id of an actor written without one: its name, so ``d.actors.loc["Mairie"]`` works.

        Stable across reads and dates; made unique (``"Mairie (2)"``) only when the
        name is already taken as an id, written or derived.
        """
        base = " ".join(name.split())
        candidate, number = base, 2
        while self._id_taken(loose(candidate)):
            candidate, number = f"{base} ({number})", number + 1
        return candidate

    def _id_taken(self, id_key: str) -> bool:
        if self._with_id(id_key) is not None:
            return True
        written = self._reserved_ids
        return any(loose(written[i]) == id_key for i in self._reserved.get(hash(id_key)))

    def resolve(
        self, row: Row, field_name: str, kinds: tuple[str, ...], *, required: bool = True
    ) -> Entity | None:
        """The entity a cell refers to, or None with an error naming the row.

        An id written exactly wins; otherwise ids and names match without regard to
        case and accents, among the entities of ``kinds``.
        """
        written = row.text(field_name, required=required)
        if written is None:
            return None
        memo = (written, kinds)
        found = self._lookups.get(memo)
        if found is None:  # the same references recur: look each up once
            found = self._lookups[memo] = self._lookup(written, kinds)
        entity, code, values = found
        if code == "rejected":
            row.ok = False  # the row it names has its own error already
        elif code:
            row.error(code, field_name, **values)
        return entity

    def _lookup(
        self, written: str, kinds: tuple[str, ...]
    ) -> tuple[Entity | None, str, dict[str, str]]:
        """The entity ``written`` names among ``kinds``, or the code of the problem."""
        reference = loose(written)
        candidates = list(dict.fromkeys(self._keys.get(hash(reference))))
        for ref in candidates:
            if self._id(ref) == written and _KINDS[ref & 3] in kinds:
                return self.entity(ref), "", {}
        found = [
            ref
            for ref in candidates
            if loose(self._id(ref)) == reference or loose(self._name(ref)) == reference
        ]
        fitting = [ref for ref in found if _KINDS[ref & 3] in kinds]
        if len(fitting) == 1:
            return self.entity(fitting[0]), "", {}
        if fitting:
            return (
                None,
                "reference_ambiguous",
                {"value": written, "candidates": ", ".join(sorted(self._id(r) for r in fitting))},
            )
        if found:
            return None, f"reference_not_{kinds[0]}", {"value": written}
        if reference in self.rejected or self.incomplete:
            return None, "rejected", {}
        return None, "reference_unknown", {"value": written, **self._suggest(written, kinds)}

    def _suggest(self, written: str, kinds: tuple[str, ...]) -> dict[str, str]:
        """``{"suggestion": name}`` when a known name is probably meant (collect.names)."""
        from ..collect.names import Matcher

        names = {
            i: str(n or i)
            for kind in _KINDS
            if kind in kinds and kind in self.nodes
            for i, n in zip(self.nodes[kind].ids, self.nodes[kind].columns["name"], strict=True)
        }
        found = Matcher(names).match(written)
        return {"suggestion": names[found.actor]} if found.actor is not None else {}


def given_ids(reader: SheetReader) -> Iterator[str]:
    """The ids written in the ``id`` column of an actors, collectives or people sheet."""
    position = reader.fields.get("id")
    if position is None:
        return
    for values in reader.raw.rows:
        written = as_text(values[position])
        if written:
            yield written


def derives_ids(reader: SheetReader) -> bool:
    """Whether a row of the sheet has no id, which will then be derived from its name.

    When none has, the written ids need not be set aside (:meth:`Registry.reserve`):
    millions of ids are not indexed twice for nothing.
    """
    position = reader.fields.get("id")
    if position is None:
        return bool(reader.raw.rows)
    return any(not as_text(values[position]) for values in reader.raw.rows)


def read_entities(
    reader: SheetReader,
    kind: str,
    registry: Registry,
    vocabulary: Vocabulary,
    seen_types: set[tuple[str, str]],
) -> None:
    """Read the actors, collectives or people of one sheet into ``registry``."""
    entity_kind = {"actors": "actor", "collectives": "collective", "people": "person"}[kind]
    if "name" in reader.missing_required():
        # Nothing here can be referred to: references to it would all be reported again.
        registry.incomplete = True
        return
    # With another required column missing (its error is recorded), the rows are still
    # read so that references to them resolve and no error is reported twice.
    for row in reader.rows(consume=True):
        name = row.text("name", required=True)
        given_id = row.text("id")
        attrs: dict[str, Any] = {"name": name}
        if kind == "actors":
            _read_actor_fields(row, attrs, vocabulary, seen_types)
        elif kind == "collectives":
            attrs["type"] = _typed(row, "collective", vocabulary, seen_types)
        else:
            organisation = registry.resolve(row, "actor", ("actor",))
            attrs["actor"] = organisation.id if organisation is not None else None
            attrs["position"] = row.text("position")
        attrs.update(row.extras())
        if name is None:
            if given_id is not None:  # its error is recorded: references to it are not errors
                registry.reject(given_id)
            continue
        entity_id = given_id if given_id is not None else registry.derive_id(name)
        registry.add(entity_id, entity_kind, attrs, reader.raw.name, row, given_id is not None)


def _typed(
    row: Row,
    kind: Kind,
    vocabulary: Vocabulary,
    seen_types: set[tuple[str, str]],
    *,
    default: str | None = None,
) -> str | None:
    """The canonical type of a row; unknown and misspelt types are warned about once."""
    if isinstance(row.raw("type"), Supplied):
        marker = ("supplied", f"{kind}:{row.reader.raw.name}")
        if marker not in seen_types:  # once per sheet: "the rows without a type are X"
            seen_types.add(marker)
            row.warning("type_supplied", "type", value=str(row.raw("type")))
    written = row.text("type", required=default is None)
    if written is None:
        return default
    match = vocabulary.match(kind, written)
    if isinstance(row.raw("type"), Foreign):  # another tool's type: only its exact name
        match = certain(match, written)
    if match.status != "known" and (kind, match.name) not in seen_types:
        seen_types.add((kind, match.name))
        if match.status == "typo":
            row.warning("type_probable_typo", "type", value=written, suggestion=match.suggestion)
        else:
            row.warning("type_unknown", "type", value=written)
    return match.name


def _read_actor_fields(
    row: Row, attrs: dict[str, Any], vocabulary: Vocabulary, seen_types: set[tuple[str, str]]
) -> None:
    attrs["type"] = _typed(row, "actor", vocabulary, seen_types)
    for field_name in ("municipality", "area", "sector", "role"):
        attrs[field_name] = row.text(field_name)
    functions = []
    for written in split_values(row.raw("functions")):
        match = vocabulary.match("function", written)
        if match.status != "known" and ("function", match.name) not in seen_types:
            seen_types.add(("function", match.name))
            code = "function_probable_typo" if match.status == "typo" else "function_unknown"
            row.warning(code, "functions", value=written, suggestion=match.suggestion or "")
        functions.append(match.name)
    attrs["functions"] = functions
    for field_name, low, high, code in (
        ("influence", 0, 5, "scale_out_of_range"),
        ("interest", 0, 5, "scale_out_of_range"),
        ("latitude", -90, 90, "coordinate_out_of_range"),
        ("longitude", -180, 180, "coordinate_out_of_range"),
    ):
        value = row.parsed(field_name, parse_number)
        if value is not None and not low <= value <= high:
            row.error(code, field_name, value=row.text(field_name), low=str(low), high=str(high))
            value = None
        attrs[field_name] = value
