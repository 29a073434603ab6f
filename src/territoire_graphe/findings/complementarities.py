"""Complementarities: resources meeting needs, useful effects, fonctions de vie, suggested links."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from ..messages import locale_for, text
from .evidence import Evidence, finding, join_names
from .grammar import agreement, all_feminine, plural
from .words import count_text


def _introduction(e: Evidence, row: pd.Series) -> tuple[str, list[str], dict[str, Any]]:
    """How ``row``'s two actors can be brought together, said only as far as it is true.

    - an actor tied to both (relations other than tensions: the analysis graph), the
      introducer of an ``indirect`` pair at distance 2;
    - farther apart: the length of the shortest path and the actors along it;
    - no path (``new``): a fellow member of the resource holder's collectives who is tied
      to the other side, if any; otherwise a direct meeting.
    """
    a, b = row["resource_actor"], row["need_actor"]
    status, distance = row.get("status"), row.get("distance")
    path = row.get("path") if isinstance(row.get("path"), list) else None
    if status == "indirect" and distance == 2 and path:
        who = path[1]
        return (
            text(
                "finding.introduction_by" + (".plural" if plural(e.name(who)) else ""),
                e.lang,
                introducer=e.the(who, capital=True),
            ),
            [who],
            {"introducer": who},
        )
    if status == "indirect" and path:
        between = path[1:-1]
        return (
            text(
                "finding.introduction_far",
                e.lang,
                distance=len(path) - 1,
                names=e.article_names(between),
            ),
            between,
            {"path": list(path)},
        )
    for who, collective in _co_members(e, a, b):
        name = (
            e.t.collectives.at[collective, "name"]
            if collective in e.t.collectives.index
            else collective
        )
        return (
            text(
                "finding.introduction_co_member" + agreement(e.name(who)),
                e.lang,
                introducer=e.the(who, capital=True),
                collective=name,
                b=e.the(b),
            ),
            [who],
            {"co_member": who, "collective": collective},
        )
    return text("finding.introduction_none", e.lang), [], {}


def _co_members(e: Evidence, a: str, b: str) -> list[tuple[str, str]]:
    """Fellow members of ``a``'s collectives tied to ``b`` (not by a tension), with the collective.

    Best connected first; ties by id.
    """
    m = e.t.memberships
    if m.empty or b not in e.graph:
        return []
    groups = m.groupby("collective")["actor"].apply(set)
    found: dict[str, str] = {}
    for collective, members in sorted(groups.items(), key=lambda item: str(item[0])):
        if a in members:
            for x in members:
                if x not in (a, b) and x not in found and e.graph.has_edge(x, b):
                    found[x] = str(collective)
    return sorted(found.items(), key=lambda item: (-e.graph.degree(item[0]), str(item[0])))


def _closest_first(matches: pd.DataFrame) -> pd.DataFrame:
    """Matches whose resource and need agree most first."""
    from ..analysis._matching import text_overlap

    overlap = [
        -text_overlap(r, n) for r, n in zip(matches["resource"], matches["need"], strict=True)
    ]
    return matches.assign(_overlap=overlap).sort_values("_overlap", kind="stable")


def _text_matches(c: pd.DataFrame) -> pd.DataFrame:
    """The pairs whose texts agree: a shared category alone is a weaker lead, never said."""
    if c.empty or "match" not in c:
        return c
    return c[c["match"] == "text"]


def isolated_with_resource(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """Isolated actors holding a resource someone needs, and who could introduce them.

    One finding per isolated actor, with the need closest to what it offers.
    Claim: the holder has no tie; its resource's text answers the need's text.
    """
    c = _text_matches(e.complementarities)
    if c.empty:
        return []
    isolated = set(e.actors.index[e.actors["is_isolated"]])
    held = _closest_first(c[c["resource_actor"].isin(isolated)])
    best = held.drop_duplicates("resource_actor").head(max_findings)
    out = []
    for _, row in best.iterrows():
        intro, who, how = _introduction(e, row)
        out.append(
            finding(
                e,
                "isolated_resource",
                "complementarites",
                1,
                {
                    "category": row.get("category"),
                    "resource": row["resource"],
                    "need": row["need"],
                    "status": row["status"],
                    **how,
                },
                [row["resource_actor"], row["need_actor"], *who],
                key="isolated_resource"
                + (".plural" if plural(e.name(row["resource_actor"])) else "")
                + (".plural_need" if plural(e.name(row["need_actor"])) else ""),
                name=e.the(row["resource_actor"], capital=True),
                resource=row["resource"],
                need_name=e.the(row["need_actor"]),
                need=row["need"],
                introduction=intro,
            )
        )
    return out


def complementarity_matches(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """Resources whose texts answer needs between actors not tied yet, with the introducer.

    Claims: the summary counts the text matches (pairs, distinct resources and needs) and
    those between untied actors (without any path, or through others); each pair said is
    not tied (a tension between them is said as such).
    """
    c = _text_matches(e.complementarities)
    if c.empty:
        return []
    todo = c[c["status"] != "existing"]
    isolated = set(e.actors.index[e.actors["is_isolated"]])
    new, indirect = int((c["status"] == "new").sum()), int((c["status"] == "indirect").sum())
    resources = c[["resource_actor", "resource"]].drop_duplicates()
    needs = c[["need_actor", "need"]].drop_duplicates()
    out = (
        [
            finding(
                e,
                "complementarity_summary",
                "complementarites",
                2,
                {
                    "matches": len(c),
                    "to_make": len(todo),
                    "new": new,
                    "indirect": indirect,
                    "resources": len(resources),
                    "needs": len(needs),
                },
                [],
                pairs=count_text(e.lang, "pairs", len(c)),
                resources=count_text(e.lang, "resources", len(resources)),
                needs=count_text(e.lang, "needs", len(needs)),
                todo=count_text(e.lang, "untied_pairs", len(todo)),
                new=count_text(e.lang, "without_path", new),
                indirect=count_text(e.lang, "through_others", indirect),
            )
        ]
        if len(todo)
        else []
    )
    # Isolated holders have their own finding (isolated_with_resource).
    chosen = _closest_first(todo[~todo["resource_actor"].isin(isolated)]).head(max_findings)
    for _, row in chosen.iterrows():
        intro, who, how = _introduction(e, row)
        a, b = row["resource_actor"], row["need_actor"]
        tense = frozenset((a, b)) in e.tension_pairs
        out.append(
            finding(
                e,
                "complementarity_new",
                "complementarites",
                2,
                {"category": row.get("category"), "status": row["status"], "tension": tense, **how},
                [a, b, *who],
                key="complementarity_new" + (".tension" if tense else ""),
                resource=row["resource"],
                resource_name=e.the(a, capital=True),
                need=row["need"],
                of_need_name=e.of(b),
                introduction=intro,
            )
        )
    return out


def useful_effect_funders(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """Actors receiving useful effects ("effets utiles") without funding or joining the activity.

    Claim: each producer named has a useful-effect relation towards the beneficiary, and
    the beneficiary neither funds it (no funding relation beneficiary -> producer) nor
    shares a collective with it.
    """
    r = e.t.relations
    effects = r[r["type"] == "effet utile"]
    if effects.empty:
        return []
    funding = r[r["type"] == "financement"]
    funds = set(zip(funding["source"], funding["target"], strict=True))
    memberships = e.t.memberships
    member_of: dict[Any, set[Any]] = {}
    for actor, collective in zip(
        memberships.get("actor", []), memberships.get("collective", []), strict=True
    ):
        member_of.setdefault(actor, set()).add(collective)
    out = []
    for target, rows in effects.groupby("target", sort=True):
        beneficiary = str(target)
        producers = sorted({str(p) for p in rows["source"]} - {beneficiary})
        free = [
            p
            for p in producers
            if (beneficiary, p) not in funds
            and not (member_of.get(beneficiary, set()) & member_of.get(p, set()))
        ]
        if not free:
            continue
        out.append(
            finding(
                e,
                "useful_effects",
                "complementarites",
                1,
                {"producers": len(free)},
                [beneficiary, *free],
                key="useful_effects" + (".one" if len(free) == 1 else ""),
                beneficiary=e.the(beneficiary, capital=True),
                producers=e.article_names(free),
            )
        )
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
            by_function.setdefault(f, []).append(str(actor))
            functions_of.setdefault(str(actor), set()).add(f)
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
            out.append(
                finding(
                    e,
                    code,
                    "complementarites",
                    2,
                    {
                        "function": function,
                        "actors": len(actors),
                        "linked": count,
                        "possible": possible,
                    },
                    actors,
                    function=function,
                    count=len(actors),
                    names=e.names(actors),
                    linked=count,
                    possible=possible,
                )
            )
    out.sort(
        key=lambda f: (f["figures"]["linked"] / f["figures"]["possible"], -f["figures"]["actors"])
    )
    return out[:max_findings]


def suggested_links(e: Evidence, *, max_findings: int = 3) -> list[dict[str, Any]]:
    s = e.suggestions
    if s.empty:
        return []
    out = []
    for _, row in s.head(max_findings).iterrows():
        reasons = [_reason_text(e, code, row) for code in row.get("reasons", [row["reason"]])]
        out.append(
            finding(
                e,
                "suggestion",
                "complementarites",
                3,
                {"score": row.get("score"), "reasons": list(row.get("reasons", []))},
                [row["source"], row["target"]],
                name_a=e.the(row["source"], capital=True),
                name_b=e.the(row["target"]),
                reasons=join_names(reasons, e.lang, limit=len(reasons)),
            )
        )
    return out


def _reason_text(e: Evidence, code: str, row: pd.Series) -> str:
    details = row.get("details")
    details = details if isinstance(details, dict) else {}
    if code == "shared_collective":
        names = [
            str(e.t.collectives.at[c, "name"]) if c in e.t.collectives.index else str(c)
            for c in details.get("collectives", [])
        ]
        quoted = [locale_for(e.lang).quote(n) for n in names]
        return text(
            "suggestion.shared_collective", e.lang, collectives=join_names(quoted, e.lang, limit=3)
        )
    if code == "common_partners":
        ids = list(details.get("common_partners", []))
        return text(
            "suggestion.common_partners",
            e.lang,
            partners=count_text(e.lang, "common_partners", len(ids)),
            names=e.names(ids, 3),
        )
    if code == "same_function_same_area":
        functions = [locale_for(e.lang).quote(f) for f in details.get("functions", [])]
        pair = [e.name(row["source"]), e.name(row["target"])]
        return text(
            "suggestion.same_function_same_area" + (".feminine" if all_feminine(pair) else ""),
            e.lang,
            function=join_names(functions, e.lang, limit=3),
            municipality=str(details.get("municipality", "")),
        )
    pair = [e.name(row["source"]), e.name(row["target"])]
    if code == "resource_need" and all_feminine(pair):
        return text("suggestion.resource_need.feminine", e.lang)
    return text(f"suggestion.{code}", e.lang)
