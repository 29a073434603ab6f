"""Questions asked directly of a Territory: key players and mixing between groups.

>>> import territoire_graphe as tg
>>> t = tg.Territory.from_records(
...     actors=[{"id": x, "name": x.upper(), "type": "association"} for x in "abcde"],
...     relations=[{"source": u, "target": v, "type": "coopération"}
...                for u, v in ["ab", "bc", "cd", "de"]])
>>> kp = tg.key_players(t, k=1, goal="fragment")
>>> kp.actors, round(kp.score, 3)  # removing c leaves {a,b} and {d,e}: F = 1 - 4/12
(('c',), 0.667)
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from .analysis import communities, groups, keyplayers
from .analysis.groups import Mixing
from .analysis.keyplayers import KeyPlayers
from .model import Territory


def key_players(t: Territory, k: int = 3, goal: Literal["fragment", "reach", "fragment_distance",
                                                        "reach_distance"] = "fragment",
                steps: int = 2, *, seed: int = 0) -> KeyPlayers:
    """Borgatti's (2006) key-player set of ``k`` actors on the analysis graph.

    ``goal="fragment"`` (KPP-Neg): the actors whose loss splits the network most,
    scored by the fragmentation F = 1 - sum_k s_k(s_k - 1) / (n(n - 1)) once they
    are removed. ``goal="reach"`` (KPP-Pos): the actors who reach the most others
    within ``steps`` links, scored by the share of the actors outside the set
    reached. Returns ``.actors`` (ids) and ``.score``.
    """
    return keyplayers.key_players(t.analysis_graph, k, goal=goal, steps=steps, seed=seed)


def mixing(t: Territory, by: str = "type", *, permutations: int = 1000, seed: int = 0,
           missing: str | None = None) -> Mixing:
    """How ties fall within and between groups of actors (any actor column, or "community").

    Returns ``.matrix`` (ties between groups), ``.density``, ``.ei_index``
    (Krackhardt and Stern's (E - I) / (E + I)), ``.ei_by_group`` (UCINET's per-group
    E-I) and ``.p_value`` of a seeded permutation test. Actors with no value in
    ``by`` are listed in ``.excluded`` unless ``missing`` names a group for them.
    """
    graph = t.analysis_graph
    if by == "community":
        labels = communities.louvain(graph, seed=seed).labels
        return groups.mixing_table(graph, by, groups=labels, permutations=permutations,
                                   seed=seed, missing=missing)
    if by not in t.actors.columns:
        raise KeyError(f"{by!r} is not an actor column; available: "
                       f"{', '.join(map(str, t.actors.columns))}, community")
    column = t.actors[by]
    values = column.map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
    return groups.mixing_table(graph, by, groups=pd.Series(values, index=t.actors.index),
                               permutations=permutations, seed=seed, missing=missing)
