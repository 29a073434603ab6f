"""Real files written or shipped by other tools (Gephi, Kumu, Onodo, graphology, igraph, yEd).

Every file of ``tests/data/real_files`` (sources in its ``SOURCES.txt``: repository,
path and commit of each) is read, or refused with the right message when it is
really broken. Counts are checked against another reader of the same file:
networkx or igraph where they read it, else the file's own lists counted
directly (JSON items, XML elements, spreadsheet rows).
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import networkx as nx
import openpyxl
import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.io.xmltree import parse_bytes

ROOT = Path(__file__).resolve().parents[1] / "data" / "real_files"
SOURCES = [
    line.split("\t")[0]
    for line in (ROOT / "SOURCES.txt").read_text().splitlines()
    if line and not line.startswith("#")
]
PAIRS = sorted({str(Path(s).parent) for s in SOURCES if Path(s).parent.name.startswith("pair-")})
FILES = [s for s in SOURCES if not Path(s).parent.name.startswith("pair-")]
BROKEN = {
    "kumu/overview-of-the-euro-crisis.HEAD-corrupt.xlsx": "file_truncated",  # corrupt zip
    "gephi/import-gexf-meta.gexf": "graph_missing",  # a <meta> and no <graph>
}
READABLE = [f for f in FILES if f not in BROKEN] + PAIRS


def test_the_corpus_holds_every_file_its_sources_name():
    assert len(SOURCES) == 52  # the 45 of the shared corpus, karate.net, Cytoscape.js and sigma.js
    assert all((ROOT / s).is_file() for s in SOURCES)


# -- reference counts, by another route ---------------------------------------------------
def _xml_counts(path: Path, node: str, edge: str) -> tuple[int, int]:
    root = parse_bytes(path.read_bytes())
    return sum(1 for _ in root.iter(node)), sum(1 for _ in root.iter(edge))


def reference_counts(relative: str) -> tuple[int, int, str]:
    """(nodes, edges, which tool counted them) for a corpus file."""
    path = ROOT / relative
    suffix = path.suffix.lower()
    if path.is_dir():
        nodes_file, edges_file = sorted(
            path.iterdir(), key=lambda p: "edge" not in p.name and "multigraph" not in p.name
        )
        edges = pd.read_csv(
            nodes_file if "edge" in nodes_file.name or "multi" in nodes_file.name else edges_file,
            skip_blank_lines=True,
        )
        nodes = pd.read_csv(
            edges_file if "edge" in nodes_file.name or "multi" in nodes_file.name else nodes_file,
            skip_blank_lines=True,
        )
        return len(nodes.dropna(how="all")), len(edges.dropna(how="all")), "pandas"
    if suffix == ".graphml":
        igraph = pytest.importorskip("igraph")  # the reference; absent in the core CI job

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            g = igraph.Graph.Read_GraphML(str(path))
        return g.vcount(), g.ecount(), "igraph"
    if suffix == ".net":
        igraph = pytest.importorskip("igraph")

        g = igraph.Graph.Read_Pajek(str(path))  # networkx refuses "*vertices 34" alone
        return g.vcount(), g.ecount(), "igraph"
    if suffix == ".gml":
        g = nx.read_gml(path, label="id")
        return g.number_of_nodes(), g.number_of_edges(), "networkx"
    if suffix == ".gexf":
        try:
            g = nx.read_gexf(path)
        except Exception:  # networkx refuses GEXF 1.3 and 1.0 namespaces: count elements
            nodes, edges = _xml_counts(path, "node", "edge")
            return nodes, edges, "xml"
        return g.number_of_nodes(), g.number_of_edges(), "networkx"
    if suffix in (".json", ".cyjs"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "connections" in data:  # Kumu
            return len(data["elements"]), len(data["connections"]), "json"
        elements = data.get("elements", data) if isinstance(data, dict) else data
        if isinstance(elements, list):  # Cytoscape.js: one list, edges have a source
            edges = sum(1 for e in elements if "source" in e["data"])
            return len(elements) - edges, edges, "json"
        return len(elements["nodes"]), len(elements["edges"]), "json"
    if suffix == ".xlsx":
        counts = []
        with warnings.catch_warnings():  # openpyxl drops Kumu's extensions: not our concern here
            warnings.filterwarnings("ignore", "Unknown extension", UserWarning)
            book = openpyxl.load_workbook(path, read_only=True)
            for sheet in book.worksheets[:2]:  # Elements / Connections (Kumu), Nodes / Relations
                rows = [
                    r for r in sheet.iter_rows(values_only=True) if any(c is not None for c in r)
                ]
                counts.append(len(rows) - 1)
            book.close()
        return counts[0], counts[1], "openpyxl"
    raise AssertionError(relative)


# -- every file reads ----------------------------------------------------------------------
@pytest.mark.parametrize("relative", READABLE)
def test_every_well_formed_file_reads_with_the_counts_another_tool_finds(relative):
    t = tg.read(ROOT / relative)
    nodes, edges, tool = reference_counts(relative)
    found_nodes = len(t.actors) + len(t.collectives)
    found_edges = len(t.relations) + len(t.memberships)
    assert (found_nodes, found_edges) == (nodes, edges), tool


@pytest.mark.parametrize("relative", READABLE)
def test_no_warning_of_a_real_file_is_raw_library_text(relative):
    t = tg.read(ROOT / relative, lang="en")
    for warning in t.warnings:
        text = str(warning)
        assert "Traceback" not in text and "Error" not in text
        assert "«" not in text  # French quotes in English output: a text not translated


@pytest.mark.parametrize(("relative", "code"), sorted(BROKEN.items()))
def test_a_really_broken_file_is_refused_with_the_right_message(relative, code):
    with pytest.raises(tg.InputError) as caught:
        tg.read(ROOT / relative)
    assert [p.code for p in caught.value.problems] == [code]
    assert caught.value.problems[0].file == Path(relative).name


# -- what each kind of file keeps ----------------------------------------------------------
def test_gephi_welcome_sample_keeps_colours_sizes_and_positions():
    t = tg.read(ROOT / "gephi" / "Les Miserables.gexf")
    myriel = t.actors.loc["0"]
    # <viz:size value="28.685715"/> <viz:position x="-102.81979" y="-185.35468"/>
    # <viz:color r="91" g="91" b="245"/> in the file
    assert myriel["name"] == "Myriel"
    assert (myriel["size"], myriel["x"], myriel["y"]) == (28.685715, -102.81979, -185.35468)
    assert myriel["color"] == "#5b5bf5"
    assert myriel["Modularity Class"] == 0


def test_a_null_value_of_gephi_010_is_a_missing_value():
    t = tg.read(ROOT / "gephi" / "export-gexf-includenullattvalues.gexf")
    assert pd.isna(t.actors.loc["1", "value"]) and t.actors.loc["2", "value"] == 11.0


def test_dynamic_weights_are_kept_with_their_dates_never_collapsed():
    t = tg.read(ROOT / "gephi" / "import-gexf-dynamicedgeweight.gexf")
    assert t.relations["Weight"].tolist() == ["1.0 (2004); 2.0 (2005)"]
    assert "gexf_dynamic_kept" in {w.code for w in t.warnings}


def test_kumu_influence_high_is_kept_as_its_own_column_with_a_warning():
    t = tg.read(ROOT / "kumu" / "paypal-mafia.xlsx")
    assert "High" in set(t.actors["Influence"].dropna())
    assert t.actors["influence"].isna().all()
    assert [w.column for w in t.warnings if w.code == "column_foreign"] == ["Influence"]


def test_gephis_long_type_is_not_read_as_a_longitude():
    t = tg.read(ROOT / "gephi" / "pair-export-types")
    assert t.actors["longitude"].isna().all()
    assert "8889848888888888" in set(t.actors["long"].astype(str))


def test_a_us_state_in_kumu_is_not_the_french_state():
    for name in ("snap-to-tutorial-project.json", "snap-to-tutorial-data.xlsx"):
        t = tg.read(ROOT / "kumu" / name)
        assert set(t.actors["type"]) == {"State"}
        assert not [w for w in t.warnings if w.code == "type_probable_typo"]


def test_kumu_project_json_keeps_labels_types_and_map_positions():
    t = tg.read(ROOT / "kumu" / "kumu-changelabs-template.json")
    data = json.loads((ROOT / "kumu" / "kumu-changelabs-template.json").read_text())
    first = data["maps"][0]["elements"][0]
    actor = t.actors.loc[first["element"]]
    # Kumu's y points down; positions are kept y up (io/positions.py)
    assert (actor["x"], actor["y"]) == (first["position"]["x"], -first["position"]["y"])
    assert actor["name"] == "Outcome A" and actor["type"] == "Desired Outcome"


def test_yfiles_for_html_labels_are_the_names():
    t = tg.read(ROOT / "igraph" / "yfiles.graphml")
    assert list(t.actors["name"]) == [
        "Top left rounded rectangle",
        "Star",
        "őð中",
        "regular bold italic newline",
    ]


def test_igraph_lenient_booleans_and_undeclared_keys():
    t = tg.read(ROOT / "igraph" / "test.graphml")
    # gender: default 1; "  true   ", "0", "false", "fAlSe" in the file
    assert t.actors["gender"].tolist() == [True, True, False, True, False, False]
    assert t.actors.loc["n0", "d3"] == "incorrect"
    assert "graphml_key_undeclared" in {w.code for w in t.warnings}


def test_one_key_id_for_nodes_and_edges():
    t = tg.read(ROOT / "gephi" / "import-cdata.graphml")
    assert list(t.actors["name"]) == ["foo", "bar"]
    assert list(t.relations["type"]) == ["foobar"]


def test_graphology_json_keeps_positions_and_colours_and_mixed_directions():
    t = tg.read(ROOT / "gephi" / "export-json-mixed.json")
    assert list(t.relations["directed"]) == [False, True]  # "undirected": true on the first
    t = tg.read(ROOT / "graphology" / "celegans.json")
    assert t.actors.loc["0", "color"] == "rgb(153,153,153)"
    assert t.actors.loc["0", "x"] == pytest.approx(-247.53701782226562)


def test_a_pajek_file_declaring_its_vertices_by_count_alone():
    t = tg.read(ROOT / "pajek" / "karate.net")  # "*vertices 34" and no vertex line
    assert list(t.actors.index) == [str(i) for i in range(1, 35)]
    assert "nodes_undeclared" not in {w.code for w in t.warnings}


def test_a_gephi_pair_whose_file_starts_with_an_empty_line_reads():
    t = tg.read(ROOT / "gephi" / "pair-import-types")
    assert list(t.actors.index) == ["1", "2", "3", "4", "5"]


# -- Cytoscape.js and sigma.js files (added with their sources) ---------------------------
def test_cytoscape_compound_nodes_are_flattened_with_a_warning_and_their_parent_kept():
    t = tg.read(ROOT / "cytoscape" / "cola-compound.json", lang="en")
    [warning] = [w for w in t.warnings if w.code == "cytoscape_compound_flattened"]
    assert "5 nodes" in warning.message and "(b, c, a, d, e)" in warning.message
    assert (
        t.actors.loc["b", "parent"] == "compound-1" and t.actors.loc["d", "parent"] == "compound-3"
    )


def test_a_cytoscape_list_of_elements_reads_nodes_and_edges_apart():
    t = tg.read(ROOT / "cytoscape" / "edge-arrows.json")
    assert (len(t.actors), len(t.relations)) == (24, 12)  # n0...n23 and e0...e11 in the file
    assert ("n0", "n1") in set(zip(t.relations["source"], t.relations["target"], strict=True))


def test_positions_of_cytoscape_are_turned_over_and_those_of_sigma_kept():
    cyjs = tg.read(ROOT / "cytoscape" / "genemania-export.cyjs")
    # the file's first node: "position": {"x": 147.454345703125, "y": -30.69869613647461}, y down
    assert (cyjs.actors.loc["296", "x"], cyjs.actors.loc["296", "y"]) == (
        147.454345703125,
        30.69869613647461,
    )
    sigma = tg.read(ROOT / "sigma" / "les-miserables.json")
    # Myriel: "x": 268.72385, "y": 91.18155 in the file, sigma.js's y up: kept as written
    assert (sigma.actors.loc["0.0", "name"], sigma.actors.loc["0.0", "y"]) == ("Myriel", 91.18155)
