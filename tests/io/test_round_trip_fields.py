"""Every sample through every export and back: the same territory, field by field, no warning.

What each format cannot hold is listed in docs/format.md ("Other formats"); this test checks
everything else: actors (name, type and every standard column), relations (ends,
type, family, intensity, direction), collectives, memberships, people, resources,
needs, and the territory's own types (colour, label, family, direction).
"""

import math

import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.data import sample_path
from territoire_graphe.io.export import to_csv, to_graphml, to_json
from territoire_graphe.io.export_gexf import to_gexf
from territoire_graphe.io.export_graphology import to_graphology
from territoire_graphe.io.export_kumu import to_kumu
from territoire_graphe.model import ACTOR_COLUMNS

SAMPLES = [
    "colombelles_tzcld.xlsx",
    "lens_lievin_alimentation.xlsx",
    "pays_de_bray_2023.xlsx",
    "pays_de_bray_2024.xlsx",
    "voisinerie_wazemmes.xlsx",
]
EXPORTS = {
    "gexf": (to_gexf, "t.gexf"),
    "graphml": (to_graphml, "t.graphml"),
    "node-link": (to_json, "t.json"),
    "graphology": (to_graphology, "t.graphology.json"),
    "kumu": (to_kumu, "t.kumu.xlsx"),
    "csv": (to_csv, "t_csv"),
}
ACTOR_FIELDS = (*ACTOR_COLUMNS, "code_insee", "siret", "site_web")  # and the samples' extras
RELATION_FIELDS = (
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
)


@pytest.fixture(scope="module")
def originals():
    return {name: tg.read(sample_path(name)) for name in SAMPLES}


def _plain(value):
    """A cell compared across formats: numbers as floats, lists as tuples, missing as None."""
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return str(value)


def _rows(frame, fields, index=False):
    table = frame.reset_index() if index else frame
    present = [f for f in fields if f in table.columns]
    return sorted(
        (tuple(_plain(v) for v in row) for row in table[present].itertuples(index=False)),
        key=repr,
    )


def _own_types(t):
    return {
        (kind, name): (e.color, e.label_en, e.family, e.directed)
        for kind, entries in t.vocabulary.entries.items()
        for name, e in entries.items()
        if e.custom
    }


@pytest.mark.parametrize("export", sorted(EXPORTS))
@pytest.mark.parametrize("sample", SAMPLES)
def test_every_sample_comes_back_field_by_field_without_a_warning(
    tmp_path, originals, sample, export
):
    t = originals[sample]
    write, name = EXPORTS[export]
    back = tg.read(write(t, tmp_path / name))
    assert [(w.code, str(w)) for w in back.warnings] == []
    assert sorted(map(str, back.actors.index)) == sorted(map(str, t.actors.index))
    fields = [f for f in ACTOR_FIELDS if f in t.actors.columns]
    assert _rows(back.actors, ("id", *fields), index=True) == _rows(
        t.actors, ("id", *fields), index=True
    )
    assert _rows(back.relations, RELATION_FIELDS) == _rows(t.relations, RELATION_FIELDS)
    assert _rows(back.collectives, ("id", "name", "type"), index=True) == _rows(
        t.collectives, ("id", "name", "type"), index=True
    )
    membership = ("actor", "collective", "role", "start", "end", "person")
    assert _rows(back.memberships, membership) == _rows(t.memberships, membership)
    assert _rows(back.people, ("id", "name", "actor", "position"), index=True) == _rows(
        t.people, ("id", "name", "actor", "position"), index=True
    )
    for what, item in (("resources", "resource"), ("needs", "need")):
        table, again = getattr(t, what), getattr(back, what)
        fields = ("actor", item, "category", "person")
        assert _rows(again, fields) == _rows(table, fields), what
    assert _own_types(back) == _own_types(t)
