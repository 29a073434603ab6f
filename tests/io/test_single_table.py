"""A single plain table: an actor list, an edge list or a matrix, with the headers people write."""

from __future__ import annotations

from pathlib import Path

import pytest

import territoire_graphe as tg


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_a_list_of_places_with_their_own_headers_is_an_actor_list(tmp_path):
    # A French tiers-lieux list: « NOM DU LIEU », « TYPOLOGIE », in Windows-1252 with ";".
    path = write(
        tmp_path,
        "tiers_lieux.csv",
        "NOM DU LIEU;TYPOLOGIE;COMMUNE;Surface\n"
        "La Base;association;Lille;120\nLe Garage;;Roubaix;80\n",
        "cp1252",
    )
    t = tg.read(path)
    assert list(t.actors["name"]) == ["La Base", "Le Garage"]
    assert list(t.actors["type"]) == ["association", "autre"]
    assert list(t.actors["municipality"]) == ["Lille", "Roubaix"]
    assert list(t.actors["Surface"]) == ["120", "80"]  # an extra column, kept
    assert "type_supplied" in {w.code for w in t.warnings}


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        ("from,to,weight", "A,B,2\nB,C,1"),
        ("de;vers;poids", "A;B;2\nB;C;1"),
        ("in;out;link", "A;B;coopération\nB;C;coopération"),
        ("Source node,Target node", "A,B\nB,C"),
    ],
)
def test_an_edge_list_alone_gives_its_relations_and_the_actors_it_cites(tmp_path, header, rows):
    t = tg.read(write(tmp_path, "liens.csv", f"{header}\n{rows}\n"))
    assert list(t.actors["name"]) == ["A", "B", "C"]
    assert [(r.source, r.target) for r in t.relations.itertuples()] == [("A", "B"), ("B", "C")]


def test_a_french_actor_map_with_node_and_nature_headers(tmp_path):
    t = tg.read(write(tmp_path, "nodes.csv", "node;nature\nMairie;commune\nCAF;association\n"))
    assert list(t.actors["type"]) == ["commune", "association"]


def test_a_symmetric_matrix_gives_undirected_ties_with_their_intensity(tmp_path):
    path = write(tmp_path, "matrice.csv", ";A;B;C\nA;;2;\nB;2;;x\nC;;x;\n")
    t = tg.read(path)
    assert [(r.source, r.target, r.weight, r.directed) for r in t.relations.itertuples()] == [
        ("A", "B", 2.0, False),
        ("B", "C", 1.0, False),
    ]
    assert "matrix_read" in {w.code for w in t.warnings}


def test_an_asymmetric_matrix_gives_directed_relations_row_to_column(tmp_path):
    t = tg.read(write(tmp_path, "matrice.csv", ",A,B\nA,0,1\nB,0,0\n"))
    assert [(r.source, r.target, r.directed) for r in t.relations.itertuples()] == [
        ("A", "B", True)
    ]


def test_a_table_that_is_none_of_these_names_what_is_needed_and_the_headers_found(tmp_path):
    with pytest.raises(tg.InputError) as caught:
        tg.read(write(tmp_path, "x.csv", "Intitulé;Montant\nProjet;12\n"))
    [problem] = caught.value.problems
    assert problem.code == "table_not_understood"
    assert "Colonnes trouvées : Intitulé, Montant" in problem.message
    assert 'columns={"name": "Intitulé"}' in problem.hint


def test_columns_lets_the_user_name_the_column_of_names(tmp_path):
    path = write(tmp_path, "x.csv", "Intitulé;Montant\nProjet;12\n")
    t = tg.read(path, columns={"name": "Intitulé"})
    assert list(t.actors["name"]) == ["Projet"]


def test_columns_with_an_unknown_field_is_a_clear_error(tmp_path):
    path = write(tmp_path, "x.csv", "Intitulé;Montant\nProjet;12\n")
    with pytest.raises(tg.InputError) as caught:
        tg.read(path, columns={"nom_du_lieu": "Intitulé"}, lang="en")
    assert caught.value.problems[0].code == "columns_argument_unknown"
    assert "unknown field (nom_du_lieu)" in str(caught.value)


def test_a_lone_sheet_of_a_workbook_is_a_plain_table_too(make_workbook):
    path = make_workbook({"Feuil1": [["Structure", "Typologie"], ["Mairie", "commune"]]})
    t = tg.read(path)
    assert list(t.actors["name"]) == ["Mairie"] and list(t.actors["type"]) == ["commune"]


def test_problems_of_a_csv_name_its_lines_and_its_own_headers(tmp_path):
    path = write(
        tmp_path, "tiers_lieux.csv", "NOM DU LIEU;TYPOLOGIE;influence\nLa Base;association;9\n"
    )
    with pytest.raises(tg.InputError) as caught:
        tg.read(path)
    [problem] = caught.value.problems
    assert problem.location() == "tiers_lieux.csv, ligne 2, colonne « influence »"


def test_a_plain_tables_warnings_name_its_own_column(tmp_path):
    t = tg.read(write(tmp_path, "lieux.csv", "NOM DU LIEU;TYPOLOGIE\nLa Base;xylophone\n"))
    [warning] = [w for w in t.warnings if w.code == "type_unknown"]
    assert warning.location() == "lieux.csv, ligne 2, colonne « TYPOLOGIE »"


def test_a_french_actor_map_with_node_nature_and_in_out_link_headers(tmp_path):
    # A folder of two CSV files named like sheets, headed in the words of the tool that
    # exported them: the required columns are found by their synonyms.
    write(
        tmp_path,
        "noeuds.csv",
        "node;nature;commune\nMairie de Creil;commune;Creil\nCAF;association;Creil\n",
    )
    write(tmp_path, "liens.csv", "in;out;link\nMairie de Creil;CAF;coopération\n")
    t = tg.read(tmp_path)
    assert list(t.actors["type"]) == ["commune", "association"]
    assert [(r.source, r.target, r.type) for r in t.relations.itertuples()] == [
        ("Mairie de Creil", "CAF", "coopération")
    ]


def test_a_workbook_with_its_own_headers_is_not_touched_by_synonyms(make_workbook):
    # "nature" is not read as the type when the sheet already has one: it stays an extra.
    path = make_workbook({"acteurs": [["nom", "type", "nature"], ["Mairie", "commune", "x"]]})
    assert list(tg.read(path).actors["nature"]) == ["x"]
