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


def key_players(
    t: Territory,
    k: int = 3,
    goal: Literal["fragment", "reach", "fragment_distance", "reach_distance"] = "fragment",
    steps: int = 2,
    *,
    seed: int = 0,
) -> KeyPlayers:
    """Borgatti's (2006) key-player set of ``k`` actors on the analysis graph.

    ``goal="fragment"`` (KPP-Neg): the actors whose loss splits the network most,
    scored by the fragmentation F = 1 - sum_k s_k(s_k - 1) / (n(n - 1)) once they
    are removed. ``goal="reach"`` (KPP-Pos): the actors who reach the most others
    within ``steps`` links, scored by the share of the actors outside the set
    reached.

    Parameters
    ----------
    t : Territory
        The territory.
    k : int, default 3
        How many actors the set holds.
    goal : {"fragment", "reach", "fragment_distance", "reach_distance"}, default "fragment"
        What the set is for: splitting the network (KPP-Neg) or reaching it (KPP-Pos);
        the ``_distance`` variants weigh each pair by its distance (Borgatti 2006, eq. 9).
    steps : int, default 2
        For ``"reach"``: within how many links an actor counts as reached.
    seed : int, default 0
        Seed of the greedy search's starting set, for reproducible results.

    Returns
    -------
    KeyPlayers
        ``.actors`` (the ids, best first), ``.score``, and the parameters used.

    Raises
    ------
    ValueError
        If ``goal`` is not one of the four, or ``k`` is not a positive number of actors.

    Notes
    -----
    Graph: the analysis graph (every actor, one undirected tie per related pair,
    tensions left out). Normalised: F and the reach share lie between 0 and 1.
    Reference: Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory* 12, 21-34.

    Examples
    --------
    A path a-b-c-d-e: removing c leaves {a, b} and {d, e}, F = 1 - (2 + 2) / (4 x 3):

    >>> import territoire_graphe as tg
    >>> t = tg.Territory.from_records(
    ...     actors=[{"id": x, "name": x.upper(), "type": "association"} for x in "abcde"],
    ...     relations=[{"source": u, "target": v, "type": "coopération"}
    ...                for u, v in ["ab", "bc", "cd", "de"]])
    >>> result = tg.key_players(t, k=1)
    >>> result.actors, round(result.score, 3)
    (('c',), 0.667)
    """
    return keyplayers.key_players(t.analysis_graph, k, goal=goal, steps=steps, seed=seed)


def mixing(
    t: Territory,
    by: str = "type",
    *,
    permutations: int = 1000,
    seed: int = 0,
    missing: str | None = None,
) -> Mixing:
    """How ties fall within and between groups of actors (any actor column, or "community").

    Parameters
    ----------
    t : Territory
        The territory.
    by : str, default "type"
        The actor column that makes the groups, or ``"community"`` (Louvain, seeded).
        A list-valued column (``functions``) groups by the whole list.
    permutations : int, default 1000
        Random relabellings of the actors for the p-value of the E-I index.
    seed : int, default 0
        Seed of the permutations (and of the communities).
    missing : str, optional
        A group for the actors with no value in ``by``; by default they are left out
        and listed in ``.excluded``.

    Returns
    -------
    Mixing
        ``.matrix`` (ties between groups), ``.density`` (ties over the pairs that could
        be tied), ``.ei_index``, ``.ei_by_group``, ``.p_value`` and ``.excluded``.

    Raises
    ------
    KeyError
        If ``by`` is neither an actor column nor ``"community"``.

    Notes
    -----
    Graph: the analysis graph (undirected, one tie per related pair). Normalised:
    E-I = (E - I) / (E + I) between -1 (every tie inside a group) and 1 (every tie
    between groups); per group, UCINET's convention counts an inside tie from both
    ends. The p-value is the share of relabellings whose E-I is at most the observed
    one, (1 + count) / (1 + permutations). Reference: Krackhardt, D. and Stern, R. N.
    (1988). Informal networks and organizational crises. *Social Psychology
    Quarterly* 51(2), 123-140.

    Examples
    --------
    Two communes tied together and three ties from them to two associations:
    E = 3, I = 1, so E-I = (3 - 1) / 4.

    >>> import territoire_graphe as tg
    >>> t = tg.Territory.from_records(
    ...     actors=[{"id": i, "name": i, "type": k} for i, k in
    ...             [("a1", "commune"), ("a2", "commune"), ("b1", "association"),
    ...              ("b2", "association")]],
    ...     relations=[{"source": u, "target": v, "type": "coopération"} for u, v in
    ...                [("a1", "a2"), ("a1", "b1"), ("a2", "b1"), ("a2", "b2")]])
    >>> result = tg.mixing(t, permutations=100)
    >>> result.ei_index, int(result.matrix.loc["commune", "association"])
    (0.5, 3)
    """
    graph = t.analysis_graph
    if by == "community":
        labels = communities.louvain(graph, seed=seed).labels
        return groups.mixing_table(
            graph, by, groups=labels, permutations=permutations, seed=seed, missing=missing
        )
    if by not in t.actors.columns:
        raise KeyError(
            f"{by!r} is not an actor column; available: "
            f"{', '.join(map(str, t.actors.columns))}, community"
        )
    column = t.actors[by]
    values = column.map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v)
    return groups.mixing_table(
        graph,
        by,
        groups=pd.Series(values, index=t.actors.index),
        permutations=permutations,
        seed=seed,
        missing=missing,
    )
