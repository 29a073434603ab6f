"""Comparing territories (:func:`compare`) and two dates of one territory (:func:`diff`).

:func:`compare` reads and measures many territories in parallel, through any
:class:`concurrent.futures.Executor` (a local process pool by default, or a Dask
distributed client's executor), and returns one row of indicators per territory.
:func:`diff` and :class:`Evolution` live in :mod:`territoire_graphe.evolution`.

>>> import territoire_graphe as tg
>>> from territoire_graphe.comparison import compare
>>> table = compare([tg.sample_path("pays_de_bray_2023.xlsx"),
...                  tg.sample_path("pays_de_bray_2024.xlsx")])
>>> table[["actors", "isolated"]].values.tolist()
[[51, 3], [52, 2]]
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .analysis import centrality, communities, groups, structure
from .analysis.complementarity import complementarities
from .comparison_table import Comparison
from .diagnosis import Diagnosis, network_indicators
from .evolution import Evolution, date_label, diff
from .findings import join_names
from .io import CSV_SUFFIXES, WORKBOOK_SUFFIXES, read
from .io.problems import InputError, Problem
from .messages import format_number, resolve_lang, text
from .model import Territory
from .provenance import output_provenance

#: Sizes (actor counts) within this ratio (largest / smallest) compare; beyond, a warning.
SIZE_RATIO = 3.0
#: Indicators that stay comparable when sizes differ: shares and indices bounded by -1..1.
SIZE_INDEPENDENT = (
    "density",
    "isolated_share",
    "ei_index_type",
    "degree_centralization",
    "cross_type_share",
    "modularity",
)
#: Up to this many *small* territories are measured in-process, without starting a pool.
IN_PROCESS_MAX = 2
#: A territory is small up to this many nodes (actors, collectives, people) ...
SMALL_NODES = 1_000
#: ... or, given as a path, up to this many bytes on disk.
SMALL_BYTES = 2_000_000
#: ``progress=None`` shows a bar beyond this many territories (when stderr is a terminal).
PROGRESS_MIN = 20
#: Files of a folder that are read as territories (besides CSV folders inside it).
TERRITORY_SUFFIXES = (*WORKBOOK_SUFFIXES, ".graphml", ".gexf")

TerritoryLike = Territory | Diagnosis | str | os.PathLike


def compare(
    territories: TerritoryLike | Iterable[TerritoryLike],
    *,
    executor: cf.Executor | None = None,
    lang: str | None = None,
    progress: bool | None = None,
    errors: Literal["raise", "skip"] = "raise",
    seed: int = 0,
    permutations: int = 0,
) -> Comparison:
    """One row of indicators per territory, to compare territories or dates side by side.

    ``territories``: Territory (or Diagnosis) objects, paths of workbooks or CSV folders
    (anything :func:`~territoire_graphe.read` reads), or folders holding them -- every
    workbook, GraphML or GEXF file and CSV folder inside, sorted by name --, mixed. A folder
    that holds CSV files itself is one territory.

    Index: the territory names (two equal names get their date, or " (2)", " (3)"...).
    Columns: ``date``, ``source`` (the path read, or ``Territory.source``), the names of
    ``Diagnosis.indicators`` (FORMAT.md: ``actors``, ``relations``, ``density``...), computed
    exactly as :func:`~territoire_graphe.diagnose` does with the same ``seed``, and
    ``size_comparable``. The E-I index's permutation test is skipped (``permutations=0``):
    its p-value tells whether one territory's groups keep to themselves more than chance,
    not how territories compare; with ``permutations > 0`` the column
    ``ei_index_type_p_value`` is added.

    Sizes: counts, distances and centralization of betweenness depend on the number of
    actors. When the largest territory has more than ``SIZE_RATIO`` (3) times the actors of
    the smallest, a warning names the territories outside the largest group whose sizes
    stay within that ratio; they get ``size_comparable = False``, and the sentence is kept
    in ``table.attrs["warnings"]``. The indicators that remain comparable are the shares and
    indices of ``SIZE_INDEPENDENT``: ``density``, ``isolated_share``, ``ei_index_type``,
    ``degree_centralization``, ``cross_type_share``, ``modularity`` (density still tends
    to fall as networks grow: people keep a limited number of partners).

    Parallelism: each territory is read and measured by a top-level function that returns
    only its row, through ``executor`` (any :class:`concurrent.futures.Executor`, e.g.
    ``ThreadPoolExecutor``, or ``distributed.Client(...).get_executor()``; the
    caller shuts it down). By default, a ``ProcessPoolExecutor`` with one worker per CPU,
    except for at most ``IN_PROCESS_MAX`` (2) small territories (up to 1,000 nodes, or
    2 MB on disk), measured in-process: starting a pool costs more than they do.

    ``errors``: with ``"raise"`` (default), every territory is tried, then one
    :class:`~territoire_graphe.InputError` lists the problems of all the unreadable ones;
    with ``"skip"``, their rows are left out, a warning names them, and
    ``table.attrs["skipped"]`` lists them. ``progress``: a tqdm bar (extra ``progress``);
    ``None`` shows it for more than 20 territories when stderr is a terminal.

    Parameters
    ----------
    territories : Territory, Diagnosis, path, or an iterable of them
        What to compare; a folder stands for the territories inside it.
    executor : concurrent.futures.Executor, optional
        Where each territory is measured (default: a process pool, or in-process for a
        few small territories).
    lang : str, optional
        Language of the warnings and errors (default: ``$TERRITOIRE_GRAPHE_LANG``, else
        French).
    progress : bool, optional
        Show a progress bar (needs the ``progress`` extra); None decides from the count.
    errors : {"raise", "skip"}, default "raise"
        What an unreadable territory does: stop with every problem listed, or leave its
        row out with a warning.
    seed : int, default 0
        Seed of the community detection and of the permutations.
    permutations : int, default 0
        Permutations of the E-I test per territory (0: no p-value column).

    Returns
    -------
    Comparison
        A :class:`pandas.DataFrame`, one row per territory, whose typed ``provenance``
        (version, inputs, parameters), ``warnings`` and ``skipped`` say how it was made
        (``attrs`` still holds ``warnings`` and ``skipped``).

    Raises
    ------
    InputError
        With ``errors="raise"``, the problems of every territory that could not be read.
    ValueError
        If ``errors`` is neither ``"raise"`` nor ``"skip"``.

    Warns
    -----
    UserWarning
        When territories were skipped, or differ too much in size to compare counts.

    Notes
    -----
    Graph: the analysis graph of each territory, as :func:`~territoire_graphe.diagnose`.
    Normalised: as the indicators of ``Diagnosis.indicators`` (FORMAT.md); the counts are
    not, hence ``size_comparable``.
    Reference: each indicator's own (see :func:`~territoire_graphe.diagnose`); comparing
    counts only between territories of similar size (``size_ratio``) is this package's rule.

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> from territoire_graphe.data import samples
    >>> table = compare(samples())
    >>> list(table.index)[:2]
    ['Colombelles TZCLD', 'Lens-Liévin : alimentation']
    >>> {"density", "isolated_share", "ei_index_type", "size_comparable"} <= set(table.columns)
    True
    """
    lang = resolve_lang(lang)
    if errors not in ("raise", "skip"):
        raise ValueError(text("compare.error.errors_option", lang, value=errors))
    items = expand(territories)
    if not items:
        raise ValueError(text("compare.error.empty", lang))
    results = _run(items, executor, lang, progress, seed, permutations)
    failed = [r for r in results if isinstance(r, _Failed)]
    notes: list[str] = []
    if failed and errors == "raise":
        raise InputError([p for f in failed for p in f.problems], lang=lang)
    if failed:
        labels = [f.label for f in failed]
        note = text(
            "compare.warning.skipped",
            lang,
            count=len(failed),
            names=join_names(labels, lang, limit=10),
        )
        details = "\n".join(f"  - {p}" for f in failed for p in f.problems)
        warnings.warn(f"{note}\n{details}", UserWarning, stacklevel=2)
        notes.append(note)
    table = _table([r for r in results if not isinstance(r, _Failed)])
    size_note = _size_check(table, lang)
    if size_note:
        warnings.warn(size_note, UserWarning, stacklevel=2)
        notes.append(size_note)
    table.warnings, table.skipped = tuple(notes), tuple(f.label for f in failed)
    table.attrs.update({"warnings": notes, "skipped": list(table.skipped)})  # as before
    inputs = [
        {"name": name, "date": None if pd.isna(date) else date, "source": source}
        for name, date, source in zip(table.index, table["date"], table["source"], strict=True)
    ]
    table.provenance = output_provenance(
        "comparison",
        inputs,
        seed=seed,
        permutations=permutations,
        size_ratio=SIZE_RATIO,
        size_independent=list(SIZE_INDEPENDENT),
    )
    return table


# -- the work done for one territory (runs in a worker process) ----------------------------
@dataclass(frozen=True)
class _Failed:
    """A territory that could not be read: its label and the problems (picklable)."""

    label: str
    problems: tuple[Problem, ...]


def territory_indicators(t: Territory, *, seed: int = 0, permutations: int = 0) -> pd.Series:
    """The figures of ``Diagnosis.indicators`` without the rest of the diagnosis.

    Same helpers, same figures as :func:`~territoire_graphe.diagnose` with the same
    ``seed``; without permutations (default) ``ei_index_type_p_value`` is left out.
    About ten times faster than a full diagnosis: no findings, key players, brokerage,
    constraint or link suggestions.

    >>> import territoire_graphe as tg
    >>> t = tg.read(tg.sample_path("pays_de_bray_2023.xlsx"))
    >>> round(territory_indicators(t)["density"], 4)
    0.0596
    """
    graph = t.analysis_graph
    found = communities.louvain(graph, seed=seed)
    mix = groups.mixing_table(graph, by="type", permutations=permutations, seed=seed)
    bridge_list = sorted(tuple(sorted((str(u), str(v)))) for u, v in structure.bridges(graph))
    actors = pd.DataFrame(
        {
            "type": t.actors["type"],
            "betweenness": centrality.betweenness(graph, seed=seed),
            "community": found.labels,
            "is_articulation_point": structure.articulation_points(graph),
        }
    )
    matches = complementarities(t) if len(t.resources) and len(t.needs) else pd.DataFrame()
    values = network_indicators(t, graph, actors, found.modularity, mix, bridge_list, matches)
    return values if permutations > 0 else values.drop("ei_index_type_p_value")


def territory_row(
    item: Territory | str | os.PathLike, lang: str = "fr", seed: int = 0, permutations: int = 0
) -> pd.Series | _Failed:
    """Read (if needed) and measure one territory: its row of the comparison table.

    Top-level so that process pools and Dask can pickle it; returns only the small
    Series (named after the territory, with ``date`` and ``source`` first), or the
    reading problems.
    """
    if isinstance(item, Territory):
        t, source = item, item.source
    else:
        path = Path(item)
        try:
            t = read(path, lang=lang)
        except InputError as error:
            return _Failed(path.name or str(path), tuple(error.problems))
        source = str(path)
    values = territory_indicators(t, seed=seed, permutations=permutations)
    head = pd.Series({"date": t.date, "source": source}, dtype=object)
    return pd.concat([head, values.astype(object)]).rename(t.name)


# -- inputs ---------------------------------------------------------------------------------
def expand(territories: TerritoryLike | Iterable[TerritoryLike]) -> list:
    """The territories to compare, folders of territories replaced by their content.

    >>> from territoire_graphe.data import SAMPLES_DIR
    >>> [p.name for p in expand(SAMPLES_DIR)][-1]
    'voisinerie_wazemmes_csv'
    """
    if isinstance(territories, Territory | Diagnosis | str | os.PathLike):
        territories = [territories]
    items: list = []
    for item in territories:
        if isinstance(item, Territory | Diagnosis):
            items.append(item.territory if isinstance(item, Diagnosis) else item)
            continue
        path = Path(item)
        if path.is_dir() and not _is_territory_folder(path):
            items.extend(_folder_content(path))
        else:
            items.append(path)
    return items


def _is_territory_folder(path: Path) -> bool:
    return any(p.is_file() and p.suffix.lower() in CSV_SUFFIXES for p in path.iterdir())


def _folder_content(path: Path) -> list[Path]:
    found = []
    for entry in sorted(path.iterdir(), key=lambda p: p.name):
        if entry.name.startswith((".", "~$", "_")):
            continue  # hidden files, Excel lock files, caches
        if (
            entry.suffix.lower() in TERRITORY_SUFFIXES
            if entry.is_file()
            else entry.is_dir() and _is_territory_folder(entry)
        ):
            found.append(entry)
    return found


def _is_small(item: Territory | Path) -> bool:
    if isinstance(item, Territory):
        return item.graph.number_of_nodes() <= SMALL_NODES
    path = Path(item)
    try:
        size = (
            sum(p.stat().st_size for p in path.iterdir()) if path.is_dir() else path.stat().st_size
        )
    except OSError:
        return True  # unreadable: read() reports it, quickly
    return size <= SMALL_BYTES


# -- running --------------------------------------------------------------------------------
def _run(
    items: Sequence,
    executor: cf.Executor | None,
    lang: str,
    progress: bool | None,
    seed: int,
    permutations: int,
) -> list:
    args = (lang, seed, permutations)
    bar = _progress_bar(len(items), progress, lang)
    try:
        if executor is None and (
            (os.cpu_count() or 1) < 2
            or (len(items) <= IN_PROCESS_MAX and all(_is_small(i) for i in items))
        ):
            out = []
            for item in items:
                out.append(territory_row(item, *args))
                bar.update(1)
            return out
        pool: cf.Executor = _process_pool() if executor is None else executor
        own = pool if executor is None else None
        try:
            return _gather(pool, items, args, bar)
        finally:
            if own is not None:
                own.shutdown(wait=True, cancel_futures=True)
    finally:
        bar.close()


def _process_pool() -> cf.ProcessPoolExecutor:
    """One worker per CPU, started by a fork server (or spawned) rather than forked.

    Forking copies the state of thread pools without their threads: a worker forked after
    rustworkx's (rayon) betweenness ran in this process waits for them forever. Workers
    therefore start clean; as with every spawned pool, a script calling :func:`compare`
    at import time must guard it with ``if __name__ == "__main__":``.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return cf.ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=context)


