"""The static map: a PNG or SVG image of a territory, for printed reports (matplotlib).

The image is drawn from the very data of the interactive map
(:func:`~territoire_graphe.render.map_data.build_map_data`): same layout, colours,
sizes, line styles (ties plain, flows as arrows whose width follows the quantity,
dependencies dashed, tensions red) and legend texts. One map pixel becomes
``scale`` points on paper, chosen so that the whole map fits an A4 landscape page;
discs, lines and the size legend share that scale. The main actors (largest
discs first) are named where their label overlaps no other label or disc.

matplotlib is the optional extra ``image`` (``pip install "territoire_graphe[image]"``),
imported only here, drawn with the Agg canvas (no window, the global backend is left
alone). Workbook text is text: never parsed as mathtext or LaTeX. The files are
reproducible: SVG without date and with a fixed hash salt, PNG without date.

>>> import tempfile, pathlib
>>> from territoire_graphe.model import Territory
>>> t = Territory.from_records(
...     actors=[{"id": "a", "name": "Mairie $x$", "type": "commune"},
...             {"id": "b", "name": "Asso", "type": "association"}],
...     relations=[{"source": "a", "target": "b", "type": "coopération", "family": "lien"}])
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> to_image(t, folder / "carte.svg").read_bytes() == to_image(t, folder / "b.svg").read_bytes()
True
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..io.outputs import atomic_path
from ..messages import resolve_lang, text
from ..provenance import Provenance, output_provenance
from .declutter import LABEL_WIDTH, label_box
from .image_legend import TEXT, darker, draw_legend, wrap
from .legend import scalar
from .people import normalise_people

if TYPE_CHECKING:
    from ..diagnosis import Diagnosis
    from ..model import Territory

FORMATS = {".png": "png", ".svg": "svg"}
PAGE = (11.69, 8.27)  # A4 landscape, in inches
MARGIN, HEADER, FOOTER, LEGEND = 0.35, 0.95, 0.45, 2.7  # inches
MAX_SCALE = 0.55  # points per map pixel at most: a small territory is not blown up
MIN_FONT, MAX_FONT = 6.5, 11.0  # points: the labels a printed page can carry
MAX_LABELS = 60  # actors tried for a label, largest discs first
MAX_ARROWS = 2500  # above this many lines, plain segments (no arrows, no curves): fast
_RC = {
    "svg.hashsalt": "territoire_graphe",
    "svg.fonttype": "path",
    "text.usetex": False,
    "text.parse_math": False,  # a name like "budget_$\\foo$" is text, never markup
    "font.family": "DejaVu Sans",
    "axes.unicode_minus": False,
    "path.simplify": True,
}


def to_image(
    t: Territory,
    path: str | Path,
    *,
    diagnosis: Diagnosis | None = None,
    color_by: str | None = "type",
    size_by: str | None = "betweenness",
    lang: str | None = None,
    title: str | None = None,
    people: str = "show",
    dpi: int = 200,
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> Path:
    """Write the map of ``t`` as a PNG or SVG image (by ``path``'s suffix) and return the path.

    The image names no person: ``people`` is checked for consistency with the map.

    Parameters
    ----------
    t : Territory
        What to draw (never modified).
    path : str or path-like
        The ``.png`` or ``.svg`` file to write.
    diagnosis : Diagnosis, optional
        As for :func:`~territoire_graphe.to_html` (computed when None).
    color_by : str or None, default "type"
        As for :func:`~territoire_graphe.to_html`.
    size_by : str or None, default "betweenness"
        As for :func:`~territoire_graphe.to_html`.
    lang : str, optional
        Language of the legend and the title.
    title : str, optional
        The image's title (default: the catalogue's).
    people : {"show", "pseudonymise", "hide"}, default "show"
        As for :func:`~territoire_graphe.to_html`.
    dpi : int, default 200
        The PNG's resolution (an A4 landscape page: 2338 x 1654 pixels at 200 dpi).
    positions : mapping, optional
        Actor id -> (x, y), as for :func:`~territoire_graphe.to_html`.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    ValueError
        For a suffix other than ``.png`` and ``.svg``, or a ``dpi`` that is not positive.
    ImportError
        When matplotlib (the extra ``image``) is not installed.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    >>> tg.to_image(t, pathlib.Path(tempfile.mkdtemp()) / "carte.gif")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: ...
    """
    code = resolve_lang(lang if lang is not None else getattr(diagnosis, "lang", None))
    target = Path(path)
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise ValueError(text("image.error.format", code, value=target.suffix or target.name))
    if isinstance(dpi, bool) or not isinstance(dpi, int | float) or not 10 <= dpi <= 1200:
        raise ValueError(text("image.error.dpi", code, value=str(dpi)))
    figure = map_figure(
        t,
        diagnosis=diagnosis,
        color_by=color_by,
        size_by=size_by,
        lang=code,
        title=title,
        people=people,
        positions=positions,
    )
    record = output_provenance(
        "image",
        [t],
        getattr(diagnosis, "provenance", None),
        lang=code,
        people=people,
        color_by=color_by,
        size_by=size_by,
    )
    with _drawing(_matplotlib(code)):
        metadata = _metadata(fmt, record)
        with atomic_path(target) as temporary:  # never half a file
            figure.savefig(temporary, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
    return target


def _metadata(fmt: str, record: Provenance) -> dict[str, Any]:
    """The provenance in the image's own metadata: an SVG's Dublin Core, a PNG's text chunks.

    No date of writing (SVG's ``Date`` is dropped): the same inputs give the same file.
    """
    creator = f"{record['package']} {record['version']}"
    if fmt == "svg":
        return {"Date": None, "Creator": creator, "Description": record.to_json()}
    return {"Software": creator, "Description": record.to_json()}


def map_figure(
    t: Territory,
    *,
    diagnosis: Diagnosis | None = None,
    color_by: str | None = "type",
    size_by: str | None = "betweenness",
    lang: str | None = None,
    title: str | None = None,
    people: str = "show",
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> Any:
    """The map as a matplotlib ``Figure`` (A4 landscape, Agg canvas): what :func:`to_image` saves.

    For other formats or adjustments (``figure.savefig("carte.pdf")``); same options.
    """
    code = resolve_lang(lang if lang is not None else getattr(diagnosis, "lang", None))
    normalise_people(people, code)
    mpl = _matplotlib(code)
    if diagnosis is None:
        from ..diagnosis import diagnose

        diagnosis = diagnose(t, lang=code)
    from .map_data import build_map_data

    data = build_map_data(
        t,
        diagnosis,
        color_by=color_by,
        size_by=size_by,
        title=title,
        lang=code,
        people=people,
        positions=positions,
    )
    degree = diagnosis.actors["degree"] if "degree" in diagnosis.actors.columns else None
    rank = {str(k): scalar(v) for k, v in degree.items()} if degree is not None else {}
    with _drawing(mpl):
        return _draw(data, code, rank, size_by is not None)


def _matplotlib(code: str) -> Any:
    """matplotlib, with the Agg canvas; an ImportError naming the extra when it is missing."""
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401
        from matplotlib.figure import Figure  # noqa: F401
    except ImportError as error:
        raise ImportError(text("image.error.matplotlib", code), name="matplotlib") from error
    return matplotlib


@contextmanager
def _drawing(mpl: Any) -> Iterator[None]:
    """Our settings (fonts, no LaTeX, SVG hash salt), without warnings for exotic glyphs."""
    with mpl.rc_context(_RC), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        yield


# -- the page -------------------------------------------------------------------------------
def _draw(data: dict, code: str, degree: dict, sized: bool) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = PAGE
    figure = Figure(figsize=PAGE)
    FigureCanvasAgg(figure)
    meta = data["meta"]
    left = MARGIN / width
    figure.text(
        left,
        1 - 0.3 / height,
        _short(meta["title"], 90),
        size=17,
        weight="bold",
        va="top",
        color="#1d1d1f",
        **TEXT,
    )
    subtitle = " · ".join(p for p in (meta["territory"], meta["date"], meta["source"]) if p)
    figure.text(
        left, 1 - 0.68 / height, _short(subtitle, 140), size=10.5, va="top", color="#444444", **TEXT
    )
    nodes, edges = data["nodes"], data["edges"]
    caption = text(
        "image.caption" if sized else "image.caption_uniform",
        code,
        actors=len(nodes),
        relations=len(edges),
        color=data["legend"]["colors"]["title"],
        size=data["legend"]["sizes"]["title"],
    )
    figure.text(
        left, 0.2 / height, _short(caption, 150), size=8.5, color="#555555", va="bottom", **TEXT
    )
    figure.text(
        1 - left,
        0.2 / height,
        text("map.footer", code, version=__version__),
        size=7,
        color="#999999",
        ha="right",
        va="bottom",
        **TEXT,
    )

    map_w = width - 2 * MARGIN - LEGEND
    box = (left, FOOTER / height, map_w / width, (height - HEADER - FOOTER) / height)
    ax = figure.add_axes(box)
    ax.set_axis_off()
    scale = _frame(ax, nodes, meta, map_w * 72, (height - HEADER - FOOTER) * 72)
    where = {n["id"]: (n["x"], -n["y"], n["size"]) for n in nodes}
    _edges(ax, edges, where, data["lineStyles"], scale)
    _nodes(ax, nodes)
    heading = None
    if meta.get("isolated"):
        spot = meta["isolated"]
        # the grid of isolated actors starts 50 map pixels below: grow upwards from there
        heading = ax.text(
            spot["x"],
            -spot["y"] - 40,
            spot["text"],
            size=min(MAX_FONT, max(MIN_FONT, 24 * scale)),
            weight="bold",
            color="#555555",
            va="bottom",
            ha="left",
            **TEXT,
        )
    _labels(figure, ax, nodes, degree, scale, heading)
    legend = figure.add_axes(
        (
            (width - MARGIN - LEGEND + 0.2) / width,
            FOOTER / height,
            (LEGEND - 0.2) / width,
            (height - HEADER - FOOTER) / height,
        )
    )
    legend.set_axis_off()
    draw_legend(legend, data, code, scale, (LEGEND - 0.2) * 72, (height - HEADER - FOOTER) * 72)
    return figure


def _frame(ax: Any, nodes: list[dict], meta: dict, width_pt: float, height_pt: float) -> float:
    """Set the map's limits (equal scales, everything inside); return points per map pixel."""
    if not nodes:
        ax.set_xlim(0, width_pt)
        ax.set_ylim(-height_pt, 0)
        return 1.0
    xs0, xs1, ys0, ys1 = [], [], [], []
    for n in nodes:
        half_w, half_h, offset = label_box(n["label"], n["size"])
        xs0.append(n["x"] - half_w)
        xs1.append(n["x"] + half_w)
        ys0.append(n["y"] - n["size"])
        ys1.append(n["y"] + offset + half_h)
    spot = meta.get("isolated")
    if spot:
        xs0.append(spot["x"])
        ys0.append(spot["y"])
    pad = 20.0
    x0, x1, y0, y1 = min(xs0) - pad, max(xs1) + pad, min(ys0) - pad, max(ys1) + pad
    scale = min(width_pt / max(x1 - x0, 1.0), height_pt / max(y1 - y0, 1.0), MAX_SCALE)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_x, half_y = width_pt / scale / 2, height_pt / scale / 2
    ax.set_xlim(cx - half_x, cx + half_x)
    ax.set_ylim(-cy - half_y, -cy + half_y)  # the page's y axis points down, the map's up
    return scale


def _edges(ax: Any, edges: list[dict], where: dict, styles: dict, scale: float) -> None:
    """Relations as the map draws them; ends cut at the discs' rims (in map pixels: fast)."""
    import math

    from matplotlib.collections import LineCollection
    from matplotlib.patches import FancyArrowPatch

    order = {"lien": 0, "interdependance": 1, "flux": 2, "tension": 3}
    shown = sorted(
        (e for e in edges if e["from"] in where and e["to"] in where and e["from"] != e["to"]),
        key=lambda e: order.get(e["fam"], 0),
    )
    fast = len(shown) > MAX_ARROWS
    segments: dict[str, list] = {}
    for e in shown:
        style = styles.get(e["fam"], styles["lien"])
        (xa, ya, ra), (xb, yb, rb) = where[e["from"]], where[e["to"]]
        if fast:
            segments.setdefault(e["fam"], []).append(((xa, ya), (xb, yb)))
            continue
        arrow = bool(style["arrows"] and (e.get("dir") or e["fam"] == "flux"))
        length = math.hypot(xb - xa, yb - ya)
        cut_a, cut_b = ra + 0.6 / scale, rb + (1.0 if arrow else 0.6) / scale
        if length <= cut_a + cut_b:
            continue  # overlapping discs: nothing to draw between them
        ux, uy = (xb - xa) / length, (yb - ya) / length
        width = min(3.5, max(0.45, float(e.get("w") or 1.5) * scale))
        patch = FancyArrowPatch(
            (xa + ux * cut_a, ya + uy * cut_a),
            (xb - ux * cut_b, yb - uy * cut_b),
            arrowstyle="-|>,head_length=0.55,head_width=0.25" if arrow else "-",
            connectionstyle=f"arc3,rad={-float(e.get('cv') or 0.0)}",
            shrinkA=0,
            shrinkB=0,
            mutation_scale=5.0 + 1.6 * width,
            linewidth=width,
            color=style["color"],
            alpha=0.95 if e["fam"] == "tension" else 0.8,
            zorder=1 + order.get(e["fam"], 0) / 10,
            capstyle="butt",
            joinstyle="miter",
        )
        if style["dashes"]:
            patch.set_linestyle((0, (3.5 / width, 2.2 / width)))
        ax.add_artist(patch)  # not add_patch: the limits are set, no need to measure each path
    for family, lines in segments.items():
        style = styles.get(family, styles["lien"])
        ax.add_collection(
            LineCollection(
                lines,
                colors=style["color"],
                linewidths=0.4,
                linestyles="--" if style["dashes"] else "-",
                alpha=0.6,
                zorder=1,
            ),
            autolim=False,
        )


def _nodes(ax: Any, nodes: list[dict]) -> None:
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Circle

    ordered = sorted(nodes, key=lambda n: (-n["size"], n["id"]))  # small discs on top
    discs = [Circle((n["x"], -n["y"]), n["size"]) for n in ordered]
    ax.add_collection(
        PatchCollection(
            discs,
            facecolors=[n["color"] for n in ordered],
            edgecolors=[darker(n["color"]) for n in ordered],
            linewidths=0.6,
            zorder=2,
        ),
        autolim=False,
    )


def _labels(
    figure: Any, ax: Any, nodes: list[dict], degree: dict, scale: float, heading: Any
) -> None:
    """Name the largest actors first, where the label covers no other label nor disc."""
    import numpy as np
    from matplotlib import patheffects

    if not nodes:
        return
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    centres = ax.transData.transform([(n["x"], -n["y"]) for n in nodes])
    radii = np.array([n["size"] for n in nodes]) * scale * figure.dpi / 72
    ranked = sorted(
        range(len(nodes)),
        key=lambda i: (
            -nodes[i]["size"],
            -_number(degree.get(nodes[i]["id"])),
            nodes[i]["label"],
            nodes[i]["id"],
        ),
    )
    tried = ranked[:MAX_LABELS]
    guarded = np.zeros(len(nodes), dtype=bool)  # the discs of the main actors stay uncovered
    guarded[tried] = True
    taken: list[tuple[float, float, float, float]] = []
    if heading is not None:
        box = heading.get_window_extent(renderer)
        taken.append((box.x0 - 2, box.y0 - 2, box.x1 + 2, box.y1 + 2))
    stroke = [patheffects.withStroke(linewidth=2.6, foreground="white")]
    for i in tried:
        node = nodes[i]
        size = min(MAX_FONT, max(MIN_FONT, node["fs"] * scale))
        chars = int(min(28, max(18, LABEL_WIDTH * scale / (0.55 * size))))
        label = wrap(node["label"], chars)
        gap = node["size"] * scale + 1.5
        for offset, ha, va in (
            ((0, -gap), "center", "top"),
            ((0, gap), "center", "bottom"),
            ((gap + 1, 0), "left", "center"),
            ((-gap - 1, 0), "right", "center"),
        ):
            note = ax.annotate(
                label,
                (node["x"], -node["y"]),
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                size=size,
                color="#1d1d1f",
                zorder=3,
                path_effects=stroke,
                multialignment="center",
                annotation_clip=False,
                **TEXT,
            )
            box = note.get_window_extent(renderer)
            rect = (box.x0 - 1, box.y0 - 1, box.x1 + 1, box.y1 + 1)
            inside = (
                frame.x0 <= rect[0]
                and rect[2] <= frame.x1 + 15
                and frame.y0 - 10 <= rect[1]
                and rect[3] <= frame.y1 + 10
            )
            if (
                inside
                and not _covers(rect, taken)
                and not _hits_disc(rect, centres[guarded], radii[guarded], int(guarded[:i].sum()))
            ):
                taken.append(rect)
                break
            note.remove()


def _covers(rect: tuple, taken: list[tuple]) -> bool:
    return any(
        rect[0] < b[2] and b[0] < rect[2] and rect[1] < b[3] and b[1] < rect[3] for b in taken
    )


def _hits_disc(rect: tuple, centres: Any, radii: Any, own: int) -> bool:
    import numpy as np

    nx = np.clip(centres[:, 0], rect[0], rect[2])
    ny = np.clip(centres[:, 1], rect[1], rect[3])
    hit = np.hypot(centres[:, 0] - nx, centres[:, 1] - ny) < radii * 0.85
    hit[own] = False
    return bool(hit.any())


# -- small helpers ------------------------------------------------------------------------------
def _short(words: str, width: int) -> str:
    flat = " ".join(str(words).split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if number == number else 0.0


__all__ = ["FORMATS", "map_figure", "to_image"]
