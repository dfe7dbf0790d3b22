// Bare Pyodide, booted from the site's runtime folder as the calculator worker does (same
// trimmed stdlib and lock file), without loading the calculators package.
self.onmessage = async ({ data: runtime }) => {
  const indexURL = new URL("../", runtime).href;
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL, stdLibURL: runtime + "python_stdlib.zip", lockFileURL: runtime + "pyodide-lock.json" });
  self.postMessage(String(pyodide.runPython("1+1")));
};
