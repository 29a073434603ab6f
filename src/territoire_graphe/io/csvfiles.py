"""Reading a folder of CSV files named like the sheets (``acteurs.csv``, ``relations.csv``...).

French Excel writes CSV in Windows-1252 with ``;`` ("CSV (séparateur: point-virgule)")
or in UTF-8 with a BOM ("CSV UTF-8"); both, and ``,`` or tab separators, are detected.
Every cell stays text, so codes keep their leading zeros.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .problems import ProblemLog, fatal
from .sheets import RawWorkbook, sheet_from_grid

_SEPARATORS = ";,\t|"


def decode(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (with or without BOM), else Windows-1252, else detection.

    >>> decode("Œuvre;café".encode("cp1252"))
    ('Œuvre;café', 'cp1252')
    >>> decode("\\ufeffnom;type".encode("utf-8"))
    ('nom;type', 'utf-8-sig')
    """
    for encoding in ("utf-8-sig",):
        try:
            text = data.decode(encoding)
            return text, ("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
        except UnicodeDecodeError:
            pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        # Windows-1252 decodes almost any byte: French files are far more often this
        # than anything else, so try it before a statistical guess.
        text = data.decode("cp1252")
        return text, "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return data.decode("latin-1"), "latin-1"
    return str(best), best.encoding


def sniff_separator(text: str) -> str:
    """The separator of a CSV text: the candidate found most consistently on the first lines.

    >>> sniff_separator("nom;type;commune\\nA;asso;Lille\\n")
    ';'
    >>> sniff_separator('nom,type\\n"Dupont; fils",entreprise\\n')
    ','
    """
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_SEPARATORS).delimiter
    except csv.Error:
        header = text.splitlines()[0] if text else ""
        counts = {sep: header.count(sep) for sep in _SEPARATORS}
        best = max(counts, key=lambda s: counts[s])
        return best if counts[best] else ";"


def read_csv_grid(path: Path) -> list[list[str]]:
    """All the cells of one CSV file, as text."""
    text, _encoding = decode(path.read_bytes())
    separator = sniff_separator(text)
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=separator)]


def read_csv_folder(folder: Path, *, display: str, lang: str | None = None,
                    log: ProblemLog | None = None) -> RawWorkbook:
    """Read every ``*.csv`` / ``*.txt`` file of ``folder`` as one sheet named after the file."""
    files = sorted(p for p in folder.iterdir()
                   if p.is_file() and p.suffix.lower() in (".csv", ".tsv", ".txt"))
    if not files:
        raise fatal("folder_no_csv", display, lang=lang)
    raw = RawWorkbook(display, source_format="csv")
    for path in files:
        raw.sheets.append(sheet_from_grid(path.stem, read_csv_grid(path)))
    return raw


def read_csv_file(path: Path, *, display: str, lang: str | None = None) -> RawWorkbook:
    """A single CSV file, read as a workbook of one sheet named after the file."""
    raw = RawWorkbook(display, source_format="csv")
    raw.sheets.append(sheet_from_grid(path.stem, read_csv_grid(path)))
    return raw
