"""Write the site's Content-Security-Policy into every built page.

Usage: python -m scripts.csp SITE_DIR
The policy allows nothing outside the origin. The theme puts a few small inline scripts in its
pages (they differ with the page's depth); rather than 'unsafe-inline', the policy lists the
sha256 of each one found in the built HTML, so it is computed here, after mkdocs, and written
where docs/overrides/main.html left the placeholder. nginx sends the same policy as a header
(scripts/nginx_conf.py reads it back from the built index.html).
"""

import base64
import glob
import hashlib
import os
import re
import sys

PLACEHOLDER = "@YIBAO_CSP@"
# Executable inline scripts only: no src, and no data type such as application/json.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.DOTALL)
POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; connect-src 'self'; "
    "worker-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; "
    "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def pages(site: str) -> list:
    return sorted(glob.glob(os.path.join(site, "**", "*.html"), recursive=True))


def script_hashes(texts: list) -> list:
    """'sha256-…' for every distinct inline script body, in a stable order."""
    found = set()
    for text in texts:
        for body in INLINE_SCRIPT.findall(text):
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            found.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(found)


def policy(texts: list) -> str:
    return POLICY.format(hashes=" ".join(script_hashes(texts)))


def main(argv: list) -> int:
    paths = pages(argv[0])
    texts = {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            texts[path] = handle.read()
    value = policy(list(texts.values()))
    missing = [p for p, t in texts.items() if PLACEHOLDER not in t]
    for path, text in texts.items():
        if PLACEHOLDER in text:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text.replace(PLACEHOLDER, value))
    if missing:
        sys.stderr.write("pages without the CSP placeholder: " + ", ".join(missing[:5]) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
