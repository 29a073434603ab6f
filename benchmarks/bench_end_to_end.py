"""The whole path a user runs, at regional sizes: read, diagnose, map, report (issue 14).

Usage::

    python benchmarks/bench_end_to_end.py                  # 1,000, 5,000 and 10,000 actors
    python benchmarks/bench_end_to_end.py 2000 20000       # other sizes
    python benchmarks/bench_end_to_end.py --50k            # adds 50,000 actors (slow)
    python benchmarks/bench_end_to_end.py --igraph         # igraph's per-metric times too
    python benchmarks/bench_end_to_end.py --compare /tmp/main_src   # before / after

Each size runs in its own subprocess, so that "peak MB" (``ru_maxrss``) is the peak of
that size's whole path. The territory is the one of ``bench_complementarity.py`` (n
actors, 3n relations, people, collectives, n / 10 resources and as many needs), written
once as a CSV folder with :func:`territoire_graphe.to_csv`; "read" is
:func:`territoire_graphe.read` of that folder. Then :func:`~territoire_graphe.diagnose`,
:func:`~territoire_graphe.to_html` (with that diagnosis) and
:func:`~territoire_graphe.to_excel`, each timed on its own, and the size of both files.

``--compare SRC`` runs every size twice, interleaved: first with the package found under
``SRC/src`` (for example ``git archive main | tar -x -C /tmp/main_src``), then with this
tree's, so that both figures see the same machine load. The load average is printed.

``--igraph`` (if python-igraph is installed) times igraph's own kernels on the same
analysis graph: the yardstick of the issue.

Targets (issue 14, this machine): end to end 10,000 actors < 45 s, 50,000 < 5 min, peak
memory < 3 GB; report of 10,000 actors < 15 s; map of 10,000 actors < 6 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = ("read", "diagnose", "to_html", "to_excel")


def child(n: int, with_igraph: bool) -> dict:
    """Run the path once for n actors in this process; return the figures."""
    import resource

    sys.path.insert(0, str(HERE))
    from bench_complementarity import build

    import territoire_graphe as tg

    folder = Path(tempfile.mkdtemp(prefix=f"bench_e2e_{n}_"))
    tg.to_csv(build(n, n // 10), folder / "territoire")
    figures: dict = {"n": n, "package": str(Path(tg.__file__).parent)}
    started = time.perf_counter()
    t = tg.read(folder / "territoire")
    figures["read"] = time.perf_counter() - started
    started = time.perf_counter()
    d = tg.diagnose(t)
    figures["diagnose"] = time.perf_counter() - started
    figures["steps"] = dict(d.provenance.get("timings_s") or {})
    started = time.perf_counter()
    html = tg.to_html(t, folder / "carte.html", diagnosis=d)
    figures["to_html"] = time.perf_counter() - started
    started = time.perf_counter()
    xlsx = tg.to_excel(d, folder / "rapport.xlsx")
    figures["to_excel"] = time.perf_counter() - started
    figures["relations"] = len(t.relations)
    figures["pairs"] = len(d.complementarities)
    figures["html_mb"] = Path(html).stat().st_size / 1e6
    figures["xlsx_mb"] = Path(xlsx).stat().st_size / 1e6
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if with_igraph:
        figures["igraph"] = igraph_times(t.analysis_graph)
    return figures


def igraph_times(graph) -> dict[str, float]:
    """Seconds igraph takes for each kernel on the same graph (empty if not installed)."""
    try:
        import igraph as ig
    except ImportError:
        return {}
    g = ig.Graph.from_networkx(graph)
    weights = "weight" if "weight" in g.es.attributes() else None
    kernels = {
        "degree": lambda: g.degree(),
        "betweenness": lambda: g.betweenness(),
        "closeness": lambda: g.closeness(),
        "harmonic": lambda: g.harmonic_centrality(),
        "pagerank": lambda: g.pagerank(weights=weights),
        "eigenvector": lambda: g.eigenvector_centrality(weights=weights),
        "constraint": lambda: g.constraint(weights=weights),
        "coreness": lambda: g.coreness(),
        "articulation": lambda: g.articulation_points(),
        "louvain": lambda: g.community_multilevel(weights=weights),
    }
    times = {}
    for name, kernel in kernels.items():
        started = time.perf_counter()
        kernel()
        times[name] = time.perf_counter() - started
    return times


def run(n: int, src: Path | None, with_igraph: bool) -> dict:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src / "src") + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, __file__, "--child", str(n)] + (["--igraph"] if with_igraph else [])
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        return {"n": n, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def line(label: str, f: dict) -> str:
    if "error" in f:
        return f"{label:>7} {f['n']:>7} error: {f['error']}"
    total = sum(f[s] for s in STEPS)
    steps = sorted(((v, k) for k, v in f.get("steps", {}).items() if k != "total"), reverse=True)
    slowest = ", ".join(f"{k} {v:.1f}" for v, k in steps[:5])
    return (f"{label:>7} {f['n']:>7} {f['relations']:>9} {f['pairs']:>7} "
            + " ".join(f"{f[s]:>9.2f}" for s in STEPS)
            + f" {total:>8.2f} {f['peak_mb']:>8.0f} {f['html_mb']:>8.2f} {f['xlsx_mb']:>8.2f}"
            + (f"\n{'':>16}diagnose, slowest steps (s): {slowest}" if slowest else ""))


def main(argv: list[str]) -> None:
    with_igraph = "--igraph" in argv
    if "--child" in argv:
        print(json.dumps(child(int(argv[argv.index("--child") + 1]), with_igraph)))
        return
    src = Path(argv[argv.index("--compare") + 1]) if "--compare" in argv else None
    sizes = [int(a) for a in argv if a.isdigit() and (src is None or a != str(src))]
    sizes = sizes or [1000, 5000, 10000]
    if "--50k" in argv:
        sizes.append(50_000)
    print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    print(f"{'tree':>7} {'actors':>7} {'relations':>9} {'pairs':>7} "
          + " ".join(f"{s + ' s':>9}" for s in STEPS)
          + f" {'total s':>8} {'peak MB':>8} {'map MB':>8} {'xlsx MB':>8}")
    for n in sizes:
        if src is not None:
            print(line("before", run(n, src, False)), flush=True)
        after = run(n, None, with_igraph)
        print(line("after" if src is not None else "", after), flush=True)
        if after.get("igraph"):
            print("        igraph s: " + ", ".join(f"{k} {v:.2f}"
                                                   for k, v in after["igraph"].items())
                  + f" (sum {sum(after['igraph'].values()):.2f})", flush=True)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
