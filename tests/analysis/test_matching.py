"""The French resource/need matcher: word families, senses, compounds, heads (issue 8)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from territoire_graphe.analysis._matching import answers, concepts, read

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize(
    ("resource", "need"),
    [
        ("apprentissage de la soudure", "apprendre à souder"),  # verb / noun family
        ("formation aux premiers secours", "former les animateurs au secourisme"),
        ("camion benne", "évacuer les gravats du chantier"),
        ("copeaux de bois", "paillage pour les massifs"),
        ("médiation numérique", "aide aux démarches en ligne"),  # a qualifier of the head
        ("études de marché", "étude de faisabilité pour une cantine"),
    ],
)
def test_pairs_a_person_agrees_with(resource: str, need: str) -> None:
    assert answers(resource, need)


@pytest.mark.parametrize(
    ("resource", "need"),
    [
        ("chambre froide", "chambre de commerce"),  # a compound is one thing
        ("bois de chauffage", "bois sacré à protéger"),
        ("hébergement temporaire", "hébergement du site internet"),  # two senses
        ("réseau de bénévoles", "réseau d'eau à refaire"),  # same head, different "de"
        ("garde de nuit", "garde des clés de la salle"),
        ("infirmière scolaire", "un véhicule pour la tournée de l'infirmière"),  # head
        ("salle de sport", "sport adapté pour les seniors"),
        ("données sur la précarité alimentaire", "don de denrées alimentaires"),  # data
        ("traiteur local", "traitement des eaux usées"),  # two nouns, no verb: no family
        ("vente de plants", "vente d'un bâtiment"),  # a generic act is not a subject
    ],
)
def test_false_friends(resource: str, need: str) -> None:
    assert not answers(resource, need)


def test_verb_families_need_a_verb() -> None:
    # "chauffage" and "chauffeur" share letters but no verb joins them.
    assert not answers("chauffeur bénévole", "chauffage du local")
    assert answers("livreur à vélo", "livrer les colis")


def test_senses_use_the_words_of_the_text() -> None:
    assert concepts("hébergement du site web") == frozenset({"digital", "communication"})
    assert "housing" in concepts("hébergement d'urgence")
    assert "funding" in concepts("fonds de garantie")
    assert "funding" not in concepts("fonds de livres anciens")


def test_head_and_purpose() -> None:
    r = read("un véhicule pour la tournée de l'infirmière")
    assert r.units[0][0] == "vehicule"
    assert r.thing == 1  # the purpose starts after the vehicle


def test_corpus_figures() -> None:
    # The labelled corpus the rules were written on: a floor, not a held-out figure.
    with (DATA / "matching_pairs.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    tp = sum(1 for r in rows if r["answers"] == "oui" and answers(r["resource"], r["need"]))
    fp = sum(1 for r in rows if r["answers"] == "non" and answers(r["resource"], r["need"]))
    true = sum(1 for r in rows if r["answers"] == "oui")
    assert tp / (tp + fp) >= 0.90 and tp / true >= 0.80
