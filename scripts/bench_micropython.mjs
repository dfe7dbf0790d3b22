// Times the unchanged calculators package on MicroPython (WebAssembly, in Node) for the engine
// benchmark. argv: JSON {scenarios: {name: JSON text}, count, repeats}; prints {name: [ms, ...]}.
import { loadEngine } from "./micropython_engine.mjs";

const mp = await loadEngine();
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
