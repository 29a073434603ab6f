"""The registry of actors, collectives and people: its hash index, and results that do not
depend on the hashes (every candidate a hash gives is checked against the real key)."""

from __future__ import annotations

import random

import pytest

import territoire_graphe as tg
from territoire_graphe.io import entities, hash_index
from territoire_graphe.io.hash_index import HashIndex

LINKS = ["source", "cible", "type"]


@pytest.mark.parametrize("seed", range(6))
def test_the_hash_index_gives_what_a_dictionary_of_lists_gives(monkeypatch, seed):
    # Small merge thresholds, so that values sit in the arrays, the tail, or both.
    monkeypatch.setattr(hash_index, "_TAIL", 3)
    monkeypatch.setattr(hash_index, "_TAIL_SHARE", 2)
    rng = random.Random(seed)
    index, expected = HashIndex(), {}
    keys = [rng.randrange(-(2**63), 2**63) for _ in range(40)]
    for value in range(600):
        key = rng.choice(keys)
        index.add(key, value)
        expected.setdefault(key, []).append(value)
        if value % 37 == 0:  # asked for between additions too
            assert index.get(key) == expected[key]
    assert len(index) == 600
    for key in keys:
        assert index.get(key) == expected.get(key, [])
    assert index.get(12345) == [] or 12345 in keys


def test_an_empty_hash_index_finds_nothing():
    assert HashIndex().get(0) == [] and len(HashIndex()) == 0


# A workbook where every rule of ids and names comes into play: given and derived ids,
# a derived id that must step aside, duplicates by id and by name, references by exact
# id, by loose id and by loose name, an ambiguous one, people and collectives.
SHEETS = {
    "acteurs": [
        ["id", "nom", "type"],
        ["bray", "Mairie", "commune"],
        ["b2", "Bray", "association"],
        ["", "Café Écologique", "association"],
        ["", "mairie de songeons", "commune"],
        ["Mairie de Songeons", "Commune de Songeons", "commune"],
        ["x9", "Ferme du Bec", "entreprise"],
    ],
    "collectifs": [["id", "nom", "type"], ["c1", "PTCE du Bray", "PTCE"]],
    "personnes": [["id", "nom", "acteur"], ["p1", "Jeanne Martin", "x9"]],
    "relations": [
        LINKS,
        ["Mairie", "bray", "coopération"],
        ["CAFE ECOLOGIQUE", "X9", "coopération"],
        ["Jeanne Martin", "b2", "coopération"],
        ["mairie de songeons (2)", "Mairie de Songeons", "coopération"],
    ],
    "adhesions": [["acteur", "collectif"], ["ferme du bec", "ptce du bray"]],
}
BROKEN = {
    "acteurs": [
        ["id", "nom", "type"],
        ["a1", "Mairie", "commune"],
        ["A1", "Asso", "association"],
        ["a3", "MAIRIE ", "commune"],
        ["bray", "Truc", "commune"],
        ["b2", "Bray", "association"],
    ],
    "relations": [LINKS, ["Truc", "BRAY", "coopération"], ["a1", "Inconnu", "coopération"]],
}


def _outcome(path):
    try:
        t = tg.read(path)
    except tg.InputError as error:
        return [(p.code, p.sheet, p.row, p.column, p.message) for p in error.problems]
    return (
        t.actors.index.tolist(),
        t.relations[["source", "target", "source_person"]].values.tolist(),
        t.memberships.values.tolist(),
        [(w.code, w.row) for w in t.warnings],
    )


@pytest.mark.parametrize("sheets", [SHEETS, BROKEN], ids=["valid", "errors"])
@pytest.mark.parametrize(
    "colliding", [lambda key: 7, lambda key: len(key) % 3], ids=["one hash", "three hashes"]
)
def test_ids_names_and_references_do_not_depend_on_the_hashes(
    make_workbook, monkeypatch, sheets, colliding
):
    path = make_workbook(sheets)
    expected = _outcome(path)
    monkeypatch.setattr(entities, "hash", colliding, raising=False)
    assert _outcome(path) == expected


def test_the_rules_the_collision_test_relies_on_hold(make_workbook):
    # What the workbook above must give, written by hand (so that the test above compares
    # two right answers, not two equally wrong ones).
    t = tg.read(make_workbook(SHEETS))
    assert t.actors.index.tolist() == [
        "bray",
        "b2",
        "Café Écologique",
        "mairie de songeons (2)",
        "Mairie de Songeons",
        "x9",
    ]
    pairs = t.relations[["source", "target"]].values.tolist()
    assert pairs == [
        ["bray", "bray"],
        ["Café Écologique", "x9"],
        ["x9", "b2"],
        ["mairie de songeons (2)", "Mairie de Songeons"],
    ]
    assert t.memberships[["actor", "collective"]].values.tolist() == [["x9", "c1"]]
    with pytest.raises(tg.InputError) as caught:
        tg.read(make_workbook(BROKEN, name="broken.xlsx"))
    assert [(p.code, p.row) for p in caught.value.problems] == [
        ("id_duplicate", 3),
        ("name_duplicate", 4),
        ("reference_ambiguous", 2),
        ("reference_unknown", 3),
    ]
