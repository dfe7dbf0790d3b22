// @ts-check
// The calculator widgets: each `[data-yibao-calculator]` block on a page becomes a live form.
// Bound on every page view of Material's instant navigation (`document$`); the worker behind
// them is started once per visit by client.js, and only on pages that have a calculator.
// The form's flat values go to the worker as {form: …}; calculators/page_input.py turns them
// into the engine's scenario (the build-time example goes through the same function).
import { Stage, STAGES } from "./protocol.js";
import { onProgress, retry, run, runtimeUrl, start } from "./client.js";
import { onPage } from "./offline.js";

let cleanups = [];

const langOf = (root) => (root.dataset.lang === "en" ? "en" : "zh");
// The page's words, from calculators/present.py (written into the page by the build).
const words = (root) => JSON.parse(root.dataset.words);
const mb = (bytes) => (bytes / 1048576).toFixed(1);

function showProgress(root, { stage, error, received, total }) {
  const box = root.querySelector(".yb-progress");
  const w = words(root);
  box.replaceChildren();
  box.classList.toggle("yb-failed", Boolean(error));
  if (error) {
    const text = document.createElement("span");
    text.textContent = w.failed;
    const button = Object.assign(document.createElement("button"), { type: "button", className: "md-button", textContent: w.retry });
    button.addEventListener("click", retry);
    box.append(text, " ", button);
    return;
  }
  if (!stage) return;
  // Only the stages reached so far: the list grows as the runtime loads.
  const list = document.createElement("ol");
  list.className = "yb-stages";
  const current = STAGES.indexOf(stage);
  const reached = stage === Stage.READY ? [Stage.READY] : STAGES.slice(0, current + 1);
  reached.forEach((name) => {
    const i = STAGES.indexOf(name);
    const item = document.createElement("li");
    item.textContent = w[name];
    if (name === Stage.DOWNLOAD && i === current && Number.isFinite(received) && total > 0) {
      item.textContent += w.received.replace("{x}", mb(received)).replace("{y}", mb(total));
    }
    item.className = i < current ? "yb-done" : "yb-current";
    if (i === current) item.setAttribute("aria-current", "step");
    list.append(item);
  });
  box.append(list);
}

function applyPolicy(form) {
  const policy = form.elements.namedItem("policy")?.value;
  for (const field of form.querySelectorAll(".yb-field[data-policies]")) {
    field.hidden = Boolean(policy) && !field.dataset.policies.split(" ").includes(policy);
  }
}

function renumber(root) {
  const w = words(root);
  root.querySelectorAll(".yb-row").forEach((row, i) => {
    row.dataset.index = String(i);
    row.querySelector("legend").textContent = w.claim.replace("{n}", String(i + 1));
    for (const el of row.querySelectorAll("[name]")) {
      el.name = el.name.replace(/^claims\.\d+\./, `claims.${i}.`);
      el.id = el.id.replace(/claims-\d+-/, `claims-${i}-`);
      el.setAttribute("aria-describedby", "e-" + el.id);
      el.closest(".yb-field").querySelector("label").htmlFor = el.id;
      el.closest(".yb-field").querySelector(".yb-error").id = "e-" + el.id;
    }
  });
}

