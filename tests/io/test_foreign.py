"""Other tools' files are not workbooks typed by hand (FORMAT.md section 1).

Their columns that only look like workbook columns, their repeated labels, their
edges to undeclared nodes and their own types never block the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import territoire_graphe as tg

TRADE_GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed">
    <attributes class="edge">
      <attribute id="d" title="direction" type="string"/>
    </attributes>
    <nodes><node id="FR" label="France"/><node id="DE" label="Germany"/>
           <node id="IT" label="Italy"/></nodes>
    <edges>
      <edge source="FR" target="DE" weight="3"><attvalues><attvalue for="d" value="Exp"/>
      </attvalues></edge>
      <edge source="DE" target="IT"><attvalues><attvalue for="d" value="Imp"/>
      </attvalues></edge>
      <edge source="IT" target="ES"/>
      <edge source="ES" target="PT"/>
    </edges>
  </graph>
</gexf>
"""


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def codes(t: tg.Territory) -> list[str]:
    return [w.code for w in t.warnings]


def test_a_direction_of_exp_is_an_extra_column_and_each_edge_keeps_its_own(tmp_path):
    t = tg.read(write(tmp_path, "trade.gexf", TRADE_GEXF))
    assert t.relations["direction"].tolist()[:2] == ["Exp", "Imp"]
    assert t.relations["directed"].tolist() == [True, True, True, True]
    assert "column_foreign_repeat" in codes(t)


def test_edges_naming_undeclared_nodes_add_them_with_one_warning_listing_them(tmp_path):
    t = tg.read(write(tmp_path, "trade.gexf", TRADE_GEXF))
    assert list(t.actors.index) == ["FR", "DE", "IT", "ES", "PT"]
    [warning] = [w for w in t.warnings if w.code == "nodes_undeclared"]
    assert "ES, PT" in warning.message and warning.message.startswith("2 nœuds")


def test_repeated_labels_with_distinct_ids_are_told_apart_by_their_id(tmp_path):
    content = TRADE_GEXF.replace('label="Italy"', 'label="France"')
    t = tg.read(write(tmp_path, "trade.gexf", content))
    assert t.actors.loc["FR", "name"] == "France (FR)"
    assert t.actors.loc["IT", "name"] == "France (IT)"
    [warning] = [w for w in t.warnings if w.code == "names_repeated"]
    assert warning.message.startswith("1 nom est porté")


def test_the_warning_about_repeated_labels_is_in_english_on_request(tmp_path):
    content = TRADE_GEXF.replace('label="Italy"', 'label="France"')
    t = tg.read(write(tmp_path, "trade.gexf", content), lang="en")
    [warning] = [w for w in t.warnings if w.code == "names_repeated"]
    assert warning.message.startswith("1 name is borne by several nodes")


def test_onodo_actor_column_is_not_a_second_name(make_workbook):
    # Onodo's Game of Thrones: "Actor" is who plays the character, not its name.
    path = make_workbook(
        {
            "Nodes": [
                ["Name", "Type", "Actor"],
                ["Jon Snow", "Stark", "Kit"],
                ["Arya Stark", "Stark", "Maisie"],
            ],
            "Relations": [["Source", "Type", "Target"], ["Jon Snow", "sibling", "Arya Stark"]],
        }
    )
    t = tg.read(path)
    assert list(t.actors["name"]) == ["Jon Snow", "Arya Stark"]
    assert list(t.actors["Actor"]) == ["Kit", "Maisie"]
    assert "column_foreign_repeat" in codes(t)


def test_a_hand_typed_workbook_with_a_bad_influence_is_still_an_error(make_workbook, errors_of):
    path = make_workbook({"acteurs": [["nom", "type", "influence"], ["A", "commune", "haute"]]})
    assert [p.code for p in errors_of(path)] == ["number_invalid"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Country", "Country"),  # no "did you mean département?"
        ("State", "State"),  # not « État / service déconcentré »
        ("association", "association"),
        ("Commune", "commune"),
    ],
)
def test_another_tools_type_maps_to_the_vocabulary_only_when_certain(
    make_workbook, written, expected
):
    path = make_workbook(
        {
            "Elements": [["Label", "Type"], ["A", written]],
            "Connections": [["From", "To"], ["A", "A"]],
        }
    )
    t = tg.read(path)
    assert t.actors.loc["A", "type"] == expected
    assert "type_probable_typo" not in codes(t)
