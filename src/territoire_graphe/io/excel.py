"""Reading .xlsx, .xlsm, .xls and .ods workbooks (with python-calamine, ~10x faster than openpyxl).

Cells come as Python values (text, float, bool, date); text keeps its leading
zeros. Formulas give the value Excel last computed; nothing is ever executed.
The format is recognised from the file's content, so a workbook saved under the
wrong extension (an .ods named .xlsx...) is read all the same.

Reading is bounded (:mod:`.limits`): a zipped workbook is first inflated in chunks
and scanned (:mod:`.xlsx_scan`), and refused with a clear problem when it would
take far more memory than it holds, before calamine allocates anything.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import python_calamine

from .formulas import fill_in
from .limits import Limits, limits_or_default
from .problems import InputError, fatal
from .sheets import RawWorkbook, column_letter, paused_gc, sheet_from_grid
from .xlsx_scan import SheetScan, scan_archive

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and encrypted OOXML (an OLE container)
_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
# The stream an encrypted .xlsx keeps its content in, as named in the OLE directory (UTF-16).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def read_workbook(
    path: Path, *, display: str, lang: str | None = None, limits: Limits | None = None
) -> RawWorkbook:
    """Read every visible and hidden worksheet of a spreadsheet file into raw sheets."""
    suffix = path.suffix.lower()
    limits = limits_or_default(limits)
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            raise fatal("file_too_large", display, lang=lang, size=size, limit=limits.file_bytes)
        data = path.read_bytes()
    except OSError as error:
        raise fatal(
            "file_unreadable", display, lang=lang, detail=error.strerror or str(error)
        ) from error
    if not data:
        raise fatal("file_empty", display, lang=lang)
    is_ole = data.startswith(_OLE_MAGIC)
    if is_ole and _ENCRYPTED_STREAM in data:
        raise fatal("file_encrypted", display, lang=lang)
    if not is_ole and not data.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
        raise fatal("file_not_workbook", display, lang=lang, suffix=suffix)
    scans = {} if is_ole else _scan(data, limits=limits, display=display, lang=lang)
    book = _open(data, is_ole=is_ole, suffix=suffix, display=display, lang=lang)
    raw = RawWorkbook(display, source_format=suffix.lstrip("."))
    with paused_gc():
        try:
            for meta in book.sheets_metadata:
                if str(meta.typ) not in ("SheetTypeEnum.WorkSheet", "WorkSheet"):
                    continue  # chart sheets hold no cells
                sheet = book.get_sheet_by_name(meta.name)
                grid = sheet.to_python(skip_empty_area=False)
                formulas = scans[meta.name].formulas if meta.name in scans else {}
                if formulas:
                    fill_in(grid, formulas)
                _fill_merged(grid, sheet.merged_cell_ranges or [], meta.name, raw)
                raw.sheets.append(sheet_from_grid(meta.name, grid, own=True))
        except Exception as error:  # a damaged part of the file: never a traceback
            raise fatal("file_truncated", display, lang=lang, detail=_detail(error)) from error
        finally:
            book.close()
    return raw


def _scan(data: bytes, *, limits: Limits, display: str, lang: str | None) -> dict[str, SheetScan]:
    """The scan of a zipped workbook (sheet name -> scan); {} for a damaged archive.

    A damaged archive is left to calamine, which says what is wrong with it.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return {}
    with archive:
        try:
            return scan_archive(
                archive, file_size=len(data), limits=limits, display=display, lang=lang
            )
        except InputError:
            raise
        except Exception as error:  # zlib.error, a bad CRC, a cut part...: damaged
            raise fatal("file_truncated", display, lang=lang, detail=_detail(error)) from error


def _fill_merged(grid: list[list[Any]], ranges: list[Any], sheet: str, raw: RawWorkbook) -> None:
    """Give every cell of a merged range the value of its first cell (FORMAT.md).

    A range over several rows and several columns is noted: whether its value is
    meant for each row is a guess.
    """
    for (top, left), (bottom, right) in ranges:
        if top >= len(grid) or left >= len(grid[top]):
            continue
        value = grid[top][left]
        if value in ("", None):
            continue
        for row in range(top, min(bottom, len(grid) - 1) + 1):
            cells = grid[row]
            for column in range(left, right + 1):
                if column >= len(cells):
                    cells.extend([""] * (column + 1 - len(cells)))
                if cells[column] in ("", None):
                    cells[column] = value
        if bottom > top and right > left:
            where = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
            raw.notes.append(("merged_cells", {"sheet": sheet, "row": top + 1, "range": where}))


def _open(
    data: bytes, *, is_ole: bool, suffix: str, display: str, lang: str | None
) -> python_calamine.CalamineWorkbook:
    """Open the workbook, whatever its extension says; each failure is a clear error."""
    try:
        return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as error:
        raise fatal("file_encrypted", display, lang=lang) from error
    except Exception as error:
        problem: InputError
        if is_ole and suffix in (".xlsx", ".xlsm", ".ods"):
            # A modern workbook inside an OLE container is a password-protected one.
            problem = fatal("file_encrypted", display, lang=lang)
        elif isinstance(error, python_calamine.ZipError) or (not is_ole and _is_cut(data)):
            problem = fatal("file_truncated", display, lang=lang, detail=_detail(error))
        else:
            problem = fatal("file_not_workbook", display, lang=lang, suffix=suffix or "-")
        raise problem from error


def _is_cut(data: bytes) -> bool:
    """Whether a ZIP file is damaged (cut short...), rather than a sound archive of other files."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.namelist()
    except Exception:  # BadZipFile, zlib.error, NotImplementedError...: damaged
        return True
    return False


def _detail(error: Exception) -> str:
    detail = " ".join(str(error).split())
    return detail[:200] if detail else type(error).__name__
