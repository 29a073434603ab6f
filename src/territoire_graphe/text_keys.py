"""Normalising free text so that headers, types and references match as people expect.

>>> key("Intercommunalités")
'intercommunalite'
>>> key("  Entreprises de l'ESS ")
'entreprise de l es'
>>> key("Coopération") == key("cooperation")
True
>>> loose("Café  Numérique ")
'cafe numerique'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[\s_\-'’.,/\\()\[\]:;\"«»+&]+")


@lru_cache(maxsize=65536)
def strip_accents(value: str) -> str:
    """Remove accents (é -> e, œ -> oe) but keep letters, digits and spacing."""
    if value.isascii():  # nothing to remove (the usual id, code or English word)
        return value
    value = value.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def loose(value: str) -> str:
    """Case-, accent- and spacing-insensitive form of a name (used for references)."""
    return " ".join(_PUNCT.sub(" ", strip_accents(str(value)).casefold()).split())


@lru_cache(maxsize=65536)
def key(value: str) -> str:
    """Like :func:`loose`, and also ignores a trailing "s" on each word (plurals).

    Used for sheet names, headers and type names, which FORMAT.md matches
    "without regard to case, accents, spaces, underscores or a trailing s".
    """
    words = loose(value).split()
    return " ".join(w[:-1] if len(w) > 2 and w.endswith("s") else w for w in words)


def compact(value: str) -> str:
    """:func:`key` without spaces: "code_insee", "Code INSEE" and "codeinsee" agree."""
    return key(value).replace(" ", "")
