"""The site's performance, measured side by side in one run (a benchmark, not a test).

Usage: python -m scripts.benchmark_site [--runs N] [--write]
Builds the site (timed), then serves two copies on 127.0.0.1: the site as shipped (Pyodide)
and the same site with the MicroPython worker behind the same protocol. In Debian's Chromium
it measures, for N fresh browser contexts: navigation → first computed result on a calculator
page, cold (empty cache) and warm (same context again); the same for a bare page that only
boots the runtime and computes 1+1 (the floor); the longest main-thread task until the first
result; and bytes served per page (counted by the server). Prints medians and ratios; --write
puts the table into docs/zh/performance.md and docs/en/performance.md.
"""

import functools
import glob
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from playwright.sync_api import sync_playwright

from scripts.ready_runtime import runtime_path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "scripts", "bench")
MICROPYTHON = os.path.join(ROOT, "node_modules", "@micropython", "micropython-webassembly-pyscript")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CALCULATOR = "calculators/outpatient/"
FAQ = "hangzhou/benefits/"
SCENARIO = {"policy": "hangzhou-employee", "date": "2025-06-01", "person": {"account": "800"},
            "claims": [{"kind": "outpatient", "level": "tertiary", "amount": "3000"}]}
# Collects long tasks and, at load, asks for one settlement; records when it arrives.
PROBE = """
window.__longtasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push(e.duration); })
  .observe({ type: "longtask", buffered: true });
addEventListener("load", () => {
  if (window.yibao && document.querySelector("[data-yibao-calculator]")) window.yibao.settle(%s).then(() => { window.__first_result = performance.now(); });
});
""" % json.dumps(SCENARIO)
START, END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"


def micropython_version() -> str:
    with open(os.path.join(MICROPYTHON, "package.json"), encoding="utf-8") as handle:
        return json.load(handle)["version"]


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        body = super().send_head()
        if body is not None and hasattr(body, "fileno"):
            self.server.bytes_served += os.fstat(body.fileno()).st_size
        return body


def serve(directory: str):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(CountingHandler, directory=directory))
    server.bytes_served = 0
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:" + str(port) + "/"


def add_floor(site: str, runtime: str, worker: str):
    os.makedirs(os.path.join(site, "bench"), exist_ok=True)
    with open(os.path.join(BENCH, "floor.html"), encoding="utf-8") as handle:
        page = handle.read().replace("<title>floor</title>", '<title>floor</title>\n<meta name="runtime" content="' + runtime + '">')
    with open(os.path.join(site, "bench", "floor.html"), "w", encoding="utf-8") as handle:
        handle.write(page)
    shutil.copyfile(os.path.join(BENCH, worker), os.path.join(site, "bench", "floor-worker.js"))


