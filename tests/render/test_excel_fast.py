"""The report's table rows written as XML (render/excel_fast.py), read back by openpyxl."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from openpyxl import load_workbook
from openpyxl.styles.cell_style import StyleArray

import territoire_graphe as tg
from territoire_graphe.render.excel_fast import Block, Column

AWKWARD = [
    "  espaces autour  ",
    "A & B <c> \"d\" 'e'",
    "ligne 1\r\nligne 2",
    "=1+1",
    "-3",
    "é ü ß 中",
]


def test_awkward_text_comes_back_verbatim_and_formula_like_text_is_quoted(tmp_path):
    actors = [
        {"id": f"a{i}", "name": name, "type": "association"} for i, name in enumerate(AWKWARD)
    ]
    relations = [
        {
            "source": "a0",
            "target": f"a{i}",
            "type": "coopération",
            "start": pd.Timestamp(2021, 3, 15),
        }
        for i in range(1, len(AWKWARD))
    ]
    t = tg.Territory.from_records(actors=actors, relations=relations, name="Essai")
    path = tg.to_excel(tg.diagnose(t), tmp_path / "r.xlsx")
    book = load_workbook(path)
    sheet = book["Acteurs"]
    header = {c.value: c.column for c in sheet[1]}
    cells = {
        sheet.cell(row=r, column=header["Nom"]).value: sheet.cell(row=r, column=header["Nom"])
        for r in range(2, 2 + len(AWKWARD))
    }
    assert set(cells) == set(AWKWARD)
    for name, cell in cells.items():
        assert cell.data_type == "s"
        assert cell.quotePrefix == (name in ("=1+1", "-3"))
    relations_sheet = book["Relations"]
    header = {c.value: c.column for c in relations_sheet[1]}
    start = relations_sheet.cell(row=2, column=header["Début"])
    assert start.value == dt.datetime(2021, 3, 15) and start.number_format == "dd/mm/yyyy"
    assert not any(
        "tg:rows" in str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
    )


def test_a_block_writes_numbers_flags_and_empty_cells_as_openpyxl_does():
    style = StyleArray()
    block = Block(
        key="0",
        first=5,
        sparse=False,
        heights=[30.0, None],
        columns=[Column([True, None], style, "flag"), Column([2, 0.1], style, "float")],
    )
    xml = block.xml(lambda s: 7 + s.quotePrefix, None)
    assert xml == (
        '<row r="5" ht="30" customHeight="1"><c r="A5" s="7" t="b"><v>1</v></c>'
        '<c r="B5" s="7" t="n"><v>2</v></c></row>'
        '<row r="6"><c r="A6" s="7" t="n"/><c r="B6" s="7" t="n"><v>0.1</v></c></row>'
    )
    sparse = Block(
        key="0",
        first=1,
        sparse=True,
        heights=[None],
        columns=[Column([None], style, "text"), Column(["x"], style, "text")],
    )
    assert sparse.xml(lambda s: 0, str.upper) == (
        '<row r="1"><c r="B1" s="0" t="inlineStr"><is><t>X</t></is></c></row>'
    )


def test_text_that_looks_like_a_marker_is_written_as_it_is(tmp_path):
    actors = [
        {"id": "a", "name": "tg:rows:0:first", "type": "association"},
        {"id": "b", "name": "tg:rows:0:last", "type": "association"},
    ]
    t = tg.Territory.from_records(
        actors=actors,
        name="tg:rows:1:first",
        relations=[{"source": "a", "target": "b", "type": "coopération"}],
    )
    book = load_workbook(tg.to_excel(tg.diagnose(t), tmp_path / "r.xlsx"))
    sheet = book["Acteurs"]
    header = {c.value: c.column for c in sheet[1]}
    assert [sheet.cell(row=r, column=header["Nom"]).value for r in (2, 3)] == [
        "tg:rows:0:first",
        "tg:rows:0:last",
    ]
    assert sheet.max_row == 3
