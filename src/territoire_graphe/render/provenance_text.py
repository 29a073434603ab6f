"""The provenance an output carries, as one line a reader understands (map, report, document).

The record itself (:func:`~territoire_graphe.provenance.output_provenance`) is written
whole, as JSON, next to this line: this is its summary in the reader's language.

>>> from territoire_graphe.provenance import Provenance
>>> p = Provenance({"version": "0.1.0", "inputs": [
...     {"name": "Bray", "date": "2024-03-15", "source": "bray.xlsx"}],
...     "analysis": {"communities": {"seed": 0}}})
>>> provenance_line(p, "fr")
'Produit avec territoire_graphe 0.1.0 à partir de « bray.xlsx » (15/03/2024) ; graine : 0.'
>>> provenance_line(p, "en")
'Made with territoire_graphe 0.1.0 from "bray.xlsx" (2024-03-15); seed: 0.'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..messages import locale_for, text


def provenance_line(record: Mapping[str, Any], lang: str) -> str:
    """The version, the inputs (file or name, and date) and the seed, in one sentence."""
    shown = locale_for(lang)
    inputs = []
    for item in record.get("inputs", []):
        name = shown.quote(str(item.get("source") or item.get("name") or ""))
        date = shown.date(item.get("date")) if item.get("date") else None
        inputs.append(text("provenance.input", lang, name=name, date=date) if date else name)
    seed = _seed(record)
    key = "provenance.line.seed" if seed is not None else "provenance.line"
    return text(
        key, lang, version=str(record.get("version", "")), inputs=shown.join(inputs), seed=str(seed)
    )


def _seed(record: Mapping[str, Any]) -> Any:
    analysis = record.get("analysis") or {}
    parameters = record.get("parameters") or {}
    communities = analysis.get("communities") if isinstance(analysis, Mapping) else None
    if isinstance(communities, Mapping) and communities.get("seed") is not None:
        return communities["seed"]
    return parameters.get("seed") if isinstance(parameters, Mapping) else None


__all__ = ["provenance_line"]
