"""A first, simple map of a territory: one self-contained HTML file (pyvis, vis-network inline).

Actors are dots coloured by type (the vocabulary's colour-blind-safe colours);
every relation is a line: ties grey, flows blue with an arrow, dependencies
dashed purple, tensions dashed red. Below 500 actors the positions come from a
seeded ``networkx.spring_layout`` and physics is off, so the same territory
always gives the same picture. The full map, with the diagnosis, is
``territoire_graphe.to_html``; this one only needs the territory.

Nodes and edges are prepared as plain lists (:func:`map_data`) and handed to
pyvis; the territory is never modified. Tooltips are escaped HTML.

>>> from territoire_graphe import Territory
>>> t = Territory.from_records(
...     actors=[{"id": "a", "name": "Mairie <A>", "type": "commune"},
...             {"id": "b", "name": "Asso", "type": "association"}],
...     relations=[{"source": "a", "target": "b", "type": "coopération", "family": "lien"}])
>>> nodes, edges = map_data(t, lang="fr")
>>> nodes[0]["label"], nodes[0]["color"], "&lt;A&gt;" in nodes[0]["title"]
('Mairie <A>', '#0072B2', True)
>>> edges[0]["from"], edges[0]["to"], edges[0]["arrows"]
('a', 'b', '')
"""

from __future__ import annotations

import html
import json
import math
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from ..io.outputs import write_text
from ..messages import format_number, resolve_lang, text
from ..model import Territory
from ..vocabulary import TENSION

PHYSICS_FROM = 500  # from this many actors on, vis-network lays the map out itself
_FAMILY_STYLE = {  # colour, dashes
    "lien": ("#8C8C8C", False),
    "flux": ("#0072B2", False),
    "interdependance": ("#AA4499", True),
    TENSION: ("#D55E00", True),
}


def map_data(territory: Territory, *, lang: str | None = None,
             seed: int = 42) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The nodes and edges of the map, as vis-network reads them (ids, labels, colours, titles)."""
    lang = resolve_lang(lang)
    vocabulary = territory.vocabulary
    actors = territory.actors
    positions = _positions(territory, seed) if len(actors) < PHYSICS_FROM else {}
    nodes = []
    for actor_id, row in actors.iterrows():
        name = str(row["name"])
        type_name = "" if row["type"] is None else str(row["type"])
        lines = [f"<b>{html.escape(name)}</b>", html.escape(_type_label(territory, type_name,
                                                                          lang))]
        for field in ("municipality", "sector"):
            value = row.get(field)
            if isinstance(value, str) and value:
                lines.append(html.escape(text(f"simple_map.node.{field}", lang, value=value)))
        node = {"id": str(actor_id), "label": name, "color": vocabulary.color(type_name),
                "title": "<br>".join(lines), "shape": "dot", "size": 14}
        if str(actor_id) in positions:
            node["x"], node["y"] = positions[str(actor_id)]
        nodes.append(node)
    names = actors["name"].astype(str).to_dict()
    parallel: Counter[tuple[str, str]] = Counter()
    edges = []
    for _, rel in territory.relations.iterrows():
        source, target = str(rel["source"]), str(rel["target"])
        style = TENSION if rel["type"] == TENSION else str(rel["family"])
        color, dashes = _FAMILY_STYLE.get(style, _FAMILY_STYLE["lien"])
        weight = float(rel["weight"]) if rel["weight"] == rel["weight"] else 1.0
        pair = tuple(sorted((source, target)))
        rank = parallel[pair]  # type: ignore[index]
        parallel[pair] += 1  # type: ignore[index]
        title = "<br>".join([
            html.escape(f"{names.get(source, source)} – {names.get(target, target)}"),
            html.escape(f"{vocabulary.relation(str(rel['type'])).label(lang)} "
                        f"({text(f'simple_map.family.{style}', lang)})"),
            html.escape(text("simple_map.edge.weight", lang, value=format_number(weight, lang))),
        ])
        edges.append({
            "from": source, "to": target, "color": color, "dashes": dashes,
            "width": 1 + min(weight, 5.0) * 0.6, "arrows": "to" if rel["directed"] else "",
            "title": title,
            "smooth": {"enabled": rank > 0, "type": "curvedCW", "roundness": 0.15 * rank},
        })
    return nodes, edges


def write_simple_map(territory: Territory, path: str | os.PathLike[str], *,
                     lang: str | None = None, seed: int = 42) -> Path:
    """Write the simple map of ``territory`` to ``path`` (one HTML file, works offline)."""
    from pyvis.network import Network

    lang = resolve_lang(lang)
    path = Path(path)
    nodes, edges = map_data(territory, lang=lang, seed=seed)
    network = Network(height="80vh", width="100%", heading="", cdn_resources="in_line")
    # Handed over as lists: pyvis's add_edge drops parallel relations of an undirected
    # network and both add_* methods scan every item already added (quadratic).
    network.nodes = [dict(node) for node in nodes]
    network.node_ids = [node["id"] for node in nodes]
    network.node_map = {node["id"]: network.nodes[i] for i, node in enumerate(nodes)}
    network.edges = [{"id": f"e{number}", **edge} for number, edge in enumerate(edges)]
    network.set_options(json.dumps({
        "physics": {"enabled": len(nodes) >= PHYSICS_FROM,
                    "stabilization": {"iterations": 300}},
        "interaction": {"hover": True, "tooltipDelay": 120},
        "nodes": {"font": {"size": 14}},
        "edges": {"smooth": False},
    }))
    page = network.generate_html(notebook=False)
    write_text(path, _finish(page, territory, nodes, lang), encoding="utf-8")  # atomic
    return path


def _type_label(territory: Territory, type_name: str, lang: str) -> str:
    entry = territory.vocabulary.actor(type_name)
    return entry.label(lang) if entry is not None else type_name


def _positions(territory: Territory, seed: int) -> dict[str, tuple[float, float]]:
    """Seeded spring layout of the linked actors; actors without any tie in a column aside."""
    graph = territory.analysis_graph
    isolated = sorted(str(n) for n in graph if graph.degree(n) == 0)
    linked = graph.subgraph(n for n in graph if graph.degree(n) > 0)
    positions: dict[str, tuple[float, float]] = {}
    if linked.number_of_nodes():
        n = linked.number_of_nodes()
        layout = nx.spring_layout(linked, seed=seed, weight=None, k=1.8 / math.sqrt(n),
                                  iterations=200)
        scale = 90.0 * math.sqrt(n)
        positions = {str(node): (round(float(x) * scale, 1), round(float(y) * scale, 1))
                     for node, (x, y) in sorted(layout.items(), key=lambda item: str(item[0]))}
    right = max((x for x, _ in positions.values()), default=0.0) + 250.0
    top = min((y for _, y in positions.values()), default=0.0)
    for rank, node in enumerate(isolated):
        positions[node] = (right + 180.0 * (rank // 12), top + 60.0 * (rank % 12))
    return positions


# Tooltips: vis-network shows a string title as plain text; turn the escaped HTML
# prepared above into elements so that line breaks and bold names show.
_TOOLTIPS = """
function tgHtmlTitles(dataset) {
  dataset.forEach(function (item) {
    if (typeof item.title === "string") {
      var element = document.createElement("div");
      element.innerHTML = item.title;
      dataset.update({id: item.id, title: element});
    }
  });
}
tgHtmlTitles(nodes);
tgHtmlTitles(edges);
"""
_NETWORK_LINE = "network = new vis.Network(container, data, options);"


def _finish(page: str, territory: Territory, nodes: list[dict[str, Any]], lang: str) -> str:
    """Make pyvis's page self-contained and readable: no CDN, a title, a legend."""
    page = re.sub(r"<link[^>]*bootstrap[^>]*>", "", page)
    page = re.sub(r"<script[^>]*bootstrap[^>]*>\s*</script>", "", page)
    page = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>", "", page)
    page = re.sub(r"<!-- <link[^>]*node_modules.*?-->", "", page, count=1, flags=re.S)
    page = page.replace(_NETWORK_LINE, _TOOLTIPS + _NETWORK_LINE, 1)
    title = html.escape(text("simple_map.title", lang, name=territory.name))
    page = page.replace("<html>", f'<html lang="{lang}">', 1)
    page = page.replace("<head>", f"<head>\n<title>{title}</title>", 1)
    return page.replace("<body>", "<body>\n" + _header(territory, nodes, lang), 1)


