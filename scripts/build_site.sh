#!/usr/bin/env bash
# Build the whole static site into site/: the calculators wheel, pages generated from
# policies/ and docs/content/, one mkdocs build per language (Chinese at /, English at /en/),
# both --strict, then the self-hosted Pyodide runtime (the wheel in its lock file, the trimmed
# standard library), the page's npm libraries (scripts/vendor.py: the QR encoder), the
# Content-Security-Policy with the inline scripts' hashes, the service worker's build stamp, and .br/.gz beside every compressible file (deploy/nginx.conf serves them).
# YIBAO_SITE_URL sets the origin the site will be served from (instant navigation needs it).
set -euo pipefail
cd "$(dirname "$0")/.."
export YIBAO_SITE_URL="${YIBAO_SITE_URL:-http://127.0.0.1:8000/}"
export YIBAO_SITE_URL_EN="${YIBAO_SITE_URL%/}/en/"
export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m scripts.compile_policies --check
.venv/bin/python -m scripts.stdlib_trim --check
rm -rf dist build calculators.egg-info
.venv/bin/python -m build --wheel --no-isolation --outdir dist >/dev/null 2>&1
rm -rf build calculators.egg-info
export YIBAO_RUNTIME="$(.venv/bin/python -m scripts.ready_runtime --path)"
.venv/bin/python -m scripts.generate_pages
rm -rf site
.venv/bin/mkdocs build --strict --quiet -f mkdocs.yml
.venv/bin/mkdocs build --strict --quiet -f docs/mkdocs-en.yml
.venv/bin/python -m scripts.ready_runtime site
.venv/bin/python -m scripts.vendor site
.venv/bin/python -m scripts.csp site
.venv/bin/python -m scripts.offline site
.venv/bin/python -m scripts.precompress site
