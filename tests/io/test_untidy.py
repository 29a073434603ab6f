"""Workbooks as people really fill them in: titles, blank rows, stray spaces, formulas, odd text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import territoire_graphe as tg

LINK = ["source", "cible", "type"]


def test_a_merged_title_above_the_header_is_skipped_and_rows_keep_their_numbers(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Acteurs"
    sheet["A1"] = "Cartographie des acteurs — Pays de Bray"
    sheet.merge_cells("A1:D1")
    sheet["A2"] = "Mise à jour : mars 2024"
    sheet.append([])
    sheet.append(["Nom", "Type", "Commune", "Influence"])
    sheet.append(["Mairie de Songeons", "commune", "Songeons", 4])
    sheet.append(["Les Jardins du Bray", "association", "Songeons", "beaucoup"])
    book.save(tmp_path / "titre.xlsx")
    with pytest.raises(tg.InputError) as caught:
        tg.read(tmp_path / "titre.xlsx")
    assert [(p.code, p.sheet, p.row, p.column) for p in caught.value.problems] == [
        ("number_invalid", "Acteurs", 6, "Influence")
    ]


def test_blank_rows_in_the_middle_are_skipped_with_a_warning_and_numbering_continues(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["nom", "type"],
                ["Mairie", "commune"],
                [None, None],
                ["", " "],
                ["Asso", "association"],
            ],
            "relations": [LINK, [], ["Mairie", "Asso", "coopération"]],
        }
    )
    territory = tg.read(path)
    assert list(territory.actors["name"]) == ["Mairie", "Asso"]
    assert territory.relations.loc[0, "row"] == 3
    empty = [(w.sheet, w.row) for w in territory.warnings if w.code == "empty_row"]
    assert empty == [("acteurs", 3), ("acteurs", 4), ("relations", 2)]


def test_trailing_blank_rows_and_columns_are_not_data(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["nom", "type", None, None],
                ["Mairie", "commune", None, ""],
                [None, None],
                ["", ""],
            ]
        }
    )
    territory = tg.read(path)
    assert len(territory.actors) == 1
    assert territory.warnings == []


def test_spaces_around_headers_and_cells_are_ignored(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["  Nom  ", " Type\u00a0", " Commune "],
                ["  Mairie de Songeons ", " commune ", "\u00a0Songeons "],
                ["Asso\t", "association", None],
            ],
            "relations": [
                [" source", "cible ", " type "],
                [" Mairie de Songeons", "Asso  ", " coopération  "],
            ],
        }
    )
    territory = tg.read(path)
    assert list(territory.actors["name"]) == ["Mairie de Songeons", "Asso"]
    assert territory.actors.iloc[0]["municipality"] == "Songeons"
    assert territory.relations.iloc[0]["type"] == "coopération"
    assert territory.warnings == []


def test_an_entirely_empty_column_between_data_columns_is_ignored(make_workbook):
    path = make_workbook({"acteurs": [["nom", None, "type"], ["Mairie", None, "commune"]]})
    territory = tg.read(path)
    assert territory.actors.iloc[0]["type"] == "commune"
    assert "B" not in territory.actors.columns
    assert territory.warnings == []


def test_numbers_stored_as_text_are_read_as_numbers(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["nom", "type", "influence", "latitude"],
                ["Mairie", "commune", "3", "49,5613"],
            ],
            "relations": [
                [*LINK, "intensité", "quantité"],
                ["Mairie", "Mairie", "coopération", "2", "1 500,50"],
            ],
        }
    )
    territory = tg.read(path)
    assert territory.actors.iloc[0]["influence"] == 3.0
    assert territory.actors.iloc[0]["latitude"] == pytest.approx(49.5613)
    assert territory.relations.iloc[0]["quantity"] == 1500.5


def _with_cached_values(path: Path, values: dict[str, str]) -> None:
    """Give formula cells the value Excel would have cached (openpyxl writes none)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for cell, value in values.items():
        sheet = re.sub(
            rf'(<c r="{cell}"[^>]*)>(<f>[^<]*</f>)<v\s*/?>(</v>)?',
            rf'\1 t="str">\2<v>{value}</v>',
            sheet,
        )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_formulas_give_the_value_excel_last_computed(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "acteurs"
    sheet.append(["nom", "type", "influence"])
    sheet.append(["Mairie", "commune", "=2+1"])
    sheet.append(['=CONCAT("As","so")', "association", 1])
    path = tmp_path / "formules.xlsx"
    book.save(path)
    _with_cached_values(path, {"C2": "3", "A3": "Asso"})
    actors = tg.read(path).actors
    assert list(actors["name"]) == ["Mairie", "Asso"]
    assert actors.iloc[0]["influence"] == 3.0


def test_hostile_text_is_kept_verbatim_as_data(make_workbook):
    texts = [
        "<script>alert('x')</script>",
        "=cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "🌱 Jardins partagés 🌻",
        "جمعية الحي",
        "שלום \u202eevil\u202c",
        "Ligne 1\nLigne 2",
        "a\tb",
        "'; DROP TABLE acteurs; --",
        "{{7*7}} ${jndi:ldap://x}",
    ]
    path = make_workbook(
        {
            "acteurs": [["nom", "type", "note"], *[[text, "association", text] for text in texts]],
            "relations": [
                [*LINK, "commentaire"],
                *[[texts[0], text, "coopération", text] for text in texts[1:]],
            ],
        }
    )
    territory = tg.read(path)
    assert list(territory.actors["name"]) == texts
    assert list(territory.actors["note"]) == texts
    assert list(territory.relations["comment"]) == texts[1:]


def test_very_long_text_is_kept_whole(make_workbook):
    long_text = "Coopération " * 2700  # about Excel's limit of 32,767 characters per cell
    path = make_workbook(
        {"acteurs": [["nom", "type", "description"], ["Mairie", "commune", long_text]]}
    )
    assert tg.read(path).actors.iloc[0]["description"] == long_text.strip()


def test_data_rows_above_the_header_are_reported_not_silently_dropped(make_workbook):
    path = make_workbook(
        {
            "acteurs": [
                ["Mairie", "commune", "Songeons"],
                ["nom", "type", "commune"],
                ["Asso", "association", "Songeons"],
            ]
        }
    )
    territory = tg.read(path)
    assert list(territory.actors["name"]) == ["Asso"]
    assert [(w.code, w.row) for w in territory.warnings] == [("row_above_header", 1)]


def test_an_unknown_sheet_is_kept_aside_with_a_warning(make_workbook):
    path = make_workbook(
        {
            "acteurs": [["nom", "type"], ["Mairie", "commune"]],
            "Budget 2024": [["poste", "montant"], ["animation", 12000]],
        }
    )
    territory = tg.read(path)
    assert [(w.code, w.sheet) for w in territory.warnings] == [("sheet_unknown", "Budget 2024")]
    assert territory.extra_sheets["Budget 2024"].iloc[0]["montant"] == 12000


def test_every_data_row_read_is_kept_or_has_a_problem(make_workbook):
    actors = [["nom", "type", "influence"]] + [
        [f"Acteur {i}", "association", i % 7] for i in range(40)
    ]
    actors[10][0] = None
    links = [[*LINK, "intensité"]] + [
        [f"Acteur {i}", f"Acteur {(i * 7) % 40}", "coopération", -1 if i % 11 == 0 else 1]
        for i in range(60)
    ]
    path = make_workbook({"acteurs": actors, "relations": links})
    with pytest.raises(tg.InputError) as caught:
        tg.read(path)
    problem_rows = {(p.sheet, p.row) for p in caught.value.problems}
    # Rows not kept are named; everything else would be in the territory.
    assert ("acteurs", 11) in problem_rows
    assert {("relations", 2 + i) for i in range(0, 60, 11)} <= problem_rows


@pytest.mark.slow
def test_ten_thousand_rows_read_with_exact_row_numbers(tmp_path):
    book = openpyxl.Workbook(write_only=True)
    actors = book.create_sheet("acteurs")
    actors.append(["nom", "type", "code INSEE"])
    for number in range(12_000):
        actors.append([f"Acteur {number}", "association", 60000 + number % 700])
    links = book.create_sheet("relations")
    links.append(LINK)
    for number in range(12_000):
        links.append([f"Acteur {number}", f"Acteur {(number + 1) % 12_000}", "coopération"])
    links.append(["Acteur 1", "Acteur inconnu", "coopération"])
    book.save(tmp_path / "grand.xlsx")
    with pytest.raises(tg.InputError) as caught:
        tg.read(tmp_path / "grand.xlsx")
    assert [(p.code, p.sheet, p.row) for p in caught.value.problems] == [
        ("reference_unknown", "relations", 12_002)
    ]


def test_a_formula_never_computed_is_kept_as_text_or_read_as_empty_with_a_warning(tmp_path):
    book = openpyxl.Workbook()  # openpyxl saves formulas without their value
    sheet = book.active
    sheet.title = "acteurs"
    sheet.append(["nom", "type", "influence", "note"])
    sheet.append(["Mairie", "commune", "=2+1", '=B2&" de Songeons"'])
    book.save(tmp_path / "programme.xlsx")
    territory = tg.read(tmp_path / "programme.xlsx")
    mairie = territory.actors.iloc[0]
    assert pd.isna(mairie["influence"])
    assert mairie["note"] == '=B2&" de Songeons"'
    (warning,) = territory.warnings
    assert (warning.code, warning.row, warning.column) == ("formula_not_computed", 2, "influence")


def test_a_cell_showing_a_formula_error_is_reported_not_read_as_empty(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "acteurs"
    sheet.append(["nom", "type", "influence", "note"])
    sheet.append(["Mairie", "commune", "#DIV/0!", "#N/A"])  # openpyxl stores these as errors
    sheet.append(["#REF!", "association", 2, None])
    book.save(tmp_path / "erreurs.xlsx")
    with pytest.raises(tg.InputError) as caught:
        tg.read(tmp_path / "erreurs.xlsx")
    assert [(p.code, p.row, p.column) for p in caught.value.problems] == [
        ("cell_error", 2, "influence"),
        ("cell_error", 3, "nom"),
    ]
    assert "#DIV/0!" in caught.value.problems[0].message


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_table_starting_away_from_a1_keeps_the_spreadsheets_row_numbers(tmp_path, suffix):
    path = tmp_path / f"decale{suffix}"
    frame = pd.DataFrame({"nom": ["Mairie", None], "type": ["commune", "association"]})
    with pd.ExcelWriter(path, engine="odf" if suffix == ".ods" else "openpyxl") as writer:
        frame.to_excel(writer, sheet_name="acteurs", index=False, startrow=3, startcol=2)
    with pytest.raises(tg.InputError) as caught:
        tg.read(path)
    assert [(p.code, p.row, p.column) for p in caught.value.problems] == [
        ("value_missing", 6, "nom")
    ]
