"""The exact repulsion of the layout (render/forces.py), computed by bands of rows."""

from __future__ import annotations

import math

import numpy as np
import pytest

from territoire_graphe.render import forces


def _brute(pos: np.ndarray, k: float) -> np.ndarray:
    out = np.zeros_like(pos)
    for i, (xi, yi) in enumerate(pos):
        for j, (xj, yj) in enumerate(pos):
            if i != j:
                d2 = max((xi - xj) ** 2 + (yi - yj) ** 2, 1e-6)
                out[i] += ((xi - xj) * k * k / d2, (yi - yj) * k * k / d2)
    return out


def _whole_matrix(pos: np.ndarray, k: float) -> np.ndarray:
    dx = pos[:, 0][:, None] - pos[:, 0][None, :]
    dy = pos[:, 1][:, None] - pos[:, 1][None, :]
    d2 = dx * dx + dy * dy
    np.fill_diagonal(d2, np.inf)
    inv = (k * k) / np.maximum(d2, 1e-6)
    return np.column_stack([(dx * inv).sum(axis=1), (dy * inv).sum(axis=1)])


def test_two_nodes_push_each_other_by_k_squared_over_their_distance():
    pos = np.array([[0.0, 0.0], [2.0, 0.0]])
    # |f| = k^2 / d = 9 / 2, along the axis, opposite ways
    assert forces.repulsion(pos, 3.0).tolist() == [[-4.5, 0.0], [4.5, 0.0]]


@pytest.mark.parametrize("n", [3, 40])
def test_the_repulsion_is_the_sum_over_every_pair(n):
    rng = np.random.default_rng(n)
    pos = rng.normal(size=(n, 2)) * 5
    pos[1] = pos[0]  # two nodes on the same spot: distance floored, no division by zero
    found = forces.repulsion(pos, 1.5)
    assert np.all(np.isfinite(found))
    assert np.allclose(found, _brute(pos, 1.5), rtol=1e-12, atol=1e-9)


@pytest.mark.parametrize("n", [95, 96, 97, 300, forces.DENSE])
def test_bands_of_rows_give_the_whole_matrix_figures_to_the_last_bit(n):
    rng = np.random.default_rng(n)
    pos = rng.normal(size=(n, 2)) * math.sqrt(n)
    assert np.array_equal(forces.repulsion(pos, 1.0), _whole_matrix(pos, 1.0))
