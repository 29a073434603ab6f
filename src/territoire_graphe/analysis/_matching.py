"""Matching resources with needs: French-aware text matching, then weaker category leads.

A resource *answers* a need (``match="text"``) when their texts say so. A text is read as
French: lower case, accents, elision ("d'", "l'") and hyphens taken off, a stop list of
function words and generic acts ("besoin", "mise à disposition", "vente", "location",
"partage"...) left out, plural and feminine brought back to one form ("locaux" -> "local",
"biosourcées" -> "biosourcé") without cutting words to a stem. Then it becomes a row of
*units*, the first being its *head* (the thing offered or needed):

- a compound of the thesaurus (:mod:`._thesaurus`) is one unit ("chambre froide",
  "bois de chauffage", "site internet"): its words are not shared one by one;
- a word with several senses takes the one its neighbours say ("hébergement du site" /
  "hébergement d'urgence", "réseau d'eau" / "réseau de bénévoles", "un local" / "producteurs
  locaux");
- each unit names concepts of the thesaurus (synonyms and hypernyms: "camion" ~
  "utilitaire" ~ "livraison" ~ "évacuer"; "hangar" ~ "salle" ~ "entrepôt"; "subvention" ~
  "prêt d'honneur" ~ "mécénat"...) or none, and may belong to a verb family ("livrer" /
  "livraison" / "livreur", "souder" / "soudure", "secours" / "secourisme"); two nouns are
  joined only through their verb, so "chauffage" is not "chauffeur".

Two texts agree when they share a concept, a unit or a family, and: money goes with money;
a training or a study answers a training or a study of the same subject; the head of each
text takes part in the agreement, itself or through a qualifier of its own ("démarches *en
ligne*"), not through a purpose ("un véhicule *pour la tournée de l'infirmière*") or a
complement ("salle *de sport*"); the same head qualified by "de" + different things on both
sides is two senses ("réseau de bénévoles" / "réseau d'eau"). The score counts what is
shared (2 per concept, 1 per unit or family); the closest pairs are kept first.

A shared category alone (``match="category"``) is a weaker lead, kept for the table only.
Each need keeps at most :data:`MAX_PER_NEED` text matches and each resource at most
:data:`MAX_PER_RESOURCE` (the closest ones), and the same caps apply to category leads,
so that a big territory stays readable and fast.

>>> concepts("Un véhicule pour livrer nos paniers") & concepts("véhicule utilitaire")
frozenset({'vehicle'})
>>> sorted(concepts("producteurs locaux")), sorted(concepts("un local pour l'épicerie"))
([], ['food', 'premises'])
>>> answers("comptabilité et paie", "création d'un logo et d'une charte graphique")
False
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import pandas as pd

from ..model import Territory
from ..text_keys import loose
from ._thesaurus import IMPLIES, MODES, SENSES, THESAURUS

__all__ = ["MAX_PER_NEED", "MAX_PER_RESOURCE", "MODES", "THESAURUS", "answers", "concepts"]

MAX_PER_NEED = 5
MAX_PER_RESOURCE = 5

_STOP_WORDS = """
le la les l un une des du de d au aux et ou en dans pour par sur sous avec sans a ce ces cet
cette son sa ses leur leurs notre nos votre vos mon ma mes qui que qu quoi dont il elle ils
elles on nous vous je tu se s y est sont etre avoir ont pas ne plus tres tout tous toute toutes
autre autres etc via chez entre vers afin ainsi comme mais donc car lors apres avant pendant
the an and or of to in for with without by from at as is are be this that these those our your
their its it we you they has have not any all other per into
besoin need offre offer propose proposer proposition mise disposition dispo cherche recherche
recherchons aide aider help soutien support appui projet project service solution moyen
possibilite capacite activite action commun partage partager mutualise nouveau petit grand bon
disponible vacant gratuit ponctuel regulier temps partiel plein jour semaine mois an annee
soir matin samedi lundi mardi mercredi jeudi vendredi dimanche heure place region regional
territoire territorial structure association personne public quotidien general divers ensemble
equipe equipee installer organiser faire avoir permettre mettre utiliser trouver accueil
accueillir competence conseil materiel produit construction vente vendre achat acheter
acquisition acquerir location louer louable pret preter refaire reprendre reprise lancer
lancement creer creation ouvrir ouverture demarrage demarrer collecte collecter don donner
nombreux plusieurs quelque chaque premier deuxieme second ancien actuel futur prochain
"""
_STOP = frozenset(_STOP_WORDS.split())
_DETERMINER_WORDS = """un une le la les des du au aux ce ces cet cette notre nos votre vos mon
mes leur leurs de d l en nouveau nouveaux petit petits grand grands"""
_DETERMINERS = frozenset(_DETERMINER_WORDS.split())
_GENITIVE = frozenset({"de", "d", "du", "des"})
_PURPOSE = frozenset({"pour", "afin"})
_PREPOSITIONS = frozenset(
    [
        "de",
        "d",
        "du",
        "des",
        "a",
        "au",
        "aux",
        "en",
        "sur",
        "pour",
        "avec",
        "par",
        "dans",
        "chez",
        "sans",
    ]
)
#: Modes whose offer is not the thing it is about ("données sur la précarité alimentaire").
_TOLD = frozenset({"study", "training"})
#: Heads that name a kind of thing, not the thing ("un outil pour...", "équipement ...").
_GENERIC_HEADS = frozenset({"outil", "equipement", "conception", "gestion", "moyen"})
#: Words read in context only ("un local" / "producteurs locaux", "un atelier" / "atelier
#: cuisine", "prêt à taux zéro" / "prêt de salle", "des livres" / "repas livrés"...).
_CONTEXT_WORDS = frozenset(
    {"local", "atelier", "bureau", "espace", "pret", "terre", "livre", "impression"}
)
#: Feminine words that are not the feminine of an adjective ("capitale" is not "capital").
_NOT_FEMININE = frozenset({"capitale", "morale", "finale", "sale", "cale", "ovale", "pale"})
_SHARED_AFTER = frozenset({"partage", "equipe", "vacant", "disponible", "libre", "vide"})
#: Nouns whose meaning drifted from their verb ("un chauffeur" drives, "un traiteur" cooks).
_NOT_FAMILY = frozenset({"chauffeur", "traiteur", "garage", "fromage", "village", "page"})
_NOT_VERB = frozenset(
    [
        "foyer",
        "loyer",
        "hiver",
        "laser",
        "cancer",
        "poster",
        "super",
        "premier",
        "boulanger",
        "mer",
        "fer",
        "hier",
        "ver",
        "enfer",
        "master",
        "quartier",
        "chantier",
        "atelier",
        "panier",
        "papier",
        "dossier",
        "cahier",
        "metier",
        "loisir",
        "plaisir",
        "desir",
        "avenir",
        "souvenir",
        "cuir",
        "tir",
        "soir",
    ]
)
#: Derivational suffixes of nouns made from a verb, longest first ("formation" -> "form").
_NOUN_SUFFIXES = (
    "ication",
    "cteur",
    "ction",
    "ateur",
    "ation",
    "aison",
    "ement",
    "issage",
    "age",
    "ure",
    "eur",
)


def _lemma(word: str) -> str:
    """Plural and feminine brought back to one form, without stemming the word."""
    if len(word) <= 3 or word.isdigit() or word in _NOT_FEMININE:
        return word
    for suffix, repl in (
        ("eaux", "eau"),
        ("aux", "al"),
        ("ales", "al"),
        ("ale", "al"),
        ("ives", "if"),
        ("ive", "if"),
        ("euses", "eur"),
        ("euse", "eur"),
        ("rices", "eur"),
        ("rice", "eur"),
        ("elles", "el"),
        ("elle", "el"),
        ("iennes", "ien"),
        ("ienne", "ien"),
        ("ieres", "ier"),
        ("iere", "ier"),
        ("ees", "e"),
        ("ee", "e"),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    if word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _family(lemma: str) -> tuple[str, str] | None:
    """A verb and the nouns made from it as one family: ("v"|"d"|"b", stem), or None.

    "livrer", "livraison", "livreur" -> stem "livr"; "souder", "soudure" -> "soud";
    "secourisme" (kind "b") goes with the plain noun "secours". Two derived nouns are
    not brought together ("chauffage" / "chauffeur"): only a verb joins a family.
    """
    if len(lemma) < 5 or lemma in _NOT_FAMILY:
        return None
    if lemma not in _NOT_VERB and not lemma.endswith(("ier", "oir")):
        for suffix, keep in (("uire", "u"), ("endre", "end"), ("er", ""), ("ir", "")):
            if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
                return "v", _stem_end(lemma[: -len(suffix)] + keep)
    for suffix in ("isme", "iste"):
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 4:
            return "b", lemma[: -len(suffix)]
    for suffix in _NOUN_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            return "d", _stem_end(lemma[: -len(suffix)] + ("ic" if suffix == "ication" else ""))
    return None


def _stem_end(stem: str) -> str:
    return stem[:-2] + "c" if stem.endswith("qu") else stem


def _tokens(text: Any) -> list[str]:
    """Lower-case, accent-free words with elisions and hyphens split off."""
    value = loose(str(text).replace("’", "'")).replace("œ", "oe")
    return [w for w in re.split(r"[^a-z0-9]+", value) if w]


def _forms() -> tuple[dict[str, set[str]], dict[str, set[str]], dict[tuple[str, ...], set[str]]]:
    words: dict[str, set[str]] = defaultdict(set)
    prefixes: dict[str, set[str]] = defaultdict(set)
    phrases: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for concept, forms in THESAURUS.items():
        found = {concept} | IMPLIES.get(concept, frozenset())
        for form in forms:
            parts = tuple(_lemma(w) for w in _tokens(form.rstrip("*")))
            if form.endswith("*"):
                prefixes[parts[0]] |= found
            elif len(parts) == 1:
                words[parts[0]] |= found
            else:
                phrases[parts] |= found
    return words, prefixes, phrases


_WORDS, _PREFIXES, _PHRASES = _forms()
_LONGEST = max(len(p) for p in _PHRASES)
#: One-deletion neighbourhood of the thesaurus words of 7 letters or more (a typo: a
#: letter dropped, added or replaced; "comtabilite" ~ "comptabilite"), as in SymSpell.
_TYPOS: dict[str, set[str]] = defaultdict(set)
for _word in [w for w in _WORDS if len(w) >= 7]:
    _TYPOS[_word].add(_word)
    for _i in range(len(_word)):
        _TYPOS[_word[:_i] + _word[_i + 1 :]].add(_word)


def _known(lemma: str) -> set[str]:
    """Concepts of a word, or of the thesaurus word it is one typo away from."""
    if lemma in _WORDS or len(lemma) < 7 or lemma in _NOT_FEMININE:
        found = set(_WORDS.get(lemma, set()))
    else:
        near = set(_TYPOS.get(lemma, set()))
        for i in range(len(lemma)):
            near |= _TYPOS.get(lemma[:i] + lemma[i + 1 :], set())
        found = {c for w in near for c in _WORDS[w]}
    for prefix, concepts_ in _PREFIXES.items():
        if lemma.startswith(prefix):
            found |= concepts_
    return found


def _in_context(word: str, lemma: str, previous: str, following: list[str]) -> set[str] | None:
    """Concepts of a word whose meaning depends on its neighbours; None: not a content word."""
    nxt = following[0] if following else ""
    after = following[1] if len(following) > 1 else ""
    determiner = previous in _DETERMINERS or previous == "besoin"
    if lemma == "local":  # "un local", "des locaux"; not "producteurs locaux"
        return (
            {"premises"} if not word.startswith("locale") and (determiner or not previous) else None
        )
    if lemma == "atelier":  # "un atelier", "atelier partagé"; "atelier cuisine" is a session
        return {"premises"} if determiner or nxt in _SHARED_AFTER else {"training"}
    if lemma == "bureau":  # "bureaux vacants"; not "bureau d'études", "bureau de l'association"
        genitive = nxt in _GENITIVE and after in ("etude", "l", "la", "association", "conseil")
        return None if genitive else {"premises"}
    if lemma == "espace":
        return None if nxt == "vert" or nxt == "verts" else {"premises"}
    if lemma == "pret":  # "prêt à taux zéro", "prêts d'honneur"; not "prêt de salle"
        return {"funding"} if not (nxt in _GENITIVE and after != "honneur") else None
    if lemma == "terre":
        return None if nxt in ("crue", "cuite", "bruyere") else {"land"}
    if lemma == "impression":  # "impression de flyers"; not "l'impression d'être isolés"
        return None if nxt in _GENITIVE and after == "etre" else {"communication"}
    if lemma == "livre":  # "des livres", "livre de cuisine"; not "repas livrés"
        return {"culture"} if determiner or nxt in _GENITIVE or nxt == "pour" else {"vehicle"}
    return set()


_Unit = tuple[str, frozenset[str], tuple[str, str] | None]


@dataclass(frozen=True)
class Reading:
    """What a text says: its content units, in order, the first one being its head.

    Each unit is (key, concepts, family): a word or compound as said in one sense
    ("reseau#people"), the thesaurus concepts it names, and its verb family (or None).
    ``genitive`` holds the indexes of units introduced by "de" ("réseau *d'eau*").
    """

    units: tuple[tuple[str, frozenset[str], tuple[str, str] | None], ...]
    genitive: frozenset[int]
    #: Indexes of the units introduced by a preposition ("four *à pain*", "salle *de sport*").
    governed: frozenset[int]
    #: How many units say the thing itself, before a purpose ("un véhicule | pour ...").
    thing: int

    @cached_property
    def concepts(self) -> frozenset[str]:
        return frozenset(c for _, found, _ in self.units for c in found)

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(k for k, _, _ in self.units)

    @cached_property
    def plain(self) -> frozenset[str]:
        """Keys of the units outside every concept: the text's own subject."""
        return frozenset(k for k, found, _ in self.units if not found)

    @cached_property
    def kinds(self) -> dict[str, frozenset[str]]:
        """Stem -> kinds of the words that have it ("v" verb, "d" derived, "b", "n" noun)."""
        out: dict[str, set[str]] = defaultdict(set)
        for key_, _, fam in self.units:
            if fam:
                out[fam[1]].add(fam[0])
            if " " not in key_ and "#" not in key_:
                out[_stem_end(key_)].add("n")  # a plain noun ("secours", "transport")
        return {stem: frozenset(k) for stem, k in out.items()}

    @cached_property
    def stems(self) -> frozenset[str]:
        return frozenset(self.kinds)

    @cached_property
    def tagged(self) -> frozenset[str]:
        """Its concepts ("c:") and word keys ("w:"), as in :attr:`unit_tokens`."""
        return frozenset({"c:" + c for c in self.concepts} | {"w:" + w for w in self.words})

    @cached_property
    def unit_tokens(self) -> tuple[frozenset[str], ...]:
        """Per unit, what it can share: "c:" concepts, "w:" its key, "s:" its stems."""
        return tuple(
            frozenset(
                {"c:" + c for c in found}
                | {"w:" + key_}
                | {"s:" + stem for stem in _unit_stems((key_, found, fam))}
            )
            for key_, found, fam in self.units
        )

    def tokens(self, which: str) -> frozenset[str]:
        """Union of the unit tokens: "all", "head", "thing" (before a purpose), "rest"
        (after the head), "free" (qualifiers of the head: in the thing, no preposition)."""
        return self._token_sets[which]

    @cached_property
    def anchor(self) -> frozenset[str]:
        """Tokens a matching text must share with this one (a necessary condition of
        :func:`_heads_agree`): its head and the head's qualifiers when the head names a
        thing, else all its tokens. Money texts skip the head rule: all their tokens."""
        head = self.units[0] if self.units else ("", frozenset(), None)
        if head[1] - MODES and head[0] not in _GENERIC_HEADS and "funding" not in self.concepts:
            return self.tokens("head") | self.tokens("free")
        return self.tokens("all")

    @cached_property
    def _token_sets(self) -> dict[str, frozenset[str]]:
        per = self.unit_tokens
        free = [t for k, t in enumerate(per[1 : self.thing], 1) if k not in self.governed]
        return {
            "all": frozenset().union(*per),
            "head": per[0] if per else frozenset(),
            "thing": frozenset().union(*per[: self.thing]),
            "rest": frozenset().union(*per[1:]),
            "free": frozenset().union(*free),
        }


