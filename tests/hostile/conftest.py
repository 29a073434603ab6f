"""The hostile corpus: broken and booby-trapped inputs, generated in code, and how to read them safely.

``forge`` builds the files (raw .xlsx archives written part by part, so that a
sheet can hold a far cell, a zip bomb or a lying central directory); ``guarded``
reads a file in a child process whose address space is capped, and reports how it
ended and the memory it took; ``untouched`` checks that a folder holds exactly the
same files, byte for byte, after a run.
"""

from __future__ import annotations

import hashlib
import os
import resource
import struct
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="acteurs" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData>"
)
SHEET_TAIL = b"</sheetData></worksheet>"
SHEET_PART = "xl/worksheets/sheet1.xml"


def inline(ref: str, value: str) -> str:
    """One cell holding ``value`` as an inline string."""
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'


def actor_rows(count: int = 3) -> bytes:
    """A header (nom, type) and ``count`` actors, as sheet rows."""
    rows = [f'<row r="1">{inline("A1", "nom")}{inline("B1", "type")}</row>']
    for i in range(2, count + 2):
        rows.append(
            f'<row r="{i}">{inline(f"A{i}", f"Acteur {i}")}{inline(f"B{i}", "association")}</row>'
        )
    return "".join(rows).encode()


def xlsx(path: Path, *parts: bytes | tuple[bytes, int]) -> Path:
    """An .xlsx of one sheet ``acteurs`` whose XML is ``parts`` (``(chunk, n)``: n times)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open(SHEET_PART, "w", force_zip64=True) as sheet:
            for part in parts:
                if isinstance(part, tuple):
                    for _ in range(part[1]):
                        sheet.write(part[0])
                else:
                    sheet.write(part)
    return path


def sheet_xlsx(path: Path, rows: bytes) -> Path:
    """An .xlsx whose ``acteurs`` sheet holds ``rows`` (row elements)."""
    return xlsx(path, SHEET_HEAD + rows + SHEET_TAIL)


def lie_about_sizes(path: Path, declared: int = 1000) -> Path:
    """Rewrite the central directory so that every part says it inflates to ``declared`` bytes."""
    data = bytearray(path.read_bytes())
    position = data.find(b"PK\x01\x02")
    while position != -1:
        size = struct.unpack_from("<I", data, position + 24)[0]
        if size != 0xFFFFFFFF:  # not a zip64 entry
            struct.pack_into("<I", data, position + 24, declared)
        else:  # the true size is in the zip64 extra field
            name_length, extra_length = struct.unpack_from("<HH", data, position + 28)
            extra = position + 46 + name_length
            end = extra + extra_length
            while extra < end:
                tag, length = struct.unpack_from("<HH", data, extra)
                if tag == 1:
                    struct.pack_into("<Q", data, extra + 4, declared)
                extra += 4 + length
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))
    return path


@dataclass
class Ending:
    """How a guarded read ended: its output line, its peak memory (MiB), its signal if killed."""

    line: str
    peak_mib: float
    signal: int | None


_CHILD = """
import sys, territoire_graphe as tg
try:
    t = tg.read(sys.argv[1])
    print("read", len(t.actors))
except tg.InputError as error:
    print("InputError", ",".join(sorted({p.code for p in error.problems})))
"""


def guarded(path: Path, *, cap_mib: int = 1536, timeout: float = 120) -> Ending:
    """Read ``path`` in a child process whose address space is capped at ``cap_mib``."""

    def limit() -> None:
        cap = cap_mib * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        preexec_fn=limit,
    )
    timer = threading.Timer(timeout, child.kill)  # a hang ends as a kill, and fails the test
    timer.start()
    try:
        out = child.stdout.read() if child.stdout else ""
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest one
    finally:
        timer.cancel()
        if child.stdout:
            child.stdout.close()  # the pipe, closed here (else a ResourceWarning, an error)
    child.returncode = os.waitstatus_to_exitcode(status)
    lines = out.strip().splitlines()
    killed = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    return Ending(lines[-1] if lines else "", usage.ru_maxrss / 1024, killed)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` -> the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def only_changed(
    before: dict[str, str], after: dict[str, str], allowed: Iterable[str] = ()
) -> set[str]:
    """The files added, removed or changed between two fingerprints, other than ``allowed``."""
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    return changed - set(allowed)


@pytest.fixture
def forge() -> SimpleNamespace:
    return SimpleNamespace(
        xlsx=xlsx,
        sheet_xlsx=sheet_xlsx,
        actor_rows=actor_rows,
        inline=inline,
        lie_about_sizes=lie_about_sizes,
        guarded=guarded,
        fingerprint=fingerprint,
        only_changed=only_changed,
        SHEET_HEAD=SHEET_HEAD,
        SHEET_TAIL=SHEET_TAIL,
    )


@pytest.fixture(autouse=True)
def _quiet_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERRITOIRE_GRAPHE_LANG", "fr")
    monkeypatch.delenv("PYTHONSTARTUP", raising=False)
    os.environ.setdefault("PYTHONHASHSEED", "0")
