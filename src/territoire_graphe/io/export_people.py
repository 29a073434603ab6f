"""People in the exports to other tools: shown, pseudonymised or hidden (FORMAT.md section 2).

``people="show"`` writes everything. ``"pseudonymise"`` gives each person a stable
pseudonym ("Personne 1", in the order of ``Territory.people``) and replaces their
names in every text. ``"hide"`` leaves people out: their nodes and affiliations are
not written, relations between people stay between their organisations without
naming them, memberships and resources lose the person, and a name written in free
text is replaced. Names are found in text without regard to case, accents or spacing.

>>> from territoire_graphe.model import Territory
>>> t = Territory.from_records(
...     actors=[{"id": "a", "name": "Mairie", "type": "commune"}],
...     people=[{"id": "p1", "name": "Anne Leroy", "actor": "a"}])
>>> scrubber(t, "hide", "fr")("Voir  ANNE  Léroy demain")
'Voir  une personne demain'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from ..messages import text
from ..model import Territory
from ..text_keys import strip_accents

_PERSON_FIELDS = ("source_person", "target_person", "person")


def _pattern(name: str) -> str:
    """A regex matching ``name`` whatever its case, accents and spacing."""
    parts: list[str] = []
    for char in strip_accents(name.strip()):
        if char.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char.isalpha():
            parts.append(f"[{re.escape(char)}][\\u0300-\\u036f]?")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def scrubber(t: Territory, mode: str, lang: str) -> Callable[[Any], Any]:
    """A function that replaces people's names in a text (any other value unchanged)."""
    from ..render.people import normalise_people

    mode = normalise_people(mode, lang)
    names = {}
    for number, (_, row) in enumerate(t.people.iterrows(), start=1):
        name = str(row.get("name") or "").strip()
        if len(name) >= 2:
            names[name] = (
                text("map.person_pseudonym", lang, n=number)
                if mode == "pseudonymise"
                else text("map.person_hidden", lang)
            )
    if mode == "show" or not names:
        return lambda value: value
    ordered = sorted(names, key=lambda n: (-len(n), n))
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(f"({_pattern(n)})" for n in ordered) + r")(?!\w)", re.IGNORECASE
    )

    def scrub(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        folded = unicodedata.normalize("NFD", value)
        if not pattern.search(folded):
            return value
        found = pattern.sub(lambda m: names[ordered[(m.lastindex or 1) - 1]], folded)
        return unicodedata.normalize("NFC", found)

    return scrub


def restrict_people(
    nodes: list[tuple[str, dict[str, Any]]],
    edges: list[tuple[str, str, str, dict[str, Any], bool]],
    t: Territory,
    mode: str,
    lang: str,
) -> tuple[list[tuple[str, dict[str, Any]]], list[tuple[str, str, str, dict[str, Any], bool]]]:
    """The nodes and edges of an export as ``mode`` shows people (inputs left untouched)."""
    from ..render.people import normalise_people

    mode = normalise_people(mode, lang)
    if mode == "show" or not len(t.people):
        return nodes, edges
    scrub = scrubber(t, mode, lang)
    people = [str(p) for p in t.people.index]
    pseudonyms = {p: text("map.person_pseudonym", lang, n=i) for i, p in enumerate(people, start=1)}
    out_nodes = []
    for node_id, attrs in nodes:
        if attrs.get("kind") == "person":
            if mode == "hide":
                continue
            attrs = {**attrs, "name": pseudonyms[node_id]}
        # ids too: an id may be the person's name (ids default to names)
        out_nodes.append((scrub(node_id), _scrubbed(attrs, scrub, mode)))
    out_edges = []
    for source, target, edge_id, attrs, directed in edges:
        if mode == "hide" and attrs.get("kind") == "affiliation":
            continue
        out_edges.append(
            (scrub(source), scrub(target), scrub(edge_id), _scrubbed(attrs, scrub, mode), directed)
        )
    return out_nodes, out_edges


def _scrubbed(attrs: dict[str, Any], scrub: Callable[[Any], Any], mode: str) -> dict[str, Any]:
    out = {}
    for name, value in attrs.items():
        if mode == "hide" and name in _PERSON_FIELDS:
            value = None
        elif isinstance(value, list):
            value = [_scrubbed(v, scrub, mode) if isinstance(v, dict) else scrub(v) for v in value]
        elif isinstance(value, dict):
            value = _scrubbed(value, scrub, mode)
        else:
            value = scrub(value)
        out[name] = value
    return out
