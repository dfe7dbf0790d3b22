// @ts-check
// Counts the runtime's download as it streams in, for the progress line ("1.2 of 3.4 MB").
// Pyodide fetches its files itself, so the worker's fetch is wrapped: a response for one of the
// listed files is passed on through a counting stream. Files the service worker already holds
// are counted as received at once (nothing crosses the network for them).

/**
 * Wrap self.fetch for the listed files (absolute URL → bytes); report(received, total).
 * @param {Record<string, number>} files
 * @param {(received: number, total: number) => void} report
 */
export async function countDownloads(files, report) {
  const total = Object.values(files).reduce((sum, bytes) => sum + bytes, 0);
  let received = 0;
  for (const url of Object.keys(files)) {
    if (self.caches && await self.caches.match(url)) received += files[url];
  }
  report(received, total);
  const native = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const response = await native(input, init);
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, self.location.href).href;
    if (!(url in files) || !response.body || !response.ok || await self.caches?.match(url)) return response;
    let last = 0;
    const counter = new TransformStream({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received - last > 65536) { last = received; report(Math.min(received, total), total); }
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter),
      { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
