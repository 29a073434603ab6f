"""The API reference generator (.ci/api_reference.py) flags what it promises to flag."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "api_reference.py"
spec = importlib.util.spec_from_file_location("api_reference", SCRIPT)
api = importlib.util.module_from_spec(spec)
spec.loader.exec_module(api)


def documented(a, b=1, *, c=None, **options):
    """Add.

    Parameters
    ----------
    a : int
        First.
    b, c : int
        The others.

    Returns
    -------
    int
    """


def test_parameters_that_match_the_signature_give_no_warning():
    summary, sections, warnings = api.split_sections(documented.__doc__)
    assert summary == "Add." and list(sections) == ["Parameters", "Returns"] and warnings == []
    assert api.check_parameters(documented, sections) == []


def test_a_missing_or_unknown_parameter_and_a_bad_underline_are_warnings():
    doc = "Add.\n\nParameters\n---\na : int\nd : str\n"
    _, sections, warnings = api.split_sections(doc)
    assert warnings == ["section 'Parameters': underline of the wrong length"]
    problems = api.check_parameters(documented, sections)
    assert problems == [
        "parameters not documented: b, c",
        "documented parameters the function does not have: d",
    ]


def test_examples_become_a_code_block():
    lines = api._markdown("Examples", ["Some text:", "", ">>> 1 + 1", "2", "", "After."])
    assert lines[:2] == ["**Examples**", ""]
    assert "```pycon" in lines and ">>> 1 + 1" in lines and "2" in lines
    assert lines.index("```pycon") < lines.index(">>> 1 + 1") < lines.index("After.")


def test_the_page_of_the_package_has_every_public_name_and_no_warning():
    import territoire_graphe as tg

    text, warnings = api.page()
    assert warnings == []
    assert all(f"## `tg.{name}" in text for name in tg.__all__ if not name.startswith("_"))
