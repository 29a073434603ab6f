"""The evolution tells the story: people who left with their ties, flows up or down, tensions
apart from ties, and one set of counts for the findings, the map and the workbook (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import territoire_graphe as tg
from territoire_graphe.messages import text
from territoire_graphe.render.evolution_map import evolution_map_data

ACTORS = [
    ["id", "nom", "type"],
    ["a", "ARDES", "association"],
    ["b", "Mairie", "commune"],
    ["c", "ATIPIC", "entreprise à but d'emploi"],
    ["d", "Région", "région"],
]


def _workbook(path: Path, relations: list, flows: list, people: list) -> Path:
    book = Workbook()
    book.active.title = "acteurs"
    for row in ACTORS:
        book.active.append(row)
    for name, header, rows in (
        ("relations", ["source", "cible", "type"], relations),
        ("flux", ["source", "cible", "type", "quantite", "unite"], flows),
        ("personnes", ["id", "nom", "acteur"], people),
    ):
        sheet = book.create_sheet(name)
        for row in [header, *rows]:
            sheet.append(row)
    book.save(path)
    return path


@pytest.fixture(scope="module")
def evolution(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evo")
    # 2023: Karim H. (ARDES) carries ARDES's ties with the Mairie and ATIPIC; the Mairie and
    # ATIPIC are in tension; the Région funds ATIPIC with 20 000 €.
    before = _workbook(
        folder / "avant_2023.xlsx",
        [
            ["Karim H.", "Mairie", "coopération"],
            ["Karim H.", "ATIPIC", "coopération"],
            ["ARDES", "Région", "interconnaissance"],
            ["Mairie", "ATIPIC", "tension"],
        ],
        [["Région", "ATIPIC", "financement", 20000, "€"]],
        [["p1", "Karim H.", "ARDES"], ["p2", "Inès R.", "Région"]],
    )
    # 2024: Karim H. has left, his two ties with him; the tension is over and the Mairie and
    # ATIPIC now cooperate; the grant is cut to 15 000 € (-25 %).
    after = _workbook(
        folder / "apres_2024.xlsx",
        [["ARDES", "Région", "interconnaissance"], ["Mairie", "ATIPIC", "coopération"]],
        [["Région", "ATIPIC", "financement", 15000, "€"]],
        [["p2", "Inès R.", "Région"]],
    )
    return tg.diff(before, after)


def _finding(evolution, code: str):
    found = evolution.findings[evolution.findings["code"] == code]
    assert len(found) == 1, (code, evolution.findings["code"].tolist())
    return found.iloc[0]


def test_the_person_who_left_is_linked_to_the_ties_that_left_with_them(evolution):
    row = _finding(evolution, "person_left")
    assert row["text"].startswith("Départ de Karim H. (ARDES) : 2 liens portés par cette personne")
    assert "ARDES – Mairie" in row["text"] and "ARDES – ATIPIC" in row["text"]
    assert set(row["actors"]) == {"a", "b", "c"} and row["figures"]["ties"] == 2


def test_a_cut_in_a_grant_is_a_finding_with_how_much(evolution):
    row = _finding(evolution, "flow_down")
    assert "Région vers ATIPIC baisse de 25" in row["text"]
    assert "20\u202f000 €" in row["text"] and "15\u202f000 €" in row["text"]
    assert row["figures"] == {
        "quantity_before": 20000.0,
        "quantity_after": 15000.0,
        "change": -5000.0,
    }


def test_an_ended_tension_is_not_a_tie_lost(evolution):
    c = evolution.counts
    # ties (pairs, tensions aside): a-b and a-c lost; b-c made (it was only a tension before)
    assert (c["ties_lost"], c["ties_made"], c["tensions_ended"], c["tensions_began"]) == (
        2,
        1,
        1,
        0,
    )
    assert c["pairs_ties_lost"] == [("a", "b"), ("a", "c")]
    assert (
        _finding(evolution, "tensions_ended")["text"]
        == "Une tension n'est plus signalée : Mairie – ATIPIC."
    )
    lost = _finding(evolution, "ties_lost")
    assert "Mairie – ATIPIC" not in lost["text"]


def test_the_map_the_findings_and_the_workbook_say_the_same_counts(evolution, tmp_path):
    c = evolution.counts
    data = evolution_map_data(evolution)
    legend = {item["kind"]: item["count"] for item in data["evolution"]["legend"]["items"]}
    assert legend == {"made": 1, "lost": 2, "joined": 0, "left": 0}
    caption = data["meta"]["caption"]
    assert text("map.evolution.made", "fr", count=1) in caption
    assert text("map.evolution.lost", "fr", count=2) in caption
    assert "1 tension terminée" in caption
    assert _finding(evolution, "ties_lost")["figures"]["ties_lost"] == c["ties_lost"]
    sheet = load_workbook(evolution.to_excel(tmp_path / "e.xlsx")).worksheets[0]
    assert sheet["A3"].value == (
        "Liens créés : 1 ; liens perdus : 2 ; tensions apparues : 0, "
        "terminées : 1 ; acteurs arrivés : 0, partis : 0."
    )


def test_no_person_and_no_flow_finding_when_nothing_of_the_kind_changed(tmp_path):
    path = _workbook(
        tmp_path / "t.xlsx",
        [["ARDES", "Région", "interconnaissance"]],
        [["Région", "ATIPIC", "financement", 1000, "€"]],
        [["p2", "Inès R.", "Région"]],
    )
    evolution = tg.diff(path, path)
    assert not set(evolution.findings["code"]) & {
        "person_left",
        "person_joined",
        "flow_down",
        "flow_up",
        "tensions_began",
        "tensions_ended",
    }
    assert all(evolution.counts[k] == 0 for k in ("ties_made", "ties_lost", "tensions_ended"))


def test_english_sentences(evolution, tmp_path):
    before, after = evolution.before.territory, evolution.after.territory
    english = tg.diff(before, after, lang="en")
    texts = " ".join(english.findings["text"])
    assert "Karim H. (ARDES) left: 2 ties this person carried went with them" in texts
    assert "falls by 25%" in texts and "One tension is no longer reported" in texts
