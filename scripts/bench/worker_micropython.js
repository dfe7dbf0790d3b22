// The same calculator worker on MicroPython, for the benchmark only (the site ships Pyodide):
// it speaks the same protocol through worker_core.js and runs the same package files, which
// the benchmark serves beside the runtime with a manifest.
import { Stage } from "./protocol.js";
import { runIn, serve } from "./worker_core.js";

let python = null;

async function boot(runtime, progress) {
  progress(Stage.DOWNLOAD);
  const { loadMicroPython } = await import(runtime + "micropython.mjs");
  const names = await (await fetch(runtime + "manifest.json")).json();
  const files = await Promise.all(names.map(async (name) => [name, new Uint8Array(await (await fetch(runtime + name)).arrayBuffer())]));
  progress(Stage.START);
  const mp = await loadMicroPython({ url: runtime + "micropython.wasm", heapsize: 64 * 1024 * 1024 });
  progress(Stage.PACKAGES);
  mp.FS.mkdirTree("/lib/calculators/data");
  for (const [name, bytes] of files) mp.FS.writeFile("/lib/" + name, bytes);
  mp.runPython("from calculators import api, present, jsonout");
  python = mp;
  progress(Stage.READY);
}

serve({ boot, run: (message) => runIn(python, (list) => python.PyProxy.toJs(list), message) });
