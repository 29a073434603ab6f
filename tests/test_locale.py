"""One locale per language; a third language needs its catalogue and its locale, nothing else.

The pseudo-language ``xx`` below is registered at run time exactly as a real one would be
written: a catalogue (every English text replaced by a marker ``⟦key⟧`` that keeps the
placeholders) and a :class:`Locale` whose dates, numbers, quotes and punctuation are
unlike French and English. Everything is then run in ``xx``: any French or English word or
format left in what a reader sees was written outside the catalogue and the locale.
"""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe import cli_output, messages
from territoire_graphe.messages import CATALOGUES, LOCALES, Locale, locale_for, text
from territoire_graphe.render import notebook
from territoire_graphe.render.map_data import build_map_data


# -- the two locales, by hand ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "day", "year"), [("fr", "15/03/2021", "2021"), ("en", "2021-03-15", "2021")]
)
def test_a_date_is_written_the_languages_way_and_a_bare_year_stays_a_year(lang, day, year):
    shown = locale_for(lang)
    assert shown.date(pd.Timestamp(2021, 3, 15)) == day
    assert shown.date("2021-01-01") == year  # the workbooks write a bare year as 1 January
    assert shown.date(None) is None and shown.date(pd.NaT) is None


def test_numbers_and_percentages_follow_the_language():
    fr, en = locale_for("fr"), locale_for("en")
    assert fr.number(1234567.891) == "1\u202f234\u202f567,89"
    assert en.number(1234567.891) == "1,234,567.89"
    assert fr.number(2.0) == en.number(2.0) == "2"
    assert fr.number(float("nan")) == "–"
    assert fr.percent(0.5) == "50\u00a0%" and en.percent(0.5) == "50%"


def test_french_takes_the_singular_for_zero_english_does_not():
    assert [locale_for("fr").plural(n) for n in (0, 1, 2)] == ["one", "one", "other"]
    assert [locale_for("en").plural(n) for n in (0, 1, 2)] == ["other", "one", "other"]


def test_quotes_colon_and_lists():
    fr, en = locale_for("fr"), locale_for("en")
    assert fr.quote("Acteurs") == "« Acteurs »" and en.quote("Actors") == '"Actors"'
    assert fr.label("Types", "4") == "Types : 4" and en.label("Types", "4") == "Types: 4"
    assert fr.join(["A", "B", "C"]) == "A, B et C" and en.join(["A", "B"]) == "A and B"
    assert fr.join(["A"]) == "A" and fr.join([]) == ""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Le Bocal", "du Bocal"),
        ("les Paniers", "des Paniers"),
        ("Atelier", "d'Atelier"),
        ("Halle", "d'Halle"),
        ("la Nef", "de la Nef"),
        ("Bray", "de Bray"),
    ],
)
def test_french_contracts_and_elides_de(name, expected):
    assert locale_for("fr").of(name) == expected
    assert locale_for("en").of(name) == f"of {name}"


def test_every_language_has_a_locale_and_a_catalogue():
    assert set(LOCALES) == set(CATALOGUES) == set(messages.LANGS)


# -- a third language -----------------------------------------------------------------------
_FIELD = re.compile(r"\{[^{}]*\}")


def _pseudo(key: str, template: str) -> str:
    """``⟦key⟧`` followed by the template's placeholders: no word of French or English."""
    fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    return f"⟦{key}⟧" + "".join(" {" + f + "}" for f in fields)


PSEUDO = Locale(
    code="xx",
    tag="x-pseudo",
    decimal="ˌ",
    group="ˈ",
    percent_format="{number}‰‰",
    date_format="%Y⁓%m⁓%d",
    sheet_date_format="yyyy.mm.dd",
    input_date_format="ÅÅÅÅ.MM.DD",
    quotes=("‹", "›"),
    colon=" ⁝ ",
    list_separator=" ⸴ ",
    list_and=" ⁊ ",
    semicolon=" ⁏ ",
    singular=lambda n: n == 1,
    of=lambda name: f"⸢{name}",
    missing_number="∅",
)


@pytest.fixture
def xx(monkeypatch):
    monkeypatch.setitem(LOCALES, "xx", PSEUDO)
    monkeypatch.setitem(
        CATALOGUES, "xx", {key: _pseudo(key, value) for key, value in CATALOGUES["en"].items()}
    )
    monkeypatch.setattr(messages, "LANGS", (*messages.LANGS, "xx"))
    return "xx"


# Names and types of the test territory: data, which no language translates.
ACTORS = [
    {"id": "q1", "name": "Q1", "type": "commune", "municipality": "Z1"},
    {"id": "q2", "name": "Q2", "type": "association", "municipality": "Z1"},
    {"id": "q3", "name": "Q3", "type": "association", "municipality": "Z2"},
    {"id": "q4", "name": "Q4", "type": "entreprise", "municipality": "Z2"},
    {"id": "q5", "name": "Q5", "type": "entreprise", "municipality": "Z2"},
    {"id": "q6", "name": "Q6", "type": "commune", "municipality": "Z3"},
]
TIES = [("q1", "q2"), ("q2", "q3"), ("q3", "q4"), ("q4", "q5"), ("q2", "q4")]


