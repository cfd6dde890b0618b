// The canned-query API as the page uses it (GET /api/queries…). Every failure becomes an ApiError whose message
// is the server's own explanation (problem details), so the page can show it as it is.
import { lang, t } from "./page.js";

export class ApiError extends Error {}

async function fail(response) {
  let detail = response.status + " " + response.statusText;
  try {
    const body = await response.json();
    detail = body.detail || body.title || detail;
  } catch (e) { /* not JSON */ }
  throw new ApiError(t("error.api", detail));
}

async function get(url, accept = "application/json") {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: accept } });
  } catch (e) {
    throw new ApiError(t("error.network"));
  }
  if (!response.ok) await fail(response);
  return response;
}

let catalogue;

/** The catalogue, fetched once: [{id, title:{fr,en}, description, theme, parameters, columns, view, form…}]. */
export async function queries() {
  catalogue ??= get("/api/queries").then(r => r.json());
  return catalogue;
}

/**
 * The site's search (French full-text, exact names first), for the header's box:
 * {query, total, groups:[{type, typeLabel, hits:[{iri, href, label, match, exact}]}]}.
 */
export async function siteSearch(text, limit) {
  const p = new URLSearchParams({ q: text, limit: String(limit), lang });
  return (await get(`/api/search?${p}`)).json();
}

/** Allowed values of a parameter containing a text: {groups:[{group, label, values:[{value, label}]}], more}. */
export async function values(queryId, param, text, value) {
  const p = new URLSearchParams({ lang, limit: "50" });
  if (text) p.set("q", text);
  if (value) p.set("value", value);
  const r = await get(`/api/queries/${encodeURIComponent(queryId)}/parameters/${encodeURIComponent(param)}/values?${p}`);
  return r.json();
}

/** The query string of a run: its parameters (URLSearchParams or entries) plus paging or sort. */
export function runParams(params, extra = {}) {
  const p = new URLSearchParams(params);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  return p;
}

/**
 * One page of a SELECT or an ASK, as SPARQL JSON, with the total number of rows (X-Total-Count) and the time the
 * request took, as the person waited for it.
 */
export async function select(queryId, params, { limit, offset = 0, sort } = {}) {
  const started = performance.now();
  const r = await get(`/api/queries/${encodeURIComponent(queryId)}?${runParams(params, { limit, offset, sort })}`,
    "application/sparql-results+json");
  const json = await r.json();
  const ms = Math.round(performance.now() - started);
  const total = Number(r.headers.get("X-Total-Count") ?? (json.results ? json.results.bindings.length : 0));
  return { json, total, ms };
}

/** A CONSTRUCT or DESCRIBE result as Turtle. */
export async function graph(queryId, params) {
  const started = performance.now();
  const r = await get(`/api/queries/${encodeURIComponent(queryId)}?${runParams(params)}`, "text/turtle");
  const text = await r.text();
  return { text, ms: Math.round(performance.now() - started) };
}

/** The SPARQL of a run, parameters bound, for the editor. */
export async function sparql(queryId, params) {
  const r = await get(`/api/queries/${encodeURIComponent(queryId)}/sparql?${runParams(params)}`, "application/sparql-query");
  return r.text();
}
