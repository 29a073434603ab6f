"""Kumu's import layout: a workbook with ``Elements`` and ``Connections`` (FORMAT.md section 2).

What Kumu finds (Import > spreadsheet):

- ``Elements``: ``Label`` (the name), ``Type``, ``ID`` (the actor's id, which Kumu
  uses to tell elements apart when labels repeat), then the actor columns
  (``municipality``, ``functions`` with Kumu's ``|`` between values...), the
  extra columns under their own names, and the diagnosis' metrics when given.
- ``Connections``: ``From`` and ``To`` (element ids), ``Type``, ``Direction``
  (``directed`` / ``undirected``), ``Strength`` (the intensity), ``Description``
  (the comment), dates, quantity and unit, extra columns.
- the territory's other sheets (``collectifs``, ``adhesions``, ``personnes``,
  ``ressources``, ``besoins``, ``types``), which Kumu ignores, so that
  :func:`territoire_graphe.read` reads the file back as the same territory.

Text that a spreadsheet could take for a formula is written as text (quote
prefix); the workbook is byte for byte the same for the same territory.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from ..messages import resolve_lang
from ..model import Territory
from .export_people import scrubber
from .schema import SHEETS_BY_NAME

_ACTOR_FIELDS = (
    "municipality",
    "area",
    "sector",
    "functions",
    "role",
    "influence",
    "interest",
    "latitude",
    "longitude",
)
_RELATION_FIELDS = ("start", "end", "quantity", "unit")


def to_kumu(
    t: Territory,
    path: str | Path,
    *,
    diagnosis: Any = None,
    people: str = "show",
    lang: str | None = None,
) -> Path:
    """Write the territory in Kumu's import layout (Elements, Connections), read back whole.

    Parameters
    ----------
    t : Territory
        The territory to write (never modified).
    path : str or path-like
        The ``.xlsx`` workbook to write (replaced if it exists).
    diagnosis : Diagnosis, optional
        Adds every column of ``diagnosis.actors`` the actors table lacks (degree,
        betweenness, community...) to the actor nodes; its provenance is written too.
    people : {"show", "pseudonymise", "hide"}, default "show"
        ``"pseudonymise"`` names people "Personne 1"...; ``"hide"`` leaves them out (their
        ties become their organisation's), and no person's name is anywhere in the file.
    lang : str, optional
        Language of the error messages (default: ``$TERRITOIRE_GRAPHE_LANG``, else French).

    Returns
    -------
    Path
        The path written; its ``provenance`` sheet holds the provenance (not read back as data).

    Raises
    ------
    ValueError
        If ``people`` is not one of the three modes (the message lists them).
    OSError
        If the file cannot be written (the folder does not exist, no permission).

    Examples
    --------
    >>> import tempfile, territoire_graphe as tg
    >>> from territoire_graphe.data import sample_path
    >>> t = tg.read(sample_path("colombelles_tzcld.xlsx"))
    >>> back = tg.read(to_kumu(t, Path(tempfile.mkdtemp()) / "kumu.xlsx"))
    >>> (len(back.actors), len(back.relations)) == (len(t.actors), len(t.relations))
    True
    """
    import openpyxl

    from ..render.people import normalise_people
    from ..render.safe_cells import write_value
    from ..stable_xlsx import stable_zip
    from .export_graph import _metrics, export_provenance, type_rows

    code = resolve_lang(lang)
    mode = normalise_people(people, code)
    scrub = scrubber(t, mode, code)
    columns = t.graph.graph.get("columns", {})
    metrics, metric_columns = _metrics(diagnosis, list(t.actors.columns))
    sheets: list[tuple[str, list[str], list[list[Any]]]] = [
        _elements(t, columns.get("actor", []), metrics, metric_columns),
        _connections(t, columns.get("relation", []), mode),
    ]
    for kind, frame, fields in _other_sheets(t, mode, code):
        if len(frame):
            spec = SHEETS_BY_NAME[kind]
            extra = [c for c in columns.get(_COLUMN_KINDS[kind], []) if c in frame.columns]
            header = [spec.column(f).fr for f in fields] + extra
            sheets.append((spec.fr, header, _rows(frame, [*fields, *extra])))
    types = type_rows(t)
    if types:
        header = ["type", "kind", "family", "directed", "color", "label"]
        sheets.append(
            (
                "types",
                ["type", "categorie", "famille", "oriente", "couleur", "libelle"],
                [
                    [
                        _KIND_WORDS.get(str(r.get(h)), r.get(h)) if h == "kind" else r.get(h)
                        for h in header
                    ]
                    for r in types
                ],
            )
        )
    provenance = export_provenance("kumu", t, diagnosis, people=mode, lang=code)
    sheets.append(("provenance", ["provenance"], [[provenance.to_json()]]))
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, header, rows in sheets:
        sheet = book.create_sheet(name)
        for column, value in enumerate(header, start=1):
            write_value(sheet.cell(row=1, column=column), value)
        for number, row in enumerate(rows, start=2):
            for column, value in enumerate(row, start=1):
                write_value(sheet.cell(row=number, column=column), _kumu_cell(value, scrub))
    buffer = io.BytesIO()
    book.save(buffer)
    path = Path(path)
    path.write_bytes(stable_zip(buffer.getvalue()))
    return path


_COLUMN_KINDS = {
    "collectives": "collective",
    "memberships": "membership",
    "people": "person",
    "resources": "resources",
    "needs": "needs",
}
_KIND_WORDS = {
    "actor": "acteur",
    "relation": "relation",
    "collective": "collectif",
    "function": "fonction",
}


def _elements(
    t: Territory, extra: list[str], metrics: pd.DataFrame | None, metric_columns: list[str]
) -> tuple[str, list[str], list[list[Any]]]:
    header = ["Label", "Type", "ID", *_ACTOR_FIELDS, *extra, *metric_columns]
    rows = []
    for actor, row in zip(t.actors.index, t.actors.to_dict("records"), strict=True):
        values = [row.get("name"), row.get("type"), actor]
        values += [
            "|".join(row.get("functions") or []) if f == "functions" else row.get(f)
            for f in _ACTOR_FIELDS
        ]
        values += [row.get(c) for c in extra]
        values += [
            metrics.at[actor, c] if metrics is not None and actor in metrics.index else None
            for c in metric_columns
        ]
        rows.append(values)
    return "Elements", header, rows


def _connections(
    t: Territory, extra: list[str], mode: str
) -> tuple[str, list[str], list[list[Any]]]:
    header = [
        "From",
        "To",
        "Type",
        "Direction",
        "Strength",
        "Description",
        *_RELATION_FIELDS,
        *extra,
    ]
    rows = []
    for row in t.relations.to_dict("records"):
        source, target = row["source"], row["target"]
        if mode != "hide":
            source = _present(row.get("source_person")) or source
            target = _present(row.get("target_person")) or target
        rows.append(
            [
                source,
                target,
                row.get("type"),
                "directed" if row.get("directed") else "undirected",
                row.get("weight"),
                row.get("comment"),
                *(row.get(f) for f in _RELATION_FIELDS),
                *(row.get(c) for c in extra),
            ]
        )
    return "Connections", header, rows


def _other_sheets(
    t: Territory, mode: str, code: str
) -> Iterable[tuple[str, pd.DataFrame, tuple[str, ...]]]:
    def by_person(frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.copy()
        if mode != "hide":
            frame["actor"] = frame["person"].where(frame["person"].notna(), frame["actor"])
        return frame

    yield "collectives", t.collectives.reset_index(), ("id", "name", "type")
    yield "memberships", by_person(t.memberships), ("actor", "collective", "role", "start", "end")
    if mode != "hide":
        people = t.people.reset_index()
        if mode == "pseudonymise":
            from ..messages import text

            people["name"] = [
                text("map.person_pseudonym", code, n=i) for i in range(1, len(people) + 1)
            ]
        yield "people", people, ("id", "name", "actor", "position")
    yield "resources", by_person(t.resources), ("actor", "resource", "category")
    yield "needs", by_person(t.needs), ("actor", "need", "category")


def _rows(frame: pd.DataFrame, fields: list[str]) -> list[list[Any]]:
    return [[row.get(f) for f in fields] for row in frame.to_dict("records")]


def _present(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _kumu_cell(value: Any, scrub: Callable[[Any], Any]) -> Any:
    """A value as a cell: missing values empty, lists with Kumu's ``|``, names scrubbed."""
    if isinstance(value, list | tuple):
        value = "|".join(str(v) for v in value if v is not None)
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return scrub(value)
