"""Shared fixtures: the built site served by nginx with the repo's own config (deploy/nginx.conf,
as deployed), and Debian's Chromium for Playwright."""

import os
import shutil
import subprocess
import tempfile

import pytest
from hypothesis import settings

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.nginx_conf import NGINX, free_port, start

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# The outer tier, left out of the inner loop by `pytest -m "not browser"` (pytest.ini registers
# the marker): tests that need the built site (a build and nginx) or Chromium, and those that
# boot a second runtime or regenerate every page (MicroPython parity in Node, the
# byte-identical build, the new city and edition built in a copy of the repository), each
# several seconds.
BROWSER_FIXTURES = {"site", "page", "browser", "context", "own_server", "new_city", "new_edition"}
OUTER_MODULES = {"test_micropython_parity.py"}
OUTER_TESTS = {"test_generated_pages_are_byte_identical_from_the_same_input"}

# The property tests run the same strategies in both tiers, on fewer examples in the inner loop.
settings.register_profile("whole", max_examples=300, deadline=None)
settings.register_profile("inner", max_examples=50, deadline=None)


def pytest_configure(config):
    """The inner profile when the run leaves the outer tier out, unless --hypothesis-profile names one."""
    if not config.getoption("--hypothesis-profile"):
        settings.load_profile("inner" if "not browser" in (config.option.markexpr or "") else "whole")


def pytest_collection_modifyitems(items):
    for item in items:
        if (
            BROWSER_FIXTURES & set(getattr(item, "fixturenames", ()))
            or item.path.name in OUTER_MODULES
            or item.originalname in OUTER_TESTS
        ):
            item.add_marker(pytest.mark.browser)


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
    server = start(os.path.join(ROOT, "site"), port, run)
    yield {"base": base, "dir": os.path.join(ROOT, "site"), "served": Served(os.path.join(run, "access.log"))}
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(run, ignore_errors=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh installs it)")
    return dict(browser_type_launch_args, executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Behaviour tests poll the page with wait_for_function, which evaluates a string in the
    page; the site's policy rightly forbids that, so they run with it bypassed. The policy itself
    is tested in tests/test_serving.py, in contexts of their own that keep it."""
    return dict(browser_context_args, bypass_csp=True)
