"""territoire_graphe: map and analyse the networks of actors cooperating on a territory.

>>> import territoire_graphe as tg
>>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
>>> t.actors.loc[t.actors.index[0], "name"] != ""
True
"""

from __future__ import annotations

from .data import sample_path
from .io import read
from .io.problems import InputError, Problem
from .io.template import write_template
from .model import Territory

__version__ = "0.1.0"

__all__ = [
    "InputError",
    "Problem",
    "Territory",
    "__version__",
    "read",
    "sample_path",
    "write_template",
]
