"""Territories built in code for the map tests, and a Diagnosis computed by hand with networkx.

``make_diagnosis(t)`` fills the fields of the Diagnosis contract from plain networkx
computations on ``t.analysis_graph``, so these tests do not depend on the analysis
package; the lead may switch it to ``territoire_graphe.diagnose``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest

from territoire_graphe.analysis.keyplayers import KeyPlayers
from territoire_graphe.diagnosis import Diagnosis
from territoire_graphe.model import Territory

ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"

# Organisations of the Pays de Bray kind (types and communes are real; people are invented).
_ORGANISATIONS = [
    ("Communauté de communes du Pays de Bray", "intercommunalité", "Songeons"),
    ("Commune de Songeons", "commune", "Songeons"),
    ("Commune de Gournay-en-Bray", "commune", "Gournay-en-Bray"),
    ("Commune de Saint-Germer-de-Fly", "commune", "Saint-Germer-de-Fly"),
    ("Commune de Lachapelle-aux-Pots", "commune", "Lachapelle-aux-Pots"),
    ("Département de l'Oise", "département", "Beauvais"),
    ("Région Hauts-de-France", "région", "Lille"),
    ("DDETS de l'Oise", "État / service déconcentré", "Beauvais"),
    ("CAF de l'Oise", "établissement public", "Beauvais"),
    ("France Travail Beauvais", "établissement public", "Beauvais"),
    ("Mission locale du Beauvaisis", "établissement public", "Beauvais"),
    ("Chambre de Métiers et de l'Artisanat", "chambre consulaire", "Beauvais"),
    ("Maison d'Économie Solidaire du Pays de Bray", "entreprise de l'ESS", "Songeons"),
    ("Les Jardins du Bray", "entreprise de l'ESS", "Gournay-en-Bray"),
    ("Bray Insertion Bâtiment", "entreprise de l'ESS", "Songeons"),
    ("Atelier Bray Éco-Conception", "entreprise de l'ESS", "Songeons"),
    ("Ressourcerie du Pays de Bray", "entreprise de l'ESS", "Saint-Germer-de-Fly"),
    ("Bati-Coop Oise", "entreprise de l'ESS", "Beauvais"),
    ("Pépinière d'artisans PLASS", "entreprise", "Songeons"),
    ("Menuiserie du Thérain", "entreprise", "Songeons"),
    ("Bray Charpente Bois", "entreprise", "Gournay-en-Bray"),
    ("Ferronnerie des Deux Vallées", "entreprise", "Lachapelle-aux-Pots"),
    ("Poterie de la Chapelle", "entreprise", "Lachapelle-aux-Pots"),
    ("Fromagerie du Bray normand", "entreprise", "Gournay-en-Bray"),
    ("Ferme du Thérain", "entreprise", "Songeons"),
    ("Sellerie du Bray", "entreprise", "Saint-Germer-de-Fly"),
    ("AMAP des Trois Vallées", "association", "Songeons"),
    ("Épicerie solidaire du Bray", "association", "Gournay-en-Bray"),
    ("Repair Café du Bray", "association", "Saint-Germer-de-Fly"),
    ("Centre social rural du Pays de Bray", "association", "Songeons"),
    ("Comité des fêtes de Songeons", "association", "Songeons"),
    ("Secours populaire de Gournay", "association", "Gournay-en-Bray"),
    ("Les Amis de la Poterie", "association", "Lachapelle-aux-Pots"),
    ("Banque des Territoires Hauts-de-France", "financeur", "Lille"),
    ("Crédit Coopératif agence d'Amiens", "financeur", "Amiens"),
    ("France Active Picardie", "tête de réseau / accompagnement", "Amiens"),
    ("CRESS Hauts-de-France", "tête de réseau / accompagnement", "Lille"),
    ("Fondation de France Nord", "fondation", "Lille"),
    ("UniLaSalle Beauvais", "formation / recherche", "Beauvais"),
    ("CFA du BTP de l'Oise", "formation / recherche", "Beauvais"),
    ("Lycée des métiers du bâtiment du Beauvaisis", "formation / recherche", "Beauvais"),
    ("Oise Habitat", "bailleur social", "Beauvais"),
    (
        "Collectif des sociétaires citoyens de la MES",
        "citoyens / collectif d'habitants",
        "Songeons",
    ),
    ("Conseil citoyen de Gournay", "citoyens / collectif d'habitants", "Gournay-en-Bray"),
    ("Gournay Éco-Habitat", "association", "Gournay-en-Bray"),
    ("Espace conseil France Rénov'", "établissement public", "Beauvais"),
    ("Chanvre de Thiérache", "entreprise", "Hirson"),
    ("Tiers-lieu La Fabrique de Songeons", "association", "Songeons"),
    ("Office de tourisme du Pays de Bray", "établissement public", "Gournay-en-Bray"),
    ("Les Scop Hauts-de-France", "tête de réseau / accompagnement", "Lille"),
]
_TIES = ["coopération", "partenariat", "interconnaissance", "convention", "gouvernance"]
_FLOWS = ["financement", "achat / prestation", "biens / matières", "information", "personnes"]
_FAMILY = {
    **{t: "lien" for t in [*_TIES, "tension"]},
    **{f: "flux" for f in _FLOWS},
    "dépendance": "interdependance",
    "mutualisation": "interdependance",
}


def council_territory(n_extra_isolated: int = 2, seed: int = 7) -> Territory:
    """A 50-actor territory like a committee would map: hubs, communities, isolates, all families."""
    rng = random.Random(seed)
    actors = [
        {
            "id": f"A{i:02d}",
            "name": name,
            "type": kind,
            "municipality": commune,
            "functions": rng.sample(
                [
                    "se nourrir",
                    "habiter",
                    "travailler",
                    "se former",
                    "se cultiver",
                    "se déplacer",
                    "se soigner",
                ],
                2,
            ),
        }
        for i, (name, kind, commune) in enumerate(_ORGANISATIONS)
    ]
    ids = [a["id"] for a in actors]
    isolated = set(ids[-n_extra_isolated:])  # the last ones get no relation
    linked = [i for i in ids if i not in isolated]
    groups = [linked[0:12], linked[12:26], linked[26:38], linked[38:]]
    hubs = ["A12", "A00", "A29", "A05"]
    relations: list[dict[str, Any]] = []

    def add(a: str, b: str, kind: str, **extra: Any) -> None:
        family = _FAMILY[kind]
        relations.append(
            {
                "source": a,
                "target": b,
                "type": kind,
                "family": family,
                "weight": extra.pop("weight", 1.0),
                "directed": family in ("flux",) or kind == "dépendance",
                **extra,
            }
        )

    for group, hub in zip(groups, hubs, strict=True):
        for member in group:
            if member != hub:
                add(hub, member, rng.choice(_TIES), weight=float(rng.randint(1, 3)))
        for _ in range(len(group)):
            a, b = rng.sample(group, 2)
            add(a, b, rng.choice(_TIES))
    for a, b in [("A12", "A00"), ("A00", "A05"), ("A29", "A12")]:
        add(a, b, "partenariat", weight=3.0)
    for source, target, quantity in [
        ("A06", "A12", 120000),
        ("A05", "A13", 45000),
        ("A33", "A12", 80000),
        ("A00", "A29", 15000),
        ("A37", "A27", 5000),
    ]:
        add(source, target, "financement", quantity=float(quantity), unit="€")
    add("A24", "A26", "biens / matières", quantity=12.0, unit="t")
    add("A09", "A14", "personnes")
    add("A13", "A24", "dépendance", comment="Débouché unique pour les légumes")
    add("A12", "A15", "mutualisation")
    add("A21", "A18", "tension", comment="Concurrence sur un chantier")
    add("A45", "A46", "coopération")  # a pair apart from the rest: two pendant actors
    people = [
        {"id": "P1", "name": "Claire Vasseur", "actor": "A12", "position": "directrice"},
        {"id": "P2", "name": "Hugo Lemaire", "actor": "A12", "position": "chargé de mission"},
        {"id": "P3", "name": "Nadia Berthelot", "actor": "A00", "position": "DGS"},
    ]
    relations.append(
        {
            "source": "A12",
            "target": "A00",
            "type": "interconnaissance",
            "family": "lien",
            "directed": False,
            "source_person": "P1",
            "target_person": "P3",
            "comment": "Claire Vasseur connaît bien la DGS",
        }
    )
    resources = [
        {"actor": "A18", "resource": "atelier partagé", "category": "locaux"},
        {"actor": "A41", "resource": "foncier disponible", "category": "foncier"},
    ]
    needs = [
        {"actor": "A20", "need": "atelier de découpe", "category": "locaux"},
        {"actor": "A43", "need": "terrain pour un chantier", "category": "foncier"},
    ]
    return Territory.from_records(
        actors=actors,
        relations=relations,
        people=people,
        resources=resources,
        needs=needs,
        name="Pays de Bray (test)",
        date=pd.Timestamp("2024-06-30"),
    )


HOSTILE = [
    "</script><script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 1">',
    "\"';alert(1)//",
    "<svg onload=window.__pwned=1>",
    "Ligne\u2028séparée & <b>gras</b>",
]


def hostile_territory() -> Territory:
    """Names, communes, types, comments and people that try to run code."""
    actors = [
        {
            "id": f"H{i}",
            "name": name,
            "type": "association",
            "municipality": '<img src=x onerror="window.__pwned=2">',
        }
        for i, name in enumerate(HOSTILE)
    ]
    actors.append(
        {
            "id": "H9",
            "name": "Mairie",
            "type": "<script>window.__pwned=3</script>",
            "municipality": "Songeons",
            "sector": "<iframe src=javascript:alert(1)>",
        }
    )
    relations = [
        {
            "source": f"H{i}",
            "target": "H9",
            "type": "coopération",
            "family": "lien",
            "comment": "<script>window.__pwned=4</script>",
        }
        for i in range(len(HOSTILE))
    ]
    relations.append(
        {
            "source": "H0",
            "target": "H1",
            "type": "financement",
            "family": "flux",
            "directed": True,
            "quantity": 10.0,
            "unit": "<b onmouseover=alert(1)>€",
        }
    )
    people = [
        {
            "id": "P1",
            "name": "<script>window.__pwned=5</script>",
            "actor": "H9",
            "position": "<img src=x onerror=alert(1)>",
        }
    ]
    return Territory.from_records(
        actors=actors, relations=relations, people=people, name="<script>window.__pwned=6</script>"
    )


def make_diagnosis(t: Territory, *, lang: str = "fr", hostile_text: str | None = None) -> Diagnosis:
    """The Diagnosis fields, computed with networkx on ``t.analysis_graph``."""
    g = t.analysis_graph
    names = t.actors["name"].astype(str)
    degree = dict(g.degree())
    communities = (
        nx.community.louvain_communities(g, seed=1) if g.number_of_edges() else [{n} for n in g]
    )
    community = {
        n: i for i, c in enumerate(sorted(communities, key=lambda c: (-len(c), min(c)))) for n in c
    }
    component = {
        n: i
        for i, c in enumerate(sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c))))
        for n in c
    }
    cut_points = set(nx.articulation_points(g))
    bridges = sorted(tuple(sorted(e)) for e in nx.bridges(g))
    ranked = sorted(g, key=lambda n: (-degree[n], n))
    reach = KeyPlayers(actors=tuple(ranked[:3]), score=0.8, goal="reach", method="greedy+swap")
    try:
        eigen = (
            nx.eigenvector_centrality_numpy(g) if g.number_of_edges() > 1 else dict.fromkeys(g, 0.0)
        )
    except (nx.NetworkXException, ArithmeticError):
        eigen = dict.fromkeys(g, 0.0)
    actors = pd.DataFrame(
        {
            "name": names,
            "type": t.actors["type"],
            "municipality": t.actors["municipality"],
            "degree": pd.Series(degree),
            "strength": pd.Series(dict(g.degree(weight="weight"))),
            "betweenness": pd.Series(nx.betweenness_centrality(g)),
            "closeness": pd.Series(nx.closeness_centrality(g)),
            "eigenvector": pd.Series(eigen),
            "pagerank": pd.Series(nx.pagerank(g)),
            "constraint": pd.Series(nx.constraint(g)),
            "community": pd.Series(community),
            "component": pd.Series(component),
            "is_isolated": pd.Series({n: degree[n] == 0 for n in g}),
            "is_pendant": pd.Series({n: degree[n] == 1 for n in g}),
            "is_articulation_point": pd.Series({n: n in cut_points for n in g}),
            "is_key_player": pd.Series({n: n in reach.actors for n in g}),
        }
    ).reindex(t.actors.index)
    isolated = [n for n in t.actors.index if degree[n] == 0]
    rows = [
        {
            "code": "mobilise_first",
            "category": "mobilisation",
            "priority": 1,
            "text": "Pour faire circuler une invitation, commencez par "
            + ", ".join(names[a] for a in reach.actors)
            + ".",
            "figures": {"reach": 0.8},
            "actors": list(reach.actors),
        },
        {
            "code": "isolated",
            "category": "interconnaissance",
            "priority": 2,
            "text": f"{len(isolated)} acteurs n'ont aucun lien : "
            + ", ".join(names[a] for a in isolated),
            "figures": {"isolated": len(isolated)},
            "actors": isolated,
        },
        {
            "code": "cut_points",
            "category": "fragilite",
            "priority": 3,
            "text": "Sans ces acteurs, le réseau se couperait en morceaux.",
            "figures": {},
            "actors": sorted(cut_points),
        },
    ]
    if hostile_text:
        rows.append(
            {
                "code": "hostile",
                "category": "test",
                "priority": 4,
                "text": hostile_text,
                "figures": {},
                "actors": list(t.actors.index[:2]),
            }
        )
    findings = pd.DataFrame(
        rows, columns=["code", "category", "priority", "text", "figures", "actors"]
    )
    suggestions = []
    for a, b in sorted(nx.non_edges(g)):
        common = sorted(set(g[a]) & set(g[b]))
        if len(common) >= 2:
            suggestions.append(
                {
                    "source": a,
                    "target": b,
                    "reason": "common_partners",
                    "text": f"{names[a]} et {names[b]} ont {len(common)} partenaires en commun.",
                    "score": float(len(common)),
                }
            )
    suggestions = sorted(suggestions, key=lambda s: (-s["score"], s["source"], s["target"]))[:4]
    matches = []
    for _, need in t.needs.iterrows():
        for _, offer in t.resources[t.resources["category"] == need["category"]].iterrows():
            linked = g.has_edge(offer["actor"], need["actor"])
            matches.append(
                {
                    "resource_actor": offer["actor"],
                    "need_actor": need["actor"],
                    "category": need["category"],
                    "resource": offer["resource"],
                    "need": need["need"],
                    "status": "existing" if linked else "new",
                    "path": [],
                }
            )
    labels = pd.DataFrame(
        [
            {
                "community": c,
                "size": sum(1 for v in community.values() if v == c),
                "label": f"Groupe {c + 1}",
            }
            for c in sorted(set(community.values()))
        ]
    )
    return Diagnosis(
        territory=t,
        actors=actors,
        indicators=pd.Series({"actors": len(g)}),
        bridges=bridges,
        findings=findings,
        key_players={"reach": reach},
        suggestions=pd.DataFrame(suggestions),
        complementarities=pd.DataFrame(matches),
        communities=labels,
        lang=lang,
    )


@pytest.fixture(name="make_diagnosis")
def make_diagnosis_fixture() -> Callable[..., Diagnosis]:
    return make_diagnosis


@pytest.fixture(scope="session")
def council() -> Territory:
    return council_territory()


@pytest.fixture(scope="session")
def council_diagnosis(council: Territory) -> Diagnosis:
    return make_diagnosis(council)


@pytest.fixture(scope="session")
def hostile() -> Territory:
    return hostile_territory()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
