"""Key players (Borgatti, 2006): the set of actors whose loss or whose mobilisation matters most.

Graph: the undirected analysis graph, unweighted (distances count links), self-loops ignored.

Goals (all maximised):

- ``"fragment"`` (KPP-Neg): fragmentation F = 1 - sum_k s_k(s_k - 1) / (n(n - 1)) of the
  network once the set is removed, s_k the component sizes, n the actors left;
- ``"fragment_distance"`` (KPP-Neg): distance-weighted fragmentation
  1 - sum_{i != j} (1 / d_ij) / (n(n - 1)) once the set is removed (1 / d = 0 between
  actors no longer linked) -- Borgatti's (2006) D_F;
- ``"reach"`` (KPP-Pos): share of the actors outside the set reached within ``steps`` links
  from at least one member;
- ``"reach_distance"`` (KPP-Pos): mean over the actors outside the set of 1 / d(set, j)
  (0 if unreachable) -- Borgatti's distance-weighted reach D_R, 1 when every actor outside
  the set is a partner of a member.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from territoire_graphe.analysis import _fast

Goal = Literal["fragment", "fragment_distance", "reach", "reach_distance"]
GOALS = ("fragment", "fragment_distance", "reach", "reach_distance")
_EPSILON = 1e-12


@dataclass(frozen=True)
class KeyPlayers:
    """A key-player set (see :func:`key_players`).

    ``actors``: the ids, by decreasing contribution (score lost without the actor), ties in
    node order; ``contributions`` aligned with them; ``score`` the goal's value for the set;
    ``method``: ``"exhaustive"`` or ``"greedy+swap"``; ``params``: every option, the
    candidates considered and, for estimates, the sampling.
    """

    actors: tuple[Hashable, ...]
    score: float
    goal: str
    method: str
    params: Mapping[str, object] = field(default_factory=dict)
    contributions: tuple[float, ...] = ()


class _Problem:
    """Scores of sets of node positions for one goal, and of every one-node extension."""

    def __init__(
        self,
        matrix: sp.csr_array,
        goal: str,
        steps: int,
        candidates: np.ndarray,
        sources: np.ndarray | None,
    ):
        self.matrix, self.goal, self.n = matrix, goal, matrix.shape[0]
        self.candidates, self.sources = candidates, sources
        self.row = np.full(self.n, -1)
        self.row[candidates] = np.arange(len(candidates))
        if goal == "fragment":
            self.neighbours = _fast.neighbour_lists(matrix)
        elif goal == "reach":
            step = sp.csr_array(matrix + sp.eye_array(self.n, format="csr"))
            ball = sp.csr_array(
                (np.ones(len(candidates)), (np.arange(len(candidates)), candidates)),
                shape=(len(candidates), self.n),
            )
            for _ in range(steps):
                ball = sp.csr_array((ball @ step) > 0).astype(np.float64)
            self.ball = ball
        elif goal == "reach_distance":
            distance = csgraph.shortest_path(matrix, unweighted=True, indices=candidates)
            with np.errstate(divide="ignore"):
                self.inverse = np.where(distance > 0, 1.0 / distance, 0.0)

    def _mask(self, members: Iterable[int]) -> np.ndarray:
        mask = np.zeros(self.n, dtype=bool)
        mask[list(members)] = True
        return mask

    def score(self, members: tuple[int, ...]) -> float:
        """The goal's value for the set ``members`` (node positions)."""
        if self.goal == "fragment_distance":
            return self._distance_fragmentation(self._mask(members))
        if not members:
            return 0.0 if self.goal.startswith("reach") else self._gains_fragment(())[1]
        *rest, last = members
        return float(self.gains(tuple(rest))[last])

    def gains(self, base: tuple[int, ...]) -> np.ndarray:
        """Score of base + (v,) for every node v (NaN for members and non-candidates)."""
        if self.goal == "fragment":
            values = self._gains_fragment(base)[0]
        elif self.goal == "fragment_distance":
            values = np.full(self.n, np.nan)
            for v in self.candidates:
                if v not in base:
                    values[v] = self.score((*base, int(v)))
        else:
            values = self._gains_reach(base)
        values[list(base)] = np.nan
        return values

    def _gains_fragment(self, base) -> tuple[np.ndarray, float]:
        removed = self._mask(base)
        pairs, after = _fast.removal_pair_sums(self.neighbours, removed)
        left = self.n - len(base)
        here = 1.0 - pairs / (left * (left - 1)) if left > 1 else math.nan
        left -= 1
        values = 1.0 - after / (left * (left - 1)) if left > 1 else np.full(self.n, np.nan)
        values = np.where(removed, np.nan, values)
        outside = np.ones(self.n, dtype=bool)
        outside[self.candidates] = False
        values[outside] = np.nan
        return values, here

    def _gains_reach(self, base) -> np.ndarray:
        rows = self.row[list(base)]
        left = self.n - len(base) - 1
        values = np.full(self.n, np.nan)
        if self.goal == "reach":
            covered = np.zeros(self.n, dtype=bool)
            if len(rows):
                covered = np.asarray(self.ball[rows].sum(axis=0)).ravel() > 0
            extra = self.ball @ (~covered).astype(np.float64)
            reached = covered.sum() + extra - (len(base) + 1)
        else:
            current = self.inverse[rows].max(axis=0) if len(rows) else np.zeros(self.n)
            best = np.maximum(self.inverse, current)
            best[:, list(base)] = 0.0
            reached = best.sum(axis=1) - current[self.candidates]
        values[self.candidates] = reached / left if left > 0 else np.nan
        return values

    def _distance_fragmentation(self, removed: np.ndarray) -> float:
        keep = np.flatnonzero(~removed)
        left = len(keep)
        if left < 2:
            return math.nan
        sub = sp.csr_array(self.matrix[keep][:, keep])
        if self.sources is None:
            _, _, inverse = _fast.distance_sums(sub)
            return 1.0 - inverse.sum() / (left * (left - 1))
        position = np.full(self.n, -1)
        position[keep] = np.arange(left)
        sources = position[self.sources]
        sources = sources[sources >= 0]
        _, _, inverse = _fast.distance_sums(sub, sources)
        return 1.0 - inverse.sum() / (len(sources) * (left - 1))


