"""The message catalogue: both languages say the same things, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from territoire_graphe.messages import CATALOGUES, format_number, resolve_lang, text


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_french_and_english_catalogues_have_the_same_keys():
    assert set(CATALOGUES["fr"]) ^ set(CATALOGUES["en"]) == set()


def test_each_text_takes_the_same_values_in_both_languages():
    different = [
        key
        for key, fr in CATALOGUES["fr"].items()
        if placeholders(fr) != placeholders(CATALOGUES["en"][key])
    ]
    assert different == []


def test_every_problem_code_has_a_hint():
    codes = {
        key[len("problem.") :]
        for key in CATALOGUES["fr"]
        if key.startswith("problem.")
        and key.count(".") == 1
        and not key.startswith("problem.where")
    }
    codes -= {"sep", "summary"}
    assert [c for c in sorted(codes) if f"problem.{c}.hint" not in CATALOGUES["fr"]] == []


def test_the_environment_variable_chooses_english(monkeypatch):
    monkeypatch.setenv("TERRITOIRE_GRAPHE_LANG", "en")
    assert resolve_lang(None) == "en"
    assert resolve_lang("fr") == "fr"  # an explicit choice wins


def test_an_unknown_language_is_refused_in_both_languages():
    with pytest.raises(ValueError, match="langue inconnue"):
        resolve_lang("de")


def test_numbers_are_written_the_french_way_in_french():
    assert format_number(1234.5, "fr") == "1\u202f234,5"
    assert text(
        "finding.isolated", "fr", count=2, total=10, share="20 %", names="A et B"
    ).startswith("2 acteurs sur 10")
    assert text("finding.isolated", "fr", count=1, total=10, share="10 %", names="A").startswith(
        "1 acteur sur 10 (10 %) n'a aucun lien"
    )


def test_no_text_hedges_its_plural_with_brackets():
    # "3 partenaire(s)" is what the catalogue's ".one" forms and count_text are for.
    hedged = re.compile(r"\w\((?:s|e|es|x|ies)\)")
    found = [
        (lang, key)
        for lang, catalogue in CATALOGUES.items()
        for key, value in catalogue.items()
        if isinstance(value, str) and hedged.search(value)
    ]
    assert found == []
