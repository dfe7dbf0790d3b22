"""The registry each ``policy.yaml`` declares, as the engine reads it from the bundle.

A policy names the rule family that settles its claims, the calculators it offers (each with
the rule variant that applies), and the inputs it does not support. Dispatch and input checks
read only this, so a new policy with a shape the engine has needs data, not code.
"""

from . import fields


def policy_ids(bundle: dict, calculator: str) -> list:
    """The policies offering ``calculator``, sorted (MicroPython dicts keep no order)."""
    return sorted(p for p in bundle["policies"] if calculator in bundle["policies"][p]["calculators"])


def options(bundle: dict, policy_id: str, calculator: str) -> dict:
    """The calculator's settings for this policy (``rule``: the variant that applies, …)."""
    return bundle["policies"][policy_id]["calculators"][calculator]


def refuse_unsupported(policy: dict, section: str, values: dict, path: str):
    """Refuse an input value the policy declares unsupported (``section`` person or claims)."""
    for item in policy["unsupported"]:
        owner, key = item["field"].split(".")
        if owner != section or values[key] in item["only"]:
            continue
        here = fields.field_path(path, key)
        reason = item.get("reason")
        if reason is None:
            fields.must_be_default(values[key], item["only"][0], here, policy["title"])
        raise fields.fail(
            here,
            "不适用于" + policy["name"]["zh"] + "：" + reason["zh"],
            "not supported for " + policy["name"]["en"] + ": " + reason["en"],
        )
