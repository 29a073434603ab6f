"""Writing safely: never over an input, never half a file.

Users run the command line on the only copy of their data. So every command
resolves its paths (following links) and refuses an output that is one of its
inputs (:func:`same_file`, :func:`refused_outputs`); and every writer goes through
:func:`write_bytes` / :func:`write_text` / :func:`atomic_path`: the content goes to a
temporary file in the target's folder, which is renamed over the target only once
complete, so an interrupted run leaves the old file (or none), never half a file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_text(folder / "a.txt", "bonjour")
PosixPath('...a.txt')
>>> (folder / "a.txt").read_text(), sorted(p.name for p in folder.iterdir())
('bonjour', ['a.txt'])
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

PathLike = str | os.PathLike[str]

# Command-line arguments naming files that are read, and those naming files that are written.
INPUT_ARGUMENTS = (
    "workbook",
    "workbooks",
    "before",
    "after",
    "answers",
    "roster",
    "inputs",
    "sources",
    "positions",
    "review",
)
OUTPUT_ARGUMENTS = ("output", "path")


def _key(path: PathLike) -> tuple[str, int, int] | str:
    """What identifies a file: its device and inode when it exists, else its resolved path."""
    resolved = Path(path).expanduser().resolve()
    with contextlib.suppress(OSError):
        status = resolved.stat()
        return ("inode", status.st_dev, status.st_ino)  # hard links and case-folding too
    return os.path.normcase(str(resolved))


def same_file(first: PathLike, second: PathLike) -> bool:
    """Whether two paths name the same file (after links, ``..``, and on the same device).

    >>> same_file("a/../b.xlsx", "b.xlsx")
    True
    >>> same_file("a.xlsx", "b.xlsx")
    False
    """
    return _key(first) == _key(second)


def refused_outputs(
    inputs: Iterable[PathLike], outputs: Iterable[PathLike]
) -> list[tuple[str, str]]:
    """Each (output, input) pair where an output is one of the inputs, or inside an input folder.

    >>> refused_outputs(["t.xlsx"], ["./t.xlsx", "carte.html"])
    [('./t.xlsx', 't.xlsx')]
    """
    found = []
    read = [(str(p), _key(p), Path(p).expanduser().resolve()) for p in inputs]
    for output in outputs:
        key = _key(output)
        target = Path(output).expanduser().resolve()
        for shown, input_key, folder in read:
            if key == input_key or (
                folder.is_dir()
                and target.parent == folder
                and target.suffix.lower() in (".csv", ".tsv", ".txt")
            ):
                found.append((str(output), shown))
                break
    return found


def command_paths(args: Any) -> tuple[list[str], list[str]]:
    """The files a parsed command reads and writes, from its usual argument names."""

    def values(names: Sequence[str]) -> list[str]:
        out: list[str] = []
        for name in names:
            value = getattr(args, name, None)
            if isinstance(value, str | os.PathLike):
                out.append(os.fspath(value))
            elif isinstance(value, list | tuple):
                out.extend(os.fspath(v) for v in value if isinstance(v, str | os.PathLike))
        return out

    return values(INPUT_ARGUMENTS), values(OUTPUT_ARGUMENTS)


@contextlib.contextmanager
def atomic_path(path: PathLike) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed over it when the block ends without error.

    For writers that want a file name (``figure.savefig``, ``workbook.save``). The
    temporary file keeps the target's extension, so writers that look at it still can.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=folder
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        if target.exists():  # keep the existing file's permissions
            with contextlib.suppress(OSError):
                os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            _default_mode(temporary)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _default_mode(path: Path) -> None:
    """The permissions a file created with ``open()`` would have (mkstemp makes it 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~mask)


def write_bytes(path: PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (a temporary file, then a rename)."""
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)
    return Path(path)


def write_text(
    path: PathLike, content: str, *, encoding: str = "utf-8", newline: str | None = None
) -> Path:
    """Write ``content`` to ``path`` atomically, as :meth:`Path.write_text` would."""
    with (
        atomic_path(path) as temporary,
        temporary.open("w", encoding=encoding, newline=newline) as handle,
    ):
        handle.write(content)
    return Path(path)
