"""diagnose(): runs the analysis of a territory and assembles the Diagnosis.

>>> import territoire_graphe as tg
>>> d = tg.diagnose(tg.read(tg.sample_path("colombelles_tzcld.xlsx")))
>>> {"degree", "betweenness", "constraint", "broker_liaison"} <= set(d.actors.columns)
True
>>> int(d.indicators["actors"])
42
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from ._renderers import render
from ._version import __version__ as _version
from .analysis import brokerage, centrality, communities, groups, keyplayers, structure
from .analysis._shared import per_run
from .analysis.complementarity import complementarities, link_suggestions
from .analysis.fragility import bridge_impact, person_dependency, removal_impact
from .analysis.groups import Mixing
from .analysis.indicators import (
    betweenness_centralization,
    cross_group_share,
    family_indicators,
    reciprocity,
    structural_indicators,
)
from .analysis.keyplayers import KeyPlayers
from .findings import Evidence, write_findings
from .messages import resolve_lang
from .model import Territory
from .provenance import Provenance
from .text_keys import key
from .vocabulary import TENSION

BROKER_COLUMNS = [
    "broker_coordinator",
    "broker_itinerant",
    "broker_representative",
    "broker_gatekeeper",
    "broker_liaison",
]
INDICATOR_ORDER = [
    "actors",
    "relations",
    "ties",
    "density",
    "components",
    "largest_component_share",
    "isolated",
    "isolated_share",
    "pendant",
    "mean_degree",
    "transitivity",
    "degree_centralization",
    "betweenness_centralization",
    "modularity",
    "communities",
    "ei_index_type",
    "ei_index_type_p_value",
    "cross_type_share",
    "reciprocity",
    "mean_distance",
    "articulation_points",
    "bridges",
    "collectives",
    "memberships",
    "people",
    "resources",
    "needs",
    "complementarities",
    "complementarities_to_make",
]


@dataclass(frozen=True)
class Diagnosis:
    """Everything a committee needs to know about one territory, as tables.

    - ``actors``: one row per actor (index: actor id) with ``name``, ``type``,
      ``municipality``, ``degree``, ``strength``, ``betweenness``, ``closeness``,
      ``harmonic``, ``eigenvector``, ``pagerank``, ``in_degree``, ``out_degree``,
      ``in_strength``, ``out_strength``, ``constraint``, ``effective_size``,
      ``community``, ``component``, ``core_number``, ``is_isolated``, ``is_pendant``,
      ``is_articulation_point``, ``is_key_player`` (in the "reach" key-player set),
      the five ``broker_*`` counts, and the removal figures (``actors_cut_off``...).
    - ``indicators``: network-level figures (FORMAT.md names, plus more).
    - ``bridges``: list of ``(source, target)`` id pairs (each pair sorted, list sorted).
    - ``findings``: one row per finding: ``code`` (stable id of the kind of finding),
      ``category``, ``priority`` (1 = most urgent), ``text`` (the sentence, in the
      diagnosis language), ``figures`` (dict), ``actors`` (list of actor ids).
    - ``key_players``: dict goal -> :class:`~territoire_graphe.analysis.keyplayers.KeyPlayers`
      for the goals ``"reach"`` and ``"fragment"``.
    - ``mixing``: the mixing by type (``.matrix``, ``.ei_index``, ``.ei_by_group``, ``.p_value``).
    - ``complementarities``: one row per resource/need match (``status`` new, indirect
      or existing, ``path`` and ``introducer`` for indirect ones).
    - ``suggestions``: suggested links with their reasons.
    - ``fragilities``: per actor, what its removal does; ``person_dependencies``: per
      organisation and person, the share of outside relations carried.
    - ``bridge_impact``: per bridge, the sizes of the two sides.
    - ``communities``: one row per community with its dominant types and places and a ``label``.
    - ``provenance``: algorithm, parameters, seed and sampling of every figure.

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> d = tg.diagnose(tg.read(tg.sample_path("colombelles_tzcld.xlsx")))
    >>> isinstance(d, tg.Diagnosis), d.actors.index.equals(d.territory.actors.index)
    (True, True)
    """

    territory: Territory
    actors: pd.DataFrame
    indicators: pd.Series
    bridges: list[tuple[str, str]]
    findings: pd.DataFrame
    key_players: dict[str, KeyPlayers] = field(default_factory=dict)
    mixing: Mixing | None = None
    complementarities: pd.DataFrame = field(default_factory=pd.DataFrame)
    suggestions: pd.DataFrame = field(default_factory=pd.DataFrame)
    fragilities: pd.DataFrame = field(default_factory=pd.DataFrame)
    person_dependencies: pd.DataFrame = field(default_factory=pd.DataFrame)
    bridge_impact: pd.DataFrame = field(default_factory=pd.DataFrame)
    communities: pd.DataFrame = field(default_factory=pd.DataFrame)
    provenance: Provenance = field(default_factory=Provenance)
    lang: str = "fr"

    def _repr_html_(self) -> str:
        return str(render("diagnosis.html", self))

    def __repr__(self) -> str:
        return (
            f"<Diagnosis {self.territory.name!r}: {len(self.actors)} actors, "
            f"{len(self.findings)} findings>"
        )


@per_run  # one sparse form of each graph, shared by every kernel (analysis/_shared.py)
def diagnose(
    t: Territory,
    *,
    lang: str | None = None,
    k: int = 3,
    steps: int = 2,
    seed: int = 0,
    permutations: int = 1000,
) -> Diagnosis:
    """Compute every metric and finding of a territory.

    Parameters
    ----------
    t : Territory
        The territory (never modified).
    lang : str, optional
        Language of the findings (default: ``$TERRITOIRE_GRAPHE_LANG``, else French).
    k : int, default 3
        Size of the key-player sets: ``k`` actors reaching the most others within
        ``steps`` links, ``k`` actors whose loss fragments the network most.
    steps : int, default 2
        Links within which the reach set reaches.
    seed : int, default 0
        Fixes community detection, sampled estimates and the E-I permutation test.
    permutations : int, default 1000
        Draws of the E-I permutation test (0: no p-value).

    Returns
    -------
    Diagnosis
        Tables of actors, indicators, bridges, findings, key players, mixing,
        complementarities and suggestions, with the ``provenance`` of each figure.

    Raises
    ------
    ValueError
        If ``lang`` is not a known language or ``steps`` is below 1.

    Notes
    -----
    Graph: the analysis graph of FORMAT.md section 2 (every actor; one undirected tie per
    pair with a relation other than a tension; weight = the sum of intensities).
    Normalised: each metric as its column says (``betweenness`` normalised by the number of
    pairs, shares between 0 and 1; see the report's Définitions sheet).
    Reference: Brandes (2001) for betweenness, Blondel et al. (2008) for communities,
    Borgatti (2006) for key players, Krackhardt and Stern (1988) for the E-I index.

    Examples
    --------
    >>> import territoire_graphe as tg
    >>> d = tg.diagnose(tg.read(tg.sample_path("colombelles_tzcld.xlsx")), lang="en")
    >>> {"betweenness", "degree", "community"} <= set(d.actors.columns)
    True
    >>> d.provenance["communities"]["seed"], len(d.key_players["reach"].actors)
    (0, 3)
    """
    lang = resolve_lang(lang)
    started = time.perf_counter()
    graph = t.analysis_graph
    digraph = t.directed_graph
    timings: dict[str, float] = {}

    def timed(label: str, fn, *args, **kwargs):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        timings[label] = round(time.perf_counter() - start, 4)
        return result

    table = timed("centrality", centrality.centralities, graph, seed=seed)
    directed = pd.DataFrame(
        {
            "in_degree": centrality.in_degree(digraph),
            "out_degree": centrality.out_degree(digraph),
            "in_strength": centrality.in_strength(digraph),
            "out_strength": centrality.out_strength(digraph),
        }
    )
    shape = timed("structure", structure.structure_table, graph)
    holes = pd.DataFrame(
        {
            "constraint": timed("constraint", brokerage.constraint, graph),
            "effective_size": timed("effective_size", brokerage.effective_size, graph),
        }
    )
    roles = timed("brokerage", brokerage.gould_fernandez, digraph, by="type")
    found = timed("communities", communities.louvain, graph, seed=seed)
    named = communities.name_communities(graph, found.labels)
    reach = timed("key_players_reach", _key_players, graph, k, goal="reach", steps=steps, seed=seed)
    fragment = timed(
        "key_players_fragment", _key_players, graph, k, goal="fragment", steps=steps, seed=seed
    )
    mix = timed(
        "mixing", groups.mixing_table, graph, by="type", permutations=permutations, seed=seed
    )
    bridge_list = sorted(
        (min(str(u), str(v)), max(str(u), str(v))) for u, v in structure.bridges(graph)
    )
    removal = timed("removal_impact", removal_impact, graph)
    bridges_table = timed("bridge_impact", bridge_impact, graph)
    people = timed("person_dependency", person_dependency, t)
    matches = timed("complementarities", complementarities, t)
    # 25 suggestions are as many as a committee (or the map's lens) can take in.
    suggestions = timed("link_suggestions", link_suggestions, t, max_suggestions=25)

    sampling = betweenness_sampling(_betweenness_attrs(table))
    actors = _actor_table(
        t, table, directed, shape, holes, roles, found.labels, removal, reach.actors
    )
    named = _label_communities(named, t, lang)
    indicators = network_indicators(t, graph, actors, found.modularity, mix, bridge_list, matches)
    evidence = Evidence(
        t=t,
        lang=lang,
        actors=actors,
        graph=graph,
        key_players={"reach": reach, "fragment": _with_baseline(fragment, graph)},
        mixing=mix,
        ei_p_value=getattr(mix, "p_value", None),
        communities=named,
        complementarities=matches,
        suggestions=suggestions,
        removal=removal,
        bridges=bridge_list,
        bridge_impact=bridges_table,
        person_dependency=people,
        steps=steps,
        betweenness_sampled=sampling["sampled"],
        betweenness_error=sampling["error"],
        tension_pairs=_tension_pairs(t),
        perimeter=_perimeter(t),
    )
    findings = timed("findings", write_findings, evidence)
    timings["total"] = round(time.perf_counter() - started, 4)
    provenance = _provenance(
        t,
        k=k,
        steps=steps,
        seed=seed,
        permutations=permutations,
        reach=reach,
        fragment=fragment,
        mix=mix,
        found=found,
        table=table,
        timings=timings,
    )
    return Diagnosis(
        territory=t,
        actors=actors,
        indicators=indicators,
        bridges=bridge_list,
        findings=findings,
        key_players={"reach": reach, "fragment": fragment},
        mixing=mix,
        complementarities=matches,
        suggestions=suggestions,
        fragilities=removal,
        person_dependencies=people,
        bridge_impact=bridges_table,
        communities=named,
        provenance=Provenance(provenance),
        lang=lang,
    )


def _actor_table(
    t: Territory,
    table: pd.DataFrame,
    directed: pd.DataFrame,
    shape: pd.DataFrame,
    holes: pd.DataFrame,
    roles: pd.DataFrame,
    labels: pd.Series,
    removal: pd.DataFrame,
    reach_set,
) -> pd.DataFrame:
    base = t.actors[["name", "type", "municipality", "area", "sector", "functions"]]
    index = base.index
    parts = [
        base,
        table.reindex(index),
        directed.reindex(index),
        holes.reindex(index),
        pd.DataFrame({"community": labels}).reindex(index),
        shape.reindex(index),
        roles.reindex(index)[BROKER_COLUMNS],
    ]
    actors = pd.concat(parts, axis=1)
    impact = removal.reindex(index)
    for column in impact.columns:
        if column not in actors:
            actors[column] = impact[column]
    actors["is_key_player"] = actors.index.isin(list(reach_set))
    for column in (
        "strength",
        "betweenness",
        "closeness",
        "harmonic",
        "eigenvector",
        "pagerank",
        "in_strength",
        "out_strength",
        "constraint",
        "effective_size",
    ):
        actors[column] = actors[column].astype(float)  # numeric even with no actor
    for column in ("is_isolated", "is_pendant", "is_articulation_point", "is_key_player"):
        actors[column] = actors[column].astype(bool)
    for column in [
        *BROKER_COLUMNS,
        "degree",
        "component",
        "community",
        "core_number",
        "in_degree",
        "out_degree",
    ]:
        actors[column] = actors[column].astype(int)
    actors.index.name = "id"
    return actors


def _label_communities(named: pd.DataFrame, t: Territory, lang: str) -> pd.DataFrame:
    """A readable label per community: its dominant types, then its dominant places."""
    out = named.reset_index()
    labels = []
    for _, row in out.iterrows():
        types = [
            entry.label(lang) if (entry := t.vocabulary.actor(x)) else str(x)
            for x in row.get("dominant_types", ()) or ()
        ]
        places = [str(x) for x in row.get("dominant_municipalities", ()) or ()]
        label = ", ".join(types) or "?"
        if places:
            label += f" ({', '.join(places)})"
        labels.append(label)
    out["label"] = labels
    return out


def network_indicators(
    t: Territory,
    graph: nx.Graph,
    actors: pd.DataFrame,
    modularity: float,
    mix,
    bridge_list: list,
    matches: pd.DataFrame,
) -> pd.Series:
    """The network-level figures of ``Diagnosis.indicators`` from the analysis results.

    Shared by :func:`diagnose` and :func:`territoire_graphe.comparison.compare` so that a
    comparison gives exactly the figures of a diagnosis.
    """
    values: dict[str, Any] = {"actors": len(t.actors), "relations": len(t.relations)}
    values.update(structural_indicators(graph))
    values["betweenness_centralization"] = betweenness_centralization(actors["betweenness"])
    values["modularity"] = modularity
    values["communities"] = int(actors["community"].nunique())
    values["ei_index_type"] = float(mix.ei_index)
    values["ei_index_type_p_value"] = float(mix.p_value)
    values["cross_type_share"] = cross_group_share(
        graph, {str(a): k for a, k in actors["type"].items()}
    )
    values["reciprocity"] = reciprocity(t.relations) if len(t.relations) else float("nan")
    values["articulation_points"] = int(actors["is_articulation_point"].sum())
    values["bridges"] = len(bridge_list)
    values["collectives"] = len(t.collectives)
    values["memberships"] = len(t.memberships)
    values["people"] = len(t.people)
    values["resources"] = len(t.resources)
    values["needs"] = len(t.needs)
    # a shared category alone is a weaker lead: only pairs whose texts agree are counted
    answered = matches[matches["match"] == "text"] if "match" in matches else matches
    values["complementarities"] = len(answered)
    values["complementarities_to_make"] = (
        int((answered["status"] != "existing").sum()) if len(answered) else 0
    )
    values.update(family_indicators(t.relations, len(t.actors)) if len(t.relations) else {})
    ordered = [k for k in INDICATOR_ORDER if k in values] + [
        k for k in values if k not in INDICATOR_ORDER
    ]
    return pd.Series({k: values[k] for k in ordered}, name=t.name, dtype=object)


def _key_players(
    graph: nx.Graph, k: int, *, goal: str, steps: int, seed: int
) -> keyplayers.KeyPlayers:
    """The key-player set, with ``k`` lowered to what a small network allows (empty if none)."""
    leave = 1 if goal == "reach" else 2
    size = min(k, graph.number_of_nodes() - leave)
    if size < 1 or graph.number_of_edges() == 0:
        return keyplayers.KeyPlayers(
            (),
            float("nan"),
            goal,
            "none",
            {"k": k, "goal": goal, "steps": steps, "reason": "network too small or without ties"},
        )
    return keyplayers.key_players(
        graph,
        size,
        goal=goal,  # type: ignore[arg-type]
        steps=steps,
        seed=seed,
    )


@dataclass(frozen=True)
class _Baselined:
    actors: tuple
    score: float
    baseline: float
    method: str = "exhaustive"


def _with_baseline(result, graph: nx.Graph) -> _Baselined:
    return _Baselined(
        tuple(result.actors),
        float(result.score),
        float(keyplayers.fragmentation(graph)),
        str(result.method),
    )


def _betweenness_attrs(table: pd.DataFrame) -> dict[str, Any]:
    """The provenance of the betweenness column (``table.attrs["betweenness"]``)."""
    found = dict(getattr(table, "attrs", {})).get("betweenness")
    return dict(found) if isinstance(found, dict) else {}


def betweenness_sampling(attrs: dict[str, Any], *, confidence: float = 0.95) -> dict[str, Any]:
    """Whether betweenness was estimated from sampled sources, and its error bound.

    With k sampled sources, each normalised betweenness is the mean of k terms in [0, 1]
    (a source's dependency on the actor over n - 2), so by Hoeffding's inequality the
    estimate is within ``error = sqrt(ln(2 / (1 - confidence)) / (2k))`` of the exact value
    with probability ``confidence`` (Riondato and Kornaropoulos 2016). 0 when exact.

    >>> round(betweenness_sampling({"sampled": True, "k": 500})["error"], 4)
    0.0607
    """
    sampled = bool(attrs.get("sampled", False))
    k = attrs.get("k") or 0
    error = math.sqrt(math.log(2 / (1 - confidence)) / (2 * k)) if sampled and k else 0.0
    return {
        "sampled": sampled,
        "sources": int(k) if sampled else None,
        "error": error,
        "confidence": confidence if sampled else None,
    }


def _tension_pairs(t: Territory) -> frozenset:
    r = t.relations
    if r.empty:
        return frozenset()
    tense = r[(r["type"] == TENSION) & (r["source"] != r["target"])]
    return frozenset(
        frozenset((a, b)) for a, b in zip(tense["source"], tense["target"], strict=True)
    )


def _perimeter(t: Territory) -> frozenset | None:
    """The communes of the territory's perimeter (normalised names or codes), if given."""
    values = getattr(t, "perimeter", None)
    if not values:
        return None
    return frozenset(key(str(v)) for v in values if str(v).strip())


def _provenance(t: Territory, **parts: Any) -> dict[str, Any]:
    table = parts["table"]
    return {
        "package": f"territoire_graphe {_version}",
        "networkx": nx.__version__,
        "territory": {
            "name": t.name,
            "date": None if t.date is None else t.date.isoformat(),
            "source": t.source,
        },
        "analysis_graph": "every actor; one undirected tie per pair with a relation other "
        "than a tension; weight = sum of intensities (FORMAT.md §2)",
        "betweenness": {
            **(_betweenness_attrs(table) or {"algorithm": "Brandes (2001)", "normalized": True}),
            **betweenness_sampling(_betweenness_attrs(table)),
        },
        "communities": {
            **dict(getattr(parts["found"], "params", {})),
            "algorithm": "Louvain (Blondel et al. 2008)",
            "seed": parts["seed"],
        },
        "key_players": {
            "reach": {
                "k": parts["k"],
                "steps": parts["steps"],
                "method": parts["reach"].method,
                **dict(parts["reach"].params),
            },
            "fragment": {
                "k": parts["k"],
                "method": parts["fragment"].method,
                **dict(parts["fragment"].params),
            },
        },
        "mixing": {
            "by": "type",
            "permutations": parts["permutations"],
            "seed": parts["seed"],
            **dict(getattr(parts["mix"], "params", {})),
        },
        "timings_s": parts["timings"],
    }
