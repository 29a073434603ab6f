"""territoire_graphe: map and analyse the networks of actors cooperating on a territory.

>>> import territoire_graphe as tg
>>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
>>> d = tg.diagnose(t)
>>> len(d.findings) > 0
True
"""

from __future__ import annotations

from ._version import __version__
from .comparison import compare
from .data import sample_path
from .diagnosis import Diagnosis, diagnose
from .evolution import Evolution, diff
from .io import read
from .io.export import to_csv, to_gexf, to_graphml, to_json
from .io.gephi import read_gephi
from .io.problems import InputError, Problem
from .io.template import write_template
from .model import Territory
from .provenance import Provenance
from .queries import key_players, mixing
from .render.comparison_excel import to_excel_comparison, to_excel_diff
from .render.excel import to_excel
from .render.html import read_positions, to_html
from .render.image import to_image
from .render.notebook import show

__all__ = [
    "Diagnosis",
    "Evolution",
    "InputError",
    "Problem",
    "Provenance",
    "Territory",
    "__version__",
    "compare",
    "diagnose",
    "diff",
    "key_players",
    "mixing",
    "read",
    "read_gephi",
    "read_positions",
    "sample_path",
    "show",
    "to_csv",
    "to_excel",
    "to_excel_comparison",
    "to_excel_diff",
    "to_gexf",
    "to_graphml",
    "to_html",
    "to_image",
    "to_json",
    "write_template",
]
