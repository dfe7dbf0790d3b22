#!/usr/bin/env bash
# Everything the serve and test commands need, installed from the package registries only:
# a Python venv with requirements.txt, a Python 3.12 venv with pyodide-build, the pinned npm
# runtimes (npm ci), Debian's nginx with the brotli_static module (the server the site is served
# and tested with), and Debian's Chromium with a CJK font for the end-to-end tests. Safe to run
# again; each step skips what is there. The site's nginx runs on its own (scripts/serve.sh), with
# its own config, pid and logs; the system's nginx service is left as the package set it up.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! cmp -s requirements.txt .venv/.requirements 2>/dev/null; then
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
  cp requirements.txt .venv/.requirements
fi

# pyodide-build needs Python 3.12+ (only its offline `lockfile add-wheels` is used).
if [ ! -x .venv-pyodide/bin/pyodide ] || ! cmp -s requirements-pyodide.txt .venv-pyodide/.requirements 2>/dev/null; then
  python312=""
  for candidate in python3.12 python3.13 /root/.pyenv/versions/3.12*/bin/python3.12 /usr/local/bin/python3.12; do
    if [ -x "$(command -v "$candidate" 2>/dev/null)" ] && "$candidate" -c "import sys; assert sys.version_info >= (3, 12)" 2>/dev/null; then
      python312="$candidate"; break
    fi
  done
  [ -n "$python312" ] || { echo "setup: Python 3.12 or newer is needed for pyodide-build" >&2; exit 1; }
  rm -rf .venv-pyodide
  "$python312" -m venv .venv-pyodide
  .venv-pyodide/bin/pip install --quiet --disable-pip-version-check -r requirements-pyodide.txt
  cp requirements-pyodide.txt .venv-pyodide/.requirements
fi

if [ ! -d node_modules ] || ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
fi

apt_install() {
  local sudo=""
  [ "$(id -u)" = "0" ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/sbin/nginx ] || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  apt_install nginx libnginx-mod-http-brotli-static
fi

if [ "${YIBAO_SKIP_BROWSER:-}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  apt_install chromium fonts-wqy-microhei
fi
