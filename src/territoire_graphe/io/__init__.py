"""Reading territories: workbooks (.xlsx, .xlsm, .ods), CSV folders, Kumu, GraphML, GEXF, Gephi.

:func:`read` picks the reader from the path; every reader hands raw sheets to
the same validation (:mod:`.build`), so every format follows the same rules.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..messages import resolve_lang
from ..model import Territory
from .build import build_territory
from .paths import (
    CSV_SUFFIXES,
    WORKBOOK_SUFFIXES,
    _date_from_path,
    _name_from_path,
    _parse_date_argument,
)
from .problems import InputError, Problem, ProblemLog, fatal
from .sheets import RawWorkbook


def read(path: str | os.PathLike[str], *, name: str | None = None, date: Any = None,
         lang: str | None = None) -> Territory:
    """Read a territory from a workbook, a folder of CSV files, Kumu, GraphML, GEXF or Gephi.

    ``name`` defaults to the file name, ``date`` to a date or year found in it
    (``pays_de_bray_2024.xlsx`` -> 2024). Problems are reported in ``lang``
    (French by default). Raises :class:`InputError` listing every error; the
    warnings are in ``Territory.warnings``.

    >>> from territoire_graphe.data import sample_path
    >>> t = read(sample_path("colombelles_tzcld.xlsx"))
    >>> len(t.actors) > 30
    True
    """
    lang = resolve_lang(lang)
    path = Path(path)
    display = path.name or str(path)
    if not path.exists():
        raise fatal("file_not_found", display, lang=lang, path=str(path))
    raw = read_raw(path, display=display, lang=lang)
    territory_name = name or _name_from_path(path)
    territory_date = _parse_date_argument(date, display, lang) if date is not None \
        else _date_from_path(path)
    return build_territory(raw, name=territory_name, date=territory_date, lang=lang)


def read_raw(path: Path, *, display: str, lang: str) -> RawWorkbook:
    """The raw sheets of any supported source, in the workbook layout of FORMAT.md."""
    from . import kumu

    suffix = path.suffix.lower()
    if path.is_dir():
        from . import gephi
        from .csvfiles import read_csv_folder

        if gephi.is_gephi_folder(path):
            raw = gephi.read_gephi_folder(path, display=display, lang=lang)
        else:
            raw = read_csv_folder(path, display=display, lang=lang)
    elif suffix in WORKBOOK_SUFFIXES:
        from .excel import read_workbook

        raw = read_workbook(path, display=display, lang=lang)
    elif suffix in CSV_SUFFIXES:
        from .csvfiles import read_csv_file

        raw = read_csv_file(path, display=display, lang=lang)
    elif suffix == ".graphml":
        from .graphml import read_graphml

        raw = read_graphml(path, display=display, lang=lang)
    elif suffix == ".json":
        from .graphml import read_json

        raw = read_json(path, display=display, lang=lang)
    elif suffix == ".gexf":
        from .gexf import read_gexf

        raw = read_gexf(path, display=display, lang=lang)
    else:
        raise fatal("format_unsupported", display, lang=lang, suffix=suffix or "-")
    if kumu.looks_like_kumu(raw):
        raw = kumu.to_standard(raw)
    return raw


__all__ = ["InputError", "Problem", "ProblemLog", "read", "read_raw"]
