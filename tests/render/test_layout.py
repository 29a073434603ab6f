"""The map's layout: deterministic, communities kept together, isolated actors set aside."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from territoire_graphe.render.declutter import declutter, label_box
from territoire_graphe.render.layout import compute_layout


def planted(groups: int = 4, size: int = 25, seed: int = 3) -> tuple[nx.Graph, dict[str, int]]:
    """Dense groups joined by a few ties, plus three isolated actors."""
    g = nx.relabel_nodes(nx.planted_partition_graph(groups, size, 0.3, 0.005, seed=seed), str)
    community = {str(n): n // size for n in range(groups * size)}
    for i in range(groups - 1):  # keep it one component
        g.add_edge(str(i * size), str((i + 1) * size))
    g.add_nodes_from(["iso1", "iso2", "iso3"])
    return g, community


def test_the_same_graph_gives_identical_coordinates_rounded_to_a_tenth_of_a_pixel():
    g, community = planted()
    first = compute_layout(g, communities=community, seed=5)
    second = compute_layout(nx.Graph(g), communities=dict(community), seed=5)
    assert first.positions == second.positions
    assert all(round(x, 1) == x and round(y, 1) == y for x, y in first.positions.values())


def test_node_insertion_order_does_not_change_the_layout():
    g, community = planted()
    shuffled = nx.Graph()
    shuffled.add_nodes_from(sorted(g.nodes, reverse=True))
    shuffled.add_edges_from(sorted(g.edges, reverse=True))
    assert (
        compute_layout(shuffled, communities=community).positions
        == compute_layout(g, communities=community).positions
    )


def test_every_node_gets_a_finite_position():
    g, community = planted()
    positions = compute_layout(g, communities=community).positions
    assert set(positions) == set(g.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())


def test_communities_are_kept_together_their_centroids_apart():
    g, community = planted()
    positions = compute_layout(g, communities=community).positions
    pts = {c: np.array([positions[n] for n, k in community.items() if k == c]) for c in range(4)}
    centroids = {c: p.mean(axis=0) for c, p in pts.items()}
    spread = {c: np.median(np.hypot(*(p - centroids[c]).T)) for c, p in pts.items()}
    for a in range(4):
        for b in range(a + 1, 4):
            distance = float(np.hypot(*(centroids[a] - centroids[b])))
            # each community's typical member is closer to its own centre than the centres are apart
            assert distance > spread[a] + spread[b]


def test_isolated_actors_are_set_aside_on_the_right_with_a_label_above_them():
    g, community = planted()
    layout = compute_layout(g, communities=community)
    assert layout.isolated == ["iso1", "iso2", "iso3"]
    linked_right = max(x for n, (x, _) in layout.positions.items() if not n.startswith("iso"))
    assert all(layout.positions[n][0] > linked_right for n in layout.isolated)
    label_x, label_y = layout.isolated_label
    assert label_y < min(layout.positions[n][1] for n in layout.isolated)
    assert label_x < min(layout.positions[n][0] for n in layout.isolated)


def test_known_positions_are_kept_and_new_actors_go_next_to_their_partners():
    g, community = planted()
    before = compute_layout(g, communities=community).positions
    grown = g.copy()
    grown.add_edge("0", "new")
    after = compute_layout(grown, communities=community, positions=before).positions
    assert all(after[n] == before[n] for n in before)
    distance = math.dist(after["new"], after["0"])
    assert 10 < distance < 200


def test_a_graph_without_ties_is_a_grid_of_isolated_actors():
    g = nx.Graph()
    g.add_nodes_from("abcdef")
    layout = compute_layout(g)
    assert sorted(layout.isolated) == list("abcdef")
    assert len(set(layout.positions.values())) == 6


@pytest.mark.parametrize("n", [1, 2, 3])
def test_tiny_graphs_are_laid_out(n):
    g = nx.path_graph([str(i) for i in range(n)])
    assert len(compute_layout(g).positions) == n


def test_labels_of_a_small_map_do_not_overlap_after_decluttering():
    g, community = planted(groups=3, size=15)
    boxes = {n: label_box(f"Association numéro {n} du territoire", 12.0) for n in g}
    positions = compute_layout(g, communities=community, boxes=boxes).positions
    linked = [n for n in g if g.degree(n)]
    centres = np.array([(positions[n][0], positions[n][1] + boxes[n][2]) for n in linked])
    half = np.array([boxes[n][:2] for n in linked])
    dx = np.abs(centres[:, None, 0] - centres[None, :, 0]) - (half[:, None, 0] + half[None, :, 0])
    dy = np.abs(centres[:, None, 1] - centres[None, :, 1]) - (half[:, None, 1] + half[None, :, 1])
    overlap = (dx < -1) & (dy < -1)
    np.fill_diagonal(overlap, False)
    assert not overlap.any()


def test_declutter_separates_two_boxes_on_the_same_spot_deterministically():
    pos = np.array([[0.0, 0.0], [0.0, 0.0]])
    half = np.array([[20.0, 10.0], [20.0, 10.0]])
    once, twice = declutter(pos, half), declutter(pos, half)
    assert (once == twice).all()
    assert abs(once[0, 1] - once[1, 1]) >= 20 or abs(once[0, 0] - once[1, 0]) >= 40
