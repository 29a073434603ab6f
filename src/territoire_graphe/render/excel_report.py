"""The report workbook: a diagnosis as a formatted Excel file a committee can read and print.

:func:`to_excel` writes eight sheets, named in the report language: Synthèse (indicators,
findings, provenance), Acteurs (every metric and flag, and the workbook's own columns),
Relations, Groupes (mixing of actor types as a heat map, E-I index), Qui mobiliser,
Complémentarités, Fragilités and Définitions (each header, its column name in the Python
tables, its definition, formula and reference). The sheets are built in
:mod:`.excel_sheets` and :mod:`.excel_summary` through the machinery of :mod:`.excel`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..io.outputs import write_bytes
from ..messages import resolve_lang
from ..provenance import output_provenance
from .excel import Book
from .excel_sheets import SHEET_BUILDERS, definitions
from .people import PeopleView, normalise_people

if TYPE_CHECKING:
    from ..diagnosis import Diagnosis


def to_excel(
    d: Diagnosis, path: str | Path, *, lang: str | None = None, people: str = "show"
) -> Path:
    """Write the report workbook of a diagnosis to ``path`` (.xlsx) and return the path.

    Eight sheets named in the report language (Synthèse, Acteurs, Relations, Groupes, Qui
    mobiliser, Complémentarités, Fragilités, Définitions); the Synthèse ends with the
    provenance, readable and as JSON. The diagnosis is not modified.

    Parameters
    ----------
    d : Diagnosis
        What :func:`~territoire_graphe.diagnose` returned.
    path : str or path-like
        The ``.xlsx`` file to write (replaced if it exists, never half-written).
    lang : str, optional
        ``"fr"`` or ``"en"``: sheet names, headers, labels and definitions (default: the
        diagnosis' own language; findings keep the language they were written in).
    people : {"show", "pseudonymise", "hide"}, default "show"
        ``"pseudonymise"``: each person's name becomes "Personne 1"...; ``"hide"``: no
        person's name anywhere in the file, as for the map.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    ValueError
        If ``lang`` or ``people`` is not a known value.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> from openpyxl import load_workbook
    >>> d = tg.diagnose(tg.read(tg.sample_path("colombelles_tzcld.xlsx")))
    >>> path = tg.to_excel(d, pathlib.Path(tempfile.mkdtemp()) / "rapport.xlsx", lang="en")
    >>> load_workbook(path).sheetnames[:3]
    ['Summary', 'Actors', 'Relations']
    """
    path = Path(path)
    code = resolve_lang(lang or d.lang)
    mode = normalise_people(people, code)
    book = Book(d, code)
    book.record = output_provenance("report", [d.territory], d.provenance, people=mode, lang=code)
    for build in SHEET_BUILDERS:
        build(book)
    definitions(book)
    if mode != "show":
        book.scrub(PeopleView(d.territory, mode, code).scrub)
    write_bytes(path, book.to_bytes())  # atomic: never half a file
    return path
