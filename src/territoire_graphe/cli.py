"""The command line: ``territoire-graphe check|map|image|report|compare|diff|template|demo``.

It only parses arguments and calls the public functions of ``territoire_graphe`` with
their own keywords. What is written follows the output's extension (FORMAT.md §3):
``report -o x.docx`` the committee's document, ``report -o x.xlsx`` the Excel report,
``diff -o x.html`` the evolution map...; an extension a command cannot write is a usage
error listing those it can, said before anything is read. Commands that read a workbook
take ``--name`` and ``--date``, those that show people ``--people``; every command prints
the reading warnings. Exit status: 0 success, 1 invalid input (problems listed), 2 usage
error. Every text comes from the catalogue, in French unless ``--lang en`` or
``TERRITOIRE_GRAPHE_LANG=en``.

Heavy modules (pandas, networkx, openpyxl...) are imported when a command runs, never
to build the parser: ``territoire-graphe --help`` starts at once. Other modules add
their commands through :data:`EXTRA_COMMANDS` (see :func:`build_parser`).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .cli_common import (  # noqa: F401 (re-exported for the modules that add commands)
    OUTPUTS,
    PEOPLE_CHOICES,
    UsageError,
    option_error,
    output_kind,
    people_option,
    print_warnings,
    read_territory,
    reading_options,
    written,
)
from .cli_parsing import Parser, early_lang
from .messages import LANGS, resolve_lang, text

PROG = "territoire-graphe"
#: Modules that add commands: each has ``add_commands(add, lang)``, where ``add`` is
#: :func:`add_command` bound to the parser (``add(name, handler, output=None)``).
EXTRA_COMMANDS: tuple[str, ...] = (".cli_collect", ".cli_export")
COMPARE_READ_HERE = 50  # more workbooks than this: compare() reads them in parallel
DEMO_EARLIER = "pays_de_bray_2023.xlsx"  # the demo's document says what changed since

Handler = Callable[[argparse.Namespace, str], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    _safe_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        lang = early_lang(arguments)
    except ValueError as error:  # an unknown language in TERRITOIRE_GRAPHE_LANG
        print(str(error), file=sys.stderr)
        return 2
    parser = build_parser(lang)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # --help and --version (0), or a usage error (2)
        return stop.code if isinstance(stop.code, int) else 2
    lang = resolve_lang(args.lang or lang)
    from .cli_output import print_problems, print_refused_outputs
    from .io.problems import InputError  # a command runs: the readers are needed anyway

    if print_refused_outputs(args, lang, sys.stderr):  # an output that is an input: nothing written
        return 2
    try:
        return int(args.handler(args, lang))
    except UsageError as error:
        return option_error(error, args.command, lang)
    except InputError as error:
        print_problems(error.problems + error.warnings, lang, sys.stderr, heading=None)
        return 1
    except BrokenPipeError:  # the output was cut short (``| head``): nothing more to say
        _silence_stdout()
        return 1
    except OSError as error:
        reason = error.strerror or str(error)
        print(
            text("cli.file_error", lang, path=error.filename or "?", reason=reason), file=sys.stderr
        )
        return 1


# -- the parser ---------------------------------------------------------------------------
def add_command(
    commands: Any, lang: str, name: str, handler: Handler, output: str | None = None
) -> argparse.ArgumentParser:
    """A subcommand ``name`` with ``--lang`` (and ``-o`` defaulting to ``output``).

    Its texts are the catalogue's ``cli.<name>.help``, ``cli.<name>.description`` and
    ``cli.arg.<name>_output``.
    """
    sub = commands.add_parser(
        name,
        help=text(f"cli.{name}.help", lang),
        description=text(f"cli.{name}.description", lang),
        lang=lang,
    )
    sub.add_argument(
        "--lang",
        type=str.lower,
        choices=LANGS,
        default=argparse.SUPPRESS,
        help=text("cli.opt.lang", lang),
    )
    if output is not None:
        metavar = text("cli.metavar.folder" if name == "demo" else "cli.metavar.file", lang)
        sub.add_argument(
            "-o",
            "--output",
            default=output,
            metavar=metavar,
            help=text(f"cli.arg.{name}_output", lang),
        )
    sub.set_defaults(handler=handler)
    return sub


def build_parser(lang: str = "fr") -> argparse.ArgumentParser:
    """The argument parser of ``territoire-graphe``, with its texts in ``lang``."""
    from ._version import __version__
    from .render.lenses import ENGLISH_LENSES, LENSES

    def t(key: str) -> str:
        return text(key, lang)

    parser = Parser(prog=PROG, description=t("cli.description"), epilog=t("cli.epilog"), lang=lang)
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help=t("cli.opt.version")
    )
    parser.add_argument(
        "--lang", type=str.lower, choices=LANGS, default=None, help=t("cli.opt.lang")
    )
    commands = parser.add_subparsers(
        dest="command",
        title=t("cli.group.commands"),
        metavar=t("cli.metavar.command"),
        required=True,
    )
    add = functools.partial(add_command, commands, lang)
    workbook: dict[str, Any] = {"metavar": t("cli.metavar.workbook"), "help": t("cli.arg.workbook")}

    sub = add("check", _check)
    sub.add_argument("workbook", **workbook)
    reading_options(sub, lang)
    sub = add("map", _map, "carte.html")
    sub.add_argument("workbook", **workbook)
    sub.add_argument(
        "--lens",
        default=None,
        metavar=t("cli.metavar.lens"),
        help=text("cli.arg.lens", lang, fr=", ".join(LENSES), en=", ".join(ENGLISH_LENSES)),
    )
    _map_options(sub, lang)
    sub = add("image", _image, "carte.png")
    sub.add_argument("workbook", **workbook)
    _map_options(sub, lang)
    sub.add_argument(
        "--dpi", type=int, default=None, metavar=t("cli.metavar.dpi"), help=t("cli.arg.dpi")
    )
    sub = add("report", _report, "rapport.xlsx")
    sub.add_argument("workbook", **workbook)
    reading_options(sub, lang)
    people_option(sub, lang)
    sub.add_argument(
        "--before", default=None, metavar=t("cli.metavar.before"), help=t("cli.arg.report_before")
    )
    add("compare", _compare, "comparaison.xlsx").add_argument(
        "workbooks", nargs="+", metavar=t("cli.metavar.workbook"), help=t("cli.arg.workbooks")
    )
    sub = add("diff", _diff, "evolution.xlsx")
    sub.add_argument("before", metavar=t("cli.metavar.before"), help=t("cli.arg.before"))
    sub.add_argument("after", metavar=t("cli.metavar.after"), help=t("cli.arg.after"))
    sub.add_argument("--name", default=None, metavar=t("cli.metavar.name"), help=t("cli.arg.name"))
    for side in ("before", "after"):
        sub.add_argument(
            f"--{side}-date",
            default=None,
            metavar=t("cli.metavar.date"),
            help=t(f"cli.arg.{side}_date"),
        )
    people_option(sub, lang)
    sub = add("template", _template)
    sub.add_argument(
        "path",
        nargs="?",
        default=None,
        metavar=t("cli.metavar.file"),
        help=t("cli.arg.template_path"),
    )
    sub.add_argument("-f", "--force", action="store_true", help=t("cli.arg.force"))
    add("demo", _demo, "demo_out")
    for module in EXTRA_COMMANDS:
        importlib.import_module(module, __package__).add_commands(add, lang)
    return parser


def _map_options(sub: argparse.ArgumentParser, lang: str) -> None:
    """The options shared by ``map`` and ``image``: the territory, who is shown and how."""
    reading_options(sub, lang)
    people_option(sub, lang)
    column = text("cli.metavar.column", lang)
    sub.add_argument(
        "--color-by", default="type", metavar=column, help=text("cli.arg.color_by", lang)
    )
    sub.add_argument(
        "--size-by", default="betweenness", metavar=column, help=text("cli.arg.size_by", lang)
    )
    sub.add_argument(
        "--title",
        default=None,
        metavar=text("cli.metavar.title", lang),
        help=text("cli.arg.title", lang),
    )


# -- commands -----------------------------------------------------------------------------
def _check(args: argparse.Namespace, lang: str) -> int:
    import territoire_graphe as tg

    from .cli_output import contents, print_problems
    from .io.problems import InputError

    heading = text("cli.check.heading", lang, file=args.workbook)
    try:
        territory = tg.read(args.workbook, name=args.name, date=args.date, lang=lang)
    except InputError as error:
        print_problems(error.problems + error.warnings, lang, sys.stdout, heading=heading)
        print(text("cli.check.invalid", lang))
        return 1
    print_problems(list(territory.warnings), lang, sys.stdout, heading=heading)
    print(text("cli.check.valid", lang, contents=contents(territory, lang)))
    return 0


def _map(args: argparse.Namespace, lang: str) -> int:
    import territoire_graphe as tg

    output_kind(args.output, "map", lang)
    territory = read_territory(args.workbook, args, lang)
    diagnosis = tg.diagnose(territory, lang=lang)
    try:
        tg.to_html(
            territory, args.output, diagnosis=diagnosis, lang=lang, lens=args.lens, **_drawing(args)
        )
    except ValueError as error:  # a lens, column or option the map does not know
        return option_error(error, "map", lang)
    written(args.output, lang)
    return 0


def _image(args: argparse.Namespace, lang: str) -> int:
    import territoire_graphe as tg

    output_kind(args.output, "image", lang)  # before reading and diagnosing
    territory = read_territory(args.workbook, args, lang)
    diagnosis = tg.diagnose(territory, lang=lang)
    dpi = {} if args.dpi is None else {"dpi": args.dpi}
    try:
        tg.to_image(territory, args.output, diagnosis=diagnosis, lang=lang, **dpi, **_drawing(args))
    except ValueError as error:
        return option_error(error, "image", lang)
    except ImportError as error:  # matplotlib, the extra "image", is not installed
        print(str(error), file=sys.stderr)
        return 2
    written(args.output, lang)
    return 0


def _drawing(args: argparse.Namespace) -> dict[str, Any]:
    """The options of ``map`` and ``image`` as the keywords of to_html and to_image."""
    size_by = args.size_by
    if size_by is not None and size_by.strip().lower() in ("none", "aucune", "aucun", ""):
        size_by = None
    return {
        "people": args.people,
        "color_by": args.color_by,
        "size_by": size_by,
        "title": args.title,
    }


def _report(args: argparse.Namespace, lang: str) -> int:
    import territoire_graphe as tg

    kind = output_kind(args.output, "report", lang)
    if args.before is not None and kind != ".docx":
        raise UsageError(text("cli.error.before_docx", lang))
    diagnosis = tg.diagnose(read_territory(args.workbook, args, lang), lang=lang)
    if kind == ".docx":
        evolution = None
        if args.before is not None:  # the fifth question: what changed since then
            earlier = tg.read(args.before, name=args.name, lang=lang)
            print_warnings(earlier.warnings, args.before, lang)
            evolution = tg.diff(earlier, diagnosis, lang=lang)
        tg.to_docx(diagnosis, args.output, lang=lang, people=args.people, evolution=evolution)
    else:
        tg.to_excel(diagnosis, args.output, lang=lang, people=args.people)
    written(args.output, lang)
    return 0


def _compare(args: argparse.Namespace, lang: str) -> int:
    import warnings

    import territoire_graphe as tg

    from .comparison import expand
    from .io.problems import InputError

    output_kind(args.output, "compare", lang)
    items = expand([Path(p) for p in args.workbooks])  # folders of workbooks opened
    if len(items) <= COMPARE_READ_HERE:  # read here: each one's warnings are printed
        territories, problems, warned = [], [], []
        for item in items:
            try:
                territories.append(read_territory(str(item), args, lang))
            except InputError as error:  # every bad workbook is listed, not only the first
                problems += error.problems
                warned += error.warnings
        if problems:
            raise InputError(problems, warned, lang=lang)
        items = territories
    # else compare() reads them itself, in parallel, and lists every problem at once.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # its notes are printed below, plainly
        table = tg.compare(items, lang=lang)
    for note in table.warnings:
        print(note, file=sys.stderr)
    tg.to_excel_comparison(table, args.output, lang=lang)
    written(args.output, lang)
    return 0


def _diff(args: argparse.Namespace, lang: str) -> int:
    import territoire_graphe as tg

    kind = output_kind(args.output, "diff", lang)
    before = read_territory(args.before, args, lang, date=args.before_date)
    after = read_territory(args.after, args, lang, date=args.after_date)
    evolution = tg.diff(before, after, lang=lang)
    if kind == ".xlsx":
        evolution.to_excel(args.output, lang=lang)
    else:
        tg.to_html(evolution, args.output, lang=lang, people=args.people)
    written(args.output, lang)
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
    written(path, lang)
    print(text("cli.template.next", lang, name=f'"{path}"' if " " in str(path) else path))
    return 0


def _demo(args: argparse.Namespace, lang: str) -> int:
    import territoire_graphe as tg

    from .cli_output import summary
    from .data import DEMO_SAMPLE, sample_path

    try:
        sample = sample_path()
    except FileNotFoundError:
        print(text("cli.demo.no_sample", lang, name=DEMO_SAMPLE), file=sys.stderr)
        return 1
    print(text("cli.demo.reading", lang, name=sample.name))
    territory = tg.read(sample, lang=lang)
    print_warnings(territory.warnings, str(sample), lang)
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    diagnosis = tg.diagnose(territory, lang=lang)
    map_path = folder / text("cli.demo.map_file", lang)
    tg.to_html(territory, map_path, diagnosis=diagnosis, lang=lang)
    document_path = folder / text("cli.demo.document_file", lang)
    evolution = None
    with contextlib.suppress(FileNotFoundError):  # the same territory a year before
        earlier = sample_path(DEMO_EARLIER)
        if earlier != sample:
            evolution = tg.diff(tg.read(earlier, lang=lang), diagnosis, lang=lang)
    tg.to_docx(diagnosis, document_path, lang=lang, evolution=evolution)
    summary_path = folder / text("cli.demo.summary_file", lang)
    summary_path.write_text(summary(territory, diagnosis, lang, sample.name), encoding="utf-8")
    print(text("cli.demo.done", lang, folder=str(folder.resolve())))
    print(text("cli.demo.map", lang, path=str(map_path.resolve())))
    print(text("cli.demo.document", lang, path=str(document_path.resolve())))
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
