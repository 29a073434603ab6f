"""How a territory is named on every output: « Pays de Bray, 2024 », not « pays de bray · au 2024 ».

A name read from a file name (``pays_de_bray_2024.xlsx``) is all lower case: it is
shown with capitals, French particles left small. A name the user typed with capitals
(``--name``, the ``territoire`` sheet) is shown as typed. A date known to the year (1
January: a bare year in the workbook or the file name) is shown as the year, one known
to the month (the 1st) as the month, any other date in words.

>>> display_name("pays de bray")
'Pays de Bray'
>>> display_name("colombelles tzcld"), display_name("l'écopôle d'audruicq")
('Colombelles TZCLD', "L'Écopôle d'Audruicq")
>>> display_name("Lens-Liévin : PAT")
'Lens-Liévin : PAT'
>>> import pandas as pd
>>> date_label(pd.Timestamp(2024, 1, 1), "fr"), date_label(pd.Timestamp(2024, 3, 1), "fr")
('2024', 'mars 2024')
>>> date_label(pd.Timestamp(2024, 3, 15), "en")
'15 March 2024'
>>> title_of("pays de bray", pd.Timestamp(2024, 1, 1), "fr")
'Pays de Bray, 2024'
"""

from __future__ import annotations

import re
from typing import Any

from ..messages import locale_for, text

_SMALL = {
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "et",
    "en",
    "sur",
    "sous",
    "a",
    "à",
    "au",
    "aux",
    "of",
    "the",
    "and",
    "on",
    "lès",
    "lez",
}
_VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöùûüÿæœ]", re.IGNORECASE)
_ELIDED = re.compile(r"^(d|l)['’](.+)$", re.IGNORECASE)


def display_name(name: Any) -> str:
    """The territory's name as a title: capitals added only to an all-lower-case name."""
    shown = " ".join(str(name or "").split())
    if not shown or shown != shown.lower():
        return shown
    words = []
    for position, word in enumerate(shown.split(" ")):
        words.append(
            "-".join(
                _capital(part, position == 0 and i == 0) for i, part in enumerate(word.split("-"))
            )
        )
    return " ".join(words)


def _capital(word: str, first: bool) -> str:
    elided = _ELIDED.match(word)
    if elided:
        head = elided.group(1) if not first else elided.group(1).upper()
        return f"{head}'{elided.group(2)[:1].upper()}{elided.group(2)[1:]}"
    if word in _SMALL and not first:
        return word
    if len(word) > 1 and word.isalpha() and not _VOWELS.search(word):  # "tzcld": an acronym
        return word.upper()
    return word[:1].upper() + word[1:]


def date_label(date: Any, lang: str | None = None) -> str:
    """A date for a reader: the year, the month or the day, as precisely as it is known."""
    import pandas as pd

    if date is None or (not isinstance(date, str) and pd.isna(date)):
        return ""
    try:
        stamp = pd.Timestamp(date)
    except (TypeError, ValueError):
        return str(date)
    return locale_for(lang).long_date(stamp) or ""


def title_of(name: Any, date: Any, lang: str | None = None) -> str:
    """« Pays de Bray, 2024 » (the name alone when the date is unknown)."""
    shown, when = display_name(name), date_label(date, lang)
    if not when:
        return shown
    return text("title.name_date", lang, name=shown, date=when) if shown else when


def territory_title(t: Any, lang: str | None = None) -> str:
    """The title of a territory: its name and date (see :func:`title_of`)."""
    return title_of(getattr(t, "name", ""), getattr(t, "date", None), lang)


def perimeter_of(t: Any) -> list[str]:
    """The communes of the territory's perimeter, when the workbook gives one (else empty)."""
    found = getattr(t, "perimeter", None)
    if found is None:
        found = t.graph.graph.get("perimeter") if hasattr(t, "graph") else None
    if not found:
        return []
    if isinstance(found, str):
        return [part.strip() for part in found.split(";") if part.strip()]
    return [str(part) for part in found if str(part).strip()]


__all__ = ["date_label", "display_name", "perimeter_of", "territory_title", "title_of"]
