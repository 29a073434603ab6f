/* territoire_graphe map, part 1: data, drawing, styles, state.
 * Workbook text is data: it is only ever written with textContent, or drawn on the
 * canvas; no HTML is ever parsed from it, and vis-network gets no tooltip option. */
"use strict";
var TIMINGS = { start: performance.now() };
var DATA = JSON.parse(document.getElementById("tg-data").textContent);
TIMINGS.parsed = performance.now();
var META = DATA.meta, T = DATA.texts, LENSES = DATA.lenses, STYLES = DATA.lineStyles;
/* Evolution maps only: ev 1 = added (actor ringed green, line green and thicker),
 * ev 2 = removed (actor hollow grey, line red dashed). */
var EVO = DATA.evolution || null, EVC = EVO ? EVO.colors : {};

function tx(key, values) {
  var s = Object.prototype.hasOwnProperty.call(T, key) ? T[key] : key;
  if (values) {
    Object.keys(values).forEach(function (k) { s = s.split("{" + k + "}").join(String(values[k])); });
  }
  return s;
}
function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) { e.className = cls; }
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  return e;
}
function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
function fold(s) {
  return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}
function hex(c) {
  var m = /^#([0-9a-f]{6})$/i.exec(c);
  if (!m) { return [187, 187, 187]; }
  var n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
var mixed = Object.create(null);  /* a few colours, mixed for thousands of actors: once each */
function mix(c, other, share) {
  var key = c + other + share;
  if (key in mixed) { return mixed[key]; }
  var a = hex(c), b = hex(other);
  var out = a.map(function (v, i) { return Math.round(v * (1 - share) + b[i] * share); });
  mixed[key] = "#" + out.map(function (v) { return (v < 16 ? "0" : "") + v.toString(16); }).join("");
  return mixed[key];
}

/* Records come packed as columns with shared strings (render/map_pack.py): unpack them. */
function unpackRecords(p) {
  if (Array.isArray(p)) { return p; }
  var out = [], i;
  for (i = 0; i < p.n; i++) { out.push({}); }
  p.k.forEach(function (key, j) {
    var col = p.c[j], vals = col;
    if (col.s) { vals = col.i.map(function (x) { return x < 0 ? null : col.s[x]; }); }
    else if (col.r) { vals = unpackRecords(col.r); }
    for (i = 0; i < p.n; i++) { if (vals[i] !== null) { out[i][key] = vals[i]; } }
  });
  return out;
}
var NODES = unpackRecords(DATA.nodes), EDGES = unpackRecords(DATA.edges), SUGG = unpackRecords(DATA.suggestions);
DATA.nodes = NODES; DATA.edges = EDGES; DATA.suggestions = SUGG;
/* The side cards come in their own block, read when the page is idle after the first drawing
 * (map_ui.js, warm) or else the first time a card or a tooltip needs one: the first drawing
 * parses only what it draws. */
var cardsRead = false, packedCards = null;
function parseCards() {
  if (packedCards === null) {
    var block = document.getElementById("tg-details");
    packedCards = block ? JSON.parse(block.textContent) : [];
  }
}
function readCards() {
  if (cardsRead) { return; }
  parseCards();
  cardsRead = true;
  var cards = unpackRecords(packedCards);
  packedCards = [];
  NODES.forEach(function (m, i) { if (!m.card) { m.card = cards[i] || {}; } });
}
function cardOf(n) {
  readCards();
  return n.card || {};
}
/* Maps keyed by ids have no prototype: an actor named __proto__ or constructor is an actor. */
var byId = Object.create(null), neighbours = Object.create(null), former = Object.create(null);
NODES.forEach(function (n) { byId[n.id] = n; neighbours[n.id] = []; former[n.id] = []; });
EDGES.forEach(function (e) {
  var into = e.ev === 2 ? former : neighbours;  /* lost ties: not partners any more */
  if (e.from !== e.to) { into[e.from].push(e.to); into[e.to].push(e.from); }
});
var edgeById = Object.create(null);
EDGES.forEach(function (e) { edgeById[e.id] = e; });
SUGG.forEach(function (e) { e.fam = "suggestion"; e.ln = 1 << LENSES.indexOf("complementarites"); edgeById[e.id] = e; });
var LINES = EDGES.concat(SUGG);  /* every line drawn: relations, then suggestions */

var state = {
  lens: META.lens || "",
  selected: null,
  focus: null,  /* presentation: the actors of the finding shown (id -> true), or null */
  hiddenTypes: Object.create(null), hiddenCommunes: Object.create(null),
  hiddenFamilies: Object.create(null)
};
var drawn = false, drawnAt = null;

function lensBit() { return state.lens ? (1 << LENSES.indexOf(state.lens)) : 0; }
function nodeHidden(n) { return !!(state.hiddenTypes[n.t] || state.hiddenCommunes[n.c]); }
function lensHits() {
  var bit = lensBit();
  if (!bit) { return 0; }
  var count = 0;
  NODES.forEach(function (n) { if (n.ln & bit) { count += 1; } });
  return count;
}

/* A node's state: "hidden", "sel" (clicked), "hl" (lens), "normal" or "dim". */
function nodeState(n, bit, hits, near) {
  if (nodeHidden(n)) { return "hidden"; }
  if (state.focus) { return state.focus[n.id] ? "hl" : "dim"; }
  if (state.selected !== null) {
    if (n.id === state.selected) { return "sel"; }
    if (near[n.id]) { return (bit && (n.ln & bit)) ? "hl" : "normal"; }
    return "dim";
  }
  if (!bit || !hits) { return "normal"; }
  return (n.ln & bit) ? "hl" : "dim";
}
function edgeState(e, bit, hits, endHidden) {
  var fam = e.fam;
  if (fam === "suggestion") {
    if (state.lens !== "complementarites") { return "hidden"; }
  } else if (state.hiddenFamilies[fam]) {
    return "hidden";
  } else if (state.lens === "flux" && fam !== "flux") {
    return "hidden";
  }
  if (endHidden) { return "hidden"; }
  if (state.focus) {
    if (fam === "suggestion") { return "hidden"; }
    return (state.focus[e.from] && state.focus[e.to]) ? "normal" : "dim";
  }
  if (state.selected !== null) {
    return (e.from === state.selected || e.to === state.selected) ? "normal" : "dim";
  }
  if (!bit || !hits) { return "normal"; }
  if (!(e.ln & bit)) { return "dim"; }
  return (e.br && (state.lens === "ponts" || state.lens === "isoles")) ? "hl" : "normal";
}

/* What a state looks like, for an actor's colour: made once per colour and state (mixing
 * colours for 10,000 actors was much of the first search); each actor is given its own copy
 * of the colours, since vis-network writes into them when an actor goes through the DataSet. */
var looks = Object.create(null);
function nodeLook(n, st) {
  var key = n.color + " " + st + " " + (n.ev === 2 ? 2 : 0);
  var look = looks[key];
  if (look) { return look; }
  var base = n.color, dim = st === "dim";
  var bg = dim ? mix(base, "#ffffff", 0.78) : base;
  var border = st === "sel" || st === "hl" ? "#1b1b1b" : (dim ? mix(base, "#ffffff", 0.6) : mix(base, "#000000", 0.3));
  var width = st === "sel" ? 5 : (st === "hl" ? 3 : 1);
  var fill = base;
  if (n.ev === 2) {
    bg = fill = "#ffffff";
    border = st === "sel" || st === "hl" ? "#4d4d4d" : (dim ? mix(EVC.gone, "#ffffff", 0.5) : EVC.gone);
    width = Math.max(width, 2);
  }
  look = looks[key] = {
    borderWidth: width,
    color: { background: bg, border: border,
             highlight: { background: fill, border: "#1b1b1b" },
             hover: { background: fill, border: "#1b1b1b" } },
    fontColor: dim ? "#b5b5b5" : (n.ev === 2 ? "#6b6b6b" : "#1d1d1f"),
    strokeWidth: dim ? 0 : 3
  };
  return look;
}
/* The same, as a DataSet item of its own (the first drawing, or an actor restyled the slow way). */
function nodeStyle(n, st) {
  var look = nodeLook(n, st), c = look.color;
  var style = {
    id: n.id, hidden: st === "hidden",
    borderWidth: look.borderWidth,
    color: { background: c.background, border: c.border,
             highlight: { background: c.highlight.background, border: c.highlight.border },
             hover: { background: c.hover.background, border: c.hover.border } },
    font: { size: n.fs, color: look.fontColor, strokeWidth: look.strokeWidth, strokeColor: "#ffffff" }
  };
  if (n.ev === 2) { style.shapeProperties = { borderDashes: [4, 3] }; }
  return style;
}
function lineWidth(e, st) {
  var width = e.fam === "suggestion" ? 2 : (e.w || 1.5);
  if (st === "hl") { width = Math.max(width, 2) * 2.2; }
  if (e.ev) { width = e.ev === 1 ? Math.max(width, 2) * 1.6 : Math.max(width, 2); }
  return width;
}
function lineColor(e, st) {
  if (e.ev) {
    var own = e.ev === 1 ? EVC.added : EVC.removed;
    return st === "dim" ? mix(own, "#ffffff", 0.7) : own;
  }
  if (st === "dim") { return "#e4e4e4"; }
  if (st === "hl") { return "#1b1b1b"; }
  return (STYLES[e.fam] || STYLES.lien).color;
}
function edgeStyle(e, st) {
  return { id: e.id, hidden: st === "hidden", width: lineWidth(e, st), color: lineColor(e, st) };
}

/* The full edge, kept small: options equal to the defaults are left out (faster on big maps). */
function initialEdge(e, st) {
  var s = STYLES[e.fam] || STYLES.lien;
  var out = edgeStyle(e, st);
  if (!out.hidden) { delete out.hidden; }
  out.from = e.from;
  out.to = e.to;
  if (s.dashes) { out.dashes = e.fam === "suggestion" ? [3, 6] : [8, 6]; }
  if (e.ev === 2) { out.dashes = [7, 5]; }
  if (s.arrows && (e.dir || e.fam === "flux")) { out.arrows = "to"; }
  if (e.cv) { out.smooth = { enabled: true, type: e.cv > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.cv) }; }
  return out;
}

