// The calculator widgets: each `[data-yibao-calculator]` block on a page becomes a live form.
// Bound on every page view of Material's instant navigation (`document$`); the worker behind
// them is started once per visit by client.js, and only on pages that have a calculator.
import { Stage, STAGES } from "./protocol.js";
import { onProgress, retry, run, start } from "./client.js";

const WORDS = {
  zh: {
    [Stage.DOWNLOAD]: "正在下载计算程序", [Stage.START]: "正在启动 Python", [Stage.PACKAGES]: "正在载入计算器",
    [Stage.READY]: "计算器已就绪", failed: "计算器没能加载。页面上的示例结果仍然有效。", retry: "重试",
    waiting: "正在计算……", invalid: "输入有误，没有计算。请按红字提示修改。", stale: "输入已改动，点“计算”更新结果。",
    copied: "链接已复制。链接里的数字只在 # 号后面，不会发送到服务器。", copy_failed: "请复制下面的链接：",
    remove: "删除这一笔", claim: "第{n}笔", broken: "计算出错：",
  },
  en: {
    [Stage.DOWNLOAD]: "Downloading the calculator", [Stage.START]: "Starting Python", [Stage.PACKAGES]: "Loading the calculators",
    [Stage.READY]: "The calculator is ready", failed: "The calculator could not be loaded. The example result on the page still holds.",
    retry: "Try again", waiting: "Calculating…", invalid: "Some input needs fixing; nothing was calculated.",
    stale: "You changed the inputs: press Calculate to update the result.",
    copied: "Link copied. The figures sit after the # and are never sent to a server.", copy_failed: "Copy this link:",
    remove: "Remove", claim: "Claim {n}", broken: "The calculation failed: ",
  },
};

let cleanups = [];

function words(root) {
  return WORDS[root.dataset.lang === "en" ? "en" : "zh"];
}

function showProgress(root, { stage, error }) {
  const box = root.querySelector(".yb-progress");
  const w = words(root);
  box.replaceChildren();
  box.classList.toggle("yb-failed", Boolean(error));
  if (error) {
    const text = document.createElement("span");
    text.textContent = w.failed;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = w.retry;
    button.addEventListener("click", retry);
    box.append(text, " ", button);
    return;
  }
  if (!stage) return;
  const list = document.createElement("ol");
  list.className = "yb-stages";
  const current = STAGES.indexOf(stage);
  STAGES.forEach((name, i) => {
    const item = document.createElement("li");
    item.textContent = w[name];
    item.className = i < current ? "yb-done" : i === current ? "yb-current" : "yb-todo";
    if (i === current) item.setAttribute("aria-current", "step");
    list.append(item);
  });
  box.append(list);
}

function policyOf(form) {
  return form.elements.namedItem("policy")?.value;
}

function applyPolicy(form) {
  const policy = policyOf(form);
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
      const old = el.id;
      el.id = old.replace(/claims-\d+-/, `claims-${i}-`);
      el.setAttribute("aria-describedby", "e-" + el.id);
      el.closest(".yb-field").querySelector("label").htmlFor = el.id;
      el.closest(".yb-field").querySelector(".yb-error").id = "e-" + el.id;
    }
  });
}

function addRow(root) {
  const rows = root.querySelector(".yb-rows");
  const last = rows.lastElementChild;
  const copy = last.cloneNode(true);
  for (const el of copy.querySelectorAll(".yb-error")) { el.hidden = true; el.textContent = ""; }
  rows.append(copy);
  renumber(root);
  return copy;
}

function flatValues(form) {
  const values = {};
  for (const el of form.elements) {
    if (!el.name || el.closest(".yb-field")?.hidden) continue;
    if (el.type === "checkbox") { values[el.name] = el.checked; continue; }
    const optional = el.dataset.optional !== undefined || el.type === "date";
    if (el.value.trim() === "" && optional) continue;
    values[el.name] = el.value;
  }
  return values;
}

export function nest(values) {
  const scenario = {};
  for (const path of Object.keys(values).sort()) {
    const keys = path.split(".");
    let node = scenario;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const slot = /^\d+$/.test(key) ? Number(key) : key;
      if (last) { node[slot] = values[path]; return; }
      node[slot] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
      node = node[slot];
    });
  }
  return scenario;
}

