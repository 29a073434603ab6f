"""Complementarities and suggested links: whose resources meet whose needs, who should meet.

A resource of one actor that matches the need of another is a *complementarity*, the
most concrete reason to introduce them (:func:`complementarities`); shared
collectives, common partners, the same fonction de vie in the same commune and
complementary types are others (:func:`link_suggestions`).

Matching rules: :mod:`._matching` (French-aware text matching with a domain thesaurus:
``match="text"``; a shared category alone is a weaker lead, ``match="category"``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, diags, triu
from scipy.sparse.csgraph import shortest_path

from ..model import Territory
from ..text_keys import key, loose
from ._matching import matches as _matches

#: Collectives, (fonction de vie, commune) buckets and communes with more members than
#: this, and partners with more ties, generate no candidate pair in :func:`link_suggestions`.
MAX_BUCKET = 100
_CHUNK = 256

MATCH_COLUMNS = [
    "resource_actor",
    "resource_actor_name",
    "need_actor",
    "need_actor_name",
    "category",
    "resource",
    "need",
    "match",
    "status",
    "distance",
    "path",
    "introducer",
    "introducer_name",
    "resource_category",
    "need_category",
]
SUGGESTION_COLUMNS = [
    "source",
    "source_name",
    "target",
    "target_name",
    "reason",
    "reasons",
    "score",
    "details",
]

#: Reason codes in the order that breaks ties for the main reason, with their weight.
REASON_WEIGHTS = {
    "resource_need": 3.0,
    "shared_collective": 2.0,
    "common_partners": 1.0,
    "same_function_same_area": 1.0,
    "complementary_types": 0.5,
}
_CAPPED = 3  # matches, collectives or functions counted at most

#: Pairs of actor types that typically cooperate (a weak reason only).
COMPLEMENTARY_TYPES = frozenset(
    frozenset(pair)
    for pair in [
        ("entreprise de l'ESS", "commune"),
        ("entreprise de l'ESS", "intercommunalité"),
        ("entreprise de l'ESS", "département"),
        ("entreprise de l'ESS", "région"),
        ("entreprise de l'ESS", "établissement public"),
        ("entreprise de l'ESS", "financeur"),
        ("entreprise de l'ESS", "fondation"),
        ("association", "fondation"),
        ("association", "financeur"),
        ("association", "commune"),
        ("formation / recherche", "entreprise"),
        ("formation / recherche", "entreprise de l'ESS"),
        ("tête de réseau / accompagnement", "association"),
        ("tête de réseau / accompagnement", "entreprise de l'ESS"),
        ("tête de réseau / accompagnement", "citoyens / collectif d'habitants"),
        ("chambre consulaire", "entreprise"),
        ("bailleur social", "association"),
        ("bailleur social", "citoyens / collectif d'habitants"),
        ("citoyens / collectif d'habitants", "commune"),
    ]
)


# -- paths -----------------------------------------------------------------------------
def _introductions(graph: nx.Graph, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], list]:
    """Shortest path from a to b for each untied pair (empty list when not connected).

    One breadth-first search per distinct target (scipy, in chunks); the path is then
    walked from ``a``, choosing at each step the neighbour one link closer to ``b``
    with the most ties (ties: smallest id).
    """
    nodes = list(graph.nodes())
    index = {node: i for i, node in enumerate(nodes)}
    # Neighbours listed by preference (most ties first, then id): the first one closer wins.
    priority = {
        node: rank
        for rank, node in enumerate(sorted(nodes, key=lambda n: (-len(graph.adj[n]), str(n))))
    }
    adjacency = [
        [index[w] for w in sorted(graph.adj[n], key=priority.__getitem__) if w != n] for n in nodes
    ]
    indptr = np.cumsum([0, *(len(around) for around in adjacency)])
    indices = np.array([j for around in adjacency for j in around], dtype=np.int32)
    matrix = csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(nodes),) * 2)
    by_target: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(pairs):
        by_target[b].append(a)
    targets = sorted(by_target)
    paths: dict[tuple[str, str], list] = {}
    for start in range(0, len(targets), _CHUNK):
        chunk = targets[start : start + _CHUNK]
        distances = shortest_path(
            matrix, method="D", directed=True, unweighted=True, indices=[index[b] for b in chunk]
        )  # matrix is symmetric
        distances[~np.isfinite(distances)] = -1
        for values, b in zip(distances.astype(np.int32), chunk, strict=True):
            row = memoryview(values)  # fast scalar reads
            # path from each node reached so far to b, shared by all the paths to b
            suffix: dict[int, tuple[str, ...]] = {index[b]: (b,)}
            for a in by_target[b]:
                current, walked = index[a], []
                if row[current] < 0:
                    paths[(a, b)] = []
                    continue
                while current not in suffix:
                    walked.append(current)
                    step = row[current] - 1
                    current = next(w for w in adjacency[current] if row[w] == step)
                tail = suffix[current]
                for node in reversed(walked):
                    tail = suffix[node] = (nodes[node], *tail)
                paths[(a, b)] = list(tail)
    return paths


def _sort_key(column: pd.Series) -> list[str]:
    """Case- and accent-insensitive sort key of a text column (missing values: "")."""
    values = column.tolist()
    mapping = {v: loose(v) for v in set(values) if isinstance(v, str)}
    return [mapping.get(v, "") if isinstance(v, str) else "" for v in values]


def _rank(status: str, distance: float) -> int:
    if status == "indirect":
        return 0 if distance == 2 else 2
    return 1 if status == "new" else 3


def complementarities(t: Territory) -> pd.DataFrame:
    """Resources of one actor that meet needs of another, and how far apart the two are.

    Matching (rules in :mod:`._matching`): ``match="text"`` when the resource's text
    answers the need's text; ``match="category"`` for a weaker lead, the same
    normalised category ("Locaux" == "locaux ") with texts that do not agree. Each need
    and each resource keeps at most 5 pairs of each kind, the closest first. An actor is
    never matched with itself.

    Graph: the analysis graph (undirected, unweighted; distances count links).
    ``status``: ``existing`` when the two actors are tied (``distance`` 1),
    ``indirect`` when they are connected through intermediaries (``path``: ids of a
    shortest path from the resource's actor to the need's actor; ``introducer``: its
    second actor, the resource holder's partner who can make the introduction; among
    shortest paths, each step takes the actor with the most ties, ties by id),
    ``new`` when no path joins them (``distance`` NaN, no path).

    Columns: ``resource_actor``, ``resource_actor_name``, ``need_actor``,
    ``need_actor_name``, ``category`` (the shared one; for a text match the
    resource's, else the need's), ``resource``, ``need``, ``match``, ``status``,
    ``distance``, ``path``, ``introducer``, ``introducer_name``,
    ``resource_category``, ``need_category``. Sorted so the most actionable come
    first: indirect at distance 2 (an introducer exists), then new, then indirect at
    3 links or more, then existing; within each, by category, actor names, texts.

    >>> t = Territory.from_records(
    ...     actors=[{"id": "tl", "name": "Tiers-lieu", "type": "association"},
    ...             {"id": "ville", "name": "Ville", "type": "commune"},
    ...             {"id": "scop", "name": "Scop", "type": "entreprise de l'ESS"}],
    ...     relations=[{"source": "tl", "target": "ville", "type": "coopération"},
    ...                {"source": "ville", "target": "scop", "type": "coopération"}],
    ...     resources=[{"actor": "tl", "resource": "Salle de réunion", "category": "Locaux"}],
    ...     needs=[{"actor": "scop", "need": "Un local pour nos réunions", "category": "locaux"}])
    >>> complementarities(t)[["resource_actor", "need_actor", "match", "status", "introducer"]]
      resource_actor need_actor match    status introducer
    0             tl       scop  text  indirect      ville
    """
    matches = _matches(t)
    graph = t.analysis_graph
    untied = {
        (m["resource_actor"], m["need_actor"])
        for m in matches
        if not graph.has_edge(m["resource_actor"], m["need_actor"])
    }
    paths = _introductions(graph, untied)
    names = t.actors["name"].to_dict()
    for m in matches:
        pair = (m["resource_actor"], m["need_actor"])
        path = [*pair] if pair not in untied else paths[pair]
        m["status"] = "existing" if pair not in untied else ("indirect" if path else "new")
        m["distance"] = float(len(path) - 1) if path else math.nan
        m["path"] = list(path) or None  # a list of its own per row
        m["introducer"] = path[1] if m["status"] == "indirect" else None
        m["introducer_name"] = names.get(m["introducer"]) if m["introducer"] else None
    frame = pd.DataFrame(matches, columns=MATCH_COLUMNS)
    if frame.empty:
        return frame
    order = pd.DataFrame(
        {
            "rank": [
                _rank(st, d) for st, d in zip(frame["status"], frame["distance"], strict=True)
            ],
            "no_category": frame["category"].isna(),
            **{
                c: _sort_key(frame[c])
                for c in ("category", "resource_actor_name", "need_actor_name", "resource", "need")
            },
            "resource_actor": frame["resource_actor"],
            "need_actor": frame["need_actor"],
        }
    )
    ranked = order.sort_values(list(order.columns), kind="stable").index
    return frame.loc[ranked].reset_index(drop=True)


# -- suggestions -------------------------------------------------------------------------
def _functions(value: Any, t: Territory) -> list[str]:
    """The fonctions de vie of an actor, canonical (a list, or a text separated by ";")."""
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, list | tuple | set):
        return []
    return sorted({t.vocabulary.match("function", str(v)).name for v in value if str(v).strip()})


def _group_pairs(groups: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """All pairs (u < v) inside each group of sorted actor numbers, groups of 2 to MAX_BUCKET."""
    us, vs = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for members in groups:
        if 2 <= len(members) <= MAX_BUCKET:
            first, second = np.triu_indices(len(members), 1)
            us.append(members[first])
            vs.append(members[second])
    return np.concatenate(us), np.concatenate(vs)


def _grouped(keys: list[Any], numbers: list[int]) -> dict[Any, np.ndarray]:
    groups: dict[Any, set[int]] = defaultdict(set)
    for group, number in zip(keys, numbers, strict=True):
        groups[group].add(number)
    return {g: np.array(sorted(m), dtype=np.int64) for g, m in sorted(groups.items(), key=str)}


def link_suggestions(t: Territory, *, max_suggestions: int | None = 50) -> pd.DataFrame:
    """Pairs of actors who do not work together yet and have good reasons to meet.

    Candidates are pairs with no relation at all (not tied in the analysis graph, and
    not in tension either: those know each other). Reasons (stable codes) and their
    contribution to ``score`` (summed when several apply):

    - ``resource_need``: a resource of one matches a need of the other
      (:func:`complementarities`): 3 per match, at most 3 matches counted;
    - ``shared_collective``: members of the same collective: 2 per collective, at most 3;
    - ``common_partners``: partners in common on the analysis graph, scored by the
      Adamic-Adar index, the sum of 1 / ln(degree) over the common partners (Adamic
      and Adar 2003; Liben-Nowell and Kleinberg 2007): a partner with few ties counts more;
    - ``same_function_same_area``: the same fonction de vie in the same commune
      (normalised): 1 per shared function, at most 3;
    - ``complementary_types``: types that typically cooperate
      (:data:`COMPLEMENTARY_TYPES`): 0.5, a weak reason. It is added to any pair that
      has another reason, and stands alone only for two actors of the same commune.

    Speed (no all-pairs; about 1 s for 10,000 actors and 30,000 relations): candidates
    come from resource/need matches, collectives, pairs two links apart (one sparse
    product ``A diag(w) A``), (function, commune) buckets and communes (for
    complementary types alone). Caps, at :data:`MAX_BUCKET` (100): a collective or a
    (function, commune) bucket with more members, or a partner with more ties, counts
    for no pair (it says little about whether two of its members should meet); a
    commune with more actors gives no pair on complementary types alone (pairs with
    another reason still get it).

    One row per pair (``source`` < ``target``), with ``source_name``,
    ``target_name``, ``reason`` (the one contributing most; ties in the order above),
    ``reasons`` (all codes, in that order), ``score`` and ``details`` (a dict:
    ``matches``, ``collectives``, ``common_partners`` and ``adamic_adar``,
    ``functions`` and ``municipality``, ``types``, for the reasons present). The
    ``max_suggestions`` best (score descending, then ids); ``None`` for all.

    >>> t = Territory.from_records(
    ...     actors=[{"id": "a", "name": "Asso", "type": "association"},
    ...             {"id": "b", "name": "Banque", "type": "financeur"},
    ...             {"id": "v", "name": "Ville", "type": "commune"}],
    ...     relations=[{"source": "a", "target": "v", "type": "coopération"},
    ...                {"source": "b", "target": "v", "type": "financement", "family": "flux"}])
    >>> link_suggestions(t)[["source", "target", "reason", "reasons"]]
      source target           reason                                 reasons
    0      a      b  common_partners  [common_partners, complementary_types]
    """
    if max_suggestions is not None and max_suggestions < 0:
        raise ValueError("max_suggestions must be >= 0 or None")
    graph, actors = t.analysis_graph, t.actors
    if len(actors) < 2:
        return pd.DataFrame(columns=SUGGESTION_COLUMNS)
    ids = sorted(actors.index, key=str)  # actor numbers follow the ids: u < v <=> ids ordered
    number = {a: i for i, a in enumerate(ids)}
    n = len(ids)
    kinds = {a: t.vocabulary.match("actor", str(k)).name for a, k in actors["type"].items()}
    kind_codes = {k: i for i, k in enumerate(sorted(set(kinds.values())))}
    kind_of = np.array([kind_codes[kinds[a]] for a in ids], dtype=np.int64)
    table = np.zeros((len(kind_codes),) * 2, dtype=bool)  # complementary type codes
    for first, second in map(sorted, COMPLEMENTARY_TYPES):
        if first in kind_codes and second in kind_codes:
            table[kind_codes[first], kind_codes[second]] = True
            table[kind_codes[second], kind_codes[first]] = True

    parts: list[pd.DataFrame] = []

    def add(code: str, u: np.ndarray, v: np.ndarray, value: Any = 1.0) -> None:
        low, high = np.minimum(u, v), np.maximum(u, v)
        parts.append(pd.DataFrame({"u": low, "v": high, code: value}))

    matches = [m for m in _matches(t) if m["match"] == "text"]  # a category alone says little
    add(
        "resource_need",
        np.array([number[m["resource_actor"]] for m in matches], dtype=np.int64),
        np.array([number[m["need_actor"]] for m in matches], dtype=np.int64),
    )
    memberships = t.memberships[t.memberships["actor"].isin(actors.index)]
    collectives = _grouped(
        list(memberships["collective"]), [number[a] for a in memberships["actor"]]
    )
    add("shared_collective", *_group_pairs(list(collectives.values())))
    # Adamic-Adar through partners of 2 to MAX_BUCKET ties: A diag(w) A, upper triangle.
    edges = np.array(
        [(number[a], number[b]) for a, b in graph.edges() if a != b], dtype=np.int64
    ).reshape(-1, 2)
    rows = np.concatenate([edges[:, 0], edges[:, 1]])
    cols = np.concatenate([edges[:, 1], edges[:, 0]])
    adjacency = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    degree = np.asarray(adjacency.sum(axis=1)).ravel()
    weight = np.zeros(n)
    hubless = (degree >= 2) & (degree <= MAX_BUCKET)
    weight[hubless] = 1 / np.log(degree[hubless])
    weighted = adjacency @ diags(weight)
    weighted.eliminate_zeros()
    adamic_adar = triu(weighted @ adjacency, k=1).tocoo()
    add(
        "common_partners",
        adamic_adar.row.astype(np.int64),
        adamic_adar.col.astype(np.int64),
        adamic_adar.data,
    )
    towns = {
        a: key(m) for a, m in actors["municipality"].items() if isinstance(m, str) and m.strip()
    }
    functions = {a: _functions(actors.at[a, "functions"], t) for a in towns}
    buckets = _grouped(
        [(f, town) for a, town in towns.items() for f in functions[a]],
        [number[a] for a in towns for _ in functions[a]],
    )
    add("same_function_same_area", *_group_pairs(list(buckets.values())))
    u, v = _group_pairs(list(_grouped(list(towns.values()), [number[a] for a in towns]).values()))
    keep = table[kind_of[u], kind_of[v]]
    add("complementary_types", u[keep], v[keep])

    combined = pd.concat(parts).groupby(["u", "v"], sort=False).sum(min_count=1)
    known = [
        min(number[a], number[b]) * n + max(number[a], number[b])
        for a, b in zip(t.relations["source"], t.relations["target"], strict=True)
        if a != b  # the relations table: the graph itself is not made for this
    ]
    u = combined.index.get_level_values(0).to_numpy()
    v = combined.index.get_level_values(1).to_numpy()
    unknown = ~np.isin(u * n + v, np.array(known, dtype=np.int64))
    combined = combined[unknown]
    u, v = u[unknown], v[unknown]
    scores = pd.DataFrame(index=combined.index)
    for code, weight_of in REASON_WEIGHTS.items():
        value = combined[code].fillna(0).to_numpy()
        if code == "common_partners":
            scores[code] = weight_of * value
        elif code == "complementary_types":  # a weak reason, added to every candidate pair
            scores[code] = weight_of * table[kind_of[u], kind_of[v]]
        else:
            scores[code] = weight_of * np.minimum(value, _CAPPED)
    total = scores.sum(axis=1).to_numpy()
    order = np.lexsort((v, u, -np.round(total, 9)))  # float noise must not beat the ids
    if max_suggestions is not None:
        order = order[:max_suggestions]
    codes = list(REASON_WEIGHTS)
    values = scores.to_numpy()
    names = actors["name"].to_dict()
    out: list[tuple] = []
    for i in order:
        a, b = ids[u[i]], ids[v[i]]
        present = [c for c, x in zip(codes, values[i], strict=True) if x > 0]
        out.append(
            (
                a,
                names.get(a),
                b,
                names.get(b),
                codes[int(np.argmax(values[i]))],
                present,
                float(total[i]),
                {},
            )
        )
    _details(t, out, matches, collectives, ids, kinds, towns, functions, buckets, graph)
    return pd.DataFrame(out, columns=SUGGESTION_COLUMNS)


def _details(
    t: Territory,
    rows: list[tuple],
    matches: list[dict],
    collectives: dict,
    ids: list[str],
    kinds: dict[Any, str],
    towns: dict[Any, str],
    functions: dict[Any, list[str]],
    buckets: dict,
    graph: nx.Graph,
) -> None:
    """Fill the ``details`` dict of each suggested pair (only for the rows returned)."""
    wanted = {(row[0], row[2]) for row in rows}
    found: dict[tuple[str, str], list] = defaultdict(list)
    for m in matches:
        pair = tuple(sorted((m["resource_actor"], m["need_actor"]), key=str))
        if pair in wanted:
            found[pair].append(
                {k: m[k] for k in ("resource_actor", "resource", "need_actor", "need")}
            )
    member_of: dict[str, set[str]] = defaultdict(set)
    for collective, members in collectives.items():
        if len(members) <= MAX_BUCKET:
            for i in members:
                member_of[ids[i]].add(collective)
    for a, _, b, _, _, present, _, details in rows:
        if "resource_need" in present:
            details["matches"] = sorted(found[(a, b)], key=lambda m: [str(x) for x in m.values()])
        if "shared_collective" in present:
            details["collectives"] = sorted(member_of[a] & member_of[b], key=str)
        if "common_partners" in present:
            common = sorted(
                (
                    z
                    for z in set(graph.adj[a]) & set(graph.adj[b])
                    if 2 <= len(graph.adj[z]) <= MAX_BUCKET
                ),
                key=str,
            )
            details["common_partners"] = common
            details["adamic_adar"] = sum(1 / math.log(len(graph.adj[z])) for z in common)
        if "same_function_same_area" in present:
            details["functions"] = [
                f
                for f in sorted(set(functions[a]) & set(functions[b]))
                if len(buckets[(f, towns[a])]) <= MAX_BUCKET
            ]
            details["municipality"] = t.actors.at[a, "municipality"]
        if "complementary_types" in present:
            details["types"] = [kinds[a], kinds[b]]
