"""Shared fixtures: the built site served by nginx with the repo's own config (deploy/nginx.conf,
as deployed), and Debian's Chromium for Playwright; the tiers (markers, order, hypothesis
profiles)."""

import contextlib
import os
import shutil
import tempfile

import pytest
from hypothesis import settings

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.nginx_conf import NGINX, start
from tests import built_site

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


def needs_site(item) -> bool:
    return "site" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items):
    for item in items:
        if (
            BROWSER_FIXTURES & set(getattr(item, "fixturenames", ()))
            or item.path.name in OUTER_MODULES
            or item.originalname in OUTER_TESTS
        ):
            item.add_marker(pytest.mark.browser)
    # The tests that need the built site run last, so that its build (started in the background
    # once collection is done) overlaps the others; the order within each group is unchanged.
    items.sort(key=needs_site)


SITE_BUILD = pytest.StashKey()


def pytest_collection_finish(session):
    if session.config.option.collectonly or not os.path.exists(NGINX):
        return
    if any(needs_site(item) for item in session.items):
        session.config.stash[SITE_BUILD] = built_site.Build(built_site.port())


def pytest_sessionfinish(session):
    if SITE_BUILD in session.config.stash:
        session.config.stash[SITE_BUILD].stop()


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
def site(request):
    """The site built for its port (instant navigation needs site_url to match; see
    tests/built_site.py), served by nginx."""
    if not os.path.exists(NGINX):
        pytest.skip("Debian's nginx is not installed (scripts/setup.sh installs it)")
    build = request.config.stash[SITE_BUILD]
    build.wait()
    run = tempfile.mkdtemp(prefix="yibao-nginx-")
    server = start(os.path.join(ROOT, "site"), build.port, run)
    yield {"base": build.base, "dir": os.path.join(ROOT, "site"), "served": Served(os.path.join(run, "access.log"))}
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


@pytest.fixture(scope="session")
def warm_context(browser, browser_context_args, site):
    """One context shared by the tests that need no fresh profile: its HTTP cache, service worker
    and Pyodide memory snapshot carry over, so after the first boot a calculator page restores
    its interpreter instead of starting Python again. Tests that count downloads, watch a first
    boot or change what the device remembers (large text) keep contexts of their own."""
    with contextlib.closing(browser.new_context(**browser_context_args)) as context:
        yield context


@pytest.fixture(scope="session")
def phone_context(browser, browser_context_args, site):
    """The same for a phone (touch, the page's own viewport meta honoured): 360 px wide, the
    narrowest common screen; a test sets its page to another width when it needs one."""
    options = dict(browser_context_args, viewport={"width": 360, "height": 800}, is_mobile=True)
    with contextlib.closing(browser.new_context(**options)) as context:
        yield context


@pytest.fixture
def warm_page(warm_context):
    with contextlib.closing(warm_context.new_page()) as page:
        yield page


@pytest.fixture
def phone_page(phone_context):
    with contextlib.closing(phone_context.new_page()) as page:
        yield page
