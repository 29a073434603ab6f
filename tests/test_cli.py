"""The command line: check, template, demo, and the commands that call the public functions."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

import territoire_graphe as tg
from territoire_graphe import cli
from territoire_graphe.data import DEMO_SAMPLE, SAMPLES_DIR
from territoire_graphe.io.template import write_template
from territoire_graphe.messages import _cli, text

COMMANDS = ("check", "map", "report", "compare", "diff", "template", "demo")


@pytest.fixture(autouse=True)
def _french_by_default(monkeypatch):
    monkeypatch.delenv("TERRITOIRE_GRAPHE_LANG", raising=False)


@pytest.fixture(scope="module")
def valid_workbook(tmp_path_factory) -> Path:
    return write_template(tmp_path_factory.mktemp("valid") / "modele.xlsx", lang="fr")


@pytest.fixture(scope="module")
def six_mistakes(tmp_path_factory) -> Path:
    """A workbook with six different errors (and one warning), rows as Excel numbers them."""
    book = Workbook()
    actors = book.active
    actors.title = "acteurs"
    for row in (
        ["id", "nom", "type", "influence"],
        ["a1", "Mairie de Songeons", "commune", 3],
        ["a2", None, "association", None],  # 3: name missing
        ["a3", "Ressourcerie du Bray", "entreprise de l'ESS", 9],  # 4: influence 9
        ["a1", "Autre acteur", "association", None],  # 5: duplicate id
        ["a4", "Asso des habitants", "asociation", None],
    ):  # 6: typo (warning)
        actors.append(row)
    relations = book.create_sheet("relations")
    for row in (
        ["source", "cible", "type", "intensite"],
        ["a1", "a3", "coopération", "abc"],  # 2: not a number
        ["a1", "a3", "partenariat", -2],  # 3: negative
        ["a1", "Inconnu SARL", "convention", 1],
    ):  # 4: unknown reference
        relations.append(row)
    path = tmp_path_factory.mktemp("bad") / "six_erreurs.xlsx"
    book.save(path)
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def line_of(output: str, start: str) -> str:
    found = [line for line in output.splitlines() if line.strip().startswith(start)]
    assert len(found) == 1, (start, output)
    return found[0]


# -- check --------------------------------------------------------------------------------
def test_check_on_a_valid_workbook_exits_0_and_says_what_it_holds(capsys, valid_workbook):
    code, out, err = run(capsys, "check", str(valid_workbook))
    assert code == 0, out + err
    assert (
        "Le classeur est valide : 2 acteurs, 6 relations (2 liens ; 2 flux ; "
        "2 interdépendances), 2 collectifs" in out
    )
    # the template's example rows are still there: said, without stopping anything
    assert "lignes d'exemple du modèle" in out
    assert "Bilan : 0 erreur, 1 avertissement." in out


FRENCH = {  # location -> a key word of the message
    "ligne 3, colonne « nom »": "obligatoire",
    "ligne 4, colonne « influence »": "hors de l'échelle de 0 à 5",
    "ligne 5, colonne « id »": "« a1 » est déjà utilisé",
    "ligne 2, colonne « intensite »": "« abc » n'est pas un nombre",
    "ligne 3, colonne « intensite »": "négatif",
    "ligne 4, colonne « cible »": "« Inconnu SARL » ne correspond à aucun",
}
ENGLISH = {
    'row 3, column "nom"': "a value is required",
    'row 4, column "influence"': "outside the scale 0 to 5",
    'row 5, column "id"': '"a1" is already used',
    'row 2, column "intensite"': '"abc" is not a number',
    'row 3, column "intensite"': "negative",
    'row 4, column "cible"': '"Inconnu SARL" matches no known id or name',
}


def test_check_lists_all_six_mistakes_with_their_rows_in_french(capsys, six_mistakes):
    code, out, _ = run(capsys, "check", str(six_mistakes))
    assert code == 1
    for where, words in FRENCH.items():
        assert words in line_of(out, where)
    assert "Bilan : 6 erreurs, 1 avertissement." in out
    assert "Traceback" not in out


def test_check_groups_problems_by_sheet_errors_first_then_warnings(capsys, six_mistakes):
    _, out, _ = run(capsys, "check", str(six_mistakes))
    order = [
        out.index(s)
        for s in (
            "Vérification de « ",
            "Erreurs",
            "Feuille « acteurs »",
            "ligne 3, colonne « nom »",
            "ligne 5, colonne « id »",
            "Feuille « relations »",
            "ligne 4, colonne « cible »",
            "Avertissements",
            "ligne 6, colonne « type »",
            "Bilan",
        )
    ]
    assert order == sorted(order)
    assert "vouliez-vous dire « association »" in line_of(out, "ligne 6, colonne « type »")
    assert "Pour corriger : Écrivez un nombre" in out  # each problem says how to fix it


def test_check_lists_all_six_mistakes_in_english_with_lang_en(capsys, six_mistakes):
    code, out, _ = run(capsys, "check", str(six_mistakes), "--lang", "en")
    assert code == 1
    for where, words in ENGLISH.items():
        assert words in line_of(out, where)
    assert 'Sheet "acteurs"' in out and "Summary: 6 errors, 1 warning." in out


def test_lang_may_also_come_before_the_command(capsys, six_mistakes):
    _, out, _ = run(capsys, "--lang", "en", "check", str(six_mistakes))
    assert "Summary: 6 errors, 1 warning." in out


def test_the_environment_variable_switches_the_language_to_english(
    capsys, six_mistakes, monkeypatch
):
    monkeypatch.setenv("TERRITOIRE_GRAPHE_LANG", "en")
    code, out, _ = run(capsys, "check", str(six_mistakes))
    assert code == 1 and 'Checking "' in out and "Summary: 6 errors" in out
    _, out, _ = run(capsys, "check", str(six_mistakes), "--lang", "fr")  # the option wins
    assert "Bilan : 6 erreurs" in out


def test_check_on_a_missing_file_exits_1_with_a_message_and_no_traceback(capsys, tmp_path):
    code, out, err = run(capsys, "check", str(tmp_path / "absent.xlsx"))
    assert code == 1
    assert "Le fichier est introuvable" in out
    assert "Traceback" not in out + err


def test_check_on_a_file_that_is_not_a_workbook_exits_1(capsys, tmp_path):
    fake = tmp_path / "notes.xlsx"
    fake.write_text("pas un classeur", encoding="utf-8")
    code, out, err = run(capsys, "check", str(fake))
    assert code == 1 and "classeur lisible" in out and "Traceback" not in out + err


# -- usage errors and help ----------------------------------------------------------------
def test_an_unknown_command_is_a_usage_error_said_in_french(capsys):
    code, _, err = run(capsys, "verifier", "x.xlsx")
    assert code == 2
    assert "erreur : choix invalide « verifier »" in err and "check" in err
    assert "utilisation : territoire-graphe" in err


def test_a_missing_argument_or_command_is_a_usage_error(capsys):
    assert run(capsys, "check")[0] == 2
    code, _, err = run(capsys)
    assert code == 2 and "il manque" in err


def test_an_unknown_language_is_a_usage_error(capsys, valid_workbook):
    code, _, err = run(capsys, "check", str(valid_workbook), "--lang", "de")
    assert code == 2 and "de" in err


def test_an_unknown_language_in_the_environment_is_a_usage_error(capsys, monkeypatch):
    monkeypatch.setenv("TERRITOIRE_GRAPHE_LANG", "de")
    code, _, err = run(capsys, "--version")
    assert code == 2 and "TERRITOIRE_GRAPHE_LANG" not in err and "de" in err


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_command_has_its_help_in_both_languages(capsys, command, lang):
    code, out, _ = run(capsys, command, "--help", "--lang", lang)
    assert code == 0
    assert text(f"cli.{command}.description", lang)[:40] in " ".join(out.split())
    assert out.startswith(text("cli.usage", lang) + "territoire-graphe " + command)
    assert text("cli.opt.help", lang) in out


def test_the_main_help_lists_every_command_and_version_prints_the_version(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and all(command in out for command in COMMANDS)
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"territoire-graphe {tg.__version__}"


def test_the_arguments_of_every_command_are_parsed_as_the_format_gives_them():
    parse = cli.build_parser("fr").parse_args
    args = parse(["map", "t.xlsx", "-o", "carte.html", "--lens", "types"])
    assert (args.command, args.workbook, args.output, args.lens) == (
        "map",
        "t.xlsx",
        "carte.html",
        "types",
    )
    assert parse(["report", "t.xlsx", "-o", "r.xlsx"]).output == "r.xlsx"
    args = parse(["compare", "a.xlsx", "b.xlsx", "c.xlsx", "-o", "comparaison.xlsx"])
    assert args.workbooks == ["a.xlsx", "b.xlsx", "c.xlsx"]
    args = parse(["diff", "avant.xlsx", "apres.xlsx", "-o", "evolution.xlsx"])
    assert (args.before, args.after, args.output) == ("avant.xlsx", "apres.xlsx", "evolution.xlsx")
    assert parse(["template", "modele.xlsx"]).path == "modele.xlsx"
    assert parse(["demo"]).output == "demo_out"
    assert parse(["demo", "-o", "ailleurs", "--lang", "en"]).lang == "en"


# -- commands calling the public functions -------------------------------------------------
@pytest.mark.parametrize(
    ("command", "output", "choices"),
    [
        ("report", "x.pdf", ".xlsx, .docx"),
        ("map", "x.png", ".html, .htm"),
        ("image", "x.pdf", ".png, .svg"),
        ("compare", "x.html", ".xlsx"),
        ("diff", "x.pdf", ".xlsx, .html, .htm"),
    ],
)
def test_an_extension_the_command_cannot_write_is_a_usage_error_said_before_reading(
    capsys, tmp_path, command, output, choices
):
    absent = str(tmp_path / "absent.xlsx")  # never read: the output is refused first
    inputs = [absent, absent] if command in ("compare", "diff") else [absent]
    code, _, err = run(capsys, command, *inputs, "-o", str(tmp_path / output))
    assert code == 2 and not (tmp_path / output).exists()
    assert f"la commande {command} n'écrit pas de fichier {Path(output).suffix}" in err
    assert f"extensions possibles : {choices}" in err and "Traceback" not in err
    assert "absent.xlsx" not in err  # nothing was read


def test_a_file_without_extension_is_refused_in_english_too(capsys, tmp_path):
    code, _, err = run(
        capsys, "report", str(tmp_path / "t.xlsx"), "-o", str(tmp_path / "rapport"), "--lang", "en"
    )
    assert code == 2 and "does not write extension-less files" in err


def test_an_unknown_option_is_a_usage_error(capsys, valid_workbook, tmp_path):
    code, _, err = run(capsys, "report", str(valid_workbook), "--lens", "types")
    assert code == 2 and "arguments non reconnus : --lens types" in err


def test_map_and_report_read_diagnose_and_hand_over_the_diagnosis(
    capsys, monkeypatch, valid_workbook, tmp_path
):
    calls = []
    monkeypatch.setattr(
        tg, "diagnose", lambda t, *, lang="fr": ("diagnosis", len(t.actors), lang), raising=False
    )
    monkeypatch.setattr(
        tg,
        "to_html",
        lambda t, path, *, diagnosis=None, lang="fr", lens=None, people="show", color_by="type", size_by="betweenness", title=None: (
            calls.append(("html", Path(path).name, diagnosis, lang, lens))
        ),
        raising=False,
    )
    monkeypatch.setattr(
        tg,
        "to_excel",
        lambda d, path, *, lang="fr", people="show": calls.append(
            ("excel", Path(path).name, d, lang, people)
        ),
        raising=False,
    )
    monkeypatch.setattr(
        tg,
        "to_docx",
        lambda d, path, *, lang="fr", people="show", evolution=None: calls.append(
            ("docx", Path(path).name, d, lang, people)
        ),
        raising=False,
    )
    assert (
        run(
            capsys,
            "map",
            str(valid_workbook),
            "-o",
            str(tmp_path / "c.html"),
            "--lens",
            "types",
            "--lang",
            "en",
        )[0]
        == 0
    )
    assert run(capsys, "report", str(valid_workbook), "-o", str(tmp_path / "r.xlsx"))[0] == 0
    assert (
        run(
            capsys,
            "report",
            str(valid_workbook),
            "-o",
            str(tmp_path / "d.DOCX"),
            "--people",
            "hide",
        )[0]
        == 0
    )
    assert calls == [
        ("html", "c.html", ("diagnosis", 2, "en"), "en", "types"),
        ("excel", "r.xlsx", ("diagnosis", 2, "fr"), "fr", "show"),
        ("docx", "d.DOCX", ("diagnosis", 2, "fr"), "fr", "hide"),
    ]


@pytest.mark.slow
def test_compare_writes_one_row_per_workbook_and_diff_the_actors_added(capsys, tmp_path):
    bray_2023, bray_2024 = (str(tg.sample_path(f"pays_de_bray_{y}.xlsx")) for y in (2023, 2024))
    out = tmp_path / "comparaison.xlsx"
    assert run(capsys, "compare", bray_2023, bray_2024, "-o", str(out))[0] == 0
    assert len(pd.read_excel(out, engine="openpyxl", sheet_name=0)) == 2
    out = tmp_path / "evolution.xlsx"
    assert run(capsys, "diff", bray_2023, bray_2024, "-o", str(out))[0] == 0
    added = pd.read_excel(out, sheet_name="Acteurs ajoutés", engine="openpyxl")
    assert added.iloc[:, 0].tolist() == ["A52", "A53", "A54"]  # data/samples/README.md


def test_compare_lists_the_problems_of_every_bad_workbook_and_exits_1(
    capsys, six_mistakes, tmp_path
):
    code, _, err = run(
        capsys, "compare", str(six_mistakes), str(six_mistakes), "-o", str(tmp_path / "c.xlsx")
    )
    assert code == 1 and "ligne 4, colonne « cible »" in err and "Traceback" not in err


def test_a_command_on_an_invalid_workbook_lists_the_problems_and_exits_1(
    capsys, monkeypatch, six_mistakes, tmp_path
):
    monkeypatch.setattr(tg, "diagnose", lambda t: None, raising=False)
    monkeypatch.setattr(tg, "to_excel", lambda d, path: None, raising=False)
    code, _, err = run(capsys, "report", str(six_mistakes), "-o", str(tmp_path / "r.xlsx"))
    assert code == 1 and "ligne 4, colonne « cible »" in err and "Traceback" not in err


# -- template -----------------------------------------------------------------------------
def test_template_writes_a_workbook_that_reads_back(capsys, tmp_path):
    path = tmp_path / "modele.xlsx"
    code, out, _ = run(capsys, "template", str(path))
    assert code == 0 and path.exists()
    assert "territoire-graphe check" in out
    assert len(tg.read(path).actors) == 2


def test_template_in_english_has_english_sheets(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "template", "--lang", "en")[0] == 0
    assert load_workbook(tmp_path / "template.xlsx").sheetnames[1:3] == ["actors", "links"]


def test_template_refuses_to_replace_an_existing_file_unless_forced(capsys, tmp_path):
    path = tmp_path / "mon_territoire.xlsx"
    path.write_bytes(b"precious")
    code, _, err = run(capsys, "template", str(path))
    assert code == 1 and "existe déjà" in err and path.read_bytes() == b"precious"
    assert run(capsys, "template", str(path), "--force")[0] == 0
    assert path.read_bytes() != b"precious"


def test_template_into_a_missing_folder_exits_1_without_traceback(capsys, tmp_path):
    code, _, err = run(capsys, "template", str(tmp_path / "absent" / "modele.xlsx"))
    assert code == 1 and "Traceback" not in err and "absent" in err


# -- demo ---------------------------------------------------------------------------------
@pytest.mark.skipif(not (SAMPLES_DIR / DEMO_SAMPLE).exists(), reason="sample not bundled yet")
def test_demo_writes_a_map_and_a_summary_of_the_bundled_sample(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "demo")
    assert code == 0, err
    summary = (tmp_path / "demo_out" / "resume.txt").read_text(encoding="utf-8")
    assert "acteurs" in summary and "Avertissements" in summary
    assert (tmp_path / "demo_out" / "carte.html").stat().st_size > 10_000
    assert str(tmp_path / "demo_out" / "carte.html") in out
    import docx

    body = "\n".join(
        p.text for p in docx.Document(str(tmp_path / "demo_out" / "diagnostic.docx")).paragraphs
    )
    fifth = body.split("5. Évolution et comparaison")[1]
    assert "liens entre acteurs toujours présents ont disparu" in fifth  # since 2023


def test_demo_writes_the_committee_document_too_named_in_the_language(
    capsys, tmp_path, monkeypatch, valid_workbook
):
    monkeypatch.setattr("territoire_graphe.data.sample_path", lambda name=None: valid_workbook)
    code, out, err = run(capsys, "demo", "-o", str(tmp_path / "sortie"), "--lang", "en")
    assert code == 0, err
    summary = (tmp_path / "sortie" / "summary.txt").read_text(encoding="utf-8")
    assert "2 actors" in summary and "6 links" in summary and "Warnings" in summary
    assert "Source: modele.xlsx" in summary
    assert (tmp_path / "sortie" / "map.html").stat().st_size > 10_000
    import docx

    document = docx.Document(str(tmp_path / "sortie" / "diagnosis.docx"))
    assert document.paragraphs[0].text == "Diagnosis of the network of actors"
    assert "summary.txt" in out and "map.html" in out and "diagnosis.docx" in out


def test_demo_summary_lists_the_findings_when_there_is_a_diagnosis(
    capsys, tmp_path, monkeypatch, valid_workbook
):
    monkeypatch.setattr("territoire_graphe.data.sample_path", lambda name=None: valid_workbook)
    findings = pd.DataFrame({"text": ["La mairie est centrale."]})
    monkeypatch.setattr(
        tg, "diagnose", lambda t, lang="fr": SimpleNamespace(findings=findings), raising=False
    )
    monkeypatch.setattr(
        tg,
        "to_html",
        lambda t, path, diagnosis=None, lang="fr": Path(path).write_text("<html></html>"),
        raising=False,
    )
    monkeypatch.setattr(
        tg,
        "to_docx",
        lambda d, path, lang="fr", evolution=None: Path(path).write_text("x"),
        raising=False,
    )
    assert run(capsys, "demo", "-o", str(tmp_path))[0] == 0
    assert "  - La mairie est centrale." in (tmp_path / "resume.txt").read_text(encoding="utf-8")


# -- the installed command ----------------------------------------------------------------
def _script() -> str:
    found = shutil.which("territoire-graphe", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("console script not installed")
    return found


@pytest.mark.slow
def test_the_installed_console_script_checks_a_workbook(six_mistakes):
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # a terminal that cannot show « é »
    env.pop("TERRITOIRE_GRAPHE_LANG", None)
    done = subprocess.run(
        [_script(), "check", str(six_mistakes)], capture_output=True, env=env, timeout=120
    )
    assert done.returncode == 1
    assert b"ligne 4, colonne ? cible ?" in done.stdout
    assert b"Traceback" not in done.stderr


@pytest.mark.slow
def test_python_dash_m_runs_the_same_command_line():
    done = subprocess.run(
        [sys.executable, "-m", "territoire_graphe", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.strip().endswith(tg.__version__)


def test_command_line_texts_exist_in_both_languages():
    assert set(_cli.FR) == set(_cli.EN)


# -- map and image: lenses, people, colours, sizes, title -----------------------------------------
@pytest.fixture(scope="module")
def bray_workbook() -> Path:
    return tg.sample_path("pays_de_bray_2024.xlsx")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_map_help_lists_the_lens_ids_the_map_accepts(capsys, lang):
    from territoire_graphe.render.lenses import ENGLISH_LENSES, LENSES

    code, out, _ = run(capsys, "map", "--help", "--lang", lang)
    flat = " ".join(out.split())
    assert code == 0
    assert ", ".join(LENSES) in flat and ", ".join(ENGLISH_LENSES) in flat
    assert "--people {show,pseudonymise,hide}" in flat
    assert all(option in flat for option in ("--color-by", "--size-by", "--title"))


def test_an_unknown_lens_is_a_usage_error_naming_the_real_ones(capsys, valid_workbook, tmp_path):
    out = tmp_path / "carte.html"
    code, _, err = run(capsys, "map", str(valid_workbook), "-o", str(out), "--lens", "types")
    assert code == 2 and not out.exists()
    assert "lecture inconnue « types »" in err and "mobiliser, isoles, ponts" in err
    assert "territoire-graphe map --help" in err and "Traceback" not in err


def test_an_unknown_column_is_a_usage_error_in_english_with_lang_en(
    capsys, valid_workbook, tmp_path
):
    code, _, err = run(
        capsys,
        "map",
        str(valid_workbook),
        "-o",
        str(tmp_path / "c.html"),
        "--color-by",
        "nope",
        "--lang",
        "en",
    )
    assert code == 2 and 'unknown column "nope"' in err and "Traceback" not in err


def test_an_unknown_people_mode_is_refused_by_the_parser(capsys, valid_workbook, tmp_path):
    code, _, err = run(
        capsys, "map", str(valid_workbook), "-o", str(tmp_path / "c.html"), "--people", "everyone"
    )
    assert code == 2 and "choix invalide « everyone »" in err and "show, pseudonymise, hide" in err


def test_map_hands_people_colours_sizes_and_title_to_to_html(
    capsys, monkeypatch, valid_workbook, tmp_path
):
    calls = []
    monkeypatch.setattr(
        tg, "to_html", lambda t, path, **options: calls.append(options), raising=False
    )
    assert (
        run(
            capsys,
            "map",
            str(valid_workbook),
            "-o",
            str(tmp_path / "c.html"),
            "--lens",
            "ponts",
            "--people",
            "hide",
            "--color-by",
            "municipality",
            "--size-by",
            "degree",
            "--title",
            "COPIL du 12 mars",
        )[0]
        == 0
    )
    assert (
        run(
            capsys, "map", str(valid_workbook), "-o", str(tmp_path / "c.html"), "--size-by", "none"
        )[0]
        == 0
    )
    first, second = calls
    assert {k: first[k] for k in ("lens", "people", "color_by", "size_by", "title")} == {
        "lens": "ponts",
        "people": "hide",
        "color_by": "municipality",
        "size_by": "degree",
        "title": "COPIL du 12 mars",
    }
    assert second["size_by"] is None  # "none": equal sizes
    assert {k: second[k] for k in ("lens", "people", "color_by", "title")} == {
        "lens": None,
        "people": "show",
        "color_by": "type",
        "title": None,
    }  # to_html's defaults


def test_map_with_real_options_writes_a_map_that_hides_people(capsys, bray_workbook, tmp_path):
    out = tmp_path / "carte.html"
    code, stdout, _ = run(
        capsys,
        "map",
        str(bray_workbook),
        "-o",
        str(out),
        "--lens",
        "bridges",
        "--people",
        "hide",
        "--title",
        "COPIL",
    )
    assert code == 0 and str(out.resolve()) in stdout
    page = out.read_text(encoding="utf-8")
    people = tg.read(bray_workbook).people["name"]
    assert '"lens":"ponts"' in page and '"title":"COPIL"' in page
    assert not any(name in page for name in people)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_image_has_its_help_in_both_languages(capsys, lang):
    code, out, _ = run(capsys, "image", "--help", "--lang", lang)
    assert code == 0 and text("cli.image.description", lang)[:40] in " ".join(out.split())
    assert "--dpi" in out and "--people" in out


def test_image_writes_a_png_of_the_map(capsys, monkeypatch, bray_workbook, tmp_path):
    pytest.importorskip("matplotlib")
    from territoire_graphe.render.image import to_image

    monkeypatch.setattr(tg, "to_image", to_image, raising=False)
    out = tmp_path / "carte.png"
    code, stdout, _ = run(
        capsys, "image", str(bray_workbook), "-o", str(out), "--dpi", "60", "--size-by", "degree"
    )
    assert code == 0 and str(out.resolve()) in stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_image_hands_its_options_to_to_image(capsys, monkeypatch, valid_workbook, tmp_path):
    calls = []
    monkeypatch.setattr(
        tg,
        "to_image",
        lambda t, path, **options: calls.append((Path(path).name, options)),
        raising=False,
    )
    assert (
        run(
            capsys,
            "image",
            str(valid_workbook),
            "-o",
            str(tmp_path / "carte.svg"),
            "--dpi",
            "300",
            "--people",
            "pseudonymise",
            "--lang",
            "en",
        )[0]
        == 0
    )
    ((name, options),) = calls
    assert name == "carte.svg" and options["dpi"] == 300 and options["people"] == "pseudonymise"
    assert options["lang"] == "en" and options["diagnosis"] is not None


def test_image_refuses_another_suffix_before_reading_the_workbook(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(tg, "to_image", lambda t, path, **options: None, raising=False)
    code, _, err = run(
        capsys, "image", str(tmp_path / "absent.xlsx"), "-o", str(tmp_path / "carte.pdf")
    )
    assert code == 2 and "n'écrit pas de fichier .pdf" in err and ".png, .svg" in err
    assert "Traceback" not in err


def test_image_without_matplotlib_says_which_extra_to_install(
    capsys, monkeypatch, valid_workbook, tmp_path
):
    def missing(t, path, **options):
        raise ImportError(text("image.error.matplotlib", options.get("lang")))

    monkeypatch.setattr(tg, "to_image", missing, raising=False)
    code, _, err = run(capsys, "image", str(valid_workbook), "-o", str(tmp_path / "c.png"))
    assert code == 2 and 'pip install "territoire_graphe[image]"' in err
    assert "Traceback" not in err


# -- outputs that say what they are: --name, --date, warnings, extensions ----------------------
@pytest.fixture(scope="module")
def typo_workbook(tmp_path_factory) -> Path:
    """A valid workbook whose one actor type is a typo: a reading warning, not an error."""
    book = Workbook()
    actors = book.active
    actors.title = "acteurs"
    for row in (
        ["id", "nom", "type"],
        ["a1", "Mairie de Songeons", "commune"],
        ["a2", "Asso des habitants", "assocation"],
    ):
        actors.append(row)
    relations = book.create_sheet("relations")
    relations.append(["source", "cible", "type"])
    relations.append(["a1", "a2", "coopération"])
    path = tmp_path_factory.mktemp("typo") / "pays_de_bray_2024.xlsx"
    book.save(path)
    return path


def test_every_command_that_reads_prints_the_reading_warnings(capsys, typo_workbook, tmp_path):
    for argv in (
        ["map", str(typo_workbook), "-o", str(tmp_path / "c.html")],
        ["report", str(typo_workbook), "-o", str(tmp_path / "r.xlsx")],
        ["diff", str(typo_workbook), str(typo_workbook), "-o", str(tmp_path / "e.xlsx")],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert "Avertissements à la lecture de « pays_de_bray_2024.xlsx »" in err, argv
        assert "assocation" in err and "association" in err  # the typo and its suggestion
        assert "Fichier écrit" in out


def test_name_and_date_options_name_the_territory_in_the_outputs(capsys, typo_workbook, tmp_path):
    out = tmp_path / "r.xlsx"
    assert (
        run(
            capsys,
            "report",
            str(typo_workbook),
            "-o",
            str(out),
            "--name",
            "Bray",
            "--date",
            "2023-06-15",
        )[0]
        == 0
    )
    summary = load_workbook(out)["Synthèse"]
    assert summary["A1"].value == "Diagnostic du territoire « Bray, 15 juin 2023 »"
    assert run(capsys, "report", str(typo_workbook), "-o", str(out))[0] == 0
    # from the file name: capitals added, the year as the year (not « pays de bray · au 2024 »)
    assert (
        load_workbook(out)["Synthèse"]["A1"].value
        == "Diagnostic du territoire « Pays de Bray, 2024 »"
    )


def test_a_date_that_is_not_one_is_said_and_nothing_is_written(capsys, typo_workbook, tmp_path):
    code, out, _ = run(capsys, "check", str(typo_workbook), "--date", "hier")
    assert code == 1 and "hier" in out
    code, _, err = run(
        capsys, "report", str(typo_workbook), "--date", "hier", "-o", str(tmp_path / "r.xlsx")
    )
    assert code == 1 and "hier" in err and "Traceback" not in err
    assert not (tmp_path / "r.xlsx").exists()


def test_report_to_docx_writes_the_committee_document(capsys, typo_workbook, tmp_path):
    import docx

    out = tmp_path / "diagnostic.docx"
    code, stdout, _ = run(
        capsys, "report", str(typo_workbook), "-o", str(out), "--name", "Pays de Bray"
    )
    assert code == 0 and str(out.resolve()) in stdout
    assert docx.Document(str(out)).paragraphs[1].text == "Pays de Bray, 2024"


def test_diff_to_html_writes_the_evolution_map(capsys, tmp_path):
    bray_2023, bray_2024 = (str(tg.sample_path(f"pays_de_bray_{y}.xlsx")) for y in (2023, 2024))
    out = tmp_path / "evolution.html"
    code, _, err = run(capsys, "diff", bray_2023, bray_2024, "-o", str(out), "--people", "hide")
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '"lens":"evolution"' in page
    assert not any(name in page for name in tg.read(bray_2024).people["name"])


def test_the_parser_lists_the_modes_and_formats_the_functions_accept():
    from territoire_graphe.render.image import FORMATS
    from territoire_graphe.render.people import PEOPLE_MODES

    assert cli.PEOPLE_CHOICES == PEOPLE_MODES
    assert set(cli.OUTPUTS["image"]) == set(FORMATS)


def test_help_and_parsing_import_no_heavy_library():
    code = (
        "import sys\nfrom territoire_graphe.cli import build_parser, main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "build_parser('en').parse_args(['report', 'x.xlsx', '-o', 'x.docx'])\n"
        "print(sorted(m for m in ('pandas', 'networkx', 'openpyxl', 'numpy', 'docx')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_compare_prints_the_reading_warnings_and_its_notes_plainly(capsys, typo_workbook, tmp_path):
    bray = str(tg.sample_path("pays_de_bray_2024.xlsx"))
    code, _, err = run(capsys, "compare", str(typo_workbook), bray, "-o", str(tmp_path / "c.xlsx"))
    assert code == 0, err
    assert "Avertissements à la lecture de « pays_de_bray_2024.xlsx »" in err
    assert "assocation" in err
    assert "UserWarning" not in err  # the size note (2 actors against 52) is a sentence
    assert "taille" in err.lower()


def test_report_before_says_what_changed_in_the_document(capsys, tmp_path):
    import docx

    bray_2023, bray_2024 = (str(tg.sample_path(f"pays_de_bray_{y}.xlsx")) for y in (2023, 2024))
    out = tmp_path / "d.docx"
    assert run(capsys, "report", bray_2024, "--before", bray_2023, "-o", str(out))[0] == 0
    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "liens entre acteurs toujours présents ont disparu" in body
    code, _, err = run(
        capsys, "report", bray_2024, "--before", bray_2023, "-o", str(tmp_path / "r.xlsx")
    )
    assert code == 2 and "--before" in err and not (tmp_path / "r.xlsx").exists()
