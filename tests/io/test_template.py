"""The workbook template: every sheet and column, instructions, examples, drop-down lists."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import territoire_graphe as tg
from territoire_graphe.io.schema import IGNORED_SHEET_KEYS, SHEETS
from territoire_graphe.io.template import LAST_ROW, template_lists, write_template
from territoire_graphe.messages import _template, text
from territoire_graphe.text_keys import key
from territoire_graphe.vocabulary import (
    ACTOR_TYPES,
    COLLECTIVE_TYPES,
    FUNCTIONS_OF_LIFE,
    default_vocabulary,
)

LANGS = ("fr", "en")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("templates")
    return {lang: write_template(folder / f"modele_{lang}.xlsx", lang=lang) for lang in LANGS}


def _validations(sheet) -> list:
    return list(sheet.data_validations.dataValidation)


def _validation_of(sheet, column_letter: str):
    """The data validation covering rows 2..LAST_ROW of a column, or None."""
    wanted = f"{column_letter}2:{column_letter}{LAST_ROW}"
    found = [v for v in _validations(sheet) if wanted in str(v.sqref).split()]
    assert len(found) <= 1
    return found[0] if found else None


def _letter(spec, field: str) -> str:
    return "ABCDEFGHIJKL"[[c.field for c in spec.columns].index(field)]


def _list_values(book, formula: str) -> list[str]:
    sheet_part, cells = formula.rsplit("!", 1)
    sheet = book[sheet_part.strip("'").replace("''", "'")]
    return [c.value for row in sheet[cells.replace("$", "")] for c in row]


@pytest.mark.parametrize("lang", LANGS)
def test_the_template_has_every_sheet_of_the_format_between_instructions_and_lists(templates, lang):
    book = load_workbook(templates[lang])
    names = [spec.en if lang == "en" else spec.fr for spec in SHEETS]
    assert book.sheetnames == [
        text("template.sheet_name.instructions", lang),
        *names,
        text("territory_sheet.name", lang),
        text("template.sheet_name.lists", lang),
    ]
    assert book.sheetnames[0] == {"fr": "Mode d'emploi", "en": "Instructions"}[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_has_every_column_of_the_format_in_its_language(templates, lang):
    book = load_workbook(templates[lang])
    for spec in SHEETS:
        sheet = book[spec.en if lang == "en" else spec.fr]
        headers = [c.value for c in sheet[1]]
        assert headers == [c.en if lang == "en" else c.fr for c in spec.columns], spec.name


def test_required_headers_are_bold_and_optional_ones_are_not(templates):
    book = load_workbook(templates["fr"])
    for spec in SHEETS:
        sheet = book[spec.fr]
        for position, column in enumerate(spec.columns, start=1):
            assert bool(sheet.cell(1, position).font.b) == column.required, (
                spec.name,
                column.field,
            )
        assert sheet.freeze_panes == "A2"


def test_the_instructions_and_lists_sheets_are_ignored_by_the_reader_and_lists_are_hidden(
    templates,
):
    for lang in LANGS:
        book = load_workbook(templates[lang])
        instructions, lists = book.sheetnames[0], book.sheetnames[-1]
        assert key(instructions) in IGNORED_SHEET_KEYS
        assert key(lists) in IGNORED_SHEET_KEYS
        assert book[lists].sheet_state == "hidden"
        assert book.active.title == instructions


def test_the_instructions_name_every_sheet_column_rule_and_type(templates):
    book = load_workbook(templates["fr"])
    cells = " | ".join(
        str(c.value)
        for row in book["Mode d'emploi"].iter_rows()
        for c in row
        if c.value is not None
    )
    for spec in SHEETS:
        assert spec.fr in cells
        for column in spec.columns:
            assert column.fr in cells
    for rule in ("ids", "references", "weight", "directed", "dates", "functions", "types"):
        assert text(f"template.rule.{rule}", "fr") in cells
    assert "2,5" in cells and "« ; »" in cells and "oui ou non" in cells
    for name in (*ACTOR_TYPES, *COLLECTIVE_TYPES, *FUNCTIONS_OF_LIFE, "effet utile"):
        assert name in cells
    assert "territoire-graphe check" in cells


def test_required_columns_are_bold_in_the_instructions_too(templates):
    sheet = load_workbook(templates["fr"])["Mode d'emploi"]
    rows = {
        (r[0].value, r[1].value): r[1].font.b
        for r in sheet.iter_rows(min_col=1, max_col=2)
        if r[0].value and r[1].value
    }
    assert rows[("acteurs", "nom")] and rows[("relations", "cible")]
    assert not rows[("acteurs", "commune")] and not rows[("relations", "intensite")]


# -- drop-down lists ----------------------------------------------------------------------
_TYPE_COLUMNS = {
    ("actors", "type"): "actor",
    ("relations", "type"): "tie",
    ("flows", "type"): "flow",
    ("dependencies", "type"): "dependency",
    ("collectives", "type"): "collective",
    ("types", "kind"): "kind",
    ("types", "family"): "family",
    ("types", "directed"): "yes_no",
    ("relations", "directed"): "yes_no",
    ("flows", "directed"): "yes_no",
    ("dependencies", "directed"): "yes_no",
}


@pytest.mark.parametrize("lang", LANGS)
def test_type_columns_have_drop_down_lists_that_reference_the_hidden_sheet(templates, lang):
    book = load_workbook(templates[lang])
    lists_sheet = text("template.sheet_name.lists", lang)
    expected = template_lists(lang)
    for (sheet_name, field), list_name in _TYPE_COLUMNS.items():
        spec = next(s for s in SHEETS if s.name == sheet_name)
        sheet = book[spec.en if lang == "en" else spec.fr]
        validation = _validation_of(sheet, _letter(spec, field))
        assert validation is not None, (sheet_name, field)
        assert validation.type == "list"
        assert validation.allow_blank
        assert validation.formula1.startswith(f"'{lists_sheet}'!$")  # a range, not inline values
        assert '"' not in validation.formula1
        assert _list_values(book, validation.formula1) == expected[list_name]
        assert validation.showErrorMessage
        assert validation.error and validation.errorTitle == text("template.validation.title", lang)


def test_the_french_lists_are_the_vocabulary_names_and_families_match_the_sheets():
    lists = template_lists("fr")
    vocabulary = default_vocabulary()
    assert lists["actor"] == list(ACTOR_TYPES)
    assert lists["collective"] == list(COLLECTIVE_TYPES)
    assert lists["function"] == list(FUNCTIONS_OF_LIFE)
    assert "coopération" in lists["tie"] and "tension" in lists["tie"]
    assert "financement" in lists["flow"] and "financement" not in lists["tie"]
    assert "effet utile" in lists["dependency"] and "mutualisation" in lists["dependency"]
    for list_name, family in (("tie", "lien"), ("flow", "flux"), ("dependency", "interdependance")):
        assert {vocabulary.relation(n).family for n in lists[list_name]} == {family}
    assert lists["kind"] == ["acteur", "relation", "collectif"]
    assert lists["yes_no"] == ["oui", "non"]


def test_every_english_list_value_reads_back_as_its_canonical_type():
    vocabulary = default_vocabulary()
    lists = template_lists("en")
    kinds = {
        "actor": "actor",
        "tie": "relation",
        "flow": "relation",
        "dependency": "relation",
        "collective": "collective",
        "function": "function",
    }
    for list_name, kind in kinds.items():
        french = template_lists("fr")[list_name]
        assert [vocabulary.match(kind, label).name for label in lists[list_name]] == french


def test_a_list_holding_a_comma_would_still_work_because_lists_are_ranges(templates):
    # Inline lists ("a,b,c") split on commas and stop at 255 characters; ranges do neither.
    assert sum(len(v) + 1 for v in template_lists("fr")["actor"]) > 255
    book = load_workbook(templates["fr"])
    assert all(
        "!" in v.formula1 for s in book.worksheets for v in _validations(s) if v.type == "list"
    )


def test_type_columns_warn_while_closed_lists_refuse_other_values(templates):
    # The types sheet may declare a territory's own types: type columns ask for confirmation.
    book = load_workbook(templates["fr"])
    assert _validation_of(book["acteurs"], "C").errorStyle == "warning"
    assert _validation_of(book["relations"], "E").errorStyle == "stop"  # oriente: oui / non
    assert _validation_of(book["types"], "B").errorStyle == "stop"  # categorie


def test_influence_and_interest_accept_whole_numbers_from_0_to_5(templates):
    sheet = load_workbook(templates["fr"])["acteurs"]
    for letter in ("I", "J"):  # influence, interet
        validation = _validation_of(sheet, letter)
        assert (validation.type, validation.operator) == ("whole", "between")
        assert (validation.formula1, validation.formula2) == ("0", "5")
        assert validation.error == text("template.validation.scale", "fr")


def test_intensity_must_be_a_number_of_zero_or_more(templates):
    sheet = load_workbook(templates["fr"])["flux"]
    validation = _validation_of(sheet, "D")
    assert (validation.type, validation.operator, validation.formula1) == (
        "decimal",
        "greaterThanOrEqual",
        "0",
    )


def test_validation_messages_fit_the_spreadsheet_limits():
    for lang in LANGS:
        assert len(text("template.validation.title", lang)) <= 32
        for name in ("type", "choice", "scale", "weight", "latitude", "longitude"):
            assert len(text(f"template.validation.{name}", lang)) <= 225


# -- reading the template back ------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_the_template_reads_back_with_the_example_rows_and_one_warning_about_them(templates, lang):
    t = tg.read(templates[lang], lang=lang)
    assert [p.code for p in t.warnings] == ["template_examples"]
    assert "Mairie de Songeons" in t.warnings[0].message
    assert "Karim B." in t.warnings[0].message  # the example people too
    counts = t.summary()
    assert counts[
        [
            "actors",
            "relations",
            "ties",
            "flows",
            "dependencies",
            "collectives",
            "memberships",
            "resources",
            "needs",
            "people",
        ]
    ].tolist() == [2, 6, 2, 2, 2, 2, 2, 2, 2, 2]


@pytest.mark.parametrize("lang", LANGS)
def test_the_examples_fit_together_and_use_the_canonical_types(templates, lang):
    t = tg.read(templates[lang], lang=lang)
    assert sorted(t.actors.index) == ["mairie-songeons", "ressourcerie-bray"]
    assert t.actors["type"].tolist() == ["commune", "entreprise de l'ESS"]
    assert set(t.relations["source"]) | set(t.relations["target"]) == set(t.actors.index)
    assert t.relations["type"].tolist() == [
        "coopération",
        "convention",
        "financement",
        "achat / prestation",
        "dépendance",
        "effet utile",
    ]
    assert t.relations["weight"].tolist()[0] == 2.5
    assert t.relations["directed"].tolist() == [False, False, True, True, True, True]
    assert t.actors.loc["mairie-songeons", "functions"] == ["habiter", "se déplacer"]
    assert t.people["actor"].tolist() == ["mairie-songeons", "ressourcerie-bray"]
    assert sorted(t.memberships["collective"]) == ["copil-reemploi", "ptce-bray"]
    # The declared types extend the vocabulary.
    assert t.vocabulary.get("actor", text("template.ex.type.grocery", lang)) is not None
    room = t.vocabulary.relation(text("template.ex.type.room", lang))
    assert (room.family, room.directed) == ("flux", True)


def test_the_examples_name_no_one_in_full(templates):
    t = tg.read(templates["fr"])
    assert all(name.endswith(".") and len(name.split()[-1]) == 2 for name in t.people["name"])


def test_a_filled_in_template_reads_back_with_the_new_rows(templates, tmp_path):
    book = load_workbook(templates["fr"])
    book["acteurs"].append(["asso-velo", "Atelier vélo solidaire", "association", "Songeons"])
    book["relations"].append(["asso-velo", "Mairie de Songeons", "partenariat", "1,5", "oui"])
    book.save(tmp_path / "rempli.xlsx")
    t = tg.read(tmp_path / "rempli.xlsx")
    assert len(t.actors) == 3 and len(t.relations) == 7
    added = t.relations.iloc[2]
    assert (added["source"], added["target"], added["weight"], added["directed"]) == (
        "asso-velo",
        "mairie-songeons",
        1.5,
        True,
    )


def test_the_template_is_byte_for_byte_the_same_on_every_run(tmp_path, monkeypatch):
    monkeypatch.delenv("TERRITOIRE_GRAPHE_LANG", raising=False)
    first = write_template(tmp_path / "a.xlsx").read_bytes()
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 3 * 86400)  # zip stamps "now"
    second = write_template(tmp_path / "b.xlsx").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2024-01-01T00:00:00Z") == 2


def test_a_template_path_that_is_not_xlsx_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"\.xlsx"):
        write_template(tmp_path / "modele.ods")
    assert not (tmp_path / "modele.ods").exists()


def test_the_template_language_follows_the_environment_variable_when_not_given(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("TERRITOIRE_GRAPHE_LANG", "en")
    book = load_workbook(write_template(tmp_path / "t.xlsx"))
    assert book.sheetnames[1] == "actors"
    monkeypatch.delenv("TERRITOIRE_GRAPHE_LANG")
    assert load_workbook(write_template(tmp_path / "m.xlsx")).sheetnames[1] == "acteurs"


def test_template_texts_exist_in_both_languages():
    assert set(_template.FR) == set(_template.EN)
    assert all(value.strip() for value in (*_template.FR.values(), *_template.EN.values()))


def test_no_example_warning_once_the_example_rows_are_replaced(tmp_path):
    path = tg.write_template(tmp_path / "modele.xlsx")
    book = load_workbook(path)
    for ws in book.worksheets[1:-1]:  # the data sheets: their example rows become real ones
        for row in ws.iter_rows(min_row=2, max_row=3):
            for cell in row:
                if isinstance(cell.value, str):
                    for old, new in (
                        ("mairie-songeons", "m1"),
                        ("ressourcerie-bray", "r1"),
                        ("Mairie de Songeons", "Mairie de Formerie"),
                        ("Ressourcerie du Bray", "Recyclerie de Formerie"),
                        ("claire-m", "p1"),
                        ("karim-b", "p2"),
                        ("Claire M.", "Inès R."),
                        ("Karim B.", "Paul T."),
                    ):
                        cell.value = cell.value.replace(old, new)
    book.save(tmp_path / "rempli.xlsx")
    t = tg.read(tmp_path / "rempli.xlsx")
    assert len(t.actors) == 2 and t.warnings == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_data_sheet_prints_landscape_one_page_wide_with_its_header_repeated(templates, lang):
    book = load_workbook(templates[lang])
    for ws in book.worksheets[1:-1]:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows in ("1:1", "$1:$1")


@pytest.mark.parametrize("lang", LANGS)
def test_key_cells_say_what_to_type_when_selected(templates, lang):
    book = load_workbook(templates[lang])
    actors = book.worksheets[1]
    prompts = {
        str(v.sqref).split(":")[0]: v
        for v in actors.data_validations.dataValidation
        if v.showInputMessage
    }
    # column B is the name, C the type (which keeps its drop-down list)
    assert prompts["B2"].prompt == text("template.prompt.actors.name", lang)
    assert prompts["C2"].type == "list" and prompts["C2"].prompt == text(
        "template.prompt.actors.type", lang
    )
    for v in prompts.values():
        assert len(v.prompt) <= 255 and (v.promptTitle is None or len(v.promptTitle) <= 32)
