"""Shared fixtures: the built site served on 127.0.0.1, and Debian's Chromium for Playwright."""

import functools
import http.server
import os
import socket
import subprocess
import threading

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHROMIUM = "/usr/bin/chromium"
# Chromium as root on a machine with no network but the registries (see the toolchain notes).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class LoggingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records every path asked for (the worker's downloads included)."""

    served = []

    def log_message(self, *args):
        pass

    def send_head(self):
        LoggingHandler.served.append(self.path)
        return super().send_head()


@pytest.fixture(scope="session")
def site():
    """Build the site for a free port (instant navigation needs site_url to match) and serve it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = "http://127.0.0.1:" + str(port) + "/"
    env = dict(os.environ, YIBAO_SITE_URL=base)
    subprocess.run(["bash", "scripts/build_site.sh"], cwd=ROOT, env=env, check=True, capture_output=True)
    handler = functools.partial(LoggingHandler, directory=os.path.join(ROOT, "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"base": base, "dir": os.path.join(ROOT, "site"), "served": LoggingHandler.served}
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh installs it)")
    return dict(browser_type_launch_args, executable_path=CHROMIUM, args=CHROMIUM_ARGS)
