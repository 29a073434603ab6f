"""The territory: a typed networkx MultiDiGraph and the tables derived from it.

Nodes are actors, collectives and people (attribute ``kind``); edges are
relations between actors (``kind="relation"``, keyed by relation number),
memberships of actors in collectives (``kind="membership"``) and the
affiliation of people to their organisation (``kind="affiliation"``).
Resources and needs are lists on the actor nodes. The tables
(:attr:`Territory.actors`, :attr:`Territory.relations`, ...) and the
*analysis graph* are derived and cached. A territory read or made from records
keeps them as columns (:mod:`.model_columns`) and makes the graph only on first
use of :attr:`Territory.graph`, the same as if it had been made first; once
made, the graph is the one source of truth for what is derived after.

>>> t = Territory.from_records(
...     actors=[{"id": "a", "name": "Mairie", "type": "commune"},
...             {"id": "b", "name": "Asso", "type": "association"},
...             {"id": "c", "name": "Isolée", "type": "association"}],
...     relations=[{"source": "a", "target": "b", "type": "coopération", "family": "lien",
...                 "weight": 2.0, "directed": False}],
...     name="Exemple")
>>> t
<Territory 'Exemple': 3 actors, 1 relations, 0 collectives, 0 people>
>>> sorted(t.analysis_graph.edges(data="weight"))
[('a', 'b', 2.0)]
>>> list(t.actors.index)
['a', 'b', 'c']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any

import networkx as nx
import pandas as pd

from ._renderers import render
from .model_columns import (
    NodeColumns,
    actor_attrs,
    build_graph,
    membership_frame,
    node_frame,
    offer_records,
    relation_frame,
    relation_order,
)
from .model_columns import Store as _Store
from .vocabulary import TENSION, Vocabulary, default_vocabulary

ACTOR_COLUMNS: tuple[str, ...] = (
    "name",
    "type",
    "municipality",
    "area",
    "sector",
    "functions",
    "role",
    "influence",
    "interest",
    "latitude",
    "longitude",
)
RELATION_COLUMNS: tuple[str, ...] = (
    "source",
    "target",
    "type",
    "family",
    "weight",
    "directed",
    "start",
    "end",
    "quantity",
    "unit",
    "comment",
    "source_person",
    "target_person",
    "sheet",
    "row",
)
COLLECTIVE_COLUMNS: tuple[str, ...] = ("name", "type")
PEOPLE_COLUMNS: tuple[str, ...] = ("name", "actor", "position")
MEMBERSHIP_COLUMNS: tuple[str, ...] = (
    "actor",
    "collective",
    "role",
    "start",
    "end",
    "person",
    "sheet",
    "row",
)
RESOURCE_COLUMNS: tuple[str, ...] = ("actor", "resource", "category", "person", "sheet", "row")
NEED_COLUMNS: tuple[str, ...] = ("actor", "need", "category", "person", "sheet", "row")
_NUMERIC = {"influence", "interest", "latitude", "longitude", "weight", "quantity"}
_DATES = {"start", "end"}


class Territory:
    """One territory at one date: its actors, relations, collectives, people, resources and needs.

    Build one with :func:`territoire_graphe.read` (from a workbook) or
    :meth:`Territory.from_records`. Treat it as read-only: tables and projections
    are derived and cached; :attr:`graph` is made on first use (reading, the tables
    and the diagnosis never need it).

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    >>> t.name, len(t.actors) == t.graph.number_of_nodes() - len(t.collectives) - len(t.people)
    ('Colombelles TZCLD', True)
    """

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        *,
        name: str = "",
        date: pd.Timestamp | None = None,
        warnings: Sequence[Any] = (),
        vocabulary: Vocabulary | None = None,
        source: str | None = None,
        extra_sheets: Mapping[str, pd.DataFrame] | None = None,
    ):
        self.__dict__["graph"] = graph
        self._store: _Store | None = None
        self._setup(
            graph.graph,
            name=name,
            date=date,
            warnings=warnings,
            vocabulary=vocabulary,
            source=source,
            extra_sheets=extra_sheets,
        )

    def _setup(
        self,
        meta: dict[str, Any],
        *,
        name: str,
        date: pd.Timestamp | None,
        warnings: Sequence[Any],
        vocabulary: Vocabulary | None,
        source: str | None,
        extra_sheets: Mapping[str, pd.DataFrame] | None,
    ) -> None:
        self._meta = meta
        self.name = name or meta.get("name", "") or "territoire"
        self.date = None if date is None else pd.Timestamp(date)
        self.warnings = list(warnings)
        self.vocabulary = vocabulary or default_vocabulary()
        self.source = source
        self.extra_sheets = dict(extra_sheets or {})
        meta.setdefault("columns", {})
        meta["name"] = self.name
        meta["date"] = self.date

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The typed networkx MultiDiGraph of the territory (made on first use, then kept).

        Once made, it is the source of the tables and projections not asked for yet.
        """
        assert self._store is not None  # a territory made from a graph has it already
        store = self._store
        return build_graph(
            self._meta, store.nodes, store.relations, store.memberships, store.offers
        )

    def _columns(self) -> _Store | None:
        """The columns the territory was made from, while its graph is not made."""
        return None if "graph" in self.__dict__ else self._store

    @property
    def info(self) -> dict[str, Any]:
        """The fields of the workbook's ``territoire`` sheet (name, date, perimeter, source, author)."""
        return dict(self._graph_attrs().get("territory") or {})

    def _graph_attrs(self) -> dict[str, Any]:
        """The graph's own attributes (``columns``, ``territory``...), graph made or not."""
        graph = self.__dict__.get("graph")
        return self._meta if graph is None else graph.graph

    @property
    def perimeter(self) -> list[str]:
        """The communes of the territory (names or INSEE codes); empty when not given."""
        return list(self.info.get("perimeter") or [])

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_records(
        cls,
        *,
        actors: Iterable[Mapping[str, Any]] | NodeColumns,
        relations: Iterable[Mapping[str, Any]] = (),
        collectives: Iterable[Mapping[str, Any]] | NodeColumns = (),
        people: Iterable[Mapping[str, Any]] | NodeColumns = (),
        memberships: Iterable[Mapping[str, Any]] = (),
        resources: Iterable[Mapping[str, Any]] = (),
        needs: Iterable[Mapping[str, Any]] = (),
        name: str = "",
        date: pd.Timestamp | None = None,
        warnings: Sequence[Any] = (),
        vocabulary: Vocabulary | None = None,
        source: str | None = None,
        extra_sheets: Mapping[str, pd.DataFrame] | None = None,
    ) -> Territory:
        """Build a territory from validated records (dicts keyed by the English column names).

        Records are trusted: use :func:`territoire_graphe.read` for anything a person typed.
        Keys beyond the standard columns are kept as extra columns.

        Parameters
        ----------
        actors : iterable of mapping
            One record per actor: ``id``, ``name``, ``type`` and any other column.
        relations, collectives, people, memberships, resources, needs : iterable of mapping
            The other tables of FORMAT.md, one record per row (default: none).
        name : str, default ""
            The territory's name.
        date : Timestamp, optional
            Its date.
        warnings : sequence, default ()
            Problems to keep in ``Territory.warnings``.
        vocabulary : Vocabulary, optional
            The types (default: the default vocabulary).
        source : str, optional
            The file it came from.
        extra_sheets : mapping, optional
            Sheet name -> table, kept as the workbook's other sheets.

        Returns
        -------
        Territory

        Raises
        ------
        KeyError
            If a record lacks a column its table needs (``id`` of an actor, ``source`` or
            ``target`` of a relation...).

        Examples
        --------
        >>> import territoire_graphe as tg
        >>> t = tg.Territory.from_records(
        ...     actors=[{"id": "a", "name": "A", "type": "commune"},
        ...             {"id": "b", "name": "B", "type": "association"}],
        ...     relations=[{"source": "a", "target": "b", "type": "coopération"}], name="T")
        >>> len(t.actors), t.relations["family"].tolist()
        (2, ['lien'])
        """
        columns: dict[str, list[str]] = {}
        nodes: dict[str, NodeColumns] = {}
        for kind, records, standard in (
            ("actor", actors, ACTOR_COLUMNS),
            ("collective", collectives, COLLECTIVE_COLUMNS),
            ("person", people, PEOPLE_COLUMNS),
        ):
            skip = ("kind", "resources", "needs") if kind == "actor" else ("kind",)
            if isinstance(records, NodeColumns):  # the reader's own columns (io.build)
                store = records
                for column in skip:
                    store.columns.pop(column, None)
            else:
                store = NodeColumns.collect(records, skip=skip)
            nodes[kind] = store
            known = {*standard, "resources", "needs"}
            columns[kind] = [c for c in store.columns if c not in known]
        extra_rel: dict[str, None] = {}
        known = {*RELATION_COLUMNS, "kind"}
        edges = []
        types = vocabulary or default_vocabulary()
        for record in relations:
            attrs = {**record, "kind": "relation"}
            # Missing or empty family, direction and weight follow the relation type (FORMAT.md).
            entry = types.relation(str(attrs.get("type") or ""))
            if _missing(attrs.get("family")):
                attrs["family"] = entry.family or "lien"
            if _missing(attrs.get("directed")):
                attrs["directed"] = bool(entry.directed)
            if _missing(attrs.get("weight")):
                attrs["weight"] = 1.0
            head, tail = str(attrs.pop("source")), str(attrs.pop("target"))
            _note_extra(record.keys(), known, extra_rel)
            edges.append((head, tail, attrs))
        columns["relation"] = list(extra_rel)
        extra_mem: dict[str, None] = {}
        known = {*MEMBERSHIP_COLUMNS, "kind"}
        links = []
        for record in memberships:
            attrs = dict(record)
            actor, collective = str(attrs.pop("actor")), str(attrs.pop("collective"))
            _note_extra(record.keys(), known, extra_mem)
            attrs["kind"] = "membership"
            links.append((actor, collective, attrs))
        columns["membership"] = list(extra_mem)
        offers: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for what, records, standard in (
            ("resources", resources, RESOURCE_COLUMNS),
            ("needs", needs, NEED_COLUMNS),
        ):
            extra: dict[str, None] = {}
            known = set(standard)
            items = offers[what] = []
            for record in records:
                attrs = dict(record)
                items.append((str(attrs.pop("actor")), attrs))
                _note_extra(record.keys(), known, extra)
            columns[what] = list(extra)
        territory = cls.__new__(cls)
        territory._store = _Store(nodes, edges, links, offers)
        territory._setup(
            {"columns": columns},
            name=name,
            date=date,
            warnings=warnings,
            vocabulary=vocabulary,
            source=source,
            extra_sheets=extra_sheets,
        )
        if not territory._store.plain():
            territory.graph  # noqa: B018  # repeated ids...: the graph settles them, as it did
        return territory

    # -- table views --------------------------------------------------------------------
    def _nodes(self, kind: str) -> list[tuple[str, dict[str, Any]]]:
        return [(n, a) for n, a in self.graph.nodes(data=True) if a.get("kind") == kind]

    def _node_table(self, kind: str, standard: Sequence[str]) -> pd.DataFrame:
        extra = self._graph_attrs()["columns"].get(kind, [])
        columns = [*standard, *extra]
        store = self._columns()
        if store is not None:
            numeric = [c for c in standard if c in _NUMERIC]
            text = [c for c in standard if c not in _NUMERIC and c not in _DATES]
            frame = node_frame(store.nodes[kind], columns, kind, numeric=numeric, text=text)
            return _typed(frame, standard)
        nodes = self._nodes(kind)
        frame = pd.DataFrame(
            {c: [a.get(c) for _, a in nodes] for c in columns},
            index=pd.Index([n for n, _ in nodes], name="id", dtype=object),
            columns=columns,
        )
        return _typed(frame, standard)

    @cached_property
    def actors(self) -> pd.DataFrame:
        """One row per actor, indexed by id: ``name``, ``type``, ... and the extra columns."""
        return self._node_table("actor", ACTOR_COLUMNS)

    @cached_property
    def collectives(self) -> pd.DataFrame:
        """One row per collective (PTCE, SCIC, tiers-lieu...), indexed by id."""
        return self._node_table("collective", COLLECTIVE_COLUMNS)

    @cached_property
    def people(self) -> pd.DataFrame:
        """One row per person, indexed by id, with the ``actor`` (organisation) they belong to."""
        return self._node_table("person", PEOPLE_COLUMNS)

    @cached_property
    def relations(self) -> pd.DataFrame:
        """One row per relation record (ties, flows, dependencies), in reading order.

        Relations between people are between their organisations here, with the
        people in ``source_person`` and ``target_person``.
        """
        extra = self._graph_attrs()["columns"].get("relation", [])
        columns = [*RELATION_COLUMNS, *extra]
        store = self._columns()
        if store is not None:
            frame = relation_frame(store.relations, columns)
            frame["directed"] = frame["directed"].astype(bool)
            return _typed(frame, RELATION_COLUMNS)
        rows = sorted(
            (
                (k, u, v, d)
                for u, v, k, d in self.graph.edges(keys=True, data=True)
                if d.get("kind") == "relation"
            ),
            key=lambda r: r[0],
        )
        data = {"source": [r[1] for r in rows], "target": [r[2] for r in rows]}
        for column in columns[2:]:
            data[column] = [r[3].get(column) for r in rows]
        frame = pd.DataFrame(data, columns=columns, index=pd.RangeIndex(len(rows), name="relation"))
        frame["directed"] = frame["directed"].astype(bool)
        return _typed(frame, RELATION_COLUMNS)

    @cached_property
    def memberships(self) -> pd.DataFrame:
        """One row per membership of an actor in a collective (``role``: its college...)."""
        extra = self._graph_attrs()["columns"].get("membership", [])
        columns = [*MEMBERSHIP_COLUMNS, *extra]
        store = self._columns()
        if store is not None:
            return _typed(membership_frame(store.memberships, columns), MEMBERSHIP_COLUMNS)
        rows = sorted(
            (
                (int(str(k)[1:]), u, v, d)
                for u, v, k, d in self.graph.edges(keys=True, data=True)
                if d.get("kind") == "membership"
            ),
            key=lambda r: r[0],
        )
        records = [[u, v, *(d.get(c) for c in columns[2:])] for _, u, v, d in rows]
        return _typed(pd.DataFrame(records, columns=columns), MEMBERSHIP_COLUMNS)

    def _offers(self, what: str, standard: Sequence[str], label: str) -> pd.DataFrame:
        extra = self._graph_attrs()["columns"].get(what, [])
        columns = [*standard, *extra]
        store = self._columns()
        if store is not None:
            records = offer_records(store.nodes["actor"], store.offers[what], columns)
        else:
            records = [
                [actor, *(item.get(c) for c in columns[1:])]
                for actor, attrs in self._nodes("actor")
                for item in attrs.get(what, [])
            ]
        frame = pd.DataFrame(records, columns=columns)
        if len(frame):
            frame = frame.sort_values(["sheet", "row"], kind="stable", na_position="last")
        return _typed(frame.reset_index(drop=True), standard)

    @cached_property
    def resources(self) -> pd.DataFrame:
        """What actors offer: ``actor``, ``resource``, ``category``."""
        return self._offers("resources", RESOURCE_COLUMNS, "resource")

    @cached_property
    def needs(self) -> pd.DataFrame:
        """What actors lack: ``actor``, ``need``, ``category``."""
        return self._offers("needs", NEED_COLUMNS, "need")

    # -- projections --------------------------------------------------------------------
    @cached_property
    def analysis_graph(self) -> nx.Graph:
        """Every actor, one undirected tie per pair with a relation other than a tension.

        The tie's ``weight`` is the sum of the intensities of those relations and
        ``relations`` their number. Self-loops are left out. This is the graph of
        FORMAT.md section 2, on which structural metrics are computed.
        """
        graph = nx.Graph()
        graph.add_nodes_from(self._actor_nodes())
        for u, v, data in self._relation_edges():
            if data.get("type") == TENSION or u == v:
                continue
            if graph.has_edge(u, v):
                tie = graph[u][v]
                tie["weight"] += float(data.get("weight", 1.0))
                tie["relations"] += 1
            else:
                graph.add_edge(u, v, weight=float(data.get("weight", 1.0)), relations=1)
        return graph

    @cached_property
    def directed_graph(self) -> nx.DiGraph:
        """Every actor; an arc per ordered pair joined by a relation other than a tension.

        An undirected relation counts both ways. Arcs carry ``weight`` (sum of
        intensities). Used for brokerage roles and in/out measures.
        """
        graph = nx.DiGraph()
        graph.add_nodes_from(self._actor_nodes())
        for u, v, data in self._relation_edges():
            if data.get("type") == TENSION or u == v:
                continue
            weight = float(data.get("weight", 1.0))
            pairs = [(u, v)] if data.get("directed") else [(u, v), (v, u)]
            for a, b in pairs:
                if graph.has_edge(a, b):
                    graph[a][b]["weight"] += weight
                else:
                    graph.add_edge(a, b, weight=weight)
        return graph

    def _relation_edges(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """The relations as edges, in the graph's order, graph made or not."""
        store = self._columns()
        if store is not None:
            relations = store.relations
            yield from (relations[n] for n in relation_order(store.nodes, relations))
            return
        for u, v, data in self.graph.edges(data=True):
            if data.get("kind") == "relation":
                yield u, v, data

    def _actor_nodes(self) -> list[tuple[str, dict[str, Any]]]:
        store = self._columns()
        if store is not None:
            actors = store.nodes["actor"]
            return [(node, actor_attrs(actors, i)) for i, node in enumerate(actors.ids)]
        return [
            (n, {k: v for k, v in a.items() if k not in ("resources", "needs", "kind")})
            for n, a in self._nodes("actor")
        ]

    # -- display ------------------------------------------------------------------------
    def _repr_html_(self) -> str:
        """The territory at a glance in a notebook (drawn by :mod:`~territoire_graphe.render`)."""
        return str(render("territory.html", self))

    def __repr__(self) -> str:
        return (
            f"<Territory {self.name!r}{' ' + self.date.date().isoformat() if self.date else ''}"
            f": {len(self.actors)} actors, {len(self.relations)} relations, "
            f"{len(self.collectives)} collectives, {len(self.people)} people>"
        )

    def summary(self) -> pd.Series:
        """Counts of each table (actors, relations by family, collectives, people...).

        Returns
        -------
        pandas.Series
            ``actors``, ``relations``, ``ties``, ``flows``, ``dependencies``, ``collectives``,
            ``memberships``, ``resources``, ``needs``, ``people``, ``warnings``.

        Examples
        --------
        >>> import territoire_graphe as tg
        >>> s = tg.read(tg.sample_path("colombelles_tzcld.xlsx")).summary()
        >>> int(s["actors"]), bool(s["relations"] == s["ties"] + s["flows"] + s["dependencies"])
        (42, True)
        """
        families: Any = self.relations["family"].value_counts() if len(self.relations) else {}
        return pd.Series(
            {
                "actors": len(self.actors),
                "relations": len(self.relations),
                "ties": int(families.get("lien", 0)),
                "flows": int(families.get("flux", 0)),
                "dependencies": int(families.get("interdependance", 0)),
                "collectives": len(self.collectives),
                "memberships": len(self.memberships),
                "resources": len(self.resources),
                "needs": len(self.needs),
                "people": len(self.people),
                "warnings": len(self.warnings),
            },
            name=self.name,
        )


def _note_extra(keys: Iterable[str], known: set[str], extra: dict[str, None]) -> None:
    """Add to ``extra``, in the order first met, the keys that are not ``known`` yet."""
    if keys <= known:  # type: ignore[operator]  # the usual case, checked in C
        return
    for name in keys:
        if name not in known:
            known.add(name)
            extra[name] = None


def _typed(frame: pd.DataFrame, standard: Sequence[str]) -> pd.DataFrame:
    """Give standard columns their dtypes: numbers as floats, dates as datetimes, rows as ints.

    Only the table's ``standard`` columns are converted: an extra column keeps what
    the workbook held, whatever its name. Every date column has the same resolution
    (microseconds: any year a workbook can hold), so that dates compare and subtract.
    """
    for column in standard:
        if column in _NUMERIC:
            if frame[column].dtype != float:
                frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
        elif column in _DATES:
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[us]")
        elif column == "row":
            numbers = pd.to_numeric(frame[column], errors="coerce")
            known = numbers.dropna()
            if (known == known.round()).all():
                frame[column] = numbers.astype("Int64" if len(known) < len(numbers) else "int64")
    return frame


def _missing(value: Any) -> bool:
    """None or NaN: a value the caller did not give."""
    return value is None or (isinstance(value, float) and value != value)
