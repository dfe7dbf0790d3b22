#!/usr/bin/env bash
# Every test: the policy bundle is fresh, then pytest (engine cases, properties, MicroPython
# parity, generators, and the end-to-end browser tests against the built site).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m scripts.compile_policies --check
exec .venv/bin/python -m pytest -q "$@"
