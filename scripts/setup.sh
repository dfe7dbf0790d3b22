#!/usr/bin/env bash
# Everything the serve and test commands need, installed from the package registries only:
# a Python venv with requirements.txt, a Python 3.12 venv with pyodide-build, the pinned npm
# runtimes (npm ci), and Debian's Chromium with a CJK font for the end-to-end tests. Safe to run again; each step skips what is there.
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

if [ "${YIBAO_SKIP_BROWSER:-}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  fi
fi
