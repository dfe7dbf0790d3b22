"""Monthly contributions: the base clamped to its floor and cap, times the two rates.

The registry names the rule for the floor and cap. ``average_multiple`` (Hangzhou Art. 3):
multiples of the provincial average wage, which the reader supplies where the sources do
not give it. ``yuan_limits`` (Ningbo Q2): fixed yuan. Categories other than ``employee``
(Ningbo: the flexibly employed, the unemployed) pay their own rate on the floor with no
employer part, where the registry lists them. Every figure is a ``contribution/…`` parameter.
"""

from . import fields
from .errors import INPUT, InputError
from .jsonout import Money
from .money import share_of
from .scenario import described, open_scenario, step

CATEGORIES = ("employee", "flexible", "unemployed")


def clamp_base(wage: int, floor: int, cap: int) -> tuple:
    if wage < floor:
        return floor, "floor"
    if wage > cap:
        return cap, "cap"
    return wage, "own"


def average_multiple(edition, scenario: dict, steps: list) -> tuple:
    """Floor and cap as multiples of the provincial average (the input, else the parameter).

    Where the sources give no average the reader can: the refusal asks for it at its field,
    as an input to give rather than a dead end.
    """
    if scenario.get("provincial_average") is None:
        try:
            average = edition.get("contribution/provincial_average", field="provincial_average")[0]
        except InputError as missing:
            missing.kind = INPUT
            raise
    else:
        average = fields.money(scenario, "", "provincial_average")
    floor_multiple, floor_ref = edition.get("contribution/base_floor")
    cap_multiple, cap_ref = edition.get("contribution/base_cap")
    floor, cap = share_of(average, floor_multiple), share_of(average, cap_multiple)
    steps.append(
        step(
            Money(floor),
            "base_floor_from_average",
            {"average": Money(average), "multiple": floor_multiple, "floor": Money(floor)},
            floor_ref,
        )
    )
    steps.append(step(Money(cap), "base_cap_from_average", {"multiple": cap_multiple, "cap": Money(cap)}, cap_ref))
    return floor, floor_ref, cap, cap_ref


def yuan_limits(edition, scenario: dict, steps: list) -> tuple:
    """Floor and cap given in yuan."""
    floor, floor_ref = edition.get("contribution/base_floor")
    cap, cap_ref = edition.get("contribution/base_cap")
    return floor, floor_ref, cap, cap_ref


# The registry's ``rule`` for the contribution base.
RULES = {"average_multiple": average_multiple, "yuan_limits": yuan_limits}


def keys(options: dict) -> tuple:
    """The scenario keys a policy's contribution rule reads."""
    extra = ("provincial_average",) if options["rule"] == "average_multiple" else ()
    return ("policy", "date", "wage") + extra + (("category",) if "categories" in options else ())


def compute(scenario, bundle: dict, today: str) -> dict:
    edition, options = open_scenario(scenario, bundle, today, "contribution", keys)
    steps = []
    category = fields.choice(scenario, "", "category", options.get("categories", ("employee",)), "employee")
    floor, floor_ref, cap, cap_ref = RULES[options["rule"]](edition, scenario, steps)
    if category == "employee":
        wage = fields.money(scenario, "", "wage")
        base, rule = clamp_base(wage, floor, cap)
        employee_rate, employee_ref = edition.get("contribution/employee_rate")
        employer_rate, employer_ref = edition.get("contribution/employer_rate")
        steps.append(
            step(
                Money(base),
                "base_from_wage",
                {"wage": Money(wage), "rule": rule, "base": Money(base)},
                floor_ref if rule == "floor" else cap_ref,
            )
        )
    else:
        base, rule = floor, "fixed"
        employee_rate, employee_ref = edition.get("contribution/" + category + "_rate")
        employer_rate, employer_ref = 0, None
        steps.append(step(Money(base), "base_fixed", {"base": Money(base)}, floor_ref))
    employee = share_of(base, employee_rate)
    employer = share_of(base, employer_rate)
    steps.append(
        step(
            Money(employee),
            "employee_contribution",
            {"base": Money(base), "rate": employee_rate, "employee": Money(employee)},
            employee_ref,
        )
    )
    if employer_ref:
        steps.append(
            step(
                Money(employer),
                "employer_contribution",
                {"base": Money(base), "rate": employer_rate, "employer": Money(employer)},
                employer_ref,
            )
        )
    return described(
        edition,
        {
            "base": Money(base),
            "base_rule": rule,
            "employee": Money(employee),
            "employer": Money(employer),
            "total": Money(employee + employer),
            "employee_year": Money(12 * employee),
            "employer_year": Money(12 * employer),
            "total_year": Money(12 * (employee + employer)),
            "steps": steps,
        },
    )
