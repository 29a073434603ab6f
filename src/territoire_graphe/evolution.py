"""How one territory changed between two dates: :func:`diff` and its :class:`Evolution`.

Actors are matched by id (ids derived from names are stable from one date to the
next), relations by their key: source, target and type -- the two ends of an
undirected relation in sorted order, those of a directed one as written.

>>> import territoire_graphe as tg
>>> from territoire_graphe.evolution import diff
>>> evo = diff(tg.sample_path("pays_de_bray_2023.xlsx"), tg.sample_path("pays_de_bray_2024.xlsx"))
>>> sorted(evo.actors_added.index), sorted(evo.actors_removed.index)
(['A52', 'A53', 'A54'], ['A12', 'A51'])
>>> "isolated_brought_in" in set(evo.findings["code"])
True
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd

from ._renderers import render
from .diagnosis import Diagnosis, diagnose
from .evolution_story import change_counts, story_findings
from .findings import FINDING_COLUMNS, join_names
from .io import read
from .messages import format_number, format_percent, locale_for, resolve_lang, text
from .model import Territory

#: Smallest change of (normalised) betweenness worth a finding about a rise or a fall.
CENTRALITY_MIN_CHANGE = 0.01
_MAX_PAIRS = 5
_MAX_ACTOR_FINDINGS = 8

TerritoryLike: TypeAlias = "Territory | Diagnosis | str | os.PathLike[str]"


@dataclass(frozen=True, eq=False)
class Evolution:
    """What changed between two dates of one territory (see :func:`diff`).

    - ``actors_added`` / ``actors_removed``: actor rows (index: id) of the later / earlier
      territory, with their ``degree`` at that date;
    - ``relations_added`` / ``relations_removed``: relation rows of the later / earlier
      territory (index: relation number there), with ``source_name`` and ``target_name``;
    - ``relations_changed``: relations present at both dates whose intensity (``weight``)
      or ``quantity`` changed: ``weight_before``, ``weight_after``, ``quantity_before``,
      ``quantity_after``;
    - ``indicators``: index indicator name, columns ``before``, ``after``, ``change``;
    - ``positions``: actors present at both dates, ``degree`` and ``betweenness`` before,
      after and their change, the largest change of betweenness first (then of degree);
    - ``findings``: the columns of ``Diagnosis.findings`` (category "évolution");
    - ``before`` / ``after``: the two :class:`~territoire_graphe.Diagnosis` (for maps);
    - ``lang``: the language of the findings;
    - ``counts``: what changed, counted once for the findings, the map and the workbook
      (:func:`~territoire_graphe.evolution_story.change_counts`): ``ties_made`` (between
      actors present at both dates), ``ties_newcomers``, ``ties_lost`` (between actors
      still present), ``ties_lost_leavers``, ``tensions_began``, ``tensions_ended``,
      ``actors_joined``, ``actors_left``, ``people_joined``, ``people_left``, and the pairs
      of each (``pairs_ties_made``...).

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> evo = tg.diff(tg.sample_path("pays_de_bray_2023.xlsx"),
    ...               tg.sample_path("pays_de_bray_2024.xlsx"), permutations=0)
    >>> list(evo.indicators.columns)
    ['before', 'after', 'change']
    """

    before: Diagnosis
    after: Diagnosis
    actors_added: pd.DataFrame
    actors_removed: pd.DataFrame
    relations_added: pd.DataFrame
    relations_removed: pd.DataFrame
    relations_changed: pd.DataFrame
    indicators: pd.DataFrame
    positions: pd.DataFrame
    findings: pd.DataFrame
    lang: str = "fr"
    counts: dict[str, Any] = field(default_factory=dict)

    def to_excel(self, path: str | os.PathLike, *, lang: str | None = None) -> Path:
        """Write this evolution to a workbook (see :func:`~territoire_graphe.to_excel_diff`).

        Parameters
        ----------
        path : str or path-like
            The ``.xlsx`` file to write (replaced if it exists).
        lang : str, optional
            Language of the headers (default: the evolution's).

        Returns
        -------
        Path
            The path written.

        Raises
        ------
        ValueError
            If ``lang`` is not a known language.

        Examples
        --------
        >>> import tempfile, pathlib, territoire_graphe as tg
        >>> evo = tg.diff(tg.sample_path("pays_de_bray_2023.xlsx"),
        ...               tg.sample_path("pays_de_bray_2024.xlsx"), permutations=0)
        >>> evo.to_excel(pathlib.Path(tempfile.mkdtemp()) / "evolution.xlsx").suffix
        '.xlsx'
        """
        return Path(render("evolution.excel", self, path, lang=lang or self.lang))

    def __repr__(self) -> str:
        names = [
            f"{t.name} ({date_label(t.date)})" if t.date is not None else t.name
            for t in (self.before.territory, self.after.territory)
        ]
        return (
            f"<Evolution {names[0]!r} -> {names[1]!r}: "
            f"+{len(self.actors_added)}/-{len(self.actors_removed)} actors, "
            f"+{len(self.relations_added)}/-{len(self.relations_removed)} relations, "
            f"{len(self.relations_changed)} changed, {len(self.findings)} findings>"
        )


def diff(
    before: TerritoryLike,
    after: TerritoryLike,
    *,
    lang: str | None = None,
    seed: int = 0,
    permutations: int = 1000,
) -> Evolution:
    """Compare two dates of one territory: actors and relations added and removed, and more.

    Relations are matched on their key (source, target, type; the ends of an undirected
    relation sorted, so ``b - a`` is ``a - b``). A key written twice before and once after
    is one relation removed: records of one key are paired first with an identical record
    (same intensity and quantity), then in reading order -- such a pair is *changed* --, and
    the records left over are added or removed.

    Parameters
    ----------
    before, after : Territory, Diagnosis or path
        The two dates: territories, paths (anything :func:`~territoire_graphe.read` reads)
        or diagnoses (then not computed again).
    lang : str, optional
        Language of the findings (default: ``$TERRITOIRE_GRAPHE_LANG``, else French).
    seed : int, default 0
        As for :func:`~territoire_graphe.diagnose`.
    permutations : int, default 1000
        As for :func:`~territoire_graphe.diagnose`.

    Returns
    -------
    Evolution
        What changed, as tables and findings, with both diagnoses.

    Raises
    ------
    InputError
        If a path cannot be read as a territory (every problem listed).
    ValueError
        If ``lang`` is not a known language.

    Notes
    -----
    Graph: each date's analysis graph, as :func:`~territoire_graphe.diagnose`.
    Normalised: indicators as in ``Diagnosis.indicators``; ``change`` is after minus before.
    Reference: the relation pairing is this package's (FORMAT.md, section "diff").

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> t1 = tg.Territory.from_records(actors=[{"id": "a", "name": "A", "type": "commune"},
    ...     {"id": "b", "name": "B", "type": "association"}], name="t", date="2023")
    >>> t2 = tg.Territory.from_records(actors=[{"id": "a", "name": "A", "type": "commune"},
    ...     {"id": "b", "name": "B", "type": "association"}],
    ...     relations=[{"source": "b", "target": "a", "type": "coopération"}], name="t", date="2024")
    >>> evo = diff(t1, t2, lang="en")
    >>> evo.relations_added[["source_name", "target_name", "type"]].values.tolist()
    [['B', 'A', 'coopération']]
    >>> print(evo.findings.loc[evo.findings["code"] == "ties_made", "text"].iloc[0])
    One new tie between actors already present in 2023: A – B.
    """
    lang = resolve_lang(lang)
    first = _diagnosis(before, lang, seed, permutations)
    second = _diagnosis(after, lang, seed, permutations)
    t0, t1 = first.territory, second.territory
    added_ids = [x for x in t1.actors.index if x not in t0.actors.index]
    removed_ids = [x for x in t0.actors.index if x not in t1.actors.index]
    added, removed, changed = _match_relations(t0.relations, t1.relations)
    positions = _positions(first, second)
    evolution_parts = {
        "actors_added": _actor_rows(second, added_ids),
        "actors_removed": _actor_rows(first, removed_ids),
        "relations_added": _named(t1.relations.loc[added], t1),
        "relations_removed": _named(t0.relations.loc[removed], t0),
        "relations_changed": _changed_table(changed, t0, t1),
        "indicators": _indicator_table(first.indicators, second.indicators),
        "positions": positions,
    }
    counts = change_counts(t0, t1)
    findings = _findings(first, second, lang, evolution_parts, counts)
    return Evolution(
        before=first, after=second, findings=findings, lang=lang, counts=counts, **evolution_parts
    )


def date_label(date: Any, lang: str | None = None) -> str | None:
    """A date as a reader writes it: the year alone for 1 January, else the full date.

    >>> date_label(pd.Timestamp("2024-01-01")), date_label(pd.Timestamp("2024-03-15"), "fr")
    ('2024', '15/03/2024')
    >>> date_label(None) is None
    True
    """
    if date is None or pd.isna(date):
        return None
    return locale_for(lang).date(date)


def _when(t: Territory, lang: str) -> str:
    """When the first territory was drawn, in a sentence: "en 2023", "à la première date"."""
    label = date_label(t.date, lang)
    if label is None:
        return text("evolution.when.before", lang)
    return text(
        "evolution.when.year" if label.isdigit() else "evolution.when.day", lang, date=label
    )


def _date_words(t: Territory, which: str, lang: str) -> str:
    """The date as the subject of "between ... and ...": "2023", "le 15/03/2023"."""
    label = date_label(t.date, lang)
    if label is None:
        return text(f"evolution.date.{which}", lang)
    return label if label.isdigit() else text("evolution.date.day", lang, date=label)


def _diagnosis(item: TerritoryLike, lang: str, seed: int, permutations: int) -> Diagnosis:
    if isinstance(item, Diagnosis):
        return item
    territory = item if isinstance(item, Territory) else read(item, lang=lang)
    return diagnose(territory, lang=lang, seed=seed, permutations=permutations)


# -- tables ------------------------------------------------------------------------------
def _actor_rows(d: Diagnosis, ids: Sequence[str]) -> pd.DataFrame:
    rows = d.territory.actors.loc[list(ids)].copy()
    rows["degree"] = d.actors["degree"].reindex(rows.index).astype(int)
    return rows


def _key(source: str, target: str, kind: str, directed: bool) -> tuple[str, str, str]:
    if not directed and str(target) < str(source):
        source, target = target, source
    return str(source), str(target), str(kind)


def _same(a: Any, b: Any) -> bool:
    a_missing = a is None or (isinstance(a, float) and math.isnan(a))
    b_missing = b is None or (isinstance(b, float) and math.isnan(b))
    if a_missing or b_missing:
        return a_missing and b_missing
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def _match_relations(r0: pd.DataFrame, r1: pd.DataFrame) -> tuple[list, list, list]:
    """Relation numbers added (in ``r1``), removed (in ``r0``), and changed pairs (n0, n1)."""

    def records(r: pd.DataFrame) -> dict[tuple, list[tuple[Any, float, float]]]:
        out: dict[tuple, list[tuple[Any, float, float]]] = {}
        for number, s, t, kind, directed, weight, quantity in zip(
            r.index,
            r["source"],
            r["target"],
            r["type"],
            r["directed"],
            r["weight"],
            r["quantity"],
            strict=True,
        ):
            out.setdefault(_key(s, t, kind, bool(directed)), []).append((number, weight, quantity))
        return out

    old, new = records(r0), records(r1)
    added: list = []
    removed: list = []
    changed: list = []
    for key in [*old, *(k for k in new if k not in old)]:
        left = list(old.get(key, []))
        unmatched = []
        for record in new.get(key, []):
            twin = next(
                (
                    i
                    for i, o in enumerate(left)
                    if _same(o[1], record[1]) and _same(o[2], record[2])
                ),
                None,
            )
            if twin is None:
                unmatched.append(record)
            else:
                left.pop(twin)
        changed += [(o[0], n[0]) for o, n in zip(left, unmatched, strict=False)]
        removed += [o[0] for o in left[len(unmatched) :]]
        added += [n[0] for n in unmatched[len(left) :]]
    return sorted(added), sorted(removed), changed


def _names(t: Territory) -> pd.Series:
    return t.actors["name"]


def _named(rows: pd.DataFrame, t: Territory) -> pd.DataFrame:
    names = _names(t)
    out = rows.copy()
    out.insert(
        list(out.columns).index("source") + 1,
        "source_name",
        out["source"].map(names).astype(object),
    )
    out.insert(
        list(out.columns).index("target") + 1,
        "target_name",
        out["target"].map(names).astype(object),
    )
    return out


def _changed_table(pairs: list, t0: Territory, t1: Territory) -> pd.DataFrame:
    columns = [
        "source",
        "source_name",
        "target",
        "target_name",
        "type",
        "family",
        "directed",
        "weight_before",
        "weight_after",
        "quantity_before",
        "quantity_after",
        "unit",
    ]
    r0, r1 = t0.relations, t1.relations
    names = _names(t1)
    rows = []
    for n0, n1 in pairs:
        old, new = r0.loc[n0], r1.loc[n1]
        rows.append(
            [
                new["source"],
                names.get(new["source"]),
                new["target"],
                names.get(new["target"]),
                new["type"],
                new["family"],
                bool(new["directed"]),
                old["weight"],
                new["weight"],
                old["quantity"],
                new["quantity"],
                new["unit"] if not pd.isna(new["unit"]) else old["unit"],
            ]
        )
    return pd.DataFrame(rows, columns=columns)


def _indicator_table(before: pd.Series, after: pd.Series) -> pd.DataFrame:
    names = [*before.index, *(k for k in after.index if k not in before.index)]
    frame = pd.DataFrame(
        {
            "before": pd.to_numeric(before.reindex(names), errors="coerce"),
            "after": pd.to_numeric(after.reindex(names), errors="coerce"),
        },
        index=pd.Index(names, name="indicator"),
    )
    frame["change"] = frame["after"] - frame["before"]
    return frame


def _positions(first: Diagnosis, second: Diagnosis) -> pd.DataFrame:
    a0, a1 = first.actors, second.actors
    common = [x for x in a1.index if x in a0.index]
    out = pd.DataFrame(
        {"name": a1.loc[common, "name"], "type": a1.loc[common, "type"]},
        index=pd.Index(common, name="id"),
    )
    for metric in ("degree", "betweenness"):
        out[f"{metric}_before"] = a0.loc[common, metric].to_numpy()
        out[f"{metric}_after"] = a1.loc[common, metric].to_numpy()
        out[f"{metric}_change"] = out[f"{metric}_after"] - out[f"{metric}_before"]
    order = out.assign(
        _b=-out["betweenness_change"].abs(),
        _d=-out["degree_change"].abs(),
        _id=out.index.astype(str),
    ).sort_values(["_b", "_d", "_id"], kind="stable")
    return out.loc[order.index]


# -- findings ----------------------------------------------------------------------------
def _pair(u: object, v: object) -> tuple[str, str]:
    first, second = sorted((str(u), str(v)))
    return first, second


def _findings(
    first: Diagnosis,
    second: Diagnosis,
    lang: str,
    parts: dict[str, pd.DataFrame],
    counts: dict[str, Any],
) -> pd.DataFrame:
    t0, t1 = first.territory, second.territory
    names = {**_names(t0).to_dict(), **_names(t1).to_dict()}
    when_before = _when(t0, lang)
    present = set(t0.actors.index) & set(t1.actors.index)
    g0, g1 = t0.analysis_graph, t1.analysis_graph
    lost = counts["pairs_ties_lost"]
    made_existing = counts["pairs_ties_made"]
    made_newcomers = counts["pairs_ties_newcomers"]
    rows: list[dict[str, Any]] = []

    def add(
        code: str, priority: int, figures: dict[str, Any], actors: Sequence[str], **values: Any
    ) -> None:
        rows.append(
            {
                "code": code,
                "category": text("category.evolution", lang),
                "priority": priority,  # text() takes the ".one" variant for count=1
                "text": text(f"evolution.finding.{code}", lang, **values),
                "figures": figures,
                "actors": list(actors),
            }
        )

    def who(ids: Sequence[str], limit: int = 5) -> str:
        return join_names([str(names.get(x, x)) for x in ids], lang, limit=limit)

    def pairs(found: Sequence[tuple[str, str]]) -> str:
        shown = [
            text("evolution.pair", lang, a=names.get(a, a), b=names.get(b, b)) for a, b in found
        ]
        return join_names(shown, lang, limit=_MAX_PAIRS)

    def ends(found: Sequence[tuple[str, str]]) -> list[str]:
        return list(dict.fromkeys(x for pair in found for x in pair))

    changed_anything = any(
        len(parts[k])
        for k in (
            "actors_added",
            "actors_removed",
            "relations_added",
            "relations_removed",
            "relations_changed",
        )
    )
    if changed_anything:
        i0, i1 = first.indicators, second.indicators
        add(
            "summary",
            3,
            {
                k: (float(i0[k]), float(i1[k]))
                for k in ("actors", "ties", "density", "isolated_share")
            },
            [],
            date_before=_date_words(t0, "before", lang),
            date_after=_date_words(t1, "after", lang),
            actors_before=int(i0["actors"]),
            actors_after=int(i1["actors"]),
            ties_before=int(i0["ties"]),
            ties_after=int(i1["ties"]),
            density_before=format_percent(float(i0["density"]), lang, decimals=1),
            density_after=format_percent(float(i1["density"]), lang, decimals=1),
            isolated_before=format_percent(float(i0["isolated_share"]), lang),
            isolated_after=format_percent(float(i1["isolated_share"]), lang),
        )
    if lost:
        add(
            "ties_lost",
            1,
            {"ties_lost": len(lost), "pairs": lost},
            ends(lost),
            count=len(lost),
            pairs=pairs(lost),
        )
    iso0, iso1 = first.actors["is_isolated"], second.actors["is_isolated"]
    newly = [x for x in t1.actors.index if x in present and iso1[x] and not iso0[x]]
    for actor in newly[:_MAX_ACTOR_FINDINGS]:
        partners = sorted(str(p) for p in g0[actor])
        add(
            "newly_isolated",
            1,
            {"ties_before": len(partners)},
            [actor, *partners],
            name=names[actor],
            when_before=when_before,
            count=len(partners),
            partners=who(partners),
        )
    if parts["actors_removed"].shape[0]:
        gone = list(parts["actors_removed"].index)
        add("actors_left", 2, {"actors": len(gone)}, gone, count=len(gone), names=who(gone, 8))
    brought = [x for x in t1.actors.index if x in present and iso0[x] and not iso1[x]]
    for actor in brought[:_MAX_ACTOR_FINDINGS]:
        partners = sorted(str(p) for p in g1[actor])
        add(
            "isolated_brought_in",
            2,
            {"ties_after": len(partners)},
            [actor, *partners],
            name=names[actor],
            when_before=when_before,
            count=len(partners),
            partners=who(partners),
        )
    if made_existing:
        add(
            "ties_made",
            2,
            {"ties_made": len(made_existing), "pairs": made_existing},
            ends(made_existing),
            count=len(made_existing),
            pairs=pairs(made_existing),
            when_before=when_before,
        )
    _centrality_findings(parts["positions"], add, lang)
    if made_newcomers:
        add(
            "ties_newcomers",
            3,
            {"ties": len(made_newcomers), "pairs": made_newcomers},
            ends(made_newcomers),
            count=len(made_newcomers),
            pairs=pairs(made_newcomers),
        )
    if parts["actors_added"].shape[0]:
        joined = list(parts["actors_added"].index)
        add(
            "actors_joined",
            3,
            {"actors": len(joined)},
            joined,
            count=len(joined),
            names=who(joined, 8),
        )
    story_findings(t0, t1, parts["relations_changed"], counts, add, lang, pairs)
    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    if len(frame):
        frame = frame.sort_values("priority", kind="stable").reset_index(drop=True)
    return frame


def _centrality_findings(positions: pd.DataFrame, add, lang: str) -> None:
    """The actor whose betweenness rose most, and the one whose betweenness fell most."""
    if positions.empty:
        return
    change = positions["betweenness_change"]
    extremes: tuple[tuple[str, Any], ...] = (
        ("centrality_rise", change.idxmax()),
        ("centrality_fall", change.idxmin()),
    )
    for code, actor in extremes:
        delta = float(change[actor])
        if (delta if code == "centrality_rise" else -delta) < CENTRALITY_MIN_CHANGE:
            continue
        row = positions.loc[actor]
        add(
            code,
            2,
            {"betweenness_change": delta, "degree_change": int(row["degree_change"])},
            [actor],
            name=row["name"],
            betweenness_before=format_number(float(row["betweenness_before"]), lang, decimals=2),
            betweenness_after=format_number(float(row["betweenness_after"]), lang, decimals=2),
            degree_before=int(row["degree_before"]),
            degree_after=int(row["degree_after"]),
        )
