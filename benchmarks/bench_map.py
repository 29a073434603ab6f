"""Timings of the interactive map: writing the file, and drawing it in headless Chromium.

Usage::

    python benchmarks/bench_map.py                 # 50, 5,000 and 10,000 actors
    python benchmarks/bench_map.py 2000            # other sizes
    python benchmarks/bench_map.py --diagnose 500  # with territoire_graphe.diagnose

Each territory (``Territory.from_records``, seeded) has n actors in communities of about
60 (vocabulary types, 1 commune in 40 per actor), about 2.5 n relation records (ties mostly
within a community, flows with amounts, some dependencies and tensions) and 2% isolated
actors. The map is written from a Diagnosis given in advance: by default a quick one built
here (sampled betweenness, seeded Louvain) so that the figures measure the map alone;
``--diagnose`` uses the real ``territoire_graphe.diagnose`` and prints its time too.

"draw" is measured in the page: from navigation start to vis-network's first
"afterDrawing" event (``window.__tg.drawnAt``), with every request but the file blocked;
the canvas is then checked to be painted. Targets (issue 4): 5,000 actors written in under
10 s and drawn in under 5 s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import numpy as np
import pandas as pd

from territoire_graphe.diagnosis import Diagnosis
from territoire_graphe.model import Territory
from territoire_graphe.render import to_html
from territoire_graphe.vocabulary import ACTOR_TYPES

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
        "--no-first-run", "--disable-component-update", "--disable-sync"]
TIES = ["coopération", "partenariat", "interconnaissance", "convention"]
FLOWS = ["financement", "achat / prestation", "biens / matières", "information"]


def territory(n: int, seed: int = 0) -> Territory:
    """A seeded random territory of n actors (see the module docstring)."""
    rng = np.random.default_rng(seed)
    ids = [f"A{i:05d}" for i in range(n)]
    kinds = rng.choice(list(ACTOR_TYPES[:-1]), size=n)
    towns = rng.integers(0, max(1, n // 40), size=n)
    group = np.sort(rng.integers(0, max(1, n // 60), size=n))
    actors = [{"id": a, "name": f"{kinds[i].capitalize()} {i}", "type": str(kinds[i]),
               "municipality": f"Commune {towns[i]}"} for i, a in enumerate(ids)]
    linked = np.flatnonzero(rng.random(n) >= 0.02)
    members: dict[int, np.ndarray] = {g: linked[group[linked] == g] for g in np.unique(group)}
    relations = []
    for _ in range(int(2.5 * n)):
        s = int(rng.choice(linked))
        pool = members[group[s]] if rng.random() < 0.85 and len(members[group[s]]) > 1 else linked
        t = int(rng.choice(pool))
        if s == t:
            continue
        roll = rng.random()
        if roll < 0.12:
            relations.append({"source": ids[s], "target": ids[t], "type": str(rng.choice(FLOWS)),
                              "family": "flux", "directed": True,
                              "quantity": float(rng.integers(1, 100) * 1000), "unit": "€"})
        elif roll < 0.15:
            relations.append({"source": ids[s], "target": ids[t], "type": "dépendance",
                              "family": "interdependance", "directed": True})
        elif roll < 0.16:
            relations.append({"source": ids[s], "target": ids[t], "type": "tension",
                              "family": "lien", "directed": False})
        else:
            relations.append({"source": ids[s], "target": ids[t], "type": str(rng.choice(TIES)),
                              "family": "lien", "directed": False,
                              "weight": float(rng.integers(1, 4))})
    return Territory.from_records(actors=actors, relations=relations, name=f"Banc d'essai {n}",
                                  date=pd.Timestamp("2024-01-01"))


def quick_diagnosis(t: Territory, seed: int = 0) -> Diagnosis:
    """The Diagnosis fields the map reads, computed fast (betweenness sampled on 200 sources)."""
    g = t.analysis_graph
    degree = dict(g.degree())
    community = {v: i for i, c in enumerate(nx.community.louvain_communities(g, seed=seed))
                 for v in c}
    cut = set(nx.articulation_points(g))
    betweenness = nx.betweenness_centrality(g, k=min(200, len(g)), seed=seed)
    top = sorted(g, key=lambda v: (-degree[v], v))[:3]
    actors = pd.DataFrame({
        "name": t.actors["name"], "type": t.actors["type"], "degree": pd.Series(degree),
        "betweenness": pd.Series(betweenness), "community": pd.Series(community),
        "is_isolated": pd.Series({v: degree[v] == 0 for v in g}),
        "is_pendant": pd.Series({v: degree[v] == 1 for v in g}),
        "is_articulation_point": pd.Series({v: v in cut for v in g}),
    }).reindex(t.actors.index)
    findings = pd.DataFrame([{"code": "mobilise_first", "category": "mobilisation", "priority": 1,
                              "text": "Commencez par ces trois acteurs.", "figures": {},
                              "actors": top}])
    return Diagnosis(territory=t, actors=actors, indicators=pd.Series(dtype=float),
                     bridges=sorted(tuple(sorted(e)) for e in nx.bridges(g)), findings=findings,
                     key_players={"reach": SimpleNamespace(actors=tuple(top), score=0.0)})


def draw_time(path: Path) -> tuple[float, float, int]:
    """(ms from navigation start to the first drawing, wall-clock s, painted pixels)."""
    from playwright.sync_api import sync_playwright

    url = path.resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url == url
                   else route.abort())
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_function("window.__tg && window.__tg.drawn", timeout=120_000)
        wall = time.perf_counter() - started
        drawn_at = page.evaluate("window.__tg.drawnAt")
        painted = page.evaluate("""() => {
          const c = document.querySelector('#tg-map canvas');
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let p = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { p += 1; } } return p; }""")
        browser.close()
    return drawn_at, wall, painted


def main(argv: list[str]) -> None:
    use_diagnose = "--diagnose" in argv
    sizes = [int(a) for a in argv if a.isdigit()] or [50, 5000, 10000]
    folder = Path(tempfile.mkdtemp(prefix="bench_map_"))
    print(f"{'actors':>7} {'relations':>9} {'diagnosis s':>11} {'write s':>8} {'size MB':>8} "
          f"{'draw ms':>8} {'load s':>7} {'painted px':>10}")
    for n in sizes:
        t = territory(n)
        started = time.perf_counter()
        if use_diagnose:
            from territoire_graphe.diagnosis import diagnose

            d = diagnose(t)
        else:
            d = quick_diagnosis(t)
        diag = time.perf_counter() - started
        started = time.perf_counter()
        path = to_html(t, folder / f"carte_{n}.html", diagnosis=d)
        write = time.perf_counter() - started
        drawn_at, wall, painted = draw_time(path)
        print(f"{n:>7} {len(t.relations):>9} {diag:>11.2f} {write:>8.2f} "
              f"{path.stat().st_size / 1e6:>8.2f} {drawn_at:>8.0f} {wall:>7.2f} {painted:>10}")
    print(f"maps kept in {folder}")


if __name__ == "__main__":
    main(sys.argv[1:])
