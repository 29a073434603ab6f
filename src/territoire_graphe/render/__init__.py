"""Renderers: the interactive HTML map (:func:`to_html`) and its building blocks.

>>> from territoire_graphe.render import to_html, read_positions
"""

from __future__ import annotations

from .html import read_positions, render_html, to_html
from .lenses import LENSES, normalise_lens

__all__ = ["LENSES", "normalise_lens", "read_positions", "render_html", "to_html"]