def _count(n: int, noun: str, lang: str) -> str:
    form = "one" if (n < 2 if lang == "fr" else n == 1) else "other"
    return text(f"cli.count.{noun}.{form}", lang, n=n)


def _header(territory: Territory, nodes: list[dict[str, Any]], lang: str) -> str:
    counts = text("simple_map.counts", lang, actors=_count(len(nodes), "actors", lang),
                  relations=_count(len(territory.relations), "relations", lang))
    types = Counter(territory.actors["type"].fillna("").astype(str))
    swatches = "".join(
        f'<span style="margin-right:14px;white-space:nowrap"><span style="display:inline-block;'
        f'width:12px;height:12px;border-radius:6px;background:{territory.vocabulary.color(t)};'
        f'margin-right:4px"></span>{html.escape(_type_label(territory, t, lang))} ({n})</span>'
        for t, n in sorted(types.items(), key=lambda item: (-item[1], item[0])))
    families = sorted({TENSION if t == TENSION else f for t, f in
                       zip(territory.relations["type"], territory.relations["family"],
                           strict=True)}, key=list(_FAMILY_STYLE).index)
    lines = "".join(
        f'<span style="margin-right:14px;white-space:nowrap"><span style="display:inline-block;'
        f'width:24px;border-top:3px {"dashed" if _FAMILY_STYLE[f][1] else "solid"} '
        f'{_FAMILY_STYLE[f][0]};margin-right:4px;vertical-align:middle"></span>'
        f'{html.escape(text(f"simple_map.family.{f}", lang))}</span>'
        for f in families if f in _FAMILY_STYLE)
    name = html.escape(text("simple_map.title", lang, name=territory.name))
    sep = html.escape(text("problem.sep", lang))
    return (
        '<div style="font-family:sans-serif;padding:8px 12px">'
        f'<h1 style="font-size:1.4em;margin:0 0 4px 0">{name}</h1>'
        f'<p style="margin:0 0 6px 0">{html.escape(counts)}. '
        f'{html.escape(text("simple_map.help", lang))}</p>'
        f'<p style="margin:0 0 4px 0"><b>{html.escape(text("simple_map.legend.actors", lang))}'
        f"</b>{sep}{swatches}</p>"
        f'<p style="margin:0"><b>{html.escape(text("simple_map.legend.links", lang))}</b>'
        f"{sep}{lines}</p></div>\n"
    )
