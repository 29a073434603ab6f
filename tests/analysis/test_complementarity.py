"""Resources that meet needs, through whom to introduce their holders, and who should meet."""

from __future__ import annotations

import math
import random
from itertools import pairwise

import networkx as nx
import pytest

from territoire_graphe.analysis.complementarity import (
    MAX_BUCKET,
    complementarities,
    link_suggestions,
)
from territoire_graphe.model import Territory

TIE = {"type": "coopération", "family": "lien", "weight": 1.0, "directed": False}


def territory(actors, relations=(), **tables) -> Territory:
    records = [
        {"id": a, "name": a.title(), "type": "association"} if isinstance(a, str) else a
        for a in actors
    ]
    return Territory.from_records(
        actors=records,
        relations=[{"source": s, "target": t, **TIE} for s, t in relations],
        **tables,
    )


def pairs(frame):
    return sorted(zip(frame["resource_actor"], frame["need_actor"], strict=True))


# -- matching ---------------------------------------------------------------------------
def test_a_resource_and_a_need_of_the_same_category_match_whatever_the_case():
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Salle de 40 places", "category": "Locaux"}],
        needs=[{"actor": "b", "need": "Graphiste pour une affiche", "category": " locaux"}],
    )
    found = complementarities(t)
    assert found[["resource_actor", "need_actor", "category", "match"]].values.tolist() == [
        ["a", "b", "Locaux", "category"]
    ]
    assert found.at[0, "resource_actor_name"] == "A"
    assert found.at[0, "need_actor_name"] == "B"


def test_texts_without_a_common_category_match_on_their_words():
    t = territory(
        "abcd",
        resources=[
            {"actor": "a", "resource": "Salle de réunion", "category": None},
            {"actor": "c", "resource": "Conseil en comptabilité", "category": "expertise"},
        ],
        needs=[
            {"actor": "b", "need": "Besoin d'une salle", "category": "immobilier"},
            {"actor": "d", "need": "Comptable à temps partiel", "category": None},
        ],
    )
    found = complementarities(t)
    # "salle" agrees with "salle"; "comptabilite" and "comptable" share "compta" (6 letters);
    # "salle" never meets "comptable"
    assert found[["resource_actor", "need_actor", "match", "category"]].values.tolist() == [
        ["c", "d", "text", "expertise"],
        ["a", "b", "text", "immobilier"],
    ]


def test_a_typo_does_not_prevent_a_text_match():
    # "comtabilite" is "comptabilite" without its "p" (one letter dropped)
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Comtabilité associative"}],
        needs=[{"actor": "b", "need": "Aide à la comptabilité"}],
    )
    assert pairs(complementarities(t)) == [("a", "b")]


def test_texts_sharing_only_stop_words_or_generic_words_do_not_match():
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Mise à disposition de véhicules"}],
        needs=[{"actor": "b", "need": "Besoin de bénévoles pour la mise en place"}],
    )
    assert complementarities(t).empty


def test_a_shared_word_does_not_match_texts_about_different_things():
    # "réseau" in both, but one is about energy (chaleur), the other about volunteers
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Réseau de chaleur"}],
        needs=[{"actor": "b", "need": "Réseau de bénévoles"}],
    )
    assert complementarities(t).empty


def test_the_adjective_local_is_not_the_noun_un_local():
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Produits locaux de la ferme"}],
        needs=[{"actor": "b", "need": "Un local pour stocker nos affaires"}],
    )
    assert complementarities(t).empty
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Salle de réunion"}],
        needs=[{"actor": "b", "need": "Un local pour nos réunions"}],
    )
    assert pairs(complementarities(t)) == [("a", "b")]


def test_commune_is_not_communication():
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Communication institutionnelle"}],
        needs=[{"actor": "b", "need": "Une commune partenaire"}],
    )
    assert complementarities(t).empty


def test_a_vehicle_answers_a_need_to_deliver():
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Véhicule utilitaire"}],
        needs=[{"actor": "b", "need": "Un véhicule pour livrer nos paniers"}],
    )
    assert complementarities(t)["match"].tolist() == ["text"]
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Camionnette"}],
        needs=[{"actor": "b", "need": "Livraison des repas"}],
    )
    assert complementarities(t)["match"].tolist() == ["text"]


