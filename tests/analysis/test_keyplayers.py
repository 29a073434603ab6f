"""Borgatti's (2006) key-player measures on graphs small enough to count by hand."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from territoire_graphe.analysis import keyplayers


def path(n: int) -> nx.Graph:
    return nx.path_graph([chr(ord("a") + i) for i in range(n)])


@pytest.fixture
def double_star() -> nx.Graph:
    """Hubs h1 and h2 tied together, each with three leaves of its own."""
    graph = nx.Graph([("h1", "h2")])
    graph.add_edges_from(("h1", leaf) for leaf in ("a1", "a2", "a3"))
    graph.add_edges_from(("h2", leaf) for leaf in ("b1", "b2", "b3"))
    return graph


def test_fragmentation_of_a_path_by_hand():
    # Path a-b-c-d-e. Without c: {a,b}, {d,e}: n = 4, F = 1 - (2 + 2) / 12 = 2/3.
    # Without b: {a}, {c,d,e}: F = 1 - 6 / 12 = 1/2. Without a: one piece, F = 0.
    graph = path(5)
    assert keyplayers.fragmentation(graph, ["c"]) == pytest.approx(2 / 3)
    assert keyplayers.fragmentation(graph, ["b"]) == pytest.approx(1 / 2)
    assert keyplayers.fragmentation(graph, ["a"]) == 0.0
    assert keyplayers.fragmentation(graph) == 0.0


def test_removing_the_centre_of_a_star_leaves_only_isolated_actors():
    star = nx.star_graph(["hub", "a", "b", "c", "d"])
    result = keyplayers.key_players(star, k=1)
    assert result.actors == ("hub",)
    assert result.score == 1.0  # 4 isolated actors: no pair can reach each other


def test_the_middle_of_a_barbell_is_the_key_player_for_fragmentation():
    # Triangles a-b-c and d-e-f joined through x (c-x-d). Without x: two triangles,
    # n = 6, F = 1 - (6 + 6) / 30 = 0.6. Without c: {a,b}, {x,d,e,f}: 1 - 14/30 = 0.533.
    graph = nx.Graph(
        [
            ("a", "b"),
            ("b", "c"),
            ("c", "a"),
            ("c", "x"),
            ("x", "d"),
            ("d", "e"),
            ("e", "f"),
            ("f", "d"),
        ]
    )
    result = keyplayers.key_players(graph, k=1, goal="fragment")
    assert result.actors == ("x",)
    assert result.score == pytest.approx(0.6)
    assert result.method == "exhaustive"


def test_two_hubs_together_shatter_the_double_star(double_star):
    # Without h1 and h2: 6 isolated actors, F = 1. Without h1 alone: {a1}, {a2}, {a3},
    # {h2, b1, b2, b3}: n = 7, F = 1 - 12 / 42 = 5/7, so each hub contributes 1 - 5/7.
    result = keyplayers.key_players(double_star, k=2)
    assert result.actors == ("h1", "h2")
    assert result.score == 1.0
    assert result.contributions == pytest.approx((2 / 7, 2 / 7))
    assert keyplayers.key_players(double_star, k=1).score == pytest.approx(5 / 7)


def test_greedy_and_swap_find_the_same_set_as_the_exhaustive_search(double_star):
    result = keyplayers.key_players(double_star, k=2, exhaustive_max=0, exhaustive_work=0)
    assert result.method == "greedy+swap"
    assert result.actors == ("h1", "h2") and result.score == 1.0


def test_distance_weighted_fragmentation_by_hand():
    # Path a-b-c: 1/d summed over ordered pairs = 2 * (1 + 1 + 1/2) = 5; D_F = 1 - 5/6.
    assert keyplayers.fragmentation(path(3), distance=True) == pytest.approx(1 / 6)
    # Star with 3 leaves: 3 ties at 1, 3 leaf pairs at 2: 2 * 4.5 = 9; D_F = 1 - 9/12.
    star = nx.star_graph(["hub", "a", "b", "c"])
    assert keyplayers.fragmentation(star, distance=True) == pytest.approx(0.25)
    # Path a-b-c-d-e without c: {a,b}, {d,e}: 2 * 2 = 4; D_F = 1 - 4/12 = 2/3; without b:
    # c-d, d-e at 1, c-e at 2: 2 * 2.5 = 5, D_F = 7/12.
    result = keyplayers.key_players(path(5), k=1, goal="fragment_distance")
    assert result.actors == ("c",) and result.score == pytest.approx(2 / 3)
    assert keyplayers.fragmentation(path(5), ["b"], distance=True) == pytest.approx(7 / 12)


def test_m_step_reach_counts_the_actors_outside_the_set_within_reach():
    # Path a-b-c-d-e: c reaches b, d in 1 step (2/4) and everyone in 2 steps (4/4);
    # b reaches a, c in 1 step, and d in 2 (3/4).
    graph = path(5)
    assert keyplayers.reach(graph, ["c"], steps=1) == pytest.approx(0.5)
    assert keyplayers.reach(graph, ["c"], steps=2) == 1.0
    assert keyplayers.reach(graph, ["b"], steps=2) == pytest.approx(0.75)
    result = keyplayers.key_players(graph, k=1, goal="reach", steps=2)
    assert result.actors == ("c",) and result.score == 1.0
    # with one step, b and c tie at 2/4: the first in node order wins
    assert keyplayers.key_players(graph, k=1, goal="reach", steps=1).actors == ("b",)


def test_distance_weighted_reach_by_hand():
    # Path a-b-c-d-e from c: b, d at 1, a, e at 2: (1 + 1 + 1/2 + 1/2) / 4 = 0.75;
    # from b: a, c at 1, d at 2, e at 3: (2 + 1/2 + 1/3) / 4 = 0.7083.
    graph = path(5)
    assert keyplayers.reach(graph, ["b"], distance=True) == pytest.approx(17 / 24)
    result = keyplayers.key_players(graph, k=1, goal="reach_distance")
    assert result.actors == ("c",) and result.score == pytest.approx(0.75)


def fragmentation_by_definition(graph: nx.Graph, removed) -> float:
    rest = graph.subgraph(set(graph) - set(removed))
    n = rest.number_of_nodes()
    return 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(rest)) / (n * (n - 1))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_exhaustive_search_finds_the_best_set_of_a_random_graph(seed):
    graph = nx.gnm_random_graph(25, 30, seed=seed)
    best = max(fragmentation_by_definition(graph, s) for s in itertools.combinations(graph, 3))
    result = keyplayers.key_players(graph, k=3)
    assert result.method == "exhaustive"
    assert result.score == pytest.approx(best)
    assert fragmentation_by_definition(graph, result.actors) == pytest.approx(best)


@pytest.mark.parametrize("goal", ["fragment", "reach"])
def test_after_the_swaps_no_single_swap_improves_the_set(goal):
    graph = nx.gnm_random_graph(60, 80, seed=11)
    result = keyplayers.key_players(graph, k=3, goal=goal, exhaustive_max=0, exhaustive_work=0)
    assert result.method == "greedy+swap"

    def score(members):
        if goal == "fragment":
            return fragmentation_by_definition(graph, members)
        return keyplayers.reach(graph, members, steps=2)

    assert score(result.actors) == pytest.approx(result.score)
    for out, new in itertools.product(result.actors, set(graph) - set(result.actors)):
        swapped = [x for x in result.actors if x != out] + [new]
        assert score(swapped) <= result.score + 1e-9


def test_the_result_records_how_it_was_found(double_star):
    result = keyplayers.key_players(double_star, k=2, goal="reach", steps=1)
    assert result.goal == "reach" and result.method == "exhaustive"
    assert result.params["k"] == 2 and result.params["steps"] == 1
    assert result.params["candidates"] == 8


def test_impossible_requests_are_refused(double_star):
    with pytest.raises(ValueError, match="k must be"):
        keyplayers.key_players(double_star, k=0)
    with pytest.raises(ValueError, match="goal"):
        keyplayers.key_players(double_star, goal="influence")


def test_a_set_larger_than_the_network_allows_is_reduced_and_says_so():
    # 3 actors: fragmentation needs 2 actors left, so at most 1 key player.
    result = keyplayers.key_players(path(3), k=3)
    assert result.actors == ("b",) and result.score == 1.0
    assert (result.params["k"], result.params["k_requested"]) == (1, 3)
    empty = keyplayers.key_players(path(2), k=3)
    assert empty.actors == () and empty.method == "none"


def test_a_sampled_distance_search_still_reports_the_exact_score_of_small_networks():
    graph = nx.gnm_random_graph(40, 60, seed=5)
    result = keyplayers.key_players(
        graph, k=2, goal="fragment_distance", candidates=6, sample_sources=10
    )
    assert result.params["sample_sources"] == 10 and not result.params["sampled_score"]
    assert result.score == pytest.approx(
        keyplayers.fragmentation(graph, result.actors, distance=True)
    )
