"""Which way is up: the y axis of the positions each tool writes, and the one positions are kept in.

An actor's ``x`` / ``y`` columns hold positions with the **y axis upwards**, as
Gephi and sigma.js draw them; the map (vis-network, a canvas) has it downwards and
turns y over when it draws stored positions (``render/map_data.py``), the exports
turn it back (:mod:`.export_viz`), so a Gephi file read, drawn and exported again
keeps its positions and is shown the same way up by both tools. Readers of tools
whose y axis points down turn y over as they read (:func:`y_down_to_up`).

What each tool does, from its sources:

- **Gephi** (GEXF ``viz:position``, its JSON and GML exports): y up. Gephi's preview
  draws a node at ``NodeItem.Y = -node.y()`` (``PreviewPlugin``, ``NodeBuilder``),
  i.e. its graph space is turned over to reach the screen.
- **sigma.js v2 / v3 and graphology** (Gephi Lite, Retina): y up. sigma.js's
  "Coordinate systems" page (sigmajs.org/docs/advanced/coordinate-systems): in the
  viewport "the y dimension is then flipped, higher values of y meaning lower on
  the screen".
- **Cytoscape.js** (and Cytoscape's ``.cyjs``): y down. ``modelToRenderedPosition``
  (cytoscape ``src/math.js``) is ``y * zoom + pan.y``: model and screen share their
  orientation, and the screen's y grows downwards.
- **yEd / yFiles** (GraphML ``y:Geometry``, ``y:RectD``, GML ``graphics``): y down,
  the geometry being the top-left corner of the node's box on a Java2D / SVG canvas.
- **Kumu** (project JSON ``maps[].elements[].position``): y down (an SVG canvas).
- Pajek ``.net`` and node-link JSON carry no stated convention: read as written.

>>> y_down_to_up({"x": 10.0, "y": 30.0, "label": "A"})
{'x': 10.0, 'y': -30.0, 'label': 'A'}
>>> y_down_to_up({"x": 1})
{'x': 1}
"""

from __future__ import annotations

from typing import Any


def y_down_to_up(attrs: dict[str, Any]) -> dict[str, Any]:
    """``attrs`` with a numeric ``y`` turned over (a y-down tool's position, kept y up)."""
    y = attrs.get("y")
    if isinstance(y, int | float) and not isinstance(y, bool):
        attrs["y"] = -y + 0  # + 0: no "-0.0"
    return attrs
