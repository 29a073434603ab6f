"""people="hide" and "pseudonymise" leave no person's name anywhere, whatever its spacing or accents.

Before: a surname typed with two spaces or a non-breaking space inside a comment
stayed in the map, the evolution map and ``show()``. Names are planted in every
free-text field, written every way a person types them, and the raw bytes of each
output are searched (with its escapes undone, case and accents folded).
"""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

import pytest

import territoire_graphe as tg
from territoire_graphe.render.people import PeopleView, fold

SPELLINGS = [
    "Quentin Zorglub",
    "Quentin  Zorglub",
    "Quentin\u00a0Zorglub",
    "QUENTIN\tZORGLUB",
    "quentin\u202fzorglüb",
    "Quentin\nZorglub",
    "Quentin Zorglu\u0301b",
]


def territory(date: str, extra_actor: bool = False) -> tg.Territory:
    actors = [
        {
            "id": "a",
            "name": "Mairie de Songeons",
            "type": "commune",
            "role": f"contact : {SPELLINGS[1]}",
            "notes": SPELLINGS[2],
        },
        {
            "id": "b",
            "name": "Les Jardins du Bray",
            "type": "association",
            "role": SPELLINGS[3],
            "notes": f"voir {SPELLINGS[4]}",
        },
    ]
    if extra_actor:
        actors.append(
            {
                "id": "c",
                "name": "Bray Bois Énergie",
                "type": "entreprise",
                "role": SPELLINGS[6],
                "notes": "",
            }
        )
    relations = [
        {
            "source": "a",
            "target": "b",
            "type": "coopération",
            "comment": f"appeler {SPELLINGS[5]} avant",
        }
    ]
    if extra_actor:
        relations.append(
            {
                "source": "b",
                "target": "c",
                "type": "coopération",
                "comment": f"{SPELLINGS[0]} s'en occupe",
            }
        )
    people = [
        {
            "id": "p1",
            "name": "Quentin Zorglub",
            "actor": "a",
            "position": f"adjoint de {SPELLINGS[3]}",
        }
    ]
    return tg.Territory.from_records(
        actors=actors,
        relations=relations,
        people=people,
        name="t",
        date=date,
        resources=[{"actor": "a", "resource": f"salle prêtée par {SPELLINGS[1]}"}],
        needs=[{"actor": "b", "need": f"un bénévole comme {SPELLINGS[2]}"}],
    )


def leaks(raw: bytes) -> bool:
    """Whether the surname is in ``raw``, once escapes are undone, case and accents folded."""
    content = raw.decode("utf-8", "replace")
    content = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), content)
    content = html.unescape(html.unescape(content))
    return "zorglub" in fold(content)[0].replace(" ", "")


@pytest.mark.parametrize("mode", ["hide", "pseudonymise"])
def test_no_spelling_of_a_name_survives_in_any_map_output(tmp_path: Path, mode: str) -> None:
    before, after = territory("2023"), territory("2024", extra_actor=True)
    assert leaks(repr(before.relations["comment"].tolist()).encode())  # the names are there
    outputs = {}
    tg.to_html(after, tmp_path / "carte.html", people=mode)
    outputs["map"] = (tmp_path / "carte.html").read_bytes()
    tg.to_html(tg.diff(before, after), tmp_path / "evolution.html", people=mode)
    outputs["evolution map"] = (tmp_path / "evolution.html").read_bytes()
    frame = tg.show(after, people=mode)
    shown = frame._repr_html_() if hasattr(frame, "_repr_html_") else frame.data
    outputs["notebook view"] = shown.encode()
    if importlib.util.find_spec("matplotlib") is not None:  # the "image" extra
        tg.to_image(after, tmp_path / "carte.svg", people=mode)
        outputs["image SVG"] = (tmp_path / "carte.svg").read_bytes()
    leaking = [name for name, raw in outputs.items() if leaks(raw)]
    assert leaking == []


def test_show_mode_keeps_the_names(tmp_path: Path) -> None:
    tg.to_html(territory("2024"), tmp_path / "carte.html", people="show")
    assert leaks((tmp_path / "carte.html").read_bytes())


def test_scrub_replaces_every_spelling_and_keeps_the_text_around() -> None:
    view = PeopleView(territory("2024"), "pseudonymise", "fr")
    for spelling in SPELLINGS:
        assert view.scrub(f"Voir {spelling}, merci.") == "Voir Personne 1, merci."
    # A longer word holding the name is not a name.
    assert view.scrub("Quentin Zorglubien") == "Quentin Zorglubien"


def zipped(path: Path) -> bytes:
    """Every part of a zipped document (xlsx, docx) joined, as the bytes a reader could open."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return b"\n".join(archive.read(name) for name in sorted(archive.namelist()))


@pytest.mark.parametrize("mode", ["hide", "pseudonymise"])
def test_no_spelling_of_a_name_survives_in_the_reports_and_exports(
    tmp_path: Path, mode: str
) -> None:
    t = territory("2024", extra_actor=True)
    d = tg.diagnose(t)
    outputs = {}
    tg.to_excel(d, tmp_path / "rapport.xlsx", people=mode)
    outputs["report"] = zipped(tmp_path / "rapport.xlsx")
    tg.to_docx(d, tmp_path / "diagnostic.docx", people=mode, images=False)
    outputs["document"] = zipped(tmp_path / "diagnostic.docx")
    for name, writer in [
        ("t.gexf", tg.to_gexf),
        ("t.graphml", tg.to_graphml),
        ("t.json", tg.to_json),
        ("graphology.json", tg.to_graphology),
        ("t.geojson", tg.to_geojson),
    ]:
        writer(t, tmp_path / name, people=mode)
        outputs[name] = (tmp_path / name).read_bytes()
    tg.to_kumu(t, tmp_path / "kumu.xlsx", people=mode)
    outputs["kumu"] = zipped(tmp_path / "kumu.xlsx")
    folder = tg.to_csv(t, tmp_path / "csv", people=mode)
    outputs["csv"] = b"\n".join(p.read_bytes() for p in sorted(folder.iterdir()))
    leaking = [name for name, raw in outputs.items() if leaks(raw)]
    assert leaking == []


def test_csv_without_people_reads_back_with_their_ties_between_organisations(
    tmp_path: Path,
) -> None:
    t = territory("2024", extra_actor=True)
    back = tg.read(tg.to_csv(t, tmp_path / "csv", people="hide"))
    assert len(back.people) == 0 and len(t.people) == 1
    # the same relations, between the same organisations
    pairs = sorted(zip(back.relations["source"], back.relations["target"], strict=True))
    assert pairs == sorted(zip(t.relations["source"], t.relations["target"], strict=True))
    pseudonymised = tg.read(tg.to_csv(t, tmp_path / "csv2", people="pseudonymise"))
    assert pseudonymised.people["name"].tolist() == ["Personne 1"]
