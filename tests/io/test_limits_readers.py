"""``read(..., limits=)`` reaches every reader: each file below reads with its limit raised
and is refused, with the right code and a hint naming the limit, with it lowered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import territoire_graphe as tg

GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k0" for="node" attr.name="nom" attr.type="string"/>
  <graph id="g" edgedefault="undirected">
    <node id="a"><data key="k0">Mairie</data></node>
    <node id="b"><data key="k0">Asso</data></node>
    <edge source="a" target="b"/>
  </graph>
</graphml>
"""  # graphml > graph > node > data: 4 levels; its longest tag is the <key> (69 characters)

GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="0" title="type" type="string"/></attributes>
    <nodes>
      <node id="1" label="Mairie"><attvalues><attvalue for="0" value="commune"/></attvalues></node>
      <node id="2" label="Asso"/>
    </nodes>
    <edges><edge id="0" source="1" target="2"/></edges>
  </graph>
</gexf>
"""  # gexf > graph > nodes > node > attvalues > attvalue: 6 levels

NODE_LINK = (
    '{"directed": false, "nodes": [{"id": "a", "name": "Mairie", "budget": 12345},'
    ' {"id": "b", "name": "Asso"}], "links": [{"source": "a", "target": "b"}]}'
)  # { [ { : 3 levels; 5 digits

GRAPHOLOGY = (
    '{"nodes": [{"key": "a", "attributes": {"label": "Mairie"}}, {"key": "b"}],'
    ' "edges": [{"source": "a", "target": "b"}]}'
)  # { [ { { : 4 levels

GML = 'graph [\n node [ id 1 label "Mairie" ]\n node [ id 2 label "Asso" ]\n edge [ source 1 target 2 ]\n]\n'
PAJEK = '*Vertices 2\n1 "Mairie"\n2 "Asso"\n*Edges\n1 2\n'
UCINET = "dl n=2\nformat = fullmatrix\nlabels:\nMairie,Asso\ndata:\n0 1\n1 0\n"
ACTORS_CSV = "nom;type\nMairie;commune\nAsso;association\n"  # longest cell: 11 characters
EDGE_LIST_CSV = "source;cible\nMairie;Association\n"  # a single table of relations


def _file(name: str, content: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(content, encoding="utf-8")
        return path

    return make


def _folder(files: dict[str, str]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        target = folder / "territoire"
        target.mkdir()
        for name, content in files.items():
            (target / name).write_text(content, encoding="utf-8")
        return target

    return make


def _workbook(folder: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "acteurs"
    for row in (["nom", "type"], ["Mairie", "commune"], ["Asso", "association"]):
        sheet.append(row)
    path = folder / "t.xlsx"
    book.save(path)
    return path


def _largest(path: Path) -> int:
    """The size of the file, or of the largest file of a folder."""
    if path.is_dir():
        return max(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size


CSV_FOLDER = {"acteurs.csv": ACTORS_CSV, "relations.csv": "source;cible;type\nMairie;Asso;lien\n"}
GEPHI = {"nodes.csv": "Id,Label\n1,Mairie\n2,Asso\n", "edges.csv": "Source,Target\n1,2\n"}

# (reader, file maker, limit, value that lets the file through, value that refuses it, code)
CASES = [
    ("graphml", _file("t.graphml", GRAPHML), "depth", 4, 3, "xml_too_deep"),
    ("graphml", _file("t.graphml", GRAPHML), "cell_bytes", 100, 40, "cell_too_large"),
    ("gexf", _file("t.gexf", GEXF), "depth", 6, 5, "xml_too_deep"),
    ("gexf", _file("t.gexf", GEXF), "cell_bytes", 200, 40, "cell_too_large"),
    ("node-link json", _file("t.json", NODE_LINK), "depth", 3, 2, "json_too_deep"),
    ("node-link json", _file("t.json", NODE_LINK), "number_digits", 5, 4, "json_number_too_long"),
    ("graphology json", _file("t.json", GRAPHOLOGY), "depth", 4, 3, "json_too_deep"),
    ("gml", _file("t.gml", GML), "depth", 2, 1, "gml_too_deep"),
    ("csv", _file("acteurs.csv", ACTORS_CSV), "cell_bytes", 11, 10, "cell_too_large"),
    ("single table", _file("liens.csv", EDGE_LIST_CSV), "cell_bytes", 11, 10, "cell_too_large"),
    ("csv folder", _folder(CSV_FOLDER), "cell_bytes", 11, 10, "cell_too_large"),
    ("gephi folder", _folder(GEPHI), "cell_bytes", 6, 5, "cell_too_large"),
]
SIZED = [
    ("graphml", _file("t.graphml", GRAPHML)),
    ("gexf", _file("t.gexf", GEXF)),
    ("node-link json", _file("t.json", NODE_LINK)),
    ("graphology json", _file("t.json", GRAPHOLOGY)),
    ("gml", _file("t.gml", GML)),
    ("pajek", _file("t.net", PAJEK)),
    ("ucinet", _file("t.dl", UCINET)),
    ("csv", _file("acteurs.csv", ACTORS_CSV)),
    ("single table", _file("liens.csv", EDGE_LIST_CSV)),
    ("csv folder", _folder(CSV_FOLDER)),
    ("gephi folder", _folder(GEPHI)),
    ("xlsx", _workbook),
]


def _refusal(path: Path, limits: tg.Limits) -> tg.Problem:
    with pytest.raises(tg.InputError) as caught:
        tg.read(path, limits=limits, lang="en")
    problems = caught.value.problems
    assert len(problems) == 1, [p.code for p in problems]
    return problems[0]


@pytest.mark.parametrize(
    ("reader", "make", "limit", "passes", "refused", "code"),
    CASES,
    ids=[f"{c[0]}-{c[2]}" for c in CASES],
)
def test_each_limit_reaches_the_reader(
    tmp_path: Path,
    reader: str,
    make: Callable[[Path], Path],
    limit: str,
    passes: int,
    refused: int,
    code: str,
) -> None:
    path = make(tmp_path)
    territory = tg.read(path, limits=tg.Limits(**{limit: passes}))
    assert len(territory.actors) == 2, reader
    problem = _refusal(path, tg.Limits(**{limit: refused}))
    assert problem.code == code
    assert f"Limits({limit}=" in problem.hint
    assert str(refused) in problem.message


@pytest.mark.parametrize(("reader", "make"), SIZED, ids=[c[0] for c in SIZED])
def test_the_file_size_limit_reaches_the_reader(
    tmp_path: Path, reader: str, make: Callable[[Path], Path]
) -> None:
    path = make(tmp_path)
    size = _largest(path)
    assert len(tg.read(path, limits=tg.Limits(file_bytes=size)).actors) == 2, reader
    problem = _refusal(path, tg.Limits(file_bytes=size - 1))
    assert problem.code == "file_too_large"
    assert "Limits(file_bytes=" in problem.hint
    assert f"({size - 1:,} bytes)" in problem.message


def test_read_gephi_takes_the_limits_too(tmp_path: Path) -> None:
    folder = _folder(GEPHI)(tmp_path)
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    assert len(tg.read_gephi(nodes, edges, limits=tg.Limits(cell_bytes=6)).actors) == 2
    with pytest.raises(tg.InputError) as caught:
        tg.read_gephi(nodes, edges, limits=tg.Limits(cell_bytes=5), lang="en")
    assert [p.code for p in caught.value.problems] == ["cell_too_large"]
