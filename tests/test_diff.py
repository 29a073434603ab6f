"""diff(): what changed between two dates of one territory, listed by hand.

The crafted pair (2023 -> 2024), actor ids a..g (names A..G):

    2023: a-b coopération, b-c coopération (1), c->d financement (1000), a-d convention,
          g-a coopération; e has no relation.
    2024: b-a coopération (written the other way), b-c coopération (3), c->d financement
          (1500), e-a coopération, d->c financement, f-c interconnaissance; g is gone,
          f is new.
"""

from __future__ import annotations

import openpyxl
import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.evolution import Evolution, diff
from territoire_graphe.findings import FINDING_COLUMNS
from territoire_graphe.vocabulary import default_vocabulary

VOC = default_vocabulary()
TYPES = {
    "a": "commune",
    "b": "association",
    "c": "association",
    "d": "association",
    "e": "entreprise",
    "f": "association",
    "g": "association",
}


def territory(ids: str, links: list[tuple], date: str) -> tg.Territory:
    """Links: (source, target, type[, weight[, quantity]])."""
    relations = []
    for source, target, kind, *rest in links:
        entry = VOC.relation(kind)
        relations.append(
            {
                "source": source,
                "target": target,
                "type": kind,
                "family": entry.family,
                "directed": bool(entry.directed),
                "weight": rest[0] if rest else 1.0,
                "quantity": rest[1] if len(rest) > 1 else None,
            }
        )
    actors = [{"id": x, "name": x.upper(), "type": TYPES[x]} for x in ids]
    return tg.Territory.from_records(actors=actors, relations=relations, name="essai", date=date)


@pytest.fixture(scope="module")
def before() -> tg.Territory:
    return territory(
        "abcdeg",
        [
            ("a", "b", "coopération"),
            ("b", "c", "coopération", 1.0),
            ("c", "d", "financement", 1.0, 1000.0),
            ("a", "d", "convention"),
            ("g", "a", "coopération"),
        ],
        "2023",
    )


@pytest.fixture(scope="module")
def after() -> tg.Territory:
    return territory(
        "abcdef",
        [
            ("b", "a", "coopération"),
            ("b", "c", "coopération", 3.0),
            ("c", "d", "financement", 1.0, 1500.0),
            ("e", "a", "coopération"),
            ("d", "c", "financement"),
            ("f", "c", "interconnaissance"),
        ],
        "2024",
    )


@pytest.fixture(scope="module")
def evolution(before, after) -> Evolution:
    return diff(before, after)


def keys(relations: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(relations["source"], relations["target"], relations["type"], strict=True))


def test_actors_added_and_removed_are_those_listed_by_hand(evolution):
    assert list(evolution.actors_added.index) == ["f"]
    assert list(evolution.actors_removed.index) == ["g"]
    assert evolution.actors_added.loc["f", "name"] == "F"
    assert evolution.actors_removed.loc["g", "degree"] == 1  # g was tied to a only


def test_relations_added_and_removed_are_those_listed_by_hand(evolution):
    assert keys(evolution.relations_added) == [
        ("e", "a", "coopération"),
        ("d", "c", "financement"),
        ("f", "c", "interconnaissance"),
    ]
    assert keys(evolution.relations_removed) == [
        ("a", "d", "convention"),
        ("g", "a", "coopération"),
    ]
    assert evolution.relations_added["source_name"].tolist() == ["E", "D", "F"]
    assert evolution.relations_removed["target_name"].tolist() == ["D", "A"]


def test_an_undirected_relation_written_the_other_way_is_no_change(evolution):
    everything = [
        *keys(evolution.relations_added),
        *keys(evolution.relations_removed),
        *keys(evolution.relations_changed),
    ]
    assert ("b", "a", "coopération") not in everything
    assert ("a", "b", "coopération") not in everything


def test_a_directed_relation_turned_around_is_a_new_relation(evolution):
    assert ("d", "c", "financement") in keys(evolution.relations_added)


def test_a_change_of_intensity_or_quantity_is_a_changed_relation(evolution):
    changed = evolution.relations_changed.set_index(["source", "target", "type"])
    assert changed.loc[("b", "c", "coopération"), ["weight_before", "weight_after"]].tolist() == [
        1.0,
        3.0,
    ]
    assert changed.loc[
        ("c", "d", "financement"), ["quantity_before", "quantity_after"]
    ].tolist() == [1000.0, 1500.0]
    assert len(changed) == 2


def test_a_key_written_twice_then_once_is_one_relation_removed():
    twice = territory(
        "ab", [("a", "b", "coopération", 1.0), ("a", "b", "coopération", 2.0)], "2023"
    )
    once = territory("ab", [("b", "a", "coopération", 2.0)], "2024")
    evo = diff(twice, once)
    # the identical record (intensity 2) is matched; the one of intensity 1 is removed
    assert evo.relations_removed.index.tolist() == [0]
    assert evo.relations_removed["weight"].tolist() == [1.0]
    assert evo.relations_added.empty and evo.relations_changed.empty


def test_an_isolated_actor_brought_in_has_its_finding(evolution):
    found = evolution.findings.set_index("code")
    assert found.loc["isolated_brought_in", "actors"] == ["e", "a"]
    assert (
        found.loc["isolated_brought_in", "text"]
        == "Sans aucun lien en 2023, E en compte désormais un : avec A."
    )


