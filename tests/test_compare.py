"""compare(): one row of indicators per territory, whatever the inputs and the executor.

Expected figures are computed by hand in the comments (FORMAT.md section 2: density =
2m / (n(n - 1)) over the analysis graph's ties, tensions left out; isolated = no tie).
"""

from __future__ import annotations

import concurrent.futures as cf
import sys
import warnings
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe import comparison as compare_module
from territoire_graphe.comparison import SIZE_INDEPENDENT, compare, territory_indicators
from territoire_graphe.render.comparison_excel import (
    comparison_chart,
    to_excel_comparison,
)
from territoire_graphe.render.safe_cells import formula_cells
from territoire_graphe.vocabulary import default_vocabulary

VOC = default_vocabulary()


def territory(
    name: str, types: dict[str, str], links: list[tuple[str, str, str]], date: str | None = None
) -> tg.Territory:
    """Actor id -> type, and (source, target, relation type) triples."""
    relations = [
        {
            "source": s,
            "target": t,
            "type": kind,
            "family": VOC.relation(kind).family,
            "weight": 1.0,
            "directed": bool(VOC.relation(kind).directed),
        }
        for s, t, kind in links
    ]
    actors = [{"id": a, "name": a.upper(), "type": kind} for a, kind in types.items()]
    return tg.Territory.from_records(actors=actors, relations=relations, name=name, date=date)


