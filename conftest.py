"""Doctests that show an optional extra are skipped when that extra is not installed.

CI runs the suite once with the core alone (no extra): the fallbacks run for real, and
the examples of what only an extra does are skipped rather than failed.
"""

from __future__ import annotations

import importlib.util

import pytest

#: module whose doctests need an extra -> the module that extra installs
NEEDS = {"territoire_graphe.render.image": "matplotlib"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if not isinstance(item, pytest.DoctestItem):
            continue
        for prefix, needed in NEEDS.items():
            if (item.name == prefix or item.name.startswith(prefix + ".")) \
                    and importlib.util.find_spec(needed) is None:
                item.add_marker(pytest.mark.skip(reason=f"{needed} is not installed"))
