"""From a calculator page's form to the engine's scenario, in one place for the build-time
example and the browser (the worker runs it too).

The form speaks the reader's words: field paths flattened ("claims.0.amount"), the amounts as
the hospital's settlement slip prints them (the whole bill, of which out-of-scope, of which
category-B self-pay). The engine's contract stays as the command line has it; this module
nests the paths, derives the in-scope ``amount`` and refuses what a form can get wrong that a
scenario file cannot (a part larger than the bill, a break left empty).
"""

import json

from . import api, curve, fields, jsonout, present
from .bill import in_scope
from .errors import InputError

# A page run arrives as {"form": {flat field path: value}}; anything else is a plain scenario.
FORM = "form"
# The two-city page settles one bill under every employee scheme (a page-only calculator).
COMPARE = "compare"
# The slip explainer's page: the slip's own lines, and rows of the year's earlier bills.
SLIP = "slip"


def nest(flat: dict) -> dict:
    """A nested scenario from flat paths; "true"/"false" (YAML defaults) become booleans."""
    scenario = {}
    for path in sorted(flat):
        value = flat[path]
        if value == "true" or value == "false":
            value = value == "true"
        keys = path.split(".")
        node = scenario
        for i, key in enumerate(keys[:-1]):
            child_is_list = keys[i + 1].isdigit()
            if key.isdigit():
                key = int(key)
                while len(node) <= key:
                    node.append([] if child_is_list else {})
                node = node[key]
            else:
                if key not in node:
                    node[key] = [] if child_is_list else {}
                node = node[key]
        node[keys[-1]] = value
    return scenario


def _check_form(calculator: str, scenario: dict):
    """What only a form can get wrong, said in the form's words."""
    if calculator == "benefit-start":
        first = scenario.get("first_time", True)
        gap = scenario.get("break_months")
        empty = gap is None or (isinstance(gap, str) and not gap.strip())
        if first is False and empty:
            raise fields.fail(
                "break_months",
                "不是首次参保时，请填写之前中断缴费的月数（没有中断填 0）。",
                "if this is not your first time insured, enter how many months you went without "
                "contributions (0 if none).",
            )
        if first is True and not empty and fields.whole(scenario, "", "break_months", 0, 1200) != 0:
            raise fields.fail(
                "break_months",
                "首次参保不会有中断月数；以前参过保的，请取消勾选“首次参保”。",
                "a first enrolment has no break; if you were insured before, untick “first time insured”.",
            )
        if empty:
            scenario.pop("break_months", None)


def filled_rows(flat: dict) -> list:
    """The slip page's rows of earlier bills that hold an amount: a row left empty is no bill
    (a zero-cost stay would still set the year's deductible level)."""
    rows = sorted({int(k.split(".")[1]) for k in flat if k.startswith("claims.") and k.split(".")[1].isdigit()})
    return [i for i in rows if str(flat.get("claims." + str(i) + ".amount", "")).strip()]


def _row_field(error: dict, rows: list) -> dict:
    """An error about a kept row names the row as the reader sees it."""
    field = error["field"]
    if field.startswith("claims["):
        index, rest = field[len("claims[") :].split("]", 1)
        error["field"] = "claims[" + str(rows[int(index)]) + "]" + rest
    return error


def from_form(calculator: str, flat: dict) -> dict:
    """The engine's scenario for a form's flat values (raises InputError naming the field)."""
    scenario = nest(flat)
    _check_form(calculator, scenario)
    claims = scenario.get("claims")
    if calculator == SLIP and isinstance(claims, list):
        scenario["claims"] = [claims[i] for i in filled_rows(flat)]
    elif isinstance(claims, list):
        scenario["claims"] = [
            in_scope(c, "claims[" + str(i) + "]") if isinstance(c, dict) else c for i, c in enumerate(claims)
        ]
    return scenario


def _bill_field(error: dict, flat: dict) -> dict:
    """An error about an amount the reader did not type points at the bill they did type."""
    field = error["field"]
    if field.startswith("claims[") and field.endswith("].amount"):
        index = field[len("claims[") : -len("].amount")]
        if "claims." + index + ".bill" in flat:
            error["field"] = "claims[" + index + "].bill"
    return error


def compared(bundle=None) -> list:
    """The policies the two-city page settles side by side: every employee scheme that settles."""
    policies = (bundle or api.bundle())["policies"]
    return [
        p for p in sorted(policies) if policies[p]["scheme"] == "employee" and "settle" in policies[p]["calculators"]
    ]


def compare(flat: dict, today: str, bundle=None) -> dict:
    """One form's bill settled under each compared policy: ``{"compared": [result, …], "titles": {policy: {zh, en}}}``, or the
    first refusal (the inputs are the same for all, so one message serves)."""
    results = []
    for policy in compared(bundle):
        result = run("settle", {FORM: dict(flat, policy=policy)}, today, bundle)
        if "error" in result:
            return result
        results.append(result)
    policies = (bundle or api.bundle())["policies"]
    titles = {}
    for result in results:
        titles[result["policy"]] = policies[result["policy"]]["title"]
    return {"compared": results, "titles": titles}


def run(calculator: str, scenario, today: str, bundle=None) -> dict:
    """api.run for a plain scenario; for a page's {"form": …} the conversion first. ``bundle``
    is the build's freshly compiled policies (the browser uses the packaged ones).

    A page's result also says whether the date was left empty (``date_given``), so the slip
    can show which date it used.
    """
    if calculator == COMPARE:
        return compare(scenario[FORM], today, bundle)
    if not (isinstance(scenario, dict) and list(scenario) == [FORM] and isinstance(scenario[FORM], dict)):
        return api.run(calculator, scenario, today, bundle)
    flat = scenario[FORM]
    try:
        converted = from_form(calculator, flat)
    except InputError as exc:
        return exc.as_dict()
    result = api.run(calculator, converted, today, bundle)
    if "error" in result and calculator == SLIP:
        _row_field(result["error"], filled_rows(flat))
    elif "error" in result:
        _bill_field(result["error"], flat)
    else:
        result["date_given"] = bool(flat.get("date"))
        if calculator == "settle":
            drawn = curve.for_result(bundle or api.bundle(), converted, result)
            if drawn:
                result["curve"] = drawn
    return result


def page_result(calculator: str, scenario_json: str, today: str, lang: str, links_json: str) -> list:
    """The one function the browser worker calls per run: [the result as the CLI's JSON text,
    the slip's HTML (empty for a refusal)]. Arguments are plain text, as a worker message has them."""
    try:
        scenario = api.parse_scenario(scenario_json)
    except ValueError:
        result = InputError("scenario", "输入不是有效的 JSON。", "The input is not valid JSON.").as_dict()
    else:
        result = run(calculator, scenario, today)
    html = present.render(calculator, result, lang, json.loads(links_json))
    for settled in result.get("compared", [result]):
        settled.pop("curve", None)  # drawn in the slip; the JSON keeps the command line's shape
    return [jsonout.dumps(result), html]