def _phrase_at(lemmas: list[str], i: int) -> tuple[int, set[str]]:
    """The longest thesaurus compound starting at word i: (its length, its concepts)."""
    for size in range(min(_LONGEST, len(lemmas) - i), 1, -1):
        found = _PHRASES.get(tuple(lemmas[i : i + size]))
        if found:
            return size, found
    return 0, set()


def _senses() -> dict[str, tuple[tuple[frozenset[str], str, frozenset[str]], ...]]:
    """SENSES with its words and markers read like the texts ("fonds" -> "fond")."""
    return {
        _lemma(word): tuple(
            (frozenset(_lemma(m) for m in markers), name, found) for markers, name, found in entries
        )
        for word, entries in SENSES.items()
    }


_SENSES = _senses()


def _sense_of(lemma: str, text: set[str]) -> tuple[str, set[str]] | None:
    for markers, name, found in _SENSES.get(lemma, ()):
        if not markers or markers & text:
            return (f"{lemma}#{name}" if name else lemma), set(found)
    return None


@lru_cache(maxsize=65536)
def read(text: str) -> Reading:
    """The content units of a text (see :class:`Reading`)."""
    raw = _tokens(text)
    lemmas = [_lemma(w) for w in raw]
    everything = set(lemmas)
    units: list[tuple[str, frozenset[str], tuple[str, str] | None]] = []
    genitive: set[int] = set()
    governed: set[int] = set()
    thing = 0
    i = 0
    while i < len(raw):
        if raw[i] in _PURPOSE and not thing:
            thing = len(units)
        size, found = _phrase_at(lemmas, i)
        previous = raw[i - 1] if i else ""
        unit: _Unit | None
        if size:
            unit = (" ".join(lemmas[i : i + size]), frozenset(found), None)
            i += size
        else:
            unit, i = _word_unit(raw, lemmas, i, everything), i + 1
            if unit is None:
                continue
        if previous in _GENITIVE and units:
            genitive.add(len(units))
        if previous in _PREPOSITIONS and units:
            governed.add(len(units))
        units.append(unit)
    if units and units[0][0] in _GENERIC_HEADS:
        thing = 0  # "outil pour gérer nos adhésions": the purpose says the thing
    return Reading(tuple(units), frozenset(genitive), frozenset(governed), thing or len(units))


