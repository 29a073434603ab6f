"""The commands that collect data: ``questionnaire``, ``survey`` and ``merge``.

They only parse arguments and call :func:`~territoire_graphe.write_questionnaire`,
:func:`~territoire_graphe.read_survey` and :func:`~territoire_graphe.merge`; ``cli.py``
adds them to its parser with :func:`add_commands`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .cli_output import print_problems
from .messages import format_percent, text

PROG = "territoire-graphe"


def add_commands(command: Callable[..., Any], lang: str) -> None:
    """Add the three commands with ``command(name, handler, default_output)`` of ``cli.py``."""

    def t(key: str) -> str:
        return text(key, lang)

    sub = command("questionnaire", _questionnaire, t("cli.collect.default.questionnaires"))
    sub.add_argument("workbook", metavar=t("cli.metavar.workbook"), help=t("cli.arg.roster"))
    sub.add_argument(
        "--form", choices=("excel", "xlsform"), default="excel", help=t("cli.arg.form")
    )
    sub.add_argument("--sender", default=None, help=t("cli.arg.sender"))
    sub.add_argument("--contact", default=None, help=t("cli.arg.contact"))
    sub = command("survey", _survey, "territoire.xlsx")
    sub.add_argument(
        "answers", nargs="+", metavar=t("cli.metavar.answers"), help=t("cli.arg.answers")
    )
    sub.add_argument(
        "--roster", required=True, metavar=t("cli.metavar.workbook"), help=t("cli.arg.roster")
    )
    sub.add_argument(
        "--review", default=None, metavar=t("cli.metavar.file"), help=t("cli.arg.review_in")
    )
    sub.add_argument(
        "--ties", choices=("declared", "confirmed"), default="declared", help=t("cli.arg.ties")
    )
    sub.add_argument(
        "--respondent", default=None, metavar=t("cli.metavar.column"), help=t("cli.arg.respondent")
    )
    sub.add_argument(
        "--partners",
        action="append",
        default=None,
        metavar=t("cli.metavar.column"),
        help=t("cli.arg.partners"),
    )
    sub = command("merge", _merge, "fusion.xlsx")
    sub.add_argument(
        "workbooks", nargs="+", metavar=t("cli.metavar.workbook"), help=t("cli.arg.merge_workbooks")
    )
    sub.add_argument(
        "--review", default=None, metavar=t("cli.metavar.file"), help=t("cli.arg.review_in")
    )


def _questionnaire(args: argparse.Namespace, lang: str) -> int:
    from . import write_questionnaire
    from .io import read

    roster = read(args.workbook, lang=lang)
    if roster.warnings:
        print_problems(list(roster.warnings), lang, sys.stdout, heading=None)
    output = Path(args.output)
    written = write_questionnaire(
        roster, output, form=args.form, lang=lang, sender=args.sender, contact=args.contact
    )
    if isinstance(written, list):
        print(
            text(
                "cli.collect.questionnaires", lang, count=len(written), folder=str(output.resolve())
            )
        )
    else:
        print(text("cli.collect.xlsform", lang, path=str(Path(written).resolve())))
    return 0


def _survey(args: argparse.Namespace, lang: str) -> int:
    from . import read_survey

    output = Path(args.output)  # never one of the inputs: cli.main refuses it before
    if output.suffix.lower() != ".xlsx":
        print(text("cli.collect.xlsx_only", lang, path=str(output)), file=sys.stderr)
        return 2
    survey = read_survey(
        args.answers if len(args.answers) > 1 else args.answers[0],
        roster=args.roster,
        review=args.review,
        ties=args.ties,
        respondent=args.respondent,
        partners=args.partners,
        lang=lang,
    )
    if survey.warnings:
        print_problems(survey.warnings, lang, sys.stdout, heading=None)
    t = survey.territory
    counts = survey.matches["status"].value_counts()
    print(
        text(
            "cli.collect.answers",
            lang,
            count=int(survey.respondents.sum()),
            total=len(survey.respondents),
            share=format_percent(survey.response_rate, lang),
        )
    )
    print(
        text(
            "cli.collect.names",
            lang,
            exact=int(counts.get("exact", 0)),
            probable=int(counts.get("probable", 0)),
            unknown=int(counts.get("unknown", 0)),
            decided=int(counts.get("decided", 0)),
        )
    )
    confirmed = (
        int(t.relations["confirmed"].fillna(False).astype(bool).sum())
        if "confirmed" in t.relations
        else 0
    )
    print(text("cli.collect.relations", lang, count=len(t.relations), confirmed=confirmed))
    missing = survey.non_respondents()
    if len(missing):
        print(
            text(
                "cli.collect.missing",
                lang,
                count=len(missing),
                names=", ".join(str(n) for n in missing["name"]),
            )
        )
    from .collect.workbook import write_territory

    write_territory(t, output, lang=lang)
    print(text("cli.written", lang, path=str(output.resolve())))
    _review(survey, output, args.review, lang)
    return 0


def _review(result: Any, output: Path, given: str | None, lang: str) -> None:
    from .io.outputs import same_file

    listed = result.to_review() if hasattr(result, "to_review") else result._review
    rows = [r for r in listed if not r.get("decision")]
    if not rows:
        print(text("cli.collect.nothing_to_review", lang))
        return
    path = output.with_name(output.stem + text("cli.collect.review_suffix", lang) + ".xlsx")
    number = 2
    while given is not None and same_file(path, given):
        path = output.with_name(
            f"{output.stem}{text('cli.collect.review_suffix', lang)}_{number}.xlsx"
        )
        number += 1
    result.write_review(path)
    print(
        text("cli.collect.review", lang, count=len(rows), path=str(path.resolve()), name=path.name)
    )


def _header(column: str, lang: str) -> str:
    """A column as the workbook heads it (``municipality`` -> ``commune`` in French)."""
    from .io.schema import SHEETS_BY_NAME

    spec = SHEETS_BY_NAME["actors"]
    try:
        found = spec.column(column)
    except StopIteration:
        return column
    return found.en if lang == "en" else found.fr


def _merge(args: argparse.Namespace, lang: str) -> int:
    from . import merge
    from .collect.workbook import write_territory

    output = Path(args.output)  # never one of the inputs: cli.main refuses it before
    if output.suffix.lower() != ".xlsx":
        print(text("cli.collect.xlsx_only", lang, path=str(output)), file=sys.stderr)
        return 2
    result = merge(args.workbooks, review=args.review, lang=lang)
    counts = result.matches["status"].value_counts()
    print(
        text(
            "cli.collect.merged",
            lang,
            count=len(result.territory.actors),
            sources=len(args.workbooks),
            exact=int(counts.get("exact", 0)),
            probable=int(counts.get("probable", 0)),
            decided=int(counts.get("decided", 0)),
            new=int(counts.get("new", 0)),
            conflicts=len(result.conflicts),
        )
    )
    for row in result.conflicts.itertuples(index=False):
        print(
            "  "
            + text(
                "cli.collect.conflict",
                lang,
                name=row.name,
                column=_header(str(row.column), lang),
                values=row.values,
                sources=row.sources,
            )
        )
    write_territory(result.territory, output, lang=lang)
    print(text("cli.written", lang, path=str(output.resolve())))
    _review(result, output, args.review, lang)
    return 0
