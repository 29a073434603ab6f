"""A fast, seeded, deterministic layout for actor maps: communities kept together.

networkx's ``spring_layout`` is quadratic per iteration and took minutes on
10,000 actors. This layout works in three levels:

1. **Inside each community** (``Diagnosis.actors["community"]``, or connected
   components when none is given): pivot MDS (Brandes & Pich 2006) for the global
   shape, refined by a Fruchterman-Reingold (1991) force layout -- exact repulsion up
   to ``DENSE`` nodes, repulsion limited to nearby nodes (k-d tree) beyond.
2. **Communities of one component**: the same force layout on the quotient graph
   (one node per community, weighted by the ties between communities); then the
   communities, seen as discs, are scaled to touch, pulled towards those they are
   tied to and pushed apart until none overlaps. Each component is turned so that
   its longest extent is horizontal.
3. **Components**: packed in rows, largest first; actors without any tie are set
   aside in a tidy grid on the right, under the label "Isolés".
4. **Small maps** (up to 600 actors, when label ``boxes`` are given): stretched
   sideways to a screen's proportions, then actors are moved apart until no two
   discs or labels overlap (:mod:`~territoire_graphe.render.declutter`).

The numerical building blocks are in :mod:`~territoire_graphe.render.forces`.

Everything is seeded and ordered by id, so the same territory gives the same
coordinates (rounded to 0.1 px). Known ``positions`` (from a previous map) are kept
as they are; new actors are put beside their known neighbours.

>>> import networkx as nx
>>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("d", "e")])
>>> g.add_node("z")
>>> lay = compute_layout(g, seed=1)
>>> sorted(lay.positions) == ["a", "b", "c", "d", "e", "z"]
True
>>> lay.isolated
['z']
>>> compute_layout(g, seed=1).positions == lay.positions
True
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

from .declutter import MAX_ACTORS, declutter
from .forces import DENSE, compact, force, gather, pivot_mds, separate

SPACING = 75.0  # typical distance between neighbouring actors, in canvas pixels


@dataclass(frozen=True)
class Layout:
    """Coordinates in canvas pixels (``positions``: id -> (x, y)), and where isolated actors went."""

    positions: dict[str, tuple[float, float]]
    isolated: list[str] = field(default_factory=list)
    isolated_label: tuple[float, float] | None = None


def compute_layout(
    graph: nx.Graph,
    *,
    communities: Mapping[str, Hashable] | None = None,
    positions: Mapping[str, tuple[float, float]] | None = None,
    boxes: Mapping[str, tuple[float, float, float]] | None = None,
    seed: int = 42,
    spacing: float = SPACING,
) -> Layout:
    """Lay out ``graph`` (the analysis graph): communities together, isolated actors aside.

    ``communities`` maps node -> community label (nodes missing from it form their
    own groups by component). ``positions`` are kept as given; the other nodes are
    placed next to their placed neighbours, or laid out beside the known ones.
    ``boxes`` (node -> half-width, half-height, vertical offset of the disc and its
    label, see :func:`~territoire_graphe.render.declutter.label_box`) lets maps of up
    to 600 actors be decluttered so that no two labels overlap.
    """
    nodes = sorted(graph.nodes, key=str)
    fixed = {
        str(n): (float(x), float(y))
        for n, (x, y) in (positions or {}).items()
        if n in graph and _finite(x, y)
    }
    if fixed:
        return _extend(graph, nodes, fixed, communities, seed, spacing)
    isolated = [n for n in nodes if graph.degree(n) == 0]
    blocks = [
        _component_block(graph, comp, communities, seed, spacing)
        for comp in _components(graph, isolated)
    ]
    placed = _pack(blocks, spacing)
    if boxes and 1 < len(placed) <= MAX_ACTORS:
        placed = _declutter(_widen(placed), boxes)
    label = None
    if isolated:
        label = _place_isolated(isolated, placed, spacing, boxes)
    return Layout(
        {
            str(n): (round(float(x), 1), round(float(y), 1))
            for n, (x, y) in sorted(placed.items(), key=lambda item: str(item[0]))
        },
        [str(n) for n in isolated],
        label,
    )


# -- levels -------------------------------------------------------------------------------
def _components(graph: nx.Graph, isolated: list) -> list[list]:
    skip = set(isolated)
    comps = [sorted(c, key=str) for c in nx.connected_components(graph) if not (c <= skip)]
    return sorted(comps, key=lambda c: (-len(c), str(c[0])))


def _component_block(
    graph: nx.Graph, comp: list, communities: Mapping | None, seed: int, spacing: float
) -> dict:
    """Positions of one connected component, centred on 0."""
    groups: dict[Hashable, list] = {}
    for n in comp:
        label = communities.get(n) if communities is not None else None
        groups.setdefault(
            ("c", label) if label is not None and label == label else ("n",), []
        ).append(n)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), str(g[0])))
    if len(ordered) == 1:
        return _landscape(_block(graph, ordered[0], seed, spacing))
    sub = [_block(graph, g, seed + i, spacing) for i, g in enumerate(ordered)]
    radii = np.array([_radius(p) + spacing * 0.6 for p in sub])
    index = {n: i for i, g in enumerate(ordered) for n in g}
    weights: dict[tuple[int, int], float] = {}
    for u, v in graph.subgraph(comp).edges():
        a, b = sorted((index[u], index[v]))
        if a != b:
            weights[(a, b)] = weights.get((a, b), 0.0) + 1.0
    edges = np.array(sorted(weights), dtype=np.int64).reshape(-1, 2)
    w = np.array([weights[e] for e in sorted(weights)], dtype=float)
    rng = np.random.default_rng(seed)
    k = float(np.mean(radii)) * 2.0
    init = pivot_mds(len(ordered), edges, rng) * k
    centres = force(
        init, edges, w / max(w.max(), 1.0) if len(w) else w, k=k, rng=rng, iterations=80
    )
    centres = separate(compact(centres, radii, spacing * 0.4), radii, spacing * 0.4)
    centres = gather(centres, radii, edges, w, spacing * 0.4)
    out = {}
    for (cx, cy), p in zip(centres, sub, strict=True):
        for n, (x, y) in p.items():
            out[n] = (x + cx, y + cy)
    return _landscape(out)


def _landscape(pos: dict) -> dict:
    """Turn a component so that its longest extent is horizontal (screens are wide), centred."""
    names = list(pos)
    pts = np.array([pos[n] for n in names], dtype=float)
    pts -= pts.mean(axis=0)
    if len(pts) > 2:
        _, vectors = np.linalg.eigh(pts.T @ pts)
        pts = pts @ vectors[:, ::-1]  # main axis first
        for axis in (0, 1):  # a fixed orientation: the heavier tail right / down
            if (pts[:, axis] ** 3).sum() < 0:
                pts[:, axis] *= -1
    return _centred({n: (float(x), float(y)) for n, (x, y) in zip(names, pts, strict=True)})


def _block(graph: nx.Graph, members: list, seed: int, spacing: float) -> dict:
    """Force layout of one group of nodes, scaled so neighbours are ``spacing`` apart."""
    n = len(members)
    if n == 1:
        return {members[0]: (0.0, 0.0)}
    if n == 2:
        return {members[0]: (-spacing / 2, 0.0), members[1]: (spacing / 2, 0.0)}
    index = {m: i for i, m in enumerate(members)}
    sub = graph.subgraph(members)
    edges = np.array(
        sorted(
            (min(index[u], index[v]), max(index[u], index[v])) for u, v in sub.edges() if u != v
        ),
        dtype=np.int64,
    ).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    init = pivot_mds(n, edges, rng) * math.sqrt(n)
    iterations = 50 if n <= DENSE else 40
    pos = force(init, edges, np.ones(len(edges)), k=1.0, rng=rng, iterations=iterations)
    nearest = cKDTree(pos).query(pos, k=2)[0][:, 1]
    scale = spacing / max(float(np.median(nearest)), 1e-9)
    pos = (pos - pos.mean(axis=0)) * scale
    return {m: (float(x), float(y)) for m, (x, y) in zip(members, pos, strict=True)}


# -- packing ----------------------------------------------------------------------------------
def _pack(blocks: list[dict], spacing: float) -> dict:
    """Rows of components, largest first, in a roughly 16:10 frame."""
    if not blocks:
        return {}
    boxes = [_bbox(b) for b in blocks]
    widths = [x1 - x0 + spacing for x0, _, x1, _ in boxes]
    heights = [y1 - y0 + spacing for _, y0, _, y1 in boxes]
    area = sum(w * h for w, h in zip(widths, heights, strict=True))
    row_width = max(widths[0], math.sqrt(area * 1.6))
    out: dict = {}
    x = y = row_height = 0.0
    for block, (x0, y0, _, _), w, h in zip(blocks, boxes, widths, heights, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in block.items():
            out[n] = (px - x0 + x, py - y0 + y)
        x += w
        row_height = max(row_height, h)
    return out


def _widen(placed: dict, aspect: float = 1.5, most: float = 1.6) -> dict:
    """Stretch a map taller than a screen's proportions sideways (labels are wide, screens too)."""
    x0, y0, x1, y1 = _bbox(placed)
    width, height = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    factor = min(max(aspect * height / width, 1.0), most)
    return {n: (x0 + (x - x0) * factor, y) for n, (x, y) in placed.items()}


