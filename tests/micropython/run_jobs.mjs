// Runs calculator jobs through the unchanged `calculators` package on MicroPython (WebAssembly,
// under Node) and prints one JSON text per job, so pytest can compare them with CPython's.
// stdin: JSON [{calculator, scenario (JSON text), today}]; stdout: JSON [result text, ...].
import { readFileSync } from "node:fs";
import { loadEngine } from "../../scripts/micropython_engine.mjs";

const mp = await loadEngine();
const jobs = JSON.parse(readFileSync(0, "utf8"));
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
