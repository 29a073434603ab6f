"""The table :func:`~territoire_graphe.compare` returns: a DataFrame that holds its own record.

A :class:`Comparison` is a :class:`pandas.DataFrame` (one row per territory, FORMAT.md)
whose ``provenance``, ``warnings`` and ``skipped`` are typed attributes, kept through
pandas' own subclassing mechanism (``_metadata``) rather than the experimental
``DataFrame.attrs``; slicing or sorting the table keeps them.

>>> import pandas as pd
>>> from territoire_graphe.provenance import Provenance
>>> table = Comparison(pd.DataFrame({"density": [0.2, 0.5]}, index=["a", "b"]))
>>> table.provenance = Provenance({"version": "0.1.0"})
>>> sorted_table = table.sort_values("density", ascending=False)
>>> type(sorted_table).__name__, sorted_table.provenance["version"]
('Comparison', '0.1.0')
"""

from __future__ import annotations

from typing import Any, ClassVar

import pandas as pd

from .provenance import Provenance


class Comparison(pd.DataFrame):
    """One row per territory, the ``Diagnosis.indicators`` names as columns, and its record.

    Attributes
    ----------
    provenance : Provenance
        Version, the inputs (name, date, file of each territory) and the parameters
        (``seed``, ``permutations``, ``size_ratio``, ``size_independent``).
    warnings : tuple of str
        The notes :func:`~territoire_graphe.compare` also issued as warnings.
    skipped : tuple of str
        The territories left out (``errors="skip"``).

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> table = tg.compare([tg.sample_path("pays_de_bray_2023.xlsx")])
    >>> isinstance(table, pd.DataFrame), table.provenance["parameters"]["seed"]
    (True, 0)
    """

    _metadata: ClassVar[list[str]] = ["provenance", "warnings", "skipped"]  # kept by pandas
    provenance: Provenance = Provenance()
    warnings: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def _constructor(self) -> Any:
        return Comparison


__all__ = ["Comparison"]
