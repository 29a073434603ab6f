/* territoire_graphe map, part 2: drawing large maps fast.
 * - what a lens, a selection or a filter changes is written in place on vis-network's own
 *   items (refresh), only for the actors and lines whose state changed;
 * - the lines out of sight are left out of vis-network's drawing. */
/* Each DataSet update makes vis-network parse every option of every item again (labels
 * measured anew, the whole graph walked once per set): most of a lens switch on a large map.
 * What a lens, a selection or a filter changes (colours, widths, the label's colour, shown
 * or hidden) is therefore written in place on vis-network's own items, which it reads when
 * drawing; the visible items are listed again once, and the map drawn once, on the next
 * frame (coalesced with the selection's and the centring's own redraws). An item whose
 * internals are not as expected goes through the DataSet. */
var emitter = network.body && network.body.emitter;
var inPlace = !!(emitter && typeof network._updateVisibleIndices === "function");
var FONT_MODS = ["bold", "ital", "boldital", "mono"];
function restyleNode(n, st, hiddenToo) {
  var node = inPlace && network.body.nodes[n.id];
  var label = node && node.labelModule, fo = label && label.fontOptions;
  if (!fo || !node.options || typeof node.options.font !== "object" || !Array.isArray(label.lines)) {
    return false;
  }
  var look = nodeLook(n, st), c = look.color, color = look.fontColor, stroke = look.strokeWidth, i, j;
  node.options.color = { background: c.background, border: c.border,
                         highlight: { background: c.highlight.background, border: c.highlight.border },
                         hover: { background: c.hover.background, border: c.hover.border } };
  node.options.borderWidth = look.borderWidth;
  if (hiddenToo) { node.options.hidden = st === "hidden"; }
  node.options.font.color = fo.color = color;
  node.options.font.strokeWidth = fo.strokeWidth = stroke;
  for (i = 0; i < FONT_MODS.length; i++) {
    if (fo[FONT_MODS[i]] && typeof fo[FONT_MODS[i]] === "object") { fo[FONT_MODS[i]].color = color; }
  }
  for (i = 0; i < label.lines.length; i++) {
    var blocks = label.lines[i].blocks || [];
    for (j = 0; j < blocks.length; j++) { blocks[j].color = color; blocks[j].strokeWidth = stroke; }
  }
  return true;
}
/* A line: its colour, width (its hover and selection widths with it) and shown or hidden. */
function restyleEdge(e, st, hiddenToo) {
  var edge = inPlace && network.body.edges[e.id];
  var color = edge && edge.options && edge.options.color;
  if (!color || typeof color !== "object" || typeof edge._setInteractionWidths !== "function") {
    return false;
  }
  color.color = color.highlight = color.hover = lineColor(e, st);
  if (hiddenToo) { edge.options.hidden = st === "hidden"; }
  var width = lineWidth(e, st);
  if (edge.options.width !== width) {
    edge.options.width = width;
    edge._setInteractionWidths();
  }
  return true;
}
function refresh() {
  var changes = computeStates(), slowNodes = [], slowEdges = [], k, i, st, before;
  if (emitter) { emitter.emit("_blockRedraw"); }
  for (k = 0; k < changes.nodes.length; k++) {
    i = changes.nodes[k];
    st = nodeSt[i];
    before = changes.nodesBefore[k];
    if (!restyleNode(NODES[i], st, hiddenChanged(before, st))) { slowNodes.push(shown(nodeStyle(NODES[i], st), before, st)); }
  }
  for (k = 0; k < changes.lines.length; k++) {
    i = changes.lines[k];
    st = lineSt[i];
    before = changes.linesBefore[k];
    if (!restyleEdge(LINES[i], st, hiddenChanged(before, st))) { slowEdges.push(shown(edgeStyle(LINES[i], st), before, st)); }
  }
  if (slowNodes.length) { nodeSet.update(slowNodes); }
  if (slowEdges.length) { edgeSet.update(slowEdges); }
  if (inPlace && changes.shownChanged) { network._updateVisibleIndices(); }
  if (emitter) { emitter.emit("_allowRedraw"); emitter.emit("_requestRedraw"); } else { network.redraw(); }
  if (typeof onRefresh === "function") { onRefresh(); }
}

/* Lines out of sight are not drawn. vis-network skips the actors out of the view but strokes
 * every line at each drawing: on a large map zoomed on an actor (after a search) that is most
 * of the drawing. While it draws, its list of lines is therefore cut to those whose box (both
 * ends, the bulge of a curve, a margin for widths, arrows and loops) meets the view; the list
 * is put back at once, so clicks and hovering still see every line. */
var body = network.body, renderer = network.renderer;
var culling = !!(body && renderer && Array.isArray(body.edgeIndices) && body.view &&
                 typeof renderer._drawEdges === "function" && typeof renderer._drawArrows === "function" &&
                 network.canvas && typeof network.canvas.DOMtoCanvas === "function");
var drawnLines = null;  /* the lines given to the last drawing (for tests) */
var ends = null, endsOf = null, endsById = Object.create(null);
/* For vis-network's list of lines: each line's own item, and how far it may reach beyond its
 * ends (a loop beside its actor, the bulge of a curve per unit of length). */
function lineEnds(id) {
  var edge = body.edges[id], e = edgeById[id], rec = endsById[id];
  if (rec && rec.edge === edge) { return rec; }
  if (!edge || !e) { return null; }
  rec = endsById[id] = { edge: edge, loop: e.from === e.to ? ((byId[e.from] && byId[e.from].size) || 40) + 60 : 0,
                         bulge: Math.abs(e.cv || 0) };
  return rec;
}
function linesInView(all) {
  var frame = network.canvas.frame && network.canvas.frame.canvas;
  if (!frame || !frame.clientWidth) { return all; }
  if (endsOf !== all) {  /* the list changes only when lines are shown or hidden */
    endsOf = all;
    ends = all.map(lineEnds);
  }
  var pad = 40 / (body.view.scale || 1) + 30;
  var a = network.canvas.DOMtoCanvas({ x: 0, y: 0 });
  var b = network.canvas.DOMtoCanvas({ x: frame.clientWidth, y: frame.clientHeight });
  var left = a.x - pad, top = a.y - pad, right = b.x + pad, bottom = b.y + pad;
  var out = [];
  for (var i = 0; i < all.length; i++) {
    var line = ends[i], f = line && line.edge.from, t = line && line.edge.to;
    if (!f || !t) { out.push(all[i]); continue; }
    var fx = f.x, fy = f.y, x = t.x, y = t.y, extra = 0;
    if (line.loop) { extra = line.loop; }
    else if (line.bulge) {  /* a curve's control point is within roundness × length / 2 of its ends */
      extra = line.bulge * Math.sqrt((x - fx) * (x - fx) + (y - fy) * (y - fy));
    }
    if ((fx > x ? fx : x) + extra >= left && (fx < x ? fx : x) - extra <= right &&
        (fy > y ? fy : y) + extra >= top && (fy < y ? fy : y) - extra <= bottom) { out.push(all[i]); }
  }
  return out;
}
function culled(draw) {
  return function () {
    var all = body.edgeIndices;
    body.edgeIndices = drawnLines = linesInView(all);
    try { return draw.apply(this, arguments); } finally { if (body.edgeIndices === drawnLines) { body.edgeIndices = all; } }
  };
}
if (culling) {
  renderer._drawEdges = culled(renderer._drawEdges);
  renderer._drawArrows = culled(renderer._drawArrows);
}
