// The header's search box, on every page: as the person types, the resources whose label contains the text
// appear grouped by type; choosing one opens its page. Enter without a choice submits the form (GET /search?q=).
// Until the full-text search API exists, the suggestions come from the canned query "search" (labels, ignoring
// case and accents).
import { loadTexts, localHref } from "./page.js";
import { combobox } from "./combobox.js";
import { select } from "./api.js";

const input = document.getElementById("site-search-q");

async function suggestions(text) {
  const { json, total } = await select("search", { text }, { limit: 10 });
  const groups = new Map();
  for (const row of json.results.bindings) {
    const type = row.types?.value || "";
    if (!groups.has(type)) groups.set(type, { label: type, values: [] });
    groups.get(type).values.push({ value: row.resource.value, label: row.label.value });
  }
  return { groups: [...groups.values()], more: total > json.results.bindings.length };
}

if (input) {
  await loadTexts();
  combobox(input, {
    search: suggestions,
    minLength: 2,
    onChoose: choice => { if (choice) location.href = localHref(choice.value); },
  });
}
