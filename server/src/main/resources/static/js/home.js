// The home page. Its state lives in the URL, so that a link restores what a person saw (a permalink), reloading
// keeps it, and Back/Forward move through it:
//   /?query=<id>&<parameter>=<value>…&sort=<column>|-<column>&page=<n>&view=table&lang=en   (#editeur, #a-propos)
import { el, lang, loadTexts, saveFile, t } from "./page.js";
import { ApiError, graph, queries, select, sparql } from "./api.js";
import { buildForm } from "./form.js";
import { downloads, MAX_ROWS, PAGE_SIZE, pager, summary, table } from "./results.js";
import { about } from "./about.js";
import { editor, newTab, openInEditor } from "./editor.js";

/** URL parameters that are the page's own, not the query's (the server refuses them as parameter names). */
const PAGE_KEYS = new Set(["query", "lang", "sort", "page", "view"]);

const $ = sel => document.querySelector(sel);
const section = $("#requete");
const form = $("#query-form");
const status = $("#query-status");
const errorBox = $("#query-error");
const result = $("#query-result");
const editorHost = $("#yasgui");

let catalogue = [];
let current = null;        // {query, form}
let chart = null;          // the chart drawn, to resize or dispose
let chartRows = null;      // {key, rows}: all rows of the last run, for its chart

function stateFromUrl() {
  const u = new URLSearchParams(location.search);
  const params = new URLSearchParams();
  for (const [k, v] of u) if (!PAGE_KEYS.has(k)) params.append(k, v);
  return { query: u.get("query"), params, sort: u.get("sort") ?? "", page: Math.max(1, Number(u.get("page")) || 1), view: u.get("view") ?? "" };
}

function urlOf(state) {
  const u = new URLSearchParams();
  if (lang === "en") u.set("lang", "en");
  if (state.query) {
    u.set("query", state.query);
    for (const [k, v] of state.params) u.append(k, v);
    if (state.sort) u.set("sort", state.sort);
    if (state.page > 1) u.set("page", String(state.page));
    if (state.view) u.set("view", state.view);
  }
  const s = u.toString();
  return location.pathname + (s ? "?" + s : "");
}

let state = stateFromUrl();

function remember(next, replace = false) {
  state = next;
  const url = urlOf(next);
  if (url !== location.pathname + location.search) {
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }
  followLanguageSwitch();
}

/** The header's FR/EN link keeps the page's state (the server wrote it for the URL the page was loaded with). */
function followLanguageSwitch() {
  const link = document.querySelector(".lang-switch");
  if (!link) return;
  const u = new URL(location.href);
  if (lang === "en") u.searchParams.delete("lang"); else u.searchParams.set("lang", "en");
  link.href = u.pathname + u.search + u.hash;
}

// ---- gallery ------------------------------------------------------------------------------------------------

function gallery() {
  // within a theme, the order the page lists (data-order), then the others
  const rank = q => {
    const order = document.querySelector(`.theme[data-theme="${CSS.escape(q.theme)}"] .cards`)?.dataset.order?.split(/\s+/) ?? [];
    const i = order.indexOf(q.id);
    return i < 0 ? order.length : i;
  };
  for (const q of [...catalogue].sort((a, b) => rank(a) - rank(b))) {
    const group = document.querySelector(`.theme[data-theme="${CSS.escape(q.theme)}"]`) ?? document.querySelector('.theme[data-theme=""]');
    group.hidden = false;
    const href = urlOf({ query: q.id, params: new URLSearchParams(), sort: "", page: 1, view: "" });
    const link = el("a", { class: "card", href, "data-id": q.id },
      el("span", { class: "card-title", text: q.title[lang] }),
      el("span", { class: "card-description", text: q.description[lang] }),
      q.view.type !== "table" ? el("span", { class: "card-view", text: t("view." + q.view.type) }) : null);
    link.addEventListener("click", e => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;   // a new tab: let the link work
      e.preventDefault();
      choose(q);
    });
    group.querySelector(".cards").append(el("li", {}, link));
  }
  $("[data-gallery-status]").remove();
}

