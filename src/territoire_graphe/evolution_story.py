"""The story of a change between two dates: the counts everything shares, people who left
or arrived with the ties that went or came with them, flows that grew or shrank, tensions.

:func:`change_counts` is computed once by :func:`~territoire_graphe.diff` and kept in
``Evolution.counts``: the header of the evolution map, its legend, the findings and the
workbook all say the same numbers. Ties are pairs of actors of the analysis graph (a
relation other than a tension): a tension that ended is not a tie lost, it is counted
(and said) apart.

>>> from territoire_graphe.model import Territory
>>> a = [{"id": "a", "name": "A", "type": "commune"}, {"id": "b", "name": "B", "type": "association"}]
>>> t0 = Territory.from_records(actors=a, relations=[
...     {"source": "a", "target": "b", "type": "tension", "family": "lien"}])
>>> t1 = Territory.from_records(actors=a, relations=[
...     {"source": "a", "target": "b", "type": "coopération", "family": "lien"}])
>>> counts = change_counts(t0, t1)
>>> counts["ties_made"], counts["tensions_ended"], counts["ties_lost"]
(1, 1, 0)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from .messages import format_number, format_percent
from .model import Territory
from .vocabulary import TENSION

Pair = tuple[str, str]
_MAX_PEOPLE = 6
_MAX_FLOWS = 8


def tie_pairs(t: Territory) -> set[Pair]:
    return {_pair(u, v) for u, v in t.analysis_graph.edges()}


def tension_pairs(t: Territory) -> set[Pair]:
    r = t.relations
    if not len(r):
        return set()
    tense = r[r["type"] == TENSION]
    return {_pair(s, x) for s, x in zip(tense["source"], tense["target"], strict=True) if s != x}


def change_counts(t0: Territory, t1: Territory) -> dict[str, Any]:
    """The pairs and counts of what changed (pair lists under ``pairs_<name>``)."""
    present = set(map(str, t0.actors.index)) & set(map(str, t1.actors.index))
    ties0, ties1 = tie_pairs(t0), tie_pairs(t1)
    made, lost = sorted(ties1 - ties0), sorted(ties0 - ties1)
    tense0, tense1 = tension_pairs(t0), tension_pairs(t1)
    lists = {
        "ties_made": [p for p in made if set(p) <= present],
        "ties_newcomers": [p for p in made if not set(p) <= present],
        "ties_lost": [p for p in lost if set(p) <= present],
        "ties_lost_leavers": [p for p in lost if not set(p) <= present],
        "tensions_began": sorted(tense1 - tense0),
        "tensions_ended": sorted(tense0 - tense1),
    }
    out: dict[str, Any] = {name: len(found) for name, found in lists.items()}
    out.update({f"pairs_{name}": found for name, found in lists.items()})
    out["actors_joined"] = sum(1 for x in t1.actors.index if str(x) not in present)
    out["actors_left"] = sum(1 for x in t0.actors.index if str(x) not in present)
    people0, people1 = set(map(str, t0.people.index)), set(map(str, t1.people.index))
    out["people_joined"], out["people_left"] = len(people1 - people0), len(people0 - people1)
    return out


def story_findings(
    t0: Territory,
    t1: Territory,
    changed: pd.DataFrame,
    counts: dict[str, Any],
    add: Callable[..., None],
    lang: str,
    pairs: Callable[[Sequence[Pair]], str],
) -> None:
    """Add the findings about people, flow quantities and tensions (see the module doc)."""
    _people(t0, t1, counts, add, lang, pairs, left=True)
    _people(t0, t1, counts, add, lang, pairs, left=False)
    _flows(changed, add, lang, t1)
    for key, priority in (("tensions_began", 1), ("tensions_ended", 3)):
        found = counts[f"pairs_{key}"]
        if found:
            add(
                key,
                priority,
                {key: len(found), "pairs": found},
                list(dict.fromkeys(x for p in found for x in p)),
                count=len(found),
                pairs=pairs(found),
            )


def _people(
    t0: Territory,
    t1: Territory,
    counts: dict[str, Any],
    add: Callable[..., None],
    lang: str,
    pairs: Callable[[Sequence[Pair]], str],
    *,
    left: bool,
) -> None:
    """Each person who left (arrived) and the ties they carried that went (came) with them."""
    old, new = (t0, t1) if left else (t1, t0)
    gone = [p for p in old.people.index if p not in new.people.index]
    changed = (
        set(counts["pairs_ties_lost"] + counts["pairs_ties_lost_leavers"])
        if left
        else set(counts["pairs_ties_made"] + counts["pairs_ties_newcomers"])
    )
    r = old.relations
    names = old.actors["name"].to_dict()
    for person in gone[:_MAX_PEOPLE]:
        carried = (
            r[(r["source_person"] == person) | (r["target_person"] == person)]
            if "source_person" in r.columns
            else r.iloc[:0]
        )
        with_them = sorted(
            {_pair(s, x) for s, x in zip(carried["source"], carried["target"], strict=True)}
            & changed
        )
        if not with_them:
            continue
        row = old.people.loc[person]
        organisation = names.get(row["actor"], row["actor"])
        code = "person_left" if left else "person_joined"
        add(
            code,
            1 if left else 3,
            {"ties": len(with_them), "pairs": with_them},
            list(dict.fromkeys([str(row["actor"]), *(x for p in with_them for x in p)])),
            person=str(row["name"]),
            organisation=organisation,
            count=len(with_them),
            pairs=pairs(with_them),
        )


def _flows(changed: pd.DataFrame, add: Callable[..., None], lang: str, t: Territory) -> None:
    """Flows whose quantity changed: how much, up or down (decreases first)."""
    if changed is None or not len(changed):
        return
    rows = []
    for _, row in changed.iterrows():
        before, after = _number(row.get("quantity_before")), _number(row.get("quantity_after"))
        if row.get("family") != "flux" or before is None or after is None or before == after:
            continue
        rows.append((after - before, row, before, after))
    rows.sort(key=lambda x: (x[0] > 0, -abs(x[0]) / max(abs(x[2]), 1e-9)))
    for delta, row, before, after in rows[:_MAX_FLOWS]:
        unit = "" if pd.isna(row.get("unit")) else f" {row['unit']}"
        entry = t.vocabulary.relation(str(row["type"]))
        kind = entry.label(lang) if entry is not None else str(row["type"])
        share = format_percent(abs(delta) / before, lang) if before else ""
        add(
            "flow_down" if delta < 0 else "flow_up",
            2 if delta < 0 else 3,
            {"quantity_before": before, "quantity_after": after, "change": delta},
            [str(row["source"]), str(row["target"])],
            source=row["source_name"],
            target=row["target_name"],
            type=kind,
            before=format_number(before, lang) + unit,
            after=format_number(after, lang) + unit,
            share=share or "–",
        )


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _pair(a: Any, b: Any) -> Pair:
    x, y = str(a), str(b)
    return (x, y) if x <= y else (y, x)


__all__ = ["change_counts", "story_findings", "tension_pairs", "tie_pairs"]
