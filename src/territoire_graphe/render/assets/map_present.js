/* territoire_graphe map, part 4: the map that presents itself, views kept in the link,
 * printing, the reading warnings.
 * - « Présenter »: one finding after the other (previous / next, arrow keys, Escape to
 *   leave), its actors and the ties between them highlighted, its sentence as caption;
 * - the view (lens, filters, selected actor, step) is kept in the address (#...), and
 *   « Copier le lien de cette vue » copies it, so minutes can point at a view;
 * - printing gives the map, its legend and caption, without the panel's controls;
 * - « Avertissements (n) » lists what reading the workbook found to check. */
var actions = document.getElementById("tg-actions");
var presentBar = document.getElementById("tg-present");
/* An evolution map tells what changed: its own findings are the steps. */
var STEPS = ((EVO && EVO.findings && EVO.findings.length) ? EVO.findings : (DATA.findings || [])).map(function (f, i) { return { index: i, finding: f }; })
  .filter(function (s) { return (s.finding.a || []).some(function (id) { return byId[id]; }); })
  .slice(0, 20);
var step = null;  /* the step shown, or null outside the presentation */

function button(id, label, onClick) {
  var b = el("button", "tg-action", label);
  b.type = "button";
  b.id = id;
  b.addEventListener("click", onClick);
  return b;
}

/* -- presentation ------------------------------------------------------------------------ */
var presentButton = button("tg-present-start", tx("present.button"), function () {
  if (step === null) { showStep(0); } else { stopPresenting(); }
});
if (!STEPS.length) { presentButton.disabled = true; presentButton.title = tx("present.none"); }
actions.appendChild(presentButton);

var stepCount = el("p", "tg-present-count");
var stepText = el("p", "tg-present-text");
var stepNav = el("div", "tg-present-nav");
var prevButton = button("tg-present-prev", tx("present.prev"), function () { move(-1); });
var nextButton = button("tg-present-next", tx("present.next"), function () { move(1); });
var exitButton = button("tg-present-exit", tx("present.exit"), stopPresenting);
stepNav.append(prevButton, nextButton, exitButton, el("span", "tg-present-help", tx("present.help")));
presentBar.append(stepCount, stepText, stepNav);
presentBar.setAttribute("aria-live", "polite");

