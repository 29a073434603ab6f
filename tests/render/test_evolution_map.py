"""The evolution map: ``to_html(diff(before, after))`` draws what changed between two dates.

Unit tests on the prepared data, then one visit in headless Chromium (network cut off).
"""

from __future__ import annotations

import os

import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.evolution import diff
from territoire_graphe.model import Territory
from territoire_graphe.render import normalise_lens, read_positions, render_html, to_html
from territoire_graphe.render.evolution_map import evolution_map_data, is_evolution
from territoire_graphe.render.lenses import EVOLUTION_BIT
from territoire_graphe.render.map_data import build_map_data
from territoire_graphe.render.map_pack import page_data as both_blocks
from territoire_graphe.render.style import EVOLUTION_COLORS

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
GONE = '<img src=x onerror="window.__pwned=1">'
NEW = "</script><script>window.__pwned=2</script>"
_COMMON = [
    {"id": "A", "name": "Mairie de Songeons", "type": "commune", "municipality": "Songeons"},
    {"id": "B", "name": "Centre social", "type": "association", "municipality": "Songeons"},
    {"id": "C", "name": "Ferme du Thérain", "type": "entreprise", "municipality": "Gournay"},
    {"id": "D", "name": "Ressourcerie", "type": "entreprise de l'ESS", "municipality": "Gournay"},
    {"id": "I", "name": "Épicerie isolée", "type": "association"},
]
_KEPT = [
    {"source": "A", "target": "B", "type": "coopération"},
    {"source": "B", "target": "C", "type": "partenariat"},
    {"source": "C", "target": "D", "type": "coopération"},
]


def two_dates(before_date: str = "2023-03-15", after_date: str = "2024-06-30") -> tuple:
    """Before: X (hostile name) is tied to A and D, A-C tied, I isolated. After: X gone,
    Y (hostile name) arrived, tied to A and D; I tied to B; A-C lost."""
    before = Territory.from_records(
        actors=[
            *_COMMON,
            {"id": "X", "name": GONE, "type": "fondation", "municipality": "<b>Lille</b>"},
        ],
        relations=[
            *_KEPT,
            {
                "source": "X",
                "target": "D",
                "type": "financement",
                "family": "flux",
                "quantity": 1000,
                "unit": "€",
                "comment": "<script>window.__pwned=3</script>",
            },
            {"source": "A", "target": "X", "type": "coopération"},
            {"source": "A", "target": "C", "type": "interconnaissance"},
        ],
        name="Bray <test>",
        date=pd.Timestamp(before_date),
    )
    after = Territory.from_records(
        actors=[
            *_COMMON,
            {"id": "Y", "name": NEW, "type": "association", "municipality": "Songeons"},
        ],
        relations=[
            *_KEPT,
            {"source": "Y", "target": "A", "type": "coopération"},
            {"source": "Y", "target": "D", "type": "partenariat"},
            {"source": "I", "target": "B", "type": "coopération"},
        ],
        name="Bray <test>",
        date=pd.Timestamp(after_date),
    )
    return before, after


@pytest.fixture(scope="module")
def evo():
    return diff(*two_dates(), permutations=0)


@pytest.fixture(scope="module")
def data(evo) -> dict:
    return evolution_map_data(evo)


def nodes_of(data: dict) -> dict[str, dict]:
    return {n["id"]: n for n in data["nodes"]}


def pairs(edges) -> set[frozenset]:
    return {frozenset((e["from"], e["to"])) for e in edges}


def page_data(page: str) -> dict:
    return both_blocks(page)  # both blocks: what is drawn, and the cards read on first need


# -- lines ---------------------------------------------------------------------------------------
def test_relations_added_are_flagged_as_new_lines(evo, data):
    added = [e for e in data["edges"] if e.get("ev") == 1]
    assert pairs(added) == {frozenset(p) for p in evo.relations_added[["source", "target"]].values}
    assert pairs(added) == {frozenset("YA"), frozenset("YD"), frozenset("IB")}
    for edge in added:
        assert edge["id"].startswith("r") and edge["ln"] & EVOLUTION_BIT
        assert edge["tip"][0] == "Lien créé"
    assert data["evolution"]["colors"]["added"] == EVOLUTION_COLORS["added"] == "#228833"