/* The state drawn of each actor and line, by its place in NODES and LINES. */
var nodeAt = Object.create(null);
NODES.forEach(function (n, i) { nodeAt[n.id] = i; });
var nodeSt = [], lineSt = [];
var lineFrom = LINES.map(function (e) { return nodeAt[e.from]; });
var lineTo = LINES.map(function (e) { return nodeAt[e.to]; });
function stateOf(id) { return nodeSt[nodeAt[id]]; }
/* "hidden" is written only when it changes: vis-network then skips its costly pass over the
 * whole graph. */
function hiddenChanged(before, st) { return before === undefined || (before === "hidden") !== (st === "hidden"); }
function shown(style, before, st) {
  if (!hiddenChanged(before, st)) { delete style.hidden; }
  return style;
}
/* The actors and lines whose state changed (their places, and their states before). */
function computeStates() {
  var bit = lensBit(), hits = lensHits(), near = Object.create(null), i, st, before;
  if (state.selected !== null) {
    near[state.selected] = true;
    neighbours[state.selected].concat(former[state.selected]).forEach(function (m) { near[m] = true; });
  }
  var out = { nodes: [], nodesBefore: [], lines: [], linesBefore: [], shownChanged: false };
  for (i = 0; i < NODES.length; i++) {
    st = nodeState(NODES[i], bit, hits, near);
    before = nodeSt[i];
    if (before !== st) {
      nodeSt[i] = st;
      out.nodes.push(i);
      out.nodesBefore.push(before);
      if (hiddenChanged(before, st)) { out.shownChanged = true; }
    }
  }
  for (i = 0; i < LINES.length; i++) {
    st = edgeState(LINES[i], bit, hits, nodeSt[lineFrom[i]] === "hidden" || nodeSt[lineTo[i]] === "hidden");
    before = lineSt[i];
    if (before !== st) {
      lineSt[i] = st;
      out.lines.push(i);
      out.linesBefore.push(before);
      if (hiddenChanged(before, st)) { out.shownChanged = true; }
    }
  }
  return out;
}

