"""Jupyter display: rich summaries of a Territory and a Diagnosis, and the map inline (show).

``show`` puts the page of ``render_html`` in an ``<iframe srcdoc>``: the browser tests
load a host page holding that frame in headless Chromium, every request blocked,
and check the map draws inside the frame, hostile names run nothing, and nothing
tries to leave. Screenshots go to tests/_artifacts/.
"""

from __future__ import annotations

import html
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import territoire_graphe as tg
from territoire_graphe.render.html import render_html
from territoire_graphe.render.notebook import MapFrame, diagnosis_html, show, territory_html

CHROMIUM = "/usr/bin/chromium"
SRCDOC = re.compile(r'<iframe srcdoc="([^"]*)"')


@pytest.fixture(autouse=True)
def _french_by_default(monkeypatch):
    monkeypatch.delenv("TERRITOIRE_GRAPHE_LANG", raising=False)


def markup(shown: Any) -> str:
    """The HTML a notebook front end receives for the object."""
    return shown._repr_html_() if hasattr(shown, "_repr_html_") else shown.data


def srcdoc(shown: Any) -> str:
    (found,) = SRCDOC.findall(markup(shown))
    return html.unescape(found)


@pytest.fixture(scope="module")
def bray() -> tg.Territory:
    return tg.read(tg.sample_path("pays_de_bray_2024.xlsx"))


@pytest.fixture(scope="module")
def bray_diagnosis(bray) -> tg.Diagnosis:
    return tg.diagnose(bray)


# -- show -------------------------------------------------------------------------------------------
def test_show_frames_exactly_the_page_that_to_html_writes(council, council_diagnosis):
    shown = show(council, diagnosis=council_diagnosis, lens="ponts", people="pseudonymise")
    assert srcdoc(shown) == render_html(
        council, diagnosis=council_diagnosis, lens="ponts", people="pseudonymise"
    )


def test_the_framed_page_is_fully_escaped_so_workbook_text_cannot_end_the_attribute(
    hostile, make_diagnosis
):
    shown = markup(show(hostile, diagnosis=make_diagnosis(hostile)))
    assert shown.count("<iframe") == 1 and shown.count("</iframe>") == 1
    inside = SRCDOC.search(shown).group(1)
    assert "<" not in inside and ">" not in inside and '"' not in inside and "'" not in inside


def test_the_frame_is_sandboxed_fills_the_width_and_has_the_height_asked(
    council, council_diagnosis
):
    shown = markup(show(council, diagnosis=council_diagnosis, height=480))
    assert 'sandbox="allow-scripts"' in shown  # scripts, but no access to the notebook
    assert "width:100%;height:480px" in shown
    assert 'title="Carte des acteurs du territoire · Pays de Bray (test)"' in shown


def test_show_is_an_ipython_html_object_when_ipython_is_there(council, council_diagnosis):
    display = pytest.importorskip("IPython.display")
    assert isinstance(show(council, diagnosis=council_diagnosis), display.HTML)


def test_without_ipython_show_returns_an_object_that_notebooks_display(
    council, council_diagnosis, monkeypatch
):
    monkeypatch.setitem(sys.modules, "IPython", None)
    monkeypatch.setitem(sys.modules, "IPython.display", None)
    shown = show(council, diagnosis=council_diagnosis)
    assert isinstance(shown, MapFrame) and shown._repr_html_().count("<iframe") == 1


def test_show_refuses_a_lens_or_a_height_that_does_not_exist(council, council_diagnosis):
    with pytest.raises(ValueError, match="lecture inconnue « zoom »"):
        show(council, diagnosis=council_diagnosis, lens="zoom")
    with pytest.raises(ValueError, match="height"):
        show(council, diagnosis=council_diagnosis, height=0)


# -- show in a browser ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


def until(frame: Any, predicate: str, timeout: float = 30.0) -> None:
    """Poll ``predicate`` (a JavaScript function) in the frame: the map's CSP forbids the
    string evaluation that Playwright's own ``wait_for_function`` polling relies on."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if frame.evaluate(predicate):
            return
        time.sleep(0.05)
    raise TimeoutError(predicate)


def open_host(
    browser, shown: Any, folder: Path, *, hidden: bool = False
) -> tuple[Any, Any, dict[str, list[str]]]:
    """A notebook-like host page holding the frame; every other request aborted and recorded.

    ``hidden``: the output starts hidden (a collapsed output, a notebook in a background
    tab), so the map's script runs in a frame of size 0; the map is not awaited then."""
    host = folder / "notebook.html"
    style = " style='display:none'" if hidden else ""
    host.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Notebook</title>"
        f"</head><body><h1>Cellule 12</h1><div id='output'{style}>"
        + markup(shown)
        + "</div></body></html>",
        encoding="utf-8",
    )
    url = host.resolve().as_uri()
    seen: dict[str, list[str]] = {"left": [], "errors": [], "dialogs": []}
    page = browser.new_page(viewport={"width": 1200, "height": 900})

    def guard(route: Any) -> None:
        if route.request.url == url:
            route.continue_()
        else:
            seen["left"].append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(url)
    frame = next(f for f in page.frames if f is not page.main_frame)
    until(
        frame,
        "() => window.__tg !== undefined"
        if hidden
        else "() => window.__tg !== undefined && window.__tg.drawn",
    )
    return page, frame, seen


