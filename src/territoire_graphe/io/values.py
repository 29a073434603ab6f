"""Reading one cell: numbers with a decimal comma, yes/no, dates, several values in a cell.

Each parser returns the value, or raises :class:`BadValue` whose ``code`` names
the problem; the caller records it with the cell's location.

>>> parse_number("2,5")
2.5
>>> parse_bool("Oui"), parse_bool("x"), parse_bool(""), parse_bool(0)
(True, True, None, False)
>>> parse_date("15/03/2021"), parse_date("2019"), parse_date("2021-06-30")
(Timestamp('2021-03-15 00:00:00'), Timestamp('2019-01-01 00:00:00'), Timestamp('2021-06-30 00:00:00'))
>>> split_values("se nourrir ; habiter;")
['se nourrir', 'habiter']
>>> as_text(6232.0), as_text("06232"), as_text(None)
('6232', '06232', None)
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import pandas as pd

from ..text_keys import loose


class Supplied(str):
    """A value a converter filled in because the source had none (Kumu, Gephi, GraphML...).

    It reads as its text; the validation sees where it came from and says so in a
    warning, so a default never passes silently.
    """

    __slots__ = ()


class BadValue(ValueError):
    """A cell that cannot be read as the value its column needs."""

    def __init__(self, code: str, **values: object):
        super().__init__(code)
        self.code = code
        self.values = values


class Ambiguous(BadValue):
    """A cell read as ``value`` that could mean something else: a warning, not an error."""

    def __init__(self, code: str, result: Any, /, **values: object):
        super().__init__(code, **values)
        self.result = result


def is_blank(value: Any) -> bool:
    """Whether a cell is empty (None, NaN, or only spaces)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and value != value  # NaN


def is_blank_row(values: Sequence[Any]) -> bool:
    """Whether every cell of a row is empty (the fast version of ``all(map(is_blank, ...))``)."""
    for value in values:
        if value is None:
            continue
        if isinstance(value, str):
            if value and not value.isspace():
                return False
        elif not (isinstance(value, float) and value != value):
            return False
    return True


def as_text(value: Any) -> str | None:
    """A cell as text: whole numbers lose their ".0", text keeps its leading zeros."""
    if isinstance(value, str):  # the usual case first
        # Text is kept as written (line breaks, inner spaces, any character), only trimmed.
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        if value != value:
            return None
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_DOT_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")  # 1.200, 12.345.678


def parse_number(value: Any) -> float | None:
    """A number; accepts a decimal comma and spaces or dots between thousands.

    ``1 200,5`` and ``1.200,5`` are 1200.5; ``1.200.300`` is 1200300; ``1.200`` could be
    either 1.2 or 1200: it is read 1.2 and raises :class:`Ambiguous` (a warning carrying
    that value). Infinite numbers (``1e400``) are refused.

    >>> parse_number("1 200,5"), parse_number("1.200,5"), parse_number("1.200.300")
    (1200.5, 1200.5, 1200300.0)
    >>> parse_number("1.200")
    Traceback (most recent call last):
    territoire_graphe.io.values.Ambiguous: number_thousands_ambiguous
    """
    kind = type(value)
    if kind is float:  # the usual cases first
        if value != value:
            return None
        if math.isinf(value):
            raise BadValue("number_invalid", value=str(value))
        return value
    if kind is int:
        return float(value)
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise BadValue("number_invalid", value=str(value))
    if isinstance(value, int | float):
        return _finite(value, value)
    written = str(value).strip().replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if len(written) > 400:  # no count or intensity is written with hundreds of digits
        raise BadValue("number_invalid", value=str(value)[:40] + "…")
    if written.count(",") == 1 and "." in written:  # "1.234,5" (French thousands) or "1,234.5"
        written = (
            written.replace(".", "")
            if written.rfind(",") > written.rfind(".")
            else written.replace(",", "")
        )
    elif _DOT_THOUSANDS.match(written):
        large = float(written.replace(".", ""))
        if written.count(".") > 1:  # 1.200.300: only thousands
            return large
        small = float(written)
        raise Ambiguous(
            "number_thousands_ambiguous", small, value=str(value).strip(), small=small, large=large
        )
    if not _NUMBER.match(written):
        raise BadValue("number_invalid", value=str(value))
    return _finite(float(written.replace(",", ".")), value)


def _finite(number: float | int, written: Any) -> float:
    """``number`` as a float, refused when infinite or too large for one (``1e400``)."""
    try:
        result = float(number)
    except OverflowError as error:  # a huge integer
        raise BadValue("number_invalid", value=str(written)[:40]) from error
    if math.isinf(result) or result != result:
        raise BadValue("number_invalid", value=str(written)[:40])
    return result


_TRUE = {
    "oui",
    "o",
    "yes",
    "y",
    "true",
    "vrai",
    "1",
    "x",
    "✓",
    "✔",
    "✅",
    # what people write in a direction column
    "oriente",
    "directed",
    "dirige",
    "sens unique",
    "one way",
    "unidirectionnel",
}
_FALSE = {
    "non",
    "n",
    "no",
    "false",
    "faux",
    "0",
    "✗",
    "✘",
    "❌",
    "non oriente",
    "undirected",
    "not directed",
    "mutual",
    "mutuel",
    "mutuelle",
    "reciproque",
    "bidirectionnel",
    "bidirectional",
    "both",
    "deux sens",
    "dans les deux sens",
}


