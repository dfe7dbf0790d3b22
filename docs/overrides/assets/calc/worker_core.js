// @ts-check
// What every calculator worker does, whatever runtime it hosts: boot once when asked, make
// RUN messages wait for the boot, answer each with its result or error. A runtime supplies
// boot(runtimeUrl, progress) and run(message) → {json, html} (usually through entryIn);
// progress(stage, received, total, restored) reports a stage (see protocol.js).
import { Message, progressMessage } from "./protocol.js";

/**
 * @typedef {import("./protocol.js").RunMessage} RunMessage
 * @typedef {import("./protocol.js").FromWorker} FromWorker
 * @typedef {typeof progressMessage extends (...args: infer A) => any ? (...args: A) => void : never} Progress
 * @typedef {import("pyodide").PyodideAPI} PyodideAPI
 */

/** @param {unknown} error */
const text = (error) => String((error instanceof Error && error.message) || error);

/** @param {FromWorker} message */
const post = (message) => self.postMessage(message);

/**
 * @param {{boot: (runtime: string, progress: Progress) => Promise<void>,
 *          run: (message: RunMessage) => {json: string, html: string}}} runtime
 */
export function serve({ boot, run }) {
  /** @type {Promise<void> | null} */
  let booting = null;
  /** @type {Progress} */
  const progress = (...args) => post(progressMessage(...args));
  /** @param {MessageEvent<import("./protocol.js").ToWorker>} event */
  self.onmessage = async ({ data }) => {
    if (data.type === Message.BOOT) {
      booting ??= boot(data.runtime, progress).catch((error) => {
        post({ type: Message.FAILED, error: text(error) });
        throw error;
      });
      return;
    }
    if (data.type === Message.RUN) {
      try {
        await booting;
        post({ type: Message.RESULT, id: data.id, ...run(data) });
      } catch (error) {
        post({ type: Message.ERROR, id: data.id, error: text(error) });
      }
    }
  };
}

// The one Python function a worker calls per RUN message, imported at boot (before a memory
// snapshot is taken, so a restored interpreter has it too): calculators.page_input.page_result.
export const ENTRY_MODULE = "calculators.page_input";

/**
 * Import the entry module without keeping a reference (safe before a snapshot).
 * @param {PyodideAPI} python
 */
export function importEntry(python) {
  python.pyimport(ENTRY_MODULE).destroy();
}

/**
 * A RUN message → {json, html}, through page_result called with the message's arguments.
 * @param {PyodideAPI} python
 * @returns {(message: RunMessage) => {json: string, html: string}}
 */
export function entryIn(python) {
  // Kept for the worker's life (a borrowed attribute lives as long as its module's proxy).
  const pageResult = python.pyimport(ENTRY_MODULE).page_result;
  return ({ calculator, scenario, today, lang, links }) => {
    const out = pageResult(calculator, scenario, today, lang, JSON.stringify(links || {}));
    const [json, html] = out.toJs();
    out.destroy();
    return { json, html };
  };
}
