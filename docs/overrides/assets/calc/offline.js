// @ts-check
// Offline use and fetching early, for every page: registers the site's service worker
// (/sw.js), asks it to keep each page visited with the files the page used, keeps the runtime
// once a calculator has it, and on a page that links to a calculator (but has none) fetches the
// runtime into the service worker's cache when the page is loaded and the browser is idle —
// unless the reader saves data or the connection is 2G.
import { RUNTIME_MANIFEST } from "./protocol.js";

const workers = "serviceWorker" in navigator ? navigator.serviceWorker : null;
if (workers) workers.register("/sw.js").catch(() => {});

function keep(urls) {
  if (!workers) return;
  workers.ready.then((registration) => registration.active && registration.active.postMessage({ type: "keep", urls }));
}

/** Absolute URLs of every runtime file, from the runtime folder's runtime.json. */
async function runtimeFiles(runtime) {
  const { files } = await (await fetch(new URL(RUNTIME_MANIFEST, runtime))).json();
  return Object.keys(files).map((name) => new URL(name, runtime).href);
}

/** The page and every file it fetched so far (the worker's script included once it started). */
function pageFiles() {
  return [location.href.split("#")[0], ...performance.getEntriesByType("resource").map((entry) => entry.name)];
}

/** Keep the runtime, and the page's files again: some are fetched after its load event. */
export function keepRuntime(runtime) {
  runtimeFiles(runtime).then((files) => keep([...files, ...pageFiles()])).catch(() => {});
}

function frugal() {
  const connection = navigator.connection;
  return Boolean(connection && (connection.saveData || /(^|-)2g$/.test(connection.effectiveType || "")));
}

function prefetchIfLinked(runtime) {
  const content = document.querySelector(".md-content") || document.body;
  if (content.querySelector("[data-yibao-calculator]") || frugal()) return;
  if (!content.querySelector('a[href*="calculators/"]')) return;
  const idle = window.requestIdleCallback || ((callback) => setTimeout(callback, 1));
  idle(() => keepRuntime(runtime), { timeout: 5000 });
}

function afterLoad(callback) {
  if (document.readyState === "complete") callback();
  else addEventListener("load", callback, { once: true });
}

/** Run on every page, the first and each instant navigation. */
export function onPage(runtime) {
  afterLoad(() => {
    keep(pageFiles());
    prefetchIfLinked(runtime);
  });
}
