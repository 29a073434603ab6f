"""The survey line (response rate, confirmed ties, fragile figures) in the map and reports."""

from __future__ import annotations

import json
import re

import openpyxl
import pytest

import territoire_graphe as tg
from territoire_graphe.findings.response import response_line

NBSP = "\u00a0"
FRAGILE_FR = "l'intermédiarité et la centralisation sont fragiles"
FRAGILE_EN = "betweenness and centralisation are fragile"


def survey_territory(answered: int, total: int, confirmed: int, relations: int) -> tg.Territory:
    """``total`` actors of which the first ``answered`` answered; a chain of ``relations``
    relations, the first ``confirmed`` of them confirmed."""
    actors = [
        {"id": f"a{k}", "name": f"Acteur {k}", "type": "association", "respondent": k < answered}
        for k in range(total)
    ]
    rels = [
        {
            "source": f"a{k}",
            "target": f"a{(k + 1) % total}",
            "type": "coopération",
            "confirmed": k < confirmed,
        }
        for k in range(relations)
    ]
    return tg.Territory.from_records(actors=actors, relations=rels, name="Enquête test")


# -- the line itself: figures and grammar, checked by hand ---------------------------------------


def test_32_of_41_is_78_percent_and_names_the_fragile_figures():
    line = response_line(survey_territory(32, 41, 12, 30), "fr")
    assert line.startswith(
        f"Enquête : 32 acteurs sur 41 ont répondu (78{NBSP}%) ; "
        "12 relations sur 30 sont confirmées par les deux parties. "
    )
    assert FRAGILE_FR in line and "le degré entrant, la proximité et la transitivité" in line
    assert "Smith et Moody 2013" in line and "Smith, Morgan et Moody 2021" in line


def test_at_80_percent_the_figures_hold():
    line = response_line(survey_territory(4, 5, 2, 3), "fr")
    assert f"4 acteurs sur 5 ont répondu (80{NBSP}%)" in line
    assert "2 relations sur 3 sont confirmées" in line
    assert FRAGILE_FR not in line and "les chiffres tiennent" in line
    en = response_line(survey_territory(4, 5, 2, 3), "en")
    assert en.startswith(
        "Survey: 4 actors out of 5 answered (80%); 2 relations out of 3 are confirmed"
    )
    assert "the figures hold" in en and FRAGILE_EN not in en


def test_singular_and_none_are_said_correctly():
    one = response_line(survey_territory(1, 1, 1, 1), "fr")
    assert f"1 acteur sur 1 a répondu (100{NBSP}%)" in one
    assert "1 relation sur 1 est confirmée par les deux parties" in one
    none = response_line(survey_territory(0, 2, 0, 1), "fr")
    assert f"aucun acteur sur 2 n'a répondu (0{NBSP}%)" in none
    assert "aucune relation n'est confirmée par les deux parties" in none
    assert "0 acteur" not in none and "0 relation" not in none
    en_one = response_line(survey_territory(1, 3, 1, 2), "en")
    assert (
        "1 actor out of 3 answered (33%)" in en_one and "1 relation out of 2 is confirmed" in en_one
    )
    en_none = response_line(survey_territory(0, 2, 0, 1), "en")
    assert "no actor out of 2 answered (0%)" in en_none and "no relation is confirmed" in en_none


def test_no_line_for_a_territory_that_is_not_a_survey():
    t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    assert response_line(t, "fr") is None and response_line(t, "en") is None


# -- in each output -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def survey_outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("survey_outputs")
    t = survey_territory(2, 5, 1, 4)  # 40 %: fragile
    d = tg.diagnose(t)
    out = {}
    for lang in ("fr", "en"):
        out[("html", lang)] = tg.to_html(t, folder / f"carte_{lang}.html", diagnosis=d, lang=lang)
        out[("xlsx", lang)] = tg.to_excel(d, folder / f"rapport_{lang}.xlsx", lang=lang)
        out[("docx", lang)] = tg.to_docx(d, folder / f"doc_{lang}.docx", lang=lang, images=False)
    return out


EXPECTED = {
    "fr": (
        f"Enquête : 2 acteurs sur 5 ont répondu (40{NBSP}%) ; "
        "1 relation sur 4 est confirmée par les deux parties. À ce taux, " + FRAGILE_FR
    ),
    "en": (
        "Survey: 2 actors out of 5 answered (40%); 1 relation out of 4 is confirmed by both "
        "ends. At this rate, " + FRAGILE_EN
    ),
}


def map_warnings(path) -> list[str]:
    page = path.read_text(encoding="utf-8")
    found = re.search(r'<script[^>]*id="tg-data"[^>]*>(.*?)</script>', page, re.S)
    assert found, "the map's data element"
    return json.loads(found.group(1))["warnings"]


def summary_lines(path) -> list[str]:
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def docx_lines(path) -> list[str]:
    docx = pytest.importorskip("docx")
    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_map_opens_its_warnings_on_the_survey_line(survey_outputs, lang):
    warnings = map_warnings(survey_outputs[("html", lang)])
    assert warnings[0].startswith(EXPECTED[lang])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_report_summary_carries_the_survey_line(survey_outputs, lang):
    lines = summary_lines(survey_outputs[("xlsx", lang)])
    assert [line for line in lines if line.startswith(EXPECTED[lang])]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_document_limits_carry_the_survey_line_once(survey_outputs, lang):
    lines = docx_lines(survey_outputs[("docx", lang)])
    assert len([line for line in lines if line.startswith(EXPECTED[lang])]) == 1


def test_none_of_the_outputs_has_it_for_a_workbook_that_is_not_a_survey(tmp_path):
    t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    d = tg.diagnose(t)
    page = tg.to_html(t, tmp_path / "c.html", diagnosis=d).read_text(encoding="utf-8")
    assert "Enquête :" not in page and "ont répondu" not in page
    assert not [x for x in summary_lines(tg.to_excel(d, tmp_path / "r.xlsx")) if "ont répondu" in x]
    doc = docx_lines(tg.to_docx(d, tmp_path / "d.docx", images=False))
    assert not [x for x in doc if "ont répondu" in x]


def test_a_survey_saved_and_read_again_keeps_its_line(tmp_path):
    from territoire_graphe.collect.workbook import write_territory

    path = write_territory(survey_territory(3, 4, 2, 3), tmp_path / "enquete.xlsx")
    line = response_line(tg.read(path), "fr")
    assert line is not None and f"3 acteurs sur 4 ont répondu (75{NBSP}%)" in line
