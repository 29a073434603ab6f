"""One XLSForm (sheets ``survey``, ``choices``, ``settings``) for KoboToolbox, ODK and Enketo.

The form asks the respondent to choose its organisation from the roster, then the
organisations it works with (a multiple choice from the roster, itself excluded), then for
each of them, in a repeat group, the kinds of relation and their intensity; then partners
missing from the list, resources and needs. Choice names are the actors' ids when they
are valid XML names, otherwise ``a1``, ``a2``... in roster order (:func:`choice_names`),
so the export of the form reads back against the same roster.

>>> import tempfile, territoire_graphe as tg
>>> from pyxform.xls2xform import convert  # doctest: +SKIP
>>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_xlsform(t, Path(folder) / "kobo.xlsx", lang="fr")
...     import openpyxl
...     sheets = openpyxl.load_workbook(path).sheetnames
>>> sheets
['survey', 'choices', 'settings']
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from ..messages import text
from ..model import Territory
from ..render.safe_cells import write_value
from ..stable_xlsx import stable_zip
from ..text_keys import loose
from ..vocabulary import default_vocabulary
from .choices import Choices
from .layout import ACTOR_LIST, TYPE_LIST, WEIGHT_LIST, WEIGHTS, XLSFORM_FIELDS
from .questionnaire_excel import relation_type_labels, sender_line

_XML_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
F = XLSFORM_FIELDS


def choice_names(t: Territory) -> dict[str, str]:
    """The choice name of each actor in the form: its id when it can be one, else ``a<n>``.

    >>> from territoire_graphe import Territory
    >>> t = Territory.from_records(actors=[{"id": "A01", "name": "x", "type": "commune"},
    ...                                    {"id": "Ville de Creil", "name": "Ville de Creil",
    ...                                     "type": "commune"}])
    >>> choice_names(t)
    {'A01': 'A01', 'Ville de Creil': 'a2'}
    """
    out: dict[str, str] = {}
    used: set[str] = set()
    ids = [str(i) for i in t.actors.index]
    for position, actor in enumerate(ids, start=1):
        name = actor if _XML_NAME.fullmatch(actor) and actor not in used else f"a{position}"
        while name in used:
            name += "_"
        used.add(name)
        out[actor] = name
    return out


def type_choice_names(lang: str) -> dict[str, str]:
    """Choice name -> canonical relation type, for the types of the form."""
    vocabulary = default_vocabulary()
    out = {}
    for label in relation_type_labels(lang):
        entry = vocabulary.relation(vocabulary.match("relation", label).name)
        out[_slug(entry.name)] = entry.name
    return out


def _intro_note(lang: str, sender: str | None, contact: str | None) -> str:
    """The opening note; the sender's words are data: no ``${...}`` reference, no HTML."""
    line = sender_line(sender, contact, lang)
    if line is None:
        return text("collect.xlsform.intro", lang)
    safe = line.replace("${", "$ {").replace("<", "‹").replace(">", "›")
    return text("collect.xlsform.intro", lang) + "\n\n" + safe


def form_choices(t: Territory) -> dict[str, Choices]:
    """The choice lists of the roster's form, names and labels in French and English:
    ``actors``, ``types`` and ``weights`` (to read a "labels" export back)."""
    names = choice_names(t)
    vocabulary = default_vocabulary()
    types = []
    for lang in ("fr", "en"):
        for slug, canonical in type_choice_names(lang).items():
            types += [(slug, vocabulary.relation(canonical).label(lang)), (slug, canonical)]
    weights = [
        (w, text(f"collect.xlsform.weight_{w}", lang)) for lang in ("fr", "en") for w in WEIGHTS
    ]
    actors = [(names[str(a)], shown) for a, shown in t.actors["name"].astype(str).items()]
    return {"actors": Choices(actors), "types": Choices(types), "weights": Choices(weights)}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", loose(name)).strip("_") or "type"


