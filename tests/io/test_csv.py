"""A folder of CSV files is read like a workbook (FORMAT.md section 1), as French Excel writes them."""

from __future__ import annotations

from pathlib import Path

import pytest

import territoire_graphe as tg
from territoire_graphe.io.csvfiles import decode, sniff_separator

ACTORS = (
    "id;nom;type;code INSEE;commentaire\n"
    "m1;Mairie de Songeons;commune;60620;\n"
    'a1;Café « Le Lien » Œcuménique;association;06232;"créée en 2019; très active"\n'
)
RELATIONS = "source;cible;type;intensité\nm1;Café « Le Lien » Œcuménique;coopération;2,5\n"


def write(
    folder: Path, files: dict[str, str], *, encoding: str = "utf-8", newline: str = "\r\n"
) -> Path:
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content.replace("\n", newline).encode(encoding))
    return folder


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_a_folder_of_csv_files_reads_in_utf8_with_or_without_bom_or_windows_1252(
    tmp_path, encoding
):
    folder = write(
        tmp_path / "bray", {"acteurs.csv": ACTORS, "relations.csv": RELATIONS}, encoding=encoding
    )
    territory = tg.read(folder)
    assert list(territory.actors["name"]) == ["Mairie de Songeons", "Café « Le Lien » Œcuménique"]
    assert list(territory.actors["code INSEE"]) == ["60620", "06232"]
    assert territory.actors.loc["a1", "commentaire"] == "créée en 2019; très active"
    link = territory.relations.iloc[0]
    assert (link["source"], link["target"], link["weight"]) == ("m1", "a1", 2.5)


def test_comma_separated_files_with_quoted_commas_and_line_breaks_read_too(tmp_path):
    folder = write(
        tmp_path / "bray",
        {
            "actors.csv": 'name,type,comment\n"Dupont, fils et Cie",entreprise,"ligne 1\nligne 2"\n'
            "Mairie,commune,\n",
            "links.csv": 'source,target,type,weight\n"Dupont, fils et Cie",Mairie,achat,"2,5"\n',
        },
        newline="\n",
    )
    territory = tg.read(folder)
    assert list(territory.actors["name"]) == ["Dupont, fils et Cie", "Mairie"]
    assert territory.actors.iloc[0]["comment"] == "ligne 1\nligne 2"
    assert territory.relations.iloc[0]["weight"] == 2.5


def test_a_tab_separated_text_file_is_read(tmp_path):
    folder = write(tmp_path / "t", {"acteurs.txt": "nom\ttype\nMairie\tcommune\n"})
    assert list(tg.read(folder).actors["type"]) == ["commune"]


def test_csv_rows_are_numbered_like_the_spreadsheet_shows_them(tmp_path):
    folder = write(tmp_path / "t", {"acteurs.csv": "nom;type\nMairie;commune\n;association\n"})
    with pytest.raises(tg.InputError) as caught:
        tg.read(folder)
    (problem,) = caught.value.problems
    assert (problem.code, problem.sheet, problem.row, problem.column) == (
        "value_missing",
        "acteurs",
        3,
        "nom",
    )


def test_an_empty_actors_csv_is_a_clear_error(tmp_path):
    folder = write(tmp_path / "t", {"acteurs.csv": ""})
    with pytest.raises(tg.InputError) as caught:
        tg.read(folder)
    assert [p.code for p in caught.value.problems] == ["actors_empty"]


def test_an_actors_csv_with_only_a_header_is_a_clear_error(tmp_path):
    folder = write(tmp_path / "t", {"acteurs.csv": "nom;type\n"})
    with pytest.raises(tg.InputError) as caught:
        tg.read(folder)
    assert [(p.code, p.row) for p in caught.value.problems] == [("actors_empty", 1)]


def test_an_empty_or_header_only_optional_csv_is_read_as_no_rows(tmp_path):
    folder = write(
        tmp_path / "t",
        {
            "acteurs.csv": "nom;type\nMairie;commune\n",
            "relations.csv": "",
            "flux.csv": "source;cible\n",
        },
    )
    territory = tg.read(folder)
    assert len(territory.actors) == 1 and len(territory.relations) == 0


def test_a_folder_without_csv_is_a_clear_error(tmp_path):
    (tmp_path / "vide").mkdir()
    with pytest.raises(tg.InputError) as caught:
        tg.read(tmp_path / "vide")
    assert [p.code for p in caught.value.problems] == ["folder_no_csv"]


def test_a_single_csv_file_named_like_the_actors_sheet_is_a_territory(tmp_path):
    path = tmp_path / "acteurs.csv"
    path.write_text("nom;type\nMairie;commune\n", encoding="utf-8")
    assert list(tg.read(path).actors["name"]) == ["Mairie"]


def test_a_cell_longer_than_csvs_default_limit_is_read_whole(tmp_path):
    long_text = "très long " * 20_000  # 200,000 characters
    folder = write(
        tmp_path / "t", {"acteurs.csv": f'nom;type;note\nMairie;commune;"{long_text}"\n'}
    )
    assert tg.read(folder).actors.iloc[0]["note"] == long_text.strip()


def test_hostile_text_in_a_csv_is_kept_as_plain_data(tmp_path):
    folder = write(
        tmp_path / "t",
        {
            "acteurs.csv": "nom;type;note\n"
            "<script>alert(1)</script>;association;=cmd|' /C calc'!A0\n"
            "مرحبا 🌱;association;\x07\x1b\n"
        },
    )
    actors = tg.read(folder).actors
    assert list(actors["name"]) == ["<script>alert(1)</script>", "مرحبا 🌱"]
    assert actors.iloc[0]["note"] == "=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("nom;type\nA;asso\n", ";"),
        ("nom,type\nA,asso\n", ","),
        ("nom\ttype\nA\tasso\n", "\t"),
        ('nom;note\n"a, b, c";"d, e"\n', ";"),
        ('nom,note\n"a; b; c","d; e"\n', ","),
        ('nom;note\n"a\nb, c, d";x\nB;y\n', ";"),
        ("nom|type\nA|asso\n", "|"),
    ],
)
def test_the_separator_is_detected_with_quotes_and_line_breaks_inside_cells(text, separator):
    assert sniff_separator(text) == separator


def test_decoding_prefers_utf8_and_falls_back_to_windows_1252():
    assert decode("é".encode())[0] == "é"
    assert decode("é€".encode("cp1252")) == ("é€", "cp1252")
    assert decode("nom".encode("utf-16")) == ("nom", "utf-16")
