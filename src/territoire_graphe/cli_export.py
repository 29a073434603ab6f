"""``territoire-graphe export WORKBOOK -o FILE [--format ...]``: the territory for other tools.

The format follows the output's extension unless ``--format`` says (FORMAT.md
section 3): ``.gexf`` Gephi, ``.graphml`` yEd / Cytoscape / igraph, ``.json``
node-link (``--format graphology`` for Gephi Lite and sigma.js), ``.xlsx`` Kumu,
``.geojson`` uMap / QGIS, a name without extension (or ``--format csv``) a folder
of CSV files. An extension the command cannot write, or an output that is the
input itself, is a usage error (exit status 2): nothing is written.

>>> format_for("carte.gexf", None), format_for("t.json", "graphology"), format_for("dossier", None)
('gexf', 'graphology', 'csv')
>>> format_for("t.docx", None) is None
True
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .messages import text

FORMATS = ("gexf", "graphml", "json", "csv", "kumu", "graphology", "geojson")
_BY_SUFFIX = {
    ".gexf": "gexf",
    ".graphml": "graphml",
    ".json": "json",
    ".xlsx": "kumu",
    ".geojson": "geojson",
    "": "csv",
}
_WRITERS = {
    "gexf": "to_gexf",
    "graphml": "to_graphml",
    "json": "to_json",
    "csv": "to_csv",
    "kumu": "to_kumu",
    "graphology": "to_graphology",
    "geojson": "to_geojson",
}


def format_for(output: str, chosen: str | None) -> str | None:
    """The format to write: ``chosen``, else the one of the output's extension (None: none)."""
    if chosen:
        return chosen
    return _BY_SUFFIX.get(Path(output).suffix.lower())


def add_commands(add: Any, lang: str) -> None:
    """Add the ``export`` command with ``add(name, handler)`` of ``cli.build_parser``."""
    from .cli_common import PEOPLE_CHOICES

    sub = add("export", run_export)  # texts cli.export.help / .description, and --lang
    sub.add_argument(
        "workbook", metavar=text("cli.metavar.workbook", lang), help=text("cli.arg.workbook", lang)
    )
    sub.add_argument(
        "-o",
        "--output",
        required=True,
        metavar=text("cli.metavar.file", lang),
        help=text("cli.arg.export_output", lang),
    )
    sub.add_argument(
        "--format",
        type=str.lower,
        choices=FORMATS,
        default=None,
        help=text("cli.arg.export_format", lang),
    )
    sub.add_argument(
        "--people", choices=PEOPLE_CHOICES, default="show", help=text("cli.arg.people", lang)
    )
    sub.add_argument("--name", default=None, help=text("cli.arg.export_name", lang))
    sub.add_argument("--date", default=None, help=text("cli.arg.export_date", lang))


def run_export(args: argparse.Namespace, lang: str) -> int:
    """Read the workbook, write the export; 2 for a format or an output it cannot take."""
    import territoire_graphe as tg

    from .cli_output import print_problems

    chosen = format_for(args.output, args.format)
    if chosen is None:
        print(
            text(
                "cli.export.unknown_format",
                lang,
                suffix=Path(args.output).suffix,
                formats=", ".join(
                    f".{s}" if s else "" for s in ("gexf", "graphml", "json", "xlsx", "geojson")
                ),
                choices=", ".join(FORMATS),
            ),
            file=sys.stderr,
        )
        return 2
    writer = getattr(tg, _WRITERS[chosen])  # every export takes people= (FORMAT.md §2)
    territory = tg.read(args.workbook, name=args.name, date=args.date, lang=lang)
    if territory.warnings:
        print_problems(list(territory.warnings), lang, sys.stderr, heading=None)
    written = writer(territory, args.output, people=args.people)
    print(text("cli.written", lang, path=str(Path(written).resolve())))
    return 0
