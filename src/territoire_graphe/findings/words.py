"""Counted nouns for the findings: "1 ressource", "3 ressources" (catalogue keys ``count.*``).

>>> count_text("fr", "resources", 1), count_text("fr", "resources", 3)
('1 ressource', '3 ressources')
>>> count_text("en", "needs", 2)
'2 needs'
"""

from __future__ import annotations

from ..messages import text


def count_text(lang: str, noun: str, count: int) -> str:
    """``count`` followed by ``noun`` in the singular or the plural, as the count asks."""
    return text(f"count.{noun}", lang, count=int(count))
