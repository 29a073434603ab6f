"""Precision and recall of resource/need matching on a hand-labelled French corpus (issue 8).

    python benchmarks/bench_matching.py            # figures, then the pairs it gets wrong
    python benchmarks/bench_matching.py --quiet    # figures only
    python benchmarks/bench_matching.py --any-row  # count category-only rows as matches too

The corpus (tests/data/matching_pairs.csv, ``;``-separated) holds resource/need pairs with
their categories and whether a person agrees that the resource answers the need
(``oui``/``non``), false friends included ("local" the adjective and "un local",
"commune" and "communication", "prêt" of a room and a bank loan). Each pair is put in a
two-actor territory and matched by ``complementarities``; a pair counts as matched when
its row says ``match == "text"`` (a shared category alone is a weaker lead, not a match).
Targets: precision >= 0.90, recall >= 0.80. Also times 3,000 resources x 3,000 needs.
"""

from __future__ import annotations

import csv
import random
import sys
import time
from pathlib import Path

import territoire_graphe as tg
from territoire_graphe.analysis.complementarity import complementarities

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
CORPUS = DATA / "matching_pairs.csv"
#: Pairs written after the rules were tuned on CORPUS, never used to tune them.
HOLDOUT = DATA / "matching_holdout.csv"
#: 108 pairs written in a later session before the matcher was changed again, then measured once.
HOLDOUT2 = DATA / "matching_holdout2.csv"


def load(path: Path = CORPUS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def predicted(row: dict[str, str], *, any_row: bool = False) -> bool:
    t = tg.Territory.from_records(
        actors=[{"id": "r", "name": "Offreur", "type": "association"},
                {"id": "n", "name": "Demandeur", "type": "association"}],
        resources=[{"actor": "r", "resource": row["resource"],
                    "category": row["category_resource"]}],
        needs=[{"actor": "n", "need": row["need"], "category": row["category_need"]}])
    found = complementarities(t)
    if found.empty:
        return False
    if any_row:  # the rule before issue 8: a shared category was said to answer the need
        return True
    return bool((found["match"] == "text").any())


def scale(n: int = 3000, seed: int = 1, distinct: bool = False) -> float:
    """Time n x n drawn from the corpus; distinct=True numbers each text so that no two
    are equal (no cache helps; every text still matches its whole corpus domain)."""
    rng = random.Random(seed)
    rows = load()
    tag = (lambda i: f" {i:04d}") if distinct else (lambda i: "")
    actors = [{"id": f"A{i}", "name": f"Acteur {i}", "type": "association"} for i in range(n)]
    resources = [{"actor": f"A{rng.randrange(n)}", "resource": rng.choice(rows)["resource"] + tag(i)}
                 for i in range(n)]
    needs = [{"actor": f"A{rng.randrange(n)}", "need": rng.choice(rows)["need"] + tag(i)}
             for i in range(n)]
    t = tg.Territory.from_records(actors=actors, resources=resources, needs=needs)
    start = time.perf_counter()
    found = complementarities(t)
    elapsed = time.perf_counter() - start
    kind = "distinct texts" if distinct else "texts drawn from the corpus"
    print(f"{n} resources x {n} needs ({kind}): {len(found)} pairs in {elapsed:.2f} s")
    return elapsed


def main(quiet: bool = False, any_row: bool = False) -> None:
    for path in (CORPUS, HOLDOUT, HOLDOUT2):
        print(f"{path.name}:")
        evaluate(load(path), quiet=quiet, any_row=any_row)
    scale()
    scale(distinct=True)


def evaluate(rows: list[dict[str, str]], *, quiet: bool, any_row: bool) -> None:
    tp = fp = fn = tn = 0
    wrong = []
    for row in rows:
        truth, guess = row["answers"] == "oui", predicted(row, any_row=any_row)
        tp += truth and guess
        fp += guess and not truth
        fn += truth and not guess
        tn += not truth and not guess
        if truth != guess:
            wrong.append(("missed" if truth else "false match", row["resource"], row["need"]))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"{len(rows)} pairs ({tp + fn} true): precision {precision:.2f}, recall {recall:.2f} "
          f"(tp {tp}, fp {fp}, fn {fn}, tn {tn})")
    if not quiet:
        for kind, resource, need in wrong:
            print(f"  {kind}: « {resource} » / « {need} »")


if __name__ == "__main__":
    main(quiet="--quiet" in sys.argv, any_row="--any-row" in sys.argv)
