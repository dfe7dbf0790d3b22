#!/usr/bin/env bash
# Every test: the linters (ruff on Python, tsc on the browser scripts), the policy bundle is
# fresh, then pytest (engine cases, properties, MicroPython parity, generators, and the
# end-to-end browser tests against the built site; `-m "not browser"` for the inner loop).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
node_modules/.bin/tsc --noEmit -p tsconfig.json
node_modules/.bin/tsc --noEmit -p tsconfig.worker.json
.venv/bin/python -m scripts.compile_policies --check
exec .venv/bin/python -m pytest -q "$@"
