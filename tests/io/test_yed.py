"""yEd and yFiles GraphML: labels are names, groups are collectives with their members."""

from __future__ import annotations

import territoire_graphe as tg

# The shape of a yEd 3.x file: labels in y:NodeLabel, a group node holding a <graph>.
YED = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
         xmlns:y="http://www.yworks.com/xml/graphml"
         xmlns:yed="http://www.yworks.com/xml/yed/3">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <key attr.name="description" attr.type="string" for="node" id="d5"/>
  <graph edgedefault="directed" id="G">
    <node id="n0" yfiles.foldertype="group">
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode>
        <y:Geometry height="200" width="300" x="0" y="0"/>
        <y:Fill color="#F5F5F5" transparent="false"/>
        <y:NodeLabel>Réseau des AMAP</y:NodeLabel>
      </y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n0:">
        <node id="n0::n0"><data key="d6"><y:ShapeNode>
          <y:Geometry height="30" width="60" x="10" y="20"/><y:Fill color="#FFCC00"/>
          <y:NodeLabel>AMAP de Gournay</y:NodeLabel></y:ShapeNode></data></node>
        <node id="n0::n1"><data key="d6"><y:ShapeNode>
          <y:NodeLabel>AMAP de Forges</y:NodeLabel></y:ShapeNode></data></node>
      </graph>
    </node>
    <node id="n1"><data key="d5">la mairie</data><data key="d6"><y:ShapeNode>
      <y:NodeLabel>Mairie de Songeons</y:NodeLabel></y:ShapeNode></data></node>
    <edge id="e0" source="n1" target="n0::n0"><data key="d10"><y:PolyLineEdge>
      <y:EdgeLabel>financement</y:EdgeLabel></y:PolyLineEdge></data></edge>
  </graph>
</graphml>
"""


def test_yed_labels_are_names_and_groups_are_collectives_with_their_members(tmp_path):
    path = tmp_path / "bray.graphml"
    path.write_text(YED, encoding="utf-8")
    t = tg.read(path)
    assert list(t.actors["name"]) == ["AMAP de Gournay", "AMAP de Forges", "Mairie de Songeons"]
    assert list(t.collectives["name"]) == ["Réseau des AMAP"]
    assert sorted(t.memberships["actor"]) == ["n0::n0", "n0::n1"]
    assert set(t.memberships["collective"]) == {"n0"}
    assert list(t.relations["type"]) == ["financement"]
    # the geometry's centre and the fill colour are kept for the map
    gournay = t.actors.loc["n0::n0"]
    # yEd's y points down; positions are kept y up (io/positions.py)
    assert (gournay["x"], gournay["y"], gournay["color"]) == (40.0, -35.0, "#FFCC00")
