"""The names shared by the questionnaires written and the answers read back.

Per-actor workbooks have a sheet ``liens`` (EN ``links``) with the columns ``partenaire``,
``type``, ``intensite``, ``commentaire``, ``connu`` (a relation already known, pre-filled),
``toujours vrai ?`` (the respondent's oui / non on a known relation, left empty) and two
hidden columns ``type_connu`` / ``intensite_connue`` (what was pre-filled, to tell a row
left as it was from a changed one);
sheets ``ressources`` and ``besoins``; a hidden sheet ``_questionnaire`` saying whose
workbook it is. The XLSForm names its questions as :data:`XLSFORM_FIELDS` says.

>>> sheet_role("Liens"), sheet_role("links"), sheet_role("Ressources"), sheet_role("x")
('links', 'links', 'resources', None)
>>> column_role("Partenaire"), column_role("Intensité"), column_role("Known")
('partner', 'weight', 'known')
>>> column_role("Toujours vrai ?"), column_role("still true?"), column_role("type_connu")
('still', 'still', 'known_type')
"""

from __future__ import annotations

from ..text_keys import key

META_SHEET = "_questionnaire"
LISTS_SHEET = "_listes"
SHEETS = {
    "links": ("liens", "links"),
    "resources": ("ressources", "resources"),
    "needs": ("besoins", "needs"),
    "intro": ("questionnaire", "questionnaire"),
}
COLUMNS = {
    "partner": ("partenaire", "partner"),
    "type": ("type", "type"),
    "weight": ("intensite", "weight"),
    "comment": ("commentaire", "comment"),
    "known": ("connu", "known"),
    "still": ("toujours vrai ?", "still true?"),
    "known_type": ("type_connu", "known_type"),
    "known_weight": ("intensite_connue", "known_weight"),
    "resource": ("ressource", "resource"),
    "need": ("besoin", "need"),
    "category": ("categorie", "category"),
}
_COLUMN_ALIASES = {
    "partenaires": "partner",
    "structure partenaire": "partner",
    "intensity": "weight",
    "type de lien": "type",
    "type de relation": "type",
    "remarque": "comment",
    "deja connu": "known",
    "toujours vrai": "still",
    "encore vrai": "still",
    "still true": "still",
    "category": "category",
}
WEIGHTS = ("1", "2", "3")
"""Intensities offered in the drop-down (1 weak, 2 regular, 3 strong); any number >= 0 is read."""
FREE_ROWS = 25
"""Empty rows left in ``liens`` for partners not in the roster."""
OFFER_ROWS = 12
"""Empty rows in ``ressources`` and ``besoins``."""

# The XLSForm: question names (they are the column headers of the exports).
XLSFORM_FIELDS = {
    "respondent": "repondant",
    "partners": "partenaires",
    "repeat": "lien",
    "partner": "partenaire_id",
    "partner_label": "partenaire_nom",
    "types": "types",
    "weight": "intensite",
    "comment": "commentaire",
    "others": "autres_partenaires",
    "resources": "ressources",
    "needs": "besoins",
}
ACTOR_LIST = "acteurs"
TYPE_LIST = "types_lien"
WEIGHT_LIST = "intensites"


def sheet_role(name: str) -> str | None:
    """Which sheet of a per-actor workbook ``name`` is (``links``, ``resources``, ``needs``)."""
    written = key(name)
    for role, names in SHEETS.items():
        if written in {key(n) for n in names}:
            return role
    return None


def column_role(header: str) -> str | None:
    """Which column of a per-actor workbook a header names."""
    written = key(header)
    for role, names in COLUMNS.items():
        if written in {key(n) for n in names}:
            return role
    found = _COLUMN_ALIASES.get(written) or _COLUMN_ALIASES.get(written + "s")
    return found