def fragmentation(
    graph: nx.Graph, removed: Iterable[Hashable] = (), *, distance: bool = False
) -> float:
    """Borgatti's (2006) fragmentation F, or distance-weighted D_F, once ``removed`` are gone.

    F = 1 - sum_k s_k(s_k - 1) / (n(n - 1)): the share of pairs of remaining actors who can
    no longer reach each other. D_F = 1 - sum_{i != j} (1 / d_ij) / (n(n - 1)). NaN when
    fewer than two actors remain. Graph: undirected, unweighted.

    >>> import networkx as nx
    >>> fragmentation(nx.path_graph(["a", "b", "c"]), ["b"])
    1.0
    >>> round(fragmentation(nx.path_graph(["a", "b", "c", "d"]), distance=True), 4)
    0.2778
    """
    matrix, nodes = _fast.adjacency(graph)
    where = _fast.positions(nodes)
    members = tuple(sorted(where[x] for x in set(removed)))
    goal = "fragment_distance" if distance else "fragment"
    problem = _Problem(matrix, goal, 1, np.arange(len(nodes)), None)
    return float(problem.score(members))


def reach(
    graph: nx.Graph, actors: Iterable[Hashable], *, steps: int = 2, distance: bool = False
) -> float:
    """Borgatti's (2006) reach of a set: share of the other actors within ``steps`` links.

    With ``distance=True``, the distance-weighted reach: mean of 1 / d(set, j) over the
    actors j outside the set (0 if unreachable). Graph: undirected, unweighted.

    >>> import networkx as nx
    >>> reach(nx.path_graph(["a", "b", "c", "d"]), ["a"], steps=2)
    0.6666666666666666
    """
    matrix, nodes = _fast.adjacency(graph)
    where = _fast.positions(nodes)
    members = tuple(sorted(where[x] for x in set(actors)))
    problem = _Problem(
        matrix,
        "reach_distance" if distance else "reach",
        steps,
        np.array(members, dtype=np.int64),
        None,
    )
    return float(problem.score(members))


def _candidates(
    graph: nx.Graph, matrix: sp.csr_array, goal: str, candidates: int | None, seed: int
) -> np.ndarray:
    n = matrix.shape[0]
    if goal.startswith("reach"):
        # An actor with no tie reaches nobody: it is never proposed to spread an invitation.
        tied = np.flatnonzero(np.diff(matrix.indptr) > 0)
        if candidates is None and n > 2000:
            candidates = 500
        if candidates is None or candidates >= len(tied):
            return tied
    if candidates is None and goal == "fragment_distance":
        candidates = n if n <= 100 else 20 if n <= 2000 else 10
    elif candidates is None:
        candidates = n if goal == "fragment" or n <= 2000 else 500
    if candidates >= n:
        return np.arange(n)
    if goal == "fragment_distance":
        from territoire_graphe.analysis.centrality import betweenness

        ranking = betweenness(graph, k=min(n, 200) if n > 2000 else None, seed=seed).to_numpy()
    else:
        ranking = np.diff(matrix.indptr).astype(np.float64)
    order = np.lexsort((np.arange(n), -ranking))
    return np.sort(order[:candidates])


