"""What every calculator reads first: which policy, which keys it accepts, and the edition."""

from . import fields, registry
from .bands import at_age
from .bundle import Edition
from .ledger import step as ledger_step


def open_scenario(scenario, bundle: dict, today: str, calculator: str, keys):
    """(edition, the calculator's registry options) after checking the policy, keys and date.

    The policy must offer ``calculator`` in the registry; ``keys(options)`` gives the keys the
    scenario may hold for it.
    """
    if not isinstance(scenario, dict):
        raise fields.fail("scenario", "应为键值对象。", "must be a mapping of keys to values.")
    policy = fields.choice(scenario, "", "policy", registry.policy_ids(bundle, calculator))
    settings = registry.options(bundle, policy, calculator)
    fields.check_keys(scenario, "", keys(settings))
    return Edition(bundle, policy, fields.date(scenario, "", "date", today)), settings


def described(edition, extra: dict) -> dict:
    """A calculator's result: the policy, date and edition it used, plus its own figures."""
    out = {"policy": edition.policy_id, "date": edition.date, "edition": edition.describe()}
    for key, value in extra.items():
        out[key] = value
    return out


def step(amount, kind: str, args: dict, ref=None) -> dict:
    """A calculator's step: no payer, the amount it works out (or None)."""
    return ledger_step(None, amount, kind, args, ref)


def by_age(edition, path: str, age, field: str = "person.status"):
    """A value given per age step (``from_age``), or a plain value; (value, ref)."""
    value, ref = edition.get(path, field=field)
    if isinstance(value, list):
        if age is None:
            raise fields.fail("person.age", "此项按年龄确定，请填写年龄。", "this depends on age; give the age.")
        value = at_age(value, age)
    return value, ref
