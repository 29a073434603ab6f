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
ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
        "--no-first-run", "--disable-component-update", "--disable-sync"]

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
        page.on("request", lambda r: None if r.url in (seen.url,) or r.url.startswith("data:")
                else seen.left.append(r.url))
        page.on("console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None)
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
    return to_html(council, tmp_path_factory.mktemp("map") / "carte.html",
                   diagnosis=council_diagnosis)


def test_the_council_map_draws_every_actor_offline_without_any_error(visit, council_map,
                                                                     council, artifacts):
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
    assert seen.page.locator("#tg-card h2").text_content() == "Maison d'Économie Solidaire du Pays de Bray"
    seen.page.fill("#tg-search-input", "Zorglub")
    seen.page.press("#tg-search-input", "Enter")
    assert "« Zorglub »" in seen.page.locator("#tg-search .tg-status").text_content()
    seen.clean()


def test_filters_hide_actors_by_type_and_lines_by_family(visit, council_map, council):
    seen = visit(council_map)
    seen.page.click("#tg-filters summary")
    seen.page.locator("[data-filter=types] label", has_text="commune").first.locator("input").uncheck()
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
    assert set(seen.tg("highlightedNodeIds()")) == set(actors.index[actors["is_articulation_point"]])
    assert seen.page.locator(".tg-lens-help").text_content().startswith("Entourés")
    seen.page.wait_for_timeout(100)
    seen.page.screenshot(path=str(artifacts / "carte_lecture_ponts.png"))
    seen.page.locator(".tg-lens", has_text="Qui mobiliser").click()
    assert set(seen.tg("highlightedNodeIds()")) == set(council_diagnosis.key_players["reach"].actors)
    seen.page.locator(".tg-lens", has_text="Complémentarités").click()
    assert {e for e in seen.tg("visibleEdgeIds()") if e.startswith("s")} == {f"s{i}" for i in range(6)}
    seen.page.locator(".tg-lens", has_text="Vue d'ensemble").click()
    assert seen.tg("highlightedNodeIds()") == [] and seen.tg("dimmedNodeIds()") == []
    seen.clean()


def test_only_flows_remain_in_the_flow_lens(visit, council_map, council):
    seen = visit(council_map)
    seen.page.locator(".tg-lens", has_text="Flux").click()
    flows = {f"r{i}" for i, family in enumerate(council.relations["family"]) if family == "flux"}
    assert set(seen.tg("visibleEdgeIds()")) == flows
    seen.clean()


def test_clicking_an_actor_highlights_its_neighbours_and_opens_its_card(visit, council_map,
                                                                       council, artifacts):
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


def test_the_lens_chosen_when_writing_is_active_on_opening(visit, tmp_path, council,
                                                           council_diagnosis):
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


def test_hostile_names_run_nothing_and_show_as_text(visit, tmp_path, hostile, make_diagnosis,
                                                    artifacts):
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
