"""Pajek ``.net`` files (Pajek, igraph, networkx, UCINET exports), read tolerantly.

``*Vertices n`` lists the vertices (number, quoted label, optional ``x y``
coordinates between 0 and 1 and drawing options, ``ic`` the colour); ``*Arcs``
are directed links, ``*Edges`` undirected ones (``source target [weight]``);
``*Arcslist`` / ``*Edgeslist`` give a vertex and all its neighbours on one line;
``*Matrix`` an adjacency matrix. ``%`` starts a comment; keywords are matched
without regard to case. The label is the actor's name, the coordinates kept as
``x`` / ``y`` for the map (upwards, as Pajek draws them).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "t.net").write_text('*Vertices 3\\n1 "Mairie" 0.1 0.9\\n2 "Asso"\\n3 "CAF"\\n'
...                                   '*Arcs\\n1 2 2\\n*Edges\\n2 3\\n')
>>> raw = read_pajek(folder / "t.net", display="t.net")
>>> raw.sheets[0].rows[0], raw.sheets[1].rows
(['1', 'Mairie', 0.1, 0.9, 'autre'], [['1', '2', 2.0, True, 'interconnaissance'], ['2', '3', None, False, 'interconnaissance']])
"""

from __future__ import annotations

import itertools
import shlex
from pathlib import Path
from typing import Any

from .csvfiles import decode
from .graphs import Edge, GraphContent, Node, graph_to_raw
from .graphtools import Notes, complete, file_bytes
from .limits import Limits
from .problems import fatal
from .sheets import RawWorkbook


def read_pajek(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> RawWorkbook:
    """Read a Pajek ``.net`` file into raw sheets (no larger than ``limits.file_bytes``)."""
    text, _ = decode(file_bytes(path, display=display, lang=lang, limits=limits))
    nodes: list[Node] = []
    edges: list[Edge] = []
    section = ""
    matrix_row = 0
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("%"):
            continue
        if stripped.startswith("*"):
            section = stripped.split()[0].lower()
            matrix_row = 0
            words = stripped.split()
            if section == "*vertices" and len(words) > 1 and words[1].isdigit():
                count = int(words[1])
            continue
        try:
            parts = shlex.split(stripped, posix=True)
        except ValueError:
            raise fatal("pajek_line", display, lang=lang, line=number) from None
        if section == "*vertices":
            nodes.append((parts[0], _vertex(parts[1:]), len(nodes) + 1))
        elif section in ("*arcs", "*edges"):
            if len(parts) < 2:
                raise fatal("pajek_line", display, lang=lang, line=number)
            attrs = {"weight": _number(parts[2])} if len(parts) > 2 else {}
            edges.append((parts[0], parts[1], attrs, len(edges) + 1, section == "*arcs"))
        elif section in ("*arcslist", "*edgeslist"):
            edges.extend(
                (parts[0], target, {}, len(edges) + i, section == "*arcslist")
                for i, target in enumerate(parts[1:], start=1)
            )
        elif section == "*matrix":
            matrix_row += 1
            for column, value in enumerate(parts, start=1):
                weight = _number(value)
                if weight:
                    edges.append(
                        (str(matrix_row), str(column), {"weight": weight}, len(edges) + 1, True)
                    )
        elif section in ("", "*network"):
            continue
        else:
            raise fatal("pajek_line", display, lang=lang, line=number)
    if not nodes and not edges:
        raise fatal("graph_missing", display, lang=lang, format="Pajek")
    declared = {n for n, _, _ in nodes}  # "*Vertices 34" alone declares vertices 1 to 34
    nodes += [(str(i), {}, len(nodes) + i) for i in range(1, count + 1) if str(i) not in declared]
    notes = Notes()
    raw = graph_to_raw(complete(GraphContent(display, "Pajek", nodes, edges, {}), notes))
    return raw


def _vertex(parts: list[str]) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    if parts:
        attrs["label"] = parts[0]
    numbers = []
    for part in parts[1:4]:
        value = _number(part)
        if not isinstance(value, float):
            break
        numbers.append(value)
    if len(numbers) >= 2:
        attrs["x"], attrs["y"] = numbers[0], numbers[1]
    rest = parts[1 + len(numbers) :]
    for flag, value in itertools.pairwise(rest):
        if flag == "ic":
            attrs["color"] = value
    return attrs


def _number(value: str) -> Any:
    try:
        return float(value)
    except ValueError:
        return value
