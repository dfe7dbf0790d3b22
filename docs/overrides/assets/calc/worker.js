// The calculator worker the site ships: boots the self-hosted Pyodide and loads the
// `calculators` wheel by name from the site's own lock file (its sha256 checked, no micropip).
// A module worker: Pyodide 314 supports no other kind.
import { Stage } from "./protocol.js";
import { runIn, serve } from "./worker_core.js";

let python = null;

async function boot(runtime, progress) {
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

serve({ boot, run: (message) => runIn(python, (list) => list.toJs(), message) });
