"""Gephi's node and edge tables (a pair of CSV files) read as a territory."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.io.gephi import is_gephi_folder, read_gephi

NODES = [
    ["Id", "Label", "Catégorie", "Commune", "timeset"],
    ["n1", "Mairie de Songeons", "commune", "Songeons", ""],
    ["n2", "Les Jardins du Bray", "association", "Gournay-en-Bray", ""],
    ["n3", "Bray Bois Énergie", "", "Forges-les-Eaux", ""],
    ["n4", "", "entreprise", "", ""],
]
EDGES = [
    ["Source", "Target", "Type", "Id", "Label", "timeset", "Weight"],
    ["n1", "n2", "Undirected", "0", "coopération", "", "2.5"],
    ["n3", "n1", "Directed", "1", "financement", "", "1.0"],
    ["n2", "n4", "Directed", "2", "", "", "1"],
]


def write_csv(path: Path, rows: list[list[str]], *, separator: str, encoding: str) -> Path:
    path.write_bytes("\r\n".join(separator.join(r) for r in rows).encode(encoding) + b"\r\n")
    return path


@pytest.fixture(
    params=[(";", "cp1252"), (",", "utf-8-sig"), (",", "utf-8")],
    ids=["semicolon-windows-1252", "comma-utf8-bom", "comma-utf8"],
)
def gephi_pair(request, tmp_path):
    separator, encoding = request.param
    folder = tmp_path / "bray_2024"
    folder.mkdir()
    nodes = [
        [c.replace(".", ",") if separator == ";" and c[:1].isdigit() else c for c in r]
        for r in NODES
    ]
    edges = [
        [c.replace(".", ",") if separator == ";" and c[:1].isdigit() else c for c in r]
        for r in EDGES
    ]
    return (
        write_csv(folder / "nodes.csv", nodes, separator=separator, encoding=encoding),
        write_csv(folder / "edges.csv", edges, separator=separator, encoding=encoding),
    )


def relations(t: tg.Territory) -> list[tuple[str, str, str, bool, float]]:
    r = t.relations
    return [
        (s, d, ty, bool(o), float(w))
        for s, d, ty, o, w in zip(
            r["source"], r["target"], r["type"], r["directed"], r["weight"], strict=True
        )
    ]


def test_gephi_nodes_become_actors_named_by_label_typed_by_category(gephi_pair):
    t = read_gephi(*gephi_pair)
    assert list(t.actors.index) == ["n1", "n2", "n3", "n4"]
    # accents survive Windows-1252; a node without label is named by its id
    assert list(t.actors["name"]) == [
        "Mairie de Songeons",
        "Les Jardins du Bray",
        "Bray Bois Énergie",
        "n4",
    ]
    assert list(t.actors["type"]) == ["commune", "association", "autre", "entreprise"]
    assert list(t.actors["municipality"].fillna("")) == [
        "Songeons",
        "Gournay-en-Bray",
        "Forges-les-Eaux",
        "",
    ]


def test_the_gephi_edge_type_is_the_direction_and_the_label_the_relation_type(gephi_pair):
    t = read_gephi(*gephi_pair)
    assert relations(t) == [
        ("n1", "n2", "coopération", False, 2.5),
        ("n3", "n1", "financement", True, 1.0),
        ("n2", "n4", "interconnaissance", True, 1.0),
    ]


def test_gephi_edge_ids_are_not_kept_but_other_columns_are(gephi_pair):
    t = read_gephi(*gephi_pair)
    assert "Id" not in t.relations.columns
    assert "timeset" in t.relations.columns and "timeset" in t.actors.columns


def test_the_territory_is_named_and_dated_after_the_files(gephi_pair, tmp_path):
    t = read_gephi(*gephi_pair)
    assert (t.name, t.date) == ("bray", pd.Timestamp(2024, 1, 1))  # the year goes to the date
    renamed = gephi_pair[0].rename(gephi_pair[0].with_name("colombelles_2021_nodes.csv"))
    t = read_gephi(renamed, gephi_pair[1], date="2022")
    assert (t.name, t.date) == ("colombelles", pd.Timestamp(2022, 1, 1))


def test_a_gephi_folder_is_recognised_and_read_by_tg_read(gephi_pair):
    folder = gephi_pair[0].parent
    assert is_gephi_folder(folder)
    assert relations(tg.read(folder)) == relations(read_gephi(*gephi_pair))


def test_a_workbook_csv_folder_is_not_taken_for_gephi(tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    write_csv(
        folder / "acteurs.csv",
        [["id", "nom", "type"], ["a", "A", "commune"]],
        separator=";",
        encoding="utf-8",
    )
    write_csv(
        folder / "relations.csv",
        [["source", "cible", "type"], ["a", "a", "lien"]],
        separator=";",
        encoding="utf-8",
    )
    assert not is_gephi_folder(folder)


def test_a_gephi_like_pair_next_to_other_workbook_sheets_is_not_taken_for_gephi(gephi_pair):
    folder = gephi_pair[0].parent
    write_csv(
        folder / "collectifs.csv",
        [["nom", "type"], ["PTCE", "PTCE"]],
        separator=";",
        encoding="utf-8",
    )
    assert not is_gephi_folder(folder)


def test_a_relation_column_gives_the_type_and_the_label_is_kept(tmp_path):
    nodes = write_csv(
        tmp_path / "n.csv",
        [["Id", "Label"], ["a", "A"], ["b", "B"]],
        separator=",",
        encoding="utf-8",
    )
    edges = write_csv(
        tmp_path / "e.csv",
        [
            ["Source", "Target", "Type", "Label", "Relation"],
            ["a", "b", "Undirected", "projet X", "partenariat"],
            ["b", "a", "Directed", "aide", ""],
        ],
        separator=",",
        encoding="utf-8",
    )
    t = read_gephi(nodes, edges)
    assert list(t.relations["type"]) == ["partenariat", "aide"]
    assert list(t.relations["Label"]) == ["projet X", "aide"]


def test_a_type_column_holding_relation_types_is_read_as_the_relation_type(tmp_path):
    nodes = write_csv(
        tmp_path / "n.csv",
        [["Id", "Label"], ["a", "A"], ["b", "B"]],
        separator=",",
        encoding="utf-8",
    )
    edges = write_csv(
        tmp_path / "e.csv",
        [["Source", "Target", "Type"], ["a", "b", "financement"]],
        separator=",",
        encoding="utf-8",
    )
    assert relations(read_gephi(nodes, edges)) == [("a", "b", "financement", True, 1.0)]


def test_an_edge_to_an_unknown_node_adds_it_with_a_warning_naming_it(tmp_path):
    # FORMAT.md section 1: "an edge naming an undeclared node is a warning that lists
    # those nodes" (Gephi creates them too).
    nodes = write_csv(
        tmp_path / "nodes.csv",
        [["Id", "Label"], ["a", "A"], ["b", "B"]],
        separator=";",
        encoding="cp1252",
    )
    edges = write_csv(
        tmp_path / "edges.csv",
        [["Source", "Target", "Type"], ["a", "b", "Directed"], ["a", "zz", "Directed"]],
        separator=";",
        encoding="cp1252",
    )
    t = read_gephi(nodes, edges)
    [warning] = [w for w in t.warnings if w.code == "nodes_undeclared"]
    assert (warning.file, warning.sheet) == ("nodes.csv + edges.csv", "edges")
    assert "(zz)" in warning.message
    assert t.actors.loc["zz", "name"] == "zz"


def test_a_missing_gephi_file_is_a_clear_error(tmp_path):
    nodes = write_csv(
        tmp_path / "nodes.csv", [["Id", "Label"], ["a", "A"]], separator=",", encoding="utf-8"
    )
    with pytest.raises(tg.InputError) as caught:
        read_gephi(nodes, tmp_path / "edges.csv")
    assert [p.code for p in caught.value.problems] == ["file_not_found"]


def test_edges_naming_nodes_the_node_table_lacks_add_them_with_one_warning(tmp_path):
    # Gephi's spreadsheet import creates the missing nodes; so does the reader, and says so.
    (tmp_path / "nodes.csv").write_text("Id,Label\n1,A\n2,B\n", encoding="utf-8")
    (tmp_path / "edges.csv").write_text(
        "Source,Target,Type\n1,2,Directed\n2,3,Undirected\n3,9,Directed\n", encoding="utf-8"
    )
    t = tg.read(tmp_path)
    assert list(t.actors.index) == ["1", "2", "3", "9"]
    assert len(t.relations) == 3
    [warning] = [w for w in t.warnings if w.code == "nodes_undeclared"]
    assert "(3, 9)" in warning.message and warning.sheet == "edges"


def test_nodes_with_distinct_ids_and_one_label_are_told_apart_by_their_id(tmp_path):
    (tmp_path / "nodes.csv").write_text(
        "Id,Label\n1,Dupont\n2,Dupont\n3,Martin\n", encoding="utf-8"
    )
    (tmp_path / "edges.csv").write_text("Source,Target\n1,2\n2,3\n", encoding="utf-8")
    t = tg.read(tmp_path)
    assert list(t.actors["name"]) == ["Dupont (1)", "Dupont (2)", "Martin"]
    assert [(r.source, r.target) for r in t.relations.itertuples()] == [("1", "2"), ("2", "3")]
    assert "names_repeated" in {w.code for w in t.warnings}
