"""diagnose(): the fixed names of FORMAT.md section 2 and indicators computed by hand."""

from __future__ import annotations

import math

import pytest

import territoire_graphe as tg

FORMAT_ACTOR_COLUMNS = [
    "name",
    "type",
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "constraint",
    "effective_size",
    "community",
    "component",
    "is_isolated",
    "is_articulation_point",
    "broker_coordinator",
    "broker_itinerant",
    "broker_representative",
    "broker_gatekeeper",
    "broker_liaison",
]
FORMAT_INDICATORS = [
    "actors",
    "relations",
    "density",
    "components",
    "ties",
    "largest_component_share",
    "isolated",
    "isolated_share",
    "mean_degree",
    "transitivity",
    "degree_centralization",
    "modularity",
    "ei_index_type",
]


def territory(types: dict[str, str], links: list[tuple[str, str, str]], **tables):
    """A small territory: actor id -> type, and (source, target, relation type) triples."""
    from territoire_graphe.vocabulary import default_vocabulary

    voc = default_vocabulary()
    relations = [
        {
            "source": s,
            "target": t,
            "type": kind,
            "family": voc.relation(kind).family,
            "weight": 1.0,
            "directed": bool(voc.relation(kind).directed),
        }
        for s, t, kind in links
    ]
    actors = [{"id": a, "name": a.upper(), "type": kind} for a, kind in types.items()]
    return tg.Territory.from_records(actors=actors, relations=relations, **tables)


@pytest.fixture(scope="module")
def path_and_isolate():
    # a - b - c - d - e, and f alone
    types = {x: "association" for x in "abcdef"}
    links = [(u, v, "coopération") for u, v in ["ab", "bc", "cd", "de"]]
    return tg.diagnose(territory(types, links), permutations=0)


def test_actor_table_has_every_column_format_md_fixes(path_and_isolate):
    missing = [c for c in FORMAT_ACTOR_COLUMNS if c not in path_and_isolate.actors.columns]
    assert missing == []
    assert list(path_and_isolate.actors.index) == list("abcdef")


def test_indicators_have_every_name_format_md_fixes(path_and_isolate):
    assert [c for c in FORMAT_INDICATORS if c not in path_and_isolate.indicators.index] == []


def test_indicators_of_a_path_with_an_isolated_actor_match_hand_computation(path_and_isolate):
    ind = path_and_isolate.indicators
    assert ind["actors"] == 6 and ind["relations"] == 4 and ind["ties"] == 4
    assert ind["density"] == pytest.approx(4 / 15)  # 4 ties out of 6*5/2
    assert ind["components"] == 2
    assert ind["largest_component_share"] == pytest.approx(5 / 6)
    assert ind["isolated"] == 1 and ind["isolated_share"] == pytest.approx(1 / 6)
    assert ind["mean_degree"] == pytest.approx(8 / 6)
    assert ind["transitivity"] == 0
    # Freeman: degrees 1,2,2,2,1,0; max 2; sum(2 - d) = 4; / ((6-1)(6-2)) = 0.2
    assert ind["degree_centralization"] == pytest.approx(0.2)
    # every type is "association": no external tie, E-I = (0 - 4) / 4
    assert ind["ei_index_type"] == pytest.approx(-1.0)


def test_bridges_are_the_four_ties_of_the_path_as_sorted_pairs(path_and_isolate):
    assert path_and_isolate.bridges == [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]


def test_structure_flags_follow_the_path(path_and_isolate):
    a = path_and_isolate.actors
    assert list(a.index[a["is_articulation_point"]]) == ["b", "c", "d"]
    assert list(a.index[a["is_isolated"]]) == ["f"]
    # betweenness of the middle of a 5-path, normalised by (n-1)(n-2)/2 with n = 6: 4/10
    assert a.at["c", "betweenness"] == pytest.approx(4 / 10)
    assert a.at["a", "degree"] == 1 and a.at["f", "degree"] == 0


def test_relations_count_records_while_ties_count_pairs_without_tensions():
    types = {"a": "association", "b": "commune", "c": "entreprise"}
    links = [("a", "b", "coopération"), ("b", "a", "financement"), ("a", "c", "tension")]
    d = tg.diagnose(territory(types, links), permutations=0)
    assert d.indicators["relations"] == 3
    assert d.indicators["ties"] == 1  # a-b twice is one tie; the tension is no tie
    assert d.actors.at["a", "strength"] == pytest.approx(2.0)
    assert bool(d.actors.at["c", "is_isolated"])


def test_provenance_names_the_algorithms_and_the_seed(path_and_isolate):
    prov = path_and_isolate.provenance
    assert prov["communities"]["seed"] == 0
    assert "Louvain" in prov["communities"]["algorithm"]
    assert prov["key_players"]["reach"]["steps"] == 2
    assert prov["package"].startswith("territoire_graphe")


def test_diagnosis_is_deterministic():
    t = tg.read(tg.sample_path("voisinerie_wazemmes.xlsx"))
    first, second = tg.diagnose(t), tg.diagnose(t)
    assert first.actors.drop(columns=["functions"]).equals(
        second.actors.drop(columns=["functions"])
    )
    assert list(first.findings["text"]) == list(second.findings["text"])


def test_an_empty_relation_sheet_gives_a_diagnosis_without_crashing():
    d = tg.diagnose(territory({"a": "commune", "b": "association"}, []), permutations=0)
    assert d.indicators["ties"] == 0
    assert math.isclose(d.indicators["density"], 0.0)
    assert list(d.findings["code"]) == ["no_relation"]


@pytest.mark.slow
def test_every_sample_is_diagnosed_with_findings_in_both_languages():
    for path in tg.data.samples():
        t = tg.read(path)
        fr, en = tg.diagnose(t), tg.diagnose(t, lang="en")
        assert len(fr.findings) >= 5
        assert list(fr.findings["code"]) == list(en.findings["code"])
        assert set(fr.findings["category"]) <= {
            "mobilisation",
            "interconnaissance",
            "complémentarités",
            "fragilité",
        }
