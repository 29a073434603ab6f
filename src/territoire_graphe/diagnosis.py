"""diagnose(): runs the analysis of a territory and assembles the Diagnosis (skeleton).

The fields below are the contract the renderers code against; the assembly lands
with issue 3.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .model import Territory


@dataclass(frozen=True)
class Diagnosis:
    """Everything a committee needs to know about one territory, as tables.

    - ``actors``: one row per actor (index: actor id) with ``name``, ``type``,
      ``municipality``, ``degree``, ``strength``, ``betweenness``, ``closeness``,
      ``harmonic``, ``eigenvector``, ``pagerank``, ``in_degree``, ``out_degree``,
      ``constraint``, ``effective_size``, ``community``, ``component``,
      ``core_number``, ``is_isolated``, ``is_pendant``, ``is_articulation_point``,
      ``is_key_player`` (bool: in the "reach" key-player set), the five
      ``broker_*`` counts.
    - ``indicators``: network-level figures (FORMAT.md names, plus more).
    - ``bridges``: list of ``(source, target)`` id pairs (sorted pairs, sorted list).
    - ``findings``: one row per finding: ``code`` (stable id of the kind of finding),
      ``category`` (mobilisation, interconnaissance, complementarites, fragilite,
      and more), ``priority`` (1 = most urgent), ``text`` (the sentence, in the
      diagnosis language), ``figures`` (dict), ``actors`` (list of actor ids).
    - ``key_players``: dict goal -> result (``.actors`` ids, ``.score``), goals
      ``"reach"`` and ``"fragment"``.
    - ``mixing``: result of the mixing by type (``.matrix``, ``.ei_index``, ``.ei_by_group``).
    - ``complementarities``: one row per resource/need match: ``resource_actor``,
      ``need_actor``, ``category``, ``resource``, ``need``, ``status``
      (``new``/``indirect``/``existing``), ``path`` (list of ids, for indirect).
    - ``suggestions``: suggested links: ``source``, ``target``, ``reason`` (code),
      ``text``, ``score``.
    - ``fragilities``: one row per actor: effect of its removal (``components_after``,
      ``reach_loss``) and person-dependency columns.
    - ``communities``: one row per community: ``community``, ``size``, ``label``.
    - ``provenance``: algorithm, parameters, seed and sampling of every figure.
    """

    territory: Territory
    actors: pd.DataFrame
    indicators: pd.Series
    bridges: list[tuple[str, str]]
    findings: pd.DataFrame
    key_players: dict[str, Any] = field(default_factory=dict)
    mixing: Any = None
    complementarities: pd.DataFrame = field(default_factory=pd.DataFrame)
    suggestions: pd.DataFrame = field(default_factory=pd.DataFrame)
    fragilities: pd.DataFrame = field(default_factory=pd.DataFrame)
    communities: pd.DataFrame = field(default_factory=pd.DataFrame)
    provenance: dict[str, Any] = field(default_factory=dict)
    lang: str = "fr"