def test_pairs_are_capped_per_need_and_per_resource():
    from territoire_graphe.analysis._matching import MAX_PER_NEED, MAX_PER_RESOURCE

    letters = "abcdefghijklmnopqrstuvwxyz"
    t = territory(
        letters,
        resources=[{"actor": x, "resource": "Salle de réunion"} for x in letters[:12]],
        needs=[{"actor": x, "need": "Un local pour nos réunions"} for x in letters[12:]],
    )
    found = complementarities(t)
    assert found.groupby(["need_actor", "need"]).size().max() <= MAX_PER_NEED
    assert found.groupby(["resource_actor", "resource"]).size().max() <= MAX_PER_RESOURCE
    assert len(found) >= 14  # every need still gets a match


def test_different_categories_with_unrelated_texts_do_not_match():
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Camion", "category": "matériel"}],
        needs=[{"actor": "b", "need": "Subvention", "category": "financement"}],
    )
    assert complementarities(t).empty


def test_an_actor_is_never_matched_with_itself():
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Salle", "category": "locaux"}],
        needs=[
            {"actor": "a", "need": "Salle", "category": "locaux"},
            {"actor": "b", "need": "Salle", "category": "locaux"},
        ],
    )
    assert pairs(complementarities(t)) == [("a", "b")]


def test_a_pair_whose_texts_agree_is_one_text_match_not_also_a_category_lead():
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Salle", "category": "locaux"}],
        needs=[{"actor": "b", "need": "Salle", "category": "Locaux"}],
    )
    assert complementarities(t)["match"].tolist() == ["text"]


# -- status -----------------------------------------------------------------------------
def test_tied_actors_make_an_existing_match():
    t = territory(
        "ab",
        [("a", "b")],
        resources=[{"actor": "a", "resource": "Salle", "category": "locaux"}],
        needs=[{"actor": "b", "need": "Bureau", "category": "locaux"}],
    )
    row = complementarities(t).iloc[0]
    assert (row["status"], row["distance"], row["path"], row["introducer"]) == (
        "existing",
        1.0,
        ["a", "b"],
        None,
    )


def test_the_introducer_is_the_common_partner_with_the_most_ties():
    # a and b share partners m and n; n has a third tie (to x), so n (degree 3) is preferred
    # to m (degree 2): path a - n - b, distance 2.
    t = territory(
        "abmnx",
        [("a", "m"), ("m", "b"), ("a", "n"), ("n", "b"), ("n", "x")],
        resources=[{"actor": "a", "resource": "Salle", "category": "locaux"}],
        needs=[{"actor": "b", "need": "Bureau", "category": "locaux"}],
    )
    row = complementarities(t).iloc[0]
    assert (
        row["status"],
        row["distance"],
        row["path"],
        row["introducer"],
        row["introducer_name"],
    ) == ("indirect", 2.0, ["a", "n", "b"], "n", "N")


def test_between_introducers_with_as_many_ties_the_smallest_id_wins():
    t = territory(
        "abmn",
        [("a", "n"), ("n", "b"), ("a", "m"), ("m", "b")],
        resources=[{"actor": "a", "resource": "Salle", "category": "locaux"}],
        needs=[{"actor": "b", "need": "Bureau", "category": "locaux"}],
    )
    assert complementarities(t).at[0, "introducer"] == "m"


def test_actors_in_different_components_make_a_new_match():
    t = territory(
        "abc",
        [("b", "c")],
        resources=[{"actor": "a", "resource": "Salle", "category": "locaux"}],
        needs=[{"actor": "b", "need": "Bureau", "category": "locaux"}],
    )
    row = complementarities(t).iloc[0]
    assert row["status"] == "new"
    assert math.isnan(row["distance"])
    assert row["path"] is None and row["introducer"] is None


def test_a_tension_is_not_a_tie_for_the_status():
    t = Territory.from_records(
        actors=[{"id": x, "name": x, "type": "association"} for x in "ab"],
        relations=[{"source": "a", "target": "b", "type": "tension"}],
        resources=[{"actor": "a", "resource": "Salle", "category": "locaux"}],
        needs=[{"actor": "b", "need": "Bureau", "category": "locaux"}],
    )
    assert complementarities(t).at[0, "status"] == "new"


