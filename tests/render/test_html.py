"""The map file and its data: safe, self-contained, readable, faithful to the diagnosis."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re

import pandas as pd
import pytest

from territoire_graphe.model import Territory
from territoire_graphe.render import normalise_lens, read_positions, render_html, to_html
from territoire_graphe.render.lenses import LENS_BITS
from territoire_graphe.render.map_data import build_map_data, script_json
from territoire_graphe.render.map_pack import page_data
from territoire_graphe.render.style import MAX_SIZE, MIN_SIZE, UNIFORM_SIZE

from .conftest import HOSTILE

PEOPLE = ["Claire Vasseur", "Hugo Lemaire", "Nadia Berthelot"]


def data_of(page: str) -> dict:
    return page_data(page)  # both blocks: what is drawn, and the cards read on first need


@pytest.fixture(scope="module")
def council_page(council, council_diagnosis) -> str:
    return render_html(council, diagnosis=council_diagnosis)


@pytest.fixture(scope="module")
def council_data(council, council_diagnosis) -> dict:
    return build_map_data(council, council_diagnosis)


# -- safety -------------------------------------------------------------------------------------
def test_script_json_escapes_what_could_close_a_script_and_still_round_trips():
    value = {"a": "</script><!-- & \u2028\u2029 >"}
    written = script_json(value)
    assert not re.search(r"[<>&\u2028\u2029]", written)
    assert json.loads(written) == value


def test_hostile_names_never_reach_the_page_as_markup(hostile, make_diagnosis):
    page = render_html(
        hostile, diagnosis=make_diagnosis(hostile, hostile_text="<script>window.__pwned=7</script>")
    )
    for needle in (
        "<script>window",
        "<img src=x",
        "<svg onload",
        "<iframe",
        "<b>gras",
        "<b onmouseover",
        "\u2028",
    ):
        assert needle not in page
    assert (
        page.count("</script>") == 5
    )  # the data, the cards, the provenance, vis-network and our script
    data = data_of(page)
    assert [n["label"] for n in data["nodes"]][: len(HOSTILE)] == HOSTILE  # kept as text


def test_the_page_never_writes_data_as_html():
    from territoire_graphe.render.html import _app_script

    script = _app_script()
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "title:",
    ):
        assert sink not in script


def test_a_content_security_policy_allows_only_our_two_scripts_and_no_request(council_page):
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', council_page)
    assert policy and "default-src 'none'" in policy.group(1)
    hashes = set(re.findall(r"'(sha256-[^']+)'", policy.group(1)))
    scripts = re.findall(r"<script>(.*?)</script>", council_page, re.S)
    assert len(scripts) == 2
    assert {
        "sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts
    } == hashes


def test_the_file_is_self_contained_with_vis_network_inlined_and_its_licence(council_page):
    assert "<link" not in council_page and "@import" not in council_page
    assert not re.search(r"\ssrc=", council_page)
    assert "cdn" not in council_page.lower() and "bootstrap" not in council_page.lower()
    assert "@version 9.1.2" in council_page and "vis.js is dual licensed" in council_page


# -- people -------------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["show", "pseudonymise", "hide"])
def test_people_are_shown_pseudonymised_or_hidden(council, council_diagnosis, mode):
    page = render_html(council, diagnosis=council_diagnosis, people=mode)
    raw = page.encode("utf-8")
    present = [name for name in PEOPLE if name.encode() in raw]
    if mode == "show":
        assert present == PEOPLE
    else:
        assert present == []
    card = next(n for n in data_of(page)["nodes"] if n["id"] == "A12")["card"]
    if mode == "show":
        assert card["p"] == [
            ["Claire Vasseur", "directrice"],
            ["Hugo Lemaire", "chargé de mission"],
        ]
    elif mode == "pseudonymise":
        assert card["p"] == [["Personne 1", "directrice"], ["Personne 2", "chargé de mission"]]
        assert b"Personne 1 connait" in raw.replace("î".encode(), b"i")
    else:
        assert "p" not in card and b"Personne 1" not in raw and b"directrice" not in raw


def test_an_unknown_people_mode_is_refused(council, council_diagnosis):
    with pytest.raises(ValueError, match="pseudonymise"):
        render_html(council, diagnosis=council_diagnosis, people="blur")


# -- colours and sizes --------------------------------------------------------------------------
def test_colours_by_type_come_from_the_vocabulary_with_a_legend(council, council_data):
    by_id = {n["id"]: n for n in council_data["nodes"]}
    assert by_id["A01"]["color"] == council.vocabulary.color("commune") == "#0072B2"
    items = council_data["legend"]["colors"]["items"]
    assert {"label": "commune", "color": "#0072B2", "count": 4} in items
    assert sum(i["count"] for i in items) == 50


def test_colours_by_any_column_use_a_colour_blind_safe_palette(council, council_diagnosis):
    data = build_map_data(council, council_diagnosis, color_by="municipality")
    items = data["legend"]["colors"]["items"]
    assert items[0] == {"label": "Songeons", "color": "#E69F00", "count": 13}
    assert data["legend"]["colors"]["title"] == "Couleur : commune"
    community = build_map_data(council, council_diagnosis, color_by="community")
    assert community["legend"]["colors"]["items"][0]["label"] == "Groupe 1"
    continuous = build_map_data(council, council_diagnosis, color_by="pagerank")
    assert len(continuous["legend"]["colors"]["items"]) == 5


def test_an_unknown_column_is_refused_with_the_available_ones(council, council_diagnosis):
    with pytest.raises(ValueError, match="betweenness"):
        build_map_data(council, council_diagnosis, color_by="colour")
    with pytest.raises(ValueError, match="numérique"):
        build_map_data(council, council_diagnosis, size_by="name")


def test_sizes_follow_the_square_root_of_the_metric(council_diagnosis, council_data):
    betweenness = council_diagnosis.actors["betweenness"]
    by_id = {n["id"]: n for n in council_data["nodes"]}
    assert by_id[betweenness.idxmax()]["size"] == MAX_SIZE
    assert by_id[betweenness.idxmin()]["size"] == MIN_SIZE
    low, high = betweenness.min(), betweenness.max()
    for actor, value in betweenness.items():
        expected = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * ((value - low) / (high - low)) ** 0.5
        assert by_id[actor]["size"] == pytest.approx(expected, abs=0.06)
    legend = council_data["legend"]["sizes"]["items"]
    assert [item["size"] for item in legend] == [MIN_SIZE, (MIN_SIZE + MAX_SIZE) / 2, MAX_SIZE]


def test_equal_sizes_when_size_by_is_none(council, council_diagnosis):
    data = build_map_data(council, council_diagnosis, size_by=None)
    assert {n["size"] for n in data["nodes"]} == {UNIFORM_SIZE}
    assert "taille" not in data["meta"]["caption"]


# -- lines --------------------------------------------------------------------------------------
def test_line_families_widths_and_curves(council_data):
    edges = council_data["edges"]
    assert {e["fam"] for e in edges} == {"lien", "flux", "interdependance", "tension"}
    funding = {(e["from"], e["to"]): e["w"] for e in edges if e["tl"] == "financement"}
    assert funding[("A06", "A12")] == 6.0  # the largest amount in euros
    assert funding[("A37", "A27")] == pytest.approx(1.5 + 4.5 * (5000 / 120000) ** 0.5, abs=0.06)
    assert next(e for e in edges if e["tl"] == "biens / matières")["w"] == 6.0  # tonnes apart
    assert next(e for e in edges if e["fam"] == "tension")["tip"] == [
        "Commentaire : Concurrence sur un chantier"
    ]
    pair = [e for e in edges if {e["from"], e["to"]} == {"A12", "A00"}]
    assert len(pair) >= 2 and any("cv" in e for e in pair)


# -- lenses -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "written, lens",
    [
        ("mobiliser", "mobiliser"),
        ("key_players", "mobiliser"),
        ("Qui mobiliser", "mobiliser"),
        ("isolated", "isoles"),
        ("Isolés", "isoles"),
        ("bridges", "ponts"),
        ("Ponts", "ponts"),
        ("complementarities", "complementarites"),
        ("Complémentarités", "complementarites"),
        ("flows", "flux"),
        (None, None),
        ("overview", None),
    ],
)
def test_lens_names_in_french_or_english(written, lens):
    assert normalise_lens(written) == lens


def test_an_unknown_lens_is_refused():
    with pytest.raises(ValueError, match="mobiliser"):
        normalise_lens("everything")


def test_lens_flags_follow_the_diagnosis(council_diagnosis, council_data):
    actors = council_diagnosis.actors
    nodes = {n["id"]: n for n in council_data["nodes"]}

    def flagged(lens):
        return {a for a, n in nodes.items() if n["ln"] & LENS_BITS[lens]}

    assert flagged("mobiliser") == set(council_diagnosis.key_players["reach"].actors)
    assert flagged("ponts") == set(actors.index[actors["is_articulation_point"]])
    assert flagged("isoles") == set(actors.index[actors["is_isolated"] | actors["is_pendant"]])
    assert {"A06", "A12", "A24", "A26"} <= flagged("flux")
    assert {"A18", "A20", "A41", "A43"} <= flagged("complementarites")
    bridges = {frozenset(b) for b in council_diagnosis.bridges}
    for edge in council_data["edges"]:
        is_bridge = frozenset((edge["from"], edge["to"])) in bridges and edge["fam"] != "tension"
        assert bool(edge.get("br")) == is_bridge
        assert bool(edge["ln"] & LENS_BITS["ponts"]) == is_bridge


def test_suggested_links_carry_their_reason(council, council_data):
    names = council.actors["name"]
    suggestion = next(
        s for s in council_data["suggestions"] if {s["from"], s["to"]} == {"A18", "A20"}
    )
    assert suggestion["tip"] == [
        f"Ressource « atelier partagé » ({names['A18']}) pour le "
        f"besoin « atelier de découpe » ({names['A20']})"
    ]
    assert len(council_data["suggestions"]) == 6  # 4 suggestions + 2 complementarities


def test_the_lens_chosen_when_writing_is_active_on_opening(council, council_diagnosis):
    assert build_map_data(council, council_diagnosis, lens="bridges")["meta"]["lens"] == "ponts"


# -- side card, texts ---------------------------------------------------------------------------
def test_the_card_holds_type_commune_figures_and_the_findings_naming_the_actor(council_data):
    node = next(n for n in council_data["nodes"] if n["id"] == "A12")
    card = node["card"]
    assert card["m"] == "Songeons" and len(card["fn"]) == 2
    assert council_data["figures"][:3] == [
        "Partenaires directs",
        "Intensité totale des liens",
        "Intermédiarité",
    ]
    assert card["fig"][2].endswith("(1er sur 50)")
    texts = [council_data["findings"][i]["text"] for i in card["fi"]]
    assert texts[0].startswith("Pour faire circuler une invitation")


def test_french_by_default_english_on_request(council, council_diagnosis, monkeypatch):
    monkeypatch.delenv("TERRITOIRE_GRAPHE_LANG", raising=False)
    french = build_map_data(council, council_diagnosis)
    assert french["meta"]["title"] == "Carte des acteurs du territoire"
    assert french["meta"]["territory"].endswith(", 30 juin 2024")
    english = build_map_data(council, council_diagnosis, lang="en")
    assert english["meta"]["title"] == "Map of the territory's actors"
    assert english["texts"]["lens.ponts"] == "Bridges"
    assert english["legend"]["colors"]["items"][0]["label"] == "municipality"


def test_french_and_english_ui_texts_have_the_same_keys():
    from territoire_graphe.messages import _render

    assert set(_render.FR) == set(_render.EN)


def test_header_names_the_territory_the_date_and_the_source_file(council, council_diagnosis):
    t = Territory(
        council.graph,
        name="Pays de Bray",
        date=pd.Timestamp("2024-01-01"),
        source="/tmp/données/pays_de_bray_2024.xlsx",
    )
    meta = build_map_data(t, council_diagnosis, title="COPIL du 12 mars")["meta"]
    assert (meta["title"], meta["territory"], meta["date"], meta["source"]) == (
        "COPIL du 12 mars",
        "Pays de Bray, 2024",
        "",
        "source : pays_de_bray_2024.xlsx",
    )
    assert meta["caption"].startswith("50 acteurs, 110 relations · couleur : type d'acteur")


# -- files and positions ------------------------------------------------------------------------
def test_to_html_writes_the_file_and_positions_can_be_read_back(
    tmp_path, council, council_diagnosis
):
    path = to_html(council, tmp_path / "carte.html", diagnosis=council_diagnosis)
    assert path.exists() and path.stat().st_size < 2_000_000
    positions = read_positions(path)
    assert len(positions) == 50
    again = build_map_data(council, council_diagnosis, positions=positions)
    assert {n["id"]: (n["x"], n["y"]) for n in again["nodes"]} == positions


def test_positions_stored_on_the_graph_are_used(council, council_diagnosis):
    graph = copy.deepcopy(council.graph)
    for i, node in enumerate(sorted(council.actors.index)):
        graph.nodes[node]["x"], graph.nodes[node]["y"] = float(i * 100), 0.0
    data = build_map_data(Territory(graph), council_diagnosis)
    assert next(n for n in data["nodes"] if n["id"] == "A03")["x"] == 300.0


def test_the_same_territory_gives_the_same_file(council, council_diagnosis, council_page):
    assert render_html(council, diagnosis=council_diagnosis) == council_page


def test_the_territory_is_not_modified(council_diagnosis):
    from .conftest import council_territory

    t = council_territory()
    before = (
        copy.deepcopy(dict(t.graph.nodes(data=True))),
        list(t.graph.edges(keys=True, data=True)),
    )
    render_html(t, diagnosis=council_diagnosis)
    assert (dict(t.graph.nodes(data=True)), list(t.graph.edges(keys=True, data=True))) == (
        before[0],
        copy.deepcopy(before[1]),
    )


def test_without_a_diagnosis_the_map_computes_one(tmp_path):
    t = Territory.from_records(
        actors=[
            {"id": "a", "name": "Mairie", "type": "commune"},
            {"id": "b", "name": "Asso", "type": "association"},
            {"id": "c", "name": "Seule", "type": "association"},
        ],
        relations=[{"source": "a", "target": "b", "type": "coopération", "family": "lien"}],
    )
    page = to_html(t, tmp_path / "c.html").read_text(encoding="utf-8")
    assert [n["label"] for n in data_of(page)["nodes"]] == ["Mairie", "Asso", "Seule"]


def test_colours_from_a_types_sheet_reach_the_page_as_hex_codes(make_diagnosis):
    from territoire_graphe.vocabulary import TypeEntry, default_vocabulary

    vocabulary = default_vocabulary().extended(
        [
            TypeEntry("actor", "pépinière", "incubator", color="navy"),
            TypeEntry("actor", "ressourcerie", "reuse centre", color="url(http://x)"),
        ]
    )
    t = Territory.from_records(
        actors=[
            {"id": "a", "name": "A", "type": "pépinière"},
            {"id": "b", "name": "B", "type": "ressourcerie"},
        ],
        vocabulary=vocabulary,
    )
    data = build_map_data(t, make_diagnosis(t))
    assert [n["color"] for n in data["nodes"]] == ["#000080", "#BBBBBB"]


def test_a_territory_without_relations_or_communes_still_makes_a_map(make_diagnosis):
    t = Territory.from_records(actors=[{"id": "a", "name": "Seul", "type": "association"}])
    data = build_map_data(t, make_diagnosis(t))
    assert data["edges"] == [] and data["filters"]["families"] == []
    assert data["filters"]["communes"] == [{"label": "(sans commune)", "count": 1}]
    assert data["meta"]["isolated"]["text"] == "Isolés (1)"
