// Which files of Pyodide's standard library the calculators need: boots the full runtime in
// Node as the worker does (ready to make a snapshot, the calculators wheel unpacked, imported,
// the snapshot made), runs every job through the worker's own entryIn (engine, JSON and the slip
// renderer) plus one failing run (so the error path's modules count too), then prints, as JSON,
// every loaded module file that lives in the stdlib zip.
// stdin: {wheel, jobs: [{calculator, scenario, today, lang, links}]}.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { entryIn, importEntry } from "../docs/overrides/assets/calc/worker_core.js";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { loadPyodide } = await import(join(root, "node_modules", "pyodide", "pyodide.mjs"));
const { wheel, jobs } = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") + "/", _makeSnapshot: true });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
importEntry(pyodide);
pyodide.makeMemorySnapshot();
const run = entryIn(pyodide);
for (const job of jobs) run(job);
try {
  pyodide.runPython("raise RuntimeError('the error path')");
} catch {
  // Expected: formatting the exception imports what a real failure would.
}
const files = pyodide.runPython(`
import sys
_zip = "/lib/python%d%d.zip/" % sys.version_info[:2]
sorted({m.__file__[len(_zip):] for m in list(sys.modules.values())
        if isinstance(getattr(m, "__file__", None), str) and m.__file__.startswith(_zip)})
`).toJs();
process.stdout.write(JSON.stringify(files));