def test_matches_are_sorted_introducer_first_then_new_then_far_then_existing():
    # Chain r - i - n2 - x - n3; "n1" is alone; "n4" is tied to r. The resource of r
    # meets the need of n1 (new), n2 (2 links, through i), n3 (4 links) and n4 (tied).
    t = territory(
        ["r", "i", "n1", "n2", "x", "n3", "n4"],
        [("r", "i"), ("i", "n2"), ("n2", "x"), ("x", "n3"), ("r", "n4")],
        resources=[{"actor": "r", "resource": "Salle", "category": "locaux"}],
        needs=[
            {"actor": a, "need": "Bureau", "category": "locaux"} for a in ("n4", "n3", "n1", "n2")
        ],
    )
    found = complementarities(t)
    assert found[["need_actor", "status"]].values.tolist() == [
        ["n2", "indirect"],
        ["n1", "new"],
        ["n3", "indirect"],
        ["n4", "existing"],
    ]
    assert found.at[2, "path"] == ["r", "i", "n2", "x", "n3"]
    assert found.at[2, "distance"] == 4.0
    assert found.at[2, "introducer"] == "i"


def test_within_a_status_matches_are_sorted_by_category_then_names():
    t = territory(
        ["zed", "amy", "bob"],
        resources=[
            {"actor": "zed", "resource": "Camion", "category": "Matériel"},
            {"actor": "zed", "resource": "Salle", "category": "locaux"},
        ],
        needs=[
            {"actor": "bob", "need": "Bureau", "category": "Locaux"},
            {"actor": "amy", "need": "Bureau", "category": "locaux"},
            {"actor": "amy", "need": "Véhicule", "category": "matériel"},
        ],
    )
    found = complementarities(t)
    assert found[["category", "need_actor"]].values.tolist() == [
        ["locaux", "amy"],
        ["locaux", "bob"],
        ["Matériel", "amy"],
    ]


def test_no_resources_means_an_empty_table_with_the_columns():
    found = complementarities(territory("ab"))
    assert found.empty
    assert {"resource_actor", "need_actor", "status", "path", "introducer"} <= set(found.columns)


# -- suggestions ------------------------------------------------------------------------
def only(frame):
    assert len(frame) == 1, frame
    return frame.iloc[0]


def test_members_of_the_same_collective_who_do_not_know_each_other_should_meet():
    t = territory(
        "ab",
        collectives=[{"id": "ptce", "name": "PTCE", "type": "PTCE"}],
        memberships=[{"actor": "a", "collective": "ptce"}, {"actor": "b", "collective": "ptce"}],
    )
    row = only(link_suggestions(t))
    assert (row["source"], row["target"], row["reason"], row["reasons"]) == (
        "a",
        "b",
        "shared_collective",
        ["shared_collective"],
    )
    assert row["details"] == {"collectives": ["ptce"]}
    assert row["score"] == pytest.approx(2.0)


def test_actors_with_a_partner_in_common_should_meet_scored_by_adamic_adar():
    # a - z - b and a - y - b, y also tied to w: AA = 1/ln 2 (z) + 1/ln 3 (y)
    t = territory("abyzw", [("a", "z"), ("z", "b"), ("a", "y"), ("y", "b"), ("y", "w")])
    found = link_suggestions(t).set_index(["source", "target"])
    row = found.loc[("a", "b")]
    assert row["reason"] == "common_partners"
    assert row["score"] == pytest.approx(1 / math.log(2) + 1 / math.log(3))
    assert row["details"]["common_partners"] == ["y", "z"]
    # pairs w-a and w-b share only y: 1/ln 3 each; z-y share a and b: 2/ln 2
    assert found.loc[("a", "w"), "score"] == pytest.approx(1 / math.log(3))
    assert found.loc[("y", "z"), "score"] == pytest.approx(2 / math.log(2))


def test_same_fonction_de_vie_in_the_same_commune_is_a_reason():
    t = territory(
        [
            {
                "id": "a",
                "name": "Épicerie",
                "type": "association",
                "municipality": "Colombelles",
                "functions": ["se nourrir", "travailler"],
            },
            {
                "id": "b",
                "name": "Ferme",
                "type": "association",
                "municipality": "colombelles ",
                "functions": ["alimentation"],
            },  # an alias of "se nourrir"
            {
                "id": "c",
                "name": "Cantine",
                "type": "association",
                "municipality": "Caen",
                "functions": ["se nourrir"],
            },
        ]
    )
    row = only(link_suggestions(t))
    assert (row["source"], row["target"], row["reason"]) == ("a", "b", "same_function_same_area")
    assert row["details"] == {"functions": ["se nourrir"], "municipality": "Colombelles"}
    assert row["score"] == pytest.approx(1.0)


