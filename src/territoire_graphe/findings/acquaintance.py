"""Interconnaissance: isolated actors, groups and places that never meet, members who never meet."""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx
import pandas as pd

from ..messages import text
from ..text_keys import compact, key
from .evidence import Evidence, finding
from .words import count_text


def isolated_actors(e: Evidence) -> list[dict[str, Any]]:
    a = e.actors
    isolated = list(a.index[a["is_isolated"]])
    if not isolated or e.graph.number_of_edges() == 0:
        return []
    share = len(isolated) / len(a)
    tense = sorted({x for pair in e.tension_pairs for x in pair} & set(isolated), key=str)
    row = finding(
        e,
        "isolated",
        "interconnaissance",
        1 if share >= 0.1 else 2,
        {"isolated": len(isolated), "actors": len(a), "share": share, "in_tension": tense},
        isolated,
        count=len(isolated),
        total=len(a),
        share=e.pct(share),
        names=e.names(isolated, limit=8),
    )
    if tense:  # "aucun lien" does not hide a conflict
        key_ = "finding.isolated_tension" + (".alone" if len(isolated) == 1 else "")
        row["text"] += " " + text(key_, e.lang, count=len(tense), names=e.names(tense))
    return [row]


def pendant_actors(e: Evidence) -> list[dict[str, Any]]:
    a = e.actors
    pendant = list(a.index[a["is_pendant"]]) if "is_pendant" in a else []
    if len(pendant) < 2:
        return []
    return [
        finding(
            e,
            "pendant",
            "interconnaissance",
            3,
            {"pendant": len(pendant)},
            pendant,
            count=len(pendant),
            names=e.names(pendant, limit=8),
        )
    ]


def groups_never_meet(e: Evidence, *, max_findings: int = 4) -> list[dict[str, Any]]:
    """Pairs of actor types with no tie (or only one or two, far below the overall density)."""
    if e.mixing is None or e.graph.number_of_edges() == 0:
        return []
    matrix = e.mixing.matrix
    sizes = e.actors["type"].value_counts()
    density = nx.density(e.graph)
    rows = []
    for ga, gb in itertools.combinations(sorted(matrix.index, key=str), 2):
        size_a, size_b = int(sizes.get(ga, 0)), int(sizes.get(gb, 0))
        if size_a < 2 or size_b < 2:
            continue
        possible = size_a * size_b
        ties = int(matrix.at[ga, gb])
        if ties == 0 or (ties <= 2 and ties / possible < density / 4):
            rows.append((ties, -possible, ga, gb, size_a, size_b))
    out = []
    for ties, neg_possible, ga, gb, size_a, size_b in sorted(rows)[:max_findings]:
        members = list(e.actors.index[e.actors["type"].isin([ga, gb])])
        out.append(
            finding(
                e,
                "groups_no_tie" if ties == 0 else "groups_few_ties",
                "interconnaissance",
                2,
                {"group_a": ga, "group_b": gb, "ties": ties, "possible": -neg_possible},
                members,
                group_a=e.type_label(ga),
                group_b=e.type_label(gb),
                size_a=size_a,
                size_b=size_b,
                ties=count_text(e.lang, "ties", ties),
                possible=-neg_possible,
            )
        )
    return out


# Headers of an extra actors column holding the commune's INSEE code (compared compactly).
_CODE_COLUMNS = frozenset({"codeinsee", "insee", "codecommune", "inseecode", "citycode"})


def _communes(e: Evidence) -> pd.Series:
    """Each actor's commune, when it has one (blank cells left out)."""
    commune = e.actors["municipality"].dropna()
    return commune[commune.astype(str).str.strip() != ""]


def _inside_perimeter(e: Evidence, commune: pd.Series) -> pd.Series:
    """Whether each actor's commune is in the perimeter, by name or by INSEE code.

    FORMAT.md lets the perimeter list names or INSEE codes: a code matches the commune
    cell itself (a commune typed as its code) or an extra column such as ``code_insee``.
    """
    perimeter = e.perimeter or frozenset()
    inside = commune.map(lambda c: key(str(c)) in perimeter).astype(bool)
    table = e.t.actors  # the workbook's own columns (code_insee...) live on the territory
    for column in table.columns:
        if compact(str(column)) in _CODE_COLUMNS:
            codes = table[column].reindex(commune.index)
            inside |= codes.map(lambda c: pd.notna(c) and key(str(c)) in perimeter).astype(bool)
    return inside


_LISTED_COMMUNES = 4  # named with their counts; the others are counted


def communes_outside(e: Evidence) -> list[dict[str, Any]]:
    """Actors whose commune lies outside the territory's perimeter, grouped in one sentence.

    Claim: exactly these actors have a commune that is neither named nor coded in the
    perimeter; the communes listed are theirs, with how many actors each.
    """
    if e.perimeter is None or "municipality" not in e.actors:
        return []
    commune = _communes(e)
    outside = commune[~_inside_perimeter(e, commune)]
    if outside.empty:
        return []
    counts = outside.astype(str).value_counts()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    places = [f"{name} ({count})" for name, count in ranked[:_LISTED_COMMUNES]]
    if len(ranked) > _LISTED_COMMUNES:
        places.append(count_text(e.lang, "other_communes", len(ranked) - _LISTED_COMMUNES))
    return [
        finding(
            e,
            "communes_outside",
            "interconnaissance",
            3,
            {"outside": len(outside), "communes": {name: int(n) for name, n in ranked}},
            sorted(outside.index, key=str),
            count=len(outside),
            places=e.join(places, limit=len(places)),
        )
    ]


