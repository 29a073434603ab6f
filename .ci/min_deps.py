"""The oldest versions the package says it works with, pinned and then checked.

``python .ci/min_deps.py pins`` prints the constraints (``name==floor``) of the dependencies of
``pyproject.toml`` (the core and the optional extras that change what the package does);
``python .ci/min_deps.py verify`` fails unless each installed version is exactly its floor,
so a floor that pip could not honour is never reported as tested (after OSMnx's
``verify_min_deps.py``).
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

EXTRAS = ("fast", "image", "dask", "progress")
_FLOOR = re.compile(r"^\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*>=\s*([0-9][0-9A-Za-z.]*)\s*(?:,.*)?$")


def floors(pyproject: Path) -> list[tuple[str, str, str]]:
    """(name, extras, floor) of every dependency with a ``>=`` floor."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    found = []
    for line in [*project["dependencies"],
                 *(d for extra in EXTRAS for d in project["optional-dependencies"][extra])]:
        match = _FLOOR.match(line)
        if match is None:
            raise SystemExit(f"no '>=' floor in the dependency {line!r}")
        found.append((match.group(1), match.group(2) or "", match.group(3)))
    return found


def _same(installed: str, floor: str) -> bool:
    def parts(v: str) -> list[int]:
        numbers = [int(p) for p in re.findall(r"\d+", v)]
        while numbers and numbers[-1] == 0:
            numbers.pop()
        return numbers
    return parts(installed) == parts(floor)


def main(argv: list[str]) -> int:
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    if argv[1:] == ["pins"]:
        for name, extras, floor in floors(pyproject):
            print(f"{name}=={floor}")  # a constraints file: no extras
            if name == "dask" and "distributed" in extras:
                print(f"distributed=={floor}")  # released together, same numbers
        return 0
    if argv[1:] == ["verify"]:
        wrong = []
        for name, _extras, floor in floors(pyproject):
            try:
                installed = version(name)
            except PackageNotFoundError:
                installed = "(not installed)"
            if not _same(installed, floor):
                wrong.append(f"{name}: floor {floor}, installed {installed}")
        for line in wrong:
            print(line, file=sys.stderr)
        print(f"{len(floors(pyproject)) - len(wrong)} dependencies at their floor, "
              f"{len(wrong)} not")
        return 1 if wrong else 0
    print("usage: python .ci/min_deps.py pins|verify", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
