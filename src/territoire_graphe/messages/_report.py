"""Catalogue entries for report (French and English; keep both dictionaries in step)."""

FR: dict[str, str] = {}

EN: dict[str, str] = {}
