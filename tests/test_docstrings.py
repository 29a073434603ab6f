"""Every public function says what it takes, returns and raises, and shows it running.

numpydoc sections (networkx's ``betweenness.py`` is the model), read with the parser of
the API reference (.ci/api_reference.py): Parameters (when there are any), Returns, Raises
(when there are parameters to get wrong), Examples that run (pytest collects the doctests
of ``src/``), and for the functions that compute metrics, Notes with the project's
"Graph / Normalised / Reference" lines. Every public class shows an example too.
"""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

import pytest

import territoire_graphe as tg

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "api_reference.py"
_spec = importlib.util.spec_from_file_location("api_reference", SCRIPT)
api = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(api)

#: Classes whose public methods are held to the same rule as the public functions.
WITH_METHODS = ("Territory", "Diagnosis", "Comparison", "Evolution", "Survey")
#: The public functions that compute metrics: their Notes say graph, normalisation, reference.
METRICS = ("diagnose", "diff", "compare", "key_players", "mixing")


def public_callables() -> dict[str, object]:
    found: dict[str, object] = {}
    for name in tg.__all__:
        obj = getattr(tg, name)
        if inspect.isclass(obj):
            found[name] = obj
            if name in WITH_METHODS:
                for method, value in vars(obj).items():
                    if not method.startswith("_") and (
                        inspect.isfunction(value) or isinstance(value, classmethod | staticmethod)
                    ):
                        found[f"{name}.{method}"] = getattr(obj, method)
        elif callable(obj):
            found[name] = obj
    return found


def _parameters(obj: object) -> list[str]:
    signature = inspect.signature(obj)  # type: ignore[arg-type]
    return [n for n in signature.parameters if n not in ("self", "cls")]


def missing_sections(name: str, obj: object) -> list[str]:
    """The numpydoc sections ``obj`` should have and lacks (empty: complete)."""
    _, sections, warnings = api.split_sections(inspect.getdoc(obj) or "")
    if inspect.isclass(obj):
        needed = ["Examples"]
    else:
        takes = bool(_parameters(obj))
        needed = [*(["Parameters"] if takes else []), "Returns"]
        needed += [*(["Raises"] if takes else []), "Examples"]
    lacking = [s for s in needed if s not in sections]
    if "Examples" in sections and not any(
        line.lstrip().startswith(">>>") for line in sections["Examples"]
    ):
        lacking.append("Examples (no doctest)")
    if name in METRICS:
        notes = " ".join(sections.get("Notes", []))
        lacking += [
            f"Notes ({word})"
            for word in ("Graph:", "Normalised:", "Reference")
            if word not in notes
        ]
    return lacking + warnings + api.check_parameters(obj, sections)


def test_every_public_function_method_and_class_has_its_numpydoc_sections():
    found = {name: missing_sections(name, obj) for name, obj in public_callables().items()}
    assert {name: lacking for name, lacking in found.items() if lacking} == {}
    assert len(found) >= 43  # the public names of FORMAT.md, the classes and their methods


def _bare(a, *, b=1):
    """Do something."""


def _complete(a, *, b=1):
    """Do something.

    Parameters
    ----------
    a : int
        A.
    b : int
        B.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        Never.

    Examples
    --------
    >>> _complete(1)
    """


def _no_doctest(a, *, b=1):
    """Do something.

    Parameters
    ----------
    a, b : int
        A and B.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        Never.

    Examples
    --------
    Call it.
    """


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        (_bare, ["Parameters", "Returns", "Raises", "Examples"]),
        (_complete, []),
        (_no_doctest, ["Examples (no doctest)"]),
    ],
)
def test_the_checker_names_each_missing_section(obj, expected):
    assert missing_sections("helper", obj) == expected


def test_a_metric_without_its_graph_normalised_reference_lines_is_flagged():
    assert missing_sections("mixing", _complete) == [
        "Notes (Graph:)",
        "Notes (Normalised:)",
        "Notes (Reference)",
    ]


def test_a_parameter_missing_from_the_docstring_is_flagged():
    def wrong(a, *, b=1, c=2):
        pass

    wrong.__doc__ = _complete.__doc__
    assert missing_sections("helper", wrong) == ["parameters not documented: c"]


def test_pytest_collects_the_doctests_of_the_package():
    import tomllib

    config = tomllib.loads((SCRIPT.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    options = config["tool"]["pytest"]["ini_options"]
    assert "src" in options["testpaths"] and "--doctest-modules" in options["addopts"]
