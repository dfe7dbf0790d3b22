// The calculator worker: boots the self-hosted Pyodide, loads the `calculators` wheel by name
// from the site's own lock file (its sha256 checked), and answers RUN messages with the same
// JSON the command line prints plus the rendered slip. A module worker (Pyodide 314 needs one).
import { Message, Stage } from "./protocol.js";

let python = null;

function progress(stage) {
  self.postMessage({ type: Message.PROGRESS, stage });
}

async function boot(runtime) {
  progress(Stage.DOWNLOAD);
  const { loadPyodide } = await import(runtime + "pyodide.mjs");
  const pyodide = await loadPyodide({
    indexURL: runtime,
    // Called once the WebAssembly is compiled, just before the interpreter starts.
    fsInit: async () => progress(Stage.START),
  });
  progress(Stage.PACKAGES);
  const loaded = await pyodide.loadPackage("calculators", { messageCallback: () => {}, errorCallback: () => {} });
  if (!loaded || loaded.length === 0) {
    throw new Error("the calculators package did not load");
  }
  pyodide.runPython("from calculators import api, present, jsonout");
  python = pyodide;
  progress(Stage.READY);
}

function run({ id, calculator, scenario, today, lang, links }) {
  const api = python.globals;
  api.set("yb_calculator", calculator);
  api.set("yb_scenario", scenario);
  api.set("yb_today", today);
  api.set("yb_lang", lang);
  api.set("yb_links", JSON.stringify(links || {}));
  const [json, html] = python.runPython(`
import json as _json
_result = api.run(yb_calculator, api.parse_scenario(yb_scenario), yb_today)
[jsonout.dumps(_result), present.render(yb_calculator, _result, yb_lang, _json.loads(yb_links))]
`).toJs();
  return { json, html };
}

let booting = null;

self.onmessage = async ({ data }) => {
  if (data.type === Message.BOOT) {
    booting ??= boot(data.runtime).catch((error) => {
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
