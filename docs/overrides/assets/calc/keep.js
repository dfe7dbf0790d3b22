// @ts-check
// Saved scenarios, the page side: the "saved scenarios" panel under a calculator (the build
// writes its skeleton, generate_calculators.keep_html). Save the inputs on screen under a name,
// list, open, rename, delete, export to a file and import from one. Everything stays in this
// browser (localStorage); the records and their format are scenarios.js.
import * as Saved from "./scenarios.js";

/**
 * What the calculator lends the panel: the inputs on screen, and a way to put saved inputs back
 * on screen and compute them (false when none of them fits this page's form).
 * @typedef {{inputs: () => Record<string, string>, open: (inputs: Record<string, string>) => boolean}} Hooks
 */

/** @param {HTMLElement} root */
const words = (root) => JSON.parse(root.dataset.words);

/** @param {string} text @param {Record<string, string | number>} values */
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));

/** localStorage, or null where the browser refuses it (private modes, storage off). */
function storage() {
  try {
    const probe = "yibao-probe";
    localStorage.setItem(probe, "1");
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return null;
  }
}

/** "2026-12-03 09:05" in the reader's own time zone. */
function when(iso) {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return "";
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [props]
 * @param {(Node | string)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** @param {HTMLElement} panel @param {string} text @param {HTMLElement | null} [action] */
function status(panel, text, action = null) {
  const box = /** @type {HTMLElement} */ (panel.querySelector(".yb-keep-status"));
  box.replaceChildren(...(action ? [text, " ", action] : [text]));
}

/** @param {HTMLElement} error @param {string} text @param {HTMLInputElement | null} [input] */
function fieldError(error, text, input = null) {
  error.textContent = text;
  error.hidden = !text;
  if (input) {
    if (text) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
}

/**
 * Bind the panel of one calculator; returns the cleanup for the next page view.
 * @param {HTMLElement} root the calculator ([data-yibao-calculator])
 * @param {Hooks} hooks
 * @returns {() => void}
 */
export function bindKeep(root, hooks) {
  const panel = /** @type {HTMLElement | null} */ (root.querySelector(".yb-keep"));
  if (!panel) return () => {};
  const w = words(root);
  const page = root.dataset.page;
  const store = storage();
  panel.hidden = false;
  if (!store) {
    panel.querySelector(".yb-keep-body").replaceChildren(el("p", { className: "yb-error", textContent: w.keep_unavailable }));
    return () => {};
  }
  const nameInput = /** @type {HTMLInputElement} */ (panel.querySelector(".yb-keep-name"));
  const nameError = /** @type {HTMLElement} */ (panel.querySelector(".yb-keep-name-error"));
  const importError = /** @type {HTMLElement} */ (panel.querySelector(".yb-keep-import-error"));
  const fileInput = /** @type {HTMLInputElement} */ (panel.querySelector(".yb-keep-file"));
  const nameLabel = panel.querySelector(`label[for="${nameInput.id}"]`).textContent.trim();

  let renames = 0; // each rename field gets an id of its own
  const read = () => Saved.load(store);
  /** @param {{scenarios: Saved.Scenario[], newer: any[]}} kept */
  const write = (kept) => { Saved.store(store, kept); render(); };

  function render() {
    const own = read().scenarios.filter((s) => s.calculator === page);
    const list = panel.querySelector(".yb-keep-list");
    list.replaceChildren(...own.map(item));
    /** @type {HTMLElement} */ (panel.querySelector(".yb-keep-empty")).hidden = own.length > 0;
  }

  /** @param {Saved.Scenario} one */
  function item(one) {
    const button = (cls, text) => {
      const b = el("button", { type: "button", className: "md-button " + cls, textContent: text });
      b.setAttribute("aria-label", text + " " + one.name);
      b.dataset.name = one.name;
      return b;
    };
    const label = el("span", { className: "yb-keep-label" }, [
      el("strong", { textContent: one.name }),
      " ",
      el("span", { className: "yb-keep-when", textContent: one.saved ? fill(w.keep_saved_on, { t: when(one.saved) }) : "" }),
    ]);
    const buttons = el("span", { className: "yb-keep-buttons" }, [
      button("yb-keep-open", w.keep_open),
      button("yb-keep-rename", w.keep_rename),
      button("yb-keep-delete", w.keep_delete),
    ]);
    return el("li", { className: "yb-keep-item" }, [label, buttons]);
  }

  function save() {
    const kept = read();
    const problem = Saved.nameProblem(kept.scenarios, page, nameInput.value);
    if (problem) {
      fieldError(nameError, nameLabel + w.colon + w[problem], nameInput);
      nameInput.focus();
      return;
    }
    fieldError(nameError, "", nameInput);
    const one = Saved.scenario(page, nameInput.value, hooks.inputs(), new Date());
    write({ ...kept, scenarios: [...kept.scenarios, one] });
    nameInput.value = "";
    status(panel, fill(w.keep_saved, { name: one.name }));
  }

  /** @param {string} name */
  function open(name) {
    const one = Saved.find(read().scenarios, page, name);
    if (!one) return render();
    status(panel, fill(hooks.open(one.inputs) ? w.keep_opened : w.keep_open_failed, { name }));
  }

  /** @param {string} name */
  function remove(name) {
    const kept = read();
    const gone = Saved.find(kept.scenarios, page, name);
    if (!gone) return render();
    write({ ...kept, scenarios: kept.scenarios.filter((s) => s !== gone) });
    const undo = el("button", { type: "button", className: "md-button yb-keep-undo", textContent: w.keep_undo });
    undo.addEventListener("click", () => {
      const now = read();
      // Put back unless the name was taken meanwhile (then the undo would overwrite it).
      if (!Saved.find(now.scenarios, page, gone.name)) write({ ...now, scenarios: [...now.scenarios, gone] });
      status(panel, fill(w.keep_restored, { name: gone.name }));
    });
    status(panel, fill(w.keep_deleted, { name }), undo);
    undo.focus();
  }

  /** The item's name becomes a text field with OK and Cancel. @param {HTMLElement} li @param {string} name */
  function startRename(li, name) {
    renames += 1;
    const ident = "keep-rename-" + page + "-" + renames;
    const input = el("input", { type: "text", id: ident, value: name, autocomplete: "off" });
    input.setAttribute("aria-describedby", "e-" + ident);
    const error = el("p", { className: "yb-error", id: "e-" + ident, hidden: true });
    const ok = el("button", { type: "button", className: "md-button md-button--primary", textContent: w.keep_confirm });
    const cancel = el("button", { type: "button", className: "md-button", textContent: w.keep_cancel });
    const finish = () => {
      const kept = read();
      const one = Saved.find(kept.scenarios, page, name);
      const next = input.value.trim();
      if (!one || next === name) return render();
      const problem = Saved.nameProblem(kept.scenarios, page, next);
      if (problem) {
        fieldError(error, w.keep_new_name + w.colon + w[problem], input);
        input.focus();
        return;
      }
      write({ ...kept, scenarios: kept.scenarios.map((s) => (s === one ? { ...s, name: next } : s)) });
      status(panel, fill(w.keep_renamed, { name: next }));
    };
    ok.addEventListener("click", finish);
    cancel.addEventListener("click", render);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") { event.preventDefault(); finish(); }
      if (event.key === "Escape") render();
    });
    li.replaceChildren(
      el("div", { className: "yb-field" }, [el("label", { htmlFor: ident, textContent: w.keep_new_name }), input, error]),
      el("span", { className: "yb-keep-buttons" }, [ok, cancel]),
    );
    input.focus();
    input.select();
  }

  function exportFile() {
    const { scenarios } = read();
    if (!scenarios.length) return status(panel, w.keep_nothing_to_export);
    const now = new Date();
    const file = "yibao-scenarios-" + when(now.toISOString()).slice(0, 10) + ".json";
    const href = URL.createObjectURL(new Blob([Saved.exportText(scenarios, now)], { type: "application/json" }));
    const link = el("a", { href, download: file });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10000);
    status(panel, fill(w.keep_exported, { file, n: scenarios.length }));
  }

  async function importFile() {
    const file = fileInput.files?.[0];
    fileInput.value = ""; // the same file may be chosen again
    if (!file) return;
    fieldError(importError, "");
    // A file too large to be ours is not read at all (parseImport refuses the empty text).
    const parsed = Saved.parseImport(file.size > Saved.MAX_FILE_CHARS ? "" : await file.text());
    if ("error" in parsed) {
      fieldError(importError, w[parsed.error]);
      status(panel, "");
      return;
    }
    const kept = read();
    const merged = Saved.merge(kept.scenarios, parsed.scenarios, w.imported_suffix);
    write({ ...kept, scenarios: merged.scenarios });
    const other = merged.added.filter((s) => s.calculator !== page).length;
    const parts = [fill(w.import_done, { added: merged.added.length })];
    if (merged.same) parts.push(fill(w.import_same, { n: merged.same }));
    if (merged.renamed) parts.push(fill(w.import_renamed, { n: merged.renamed, suffix: w.imported_suffix.trim() }));
    if (other) parts.push(fill(w.import_other, { n: other }));
    if (parsed.unusable) parts.push(fill(w.import_unusable, { n: parsed.unusable }));
    status(panel, parts.join(" "));
  }

  const onClick = (event) => {
    const target = /** @type {HTMLElement} */ (event.target).closest("button");
    if (!target || !panel.contains(target)) return;
    const name = target.dataset.name;
    if (target.classList.contains("yb-keep-add")) save();
    else if (target.classList.contains("yb-keep-export")) exportFile();
    else if (target.classList.contains("yb-keep-import")) fileInput.click();
    else if (target.classList.contains("yb-keep-open")) open(name);
    else if (target.classList.contains("yb-keep-delete")) remove(name);
    else if (target.classList.contains("yb-keep-rename")) startRename(target.closest("li"), name);
  };
  const onKey = (event) => { if (event.key === "Enter") { event.preventDefault(); save(); } };
  const onFile = () => { importFile(); };
  // Another tab of the site saved or deleted something.
  const onStorage = (event) => { if (event.key === Saved.KEY) render(); };
  panel.addEventListener("click", onClick);
  nameInput.addEventListener("keydown", onKey);
  fileInput.addEventListener("change", onFile);
  window.addEventListener("storage", onStorage);
  render();
  return () => {
    panel.removeEventListener("click", onClick);
    nameInput.removeEventListener("keydown", onKey);
    fileInput.removeEventListener("change", onFile);
    window.removeEventListener("storage", onStorage);
  };
}
