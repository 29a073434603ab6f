"""Merging several territories (a CRESS list, an EPCI's list, last year's map) into one.

Actors are matched, in this order, by id (when the names agree too), by SIRET, by SIREN,
then by name and commune with the :class:`~.names.Matcher`. The first territory's ids are
kept (so ``diff`` and the map's positions carry over from last year's map); an actor
found only in a later source keeps its own id when it is free. Every column is kept;
each actor's ``source`` says which territories it came from (relations: ``origin``).
``matches`` has one row per actor of each source: ``status`` is ``first`` for the first
territory's actors, else ``exact``, ``probable``, ``new`` or ``decided``.
Two different values for one actor (two communes) are listed in ``conflicts``, never
overwritten: the first source's value stays. A doubtful pair (a close name in another
commune, a name close but not enough) is kept as two actors and listed for review;
the same name in two communes is one actor with a conflict.

>>> from territoire_graphe import Territory
>>> a = Territory.from_records(actors=[
...     {"id": "A1", "name": "Ville de Creil", "type": "commune", "municipality": "Creil"},
...     {"id": "A2", "name": "ARDES", "type": "association", "municipality": "Colombelles"}],
...     name="2023")
>>> b = Territory.from_records(actors=[
...     {"id": "x", "name": "Mairie de Creil", "type": "commune", "municipality": "Creil"},
...     {"id": "y", "name": "Ardes", "type": "association", "municipality": "Caen"},
...     {"id": "z", "name": "Café numérique", "type": "association"}], name="EPCI")
>>> m = merge([a, b])
>>> list(m.territory.actors.index), m.territory.actors.loc["A1", "source"]
(['A1', 'A2', 'z'], '2023; EPCI')
>>> m.conflicts[["actor", "column", "values"]].values.tolist()
[['A2', 'municipality', 'Colombelles | Caen']]
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..io import read
from ..messages import resolve_lang, text
from ..model import Territory
from ..text_keys import compact, loose
from .names import Matcher
from .records import actor_names, territory_records
from .review import Decision, candidates_text, read_decisions, review_key, write_review

PathLike = str | os.PathLike[str]
DOUBTFUL = 80.0
"""Lowest score at which a pair of names not matched is listed for review (a doubtful pair)."""
CONFLICT_COLUMNS = ["actor", "name", "column", "values", "sources"]
_SKIP = {"id", "name", "source"}


@dataclass
class Merge:
    """The merged territory, how each actor of each source was matched, and the conflicts.

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> t = tg.Territory.from_records(actors=[{"id": "a", "name": "Mairie", "type": "commune"}])
    >>> isinstance(tg.merge([t, t]), tg.Merge)
    True
    """

    territory: Territory
    matches: pd.DataFrame
    conflicts: pd.DataFrame
    lang: str = "fr"
    _review: list[dict[str, Any]] = field(default_factory=list, repr=False)

    def write_review(self, path: PathLike) -> Path:
        """Write the review workbook of the doubtful and probable pairs."""
        names = actor_names(self.territory)
        return write_review(self._review, path, names=names, lang=self.lang)


def merge(
    territories: Sequence[Territory | PathLike],
    *,
    review: PathLike | None = None,
    lang: str | None = None,
) -> Merge:
    """Merge territories into one (see the module text for the rules).

    Parameters
    ----------
    territories : sequence of Territory or path
        The sources, most trusted first; paths are read with :func:`~territoire_graphe.read`.
    review : path, optional
        A review workbook (from :meth:`Merge.write_review`) whose decisions apply.
    lang : str, optional
        Language of the problems and of the review (default: ``$TERRITOIRE_GRAPHE_LANG``,
        else French).

    Returns
    -------
    Merge
        The merged ``territory``, how each source's actors were ``matches``-ed, and the
        ``conflicts`` between sources.

    Raises
    ------
    ValueError
        If ``territories`` is empty.
    InputError
        If a path cannot be read as a territory.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> t = tg.Territory.from_records(actors=[{"id": "a", "name": "Mairie", "type": "commune"},
    ...     {"id": "b", "name": "Asso", "type": "association"}], name="T")
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> m = tg.merge([t, t])
    >>> len(m.territory.actors), len(m.conflicts)
    (2, 0)
    """
    lang = resolve_lang(lang)
    loaded = [t if isinstance(t, Territory) else read(t, lang=lang) for t in territories]
    if not loaded:
        raise ValueError(text("merge.none", lang))
    decisions = read_decisions(review, lang=lang) if review is not None else {}
    state = _State(decisions, lang)
    for number, t in enumerate(loaded):
        state.add(t, _label(t, number))
    return state.result(loaded[0])


def _label(t: Territory, number: int) -> str:
    return t.name or f"source {number + 1}"


class _State:
    def __init__(self, decisions: dict[str, Decision], lang: str):
        self.decisions = decisions
        self.lang = lang
        self.actors: dict[str, dict[str, Any]] = {}
        self.values: dict[tuple[str, str], dict[str, str]] = {}  # (actor, column) -> value: src
        self.rows: list[dict[str, Any]] = []
        self.review: list[dict[str, Any]] = []
        self.relations: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.other: dict[str, list[dict[str, Any]]] = {
            "collectives": [],
            "people": [],
            "memberships": [],
            "resources": [],
            "needs": [],
        }
        self.vocabulary: Any = None
        self.first = True

    def add(self, t: Territory, source: str) -> None:
        records = territory_records(t)
        self.first = not self.actors  # the first territory: its actors are the base
        self.vocabulary = self.vocabulary or t.vocabulary
        matcher = Matcher({a: str(r["name"]) for a, r in self.actors.items()})
        sirets = self._identifiers()
        mapping: dict[str, str | None] = {}
        for record in records["actors"]:
            mapping[str(record["id"])] = self._place(record, source, matcher, sirets)
        for relation in records["relations"]:
            ends = mapping.get(str(relation["source"])), mapping.get(str(relation["target"]))
            if None in ends:
                continue
            moved = {**relation, "source": ends[0], "target": ends[1]}
            pair = (frozenset(ends), moved["type"], moved.get("start"))
            if pair in self.relations:
                origin = self.relations[pair]["origin"]
                if source not in origin.split("; "):
                    self.relations[pair]["origin"] = f"{origin}; {source}"
            else:
                self.relations[pair] = {**moved, "origin": source}
        for what in ("resources", "needs", "memberships"):
            for row in records[what]:
                actor = mapping.get(str(row["actor"]))
                if actor is not None:
                    self.other[what].append({**row, "actor": actor, "origin": source})
        self._add_named("collectives", records["collectives"], source)
        for person in records["people"]:
            actor = mapping.get(str(person.get("actor")))
            self.other["people"].append({**person, "actor": actor, "origin": source})

    def _identifiers(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for actor, record in self.actors.items():
            for value in _siret_values(record):
                out.setdefault(value, actor)
        return out

    def _place(
        self, record: dict[str, Any], source: str, matcher: Matcher, sirets: dict[str, str]
    ) -> str | None:
        name, actor = str(record["name"]), str(record["id"])
        commune = record.get("municipality")
        decision = self.decisions.get(review_key(name, commune))
        found, method, score, status, candidates = self._find(record, matcher, sirets)
        if decision is not None:
            proposed = found
            found, status = self._decide(decision, found), "decided"
            # written again in the next review, decided: never asked again
            self.review.append(
                {
                    **self._review_row(source, record, proposed, candidates, score, status),
                    "decision": decision.kind,
                    "type": decision.type,
                    "actor": decision.actor if decision.kind == "other" else None,
                }
            )
            if found is None and decision.kind == "ignore":
                self._note(source, record, None, "ignore", score, status)
                return None
        if status in ("doubtful",) or (status == "probable" and found is not None):
            self.review.append(self._review_row(source, record, found, candidates, score, status))
        if status == "doubtful":
            found = None
        if found is None:
            found = self._new_id(actor)
            self.actors[found] = {**record, "id": found, "source": source}
            for column, value in record.items():
                self._value(found, column, value, source)
            self._note(
                source, record, found, "new", score, "new" if status != "decided" else status
            )
            return found
        target = self.actors[found]
        if source not in target["source"].split("; "):
            target["source"] = f"{target['source']}; {source}"
        for column, value in record.items():
            if column not in _SKIP and _filled(value) and not _filled(target.get(column)):
                target[column] = value
            self._value(found, column, value, source)
        self._note(source, record, found, method, score, status)
        return found

    def _find(
        self, record: dict[str, Any], matcher: Matcher, sirets: dict[str, str]
    ) -> tuple[str | None, str, float, str, tuple[tuple[str, float], ...]]:
        actor, name = str(record["id"]), str(record["name"])
        same = self.actors.get(actor)
        if same is not None and Matcher({actor: str(same["name"])}).match(name).actor == actor:
            return actor, "id", 100.0, "exact", ()
        for value in _siret_values(record):
            if value in sirets:
                return sirets[value], "siret" if len(value) == 14 else "siren", 100.0, "exact", ()
        found = matcher.match(name)
        if found.actor is None:
            best = found.candidates[0] if found.candidates else None
            if best is not None and best[1] >= DOUBTFUL:
                return best[0], "name", found.score, "doubtful", found.candidates
            return None, "name", found.score, "new", found.candidates
        other = self.actors[found.actor].get("municipality")
        here = record.get("municipality")
        if (
            found.status == "probable"
            and _filled(other)
            and _filled(here)
            and loose(str(other)) != loose(str(here))
        ):
            return found.actor, "name", found.score, "doubtful", found.candidates
        return found.actor, "name", found.score, found.status, found.candidates

    def _decide(self, decision: Decision, proposed: str | None) -> str | None:
        if decision.kind in ("new", "ignore"):
            return None
        wanted = decision.actor if decision.kind == "other" else (decision.actor or proposed)
        if wanted in self.actors:
            return wanted
        matcher = Matcher({a: str(r["name"]) for a, r in self.actors.items()})
        return matcher.match(wanted).actor if wanted else None

    def _new_id(self, actor: str) -> str:
        candidate, number = actor, 2
        while candidate in self.actors:
            candidate, number = f"{actor} ({number})", number + 1
        return candidate

    def _value(self, actor: str, column: str, value: Any, source: str) -> None:
        if column in _SKIP or not _filled(value) or column in ("functions",):
            return
        values = self.values.setdefault((actor, column), {})
        values.setdefault(str(value), source)

    def _note(
        self,
        source: str,
        record: dict[str, Any],
        actor: str | None,
        method: str,
        score: float,
        status: str,
    ) -> None:
        if self.first:
            method, status = "first", "first"
        self.rows.append(
            {
                "source": source,
                "source_id": str(record["id"]),
                "cited": str(record["name"]),
                "actor": actor,
                "method": method,
                "score": score,
                "status": status,
            }
        )

    def _review_row(
        self,
        source: str,
        record: dict[str, Any],
        found: str | None,
        candidates: tuple[tuple[str, float], ...],
        score: float,
        status: str,
    ) -> dict[str, Any]:
        names = {a: str(r["name"]) for a, r in self.actors.items()}
        return {
            "cited": str(record["name"]),
            "commune": record.get("municipality"),
            "role": source,
            "seen_in": source,
            "status": status,
            "score": score,
            "proposed": names.get(found) if found else None,
            "proposed_id": found,
            "candidates": candidates_text(candidates, names, self.lang),
        }

    def _add_named(self, what: str, rows: list[dict[str, Any]], source: str) -> None:
        have = {loose(str(r["name"])) for r in self.other[what]}
        for row in rows:
            if loose(str(row["name"])) not in have:
                have.add(loose(str(row["name"])))
                self.other[what].append({**row, "origin": source})

    def result(self, first: Territory) -> Merge:
        conflicts = []
        for (actor, column), values in self.values.items():
            if len(values) > 1 and self._really_differ(values):
                conflicts.append(
                    {
                        "actor": actor,
                        "name": self.actors[actor]["name"],
                        "column": column,
                        "values": " | ".join(values),
                        "sources": " | ".join(values.values()),
                    }
                )
        resources = _unique(self.other["resources"], "resource")
        needs = _unique(self.other["needs"], "need")
        t = Territory.from_records(
            actors=list(self.actors.values()),
            relations=list(self.relations.values()),
            collectives=self.other["collectives"],
            people=self.other["people"],
            memberships=self.other["memberships"],
            resources=resources,
            needs=needs,
            name=first.name,
            date=first.date,
            vocabulary=self.vocabulary,
        )
        matches = pd.DataFrame(
            self.rows,
            columns=["source", "source_id", "cited", "actor", "method", "score", "status"],
        )
        return Merge(
            t, matches, pd.DataFrame(conflicts, columns=CONFLICT_COLUMNS), self.lang, self.review
        )

    @staticmethod
    def _really_differ(values: dict[str, str]) -> bool:
        return len({loose(v) for v in values}) > 1


def _siret_values(record: dict[str, Any]) -> list[str]:
    """The SIRET (14 digits) and SIREN (9 digits) of an actor, from columns named so."""
    out = []
    for column, value in record.items():
        if compact(str(column)) in ("siret", "siren", "numerosiret", "numerosiren") and _filled(
            value
        ):
            digits = re.sub(r"\D", "", str(value))
            if len(digits) == 14:
                out.extend([digits, digits[:9]])
            elif len(digits) == 9:
                out.append(digits)
    return out


def _filled(value: Any) -> bool:
    if value is None or (isinstance(value, float) and value != value):
        return False
    return not (isinstance(value, str | list) and not value)


def _unique(rows: list[dict[str, Any]], what: str) -> list[dict[str, Any]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for row in rows:
        marker = (str(row["actor"]), loose(str(row.get(what))))
        if marker not in seen:
            seen.add(marker)
            out.append(row)
    return out
