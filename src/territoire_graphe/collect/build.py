"""The territory of a survey: the roster, plus what the answers declare.

- One answer per respondent: the latest (by its time, else the last read), with a warning.
- A respondent not in the roster is listed (and warned about), not invented.
- Declarations of the same relation type between the same two actors become one relation,
  ``declared_by`` the ids of those who declared it ("; "-separated), ``confirmed`` True when
  both ends answered and both declared it. Its source is the first to declare it.
- Relations of the roster are kept; one that a respondent re-declares is merged with the
  declaration (its intensity is the mean of those the respondents gave); one pre-filled in a
  questionnaire and denied by the respondent (« non », or its type cleared) is dropped; one
  pre-filled and left as it was is kept as it was, not ``declared_by`` the respondent.
- ``ties="confirmed"``: between two respondents, only confirmed relations are kept.
- Actors get a ``respondent`` column (True / False).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..io.problems import ProblemLog
from ..model import Territory
from ..text_keys import loose
from .answers import Answer
from .matching import Resolver
from .records import territory_records


def build_survey_territory(
    t: Territory, answers: Sequence[Answer], resolver: Resolver, log: ProblemLog, *, ties: str
) -> tuple[Territory, pd.Series]:
    """The survey's territory and the respondents (a bool Series indexed by actor id)."""
    kept = _latest_answers(answers, resolver, log)
    records = territory_records(t)
    vocabulary = t.vocabulary
    declared: dict[tuple[frozenset[str], str], dict[str, Any]] = {}
    denied: set[tuple[frozenset[str], str | None]] = set()
    seen_types: set[str] = set()
    for actor, answer in kept.items():
        log.file = answer.file
        for partner in answer.partners:
            other = resolver.resolve(
                partner.cited, role="partner", file=answer.file, choice=partner.choice
            )
            if other is None or other == actor:
                continue
            if partner.denied:  # the pre-filled types denied, or the whole pair (older layout)
                pair_of = frozenset((actor, other))
                named = {vocabulary.match("relation", w).name for w in partner.types}
                denied.update({(pair_of, n) for n in named} or {(pair_of, None)})
                continue
            for written in partner.types:
                match = vocabulary.match("relation", written)
                if match.status != "known" and match.name not in seen_types:
                    seen_types.add(match.name)
                    log.warning("survey_type_unknown", sheet=answer.sheet, value=written)
                pair = (frozenset((actor, other)), match.name)
                entry = declared.setdefault(
                    pair,
                    {
                        "source": actor,
                        "target": other,
                        "type": match.name,
                        "by": [],
                        "weights": [],
                        "comments": [],
                    },
                )
                if actor not in entry["by"]:
                    entry["by"].append(actor)
                    if partner.weight is not None:
                        entry["weights"].append(partner.weight)
                    if partner.comment:
                        entry["comments"].append(partner.comment)
    respondents = set(kept)
    relations = _relations(records["relations"], declared, denied, respondents, ties)
    records["relations"] = relations
    for actor, answer in kept.items():
        _add_offers(records["resources"], actor, answer.resources, "resource")
        _add_offers(records["needs"], actor, answer.needs, "need")
    for new in resolver.new_actors.values():
        records["actors"].append(dict(new))
    for record in records["actors"]:
        record["respondent"] = record["id"] in respondents
    records["warnings"] = [*t.warnings, *log.warnings]
    territory = Territory.from_records(**records)
    flags = pd.Series(
        {a: a in respondents for a in territory.actors.index}, dtype=bool, name="respondent"
    )
    flags.index.name = "id"
    return territory, flags


def _latest_answers(
    answers: Sequence[Answer], resolver: Resolver, log: ProblemLog
) -> dict[str, Answer]:
    """The answer kept for each respondent (the latest), in the order respondents came."""
    kept: dict[str, Answer] = {}
    for answer in answers:
        log.file = answer.file
        actor = resolver.resolve(
            answer.respondent or "",
            role="respondent",
            file=answer.file,
            choice=answer.respondent_choice,
            actor_id=answer.respondent_id,
        )
        if actor is None:
            log.warning(
                "survey_respondent_unknown",
                sheet=answer.sheet,
                row=answer.row,
                value=answer.respondent or "",
            )
            continue
        before = kept.get(actor)
        if before is None:
            kept[actor] = answer
            continue
        later, earlier = (answer, before) if _later(answer, before) else (before, answer)
        log.warning(
            "survey_duplicate_answer",
            sheet=answer.sheet,
            row=answer.row,
            value=resolver.names.get(actor, actor),
            kept=_where(later),
            dropped=_where(earlier),
        )
        kept[actor] = later
    return kept


def _later(a: Answer, b: Answer) -> bool:
    if a.when is not None and b.when is not None and a.when != b.when:
        return bool(a.when > b.when)
    return a.order > b.order


def _where(answer: Answer) -> str:
    return answer.file + (f" ({answer.row})" if answer.row is not None else "")


def _relations(
    roster: list[dict[str, Any]],
    declared: dict[tuple[frozenset[str], str], dict[str, Any]],
    denied: set[tuple[frozenset[str], str | None]],
    respondents: set[str],
    ties: str,
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    used: set[tuple[frozenset[str], str]] = set()
    for relation in roster:
        pair = (frozenset((relation["source"], relation["target"])), relation["type"])
        entry = declared.get(pair)
        if entry is None:
            if pair in denied or (pair[0], None) in denied:
                continue
            record = {**relation, "declared_by": None, "confirmed": False}
        else:
            used.add(pair)
            record = {**relation, **_declared_fields(entry, respondents)}
            if entry["weights"]:  # the intensity the respondents give replaces the roster's
                record["weight"] = sum(entry["weights"]) / len(entry["weights"])
        out.append(record)
    for pair, entry in declared.items():
        if pair in used:
            continue
        weights = entry["weights"]
        out.append(
            {
                "source": entry["source"],
                "target": entry["target"],
                "type": entry["type"],
                "weight": sum(weights) / len(weights) if weights else 1.0,
                "comment": " / ".join(entry["comments"]) or None,
                **_declared_fields(entry, respondents),
            }
        )
    if ties == "confirmed":
        out = [r for r in out if r["confirmed"] or not {r["source"], r["target"]} <= respondents]
    return out


def _declared_fields(entry: dict[str, Any], respondents: set[str]) -> dict[str, Any]:
    ends = {entry["source"], entry["target"]}
    return {
        "declared_by": "; ".join(entry["by"]),
        "confirmed": ends <= respondents and ends <= set(entry["by"]),
    }


def _add_offers(
    table: list[dict[str, Any]], actor: str, items: list[tuple[str, str | None]], what: str
) -> None:
    have = {loose(str(r.get(what))) for r in table if r.get("actor") == actor}
    for item, category in items:
        if loose(item) not in have:
            have.add(loose(item))
            table.append({"actor": actor, what: item, "category": category})
