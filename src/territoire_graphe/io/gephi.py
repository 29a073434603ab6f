"""Gephi's node and edge tables ("Data Laboratory" > Export table): a pair of CSV files.

The nodes file has ``Id``, ``Label`` and any attribute columns; the edges file
``Source``, ``Target``, ``Type``, ``Id``, ``Label``, ``Weight``... Both are read
like any CSV (encoding and separator detected, every cell text, rows numbered as
a spreadsheet numbers them) and laid out as the ``acteurs`` and ``relations``
sheets, so the builder applies the usual rules and messages.

Decisions:

- In Gephi, the edge ``Type`` is the *direction* (``Directed``, ``Undirected``,
  ``Mutual``), not the relation type: when every value of that column is such a
  word, it becomes ``oriente`` (mutual counts as undirected). Otherwise the column
  is a relation type, as in our own workbooks.
- The relation type is a ``relation`` / ``type de relation`` column when there is
  one, else the edge ``Label``, else ``interconnaissance`` (a Gephi edge says two
  nodes are linked, nothing more).
- The actor type is a ``type`` / ``category`` / ``categorie`` node column when
  there is one, else ``autre``; a node without a label is named by its id.
- Edge ids are Gephi's own numbering and are not kept; every other column is.
- A folder is a Gephi pair (:func:`is_gephi_folder`) when one CSV file has ``Id``
  and ``Label`` columns, another ``Source`` and ``Target``, and no other file is
  named like a sheet of the workbook layout. The sheets keep the files' names
  when these name the right sheet (``nodes``, ``edges``, ``acteurs``...), else
  they are called ``nodes`` and ``edges``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..messages import resolve_lang
from ..model import Territory
from ..text_keys import key, loose
from .build import build_territory
from .csvfiles import decode, read_csv_grid, sniff_separator
from .graphs import DEFAULT_ACTOR_TYPE, DEFAULT_RELATION_TYPE, Table
from .graphtools import listing
from .limits import Limits
from .problems import fatal
from .schema import RELATION_SHEETS, sheet_for
from .sheets import RawSheet, RawWorkbook, sheet_from_grid
from .values import Supplied, is_blank

_CSV_SUFFIXES = (".csv", ".tsv", ".txt")
_DIRECTIONS = {
    "directed": "oui",
    "dirige": "oui",
    "oriente": "oui",
    "undirected": "non",
    "non dirige": "non",
    "non oriente": "non",
    "mutual": "non",
    "mutuel": "non",
}


def _header_keys(path: Path) -> set[str]:
    """The keys of a CSV file's first line (only the start of the file is read)."""
    with path.open("rb") as handle:
        head = handle.read(65536)
    text, _ = decode(head)
    lines = [line for line in text.splitlines() if line.strip()]  # Gephi may start with one
    if not lines:
        return set()
    return {key(cell.strip().strip('"')) for cell in lines[0].split(sniff_separator(text))}


def _pair(folder: Path) -> tuple[Path, Path] | None:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _CSV_SUFFIXES)
    nodes = edges = None
    for path in files:
        keys = _header_keys(path)
        if edges is None and {"source", "target"} <= keys:
            edges = path
        elif nodes is None and {"id", "label"} <= keys and "source" not in keys:
            nodes = path
    if nodes is None or edges is None:
        return None
    if any(sheet_for(p.stem) is not None for p in files if p not in (nodes, edges)):
        return None  # a workbook's CSV folder that happens to look like Gephi's
    return nodes, edges


def is_gephi_folder(path: Path) -> bool:
    """Whether ``path`` is a folder holding a Gephi node table and edge table."""
    return Path(path).is_dir() and _pair(Path(path)) is not None


