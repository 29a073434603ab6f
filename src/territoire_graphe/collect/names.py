"""Names matched to a roster as a person would match them.

A name cited in an answer ("Mairie de Creil", "caf oise", "Jardin du Bray") is first
*normalised* -- case, accents, punctuation and articles ignored; "Mairie de", "Commune de"
and "Ville de" taken as the same; the long forms of common French abbreviations (CC, CA,
CAF, CCAS, CPAM, CMA, CCI, EPCI...) replaced by the abbreviation -- then compared with
every roster name by a fuzzy score (rapidfuzz's ``WRatio``, 0-100, on the normalised forms).

- ``exact``: the normalised forms are equal (or the id is written), and only one actor has it;
- ``probable``: the best score is at least :data:`PROBABLE` and clearly ahead of the next
  candidate (by :data:`MARGIN` points): the match is used, and listed for review;
- ``unknown``: anything else; the candidates are listed, nothing is invented.

>>> normalise("Mairie de Creil") == normalise("Ville de CREIL")
True
>>> normalise("Caisse d'Allocations Familiales de l'Oise")
'caf oise'
>>> m = Matcher({"v": "Ville de Creil", "c": "CAF de l'Oise", "j": "Jardins du Bray"})
>>> m.match("mairie de creil").status, m.match("mairie de creil").actor
('exact', 'v')
>>> found = m.match("Jardin du Brai")
>>> found.status, found.actor
('probable', 'j')
>>> m.match("Boulangerie Martin").status
'unknown'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..text_keys import loose

PROBABLE = 86.0
"""Lowest fuzzy score (0-100) at which a name is taken as a probable match."""
CANDIDATE = 60.0
"""Lowest score at which an actor is shown as a candidate for an unknown name."""
MARGIN = 4.0
"""Points by which the best candidate must lead the next one to be taken as probable."""

# Long forms replaced by their abbreviation (on the loose form: no accents, no punctuation).
_LONG_FORMS = (
    ("communaute de communes", "cc"),
    ("communaute d agglomeration", "ca"),
    ("communaute agglomeration", "ca"),
    ("communaute urbaine", "cu"),
    ("caisse d allocations familiales", "caf"),
    ("caisse d allocation familiale", "caf"),
    ("caisse des allocations familiales", "caf"),
    ("centre communal d action sociale", "ccas"),
    ("centre intercommunal d action sociale", "cias"),
    ("caisse primaire d assurance maladie", "cpam"),
    ("chambre de metiers et de l artisanat", "cma"),
    ("chambre des metiers et de l artisanat", "cma"),
    ("chambre de metiers", "cma"),
    ("chambre des metiers", "cma"),
    ("chambre de commerce et d industrie", "cci"),
    ("chambre d agriculture", "chambre agriculture"),
    ("etablissement public de cooperation intercommunale", "epci"),
    ("mutualite sociale agricole", "msa"),
    ("union departementale des associations familiales", "udaf"),
    ("office de tourisme", "ot"),
    ("pole d equilibre territorial et rural", "petr"),
    ("pole territorial de cooperation economique", "ptce"),
    ("societe cooperative d interet collectif", "scic"),
    ("societe cooperative et participative", "scop"),
    ("economie sociale et solidaire", "ess"),
    ("chambre regionale de l economie sociale et solidaire", "cress"),
    ("chambre regionale de l ess", "cress"),
)
_LONG_FORM = re.compile(r"\b(" + "|".join(re.escape(f) for f, _ in _LONG_FORMS) + r")\b")
_SHORT = dict(_LONG_FORMS)
# Words that name a town hall: "Mairie de X", "Commune de X", "Ville de X" are one actor.
_SAME_WORD = {
    "mairie": "ville",
    "commune": "ville",
    "municipalite": "ville",
    "cne": "ville",
    "agglo": "ca",
    "agglomeration": "ca",
    "st": "saint",
    "ste": "sainte",
    "asso": "association",
    "assoc": "association",
    "cie": "compagnie",
    "dept": "departement",
    "dpt": "departement",
    "cd": "departement",
    "conseil departemental": "departement",
}
_NON_WORD = re.compile(r"[^\w ]+")
_ARTICLES = frozenset(
    {
        "le",
        "la",
        "les",
        "l",
        "de",
        "du",
        "des",
        "d",
        "et",
        "en",
        "au",
        "aux",
        "a",
        "the",
        "of",
        "and",
        "un",
        "une",
        "sur",
        "pour",
    }
)


@lru_cache(maxsize=131072)
def normalise(name: str) -> str:
    """The form of a name that two spellings of one organisation share.

    >>> normalise("  CCAS de Lille ") == normalise("Centre Communal d'Action Sociale - Lille")
    True
    >>> normalise("Communauté de Communes du Pays de Bray")
    'cc pays bray'
    >>> normalise("St-Germer-de-Fly")
    'saint germer fly'
    """
    text = " ".join(_NON_WORD.sub(" ", loose(name)).split())
    text = _LONG_FORM.sub(lambda m: _SHORT[m.group(1)], text)
    text = text.replace("conseil departemental", "departement")
    words = [_SAME_WORD.get(w, w) for w in text.split()]
    kept = [w for w in words if w not in _ARTICLES]
    return " ".join(kept or words)


def initials(normalised: str) -> str:
    """The initials of a normalised name ("maison economie solidaire" -> "mes")."""
    words = normalised.split()
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


@dataclass(frozen=True)
class NameMatch:
    """What a cited name was matched to: ``actor`` (an id, or None), ``score`` and ``status``.

    ``candidates`` lists ``(actor id, score)`` pairs, best first (at most 3).
    """

    cited: str
    actor: str | None
    score: float
    status: str  # "exact", "probable" or "unknown"
    candidates: tuple[tuple[str, float], ...] = ()


@dataclass
class Matcher:
    """Matches names to the actors of a roster (``names``: id -> name).

    ``aliases`` gives more names for an actor (an acronym, a former name).
    Results are cached: the same names recur from answer to answer.
    """

    names: Mapping[str, str]
    aliases: Mapping[str, list[str]] = field(default_factory=dict)
    probable: float = PROBABLE
    margin: float = MARGIN
    _keys: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _choices: list[str] = field(default_factory=list, repr=False)
    _owners: list[str] = field(default_factory=list, repr=False)
    _ids: dict[str, str] = field(default_factory=dict, repr=False)
    _memo: dict[str, NameMatch] = field(default_factory=dict, repr=False)
    _words: dict[str, list[int]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for actor, name in self.names.items():
            self._ids.setdefault(loose(str(actor)), str(actor))
            for written in (name, *self.aliases.get(actor, [])):
                self._add(str(actor), normalise(str(written)))
            self._add_initials(str(actor), normalise(str(name)))

    def _add(self, actor: str, normalised: str) -> None:
        owners = self._keys.setdefault(normalised, [])
        if actor not in owners:
            owners.append(actor)
            self._choices.append(normalised)
            self._owners.append(actor)

    def _add_initials(self, actor: str, normalised: str) -> None:
        short = initials(normalised)
        if len(short) >= 3 and short not in self._keys:
            self._keys.setdefault("\x00" + short, []).append(actor)

    def match(self, cited: str) -> NameMatch:
        """The actor ``cited`` most probably names, with the score and the status."""
        found = self._memo.get(cited)
        if found is None:
            found = self._memo[cited] = self._match(cited)
        return found

    def _match(self, cited: str) -> NameMatch:
        written = " ".join(str(cited).split())
        by_id = self._ids.get(loose(written))
        if by_id is not None and str(self.names.get(by_id, "")) and loose(written) == loose(by_id):
            return NameMatch(written, by_id, 100.0, "exact", ((by_id, 100.0),))
        key = normalise(written)
        owners = self._keys.get(key, [])
        if len(owners) == 1:
            return NameMatch(written, owners[0], 100.0, "exact", ((owners[0], 100.0),))
        if len(owners) > 1:
            return NameMatch(written, None, 100.0, "unknown", tuple((o, 100.0) for o in owners[:3]))
        acronym = self._keys.get("\x00" + key.replace(" ", ""), [])
        candidates = self._candidates(key)
        if len(acronym) == 1 and (not candidates or candidates[0][1] < 95):
            candidates = [(acronym[0], 90.0), *[c for c in candidates if c[0] != acronym[0]]]
        if not candidates:
            return NameMatch(written, None, 0.0, "unknown")
        best, score = candidates[0]
        runner_up = candidates[1][1] if len(candidates) > 1 else 0.0
        shown = tuple(candidates[:3])
        if score >= self.probable and score - runner_up >= self.margin:
            return NameMatch(written, best, score, "probable", shown)
        return NameMatch(written, None, score, "unknown", shown)

    def _candidates(self, key: str) -> list[tuple[str, float]]:
        """Actors scoring at least :data:`CANDIDATE`, best first, one score per actor.

        On a large roster, ``WRatio`` (slow: it tries several alignments) only scores a
        shortlist: the names closest by plain edit distance, and the names sharing a rare
        word with ``key``. On a small one it scores every name.
        """
        if not key or not self._choices:
            return []
        if len(self._choices) <= _FULL_SCAN:
            found = process.extract(
                key, self._choices, scorer=fuzz.WRatio, limit=12, score_cutoff=CANDIDATE
            )
            scored = [(position, score_names(key, choice)) for choice, _s, position in found]
        else:
            shortlist = {
                position
                for _c, _s, position in process.extract(
                    key, self._choices, scorer=fuzz.ratio, limit=_SHORTLIST
                )
            }
            for word in key.split():
                shortlist.update(self._rare_words().get(word, ()))
            scored = [(p, score_names(key, self._choices[p])) for p in shortlist]
        best: dict[str, float] = {}
        for position, score in scored:
            if score < CANDIDATE:
                continue
            owner = self._owners[position]
            best[owner] = max(best.get(owner, 0.0), round(float(score), 1))
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))[:8]

    def _rare_words(self) -> dict[str, list[int]]:
        """Words found in few roster names (a place, a proper name) -> positions of those names."""
        if self._words is None:
            index: dict[str, list[int]] = {}
            for position, choice in enumerate(self._choices):
                for word in set(choice.split()):
                    index.setdefault(word, []).append(position)
            self._words = {w: p for w, p in index.items() if len(p) <= _RARE}
        return self._words


def score_names(a: str, b: str) -> float:
    """Fuzzy score (0-100) of two normalised names.

    Names of similar length are compared letter by letter, words in any order (the best of
    rapidfuzz's ``ratio`` and ``token_sort_ratio``): a typo costs little, another place or
    another proper name costs a lot ("mission locale douai" is not "mission locale
    roubaix"). When one name is much longer, ``WRatio`` lets the shorter be found inside it
    ("caf" in "caf oise").

    >>> score_names("jardin brai", "jardins bray") > 85 > score_names("mission locale douai",
    ...                                                               "mission locale roubaix")
    True

    Whatever the rest they share, two names whose differing words do not look alike score
    at most 75 (a candidate, never a probable match).
    """
    short, long = sorted((len(a), len(b)))
    if short and long / short >= 1.5:
        score = float(fuzz.WRatio(a, b))
    else:
        score = float(max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)))
    # The words that differ must look alike: "jardin brai" ~ "jardins bray", but
    # "douai" is not "roubaix", however long the rest they share.
    words_a, words_b = set(a.split()), set(b.split())
    own_a, own_b = words_a - words_b, words_b - words_a
    # an initial stands for the word it begins ("g brassens" ~ "georges brassens")
    own_a = {w for w in own_a if not (len(w) == 1 and any(o.startswith(w) for o in own_b))}
    own_b = {w for w in own_b if not (len(w) == 1 and any(o.startswith(w) for o in words_a))}
    if own_a and own_b and score > _UNLIKE:
        differing = fuzz.ratio(" ".join(sorted(own_a)), " ".join(sorted(own_b)))
        if differing < 70:
            score = min(score, _UNLIKE)
    return score


_UNLIKE = 75.0  # the highest score of two names whose differing words do not look alike


_FULL_SCAN = 300  # rosters up to this size: every name scored with WRatio
_SHORTLIST = 40  # else: names closest by edit distance scored with WRatio...
_RARE = 60  # ...and names sharing with the cited name a word found in at most this many names
