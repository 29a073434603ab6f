"""Problems found in the input: the records, their collection and the one error raised.

Every rule of the workbook format yields a :class:`Problem` with a stable ``code``.
Readers collect them in a :class:`ProblemLog` and, once everything has been read,
raise all errors together as one :class:`InputError`; warnings travel with the
territory in ``Territory.warnings``.

>>> log = ProblemLog("bray.xlsx", lang="en")
>>> log.error("value_missing", sheet="acteurs", row=4, column="nom")
>>> [p.code for p in log.errors]
['value_missing']
>>> print(log.errors[0])
bray.xlsx, sheet "acteurs", row 4, column "nom": the cell is empty but a value is required. Fill in the cell, or delete the row if it is not needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Literal

from ..messages import has_text, resolve_lang, text

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem in the input, located as a person finds it in the spreadsheet.

    ``row`` is numbered as the spreadsheet application numbers it (the header is
    usually row 1); ``sheet`` and ``column`` are as written in the workbook.

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> try:
    ...     tg.read("absent.xlsx", lang="en")
    ... except tg.InputError as error:
    ...     problem = error.problems[0]
    >>> problem.file, problem.code
    ('absent.xlsx', 'file_not_found')
    """

    file: str | None
    sheet: str | None
    row: int | None
    column: str | None
    code: str
    message: str
    hint: str
    severity: Severity = "error"
    lang: str = "fr"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def location(self) -> str:
        """Where the problem is, in words (file, sheet, row, column)."""
        parts = []
        if self.file:
            parts.append(self.file)
        describe = getattr(self.sheet, "describe", None)
        if describe is not None:  # a part of another tool's file (io/parts.py)
            return ", ".join([*parts, *describe(self.lang, self.row, self.column)])
        if self.sheet:
            parts.append(text("problem.where.sheet", self.lang, sheet=self.sheet))
        if self.row is not None:
            parts.append(text("problem.where.row", self.lang, row=str(self.row)))
        if self.column:
            parts.append(text("problem.where.column", self.lang, column=self.column))
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        sep = text("problem.sep", self.lang)
        body = f"{self.message} {self.hint}".strip()
        return f"{where}{sep}{body}" if where else body

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class InputError(ValueError):
    """The input cannot be read as a territory; ``.problems`` lists every reason.

    The message lists each problem with its file, sheet, row and column, what is
    wrong and how to fix it. Warnings found on the way are in ``.warnings``.

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> try:
    ...     tg.read("absent.xlsx", lang="en")
    ... except tg.InputError as error:
    ...     print([p.code for p in error.problems])
    ['file_not_found']
    """

    def __init__(
        self,
        problems: Iterable[Problem],
        warnings: Iterable[Problem] = (),
        *,
        lang: str | None = None,
    ):
        self.problems: list[Problem] = list(problems)
        self.warnings: list[Problem] = list(warnings)
        self.lang = resolve_lang(lang)
        super().__init__(self._compose())

    def _compose(self) -> str:
        files = sorted({p.file for p in self.problems if p.file})
        head = text(
            "problem.summary",
            self.lang,
            count=len(self.problems),
            file=", ".join(files) if files else "?",
        )
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


class ProblemLog:
    """Collects problems while a file is read, so that all are reported at once."""

    def __init__(self, file: str | None, *, lang: str | None = None):
        self.file = file
        self.lang = resolve_lang(lang)
        self.problems: list[Problem] = []

    def add(
        self,
        code: str,
        severity: Severity,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        **values: object,
    ) -> None:
        """Record a problem; its message and hint come from the catalogue (``problem.<code>``)."""
        place = getattr(sheet, "place", None)
        if place is not None:  # an item of a JSON list: its path and line (io/jsonplaces.py)
            sheet, row = place(row)
        message = text(f"problem.{code}", self.lang, **values)
        hint_key = f"problem.{code}.hint"
        if "suggestion" in values and has_text(f"{hint_key}.suggestion"):  # "vouliez-vous dire"
            hint_key += ".suggestion"
        hint = text(hint_key, self.lang, **values)
        self.problems.append(
            Problem(self.file, sheet, row, column, code, message, hint, severity, self.lang)
        )

    def error(self, code: str, **where: object) -> None:
        self.add(code, "error", **where)  # type: ignore[arg-type]

    def warning(self, code: str, **where: object) -> None:
        self.add(code, "warning", **where)  # type: ignore[arg-type]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def raise_if_errors(self) -> None:
        """Raise one :class:`InputError` holding every error collected so far."""
        if self.errors:
            raise InputError(self.errors, self.warnings, lang=self.lang)


def fatal(code: str, file: str | None, *, lang: str | None = None, **values: object) -> InputError:
    """An :class:`InputError` for a problem that stops reading at once (unreadable file...)."""
    log = ProblemLog(file, lang=lang)
    log.error(code, **values)
    return InputError(log.errors, lang=lang)
