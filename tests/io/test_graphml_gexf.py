"""GraphML, GEXF and node-link JSON files read as territories; broken files give clear errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.io.build import build_territory
from territoire_graphe.io.graphml import read_json
from territoire_graphe.messages import CATALOGUES
from territoire_graphe.messages import _formats as format_messages

GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k0" for="node" attr.name="nom" attr.type="string"/>
  <key id="k1" for="node" attr.name="kind" attr.type="string"/>
  <key id="k2" for="node" attr.name="code_insee" attr.type="string"/>
  <key id="k3" for="node" attr.name="influence" attr.type="int"/>
  <key id="k4" for="edge" attr.name="relation" attr.type="string"/>
  <key id="k5" for="edge" attr.name="poids" attr.type="double"/>
  <key id="k6" for="node" attr.name="commune" attr.type="string">
    <default>Gournay-en-Bray</default>
  </key>
  <graph id="bray" edgedefault="undirected">
    <node id="mairie"><data key="k0">Mairie de Songeons</data><data key="k1">commune</data>
      <data key="k2">60619</data><data key="k3">4</data><data key="k6">Songeons</data></node>
    <node id="jardins"><data key="k0">Les Jardins du Bray</data><data key="k1">association</data></node>
    <node id="bbe"><data key="k0">Bray Bois &amp; Énergie</data></node>
    <edge source="mairie" target="jardins"><data key="k4">coopération</data><data key="k5">2.5</data></edge>
    <edge source="bbe" target="mairie" directed="true"><data key="k4">financement</data></edge>
    <edge source="jardins" target="bbe"/>
  </graph>
</graphml>
"""

GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="{ns}" version="{version}" xmlns:viz="http://www.gexf.net/1.2draft/viz">
  <meta><creator>Gephi 0.10</creator></meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node">
      <attribute id="0" title="Catégorie" type="string"/>
      <attribute id="1" title="modularity_class" type="integer"/>
    </attributes>
    <attributes class="edge">
      <attribute id="0" title="commentaire" type="string"/>
    </attributes>
    <nodes>
      <node id="1" label="Mairie de Songeons">
        <attvalues><attvalue for="0" value="commune"/><attvalue for="1" value="0"/></attvalues>
        <viz:color r="12" g="34" b="56"/><viz:position x="1.0" y="2.0"/>
      </node>
      <node id="2" label="Les Jardins du Bray">
        <attvalues><attvalue for="0" value="association"/><attvalue for="1" value="1"/></attvalues>
      </node>
      <node id="3" label="Bray Bois Énergie"/>
    </nodes>
    <edges>
      <edge id="0" source="1" target="2" label="coopération" weight="2.0" type="undirected"/>
      <edge id="1" source="3" target="1" label="financement" weight="1.0">
        <attvalues><attvalue for="0" value="subvention 2024"/></attvalues>
      </edge>
      <edge id="2" source="2" target="3" weight="1.0" type="mutual"/>
    </edges>
  </graph>
