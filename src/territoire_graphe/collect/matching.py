"""Every name of the answers resolved to a roster actor, once, with what was decided in review.

A form's choice name or a questionnaire's own id is exact; then a decision of the review
file applies; then the :class:`~.names.Matcher`. Each distinct name is recorded once (with
where it was seen), so the review lists it once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..io.problems import ProblemLog
from ..messages import text
from ..model import Territory
from ..text_keys import loose
from .names import Matcher
from .records import actor_names
from .review import Decision, review_key

MATCH_COLUMNS = ["cited", "actor", "score", "status", "role", "seen_in", "count", "candidates"]


@dataclass
class _Seen:
    cited: str
    actor: str | None
    score: float
    status: str
    role: str
    candidates: tuple[tuple[str, float], ...]
    files: dict[str, None] = field(default_factory=dict)
    count: int = 0
    decision: Decision | None = None


class Resolver:
    """Resolves names to actor ids for one reading, and remembers how."""

    def __init__(
        self, t: Territory, decisions: dict[str, Decision], choices: dict[str, str], log: ProblemLog
    ):
        self.names = actor_names(t)
        self.matcher = Matcher(self.names)
        self.decisions = decisions
        self.by_choice = {choice: actor for actor, choice in choices.items()}
        self.log = log
        self.seen: dict[str, _Seen] = {}
        self.new_actors: dict[str, dict[str, Any]] = {}
        self._taken = {loose(str(a)) for a in self.names}

    def resolve(
        self,
        cited: str,
        *,
        role: str,
        file: str,
        choice: str | None = None,
        actor_id: str | None = None,
    ) -> str | None:
        """The id of the actor ``cited`` names, or None (unknown, or to be ignored)."""
        if actor_id is not None and actor_id in self.names:
            return actor_id
        if choice is not None and choice in self.by_choice:
            return self.by_choice[choice]
        written = " ".join(str(cited).split())
        entry_key = review_key(written)
        seen = self.seen.get(entry_key)
        if seen is None:
            seen = self.seen[entry_key] = self._first(written, entry_key, role)
        seen.files.setdefault(file, None)
        seen.count += 1
        return seen.actor

    def _first(self, written: str, entry_key: str, role: str) -> _Seen:
        found = self.matcher.match(written)
        decision = self.decisions.get(entry_key)
        if decision is not None:
            actor = self._decided_actor(decision, found.actor)
            if actor is not False:
                return _Seen(
                    written,
                    actor,  # type: ignore[arg-type]
                    found.score,
                    "decided",
                    role,
                    found.candidates,
                    decision=decision,
                )
        return _Seen(written, found.actor, found.score, found.status, role, found.candidates)

    def _decided_actor(self, decision: Decision, proposed: str | None) -> str | bool | None:
        """The actor a decision names; None to ignore; False when it cannot be applied."""
        if decision.kind == "ignore":
            return None
        if decision.kind == "new":
            return self._new_actor(decision)
        wanted = decision.actor
        if decision.kind == "this" and not wanted:
            wanted = proposed
        if wanted in self.names:
            return wanted
        if wanted:
            found = self.matcher.match(wanted)
            if found.status in ("exact", "probable"):
                return found.actor
        self.log.warning("review_actor_unknown", value=decision.cited, actor=wanted or "")
        return False

    def _new_actor(self, decision: Decision) -> str:
        name = " ".join(decision.cited.split())
        for actor, record in self.new_actors.items():
            if loose(record["name"]) == loose(name):
                return actor
        candidate, number = name, 2
        while loose(candidate) in self._taken:
            candidate, number = f"{name} ({number})", number + 1
        self._taken.add(loose(candidate))
        self.new_actors[candidate] = {
            "id": candidate,
            "name": name,
            "type": decision.type or "autre",
        }
        return candidate

    def table(self) -> pd.DataFrame:
        """One row per distinct name cited: how it was matched (``Survey.matches``)."""
        rows = [
            {
                "cited": s.cited,
                "actor": s.actor,
                "score": s.score,
                "status": s.status,
                "role": s.role,
                "seen_in": ", ".join(s.files),
                "count": s.count,
                "candidates": list(s.candidates),
            }
            for s in self.seen.values()
        ]
        frame = pd.DataFrame(rows, columns=MATCH_COLUMNS)
        order = {"unknown": 0, "probable": 1, "decided": 2, "exact": 3}
        if len(frame):
            frame = (
                frame.assign(_o=frame["status"].map(order))
                .sort_values(["_o", "cited"], kind="stable")
                .drop(columns="_o")
                .reset_index(drop=True)
            )
        return frame

    def decided_rows(self, lang: str) -> list[dict[str, Any]]:
        """The decisions applied, as review rows (written again, so never asked again)."""
        rows = []
        for s in self.seen.values():
            if s.decision is None or s.status != "decided":
                continue
            d = s.decision
            rows.append(
                {
                    "cited": s.cited,
                    "role": text(f"collect.role.{s.role}", lang),
                    "seen_in": ", ".join(s.files),
                    "status": "decided",
                    "score": s.score,
                    "proposed": self.names.get(s.actor or "") if d.kind == "this" else None,
                    "proposed_id": s.actor if d.kind == "this" else None,
                    "decision": d.kind,
                    "actor": d.actor if d.kind == "other" else None,
                    "type": d.type,
                }
            )
        return rows
