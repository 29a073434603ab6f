"""Writing never destroys the user's file, never leaves half a file, and never writes a formula.

Before: ``report WB -o WB``, ``map WB -o WB``, ``compare A B -o A``, ``diff A B -o B`` and
``-o`` through a link to an input all exited 0 and replaced the input; ``to_csv`` wrote
``=HYPERLINK(...)``, ``@SUM(...)``, tab- and CR-led cells as they were.
"""

from __future__ import annotations

import csv
import importlib.util
import os
from pathlib import Path

import pytest

import territoire_graphe as tg
from territoire_graphe.cli import main
from territoire_graphe.cli_output import terminal_safe
from territoire_graphe.io.outputs import atomic_path, refused_outputs, same_file, write_bytes
from territoire_graphe.render.safe_cells import FORMULA_PREFIXES, csv_escape, csv_unescape

HOSTILE = [
    '=HYPERLINK("http://evil","clic")',
    "=cmd|' /C calc'!A0",
    "@SUM(A1:A2)",
    "+33 3 44",
    "-2+3",
    "\tTAB",
    "\rCR",
    "\nLF",
    "'=déjà",
    "''@deux",
    "'simple",
    "-2,5",
    "Mairie",
]


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "acteurs"
    sheet.append(["nom", "type", "commune"])
    sheet.append(["Mairie de Songeons", "commune", "Songeons"])
    sheet.append(["Les Jardins du Bray", "association", "Songeons"])
    links = book.create_sheet("relations")
    links.append(["source", "cible", "type"])
    links.append(["Mairie de Songeons", "Les Jardins du Bray", "coopération"])
    path = tmp_path / "territoire.xlsx"
    book.save(path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("command", [["report"], ["map"], ["image"], ["compare"]])
def test_a_command_refuses_to_write_over_its_input(
    capsys, tmp_path: Path, workbook: Path, forge, command: list[str]
) -> None:
    before = forge.fingerprint(tmp_path)
    code, _, err = run(capsys, *command, str(workbook), "-o", str(workbook))
    assert code == 2
    assert "rien n'a été écrit" in err
    assert forge.fingerprint(tmp_path) == before  # the input untouched, nothing else written


def test_compare_and_diff_refuse_an_output_that_is_any_of_their_inputs(
    capsys, tmp_path: Path, workbook: Path, forge
) -> None:
    other = tmp_path / "autre.xlsx"
    other.write_bytes(workbook.read_bytes())
    before = forge.fingerprint(tmp_path)
    assert run(capsys, "compare", str(workbook), str(other), "-o", str(workbook))[0] == 2
    assert run(capsys, "diff", str(workbook), str(other), "-o", str(other))[0] == 2
    assert forge.fingerprint(tmp_path) == before


def test_an_output_through_a_link_to_the_input_is_refused(
    capsys, tmp_path: Path, workbook: Path, forge
) -> None:
    link = tmp_path / "lien.xlsx"
    link.symlink_to(workbook)
    hard = tmp_path / "dur.xlsx"
    os.link(workbook, hard)
    before = forge.fingerprint(tmp_path)
    code, _, err = run(capsys, "report", str(workbook), "-o", str(link), "--lang", "en")
    assert code == 2 and "nothing was written" in err
    assert run(capsys, "map", str(workbook), "-o", str(hard))[0] == 2
    dotted = tmp_path / "sub" / ".." / workbook.name
    (tmp_path / "sub").mkdir()
    assert run(capsys, "report", str(workbook), "-o", str(dotted))[0] == 2
    assert forge.fingerprint(tmp_path) == before


def test_a_different_output_is_written_as_before(capsys, tmp_path: Path, workbook: Path) -> None:
    output = tmp_path / "rapport.xlsx"
    assert run(capsys, "report", str(workbook), "-o", str(output))[0] == 0
    assert output.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.xlsx", "territoire.xlsx"]


def test_same_file_and_refused_outputs_follow_links(tmp_path: Path) -> None:
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"x")
    link = tmp_path / "b.xlsx"
    link.symlink_to(target)
    assert same_file(target, link)
    assert not same_file(target, tmp_path / "c.xlsx")
    assert refused_outputs([str(target)], [str(tmp_path / "c.xlsx"), str(link)]) == [
        (str(link), str(target))
    ]


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "carte.html"
    target.write_text("ancienne carte")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("la moitié d'une")
        raise RuntimeError("interrupted")
    assert target.read_text() == "ancienne carte"
    assert [p.name for p in tmp_path.iterdir()] == ["carte.html"]
    write_bytes(target, b"nouvelle")
    assert target.read_bytes() == b"nouvelle"
    assert [p.name for p in tmp_path.iterdir()] == ["carte.html"]


