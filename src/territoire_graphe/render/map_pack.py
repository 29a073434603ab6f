"""A compact encoding of the map's records: columns instead of objects, shared strings.

A map of 10,000 actors and 30,000 relations repeats every key (``"from"``, ``"fam"``...)
and every repeated text (a relation type, a colour, a commune) once per record. The page
carries instead, for each list of records, one column per key:

- ``{"n": count, "k": [keys], "c": [columns]}``, each column either the list of the
  values (``null`` where a record has no such key), or ``{"s": [texts], "i": [indexes]}``
  for a column of texts that repeat (index ``-1``: no such key), or ``{"r": packed}``
  for a column whose values are all records themselves (the node cards).

The page unpacks them into the same objects (``unpackRecords`` in ``map_core.js``);
:func:`unpack` does it in Python (:func:`~.html.read_positions`, tests). A list where a
record holds an explicit ``None`` is left as it is (``null`` would read as "no key").

The actors' side cards (type, commune, figures, findings, people...: a third of a large
map's data) travel in a second block of the same page, read only when a card or a
tooltip is first needed: :func:`split_details` takes them out, :func:`join_details`
puts them back (:func:`page_data` reads both blocks of a page).

>>> records = [{"id": "a", "fam": "lien"}, {"id": "b", "fam": "lien", "w": 2.0},
...            {"id": "c", "fam": "lien"}]
>>> packed = pack(records)
>>> packed["c"][1]
{'s': ['lien'], 'i': [0, 0, 0]}
>>> unpack(packed) == records
True
"""

from __future__ import annotations

import json
import re
from typing import Any

PACKED = ("nodes", "edges", "suggestions")
"""The lists of records of the map data that are packed."""


def pack_data(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of the map data (:func:`~.map_data.build_map_data`) with its records packed."""
    return {key: pack(value) if key in PACKED else value for key, value in data.items()}


def unpack_data(data: dict[str, Any]) -> dict[str, Any]:
    """The map data as :func:`~.map_data.build_map_data` made it, from its packed form."""
    return {key: unpack(value) if key in PACKED else value for key, value in data.items()}


def pack(records: list[dict[str, Any]]) -> Any:
    """Records as columns (see the module docstring); the list itself if it cannot be."""
    if not records or any(not isinstance(r, dict) or None in r.values() for r in records):
        return records
    keys: dict[str, None] = {}
    for record in records:
        keys.update(dict.fromkeys(record))
    return {
        "n": len(records),
        "k": list(keys),
        "c": [_column([record.get(key) for record in records]) for key in keys],
    }


def _column(values: list[Any]) -> Any:
    present = [v for v in values if v is not None]
    if present and all(type(v) is str for v in present):
        texts = list(dict.fromkeys(present))
        if len(texts) * 2 <= len(values):
            index = {text: i for i, text in enumerate(texts)}
            return {"s": texts, "i": [-1 if v is None else index[v] for v in values]}
    if len(present) == len(values) and all(type(v) is dict for v in values):
        inner = pack(values)
        if isinstance(inner, dict) and "n" in inner:
            return {"r": inner}
    return values


def unpack(packed: Any) -> list[dict[str, Any]]:
    """The records of :func:`pack` (a list is returned as it is)."""
    if isinstance(packed, list):
        return packed
    records: list[dict[str, Any]] = [{} for _ in range(packed["n"])]
    for key, column in zip(packed["k"], packed["c"], strict=True):
        values: list[Any]
        if isinstance(column, dict) and "s" in column:
            texts = column["s"]
            values = [None if i < 0 else texts[i] for i in column["i"]]
        elif isinstance(column, dict) and "r" in column:
            values = unpack(column["r"])
        else:
            values = column
        for record, value in zip(records, values, strict=True):
            if value is not None:
                record[key] = value
    return records


def split_details(data: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """The map data without the actors' cards, and the cards in node order (packed).

    >>> data = {"meta": {}, "nodes": [{"id": "a", "card": {"m": "Caen"}}, {"id": "b"}]}
    >>> drawn, details = split_details(data)
    >>> drawn["nodes"], unpack(details)
    ([{'id': 'a'}, {'id': 'b'}], [{'m': 'Caen'}, {}])
    >>> join_details(drawn, details) == {"meta": {}, "nodes": [
    ...     {"id": "a", "card": {"m": "Caen"}}, {"id": "b", "card": {}}]}
    True
    """
    nodes = data.get("nodes", [])
    cards = [node.get("card", {}) for node in nodes]
    drawn = [{k: v for k, v in node.items() if k != "card"} for node in nodes]
    return {**data, "nodes": drawn}, pack(cards)


def join_details(data: dict[str, Any], details: Any) -> dict[str, Any]:
    """The (unpacked) map data with each actor's card back in its record."""
    cards = unpack(details)
    nodes = data["nodes"]
    if len(cards) != len(nodes):
        raise ValueError("map details: one card per actor expected")
    return {**data, "nodes": [{**n, "card": c} for n, c in zip(nodes, cards, strict=True)]}


_BLOCK = '<script type="application/json" id="{}">(.*?)</script>'


def page_data(page: str) -> dict[str, Any]:
    """The map data of a page written by :func:`~.html.render_html`, cards included."""
    blocks = [re.search(_BLOCK.format(name), page, re.DOTALL) for name in ("tg-data", "tg-details")]
    if blocks[0] is None:
        raise ValueError("no territoire_graphe map data found")
    data = unpack_data(json.loads(blocks[0].group(1)))
    return join_details(data, json.loads(blocks[1].group(1))) if blocks[1] else data


__all__ = [
    "PACKED",
    "join_details",
    "pack",
    "pack_data",
    "page_data",
    "split_details",
    "unpack",
    "unpack_data",
]