def micropython_site(tmp: str) -> str:
    """The built site with its calculator worker swapped for MicroPython's, same protocol."""
    site = os.path.join(tmp, "micropython")
    shutil.copytree(os.path.join(ROOT, "site"), site)
    runtime = "/micropython/" + micropython_version() + "/"
    target = os.path.join(site, runtime.strip("/"))
    os.makedirs(os.path.join(target, "calculators", "data"))
    for name in ("micropython.mjs", "micropython.wasm"):
        shutil.copyfile(os.path.join(MICROPYTHON, name), os.path.join(target, name))
    names = []
    for path in sorted(glob.glob(os.path.join(ROOT, "calculators", "*.py"))) + [os.path.join(ROOT, "calculators", "data", "policies.json")]:
        rel = os.path.relpath(path, ROOT)
        shutil.copyfile(path, os.path.join(target, rel))
        names.append(rel.replace(os.sep, "/"))
    with open(os.path.join(target, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump(names, handle)
    for assets in glob.glob(os.path.join(site, "**", "assets", "calc"), recursive=True):
        shutil.copyfile(os.path.join(BENCH, "worker_micropython.js"), os.path.join(assets, "worker_micropython.js"))
        client = os.path.join(assets, "client.js")
        with open(client, encoding="utf-8") as handle:
            text = handle.read().replace('"./worker.js"', '"./worker_micropython.js"')
        with open(client, "w", encoding="utf-8") as handle:
            handle.write(text)
    for page in glob.glob(os.path.join(site, "**", "*.html"), recursive=True):
        with open(page, encoding="utf-8") as handle:
            text = handle.read()
        with open(page, "w", encoding="utf-8") as handle:
            handle.write(text.replace('content="' + runtime_path() + '"', 'content="' + runtime + '"'))
    add_floor(site, runtime, "floor-worker-micropython.js")
    return site


def visit(context, url: str, marker: str, server) -> dict:
    server.bytes_served = 0
    page = context.new_page()
    page.add_init_script(PROBE)
    page.goto(url)
    page.wait_for_function("window." + marker + " !== undefined", timeout=120000)
    done = page.evaluate("window." + marker)
    longest = page.evaluate("Math.max(0, ...window.__longtasks)")
    page.close()
    return {"ms": done, "longest": longest, "bytes": server.bytes_served}


def measure(browser, base: str, server, runs: int) -> dict:
    rows = {"cold": [], "warm": [], "floor_cold": [], "floor_warm": [], "longest": [], "bytes": [], "faq_bytes": [], "faq_longest": []}
    for _ in range(runs):
        context = browser.new_context()
        cold = visit(context, base + CALCULATOR, "__first_result", server)
        warm = visit(context, base + CALCULATOR, "__first_result", server)
        context.close()
        context = browser.new_context()
        floor_cold = visit(context, base + "bench/floor.html", "__floor", server)
        floor_warm = visit(context, base + "bench/floor.html", "__floor", server)
        context.close()
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(PROBE)
        server.bytes_served = 0
        page.goto(base + FAQ)
        page.wait_for_load_state("networkidle")
        rows["faq_bytes"].append(server.bytes_served)
        rows["faq_longest"].append(page.evaluate("Math.max(0, ...window.__longtasks)"))
        context.close()
        rows["cold"].append(cold["ms"])
        rows["warm"].append(warm["ms"])
        rows["floor_cold"].append(floor_cold["ms"])
        rows["floor_warm"].append(floor_warm["ms"])
        rows["longest"].append(cold["longest"])
        rows["bytes"].append(cold["bytes"])
    return {key: statistics.median(values) for key, values in rows.items()}


def table(build_s: float, pyodide: dict, micro: dict, runs: int) -> str:
    def seconds(ms):
        return "%.2f s" % (ms / 1000)

    def ratio(a, b):
        return "%.1f" % (a / b) if b else "—"
    lines = [
        "| measure (median of %d) | Pyodide %s | MicroPython %s | Pyodide ÷ MicroPython |" % (runs, runtime_path().split("/")[2], micropython_version()),
        "|---|---|---|---|",
        "| calculator page: navigation → first result, cold | %s | %s | %s |" % (seconds(pyodide["cold"]), seconds(micro["cold"]), ratio(pyodide["cold"], micro["cold"])),
        "| calculator page: navigation → first result, warm | %s | %s | %s |" % (seconds(pyodide["warm"]), seconds(micro["warm"]), ratio(pyodide["warm"], micro["warm"])),
        "| bare page booting the runtime, 1+1 (floor), cold | %s | %s | %s |" % (seconds(pyodide["floor_cold"]), seconds(micro["floor_cold"]), ratio(pyodide["floor_cold"], micro["floor_cold"])),
        "| bare page (floor), warm | %s | %s | %s |" % (seconds(pyodide["floor_warm"]), seconds(micro["floor_warm"]), ratio(pyodide["floor_warm"], micro["floor_warm"])),
        "| calculator page ÷ floor, cold | %s | %s | |" % (ratio(pyodide["cold"], pyodide["floor_cold"]), ratio(micro["cold"], micro["floor_cold"])),
        "| longest main-thread task until the first result | %d ms | %d ms | |" % (pyodide["longest"], micro["longest"]),
        "| longest main-thread task on a FAQ page (no runtime), for comparison | %d ms | %d ms | |" % (pyodide["faq_longest"], micro["faq_longest"]),
        "| bytes served, calculator page (cold) | %.2f MB | %.2f MB | %s |" % (pyodide["bytes"] / 1e6, micro["bytes"] / 1e6, ratio(pyodide["bytes"], micro["bytes"])),
        "| bytes served, FAQ page (cold) | %.2f MB | %.2f MB | |" % (pyodide["faq_bytes"] / 1e6, micro["faq_bytes"] / 1e6),
        "| site build (scripts/build_site.sh) | %.1f s | | |" % build_s,
    ]
    return "\n".join(lines)


def write_pages(text: str):
    for lang in ("zh", "en"):
        path = os.path.join(ROOT, "docs", lang, "performance.md")
        with open(path, encoding="utf-8") as handle:
            page = handle.read()
        before, rest = page.split(START, 1)
        after = rest.split(END, 1)[1]
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(before + START + "\n" + text + "\n" + END + after)


def main(argv: list) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    start = time.perf_counter()
    subprocess.run(["bash", "scripts/build_site.sh"], cwd=ROOT, check=True, capture_output=True)
    build_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        shipped = os.path.join(tmp, "pyodide")
        shutil.copytree(os.path.join(ROOT, "site"), shipped)
        add_floor(shipped, runtime_path(), "floor-worker-pyodide.js")
        servers = [serve(shipped), serve(micropython_site(tmp))]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            pyodide = measure(browser, servers[0][1], servers[0][0], runs)
            micro = measure(browser, servers[1][1], servers[1][0], runs)
            browser.close()
        for server, _ in servers:
            server.shutdown()
    text = table(build_s, pyodide, micro, runs)
    print(text)
    if "--write" in argv:
        write_pages(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
