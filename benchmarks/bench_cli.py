"""How fast does the command line start? (issue 12: ``--help`` < 1 s, ``check`` of a sample < 2 s)

Runs ``territoire-graphe --help`` and ``territoire-graphe check`` of a bundled sample
(the Pays de Bray, 52 actors) in fresh Python processes, as a user would, and prints the
median and best wall-clock times; also what ``import territoire_graphe`` and
``import territoire_graphe.cli`` cost alone, and which heavy libraries each loads.

    python benchmarks/bench_cli.py
    python benchmarks/bench_cli.py --repeat 9
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

HEAVY = ("pandas", "networkx", "numpy", "scipy", "openpyxl", "matplotlib", "docx")


def timed(code: str, *args: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *args], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def loaded(code: str) -> list[str]:
    probe = code + f"\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=False).stdout.strip().splitlines()
    return out[-1].split() if out else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from territoire_graphe.data import sample_path

    sample = str(sample_path("pays_de_bray_2024.xlsx"))
    run_cli = "import sys; from territoire_graphe.cli import main; sys.exit(main(sys.argv[1:]))"
    cases = [
        ("python -c pass (the interpreter alone)", "pass", ()),
        ("import territoire_graphe", "import territoire_graphe", ()),
        ("import territoire_graphe.cli", "import territoire_graphe.cli", ()),
        ("territoire-graphe --help", run_cli, ("--help",)),
        ("territoire-graphe check pays_de_bray_2024.xlsx", run_cli, ("check", sample)),
    ]
    print(f"{'what':<50} {'median':>8} {'best':>8}   heavy modules loaded")
    for label, code, extra in cases:
        times = timed(code, *extra, repeat=args.repeat)
        heavy = " ".join(loaded(code)) if not extra else ""
        print(f"{label:<50} {statistics.median(times):>7.2f}s {min(times):>7.2f}s   {heavy}")


if __name__ == "__main__":
    main()
