"""A bill as the hospital's settlement slip prints it: the whole bill, of which out-of-scope
(自费), of which category-B self-pay (乙类先行自付), turned into the engine's in-scope amount.

Shared by the calculator pages' forms (page_input) and the slip explainer (slip), so the one
reading of a slip's total is written once.
"""

from . import fields
from .money import plain_yuan


def optional_fen(claim: dict, path: str, key: str) -> int:
    """A line the slip may leave empty: empty is 0."""
    value = claim.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    return fields.money(claim, path, key)


def in_scope(claim: dict, path: str) -> dict:
    """A claim given as the slip's bill: ``amount`` = bill − out-of-scope − category-B."""
    if "bill" not in claim:
        return claim
    bill = fields.money(claim, path, "bill")
    out_of_scope = optional_fen(claim, path, "out_of_scope")
    category_b = optional_fen(claim, path, "category_b")
    if out_of_scope > bill:
        raise fields.fail(
            fields.field_path(path, "out_of_scope"),
            "其中自费部分不能大于总费用。",
            "the out-of-scope part cannot be larger than the total bill.",
        )
    if out_of_scope + category_b > bill:
        raise fields.fail(
            fields.field_path(path, "category_b"),
            "其中乙类先行自付部分不能大于总费用减去自费部分。",
            "the category-B part cannot be larger than the total bill minus the out-of-scope part.",
        )
    out = {k: claim[k] for k in claim if k != "bill"}
    out["amount"] = plain_yuan(bill - out_of_scope - category_b)
    out["out_of_scope"] = plain_yuan(out_of_scope)
    out["category_b"] = plain_yuan(category_b)
    return out
