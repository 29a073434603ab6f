"""The default vocabulary of a territory: actor, relation and collective types, fonctions de vie.

Every type has a canonical French name (the value stored in tables), a label per
language in the message catalogue (``vocab.<kind>.<slug>``, :func:`label_key`), aliases (English names, common spellings, acronyms such as "EPCI" or
"CCAS") and, for actor types, a colour. Matching ignores case, accents,
punctuation and plurals. A workbook's ``types`` sheet extends or overrides it
(:meth:`Vocabulary.extended`).

>>> voc = default_vocabulary()
>>> voc.match("actor", "EPCI").name
'intercommunalité'
>>> voc.match("relation", "Cooperation").name
'coopération'
>>> voc.relation("financement").family, voc.relation("financement").directed
('flux', True)
>>> m = voc.match("actor", "asociation")
>>> m.status, m.suggestion
('typo', 'association')
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal

from .messages import LANGS, has_text, resolve_lang, text
from .text_keys import key, loose

Kind = Literal["actor", "relation", "collective", "function"]
Family = Literal["lien", "flux", "interdependance"]
FAMILIES: tuple[Family, ...] = ("lien", "flux", "interdependance")
TIE, FLOW, DEPENDENCY = FAMILIES
GENERIC_FLOW = "flux"
GENERIC_DEPENDENCY = "interdépendance"
TENSION = "tension"
UNKNOWN_COLOR = "#BBBBBB"

# Colour-blind-safe colours (Okabe & Ito 2008; Tol 2021 "bright", "muted" and "light"
# schemes), grouped by hue: public authorities in blues, the market in orange,
# the social economy in greens, funders in yellow, knowledge in purple.
_ACTOR_TYPES: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "commune",
        "#0072B2",
        ("municipality", "town", "city", "mairie", "ville", "municipalite", "village"),
    ),
    (
        "intercommunalité",
        "#56B4E9",
        (
            "intercommunality",
            "EPCI",
            "communauté de communes",
            "communauté d'agglomération",
            "agglomération",
            "agglo",
            "métropole",
            "communauté urbaine",
            "PETR",
            "pays",
            "syndicat mixte",
            "CC",
            "CA",
            "inter-municipality",
        ),
    ),
    (
        "département",
        "#332288",
        ("department", "departement", "conseil départemental", "county", "CD"),
    ),
    ("région", "#88CCEE", ("region", "conseil régional", "CR", "regional council")),
    (
        "État / service déconcentré",
        "#4477AA",
        (
            "État",
            "etat",
            "state",
            "préfecture",
            "sous-préfecture",
            "service de l'État",
            "service déconcentré",
            "DDT",
            "DDTM",
            "DREETS",
            "DDETS",
            "DRAAF",
            "ARS",
            "government",
            "state service",
        ),
    ),
    (
        "établissement public",
        "#99DDFF",
        (
            "public body",
            "public agency",
            "établissement public",
            "CAF",
            "CCAS",
            "CIAS",
            "CPAM",
            "MSA",
            "France Travail",
            "Pôle emploi",
            "mission locale",
            "ADEME",
            "EPIC",
            "EPA",
            "hôpital",
            "hospital",
            "office de tourisme",
        ),
    ),
    (
        "chambre consulaire",
        "#AA4499",
        (
            "chamber",
            "chamber of commerce",
            "CCI",
            "CMA",
            "chambre des métiers",
            "chambre des métiers et de l'artisanat",
            "chambre d'agriculture",
            "chambre de commerce",
            "consular chamber",
        ),
    ),
    (
        "entreprise",
        "#E69F00",
        (
            "business",
            "company",
            "firm",
            "enterprise",
            "PME",
            "TPE",
            "SARL",
            "SAS",
            "artisan",
            "commerce",
            "commerçant",
            "exploitation agricole",
            "agriculteur",
            "farm",
            "shop",
        ),
    ),
    (
        "entreprise de l'ESS",
        "#009E73",
        (
            "ESS",
            "social economy",
            "social enterprise",
            "social-economy enterprise",
            "SCOP",
            "SCIC",
            "coopérative",
            "cooperative",
            "SIAE",
            "entreprise d'insertion",
            "structure d'insertion",
            "atelier chantier d'insertion",
            "ACI",
            "entreprise à but d'emploi",
            "EBE",
            "entreprise adaptée",
            "ESAT",
            "entreprise sociale",
            "entreprise solidaire",
        ),
    ),
    (
        "association",
        "#999933",
        (
            "association",
            "asso",
            "non-profit",
            "nonprofit",
            "NGO",
            "ONG",
            "charity",
            "association loi 1901",
            "club",
        ),
    ),
    ("fondation", "#DDCC77", ("foundation", "fonds de dotation", "endowment fund")),
    (
        "financeur",
        "#F0E442",
        (
            "funder",
            "banque",
            "bank",
            "mutuelle",
            "mutual insurer",
            "assureur",
            "insurer",
            "investisseur",
            "investor",
            "financeur solidaire",
            "caisse",
        ),
    ),
    (
        "formation / recherche",
        "#CC79A7",
        (
            "training",
            "research",
            "training / research",
            "formation",
            "recherche",
            "université",
            "university",
            "école",
            "school",
            "lycée",
            "collège",
            "laboratoire",
            "laboratory",
            "organisme de formation",
            "centre de formation",
            "CFA",
            "GRETA",
        ),
    ),
    (
        "tête de réseau / accompagnement",
        "#882255",
        (
            "support network",
            "network head",
            "tête de réseau",
            "accompagnement",
            "accompagnateur",
            "support organisation",
            "support organization",
            "CRESS",
            "incubateur",
            "incubator",
            "agence de développement",
            "development agency",
            "DLA",
            "France Active",
        ),
    ),
    (
        "bailleur social",
        "#EE8866",
        (
            "social landlord",
            "social housing",
            "HLM",
            "OPH",
            "bailleur",
            "logement social",
            "housing association",
        ),
    ),
    (
        "citoyens / collectif d'habitants",
        "#D55E00",
        (
            "citizens",
            "citizen",
            "citoyen",
            "citoyens",
            "habitants",
            "habitant",
            "residents",
            "resident",
            "collectif d'habitants",
            "residents group",
            "conseil citoyen",
            "collectif citoyen",
            "inhabitants",
        ),
    ),
    ("autre", UNKNOWN_COLOR, ("other", "autres", "divers", "misc")),
]

# (name, family, directed by default, aliases); labels in the catalogue
_RELATION_TYPES: list[tuple[str, Family, bool, tuple[str, ...]]] = [
    (
        "interconnaissance",
        TIE,
        False,
        (
            "acquaintance",
            "knows",
            "know each other",
            "se connaissent",
            "connaissance",
            "interconnaissance",
            "contact",
            "lien",
        ),
    ),
    (
        "coopération",
        TIE,
        False,
        (
            "cooperation",
            "collaboration",
            "coopere",
            "coopèrent",
            "travail en commun",
            "projet commun",
            "joint project",
            "works with",
        ),
    ),
    ("partenariat", TIE, False, ("partnership", "partenaire", "partner")),
    (
        "convention",
        TIE,
        False,
        ("agreement", "contract", "contrat", "convention de partenariat", "accord"),
    ),
    (
        "gouvernance",
        TIE,
        False,
        (
            "governance",
            "board",
            "siège",
            "seat",
            "conseil d'administration",
            "administrateur",
            "board seat",
        ),
    ),
    (
        TENSION,
        TIE,
        False,
        (
            "tension",
            "conflict",
            "conflit",
            "désaccord",
            "disagreement",
            "rivalry",
            "rivalité",
            "concurrence",
        ),
    ),
    (GENERIC_FLOW, FLOW, True, ("flow", "flux", "échange", "exchange")),
    (
        "financement",
        FLOW,
        True,
        (
            "funding",
            "finance",
            "financing",
            "subvention",
            "grant",
            "subsidy",
            "don",
            "donation",
            "mécénat",
            "sponsorship",
            "prêt",
            "loan",
            "investissement",
            "investment",
        ),
    ),
    (
        "achat / prestation",
        FLOW,
        True,
        (
            "purchase",
            "service",
            "purchase / service",
            "achat",
            "prestation",
            "commande",
            "marché public",
            "public procurement",
            "vente",
            "sale",
            "client",
            "fournisseur",
            "supplier",
        ),
    ),
    (
        "biens / matières",
        FLOW,
        True,
        (
            "goods",
            "materials",
            "goods / materials",
            "biens",
            "matières",
            "matériaux",
            "produits",
            "products",
            "déchets",
            "waste",
            "denrées",
            "food supply",
        ),
    ),
    (
        "information",
        FLOW,
        True,
        ("information", "info", "informations", "données", "data", "conseil", "advice"),
    ),
    (
        "mise à disposition",
        FLOW,
        True,
        (
            "provision",
            "provision of resources",
            "mise à dispo",
            "mise à disposition de locaux",
            "prêt de matériel",
            "lending",
            "hébergement",
            "hosting",
            "locaux",
            "premises",
        ),
    ),
    (
        "personnes",
        FLOW,
        True,
        (
            "people",
            "persons",
            "orientation",
            "orientation de publics",
            "referral",
            "referrals",
            "bénéficiaires",
            "public orienté",
            "staff",
            "bénévoles",
            "volunteers",
            "salariés",
        ),
    ),
    (
        GENERIC_DEPENDENCY,
        DEPENDENCY,
        True,
        ("interdependency", "interdependence", "interdépendance"),
    ),
    (
        "dépendance",
        DEPENDENCY,
        True,
        ("dependency", "dependence", "depends on", "dépend de", "dependance"),
    ),
    (
        "mutualisation",
        DEPENDENCY,
        False,
        (
            "pooling",
            "pooled resource",
            "shared resource",
            "mutualisé",
            "ressource partagée",
            "mise en commun",
            "sharing",
            "partage",
        ),
    ),
    (
        "effet utile",
        DEPENDENCY,
        True,
        (
            "useful effect",
            "useful effects",
            "effets utiles",
            "spillover",
            "externalité",
            "externality",
            "bénéfice indirect",
            "indirect benefit",
        ),
    ),
]

_COLLECTIVE_TYPES: list[tuple[str, tuple[str, ...]]] = [
    (
        "PTCE",
        ("pôle territorial de coopération économique", "territorial economic cooperation hub"),
    ),
    (
        "SCIC",
        ("société coopérative d'intérêt collectif", "multi-stakeholder cooperative"),
    ),
    (
        "tiers-lieu",
        (
            "third place",
            "third-place",
            "tiers lieu",
            "tiers-lieux",
            "fablab",
            "espace de coworking",
            "coworking",
        ),
    ),
    (
        "GAL LEADER",
        ("LEADER", "GAL", "groupe d'action locale", "local action group", "LAG"),
    ),
    ("cluster", ("pôle de compétitivité", "grappe d'entreprises", "pôle")),
    (
        "réseau / fédération",
        ("network", "federation", "réseau", "fédération", "union", "collectif"),
    ),
    (
        "groupe de travail",
        ("working group", "commission", "atelier", "groupe projet", "task force"),
    ),
    (
        "comité de pilotage",
        ("steering committee", "COPIL", "comité de suivi", "comité technique", "COTECH"),
    ),
]

_FUNCTIONS: list[tuple[str, tuple[str, ...]]] = [
    (
        "se nourrir",
        (
            "s'alimenter",
            "alimentation",
            "food",
            "eating",
            "nourriture",
            "agriculture",
            "restauration",
        ),
    ),
    ("se soigner", ("santé", "sante", "health", "care", "soins", "prévention")),
    ("habiter", ("logement", "housing", "habitat", "living", "se loger")),
    (
        "se déplacer",
        ("mobilité", "mobility", "transport", "transports", "déplacements", "getting around"),
    ),
    (
        "se former",
        (
            "formation",
            "éducation",
            "education",
            "training",
            "learning",
            "apprendre",
            "enseignement",
        ),
    ),
    (
        "travailler",
        (
            "emploi",
            "travail",
            "work",
            "employment",
            "insertion",
            "jobs",
            "insertion professionnelle",
        ),
    ),
    (
        "se cultiver",
        ("culture", "loisirs", "leisure", "arts", "sport", "sports", "se divertir"),
    ),
]


@dataclass(frozen=True)
class TypeEntry:
    """One type of the vocabulary."""

    kind: Kind
    name: str
    label_en: str
    aliases: tuple[str, ...] = ()
    color: str | None = None
    family: Family | None = None
    directed: bool | None = None
    custom: bool = False

    def label(self, lang: str | None = "fr") -> str:
        """The type's name for a reader of ``lang``.

        A default type's label is the catalogue's (``vocab.<kind>.<slug>``); a workbook's
        own type reads as its name, or in English as the ``label`` the workbook gave it
        (which also wins over the catalogue's English label of a default type it overrides).

        >>> entry = default_vocabulary().actor("commune")
        >>> entry.label("fr"), entry.label("en")
        ('commune', 'municipality')
        """
        code = resolve_lang(lang)
        catalogued = label_key(self.kind, self.name)
        if has_text(catalogued) and (code != "en" or self.label_en == text(catalogued, "en")):
            return text(catalogued, code)
        return self.label_en if code == "en" else self.name


@dataclass(frozen=True)
class Match:
    """Result of looking a written type up: ``status`` is ``known``, ``typo`` or ``unknown``."""

    name: str
    status: Literal["known", "typo", "unknown"]
    suggestion: str | None = None


@dataclass
class Vocabulary:
    """Types of actors, relations, collectives and fonctions de vie, looked up by any alias."""

    entries: dict[Kind, dict[str, TypeEntry]] = field(default_factory=dict)
    _index: dict[Kind, dict[str, str]] = field(default_factory=dict, repr=False)
    _memo: dict[tuple[Kind, str], Match] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for kind in ("actor", "relation", "collective", "function"):
            self.entries.setdefault(kind, {})
        self._reindex()

    def _reindex(self) -> None:
        self._memo.clear()
        self._index = {}
        for kind, entries in self.entries.items():
            index: dict[str, str] = {}
            # Aliases first, then names and English labels, so a canonical name always wins.
            for entry in entries.values():
                for alias in (*entry.aliases, *_labels(entry)):
                    index.setdefault(key(alias), entry.name)
            for entry in entries.values():
                index[key(entry.label_en)] = entry.name
            for entry in entries.values():
                index[key(entry.name)] = entry.name
            self._index[kind] = index

    # -- lookup -------------------------------------------------------------------------
    def match(self, kind: Kind, written: str) -> Match:
        """Find the canonical type for ``written`` (case, accents, plurals ignored).

        A value close to a known type (a probable typo) keeps its own spelling as a
        new type, with the suggestion; so does an unknown value.
        """
        memo_key = (kind, written)
        found = self._memo.get(memo_key)
        if found is not None:
            return found
        written_key = key(written)
        index = self._index[kind]
        if written_key in index:
            found = Match(index[written_key], "known")
        else:
            close = difflib.get_close_matches(written_key, list(index), n=1, cutoff=0.8)
            name = " ".join(str(written).split())
            if close and len(written_key) >= 4:
                found = Match(name, "typo", index[close[0]])
            else:
                found = Match(name, "unknown")
        self._memo[memo_key] = found
        return found

    def get(self, kind: Kind, name: str) -> TypeEntry | None:
        return self.entries[kind].get(name)

    def actor(self, name: str) -> TypeEntry | None:
        return self.entries["actor"].get(name)

    def relation(self, name: str) -> TypeEntry:
        """The relation type ``name``; an unknown one is an undirected tie (FORMAT.md)."""
        entry = self.entries["relation"].get(name)
        if entry is None:
            return TypeEntry("relation", name, name, family=TIE, directed=False, custom=True)
        return entry

    def color(self, actor_type: str) -> str:
        """The colour of an actor type; types without one get a stable colour of their own."""
        entry = self.entries["actor"].get(actor_type)
        if entry is not None and entry.color:
            return entry.color
        return _fallback_color(actor_type)

    def names(self, kind: Kind) -> list[str]:
        return list(self.entries[kind])

    # -- extension ----------------------------------------------------------------------
    def extended(self, entries: Iterable[TypeEntry]) -> Vocabulary:
        """A new vocabulary with ``entries`` added; an entry with a known name overrides it."""
        merged = {kind: dict(values) for kind, values in self.entries.items()}
        for entry in entries:
            existing = merged[entry.kind].get(entry.name)
            if existing is not None:
                entry = replace(
                    existing,
                    label_en=entry.label_en or existing.label_en,
                    color=entry.color or existing.color,
                    family=entry.family or existing.family,
                    directed=existing.directed if entry.directed is None else entry.directed,
                    aliases=existing.aliases + entry.aliases,
                    custom=True,
                )
            elif not entry.label_en:
                entry = replace(entry, label_en=entry.name)
            merged[entry.kind][entry.name] = entry
        return Vocabulary(merged)


# Extra colours for types a workbook adds without a colour (Tol "muted" and "light").
# None of them is the colour of a default actor type.
_EXTRA_COLORS = (
    "#CC6677",
    "#117733",
    "#44AA99",
    "#77AADD",
    "#FFAABB",
    "#BBCC33",
    "#AAAA00",
    "#EEDD88",
    "#44BB99",
    "#555555",
)


def _fallback_color(name: str) -> str:
    import zlib

    return _EXTRA_COLORS[zlib.crc32(name.encode("utf-8")) % len(_EXTRA_COLORS)]


def _build_default() -> Vocabulary:
    entries: dict[Kind, dict[str, TypeEntry]] = {
        "actor": {},
        "relation": {},
        "collective": {},
        "function": {},
    }
    for name, color, aliases in _ACTOR_TYPES:
        entries["actor"][name] = _default_entry("actor", name, aliases, color=color)
    for name, family, directed, aliases in _RELATION_TYPES:
        entries["relation"][name] = _default_entry(
            "relation", name, aliases, family=family, directed=directed
        )
    for name, aliases in _COLLECTIVE_TYPES:
        entries["collective"][name] = _default_entry("collective", name, aliases)
    for name, aliases in _FUNCTIONS:
        entries["function"][name] = _default_entry("function", name, aliases)
    return Vocabulary(entries)


@lru_cache(maxsize=4096)
def label_key(kind: str, name: str) -> str:
    """The catalogue key of a type's label: ``vocab.<kind>.<slug>``.

    >>> label_key("actor", "État / service déconcentré")
    'vocab.actor.etat_service_deconcentre'
    """
    return f"vocab.{kind}.{loose(name).replace(' ', '_')}"


def _default_entry(kind: Kind, name: str, aliases: tuple[str, ...], **more: Any) -> TypeEntry:
    """A default type, its English label read from the catalogue."""
    return TypeEntry(kind, name, text(label_key(kind, name), "en"), aliases, **more)


def _labels(entry: TypeEntry) -> list[str]:
    """The catalogue's label of ``entry`` in every language (a workbook may use any)."""
    catalogued = label_key(entry.kind, entry.name)
    return [text(catalogued, lang) for lang in LANGS] if has_text(catalogued) else []


_DEFAULT = _build_default()


def default_vocabulary() -> Vocabulary:
    """The default French vocabulary (shared, read-only: extend it with :meth:`Vocabulary.extended`)."""
    return _DEFAULT


FUNCTIONS_OF_LIFE: tuple[str, ...] = tuple(name for name, _ in _FUNCTIONS)
ACTOR_TYPES: tuple[str, ...] = tuple(name for name, *_ in _ACTOR_TYPES)
RELATION_TYPES: tuple[str, ...] = tuple(name for name, *_ in _RELATION_TYPES)
COLLECTIVE_TYPES: tuple[str, ...] = tuple(name for name, *_ in _COLLECTIVE_TYPES)