var container = document.getElementById("tg-map");
computeStates();
var nodeSet = new vis.DataSet(NODES.map(function (n, i) {
  var style = nodeStyle(n, nodeSt[i]);
  style.label = n.label;
  style.x = n.x;
  style.y = n.y;
  style.size = n.size;
  return style;
}));
var edgeSet = new vis.DataSet(LINES.map(function (e, i) {
  return initialEdge(e, lineSt[i]);
}));
TIMINGS.datasets = performance.now();
var network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, {
  autoResize: true,
  physics: { enabled: false },
  layout: { improvedLayout: false, randomSeed: 1 },
  interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: META.large, hideEdgesOnZoom: META.large,
                 multiselect: false, keyboard: false, navigationButtons: false },
  nodes: { shape: "dot", widthConstraint: { maximum: META.labelWidth },
           font: { face: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" } },
  edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5, color: { inherit: false },
           arrows: { to: { enabled: false, scaleFactor: 0.55 } } }
});
TIMINGS.network = performance.now();
network.once("afterDrawing", function () {
  drawn = true;
  drawnAt = performance.now();
  TIMINGS.drawn = drawnAt;
});
/* Actors who joined (evolution maps): a green ring around the disc, which keeps its colour. */
var JOINED = NODES.filter(function (n) { return n.ev === 1; });
network.on("afterDrawing", function (ctx) {
  if (!JOINED.length) { return; }
  var where = network.getPositions(JOINED.map(function (n) { return n.id; }));
  ctx.save();
  JOINED.forEach(function (n) {
    var st = stateOf(n.id), p = where[n.id];
    if (st === "hidden" || !p) { return; }
    ctx.beginPath();
    ctx.arc(p.x, p.y, n.size + 6, 0, 2 * Math.PI);
    ctx.lineWidth = st === "dim" ? 2.5 : 4.5;
    ctx.strokeStyle = st === "dim" ? mix(EVC.added, "#ffffff", 0.6) : EVC.added;
    ctx.stroke();
  });
  ctx.restore();
});
network.on("afterDrawing", function (ctx) {
  if (!META.isolated) { return; }
  ctx.save();
  ctx.font = "600 24px system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif";
  ctx.fillStyle = "#555555";
  ctx.textBaseline = "top";
  ctx.fillText(META.isolated.text, META.isolated.x, META.isolated.y);
  ctx.restore();
});

