"""The legend of the static map (:mod:`~territoire_graphe.render.image`), and its text helpers.

The legend says what the interactive map's legend says -- colours (with counts),
sizes (three reference discs drawn at the map's own scale), line styles of the
families present -- laid out in points from the top of its column; when it would
not fit, the type gets smaller.

>>> wrap("Maison d'Économie Solidaire du Pays de Bray", 18).splitlines()
["Maison d'Économie", 'Solidaire du Pays', 'de Bray']
>>> darker("#FFFFFF")
'#B2B2B2'
"""

from __future__ import annotations

import textwrap
from typing import Any

from ..messages import text

TEXT: dict[str, Any] = {"parse_math": False}  # workbook text is text: never mathtext


def draw_legend(ax: Any, data: dict, code: str, scale: float, width: float, height: float) -> None:
    """The map's legend, laid out in points from the top; smaller type if it would not fit."""
    factor = 1.0
    while factor > 0.6 and _legend_rows(None, data, code, scale, width, factor) > height:
        factor -= 0.05
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    _legend_rows(ax, data, code, scale, width, factor)


def _legend_rows(
    ax: Any, data: dict, code: str, scale: float, width: float, factor: float
) -> float:
    """Draw the legend on ``ax`` (or only measure it when ``ax`` is None); return its height."""
    from matplotlib.patches import Circle, FancyArrowPatch

    y = 0.0
    body, head = 8.5 * factor, 9.5 * factor
    chars = int((width - 40) / (0.52 * body))  # room for the swatch and the count

    def line(words: str, x: float, size: float, **style: Any) -> float:
        wrapped = wrap(words, int(chars * 8.5 * factor / size), lines=4)
        if ax is not None:
            ax.text(
                x,
                y,
                wrapped,
                size=size,
                va="top",
                ha="left",
                color=style.pop("color", "#1d1d1f"),
                linespacing=1.15,
                **style,
                **TEXT,
            )
        return (wrapped.count("\n") + 1) * size * 1.2

    legend = data["legend"]
    y += line(text("map.legend.title", code), 0, 11 * factor, weight="bold") + 4
    y += line(legend["colors"]["title"], 0, head, weight="bold") + 2
    for item in legend["colors"]["items"]:
        if ax is not None:
            ax.add_patch(
                Circle(
                    (5, y + body * 0.6),
                    body * 0.42,
                    facecolor=item["color"],
                    edgecolor=darker(item["color"]),
                    linewidth=0.5,
                )
            )
            ax.text(
                width,
                y,
                str(item.get("count", "")),
                size=body * 0.95,
                va="top",
                ha="right",
                color="#777777",
                **TEXT,
            )
        y += line(item["label"], 14, body) + 1.5
    y += 6
    y += line(legend["sizes"]["title"], 0, head, weight="bold") + 3
    items = legend["sizes"]["items"]
    if items:
        biggest = max(item["size"] for item in items) * scale
        x = 2.0
        for item in items:
            r = item["size"] * scale
            room = max(2 * r, 0.6 * body * len(item["label"])) + 12
            if ax is not None:
                ax.add_patch(
                    Circle(
                        (x + room / 2, y + biggest * 2 - r),
                        r,
                        facecolor="#CFD8DC",
                        edgecolor="#90A4AE",
                        linewidth=0.6,
                    )
                )
                ax.text(
                    x + room / 2,
                    y + biggest * 2 + 2,
                    item["label"],
                    size=body,
                    ha="center",
                    va="top",
                    color="#444444",
                    **TEXT,
                )
            x += room
        y += biggest * 2 + 2 + body * 1.3
    y += 6
    y += line(text("map.legend.lines", code), 0, head, weight="bold") + 3
    styles = data["lineStyles"]
    for family in data["filters"]["families"]:
        style = styles[family]
        if ax is not None:
            sample = FancyArrowPatch(
                (0, y + body * 0.6),
                (26, y + body * 0.6),
                linewidth=1.8 if family == "flux" else 1.2,
                arrowstyle="-|>,head_length=0.55,head_width=0.25" if style["arrows"] else "-",
                mutation_scale=8,
                color=style["color"],
                shrinkA=0,
                shrinkB=0,
            )
            if style["dashes"]:
                sample.set_linestyle((0, (3, 2)))
            ax.add_patch(sample)
        y += line(text(f"map.family.{family}", code), 32, body) + 2
    return y


def wrap(words: str, width: int, *, lines: int = 3) -> str:
    """Wrap a name on a few lines (every kind of space or line break becomes one space)."""
    flat = " ".join(str(words).split())
    out = textwrap.wrap(
        flat, width=max(width, 8), break_long_words=True, max_lines=lines, placeholder=" …"
    )
    return "\n".join(out) if out else ""


def darker(color: str, share: float = 0.3) -> str:
    try:
        r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    except (TypeError, ValueError):
        return "#555555"
    return "#{:02X}{:02X}{:02X}".format(*(round(c * (1 - share)) for c in (r, g, b)))
