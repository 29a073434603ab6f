"""The empty workbook users fill in. Placeholder until the template writer lands."""

from __future__ import annotations


def write_template(path, *, lang: str = "fr"):  # pragma: no cover - replaced soon
    raise NotImplementedError