def communes_never_meet(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    """Pairs of municipalities (3 actors or more each) with no tie between their actors.

    Claim: no tie of the analysis graph joins an actor of one to an actor of the other.
    When the territory has a perimeter, only communes inside it are compared; the others
    are grouped "hors périmètre" by :func:`communes_outside`.
    """
    if "municipality" not in e.actors or e.graph.number_of_edges() == 0:
        return []
    commune = _communes(e)
    if e.perimeter is not None:
        # Communes "hors périmètre" (a head office in the city...) are not the territory's.
        commune = commune[_inside_perimeter(e, commune)]
    sizes = commune.value_counts()
    big = sorted(str(c) for c in sizes.index[sizes >= 3])
    if len(big) < 2:
        return []
    pairs: dict[frozenset, int] = {}
    for u, v in e.graph.edges():
        cu, cv = commune.get(u), commune.get(v)
        if cu is not None and cv is not None and cu != cv:
            pairs[frozenset((cu, cv))] = pairs.get(frozenset((cu, cv)), 0) + 1
    rows = [
        (-(sizes[a] * sizes[b]), a, b)
        for a, b in itertools.combinations(big, 2)
        if frozenset((a, b)) not in pairs
    ]
    out = []
    for neg, ca, cb in sorted(rows)[:max_findings]:
        members = list(commune.index[commune.isin([ca, cb])])
        out.append(
            finding(
                e,
                "communes_no_tie",
                "interconnaissance",
                3,
                {"group_a": ca, "group_b": cb, "possible": -neg},
                members,
                group_a=ca,
                group_b=cb,
                size_a=int(sizes[ca]),
                size_b=int(sizes[cb]),
                possible=-neg,
            )
        )
    return out


def ei_by_type(e: Evidence) -> list[dict[str, Any]]:
    if e.mixing is None or e.graph.number_of_edges() < 3:
        return []
    ei = float(e.mixing.ei_index)
    if e.ei_p_value is not None and e.ei_p_value <= 0.05 and ei < 0:
        return [
            finding(
                e,
                "ei_closed",
                "interconnaissance",
                2,
                {"ei_index": ei, "p_value": e.ei_p_value},
                [],
                ei=e.num(ei, 2),
                p=e.num(e.ei_p_value, 3),
            )
        ]
    if ei >= 0.5:
        return [
            finding(e, "ei_open", "interconnaissance", 3, {"ei_index": ei}, [], ei=e.num(ei, 2))
        ]
    return []


def community_single_bridge(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    """Communities (3 actors or more) joined to each other through a single actor."""
    if "community" not in e.actors or e.communities.empty:
        return []
    community = e.actors["community"].to_dict()
    # For each pair of communities, the actors common to every tie between them:
    # exactly one means that actor alone joins the two groups.
    common: dict[tuple[int, int], set[str]] = {}
    ties: dict[tuple[int, int], int] = {}
    for u, v in e.graph.edges():
        cu, cv = community.get(u), community.get(v)
        if cu is None or cv is None or cu == cv:
            continue
        k = (min(cu, cv), max(cu, cv))
        ties[k] = ties.get(k, 0) + 1
        common[k] = common[k] & {u, v} if k in common else {u, v}
    labels = (
        e.communities.set_index("community")["label"].to_dict() if "label" in e.communities else {}
    )
    sizes = e.actors["community"].value_counts()
    found = [
        (k, next(iter(hub)))
        for k, hub in sorted(common.items())
        if len(hub) == 1 and sizes.get(k[0], 0) >= 3 and sizes.get(k[1], 0) >= 3
    ]
    found.sort(key=lambda item: (-(sizes[item[0][0]] + sizes[item[0][1]]), item[0]))
    return [
        finding(
            e,
            "community_single_bridge",
            "interconnaissance",
            2,
            {"community_a": ca, "community_b": cb, "ties": ties[(ca, cb)]},
            [hub],
            community_a=labels.get(ca, str(ca)),
            community_b=labels.get(cb, str(cb)),
            name=e.the(hub),
        )
        for (ca, cb), hub in found[:max_findings]
    ]


def members_never_meet(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """Collectives whose members have no tie with any other member (membership vs ties)."""
    m = e.t.memberships
    if m.empty:
        return []
    out = []
    for collective, rows in m.groupby("collective", sort=True):
        members = sorted(set(rows["actor"]))
        if len(members) < 3:
            continue
        alone = [a for a in members if not any(e.graph.has_edge(a, b) for b in members if b != a)]
        if not alone:
            continue
        c = e.t.collectives.loc[collective]
        out.append(
            finding(
                e,
                "members_never_meet",
                "interconnaissance",
                2 if len(alone) / len(members) >= 0.3 else 3,
                {"collective": collective, "members": len(members), "without_tie": len(alone)},
                alone,
                collective=c["name"],
                type=c["type"],
                count=len(alone),
                members=len(members),
                names=e.names(alone),
            )
        )
    # The collectives where membership and ties differ most come first.
    out.sort(key=lambda f: -f["figures"]["without_tie"] / f["figures"]["members"])
    return out[:max_findings]


def no_relation(e: Evidence) -> list[dict[str, Any]]:
    if e.graph.number_of_edges() or len(e.actors) < 2:
        return []
    return [finding(e, "no_relation", "interconnaissance", 1, {}, [], count=len(e.actors))]