def test_relations_removed_are_drawn_between_their_actors(evo, data):
    removed = [e for e in data["edges"] if e.get("ev") == 2]
    assert pairs(removed) == {frozenset("XD"), frozenset("AX"), frozenset("AC")}
    assert len(removed) == len(evo.relations_removed)
    assert all(e["id"].startswith("x") and e["tip"][0] == "Lien perdu" for e in removed)
    assert all(e["ln"] & EVOLUTION_BIT and "br" not in e for e in removed)
    funding = next(e for e in removed if e["fam"] == "flux")
    assert (
        funding["from"] == "X"
        and "Commentaire : <script>window.__pwned=3</script>" in funding["tip"]
    )
    assert data["evolution"]["colors"]["removed"] == "#B2182B"
    kept = [e for e in data["edges"] if "ev" not in e]
    assert pairs(kept) == {frozenset("AB"), frozenset("BC"), frozenset("CD")}
    assert len(data["edges"]) == len(evo.after.territory.relations) + len(evo.relations_removed)
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])
    assert data["filters"]["families"] == ["lien", "flux"]  # the lost flow keeps its family


def test_a_lost_line_beside_a_kept_one_bends():
    before, after = two_dates()
    t2 = Territory.from_records(
        actors=after.actors.reset_index().to_dict("records"),
        relations=[*_KEPT, {"source": "A", "target": "C", "type": "partenariat"}],
        name="Bray <test>",
        date=after.date,
    )
    data = evolution_map_data(diff(before, t2, permutations=0))
    on_ac = [e for e in data["edges"] if pairs([e]) == {frozenset("AC")}]
    assert sorted(e.get("ev", 0) for e in on_ac) == [1, 2]
    assert sum("cv" in e for e in on_ac) == 1


# -- actors --------------------------------------------------------------------------------------
def test_actors_who_left_are_drawn_greyed_with_their_card(evo, data):
    x = nodes_of(data)["X"]
    assert x["ev"] == 2 and x["label"] == GONE and x["color"] == EVOLUTION_COLORS["gone"]
    assert x["ln"] & EVOLUTION_BIT and x["fl"] == 0 and x["card"]["fig"] == []
    assert x["card"]["m"] == "<b>Lille</b>"
    assert x["card"]["ev"]["lost"] == ["Mairie de Songeons", "Ressourcerie"]
    texts = [data["evolution"]["findings"][i]["text"] for i in x["card"]["ev"]["fi"]]
    assert any(GONE in t for t in texts)
    types = data["filters"]["types"]
    assert types[x["t"]]["label"] == "fondation" and types[x["t"]]["count"] == 1
    assert data["filters"]["communes"][x["c"]]["label"] == "<b>Lille</b>"
    assert len(data["nodes"]) == len(evo.after.territory.actors) + 1


def test_actors_who_arrived_are_flagged_and_placed_next_to_their_partners(data):
    nodes = nodes_of(data)
    y = nodes["Y"]
    assert y["ev"] == 1 and y["label"] == NEW and y["ln"] & EVOLUTION_BIT
    assert y["card"]["ev"]["made"] == ["Mairie de Songeons", "Ressourcerie"]
    mid = ((nodes["A"]["x"] + nodes["D"]["x"]) / 2, (nodes["A"]["y"] + nodes["D"]["y"]) / 2)
    assert abs(y["x"] - mid[0]) < 100 and abs(y["y"] - mid[1]) < 100
    assert "ev" not in nodes["A"] and nodes["A"]["ln"] & EVOLUTION_BIT  # its ties changed
    assert not nodes_of(data)["I"].get("ev")


def test_common_actors_keep_the_before_layout(evo, data):
    before = build_map_data(evo.before.territory, evo.before)
    then = {n["id"]: (n["x"], n["y"]) for n in before["nodes"]}
    now = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    assert {a: now[a] for a in "ABCDIX"} == {a: then[a] for a in "ABCDIX"}
    fixed = {a: (float(i * 200), 0.0) for i, a in enumerate("ABCDIX")}
    again = evolution_map_data(evo, positions=fixed)
    assert {n["id"]: (n["x"], n["y"]) for n in again["nodes"] if n["id"] != "Y"} == fixed


def test_the_card_shows_the_change_of_position_and_the_findings_naming_the_actor(evo, data):
    row = evo.positions.loc["B"]
    assert (row["degree_before"], row["degree_after"]) == (2, 3)
    change = nodes_of(data)["B"]["card"]["ev"]
    assert change["fig"][0] == ["Partenaires directs", "2 → 3 (+1)"]
    assert change["fig"][1][0] == "Intermédiarité" and "(+" in change["fig"][1][1]
    named = {i for i, actors in enumerate(evo.findings["actors"]) if "B" in actors}
    assert set(change["fi"]) == named and named
    assert nodes_of(data)["A"]["card"]["ev"]["lost"] == [GONE, "Ferme du Thérain"]
    assert "fig" not in nodes_of(data)["Y"]["card"]["ev"]  # not there before


