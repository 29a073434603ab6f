"""An unknown reference in a workbook gets "vouliez-vous dire « Ville de Creil » ?"."""

from __future__ import annotations

import openpyxl
import pytest

import territoire_graphe as tg


def workbook(path, reference):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "acteurs"
    for row in (["nom", "type"], ["Ville de Creil", "commune"], ["ARDES", "association"]):
        ws.append(row)
    book.create_sheet("relations").append(["source", "cible", "type"])
    book["relations"].append([reference, "ARDES", "coopération"])
    book.save(path)
    return path


def test_a_misspelt_reference_is_an_error_with_a_suggestion(tmp_path):
    with pytest.raises(tg.InputError) as error:
        tg.read(workbook(tmp_path / "t.xlsx", "Mairie de Creill"))
    problem = error.value.problems[0]
    assert problem.code == "reference_unknown"
    assert "Vouliez-vous dire « Ville de Creil » ?" in problem.hint


def test_a_reference_close_to_nothing_gets_no_suggestion(tmp_path):
    with pytest.raises(tg.InputError) as error:
        tg.read(workbook(tmp_path / "t.xlsx", "Boulangerie Martin"), lang="en")
    assert "Did you mean" not in error.value.problems[0].hint