def test_every_writer_goes_through_a_temporary_file(
    tmp_path: Path, workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each writer is stopped at its rename: the target must not exist then (nothing written
    # directly to it) and no temporary is left behind.
    import territoire_graphe.io.outputs as outputs

    def no_rename(source: str, destination: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(outputs.os, "replace", no_rename)
    t = tg.read(workbook)
    d = tg.diagnose(t)
    writers = {
        "carte.html": lambda p: tg.to_html(t, p, diagnosis=d),
        "rapport.xlsx": lambda p: tg.to_excel(d, p),
        "modele.xlsx": lambda p: tg.write_template(p),
        "t.gexf": lambda p: tg.to_gexf(t, p),
        "t.graphml": lambda p: tg.to_graphml(t, p),
        "t.json": lambda p: tg.to_json(t, p),
        "comparaison.xlsx": lambda p: __import__(
            "territoire_graphe.render.comparison_excel", fromlist=["x"]
        ).to_excel_comparison(tg.compare([t, t]), p),
        "evolution.xlsx": lambda p: tg.diff(t, t).to_excel(p),
    }
    if importlib.util.find_spec("matplotlib") is not None:  # the "image" extra
        writers["carte.svg"] = lambda p: tg.to_image(t, p, diagnosis=d)
    out = tmp_path / "out"
    out.mkdir()
    for name, write in writers.items():
        with pytest.raises(OSError, match="disk full"):
            write(out / name)
        assert list(out.iterdir()) == [], name
    with pytest.raises(OSError, match="disk full"):
        tg.to_csv(t, out / "csv")
    assert list((out / "csv").iterdir()) == []


def test_csv_escape_neutralises_every_formula_start_and_is_reversible() -> None:
    for value in HOSTILE:
        escaped = csv_escape(value)
        assert csv_unescape(escaped) == value
        if value.startswith(FORMULA_PREFIXES) and value != "-2,5":
            assert escaped.startswith("'")
    assert csv_escape("-2,5") == "-2,5" and csv_escape("Mairie") == "Mairie"


def test_to_csv_writes_no_cell_or_header_a_spreadsheet_would_run(tmp_path: Path) -> None:
    actors = [
        {
            "id": f"a{i}",
            "name": f"Acteur {i}",
            "type": "association",
            "municipality": value,
            "remarque": value,
        }
        for i, value in enumerate(HOSTILE)
    ]
    t = tg.Territory.from_records(actors=actors, relations=[], name="t")
    folder = tg.to_csv(t, tmp_path / "csv")
    with (folder / "acteurs.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    for row in rows:
        for cell in row:
            if cell[:1] in ("=", "+", "@", "\t", "\r", "\n") or (
                cell.startswith("-") and cell != "-2,5"
            ):
                pytest.fail(f"a cell a spreadsheet would run: {cell!r}")
    # Read back, every cell is what it was (trimmed, as every cell read is), and the
    # export of what was read reads back the same, byte for byte.
    back = tg.read(folder)
    assert back.actors["municipality"].tolist() == [v.strip() or None for v in HOSTILE]
    assert back.actors["remarque"].tolist() == [v.strip() or None for v in HOSTILE]
    again = tg.to_csv(back, tmp_path / "csv2")
    third = tg.to_csv(tg.read(again), tmp_path / "csv3")
    for path in sorted(again.glob("*.csv")):  # provenance.json names its own input
        assert path.read_bytes() == (third / path.name).read_bytes(), path.name


def test_a_formula_like_header_is_neutralised_and_reads_back(tmp_path: Path) -> None:
    actors = [{"id": "a", "name": "A", "type": "association", "=cmd|' /C calc'!A0": "x"}]
    t = tg.Territory.from_records(actors=actors, relations=[], name="t")
    folder = tg.to_csv(t, tmp_path / "csv")
    header = (folder / "acteurs.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert ";'=cmd|' /C calc'!A0" in header
    assert "=cmd|' /C calc'!A0" in tg.read(folder).actors.columns


def test_extra_sheets_get_distinct_valid_file_names(tmp_path: Path) -> None:
    import pandas as pd

    t = tg.Territory.from_records(
        actors=[{"id": "a", "name": "A", "type": "association"}], relations=[], name="t"
    )
    names = ["a:b", "a*b", "CON", "nul.txt", "Notes", "notes", "COM1"]
    t.extra_sheets.update({n: pd.DataFrame({"x": [n]}) for n in names})
    folder = tg.to_csv(t, tmp_path / "csv")
    extra = sorted(
        p.name
        for p in folder.glob("*.csv")  # beside them, provenance.json
        if p.stem
        not in {
            "acteurs",
            "relations",
            "flux",
            "interdependances",
            "collectifs",
            "adhesions",
            "ressources",
            "besoins",
            "personnes",
            "types",
        }
    )
    assert len(extra) == len(names)  # nothing overwritten
    assert len({n.casefold() for n in extra}) == len(names)  # distinct without case too
    reserved = {"con", "prn", "aux", "nul", "com1", "lpt1"}
    assert not any(n.split(".")[0].casefold() in reserved for n in extra)
    contents = sorted((folder / n).read_text(encoding="utf-8-sig").splitlines()[1] for n in extra)
    assert contents == sorted(names)


def test_terminal_output_neutralises_escape_sequences(capsys, tmp_path: Path) -> None:
    # XML cannot hold escape characters: a CSV file can.
    forged = "\x1b[2K\x1b[1A\x1b[2K\rLe classeur est valide.\x07"
    path = tmp_path / "acteurs.csv"
    path.write_text(f"nom;type\nA;{forged}\n;association\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out
    assert "\\x1b[2K" in out
    assert terminal_safe("a\u202eb") == "a\\u202eb"
