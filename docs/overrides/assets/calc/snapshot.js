// @ts-check
// Pyodide memory snapshots, made in the reader's browser: after the first normal boot (the
// calculators imported) the worker takes a snapshot of the interpreter's memory and keeps it in
// Cache Storage under the site's runtime folder; the next visit restores it instead of starting
// Python again (several times faster). A snapshot is tied to the exact build, so only the one
// for the current runtime folder is kept. The API is Pyodide's private one (_makeSnapshot,
// makeMemorySnapshot, _loadSnapshot); anything that goes wrong falls back to a normal boot.
const CACHE = "pyodide-snapshot"; // not "yibao-…": the service worker clears those on a new build

/** @param {string} runtime */
const key = (runtime) => runtime + "snapshot.bin";

/**
 * The kept snapshot for this runtime folder, or null.
 * @param {string} runtime
 * @returns {Promise<Uint8Array | null>}
 */
export async function restore(runtime) {
  try {
    const kept = await (await caches.open(CACHE)).match(key(runtime));
    return kept ? new Uint8Array(await kept.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/**
 * Keep this snapshot (in the background) and drop any for another runtime folder.
 * @param {string} runtime
 * @param {Uint8Array<ArrayBuffer>} snapshot
 */
export async function save(runtime, snapshot) {
  try {
    const cache = await caches.open(CACHE);
    for (const request of await cache.keys()) await cache.delete(request);
    await cache.put(key(runtime), new Response(snapshot, { headers: { "Content-Type": "application/octet-stream" } }));
  } catch {
    // No room or no Cache Storage: the next visit boots normally.
  }
}
