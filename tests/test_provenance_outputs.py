"""Every output says what made it: version, inputs (name, date, file), parameters, analysis.

Each file is parsed as a program would read it (the JSON block of the map, a cell of the
workbooks, a paragraph of the document, the graph data of GraphML...), never through the
code that wrote it; and with ``people="hide"`` no hidden person's name is in the record.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

import territoire_graphe as tg
from territoire_graphe.provenance import Provenance, is_provenance_sheet, output_provenance

LABEL = "Provenance (JSON)"  # the French and English catalogues write it alike


@pytest.fixture(scope="module")
def bray() -> tg.Territory:
    return tg.read(tg.sample_path("pays_de_bray_2024.xlsx"))


@pytest.fixture(scope="module")
def diagnosis(bray) -> tg.Diagnosis:
    return tg.diagnose(bray, permutations=50)


def _after_label(value: str) -> dict:
    assert value.startswith(LABEL), value[:80]
    return json.loads(value[value.index("{") :])


def _cells(path: Path, sheet: str | None = None) -> list[str]:
    book = load_workbook(path)
    sheets = [book[sheet]] if sheet else book.worksheets
    return [
        c
        for s in sheets
        for row in s.iter_rows(values_only=True)
        for c in row
        if isinstance(c, str)
    ]


def _from_workbook(path: Path, sheet: str | None = None) -> dict:
    book = load_workbook(path)
    for s in [book[sheet]] if sheet else book.worksheets:
        for row in s.iter_rows(values_only=True):
            cells = [c for c in row if c is not None]
            if cells and cells[0] == LABEL:  # the report: label, then the JSON in its column
                return json.loads(cells[1])
            if cells and isinstance(cells[0], str) and cells[0].startswith(LABEL):
                return _after_label(cells[0])
    raise AssertionError(f"no provenance in {path.name}")


def _from_map(path: Path) -> dict:
    page = path.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="tg-provenance">(.*?)</script>', page)
    assert found is not None
    return json.loads(found.group(1))


def _from_docx(path: Path) -> dict:
    import docx

    lines = [p.text for p in docx.Document(str(path)).paragraphs if p.text.startswith(LABEL)]
    assert len(lines) == 1
    return _after_label(lines[0])


def _from_gexf(path: Path) -> dict:
    ns = {"g": "http://gexf.net/1.3"}
    description = ET.parse(path).getroot().find("g:meta/g:description", ns)
    assert description is not None and description.text is not None
    name, record = description.text.split("\n")
    assert name == "Pays de Bray"  # the name the workbook gave (its territoire sheet)
    return json.loads(record)


WRITERS: dict[str, tuple[Callable, Callable[[Path], dict], str]] = {
    # output: (writer(t, d, path), reader(path), file name)
    "map": (lambda t, d, p: tg.to_html(t, p, diagnosis=d, people="hide"), _from_map, "m.html"),
    "report": (lambda t, d, p: tg.to_excel(d, p, people="hide"), _from_workbook, "r.xlsx"),
    "document": (
        lambda t, d, p: tg.to_docx(d, p, people="hide", images=False),
        _from_docx,
        "d.docx",
    ),
    "csv": (
        lambda t, d, p: tg.to_csv(t, p, diagnosis=d, people="hide"),
        lambda p: json.loads((p / "provenance.json").read_text(encoding="utf-8")),
        "csv",
    ),
    "gexf": (lambda t, d, p: tg.to_gexf(t, p, diagnosis=d, people="hide"), _from_gexf, "t.gexf"),
    "graphml": (
        lambda t, d, p: tg.to_graphml(t, p, diagnosis=d, people="hide"),
        lambda p: json.loads(nx.read_graphml(p).graph["provenance"]),
        "t.graphml",
    ),
    "json": (
        lambda t, d, p: tg.to_json(t, p, diagnosis=d, people="hide"),
        lambda p: json.loads(p.read_text(encoding="utf-8"))["graph"]["provenance"],
        "t.json",
    ),
    "kumu": (
        lambda t, d, p: tg.to_kumu(t, p, diagnosis=d, people="hide"),
        lambda p: json.loads(load_workbook(p)["provenance"]["A2"].value),
        "k.xlsx",
    ),
    "graphology": (
        lambda t, d, p: tg.to_graphology(t, p, diagnosis=d, people="hide"),
        lambda p: json.loads(p.read_text(encoding="utf-8"))["attributes"]["provenance"],
        "g.json",
    ),
    "geojson": (
        lambda t, d, p: tg.to_geojson(t, p, diagnosis=d, people="hide"),
        lambda p: json.loads(p.read_text(encoding="utf-8"))["provenance"],
        "t.geojson",
    ),
}

BRAY_2024 = {"name": "Pays de Bray", "date": "2024-01-01", "source": "pays_de_bray_2024.xlsx"}


@pytest.mark.parametrize("output", sorted(WRITERS))
def test_every_output_of_a_diagnosis_carries_its_provenance(output, bray, diagnosis, tmp_path):
    write, read_back, name = WRITERS[output]
    path = tmp_path / name
    write(bray, diagnosis, path)
    record = read_back(path)
    assert record["package"] == "territoire_graphe" and record["version"] == tg.__version__
    assert record["output"] == output
    assert record["inputs"] == [BRAY_2024]
    assert record["parameters"]["people"] == "hide"
    assert record["analysis"]["communities"]["seed"] == 0
    assert record["analysis"]["mixing"]["permutations"] == 50
    assert "timings_s" not in record["analysis"]  # the same inputs give the same file
    written = json.dumps(record, ensure_ascii=False)
    hidden = [str(n) for n in bray.people["name"]]
    assert hidden and not [n for n in hidden if n in written]


def test_an_export_without_a_diagnosis_says_so(bray, tmp_path):
    record = json.loads(
        (tg.to_csv(bray, tmp_path / "csv", people="pseudonymise") / "provenance.json").read_text(
            encoding="utf-8"
        )
    )
    assert "analysis" not in record
    assert record["parameters"] == {"people": "pseudonymise", "lang": "fr"}


def test_the_map_also_says_it_in_a_line_a_reader_sees(bray, diagnosis, tmp_path):
    page = tg.to_html(bray, tmp_path / "m.html", diagnosis=diagnosis).read_text(encoding="utf-8")
    footer = re.search(r'<footer id="tg-about">(.*?)</footer>', page)
    assert footer is not None
    assert footer.group(1) == (
        f"Produit avec territoire_graphe {tg.__version__} à partir de "
        "« pays_de_bray_2024.xlsx » (2024) ; graine : 0."
    )


def test_the_comparison_holds_a_typed_provenance_and_writes_it(tmp_path):
    files = [tg.sample_path(f"pays_de_bray_{year}.xlsx") for year in (2023, 2024)]
    table = tg.compare(files, seed=3)
    assert isinstance(table, tg.Comparison) and isinstance(table.provenance, Provenance)
    assert table.provenance["parameters"]["seed"] == 3
    assert "provenance" not in table.attrs  # no longer in the experimental attrs
    assert table.head(1).provenance == table.provenance  # kept by pandas operations
    record = _from_workbook(tg.to_excel_comparison(table, tmp_path / "c.xlsx", chart=False))
    assert record["output"] == "comparison" and record["version"] == tg.__version__
    assert [i["source"] for i in record["inputs"]] == [f.name for f in files]
    assert [i["date"] for i in record["inputs"]] == ["2023-01-01", "2024-01-01"]
    assert record["parameters"]["seed"] == 3 and record["parameters"]["permutations"] == 0


def test_the_evolution_workbook_carries_both_dates(tmp_path):
    before = tg.read(tg.sample_path("pays_de_bray_2023.xlsx"))
    after = tg.read(tg.sample_path("pays_de_bray_2024.xlsx"))
    record = _from_workbook(tg.diff(before, after).to_excel(tmp_path / "e.xlsx"))
    assert record["output"] == "evolution" and record["version"] == tg.__version__
    assert [i["date"] for i in record["inputs"]] == ["2023-01-01", "2024-01-01"]
    assert record["analysis"]["communities"]["seed"] == 0


def test_two_writes_of_the_same_diagnosis_give_the_same_record(bray, diagnosis, tmp_path):
    first = _from_map(tg.to_html(bray, tmp_path / "a.html", diagnosis=diagnosis))
    second = _from_map(
        tg.to_html(bray, tmp_path / "b.html", diagnosis=tg.diagnose(bray, permutations=50))
    )
    assert first == second


def test_a_source_path_is_written_as_its_file_name_only():
    t = tg.Territory.from_records(
        actors=[{"id": "a", "name": "A", "type": "commune"}],
        name="T",
        source="/home/jeanne.martin/Documents/territoire.xlsx",
    )
    record = output_provenance("csv", [t]).to_dict()
    assert record["inputs"] == [{"name": "T", "date": None, "source": "territoire.xlsx"}]


@pytest.mark.parametrize(
    ("header", "rows", "expected"),
    [
        (["provenance"], [['{"package": "territoire_graphe", "version": "0.1.0"}']], True),
        (["provenance"], [['{"package": "autre"}']], False),  # someone else's record: data
        (["provenance"], [["not json"]], False),
        (["provenance"], [["{}"], ["{}"]], False),
        (["provenance", "x"], [['{"package": "territoire_graphe"}', 1]], False),
    ],
)
def test_only_our_own_provenance_sheet_is_left_unread(header, rows, expected):
    assert is_provenance_sheet("provenance", header, rows) is expected
    assert is_provenance_sheet("Provenance2", header, rows) is False


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_the_image_carries_its_provenance_in_its_own_metadata(suffix, bray, diagnosis, tmp_path):
    pytest.importorskip("matplotlib")
    path = tg.to_image(bray, tmp_path / f"carte{suffix}", diagnosis=diagnosis, people="hide")
    if suffix == ".png":
        from PIL import Image

        with Image.open(path) as image:
            description = image.text["Description"]
    else:
        dc = "{http://purl.org/dc/elements/1.1/}"
        found = ET.parse(path).getroot().find(f".//{dc}description")
        assert found is not None and found.text is not None
        description = found.text
    record = json.loads(description)
    assert record["output"] == "image" and record["version"] == tg.__version__
    assert record["inputs"] == [BRAY_2024]
    assert record["parameters"]["people"] == "hide"
    assert record["analysis"]["communities"]["seed"] == 0
    hidden = [str(n) for n in bray.people["name"]]
    assert not [n for n in hidden if n in description]
