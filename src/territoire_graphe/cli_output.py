"""What the command line prints: problems grouped by sheet, counts, the demo summary.

Kept apart from :mod:`territoire_graphe.cli` (argument parsing and dispatch); every
text comes from the catalogue.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

from .messages import locale_for, text

# C0 and C1 control characters, DEL, and the bidirectional overrides that reorder a line.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(value: object) -> str:
    r"""Text from a file, shown as text on a terminal: control characters and escapes neutralised.

    An escape sequence in a cell could otherwise erase the lines above it or
    recolour the screen; a line break could forge a line of the report. Each such
    character is shown as its code.

    >>> terminal_safe("A\x1b[2K\rvalide\nfin")
    'A\\x1b[2K\\rvalide\\nfin'
    >>> terminal_safe("Café « ok »")
    'Café « ok »'
    """
    return _CONTROL.sub(_shown, str(value))


def _shown(found: re.Match[str]) -> str:
    char = found.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def print_refused_outputs(args: Any, lang: str, stream: TextIO) -> bool:
    """Say so and return True when a command would write over one of its inputs (exit 2)."""
    from .io.outputs import command_paths, refused_outputs

    inputs, outputs = command_paths(args)
    refused = refused_outputs(inputs, outputs)
    for output, read in refused:
        print(
            text(
                "cli.error",
                lang,
                message=text(
                    "output.is_input", lang, output=terminal_safe(output), input=terminal_safe(read)
                ),
            ),
            file=stream,
        )
        print(f"  {text('output.is_input.hint', lang)}", file=stream)
    return bool(refused)


_SUMMARY_NOUNS = (
    "actors",
    "relations",
    "collectives",
    "memberships",
    "resources",
    "needs",
    "people",
)
_FAMILY_NOUNS = ("ties", "flows", "dependencies")


def _count(n: int, noun: str, lang: str) -> str:
    """``3 erreurs``, ``1 error``: French uses the singular for 0 and 1."""
    return text(f"cli.count.{noun}.{locale_for(lang).plural(n)}", lang, n=n)


def contents(territory: Any, lang: str, *, every: bool = False) -> str:
    """``12 acteurs, 30 relations (20 liens; 10 flux), 2 collectifs...`` (empty sheets left out)."""
    counts = territory.summary()
    parts = []
    for noun in _SUMMARY_NOUNS:
        n = int(counts[noun])
        if n == 0 and not every and noun not in ("actors", "relations"):
            continue
        part = _count(n, noun, lang)
        if noun == "relations" and n:
            families = [_count(int(counts[f]), f, lang) for f in _FAMILY_NOUNS if counts[f]]
            part += f" ({locale_for(lang).semicolon.join(families)})"
        parts.append(part)
    return ", ".join(parts)


def print_problems(problems: list[Any], lang: str, stream: TextIO, *, heading: str | None) -> None:
    """Problems grouped by sheet, errors first, then warnings, then the summary line."""
    if heading:
        print(terminal_safe(heading), file=stream)
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    for title, group in (("cli.check.errors", errors), ("cli.check.warnings", warnings)):
        if not group:
            continue
        print(f"\n{text(title, lang)}", file=stream)
        sheets: dict[str | None, list[Any]] = {}
        for problem in group:
            sheets.setdefault(problem.sheet, []).append(problem)
        for sheet, found in sheets.items():
            label = (
                text("cli.check.sheet", lang, sheet=terminal_safe(sheet))
                if sheet
                else text("cli.check.no_sheet", lang)
            )
            if hasattr(sheet, "heading"):  # a part of another tool's file (io/parts.py)
                label = sheet.heading(lang) or text("cli.check.no_sheet", lang)  # type: ignore[union-attr]
            print(f"\n{label}", file=stream)
            for problem in sorted(found, key=lambda p: -1 if p.row is None else p.row):
                print(f"  {_describe(problem, lang, with_file=heading is None)}", file=stream)
                if problem.hint:
                    hint = terminal_safe(problem.hint)
                    print(f"    {text('cli.check.fix', lang, hint=hint)}", file=stream)
    print(
        "\n"
        + text(
            "cli.check.summary",
            lang,
            errors=_count(len(errors), "errors", lang),
            warnings=_count(len(warnings), "warnings", lang),
        ),
        file=stream,
    )


def _describe(problem: Any, lang: str, *, with_file: bool) -> str:
    where = []
    if hasattr(problem.sheet, "describe"):  # a part of another tool's file (io/parts.py)
        where = problem.sheet.describe(lang, problem.row, problem.column, with_part=False)
    else:
        if problem.row is not None:
            where.append(text("problem.where.row", lang, row=str(problem.row)))
        if problem.column:
            where.append(text("problem.where.column", lang, column=terminal_safe(problem.column)))
    if with_file and problem.file and not problem.sheet:
        where.append(terminal_safe(problem.file))
    message = terminal_safe(problem.message)
    if not where:
        return message[:1].upper() + message[1:]
    return ", ".join(where) + text("problem.sep", lang) + message


def summary(territory: Any, diagnosis: Any, lang: str, source: str) -> str:
    from .render.titles import display_name

    lines = [text("cli.demo.title", lang, name=display_name(territory.name))]
    if territory.date is not None:
        date = locale_for(lang).long_date(territory.date)
        lines.append(text("cli.demo.date", lang, date=date))
    lines.append(text("cli.demo.source", lang, source=source))
    lines += ["", text("cli.demo.contents", lang)]
    lines += [f"  - {part}" for part in contents(territory, lang, every=True).split(", ")]
    lines += ["", f"{text('cli.demo.warnings', lang)} ({len(territory.warnings)})"]
    lines += [f"  - {terminal_safe(problem)}" for problem in territory.warnings] or [
        f"  {text('cli.demo.no_warning', lang)}"
    ]
    lines += ["", text("cli.demo.findings", lang)]
    findings = getattr(diagnosis, "findings", None)
    if findings is not None and "text" in getattr(findings, "columns", ()):
        lines += [f"  - {finding}" for finding in findings["text"]]
    else:
        lines.append(f"  {text('cli.demo.no_diagnosis', lang)}")
    return "\n".join(lines) + "\n"
