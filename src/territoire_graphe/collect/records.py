"""A territory taken apart into records, so that a new one can be built from it plus more.

:func:`territory_records` gives what :meth:`Territory.from_records` takes back: reading
answers adds relations, resources and needs to the roster's records; merging joins the
records of several territories. The caller's territory is never changed.

>>> from territoire_graphe import Territory
>>> t = Territory.from_records(actors=[{"id": "a", "name": "A", "type": "commune", "x": 1}])
>>> r = territory_records(t)
>>> r["actors"][0]["name"], r["actors"][0]["x"]
('A', 1)
>>> int(Territory.from_records(**r).actors.loc["a", "x"])
1
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ..model import Territory


def territory_records(t: Territory) -> dict[str, Any]:
    """The keyword arguments of :meth:`Territory.from_records` that rebuild ``t``."""
    return {
        "actors": _rows(t.actors, index="id"),
        "relations": _rows(t.relations),
        "collectives": _rows(t.collectives, index="id"),
        "people": _rows(t.people, index="id"),
        "memberships": _rows(t.memberships),
        "resources": _rows(t.resources),
        "needs": _rows(t.needs),
        "name": t.name,
        "date": t.date,
        "vocabulary": t.vocabulary,
        "extra_sheets": dict(t.extra_sheets),
    }


def actor_names(t: Territory) -> dict[str, str]:
    """Actor id -> name."""
    return {str(a): str(n) for a, n in t.actors["name"].items()}


def _rows(frame: pd.DataFrame, *, index: str | None = None) -> list[dict[str, Any]]:
    table = frame.reset_index() if index is not None else frame
    if index is not None and index not in table.columns:
        table = table.rename(columns={table.columns[0]: index})
    return [{str(k): _plain(v) for k, v in row.items()} for row in table.to_dict("records")]


def _plain(value: Any) -> Any:
    """Missing values as None (NaN and NaT would look like values to from_records)."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
