"""How people (persons, not organisations) appear on a shared map: shown, pseudonymised or hidden.

People's names appear in the card of their organisation and in the relations
between people. ``pseudonymise`` replaces each name with a stable pseudonym
("Personne 1", numbered in the order of ``Territory.people``); ``hide`` leaves
them out of the file entirely. In both modes, a person's name written in free text
(a finding, a comment, a resource) is replaced as well, whatever its spacing (two
spaces, a non-breaking space, a tab, a line break), its case and its accents:
"ANNE\u00a0 LEROY" and "Anne Léroy" are Anne Leroy.

>>> from territoire_graphe.model import Territory
>>> t = Territory.from_records(
...     actors=[{"id": "a", "name": "Mairie", "type": "commune"}],
...     people=[{"id": "p1", "name": "Anne Leroy", "actor": "a", "position": "maire"}])
>>> PeopleView(t, "pseudonymise", "fr").scrub("Voir Anne Leroy.")
'Voir Personne 1.'
>>> PeopleView(t, "pseudonymise", "fr").scrub("Voir ANNE\u00a0\tLÉROY, maire.")
'Voir Personne 1, maire.'
>>> PeopleView(t, "hide", "fr").by_actor()
{}
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from ..messages import text
from ..model import Territory

PEOPLE_MODES = ("show", "pseudonymise", "hide")
_ALIASES = {
    "show": "show",
    "montrer": "show",
    "afficher": "show",
    "pseudonymise": "pseudonymise",
    "pseudonymize": "pseudonymise",
    "pseudonymiser": "pseudonymise",
    "pseudonyms": "pseudonymise",
    "hide": "hide",
    "masquer": "hide",
    "cacher": "hide",
}


def normalise_people(mode: str, lang: str | None = None) -> str:
    """``show``, ``pseudonymise`` or ``hide`` (``pseudonymize`` and French verbs accepted)."""
    found = _ALIASES.get(str(mode).strip().lower())
    if found is None:
        raise ValueError(
            text("map.error.people", lang, value=mode, choices=", ".join(PEOPLE_MODES))
        )
    return found


class PeopleView:
    """The people of a territory as one sharing mode shows them."""

    def __init__(self, t: Territory, mode: str, lang: str):
        self.mode = normalise_people(mode, lang)
        self.lang = lang
        people = t.people
        self._rows = [
            (str(pid), _text(row.get("name")), _text(row.get("actor")), _text(row.get("position")))
            for pid, row in people.iterrows()
        ]
        self._shown: dict[str, str] = {}
        for number, (pid, name, _, _) in enumerate(self._rows, start=1):
            if self.mode == "show":
                self._shown[pid] = name
            elif self.mode == "pseudonymise":
                self._shown[pid] = text("map.person_pseudonym", lang, n=number)
        by_name = {
            folded: self._shown.get(pid, text("map.person_hidden", lang))
            for pid, name, _, _ in self._rows
            if len(folded := fold(name)[0].strip()) >= 2
        }
        self._replacement = by_name
        self._pattern = None
        if self.mode != "show" and by_name:
            names = sorted(by_name, key=lambda n: (-len(n), n))
            self._pattern = re.compile(
                r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)"
            )

    def name(self, person: Any) -> str | None:
        """The name to show for a person id (None when hidden or unknown)."""
        if person is None or (isinstance(person, float) and math.isnan(person)):
            return None
        return self._shown.get(str(person))

    def scrub(self, value: Any) -> str:
        """Free text with people's names replaced (show mode: unchanged)."""
        written = _text(value)
        if self._pattern is None or not written:
            return written
        folded, origin = fold(written)
        pieces, last = [], 0
        for found in self._pattern.finditer(folded):
            start, end = origin[found.start()], origin[found.end() - 1] + 1
            pieces += [written[last:start], self._replacement[found.group(0)]]
            last = end
        return "".join(pieces) + written[last:] if pieces else written

    def by_actor(self) -> dict[str, list[list[str]]]:
        """Organisation id -> [[name, position], ...] of its people (empty when hidden)."""
        if self.mode == "hide":
            return {}
        out: dict[str, list[list[str]]] = {}
        for pid, _, actor, position in self._rows:
            if actor:
                out.setdefault(actor, []).append([self._shown[pid], self.scrub(position)])
        return out


def fold(value: str) -> tuple[str, list[int]]:
    """``value`` in lower case without accents, each run of spacing one space, invisible
    characters dropped; and, for each character of that text, where it comes from in ``value``.

    >>> fold("Anne\u00a0 LÉROY")
    ('anne leroy', [0, 1, 2, 3, 4, 6, 7, 8, 9, 10])
    """
    out: list[str] = []
    origin: list[int] = []
    for position, char in enumerate(value):
        if char.isspace():
            if not out or out[-1] != " ":
                out.append(" ")
                origin.append(position)
            continue
        if unicodedata.category(char) in ("Mn", "Cf"):  # a combining accent, a soft hyphen...
            continue
        bare = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        ).casefold()
        for piece in bare:
            out.append(piece)
            origin.append(position)
    return "".join(out), origin


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()
