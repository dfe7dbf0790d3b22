// Runs calculator jobs through the unchanged `calculators` package on MicroPython (WebAssembly,
// under Node) and prints one JSON text per job, so pytest can compare them with CPython's.
// stdin: JSON [{calculator, scenario (JSON text), today}]; stdout: JSON [result text, ...].
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { loadMicroPython } = await import(
  join(root, "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs"));

const mp = await loadMicroPython({ heapsize: 64 * 1024 * 1024 });
const target = "/lib/calculators";
mp.FS.mkdirTree(target + "/data");
for (const name of readdirSync(join(root, "calculators"))) {
  if (name.endsWith(".py")) {
    mp.FS.writeFile(`${target}/${name}`, readFileSync(join(root, "calculators", name)));
  }
}
mp.FS.writeFile(`${target}/data/policies.json`,
  readFileSync(join(root, "calculators/data/policies.json")));

const jobs = JSON.parse(readFileSync(0, "utf8"));
mp.runPython("from calculators import api\napi.bundle()");
const results = [];
for (const job of jobs) {
  mp.globals.set("job_calculator", job.calculator);
  mp.globals.set("job_scenario", job.scenario);
  mp.globals.set("job_today", job.today);
  try {
    mp.runPython("job_result = api.run_json(job_calculator, job_scenario, job_today)");
    results.push(mp.globals.get("job_result"));
  } catch (error) {
    // A Python exception is a parity failure, reported with MicroPython's own message.
    results.push("MicroPython raised: " + String(error.message || error));
  }
}
process.stdout.write(JSON.stringify(results));
