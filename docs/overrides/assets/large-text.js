// @ts-check
// 长辈模式 / Large text: loaded in <head> without defer, so the remembered choice is applied
// before the first paint (no flash of small text). The switch is the header button
// partials/large-text.html renders; its state is kept in this device's localStorage.
(() => {
  const KEY = "yibao-large-text";
  const root = document.documentElement;
  const read = () => { try { return localStorage.getItem(KEY) === "1"; } catch { return false; } };
  const sync = () => {
    for (const button of document.querySelectorAll(".yb-large-toggle")) button.setAttribute("aria-pressed", String(root.classList.contains("yb-large")));
  };
  root.classList.toggle("yb-large", read());
  document.addEventListener("click", (event) => {
    if (!/** @type {Element} */ (event.target).closest(".yb-large-toggle")) return;
    const on = !root.classList.contains("yb-large");
    root.classList.toggle("yb-large", on);
    try { localStorage.setItem(KEY, on ? "1" : "0"); } catch { /* private mode: this page only */ }
    sync();
  });
  document.addEventListener("DOMContentLoaded", sync);
})();
