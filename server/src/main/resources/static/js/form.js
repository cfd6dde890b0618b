// The form of a canned query: one field per parameter, labelled and explained in the page's language. IRI
// parameters restricted to a class get a searchable combobox (their values are searched on the server, grouped);
// the others a text, number or date input. A required parameter has no silent default: the form says what is
// missing and puts the focus on it.
import { el, lang, t } from "./page.js";
import { combobox } from "./combobox.js";
import { values } from "./api.js";

/**
 * Builds the fields of {@code query} into {@code container}, filled from {@code initial} (URLSearchParams of a
 * permalink). Returns {read(): URLSearchParams | null (null: a field is invalid, its error shown and focused)}.
 */
export function buildForm(query, container, initial) {
  container.replaceChildren();
  const readers = [];
  for (const p of query.parameters) {
    const id = `param-${p.name}`;
    const helpId = `${id}-help`;
    const errorId = `${id}-error`;
    const label = el("label", { for: id }, p.label[lang], p.required ? el("span", { class: "required", text: " " + t("form.required") }) : null);
    const helpText = p.help[lang].replace(/([^.!?…])$/, "$1.");
    const help = el("p", { id: helpId, class: "help", text: helpText + (p.required ? "" : " " + t("form.optional")) });
    const error = el("p", { id: errorId, class: "field-error", hidden: true });
    const field = el("div", { class: "field" }, label);
    const start = initial.get(p.name) ?? p.default ?? "";
    let input;
    let read;
    if (p.valuesOf) {
      input = el("input", { id, type: "text", "aria-describedby": `${helpId} ${errorId}`, placeholder: p.required ? t("form.choose") : t("form.all") });
      field.append(input, help, error);
      const box = combobox(input, {
        search: text => values(query.id, p.name, text),
        onChoose: () => hideError(),
      });
      if (start) {
        // a permalink holds the IRI: its label is asked of the server
        box.set({ value: start, label: start });
        values(query.id, p.name, "", start).then(r => {
          const found = r.groups.flatMap(g => g.values)[0];
          if (found && box.chosen()?.value === start) box.set(found);
        }).catch(() => { /* the run will say what is wrong */ });
      }
      read = () => {
        const choice = box.chosen();
        if (choice) return choice.value;
        if (input.value.trim()) return invalid(t("form.pickFromList"));
        return p.required ? invalid(t("form.missing")) : "";
      };
    } else {
      const type = p.type === "integer" ? "number" : p.type === "date" ? "date" : "search";
      input = el("input", { id, name: p.name, type, "aria-describedby": `${helpId} ${errorId}`, value: start });
      field.append(input, help, error);
      input.addEventListener("input", () => hideError());
      read = () => {
        const v = input.value.trim();
        if (!v && p.required) return invalid(t("form.missing"));
        return v;
      };
    }
    function invalid(message) {
      error.textContent = message;
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      return undefined;
    }
    function hideError() {
      error.hidden = true;
      input.removeAttribute("aria-invalid");
    }
    container.append(field);
    readers.push({ name: p.name, read, input });
  }
  if (!query.parameters.length) container.append(el("p", { class: "help", text: t("form.noParameters") }));

  return {
    read() {
      const params = new URLSearchParams();
      let firstInvalid = null;
      for (const r of readers) {
        const v = r.read();
        if (v === undefined) firstInvalid ??= r.input;
        else if (v !== "") params.set(r.name, v);
      }
      if (firstInvalid) { firstInvalid.focus(); return null; }
      return params;
    },
    /** Whether the form can run as it is (no required parameter left empty), to run a query as soon as chosen. */
    complete: () => query.parameters.every(p => !p.required || initial.get(p.name) || p.default),
    first: () => readers[0]?.input ?? null,
  };
}
