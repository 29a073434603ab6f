"""Plain-language findings: the sentences a steering committee reads, each backed by figures.

Every finder looks at one question of DOMAIN.md -- mobilisation, interconnaissance,
complementarities, fragility (one module each) --, returns zero or more findings,
and stays silent when there is nothing worth saying. Sentences come from the
message catalogue; numbers are formatted for the language; each finding lists
the actors it names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from .acquaintance import (
    communes_never_meet,
    communes_outside,
    community_single_bridge,
    ei_by_type,
    groups_never_meet,
    isolated_actors,
    members_never_meet,
    no_relation,
    pendant_actors,
)
from .complementarities import (
    complementarity_matches,
    fragmented_functions,
    isolated_with_resource,
    suggested_links,
    useful_effect_funders,
)
from .evidence import FINDING_COLUMNS, Evidence, join_names, of_name
from .families import flow_without_tie, funding_concentration, single_dependency, tensions
from .fragility import bridge_ties, cut_points, fragmenting_set, person_dependency
from .mobilisation import mobilise_first, trusted_broker
from .response import low_response

FINDERS: tuple[Callable[[Evidence], list[dict[str, Any]]], ...] = (
    no_relation,
    mobilise_first,
    trusted_broker,
    isolated_actors,
    pendant_actors,
    groups_never_meet,
    communes_never_meet,
    communes_outside,
    ei_by_type,
    community_single_bridge,
    members_never_meet,
    isolated_with_resource,
    complementarity_matches,
    useful_effect_funders,
    fragmented_functions,
    suggested_links,
    cut_points,
    bridge_ties,
    person_dependency,
    fragmenting_set,
    tensions,
    funding_concentration,
    single_dependency,
    flow_without_tie,
    low_response,
)


def write_findings(e: Evidence) -> pd.DataFrame:
    """Every finding, sorted by priority then by the order of the questions."""
    rows = [row for finder in FINDERS for row in finder(e)]
    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    if len(frame):
        frame = frame.sort_values("priority", kind="stable").reset_index(drop=True)
    return frame


__all__ = ["FINDERS", "FINDING_COLUMNS", "Evidence", "join_names", "of_name", "write_findings"]
