// medialit Highlighter front end: DOM work only.
//
// Every offset in the model is a Python string index (a code point). The DOM
// works on JavaScript strings (UTF-16 units), so the text is split once into
// code points (Array.from) and all positions here are code-point positions;
// text put into the DOM is sliced from that array. No UTF-16 offset ever
// reaches the model.

const ASK_MS = 3000;  // how long an idle kernel may take to answer "still there?" before an edit shows
const BUSY_MS = 120000;  // the longest wait on a kernel this tab sees busy (a long cell running)
// an optional mark (K11) is no mistake: its own symbol and word, not the bare status or an error's look
const SYMBOL = { correct: "✓", missed: "✗ missed", extra: "? extra", partial: "½ partly", optional: "○ optional" };
const DASH = /^[ \t]*[–—]/u;
const markKey = (m) => `${m.start}:${m.end}:${m.label}`;
const ROLES = ["source", "cue", "content"];
const KINDS = ["direct", "indirect", "mixed", "according_to"];
const roleOf = (label) => (label === "source" || label === "cue" ? label : "content");
const partsOf = (l) => ROLES.filter((r) => l[`${r}_start`] !== undefined && l[`${r}_start`] !== null)
  .map((r) => ({ role: r, start: l[`${r}_start`], end: l[`${r}_end`], label: l[`${r}_label`] || r }));
const linkKey = (l) => JSON.stringify([...partsOf(l).map(markKey), l.speaker || "", l.kind || ""]);
const joinKey = (l) => partsOf(l).map(markKey).join("|");
const badge = (n) => (n <= 20 ? String.fromCodePoint(0x245f + n) : `(${n})`);
// Above this many words and punctuation runs, a paragraph is first drawn as its text (and its marks) without one
// element per word: Chromium's style and layout of ~45,000 word elements took most of a 20,000-word article's
// first paint. A paragraph gets its word elements once the pointer enters it (liveTarget) or the word cursor or a
// selection reaches it (segsOf), so every word a student clicks or moves to has them. Its marks are drawn from the
// start, with their tags and roles, so the accessibility tree holds every mark and all the text either way.
const LEAN_TOKENS = 2000;

function diffMarks(before, after, keyOf = markKey) {
  // An edit as the marks it added and removed, so undo reverts only this student's step,
  // never marks merged in from another tab or lesson meanwhile.
  const a = new Set(before.map(keyOf)), b = new Set(after.map(keyOf));
  return { added: after.filter((m) => !a.has(keyOf(m))), removed: before.filter((m) => !b.has(keyOf(m))) };
}

function applyEdit(marks, edit, keyOf = markKey) {
  const gone = new Set(edit.removed.map(keyOf));
  const out = marks.filter((m) => !gone.has(keyOf(m)));
  const have = new Set(out.map(keyOf));
  for (const m of edit.added) if (!have.has(keyOf(m))) { out.push(m); have.add(keyOf(m)); }
  return out;
}

function diffLinks(before, after) {
  // A link edit by the marks it joins: links gone, links new, and the fields (speaker, kind) changed on a link
  // that stays, so an edit queued behind another changes only what it changed (a kind set while the speaker
  // typed just before waits for the kernel keeps that speaker).
  const was = new Map(before.map((l) => [joinKey(l), l]));
  const now = new Map(after.map((l) => [joinKey(l), l]));
  const changed = [];
  for (const [k, l] of now) {
    const old = was.get(k);
    if (!old) continue;
    const fields = Object.fromEntries(["speaker", "kind"].filter((f) => (l[f] || "") !== (old[f] || "")).map((f) => [f, l[f]]));
    if (Object.keys(fields).length) changed.push([k, fields]);
  }
  return { removed: [...was.keys()].filter((k) => !now.has(k)), added: after.filter((l) => !was.has(joinKey(l))), changed };
}

function applyLinks(links, edit) {
  const gone = new Set(edit.removed);
  const fields = new Map(edit.changed);
  const out = links.filter((l) => !gone.has(joinKey(l))).map((l) => (fields.has(joinKey(l)) ? { ...l, ...fields.get(joinKey(l)) } : l));
  return [...out, ...edit.added];
}

function makeLink(marks, speaker = "", kind = "") {
  // A link dict (the gold attribution's fields) from marks; null when two marks want one role.
  const link = {};
  for (const m of marks) {
    const r = roleOf(m.label);
    if (link[`${r}_start`] !== undefined) return null;
    Object.assign(link, { [`${r}_start`]: m.start, [`${r}_end`]: m.end, [`${r}_label`]: m.label });
  }
  link.speaker = speaker;
  link.kind = kind;
  return link;
}

function sortLinks(links) {
  // The order Python keeps (links.clean_links): by the places of the parts, so a link's number is stable.
  const sig = (l) => partsOf(l).map((p) => [p.start, p.end]);
  const cmp = (a, b) => {
    const x = sig(a), y = sig(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i][0] !== y[i][0]) return x[i][0] - y[i][0];
      if (x[i][1] !== y[i][1]) return x[i][1] - y[i][1];
    }
    return x.length - y.length;
  };
  return links.slice().sort(cmp);
}

function pruneLinks(links, marks) {
  // A link lives only while all its marks do: removing a mark removes its links.
  const have = new Set(marks.map(markKey));
  const valid = (l) => { const p = partsOf(l); return p.length && p.every((q) => have.has(markKey(q))) && (p.some((q) => q.role === "source") || p.length > 1); };
  const seen = new Map();
  for (const l of links) if (valid(l)) { seen.delete(joinKey(l)); seen.set(joinKey(l), l); }
  return sortLinks([...seen.values()]);
}

function paraOf(paras, pos) {
  // Binary search: the paragraph holding code point pos (paragraphs are sorted and disjoint).
  let lo = 0, hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paras[mid].s <= pos) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function tokenize(cps) {
  // Words (letters, digits, marks, inner apostrophes and hyphens) and runs of other non-space characters.
  const tokens = [];
  const isWord = (c) => /[\p{L}\p{N}\p{M}]/u.test(c);
  const isJoin = (c) => c === "'" || c === "’" || c === "-" || c === "‐";
  const isSpace = (c) => /\s/u.test(c);
  let i = 0;
  while (i < cps.length) {
    if (isSpace(cps[i])) { i++; continue; }
    const s = i;
    if (isWord(cps[i])) {
      i++;
      while (i < cps.length && (isWord(cps[i]) || (isJoin(cps[i]) && i + 1 < cps.length && isWord(cps[i + 1]) && isWord(cps[i - 1])))) i++;
    } else {
      i++;
      while (i < cps.length && !isSpace(cps[i]) && !isWord(cps[i])) i++;
    }
    tokens.push({ s, e: i });
  }
  return tokens;
}

function paragraphs(cps) {
  const out = [];
  let s = 0;
  for (let i = 0; i <= cps.length; i++) {
    if (i === cps.length || cps[i] === "\n") {
      out.push({ s, e: i });
      s = i + 1;
    }
  }
  return out;
}

