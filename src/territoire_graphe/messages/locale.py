"""How each language writes what is not a word: dates, numbers, plurals, quotes, punctuation.

The catalogues hold the words; a :class:`Locale` holds the rest, once per language, so that
no renderer, finding or message writes ``if lang == "fr"``. Adding a language is adding its
catalogue texts and one :class:`Locale` to :data:`LOCALES`.

>>> fr, en = locale_for("fr"), locale_for("en")
>>> fr.date("2021-03-15"), en.date("2021-03-15"), fr.date("2021-01-01")
('15/03/2021', '2021-03-15', '2021')
>>> fr.number(1234.5), en.number(1234.5), fr.percent(0.125, decimals=1)
('1\u202f234,5', '1,234.5', '12,5\u00a0%')
>>> fr.quote("Agriculture"), en.quote("Agriculture")
('« Agriculture »', '"Agriculture"')
>>> fr.join(["A", "B", "C"]), en.join(["A", "B", "C"])
('A, B et C', 'A, B and C')
>>> fr.plural(0), en.plural(0), fr.of("Le Bocal"), en.of("Le Bocal")
('one', 'other', 'du Bocal', 'of Le Bocal')
>>> fr.label("Types", "3"), en.label("Types", "3")
('Types : 3', 'Types: 3')
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

_FR_VOWELS = set("aeiouyàâäéèêëîïôöùûüœæhAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆH")


def _fr_of(name: str) -> str:
    """French "de": contracted before "Le" and "Les", elided before a vowel or a mute h."""
    words = name.split(" ", 1)
    if len(words) == 2 and words[0] in ("Le", "le"):
        return f"du {words[1]}"
    if len(words) == 2 and words[0] in ("Les", "les"):
        return f"des {words[1]}"
    if name[:1] in _FR_VOWELS:
        return f"d'{name}"
    return f"de {name}"


@dataclass(frozen=True)
class Locale:
    """Everything about a language that is not in its catalogue.

    Parameters
    ----------
    code : str
        The language code used everywhere (``"fr"``).
    tag : str
        Its BCP 47 tag, for document properties (``"fr-FR"``).
    decimal, group : str
        Decimal mark and thousands separator.
    percent_format : str
        How a percentage is written, ``{number}`` being the number.
    date_format : str
        ``strftime`` pattern of a full date.
    sheet_date_format : str
        The same date as a spreadsheet number format (Excel, LibreOffice).
    input_date_format : str
        The date as a person types it, shown in templates (``"JJ/MM/AAAA"``).
    quotes : tuple of str
        Opening and closing quotation marks, spaces included.
    colon : str
        What goes between a label and its value (French puts a space before).
    list_separator, list_and : str
        ``"A, B et C"``: the separator, and the word before the last item.
    semicolon : str
        The separator of a list whose items hold commas.
    singular : callable
        Whether a count takes the singular (French: 0 and 1; English: 1 only).
    of : callable
        ``name`` after the word for "of", with the language's elisions and contractions.
    missing_number : str
        What a missing or infinite number shows.
    months : tuple of str
        The names of the months, for dates written in words (:meth:`long_date`).
    """

    code: str
    tag: str
    decimal: str
    group: str
    percent_format: str
    date_format: str
    sheet_date_format: str
    input_date_format: str
    quotes: tuple[str, str]
    colon: str
    list_separator: str
    list_and: str
    semicolon: str
    singular: Callable[[int], bool]
    of: Callable[[str], str]
    missing_number: str = "–"
    months: tuple[str, ...] = ()  # month names, January first, for dates written in words

    # -- numbers ----------------------------------------------------------------------------
    def number(self, value: float | int, *, decimals: int | None = None) -> str:
        """A number for a reader: integers without decimals, others with up to ``decimals``
        digits (default 2, trailing zeros removed)."""
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            return self.missing_number
        if isinstance(value, int) or (
            isinstance(value, float) and value.is_integer() and decimals is None
        ):
            shown = f"{int(value):,}"
        else:
            places = 2 if decimals is None else decimals
            shown = f"{value:,.{places}f}"
            if decimals is None and "." in shown:
                shown = shown.rstrip("0").rstrip(".")
        return shown.replace(",", "\0").replace(".", self.decimal).replace("\0", self.group)

    def percent(self, share: float, *, decimals: int = 0) -> str:
        """A share between 0 and 1 as a percentage."""
        number = self.number(round(share * 100, decimals), decimals=decimals)
        return self.percent_format.format(number=number)

    # -- dates ------------------------------------------------------------------------------
    def date(self, value: Any) -> str | None:
        """A date as the language writes it; a date known only to its year (1 January,
        as the workbooks write a bare year) is that year. None for a missing date."""
        import pandas as pd  # here, not above: the command line starts without pandas

        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return None
        stamp = pd.Timestamp(value)
        if (stamp.month, stamp.day) == (1, 1):
            return str(stamp.year)
        return stamp.strftime(self.date_format)

    def long_date(self, value: Any) -> str | None:
        """A date in words, as precisely as it is known: the year alone (1 January), the month
        and year (the 1st of a month), else the day, month and year. Without month names,
        :meth:`date`."""
        import pandas as pd  # here, not above: the command line starts without pandas

        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return None
        stamp = pd.Timestamp(value)
        if (stamp.month, stamp.day) == (1, 1):
            return str(stamp.year)
        if not self.months:
            return stamp.strftime(self.date_format)
        month = self.months[stamp.month - 1]
        if stamp.day == 1:
            return f"{month} {stamp.year}"
        return f"{stamp.day} {month} {stamp.year}"

    # -- words and punctuation --------------------------------------------------------------
    def plural(self, count: int) -> str:
        """``"one"`` or ``"other"``: the plural form a count takes."""
        return "one" if self.singular(count) else "other"

    def quote(self, words: str) -> str:
        """``words`` between the language's quotation marks."""
        return f"{self.quotes[0]}{words}{self.quotes[1]}"

    def label(self, label: str, value: str) -> str:
        """``label`` and its ``value``, with the language's colon."""
        return f"{label}{self.colon}{value}"

    def join(self, items: Sequence[str]) -> str:
        """``"A, B et C"``: every item, the last one after the word for "and"."""
        items = [str(item) for item in items]
        if len(items) < 2:
            return "".join(items)
        return self.list_separator.join(items[:-1]) + self.list_and + items[-1]


