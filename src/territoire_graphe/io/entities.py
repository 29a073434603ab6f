"""Actors, collectives and people: reading them and resolving references to them.

Ids and names are unique across the three together; references (``source``,
``cible``, ``acteur``, ``collectif``) match an id or a name without regard to
case and accents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..text_keys import loose
from ..vocabulary import Kind, Vocabulary
from .foreign import Foreign, certain
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


class Entity:
    """An actor, collective or person as read, with where it was written.

    Its attributes are kept as a tuple of values beside a tuple of keys shared by
    the rows of a sheet: a dictionary per entity would be most of the memory of a
    read of millions of actors.

    >>> e = Entity("a", "actor", {"name": "A", "type": "commune"}, "acteurs", 2)
    >>> e.attrs, e.name
    ({'name': 'A', 'type': 'commune'}, 'A')
    """

    __slots__ = ("_keys", "_values", "id", "kind", "row", "sheet")

    _shared_keys: ClassVar[dict[tuple[str, ...], tuple[str, ...]]] = {}

    def __init__(self, id: str, kind: str, attrs: dict[str, Any], sheet: str, row: int):
        self.id = id
        self.kind = kind  # "actor", "collective" or "person"
        self.sheet = sheet
        self.row = row
        self.attrs = attrs

    @property
    def attrs(self) -> dict[str, Any]:
        """The entity's attributes (a new dictionary at each call)."""
        return dict(zip(self._keys, self._values, strict=True))

    @attrs.setter
    def attrs(self, attrs: dict[str, Any]) -> None:
        keys = tuple(attrs)
        self._keys = self._shared_keys.setdefault(keys, keys)
        self._values = tuple(attrs.values())

    @property
    def name(self) -> Any:
        """The entity's name (None when it has none)."""
        return self._values[0] if self._keys[:1] == ("name",) else self.attrs.get("name")

    def __repr__(self) -> str:
        return f"Entity({self.id!r}, {self.kind!r}, {self.attrs!r}, {self.sheet!r}, {self.row!r})"


@dataclass
class Registry:
    """Every entity by id, and the references that lead to each (loose id and name)."""

    entities: dict[str, Entity] = field(default_factory=dict)
    # loose reference -> the id it leads to, or the ids when several (a list only then)
    by_reference: dict[str, str | list[str]] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)  # loose name -> id
    _ids: dict[str, str] = field(default_factory=dict)  # loose id -> id
    # Loose ids written in the sheets: a derived id never takes one of them.
    reserved: set[str] = field(default_factory=set)
    # Loose ids and names of rows that could not be registered (their error is recorded):
    # a reference to one of them is not reported again.
    rejected: set[str] = field(default_factory=set)
    _lookups: dict[tuple[str, tuple[str, ...]], tuple[Entity | None, str, dict[str, str]]] = field(
        default_factory=dict
    )
    # True when a sheet of entities could not be read at all (no name column): an unknown
    # reference may then be one of them, and is not reported.
    incomplete: bool = False

    def reserve(self, ids: Iterable[str]) -> None:
        """Set aside the ids given in the sheets before any id is derived from a name."""
        self.reserved.update(loose(i) for i in ids)

    def reject(self, reference: str) -> None:
        """Note a reference to a row that could not be registered (its error is recorded)."""
        self.rejected.add(loose(reference))
        self._lookups.clear()

    def add(self, entity: Entity, row: Row, id_given: bool) -> bool:
        """Register ``entity``; record an error and return False if its id or name is taken."""
        id_key = loose(entity.id)
        name_key = loose(entity.name)
        other_id = self._ids.get(id_key)
        other_name = self._names.get(name_key)
        if other_id is not None or other_name is not None:
            other = self.entities[other_id if other_id is not None else other_name]  # type: ignore[index]
            if other_id is not None:
                row.error(
                    "id_duplicate",
                    "id" if id_given else "name",
                    value=entity.id,
                    sheet_other=other.sheet,
                    row_other=str(other.row),
                )
            else:
                row.error(
                    "name_duplicate",
                    "name",
                    value=entity.name,
                    sheet_other=other.sheet,
                    row_other=str(other.row),
                )
            self.rejected.update((id_key, name_key))
            self._lookups.clear()
            return False
        self._lookups.clear()
        self.entities[entity.id] = entity
        self._ids[id_key] = entity.id
        self._names[name_key] = entity.id
        self._refer(id_key, entity.id)
        if name_key != id_key:
            self._refer(name_key, entity.id)
        return True

    def _refer(self, reference: str, entity_id: str) -> None:
        """Note that ``reference`` leads to ``entity_id`` (among others, maybe)."""
        found = self.by_reference.get(reference)
        if found is None:
            self.by_reference[reference] = entity_id
        elif isinstance(found, str):
            self.by_reference[reference] = [found, entity_id]
        else:
            found.append(entity_id)

    def derive_id(self, name: str) -> str:
        """The id of an actor written without one: its name, so ``d.actors.loc["Mairie"]`` works.

        Stable across reads and dates; made unique (``"Mairie (2)"``) only when the
        name is already taken as an id, written or derived.
        """
        base = " ".join(name.split())
        candidate, number = base, 2
        while loose(candidate) in self._ids or loose(candidate) in self.reserved:
            candidate, number = f"{base} ({number})", number + 1
        return candidate

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
        exact = self.entities.get(written)
        if exact is not None and exact.kind in kinds:
            return exact, "", {}
        reference = loose(written)
        leads = self.by_reference.get(reference, ())
        found = (leads,) if isinstance(leads, str) else leads
        fitting = [i for i in found if self.entities[i].kind in kinds]
        if len(fitting) == 1:
            return self.entities[fitting[0]], "", {}
        if fitting:
            return (
                None,
                "reference_ambiguous",
                {"value": written, "candidates": ", ".join(sorted(fitting))},
            )
        if found:
            return None, f"reference_not_{kinds[0]}", {"value": written}
        if reference in self.rejected or self.incomplete:
            return None, "rejected", {}
        return None, "reference_unknown", {"value": written, **self._suggest(written, kinds)}

    def _suggest(self, written: str, kinds: tuple[str, ...]) -> dict[str, str]:
        """``{"suggestion": name}`` when a known name is probably meant (collect.names)."""
        from ..collect.names import Matcher

        names = {i: str(e.name or i) for i, e in self.entities.items() if e.kind in kinds}
        found = Matcher(names).match(written)
        return {"suggestion": names[found.actor]} if found.actor is not None else {}


def given_ids(reader: SheetReader) -> list[str]:
    """The ids written in the ``id`` column of an actors, collectives or people sheet."""
    position = reader.fields.get("id")
    if position is None:
        return []
    return [i for i in (as_text(values[position]) for values in reader.raw.rows) if i]


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
    for row in reader.rows():
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
        entity = Entity(entity_id, entity_kind, attrs, reader.raw.name, row.number)
        registry.add(entity, row, given_id is not None)


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
