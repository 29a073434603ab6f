"""Timings of complementarities, link suggestions and fragility on a random territory.

Usage::

    python benchmarks/bench_complementarity.py                   # 10,000 actors, 30,000 relations
    python benchmarks/bench_complementarity.py --actors 1000 --offers 100
    python benchmarks/bench_complementarity.py --offers 1500 --repeat 1

The territory has n actors (types, 150 communes, 0-2 fonctions de vie), 3n relation
records (half of them inside the source's commune), 200 collectives with 0.6n
memberships, one or two people for one organisation in five (carrying 60% of its
outgoing relations), and ``--offers`` resources and as many needs (default n / 10),
drawn from 20 texts, each with its own category (a quarter left without one, and one
text in five with a variant wording).
"""

from __future__ import annotations

import argparse
import random
import time

from territoire_graphe.analysis import complementarity, fragility
from territoire_graphe.model import Territory
from territoire_graphe.vocabulary import ACTOR_TYPES, FUNCTIONS_OF_LIFE

_OFFERS = [("Salle de réunion", "locaux"), ("Bureaux partagés", "locaux"),
           ("Atelier bois", "locaux"), ("Chambre froide", "matériel"),
           ("Véhicule utilitaire", "matériel"), ("Cuisine professionnelle", "matériel"),
           ("Matériel de sonorisation", "matériel"), ("Terrain agricole", "foncier"),
           ("Jardin partagé", "foncier"), ("Comptabilité", "compétences"),
           ("Compétences juridiques", "compétences"), ("Graphisme", "compétences"),
           ("Communication", "compétences"), ("Informatique", "compétences"),
           ("Traduction", "compétences"), ("Formation des bénévoles", "formation"),
           ("Accueil de stagiaires", "formation"), ("Financement d'amorçage", "financement"),
           ("Prêt d'honneur", "financement"), ("Données territoriales", "données")]


def build(n: int, offers: int, seed: int = 1) -> Territory:
    rng = random.Random(seed)
    towns = [f"Commune {i}" for i in range(150)]
    actors = [{"id": f"a{i}", "name": f"Acteur {i}", "type": rng.choice(ACTOR_TYPES),
               "municipality": rng.choice(towns),
               "functions": rng.sample(FUNCTIONS_OF_LIFE, rng.randint(0, 2))} for i in range(n)]
    by_town: dict[str, list[int]] = {}
    for i, actor in enumerate(actors):
        by_town.setdefault(actor["municipality"], []).append(i)
    relations = []
    while len(relations) < 3 * n:
        a = rng.randrange(n)
        b = rng.choice(by_town[actors[a]["municipality"]]) if rng.random() < 0.5 \
            else rng.randrange(n)
        if a != b:
            relations.append({"source": f"a{a}", "target": f"a{b}", "type": "coopération",
                              "family": "lien", "weight": 1.0, "directed": False})
    people = [{"id": f"p{i}_{k}", "name": f"Personne {i} {k}", "actor": f"a{i}"}
              for i in range(0, n, 5) for k in range(rng.randint(1, 2))]
    for relation in relations:
        a = int(relation["source"][1:])
        if a % 5 == 0 and rng.random() < 0.6:
            relation["source_person"] = f"p{a}_0"
    collectives = [{"id": f"c{i}", "name": f"Collectif {i}", "type": "PTCE"} for i in range(200)]
    memberships = [{"actor": f"a{rng.randrange(n)}", "collective": f"c{rng.randrange(200)}"}
                   for _ in range(6 * n // 10)]

    def offer(prefix: str) -> tuple[str, str | None]:
        text, category = rng.choice(_OFFERS)
        if rng.random() < 0.2:
            text = f"{prefix}{text.lower()} {rng.choice(['ponctuel', 'mutualisé', 'à temps partiel'])}"
        return text, (category if rng.random() < 0.75 else None)

    resources, needs = [], []
    for _ in range(offers):
        text, category = offer("")
        resources.append({"actor": f"a{rng.randrange(n)}", "resource": text, "category": category})
        text, category = offer("besoin de ")
        needs.append({"actor": f"a{rng.randrange(n)}", "need": text, "category": category})
    return Territory.from_records(actors=actors, relations=relations, people=people,
                                  collectives=collectives, memberships=memberships,
                                  resources=resources, needs=needs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--offers", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    offers = args.offers if args.offers is not None else args.actors // 10
    t = build(args.actors, offers)
    graph = t.analysis_graph  # built once, cached: not part of the timings below
    _ = t.actors, t.relations, t.people, t.resources, t.needs, t.memberships
    print(f"{args.actors} actors, {len(t.relations)} relations, {graph.number_of_edges()} ties, "
          f"{offers} resources and needs; best of {args.repeat}")
    for name, function in [("complementarities", complementarity.complementarities),
                           ("link_suggestions", complementarity.link_suggestions),
                           ("removal_impact", fragility.removal_impact),
                           ("bridge_impact", fragility.bridge_impact),
                           ("person_dependency", fragility.person_dependency),
                           ("organisation_dependency", fragility.organisation_dependency)]:
        best = cpu = float("inf")
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            result = function(t)
            best = min(best, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
        extra = ""
        if name == "complementarities":
            extra = " " + str(result["status"].value_counts().to_dict())
        print(f"{name:>24}: {best:6.2f} s wall, {cpu:6.2f} s CPU  ({len(result)} rows){extra}")


if __name__ == "__main__":
    main()
