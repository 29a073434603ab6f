"""Actors whose id is a name JavaScript objects already hold (``__proto__``, ``constructor``...)
can be found, selected and opened on the map like any other (headless Chromium)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import territoire_graphe as tg

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed"),
]
sync_api = pytest.importorskip("playwright.sync_api")

IDS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"]


def test_prototype_named_actors_are_selected_and_their_card_opens(tmp_path: Path) -> None:
    actors = [{"id": i, "name": f"Acteur {i}", "type": "association"} for i in IDS]
    actors.append({"id": "ordinaire", "name": "Acteur ordinaire", "type": "commune"})
    relations = [{"source": i, "target": "ordinaire", "type": "coopération"} for i in IDS]
    t = tg.Territory.from_records(actors=actors, relations=relations, name="t")
    path = tg.to_html(t, tmp_path / "carte.html")
    errors: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox"]
        )
        page = browser.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function("window.__tg && window.__tg.drawn", timeout=30_000)
        assert page.evaluate("() => window.__tg.nodeCount") == len(IDS) + 1
        for actor in IDS:
            page.fill("#tg-search-input", f"Acteur {actor}")
            page.press("#tg-search-input", "Enter")
            assert page.evaluate("() => window.__tg.selected") == actor
            assert page.locator("#tg-card").is_visible()
            assert page.locator("#tg-card h2").text_content() == f"Acteur {actor}"
            # drawn as selected; its partner not dimmed, the other actors dimmed
            assert page.evaluate("() => window.__tg.highlightedNodeIds()") == [actor]
            dimmed = page.evaluate("() => window.__tg.dimmedNodeIds()")
            assert set(dimmed) == set(IDS) - {actor}
            visible = page.evaluate("() => window.__tg.visibleNodeIds()")
            assert len(visible) == len(IDS) + 1
        browser.close()
    assert errors == []
