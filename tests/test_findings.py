"""Each finding fires on a small crafted territory when it should, and stays silent otherwise."""

from __future__ import annotations

import territoire_graphe as tg
from territoire_graphe.findings import join_names
from territoire_graphe.vocabulary import default_vocabulary

VOC = default_vocabulary()


def build(types: dict[str, str], links: list[tuple[str, str, str]], **tables) -> tg.Territory:
    relations = []
    for link in links:
        source, target, kind = link[:3]
        extra = link[3] if len(link) > 3 else {}
        relations.append(
            {
                "source": source,
                "target": target,
                "type": kind,
                "family": VOC.relation(kind).family,
                "weight": 1.0,
                "directed": bool(VOC.relation(kind).directed),
                **extra,
            }
        )
    actors = []
    for a, kind in types.items():
        kind, _, functions = kind.partition("|")
        actors.append(
            {
                "id": a,
                "name": f"Acteur {a.upper()}",
                "type": kind,
                "functions": [f for f in functions.split(";") if f],
            }
        )
    return tg.Territory.from_records(actors=actors, relations=relations, **tables)


def codes(t: tg.Territory, lang: str = "fr") -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for row in tg.diagnose(t, lang=lang, permutations=200).findings.to_dict("records"):
        found.setdefault(row["code"], []).append(row)
    return found


def ring(ids: str, kind: str = "coopération") -> list[tuple[str, str, str]]:
    return [(ids[i], ids[(i + 1) % len(ids)], kind) for i in range(len(ids))]


def test_an_isolated_actor_is_named_and_a_connected_network_says_nothing():
    types = {x: "association" for x in "abcdef"}
    found = codes(build(types, ring("abcde")))
    assert found["isolated"][0]["actors"] == ["f"]
    assert found["isolated"][0]["text"].startswith("1 acteur sur 6 (17\u00a0%) n'a aucun lien")
    assert "isolated" not in codes(build({x: "association" for x in "abcde"}, ring("abcde")))


def test_two_types_that_never_meet_are_reported_with_the_possible_ties():
    # associations a,b,c and businesses x,y,z: each group a triangle, joined only via commune m
    types = {
        **{x: "association" for x in "abc"},
        **{x: "entreprise" for x in "xyz"},
        "m": "commune",
        "n": "commune",
    }
    links = (
        ring("abc")
        + ring("xyz")
        + [
            ("m", "a", "coopération"),
            ("m", "x", "coopération"),
            ("n", "b", "coopération"),
            ("n", "y", "coopération"),
        ]
    )
    found = codes(build(types, links))
    pairs = [f["figures"] for f in found["groups_no_tie"]]
    assert {"group_a": "association", "group_b": "entreprise", "ties": 0, "possible": 9} in pairs
    sentence = next(
        f["text"] for f in found["groups_no_tie"] if f["figures"]["group_b"] == "entreprise"
    )
    assert "0 sur 9 possibles" in sentence
    # one more tie per association: now they meet, the finding goes away for that pair
    met = codes(
        build(
            types,
            [
                *links,
                ("a", "x", "coopération"),
                ("b", "y", "coopération"),
                ("c", "z", "coopération"),
            ],
        )
    )
    assert all(
        f["figures"]["group_b"] != "entreprise" or f["figures"]["group_a"] != "association"
        for f in met.get("groups_no_tie", []) + met.get("groups_few_ties", [])
    )


def test_an_organisation_whose_ties_hang_on_one_person_is_a_turnover_risk():
    types = {x: "association" for x in "abcd"}
    people = [
        {"id": "p1", "name": "Claire M.", "actor": "a", "position": "directrice"},
        {"id": "p2", "name": "Karim B.", "actor": "a", "position": "comptable"},
    ]
    carried = [(x, "a", "coopération", {"target_person": "p1"}) for x in "bcd"]
    found = codes(build(types, carried, people=people))
    assert found["person_dependency"][0]["actors"] == ["a"]
    assert "Claire M." in found["person_dependency"][0]["text"]
    # two people carrying half of the ties each: below the 2/3 rule of fragility.py
    shared = [
        ("b", "a", "coopération", {"target_person": "p1"}),
        ("c", "a", "coopération", {"target_person": "p1"}),
        ("d", "a", "coopération", {"target_person": "p2"}),
        ("e", "a", "coopération", {"target_person": "p2"}),
    ]
    assert "person_dependency" not in codes(build({**types, "e": "commune"}, shared, people=people))


def test_a_beneficiary_of_useful_effects_who_does_not_fund_is_a_potential_funder():
    types = {
        "a": "association",
        "cpam": "établissement public",
        "c": "commune",
        "d": "association",
        "e": "entreprise",
    }
    base = ring("acde")
    found = codes(build(types, [*base, ("a", "cpam", "effet utile")]))
    assert found["useful_effects"][0]["actors"][:2] == ["cpam", "a"]
    funded = codes(
        build(types, [*base, ("a", "cpam", "effet utile"), ("cpam", "a", "financement")])
    )
    assert "useful_effects" not in funded


