"""The site's performance as a reader meets it (a benchmark, not a test; it takes minutes).

Usage: python -m scripts.benchmark_site [--runs N] [--write]
Builds the site and serves it with nginx and the repo's config (deploy/nginx.conf), as
deployed. In Debian's Chromium, N times each, once emulating a cheap phone through the DevTools
protocol (CPU 4x slower, 1.6 Mbit/s down, 150 ms latency) and once unthrottled:
  - calculator page, first visit (fresh browser profile): wire bytes (encoded sizes from the
    DevTools protocol, every request including the worker's) and the time from navigation to the
    first live result (a settlement asked for at the load event, as a reader pressing 计算 at once);
  - the same page again, repeat visit (Python restored from the memory snapshot the first visit
    kept); again without that snapshot (a normal boot, to show what it saves); then with the
    server stopped (offline), the result checked against CPython's;
  - a FAQ page that links to a calculator: wire bytes of its own load (the runtime prefetched
    after it is counted apart) and its load time, with and without the prefetch (Save-Data);
  - the floor: a bare page booting the same runtime from the same server and computing 1+1.
Prints the medians; --write puts the table into docs/zh/performance.md (in Chinese) and
docs/en/performance.md.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from playwright.sync_api import sync_playwright

from calculators import api
from scripts import nginx_conf
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.ready_runtime import version

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "scripts", "bench")
CALCULATOR = "calculators/inpatient/"
FAQ = "hangzhou/benefits/"
SCENARIO = {
    "policy": "hangzhou-employee",
    "date": "2025-06-01",
    "claims": [{"kind": "inpatient", "level": "tertiary", "amount": "50000"}],
}
PHONE = {"offline": False, "latency": 150, "downloadThroughput": 200000, "uploadThroughput": 93750}
# At the load event, asks for one settlement and records when it arrives (ms since navigation).
PROBE = """
addEventListener("load", () => {
  if (window.yibao && document.querySelector("[data-yibao-calculator]"))
    window.yibao.settle(%s).then((r) => { window.__result = r; window.__first_result = performance.now(); });
});
""" % json.dumps(SCENARIO)
SAVE_DATA = "Object.defineProperty(navigator, 'connection', {value: {saveData: true, effectiveType: '4g'}});"
START, END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"


class Server:
    """nginx on one port for the whole run, stopped and started again for the offline visits."""

    def __init__(self, root: str, run: str):
        self.root, self.run, self.port = root, run, nginx_conf.free_port()
        self.base = "http://127.0.0.1:" + str(self.port) + "/"
        self.process = None

    def up(self):
        if self.process is None:
            self.process = nginx_conf.start(self.root, self.port, self.run)

    def down(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def add_floor(site: str, runtime: str) -> None:
    os.makedirs(os.path.join(site, "bench"), exist_ok=True)
    with open(os.path.join(BENCH, "floor.html"), encoding="utf-8") as handle:
        page = handle.read().replace(
            "<title>floor</title>", '<title>floor</title>\n<meta name="runtime" content="' + runtime + '">'
        )
    with open(os.path.join(site, "bench", "floor.html"), "w", encoding="utf-8") as handle:
        handle.write(page)
    for name in ("floor.js", "floor-worker.js"):
        shutil.copyfile(os.path.join(BENCH, name), os.path.join(site, "bench", name))


def open_page(context, throttled: bool, scripts=()):
    page = context.new_page()
    if throttled:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", PHONE)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    for script in (PROBE,) + tuple(scripts):
        page.add_init_script(script)
    return page


def wire(requests: list, select=lambda url: True) -> int:
    """Encoded bytes (headers and body) of the finished requests, from the DevTools protocol;
    answers from a cache report nothing or a negative size and count as zero."""
    total = 0
    for request in requests:
        if select(request.url):
            sizes = request.sizes()
            total += max(0, sizes["responseBodySize"]) + max(0, sizes["responseHeadersSize"])
    return total


def visit(context, url: str, marker: str, throttled: bool) -> dict:
    requests = []

    def finished(request):
        requests.append(request)

    context.on("requestfinished", finished)
    page = open_page(context, throttled)
    page.goto(url, timeout=300000)
    deadline = time.time() + 300
    while page.evaluate("window." + marker) is None:  # polled from here: the page's CSP forbids eval
        if time.time() > deadline:
            raise RuntimeError("no result on " + url)
        time.sleep(0.05)
    out = {
        "ms": page.evaluate("window." + marker),
        "bytes": wire(requests),
        "result": page.evaluate("window.__result || null"),
    }
    # A reader stays on the page for a while: let the worker finish keeping its snapshot.
    while marker == "__first_result" and not page.evaluate(SNAPSHOT_KEPT) and time.time() < deadline:
        time.sleep(0.2)
    context.remove_listener("requestfinished", finished)
    page.close()
    return out


SNAPSHOT_KEPT = "caches.open('pyodide-snapshot').then((c) => c.keys()).then((keys) => keys.length > 0)"
KEPT = """async () => {
    const runtime = (await caches.keys()).length > 0 && await (async () => { for (const n of await caches.keys())
        for (const r of await (await caches.open(n)).keys()) if (r.url.endsWith('.whl')) return true; return false; })();
    return runtime && (await (await caches.open('pyodide-snapshot')).keys()).length > 0;
}"""


def kept(context, base: str) -> None:
    """Waits until the service worker holds the runtime and the worker has kept its snapshot
    (what a later visit, and an offline one, uses)."""
    page = context.new_page()
    page.goto(base + "bench/floor.html")  # any page of the origin can look into its caches
    deadline = time.time() + 120
    while not page.evaluate(KEPT):
        if time.time() > deadline:
            raise RuntimeError("the runtime or its snapshot was never kept")
        time.sleep(0.5)
    page.close()


def forget_snapshot(context, base: str) -> None:
    page = context.new_page()
    page.goto(base + "bench/floor.html")
    page.evaluate("caches.delete('pyodide-snapshot')")
    page.close()


def faq(browser, base: str, throttled: bool, scripts=()) -> dict:
    context = browser.new_context()
    requests = []
    context.on("requestfinished", lambda request: requests.append(request))
    page = open_page(context, throttled, scripts)
    page.goto(base + FAQ, timeout=300000)
    page.wait_for_load_state("networkidle", timeout=300000)
    time.sleep(1)
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    own = wire(requests, lambda url: "/pyodide/" not in url)
    prefetched = wire(requests, lambda url: "/pyodide/" in url)
    context.close()
    return {"load": load, "bytes": own, "prefetched": prefetched}


def measure(browser, server: Server, runs: int, throttled: bool, expected: dict) -> dict:
    rows = {}

    def add(key, value):
        rows.setdefault(key, []).append(value)

    for _ in range(runs):
        server.up()
        context = browser.new_context()
        first = visit(context, server.base + CALCULATOR, "__first_result", throttled)
        kept(context, server.base)
        repeat = visit(context, server.base + CALCULATOR, "__first_result", throttled)
        forget_snapshot(context, server.base)
        add("repeat_no_snapshot_ms", visit(context, server.base + CALCULATOR, "__first_result", throttled)["ms"])
        kept(context, server.base)
        server.down()
        offline = visit(context, server.base + CALCULATOR, "__first_result", throttled)
        server.up()
        context.close()
        add("first_ms", first["ms"])
        add("first_bytes", first["bytes"])
        add("repeat_ms", repeat["ms"])
        add("repeat_bytes", repeat["bytes"])
        add("offline_ms", offline["ms"])
        add("offline_same", first["result"] == expected and offline["result"] == expected)
        with_prefetch = faq(browser, server.base, throttled)
        without = faq(browser, server.base, throttled, (SAVE_DATA,))
        add("faq_bytes", with_prefetch["bytes"])
        add("faq_prefetched", with_prefetch["prefetched"])
        add("faq_load", with_prefetch["load"])
        add("faq_load_no_prefetch", without["load"])
        context = browser.new_context()
        add("floor_ms", visit(context, server.base + "bench/floor.html", "__floor", throttled)["ms"])
        context.close()
    out = {key: statistics.median(values) for key, values in rows.items() if key != "offline_same"}
    out["offline_same"] = all(rows["offline_same"])
    return out


WORDS = {
    "en": {
        "head": "| measure (median of %d; %s) | phone (throttled) | unthrottled | target (phone) |",
        "first_bytes": "calculator page, first visit: wire bytes",
        "first_ms": "calculator page, first visit: navigation → first live result",
        "repeat_ms": "calculator page, repeat visit: navigation → first live result",
        "repeat_bytes": "calculator page, repeat visit: wire bytes",
        "repeat_no_snapshot_ms": "calculator page, repeat visit without the memory snapshot (normal boot)",
        "offline_ms": "calculator page, repeat visit with the server stopped: first live result",
        "offline_same": "offline result equals CPython's",
        "faq_bytes": "FAQ page: wire bytes of its own load",
        "faq_prefetched": "FAQ page: runtime prefetched after its load (wire bytes)",
        "faq_load": "FAQ page: load event, with the prefetch",
        "faq_load_no_prefetch": "FAQ page: load event, without it (Save-Data)",
        "floor_ms": "floor: bare Pyodide booted from the same server, 1+1, first visit",
        "build": "site build (scripts/build_site.sh)",
        "yes": "yes",
        "no": "NO",
    },
    "zh": {
        "head": "| 测量项（%d 次取中位数；%s） | 手机（限速） | 不限速 | 目标（手机） |",
        "first_bytes": "计算器页面，首次访问：传输字节",
        "first_ms": "计算器页面，首次访问：从打开到第一个实时结果",
        "repeat_ms": "计算器页面，再次访问：从打开到第一个实时结果",
        "repeat_bytes": "计算器页面，再次访问：传输字节",
        "repeat_no_snapshot_ms": "计算器页面，再次访问但不用内存快照（正常启动）",
        "offline_ms": "计算器页面，再次访问且服务器已停止（离线）：第一个实时结果",
        "offline_same": "离线结果与 CPython 完全相同",
        "faq_bytes": "问答页面：自身加载的传输字节",
        "faq_prefetched": "问答页面：加载完成后预取的运行环境（传输字节）",
        "faq_load": "问答页面：load 事件（有预取）",
        "faq_load_no_prefetch": "问答页面：load 事件（无预取，省流量模式）",
        "floor_ms": "下限：同一服务器上只启动 Pyodide 计算 1+1，首次访问",
        "build": "构建网站（scripts/build_site.sh）",
        "yes": "是",
        "no": "否",
    },
}
TARGETS = {
    "first_bytes": "≤ 4.0 MB",
    "first_ms": "≤ 25 s",
    "repeat_ms": "≤ 2.0 s",
    "faq_bytes": "≤ 250 KB",
    "offline_same": "✓",
}


def table(lang: str, phone: dict, fast: dict, runs: int, build_s: float) -> str:
    words = WORDS[lang]

    def show(key, value):
        if key == "offline_same":
            return words["yes"] if value else words["no"]
        if key.endswith("bytes") or key == "faq_prefetched":
            return "%.2f MB" % (value / 1e6) if value >= 1e6 else "%d KB" % round(value / 1e3)
        return "%.2f s" % (value / 1000)

    lines = [words["head"] % (runs, "Pyodide " + version()), "|---|---|---|---|"]
    for key in (
        "first_bytes",
        "first_ms",
        "repeat_ms",
        "repeat_no_snapshot_ms",
        "repeat_bytes",
        "offline_ms",
        "offline_same",
        "faq_bytes",
        "faq_prefetched",
        "faq_load",
        "faq_load_no_prefetch",
        "floor_ms",
    ):
        lines.append(
            "| %s | %s | %s | %s |" % (words[key], show(key, phone[key]), show(key, fast[key]), TARGETS.get(key, ""))
        )
    lines.append("| %s | %.1f s | | |" % (words["build"], build_s))
    return "\n".join(lines)


def write_pages(texts: dict, start: str = START, end: str = END) -> None:
    """Each language's text between the ``start`` and ``end`` markers of its performance page
    (scripts/chart_bytes.py writes its own table between markers of its own)."""
    for lang, text in texts.items():
        path = os.path.join(ROOT, "docs", lang, "performance.md")
        with open(path, encoding="utf-8") as handle:
            page = handle.read()
        before, rest = page.split(start, 1)
        after = rest.split(end, 1)[1]
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(before + start + "\n" + text + "\n" + end + after)


def main(argv: list) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3
    expected = json.loads(api.run_json("settle", json.dumps(SCENARIO), SCENARIO["date"]))
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(os.path.join(tmp, "site"), os.path.join(tmp, "run"))
        start = time.perf_counter()
        subprocess.run(
            ["bash", "scripts/build_site.sh"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            env=dict(os.environ, YIBAO_SITE_URL=server.base),
        )
        build_s = time.perf_counter() - start
        shutil.copytree(os.path.join(ROOT, "site"), server.root)
        runtime = subprocess.run(
            [sys.executable, "-m", "scripts.ready_runtime", "--path"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        add_floor(server.root, runtime)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                phone = measure(browser, server, runs, True, expected)
                fast = measure(browser, server, runs, False, expected)
                browser.close()
        finally:
            server.down()  # even when a visit fails: no nginx left behind
    texts = {lang: table(lang, phone, fast, runs, build_s) for lang in ("zh", "en")}
    print(texts["en"])
    if "--write" in argv:
        write_pages(texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
