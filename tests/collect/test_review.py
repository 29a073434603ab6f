"""The review workbook: names to check, a decision each, applied on the next reading."""

from __future__ import annotations

import openpyxl

import territoire_graphe as tg

from .test_exports import write_csv


def answers(tmp_path):
    return write_csv(
        tmp_path / "reponses.csv",
        [
            ["Horodateur", "Structure", "Partenaires"],
            ["2024-03-01", "Ville de Creil", "Jardin du Brai; Boulangerie Martin; Café num; Truc"],
            ["2024-03-02", "Asso Inconnue", "Ville de Creil"],
        ],
    )


def decide(path, decisions: dict[str, tuple[str, str | None, str | None]]) -> None:
    book = openpyxl.load_workbook(path)
    ws = book.active
    header = [c.value for c in ws[1]]
    cited, decision = header.index("nom cité") + 1, header.index("décision") + 1
    actor, kind = header.index("acteur") + 1, header.index("type") + 1
    for row in range(2, ws.max_row + 1):
        name = ws.cell(row=row, column=cited).value
        if name in decisions:
            choice, other, new_type = decisions[name]
            ws.cell(row=row, column=decision, value=choice)
            ws.cell(row=row, column=actor, value=other)
            ws.cell(row=row, column=kind, value=new_type)
    book.save(path)


def test_the_review_lists_each_name_to_check_with_its_candidates(roster, tmp_path):
    s = tg.read_survey(answers(tmp_path), roster=roster)
    path = s.write_review(tmp_path / "revue.xlsx")
    ws = openpyxl.load_workbook(path).active
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {
        "Jardin du Brai",
        "Boulangerie Martin",
        "Café num",
        "Truc",
        "Asso Inconnue",
    }
    header = [c.value for c in ws[1]]
    proposed = rows["Jardin du Brai"][header.index("acteur proposé")]
    assert proposed == "Jardins du Bray"
    assert rows["Jardin du Brai"][header.index("statut")] == "probable"
    assert "Café numérique" in rows["Café num"][header.index("autres candidats (score)")]
    validations = ws.data_validations.dataValidation
    assert any(str(v.sqref).startswith("J2") for v in validations)


def test_decisions_apply_on_the_next_reading_and_are_not_asked_again(roster, tmp_path):
    path = answers(tmp_path)
    first = tg.read_survey(path, roster=roster)
    review = first.write_review(tmp_path / "revue.xlsx")
    decide(
        review,
        {
            "Jardin du Brai": ("cet acteur", None, None),
            "Café num": ("un autre acteur", "Café numérique", None),
            "Boulangerie Martin": ("nouvel acteur", None, "entreprise"),
            "Asso Inconnue": ("nouvel acteur", None, "association"),
            "Truc": ("ignorer", None, None),
        },
    )
    second = tg.read_survey(path, roster=roster, review=review)
    t = second.territory
    assert t.actors.loc["Boulangerie Martin", "type"] == "entreprise"
    assert bool(t.actors.loc["Asso Inconnue", "respondent"])
    found = {
        (frozenset((r.source, r.target)), r.type)
        for r in t.relations.itertuples()
        if isinstance(r.declared_by, str)
    }
    assert found == {
        (frozenset(("V", "J")), "interconnaissance"),
        (frozenset(("V", "K")), "interconnaissance"),
        (frozenset(("V", "Boulangerie Martin")), "interconnaissance"),
        (frozenset(("V", "Asso Inconnue")), "interconnaissance"),
    }
    assert set(second.matches["status"]) <= {"exact", "decided"}
    assert [r for r in second.to_review() if not r.get("decision")] == []
    again = second.write_review(tmp_path / "revue_2.xlsx")  # decided rows kept, decided
    third = tg.read_survey(path, roster=roster, review=again)
    assert len(third.territory.relations) == len(t.relations)


def test_an_empty_decision_leaves_the_name_to_check(roster, tmp_path):
    path = answers(tmp_path)
    review = tg.read_survey(path, roster=roster).write_review(tmp_path / "revue.xlsx")
    decide(review, {"Truc": ("ignorer", None, None)})
    s = tg.read_survey(path, roster=roster, review=review)
    asked = {r["cited"] for r in s.to_review() if not r.get("decision")}
    assert asked == {"Jardin du Brai", "Boulangerie Martin", "Café num", "Asso Inconnue"}


def test_another_actor_that_is_not_in_the_roster_is_warned_about(roster, tmp_path):
    path = answers(tmp_path)
    review = tg.read_survey(path, roster=roster).write_review(tmp_path / "revue.xlsx")
    decide(review, {"Truc": ("un autre acteur", "Personne de ce nom", None)})
    s = tg.read_survey(path, roster=roster, review=review)
    assert "review_actor_unknown" in [w.code for w in s.warnings]
    assert s.matches.set_index("cited").loc["Truc", "status"] == "unknown"
