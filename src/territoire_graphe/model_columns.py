"""How a territory is kept until its networkx graph is asked for: one list per column.

A networkx graph holds a dictionary per node and three more for its adjacency:
for a territory of millions of actors that is most of the memory of a read.
:class:`~territoire_graphe.model.Territory` therefore keeps the entities read as
columns (:class:`NodeColumns`) and the relations, memberships, resources and needs
as the records they were; its tables are made from these, and the typed
``MultiDiGraph`` (:func:`build_graph`) and the analysis projections
(:func:`relation_order`) only when used, exactly as if the graph had been built first.

>>> store = NodeColumns.collect([{"id": "a", "name": "A"}, {"id": "b", "name": "B", "x": 1}])
>>> store.ids, store.values("x"), store.attrs(0)
(['a', 'b'], [None, 1], {'name': 'A'})
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx


class _Absent:
    """A cell whose record did not have the key (a node of the graph would lack it)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


@dataclass
class NodeColumns:
    """The entities of one kind: their ids, and one list of values per key met."""

    ids: list[str] = field(default_factory=list)
    columns: dict[str, list[Any]] = field(default_factory=dict)
    # Set by the reader (io.entities.Registry), which has already seen to what
    # Store.plain checks: ids unique across every kind, offers of actors it holds.
    checked: bool = False

    @classmethod
    def collect(
        cls, records: Iterable[Mapping[str, Any]], *, skip: tuple[str, ...] = ()
    ) -> NodeColumns:
        """The records' values by key, one record at a time (no second copy of every record).

        Keys in ``skip`` are left out (the reader sets them itself).
        """
        store = cls()
        for record in records:
            store.append(str(record["id"]), record, skip=("id", *skip))
        return store

    def append(self, node_id: str, attrs: Mapping[str, Any], *, skip: tuple[str, ...] = ()) -> None:
        """Add one entity: its id and its values (keys in ``skip`` left out)."""
        ids, columns = self.ids, self.columns
        count = len(ids)
        ids.append(node_id)
        given = 0
        for name, value in attrs.items():
            if name in skip:
                continue
            column = columns.get(name)
            if column is None:
                column = columns[name] = [ABSENT] * count
            column.append(value)
            given += 1
        if given < len(columns):  # keys this record lacks
            for column in columns.values():
                if len(column) == count:
                    column.append(ABSENT)

    def __len__(self) -> int:
        return len(self.ids)

    def values(self, name: str, default: Callable[[], Any] | None = None) -> list[Any]:
        """The column ``name``, a missing value being None (or a new ``default()``)."""
        column = self.columns.get(name, [ABSENT] * len(self.ids))
        if default is not None:
            return [default() if v is ABSENT else v for v in column]
        return [None if v is ABSENT else v for v in column]

    def attrs(self, position: int) -> dict[str, Any]:
        """The keys and values the record at ``position`` had (its node's attributes)."""
        return {
            name: column[position]
            for name, column in self.columns.items()
            if column[position] is not ABSENT
        }


def actor_attrs(store: NodeColumns, position: int) -> dict[str, Any]:
    """An actor's attributes on the analysis graphs: what it was given, ``functions`` at least."""
    attrs = store.attrs(position)
    attrs.pop("resources", None)
    attrs.pop("needs", None)
    attrs.setdefault("functions", [])
    return attrs


def build_graph(
    meta: dict[str, Any],
    nodes: Mapping[str, NodeColumns],
    relations: list[tuple[str, str, dict[str, Any]]],
    memberships: list[tuple[str, str, dict[str, Any]]],
    offers: Mapping[str, list[tuple[str, dict[str, Any]]]],
) -> nx.MultiDiGraph:
    """The typed MultiDiGraph of the territory, node for node and edge for edge as
    :meth:`~territoire_graphe.model.Territory.from_records` used to build it.

    ``meta`` becomes the graph's own attributes (the same dictionary, not a copy).
    """
    graph = nx.MultiDiGraph()
    for kind, store in nodes.items():
        for position, node in enumerate(store.ids):
            attrs = store.attrs(position)
            attrs["kind"] = kind
            if kind == "actor":
                attrs.setdefault("functions", [])
                attrs["resources"] = []
                attrs["needs"] = []
            graph.add_node(node, **attrs)
    people = nodes.get("person")
    if people is not None:
        actors, jobs = people.columns.get("actor"), people.columns.get("position")
        for index, person in enumerate(people.ids):
            actor = None if actors is None else actors[index]
            if actor is not None and actor is not ABSENT:
                job = None if jobs is None else jobs[index]
                graph.add_edge(
                    person,
                    actor,
                    key="affiliation",
                    kind="affiliation",
                    position=None if job is ABSENT else job,
                )
    graph.add_edges_from(
        (head, tail, number, dict(attrs)) for number, (head, tail, attrs) in enumerate(relations)
    )
    for number, (actor, collective, attrs) in enumerate(memberships):
        graph.add_edge(actor, collective, key=f"m{number}", **attrs)
    for what, items in offers.items():
        for actor, attrs in items:
            graph.nodes[actor][what].append(dict(attrs))
    graph.graph = meta
    return graph


