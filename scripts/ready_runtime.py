"""Put the browser runtime into the built site, nothing from a CDN:

  /pyodide/<version>/          Pyodide's own files from npm (pinned): never change under their URL
  /pyodide/<version>/<hash>/   what the site adds, named by its content: the calculators wheel,
                               a lock file listing only that wheel (its sha256 checked on load, no
                               micropip), the trimmed standard library (scripts/stdlib_trim.py)
                               and runtime.json, the list of all these files with their sizes

Usage: python -m scripts.ready_runtime --path    the site path of the <hash> folder (pages point
                                                 their worker at it; needs the wheel in dist/)
       python -m scripts.ready_runtime SITE_DIR  write both folders into the built site
Needs pyodide-build in .venv-pyodide (Python 3.12; `pyodide build` itself cannot run here, it
downloads a cross-build environment, but `pyodide lockfile add-wheels` works offline).
"""

import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

from scripts import stdlib_trim

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYODIDE = os.path.join(ROOT, "node_modules", "pyodide")
FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
PACKAGE = "calculators"


def version() -> str:
    with open(os.path.join(PYODIDE, "package.json"), encoding="utf-8") as handle:
        return json.load(handle)["version"]


def wheel() -> str:
    wheels = glob.glob(os.path.join(ROOT, "dist", PACKAGE + "-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise SystemExit("expected one calculators wheel in dist/, found " + str(len(wheels)))
    return wheels[0]


def write_app(target: str) -> None:
    """The wheel, its one-package lock file and the trimmed stdlib zip, into target."""
    target = os.path.abspath(target)
    os.makedirs(target, exist_ok=True)
    copy = os.path.join(target, os.path.basename(wheel()))
    shutil.copyfile(wheel(), copy)
    stdlib_trim.write_zip(os.path.join(target, "python_stdlib.zip"))
    full = os.path.join(target, "full-lock.json")
    subprocess.run(
        [
            os.path.join(ROOT, ".venv-pyodide", "bin", "pyodide"),
            "lockfile",
            "add-wheels",
            "--input",
            os.path.join(PYODIDE, "pyodide-lock.json"),
            "--output",
            full,
            copy,
        ],
        check=True,
        cwd=target,
        capture_output=True,
    )
    with open(full, encoding="utf-8") as handle:
        lock = json.load(handle)
    os.remove(full)
    lock["packages"] = {PACKAGE: lock["packages"][PACKAGE]}
    with open(os.path.join(target, "pyodide-lock.json"), "w", encoding="utf-8") as handle:
        json.dump(lock, handle, separators=(",", ":"), sort_keys=True)


def content_hash() -> str:
    """Names the site's folder: changes exactly when the wheel or the trimmed stdlib does."""
    digest = hashlib.sha256()
    with tempfile.TemporaryDirectory() as tmp:
        stdlib_trim.write_zip(os.path.join(tmp, "stdlib.zip"))
        for path in (wheel(), os.path.join(tmp, "stdlib.zip")):
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:12]


def runtime_path() -> str:
    """The site path of Pyodide's own files, e.g. /pyodide/314.0.7/."""
    return "/pyodide/" + version() + "/"


def app_path() -> str:
    """The site path the pages give their worker, e.g. /pyodide/314.0.7/0123456789ab/."""
    return runtime_path() + content_hash() + "/"


def write_manifest(app: str) -> None:
    """runtime.json in the site's folder: every runtime file (relative to it) and its bytes, for
    the download progress and for the service worker to keep for offline use."""
    files = {}
    for folder, prefix in ((os.path.dirname(app.rstrip(os.sep)), "../"), (app, "")):
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if os.path.isfile(path) and name != "runtime.json":
                files[prefix + name] = os.path.getsize(path)
    with open(os.path.join(app, "runtime.json"), "w", encoding="utf-8") as handle:
        json.dump({"files": files}, handle, indent=1, sort_keys=True)


def main(argv: list) -> int:
    if argv == ["--path"]:
        print(app_path())
        return 0
    site = argv[0]
    target = os.path.join(site, runtime_path().strip("/"))
    os.makedirs(target, exist_ok=True)
    for name in FILES:
        shutil.copyfile(os.path.join(PYODIDE, name), os.path.join(target, name))
    app = os.path.join(site, app_path().strip("/"))
    write_app(app)
    write_manifest(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
