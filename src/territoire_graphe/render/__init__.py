"""Renderers: the interactive HTML map (:func:`to_html`) and its building blocks.

Names are imported when first used (the command line starts without the map's modules).

>>> from territoire_graphe.render import to_html, read_positions
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_LAZY = {
    "read_positions": ".html",
    "render_html": ".html",
    "to_html": ".html",
    "LENSES": ".lenses",
    "normalise_lens": ".lenses",
}

if TYPE_CHECKING:
    from .html import read_positions, render_html, to_html
    from .lenses import LENSES, normalise_lens


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = ["LENSES", "normalise_lens", "read_positions", "render_html", "to_html"]