def parse_bool(value: Any) -> bool | None:
    """oui/non, yes/no, true/false, 1/0, x/empty (empty means "not said": None)."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise BadValue("boolean_invalid", value=as_text(value))
    written = loose(str(value))
    if written in _TRUE:
        return True
    if written in _FALSE:
        return False
    raise BadValue("boolean_invalid", value=str(value))


_TIME = r"(?:[T ]+\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_DMY = re.compile(rf"^(\d{{1,2}})[/.\-](\d{{1,2}})[/.\-](\d{{4}}){_TIME}$")
_YMD = re.compile(rf"^(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME}$")
_YM = re.compile(r"^(\d{4})-(\d{1,2})$")
_MY = re.compile(r"^(\d{1,2})/(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


_DATES: dict[tuple[type, Any], pd.Timestamp] = {}  # the same few dates recur in a sheet


def parse_date(value: Any) -> pd.Timestamp | None:
    """A date: Excel date, ISO date, JJ/MM/AAAA, MM/AAAA or a bare year (its 1 January)."""
    if value is None:
        return None
    memo = (type(value), value)
    try:
        found = _DATES.get(memo)
    except TypeError:  # not hashable
        return _parse_date(value)
    if found is None:
        found = _parse_date(value)
        if found is not None and len(_DATES) < 8192:
            _DATES[memo] = found
    return found


def _parse_date(value: Any) -> pd.Timestamp | None:
    if is_blank(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value)
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
            if number.is_integer() and 1000 <= number <= 2999:
                return pd.Timestamp(int(number), 1, 1)
            if 1 <= number < 2958466:  # an Excel serial date left as a number
                return pd.Timestamp(_EXCEL_EPOCH + dt.timedelta(days=number)).normalize()
            raise BadValue("date_invalid", value=as_text(value))
        written = str(value).strip()
        for pattern, order in (
            (_DMY, "dmy"),
            (_YMD, "ymd"),
            (_YM, "ym"),
            (_MY, "my"),
            (_YEAR, "y"),
        ):
            found = pattern.match(written)
            if not found:
                continue
            parts = [int(p) for p in found.groups()]
            if order == "dmy":
                return pd.Timestamp(parts[2], parts[1], parts[0])
            if order == "ymd":
                return pd.Timestamp(parts[0], parts[1], parts[2])
            if order == "ym":
                return pd.Timestamp(parts[0], parts[1], 1)
            if order == "my":
                return pd.Timestamp(parts[1], parts[0], 1)
            return pd.Timestamp(parts[0], 1, 1)
    except (ValueError, OverflowError) as error:
        raise BadValue("date_invalid", value=as_text(value)) from error
    raise BadValue("date_invalid", value=as_text(value))


def split_values(value: Any, separator: str = ";") -> list[str]:
    """Several values in one cell, separated by ``separator``; blanks dropped, order kept."""
    written = as_text(value)
    if written is None:
        return []
    if separator not in written and not any(c.isspace() for c in written):
        return [written]
    parts = (" ".join(p.split()) for p in written.split(separator))
    seen: dict[str, None] = {}
    for part in parts:
        if part:
            seen.setdefault(part, None)
    return list(seen)


# Identifier-like columns keep their leading zeros; when Excel stored them as numbers,
# they are padded back to their official width (code INSEE and postcode 5, SIREN 9,
# SIRET 14, French phone numbers 10); 0 means "text, no padding".
_ID_HEADERS = {
    "codeinsee": 5,
    "codecommune": 5,
    "codepostal": 5,
    "zipcode": 5,
    "postcode": 5,
    "postalcode": 5,
    "codeape": 0,
    "codenaf": 0,
    "id": 0,
    "identifiant": 0,
}
_ID_WORDS = {
    "insee": 5,
    "cog": 5,
    "postal": 5,
    "cp": 5,
    "postcode": 5,
    "zip": 5,
    "zipcode": 5,
    "siren": 9,
    "siret": 14,
    "rna": 0,
    "naf": 0,
    "ape": 0,
    "uai": 0,
    "finess": 9,
    "rne": 0,
    "telephone": 10,
    "tel": 10,
    "phone": 10,
}


@lru_cache(maxsize=1024)
def identifier_width(header: str) -> int | None:
    """The width of an identifier-like column from its header, 0 when it has none; else None.

    >>> identifier_width("Code INSEE"), identifier_width("N° SIRET"), identifier_width("budget")
    (5, 14, None)
    """
    words = loose(header.replace("°", " ")).split()
    joined = "".join(words)
    if joined in _ID_HEADERS:
        return _ID_HEADERS[joined]
    widths = [_ID_WORDS[w] for w in words if w in _ID_WORDS]
    return max(widths) if widths else None


def as_identifier(value: Any, width: int) -> str | None:
    """An identifier as text; a whole number is padded with zeros to ``width``.

    >>> as_identifier(6232.0, 5), as_identifier("2A004", 5)
    ('06232', '2A004')
    """
    written = as_text(value)
    if written is None:
        return None
    if (
        width
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and written.isdigit()
    ):
        return written.zfill(width)
    return written
