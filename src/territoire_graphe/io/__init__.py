"""Reading territories: workbooks (.xlsx, .xlsm, .ods), CSV folders, Kumu, GraphML, GEXF, Gephi.

:func:`read` picks the reader from the path; every reader hands raw sheets to
the same validation (:mod:`.build`), so every format follows the same rules.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..messages import resolve_lang
from ..model import Territory
from .build import build_territory
from .limits import Limits
from .paths import (
    CSV_SUFFIXES,
    WORKBOOK_SUFFIXES,
    _date_from_path,
    _name_from_path,
    _parse_date_argument,
)
from .problems import InputError, Problem, ProblemLog, fatal
from .sheets import RawWorkbook
from .template_print import example_warnings


def read(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    date: Any = None,
    lang: str | None = None,
    limits: Limits | None = None,
    columns: Mapping[str, str] | None = None,
) -> Territory:
    """Read a territory from a workbook, a folder of CSV files, Kumu, GraphML, GEXF or Gephi.

    Reading is bounded by ``limits``: a file that would take far more memory than its
    content is refused with a clear problem. Raise a limit for a file that really is that
    large: ``read(path, limits=Limits(sheet_cells=50_000_000))``.

    Parameters
    ----------
    path : str or path-like
        A workbook (``.xlsx``, ``.ods``...), a CSV file or folder, a Kumu workbook, a
        GraphML, GEXF, JSON, Pajek or GML file, or a folder holding a Gephi node and edge table.
    name : str, optional
        The territory's name (default: the file name).
    date : date, str or int, optional
        Its date (default: a date or year found in the file name,
        ``pays_de_bray_2024.xlsx`` -> 2024).
    lang : str, optional
        Language of the problems (default: ``$TERRITOIRE_GRAPHE_LANG``, else French).
    limits : Limits, optional
        File size, inflated size, sheet extent, cell size, JSON nesting (default: ``Limits()``).
    columns : mapping, optional
        The columns of a plain table the reader cannot guess, field -> header as written
        (``{"name": "NOM DU LIEU", "source": "De"}``).

    Returns
    -------
    Territory
        Its warnings (problems that did not stop the reading) in ``Territory.warnings``.

    Raises
    ------
    InputError
        Listing every problem (file, sheet, row, column, code, message, hint).

    Examples
    --------
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
    raw = read_raw(path, display=display, lang=lang, limits=limits, columns=columns)
    territory_date = _parse_date_argument(date, display, lang) if date is not None else None
    # name and date: the arguments, else the "territoire" sheet, else the file name
    territory = build_territory(
        raw,
        name=name,
        date=territory_date,
        lang=lang,
        default_name=_name_from_path(path),
        default_date=_date_from_path(path),
    )
    territory.warnings.extend(example_warnings(territory, lang))  # template rows left in
    return territory


def read_raw(
    path: Path,
    *,
    display: str,
    lang: str,
    limits: Limits | None = None,
    columns: Mapping[str, str] | None = None,
) -> RawWorkbook:
    """The raw sheets of any supported source, in the workbook layout of FORMAT.md."""
    from . import kumu, single_table
    from .foreign import FOREIGN_FORMATS, declare_cited, looks_like_onodo, mark_foreign

    suffix = path.suffix.lower()
    if path.is_dir():
        from . import gephi
        from .csvfiles import read_csv_folder

        if gephi.is_gephi_folder(path):
            raw = gephi.read_gephi_folder(path, display=display, lang=lang, limits=limits)
        else:
            raw = read_csv_folder(path, display=display, lang=lang, limits=limits)
    elif suffix in WORKBOOK_SUFFIXES:
        from .excel import read_workbook

        raw = read_workbook(path, display=display, lang=lang, limits=limits)
    elif suffix in CSV_SUFFIXES:
        from .csvfiles import read_csv_file

        raw = read_csv_file(path, display=display, lang=lang, limits=limits)
    elif suffix == ".graphml":
        from .graphml_reader import read_graphml

        raw = read_graphml(path, display=display, lang=lang, limits=limits)
    elif suffix in (".json", ".cyjs"):
        from .jsongraph import read_json_graph

        raw = read_json_graph(path, display=display, lang=lang, limits=limits)
    elif suffix in (".net", ".paj"):
        from .pajek import read_pajek

        raw = read_pajek(path, display=display, lang=lang, limits=limits)
    elif suffix == ".dl":
        from .ucinet import read_ucinet

        raw = read_ucinet(path, display=display, lang=lang, limits=limits)
    elif suffix == ".gml":
        from .gml import read_gml

        raw = read_gml(path, display=display, lang=lang, limits=limits)
    elif suffix == ".gexf":
        from .gexf import read_gexf

        raw = read_gexf(path, display=display, lang=lang, limits=limits)
    else:
        raise fatal("format_unsupported", display, lang=lang, suffix=suffix or "-")
    if columns:
        single_table.apply_columns(raw, columns, lang)
    if kumu.looks_like_kumu(raw):
        raw = kumu.to_standard(raw)
        mark_foreign(raw, own=("directed",))
        declare_cited(raw)
    elif raw.source_format in FOREIGN_FORMATS or looks_like_onodo(raw):
        mark_foreign(raw)
    elif single_table.is_plain(raw):
        raw = single_table.understand(raw, lang=lang)
    else:
        single_table.name_by_synonyms(raw)
    return raw


__all__ = ["InputError", "Limits", "Problem", "ProblemLog", "read", "read_raw"]
