"""``territoire-graphe export``: the format from the extension, usage errors that write nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest

import territoire_graphe as tg
from territoire_graphe.cli import main
from territoire_graphe.data import sample_path

SAMPLE = sample_path("colombelles_tzcld.xlsx")


@pytest.mark.parametrize(
    ("name", "option", "check"),
    [
        ("t.gexf", [], lambda p: nx.read_gexf(p).number_of_nodes() > 30),
        ("t.graphml", [], lambda p: nx.read_graphml(p).number_of_nodes() > 30),
        ("t.json", [], lambda p: "nodes" in json.loads(p.read_text(encoding="utf-8"))),
        (
            "t.json",
            ["--format", "graphology"],
            lambda p: json.loads(p.read_text(encoding="utf-8"))["options"]["type"] == "mixed",
        ),
        ("kumu.xlsx", [], lambda p: len(tg.read(p).actors) > 30),
        (
            "t.geojson",
            [],
            lambda p: json.loads(p.read_text(encoding="utf-8"))["type"] == "FeatureCollection",
        ),
        ("dossier", [], lambda p: (p / "acteurs.csv").is_file()),
    ],
)
def test_export_writes_the_format_of_the_extension(tmp_path, capsys, name, option, check):
    output = tmp_path / name
    assert main(["export", str(SAMPLE), "-o", str(output), *option]) == 0
    assert check(output)
    assert str(output.resolve()) in capsys.readouterr().out


def test_an_extension_export_cannot_write_is_a_usage_error_listing_those_it_can(tmp_path, capsys):
    output = tmp_path / "t.docx"
    assert main(["export", str(SAMPLE), "-o", str(output)]) == 2
    error = capsys.readouterr().err
    assert "« .docx »" in error and ".gexf, .graphml" in error
    assert not output.exists()


def test_exporting_over_the_input_is_a_usage_error_and_leaves_it_untouched(tmp_path, capsys):
    source = tmp_path / "t.xlsx"
    shutil.copy(SAMPLE, source)
    before = source.read_bytes()
    assert main(["--lang", "en", "export", str(source), "-o", str(source), "--format", "kumu"]) == 2
    assert "nothing was written, the original is untouched" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_export_hides_people_on_request(tmp_path):
    t = tg.read(sample_path("voisinerie_wazemmes.xlsx"))
    output = tmp_path / "t.gexf"
    assert (
        main(
            [
                "export",
                str(sample_path("voisinerie_wazemmes.xlsx")),
                "-o",
                str(output),
                "--people",
                "hide",
            ]
        )
        == 0
    )
    content = output.read_text(encoding="utf-8")
    assert not any(str(name) in content for name in t.people["name"])


def test_export_prints_the_reading_warnings(tmp_path, capsys):
    paypal = Path(__file__).parent / "data" / "real_files" / "kumu" / "paypal-mafia.xlsx"
    assert main(["export", str(paypal), "-o", str(tmp_path / "p.gexf")]) == 0
    assert "Influence" in capsys.readouterr().err


def test_people_hidden_in_a_format_that_cannot_hide_them_writes_nothing(tmp_path, capsys):
    import inspect

    if "people" in inspect.signature(tg.to_csv).parameters:
        pytest.skip("to_csv hides people: covered by its own tests")
    output = tmp_path / "dossier"
    assert (
        main(
            [
                "export",
                str(sample_path("voisinerie_wazemmes.xlsx")),
                "-o",
                str(output),
                "--people",
                "hide",
            ]
        )
        == 2
    )
    assert not output.exists()
    assert "--people hide" in capsys.readouterr().err
