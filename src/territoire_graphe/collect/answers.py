"""Answers as read from any layout, before names are matched: who answered, and what they said.

Every reader (per-actor workbooks, form-tool exports, XLSForm exports) turns its file into
:class:`Answer` records; :mod:`.survey` matches the names and builds the territory.

>>> split_names("Ville de Creil; CAF de l'Oise\\nARDES, Mairie")
['Ville de Creil', "CAF de l'Oise", 'ARDES', 'Mairie']
>>> relation_types("coopération, financement", default="interconnaissance")
['coopération', 'financement']
>>> relation_types("Oui", default="interconnaissance"), relation_types("", default="x")
(['interconnaissance'], [])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..io.values import as_text, parse_date, parse_number
from ..text_keys import key, loose

_SEPARATORS = re.compile(r"[;\n\r,|]+")
_TICKED = frozenset({"oui", "x", "yes", "true", "vrai", "1", "✓", "✔", "ok", "o", "y"})
_NOT_TICKED = frozenset(
    {
        "non",
        "no",
        "false",
        "faux",
        "0",
        "aucun",
        "aucune",
        "none",
        "-",
        "n a",
        "na",
        "sans objet",
        "pas de lien",
    }
)


@dataclass
class Partner:
    """One partner named in an answer, with the relation types said for it."""

    cited: str
    types: list[str]
    weight: float | None = None
    comment: str | None = None
    known: bool = False  # pre-filled in the questionnaire (a relation already known)
    denied: bool = False  # pre-filled, and the respondent cleared it
    choice: str | None = None  # the form's choice name, when the answer gave one


@dataclass
class Answer:
    """One answer: the respondent as written, where it was read, its partners, resources, needs."""

    respondent: str | None
    file: str
    sheet: str | None
    row: int | None
    when: pd.Timestamp | None = None
    respondent_id: str | None = None  # given by the questionnaire itself (per-actor workbook)
    respondent_choice: str | None = None  # the form's choice name
    partners: list[Partner] = field(default_factory=list)
    resources: list[tuple[str, str | None]] = field(default_factory=list)
    needs: list[tuple[str, str | None]] = field(default_factory=list)
    order: int = 0  # reading order, to keep the latest of two answers without a date


def split_names(value: Any) -> list[str]:
    """Names listed in one cell, separated by ``;``, ``,``, ``|`` or new lines."""
    written = as_text(value)
    if not written:
        return []
    out = []
    for part in _SEPARATORS.split(written):
        name = " ".join(part.strip(" -•*\t").split())
        if name and loose(name) not in _NOT_TICKED:
            out.append(name)
    return out


def split_lines(value: Any) -> list[str]:
    """Items of a free-text answer: one per line, or separated by ``;``."""
    written = as_text(value)
    if not written:
        return []
    return [
        " ".join(p.strip(" -•*\t").split())
        for p in re.split(r"[;\n\r]+", written)
        if p.strip(" -•*\t")
    ]


def relation_types(value: Any, *, default: str) -> list[str]:
    """Relation types written in a cell; a ticked cell ("oui", "x") means ``default``."""
    written = as_text(value)
    if not written:
        return []
    if loose(written) in _TICKED:
        return [default]
    if loose(written) in _NOT_TICKED:
        return []
    parts = [" ".join(p.split()) for p in re.split(r"[;\n\r,]+", written) if p.strip()]
    return [default if loose(p) in _TICKED else p for p in parts if loose(p) not in _NOT_TICKED]


def weight_of(value: Any) -> float | None:
    """An intensity: a number >= 0 (decimal comma accepted), or None."""
    number = parse_number(value) if as_text(value) else None
    return number if number is not None and number >= 0 else None


def timestamp_of(value: Any) -> pd.Timestamp | None:
    """A submission time, whatever the form tool wrote (ISO, JJ/MM/AAAA HH:MM, Excel)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        return value
    written = as_text(value)
    if not written:
        return None
    try:
        found = pd.to_datetime(
            written, dayfirst=not re.match(r"\d{4}-", written), utc=True
        ).tz_localize(None)
        return pd.Timestamp(found)
    except (ValueError, TypeError, OverflowError):
        return parse_date(value)


