"""What the classes ask of the renderers, without importing them (data flows one way).

A :class:`~territoire_graphe.Territory` shows itself in a notebook, an
:class:`~territoire_graphe.Evolution` writes itself to a workbook, but the code that does it
lives in :mod:`territoire_graphe.render`, above them. The class asks for a renderer by name
with :func:`render`; the renderer put itself under that name with :func:`provides` when
its module was imported. Neither imports the other: the package's public names are
imported when first used, so :func:`render` imports the module known to provide a name
(``_PROVIDERS``, a name written as text, not an import) the first time it is asked for.

>>> @provides("example.upper")
... def shout(value):
...     return str(value).upper()
>>> render("example.upper", "bray")
'BRAY'
>>> render("example.nothing", "bray")
Traceback (most recent call last):
...
LookupError: no renderer provides 'example.nothing' (is territoire_graphe imported?)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_PROVIDED: dict[str, Callable[..., Any]] = {}
# Where each renderer lives (imported on first use, as ``territoire_graphe.__init__`` does).
_PROVIDERS = {
    "territory.html": "territoire_graphe.render.notebook",
    "diagnosis.html": "territoire_graphe.render.notebook",
    "evolution.excel": "territoire_graphe.render.comparison_excel",
}


def provides(name: str) -> Callable[[F], F]:
    """Decorator: the function renders ``name`` (``"territory.html"``, ``"evolution.excel"``)."""

    def register(function: F) -> F:
        _PROVIDED[name] = function
        return function

    return register


def render(name: str, *args: Any, **options: Any) -> Any:
    """Call the renderer registered under ``name``."""
    if name not in _PROVIDED and name in _PROVIDERS:
        import importlib

        importlib.import_module(_PROVIDERS[name])  # it registers itself with @provides
    try:
        renderer = _PROVIDED[name]
    except KeyError:
        raise LookupError(
            f"no renderer provides {name!r} (is territoire_graphe imported?)"
        ) from None
    return renderer(*args, **options)


__all__ = ["provides", "render"]
