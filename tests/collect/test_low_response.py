"""The diagnosis of survey data says its response rate and which figures are fragile."""

from __future__ import annotations

import territoire_graphe as tg

from .conftest import ACTORS


def surveyed(answered: set[str]) -> tg.Territory:
    return tg.Territory.from_records(
        actors=[
            {"id": i, "name": n, "type": t, "respondent": i in answered} for i, n, t, _ in ACTORS
        ],
        relations=[
            {"source": "V", "target": "A", "type": "coopération", "confirmed": True},
            {"source": "V", "target": "C", "type": "coopération", "confirmed": False},
            {"source": "A", "target": "J", "type": "coopération", "confirmed": False},
        ],
    )


def test_a_low_response_rate_is_a_finding_naming_the_fragile_figures():
    d = tg.diagnose(surveyed({"V", "A", "C"}), permutations=0)
    found = d.findings[d.findings["code"] == "low_response"]
    assert len(found) == 1
    row = found.iloc[0]
    assert row["figures"]["respondents"] == 3 and row["figures"]["actors"] == 8
    assert row["figures"]["confirmed"] == 1
    assert "3 acteurs sur 8" in row["text"] and "intermédiarité" in row["text"]
    assert set(row["actors"]) == {"J", "M", "K", "P", "B"}  # those to chase


def test_a_good_response_rate_or_data_not_from_a_survey_says_nothing():
    everyone = {i for i, *_ in ACTORS}
    d = tg.diagnose(surveyed(everyone - {"B"}), permutations=0)  # 7 of 8: 87.5 %
    assert "low_response" not in set(d.findings["code"])
    plain = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    assert "low_response" not in set(tg.diagnose(plain, permutations=0).findings["code"])


def test_the_finding_is_written_in_english_too():
    d = tg.diagnose(surveyed({"V"}), permutations=0, lang="en")
    text = d.findings.set_index("code").loc["low_response", "text"]
    assert text.startswith("Only 1 actor out of 8 answered") and "betweenness" in text
