"""Time and peak memory of a normal read (issue 9: "a small multiple of the file's content").

Each measure runs in a child process, whose peak resident memory (``ru_maxrss``) is
printed with its wall time and the ratio peak / file size:

- ``read``: :func:`territoire_graphe.read` of an ``acteurs.csv`` of 20 MB (about 320,000
  actors; ``--big``: also 200 MB, 3.2 million actors), made like ``bench_hostile.py``'s;
- ``check``: the command line's ``territoire-graphe check`` of the same file;
- ``--regional N``: ``read`` then :func:`~territoire_graphe.diagnose` of the territory of
  ``bench_end_to_end.py`` with N actors (issue 14: 50,000 actors under 3 GB).

``--compare SRC`` runs each measure twice, interleaved: with the package under
``SRC/src`` (``git archive <commit> | tar -x -C SRC``), then with this tree's.
Run the large ones under the machine's lock: ``flock /tmp/bigbench.lock python ...``.

    python benchmarks/bench_memory.py                      # 20 MB: read and check
    python benchmarks/bench_memory.py --big                # and 200 MB
    python benchmarks/bench_memory.py --regional 50000 --only regional
    python benchmarks/bench_memory.py --compare /tmp/before
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

_READ = "import sys, territoire_graphe as tg; t = tg.read(sys.argv[1]); print(len(t.actors))"
_CHECK = "import sys; from territoire_graphe.cli import main; sys.exit(main(['check', sys.argv[1]]))"
_REGIONAL = """
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from bench_complementarity import build
import territoire_graphe as tg
n = int(sys.argv[1])
folder = Path(tempfile.mkdtemp(prefix=f"bench_memory_{n}_"))
tg.to_csv(build(n, n // 10), folder / "territoire")
del build
import gc; gc.collect()
import resource
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
t = tg.read(folder / "territoire")
read = time.perf_counter() - started
d = tg.diagnose(t)
print(f"read {read:.1f} s, diagnose {time.perf_counter() - started - read:.1f} s"
      f" (peak before reading {before:.0f} MB)")
"""


def actors_csv(megabytes: int) -> Path:
    """The ``acteurs.csv`` of ``bench_hostile.py`` (made once under /tmp/tg_hostile)."""
    sys.path.insert(0, str(HERE))
    from bench_hostile import actors_csv as make

    return make(Path("/tmp/tg_hostile"), megabytes)


def measure(code: str, args: list[str], src: Path | None) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB of a child running ``code`` and its last line."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src / "src") + os.pathsep + env.get("PYTHONPATH", "")
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=out, stderr=err, text=True, env=env
        )
        _, _, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        lines = (out.read().strip() or err.read().strip() or "?").splitlines()
    return elapsed, usage.ru_maxrss / 1024, lines[-1][:90]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true", help="also the 200 MB file")
    parser.add_argument("--regional", type=int, default=0, help="read + diagnose of N actors")
    parser.add_argument("--only", choices=("read", "check", "regional"), action="append")
    parser.add_argument("--compare", type=Path, help="a tree to measure first, interleaved")
    args = parser.parse_args()
    only = set(args.only or ("read", "check", "regional"))
    trees = [("before", args.compare), ("after", None)] if args.compare else [("", None)]
    print(f"load average {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    print(f"{'tree':<7} {'what':<18} {'file MB':>8} {'seconds':>8} {'peak MB':>8} {'ratio':>6}  end")
    cases: list[tuple[str, str, list[str], float]] = []
    for megabytes in (20, 200) if args.big else (20,):
        path = actors_csv(megabytes)
        size = path.stat().st_size / 2**20
        if "read" in only:
            cases.append((f"read {megabytes} MB", _READ, [str(path)], size))
        if "check" in only:
            cases.append((f"check {megabytes} MB", _CHECK, [str(path)], size))
    if args.regional and "regional" in only:
        cases.append((f"read+diagnose {args.regional}", _REGIONAL, [str(args.regional), str(HERE)], 0))
    for label, code, child_args, size in cases:
        for tree, src in trees:
            seconds, peak, end = measure(code, child_args, src)
            ratio = f"{peak / size:>6.1f}" if size else f"{'-':>6}"
            print(f"{tree:<7} {label:<18} {size:>8.1f} {seconds:>8.1f} {peak:>8.0f} {ratio}  {end}",
                  flush=True)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
