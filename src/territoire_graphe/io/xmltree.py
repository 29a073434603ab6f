"""A small, safe XML tree for the graph readers: local names, attributes, text and line numbers.

GEXF and GraphML files come in many namespaces (GEXF 1.0 ``gephi.org/gexf``,
1.1draft, 1.2draft, 1.3 with or without ``www.``; GraphML with yEd's and
yFiles' extensions): the readers look elements up by their *local* name and
keep the namespace aside. Every element remembers the line it starts on, so a
problem names the element and its line.

Parsing is expat's, with no entity declared in the file allowed (no XXE, no
"billion laughs") and the nesting bounded (:data:`MAX_DEPTH`).

>>> root = parse_bytes(b'<g xmlns="urn:x"><n id="a">\\n<d k="1">x</d></n></g>')
>>> root.tag, root.ns, [c.tag for c in root.children]
('g', 'urn:x', ['n'])
>>> node = root.children[0]
>>> node.get("id"), node.find("d").text, node.find("d").line
('a', 'x', 2)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.parsers import expat

MAX_DEPTH = 200  # GraphML nests graphs in groups; no real file comes near this


class XmlRefused(ValueError):
    """A file that is not read: malformed (``reason`` ``invalid``), entities, too deep."""

    def __init__(self, reason: str, line: int, column: int, detail: str = ""):
        super().__init__(f"{reason} {line}:{column} {detail}")
        self.reason, self.line, self.column, self.detail = reason, line, column, detail


@dataclass
class Element:
    """An XML element: local ``tag``, namespace ``ns``, local attribute names, line."""

    tag: str
    ns: str
    attrib: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    text: str = ""

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrib.get(name, default)

    def find(self, tag: str) -> Element | None:
        """The first child with local name ``tag``."""
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> list[Element]:
        return [c for c in self.children if c.tag == tag]

    def iter(self, tag: str | None = None) -> Iterator[Element]:
        """This element and every descendant (document order), optionally of one tag."""
        stack = [self]
        while stack:
            element = stack.pop()
            if tag is None or element.tag == tag:
                yield element
            stack.extend(reversed(element.children))

    def all_text(self) -> str:
        """The text of this element and its descendants (yEd labels hold spans)."""
        return self.text + "".join(c.all_text() for c in self.children)


def _split(name: str) -> tuple[str, str]:
    uri, _, local = name.rpartition("\x1f")
    return uri, local


def parse_bytes(data: bytes, *, max_depth: int = MAX_DEPTH) -> Element:
    """Parse XML text into :class:`Element` objects, or raise :class:`XmlRefused`.

    Elements nested more than ``max_depth`` deep are refused (reason ``deep``).
    """
    parser = expat.ParserCreate(namespace_separator="\x1f")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Element] = []
    root: list[Element] = []
    texts: list[list[str]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if len(stack) >= max_depth:
            raise XmlRefused("deep", parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        uri, local = _split(name)
        element = Element(
            local, uri, {_split(k)[1]: v for k, v in attrs.items()}, parser.CurrentLineNumber
        )
        if stack:
            stack[-1].children.append(element)
        else:
            root.append(element)
        stack.append(element)
        texts.append([])

    def end(name: str) -> None:
        element = stack.pop()
        element.text = "".join(texts.pop())

    def chars(data: str) -> None:
        if texts:
            texts[-1].append(data)

    def entity(*args: object) -> None:
        raise XmlRefused("entity", parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.ExternalEntityRefHandler = entity  # type: ignore[assignment]
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise XmlRefused(
            "invalid", error.lineno, error.offset + 1, expat.ErrorString(error.code)
        ) from error
    if not root:
        raise XmlRefused("invalid", 1, 1, "no element found")
    return root[0]
