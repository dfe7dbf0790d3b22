"""One claim's settlement: who pays each fen, and the steps that say why.

Every fen of a claim is handed to exactly one payer through ``pay``; critical illness insurance
and assistance that work on the patient's burden only move fen from the patient (``relieve``). So the parts always add up to the
total, by construction, and the steps explain every amount.
"""

from .jsonout import Money
from .wording import say

PAYERS = ("account", "fund", "critical_illness", "assistance", "personal")


def step(payer, amount, kind: str, args: dict, ref=None, mark=None) -> dict:
    """A step as every consumer reads it: what happened (``kind``, ``args``: the rule's record,
    for the slip explainer and charts), who paid, the citation, and the zh/en sentences."""
    zh, en = say(kind, args)
    return {"payer": payer, "amount": amount, "kind": kind, "args": args, "zh": zh, "en": en, "ref": ref, "mark": mark}


class ClaimLedger:
    def __init__(self, total: int):
        self.total = total
        self.parts = {"account": 0, "fund": 0, "critical_illness": 0, "assistance": 0, "personal": 0}
        # The patient's in-scope burden (what medical assistance looks at): excludes 自费.
        self.burden = 0
        self.steps = []

    def pay(self, payer: str, fen: int, kind: str, args: dict, ref=None, in_scope: bool = True, mark=None):
        """``mark`` names the rule a step applies (account, deductible, band:N, above_limit…),
        so a timeline can show where the year crosses a threshold."""
        if fen < 0:
            raise ValueError("negative payment")
        self.parts[payer] += fen
        if payer == "personal" and in_scope:
            self.burden += fen
        self.steps.append(step(payer, Money(fen), kind, args, ref, mark))

    def relieve(self, payer: str, fen: int, kind: str, args: dict, ref=None):
        """``payer`` (critical illness insurance, assistance) takes over fen the patient owed."""
        if fen < 0 or fen > self.parts["personal"]:
            raise ValueError("relief outside the patient's part")
        self.parts["personal"] -= fen
        self.parts[payer] += fen
        self.steps.append(step(payer, Money(fen), kind, args, ref, payer))

    def note(self, kind: str, args: dict, ref=None):
        """A step that explains a rule without moving money."""
        self.steps.append(step(None, None, kind, args, ref))

    def settled(self) -> dict:
        paid = 0
        for payer in PAYERS:
            paid += self.parts[payer]
        if paid != self.total:
            raise ValueError("claim parts do not add up to its total")
        out = {"total": Money(self.total), "steps": self.steps}
        for payer in PAYERS:
            out[payer] = Money(self.parts[payer])
        return out
