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
from ..messages import format_percent, resolve_lang, text
from ..text_keys import key
from .evidence import Evidence, finding

LOW_RESPONSE = 0.8
"""Below this share of respondents, the fragile figures are named."""


def _column(frame: Any, names: tuple[str, ...]) -> str | None:
    return next((c for c in frame.columns if key(str(c)) in names), None)


def _true(value: Any) -> bool:
    try:
        return parse_bool(value) is True
    except ValueError:  # a value that is no yes / no: not a respondent, not confirmed
        return False


def survey_counts(t: Any) -> tuple[list[Any], int, int] | None:
    """For a territory read from a survey (its actors have a ``respondent`` column): the
    respondents, how many relations both ends confirmed, and how many relations there are;
    None for any other territory."""
    actors = t.actors
    column = _column(actors, ("respondent", "repondant"))
    if column is None or not len(actors):
        return None
    answered = [a for a, v in actors[column].items() if _true(v)]
    relations = t.relations
    confirmed_column = _column(relations, ("confirmed", "confirme"))
    confirmed = (
        sum(_true(v) for v in relations[confirmed_column]) if confirmed_column is not None else 0
    )
    return answered, int(confirmed), len(relations)


def response_line(t: Any, lang: str | None = None) -> str | None:
    """The one line the map and the reports carry for a survey territory: the response
    rate, the relations both ends confirmed, and which figures are fragile at that rate;
    None when ``t`` does not come from a survey.

    >>> from territoire_graphe import Territory
    >>> t = Territory.from_records(
    ...     actors=[{"id": i, "name": i, "type": "association", "respondent": i != "c"}
    ...             for i in "abc"],
    ...     relations=[{"source": "a", "target": "b", "type": "coopération", "confirmed": True}])
    >>> print(response_line(t, "en"))  # doctest: +NORMALIZE_WHITESPACE
    Survey: 2 actors out of 3 answered (67%); 1 relation out of 1 is confirmed by both ends.
    At this rate, betweenness and centralisation are fragile; in-degree, closeness and
    transitivity hold better (Smith and Moody 2013; Smith, Morgan and Moody 2021).
    >>> response_line(Territory.from_records(actors=[{"id": "a", "name": "a",
    ...                                               "type": "association"}])) is None
    True
    """
    found = survey_counts(t)
    if found is None:
        return None
    answered, confirmed, relations = found
    lang = resolve_lang(lang)
    total = len(t.actors)
    rate = len(answered) / total

    def counted(what: str, count: int, of: int, **values: Any) -> str:
        zero = f"survey.line.{what}.zero"
        return text(
            zero if count == 0 else f"survey.line.{what}", lang, count=count, total=of, **values
        )

    return text(
        "survey.line",
        lang,
        answered=counted("answered", len(answered), total, share=format_percent(rate, lang)),
        confirmed=counted("confirmed", confirmed, relations),
        fragile=text("survey.line.fragile" if rate < LOW_RESPONSE else "survey.line.solid", lang),
    )


def low_response(e: Evidence) -> list[dict[str, Any]]:
    found = survey_counts(e.t)
    if found is None:
        return []
    actors = e.t.actors
    answered, confirmed, n_relations = found
    rate = len(answered) / len(actors)
    if rate >= LOW_RESPONSE:
        return []
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
                "relations": n_relations,
            },
            missing,
            count=len(answered),
            total=len(actors),
            share=e.pct(rate),
            confirmed=int(confirmed),
            relations=n_relations,
            names=e.names(missing, limit=8),
        )
    ]
