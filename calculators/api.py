"""One door for every calculator, shared by the CLI, the browser worker and the tests.

``run_json`` takes and returns JSON text so that the browser, the CLI and MicroPython all go
through the same parsing (decimals kept as text) and the same deterministic writer.
"""

from . import account, benefit_start, contribution, jsonin, jsonout, retirement, settle, slip
from .bundle import load_bundle
from .errors import InputError

CALCULATORS = {
    "settle": settle.settle,
    "contribution": contribution.compute,
    "account": account.compute,
    "retirement": retirement.compute,
    "benefit-start": benefit_start.compute,
    "slip": slip.compute,
}

_bundle = []


def bundle() -> dict:
    """The policy bundle, read once per process."""
    if not _bundle:
        _bundle.append(load_bundle())
    return _bundle[0]


def run(calculator: str, scenario, today: str, policies=None) -> dict:
    """The calculator's result, or ``{"error": …}`` for input it refuses."""
    if calculator not in CALCULATORS:
        raise ValueError("unknown calculator " + calculator)
    try:
        return CALCULATORS[calculator](scenario, policies or bundle(), today)
    except InputError as exc:
        return exc.as_dict()


def parse_scenario(text: str):
    """JSON text to data, every decimal kept as the text written (see ``jsonin``)."""
    return jsonin.loads(text)


def run_json(calculator: str, text: str, today: str, policies=None) -> str:
    try:
        scenario = parse_scenario(text)
    except ValueError:
        return jsonout.dumps(InputError("scenario", "输入不是有效的 JSON。", "The input is not valid JSON.").as_dict())
    return jsonout.dumps(run(calculator, scenario, today, policies))
