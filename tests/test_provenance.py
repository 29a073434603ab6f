"""A diagnosis carries a Provenance: read-only, and to JSON and back without loss."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import territoire_graphe as tg
from territoire_graphe.provenance import Provenance


@pytest.fixture(scope="module")
def diagnosis() -> tg.Diagnosis:
    t = tg.Territory.from_records(
        actors=[{"id": x, "name": x.upper(), "type": "association"} for x in "abcd"],
        relations=[{"source": u, "target": v, "type": "coopération"} for u, v in ["ab", "bc"]],
    )
    return tg.diagnose(t, seed=4)


def test_a_diagnosis_says_which_seed_and_algorithms_made_it(diagnosis):
    prov = diagnosis.provenance
    assert isinstance(prov, Provenance)
    assert prov["communities"]["seed"] == 4 and prov["mixing"]["seed"] == 4
    assert prov["package"] == f"territoire_graphe {tg.__version__}"


def test_the_provenance_of_a_diagnosis_goes_to_json_and_back(diagnosis):
    text = diagnosis.provenance.to_json()
    assert json.loads(text) == diagnosis.provenance.to_dict()
    assert Provenance.from_json(text).to_dict() == diagnosis.provenance.to_dict()


def test_numpy_numbers_dates_tuples_and_nan_become_json_types():
    prov = Provenance(
        {
            "k": np.int64(3),
            "share": np.float64(0.5),
            "missing": float("nan"),
            "when": pd.Timestamp(2024, 3, 15),
            "ids": ("a", "b"),
            "on": np.bool_(True),
        }
    )
    assert prov.to_dict() == {
        "k": 3,
        "share": 0.5,
        "missing": None,
        "when": "2024-03-15T00:00:00",
        "ids": ["a", "b"],
        "on": True,
    }
    assert isinstance(prov.to_dict()["k"], int)


def test_a_provenance_cannot_be_changed_nor_built_from_a_list():
    prov = Provenance({"seed": 0})
    with pytest.raises(TypeError):
        prov["seed"] = 1  # type: ignore[index]
    with pytest.raises(AttributeError):
        prov.entries = {}  # type: ignore[misc]
    with pytest.raises(ValueError, match="JSON object"):
        Provenance.from_json("[1, 2]")
