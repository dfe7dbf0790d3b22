// @ts-check
// The calculator worker the site ships: boots the self-hosted Pyodide with the trimmed standard
// library and installs the `calculators` wheel from the site's own lock file, its sha256
// checked (no micropip); from the second visit on it restores a memory snapshot instead
// (snapshot.js). The page gives the site's runtime folder (/pyodide/<version>/<hash>/);
// Pyodide's own files are in the folder above it. A module worker: Pyodide 314 supports no
// other kind.
import { RUNTIME_MANIFEST, Stage } from "./protocol.js";
import { countDownloads } from "./downloads.js";
import { restore, save } from "./snapshot.js";
import { entryIn, importEntry, serve } from "./worker_core.js";

/** @typedef {import("./protocol.js").RunMessage} RunMessage */

/** @type {((message: RunMessage) => {json: string, html: string}) | null} */
let run = null;

/** @param {ArrayBuffer} bytes */
const hex = (bytes) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The calculators wheel named by the lock file, refused unless its sha256 matches.
 * @param {string} runtime
 * @param {import("pyodide").Lockfile} lock
 */
async function wheel(runtime, lock) {
  const entry = lock.packages.calculators;
  const bytes = new Uint8Array(await (await fetch(new URL(entry.file_name, runtime))).arrayBuffer());
  if (hex(await crypto.subtle.digest("SHA-256", bytes)) !== entry.sha256) {
    throw new Error("the calculators package does not match its lock file");
  }
  return bytes;
}

/**
 * @param {string} runtime
 * @param {import("./worker_core.js").Progress} progress
 */
async function boot(runtime, progress) {
  progress(Stage.DOWNLOAD);
  const indexURL = new URL("../", runtime).href;
  // Everything that does not depend on something else starts at once.
  const manifest = fetch(runtime + RUNTIME_MANIFEST).then((r) => r.json());
  const lock = fetch(runtime + "pyodide-lock.json").then((r) => r.json());
  const pyodideModule = import(indexURL + "pyodide.mjs");
  import(indexURL + "pyodide.asm.mjs").catch(() => {});
  const snapshot = await restore(runtime);
  const { files } = await manifest;
  const absolute = Object.fromEntries(Object.entries(files)
    .filter(([name]) => !name.endsWith(".mjs"))
    .map(([name, bytes]) => [new URL(name, runtime).href, bytes]));
  await countDownloads(absolute, (received, total) => progress(Stage.DOWNLOAD, received, total));
  /** @type {{loadPyodide: typeof import("pyodide").loadPyodide}} */
  const { loadPyodide } = await pyodideModule;
  const options = {
    indexURL,
    lockFileContents: lock,
    stdLibURL: runtime + "python_stdlib.zip",
    // Called once the WebAssembly is compiled, just before the interpreter starts.
    fsInit: async () => progress(Stage.START),
  };
  let pyodide = null;
  if (snapshot) pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot }).catch(() => null);
  const restored = pyodide !== null;
  pyodide ??= await loadPyodide({ ...options, _makeSnapshot: true });
  progress(Stage.PACKAGES);
  // The wheel's files are not in the snapshot (only memory is): unpacked each time, ~40 ms.
  pyodide.unpackArchive(await wheel(runtime, await lock), "wheel");
  importEntry(pyodide);
  if (!restored) save(runtime, pyodide.makeMemorySnapshot());
  run = entryIn(pyodide);
  progress(Stage.READY, 0, 0, restored);
}

serve({ boot, run: (message) => run(message) });
