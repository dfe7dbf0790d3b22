"""The built site the outer tier reads and serves: built once per run, started in the background
as soon as the tests are collected (the tests that do not need it run meanwhile; see
tests/conftest.py), and not built at all when site/ already holds a build of the same inputs for
the same origin (a rerun of the browser tests after editing only tests/)."""

import hashlib
import os
import re
import signal
import socket
import subprocess
import zlib

from scripts.nginx_conf import free_port

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITE = os.path.join(ROOT, "site")
# Everything scripts/build_site.sh reads (its outputs, site/, dist/ and the generated pages,
# are ignored by git and so not listed).
INPUTS = (
    "calculators",
    "scripts",
    "policies",
    "docs",
    "mkdocs.yml",
    "pyproject.toml",
    "package-lock.json",
    "requirements.txt",
    "requirements-pyodide.txt",
)
STAMP = os.path.join(ROOT, ".cache", "site-stamp")
LOG = os.path.join(ROOT, ".cache", "site-build.log")
SW_BUILD = re.compile(r'const BUILD = "([0-9a-f]+)"')


def port() -> int:
    """This checkout's own port when it is free (so that a rerun finds site/ built for it), else any."""
    own = 20000 + zlib.crc32(ROOT.encode("utf-8")) % 10000
    try:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", own))
        return own
    except OSError:
        return free_port()


def inputs_hash(base: str) -> str:
    """The build's inputs, tracked or new, and the origin it is built for."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *INPUTS],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    digest = hashlib.sha256(base.encode("utf-8") + b"\0")
    for rel in sorted(set(filter(None, listed))):
        path = os.path.join(ROOT, os.fsdecode(rel))
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                digest.update(rel + b"\0" + hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()


def site_build() -> str:
    """The service worker's build stamp (scripts/offline.py: a hash over every file of site/), or ''."""
    try:
        with open(os.path.join(SITE, "sw.js"), encoding="utf-8") as handle:
            found = SW_BUILD.search(handle.read())
    except OSError:
        return ""
    return found.group(1) if found else ""


def is_current(inputs: str) -> bool:
    """site/ is the build of these inputs, untouched since (serve.sh rebuilds it for another
    origin, which changes the service worker's stamp)."""
    try:
        with open(STAMP, encoding="utf-8") as handle:
            kept = handle.read().split()
    except OSError:
        return False
    return kept == [inputs, site_build()]


class Build:
    """scripts/build_site.sh for http://127.0.0.1:``port``/, running in the background; ``wait()`` for it."""

    def __init__(self, port: int):
        self.port = port
        self.base = base = "http://127.0.0.1:" + str(port) + "/"
        self.inputs = inputs_hash(base)
        self.process = None
        if not is_current(self.inputs):
            os.makedirs(os.path.dirname(LOG), exist_ok=True)
            if os.path.exists(STAMP):
                os.remove(STAMP)
            env = dict(os.environ, YIBAO_SITE_URL=base)
            with open(LOG, "wb") as log:
                self.process = subprocess.Popen(
                    ["bash", "scripts/build_site.sh"],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group, to stop the whole build
                )

    def wait(self) -> None:
        """Raises with the build's own output when it failed; records the stamp when it succeeded."""
        if self.process is None:
            return
        if self.process.wait() != 0:
            with open(LOG, encoding="utf-8", errors="replace") as handle:
                raise RuntimeError("scripts/build_site.sh failed:\n" + handle.read()[-4000:])
        self.process = None
        with open(STAMP, "w", encoding="utf-8") as handle:
            handle.write(self.inputs + "\n" + site_build() + "\n")

    def stop(self) -> None:
        """Stop a build still running when the run ends early (no test needed the site after all)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait()
