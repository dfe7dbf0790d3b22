"""Compile ``policies/`` into ``calculators/data/policies.json``, the engine's only data.

Usage: python -m scripts.compile_policies [--check]
``--check`` exits 1 when the committed bundle differs from what the YAML compiles to.
"""

import json
import os
import sys

from scripts.policies import ROOT, load_or_exit

BUNDLE = os.path.join(ROOT, "calculators", "data", "policies.json")


def render(bundle: dict) -> str:
    return json.dumps(bundle, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def main(argv: list) -> int:
    text = render(load_or_exit())
    if "--check" in argv:
        with open(BUNDLE, encoding="utf-8") as handle:
            if handle.read() != text:
                sys.stderr.write("calculators/data/policies.json is stale: run python -m scripts.compile_policies\n")
                return 1
        return 0
    with open(BUNDLE, "w", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
