"""The report workbook: sheets, readable headers, safety, formats, LibreOffice, determinism."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import territoire_graphe as tg
from territoire_graphe.messages import CATALOGUES, text
from territoire_graphe.render.excel_report import to_excel
from territoire_graphe.render.safe_cells import (
    csv_text,
    excel_value,
    formula_cells,
    safe_sheet_title,
)

FR_SHEETS = [
    "Synthèse",
    "Acteurs",
    "Relations",
    "Groupes",
    "Qui mobiliser",
    "Complémentarités",
    "Fragilités",
    "Définitions",
]
EN_SHEETS = [
    "Summary",
    "Actors",
    "Relations",
    "Groups",
    "Who to mobilise",
    "Complementarities",
    "Fragilities",
    "Definitions",
]
# FORMAT.md section 2: the columns Diagnosis.actors has at least.
FORMAT_ACTOR_COLUMNS = [
    "name",
    "type",
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "constraint",
    "effective_size",
    "community",
    "component",
    "is_isolated",
    "is_articulation_point",
    "broker_coordinator",
    "broker_itinerant",
    "broker_representative",
    "broker_gatekeeper",
    "broker_liaison",
]
LINK = '=HYPERLINK("http://x","y")'
HOSTILE = [
    LINK,
    "+1+1",
    "@SUM(A1)",
    "-2+3",
    "=1+2",
    "=A1",
    "@x",
    "=Claire",
    "+chef",
    "=locaux partagés",
    "@locaux",
    "-evil",
    "\tTAB",
    "#N/A",
]


def small_territory(**options) -> tg.Territory:
    """Five actors: a chain a-b-c-d, a pendant e on b, and f isolated; one extra column."""
    actors = [
        {
            "id": x,
            "name": f"Acteur {x.upper()}",
            "type": kind,
            "municipality": town,
            "siret": f"0000{i}",
            "budget": -2.5 * i,
        }
        for i, (x, kind, town) in enumerate(
            [
                ("a", "commune", "Songeons"),
                ("b", "association", "Songeons"),
                ("c", "association", "Gerberoy"),
                ("d", "entreprise", "Gerberoy"),
                ("e", "commune", "Gerberoy"),
                ("f", "entreprise", "Songeons"),
            ]
        )
    ]
    relations = [
        {
            "source": s,
            "target": t,
            "type": "coopération",
            "weight": 1.0,
            "start": pd.Timestamp(2021, 3, 15),
            "canal": "réunion",
        }
        for s, t in [("a", "b"), ("b", "c"), ("c", "d"), ("b", "e")]
    ]
    return tg.Territory.from_records(
        actors=actors,
        relations=relations,
        name="Petit Bray",
        date=pd.Timestamp(2024, 1, 1),
        **options,
    )


def hostile_territory() -> tg.Territory:
    """Names, types, communes, comments, resources and extra columns that look like formulas."""
    return tg.Territory.from_records(
        actors=[
            {
                "id": "a",
                "name": LINK,
                "type": "+1+1",
                "municipality": "@SUM(A1)",
                "sector": "-2+3",
                "=cmd": "=1+2",
                "score_local": -2.5,
            },
            {
                "id": "b",
                "name": "+33 asso",
                "type": "association",
                "municipality": "=A1",
                "=cmd": "@x",
                "score_local": 3,
            },
            {"id": "c", "name": "@mairie", "type": "commune", "=cmd": "#N/A"},
            {"id": "d", "name": "-2+3", "type": "commune", "municipality": "\tTAB"},
            {"id": "e", "name": "Normal", "type": "association"},
        ],
        relations=[
            {"source": "a", "target": "b", "type": "-evil", "comment": LINK, "=rel": "+1+1"},
            {"source": "b", "target": "c", "type": "coopération", "comment": "@c", "=rel": -2.5},
            {"source": "c", "target": "d", "type": "coopération", "source_person": "p"},
        ],
        people=[{"id": "p", "name": "=Claire", "actor": "c", "position": "+chef"}],
        resources=[{"actor": "a", "resource": "=locaux partagés", "category": "@locaux"}],
        needs=[{"actor": "e", "need": "=locaux partagés", "category": "@locaux"}],
        collectives=[{"id": "k", "name": "=Collectif", "type": "@PTCE"}],
        memberships=[{"actor": "a", "collective": "k"}, {"actor": "e", "collective": "k"}],
        name=LINK,
    )


@pytest.fixture(scope="module")
def small() -> tg.Diagnosis:
    return tg.diagnose(small_territory())


@pytest.fixture(scope="module")
def sample() -> tg.Diagnosis:
    return tg.diagnose(tg.read(tg.sample_path("pays_de_bray_2023.xlsx")))


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory) -> Path:
    return to_excel(
        tg.diagnose(hostile_territory()), tmp_path_factory.mktemp("hostile") / "rapport.xlsx"
    )


def header_map(sheet, row: int = 1) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[row] if cell.value is not None}


def column_values(sheet, header: str, row: int = 1) -> list:
    column = header_map(sheet, row)[header]
    return [c.value for c in next(sheet.iter_cols(min_col=column, max_col=column, min_row=row + 1))]


# -- sheets and headers -------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "names"), [("fr", FR_SHEETS), ("en", EN_SHEETS)])
def test_every_sheet_is_present_and_named_in_the_report_language(small, tmp_path, lang, names):
    path = to_excel(small, tmp_path / "r.xlsx", lang=lang)
    assert load_workbook(path).sheetnames == names


def test_the_report_language_defaults_to_the_diagnosis_language(tmp_path):
    d = tg.diagnose(small_territory(), lang="en")
    assert load_workbook(to_excel(d, tmp_path / "r.xlsx")).sheetnames == EN_SHEETS


def test_the_actors_sheet_has_one_row_per_actor_and_every_metric_column_of_the_format(
    sample, tmp_path
):
    sheet = load_workbook(to_excel(sample, tmp_path / "r.xlsx"))["Acteurs"]
    headers = header_map(sheet)
    assert column_values(sheet, "Identifiant") == list(sample.actors.index)
    assert sheet.max_row == len(sample.actors) + 1
    for column in [*FORMAT_ACTOR_COLUMNS, "is_key_player", "reach_loss"]:
        assert text(f"report.col.{column}", "fr") in headers, column
    assert "degree" not in headers and "is_isolated" not in headers  # readable, not snake_case
    assert column_values(sheet, "Intermédiarité") == pytest.approx(
        sample.actors["betweenness"].tolist()
    )


def test_every_metric_and_indicator_of_the_diagnosis_has_a_header_in_both_languages(sample):
    for lang in ("fr", "en"):
        for column in sample.actors.columns:
            assert f"report.col.{column}" in CATALOGUES[lang], column
        for indicator in sample.indicators.index:
            assert f"report.ind.{indicator}" in CATALOGUES[lang], indicator
            assert CATALOGUES[lang][f"report.ind.{indicator}.def"], indicator


def test_the_definitions_sheet_maps_each_readable_header_to_its_column_name(small, tmp_path):
    sheet = load_workbook(to_excel(small, tmp_path / "r.xlsx", lang="en"))["Definitions"]
    top = next(r for r in range(1, 6) if sheet.cell(r, 1).value == "Sheet")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=top + 1)]
    by_column = {(r[0], r[2]): r for r in rows}
    betweenness = by_column[("Actors", "betweenness")]
    assert betweenness[1] == "Betweenness" and "Freeman (1977)" in betweenness[5]
    assert "σ_st" in betweenness[4]
    assert by_column[("Indicators (Summary)", "density")][4] == "2m / (n(n − 1))"
    assert by_column[("Actors", "budget")][3]  # the workbook's own columns are listed too


# -- safety ---------------------------------------------------------------------------------
def test_no_cell_of_the_report_is_a_formula_even_with_hostile_text(hostile_report):
    assert formula_cells(hostile_report) == []
    with zipfile.ZipFile(hostile_report) as archive:
        for name in archive.namelist():
            assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name


def test_hostile_text_is_written_verbatim_as_text(hostile_report):
    book = load_workbook(hostile_report)
    written = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    written.setdefault(cell.value, cell)
    for value in HOSTILE:
        assert value in written, value
        assert written[value].data_type == "s", value
    assert written[LINK].quotePrefix  # editing the cell later keeps it as text
    assert book["Acteurs"]["B2"].value == LINK
    assert "=cmd" in header_map(book["Acteurs"]) and "=rel" in header_map(book["Relations"])


def test_numbers_stay_numbers_even_when_negative(hostile_report, small, tmp_path):
    sheet = load_workbook(hostile_report)["Acteurs"]
    assert column_values(sheet, "score_local")[:2] == [-2.5, 3]
    assert sheet.cell(2, header_map(sheet)["score_local"]).data_type == "n"
    relations = load_workbook(hostile_report)["Relations"]
    assert column_values(relations, "=rel")[1] == -2.5
    actors = load_workbook(to_excel(small, tmp_path / "r.xlsx"))["Acteurs"]
    degrees = column_values(actors, "Partenaires (degré)")
    assert degrees == small.actors["degree"].tolist()
    assert all(isinstance(v, int) for v in degrees)
    isolated = actors.cell(2, header_map(actors)["Isolé"])
    assert isolated.value in (0, 1) and isolated.number_format == '"oui";"oui";"non"'


def test_the_safety_helpers_neutralise_formula_like_text_only():
    assert csv_text("=1+2") == "'=1+2" and csv_text("\tx") == "'\tx"
    assert csv_text(-2.5) == "-2.5" and csv_text("Mairie") == "Mairie"
    assert excel_value(float("nan")) is None and excel_value(pd.NaT) is None
    assert excel_value(pd.Timestamp(2024, 5, 1)) == dt.datetime(2024, 5, 1)
    assert excel_value("a\x00b\x0bc") == "abc"  # control characters XML cannot carry
    assert safe_sheet_title("a/b:c*d?[e]") == "abcde"
    assert len(safe_sheet_title("x" * 40)) == 31


# -- formats and layout ---------------------------------------------------------------------
def test_the_actors_sheet_has_a_frozen_header_filters_and_print_settings(small, tmp_path):
    sheet = load_workbook(to_excel(small, tmp_path / "r.xlsx"))["Acteurs"]
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref.startswith("A1:") and sheet.auto_filter.ref.endswith(
        str(len(small.actors) + 1)
    )
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.column_dimensions["B"].width >= len("Acteur A")


def test_conditional_formatting_colours_the_central_and_flagged_actors(small, tmp_path):
    sheet = load_workbook(to_excel(small, tmp_path / "r.xlsx"))["Acteurs"]
    headers = header_map(sheet)
    formatted = {}
    for cells in sheet.conditional_formatting:
        for rule in cells.rules:
            assert not rule.formula  # colour scales: nothing computed from the data
            column = str(cells.sqref).split(":")[0].rstrip("0123456789")
            formatted[column] = rule.type
    for header in (
        "Partenaires (degré)",
        "Intermédiarité",
        "PageRank",
        "Isolé",
        "Point de coupure",
        "Acteur clé pour diffuser",
    ):
        letter = sheet.cell(1, headers[header]).column_letter
        assert formatted.get(letter) == "colorScale", header


def test_the_groups_sheet_shows_the_mixing_matrix_as_a_heat_map(sample, tmp_path):
    sheet = load_workbook(to_excel(sample, tmp_path / "r.xlsx"))["Groupes"]
    assert any(r.type == "colorScale" for cf in sheet.conditional_formatting for r in cf.rules)
    labels = [c.value for c in sheet["A"]]
    matrix = sample.mixing.matrix
    first = labels.index(matrix.index[0]) + 1  # rows count from 1
    assert [sheet.cell(first, 2 + j).value for j in range(len(matrix.columns))] == matrix.iloc[
        0
    ].tolist()
    assert text("report.ind.ei_index_type", "fr") in labels


def test_dates_are_real_dates_shown_the_french_way_and_a_year_as_the_year(small, tmp_path):
    book = load_workbook(to_excel(small, tmp_path / "r.xlsx"))
    date = next(row[1] for row in book["Synthèse"].iter_rows() if row[0].value == "Date")
    assert date.value == "2024"  # the workbook gives a year: not « 01/01/2024 »
    dated = tg.diagnose(tg.Territory(small.territory.graph.copy(), name="x", date="2024-03-15"))
    book_dated = load_workbook(to_excel(dated, tmp_path / "d.xlsx"))
    day = next(row[1] for row in book_dated["Synthèse"].iter_rows() if row[0].value == "Date")
    assert day.value == dt.datetime(2024, 3, 15) and day.number_format == "dd/mm/yyyy"
    starts = column_values(book["Relations"], "Début")
    assert starts[0] == dt.datetime(2021, 3, 15)


def test_the_territory_extra_columns_appear_in_actors_and_relations(small, tmp_path):
    book = load_workbook(to_excel(small, tmp_path / "r.xlsx"))
    assert column_values(book["Acteurs"], "siret")[:2] == ["00000", "00001"]
    assert column_values(book["Acteurs"], "budget")[1] == -2.5
    assert column_values(book["Relations"], "canal") == ["réunion"] * 4
    assert column_values(book["Relations"], "Source") == [
        "Acteur A",
        "Acteur B",
        "Acteur C",
        "Acteur B",
    ]


def test_the_findings_are_listed_by_priority_with_their_category(sample, tmp_path):
    sheet = load_workbook(to_excel(sample, tmp_path / "r.xlsx"))["Synthèse"]
    top = next(r[0].row for r in sheet.iter_rows() if r[0].value == "Catégorie")
    rows = [
        [c.value for c in r[:3]]
        for r in sheet.iter_rows(min_row=top + 1, max_row=top + len(sample.findings))
    ]
    assert [r[2] for r in rows] == sample.findings["text"].tolist()
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)


def test_a_network_without_ties_still_gives_a_complete_report(tmp_path):
    t = tg.Territory.from_records(
        actors=[
            {"id": "a", "name": "A", "type": "commune"},
            {"id": "b", "name": "B", "type": "association"},
        ]
    )
    book = load_workbook(to_excel(tg.diagnose(t), tmp_path / "r.xlsx"))
    assert book.sheetnames == FR_SHEETS
    assert any(c.value == "Rien à signaler." for c in book["Fragilités"]["A"])


# -- reproducibility -------------------------------------------------------------------------
def test_two_writes_of_the_same_diagnosis_give_identical_bytes(sample, tmp_path):
    first = to_excel(sample, tmp_path / "a.xlsx").read_bytes()
    second = to_excel(sample, tmp_path / "b.xlsx").read_bytes()
    assert first == second


def test_writing_the_report_does_not_modify_the_diagnosis(small, tmp_path):
    before = copy.deepcopy(small)
    to_excel(small, tmp_path / "r.xlsx", lang="en")
    pd.testing.assert_frame_equal(small.actors, before.actors)
    pd.testing.assert_frame_equal(small.findings, before.findings)
    pd.testing.assert_frame_equal(small.territory.actors, before.territory.actors)
    pd.testing.assert_series_equal(small.indicators, before.indicators)


# -- LibreOffice ----------------------------------------------------------------------------
def libreoffice(tmp_path: Path, source: Path, target: str) -> Path:
    """Convert ``source`` with headless LibreOffice (own profile: parallel runs don't clash)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out / f"{source.stem}.{target.split(':')[0]}"


@pytest.mark.slow
def test_libreoffice_opens_the_report_and_prints_it_to_pdf(sample, tmp_path):
    pdf = libreoffice(tmp_path, to_excel(sample, tmp_path / "rapport.xlsx"), "pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed: first page not checked")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    page = next(tmp_path.glob("page*.png"))
    image = pytest.importorskip("PIL.Image").open(page).convert("L")
    dark = sum(image.histogram()[:128])
    assert image.width > image.height  # landscape
    assert dark > 0.005 * image.width * image.height  # text on the page, not a blank sheet


@pytest.mark.slow
def test_libreoffice_shows_hostile_text_verbatim_instead_of_computing_it(hostile_report, tmp_path):
    # The first sheet (Synthèse) as UTF-8 CSV: a formula would show its result ("y").
    out = libreoffice(tmp_path, hostile_report, "csv:Text - txt - csv (StarCalc):44,34,76")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    territory = next(r for r in rows if r and r[0] == "Territoire")
    assert territory[1] == LINK


# -- what the committee and the analysts read first; people; warnings (issue 12) ----------------
def _cells(path: Path) -> list[str]:
    book = load_workbook(path)
    return [
        str(c.value)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]


def test_hide_leaves_no_person_name_in_any_cell_and_pseudonymise_numbers_them(sample, tmp_path):
    people = sample.territory.people["name"].tolist()
    assert people and any(
        p in cell for cell in _cells(to_excel(sample, tmp_path / "s.xlsx")) for p in people
    )  # shown by default: the test can fail
    hidden = " ".join(_cells(to_excel(sample, tmp_path / "h.xlsx", people="hide")))
    assert not any(p in hidden for p in people)
    masked = " ".join(_cells(to_excel(sample, tmp_path / "p.xlsx", people="pseudonymise")))
    assert not any(p in masked for p in people) and "Personne 1" in masked
    with pytest.raises(ValueError):
        to_excel(sample, tmp_path / "x.xlsx", people="tous")


def test_the_summary_gives_findings_first_then_indicators_in_words(sample, tmp_path):
    column = [
        c.value for c in load_workbook(to_excel(sample, tmp_path / "r.xlsx"))["Synthèse"]["A"]
    ]
    order = [
        column.index(text(k, "fr"))
        for k in (
            "report.section.findings",
            "doc.figures.title",
            "report.section.indicators",
            "report.section.provenance",
        )
    ]
    assert order == sorted(order)
    sheet = load_workbook(tmp_path / "r.xlsx")["Synthèse"]
    density = next(r for r in sheet.iter_rows() if r[0].value == text("report.ind.density", "fr"))
    assert density[1].value == pytest.approx(float(sample.indicators["density"]))
    assert density[2].value == text("report.ind.density.def", "fr")


def test_the_provenance_is_in_the_readers_language_not_internal_keys(sample, tmp_path):
    cells = _cells(to_excel(sample, tmp_path / "r.xlsx"))
    assert not any(c.startswith("key_players.") or c.startswith("betweenness.") for c in cells)
    assert any("graine : 0" in c for c in cells) and "Communautés" in cells
    english = _cells(to_excel(sample, tmp_path / "e.xlsx", lang="en"))
    assert any("seed: 0" in c for c in english)


def test_the_reading_warnings_are_listed_with_their_row(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "acteurs"
    for row in (["nom", "type"], ["Mairie", "commune"], ["Asso", "assocation"]):
        book.active.append(row)
    book.save(tmp_path / "t.xlsx")
    d = tg.diagnose(tg.read(tmp_path / "t.xlsx"))
    sheet = load_workbook(to_excel(d, tmp_path / "r.xlsx"))["Synthèse"]
    heading = next(
        r[0].row
        for r in sheet.iter_rows()
        if r[0].value == text("report.section.warnings", "fr", n=1)
    )
    row = [c.value for c in sheet[heading + 2]]
    assert row[0] == "acteurs" and row[1] == 3 and "assocation" in row[2]
