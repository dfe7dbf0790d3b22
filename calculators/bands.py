"""Progressive bands: thresholds on a yearly cumulative amount (超额累进).

A band list is ``[{"up_to": fen or None, "value": share}]``, increasing, the last open. The
bands apply to positions on the year's running total, so a claim that starts where earlier
claims stopped is cut exactly where the year crosses a threshold.
"""

from .money import BP, round_half_up


def cut(start: int, end: int, bands: list) -> list:
    """[start, end) cut at the band thresholds: a list of (start, end, band)."""
    pieces = []
    low = start
    for band in bands:
        if low >= end:
            break
        top = band["up_to"]
        if top is not None and top <= low:
            continue
        high = end if top is None or top >= end else top
        pieces.append((low, high, band))
        low = high
    return pieces


def at_age(steps: list, age: int):
    """The value of the last age step (``from_age``) the age has reached."""
    value = steps[0]["value"]
    for item in steps:
        if age >= item["from_age"]:
            value = item["value"]
    return value


def for_level(value, level: str):
    """A share given per level ({tertiary: …}) or once for all levels (a number)."""
    if isinstance(value, dict):
        return value[level]
    return value


def cumulative(amount: int, bands: list):
    """Σ piece × share over [0, amount), rounded half-up once; None if a band is not stated."""
    numerator = 0
    for low, high, band in cut(0, amount, bands):
        if band["value"] is None:
            return None
        numerator += (high - low) * band["value"]
    return round_half_up(numerator, BP)
