"""The hostile corpus: one generated file per kind of attack or breakage, and a seeded fuzzer.

Each case is read with its Python memory traced (``tracemalloc``, under a cap) in a
folder holding a bystander file; it must end in a clear ``InputError`` with the
expected code (or read, with the expected warning), take little memory, and leave
every other file as it was. The fuzzer mutates small valid files with a fixed seed:
every mutant reads or gives an ``InputError``, never anything else.
"""

from __future__ import annotations

import io
import random
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

import territoire_graphe as tg

MEMORY_CAP = 150 * 2**20  # Python allocations of one hostile read
ACTORS = [
    ["nom", "type"],
    ["Mairie de Songeons", "commune"],
    ["Les Jardins du Bray", "association"],
]


def xlsx_of(sheets: dict[str, list[list[object]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def simple() -> bytes:
    return xlsx_of(
        {
            "acteurs": ACTORS,
            "relations": [
                ["source", "cible", "type", "intensite"],
                ["Mairie de Songeons", "Les Jardins du Bray", "coopération", 2],
            ],
        }
    )


def _xss(folder: Path, forge) -> Path:
    path = folder / "xss.xlsx"
    path.write_bytes(
        xlsx_of(
            {
                "acteurs": [
                    ["nom", "type", "commune"],
                    [
                        "</script><script>alert(1)</script>",
                        "association",
                        '<img src=x onerror="alert(2)">',
                    ],
                    ["Mairie", "commune", "Songeons"],
                ]
            }
        )
    )
    return path


def _xxe(folder: Path, forge) -> Path:
    secret = folder / "secret.txt"
    secret.write_text("TOP-SECRET")
    path = folder / "xxe.graphml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY s SYSTEM "{secret.as_uri()}">]>'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>'
        '<node id="&s;"/></graph></graphml>'
    )
    return path


def _laughs(folder: Path, forge) -> Path:
    entities = '<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    path = folder / "laughs.gexf"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE g [{entities}]>'
        '<gexf xmlns="http://gexf.net/1.3"><graph><nodes>'
        '<node id="a" label="&l9;"/></nodes></graph></gexf>'
    )
    return path


def _truncated(folder: Path, forge) -> Path:
    path = folder / "coupe.xlsx"
    data = simple()
    path.write_bytes(data[: len(data) // 2])
    return path


def _password(folder: Path, forge) -> Path:
    path = folder / "protege.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 1024
    )
    return path


def _wrong_kind(folder: Path, forge) -> Path:
    path = folder / "image.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    return path


def _zip_of_other_files(folder: Path, forge) -> Path:
    path = folder / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "rien à voir")
    return path


def _far_cell(folder: Path, forge) -> Path:
    stray = f'<row r="1048576">{forge.inline("XFD1048576", " ")}</row>'.encode()
    return forge.sheet_xlsx(folder / "loin.xlsx", forge.actor_rows() + stray)


def _zip_bomb(folder: Path, forge) -> Path:
    return forge.xlsx(
        folder / "bombe.xlsx",
        forge.SHEET_HEAD + forge.actor_rows(),
        (b" " * (1 << 20), 100),
        forge.SHEET_TAIL,
    )


def _huge_cell(folder: Path, forge) -> Path:
    head = forge.SHEET_HEAD + forge.actor_rows() + b'<row r="9"><c r="A9" t="inlineStr"><is><t>'
    return forge.xlsx(
        folder / "cellule.xlsx",
        head,
        (b"a" * (1 << 20), 6),
        b"</t></is></c></row>" + forge.SHEET_TAIL,
    )


def _deep_json(folder: Path, forge) -> Path:
    path = folder / "profond.json"
    path.write_text('{"nodes": ' + "[" * 5000 + "]" * 5000 + ', "edges": []}')
    return path


def _huge_integer(folder: Path, forge) -> Path:
    path = folder / "entier.json"
    path.write_text('{"nodes": [{"id": ' + "7" * 10_000 + '}], "edges": []}')
    return path


def _huge_token(folder: Path, forge) -> Path:
    path = folder / "jeton.graphml"
    path.write_text(
        '<?xml version="1.0"?><graphml><graph><node id="'
        + "x" * 6_000_000
        + '"/></graph></graphml>'
    )
    return path


def _infinite_weight(folder: Path, forge) -> Path:
    path = folder / "infini.xlsx"
    path.write_bytes(
        xlsx_of(
            {
                "acteurs": ACTORS,
                "relations": [
                    ["source", "cible", "type", "intensite"],
                    ["Mairie de Songeons", "Les Jardins du Bray", "coopération", "1e400"],
                ],
            }
        )
    )
    return path


def _negative_quantity(folder: Path, forge) -> Path:
    path = folder / "negatif.xlsx"
    path.write_bytes(
        xlsx_of(
            {
                "acteurs": ACTORS,
                "flux": [
                    ["source", "cible", "type", "quantite"],
                    ["Mairie de Songeons", "Les Jardins du Bray", "financement", -3],
                ],
            }
        )
    )
    return path


def _utf16(folder: Path, forge) -> Path:
    path = folder / "acteurs.csv"
    path.write_bytes("nom;type\nMairie;commune\nAsso;association\n".encode("utf-16-le"))
    return path


def _ambiguous_number(folder: Path, forge) -> Path:
    path = folder / "milliers.xlsx"
    path.write_bytes(
        xlsx_of(
            {
                "acteurs": ACTORS,
                "relations": [
                    ["source", "cible", "type", "intensite"],
                    ["Mairie de Songeons", "Les Jardins du Bray", "coopération", "1.200"],
                ],
            }
        )
    )
    return path


def _uncomputed_formula(folder: Path, forge) -> Path:
    path = folder / "formule.xlsx"
    path.write_bytes(xlsx_of({"acteurs": [*ACTORS, ['=CONCAT("Mai","rie")', "commune"]]}))
    return path


# (case, maker, "error" or "warning", expected code)
CASES: list[tuple[str, Callable[[Path, object], Path], str, str]] = [
    ("XSS in cells (read as text)", _xss, "ok", ""),
    ("XXE in GraphML", _xxe, "error", "xml_entities"),
    ("billion laughs in GEXF", _laughs, "error", "xml_entities"),
    ("truncated workbook", _truncated, "error", "file_truncated"),
    ("password-protected workbook", _password, "error", "file_encrypted"),
    ("an image named .xlsx", _wrong_kind, "error", "file_not_workbook"),
    ("a zip of other files named .xlsx", _zip_of_other_files, "error", "file_not_workbook"),
    ("a value in XFD1048576", _far_cell, "error", "sheet_range_too_large"),
    ("a zip bomb", _zip_bomb, "error", "archive_too_large"),
    ("a 6 MB cell", _huge_cell, "error", "cell_too_large"),
    ("JSON 5,000 deep", _deep_json, "error", "json_too_deep"),
    ("a 10,000-digit integer", _huge_integer, "error", "json_number_too_long"),
    ("a 6 MB XML token", _huge_token, "error", "cell_too_large"),
    ("an infinite intensity", _infinite_weight, "error", "number_invalid"),
    ("a negative quantity", _negative_quantity, "error", "quantity_negative"),
    ("UTF-16 without BOM (read)", _utf16, "ok", ""),
    ("1.200 (warned)", _ambiguous_number, "warning", "number_thousands_ambiguous"),
    (
        "an uncomputed formula as a name (warned)",
        _uncomputed_formula,
        "warning",
        "formula_uncomputed_text",
    ),
]


@pytest.mark.parametrize(("case", "make", "outcome", "code"), CASES, ids=[c[0] for c in CASES])
def test_each_hostile_file_gives_a_clear_answer_in_bounded_memory_touching_nothing(
    tmp_path: Path, forge, case: str, make, outcome: str, code: str
) -> None:
    bystander = tmp_path / "autre_classeur.xlsx"
    bystander.write_bytes(simple())
    path = make(tmp_path, forge)
    before = forge.fingerprint(tmp_path)
    tracemalloc.start()
    try:
        try:
            territory = tg.read(path)
            error = None
        except tg.InputError as raised:
            territory, error = None, raised
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_CAP, f"{case}: {peak / 2**20:.0f} MiB"
    assert forge.fingerprint(tmp_path) == before  # nothing written, nothing changed
    if outcome == "error":
        assert error is not None, case
        assert code in {p.code for p in error.problems}
        assert all(p.message and p.hint for p in error.problems)
        assert "Traceback" not in str(error) and "TOP-SECRET" not in str(error)
    else:
        assert error is None, f"{case}: {error}"
        assert territory is not None
        if outcome == "warning":
            assert code in {p.code for p in territory.warnings}


def test_the_corpus_holds_one_case_per_kind() -> None:
    assert len(CASES) >= 18 and len({c[3] for c in CASES if c[3]}) >= 13


# -- the fuzzer -------------------------------------------------------------------------------
def _mutations(data: bytes, rng: random.Random) -> bytes:
    """One mutant: bytes flipped, a slice cut, repeated or moved."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        kind = rng.randrange(4)
        at = rng.randrange(len(data))
        if kind == 0:
            data[at] = rng.randrange(256)
        elif kind == 1:
            del data[at : at + rng.randint(1, 64)]
        elif kind == 2:
            data[at:at] = data[at : at + rng.randint(1, 64)] * rng.randint(1, 8)
        else:
            data = data[:at]
    return bytes(data or b"x")


def _sheet_mutant(rng: random.Random) -> bytes:
    """A workbook whose sheet XML was mutated inside a sound archive (past the zip's checks)."""
    with zipfile.ZipFile(io.BytesIO(simple())) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    xml = parts[sheet]
    choice = rng.randrange(3)
    if choice == 0:
        xml = _mutations(xml, rng)
    elif choice == 1:  # a cell moved far away
        far = f'r="{rng.choice(["XFD", "ZZ", "AAA", "B"])}{rng.randint(1, 1_048_576)}"'.encode()
        xml = xml.replace(b'r="B2"', far, 1)
    else:  # a formula without value, or an error value
        xml = xml.replace(b'<c r="A2" t="s"><v>', b'<c r="A2" t="e"><v>', 1)
    parts[sheet] = xml
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def test_seeded_fuzzing_of_workbooks_and_csv_gives_reads_or_input_errors(tmp_path: Path) -> None:
    rng = random.Random(20261202)
    sound = simple()
    csv_text = b"nom;type;intensite\r\nMairie;commune;2,5\r\nAsso;association;1\r\n"
    outcomes = {"read": 0, "InputError": 0}
    for number in range(120):
        kind = number % 3
        if kind == 0:
            data, name = _mutations(sound, rng), f"m{number}.xlsx"
        elif kind == 1:
            data, name = _sheet_mutant(rng), f"m{number}.xlsx"
        else:
            data, name = _mutations(csv_text, rng), "acteurs.csv"
        folder = tmp_path / str(number)
        folder.mkdir()
        path = folder / name
        path.write_bytes(data)
        try:
            tg.read(path)
            outcomes["read"] += 1
        except tg.InputError as error:
            assert error.problems and all(p.code and p.message for p in error.problems)
            outcomes["InputError"] += 1
        assert [p.name for p in folder.iterdir()] == [name]
    assert sum(outcomes.values()) == 120
    assert outcomes["InputError"] > 10 and outcomes["read"] > 5  # both paths were exercised
