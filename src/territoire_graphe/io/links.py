"""Relations (ties, flows, dependencies), memberships, resources and needs, row by row."""

from __future__ import annotations

from typing import Any

from ..text_keys import loose
from ..vocabulary import (
    FAMILIES,
    GENERIC_DEPENDENCY,
    GENERIC_FLOW,
    TypeEntry,
    Vocabulary,
)
from .entities import Entity, Registry, _typed
from .rows import SheetReader
from .values import parse_bool, parse_date, parse_number

_DEFAULT_TYPE = {"relations": None, "flows": GENERIC_FLOW, "dependencies": GENERIC_DEPENDENCY}


def read_relations(
    reader: SheetReader,
    registry: Registry,
    vocabulary: Vocabulary,
    seen_types: set[tuple[str, str]],
    out: list[dict[str, Any]],
    seen_links: dict[tuple[str, str, str, bool], int],
) -> None:
    """Append the relations of one relations/flux/interdependances sheet to ``out``."""
    default_type = _DEFAULT_TYPE[reader.kind]
    required = ("source", "target") + (("type",) if default_type is None else ())
    if reader.missing_required(required):
        return
    kinds = ("actor", "person")
    sheet = reader.raw.name
    entries: dict[str, TypeEntry] = {}
    for row in reader.rows():
        source = registry.resolve(row, "source", kinds)
        target = registry.resolve(row, "target", kinds)
        type_name = _typed(row, "relation", vocabulary, seen_types, default=default_type)
        entry = None
        if type_name:
            entry = entries.get(type_name)
            if entry is None:
                entry = entries[type_name] = vocabulary.relation(type_name)
        weight = row.parsed("weight", parse_number)
        if weight is not None and weight < 0:
            row.error("number_negative", "weight", value=row.text("weight"))
        directed = row.parsed("directed", parse_bool)
        start = row.parsed("start", parse_date)
        end = row.parsed("end", parse_date)
        quantity = row.parsed("quantity", parse_number)
        if quantity is not None and quantity < 0:
            row.error("quantity_negative", "quantity", value=row.text("quantity"))
        if start is not None and end is not None and end < start:
            row.warning("date_order", "end", start=row.text("start"), end=row.text("end"))
        extras = row.extras()
        if not row.ok or source is None or target is None or entry is None:
            continue
        source_actor, source_person = _organisation(source)
        target_actor, target_person = _organisation(target)
        if source_actor is None or target_actor is None:
            continue  # a person without a known organisation: its own row has the error
        if directed is None:
            directed = bool(entry.directed)
        if source_actor == target_actor:
            row.warning("self_loop", "target", value=row.text("target"))
        pair = (
            (source_actor, target_actor)
            if directed
            else tuple(sorted((source_actor, target_actor)))
        )
        link_key = (*pair, entry.name, directed)
        if link_key in seen_links and not (source_person or target_person):
            row.warning("duplicate_relation", None, row_other=str(seen_links[link_key]))
        else:
            seen_links.setdefault(link_key, row.number)
        out.append(
            {
                "source": source_actor,
                "target": target_actor,
                "type": entry.name,
                "family": entry.family,
                "weight": 1.0 if weight is None else weight,
                "directed": directed,
                "start": start,
                "end": end,
                "quantity": quantity,
                "unit": row.text("unit"),
                "comment": row.text("comment"),
                "source_person": source_person,
                "target_person": target_person,
                "sheet": sheet,
                "row": row.number,
                **extras,
            }
        )


def _organisation(entity: Entity) -> tuple[str | None, str | None]:
    """The actor an entity stands for, and the person when it is one.

    The actor is None for a person whose organisation could not be found (an
    error already recorded on the person's row).
    """
    if entity.kind == "person":
        return entity.attrs["actor"], entity.id
    return entity.id, None


def read_memberships(reader: SheetReader, registry: Registry, out: list[dict[str, Any]]) -> None:
    if reader.missing_required():
        return
    seen: dict[tuple[str, str], int] = {}
    for row in reader.rows():
        member = registry.resolve(row, "actor", ("actor", "person"))
        collective = registry.resolve(row, "collective", ("collective",))
        start = row.parsed("start", parse_date)
        end = row.parsed("end", parse_date)
        extras = row.extras()
        if not row.ok or member is None or collective is None:
            continue
        actor, person = _organisation(member)
        if actor is None:
            continue
        if (actor, collective.id) in seen and person is None:
            row.warning(
                "duplicate_membership", "actor", row_other=str(seen[(actor, collective.id)])
            )
        seen.setdefault((actor, collective.id), row.number)
        out.append(
            {
                "actor": actor,
                "collective": collective.id,
                "role": row.text("role"),
                "start": start,
                "end": end,
                "person": person,
                "sheet": reader.raw.name,
                "row": row.number,
                **extras,
            }
        )


