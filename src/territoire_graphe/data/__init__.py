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
    """The path of a bundled sample (a workbook, or a CSV folder)."""
    path = SAMPLES_DIR / name
    if not path.exists():
        available = ", ".join(sorted(p.name for p in samples()))
        raise FileNotFoundError(f"No sample {name!r}; available: {available}")
    return path


def samples() -> list[Path]:
    """Every bundled sample workbook and CSV folder, sorted by name."""
    return sorted(p for p in SAMPLES_DIR.iterdir()
                  if p.suffix in (".xlsx", ".ods") or (p.is_dir() and not p.name.startswith("_")))