function levels(marks) {
  // Greedy interval colouring: a mark inside or across another gets the next free level (its own underline).
  const order = marks.map((m, i) => i).sort((a, b) => marks[a].start - marks[b].start || marks[b].end - marks[a].end);
  const level = new Array(marks.length).fill(0);
  const active = [];
  for (const i of order) {
    const m = marks[i];
    for (let k = active.length - 1; k >= 0; k--) if (marks[active[k]].end <= m.start) active.splice(k, 1);
    const used = new Set(active.map((j) => level[j]));
    let l = 0;
    while (used.has(l)) l++;
    level[i] = l;
    active.push(i);
  }
  return level;
}

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escape = (text) => text.replace(/[&<>"]/g, (c) => ENTITIES[c]);

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render({ model, el: root }) {
  const started = performance.now();
  const S = {
    cps: [], tokens: [], paras: [], tokenAt: [], paraEls: [], paraSig: [], drawn: new Set(),
    tokSegs: [], lit: [], picked: [], cursor: 0, anchor: null, selected: null, undo: [], redo: [], drag: null, tagDrag: null,
    linking: null, linksSig: null, reselect: null, full: [], paraMarks: [], paraIndex: new Map(), pendingEls: [],
  };
  root.classList.add("medialit-highlighter");
  const legend = el("div", "ml-legend");
  legend.setAttribute("role", "toolbar");
  legend.setAttribute("aria-label", "Labels");  // named again in drawLegend
  const text = el("div", "ml-text");
  text.tabIndex = 0;
  text.setAttribute("role", "textbox");
  text.setAttribute("aria-readonly", "true");
  text.setAttribute("aria-multiline", "true");
  text.setAttribute("data-lm-suppress-shortcuts", "true");
  const help = el("div", "ml-help");
  help.id = `ml-help-${Math.random().toString(36).slice(2)}`;
  text.setAttribute("aria-describedby", help.id);
  const live = el("div", "ml-live ml-sr");
  live.setAttribute("aria-live", "polite");
  const status = el("div", "ml-status");
  status.setAttribute("role", "status");
  const panel = el("div", "ml-panel");
  const linkBox = el("div", "ml-links");
  // a landmark only while it holds links (drawLinks): empty, ex01's four were four landmarks of one name
  root.replaceChildren(legend, help, text, live, status, linkBox, panel);

  const labels = () => model.get("labels") || [];
  const labelOf = (name) => labels().find((l) => l.name === name) || { name, title: name, colour: "#999999", style: "solid" };
  const spans = () => model.get("spans") || [];
  const links = () => model.get("links") || [];
  const words = (m) => { const w = S.cps.slice(m.start, m.end).join(""); return w.length > 40 ? `${w.slice(0, 39)}…` : w; };
  const partWords = (p) => `${p.role} ‘${words(p)}’`;
  // Which widget this is when a page holds several (an exercise's questions): said after each landmark's name.
  const named = (what) => (model.get("name") ? `${what}: ${model.get("name")}` : what);
  const otherRoles = (m) => ["source", "cue", "content"].filter((r) => r !== roleOf(m.label)).join(" or ");
  const isSentences = () => model.get("mode") === "sentences";
  const part = () => { const p = model.get("part") || []; return p.length === 2 ? p : null; };
  // A link needs a source or a cue: with only content labels (lesson 1's question and odd) there is nothing to link;
  // and an item that asks for marks only (linking false) offers no Link button, key or drag.
  const canLink = () => model.get("linking") !== false && labels().some((l) => roleOf(l.name) !== "content");

  // ------------------------------------------------------------ legend and help

  function drawLegend() {
    // the control that has the focus is drawn anew: give the focus to its new copy (ticking "show analyzer" with
    // Space redraws the legend, and the focus fell to the page, out of the notebook's reach)
    const had = legend.contains(document.activeElement) ? document.activeElement : null;
    const again = had && (had.dataset.label ? `[data-label="${had.dataset.label}"]` : had.type === "checkbox" ? "input" : `.${had.classList[0]}`);
    legend.replaceChildren();
    legend.setAttribute("aria-label", named("Labels"));
    root.classList.toggle("ml-no-links", !canLink());
    for (const lab of labels()) {
      const b = el("button", "ml-label");
      b.type = "button";
      b.dataset.label = lab.name;
      b.style.setProperty("--c", lab.colour);
      b.style.setProperty("--st", lab.style);
      b.append(el("kbd", "", lab.key), el("span", "ml-swatch"), el("span", "", lab.title || lab.name));
      b.setAttribute("aria-keyshortcuts", lab.key);
      b.addEventListener("click", () => { apply(lab.name); text.focus(); });
      legend.append(b);
    }
    const remove = el("button", "ml-remove", "Remove");
    remove.type = "button";
    remove.setAttribute("aria-keyshortcuts", "Delete");
    remove.addEventListener("click", () => { removeAtCursor(); text.focus(); });
    const undoB = el("button", "ml-undo", "Undo");
    undoB.type = "button";
    undoB.addEventListener("click", () => { undo(); text.focus(); });
    const linkB = el("button", "ml-link", S.linking ? "Finish link" : "Link");
    linkB.type = "button";
    linkB.setAttribute("aria-keyshortcuts", "L");
    linkB.setAttribute("aria-pressed", S.linking ? "true" : "false");
    linkB.addEventListener("click", () => { linkKeyPressed(); text.focus(); });
    if (canLink()) legend.append(linkB);
    const redoB = el("button", "ml-redo", "Redo");
    redoB.type = "button";
    redoB.addEventListener("click", () => { redo(); text.focus(); });
    legend.append(remove, undoB, redoB);
    if ((model.get("machine") || []).length) {
      const lab = el("label", "ml-machine-toggle");
      const box = el("input");
      box.type = "checkbox";
      box.checked = !!model.get("show_machine");
      box.addEventListener("change", () => { model.set("show_machine", box.checked); model.save_changes(); });
      lab.append(box, " show analyzer");
      legend.append(lab);
    }
    rove(again ? legend.querySelector(again) : null);
    if (again) legend.querySelector(again)?.focus();
    const how = isSentences()
      ? "Click a sentence to select it (drag to take several), then pick its label; click a labelled sentence to change or remove it. "
      : "Drag or double-click to select words, then pick a label; click a mark to change or remove it" +
        (canLink() ? "; drag a mark's tag onto another mark to link them. " : ". ");
    help.textContent =
      how +
      "Keys: Tab into the text (the buttons are one Tab stop: ←/→ along them), ←/→ move by word, ↑/↓ by line, Shift extends, " +
      `${labels().map((l) => `${l.key} ${l.title || l.name}`).join(", ")}, Delete removes, ` +
      "Enter picks the mark at the cursor (again: the next one there), then a label key changes its label. " +
      (canLink() ? "L links the mark under the cursor: move to its cue or content, Enter adds it, L finishes, Esc cancels. " : "") +
      "Ctrl+Z undo, Ctrl+Shift+Z redo, Esc clears; with nothing selected, Esc goes back to the notebook (Tab goes on to the next highlighter).";
    text.setAttribute("aria-label", named(`Article text for marking (${isSentences() ? "sentences" : "words"})`));
  }

  // The label bar is a toolbar (WAI-ARIA): one Tab stop, the control last used; ←/→ move along it, Home and End
  // go to its ends. As 5 to 9 stops, ex05's eight highlighters made about 60 Tabs from one text to the next.
  const controls = () => [...legend.querySelectorAll("button, input")];
  function rove(to) {
    const all = controls();
    const at = to ? all.indexOf(to) : Math.min(S.roving || 0, all.length - 1);
    S.roving = Math.max(0, at);
    all.forEach((c, i) => { c.tabIndex = i === S.roving ? 0 : -1; });
    return all[S.roving];
  }
  legend.addEventListener("focusin", (ev) => { if (controls().includes(ev.target)) rove(ev.target); });

  // ------------------------------------------------------------ text

  function loadText() {
    S.cps = Array.from(model.get("text") || "");
    S.tokens = tokenize(S.cps);
    S.paras = paragraphs(S.cps);
    S.tokenAt = new Int32Array(S.cps.length + 1).fill(-1);
    S.tokens.forEach((t, i) => { for (let k = t.s; k < t.e; k++) S.tokenAt[k] = i; });
    let next = S.tokens.length - 1;
    for (let k = S.cps.length; k >= 0; k--) {  // spaces belong to the next word, so a drag may start on them
      if (S.tokenAt[k] >= 0) next = S.tokenAt[k];
      else S.tokenAt[k] = -2 - Math.max(0, next);
    }
    S.cursor = Math.min(S.cursor, Math.max(0, S.tokens.length - 1));
    S.tokSegs = S.tokens.map(() => []);
    S.paraSig = S.paras.map(() => null);
    S.drawn = new Set();
    const lean = S.tokens.length > LEAN_TOKENS;
    S.full = S.paras.map(() => !lean);
    S.paraMarks = S.paras.map(() => []);
    const frag = document.createDocumentFragment();
    const [ps, pe] = part() || [0, S.cps.length];
    const inPart = (p) => p.s < pe && p.e > ps;
    S.paraIndex = new Map();
    S.paraEls = S.paras.map((p, pi) => {
      const node = el("div", "ml-p");
      if (DASH.test(S.cps.slice(p.s, Math.min(p.e, p.s + 4)).join(""))) node.classList.add("ml-dash");
      if (part() && inPart(p) && !(pi > 0 && inPart(S.paras[pi - 1]))) frag.append(partEdge("start", ps, pe));
      frag.append(node);
      if (lean) S.paraIndex.set(node, pi);
      if (part() && inPart(p) && !(pi + 1 < S.paras.length && inPart(S.paras[pi + 1]))) frag.append(partEdge("end", ps, pe));
      return node;
    });
    S.paras.forEach((p, pi) => { drawParagraph(pi, p, []); S.paraSig[pi] = "[]"; });
    text.replaceChildren(frag);
    if (part() && S.cursor === 0) S.cursor = Math.max(0, S.tokens.findIndex((t) => t.e > ps));
    drawMarks();
  }

  function partEdge(which, ps, pe) {
    // Words, not only grey: where the part that counts starts and ends (it may start inside a paragraph).
    const cut = (w) => (w.length <= 40 ? w : which === "start" ? `${w.slice(0, 40).replace(/\s+\S*$/, "")}…`
      : `…${w.slice(-40).replace(/^\S*\s+/, "")}`);
    const words = cut(S.cps.slice(ps, pe).join("").trim());
    const node = el("div", `ml-part-edge ml-part-${which}`, which === "start"
      ? `▼ This question's part starts at ‘${words}’. Marks outside it do not count.`
      : `▲ This question's part ends at ‘${words}’.`);
    return node;
  }

  function openOnPart() {
    // Once the widget is on screen, scroll its text to the part (an exercise's part is often far down).
    const edge = text.querySelector(".ml-part-start");
    if (!edge || S.openedOnPart) return;
    const watch = new ResizeObserver(() => {
      if (!text.clientHeight) return;
      S.openedOnPart = true;
      text.scrollTop += edge.getBoundingClientRect().top - text.getBoundingClientRect().top;
      watch.disconnect();
    });
    watch.observe(text);
  }

  function layers() {
    const numbers = new Map();
    links().forEach((l, n) => { for (const p of partsOf(l)) { const k = markKey(p); numbers.set(k, `${numbers.get(k) || ""}${badge(n + 1)}`); } });
    const out = spans().map((m, i) => ({ ...m, kind: "mark", index: i, links: numbers.get(markKey(m)) || "" }));
    const lv = levels(out);
    out.forEach((m, i) => { m.level = lv[i]; });
    // A verdict on a mark of the same words and label is said in that mark's tag ("✓ person"), not in a tag of
    // its own beside it ("✓ person person"); its line over the words stays. A missed key item keeps its tag.
    const mine = new Map(out.map((m) => [markKey(m), m]));
    const fb = model.get("feedback") || {};
    for (const item of fb.items || []) {
      const on = mine.get(markKey(item));
      if (on) on.verdict = item.status;
      out.push({ ...item, kind: "feedback", onMark: !!on });
    }
    if (model.get("show_machine")) for (const item of model.get("machine") || []) out.push({ ...item, kind: "machine" });
    return out;
  }

  function drawMarks() {
    // Redraw only the paragraphs whose marks changed: a key press in a long article touches one or two.
    const all = layers();
    const byPara = new Map();
    for (const m of all) {
      if (m.end <= m.start) continue;
      const last = paraOf(S.paras, m.end - 1);
      for (let pi = paraOf(S.paras, m.start); pi <= last; pi++) {
        const p = S.paras[pi];
        if (m.start < p.e && m.end > p.s) {
          if (!byPara.has(pi)) byPara.set(pi, []);
          byPara.get(pi).push(m);
        }
      }
    }
    const touched = new Set([...S.drawn, ...byPara.keys()]);
    for (const pi of touched) {
      const inside = byPara.get(pi) || [];
      const sig = JSON.stringify(inside, (k, v) => (k === "index" ? undefined : v));  // a new mark shifts indices
      if (sig !== S.paraSig[pi]) {
        S.paraSig[pi] = sig;
        drawParagraph(pi, S.paras[pi], inside);
      }
    }
    S.drawn = new Set(byPara.keys());
    S.lit = S.lit.filter((seg) => seg.isConnected);
    drawSelection();
    drawPending();
  }

  function drawPending() {
    // The marks of the link being made, outlined and "(linking)" in their tags, set in place like the cursor: L and
    // Escape redrew the legend and the cursor's paragraph (its ~100 word elements), 37.9 ms p95 on a quiet machine.
    for (const w of S.pendingEls) {
      w.classList.remove("ml-linking");
      for (const note of w.querySelectorAll(":scope > .ml-tag-mark > .ml-pending")) note.remove();
    }
    S.pendingEls = [];
    for (const m of S.linking ? S.linking.parts : []) {
      const key = markKey(m);
      for (let pi = paraOf(S.paras, m.start); pi <= paraOf(S.paras, Math.max(m.start, m.end - 1)); pi++) {
        for (const w of S.paraEls[pi].querySelectorAll(`.ml-mark[data-key="${key}"]`)) {
          w.classList.add("ml-linking");
          const tag = w.querySelector(":scope > .ml-tag-mark");
          if (tag) tag.append(el("span", "ml-pending", " (linking)"));
          S.pendingEls.push(w);
        }
      }
    }
  }

  function drawLinkButton() {
    // The Link button says whether a link is being made: changed in place, not the whole legend with it.
    const b = legend.querySelector(".ml-link");
    if (!b) return;
    b.textContent = S.linking ? "Finish link" : "Link";
    b.setAttribute("aria-pressed", S.linking ? "true" : "false");
  }

  function drawParagraph(pi, p, marks) {
    S.paraMarks[pi] = marks;
    const full = S.full[pi];
    const cuts = new Set([p.s, p.e]);
    for (const m of marks) { cuts.add(Math.max(p.s, m.start)); cuts.add(Math.min(p.e, m.end)); }
    const [ps, pe] = part() || [p.s, p.e];
    for (const k of [ps, pe]) if (k > p.s && k < p.e) cuts.add(k);
    const away = (s, e) => (e <= ps || s >= pe ? " ml-outside" : "");
    if (full) for (let k = p.s; k < p.e; k++) if (S.tokenAt[k] >= 0 && (k === p.s || S.tokenAt[k - 1] !== S.tokenAt[k])) cuts.add(k);
    if (full) for (let k = p.s + 1; k <= p.e; k++) if (S.tokenAt[k - 1] >= 0 && S.tokenAt[k] !== S.tokenAt[k - 1]) cuts.add(k);
    const points = Array.from(cuts).sort((a, b) => a - b);
    const first = p.s < p.e ? (S.tokenAt[p.s] >= 0 ? S.tokenAt[p.s] : -2 - S.tokenAt[p.s]) : -1;
    for (let t = first; t >= 0 && t < S.tokens.length && S.tokens[t].s < p.e; t++) S.tokSegs[t] = [];
    const pieces = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i], e = points[i + 1];
      if (s >= e) continue;
      const t = S.tokenAt[s];
      pieces.push({ s, e, t: t >= 0 ? t : -2 - t, space: t < 0 });
    }
    if (!full) {
      // Lean: the text between mark and part edges as text nodes (greyed outside the part), no word elements.
      const frag = document.createDocumentFragment();
      const heads = new Map();
      for (const { s, e } of pieces) {
        const words = S.cps.slice(s, e).join("");
        let node = away(s, e) ? el("span", "ml-outside", words) : document.createTextNode(words);
        for (const m of marks.filter((x) => x.start <= s && x.end >= e).sort(byOrder).reverse()) node = wrap(node, m, s, heads);
        frag.append(node);
      }
      S.paraEls[pi].replaceChildren(frag);
      return;
    }
    if (!marks.length) {
      // Most paragraphs carry no mark: one HTML string is parsed far faster than thousands of createElement calls.
      const html = pieces.map(({ s, e, t, space }) =>
        `<span class="ml-seg${space ? " ml-space" : ""}${away(s, e)}" data-s="${s}" data-t="${t}">${escape(S.cps.slice(s, e).join(""))}</span>`);
      const node = S.paraEls[pi];
      node.innerHTML = html.join("");
      const segs = node.children;
      pieces.forEach((piece, i) => { S.tokSegs[piece.t]?.push(segs[i]); });
      return;
    }
    const frag = document.createDocumentFragment();
    const ordered = marks.slice().sort(byOrder);
    const heads = new Map();  // a mark's first piece in this paragraph: the one a screen reader hears it as
    for (const { s, e, t, space } of pieces) {
      const seg = el("span", (space ? "ml-seg ml-space" : "ml-seg") + away(s, e), S.cps.slice(s, e).join(""));
      seg.dataset.s = s;
      seg.dataset.t = t;
      S.tokSegs[t]?.push(seg);
      let node = seg;
      const covering = ordered.filter((m) => m.start <= s && m.end >= e);
      for (let k = covering.length - 1; k >= 0; k--) node = wrap(node, covering[k], s, heads);
      frag.append(node);
    }
    S.paraEls[pi].replaceChildren(frag);
  }

  function order(m) { return m.kind === "machine" ? 0 : m.kind === "feedback" ? 1 : 2 + m.level; }
  function byOrder(a, b) { return order(a) - order(b) || a.start - b.start || b.end - a.end; }

  function hydrate(pi) {
    // A lean paragraph's word elements, drawn now (the caller redraws the selection if it needs to).
    if (S.full[pi]) return false;
    S.full[pi] = true;
    drawParagraph(pi, S.paras[pi], S.paraMarks[pi]);
    return true;
  }

  function segsOf(t) {
    // Token t's elements (its word and the spaces before it), its paragraph drawn in full first.
    const tok = S.tokens[t];
    if (tok) hydrate(paraOf(S.paras, tok.s));
    return S.tokSegs[t] || [];
  }

  function liveTarget(ev) {
    // The element under the pointer, a lean paragraph drawn in full first (so the pointer is over a word's element).
    const para = text.contains(ev.target) && ev.target.closest ? ev.target.closest(".ml-p") : null;
    const pi = para ? S.paraIndex.get(para) : undefined;
    if (pi === undefined || !hydrate(pi)) return ev.target;
    drawSelection();
    return document.elementFromPoint(ev.clientX, ev.clientY) || ev.target;
  }

  function wrap(inner, m, s, heads) {
    // A mark over several words is drawn in pieces (marks may overlap, so one element cannot hold each): the
    // first piece is the mark for assistive technology and owns the others, so it is heard once, whole.
    const w = el("span", `ml-${m.kind}`);
    const lab = labelOf(m.label);
    w.style.setProperty("--c", lab.colour);
    w.style.setProperty("--st", lab.style);
    if (m.kind === "mark") {
      w.style.setProperty("--lv", m.level);
      w.dataset.key = markKey(m);
      w.dataset.label = m.label;
      const head = heads.get(markKey(m));
      if (head) {
        w.id = `${help.id}-m${s}-${m.end}-${m.level}`;
        head.setAttribute("aria-owns", `${head.getAttribute("aria-owns") || ""} ${w.id}`.trim());
      } else {
        heads.set(markKey(m), w);
        w.setAttribute("role", "mark");
      }
      if (m.links) w.classList.add("ml-linked");
    } else if (m.kind === "feedback") {
      w.classList.add(`ml-fb-${m.status}`);
      w.title = m.line;
    } else {
      w.title = `analyzer, ${lab.title || m.label}: ${m.rule || "no rule given"}`;
    }
    if (m.start === s && !m.onMark) {
      const verdict = (status) => (status ? `${SYMBOL[status] || status} ` : "");
      const words = m.kind === "mark" ? `${verdict(m.verdict)}${lab.title || lab.name}${m.links ? ` ${m.links}` : ""}`
        : m.kind === "feedback" ? `${verdict(m.status)}${lab.title || m.label}` : `⚙ analyzer: ${lab.title || m.label}`;
      const tag = el("span", `ml-tag ml-tag-${m.kind}${m.verdict ? " ml-tag-feedback" : ""}`, words);
      if (m.kind === "mark" && canLink()) tag.title = "drag onto another mark to link them";
      w.append(tag, el("span", "ml-sr ml-sep", ": "));  // heard "source: Ingrid Dahl", not "sourceIngrid Dahl"
    } else if (m.kind === "mark" && heads.get(markKey(m)) === w) {
      // a mark going on from the paragraph before: its label again, for the ear only
      w.append(el("span", "ml-sr ml-sep", `${lab.title || lab.name} (continued): `));
    }
    w.append(inner);
    return w;
  }

  // ------------------------------------------------------------ selection and cursor

  function range() {
    if (S.anchor === null) return null;
    return [Math.min(S.anchor, S.cursor), Math.max(S.anchor, S.cursor)];
  }

  function drawSelection() {
    // Touch only the words whose state changes, so a key press costs the same in a long article.
    for (const seg of S.lit) seg.classList.remove("ml-sel", "ml-cursor");
    S.lit = [];
    const r = range();
    if (r) {
      for (let t = r[0]; t <= r[1]; t++) {
        for (const seg of segsOf(t)) {
          if (seg.classList.contains("ml-space") && t === r[0]) continue;
          seg.classList.add("ml-sel");
          S.lit.push(seg);
        }
      }
    }
    const first = wordSeg(S.cursor);
    for (const seg of segsOf(S.cursor)) {
      if (seg.classList.contains("ml-space")) continue;
      seg.classList.add("ml-cursor");
      S.lit.push(seg);
    }
    for (const w of S.picked) w.classList.remove("ml-picked");
    S.picked = [];
    const m = S.selected !== null ? spans()[S.selected] : null;
    if (m) {
      for (let pi = paraOf(S.paras, m.start); pi <= paraOf(S.paras, Math.max(m.start, m.end - 1)); pi++) {
        for (const w of S.paraEls[pi].querySelectorAll(`.ml-mark[data-key="${markKey(m)}"]`)) {
          w.classList.add("ml-picked");
          S.picked.push(w);
        }
      }
    }
    if (first) {
      first.id = first.id || `${help.id}-c${S.cursor}`;
      text.setAttribute("aria-activedescendant", first.id);
    }
  }

  function wordSeg(t) {
    return segsOf(t).find((g) => !g.classList.contains("ml-space")) || null;
  }

  function announce() {
    const tok = S.tokens[S.cursor];
    if (!tok) return;
    const word = S.cps.slice(tok.s, tok.e).join("");
    const on = spans().filter((m) => m.start < tok.e && m.end > tok.s).map((m) => {
      const n = links().map((l, i) => (partsOf(l).some((p) => markKey(p) === markKey(m)) ? i + 1 : 0)).filter(Boolean);
      return `${labelOf(m.label).title || m.label}${n.length ? ` (link ${n.join(", ")})` : ""}`;
    });
    // the check's verdict on this word, said as well as drawn (a screen reader hears no tag or line style)
    const checked = ((model.get("feedback") || {}).items || []).filter((f) => f.start < tok.e && f.end > tok.s);
    const fb = checked.length ? `, check: ${checked.map((f) => f.line).join("; ")}` : "";
    const found = model.get("show_machine") ? (model.get("machine") || []).filter((f) => f.start < tok.e && f.end > tok.s) : [];
    const machine = found.length ? `, analyzer: ${found.map((f) => labelOf(f.label).title || f.label).join(" and ")}` : "";
    const r = range();
    const sel = r && r[0] !== r[1] ? `, selected ${r[1] - r[0] + 1} words` : "";
    const [ps, pe] = part() || [0, S.cps.length];
    const away = tok.e <= ps || tok.s >= pe ? ", outside this question's part" : "";
    live.textContent = `${word}${on.length ? `, marked ${on.join(" and ")}` : ""}${fb}${machine}${sel}${away}`;
  }

  function move(delta, extend) {
    if (!S.tokens.length) return;
    if (extend && S.anchor === null) S.anchor = S.cursor;
    if (!extend) S.anchor = null;
    S.selected = null;
    S.reselect = null;
    S.cursor = Math.max(0, Math.min(S.tokens.length - 1, S.cursor + delta));
    drawSelection();
    scrollToCursor();
    announce();
  }

  function lineMove(dir, extend) {
    const segOf = wordSeg;
    const here = segOf(S.cursor);
    if (!here) return move(dir, extend);
    const box = here.getBoundingClientRect();
    let best = null, bestDist = Infinity, lineTop = null;
    for (let t = S.cursor + dir; t >= 0 && t < S.tokens.length; t += dir) {
      const g = segOf(t);
      if (!g) continue;
      const b = g.getBoundingClientRect();
      const other = dir > 0 ? b.top > box.top + box.height / 2 : b.bottom < box.bottom - box.height / 2;
      if (!other) continue;
      if (lineTop === null) lineTop = b.top;
      if (Math.abs(b.top - lineTop) > box.height / 2) break;
      const dist = Math.abs(b.left - box.left);
      if (dist < bestDist) { best = t; bestDist = dist; }
    }
    move(best === null ? 0 : best - S.cursor, extend);
  }

  function scrollToCursor() {
    const seg = wordSeg(S.cursor);
    if (seg && seg.scrollIntoView) seg.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  // ------------------------------------------------------------ edits

  function commit(next, nextLinks, say) {
    // One undo step for the marks and the links it changes (a removed mark takes its links along).
    if (model.get("locked") || stale()) return;
    const edit = diffMarks(spans(), next);
    if (!nextLinks && !edit.removed.length) {  // a new mark leaves the links as they are: skip the link work
      S.undo.push({ ...edit, links: { added: [], removed: [] } });
      S.redo = [];
      write(next, null, say);
      return;
    }
    nextLinks = pruneLinks(nextLinks || links(), next);
    S.undo.push({ ...edit, links: diffMarks(links(), nextLinks, linkKey) });
    S.redo = [];
    write(next, nextLinks, say);
  }

  function write(next, nextLinks, say) {
    // Shown only once this model's kernel has answered: a kernel restarted from another tab sends this tab no
    // status, so each edit asks first (and again after, so an edit lost on the way is taken back). The edit
    // is kept as what it adds and removes and applied to the marks as they are when the answer comes, so
    // quick key presses queued behind one another each keep their own step.
    if (stale()) return;
    const edit = diffMarks(spans(), next);
    const linkEdit = nextLinks ? diffLinks(links(), nextLinks) : null;
    S.queue = S.queue.then(async () => {
      if (S.stale || !(await alive())) return refuse();
      const before = [spans(), links()];
      show(applyEdit(spans(), edit), linkEdit && applyLinks(links(), linkEdit), say);
      if (!(await alive())) {
        model.set("spans", before[0]);  // never sent: the kernel that would take it is gone
        model.set("links", before[1]);
        refuse();
      }
    });
  }

  function show(next, nextLinks, say) {
    // always fresh arrays, sorted as Python keeps them (so the kernel sends nothing back);
    // the change listeners redraw the paragraphs they touch
    const byPlace = (a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    next = next.slice().sort(byPlace);
    dropVerdicts(spans(), next);
    model.set("spans", next.map((m) => ({ start: m.start, end: m.end, label: m.label })));
    if (nextLinks) {  // null: the links did not change
      const kept = pruneLinks(nextLinks, next);
      const same = kept.length === links().length && kept.every((l, i) => linkKey(l) === linkKey(links()[i]));
      if (!same) model.set("links", kept.map((l) => ({ ...l })));  // untouched links are not sent again
    }
    model.save_changes();
    announce();
    if (say) live.textContent = say;
  }

  const AGAIN = "A mark changed label since this check: run the check again for its verdict.";

  function dropVerdicts(before, next) {
    // A check's verdict is on a mark's words and label: a relabelled mark loses it (its tag and what its words are
    // read with) until the check runs again, instead of keeping '✓ source' beside what is now framing.
    const fb = model.get("feedback") || {};
    const was = new Set(before.map(markKey)), now = new Set(next.map(markKey));
    const places = new Set(next.map((m) => `${m.start}:${m.end}`));
    const relabelled = (f) => was.has(markKey(f)) && !now.has(markKey(f)) && places.has(`${f.start}:${f.end}`);
    const items = (fb.items || []).filter((f) => !relabelled(f));
    if (items.length === (fb.items || []).length) return;
    const notes = (fb.notes || []).includes(AGAIN) ? fb.notes : [...(fb.notes || []), AGAIN];
    model.set("feedback", { ...fb, items, notes });
  }

  function relabelled(m, name) {
    // The links of a relabelled mark follow it when its part stays the same; otherwise the part leaves the link.
    const old = markKey(m), now = { ...m, label: name };
    return links().map((l) => {
      const parts = partsOf(l).filter((p) => markKey(p) !== old || roleOf(name) === p.role);
      const moved = parts.map((p) => (markKey(p) === old ? now : p));
      return makeLink(moved, l.speaker, l.kind);
    }).filter(Boolean);
  }

  function sentenceAround(s, e) {
    const out = [];
    for (const [a, b] of model.get("sentence_bounds") || []) if (a < e && b > s) out.push([a, b]);
    return out.length ? out : [[s, e]];
  }

  function apply(name) {
    if (S.selected !== null) {
      const m = spans()[S.selected];
      const title = (label) => labelOf(label).title || label;
      if (m.label === name) { live.textContent = `‘${words(m)}’ is already ${title(name)}`; return; }
      const next = spans().map((x, i) => (i === S.selected ? { ...x, label: name } : x));
      S.reselect = markKey({ ...m, label: name });  // still picked once the kernel has it: a second key changes it again
      S.selected = null;
      commit(next, relabelled(m, name), `changed ‘${words(m)}’ from ${title(m.label)} to ${title(name)}`);
      return;
    }
    if (!S.tokens.length) return;
    const r = range() || [S.cursor, S.cursor];
    const start = S.tokens[r[0]].s, end = S.tokens[r[1]].e;
    let next, say;
    if (isSentences()) {
      const bounds = sentenceAround(start, end);
      next = spans().filter((m) => !bounds.some(([a, b]) => m.start === a && m.end === b));
      for (const [a, b] of bounds) next.push({ start: a, end: b, label: name });
      // the whole sentence is marked, not the word at the cursor: say which (the word alone named no sentence)
      const title = labelOf(name).title || name;
      const [a, b] = bounds[0];
      say = bounds.length === 1 ? `marked ${title}: ‘${words({ start: a, end: b })}’` : `marked ${bounds.length} sentences ${title}`;
    } else {
      if (spans().some((m) => m.start === start && m.end === end && m.label === name)) return;
      next = [...spans(), { start, end, label: name }];
    }
    S.anchor = null;
    commit(next, undefined, say);
  }

  function marksUnderCursor() {
    // [mark, index] pairs under the cursor's word, the smallest first (the innermost is picked first)
    const tok = S.tokens[S.cursor];
    if (!tok) return [];
    const under = spans().map((m, i) => [m, i]).filter(([m]) => m.start < tok.e && m.end > tok.s);
    return under.sort((a, b) => (a[0].end - a[0].start) - (b[0].end - b[0].start));
  }

  function pickNext(under) {
    // Pick a mark under the cursor; again: the next one there. Returns its place among them (1-based).
    const at = (under.findIndex(([, i]) => i === S.selected) + 1) % under.length;
    S.selected = under[at][1];
    S.anchor = null;
    return at + 1;
  }

  function pickAtCursor() {
    // Enter, the keyboard twin of a click on a mark: a label key then changes its label, Delete removes it.
    const under = marksUnderCursor();
    if (!under.length) {
      live.textContent = "no mark here to pick: move onto a mark, or select words (Shift+arrows) and press a label key";
      return;
    }
    const n = pickNext(under);
    drawSelection();
    const m = spans()[S.selected];
    const more = under.length > 1 ? ` (${n} of ${under.length} here: Enter picks the next)` : "";
    live.textContent = `picked ${labelOf(m.label).title || m.label} ‘${words(m)}’${more}: `
      + "press a label key to change its label, Delete to remove it, Esc to let go";
  }

  function removeAtCursor() {
    let index = S.selected;
    if (index === null) {
      const under = marksUnderCursor();
      if (!under.length) return;
      index = under[0][1];
    }
    S.selected = null;
    const gone = spans()[index];
    const lost = links().filter((l) => partsOf(l).some((p) => markKey(p) === markKey(gone))).length;
    commit(spans().filter((m, i) => i !== index), null,
      `removed ${labelOf(gone.label).title || gone.label} ‘${words(gone)}’${lost ? ` and ${lost} link${lost > 1 ? "s" : ""}` : ""}`);
  }

  // ------------------------------------------------------------ links

  function markUnderCursor() {
    if (S.selected !== null) return spans()[S.selected] || null;
    const tok = S.tokens[S.cursor];
    if (!tok) return null;
    const under = spans().filter((m) => m.start < tok.e && m.end > tok.s);
    const free = S.linking ? under.filter((m) => !S.linking.parts.some((p) => roleOf(p.label) === roleOf(m.label))) : under;
    const pool = free.length ? free : under;
    pool.sort((a, b) => (a.end - a.start) - (b.end - b.start));
    return pool[0] || null;
  }

  function startLink() {
    const m = markUnderCursor();
    if (!m) { live.textContent = "no mark here to link: move onto a mark first"; return; }
    if (model.get("locked")) return;
    S.linking = { parts: [m] };
    live.textContent = `linking from ${roleOf(m.label)} ‘${words(m)}’: move to its ${otherRoles(m)} and press Enter (click it with the mouse); L or Finish link ends, Escape cancels`;
    drawLinkButton();
    drawPending();
  }

  function addToLink(m) {
    if (!S.linking || !m) return;
    if (S.linking.parts.some((p) => markKey(p) === markKey(m))) { live.textContent = `‘${words(m)}’ is already in this link`; return; }
    if (S.linking.parts.some((p) => roleOf(p.label) === roleOf(m.label))) {
      live.textContent = `this link already has a ${roleOf(m.label)}: pick a mark of another kind`;
      return;
    }
    S.linking.parts.push(m);
    if (S.linking.parts.length === 3) { finishLink(); return; }
    live.textContent = `added ${roleOf(m.label)} ‘${words(m)}’; add another part with Enter, or press L to finish`;
    drawPending();
  }

  function finishLink() {
    const parts = S.linking ? S.linking.parts : [];
    S.linking = null;
    drawLinkButton();
    const link = makeLink(parts);
    if (!link || (parts.length < 2 && roleOf(parts[0]?.label) !== "source")) {
      live.textContent = "link cancelled: a link needs a source, or two marks";
      drawPending();
      return;
    }
    const ordered = partsOf(link);
    const old = links().find((l) => joinKey(l) === joinKey(link));
    if (old) { link.speaker = old.speaker; link.kind = old.kind; }
    const next = [...links().filter((l) => joinKey(l) !== joinKey(link)), link];
    const n = sortLinks(next).findIndex((l) => joinKey(l) === joinKey(link)) + 1;
    const said = ordered.map(partWords).join(" linked to ");
    commit(spans(), next, `link ${n}: ${said}`);
    drawPending();  // the new link's badges come with the links' change, once the kernel has it
  }

  function linkByDrag(from, to) {
    // A link of the two marks; when a link already holds one of them and lacks the other's part, it grows.
    if (roleOf(from.label) === roleOf(to.label)) {
      live.textContent = `link cancelled: ‘${words(to)}’ is also a ${roleOf(to.label)}; drop on a mark of another kind`;
      return;
    }
    const holds = (l, m) => partsOf(l).some((p) => markKey(p) === markKey(m));
    const lacks = (l, m) => !partsOf(l).some((p) => p.role === roleOf(m.label));
    const grows = links().find((l) => holds(l, from) && lacks(l, to)) || links().find((l) => holds(l, to) && lacks(l, from));
    const added = grows && holds(grows, from) ? to : from;
    const link = makeLink(grows ? [...partsOf(grows), added] : [from, to], grows?.speaker || "", grows?.kind || "");
    const next = [...links().filter((l) => l !== grows && joinKey(l) !== joinKey(link)), link];
    const n = sortLinks(next).findIndex((l) => joinKey(l) === joinKey(link)) + 1;
    commit(spans(), next, `link ${n}: ${partsOf(link).map(partWords).join(" linked to ")}`);
    drawMarks();
  }

  function cancelLink() {
    S.linking = null;
    live.textContent = "linking cancelled";
    drawLinkButton();
    drawPending();
  }

  function linkKeyPressed() {
    if (!S.linking) startLink();
    else finishLink();
  }

  function editLink(i, change) {
    const next = links().map((l, k) => (k === i ? { ...l, ...change } : l));
    commit(spans(), next, `link ${i + 1}: ${Object.entries(change).map(([k, v]) => `${k} ${v || "none"}`).join(", ")}`);
  }

  function drawLinks() {
    // Rebuilt only when the links or the names to suggest change, not on every new mark.
    const all = links();
    const sources = spans().filter((m) => m.label === "source").map(words);
    const frozen = !!model.get("locked") || !!S.stale;  // after a restart an edit here would reach no kernel
    const sig = JSON.stringify([all.map(linkKey), sources, frozen]);
    if (sig === S.linksSig) return;
    S.linksSig = sig;
    // A keyboard user changing a link (↓ on its kind, Enter on its speaker) stays on the same control.
    const active = linkBox.contains(document.activeElement) ? document.activeElement : null;
    const refocus = active && [active.className, [...linkBox.getElementsByClassName(active.className)].indexOf(active)];
    linkBox.replaceChildren();
    if (!all.length) { linkBox.removeAttribute("role"); linkBox.removeAttribute("aria-label"); return; }
    linkBox.setAttribute("role", "region");
    linkBox.setAttribute("aria-label", named("Links between marks"));
    linkBox.append(el("h4", "", `Links (${all.length})`));
    const names = new Set(all.map((l) => l.speaker).filter(Boolean));
    for (const name of sources) names.add(name);
    const list = el("datalist");
    list.id = `${help.id}-names`;
    for (const name of [...names].sort()) { const o = el("option"); o.value = name; list.append(o); }
    const ol = el("ol", "ml-link-list");
    all.forEach((l, i) => {
      const li = el("li", "ml-link-item");
      li.append(el("span", "ml-link-badge", badge(i + 1)), " ", el("span", "ml-link-text", partsOf(l).map(partWords).join(" → ")));
      const who = el("input", "ml-speaker");
      who.type = "text";
      who.value = l.speaker || "";
      who.placeholder = "speaker's full name";
      who.setAttribute("list", list.id);
      who.setAttribute("aria-label", `speaker of link ${i + 1}`);
      who.disabled = frozen || !partsOf(l).some((p) => p.role === "source");
      const name = () => { if (who.value.trim() !== (l.speaker || "")) editLink(i, { speaker: who.value.trim() }); };
      who.addEventListener("change", name);
      who.addEventListener("keydown", (ev) => {  // Enter saves the name at once and says so
        if (ev.key !== "Enter") return;
        ev.preventDefault();
        name();
      });
      const kind = el("select", "ml-kind");
      kind.setAttribute("aria-label", `kind of link ${i + 1}`);
      kind.setAttribute("data-lm-suppress-shortcuts", "true");  // ↑/↓ choose a kind, not the notebook's next cell
      for (const k of ["", ...KINDS]) { const o = el("option", "", k || "kind…"); o.value = k; kind.append(o); }
      kind.value = l.kind || "";
      kind.disabled = frozen;
      kind.addEventListener("change", () => editLink(i, { kind: kind.value }));
      const rm = el("button", "ml-unlink", "Unlink");
      rm.type = "button";
      rm.disabled = frozen;
      rm.setAttribute("aria-label", `Unlink link ${i + 1}`); // begins with the visible text (WCAG 2.5.3)
      rm.addEventListener("click", () => commit(spans(), links().filter((_, k) => k !== i), `link ${i + 1} removed`));
      li.append(" ", who, " ", kind, " ", rm);
      ol.append(li);
    });
    linkBox.append(list, ol);
    if (refocus) linkBox.getElementsByClassName(refocus[0])[refocus[1]]?.focus();
  }

  function undo() {
    if (model.get("locked")) return;
    if (!S.undo.length) {  // said, not silent: after a reopen or a re-run the steps before it are gone
      live.textContent = "nothing to undo: only changes made since this cell last ran can be undone; "
        + "to take a mark away, move onto it and press Delete";
      return;
    }
    const edit = S.undo.pop();
    S.redo.push(edit);
    S.selected = null;
    const l = edit.links || { added: [], removed: [] };
    write(applyEdit(spans(), { added: edit.removed, removed: edit.added }),
      applyEdit(links(), { added: l.removed, removed: l.added }, linkKey), stepSaid("undone", edit, true));
  }

  function stepSaid(what, edit, reverse) {
    // What an undo or redo changed, in words: "undone" alone left a screen reader user guessing which mark.
    const l = edit.links || { added: [], removed: [] };
    const [back, gone] = reverse ? [edit.removed, edit.added] : [edit.added, edit.removed];
    const [linked, unlinked] = reverse ? [l.removed, l.added] : [l.added, l.removed];
    const named = (m) => `${labelOf(m.label).title || m.label} ‘${words(m)}’`;
    const count = (n) => (n === 1 ? "1 link" : `${n} links`);
    const parts = [...back.map((m) => `${named(m)} back`), ...gone.map((m) => `${named(m)} taken away`)];
    if (linked.length) parts.push(`${count(linked.length)} back`);
    if (unlinked.length) parts.push(`${count(unlinked.length)} taken away`);
    const more = parts.length > 3 ? `, and ${parts.length - 3} more` : "";
    return parts.length ? `${what}: ${parts.slice(0, 3).join(", ")}${more}` : what;
  }

  function redo() {
    if (model.get("locked")) return;
    if (!S.redo.length) { live.textContent = "nothing to redo"; return; }
    const edit = S.redo.pop();
    S.undo.push(edit);
    S.selected = null;
    write(applyEdit(spans(), edit), applyEdit(links(), edit.links || { added: [], removed: [] }, linkKey),
      stepSaid("redone", edit, false));
  }

  // ------------------------------------------------------------ keyboard

  // Esc with nothing selected goes back to the notebook (JupyterLab's command mode on this cell: ↑/↓, Shift+Enter).
  // Tab cannot: a cell's editor takes no Tab, so Tab from the last widget of a notebook lands in the side bar.
  function leaveText() {
    const notebook = root.closest(".jp-Notebook");
    if (!notebook) return false;
    notebook.focus();
    return true;
  }

  // Esc on a label button, Undo or the analyzer box goes back to the notebook too: it did nothing there, or (the
  // box) dropped the focus on the page, where ↑/↓ reach no cell
  legend.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !S.linking && leaveText()) { ev.preventDefault(); ev.stopPropagation(); return; }
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity }[ev.key];
    if (step === undefined || ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    const all = controls();
    const at = Math.max(0, Math.min(all.length - 1, all.indexOf(document.activeElement) + step));
    rove(all[at])?.focus();
    ev.preventDefault();
    ev.stopPropagation();
  });

  // and from a link's speaker, kind or Unlink (student25: Esc did nothing there); a typed name is saved as it blurs
  linkBox.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && leaveText()) { ev.preventDefault(); ev.stopPropagation(); }
  });

  text.addEventListener("keydown", (ev) => {
    const k = ev.key;
    const ctrl = ev.ctrlKey || ev.metaKey;
    let done = true;
    if (k === "ArrowRight" || k === "ArrowLeft") move(k === "ArrowRight" ? 1 : -1, ev.shiftKey);
    else if (k === "ArrowDown" || k === "ArrowUp") lineMove(k === "ArrowDown" ? 1 : -1, ev.shiftKey);
    else if (ctrl && (k === "z" || k === "Z")) (ev.shiftKey ? redo() : undo());
    else if (ctrl && (k === "y" || k === "Y")) redo();
    else if (k === "Delete" || k === "Backspace") removeAtCursor();
    else if (!ctrl && !ev.altKey && (k === "l" || k === "L") && canLink() && !labels().some((l) => l.key === k)) linkKeyPressed();
    else if (k === "Enter" && S.linking) addToLink(markUnderCursor());
    else if (k === "Enter" && !ctrl && !ev.shiftKey && !ev.altKey) pickAtCursor();
    else if (k === "Escape" && S.linking) cancelLink();
    else if (k === "Escape" && (S.anchor !== null || S.selected !== null || !leaveText())) {
      S.anchor = null; S.selected = null; drawSelection(); announce();
    }
    else if (!ctrl && !ev.altKey && labels().some((l) => l.key === k)) apply(labels().find((l) => l.key === k).name);
    else done = false;
    if (done) { ev.preventDefault(); ev.stopPropagation(); }
  });

  // ------------------------------------------------------------ mouse

  const tokenOf = (target) => {
    const seg = target.closest && target.closest(".ml-seg");
    return seg ? Number(seg.dataset.t) : null;
  };

  // Dragging from a mark's tag onto another mark links the two (the mouse twin of L, Enter).
  const markOfTag = (target) => {
    const w = target.closest && target.closest(".ml-tag-mark")?.parentElement;
    return w ? spans().find((m) => markKey(m) === w.dataset.key) || null : null;
  };
  const markAt = (target, from) => {
    const tagged = markOfTag(target);
    if (tagged) return tagged;
    const tok = S.tokens[tokenOf(target)];
    if (!tok) return null;
    const under = spans().filter((m) => m.start < tok.e && m.end > tok.s && markKey(m) !== markKey(from));
    const other = under.filter((m) => roleOf(m.label) !== roleOf(from.label));
    return (other.length ? other : under).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0] || null;
  };

  text.addEventListener("mousedown", (ev) => {
    const from = ev.button === 0 && !model.get("locked") && canLink() ? markOfTag(ev.target) : null;
    if (from) {
      ev.preventDefault();
      text.focus();
      S.linking = null;  // a link being made by keys gives way to the drag
      drawLinkButton();
      drawPending();
      S.tagDrag = { from };
      text.classList.add("ml-drag-link");
      live.textContent = `linking from ${roleOf(from.label)} ‘${words(from)}’: drop on its ${otherRoles(from)}`;
      return;
    }
    const target = liveTarget(ev);
    const t = tokenOf(target);
    if (t === null || ev.button !== 0) return;
    ev.preventDefault();  // no native text selection; we snap to words ourselves
    text.focus();
    S.drag = { from: t, moved: false, target };
  });
  text.addEventListener("mouseover", (ev) => {
    const target = liveTarget(ev);  // the pointer entering a lean paragraph draws its words
    if (!S.drag) return;
    const t = tokenOf(target);
    if (t === null || (t === S.drag.from && !S.drag.moved)) return;
    S.drag.moved = true;
    S.anchor = S.drag.from;
    S.cursor = t;
    S.selected = null;
    drawSelection();
  });
  const endDrag = (ev) => {
    if (S.tagDrag) {
      const { from } = S.tagDrag;
      S.tagDrag = null;
      text.classList.remove("ml-drag-link");
      const to = text.contains(ev.target) ? markAt(liveTarget(ev), from) : null;
      if (to && markKey(to) !== markKey(from)) linkByDrag(from, to);
      else live.textContent = "link cancelled: drop the tag on another mark";
      return;
    }
    if (!S.drag) return;
    const { from, moved, target } = S.drag;
    S.drag = null;
    if (moved) { announce(); return; }
    click(from, target, ev.detail);
  };
  document.addEventListener("mouseup", endDrag);

  function click(t, target, detail) {
    S.cursor = Math.min(t, S.tokens.length - 1);
    S.anchor = null;
    const under = marksUnderCursor();
    if (S.linking && under.length) {  // linking: a click on a mark adds it to the link
      S.selected = null;
      addToLink(markUnderCursor());
      drawSelection();
      return;
    }
    if (detail >= 2) {  // double-click takes the word
      S.selected = null;
      S.anchor = S.cursor;
    } else if (under.length) {  // click a mark: pick it; click again to pick the next one under the pointer
      pickNext(under);
    } else if (isSentences()) {
      S.selected = null;
      const tok = S.tokens[S.cursor];
      const [[a, b]] = sentenceAround(tok.s, tok.e);
      S.anchor = S.tokenAt[a] >= 0 ? S.tokenAt[a] : -2 - S.tokenAt[a];
      let last = S.cursor;
      while (last + 1 < S.tokens.length && S.tokens[last + 1].e <= b) last++;
      S.cursor = last;
    } else {
      S.selected = null;
    }
    drawSelection();
    announce();
  }

  // ------------------------------------------------------------ feedback and machine panel

  function drawPanel() {
    panel.replaceChildren();
    const fb = model.get("feedback") || {};
    if (fb.items && fb.items.length) {
      panel.append(el("h4", "", `Feedback: ${fb.summary || ""}`));
      const list = el("ul", "ml-fb-list");
      for (const item of fb.items) list.append(el("li", `ml-fb-${item.status}`, item.line));
      panel.append(list);
    }
    if (fb.summary && !(fb.items && fb.items.length)) panel.append(el("h4", "", `Feedback: ${fb.summary}`));
    for (const note of fb.notes || []) panel.append(el("p", "ml-fb-note", note));
    const machine = model.get("machine") || [];
    if (model.get("show_machine") && machine.length) {
      panel.append(el("h4", "", `Analyzer: ${machine.length} finding${machine.length === 1 ? "" : "s"}`));
      const list = el("ul", "ml-machine-list");
      for (const m of machine) {
        const words = S.cps.slice(m.start, m.end).join("");
        const name = labelOf(m.label).title || m.label;
        list.append(el("li", "", `${name} ‘${words.length > 60 ? `${words.slice(0, 59)}…` : words}’ (rule: ${m.rule || "n/a"})`));
      }
      panel.append(list);
    }
  }

  // A kernel restart or shutdown ends this widget's model: a mark made here afterwards would show but reach no
  // kernel and no file. Say so (the status is a live region) and take no more edits until the cell runs again.
  // A tab that did not make the restart keeps sending to the old kernel's comm subshell (JupyterLab forgets it
  // only on a restart it sees), so a cell run again there gets no answer either: a reload clears that. A tab left
  // open while its hub server stopped and started again shows "No Kernel": a cell does not run at all until a reload.
  const STALE = "The kernel restarted or stopped: run this cell again to go on marking (your saved marks load then; "
    + "if the cell does not run or this comes back, reload the page first); marks made here now would not be saved.";
  const stale = () => { if (S.stale) live.textContent = STALE; return S.stale; };
  const refuse = () => { goStale(); live.textContent = STALE; };
  const kernel = model.widget_manager?.kernel;
  S.queue = Promise.resolve();
  S.asked = 0;
  S.waiting = new Map();
  model.on("msg:custom", (msg) => {
    const answered = S.waiting.get(msg?.alive);
    if (answered) { S.waiting.delete(msg.alive); answered(true); }
  });
  function alive() {
    // A round trip to this model's comm: only the kernel that made the widget holds it (a new kernel drops the
    // question). A kernel this tab sees busy answers when its cell ends, so it gets longer, not forever.
    const n = ++S.asked;
    const asked = performance.now();
    return new Promise((resolve) => {
      S.waiting.set(n, resolve);
      // The kernel says it is done with this question (its idle status, or the error reply for a subshell it does
      // not have) and no answer came: the comm is cut off. Until then the question is queued, not lost: widget
      // messages go over a subshell (JupyterLab 4.6) that another widget's callback may hold while the main shell
      // answers kernel_info at once, so "the same kernel answered twice" alone refused honest marks (student25).
      let handled = false;
      const done = (msg) => { if (msg?.header?.msg_type !== "status" || msg.content?.execution_state === "idle") handled = true; };
      const giveUp = async () => {
        if (!S.waiting.has(n)) return;
        const late = performance.now() - asked >= BUSY_MS;
        if (kernel?.status === "busy" && !late) {
          live.textContent = "the kernel is busy: this change shows once it answers";
          setTimeout(giveUp, ASK_MS);
          return;
        }
        // Silence alone does not say "restarted": a kernel whose thread holds it answers late. Ask the kernel
        // itself who it is: another session id is a restart; the same kernel, done with the question without
        // answering it, is a comm cut off (a tab that did not make the restart); anything else is no news.
        const same = late ? false : await sameKernel();
        if (!S.waiting.has(n)) return;
        if (same === null || (same === true && !handled)) {
          live.textContent = "waiting for the kernel: this change shows once it answers";
          setTimeout(giveUp, ASK_MS);
          return;
        }
        S.waiting.delete(n);
        resolve(false);
      };
      setTimeout(giveUp, ASK_MS);
      try {
        model.send({ ask: "alive", n }, { iopub: { status: done }, shell: { reply: done } });
      } catch {
        S.waiting.delete(n);
        resolve(false);
      }
    });
  }
  function sameKernel() {
    // true: the kernel answering kernel_info is the one that made this widget; false: another one (a restart);
    // null: no answer in time, or nothing to compare.
    const made = model.get("kernel_session");
    if (!made || !kernel?.requestKernelInfo) return Promise.resolve(null);
    const quiet = new Promise((r) => setTimeout(() => r(null), ASK_MS));
    const info = kernel.requestKernelInfo().then(
      (reply) => (reply?.header?.session ? reply.header.session === made : null),
      () => null,
    );
    return Promise.race([info, quiet]);
  }
  const kernelGone = (_, state) => {  // "starting": a new kernel, restarted from another tab (this one saw no restart)
    if (!["restarting", "autorestarting", "starting", "dead"].includes(state)) return;
    goStale();
  };
  const goStale = () => {  // also when the connection is disposed: Shut Down Kernel sent this view no "dead"
    if (S.stale) return;
    S.stale = true;
    S.linking = null;
    drawLinkButton();
    drawPending();
    root.classList.add("ml-locked");
    status.textContent = STALE;
    drawLinks();  // a link's speaker, kind and Unlink take no edit either
  };
  kernel?.statusChanged?.connect(kernelGone);
  kernel?.disposed?.connect(goStale);

  const setStatus = () => { status.textContent = S.stale ? STALE : model.get("status") || ""; };
  const lockState = () => { root.classList.toggle("ml-locked", !!model.get("locked")); drawLinks(); };

  model.on("change:text", loadText);
  model.on("change:part", () => { loadText(); openOnPart(); });
  model.on("change:spans", () => {
    if (S.selected !== null && S.selected >= spans().length) S.selected = null;
    if (S.reselect) {  // a relabelled mark stays picked at its new place in the sorted list
      const at = spans().findIndex((m) => markKey(m) === S.reselect);
      if (at >= 0) { S.selected = at; S.reselect = null; }
    }
    drawMarks();
    drawLinks();
  });
  model.on("change:links", () => { drawMarks(); drawLinks(); });
  const relabel = () => { drawLegend(); S.paraSig = S.paras.map(() => null); S.drawn = new Set(S.paras.keys()); drawMarks(); };
  model.on("change:labels", relabel);
  model.on("change:name", relabel);
  model.on("change:linking", relabel);
  model.on("change:feedback", () => { drawMarks(); drawPanel(); });
  model.on("change:machine", () => { drawLegend(); drawMarks(); drawPanel(); });
  model.on("change:show_machine", () => { drawLegend(); drawMarks(); drawPanel(); });
  model.on("change:status", setStatus);
  model.on("change:locked", lockState);

  // JupyterLab's output area clips and scrolls its outputs, which would stop the label bar from sticking
  // to the top of the notebook: unclip the output boxes around this widget (a :has() rule in the CSS did
  // the same but cost every key press a style check of the whole output area).
  const unclipped = [];
  const unclip = () => {
    for (let n = root.parentElement; n && unclipped.length < 3; n = n.parentElement) {
      if (!/\bjp-OutputArea(-child|-output)?\b/.test(n.className)) continue;
      n.classList.add("ml-unclipped");
      unclipped.push(n);
      if (n.classList.contains("jp-OutputArea")) break;
    }
  };
  requestAnimationFrame(unclip);
  text.addEventListener("focus", () => { if (!unclipped.length) unclip(); });  // attached late: try again

  drawLegend();
  loadText();
  openOnPart();
  drawPanel();
  drawLinks();
  setStatus();
  lockState();
  root.dataset.ready = "true";
  root.dataset.renderMs = (performance.now() - started).toFixed(1);  // read by benchmarks/bench_widget.py
  requestAnimationFrame(() => {
    root.dataset.paintMs = (performance.now() - started).toFixed(1);
    // a task queued in the frame's callback runs once that frame is laid out and painted: the first paint
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { root.dataset.shownMs = (performance.now() - started).toFixed(1); };
    channel.port2.postMessage(null);
  });
  return () => {
    document.removeEventListener("mouseup", endDrag);
    kernel?.statusChanged?.disconnect(kernelGone);
    kernel?.disposed?.disconnect(goStale);
    for (const n of unclipped) n.classList.remove("ml-unclipped");
  };
}

export { tokenize, levels, diffMarks, applyEdit, makeLink, pruneLinks, sortLinks };
export default { render };
