"""Form-tool exports (grid and free text), untidy as real ones are, read against the roster."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

import territoire_graphe as tg


def write_csv(
    path: Path, rows: list[list[str]], *, separator: str = ";", encoding: str = "utf-8-sig"
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=separator).writerows(rows)
    return path


def pairs(t: tg.Territory) -> set[tuple[frozenset, str]]:
    return {(frozenset((r.source, r.target)), r.type) for r in t.relations.itertuples()}


def codes(s) -> list[str]:
    return [w.code for w in s.warnings]


@pytest.fixture
def grid(tmp_path) -> Path:
    """A Google Forms grid: timestamp, e-mail, respondent, one column per actor, untidy rows."""
    q = "Quels liens avez-vous avec ces structures ?"
    header = [
        "Horodateur",
        "Adresse e-mail",
        "Nom de votre structure",
        f"{q} [Ville de Creil]",
        f"{q} [CAF de l'Oise]",
        f"{q} [ARDES]",
        f"{q} [Jardins du Bray]",
        "Vos ressources",
        "Vos besoins",
    ]
    return write_csv(
        tmp_path / "google.csv",
        [
            header,
            [
                "01/03/2024 10:00:00",
                "a@x.fr",
                "Mairie de Creil",
                "",
                "financement",
                "Oui",
                "",
                "Salle des fêtes",
                "",
            ],
            ["02/03/2024 09:00:00", "b@x.fr", "ardès", "coopération", "", "", "x", "", "Un local"],
            # the same actor again, later: this answer replaces the one above
            ["05/03/2024 18:30:00", "b@x.fr", "ARDES", "coopération", "", "", "", "", ""],
            # a respondent absent from the roster: listed, not invented
            ["03/03/2024 11:00:00", "c@x.fr", "Boulangerie Martin", "oui", "", "", "", "", ""],
            # an empty answer, and a row without a respondent
            ["", "", "", "", "", "", "", "", ""],
            ["04/03/2024 12:00:00", "d@x.fr", "", "oui", "", "", "", "", ""],
        ],
    )


def test_a_grid_export_gives_the_relations_of_its_cells(roster, grid):
    s = tg.read_survey(grid, roster=roster)
    assert pairs(s.territory) - {(frozenset("VA"), "coopération")} == {
        (frozenset("VC"), "financement"),
        (frozenset("VA"), "interconnaissance"),
    }
    # ARDES's first answer (with the Jardins du Bray) was replaced by its later one
    assert (frozenset("AJ"), "interconnaissance") not in pairs(s.territory)
    assert sorted(s.respondents[s.respondents].index) == ["A", "V"]


def test_untidy_rows_are_said_in_warnings(roster, grid):
    s = tg.read_survey(grid, roster=roster)
    found = codes(s)
    assert found.count("survey_duplicate_answer") == 1
    assert found.count("survey_respondent_unknown") == 1
    assert found.count("survey_no_respondent") == 1
    duplicate = next(w for w in s.warnings if w.code == "survey_duplicate_answer")
    assert "ARDES" in duplicate.message and "(4)" in duplicate.message  # the later row kept


def test_a_respondent_absent_from_the_roster_is_not_invented(roster, grid):
    s = tg.read_survey(grid, roster=roster)
    assert "Boulangerie Martin" not in set(s.territory.actors["name"])
    row = s.matches.set_index("cited").loc["Boulangerie Martin"]
    assert row["status"] == "unknown" and row["role"] == "respondent"


def test_the_e_mail_and_timestamp_columns_are_not_taken_for_partners(roster, grid):
    s = tg.read_survey(grid, roster=roster)
    assert not any("@" in str(c) for c in s.matches["cited"])
    assert "survey_columns_ignored" not in codes(s)


def test_resources_and_needs_columns_are_read(roster, grid):
    t = tg.read_survey(grid, roster=roster).territory
    assert t.resources[["actor", "resource"]].values.tolist() == [["V", "Salle des fêtes"]]
    assert len(t.needs) == 0  # ARDES's need was in its replaced answer


def test_a_free_text_export_with_misspelt_names(roster, tmp_path):
    path = write_csv(
        tmp_path / "framaforms.csv",
        [
            ["Soumis le", "Structure", "Avec quelles structures travaillez-vous ?", "Âge"],
            [
                "2024-03-01 10:00",
                "Ville de Creil",
                "CAF Oise ; Jardin du Brai\nBoulangerie Martin",
                "12",
            ],
            [
                "2024-03-02 10:00",
                "Caisse d'allocations familiales de l'Oise",
                "mairie de creil",
                "",
            ],
        ],
        separator=",",
    )
    s = tg.read_survey(path, roster=roster)
    assert pairs(s.territory) - {(frozenset("VA"), "coopération")} == {
        (frozenset("VC"), "interconnaissance"),
        (frozenset("VJ"), "interconnaissance"),
    }
    statuses = s.matches.set_index("cited")["status"].to_dict()
    assert statuses["CAF Oise"] == "exact"
    assert statuses["Jardin du Brai"] == "probable"
    assert statuses["Boulangerie Martin"] == "unknown"
    vc = s.territory.relations[s.territory.relations["type"] == "interconnaissance"]
    assert bool(vc.set_index("target").loc["C", "confirmed"])  # both declared it
    ignored = next(w for w in s.warnings if w.code == "survey_columns_ignored")
    assert "Âge" in ignored.message


def test_named_columns_and_the_relation_type_of_a_ticked_cell(roster, tmp_path):
    path = tmp_path / "ms_forms.xlsx"
    book = openpyxl.Workbook()
    book.active.append(
        ["ID", "Heure de fin", "Qui êtes-vous", "Partenaires financiers", "Autres liens"]
    )
    book.active.append([1, "2024-03-01 10:00", "CAF de l'Oise", "Ville de Creil", "ARDES"])
    book.save(path)
    s = tg.read_survey(
        path,
        roster=roster,
        respondent="Qui êtes-vous",
        partners=["Partenaires financiers", "Autres liens"],
        relation_type="coopération",
    )
    assert pairs(s.territory) - {(frozenset("VA"), "coopération")} == {
        (frozenset("VC"), "financement"),
        (frozenset("CA"), "coopération"),
    }


def test_an_export_without_a_respondent_column_is_an_input_error(roster, tmp_path):
    path = write_csv(tmp_path / "x.csv", [["Horodateur", "Question [ARDES]"], ["1", "oui"]])
    with pytest.raises(tg.InputError) as error:
        tg.read_survey(path, roster=roster)
    assert [p.code for p in error.value.problems] == ["survey_respondent_column_unknown"]
    assert error.value.problems[0].hint


def test_a_respondent_column_that_does_not_exist_is_an_input_error(roster, grid):
    with pytest.raises(tg.InputError) as error:
        tg.read_survey(grid, roster=roster, respondent="Organisme")
    assert [p.code for p in error.value.problems] == ["survey_respondent_column_missing"]


def test_a_missing_answer_file_is_an_input_error(roster, tmp_path):
    with pytest.raises(tg.InputError) as error:
        tg.read_survey(tmp_path / "absent.csv", roster=roster)
    assert error.value.problems[0].code == "file_not_found"


def test_an_unknown_ties_option_is_refused(roster, grid):
    with pytest.raises(ValueError, match="ties"):
        tg.read_survey(grid, roster=roster, ties="both")
