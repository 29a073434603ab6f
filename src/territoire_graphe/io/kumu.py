"""Kumu's import layout (Elements / Connections sheets). Placeholder until the reader lands."""

from __future__ import annotations

from .sheets import RawWorkbook


def looks_like_kumu(raw: RawWorkbook) -> bool:
    return False


def to_standard(raw: RawWorkbook) -> RawWorkbook:
    return raw
