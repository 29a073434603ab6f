"""GraphML files (networkx's reader), node-link JSON files, and the XML helpers GEXF shares.

Both are laid out as sheets by :func:`.graphs.graph_to_raw` (see there how
attributes are read), so every problem is reported as for a workbook, pointing at
the node or edge by its position in the file.

A GraphML file that mixes directed and undirected edges is read (networkx alone
refuses it): each edge's direction is its ``directed`` attribute (data), else its
own GraphML ``directed``, else the graph's ``edgedefault``. Default values of
keys apply to the nodes and edges that lack them.

GraphML is written by :func:`write_graphml` for :mod:`.export`: networkx, igraph,
Gephi and yEd read it. It holds no per-edge direction (networkx refuses mixed
graphs): each relation's direction is its ``directed`` attribute.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .graphs import Edge, GraphContent, Node, graph_to_raw
from .guards import bounded_json, check_xml_tokens
from .jsonplaces import JsonPlaces
from .limits import Limits
from .outputs import write_text
from .problems import InputError, fatal
from .sheets import RawWorkbook
from .values import as_text, is_blank

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


# -- XML helpers shared with GEXF ----------------------------------------------------------
def namespace(tag: str) -> str:
    """``{uri}`` of a tag, or an empty string."""
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_xml(
    path: Path, *, display: str, lang: str | None, fmt: str, root_name: str, default_namespace: str
) -> ET.Element:
    """The root element of an XML file, or a clear InputError (malformed, truncated, other)."""
    check_xml_tokens(path, display=display, lang=lang)  # one huge token: quadratic in expat
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        reason = str(error).split(":")[0]
        raise fatal(
            "xml_invalid", display, lang=lang, format=fmt, line=line, col=column, detail=reason
        ) from error
    if local_name(root.tag) != root_name:
        raise fatal("xml_wrong_root", display, lang=lang, format=fmt, root=local_name(root.tag))
    if not namespace(root.tag):  # a file written without xmlns: give it the usual one
        for element in root.iter():
            if isinstance(element.tag, str) and not element.tag.startswith("{"):
                element.tag = f"{{{default_namespace}}}{element.tag}"
    return root


def direction(written: str | None) -> bool | None:
    """A direction word of GraphML or GEXF: True directed, False undirected/mutual, None unsaid."""
    return {
        "directed": True,
        "true": True,
        "undirected": False,
        "false": False,
        "mutual": False,
    }.get((written or "").strip().lower())


def graph_unreadable(error: Exception, display: str, lang: str | None, fmt: str) -> Exception:
    detail = str(error).strip() or type(error).__name__
    return fatal("graph_unreadable", display, lang=lang, format=fmt, detail=detail)


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_clean(value: str) -> str:
    """Text XML 1.0 can hold: control characters (other than tab and new lines) become spaces."""
    return _XML_INVALID.sub(" ", value)


def attribute_types(records: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The XML type of each attribute over all records: boolean, long, double or string."""
    seen: dict[str, set[str]] = {}
    for record in records:
        for name, value in record.items():
            kinds = seen.setdefault(name, set())
            if value is not None:
                kinds.add(
                    "boolean"
                    if isinstance(value, bool)
                    else "long"
                    if isinstance(value, int)
                    else "double"
                    if isinstance(value, float)
                    else "string"
                )
    out = {}
    for name, kinds in seen.items():
        if kinds and kinds <= {"long", "double"}:
            out[name] = "double" if "double" in kinds else "long"
        else:
            out[name] = "boolean" if kinds == {"boolean"} else "string"
    return out