def write_workbook(path: Path, actors: list[list], relations: list[list] = ()) -> Path:
    """A workbook as a person fills it in: sheets "acteurs" (nom, type), "relations"."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "acteurs"
    for row in [["nom", "type"], *actors]:
        sheet.append(row)
    links = book.create_sheet("relations")
    for row in [["source", "cible", "type"], *relations]:
        links.append(row)
    book.save(path)
    return path


def path_of_three() -> tg.Territory:
    # a - b - c, d alone: 2 ties among 4 actors
    return territory(
        "chemin",
        {x: "association" for x in "abcd"},
        [("a", "b", "coopération"), ("b", "c", "coopération")],
    )


def two_pairs_and_a_tension() -> tg.Territory:
    # a - b, c - d, and e only in tension with d: 2 ties among 5 actors, e isolated
    return territory(
        "paires",
        {x: "association" for x in "abcde"},
        [("a", "b", "coopération"), ("c", "d", "coopération"), ("d", "e", "tension")],
    )


def quiet_compare(*args, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return compare(*args, **kwargs)


# -- figures --------------------------------------------------------------------------------
def test_density_and_isolated_share_are_those_computed_by_hand():
    table = compare([path_of_three(), two_pairs_and_a_tension()])
    # chemin: 2 * 2 / (4 * 3) = 1/3; isolated d: 1/4
    assert table.loc["chemin", "density"] == pytest.approx(1 / 3)
    assert table.loc["chemin", "isolated_share"] == pytest.approx(0.25)
    # paires: 2 * 2 / (5 * 4) = 0.2 (the tension is no tie); isolated e: 1/5
    assert table.loc["paires", "density"] == pytest.approx(0.2)
    assert table.loc["paires", "isolated"] == 1
    assert table.loc["paires", "isolated_share"] == pytest.approx(0.2)
    assert table.loc["paires", "relations"] == 3 and table.loc["paires", "ties"] == 2


def test_ei_index_and_cross_type_share_are_those_computed_by_hand():
    # a (commune) - b (association) - c (association): E = 1, I = 1 -> E-I = 0, cross = 1/2
    t = territory(
        "types",
        {"a": "commune", "b": "association", "c": "association"},
        [("a", "b", "coopération"), ("b", "c", "coopération")],
    )
    row = compare([t]).loc["types"]
    assert row["ei_index_type"] == pytest.approx(0.0)
    assert row["cross_type_share"] == pytest.approx(0.5)


def test_columns_are_the_diagnosis_indicators_with_date_source_and_size_flag():
    table = compare([path_of_three()])
    d = tg.diagnose(path_of_three())
    expected = [k for k in d.indicators.index if k != "ei_index_type_p_value"]
    assert list(table.columns) == ["date", "source", *expected, "size_comparable"]
    assert table.index.name == "territory"


def test_every_figure_equals_the_full_diagnosis_of_a_sample():
    t = tg.read(tg.sample_path("pays_de_bray_2023.xlsx"))
    d = tg.diagnose(t)
    row = territory_indicators(t)
    for name, value in row.items():
        assert value == pytest.approx(d.indicators[name], nan_ok=True), name


def test_a_permutation_count_adds_the_p_value_column():
    table = compare([tg.sample_path("colombelles_tzcld.xlsx")], permutations=99)
    assert 0 < table["ei_index_type_p_value"].iloc[0] <= 1


def test_size_independent_indicators_are_named():
    assert set(SIZE_INDEPENDENT) == {
        "density",
        "isolated_share",
        "ei_index_type",
        "degree_centralization",
        "cross_type_share",
        "modularity",
    }
    assert all(name in compare_module.compare.__doc__ for name in SIZE_INDEPENDENT)


# -- inputs ---------------------------------------------------------------------------------
@pytest.mark.slow
def test_territories_paths_and_folders_mix(tmp_path):
    folder = tmp_path / "dossier"
    folder.mkdir()
    write_workbook(
        folder / "b_deux.xlsx",
        [["Mairie", "commune"], ["Asso", "association"]],
        [["Mairie", "Asso", "coopération"]],
    )
    write_workbook(folder / "a_un.xlsx", [["Mairie", "commune"]])
    (folder / "~$a_un.xlsx").write_bytes(b"lock file of Excel")  # ignored
    csv = folder / "c_dossier"
    csv.mkdir()
    (csv / "acteurs.csv").write_text(
        "nom;type\nMairie;commune\nAsso;association\nFerme;entreprise\n", encoding="utf-8"
    )
    alone = write_workbook(tmp_path / "seul.xlsx", [["X", "association"], ["Y", "association"]])
    table = quiet_compare([path_of_three(), alone, folder])
    # the folder's content comes sorted by name, after the items before it
    assert list(table.index) == ["chemin", "seul", "a un", "b deux", "c dossier"]
    assert table["actors"].tolist() == [4, 2, 1, 2, 3]
    assert table.loc["b deux", "density"] == pytest.approx(1.0)  # 1 tie of 1 possible
    assert table.loc["seul", "source"] == str(alone)


def test_a_single_path_or_folder_is_accepted_without_a_list(tmp_path):
    path = write_workbook(tmp_path / "un.xlsx", [["Mairie", "commune"]])
    assert list(compare(path).index) == ["un"]
    assert list(compare(tmp_path).index) == ["un"]


def test_twin_names_get_their_date_or_a_counter():
    dated = [
        territory("bray", {"a": "commune"}, [], date="2023"),
        territory("bray", {"a": "commune"}, [], date="2024"),
    ]
    assert list(compare(dated).index) == ["bray (2023)", "bray (2024)"]
    undated = [territory("bray", {"a": "commune"}, []), territory("bray", {"a": "commune"}, [])]
    assert list(compare(undated).index) == ["bray", "bray (2)"]


def test_nothing_to_compare_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="Aucun territoire"):
        compare([])
    with pytest.raises(ValueError, match="No territory"):
        compare(tmp_path, lang="en")


# -- sizes ----------------------------------------------------------------------------------
def test_a_warning_fires_when_sizes_differ_more_than_three_times():
    small = territory("petit", {f"s{i}": "association" for i in range(4)}, [])
    large = territory("grand", {f"g{i}": "association" for i in range(20)}, [])
    with pytest.warns(UserWarning, match="de 4 à 20 acteurs") as caught:
        table = compare([small, large])
    # two groups of one: the larger territories are the reference
    assert table["size_comparable"].tolist() == [False, True]
    assert table.attrs["warnings"] == [str(caught[0].message)]


@pytest.mark.slow
def test_the_odd_one_out_is_marked_not_comparable():
    sizes = {"dix": 10, "douze": 12, "quarante": 40}
    group = [
        territory(name, {f"{name}{i}": "association" for i in range(n)}, [])
        for name, n in sizes.items()
    ]
    with pytest.warns(UserWarning, match="quarante"):
        table = compare(group)
    assert table["size_comparable"].tolist() == [True, True, False]


def test_no_warning_when_sizes_stay_within_three_times():
    small = territory("petit", {f"s{i}": "association" for i in range(4)}, [])
    larger = territory("plus", {f"g{i}": "association" for i in range(12)}, [])  # 12 / 4 = 3
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = compare([small, larger])
    assert table["size_comparable"].all()
    assert table.attrs["warnings"] == []


# -- executors ------------------------------------------------------------------------------
@pytest.mark.slow
def test_a_thread_pool_and_the_default_process_pool_give_the_same_table(monkeypatch):
    items = [
        tg.sample_path("colombelles_tzcld.xlsx"),
        path_of_three(),
        tg.sample_path("pays_de_bray_2024.xlsx"),
    ]
    pools = []
    real_pool = compare_module._process_pool
    monkeypatch.setattr(
        compare_module, "_process_pool", lambda: pools.append("process") or real_pool()
    )
    default = quiet_compare(items)
    assert pools == ["process"]  # three territories: not run in-process
    with cf.ThreadPoolExecutor(max_workers=2) as threads:
        threaded = quiet_compare(items, executor=threads)
    pd.testing.assert_frame_equal(default, threaded)


def test_one_or_two_small_territories_are_measured_without_a_pool(monkeypatch):
    def no_pool():
        raise AssertionError("no pool expected")

    monkeypatch.setattr(compare_module, "_process_pool", no_pool)
    table = quiet_compare([path_of_three(), tg.sample_path("colombelles_tzcld.xlsx")])
    assert len(table) == 2


@pytest.mark.slow
def test_a_dask_local_cluster_gives_the_same_table():
    distributed = pytest.importorskip("distributed")
    items = [
        tg.sample_path("colombelles_tzcld.xlsx"),
        path_of_three(),
        tg.sample_path("pays_de_bray_2023.xlsx"),
    ]
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        dask_table = quiet_compare(items, executor=client.get_executor())
    with cf.ThreadPoolExecutor(max_workers=2) as threads:
        local = quiet_compare(items, executor=threads)
    pd.testing.assert_frame_equal(dask_table, local)


# -- errors ---------------------------------------------------------------------------------
@pytest.fixture
def good_and_bad(tmp_path) -> list[Path]:
    good = write_workbook(tmp_path / "bon.xlsx", [["Mairie", "commune"], ["Asso", "association"]])
    bad = write_workbook(
        tmp_path / "mauvais.xlsx", [["Mairie", "commune"]], [["Mairie", "Inconnu", "coopération"]]
    )  # unknown target
    return [good, bad, tmp_path / "absent.xlsx"]


@pytest.mark.slow
def test_unreadable_territories_are_all_reported_in_one_error(good_and_bad):
    with pytest.raises(tg.InputError) as caught:
        compare(good_and_bad)
    files = {p.file for p in caught.value.problems}
    assert files == {"mauvais.xlsx", "absent.xlsx"}
    assert "mauvais.xlsx" in str(caught.value) and "absent.xlsx" in str(caught.value)


@pytest.mark.slow
def test_errors_skip_leaves_their_rows_out_with_a_warning(good_and_bad):
    with pytest.warns(UserWarning, match="mauvais.xlsx") as caught:
        table = compare(good_and_bad, errors="skip")
    assert list(table.index) == ["bon"]
    assert table.attrs["skipped"] == ["mauvais.xlsx", "absent.xlsx"]
    assert "2 territoires n'ont pas pu être lus" in str(caught[0].message)


def test_an_unknown_errors_option_is_refused():
    with pytest.raises(ValueError, match="errors"):
        compare([path_of_three()], errors="ignore")


# -- progress -------------------------------------------------------------------------------
def test_the_progress_bar_writes_to_stderr(capsys):
    pytest.importorskip("tqdm")
    compare([path_of_three()], progress=True)
    assert "1/1" in capsys.readouterr().err


def test_a_progress_bar_without_tqdm_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    with pytest.raises(ImportError, match=r"territoire_graphe\[progress\]"):
        compare([path_of_three()], progress=True)
    assert len(compare([path_of_three()], progress=None)) == 1  # auto: quietly without


# -- Excel and chart ------------------------------------------------------------------------
def test_the_comparison_workbook_has_readable_headers_and_no_formula(tmp_path):
    odd = territory('=HYPERLINK("http://x")', {"a": "association"}, [])
    table = quiet_compare([odd, path_of_three()])
    path = to_excel_comparison(table, tmp_path / "comparaison.xlsx", chart=False)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Comparaison", "Notes"]
    header = [c.value for c in book["Comparaison"][1]]
    assert header[:4] == ["Territoire", "Date", "Taille comparable", "Acteurs"]
    assert "Densité" in header and header[-1] == "Fichier"
    assert book["Comparaison"]["A2"].value == '=HYPERLINK("http://x")'
    assert formula_cells(path) == []


def test_the_comparison_workbook_speaks_english_on_request(tmp_path):
    pytest.importorskip("matplotlib")
    table = compare([path_of_three()], lang="en")
    path = to_excel_comparison(table, tmp_path / "comparison.xlsx", lang="en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Comparison", "Notes", "Comparison of the territories"]
    assert [c.value for c in book["Comparison"][1]][:2] == ["Territory", "Date"]


@pytest.mark.slow
def test_the_chart_is_a_png(tmp_path):
    pytest.importorskip("matplotlib")
    table = quiet_compare(tg.data.samples())
    path = comparison_chart(table, tmp_path / "comparaison.png")
    assert Path(path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_chart_without_matplotlib_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"territoire_graphe\[image\]"):
        comparison_chart(compare([path_of_three()]), tmp_path / "x.png")


def test_the_comparison_workbook_lists_proper_names(tmp_path):
    from openpyxl import load_workbook

    from territoire_graphe.render.comparison_excel import to_excel_comparison

    table = tg.compare(
        [tg.sample_path("lens_lievin_alimentation.xlsx"), tg.sample_path("pays_de_bray_2024.xlsx")]
    )
    sheet = load_workbook(to_excel_comparison(table, tmp_path / "c.xlsx")).worksheets[0]
    names = [sheet.cell(row=r, column=1).value for r in (2, 3)]
    # the samples' names come from their `territoire` sheet, shown as typed there
    assert set(names) == {"Lens-Liévin : alimentation", "Pays de Bray"}
