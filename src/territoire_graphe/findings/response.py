"""Survey data: a response rate that makes some figures unreliable (``low_response``).

When the actors carry a ``respondent`` column (a territory read from answers with
``read_survey``) and fewer than :data:`LOW_RESPONSE` of them answered, the finding says the
rate, how many relations both ends confirmed, and which figures are fragile: with actors
missing, betweenness and centralisation degrade first, while in-degree, closeness and
transitivity hold better (Smith & Moody 2013, *Social Networks* 35; Smith, Morgan & Moody
2021, *Social Networks* 68).
"""

from __future__ import annotations

from typing import Any

from ..io.values import parse_bool
from ..text_keys import key
from .evidence import Evidence, finding

LOW_RESPONSE = 0.8
"""Below this share of respondents, the fragile figures are named."""


def _column(frame: Any, names: tuple[str, ...]) -> str | None:
    return next((c for c in frame.columns if key(str(c)) in names), None)


def low_response(e: Evidence) -> list[dict[str, Any]]:
    actors = e.t.actors
    column = _column(actors, ("respondent", "repondant"))
    if column is None or not len(actors):
        return []
    answered = [a for a, v in actors[column].items() if parse_bool(v) is True]
    rate = len(answered) / len(actors)
    if rate >= LOW_RESPONSE:
        return []
    relations = e.t.relations
    confirmed_column = _column(relations, ("confirmed", "confirme"))
    confirmed = (
        sum(parse_bool(v) is True for v in relations[confirmed_column])
        if confirmed_column is not None
        else 0
    )
    missing = [a for a in actors.index if a not in set(answered)]
    return [
        finding(
            e,
            "low_response",
            "fiabilite",
            1 if rate < 0.5 else 2,
            {
                "respondents": len(answered),
                "actors": len(actors),
                "rate": rate,
                "confirmed": int(confirmed),
                "relations": len(relations),
            },
            missing,
            count=len(answered),
            total=len(actors),
            share=e.pct(rate),
            confirmed=int(confirmed),
            relations=len(relations),
            names=e.names(missing, limit=8),
        )
    ]