</gexf>
"""
GEXF_12 = GEXF.format(ns="http://www.gexf.net/1.2draft", version="1.2")
GEXF_13 = GEXF.format(ns="http://gexf.net/1.3", version="1.3")


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def links(t: tg.Territory) -> list[tuple[str, str, str, bool, float]]:
    r = t.relations
    return [
        (s, d, ty, bool(o), float(w))
        for s, d, ty, o, w in zip(
            r["source"], r["target"], r["type"], r["directed"], r["weight"], strict=True
        )
    ]


def cells(column: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in column]


# -- GraphML ---------------------------------------------------------------------------------
def test_graphml_nodes_become_actors_with_their_attributes_matched_like_headers(tmp_path):
    t = tg.read(write(tmp_path, "bray.graphml", GRAPHML))
    assert list(t.actors.index) == ["mairie", "jardins", "bbe"]
    assert list(t.actors["name"]) == [
        "Mairie de Songeons",
        "Les Jardins du Bray",
        "Bray Bois & Énergie",
    ]
    # "kind" serves as the type when there is none; a node without one is "autre"
    assert list(t.actors["type"]) == ["commune", "association", "autre"]
    assert list(t.actors["influence"].fillna(-1)) == [4.0, -1, -1]
    assert cells(t.actors["code_insee"]) == ["60619", None, None]


def test_a_graphml_default_value_applies_to_nodes_without_the_attribute(tmp_path):
    t = tg.read(write(tmp_path, "bray.graphml", GRAPHML))
    assert list(t.actors["municipality"]) == ["Songeons", "Gournay-en-Bray", "Gournay-en-Bray"]


def test_graphml_edges_become_relations_directed_as_the_graph_or_the_edge_says(tmp_path):
    t = tg.read(write(tmp_path, "bray.graphml", GRAPHML))
    assert links(t) == [
        ("mairie", "jardins", "coopération", False, 2.5),
        ("bbe", "mairie", "financement", True, 1.0),  # directed="true" on the edge
        # no relation attribute: the generic tie, undirected like the graph
        ("jardins", "bbe", "interconnaissance", False, 1.0),
    ]


def test_a_graphml_node_without_name_is_named_by_its_id(tmp_path):
    content = GRAPHML.replace('<data key="k0">Les Jardins du Bray</data>', "")
    t = tg.read(write(tmp_path, "bray.graphml", content))
    assert t.actors.loc["jardins", "name"] == "jardins"


def test_graphml_columns_whose_values_do_not_fit_are_kept_aside_not_refused(tmp_path):
    # FORMAT.md section 1: another tool's column that collides with a workbook column
    # but whose values don't fit it is an extra column under its own name, with a warning.
    content = (
        GRAPHML.replace('<data key="k3">4</data>', "")
        .replace(
            '<data key="k1">association</data>',
            '<data key="k1">association</data><data key="k3">9</data>',
        )
        .replace('<data key="k5">2.5</data>', '<data key="k5">-1</data>')
    )
    t = tg.read(write(tmp_path, "bray.graphml", content))
    foreign = [(w.sheet, w.column) for w in t.warnings if w.code == "column_foreign"]
    assert foreign == [("nodes", "influence"), ("edges", "poids")]
    assert cells(t.actors["influence (2)"]) == [None, 9, None]
    assert t.actors["influence"].isna().all()
    assert cells(t.relations["poids"]) == [-1.0, None, None]
    assert list(t.relations["weight"]) == [1.0, 1.0, 1.0]


def test_graphml_warnings_name_the_element_and_its_line(tmp_path, located):
    content = GRAPHML.replace(
        '<data key="k1">association</data>', '<data key="k1">assocation</data>'
    )
    t = tg.read(write(tmp_path, "bray.graphml", content))
    # Another tool's type is matched only when certain: no "did you mean" guess.
    assert ("type_unknown", "nodes", 15) in located(t.warnings)  # <node id="jardins">: line 15
    assert t.actors.loc["jardins", "type"] == "assocation"
    [warning] = [w for w in t.warnings if w.code == "type_unknown"]
    assert warning.location() == "bray.graphml, élément <node>, ligne 15, attribut « type »"
    assert "feuille « nodes »" not in str(warning)


def test_json_warnings_name_the_item_and_its_line_in_english(tmp_path):
    path = write(
        tmp_path, "g.json", '{"nodes": [{"key": "a", "attributes": {"type": "x"}}], "edges": []}'
    )
    [warning] = [w for w in tg.read(path, lang="en").warnings if w.code == "type_unknown"]
    assert warning.location() == 'g.json, item nodes[0], line 1, attribute "type"'


# -- GEXF ------------------------------------------------------------------------------------
@pytest.mark.parametrize("content", [GEXF_12, GEXF_13], ids=["gexf-1.2", "gexf-1.3"])
def test_gexf_nodes_are_named_by_their_label_and_typed_by_their_category(tmp_path, content):
    t = tg.read(write(tmp_path, "bray.gexf", content))
    assert list(t.actors.index) == ["1", "2", "3"]
    assert list(t.actors["name"]) == [
        "Mairie de Songeons",
        "Les Jardins du Bray",
        "Bray Bois Énergie",
    ]
    assert list(t.actors["type"]) == ["commune", "association", "autre"]
    assert list(t.actors["modularity_class"].fillna(-1)) == [0, 1, -1]
    assert "viz" not in t.actors.columns


@pytest.mark.parametrize("content", [GEXF_12, GEXF_13], ids=["gexf-1.2", "gexf-1.3"])
def test_a_mixed_gexf_is_read_with_each_edge_direction_and_mutual_as_one_relation(
    tmp_path, content
):
    t = tg.read(write(tmp_path, "bray.gexf", content))
    assert links(t) == [
        ("1", "2", "coopération", False, 2.0),  # type="undirected" in a directed graph
        ("3", "1", "financement", True, 1.0),  # the graph's default
        ("2", "3", "interconnaissance", False, 1.0),  # mutual: one undirected relation
    ]
    assert cells(t.relations["comment"]) == [None, "subvention 2024", None]


def test_a_gexf_label_that_differs_from_the_name_attribute_is_kept_apart(tmp_path):
    content = GEXF_12.replace('title="Catégorie"', 'title="name"')
    t = tg.read(write(tmp_path, "bray.gexf", content))
    assert list(t.actors["name"])[:2] == ["commune", "association"]
    assert list(t.actors["label"])[:2] == ["Mairie de Songeons", "Les Jardins du Bray"]
    assert "column_foreign_repeat" in {w.code for w in t.warnings}


# -- broken files ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cut.graphml", GRAPHML[: len(GRAPHML) // 2]),
        ("cut.gexf", GEXF_12[: len(GEXF_12) // 3]),
        ("empty.graphml", ""),
        ("binary.gexf", "\x00\x01PK\x03\x04"),
    ],
)
def test_a_truncated_or_malformed_xml_file_is_a_clear_error(tmp_path, errors_of, name, content):
    problems = errors_of(write(tmp_path, name, content))
    assert [p.code for p in problems] == ["xml_invalid"]
    assert problems[0].file == name
    assert "ligne" in problems[0].message and "exportez-le de nouveau" in problems[0].hint


def test_the_xml_error_is_in_english_on_request(tmp_path):
    with pytest.raises(tg.InputError) as caught:
        tg.read(write(tmp_path, "cut.graphml", GRAPHML[:300]), lang="en")
    assert "is not valid XML, or it is truncated (line" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("wrong.graphml", GEXF_12, "xml_wrong_root"),
        (
            "nograph.gexf",
            '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"/>',
            "graph_missing",
        ),
    ],
)
def test_a_well_formed_file_that_is_not_a_readable_graph_is_a_clear_error(
    tmp_path, errors_of, name, content, code
):
    assert [p.code for p in errors_of(write(tmp_path, name, content))] == [code]


@pytest.mark.parametrize(
    ("name", "content", "code", "column"),
    [
        (
            "badkey.graphml",
            GRAPHML.replace(
                '<data key="k4">coopération</data>', '<data key="zz">coopération</data>'
            ),
            "graphml_key_undeclared",
            "zz",
        ),
        (
            "badvalue.graphml",
            GRAPHML.replace('<data key="k3">4</data>', '<data key="k3">quatre</data>'),
            "column_foreign",
            "influence",
        ),
        (
            "badclass.gexf",
            GEXF_12.replace(
                '<attribute id="1" title="modularity_class"',
                '<attribute id="9" title="modularity_class"',
            ),
            "gexf_attribute_undeclared",
            "1",
        ),
    ],
)
def test_what_a_strict_reader_refuses_is_read_with_a_warning(tmp_path, name, content, code, column):
    # igraph and Gephi read these files: an undeclared key or attribute, a value that
    # does not fit its declared type. The value is kept, and a warning says where.
    t = tg.read(write(tmp_path, name, content))
    found = [w for w in t.warnings if w.code == code]
    assert [w.column for w in found] == [column]
    assert len(t.actors) == 3


# -- node-link JSON --------------------------------------------------------------------------
def test_a_node_link_json_file_reads_as_a_territory(tmp_path):
    path = write(
        tmp_path,
        "bray.json",
        """{"directed": false, "multigraph": false,
        "graph": {}, "nodes": [{"id": 1, "label": "Mairie", "type": "commune"},
                               {"id": 2, "label": "Asso", "type": "association"}],
        "links": [{"source": 1, "target": 2, "type": "coopération", "weight": 3}]}""",
    )
    t = build_territory(read_json(path, display=path.name))
    assert list(t.actors["name"]) == ["Mairie", "Asso"]
    assert links(t) == [("1", "2", "coopération", False, 3.0)]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ('{"nodes": [{"id": 1}', "json_invalid"),
        ('{"elements": []}', "json_not_node_link"),
        ('{"nodes": [{"name": "x"}], "edges": []}', "json_not_node_link"),
        ('{"nodes": [{"id": 1}], "edges": [{"source": 1}]}', "json_not_node_link"),
    ],
)
def test_a_broken_or_foreign_json_file_is_a_clear_error(tmp_path, content, code):
    path = write(tmp_path, "bray.json", content)
    with pytest.raises(tg.InputError) as caught:
        read_json(path, display=path.name)
    assert [p.code for p in caught.value.problems] == [code]


def test_every_format_message_has_a_french_and_an_english_text():
    assert set(format_messages.FR) == set(format_messages.EN)
    codes = {k.split(".")[1] for k in format_messages.FR if k.startswith("problem.")}
    for code in codes:
        for lang in ("fr", "en"):
            assert f"problem.{code}.hint" in CATALOGUES[lang]


@pytest.mark.parametrize(
    "nodes",
    [
        '<node id="g" label="Réseau"><nodes><node id="a" label="A"/><node id="b" label="B"/>'
        "</nodes></node>",
        '<node id="g" label="Réseau"/><node id="a" label="A" pid="g"/><node id="b" label="B" pid="g"/>',
    ],
    ids=["nested", "pid"],
)
def test_a_gexf_hierarchy_is_flattened_with_a_warning_and_the_parent_kept(tmp_path, nodes):
    content = (
        '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph>'
        f'<nodes>{nodes}</nodes><edges><edge source="a" target="b"/></edges>'
        "</graph></gexf>"
    )
    t = tg.read(write(tmp_path, "h.gexf", content))
    assert list(t.actors.index) == ["g", "a", "b"]
    assert cells(t.actors["parent"]) == [None, "g", "g"]
    [warning] = [w for w in t.warnings if w.code == "gexf_hierarchy_flattened"]
    assert warning.message.startswith("2 nœuds sont imbriqués") and "a, b" in warning.message


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE graphml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE graphml [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_a_file_declaring_entities_is_refused_before_anything_is_expanded(
    tmp_path, errors_of, doctype
):
    content = GRAPHML.replace("<graphml xmlns", f"{doctype}\n<graphml xmlns", 1)
    content = content.replace("Mairie de Songeons", "&b;" if "ENTITY a" in doctype else "&x;")
    problems = errors_of(write(tmp_path, "bomb.graphml", content))
    assert [p.code for p in problems] == ["xml_entities"]
    assert "root:" not in str(problems[0])


def test_an_absurdly_nested_file_is_refused_not_a_crash(tmp_path, errors_of):
    content = '<gexf xmlns="http://gexf.net/1.3">' + "<a>" * 5000 + "</a>" * 5000 + "</gexf>"
    assert [p.code for p in errors_of(write(tmp_path, "deep.gexf", content))] == ["xml_too_deep"]
