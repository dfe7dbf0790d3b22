"""Put the browser runtime into the built site: Pyodide from npm (pinned) under a versioned
path, with the calculators wheel added to its lock file so the page loads it by name with its
sha256 checked (no micropip, nothing from a CDN).

Usage: python -m scripts.ready_runtime SITE_DIR
Needs the wheel in dist/ (python -m build --wheel) and pyodide-build in .venv-pyodide (Python
3.12; `pyodide build` itself cannot run here, it downloads a cross-build environment, but
`pyodide lockfile add-wheels` works offline).
"""

import glob
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYODIDE = os.path.join(ROOT, "node_modules", "pyodide")
FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")


def version() -> str:
    with open(os.path.join(PYODIDE, "package.json"), encoding="utf-8") as handle:
        return json.load(handle)["version"]


def runtime_path() -> str:
    """The site path the runtime is served from, e.g. /pyodide/314.0.7/."""
    return "/pyodide/" + version() + "/"


def main(argv: list) -> int:
    site = argv[0]
    target = os.path.abspath(os.path.join(site, runtime_path().strip("/")))
    os.makedirs(target, exist_ok=True)
    for name in FILES:
        shutil.copyfile(os.path.join(PYODIDE, name), os.path.join(target, name))
    wheels = glob.glob(os.path.join(ROOT, "dist", "calculators-*-py3-none-any.whl"))
    if len(wheels) != 1:
        sys.stderr.write("expected one calculators wheel in dist/, found " + str(len(wheels)) + "\n")
        return 1
    wheel = os.path.join(target, os.path.basename(wheels[0]))
    shutil.copyfile(wheels[0], wheel)
    subprocess.run([os.path.join(ROOT, ".venv-pyodide", "bin", "pyodide"), "lockfile", "add-wheels",
                    "--input", os.path.join(PYODIDE, "pyodide-lock.json"),
                    "--output", os.path.join(target, "pyodide-lock.json"), wheel],
                   check=True, cwd=target, capture_output=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--path"]:
        print(runtime_path())
        raise SystemExit(0)
    raise SystemExit(main(sys.argv[1:]))
