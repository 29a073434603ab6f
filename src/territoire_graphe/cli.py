"""The command line: ``territoire-graphe check|map|image|report|compare|diff|template|demo``.

It only parses arguments and calls the public functions (looked up when a command
runs, so a command whose function is not there yet says so instead of failing).
Exit status: 0 success, 1 invalid input (problems listed), 2 usage error. Every
text comes from the catalogue, in French unless ``--lang en`` or
``TERRITOIRE_GRAPHE_LANG=en``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import inspect
import io
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .cli_output import contents, print_problems, summary
from .io import read
from .io.problems import InputError
from .messages import LANGS, resolve_lang, text
from .render.lenses import ENGLISH_LENSES, LENSES
from .render.people import PEOPLE_MODES

PROG = "territoire-graphe"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    _safe_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        lang = _early_lang(arguments)
    except ValueError as error:  # an unknown language in TERRITOIRE_GRAPHE_LANG
        print(str(error), file=sys.stderr)
        return 2
    parser = build_parser(lang)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # --help and --version (0), or a usage error (2)
        return stop.code if isinstance(stop.code, int) else 2
    lang = resolve_lang(args.lang or lang)
    try:
        return int(args.handler(args, lang))
    except InputError as error:
        print_problems(error.problems + error.warnings, lang, sys.stderr, heading=None)
        return 1
    except _Unavailable as missing:
        print(text("cli.not_available", lang, command=args.command, function=missing.name),
              file=sys.stderr)
        return 2
    except BrokenPipeError:  # the output was cut short (``| head``): nothing more to say
        _silence_stdout()
        return 1
    except OSError as error:
        reason = error.strerror or str(error)
        print(text("cli.file_error", lang, path=error.filename or "?", reason=reason),
              file=sys.stderr)
        return 1


# -- the parser ---------------------------------------------------------------------------
class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str, *, usage_prefix: str = "usage: ") -> None:
        super().__init__(prog, max_help_position=30)
        self._usage_prefix = usage_prefix

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups,
                          self._usage_prefix if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose own texts come from the catalogue."""

    def __init__(self, *args: Any, lang: str = "fr", **kwargs: Any) -> None:
        self.lang = lang
        kwargs["formatter_class"] = functools.partial(_Formatter,
                                                      usage_prefix=text("cli.usage", lang))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = text("cli.group.positionals", lang)
        self._optionals.title = text("cli.group.options", lang)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=text("cli.opt.help", lang))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(text("cli.error", self.lang, message=_translate(message, self.lang)),
              file=sys.stderr)
        print(text("cli.error.more", self.lang, prog=self.prog), file=sys.stderr)
        self.exit(2)


def build_parser(lang: str = "fr") -> argparse.ArgumentParser:
    """The argument parser of ``territoire-graphe``, with its texts in ``lang``."""
    from ._version import __version__

    def t(key: str) -> str:
        return text(key, lang)

    parser = _Parser(prog=PROG, description=t("cli.description"), epilog=t("cli.epilog"),
                     lang=lang)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help=t("cli.opt.version"))
    parser.add_argument("--lang", type=str.lower, choices=LANGS, default=None,
                        help=t("cli.opt.lang"))
    commands = parser.add_subparsers(dest="command", title=t("cli.group.commands"),
                                     metavar=t("cli.metavar.command"), required=True)

    def command(name: str, handler: Callable[[argparse.Namespace, str], int],
                output: str | None = None) -> _Parser:
        sub = commands.add_parser(name, help=t(f"cli.{name}.help"),
                                  description=t(f"cli.{name}.description"), lang=lang)
        sub.add_argument("--lang", type=str.lower, choices=LANGS, default=argparse.SUPPRESS,
                         help=t("cli.opt.lang"))
        if output is not None:
            metavar = t("cli.metavar.folder" if name == "demo" else "cli.metavar.file")
            sub.add_argument("-o", "--output", default=output, metavar=metavar,
                             help=t(f"cli.arg.{name}_output"))
        sub.set_defaults(handler=handler)
        return sub

    workbook: dict[str, Any] = {"metavar": t("cli.metavar.workbook"), "help": t("cli.arg.workbook")}
    command("check", _check).add_argument("workbook", **workbook)
    sub = command("map", _map, "carte.html")
    sub.add_argument("workbook", **workbook)
    sub.add_argument("--lens", default=None, metavar=t("cli.metavar.lens"),
                     help=text("cli.arg.lens", lang, fr=", ".join(LENSES),
                               en=", ".join(ENGLISH_LENSES)))
    _map_options(sub, t)
    sub = command("image", _image, "carte.png")
    sub.add_argument("workbook", **workbook)
    _map_options(sub, t)
    sub.add_argument("--dpi", type=int, default=None, metavar=t("cli.metavar.dpi"),
                     help=t("cli.arg.dpi"))
    command("report", _report, "rapport.xlsx").add_argument("workbook", **workbook)
    command("compare", _compare, "comparaison.xlsx").add_argument(
        "workbooks", nargs="+", metavar=t("cli.metavar.workbook"), help=t("cli.arg.workbooks"))
    sub = command("diff", _diff, "evolution.xlsx")
    sub.add_argument("before", metavar=t("cli.metavar.before"), help=t("cli.arg.before"))
    sub.add_argument("after", metavar=t("cli.metavar.after"), help=t("cli.arg.after"))
    sub = command("template", _template)
    sub.add_argument("path", nargs="?", default=None, metavar=t("cli.metavar.file"),
                     help=t("cli.arg.template_path"))
    sub.add_argument("-f", "--force", action="store_true", help=t("cli.arg.force"))
    command("demo", _demo, "demo_out")
    return parser


