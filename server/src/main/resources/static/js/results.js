// The result of a canned query: a table with the query's column labels (a label links to its resource page, the
// IRI columns it links to are not shown), sortable by column and paged by the API (limit/offset, X-Total-Count),
// with downloads (CSV that Excel opens, JSON), and, when the query declares a view, its chart one tab away.
import { el, formatTerm, lang, localHref, saveFile, shortUrl, t } from "./page.js";
import { runParams, select } from "./api.js";

export const PAGE_SIZE = 50;
/** The API's largest page (aam.max-page-size): downloads and charts read at most this many rows. */
export const MAX_ROWS = 10000;

/** The cell of a column: a label linking to its resource page, a link for an IRI, else the formatted value. */
function cell(query, column, row) {
  const term = row[column.name];
  const td = el("td");
  if (!term) return td;
  const target = column.link ? row[column.link] : term.type === "uri" ? term : null;
  if (target && target.type === "uri") {
    const text = column.link ? formatTerm(term) : shortUrl(term.value);
    td.append(el("a", { href: localHref(target.value), text }));
  } else {
    td.textContent = formatTerm(term);
  }
  if (term.value.length > 120) td.classList.add("long");
  return td;
}

/**
 * The table of one page of rows, with sort buttons in the headers.
 * @param sort    the current sort ("column" or "-column"), or ""
 * @param onSort  (sort) => void
 */
export function table(query, rows, caption, sort, onSort) {
  const shown = query.columns.filter(c => !c.hidden);
  const headers = shown.map(c => {
    const state = sort === c.name ? "ascending" : sort === "-" + c.name ? "descending" : null;
    const next = state === "ascending" ? "-" + c.name : c.name;
    const button = el("button", { type: "button", class: "sort", "data-sort": c.name,
      title: t(state === "ascending" ? "table.sortDescending" : "table.sortAscending", c.label[lang]) },
      c.label[lang], el("span", { class: "sort-mark", "aria-hidden": "true", text: state === "ascending" ? " ▲" : state === "descending" ? " ▼" : " ↕" }));
    button.addEventListener("click", () => onSort(next));
    return el("th", { scope: "col", "aria-sort": state ?? undefined }, button);
  });
  // each cell names its column (data-label): on a phone, the rows are shown as cards, one line per column
  const body = rows.map(r => el("tr", {}, ...shown.map(c => {
    const td = cell(query, c, r);
    td.dataset.label = c.label[lang];
    return td;
  })));
  return el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": caption },
    el("table", { class: "results" },
      el("caption", { class: "visually-hidden", text: caption }),
      el("thead", {}, el("tr", { "data-sort-label": t("table.sortBy") }, ...headers)),
      el("tbody", {}, ...body)));
}

/** Previous / page N of M / next. */
export function pager(page, total, onPage) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  const prev = el("button", { type: "button", "data-page": "prev", text: t("pager.previous"), disabled: page <= 1 });
  const next = el("button", { type: "button", "data-page": "next", text: t("pager.next"), disabled: page >= pages });
  prev.addEventListener("click", () => onPage(page - 1));
  next.addEventListener("click", () => onPage(page + 1));
  return el("nav", { class: "pager", "aria-label": t("pager.label") }, prev,
    el("span", { class: "pager-position", text: t("pager.position", page, pages) }), next);
}

/** "N résultats en X ms". */
export function summary(total, ms) {
  if (total === 0) return t("results.none", ms);
  return t(total === 1 ? "results.one" : "results.other", new Intl.NumberFormat(lang === "en" ? "en-GB" : "fr-FR").format(total), ms);
}

/**
 * CSV for a spreadsheet: a UTF-8 byte order mark (so that Excel reads the accents), the column labels of the page's
 * language, every column (IRIs included, for those who link data), ";" between values in French (the separator a
 * French Excel expects; numbers with a decimal comma), "," in English.
 */
export function csv(query, rows) {
  const sep = lang === "en" ? "," : ";";
  const quote = v => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const value = term => {
    if (!term) return "";
    if (term.datatype?.endsWith("#boolean")) return formatTerm(term);
    if (lang !== "en" && /#(decimal|double|float)$/.test(term.datatype ?? "")) return term.value.replace(".", ",");
    return term.value;
  };
  const lines = [query.columns.map(c => quote(c.label[lang])).join(sep)];
  for (const row of rows) lines.push(query.columns.map(c => quote(value(row[c.name]))).join(sep));
  return new Blob(["\uFEFF" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
}

/** The download links of a result: CSV (built here from all rows) and the API's SPARQL JSON. */
export function downloads(query, params, sort, total) {
  const csvButton = el("button", { type: "button", "data-download": "csv", text: t("download.csv") });
  csvButton.addEventListener("click", async () => {
    csvButton.disabled = true;
    try {
      const { json } = await select(query.id, params, { limit: Math.min(Math.max(total, 1), MAX_ROWS), sort });
      saveFile(csv(query, json.results.bindings), `${query.id}.csv`);
    } finally {
      csvButton.disabled = false;
    }
  });
  const jsonLink = el("a", {
    href: `/api/queries/${encodeURIComponent(query.id)}?${runParams(params, { format: "json", limit: Math.min(Math.max(total, 1), MAX_ROWS), sort })}`,
    download: `${query.id}.json`, "data-download": "json", text: t("download.json"),
  });
  const note = total > MAX_ROWS ? el("span", { class: "hint", text: t("download.capped", MAX_ROWS) }) : null;
  return el("div", { class: "downloads" }, el("span", { text: t("download.label") }), csvButton, jsonLink, note);
}