# -- texts ---------------------------------------------------------------------------------------
def test_french_texts_title_caption_and_legend(data):
    meta = data["meta"]
    assert meta["title"] == "Évolution du territoire"
    assert meta["caption"].startswith(
        "Évolution du 15/03/2023 au 30/06/2024 : 3 liens créés, "
        "3 liens perdus, 1 acteur arrivé, 1 acteur parti. 6 acteurs"
    )
    assert meta["date"] == ""
    legend = data["evolution"]["legend"]
    assert legend["title"] == "Évolution"
    assert [(i["label"], i["count"]) for i in legend["items"]] == [
        ("Liens créés", 3),
        ("Liens perdus", 3),
        ("Acteurs arrivés", 1),
        ("Acteurs partis", 1),
    ]
    assert data["texts"]["lens.evolution"] == "Évolution"


def test_english_texts(evo):
    data = evolution_map_data(evo, lang="en", title=None)
    assert data["meta"]["title"] == "How the territory changed"
    assert data["meta"]["caption"].startswith("Change from 2023-03-15 to 2024-06-30: 3 ties made")
    assert [i["label"] for i in data["evolution"]["legend"]["items"]] == [
        "Ties made",
        "Ties lost",
        "Actors who joined",
        "Actors who left",
    ]
    assert data["texts"]["lens.evolution"] == "Change"
    assert data["texts"]["evolution.badge.2"] == "Left the network"
    assert next(e for e in data["edges"] if e.get("ev") == 2)["tip"][0] == "Tie lost"


def test_bare_years_and_unknown_dates_in_the_caption():
    years = evolution_map_data(diff(*two_dates("2023-01-01", "2024-01-01"), permutations=0))
    assert years["meta"]["caption"].startswith("Évolution de 2023 à 2024 : ")
    before, after = two_dates()
    undated = [Territory(t.graph, name=t.name) for t in (before, after)]
    data = evolution_map_data(diff(*undated, permutations=0))
    assert data["meta"]["caption"].startswith("Évolution : 3 liens créés")


def test_a_title_given_wins(evo):
    assert evolution_map_data(evo, title="COPIL")["meta"]["title"] == "COPIL"


# -- lenses --------------------------------------------------------------------------------------
def test_the_evolution_lens_is_active_by_default_and_listed_first(data):
    assert data["meta"]["lens"] == "evolution"
    assert (
        data["lenses"][-1] == "evolution"
        and 1 << data["lenses"].index("evolution") == EVOLUTION_BIT
    )
    assert data["lensOrder"][0] == "evolution"
    highlighted = {n["id"] for n in data["nodes"] if n["ln"] & EVOLUTION_BIT}
    assert highlighted == {"A", "B", "C", "D", "I", "X", "Y"}  # every actor touched here


@pytest.mark.parametrize(
    "written, active",
    [("change", "evolution"), ("Évolution", "evolution"), ("overview", ""), ("bridges", "ponts")],
)
def test_other_lenses_can_open_an_evolution_map(evo, written, active):
    assert evolution_map_data(evo, lens=written)["meta"]["lens"] == active


def test_the_evolution_lens_is_refused_on_an_ordinary_map(council, council_diagnosis):
    with pytest.raises(ValueError, match="mobiliser"):
        normalise_lens("evolution")
    with pytest.raises(ValueError):
        render_html(council, diagnosis=council_diagnosis, lens="change")
    assert normalise_lens("change", evolution=True) == "evolution"


def test_ordinary_maps_carry_nothing_of_the_evolution(council, council_diagnosis):
    data = build_map_data(council, council_diagnosis)
    assert "evolution" not in data and "lensOrder" not in data
    assert "evolution" not in data["lenses"]
    assert not any("ev" in n or "ev" in n["card"] for n in data["nodes"])
    assert not any("ev" in e for e in data["edges"])
    assert not is_evolution(council) and not is_evolution(council_diagnosis)


# -- the file ------------------------------------------------------------------------------------
def test_hostile_names_in_an_evolution_map_stay_text(evo, tmp_path):
    assert is_evolution(evo)
    path = to_html(evo, tmp_path / "evolution.html")
    page = path.read_text(encoding="utf-8")
    for needle in ("<script>window", "<img src=x", "<b>Lille", "<test>"):
        assert needle not in page
    assert (
        page.count("</script>") == 5
    )  # the data, the cards, the provenance, vis-network, our script
    assert "<title>Évolution du territoire · Bray &lt;test&gt;</title>" in page
    labels = {n["id"]: n["label"] for n in page_data(page)["nodes"]}
    assert (labels["X"], labels["Y"]) == (GONE, NEW)
    assert set(read_positions(path)) == {"A", "B", "C", "D", "I", "X", "Y"}


