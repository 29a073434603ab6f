"""graphology JSON (Gephi Lite, Retina, sigma.js) and GeoJSON of actors (uMap, QGIS).

**graphology**: the serialisation of ``graph.export()``: ``options`` (a mixed
multigraph), ``attributes`` (the territory's name, date, own types and extra
columns, and ``creator``), ``nodes`` with a ``key`` and ``attributes``, ``edges``
with ``source``, ``target``, ``undirected`` and ``attributes``. Every node has the
``label``, ``x``, ``y``, ``size`` and ``color`` that sigma.js draws: actors as
the map draws them (:mod:`.export_viz`), a collective at the centre of its
members, a person next to their organisation. Every column is an attribute;
:func:`territoire_graphe.read` reads the file back as the same territory (the
drawing is not read back from our own files).

**GeoJSON**: one ``Point`` feature per actor with a latitude and a longitude
(RFC 7946: ``[longitude, latitude]``), its columns as properties, and the map's
colour as ``marker-color`` (which uMap shows). Actors without coordinates are left
out (the ``territoire_graphe`` member of the collection says how many).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..messages import resolve_lang
from ..model import Territory
from .export_people import restrict_people, scrubber
from .export_viz import Viz, map_drawing

CREATOR = "territoire_graphe"
_DRAWN = ("label", "x", "y", "size", "color")


def to_graphology(
    t: Territory,
    path: str | Path,
    *,
    diagnosis: Any = None,
    people: str = "show",
    lang: str | None = None,
) -> Path:
    """Write the territory as graphology JSON (sigma.js, Retina), drawn as the map draws it.

    Parameters
    ----------
    t : Territory
        The territory to write (never modified).
    path : str or path-like
        The ``.json`` file to write (replaced if it exists).
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
        The path written; the top-level ``attributes.provenance`` holds the provenance.

    Raises
    ------
    ValueError
        If ``people`` is not one of the three modes (the message lists them).
    OSError
        If the file cannot be written (the folder does not exist, no permission).

    Examples
    --------
    >>> import tempfile, json, territoire_graphe as tg
    >>> from territoire_graphe.data import sample_path
    >>> t = tg.read(sample_path("colombelles_tzcld.xlsx"))
    >>> data = json.loads(to_graphology(t, Path(tempfile.mkdtemp()) / "g.json").read_text())
    >>> all({"x", "y", "size", "color", "label"} <= set(n["attributes"]) for n in data["nodes"])
    True
    """
    from .export_graph import _collect, _present, export_provenance

    code = resolve_lang(lang)
    g = _collect(t, diagnosis)
    nodes, edges = restrict_people(g.nodes, g.edges, t, people, code)
    drawing = _placed(nodes, edges, map_drawing(t, diagnosis, lang=code))
    out_nodes = []
    for node_id, attrs in nodes:
        viz = drawing[node_id]
        drawn = {
            "label": attrs.get("name") or node_id,
            "x": viz.x,
            "y": viz.y,
            "size": viz.size,
            "color": viz.color,
        }
        out_nodes.append({"key": node_id, "attributes": {**drawn, **_json(_present(attrs))}})
    out_edges = []
    for source, target, edge_id, attrs, directed in edges:
        edge: dict[str, Any] = {
            "key": edge_id,
            "source": source,
            "target": target,
            "attributes": _json(_present(attrs)),
        }
        if not directed:
            edge["undirected"] = True
        out_edges.append(edge)
    graph = {k: v for k, v in g.graph.items() if v is not None}
    data = {
        "attributes": {
            **_json(graph),
            "creator": CREATOR,
            "provenance": export_provenance(
                "graphology", t, diagnosis, people=people, lang=code
            ).to_dict(),
        },
        "options": {"type": "mixed", "multi": True, "allowSelfLoops": True},
        "nodes": out_nodes,
        "edges": out_edges,
    }
    path = Path(path)
    path.write_text(
        json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False) + "\n",
        encoding="utf-8",
    )
    return path


def to_geojson(
    t: Territory,
    path: str | Path,
    *,
    diagnosis: Any = None,
    people: str = "show",
    lang: str | None = None,
) -> Path:
    """Write the actors that have coordinates as a GeoJSON FeatureCollection (uMap, QGIS).

    Actors without a latitude and a longitude are counted, not placed.
    Parameters
    ----------
    t : Territory
        The territory to write (never modified).
    path : str or path-like
        The ``.geojson`` file to write (replaced if it exists).
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
        The path written; the top-level member ``provenance`` holds the provenance.

    Raises
    ------
    ValueError
        If ``people`` is not one of the three modes (the message lists them).
    OSError
        If the file cannot be written (the folder does not exist, no permission).

    Examples
    --------
    >>> import tempfile, json, territoire_graphe as tg
    >>> from territoire_graphe.model import Territory
    >>> t = Territory.from_records(actors=[
    ...     {"id": "a", "name": "Mairie", "type": "commune", "latitude": 50.6, "longitude": 3.1},
    ...     {"id": "b", "name": "Asso", "type": "association"}])
    >>> data = json.loads(to_geojson(t, Path(tempfile.mkdtemp()) / "t.geojson").read_text())
    >>> [f["geometry"]["coordinates"] for f in data["features"]], data["territoire_graphe"]
    ([[3.1, 50.6]], {'actors': 2, 'without_coordinates': 1})
    """
    from .export_graph import _collect, _present, export_provenance

    code = resolve_lang(lang)
    scrub = scrubber(t, people, code)
    drawing = map_drawing(t, diagnosis, lang=code)
    g = _collect(t, diagnosis)
    features = []
    actors = [(n, a) for n, a in g.nodes if a.get("kind") == "actor"]
    for node_id, attrs in actors:
        lat, lon = attrs.get("latitude"), attrs.get("longitude")
        if not (
            isinstance(lat, int | float)
            and isinstance(lon, int | float)
            and math.isfinite(lat)
            and math.isfinite(lon)
        ):
            continue
        properties = {
            "id": node_id,
            **{
                k: scrub(v)
                for k, v in _json(_present(attrs)).items()
                if k not in ("latitude", "longitude", "kind")
            },
        }
        properties["marker-color"] = drawing[node_id].color
        features.append(
            {
                "type": "Feature",
                "id": node_id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": properties,
            }
        )
    data = {
        "type": "FeatureCollection",
        "name": t.name,
        "features": features,
        "territoire_graphe": {
            "actors": len(actors),
            "without_coordinates": len(actors) - len(features),
        },
        # a foreign member (RFC 7946, section 6.1): readers that do not know it ignore it
        "provenance": export_provenance(
            "geojson", t, diagnosis, people=people, lang=code
        ).to_dict(),
    }
    path = Path(path)
    path.write_text(
        json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False) + "\n",
        encoding="utf-8",
    )
    return path


def _placed(
    nodes: list[tuple[str, dict[str, Any]]],
    edges: list[tuple[str, str, str, dict[str, Any], bool]],
    drawing: dict[str, Viz],
) -> dict[str, Viz]:
    """Every node drawn: a collective at its members' centre, a person by their organisation."""
    out = dict(drawing)
    members: dict[str, list[Viz]] = {}
    for source, target, _, attrs, _ in edges:
        if attrs.get("kind") == "membership" and source in drawing:
            members.setdefault(target, []).append(drawing[source])
    grey = "#999999"
    for node_id, attrs in nodes:
        if node_id in out:
            continue
        kind = attrs.get("kind")
        if kind == "collective" and members.get(node_id):
            around = members[node_id]
            out[node_id] = Viz(
                "#666666",
                10.0,
                round(sum(v.x for v in around) / len(around), 1),
                round(sum(v.y for v in around) / len(around), 1),
            )
        elif kind == "person" and str(attrs.get("actor")) in drawing:
            home = drawing[str(attrs.get("actor"))]
            out[node_id] = Viz(grey, 4.0, round(home.x + home.size + 8, 1), home.y)
        else:
            out[node_id] = Viz(grey, 4.0, 0.0, 0.0)
    return out


def _json(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes JSON can hold (no NaN or infinity)."""
    return {k: _plain(v) for k, v in attrs.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