def _map_options(sub: argparse.ArgumentParser, t: Callable[[str], str]) -> None:
    """The options shared by ``map`` and ``image``: who is shown and how."""
    sub.add_argument("--people", choices=PEOPLE_MODES, default=None, help=t("cli.arg.people"))
    sub.add_argument("--color-by", default=None, metavar=t("cli.metavar.column"),
                     help=t("cli.arg.color_by"))
    sub.add_argument("--size-by", default=None, metavar=t("cli.metavar.column"),
                     help=t("cli.arg.size_by"))
    sub.add_argument("--title", default=None, metavar=t("cli.metavar.title"),
                     help=t("cli.arg.title"))


def _early_lang(arguments: list[str]) -> str:
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
        return text("cli.error.choice", lang, value=choice[1].strip("'\""),
                    choices=choice[2].replace("'", ""))
    if inner == "expected one argument":
        return text("cli.error.expected_one", lang, option=name)
    return text("cli.error.argument", lang, name=name, message=inner)


# -- commands -----------------------------------------------------------------------------
class _Unavailable(Exception):
    """A public function a command needs is not in this version of the package."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def _public(name: str) -> Callable[..., Any]:
    import territoire_graphe

    function = getattr(territoire_graphe, name, None)
    if not callable(function):
        raise _Unavailable(f"territoire_graphe.{name}")
    return function


_NONE = object()  # an option explicitly set to None (``--size-by none``)


def _call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``function`` with the keyword arguments it accepts (``None`` values left out;
    ``_NONE`` ones passed as None)."""
    kwargs = {k: None if v is _NONE else v for k, v in kwargs.items() if v is not None}
    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return function(*args, **kwargs)
    if not any(p.kind is p.VAR_KEYWORD for p in parameters.values()):
        kwargs = {k: v for k, v in kwargs.items() if k in parameters}
    return function(*args, **kwargs)


def _written(path: Path | str, lang: str) -> None:
    print(text("cli.written", lang, path=str(Path(path).resolve())))


def _check(args: argparse.Namespace, lang: str) -> int:
    heading = text("cli.check.heading", lang, file=args.workbook)
    try:
        territory = read(args.workbook, lang=lang)
    except InputError as error:
        print_problems(error.problems + error.warnings, lang, sys.stdout, heading=heading)
        print(text("cli.check.invalid", lang))
        return 1
    print_problems(list(territory.warnings), lang, sys.stdout, heading=heading)
    print(text("cli.check.valid", lang, contents=contents(territory, lang)))
    return 0


def _map(args: argparse.Namespace, lang: str) -> int:
    to_html, diagnose = _public("to_html"), _public("diagnose")
    territory = read(args.workbook, lang=lang)
    diagnosis = _call(diagnose, territory, lang=lang)
    try:
        _call(to_html, territory, args.output, diagnosis=diagnosis, lang=lang, lens=args.lens,
              **_drawing(args))
    except ValueError as error:  # a lens, column or option the map does not know
        return _option_error(error, "map", lang)
    _written(args.output, lang)
    return 0


