"""What the tolerant graph readers share: XML loading, lenient values, warnings, missing nodes.

- :func:`load_xml`: an XML file as an :class:`~.xmltree.Element` tree, or one clear
  ``InputError`` (malformed or truncated, entities, absurd nesting, wrong root).
- :func:`typed`: an attribute value read as its declared type, tolerantly
  (``"  true  "``, ``"null"``, ``"[1, 2]"``); a value that does not fit stays text.
- :class:`Notes`: the warnings a reader finds, said by the builder with the others.
- :func:`complete`: an edge naming a node the file does not declare adds that node,
  and one warning lists them all (FORMAT.md section 1).

>>> typed("  TRUE ", "boolean"), typed("null", "double"), typed("[1, 2]", "listinteger")
(True, None, [1, 2])
>>> typed("4.0", "integer"), typed("quatre", "integer")
(4, 'quatre')
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .graphs import GraphContent
from .limits import Limits, limits_or_default
from .problems import fatal
from .xmltree import Element, XmlRefused, parse_bytes

_TRUE = {"true", "1", "yes", "oui", "t", "y"}
_FALSE = {"false", "0", "no", "non", "f", "n"}
_NULL = {"null", "none", "nan", ""}
_INTEGERS = {"integer", "int", "long", "short", "byte", "bigint"}
_FLOATS = {"float", "double", "bigdecimal", "number"}
LISTED = 12  # names shown in a warning that lists nodes


def file_bytes(
    path: Path, *, display: str, lang: str | None, limits: Limits | None = None
) -> bytes:
    """The content of a graph file: the one place every tolerant reader reads a file.

    A file larger than ``limits.file_bytes`` is refused (``file_too_large``) unread.
    """
    cap = limits_or_default(limits).file_bytes
    try:
        size = path.stat().st_size
        if size > cap:
            raise fatal("file_too_large", display, lang=lang, size=size, limit=cap)
        return path.read_bytes()
    except OSError as error:
        raise fatal(
            "file_unreadable", display, lang=lang, detail=error.strerror or type(error).__name__
        ) from None


def load_xml(
    path: Path,
    *,
    display: str,
    lang: str | None,
    fmt: str,
    root_name: str,
    limits: Limits | None = None,
) -> Element:
    """The root element of an XML graph file, or a clear InputError.

    Bounded by ``limits``: the file's size, its longest token and its nesting.
    """
    from .guards import check_xml_tokens

    limits = limits_or_default(limits)
    data = file_bytes(path, display=display, lang=lang, limits=limits)
    # one huge token: quadratic in expat
    check_xml_tokens(path, display=display, lang=lang, limits=limits)
    try:
        root = parse_bytes(data, max_depth=limits.depth)
    except XmlRefused as refused:
        if refused.reason == "invalid":
            raise fatal(
                "xml_invalid",
                display,
                lang=lang,
                format=fmt,
                line=refused.line,
                col=refused.column,
                detail=_detail(refused.detail, lang),
            ) from None
        code = "xml_entities" if refused.reason == "entity" else "xml_too_deep"
        raise fatal(
            code, display, lang=lang, format=fmt, line=refused.line, limit=limits.depth
        ) from None
    if root.tag != root_name:
        raise fatal("xml_wrong_root", display, lang=lang, format=fmt, root=root.tag)
    return root


def _detail(detail: str, lang: str | None) -> str:
    from ..messages import text

    kind = "truncated" if "no element found" in detail or "unclosed" in detail else "syntax"
    return text(f"realfiles.xml.{kind}", lang)


def typed(value: str | None, xml_type: str | None) -> Any:
    """``value`` read as ``xml_type`` (GEXF and GraphML type names), tolerantly."""
    if value is None:
        return None
    kind = (xml_type or "string").strip().lower()
    if kind.startswith("list"):
        return _listed(value, kind[4:])
    written = value.strip()
    if kind in ("string", "anyuri", "date", "datetime", "char", "time"):
        return value
    if written.lower() in _NULL:
        return None
    if kind in ("boolean", "bool"):
        low = written.lower()
        return True if low in _TRUE else False if low in _FALSE else value
    try:
        number = float(written)
    except ValueError:
        return value
    if kind in _INTEGERS:
        return int(number) if math.isfinite(number) and number.is_integer() else value
    return number if kind in _FLOATS else value


def _listed(value: str, item_type: str) -> list[Any] | None:
    """A GEXF list: ``[a, b]`` (1.3) or ``a|b`` (1.2draft)."""
    written = value.strip()
    if written.lower() in _NULL:
        return None
    if written.startswith("[") and written.endswith("]"):
        written = written[1:-1]
        parts = written.split(",")
    else:
        parts = written.split("|")
    items = [p.strip().strip('"').strip("'") for p in parts]
    return [typed(i, item_type or "string") for i in items if i]


class Notes:
    """Warnings found while a file is read: (code, location and values), in order."""

    def __init__(self) -> None:
        self.items: list[tuple[str, dict[str, Any]]] = []
        self._seen: set[tuple[str, str]] = set()

    def add(self, code: str, **where: Any) -> None:
        self.items.append((code, where))

    def once(self, code: str, name: str, **where: Any) -> None:
        """A warning said once per ``name`` (an attribute, a key)."""
        if (code, name) not in self._seen:
            self._seen.add((code, name))
            self.add(code, **where)


def listing(names: Sequence[str], most: int = LISTED) -> str:
    """Names for a warning: the first ``most``, then how many others.

    >>> listing(["a", "b", "c"], most=2)
    'a, b (+1)'
    """
    shown = ", ".join(names[:most])
    return f"{shown} (+{len(names) - most})" if len(names) > most else shown


def complete(content: GraphContent, notes: Notes, *, sheet: str = "edges") -> GraphContent:
    """Add the nodes that edges name but the file does not declare, with one warning."""
    declared = {node_id for node_id, _, _ in content.nodes}
    missing: dict[str, int] = {}
    for source, target, _, position, _ in content.edges:
        for end in (source, target):
            if end not in declared and end not in missing:
                missing[end] = position
    if missing:
        start = max((p for _, _, p in content.nodes), default=0)
        if content.places is not None:  # JSON: numbers past every list, so no item's line
            start = max([start, *(p for *_, p, _ in content.edges)])
        content.nodes.extend((node_id, {}, start + i) for i, node_id in enumerate(missing, start=1))
        notes.add("nodes_undeclared", sheet=sheet, count=len(missing), names=listing(list(missing)))
    content.notes = notes.items  # said by the builder, located as the file is (io/parts.py)
    return content
