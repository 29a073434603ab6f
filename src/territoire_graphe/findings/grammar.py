"""French (and English) grammar around actor names: articles, elision and contraction.

An actor's name often starts with a common noun ("Département de l'Oise", "Association
Récup'", "Ville de Creil"): French puts an article before it ("le Département",
"l'Association", "la Ville"), and "de" contracts or elides with it ("du Département",
"de l'Association"). A name that is a proper name ("Atelier Bray", "Scierie Dupont"
written as a brand) keeps no article, and "de" only elides before a vowel ("d'Atelier
Bray"). Names starting with an article ("Les Jardins", "Le Bocal", "La Nef", "L'Atelier")
contract that article ("des Jardins", "du Bocal", "de la Nef", "de l'Atelier").

>>> [of_name(n, "fr") for n in ("Département de l'Oise", "Association Récup", "Atelier Bray",
...                             "Ville de Creil", "Les Jardins", "Centre social", "CAF")]
["du Département de l'Oise", "de l'Association Récup", "d'Atelier Bray", 'de la Ville de Creil', 'des Jardins', 'du Centre social', 'de la CAF']
>>> article_name("Département de l'Oise", "fr", capital=True)
"Le Département de l'Oise"
>>> of_names(["Ville de Creil", "Les Jardins", "Atelier Bray"], "fr")
"de la Ville de Creil, des Jardins et d'Atelier Bray"
"""

from __future__ import annotations

from collections.abc import Sequence

from ..messages import locale_for, text

_VOWELS = set("aeiouyàâäéèêëîïôöùûüœæhAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆH")

#: Common nouns that open institutional names and take an article, by gender.
_MASCULINE = """
département conseil centre lycée collège collectif comité syndicat groupement réseau pôle
office parc institut établissement service club foyer secours crédit pays musée théâtre
cinéma conservatoire hôpital bureau cabinet fonds ministère rectorat tribunal laboratoire
campus domaine gîte relais espace point jardin marché village quartier territoire
écopôle élevage greta
ccas cias cfa esat ehpad ptce gal iut cnam crous département
"""
_FEMININE = """
association région ville commune communauté chambre maison fédération fondation agence
caisse union mutuelle banque mairie métropole préfecture direction mission pépinière
épicerie scierie fromagerie ferronnerie menuiserie poterie ressourcerie recyclerie
légumerie cantine pharmacie supérette
coopérative entreprise régie plateforme école université ferme cuisine boulangerie
brasserie librairie compagnie société confédération amicale maîtrise halle médiathèque
bibliothèque ludothèque crèche résidence clinique cave miellerie conserverie laiterie
ddets dreets caf cpam cress msa urssaf ademe dreal draaf cma cci scic scop mjc carsat amap
"""
MASCULINE = frozenset(_MASCULINE.split())
FEMININE = frozenset(_FEMININE.split())


def _first_word(name: str) -> str:
    return name.split(" ", 1)[0].split("'", 1)[0].lower()


def _article(name: str) -> str | None:
    """The article a name takes in French ("le", "la", "l'"), or None for a proper name."""
    word = _first_word(name)
    if (
        name[:1].isupper()
        and word in MASCULINE | FEMININE
        and name.split(" ", 1)[0].lower() == word
    ):
        if name[:1] in _VOWELS:
            return "l'"
        return "le" if word in MASCULINE else "la"
    return None


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def feminine(name: str) -> bool:
    """Whether French treats an actor's name as feminine ("la Ville", "La Nef", "l'Agence").

    Names whose gender is not known (a proper name) count as masculine, as French does
    for an organisation named by a brand; a group mixing genders takes the masculine.

    >>> [feminine(n) for n in ("Ville de Creil", "La Nef", "L'Agence", "Les Fermes du Bray",
    ...                        "Atelier Bray", "Les Jardins", "Le Bocal", "CAF")]
    [True, True, True, True, False, False, False, True]
    """
    words = name.replace("’", "'").split()
    if not words:
        return False
    first = words[0].lower()
    if first == "la":
        return True
    if first in ("le", "un"):
        return False
    if first == "les" and len(words) > 1:
        return _singular(words[1].lower()) in FEMININE
    if first.startswith("l'") and len(first) > 2:
        return _singular(first[2:]) in FEMININE
    return _singular(_first_word(name)) in FEMININE