def _word_unit(
    raw: list[str], lemmas: list[str], i: int, text: set[str]
) -> tuple[str, frozenset[str], tuple[str, str] | None] | None:
    word, lemma = raw[i], lemmas[i]
    if lemma in _CONTEXT_WORDS:
        following = [_lemma(w) for w in raw[i + 1 : i + 3]]
        found = _in_context(word, lemma, raw[i - 1] if i else "", following)
        return None if not found else (f"{lemma}#{sorted(found)[0]}", frozenset(found), None)
    if word in _STOP or lemma in _STOP or (len(lemma) < 3 and not lemma.isdigit()):
        return None
    sense = _sense_of(lemma, text)
    if sense is not None:
        return sense[0], frozenset(sense[1]), None
    return lemma, frozenset(_known(lemma)), _family(lemma)


def concepts(text: Any) -> frozenset[str]:
    """The thesaurus concepts a text says (see the module docstring)."""
    return read(str(text)).concepts


_FAMILY_PAIRS = frozenset(
    {("v", "d"), ("d", "v"), ("v", "n"), ("n", "v"), ("b", "n"), ("n", "b"), ("b", "b"), ("v", "v")}
)


def _shared_families(r: Reading, n: Reading) -> set[str]:
    """Stems that join a word of one text to a word of the other through a verb family."""
    rk, nk = r.kinds, n.kinds
    return {
        stem
        for stem in rk.keys() & nk.keys()
        if any((a, b) in _FAMILY_PAIRS for a in rk[stem] for b in nk[stem])
        and not (rk[stem] == {"n"} and nk[stem] == {"n"})
    }