function showStep(i) {
  if (!STEPS.length) { return; }
  step = Math.max(0, Math.min(STEPS.length - 1, i));
  var finding = STEPS[step].finding, focus = {};
  finding.a.forEach(function (id) { if (byId[id] && !nodeHidden(byId[id])) { focus[id] = true; } });
  if (state.selected !== null) { card.hidden = true; state.selected = null; network.unselectAll(); }
  state.focus = focus;
  document.body.classList.add("tg-presenting");
  presentBar.hidden = false;
  stepCount.textContent = tx("present.step", { i: step + 1, n: STEPS.length }) +
    (finding.cat ? " · " + finding.cat : "");
  stepText.textContent = finding.text;
  prevButton.disabled = step === 0;
  nextButton.disabled = step === STEPS.length - 1;
  presentButton.textContent = tx("present.exit");
  refresh();
  frame(Object.keys(focus));
  saveView();
}
/* Fit the view on ``ids`` in the part of the map above the caption (not too close). */
function frame(ids) {
  if (!ids.length) { return; }
  network.fit({ nodes: ids, animation: false });
  var height = container.clientHeight || 1, bar = presentBar.offsetHeight + 30;
  var room = Math.max(0.3, (height - bar) / height);
  var scale = Math.min(1.6, network.getScale() * room * 0.9);
  network.moveTo({ position: network.getViewPosition(), scale: scale,
                   offset: { x: 0, y: -bar / 2 }, animation: false });
}
function move(delta) { if (step !== null) { showStep(step + delta); } }
function stopPresenting() {
  step = null;
  state.focus = null;
  document.body.classList.remove("tg-presenting");
  presentBar.hidden = true;
  presentButton.textContent = tx("present.button");
  refresh();
  network.fit({ animation: false });
  saveView();
}
document.addEventListener("keydown", function (ev) {
  if (step === null || ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
  var target = ev.target && ev.target.tagName;
  if (target === "INPUT" || target === "TEXTAREA") { return; }
  if (ev.key === "ArrowRight" || ev.key === "PageDown" || ev.key === " ") { ev.preventDefault(); move(1); }
  else if (ev.key === "ArrowLeft" || ev.key === "PageUp") { ev.preventDefault(); move(-1); }
  else if (ev.key === "Escape") { ev.preventDefault(); stopPresenting(); }
});

/* -- the view in the address --------------------------------------------------------------- */
function keys(hidden) { return Object.keys(hidden).sort().map(encodeURIComponent).join(","); }
function viewHash() {
  var parts = [];
  if (state.lens) { parts.push("lens=" + encodeURIComponent(state.lens)); }
  [["types", state.hiddenTypes], ["communes", state.hiddenCommunes],
   ["families", state.hiddenFamilies]].forEach(function (pair) {
    var shown = keys(pair[1]);
    if (shown) { parts.push("hide-" + pair[0] + "=" + shown); }
  });
  if (state.selected !== null) { parts.push("actor=" + encodeURIComponent(state.selected)); }
  if (step !== null) { parts.push("step=" + (step + 1)); }
  return parts.length ? "#" + parts.join("&") : "";
}
function saveView() {
  var hash = viewHash();
  if (hash === location.hash || (!hash && !location.hash)) { return; }
  try {
    history.replaceState(null, "", hash || location.pathname + location.search);
  } catch (error) {  /* some browsers refuse it on file:// pages: the link button still works */
  }
}
function readView(hash) {
  var view = {};
  String(hash || "").replace(/^#/, "").split("&").forEach(function (part) {
    var at = part.indexOf("=");
    if (at > 0) {
      try { view[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1)); } catch (error) { /* ignored */ }
    }
  });
  return view;
}
function applyView(view) {
  [["types", state.hiddenTypes], ["communes", state.hiddenCommunes],
   ["families", state.hiddenFamilies]].forEach(function (pair) {
    if (!view["hide-" + pair[0]]) { return; }
    view["hide-" + pair[0]].split(",").forEach(function (value) {
      var input = document.querySelector("[data-filter=" + pair[0] + "] input[value=\"" +
                                         value.replace(/["\\]/g, "") + "\"]");
      if (input) { input.checked = false; pair[1][input.value] = true; }
    });
  });
  afterFilter();
  if (view.lens && (LENSES.indexOf(view.lens) >= 0 || view.lens === "")) { setLens(view.lens); }
  if (view.actor && byId[view.actor] && !nodeHidden(byId[view.actor])) { selectActor(view.actor, true); }
  var wanted = parseInt(view.step, 10);
  if (wanted >= 1 && wanted <= STEPS.length) { showStep(wanted - 1); }
}
onRefresh = saveView;

var linkButton = button("tg-link", tx("link.copy"), copyLink);
var linkStatus = el("span", "tg-link-status");
linkStatus.setAttribute("role", "status");
actions.append(linkButton, linkStatus);
function copyLink() {
  saveView();
  var link = location.href.split("#")[0] + viewHash();
  function done() { linkStatus.textContent = tx("link.copied"); }
  function manual() {
    var box = el("input", "tg-link-box");
    box.value = link;
    box.readOnly = true;
    clear(linkStatus);
    linkStatus.append(el("span", null, tx("link.manual") + " "), box);
    box.select();
    try { if (document.execCommand("copy")) { done(); } } catch (error) { /* shown to copy by hand */ }
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(link).then(done, manual);
  } else {
    manual();
  }
}

/* -- reading warnings ------------------------------------------------------------------------ */
var WARNINGS = DATA.warnings || [];
var warningsPanel = document.getElementById("tg-warnings");
if (WARNINGS.length) {
  var warningsButton = button("tg-warnings-button", tx("warnings.button", { n: WARNINGS.length }),
    function () { warningsPanel.hidden = !warningsPanel.hidden; });
  actions.insertBefore(warningsButton, actions.firstChild);
  var closeWarnings = el("button", "tg-close", "×");
  closeWarnings.type = "button";
  closeWarnings.setAttribute("aria-label", tx("warnings.close"));
  closeWarnings.addEventListener("click", function () { warningsPanel.hidden = true; });
  var list = el("ul");
  WARNINGS.forEach(function (w) { list.appendChild(el("li", null, w)); });
  warningsPanel.append(closeWarnings, el("h2", null, tx("warnings.title")),
                       el("p", null, tx("warnings.intro")), list);
}

/* -- printing: the canvas is redrawn at the printed size, then back ---------------------------- */
window.addEventListener("beforeprint", function () {
  network.redraw();
  if (step !== null) {
    frame(Object.keys(state.focus || {}));
  } else if (state.selected === null) {
    network.fit({ animation: false });
  }
});
window.addEventListener("afterprint", function () { network.redraw(); });

applyView(readView(location.hash));
window.addEventListener("hashchange", function () {
  if (location.hash !== viewHash()) { applyView(readView(location.hash)); }
});
