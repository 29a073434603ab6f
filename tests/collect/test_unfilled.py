"""What the respondent filled counts, never what was pre-filled: a questionnaire sent back
untouched is no answer; known ties count only when confirmed, changed or denied."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import territoire_graphe as tg

from .conftest import make_roster

KNOWN = [("V", "A", "coopération"), ("V", "C", "financement"), ("V", "K", "interconnaissance")]


@pytest.fixture
def roster3() -> tg.Territory:
    return make_roster(KNOWN)


def blank(roster: tg.Territory, folder: Path, actor: str, lang: str = "fr") -> Path:
    paths = tg.write_questionnaire(roster, folder / actor, form="excel", lang=lang)
    return paths[list(roster.actors.index).index(actor)]


def edit(path: Path, changes: dict[str, dict[int, object]], sheet: str = "liens") -> None:
    """partner name -> {column: value} on its first row (column 6: "toujours vrai ?")."""
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    for partner, cells in changes.items():
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == partner)
        for column, value in cells.items():
            ws.cell(row=row, column=column, value=value)
    book.save(path)


def declared(s) -> dict[tuple[frozenset, str], str | None]:
    rel = s.territory.relations
    return {
        (frozenset((r.source, r.target)), r.type): (
            r.declared_by if isinstance(r.declared_by, str) else None
        )
        for r in rel.itertuples()
    }


def test_the_known_ties_are_pre_filled_with_an_empty_still_true_column(roster3, tmp_path):
    ws = openpyxl.load_workbook(blank(roster3, tmp_path, "V"))["liens"]
    header = [c.value for c in ws[1]]
    assert header[:6] == [
        "partenaire",
        "type",
        "intensite",
        "commentaire",
        "connu",
        "toujours vrai ?",
    ]
    assert ws.column_dimensions["G"].hidden and ws.column_dimensions["H"].hidden
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, 9)}
    for name, kind in (("ARDES", "coopération"), ("CAF de l'Oise", "financement")):
        assert ws.cell(row=rows[name], column=2).value == kind
        assert ws.cell(row=rows[name], column=6).value is None  # left to the respondent
        assert ws.cell(row=rows[name], column=7).value == kind  # hidden: what was pre-filled
    lists = {str(v.sqref)[0]: v.formula1 for v in ws.data_validations.dataValidation}
    assert lists["F"] == '"oui,non"'


def test_a_questionnaire_sent_back_untouched_is_no_answer(roster3, tmp_path):
    path = blank(roster3, tmp_path, "V")
    s = tg.read_survey([path], roster=roster3)
    assert not s.respondents.any() and s.response_rate == 0.0
    # the three known ties stay as the roster had them, declared by nobody
    assert declared(s) == {
        (frozenset("VA"), "coopération"): None,
        (frozenset("VC"), "financement"): None,
        (frozenset("VK"), "interconnaissance"): None,
    }
    untouched = [w for w in s.warnings if w.code == "survey_questionnaire_untouched"]
    assert len(untouched) == 1 and untouched[0].file == path.name
    assert path.name in str(untouched[0]) and "renvoyé sans réponse" in str(untouched[0])


def test_a_partly_filled_questionnaire_declares_only_what_was_filled(roster3, tmp_path):
    path = blank(roster3, tmp_path, "V")
    edit(path, {"Jardins du Bray": {2: "financement", 3: 2}})
    s = tg.read_survey([path], roster=roster3)
    assert s.respondents.to_dict()["V"] and s.respondents.sum() == 1
    assert declared(s) == {
        (frozenset("VA"), "coopération"): None,  # pre-filled, not confirmed: not V's
        (frozenset("VC"), "financement"): None,
        (frozenset("VK"), "interconnaissance"): None,
        (frozenset("VJ"), "financement"): "V",
    }
    assert not [w for w in s.warnings if w.code == "survey_questionnaire_untouched"]


def test_a_fully_confirmed_questionnaire_declares_every_known_tie(roster3, tmp_path):
    path = blank(roster3, tmp_path, "V")
    edit(path, {n: {6: "oui"} for n in ("ARDES", "CAF de l'Oise", "Café numérique")})
    ardes = blank(roster3, tmp_path, "A")
    edit(ardes, {"Ville de Creil": {6: "Oui"}})
    s = tg.read_survey([path, ardes], roster=roster3)
    assert declared(s) == {
        (frozenset("VA"), "coopération"): "V; A",
        (frozenset("VC"), "financement"): "V",
        (frozenset("VK"), "interconnaissance"): "V",
    }
    confirmed = {
        frozenset((r.source, r.target)): r.confirmed for r in s.territory.relations.itertuples()
    }
    assert confirmed == {frozenset("VA"): True, frozenset("VC"): False, frozenset("VK"): False}


def test_one_known_tie_denied_is_dropped_the_others_confirmed(roster3, tmp_path):
    path = blank(roster3, tmp_path, "V")
    edit(path, {"ARDES": {6: "oui"}, "CAF de l'Oise": {6: "oui"}, "Café numérique": {6: "non"}})
    s = tg.read_survey([path], roster=roster3)
    assert declared(s) == {
        (frozenset("VA"), "coopération"): "V",
        (frozenset("VC"), "financement"): "V",
    }


def test_a_denial_drops_only_the_type_denied(roster3, tmp_path):
    # V - A has two known types: "non" on one of them leaves the other, untouched, as it was
    roster = make_roster([*KNOWN, ("V", "A", "financement")])
    path = blank(roster, tmp_path, "V")
    book = openpyxl.load_workbook(path)
    ws = book["liens"]
    row = next(
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(row=r, column=1).value == "ARDES"
        and ws.cell(row=r, column=2).value == "financement"
    )
    ws.cell(row=row, column=6, value="non")
    book.save(path)
    s = tg.read_survey([path], roster=roster)
    assert declared(s) == {
        (frozenset("VA"), "coopération"): None,
        (frozenset("VC"), "financement"): None,
        (frozenset("VK"), "interconnaissance"): None,
    }
    assert s.respondents["V"]  # a denial is an answer


def test_a_changed_type_on_a_known_row_is_declared_without_a_yes(roster3, tmp_path):
    path = blank(roster3, tmp_path, "V")
    edit(path, {"CAF de l'Oise": {2: "coopération"}})
    s = tg.read_survey([path], roster=roster3)
    found = declared(s)
    assert found[(frozenset("VC"), "coopération")] == "V"
    assert found[(frozenset("VC"), "financement")] is None  # what was pre-filled, not confirmed


def test_a_comment_alone_makes_an_answer_without_declaring_the_tie(roster3, tmp_path):
    path = blank(roster3, tmp_path, "V")
    edit(path, {"ARDES": {4: "nous ne savons plus"}})
    s = tg.read_survey([path], roster=roster3)
    assert s.respondents["V"]
    assert declared(s)[(frozenset("VA"), "coopération")] is None


def test_the_english_questionnaire_reads_yes_and_no(roster3, tmp_path):
    path = blank(roster3, tmp_path, "V", lang="en")
    ws = openpyxl.load_workbook(path)["links"]
    assert [c.value for c in ws[1]][5] == "still true?"
    edit(path, {"ARDES": {6: "yes"}, "Café numérique": {6: "no"}}, sheet="links")
    s = tg.read_survey([path], roster=roster3, lang="en")
    assert declared(s) == {
        (frozenset("VA"), "coopération"): "V",
        (frozenset("VC"), "financement"): None,
    }


def test_an_untouched_english_questionnaire_is_named_in_english(roster3, tmp_path):
    path = blank(roster3, tmp_path, "V", lang="en")
    s = tg.read_survey([path], roster=roster3, lang="en")
    (warning,) = [w for w in s.warnings if w.code == "survey_questionnaire_untouched"]
    assert "sent back without an answer" in str(warning) and path.name in str(warning)
