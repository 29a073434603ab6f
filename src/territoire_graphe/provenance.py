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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
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


__all__ = ["Provenance"]
