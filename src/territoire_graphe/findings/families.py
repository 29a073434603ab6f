"""Every relation family speaks: tensions, funding concentration, dependencies, flows without ties.

Ties are not the only relations of a territory (DOMAIN.md): actors can be in tension, be
funded mostly by one funder, depend on one supplier, or exchange money and goods without
knowing each other. Each finder here states a claim that the tests recompute from
``Territory.relations`` (see docs/constats.md).
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from typing import Any

import pandas as pd

from ..messages import text
from ..vocabulary import DEPENDENCY, FLOW, TENSION, TIE
from .evidence import Evidence, finding
from .words import count_text

FUNDING = "financement"
USEFUL_EFFECT = "effet utile"
ACQUAINTANCE = "interconnaissance"
#: A funder bringing more than this share of an actor's (or the territory's) funding: a strict
#: majority, so the funder named is the only one that large (50 % of two is no dependence).
FUNDING_SHARE = 0.5


def _relations(e: Evidence) -> pd.DataFrame:
    r = e.t.relations
    if r.empty:
        return r
    return r[r["source"] != r["target"]]


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if str(a) <= str(b) else (b, a)


# -- tensions ----------------------------------------------------------------------------
def tensions(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """Two actors in tension, with what else joins them: shared collectives, a tie, a bridge.

    Claim: a relation of type tension joins them; the collectives named have both as
    members; "they also" lists the other tie types between them; "the only link" when
    their tie (analysis graph) is a bridge whose smaller side has ``side`` actors.
    """
    r = _relations(e)
    if r.empty:
        return []
    pairs = sorted(
        {
            _pair(a, b)
            for a, b in zip(
                r.loc[r["type"] == TENSION, "source"],
                r.loc[r["type"] == TENSION, "target"],
                strict=True,
            )
        },
        key=str,
    )
    if not pairs:
        return []
    member_of = _member_of(e)
    bridges = {_pair(*b): b for b in e.bridges}
    sides = _bridge_sides(e)
    wanted = set(pairs)
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, t, kind in zip(r["source"], r["target"], r["type"], strict=True):
        if _pair(s, t) in wanted and kind != TENSION:
            kinds[_pair(s, t)].add(str(kind))
    out = []
    for a, b in pairs:
        others = sorted(kinds.get((a, b), set()))
        shared = sorted(member_of.get(a, set()) & member_of.get(b, set()), key=str)
        on_bridge = (a, b) in bridges
        clauses = []
        if shared:
            names = [_quote(e, _collective_name(e, c)) for c in shared]
            clauses.append(
                text("finding.tension.collectives", e.lang, collectives=e.join(names, limit=3))
            )
        if others:
            clauses.append(
                text(
                    "finding.tension.also",
                    e.lang,
                    types=e.join([_quote(e, _relation_label(e, x)) for x in others], limit=4),
                )
            )
        if on_bridge:
            clauses.append(
                text(
                    "finding.tension.bridge",
                    e.lang,
                    side=count_text(e.lang, "actors", sides.get((a, b), 0)),
                )
            )
        sentence = (
            text("finding.tension", e.lang, name_a=e.the(a, capital=True), name_b=e.the(b))
            + "".join(clauses)
            + "."
        )
        row = finding(
            e,
            "tension",
            "fragilite",
            1 if on_bridge else 2,
            {"collectives": shared, "other_relations": others, "bridge": on_bridge},
            [a, b],
            key="tension",
        )
        row["text"] = sentence
        out.append(row)
    out.sort(key=lambda f: (f["priority"], -len(f["figures"]["collectives"])))
    return out[:max_findings]


def _quote(e: Evidence, value: str) -> str:
    return f"« {value} »" if e.lang == "fr" else f'"{value}"'


def _relation_label(e: Evidence, kind: str) -> str:
    entry = e.t.vocabulary.relation(kind)
    return entry.label(e.lang) if entry else kind


def _collective_name(e: Evidence, collective: str) -> str:
    c = e.t.collectives
    return str(c.at[collective, "name"]) if collective in c.index else str(collective)


def _member_of(e: Evidence) -> dict[str, set[str]]:
    member_of: dict[str, set[str]] = defaultdict(set)
    m = e.t.memberships
    for actor, collective in zip(m.get("actor", []), m.get("collective", []), strict=True):
        member_of[actor].add(collective)
    return member_of


def _bridge_sides(e: Evidence) -> dict[tuple[str, str], int]:
    b = e.bridge_impact
    if b.empty:
        return {}
    return {
        _pair(s, t): int(min(x, y))
        for s, t, x, y in zip(
            b["source"], b["target"], b["source_side"], b["target_side"], strict=True
        )
    }


# -- funding -----------------------------------------------------------------------------
def _funding_basis(rows: pd.DataFrame) -> tuple[str, pd.Series, str | None]:
    """Amounts per funder: ``quantity`` when every row has one in one unit, else counts."""
    quantity = (
        pd.to_numeric(rows["quantity"], errors="coerce")
        if "quantity" in rows
        else pd.Series(math.nan, index=rows.index)
    )
    units = (
        rows["unit"].fillna("").astype(str).str.strip()
        if "unit" in rows
        else pd.Series("", index=rows.index)
    )
    if quantity.notna().all() and (quantity > 0).all() and units.nunique() == 1:
        return "quantity", quantity.groupby(rows["source"]).sum(), units.iloc[0] or None
    return "count", rows.groupby("source").size().astype(float), None


def funding_concentration(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """An actor, or the territory, that gets most of its funding flows from one funder.

    Claim: of the funding relations (type financement) received by the actor (or of all
    of them, for the territory), the funder named brings ``share`` > 1/2 (a strict majority) -- of the
    amounts (``quantite``) when every one has an amount in the same unit, else of the
    number of relations; the actor has at least two funding relations (the territory
    three).
    """
    r = _relations(e)
    if r.empty:
        return []
    funding = r[r["type"] == FUNDING]
    out = []
    if len(funding) >= 3 and funding["source"].nunique() >= 2:
        out.extend(_concentration(e, funding, None))
    counts = funding["target"].value_counts()
    several = funding[funding["target"].isin(counts.index[counts >= 2])]
    for recipient, rows in several.groupby("target", sort=True):
        out.extend(_concentration(e, rows, str(recipient)))
    actors = sorted(
        (f for f in out if f["figures"]["recipient"] is not None),
        key=lambda f: (-f["figures"]["share"], -f["figures"]["total"]),
    )
    return [f for f in out if f["figures"]["recipient"] is None] + actors[:max_findings]


def _concentration(e: Evidence, rows: pd.DataFrame, recipient: str | None) -> list[dict[str, Any]]:
    basis, amounts, unit = _funding_basis(rows)
    total = float(amounts.sum())
    ranked = sorted(amounts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    funder, top = str(ranked[0][0]), float(ranked[0][1])
    share = top / total if total else 0.0
    if share <= FUNDING_SHARE or (recipient is not None and len(ranked) == 1 and len(rows) < 2):
        return []
    if basis == "quantity":
        detail = text(
            "finding.funding.amount", e.lang, amount=e.num(top), total=e.num(total), unit=unit or ""
        )
    else:
        detail = text("finding.funding.count", e.lang, count=int(top), total=int(total))
    figures = {
        "recipient": recipient,
        "funder": funder,
        "share": share,
        "basis": basis,
        "amount": top,
        "total": total,
        "unit": unit,
        "funders": len(ranked),
    }
    if recipient is None:
        return [
            finding(
                e,
                "funding_concentration",
                "fragilite",
                1 if share >= 0.8 else 2,
                figures,
                [funder],
                key="funding_concentration.territory",
                funder=e.the(funder, capital=True),
                share=e.pct(share),
                detail=detail,
            )
        ]
    sole = len(ranked) == 1
    return [
        finding(
            e,
            "funding_concentration",
            "fragilite",
            2,
            figures,
            [recipient, funder],
            key="funding_concentration" + (".sole" if sole else ""),
            share=e.pct(share),
            recipient=e.the(recipient),
            from_funder=e.of(funder) if e.lang == "fr" else f"from {e.name(funder)}",
            detail=detail,
        )
    ]


# -- dependencies ------------------------------------------------------------------------
def single_dependency(e: Evidence, *, max_findings: int = 5) -> list[dict[str, Any]]:
    """Several actors that depend, through dependency relations, on one actor and no other.

    Claim: each actor named has dependency relations (family interdependance, directed,
    not a useful effect: the source depends on the target) towards that one actor only,
    and there are at least two of them.
    """
    r = _relations(e)
    if r.empty:
        return []
    deps = r[
        (r["family"] == DEPENDENCY) & (r["type"] != USEFUL_EFFECT) & r["directed"].astype(bool)
    ]
    targets: dict[str, set[str]] = defaultdict(set)
    for source, target in zip(deps["source"], deps["target"], strict=True):
        targets[source].add(target)
    on: dict[str, list[str]] = defaultdict(list)
    for source, held in targets.items():
        if len(held) == 1:
            on[next(iter(held))].append(source)
    out = []
    for provider, dependents in sorted(on.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
        if len(dependents) < 2:
            continue
        dependents = sorted(dependents, key=str)
        out.append(
            finding(
                e,
                "single_dependency",
                "fragilite",
                1,
                {"provider": provider, "dependents": len(dependents)},
                [provider, *dependents],
                count=len(dependents),
                on_provider=e.of(provider) if e.lang == "fr" else f"on {e.name(provider)}",
                names=e.names(dependents),
            )
        )
    return out[:max_findings]


# -- flows without ties, multiplexity ----------------------------------------------------
def _pairs_by_family(r: pd.DataFrame) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a, b, family, kind in zip(r["source"], r["target"], r["family"], r["type"], strict=True):
        if kind == TENSION:
            continue
        out[str(family)].add(_pair(a, b))
        if kind == ACQUAINTANCE:
            out["acquaintance"].add(_pair(a, b))
        elif family == TIE:
            out["cooperation"].add(_pair(a, b))
    return out


def multiplexity(e: Evidence) -> dict[str, float]:
    """Per pair of families, the share of pairs related in either that are related in both.

    Jaccard share |A & B| / |A | B| over unordered pairs of actors (tensions left out);
    ``acquaintance_only``: share of the pairs who know each other (interconnaissance) with
    no other tie (cooperation, partnership, convention, governance...).
    """
    by = _pairs_by_family(_relations(e))
    out = {}
    for f, g in itertools.combinations((TIE, FLOW, DEPENDENCY), 2):
        union = by[f] | by[g]
        out[f"{f}+{g}"] = len(by[f] & by[g]) / len(union) if union else 0.0
    known = by["acquaintance"]
    out["acquaintance_only"] = len(known - by["cooperation"]) / len(known) if known else 0.0
    return out


def flow_without_tie(e: Evidence, *, max_names: int = 4) -> list[dict[str, Any]]:
    """Pairs who exchange money, goods or services but have no tie of acquaintance or cooperation.

    Claim: ``count`` pairs of actors have a flow relation and no tie-family relation other
    than a tension; the pairs named are among them. Figures: :func:`multiplexity`.
    A second sentence counts the pairs who know each other with no other tie.
    """
    r = _relations(e)
    if r.empty:
        return []
    by = _pairs_by_family(r)
    alone = sorted(by[FLOW] - by[TIE], key=str)
    if not alone:
        return []
    shown = [text("finding.pair", e.lang, a=e.name(a), b=e.name(b)) for a, b in alone]
    known = by["acquaintance"]
    only = known - by["cooperation"]
    row = finding(
        e,
        "flow_without_tie",
        "interconnaissance",
        2,
        {
            "pairs": len(alone),
            "flow_pairs": len(by[FLOW]),
            "acquaintance_pairs": len(known),
            "acquaintance_only": len(only),
            "multiplexity": multiplexity(e),
            "shown": [list(pair) for pair in alone[:max_names]],
        },
        [x for pair in alone[:max_names] for x in pair],
        pairs=count_text(e.lang, "exchanging_pairs", len(alone)),
        total=count_text(e.lang, "flow_pairs", len(by[FLOW])),
        names=e.join(shown, limit=max_names),
    )
    if len(known) >= 2 and only:
        every = ".all" if len(only) == len(known) else ""  # "aucune", not "9 sur 9"
        row["text"] += " " + text(
            "finding.acquaintance_only" + every, e.lang, count=len(only), total=len(known)
        )
    return [row]
