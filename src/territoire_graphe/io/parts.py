"""Where a problem is in another tool's file, said as that file is: element and line, item.

A workbook's problems name a sheet, a row and a column. A GEXF or GraphML file has
elements and lines, a JSON file items of its lists and their lines (``nodes[3]``,
line 12: :mod:`.jsonplaces`), a GML or Pajek file lists of nodes and edges, a single
CSV file lines only. The readers of those files give their sheets a
:class:`Part` as name: it reads as the sheet's name (so the builder recognises
it), and it tells :class:`~territoire_graphe.io.problems.Problem` and the command
line how to say where a problem is.

>>> node = Part("nodes", "xml", element="node")
>>> node == "nodes", node.describe("fr", 12, "type")
(True, ['élément <node>', 'ligne 12', 'attribut « type »'])
>>> Part("edges", "list", element="edge").describe("en", 3, None)
['edges', 'number 3']
>>> Part("nodes", "json", element="nodes[2]").describe("fr", 14, "type", with_part=False)
['élément nodes[2]', 'ligne 14', 'attribut « type »']
>>> Part("lieux", "csv").describe("fr", 4, "nom")
['ligne 4', 'colonne « nom »']
>>> Part("acteurs", "sheet", element="Feuil1").describe("fr", 4, None)
['feuille « Feuil1 »', 'ligne 4']
"""

from __future__ import annotations

from ..messages import text


class Part(str):
    """A sheet name that knows what it stands for: ``xml`` element, ``json`` or ``list`` item, ``csv``."""

    kind: str
    element: str

    def __new__(cls, name: str, kind: str, *, element: str = "") -> Part:
        part = super().__new__(cls, name)
        part.kind, part.element = kind, element
        return part

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (str(self), self.kind, self.element))

    def heading(self, lang: str) -> str | None:
        """The heading under which the command line groups its problems (None: the file)."""
        if self.kind == "csv":
            return None
        if self.kind == "list":
            return text(f"realfiles.element.{self.element}", lang).capitalize()
        if self.kind == "json":  # the list, not one of its items
            return text("realfiles.where.json.heading", lang, element=self.element.split("[")[0])
        if self.kind == "sheet":
            return text("cli.check.sheet", lang, sheet=self.element)
        return text(f"realfiles.where.{self.kind}.heading", lang, element=self.element)

    def describe(
        self, lang: str, row: int | None, column: str | None, *, with_part: bool = True
    ) -> list[str]:
        """The words that say where: the element or list, the line or number, the attribute."""
        words = []
        if with_part and self.kind == "list":
            words.append(text(f"realfiles.element.{self.element}", lang))
        elif with_part and self.kind == "xml":
            words.append(text("realfiles.where.xml", lang, element=self.element))
        elif self.kind == "json" and self.element.endswith("]"):  # one item: always said
            words.append(text("realfiles.where.json", lang, element=self.element))
        elif with_part and self.kind == "json":  # the whole list
            words.append(text("realfiles.where.json.list", lang, element=self.element))
        elif with_part and self.kind == "sheet":  # a plain table: the sheet's own name
            words.append(text("problem.where.sheet", lang, sheet=self.element))
        if row is not None:
            words.append(text(f"realfiles.where.{self.kind}.row", lang, row=str(row)))
        if column:
            words.append(text(f"realfiles.where.{self.kind}.column", lang, column=column))
        return words


def _rebuild(name: str, kind: str, element: str) -> Part:
    return Part(name, kind, element=element)
