"""Catalogue entries for cli (French and English; keep both dictionaries in step)."""

FR: dict[str, str] = {}

EN: dict[str, str] = {}
