"""Exports other tools open: GEXF 1.3, GraphML, node-link and graphology JSON, Kumu, GeoJSON, CSV.

Every sample goes through every export and is read back as the same territory;
GEXF and GraphML are validated against the official schemas (tests/data/schemas,
from gephi/gexf and the GraphML project) and opened by networkx and igraph with
the same counts; the drawing is the map's.
"""

from __future__ import annotations

import json
import unicodedata
import warnings
import zipfile
from pathlib import Path

import networkx as nx
import openpyxl
import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.data import sample_path
from territoire_graphe.io.export import to_csv, to_gexf, to_graphml, to_json
from territoire_graphe.io.export_graphology import to_geojson, to_graphology
from territoire_graphe.io.export_kumu import to_kumu
from territoire_graphe.model import Territory

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"
SAMPLES = [
    "colombelles_tzcld.xlsx",
    "pays_de_bray_2023.xlsx",
    "pays_de_bray_2024.xlsx",
    "lens_lievin_alimentation.xlsx",
    "voisinerie_wazemmes.xlsx",
    "voisinerie_wazemmes_csv",
]
WRITERS = {
    "gexf": to_gexf,
    "graphml": to_graphml,
    "json": to_json,
    "csv": to_csv,
    "kumu.xlsx": to_kumu,
    "graphology.json": to_graphology,
}
TABLES = ("actors", "relations", "collectives", "memberships", "people", "resources", "needs")

xmlschema = pytest.importorskip("xmlschema")


@pytest.fixture(scope="module")
def samples() -> dict[str, Territory]:
    return {name: tg.read(sample_path(name)) for name in SAMPLES}


def comparable(t: Territory, table: str) -> pd.DataFrame:
    frame = getattr(t, table).drop(columns=["sheet", "row"], errors="ignore").reset_index()
    if table in ("resources", "needs"):  # graph formats hold them per actor
        frame = frame.drop(columns="index").sort_values(list(frame.columns[1:3]))
        frame = frame.reset_index(drop=True)
    return frame


# -- round trips ---------------------------------------------------------------------------
@pytest.mark.parametrize("writer", sorted(WRITERS))
@pytest.mark.parametrize("sample", SAMPLES)
def test_every_sample_reads_back_the_same_from_every_export(samples, tmp_path, sample, writer):
    t = samples[sample]
    back = tg.read(WRITERS[writer](t, tmp_path / f"export.{writer}"))
    for table in TABLES:
        pd.testing.assert_frame_equal(
            comparable(back, table), comparable(t, table), check_dtype=False, obj=table
        )
    # GEXF has no place for the territory's own actor types: said as unknown types.
    allowed = {"type_unknown"} if writer == "gexf" else set()
    assert {w.code for w in back.warnings} <= allowed


# -- schemas -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def gexf_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "gexf-1.3" / "gexf.xsd"))


@pytest.fixture(scope="module")
def graphml_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "graphml-1.0" / "graphml.xsd"))


@pytest.mark.parametrize("sample", SAMPLES)
def test_gexf_of_every_sample_is_valid_gexf_13(samples, tmp_path, gexf_schema, sample):
    t = samples[sample]
    path = to_gexf(t, tmp_path / "t.gexf", diagnosis=tg.diagnose(t))
    assert list(gexf_schema.iter_errors(str(path))) == []


def test_the_gexf_schema_check_does_catch_an_invalid_file(samples, tmp_path, gexf_schema):
    path = to_gexf(samples["colombelles_tzcld.xlsx"], tmp_path / "t.gexf")
    path.write_text(
        path.read_text(encoding="utf-8").replace("<size ", "<sise ", 1), encoding="utf-8"
    )
    assert list(gexf_schema.iter_errors(str(path)))


@pytest.mark.parametrize(
    "source",
    [
        *(sample_path(s) for s in SAMPLES),
        Path(__file__).parents[1] / "data" / "real_files" / "kumu" / "paypal-mafia.xlsx",
    ],
)
def test_graphml_is_valid_against_its_schema_names_made_valid(tmp_path, graphml_schema, source):
    t = tg.read(source)
    path = to_graphml(t, tmp_path / "t.graphml")
    assert list(graphml_schema.iter_errors(str(path))) == []
    back = tg.read(path)
    assert list(back.actors.index) == list(t.actors.index)  # "Roelof Botha" as id
    assert list(back.actors.columns) == list(t.actors.columns)  # "Code INSEE", "Influence"


# -- other tools open them with the same counts ------------------------------------------
def expected_counts(t: Territory) -> tuple[int, int]:
    nodes = len(t.actors) + len(t.collectives) + len(t.people)
    edges = len(t.relations) + len(t.memberships) + int(t.people["actor"].notna().sum())
    return nodes, edges


@pytest.mark.parametrize("sample", SAMPLES)
def test_networkx_opens_the_gexf_and_igraph_the_graphml_with_the_same_counts(
    samples, tmp_path, sample
):
    igraph = pytest.importorskip("igraph")
    t = samples[sample]
    g = nx.read_gexf(to_gexf(t, tmp_path / "t.gexf"))  # mixed directions: "mutual" edges
    assert (g.number_of_nodes(), g.number_of_edges()) == expected_counts(t)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        h = igraph.Graph.Read_GraphML(str(to_graphml(t, tmp_path / "t.graphml")))
    assert (h.vcount(), h.ecount()) == expected_counts(t)


