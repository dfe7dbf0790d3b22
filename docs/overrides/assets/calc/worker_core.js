// What every calculator worker does, whatever runtime it hosts: boot once when asked, make
// RUN messages wait for the boot, answer each with its result or error. A runtime supplies
// boot(runtimeUrl, progress) and run(message) → {json, html} (usually through runIn);
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

// The Python both runtimes execute for a RUN message (inputs set as globals beforehand).
const RUN_PYTHON = `
import json as _json
from calculators import page_input as _page_input
_result = _page_input.run(yb_calculator, api.parse_scenario(yb_scenario), yb_today)
yb_out = [jsonout.dumps(_result), present.render(yb_calculator, _result, yb_lang, _json.loads(yb_links))]
`;

/** Run one message in a booted interpreter; `toJs` turns its Python list into a JS array. */
export function runIn(python, toJs, { calculator, scenario, today, lang, links }) {
  const globals = python.globals;
  globals.set("yb_calculator", calculator);
  globals.set("yb_scenario", scenario);
  globals.set("yb_today", today);
  globals.set("yb_lang", lang);
  globals.set("yb_links", JSON.stringify(links || {}));
  python.runPython(RUN_PYTHON);
  const [json, html] = toJs(globals.get("yb_out"));
  return { json, html };
}
