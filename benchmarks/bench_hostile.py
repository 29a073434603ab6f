"""Time and peak memory of reading hostile and very large inputs (issue 9: bounded reading).

Generates, under ``/tmp/tg_hostile/`` (or ``--folder``), then reads each in a child
process whose address space is capped (``--cap-gb``, default 6), and prints the wall
time, the child's peak resident memory and how the read ended:

- ``far_cell.xlsx``: a small actors sheet and one space in cell XFD1048576;
- ``far_cell_all.xlsx``: the same with the value in cell ALL200000;
- ``zip_bomb.xlsx``: a ~4 MB workbook whose sheet inflates to 4 GB (blank padding);
- ``big_cell.xlsx``: a ~1.5 MB workbook holding one 1.5 GB cell;
- ``acteurs.csv``: a 200 MB actors file (about 2.7 million actors).

    python benchmarks/bench_hostile.py                 # every case
    python benchmarks/bench_hostile.py far_cell zip_bomb --cap-gb 4
    python benchmarks/bench_hostile.py acteurs --csv-mb 50
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

_CHILD = """
import sys, territoire_graphe as tg
try:
    t = tg.read(sys.argv[1])
    print("read", len(t.actors), "actors")
except tg.InputError as error:
    print("InputError", ",".join(sorted({p.code for p in error.problems})))
"""

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="acteurs" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<sheetData>')
_SHEET_TAIL = "</sheetData></worksheet>"


def _inline(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'


def _actor_rows() -> str:
    rows = [f'<row r="1">{_inline("A1", "nom")}{_inline("B1", "type")}</row>']
    for i in range(2, 6):
        rows.append(f'<row r="{i}">{_inline(f"A{i}", f"Acteur {i}")}'
                    f'{_inline(f"B{i}", "association")}</row>')
    return "".join(rows)


def write_xlsx(path: Path, sheet_parts: list[bytes | tuple[bytes, int]]) -> Path:
    """An .xlsx of one sheet ``acteurs`` whose XML is the given parts; ``(chunk, n)`` repeats."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for part in sheet_parts:
                if isinstance(part, tuple):
                    chunk, count = part
                    for _ in range(count):
                        sheet.write(chunk)
                else:
                    sheet.write(part)
    return path


def far_cell(folder: Path, ref: str, name: str) -> Path:
    row = int("".join(c for c in ref if c.isdigit()))
    stray = f'<row r="{row}">{_inline(ref, " ")}</row>'
    return write_xlsx(folder / name, [(_SHEET_HEAD + _actor_rows() + stray + _SHEET_TAIL).encode()])


def zip_bomb(folder: Path, gigabytes: float = 4.0) -> Path:
    chunk = b" " * (1 << 20)
    count = int(gigabytes * 1024)
    return write_xlsx(folder / "zip_bomb.xlsx", [(_SHEET_HEAD + _actor_rows()).encode(),
                                                 (chunk, count), _SHEET_TAIL.encode()])


def big_cell(folder: Path, gigabytes: float = 1.5) -> Path:
    head = (_SHEET_HEAD + _actor_rows()
            + '<row r="6"><c r="A6" t="inlineStr"><is><t>').encode()
    chunk = b"a" * (1 << 20)
    return write_xlsx(folder / "big_cell.xlsx", [head, (chunk, int(gigabytes * 1024)),
                                                 b"</t></is></c></row>" + _SHEET_TAIL.encode()])


def actors_csv(folder: Path, megabytes: int = 200) -> Path:
    path = folder / f"csv_{megabytes}mb" / "acteurs.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size >= megabytes * 1_000_000:
        return path
    towns = ("Lille", "Roubaix", "Tourcoing", "Songeons", "Caen", "Lens")
    kinds = ("association", "entreprise", "commune", "fondation")
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write("id;nom;type;commune;secteur;influence\r\n")
        i = 0
        while handle.tell() < megabytes * 1_000_000:
            lines = [f"A{n:07d};Acteur numéro {n};{kinds[n % 4]};{towns[n % 6]};"
                     f"secteur {n % 17};{n % 6}\r\n" for n in range(i, i + 10_000)]
            handle.write("".join(lines))
            i += 10_000
    return path


def measure(path: Path, cap_gb: float) -> tuple[float, float, str]:
    """Seconds, peak resident GB of a child reading ``path`` and its last line of output."""
    def limit() -> None:
        cap = int(cap_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, preexec_fn=limit)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    out = (child.stdout.read() if child.stdout else "").strip().splitlines()
    err = (child.stderr.read() if child.stderr else "").strip().splitlines()
    if os.WIFSIGNALED(status):
        ending = f"killed by signal {os.WTERMSIG(status)}"
    elif out:
        ending = out[-1]
    else:
        ending = (err[-1] if err else "?")[:100]
    return elapsed, usage.ru_maxrss / 2**20, ending


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*",
                        default=["far_cell", "far_cell_all", "zip_bomb", "big_cell", "acteurs"])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/tg_hostile"))
    parser.add_argument("--cap-gb", type=float, default=6.0)
    parser.add_argument("--csv-mb", type=int, default=200)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    makers = {
        "far_cell": lambda: far_cell(args.folder, "XFD1048576", "far_cell.xlsx"),
        "far_cell_all": lambda: far_cell(args.folder, "ALL200000", "far_cell_all.xlsx"),
        "zip_bomb": lambda: zip_bomb(args.folder),
        "big_cell": lambda: big_cell(args.folder),
        "acteurs": lambda: actors_csv(args.folder, args.csv_mb),
    }
    print(f"{'case':<14} {'file MB':>9} {'seconds':>8} {'peak GB':>8}  ending (cap {args.cap_gb} GB)")
    for case in args.cases:
        path = makers[case]()
        seconds, peak, ending = measure(path, args.cap_gb)
        size = path.stat().st_size / 1e6
        print(f"{case:<14} {size:>9.2f} {seconds:>8.1f} {peak:>8.2f}  {ending}", flush=True)


if __name__ == "__main__":
    main()
