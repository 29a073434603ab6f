"""The committee's document (.docx): its parts in order, its words, people hidden, LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

import territoire_graphe as tg
from territoire_graphe.render.document_text import DocumentText

# A small territory whose figures are counted by hand below.
#   Mairie -- Asso -- Ressourcerie (a chain: Asso is the one cut point, 2 bridges),
#   Ressourcerie -> Mairie a funding flow (closing a triangle: no more bridges), Isolée alone.
ACTORS = [
    ["id", "nom", "type", "commune"],
    ["m", "Mairie de Songeons", "commune", "Songeons"],
    ["a", "Asso des habitants", "association", "Songeons"],
    ["r", "Ressourcerie du Bray", "entreprise de l'ESS", "Gournay-en-Bray"],
    ["i", "Isolée", "assocation", "Songeons"],
]  # a typo: one reading warning
# Every relation of the Asso is carried by one person, Karim Hadjadj: a finding names him.
RELATIONS = [
    ["source", "cible", "type"],
    ["Karim Hadjadj", "Anne Leroy", "coopération"],
    ["Karim Hadjadj", "Paul Martin", "coopération"],
    ["Karim Hadjadj", "Paul Martin", "interconnaissance"],
]
PEOPLE = [
    ["id", "nom", "acteur", "fonction"],
    ["p1", "Karim Hadjadj", "a", "président"],
    ["p2", "Anne Leroy", "m", "maire"],
    ["p3", "Paul Martin", "r", "gérant"],
]


def _workbook(path: Path) -> Path:
    book = Workbook()
    sheets = (("acteurs", ACTORS), ("relations", RELATIONS), ("personnes", PEOPLE))
    book.active.title = "acteurs"
    for name, rows in sheets:
        sheet = book[name] if name in book.sheetnames else book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.fixture(scope="module")
def diagnosis(tmp_path_factory):
    path = _workbook(tmp_path_factory.mktemp("doc") / "songeons.xlsx")
    return tg.diagnose(tg.read(path, name="Pays de Songeons", date="2024"))


@pytest.fixture(scope="module")
def written(diagnosis, tmp_path_factory) -> Path:
    return tg.to_docx(diagnosis, tmp_path_factory.mktemp("out") / "diagnostic.docx")


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _all_text(path: Path) -> str:
    """Every XML part of the archive, tags stripped: what a reader of the file could find."""
    with zipfile.ZipFile(path) as archive:
        parts = [
            archive.read(n).decode("utf-8", "replace")
            for n in archive.namelist()
            if n.endswith(".xml") or n.endswith(".rels")
        ]
    return re.sub(r"<[^>]+>", "", " ".join(parts))


def test_the_title_page_names_the_territory_and_its_year(written):
    paragraphs = _paragraphs(written)
    assert paragraphs[0] == "Diagnostic du réseau d'acteurs"
    assert paragraphs[1] == "Pays de Songeons, 2024"
    assert "Territoire : Pays de Songeons" in paragraphs
    assert "Date des données : 2024" in paragraphs
    assert "Source : songeons.xlsx" in paragraphs


def test_the_parts_come_in_the_order_a_committee_reads_them(written):
    headings = [
        p.text for p in docx.Document(str(written)).paragraphs if p.style.name == "Heading 1"
    ]
    assert headings == [
        "L'essentiel en chiffres",
        "1. Mobilisation",
        "2. Interconnaissance",
        "3. Complémentarités et synergies",
        "4. Fragilité",
        "5. Évolution et comparaison",
        "Les acteurs principaux",
        "Méthode",
        "Avertissements de lecture",
    ]


def test_key_figures_are_the_hand_counted_ones(diagnosis):
    figures = DocumentText(diagnosis, "fr", "show").key_figures()
    # 4 actors; 3 relation records between people, all ties: a-m, a-r twice
    assert figures[0] == ("Le territoire compte 4 acteurs et 3 relations saisies : 3 liens.")
    # 2 pairs tied (m-a, a-r); mean partners 2*2/4 = 1; density 2 / 6 = 33,3 %
    assert figures[1] == (
        "2 paires d'acteurs sont liées (33,3\u00a0% des paires possibles) ; "
        "le nombre moyen de partenaires par acteur est de 1."
    )
    assert "1 acteur n'a aucun lien." in figures
    # the chain m - a - r (i alone): a is the only cut point; both ties are bridges
    assert any(f.startswith("1 acteur est un point de passage obligé") for f in figures)
    assert any(f.startswith("2 liens sont des ponts") for f in figures)


def test_every_finding_is_under_exactly_one_question_in_priority_order(diagnosis, written):
    paragraphs = _paragraphs(written)
    content = DocumentText(diagnosis, "fr", "show")
    for question in content.questions():
        priorities = [
            diagnosis.findings.loc[diagnosis.findings["text"] == f["text"], "priority"].iloc[0]
            for f in question.findings
        ]
        assert priorities == sorted(priorities)
    body = "\n".join(paragraphs)
    for sentence in diagnosis.findings["text"]:
        # once in its question (and at most once more among the three priority findings)
        assert 1 <= body.count(sentence) <= 2, sentence


def test_the_warning_of_the_workbook_is_in_the_document(written):
    body = "\n".join(_paragraphs(written))
    assert "La lecture du classeur a relevé 1 point à vérifier" in body
    assert "assocation" in body.split("Avertissements de lecture")[-1]


def test_hide_leaves_no_person_name_anywhere_in_the_file(diagnosis, tmp_path):
    shown = _all_text(tg.to_docx(diagnosis, tmp_path / "show.docx"))
    hidden = _all_text(tg.to_docx(diagnosis, tmp_path / "hide.docx", people="hide"))
    assert "Karim Hadjadj" in shown and "Paul Martin" in shown  # named by two findings
    for name in ("Karim", "Hadjadj", "Paul Martin", "Leroy"):
        assert name not in hidden
    assert "Aucun nom de personne ne figure dans ce document." in hidden


def test_pseudonymise_says_so_and_keeps_the_names_out(diagnosis, tmp_path):
    found = _all_text(tg.to_docx(diagnosis, tmp_path / "p.docx", people="pseudonymise"))
    assert "Hadjadj" not in found and "Leroy" not in found
    assert "Les noms des personnes sont remplacés par des pseudonymes." in found


def test_an_unknown_people_mode_is_refused(diagnosis, tmp_path):
    with pytest.raises(ValueError, match="everyone"):
        tg.to_docx(diagnosis, tmp_path / "x.docx", people="everyone")
    assert not (tmp_path / "x.docx").exists()


def test_english_document(diagnosis, tmp_path):
    paragraphs = _paragraphs(tg.to_docx(diagnosis, tmp_path / "en.docx", lang="en"))
    assert paragraphs[0] == "Diagnosis of the network of actors"
    assert "Date of the data: 2024" in paragraphs
    assert "Reading warnings" in paragraphs


def test_the_same_diagnosis_gives_the_same_bytes(diagnosis, tmp_path):
    first = tg.to_docx(diagnosis, tmp_path / "a.docx").read_bytes()
    assert first == tg.to_docx(diagnosis, tmp_path / "b.docx").read_bytes()


def test_map_images_one_overview_and_one_per_question_naming_actors(diagnosis, tmp_path):
    pytest.importorskip("matplotlib")
    document = docx.Document(str(tg.to_docx(diagnosis, tmp_path / "i.docx")))
    with_actors = [q for q in DocumentText(diagnosis, "fr", "show").questions() if q.actors]
    assert len(document.inline_shapes) == 1 + len(with_actors)
    plain = docx.Document(str(tg.to_docx(diagnosis, tmp_path / "n.docx", images=False)))
    assert len(plain.inline_shapes) == 0


def test_the_top_actors_table_ranks_by_betweenness(diagnosis, written):
    table = docx.Document(str(written)).tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][:2] == ["Acteur", "Type"]
    # Asso des habitants is the only actor in between (betweenness 1 on the chain m-a-r)
    assert rows[1][0] == "Asso des habitants"
    assert rows[1][3] == "2"  # two partners
    assert "passage obligé" in rows[1][5]


def _writer_missing() -> bool:
    """LibreOffice is there but without Writer (Debian's calc-only packages): no .docx opens."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return True
    program = Path(soffice).resolve().parent
    return program.name == "program" and not any(program.glob("libswlo.*"))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(_writer_missing(), reason="LibreOffice Writer is not installed")
@pytest.mark.parametrize("sample", [p.name for p in tg.data.samples()])
def test_libreoffice_converts_the_document_of_a_sample_to_pdf(sample, tmp_path):
    d = tg.diagnose(tg.read(tg.sample_path(sample)))
    path = tg.to_docx(d, tmp_path / "diagnostic.docx")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / "diagnostic.pdf"
    assert pdf.exists() and pdf.stat().st_size > 20_000
    if shutil.which("pdftotext"):
        words = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "L'essentiel en chiffres" in words.replace("’", "'")
        assert "Méthode" in words
        pages = words.count("\f")
        assert 5 <= pages <= 30


@pytest.fixture(scope="module")
def bray_evolution():
    return tg.diff(
        tg.sample_path("pays_de_bray_2023.xlsx"), tg.sample_path("pays_de_bray_2024.xlsx")
    )


def test_an_evolution_fills_the_fifth_question(bray_evolution, tmp_path):
    d = bray_evolution.after
    body = "\n".join(
        _paragraphs(tg.to_docx(d, tmp_path / "e.docx", evolution=bray_evolution, images=False))
    )
    fifth = body.split("5. Évolution et comparaison")[1].split("Les acteurs principaux")[0]
    for sentence in bray_evolution.findings["text"]:
        assert sentence in fifth
    assert "territoire-graphe diff" not in fifth
    alone = "\n".join(_paragraphs(tg.to_docx(d, tmp_path / "a.docx", images=False)))
    assert "territoire-graphe diff" in alone.split("5. Évolution et comparaison")[1]


def test_hide_also_removes_people_who_left_since_the_earlier_date(bray_evolution, tmp_path):
    gone = set(bray_evolution.before.territory.people["name"]) - set(
        bray_evolution.after.territory.people["name"]
    )
    assert gone  # the 2023 sample has a person who left by 2024
    found = _all_text(
        tg.to_docx(
            bray_evolution.after,
            tmp_path / "h.docx",
            people="hide",
            evolution=bray_evolution,
            images=False,
        )
    )
    assert not any(name in found for name in gone)
    assert "Départ d'une personne" in found
