"""The trimmed standard library the site ships: only the files of Pyodide's python_stdlib.zip
that the calculators load, listed in scripts/stdlib-files.txt and packed by the build.

  python -m scripts.stdlib_trim --refresh   derive the list again (one command, after any change
                                            to the engine's imports): builds the wheel, runs every
                                            case of tests/cases/ in both languages through the
                                            worker's own code under Pyodide in Node and records
                                            the stdlib files in sys.modules
  python -m scripts.stdlib_trim --check     fail if the engine imports a stdlib module whose files
                                            are not in the list (the build runs this)

The browser parity test then runs every case on the trimmed zip.
"""

import ast
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FULL = os.path.join(ROOT, "node_modules", "pyodide", "python_stdlib.zip")
LIST = os.path.join(ROOT, "scripts", "stdlib-files.txt")
RECORDER = os.path.join(ROOT, "scripts", "stdlib_files.mjs")
HEADER = "# Written by `python -m scripts.stdlib_trim --refresh`; do not edit by hand.\n"


def listed() -> list:
    with open(LIST, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


def write_zip(path: str) -> None:
    """The trimmed zip: the listed members, copied from the full one but stored uncompressed,
    so that brotli on the whole file (scripts/precompress.py) finds the repeats across modules:
    a third smaller on the wire than per-member deflate."""
    with zipfile.ZipFile(FULL) as full, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        for name in listed():
            source = full.getinfo(name)
            stored = zipfile.ZipInfo(name, date_time=source.date_time)
            stored.external_attr = source.external_attr
            out.writestr(stored, full.read(name), compress_type=zipfile.ZIP_STORED)


# What the worker imports (docs/overrides/assets/calc/worker.js and worker_core.js).
ENTRY = ("page_input",)


def engine_imports() -> set:
    """Top-level names of the absolute imports reachable from the worker's entry modules,
    following the package's own relative imports (the command line's modules are not shipped)."""
    package = os.path.join(ROOT, "calculators")
    todo, seen, names = list(ENTRY), set(), set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        path = os.path.join(package, module + ".py")
        if not os.path.exists(path):
            names.add(module)  # not the package's own: a stdlib module such as json
            continue
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
            elif isinstance(node, ast.ImportFrom) and node.level == 1:
                todo.extend([node.module] if node.module else [alias.name for alias in node.names])
    return names - {"calculators"}


def missing() -> list:
    """Engine imports that exist as files in the full stdlib zip but are not in the list."""
    with zipfile.ZipFile(FULL) as full:
        members = set(full.namelist())
    kept = set(listed())
    lacking = []
    for name in sorted(engine_imports()):
        files = {name + ".py", name + "/__init__.py"} & members
        if files and not files & kept:
            lacking.append(name)
    return lacking


def jobs() -> list:
    sys.path.insert(0, ROOT)
    from tests.caselib import TODAY, case_files, load_case, scenario_json

    cases = [load_case(path) for path in case_files()]
    return [
        {"calculator": case["calculator"], "scenario": scenario_json(case), "today": TODAY, "lang": lang, "links": {}}
        for case in cases
        for lang in ("zh", "en")
    ]


def refresh() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        wheel = glob.glob(os.path.join(tmp, "*.whl"))[0]
        done = subprocess.run(
            ["node", RECORDER],
            input=json.dumps({"wheel": wheel, "jobs": jobs()}),
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
    files = json.loads(done.stdout)
    with open(LIST, "w", encoding="utf-8") as handle:
        handle.write(HEADER + "".join(name + "\n" for name in files))
    print(str(len(files)) + " files written to " + os.path.relpath(LIST, ROOT))


def main(argv: list) -> int:
    if argv == ["--refresh"]:
        refresh()
        return 0
    if argv == ["--check"]:
        lacking = missing()
        if lacking:
            sys.stderr.write(
                "the engine imports " + ", ".join(lacking) + " but scripts/stdlib-files.txt lacks it: "
                "run python -m scripts.stdlib_trim --refresh\n"
            )
            return 1
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
