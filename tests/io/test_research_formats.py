"""Researchers' formats: Pajek ``.net`` and UCINET ``.dl``, checked against networkx and igraph."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import territoire_graphe as tg

igraph = pytest.importorskip("igraph")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pajek_file_written_by_networkx_reads_with_its_counts(tmp_path):
    g = nx.karate_club_graph()
    path = tmp_path / "karate.net"
    nx.write_pajek(g, path)
    t = tg.read(path)
    back = nx.read_pajek(path)
    assert len(t.actors) == back.number_of_nodes() == 34
    assert len(t.relations) == back.number_of_edges() == 78


def test_a_pajek_file_written_by_igraph_keeps_labels_and_directions(tmp_path):
    g = igraph.Graph(directed=True, edges=[(0, 1), (1, 2), (2, 0)])
    g.vs["name"] = ["Mairie", "CAF de l'Oise", "Asso"]
    path = tmp_path / "t.net"
    g.write_pajek(str(path))
    t = tg.read(path)
    assert sorted(t.actors["name"]) == ["Asso", "CAF de l'Oise", "Mairie"]
    assert len(t.relations) == 3 and t.relations["directed"].all()


def test_pajek_arcs_edges_coordinates_and_comments(tmp_path):
    path = write(
        tmp_path,
        "t.net",
        "% a comment\n*Network bray\n*Vertices 3\n"
        '1 "Mairie de Songeons" 0.25 0.75 0.5 ic Red\n2 "Asso"\n3 "CAF"\n'
        "*Arcs\n1 2 3\n*Edges\n2 3\n*Edgeslist\n1 3\n",
    )
    t = tg.read(path)
    assert t.actors.loc["1", "name"] == "Mairie de Songeons"
    assert (t.actors.loc["1", "x"], t.actors.loc["1", "y"], t.actors.loc["1", "color"]) == (
        0.25,
        0.75,
        "Red",
    )
    assert [(r.source, r.target, r.weight, r.directed) for r in t.relations.itertuples()] == [
        ("1", "2", 3.0, True),
        ("2", "3", 1.0, False),
        ("1", "3", 1.0, False),
    ]


def test_a_broken_pajek_line_is_refused_with_its_line_number(tmp_path):
    path = write(tmp_path, "t.net", '*Vertices 2\n1 "A\n2 "B"\n')
    with pytest.raises(tg.InputError) as caught:
        tg.read(path)
    assert caught.value.problems[0].code == "pajek_line"
    assert "ligne 2" in caught.value.problems[0].message


FULLMATRIX = (
    "dl n=4\nformat = fullmatrix\nlabels:\nMairie,CAF de l'Oise,Asso,Ferme\ndata:\n"
    "0 1 0 0\n1 0 1 0\n0 1 0 0\n0 0 0 0\n"
)


def test_a_ucinet_full_matrix_reads_as_igraph_reads_it(tmp_path):
    path = write(tmp_path, "t.dl", FULLMATRIX)
    reference = igraph.Graph.Read_DL(str(path), directed=False)
    t = tg.read(path)
    assert len(t.actors) == reference.vcount() == 4
    # igraph reads each filled cell as an edge; a symmetric matrix is one tie per pair
    assert len(t.relations) == reference.simplify().ecount() == 2
    assert list(t.actors["name"]) == ["Mairie", "CAF de l'Oise", "Asso", "Ferme"]
    assert not t.relations["directed"].any()


def test_a_ucinet_edge_list_reads_as_igraph_reads_it(tmp_path):
    path = write(
        tmp_path,
        "t.dl",
        "DL n=3\nformat = edgelist1\nlabels embedded\ndata:\n"
        "Mairie Asso 2\nAsso CAF 1\nCAF Mairie 1\n",
    )
    reference = igraph.Graph.Read_DL(str(path), directed=True)
    t = tg.read(path)
    assert (len(t.actors), len(t.relations)) == (reference.vcount(), reference.ecount())
    assert t.relations["directed"].all()


def test_a_file_that_is_not_ucinet_is_a_clear_error(tmp_path):
    with pytest.raises(tg.InputError) as caught:
        tg.read(write(tmp_path, "t.dl", "hello\n1 2\n"), lang="en")
    assert caught.value.problems[0].code == "ucinet_header"


def test_a_ucinet_matrix_with_intensities_keeps_them(tmp_path):
    path = write(tmp_path, "t.dl", FULLMATRIX.replace("1 0 1 0\n0 1 0 0", "1 0 2.5 0\n0 2.5 0 0"))
    t = tg.read(path)
    assert t.relations["weight"].tolist() == [1.0, 2.5]


def test_the_dl_file_ucinet_6_writes_row_and_column_labels_and_several_matrices(tmp_path):
    # UCINET 6 exports: "N=" on its own line, "FORMAT = FULLMATRIX DIAGONAL PRESENT",
    # quoted labels one per line under ROW LABELS: and COLUMN LABELS:, then DATA:.
    path = write(
        tmp_path,
        "t.dl",
        "DL\nN=3 NM=2\nFORMAT = FULLMATRIX DIAGONAL PRESENT\n"
        'ROW LABELS:\n"Ville de Creil"\n"CAF"\n"Asso"\nCOLUMN LABELS:\n'
        '"Ville de Creil"\n"CAF"\n"Asso"\nDATA:\n0 1 0\n0 0 1\n0 0 0\n'
        "0 0 0\n0 0 0\n0 0 0\n",
    )
    t = tg.read(path)
    assert list(t.actors["name"]) == ["Ville de Creil", "CAF", "Asso"]
    assert [(r.source, r.target, r.directed) for r in t.relations.itertuples()] == [
        ("Ville de Creil", "CAF", True),
        ("CAF", "Asso", True),
    ]
    assert "ucinet_matrices" in {w.code for w in t.warnings}
