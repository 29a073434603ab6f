"""GEXF 1.3 for Gephi, valid against the official schema, drawn as the map draws the territory.

What Gephi (and any GEXF reader) finds in the file:

- nodes: actors, collectives and people (``kind``), labelled with their names,
  with every column as a typed attribute; each actor has the map's colour (by
  type), size (by betweenness when a diagnosis is given) and position
  (:mod:`.export_viz`), so Gephi opens the territory coloured and placed as on
  the map. In GEXF 1.3's schema these are ``<color>``, ``<size>`` and
  ``<position>`` in the GEXF namespace itself (Gephi reads them by their name).
- edges: relations labelled by type and weighted by intensity, memberships and
  affiliations; every edge keeps its ``directed`` attribute.
- directions: when any relation is directed, the graph is directed and every
  edge is written as directed, its ``directed`` attribute saying what the
  relation is (``false`` for a tie: filter or style on it in Gephi's Data
  Laboratory). ``networkx.read_gexf`` refuses an ``undirected`` edge in a directed
  graph and reads a ``mutual`` one as two edges, so this is the one form that
  Gephi, networkx and igraph all open with one edge per relation. When no
  relation is directed, the graph is undirected.

:func:`territoire_graphe.read` reads the file back as the same territory: the
drawing is the map's, not data, and is not read back from our own files.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..messages import resolve_lang
from ..model import Territory
from .export_people import restrict_people
from .export_viz import Viz, map_drawing
from .graphml import XSI_NS, XmlWriter, attribute_types, xml_value

GEXF13_NS = "http://gexf.net/1.3"
CREATOR = "territoire_graphe"
PathLike = Any


def to_gexf(
    t: Territory,
    path: PathLike,
    *,
    diagnosis: Any = None,
    people: str = "show",
    lang: str | None = None,
) -> Path:
    """Write the territory as GEXF 1.3 for Gephi: the map's colours, sizes and positions.

    With ``diagnosis``, actors are sized by betweenness as on the map.
    Parameters
    ----------
    t : Territory
        The territory to write (never modified).
    path : str or path-like
        The ``.gexf`` file to write (replaced if it exists).
    diagnosis : Diagnosis, optional
        Adds every column of ``diagnosis.actors`` the actors table lacks (degree,
        betweenness, community...) to the actor nodes; its provenance is written too.
    people : {"show", "pseudonymise", "hide"}, default "show"
        ``"pseudonymise"`` names people "Personne 1"...; ``"hide"`` leaves them out (their
        ties become their organisation's), and no person's name is anywhere in the file.
    lang : str, optional
        Language of the error messages (default: ``$TERRITOIRE_GRAPHE_LANG``, else French).

    Returns
    -------
    Path
        The path written; the ``<meta>`` description holds the name, then the provenance (JSON).

    Raises
    ------
    ValueError
        If ``people`` is not one of the three modes (the message lists them).
    OSError
        If the file cannot be written (the folder does not exist, no permission).

    Examples
    --------
    >>> import tempfile, networkx as nx, territoire_graphe as tg
    >>> from territoire_graphe.data import sample_path
    >>> t = tg.read(sample_path("colombelles_tzcld.xlsx"))
    >>> path = to_gexf(t, Path(tempfile.mkdtemp()) / "t.gexf")
    >>> nx.read_gexf(path).number_of_nodes() == len(t.actors) + len(t.collectives) + len(t.people)
    True
    """
    from .export_graph import _collect, _flat, _mark_empty_columns, export_provenance, type_rows

    code = resolve_lang(lang)
    g = _collect(t, diagnosis)
    _mark_empty_columns(g, t)
    _describe_types(g.nodes, [e[3] for e in g.edges], type_rows(t))
    nodes, edges = restrict_people(g.nodes, g.edges, t, people, code)
    path = Path(path)
    write_gexf13(
        path,
        [(n, _flat(a)) for n, a in nodes],
        [(u, v, k, _flat(a), d) for u, v, k, a, d in edges],
        directed=g.directed,
        # the name, then the provenance as JSON on a line of its own
        description=f"{t.name}\n{export_provenance('gexf', t, diagnosis, people=people, lang=code).to_json()}",
        drawing=map_drawing(t, diagnosis, lang=code),
    )
    return path


# GEXF has no graph-level data: a territory's own types are described on the nodes and
# edges of those types (read back by io/gexf.py from our own files).
TYPE_ATTRIBUTES = {"color": "type_color", "label": "type_label", "directed": "type_directed"}


def _describe_types(
    nodes: Sequence[tuple[str, dict[str, Any]]],
    edges: Sequence[dict[str, Any]],
    rows: Sequence[dict[str, Any]],
) -> None:
    """Give every actor, collective and relation of a territory's own type that type's
    colour, label and default direction (``type_color``, ``type_label``, ``type_directed``)."""
    own = {(str(r["kind"]), str(r["type"])): r for r in rows}
    for attrs in [a for _, a in nodes] + list(edges):
        row = own.get((str(attrs.get("kind")), str(attrs.get("type"))))
        if row is None:
            continue
        for field, name in TYPE_ATTRIBUTES.items():
            if row.get(field) is not None:
                attrs[name] = row[field]


def write_gexf13(
    path: Path,
    nodes: Sequence[tuple[str, dict[str, Any]]],
    edges: Sequence[tuple[str, str, str, dict[str, Any], bool]],
    *,
    directed: bool,
    description: str = "",
    drawing: dict[str, Viz] | None = None,
) -> None:
    """Write GEXF 1.3: typed attributes, labels, weights, colours, sizes and positions."""
    drawing = drawing or {}
    out = XmlWriter()
    out.open(
        "gexf",
        {
            "xmlns": GEXF13_NS,
            "xmlns:xsi": XSI_NS,
            "version": "1.3",
            "xsi:schemaLocation": f"{GEXF13_NS} {GEXF13_NS}/gexf.xsd",
        },
    )
    out.open("meta")
    out.leaf("creator", text=CREATOR)
    if description:
        out.leaf("description", text=description)
    out.close("meta")
    out.open(
        "graph", {"defaultedgetype": "directed" if directed else "undirected", "mode": "static"}
    )
    edge_attrs = [{k: v for k, v in e[3].items() if k != "weight"} for e in edges]
    ids: dict[tuple[str, str], tuple[str, str]] = {}
    for scope, records in (("node", [a for _, a in nodes]), ("edge", edge_attrs)):
        types = attribute_types(records)
        if not types:
            continue
        out.open("attributes", {"class": scope, "mode": "static"})
        for number, (name, xml_type) in enumerate(types.items()):
            out.leaf("attribute", {"id": f"{scope[0]}{number}", "title": name, "type": xml_type})
            ids[scope, name] = (f"{scope[0]}{number}", xml_type)
        out.close("attributes")
    out.open("nodes", {"count": str(len(nodes))})
    for node_id, attrs in nodes:
        element = {"id": node_id}
        if attrs.get("name") is not None:
            element["label"] = " ".join(xml_value(attrs["name"], "string").split())
        _node(out, element, attrs, ids, drawing.get(node_id))
    out.close("nodes")
    out.open("edges", {"count": str(len(edges))})
    for (source, target, edge_id, attrs, _), plain in zip(edges, edge_attrs, strict=True):
        element = {"id": edge_id, "source": source, "target": target}
        if attrs.get("kind") == "relation" and attrs.get("type") is not None:
            element["label"] = " ".join(xml_value(attrs["type"], "string").split())
        weight = attrs.get("weight")
        if isinstance(weight, int | float) and math.isfinite(weight):
            element["weight"] = repr(float(weight))
        _values(out, "edge", element, plain, ids)
    out.close("edges")
    out.close("graph")
    out.close("gexf")
    out.save(path)


def _node(
    out: XmlWriter,
    element: dict[str, str],
    attrs: dict[str, Any],
    ids: dict[tuple[str, str], tuple[str, str]],
    viz: Viz | None,
) -> None:
    if viz is None:
        _values(out, "node", element, attrs, ids)
        return
    out.open("node", element)
    _attvalues(out, "node", attrs, ids)
    r, g, b = viz.rgb
    out.leaf("color", {"r": str(r), "g": str(g), "b": str(b)})
    out.leaf("position", {"x": repr(viz.x), "y": repr(viz.y), "z": "0.0"})
    out.leaf("size", {"value": repr(viz.size)})
    out.close("node")


def _values(
    out: XmlWriter,
    tag: str,
    element: dict[str, str],
    attrs: dict[str, Any],
    ids: dict[tuple[str, str], tuple[str, str]],
) -> None:
    if all(v is None for v in attrs.values()):
        out.leaf(tag, element)
        return
    out.open(tag, element)
    _attvalues(out, tag, attrs, ids)
    out.close(tag)


def _attvalues(
    out: XmlWriter, scope: str, attrs: dict[str, Any], ids: dict[tuple[str, str], tuple[str, str]]
) -> None:
    values = [(name, value) for name, value in attrs.items() if value is not None]
    if not values:
        return
    out.open("attvalues")
    for name, value in values:
        attr_id, xml_type = ids[scope, name]
        out.leaf("attvalue", {"for": attr_id, "value": xml_value(value, xml_type)})
    out.close("attvalues")
