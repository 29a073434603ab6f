"""The answers of a select question, read against the form's choice list.

KoboToolbox (formpack) writes a select_multiple as one "summary" column whose choices are
joined by single spaces -- choice names in an "XML values" export, labels in a "labels"
export -- and, unless told otherwise, one column per choice headed
``question/choice`` holding ``1`` or ``0`` (empty when the question was not answered).
Labels contain spaces ("Ville de Creil Mairie de Nogent"), so a summary cell is cut against
the known choices (names and labels, longest first); what matches none is kept apart, to
be reported.

>>> c = Choices([("V", "Ville de Creil"), ("N", "Mairie de Nogent"), ("C", "Creil")])
>>> c.split("Ville de Creil Mairie de Nogent")
(['V', 'N'], [])
>>> c.split("V N")
(['V', 'N'], [])
>>> c.split("Creil Boulangerie Martin Mairie de Nogent")
(['C', 'N'], ['Boulangerie Martin'])
>>> c.name_of("ville de creil"), c.name_of("Mairie"), c.name_of("N")
('V', None, 'N')
"""

from __future__ import annotations

from collections.abc import Iterable

from ..text_keys import loose


class Choices:
    """A choice list: ``(name, label)`` pairs (several labels of one name are fine)."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.forms: dict[str, str] = {}  # loose(name or label) -> choice name
        self.names: list[str] = []
        for name, label in pairs:
            if name not in self.names:
                self.names.append(name)
            for form in (name, label):
                written = loose(form) if form else ""
                # a name always wins over another choice's label
                if written and (form == name or written not in self.forms):
                    self.forms[written] = name
        self.longest = max((len(f.split()) for f in self.forms), default=1)

    def name_of(self, written: object) -> str | None:
        """The choice a cell names (by its name or label, case and accents aside), or None."""
        return self.forms.get(loose(str(written))) if written is not None else None

    def split(self, written: str) -> tuple[list[str], list[str]]:
        """The choices a summary cell lists, in order, and the parts that match none.

        The cut found has the fewest unmatched words, then the fewest pieces (longest
        choices first)."""
        words = str(written).split()
        best = _segment(tuple(words), self)
        chosen: list[str] = []
        unknown: list[str] = []
        run: list[str] = []
        for start, end, name in best:
            if name is None:
                run.extend(words[start:end])
                continue
            if run:
                unknown.append(" ".join(run))
                run = []
            if name not in chosen:
                chosen.append(name)
        if run:
            unknown.append(" ".join(run))
        return chosen, unknown


def _segment(words: tuple[str, ...], choices: Choices) -> list[tuple[int, int, str | None]]:
    """Dynamic programme over word positions, from the end: (unmatched words, pieces) is
    minimised; on a tie the longer choice comes first."""
    n = len(words)
    cost: list[tuple[int, int]] = [(0, 0)] * (n + 1)
    step: list[tuple[int, str | None]] = [(n, None)] * (n + 1)
    for i in range(n - 1, -1, -1):
        unmatched, pieces = cost[i + 1]
        chosen: tuple[int, str | None] = (i + 1, None)
        best = (unmatched + 1, pieces + 1)
        for j in range(min(n, i + choices.longest), i, -1):
            name = choices.forms.get(loose(" ".join(words[i:j])))
            if name is not None:
                unmatched, pieces = cost[j]
                if (unmatched, pieces + 1) < best:
                    best, chosen = (unmatched, pieces + 1), (j, name)
        cost[i], step[i] = best, chosen
    out: list[tuple[int, int, str | None]] = []
    i = 0
    while i < n:
        j, name = step[i]
        out.append((i, j, name))
        i = j
    return out