def read_offers(
    reader: SheetReader, registry: Registry, what: str, out: list[dict[str, Any]]
) -> None:
    """Resources (``what="resource"``) or needs (``what="need"``) of one sheet."""
    if reader.missing_required():
        return
    for row in reader.rows():
        owner = registry.resolve(row, "actor", ("actor", "person"))
        description = row.text(what, required=True)
        category = row.text("category")
        extras = row.extras()
        if not row.ok or owner is None:
            continue
        actor, person = _organisation(owner)
        if actor is None:
            continue
        out.append(
            {
                "actor": actor,
                what: description,
                "category": category,
                "person": person,
                "sheet": reader.raw.name,
                "row": row.number,
                **extras,
            }
        )


_KINDS = {
    "acteur": "actor",
    "actor": "actor",
    "relation": "relation",
    "lien": "relation",
    "link": "relation",
    "collectif": "collective",
    "collective": "collective",
    "reseau": "collective",
    "fonction": "function",
    "function": "function",
    "fonction de vie": "function",
}
_FAMILY_WORDS = {
    "lien": "lien",
    "tie": "lien",
    "link": "lien",
    "liens": "lien",
    "flux": "flux",
    "flow": "flux",
    "interdependance": "interdependance",
    "dependance": "interdependance",
    "dependency": "interdependance",
    "interdependency": "interdependance",
}


def read_types(reader: SheetReader, vocabulary: Vocabulary) -> Vocabulary:
    """The territory's own types, added to (or overriding) the vocabulary.

    Types have no room for other information: extra columns are reported, not kept.
    """
    if reader.missing_required():
        return vocabulary
    for header, position in reader.extras.items():
        reader.log.warning(
            "column_ignored",
            sheet=reader.raw.name,
            row=reader.raw.header_row,
            column=reader.raw.column_label(position),
            value=header,
        )
    entries: list[TypeEntry] = []
    for row in reader.rows():
        name = row.text("type", required=True)
        kind_written = row.text("kind", required=True)
        kind = _KINDS.get(loose(kind_written)) if kind_written else None
        if kind_written is not None and kind is None:
            row.error("kind_invalid", "kind", value=kind_written)
        family_written = row.text("family")
        family = _FAMILY_WORDS.get(loose(family_written)) if family_written else None
        if family_written is not None and family is None:
            row.error("family_invalid", "family", value=family_written, allowed=", ".join(FAMILIES))
        directed = row.parsed("directed", parse_bool)
        color = row.text("color")
        if color is not None and not _is_color(color):
            row.error("color_invalid", "color", value=color)
        label = row.text("label")
        if not row.ok or name is None or kind is None:
            continue
        # A row naming a known type (or an alias of one) overrides that type.
        match = vocabulary.match(kind, name)  # type: ignore[arg-type]
        canonical = match.name if match.status == "known" else name
        is_new = vocabulary.get(kind, canonical) is None  # type: ignore[arg-type]
        if kind == "relation" and is_new:
            family = family or "lien"
            if directed is None:  # a new flow or dependency is directed, a new tie is not
                directed = family != "lien"
        entries.append(
            TypeEntry(
                kind,  # type: ignore[arg-type]
                canonical,
                label or "",
                (name,) if name != canonical else (),
                color=normalise_color(color),
                family=family if kind == "relation" else None,  # type: ignore[arg-type]
                directed=directed if kind == "relation" else None,
                custom=True,
            )
        )
    return vocabulary.extended(entries)


_CSS_COLORS = {
    "black",
    "white",
    "red",
    "green",
    "blue",
    "yellow",
    "orange",
    "purple",
    "pink",
    "brown",
    "grey",
    "gray",
    "cyan",
    "magenta",
    "navy",
    "teal",
    "olive",
    "maroon",
    "lime",
    "silver",
    "gold",
    "violet",
    "indigo",
    "turquoise",
    "beige",
    "coral",
    "salmon",
    "khaki",
    "crimson",
    "darkgreen",
    "darkblue",
    "lightblue",
    "lightgreen",
    "darkred",
    "rouge",
    "vert",
    "bleu",
    "jaune",
    "rose",
    "gris",
    "noir",
    "blanc",
    "marron",
}
_FRENCH_COLORS = {
    "rouge": "red",
    "vert": "green",
    "bleu": "blue",
    "jaune": "yellow",
    "rose": "pink",
    "gris": "grey",
    "noir": "black",
    "blanc": "white",
    "marron": "brown",
}


def _is_color(value: str) -> bool:
    import re

    return (
        bool(re.fullmatch(r"#(?:[0-9a-fA-F]{3}){1,2}", value.strip()))
        or loose(value) in _CSS_COLORS
    )


def normalise_color(value: str | None) -> str | None:
    """A colour as the map can use it: ``#RRGGBB`` or a CSS colour name in English."""
    if value is None:
        return None
    written = value.strip()
    if written.startswith("#"):
        return written
    name = loose(written)
    return _FRENCH_COLORS.get(name, name)
