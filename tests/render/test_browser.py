"""The map in a real browser (headless Chromium driven by Playwright), with the network cut off.

Every request other than the map file itself is aborted and recorded: the map must
draw, search, filter, switch lenses and open cards without any, without a console
error, and hostile workbook text must run nothing. Screenshots go to tests/_artifacts/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from territoire_graphe.render import to_html

from .conftest import HOSTILE

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

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed"),
]
sync_api = pytest.importorskip("playwright.sync_api")

PAINTED = """() => {
  const canvas = document.querySelector('#tg-map canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 0; i < data.length; i += 4) { if (data[i + 3] > 0) { painted += 1; } }
  return painted;
}"""


@dataclass
class Visit:
    page: Any
    url: str
    left: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def clean(self) -> None:
        assert self.left == [], f"requests tried to leave: {self.left}"
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.dialogs == []

    def tg(self, expression: str) -> Any:
        return self.page.evaluate(f"() => window.__tg.{expression}")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def visit(browser) -> Iterator[Any]:
    contexts = []

    def open_map(path: Path, *, width: int = 1600, height: int = 900) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page, path.resolve().as_uri())

        def guard(route: Any) -> None:
            if route.request.url == seen.url:
                route.continue_()
            else:
                seen.left.append(route.request.url)
                route.abort()

        page.route("**/*", guard)
        page.on(
            "request",
            lambda r: (
                None
                if r.url in (seen.url,) or r.url.startswith("data:")
                else seen.left.append(r.url)
            ),
        )
        page.on(
            "console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: seen.page_errors.append(str(e)))
        page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
        page.goto(seen.url)
        page.wait_for_function("window.__tg && window.__tg.drawn", timeout=30_000)
        return seen

    yield open_map
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def council_map(tmp_path_factory, council, council_diagnosis) -> Path:
    return to_html(
        council, tmp_path_factory.mktemp("map") / "carte.html", diagnosis=council_diagnosis
    )


def test_the_council_map_draws_every_actor_offline_without_any_error(
    visit, council_map, council, artifacts
):
    seen = visit(council_map)
    seen.page.wait_for_timeout(200)
    seen.page.screenshot(path=str(artifacts / "carte_50_acteurs.png"))
    assert seen.tg("nodeCount") == 50
    assert seen.tg("edgeCount") == len(council.relations)
    assert len(seen.tg("visibleNodeIds()")) == 50
    assert seen.page.evaluate(PAINTED) > 20_000
    assert seen.page.locator("#tg-title").text_content() == "Carte des acteurs du territoire"
    assert "50 acteurs" in seen.page.locator("#tg-caption").text_content()
    seen.clean()


def test_search_finds_an_actor_without_accents_and_opens_its_card(visit, council_map):
    seen = visit(council_map)
    seen.page.fill("#tg-search-input", "maison d'economie")
    seen.page.press("#tg-search-input", "Enter")
    assert seen.tg("selected") == "A12"
    assert seen.page.locator("#tg-card").is_visible()
    assert (
        seen.page.locator("#tg-card h2").text_content()
        == "Maison d'Économie Solidaire du Pays de Bray"
    )
    seen.page.fill("#tg-search-input", "Zorglub")
    seen.page.press("#tg-search-input", "Enter")
    assert "« Zorglub »" in seen.page.locator("#tg-search .tg-status").text_content()
    seen.clean()


def test_filters_hide_actors_by_type_and_lines_by_family(visit, council_map, council):
    seen = visit(council_map)
    seen.page.click("#tg-filters summary")
    seen.page.locator("[data-filter=types] label", has_text="commune").first.locator(
        "input"
    ).uncheck()
    communes = set(council.actors.index[council.actors["type"] == "commune"])
    visible = set(seen.tg("visibleNodeIds()"))
    assert visible == set(council.actors.index) - communes
    assert seen.page.locator(".tg-filter-count").text_content() == "46 acteurs affichés sur 50."
    seen.page.locator("[data-filter=families] label", has_text="Flux").locator("input").uncheck()
    flows = {f"r{i}" for i, family in enumerate(council.relations["family"]) if family == "flux"}
    assert not flows & set(seen.tg("visibleEdgeIds()"))
    seen.page.locator("[data-filter=communes] button", has_text="Aucun").click()
    assert seen.tg("visibleNodeIds()") == []
    seen.clean()


def test_lenses_change_what_is_highlighted(visit, council_map, council_diagnosis, artifacts):
    seen = visit(council_map)
    actors = council_diagnosis.actors
    assert seen.tg("highlightedNodeIds()") == []
    seen.page.locator(".tg-lens", has_text="Ponts").click()
    assert seen.tg("lens") == "ponts"
    assert set(seen.tg("highlightedNodeIds()")) == set(
        actors.index[actors["is_articulation_point"]]
    )
    assert seen.page.locator(".tg-lens-help").text_content().startswith("Entourés")
    seen.page.wait_for_timeout(100)
    seen.page.screenshot(path=str(artifacts / "carte_lecture_ponts.png"))
    seen.page.locator(".tg-lens", has_text="Qui mobiliser").click()
    assert set(seen.tg("highlightedNodeIds()")) == set(
        council_diagnosis.key_players["reach"].actors
    )
    seen.page.locator(".tg-lens", has_text="Complémentarités").click()
    assert {e for e in seen.tg("visibleEdgeIds()") if e.startswith("s")} == {
        f"s{i}" for i in range(6)
    }
    seen.page.locator(".tg-lens", has_text="Vue d'ensemble").click()
    assert seen.tg("highlightedNodeIds()") == [] and seen.tg("dimmedNodeIds()") == []
    seen.clean()


def test_only_flows_remain_in_the_flow_lens(visit, council_map, council):
    seen = visit(council_map)
    seen.page.locator(".tg-lens", has_text="Flux").click()
    flows = {f"r{i}" for i, family in enumerate(council.relations["family"]) if family == "flux"}
    assert set(seen.tg("visibleEdgeIds()")) == flows
    seen.clean()


def test_clicking_an_actor_highlights_its_neighbours_and_opens_its_card(
    visit, council_map, council, artifacts
):
    seen = visit(council_map)
    point = seen.tg("domPosition('A29')")
    seen.page.mouse.click(point["x"], point["y"])
    assert seen.tg("selected") == "A29"
    card = seen.page.locator("#tg-card")
    assert card.locator("h2").text_content() == council.actors.loc["A29", "name"]
    assert "Chiffres clés" in card.text_content() and "Partenaires" in card.text_content()
    neighbours = set(council.analysis_graph["A29"]) | {"A29"}
    dimmed = set(seen.tg("dimmedNodeIds()"))
    assert dimmed == set(council.actors.index) - neighbours
    seen.page.wait_for_timeout(100)
    seen.page.screenshot(path=str(artifacts / "carte_fiche_acteur.png"))
    seen.page.click("#tg-card .tg-close")
    assert not card.is_visible() and seen.tg("selected") is None
    seen.clean()


def test_hovering_an_actor_shows_its_name_as_text(visit, council_map, council):
    seen = visit(council_map)
    point = seen.tg("domPosition('A05')")
    seen.page.mouse.move(point["x"], point["y"])
    seen.page.wait_for_selector("#tg-tooltip:not([hidden])", timeout=5_000)
    assert council.actors.loc["A05", "name"] in seen.page.locator("#tg-tooltip").text_content()
    seen.clean()


def test_the_lens_chosen_when_writing_is_active_on_opening(
    visit, tmp_path, council, council_diagnosis
):
    path = to_html(council, tmp_path / "ponts.html", diagnosis=council_diagnosis, lens="bridges")
    seen = visit(path)
    assert seen.tg("lens") == "ponts"
    assert seen.page.locator(".tg-lens input[value=ponts]").is_checked()
    seen.clean()


def test_the_english_map_speaks_english(visit, tmp_path, council, council_diagnosis):
    seen = visit(to_html(council, tmp_path / "map.html", diagnosis=council_diagnosis, lang="en"))
    assert seen.page.locator("#tg-title").text_content() == "Map of the territory's actors"
    assert seen.page.locator(".tg-lens", has_text="Bridges").count() == 1
    assert seen.page.evaluate("document.documentElement.lang") == "en"
    seen.clean()


def test_hostile_names_run_nothing_and_show_as_text(
    visit, tmp_path, hostile, make_diagnosis, artifacts
):
    diagnosis = make_diagnosis(hostile, hostile_text="<script>window.__pwned=7</script>")
    seen = visit(to_html(hostile, tmp_path / "hostile.html", diagnosis=diagnosis))
    page = seen.page
    for actor in list(hostile.actors.index):
        point = seen.tg(f"domPosition('{actor}')")
        page.mouse.move(point["x"], point["y"])
        page.wait_for_timeout(150)
        page.mouse.click(point["x"], point["y"])
        page.wait_for_timeout(50)
    for lens in ("Qui mobiliser", "Isolés", "Ponts", "Complémentarités", "Flux"):
        page.locator(".tg-lens", has_text=lens).click()
    page.click("#tg-filters summary")
    page.fill("#tg-search-input", HOSTILE[0])
    page.press("#tg-search-input", "Enter")
    assert page.locator("#tg-card h2").text_content() == HOSTILE[0]
    page.screenshot(path=str(artifacts / "carte_noms_hostiles.png"))
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("#tg-panel img, #tg-card img, #tg-panel svg[onload], iframe").count() == 0
    assert "<script>window.__pwned=6</script>" in page.locator("#tg-subtitle").text_content()
    seen.clean()


# -- the map that presents itself, view links, printing, warnings (issue 12) -------------------
def _until(page: Any, condition: str, timeout: float = 30.0) -> None:
    """Poll ``condition`` (a JS function) from Python: the map's CSP forbids in-page eval."""
    import time

    limit = time.monotonic() + timeout
    while not page.evaluate(condition):
        assert time.monotonic() < limit, condition
        page.wait_for_timeout(50)


def _focus_of(finding_actors: list[str]) -> set[str]:
    return {str(a) for a in finding_actors}


def test_present_steps_through_the_findings_with_their_actors_and_sentence(
    visit, council_map, council, council_diagnosis, artifacts
):
    seen = visit(council_map)
    page = seen.page
    findings = council_diagnosis.findings.sort_values("priority", kind="stable")
    steps = [row for _, row in findings.iterrows() if len(row["actors"])]
    page.click("#tg-present-start")
    assert page.locator("#tg-present").is_visible() and not page.locator("#tg-panel").is_visible()
    assert set(seen.tg("highlightedNodeIds()")) == _focus_of(steps[0]["actors"])
    assert page.locator(".tg-present-text").text_content() == steps[0]["text"]
    assert (
        page.locator(".tg-present-count").text_content().startswith(f"Constat 1 sur {len(steps)}")
    )
    page.wait_for_timeout(100)
    page.screenshot(path=str(artifacts / "carte_presenter_1.png"))
    page.keyboard.press("ArrowRight")
    assert set(seen.tg("highlightedNodeIds()")) == _focus_of(steps[1]["actors"])
    assert page.locator(".tg-present-text").text_content() == steps[1]["text"]
    page.click("#tg-present-next")
    assert page.locator(".tg-present-text").text_content() == steps[2]["text"]
    # the ties between two actors of the finding keep their colour; every other line is dimmed
    focus = _focus_of(steps[2]["actors"])
    shown = set(seen.tg("visibleEdgeIds()")) - set(seen.tg("dimmedEdgeIds()"))
    between = {
        f"r{i}"
        for i, (a, b) in enumerate(
            zip(council.relations["source"], council.relations["target"], strict=True)
        )
        if a in focus and b in focus
    }
    assert between and shown == between
    assert page.locator("#tg-present-next").is_disabled() == (len(steps) == 3)
    page.keyboard.press("ArrowLeft")
    assert page.locator(".tg-present-text").text_content() == steps[1]["text"]
    page.keyboard.press("Escape")
    assert not page.locator("#tg-present").is_visible() and page.locator("#tg-panel").is_visible()
    assert seen.tg("highlightedNodeIds()") == [] and seen.tg("dimmedNodeIds()") == []
    seen.clean()


def test_the_view_is_kept_in_the_link_and_a_reloaded_link_reopens_it(visit, council_map, council):
    seen = visit(council_map)
    page = seen.page
    page.locator(".tg-lens", has_text="Ponts").click()
    page.click("#tg-filters summary")
    page.locator("[data-filter=types] label", has_text="commune").first.locator("input").uncheck()
    page.fill("#tg-search-input", "maison d'economie")
    page.press("#tg-search-input", "Enter")
    view = page.evaluate("location.hash")
    assert "lens=ponts" in view and "actor=A12" in view and "hide-types=" in view
    page.reload()
    _until(page, "() => !!(window.__tg && window.__tg.drawn)")
    assert seen.tg("lens") == "ponts" and seen.tg("selected") == "A12"
    communes = set(council.actors.index[council.actors["type"] == "commune"])
    assert set(seen.tg("visibleNodeIds()")) == set(council.actors.index) - communes
    assert (
        page.locator("#tg-card h2").text_content() == "Maison d'Économie Solidaire du Pays de Bray"
    )
    page.evaluate("location.hash = '#step=2'")  # a link to the second finding of the talk
    page.wait_for_timeout(100)
    assert page.locator(".tg-present-count").text_content().startswith("Constat 2 sur")
    assert page.evaluate("location.hash").endswith("step=2")
    page.click("#tg-link")
    _until(page, "() => document.querySelector('.tg-link-status').textContent.length > 0")
    shown = page.locator(".tg-link-box")
    if shown.count():  # no clipboard here: the link is shown, selected, to copy by hand
        assert shown.input_value().endswith("step=2") and "lens=ponts" in shown.input_value()
    else:
        assert "Lien copié" in page.locator(".tg-link-status").text_content()
    seen.clean()


def test_printing_shows_map_legend_and_caption_without_the_controls(visit, council_map, artifacts):
    seen = visit(council_map)
    page = seen.page
    page.click("#tg-present-start")
    page.emulate_media(media="print")
    page.wait_for_timeout(300)
    for hidden in (
        "#tg-actions",
        "#tg-search",
        "#tg-lenses",
        "#tg-filters",
        "#tg-fit",
        ".tg-present-nav",
    ):
        assert not page.locator(hidden).is_visible(), hidden
    for shown in ("#tg-title", "#tg-caption", "#tg-legend", ".tg-present-text", "#tg-map canvas"):
        assert page.locator(shown).is_visible(), shown
    assert page.evaluate(PAINTED) > 20_000
    page.screenshot(path=str(artifacts / "carte_impression.png"))
    pdf = page.pdf(landscape=True, format="A4")
    assert pdf.startswith(b"%PDF")
    seen.clean()


def test_a_discreet_warnings_panel_lists_the_reading_warnings(visit, tmp_path, artifacts):
    from openpyxl import Workbook

    import territoire_graphe as tg

    book = Workbook()
    book.active.title = "acteurs"
    for row in (
        ["nom", "type"],
        ["Mairie", "commune"],
        ["Asso", "assocation"],
        ["Ressourcerie", "entreprise de l'ESS"],
    ):
        book.active.append(row)
    links = book.create_sheet("relations")
    for row in (["source", "cible", "type"], ["Mairie", "Asso", "coopération"]):
        links.append(row)
    book.save(tmp_path / "t.xlsx")
    t = tg.read(tmp_path / "t.xlsx")
    seen = visit(to_html(t, tmp_path / "avertie.html"))
    page = seen.page
    button = page.locator("#tg-warnings-button")
    assert button.text_content() == f"Avertissements ({len(t.warnings)})"
    assert not page.locator("#tg-warnings").is_visible()
    button.click()
    assert page.locator("#tg-warnings").is_visible()
    assert "assocation" in page.locator("#tg-warnings li").first.text_content()
    page.screenshot(path=str(artifacts / "carte_avertissements.png"))
    page.locator("#tg-warnings .tg-close").click()
    assert not page.locator("#tg-warnings").is_visible()
    seen.clean()


def test_a_map_without_warnings_has_no_warnings_button(visit, council_map):
    seen = visit(council_map)
    assert seen.page.locator("#tg-warnings-button").count() == 0
    seen.clean()


def test_the_evolution_map_presents_what_changed(visit, tmp_path, artifacts):
    import territoire_graphe as tg

    evolution = tg.diff(
        tg.sample_path("pays_de_bray_2023.xlsx"), tg.sample_path("pays_de_bray_2024.xlsx")
    )
    seen = visit(to_html(evolution, tmp_path / "evolution.html"))
    page = seen.page
    page.click("#tg-present-start")
    steps = [row for _, row in evolution.findings.iterrows() if len(row["actors"])]
    assert page.locator(".tg-present-text").text_content() == steps[0]["text"]
    assert set(seen.tg("highlightedNodeIds()")) == {str(a) for a in steps[0]["actors"]}
    page.wait_for_timeout(100)
    page.screenshot(path=str(artifacts / "carte_evolution_presenter.png"))
    seen.clean()


def test_a_lens_switch_restyles_the_lines_vis_network_draws(visit, council_map, council):
    # Lines are restyled in place on a lens switch (render/assets/map_draw.js, restyleEdge):
    # what vis-network draws must follow the lens, and come back with the overview.
    seen = visit(council_map)
    ties = [f"r{i}" for i, family in enumerate(council.relations["family"]) if family == "lien"]
    before = {e: seen.tg(f"drawnEdgeStyle({e!r})") for e in ties}
    assert "#e4e4e4" not in {s["color"] for s in before.values()}
    assert "#8C8C8C" in {s["color"] for s in before.values()}  # the ties' grey
    seen.page.locator(".tg-lens", has_text="Ponts").click()
    dimmed = set(seen.tg("dimmedEdgeIds()")) & set(ties)
    assert dimmed
    for e in dimmed:
        assert seen.tg(f"drawnEdgeStyle({e!r})")["color"] == "#e4e4e4"
        assert seen.tg(f"drawnEdgeStyle({e!r})")["hover"] == "#e4e4e4"
    seen.page.locator(".tg-lens", has_text="Flux").click()
    assert all(seen.tg(f"drawnEdgeStyle({e!r})")["hidden"] for e in ties)
    seen.page.locator(".tg-lens", has_text="Vue d'ensemble").click()
    assert {e: seen.tg(f"drawnEdgeStyle({e!r})") for e in ties} == before
    seen.clean()


# -- a search on a large map: what it dims, what it draws (issue 14) --------------------------
def _lines_of(council: Any, actor: str) -> set[str]:
    rel = council.relations
    return {
        f"r{i}"
        for i, (s, t) in enumerate(zip(rel["source"], rel["target"], strict=True))
        if actor in (s, t)
    }


def test_a_search_keeps_the_actor_and_its_partners_bright_and_dims_all_the_rest(
    visit, council_map, council, artifacts
):
    # The first search restyles every actor and line in place (map_draw.js, refresh); the
    # next one restyles only what changed: both must leave the same states as a click would.
    seen = visit(council_map)
    every = set(council.actors.index)
    for actor in ("A29", "A05"):
        seen.page.fill("#tg-search-input", council.actors.loc[actor, "name"])
        seen.page.press("#tg-search-input", "Enter")
        assert seen.tg("selected") == actor
        assert seen.page.locator("#tg-card h2").text_content() == council.actors.loc[actor, "name"]
        partners = set(council.analysis_graph[actor])
        assert set(seen.tg("dimmedNodeIds()")) == every - partners - {actor}
        assert actor in set(seen.tg("highlightedNodeIds()"))
        own = _lines_of(council, actor)
        visible = set(seen.tg("visibleEdgeIds()"))
        assert own and own <= visible
        assert set(seen.tg("dimmedEdgeIds()")) == visible - own
        for line in visible:
            drawn = seen.tg(f"drawnEdgeStyle({line!r})")["color"]
            assert (drawn == "#e4e4e4") == (line not in own), line
    seen.page.wait_for_timeout(100)
    seen.page.screenshot(path=str(artifacts / "carte_recherche.png"))
    seen.clean()


def _meets(a: dict, b: dict, box: dict) -> bool:
    """Whether the segment a-b meets the box (Liang-Barsky clipping)."""
    low, high = 0.0, 1.0
    dx, dy = b["x"] - a["x"], b["y"] - a["y"]
    for p, q in (
        (-dx, a["x"] - box["left"]),
        (dx, box["right"] - a["x"]),
        (-dy, a["y"] - box["top"]),
        (dy, box["bottom"] - a["y"]),
    ):
        if p == 0:
            if q < 0:
                return False
        elif p < 0:
            low = max(low, q / p)
        else:
            high = min(high, q / p)
    return low <= high


def test_lines_out_of_sight_are_left_out_of_the_drawing_and_every_line_in_sight_is_drawn(
    visit, council_map, council
):
    seen = visit(council_map, width=1000, height=700)
    page = seen.page
    assert set(seen.tg("drawnEdgeIds()")) == set(seen.tg("visibleEdgeIds()"))  # the whole map
    page.fill("#tg-search-input", council.actors.loc["A29", "name"])
    page.press("#tg-search-input", "Enter")
    centre = seen.tg("domPosition('A29')")
    page.mouse.move(centre["x"], centre["y"])
    for _ in range(6):
        page.mouse.wheel(0, -400)
        page.wait_for_timeout(60)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    canvas = page.locator("#tg-map canvas").bounding_box()
    box = {
        "left": canvas["x"],
        "top": canvas["y"],
        "right": canvas["x"] + canvas["width"],
        "bottom": canvas["y"] + canvas["height"],
    }
    where = {a: seen.tg(f"domPosition({a!r})") for a in council.actors.index}
    rel = council.relations
    ends = {
        f"r{i}": (s, t) for i, (s, t) in enumerate(zip(rel["source"], rel["target"], strict=True))
    }
    visible = set(seen.tg("visibleEdgeIds()"))
    drawn = set(seen.tg("drawnEdgeIds()"))
    in_sight = {e for e in visible if _meets(where[ends[e][0]], where[ends[e][1]], box)}
    assert in_sight and in_sight <= drawn
    assert drawn <= visible and len(drawn) < len(visible)  # some lines were left out
    page.click("#tg-card .tg-close")  # the first click closes it (leaving the box searched again)
    assert not page.locator("#tg-card").is_visible() and seen.tg("selected") is None
    page.click("#tg-fit")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert set(seen.tg("drawnEdgeIds()")) == visible
    seen.clean()


def test_the_cards_and_names_read_while_the_page_is_idle_serve_the_first_search(visit, council_map):
    seen = visit(council_map)
    _until(seen.page, "() => window.__tg.timings.warm > window.__tg.timings.drawn")
    seen.page.fill("#tg-search-input", "maison d'economie")
    seen.page.press("#tg-search-input", "Enter")
    assert seen.tg("selected") == "A12"
    card = seen.page.locator("#tg-card")
    assert card.locator("h2").text_content() == "Maison d'Économie Solidaire du Pays de Bray"
    assert "Chiffres clés" in card.text_content() and "Partenaires" in card.text_content()
    seen.clean()
