"""Matching resources with needs: by normalised category, then by text (no NLP package).

Texts: each text is normalised with
:func:`~territoire_graphe.text_keys.key` (case, accents, punctuation and a trailing
"s" ignored), "-aux" becomes "-al" (locaux -> local), and French/English stop words,
generic words ("besoin", "offre", "mise à disposition", "aide"...) and words of
fewer than 3 letters are dropped. Two words *agree* when they share their first 6
letters (formation ~ formateur, comptable ~ comptabilité) or differ by one typo
(one letter added, dropped, replaced, or two neighbours swapped, for words of 6
letters or more: comptabilite ~ comtabilite). A resource and a need match on text
when at least one word agrees and the agreeing words cover at least half
(:data:`TEXT_MIN_COVERAGE`) of the words of the shorter text. The typo rule is a
symmetric one-deletion neighbourhood (as in SymSpell): linear in the number of words,
no pairwise string comparison. Used by :mod:`.complementarity`.

>>> list(_words("Mise à disposition de locaux partagés"))
['local', 'partage']
>>> _similar(_text_tokens("Conseil en comptabilité"), _text_tokens("Comptable à temps partiel"))
True
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd

from ..model import Territory
from ..text_keys import key

TEXT_MIN_COVERAGE = 0.5
STEM_LENGTH = 6
TYPO_MIN_LENGTH = 6

_STOP_WORDS = """
le la les l un une des du de d au aux et ou en dans pour par sur sous avec sans a à ce ces
cet cette son sa ses leur leurs notre nos votre vos mon ma mes qui que quoi dont il elle ils
elles on nous vous je tu se y est sont être avoir ont pas ne plus très tout tous toute toutes
autre autres etc via chez entre vers afin ainsi comme mais donc car the an and or of to in for
with without by from at as is are be this that these those our your their its it we you they
has have not any all other per into
besoin need offre offer propose proposer proposition mise disposition dispo cherche recherchons
aide aider help soutien support appui accompagnement accompagner projet project
"""
_STOP = frozenset(key(w) for w in _STOP_WORDS.split())


def _words(text: Any) -> tuple[str, ...]:
    """The meaningful words of a text, normalised, in order, without repeats."""
    words = []
    for word in key(str(text)).split():
        if len(word) > 4 and word.endswith("aux"):
            word = word[:-3] + "al"
        if word not in _STOP and (len(word) >= 3 or word.isdigit()):
            words.append(word)
    return tuple(dict.fromkeys(words))


def _tokens(word: str) -> frozenset[str]:
    """Index keys of a word: two words agree when their keys intersect."""
    tokens = {"s:" + word[:STEM_LENGTH], "w:" + word}
    if len(word) >= TYPO_MIN_LENGTH:
        tokens.update("w:" + word[:i] + word[i + 1:] for i in range(len(word)))
    return frozenset(tokens)


def _text_tokens(text: Any) -> tuple[frozenset[str], ...]:
    return tuple(_tokens(w) for w in _words(text))


def _similar(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    other = frozenset().union(*long)
    agreeing = sum(1 for tokens in short if tokens & other)
    return agreeing >= 1 and agreeing >= TEXT_MIN_COVERAGE * len(short)


def _category(value: Any) -> str:
    return key(value) if isinstance(value, str) and value.strip() else ""


def _clean(value: Any) -> Any:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _offers(table: pd.DataFrame, text: str) -> list[tuple[str, Any, Any, str]]:
    """(actor, text, category as written or None, normalised category) per row."""
    return [(actor, value, _clean(category), _category(category)) for actor, value, category
            in zip(table.get("actor", []), table.get(text, []), table.get("category", []),
                   strict=True)]


def matches(t: Territory) -> list[dict[str, Any]]:
    """Every resource x need match between two different actors, without status."""
    resources, needs = _offers(t.resources, "resource"), _offers(t.needs, "need")
    needs_by_category: dict[str, list[int]] = defaultdict(list)
    needs_by_text: dict[str, list[int]] = defaultdict(list)
    for j, (_, text, _, ck) in enumerate(needs):
        needs_by_category[ck].append(j)
        needs_by_text[str(text)].append(j)
    found: list[tuple[int, int, str]] = []
    for i, (actor, _, _, ck) in enumerate(resources):
        if ck:
            found.extend((i, j, "category") for j in needs_by_category.get(ck, ())
                         if needs[j][0] != actor)
    # Text: distinct texts, an inverted index of the needs' word tokens, then verification.
    need_words = {text: _text_tokens(text) for text in needs_by_text}
    index: dict[str, set[str]] = defaultdict(set)
    for text, words in need_words.items():
        for tokens in words:
            for token in tokens:
                index[token].add(text)
    resources_by_text: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(resources):
        resources_by_text[str(row[1])].append(i)
    for text, rows in resources_by_text.items():
        words = _text_tokens(text)
        candidates = set().union(*(index.get(tok, ()) for tokens in words for tok in tokens))
        for need_text in sorted(candidates):
            if _similar(words, need_words[need_text]):
                found.extend((i, j, "text") for i in rows for j in needs_by_text[need_text]
                             if needs[j][0] != resources[i][0]
                             and not (resources[i][3] and resources[i][3] == needs[j][3]))
    names = t.actors["name"].to_dict()
    out = []
    for i, j, how in found:
        (r_actor, resource, r_cat, _), (n_actor, need, n_cat, _) = resources[i], needs[j]
        out.append({"resource_actor": r_actor, "resource_actor_name": names.get(r_actor),
                    "need_actor": n_actor, "need_actor_name": names.get(n_actor),
                    "category": r_cat if how == "category" else (r_cat or n_cat),
                    "resource": resource, "need": need, "match": how,
                    "resource_category": r_cat, "need_category": n_cat})
    return out


def text_overlap(a: Any, b: Any) -> int:
    """How many meaningful words of two texts agree (same stem, or one typo apart).

    Used to tell, among resources of the same category, the ones closest to a need.

    >>> text_overlap("étude d'impact social", "mesure de l'impact social")
    2
    >>> text_overlap("graphisme", "mesure de l'impact social")
    0
    """
    first, second = _text_tokens(a), _text_tokens(b)
    if not first or not second:
        return 0
    other = frozenset().union(*second)
    return sum(1 for tokens in first if tokens & other)
