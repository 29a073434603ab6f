"""Plain-language findings: the sentences a steering committee reads, each backed by figures.

Every finder looks at one question of DOMAIN.md (mobilisation, interconnaissance,
complementarities, fragility), returns zero or more findings, and stays silent
when there is nothing worth saying. Sentences come from the message catalogue;
numbers are formatted for the language. Each finding lists the actors it names.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from .messages import format_number, format_percent, text
from .model import Territory

FINDING_COLUMNS = ["code", "category", "priority", "text", "figures", "actors"]
_MAX_NAMES = 5


@dataclass
class Evidence:
    """What the finders read: the territory and the analysis results."""

    t: Territory
    lang: str
    actors: pd.DataFrame
    graph: nx.Graph
    key_players: dict[str, Any] = field(default_factory=dict)
    mixing: Any = None
    ei_p_value: float | None = None
    communities: pd.DataFrame = field(default_factory=pd.DataFrame)
    complementarities: pd.DataFrame = field(default_factory=pd.DataFrame)
    suggestions: pd.DataFrame = field(default_factory=pd.DataFrame)
    removal: pd.DataFrame = field(default_factory=pd.DataFrame)
    bridges: Sequence[tuple[str, str]] = ()
    bridge_impact: pd.DataFrame = field(default_factory=pd.DataFrame)
    person_dependency: pd.DataFrame = field(default_factory=pd.DataFrame)
    steps: int = 2

    def name(self, actor: str) -> str:
        return str(self.actors.at[actor, "name"]) if actor in self.actors.index else str(actor)

    def names(self, actors: Sequence[str], limit: int = _MAX_NAMES) -> str:
        return join_names([self.name(a) for a in actors], self.lang, limit=limit)

    def type_label(self, type_name: str) -> str:
        entry = self.t.vocabulary.actor(type_name)
        return entry.label(self.lang) if entry else str(type_name)

    def num(self, value: float, decimals: int | None = None) -> str:
        return format_number(value, self.lang, decimals=decimals)

    def pct(self, share: float) -> str:
        return format_percent(share, self.lang)


def join_names(names: Sequence[str], lang: str, *, limit: int = _MAX_NAMES) -> str:
    """Names as a reader expects them: "A, B et C", or "A, B et 3 autres" past ``limit``.

    >>> join_names(["A", "B", "C"], "fr")
    'A, B et C'
    >>> join_names(["A", "B", "C", "D"], "en", limit=2)
    'A, B and 2 others'
    """
    names = list(names)
    if not names:
        return ""
    if len(names) > limit:
        return text("join.more", lang, names=", ".join(names[:limit]), count=len(names) - limit)
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + text("join.and", lang) + names[-1]


def _finding(e: Evidence, code: str, category: str, priority: int, figures: dict[str, Any],
             actors: Sequence[str], **values: Any) -> dict[str, Any]:
    return {"code": code, "category": text(f"category.{category}", e.lang),
            "priority": priority, "text": text(f"finding.{code}", e.lang, **values),
            "figures": figures, "actors": list(actors)}


# -- mobilisation ------------------------------------------------------------------------
def mobilise_first(e: Evidence) -> list[dict[str, Any]]:
    """Whom to invite first to reach the most actors within ``steps`` links (KPP-Pos)."""
    result = e.key_players.get("reach")
    n = len(e.actors)
    if result is None or not len(result.actors) or n < 5 or e.graph.number_of_edges() == 0:
        return []
    others = n - len(result.actors)
    reached = round(result.score * others)
    if reached == 0:
        return []
    return [_finding(e, "mobilise_first", "mobilisation", 1,
                     {"reach_share": result.score, "reached": reached, "others": others,
                      "steps": e.steps}, list(result.actors), names=e.names(result.actors),
                     steps=e.steps, reached=reached, others=others, share=e.pct(result.score))]


def trusted_broker(e: Evidence) -> list[dict[str, Any]]:
    """The actor most often between others, linked with several types (a "tiers de confiance")."""
    a = e.actors
    if len(a) < 5 or "betweenness" not in a or a["betweenness"].max() <= 0:
        return []
    top = a.sort_values(["betweenness", "degree"], ascending=False, kind="stable").index[0]
    types = {e.graph.nodes[v].get("type") for v in e.graph.neighbors(top)}
    if len(types) < 2:
        return []
    b = float(a.at[top, "betweenness"])
    return [_finding(e, "trusted_broker", "mobilisation", 2,
                     {"betweenness": b, "partner_types": len(types)}, [top],
                     name=e.name(top), type=e.type_label(a.at[top, "type"]),
                     betweenness=e.num(b, 2), types=len(types))]


# -- interconnaissance -------------------------------------------------------------------
def isolated_actors(e: Evidence) -> list[dict[str, Any]]:
    a = e.actors
    isolated = list(a.index[a["is_isolated"]])
    if not isolated or e.graph.number_of_edges() == 0:
        return []
    share = len(isolated) / len(a)
    return [_finding(e, "isolated", "interconnaissance", 1 if share >= 0.1 else 2,
                     {"isolated": len(isolated), "actors": len(a), "share": share}, isolated,
                     count=len(isolated), total=len(a), share=e.pct(share),
                     names=e.names(isolated, limit=8))]


def pendant_actors(e: Evidence) -> list[dict[str, Any]]:
    a = e.actors
    pendant = list(a.index[a["is_pendant"]]) if "is_pendant" in a else []
    if len(pendant) < 2:
        return []
    return [_finding(e, "pendant", "interconnaissance", 3, {"pendant": len(pendant)}, pendant,
                     count=len(pendant), names=e.names(pendant, limit=8))]


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
        out.append(_finding(
            e, "groups_no_tie" if ties == 0 else "groups_few_ties", "interconnaissance", 2,
            {"group_a": ga, "group_b": gb, "ties": ties, "possible": -neg_possible}, members,
            group_a=e.type_label(ga), group_b=e.type_label(gb), size_a=size_a, size_b=size_b,
            ties=ties, possible=-neg_possible))
    return out


def communes_never_meet(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    """Pairs of municipalities (3 actors or more each) with no tie between their actors."""
    if "municipality" not in e.actors or e.graph.number_of_edges() == 0:
        return []
    commune = e.actors["municipality"].dropna()
    sizes = commune.value_counts()
    big = sorted(str(c) for c in sizes.index[sizes >= 3])
    if len(big) < 2:
        return []
    pairs = {}
    for u, v in e.graph.edges():
        cu, cv = commune.get(u), commune.get(v)
        if cu is not None and cv is not None and cu != cv:
            pairs[frozenset((cu, cv))] = pairs.get(frozenset((cu, cv)), 0) + 1
    rows = [(-(sizes[a] * sizes[b]), a, b) for a, b in itertools.combinations(big, 2)
            if frozenset((a, b)) not in pairs]
    out = []
    for neg, ca, cb in sorted(rows)[:max_findings]:
        members = list(commune.index[commune.isin([ca, cb])])
        out.append(_finding(e, "communes_no_tie", "interconnaissance", 3,
                            {"group_a": ca, "group_b": cb, "possible": -neg}, members,
                            group_a=ca, group_b=cb, size_a=int(sizes[ca]),
                            size_b=int(sizes[cb]), possible=-neg))
    return out


def ei_by_type(e: Evidence) -> list[dict[str, Any]]:
    if e.mixing is None or e.graph.number_of_edges() < 3:
        return []
    ei = float(e.mixing.ei_index)
    if e.ei_p_value is not None and e.ei_p_value <= 0.05 and ei < 0:
        return [_finding(e, "ei_closed", "interconnaissance", 2,
                         {"ei_index": ei, "p_value": e.ei_p_value}, [],
                         ei=e.num(ei, 2), p=e.num(e.ei_p_value, 3))]
    if ei >= 0.5:
        return [_finding(e, "ei_open", "interconnaissance", 3, {"ei_index": ei}, [],
                         ei=e.num(ei, 2))]
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
    labels = e.communities.set_index("community")["label"].to_dict() \
        if "label" in e.communities else {}
    sizes = e.actors["community"].value_counts()
    found = [(k, next(iter(hub))) for k, hub in sorted(common.items()) if len(hub) == 1
             and sizes.get(k[0], 0) >= 3 and sizes.get(k[1], 0) >= 3]
    found.sort(key=lambda item: (-(sizes[item[0][0]] + sizes[item[0][1]]), item[0]))
    return [_finding(e, "community_single_bridge", "interconnaissance", 2,
                     {"community_a": ca, "community_b": cb, "ties": ties[(ca, cb)]}, [hub],
                     community_a=labels.get(ca, str(ca)), community_b=labels.get(cb, str(cb)),
                     name=e.name(hub))
            for (ca, cb), hub in found[:max_findings]]


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
        alone = [a for a in members
                 if not any(e.graph.has_edge(a, b) for b in members if b != a)]
        if not alone:
            continue
        c = e.t.collectives.loc[collective]
        out.append(_finding(e, "members_never_meet", "interconnaissance",
                            2 if len(alone) / len(members) >= 0.3 else 3,
                            {"collective": collective, "members": len(members),
                             "without_tie": len(alone)}, alone,
                            collective=c["name"], type=c["type"], count=len(alone),
                            members=len(members), names=e.names(alone)))
    # The collectives where membership and ties differ most come first.
    out.sort(key=lambda f: -f["figures"]["without_tie"] / f["figures"]["members"])
    return out[:max_findings]


# -- complementarities -------------------------------------------------------------------
def _introduction(e: Evidence, a: str, b: str) -> tuple[str, list[str]]:
    """Who can introduce ``a`` to ``b``: a common neighbour, a co-member, or someone nearby."""
    common = sorted(set(e.graph[a]) & set(e.graph[b]) if a in e.graph and b in e.graph else (),
                    key=lambda x: (-e.graph.degree(x), x))
    if common:
        who, reason = common[0], "path"
    else:
        shared = _co_members(e, a, b)
        if shared:
            who, reason = shared[0], "same_collective"
        else:
            return text("finding.introduction_none", e.lang), []
    return text("finding.introduction_by", e.lang, introducer=e.name(who),
                reason=text(f"reason.{reason}", e.lang)), [who]


def _co_members(e: Evidence, a: str, b: str) -> list[str]:
    """Fellow members of ``a``'s collectives who could vouch for it to ``b``.

    Those already linked with ``b`` come first, then those who also share a
    collective with ``b``, then the best connected; ties by id.
    """
    m = e.t.memberships
    if m.empty:
        return []
    groups = m.groupby("collective")["actor"].apply(set)
    of_a = [g for g in groups if a in g]
    of_b = set().union(*[g for g in groups if b in g]) if any(b in g for g in groups) else set()
    candidates = {x for g in of_a for x in g} - {a, b}

    def rank(x: str) -> tuple:
        linked = e.graph.has_edge(x, b) if x in e.graph and b in e.graph else False
        return (not linked, x not in of_b, -e.graph.degree(x) if x in e.graph else 0, x)

    return sorted(candidates, key=rank)


def _closest_first(matches: pd.DataFrame) -> pd.DataFrame:
    """Matches whose resource and need share words first (a shared category is broad)."""
    from .analysis._matching import text_overlap

    overlap = [-text_overlap(r, n) for r, n in zip(matches["resource"], matches["need"],
                                                    strict=True)]
    return matches.assign(_overlap=overlap).sort_values("_overlap", kind="stable")


def isolated_with_resource(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """Isolated actors holding a resource someone needs, and who could introduce them.

    One finding per isolated actor, with the need closest to what it offers.
    """
    c = e.complementarities
    if c.empty:
        return []
    isolated = set(e.actors.index[e.actors["is_isolated"]])
    held = _closest_first(c[c["resource_actor"].isin(isolated)])
    best = held.drop_duplicates("resource_actor").head(max_findings)
    out = []
    for _, row in best.iterrows():
        intro, who = _introduction(e, row["resource_actor"], row["need_actor"])
        out.append(_finding(e, "isolated_resource", "complementarites", 1,
                            {"category": row.get("category"), "resource": row["resource"],
                             "need": row["need"]},
                            [row["resource_actor"], row["need_actor"], *who],
                            name=e.name(row["resource_actor"]), resource=row["resource"],
                            need_name=e.name(row["need_actor"]), need=row["need"],
                            introduction=intro))
    return out


def complementarity_matches(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """Resources that meet needs between actors not linked yet, with the introducer."""
    c = e.complementarities
    if c.empty:
        return []
    todo = c[c["status"] != "existing"]
    isolated = set(e.actors.index[e.actors["is_isolated"]])
    out = [_finding(e, "complementarity_summary", "complementarites", 2,
                    {"matches": len(c), "to_make": len(todo),
                     "new": int((c["status"] == "new").sum()),
                     "indirect": int((c["status"] == "indirect").sum())},
                    [], count=len(c), todo=len(todo), new=int((c["status"] == "new").sum()),
                    indirect=int((c["status"] == "indirect").sum()))] if len(todo) else []
    # Isolated holders have their own finding (isolated_with_resource).
    chosen = _closest_first(todo[~todo["resource_actor"].isin(isolated)]).head(max_findings)
    for _, row in chosen.iterrows():
        intro, who = _introduction(e, row["resource_actor"], row["need_actor"])
        out.append(_finding(e, "complementarity_new", "complementarites", 2,
                            {"category": row.get("category"), "status": row["status"]},
                            [row["resource_actor"], row["need_actor"], *who],
                            resource=row["resource"], resource_name=e.name(row["resource_actor"]),
                            need=row["need"], need_name=e.name(row["need_actor"]),
                            introduction=intro))
    return out


def useful_effect_funders(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """Actors receiving useful effects ("effets utiles") without funding or joining the activity."""
    r = e.t.relations
    effects = r[r["type"] == "effet utile"]
    if effects.empty:
        return []
    funding = r[r["type"] == "financement"]
    funds = set(zip(funding["source"], funding["target"], strict=True))
    memberships = e.t.memberships
    member_of: dict[str, set[str]] = {}
    for actor, collective in zip(memberships.get("actor", []), memberships.get("collective", []),
                                 strict=True):
        member_of.setdefault(actor, set()).add(collective)
    out = []
    for beneficiary, rows in effects.groupby("target", sort=True):
        producers = sorted(set(rows["source"]))
        free = [p for p in producers if (beneficiary, p) not in funds
                and not (member_of.get(beneficiary, set()) & member_of.get(p, set()))]
        if not free:
            continue
        out.append(_finding(e, "useful_effects", "complementarites", 1,
                            {"producers": len(free)}, [beneficiary, *free],
                            beneficiary=e.name(beneficiary), producers=e.names(free)))
    # Beneficiaries of the most activities are the most promising funders.
    out.sort(key=lambda f: -f["figures"]["producers"])
    return out[:max_findings]


def fragmented_functions(e: Evidence, *, max_findings: int = 4) -> list[dict[str, Any]]:
    """Fonctions de vie served by several actors who rarely work together."""
    density = nx.density(e.graph)
    by_function: dict[str, list[str]] = {}
    functions_of: dict[str, set[str]] = {}
    for actor, functions in e.actors["functions"].items():
        for f in functions if isinstance(functions, list | tuple) else []:
            by_function.setdefault(f, []).append(actor)
            functions_of.setdefault(actor, set()).add(f)
    linked: dict[str, int] = {}
    for u, v in e.graph.edges():  # one pass over the ties, not over all pairs
        for f in functions_of.get(u, set()) & functions_of.get(v, set()):
            linked[f] = linked.get(f, 0) + 1
    out = []
    for function in sorted(by_function):
        actors = by_function[function]
        if len(actors) < 3:
            continue
        possible = len(actors) * (len(actors) - 1) // 2
        count = linked.get(function, 0)
        # Flag a function whose contributors are less linked together than the network
        # as a whole: they serve the same need of the inhabitants without cooperating.
        if count / possible < min(0.2, density):
            code = {0: "function_no_tie", 1: "function_one_tie"}.get(count, "function_fragmented")
            out.append(_finding(e, code,
                                "complementarites", 2,
                                {"function": function, "actors": len(actors), "linked": count,
                                 "possible": possible}, actors, function=function,
                                count=len(actors), names=e.names(actors), linked=count,
                                possible=possible))
    out.sort(key=lambda f: (f["figures"]["linked"] / f["figures"]["possible"],
                            -f["figures"]["actors"]))
    return out[:max_findings]


def suggested_links(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    s = e.suggestions
    if s.empty:
        return []
    out = []
    for _, row in s.head(max_findings).iterrows():
        reasons = [_reason_text(e, code, row) for code in row.get("reasons", [row["reason"]])]
        out.append(_finding(e, "suggestion", "complementarites", 3,
                            {"score": row.get("score"), "reasons": list(row.get("reasons", []))},
                            [row["source"], row["target"]], name_a=e.name(row["source"]),
                            name_b=e.name(row["target"]),
                            reasons=join_names(reasons, e.lang, limit=len(reasons))))
    return out


def _reason_text(e: Evidence, code: str, row: pd.Series) -> str:
    details = row.get("details")
    details = details if isinstance(details, dict) else {}
    if code == "shared_collective":
        names = [str(e.t.collectives.at[c, "name"]) if c in e.t.collectives.index else str(c)
                 for c in details.get("collectives", [])]
        quoted = [f"« {n} »" if e.lang == "fr" else f'"{n}"' for n in names]
        return text("suggestion.shared_collective", e.lang,
                    collectives=join_names(quoted, e.lang, limit=3))
    if code == "common_partners":
        ids = list(details.get("common_partners", []))
        return text("suggestion.common_partners", e.lang, count=len(ids), names=e.names(ids, 3))
    if code == "same_function_same_area":
        functions = [f"« {f} »" if e.lang == "fr" else f'"{f}"'
                     for f in details.get("functions", [])]
        return text("suggestion.same_function_same_area", e.lang,
                    function=join_names(functions, e.lang, limit=3),
                    municipality=str(details.get("municipality", "")))
    return text(f"suggestion.{code}", e.lang)


# -- fragility ---------------------------------------------------------------------------
def cut_points(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    """Actors whose departure would cut others off from the rest (articulation points)."""
    r = e.removal
    if r.empty or "actors_cut_off" not in r:
        return []
    worst = r[r["actors_cut_off"] > 0].sort_values("actors_cut_off", ascending=False,
                                                   kind="stable").head(max_findings)
    out = []
    for actor, row in worst.iterrows():
        cut = _cut_off(e.graph, actor)
        out.append(_finding(e, "cut_point", "fragilite", 1,
                            {"actors_cut_off": int(row["actors_cut_off"])}, [actor, *cut],
                            name=e.name(actor), count=int(row["actors_cut_off"]),
                            names=e.names(cut)))
    return out


def _cut_off(graph: nx.Graph, actor: str) -> list[str]:
    """The actors that lose the largest component when ``actor`` is removed."""
    rest = graph.subgraph(n for n in graph if n != actor)
    parts = sorted(nx.connected_components(rest), key=lambda c: (-len(c), min(c)))
    neighbours = set(graph[actor])
    return sorted(x for part in parts[1:] if part & neighbours for x in part)


def bridge_ties(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    """Ties whose loss would cut a group of at least two actors off the rest."""
    b = e.bridge_impact
    if b.empty:
        return []
    side = b[["source_side", "target_side"]].min(axis=1) if "source_side" in b else None
    if side is None:
        return []
    chosen = b.assign(_side=side)[side >= 2].sort_values("_side", ascending=False,
                                                         kind="stable").head(max_findings)
    return [_finding(e, "bridge_tie", "fragilite", 2, {"side": int(row["_side"])},
                     [row["source"], row["target"]], name_a=e.name(row["source"]),
                     name_b=e.name(row["target"]), side=int(row["_side"]))
            for _, row in chosen.iterrows()]


def person_dependency(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    p = e.person_dependency
    if p.empty or "single_person_dependency" not in p:
        return []
    out = []
    for _, row in p[p["single_person_dependency"].astype(bool)].iterrows():
        out.append(_finding(e, "person_dependency", "fragilite", 1,
                            {"ties_carried": int(row["ties_carried"]),
                             "ties_total": int(row["ties_total"]), "share": float(row["share"])},
                            [row["actor"]], actor=e.name(row["actor"]),
                            person=row.get("person_name", row["person"]),
                            carried=int(row["ties_carried"]), total=int(row["ties_total"])))
    out.sort(key=lambda f: -f["figures"]["ties_total"])
    return out[:max_findings]


def fragmenting_set(e: Evidence) -> list[dict[str, Any]]:
    result = e.key_players.get("fragment")
    if result is None or not len(result.actors) or e.graph.number_of_edges() == 0:
        return []
    before = float(getattr(result, "baseline", float("nan")))
    if not result.score or result.score <= before + 0.05:
        return []
    return [_finding(e, "fragment_set", "fragilite", 2,
                     {"fragmentation_before": before, "fragmentation_after": result.score},
                     list(result.actors), names=e.names(result.actors), before=e.pct(before),
                     after=e.pct(result.score))]


def no_relation(e: Evidence) -> list[dict[str, Any]]:
    if e.graph.number_of_edges() or len(e.actors) < 2:
        return []
    return [_finding(e, "no_relation", "interconnaissance", 1, {}, [], count=len(e.actors))]


FINDERS: tuple[Callable[[Evidence], list[dict[str, Any]]], ...] = (
    no_relation, mobilise_first, trusted_broker, isolated_actors, pendant_actors,
    groups_never_meet, communes_never_meet, ei_by_type, community_single_bridge,
    members_never_meet, isolated_with_resource, complementarity_matches, useful_effect_funders,
    fragmented_functions, suggested_links, cut_points, bridge_ties, person_dependency,
    fragmenting_set,
)


def write_findings(e: Evidence) -> pd.DataFrame:
    """Every finding, sorted by priority then by the order of the questions."""
    rows = [row for finder in FINDERS for row in finder(e)]
    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    if len(frame):
        frame = frame.sort_values("priority", kind="stable").reset_index(drop=True)
    return frame
