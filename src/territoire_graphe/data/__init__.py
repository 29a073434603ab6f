"""Sample territories bundled with the package (so ``territoire-graphe demo`` works anywhere).

>>> sorted(p.name for p in samples())[:1]
['colombelles_tzcld.xlsx']
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLES_DIR = Path(str(resources.files(__package__) / "samples"))
DEMO_SAMPLE = "pays_de_bray_2024.xlsx"


def sample_path(name: str = DEMO_SAMPLE) -> Path:
    """The path of a bundled sample territory (a workbook, or a folder of CSV files).

    Parameters
    ----------
    name : str, default "pays_de_bray_2024.xlsx"
        The sample's file or folder name (see :func:`samples`).

    Returns
    -------
    pathlib.Path
        Where the sample is, inside the installed package.

    Raises
    ------
    FileNotFoundError
        If there is no such sample; the message lists those there are.

    Examples
    --------
    >>> sample_path("colombelles_tzcld.xlsx").name
    'colombelles_tzcld.xlsx'
    >>> sample_path("nowhere.xlsx")
    Traceback (most recent call last):
    ...
    FileNotFoundError: No sample 'nowhere.xlsx'; available: colombelles_tzcld.xlsx, ...
    """
    path = SAMPLES_DIR / name
    if not path.exists():
        available = ", ".join(sorted(p.name for p in samples()))
        raise FileNotFoundError(f"No sample {name!r}; available: {available}")
    return path


def samples() -> list[Path]:
    """Every bundled sample workbook and CSV folder, sorted by name.

    Returns
    -------
    list of pathlib.Path
        The samples' paths.

    Examples
    --------
    >>> "pays_de_bray_2023.xlsx" in [p.name for p in samples()]
    True
    """
    return sorted(
        p
        for p in SAMPLES_DIR.iterdir()
        if p.suffix in (".xlsx", ".ods") or (p.is_dir() and not p.name.startswith("_"))
    )
