self.onmessage = async ({ data: runtime }) => {
  const { loadPyodide } = await import(runtime + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: runtime });
  self.postMessage(String(pyodide.runPython("1+1")));
};
