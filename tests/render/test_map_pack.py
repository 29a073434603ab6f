"""The map's compact encoding (render/map_pack.py) and the cap on suggested links."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.render.edges import suggestion_records
from territoire_graphe.render.html import render_html
from territoire_graphe.render.map_data import _capped, build_map_data
from territoire_graphe.render.map_pack import join_details, pack, page_data, unpack, unpack_data
from territoire_graphe.render.people import PeopleView


def test_records_become_columns_with_shared_strings_and_come_back_the_same():
    records = [
        {"id": "r0", "fam": "lien", "w": 1.0, "card": {"m": "Caen"}},
        {"id": "r1", "fam": "flux", "tip": ["x"], "card": {"m": "Caen", "p": [["A", ""]]}},
        {"id": "r2", "fam": "lien", "card": {}},
        {"id": "r3", "fam": "lien", "card": {"m": "Lens"}},
    ]
    packed = pack(records)
    assert packed["n"] == 4 and packed["k"] == ["id", "fam", "w", "card", "tip"]
    assert packed["c"][0] == ["r0", "r1", "r2", "r3"]  # unique texts: kept as they are
    assert packed["c"][1] == {"s": ["lien", "flux"], "i": [0, 1, 0, 0]}
    assert packed["c"][2] == [1.0, None, None, None]
    assert packed["c"][3]["r"]["c"][0] == {"s": ["Caen", "Lens"], "i": [0, 0, -1, 1]}
    assert unpack(packed) == records


def test_a_list_holding_an_explicit_none_or_nothing_is_left_as_it_is():
    assert pack([{"a": None}, {"a": 1}]) == [{"a": None}, {"a": 1}]
    assert pack([]) == [] and unpack([{"a": 1}]) == [{"a": 1}]


def test_the_page_carries_the_same_data_packed_and_smaller():
    t = tg.read(tg.sample_path("pays_de_bray_2023.xlsx"))
    d = tg.diagnose(t)
    page = render_html(t, diagnosis=d)
    raw = re.search(
        r'<script type="application/json" id="tg-data">(.*?)</script>', page, re.S
    ).group(1)
    packed = json.loads(raw)
    assert set(packed["nodes"]) == {"n", "k", "c"}
    expected = json.loads(json.dumps(build_map_data(t, d)))
    drawn = unpack_data(packed)
    assert not any("card" in node for node in drawn["nodes"])  # the cards: their own block
    assert [{**n, "card": {}} for n in drawn["nodes"]] == [
        {**n, "card": {}} for n in expected["nodes"]
    ]
    assert page_data(page) == expected
    assert len(raw) < len(json.dumps(expected, ensure_ascii=False, separators=(",", ":")))


def test_the_cards_block_is_safe_inside_the_page_and_read_back_the_same():
    hostile = "</script><script>alert(1)</script><!-- \u2028 \u2029 & é"
    t = tg.Territory.from_records(
        actors=[
            {"id": "a", "name": "A", "type": "association", "municipality": hostile},
            {"id": "b", "name": "B", "type": "association", "municipality": "Caen"},
        ],
        relations=[{"source": "a", "target": "b", "type": "coopération"}],
    )
    page = render_html(t)
    block = re.search(
        r'<script type="application/json" id="tg-details">(.*?)</script>', page, re.S
    ).group(1)
    assert "<" not in block and "\u2028" not in block and "\u2029" not in block
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in block
    assert "\\u003c!--" in block and "\\u2028" in block and "\\u0026" in block
    cards = unpack(json.loads(block))
    assert [card.get("m") for card in cards] == [hostile, "Caen"]
    assert "<script>alert" not in page and "<!-- " not in page  # escaped wherever it is
    with pytest.raises(ValueError):
        join_details({"nodes": [{"id": "a"}]}, pack([{"m": "x"}, {"m": "y"}]))


def test_suggested_links_on_the_map_are_capped_and_counted():
    t = tg.Territory.from_records(
        actors=[{"id": x, "name": x.upper(), "type": "association"} for x in "abcdef"],
        relations=[{"source": "a", "target": "b", "type": "coopération"}],
    )
    compl = pd.DataFrame(
        {
            "resource_actor": ["a", "c", "d", "c", "e", "zz", "f"],
            "need_actor": ["b", "d", "c", "d", "f", "a", "f"],
            "status": ["existing", "new", "new", "indirect", "new", "new", "new"],
            "resource": ["r1", "r2", "r3", "r4", "r5", "r6", "r7"],
            "need": ["n1", "n2", "n3", "n4", "n5", "n6", "n7"],
        }
    )
    d = SimpleNamespace(suggestions=pd.DataFrame(), complementarities=compl)
    view = PeopleView(t, "show", "en")
    records, total = suggestion_records(t, d, "en", view, limit=1)
    # a-b is tied, zz is unknown, f-f is the same actor: pairs c-d (3 lines) and e-f.
    assert total == 2
    assert [(r["from"], r["to"]) for r in records] == [("c", "d")]
    assert [tip.split('"')[1] for tip in records[0]["tip"]] == ["r2", "r3", "r4"]
    records, total = suggestion_records(t, d, "en", view)
    assert total == 2 and len(records) == 2


def test_the_warning_says_how_many_suggested_links_the_map_leaves_out():
    assert _capped(200, 200, "fr") == []
    line = _capped(200, 1234, "en")[0]
    assert "200" in line and "1,234" in line and "Complementarities" in line
    assert "1\u202f234" in _capped(200, 1234, "fr")[0]
