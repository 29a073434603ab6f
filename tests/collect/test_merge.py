"""Merging lists: by id, SIRET / SIREN, then name and commune; conflicts listed, ids kept."""

from __future__ import annotations

import territoire_graphe as tg


def territory(name, actors, relations=()):
    return tg.Territory.from_records(
        actors=[{"type": "association", **a} for a in actors],
        relations=[{"source": s, "target": t, "type": y} for s, t, y in relations],
        name=name,
    )


LAST_YEAR = territory(
    "carte 2023",
    [
        {"id": "A1", "name": "Ville de Creil", "type": "commune", "municipality": "Creil"},
        {"id": "A2", "name": "ARDES", "municipality": "Colombelles", "siret": "12345678900011"},
        {"id": "A3", "name": "Jardins du Bray", "municipality": "Songeons"},
        {"id": "A4", "name": "Café numérique", "municipality": "Creil"},
    ],
    [("A1", "A4", "coopération")],
)
CRESS = territory(
    "CRESS",
    [
        {
            "id": "C9",
            "name": "Association ARDES Normandie",
            "municipality": "Caen",
            "siret": "123 456 789 00011",
            "adherent": "oui",
        },  # same SIRET, another name
        {"id": "C1", "name": "Les Jardins du Bray", "municipality": "Songeons"},  # same name
        {"id": "C2", "name": "Jardin du Brai", "municipality": "Beauvais"},  # close, elsewhere
        {"id": "A1", "name": "Épicerie solidaire", "municipality": "Creil"},  # same id, other actor
        {"id": "C3", "name": "Mairie de Creil", "type": "commune", "municipality": "Creil"},
    ],
    [("C1", "C3", "financement")],
)


def test_duplicates_are_found_by_siret_and_by_name():
    m = tg.merge([LAST_YEAR, CRESS])
    rows = m.matches[m.matches["source"] == "CRESS"].set_index("source_id")
    assert rows.loc["C9", ["actor", "method"]].tolist() == ["A2", "siret"]
    assert rows.loc["C1", ["actor", "method"]].tolist() == ["A3", "name"]
    assert rows.loc["C3", ["actor", "method"]].tolist() == ["A1", "name"]
    assert rows.loc["C2", "status"] == "new"  # doubtful: kept apart, listed for review
    assert rows.loc["A1", "actor"] == "A1 (2)"  # same id, another actor: a new id


def test_the_first_territorys_ids_stay_and_every_column_is_kept():
    t = tg.merge([LAST_YEAR, CRESS]).territory
    assert list(t.actors.index[:4]) == ["A1", "A2", "A3", "A4"]
    assert len(t.actors) == 4 + 2  # C2 and the Épicerie are new
    assert t.actors.loc["A2", "adherent"] == "oui"
    assert t.actors.loc["A2", "source"] == "carte 2023; CRESS"
    assert t.actors.loc["A4", "source"] == "carte 2023"
    assert t.actors.loc["A2", "name"] == "ARDES"  # the first source's value is not overwritten


def test_conflicting_values_are_listed_not_overwritten():
    m = tg.merge([LAST_YEAR, CRESS])
    conflicts = m.conflicts.set_index(["actor", "column"])
    assert conflicts.loc[("A2", "municipality"), "values"] == "Colombelles | Caen"
    assert m.territory.actors.loc["A2", "municipality"] == "Colombelles"


def test_relations_are_moved_onto_the_merged_actors_with_their_origin():
    rel = tg.merge([LAST_YEAR, CRESS]).territory.relations
    found = {(frozenset((r.source, r.target)), r.type, r.origin) for r in rel.itertuples()}
    assert found == {
        (frozenset(("A1", "A4")), "coopération", "carte 2023"),
        (frozenset(("A3", "A1")), "financement", "CRESS"),
    }


def test_the_review_lists_the_doubtful_pair_and_its_decision_applies(tmp_path):
    m = tg.merge([LAST_YEAR, CRESS])
    path = m.write_review(tmp_path / "revue.xlsx")
    import openpyxl

    book = openpyxl.load_workbook(path)
    ws = book.active
    header = [c.value for c in ws[1]]
    rows = [r for r in ws.iter_rows(min_row=2) if r[0].value == "Jardin du Brai"]
    assert len(rows) == 1 and rows[0][header.index("acteur proposé")].value == "Jardins du Bray"
    rows[0][header.index("décision")].value = "cet acteur"
    book.save(path)
    merged = tg.merge([LAST_YEAR, CRESS], review=path)
    row = merged.matches.set_index("source_id").loc["C2"]
    assert (row["actor"], row["status"]) == ("A3", "decided")
    assert len(merged.territory.actors) == 5
    again = openpyxl.load_workbook(merged.write_review(tmp_path / "revue_2.xlsx")).active
    decided = [r for r in again.iter_rows(min_row=2, values_only=True) if r[0] == "Jardin du Brai"]
    assert decided[0][header.index("décision")] == "cet acteur"  # kept, not asked again


def test_merging_last_years_map_with_itself_changes_nothing_for_diff():
    m = tg.merge([LAST_YEAR, LAST_YEAR])
    evolution = tg.diff(LAST_YEAR, m.territory)
    assert len(evolution.actors_added) == 0 and len(evolution.actors_removed) == 0
    assert len(evolution.relations_added) == 0
