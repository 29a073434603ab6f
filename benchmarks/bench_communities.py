"""Louvain at regional sizes: networkx against scikit-network (the ``fast`` extra).

Usage::

    python benchmarks/bench_communities.py               # 1,000, 5,000, 10,000 actors
    python benchmarks/bench_communities.py 50000

The analysis graph of ``bench_complementarity.build`` (n actors, 3n relations); each
implementation is timed on it with the same seed (0), and the modularity of its
partition is printed (issue 14: within 1 % of networkx's).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_complementarity import build

from territoire_graphe.analysis.communities import louvain


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv if a.isdigit()] or [1000, 5000, 10000]
    print(f"load average: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    print(f"{'actors':>7} {'networkx s':>10} {'Q':>7} {'k':>5} {'sknetwork s':>11} {'Q':>7} "
          f"{'k':>5} {'Q ratio':>7}")
    for n in sizes:
        graph = build(n, 0).analysis_graph
        found = {}
        for name in ("networkx", "scikit-network"):
            started = time.perf_counter()
            result = louvain(graph, seed=0, implementation=name)
            found[name] = (time.perf_counter() - started, result.modularity,
                           int(result.labels.max()))
        (a, qa, ka), (b, qb, kb) = found["networkx"], found["scikit-network"]
        print(f"{n:>7} {a:>10.2f} {qa:>7.4f} {ka:>5} {b:>11.2f} {qb:>7.4f} {kb:>5} "
              f"{qb / qa:>7.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
