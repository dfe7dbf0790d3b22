// Starts the floor worker with the site's runtime folder (from the page's meta tag) and records
// when 1+1 comes back.
const runtime = new URL(document.querySelector("meta[name=runtime]").content, location.href).href;
const worker = new Worker(new URL("./floor-worker.js", import.meta.url), { type: "module" });
worker.onmessage = ({ data }) => { window.__floor = performance.now(); document.title = "done " + data; };
worker.postMessage(runtime);
