"""The bundled samples read back with the row counts of their sheets (data/samples/README.md).

Expected counts are the number of data rows written in each sheet by
data/samples/build_samples.py, not figures computed by the reader.
"""

from __future__ import annotations

import pytest

import territoire_graphe as tg

# sheet rows: acteurs, relations, flux, interdependances, collectifs, adhesions,
#             ressources, besoins, personnes
COUNTS = {
    "pays_de_bray_2023.xlsx": (51, 57, 28, 9, 5, 41, 14, 8, 8),
    "pays_de_bray_2024.xlsx": (52, 63, 29, 9, 5, 45, 14, 8, 8),
    "voisinerie_wazemmes.xlsx": (41, 49, 15, 7, 5, 34, 9, 7, 7),
    "voisinerie_wazemmes_csv": (41, 49, 15, 7, 5, 34, 9, 7, 7),
    "colombelles_tzcld.xlsx": (42, 46, 16, 8, 5, 37, 9, 7, 6),
    "lens_lievin_alimentation.xlsx": (45, 51, 20, 7, 4, 32, 12, 10, 6),
}
# Actors with no tie in the analysis graph, as the generator's own check lists them.
ISOLATED = {
    "pays_de_bray_2023.xlsx": {"A17", "A31", "A41"},
    "pays_de_bray_2024.xlsx": {"A31", "A41"},
    "voisinerie_wazemmes.xlsx": {"A28", "A32", "A34", "A39"},
    "colombelles_tzcld.xlsx": {"A23", "A27", "A34", "A40"},  # A27 has only a tension
    "lens_lievin_alimentation.xlsx": {"A16", "A34", "A38"},
}


@pytest.mark.parametrize("sample", sorted(COUNTS))
def test_each_sample_reads_back_with_the_rows_of_every_sheet(sample):
    actors, ties, flows, dependencies, collectives, memberships, resources, needs, people = COUNTS[
        sample
    ]
    t = tg.read(tg.sample_path(sample))
    assert len(t.actors) == actors
    assert len(t.relations) == ties + flows + dependencies
    sheets = t.relations["sheet"].map(lambda s: s.lower()).value_counts()
    assert (
        sheets.get("relations", 0),
        sheets.get("flux", 0),
        sheets.get("interdependances", 0),
    ) == (ties, flows, dependencies)
    assert (len(t.collectives), len(t.memberships)) == (collectives, memberships)
    assert (len(t.resources), len(t.needs), len(t.people)) == (resources, needs, people)
    assert t.warnings == []


def test_the_csv_folder_holds_the_same_territory_as_the_workbook():
    book = tg.read(tg.sample_path("voisinerie_wazemmes.xlsx"))
    folder = tg.read(tg.sample_path("voisinerie_wazemmes_csv"))
    assert list(book.actors.index) == list(folder.actors.index)
    assert book.actors["name"].tolist() == folder.actors["name"].tolist()
    columns = ["source", "target", "type", "family", "weight", "directed"]
    assert book.relations[columns].equals(folder.relations[columns])


def test_extra_columns_keep_their_leading_zeros():
    t = tg.read(tg.sample_path("pays_de_bray_2023.xlsx"))
    assert "code_insee" in t.actors.columns
    assert t.actors.loc["A41", "code_insee"] == "02805"  # Aisne: leading zero kept


@pytest.mark.parametrize("sample", sorted(ISOLATED))
def test_the_isolated_actors_of_each_sample_are_flagged(sample):
    d = tg.diagnose(tg.read(tg.sample_path(sample)), permutations=0)
    assert set(d.actors.index[d.actors["is_isolated"]]) == ISOLATED[sample]


#: The `territoire` sheet of each sample, as written in build_samples.py (by hand here).
TERRITORY = {
    "pays_de_bray_2023.xlsx": ("Pays de Bray", "2023-01-01", 7, "Beauvais"),
    "pays_de_bray_2024.xlsx": ("Pays de Bray", "2024-01-01", 7, "Beauvais"),
    "voisinerie_wazemmes.xlsx": ("Voisinerie de Wazemmes", "2023-10-01", 1, "Douai"),
    "colombelles_tzcld.xlsx": ("Colombelles TZCLD", "2023-06-01", 1, "Caen"),
    "lens_lievin_alimentation.xlsx": ("Lens-Liévin : alimentation", "2023-03-01", 8, "Arras"),
}


@pytest.mark.parametrize("sample", sorted(TERRITORY))
def test_each_sample_has_a_territory_sheet(sample):
    t = tg.read(tg.sample_path(sample))
    name, date, communes, outside = TERRITORY[sample]
    assert t.name == name and str(t.date.date()) == date
    assert len(t.perimeter) == communes and outside not in t.perimeter
    assert set(t.perimeter) <= set(t.actors["municipality"])
    assert t.info["source"] and t.info["author"]


@pytest.mark.parametrize("sample", sorted(TERRITORY))
def test_commune_findings_stay_inside_the_perimeter(sample):
    t = tg.read(tg.sample_path(sample))
    found = tg.diagnose(t, permutations=0).findings
    communes = found[found["code"] == "communes_no_tie"]
    for figures in communes["figures"]:
        assert {figures["group_a"], figures["group_b"]} <= set(t.perimeter)
    if sample.startswith("pays_de_bray"):
        # head offices in Beauvais and Lille spoke in these findings before the sheet
        assert not communes["text"].str.contains("Beauvais|Lille").any()


def test_the_title_uses_the_name_and_date_of_the_sheet():
    from territoire_graphe.render.titles import territory_title

    t = tg.read(tg.sample_path("colombelles_tzcld.xlsx"))
    assert territory_title(t, "fr") == "Colombelles TZCLD, juin 2023"
    assert territory_title(t, "en") == "Colombelles TZCLD, June 2023"