def test_complementary_types_in_the_same_commune_are_a_weak_reason():
    t = territory(
        [
            {
                "id": "ebe",
                "name": "EBE",
                "type": "entreprise de l'ESS",
                "municipality": "Colombelles",
            },
            {"id": "ville", "name": "Ville", "type": "commune", "municipality": "Colombelles"},
            {"id": "asso", "name": "Asso", "type": "association", "municipality": "Colombelles"},
        ]
    )
    # ESS enterprise - commune and association - commune are in the table; ESS - association not
    found = link_suggestions(t)
    assert found[["source", "target", "reason", "score"]].values.tolist() == [
        ["asso", "ville", "complementary_types", 0.5],
        ["ebe", "ville", "complementary_types", 0.5],
    ]
    assert found.at[1, "details"] == {"types": ["entreprise de l'ESS", "commune"]}


def test_complementary_types_in_different_communes_are_not_enough():
    t = territory(
        [
            {
                "id": "ebe",
                "name": "EBE",
                "type": "entreprise de l'ESS",
                "municipality": "Colombelles",
            },
            {"id": "ville", "name": "Ville", "type": "commune", "municipality": "Caen"},
        ]
    )
    assert link_suggestions(t).empty


def test_a_resource_that_meets_a_need_is_the_strongest_reason():
    t = territory(
        "ab",
        resources=[{"actor": "a", "resource": "Salle", "category": "locaux"}],
        needs=[{"actor": "b", "need": "Bureau", "category": "locaux"}],
    )
    row = only(link_suggestions(t))
    assert (row["reason"], row["score"]) == ("resource_need", 3.0)
    assert row["details"]["matches"] == [
        {"resource_actor": "a", "resource": "Salle", "need_actor": "b", "need": "Bureau"}
    ]


def test_all_reasons_of_a_pair_are_listed_and_their_scores_summed():
    # a (association) and f (fondation) share a collective (2), partner z of degree 2
    # (1/ln 2) and complementary types (0.5): 2 + 1.4427 + 0.5
    t = territory(
        ["a", {"id": "f", "name": "F", "type": "fondation"}, "z"],
        [("a", "z"), ("z", "f")],
        collectives=[{"id": "c", "name": "C", "type": "PTCE"}],
        memberships=[{"actor": "a", "collective": "c"}, {"actor": "f", "collective": "c"}],
    )
    row = only(link_suggestions(t))
    assert row["reasons"] == ["shared_collective", "common_partners", "complementary_types"]
    assert row["reason"] == "shared_collective"
    assert row["score"] == pytest.approx(2 + 1 / math.log(2) + 0.5)
    assert row["details"]["types"] == ["association", "fondation"]


def test_no_reason_no_suggestion():
    t = territory(
        [
            {"id": "a", "name": "A", "type": "association", "municipality": "Lille"},
            {"id": "b", "name": "B", "type": "association", "municipality": "Lille"},
            "c",
        ],
        [("a", "c")],
    )
    found = link_suggestions(t)
    assert found.empty
    assert list(found.columns) == [
        "source",
        "source_name",
        "target",
        "target_name",
        "reason",
        "reasons",
        "score",
        "details",
    ]


def test_actors_who_already_work_together_or_are_in_tension_are_not_suggested():
    t = Territory.from_records(
        actors=[{"id": x, "name": x, "type": "association"} for x in "abc"],
        relations=[
            {"source": "a", "target": "b", **TIE},
            {"source": "a", "target": "c", "type": "tension"},
        ],
        collectives=[{"id": "k", "name": "K", "type": "PTCE"}],
        memberships=[{"actor": x, "collective": "k"} for x in "abc"],
    )
    # a-b tied, a-c in tension: only b-c remains (they share the collective)
    assert link_suggestions(t)[["source", "target"]].values.tolist() == [["b", "c"]]


