"""The default types' labels live in the message catalogue, not in vocabulary.py.

Their French label is the canonical name that tables hold (FORMAT.md), their English label
the catalogue's ``vocab.<kind>.<slug>``; a workbook's own types keep the label it gave.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from territoire_graphe import vocabulary
from territoire_graphe.messages import CATALOGUES
from territoire_graphe.vocabulary import TypeEntry, default_vocabulary, label_key

KINDS = ("actor", "relation", "collective", "function")


def test_every_default_type_has_its_label_in_every_catalogue_and_french_is_its_name():
    voc = default_vocabulary()
    for kind in KINDS:
        for entry in voc.entries[kind].values():
            found = {lang: CATALOGUES[lang].get(label_key(kind, entry.name)) for lang in CATALOGUES}
            assert None not in found.values(), (kind, entry.name)
            assert found["fr"] == entry.name
            assert entry.label("fr") == entry.name and entry.label("en") == entry.label_en


@pytest.mark.parametrize(
    ("kind", "name", "english"),
    [  # the labels vocabulary.py held before they moved (issue 13)
        ("actor", "commune", "municipality"),
        ("actor", "État / service déconcentré", "State / State service"),
        ("relation", "interconnaissance", "acquaintance"),
        ("collective", "tiers-lieu", "third place"),
        ("function", "se nourrir", "food"),
    ],
)
def test_labels_read_as_before_and_english_labels_still_match(kind, name, english):
    voc = default_vocabulary()
    entry = voc.get(kind, name)
    assert entry is not None and entry.label_en == english and entry.label("en") == english
    assert voc.match(kind, english.upper()).name == name


def test_no_two_default_types_share_a_catalogue_key():
    voc = default_vocabulary()
    keys = [label_key(k, e.name) for k in KINDS for e in voc.entries[k].values()]
    assert len(keys) == len(set(keys)) == 49


def test_a_workbooks_own_label_wins_in_english_and_its_own_type_reads_as_its_name():
    voc = default_vocabulary().extended(
        [
            TypeEntry("actor", "commune", "town hall"),  # overrides the default's label
            TypeEntry("actor", "ressourcerie", "reuse shop"),
            TypeEntry("actor", "amap", ""),
        ]
    )
    commune, shop, amap = (voc.actor(n) for n in ("commune", "ressourcerie", "amap"))
    assert commune is not None and shop is not None and amap is not None
    assert (commune.label("en"), commune.label("fr")) == ("town hall", "commune")
    assert (shop.label("en"), shop.label("fr")) == ("reuse shop", "ressourcerie")
    assert (amap.label("en"), amap.label("fr")) == ("amap", "amap")


def test_a_new_language_reads_the_default_labels_from_its_catalogue(monkeypatch):
    from territoire_graphe.messages import LOCALES, locale_for

    monkeypatch.setitem(LOCALES, "xx", locale_for("en"))
    monkeypatch.setitem(CATALOGUES, "xx", {k: f"<{k}>" for k in CATALOGUES["en"]})
    entry = default_vocabulary().relation("coopération")
    assert entry.label("xx") == "<vocab.relation.cooperation>"


def test_vocabulary_py_writes_no_label_of_its_own():
    """Each default type's tuple holds its name, data (colour, family, direction) and
    aliases: the name is its only text that is not an alias."""
    tree = ast.parse(Path(vocabulary.__file__).read_text(encoding="utf-8"))
    tables = {
        node.target.id: node.value
        for node in tree.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }
    for table in ("_ACTOR_TYPES", "_RELATION_TYPES", "_COLLECTIVE_TYPES", "_FUNCTIONS"):
        for row in tables[table].elts:
            texts = [
                e.value
                for e in row.elts[1:]
                if isinstance(e, ast.Constant)
                and isinstance(e.value, str)
                and not e.value.startswith("#")
            ]
            assert texts == [], (table, texts)
