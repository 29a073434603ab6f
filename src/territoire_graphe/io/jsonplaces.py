"""Where an item of a JSON graph file is: its path (``nodes[3]``) and the line it starts on.

Python's :mod:`json` keeps no positions. A problem in a JSON file names the item
(the n-th node or edge, as every reader numbers them from 1) and, found only when
a problem is said, the line where that item starts: one scan of the text over
its tokens (strings, brackets, commas, colons, bare values), which records where
each item of the wanted arrays starts. The scan is linear in the length of the
text and keeps a stack as deep as the text nests, which the readers have already
bounded (:func:`.guards.json_parsers`); the text is dropped once scanned.

>>> text = '{"nodes": [\\n {"key": "a"},\\n {"key": "b"}\\n], "edges": [{"source": "a"}]}'
>>> places = JsonPlaces(text, {"node": "nodes", "edge": "edges"})
>>> part = places.part("nodes", "node")
>>> item, line = part.place(2)
>>> str(item), item.element, line
('nodes', 'nodes[1]', 3)
>>> places.part("edges", "edge").place(1)[1]
4
>>> item_starts('[1, {"a": [2, 3]}]', {"", "a"})
{'': [1, 4], 'a': []}
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from typing import cast

from .parts import Part

# A JSON token: a string (escapes unrolled, linear), a bracket, a comma or colon, a bare value.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},:]|[^\s\[\]{},:"]+', re.S)


def item_starts(text: str, wanted: Collection[str]) -> dict[str, list[int]]:
    """For each wanted array (a path of object keys, ``""`` for the root, ``elements.nodes``),
    the offsets in ``text`` where its items start, in order. ``text`` is valid JSON."""
    found: dict[str, list[int]] = {path: [] for path in wanted}
    stack: list[tuple[str, str | None]] = []  # (opening bracket, path of that container)
    last_string = ""
    key = ""
    expect_item = False
    for token in _TOKEN.finditer(text):
        written = token.group()
        if expect_item and written != "]":
            found[str(stack[-1][1])].append(token.start())
        expect_item = False
        first = written[0]
        if first == '"':
            last_string = written
        elif first == ":":
            key = json.loads(last_string) if "\\" in last_string else last_string[1:-1]
        elif first in "[{":
            path: str | None
            if not stack:
                path = ""
            elif stack[-1][0] == "{" and stack[-1][1] is not None:
                path = f"{stack[-1][1]}.{key}" if stack[-1][1] else key
            else:
                path = None  # inside an array item: not followed
            stack.append((first, path))
            expect_item = first == "[" and path in found
        elif first in "]}":
            stack.pop()
        elif first == "," and stack and stack[-1][0] == "[" and stack[-1][1] in found:
            expect_item = True
    return found


class JsonPlaces:
    """The lines of the items of a JSON file's node and edge lists, found when first asked.

    ``lists`` maps each element (``node``, ``edge``) to the path of its list in the file.
    """

    def __init__(self, text: str, lists: dict[str, str]):
        self._text: str | None = text
        self.lists = dict(lists)
        self._lines: dict[str, list[int]] = {}

    def part(self, name: str, element: str) -> JsonPart:
        """The sheet ``name`` of the items of ``element``'s list."""
        part = JsonPart(name, self.lists.get(element, element))
        part.places = self
        return part

    def line(self, path: str, number: int) -> int | None:
        """The line where item ``number`` (from 1) of the list ``path`` starts."""
        if self._text is not None:
            self._lines = _lines(self._text, item_starts(self._text, set(self.lists.values())))
            self._text = None
        starts = self._lines.get(path, [])
        return starts[number - 1] if 0 < number <= len(starts) else None


class JsonPart(Part):
    """A sheet laid out from a JSON list: says ``nodes[3]`` and the line of each item."""

    places: JsonPlaces | None

    def __new__(cls, name: str, path: str) -> JsonPart:
        part = cast(JsonPart, super().__new__(cls, name, "json", element=path))
        part.places = None
        return part

    def place(self, number: int | None) -> tuple[Part, int | None]:
        """The part naming item ``number`` (``nodes[2]`` for the 3rd) and its line."""
        if number is None or self.places is None:
            return Part(str(self), "json", element=self.element), None
        line = self.places.line(self.element, number)
        if line is None:  # not an item of the file (a node an edge names, say)
            return Part(str(self), "json", element=self.element), None
        return Part(str(self), "json", element=f"{self.element}[{number - 1}]"), line


def _lines(text: str, starts: dict[str, list[int]]) -> dict[str, list[int]]:
    """Offsets turned into line numbers (from 1), counting line breaks once over the text."""
    offsets = sorted({o for found in starts.values() for o in found})
    line_of: dict[int, int] = {}
    line, previous = 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        previous = offset
        line_of[offset] = line
    return {path: [line_of[o] for o in found] for path, found in starts.items()}