def _unit_stems(unit: tuple[str, frozenset[str], tuple[str, str] | None]) -> set[str]:
    key_, _, fam = unit
    return ({fam[1]} if fam else set()) | ({_stem_end(key_)} if " " not in key_ else set())


@lru_cache(maxsize=262144)
def _score(resource: str, need: str) -> int:
    """How strongly the texts agree: shared concepts, words and families count (0: no match)."""
    r, n = read(resource), read(need)
    if not r.units or not n.units:
        return 0
    rc, nc = r.concepts, n.concepts
    # Money answers a need for money only ("financement d'un camion" is not "un camion").
    if ("funding" in rc) != ("funding" in nc):
        return 0
    shared_c, shared_w = rc & nc, r.words & n.words
    shared_f = _shared_families(r, n) if r.stems & n.stems else set()
    if not shared_c and (not (shared_w or shared_f) or (rc and nc)):
        return 0  # nothing shared, or a shared word but texts about different things
    if not _modes_agree(r, n, shared_c, shared_w, shared_f):
        return 0
    shared = (r.tagged & n.tagged) | {"s:" + f for f in shared_f}
    if "funding" not in shared_c and not _heads_agree(r, n, shared):
        return 0
    return 2 * len(shared_c) + len(shared_w) + len(shared_f)


