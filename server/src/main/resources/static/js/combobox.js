// A searchable list (the ARIA 1.2 combobox pattern with a grouped listbox): the person types part of a name, the
// matching values appear grouped, arrows move, Enter or a click chooses, Escape closes. Used by the query forms
// (a parameter's allowed values) and by the header's search box (resources of the graph).
import { el, t } from "./page.js";

let counter = 0;

/**
 * @param input    the text input to enhance (it keeps its <label>)
 * @param search   async (text) => {groups: [{label, values: [{value, label, href?}]}], more}
 * @param onChoose (choice or null) => void: null when the person edits the text after a choice
 */
export function combobox(input, { search, onChoose, minLength = 0 }) {
  const n = ++counter;
  const listbox = el("div", { role: "listbox", id: `cb-list-${n}`, class: "cb-list", hidden: true });
  const live = el("p", { class: "visually-hidden", "aria-live": "polite" });
  const wrapper = el("div", { class: "combobox" });
  input.replaceWith(wrapper);
  wrapper.append(input, listbox, live);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);
  input.setAttribute("autocomplete", "off");

  let options = [];
  let active = -1;
  let chosen = null;
  let timer;
  let asked = 0;

  function open() {
    if (!listbox.hidden) return;
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function activate(i) {
    options.forEach((o, j) => o.el.setAttribute("aria-selected", String(j === i)));
    active = i;
    if (i < 0) { input.removeAttribute("aria-activedescendant"); return; }
    input.setAttribute("aria-activedescendant", options[i].el.id);
    options[i].el.scrollIntoView({ block: "nearest" });
  }

  function choose(i) {
    const choice = options[i].choice;
    chosen = choice;
    input.value = choice.label;
    close();
    onChoose(choice);
  }

  function render(result) {
    listbox.replaceChildren();
    options = [];
    let g = 0;
    for (const group of result.groups) {
      let parent = listbox;
      if (group.label) {
        const labelId = `cb-${n}-g${g++}`;
        parent = el("div", { role: "group", "aria-labelledby": labelId });
        parent.append(el("div", { role: "presentation", id: labelId, class: "cb-group", text: group.label }));
        listbox.append(parent);
      }
      for (const choice of group.values) {
        const o = el("div", { role: "option", id: `cb-${n}-o${options.length}`, class: "cb-option", "aria-selected": "false", text: choice.label });
        const i = options.length;
        o.addEventListener("mousedown", e => e.preventDefault());   // keep the focus in the input
        o.addEventListener("click", () => choose(i));
        parent.append(o);
        options.push({ el: o, choice });
      }
    }
    if (!options.length) listbox.append(el("div", { class: "cb-note", text: t("combobox.none") }));
    if (result.more) listbox.append(el("div", { class: "cb-note", text: t("combobox.more") }));
    live.textContent = options.length ? t(result.more ? "combobox.countMore" : "combobox.count", options.length) : t("combobox.none");
    activate(-1);
  }

  async function load() {
    const text = input.value.trim();
    if (text.length < minLength) { close(); return; }
    const mine = ++asked;
    try {
      const result = await search(text);
      if (mine !== asked) return;          // a later keystroke already asked again
      render(result);
      open();
    } catch (e) {
      if (mine !== asked) return;
      listbox.replaceChildren(el("div", { class: "cb-note", text: e.message }));
      open();
    }
  }

  input.addEventListener("input", () => {
    if (chosen) { chosen = null; onChoose(null); }
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  });
  input.addEventListener("click", () => { if (listbox.hidden) load(); });
  input.addEventListener("blur", () => setTimeout(close, 150));
  input.addEventListener("keydown", e => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (listbox.hidden) { load(); return; }
      if (!options.length) return;
      const next = e.key === "ArrowDown" ? (active + 1) % options.length : (active <= 0 ? options.length - 1 : active - 1);
      activate(next);
    } else if (e.key === "Enter" && !listbox.hidden && active >= 0) {
      e.preventDefault();
      choose(active);
    } else if (e.key === "Escape") {
      if (!listbox.hidden) { e.preventDefault(); close(); }
      else if (input.value) { e.preventDefault(); input.value = ""; if (chosen) { chosen = null; onChoose(null); } }
    }
  });

  return {
    /** Shows a choice made elsewhere (a permalink), without asking the person. */
    set(choice) { chosen = choice; input.value = choice ? choice.label : ""; },
    chosen: () => chosen,
  };
}
