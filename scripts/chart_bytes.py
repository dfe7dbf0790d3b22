"""What the inpatient-bill charts cost: build time with them, and their bytes on each page.

Usage: python -m scripts.chart_bytes [--build] [--runs N] [--write]
Reads the built site/ (``--build`` builds it first with scripts/build_site.sh and times it),
measures on each page with charts the bytes of its chart markup (raw and brotli, as served: the
page compressed with and without them) and times computing every chart of the build (median of
N, default 5). Prints a table; ``--write`` puts it between the charts markers of both
languages' performance pages (the benchmark table has its own markers and script).
"""

import os
import re
import statistics
import subprocess
import sys
import time

import brotli

from calculators import api
from scripts.benchmark_site import write_pages
from scripts.curve_pages import Curves
from scripts.generate_pages import employee_policies
from scripts.policies import ROOT

START, END = "<!-- charts:start -->", "<!-- charts:end -->"
PAGES = ("hangzhou/benefits", "ningbo/benefits", "compare/cities", "calculators/inpatient")
# A folded chart on a content page, or the chart of a calculator's example result.
CHART = re.compile(
    r'<details class="yb-curve-box".*?</figure></details>|<figure class="yb-curve.*?</figure>', re.DOTALL
)
WORDS = {
    "zh": (
        "页面",
        "图数",
        "图的字节（未压缩）",
        "整页 brotli",
        "其中图（brotli）",
        "构建网站（含图）",
        "计算全部图（中位数）",
    ),
    "en": (
        "page",
        "charts",
        "chart bytes (raw)",
        "whole page, brotli",
        "of which charts (brotli)",
        "site build, with the charts",
        "computing every chart (median)",
    ),
}


def kb(n: int) -> str:
    return str(round(n / 1024, 1)) + " KB"


def page_row(lang: str, rel: str) -> list:
    root = os.path.join(ROOT, "site", "en") if lang == "en" else os.path.join(ROOT, "site")
    with open(os.path.join(root, rel, "index.html"), encoding="utf-8") as handle:
        text = handle.read()
    charts = CHART.findall(text)
    without = CHART.sub("", text)
    whole = len(brotli.compress(text.encode("utf-8"), quality=11))
    bare = len(brotli.compress(without.encode("utf-8"), quality=11))
    raw = sum(len(c.encode("utf-8")) for c in charts)
    return [rel + "/", str(len(charts)), kb(raw), kb(whole), kb(whole - bare)]


def chart_seconds(runs: int) -> float:
    """Median seconds to compute every chart the pages carry (both policies, all statuses and levels)."""
    bundle = api.bundle()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        curves = Curves(bundle)
        for policy in curves.charted(employee_policies(bundle)):
            curves.of(policy)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def table(lang: str, build_s, charts_s: float) -> str:
    w = WORDS[lang]
    lines = ["| " + " | ".join(w[:5]) + " |", "|---|---|---|---|---|"]
    for rel in PAGES:
        lines.append("| " + " | ".join(page_row(lang, rel)) + " |")
    lines += ["", "| | |", "|---|---|"]
    if build_s is not None:
        lines.append("| " + w[5] + " | " + str(round(build_s, 1)) + " s |")
    lines.append("| " + w[6] + " | " + str(round(charts_s * 1000)) + " ms |")
    return "\n".join(lines)


def main(argv: list) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    build_s = None
    if "--build" in argv:
        start = time.perf_counter()
        subprocess.run(["bash", "scripts/build_site.sh"], cwd=ROOT, check=True, capture_output=True)
        build_s = time.perf_counter() - start
    charts_s = chart_seconds(runs)
    texts = {lang: table(lang, build_s, charts_s) for lang in ("zh", "en")}
    print("\n\n".join(texts.values()))
    if "--write" in argv:
        write_pages(texts, START, END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
