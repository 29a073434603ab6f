"""Colours, sizes and filters of the map's actors, with the legend texts that explain them.

Helpers of :func:`~territoire_graphe.render.map_data.build_map_data`: they read a
column of ``Diagnosis.actors`` (or of ``Territory.actors``) and turn it into colours,
radii, legend items and filter lists (see :mod:`~territoire_graphe.render.style` for
the palettes and the size scale).

>>> metric_label("betweenness", "fr"), metric_label("sector", "fr")
('intermédiarité (rôle de passerelle)', 'sector')
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..diagnosis import Diagnosis
from ..messages import catalogue, has_text, text
from ..model import Territory
from ..text_keys import key
from .style import categorical_colors, hex_color, is_continuous, sequential_colors


def actor_colors(
    t: Territory, d: Diagnosis, metrics: pd.DataFrame, color_by: str | None, code: str
) -> tuple[list[str], list[dict], str]:
    actors = t.actors
    if color_by in (None, "type"):
        present = actors["type"].fillna("").astype(str)
        counts = present.value_counts()
        order = [n for n in t.vocabulary.names("actor") if n in counts.index]
        order += sorted(n for n in counts.index if n not in order)
        palette = {n: _type_color(t, n) for n in order}
        items = [
            {"label": type_label(t, n, code), "color": palette[n], "count": int(counts[n])}
            for n in order
        ]
        return [palette[v] for v in present], items, text("map.color.type", code)
    values = _lookup_column(t, metrics, color_by, code)
    title = (
        text(f"map.color.{color_by}", code)
        if _has(f"map.color.{color_by}")
        else metric_label(color_by, code)
    )
    labels = community_names(d, code, metrics) if color_by == "community" else None
    if is_continuous(values):
        colors, items = sequential_colors(list(values), lang=code)
    else:
        colors, items = categorical_colors(list(values), lang=code, labels=labels)
    return colors, items, title


def metric_values(
    t: Territory, metrics: pd.DataFrame, size_by: str | None, code: str
) -> tuple[list[float | None] | None, str | None]:
    if size_by is None:
        return None, None
    values = _lookup_column(t, metrics, size_by, code)
    if values.dtype == bool:
        values = values.astype(float)
    if not pd.api.types.is_numeric_dtype(values):
        raise ValueError(text("map.error.size_numeric", code, value=size_by))
    numbers = [None if pd.isna(v) else float(v) for v in values]
    return numbers, metric_label(size_by, code)


def _lookup_column(t: Territory, metrics: pd.DataFrame, column: str, code: str) -> pd.Series:
    if column in metrics.columns:
        return metrics[column]
    if column in t.actors.columns:
        return t.actors[column]
    choices = ", ".join(sorted(set(metrics.columns) | set(t.actors.columns)))
    raise ValueError(text("map.error.column", code, value=column, choices=choices))


def type_filter(t: Territory, code: str) -> tuple[list[dict], list[int]]:
    present = t.actors["type"].fillna("").astype(str)
    counts = present.value_counts()
    order = [n for n in t.vocabulary.names("actor") if n in counts.index]
    order += sorted(n for n in counts.index if n not in order)
    index = {n: i for i, n in enumerate(order)}
    items = [
        {"label": type_label(t, n, code), "color": _type_color(t, n), "count": int(counts[n])}
        for n in order
    ]
    return items, [index[v] for v in present]


def commune_filter(actors: pd.DataFrame, code: str) -> tuple[list[dict], list[int]]:
    column = (
        actors["municipality"]
        if "municipality" in actors.columns
        else pd.Series([None] * len(actors), index=actors.index)
    )
    shown = [str(v).strip() if present(v) else "" for v in column]
    names = sorted({s for s in shown if s}, key=lambda s: (key(s), s))
    if "" in shown:
        names.append("")
    index = {n: i for i, n in enumerate(names)}
    counts = pd.Series(shown).value_counts()
    items = [
        {"label": n or text("map.filters.no_commune", code), "count": int(counts[n])} for n in names
    ]
    return items, [index[s] for s in shown]


def community_names(
    d: Diagnosis | None, code: str, metrics: pd.DataFrame | None = None
) -> dict[Any, str]:
    frame = getattr(d, "communities", None)
    labels: dict[Any, str] = {}
    if isinstance(frame, pd.DataFrame) and len(frame) and "community" in frame.columns:
        for _, row in frame.iterrows():
            community = scalar(row["community"])
            label = row.get("label")
            labels[community] = (
                str(label)
                if present(label)
                else text("map.community_label", code, n=_display_number(community))
            )
    if metrics is not None and "community" in metrics.columns:
        for value in metrics["community"].dropna().unique():
            labels.setdefault(
                scalar(value), text("map.community_label", code, n=_display_number(scalar(value)))
            )
    return labels


def type_color(t: Territory, name: str) -> str:
    """The ``#RRGGBB`` colour of an actor type (from the vocabulary or the types sheet)."""
    return hex_color(t.vocabulary.color(name))


_type_color = type_color


def type_label(t: Territory, name: str, code: str) -> str:
    entry = t.vocabulary.actor(name)
    return entry.label(code) if entry is not None else (name or text("map.color.missing", code))


def metric_label(column: str, code: str) -> str:
    return text(f"map.metric.{column}", code) if _has(f"map.metric.{column}") else column


def catalogue_of(code: str) -> Mapping[str, str]:
    """The catalogue of ``code``, for filling many texts fast."""
    return catalogue(code)


def _has(name: str) -> bool:
    return has_text(name)


def scalar(value: Any) -> Any:
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _display_number(value: Any) -> Any:
    return value + 1 if isinstance(value, int) else value


def present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return bool(str(value).strip())
