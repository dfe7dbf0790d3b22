// Loads MicroPython (WebAssembly, from npm) in Node with the unchanged `calculators` package
// installed in its file system, ready for `from calculators import api`. Shared by the parity
// test and the engine benchmark.
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function loadEngine() {
  const { loadMicroPython } = await import(
    join(root, "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs"));
  const mp = await loadMicroPython({ heapsize: 64 * 1024 * 1024 });
  mp.FS.mkdirTree("/lib/calculators/data");
  for (const name of readdirSync(join(root, "calculators"))) {
    if (name.endsWith(".py")) {
      mp.FS.writeFile(`/lib/calculators/${name}`, readFileSync(join(root, "calculators", name)));
    }
  }
  mp.FS.writeFile("/lib/calculators/data/policies.json",
    readFileSync(join(root, "calculators/data/policies.json")));
  mp.runPython("from calculators import api\napi.bundle()");
  return mp;
}
