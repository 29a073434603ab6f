"""Time tg.diagnose on generated territories of growing size (issue 3: < 5 s at 1,000 actors,
< 60 s at 10,000 actors / 30,000 relations on a 2-core machine; since issue 8 betweenness is
exact up to 10,000 actors, with rustworkx when installed, else the batched numpy Brandes).

    python benchmarks/bench_diagnose.py            # 1,000 and 10,000 actors
    python benchmarks/bench_diagnose.py 2000       # one size

Prints the total and the time of each step (Diagnosis.provenance["timings_s"]).
"""

from __future__ import annotations

import random
import sys
import time

import territoire_graphe as tg
from territoire_graphe.vocabulary import ACTOR_TYPES, FUNCTIONS_OF_LIFE, default_vocabulary

RELATION_TYPES = ["coopération", "interconnaissance", "partenariat", "financement",
                  "information", "achat / prestation", "mutualisation", "effet utile", "tension"]
CATEGORIES = ["locaux", "compétences", "financement", "matériel", "foncier", "logistique"]


def generate(n_actors: int, *, ties_per_actor: int = 3, seed: int = 1) -> tg.Territory:
    """A territory with communities (communes), hubs, isolated actors, people and offers."""
    rng = random.Random(seed)
    voc = default_vocabulary()
    communes = [f"Commune {i}" for i in range(max(5, n_actors // 60))]
    actors = []
    for i in range(n_actors):
        actors.append({"id": f"A{i:05d}", "name": f"Acteur {i}",
                       "type": rng.choice(ACTOR_TYPES), "municipality": rng.choice(communes),
                       "functions": rng.sample(FUNCTIONS_OF_LIFE, rng.randint(0, 2))})
    by_commune: dict[str, list[str]] = {}
    for a in actors:
        by_commune.setdefault(a["municipality"], []).append(a["id"])
    relations = []
    ids = [a["id"] for a in actors]
    hubs = ids[: max(3, n_actors // 100)]
    connected = ids[: int(n_actors * 0.97)]  # 3 % isolated
    commune_of = {a["id"]: a["municipality"] for a in actors}
    for _ in range(n_actors * ties_per_actor):
        source = rng.choice(connected)
        roll = rng.random()
        if roll < 0.6:
            target = rng.choice(by_commune[commune_of[source]])
        elif roll < 0.8:
            target = rng.choice(hubs)
        else:
            target = rng.choice(connected)
        if target == source:
            continue
        kind = rng.choice(RELATION_TYPES)
        entry = voc.relation(kind)
        relations.append({"source": source, "target": target, "type": kind,
                          "family": entry.family, "weight": float(rng.randint(1, 3)),
                          "directed": bool(entry.directed)})
    collectives = [{"id": f"C{i:03d}", "name": f"Collectif {i}", "type": "PTCE"}
                   for i in range(max(2, n_actors // 200))]
    memberships = [{"actor": rng.choice(ids), "collective": c["id"]}
                   for c in collectives for _ in range(rng.randint(5, 25))]
    memberships = list({(m["actor"], m["collective"]): m for m in memberships}.values())
    people = [{"id": f"P{i:05d}", "name": f"Personne {i}", "actor": rng.choice(hubs)}
              for i in range(max(2, n_actors // 50))]
    resources = [{"actor": rng.choice(ids), "resource": f"ressource {i}",
                  "category": rng.choice(CATEGORIES)} for i in range(max(5, n_actors // 20))]
    needs = [{"actor": rng.choice(ids), "need": f"besoin {i}",
              "category": rng.choice(CATEGORIES)} for i in range(max(5, n_actors // 20))]
    return tg.Territory.from_records(actors=actors, relations=relations,
                                     collectives=collectives, memberships=memberships,
                                     people=people, resources=resources, needs=needs,
                                     name=f"bench {n_actors}")


def main(sizes: list[int]) -> None:
    for n in sizes:
        t = generate(n)
        start = time.perf_counter()
        d = tg.diagnose(t)
        total = time.perf_counter() - start
        sampling = d.provenance["betweenness"]
        print(f"{n} actors, {len(t.relations)} relations: diagnose {total:.2f} s, "
              f"{len(d.findings)} findings; betweenness "
              f"{'sampled' if sampling['sampled'] else 'exact'} ({sampling.get('backend')})")
        steps = sorted(d.provenance["timings_s"].items(), key=lambda kv: -kv[1])
        print("   " + ", ".join(f"{k} {v:.2f}" for k, v in steps))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
