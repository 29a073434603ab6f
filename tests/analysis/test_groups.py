"""Mixing matrix, densities and Krackhardt-Stern E-I index, counted by hand."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from territoire_graphe.analysis import groups


@pytest.fixture
def territory() -> nx.Graph:
    """Associations a, b, c (a triangle), firms d, e, the town hall f.

    Ties: a-b, b-c, a-c (inside associations), d-e (inside firms), c-d (association-firm),
    e-f (firm-town hall), a-f (association-town hall): I = 4, E = 3.
    """
    graph = nx.Graph(
        [("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("c", "d"), ("e", "f"), ("a", "f")]
    )
    nx.set_node_attributes(
        graph,
        {
            "a": "asso",
            "b": "asso",
            "c": "asso",
            "d": "entreprise",
            "e": "entreprise",
            "f": "commune",
        },
        "type",
    )
    return graph


def test_the_mixing_matrix_counts_internal_ties_once_on_the_diagonal(territory):
    result = groups.mixing_table(territory, permutations=0)
    # Groups sorted by label: asso, commune, entreprise.
    assert result.matrix.values.tolist() == [[3, 1, 1], [1, 0, 1], [1, 1, 1]]
    assert list(result.matrix.index) == ["asso", "commune", "entreprise"]


def test_the_e_i_index_is_external_minus_internal_over_all_ties(territory):
    # (E - I) / (E + I) = (3 - 4) / 7
    assert groups.mixing_table(territory, permutations=0).ei_index == pytest.approx(-1 / 7)


def test_per_group_e_i_counts_an_internal_tie_once_for_each_member(territory):
    # asso: internal ends 2 * 3 = 6, external 2 (c-d, a-f): (2 - 6) / 8 = -0.5
    # entreprise: internal 2 * 1 = 2, external 2 (c-d, e-f): 0
    # commune: internal 0, external 2 (e-f, a-f): +1
    result = groups.mixing_table(territory, permutations=0)
    assert result.ei_by_group.to_dict() == pytest.approx(
        {"asso": -0.5, "commune": 1.0, "entreprise": 0.0}
    )
    assert result.groups.loc["asso", ["actors", "internal", "external"]].tolist() == [3, 6, 2]


def test_densities_divide_by_the_possible_ties(territory):
    density = groups.mixing_table(territory, permutations=0).density
    # within associations 3 / (3 * 2 / 2) = 1; within firms 1 / 1; one town hall: undefined
    assert density.loc["asso", "asso"] == 1.0
    assert density.loc["entreprise", "entreprise"] == 1.0
    assert math.isnan(density.loc["commune", "commune"])
    # between: 1 / (3 * 2), 1 / (3 * 1), 1 / (2 * 1)
    assert density.loc["asso", "entreprise"] == pytest.approx(1 / 6)
    assert density.loc["asso", "commune"] == pytest.approx(1 / 3)
    assert density.loc["commune", "entreprise"] == pytest.approx(1 / 2)


def test_actors_without_group_are_left_out_and_reported(territory):
    territory.add_edge("g", "a")
    territory.add_node("h", type=float("nan"))
    result = groups.mixing_table(territory, permutations=0)
    assert result.excluded == ("g", "h")
    assert result.excluded_ties == 1
    assert result.ei_index == pytest.approx(-1 / 7)  # unchanged


def test_actors_without_group_can_form_a_named_group(territory):
    territory.add_edge("g", "a")
    result = groups.mixing_table(territory, missing="inconnu", permutations=0)
    assert result.excluded == ()
    assert result.matrix.loc["asso", "inconnu"] == 1
    assert result.ei_index == pytest.approx((4 - 4) / 8)


def test_groups_can_be_given_as_a_mapping(territory):
    result = groups.mixing_table(
        territory, "commune", groups={x: "Gournay" for x in "abcdef"}, permutations=0
    )
    assert result.ei_index == -1.0
    assert result.by == "commune"


def two_cliques() -> nx.Graph:
    graph = nx.complete_graph(["x1", "x2", "x3", "x4", "x5"])
    graph.add_edges_from(nx.complete_graph(["y1", "y2", "y3", "y4", "y5"]).edges)
    graph.add_edge("x1", "y1")
    nx.set_node_attributes(graph, {x: x[0] for x in graph}, "type")
    return graph


def test_groups_that_keep_to_themselves_are_less_mixed_than_chance():
    # I = 20, E = 1: E-I = -19/21. Of the C(10, 5) = 252 ways to label 5 x and 5 y, only 2
    # give 20 internal ties, so P(E-I <= observed) = 2/252 = 0.008.
    result = groups.mixing_table(two_cliques(), permutations=1000, seed=1)
    assert result.ei_index == pytest.approx(-19 / 21)
    assert result.p_value < 0.05
    # Expected E-I under permutation: a tie is internal with probability
    # 2 * (5 * 4) / (10 * 9) = 4/9, so E-I = 1 - 2 * 4/9 = 1/9.
    assert result.expected_ei == pytest.approx(1 / 9, abs=0.03)


def test_the_permutation_test_is_reproducible_with_its_seed():
    first = groups.mixing_table(two_cliques(), permutations=200, seed=3)
    again = groups.mixing_table(two_cliques(), permutations=200, seed=3)
    assert (first.p_value, first.expected_ei) == (again.p_value, again.expected_ei)
    assert (first.permutations, first.seed) == (200, 3)


def test_fully_mixed_groups_are_never_below_chance():
    # Alternating labels around a cycle: every tie crosses, E-I = +1, every permutation is
    # as low or lower: p = (1 + 500) / (1 + 500) = 1.
    graph = nx.cycle_graph(10)
    nx.set_node_attributes(graph, {i: i % 2 for i in graph}, "type")
    result = groups.mixing_table(graph, permutations=500)
    assert result.ei_index == 1.0
    assert result.p_value == 1.0


def test_a_network_without_ties_has_no_e_i_index():
    graph = nx.empty_graph(["a", "b"])
    nx.set_node_attributes(graph, {"a": "x", "b": "y"}, "type")
    result = groups.mixing_table(graph)
    assert math.isnan(result.ei_index) and math.isnan(result.p_value)
