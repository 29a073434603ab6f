"""The static map (PNG, SVG) for printed reports: same data as the HTML map, reproducible, safe.

The figure is inspected through :func:`map_figure` (what :func:`to_image` saves): its
discs, lines and texts are compared with the interactive map's data
(:func:`build_map_data`), so both maps tell the same story. Images go to tests/_artifacts/.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from territoire_graphe.model import Territory
from territoire_graphe.render import image
from territoire_graphe.render.image import map_figure, to_image
from territoire_graphe.render.map_data import build_map_data
from territoire_graphe.render.style import LINE_STYLES

pytest.importorskip("matplotlib")
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Annotation
from PIL import Image


@pytest.fixture(autouse=True)
def _french_by_default(monkeypatch):
    monkeypatch.delenv("TERRITOIRE_GRAPHE_LANG", raising=False)


@pytest.fixture(scope="module")
def council_figure(council, council_diagnosis):
    return map_figure(council, diagnosis=council_diagnosis)


@pytest.fixture(scope="module")
def council_data(council, council_diagnosis):
    return build_map_data(council, council_diagnosis)


def flat(words: str) -> str:
    """Without any space: names may be wrapped on several lines, even at a hyphen."""
    return "".join(words.split())


def texts_of(figure) -> list[str]:
    """Every text of the figure, line breaks made spaces."""
    return [
        " ".join(t.get_text().split())
        for t in figure.findobj(lambda a: hasattr(a, "get_text"))
        if t.get_text()
    ]


def labels_of(figure) -> list[Annotation]:
    return [a for a in figure.axes[0].texts if isinstance(a, Annotation)]


def discs_of(figure) -> PatchCollection:
    (collection,) = [c for c in figure.axes[0].collections if isinstance(c, PatchCollection)]
    return collection


def lines_of(figure) -> list[FancyArrowPatch]:
    return [p for p in figure.axes[0].patches if isinstance(p, FancyArrowPatch)]


# -- what it shows --------------------------------------------------------------------------------
def test_every_actor_is_a_disc_of_the_html_maps_colour(council_figure, council_data):
    ordered = sorted(council_data["nodes"], key=lambda n: (-n["size"], n["id"]))  # small on top
    colours = [
        f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"
        for r, g, b, _ in discs_of(council_figure).get_facecolors()
    ]
    assert colours == [n["color"] for n in ordered] and len(colours) == 50


def test_discs_keep_the_html_maps_positions_and_sizes_at_one_scale(
    council, council_diagnosis, council_data, monkeypatch
):
    from matplotlib.patches import Circle

    patches = []
    original = Circle.__init__

    def spy(self, xy, radius=5, **kwargs):
        patches.append((tuple(xy), radius))
        original(self, xy, radius, **kwargs)

    monkeypatch.setattr(Circle, "__init__", spy)
    map_figure(council, diagnosis=council_diagnosis)
    expected = {((n["x"], -n["y"]), n["size"]) for n in council_data["nodes"]}
    assert expected <= set(patches)  # the map's own layout and radii, y pointing up


def test_line_styles_follow_the_relation_families(council_figure, council):
    lines = lines_of(council_figure)
    colour = {family: style["color"] for family, style in LINE_STYLES.items()}

    def hex_of(patch) -> str:
        r, g, b, _ = patch.get_edgecolor()
        return f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"

    by_colour: dict[str, list[FancyArrowPatch]] = {}
    for patch in lines:
        by_colour.setdefault(hex_of(patch), []).append(patch)
    families = council.relations["family"].where(council.relations["type"] != "tension", "tension")
    for family, count in families.value_counts().items():
        assert len(by_colour[colour[family]]) == count, family
    assert all(p.get_linestyle() != "-" for p in by_colour[colour["interdependance"]])
    assert all(p.get_linestyle() in ("-", "solid") for p in by_colour[colour["lien"]])
    assert all(
        p.get_arrowstyle().__class__.__name__ == "CurveFilledB" for p in by_colour[colour["flux"]]
    )  # "-|>": flows are arrows
    assert all(
        p.get_arrowstyle().__class__.__name__ == "Curve"
        for p in by_colour[colour["lien"]] + by_colour[colour["tension"]]
    )


def test_the_title_territory_date_source_and_caption_are_on_the_page(council_figure, council):
    shown = texts_of(council_figure)
    assert "Carte des acteurs du territoire" in shown
    assert any(s.startswith("Pays de Bray (test), 30 juin 2024") for s in shown)
    caption = next(t for t in shown if t.startswith("50 acteurs"))
    assert f"{len(council.relations)} relations" in caption
    assert "Couleur : type d'acteur" in caption and "Taille : intermédiarité" in caption


def test_the_legend_explains_colours_sizes_and_lines_like_the_html_map(
    council_figure, council_data
):
    legend = " | ".join(" ".join(t.get_text().split()) for t in council_figure.axes[1].texts)
    assert "Légende" in legend and "Couleur : type d'acteur" in legend
    for item in council_data["legend"]["colors"]["items"]:
        assert f"| {item['label']} |" in f"{legend} |"
        assert f"| {item['count']} |" in f"{legend} |"
    for item in council_data["legend"]["sizes"]["items"]:
        assert f"| {item['label']} |" in f"{legend} |"
    for words in (
        "Lien (coopération, partenariat…)",
        "Flux (flèche ; épaisseur = quantité)",
        "Interdépendance (tirets)",
        "Tension",
    ):
        assert words in legend


def test_the_largest_actors_are_named_and_no_two_labels_overlap(council_figure, council_data):
    named = [flat(a.get_text()) for a in labels_of(council_figure)]
    largest = sorted(council_data["nodes"], key=lambda n: -n["size"])[:10]
    assert all(flat(n["label"]) in named for n in largest)
    assert len(named) >= 40  # a 50-actor map leaves room for nearly every name
    renderer = council_figure.canvas.get_renderer()
    boxes = [a.get_window_extent(renderer) for a in labels_of(council_figure)]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


def test_english_texts_with_lang_en(council, council_diagnosis):
    shown = texts_of(map_figure(council, diagnosis=council_diagnosis, lang="en"))
    assert "Map of the territory's actors" in shown and "Legend" in shown
    assert any(t.startswith("50 actors") for t in shown)


def test_equal_sizes_and_a_colour_per_municipality_on_request(council, council_diagnosis):
    figure = map_figure(
        council,
        diagnosis=council_diagnosis,
        size_by=None,
        color_by="municipality",
        title="COPIL du 12 mars",
    )
    shown = texts_of(figure)
    assert "COPIL du 12 mars" in shown and "Tous les acteurs ont la même taille." in shown
    assert "Couleur : commune" in shown
    assert not any("Taille :" in t for t in shown)


# -- files ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def council_png(tmp_path_factory, council, council_diagnosis, artifacts) -> Path:
    path = to_image(
        council, tmp_path_factory.mktemp("png") / "carte.png", diagnosis=council_diagnosis, dpi=100
    )
    (artifacts / "carte_50_acteurs_image.png").write_bytes(path.read_bytes())
    return path


def test_a_png_is_an_a4_landscape_page_at_the_resolution_asked(council_png):
    with Image.open(council_png) as picture:
        assert picture.format == "PNG" and picture.size == (1169, 827)  # 11.69 x 8.27 in


def test_the_png_is_the_same_from_one_run_to_the_next_and_carries_no_date(
    council_png, council, council_diagnosis, tmp_path
):
    again = to_image(council, tmp_path / "again.PNG", diagnosis=council_diagnosis, dpi=100)
    assert again.read_bytes() == council_png.read_bytes()
    with Image.open(council_png) as picture:
        assert not any("date" in key.lower() or "time" in key.lower() for key in picture.info)


def test_the_svg_is_the_same_from_one_run_to_the_next_and_carries_no_date(
    council, tmp_path, council_diagnosis
):
    first = to_image(council, tmp_path / "a.svg", diagnosis=council_diagnosis)
    second = to_image(council, tmp_path / "b.svg", diagnosis=council_diagnosis)
    assert first.read_bytes() == second.read_bytes()
    svg = first.read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and ET.fromstring(svg.encode()).tag.endswith("svg")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "terminez le nom du fichier par .png ou .svg"),
        ("en", "end the file name with .png or .svg"),
    ],
)
def test_another_suffix_is_refused_in_the_language_asked(council, tmp_path, lang, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        to_image(council, tmp_path / "carte.pdf", lang=lang)
    assert not (tmp_path / "carte.pdf").exists()


def test_a_resolution_out_of_range_is_refused(council, tmp_path):
    with pytest.raises(ValueError, match="résolution invalide"):
        to_image(council, tmp_path / "carte.png", dpi=0)


def test_without_matplotlib_the_error_says_which_extra_to_install(council, tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=re.escape('pip install "territoire_graphe[image]"')):
        to_image(council, tmp_path / "carte.png")
    with pytest.raises(ImportError, match="matplotlib, which is not installed"):
        to_image(council, tmp_path / "carte.png", lang="en")


def test_the_global_matplotlib_backend_is_left_alone(council, council_diagnosis, tmp_path):
    import matplotlib

    before = matplotlib.get_backend()
    to_image(council, tmp_path / "carte.png", diagnosis=council_diagnosis, dpi=50)
    assert matplotlib.get_backend() == before


# -- hostile and unusual territories --------------------------------------------------------------
def test_hostile_names_are_drawn_as_plain_text_never_as_mathtext(hostile, tmp_path, artifacts):
    actors = hostile.actors.reset_index().to_dict("records")
    actors.append({"id": "M1", "name": r"Budget $\notacommand$ 100 $", "type": "association"})
    actors.append({"id": "M2", "name": r"Coût $x^2$ \n", "type": "association"})
    relations = hostile.relations.to_dict("records")
    relations.append({"source": "M1", "target": "M2", "type": "coopération", "family": "lien"})
    relations.append({"source": "M1", "target": "H9", "type": "coopération", "family": "lien"})
    t = Territory.from_records(actors=actors, relations=relations, name=r"$\alpha$ <b>")
    png = to_image(t, tmp_path / "hostile.png", dpi=100)
    svg = to_image(t, tmp_path / "hostile.svg").read_text(encoding="utf-8")
    (artifacts / "carte_hostile_image.png").write_bytes(png.read_bytes())
    assert "<script" not in svg.lower() and "<img" not in svg.lower()
    ET.fromstring(svg.encode())  # still well-formed XML
    shown = texts_of(map_figure(t))
    assert any(r"Budget $\notacommand$ 100 $" in s for s in shown)
    assert r"$\alpha$ <b>" in shown


def test_an_empty_territory_and_a_lone_actor_still_give_a_page(tmp_path):
    empty = Territory.from_records(actors=[], name="Vide")
    # size_by=None: with no actor, build_map_data finds betweenness "not numeric" (legend.py)
    assert to_image(empty, tmp_path / "vide.png", dpi=50, size_by=None).stat().st_size > 0
    lone = Territory.from_records(actors=[{"id": "a", "name": "Seul", "type": "commune"}])
    assert "Seul" in [" ".join(a.get_text().split()) for a in labels_of(map_figure(lone))]


def test_a_large_map_draws_plain_segments_instead_of_arrows(
    council, council_diagnosis, monkeypatch
):
    monkeypatch.setattr(image, "MAX_ARROWS", 10)
    figure = map_figure(council, diagnosis=council_diagnosis)
    assert lines_of(figure) == []
    segments = sum(
        len(c.get_segments()) for c in figure.axes[0].collections if isinstance(c, LineCollection)
    )
    assert segments == len(council.relations)


def test_the_territory_is_not_modified(council, council_diagnosis, tmp_path):
    actors, relations = council.actors.copy(), council.relations.copy()
    to_image(council, tmp_path / "carte.svg", diagnosis=council_diagnosis)
    pd.testing.assert_frame_equal(council.actors, actors)
    pd.testing.assert_frame_equal(council.relations, relations)
