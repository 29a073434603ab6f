"""Bad and hostile input: unknown types, formulas in names, files that are not answers."""

from __future__ import annotations

import openpyxl
import pytest

import territoire_graphe as tg

from .test_exports import write_csv

xls2xform = pytest.importorskip("pyxform.xls2xform")


def test_an_unknown_relation_type_is_kept_with_a_warning(roster, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(
        "Structure;Liens [ARDES];Liens [CAF de l'Oise]\n"
        "Ville de Creil;troc de services;cooperaton\n",
        encoding="utf-8",
    )
    s = tg.read_survey(path, roster=roster)
    warned = [w for w in s.warnings if w.code == "survey_type_unknown"]
    assert sorted(w.message.split("«")[1].split("»")[0].strip() for w in warned) == [
        "cooperaton",
        "troc de services",
    ]
    assert {"troc de services", "cooperaton"} <= set(s.territory.relations["type"])


def test_names_that_look_like_formulas_stay_text_in_the_review(roster, tmp_path):
    path = write_csv(
        tmp_path / "x.csv",
        [["Structure", "Partenaires"], ["ARDES", '=HYPERLINK("http://x","y"); +33 3 44']],
    )
    s = tg.read_survey(path, roster=roster)
    review = s.write_review(tmp_path / "revue.xlsx")
    ws = openpyxl.load_workbook(review).active
    cells = [ws.cell(row=r, column=1) for r in range(2, ws.max_row + 1)]
    # the comma inside the formula separates two names, as in any free-text answer
    assert {c.value for c in cells} == {'=HYPERLINK("http://x"', '"y")', "+33 3 44"}
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells if c.value.startswith(("=", "+")))
    assert not any(str(a).startswith("=") for a in s.territory.actors["name"])


def test_a_workbook_that_is_no_answer_is_an_input_error_naming_it(roster, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Budget", "Montant"])
    book.active.append(["Salles", 1200])
    book.save(tmp_path / "notes.xlsx")
    with pytest.raises(tg.InputError) as error:
        tg.read_survey(tmp_path, roster=roster)
    assert error.value.problems[0].file == "notes.xlsx"
    assert error.value.problems[0].code == "survey_respondent_column_unknown"


def test_the_english_xlsform_converts_too(roster, tmp_path):
    path = tg.write_questionnaire(roster, tmp_path / "form.xlsx", form="xlsform", lang="en")
    xform = xls2xform.convert(str(path)).xform
    assert "Which organisations are you in touch with?" in xform


def test_the_roster_given_as_a_path_and_the_answers_as_several_files(roster, tmp_path):
    from territoire_graphe.collect import write_territory

    book = write_territory(roster, tmp_path / "repertoire.xlsx")
    a = write_csv(tmp_path / "a.csv", [["Structure", "Partenaires"], ["ARDES", "CAF Oise"]])
    b = write_csv(tmp_path / "b.csv", [["Structure", "Partenaires"], ["CAF de l'Oise", "ARDES"]])
    s = tg.read_survey([a, b], roster=book)
    pair = s.territory.relations[s.territory.relations["type"] == "interconnaissance"]
    assert len(pair) == 1 and bool(pair.iloc[0]["confirmed"])
