"""KoboToolbox "labels" exports: select_multiple labels joined by spaces, labels with spaces.

The files are shaped as KoboToolbox (formpack) writes them: the main sheet, then the repeat
group ``lien`` in its own sheet joined by ``_index`` / ``_parent_index``; headers are the
questions' labels (the repeat's with its group path, separator ``/``); a select_multiple is
a summary cell of labels joined by single spaces plus, unless switched off, one
``question/choice`` column per choice holding 1 or 0; Kobo's own columns ``_id``, ``_uuid``,
``_submission_time``, ``_index``... The labels are read from the XLSForm we wrote.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import territoire_graphe as tg

# Names that a split on spaces cannot cut: "Ville de Creil Mairie de Nogent Creil Solidarité"
ACTORS = [
    ("V", "Ville de Creil", "commune"),
    ("N", "Mairie de Nogent", "commune"),
    ("S", "Creil Solidarité", "association"),
    ("L", "Solidarité", "association"),
    ("R", "Mairie", "commune"),
    ("E", "Épicerie de la Gare", "association"),
]


@pytest.fixture
def tricky() -> tg.Territory:
    return tg.Territory.from_records(
        actors=[{"id": i, "name": n, "type": t} for i, n, t in ACTORS], name="Creil"
    )


def form_labels(roster: tg.Territory, tmp_path: Path, lang: str = "fr"):
    """Question name -> label, and (list, name) -> label, from the XLSForm written."""
    form = tg.write_questionnaire(roster, tmp_path / f"form_{lang}.xlsx", form="xlsform", lang=lang)
    book = openpyxl.load_workbook(form)
    questions = {r[1]: r[2] for r in book["survey"].iter_rows(min_row=2, values_only=True) if r[1]}
    choices = {(r[0], r[1]): r[2] for r in book["choices"].iter_rows(min_row=2, values_only=True)}
    return questions, choices


KOBO_MAIN_TAIL = ["_id", "_uuid", "_submission_time", "_validation_status", "_status", "_index"]
KOBO_REPEAT_TAIL = [
    "_index",
    "_parent_table_name",
    "_parent_index",
    "_submission__id",
    "_submission__uuid",
    "_submission__submission_time",
]


def labels_export(roster, tmp_path, rows, links, *, details=True, lang="fr") -> Path:
    """rows: (respondent label, [partner labels], others, resources); links: (parent index,
    partner id, [type labels], weight label)."""
    q, c = form_labels(roster, tmp_path, lang)
    actors = [(name, label) for (lst, name), label in c.items() if lst == "acteurs"]
    types = [(name, label) for (lst, name), label in c.items() if lst == "types_lien"]
    book = openpyxl.Workbook()
    main = book.active
    main.title = "Liens entre acteurs - Creil"
    head = ["start", "end", q["repondant"], q["partenaires"]]
    head += [f"{q['partenaires']}/{label}" for _, label in actors] if details else []
    head += [q["autres_partenaires"], q["ressources"], q["besoins"], *KOBO_MAIN_TAIL]
    main.append(head)
    for k, (who, partners, others, resources) in enumerate(rows, start=1):
        ticks = [("1" if label in partners else "0") for _, label in actors] if details else []
        main.append(
            [
                "2024-03-01T09:00:00.000+01:00",
                "2024-03-01T09:10:00.000+01:00",
                who,
                " ".join(partners),  # formpack: labels joined by single spaces
                *ticks,
                others,
                resources,
                "",
                1000 + k,
                f"0b1c-{k}",
                f"2024-03-0{k}T09:10:00",
                "",
                "submitted_via_web",
                k,
            ]
        )
    repeat = book.create_sheet("lien")
    group = q["lien"]  # "Vos liens": the group path in the repeat's headers
    rhead = ["partenaire_id", "partenaire_nom", f"{group}/{q['types']}"]
    rhead += [f"{group}/{q['types']}/{label}" for _, label in types] if details else []
    rhead += [f"{group}/{q['intensite']}", f"{group}/{q['commentaire']}", *KOBO_REPEAT_TAIL]
    repeat.append(rhead)
    names = dict(roster.actors["name"])
    for k, (parent, partner, chosen, weight) in enumerate(links, start=1):
        ticks = [("1" if label in chosen else "0") for _, label in types] if details else []
        repeat.append(
            [
                *(partner, names[partner], " ".join(chosen), *ticks, weight, "", k, "x", parent),
                *(1000 + parent, f"0b1c-{parent}", "2024-03-01T09:10:00"),
            ]
        )
    path = tmp_path / "export_kobo.xlsx"
    book.save(path)
    return path


def ties(s) -> set[tuple[frozenset, str, float]]:
    return {
        (frozenset((r.source, r.target)), r.type, r.weight)
        for r in s.territory.relations.itertuples()
    }


@pytest.mark.parametrize("details", [True, False])
def test_labels_with_spaces_are_cut_against_the_choices(tricky, tmp_path, details):
    path = labels_export(
        tricky,
        tmp_path,
        rows=[
            (
                "Épicerie de la Gare",
                ["Ville de Creil", "Mairie de Nogent", "Creil Solidarité"],
                "",
                "",
            ),
            ("Mairie", ["Solidarité"], "", "Une salle"),
        ],
        links=[
            (1, "V", ["coopération", "achat / prestation"], "régulier"),
            (1, "N", ["financement"], "fort"),
            (1, "S", ["interconnaissance"], "occasionnel"),
            (2, "L", ["achat / prestation"], ""),
        ],
        details=details,
    )
    s = tg.read_survey(path, roster=tricky)
    assert ties(s) == {
        (frozenset("EV"), "coopération", 2.0),
        (frozenset("EV"), "achat / prestation", 2.0),
        (frozenset("EN"), "financement", 3.0),
        (frozenset("ES"), "interconnaissance", 1.0),
        (frozenset("RL"), "achat / prestation", 1.0),
    }
    assert sorted(s.respondents[s.respondents].index) == ["E", "R"]
    assert not [w for w in s.warnings if w.code == "survey_choice_unparsed"]


def test_the_per_choice_columns_are_read_before_the_summary(tricky, tmp_path):
    path = labels_export(
        tricky, tmp_path, rows=[("Mairie", ["Solidarité", "Creil Solidarité"], "", "")], links=[]
    )
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    ws.cell(row=2, column=4, value="Solidarité Creil Solidarité (abrégé)")  # summary spoilt
    book.save(path)
    s = tg.read_survey(path, roster=tricky)
    assert {frozenset((r.source, r.target)) for r in s.territory.relations.itertuples()} == {
        frozenset("RL"),
        frozenset("RS"),
    }
    assert not [w for w in s.warnings if w.code == "survey_choice_unparsed"]


def test_what_matches_no_choice_is_reported_with_file_row_and_column(tricky, tmp_path):
    path = labels_export(
        tricky,
        tmp_path,
        rows=[
            ("Ville de Creil", ["Mairie de Nogent"], "", ""),
            ("Mairie", ["Solidarité"], "", ""),
        ],
        links=[],
        details=False,
    )
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    header = ws.cell(row=1, column=4).value
    ws.cell(row=3, column=4, value="Solidarité Boulangerie Martin Ville de Creil")
    book.save(path)
    s = tg.read_survey(path, roster=tricky)
    (problem,) = [w for w in s.warnings if w.code == "survey_choice_unparsed"]
    assert (problem.file, problem.row, problem.column) == ("export_kobo.xlsx", 3, header)
    assert "« Boulangerie Martin »" in str(problem) and problem.severity == "warning"
    # what could be read is read: Mairie - Solidarité, Mairie - Ville de Creil
    assert {frozenset((r.source, r.target)) for r in s.territory.relations.itertuples()} == {
        frozenset("VN"),
        frozenset("RL"),
        frozenset("RV"),
    }


def test_a_csv_labels_export_of_the_main_sheet(tricky, tmp_path):
    q, _ = form_labels(tricky, tmp_path)
    path = tmp_path / "export.csv"
    header = ["start", q["repondant"], q["partenaires"], q["ressources"], "_id", "_uuid"]
    header += ["_submission_time", "_index"]
    lines = [
        ";".join(f'"{h}"' for h in header),
        '"2024-03-01";"Ville de Creil";"Mairie de Nogent Creil Solidarité Mairie";"";"1";"u1";'
        '"2024-03-01T10:00:00";"1"',
        '"2024-03-02";"Creil Solidarité";"Ville de Creil";"Des bénévoles";"2";"u2";'
        '"2024-03-02T10:00:00";"2"',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s = tg.read_survey(path, roster=tricky)
    found = {
        (frozenset((r.source, r.target)), r.type, r.confirmed)
        for r in s.territory.relations.itertuples()
    }
    assert found == {
        (frozenset("VN"), "interconnaissance", False),
        (frozenset("VS"), "interconnaissance", True),
        (frozenset("VR"), "interconnaissance", False),
    }
    assert s.territory.resources[["actor", "resource"]].values.tolist() == [["S", "Des bénévoles"]]


def test_an_english_labels_export_reads_back(tricky, tmp_path):
    path = labels_export(
        tricky,
        tmp_path,
        rows=[("Mairie de Nogent", ["Ville de Creil", "Mairie"], "", "")],
        links=[(1, "V", ["funding", "cooperation"], "strong"), (1, "R", ["acquaintance"], "")],
        lang="en",
    )
    s = tg.read_survey(path, roster=tricky, lang="en")
    assert ties(s) == {
        (frozenset("NV"), "financement", 3.0),
        (frozenset("NV"), "coopération", 3.0),
        (frozenset("NR"), "interconnaissance", 1.0),
    }


def test_a_form_tool_export_whose_header_is_votre_structure_is_not_taken_for_kobo(tricky, tmp_path):
    path = tmp_path / "reponses.csv"
    path.write_text(
        "ID;Heure de début;Horodateur;Votre structure;Vos partenaires\n"  # Microsoft Forms
        "1;2024-03-01 09:58;2024-03-01 10:00;Ville de Creil;Mairie de Nogent, Creil Solidarité\n",
        encoding="utf-8",
    )
    s = tg.read_survey(path, roster=tricky)
    assert {frozenset((r.source, r.target)) for r in s.territory.relations.itertuples()} == {
        frozenset("VN"),
        frozenset("VS"),
    }


def test_an_xml_values_export_with_group_paths_and_per_choice_columns(tricky, tmp_path):
    # "XML values and headers": names everywhere, the repeat's headers under "lien/"
    book = openpyxl.Workbook()
    main = book.active
    main.append(
        ["repondant", "partenaires", *(f"partenaires/{a}" for a in "VNSLRE"), *KOBO_MAIN_TAIL]
    )
    main.append(
        ["E", "V N", "1", "1", "0", "0", "0", "0", 1, "u1", "2024-03-01T10:00:00", "", "", 1]
    )
    repeat = book.create_sheet("lien")
    repeat.append(
        [
            *("lien/partenaire_id", "lien/partenaire_nom", "lien/types"),
            *("lien/types/cooperation", "lien/types/financement", "lien/intensite"),
            *KOBO_REPEAT_TAIL,
        ]
    )
    repeat.append(["V", "Ville de Creil", "cooperation", "1", "0", "3", 1, "x", 1, 1, "u1", ""])
    repeat.append(["N", "Mairie de Nogent", "financement", "0", "1", "1", 2, "x", 1, 1, "u1", ""])
    path = tmp_path / "xml.xlsx"
    book.save(path)
    s = tg.read_survey(path, roster=tricky)
    assert ties(s) == {
        (frozenset("EV"), "coopération", 3.0),
        (frozenset("EN"), "financement", 1.0),
    }
