/* territoire_graphe map, part 3: header, search, lenses, legend, filters, side card, test hook. */
var panel = document.getElementById("tg-panel");
var card = document.getElementById("tg-card");
var onRefresh = null;

document.title = [META.title, META.territory].filter(Boolean).join(" · ");
document.getElementById("tg-title").textContent = META.title;
document.getElementById("tg-subtitle").textContent =
  [META.territory, META.date, META.source].filter(Boolean).join(" · ");
document.getElementById("tg-caption").textContent = META.caption;
document.getElementById("tg-help").textContent = tx("help");
var fitButton = document.getElementById("tg-fit");
fitButton.textContent = tx("fit");
fitButton.addEventListener("click", function () { network.fit({ animation: false }); });

/* -- search ---------------------------------------------------------------------------- */
var searchBox = el("section");
searchBox.id = "tg-search";
var searchLabel = el("h2", null, tx("search.label"));
var searchRow = el("div", "tg-search-row");
var searchInput = el("input");
searchInput.type = "search";
searchInput.id = "tg-search-input";
searchInput.placeholder = tx("search.placeholder");
searchInput.setAttribute("list", "tg-names");
searchInput.setAttribute("aria-label", tx("search.label"));
searchInput.autocomplete = "off";
var names = el("datalist");
names.id = "tg-names";
NODES.map(function (n) { return n.label; })
  .sort(function (a, b) { return a.localeCompare(b, META.lang); })
  .forEach(function (label) { var o = el("option"); o.value = label; names.appendChild(o); });
var searchButton = el("button", null, tx("search.button"));
searchButton.type = "button";
var searchStatus = el("p", "tg-status");
searchStatus.setAttribute("role", "status");
searchRow.append(searchInput, searchButton);
searchBox.append(searchLabel, searchRow, names, searchStatus);
panel.appendChild(searchBox);

var folded = null;  /* the names, folded once (when idle after the first drawing, or on the first search) */
function foldNames() {
  if (!folded) { folded = NODES.map(function (n) { return fold(n.label); }); }
  return folded;
}
function findActor(query) {
  var q = fold(query);
  if (!q) { return null; }
  foldNames();
  var exact = null, prefix = null, part = null;
  for (var i = 0; i < NODES.length && !exact; i++) {
    var at = folded[i].indexOf(q);
    if (at === 0 && folded[i].length === q.length) { exact = NODES[i]; }
    else if (at === 0 && !prefix) { prefix = NODES[i]; }
    else if (at > 0 && !part) { part = NODES[i]; }
  }
  return exact || prefix || part;
}
var searched = null;  /* the last query searched (Enter or the button) */
function search() {
  var query = searched = searchInput.value;
  searchStatus.textContent = "";
  if (!query.trim()) { return; }
  var found = findActor(query);
  if (!found) { searchStatus.textContent = tx("search.not_found", { q: query }); return; }
  if (nodeHidden(found)) { searchStatus.textContent = tx("search.hidden", { q: found.label }); return; }
  selectActor(found.id, true);
}
searchButton.addEventListener("click", search);
/* A name picked in the list searches at once; leaving the box after Enter does not search the
 * same name again (that reopened the card the click meant to close). */
searchInput.addEventListener("change", function () { if (searchInput.value !== searched) { search(); } });
searchInput.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); search(); } });

/* -- lenses ---------------------------------------------------------------------------- */
var lensBox = el("section");
lensBox.id = "tg-lenses";
lensBox.appendChild(el("h2", null, tx("lens.title")));
var lensHelp = el("p", "tg-lens-help");
var lensCount = el("p", "tg-lens-count");
[""].concat(DATA.lensOrder || LENSES).forEach(function (lens) {
  var label = el("label", "tg-lens");
  var input = el("input");
  input.type = "radio";
  input.name = "tg-lens";
  input.value = lens;
  input.checked = lens === state.lens;
  input.addEventListener("change", function () { if (input.checked) { setLens(lens); } });
  label.append(input, document.createTextNode(tx("lens." + (lens || "none"))));
  lensBox.appendChild(label);
});
lensBox.append(lensHelp, lensCount);
panel.appendChild(lensBox);
function describeLens() {
  lensHelp.textContent = tx("lens." + (state.lens || "none") + ".help");
  var hits = lensHits();
  lensCount.textContent = !state.lens ? "" : (hits ? tx("lens.count", { n: hits }) : tx("lens.empty"));
}
function setLens(lens) {
  state.lens = lens;
  lensBox.querySelectorAll("input").forEach(function (i) { i.checked = i.value === lens; });
  describeLens();
  refresh();
}
describeLens();