def plural(name: str) -> bool:
    """Whether a name takes a plural verb in French ("Les Jardins du Bray *ont* besoin").

    >>> plural("Les Jardins du Bray"), plural("Atelier Bray"), plural("Lesquin Services")
    (True, False, False)
    """
    return name.split(" ", 1)[0].lower() == "les" and " " in name


def agreement(name: str) -> str:
    """The catalogue key suffix a French sentence about one actor needs: "", ".feminine",
    ".plural" or ".plural.feminine" ("membre lui aussi", "membre elle aussi", "membres
    eux aussi", "membres elles aussi").

    >>> [agreement(n) for n in ("Atelier Bray", "La Nef", "Les Jardins", "Les Fermes du Bray")]
    ['', '.feminine', '.plural', '.plural.feminine']
    """
    return (".plural" if plural(name) else "") + (".feminine" if feminine(name) else "")


def all_feminine(names: Sequence[str]) -> bool:
    """Whether every name of a group is feminine (then French agrees in the feminine).

    >>> all_feminine(["Ville de Creil", "CAF"]), all_feminine(["Ville de Creil", "Atelier Bray"])
    (True, False)
    """
    return bool(names) and all(feminine(n) for n in names)


def article_name(name: str, lang: str, *, capital: bool = False) -> str:
    """``name`` with the article French puts before it ("le Département de l'Oise").

    Names that are proper names, or that start with their own article, are unchanged
    (capitalised when ``capital``). English: unchanged.

    >>> article_name("Association Récup", "fr"), article_name("Atelier Bray", "fr")
    ("l'Association Récup", 'Atelier Bray')
    """
    if lang != "fr":
        return name
    article = _article(name)
    out = (
        name
        if article is None
        else (f"{article}{name}" if article == "l'" else f"{article} {name}")
    )
    return out[:1].upper() + out[1:] if capital else out


def of_name(name: str, lang: str) -> str:
    """``name`` after "of": French contracts "de le" and "de les" and elides before a vowel.

    >>> [of_name(n, "fr") for n in ("Les Paniers", "Le Bocal", "Atelier Bray", "la Nef")]
    ['des Paniers', 'du Bocal', "d'Atelier Bray", 'de la Nef']
    >>> of_name("Les Paniers", "en")
    'of Les Paniers'
    """
    if lang != "fr":
        return f"of {name}"
    article = _article(name)
    if article == "le":
        return f"du {name}"
    if article is not None:
        return f"de {article}{name}" if article == "l'" else f"de la {name}"
    words = name.split(" ", 1)
    if len(words) == 2 and words[0] in ("Le", "le"):
        return f"du {words[1]}"
    if len(words) == 2 and words[0] in ("Les", "les"):
        return f"des {words[1]}"
    if len(words) == 2 and words[0] in ("La", "la"):
        return f"de la {words[1]}"
    if name[:2] in ("L'", "l'", "L’", "l’"):
        return f"de l'{name[2:]}"
    if name[:1] in _VOWELS:
        return f"d'{name}"
    return f"de {name}"


def join_names(names: Sequence[str], lang: str, *, limit: int = 5) -> str:
    """Names as a reader expects them: "A, B et C", or "A, B et 3 autres" past ``limit``.

    >>> join_names(["A", "B", "C"], "fr")
    'A, B et C'
    >>> join_names(["A", "B", "C", "D"], "en", limit=2)
    'A, B and 2 others'
    """
    names = list(names)
    if not names:
        return ""
    if len(names) > limit:
        return text("join.more", lang, names=", ".join(names[:limit]), count=len(names) - limit)
    if len(names) == 1:
        return names[0]
    return locale_for(lang).join(names)


def of_names(names: Sequence[str], lang: str, *, limit: int = 5) -> str:
    """Several names after "of", "de" repeated and contracted before each (French).

    >>> of_names(["A", "B"], "en")
    'of A and B'
    """
    if lang != "fr":
        return "of " + join_names(names, lang, limit=limit)
    return join_names([of_name(n, lang) for n in names], lang, limit=limit)


def article_names(names: Sequence[str], lang: str, *, limit: int = 5) -> str:
    """Several names, each with its article (French), joined."""
    return join_names([article_name(n, lang) for n in names], lang, limit=limit)