def write_xlsform(
    t: Territory,
    path: Path,
    *,
    lang: str,
    sender: str | None = None,
    contact: str | None = None,
) -> Path:
    """Write the XLSForm of the roster ``t`` to ``path`` (.xlsx); returns the path.

    The form opens on a note saying what it is for, then who sends it and how to reply
    (``sender``, ``contact``) when given."""

    def say(key: str) -> str:
        return text(f"collect.xlsform.{key}", lang)

    partner = f"${{{F['partner_label']}}}"
    survey = [
        (
            "type",
            "name",
            "label",
            "hint",
            "required",
            "appearance",
            "choice_filter",
            "repeat_count",
            "calculation",
        ),
        ("note", "intro", _intro_note(lang, sender, contact), "", "", "", "", "", ""),
        (
            f"select_one {ACTOR_LIST}",
            F["respondent"],
            say("respondent"),
            say("respondent_hint"),
            "yes",
            "autocomplete",
            "",
            "",
            "",
        ),
        (
            f"select_multiple {ACTOR_LIST}",
            F["partners"],
            say("partners"),
            say("partners_hint"),
            "",
            "autocomplete",
            f"name != ${{{F['respondent']}}}",
            "",
            "",
        ),
        ("text", F["others"], say("others"), say("others_hint"), "", "multiline", "", "", ""),
        (
            "begin_repeat",
            F["repeat"],
            say("repeat"),
            "",
            "",
            "",
            "",
            f"count-selected(${{{F['partners']}}})",
            "",
        ),
        (
            "calculate",
            F["partner"],
            "",
            "",
            "",
            "",
            "",
            "",
            f"selected-at(${{{F['partners']}}}, position(..) - 1)",
        ),
        (
            "calculate",
            F["partner_label"],
            "",
            "",
            "",
            "",
            "",
            "",
            f"jr:choice-name(${{{F['partner']}}}, '${{{F['partners']}}}')",
        ),
        (
            f"select_multiple {TYPE_LIST}",
            F["types"],
            say("types").format(partner=partner),
            "",
            "yes",
            "",
            "",
            "",
            "",
        ),
        (
            f"select_one {WEIGHT_LIST}",
            F["weight"],
            say("weight").format(partner=partner),
            "",
            "",
            "",
            "",
            "",
            "",
        ),
        ("text", F["comment"], say("comment"), "", "", "", "", "", ""),
        ("end_repeat", "", "", "", "", "", "", "", ""),
        ("text", F["resources"], say("resources"), say("lines_hint"), "", "multiline", "", "", ""),
        ("text", F["needs"], say("needs"), say("lines_hint"), "", "multiline", "", "", ""),
    ]
    choices: list[tuple[str, str, str]] = [("list_name", "name", "label")]
    names = choice_names(t)
    for actor, shown in t.actors["name"].astype(str).items():
        choices.append((ACTOR_LIST, names[str(actor)], shown))
    vocabulary = default_vocabulary()
    for slug, canonical in type_choice_names(lang).items():
        entry = vocabulary.relation(canonical)
        choices.append((TYPE_LIST, slug, entry.label(lang)))
    for weight in WEIGHTS:
        choices.append((WEIGHT_LIST, weight, say(f"weight_{weight}")))
    form_id = "enquete_" + (_slug(t.name) or "territoire")
    settings = [
        ("form_title", "form_id", "version", "allow_choice_duplicates"),
        (text("collect.xlsform.title", lang, territory=t.name), form_id[:60], "1", "yes"),
    ]
    book = Workbook()
    book.remove(book.active)
    for title, rows in (("survey", survey), ("choices", choices), ("settings", settings)):
        ws = book.create_sheet(title)
        for number, row in enumerate(rows, start=1):
            for position, value in enumerate(row, start=1):
                if value != "":
                    write_value(ws.cell(row=number, column=position), value)
        for cell in ws[1]:
            cell.font = Font(bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue()))
    return path
