#!/usr/bin/env bash
# Build the site and serve it on http://127.0.0.1:8000/ (Chinese) and /en/ (English).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
YIBAO_SKIP_BROWSER=1 bash scripts/setup.sh
YIBAO_SITE_URL="http://127.0.0.1:${PORT}/" bash scripts/build_site.sh
echo "Serving http://127.0.0.1:${PORT}/ (English: /en/). Ctrl-C stops."
exec .venv/bin/python -m http.server "$PORT" --bind 127.0.0.1 --directory site