def test_ties_made_and_lost_are_told_with_the_actors_named(evolution):
    found = evolution.findings.set_index("code")
    # analysis-graph ties: 2023 {ab, bc, cd, ad, ag}; 2024 {ab, bc, cd, ae, cf}
    assert found.loc["ties_made", "figures"]["pairs"] == [("a", "e")]
    assert (
        found.loc["ties_made", "text"]
        == "Un lien nouveau entre acteurs déjà présents en 2023 : A – E."
    )
    assert found.loc["ties_lost", "figures"]["pairs"] == [("a", "d")]
    assert found.loc["ties_lost", "priority"] == 1
    assert found.loc["ties_newcomers", "figures"]["pairs"] == [("c", "f")]
    assert found.loc["actors_joined", "actors"] == ["f"]
    assert found.loc["actors_left", "actors"] == ["g"]


def test_findings_have_the_columns_of_a_diagnosis_and_the_evolution_category(evolution):
    assert list(evolution.findings.columns) == FINDING_COLUMNS
    assert set(evolution.findings["category"]) == {"évolution"}
    assert evolution.findings["priority"].is_monotonic_increasing


def test_positions_are_sorted_by_the_largest_change_of_betweenness(evolution):
    # Betweenness over (n-1)(n-2)/2 = 10 pairs of 6 actors at each date.
    # 2023 (square a-b-c-d, g on a): a 3.5/10, b 1/10, c 0.5/10, d 1/10, e 0.
    # 2024 (path e-a-b-c-d, f on c): a 4/10, b 6/10, c 7/10, d 0, e 0.
    p = evolution.positions
    assert list(p.index) == ["c", "b", "d", "a", "e"]
    assert p["betweenness_change"].tolist() == pytest.approx([0.65, 0.5, -0.1, 0.05, 0.0])
    assert p.loc["c", ["degree_before", "degree_after", "degree_change"]].tolist() == [2, 3, 1]
    found = evolution.findings.set_index("code")
    assert found.loc["centrality_rise", "actors"] == ["c"]
    assert found.loc["centrality_fall", "actors"] == ["d"]


def test_indicators_are_given_before_and_after_with_their_change(evolution):
    ind = evolution.indicators
    assert list(ind.columns) == ["before", "after", "change"]
    assert ind.loc["isolated", ["before", "after", "change"]].tolist() == [1, 0, -1]
    assert ind.loc["density", "before"] == pytest.approx(5 / 15)  # 5 ties, 6 actors
    assert ind.loc["density", "change"] == pytest.approx(0.0)


def test_no_change_gives_no_finding(before):
    evo = diff(before, before)
    assert evo.findings.empty
    for table in (
        evo.actors_added,
        evo.actors_removed,
        evo.relations_added,
        evo.relations_removed,
        evo.relations_changed,
    ):
        assert table.empty
    assert (evo.indicators["change"].dropna() == 0).all()


def test_findings_are_written_in_english_on_request(before, after):
    evo = diff(before, after, lang="en")
    found = evo.findings.set_index("code")
    assert (
        found.loc["isolated_brought_in", "text"]
        == "Without any tie in 2023, E now has one: with A."
    )
    assert set(evo.findings["category"]) == {"change"}


def test_diagnoses_given_are_used_as_they_are(before, after):
    first, second = tg.diagnose(before), tg.diagnose(after)
    evo = diff(first, second)
    assert evo.before is first and evo.after is second


# -- the Pays de Bray samples (data/samples/README.md) ---------------------------------------
@pytest.fixture(scope="module")
def bray() -> Evolution:
    return diff(tg.sample_path("pays_de_bray_2023.xlsx"), tg.sample_path("pays_de_bray_2024.xlsx"))


def test_bray_three_actors_arrive_and_two_disappear(bray):
    assert sorted(bray.actors_added.index) == ["A52", "A53", "A54"]
    assert sorted(bray.actors_removed.index) == ["A12", "A51"]


def test_bray_savignies_isolated_in_2023_is_brought_in(bray):
    found = bray.findings[bray.findings["code"] == "isolated_brought_in"]
    assert found["actors"].iloc[0][0] == "A17"
    assert "Commune de Savignies" in found["text"].iloc[0]
    assert "Les Jardins du Bray" in found["text"].iloc[0]


def test_bray_the_chamber_loses_two_ties_with_craftsmen(bray):
    lost = bray.findings.set_index("code").loc["ties_lost", "figures"]["pairs"]
    assert {("A03", "A07"), ("A03", "A08")} <= set(lost)


def test_bray_picardie_verte_gains_a_second_tie(bray):
    assert bray.positions.loc["A48", ["degree_before", "degree_after"]].tolist() == [1, 2]


def test_bray_is_written_to_a_workbook_with_its_sheets(bray, tmp_path):
    path = bray.to_excel(tmp_path / "evolution.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Synthèse",
        "Acteurs ajoutés",
        "Acteurs retirés",
        "Relations ajoutées",
        "Relations retirées",
        "Relations modifiées",
        "Positions",
    ]
    ids = [row[0].value for row in book["Acteurs ajoutés"].iter_rows(min_row=2)]
    assert ids == ["A52", "A53", "A54"]
    assert (
        book["Synthèse"]["A1"].value
        == "Évolution de « Pays de Bray, 2023 » à « Pays de Bray, 2024 »"
    )
