// @ts-check
// One calculator worker for the whole visit: started the first time a page needs it (early.js
// starts it from a calculator page's head), kept across Material's instant navigation (this
// module is loaded once), and exposed as window.yibao for people who want to script checks.
// It may run before the theme's script: nothing here touches the theme's globals.
import { Message, Stage, bootMessage, runMessage } from "./protocol.js";
import { keepRuntime } from "./offline.js";

/** @typedef {import("./protocol.js").FromWorker} FromWorker */
/** @typedef {{stage: string | null, error: string | null, received: number, total: number}} Progress */

/**
 * @type {{worker: Worker | null, stage: string | null, error: string | null, received: number, total: number,
 *         restored: boolean, pending: Map<number, {resolve: (r: {json: string, html: string}) => void,
 *         reject: (e: Error) => void}>, listeners: Set<(p: Progress) => void>, nextId: number}}
 */
const state = { worker: null, stage: null, error: null, received: 0, total: 0, restored: false, pending: new Map(), listeners: new Set(), nextId: 1 };

/** The site's runtime folder, from the page's meta tag (written by main.html). */
export function runtimeUrl() {
  const meta = /** @type {HTMLMetaElement} */ (document.querySelector('meta[name="yibao-runtime"]'));
  return new URL(meta.content, location.href).href;
}

/** What a progress listener gets: the stage, an error, and the runtime bytes received of the total. */
function progress() {
  return { stage: state.stage, error: state.error, received: state.received, total: state.total };
}

function notify() {
  for (const listener of state.listeners) listener(progress());
}

/** @param {{data: FromWorker}} event */
function handle({ data }) {
  if (data.type === Message.PROGRESS) {
    state.stage = data.stage;
    state.received = data.received || 0;
    state.total = data.total || 0;
    state.restored = Boolean(data.restored);
    notify();
    if (data.stage === Stage.READY) keepRuntime(runtimeUrl());
  } else if (data.type === Message.FAILED) {
    state.error = data.error;
    notify();
    for (const { reject } of state.pending.values()) reject(new Error(data.error));
    state.pending.clear();
  } else if (data.type === Message.RESULT || data.type === Message.ERROR) {
    const waiting = state.pending.get(data.id);
    state.pending.delete(data.id);
    if (!waiting) return;
    if (data.type === Message.RESULT) waiting.resolve({ json: data.json, html: data.html });
    else waiting.reject(new Error(data.error));
  }
}

export function start() {
  if (state.worker) return;
  state.error = null;
  state.stage = null;
  state.received = state.total = 0;
  state.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  state.worker.onmessage = handle;
  state.worker.onerror = (event) => handle({ data: { type: Message.FAILED, error: event.message || "worker error" } });
  state.worker.postMessage(bootMessage(runtimeUrl()));
}

export function retry() {
  if (state.worker) state.worker.terminate();
  state.worker = null;
  start();
}

export function onProgress(listener) {
  state.listeners.add(listener);
  listener(progress());
  return () => state.listeners.delete(listener);
}

export function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Run a calculator: resolves to {json (text), html (slip)}; refusals are results too.
 * @param {string} calculator
 * @param {object | string} scenario
 * @param {{lang?: string, links?: Record<string, string>, today?: string}} [options]
 * @returns {Promise<{json: string, html: string}>}
 */
export function run(calculator, scenario, { lang = "zh", links = {}, today = localToday() } = {}) {
  start();
  const id = state.nextId++;
  const text = typeof scenario === "string" ? scenario : JSON.stringify(scenario);
  return new Promise((resolve, reject) => {
    state.pending.set(id, { resolve, reject });
    state.worker.postMessage(runMessage(id, calculator, text, today, lang, links));
  });
}

const json = (calculator) => (scenario, options) => run(calculator, scenario, options).then((r) => JSON.parse(r.json));

window.yibao = Object.freeze({
  settle: json("settle"),
  contribution: json("contribution"),
  account: json("account"),
  retirement: json("retirement"),
  benefitStart: json("benefit-start"),
  run: (calculator, scenario, options) => run(calculator, scenario, options).then((r) => JSON.parse(r.json)),
  ready: () => new Promise((resolve, reject) => {
    start();
    const stop = onProgress(({ stage, error }) => {
      if (stage === Stage.READY) { resolve({ restored: state.restored }); queueMicrotask(() => stop()); }
      else if (error) { reject(new Error(error)); queueMicrotask(() => stop()); }
    });
  }),
});

