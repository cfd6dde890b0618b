// The page of prebuilt queries: reads the catalogue from /api/queries, builds a form per query from its
// parameters (allowed values become a list), runs it through the API and shows the rows as a table.
"use strict";
const BASE = "https://w3id.org/attractivite-autonomie/";

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

// A value as a table cell: our own IRIs link to their resource page on this server.
function cell(value) {
  const td = el("td");
  if (value && /^https?:\/\//.test(value)) {
    const href = value.startsWith(BASE) ? "/" + value.substring(BASE.length) : value;
    td.append(el("a", { href, text: value.startsWith(BASE) ? value.substring(BASE.length) : value }));
  } else {
    td.textContent = value ?? "";
  }
  return td;
}

function table(columns, rows) {
  const head = el("tr", {}, ...columns.map(c => el("th", { text: c })));
  const body = rows.map(r => el("tr", {}, ...columns.map(c => cell(r[c]))));
  return el("table", {}, el("thead", {}, head), el("tbody", {}, ...body));
}

async function showError(target, response) {
  let text = response.status + " " + response.statusText;
  try { const j = await response.json(); text = j.detail || j.title || text; } catch (e) { /* not JSON */ }
  target.replaceChildren(el("p", { class: "error", text }));
}

async function run(q, form) {
  const status = document.getElementById("status");
  const result = document.getElementById("result");
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (v !== "") params.append(k, v);
  status.textContent = "…";
  const response = await fetch("/api/queries/" + q.id + "?" + params, { headers: { Accept: "application/json" } });
  if (!response.ok) { status.textContent = ""; return showError(result, response); }
  if (q.form === "CONSTRUCT") {
    result.replaceChildren(el("pre", { text: await response.text() }));
    status.textContent = "";
    return;
  }
  const data = await response.json();
  status.textContent = data.total + " résultat(s)" + (data.total > data.rows.length ? ", " + data.rows.length + " affichés" : "");
  result.replaceChildren(table(data.columns, data.rows));
}

function select(q) {
  document.querySelectorAll(".queries button").forEach(b => b.classList.toggle("active", b.dataset.id === q.id));
  document.getElementById("run").hidden = false;
  document.getElementById("run-title").textContent = q.title.fr;
  document.getElementById("run-description").textContent = q.description;
  document.getElementById("result").replaceChildren();
  document.getElementById("status").textContent = "";
  const form = document.getElementById("params");
  form.replaceChildren();
  for (const p of q.parameters) {
    let input;
    if (p.allowedValues) {
      input = el("select", { name: p.name });
      if (!p.required) input.append(el("option", { value: "", text: "— tous —" }));
      for (const v of p.allowedValues) input.append(el("option", { value: v.value, text: v.label || v.value }));
    } else {
      input = el("input", { name: p.name, type: p.type === "integer" ? "number" : p.type === "date" ? "date" : "text" });
      if (p.default) input.value = p.default;
    }
    if (p.required) input.setAttribute("required", "");
    form.append(el("label", { title: p.description }, p.name + (p.required ? " *" : ""), input));
  }
  form.append(el("button", { type: "submit", text: "Lancer" }));
  form.onsubmit = ev => { ev.preventDefault(); run(q, form); };
}

async function catalogue() {
  const list = document.getElementById("queries");
  const response = await fetch("/api/queries");
  if (!response.ok) return showError(list, response);
  for (const q of await response.json()) {
    const b = el("button", { type: "button", "data-id": q.id, role: "listitem" }, q.title.fr, el("small", { text: q.tags.join(" · ") }));
    b.onclick = () => select(q);
    list.append(b);
  }
}

document.getElementById("sparql-form").onsubmit = async ev => {
  ev.preventDefault();
  const target = document.getElementById("sparql-result");
  const body = new URLSearchParams({ query: document.getElementById("sparql").value });
  const response = await fetch("/sparql", { method: "POST", body, headers: { Accept: "application/sparql-results+json" } });
  if (!response.ok) { target.replaceChildren(el("p", { class: "error", text: await response.text() })); return; }
  const json = await response.json();
  if (json.boolean !== undefined) { target.replaceChildren(el("p", { text: String(json.boolean) })); return; }
  const cols = json.head.vars;
  const rows = json.results.bindings.map(b => Object.fromEntries(cols.map(c => [c, b[c] ? b[c].value : ""])));
  target.replaceChildren(table(cols, rows));
};

catalogue();
