#!/usr/bin/env bash
# Build the site and serve it with nginx, as deployed (deploy/nginx.conf: precompressed files,
# types, cache and security headers), on http://127.0.0.1:${PORT:-8000}/ (English: /en/), in the
# foreground until stopped. nginx runs as this process with its own pid, logs and temp files
# under .run/nginx-PORT/; the system's nginx service is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
YIBAO_SKIP_BROWSER=1 bash scripts/setup.sh
YIBAO_SITE_URL="http://127.0.0.1:${PORT}/" bash scripts/build_site.sh
conf="$(.venv/bin/python -m scripts.nginx_conf --root site --port "$PORT" --run ".run/nginx-${PORT}")"
echo "Serving http://127.0.0.1:${PORT}/ (English: /en/). Ctrl-C stops."
exec /usr/sbin/nginx -p "$(dirname "$conf")" -c "$conf" -g "daemon off;"
