"""Numerical building blocks of the layout: pivot MDS, force-directed refinement, disc packing.

- :func:`pivot_mds`: Brandes & Pich (2006), a 2-D embedding from hop distances to a
  few pivots (chosen farthest-first), so the force layout starts from the global shape;
- :func:`force`: Fruchterman & Reingold (1991) with linear cooling and a weak gravity;
  exact repulsion up to ``DENSE`` nodes, between nearby nodes only (k-d tree) beyond;
- :func:`separate`, :func:`compact`, :func:`gather`: communities seen as discs are
  scaled to touch, pulled towards the communities they are tied to, never overlapping.

>>> import numpy as np
>>> rng = np.random.default_rng(0)
>>> edges = np.array([[0, 1], [1, 2], [2, 3]])
>>> pos = force(pivot_mds(4, edges, rng) * 2, edges, np.ones(3), k=1.0, rng=rng, iterations=30)
>>> pos.shape
(4, 2)
"""

from __future__ import annotations

import math

import numpy as np
from scipy.spatial import cKDTree

DENSE = 1200  # above this many nodes, repulsion only between nearby nodes
PIVOTS = 24


def pivot_mds(n: int, edges: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Pivot MDS (Brandes & Pich 2006): a 2-D embedding from hop distances to a few pivots."""
    if n <= 2 or len(edges) == 0:
        return rng.uniform(-1, 1, (n, 2))
    both = np.concatenate([edges, edges[:, ::-1]])
    both = both[np.lexsort((both[:, 1], both[:, 0]))]
    indptr = np.searchsorted(both[:, 0], np.arange(n + 1))
    indices = both[:, 1]
    degree = np.diff(indptr)
    pivots = [int(np.argmax(degree))]
    count = min(PIVOTS, n, max(6, int(math.sqrt(n)) + 2))
    dist = np.empty((count, n))
    closest = np.full(n, np.inf)
    for i in range(count):
        d = hops(indptr, indices, pivots[i], n)
        dist[i] = d
        closest = np.minimum(closest, np.where(np.isfinite(d), d, -1))
        if i + 1 < count:
            pivots.append(int(np.argmax(closest)))
    finite = np.isfinite(dist)
    dist[~finite] = (dist[finite].max() if finite.any() else 0) + 1
    c = dist.T**2
    c = -0.5 * (c - c.mean(axis=0) - c.mean(axis=1, keepdims=True) + c.mean())
    u, s, _ = np.linalg.svd(c, full_matrices=False)
    emb = u[:, :2] * s[:2]
    if emb.shape[1] < 2:
        emb = np.hstack([emb, np.zeros((n, 1))])
    emb = emb * np.sign(emb[np.argmax(np.abs(emb), axis=0), [0, 1]] + 1e-12)  # fixed orientation
    spread = np.abs(emb).max()
    emb = emb / spread if spread > 0 else emb
    return emb + rng.uniform(-1e-3, 1e-3, emb.shape)


def hops(indptr: np.ndarray, indices: np.ndarray, source: int, n: int) -> np.ndarray:
    """Breadth-first hop distances from ``source`` (inf when unreachable), vectorised by level."""
    dist = np.full(n, np.inf)
    dist[source] = 0
    frontier = np.array([source])
    level = 0
    while frontier.size:
        level += 1
        starts, lengths = indptr[frontier], indptr[frontier + 1] - indptr[frontier]
        total = int(lengths.sum())
        if not total:
            break
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        reached = np.unique(indices[offsets])
        reached = reached[np.isinf(dist[reached])]
        dist[reached] = level
        frontier = reached
    return dist


def force(
    pos: np.ndarray,
    edges: np.ndarray,
    weights: np.ndarray,
    *,
    k: float,
    rng: np.random.Generator,
    iterations: int,
) -> np.ndarray:
    """Fruchterman-Reingold (1991) with linear cooling; k = ideal edge length."""
    pos = np.array(pos, dtype=float)
    n = len(pos)
    if n < 2:
        return pos
    temperature = max(float(np.ptp(pos, axis=0).max()), k) * 0.1
    cooling = temperature / (iterations + 1)
    gravity = 1.0  # keeps loosely tied nodes from drifting away (radius ~ sqrt(n) k)
    for _ in range(iterations):
        disp = repulsion(pos, k) - pos * gravity
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-9)
            force = (delta / dist[:, None]) * (dist * dist / k * weights)[:, None]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(edges[:, 0], force[:, axis], minlength=n)
                disp[:, axis] += np.bincount(edges[:, 1], force[:, axis], minlength=n)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature -= cooling
    return pos


def repulsion(pos: np.ndarray, k: float) -> np.ndarray:
    n = len(pos)
    if n <= DENSE:
        return _dense_repulsion(pos, k)
    pairs = cKDTree(pos).query_pairs(3.0 * k, output_type="ndarray")
    disp = np.zeros_like(pos)
    if len(pairs):
        delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
        d2 = np.maximum(np.einsum("ij,ij->i", delta, delta), 1e-6)
        force = delta * (k * k / d2)[:, None]
        for axis in (0, 1):
            disp[:, axis] += np.bincount(pairs[:, 0], force[:, axis], minlength=n)
            disp[:, axis] -= np.bincount(pairs[:, 1], force[:, axis], minlength=n)
    return disp


_ROWS = 96  # rows of the pair matrix computed at once: a few hundred kB, kept in cache


def _dense_repulsion(pos: np.ndarray, k: float) -> np.ndarray:
    """Exact repulsion between every pair, sum_j (p_i - p_j) k^2 / |p_i - p_j|^2.

    Computed a band of rows at a time, in place: each row's sum is the same reduction over
    the same values as on the whole matrix (so the same figures, to the last bit), with a
    fraction of the memory traffic.
    """
    n = len(pos)
    x, y = np.ascontiguousarray(pos[:, 0]), np.ascontiguousarray(pos[:, 1])
    out = np.empty((n, 2))
    kk = k * k
    for first in range(0, n, _ROWS):
        rows = slice(first, min(first + _ROWS, n))
        dx = np.subtract.outer(x[rows], x)
        dy = np.subtract.outer(y[rows], y)
        d2 = dx * dx
        d2 += dy * dy
        band = np.arange(rows.stop - first)
        d2[band, band + first] = np.inf
        np.maximum(d2, 1e-6, out=d2)
        np.divide(kk, d2, out=d2)
        np.multiply(dx, d2, out=dx)
        np.multiply(dy, d2, out=dy)
        out[rows, 0] = dx.sum(axis=1)
        out[rows, 1] = dy.sum(axis=1)
    return out


def compact(centres: np.ndarray, radii: np.ndarray, gap: float) -> np.ndarray:
    """Scale the community layout so that discs typically touch their nearest neighbour."""
    delta = centres[:, None, :] - centres[None, :, :]
    dist = np.hypot(delta[..., 0], delta[..., 1])
    need = radii[:, None] + radii[None, :] + gap
    np.fill_diagonal(dist, np.inf)
    ratio = float(np.median((dist / need).min(axis=1)))
    if not np.isfinite(ratio) or ratio <= 1e-9:
        return centres
    return (centres - centres.mean(axis=0)) / ratio


def gather(
    centres: np.ndarray, radii: np.ndarray, edges: np.ndarray, weights: np.ndarray, gap: float
) -> np.ndarray:
    """Pull linked communities towards each other (and all towards the middle), never overlapping."""
    pos = np.array(centres, dtype=float)
    n = len(pos)
    if n < 3 or not len(edges):
        return pos
    both = np.concatenate([edges, edges[:, ::-1]])
    wts = np.concatenate([weights, weights]) + 1e-9
    total = np.bincount(both[:, 0], wts, minlength=n)
    for _ in range(30):
        middle = (pos * (radii**2)[:, None]).sum(axis=0) / (radii**2).sum()
        target = np.column_stack(
            [np.bincount(both[:, 0], pos[both[:, 1], axis] * wts, minlength=n) for axis in (0, 1)]
        )
        target = np.where(total[:, None] > 0, target / np.maximum(total, 1e-9)[:, None], middle)
        pos += 0.15 * (target - pos) + 0.05 * (middle - pos)
        pos = separate(pos, radii, gap, sweeps=15)
    return separate(pos, radii, gap)


def separate(
    centres: np.ndarray, radii: np.ndarray, gap: float, *, sweeps: int = 200
) -> np.ndarray:
    """Push discs apart until none overlaps (at most ``sweeps`` sweeps, deterministic)."""
    pos = np.array(centres, dtype=float)
    for _ in range(sweeps):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1])
        need = radii[:, None] + radii[None, :] + gap
        overlap = need - dist
        np.fill_diagonal(overlap, 0)
        if overlap.max() <= 1e-6:
            break
        overlap = np.maximum(overlap, 0)
        safe = np.where(dist > 1e-9, dist, 1.0)
        unit = delta / safe[..., None]
        same = dist <= 1e-9
        unit[same] = [1.0, 0.0]
        share = radii[None, :] ** 2 / (radii[:, None] ** 2 + radii[None, :] ** 2)
        pos += np.einsum("ijk,ij->ik", unit, overlap * share * 0.5 + 1e-3 * (overlap > 0))
    return pos
