// @ts-check
// Saved scenarios, the data side: a calculator page's inputs kept under a name in this browser's
// localStorage (nothing is sent anywhere), written to and read from a file. Every record carries
// the version of its format and `migrate` brings any older record up to this one, so a scenario
// saved before an update of the site still opens after it. No DOM and no words here (keep.js
// draws the list, in the page's words): the functions run unchanged in Node for the fast tests.

/** The format written now. */
export const VERSION = 1;
/** The localStorage key: one list for every calculator page and both languages (one origin). */
export const KEY = "yibao-scenarios";
/** What an exported file says it is. */
export const FILE_KIND = "yibao-scenarios";
/** A file larger than this is not one of ours (a hundred scenarios are a few tens of KB). */
export const MAX_FILE_CHARS = 1000000;

/**
 * Version 1. `calculator` is the page's id (data-page: inpatient, outpatient, …), `inputs` the
 * form's values by field name as the share link carries them (language-neutral: option values
 * and numbers, never labels), `saved` an ISO time.
 * @typedef {{version: number, calculator: string, name: string, saved: string, inputs: Record<string, string>}} Scenario
 */

/**
 * Version 0, the shape before records had a version: the share link's fragment as it stood,
 * {name, page, fragment: "policy=…&claims.0.bill=…", time: milliseconds since the epoch}.
 * @param {any} old
 * @returns {Scenario | null}
 */
function fromVersion0(old) {
  if (typeof old.fragment !== "string" || typeof old.page !== "string") return null;
  const inputs = Object.fromEntries(new URLSearchParams(old.fragment.replace(/^#/, "")));
  const saved = Number.isFinite(old.time) ? new Date(old.time).toISOString() : "";
  return checked({ version: VERSION, calculator: old.page, name: old.name, saved, inputs });
}

/** @param {any} value */
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A current record with every field of the right type, or null; input values become strings.
 * @param {any} record
 * @returns {Scenario | null}
 */
function checked(record) {
  const { calculator, saved, inputs } = record;
  const name = typeof record.name === "string" ? record.name.trim() : "";
  if (typeof calculator !== "string" || !calculator || !name || !isObject(inputs)) return null;
  const values = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (!["string", "number", "boolean"].includes(typeof value)) return null;
    values[key] = String(value);
  }
  return { version: VERSION, calculator, name, saved: typeof saved === "string" ? saved : "", inputs: values };
}

/**
 * Any record this site ever wrote, as a current one; null for what is not a record, and for a
 * record of a newer format (`isNewer` tells that case apart: it is kept, not dropped).
 * @param {any} record
 * @returns {Scenario | null}
 */
export function migrate(record) {
  if (!isObject(record)) return null;
  if (record.version === undefined) return fromVersion0(record);
  if (record.version === VERSION) return checked(record);
  return null;
}

/** @param {any} record */
export const isNewer = (record) => isObject(record) && Number.isInteger(record.version) && record.version > VERSION;

/**
 * The stored records, migrated; `newer` holds records of a newer format (written by a newer copy
 * of the site in another tab), put back untouched on every save so that nothing is lost.
 * @param {Pick<Storage, "getItem">} storage
 * @returns {{scenarios: Scenario[], newer: any[]}}
 */
export function load(storage) {
  let stored;
  try {
    stored = JSON.parse(storage.getItem(KEY) || "[]");
  } catch {
    stored = [];
  }
  const list = Array.isArray(stored) ? stored : [];
  return { scenarios: list.map(migrate).filter(Boolean), newer: list.filter(isNewer) };
}

/**
 * @param {Pick<Storage, "setItem">} storage
 * @param {{scenarios: Scenario[], newer: any[]}} kept
 */
export function store(storage, { scenarios, newer }) {
  storage.setItem(KEY, JSON.stringify([...newer, ...scenarios]));
}

/** @param {Scenario[]} scenarios @param {string} calculator @param {string} name */
export const find = (scenarios, calculator, name) =>
  scenarios.find((s) => s.calculator === calculator && s.name === name.trim());

/**
 * The name a reader typed, or why it cannot be used: "name_empty", "name_taken".
 * @param {Scenario[]} scenarios
 * @param {string} calculator
 * @param {string} name
 * @returns {string}
 */
export function nameProblem(scenarios, calculator, name) {
  if (!name.trim()) return "name_empty";
  return find(scenarios, calculator, name) ? "name_taken" : "";
}

/**
 * A new record for the inputs on screen.
 * @param {string} calculator
 * @param {string} name
 * @param {Record<string, string>} inputs
 * @param {Date} now
 * @returns {Scenario}
 */
export function scenario(calculator, name, inputs, now) {
  return { version: VERSION, calculator, name: name.trim(), saved: now.toISOString(), inputs: { ...inputs } };
}

/**
 * The file an export writes: every saved scenario, of every calculator page.
 * @param {Scenario[]} scenarios
 * @param {Date} now
 */
export function exportText(scenarios, now) {
  return JSON.stringify({ kind: FILE_KIND, version: VERSION, exported: now.toISOString(), scenarios }, null, 1) + "\n";
}

/**
 * A file's scenarios, migrated, or the reason it is refused: "import_unreadable" (not JSON, or
 * too large), "import_not_ours" (JSON, but not an export of this site), "import_newer" (from a
 * newer version of the site), "import_empty" (ours, with no usable scenario).
 * @param {string} text
 * @returns {{scenarios: Scenario[], unusable: number} | {error: string}}
 */
export function parseImport(text) {
  if (text.length > MAX_FILE_CHARS) return { error: "import_unreadable" };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: "import_unreadable" };
  }
  if (!isObject(data) || data.kind !== FILE_KIND || !Array.isArray(data.scenarios)) return { error: "import_not_ours" };
  if (!Number.isInteger(data.version) || data.version > VERSION) return { error: isNewer(data) ? "import_newer" : "import_not_ours" };
  const scenarios = data.scenarios.map(migrate).filter(Boolean);
  if (!scenarios.length) return { error: data.scenarios.some(isNewer) ? "import_newer" : "import_empty" };
  return { scenarios, unusable: data.scenarios.length - scenarios.length };
}

/** @param {Record<string, string>} inputs */
const sameKey = (inputs) => JSON.stringify(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Imported scenarios added to the saved ones, never replacing one: the same name with the same
 * inputs is already there (skipped); the same name with other inputs is added under the name
 * with `suffix` appended (as many times as needed to be free).
 * @param {Scenario[]} saved
 * @param {Scenario[]} incoming
 * @param {string} suffix
 * @returns {{scenarios: Scenario[], added: Scenario[], same: number, renamed: number}}
 */
export function merge(saved, incoming, suffix) {
  const scenarios = [...saved];
  const added = [];
  let same = 0;
  let renamed = 0;
  for (const one of incoming) {
    const there = find(scenarios, one.calculator, one.name);
    if (there && sameKey(there.inputs) === sameKey(one.inputs)) {
      same += 1;
      continue;
    }
    let name = one.name;
    while (find(scenarios, one.calculator, name)) name += suffix;
    if (name !== one.name) renamed += 1;
    const copy = { ...one, name };
    scenarios.push(copy);
    added.push(copy);
  }
  return { scenarios, added, same, renamed };
}
