"""A small roster for the collect tests, built in code."""

from __future__ import annotations

import pytest

import territoire_graphe as tg

ACTORS = [
    ("V", "Ville de Creil", "commune", "Creil"),
    ("C", "CAF de l'Oise", "établissement public", "Beauvais"),
    ("A", "ARDES", "association", "Colombelles"),
    ("J", "Jardins du Bray", "entreprise de l'ESS", "Songeons"),
    ("M", "Maison d'Économie Solidaire", "entreprise de l'ESS", "Saint-Germer-de-Fly"),
    ("K", "Café numérique", "association", "Creil"),
    ("P", "PTCE Émergence Sud Oise", "tête de réseau / accompagnement", "Creil"),
    ("B", "Banque alimentaire de l'Oise", "association", "Beauvais"),
]


def make_roster(relations=()) -> tg.Territory:
    return tg.Territory.from_records(
        actors=[{"id": i, "name": n, "type": t, "municipality": c} for i, n, t, c in ACTORS],
        relations=[{"source": s, "target": t, "type": y} for s, t, y in relations],
        name="Sud Oise",
    )


@pytest.fixture
def roster() -> tg.Territory:
    # one relation already known: V - A coopération (to verify in the questionnaires)
    return make_roster([("V", "A", "coopération")])