def _modes_agree(
    r: Reading, n: Reading, shared_c: frozenset[str], shared_w: frozenset[str], shared_f: set[str]
) -> bool:
    """A training or a study answers only a training or a study of the same subject."""
    rc, nc = r.concepts, n.concepts
    if rc & _TOLD and not rc & nc & _TOLD:
        return False  # a study or a training offered does not answer a need for the thing
    if not shared_c or not shared_c <= MODES:
        return True
    subject_r, subject_n = (rc - MODES) | r.plain, (nc - MODES) | n.plain
    plain_shared = {w for w in shared_w if w in r.plain | n.plain or " " in w} or shared_f
    return bool(plain_shared or not subject_r or not subject_n or subject_r & subject_n)


def _heads_agree(r: Reading, n: Reading, shared: frozenset[str]) -> bool:
    """The thing offered and the thing needed take part in the agreement.

    The head of a text is its first content unit ("*camion* frigorifique", "*livraison* des
    denrées"). A head that names a thing of the thesaurus must be shared, or one of its
    qualifiers must ("démarches *en ligne*"), so "infirmière scolaire" does not answer "un
    véhicule pour la tournée de l'infirmière"; a head that is a study or a training needs
    one in the other text ("données sur la précarité alimentaire" are not food); at least
    one head, or else the thing part of both texts, takes part; and the same head qualified
    on both sides by "de" + different things ("réseau de bénévoles" / "réseau d'eau") is
    two senses of one word.
    """
    hr, hn = r.units[0], n.units[0]
    for reading, other in ((r, n), (n, r)):
        head = reading.units[0]
        if head[1] & _TOLD and not head[1] & other.concepts:
            return False
        if (
            head[1] - MODES
            and head[0] not in _GENERIC_HEADS
            and not reading.tokens("head") & shared
            and not reading.tokens("free") & shared
        ):
            return False
    if not (r.tokens("head") & shared or n.tokens("head") & shared) and not (
        r.tokens("thing") & shared and n.tokens("thing") & shared
    ):
        return False
    return not (
        hr[0] == hn[0]
        and 1 in r.genitive
        and 1 in n.genitive
        and not hr[1] & MODES
        and not (r.tokens("rest") & shared or n.tokens("rest") & shared)
    )


