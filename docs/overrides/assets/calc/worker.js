// The calculator worker the site ships: boots the self-hosted Pyodide and loads the
// `calculators` wheel by name from the site's own lock file (its sha256 checked, no micropip),
// with the trimmed standard library. The page gives the site's runtime folder
// (/pyodide/<version>/<hash>/); Pyodide's own files are in the folder above it.
// A module worker: Pyodide 314 supports no other kind.
import { RUNTIME_MANIFEST, Stage } from "./protocol.js";
import { countDownloads } from "./downloads.js";
import { runIn, serve } from "./worker_core.js";

let python = null;

async function boot(runtime, progress) {
  progress(Stage.DOWNLOAD);
  const indexURL = new URL("../", runtime).href;
  // Everything that does not depend on something else starts at once.
  const manifest = fetch(runtime + RUNTIME_MANIFEST).then((r) => r.json());
  const pyodideModule = import(indexURL + "pyodide.mjs");
  import(indexURL + "pyodide.asm.mjs").catch(() => {});
  const { files } = await manifest;
  const absolute = Object.fromEntries(Object.entries(files)
    .filter(([name]) => !name.endsWith(".mjs"))
    .map(([name, bytes]) => [new URL(name, runtime).href, bytes]));
  await countDownloads(absolute, (received, total) => progress(Stage.DOWNLOAD, received, total));
  const { loadPyodide } = await pyodideModule;
  const pyodide = await loadPyodide({
    indexURL,
    lockFileURL: runtime + "pyodide-lock.json",
    stdLibURL: runtime + "python_stdlib.zip",
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
