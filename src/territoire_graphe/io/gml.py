"""GML files (Gephi's samples, igraph, Cytoscape, yEd, Pajek exports), read tolerantly.

GML is a list of ``key value`` pairs where a value is a number, a quoted string
or a bracketed list of pairs: ``graph [ directed 1 node [ id 1 label "A" ] edge
[ source 1 target 2 ] ]``. Each node's ``id`` is its id and its ``label`` its name;
``graphics`` gives ``x``, ``y`` and ``fill`` (colour), kept for the map; every
other key is an attribute. Each edge's direction is its own ``directed`` key if it
has one, else the graph's (undirected when the graph does not say). HTML entities
in strings (``&amp;``) are decoded; comments (``#`` lines) are skipped.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "t.gml").write_text('graph [ directed 1 node [ id 1 label "A" ] '
...                                   'node [ id 2 ] edge [ source 1 target 2 value 3 ] ]')
>>> raw = read_gml(folder / "t.gml", display="t.gml")
>>> raw.sheets[0].rows, raw.sheets[1].rows
([['1', 'A', 'autre'], ['2', '2', 'autre']], [['1', '2', 3, True, 'interconnaissance']])
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from .graphs import Edge, GraphContent, Node, graph_to_raw
from .graphtools import Notes, complete, file_bytes
from .limits import Limits, limits_or_default
from .positions import y_down_to_up
from .problems import fatal
from .sheets import RawWorkbook
from .values import as_text

MAX_DEPTH = 100
_TOKEN = re.compile(r'\s*(?:(#[^\n]*)|(\[)|(\])|"([^"]*)"|([^\s\[\]"]+))', re.S)
Pairs = list[tuple[str, Any]]


class _Refused(ValueError):
    def __init__(self, code: str, line: int):
        super().__init__(code)
        self.code, self.line = code, line


def read_gml(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> RawWorkbook:
    """Read a GML file into raw sheets (bounded by ``limits``: file size, nesting)."""
    limits = limits_or_default(limits)
    content = file_bytes(path, display=display, lang=lang, limits=limits)
    text = content.decode("utf-8-sig", errors="replace")
    try:
        pairs = _parse(text, max_depth=limits.depth)
    except _Refused as refused:
        raise fatal(
            refused.code, display, lang=lang, line=refused.line, limit=limits.depth
        ) from None
    graph = next((v for k, v in pairs if k.lower() == "graph" and isinstance(v, list)), None)
    if graph is None:
        raise fatal("graph_missing", display, lang=lang, format="GML")
    default = _flag(_first(graph, "directed"))
    creator = str(_first(pairs, "creator") or "").lower()
    y_down = "yfiles" in creator or "yed" in creator.split()  # yEd: y down (io/positions.py)
    nodes: list[Node] = []
    edges: list[Edge] = []
    for key_name, value in graph:
        if not isinstance(value, list):
            continue
        if key_name.lower() == "node":
            attrs = _attributes(value, ("id",))
            node_id = as_text(_first(value, "id"))
            if node_id is None:
                raise fatal(
                    "gml_item",
                    display,
                    lang=lang,
                    element="node",
                    number=len(nodes) + 1,
                    needed="id",
                )
            nodes.append((node_id, y_down_to_up(attrs) if y_down else attrs, len(nodes) + 1))
        elif key_name.lower() == "edge":
            source, target = as_text(_first(value, "source")), as_text(_first(value, "target"))
            if source is None or target is None:
                raise fatal(
                    "gml_item",
                    display,
                    lang=lang,
                    element="edge",
                    number=len(edges) + 1,
                    needed="source, target",
                )
            said = _flag(_first(value, "directed"))
            attrs = _attributes(value, ("source", "target", "id", "directed"))
            edges.append(
                (source, target, attrs, len(edges) + 1, said if said is not None else bool(default))
            )
    notes = Notes()
    raw = graph_to_raw(complete(GraphContent(display, "GML", nodes, edges, {}), notes))
    return raw


def _parse(text: str, *, max_depth: int = MAX_DEPTH) -> Pairs:
    """The pairs of a GML text (nested lists for brackets)."""
    stack: list[Pairs] = [[]]
    names: list[str] = []
    pending: str | None = None
    line = 1
    position = 0
    while True:
        found = _TOKEN.match(text, position)
        if found is None or found.end() == position:
            break
        line += text.count("\n", position, found.end())
        position = found.end()
        comment, opening, closing, quoted, word = found.groups()
        if comment is not None:
            continue
        if closing:
            if pending is not None or not names:
                raise _Refused("gml_syntax", line)
            inner = stack.pop()
            stack[-1].append((names.pop(), inner))
        elif pending is None:
            if opening or quoted is not None:
                raise _Refused("gml_syntax", line)
            pending = word
        elif opening:
            if len(names) >= max_depth:
                raise _Refused("gml_too_deep", line)
            names.append(pending)
            stack.append([])
            pending = None
        else:
            stack[-1].append(
                (pending, html.unescape(quoted) if quoted is not None else _number(word))
            )
            pending = None
    if text[position:].strip():
        raise _Refused("gml_syntax", line)
    if pending is not None or names:
        raise _Refused("gml_truncated", line)
    return stack[0]


def _number(word: str) -> Any:
    try:
        return int(word)
    except ValueError:
        try:
            return float(word)
        except ValueError:
            return word


def _first(pairs: Pairs, name: str) -> Any:
    return next((v for k, v in pairs if k.lower() == name), None)


def _flag(value: Any) -> bool | None:
    if value is None:
        return None
    return str(value).strip().lower() in ("1", "true", "yes")


def _attributes(pairs: Pairs, skip: tuple[str, ...]) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for key_name, value in pairs:
        if key_name.lower() in skip:
            continue
        if key_name.lower() == "graphics" and isinstance(value, list):
            for axis in ("x", "y"):
                if isinstance(_first(value, axis), int | float):
                    attrs[axis] = _first(value, axis)
            fill = _first(value, "fill")
            if isinstance(fill, str):
                attrs["color"] = fill
            continue
        if isinstance(value, list):
            value = "; ".join(f"{k} {v}" for k, v in value if not isinstance(v, list))
        attrs.setdefault(key_name, value)
    return attrs
