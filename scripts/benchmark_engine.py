"""Settlements per second for a 1-claim and a 20-claim year, CPython and MicroPython side by side.

Usage: python -m scripts.benchmark_engine [--count N] [--repeats R]
Prints a table of medians over R runs of N settlements each (JSON in, JSON out, as the browser
calls it) and the CPython/MicroPython ratio from the same run. A benchmark, not a test:
machines are noisy, so read ratios rather than absolute figures.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import time

from calculators import api

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEVELS = ("tertiary", "other", "community")
KINDS = ("outpatient", "outpatient", "inpatient", "special_outpatient")


def scenario(claims: int) -> str:
    items = [
        {"kind": KINDS[i % 4], "level": LEVELS[i % 3], "amount": str(1234 + 9876 * i) + ".56", "category_b": "100"}
        for i in range(claims)
    ]
    return json.dumps(
        {
            "policy": "hangzhou-employee",
            "date": "2024-06-01",
            "person": {"account": "2000", "certificate": "dibao"},
            "claims": items,
        }
    )


def cpython_times(text: str, count: int, repeats: int) -> list:
    api.run_json("settle", text, "2026-01-01")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(count):
            api.run_json("settle", text, "2026-01-01")
        times.append((time.perf_counter() - start) * 1000)
    return times


def micropython_times(scenarios: dict, count: int, repeats: int):
    if not shutil.which("node") or not os.path.isdir(os.path.join(ROOT, "node_modules", "@micropython")):
        return None
    job = json.dumps({"scenarios": scenarios, "count": count, "repeats": repeats})
    done = subprocess.run(
        ["node", os.path.join(ROOT, "scripts", "bench_micropython.mjs"), job],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def main(argv: list) -> int:
    count = int(argv[argv.index("--count") + 1]) if "--count" in argv else 200
    repeats = int(argv[argv.index("--repeats") + 1]) if "--repeats" in argv else 5
    scenarios = {"1 claim": scenario(1), "20 claims": scenario(20)}
    micro = micropython_times(scenarios, count, repeats)
    print("settlements per second, median of %d runs of %d (JSON in, JSON out)" % (repeats, count))
    print("| scenario | CPython %s | MicroPython 1.27 (wasm, Node) | CPython ÷ MicroPython |" % sys.version.split()[0])
    print("|---|---|---|---|")
    for name, text in scenarios.items():
        cp = count / (statistics.median(cpython_times(text, count, repeats)) / 1000)
        if micro:
            mp = count / (statistics.median(micro[name]) / 1000)
            print("| %s | %.0f | %.0f | %.2f |" % (name, cp, mp, cp / mp))
        else:
            print("| %s | %.0f | (node or npm ci missing) | |" % (name, cp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
