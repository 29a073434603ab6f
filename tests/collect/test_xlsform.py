"""The XLSForm converts with pyxform, and its KoboToolbox / ODK exports read back."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import territoire_graphe as tg
from territoire_graphe.collect.xlsform import choice_names

xls2xform = pytest.importorskip("pyxform.xls2xform")


def test_the_xlsform_converts_to_an_xform_without_error(roster, tmp_path):
    path = tg.write_questionnaire(roster, tmp_path / "kobo.xlsx", form="xlsform")
    result = xls2xform.convert(str(path))
    xform = result.xform
    assert "<repeat" in xform and '/lien"' in xform
    assert "count-selected(" in xform and "/partenaires )" in xform
    for name in roster.actors["name"]:
        assert name.replace("'", "&apos;") in xform or name in xform


def test_the_xlsform_lists_the_roster_and_the_relation_types(roster, tmp_path):
    path = tg.write_questionnaire(roster, tmp_path, form="xlsform")
    assert path.name == "questionnaire_kobo.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["survey", "choices", "settings"]
    choices = [(r[0], r[1]) for r in book["choices"].iter_rows(min_row=2, values_only=True)]
    assert [c for lst, c in choices if lst == "acteurs"] == list(roster.actors.index)
    assert ("types_lien", "financement") in choices


def kobo_export(path: Path, roster: tg.Territory) -> Path:
    names = choice_names(roster)
    book = openpyxl.Workbook()
    main = book.active
    main.title = "Liens entre acteurs"
    main.append(
        [
            "start",
            "repondant",
            "partenaires",
            "autres_partenaires",
            "ressources",
            "besoins",
            "_id",
            "_submission_time",
            "_index",
        ]
    )
    main.append(
        [
            "x",
            names["V"],
            f"{names['C']} {names['A']}",
            "Boulangerie Martin",
            "",
            "",
            11,
            "2024-03-01T10:00:00",
            1,
        ]
    )
    main.append(["x", names["C"], names["V"], "", "Conseil", "", 12, "2024-03-02T10:00:00", 2])
    repeat = book.create_sheet("lien")
    repeat.append(
        [
            "partenaire_id",
            "partenaire_nom",
            "types",
            "intensite",
            "commentaire",
            "_index",
            "_parent_table_name",
            "_parent_index",
        ]
    )
    repeat.append([names["C"], "CAF de l'Oise", "financement information", 3, "", 1, "x", 1])
    repeat.append([names["A"], "ARDES", "cooperation", 2, "", 2, "x", 1])
    repeat.append([names["V"], "Ville de Creil", "financement", 1, "", 3, "x", 2])
    book.save(path)
    return path


def test_a_kobo_export_with_its_repeat_sheet_reads_back(roster, tmp_path):
    s = tg.read_survey(kobo_export(tmp_path / "export.xlsx", roster), roster=roster)
    found = {
        (frozenset((r.source, r.target)), r.type, r.confirmed)
        for r in s.territory.relations.itertuples()
    }
    assert found == {
        (frozenset("VC"), "financement", True),
        (frozenset("VC"), "information", False),
        (frozenset("VA"), "coopération", False),
    }
    assert s.matches.set_index("cited").loc["Boulangerie Martin", "status"] == "unknown"
    assert s.territory.resources["resource"].tolist() == ["Conseil"]


def test_a_csv_export_of_the_main_sheet_alone_gives_default_ties(roster, tmp_path):
    names = choice_names(roster)
    path = tmp_path / "export.csv"
    path.write_text(
        "repondant;partenaires;_submission_time\n"
        f"{names['J']};{names['M']} {names['P']};2024-03-01\n",
        encoding="utf-8",
    )
    s = tg.read_survey(path, roster=roster)
    assert {
        (frozenset((r.source, r.target)), r.type)
        for r in s.territory.relations.itertuples()
        if isinstance(r.declared_by, str)
    } == {(frozenset("JM"), "interconnaissance"), (frozenset("JP"), "interconnaissance")}


def test_an_odk_central_csv_pair_is_joined_by_its_keys(roster, tmp_path):
    names = choice_names(roster)
    main = tmp_path / "enquete.csv"
    main.write_text(
        "SubmissionDate,repondant,partenaires,KEY\n"
        f"2024-03-01T10:00:00Z,{names['A']},{names['J']},uuid:1\n"
        f"2024-03-02T10:00:00Z,{names['J']},{names['A']},uuid:2\n",
        encoding="utf-8",
    )
    repeat = tmp_path / "enquete-lien.csv"
    repeat.write_text(
        "partenaire_id,types,intensite,PARENT_KEY,KEY\n"
        f"{names['J']},cooperation,3,uuid:1,uuid:1/lien[1]\n"
        f"{names['A']},cooperation,1,uuid:2,uuid:2/lien[1]\n",
        encoding="utf-8",
    )
    s = tg.read_survey([main, repeat], roster=roster)
    declared = s.territory.relations.dropna(subset=["declared_by"])
    assert declared[["type", "weight", "confirmed"]].values.tolist() == [["coopération", 2.0, True]]
