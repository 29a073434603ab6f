"""One sparse form of each graph per diagnosis, shared by every kernel (private).

A diagnosis runs a dozen kernels (centralities, components, bridges, constraint, key
players, communities...) on the same analysis graph, and each began by converting it
to a scipy matrix: at 10,000 actors, a dozen conversions of a second or so. Inside
:func:`per_run` (the decorator on :func:`territoire_graphe.diagnose`), the first
conversion of a graph is kept and handed to every later kernel; outside it, every call
converts afresh, as before. The results are the same either way: the kept matrix is the
very one the kernel would have built, and kernels only read it (they copy before any
change).

An entry is kept with its graph (so that the graph's ``id`` cannot be reused while the
run lasts) and its counts of nodes and edges: a graph changed during the run is
converted again.

>>> import networkx as nx
>>> g = nx.path_graph(3)
>>> @per_run
... def twice():
...     return shared(g, "demo", list) is shared(g, "demo", list)
>>> twice(), shared(g, "demo", list) is shared(g, "demo", list)
(True, False)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import Any, TypeVar

_T = TypeVar("_T")
_STORE: ContextVar[dict[tuple[int, Hashable], tuple[Any, Any, Any]] | None] = ContextVar(
    "territoire_graphe_shared_matrices", default=None
)


def per_run(fn: Callable[..., _T]) -> Callable[..., _T]:
    """Run ``fn`` with one store of shared matrices (a nested run uses the outer one)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> _T:
        if _STORE.get() is not None:
            return fn(*args, **kwargs)
        token = _STORE.set({})
        try:
            return fn(*args, **kwargs)
        finally:
            _STORE.reset(token)

    return wrapper


def _fingerprint(owner: Any) -> Any:
    counts = (getattr(owner, "number_of_nodes", None), getattr(owner, "number_of_edges", None))
    return tuple(count() for count in counts if callable(count)) or None


def shared(owner: Any, key: Hashable, build: Callable[[], _T]) -> _T:
    """``build()``, once per ``owner`` (a graph, a matrix) and ``key`` during a run."""
    store = _STORE.get()
    if store is None:
        return build()
    slot = (id(owner), key)
    mark = _fingerprint(owner)
    entry = store.get(slot)
    if entry is not None and entry[0] is owner and entry[1] == mark:
        return entry[2]
    value = build()
    store[slot] = (owner, mark, value)
    return value


__all__ = ["per_run", "shared"]
