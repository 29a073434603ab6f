"""Actors, collectives and people: reading them and resolving references to them.

Ids and names are unique across the three together; references (``source``,
``cible``, ``acteur``, ``collectif``) match an id or a name without regard to
case and accents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..text_keys import loose, slug
from ..vocabulary import Kind, Vocabulary
from .rows import Row, SheetReader
from .values import parse_number, split_values

ENTITY_FIELDS = {
    "actors": ("name", "type", "municipality", "area", "sector", "functions", "role",
               "influence", "interest", "latitude", "longitude"),
    "collectives": ("name", "type"),
    "people": ("name", "actor", "position"),
}


@dataclass
class Entity:
    """An actor, collective or person as read, with where it was written."""

    id: str
    kind: str  # "actor", "collective" or "person"
    attrs: dict[str, Any]
    sheet: str
    row: int


@dataclass
class Registry:
    """Every entity by id, and the references that lead to each (loose id and name)."""

    entities: dict[str, Entity] = field(default_factory=dict)
    by_reference: dict[str, set[str]] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)  # loose name -> id
    _ids: dict[str, str] = field(default_factory=dict)  # loose id -> id

    def add(self, entity: Entity, row: Row, id_given: bool) -> bool:
        """Register ``entity``; record an error and return False if its id or name is taken."""
        id_key = loose(entity.id)
        name_key = loose(entity.attrs["name"])
        if id_key in self._ids:
            other = self.entities[self._ids[id_key]]
            row.error("id_duplicate", "id" if id_given else "name", value=entity.id,
                      sheet_other=other.sheet, row_other=str(other.row))
            return False
        if name_key in self._names:
            other = self.entities[self._names[name_key]]
            row.error("name_duplicate", "name", value=entity.attrs["name"],
                      sheet_other=other.sheet, row_other=str(other.row))
            return False
        self.entities[entity.id] = entity
        self._ids[id_key] = entity.id
        self._names[name_key] = entity.id
        for reference in {id_key, name_key}:
            self.by_reference.setdefault(reference, set()).add(entity.id)
        return True

    def derive_id(self, name: str) -> str:
        """A stable id made from a name, unique among the ids already registered."""
        base = slug(name)
        candidate, number = base, 2
        while loose(candidate) in self._ids:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def resolve(self, row: Row, field_name: str, kinds: tuple[str, ...],
                *, required: bool = True) -> Entity | None:
        """The entity a cell refers to, or None with an error naming the row."""
        written = row.text(field_name, required=required)
        if written is None:
            return None
        exact = self.entities.get(written)
        if exact is not None and exact.kind in kinds:
            return exact
        found = self.by_reference.get(loose(written), set())
        if exact is not None:
            found = found | {exact.id}
        if not found:
            row.error("reference_unknown", field_name, value=written)
            return None
        if len(found) > 1:
            row.error("reference_ambiguous", field_name, value=written,
                      candidates=", ".join(sorted(found)))
            return None
        entity = self.entities[next(iter(found))]
        if entity.kind not in kinds:
            row.error(f"reference_not_{kinds[0]}", field_name, value=written)
            return None
        return entity


def read_entities(reader: SheetReader, kind: str, registry: Registry,
                  vocabulary: Vocabulary, seen_types: set[tuple[str, str]]) -> None:
    """Read the actors, collectives or people of one sheet into ``registry``."""
    entity_kind = {"actors": "actor", "collectives": "collective", "people": "person"}[kind]
    if reader.missing_required():
        return
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
            continue
        entity_id = given_id if given_id is not None else registry.derive_id(name)
        entity = Entity(entity_id, entity_kind, attrs, reader.raw.name, row.number)
        registry.add(entity, row, given_id is not None)


def _typed(row: Row, kind: Kind, vocabulary: Vocabulary,
           seen_types: set[tuple[str, str]], *, default: str | None = None) -> str | None:
    """The canonical type of a row; unknown and misspelt types are warned about once."""
    written = row.text("type", required=default is None)
    if written is None:
        return default
    match = vocabulary.match(kind, written)
    if match.status != "known" and (kind, match.name) not in seen_types:
        seen_types.add((kind, match.name))
        if match.status == "typo":
            row.warning("type_probable_typo", "type", value=written, suggestion=match.suggestion)
        else:
            row.warning("type_unknown", "type", value=written)
    return match.name


def _read_actor_fields(row: Row, attrs: dict[str, Any], vocabulary: Vocabulary,
                       seen_types: set[tuple[str, str]]) -> None:
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
    for field_name, low, high, code in (("influence", 0, 5, "scale_out_of_range"),
                                        ("interest", 0, 5, "scale_out_of_range"),
                                        ("latitude", -90, 90, "coordinate_out_of_range"),
                                        ("longitude", -180, 180, "coordinate_out_of_range")):
        value = row.parsed(field_name, parse_number)
        if value is not None and not low <= value <= high:
            row.error(code, field_name, value=row.text(field_name), low=str(low), high=str(high))
            value = None
        attrs[field_name] = value
