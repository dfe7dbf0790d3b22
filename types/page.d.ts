// What the page scripts under docs/overrides/assets use from mkdocs-material: its page-view observable.
declare const document$: { subscribe(next: () => void): unknown };

interface Window {
  yibao: unknown;
}

// The Network Information API (Chromium only) that offline.js reads to save data.
interface Navigator {
  connection?: { saveData?: boolean; effectiveType?: string };
}
