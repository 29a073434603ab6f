"""Reading GraphML tolerantly: igraph, Gephi, yEd and yFiles for HTML files as they are.

The file is laid out as sheets by :func:`.graphs.graph_to_raw` (see there how
attributes are read). What this reader accepts that a strict one refuses:

- values read by their key's ``attr.type`` tolerantly (``"  true  "``, ``fAlSe``,
  ``1`` for booleans; a value that does not fit stays as text);
- one key id declared for nodes and for edges (each scope keeps its own);
- a ``<data>`` whose key is not declared: kept under the key id, with a warning;
- **yEd** (``y:NodeLabel``, ``y:Geometry``, ``y:Fill``) and **yFiles for HTML**
  (``y:Label.Text``, ``y:RectD``): the label becomes the name, the geometry ``x``
  / ``y`` (centre) and the fill ``color``, kept for the map;
- **groups** (a node holding a ``<graph>``, as yEd and yFiles write them) become
  collectives, their nodes members of them (memberships); a group inside a group
  is a collective too, its members those of its own level, with a warning.

Each edge's direction is its ``directed`` attribute (data), else its GraphML
``directed``, else the graph's ``edgedefault``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .graphml import attribute_name, direction
from .graphs import Edge, GraphContent, Node, graph_to_raw
from .graphtools import Notes, complete, listing, load_xml, typed
from .limits import Limits
from .problems import fatal
from .sheets import RawWorkbook
from .values import Supplied
from .xmltree import Element

GROUP_TYPE = "groupe"
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class _Key:
    name: str
    xml_type: str
    default: Any
    yfiles: str  # yfiles.type or y:attr.uri: nodegraphics, NodeLabels...


@dataclass
class _State:
    keys: dict[tuple[str, str], _Key]
    notes: Notes
    display: str
    lang: str | None
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    nested_groups: list[str] = field(default_factory=list)


def read_graphml(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> RawWorkbook:
    """Read a GraphML file into raw sheets.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "t.graphml").write_text(
    ...     '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    ...     '<key id="l" for="node" attr.name="label"/><key id="l" for="edge" attr.name="label"/>'
    ...     '<graph edgedefault="directed"><node id="a"><data key="l">A</data></node>'
    ...     '<node id="b"/><edge source="a" target="b"><data key="l">x</data></edge>'
    ...     '</graph></graphml>')
    >>> raw = read_graphml(folder / "t.graphml", display="t.graphml")
    >>> raw.sheets[0].rows, raw.sheets[1].rows
    ([['a', 'A', 'autre'], ['b', 'b', 'autre']], [['a', 'b', 'x', True]])
    """
    root = load_xml(
        path, display=display, lang=lang, fmt="GraphML", root_name="graphml", limits=limits
    )
    graph = next(root.iter("graph"), None)
    if graph is None:
        raise fatal("graph_missing", display, lang=lang, format="GraphML")
    state = _State(_keys(root), Notes(), display, lang)
    graph_attrs = _data(graph, "graph", state)
    _walk(graph, None, direction(graph.get("edgedefault")), state)
    if state.groups:
        state.nodes = [
            (n, {**a, "kind": "collective" if n in state.groups else a.get("kind", "actor")}, p)
            for n, a, p in state.nodes
        ]
    if state.nested_groups:
        state.notes.add(
            "graphml_groups_nested",
            sheet="nodes",
            count=len(state.nested_groups),
            names=listing(state.nested_groups),
        )
    order = {
        scope: [k.name for (s, _), k in state.keys.items() if s == scope]
        for scope in ("node", "edge")
    }
    content = complete(
        GraphContent(
            display,
            "GraphML",
            state.nodes,
            state.edges,
            graph_attrs,
            order["node"],
            order["edge"],
            where="xml",
        ),
        state.notes,
    )
    raw = graph_to_raw(content)
    return raw


def _keys(root: Element) -> dict[tuple[str, str], _Key]:
    """Declared keys by (scope, id): one id may be declared for nodes and for edges."""
    keys: dict[tuple[str, str], _Key] = {}
    for declared in root.iter("key"):
        key_id = declared.get("id") or ""
        scope = declared.get("for") or "all"
        name = declared.get("attr.name") or declared.get("yfiles.type") or key_id
        desc = declared.find("desc")
        if desc is not None and attribute_name(desc.all_text()) == name:
            name = desc.all_text()  # our exports: the column's own name, made a valid token
        yfiles = declared.get("yfiles.type") or (declared.get("attr.uri") or "").rsplit("/", 1)[-1]
        default_element = declared.find("default")
        xml_type = declared.get("attr.type") or "string"
        default = (
            typed(default_element.all_text(), xml_type) if default_element is not None else None
        )
        for each in ("node", "edge", "graph") if scope == "all" else (scope,):
            keys[each, key_id] = _Key(name, xml_type, default, yfiles)
    return keys


def _walk(graph: Element, group: str | None, default: bool | None, state: _State) -> None:
    """Nodes and edges of a graph and of the graphs nested in its nodes (groups)."""
    for element in graph.children:
        if element.tag == "node":
            node_id = element.get("id")
            if node_id is None:
                raise fatal(
                    "gexf_no_id", state.display, lang=state.lang, element="node", line=element.line
                )
            attrs = _data(element, "node", state)
            state.nodes.append((node_id, attrs, element.line))  # problems say the line
            if group is not None:
                state.edges.append((node_id, group, {"kind": "membership"}, element.line, True))
            inner = element.find("graph")
            if inner is not None:
                if group is not None:
                    state.nested_groups.append(node_id)
                state.groups.append(node_id)
                attrs.setdefault("type", Supplied(GROUP_TYPE))
                _walk(inner, node_id, default, state)
        elif element.tag == "edge":
            source, target = element.get("source"), element.get("target")
            if source is None or target is None:
                raise fatal(
                    "gexf_no_id", state.display, lang=state.lang, element="edge", line=element.line
                )
            said = direction(element.get("directed"))
            state.edges.append(
                (
                    source,
                    target,
                    _data(element, "edge", state),
                    element.line,
                    default if said is None else said,
                )
            )


def _data(element: Element, scope: str, state: _State) -> dict[str, Any]:
    """The ``<data>`` of a node, edge or graph, typed; yEd graphics read as label, x, y, color."""
    attrs: dict[str, Any] = {
        k.name: k.default
        for (s, _), k in state.keys.items()
        if s == scope and k.default is not None
    }
    for data in element.findall("data"):
        key_id = data.get("key") or ""
        declared = state.keys.get((scope, key_id))
        if declared is None:
            state.notes.once(
                "graphml_key_undeclared",
                f"{scope}:{key_id}",
                sheet="nodes" if scope == "node" else "edges",
                column=key_id,
                header=key_id,
                row=data.line,
            )
            declared = _Key(key_id, "string", None, "")
        if data.children:
            attrs.update(_graphics(data))
            continue
        value = typed(data.text, declared.xml_type)
        if isinstance(value, str) and not value.strip():
            value = None
        attrs[declared.name] = value
    return {k: v for k, v in attrs.items() if v is not None}


def _graphics(data: Element) -> dict[str, Any]:
    """yEd / yFiles drawing data: the first label's text, the centre, the fill colour."""
    out: dict[str, Any] = {}
    for element in data.iter():
        if "label" not in out:
            text = None
            if element.tag in ("NodeLabel", "EdgeLabel") or element.tag == "Label.Text":
                text = element.all_text()
            elif element.tag == "Label" and element.get("Text"):
                text = element.get("Text")
            if text and text.strip():
                out["label"] = " ".join(_TAGS.sub(" ", text).split())
        if element.tag in ("Geometry", "RectD") and "x" not in out:
            try:
                x = float(element.get("x") or element.get("X") or 0)
                y = float(element.get("y") or element.get("Y") or 0)
                w = float(element.get("width") or element.get("Width") or 0)
                h = float(element.get("height") or element.get("Height") or 0)
            except ValueError:
                continue
            out["x"], out["y"] = x + w / 2, -(y + h / 2) + 0.0  # yEd: y down (io/positions.py)
        if element.tag == "Fill" and element.get("color") and "color" not in out:
            out["color"] = str(element.get("color"))[:7]
    return out
