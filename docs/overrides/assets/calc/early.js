// @ts-check
// Loaded async from the head of a calculator page (main.html), so the runtime gets going while
// the page is still loading:
// - on a first visit (nothing kept yet) the runtime's big files start downloading at once, into
//   the HTTP cache where the worker will find them;
// - the calculator worker starts (its snapshot restore on later visits runs beside the page).
// Preload links used to start the downloads, but made every visit pay for them on the page's
// main thread (the 1.25 MB module compiled there; the files re-read from cache): on the phone
// profile a repeat visit's first result came 0.6–1.5 s later with them (side by side, 3 runs).
// No static imports: this module runs as soon as it arrives, before the calculator's modules.

/** The big runtime files named by the page (main.html), fetched unless already kept. */
async function warm() {
  const meta = /** @type {HTMLMetaElement | null} */ (document.querySelector('meta[name="yibao-warm"]'));
  for (const url of (meta?.content || "").split(" ").filter(Boolean)) {
    const absolute = new URL(url, location.href).href;
    if (self.caches && (await caches.match(absolute))) continue;
    // Read to the end (and dropped), or the download would stall once nobody reads it.
    fetch(absolute).then((response) => response.body?.pipeTo(new WritableStream())).catch(() => {});
  }
}

warm().catch(() => {});
import("./client.js").then(({ start }) => start());