def _gather(pool: cf.Executor, items: Sequence, args: tuple, bar: Any) -> list:
    futures = {pool.submit(territory_row, item, *args): i for i, item in enumerate(items)}
    out: list = [None] * len(items)
    for future in cf.as_completed(futures):
        position = futures[future]
        try:
            out[position] = future.result()
        except Exception as error:
            for other in futures:
                other.cancel()
            item = items[position]
            label = item.name if isinstance(item, Territory) else str(item)
            error.add_note(f"territoire_graphe.comparison: {label}")
            raise
        bar.update(1)
    return out


class _NoBar:
    def update(self, n: int = 1) -> None: ...

    def close(self) -> None: ...


def _progress_bar(total: int, progress: bool | None, lang: str) -> Any:
    show = (total > PROGRESS_MIN and sys.stderr.isatty()) if progress is None else progress
    if not show:
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError as error:
        if progress:
            raise ImportError(
                "The progress bar needs tqdm / la barre de progression a besoin "
                'de tqdm: pip install "territoire_graphe[progress]"'
            ) from error
        return _NoBar()
    return tqdm(total=total, desc=text("compare.progress", lang), unit="", file=sys.stderr)


# -- the table ------------------------------------------------------------------------------
def _table(rows: list[pd.Series]) -> Comparison:
    columns = list(dict.fromkeys(k for row in rows for k in row.index))
    frame = (
        pd.DataFrame([row.reindex(columns).tolist() for row in rows], columns=columns, dtype=object)
        if rows
        else pd.DataFrame(columns=["date", "source"])
    )
    names = [str(row.name) for row in rows]
    frame.index = pd.Index(_unique_names(names, list(frame["date"])), name="territory")
    indicators = [c for c in frame.columns if c not in ("date", "source")]
    for column in indicators:
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    frame["date"] = pd.to_datetime(frame["date"])
    frame["source"] = frame["source"].astype(object)
    frame["size_comparable"] = True
    return Comparison(frame)


