"""Gephi node/edge CSV pairs. Placeholder until the reader lands."""

from __future__ import annotations

from pathlib import Path


def is_gephi_folder(path: Path) -> bool:
    return False
