"""Guards shared by the JSON, GraphML and GEXF readers: bounded nesting, numbers and tokens.

``json.loads`` recurses once per level (a file nested 1,000 deep raises a raw
``RecursionError``) and Python refuses to turn more than 4,300 digits into an
integer (a raw ``ValueError``); expat takes quadratic time over one huge token (a
60 MB attribute took 71 s). These checks run first, in linear time, and turn each
case into a clear problem under the read's :class:`.Limits`.

>>> bounded_json('{"nodes": [{"id": 1}]}', display="t.json")
{'nodes': [{'id': 1}]}
>>> from territoire_graphe.io.problems import InputError
>>> try:
...     bounded_json("[" * 300 + "]" * 300, display="t.json")
... except InputError as error:
...     print(error.problems[0].code)
json_too_deep
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .limits import Limits, limits_or_default
from .parts import Part
from .problems import InputError, fatal

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")
_CHUNK = 1 << 20


def json_depth(text: str) -> int:
    """How deep the arrays and objects of a JSON text nest (strings left out).

    >>> json_depth('{"a": [1, {"b": "[[["}]}')
    3
    """
    depth = deepest = 0
    for found in _BRACKET.finditer(_STRING.sub('""', text)):
        if found.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


_OPENING_OR_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)
_BARE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[^\s\[\]{},:"]+', re.S)


def _deeper_than(text: str, limit: int) -> int | None:
    """Where the nesting of a JSON text first goes past ``limit`` levels (an offset)."""
    depth = 0
    for found in _OPENING_OR_STRING.finditer(text):
        bracket = found.group()
        if bracket in "[{":
            depth += 1
            if depth > limit:
                return found.start()
        elif bracket in "]}":
            depth -= 1
    return None


def _longer_than(text: str, digits: int) -> int | None:
    """Where the first bare value (a number) of more than ``digits`` characters starts."""
    for found in _BARE.finditer(text):
        if found.group()[0] != '"' and len(found.group()) > digits:
            return found.start()
    return None


def _line(text: str, offset: int | None) -> dict[str, Any]:
    """The place of ``offset`` in a problem: the line of a text file (``row``), if known.

    >>> _line("[\\n[1]]", 2)["row"]
    2
    """
    if offset is None:
        return {}
    return {"sheet": Part("", "csv"), "row": text.count("\n", 0, offset) + 1}


def json_parsers(
    text: str, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> dict[str, Any]:
    """Check the nesting of ``text`` and give ``json.loads`` number parsers bounded by ``limits``.

    Raises ``json_too_deep`` at once past ``limits.depth`` levels; the parsers raise
    ``json_number_too_long`` for a number of more than ``limits.number_digits`` digits.
    """
    limits = limits_or_default(limits)
    if json_depth(text) > limits.depth:
        line = _line(text, _deeper_than(text, limits.depth))
        raise fatal("json_too_deep", display, lang=lang, limit=limits.depth, **line)
    digits = limits.number_digits

    def number(kind: type) -> Any:
        def parse(written: str) -> Any:
            if len(written) > digits:
                line = _line(text, _longer_than(text, digits))
                raise fatal("json_number_too_long", display, lang=lang, limit=digits, **line)
            return kind(written)

        return parse

    return {"parse_int": number(int), "parse_float": number(float)}


def bounded_json(
    text: str, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> Any:
    """``json.loads(text)``, refused with a clear :class:`InputError` past ``limits``.

    ``json_too_deep`` past ``limits.depth`` levels, ``json_number_too_long`` for a
    number of more than ``limits.number_digits`` digits, ``json_invalid`` otherwise.
    """
    limits = limits_or_default(limits)
    parsers = json_parsers(text, display=display, lang=lang, limits=limits)
    try:
        return json.loads(text, **parsers)
    except InputError:
        raise
    except json.JSONDecodeError as error:
        raise fatal(
            "json_invalid", display, lang=lang, detail=f"{error.msg} ({error.lineno}:{error.colno})"
        ) from error
    except (RecursionError, ValueError) as error:  # what the checks above did not foresee
        raise fatal("json_invalid", display, lang=lang, detail=type(error).__name__) from error


def check_xml_tokens(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> None:
    """Refuse an XML file holding one token (text or attribute) past ``limits.cell_bytes``.

    Streams the file once, looking at the longest run between two ``<`` or ``>``.
    """
    limits = limits_or_default(limits)
    cap = limits.cell_bytes
    inside = re.compile(rb"[^<>]{%d}" % (cap + 1)) if cap < _CHUNK else None
    run = 0  # the run without markup that reaches the end of what was read so far
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            first = min((i for i in (chunk.find(b"<"), chunk.find(b">")) if i != -1), default=-1)
            if first == -1:  # no markup in the whole chunk: the token goes on
                run += len(chunk)
            else:
                too_long = run + first > cap or (inside is not None and inside.search(chunk))
                if too_long:
                    run = cap + 1
                    break
                run = len(chunk) - max(chunk.rfind(b"<"), chunk.rfind(b">")) - 1
            if run > cap:
                break
    if run > cap:
        raise fatal("cell_too_large", display, lang=lang, limit=cap)