def test_the_evolution_map_is_deterministic(evo):
    assert render_html(evo) == render_html(evo)


def test_people_options_reach_the_evolution_map():
    before, after = two_dates()
    people = [{"id": "P1", "name": "Claire Vasseur", "actor": "A", "position": "maire"}]

    def with_people(t: Territory) -> Territory:
        return Territory.from_records(
            actors=t.actors.reset_index().to_dict("records"),
            people=people,
            name=t.name,
            relations=t.relations[["source", "target", "type"]].to_dict("records"),
            date=t.date,
        )

    evo = diff(with_people(before), with_people(after), permutations=0)
    shown = nodes_of(page_data(render_html(evo)))["A"]["card"]
    assert shown["p"] == [["Claire Vasseur", "maire"]]
    page = render_html(evo, people="hide")
    assert "Claire Vasseur" not in page and "p" not in nodes_of(page_data(page))["A"]["card"]


def test_the_bundled_samples_make_an_evolution_map(tmp_path):
    evo = diff(
        tg.sample_path("pays_de_bray_2023.xlsx"),
        tg.sample_path("pays_de_bray_2024.xlsx"),
        permutations=0,
    )
    data = page_data(to_html(evo, tmp_path / "bray.html").read_text(encoding="utf-8"))
    nodes = nodes_of(data)
    assert {a for a, n in nodes.items() if n.get("ev") == 2} == set(evo.actors_removed.index)
    assert {a for a, n in nodes.items() if n.get("ev") == 1} == set(evo.actors_added.index)
    assert sum(e.get("ev") == 1 for e in data["edges"]) == len(evo.relations_added)
    assert sum(e.get("ev") == 2 for e in data["edges"]) == len(evo.relations_removed)
    assert data["meta"]["caption"].startswith("Évolution de 2023 à 2024 : ")
    assert data["meta"]["source"] == "source : pays_de_bray_2023.xlsx → pays_de_bray_2024.xlsx"


# -- in a browser --------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed")
def test_the_evolution_map_in_a_browser(evo, tmp_path, artifacts):
    sync_api = pytest.importorskip("playwright.sync_api")
    path = to_html(evo, tmp_path / "evolution.html")
    url = path.resolve().as_uri()
    left, errors = [], []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 850})

            def guard(route):
                if route.request.url == url:
                    route.continue_()
                else:
                    left.append(route.request.url)
                    route.abort()

            page.route("**/*", guard)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: (errors.append(d.message), d.dismiss()))
            page.goto(url)
            page.wait_for_function("window.__tg && window.__tg.drawn", timeout=30_000)

            def tg_(expression: str):
                return page.evaluate(f"() => window.__tg.{expression}")

            assert tg_("lens") == "evolution"
            assert page.locator(".tg-lens input[value=evolution]").is_checked()
            drawn = len(evo.after.territory.relations) + len(evo.relations_removed)
            assert tg_("edgeCount") == drawn
            assert len([e for e in tg_("visibleEdgeIds()") if not e.startswith("s")]) == drawn
            assert set(tg_("highlightedNodeIds()")) == {"A", "B", "C", "D", "I", "X", "Y"}
            assert tg_("nodeCount") == 7
            rows = page.locator("#tg-legend-evolution .tg-legend-row")
            assert rows.count() == 4 and "Liens perdus" in rows.nth(1).text_content()
            assert "du 15/03/2023 au 30/06/2024" in page.locator("#tg-caption").text_content()
            point = tg_("domPosition('X')")
            page.mouse.click(point["x"], point["y"])
            card = page.locator("#tg-card")
            assert card.locator("h2").text_content() == GONE
            assert "A quitté le réseau" in card.text_content()
            assert "Liens perdus avec" in card.text_content()
            page.wait_for_timeout(100)
            page.screenshot(path=str(artifacts / "carte_evolution_test.png"))
            page.click("#tg-card .tg-close")
            page.locator(".tg-lens", has_text="Vue d'ensemble").click()
            assert tg_("highlightedNodeIds()") == [] and tg_("lens") == ""
            assert page.evaluate("() => typeof window.__pwned") == "undefined"
        finally:
            browser.close()
    assert left == [] and errors == []
