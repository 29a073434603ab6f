"""The commands questionnaire, survey and merge, as the guide runs them."""

from __future__ import annotations

from pathlib import Path

import territoire_graphe as tg
from territoire_graphe.cli import main
from territoire_graphe.collect.workbook import write_territory

from .test_exports import write_csv


def test_questionnaire_survey_and_merge_from_the_command_line(roster, tmp_path, capsys):
    book = write_territory(roster, tmp_path / "repertoire.xlsx")
    assert main(["questionnaire", str(book), "-o", str(tmp_path / "q")]) == 0
    assert len(list((tmp_path / "q").glob("*.xlsx"))) == 8
    assert (
        main(["questionnaire", str(book), "--form", "xlsform", "-o", str(tmp_path / "kobo.xlsx")])
        == 0
    )
    answers = write_csv(
        tmp_path / "reponses.csv",
        [
            ["Horodateur", "Structure", "Partenaires"],
            ["2024-03-01", "Ville de Creil", "CAF Oise; Jardin du Brai"],
        ],
    )
    out = tmp_path / "territoire.xlsx"
    capsys.readouterr()
    assert main(["survey", str(answers), "--roster", str(book), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "1 acteur sur 8 a répondu" in printed
    assert "Pas encore répondu (7)" in printed and "ARDES" in printed
    review = tmp_path / "territoire_revue.xlsx"
    assert review.exists() and "--review territoire_revue.xlsx" in printed
    t = tg.read(out)
    assert t.actors["respondent"].sum() == 1 and "declared_by" in t.relations
    assert main(["merge", str(book), str(out), "-o", str(tmp_path / "fusion.xlsx")]) == 0
    assert len(tg.read(tmp_path / "fusion.xlsx").actors) == 8


def test_an_output_that_is_an_input_is_refused(roster, tmp_path, capsys):
    book = write_territory(roster, tmp_path / "repertoire.xlsx")
    before = book.read_bytes()
    assert main(["merge", str(book), str(book), "-o", str(book)]) == 2
    assert book.read_bytes() == before
    assert "rien n'a été écrit" in capsys.readouterr().err


def test_a_review_file_given_as_the_output_is_refused(roster, tmp_path, capsys):
    book = write_territory(roster, tmp_path / "repertoire.xlsx")
    review = tmp_path / "revue.xlsx"
    review.write_bytes(b"decisions")
    code = main(
        ["survey", str(tmp_path), "--roster", str(book), "--review", str(review), "-o", str(review)]
    )
    assert code == 2
    assert review.read_bytes() == b"decisions"
    assert "rien n'a été écrit" in capsys.readouterr().err


def test_survey_without_roster_is_a_usage_error(tmp_path, capsys):
    assert main(["survey", str(tmp_path)]) == 2


def test_survey_in_english(roster, tmp_path, capsys):
    book = write_territory(roster, tmp_path / "roster.xlsx", lang="en")
    answers = write_csv(
        tmp_path / "answers.csv", [["Organisation", "Partners"], ["ARDES", "Ville de Creil"]]
    )
    assert (
        main(
            [
                "--lang",
                "en",
                "survey",
                str(answers),
                "--roster",
                str(book),
                "-o",
                str(tmp_path / "t.xlsx"),
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "Not answered yet (7)" in printed and "No name to check." in printed
    assert Path(tmp_path / "t.xlsx").exists()
