"""The territory as plain nodes and edges, shared by every graph export.

:func:`_collect` lays a territory (and a diagnosis' metrics) out as nodes and edges with
plain Python values; :mod:`.export`, :mod:`.export_gexf`, :mod:`.export_graphology` and
:mod:`.export_kumu` write that layout in their format. This module imports none of them,
so the exports' imports run one way.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..model import Territory
from ..provenance import Provenance, output_provenance
from ..vocabulary import default_vocabulary
from .schema import match_columns

_PROVENANCE = ("sheet", "row")


def export_provenance(output: str, t: Territory, diagnosis: Any, **parameters: Any) -> Provenance:
    """What an export writes of its making: version, the territory, options, the analysis.

    >>> import territoire_graphe as tg
    >>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    >>> p = export_provenance("csv", t, None, people="hide", lang="fr")
    >>> p["output"], p["inputs"][0]["name"], "analysis" in p
    ('csv', 'Colombelles TZCLD', False)
    """
    analysis = getattr(diagnosis, "provenance", None)  # a table-only stand-in has none
    return output_provenance(output, [t], analysis, **parameters)


@dataclass
class _Graph:
    """The territory as nodes and edges, with plain Python values (None for missing)."""

    nodes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    edges: list[tuple[str, str, str, dict[str, Any], bool]] = field(default_factory=list)
    graph: dict[str, Any] = field(default_factory=dict)

    @property
    def directed(self) -> bool:
        """The default direction of the file: undirected when every relation is."""
        relations = [e for e in self.edges if e[3].get("kind") == "relation"]
        return not relations or any(e[4] for e in relations)


# -- the territory as a graph -------------------------------------------------------------
def _collect(t: Territory, diagnosis: Any) -> _Graph:
    g = _Graph()
    columns = {k: list(v) for k, v in t.graph.graph.get("columns", {}).items()}
    offers = {
        what: _offers_by_actor(table, what)
        for what, table in (("resources", t.resources), ("needs", t.needs))
    }
    metrics, metric_columns = _metrics(diagnosis, list(t.actors.columns))
    for kind, table in (("actor", t.actors), ("collective", t.collectives), ("person", t.people)):
        for node_id, row in zip(table.index, table.to_dict("records"), strict=True):
            attrs: dict[str, Any] = {"kind": kind}
            attrs.update((str(c), _native(v)) for c, v in row.items())
            if kind == "actor":
                for what in ("resources", "needs"):
                    attrs[what] = offers[what].get(node_id)
                for column in metric_columns:
                    has = metrics is not None and node_id in metrics.index
                    attrs[column] = (
                        _native(metrics.at[node_id, column])
                        if has and metrics is not None
                        else None
                    )
            g.nodes.append((str(node_id), attrs))
    for number, row in enumerate(t.relations.to_dict("records")):
        attrs = {"kind": "relation"}
        attrs.update(
            (str(c), _native(v))
            for c, v in row.items()
            if c not in ("source", "target", *_PROVENANCE)
        )
        g.edges.append(
            (str(row["source"]), str(row["target"]), f"r{number}", attrs, bool(row["directed"]))
        )
    for number, row in enumerate(t.memberships.to_dict("records")):
        attrs = {"kind": "membership"}
        attrs.update(
            (str(c), _native(v))
            for c, v in row.items()
            if c not in ("actor", "collective", *_PROVENANCE)
        )
        g.edges.append((str(row["actor"]), str(row["collective"]), f"m{number}", attrs, True))
    for person, actor in t.people["actor"].items():
        if _native(actor) is not None:
            g.edges.append((str(person), str(actor), f"p-{person}", {"kind": "affiliation"}, True))
    g.graph = {
        "name": t.name,
        "date": _native(t.date),
        "types": type_rows(t) or None,
        "columns": columns,
    }
    return g


def _metrics(diagnosis: Any, taken: list[str]) -> tuple[pd.DataFrame | None, list[str]]:
    """The diagnosis table and those of its columns the actors table does not already have."""
    table = getattr(diagnosis, "actors", None)
    if not isinstance(table, pd.DataFrame):
        return None, []
    new = [
        str(c) for c in table.columns if c not in taken and not match_columns("actors", [str(c)])[0]
    ]
    return table, new


def _offers_by_actor(table: pd.DataFrame, what: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in table.to_dict("records"):
        item = {str(c): _native(v) for c, v in row.items() if c not in ("actor", *_PROVENANCE)}
        out.setdefault(str(row["actor"]), []).append(item)
    return out


def type_rows(t: Territory) -> list[dict[str, Any]]:
    """The territory's own types, as rows of the ``types`` sheet (English field names).

    Every type the workbook declared (or overrode), and every relation type whose
    family differs from what the default vocabulary would give it.
    """
    rows: list[dict[str, Any]] = []
    default = default_vocabulary()
    covered: set[str] = set()
    for kind, entries in t.vocabulary.entries.items():
        for entry in entries.values():
            if not entry.custom:
                continue
            row: dict[str, Any] = {"type": entry.name, "kind": kind}
            if kind == "relation":
                row.update(family=entry.family, directed=entry.directed)
            if entry.color:
                row["color"] = entry.color
            if entry.label_en and entry.label_en != entry.name:
                row["label"] = entry.label_en
            rows.append({k: v for k, v in row.items() if v is not None})
            if kind == "relation":
                covered.add(entry.name)
    if len(t.relations):
        pairs = t.relations[["type", "family"]].drop_duplicates().itertuples(index=False)
        for type_name, family in pairs:
            if type_name in covered:
                continue
            known = default.get("relation", type_name)
            if (known.family if known is not None else "lien") != family:
                rows.append({"type": type_name, "kind": "relation", "family": family})
                covered.add(type_name)
    return rows


def _mark_empty_columns(g: _Graph, t: Territory) -> None:
    """GEXF has no place for a column that is empty everywhere: write it as empty text."""
    columns = t.graph.graph.get("columns", {})
    for items, kind_of in (
        (g.nodes, lambda item: item[1]["kind"]),
        (g.edges, lambda item: item[3]["kind"]),
    ):
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for item in items:
            by_kind.setdefault(kind_of(item), []).append(item[1] if len(item) == 2 else item[3])
        for kind, records in by_kind.items():
            for column in columns.get(kind, []):
                if all(r.get(column) is None for r in records):
                    for record in records:
                        record[column] = ""


# -- values ----------------------------------------------------------------------------------
def _native(value: Any) -> Any:
    """A plain Python value: None for every kind of missing, ISO text for dates."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, dt.datetime):
        stamp = pd.Timestamp(value)
        return (
            stamp.date().isoformat()
            if stamp == stamp.normalize() and stamp.tz is None
            else stamp.isoformat()
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, np.generic):
        return _native(value.item())
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list | tuple):
        return [_native(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _native(v) for k, v in value.items()}
    if not isinstance(value, str | int | float | bool) and pd.isna(value):
        return None
    return value


def _labelled(attrs: dict[str, Any], shown: str) -> dict[str, Any]:
    """GraphML has no label of its own: a ``label`` attribute (name, relation type) for Gephi
    and yEd to show; reading drops it again as it only repeats that column."""
    if attrs.get("kind") not in ("actor", "collective", "person", "relation"):
        return attrs
    return {"kind": attrs["kind"], "label": attrs.get(shown), **attrs}


def _present(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes with a value (JSON): empty lists and missing values left out."""
    return {
        k: v
        for k, v in attrs.items()
        if v is not None and v != [] and not (isinstance(v, float) and math.isinf(v))
    }


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes XML can hold: lists of text joined with ``;``, lists of records as JSON."""
    out: dict[str, Any] = {}
    for name, value in attrs.items():
        if isinstance(value, list):
            if not value:
                value = None
            elif all(isinstance(v, dict) for v in value):
                value = json.dumps(value, ensure_ascii=False, sort_keys=True)
            else:
                value = "; ".join(str(v) for v in value if v is not None)
        elif isinstance(value, dict):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        out[name] = value
    return out
