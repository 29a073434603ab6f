"""Which way is up: positions from Gephi, sigma.js, Cytoscape.js, yEd and Kumu on the map.

A node placed top-left in the tool must be top-left on the map, whose canvas has
its y axis downwards (vis-network): top-left there is x < 0 and y < 0 around
the centre. Gephi and sigma.js have y upwards, Cytoscape.js, yEd and Kumu
downwards (io/positions.py). Exports turn y back, so a round trip is the identity.
"""

import json

import pytest

import territoire_graphe as tg
from territoire_graphe.diagnosis import diagnose
from territoire_graphe.io.export_gexf import to_gexf
from territoire_graphe.io.export_graphology import to_graphology
from territoire_graphe.io.xmltree import parse_bytes
from territoire_graphe.render.map_data import build_map_data

# In the tool: "nw" at the top left, "se" at the bottom right.
TOP_LEFT, BOTTOM_RIGHT = ("nw", -100.0, 80.0), ("se", 100.0, -80.0)  # y up (Gephi, sigma)

GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected">
    <nodes>
      <node id="nw" label="Nord-Ouest"><viz:position x="-100.0" y="80.0" z="0.0"/></node>
      <node id="se" label="Sud-Est"><viz:position x="100.0" y="-80.0" z="0.0"/></node>
    </nodes>
    <edges><edge id="0" source="nw" target="se"/></edges>
  </graph>
</gexf>
"""


def _map_positions(t):
    data = build_map_data(t, diagnose(t), lang="fr")
    return {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}


def _cytoscape(tmp_path):
    elements = {
        "elements": {
            "nodes": [
                {"data": {"id": "nw", "name": "Nord-Ouest"}, "position": {"x": -100, "y": -80}},
                {"data": {"id": "se", "name": "Sud-Est"}, "position": {"x": 100, "y": 80}},
            ],
            "edges": [{"data": {"id": "e", "source": "nw", "target": "se"}}],
        }
    }
    path = tmp_path / "carte.cyjs"
    path.write_text(json.dumps(elements), encoding="utf-8")
    return path


def _graphology(tmp_path):
    data = {
        "options": {"type": "undirected"},
        "nodes": [
            {"key": "nw", "attributes": {"label": "Nord-Ouest", "x": -100, "y": 80}},
            {"key": "se", "attributes": {"label": "Sud-Est", "x": 100, "y": -80}},
        ],
        "edges": [{"source": "nw", "target": "se"}],
    }
    path = tmp_path / "sigma.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _yed(tmp_path):
    path = tmp_path / "yed.graphml"
    # yEd's geometry is the top-left corner of a 30 x 30 box, y down
    nodes = "".join(
        f'<node id="{n}"><data key="d0"><y:ShapeNode>'
        f'<y:Geometry x="{x - 15}" y="{y - 15}" width="30" height="30"/>'
        f"<y:NodeLabel>{n}</y:NodeLabel></y:ShapeNode></data></node>"
        for n, x, y in (("nw", -100, -80), ("se", 100, 80))
    )
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:y="http://www.yworks.com/xml/graphml">'
        '<key id="d0" for="node" yfiles.type="nodegraphics"/>'
        f'<graph edgedefault="undirected">{nodes}<edge source="nw" target="se"/></graph>'
        "</graphml>",
        encoding="utf-8",
    )
    return path


def _gexf(tmp_path):
    path = tmp_path / "gephi.gexf"
    path.write_text(GEXF, encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [_gexf, _graphology, _cytoscape, _yed])
def test_a_node_top_left_in_its_tool_is_top_left_on_the_map(tmp_path, make):
    placed = _map_positions(tg.read(make(tmp_path)))
    (nw_x, nw_y), (se_x, se_y) = placed["nw"], placed["se"]
    assert nw_x < se_x  # left of the other
    assert nw_y < se_y  # above it: the map's y grows downwards
    assert (nw_x, nw_y) == (-100.0, -80.0) and (se_x, se_y) == (100.0, 80.0)


def _gexf_positions(path):
    root = parse_bytes(path.read_bytes())
    nodes = root.find("graph").find("nodes").findall("node")
    return {
        n.get("id"): (float(n.find("position").get("x")), float(n.find("position").get("y")))
        for n in nodes
        if n.find("position") is not None  # collectives and people are not placed
    }


def test_a_gephi_file_read_and_exported_keeps_its_positions_and_its_way_up(tmp_path):
    t = tg.read(_gexf(tmp_path))
    written = _gexf_positions(to_gexf(t, tmp_path / "retour.gexf"))
    assert written == {"nw": (-100.0, 80.0), "se": (100.0, -80.0)}  # as Gephi wrote them


def test_a_sigma_file_read_and_exported_keeps_its_positions(tmp_path):
    t = tg.read(_graphology(tmp_path))
    data = json.loads(to_graphology(t, tmp_path / "retour.json").read_text(encoding="utf-8"))
    placed = {n["key"]: (n["attributes"]["x"], n["attributes"]["y"]) for n in data["nodes"]}
    assert placed == {"nw": (-100, 80), "se": (100, -80)}


def test_a_cytoscape_file_exported_to_gephi_is_shown_the_same_way_up(tmp_path):
    t = tg.read(_cytoscape(tmp_path))
    written = _gexf_positions(to_gexf(t, tmp_path / "vers_gephi.gexf"))
    assert written["nw"][1] > written["se"][1]  # Gephi: y up, the top-left node higher
    assert written == {"nw": (-100.0, 80.0), "se": (100.0, -80.0)}


def test_our_own_map_layout_is_exported_y_up_and_comes_back_the_same(tmp_path):
    from territoire_graphe.data import sample_path

    t = tg.read(sample_path("colombelles_tzcld.xlsx"))
    d = diagnose(t)
    data = build_map_data(t, d, lang="fr")
    screen = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}  # computed layout, y down
    written = _gexf_positions(to_gexf(t, tmp_path / "t.gexf", diagnosis=d))
    assert sorted(written) == sorted(screen)
    for actor in screen:
        assert written[actor][0] == pytest.approx(screen[actor][0], abs=0.06)
        assert written[actor][1] == pytest.approx(-screen[actor][1], abs=0.06)