/* -- legend ---------------------------------------------------------------------------- */
var legend = el("section");
legend.id = "tg-legend";
legend.appendChild(el("h2", null, tx("legend.title")));
var SVG = "http://www.w3.org/2000/svg";
function svgOf(tag, attrs) {
  var node = document.createElementNS(SVG, tag);
  Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
  return node;
}
/* What changed (evolution maps): a sample of each mark, its label and count. */
function evolutionSample(kind) {
  var svg = svgOf("svg", { width: 38, height: 14 });
  if (kind === "made" || kind === "lost") {
    var line = svgOf("line", { x1: 1, y1: 7, x2: 37, y2: 7, "stroke-width": kind === "made" ? 4 : 2.5,
                               stroke: kind === "made" ? EVC.added : EVC.removed });
    if (kind === "lost") { line.setAttribute("stroke-dasharray", "6 4"); }
    svg.appendChild(line);
  } else {
    var ring = svgOf("circle", { cx: 19, cy: 7, r: 5, fill: kind === "joined" ? "#cfd8dc" : "#ffffff",
                                 stroke: kind === "joined" ? EVC.added : EVC.gone,
                                 "stroke-width": kind === "joined" ? 3 : 1.5 });
    if (kind === "left") { ring.setAttribute("stroke-dasharray", "3 2"); }
    svg.appendChild(ring);
  }
  return svg;
}
if (EVO) {
  var evoLegend = el("div");
  evoLegend.id = "tg-legend-evolution";
  evoLegend.appendChild(el("h3", null, EVO.legend.title));
  EVO.legend.items.forEach(function (it) {
    var row = el("div", "tg-legend-row tg-line");
    row.dataset.kind = it.kind;
    row.append(evolutionSample(it.kind), el("span", null, it.label), el("span", "tg-count", it.count));
    evoLegend.appendChild(row);
  });
  legend.appendChild(evoLegend);
}
function swatchRow(color, label, count) {
  var row = el("div", "tg-legend-row");
  var sw = el("span", "tg-swatch");
  sw.style.backgroundColor = color;
  row.append(sw, el("span", null, label));
  if (count !== undefined) { row.appendChild(el("span", "tg-count", count)); }
  return row;
}
legend.appendChild(el("h3", null, DATA.legend.colors.title));
DATA.legend.colors.items.forEach(function (it) { legend.appendChild(swatchRow(it.color, it.label, it.count)); });
legend.appendChild(el("h3", null, DATA.legend.sizes.title));
if (DATA.legend.sizes.items.length) {
  var sizes = el("div", "tg-sizes");
  DATA.legend.sizes.items.forEach(function (it) {
    var box = el("div", "tg-size");
    var disc = el("span", "tg-disc");
    var d = Math.round(it.size * 1.2);
    disc.style.width = d + "px";
    disc.style.height = d + "px";
    box.append(disc, el("span", null, it.label));
    sizes.appendChild(box);
  });
  legend.appendChild(sizes);
}
function lineSample(fam) {
  var s = STYLES[fam], svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("width", "38");
  svg.setAttribute("height", "12");
  var line = document.createElementNS(SVG, "line");
  line.setAttribute("x1", "1"); line.setAttribute("y1", "6");
  line.setAttribute("x2", s.arrows ? "29" : "37"); line.setAttribute("y2", "6");
  line.setAttribute("stroke", s.color);
  line.setAttribute("stroke-width", fam === "flux" ? "3" : "2");
  if (s.dashes) { line.setAttribute("stroke-dasharray", fam === "suggestion" ? "2 4" : "6 4"); }
  svg.appendChild(line);
  if (s.arrows) {
    var head = document.createElementNS(SVG, "polygon");
    head.setAttribute("points", "28,1 37,6 28,11");
    head.setAttribute("fill", s.color);
    svg.appendChild(head);
  }
  return svg;
}
legend.appendChild(el("h3", null, tx("legend.lines")));
DATA.filters.families.concat(SUGG.length ? ["suggestion"] : []).forEach(function (fam) {
  var row = el("div", "tg-legend-row tg-line");
  row.append(lineSample(fam), el("span", null, tx("family." + fam)));
  legend.appendChild(row);
});
panel.appendChild(legend);