function choose(q) {
  const next = { query: q.id, params: new URLSearchParams(), sort: "", page: 1, view: "" };
  remember(next);
  show(q, next, { focus: true });
}

// ---- one query ------------------------------------------------------------------------------------------------

function show(q, s, { focus }) {
  section.hidden = false;
  $("#query-title").textContent = q.title[lang];
  $("#query-description").textContent = q.description[lang];
  document.title = `${q.title[lang]} — ${document.title.split(" — ").pop()}`;
  clearResult();
  const f = buildForm(q, form.querySelector(".fields"), s.params);
  current = { query: q, form: f };
  if (focus) (f.first() ?? $("#query-title")).focus();
  else section.scrollIntoView({ block: "start" });
  if (f.complete()) execute(q, s, { announce: false });
  else status.textContent = t("form.fillIn");
}

function clearResult() {
  chart?.dispose();
  chart = null;
  result.hidden = true;
  result.replaceChildren();
  errorBox.hidden = true;
  status.textContent = "";
}

function showError(e) {
  status.textContent = "";
  errorBox.textContent = e instanceof ApiError ? e.message : t("error.unexpected", e.message);
  errorBox.hidden = false;
  section.removeAttribute("aria-busy");
}

async function execute(q, s, { announce }) {
  errorBox.hidden = true;
  section.setAttribute("aria-busy", "true");
  status.textContent = t("results.running");
  try {
    if (q.form === "CONSTRUCT" || q.form === "DESCRIBE") await showGraph(q, s);
    else await showRows(q, s);
  } catch (e) {
    showError(e);
    return;
  }
  section.removeAttribute("aria-busy");
  if (announce) status.focus();
}

async function showGraph(q, s) {
  const { text, ms } = await graph(q.id, s.params);
  chart?.dispose();
  chart = null;
  status.textContent = t("results.graph", ms);
  const save = el("button", { type: "button", "data-download": "turtle", text: t("download.turtle") });
  save.addEventListener("click", () => saveFile(new Blob([text], { type: "text/turtle" }), `${q.id}.ttl`));
  result.replaceChildren(el("div", { class: "downloads" }, save),
    el("pre", { class: "turtle", tabindex: "0", "aria-label": t("results.turtle") }, el("code", { text })));
  result.hidden = false;
}

async function showRows(q, s) {
  const { json, total, ms } = await select(q.id, s.params, { limit: PAGE_SIZE, offset: (s.page - 1) * PAGE_SIZE, sort: s.sort });
  if (json.boolean !== undefined) {
    status.textContent = t("results.ask", json.boolean ? t("yes") : t("no"), ms);
    result.replaceChildren();
    return;
  }
  status.textContent = summary(total, ms);
  const rows = json.results.bindings;
  const caption = q.title[lang];
  const tablePanel = el("div", { class: "panel", id: "panel-table" },
    downloads(q, s.params, s.sort, total),
    table(q, rows, caption, s.sort, sort => rerun({ ...state, sort, page: 1 })),
    pager(s.page, total, page => rerun({ ...state, page }, true)));

  const withChart = q.view.type !== "table" && q.view.type !== "rdf" && total > 0;
  if (!withChart) {
    chart?.dispose();
    chart = null;
    result.replaceChildren(tablePanel);
    result.hidden = false;
    return;
  }
  const chartPanel = el("div", { class: "panel", id: "panel-chart" });
  const tabs = el("div", { class: "tabs", role: "tablist", "aria-label": t("tabs.label") },
    el("button", { type: "button", role: "tab", id: "tab-chart", "aria-controls": "panel-chart", text: t("tabs.chart") }),
    el("button", { type: "button", role: "tab", id: "tab-table", "aria-controls": "panel-table", text: t("tabs.table") }));
  chartPanel.setAttribute("role", "tabpanel");
  chartPanel.setAttribute("aria-labelledby", "tab-chart");
  tablePanel.setAttribute("role", "tabpanel");
  tablePanel.setAttribute("aria-labelledby", "tab-table");
  result.replaceChildren(tabs, chartPanel, tablePanel);
  result.hidden = false;

  const showTab = view => {
    const isTable = view === "table";
    for (const [tab, panel, on] of [[tabs.children[0], chartPanel, !isTable], [tabs.children[1], tablePanel, isTable]]) {
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      panel.hidden = !on;
    }
    if (!isTable) chart?.resize();
  };
  [...tabs.children].forEach((tab, i) => {
    tab.addEventListener("click", () => { showTab(i ? "table" : ""); remember({ ...state, view: i ? "table" : "" }, true); });
    tab.addEventListener("keydown", e => {
      if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
      const other = tabs.children[1 - i];
      other.focus();
      other.click();
    });
  });
  showTab(s.view);

  // the chart shows every row, not only this page
  const key = q.id + "?" + s.params;
  if (chartRows?.key !== key) {
    const all = total <= rows.length ? rows
      : (await select(q.id, s.params, { limit: Math.min(total, MAX_ROWS) })).json.results.bindings;
    chartRows = { key, rows: all };
  }
  chart?.dispose();
  const { drawChart } = await import("./charts.js");
  chart = drawChart(chartPanel, q, chartRows.rows, q.title[lang]);
  if (s.view === "table") chartPanel.hidden = true;
}

