"""Small map images for the committee's document: the actors of a question, in their setting.

Each image is cut out of the very map :func:`~territoire_graphe.to_image` draws (same
layout, colours, line styles, from :func:`~.map_data.build_map_data`): the actors a
question's findings name keep their colours and their names, their direct partners
are drawn in grey around them, and the frame closes on them. matplotlib is the extra
``image``; :func:`focus_images` returns None without it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from .image import _drawing, _edges, _frame, _labels, _matplotlib, _nodes

SIZE = (6.3, 3.5)  # inches: the width of an A4 page's text
DPI = 150
MAX_FOCUS = 14  # actors shown in colour: a small image carries no more names
MAX_CONTEXT = 40  # partners drawn in grey around them
GREY, GREY_LINE = "#d5d9de", "#c3c8ce"


class FocusImages:
    """Draws focused images from one map's data (the layout is computed once)."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.nodes = {n["id"]: n for n in data["nodes"]}
        self.neighbours: dict[str, list[str]] = {n: [] for n in self.nodes}
        for edge in data["edges"]:
            a, b = edge["from"], edge["to"]
            if a in self.nodes and b in self.nodes and a != b:
                self.neighbours[a].append(b)
                self.neighbours[b].append(a)

    def png(self, actors: Sequence[str]) -> bytes | None:
        """A PNG of ``actors`` (the first :data:`MAX_FOCUS`) and their partners; None if empty."""
        focus = [a for a in dict.fromkeys(str(a) for a in actors) if a in self.nodes][:MAX_FOCUS]
        if not focus:
            return None
        chosen = set(focus)
        context: list[str] = []
        for actor in focus:
            for other in sorted(set(self.neighbours[actor])):
                if other not in chosen and other not in context:
                    context.append(other)
        context = context[:MAX_CONTEXT]
        shown = set(focus) | set(context)
        nodes = [{**self.nodes[a], "color": GREY, "label": ""} for a in context] + [
            self.nodes[a] for a in focus
        ]
        edges = [e for e in self.data["edges"] if e["from"] in shown and e["to"] in shown]
        inner = [e for e in edges if e["from"] in chosen and e["to"] in chosen]
        outer = [e for e in edges if not (e["from"] in chosen and e["to"] in chosen)]
        return _draw(nodes, inner, outer, self.data, [self.nodes[a] for a in focus])

    def overview(self) -> bytes:
        """The whole map, every actor in colour, the largest :data:`MAX_FOCUS` named."""
        nodes = [{**n, "label": ""} for n in self.data["nodes"]]
        named = sorted(self.data["nodes"], key=lambda n: (-n["size"], n["id"]))[:MAX_FOCUS]
        return _draw(nodes, self.data["edges"], [], self.data, named)


def focus_images(data: dict[str, Any], lang: str) -> FocusImages | None:
    """A :class:`FocusImages` for the map data, or None when matplotlib is missing."""
    try:
        _matplotlib(lang)
    except ImportError:
        return None
    return FocusImages(data)


def _draw(
    nodes: list[dict], inner: list[dict], outer: list[dict], data: dict[str, Any], named: list[dict]
) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    mpl = _matplotlib("fr")
    with _drawing(mpl):
        figure = Figure(figsize=SIZE, dpi=DPI)
        FigureCanvasAgg(figure)
        ax = figure.add_axes((0.01, 0.01, 0.98, 0.98))
        ax.set_axis_off()
        scale = _frame(ax, nodes, {}, SIZE[0] * 72 * 0.98, SIZE[1] * 72 * 0.98)
        scale = max(scale, 0.05)
        where = {n["id"]: (n["x"], -n["y"], n["size"]) for n in nodes}
        styles = data["lineStyles"]
        grey = {family: {**style, "color": GREY_LINE} for family, style in styles.items()}
        _edges(ax, outer, where, grey, scale)
        _edges(ax, inner, where, styles, scale)
        _nodes(ax, nodes)
        degree = {n["id"]: n["size"] for n in named}
        _labels(figure, ax, named, degree, max(scale, 0.35), None)
        buffer = io.BytesIO()
        figure.savefig(
            buffer, format="png", dpi=DPI, facecolor="white", metadata={"Software": None}
        )
    return buffer.getvalue()


__all__ = ["FocusImages", "focus_images"]