/* Tooltips: our own element, filled with textContent. */
var tip = document.getElementById("tg-tooltip");
function showTip(lines, pointer) {
  clear(tip);
  lines.forEach(function (line, i) {
    if (line) { tip.appendChild(el("div", i === 0 ? "tg-tip-title" : "tg-tip-line", line)); }
  });
  tip.hidden = false;
  var stage = container.getBoundingClientRect();
  var x = Math.min(pointer.x + 14, stage.width - tip.offsetWidth - 8);
  var y = Math.min(pointer.y + 14, stage.height - tip.offsetHeight - 8);
  tip.style.left = Math.max(4, x) + "px";
  tip.style.top = Math.max(4, y) + "px";
}
function hideTip() { tip.hidden = true; }
function nodeTip(n) {
  var type = DATA.filters.types[n.t];
  var commune = cardOf(n).m || "";
  var lines = [n.label, [type ? type.label : "", commune].filter(Boolean).join(" · ")];
  if (n.ev) { lines.push(tx("evolution.badge." + n.ev)); }
  return lines;
}
function edgeTip(e) {
  var a = byId[e.from] ? byId[e.from].label : e.from, b = byId[e.to] ? byId[e.to].label : e.to;
  var title = e.fam === "suggestion" ? tx("family.suggestion") : (e.tl || tx("family.short." + e.fam));
  var arrow = e.dir || e.fam === "flux" ? " → " : " — ";
  return [title, a + arrow + b].concat(e.tip || []);
}
network.on("hoverNode", function (p) { showTip(nodeTip(byId[p.node]), p.pointer.DOM); });
network.on("hoverEdge", function (p) { if (edgeById[p.edge]) { showTip(edgeTip(edgeById[p.edge]), p.pointer.DOM); } });
network.on("blurNode", hideTip);
network.on("blurEdge", hideTip);
network.on("dragStart", hideTip);
network.on("zoom", hideTip);
