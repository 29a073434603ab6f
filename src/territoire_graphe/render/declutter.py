"""Move actors apart until their discs and labels no longer overlap (small maps only).

Each actor takes a box: its disc with its label underneath (labels wrap at
:data:`LABEL_WIDTH` pixels, as the page draws them). Overlapping boxes are pushed
apart along the axis where they overlap least; deterministic, O(n²) per sweep, so
only used up to :data:`MAX_ACTORS` actors.

>>> import numpy as np
>>> pos = declutter(np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([[10.0, 5.0], [10.0, 5.0]]))
>>> bool(abs(pos[0] - pos[1]).max() >= 10)
True
"""

from __future__ import annotations

import math

import numpy as np

LABEL_WIDTH = 190.0  # the page wraps labels at this width (vis-network widthConstraint)
MAX_ACTORS = 600
CHAR_WIDTH = 0.58  # average glyph width of a sans-serif font, in font sizes


def font_size(radius: float) -> int:
    """The label's font size for a disc of this radius (bigger actors, bigger names)."""
    return round(16 + (radius - 8) * 0.25)


def label_box(label: str, radius: float) -> tuple[float, float, float]:
    """Half-width, half-height and vertical offset of the box holding a disc and its label."""
    size = font_size(radius)
    natural = CHAR_WIDTH * size * len(label)
    lines = max(1, math.ceil(natural / (LABEL_WIDTH * 0.8)))  # word wrap wastes room
    width = min(LABEL_WIDTH, natural)
    text_height = lines * size * 1.3 + 8  # vis-network: a gap, then lines 1.3 em apart
    half_w = max(radius, width / 2)
    half_h = radius + text_height / 2
    return half_w, half_h, text_height / 2


def declutter(
    pos: np.ndarray, half: np.ndarray, *, pad: float = 8.0, sweeps: int = 200
) -> np.ndarray:
    """Push boxes (centres ``pos``, half sizes ``half``) apart until none overlaps."""
    pos = np.array(pos, dtype=float)
    n = len(pos)
    if n < 2:
        return pos
    order = np.arange(n)
    tie = np.where(order[:, None] > order[None, :], 1.0, -1.0)  # who moves which way on ties
    for _ in range(sweeps):
        dx = pos[:, 0][:, None] - pos[:, 0][None, :]
        dy = pos[:, 1][:, None] - pos[:, 1][None, :]
        ox = half[:, 0][:, None] + half[:, 0][None, :] + pad - np.abs(dx)
        oy = half[:, 1][:, None] + half[:, 1][None, :] + pad - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        sx = np.where(dx != 0, np.sign(dx), tie)
        sy = np.where(dy != 0, np.sign(dy), tie)
        along_x = ox < oy
        push_x = np.where(hit & along_x, sx * ox, 0.0).sum(axis=1)
        push_y = np.where(hit & ~along_x, sy * oy, 0.0).sum(axis=1)
        pos[:, 0] += push_x * 0.3
        pos[:, 1] += push_y * 0.3
    return pos
