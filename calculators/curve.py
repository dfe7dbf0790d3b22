"""What a patient pays as one in-scope inpatient bill grows: the engine's own results at the
points that shape the curve, and on a grid between them.

Nothing here re-derives a rule: every point is a ``settle()`` of a one-stay year. The kinks
come from the thresholds a rule family declares (``CURVE`` in its module: a parameter and the
running figure of the year it applies to); the bill at which that figure reaches a threshold
is asked of the engine itself (bisection on whole fen). So a threshold on the patient's
burden (Hangzhou's medical assistance, Ningbo's critical illness insurance) is marked where
it really starts to bite, and remote-treatment rules move the marks as they move the bill.
"""

from . import settle as settle_module
from .bundle import Edition
from .errors import InputError
from .fields import money
from .money import BP, FEN, plain_yuan, round_half_up

# The range the issue asks for, and the grid between the kinks: finer where the share falls fast.
TOP = 600000 * FEN
GRID = ((10000 * FEN, 1000 * FEN), (100000 * FEN, 5000 * FEN), (None, 20000 * FEN))
PAYERS = ("personal", "fund", "critical_illness", "assistance")
# Claim fields that are amounts: the curve sets ``amount`` and leaves the patient's own parts out.
AMOUNTS = ("amount", "category_b", "out_of_scope")


def declaration(bundle: dict, policy_id: str):
    """The rule family's CURVE (its thresholds), or None when the family draws no curve."""
    family = bundle["policies"][policy_id]["family"]
    return getattr(settle_module.RULES[family], "CURVE", None)


class Stay:
    """One in-scope inpatient bill of a given size, settled by the engine for one person."""

    def __init__(self, bundle: dict, policy_id: str, date: str, person: dict, claim: dict):
        self.bundle = bundle
        self.policy_id = policy_id
        self.date = date
        self.person = person
        self.claim = {}
        for key, value in claim.items():
            if key not in AMOUNTS:
                self.claim[key] = value
        self.claim["kind"] = "inpatient"
        self.cache = {}

    def settle(self, bill: int):
        """The engine's result for this bill (cached), or the InputError it refuses with."""
        if bill not in self.cache:
            claim = dict(self.claim)
            claim["amount"] = plain_yuan(bill)
            scenario = {"policy": self.policy_id, "date": self.date, "person": self.person, "claims": [claim]}
            try:
                self.cache[bill] = settle_module.settle(scenario, self.bundle, self.date)
            except InputError as exc:
                self.cache[bill] = exc
        return self.cache[bill]

    def measure(self, bill: int, key: str):
        """The year's running figure ``key`` after this bill (None where the engine refuses)."""
        result = self.settle(bill)
        if isinstance(result, InputError):
            return None
        return result["claims"][0]["year_after"][key].fen

    def reaches(self, bill: int, key: str, threshold: int) -> bool:
        value = self.measure(bill, key)
        return value is not None and value >= threshold

    def first_bill(self, key: str, threshold: int, top: int):
        """The smallest bill (fen) at which the running figure ``key`` reaches ``threshold``.

        Most thresholds are on the bill itself, so the threshold is tried first (two settlements);
        otherwise bisection, about thirty. None when the bill never reaches it below ``top``.
        """
        if not self.reaches(top, key, threshold):
            return None
        guess = min(threshold, top)
        if self.reaches(guess, key, threshold) and (guess == 0 or not self.reaches(guess - 1, key, threshold)):
            return guess
        low, high = 0, top  # invariant: not reached at low (or low == 0), reached at high
        if self.reaches(0, key, threshold):
            return 0
        while high - low > 1:
            middle = (low + high) // 2
            if self.reaches(middle, key, threshold):
                high = middle
            else:
                low = middle
        return high

    def point(self, bill: int):
        """A point of the curve, or None where the engine refuses the bill."""
        result = self.settle(bill)
        if isinstance(result, InputError):
            return None
        point = {"bill": bill}
        for payer in PAYERS:
            point[payer] = result[payer].fen
        point["share"] = round_half_up(point["personal"] * BP, bill) if bill else None
        return point