def test_a_mixed_gexf_opens_in_networkx_with_one_edge_per_relation(tmp_path):
    t = Territory.from_records(
        actors=[
            {"id": "a", "name": "A", "type": "commune"},
            {"id": "b", "name": "B", "type": "association"},
        ],
        relations=[
            {
                "source": "a",
                "target": "b",
                "type": "coopération",
                "family": "lien",
                "weight": 2.0,
                "directed": False,
            },
            {
                "source": "a",
                "target": "b",
                "type": "financement",
                "family": "flux",
                "weight": 1.0,
                "directed": True,
            },
        ],
    )
    path = to_gexf(t, tmp_path / "t.gexf")
    g = nx.read_gexf(path)  # refuses type="undirected" edges in a directed graph
    assert g.number_of_edges() == 2  # a "mutual" edge would be read as two
    assert sorted(d["directed"] for _, _, d in g.edges(data=True)) == [False, True]
    assert list(tg.read(path).relations["directed"]) == [False, True]


# -- the drawing is the map's --------------------------------------------------------------
def test_gexf_colours_sizes_and_positions_are_the_maps(samples, tmp_path):
    from territoire_graphe.render.map_data import build_map_data

    t = samples["pays_de_bray_2024.xlsx"]
    d = tg.diagnose(t)
    drawn = {n["id"]: n for n in build_map_data(t, d)["nodes"]}
    g = nx.read_gexf(to_gexf(t, tmp_path / "t.gexf", diagnosis=d))
    root = xmlschema.XMLResource(str(tmp_path / "t.gexf")).root
    ns = "{http://gexf.net/1.3}"
    checked = 0
    for node in root.iter(f"{ns}node"):
        actor = node.get("id")
        if actor not in drawn:
            continue
        color = node.find(f"{ns}color")
        hex_color = "#{:02x}{:02x}{:02x}".format(*(int(color.get(c)) for c in "rgb"))
        position = node.find(f"{ns}position")
        assert hex_color == drawn[actor]["color"].lower()
        assert float(node.find(f"{ns}size").get("value")) == pytest.approx(
            drawn[actor]["size"], abs=0.01
        )
        # the map's canvas has y downwards, Gephi upwards
        assert (float(position.get("x")), -float(position.get("y"))) == pytest.approx(
            (drawn[actor]["x"], drawn[actor]["y"]), abs=0.1
        )
        checked += 1
    assert checked == len(t.actors) == len([n for n in g.nodes if n in drawn])


def test_graphology_gives_every_node_what_sigma_draws(samples, tmp_path):
    t = samples["voisinerie_wazemmes.xlsx"]
    data = json.loads(to_graphology(t, tmp_path / "g.json").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == expected_counts(t)[0]
    for node in data["nodes"]:
        attrs = node["attributes"]
        assert isinstance(attrs["x"], float) and isinstance(attrs["y"], float)
        assert attrs["color"].startswith("#") and attrs["size"] > 0 and attrs["label"]
    undirected = [
        e
        for e in data["edges"]
        if e["attributes"].get("kind") == "relation" and not e["attributes"]["directed"]
    ]
    assert undirected and all(e.get("undirected") is True for e in undirected)


def test_geojson_has_one_point_per_actor_with_coordinates_longitude_first(samples, tmp_path):
    t = samples["lens_lievin_alimentation.xlsx"]
    data = json.loads(to_geojson(t, tmp_path / "t.geojson").read_text(encoding="utf-8"))
    located = t.actors.dropna(subset=["latitude", "longitude"])
    assert len(data["features"]) == len(located)
    for feature in data["features"]:
        row = located.loc[feature["id"]]
        assert feature["geometry"]["coordinates"] == [row["longitude"], row["latitude"]]
        assert feature["properties"]["name"] == row["name"]


def test_kumu_export_has_kumus_layout(samples, tmp_path):
    t = samples["colombelles_tzcld.xlsx"]
    book = openpyxl.load_workbook(to_kumu(t, tmp_path / "kumu.xlsx"))
    elements, connections = book["Elements"], book["Connections"]
    assert [c.value for c in elements[1][:3]] == ["Label", "Type", "ID"]
    assert [c.value for c in connections[1][:4]] == ["From", "To", "Type", "Direction"]
    assert {c.value for c in connections["D"][1:]} <= {"directed", "undirected"}
    several = next(a for a, f in t.actors["functions"].items() if len(f) > 1)
    row = next(r for r in elements.iter_rows(min_row=2, values_only=True) if r[2] == several)
    header = [c.value for c in elements[1]]
    assert row[header.index("functions")] == "|".join(t.actors.at[several, "functions"])


def test_kumu_export_is_the_same_bytes_each_time(samples, tmp_path):
    t = samples["colombelles_tzcld.xlsx"]
    assert (
        to_kumu(t, tmp_path / "a.xlsx").read_bytes() == to_kumu(t, tmp_path / "b.xlsx").read_bytes()
    )


# -- people ---------------------------------------------------------------------------------
def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split()
    )


def file_text(path: Path) -> str:
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("writer", ["gexf", "graphml", "json", "kumu.xlsx", "graphology.json"])
def test_with_people_hidden_no_persons_name_is_anywhere_in_the_file(samples, tmp_path, writer):
    t = samples["voisinerie_wazemmes.xlsx"]
    assert len(t.people)
    path = WRITERS[writer](t, tmp_path / f"t.{writer}", people="hide")
    content = folded(file_text(path))
    for name in t.people["name"]:
        assert folded(str(name)) not in content
    assert tg.read(path).people.empty


def test_pseudonymised_people_are_numbered_and_still_read(samples, tmp_path):
    t = samples["voisinerie_wazemmes.xlsx"]
    back = tg.read(to_kumu(t, tmp_path / "k.xlsx", people="pseudonymise"))
    assert list(back.people["name"]) == [f"Personne {i}" for i in range(1, len(t.people) + 1)]
    assert len(back.relations) == len(t.relations)
