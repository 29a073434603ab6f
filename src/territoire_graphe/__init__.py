"""territoire_graphe: map and analyse the networks of actors cooperating on a territory.

>>> import territoire_graphe as tg
>>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
>>> d = tg.diagnose(t)
>>> len(d.findings) > 0
True
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

from ._version import __version__

# The public names and the module each comes from, imported when first used: the command
# line starts without pandas, networkx or openpyxl (``territoire-graphe --help`` < 1 s).
# A plain ``from .module import name`` line below works too (imported at once).
_LAZY = {
    "Survey": ".collect",
    "read_survey": ".collect",
    "write_questionnaire": ".collect",
    "Merge": ".collect.merge",
    "merge": ".collect.merge",
    "compare": ".comparison",
    "Comparison": ".comparison_table",
    "sample_path": ".data",
    "Diagnosis": ".diagnosis",
    "diagnose": ".diagnosis",
    "Evolution": ".evolution",
    "diff": ".evolution",
    "read": ".io",
    "to_csv": ".io.export",
    "to_gexf": ".io.export",
    "to_graphml": ".io.export",
    "to_json": ".io.export",
    "to_geojson": ".io.export_graphology",
    "to_graphology": ".io.export_graphology",
    "to_kumu": ".io.export_kumu",
    "read_gephi": ".io.gephi",
    "Limits": ".io.limits",
    "InputError": ".io.problems",
    "Problem": ".io.problems",
    "write_template": ".io.template",
    "Territory": ".model",
    "Provenance": ".provenance",
    "key_players": ".queries",
    "mixing": ".queries",
    "to_docx": ".render.document",
    "to_excel": ".render.excel_report",
    "to_excel_comparison": ".render.comparison_excel",
    "to_excel_diff": ".render.comparison_excel",
    "read_positions": ".render.html",
    "to_html": ".render.html",
    "to_image": ".render.image",
    "show": ".render.notebook",
}

if TYPE_CHECKING:
    from .collect import Survey, read_survey, write_questionnaire
    from .collect.merge import Merge, merge
    from .comparison import compare
    from .comparison_table import Comparison
    from .data import sample_path
    from .diagnosis import Diagnosis, diagnose
    from .evolution import Evolution, diff
    from .io import read
    from .io.export import to_csv, to_gexf, to_graphml, to_json
    from .io.export_graphology import to_geojson, to_graphology
    from .io.export_kumu import to_kumu
    from .io.gephi import read_gephi
    from .io.limits import Limits
    from .io.problems import InputError, Problem
    from .io.template import write_template
    from .model import Territory
    from .provenance import Provenance
    from .queries import key_players, mixing
    from .render.comparison_excel import to_excel_comparison, to_excel_diff
    from .render.document import to_docx
    from .render.excel_report import to_excel
    from .render.html import read_positions, to_html
    from .render.image import to_image
    from .render.notebook import show


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:  # a subpackage (``tg.data``, ``tg.render``...), as before
        if name.startswith("_") or importlib.util.find_spec(f"{__name__}.{name}") is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        return importlib.import_module(f".{name}", __name__)
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Comparison",
    "Diagnosis",
    "Evolution",
    "InputError",
    "Limits",
    "Merge",
    "Problem",
    "Provenance",
    "Survey",
    "Territory",
    "__version__",
    "compare",
    "diagnose",
    "diff",
    "key_players",
    "merge",
    "mixing",
    "read",
    "read_gephi",
    "read_positions",
    "read_survey",
    "sample_path",
    "show",
    "to_csv",
    "to_docx",
    "to_excel",
    "to_excel_comparison",
    "to_excel_diff",
    "to_geojson",
    "to_gexf",
    "to_graphml",
    "to_graphology",
    "to_html",
    "to_image",
    "to_json",
    "to_kumu",
    "write_questionnaire",
    "write_template",
]
