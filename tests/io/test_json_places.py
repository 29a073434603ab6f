"""Problems in JSON graph files name the item (``nodes[2]``) and the line it starts on."""

import json
import random

import pytest

import territoire_graphe as tg
from territoire_graphe.io.jsonplaces import JsonPlaces, item_starts
from territoire_graphe.io.problems import InputError


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# A graphology file written by hand, one line per item: the third node (nodes[2]) on line 5.
GRAPHOLOGY = """{"options": {"type": "undirected"},
 "nodes": [
  {"key": "a", "attributes": {"label": "Mairie", "type": "commune"}},
  {"key": "b", "attributes": {"label": "Asso \\"[x], {y}\\"", "type": "association"}},
  {"key": "c", "attributes": {"label": "Ferme", "type": "ovni"}}
 ],
 "edges": [
  {"source": "a", "target": "b"},
  {"source": "b", "target": "c", "attributes": {"type": "financement", "weight": "beaucoup"}}
 ]}
"""


def _only(problems, code):
    [problem] = [p for p in problems if p.code == code]
    return problem


def test_a_warning_in_a_multi_line_file_names_the_item_and_its_line(tmp_path):
    path = write(tmp_path, "g.json", GRAPHOLOGY)
    fr = _only(tg.read(path, lang="fr").warnings, "type_unknown")
    assert fr.location() == "g.json, élément nodes[2], ligne 5, attribut « type »"
    assert (fr.sheet, fr.row, fr.column) == ("nodes", 5, "type")
    en = _only(tg.read(path, lang="en").warnings, "type_unknown")
    assert en.location() == 'g.json, item nodes[2], line 5, attribute "type"'


def test_an_edge_without_its_target_names_the_edge_and_its_line(tmp_path):
    text = GRAPHOLOGY.replace('"target": "c", ', "")
    path = write(tmp_path, "g.json", text)
    for lang, expected in (
        ("fr", "g.json, élément edges[1], ligne 9 : "),
        ("en", "g.json, item edges[1], line 9: "),
    ):
        with pytest.raises(InputError) as caught:
            tg.read(path, lang=lang)
        [problem] = caught.value.problems
        assert (problem.code, problem.sheet, problem.row) == ("json_graph_item", "edges", 9)
        assert str(problem).startswith(expected)


def test_warnings_on_edges_and_on_whole_lists_say_so(tmp_path):
    path = write(tmp_path, "g.json", GRAPHOLOGY)
    warnings = tg.read(path, lang="fr").warnings
    supplied = _only(warnings, "type_supplied")  # the first edge without a type
    assert supplied.location() == "g.json, élément edges[0], ligne 8, attribut « type »"
    foreign = _only(warnings, "column_foreign")  # "beaucoup" is no intensity: a column of theirs
    assert foreign.location() == "g.json, liste « edges », attribut « weight »"


def test_a_single_line_file_still_names_the_item(tmp_path):
    compact = json.dumps(json.loads(GRAPHOLOGY.replace('"beaucoup"', "2")))
    assert "\n" not in compact
    path = write(tmp_path, "g.json", compact)
    fr = _only(tg.read(path, lang="fr").warnings, "type_unknown")
    assert fr.location() == "g.json, élément nodes[2], ligne 1, attribut « type »"


def test_a_cytoscape_item_without_its_id_is_named_in_its_list(tmp_path):
    data = {
        "elements": {
            "nodes": [{"data": {"id": "a"}}, {"data": {"name": "sans id"}}],
            "edges": [],
        }
    }
    path = write(tmp_path, "c.cyjs", json.dumps(data, indent=2))
    with pytest.raises(InputError) as caught:
        tg.read(path, lang="fr")
    [problem] = caught.value.problems
    assert problem.code == "json_graph_item"
    assert problem.sheet.element == "elements.nodes[1]"
    # line 1 "{", 2 "elements", 3 "nodes": [, 4 "{" of nodes[0], 5-7 its data, 8 "}", 9 "{"
    assert problem.row == 9
    assert problem.location() == "c.cyjs, élément elements.nodes[1], ligne 9"


def test_cytoscape_elements_in_one_list_are_numbered_in_that_list(tmp_path):
    text = (
        '{"elements": [\n'
        '{"data": {"id": "a"}},\n'
        '{"data": {"id": "b"}},\n'
        '{"group": "edges", "data": {"source": "a", "target": "b", "type": "ovni"}}\n'
        "]}"
    )
    path = write(tmp_path, "c.json", text)
    warning = _only(tg.read(path, lang="en").warnings, "type_unknown")
    assert (warning.sheet, warning.sheet.element, warning.row) == ("edges", "elements[2]", 4)


