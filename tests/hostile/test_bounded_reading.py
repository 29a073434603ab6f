"""Reading is bounded: far cells, zip bombs and huge cells give a clear InputError, in little memory.

Before these bounds, a 2.4 kB workbook with one space in XFD1048576 made calamine
abort the process (SIGABRT, 512 GiB asked for), and a 4 MB zip bomb grew to 6 GB.
Each dangerous file is read in a child process whose address space is capped at
1.5 GiB: a crash, a kill or a MemoryError would show as a missing "InputError" line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import territoire_graphe as tg

CAP_MIB = 1536
# What a child importing the library and reading a tiny workbook takes, with room to spare.
SMALL_MIB = 400


def codes(error: pytest.ExceptionInfo[tg.InputError]) -> set[str]:
    return {p.code for p in error.value.problems}


@pytest.mark.parametrize("cell", ["XFD1048576", "ALL200000", "B3000000"])
def test_a_stray_value_far_from_the_data_is_refused_without_allocating_the_range(
    tmp_path: Path, forge, cell: str
) -> None:
    row = int("".join(c for c in cell if c.isdigit()))
    stray = f'<row r="{row}">{forge.inline(cell, " ")}</row>'
    path = forge.sheet_xlsx(tmp_path / "far.xlsx", forge.actor_rows() + stray.encode())
    ending = forge.guarded(path, cap_mib=CAP_MIB)
    assert ending.signal is None
    assert ending.line == "InputError sheet_range_too_large"
    assert ending.peak_mib < SMALL_MIB
    with pytest.raises(tg.InputError) as error:
        tg.read(path)
    problem = error.value.problems[0]
    assert (problem.code, problem.sheet) == ("sheet_range_too_large", "acteurs")
    assert cell in problem.message and cell in problem.hint


def test_an_empty_inline_string_in_the_last_cell_is_refused_too(tmp_path: Path, forge) -> None:
    # calamine counts an empty inline string as a cell (an empty <v/> it does not).
    stray = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t></t></is></c></row>'
    path = forge.sheet_xlsx(tmp_path / "far.xlsx", forge.actor_rows() + stray)
    assert forge.guarded(path, cap_mib=CAP_MIB).line == "InputError sheet_range_too_large"


def test_cells_without_reference_count_from_their_row(tmp_path: Path, forge) -> None:
    # No r= on the cell: its place is its row's, after the previous cell.
    stray = b'<row r="1048576">' + b'<c t="inlineStr"><is><t>x</t></is></c>' * 8 + b"</row>"
    path = forge.sheet_xlsx(tmp_path / "far.xlsx", forge.actor_rows() + stray)
    with pytest.raises(tg.InputError) as error:
        tg.read(path)
    assert codes(error) == {"sheet_range_too_large"}
    assert "H1048576" in error.value.problems[0].message


def test_a_far_cell_within_the_limit_is_read_as_one_more_cell(tmp_path: Path, forge) -> None:
    stray = (
        f'<row r="900">{forge.inline("A900", "Loin")}{forge.inline("B900", "association")}'
        f"{forge.inline('C900', 'note')}</row>"
    ).encode()
    path = forge.sheet_xlsx(tmp_path / "near.xlsx", forge.actor_rows() + stray)
    territory = tg.read(path)
    assert len(territory.actors) == 4  # the 3 actors and the far one
    assert territory.actors["C"].dropna().tolist() == ["note"]


def test_the_sheet_limit_can_be_lowered_and_raised(tmp_path: Path, forge) -> None:
    stray = (
        f'<row r="900">{forge.inline("A900", "Loin")}{forge.inline("B900", "association")}'
        f"{forge.inline('C900', 'note')}</row>"
    ).encode()
    path = forge.sheet_xlsx(tmp_path / "near.xlsx", forge.actor_rows() + stray)
    with pytest.raises(tg.InputError) as error:
        tg.read(path, limits=tg.Limits(sheet_cells=1000))  # 900 x 3 = 2,700 cells, 11 filled
    assert codes(error) == {"sheet_range_too_large"}
    assert len(tg.read(path, limits=tg.Limits(sheet_cells=3000)).actors) == 4


def test_a_dense_sheet_past_the_cell_limit_is_still_read(tmp_path: Path, forge) -> None:
    # 21 rows x 2 columns, all filled: more than sheet_cells=10, but not sparse.
    path = forge.sheet_xlsx(tmp_path / "dense.xlsx", forge.actor_rows(20))
    assert len(tg.read(path, limits=tg.Limits(sheet_cells=10)).actors) == 20


def test_a_zip_bomb_is_refused_from_its_central_directory(tmp_path: Path, forge) -> None:
    chunk = b" " * (1 << 20)  # 200 MiB of blanks between rows: valid XML, ~200 kB zipped
    path = forge.xlsx(
        tmp_path / "bomb.xlsx",
        forge.SHEET_HEAD + forge.actor_rows(),
        (chunk, 200),
        forge.SHEET_TAIL,
    )
    assert path.stat().st_size < 1_000_000
    ending = forge.guarded(path, cap_mib=CAP_MIB)
    assert ending.line == "InputError archive_too_large"
    assert ending.peak_mib < SMALL_MIB


def test_a_zip_bomb_whose_directory_lies_is_stopped_while_inflating(tmp_path: Path, forge) -> None:
    # The directory says 1,000 bytes a part: inflating stops there, the check of the part
    # fails, and the file is reported as damaged before calamine ever opens it.
    chunk = b" " * (1 << 20)
    path = forge.xlsx(
        tmp_path / "bomb.xlsx",
        forge.SHEET_HEAD + forge.actor_rows(),
        (chunk, 200),
        forge.SHEET_TAIL,
    )
    forge.lie_about_sizes(path)
    ending = forge.guarded(path, cap_mib=CAP_MIB)
    assert ending.line == "InputError file_truncated"
    assert ending.peak_mib < SMALL_MIB


def test_the_inflated_size_limit_can_be_lowered_and_raised(tmp_path: Path, forge) -> None:
    # 3 MiB of blanks between the rows.
    chunk = b" " * (1 << 20)
    path = forge.xlsx(
        tmp_path / "big.xlsx", forge.SHEET_HEAD + forge.actor_rows(), (chunk, 3), forge.SHEET_TAIL
    )
    with pytest.raises(tg.InputError) as error:
        tg.read(path, limits=tg.Limits(inflated_bytes=2 * 2**20), lang="en")
    assert codes(error) == {"archive_too_large"}
    assert "worksheets/sheet1.xml" in error.value.problems[0].message
    assert len(tg.read(path, limits=tg.Limits(inflated_bytes=8 * 2**20)).actors) == 3


def test_one_huge_cell_is_refused_without_reading_it_whole(tmp_path: Path, forge) -> None:
    head = forge.SHEET_HEAD + forge.actor_rows() + b'<row r="9"><c r="A9" t="inlineStr"><is><t>'
    path = forge.xlsx(
        tmp_path / "cell.xlsx",
        head,
        (b"a" * (1 << 20), 12),
        b"</t></is></c>"
        + forge.inline("B9", "association").encode()
        + b"</row>"
        + forge.SHEET_TAIL,
    )
    with pytest.raises(tg.InputError) as error:
        tg.read(path)
    assert codes(error) == {"cell_too_large"}
    assert error.value.problems[0].sheet == "acteurs"
    # The same cell is read when the limit allows it.
    territory = tg.read(path, limits=tg.Limits(cell_bytes=20 * 2**20))
    assert territory.actors["name"].str.len().max() == 12 * 2**20


def test_a_file_past_the_size_limit_is_refused_before_being_read(tmp_path: Path, forge) -> None:
    path = forge.sheet_xlsx(tmp_path / "t.xlsx", forge.actor_rows())
    with pytest.raises(tg.InputError) as error:
        tg.read(path, limits=tg.Limits(file_bytes=100), lang="en")
    assert codes(error) == {"file_too_large"}
    assert "Limits(file_bytes=" in error.value.problems[0].hint


def test_the_bounded_scan_still_finds_uncomputed_formulas(tmp_path: Path, forge) -> None:
    rows = forge.actor_rows() + (
        b'<row r="5"><c r="A5"><f>CONCAT("Mai","rie")</f></c>'
        + forge.inline("B5", "commune").encode()
        + b"</row>"
    )
    path = forge.sheet_xlsx(tmp_path / "f.xlsx", rows)
    territory = tg.read(path)
    assert '=CONCAT("Mai","rie")' in territory.actors["name"].tolist()
    warned = [p for p in territory.warnings if p.code == "formula_uncomputed_text"]
    assert len(warned) == 1 and warned[0].row == 5 and "A5" in warned[0].message


_ODS = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="acteurs">{rows}'
    "</table:table></office:spreadsheet></office:body></office:document-content>"
)


def _ods_cell(value: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    )


def _ods(path: Path, rows: str) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", _ODS.format(rows=rows))
        archive.writestr(
            "META-INF/manifest.xml",
            (
                '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                "</manifest:manifest>"
            ),
        )
    return path


def test_an_ods_value_after_a_million_repeated_rows_is_refused(tmp_path: Path, forge) -> None:
    head = (
        f"<table:table-row>{_ods_cell('nom')}{_ods_cell('type')}</table:table-row>"
        f"<table:table-row>{_ods_cell('A')}{_ods_cell('commune')}</table:table-row>"
    )
    stray = (
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
        '<table:table-row><table:table-cell table:number-columns-repeated="16383"/>'
        f"{_ods_cell(' ')}</table:table-row>"
    )
    path = _ods(tmp_path / "loin.ods", head + stray)
    ending = forge.guarded(path, cap_mib=CAP_MIB)
    assert ending.line == "InputError sheet_range_too_large"
    with pytest.raises(tg.InputError) as error:
        tg.read(path)
    assert "XFD1048573" in error.value.problems[0].message
    # The same table without the stray value is read; empty repeated rows cost nothing.
    empty = (
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    assert len(tg.read(_ods(tmp_path / "propre.ods", head + empty)).actors) == 1
