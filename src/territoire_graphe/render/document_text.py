"""What the committee's document says, as plain blocks (headings, paragraphs, lists, tables).

:mod:`.document` lays these blocks out with python-docx; keeping the words apart from
the layout lets tests read the content without opening a Word file. Every sentence
comes from the catalogue (``doc.*`` keys of :mod:`territoire_graphe.messages._committee`);
figures come from the diagnosis, never recomputed; people's names go through the
sharing mode (:class:`~.people.PeopleView`).

>>> import territoire_graphe as tg
>>> d = tg.diagnose(tg.read(tg.sample_path("colombelles_tzcld.xlsx")))
>>> content = DocumentText(d, "fr", "show")
>>> content.key_figures()[0].startswith("Le territoire compte 42 acteurs")
True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._version import __version__
from ..findings.response import response_line
from ..messages import format_number, format_percent, text
from .people import PeopleView
from .titles import date_label, display_name, perimeter_of, territory_title

if TYPE_CHECKING:
    from ..diagnosis import Diagnosis

QUESTIONS = ("mobilisation", "interconnaissance", "complementarites", "fragilite", "evolution")
FAMILIES = ("lien", "flux", "interdependance")
TOP_ACTORS = 12
MAX_WARNINGS = 60
READ_INDICATORS = (
    "density",
    "mean_degree",
    "components",
    "largest_component_share",
    "articulation_points",
    "bridges",
    "cross_type_share",
    "ei_index_type",
    "modularity",
    "complementarities",
)
READ_COLUMNS = ("degree", "betweenness")


@dataclass
class Question:
    """One of the five questions of DOMAIN.md with the findings that answer it."""

    key: str
    title: str
    question: str
    findings: list[dict[str, Any]] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # named by its findings, in priority order


class DocumentText:
    """The words and tables of the document, for one diagnosis, language and sharing mode."""

    def __init__(self, d: Diagnosis, lang: str, people: str, evolution: Any = None):
        self.d, self.lang = d, lang
        self.t = d.territory
        self.view = PeopleView(self.t, people, lang)
        self.people = self.view.mode
        self.ind = d.indicators
        self.evolution = evolution
        # people who left are only in the earlier territory: their names are scrubbed too
        self.before_view = (
            PeopleView(evolution.before.territory, people, lang) if evolution is not None else None
        )

    # -- small helpers ----------------------------------------------------------------
    def text(self, key: str, **values: Any) -> str:
        return text(key, self.lang, **values)

    def _plural(self, key: str, n: int, **values: Any) -> str:
        """``key.one`` for 1 (and 0 in French), ``key`` otherwise; ``n`` filled in."""
        singular = n < 2 if self.lang == "fr" else n == 1
        return self.text(f"{key}.one" if singular else key, n=n, **values)

    def _int(self, name: str) -> int:
        value = self.ind.get(name, 0)
        try:
            number = float(value)
        except (TypeError, ValueError):
            return 0
        return 0 if math.isnan(number) else int(number)

    def _float(self, name: str) -> float:
        try:
            return float(self.ind.get(name, float("nan")))
        except (TypeError, ValueError):
            return float("nan")

    def num(self, value: float, decimals: int | None = None) -> str:
        return format_number(value, self.lang, decimals=decimals)

    def name(self, actor: Any) -> str:
        actors = self.d.actors
        return str(actors.at[actor, "name"]) if actor in actors.index else str(actor)

    def type_label(self, value: Any) -> str:
        entry = self.t.vocabulary.actor(str(value))
        return entry.label(self.lang) if entry else str(value)

    # -- the title page -------------------------------------------------------------------
    def title(self) -> str:
        return territory_title(self.t, self.lang)

    def identity(self) -> list[tuple[str, str]]:
        """(label, value) rows of the title page: territory, date, perimeter, source, author."""
        perimeter = perimeter_of(self.t)
        rows = [
            (self.text("doc.field.territory"), display_name(self.t.name)),
            (
                self.text("doc.field.date"),
                date_label(self.t.date, self.lang) or self.text("doc.date.none"),
            ),
            (
                self.text("doc.field.perimeter"),
                "; ".join(perimeter) if perimeter else self.text("doc.perimeter.none"),
            ),
        ]
        if self.t.source:
            rows.append((self.text("doc.field.source"), _file_name(self.t.source)))
        author = getattr(self.t, "author", None) or self.t.graph.graph.get("author")
        if author:
            rows.append((self.text("doc.field.author"), self.view.scrub(author)))
        return rows

    def prepared(self) -> list[str]:
        lines = [self.text("doc.prepared", version=__version__)]
        if self.people != "show":
            lines.append(self.text(f"doc.people.{self.people}"))
        return lines

    # -- key figures ----------------------------------------------------------------------
    def key_figures(self) -> list[str]:
        """One sentence per figure that matters, in words (zeros said where they are news)."""
        out = [self._size()]
        ties = self._int("ties")
        if ties:
            out.append(
                self._plural(
                    "doc.fig.ties",
                    ties,
                    mean=self.num(round(self._float("mean_degree"), 1)),
                    density=format_percent(self._float("density"), self.lang, decimals=1),
                )
            )
        else:
            out.append(self.text("doc.fig.no_ties"))
        pieces = self._int("components") - self._int("isolated")
        share = format_percent(self._float("largest_component_share"), self.lang)
        if ties:
            out.append(
                self.text("doc.fig.one_piece", share=share)
                if pieces <= 1
                else self.text("doc.fig.pieces", n=pieces, share=share)
            )
        isolated, pendant = self._int("isolated"), self._int("pendant")
        out.append(
            self._plural("doc.fig.isolated", isolated)
            if isolated
            else self.text("doc.fig.no_isolated")
        )
        if pendant:
            out.append(self._plural("doc.fig.pendant", pendant))
        cut, bridges = self._int("articulation_points"), self._int("bridges")
        if ties:
            out.append(self._plural("doc.fig.cut", cut) if cut else self.text("doc.fig.no_cut"))
        if bridges:
            out.append(self._plural("doc.fig.bridges", bridges))
        cross = self._float("cross_type_share")
        if ties and not math.isnan(cross):
            out.append(
                self.text(
                    "doc.fig.mixing",
                    share=format_percent(cross, self.lang),
                    ei=self.num(self._float("ei_index_type"), 2),
                )
            )
        communities = self._int("communities") - isolated
        if ties and communities > 1:
            out.append(
                self.text(
                    "doc.fig.communities", n=communities, q=self.num(self._float("modularity"), 2)
                )
            )
        out += self._offers()
        collectives = self._int("collectives")
        if collectives:
            out.append(
                self.text(
                    "doc.fig.collectives",
                    collectives=self._plural("doc.noun.collective", collectives),
                    memberships=self._plural("doc.noun.membership", self._int("memberships")),
                )
            )
        out.append(self._plural("doc.fig.findings", len(self.d.findings)))
        return out

    def _size(self) -> str:
        parts = [
            self._plural(f"doc.noun.{family}", self._int(f"relations_{family}"))
            for family in FAMILIES
            if self._int(f"relations_{family}")
        ]
        tensions = self._int("tensions")
        if tensions:
            parts.append(self._plural("doc.noun.tension_included", tensions))
        key = "doc.fig.size" if parts else "doc.fig.size_plain"
        return self.text(
            key,
            actors=self._plural("doc.noun.actor", self._int("actors")),
            relations=self._plural("doc.noun.relation", self._int("relations")),
            families=", ".join(parts),
        )

    def _offers(self) -> list[str]:
        if not (self._int("resources") and self._int("needs")):
            return []
        matches = self._int("complementarities")
        if not matches:
            return [self.text("doc.fig.no_complementarity")]
        return [
            self._plural(
                "doc.fig.complementarities",
                matches,
                new=self.num(self._int("complementarities_to_make")),
            )
        ]

    # -- findings by question -------------------------------------------------------------------
    def findings(self) -> list[dict[str, Any]]:
        """The findings in priority order: text (people scrubbed), actors, question key."""
        frame = self.d.findings
        if not len(frame):
            return []
        questions = {text(f"category.{q}", self.d.lang): q for q in QUESTIONS}
        out = []
        for _, row in frame.sort_values("priority", kind="stable").iterrows():
            category = str(row.get("category") or "")
            actors = [str(a) for a in (row.get("actors") or [])]
            out.append(
                {
                    "code": str(row.get("code") or ""),
                    "text": self.view.scrub(row["text"]),
                    "question": questions.get(category, questions.get(category.lower(), "other")),
                    "actors": actors,
                    "names": [self.name(a) for a in actors if a in self.d.actors.index],
                }
            )
        return out

    def evolution_findings(self) -> list[dict[str, Any]]:
        """The findings of the evolution given to :func:`~.document.to_docx` (question 5)."""
        frame = getattr(self.evolution, "findings", None)
        if frame is None or not len(frame):
            return []
        out = []
        for _, row in frame.sort_values("priority", kind="stable").iterrows():
            sentence = self.view.scrub(row["text"])
            if self.before_view is not None:
                sentence = self.before_view.scrub(sentence)
            if self.lang == "fr":  # « Départ de une personne » once a name is hidden
                sentence = re.sub(r"\b([Dd])e (une? )", r"\1'\2", sentence)
            actors = [str(a) for a in (row.get("actors") or [])]
            out.append(
                {
                    "code": str(row.get("code") or ""),
                    "text": sentence,
                    "question": "evolution",
                    "actors": actors,
                    "names": [self.name(a) for a in actors if a in self.d.actors.index],
                }
            )
        return out

    def questions(self) -> list[Question]:
        found = self.findings() + self.evolution_findings()
        out = []
        for key in QUESTIONS:
            question = Question(
                key, self.text(f"doc.q.{key}.title"), self.text(f"doc.q.{key}.question")
            )
            question.findings = [f for f in found if f["question"] == key]
            if key == "fragilite":  # findings no question claims are read as fragilities
                question.findings += [f for f in found if f["question"] == "other"]
            for finding in question.findings:
                question.actors += [a for a in finding["actors"] if a not in question.actors]
            out.append(question)
        return out

    def actors_named(self, names: list[str]) -> str:
        shown = names[:8]
        listed = ", ".join(shown)
        if len(names) > len(shown):
            listed += self.text("doc.and_more", n=len(names) - len(shown))
        return self.text("doc.actors_named", names=listed)

    # -- top actors -------------------------------------------------------------------------------
    def top_actors(self) -> tuple[list[str], list[list[str]]]:
        """Header and rows of the table of main actors (most in between, then most partners)."""
        actors = self.d.actors
        if not len(actors):
            return [], []
        ranked = (
            actors.assign(_id=actors.index.astype(str))
            .sort_values(
                ["betweenness", "degree", "name", "_id"],
                ascending=[False, False, True, True],
                kind="stable",
            )
            .head(TOP_ACTORS)
        )
        header = [
            self.text(f"doc.top.col.{c}")
            for c in ("actor", "type", "municipality", "degree", "betweenness", "role")
        ]
        rows = []
        for actor, row in ranked.iterrows():
            municipality = row.get("municipality")
            rows.append(
                [
                    str(row["name"]),
                    self.type_label(row["type"]),
                    "" if pd.isna(municipality) else str(municipality),
                    self.num(int(row["degree"])),
                    self.num(float(row["betweenness"]), 3),
                    self._roles(actor, row),
                ]
            )
        return header, rows

    def _roles(self, actor: Any, row: pd.Series) -> str:
        roles = []
        if bool(row.get("is_key_player")):
            roles.append(self.text("doc.role.key_player"))
        if bool(row.get("is_articulation_point")):
            roles.append(self.text("doc.role.cut_point"))
        if bool(row.get("is_isolated")):
            roles.append(self.text("doc.role.isolated"))
        return ", ".join(roles)

    # -- method and warnings ------------------------------------------------------------------------
    def method(self) -> dict[str, list[str]]:
        """The method page: what was measured, how to read each figure, the limits."""
        measured = [
            self.text(
                "doc.method.data",
                source=_file_name(self.t.source or "") or "-",
                actors=self._plural("doc.noun.actor", self._int("actors")),
                relations=self._plural("doc.noun.relation", self._int("relations")),
            ),
            self.text("doc.method.graph"),
            self.text("doc.method.tensions"),
        ]
        read = [
            self.text(
                "doc.method.read_item",
                label=self.text(f"report.ind.{k}"),
                definition=self.text(f"report.ind.{k}.def"),
            )
            for k in READ_INDICATORS
            if k in self.ind.index
        ]
        read += [
            self.text(
                "doc.method.read_item",
                label=self.text(f"report.col.{k}"),
                definition=self.text(f"report.col.{k}.def"),
            )
            for k in READ_COLUMNS
        ]
        limits = [self.text("doc.limit.entered"), self.text("doc.limit.response")]
        survey = response_line(self.t, self.lang)  # a survey: its rate, what it makes fragile
        limits += (
            [survey]
            if survey
            else [
                self.view.scrub(f["text"]) for f in self.findings() if f["code"] == "low_response"
            ]
        )
        sampled = (self.d.provenance.get("betweenness") or {}).get("betweenness", {})
        if isinstance(sampled, dict) and sampled.get("sampled"):
            limits.append(self.text("doc.limit.sampled", k=self.num(int(sampled.get("k") or 0))))
        seed = (self.d.provenance.get("communities") or {}).get("seed", 0)
        limits.append(self.text("doc.limit.communities", seed=str(seed)))
        when = date_label(self.t.date, self.lang)
        limits.append(
            self.text("doc.limit.date", date=when) if when else self.text("doc.limit.no_date")
        )
        versions = [
            self.text(
                "doc.method.version",
                version=__version__,
                networkx=str(self.d.provenance.get("networkx", "")),
            )
        ]
        return {"measured": measured, "read": read, "limits": limits, "versions": versions}

    def warnings(self) -> tuple[str, list[str]]:
        """The sentence about the reading warnings, and the warnings themselves (at most 60)."""
        found = list(self.t.warnings)
        if not found:
            return self.text("doc.warnings.none"), []
        lines = [self.view.scrub(str(p)) for p in found[:MAX_WARNINGS]]
        if len(found) > MAX_WARNINGS:
            lines.append(self.text("doc.warnings.more", n=len(found) - MAX_WARNINGS))
        return self._plural("doc.warnings.intro", len(found)), lines


def _file_name(source: Any) -> str:
    from pathlib import PurePath

    return PurePath(str(source)).name if source else ""


__all__ = ["QUESTIONS", "DocumentText", "Question"]
