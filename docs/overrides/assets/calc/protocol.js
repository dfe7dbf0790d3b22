// @ts-check
// The messages between the page and the calculator worker. Nothing here depends on the
// runtime (Pyodide or MicroPython): a worker that speaks these messages can serve the page.

export const Message = Object.freeze({
  BOOT: "boot",         // page → worker: {runtime}: load the runtime from this URL
  PROGRESS: "progress", // worker → page: {stage, received, total, restored}: one of Stage, in
                        //   order; during DOWNLOAD, bytes of the runtime received so far and in all
                        //   (0 if unknown); at READY, whether Python came from a kept snapshot
  FAILED: "failed",     // worker → page: {error}: the runtime could not be loaded
  RUN: "run",           // page → worker: {id, calculator, scenario (JSON text), today, lang, links}
  RESULT: "result",     // worker → page: {id, json, html}: the CLI's JSON text and the slip
  ERROR: "error",       // worker → page: {id, error}: the run itself failed (a bug, not bad input)
});

export const Stage = Object.freeze({
  DOWNLOAD: "download", // fetching and compiling the runtime
  START: "start",       // starting Python
  PACKAGES: "packages", // loading the calculators package
  READY: "ready",
});

/** @typedef {typeof Stage[keyof typeof Stage]} StageName */

/**
 * The messages as types: a union discriminated by `type`, one side each way.
 * @typedef {{type: "boot", runtime: string}} BootMessage
 * @typedef {{type: "run", id: number, calculator: string, scenario: string, today: string, lang: string,
 *            links: Record<string, string>}} RunMessage
 * @typedef {{type: "progress", stage: StageName, received: number, total: number, restored: boolean}} ProgressMessage
 * @typedef {{type: "failed", error: string}} FailedMessage
 * @typedef {{type: "result", id: number, json: string, html: string}} ResultMessage
 * @typedef {{type: "error", id: number, error: string}} ErrorMessage
 * @typedef {BootMessage | RunMessage} ToWorker
 * @typedef {ProgressMessage | FailedMessage | ResultMessage | ErrorMessage} FromWorker
 */

/** @type {StageName[]} */
export const STAGES = [Stage.DOWNLOAD, Stage.START, Stage.PACKAGES, Stage.READY];

/** @type {(runtime: string) => BootMessage} */
export const bootMessage = (runtime) => ({ type: Message.BOOT, runtime });

/** @type {(stage: StageName, received?: number, total?: number, restored?: boolean) => ProgressMessage} */
export const progressMessage = (stage, received = 0, total = 0, restored = false) =>
  ({ type: Message.PROGRESS, stage, received, total, restored });

/** @type {(id: number, calculator: string, scenario: string, today: string, lang: string, links: Record<string, string>) => RunMessage} */
export const runMessage = (id, calculator, scenario, today, lang, links) =>
  ({ type: Message.RUN, id, calculator, scenario, today, lang, links });

// The site's runtime folder lists its files in runtime.json (written by scripts/ready_runtime.py):
// {files: {url: bytes}}, urls relative to that folder; the worker counts the download against it,
// the page hands it to the service worker to keep for offline use.
export const RUNTIME_MANIFEST = "runtime.json";
