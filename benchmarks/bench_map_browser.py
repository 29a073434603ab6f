"""The map in headless Chromium at regional sizes: file size, first drawing, lens switch, search.

Usage::

    python benchmarks/bench_map_browser.py                       # 1,000, 5,000, 10,000 actors
    python benchmarks/bench_map_browser.py 20000
    python benchmarks/bench_map_browser.py --compare /tmp/main_src   # before / after

The territory is the one of ``bench_end_to_end.py`` (``bench_complementarity.build``:
n actors, 3n relations, n / 10 resources and needs); its diagnosis is computed once per
size (:func:`territoire_graphe.diagnose`) and pickled, so that with ``--compare SRC``
both trees (the package under ``SRC/src`` first, then this tree's, interleaved) draw the
same diagnosis, each in its own subprocess, under the same machine load.

Figures: "html s" is :func:`~territoire_graphe.to_html` given the diagnosis; "draw ms"
is measured in the page, from navigation start to vis-network's first drawing
(``window.__tg.drawnAt``), every request but the file blocked; "data ms" the part of it
spent reading the map's data into vis-network's data sets (script start to
``timings.datasets``); "lens ms" is the mean time
of a click on each lens (Qui mobiliser, Isolés, Ponts, Complémentarités, Flux, Vue
d'ensemble) until two animation frames later (the redraw done); "search ms" the same for
a search (typing a name, Enter) that selects and centres an actor, the first one of the
page ("search ms") and the mean of two more ("later ms"); "filter ms" the mean
of hiding the first type of actor and showing it again (the card of the actor found open).

Targets (issue 14): a map of 10,000 actors < 6 MB, first drawn < 3 s; a lens switch, a
search or a filter < 300 ms.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
        "--no-first-run", "--disable-component-update", "--disable-sync"]
LENSES = ["mobiliser", "isoles", "ponts", "complementarites", "flux", ""]
_TIMED = """async (run) => {
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const started = performance.now();
  run();
  await frames();
  return performance.now() - started;
}"""


def child(pickled: Path, out: Path) -> dict:
    import territoire_graphe as tg

    with pickled.open("rb") as handle:
        d = pickle.load(handle)
    started = time.perf_counter()
    path = tg.to_html(d.territory, out, diagnosis=d)
    figures = {"html": time.perf_counter() - started, "mb": path.stat().st_size / 1e6,
               "n": len(d.territory.actors)}
    names = d.territory.actors["name"]
    figures.update(in_browser(path, [str(names.iloc[i]) for i in (-1, len(names) // 2, len(names) // 3)]))
    return figures


def in_browser(path: Path, names: list[str]) -> dict:
    from playwright.sync_api import sync_playwright

    url = path.resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url == url
                   else route.abort())
        page.goto(url)
        page.wait_for_function("window.__tg && window.__tg.drawn", timeout=180_000)
        draw = page.evaluate("window.__tg.drawnAt")
        timings = page.evaluate("window.__tg.timings")
        data = timings.get("datasets", 0) - timings.get("start", 0)
        lens = []
        for value in LENSES:
            lens.append(page.evaluate(
                f"async () => ({_TIMED})(() => document.querySelector("
                f"'input[name=\"tg-lens\"][value=\"{value}\"]').click())"))
        assert page.evaluate("window.__tg.lens") == ""
        searches = []
        for name in names:
            searches.append(page.evaluate(
                f"async () => ({_TIMED})(() => {{ const box = document.getElementById("
                f"'tg-search-input'); box.value = {json.dumps(name)}; box.dispatchEvent("
                "new KeyboardEvent('keydown', {key: 'Enter'})); })"))
            if len(searches) == 1:
                selected = page.evaluate("window.__tg.selected")
        toggle = ("document.querySelector('[data-filter=\"types\"] "
                  "input[type=\"checkbox\"]').click()")
        filters = [page.evaluate(f"async () => ({_TIMED})(() => {toggle})") for _ in range(2)]
        browser.close()
    return {"draw": draw, "data": data, "lens": sum(lens) / len(lens), "lens_max": max(lens),
            "search": searches[0], "later": sum(searches[1:]) / len(searches[1:]),
            "found": selected is not None, "filter": sum(filters) / 2}


def run(pickled: Path, src: Path | None, folder: Path, tag: str) -> dict:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src / "src") + os.pathsep + env.get("PYTHONPATH", "")
    out = folder / f"carte_{tag}_{pickled.stem}.html"
    done = subprocess.run([sys.executable, __file__, "--child", str(pickled), str(out)],
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def line(label: str, n: int, f: dict) -> str:
    if "error" in f:
        return f"{label:>7} {n:>7} error: {f['error']}"
    return (f"{label:>7} {n:>7} {f['html']:>7.2f} {f['mb']:>7.2f} {f['draw']:>8.0f} {f['data']:>8.0f} "
            f"{f['lens']:>8.0f} {f['lens_max']:>8.0f} {f['search']:>9.0f} {f['later']:>8.0f} {f['filter']:>9.0f}"
            f"{'' if f['found'] else '  (search found nothing)'}")


def main(argv: list[str]) -> None:
    if "--child" in argv:
        at = argv.index("--child")
        print(json.dumps(child(Path(argv[at + 1]), Path(argv[at + 2]))))
        return
    src = Path(argv[argv.index("--compare") + 1]) if "--compare" in argv else None
    sizes = [int(a) for a in argv if a.isdigit()] or [1000, 5000, 10000]
    sys.path.insert(0, str(HERE))
    from bench_complementarity import build

    import territoire_graphe as tg

    folder = Path(tempfile.mkdtemp(prefix="bench_map_browser_"))
    print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    print(f"{'tree':>7} {'actors':>7} {'html s':>7} {'MB':>7} {'draw ms':>8} {'data ms':>8} {'lens ms':>8} "
          f"{'lens max':>8} {'search ms':>9} {'later ms':>8} {'filter ms':>9}")
    for n in sizes:
        pickled = folder / f"d{n}.pickle"
        with pickled.open("wb") as handle:
            pickle.dump(tg.diagnose(build(n, n // 10)), handle)
        if src is not None:
            print(line("before", n, run(pickled, src, folder, "before")), flush=True)
        print(line("after" if src is not None else "", n, run(pickled, None, folder, "after")),
              flush=True)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
