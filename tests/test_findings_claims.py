"""Every finding is a claim: a checker recomputes it from the territory by another route.

The checkers build their own graph from ``Territory.relations`` (networkx, brute force) and
never call the finders' code. They run over the five samples and over 320 generated
territories: connected, in pieces, with isolated actors, tensions, directed flows with
amounts, dependencies, duplicate relations, people, collectives, resources and needs.
Each kind of finding states its claim in docs/constats.md; a finding code without a
checker fails the suite. A grammar lint runs over every sentence, in French and English.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from collections import defaultdict
from collections.abc import Sequence

import networkx as nx
import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.data import sample_path
from territoire_graphe.vocabulary import default_vocabulary

VOC = default_vocabulary()
SAMPLES = [
    "colombelles_tzcld.xlsx",
    "lens_lievin_alimentation.xlsx",
    "pays_de_bray_2023.xlsx",
    "pays_de_bray_2024.xlsx",
    "voisinerie_wazemmes.xlsx",
]
TYPES = [
    "association",
    "entreprise",
    "commune",
    "financeur",
    "entreprise de l'ESS",
    "intercommunalité",
    "fondation",
]
TIES = ["coopération", "interconnaissance", "partenariat", "gouvernance"]
FLOWS = ["financement", "achat / prestation", "biens / matières"]
NAMES = [
    "Association Les Amis",
    "Atelier Bray",
    "Département du Nord",
    "Ville de Creil",
    "Les Jardins",
    "Le Bocal",
    "Centre social",
    "Épicerie solidaire",
    "Union locale",
    "Ferme Dupont",
    "Institut Pasteur",
    "Maison des familles",
    "Scop Bois",
    "CAF",
    "Oise Habitat",
    "Fondation Abbé",
]
RESOURCES = [
    "Véhicule utilitaire",
    "Salle de réunion",
    "Subvention de fonctionnement",
    "Formation des bénévoles",
    "Comptabilité et paie",
    "Légumes bio",
    "Graphiste",
    "Terrain de 2 hectares",
]
NEEDS = [
    "Un véhicule pour livrer",
    "Un local pour nos réunions",
    "Financement d'un poste",
    "Former nos bénévoles",
    "Un comptable",
    "Approvisionnement de la cantine",
    "Création d'un logo",
    "Foncier agricole",
]
COMMUNES = ["Creil", "Beauvais", "Le Havre", "Amiens", "Songeons"]


# -- generated territories ---------------------------------------------------------------
def generate(seed: int) -> tg.Territory:
    """A territory whose shape depends on the seed: pieces, isolates, tensions, flows..."""
    rng = random.Random(seed)
    n = rng.randint(5, 36)
    ids = [f"a{i:02d}" for i in range(n)]
    actors = [
        {
            "id": a,
            "name": f"{rng.choice(NAMES)} {i}",
            "type": rng.choice(TYPES),
            "municipality": rng.choice(COMMUNES),
            "functions": rng.sample(["se nourrir", "habiter", "travailler"], rng.randint(0, 2)),
        }
        for i, a in enumerate(ids)
    ]
    pieces = rng.choice([1, 1, 2, 3])
    isolated = rng.randint(0, 3) if n > 8 else 0
    linked = ids[: n - isolated]
    groups = [linked[i::pieces] for i in range(pieces)]
    relations = []

    def rel(a: str, b: str, kind: str, **extra) -> None:
        entry = VOC.relation(kind)
        relations.append(
            {
                "source": a,
                "target": b,
                "type": kind,
                "family": entry.family,
                "weight": float(rng.randint(1, 3)),
                "directed": bool(entry.directed),
                **extra,
            }
        )

    for group in groups:
        for i in range(1, len(group)):  # a random tree per piece, then a few more ties
            rel(group[i], group[rng.randrange(i)], rng.choice(TIES))
        for _ in range(rng.randint(0, len(group))):
            a, b = rng.sample(group, 2) if len(group) > 1 else (group[0], group[0])
            if a != b:
                rel(a, b, rng.choice(TIES + FLOWS))
    for _ in range(rng.randint(0, 3)):  # tensions, sometimes between tied actors
        a, b = rng.sample(ids, 2)
        rel(a, b, "tension")
    for _ in range(rng.randint(0, 6)):  # funding with or without amounts, other flows
        a, b = rng.sample(linked or ids, 2)
        kind = rng.choice(FLOWS)
        extra = (
            {"quantity": float(rng.choice([1000, 5000, 20000])), "unit": "€"}
            if kind == "financement" and seed % 2
            else {}
        )
        rel(a, b, kind, **extra)
    for _ in range(rng.randint(0, 4)):  # dependencies
        a, b = rng.sample(ids, 2)
        rel(a, b, rng.choice(["dépendance", "mutualisation", "effet utile"]))
    if relations and seed % 3 == 0:  # duplicate relations
        relations.extend(dict(r) for r in rng.sample(relations, min(3, len(relations))))
    collectives = [
        {"id": f"c{i}", "name": f"Collectif {i}", "type": "PTCE"} for i in range(rng.randint(0, 2))
    ]
    memberships = [
        {"actor": a, "collective": c["id"]}
        for c in collectives
        for a in rng.sample(ids, min(n, rng.randint(3, 6)))
    ]
    people = []
    if seed % 4 == 0 and relations:
        holder = relations[0]["source"]
        people = [{"id": "p1", "name": "Claire M.", "actor": holder}]
        for r in relations:
            if r["source"] == holder and r["type"] != "tension":
                r["source_person"] = "p1"
    resources = [
        {
            "actor": rng.choice(ids),
            "resource": rng.choice(RESOURCES),
            "category": rng.choice(["locaux", "matériel", ""]),
        }
        for _ in range(rng.randint(0, 5))
    ]
    needs = [
        {
            "actor": rng.choice(ids),
            "need": rng.choice(NEEDS),
            "category": rng.choice(["locaux", "matériel", ""]),
        }
        for _ in range(rng.randint(0, 5))
    ]
    t = tg.Territory.from_records(
        actors=actors,
        relations=relations,
        collectives=collectives,
        memberships=memberships,
        people=people,
        resources=resources,
        needs=needs,
        name=f"généré {seed}",
    )
    if seed % 5 == 0:
        t.graph.graph["territory"] = {"perimeter": rng.sample(COMMUNES, 2)}
    return t


# -- the checkers' own view of the territory ----------------------------------------------
class View:
    """The territory rebuilt from its tables, without the package's projections."""

    def __init__(self, t: tg.Territory, d: tg.Diagnosis):
        self.t, self.d = t, d
        r = t.relations
        self.r = r[r["source"] != r["target"]] if len(r) else r
        self.g = nx.Graph()
        self.g.add_nodes_from(t.actors.index)
        for a, b, kind in zip(
            self.r.get("source", []), self.r.get("target", []), self.r.get("type", []), strict=True
        ):
            if kind != "tension":
                self.g.add_edge(a, b)
        self.members: dict[str, set[str]] = defaultdict(set)
        for a, c in zip(
            t.memberships.get("actor", []), t.memberships.get("collective", []), strict=True
        ):
            self.members[c].add(a)

    def related(self, a: str, b: str) -> set[str]:
        r = self.r
        rows = r[
            ((r["source"] == a) & (r["target"] == b)) | ((r["source"] == b) & (r["target"] == a))
        ]
        return set(rows["type"])

    def collectives_of(self, a: str) -> set[str]:
        return {c for c, m in self.members.items() if a in m}


