// What every calculator worker does, whatever runtime it hosts: boot once when asked, make
// RUN messages wait for the boot, answer each with its result or error. A runtime supplies
// boot(runtimeUrl, progress) and run(message) → {json, html} (usually through entryIn);
// progress(stage, received, total, restored) reports a stage (see protocol.js).
import { Message, progressMessage } from "./protocol.js";

export function serve({ boot, run }) {
  let booting = null;
  const progress = (...args) => self.postMessage(progressMessage(...args));
  self.onmessage = async ({ data }) => {
    if (data.type === Message.BOOT) {
      booting ??= boot(data.runtime, progress).catch((error) => {
        self.postMessage({ type: Message.FAILED, error: String(error && error.message || error) });
        throw error;
      });
      return;
    }
    if (data.type === Message.RUN) {
      try {
        await booting;
        self.postMessage({ type: Message.RESULT, id: data.id, ...run(data) });
      } catch (error) {
        self.postMessage({ type: Message.ERROR, id: data.id, error: String(error && error.message || error) });
      }
    }
  };
}

// The one Python function a worker calls per RUN message, imported at boot (before a memory
// snapshot is taken, so a restored interpreter has it too): calculators.page_input.page_result.
export const ENTRY_MODULE = "calculators.page_input";

/** Import the entry module without keeping a reference (safe before a snapshot). */
export function importEntry(python) {
  python.pyimport(ENTRY_MODULE).destroy();
}

/** A RUN message → {json, html}, through page_result called with the message's arguments. */
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
