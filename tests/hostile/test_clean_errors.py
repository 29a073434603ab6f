"""Each defect of the review's table has its test: a clear problem or warning, never a traceback.

Expected values are by hand: ``1.200,5`` is one thousand two hundred and a half, etc.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

import territoire_graphe as tg
from territoire_graphe.io.csvfiles import decode


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


ACTORS = [
    ["id", "nom", "type"],
    ["a", "Mairie", "commune"],
    ["b", "Asso", "association"],
    ["c", "Ferme", "entreprise"],
]


def codes(problems: list[tg.Problem]) -> list[str]:
    return [p.code for p in problems]


# -- merged cells -----------------------------------------------------------------------------
def test_a_commune_merged_over_three_rows_reaches_each_of_them(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "acteurs"
    for row in [
        ["nom", "type", "commune"],
        ["A", "commune", "Lille"],
        ["B", "association", None],
        ["C", "association", None],
    ]:
        sheet.append(row)
    sheet.merge_cells("C2:C4")
    book.save(tmp_path / "t.xlsx")
    t = tg.read(tmp_path / "t.xlsx")
    assert t.actors["municipality"].tolist() == ["Lille", "Lille", "Lille"]
    assert "merged_cells" not in codes(t.warnings)  # one column: no doubt


def test_a_merge_over_rows_and_columns_is_filled_and_warned(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "acteurs"
    for row in [
        ["nom", "type", "commune", "secteur"],
        ["A", "commune", "Lille", None],
        ["B", "association", None, None],
    ]:
        sheet.append(row)
    sheet.merge_cells("C2:D3")
    book.save(tmp_path / "t.xlsx")
    t = tg.read(tmp_path / "t.xlsx")
    assert t.actors["sector"].tolist() == ["Lille", "Lille"]
    warned = [p for p in t.warnings if p.code == "merged_cells"]
    assert len(warned) == 1 and "C2:D3" in warned[0].message and warned[0].row == 2


# -- intensities and numbers ------------------------------------------------------------------
def test_all_intensities_zero_give_a_diagnosis_a_map_and_a_report(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "t.xlsx",
        {
            "acteurs": ACTORS,
            "relations": [
                ["source", "cible", "type", "intensite"],
                ["a", "b", "coopération", 0],
                ["b", "c", "coopération", 0],
            ],
        },
    )
    t = tg.read(path)
    assert t.relations["weight"].tolist() == [0.0, 0.0]
    d = tg.diagnose(t)
    assert d.indicators["ties"] == 2
    tg.to_html(t, tmp_path / "carte.html", diagnosis=d)
    tg.to_excel(d, tmp_path / "rapport.xlsx")
    assert (tmp_path / "carte.html").stat().st_size > 0


@pytest.mark.parametrize("written", ["1e400", "-1e400", "1" * 500])
def test_an_infinite_or_absurd_intensity_is_refused(tmp_path: Path, written: str) -> None:
    path = workbook(
        tmp_path / "t.xlsx",
        {
            "acteurs": ACTORS,
            "relations": [
                ["source", "cible", "type", "intensite"],
                ["a", "b", "coopération", written],
            ],
        },
    )
    with pytest.raises(tg.InputError) as error:
        tg.read(path)
    problem = error.value.problems[0]
    assert (problem.code, problem.sheet, problem.row) == ("number_invalid", "relations", 2)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1.200,5", 1200.5),
        ("1 200,5", 1200.5),
        ("1\u202f200,5", 1200.5),
        ("1.200.300", 1200300.0),
        ("2,5", 2.5),
        ("1,234.5", 1234.5),
    ],
)
def test_thousands_separators_are_understood(tmp_path: Path, written: str, expected: float) -> None:
    path = workbook(
        tmp_path / "t.xlsx",
        {
            "acteurs": ACTORS,
            "relations": [
                ["source", "cible", "type", "intensite"],
                ["a", "b", "coopération", written],
            ],
        },
    )
    t = tg.read(path)
    assert t.relations["weight"].tolist() == [expected]
    assert "number_thousands_ambiguous" not in codes(t.warnings)


def test_a_dot_before_three_digits_is_read_as_decimals_with_a_warning(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "t.xlsx",
        {
            "acteurs": ACTORS,
            "relations": [
                ["source", "cible", "type", "intensite"],
                ["a", "b", "coopération", "1.200"],
                ["b", "c", "coopération", "1.200"],
            ],
        },
    )
    t = tg.read(path, lang="en")
    assert t.relations["weight"].tolist() == [1.2, 1.2]
    warned = [p for p in t.warnings if p.code == "number_thousands_ambiguous"]
    assert [p.row for p in warned] == [2, 3]
    assert "1.2" in warned[0].message and "1,200" in warned[0].message


def test_a_negative_quantity_is_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "t.xlsx",
        {
            "acteurs": ACTORS,
            "flux": [
                ["source", "cible", "type", "quantite", "unite"],
                ["a", "b", "financement", -5000, "euros"],
            ],
        },
    )
    with pytest.raises(tg.InputError) as error:
        tg.read(path)
    problem = error.value.problems[0]
    assert (problem.code, problem.sheet, problem.row, problem.column) == (
        "quantity_negative",
        "flux",
        2,
        "quantite",
    )


# -- text that is not markup ------------------------------------------------------------------
def test_mathtext_in_a_territory_name_is_drawn_as_text(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")  # the chart and the image (the "image" extra)
    from territoire_graphe.render.comparison_excel import to_excel_comparison

    actors = [
        {"id": "a", "name": "A $\\foo$", "type": "commune"},
        {"id": "b", "name": "B_$x^{2$", "type": "commune"},
    ]
    relations = [{"source": "a", "target": "b", "type": "coopération"}]
    first = tg.Territory.from_records(actors=actors, relations=relations, name="budget_$\\foo$")
    second = tg.Territory.from_records(actors=actors, relations=relations, name="autre $x^{2$")
    to_excel_comparison(tg.compare([first, second]), tmp_path / "comparaison.xlsx")
    with zipfile.ZipFile(tmp_path / "comparaison.xlsx") as archive:
        assert any(n.startswith("xl/media/") for n in archive.namelist())  # the chart is there
    tg.to_image(first, tmp_path / "carte.png", title="titre $\\bar$")
    assert (tmp_path / "carte.png").read_bytes()[:4] == b"\x89PNG"


# -- JSON -------------------------------------------------------------------------------------
def test_node_link_json_nested_a_thousand_deep_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('{"nodes": [' + "[" * 1000 + "]" * 1000 + '], "edges": []}')
    with pytest.raises(tg.InputError) as error:
        tg.read(path)
    assert codes(error.value.problems) == ["json_too_deep"]


def test_node_link_json_with_a_5000_digit_integer_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text('{"nodes": [{"id": "a", "poids": ' + "9" * 5000 + '}], "edges": []}')
    with pytest.raises(tg.InputError) as error:
        tg.read(path)
    assert codes(error.value.problems) == ["json_number_too_long"]


def test_read_positions_refuses_hostile_map_data_clearly(tmp_path: Path) -> None:
    t = tg.Territory.from_records(actors=[{"id": "a", "name": "A", "type": "commune"}])
    page = tg.to_html(t, tmp_path / "carte.html").read_text(encoding="utf-8")
    start = page.index(">", page.index('id="tg-data"')) + 1
    end = page.index("</script>", start)
    deep = page[:start] + "[" * 1000 + "]" * 1000 + page[end:]
    (tmp_path / "deep.html").write_text(deep, encoding="utf-8")
    with pytest.raises(tg.InputError) as error:
        tg.read_positions(tmp_path / "deep.html")
    assert codes(error.value.problems) == ["json_too_deep"]
    huge = page[:start] + json.dumps({"nodes": []})[:-1] + ', "x": ' + "1" * 5000 + "}" + page[end:]
    (tmp_path / "huge.html").write_text(huge, encoding="utf-8")
    with pytest.raises(tg.InputError) as error:
        tg.read_positions(tmp_path / "huge.html")
    assert codes(error.value.problems) == ["json_number_too_long"]


# -- XML --------------------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_one_huge_xml_token_is_refused_before_parsing(tmp_path: Path, suffix: str) -> None:
    root = "graphml" if suffix == ".graphml" else "gexf"
    path = tmp_path / f"t{suffix}"
    with path.open("w") as handle:
        handle.write(f'<?xml version="1.0"?><{root}><graph><node id="')
        handle.write("a" * 5_000_000)
        handle.write(f'"/></graph></{root}>')
    with pytest.raises(tg.InputError) as error:
        tg.read(path)
    assert codes(error.value.problems) == ["cell_too_large"]


# -- encodings --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_utf16_and_utf32_csv_files_are_read_with_or_without_bom(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "acteurs.csv"
    path.write_bytes("nom;type\nMairie de Liévin;commune\nŒuvre;association\n".encode(encoding))
    t = tg.read(path)
    assert t.actors["name"].tolist() == ["Mairie de Liévin", "Œuvre"]


def test_a_broken_utf16_file_names_its_encoding(tmp_path: Path) -> None:
    data = "nom;type\nMairie;commune\n".encode("utf-16-le") + b"\x00\xd8"  # a lone surrogate
    with pytest.raises(tg.InputError) as error:
        decode(data, display="acteurs.csv", lang="en")
    problem = error.value.problems[0]
    assert problem.code == "csv_encoding_unsupported" and "UTF-16-LE" in problem.message


# -- sheets -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["Aide", "Notice", "Listes", "Help", "Readme"])
def test_a_help_named_sheet_holding_a_table_is_kept_and_warned(tmp_path: Path, name: str) -> None:
    path = workbook(
        tmp_path / "t.xlsx",
        {"acteurs": ACTORS, name: [["source", "cible", "type"], ["a", "b", "coopération"]]},
    )
    t = tg.read(path)
    assert name in t.extra_sheets and len(t.extra_sheets[name]) == 1
    assert [p.sheet for p in t.warnings if p.code == "sheet_unknown"] == [name]


def test_help_sheets_holding_instructions_are_still_skipped(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "t.xlsx",
        {"acteurs": ACTORS, "Aide": [["Comment remplir ce classeur"], ["Une ligne par acteur."]]},
    )
    t = tg.read(path)
    assert "Aide" not in t.extra_sheets and "sheet_unknown" not in codes(t.warnings)
    template = tg.write_template(tmp_path / "modele.xlsx")
    # The template's example rows are warned about (template_examples); nothing else.
    assert [w.code for w in tg.read(template).warnings] == ["template_examples"]


# -- the report and Excel's limits ------------------------------------------------------------
def test_a_report_never_has_more_columns_than_excel_allows(tmp_path: Path) -> None:
    actors = [
        {
            "id": f"a{i}",
            "name": f"A{i}",
            "type": "association",
            **{f"c{j}": j for j in range(16_400)},
        }
        for i in range(2)
    ]
    t = tg.Territory.from_records(
        actors=actors, relations=[{"source": "a0", "target": "a1", "type": "coopération"}]
    )
    path = tg.to_excel(tg.diagnose(t), tmp_path / "rapport.xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    assert max(sheet.max_column for sheet in book.worksheets) <= 16_384
    notes = [
        cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=False)
        for cell in row[:1]
        if isinstance(cell.value, str) and "16 384" in cell.value
    ]
    assert notes  # the cut is said
