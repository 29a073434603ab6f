"""How long does reading a large territory take? (issue 2: 10,000 actors, 30,000 relations < 3 s)

Generates a deterministic workbook (openpyxl write-only mode, cached under
``benchmarks/_cache/``), then times :func:`territoire_graphe.read` (best of 3) and
breaks the time down: calamine load, validation, graph build, first access to the
``actors`` and ``relations`` tables.

    python benchmarks/bench_read.py                     # 10,000 actors, 30,000 relations
    python benchmarks/bench_read.py --actors 2000 --relations 6000 --repeat 5
    python benchmarks/bench_read.py --profile           # cProfile of one read, top 30
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from pathlib import Path

CACHE = Path(__file__).resolve().parent / "_cache"

_ACTOR_TYPES = ("commune", "intercommunalité", "association", "entreprise", "entreprise de l'ESS",
                "établissement public", "financeur", "formation / recherche", "fondation")
_RELATION_TYPES = ("interconnaissance", "coopération", "partenariat", "convention",
                   "gouvernance", "tension")
_FLOW_TYPES = ("financement", "achat / prestation", "information", "mise à disposition")
_DEPENDENCY_TYPES = ("dépendance", "mutualisation", "effet utile")
_FUNCTIONS = ("se nourrir", "se soigner", "habiter", "se déplacer", "se former", "travailler")
_TOWNS = ("Lille", "Roubaix", "Tourcoing", "Songeons", "Gournay-en-Bray", "Forges-les-Eaux",
          "Colombelles", "Caen", "Lens", "Liévin")


def workbook_path(actors: int, relations: int) -> Path:
    return CACHE / f"territoire_{actors}a_{relations}r.xlsx"


def generate(actors: int, relations: int, *, seed: int = 2024) -> Path:
    """Write (once) a workbook of ``actors`` actors and ``relations`` relations.

    Relations are split 60 % ties (``relations``), 25 % flows (``flux``) and 15 %
    dependencies (``interdependances``); half the references use the actor's name,
    half its id, as people do.
    """
    path = workbook_path(actors, relations)
    if path.exists():
        return path
    import openpyxl

    CACHE.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("acteurs")
    sheet.append(["id", "nom", "type", "commune", "code INSEE", "secteur", "fonctions",
                  "influence", "intérêt", "latitude", "longitude", "budget"])
    names = []
    for number in range(actors):
        name = f"Structure {number:05d} {rng.choice(_TOWNS)}"
        names.append(name)
        sheet.append([f"A{number:05d}", name, rng.choice(_ACTOR_TYPES), rng.choice(_TOWNS),
                      rng.randint(1001, 95690), f"secteur {rng.randint(1, 12)}",
                      "; ".join(rng.sample(_FUNCTIONS, rng.randint(0, 3))),
                      rng.randint(0, 5), rng.randint(0, 5), round(rng.uniform(43, 51), 5),
                      round(rng.uniform(-1, 7), 5), rng.randint(0, 10**6)])
    shares = (("relations", 0.60, _RELATION_TYPES), ("flux", 0.25, _FLOW_TYPES),
              ("interdependances", 0.15, _DEPENDENCY_TYPES))
    written = 0
    for index, (title, share, types) in enumerate(shares):
        count = relations - written if index == len(shares) - 1 else int(relations * share)
        written += count
        sheet = book.create_sheet(title)
        sheet.append(["source", "cible", "type", "intensité", "orienté", "début", "commentaire"])
        for _ in range(count):
            a, b = rng.sample(range(actors), 2)
            source = names[a] if rng.random() < 0.5 else f"A{a:05d}"
            target = names[b] if rng.random() < 0.5 else f"A{b:05d}"
            sheet.append([source, target, rng.choice(types), rng.choice((1, 2, 3, "2,5")),
                          rng.choice(("", "", "oui", "non")), rng.randint(2005, 2024),
                          rng.choice(("", "", "convention signée", "à relancer"))])
    book.save(path)
    return path


def _time(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def _cpu(function, *args, **kwargs):
    """CPU seconds of this process (less disturbed than wall time on a busy machine)."""
    start = time.process_time()
    result = function(*args, **kwargs)
    return time.process_time() - start, result


def breakdown(path: Path) -> dict[str, float]:
    """Seconds spent in each stage of one read."""
    from territoire_graphe.io import build as build_module
    from territoire_graphe.io.excel import read_workbook
    from territoire_graphe.model import Territory

    load, raw = _time(read_workbook, path, display=path.name, lang="fr")
    original = Territory.from_records
    spent = {"graph": 0.0}

    def timed_from_records(*args, **kwargs):
        seconds, result = _time(original, *args, **kwargs)
        spent["graph"] += seconds
        return result

    build_module.Territory.from_records = timed_from_records  # type: ignore[method-assign]
    try:
        build, territory = _time(build_module.build_territory, raw, name="bench", lang="fr")
    finally:
        build_module.Territory.from_records = original  # type: ignore[method-assign]
    actors, _ = _time(lambda: territory.actors)
    relations, _ = _time(lambda: territory.relations)
    return {"calamine load": load, "validation": build - spent["graph"],
            "graph build": spent["graph"], "t.actors (first access)": actors,
            "t.relations (first access)": relations}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one read")
    options = parser.parse_args(argv)

    import territoire_graphe as tg

    seconds, path = _time(generate, options.actors, options.relations)
    print(f"workbook: {path} ({path.stat().st_size / 1e6:.1f} MB"
          f"{f', generated in {seconds:.1f} s' if seconds > 0.5 else ''})")
    if options.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        tg.read(path)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        return 0
    times, cpu_times = [], []
    for _ in range(options.repeat):
        start_cpu = time.process_time()
        seconds, territory = _time(tg.read, path)
        # What users do next: look at the tables.
        seconds += _time(lambda t=territory: (t.actors, t.relations))[0]
        times.append(seconds)
        cpu_times.append(time.process_time() - start_cpu)
    print(f"tg.read + first access to t.actors / t.relations: best {min(times):.2f} s "
          f"of {options.repeat} ({', '.join(f'{s:.2f}' for s in times)}; CPU time best "
          f"{min(cpu_times):.2f} s) -- {len(territory.actors)} actors, "
          f"{len(territory.relations)} relations, {len(territory.warnings)} warnings")
    for stage, spent in breakdown(path).items():
        print(f"  {stage:<28} {spent:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
