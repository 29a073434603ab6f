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

from ..messages import format_number, format_percent, locale_for, text
from ..model import Territory

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


def join_names(names: Sequence[str], lang: str, *, limit: int = _MAX_NAMES) -> str:
    """Names as a reader expects them: "A, B et C", or "A, B et 3 autres" past ``limit``.

    >>> join_names(["A", "B", "C"], "fr")
    'A, B et C'
    >>> join_names(["A", "B", "C", "D"], "en", limit=2)
    'A, B and 2 others'
    """
    names = list(names)
    if not names:
        return ""
    if len(names) > limit:
        return text("join.more", lang, names=", ".join(names[:limit]), count=len(names) - limit)
    if len(names) == 1:
        return names[0]
    return locale_for(lang).join(names)


def of_name(name: str, lang: str) -> str:
    """``name`` after "of": French contracts "de Le" and "de Les" and elides before a vowel.

    >>> [of_name(n, "fr") for n in ("Les Paniers", "Le Bocal", "Atelier Bray", "la Nef")]
    ['des Paniers', 'du Bocal', "d'Atelier Bray", 'de la Nef']
    >>> of_name("Les Paniers", "en")
    'of Les Paniers'
    """
    return locale_for(lang).of(name)


def finding(e: Evidence, code: str, category: str, priority: int, figures: dict[str, Any],
             actors: Sequence[Hashable], **values: Any) -> dict[str, Any]:
    return {"code": code, "category": text(f"category.{category}", e.lang),
            "priority": priority, "text": text(f"finding.{code}", e.lang, **values),
            "figures": figures, "actors": list(actors)}

