"""The default vocabulary of a territory: actor, relation and collective types, fonctions de vie.

Every type has a canonical French name (the value stored in tables), an English
label, aliases (English names, common spellings, acronyms such as "EPCI" or
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
from typing import Literal

from .text_keys import key

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
_ACTOR_TYPES: list[tuple[str, str, str, tuple[str, ...]]] = [
    (
        "commune",
        "municipality",
        "#0072B2",
        ("municipality", "town", "city", "mairie", "ville", "municipalite", "village"),
    ),
    (
        "intercommunalité",
        "intercommunality",
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
        "département",
        "#332288",
        ("department", "departement", "conseil départemental", "county", "CD"),
    ),
    ("région", "region", "#88CCEE", ("region", "conseil régional", "CR", "regional council")),
    (
        "État / service déconcentré",
        "State / State service",
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
        "public body",
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
        "chamber of commerce / trades",
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
        "business",
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
        "social-economy enterprise",
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
    ("fondation", "foundation", "#DDCC77", ("foundation", "fonds de dotation", "endowment fund")),
    (
        "financeur",
        "funder",
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
        "training / research",
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
        "support network",
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
        "social landlord",
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
        "citizens / residents' group",
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
    ("autre", "other", UNKNOWN_COLOR, ("other", "autres", "divers", "misc")),
]

# (name, English label, family, directed by default, aliases)
_RELATION_TYPES: list[tuple[str, str, Family, bool, tuple[str, ...]]] = [
    (
        "interconnaissance",
        "acquaintance",
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
        "cooperation",
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
    ("partenariat", "partnership", TIE, False, ("partnership", "partenaire", "partner")),
    (
        "convention",
        "agreement",
        TIE,
        False,
        ("agreement", "contract", "contrat", "convention de partenariat", "accord"),
    ),
    (
        "gouvernance",
        "governance",
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
        "tension",
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
    (GENERIC_FLOW, "flow", FLOW, True, ("flow", "flux", "échange", "exchange")),
    (
        "financement",
        "funding",
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
        "purchase / service",
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
        "goods / materials",
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
        "information",
        FLOW,
        True,
        ("information", "info", "informations", "données", "data", "conseil", "advice"),
    ),
    (
        "mise à disposition",
        "provision of resources",
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
        "people",
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
        "interdependency",
        DEPENDENCY,
        True,
        ("interdependency", "interdependence", "interdépendance"),
    ),
    (
        "dépendance",
        "dependency",
        DEPENDENCY,
        True,
        ("dependency", "dependence", "depends on", "dépend de", "dependance"),
    ),
    (
        "mutualisation",
        "pooling",
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
        "useful effect",
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

_COLLECTIVE_TYPES: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "PTCE",
        "PTCE (territorial economic cooperation hub)",
        ("pôle territorial de coopération économique", "territorial economic cooperation hub"),
    ),
    (
        "SCIC",
        "SCIC (multi-stakeholder cooperative)",
        ("société coopérative d'intérêt collectif", "multi-stakeholder cooperative"),
    ),
    (
        "tiers-lieu",
        "third place",
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
        "LEADER local action group",
        ("LEADER", "GAL", "groupe d'action locale", "local action group", "LAG"),
    ),
    ("cluster", "cluster", ("pôle de compétitivité", "grappe d'entreprises", "pôle")),
    (
        "réseau / fédération",
        "network / federation",
        ("network", "federation", "réseau", "fédération", "union", "collectif"),
    ),
    (
        "groupe de travail",
        "working group",
        ("working group", "commission", "atelier", "groupe projet", "task force"),
    ),
    (
        "comité de pilotage",
        "steering committee",
        ("steering committee", "COPIL", "comité de suivi", "comité technique", "COTECH"),
    ),
]

_FUNCTIONS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "se nourrir",
        "food",
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
    ("se soigner", "health", ("santé", "sante", "health", "care", "soins", "prévention")),
    ("habiter", "housing", ("logement", "housing", "habitat", "living", "se loger")),
    (
        "se déplacer",
        "mobility",
        ("mobilité", "mobility", "transport", "transports", "déplacements", "getting around"),
    ),
    (
        "se former",
        "learning",
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
        "work",
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
        "culture",
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

    def label(self, lang: str = "fr") -> str:
        """The type's name for a reader of ``lang``."""
        return self.label_en if lang == "en" else self.name


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
                for alias in entry.aliases:
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
    for name, label, color, aliases in _ACTOR_TYPES:
        entries["actor"][name] = TypeEntry("actor", name, label, aliases, color=color)
    for name, label, family, directed, aliases in _RELATION_TYPES:
        entries["relation"][name] = TypeEntry(
            "relation", name, label, aliases, family=family, directed=directed
        )
    for name, label, aliases in _COLLECTIVE_TYPES:
        entries["collective"][name] = TypeEntry("collective", name, label, aliases)
    for name, label, aliases in _FUNCTIONS:
        entries["function"][name] = TypeEntry("function", name, label, aliases)
    return Vocabulary(entries)


_DEFAULT = _build_default()


def default_vocabulary() -> Vocabulary:
    """The default French vocabulary (shared, read-only: extend it with :meth:`Vocabulary.extended`)."""
    return _DEFAULT


FUNCTIONS_OF_LIFE: tuple[str, ...] = tuple(name for name, _, _ in _FUNCTIONS)
ACTOR_TYPES: tuple[str, ...] = tuple(name for name, *_ in _ACTOR_TYPES)
RELATION_TYPES: tuple[str, ...] = tuple(name for name, *_ in _RELATION_TYPES)
COLLECTIVE_TYPES: tuple[str, ...] = tuple(name for name, *_ in _COLLECTIVE_TYPES)
