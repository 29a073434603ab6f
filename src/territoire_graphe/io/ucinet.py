"""UCINET DL files (UCINET, NetDraw, E-Net, statnet exports), read tolerantly.

A DL file starts with ``dl n=<actors>`` (or ``nr`` / ``nc``), ``format=`` one of
``fullmatrix`` (the default), ``edgelist1`` (``a b [weight]`` lines) or
``nodelist1`` (an actor then those it is tied to); the names come after
``labels:`` (separated by commas or spaces, quotes allowed) or are embedded in
the data (``labels embedded``); the ties come after ``data:``. A full matrix that
is symmetric gives undirected ties, another directed ones (row -> column); so do
edge lists and node lists (directed, as UCINET reads them). Several matrices
(``nm=``) are not read apart: the first is read, with a warning.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "t.dl").write_text("dl n=3\\nlabels:\\nMairie,Asso,CAF\\ndata:\\n"
...                                  "0 1 0\\n1 0 2\\n0 2 0\\n")
>>> raw = read_ucinet(folder / "t.dl", display="t.dl")
>>> [r[:2] for r in raw.sheets[1].rows]
[['Mairie', 'Asso'], ['Asso', 'CAF']]
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

from .csvfiles import decode
from .graphs import Edge, GraphContent, Node, graph_to_raw
from .graphtools import Notes, complete, file_bytes
from .limits import Limits
from .problems import fatal
from .sheets import RawWorkbook

_OPTION = re.compile(r"(\w+)\s*=\s*([\w.]+)")
_SECTION = re.compile(r"^\s*(labels|row labels|column labels|data)\s*:?\s*(.*)$", re.I)


def read_ucinet(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> RawWorkbook:
    """Read a UCINET DL file into raw sheets (no larger than ``limits.file_bytes``)."""
    text, _ = decode(file_bytes(path, display=display, lang=lang, limits=limits))
    head, _, _ = text.partition("\n")
    if not head.strip().lower().startswith("dl"):
        raise fatal("ucinet_header", display, lang=lang)
    options = {
        k.lower(): v.lower()
        for k, v in _OPTION.findall(text.split("data:", 1)[0] if "data:" in text.lower() else head)
    }
    embedded = "embedded" in text.lower().split("data:")[0]
    labels: list[str] = []
    data: list[list[str]] = []
    section = ""
    for line in text.splitlines()[1:]:
        found = _SECTION.match(line)
        if found and found.group(2).strip().lower().startswith("embedded"):
            continue  # "labels embedded": an option, not the list of labels
        if found:
            section = found.group(1).lower()
            line = found.group(2)
        if not line.strip() or _OPTION.fullmatch(line.strip()):
            continue
        if section in ("labels", "row labels"):
            labels += _words(line, commas=True)
        elif section == "data":
            data.append(_words(line))
    notes = Notes()
    if options.get("nm", "1") not in ("1", ""):
        notes.add("ucinet_matrices", count=options["nm"])
    kind = options.get("format", "fullmatrix")
    edges: list[Edge]
    if kind.startswith("edgelist"):
        edges = [
            (r[0], r[1], {"weight": _number(r[2])} if len(r) > 2 else {}, i, True)
            for i, r in enumerate(data, start=1)
            if len(r) >= 2
        ]
    elif kind.startswith("nodelist"):
        edges = [
            (r[0], target, {}, i, True) for i, r in enumerate(data, start=1) for target in r[1:]
        ]
    else:
        edges = _matrix(data, labels, embedded, int(options.get("n", "0") or 0))
    lists = kind.startswith(("edgelist", "nodelist"))
    names = labels or ([r[0] for r in data[1:]] if embedded and not lists else [])
    if not lists and not names:
        names = [str(i) for i in range(1, len(data) + 1)]
    nodes: list[Node] = [(name, {}, i) for i, name in enumerate(names, start=1)]
    if not nodes and not edges:
        raise fatal("graph_missing", display, lang=lang, format="UCINET DL")
    raw = graph_to_raw(complete(GraphContent(display, "UCINET", nodes, edges, {}), notes))
    return raw


def _matrix(data: list[list[str]], labels: list[str], embedded: bool, n: int) -> list[Edge]:
    if embedded and data:
        columns, rows = data[0], [r[1:] for r in data[1:]]
        names = [r[0] for r in data[1:]]
    else:
        values = [v for r in data for v in r]
        size = n or len(labels) or int(len(values) ** 0.5)
        rows = [values[i * size : (i + 1) * size] for i in range(size)]
        names = labels or [str(i) for i in range(1, size + 1)]
        columns = names
    cells: dict[tuple[int, int], Any] = {}
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            weight = _number(value)
            if weight and i != j and j < len(columns):
                cells[i, j] = weight
    symmetric = all(cells.get((j, i)) == w for (i, j), w in cells.items())
    return [
        (names[i], columns[j], {"weight": w}, number, not symmetric)
        for number, ((i, j), w) in enumerate(sorted(cells.items()), start=1)
        if not (symmetric and j < i)
    ]


def _words(line: str, *, commas: bool = False) -> list[str]:
    """The items of a line: separated by commas (names may hold spaces), else by spaces."""
    if "," in line:
        return [w.strip().strip('"').strip("'") for w in line.split(",") if w.strip()]
    try:
        return shlex.split(line)
    except ValueError:
        return line.split()


def _number(value: str) -> Any:
    try:
        number = float(value)
    except ValueError:
        return value
    return number
