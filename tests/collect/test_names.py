"""Names matched as a person would: normalisation, then a fuzzy score, never a guess."""

from __future__ import annotations

import pytest

from territoire_graphe.collect.names import Matcher, normalise

ROSTER = {
    "v": "Ville de Creil",
    "c": "CAF de l'Oise",
    "cc": "Communauté de communes du Pays de Bray",
    "s": "CCAS de Lille",
    "m": "Chambre de Métiers et de l'Artisanat de l'Oise",
    "j": "Jardins du Bray",
    "b": "Ville de Beauvais",
    "e": "Maison d'Économie Solidaire",
}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Mairie de Creil", "v"),
        ("COMMUNE DE CREIL", "v"),
        ("ville  de creil.", "v"),
        ("CAF Oise", "c"),
        ("Caisse d'allocations familiales de l'Oise", "c"),
        ("CC du Pays de Bray", "cc"),
        ("Centre communal d'action sociale de Lille", "s"),
        ("CMA Oise", "m"),
        ("Les Jardins du Bray", "j"),
        ("v", "v"),
    ],
)
def test_spellings_of_one_organisation_are_exact_matches(written, expected):
    found = Matcher(ROSTER).match(written)
    assert (found.actor, found.status) == (expected, "exact")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Jardin du Brai", "j"),
        ("Ville de Beauvai", "b"),
        ("Maison d'Economie Solidair", "e"),
        ("MES", "e"),
    ],
)
def test_misspellings_and_acronyms_are_probable_matches(written, expected):
    found = Matcher(ROSTER).match(written)
    assert (found.actor, found.status) == (expected, "probable")
    assert found.candidates[0][0] == expected


@pytest.mark.parametrize("written", ["Boulangerie Martin", "Ville", "Conseil citoyen", ""])
def test_names_of_no_actor_stay_unknown(written):
    found = Matcher(ROSTER).match(written)
    assert found.actor is None and found.status == "unknown"


def test_two_actors_with_the_same_normalised_name_are_not_chosen_between():
    found = Matcher({"a": "Mairie de Creil", "b": "Ville de Creil"}).match("Commune de Creil")
    assert found.actor is None and found.status == "unknown"
    assert {a for a, _ in found.candidates} == {"a", "b"}


def test_close_candidates_without_a_clear_leader_stay_unknown():
    found = Matcher({"a": "Jardins de Creil", "b": "Jardins de Crail"}).match("Jardins de Criel")
    assert found.status == "unknown" and len(found.candidates) == 2


def test_normalisation_ignores_case_accents_punctuation_and_articles():
    assert normalise("L'Épicerie  des Halles !") == normalise("epicerie halles")
    assert normalise("Saint-Germer") == normalise("St Germer")