def thresholds(edition: Edition, spec: dict, status: str, person: dict, level: str):
    """(threshold fen list, parameter, entry) for one declared parameter; the list is None when
    the sources do not state it. Band lists give their inner edges; per-level values the level's."""
    if "certificate" in spec and person.get("certificate", "none") != spec["certificate"]:
        return [], None, None
    path = spec["parameter"].replace("{status}", status)
    if not edition.has(path):
        return [], None, None
    parameter, entry = edition.entry(path)
    value = entry["value"]
    if value is None:
        return None, parameter, entry
    if spec["pick"] == "level":
        value = value[level]
    if spec["pick"] == "bands":
        edges = []
        for band in value:
            if band["up_to"] is not None:
                edges.append(band["up_to"])
        return edges, parameter, entry
    return [value], parameter, entry


def about(policy_id: str, path: str, parameter: dict, entry: dict) -> dict:
    """A parameter as a mark or a silence cites it: path, label, source, article, note."""
    return {
        "parameter": policy_id + "/" + path,
        "label": parameter["label"],
        "source": entry["source"],
        "article": entry.get("article"),
        "note": entry.get("note"),
    }


def grid(top: int) -> list:
    bills, bill = [], 0
    for up_to, step in GRID:
        end = top if up_to is None else min(up_to, top)
        while bill < end:
            bills.append(bill)
            bill += step
    bills.append(top)
    return bills


def curve(bundle: dict, policy_id: str, date: str, person: dict, claim: dict, at=None) -> dict:
    """The curve of one person's inpatient bill from 0 to TOP (further if ``at``, the bill to
    mark, lies beyond): ``points`` (every kink ±1 fen, the grid, ``at``), ``marks`` (each
    threshold, the bill where it bites, its parameter), ``silent`` (declared parameters the
    sources do not state) and ``refused`` (the engine's message where it stops settling)."""
    edition = Edition(bundle, policy_id, date)
    top = TOP
    if at is not None and at > top:
        top = (at + 100000 * FEN - 1) // (100000 * FEN) * (100000 * FEN)
    stay = Stay(bundle, policy_id, date, person, claim)
    level, status = claim["level"], person.get("status", "in_service")
    marks, silent, bills = [], [], grid(top)
    for spec in declaration(bundle, policy_id) or ():
        values, parameter, entry = thresholds(edition, spec, status, person, level)
        path = spec["parameter"].replace("{status}", status)
        if values is None:
            silent.append(about(policy_id, path, parameter, entry))
            continue
        for value in values:
            bill = stay.first_bill(spec["measure"], value, top)
            if bill is None:
                continue
            mark = about(policy_id, path, parameter, entry)
            mark.update({"kind": spec["mark"], "measure": spec["measure"], "threshold": value, "bill": bill})
            marks.append(mark)
            bills += [max(0, bill - 1), bill, min(top, bill + 1)]
    if at is not None:
        bills.append(at)
    points, refused = [], None
    for bill in sorted(set(bills)):
        point = stay.point(bill)
        if point is None:
            refused = stay.settle(bill).message
            break
        points.append(point)
    marks.sort(key=lambda m: (m["bill"], m["kind"]))
    return {
        "policy": policy_id,
        "edition": edition.describe(),
        "status": status,
        "level": level,
        "top": top,
        "at": at,
        "points": points,
        "marks": [m for m in marks if points and m["bill"] <= points[-1]["bill"]],
        "silent": silent,
        "refused": refused,
    }


def for_result(bundle: dict, scenario: dict, result: dict):
    """The curve for a settled one-stay scenario, with its bill marked; None for any other
    scenario (several claims, not inpatient, a family without a curve)."""
    claims = scenario.get("claims")
    if "error" in result or len(result["claims"]) != 1 or result["claims"][0]["kind"] != "inpatient":
        return None
    if declaration(bundle, result["policy"]) is None:
        return None
    claim = claims[0]
    at = money(claim, "claims[0]", "amount")
    return curve(bundle, result["policy"], result["date"], scenario.get("person") or {}, claim, at)


def newest_date(bundle: dict, policy_id: str) -> str:
    """The newest edition's start date: the pages chart the rules now in force on the site."""
    return bundle["policies"][policy_id]["editions"][-1]["from"]
