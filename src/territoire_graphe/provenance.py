"""Provenance: what produced a result (package versions, algorithms, parameters, seeds,
sampling), so that two results can be compared and one reproduced (cdlib's ``Clustering``
carries its ``method_name`` and ``method_parameters`` the same way).

A :class:`Provenance` reads like the dictionary it wraps, cannot be changed, and goes to
JSON and back.

>>> p = Provenance({"package": "territoire_graphe 0.1.0",
...                 "betweenness": {"algorithm": "brandes", "sampled": False, "k": None}})
>>> p["betweenness"]["algorithm"], len(p)
('brandes', 2)
>>> p.to_json()
'{"betweenness": {"algorithm": "brandes", "k": null, "sampled": false}, "package": "territoire_graphe 0.1.0"}'
>>> Provenance.from_json(p.to_json()) == p
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any


@dataclass(frozen=True, eq=False)
class Provenance(Mapping[str, Any]):
    """The record of how a result was computed: a read-only mapping that serialises.

    Parameters
    ----------
    entries : Mapping, optional
        What produced the result, by part (``"betweenness"``, ``"communities"``...).

    Examples
    --------
    >>> p = Provenance({"seed": 0})
    >>> dict(p), p == {"seed": 0}
    ({'seed': 0}, True)
    >>> p["seed"] = 1
    Traceback (most recent call last):
    ...
    TypeError: 'Provenance' object does not support item assignment
    """

    entries: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", dict(self.entries))

    def __getitem__(self, key: str) -> Any:
        return self.entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Provenance({self.entries!r})"

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON types (numpy numbers, tuples and dates converted).

        Returns
        -------
        dict
            Nested dictionaries, lists, strings, numbers, booleans and None.
        """
        return _plain(self.entries)

    def to_json(self, **options: Any) -> str:
        """The record as JSON, keys sorted (the same provenance gives the same text).

        Parameters
        ----------
        **options
            Passed to :func:`json.dumps` (``indent`` for instance).

        Returns
        -------
        str
            The JSON text; ``NaN`` is written ``null``.
        """
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, **options)

    @classmethod
    def from_json(cls, text: str) -> Provenance:
        """The provenance a :meth:`to_json` wrote.

        Parameters
        ----------
        text : str
            JSON of an object.

        Returns
        -------
        Provenance

        Raises
        ------
        ValueError
            If ``text`` is not the JSON of an object.
        """
        value = json.loads(text)
        if not isinstance(value, dict):
            raise ValueError("a provenance is a JSON object")
        return cls(value)


#: What a diagnosis' provenance holds that no output writes: the timings differ from run to
#: run (an output is deterministic), the territory is written once, as an input.
_NOT_WRITTEN = ("timings_s", "territory", "package")
_INPUT_FIELDS = ("name", "date", "source")


def output_provenance(
    output: str,
    inputs: Sequence[Any],
    analysis: Mapping[str, Any] | None = None,
    **parameters: Any,
) -> Provenance:
    """The provenance every output writes: version, inputs, parameters and analysis.

    Parameters
    ----------
    output : str
        What is written (``"map"``, ``"gexf"``, ``"comparison"``...).
    inputs : sequence of Territory
        The territories the output was made from; each one's name, date (the data's
        date, ISO) and source file name (never its folder) are recorded.
    analysis : Mapping, optional
        The diagnosis' provenance (algorithms, parameters, seeds, sampling), its timings
        left out so that the same inputs give the same file.
    **parameters
        The writer's own options (``people``, ``lang``...).

    Returns
    -------
    Provenance
        ``package``, ``version``, ``output``, ``inputs``, ``parameters`` and, with a
        diagnosis, ``analysis``. No time of writing: outputs are deterministic.

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    >>> p = output_provenance("gexf", [t], people="hide")
    >>> p["inputs"][0]["source"], p["parameters"]
    ('colombelles_tzcld.xlsx', {'people': 'hide'})
    """
    from ._version import __version__

    record: dict[str, Any] = {
        "package": "territoire_graphe",
        "version": __version__,
        "output": output,
        "inputs": [_input(t) for t in inputs],
        "parameters": dict(parameters),
    }
    if analysis:
        record["analysis"] = {k: v for k, v in analysis.items() if k not in _NOT_WRITTEN}
    return Provenance(record)


def is_provenance_sheet(name: str, header: Sequence[Any], rows: Sequence[Sequence[Any]]) -> bool:
    """Whether a sheet is the provenance record an export wrote (not data to read back).

    Parameters
    ----------
    name : str
        The sheet's name.
    header, rows : sequence
        Its first row, and the rows below it.

    Returns
    -------
    bool
        True for a sheet ``provenance`` with one column ``provenance`` whose one cell is
        the JSON of a record of this package.

    Examples
    --------
    >>> is_provenance_sheet("provenance", ["provenance"], [['{"package": "territoire_graphe"}']])
    True
    >>> is_provenance_sheet("provenance", ["provenance"], [["written by hand"]])
    False
    """
    if name != "provenance" or list(header) != ["provenance"] or len(rows) != 1:
        return False
    cell = rows[0][0] if len(rows[0]) else None
    try:
        value = json.loads(cell) if isinstance(cell, str) else None
    except ValueError:
        return False
    return isinstance(value, dict) and value.get("package") == "territoire_graphe"


def _input(t: Any) -> dict[str, Any]:
    """A territory (or a mapping with its ``name``, ``date`` and ``source``) as an input."""
    fields = t if isinstance(t, Mapping) else {k: getattr(t, k, None) for k in _INPUT_FIELDS}
    date, source = fields.get("date"), fields.get("source")
    return {
        "name": fields.get("name") or "",
        "date": None if date is None else date.isoformat()[:10],
        "source": PurePath(str(source).replace("\\", "/")).name if source else None,
    }


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if hasattr(value, "isoformat"):  # dates and timestamps
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, int | float):
        return value
    return str(value)


__all__ = ["Provenance", "output_provenance"]