/** A new, empty claim (a copy of the last one's amount would invite counting it twice). */
function addRow(root) {
  const rows = root.querySelector(".yb-rows");
  const copy = rows.lastElementChild.cloneNode(true);
  for (const el of copy.querySelectorAll(".yb-error")) { el.hidden = true; el.textContent = ""; }
  for (const el of copy.querySelectorAll("input[data-type]")) el.value = "";
  for (const el of copy.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  rows.append(copy);
  renumber(root);
  return copy;
}

function visibleControls(form) {
  return [...form.elements].filter((el) => el.name && !el.closest(".yb-field")?.hidden);
}

/** A control's value as it is now (a checkbox: whether ticked). */
const now = (el) => (el.type === "checkbox" ? el.checked : el.value);

/** A control's value as the build wrote it: the inputs the page's example was worked out for. */
function asBuilt(el) {
  if (el.type === "checkbox") return el.defaultChecked;
  if (el instanceof HTMLSelectElement) return ([...el.options].find((o) => o.defaultSelected) || el.options[0])?.value ?? "";
  return el.defaultValue;
}

function flatValues(form, read = now) {
  const values = {};
  for (const el of visibleControls(form)) {
    const value = read(el);
    if (el.type === "checkbox") { values[el.name] = value; continue; }
    if (value.trim() === "" && el.dataset.optional !== undefined) continue;
    values[el.name] = value;
  }
  return values;
}

const stateOf = (form, read = now) => new URLSearchParams(flatValues(form, read)).toString();

function clearErrors(root) {
  for (const el of root.querySelectorAll(".yb-error")) { el.hidden = true; el.textContent = ""; }
  for (const el of root.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
}

function labelOf(input) {
  const label = input && input.closest(".yb-field")?.querySelector("label");
  const legend = input && input.closest(".yb-row")?.querySelector("legend");
  return label ? (legend ? legend.textContent + " · " : "") + label.textContent.trim() : "";
}

/** The refusal, in the page's words: the field's own label, never the engine's path. */
function showError(root, error) {
  const lang = langOf(root);
  const w = words(root);
  const name = error.field.replace(/\[(\d+)\]/g, ".$1");
  const input = root.querySelector(`[name="${CSS.escape(name)}"]`);
  const field = input?.closest(".yb-field");
  const target = field && !field.hidden ? field.querySelector(".yb-error") : null;
  const message = (error.message || {})[lang] || "";
  const label = target ? labelOf(input) : "";
  const line = (label ? label + w.colon : "") + message;
  const box = document.createElement("div");
  box.className = "yb-invalid";
  box.append(Object.assign(document.createElement("p"), { className: "yb-invalid-head", textContent: error.kind === "not_stated" ? w.not_stated : w.invalid }));
  box.append(Object.assign(document.createElement("p"), { textContent: line }));
  root.querySelector(".yb-slip").replaceChildren(box);
  root.querySelector(".yb-inputs")?.replaceChildren();
  setNote(root, "");
  if (target) {
    target.textContent = line;
    target.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.focus({ preventScroll: true });
    field.scrollIntoView({ block: "center" });
  } else {
    root.querySelector(".yb-result").scrollIntoView({ block: "start" });
  }
  announce(root, box.textContent);
}

function setNote(root, text) {
  const note = root.querySelector(".yb-note");
  note.textContent = text;
  note.hidden = !text;
}

function announce(root, text) {
  const live = root.querySelector(".yb-announce");
  live.textContent = "";
  requestAnimationFrame(() => { live.textContent = text; });
}

/** Every input as the reader sees it, for the printed slip: label, then value. */
function renderInputs(root) {
  const box = root.querySelector(".yb-inputs");
  if (!box) return;
  const w = words(root);
  const list = document.createElement("dl");
  for (const el of visibleControls(root.querySelector("form"))) {
    if (el.type === "hidden") continue;
    const value = el.type === "checkbox" ? (el.checked ? w.yes : w.no)
      : el.tagName === "SELECT" ? el.selectedOptions[0]?.textContent : el.value.trim() || w.empty;
    list.append(Object.assign(document.createElement("dt"), { textContent: labelOf(el) }),
      Object.assign(document.createElement("dd"), { textContent: value }));
  }
  box.replaceChildren(Object.assign(document.createElement("h3"), { textContent: w.inputs }), list);
}

function markStale(root) {
  const form = root.querySelector("form");
  const stale = stateOf(form) !== root.dataset.computed;
  root.classList.toggle("yb-is-stale", stale);
  if (!root.querySelector(".yb-invalid")) setNote(root, stale ? words(root).stale : root.dataset.computedNote || words(root).example);
  // The language switch and a reload carry what is on screen now.
  root.dataset.state = stateOf(form);
}

/** Compute for the inputs on screen; resolves true when a result is shown. */
async function calculate(root) {
  const form = root.querySelector("form");
  const slip = root.querySelector(".yb-slip");
  const lang = langOf(root);
  const w = words(root);
  const links = JSON.parse(root.dataset.links || "{}");
  const values = flatValues(form);
  const state = stateOf(form);
  clearErrors(root);
  setNote(root, w.waiting);
  root.classList.add("yb-is-waiting");
  const previous = [...slip.childNodes].map((node) => node.cloneNode(true));
  const options = { lang, links, today: values.date || undefined };
  try {
    // The two-city page is one run too: page_input settles the bill for each city, present.py draws the columns.
    const result = await run(root.dataset.yibaoCalculator, { form: values }, options);
    const parsed = JSON.parse(result.json);
    if (parsed.error) { showError(root, parsed.error); return false; }
    slip.innerHTML = result.html;
    root.dataset.computed = state;
    root.dataset.computedNote = w.computed;
    root.classList.remove("yb-example");
    history.replaceState(history.state, "", "#" + state);
    renderInputs(root);
    markStale(root);
    watchScroll(root);
    const lead = slip.querySelector(".yb-col h3") || slip.querySelector(".yb-lead") || slip;
    lead.scrollIntoView({ block: "start" });
    announce(root, w.announce + " " + [...slip.querySelectorAll(".yb-lead")].map((p) => p.textContent).join(" "));
    return true;
  } catch (error) {
    // The runtime failed (its one message is in the progress line) or the run broke: keep
    // whatever result was on the page, never a raw error text.
    console.error(error);
    slip.replaceChildren(...previous);
    setNote(root, root.querySelector(".yb-progress.yb-failed") ? "" : w.broken);
    return false;
  } finally {
    root.classList.remove("yb-is-waiting");
  }
}

function restore(root, hash) {
  const form = root.querySelector("form");
  const params = new URLSearchParams(hash.slice(1));
  if (![...params.keys()].some((key) => form.elements.namedItem(key) || key.startsWith("claims."))) return false;
  const rows = Math.max(0, ...[...params.keys()].map((k) => /^claims\.(\d+)\./.exec(k)).filter(Boolean).map((m) => Number(m[1]) + 1));
  if (root.querySelector(".yb-rows")) {
    while (root.querySelectorAll(".yb-row").length < rows) addRow(root);
    while (root.querySelectorAll(".yb-row").length > Math.max(rows, 1)) root.querySelector(".yb-rows").lastElementChild.remove();
  }
  const policy = params.get("policy");
  if (policy && form.elements.namedItem("policy")) form.elements.namedItem("policy").value = policy;
  applyPolicy(form);
  for (const el of visibleControls(form)) {
    if (el.type === "hidden") continue;
    if (el.type === "checkbox") el.checked = params.get(el.name) === "true";
    else if (params.has(el.name)) el.value = params.get(el.name);
    else if (el.dataset.optional !== undefined) el.value = "";
  }
  return true;
}

/** Inputs changed since the result? Then recompute first: share and print carry what is on screen. */
async function current(root) {
  if (stateOf(root.querySelector("form")) === root.dataset.computed && !root.querySelector(".yb-invalid")) return true;
  return calculate(root);
}

/** The link to what is on screen (recomputed first if the inputs changed); "" when they are refused. */
async function shareLink(root) {
  if (!(await current(root))) return "";
  return location.origin + location.pathname + "#" + root.dataset.computed;
}

async function share(root) {
  const box = root.querySelector(".yb-progress");
  const w = words(root);
  const url = await shareLink(root);
  if (!url) return;
  try {
    await navigator.clipboard.writeText(url);
    box.replaceChildren(w.copied);
  } catch {
    const input = Object.assign(document.createElement("input"), { value: url, readOnly: true, className: "yb-link" });
    input.setAttribute("aria-label", w.link_label);
    box.replaceChildren(w.copy_failed + " ", input);
    input.select();
  }
}

async function print(root) {
  if (await current(root)) window.print();
  else if (root.querySelector(".yb-invalid")) setNote(root, words(root).not_printed);
}

/** A wide table that scrolls says so, and only when it does. */
function watchScroll(root) {
  for (const box of root.querySelectorAll(".yb-scroll")) {
    const hint = box.previousElementSibling;
    const wide = box.scrollWidth > box.clientWidth + 1;
    if (hint?.classList.contains("yb-scroll-hint")) hint.hidden = !wide;
  }
}

function bind(root) {
  const form = root.querySelector("form");
  start();
  cleanups.push(onProgress((progress) => showProgress(root, progress)));
  form.elements.namedItem("policy")?.addEventListener("change", () => applyPolicy(form));
  applyPolicy(form);
  // The example on the page is for the inputs as built: anything typed before this script ran
  // (a slow phone shows the form first) is marked stale and recomputed before print or share.
  root.dataset.computed = stateOf(form, asBuilt);
  root.classList.add("yb-example");
  renderInputs(root);
  markStale(root);
  watchScroll(root);
  const resized = () => watchScroll(root);
  window.addEventListener("resize", resized);
  cleanups.push(() => window.removeEventListener("resize", resized));
  form.addEventListener("submit", (event) => { event.preventDefault(); calculate(root); });
  form.addEventListener("input", () => markStale(root));
  form.addEventListener("change", () => markStale(root));
  root.querySelector(".yb-add")?.addEventListener("click", () => { addRow(root).querySelector("input[data-type]")?.focus(); markStale(root); });
  root.addEventListener("click", (event) => {
    const button = event.target.closest(".yb-remove");
    if (button && root.querySelectorAll(".yb-row").length > 1) { button.closest(".yb-row").remove(); renumber(root); markStale(root); }
  });
  root.querySelector(".yb-share").addEventListener("click", () => share(root));
  root.querySelector(".yb-print").addEventListener("click", () => print(root));
  // The QR code and the saved scenarios: fetched only by pages with a calculator (this module
  // runs on every page).
  import("./qr.js").then(({ bindQr }) => {
    if (root.isConnected) cleanups.push(bindQr(root, () => shareLink(root)));
  }).catch(console.error); // offline before these were kept: the buttons stay inert, the panel hidden
  import("./keep.js").then(({ bindKeep }) => {
    if (!root.isConnected) return;
    cleanups.push(bindKeep(root, {
      inputs: () => Object.fromEntries(new URLSearchParams(stateOf(form))),
      open: (inputs) => {
        if (!restore(root, "#" + new URLSearchParams(inputs))) return false;
        form.dispatchEvent(new Event("change")); // what listens for edits hears this one too
        calculate(root);
        return true;
      },
    }));
  }).catch(console.error);
  if (location.hash.length > 1 && restore(root, location.hash)) { markStale(root); calculate(root); }
}

document$.subscribe(() => {
  onPage(runtimeUrl());
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  for (const root of document.querySelectorAll("[data-yibao-calculator]")) bind(root);
});