@pytest.mark.slow
@pytest.mark.browser
def test_the_inline_map_draws_inside_its_frame_offline_without_any_error(
    browser, bray, bray_diagnosis, tmp_path, artifacts
):
    page, frame, seen = open_host(browser, show(bray, diagnosis=bray_diagnosis), tmp_path)
    assert frame.url == "about:srcdoc"
    assert frame.evaluate("() => window.__tg.nodeCount") == len(bray.actors)
    assert frame.evaluate("() => window.__tg.edgeCount") == len(bray.relations)
    frame.fill("#tg-search-input", "jardins du bray")  # the page is interactive in its frame
    frame.press("#tg-search-input", "Enter")
    assert frame.locator("#tg-card h2").text_content() == "Les Jardins du Bray"
    page.wait_for_timeout(200)
    page.screenshot(path=str(artifacts / "carte_dans_un_notebook.png"))
    assert seen == {"left": [], "errors": [], "dialogs": []}
    page.close()


@pytest.mark.slow
@pytest.mark.browser
def test_hostile_names_run_nothing_in_the_frame_nor_in_the_notebook(
    browser, hostile, make_diagnosis, tmp_path
):
    shown = show(
        hostile,
        diagnosis=make_diagnosis(hostile, hostile_text="<img src=x onerror=window.__pwned=7>"),
    )
    page, frame, seen = open_host(browser, shown, tmp_path)
    assert frame.evaluate("() => window.__tg.nodeCount") == len(hostile.actors)
    assert page.evaluate("() => window.__pwned === undefined")
    assert frame.evaluate("() => window.__pwned === undefined")
    assert seen == {"left": [], "errors": [], "dialogs": []}
    page.close()


SPAN = """() => {
  const a = window.__tg.domPosition("A01"), b = window.__tg.domPosition("A06");
  return Math.round(Math.hypot(a.x - b.x, a.y - b.y));
}"""


@pytest.mark.slow
@pytest.mark.browser
def test_an_output_shown_after_it_ran_still_fits_the_whole_map(
    browser, bray, bray_diagnosis, tmp_path
):
    page, frame, seen = open_host(
        browser, show(bray, diagnosis=bray_diagnosis), tmp_path, hidden=True
    )
    page.evaluate("() => { document.getElementById('output').style.display = 'block'; }")
    until(frame, "() => window.__tg.drawn")
    page.wait_for_timeout(200)
    shown = frame.evaluate(SPAN)
    frame.click("#tg-fit")  # "Recentrer": the whole map in view
    page.wait_for_timeout(200)
    assert shown == frame.evaluate(SPAN)
    assert seen == {"left": [], "errors": [], "dialogs": []}
    page.close()


# -- rich summaries -------------------------------------------------------------------------------
def test_a_territory_shows_a_short_french_card_by_default(bray):
    card = bray._repr_html_()
    assert card == territory_html(bray)
    assert "Territoire « Pays de Bray »" in card and "acteurs" in card and "relations" in card
    assert ">52<" in card and "Types d&#x27;acteurs" in card
    assert len(card) < 6000 and card.count("<tr>") == 2  # one row of names, one of counts


def test_the_environment_variable_switches_the_cards_to_english(bray, monkeypatch):
    monkeypatch.setenv("TERRITOIRE_GRAPHE_LANG", "en")
    card = bray._repr_html_()
    assert 'Territory "Pays de Bray"' in html.unescape(card) and "actors" in card
    assert "Territoire" not in card
    assert "Diagnosis of" in html.unescape(tg.diagnose(bray)._repr_html_())


def test_every_workbook_text_in_the_cards_is_escaped(hostile, make_diagnosis):
    card = territory_html(hostile) + diagnosis_html(
        make_diagnosis(hostile, hostile_text="<script>window.__pwned=8</script>")
    )
    assert "<script" not in card and "<img" not in card and "<svg" not in card
    assert "&lt;script&gt;window.__pwned=6&lt;/script&gt;" in card


def test_a_diagnosis_shows_headline_figures_central_actors_and_the_first_findings(bray_diagnosis):
    card = bray_diagnosis._repr_html_()
    assert card == diagnosis_html(bray_diagnosis)
    assert "Diagnostic du territoire « Pays de Bray »" in card
    assert "Acteurs : <strong>52</strong>" in card and "Densité" in card
    assert "Maison d&#x27;Économie Solidaire du Pays de Bray" in card
    assert card.count("<li>") == 6
    assert f"… et {len(bray_diagnosis.findings) - 6} autres constats" in card
    assert "<details><summary>Tous les indicateurs</summary>" in card  # folded away
    assert len(card) < 12_000


def test_a_diagnosis_in_english_speaks_english(bray):
    card = html.unescape(tg.diagnose(bray, lang="en")._repr_html_())
    assert 'Diagnosis of the territory "Pays de Bray"' in card
    assert "Actors: " in card and "more findings" in card and "Constats" not in card
