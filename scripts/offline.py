"""Stamp the service worker with the build it belongs to.

Usage: python -m scripts.offline SITE_DIR
/sw.js names its cache after a hash of every other built file, so any change to the site makes
a new service worker (the browser compares its bytes), a new cache, and the old one deleted.
"""

import hashlib
import os
import sys

PLACEHOLDER = "@YIBAO_BUILD@"


def build_hash(site: str) -> str:
    digest = hashlib.sha256()
    for folder, dirs, names in sorted(os.walk(site)):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            if path == os.path.join(site, "sw.js") or name.endswith((".br", ".gz")):
                continue
            digest.update(os.path.relpath(path, site).encode("utf-8") + b"\0")
            with open(path, "rb") as handle:
                digest.update(hashlib.sha256(handle.read()).digest())
    return digest.hexdigest()[:16]


def main(argv: list) -> int:
    site = argv[0]
    path = os.path.join(site, "sw.js")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if PLACEHOLDER not in text:
        sys.stderr.write(path + " has no " + PLACEHOLDER + " to stamp\n")
        return 1
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace(PLACEHOLDER, build_hash(site)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