def key_players(
    graph: nx.Graph,
    k: int = 3,
    *,
    goal: Goal = "fragment",
    steps: int = 2,
    candidates: int | None = None,
    exhaustive_max: int = 20_000,
    exhaustive_work: int = 10_000_000,
    max_passes: int = 100,
    restarts: int | None = None,
    sample_sources: int | None = None,
    seed: int = 0,
) -> KeyPlayers:
    """Borgatti's (2006) key-player set of ``k`` actors for a goal (see the module docstring).

    Search: every set of ``k`` candidates (``method="exhaustive"``, the exact optimum) when
    there are at most ``exhaustive_max`` such sets, or, for ``fragment`` and ``reach`` (one
    pass scores every one-actor extension of a set of ``k - 1``), when
    ``C(candidates, k - 1) * (actors + ties)`` is at most ``exhaustive_work`` (k = 3 is
    exact up to about 200 actors); for ``fragment_distance``, whose every set costs a
    search of all distances, at most ``1000 * exhaustive_max / n**2`` sets. Otherwise
    (``method="greedy+swap"``, the best set found, not proven best): greedy (add the best
    actor ``k`` times) and ``restarts`` seeded random sets (default 8 up to 2,000 actors,
    none above: each restart costs many swap passes), each improved by Borgatti's
    swap optimisation (make the best member / non-member swap while it improves the
    score, at most ``max_passes`` times); the best result is kept. Ties go to the actor
    first in node order.

    ``k`` larger than the network allows (n - 2 actors for the fragmentation goals, n - 1
    for reach) is reduced to it, and ``params["k_requested"]`` keeps the request; with no
    possible set the result is empty (``method="none"``, score NaN).

    Candidates (bounded time on large networks): all actors for ``fragment`` (one
    depth-first search scores every one-actor extension at once); for ``reach`` and
    ``reach_distance`` the actors with at least one tie (one without reaches nobody),
    all of them up to 2,000 actors, else the 500 of highest degree; for
    ``fragment_distance`` all actors up to 100, else the 20 (above 2,000 actors: 10) of
    highest betweenness. ``candidates`` overrides these. ``fragment_distance`` sums 1/d
    from ``sample_sources`` seeded sources during the search (default: all up to 500
    actors, 128 up to 2,000, else 64); the final score is exact up to 2,000 actors
    (``params["sampled_score"]`` says when it is an estimate). Reference: Borgatti (2006),
    "Identifying sets of key players in a social network", Computational and Mathematical
    Organization Theory 12.

    >>> import networkx as nx
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "e"), ("e", "f"),
    ...               ("f", "d"), ("c", "d")])
    >>> result = key_players(g, k=1)
    >>> result.actors, round(result.score, 4), result.method
    (('c',), 0.6, 'exhaustive')
    """
    if goal not in GOALS:
        raise ValueError(f"goal must be one of {GOALS}, not {goal!r}")
    matrix, nodes = _fast.adjacency(graph)
    n = len(nodes)
    smallest_left = 1 if goal.startswith("reach") else 2
    if steps < 1:
        raise ValueError("steps must be at least 1")
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    requested, k = k, min(k, n - smallest_left)
    if k < 1:
        return KeyPlayers(
            actors=(),
            score=math.nan,
            goal=goal,
            method="none",
            params={"k": 0, "k_requested": requested, "goal": goal, "reference": "Borgatti (2006)"},
        )
    pool = _candidates(graph, matrix, goal, candidates, seed)
    k = min(k, len(pool))
    if k < 1:
        return KeyPlayers(
            actors=(),
            score=math.nan,
            goal=goal,
            method="none",
            params={"k": 0, "k_requested": requested, "goal": goal, "reference": "Borgatti (2006)"},
        )
    if goal == "fragment_distance" and sample_sources is None and n > 500:
        sample_sources = 128 if n <= 2000 else 64
    sources = None
    if goal == "fragment_distance" and sample_sources is not None and sample_sources < n:
        sources = np.sort(np.random.default_rng(seed).choice(n, sample_sources, replace=False))
    problem = _Problem(matrix, goal, steps, pool, sources)
    combinations = math.comb(len(pool), k)
    work = math.comb(len(pool), k - 1) * (n + int(matrix.nnz) // 2 + 1)
    if goal == "fragment_distance":
        exact = combinations <= exhaustive_max and combinations * n * n <= 1000 * exhaustive_max
    else:
        exact = combinations <= exhaustive_max or work <= exhaustive_work
    if exact:
        method, best, passes = "exhaustive", _exhaustive(problem, pool, k), 0
    else:
        method = "greedy+swap"
        restarts = (8 if n <= 2000 else 0) if restarts is None else restarts
        best, passes = _restarts(problem, pool, k, max_passes, restarts, seed)
    if sources is not None and n <= 2000:
        problem = _Problem(matrix, goal, steps, pool, None)
    score = problem.score(best)
    contributions = [score - problem.score(tuple(x for x in best if x != u)) for u in best]
    order = sorted(range(k), key=lambda i: (-round(contributions[i], 12), best[i]))
    params = {
        "k": k,
        "k_requested": requested,
        "goal": goal,
        "steps": steps if goal == "reach" else None,
        "candidates": len(pool),
        "exhaustive_max": exhaustive_max,
        "exhaustive_work": exhaustive_work,
        "restarts": 0 if exact else restarts,
        "passes": passes,
        "sample_sources": None if sources is None else len(sources),
        "sampled_score": sources is not None and n > 2000,
        "seed": seed,
        "reference": "Borgatti (2006)",
    }
    return KeyPlayers(
        actors=tuple(nodes[best[i]] for i in order),
        score=float(score),
        goal=goal,
        method=method,
        params=params,
        contributions=tuple(float(contributions[i]) for i in order),
    )


def _best(values: np.ndarray) -> tuple[int, float]:
    """Position and value of the maximum (first position among ties), NaN ignored."""
    if np.all(np.isnan(values)):
        return -1, -math.inf
    top = np.nanmax(values)
    return int(np.flatnonzero(values >= top - _EPSILON)[0]), float(top)


def _exhaustive(problem: _Problem, pool: np.ndarray, k: int) -> tuple[int, ...]:
    best, best_score = (), -math.inf
    if problem.goal == "fragment_distance":
        for members in itertools.combinations(pool.tolist(), k):
            value = problem.score(members)
            if value > best_score + _EPSILON:
                best, best_score = members, value
        return best
    for base in itertools.combinations(pool.tolist(), k - 1):
        values = problem.gains(base)
        values[: base[-1] + 1 if base else 0] = np.nan  # each set once, in increasing order
        v, value = _best(values)
        if v >= 0 and value > best_score + _EPSILON:
            best, best_score = (*base, v), value
    return best


def _greedy(problem: _Problem, k: int) -> tuple[int, ...]:
    members: tuple[int, ...] = ()
    for _ in range(k):
        v, _ = _best(problem.gains(members))
        members = (*members, v)
    return tuple(sorted(members))


def _restarts(
    problem: _Problem, pool: np.ndarray, k: int, max_passes: int, restarts: int, seed: int
) -> tuple[tuple[int, ...], int]:
    """Greedy then ``restarts`` seeded random sets, each swap-optimised; the best is kept."""
    rng = np.random.default_rng(seed)
    starts = [_greedy(problem, k)]
    for _ in range(restarts):
        starts.append(tuple(sorted(int(x) for x in rng.choice(pool, k, replace=False))))
    best, best_score, total_passes = starts[0], -math.inf, 0
    for start in starts:
        members, passes = _swap(problem, pool, start, max_passes)
        total_passes += passes
        value = problem.score(members)
        if value > best_score + _EPSILON:
            best, best_score = members, value
    return best, total_passes


def _swap(
    problem: _Problem, pool: np.ndarray, members: tuple[int, ...], max_passes: int
) -> tuple[tuple[int, ...], int]:
    current = problem.score(members)
    for passes in range(max_passes):
        swap, gain = None, _EPSILON
        for u in members:
            rest = tuple(x for x in members if x != u)
            v, value = _best(problem.gains(rest))
            if v >= 0 and value - current > gain:
                swap, gain = (u, v), value - current
        if swap is None:
            return members, passes
        members = tuple(sorted((*[x for x in members if x != swap[0]], swap[1])))
        current = problem.score(members)
    return members, max_passes