function rerun(next, scroll = false) {
  remember(next);
  execute(current.query, next, { announce: false }).then(() => {
    if (scroll) result.scrollIntoView({ block: "start" });
  });
}

form.addEventListener("submit", e => {
  e.preventDefault();
  const params = current.form.read();
  if (!params) return;
  const next = { query: current.query.id, params, sort: state.query === current.query.id ? state.sort : "", page: 1, view: state.view };
  remember(next);
  execute(current.query, next, { announce: true });
});

$("[data-open-editor]").addEventListener("click", async () => {
  const params = current.form.read();
  if (!params) return;
  try {
    const text = await sparql(current.query.id, params);
    document.getElementById("editeur").scrollIntoView({ block: "start" });
    await openInEditor(editorHost, current.query.title[lang], text);
    $("#editor-title").focus({ preventScroll: true });
  } catch (e) {
    showError(e);
  }
});

$("[data-back-to-gallery]").addEventListener("click", () => {
  remember({ query: null, params: new URLSearchParams(), sort: "", page: 1, view: "" });
  section.hidden = true;
});

window.addEventListener("popstate", () => {
  state = stateFromUrl();
  followLanguageSwitch();
  const q = catalogue.find(c => c.id === state.query);
  if (q) show(q, state, { focus: false });
  else { section.hidden = true; clearResult(); }
});

let resizing;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => chart?.resize(), 200);
});

// ---- the editor: loaded when asked for, or when its section comes into view -------------------------------------

function loadEditor() {
  $("[data-load-editor]")?.parentElement.remove();
  return editor(editorHost).then(y => { $("[data-new-query]").hidden = false; return y; });
}
$("[data-new-query]").addEventListener("click", () => newTab(editorHost));
$("[data-load-editor]").addEventListener("click", () => loadEditor());
if (location.hash === "#editeur") loadEditor().then(() => $("#editor-title").focus());
new IntersectionObserver((entries, observer) => {
  if (entries.some(e => e.isIntersecting)) { observer.disconnect(); loadEditor(); }
}, { rootMargin: "200px" }).observe(editorHost);
window.addEventListener("hashchange", () => { if (location.hash === "#editeur") loadEditor(); });

// ---- start ----------------------------------------------------------------------------------------------------

await loadTexts();
about($("[data-about]")).catch(e => $("[data-about]").replaceChildren(el("p", { class: "error", text: e.message })));
try {
  catalogue = await queries();
} catch (e) {
  $("[data-gallery-status]").textContent = e.message;
  throw e;
}
gallery();
const initial = catalogue.find(c => c.id === state.query);
if (initial) show(initial, state, { focus: false });
