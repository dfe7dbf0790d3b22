// @ts-check
// Pass it on: the share link as a QR code, drawn in the page on demand, for a family member to
// scan off the screen. The encoder is uqr from npm, copied into the site by the build
// (scripts/vendor.py) and loaded only when the button is pressed; the code is drawn as SVG. The
// link carries the inputs after the #, which no server ever receives.

/** Where the build puts the encoder: one copy at the site's root serves both languages. */
const ENCODER = "/assets/vendor/uqr.mjs";
const SVG = "http://www.w3.org/2000/svg";
/** The quiet zone around the code, in modules: four, as the QR standard asks, for phone cameras. */
const QUIET = 4;
/** CSS pixels per module: whole pixels keep every module the same width (narrower screens scale it down). */
const MODULE = 4;

/** @typedef {{encode: (text: string, options?: {ecc?: string, border?: number}) => {size: number, data: boolean[][]}}} Encoder */

/** @type {Promise<Encoder> | null} */
let encoder = null;

/** @returns {Promise<Encoder>} */
function loadEncoder() {
  encoder ||= import(new URL(ENCODER, import.meta.url).href).catch((error) => {
    encoder = null; // a later press may find the network back
    throw error;
  });
  return encoder;
}

/**
 * The code as one SVG path of dark squares on white.
 * @param {{size: number, data: boolean[][]}} code
 * @param {string} label
 */
function drawing(code, label) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${code.size} ${code.size}`);
  svg.setAttribute("width", String(code.size * MODULE));
  svg.setAttribute("height", String(code.size * MODULE));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  const paper = document.createElementNS(SVG, "rect");
  paper.setAttribute("width", String(code.size));
  paper.setAttribute("height", String(code.size));
  paper.setAttribute("fill", "#fff");
  const ink = document.createElementNS(SVG, "path");
  let d = "";
  code.data.forEach((row, y) => row.forEach((dark, x) => { if (dark) d += `M${x} ${y}h1v1h-1z`; }));
  ink.setAttribute("d", d);
  ink.setAttribute("fill", "#000");
  svg.append(paper, ink);
  return svg;
}

/**
 * Bind the QR button of one calculator; returns the cleanup for the next page view.
 * @param {HTMLElement} root the calculator ([data-yibao-calculator])
 * @param {() => Promise<string>} shareLink the link to what is on screen ("" when the inputs are refused)
 * @returns {() => void}
 */
export function bindQr(root, shareLink) {
  const button = /** @type {HTMLButtonElement | null} */ (root.querySelector(".yb-qr"));
  const box = /** @type {HTMLElement | null} */ (root.querySelector(".yb-qr-box"));
  if (!button || !box) return () => {};
  const w = JSON.parse(root.dataset.words);
  const shown = w.qr;
  const hide = () => {
    box.hidden = true;
    box.replaceChildren();
    button.setAttribute("aria-expanded", "false");
    button.textContent = shown;
  };
  const show = async () => {
    const link = await shareLink();
    if (!link) return hide();
    box.hidden = false;
    button.setAttribute("aria-expanded", "true");
    button.textContent = w.qr_hide;
    try {
      const { encode } = await loadEncoder();
      const figure = document.createElement("figure");
      figure.append(drawing(encode(link, { ecc: "M", border: QUIET }), w.qr_label));
      figure.append(Object.assign(document.createElement("figcaption"), { textContent: w.qr_caption }));
      box.replaceChildren(figure);
      // Asked for, so shown whole (computing first may have scrolled to the result).
      figure.scrollIntoView({ block: "center" });
    } catch (error) {
      console.error(error);
      box.replaceChildren(Object.assign(document.createElement("p"), { className: "yb-error", textContent: w.qr_failed }));
    }
  };
  const onClick = () => (button.getAttribute("aria-expanded") === "true" ? hide() : show());
  // A code of inputs no longer on screen would pass on the wrong figures.
  const form = root.querySelector("form");
  button.addEventListener("click", onClick);
  form.addEventListener("input", hide);
  form.addEventListener("change", hide);
  return () => {
    button.removeEventListener("click", onClick);
    form.removeEventListener("input", hide);
    form.removeEventListener("change", hide);
  };
}