def _territory(date: str, ties=TIES) -> tg.Territory:
    return tg.Territory.from_records(
        actors=ACTORS,
        name="T",
        date=pd.Timestamp(date),
        relations=[{"source": s, "target": t, "type": "cooperation"} for s, t in ties],
    )


def _data_words(t: tg.Territory) -> set[str]:
    """What comes from the territory: names, ids, places. Not its types: the default types'
    labels come from the catalogue (``vocab.<kind>.<slug>``) like every other text."""
    words = {
        "T",
        "S9",
        "Q.xlsx",
        "actors",
        "name",
        "cooperation",
        *t.actors.index,
        *t.actors["name"],
        *t.actors["municipality"].dropna(),
    }
    return {w for w in words if w}


_LETTERS = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more


def leftovers(shown: str, data: set[str]) -> list[str]:
    """The words of ``shown`` that neither the catalogue nor the data wrote."""
    rest = re.sub(r"⟦[^⟧]*⟧", " ", shown)
    for word in sorted(data, key=len, reverse=True):
        rest = rest.replace(word, " ")
    return _LETTERS.findall(rest)


FORMATS = {
    "a French or English date": re.compile(r"\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2}"),
    "French quotes": re.compile("[«»]"),
    "a French or English number": re.compile(r"\d[\u202f,.]\d{3}\b|\d[,.]\d"),
    "a French or English percentage": re.compile(r"\d\s?%"),
}


def formats(shown: str) -> list[str]:
    return [name for name, pattern in FORMATS.items() if pattern.search(shown)]


def test_the_pseudo_language_locale_is_the_one_used(xx):
    assert text("join.more", xx, names="a", count=1234) == "⟦join.more⟧ a 1ˈ234"
    assert locale_for(xx).date("2021-03-15") == "2021⁓03⁓15"
    assert messages.format_number(1234.5, xx) == "1ˈ234ˌ5"


def _strings(value) -> list[str]:
    """Every text in nested lists and dicts, its ``{placeholders}`` (filled in the browser)
    taken out."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return [_FIELD.sub(" ", value)] if isinstance(value, str) else []


def _input_error(path, lang: str) -> str:
    """The message of a workbook whose second actor has no name."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "actors"
    for row in (["id", "name", "type"], ["q1", "Q1", "commune"], ["q2", None, "commune"]):
        sheet.append(row)
    book.save(path)
    with pytest.raises(tg.InputError) as error:
        tg.read(path, lang=lang)
    return str(error.value)


_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")  # a column or indicator name of FORMAT.md


def _report_cells(path) -> str:
    """The texts of the report, less the contract's identifiers and the provenance record
    (algorithm names, parameters and references, kept as the code wrote them)."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    cells = [*book.sheetnames]
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            if row and row[0] == "⟦report.section.provenance⟧":
                break
            cells += [c for c in row if isinstance(c, str) and not _IDENTIFIER.fullmatch(c)]
    return "\n".join(cells)


def test_everything_read_diagnosed_and_shown_in_a_third_language_is_its_own(xx, tmp_path):
    before, after = _territory("2023-01-01"), _territory("2024-03-15", [*TIES, ("q5", "q6")])
    data = _data_words(after)
    d = tg.diagnose(after, lang=xx)
    evolution = tg.diff(before, after, lang=xx)
    shown: dict[str, str] = {
        "findings": "\n".join(d.findings["text"]),
        "evolution findings": "\n".join(evolution.findings["text"]),
        "command line summary": cli_output.contents(after, xx, every=True),
        "demo summary": cli_output.summary(after, d, xx, "S9"),
        "notebook territory": notebook.territory_html(after, xx),
        "notebook diagnosis": notebook.diagnosis_html(d, xx),
    }
    page = build_map_data(after, d, lang=xx)
    meta = page["meta"]
    shown["map texts"] = "\n".join(
        _strings(
            [
                page["texts"],
                page["legend"],
                [n["card"] for n in page["nodes"]],
                [e.get("tip", "") for e in page["edges"]],
            ]
        )
    )
    shown["map captions"] = "\n".join(
        str(v) for k, v in meta.items() if isinstance(v, str) and k != "lang"
    )
    shown["input error"] = _input_error(tmp_path / "Q.xlsx", xx)
    shown["report"] = _report_cells(tg.to_excel(d, tmp_path / "Q_report.xlsx"))
    visible = {part: re.sub(r"<[^>]+>|&\w+;", " ", value) for part, value in shown.items()}
    found = {part: leftovers(value, data) for part, value in visible.items()}
    assert {part: words for part, words in found.items() if words} == {}
    assert {part: formats(value) for part, value in visible.items() if formats(value)} == {}
    assert "2024⁓03⁓15" in shown["demo summary"]  # the pseudo date format, not another
