"""Colours, sizes and line styles of the map, and the legend that explains them.

Colours by actor type come from the vocabulary (colour-blind-safe hues grouped by
kind of actor). Any other column gets a categorical palette (Okabe & Ito 2008, then
Tol 2021 "muted"): the 12 most frequent values have their own colour, the rest are
"Autres"; a numeric column with many values is cut in 5 quantile classes coloured
with Tol's sequential YlOrBr scheme.

Sizes follow the square root of the metric, so the disc's *area* is proportional to
it: ``size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * sqrt((v - min) / (max - min))``,
radius in canvas pixels.

>>> sizes([0.0, 0.25, 1.0])
[8.0, 24.0, 40.0]
>>> categorical_colors(["a", "b", "a", None])[0]
['#E69F00', '#56B4E9', '#E69F00', '#DDDDDD']
>>> hex_color("#abc"), hex_color("navy"), hex_color("url(x)")
('#AABBCC', '#000080', '#BBBBBB')
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..messages import format_number, text

MIN_SIZE = 8.0
MAX_SIZE = 40.0
UNIFORM_SIZE = 14.0
MISSING_COLOR = "#DDDDDD"
OTHER_COLOR = "#BBBBBB"
MAX_CATEGORIES = 12
# Okabe & Ito (2008) without black, then Tol (2021) "muted".
CATEGORICAL = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
)
SEQUENTIAL = ("#FEE391", "#FEC44F", "#FB9A29", "#CC4C02", "#662506")  # Tol YlOrBr, 5 classes
# Relation families: ties plain grey, flows arrows, dependencies dashed, tensions red (Tol).
LINE_STYLES: dict[str, dict[str, Any]] = {
    "lien": {"color": "#8C8C8C", "dashes": False, "arrows": False},
    "flux": {"color": "#3B6E8F", "dashes": False, "arrows": True},
    "interdependance": {"color": "#7D5BA6", "dashes": True, "arrows": True},
    "tension": {"color": "#CC3311", "dashes": False, "arrows": False},
    "suggestion": {"color": "#228833", "dashes": True, "arrows": False},
}

# The evolution map: ties made green (drawn thicker), ties lost dark red dashed, actors who
# left hollow grey (Tol's green; a red darker than tensions').
EVOLUTION_COLORS = {"added": "#228833", "removed": "#B2182B", "gone": "#9E9E9E"}

# The colour names a workbook's "types" sheet may use (io/links.py), as the page needs them.
_NAMED = {
    "black": "#000000",
    "white": "#FFFFFF",
    "red": "#FF0000",
    "green": "#008000",
    "blue": "#0000FF",
    "yellow": "#FFFF00",
    "orange": "#FFA500",
    "purple": "#800080",
    "pink": "#FFC0CB",
    "brown": "#A52A2A",
    "grey": "#808080",
    "gray": "#808080",
    "cyan": "#00FFFF",
    "magenta": "#FF00FF",
    "navy": "#000080",
    "teal": "#008080",
    "olive": "#808000",
    "maroon": "#800000",
    "lime": "#00FF00",
    "silver": "#C0C0C0",
    "gold": "#FFD700",
    "violet": "#EE82EE",
    "indigo": "#4B0082",
    "turquoise": "#40E0D0",
    "beige": "#F5F5DC",
    "coral": "#FF7F50",
    "salmon": "#FA8072",
    "khaki": "#F0E68C",
    "crimson": "#DC143C",
    "darkgreen": "#006400",
    "darkblue": "#00008B",
    "lightblue": "#ADD8E6",
    "lightgreen": "#90EE90",
    "darkred": "#8B0000",
}


def hex_color(value: Any, default: str = OTHER_COLOR) -> str:
    """``#RRGGBB`` for a hex code or a CSS colour name; ``default`` for anything else."""
    written = str(value or "").strip()
    if re.fullmatch(r"#[0-9a-fA-F]{6}", written):
        return written.upper()
    if re.fullmatch(r"#[0-9a-fA-F]{3}", written):
        return "#" + "".join(c * 2 for c in written[1:]).upper()
    return _NAMED.get(written.lower().replace(" ", ""), default)


def sizes(values: Sequence[float | None]) -> list[float]:
    """Node radii from metric values (square-root scale, missing values smallest)."""
    clean = [v for v in values if v is not None and not _nan(v)]
    if not clean:
        return [UNIFORM_SIZE] * len(values)
    low, high = min(clean), max(clean)
    if high <= low:
        return [UNIFORM_SIZE] * len(values)
    return [
        MIN_SIZE
        if v is None or _nan(v)
        else round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt((v - low) / (high - low)), 1)
        for v in values
    ]


