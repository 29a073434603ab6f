"""Helpers for the reading tests: small workbooks built in code, and their problems."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import territoire_graphe as tg

Sheets = Mapping[str, Sequence[Sequence[Any]]]

ACTORS = [
    ["nom", "type"],
    ["Mairie de Songeons", "commune"],
    ["Les Jardins du Bray", "association"],
    ["Bray Bois Énergie", "entreprise de l'ESS"],
]


def write_workbook(path: Path, sheets: Sheets) -> Path:
    """Write ``sheets`` (name -> rows, the first usually the header) to an .xlsx file."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture
def make_workbook(tmp_path: Path) -> Callable[..., Path]:
    """``make_workbook({"acteurs": [[header...], [row...]], ...}, name="t.xlsx")`` -> its path."""

    def make(sheets: Sheets, name: str = "territoire.xlsx") -> Path:
        return write_workbook(tmp_path / name, sheets)

    return make


def _errors_of(path: Path, **options: Any) -> list[tg.Problem]:
    with pytest.raises(tg.InputError) as caught:
        tg.read(path, **options)
    return caught.value.problems


@pytest.fixture
def errors_of() -> Callable[..., list[tg.Problem]]:
    """``errors_of(path)``: the errors of a file that must not read (fails if it reads)."""
    return _errors_of


def where(problems: Sequence[tg.Problem]) -> list[tuple[str, str | None, int | None]]:
    """(code, sheet, row) of each problem, to compare with what a person sees."""
    return [(p.code, p.sheet, p.row) for p in problems]


@pytest.fixture
def located() -> Callable[[Sequence[tg.Problem]], list[tuple[str, str | None, int | None]]]:
    """``located(problems)``: the (code, sheet, row) of each problem."""
    return where


@pytest.fixture
def actors_rows() -> list[list[Any]]:
    """A small actors sheet: three actors, header on row 1."""
    return [list(r) for r in ACTORS]