def answers(resource: Any, need: Any) -> bool:
    """Whether a resource's text answers a need's text (see the module docstring)."""
    return _score(str(resource), str(need)) > 0


def text_overlap(a: Any, b: Any) -> int:
    """How strongly two texts agree (shared concepts and words; 0 when they do not).

    >>> text_overlap("étude d'impact social", "mesure de l'impact social") > 0
    True
    >>> text_overlap("graphisme", "mesure de l'impact social")
    0
    """
    return _score(str(a), str(b))


def _category(value: Any) -> str:
    from ..text_keys import key

    return key(value) if isinstance(value, str) and value.strip() else ""


def _clean(value: Any) -> Any:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _offers(table: pd.DataFrame, text: str) -> list[tuple[str, Any, Any, str]]:
    """(actor, text, category as written or None, normalised category) per row."""
    return [
        (actor, value, _clean(category), _category(category))
        for actor, value, category in zip(
            table.get("actor", []), table.get(text, []), table.get("category", []), strict=True
        )
    ]


def _capped(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The closest pairs first, at most MAX_PER_NEED per need and MAX_PER_RESOURCE per resource."""
    per_need: dict[int, int] = defaultdict(int)
    per_resource: dict[int, int] = defaultdict(int)
    kept = []
    for i, j, score in sorted(found, key=lambda x: (-x[2], x[1], x[0])):
        if per_need[j] < MAX_PER_NEED and per_resource[i] < MAX_PER_RESOURCE:
            per_need[j] += 1
            per_resource[i] += 1
            kept.append((i, j, score))
    return sorted(kept, key=lambda x: (x[0], x[1]))


def matches(t: Territory) -> list[dict[str, Any]]:
    """Every resource x need match between two different actors, without status.

    Text matches first (capped per need and per resource); then, for pairs whose texts
    do not agree, category leads (same normalised category, capped the same way).
    """
    resources, needs = _offers(t.resources, "resource"), _offers(t.needs, "need")
    # Candidates through an inverted index of concepts and words (no all-pairs loop).
    # A candidate shares a token with the resource's anchor and the resource shares one
    # with the need's anchor (see Reading.anchor), and money goes with money.
    index: dict[str, set[int]] = defaultdict(set)
    need_readings = [read(str(need)) for _, need, _, _ in needs]
    for j, reading in enumerate(need_readings):
        for token in reading.tokens("all"):
            index[token].add(j)
    text_found: list[tuple[int, int, int]] = []
    for i, (actor, resource, _, _) in enumerate(resources):
        r = read(str(resource))
        candidates = set().union(*(index.get(tok, set()) for tok in r.anchor))
        r_all, r_money = r.tokens("all"), "funding" in r.concepts
        for j in sorted(candidates):
            n = need_readings[j]
            if needs[j][0] != actor and r_money == ("funding" in n.concepts) and n.anchor & r_all:
                score = _score(str(resource), str(needs[j][1]))
                if score:
                    text_found.append((i, j, score))
    text_pairs = _capped(text_found)
    seen = {(i, j) for i, j, _ in text_found}
    by_category: dict[str, list[int]] = defaultdict(list)
    for j, (_, _, _, ck) in enumerate(needs):
        if ck:
            by_category[ck].append(j)
    category_found = [
        (i, j, 0)
        for i, (actor, _, _, ck) in enumerate(resources)
        if ck
        for j in by_category.get(ck, ())
        if needs[j][0] != actor and (i, j) not in seen
    ]
    found = [(i, j, "text") for i, j, _ in text_pairs] + [
        (i, j, "category") for i, j, _ in _capped(category_found)
    ]
    names = t.actors["name"].to_dict()
    out = []
    for i, j, how in found:
        (r_actor, resource, r_cat, rk), (n_actor, need, n_cat, nk) = resources[i], needs[j]
        out.append(
            {
                "resource_actor": r_actor,
                "resource_actor_name": names.get(r_actor),
                "need_actor": n_actor,
                "need_actor_name": names.get(n_actor),
                "category": r_cat if how == "category" or rk == nk else (r_cat or n_cat),
                "resource": resource,
                "need": need,
                "match": how,
                "resource_category": r_cat,
                "need_category": n_cat,
            }
        )
    return out