def relation_order(
    nodes: Mapping[str, NodeColumns], relations: list[tuple[str, str, dict[str, Any]]]
) -> list[int]:
    """The relation numbers in the order ``MultiDiGraph.edges()`` would give them.

    That is by source node (in the order nodes were added), then by target in the
    order each pair was first joined, then by number: the analysis graphs are built
    in this order so that they are the same as when made from the graph.
    """
    position: dict[str, int] = {}
    for store in nodes.values():
        for node in store.ids:
            position.setdefault(node, len(position))
    people = nodes.get("person")
    if people is not None and "actor" in people.columns:
        for actor in people.columns["actor"]:
            if actor is not None and actor is not ABSENT:
                position.setdefault(actor, len(position))
    first: dict[tuple[str, str], int] = {}
    for number, (head, tail, _attrs) in enumerate(relations):
        position.setdefault(head, len(position))
        position.setdefault(tail, len(position))
        first.setdefault((head, tail), number)
    return sorted(
        range(len(relations)),
        key=lambda n: (position[relations[n][0]], first[relations[n][:2]], n),
    )


def node_frame(
    store: NodeColumns,
    columns: list[str],
    kind: str,
    *,
    numeric: Iterable[str] = (),
    text: Iterable[str] = (),
) -> Any:
    """The table of one kind of entity, indexed by id: the ``numeric`` columns as floats,
    the others as read (untyped).

    The ``numeric`` and ``text`` columns (standard ones, whose values the reader made)
    are handed to pandas as one array each, not to be copied again: a table of
    millions of actors is made without a second copy of every cell. The others are
    lists, whose dtype pandas infers (numbers, strings...) as it always did.
    """
    import pandas as pd

    floats, texts = set(numeric), set(text)
    defaults = {"functions": list} if kind == "actor" else {}
    index = pd.Index(store.ids, name="id", dtype=object)
    data: dict[str, Any] = {}
    for column in columns:
        values = store.values(column, defaults.get(column))
        if column in floats:
            series = pd.Series(_object_array(values), dtype=object, index=index, copy=False)
            data[column] = pd.to_numeric(series, errors="coerce").astype(float)
        elif column in texts:
            array = _object_array(values)
            # Texts (or lists): pandas reads the array as it would the list; anything else
            # (a column left empty, numbers) goes as the list, to be inferred the same way.
            kept = pd.api.types.infer_dtype(array, skipna=True) in ("string", "mixed")
            data[column] = (
                pd.Series(array, index=index, copy=False) if kept else _inferred(values, index)
            )
            del array
        else:
            data[column] = _inferred(values, index)
        del values
    # Each column is made (and its dtype found) one at a time, then handed over whole.
    return pd.DataFrame(data, index=index, columns=columns, copy=False)


def _inferred(values: list[Any], index: Any) -> Any:
    """``values`` as the column pandas makes of a list in a table (its dtype inferred so)."""
    import pandas as pd

    return pd.DataFrame({"column": values}, index=index, copy=False)["column"]


def _object_array(values: list[Any]) -> Any:
    """``values`` as a one-dimensional array of objects (lists among them kept whole)."""
    import numpy as np

    out = np.empty(len(values), dtype=object)
    try:
        out[:] = values
    except ValueError:  # values that are lists of equal length: numpy would see a matrix
        for position, value in enumerate(values):
            out[position] = value
    return out


def relation_frame(relations: list[tuple[str, str, dict[str, Any]]], columns: list[str]) -> Any:
    """The relations table (untyped), in reading order."""
    import pandas as pd

    data: dict[str, list[Any]] = {
        "source": [r[0] for r in relations],
        "target": [r[1] for r in relations],
    }
    for column in columns[2:]:
        data[column] = [r[2].get(column) for r in relations]
    return pd.DataFrame(data, columns=columns, index=pd.RangeIndex(len(relations), name="relation"))


def membership_frame(memberships: list[tuple[str, str, dict[str, Any]]], columns: list[str]) -> Any:
    """The memberships table (untyped), in reading order."""
    import pandas as pd

    records = [[u, v, *(d.get(c) for c in columns[2:])] for u, v, d in memberships]
    return pd.DataFrame(records, columns=columns)


def offer_records(
    actors: NodeColumns, items: list[tuple[str, dict[str, Any]]], columns: list[str]
) -> list[list[Any]]:
    """Resources or needs as rows, actor after actor in the order actors were given."""
    position = {node: i for i, node in enumerate(actors.ids)}
    ordered = sorted(items, key=lambda item: position[item[0]])
    return [[actor, *(attrs.get(c) for c in columns[1:])] for actor, attrs in ordered]


@dataclass
class Store:
    """Everything a territory was made from, before its graph is made."""

    nodes: dict[str, NodeColumns]
    relations: list[tuple[str, str, dict[str, Any]]]
    memberships: list[tuple[str, str, dict[str, Any]]]
    offers: dict[str, list[tuple[str, dict[str, Any]]]]

    def plain(self) -> bool:
        """Whether the columns say what the graph would: no id twice (a graph would merge
        them), resources and needs only of actors given (a graph would refuse them)."""
        if self.nodes and all(store.checked for store in self.nodes.values()):
            return True  # the reader saw to both (sets of millions of ids are not free)
        ids: set[str] = set()
        for store in self.nodes.values():
            ids.update(store.ids)
        if len(ids) < sum(len(store) for store in self.nodes.values()):
            return False
        actors = set(self.nodes["actor"].ids)
        return all(actor in actors for items in self.offers.values() for actor, _ in items)