def test_an_isolated_actor_offering_what_another_needs_is_pointed_out_with_an_introducer():
    types = {x: "association" for x in "abcde"}
    memberships = [{"actor": "e", "collective": "k"}, {"actor": "b", "collective": "k"}]
    resources = [{"actor": "e", "resource": "salle de réunion", "category": "locaux"}]
    needs = [{"actor": "a", "need": "local pour des ateliers", "category": "Locaux"}]
    t = build(
        types,
        ring("abcd"),
        collectives=[{"id": "k", "name": "PTCE", "type": "PTCE"}],
        memberships=memberships,
        resources=resources,
        needs=needs,
    )
    found = codes(t)
    finding = found["isolated_resource"][0]
    assert finding["actors"][:2] == ["e", "a"]
    assert "Acteur B" in finding["text"]  # b shares the collective with e and knows a
    linked = build(
        types, [*ring("abcd"), ("e", "a", "coopération")], resources=resources, needs=needs
    )
    assert "isolated_resource" not in codes(linked)


def test_a_cut_point_names_the_actors_it_alone_connects():
    # hub h joins the triangle abc to the pair xy
    types = {x: "association" for x in "abchxy"}
    links = [
        *ring("abc"),
        ("c", "h", "coopération"),
        ("h", "x", "coopération"),
        ("x", "y", "coopération"),
    ]
    found = codes(build(types, links))
    cut = {f["actors"][0]: f for f in found["cut_point"]}
    assert cut["h"]["figures"]["actors_cut_off"] == 2
    assert cut["h"]["actors"][1:] == ["x", "y"]
    assert "cut_point" not in codes(build({x: "association" for x in "abcde"}, ring("abcde")))


def test_members_of_a_collective_who_never_meet_are_listed():
    types = {x: "association" for x in "abcdef"}
    collectives = [{"id": "k", "name": "Tiers-lieu", "type": "tiers-lieu"}]
    memberships = [{"actor": x, "collective": "k"} for x in "abc"]
    found = codes(
        build(
            types,
            [
                ("a", "b", "coopération"),
                ("c", "d", "coopération"),
                ("d", "e", "coopération"),
                ("e", "f", "coopération"),
            ],
            collectives=collectives,
            memberships=memberships,
        )
    )
    assert found["members_never_meet"][0]["actors"] == ["c"]
    everyone = codes(
        build(
            types,
            [*ring("abc"), ("c", "d", "coopération")],
            collectives=collectives,
            memberships=memberships,
        )
    )
    assert "members_never_meet" not in everyone


def test_whom_to_mobilise_first_reaches_everyone_in_a_star():
    types = {x: "association" for x in "habcdef"}
    found = codes(build(types, [("h", x, "coopération") for x in "abcdef"]))
    mobilise = found["mobilise_first"][0]
    assert mobilise["actors"][0] == "h"
    assert mobilise["priority"] == 1


def test_a_function_served_by_actors_who_never_work_together_is_reported():
    types = {
        "a": "association|se nourrir",
        "b": "entreprise|se nourrir",
        "c": "commune|se nourrir",
        "d": "association",
        "e": "association",
        "f": "association",
    }
    links = [
        ("a", "d", "coopération"),
        ("b", "e", "coopération"),
        ("c", "f", "coopération"),
        ("d", "e", "coopération"),
        ("e", "f", "coopération"),
    ]
    found = codes(build(types, links))
    assert found["function_no_tie"][0]["actors"] == ["a", "b", "c"]
    together = codes(build(types, [*links, *ring("abc")]))
    assert "function_no_tie" not in together and "function_fragmented" not in together


def test_two_groups_joined_through_one_actor_are_reported():
    types = (
        {x: "association" for x in "abcd"} | {x: "entreprise" for x in "wxyz"} | {"h": "commune"}
    )
    clique = [(u, v, "coopération") for i, u in enumerate("abcd") for v in "abcd"[i + 1 :]]
    clique2 = [(u, v, "coopération") for i, u in enumerate("wxyz") for v in "wxyz"[i + 1 :]]
    found = codes(
        build(types, [*clique, *clique2, ("a", "h", "coopération"), ("h", "w", "coopération")])
    )
    assert "h" in [f["actors"][0] for f in found.get("cut_point", [])]


def test_a_territory_without_relations_gets_one_plain_finding():
    found = codes(build({"a": "commune", "b": "association"}, []))
    assert list(found) == ["no_relation"]


def test_findings_speak_english_on_request_with_english_numbers():
    types = {x: "association" for x in "habcdef"}
    t = build(types, [("h", x, "coopération") for x in "abcde"])
    found = codes(t, lang="en")
    assert found["isolated"][0]["text"].startswith("1 actor out of 7 (14%) has no link")
    assert found["isolated"][0]["category"] == "mutual acquaintance"
    assert "14%" in found["isolated"][0]["text"]  # 1 of 7
    fr = codes(t)
    assert fr["isolated"][0]["text"].startswith("1 acteur sur 7 (14\u00a0%) n'a aucun lien")


def test_names_are_joined_as_a_reader_expects():
    assert join_names(["A"], "fr") == "A"
    assert join_names(["A", "B"], "fr") == "A et B"
    assert join_names(list("ABCDEFG"), "fr", limit=3) == "A, B, C et 4 autres"