function clearErrors(root) {
  for (const el of root.querySelectorAll(".yb-error")) { el.hidden = true; el.textContent = ""; }
  for (const el of root.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
}

function showError(root, error) {
  const lang = root.dataset.lang === "en" ? "en" : "zh";
  const name = error.field.replace(/\[(\d+)\]/g, ".$1");
  const input = root.querySelector(`[name="${CSS.escape(name)}"]`);
  const target = input?.closest(".yb-field")?.querySelector(".yb-error");
  const slip = root.querySelector(".yb-slip");
  const message = document.createElement("p");
  message.className = "yb-invalid";
  message.textContent = words(root).invalid + (target ? "" : " " + error[lang]);
  slip.replaceChildren(message);
  root.querySelector(".yb-note").hidden = true;
  if (target) {
    target.textContent = error[lang];
    target.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }
}

async function calculate(root) {
  const form = root.querySelector("form");
  const slip = root.querySelector(".yb-slip");
  const note = root.querySelector(".yb-note");
  const lang = root.dataset.lang === "en" ? "en" : "zh";
  const links = JSON.parse(root.dataset.links || "{}");
  const values = flatValues(form);
  clearErrors(root);
  slip.replaceChildren(Object.assign(document.createElement("p"), { className: "yb-waiting", textContent: words(root).waiting }));
  note.hidden = true;
  root.classList.remove("yb-is-stale");
  history.replaceState(history.state, "", "#" + new URLSearchParams(values).toString());
  const scenario = nest(values);
  const calculator = root.dataset.yibaoCalculator;
  try {
    if (calculator === "compare") {
      const titles = JSON.parse(root.dataset.titles);
      const results = await Promise.all(Object.keys(titles).map((policy) =>
        run("settle", { ...scenario, policy }, { lang, links, today: values.date })));
      const failed = results.map((r) => JSON.parse(r.json)).find((r) => r.error);
      if (failed) return showError(root, failed.error);
      slip.innerHTML = '<div class="yb-cols">' + Object.values(titles).map((title, i) =>
        `<div class="yb-col"><h3>${title}</h3>${results[i].html}</div>`).join("") + "</div>";
      return;
    }
    const result = await run(calculator, scenario, { lang, links, today: values.date });
    const parsed = JSON.parse(result.json);
    if (parsed.error) return showError(root, parsed.error);
    slip.innerHTML = result.html;
  } catch (error) {
    slip.replaceChildren(Object.assign(document.createElement("p"), { className: "yb-invalid", textContent: words(root).broken + error.message }));
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
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === "checkbox") el.checked = params.get(el.name) === "true";
    else if (params.has(el.name)) el.value = params.get(el.name);
    else if (el.dataset.optional !== undefined || el.type === "date") el.value = "";
  }
  applyPolicy(form);
  return true;
}

async function share(root) {
  const url = location.href;
  const box = root.querySelector(".yb-progress");
  try {
    await navigator.clipboard.writeText(url);
    box.textContent = words(root).copied;
  } catch {
    box.replaceChildren(words(root).copy_failed + " ", Object.assign(document.createElement("input"), { value: url, readOnly: true, size: 40 }));
  }
}

function bind(root) {
  const form = root.querySelector("form");
  start();
  cleanups.push(onProgress((progress) => showProgress(root, progress)));
  form.elements.namedItem("policy")?.addEventListener("change", () => applyPolicy(form));
  applyPolicy(form);
  form.addEventListener("submit", (event) => { event.preventDefault(); calculate(root); });
  form.addEventListener("input", () => {
    if (!root.querySelector(".yb-invalid")) {
      root.classList.add("yb-is-stale");
      const note = root.querySelector(".yb-note");
      note.textContent = words(root).stale;
      note.hidden = false;
    }
  });
  root.querySelector(".yb-add")?.addEventListener("click", () => { addRow(root); });
  root.addEventListener("click", (event) => {
    const button = event.target.closest(".yb-remove");
    if (button && root.querySelectorAll(".yb-row").length > 1) { button.closest(".yb-row").remove(); renumber(root); }
  });
  root.querySelector(".yb-share").addEventListener("click", () => share(root));
  root.querySelector(".yb-print").addEventListener("click", () => window.print());
  if (location.hash.length > 1 && restore(root, location.hash)) calculate(root);
}

document$.subscribe(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  for (const root of document.querySelectorAll("[data-yibao-calculator]")) bind(root);
});
