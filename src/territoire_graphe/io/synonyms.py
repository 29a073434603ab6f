"""The headers plain tables use for the actor name, type, source and target.

A list of places, an edge list exported by a tool or typed by hand names its
columns in its own words (« NOM DU LIEU », « TYPOLOGIE », ``node``, ``in`` /
``out`` / ``link``...). These synonyms come on top of the workbook's own aliases
(:mod:`.schema`) when a plain table is read (:mod:`.single_table`) and when the
header line of a sheet is looked for (:mod:`.sheets`).

>>> field_of("actors", "NOM DU LIEU"), field_of("relations", "in"), field_of("actors", "Budget")
('name', 'source', None)
"""

from __future__ import annotations

from functools import lru_cache

from ..text_keys import key
from .schema import field_for

# Headers that plain tables use, beyond the workbook's own aliases (FORMAT.md section 1).
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "actors": {
        "name": (
            "node",
            "noeud",
            "nom du lieu",
            "lieu",
            "nom de la structure",
            "nom structure",
            "structure",
            "organisme",
            "entite",
            "entity",
            "nom de l organisme",
            "nom de l organisation",
            "name of organisation",
        ),
        "type": (
            "nature",
            "typologie",
            "type de structure",
            "type de lieu",
            "type d organisme",
            "forme juridique",
            "statut juridique",
            "kind",
        ),
        "municipality": ("commune d implantation", "localisation"),
    },
    "relations": {
        "source": ("in", "source node", "noeud source", "emetteur", "de la part de"),
        "target": ("out", "target node", "noeud cible", "recepteur", "vers qui"),
        "type": ("link", "lien", "type de lien", "nature du lien", "interaction"),
    },
}


@lru_cache(maxsize=4096)
def field_of(kind: str, header: str) -> str | None:
    """The field a plain table's header stands for: the workbook's aliases, then synonyms."""
    found = field_for(kind, header)
    if found is not None:
        return found
    return _SYNONYM_KEYS.get(kind, {}).get(key(header))


_SYNONYM_KEYS = {
    kind: {key(w): f for f, words in fields.items() for w in words}
    for kind, fields in SYNONYMS.items()
}
