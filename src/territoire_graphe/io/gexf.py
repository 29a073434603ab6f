"""GEXF files (Gephi's own format): reading with networkx's reader, and writing for Gephi.

Reading follows the rules of :mod:`.graphs` (attributes matched like workbook
headers, our own exports restored whole). GEXF specifics:

- The node ``label`` is the name when there is no name attribute; the edge
  ``label`` is the relation type when there is no type attribute; the edge
  ``weight`` is the intensity.
- Each edge's direction is its ``directed`` attribute if it has one, else its
  GEXF ``type`` (``directed``; ``undirected`` and ``mutual`` count as
  undirected), else the graph's ``defaultedgetype``. Mixed graphs are read (the
  file is handed to networkx with the direction set aside, since networkx refuses
  them), and a ``mutual`` edge stays one relation.
- Drawing data (``viz``: colour, size, position) is presentation, not data: it is
  not kept.

Writing (:func:`write_gexf`, for :mod:`.export`) uses GEXF 1.2, which every
Gephi since 0.8 opens: node labels are the names, edge labels the relation
types, edge weights the intensities; an edge whose direction differs from the
graph's default carries its own ``type``, so Gephi draws a mixed territory
correctly (networkx's own reader refuses such mixed files: use GraphML or JSON
there, or :func:`territoire_graphe.read`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .graphml import (
    XSI_NS,
    XmlWriter,
    attribute_types,
    direction,
    graph_unreadable,
    namespace,
    parse_xml,
    xml_value,
)
from .graphs import Edge, GraphContent, graph_to_raw
from .problems import fatal
from .sheets import RawWorkbook

GEXF_NS = "http://www.gexf.net/1.2draft"


def read_gexf(path: Path, *, display: str, lang: str | None = None) -> RawWorkbook:
    """Read a GEXF file (1.1, 1.2 or 1.3; networkx's reader) into raw sheets."""
    from networkx.readwrite.gexf import GEXFReader

    root = parse_xml(path, display=display, lang=lang, fmt="GEXF", root_name="gexf",
                     default_namespace=GEXF_NS)
    ns = namespace(root.tag)
    graph = root.find(f"{ns}graph")
    if graph is None:
        raise fatal("graph_missing", display, lang=lang, format="GEXF")
    default = direction(graph.get("defaultedgetype"))
    graph.set("defaultedgetype", "directed")  # each edge as written; direction read below
    positions = {n.get("id"): i for i, n in enumerate(graph.iter(f"{ns}node"), start=1)}
    edge_direction: dict[int, bool | None] = {}
    for number, edge in enumerate(graph.iter(f"{ns}edge"), start=1):
        edge_direction[number] = direction(edge.attrib.pop("type", None))
        edge.set("id", f"tg{number}")
    order: dict[str, list[str]] = {"node": ["label"], "edge": ["label", "weight"]}
    for block in graph.iter(f"{ns}attributes"):
        scope = block.get("class")
        if scope in order:
            order[scope] += [a.get("title") or a.get("id") or ""
                             for a in block.iter(f"{ns}attribute")]
    try:  # networkx's reader, handed the tree already parsed (as its __call__ does)
        reader = GEXFReader(node_type=None)
        version = next((v for v in reader.versions
                        if f"{{{reader.versions[v]['NS_GEXF']}}}" == ns), None)
        if version is None:
            raise ValueError(f"unknown GEXF version {ns[1:-1] or '-'}")
        reader.set_version(version)
        g = reader.make_graph(graph)
    except Exception as error:  # networkx raises many kinds: all mean "cannot read this"
        raise graph_unreadable(error, display, lang, "GEXF") from error
    node_default = dict(g.graph.get("node_default") or {})
    edge_default = dict(g.graph.get("edge_default") or {})
    nodes = []
    for i, (node, data) in enumerate(g.nodes(data=True), start=1):
        attrs = {**node_default, **data}
        attrs.pop("viz", None)
        if attrs.get("label") is None:
            attrs.pop("label", None)
        nodes.append((str(node), attrs, positions.get(str(node), len(positions) + i)))
    edges: list[Edge] = []
    for u, v, data in g.edges(data=True):
        attrs = {**edge_default, **data}
        number = int(str(attrs.pop("id"))[2:])
        attrs.pop("viz", None)
        said = edge_direction.get(number)
        edges.append((str(u), str(v), attrs, number, default if said is None else said))
    edges.sort(key=lambda e: e[3])
    attrs = {k: v for k, v in g.graph.items() if k not in ("node_default", "edge_default")}
    return graph_to_raw(GraphContent(display, "GEXF", nodes, edges, attrs,
                                     order["node"], order["edge"]))


def write_gexf(path: Path, nodes: Sequence[tuple[str, dict[str, Any]]],
               edges: Sequence[tuple[str, str, str, dict[str, Any], bool]], *,
               directed: bool, description: str = "") -> None:
    """Write GEXF 1.2: typed attributes, labels, weights, per-edge direction where needed.

    A node's label is its ``name`` attribute; an edge's label its ``type`` when it
    is a relation, and its ``weight`` attribute becomes the GEXF weight.
    """
    out = XmlWriter()
    out.open("gexf", {"xmlns": GEXF_NS, "xmlns:xsi": XSI_NS, "version": "1.2",
                      "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    out.open("meta")
    out.leaf("creator", text="territoire_graphe")
    if description:
        out.leaf("description", text=description)
    out.close("meta")
    out.open("graph", {"defaultedgetype": "directed" if directed else "undirected",
                       "mode": "static"})
    edge_attrs = [{k: v for k, v in e[3].items() if k != "weight"} for e in edges]
    ids: dict[tuple[str, str], tuple[str, str]] = {}
    for scope, records in (("node", [a for _, a in nodes]), ("edge", edge_attrs)):
        out.open("attributes", {"class": scope, "mode": "static"})
        for number, (name, xml_type) in enumerate(attribute_types(records).items()):
            out.leaf("attribute", {"id": f"{scope[0]}{number}", "title": name,
                                   "type": xml_type})
            ids[scope, name] = (f"{scope[0]}{number}", xml_type)
        out.close("attributes")
    out.open("nodes")
    for node_id, attrs in nodes:
        element = {"id": node_id}
        if attrs.get("name") is not None:
            element["label"] = xml_value(attrs["name"], "string")
        _element(out, "node", element, "node", attrs, ids)
    out.close("nodes")
    out.open("edges")
    for (source, target, edge_id, attrs, edge_directed), plain in zip(edges, edge_attrs,
                                                                      strict=True):
        element = {"id": edge_id, "source": source, "target": target}
        if attrs.get("kind") == "relation" and attrs.get("type") is not None:
            element["label"] = xml_value(attrs["type"], "string")
        if attrs.get("weight") is not None:
            element["weight"] = repr(float(attrs["weight"]))
        if edge_directed != directed:
            element["type"] = "directed" if edge_directed else "undirected"
        _element(out, "edge", element, "edge", plain, ids)
    out.close("edges")
    out.close("graph")
    out.close("gexf")
    out.save(path)


def _element(out: XmlWriter, tag: str, element: dict[str, str], scope: str,
             attrs: dict[str, Any], ids: dict[tuple[str, str], tuple[str, str]]) -> None:
    """A node or edge with its attribute values (none written for missing values)."""
    values = [(name, value) for name, value in attrs.items() if value is not None]
    if not values:
        out.leaf(tag, element)
        return
    out.open(tag, element)
    out.open("attvalues")
    for name, value in values:
        attr_id, xml_type = ids[scope, name]
        out.leaf("attvalue", {"for": attr_id, "value": xml_value(value, xml_type)})
    out.close("attvalues")
    out.close(tag)
