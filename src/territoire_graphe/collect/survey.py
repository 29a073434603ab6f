"""Answers back: :func:`read_survey` turns questionnaires and form exports into a territory.

>>> import tempfile, territoire_graphe as tg
>>> roster = tg.Territory.from_records(actors=[
...     {"id": "v", "name": "Ville de Creil", "type": "commune"},
...     {"id": "c", "name": "CAF de l'Oise", "type": "établissement public"},
...     {"id": "a", "name": "ARDES", "type": "association"}])
>>> with tempfile.TemporaryDirectory() as folder:
...     path = Path(folder) / "reponses.csv"
...     _ = path.write_text("Horodateur;Votre structure;Vos partenaires\\n"
...                         "2024-03-01 10:00;Mairie de Creil;CAF Oise, Ardès\\n"
...                         "2024-03-02 09:00;ARDES;ville de creil\\n", encoding="utf-8")
...     s = read_survey(path, roster=roster)
>>> sorted(s.territory.relations[["source", "target", "confirmed"]].itertuples(index=False))
[Pandas(source='v', target='a', confirmed=True), Pandas(source='v', target='c', confirmed=False)]
>>> s.response_rate
0.6666666666666666
>>> list(s.non_respondents()["name"])
["CAF de l'Oise"]
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..io import CSV_SUFFIXES, WORKBOOK_SUFFIXES, read
from ..io.csvfiles import read_csv_grid
from ..io.excel import read_workbook
from ..io.problems import Problem, ProblemLog, fatal
from ..io.sheets import RawSheet, sheet_from_grid
from ..messages import resolve_lang, text
from ..model import Territory
from .answers import Answer
from .build import build_survey_territory
from .matching import Resolver
from .read_forms import read_form_export
from .read_kobo import is_kobo, is_repeat, read_kobo_export
from .read_workbooks import QUESTIONNAIRE_SUFFIXES, is_questionnaire, read_questionnaire
from .records import actor_names
from .review import candidates_text, read_decisions, write_review
from .xlsform import choice_names, form_choices, type_choice_names

PathLike = str | os.PathLike[str]


@dataclass
class Survey:
    """The result of reading answers: the territory, how names were matched, who answered.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> t = tg.Territory.from_records(actors=[{"id": "a", "name": "Mairie", "type": "commune"}])
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = tg.write_questionnaire(t, folder)
    >>> isinstance(tg.read_survey(folder, roster=t), tg.Survey)
    True
    """

    territory: Territory
    matches: pd.DataFrame
    respondents: pd.Series
    warnings: list[Problem] = field(default_factory=list)
    lang: str = "fr"
    _decided: list[dict[str, Any]] = field(default_factory=list, repr=False)

    @property
    def response_rate(self) -> float:
        """Respondents / roster actors (0 when the roster is empty)."""
        return float(self.respondents.mean()) if len(self.respondents) else 0.0

    def non_respondents(self) -> pd.DataFrame:
        """The actors who have not answered yet, with every column of the roster (to chase them).

        Returns
        -------
        pandas.DataFrame
            Rows of the roster's actors table.

        Examples
        --------
        >>> import tempfile, pathlib, territoire_graphe as tg
        >>> t = tg.Territory.from_records(actors=[{"id": "a", "name": "Mairie", "type": "commune"},
        ...     {"id": "b", "name": "Asso", "type": "association"}], name="T")
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> mairie, asso = tg.write_questionnaire(t, folder / "q")
        >>> tg.read_survey(folder / "q", roster=t).non_respondents().index.tolist()  # untouched
        ['a', 'b']
        """
        actors = self.territory.actors
        return actors.loc[~self.respondents.reindex(actors.index, fill_value=False)]

    def to_review(self) -> list[dict[str, Any]]:
        """The rows of the review: names not matched exactly, then the decisions already taken.

        Returns
        -------
        list of dict
            ``cited``, ``role``, ``seen_in``, ``status``, ``score``, ``proposed``,
            ``proposed_id``, ``candidates``; then the decisions of the review read.

        Examples
        --------
        >>> import tempfile, pathlib, territoire_graphe as tg
        >>> t = tg.Territory.from_records(actors=[{"id": "a", "name": "Mairie", "type": "commune"},
        ...     {"id": "b", "name": "Asso", "type": "association"}], name="T")
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = tg.write_questionnaire(t, folder / "q")
        >>> tg.read_survey(folder / "q", roster=t).to_review()  # every name matched exactly
        []
        """
        names = actor_names(self.territory)
        rows = []
        for match in self.matches.itertuples(index=False):
            if match.status not in ("probable", "unknown"):
                continue
            candidates: list[tuple[str, float]] = list(match.candidates)  # type: ignore[arg-type]
            proposed = (
                match.actor
                if isinstance(match.actor, str)
                else (candidates[0][0] if candidates else None)
            )
            rows.append(
                {
                    "cited": match.cited,
                    "role": text(f"collect.role.{match.role}", self.lang),
                    "seen_in": match.seen_in,
                    "status": match.status,
                    "score": match.score,
                    "proposed": names.get(proposed or ""),
                    "proposed_id": proposed,
                    "candidates": candidates_text(candidates, names, self.lang),
                }
            )
        return rows + self._decided

    def write_review(self, path: PathLike) -> Path:
        """Write the review workbook: the names to check, their candidates, a decision column.

        Parameters
        ----------
        path : str or path-like
            The ``.xlsx`` file to write.

        Returns
        -------
        Path
            The path written.

        Raises
        ------
        OSError
            If the file cannot be written.

        Examples
        --------
        >>> import tempfile, pathlib, territoire_graphe as tg
        >>> t = tg.Territory.from_records(actors=[{"id": "a", "name": "Mairie", "type": "commune"},
        ...     {"id": "b", "name": "Asso", "type": "association"}], name="T")
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = tg.write_questionnaire(t, folder / "q")
        >>> tg.read_survey(folder / "q", roster=t).write_review(folder / "revue.xlsx").name
        'revue.xlsx'
        """
        names = actor_names(self.territory)
        return write_review(self.to_review(), path, names=names, lang=self.lang)


def read_survey(
    answers: PathLike | Sequence[PathLike],
    *,
    roster: Territory | PathLike,
    review: PathLike | None = None,
    ties: str = "declared",
    respondent: str | None = None,
    partners: Sequence[str] | None = None,
    relation_type: str = "interconnaissance",
    lang: str | None = None,
) -> Survey:
    """Read the answers to a survey of the actors of ``roster``.

    Parameters
    ----------
    answers : path or sequence of paths
        A folder of filled questionnaires, one or several files (questionnaire workbooks,
        KoboToolbox / ODK exports of our XLSForm, form-tool exports in the grid or free-text
        layout of FORMAT.md section 4).
    roster : Territory or path
        The actors surveyed.
    review : path, optional
        A review workbook whose decisions apply.
    ties : {"declared", "confirmed"}, default "declared"
        ``"confirmed"`` keeps, between two respondents, only the relations both declared.
    respondent : str, optional
        The respondent's column of a form-tool export.
    partners : sequence of str, optional
        The free-text columns naming partners.
    relation_type : str, default "interconnaissance"
        The type a ticked cell means.
    lang : str, optional
        Language of the problems (default: ``$TERRITOIRE_GRAPHE_LANG``, else French).

    Returns
    -------
    Survey
        The territory, how names were matched, who answered.

    Raises
    ------
    ValueError
        If ``ties`` is neither ``"declared"`` nor ``"confirmed"``.
    InputError
        Listing every problem of the answers.

    Examples
    --------
    >>> import tempfile, pathlib, territoire_graphe as tg
    >>> t = tg.Territory.from_records(actors=[{"id": "a", "name": "Mairie", "type": "commune"},
    ...     {"id": "b", "name": "Asso", "type": "association"}], name="T")
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> mairie, asso = tg.write_questionnaire(t, folder / "q")
    >>> from openpyxl import load_workbook
    >>> book = load_workbook(mairie)
    >>> book["liens"]["B2"] = "coopération"  # the Mairie says it cooperates with Asso
    >>> book.save(mairie)
    >>> s = tg.read_survey(folder / "q", roster=t)
    >>> s.response_rate, len(s.territory.relations)
    (0.5, 1)
    """
    lang = resolve_lang(lang)
    if ties not in ("declared", "confirmed"):
        raise ValueError(f"ties must be 'declared' or 'confirmed', not {ties!r}")
    t = roster if isinstance(roster, Territory) else read(roster, lang=lang)
    files = _answer_files(answers, lang)
    log = ProblemLog(None, lang=lang)
    default_type = t.vocabulary.match("relation", relation_type).name
    loaded = [(path, _load(path, log, lang)) for path in files]
    # ODK Central exports a repeat group as a CSV file of its own, joined by PARENT_KEY
    repeats = [
        sheets[0]
        for path, sheets in loaded
        if sheets and path.suffix.lower() in CSV_SUFFIXES and is_repeat(sheets[0])
    ]
    collected: list[Answer] = []
    for path, sheets in loaded:
        log.file = path.name
        if sheets is None:  # a per-actor questionnaire
            answer = read_questionnaire(
                path, log, default_type=default_type, order=len(collected), lang=lang
            )
            collected.extend([answer] if answer is not None else [])
        elif not sheets or sheets[0] in repeats:
            continue
        elif is_kobo(sheets[0]):
            collected.extend(
                read_kobo_export(
                    [*sheets, *repeats],
                    path.name,
                    default_type=default_type,
                    type_names=type_choice_names(lang),
                    first_order=len(collected),
                    choices=form_choices(t),
                    log=log,
                )
            )
        else:
            collected.extend(
                read_form_export(
                    sheets[0],
                    path.name,
                    log,
                    vocabulary=t.vocabulary,
                    default_type=default_type,
                    respondent=respondent,
                    partners=partners,
                    first_order=len(collected),
                )
            )
    log.raise_if_errors()
    decisions = read_decisions(review, lang=lang) if review is not None else {}
    resolver = Resolver(t, decisions, choice_names(t), log)
    territory, respondents = build_survey_territory(t, collected, resolver, log, ties=ties)
    return Survey(
        territory, resolver.table(), respondents, log.warnings, lang, resolver.decided_rows(lang)
    )


def _answer_files(answers: PathLike | Sequence[PathLike], lang: str) -> list[Path]:
    given = [answers] if isinstance(answers, str | os.PathLike) else list(answers)
    files: list[Path] = []
    for item in given:
        path = Path(item)
        if not path.exists():
            raise fatal("file_not_found", path.name, lang=lang, path=str(path))
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.iterdir()
                    if p.is_file()
                    and p.suffix.lower() in (*WORKBOOK_SUFFIXES, *CSV_SUFFIXES)
                    and not p.name.startswith(("~$", ".", "_"))
                )
            )
        else:
            files.append(path)
    return files


def _load(path: Path, log: ProblemLog, lang: str) -> list[RawSheet] | None:
    """The sheets of an answer file; None for a per-actor questionnaire (read on its own)."""
    log.file = path.name
    suffix = path.suffix.lower()
    if suffix in QUESTIONNAIRE_SUFFIXES and is_questionnaire(path):
        return None
    if suffix in CSV_SUFFIXES:
        grid = read_csv_grid(path, display=path.name, lang=lang)
        sheets = [sheet_from_grid(path.stem, grid)]
    else:
        sheets = [
            s
            for s in read_workbook(path, display=path.name, lang=lang).sheets
            if not s.name.startswith("_")
        ]
    sheets = [s for s in sheets if s.header]
    if not sheets:
        log.warning("survey_file_empty", value=path.name)
    return sheets


__all__ = ["Survey", "read_survey"]
