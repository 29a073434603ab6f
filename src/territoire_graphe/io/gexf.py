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

from .graphml import XSI_NS, XmlWriter, attribute_types, direction, xml_value
from .graphs import Edge, GraphContent, Node, graph_to_raw
from .graphtools import Notes, complete, listing, load_xml, typed
from .limits import Limits
from .problems import fatal
from .sheets import RawWorkbook
from .xmltree import Element

GEXF_NS = "http://www.gexf.net/1.2draft"


def read_gexf(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> RawWorkbook:
    """Read a GEXF file (1.0 to 1.3, under any namespace Gephi wrote) into raw sheets.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "t.gexf").write_text('<gexf xmlns="http://gexf.net/1.3"><graph>'
    ...     '<nodes><node id="a" label="A"/><node id="b" label="B"/></nodes>'
    ...     '<edges><edge source="a" target="b" weight="2"/></edges></graph></gexf>')
    >>> raw = read_gexf(folder / "t.gexf", display="t.gexf")
    >>> raw.sheets[0].header, raw.sheets[0].rows
    (['id', 'label', 'type'], [['a', 'A', 'autre'], ['b', 'B', 'autre']])
    """
    root = load_xml(path, display=display, lang=lang, fmt="GEXF", root_name="gexf", limits=limits)
    graph = root.find("graph")
    if graph is None:
        raise fatal("graph_missing", display, lang=lang, format="GEXF")
    notes = Notes()
    meta = root.find("meta")
    creator = meta.find("creator") if meta is not None else None
    # Our own exports draw the map (export_gexf): that drawing is not data to read back.
    own = creator is not None and creator.all_text().strip() == "territoire_graphe"
    declared = _declared(graph)
    default = direction(graph.get("defaultedgetype"))
    nodes: list[Node] = []
    nested: list[str] = []
    for element, parent in _nodes(graph):
        position = element.line  # problems name the element and its line
        node_id = element.get("id")
        if node_id is None:
            raise fatal("gexf_no_id", display, lang=lang, element="node", line=element.line)
        attrs = _values(element, "node", declared, notes, own)
        parent_id = parent.get("id") if parent is not None else element.get("pid")
        if parent_id is not None:  # a GEXF hierarchy: flattened, the parent kept, a warning
            nested.append(node_id)
            attrs.setdefault("parent", parent_id)
        nodes.append((node_id, attrs, position))
    edges: list[Edge] = []
    edge_list = graph.find("edges")
    for element in edge_list.findall("edge") if edge_list is not None else []:
        position = element.line
        source, target = element.get("source"), element.get("target")
        if source is None or target is None:
            raise fatal("gexf_no_id", display, lang=lang, element="edge", line=element.line)
        said = direction(element.get("type"))
        edges.append(
            (
                source,
                target,
                _values(element, "edge", declared, notes, own),
                position,
                default if said is None else said,
            )
        )
    if nested:
        notes.add(
            "gexf_hierarchy_flattened", sheet="nodes", count=len(nested), names=listing(nested)
        )
    order = {
        scope: [
            *(["label"] if scope == "node" else ["label", "weight"]),
            *(a[0] for (s, _), a in declared.items() if s == scope),
        ]
        for scope in ("node", "edge")
    }
    graph_data = {"types": _own_types(nodes, edges)} if own else {}
    content = complete(
        GraphContent(
            display, "GEXF", nodes, edges, graph_data, order["node"], order["edge"], where="xml"
        ),
        notes,
    )
    raw = graph_to_raw(content)
    return raw


Declared = dict[tuple[str, str], tuple[str, str, str | None, bool]]  # title, type, default, dyn
_TYPE_FIELDS = {"type_color": "color", "type_label": "label", "type_directed": "directed"}


def _own_types(nodes: list[Node], edges: list[Edge]) -> list[dict[str, Any]]:
    """The territory's own types, as our exports describe them on their elements.

    ``type_color``, ``type_label`` and ``type_directed`` (export_gexf.py) are taken off
    the nodes and edges and become rows of the ``types`` sheet, one per kind and type.
    """
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for attrs in [a for _, a, _ in nodes] + [e[2] for e in edges]:
        described = {f: attrs.pop(a) for a, f in _TYPE_FIELDS.items() if a in attrs}
        kind, name = attrs.get("kind"), attrs.get("type")
        if described and isinstance(kind, str) and name is not None:
            row = rows.setdefault((kind, str(name)), {"type": str(name), "kind": kind})
            if kind == "relation" and attrs.get("family") is not None:
                row["family"] = attrs["family"]
            row.update(described)
    return list(rows.values())


def _declared(graph: Element) -> Declared:
    """The attributes a GEXF graph declares: (class, id) -> (title, type, default, dynamic)."""
    out: Declared = {}
    titles: dict[str, set[str]] = {"node": set(), "edge": set()}
    for block in graph.findall("attributes"):
        scope = block.get("class", "node")
        if scope not in titles:
            continue
        dynamic = (block.get("mode") or block.get("type") or "") == "dynamic"
        for attribute in block.findall("attribute"):
            attr_id = attribute.get("id") or attribute.get("title") or ""
            title = attribute.get("title") or attr_id
            if title in titles[scope]:
                title = attr_id
            titles[scope].add(title)
            default = attribute.find("default")
            out[scope, attr_id] = (
                title,
                attribute.get("type") or "string",
                default.all_text() if default is not None else None,
                dynamic,
            )
    return out


def _nodes(graph: Element) -> list[tuple[Element, Element | None]]:
    """Every node, nested ones (GEXF hierarchies) after their parent: (node, parent)."""
    out: list[tuple[Element, Element | None]] = []
    stack: list[tuple[Element, Element | None]] = []
    block = graph.find("nodes")
    if block is not None:
        stack.extend((n, None) for n in reversed(block.findall("node")))
    while stack:
        node, parent = stack.pop()
        out.append((node, parent))
        inner = node.find("nodes")
        if inner is not None:
            stack.extend((n, node) for n in reversed(inner.findall("node")))
    return out


_TIME = ("start", "end", "startopen", "endopen", "timestamp")


def _values(
    element: Element, scope: str, declared: Declared, notes: Notes, own: bool = False
) -> dict[str, Any]:
    """A node's or edge's attributes: label, weight, viz, spells and attribute values."""
    attrs: dict[str, Any] = {}
    if element.get("label") is not None:
        attrs["label"] = element.get("label")
    if scope == "edge":
        if element.get("weight") is not None:
            attrs["weight"] = typed(element.get("weight"), "double")
        if element.get("kind") is not None:
            attrs["kind"] = element.get("kind")
    for (s, _), (title, xml_type, default, _d) in declared.items():
        if s == scope and default is not None:
            attrs[title] = typed(default, xml_type)
    timed: dict[str, list[str]] = {}
    holder = element.find("attvalues")
    for attvalue in [
        *(holder.findall("attvalue") if holder is not None else []),
        *element.findall("attvalue"),
    ]:
        attr_id = attvalue.get("for") or attvalue.get("id") or ""
        title, xml_type, _, _ = declared.get((scope, attr_id), (attr_id, "string", None, False))
        if (scope, attr_id) not in declared:
            notes.once(
                "gexf_attribute_undeclared",
                f"{scope}:{attr_id}",
                sheet="nodes" if scope == "node" else "edges",
                column=attr_id,
                header=attr_id,
                row=attvalue.line,
            )
        value = typed(attvalue.get("value"), xml_type)
        when = _interval(attvalue)
        if when:
            timed.setdefault(title, []).append(f"{_shown(value)} ({when})")
            attrs[title] = value
        else:
            attrs[title] = value
    for title, values in timed.items():
        if len(values) > 1:
            attrs[title] = "; ".join(values)
            notes.once(
                "gexf_dynamic_kept",
                f"{scope}:{title}",
                sheet="nodes" if scope == "node" else "edges",
                column=title,
                header=title,
            )
    spells = _spells(element)
    if len(spells) == 1:
        attrs["start"], attrs["end"] = spells[0]
    elif spells:
        attrs["spells"] = "; ".join(f"{s or ''} – {e or ''}" for s, e in spells)
        notes.once(
            "gexf_spells_kept",
            scope,
            sheet="nodes" if scope == "node" else "edges",
            column="spells",
        )
    if not own:
        attrs.update(_viz(element))
    return {k: v for k, v in attrs.items() if v is not None}


def _interval(element: Element) -> str:
    if element.get("timestamp") is not None:
        return str(element.get("timestamp"))
    start = element.get("start") or element.get("startopen")
    end = element.get("end") or element.get("endopen")
    return f"{start or ''} – {end or ''}" if start or end else ""


def _shown(value: Any) -> str:
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def _spells(element: Element) -> list[tuple[str | None, str | None]]:
    """The time intervals of a node or edge: its own start/end, or its ``spells``."""
    spells = []
    if any(element.get(t) is not None for t in _TIME):
        stamp = element.get("timestamp")
        spells.append(
            (
                element.get("start") or element.get("startopen") or stamp,
                element.get("end") or element.get("endopen") or stamp,
            )
        )
    block = element.find("spells")
    for spell in block.findall("spell") if block is not None else []:
        stamp = spell.get("timestamp")
        spells.append(
            (
                spell.get("start") or spell.get("startopen") or stamp,
                spell.get("end") or spell.get("endopen") or stamp,
            )
        )
    return spells


def _viz(element: Element) -> dict[str, Any]:
    """Drawing data, kept for the map: ``color`` (#rrggbb), ``size``, ``x``, ``y``..."""
    out: dict[str, Any] = {}
    for child in element.children:
        if "viz" not in child.ns and child.tag not in (
            "color",
            "position",
            "size",
            "thickness",
            "shape",
        ):
            continue
        if child.tag == "color":
            out["color"] = _hex(child)
        elif child.tag == "size" or child.tag == "thickness":
            out[child.tag] = typed(child.get("value"), "double")
        elif child.tag == "position":
            for axis in ("x", "y", "z"):
                value = typed(child.get(axis), "double")
                if axis != "z" or value:
                    out[axis] = value
        elif child.tag == "shape":
            out["shape"] = child.get("value")
    return out


def _hex(color: Element) -> str | None:
    written = color.get("hex")
    if written:
        return written if written.startswith("#") else f"#{written}"
    try:
        r, g, b = (max(0, min(255, int(float(color.get(c) or 0)))) for c in "rgb")
    except ValueError:
        return None
    return f"#{r:02x}{g:02x}{b:02x}"


def write_gexf(
    path: Path,
    nodes: Sequence[tuple[str, dict[str, Any]]],
    edges: Sequence[tuple[str, str, str, dict[str, Any], bool]],
    *,
    directed: bool,
    description: str = "",
) -> None:
    """Write GEXF 1.2: typed attributes, labels, weights, per-edge direction where needed.

    A node's label is its ``name`` attribute; an edge's label its ``type`` when it
    is a relation, and its ``weight`` attribute becomes the GEXF weight.
    """
    out = XmlWriter()
    out.open(
        "gexf",
        {
            "xmlns": GEXF_NS,
            "xmlns:xsi": XSI_NS,
            "version": "1.2",
            "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd",
        },
    )
    out.open("meta")
    out.leaf("creator", text="territoire_graphe")
    if description:
        out.leaf("description", text=description)
    out.close("meta")
    out.open(
        "graph", {"defaultedgetype": "directed" if directed else "undirected", "mode": "static"}
    )
    edge_attrs = [{k: v for k, v in e[3].items() if k != "weight"} for e in edges]
    ids: dict[tuple[str, str], tuple[str, str]] = {}
    for scope, records in (("node", [a for _, a in nodes]), ("edge", edge_attrs)):
        out.open("attributes", {"class": scope, "mode": "static"})
        for number, (name, xml_type) in enumerate(attribute_types(records).items()):
            out.leaf("attribute", {"id": f"{scope[0]}{number}", "title": name, "type": xml_type})
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
    for (source, target, edge_id, attrs, edge_directed), plain in zip(
        edges, edge_attrs, strict=True
    ):
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


def _element(
    out: XmlWriter,
    tag: str,
    element: dict[str, str],
    scope: str,
    attrs: dict[str, Any],
    ids: dict[tuple[str, str], tuple[str, str]],
) -> None:
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
