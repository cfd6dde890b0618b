// The "À propos" panel: what the dataset is, its sources with their dates and links, its size, its SPARQL endpoint,
// its licence and how to cite it — all read from the data (data/dataset.ttl, data/sources.ttl) through the canned
// queries "dataset" and "sources", so the page never repeats a fact the graph holds.
import { el, formatTerm, lang, localHref, shortUrl, t } from "./page.js";
import { select } from "./api.js";

const v = (row, name) => row?.[name]?.value ?? "";

export async function about(container) {
  const [{ json: ds }, { json: src }] = await Promise.all([select("dataset", {}), select("sources", {})]);
  const rows = ds.results.bindings;
  const row = rows.find(r => v(r, "language") === lang) ?? rows[0];
  if (!row) { container.replaceChildren(el("p", { text: t("about.missing") })); return; }
  const link = (iri, text) => el("a", { href: localHref(iri), text: text ?? shortUrl(iri) });

  const sources = el("ul", { class: "sources" }, ...src.results.bindings.map(s => el("li", {},
    link(v(s, "document"), v(s, "title")),
    ` — ${v(s, "creators")}, ${formatTerm(s.issued)}`,
    s.page ? el("span", {}, " — ", el("a", { href: v(s, "page"), text: t("about.online") })) : null)));
  const local = new URL("/sparql", location.href).href;
  const licence = row.license ? link(v(row, "license"), v(row, "licenseLabel") || undefined) : t("about.noLicence");
  const today = new Date().toLocaleDateString(lang === "en" ? "en-GB" : "fr-FR", { day: "numeric", month: "long", year: "numeric" });
  const citation = v(row, "citation") || t("about.cite", v(row, "title"), v(row, "dataset"),
    v(row, "licenseLabel") || shortUrl(v(row, "license")), today);

  const item = (term, ...desc) => [el("dt", { text: term }), el("dd", {}, ...desc)];
  container.replaceChildren(
    el("p", { class: "description", text: v(row, "description") }),
    el("dl", { class: "facts" },
      ...item(t("about.sources", formatTerm(row.sources)), sources),
      ...item(t("about.size"), t("about.triples", formatTerm(row.triples))),
      ...item(t("about.endpoint"), el("code", { text: v(row, "endpoint") }), " ", t("about.endpointHere"), " ",
        el("code", { text: local }), " — ", el("a", { href: "#editeur", text: t("about.editor") })),
      ...(row.dump ? item(t("about.download"), link(v(row, "dump"), t("about.dump"))) : []),
      ...item(t("about.licence"), licence),
      ...item(t("about.citeTitle"), el("q", { class: "citation", text: citation })),
      ...item(t("about.more"), link(v(row, "dataset"), t("about.description")))));
}
