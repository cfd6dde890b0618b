// The header's search box, on every page: as the person types, the resources whose names, descriptions or quotes
// contain the words (French full-text search, GET /api/search: accents and plurals ignored, the last word may be
// incomplete, exact names first) appear grouped by type; choosing one opens its page. Enter without a choice submits
// the form (GET /search?q=).
import { loadTexts, localHref } from "./page.js";
import { combobox } from "./combobox.js";
import { siteSearch } from "./api.js";

const input = document.getElementById("site-search-q");

const LIMIT = 10;

async function suggestions(text) {
  const found = await siteSearch(text, LIMIT);
  const groups = found.groups.map(g => ({
    label: g.typeLabel || "",
    values: g.hits.map(h => ({ value: h.iri, label: h.label })),
  }));
  return { groups, more: found.total >= LIMIT };
}

if (input) {
  await loadTexts();
  combobox(input, {
    search: suggestions,
    minLength: 2,
    onChoose: choice => { if (choice) location.href = localHref(choice.value); },
  });
}