def fragmentation(g: nx.Graph, removed=()) -> float:
    h = g.subgraph(set(g) - set(removed))
    n = h.number_of_nodes()
    if n < 2:
        return float("nan")
    return 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(h)) / (n * (n - 1))


def check_isolated(v: View, f: dict) -> None:
    assert set(f["actors"]) == {a for a in v.g if v.g.degree(a) == 0}
    assert f["figures"]["isolated"] == len(f["actors"])
    tense = v.r[v.r["type"] == "tension"]
    assert set(f["figures"]["in_tension"]) == set(f["actors"]) & (
        set(tense["source"]) | set(tense["target"])
    )


def check_pendant(v: View, f: dict) -> None:
    assert set(f["actors"]) == {a for a in v.g if v.g.degree(a) == 1}


def check_groups(v: View, f: dict) -> None:
    types = v.t.actors["type"]
    ga, gb = f["figures"]["group_a"], f["figures"]["group_b"]
    ties = sum(1 for a, b in v.g.edges() if {types[a], types[b]} == {ga, gb})
    assert ties == f["figures"]["ties"]
    assert f["figures"]["possible"] == (types == ga).sum() * (types == gb).sum()


def check_communes(v: View, f: dict) -> None:
    town = v.t.actors["municipality"]
    ca, cb = f["figures"]["group_a"], f["figures"]["group_b"]
    assert not any({town[a], town[b]} == {ca, cb} for a, b in v.g.edges())
    if v.t.perimeter:
        assert ca in v.t.perimeter and cb in v.t.perimeter


