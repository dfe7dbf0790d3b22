"""The current-year personal account credited for a whole year.

Hangzhou Art. 8: in service a share of the base a month by age band, less the yearly critical
illness premium and assistance levy (Art. 3, 4–5); retirees: not stated. Ningbo Q4: in service
a share of the base by age band; retirees a fixed sum a month by age band. The figures and age
edges are the policies' ``account/…`` parameters.
"""

from . import fields
from .jsonout import Money
from .money import share_of
from .scenario import by_age, described, open_scenario, step
from .settle_input import STATUSES

KEYS = ("policy", "date", "person", "base")


def compute(scenario, bundle: dict, today: str) -> dict:
    edition, _ = open_scenario(scenario, bundle, today, "account", lambda options: KEYS)
    person = scenario.get("person") or {}
    fields.check_keys(person, "person", ("status", "age"))
    status = fields.choice(person, "person", "status", STATUSES, "in_service")
    age = fields.whole(person, "person", "age", 0, 130)
    steps = []
    value, ref = by_age(edition, "account/allocation/" + status, age)
    if edition.policy["parameters"]["account/allocation/" + status]["unit"] == "share":
        base = fields.money(scenario, "", "base")
        monthly = share_of(base, value)
        steps.append(
            step(
                Money(monthly),
                "account_monthly_share",
                {"base": Money(base), "rate": value, "monthly": Money(monthly)},
                ref,
            )
        )
    else:
        monthly = value
        steps.append(step(Money(monthly), "account_monthly_fixed", {"monthly": Money(monthly)}, ref))
    year = 12 * monthly
    levies = 0
    for path in ("contribution/critical_illness_levy", "contribution/assistance_levy"):
        if edition.has(path):
            levy, levy_ref = edition.get(path)
            levies += levy
            steps.append(step(Money(levy), "account_levy", {"label": levy_ref["label"], "levy": Money(levy)}, levy_ref))
    return described(
        edition,
        {
            "monthly": Money(monthly),
            "year": Money(year),
            "levies": Money(levies),
            "credited": Money(year - levies),
            "steps": steps,
        },
    )
