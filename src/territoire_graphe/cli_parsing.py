"""The argument parser's machinery: texts from the catalogue, argparse's errors translated.

Kept apart from :mod:`territoire_graphe.cli` (the commands); nothing here imports more
than the catalogue, so that ``territoire-graphe --help`` starts at once.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from typing import Any, NoReturn

from .messages import LANGS, resolve_lang, text


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, *, usage_prefix: str = "usage: ") -> None:
        super().__init__(prog, max_help_position=30)
        self._usage_prefix = usage_prefix

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, self._usage_prefix if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser whose own texts come from the catalogue."""

    def __init__(self, *args: Any, lang: str = "fr", **kwargs: Any) -> None:
        self.lang = lang
        kwargs["formatter_class"] = functools.partial(
            _Formatter, usage_prefix=text("cli.usage", lang)
        )
        super().__init__(*args, add_help=False, **kwargs)  # type: ignore[misc]
        self._positionals.title = text("cli.group.positionals", lang)
        self._optionals.title = text("cli.group.options", lang)
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=text("cli.opt.help", lang),
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(text("cli.error", self.lang, message=_translate(message, self.lang)), file=sys.stderr)
        print(text("cli.error.more", self.lang, prog=self.prog), file=sys.stderr)
        self.exit(2)


def early_lang(arguments: list[str]) -> str:
    """The language asked for on the command line (before parsing it), else the default."""
    for argument, following in zip(arguments, [*arguments[1:], ""], strict=False):
        value = following if argument == "--lang" else argument.partition("--lang=")[2]
        if value.lower() in LANGS:
            return value.lower()
    return resolve_lang(None)


_ARGUMENT = re.compile(r"argument (?P<name>.+?): (?P<message>.*)", re.S)


def _translate(message: str, lang: str) -> str:
    """argparse's own error messages, in the catalogue's words where they are known."""
    found = re.fullmatch(r"the following arguments are required: (.*)", message, re.S)
    if found:
        return text("cli.error.required", lang, names=found[1])
    found = re.fullmatch(r"unrecognized arguments: (.*)", message, re.S)
    if found:
        return text("cli.error.unrecognized", lang, names=found[1])
    found = _ARGUMENT.fullmatch(message)
    if not found:
        return message
    name, inner = found["name"], found["message"]
    choice = re.fullmatch(r"invalid choice: (.*) \(choose from (.*)\)", inner, re.S)
    if choice:
        return text(
            "cli.error.choice",
            lang,
            value=choice[1].strip("'\""),
            choices=choice[2].replace("'", ""),
        )
    if inner == "expected one argument":
        return text("cli.error.expected_one", lang, option=name)
    return text("cli.error.argument", lang, name=name, message=inner)


__all__ = ["Parser", "early_lang"]