def _plain(value: object) -> str:
    """Case, accents and spacing ignored: the checker's own normalisation."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded.lower()).split())


def check_outside(v: View, f: dict) -> None:
    perimeter = {_plain(c) for c in v.t.perimeter}
    town = v.t.actors["municipality"]
    outside = sorted(
        (
            a
            for a, c in town.items()
            if str(c).strip() and pd.notna(c) and _plain(c) not in perimeter
        ),
        key=str,
    )
    assert sorted(f["actors"], key=str) == outside
    assert f["figures"]["outside"] == len(outside)
    counted: dict[str, int] = defaultdict(int)
    for a in outside:
        counted[str(town[a])] += 1
    assert f["figures"]["communes"] == dict(counted)


def check_ei(v: View, f: dict) -> None:
    types = v.t.actors["type"]
    external = sum(1 for a, b in v.g.edges() if types[a] != types[b])
    internal = v.g.number_of_edges() - external
    assert f["figures"]["ei_index"] == pytest.approx((external - internal) / (external + internal))


def check_single_bridge(v: View, f: dict) -> None:
    community = v.d.actors["community"]
    ca, cb = f["figures"]["community_a"], f["figures"]["community_b"]
    hub = f["actors"][0]
    between = [(a, b) for a, b in v.g.edges() if {community[a], community[b]} == {ca, cb}]
    assert between and all(hub in edge for edge in between)


def check_members(v: View, f: dict) -> None:
    members = v.members[f["figures"]["collective"]]
    for a in f["actors"]:
        assert not any(v.g.has_edge(a, b) for b in members if b != a)


def check_introduction(v: View, f: dict, a: str, b: str) -> None:
    figures = f["figures"]
    if "introducer" in figures:
        x = figures["introducer"]
        assert v.g.has_edge(x, a) and v.g.has_edge(x, b)  # tied to both, not by a tension
    elif "co_member" in figures:
        x = figures["co_member"]
        assert a in v.members[figures["collective"]] and x in v.members[figures["collective"]]
        assert v.g.has_edge(x, b)
    elif "path" in figures:
        assert len(figures["path"]) - 1 == nx.shortest_path_length(v.g, a, b)
    else:  # "aucun chemin ne les relie"
        assert not nx.has_path(v.g, a, b)


def _text_pair(v: View, resource: str, need: str, a: str, b: str) -> None:
    c = v.d.complementarities
    rows = c[
        (c["resource_actor"] == a)
        & (c["need_actor"] == b)
        & (c["resource"] == resource)
        & (c["need"] == need)
    ]
    assert (rows["match"] == "text").any()  # said only when the texts agree


def check_isolated_resource(v: View, f: dict) -> None:
    a, b = f["actors"][:2]
    assert v.g.degree(a) == 0
    _text_pair(v, f["figures"]["resource"], f["figures"]["need"], a, b)
    check_introduction(v, f, a, b)


def check_complementarity(v: View, f: dict) -> None:
    a, b = f["actors"][:2]
    assert not v.g.has_edge(a, b)
    assert f["figures"]["tension"] == ("tension" in v.related(a, b))
    check_introduction(v, f, a, b)


def check_summary(v: View, f: dict) -> None:
    c = v.d.complementarities
    text = c[c["match"] == "text"]
    untied = [
        not v.g.has_edge(a, b)
        for a, b in zip(text["resource_actor"], text["need_actor"], strict=True)
    ]
    assert f["figures"]["matches"] == len(text) and f["figures"]["to_make"] == sum(untied)
    assert f["figures"]["new"] == sum(
        not nx.has_path(v.g, a, b)
        for a, b in zip(text["resource_actor"], text["need_actor"], strict=True)
    )
    assert f["figures"]["resources"] == len(text[["resource_actor", "resource"]].drop_duplicates())


def check_useful_effects(v: View, f: dict) -> None:
    beneficiary, *producers = f["actors"]
    for p in producers:
        assert "effet utile" in {k for k in v.related(p, beneficiary)}
        funds = v.r[
            (v.r["source"] == beneficiary) & (v.r["target"] == p) & (v.r["type"] == "financement")
        ]
        assert funds.empty
        assert not v.collectives_of(p) & v.collectives_of(beneficiary)


def check_function(v: View, f: dict) -> None:
    actors = f["actors"]
    linked = sum(1 for a, b in itertools.combinations(actors, 2) if v.g.has_edge(a, b))
    assert linked == f["figures"]["linked"] and len(actors) == f["figures"]["actors"]


def check_suggestion(v: View, f: dict) -> None:
    a, b = f["actors"]
    assert not v.related(a, b)  # no relation at all, a tension included


def check_cut_point(v: View, f: dict) -> None:
    x, *cut = f["actors"]
    own = nx.node_connected_component(v.g, x) - {x}
    parts = list(nx.connected_components(v.g.subgraph(own)))
    kept = own - set(cut)  # what the cut-off actors lose: a largest part (ties: any of them)
    assert kept in parts and len(kept) == max(len(p) for p in parts)
    assert len(cut) == f["figures"]["actors_cut_off"] and f["figures"]["rest"] == len(kept)
    if f["figures"]["main_component"]:  # "le reste du réseau": x's component is the largest
        sizes = sorted((len(c) for c in nx.connected_components(v.g)), reverse=True)
        assert len(own) + 1 == sizes[0] and (len(sizes) == 1 or sizes[1] < sizes[0])


def check_bridge(v: View, f: dict) -> None:
    small, large = f["actors"]
    h = v.g.copy()
    h.remove_edge(small, large)
    assert not nx.has_path(h, small, large)
    assert len(nx.node_connected_component(h, small)) == f["figures"]["side"]


def check_person(v: View, f: dict) -> None:
    actor, person = f["actors"][0], f["figures"]["person"]
    r = v.r[v.r["type"] != "tension"]
    total = carried = 0
    for s, t_, sp, tp in zip(
        r["source"], r["target"], r["source_person"], r["target_person"], strict=True
    ):
        for end, who in ((s, sp), (t_, tp)):
            if end == actor:
                total += 1
                carried += who == person
    assert (carried, total) == (f["figures"]["ties_carried"], f["figures"]["ties_total"])
    assert carried >= 2 / 3 * total - 1e-9


def check_fragment(v: View, f: dict) -> None:
    chosen = f["actors"]
    assert f["figures"]["fragmentation_before"] == pytest.approx(fragmentation(v.g))
    assert f["figures"]["fragmentation_after"] == pytest.approx(fragmentation(v.g, chosen))
    if f["figures"]["exact"] and len(v.g) <= 20:  # "le plus": brute force over every set
        best = max(fragmentation(v.g, s) for s in itertools.combinations(v.g, len(chosen)))
        assert f["figures"]["fragmentation_after"] == pytest.approx(best)


def check_mobilise(v: View, f: dict) -> None:
    members = f["actors"]
    assert all(v.g.degree(a) > 0 for a in members)  # never an actor without ties
    reached = set()
    for a in members:
        reached |= set(nx.single_source_shortest_path_length(v.g, a, cutoff=f["figures"]["steps"]))
    assert len(reached - set(members)) == f["figures"]["reached"]
    alone = [a for a in v.g if v.g.degree(a) == 0]
    assert f["figures"].get("unreachable", 0) == len(alone)


def check_broker(v: View, f: dict) -> None:
    exact = nx.betweenness_centrality(v.g)
    top = f["actors"][0]
    assert exact[top] == pytest.approx(max(exact.values()), abs=1e-9)
    types = v.t.actors["type"]
    assert len({types[b] for b in v.g[top]}) == f["figures"]["partner_types"] >= 2


def check_tension(v: View, f: dict) -> None:
    a, b = f["actors"]
    kinds = v.related(a, b)
    assert "tension" in kinds
    assert set(f["figures"]["other_relations"]) == kinds - {"tension"}
    assert set(f["figures"]["collectives"]) == v.collectives_of(a) & v.collectives_of(b)
    assert f["figures"]["bridge"] == (
        v.g.has_edge(a, b) and (a, b) in {*nx.bridges(v.g), *((y, x) for x, y in nx.bridges(v.g))}
    )


def check_funding(v: View, f: dict) -> None:
    fig = f["figures"]
    rows = v.r[v.r["type"] == "financement"]
    if fig["recipient"] is not None:
        rows = rows[rows["target"] == fig["recipient"]]
    if fig["basis"] == "quantity":
        amounts = rows.groupby("source")["quantity"].sum()
    else:
        amounts = rows.groupby("source").size()
    assert amounts.max() == pytest.approx(amounts[fig["funder"]])
    assert (
        fig["share"] == pytest.approx(amounts[fig["funder"]] / amounts.sum()) and fig["share"] > 0.5
    )
    assert (amounts == amounts.max()).sum() == 1  # the funder named is the only largest


def check_dependency(v: View, f: dict) -> None:
    provider, *dependents = f["actors"]
    deps = v.r[
        (v.r["family"] == "interdependance")
        & (v.r["type"] != "effet utile")
        & v.r["directed"].astype(bool)
    ]
    assert len(dependents) >= 2
    for a in dependents:
        assert set(deps.loc[deps["source"] == a, "target"]) == {provider}


def check_flow(v: View, f: dict) -> None:
    flows, ties = set(), set()
    for a, b, family, kind in zip(
        v.r["source"], v.r["target"], v.r["family"], v.r["type"], strict=True
    ):
        pair = frozenset((a, b))
        if family == "flux":
            flows.add(pair)
        elif family == "lien" and kind != "tension":
            ties.add(pair)
    assert f["figures"]["pairs"] == len(flows - ties)
    for a, b in f["figures"]["shown"]:
        assert frozenset((a, b)) in flows - ties


def check_no_relation(v: View, f: dict) -> None:
    assert v.g.number_of_edges() == 0


CHECKERS = {
    "isolated": check_isolated,
    "pendant": check_pendant,
    "groups_no_tie": check_groups,
    "groups_few_ties": check_groups,
    "communes_no_tie": check_communes,
    "communes_outside": check_outside,
    "ei_closed": check_ei,
    "ei_open": check_ei,
    "community_single_bridge": check_single_bridge,
    "members_never_meet": check_members,
    "isolated_resource": check_isolated_resource,
    "complementarity_new": check_complementarity,
    "complementarity_summary": check_summary,
    "useful_effects": check_useful_effects,
    "function_fragmented": check_function,
    "function_one_tie": check_function,
    "function_no_tie": check_function,
    "suggestion": check_suggestion,
    "cut_point": check_cut_point,
    "bridge_tie": check_bridge,
    "person_dependency": check_person,
    "fragment_set": check_fragment,
    "mobilise_first": check_mobilise,
    "trusted_broker": check_broker,
    "tension": check_tension,
    "funding_concentration": check_funding,
    "single_dependency": check_dependency,
    "flow_without_tie": check_flow,
    "no_relation": check_no_relation,
}


# -- the grammar lint --------------------------------------------------------------------
_VOWEL = "AEIOUYÀÂÉÈÊËÎÏÔÛÙaeiouyàâéèêëîïôûù"


#: Nouns that open a feminine institutional name (this test's own list, not the code's).
_FEMININE_HEADS = set(
    [
        "association",
        "ville",
        "commune",
        "communauté",
        "région",
        "maison",
        "chambre",
        "caisse",
        "banque",
        "agence",
        "fédération",
        "fondation",
        "épicerie",
        "université",
        "coopérative",
        "entreprise",
        "ferme",
        "mairie",
        "mission",
        "métropole",
        "scic",
        "caf",
        "cci",
        "cpam",
        "msa",
        "cress",
        "régie",
        "boulangerie",
        "école",
        "crèche",
        "union",
        "scop",
    ]
)


def _feminine(name: str) -> bool:
    words = name.replace("’", "'").split()
    first = words[0].lower()
    if first in ("la", "les") and len(words) > 1:
        return first == "la" or words[1].lower().rstrip("s") in _FEMININE_HEADS
    if first.startswith("l'"):
        return first[2:] in _FEMININE_HEADS
    return first in _FEMININE_HEADS


#: Words that agree with the actors a sentence names: (masculine form, feminine form).
_AGREEING = [("tous deux actifs", "toutes deux actives"), ("ils touchent", "elles touchent")]


def lint(sentence: str, lang: str, names: Sequence[str] = ()) -> list[str]:
    """What a careful reader would correct in a sentence (``names``: the actors it names)."""
    problems = []
    if lang == "fr" and names:
        feminine = all(_feminine(n) for n in names)
        for masculine, female in _AGREEING:
            if masculine in sentence and feminine:
                problems.append(f"« {masculine} » for feminine names")
            if female in sentence and not feminine:
                problems.append(f"« {female} » for names not all feminine")
    if "(s)" in sentence or "(es)" in sentence or "(nt)" in sentence:
        problems.append("(s)")
    if "  " in sentence or " ." in sentence.replace(" ...", "") or " ," in sentence:
        problems.append("spacing")
    if lang == "fr":
        if re.search(rf"\b[Dd]e [{_VOWEL}]", sentence):
            problems.append("de + vowel")
        if re.search(r"\b[Dd]e (le|les|Le|Les) ", sentence) or re.search(
            r"\bà (le|les) ", sentence
        ):
            problems.append("de le / à le")
        if re.search(r"\b1 (acteurs|liens|ressources|besoins|paires|partenaires)\b", sentence):
            problems.append("1 + plural")
        for number, noun in re.findall(
            r"\b([2-9]|\d\d+) (acteur|lien|ressource|besoin|paire)\b", sentence
        ):
            problems.append(f"{number} + singular {noun}")
    else:
        if re.search(r"\b1 (actors|links|resources|needs|pairs|partners)\b", sentence):
            problems.append("1 + plural")
    return problems


def names_agree(f: dict, names: dict[str, str]) -> bool:
    """A sentence "N acteurs ... : A, B et C" names N actors (or says "et k autres")."""
    match = re.search(r"(\d+) acteurs? [^:]*: ([^.]*)\.", f["text"])
    if not match or f["code"] not in ("isolated", "pendant", "cut_point", "mobilise_first"):
        return True
    count, listed = int(match.group(1)), match.group(2).split(" ; ")[0]
    found = 0
    for name in sorted(set(names.values()), key=len, reverse=True):  # longest names first
        if name in listed:
            found += listed.count(name)
            listed = listed.replace(name, "#")
    more = re.search(r"et (\d+) autres?$", listed)
    return count == found + (int(more.group(1)) if more else 0)


# -- running them ------------------------------------------------------------------------
def check(t: tg.Territory, langs: tuple[str, ...] = ("fr", "en")) -> dict[str, int]:
    seen: dict[str, int] = defaultdict(int)
    for lang in langs:
        d = tg.diagnose(t, lang=lang, permutations=50)
        view = View(t, d)
        names = t.actors["name"].to_dict()
        for f in d.findings.to_dict("records"):
            assert f["code"] in CHECKERS, f"no checker for {f['code']}"
            assert json.loads(json.dumps(f["figures"])) == f["figures"]  # plain values
            if lang == "fr":
                CHECKERS[f["code"]](view, f)
                seen[f["code"]] += 1
                assert names_agree(f, names), f["text"]
            named = [names[a] for a in f["actors"] if a in names]
            agreeing = named if f["code"] in ("suggestion", "mobilise_first") else ()
            assert lint(f["text"], lang, agreeing) == [], (f["code"], f["text"])
    return seen


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_finding_of_the_samples_is_proven_by_its_checker(sample):
    assert check(tg.read(sample_path(sample)))


# The first 40 territories run by default; the other 280 in the slow pass (both in CI).
@pytest.mark.parametrize(
    "block", [b if b < 2 else pytest.param(b, marks=pytest.mark.slow) for b in range(16)]
)
def test_every_finding_of_320_generated_territories_is_proven_by_its_checker(block):
    seen: dict[str, int] = defaultdict(int)
    for seed in range(block * 20, block * 20 + 20):
        langs = ("fr", "en") if seed % 4 == 0 else ("fr",)  # English lint on a quarter
        for code, count in check(generate(seed), langs).items():
            seen[code] += count
    assert sum(seen.values()) > 0


def test_the_generated_territories_cover_every_kind_of_finding():
    seen: set[str] = set()
    for seed in range(0, 320, 8):
        t = generate(seed)
        seen |= set(tg.diagnose(t, permutations=0).findings["code"])
    assert {
        "tension",
        "funding_concentration",
        "flow_without_tie",
        "cut_point",
        "bridge_tie",
        "isolated",
        "mobilise_first",
        "fragment_set",
        "complementarity_new",
        "person_dependency",
    } <= seen


def test_the_lint_catches_what_it_should():
    assert lint("3 partenaire(s)", "fr") == ["(s)"]
    assert lint("Le retrait de Association X", "fr") == ["de + vowel"]
    assert lint("1 acteurs sont seuls", "fr") == ["1 + plural"]
    assert lint("entre 3 acteur et", "fr") == ["3 + singular acteur"]
    assert lint("Le retrait de l'Association X et du Département", "fr") == []
    pair = ["Ville de Creil", "Association Les Amis"]
    assert lint("tous deux actifs pour « se nourrir »", "fr", pair) == [
        "« tous deux actifs » for feminine names"
    ]
    assert lint("toutes deux actives pour « se nourrir »", "fr", pair) == []
    mixed = ["Ville de Creil", "Atelier Bray"]  # mixed genders: French takes the masculine
    assert lint("tous deux actifs pour « se nourrir »", "fr", mixed) == []
    assert lint("mobilisez d'abord X et Y : elles touchent 5", "fr", mixed) == [
        "« elles touchent » for names not all feminine"
    ]
