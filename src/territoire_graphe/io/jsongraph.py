"""JSON graphs of every tool: graphology (Gephi 0.10, Gephi Lite, sigma.js), Cytoscape.js
(and Cytoscape's ``.cyjs``), Kumu projects, and node-link (networkx, d3).

The layout is recognised from the content, not the file name:

- **graphology**: ``nodes`` whose items have a ``key`` and ``attributes``; edges
  may say ``undirected``; ``options.type`` (``directed``, ``undirected``,
  ``mixed``) is the default direction.
- **Cytoscape.js**: ``elements`` holding ``nodes`` and ``edges`` (or a list of
  elements with a ``group``), each with its ``data``, or those elements alone (a
  list, or ``nodes`` and ``edges`` whose items hold their ``data``, as the
  Cytoscape.js demos ship them); ``position`` is kept (y turned over: io/positions.py).
- **Kumu project**: ``elements`` and ``connections`` with Kumu ids (``_id``),
  ``attributes`` (``label``, ``element type``, ``connection type``...), and the
  positions of the first map.
- otherwise **node-link** (:func:`.graphml.read_json`).

Every layout becomes the same sheets (:func:`.graphs.graph_to_raw`); positions
are kept as ``x`` / ``y``, colours as ``color``, sizes as ``size``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .graphs import Edge, GraphContent, Node, graph_to_raw
from .graphtools import Notes, complete, file_bytes, listing
from .guards import json_depth, json_parsers
from .jsonplaces import JsonPlaces
from .limits import Limits
from .positions import y_down_to_up
from .problems import InputError, fatal
from .sheets import RawWorkbook
from .values import as_text, is_blank

_KUMU_NAMES = {"label": "label", "element type": "type", "connection type": "type"}


def read_json_graph(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> RawWorkbook:
    """Read any JSON graph (graphology, Cytoscape.js, Kumu, node-link) into raw sheets.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "g.json").write_text('{"options": {"type": "undirected"}, "nodes": ['
    ...     '{"key": "a", "attributes": {"label": "A", "x": 1, "y": 2}}, {"key": "b"}],'
    ...     ' "edges": [{"source": "a", "target": "b"}]}')
    >>> raw = read_json_graph(folder / "g.json", display="g.json")
    >>> raw.sheets[0].header, raw.sheets[0].rows[0], raw.sheets[1].rows
    (['id', 'label', 'x', 'y', 'type'], ['a', 'A', 1, 2, 'autre'], [['a', 'b', False, 'interconnaissance']])
    """
    data, text = load_json(path, display=display, lang=lang, limits=limits)
    notes = Notes()
    if (
        isinstance(data, dict)
        and isinstance(data.get("connections"), list)
        and isinstance(data.get("elements"), list)
    ):
        places = JsonPlaces(text, {"node": "elements", "edge": "connections"})
        content = _kumu(data, display)
    elif (found := _cytoscape_elements(data)) is not None:
        elements, prefix = found
        lists = (
            {"node": f"{prefix}nodes", "edge": f"{prefix}edges"}
            if isinstance(elements, dict)
            else {"node": prefix.rstrip("."), "edge": prefix.rstrip(".")}
        )
        places = JsonPlaces(text, lists)
        content = _cytoscape(elements, display, lang, places)
        nested = [n for n, attrs, _ in content.nodes if _identifier(attrs.get("parent"))]
        if nested:  # compound nodes: flattened, the parent kept, a warning
            notes.add(
                "cytoscape_compound_flattened",
                sheet="nodes",
                count=len(nested),
                names=listing(nested),
            )
    elif (
        isinstance(data, dict)
        and isinstance(data.get("nodes"), list)
        and any(isinstance(n, dict) and "key" in n and "id" not in n for n in data["nodes"])
    ):
        places = JsonPlaces(text, {"node": "nodes", "edge": "edges"})
        content = _graphology(data, display, lang, places)
    else:
        from .graphml import read_json

        return read_json(path, display=display, lang=lang, limits=limits)
    content.places = places
    raw = graph_to_raw(complete(content, notes))
    return raw


def load_json(
    path: Path, *, display: str, lang: str | None, limits: Limits | None = None
) -> tuple[Any, str]:
    """The JSON content of a file and its text, or a clear InputError naming line and column.

    Bounded by ``limits``: the file's size, its nesting and the digits of a number.
    """
    try:
        text = file_bytes(path, display=display, lang=lang, limits=limits).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise fatal("json_encoding", display, lang=lang) from None
    parsers = json_parsers(text, display=display, lang=lang, limits=limits)  # depth, digits
    try:
        return json.loads(text, **parsers), text
    except json.JSONDecodeError as error:
        code = "json_truncated" if error.pos >= len(text.rstrip()) else "json_syntax"
        raise fatal(code, display, lang=lang, line=error.lineno, col=error.colno) from None
    except RecursionError:  # deeper than the interpreter allows, below the depth limit
        raise fatal("json_too_deep", display, lang=lang, limit=json_depth(text)) from None


def _identifier(value: Any) -> str | None:
    return None if is_blank(value) or isinstance(value, dict | list) else as_text(value)


def _missing(
    places: JsonPlaces, element: str, number: int, needed: str, display: str, lang: str | None
) -> InputError:
    """An item without its identifier or ends: named by its path and line."""
    sheet, line = places.part("nodes" if element == "node" else "edges", element).place(number)
    return fatal(
        "json_graph_item",
        display,
        lang=lang,
        sheet=sheet,
        row=line,
        list=places.lists[element],
        number=number,
        needed=needed,
    )


def _graphology(
    data: dict[str, Any], display: str, lang: str | None, places: JsonPlaces
) -> GraphContent:
    options: dict[str, Any] = data["options"] if isinstance(data.get("options"), dict) else {}
    kind = str(options.get("type") or "mixed").lower()
    default = {"directed": True, "undirected": False}.get(kind)
    graph: dict[str, Any] = data["attributes"] if isinstance(data.get("attributes"), dict) else {}
    drawn = _own_drawing(graph)
    nodes: list[Node] = []
    for number, node in enumerate(data["nodes"], start=1):
        node_id = _identifier(node.get("key")) if isinstance(node, dict) else None
        if node_id is None:
            raise _missing(places, "node", number, "key", display, lang)
        attrs = node["attributes"] if isinstance(node.get("attributes"), dict) else {}
        nodes.append((node_id, {k: v for k, v in attrs.items() if k not in drawn}, number))
    edges: list[Edge] = []
    for number, edge in enumerate(data.get("edges") or [], start=1):
        ends = (
            (_identifier(edge.get("source")), _identifier(edge.get("target")))
            if isinstance(edge, dict)
            else (None, None)
        )
        if ends[0] is None or ends[1] is None:
            raise _missing(places, "edge", number, "source, target", display, lang)
        attrs = edge.get("attributes") if isinstance(edge.get("attributes"), dict) else {}
        undirected = edge.get("undirected")
        said = (not undirected) if isinstance(undirected, bool) else None
        if said is None and kind == "mixed":
            said = True  # graphology: an edge of a mixed graph is directed unless it says
        edges.append((ends[0], ends[1], dict(attrs), number, default if said is None else said))
    return GraphContent(
        display,
        "JSON",
        nodes,
        edges,
        {k: v for k, v in graph.items() if k in ("name", "date", "types", "columns")},
    )


def _own_drawing(graph: dict[str, Any]) -> set[str]:
    """The drawing attributes of our own exports (the map's, not data): not read back."""
    if graph.get("creator") != "territoire_graphe":
        return set()
    columns: dict[str, Any] = graph["columns"] if isinstance(graph.get("columns"), dict) else {}
    kept = {str(c) for values in columns.values() if isinstance(values, list) for c in values}
    return {"label", "x", "y", "size", "color"} - kept


def _cytoscape_elements(data: Any) -> tuple[Any, str] | None:
    """Cytoscape.js elements and the path of their lists: ``{"elements": ...}`` (Cytoscape's
    ``.cyjs``), or the elements alone, as ``cy.add`` takes them: a list of elements, or
    ``{"nodes": [...], "edges": [...]}`` whose items hold their ``data``."""

    def elements_alone(items: Any) -> bool:
        return (
            isinstance(items, list)
            and bool(items)
            and all(isinstance(e, dict) and isinstance(e.get("data"), dict) for e in items)
        )

    if isinstance(data, dict) and isinstance(data.get("elements"), dict | list):
        return data["elements"], "elements."
    if elements_alone(data):
        return data, ""
    if isinstance(data, dict) and elements_alone(data.get("nodes")):
        return {"nodes": data["nodes"], "edges": data.get("edges") or []}, ""
    return None


def _cytoscape(elements: Any, display: str, lang: str | None, places: JsonPlaces) -> GraphContent:
    groups: list[tuple[str, int, Any]]  # nodes or edges, number in its list, the element
    if isinstance(elements, dict):
        groups = [("nodes", n, e) for n, e in enumerate(elements.get("nodes") or [], start=1)]
        groups += [("edges", n, e) for n, e in enumerate(elements.get("edges") or [], start=1)]
    else:
        groups = [
            (
                "edges"
                if isinstance(e, dict)
                and (e.get("group") == "edges" or "source" in (e.get("data") or {}))
                else "nodes",
                number,
                e,
            )
            for number, e in enumerate(elements, start=1)
        ]
    nodes: list[Node] = []
    edges: list[Edge] = []
    for group, number, element in groups:
        item = element.get("data") if isinstance(element, dict) else None
        item = item if isinstance(item, dict) else {}
        if group == "nodes":
            node_id = _identifier(item.get("id"))
            if node_id is None:
                raise _missing(places, "node", number, "data.id", display, lang)
            attrs = {k: v for k, v in item.items() if k not in ("id", "SUID", "selected")}
            position = element.get("position")
            if isinstance(position, dict):  # Cytoscape.js: y down (io/positions.py)
                attrs.update(
                    (axis, position.get(axis))
                    for axis in ("x", "y")
                    if isinstance(position.get(axis), int | float)
                )
                y_down_to_up(attrs)
            nodes.append((node_id, attrs, number))
        else:
            ends = (_identifier(item.get("source")), _identifier(item.get("target")))
            if ends[0] is None or ends[1] is None:
                raise _missing(places, "edge", number, "data.source, data.target", display, lang)
            attrs = {
                k: v
                for k, v in item.items()
                if k not in ("id", "source", "target", "SUID", "selected")
            }
            edges.append((ends[0], ends[1], attrs, number, None))
    return GraphContent(display, "JSON", nodes, edges, {})


def _kumu(data: dict[str, Any], display: str) -> GraphContent:
    positions: dict[str, dict[str, float]] = {}
    maps = data.get("maps")
    if isinstance(maps, list) and maps and isinstance(maps[0], dict):
        for placed in maps[0].get("elements") or []:
            if isinstance(placed, dict) and isinstance(placed.get("position"), dict):
                where = placed["position"]
                positions[str(placed.get("element"))] = y_down_to_up(  # Kumu: y down
                    {a: where[a] for a in ("x", "y") if isinstance(where.get(a), int | float)}
                )
    nodes: list[Node] = []
    for number, element in enumerate(data["elements"], start=1):
        if not isinstance(element, dict) or _identifier(element.get("_id")) is None:
            continue
        node_id = str(element["_id"])
        nodes.append((node_id, {**_kumu_attributes(element), **positions.get(node_id, {})}, number))
    edges: list[Edge] = []
    for number, connection in enumerate(data["connections"], start=1):
        if not isinstance(connection, dict):
            continue
        source, target = _identifier(connection.get("from")), _identifier(connection.get("to"))
        if source is None or target is None:
            continue
        if connection.get("reversed") is True:
            source, target = target, source
        said = {"directed": True, "undirected": False, "mutual": False}.get(
            str(connection.get("direction") or "").lower()
        )
        edges.append((source, target, _kumu_attributes(connection), number, said))
    name = data.get("name") if isinstance(data.get("name"), str) else None
    return GraphContent(display, "Kumu", nodes, edges, {"name": name} if name else {})


def _kumu_attributes(item: dict[str, Any]) -> dict[str, Any]:
    attributes: dict[str, Any] = (
        item["attributes"] if isinstance(item.get("attributes"), dict) else {}
    )
    return {_KUMU_NAMES.get(str(k).lower(), str(k)): v for k, v in attributes.items()}