/* -- filters --------------------------------------------------------------------------- */
var filters = el("details", "tg-filters");
filters.id = "tg-filters";
filters.appendChild(el("summary", null, tx("filters.title")));
var filterCount = el("p", "tg-filter-count");
function checkList(title, items, hidden, withSwatch, key) {
  var group = el("div", "tg-filter-group");
  group.dataset.filter = key;
  group.appendChild(el("h3", null, title));
  var bar = el("div");
  var box = el("div", "tg-filter-box");
  var inputs = [];
  items.forEach(function (it, i) {
    var label = el("label");
    var input = el("input");
    input.type = "checkbox";
    input.checked = true;
    input.value = String(it.value !== undefined ? it.value : i);
    input.addEventListener("change", function () {
      if (input.checked) { delete hidden[input.value]; } else { hidden[input.value] = true; }
      afterFilter();
    });
    inputs.push(input);
    label.appendChild(input);
    if (withSwatch) { var sw = el("span", "tg-swatch"); sw.style.backgroundColor = it.color; label.appendChild(sw); }
    label.appendChild(el("span", null, it.label));
    if (it.count !== undefined) { label.appendChild(el("span", "tg-count", it.count)); }
    box.appendChild(label);
  });
  [["filters.all", true], ["filters.none", false]].forEach(function (pair) {
    var b = el("button", "tg-small", tx(pair[0]));
    b.type = "button";
    b.addEventListener("click", function () {
      inputs.forEach(function (input) {
        input.checked = pair[1];
        if (pair[1]) { delete hidden[input.value]; } else { hidden[input.value] = true; }
      });
      afterFilter();
    });
    bar.appendChild(b);
  });
  group.append(bar, box);
  filters.appendChild(group);
}
checkList(tx("filters.types"), DATA.filters.types, state.hiddenTypes, true, "types");
checkList(tx("filters.communes"), DATA.filters.communes, state.hiddenCommunes, false, "communes");
checkList(tx("filters.families"), DATA.filters.families.map(function (f) {
  return { value: f, label: tx("family.short." + f) };
}), state.hiddenFamilies, false, "families");
filters.appendChild(filterCount);
panel.appendChild(filters);
function countShown() {
  var shown = 0;
  NODES.forEach(function (n) { if (!nodeHidden(n)) { shown += 1; } });
  filterCount.textContent = tx("filters.count", { shown: shown, total: NODES.length });
  return shown;
}
function afterFilter() {
  if (state.selected !== null && nodeHidden(byId[state.selected])) { closeCard(); }
  refresh();
  countShown();
  describeLens();
}
countShown();

/* -- side card ------------------------------------------------------------------------- */
function section(title, list) {
  if (!list || !list.length) { return; }
  card.appendChild(el("h3", null, title));
  var ul = el("ul");
  list.forEach(function (item) { ul.appendChild(typeof item === "string" ? el("li", null, item) : item); });
  card.appendChild(ul);
}
function openCard(n) {
  var info = cardOf(n);
  clear(card);
  var close = el("button", "tg-close", "×");
  close.type = "button";
  close.setAttribute("aria-label", tx("card.close"));
  close.addEventListener("click", closeCard);
  card.append(close, el("h2", null, n.label));
  var badges = [[8, "badge.key_player"], [4, "badge.articulation"], [1, "badge.isolated"], [2, "badge.pendant"]];
  if (n.ev) { card.appendChild(el("span", "tg-badge tg-badge-ev" + n.ev, tx("evolution.badge." + n.ev))); }
  badges.forEach(function (b) { if (n.fl & b[0]) { card.appendChild(el("span", "tg-badge", tx(b[1]))); } });
  var dl = el("dl");
  var type = DATA.filters.types[n.t];
  [["card.type", type ? type.label : ""], ["card.commune", info.m], ["card.sector", info.sec],
   ["card.community", info.cm]].forEach(function (pair) {
    if (pair[1]) { dl.append(el("dt", null, tx(pair[0])), el("dd", null, pair[1])); }
  });
  card.appendChild(dl);
  section(tx("card.functions"), info.fn);
  if (info.fig && info.fig.length) {
    card.appendChild(el("h3", null, tx("card.figures")));
    var figs = el("dl");
    DATA.figures.forEach(function (label, i) { figs.append(el("dt", null, label), el("dd", null, info.fig[i])); });
    card.appendChild(figs);
  }
  var ev = info.ev;
  if (ev) {
    card.appendChild(el("h3", null, tx("evolution.card.title")));
    if (ev.fig && ev.fig.length) {
      var changes = el("dl");
      ev.fig.forEach(function (pair) { changes.append(el("dt", null, pair[0]), el("dd", null, pair[1])); });
      card.appendChild(changes);
    }
    section(tx("evolution.card.made"), ev.made);
    section(tx("evolution.card.lost"), ev.lost);
    section(tx("evolution.card.findings"), (ev.fi || []).map(function (i) { return EVO.findings[i].text; }));
  }
  section(tx("card.findings"), (info.fi || []).map(function (i) { return DATA.findings[i].text; }));
  section(tx("card.people"), (info.p || []).map(function (p) { return p[1] ? p[0] + " (" + p[1] + ")" : p[0]; }));
  section(tx("card.resources"), info.rs);
  section(tx("card.needs"), info.nd);
  var partners = neighbours[n.id].filter(function (m, i, all) { return all.indexOf(m) === i; });
  partners.sort(function (a, b) { return byId[a].label.localeCompare(byId[b].label, META.lang); });
  section(tx("card.partners", { n: partners.length }), partners.slice(0, 40).map(function (m) {
    var li = el("li"), b = el("button", "tg-partner", byId[m].label);
    b.type = "button";
    b.addEventListener("click", function () { selectActor(m, true); });
    li.appendChild(b);
    return li;
  }));
  if (partners.length > 40) { card.appendChild(el("p", null, tx("card.more", { n: partners.length - 40 }))); }
  card.hidden = false;
  card.scrollTop = 0;
}
function closeCard() {
  card.hidden = true;
  state.selected = null;
  network.unselectAll();
  refresh();
}
function selectActor(id, focus) {
  state.selected = id;
  network.selectNodes([id]);
  refresh();
  openCard(byId[id]);
  var seen = network.canvasToDOM(network.getPositions([id])[id]);
  var free = container.clientWidth - card.offsetWidth;
  if (focus || seen.x > free - 120) {  // keep the actor and its label in view, left of the card
    network.focus(id, { scale: focus ? Math.max(network.getScale(), 1.0) : network.getScale(),
                        offset: { x: -card.offsetWidth / 2, y: 0 }, animation: false });
  }
}
network.on("click", function (p) {
  if (p.nodes.length) { selectActor(p.nodes[0], false); }
  else if (!p.edges.length && state.selected !== null) { closeCard(); }
});

