// Runs calculator jobs through the unchanged `calculators` package on MicroPython (WebAssembly,
// under Node) and prints one JSON text per job, so pytest can compare them with CPython's.
// A job with a `lang` goes through the browser worker's entry point instead
// (calculators.page_input.page_result: [JSON text, slip HTML], printed joined by a newline).
// stdin: JSON [{calculator, scenario (JSON text), today, lang?}]; stdout: JSON [result text, ...].
import { readFileSync } from "node:fs";
import { loadEngine } from "../../scripts/micropython_engine.mjs";

const mp = await loadEngine();
const jobs = JSON.parse(readFileSync(0, "utf8"));
const results = [];
const api = mp.pyimport("calculators.api");
const pageInput = mp.pyimport("calculators.page_input");
for (const job of jobs) {
  try {
    results.push(job.lang
      ? [...pageInput.page_result(job.calculator, job.scenario, job.today, job.lang, "{}")].join("\n")
      : api.run_json(job.calculator, job.scenario, job.today));
  } catch (error) {
    // A Python exception is a parity failure, reported with MicroPython's own message.
    results.push("MicroPython raised: " + String(error.message || error));
  }
}
process.stdout.write(JSON.stringify(results));
