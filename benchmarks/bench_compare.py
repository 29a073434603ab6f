"""Timings of :func:`territoire_graphe.comparison` on many territories (issue 5: "comparing 1,000
territories of 200 actors takes under 2 minutes here").

Usage::

    python benchmarks/bench_compare.py             # 1,000 territories of 200 actors
    python benchmarks/bench_compare.py 200 500     # 200 territories of 500 actors

Each territory is generated deterministically (seed = its number): n actors of the default
types spread over 8 communes, and 3n relation records (ties, flows, a few tensions) drawn
with a heavy-tailed activity so that a few actors are hubs and about 5% are isolated. They
are compared twice: as Territory objects, then as workbooks written once to
``benchmarks/_cache/compare_<count>x<n>/`` (git-ignored; delete it to write them again).
The workbooks' reading is timed on its own too. The default executor is used: a process
pool with one worker per CPU.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from territoire_graphe import Territory
from territoire_graphe.comparison import compare, territory_indicators
from territoire_graphe.io import read

ACTOR_TYPES = ["commune", "intercommunalité", "association", "entreprise",
               "entreprise de l'ESS", "établissement public", "financeur",
               "formation / recherche"]
RELATION_TYPES = [  # (type, family, directed, share)
    ("coopération", "lien", False, 0.35), ("interconnaissance", "lien", False, 0.25),
    ("convention", "lien", False, 0.10), ("financement", "flux", True, 0.15),
    ("information", "flux", True, 0.10), ("tension", "lien", False, 0.05)]
CACHE = Path(__file__).parent / "_cache"


def records(number: int, n: int = 200) -> tuple[list[dict], list[dict]]:
    """Actor and relation records of territory ``number`` (deterministic)."""
    rng = np.random.default_rng(number)
    kinds = rng.choice(len(ACTOR_TYPES), size=n)
    towns = rng.choice(8, size=n)
    actors = [{"id": f"A{i:04d}", "name": f"Acteur {number}-{i}",
               "type": ACTOR_TYPES[kinds[i]], "municipality": f"Commune {towns[i]}"}
              for i in range(n)]
    activity = rng.pareto(2.0, size=n) + 1.0
    activity[rng.random(n) < 0.05] = 0.0
    activity /= activity.sum()
    shares = np.array([r[3] for r in RELATION_TYPES])
    relations = []
    sources = rng.choice(n, size=3 * n, p=activity)
    targets = rng.choice(n, size=3 * n, p=activity)
    kinds_of_relation = rng.choice(len(RELATION_TYPES), size=3 * n, p=shares)
    weights = rng.integers(1, 4, size=3 * n)
    for s, t, k, w in zip(sources, targets, kinds_of_relation, weights, strict=True):
        if s == t:
            continue
        kind, family, directed, _ = RELATION_TYPES[k]
        relations.append({"source": f"A{s:04d}", "target": f"A{t:04d}", "type": kind,
                          "family": family, "directed": directed, "weight": float(w)})
    return actors, relations


def territory(number: int, n: int = 200) -> Territory:
    actors, relations = records(number, n)
    return Territory.from_records(actors=actors, relations=relations,
                                  name=f"territoire {number:04d}")


def write_workbook(path: Path, number: int, n: int) -> None:
    """The territory as a user would fill in the workbook (French headers)."""
    actors, relations = records(number, n)
    sheet_actors = pd.DataFrame(actors).rename(columns={"name": "nom", "municipality": "commune"})
    sheet_relations = pd.DataFrame(relations).rename(columns={
        "target": "cible", "weight": "intensite", "directed": "oriente"}).drop(columns="family")
    sheet_relations["oriente"] = sheet_relations["oriente"].map({True: "oui", False: "non"})
    partial = path.with_suffix(".partial.xlsx")
    with pd.ExcelWriter(partial, engine="openpyxl") as writer:
        sheet_actors.to_excel(writer, sheet_name="acteurs", index=False)
        sheet_relations.to_excel(writer, sheet_name="relations", index=False)
    partial.replace(path)


def workbooks(count: int, n: int) -> list[Path]:
    """The cached workbooks, written (in parallel) when missing."""
    folder = CACHE / f"compare_{count}x{n}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"territoire_{i:04d}.xlsx" for i in range(count)]
    missing = [(p, i) for i, p in enumerate(paths) if not p.exists()]
    if missing:
        start = time.perf_counter()
        with cf.ProcessPoolExecutor() as pool:
            list(pool.map(write_workbook, [p for p, _ in missing], [i for _, i in missing],
                          [n] * len(missing), chunksize=16))
        print(f"  wrote {len(missing)} workbooks in {time.perf_counter() - start:.1f} s "
              f"({folder})")
    return paths


def main(count: int = 1000, n: int = 200) -> None:
    print(f"compare(): {count} territories of {n} actors, {os.cpu_count()} CPU(s)")
    start = time.perf_counter()
    territories = [territory(i, n) for i in range(count)]
    built = time.perf_counter() - start
    mean_relations = np.mean([len(records(i, n)[1]) for i in range(min(count, 20))])
    print(f"  generated in {built:.1f} s (about {mean_relations:.0f} relation records each)")

    sample = territories[:20]
    start = time.perf_counter()
    for t in sample:
        territory_indicators(t)
    one = (time.perf_counter() - start) / len(sample)
    print(f"  indicators of one territory, in-process: {one * 1000:.0f} ms")

    start = time.perf_counter()
    table = compare(territories, progress=False)
    objects = time.perf_counter() - start
    print(f"  Territory objects: {objects:.1f} s ({objects / count * 1000:.0f} ms per territory)")

    paths = workbooks(count, n)
    start = time.perf_counter()
    for path in paths[:20]:
        read(path)
    reading = (time.perf_counter() - start) / 20
    print(f"  reading one workbook, in-process: {reading * 1000:.0f} ms")
    start = time.perf_counter()
    from_files = compare(paths, progress=False)
    files = time.perf_counter() - start
    print(f"  workbook files: {files:.1f} s ({files / count * 1000:.0f} ms per territory)")

    same = np.allclose(table["density"].to_numpy(), from_files["density"].to_numpy())
    print(f"  same densities both ways: {same}; rows: {len(table)}, {len(from_files)}")
    worst = max(objects, files)
    print(f"  {'OK' if worst < 120 else 'TOO SLOW'}: slowest run {worst:.1f} s (limit 120 s)")


if __name__ == "__main__":
    main(*(int(x) for x in sys.argv[1:3]))