/* -- read-only hook for tests and benchmarks -------------------------------------------- */
function ids(filter) { return NODES.filter(filter).map(function (n) { return n.id; }); }
function lineIds(filter) {
  return LINES.filter(function (e, i) { return filter(lineSt[i]); }).map(function (e) { return e.id; });
}
var hook = {};
Object.defineProperties(hook, {
  nodeCount: { get: function () { return nodeSet.length; } },
  edgeCount: { get: function () { return EDGES.length; } },
  suggestionCount: { get: function () { return SUGG.length; } },
  drawn: { get: function () { return drawn; } },
  drawnAt: { get: function () { return drawnAt; } },
  timings: { get: function () { return Object.assign({}, TIMINGS); } },
  lens: { get: function () { return state.lens; } },
  selected: { get: function () { return state.selected; } },
  visibleNodeIds: { value: function () { return ids(function (n) { return stateOf(n.id) !== "hidden"; }); } },
  highlightedNodeIds: { value: function () {
    return ids(function (n) { return stateOf(n.id) === "hl" || stateOf(n.id) === "sel"; });
  } },
  dimmedNodeIds: { value: function () { return ids(function (n) { return stateOf(n.id) === "dim"; }); } },
  visibleEdgeIds: { value: function () { return lineIds(function (st) { return st !== "hidden"; }); } },
  dimmedEdgeIds: { value: function () { return lineIds(function (st) { return st === "dim"; }); } },
  /* the lines given to vis-network at its last drawing (those out of sight are left out) */
  drawnEdgeIds: { value: function () { return (drawnLines || network.body.edgeIndices).slice(); } },
  drawnEdgeStyle: { value: function (id) {  /* what vis-network draws for a line */
    var o = network.body.edges[id].options;
    return { color: o.color.color, hover: o.color.hover, width: o.width, hidden: !!o.hidden };
  } },
  domPosition: { value: function (id) {
    var p = network.getPositions([id])[id], d = network.canvasToDOM(p), r = container.getBoundingClientRect();
    return { x: r.left + d.x, y: r.top + d.y };
  } }
});
Object.freeze(hook);
Object.defineProperty(window, "__tg", { value: hook, writable: false, configurable: false });
network.fit({ animation: false });
// A frame laid out late (notebook output, hidden tab) has no size when the script runs:
// fit again when the container gets its size, until the reader moves the view.
var viewMoved = false;
network.on("dragStart", function () { viewMoved = true; });
network.on("zoom", function () { viewMoved = true; });
if (window.ResizeObserver) {
  new ResizeObserver(function () {
    if (!viewMoved && container.clientWidth > 0 && container.clientHeight > 0) {
      network.fit({ animation: false });
    }
  }).observe(container);
}
/* What the first search or card would otherwise build (the cards read, the names folded) is
 * built in the page's idle time after the first drawing, one step per idle moment, so that
 * the first search costs no more than the next ones. */
var WARM = [parseCards, readCards, foldNames];
function warm(deadline) {
  while (WARM.length && (!deadline || deadline.didTimeout || deadline.timeRemaining() > 8)) {
    WARM.shift()();
    if (window.requestIdleCallback) { break; }
  }
  if (WARM.length) { later(); } else { TIMINGS.warm = performance.now(); }
}
function later() {
  if (window.requestIdleCallback) { window.requestIdleCallback(warm, { timeout: 3000 }); }
  else { setTimeout(warm, 100); }
}
if (drawn) { later(); } else { network.once("afterDrawing", later); }
TIMINGS.ready = performance.now();
