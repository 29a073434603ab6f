"""What the finders read (:class:`Evidence`) and how a finding is written.

Every finder looks at one question of DOMAIN.md (mobilisation, interconnaissance,
complementarities, fragility), returns zero or more findings, and stays silent
when there is nothing worth saying. Sentences come from the message catalogue;
numbers are formatted for the language. Each finding lists the actors it names.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from ..messages import format_number, format_percent, text
from ..model import Territory
from .grammar import article_name, join_names, of_name, of_names

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
    betweenness_sampled: bool = False
    betweenness_error: float = 0.0
    tension_pairs: frozenset = frozenset()
    perimeter: frozenset | None = None

    def join(self, items: Sequence[str], limit: int = _MAX_NAMES) -> str:
        return join_names(list(items), self.lang, limit=limit)

    def the(self, actor: str, *, capital: bool = False) -> str:
        """The actor's name with its article ("le Département de l'Oise")."""
        return article_name(self.name(actor), self.lang, capital=capital)

    def of(self, actor: str) -> str:
        """The actor's name after "de" ("du Département de l'Oise", "d'Atelier Bray")."""
        return of_name(self.name(actor), self.lang)

    def article_names(self, actors: Sequence[str], limit: int = _MAX_NAMES) -> str:
        return join_names([self.the(a) for a in actors], self.lang, limit=limit)

    def of_all(self, actors: Sequence[str], limit: int = _MAX_NAMES) -> str:
        return of_names([self.name(a) for a in actors], self.lang, limit=limit)

    def name(self, actor: Hashable) -> str:
        return str(self.actors.at[actor, "name"]) if actor in self.actors.index else str(actor)

    def names(self, actors: Sequence[Hashable], limit: int = _MAX_NAMES) -> str:
        return join_names([self.name(a) for a in actors], self.lang, limit=limit)

    def type_label(self, type_name: Any) -> str:
        entry = self.t.vocabulary.actor(type_name)
        return entry.label(self.lang) if entry else str(type_name)

    def num(self, value: float, decimals: int | None = None) -> str:
        return format_number(value, self.lang, decimals=decimals)

    def pct(self, share: float) -> str:
        return format_percent(share, self.lang)


def plain(value: Any) -> Any:
    """A figure as a plain Python value (numpy numbers and arrays become int, float, list)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [plain(v) for v in items]
    if hasattr(value, "tolist") and not isinstance(value, str):
        return plain(value.tolist())
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return None if value != value else float(value)
    return str(value)


def finding(
    e: Evidence,
    code: str,
    category: str,
    priority: int,
    figures: dict[str, Any],
    actors: Sequence[str],
    key: str | None = None,
    **values: Any,
) -> dict[str, Any]:
    """One finding row; ``key`` picks another sentence than ``finding.<code>``."""
    return {
        "code": code,
        "category": text(f"category.{category}", e.lang),
        "priority": priority,
        "text": text(f"finding.{key or code}", e.lang, **values),
        "figures": plain(figures),
        "actors": [str(a) for a in dict.fromkeys(actors)],
    }


__all__ = [
    "FINDING_COLUMNS",
    "Evidence",
    "article_name",
    "finding",
    "join_names",
    "of_name",
    "of_names",
    "plain",
]
