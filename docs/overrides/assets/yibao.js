// Keeps the language selector on the current page after instant navigation, which swaps the
// page without re-rendering the header partial. `document$` is Material's page-change stream.
document$.subscribe(() => {
  for (const link of document.querySelectorAll("a.md-select__link[data-yibao-base]")) {
    const own = link.dataset.yibaoOwn;
    const path = location.pathname.startsWith(own) ? location.pathname.slice(own.length) : "";
    link.href = link.dataset.yibaoBase + path + location.hash;
  }
});
