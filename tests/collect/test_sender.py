"""Who sends the questionnaire, and how to reply, is printed on it (Excel and XLSForm)."""

from __future__ import annotations

import openpyxl
import pytest

import territoire_graphe as tg
from territoire_graphe.cli import main

xls2xform = pytest.importorskip("pyxform.xls2xform")


def first_sheet_lines(path) -> list[str]:
    ws = openpyxl.load_workbook(path).worksheets[0]
    return [c.value for c in ws["A"] if c.value]


def test_the_sender_and_contact_are_on_the_first_sheet_in_french(roster, tmp_path):
    paths = tg.write_questionnaire(
        roster, tmp_path, form="excel", sender="Marie Dupont, PTCE", contact="marie@ptce.fr"
    )
    lines = first_sheet_lines(paths[0])
    assert (
        "Questionnaire envoyé par Marie Dupont, PTCE. "
        "Pour le renvoyer ou pour toute question : marie@ptce.fr."
    ) in lines
    assert lines[2].startswith("Questionnaire envoyé par")
    assert all(first_sheet_lines(p).count(lines[2]) == 1 for p in paths)  # on every workbook


def test_the_sender_line_speaks_english(roster, tmp_path):
    paths = tg.write_questionnaire(roster, tmp_path, form="excel", lang="en", sender="Ann Lee")
    assert "Questionnaire sent by Ann Lee." in first_sheet_lines(paths[0])
    paths = tg.write_questionnaire(
        roster, tmp_path / "c", form="excel", lang="en", contact="+33 3 44"
    )
    assert "To send it back, or for any question: +33 3 44." in first_sheet_lines(paths[0])


def test_without_a_sender_nothing_is_said(roster, tmp_path):
    paths = tg.write_questionnaire(roster, tmp_path, form="excel")
    lines = first_sheet_lines(paths[0])
    assert not [line for line in lines if "envoyé par" in line or "question :" in line]
    form = tg.write_questionnaire(roster, tmp_path / "k.xlsx", form="xlsform")
    survey = openpyxl.load_workbook(form)["survey"]
    intro = next(r for r in survey.iter_rows(values_only=True) if r[1] == "intro")
    assert intro[0] == "note" and "envoyé" not in intro[2] and "{" not in intro[2]


def test_a_sender_that_looks_like_a_formula_stays_text(roster, tmp_path):
    evil = '=HYPERLINK("http://x.example","clic")'
    paths = tg.write_questionnaire(roster, tmp_path, form="excel", sender=evil, contact="@moi")
    ws = openpyxl.load_workbook(paths[0]).worksheets[0]
    cells = [c for c in ws["A"] if c.value and "HYPERLINK" in str(c.value)]
    assert len(cells) == 1 and cells[0].data_type == "s"
    assert cells[0].value.startswith("Questionnaire envoyé par =HYPERLINK")


def test_the_xlsform_intro_note_names_the_sender_and_still_converts(roster, tmp_path):
    path = tg.write_questionnaire(
        roster,
        tmp_path / "kobo.xlsx",
        form="xlsform",
        sender="Marie <b>Dupont</b> ${repondant}",
        contact="marie@ptce.fr",
    )
    rows = list(openpyxl.load_workbook(path)["survey"].iter_rows(values_only=True))
    assert rows[1][:2] == ("note", "intro")  # the form opens on it
    note = rows[1][2]
    assert "Questionnaire envoyé par Marie" in note and "marie@ptce.fr" in note
    assert "${repondant}" not in note and "<b>" not in note  # the sender's words are data
    xform = xls2xform.convert(str(path)).xform
    assert "marie@ptce.fr" in xform and "Questionnaire envoyé par Marie" in xform


def test_the_english_xlsform_intro_converts(roster, tmp_path):
    path = tg.write_questionnaire(
        roster, tmp_path / "kobo.xlsx", form="xlsform", lang="en", sender="Ann", contact="a@b.org"
    )
    xform = xls2xform.convert(str(path)).xform
    assert "Questionnaire sent by Ann. To send it back, or for any question: a@b.org." in xform


def test_the_command_line_takes_sender_and_contact(roster, tmp_path, capsys):
    book = tmp_path / "repertoire.xlsx"
    from territoire_graphe.collect.workbook import write_territory

    write_territory(roster, book)
    out = tmp_path / "q"
    code = main(
        ["questionnaire", str(book), "-o", str(out), "--sender", "CRESS", "--contact", "c@cress.fr"]
    )
    assert code == 0
    first = sorted(out.glob("*.xlsx"))[0]
    assert (
        "Questionnaire envoyé par CRESS. Pour le renvoyer ou pour toute question : c@cress.fr."
        in first_sheet_lines(first)
    )
