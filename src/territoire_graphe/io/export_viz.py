"""What a drawing tool needs to show a territory as the map shows it: colour, size, position.

The exports for Gephi (GEXF ``viz``), sigma.js / Gephi Lite (graphology) and the
map share one drawing: actors coloured by type with the map's palette, sized as
the map sizes them (by betweenness when a diagnosis is given, else all alike), and
placed where the map places them (:func:`~territoire_graphe.render.map_data.sized_layout`,
positions stored on the actors -- read from Gephi, say -- kept). The map's canvas
has its y axis downwards; Gephi and sigma.js have it upwards (:mod:`.positions`), so
y is turned over: positions read from Gephi come back out as they were.
Collectives and people get no position (they are not on the map).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..model import Territory


@dataclass(frozen=True)
class Viz:
    """How one actor is drawn: ``color`` ``#rrggbb``, ``size`` (radius, px), ``x``, ``y``."""

    color: str
    size: float
    x: float
    y: float

    @property
    def rgb(self) -> tuple[int, int, int]:
        """The colour as red, green and blue channels (0-255).

        >>> Viz("#5b5bf5", 4.0, 0.0, 0.0).rgb
        (91, 91, 245)
        """
        value = self.color.lstrip("#")
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def map_drawing(t: Territory, diagnosis: Any = None, *, lang: str = "fr") -> dict[str, Viz]:
    """Actor id -> :class:`Viz`, as the map draws the territory (deterministic).

    >>> from territoire_graphe.data import sample_path
    >>> import territoire_graphe as tg
    >>> t = tg.read(sample_path("colombelles_tzcld.xlsx"))
    >>> drawing = map_drawing(t)
    >>> sorted(drawing) == sorted(map(str, t.actors.index)), drawing == map_drawing(t)
    (True, True)
    """
    from ..render.legend import actor_colors
    from ..render.map_data import sized_layout

    if not len(t.actors):
        return {}
    metrics = getattr(diagnosis, "actors", None)
    if not isinstance(metrics, pd.DataFrame):
        metrics = pd.DataFrame(index=t.actors.index)
    size_by = "betweenness" if "betweenness" in metrics.columns else None
    colors, _, _ = actor_colors(t, diagnosis, metrics, "type", lang)
    layout, radii, _, _ = sized_layout(t, metrics, size_by, lang)
    out = {}
    for actor, color, radius in zip(map(str, t.actors.index), colors, radii, strict=True):
        x, y = layout.positions.get(actor, (0.0, 0.0))
        out[actor] = Viz(
            _hex6(color), round(float(radius), 2), round(float(x), 1), round(-float(y), 1) + 0.0
        )
    return out


def _hex6(color: str) -> str:
    value = str(color).lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return f"#{value[:6].lower()}" if len(value) >= 6 else "#999999"
