"""What the commands of the command line share: outputs by extension, reading with
``--name``/``--date`` and printing the warnings, the people option, usage errors.

Modules that add commands (``EXTRA_COMMANDS`` in :mod:`territoire_graphe.cli`) use these
too, so that every command behaves the same (FORMAT.md §3).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .messages import text

PROG = "territoire-graphe"
PEOPLE_CHOICES = ("show", "pseudonymise", "hide")  # render.people.PEOPLE_MODES (tested equal)
#: The extensions each command writes, first the default one (FORMAT.md §3).
OUTPUTS: dict[str, tuple[str, ...]] = {
    "map": (".html", ".htm"),
    "image": (".png", ".svg"),  # render.image.FORMATS (tested equal)
    "report": (".xlsx", ".docx"),
    "compare": (".xlsx",),
    "diff": (".xlsx", ".html", ".htm"),
}


class UsageError(ValueError):
    """A command-line value the command cannot use (exit status 2, nothing written)."""


def reading_options(sub: argparse.ArgumentParser, lang: str) -> None:
    """``--name`` and ``--date``: what to call the territory and when it was described."""
    sub.add_argument(
        "--name",
        default=None,
        metavar=text("cli.metavar.name", lang),
        help=text("cli.arg.name", lang),
    )
    sub.add_argument(
        "--date",
        default=None,
        metavar=text("cli.metavar.date", lang),
        help=text("cli.arg.date", lang),
    )


def people_option(sub: argparse.ArgumentParser, lang: str) -> None:
    """``--people show|pseudonymise|hide``, for the commands whose output shows people."""
    sub.add_argument(
        "--people", choices=PEOPLE_CHOICES, default="show", help=text("cli.arg.people", lang)
    )


def output_kind(path: str, command: str, lang: str) -> str:
    """The extension of ``path`` if ``command`` writes it, else a :class:`UsageError`."""
    suffix = Path(path).suffix.lower()
    allowed = OUTPUTS[command]
    if suffix not in allowed:
        raise UsageError(
            text(
                "cli.error.extension",
                lang,
                path=path,
                command=command,
                suffix=suffix or text("cli.no_extension", lang),
                choices=", ".join(allowed),
            )
        )
    return suffix


def read_territory(path: str, args: argparse.Namespace, lang: str, *, date: Any = None) -> Any:
    """Read a workbook with ``--name`` and ``--date``, and print its reading warnings."""
    import territoire_graphe as tg

    territory = tg.read(
        path,
        name=getattr(args, "name", None),
        date=date if date is not None else getattr(args, "date", None),
        lang=lang,
    )
    print_warnings(territory.warnings, path, lang)
    return territory


def print_warnings(warnings: Sequence[Any], path: str, lang: str) -> None:
    """The reading warnings of a workbook, on the error stream (nothing when there are none)."""
    if not warnings:
        return
    from .cli_output import print_problems

    print_problems(
        list(warnings),
        lang,
        sys.stderr,
        heading=text("cli.warnings.heading", lang, file=Path(path).name),
    )


def written(path: Path | str, lang: str) -> None:
    print(text("cli.written", lang, path=str(Path(path).resolve())))


def option_error(error: Exception, command: str, lang: str) -> int:
    """An option the function refused: its message, how to get help, exit status 2."""
    message = str(error)
    print(text("cli.error", lang, message=message[:1].lower() + message[1:]), file=sys.stderr)
    print(text("cli.error.more", lang, prog=f"{PROG} {command}"), file=sys.stderr)
    return 2


__all__ = [
    "OUTPUTS",
    "PEOPLE_CHOICES",
    "UsageError",
    "option_error",
    "output_kind",
    "people_option",
    "print_warnings",
    "read_territory",
    "reading_options",
    "written",
]
