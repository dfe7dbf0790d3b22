"""``python -m calculators CALCULATOR FILE``: one JSON object out; exit 2 on refused input."""

import argparse
import datetime
import sys

from . import api, jsonout, scenario_file
from .errors import InputError


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m calculators",
        description="Settle medical bills and compute contributions, accounts, retirement years and "
        "benefit start dates for Hangzhou and Ningbo employee insurance.",
    )
    parser.add_argument("calculator", choices=sorted(api.CALCULATORS))
    parser.add_argument("file", help="scenario in YAML or JSON; - reads standard input")
    parser.add_argument(
        "--today",
        default=datetime.date.today().isoformat(),
        help="the date used when the scenario gives none (default: today)",
    )
    args = parser.parse_args(argv)
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
    except OSError as exc:
        sys.stderr.write("无法读取文件 / cannot read the file: " + str(exc) + "\n")
        return 2
    try:
        scenario = scenario_file.loads(text)
    except scenario_file.FileFormatError as exc:
        scenario = None
        result = InputError(
            "scenario", "文件不是有效的 YAML 或 JSON：" + str(exc), "the file is not valid YAML or JSON: " + str(exc)
        ).as_dict()
    else:
        result = api.run(args.calculator, scenario, args.today)
    sys.stdout.write(jsonout.dumps(result, indent=2) + "\n")
    if "error" in result:
        sys.stderr.write(result["error"]["zh"] + "\n" + result["error"]["en"] + "\n")
        return 2
    return 0
