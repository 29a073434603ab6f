"""Reading a folder of CSV files named like the sheets (``acteurs.csv``, ``relations.csv``...).

French Excel writes CSV in Windows-1252 with ``;`` ("CSV (séparateur: point-virgule)")
or in UTF-8 with a BOM ("CSV UTF-8"); both, and ``,`` or tab separators, are detected.
Every cell stays text, so codes keep their leading zeros.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..render.safe_cells import csv_unescape
from .limits import Limits, limits_or_default
from .problems import ProblemLog, fatal
from .sheets import RawWorkbook, sheet_from_grid

_SEPARATORS = ";,\t|"


# Cells of several hundred kilobytes (long comments) are legitimate: csv's 128 kB limit is
# lifted to the read's ``Limits.cell_bytes`` (4 MB unless raised) while a file is read.
csv.field_size_limit(2**31 - 1)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 (with or without BOM), told by the BOM or by where the zero bytes are."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    quarters = [sample[i::4].count(0) for i in range(4)]
    if len(sample) >= 8 and min(quarters[1], quarters[2]) > len(sample) // 8:  # 3 zeros of 4
        return "utf-32-le" if quarters[0] < quarters[3] else "utf-32-be"
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 4 and even < odd // 4:  # ASCII text in UTF-16 little-endian
        return "utf-16-le"
    if even > len(sample) // 4 and odd < even // 4:
        return "utf-16-be"
    return None


def decode(data: bytes, *, display: str | None = None, lang: str | None = None) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 or UTF-32 (with or without
    BOM), else Windows-1252. A file in UTF-16 or UTF-32 that does not decode as such is
    an error naming the encoding.

    >>> decode("nom;type".encode("utf-16-le"))
    ('nom;type', 'utf-16-le')
    >>> decode("nom;type".encode("utf-32"))
    ('nom;type', 'utf-32')

    >>> decode("Œuvre;café".encode("cp1252"))
    ('Œuvre;café', 'cp1252')
    >>> decode("\\ufeffnom;type".encode("utf-8"))
    ('nom;type', 'utf-8-sig')
    >>> decode("nom;café".encode("utf-8"))
    ('nom;café', 'utf-8')
    """
    wide = _wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide).lstrip("\ufeff"), wide
        except UnicodeDecodeError as error:
            raise fatal(
                "csv_encoding_unsupported", display, lang=lang, encoding=wide.upper()
            ) from error
    try:
        text = data.decode("utf-8-sig")
        return text, ("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1252 decodes almost any byte: French files are far more often this
        # than anything else, so try it before a statistical guess.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return data.decode("latin-1"), "latin-1"
    return str(best), best.encoding


def sniff_separator(text: str) -> str:
    """The separator of a CSV text: the one that splits the first records most consistently.

    Each candidate is tried with a real CSV parser (so quoted separators and line
    breaks inside cells do not mislead it); the header must split into several
    columns and the records below into as many. Ties go to ``;``, French Excel's.

    >>> sniff_separator("nom;type;commune\\nA;asso;Lille\\n")
    ';'
    >>> sniff_separator('nom,type\\n"Dupont; fils",entreprise\\n')
    ','
    >>> sniff_separator("source;cible;intensite\\nA;B;2,5\\n")
    ';'
    """
    sample = text[:200_000]
    cut = len(sample) < len(text)  # the last record of the sample may be incomplete
    best, best_score = ";", (False, 0.0, 0)
    for separator in _SEPARATORS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=separator)
        try:
            records = [r for r in itertools.islice(reader, 60) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if cut and len(records) > 1:
            records.pop()
        if not records:
            continue
        width = len(records[0])
        rest = records[1:]
        consistent = sum(len(r) == width for r in rest) / len(rest) if rest else 1.0
        score = (width > 1, consistent, width)
        if score > best_score:
            best, best_score = separator, score
    return best


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their ends (``\\r\\n``, ``\\r`` or ``\\n``), one at a time,
    as ``io.StringIO(text, newline="")`` gives them but without a copy of the whole text.

    >>> list(_lines("a\\r\\nb\\rc\\nd"))
    ['a\\r\\n', 'b\\r', 'c\\n', 'd']
    """
    for found in _LINE.finditer(text):
        yield found.group()


_SHARED_TRIAL = 2_000  # rows after which a column of mostly distinct values is no longer shared


def _shared(rows: Iterable[list[str]]) -> Iterator[list[str]]:
    """The rows, each value met again in a column being the same string as the first time.

    A type, a commune or a score is written thousands of times: one string each
    instead of one per cell. A column whose values are mostly distinct (ids, names)
    stops being looked at after the first rows, so that it costs nothing.

    >>> a, b = _shared([["x", "commune"], ["y", "commune"]])
    >>> a[1] is b[1]
    True
    """
    memos: list[dict[str, str] | None] = []
    for count, row in enumerate(rows, 1):
        if len(memos) < len(row):
            memos.extend({} for _ in range(len(row) - len(memos)))
        for position, value in enumerate(row):
            memo = memos[position]
            if memo is not None:
                row[position] = memo.setdefault(value, value)
        if count == _SHARED_TRIAL:
            memos = [None if m is not None and len(m) > count // 4 else m for m in memos]
        yield row


def read_csv_grid(
    path: Path, *, display: str | None = None, lang: str | None = None, limits: Limits | None = None
) -> list[list[str]]:
    """All the cells of one CSV file, as text."""
    limits = limits_or_default(limits)
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            raise fatal(
                "file_too_large",
                display or path.name,
                lang=lang,
                size=size,
                limit=limits.file_bytes,
            )
        data = path.read_bytes()
    except OSError as error:
        raise fatal(
            "file_unreadable", display or path.name, lang=lang, detail=error.strerror or str(error)
        ) from error
    text, _encoding = decode(data, display=display or path.name, lang=lang)
    del data  # the text is what is read from here on
    if not text.strip():
        return []
    separator = sniff_separator(text)
    widest = csv.field_size_limit(limits.cell_bytes)  # a cell past the limit: csv.Error
    try:
        # A cell written formula-safe ("'=SUM(A1)", see io.export) reads back as it was.
        return list(
            _shared(
                [csv_unescape(c) if c[:1] == "'" else c for c in row]
                if "'" in "".join(row)
                else row
                for row in csv.reader(_lines(text), delimiter=separator)
            )
        )
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise fatal(
                "cell_too_large", display or path.name, lang=lang, limit=limits.cell_bytes
            ) from None
        raise fatal("csv_invalid", display or path.name, lang=lang, detail=str(error)) from error
    finally:
        csv.field_size_limit(widest)


def read_csv_folder(
    folder: Path,
    *,
    display: str,
    lang: str | None = None,
    log: ProblemLog | None = None,
    limits: Limits | None = None,
) -> RawWorkbook:
    """Read every ``*.csv`` / ``*.txt`` file of ``folder`` as one sheet named after the file."""
    files = sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in (".csv", ".tsv", ".txt")
    )
    if not files:
        raise fatal("folder_no_csv", display, lang=lang)
    raw = RawWorkbook(display, source_format="csv")
    for path in files:
        grid = read_csv_grid(path, display=f"{display}/{path.name}", lang=lang, limits=limits)
        raw.sheets.append(sheet_from_grid(path.stem, grid, own=True))
    return raw


def read_csv_file(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> RawWorkbook:
    """A single CSV file, read as a workbook of one sheet named after the file."""
    raw = RawWorkbook(display, source_format="csv")
    grid = read_csv_grid(path, display=display, lang=lang, limits=limits)
    raw.sheets.append(sheet_from_grid(path.stem, grid, own=True))
    return raw