def test_a_collective_bigger_than_the_cap_generates_no_pair():
    members = [f"m{i:03d}" for i in range(MAX_BUCKET + 1)]
    t = territory(
        members,
        collectives=[{"id": "fede", "name": "Fédé", "type": "réseau"}],
        memberships=[{"actor": m, "collective": "fede"} for m in members],
    )
    assert link_suggestions(t).empty


def test_suggestions_are_the_best_first_and_capped():
    # a-b share two collectives (4), c-d one (2)
    t = territory(
        "abcd",
        collectives=[{"id": k, "name": k, "type": "PTCE"} for k in "kl"],
        memberships=[
            {"actor": "a", "collective": "k"},
            {"actor": "b", "collective": "k"},
            {"actor": "a", "collective": "l"},
            {"actor": "b", "collective": "l"},
            {"actor": "c", "collective": "k"},
            {"actor": "d", "collective": "k"},
        ],
    )
    found = link_suggestions(t, max_suggestions=None)
    assert found[["source", "target", "score"]].values.tolist()[:1] == [["a", "b", 4.0]]
    assert len(found) == 6  # every pair of the four shares k
    assert link_suggestions(t, max_suggestions=1)[["source", "target"]].values.tolist() == [
        ["a", "b"]
    ]
    with pytest.raises(ValueError):
        link_suggestions(t, max_suggestions=-1)


def test_analysis_does_not_touch_the_territory():
    t = territory(
        "abz",
        [("a", "z"), ("z", "b")],
        resources=[{"actor": "a", "resource": "Salle", "category": "locaux"}],
        needs=[{"actor": "b", "need": "Bureau", "category": "locaux"}],
    )
    before = (t.actors.copy(), t.relations.copy(), sorted(t.analysis_graph.edges(data=True)))
    complementarities(t)
    link_suggestions(t)
    assert t.actors.equals(before[0]) and t.relations.equals(before[1])
    assert sorted(t.analysis_graph.edges(data=True)) == before[2]


# -- cross-checks with networkx on random territories -------------------------------------
def random_territory(seed: int, n: int = 30, m: int = 36) -> Territory:
    rng = random.Random(seed)
    graph = nx.gnm_random_graph(n, m, seed=seed)
    actors = [f"x{i:02d}" for i in range(n)]
    return territory(
        actors,
        [(actors[u], actors[v]) for u, v in graph.edges()],
        resources=[
            {"actor": rng.choice(actors), "resource": "Salle", "category": "locaux"}
            for _ in range(4)
        ],
        needs=[
            {"actor": rng.choice(actors), "need": "Bureau", "category": "locaux"} for _ in range(6)
        ],
    )


@pytest.mark.parametrize("seed", range(6))
def test_paths_are_shortest_and_start_with_the_best_connected_introducer(seed):
    t = random_territory(seed)
    graph = t.analysis_graph
    found = complementarities(t)
    assert len(found) > 0
    for row in found.itertuples():
        a, b = row.resource_actor, row.need_actor
        if not nx.has_path(graph, a, b):
            assert row.status == "new"
            continue
        distance = nx.shortest_path_length(graph, a, b)
        assert row.distance == distance
        assert row.status == ("existing" if distance == 1 else "indirect")
        assert len(row.path) == distance + 1 and row.path[0] == a and row.path[-1] == b
        assert all(graph.has_edge(x, y) for x, y in pairwise(row.path))
        if distance >= 2:
            to_b = nx.single_source_shortest_path_length(graph, b)
            options = [w for w in graph[a] if to_b.get(w) == distance - 1]
            best = min(options, key=lambda w: (-graph.degree(w), w))
            assert row.introducer == best


@pytest.mark.parametrize("seed", range(4))
def test_common_partner_scores_are_networkx_adamic_adar_index(seed):
    t = random_territory(seed, n=25, m=45)
    graph = t.analysis_graph
    found = link_suggestions(
        Territory.from_records(
            actors=[{"id": a, "name": a, "type": "association"} for a in graph],
            relations=[{"source": u, "target": v, **TIE} for u, v in graph.edges()],
        ),
        max_suggestions=None,
    )
    expected = {
        (min(u, v), max(u, v)): score for u, v, score in nx.adamic_adar_index(graph) if score > 0
    }
    assert dict(
        zip(zip(found["source"], found["target"], strict=True), found["score"], strict=True)
    ) == pytest.approx(expected)
    assert set(found["reason"]) <= {"common_partners"}
