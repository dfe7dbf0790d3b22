"""Put the page's own npm libraries into the built site, nothing from a CDN.

Usage: python -m scripts.vendor SITE_DIR
The QR encoder (npm `uqr`, pinned in package.json) goes to /assets/vendor/uqr.mjs, one copy at
the site's root for both languages (docs/overrides/assets/calc/qr.js imports it when a reader asks
for a QR code), with its licence beside it. Like every page file it is revalidated, not cached for
good, so a new version replaces it at once.
"""

import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODULES = os.path.join(ROOT, "node_modules")
# package → (its file, the name in the site): ES modules the page imports as they are.
LIBRARIES = {"uqr": ("dist/index.mjs", "uqr.mjs")}
TARGET = os.path.join("assets", "vendor")


def version(package: str) -> str:
    with open(os.path.join(MODULES, package, "package.json"), encoding="utf-8") as handle:
        return json.load(handle)["version"]


def main(argv: list) -> int:
    target = os.path.join(argv[0], TARGET)
    os.makedirs(target, exist_ok=True)
    for package, (source, name) in LIBRARIES.items():
        shutil.copyfile(os.path.join(MODULES, package, source), os.path.join(target, name))
        with open(os.path.join(MODULES, package, "LICENSE"), encoding="utf-8") as handle:
            licence = handle.read()
        with open(os.path.join(target, name + ".LICENSE.txt"), "w", encoding="utf-8") as handle:
            handle.write(package + " " + version(package) + " (npm)\n\n" + licence)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
