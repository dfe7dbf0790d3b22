self.onmessage = async ({ data: runtime }) => {
  const { loadMicroPython } = await import(runtime + "micropython.mjs");
  const mp = await loadMicroPython({ url: runtime + "micropython.wasm" });
  mp.runPython("r = 1+1");
  self.postMessage(String(mp.globals.get("r")));
};