def _unique_names(names: list[str], dates: list) -> list[str]:
    """Names made unique: twins get their date when it tells them apart, else a counter.

    >>> _unique_names(["a", "a", "b", "a"], [pd.Timestamp("2023"), pd.Timestamp("2024"),
    ...                                       None, None])
    ['a (2023)', 'a (2024)', 'b', 'a']
    >>> _unique_names(["a", "a"], [None, None])
    ['a', 'a (2)']
    """
    labels = [date_label(date) for date in dates]
    counts, dated = Counter(names), Counter(zip(names, labels, strict=True))
    wanted = [
        f"{name} ({label})" if counts[name] > 1 and label and dated[name, label] == 1 else name
        for name, label in zip(names, labels, strict=True)
    ]
    used: set[str] = set()
    out = []
    for name in wanted:
        candidate, number = name, 1
        while candidate in used:
            number += 1
            candidate = f"{name} ({number})"
        used.add(candidate)
        out.append(candidate)
    return out


def _size_check(table: pd.DataFrame, lang: str) -> str | None:
    """Mark the territories outside the largest group of comparable sizes; the warning."""
    if len(table) < 2 or "actors" not in table:
        return None
    sizes = table["actors"].astype(float).clip(lower=1.0)
    ordered = sizes.sort_values(kind="stable")
    values = ordered.to_numpy()
    best = (0, 0, 0)  # (count, first position, last position)
    last = 0
    for first in range(len(values)):
        last = max(last, first)
        while last + 1 < len(values) and values[last + 1] <= SIZE_RATIO * values[first]:
            last += 1
        if last - first + 1 >= best[0]:  # ties: the group of larger territories
            best = (last - first + 1, first, last)
    mask = table.index.isin(ordered.index[best[1] : best[2] + 1])
    table["size_comparable"] = mask
    if mask.all():
        return None
    outside = [str(n) for n, ok in zip(table.index, mask, strict=True) if not ok]
    return text(
        "compare.warning.size",
        lang,
        smallest=int(table["actors"].min()),
        largest=int(table["actors"].max()),
        ratio=format_number(SIZE_RATIO, lang),
        names=join_names(outside, lang, limit=8),
    )


__all__ = ["SIZE_INDEPENDENT", "SIZE_RATIO", "Evolution", "compare", "diff", "territory_indicators"]
