// @ts-check
// Keeps the language selector on what is on screen now: the same page, and on a calculator
// the inputs as they stand (widgets.js keeps them in data-state), elsewhere the section the
// reader has scrolled to. Worked out when the link is used, not when the page loaded.
function currentSection() {
  const top = (document.querySelector(/** @type {"header"} */ (".md-header"))?.offsetHeight || 0) + 8;
  let id = "";
  for (const heading of document.querySelectorAll("article :is(h2, h3, h4)[id]")) {
    if (heading.getBoundingClientRect().top > top) break;
    id = heading.id;
  }
  return id ? "#" + id : "";
}

function here() {
  const calculator = /** @type {HTMLElement | null} */ (document.querySelector("[data-yibao-calculator][data-state]"));
  if (calculator) return "#" + calculator.dataset.state;
  return currentSection();
}

function point(link) {
  const own = link.dataset.yibaoOwn;
  const path = location.pathname.startsWith(own) ? location.pathname.slice(own.length) : "";
  link.href = link.dataset.yibaoBase + path + here();
}

/** @param {Event} event */
function languageLink(event) {
  return /** @type {Element} */ (event.target).closest?.(/** @type {"a"} */ ("a.md-select__link[data-yibao-base]"));
}

for (const type of ["pointerdown", "focusin"]) {
  document.addEventListener(type, (event) => {
    const link = languageLink(event);
    if (link) point(link);
  }, true);
}
// The other language is another build of the site: load it whole, so the fragment (the inputs or
// the section) arrives intact instead of going through Material's instant navigation.
document.addEventListener("click", (event) => {
  const link = languageLink(event);
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  point(link);
  event.preventDefault();
  event.stopPropagation();
  location.assign(link.href);
}, true);
document$.subscribe(() => {
  for (const link of document.querySelectorAll("a.md-select__link[data-yibao-base]")) point(link);
});