def read_gephi_folder(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> RawWorkbook:
    """The raw sheets of the Gephi pair in ``path``."""
    pair = _pair(Path(path))
    if pair is None:
        raise fatal("folder_no_csv", display, lang=lang)
    return _gephi_raw(*pair, display=display, lang=lang, limits=limits)


def read_gephi(
    nodes_csv: str | os.PathLike[str],
    edges_csv: str | os.PathLike[str],
    *,
    name: str | None = None,
    date: Any = None,
    lang: str | None = None,
    limits: Limits | None = None,
) -> Territory:
    r"""Read a territory from a Gephi node table and edge table (two CSV files).

    Problems name the files and the rows as a spreadsheet numbers them.

    Parameters
    ----------
    nodes_csv : str or path-like
        Gephi's node table (``Id``, ``Label`` and attribute columns).
    edges_csv : str or path-like
        Gephi's edge table (``Source``, ``Target``, ``Type``, ``Weight``...).
    name : str, optional
        The territory's name (default: the nodes file's name without "nodes",
        ``bray_nodes.csv`` -> ``bray``, else its folder's).
    date : date, str or int, optional
        Its date (default: a year in that name).
    lang : str, optional
        Language of the problems (default: ``$TERRITOIRE_GRAPHE_LANG``, else French).
    limits : Limits, optional
        Bounds on the files read (:class:`~territoire_graphe.Limits`), as for
        :func:`~territoire_graphe.read`.

    Returns
    -------
    Territory

    Raises
    ------
    InputError
        Listing every problem of both files.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "bray_nodes.csv").write_text("Id,Label\na,Mairie\nb,Asso\n")
    >>> _ = (folder / "bray_edges.csv").write_text("Source,Target,Type\na,b,Undirected\n")
    >>> t = tg.read_gephi(folder / "bray_nodes.csv", folder / "bray_edges.csv")
    >>> t.name, len(t.actors), len(t.relations)
    ('bray', 2, 1)
    """
    from .paths import _date_from_path, _name_from_path, _parse_date_argument

    lang = resolve_lang(lang)
    nodes_csv, edges_csv = Path(nodes_csv), Path(edges_csv)
    for path in (nodes_csv, edges_csv):
        if not path.is_file():
            raise fatal("file_not_found", path.name, lang=lang, path=str(path))
    display = f"{nodes_csv.name} + {edges_csv.name}"
    raw = _gephi_raw(nodes_csv, edges_csv, display=display, lang=lang, limits=limits)
    stem = nodes_csv.stem
    for word in ("nodes", "node", "noeuds", "noeud", "nœuds"):
        if loose(stem).endswith(word):
            stem = stem[: len(stem) - len(word)].rstrip(" _-.")
            break
    named = Path(stem) if stem else nodes_csv.resolve().parent
    parsed_date = (
        _parse_date_argument(date, display, lang) if date is not None else _date_from_path(named)
    )
    return build_territory(raw, name=name or _name_from_path(named), date=parsed_date, lang=lang)


def _gephi_raw(
    nodes_csv: Path,
    edges_csv: Path,
    *,
    display: str,
    lang: str | None = None,
    limits: Limits | None = None,
) -> RawWorkbook:
    nodes_name = _sheet_name(nodes_csv, ("actors",), "nodes")
    edges_name = _sheet_name(edges_csv, RELATION_SHEETS, "edges")
    nodes, repeated = _nodes(sheet_from_grid(nodes_name, _grid(nodes_csv, lang, limits)))
    edges = _edges(sheet_from_grid(edges_name, _grid(edges_csv, lang, limits)))
    notes: list[tuple[str, dict[str, Any]]] = [
        (
            "column_foreign_repeat",
            {
                "sheet": sheet.name,
                "row": sheet.header_row,
                "column": header,
                "header": header,
                "field": field_name,
            },
        )
        for sheet in (nodes, edges)
        for header, field_name in sheet.named.items()
    ]
    for sheet in (nodes, edges):
        sheet.named = {}
    if repeated:  # distinct ids, one label: told apart by their id (FORMAT.md section 1)
        notes.append(
            (
                "names_repeated",
                {"sheet": nodes.name, "count": len(repeated), "names": listing(repeated)},
            )
        )
    missing = _undeclared(nodes, edges)
    if missing:  # Gephi creates the nodes its edges name ("create missing nodes")
        header = [key(h) for h in nodes.header]
        start = max(nodes.row_numbers, default=nodes.header_row)
        for number, node_id in enumerate(missing, start=start + 1):
            row: list[Any] = [None] * len(nodes.header)
            for field_name, value in (
                ("id", node_id),
                ("label", node_id),
                ("type", Supplied(DEFAULT_ACTOR_TYPE)),
            ):
                if field_name in header:
                    row[header.index(field_name)] = value
            if "label" not in header and "name" in header:
                row[header.index("name")] = node_id
            nodes.rows.append(row)
            nodes.row_numbers.append(number)
        notes.append(
            (
                "nodes_undeclared",
                {"sheet": edges.name, "count": len(missing), "names": listing(missing)},
            )
        )
    return RawWorkbook(display, [nodes, edges], source_format="gephi", notes=notes)


def _grid(path: Path, lang: str | None, limits: Limits | None) -> list[list[str]]:
    """The cells of one of the two CSV files, bounded by ``limits``."""
    return read_csv_grid(path, display=path.name, lang=lang, limits=limits)


def _undeclared(nodes: RawSheet, edges: RawSheet) -> list[str]:
    """The ids or names the edges cite that no node has (in order of first citation)."""
    node_fields = {
        f: i
        for i, f in ((i, _field("actors", h)) for i, h in enumerate(nodes.header))
        if f in ("id", "name")
    }
    known = {
        loose(str(r[p]))
        for r in nodes.rows
        for p in node_fields.values()
        if p < len(r) and not is_blank(r[p])
    }
    if "id" not in node_fields:
        return []
    edge_fields = {
        f: i
        for i, f in ((i, _field("relations", h)) for i, h in enumerate(edges.header))
        if f in ("source", "target")
    }
    missing: dict[str, None] = {}
    for row in edges.rows:
        for position in edge_fields.values():
            value = row[position] if position < len(row) else None
            if not is_blank(value) and loose(str(value)) not in known:
                missing.setdefault(str(value).strip())
    return list(missing)


def _field(kind: str, header: str) -> str | None:
    from .schema import field_for

    return field_for(kind, header) if header else None


def _sheet_name(path: Path, kinds: tuple[str, ...], fallback: str) -> str:
    spec = sheet_for(path.stem)
    return path.stem if spec is not None and spec.name in kinds else fallback


def _nodes(sheet: RawSheet) -> tuple[RawSheet, list[str]]:
    """The node table as an actors sheet, and the labels several ids share."""
    table = Table(
        "actors", list(sheet.header), [list(r) for r in sheet.rows], list(sheet.row_numbers)
    )
    table.resolve_duplicates("Gephi")
    id_position = table.position("id")
    name_position = table.position("name")
    if name_position is None:
        name_position = table.add("name", [None] * len(table.rows))
    if id_position is not None:
        for row in table.rows:
            if is_blank(row[name_position]) and not all(is_blank(c) for c in row):
                row[name_position] = row[id_position]
    _settle(table, "type", DEFAULT_ACTOR_TYPE)
    repeated = table.disambiguate_names(set()) if id_position is not None else []
    return _sheet(sheet, table), repeated


def _edges(sheet: RawSheet) -> RawSheet:
    kind = "relations" if sheet_for(sheet.name) is None else sheet_for(sheet.name).name  # type: ignore[union-attr]
    table = Table(kind, list(sheet.header), [list(r) for r in sheet.rows], list(sheet.row_numbers))
    for position, header in enumerate(table.header):
        words = {loose(str(r[position])) for r in table.rows if not is_blank(r[position])}
        if key(header) == "type" and words and words <= set(_DIRECTIONS):
            table.header[position] = "directed"
            for row in table.rows:
                if not is_blank(row[position]):
                    row[position] = _DIRECTIONS[loose(str(row[position]))]
            break
    ids = [i for i, h in enumerate(table.header) if key(h) == "id"]
    for position in reversed(ids):
        table.drop(position)
    table.resolve_duplicates("Gephi")
    labels = [i for i, h in enumerate(table.header) if key(h) == "label"]
    type_position = table.position("type")
    if type_position is None and labels:
        table.header[labels[0]] = "type"
    elif type_position is not None and labels:
        for row in table.rows:
            if is_blank(row[type_position]):
                row[type_position] = row[labels[0]]
    _settle(table, "type", DEFAULT_RELATION_TYPE)
    return _sheet(sheet, table)


def _settle(table: Table, field: str, default: str) -> None:
    """Fill ``field`` with ``default`` in every non-blank row (adding the column if needed)."""
    position = table.position(field)
    if position is None:
        position = table.add(field, [None] * len(table.rows))
    for row in table.rows:
        if is_blank(row[position]) and not all(is_blank(c) for c in row):
            row[position] = Supplied(default)


def _sheet(original: RawSheet, table: Table) -> RawSheet:
    """The sheet as read; a column repeating a field is set aside (``named``: its field,
    said in a warning by :func:`_gephi_raw`)."""
    return RawSheet(
        original.name,
        table.header,
        table.rows,
        table.numbers,
        original.header_row,
        original.column_letters,
        foreign=set(table.foreign),
        named=dict(table.foreign),
    )
