// What every script of the site shares: the page's language and its texts (messages*.properties, keys js.*),
// the public base IRI (from the layout's <meta>), element building, and how values are written for a reader.

/** "fr" or "en", as the server rendered the page (?lang=en). */
export const lang = document.documentElement.lang === "en" ? "en" : "fr";

/** The public base IRI of resources, from the layout — never written in the scripts. */
export const baseIri = document.querySelector('meta[name="aam-base-iri"]')?.content ?? "";

let texts = {};
let loading;

/** Loads the page texts (once, whoever asks); every other function may then call t(). */
export function loadTexts() {
  loading ??= fetch("/page-texts?lang=" + lang).then(r => (r.ok ? r.json() : {})).then(j => { texts = j; });
  return loading;
}

/** The text of a key ("results.other"), {0}, {1}… replaced by the arguments. */
export function t(key, ...args) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] ?? ""));
}

/** Builds an element: el("a", {href: "/x", text: "X", class: "c"}, child…). No inline style, no inline handler. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (v === true) e.setAttribute(k, "");
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** The link of this server for an IRI: our own resources resolve here (/id/…, /def…), others stay as they are. */
export function localHref(iri) {
  if (baseIri && iri.startsWith(baseIri)) {
    const path = "/" + iri.substring(baseIri.length);
    if (lang !== "en") return path;
    const hash = path.indexOf("#");
    const [p, h] = hash < 0 ? [path, ""] : [path.substring(0, hash), path.substring(hash)];
    return p + (p.includes("?") ? "&" : "?") + "lang=en" + h;
  }
  return iri;
}

/** A web address as a reader reads it: host and path, without the scheme. */
export function shortUrl(iri) {
  return iri.replace(/^https?:\/\//, "").replace(/\/$/, "");
}

const XSD = "http://www.w3.org/2001/XMLSchema#";
const locale = lang === "en" ? "en-GB" : "fr-FR";
const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

/** A number written for the reader (400 000, 4,5). */
export function formatNumber(n) { return numberFormat.format(n); }

/**
 * A SPARQL JSON term as a reader reads it: numbers with the locale's separators, dates spelled out, booleans as
 * oui/non; other literals as they are. (IRIs are handled by the caller: they become links.)
 */
export function formatTerm(term) {
  if (!term) return "";
  const v = term.value;
  switch (term.datatype) {
    case XSD + "integer": case XSD + "decimal": case XSD + "double": case XSD + "float": case XSD + "long": case XSD + "int":
      return Number.isFinite(Number(v)) ? formatNumber(Number(v)) : v;
    case XSD + "boolean":
      return v === "true" || v === "1" ? t("yes") : t("no");
    case XSD + "date": {
      const d = new Date(v + "T00:00:00Z");
      return isNaN(d) ? v : d.toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    }
    case XSD + "gYearMonth": {
      const d = new Date(v + "-01T00:00:00Z");
      return isNaN(d) ? v : d.toLocaleDateString(locale, { month: "long", year: "numeric", timeZone: "UTC" });
    }
    default:
      return v;
  }
}

/** A file the browser saves (CSV, PNG, SVG…), from a Blob. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name, class: "visually-hidden" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
