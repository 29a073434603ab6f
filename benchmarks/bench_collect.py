"""Name matching and merging: precision and recall on planted names, and the time they take.

    python benchmarks/bench_collect.py            # 2,000 actors, 300 answers
    python benchmarks/bench_collect.py --actors 5000 --answers 1000

A roster of plausible organisation names is generated (seeded). Answers cite roster
actors written as people write them -- another case, no accents, "Mairie de" for "Ville
de", a long form for an abbreviation, a letter missing, doubled or swapped -- and names of
no roster actor. Pairing *precision* is the share of names matched (exact or probable) that
were matched to the right actor; *recall* the share of names of roster actors that were
matched to the right actor. The same for ``merge`` of two lists with planted duplicates.
The 300 answers go through ``read_survey`` as a form-tool export (CSV, free-text layout).
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
import unicodedata
from pathlib import Path

import territoire_graphe as tg
from territoire_graphe.collect.names import Matcher

PLACES = ["Creil", "Beauvais", "Compiègne", "Senlis", "Nogent-sur-Oise", "Montataire", "Clermont",
          "Méru", "Chantilly", "Crépy-en-Valois", "Noyon", "Pont-Sainte-Maxence", "Liancourt",
          "Songeons", "Gournay-en-Bray", "Grandvilliers", "Breteuil", "Saint-Just-en-Chaussée",
          "Lille", "Roubaix", "Tourcoing", "Wazemmes", "Lens", "Liévin", "Audruicq", "Arras",
          "Béthune", "Douai", "Cambrai", "Valenciennes", "Amiens", "Abbeville", "Colombelles",
          "Caen", "Hérouville", "Ifs", "Mondeville", "Bayeux", "Lisieux", "Falaise", "Vire",
          "Formerie", "Marseille-en-Beauvaisis", "Crèvecœur-le-Grand", "Froissy", "Estrées"]
KINDS = ["Association {w} de {p}", "Ville de {p}", "CCAS de {p}", "Jardins {w} de {p}",
         "Café {w} de {p}", "Épicerie solidaire {w} de {p}", "Ressourcerie {w} de {p}",
         "SCOP {w}", "Maison {w} de {p}", "Collectif {w}", "Atelier {w} de {p}",
         "Ferme {w} de {p}", "Centre social {w} de {p}", "Entreprise d'insertion {w}",
         "Compagnie {w}", "Tiers-lieu {w} de {p}", "Mission locale de {p}", "Club {w} de {p}"]
WORDS = ["des Quatre Vents", "du Moulin", "Horizon", "Solidaire", "l'Envol", "les Tilleuls",
         "la Passerelle", "Arc-en-ciel", "du Bocage", "Vivre Ensemble", "Trait d'Union",
         "les Colibris", "la Fabrique", "du Marais", "Saint-Exupéry", "Bel Air", "le Relais",
         "la Ruche", "Émergence", "Cap Avenir", "du Pays de Bray", "Terre d'Accueil",
         "les Jardiniers", "Boomerang", "Papillon", "l'Étincelle", "Nouvel Élan", "Tremplin",
         "la Clé des Champs", "les Petits Pas", "Phénix", "Archipel", "la Boussole", "Ricochet"]


def roster_names(count: int, rng: random.Random) -> list[str]:
    names: dict[str, None] = {}
    while len(names) < count:
        name = rng.choice(KINDS).format(w=rng.choice(WORDS), p=rng.choice(PLACES))
        names.setdefault(name, None)
    return list(names)


def _no_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def variant(name: str, rng: random.Random) -> str:
    """The name as a person might write it: the same organisation, recognisably."""
    choice = rng.random()
    if choice < 0.2:
        return name.upper()
    if choice < 0.35:
        return _no_accents(name).lower()
    if choice < 0.45 and name.startswith("Ville de "):
        return "Mairie de " + name[len("Ville de "):]
    if choice < 0.5 and name.startswith("CCAS de "):
        return "Centre communal d'action sociale de " + name[len("CCAS de "):]
    if choice < 0.75:
        return typo(name, rng)
    return name


def typo(name: str, rng: random.Random) -> str:
    """One letter missing, doubled or two letters swapped, in a word of 5 letters or more."""
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long:
        return name
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:j] + w[j + 1:]
    elif kind == 1:
        w = w[:j] + w[j] + w[j:]
    else:
        w = w[:j - 1] + w[j] + w[j - 1] + w[j + 1:]
    words[i] = w
    return " ".join(words)


def invented(rng: random.Random) -> str:
    return rng.choice(["Boulangerie", "Garage", "Pharmacie", "Cabinet", "Librairie"]) + " " + \
        rng.choice(["Martin", "Dupont", "Lefebvre", "Moreau", "Garnier", "Rousseau"]) + " " + \
        str(rng.randrange(1, 99))


def precision_recall(pairs: list[tuple[str | None, str | None]]) -> tuple[float, float]:
    """pairs: (expected actor or None, actor found or None)."""
    applied = [(e, f) for e, f in pairs if f is not None]
    right = sum(e == f for e, f in applied)
    should = sum(e is not None for e, _ in pairs)
    return right / max(len(applied), 1), right / max(should, 1)


def bench_matcher(actors: int, answers: int, per_answer: int, seed: int) -> None:
    rng = random.Random(seed)
    names = roster_names(actors, rng)
    ids = [f"A{i:05d}" for i in range(len(names))]
    roster = tg.Territory.from_records(
        actors=[{"id": i, "name": n, "type": "association"} for i, n in zip(ids, names,
                                                                            strict=True)])
    lines = [["Horodateur", "Structure", "Avec quelles structures travaillez-vous ?"]]
    planted: list[tuple[str, str | None]] = []
    respondents = rng.sample(range(len(names)), answers)
    for number, who in enumerate(respondents):
        cited = []
        for _ in range(per_answer):
            if rng.random() < 0.1:
                written = invented(rng)
                planted.append((written, None))
            else:
                k = rng.randrange(len(names))
                written = variant(names[k], rng)
                planted.append((written, ids[k]))
            cited.append(written)
        lines.append([f"2024-03-{1 + number % 28:02d} 10:00", names[who], " ; ".join(cited)])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reponses.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(lines)
        start = time.perf_counter()
        survey = tg.read_survey(path, roster=roster)
        elapsed = time.perf_counter() - start
    by_cited = {}
    for row in survey.matches.itertuples(index=False):
        if row.status in ("exact", "probable"):
            by_cited[" ".join(row.cited.split()).casefold()] = row.actor
    found = [(expected, by_cited.get(" ".join(w.split()).casefold())) for w, expected in planted]
    precision, recall = precision_recall(found)
    statuses = survey.matches["status"].value_counts().to_dict()
    print(f"read_survey: {answers} answers x {per_answer} names against {actors} actors: "
          f"{elapsed:.2f} s (target < 5 s)")
    print(f"  names: {len(planted)} cited, {len(survey.matches)} distinct; statuses {statuses}")
    print(f"  pairing precision {precision:.3f}, recall {recall:.3f} (targets >= 0.95)")
    matcher = Matcher(dict(zip(ids, names, strict=True)))
    start = time.perf_counter()
    for written, _ in planted:
        matcher.match(written)
    print(f"  Matcher alone: {time.perf_counter() - start:.2f} s for {len(planted)} names")


def bench_merge(size: int, shared: int, seed: int) -> None:
    rng = random.Random(seed + 1)
    names = roster_names(2 * size - shared, rng)
    first = names[:size]
    second_own = names[size:]
    common = rng.sample(range(size), shared)
    second = [(variant(first[i], rng), f"A{i:05d}") for i in common] + \
        [(n, None) for n in second_own]
    rng.shuffle(second)
    a = tg.Territory.from_records(actors=[{"id": f"A{i:05d}", "name": n, "type": "association"}
                                          for i, n in enumerate(first)], name="liste 1")
    b = tg.Territory.from_records(actors=[{"id": f"B{i:05d}", "name": n, "type": "association"}
                                          for i, (n, _) in enumerate(second)], name="liste 2")
    expected = {f"B{i:05d}": e for i, (_, e) in enumerate(second)}
    start = time.perf_counter()
    m = tg.merge([a, b])
    elapsed = time.perf_counter() - start
    rows = m.matches[m.matches["source"] == "liste 2"]
    found = [(expected[r.source_id], r.actor if r.actor in set(a.actors.index) else None)
             for r in rows.itertuples(index=False)]
    precision, recall = precision_recall(found)
    print(f"merge: {size} + {len(second)} actors, {shared} planted duplicates: {elapsed:.2f} s")
    print(f"  pairing precision {precision:.3f}, recall {recall:.3f} (targets >= 0.95); "
          f"{len(m.territory.actors)} actors after merging (expected {2 * size - shared})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--names", type=int, default=12, help="names cited per answer")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    bench_matcher(args.actors, args.answers, args.names, args.seed)
    bench_merge(500, 300, args.seed)


if __name__ == "__main__":
    main()
