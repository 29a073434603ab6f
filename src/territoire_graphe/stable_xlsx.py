"""Workbooks that come out byte for byte the same: fixed dates in the archive and the properties.

openpyxl stamps the time of saving in ``docProps/core.xml`` and in every zip entry;
rewriting them makes the same content give the same file (the template, the
report, the comparison and evolution workbooks).

>>> import openpyxl
>>> def saved():
...     book = openpyxl.Workbook(); book.active["A1"] = "x"
...     buffer = io.BytesIO(); book.save(buffer); return stable_zip(buffer.getvalue())
>>> saved() == saved()
True
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

FIXED_TIME = dt.datetime(2000, 1, 1)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_CORE_DATE = re.compile(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:)")


def stable_zip(raw: bytes, *, when: dt.datetime = FIXED_TIME) -> bytes:
    """The same .xlsx archive with fixed timestamps, so equal workbooks give equal bytes."""
    out = io.BytesIO()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    zip_time = when.timetuple()[:6]
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=zip_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            member.create_system = 0
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                content = _CORE_DATE.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            target.writestr(member, content)
    return out.getvalue()
