"""The workbook contract of FORMAT.md section 1: sheets, their columns, and header matching.

Sheet names and headers match without regard to case, accents, spaces,
underscores or a trailing "s", in French or English.

>>> SHEETS_BY_KEY[key("Acteurs")].name, SHEETS_BY_KEY[key("LINKS")].name
('actors', 'relations')
>>> match_columns("actors", ["Nom", "Type", "Code INSEE"])
({'name': 0, 'type': 1}, {'Code INSEE': 2}, [])
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import cache

from ..text_keys import key


@dataclass(frozen=True)
class Column:
    """A column of the contract: its English field name and the headers that mean it."""

    field: str
    fr: str
    en: str
    required: bool = False
    aliases: tuple[str, ...] = ()

    def headers(self) -> tuple[str, ...]:
        return (self.fr, self.en, self.field, *self.aliases)


@dataclass(frozen=True)
class Sheet:
    """A sheet of the contract."""

    name: str  # internal (English) name
    fr: str
    en: str
    columns: tuple[Column, ...]
    required: bool = False
    aliases: tuple[str, ...] = ()

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)

    @property
    def required_fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.columns if c.required)


_RELATION_COLUMNS = (
    Column("source", "source", "source", True, ("de", "from", "origine", "acteur source")),
    Column(
        "target",
        "cible",
        "target",
        True,
        ("vers", "to", "destination", "destinataire", "acteur cible"),
    ),
    Column("type", "type", "type", True, ("type de relation", "relation", "nature")),
    Column("weight", "intensite", "weight", False, ("intensity", "poids", "force", "strength")),
    Column("directed", "oriente", "directed", False, ("orientation", "direction", "sens")),
    Column("start", "debut", "start", False, ("date de debut", "depuis", "since", "start date")),
    Column("end", "fin", "end", False, ("date de fin", "jusqu a", "until", "end date")),
    Column(
        "quantity",
        "quantite",
        "quantity",
        False,
        ("montant", "amount", "volume", "valeur", "value"),
    ),
    Column("unit", "unite", "unit", False, ()),
    Column(
        "comment", "commentaire", "comment", False, ("remarque", "note", "notes", "description")
    ),
)

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "actors",
        "acteurs",
        "actors",
        (
            Column("id", "id", "id", False, ("identifiant", "identifier", "code", "ref")),
            Column(
                "name",
                "nom",
                "name",
                True,
                (
                    "nom de l acteur",
                    "actor",
                    "acteur",
                    "label",
                    "organisation",
                    "structure",
                    "raison sociale",
                ),
            ),
            Column(
                "type",
                "type",
                "type",
                True,
                ("type d acteur", "actor type", "categorie", "category"),
            ),
            Column(
                "municipality",
                "commune",
                "municipality",
                False,
                ("ville", "city", "town", "localite"),
            ),
            Column("area", "territoire", "area", False, ("zone", "territory", "bassin")),
            Column(
                "sector", "secteur", "sector", False, ("secteur d activite", "domaine", "filiere")
            ),
            Column(
                "functions", "fonctions", "functions", False, ("fonctions de vie", "life functions")
            ),
            Column("role", "role", "role", False, ()),
            Column("influence", "influence", "influence", False, ("pouvoir", "power")),
            Column("interest", "interet", "interest", False, ("soutien", "support")),
            Column("latitude", "latitude", "latitude", False, ("lat",)),
            Column("longitude", "longitude", "longitude", False, ("lon", "lng", "long")),
        ),
        required=True,
        aliases=("acteur", "actor", "elements", "noeuds", "nodes"),
    ),
    Sheet(
        "relations",
        "relations",
        "links",
        _RELATION_COLUMNS,
        aliases=("liens", "relation", "connections", "edges", "aretes"),
    ),
    Sheet("flows", "flux", "flows", _RELATION_COLUMNS, aliases=("flow",)),
    Sheet(
        "dependencies",
        "interdependances",
        "dependencies",
        _RELATION_COLUMNS,
        aliases=("dependances", "interdependencies", "dependency"),
    ),
    Sheet(
        "collectives",
        "collectifs",
        "collectives",
        (
            Column("id", "id", "id", False, ("identifiant", "identifier", "code")),
            Column("name", "nom", "name", True, ("collectif", "collective", "label")),
            Column("type", "type", "type", True, ("type de collectif",)),
        ),
        aliases=("reseaux", "networks", "collectif"),
    ),
    Sheet(
        "memberships",
        "adhesions",
        "memberships",
        (
            Column("actor", "acteur", "actor", True, ("membre", "member", "adherent")),
            Column(
                "collective",
                "collectif",
                "collective",
                True,
                ("reseau", "network", "groupe", "group"),
            ),
            Column("role", "role", "role", False, ("college", "statut", "qualite")),
            Column("start", "debut", "start", False, ("depuis", "since", "date d adhesion")),
            Column("end", "fin", "end", False, ("jusqu a", "until")),
        ),
        aliases=("membres", "members", "adhesion", "membership"),
    ),
    Sheet(
        "resources",
        "ressources",
        "resources",
        (
            Column("actor", "acteur", "actor", True, ()),
            Column("resource", "ressource", "resource", True, ("offre", "offer", "description")),
            Column("category", "categorie", "category", False, ("type",)),
        ),
        aliases=("offres", "offers"),
    ),
    Sheet(
        "needs",
        "besoins",
        "needs",
        (
            Column("actor", "acteur", "actor", True, ()),
            Column("need", "besoin", "need", True, ("demande", "request", "description")),
            Column("category", "categorie", "category", False, ("type",)),
        ),
        aliases=("demandes", "requests"),
    ),
    Sheet(
        "people",
        "personnes",
        "people",
        (
            Column("id", "id", "id", False, ("identifiant", "identifier", "code")),
            Column("name", "nom", "name", True, ("personne", "person", "prenom nom", "nom prenom")),
            Column(
                "actor",
                "acteur",
                "actor",
                True,
                ("organisation", "organization", "structure", "employeur", "employer"),
            ),
            Column(
                "position",
                "fonction",
                "position",
                False,
                ("poste", "job", "job title", "titre", "title"),
            ),
        ),
        aliases=("contacts", "persons", "personne", "individus"),
    ),
    Sheet(
        "types",
        "types",
        "types",
        (
            Column("type", "type", "type", True, ("nom", "name")),
            Column("kind", "categorie", "kind", True, ("category", "nature")),
            Column("family", "famille", "family", False, ()),
            Column("directed", "oriente", "directed", False, ("direction",)),
            Column("color", "couleur", "color", False, ("colour",)),
            Column("label", "libelle", "label", False, ()),
        ),
        aliases=("vocabulaire", "vocabulary", "nomenclature"),
    ),
)

SHEETS_BY_NAME: dict[str, Sheet] = {s.name: s for s in SHEETS}
SHEETS_BY_KEY: dict[str, Sheet] = {}
for _sheet in SHEETS:
    for _alias in (_sheet.fr, _sheet.en, _sheet.name, *_sheet.aliases):
        SHEETS_BY_KEY.setdefault(key(_alias), _sheet)
# Relation-like sheets share columns; the sheets below are where relations come from.
RELATION_SHEETS = ("relations", "flows", "dependencies")
# Sheets whose content only informs the reader (instructions of the template...).
IGNORED_SHEET_KEYS = {
    key(n)
    for n in (
        "instructions",
        "mode d emploi",
        "lisez moi",
        "readme",
        "read me",
        "aide",
        "help",
        "notice",
        "listes",
        "lists",
        "_listes",
        "_lists",
    )
}


_ANNOTATION = re.compile(r"\([^)]*\)|\[[^\]]*\]|[*?!:#°]+")


def header_keys(written: str) -> tuple[str, ...]:
    """The keys a header or sheet name is looked up by: as written, then without annotations.

    People annotate headers with a scale, a unit or a star marking required columns.

    >>> header_keys("Influence (0-5)"), header_keys("Nom *"), header_keys("Type")
    (('influence 0 5', 'influence'), ('nom *', 'nom'), ('type',))
    """
    first = key(written)
    bare = key(_ANNOTATION.sub(" ", written))
    return (first, bare) if bare and bare != first else (first,)


def sheet_for(sheet_name: str) -> Sheet | None:
    """The contract sheet a workbook sheet name stands for, if any."""
    for candidate in header_keys(str(sheet_name)):
        if candidate in SHEETS_BY_KEY:
            return SHEETS_BY_KEY[candidate]
    return None


@cache
def _lookup(sheet: str) -> dict[str, str]:
    """Header key -> field of one contract sheet."""
    spec = SHEETS_BY_NAME[sheet]
    lookup: dict[str, str] = {}
    # Official names first so that an alias never hides a column's own name.
    for column in spec.columns:
        for header in (column.fr, column.en, column.field):
            lookup.setdefault(key(header), column.field)
    for column in spec.columns:
        for header in column.aliases:
            lookup.setdefault(key(header), column.field)
    return lookup


def field_for(sheet: str, header: str) -> str | None:
    """The field of contract sheet ``sheet`` a header stands for, if any.

    >>> field_for("relations", "Intensité (1 à 3)"), field_for("actors", "Budget")
    ('weight', None)
    """
    lookup = _lookup(sheet)
    for candidate in header_keys(header):
        if candidate in lookup:
            return lookup[candidate]
    return None


def match_columns(
    sheet: str, headers: list[str]
) -> tuple[dict[str, int], dict[str, int], list[tuple[str, list[int]]]]:
    """Map a sheet's headers to its fields.

    Returns ``(fields, extras, duplicates)``: the position of each recognised field,
    the position of every other (extra) column by its original header, and the
    fields written more than once with their positions (the first one is used).
    Extra headers written twice are both listed, the second as ``"Note (2)"``.
    """
    fields: dict[str, int] = {}
    extras: dict[str, int] = {}
    seen: dict[str, list[int]] = {}
    for position, header in enumerate(headers):
        if header is None or not str(header).strip():
            continue
        field = field_for(sheet, str(header))
        if field is None:
            extras[unique_name(str(header).strip(), extras)] = position
            continue
        seen.setdefault(field, []).append(position)
        fields.setdefault(field, position)
    duplicates = [(f, p) for f, p in seen.items() if len(p) > 1]
    return fields, extras, duplicates


def unique_name(name: str, taken: Container[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... when it is already taken.

    >>> unique_name("Note", {"Note", "Note (2)"})
    'Note (3)'
    """
    if name not in taken:
        return name
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"
