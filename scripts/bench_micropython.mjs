// Times the unchanged calculators package on MicroPython (WebAssembly, in Node) for the engine
// benchmark. argv: JSON {scenarios: {name: JSON text}, count, repeats}; prints {name: [ms, ...]}.
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { loadMicroPython } = await import(
  join(root, "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs"));
const mp = await loadMicroPython({ heapsize: 64 * 1024 * 1024 });
mp.FS.mkdirTree("/lib/calculators/data");
for (const name of readdirSync(join(root, "calculators"))) {
  if (name.endsWith(".py")) mp.FS.writeFile(`/lib/calculators/${name}`, readFileSync(join(root, "calculators", name)));
}
mp.FS.writeFile("/lib/calculators/data/policies.json", readFileSync(join(root, "calculators/data/policies.json")));
mp.runPython("from calculators import api\napi.bundle()");

const job = JSON.parse(process.argv[2]);
const out = {};
for (const [name, text] of Object.entries(job.scenarios)) {
  mp.globals.set("bench_text", text);
  mp.globals.set("bench_count", job.count);
  out[name] = [];
  for (let r = 0; r < job.repeats; r++) {
    const start = performance.now();
    mp.runPython("for _ in range(bench_count):\n    api.run_json('settle', bench_text, '2026-01-01')");
    out[name].push(performance.now() - start);
  }
}
process.stdout.write(JSON.stringify(out));
