"""What a path says before the file is opened: its kind (suffix), and the name and date of
the territory written in the file name (``pays_de_bray_2024.xlsx``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from .problems import fatal

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
GRAPH_SUFFIXES = (".graphml", ".gexf", ".json", ".cyjs", ".gml", ".net", ".paj", ".dl")

_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:[-_.]?(\d{2})(?:[-_.]?(\d{2}))?)?(?!\d)")


def _date_from_path(path: Path) -> pd.Timestamp | None:
    """A date written in a file name: ``2024``, ``2024-03`` or ``2024-03-15``.

    >>> _date_from_path(Path("bray_2024-03.xlsx"))
    Timestamp('2024-03-01 00:00:00')
    >>> _date_from_path(Path("bray.xlsx")) is None
    True
    """
    found = _YEAR_IN_NAME.search(path.stem)
    if not found:
        return None
    year, month, day = found.groups()
    try:
        return pd.Timestamp(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return pd.Timestamp(int(year), 1, 1)


def _name_from_path(path: Path) -> str:
    """A readable name from a file name, without the date (which goes to ``Territory.date``).

    >>> _name_from_path(Path("pays_de_bray_2024.xlsx")), _name_from_path(Path("wazemmes_csv"))
    ('pays de bray', 'wazemmes')
    >>> _name_from_path(Path("2024.xlsx"))
    '2024'
    """
    stem = (
        path.stem
        if path.is_file()
        or path.suffix.lower() in (*WORKBOOK_SUFFIXES, *CSV_SUFFIXES, *GRAPH_SUFFIXES)
        else path.name
    )
    words = _YEAR_IN_NAME.sub(" ", stem).replace("_", " ").replace("-", " ").split()
    if len(words) > 1 and words[-1].lower() == "csv":
        words = words[:-1]
    return " ".join(words) or stem or "territoire"


def _parse_date_argument(value: Any, display: str, lang: str) -> pd.Timestamp:
    from .values import BadValue, parse_date

    try:
        parsed = parse_date(value)
    except BadValue as error:
        raise fatal("date_argument_invalid", display, lang=lang, value=str(value)) from error
    if parsed is None:
        raise fatal("date_argument_invalid", display, lang=lang, value=str(value))
    return parsed
