"""Complementarities: resources meeting needs, useful effects, fonctions de vie, suggested links."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from ..messages import locale_for, text
from .evidence import Evidence, finding, join_names, of_name


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
    from ..analysis._matching import text_overlap

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
        out.append(finding(e, "isolated_resource", "complementarites", 1,
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
    out = [finding(e, "complementarity_summary", "complementarites", 2,
                    {"matches": len(c), "to_make": len(todo),
                     "new": int((c["status"] == "new").sum()),
                     "indirect": int((c["status"] == "indirect").sum())},
                    [], count=len(c), todo=len(todo), new=int((c["status"] == "new").sum()),
                    indirect=int((c["status"] == "indirect").sum()))] if len(todo) else []
    # Isolated holders have their own finding (isolated_with_resource).
    chosen = _closest_first(todo[~todo["resource_actor"].isin(isolated)]).head(max_findings)
    for _, row in chosen.iterrows():
        intro, who = _introduction(e, row["resource_actor"], row["need_actor"])
        out.append(finding(e, "complementarity_new", "complementarites", 2,
                            {"category": row.get("category"), "status": row["status"]},
                            [row["resource_actor"], row["need_actor"], *who],
                            resource=row["resource"], resource_name=e.name(row["resource_actor"]),
                            need=row["need"],
                            of_need_name=of_name(e.name(row["need_actor"]), e.lang),
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
    member_of: dict[Any, set[Any]] = {}
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
        out.append(finding(e, "useful_effects", "complementarites", 1,
                            {"producers": len(free)}, [beneficiary, *free],
                            beneficiary=e.name(beneficiary), producers=e.names(free)))
    # Beneficiaries of the most activities are the most promising funders.
    out.sort(key=lambda f: -f["figures"]["producers"])
    return out[:max_findings]


def fragmented_functions(e: Evidence, *, max_findings: int = 4) -> list[dict[str, Any]]:
    """Fonctions de vie served by several actors who rarely work together."""
    density = nx.density(e.graph)
    by_function: dict[str, list[Any]] = {}
    functions_of: dict[Any, set[str]] = {}
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
            out.append(finding(e, code,
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
        out.append(finding(e, "suggestion", "complementarites", 3,
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
        quoted = [locale_for(e.lang).quote(n) for n in names]
        return text("suggestion.shared_collective", e.lang,
                    collectives=join_names(quoted, e.lang, limit=3))
    if code == "common_partners":
        ids = list(details.get("common_partners", []))
        return text("suggestion.common_partners", e.lang, count=len(ids), names=e.names(ids, 3))
    if code == "same_function_same_area":
        functions = [locale_for(e.lang).quote(f)
                     for f in details.get("functions", [])]
        return text("suggestion.same_function_same_area", e.lang,
                    function=join_names(functions, e.lang, limit=3),
                    municipality=str(details.get("municipality", "")))
    return text(f"suggestion.{code}", e.lang)