def _image(args: argparse.Namespace, lang: str) -> int:
    from .render.image import FORMATS

    to_image, diagnose = _public("to_image"), _public("diagnose")
    if Path(args.output).suffix.lower() not in FORMATS:  # before reading and diagnosing
        return _option_error(ValueError(text("image.error.format", lang,
                                             value=Path(args.output).suffix or args.output)),
                             "image", lang)
    territory = read(args.workbook, lang=lang)
    diagnosis = _call(diagnose, territory, lang=lang)
    try:
        _call(to_image, territory, args.output, diagnosis=diagnosis, lang=lang, dpi=args.dpi,
              **_drawing(args))
    except ValueError as error:
        return _option_error(error, "image", lang)
    except ImportError as error:  # matplotlib, the extra "image", is not installed
        print(str(error), file=sys.stderr)
        return 2
    _written(args.output, lang)
    return 0


def _drawing(args: argparse.Namespace) -> dict[str, Any]:
    """The options of ``map`` and ``image`` as keyword arguments (left out when not given)."""
    size_by = args.size_by
    if size_by is not None and size_by.strip().lower() in ("none", "aucune", "aucun", ""):
        size_by = _NONE
    return {"people": args.people, "color_by": args.color_by, "size_by": size_by,
            "title": args.title}


def _option_error(error: Exception, command: str, lang: str) -> int:
    """An option the function refused: its message, how to get help, exit status 2."""
    message = str(error)
    print(text("cli.error", lang, message=message[:1].lower() + message[1:]), file=sys.stderr)
    print(text("cli.error.more", lang, prog=f"{PROG} {command}"), file=sys.stderr)
    return 2


def _report(args: argparse.Namespace, lang: str) -> int:
    to_excel, diagnose = _public("to_excel"), _public("diagnose")
    territory = read(args.workbook, lang=lang)
    _call(to_excel, _call(diagnose, territory, lang=lang), args.output, lang=lang)
    _written(args.output, lang)
    return 0


def _compare(args: argparse.Namespace, lang: str) -> int:
    from .render.comparison_excel import to_excel_comparison

    compare = _public("compare")
    # compare() reads the workbooks itself, in parallel, and lists every problem at once.
    table = _call(compare, [Path(p) for p in args.workbooks], lang=lang)
    to_excel_comparison(table, args.output, lang=lang)
    _written(args.output, lang)
    return 0


def _diff(args: argparse.Namespace, lang: str) -> int:
    diff = _public("diff")
    evolution = _call(diff, read(args.before, lang=lang), read(args.after, lang=lang), lang=lang)
    evolution.to_excel(args.output, lang=lang)
    _written(args.output, lang)
    return 0


def _template(args: argparse.Namespace, lang: str) -> int:
    from .io.template import write_template

    path = Path(args.path or text("cli.default.template", lang))
    if path.exists() and not args.force:
        print(text("cli.exists", lang, path=str(path)), file=sys.stderr)
        return 1
    try:
        write_template(path, lang=lang)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 2
    _written(path, lang)
    print(text("cli.template.next", lang, name=f'"{path}"' if " " in str(path) else path))
    return 0


def _demo(args: argparse.Namespace, lang: str) -> int:
    from .data import DEMO_SAMPLE, sample_path

    try:
        sample = sample_path()
    except FileNotFoundError:
        print(text("cli.demo.no_sample", lang, name=DEMO_SAMPLE), file=sys.stderr)
        return 1
    print(text("cli.demo.reading", lang, name=sample.name))
    territory = read(sample, lang=lang)
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    diagnosis = None
    with contextlib.suppress(_Unavailable, NotImplementedError):
        diagnosis = _call(_public("diagnose"), territory, lang=lang)
    map_path = folder / text("cli.demo.map_file", lang)
    _call(_public("to_html"), territory, map_path, diagnosis=diagnosis, lang=lang)
    summary_path = folder / text("cli.demo.summary_file", lang)
    summary_path.write_text(summary(territory, diagnosis, lang, sample.name), encoding="utf-8")
    print(text("cli.demo.done", lang, folder=str(folder.resolve())))
    print(text("cli.demo.map", lang, path=str(map_path.resolve())))
    print(text("cli.demo.summary", lang, path=str(summary_path.resolve())))
    return 0


# -- what is printed ----------------------------------------------------------------------
def _silence_stdout() -> None:
    import os

    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _safe_streams() -> None:
    """Never fail on a character the terminal cannot show (Windows consoles, LANG=C...)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
                stream.reconfigure(errors="replace")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
