"""The message catalogue: every text a person reads, in French and English.

Texts live in one dictionary per language and per part of the package
(``_io.py`` for reading and validation, ``_analysis.py`` for findings, ...).
:func:`text` is the one function that looks a text up and fills it in.

>>> text("lang.name", "fr")
'français'
>>> text("lang.name", "en")
'English'
>>> format_number(1234.5, "fr")
'1\u202f234,5'
>>> format_number(1234.5, "en")
'1,234.5'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeGuard

from . import (
    _analysis,
    _cli,
    _collect,
    _committee,
    _committee_doc,
    _common,
    _compare,
    _engineering,
    _findings,
    _formats,
    _io,
    _perf,
    _realfiles,
    _render,
    _report,
    _robust,
    _template,
)
from .locale import DEFAULT_LANG, ENV_VAR, LOCALES, Locale, locale_for, resolve_lang

LANGS = tuple(LOCALES)

_MODULES = (
    _common,
    _io,
    _formats,
    _analysis,
    _findings,
    _render,
    _report,
    _cli,
    _template,
    _compare,
    _collect,
    _committee,
    _committee_doc,
    _engineering,
    _realfiles,
    _robust,
    _perf,
)
CATALOGUES: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
for _module in _MODULES:
    for _lang in LANGS:  # each module holds one dictionary per language, named FR, EN...
        CATALOGUES[_lang].update(getattr(_module, _lang.upper()))


def text(key: str, lang: str | None = None, /, **values: object) -> str:
    """Look up ``key`` in the catalogue of ``lang`` and fill in ``values``.

    Numbers given as values are formatted for the language (French: ``1 234,5``).
    When ``count`` is 1 and the catalogue has ``<key>.one``, that singular text is used.
    A key missing from a catalogue raises ``KeyError``: tests check both catalogues
    hold the same keys, so this only happens while developing.
    """
    code = resolve_lang(lang)
    catalogue_ = CATALOGUES[code]
    template = catalogue_[key]
    # Singular variant: "1 acteur n'a aucun lien" rather than "1 acteurs n'ont".
    if values.get("count") == 1 and f"{key}.one" in catalogue_:
        template = catalogue_[f"{key}.one"]
    if not values:
        return template
    shown = {
        name: format_number(value, code) if _is_number(value) else value
        for name, value in values.items()
    }
    return template.format(**shown)


def has_text(key: str) -> bool:
    """Whether ``key`` is in the catalogue."""
    return key in CATALOGUES[DEFAULT_LANG]


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def format_number(
    value: float | int, lang: str | None = None, *, decimals: int | None = None
) -> str:
    """Format a number for a reader: French uses a narrow no-break space and a comma.

    Integers are shown without decimals; other numbers with up to ``decimals``
    digits (default: 2, trailing zeros removed).

    >>> format_number(0.5, "fr")
    '0,5'
    >>> format_number(3, "fr")
    '3'
    >>> format_number(12345678, "en")
    '12,345,678'
    """
    return locale_for(lang).number(value, decimals=decimals)


def format_percent(share: float, lang: str | None = None, *, decimals: int = 0) -> str:
    """Format a share (0-1) as a percentage.

    >>> format_percent(0.125, "fr", decimals=1)
    '12,5\u00a0%'
    >>> format_percent(0.125, "en", decimals=1)
    '12.5%'
    """
    return locale_for(lang).percent(share, decimals=decimals)


def catalogue(lang: str | None = None) -> Mapping[str, str]:
    """The whole catalogue of one language (read-only view)."""
    from types import MappingProxyType

    return MappingProxyType(CATALOGUES[resolve_lang(lang)])


__all__ = [
    "DEFAULT_LANG",
    "ENV_VAR",
    "LANGS",
    "LOCALES",
    "Locale",
    "catalogue",
    "format_number",
    "format_percent",
    "has_text",
    "locale_for",
    "resolve_lang",
    "text",
]
