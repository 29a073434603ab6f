"""``tg.mixing`` (FORMAT.md) against a territory small enough to count by hand.

Four actors, two communes (a1, a2) and two associations (b1, b2), four ties:
a1-a2 inside the communes; a1-b1, a2-b1 and a2-b2 between the two types.
"""

from __future__ import annotations

import pandas as pd
import pytest

import territoire_graphe as tg

TIES = [("a1", "a2"), ("a1", "b1"), ("a2", "b1"), ("a2", "b2")]


@pytest.fixture
def four() -> tg.Territory:
    return tg.Territory.from_records(
        actors=[
            {"id": "a1", "name": "A1", "type": "commune", "municipality": "X"},
            {"id": "a2", "name": "A2", "type": "commune", "municipality": "X"},
            {"id": "b1", "name": "B1", "type": "association", "municipality": "Y"},
            {"id": "b2", "name": "B2", "type": "association"},
        ],
        relations=[{"source": s, "target": t, "type": "cooperation"} for s, t in TIES],
    )


def test_the_matrix_counts_the_ties_within_and_between_types(four):
    matrix = tg.mixing(four).matrix
    assert matrix.loc["commune", "commune"] == 1
    assert matrix.loc["association", "association"] == 0
    assert matrix.loc["commune", "association"] == matrix.loc["association", "commune"] == 3


def test_the_density_divides_by_the_pairs_that_could_be_tied(four):
    density = tg.mixing(four).density
    assert density.loc["commune", "commune"] == 1.0  # 1 tie / 1 pair
    assert density.loc["commune", "association"] == 0.75  # 3 ties / (2 x 2) pairs
    assert density.loc["association", "association"] == 0.0


def test_the_ei_index_is_krackhardt_and_sterns(four):
    # (E - I) / (E + I) = (3 - 1) / 4 (Krackhardt and Stern 1988)
    result = tg.mixing(four)
    assert result.ei_index == pytest.approx(0.5)
    # UCINET per group counts an inside tie once from each end: communes (3 - 2) / 5,
    # associations (3 - 0) / 3
    assert result.ei_by_group.to_dict() == pytest.approx({"commune": 0.2, "association": 1.0})


def test_no_relabelling_is_more_open_so_the_p_value_is_one(four):
    # The six ways to choose which two actors are communes give E-I 0.5 (four ways) or 0:
    # every permutation is at most the observed 0.5, so p = (1 + n) / (1 + n) = 1.
    assert tg.mixing(four, permutations=200, seed=3).p_value == 1.0


def test_an_actor_without_a_value_is_left_out_unless_a_group_is_named_for_it(four):
    result = tg.mixing(four, by="municipality")
    assert result.excluded == ("b2",)
    assert result.matrix.loc["X", "Y"] == 2 and result.matrix.loc["X", "X"] == 1
    assert result.ei_index == pytest.approx((2 - 1) / 3)  # a2-b2 is not counted
    named = tg.mixing(four, by="municipality", missing="?")
    assert named.matrix.loc["?", "X"] == 1 and named.excluded == ()


def test_a_column_that_is_not_there_is_named_in_the_error(four):
    with pytest.raises(KeyError, match="'colour' is not an actor column"):
        tg.mixing(four, by="colour")


def test_the_same_seed_gives_the_same_p_value_and_the_territory_is_untouched(four):
    before = four.actors.copy()
    first, second = tg.mixing(four, seed=5), tg.mixing(four, seed=5)
    assert first.p_value == second.p_value
    pd.testing.assert_frame_equal(four.actors, before)
