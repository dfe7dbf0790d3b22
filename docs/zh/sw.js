// The site's service worker (served from /sw.js, so it covers / and /en/): a calculator keeps
// working with no network after one visit, and a new site version replaces everything cached.
// One cache per build, named by a hash of the built files (scripts/offline.py writes it below);
// on activation the caches of other builds are deleted. Only this origin's GET requests are
// handled; nothing from another origin is ever cached.
//   pages (HTML):   network first, the cached copy when offline
//   everything else: cache first. Within one build nothing changes under its URL (the runtime is
//                   versioned, the theme's bundles hashed, and a new build is a new cache).
const BUILD = "@YIBAO_BUILD@";
const CACHE = "yibao-" + BUILD;
const inflight = new Map(); // one network fetch per URL, even when the page and its worker both ask

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (name.startsWith("yibao-") && name !== CACHE) await caches.delete(name);
  }
  await self.clients.claim();
})()));

function isPage(request, url) {
  return request.mode === "navigate" || url.pathname.endsWith("/") || url.pathname.endsWith(".html");
}

async function networkFirst(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(cache.put(event.request, response.clone()));
    return response;
  } catch (error) {
    const kept = await cache.match(event.request, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(event) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(event.request);
  if (kept) return kept;
  const key = event.request.url;
  if (!inflight.has(key)) {
    const fetched = fetch(event.request).then((response) => {
      if (response.ok && response.status === 200) event.waitUntil(cache.put(key, response.clone()));
      return response;
    }).finally(() => inflight.delete(key));
    inflight.set(key, fetched);
  }
  return (await inflight.get(key)).clone();
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || event.request.headers.has("range")) return;
  event.respondWith(isPage(event.request, url) ? networkFirst(event) : cacheFirst(event));
});

// The page asks to keep what it used (its own files, and the runtime once a calculator is
// ready), so the first visit, made before this worker took control, works offline too.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "keep") return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const address of event.data.urls) {
      const url = new URL(address, self.location.href);
      if (url.origin !== self.location.origin || await cache.match(url.href)) continue;
      try {
        await cache.add(url.href);
      } catch {
        // Not there any more (a new build): the next visit fetches it.
      }
    }
  })());
});
