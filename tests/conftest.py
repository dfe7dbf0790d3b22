"""Shared fixtures: the built site served by nginx with the repo's own config (deploy/nginx.conf,
as deployed), and Debian's Chromium for Playwright."""

import os
import shutil
import socket
import subprocess
import tempfile
import time

import pytest

from scripts.nginx_conf import write_local

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHROMIUM = "/usr/bin/chromium"
NGINX = "/usr/sbin/nginx"
# Chromium as root on a machine with no network but the registries (see the toolchain notes).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Served:
    """The paths nginx was asked for, in order (the worker's and service worker's downloads
    included), read from its access log: iterate, len(), clear() to count from now on."""

    def __init__(self, log: str):
        self.log, self.start = log, 0

    def lines(self) -> list:
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding="utf-8") as handle:
            handle.seek(self.start)
            return [line.split() for line in handle.read().splitlines() if line.strip()]

    def __iter__(self):
        return iter([fields[1] for fields in self.lines()])

    def __len__(self):
        return len(self.lines())

    def timed(self) -> list:
        """(seconds since the epoch, path) per request, for ordering against page events."""
        return [(float(fields[0]), fields[1]) for fields in self.lines()]

    def clear(self):
        self.start = os.path.getsize(self.log) if os.path.exists(self.log) else 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_nginx(root: str, port: int, run: str) -> subprocess.Popen:
    """nginx in the foreground on 127.0.0.1:port serving root, with its pid and logs in run."""
    conf = write_local(run, root, port)
    server = subprocess.Popen([NGINX, "-p", run, "-c", conf, "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        if server.poll() is not None:
            raise RuntimeError("nginx did not start: " + server.stderr.read().decode())
        time.sleep(0.05)
    raise RuntimeError("nginx did not open port " + str(port))


@pytest.fixture(scope="session")
def site():
    """Build the site for a free port (instant navigation needs site_url to match) and serve it."""
    if not os.path.exists(NGINX):
        pytest.skip("Debian's nginx is not installed (scripts/setup.sh installs it)")
    port = free_port()
    base = "http://127.0.0.1:" + str(port) + "/"
    env = dict(os.environ, YIBAO_SITE_URL=base)
    subprocess.run(["bash", "scripts/build_site.sh"], cwd=ROOT, env=env, check=True, capture_output=True)
    run = tempfile.mkdtemp(prefix="yibao-nginx-")
    server = start_nginx(os.path.join(ROOT, "site"), port, run)
    yield {"base": base, "dir": os.path.join(ROOT, "site"), "served": Served(os.path.join(run, "access.log"))}
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(run, ignore_errors=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh installs it)")
    return dict(browser_type_launch_args, executable_path=CHROMIUM, args=CHROMIUM_ARGS)
