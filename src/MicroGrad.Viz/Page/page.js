"use strict";
(() => {
  const data = JSON.parse(document.getElementById("mgviz-data").textContent);
  const svg = document.querySelector("#view svg");
  const $ = (id) => document.getElementById(id);
  const nodes = new Map();   // DOT id -> the node's <g>
  const grads = new Map();   // DOT id -> its "grad …" <text>
  const edges = [];          // { from, to, g }
  for (const g of svg.querySelectorAll("g.node")) {
    const id = g.querySelector("title").textContent;
    nodes.set(id, g);
    for (const text of g.querySelectorAll("text")) {
      if (text.textContent.startsWith("grad ")) grads.set(id, text);
    }
  }
  for (const g of svg.querySelectorAll("g.edge")) {
    const [from, to] = g.querySelector("title").textContent.split("->").map((end) => end.split(":")[0]);
    edges.push({ from, to, g });
  }

  // Stepping: position k means steps[0..k-1] are applied. Moving applies or undoes only the steps
  // between the old and the new position, so Next costs the same at step 1 and at step 100,000.
  let position = 0;
  let timer = null;
  const steps = data.steps;
  const slider = $("slider");
  slider.max = String(steps.length);
  const edgeByEnds = new Map(edges.map((edge) => [edge.from + "->" + edge.to, edge.g]));
  const shown = new Map(Object.entries(data.start));
  const before = steps.map((step) => { const previous = shown.get(step.node); shown.set(step.node, step.to); return previous; });
  for (const [id, text] of grads) if (id in data.start) text.textContent = data.start[id];
  let marked = [];
  const setGrad = (id, text) => { const element = grads.get(id); if (element) element.textContent = text; };

  function show(k) {
    k = Math.max(0, Math.min(steps.length, k));
    for (; position < k; position++) setGrad(steps[position].node, steps[position].to);
    for (; position > k; position--) setGrad(steps[position - 1].node, before[position - 1]);
    for (const g of marked) g.classList.remove("mg-current", "mg-edge-current");
    marked = [];
    const step = position > 0 ? steps[position - 1] : null;
    if (step) {
      const node = nodes.get(step.node);
      if (node) { node.classList.add("mg-current"); marked.push(node); }
      const edge = edgeByEnds.get(step.node + "->" + step.via);
      if (edge) { edge.classList.add("mg-edge-current"); marked.push(edge); }
    }
    $("line").textContent = step ? step.line : data.startLine;
    $("counter").textContent = position + " / " + steps.length;
    slider.value = String(position);
  }

  function play() {
    if (timer !== null) { clearInterval(timer); timer = null; $("play").textContent = "Play"; return; }
    if (position >= steps.length) show(0);
    $("play").textContent = "Pause";
    timer = setInterval(() => { if (position >= steps.length) play(); else show(position + 1); }, 700);
  }

  $("start").addEventListener("click", () => show(0));
  $("prev").addEventListener("click", () => show(position - 1));
  $("next").addEventListener("click", () => show(position + 1));
  $("end").addEventListener("click", () => show(steps.length));
  $("play").addEventListener("click", play);
  slider.addEventListener("input", () => show(Number(slider.value)));
  document.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "search") return;
    const keys = { ArrowRight: () => show(position + 1), ArrowLeft: () => show(position - 1), Home: () => show(0), End: () => show(steps.length), " ": play };
    if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
  });

  // Hover: everything the engine knows about a value, at full precision.
  for (const [id, g] of nodes) {
    g.addEventListener("mouseenter", () => { $("info").textContent = data.nodes[id]?.info ?? id; });
  }

  // Click: what a value depends on and what depends on it; click the background to clear.
  const inputsOf = new Map(), usersOf = new Map();
  for (const { from, to } of edges) {
    (usersOf.get(from) ?? usersOf.set(from, []).get(from)).push(to);
    (inputsOf.get(to) ?? inputsOf.set(to, []).get(to)).push(from);
  }
  function reach(start, next) {
    const seen = new Set([start]), todo = [start];
    while (todo.length) for (const n of next.get(todo.pop()) ?? []) if (!seen.has(n)) { seen.add(n); todo.push(n); }
    return seen;
  }
  function highlight(id) {
    const keep = id === null ? null : new Set([...reach(id, inputsOf), ...reach(id, usersOf)]);
    for (const [n, g] of nodes) g.classList.toggle("mg-faded", keep !== null && !keep.has(n));
    for (const edge of edges) edge.g.classList.toggle("mg-faded", keep !== null && !(keep.has(edge.from) && keep.has(edge.to)));
  }
  for (const [id, g] of nodes) g.addEventListener("click", (event) => { event.stopPropagation(); highlight(id); });
  svg.addEventListener("click", () => highlight(null));

  // Search by label.
  $("search").addEventListener("input", () => {
    const query = $("search").value.trim().toLowerCase();
    let found = 0;
    for (const [id, g] of nodes) {
      const hit = query.length > 0 && (data.nodes[id]?.label ?? "").toLowerCase().includes(query);
      g.classList.toggle("mg-found", hit);
      if (hit) found++;
    }
    $("found").textContent = query.length > 0 ? found + " found" : "";
  });

  // Pan and zoom through the viewBox.
  const homeText = svg.getAttribute("viewBox");
  const home = homeText.trim().split(/[\s,]+/).map(Number);
  let box = [...home];
  const apply = () => svg.setAttribute("viewBox", box.join(" "));
  function zoom(factor, cx, cy) {
    const rect = svg.getBoundingClientRect();
    const px = box[0] + (cx - rect.left) / rect.width * box[2];
    const py = box[1] + (cy - rect.top) / rect.height * box[3];
    box = [px - (px - box[0]) * factor, py - (py - box[1]) * factor, box[2] * factor, box[3] * factor];
    apply();
  }
  svg.addEventListener("wheel", (event) => { event.preventDefault(); zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, event.clientX, event.clientY); }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", (event) => { drag = { x: event.clientX, y: event.clientY, box: [...box] }; $("view").classList.add("dragging"); });
  window.addEventListener("pointerup", () => { drag = null; $("view").classList.remove("dragging"); });
  window.addEventListener("pointermove", (event) => {
    if (drag === null) return;
    const rect = svg.getBoundingClientRect();
    box = [drag.box[0] - (event.clientX - drag.x) / rect.width * box[2], drag.box[1] - (event.clientY - drag.y) / rect.height * box[3], box[2], box[3]];
    apply();
  });
  $("fit").addEventListener("click", () => { box = [...home]; svg.setAttribute("viewBox", homeText); });
  $("zoomin").addEventListener("click", () => { const r = svg.getBoundingClientRect(); zoom(1 / 1.5, r.left + r.width / 2, r.top + r.height / 2); });
  $("zoomout").addEventListener("click", () => { const r = svg.getBoundingClientRect(); zoom(1.5, r.left + r.width / 2, r.top + r.height / 2); });

  window.mgviz = { show, get position() { return position; }, get viewBox() { return svg.getAttribute("viewBox"); }, stepCount: steps.length };

  // page.html#step=3 opens at step 3 (links, screenshots).
  const fromHash = () => { const match = /^#step=(\d+)$/.exec(location.hash); show(match ? Number(match[1]) : 0); };
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
