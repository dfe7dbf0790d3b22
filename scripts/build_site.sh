#!/usr/bin/env bash
# Build the whole static site into site/: pages generated from policies/ and docs/content/,
# then one mkdocs build per language (Chinese at /, English at /en/), both --strict.
# YIBAO_SITE_URL sets the origin the site will be served from (instant navigation needs it).
set -euo pipefail
cd "$(dirname "$0")/.."
export YIBAO_SITE_URL="${YIBAO_SITE_URL:-http://127.0.0.1:8000/}"
export YIBAO_SITE_URL_EN="${YIBAO_SITE_URL%/}/en/"
export NO_MKDOCS_2_WARNING=1
.venv/bin/python -m scripts.compile_policies --check
.venv/bin/python -m scripts.generate_pages
rm -rf site
.venv/bin/mkdocs build --strict --quiet -f mkdocs.yml
.venv/bin/mkdocs build --strict --quiet -f docs/mkdocs-en.yml