def test_a_kumu_connection_is_named_in_connections(tmp_path):
    data = {
        "elements": [
            {"_id": "e1", "attributes": {"label": "Mairie", "element type": "commune"}},
            {"_id": "e2", "attributes": {"label": "Asso", "element type": "association"}},
        ],
        "connections": [
            {"_id": "c1", "from": "e1", "to": "e2", "attributes": {"connection type": "ovni"}}
        ],
    }
    path = write(tmp_path, "k.json", json.dumps(data, indent=1))
    warning = _only(tg.read(path, lang="fr").warnings, "type_unknown")
    assert warning.sheet.element == "connections[0]"
    text = path.read_text(encoding="utf-8").splitlines()
    assert text[warning.row - 1].strip() == "{" and '"c1"' in text[warning.row]


def test_a_node_link_edge_without_a_target_names_links_and_its_line(tmp_path):
    text = '{"nodes": [{"id": "a"}, {"id": "b"}],\n "links": [\n  {"source": "a", "target": "b"},\n  {"source": "a"}\n]}'
    path = write(tmp_path, "n.json", text)
    with pytest.raises(InputError) as caught:
        tg.read(path, lang="en")
    [problem] = caught.value.problems
    assert (problem.code, problem.row, problem.sheet.element) == (
        "json_not_node_link",
        4,
        "links[1]",
    )
    assert str(problem).startswith("n.json, item links[1], line 4: ")


def test_nesting_and_numbers_past_the_bounds_name_their_line(tmp_path):
    deep = write(tmp_path, "d.json", '{"nodes": [],\n"x":\n' + "[" * 300 + "]" * 300 + "}")
    with pytest.raises(InputError) as caught:
        tg.read(deep, lang="fr")
    [problem] = caught.value.problems
    assert (problem.code, problem.row) == ("json_too_deep", 3)
    assert str(problem).startswith("d.json, ligne 3 : ")
    long = write(tmp_path, "l.json", '{"nodes": [\n{"id": "a"},\n{"id": ' + "7" * 5000 + "}]}")
    with pytest.raises(InputError) as caught:
        tg.read(long, lang="en")
    [problem] = caught.value.problems
    assert (problem.code, problem.row) == ("json_number_too_long", 3)


# -- the scan itself ------------------------------------------------------------------------
def _random_value(rng, depth=0):
    kind = rng.randrange(6 if depth < 3 else 3)
    if kind == 0:
        return rng.choice([None, True, False, 0, -1.5e3, 12345678901234])
    if kind == 1:
        return "".join(rng.choice('ab[]{},:"\\ \n\té') for _ in range(rng.randrange(8)))
    if kind == 2:
        return rng.randrange(-1000, 1000)
    if kind == 3:
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {f'k{i}[,"': _random_value(rng, depth + 1) for i in range(rng.randrange(4))}


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("indent", [None, 1, 3])
def test_each_offset_found_starts_the_item_it_stands_for(seed, indent):
    rng = random.Random(seed)
    data = {
        "nodes": [_random_value(rng) for _ in range(rng.randrange(6))],
        "elements": {"edges": [_random_value(rng) for _ in range(rng.randrange(6))]},
        'tricky "key"': [1, 2],
    }
    text = json.dumps(data, indent=indent, ensure_ascii=rng.random() < 0.5)
    found = item_starts(text, {"nodes", "elements.edges", 'tricky "key"', "absent"})
    decoder = json.JSONDecoder()
    for path, items in (
        ("nodes", data["nodes"]),
        ("elements.edges", data["elements"]["edges"]),
        ('tricky "key"', [1, 2]),
    ):
        assert len(found[path]) == len(items)
        for offset, item in zip(found[path], items, strict=True):
            assert decoder.raw_decode(text, offset)[0] == item  # the item starts right there
    assert found["absent"] == []


def test_lines_are_found_once_and_the_text_let_go():
    places = JsonPlaces('{"nodes": [\n1,\n2]}', {"node": "nodes"})
    part = places.part("nodes", "node")
    assert part.place(2)[1] == 3 and part.place(1)[1] == 2
    assert places._text is None  # scanned once, then dropped
    assert part.place(3) == ("nodes", None)  # not an item of the file: no line
    assert part.place(None)[1] is None
