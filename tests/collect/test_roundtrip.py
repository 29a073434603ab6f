"""Roster -> questionnaires -> filled in code -> read_survey: exactly the relations planted."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import territoire_graphe as tg


def fill(
    path: Path,
    rows: list[tuple[str, str | None, float | None]],
    *,
    resources=(),
    needs=(),
    clear_known: bool = False,
    confirm: dict[str, str] | None = None,
) -> None:
    """Fill a questionnaire as a person would: a type (and weight) on a partner's row;
    ``confirm``: partner -> "oui" / "non" in the "toujours vrai ?" column of a known row."""
    book = openpyxl.load_workbook(path)
    ws = book["liens"]
    positions = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    free = ws.max_row + 1
    for partner, kind, weight in rows:
        row = positions.get(partner)
        if row is None or ws.cell(row=row, column=2).value:
            row, free = free, free + 1
            ws.cell(row=row, column=1, value=partner)
        ws.cell(row=row, column=2, value=kind)
        ws.cell(row=row, column=3, value=weight)
    for r in range(2, ws.max_row + 1):
        answer = (confirm or {}).get(ws.cell(row=r, column=1).value)
        if answer is not None and ws.cell(row=r, column=5).value:
            ws.cell(row=r, column=6, value=answer)
    if clear_known:
        for r in range(2, ws.max_row + 1):
            if ws.cell(row=r, column=5).value:
                ws.cell(row=r, column=2).value = None
    for sheet, items in (("ressources", resources), ("besoins", needs)):
        for number, item in enumerate(items, start=2):
            book[sheet].cell(row=number, column=1, value=item)
    book.save(path)


@pytest.fixture
def filled(roster, tmp_path):
    paths = tg.write_questionnaire(roster, tmp_path / "q", form="excel")
    by_actor = dict(zip(roster.actors.index, paths, strict=True))
    answers = tmp_path / "answers"
    answers.mkdir()
    chosen = {}
    for actor in ("V", "A", "C", "J"):
        target = answers / by_actor[actor].name
        target.write_bytes(by_actor[actor].read_bytes())
        chosen[actor] = target
    # V: confirms the known tie with ARDES (pre-filled, "oui"), adds CAF funding (weight 3)
    fill(
        chosen["V"],
        [("CAF de l'Oise", "financement", 3)],
        resources=["Salle des fêtes"],
        confirm={"ARDES": "oui"},
    )
    # A: confirms the known tie with V, adds a partner outside the list, misspelt
    fill(
        chosen["A"],
        [("Jardin du Brai", "coopération", 2)],
        needs=["Un local"],
        confirm={"Ville de Creil": "oui"},
    )
    # C: declares the funding of V too (confirmed), and a tie with the Café (who did not answer)
    fill(
        chosen["C"],
        [("Ville de Creil", "financement", 1), ("Café numérique", "interconnaissance", None)],
    )
    # J: declares no tie but names a resource: an answer without any tie (a respondent)
    fill(chosen["J"], [], resources=["Légumes"])
    return answers


def relations_of(t: tg.Territory) -> set[tuple[frozenset, str]]:
    return {(frozenset((r.source, r.target)), r.type) for r in t.relations.itertuples()}


def test_the_relations_read_back_are_exactly_the_ones_planted(roster, filled):
    s = tg.read_survey(filled, roster=roster)
    assert relations_of(s.territory) == {
        (frozenset("VA"), "coopération"),
        (frozenset("VC"), "financement"),
        (frozenset("AJ"), "coopération"),
        (frozenset("CK"), "interconnaissance"),
    }


def test_each_relation_says_who_declared_it_and_whether_both_ends_confirm_it(roster, filled):
    rel = tg.read_survey(filled, roster=roster).territory.relations
    by_pair = {frozenset((r.source, r.target)): r for r in rel.itertuples()}
    assert set(by_pair[frozenset("VC")].declared_by.split("; ")) == {"V", "C"}
    assert by_pair[frozenset("VC")].confirmed
    assert by_pair[frozenset("VA")].confirmed  # the known tie, kept by both in their workbook
    assert not by_pair[frozenset("CK")].confirmed  # K did not answer
    assert by_pair[frozenset("AJ")].declared_by == "A"
    assert not by_pair[frozenset("AJ")].confirmed  # J answered without declaring it
    assert by_pair[frozenset("VC")].weight == 2.0  # mean of 3 and 1


def test_respondents_rate_and_who_has_not_answered(roster, filled):
    s = tg.read_survey(filled, roster=roster)
    assert s.respondents[s.respondents].index.tolist() == ["V", "C", "A", "J"]
    assert s.response_rate == 4 / 8
    assert sorted(s.non_respondents().index) == ["B", "K", "M", "P"]
    assert s.territory.actors["respondent"].sum() == 4


def test_confirmed_ties_keep_only_confirmed_relations_between_respondents(roster, filled):
    s = tg.read_survey(filled, roster=roster, ties="confirmed")
    # A-J (both respondents, only A declared it) goes; C-K stays (K did not answer)
    assert relations_of(s.territory) == {
        (frozenset("VA"), "coopération"),
        (frozenset("VC"), "financement"),
        (frozenset("CK"), "interconnaissance"),
    }


def test_the_misspelt_partner_is_a_probable_match_listed_for_review(roster, filled):
    s = tg.read_survey(filled, roster=roster)
    row = s.matches.set_index("cited").loc["Jardin du Brai"]
    assert (row["actor"], row["status"]) == ("J", "probable")
    assert [r["cited"] for r in s.to_review()] == ["Jardin du Brai"]


def test_resources_and_needs_come_with_their_actor(roster, filled):
    t = tg.read_survey(filled, roster=roster).territory
    assert t.resources[["actor", "resource"]].values.tolist() == [
        ["V", "Salle des fêtes"],
        ["J", "Légumes"],
    ]
    assert t.needs[["actor", "need"]].values.tolist() == [["A", "Un local"]]


def test_a_known_relation_cleared_by_a_respondent_is_dropped(roster, tmp_path):
    paths = tg.write_questionnaire(roster, tmp_path, form="excel")
    ville = paths[list(roster.actors.index).index("V")]
    fill(ville, [], clear_known=True)
    s = tg.read_survey([ville], roster=roster)
    assert len(s.territory.relations) == 0


def test_a_relation_between_two_non_respondents_is_kept_from_the_roster(roster, tmp_path):
    paths = tg.write_questionnaire(roster, tmp_path, form="excel")
    cafe = paths[list(roster.actors.index).index("K")]
    s = tg.read_survey([cafe], roster=roster)
    assert relations_of(s.territory) == {(frozenset("VA"), "coopération")}
    assert s.territory.relations["declared_by"].isna().all()


def test_the_questionnaire_says_whose_it_is_and_lists_every_other_actor(roster, tmp_path):
    paths = tg.write_questionnaire(roster, tmp_path, form="excel")
    book = openpyxl.load_workbook(paths[0])
    assert book.sheetnames[:4] == ["questionnaire", "liens", "ressources", "besoins"]
    assert "Ville de Creil" in book["questionnaire"]["A1"].value
    ws = book["liens"]
    header = [c.value for c in ws[1]][:4]
    assert header == ["partenaire", "type", "intensite", "commentaire"]
    partners = [ws.cell(row=r, column=1).value for r in range(2, 9)]
    assert sorted(partners) == sorted(n for n in roster.actors["name"] if n != "Ville de Creil")
    known = {
        ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
        for r in range(2, 9)
        if ws.cell(row=r, column=2).value
    }
    assert known == {"ARDES": "coopération"}
    assert int(ws.page_setup.paperSize) == 9 and ws.print_title_rows == "$1:$1"  # 9: A4
    lists = [v.formula1 for v in ws.data_validations.dataValidation]
    assert any("_listes" in f and "$A$" in f for f in lists)


def test_the_questionnaire_speaks_english_when_asked(roster, tmp_path):
    paths = tg.write_questionnaire(roster, tmp_path, form="excel", lang="en")
    book = openpyxl.load_workbook(paths[0])
    assert book.sheetnames[:4] == ["questionnaire", "links", "resources", "needs"]
    assert [c.value for c in book["links"][1]][:2] == ["partner", "type"]


def test_an_unknown_form_is_refused(roster, tmp_path):
    with pytest.raises(ValueError, match="form"):
        tg.write_questionnaire(roster, tmp_path, form="pdf")


def test_a_known_relation_declared_again_takes_the_intensity_given(roster, tmp_path):
    paths = tg.write_questionnaire(roster, tmp_path, form="excel")
    ville = paths[list(roster.actors.index).index("V")]
    book = openpyxl.load_workbook(ville)
    ws = book["liens"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "ARDES")
    assert ws.cell(row=row, column=2).value == "coopération"  # pre-filled: a known relation
    ws.cell(row=row, column=3).value = 3  # the respondent changes its intensity
    book.save(ville)
    s = tg.read_survey([ville], roster=roster)
    assert s.territory.relations[["source", "target", "weight"]].values.tolist() == [
        ["V", "A", 3.0]
    ]
