"""The survey sample (data/samples/build_enquete.py) reads back as it was planted."""

from __future__ import annotations

from pathlib import Path

import territoire_graphe as tg

SAMPLE = tg.sample_path("_enquete_sud_oise")
REPO_COPY = Path(__file__).resolve().parents[2] / "data" / "samples" / "_enquete_sud_oise"


def test_the_sample_is_a_roster_of_40_with_25_questionnaires_and_an_export():
    roster = tg.read(SAMPLE / "repertoire.xlsx")
    assert (len(roster.actors), len(roster.relations)) == (40, 6)
    files = sorted(p.name for p in (SAMPLE / "reponses").iterdir())
    # 25 actors, one of whom sent its workbook twice, and one workbook sent back untouched
    assert len(files) == 27
    assert (SAMPLE / "export_formulaire.csv").exists()


def test_the_package_copy_is_the_repository_sample():
    if not REPO_COPY.exists():  # an installed package without the repository
        return
    ours = sorted(p.relative_to(SAMPLE).as_posix() for p in SAMPLE.rglob("*") if p.is_file())
    theirs = sorted(
        p.relative_to(REPO_COPY).as_posix() for p in REPO_COPY.rglob("*") if p.is_file()
    )
    assert ours == theirs


def test_reading_the_sample_finds_the_planted_respondents_and_untidy_rows():
    s = tg.read_survey(
        [SAMPLE / "reponses", SAMPLE / "export_formulaire.csv"], roster=SAMPLE / "repertoire.xlsx"
    )
    # 25 questionnaires + 6 actors of the roster in the export (the 7th is not in the roster)
    assert int(s.respondents.sum()) == 31
    codes = [w.code for w in s.warnings]
    assert codes.count("survey_duplicate_answer") == 2  # the Ressourcerie, Ado Numérique
    assert codes.count("survey_respondent_unknown") == 1  # the Boulangerie du Plateau
    # Ville de Nogent-sur-Oise sent its workbook back untouched: named, and not a respondent
    (untouched,) = [w for w in s.warnings if w.code == "survey_questionnaire_untouched"]
    assert untouched.file == "questionnaire_ville_de_nogent_sur_oise.xlsx"
    assert not s.respondents["E04"]
    to_check = {r["cited"] for r in s.to_review()}
    assert to_check == {
        "Boulangerie du Plateau",
        "Cabinet comptable Dufour",
        "Emaus Conect",
        "Lycee Jules Uhri",
        "Fablab",
        "Incubateur ESS",
        "Tech'Oise",
        "Centre social G. Brassens",
    }
    matched = s.matches.set_index("cited")["actor"]
    assert matched["Emaus Conect"] == "E31" and matched["Mairie de Montataire"] == "E05"
    # the CAF cleared its known tie with the CCAS, then declared it again on a new row
    rel = s.territory.relations
    caf = rel[
        (rel["type"] == "financement")
        & (rel["source"].isin(["E07", "E06"]))
        & (rel["target"].isin(["E07", "E06"]))
    ]
    assert len(caf) == 1 and bool(caf.iloc[0]["confirmed"])