def _declutter(placed: dict, boxes: Mapping[str, tuple[float, float, float]]) -> dict:
    names = sorted(placed, key=str)
    default = (10.0, 10.0, 0.0)
    info = np.array([boxes.get(str(n), default) for n in names], dtype=float)
    centres = np.array([placed[n] for n in names]) + np.column_stack(
        [np.zeros(len(names)), info[:, 2]]
    )
    moved = declutter(centres, info[:, :2])
    return {
        n: (float(x), float(y - off))
        for n, (x, y), off in zip(names, moved, info[:, 2], strict=True)
    }


def _place_isolated(
    isolated: list,
    placed: dict,
    spacing: float,
    boxes: Mapping[str, tuple[float, float, float]] | None,
) -> tuple[float, float]:
    """A grid to the right of everything else (mutates ``placed``); returns the label's anchor."""
    cell = spacing * 0.9
    col_width = cell * 1.6
    if boxes:
        sized = [boxes[str(n)] for n in isolated if str(n) in boxes]
        if sized:
            col_width = max(col_width, max(2 * b[0] for b in sized) + 12)
            cell = max(cell, max(2 * b[1] for b in sized) + 8)
    if placed:
        xs = [p[0] for p in placed.values()]
        ys = [p[1] for p in placed.values()]
        left, top, height = max(xs) + spacing * 1.5, min(ys), max(ys) - min(ys)
    else:
        left = top = height = 0.0
    rows_fit = max(1, int(height // cell) + 1)  # as tall as the map at most
    cols = max(math.ceil(math.sqrt(len(isolated) / 2)), math.ceil(len(isolated) / rows_fit))
    heading = 60.0  # room for the label above the grid, inside the map's frame
    for i, n in enumerate(isolated):
        placed[n] = (left + (i % cols) * col_width, top + heading + (i // cols) * cell)
    return (round(float(left - col_width * 0.45), 1), round(float(top + 10), 1))


# -- reuse of known positions -------------------------------------------------------------------
def _extend(
    graph: nx.Graph,
    nodes: list,
    fixed: dict,
    communities: Mapping | None,
    seed: int,
    spacing: float,
) -> Layout:
    """Keep ``fixed``; put new nodes by their placed neighbours, the rest beside the map."""
    placed = dict(fixed)
    pending = [n for n in nodes if str(n) not in placed]
    progress = True
    while pending and progress:
        progress = False
        rest = []
        for n in pending:
            near = sorted(placed[str(m)] for m in graph.neighbors(n) if str(m) in placed)
            if not near:
                rest.append(n)
                continue
            cx = sum(p[0] for p in near) / len(near)
            cy = sum(p[1] for p in near) / len(near)
            angle = (zlib_hash(str(n), seed) % 3600) / 3600 * 2 * math.pi
            placed[str(n)] = (
                cx + math.cos(angle) * spacing * 0.8,
                cy + math.sin(angle) * spacing * 0.8,
            )
            progress = True
        pending = rest
    label = None
    isolated = [str(n) for n in nodes if graph.degree(n) == 0]
    if pending:
        new = compute_layout(
            graph.subgraph(pending), communities=communities, seed=seed, spacing=spacing
        )
        x_max = max(p[0] for p in placed.values())
        y_min = min(p[1] for p in placed.values())
        nx_min = min(p[0] for p in new.positions.values())
        ny_min = min(p[1] for p in new.positions.values())
        dx, dy = x_max + spacing * 2 - nx_min, y_min - ny_min
        for n, (x, y) in new.positions.items():
            placed[n] = (x + dx, y + dy)
        if new.isolated_label is not None:
            label = (new.isolated_label[0] + dx, new.isolated_label[1] + dy)
    return Layout(
        {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in sorted(placed.items())},
        isolated,
        label,
    )


def zlib_hash(text: str, seed: int) -> int:
    """A stable hash (Python's ``hash`` changes between runs)."""
    import zlib

    return zlib.crc32(f"{seed}:{text}".encode())


# -- small helpers -------------------------------------------------------------------------------
def _finite(x: object, y: object) -> bool:
    try:
        return math.isfinite(float(x)) and math.isfinite(float(y))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _centred(pos: dict) -> dict:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {n: (x - cx, y - cy) for n, (x, y) in pos.items()}


def _radius(pos: dict) -> float:
    """Radius of the disc holding most of a group (a few outliers may stick out)."""
    pts = np.array(list(pos.values()))
    if len(pts) < 2:
        return 0.0
    dist = np.hypot(*(pts - pts.mean(axis=0)).T)
    return float(np.quantile(dist, 0.9) * 1.1) if len(pts) > 10 else float(dist.max())


def _bbox(pos: dict) -> tuple[float, float, float, float]:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    return min(xs), min(ys), max(xs), max(ys)
