"""The territory kept as columns: its graph is made only when asked for, and is the same."""

from __future__ import annotations

import networkx as nx
import pytest

import territoire_graphe as tg
from territoire_graphe.data import sample_path
from territoire_graphe.model import Territory

SAMPLES = ("colombelles_tzcld.xlsx", "pays_de_bray_2024.xlsx", "voisinerie_wazemmes_csv")


def _records() -> dict:
    return {
        "actors": [
            {"id": "b", "name": "B", "type": "association", "budget": 3},
            {"id": "a", "name": "A", "type": "commune"},
            {"id": "c", "name": "C", "type": "association", "functions": ["se nourrir"]},
        ],
        "collectives": [{"id": "k", "name": "K", "type": "ptce"}],
        "people": [{"id": "p", "name": "P", "actor": "a", "position": "maire"}],
        "relations": [
            {"source": "a", "target": "c", "type": "coopération", "weight": 2.0},
            {"source": "b", "target": "a", "type": "financement", "directed": True},
            {"source": "a", "target": "b", "type": "tension"},
            {"source": "b", "target": "a", "type": "coopération", "weight": 0.5},
            {"source": "c", "target": "c", "type": "coopération"},
        ],
        "memberships": [{"actor": "a", "collective": "k", "role": "fondateur"}],
        "resources": [{"actor": "c", "resource": "local"}, {"actor": "b", "resource": "camion"}],
        "needs": [{"actor": "a", "need": "salle"}],
    }


def _lazy_and_eager() -> tuple[Territory, Territory]:
    lazy = Territory.from_records(**_records())
    eager = Territory.from_records(**_records())
    eager.graph  # noqa: B018  # made first: every table comes from it
    return lazy, eager


def test_reading_the_tables_and_the_diagnosis_do_not_make_the_graph() -> None:
    t = tg.read(sample_path("colombelles_tzcld.xlsx"))
    assert len(t.actors) > 30 and len(t.relations) > 0
    t.analysis_graph, t.directed_graph, t.resources, t.info  # noqa: B018
    tg.diagnose(t)
    assert "graph" not in t.__dict__
    assert isinstance(t.graph, nx.MultiDiGraph) and "graph" in t.__dict__


def test_analysis_graph_by_hand() -> None:
    lazy, _ = _lazy_and_eager()
    # a-c (2), a-b: financement 1 + coopération 0.5; the tension and the self-loop are out
    ties = {frozenset((u, v)): d for u, v, d in lazy.analysis_graph.edges(data=True)}
    assert ties == {
        frozenset("ab"): {"weight": 1.5, "relations": 2},
        frozenset("ac"): {"weight": 2.0, "relations": 1},
    }
    assert list(lazy.analysis_graph.nodes) == ["b", "a", "c"]
    assert lazy.analysis_graph.nodes["a"]["functions"] == []
    assert sorted(lazy.directed_graph.edges(data="weight")) == [
        ("a", "b", 0.5),
        ("a", "c", 2.0),
        ("b", "a", 1.5),
        ("c", "a", 2.0),
    ]


@pytest.mark.parametrize(
    "table",
    ["actors", "relations", "collectives", "people", "memberships", "resources", "needs"],
)
def test_tables_are_the_ones_the_graph_gives(table: str) -> None:
    lazy, eager = _lazy_and_eager()
    left, right = getattr(lazy, table), getattr(eager, table)
    assert left.equals(right) and list(left.columns) == list(right.columns)
    assert list(left.index) == list(right.index)


def test_projections_keep_the_graph_order() -> None:
    lazy, eager = _lazy_and_eager()
    for name in ("analysis_graph", "directed_graph"):
        left, right = getattr(lazy, name), getattr(eager, name)
        assert list(left.nodes(data=True)) == list(right.nodes(data=True))
        assert list(left.edges(data=True)) == list(right.edges(data=True))


def test_the_graph_made_late_holds_every_kind() -> None:
    lazy, _ = _lazy_and_eager()
    graph = lazy.graph
    assert graph.nodes["p"]["kind"] == "person" and graph.has_edge("p", "a", key="affiliation")
    assert graph.has_edge("a", "k", key="m0")
    assert graph.nodes["c"]["resources"] == [{"resource": "local"}]
    assert graph.nodes["a"]["needs"] == [{"need": "salle"}]
    assert graph.nodes["b"]["budget"] == 3 and "budget" not in graph.nodes["a"]
    assert graph.graph["columns"]["actor"] == ["budget"]


def test_the_info_set_before_the_graph_is_on_it(make_workbook) -> None:
    path = make_workbook(
        {
            "territoire": [["Nom", "Bray"], ["Auteur", "CRESS"]],
            "acteurs": [["nom", "type"], ["Mairie", "commune"]],
        }
    )
    t = tg.read(path)
    assert t.info["author"] == "CRESS" and "graph" not in t.__dict__
    assert t.graph.graph["territory"]["author"] == "CRESS" and t.graph.graph["name"] == "Bray"
    t.graph.graph["territory"] = {"perimeter": ["Songeons"]}
    assert t.perimeter == ["Songeons"]


def test_a_repeated_id_is_settled_by_the_graph_as_before() -> None:
    t = Territory.from_records(
        actors=[{"id": "a", "name": "A", "type": "commune"}, {"id": "a", "name": "A2"}]
    )
    assert list(t.actors.index) == ["a"] and t.actors.loc["a", "name"] == "A2"


def test_a_resource_of_no_actor_is_refused_as_before() -> None:
    with pytest.raises(KeyError):
        Territory.from_records(
            actors=[{"id": "a", "name": "A"}], resources=[{"actor": "z", "resource": "x"}]
        )


@pytest.mark.parametrize("sample", SAMPLES)
def test_samples_read_the_same_graph_first_or_last(sample: str) -> None:
    lazy = tg.read(sample_path(sample))
    eager = tg.read(sample_path(sample))
    eager.graph  # noqa: B018
    for table in ("actors", "relations", "memberships", "resources", "needs", "people"):
        assert getattr(lazy, table).equals(getattr(eager, table)), table
    assert list(lazy.analysis_graph.edges(data=True)) == list(eager.analysis_graph.edges(data=True))


@pytest.mark.parametrize(
    ("column", "values"),
    [
        ("name", ["A", None, "C"]),  # texts with a gap
        ("municipality", [None, None, None]),  # a column left empty
        ("area", [float("nan"), None, float("nan")]),  # NaN: pandas sees numbers
        ("sector", [1, "deux", 3.0]),  # mixed
        ("functions", [[], ["se nourrir"], []]),  # lists, of equal length or not
        ("functions", [["a"], ["b"], ["c"]]),
        ("budget", [1.5, 2, None]),  # an extra column of numbers stays numbers
        ("budget", ["1", "2", "3"]),
    ],
)
def test_a_table_made_from_the_columns_has_the_dtypes_pandas_gives_a_list(column, values) -> None:
    import pandas as pd

    from territoire_graphe.model import ACTOR_COLUMNS, _typed

    records = [
        {"id": str(i), "name": f"N{i}", "type": "association", column: value}
        for i, value in enumerate(values)
    ]
    table = Territory.from_records(actors=records).actors
    columns = list(table.columns)
    by_pandas = pd.DataFrame(
        {c: [r.get(c, [] if c == "functions" else None) for r in records] for c in columns},
        index=pd.Index([r["id"] for r in records], name="id", dtype=object),
    )
    pd.testing.assert_frame_equal(table, _typed(by_pandas, ACTOR_COLUMNS))
