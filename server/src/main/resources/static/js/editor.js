// The SPARQL editor of the home page (#editeur): YASGUI (Zazuko's maintained fork), served by this application
// (static/vendor/), loaded when first needed, against this server's /sparql, with the data's prefixes preloaded
// (GET /api/prefixes). Remote look-ups are switched off (no prefix.cc, no LOV, no other endpoints): nothing leaves
// the site.
import { el, loadTexts, t } from "./page.js";

let loading;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = el("script", { src });
    s.addEventListener("load", resolve);
    s.addEventListener("error", () => reject(new Error(src)));
    document.head.append(s);
  });
}

async function start(host) {
  document.head.append(el("link", { rel: "stylesheet", href: "/vendor/yasgui/yasgui.min.css" }));
  const [prefixes] = await Promise.all([
    fetch("/api/prefixes").then(r => (r.ok ? r.json() : {})),
    loadTexts(),
    window.Yasgui ? null : loadScript("/vendor/yasgui/yasgui.min.js"),
  ]);
  const Yasgui = window.Yasgui;
  const endpoint = new URL("/sparql", location.href).href;
  const prefixLines = Object.entries(prefixes).sort(([a], [b]) => a.localeCompare(b))
    .map(([p, ns]) => `PREFIX ${p}: <${ns}>`).join("\n");
  const example = t("editor.example");
  host.replaceChildren();
  const yasgui = new Yasgui(host, {
    requestConfig: {
      endpoint,
      method: "POST",
      acceptHeaderSelect: "application/sparql-results+json",
      acceptHeaderGraph: "text/turtle",
    },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint }], keys: [] },
    populateFromUrl: false,
    persistenceId: "aam-editor",
    autofocus: false,
    tabName: t("editor.tab"),
    yasqe: {
      value: `${prefixLines}\n\n${example}\n`,
      autocompleters: ["variables"],     // no class/property/prefix look-ups on remote services
      prefixCcApi: null,
      collapsePrefixesOnLoad: true,
      resizeable: true,
      editorHeight: "320px",
      screenReaderLabel: t("editor.sparqlLabel"),
    },
    yasr: {
      pluginOrder: ["table", "response"],
      defaultPlugin: "table",
      prefixes,
    },
  });
  labelControls(host);
  new MutationObserver(() => labelControls(host)).observe(host, { childList: true, subtree: true });
  return yasgui;
}

/**
 * Names the controls YASGUI leaves without one (WCAG: every control has an accessible name), as it creates them:
 * the endpoint field, the page-size list of the result table, the code editor's scroll area (reachable by keyboard).
 */
function labelControls(host) {
  const name = (selector, text) => host.querySelectorAll(selector).forEach(e => {
    if (!e.hasAttribute("aria-label")) e.setAttribute("aria-label", text);
  });
  name("input.autocomplete", t("editor.endpoint"));
  name("select.tableSizer", t("editor.pageSize"));
  name(".tabsList .tab input[type=text]", t("editor.tabName"));
  // a button among the tabs breaks the tab list for assistive technologies: it is hidden from them, and the page's
  // own "new query" button (outside the list) does the same
  host.querySelectorAll(".tabsList .addTab:not([aria-hidden])").forEach(e => {
    e.setAttribute("aria-hidden", "true");
    e.setAttribute("tabindex", "-1");
  });
  // CodeMirror makes its scroll area unfocusable (tabindex -1): keyboard users could not scroll a long query
  host.querySelectorAll('.CodeMirror-scroll[tabindex="-1"]').forEach(e => e.setAttribute("tabindex", "0"));
}

/** YASGUI in {@code host}, started once. */
export function editor(host) {
  loading ??= start(host).catch(e => {
    loading = null;
    host.replaceChildren(el("p", { class: "error", role: "alert", text: t("editor.failed", e.message) }));
    throw e;
  });
  return loading;
}

/** A new tab with the default query (the data's prefixes and an example). */
export async function newTab(host) {
  const yasgui = await editor(host);
  yasgui.addTab(true);
}

/** Opens {@code sparql} in a new tab of the editor named {@code name}, ready to run. */
export async function openInEditor(host, name, sparql) {
  const yasgui = await editor(host);
  const tab = yasgui.addTab(true, { name, yasqe: { value: sparql } });
  tab.show();
  tab.setQuery(sparql);
  return tab;
}