def xml_value(value: Any, xml_type: str) -> str:
    """A value written as the XML text of its attribute type."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if xml_type == "double":
        return repr(float(value))
    if xml_type == "long":
        return str(int(value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_PLAIN = re.compile('[^&<>"\r\n\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]*')


def _escape(value: str) -> str:
    """Text as XML holds it: markup escaped, ``\\r`` kept, characters XML forbids as spaces."""
    if _PLAIN.fullmatch(value):
        return value
    return (
        xml_clean(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
    )


def _escape_attribute(value: str) -> str:
    if _PLAIN.fullmatch(value):
        return value
    return _escape(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


class XmlWriter:
    """A small streaming XML writer (much faster than building an ElementTree): escaped
    text and attributes, two-space indentation, UTF-8."""

    def __init__(self) -> None:
        self.lines = ["<?xml version='1.0' encoding='utf-8'?>"]
        self.depth = 0

    def _tag(self, tag: str, attrs: dict[str, str] | None) -> str:
        written = "".join(f' {k}="{_escape_attribute(v)}"' for k, v in (attrs or {}).items())
        return f"{'  ' * self.depth}<{tag}{written}"

    def open(self, tag: str, attrs: dict[str, str] | None = None) -> None:
        self.lines.append(self._tag(tag, attrs) + ">")
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.lines.append(f"{'  ' * self.depth}</{tag}>")

    def leaf(self, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> None:
        start = self._tag(tag, attrs)
        self.lines.append(f"{start} />" if text is None else f"{start}>{_escape(text)}</{tag}>")

    def save(self, path: Path) -> None:
        write_text(path, "\n".join(self.lines) + "\n", encoding="utf-8", newline="\n")


# -- GraphML --------------------------------------------------------------------------------
def write_graphml(
    path: Path,
    nodes: Sequence[tuple[str, dict[str, Any]]],
    edges: Sequence[tuple[str, str, str, dict[str, Any], bool]],
    graph: dict[str, Any],
    *,
    directed: bool,
) -> None:
    """Write GraphML: one key per attribute (typed over all values), ``None`` left out.

    The schema wants node ids and attribute names to be XML name tokens: an id that
    is not one (``Roelof Botha``) is written as a token, the original in an ``id``
    attribute; a name, as a token with the original in the key's ``<desc>``.
    """
    taken_ids: set[str] = set()
    tokens = {node_id: attribute_name(node_id, taken_ids) for node_id, _ in nodes}
    nodes = [
        (node_id, attrs if tokens[node_id] == node_id else {"id": node_id, **attrs})
        for node_id, attrs in nodes
    ]
    edges = [(tokens.get(u, u), tokens.get(v, v), k, a, d) for u, v, k, a, d in edges]
    out = XmlWriter()
    out.open(
        "graphml",
        {
            "xmlns": GRAPHML_NS,
            "xmlns:xsi": XSI_NS,
            "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd",
        },
    )
    keys: dict[tuple[str, str], tuple[str, str]] = {}
    for scope, records in (
        ("graph", [graph]),
        ("node", [a for _, a in nodes]),
        ("edge", [e[3] for e in edges]),
    ):
        taken: set[str] = set()
        for number, (name, xml_type) in enumerate(attribute_types(records).items()):
            key_id = f"{scope[0]}{number}"
            valid = attribute_name(name, taken)
            declared = {"id": key_id, "for": scope, "attr.name": valid, "attr.type": xml_type}
            if valid == name:
                out.leaf("key", declared)
            else:  # the schema wants a name token: the original name is the key's <desc>
                out.open("key", declared)
                out.leaf("desc", text=name)
                out.close("key")
            keys[scope, name] = (key_id, xml_type)
    out.open("graph", {"id": "G", "edgedefault": "directed" if directed else "undirected"})
    _graphml_data(out, "graph", graph, keys)
    for node_id, attrs in nodes:
        out.open("node", {"id": tokens[node_id]})
        _graphml_data(out, "node", attrs, keys)
        out.close("node")
    for source, target, edge_id, attrs, _ in edges:
        out.open("edge", {"id": edge_id, "source": source, "target": target})
        _graphml_data(out, "edge", attrs, keys)
        out.close("edge")
    out.close("graph")
    out.close("graphml")
    out.save(path)


_NOT_NAME = re.compile(r"[^\w.\-:]+")


def attribute_name(name: str, taken: set[str] | None = None) -> str:
    """A valid GraphML ``attr.name`` (an XML name token) for a column name, unique in ``taken``.

    >>> attribute_name("Code INSEE"), attribute_name("Intensité (1-3)"), attribute_name("")
    ('Code_INSEE', 'Intensité_1-3_', '_')
    """
    valid = _NOT_NAME.sub("_", name) or "_"
    if taken is not None:
        base, number = valid, 2
        while valid in taken:
            valid, number = f"{base}_{number}", number + 1
        taken.add(valid)
    return valid


def _graphml_data(
    out: XmlWriter, scope: str, attrs: dict[str, Any], keys: dict[tuple[str, str], tuple[str, str]]
) -> None:
    for name, value in attrs.items():
        if value is not None:
            key_id, xml_type = keys[scope, name]
            out.leaf("data", {"key": key_id}, xml_value(value, xml_type))


# -- node-link JSON -------------------------------------------------------------------------
def read_json(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> RawWorkbook:
    """Read a node-link JSON file (``networkx.node_link_data``, d3) into raw sheets."""
    from .graphtools import file_bytes

    content = file_bytes(path, display=display, lang=lang, limits=limits)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise fatal("json_invalid", display, lang=lang, detail=str(error)) from error
    data = bounded_json(text, display=display, lang=lang, limits=limits)
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise fatal("json_not_node_link", display, lang=lang, detail="nodes")
    links = data.get("edges", data.get("links", []))
    if not isinstance(links, list):
        raise fatal("json_not_node_link", display, lang=lang, detail="edges")
    default = data.get("directed") if isinstance(data.get("directed"), bool) else None
    places = JsonPlaces(text, {"node": "nodes", "edge": "edges" if "edges" in data else "links"})

    def refused(element: str, number: int) -> InputError:
        sheet, line = places.part(f"{element}s", element).place(number)
        detail = f"{places.lists[element]}[{number - 1}]"
        return fatal("json_not_node_link", display, lang=lang, sheet=sheet, row=line, detail=detail)

    nodes: list[Node] = []
    for number, node in enumerate(data["nodes"], start=1):
        if not isinstance(node, dict) or is_blank(node.get("id")):
            raise refused("node", number)
        nodes.append(
            (str(as_text(node["id"])), {k: v for k, v in node.items() if k != "id"}, number)
        )
    edges: list[Edge] = []
    for number, link in enumerate(links, start=1):
        if (
            not isinstance(link, dict)
            or is_blank(link.get("source"))
            or is_blank(link.get("target"))
        ):
            raise refused("edge", number)
        attrs = {k: v for k, v in link.items() if k not in ("source", "target", "key", "id")}
        edges.append(
            (str(as_text(link["source"])), str(as_text(link["target"])), attrs, number, default)
        )
    graph: dict[str, Any] = data["graph"] if isinstance(data.get("graph"), dict) else {}
    return graph_to_raw(GraphContent(display, "JSON", nodes, edges, graph, places=places))