DEFAULT_LANG = "fr"
ENV_VAR = "TERRITOIRE_GRAPHE_LANG"
LOCALES: dict[str, Locale] = {
    "fr": Locale(
        code="fr",
        tag="fr-FR",
        decimal=",",
        group="\u202f",
        percent_format="{number}\u00a0%",
        date_format="%d/%m/%Y",
        sheet_date_format="dd/mm/yyyy",
        input_date_format="JJ/MM/AAAA",
        quotes=("« ", " »"),
        colon=" : ",
        list_separator=", ",
        list_and=" et ",
        semicolon=" ; ",
        singular=lambda n: n < 2,
        of=_fr_of,
        months=(
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ),
    ),
    "en": Locale(
        code="en",
        tag="en-GB",
        decimal=".",
        group=",",
        percent_format="{number}%",
        date_format="%Y-%m-%d",
        sheet_date_format="yyyy-mm-dd",
        input_date_format="YYYY-MM-DD",
        quotes=('"', '"'),
        colon=": ",
        list_separator=", ",
        list_and=" and ",
        semicolon="; ",
        singular=lambda n: n == 1,
        of=lambda name: f"of {name}",
        months=(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
    ),
}


def resolve_lang(lang: str | None = None) -> str:
    """Return the language to use: the argument, else ``$TERRITOIRE_GRAPHE_LANG``, else French.

    >>> resolve_lang("EN")
    'en'
    >>> resolve_lang("fr-FR")
    'fr'
    """
    chosen = lang or os.environ.get(ENV_VAR) or DEFAULT_LANG
    code = str(chosen).strip().lower().replace("_", "-").split("-")[0]
    if code not in LOCALES:
        raise ValueError(
            f"Unknown language {chosen!r}: use one of {', '.join(LOCALES)} / "
            f"langue inconnue {chosen!r} : utilisez {', '.join(LOCALES)}"
        )
    return code


def locale_for(lang: str | None = None) -> Locale:
    """The :class:`Locale` of ``lang``, resolved by :func:`resolve_lang`."""
    return LOCALES[resolve_lang(lang)]


__all__ = ["DEFAULT_LANG", "ENV_VAR", "LOCALES", "Locale", "locale_for", "resolve_lang"]
