"""Exports to other tools: GEXF and GraphML (Gephi, yEd, Cytoscape, networkx), node-link JSON, CSV.

Every export holds the whole territory, and :func:`territoire_graphe.read` reads
it back as the same territory (actors, relations, collectives, memberships,
people, resources, needs, extra columns, the territory's own types):

- **Graph formats** (:func:`to_gexf`, :func:`to_graphml`, :func:`to_json`): actors,
  collectives and people are nodes with ``kind`` = ``actor`` / ``collective`` /
  ``person`` and their columns as attributes (English names, extra columns under
  their own header); relations are edges with ``kind="relation"`` (``type``,
  ``family``, ``weight``, ``directed``, dates...; a relation between people joins
  their organisations and names the people in ``source_person`` /
  ``target_person``); memberships are edges actor -> collective
  (``kind="membership"``); each person is joined to its organisation
  (``kind="affiliation"``). In GEXF, node labels are the names and edge labels the
  relation types; GraphML repeats them in a ``label`` attribute, which Gephi and
  yEd show. An actor's resources and needs are JSON lists in its
  ``resources`` / ``needs`` attributes. With ``diagnosis``, every column of
  ``diagnosis.actors`` that the actors table does not already have (degree,
  betweenness, community...) is added to the actor nodes.
- GEXF and GraphML cannot hold lists, missing values or dates: lists are joined
  with ``;`` (``fonctions``), dates written as ISO text (``2024-03-15``), missing
  values left out. An attribute holding both numbers and text is written as text
  throughout. Characters XML cannot hold (control characters) become spaces.
  The workbook's provenance columns (``sheet``, ``row``) are not exported.
- **JSON** is networkx's node-link format (``networkx.node_link_graph(data,
  edges="edges")`` reads it), deterministic: sorted keys, nodes in table order
  (actors, collectives, people), edges in relation order.
- **CSV** (:func:`to_csv`): one file per sheet of the workbook layout of FORMAT.md
  with the French headers, UTF-8 with BOM and ``;`` so French Excel opens it,
  decimal commas, ``oui`` / ``non``, ISO dates. Relations go to ``relations.csv``,
  ``flux.csv`` or ``interdependances.csv`` by family. Every standard file is
  written, empty ones with their header only, so an export over an older one
  leaves nothing stale behind. Cells and headers that a spreadsheet would run
  (text starting with ``=``, ``+``, ``-``, ``@``, a tab or a line break, other than a
  plain number such as ``-2,5``) are written with a leading apostrophe (``'=SUM(A1)``),
  as OWASP advises; a value that already started with apostrophes before such a
  character gets one more. :func:`territoire_graphe.read` takes that apostrophe
  off, so the export reads back cell for cell; another program recovers the
  original by removing the first ``'`` of a cell whose next character (after any
  further apostrophes) is one of those. Every cell is text once read back, as with
  any CSV folder. Extra sheets get file names that are valid and distinct on every
  system (characters Windows forbids replaced, ``CON``, ``NUL``... suffixed with
  ``_``, names differing only by case or forbidden characters numbered ``(2)``).

Limits, by format: dates and numbers in extra columns come back as ISO text and
numbers (or text, from CSV); sheets the workbook had beyond the format's are
only in the CSV export; GEXF has no graph-level data, so a territory's own types are
described on the actors, collectives and relations of those types (``type_color``,
``type_label``, ``type_directed``, with each edge's ``family``): a declared type that
nothing uses is not carried; JSON is read by :func:`territoire_graphe.io.graphml.read_json`.
The territory is never modified.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from ..messages import resolve_lang, text
from ..model import (
    ACTOR_COLUMNS,
    COLLECTIVE_COLUMNS,
    MEMBERSHIP_COLUMNS,
    NEED_COLUMNS,
    PEOPLE_COLUMNS,
    RESOURCE_COLUMNS,
    Territory,
)
from ..render.safe_cells import csv_escape
from .export_gexf import to_gexf as to_gexf  # GEXF 1.3 lives in its own module
from .export_graph import _collect, _flat, _labelled, _metrics, _native, _present, export_provenance
from .export_graph import type_rows as type_rows  # read by collect.workbook
from .outputs import atomic_path, write_text
from .schema import SHEETS_BY_NAME

PathLike = str | os.PathLike[str]
#: The workbook sheet of each relation family, and the columns a relation is written with
#: (here and in :mod:`territoire_graphe.collect.workbook`, which writes a whole workbook).
FAMILY_SHEETS = {"lien": "relations", "flux": "flows", "interdependance": "dependencies"}
RELATION_FIELDS = tuple(column.field for column in SHEETS_BY_NAME["relations"].columns)
_KIND_WORDS = {
    "actor": "acteur",
    "relation": "relation",
    "collective": "collectif",
    "function": "fonction",
}


def to_graphml(
    t: Territory,
    path: PathLike,
    *,
    diagnosis: Any = None,
    people: str = "show",
    lang: str | None = None,
) -> Path:
    """Write the territory as GraphML (networkx, igraph, Gephi, yEd read it).

    Every table of the territory is there (:mod:`.export`); reading the file back with
    :func:`~territoire_graphe.read` gives the same territory.
    Parameters
    ----------
    t : Territory
        The territory to write (never modified).
    path : str or path-like
        The ``.graphml`` file to write (replaced if it exists, never half-written).
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
        The path written. The graph-level ``provenance`` data key holds the provenance (JSON).

    Raises
    ------
    ValueError
        If ``people`` is not one of the three modes (the message lists them).
    OSError
        If the file cannot be written (the folder does not exist, no permission).

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx, territoire_graphe as tg
    >>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    >>> path = tg.to_graphml(t, pathlib.Path(tempfile.mkdtemp()) / "t.graphml")
    >>> g = nx.read_graphml(path)
    >>> g.number_of_nodes() == len(t.actors) + len(t.collectives) + len(t.people)
    True
    """
    from .export_people import restrict_people
    from .graphml import write_graphml

    code = resolve_lang(lang)
    g = _collect(t, diagnosis)
    nodes, edges = restrict_people(g.nodes, g.edges, t, people, code)
    graph = {
        k: json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, list | dict) else v
        for k, v in g.graph.items()
    }
    graph["provenance"] = export_provenance(
        "graphml", t, diagnosis, people=people, lang=code
    ).to_json()
    path = Path(path)
    write_graphml(
        path,
        [(n, _flat(_labelled(a, "name"))) for n, a in nodes],
        [(u, v, k, _flat(_labelled(a, "type")), d) for u, v, k, a, d in edges],
        graph,
        directed=g.directed,
    )
    return path


def to_json(
    t: Territory,
    path: PathLike,
    *,
    diagnosis: Any = None,
    people: str = "show",
    lang: str | None = None,
) -> Path:
    """Write the territory as networkx node-link JSON (deterministic: sorted keys, stable order).

    ``networkx.node_link_graph(data, edges="edges")`` reads it, and so does
    :func:`~territoire_graphe.read`.
    Parameters
    ----------
    t : Territory
        The territory to write (never modified).
    path : str or path-like
        The ``.json`` file to write (replaced if it exists, never half-written).
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
        The path written; ``graph.provenance`` holds the provenance.

    Raises
    ------
    ValueError
        If ``people`` is not one of the three modes (the message lists them).
    OSError
        If the file cannot be written (the folder does not exist, no permission).

    Examples
    --------
    >>> import tempfile, pathlib, json, territoire_graphe as tg
    >>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    >>> data = json.loads(tg.to_json(t, pathlib.Path(tempfile.mkdtemp()) / "t.json").read_text())
    >>> data["graph"]["name"], len(data["nodes"]) > 40
    ('Colombelles TZCLD', True)
    """
    import networkx as nx

    from .export_people import restrict_people

    code = resolve_lang(lang)
    g = _collect(t, diagnosis)
    nodes, edges = restrict_people(g.nodes, g.edges, t, people, code)
    graph = nx.MultiDiGraph()
    graph.graph.update({k: v for k, v in g.graph.items() if v is not None})
    graph.graph["provenance"] = export_provenance(
        "json", t, diagnosis, people=people, lang=code
    ).to_dict()
    for node, attrs in nodes:
        graph.add_node(node, **_present(attrs))
    rank = {}
    for number, (u, v, edge_id, attrs, _) in enumerate(edges):
        graph.add_edge(u, v, key=edge_id, **_present(attrs))
        rank[edge_id] = number
    data = nx.node_link_data(graph, edges="edges")
    data["edges"].sort(key=lambda e: rank[e["key"]])
    path = Path(path)
    write_text(
        path,
        json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False) + "\n",
        encoding="utf-8",
    )
    return path


# -- CSV -------------------------------------------------------------------------------------
_FILE_NAME_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def to_csv(
    t: Territory,
    folder: PathLike,
    *,
    diagnosis: Any = None,
    people: str = "show",
    lang: str | None = None,
) -> Path:
    """Write the territory as a folder of CSV files, one per sheet, that ``tg.read`` reads back.

    Files: ``acteurs.csv``, ``relations.csv``, ``flux.csv``, ``interdependances.csv``,
    ``collectifs.csv``, ``adhesions.csv``, ``ressources.csv``, ``besoins.csv``,
    ``personnes.csv``, ``types.csv``, and the workbook's other sheets under their
    own name; UTF-8 with BOM, ``;`` and decimal commas, as French Excel opens them.
    With ``people`` other than ``"show"``, people's names are replaced in every text cell.
    Parameters
    ----------
    t : Territory
        The territory to write (never modified).
    folder : str or path-like
        The folder to write into (created if needed); its CSV files of the same names are replaced.
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
        The folder; ``provenance.json`` beside the CSV files holds the provenance.

    Raises
    ------
    ValueError
        If ``people`` is not one of the three modes (the message lists them).
    OSError
        If the file cannot be written (the folder does not exist, no permission).

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    >>> folder = tg.to_csv(t, pathlib.Path(tempfile.mkdtemp()) / "csv", people="hide")
    >>> sorted(p.name for p in folder.iterdir())[:3]
    ['acteurs.csv', 'adhesions.csv', 'besoins.csv']
    >>> len(tg.read(folder).people)
    0
    """
    from ..render.people import normalise_people
    from .export_people import scrubber

    code = resolve_lang(lang)
    mode = normalise_people(people, code)
    scrub = scrubber(t, mode, code)
    private = mode != "show" and len(t.people) > 0
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    columns = t.graph.graph.get("columns", {})

    def write(sheet: str, frame: pd.DataFrame, fields: Iterable[str], extra: Iterable[str]) -> None:
        if private:
            frame = frame.map(lambda v: scrub(v) if isinstance(v, str) else v)
        _write_sheet(folder, sheet, frame, fields, extra)

    def by_person(frame: pd.DataFrame, person: str, actor: str) -> pd.Series:
        """The person where one is named (but with people hidden), else the organisation."""
        if mode == "hide" and private:
            return frame[actor]
        return frame[person].where(frame[person].notna(), frame[actor])

    metrics, metric_columns = _metrics(diagnosis, list(t.actors.columns))
    actors = t.actors.reset_index()
    for column in metric_columns:
        values: list[Any] = [
            metrics.at[i, column] if metrics is not None and i in metrics.index else None
            for i in t.actors.index
        ]
        actors[column] = values
    write("actors", actors, ("id", *ACTOR_COLUMNS), [*columns.get("actor", []), *metric_columns])
    relations = t.relations.copy()
    relations["source"] = by_person(relations, "source_person", "source")
    relations["target"] = by_person(relations, "target_person", "target")
    for family, sheet in FAMILY_SHEETS.items():
        write(
            sheet,
            relations[relations["family"] == family],
            RELATION_FIELDS,
            columns.get("relation", []),
        )
    memberships = t.memberships.copy()
    memberships["actor"] = by_person(memberships, "person", "actor")
    write("memberships", memberships, MEMBERSHIP_COLUMNS[:5], columns.get("membership", []))
    for what, table, standard in (
        ("resources", t.resources, RESOURCE_COLUMNS),
        ("needs", t.needs, NEED_COLUMNS),
    ):
        table = table.copy()
        table["actor"] = by_person(table, "person", "actor")
        write(what, table, standard[:3], columns.get(what, []))
    write(
        "collectives",
        t.collectives.reset_index(),
        ("id", *COLLECTIVE_COLUMNS),
        columns.get("collective", []),
    )
    shown_people = t.people.reset_index()
    if private and mode == "hide":
        shown_people = shown_people.iloc[0:0]
    elif private:
        shown_people["name"] = [
            text("map.person_pseudonym", code, n=number)
            for number in range(1, len(shown_people) + 1)
        ]
    write("people", shown_people, ("id", *PEOPLE_COLUMNS), columns.get("person", []))
    provenance = export_provenance("csv", t, diagnosis, people=mode, lang=code)
    write_text(folder / "provenance.json", provenance.to_json(indent=1) + "\n", encoding="utf-8")
    types = pd.DataFrame(
        type_rows(t), columns=["type", "kind", "family", "directed", "color", "label"]
    )
    types["kind"] = types["kind"].map(_KIND_WORDS)
    _write_sheet(folder, "types", types, tuple(types.columns), [])
    taken = {f"{spec.fr}.csv".casefold() for spec in SHEETS_BY_NAME.values()}
    for name, frame in t.extra_sheets.items():
        file_name = _file_name(str(name), taken)
        taken.add(file_name.casefold())
        if private:
            frame = frame.map(lambda v: scrub(v) if isinstance(v, str) else v)
        _write_rows(
            folder / file_name, [str(c) for c in frame.columns], frame.itertuples(index=False)
        )
    return folder


_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


def _file_name(sheet: str, taken: set[str]) -> str:
    """A CSV file name for an extra sheet, valid on Windows and macOS, and not yet ``taken``.

    >>> _file_name("a:b", {"a_b.csv"}), _file_name("CON", set()), _file_name("Notes", {"notes.csv"})
    ('a_b (2).csv', 'CON_.csv', 'Notes (2).csv')
    """
    base = _FILE_NAME_UNSAFE.sub("_", sheet).strip(" .") or "feuille"
    stem, dot, rest = base.partition(".")
    if stem.casefold() in _WINDOWS_RESERVED:  # NUL, and NUL.txt too
        base = f"{stem}_{dot}{rest}"
    name, number = f"{base}.csv", 1
    while name.casefold() in taken:  # Windows and macOS do not tell case apart
        number += 1
        name = f"{base} ({number}).csv"
    return name


def _write_sheet(
    folder: Path, sheet: str, frame: pd.DataFrame, fields: Iterable[str], extra: Iterable[str]
) -> None:
    spec = SHEETS_BY_NAME[sheet]
    fields, extra = list(fields), list(extra)
    header = [spec.column(f).fr for f in fields] + extra
    rows = frame[fields + extra].itertuples(index=False) if len(frame) else ()
    _write_rows(folder / f"{spec.fr}.csv", header, rows)


def _write_rows(path: Path, header: list[str], rows: Iterable[Iterable[Any]]) -> None:
    """One CSV file, written atomically, every cell and header formula-safe."""
    with (
        atomic_path(path) as temporary,
        temporary.open("w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow([csv_escape(h) for h in header])
        for row in rows:
            writer.writerow([csv_escape(csv_cell(v)) for v in row])


def csv_cell(value: Any) -> str:
    """A value as French Excel reads it: ``2,5``, ``oui``/``non``, ISO dates, lists with ``;``.

    >>> csv_cell(2.5), csv_cell(3.0), csv_cell(True), csv_cell(None), csv_cell(["a", "b"])
    ('2,5', '3', 'oui', '', 'a; b')
    >>> csv_cell(pd.Timestamp("2021-03-15")), csv_cell("=1+1")
    ('2021-03-15', '=1+1')
    """
    value = _native(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float):
        return (
            str(int(value))
            if value.is_integer() and abs(value) < 1e16
            else repr(value).replace(".", ",")
        )
    if isinstance(value, list):
        return "; ".join(csv_cell(v) for v in value if v is not None)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
