"""JSON graphs of other tools: Cytoscape.js / .cyjs (as networkx and Cytoscape write them)."""

from __future__ import annotations

import json

import networkx as nx
import pytest

import territoire_graphe as tg

CYJS = {  # the shape of a Cytoscape 3.x "Export network to JSON" (.cyjs)
    "format_version": "1.0",
    "generated_by": "cytoscape-3.10.1",
    "target_cytoscapejs_version": "~2.1",
    "data": {"shared_name": "bray", "name": "bray", "SUID": 52, "selected": True},
    "elements": {
        "nodes": [
            {
                "data": {
                    "id": "102",
                    "shared_name": "Mairie",
                    "name": "Mairie",
                    "nature": "commune",
                    "SUID": 102,
                    "selected": False,
                },
                "position": {"x": -12.5, "y": 40.0},
                "selected": False,
            },
            {
                "data": {"id": "104", "shared_name": "CAF", "name": "CAF", "SUID": 104},
                "position": {"x": 80.0, "y": -3.0},
            },
        ],
        "edges": [
            {
                "data": {
                    "id": "106",
                    "source": "102",
                    "target": "104",
                    "shared_interaction": "financement",
                    "interaction": "financement",
                    "SUID": 106,
                }
            }
        ],
    },
}


def test_a_cytoscape_desktop_cyjs_reads_with_names_positions_and_edges(tmp_path):
    path = tmp_path / "bray.cyjs"
    path.write_text(json.dumps(CYJS), encoding="utf-8")
    t = tg.read(path)
    assert list(t.actors["name"]) == ["Mairie", "CAF"]
    # Cytoscape's y points down; positions are kept y up (io/positions.py)
    assert (t.actors.loc["102", "x"], t.actors.loc["102", "y"]) == (-12.5, -40.0)
    assert [(r.source, r.target) for r in t.relations.itertuples()] == [("102", "104")]
    assert "SUID" not in t.actors.columns  # Cytoscape's internal number


@pytest.mark.parametrize("graph", [nx.karate_club_graph(), nx.les_miserables_graph()])
def test_cytoscape_json_written_by_networkx_reads_with_its_counts(tmp_path, graph):
    path = tmp_path / "g.json"
    path.write_text(json.dumps(nx.cytoscape_data(graph)), encoding="utf-8")
    t = tg.read(path)
    assert (len(t.actors), len(t.relations)) == (graph.number_of_nodes(), graph.number_of_edges())


def test_a_flat_list_of_cytoscape_elements_reads(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(
        json.dumps(
            {
                "elements": [
                    {"data": {"id": "a", "label": "A"}},
                    {"data": {"id": "b"}},
                    {"group": "edges", "data": {"id": "ab", "source": "a", "target": "b"}},
                ]
            }
        ),
        encoding="utf-8",
    )
    t = tg.read(path)
    assert list(t.actors["name"]) == ["A", "b"] and len(t.relations) == 1


@pytest.mark.parametrize(
    ("text", "code", "where"),
    [
        ('{"nodes": [{"key": "a"}', "json_truncated", "ligne 1"),
        ('{"nodes": [\n{"key": "a"},,\n]}', "json_syntax", "ligne 2"),
    ],
)
def test_a_broken_json_file_names_its_line(tmp_path, text, code, where):
    path = tmp_path / "g.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(tg.InputError) as caught:
        tg.read(path)
    [problem] = caught.value.problems
    assert problem.code == code and where in problem.message
    assert "Expecting" not in str(caught.value)  # never the json module's English


def test_an_elements_list_without_ids_is_refused_clearly(tmp_path):
    path = tmp_path / "g.json"
    path.write_text('{"elements": {"nodes": [{"data": {"name": "x"}}]}}', encoding="utf-8")
    with pytest.raises(tg.InputError) as caught:
        tg.read(path, lang="en")
    assert caught.value.problems[0].code == "json_graph_item"
    assert 'no "data.id"' in caught.value.problems[0].message