def size_legend(values: Sequence[float | None], lang: str) -> list[dict[str, Any]]:
    """Three reference discs: the smallest value, the one drawn half as wide as the largest, the largest."""
    clean = sorted(v for v in values if v is not None and not _nan(v))
    if not clean or clean[0] == clean[-1]:
        return []
    low, high = clean[0], clean[-1]
    picks = [
        low,
        low + (high - low) / 4,
        high,
    ]  # sqrt scale: a quarter of the range, half the radius
    radii = sizes(picks)
    seen, items = set(), []
    for value, radius in zip(picks, radii, strict=True):
        label = format_number(_significant(value), lang)
        if label not in seen:
            seen.add(label)
            items.append({"label": label, "size": radius})
    return items


def _significant(value: float, digits: int = 2) -> float:
    """Round to ``digits`` significant digits (0.003981 -> 0.004, 1234.5 -> 1200)."""
    if value == 0 or _nan(value):
        return 0.0
    places = digits - 1 - math.floor(math.log10(abs(value)))
    rounded = round(value, places)
    return float(int(rounded)) if places <= 0 else rounded


def categorical_colors(
    values: Sequence[Any], *, lang: str = "fr", labels: dict[Any, str] | None = None
) -> tuple[list[str], list[dict]]:
    """A colour per value and the legend items (most frequent values first)."""
    keys = [_key(v) for v in values]
    counts = Counter(k for k in keys if k is not None)
    ranked = sorted(counts, key=lambda k: (-counts[k], str(k)))
    shown = ranked[:MAX_CATEGORIES] if len(ranked) > MAX_CATEGORIES else ranked
    palette = {k: CATEGORICAL[i % len(CATEGORICAL)] for i, k in enumerate(shown)}
    colors = [MISSING_COLOR if k is None else palette.get(k, OTHER_COLOR) for k in keys]
    items = [
        {"label": _label(k, lang, labels), "color": palette[k], "count": counts[k]} for k in shown
    ]
    others = sum(counts[k] for k in ranked[len(shown) :])
    if others:
        items.append(
            {"label": text("map.color.other", lang), "color": OTHER_COLOR, "count": others}
        )
    missing = sum(1 for k in keys if k is None)
    if missing:
        items.append(
            {"label": text("map.color.missing", lang), "color": MISSING_COLOR, "count": missing}
        )
    return colors, items


def sequential_colors(values: Sequence[Any], *, lang: str = "fr") -> tuple[list[str], list[dict]]:
    """Five quantile classes of a numeric column."""
    series = pd.to_numeric(pd.Series(list(values), dtype=object), errors="coerce").astype(float)
    clean = series.dropna()
    edges = sorted(set(clean.quantile([0, 0.2, 0.4, 0.6, 0.8, 1.0]).tolist()))
    if len(edges) < 2:
        return categorical_colors(values, lang=lang)
    bins = pd.cut(series, bins=edges, include_lowest=True, labels=False, duplicates="drop")
    colors, items = [], []
    n_bins = len(edges) - 1
    palette = [
        SEQUENTIAL[round(i * (len(SEQUENTIAL) - 1) / max(n_bins - 1, 1))] for i in range(n_bins)
    ]
    for b in bins:
        colors.append(MISSING_COLOR if pd.isna(b) else palette[int(b)])
    for i in range(n_bins):
        low, high = (
            format_number(edges[i], lang, decimals=3),
            format_number(edges[i + 1], lang, decimals=3),
        )
        items.append(
            {"label": f"{low} – {high}", "color": palette[i], "count": int((bins == i).sum())}
        )
    if series.isna().any():
        items.append(
            {
                "label": text("map.color.missing", lang),
                "color": MISSING_COLOR,
                "count": int(series.isna().sum()),
            }
        )
    return colors, items


def is_continuous(values: pd.Series) -> bool:
    """Numeric with decimals and many distinct values: shown as classes, not categories."""
    if values.dtype == bool or not pd.api.types.is_numeric_dtype(values):
        return False
    clean = values.dropna()
    return (
        pd.api.types.is_float_dtype(values)
        and clean.nunique() > MAX_CATEGORIES
        and not (clean == clean.round()).all()
    )


def _key(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, list | tuple | set):
        return _key(next(iter(value), None))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "item"):  # numpy scalars
        return _key(value.item())
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _label(value: Any, lang: str, labels: dict[Any, str] | None) -> str:
    if labels and value in labels:
        return labels[value]
    if isinstance(value, bool):
        return text("map.bool.true" if value else "map.bool.false", lang)
    if isinstance(value, int | float):
        return format_number(value, lang)
    return str(value)


def _nan(value: Any) -> bool:
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True