# Headers of the columns a form tool adds, or that name the respondent.
_TIME_HEADERS = (
    "horodateur",
    "timestamp",
    "submission time",
    "submissiontime",
    "date de soumission",
    "heure de fin",
    "completion time",
    "end time",
    "date de fin",
    "submitdate",
    "date submitted",
    "date d envoi",
    "end",
    "submission date",
    "soumis le",
    "date",
)
_EMAIL_HEADERS = (
    "e mail",
    "email",
    "courriel",
    "adresse e mail",
    "adresse mail",
    "mail",
    "email address",
)
_RESPONDENT_HEADERS = (
    "structure",
    "organisation",
    "organisme",
    "votre nom",
    "nom de la structure",
    "nom de votre structure",
    "votre structure",
    "votre organisation",
    "votre organisme",
    "your organisation",
    "your organization",
    "organization",
    "respondent",
    "repondant",
    "nom",
    "name",
)
_RESOURCE_HEADERS = (
    "ressource",
    "resources",
    "resource",
    "pouvez offrir",
    "can offer",
    "vous pouvez apporter",
)
_NEED_HEADERS = ("besoin", "need", "vous manque", "lacks", "manque")
_PARTNER_HEADERS = (
    "partenaire",
    "partner",
    "structures avec",
    "en lien",
    "travaillez",
    "quelle structure",
    "quelles structures",
    "collaborez",
    "cooperez avec",
    "work with",
    "in touch",
    "vous connaissez",
    "you know",
    "cooperez",
    "organisations",
)


def header_kind(header: str) -> str | None:
    """What a form-tool export column holds: ``time``, ``email``, ``respondent``,
    ``resources``, ``needs``, ``partners`` (free text), or None.

    >>> [header_kind(h) for h in ("Horodateur", "Adresse e-mail", "Nom de votre structure",
    ...                           "Vos besoins", "Structures avec qui vous travaillez", "Âge")]
    ['time', 'email', 'respondent', 'needs', 'partners', None]
    """
    written = loose(header)
    padded = f" {key(header)} {written} "
    if written in _TIME_HEADERS or written.startswith(("horodat", "timestamp")):
        return "time"
    if written in _EMAIL_HEADERS or "mail" in written.split() or "courriel" in written:
        return "email"
    for kind, words in (
        ("needs", _NEED_HEADERS),
        ("resources", _RESOURCE_HEADERS),
        ("partners", _PARTNER_HEADERS),
    ):
        if any(f" {w} " in padded or (len(w) > 6 and w in written) for w in words):
            return kind
    if written in _RESPONDENT_HEADERS or any(f" {w} " in padded for w in _RESPONDENT_HEADERS[:9]):
        return "respondent"
    return None


_GRID = (
    re.compile(r"^(?P<q>.*\S)\s*\[(?P<a>[^\]]+)\]\s*$"),
    re.compile(r"^(?P<q>.*\S)\s+[-–—:]\s+(?P<a>.+)$"),
    re.compile(r"^(?P<q>[^.]*\S)\.(?P<a>[^.].*)$"),
)


def grid_column(header: str) -> tuple[str, str] | None:
    """``(question, actor)`` for a grid column headed ``Question [Actor]``, ``Question.Actor``
    or ``Question - Actor``; None otherwise.

    >>> grid_column("Vos liens [Ville de Creil]")
    ('Vos liens', 'Ville de Creil')
    >>> grid_column("Liens.CAF de l'Oise"), grid_column("Horodateur")
    (('Liens', "CAF de l'Oise"), None)
    """
    for pattern in _GRID:
        found = pattern.match(str(header).strip())
        if found:
            return found["q"].strip(), found["a"].strip()
    return None


def type_from_header(header: str, vocabulary: Any, default: str) -> str:
    """The relation type a question speaks of ("Qui vous finance ?" -> financement), else ``default``."""
    written = f" {key(header)} "
    stems = {w[:6] for w in written.split() if len(w) >= 6 and w not in _GENERIC_WORDS}
    best, length = default, 0
    for entry in vocabulary.entries["relation"].values():
        for name in (entry.name, entry.label_en, *entry.aliases):
            word = key(name)
            if word in _GENERIC_WORDS or len(word) < 5 or len(word) <= length:
                continue
            # the word itself, or its first six letters ("financiers" ~ "financement")
            if f" {word} " in written or (" " not in word and word[:6] in stems):
                best, length = entry.name, len(word)
    return best


# Words every partner question uses: they say nothing of the relation's type.
_GENERIC_WORDS = frozenset({"partenaire", "partner", "contact", "lien", "link", "relation"})
