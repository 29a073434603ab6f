"""How much a read may take: the bounds that keep a hostile or broken file from exhausting memory.

A file that would need far more memory than its content (a value in the last cell
of a sheet, a zip part that inflates to gigabytes, a cell of a billion characters,
a JSON nested a thousand levels deep) is refused with a clear problem instead of
crashing the process. The defaults let through every real territory we know of;
raise them for a file that really is that large::

    tg.read("huge.xlsx", limits=tg.Limits(inflated_bytes=4 * 2**30))

>>> Limits().sheet_cells
5000000
>>> Limits(cell_bytes=10).cell_bytes
10
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds of one read; every field can be raised (or lowered) by the caller.

    Parameters
    ----------
    file_bytes
        Size of the file itself (2 GiB).
    inflated_bytes
        Total size of the parts of a zipped workbook (.xlsx, .ods) once inflated (1 GiB).
    inflation_ratio
        Past 64 MiB inflated, how many times its own size a workbook may inflate to
        (200; real workbooks inflate 5 to 50 times, zip bombs a thousand times).
    sheet_cells
        Cells of a sheet's rectangle (from A1 to its last filled cell) allowed whatever
        its content (5 million). A larger rectangle is read only when at least a
        quarter of it is filled: one stray value in XFD1048576 would otherwise need
        hundreds of gigabytes.
    cell_bytes
        Size of one cell of a workbook or CSV file, or of one XML token of a GraphML
        or GEXF file (4 MB; Excel itself holds at most 32,767 characters in a cell).
    depth
        Nesting of a JSON, GraphML, GEXF or GML file (200 levels).
    number_digits
        Digits of one number in a JSON file (100).

    Every reader of :func:`~territoire_graphe.read` applies them: workbooks, CSV
    files and folders, Gephi folders, GraphML, GEXF, JSON, GML, Pajek and UCINET.

    Examples
    --------
    >>> Limits(sheet_cells=10).allows_sheet(rows=4, columns=4, filled=3)
    False
    >>> Limits(sheet_cells=10).allows_sheet(rows=4, columns=4, filled=10)
    True
    """

    file_bytes: int = 2 * 2**30
    inflated_bytes: int = 2**30
    inflation_ratio: int = 200
    sheet_cells: int = 5_000_000
    cell_bytes: int = 4_000_000
    depth: int = 200
    number_digits: int = 100

    #: Inflated size below which a workbook's inflation ratio is not looked at.
    RATIO_FLOOR = 64 * 2**20

    def allows_sheet(self, *, rows: int, columns: int, filled: int) -> bool:
        """Whether a sheet of ``rows`` x ``columns`` holding ``filled`` cells may be read."""
        area = rows * columns
        return area <= self.sheet_cells or area <= 4 * filled

    def inflated_cap(self, file_size: int) -> int:
        """Bytes a zipped file of ``file_size`` bytes may inflate to."""
        by_ratio = max(self.RATIO_FLOOR, self.inflation_ratio * file_size)
        return min(self.inflated_bytes, by_ratio)


DEFAULT_LIMITS = Limits()


def limits_or_default(limits: Limits | None) -> Limits:
    """``limits``, or the defaults when None."""
    return DEFAULT_LIMITS if limits is None else limits
