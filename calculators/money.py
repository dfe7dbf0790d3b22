"""Exact money and shares: integer fen, shares in basis points, one rounding rule.

Why integers: the same engine runs on CPython, Pyodide and MicroPython, and only integer
arithmetic is exact and identical on all three. Every rounding in the engine goes through
``round_half_up``; nothing else rounds.
"""

BP = 10000  # basis points in a whole (100%)
FEN = 100  # fen in a yuan

_FULL_WIDTH_DIGITS = "０１２３４５６７８９"
_SEPARATORS = (",", "，", "_", " ", "\u3000", "'")
_DECIMAL_POINTS = ("．", "。")
_YUAN = "元"


def round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half-up (away from zero on a tie) to an integer."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    if numerator < 0:
        return -round_half_up(-numerator, denominator)
    return (2 * numerator + denominator) // (2 * denominator)


def share_of(fen: int, bp: int) -> int:
    """``bp`` basis points of ``fen``, rounded half-up to the fen."""
    return round_half_up(fen * bp, BP)


def normalise_number_text(text: str) -> str:
    """Full-width digits to ASCII, thousands separators dropped, Chinese decimal point to '.',
    and a trailing 元 dropped (people write amounts as they see them on a bill: "5,000元")."""
    text = text.strip()
    if text.endswith(_YUAN):
        text = text[: -len(_YUAN)]
    out = []
    for ch in text:
        pos = _FULL_WIDTH_DIGITS.find(ch)
        if pos >= 0:
            out.append(str(pos))
        elif ch in _SEPARATORS:
            continue
        elif ch in _DECIMAL_POINTS:
            out.append(".")
        elif ch == "－":
            out.append("-")
        else:
            out.append(ch)
    return "".join(out)


def parse_decimal(value, places: int):
    """A decimal number given as int, str or float, scaled by 10**places to an exact int.

    Returns None when the value is not a plain decimal with at most ``places`` decimals.
    A float is read by ``float_scaled``, never through its printed form (which differs
    between runtimes).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value * (10**places)
    if isinstance(value, float):
        return float_scaled(value, places)
    if not isinstance(value, str):
        return None
    text = normalise_number_text(value)
    negative = text.startswith("-")
    if negative or text.startswith("+"):
        text = text[1:]
    if "." in text:
        whole, frac = text.split(".", 1)
    else:
        whole, frac = text, ""
    if whole == "" and frac == "":
        return None
    for part in (whole, frac):
        for ch in part:
            if ch < "0" or ch > "9":
                return None
    # Trailing zeros beyond the allowed places carry no value ("12.500" is 12.5).
    while len(frac) > places and frac.endswith("0"):
        frac = frac[:-1]
    if len(frac) > places:
        return None
    scaled = int(whole or "0") * (10**places) + int((frac + "0" * places)[:places] or "0")
    return -scaled if negative else scaled


def float_scaled(value: float, places: int):
    """The n with n / 10**places == value exactly (IEEE division, the same on every runtime).

    So 582.19 is 58219 (it is the double nearest to 582.19) and 582.1900000000001 is refused
    (no decimal with two places is that double). Floats too large for their decimals to be
    exact (2**53 / 10**places and above), infinities and NaN are refused.
    """
    scale = 10**places
    if value != value or not -(2**53) < value * scale < 2**53:
        return None
    guess = int(value * scale)
    for n in (guess - 1, guess, guess + 1):
        if n / scale == value:
            return n
    return None


def _group_thousands(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ",".join(groups)


def format_yuan(fen: int, always_cents: bool = True) -> str:
    """Fen as yuan with thousands separators: 123456 -> "1,234.56" (or "1,234" when whole)."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), FEN)
    text = _group_thousands(str(whole))
    if always_cents or cents:
        text += "." + ("0" + str(cents))[-2:]
    return sign + text


def yuan_words(fen: int, lang: str, always_cents: bool = True) -> str:
    """An amount as the reader reads it: "1,234.50元" / "1,234.50 yuan"."""
    return format_yuan(fen, always_cents) + ("元" if lang == "zh" else " yuan")


def format_share(bp: int) -> str:
    """Basis points as a percentage without trailing zeros: 7600 -> "76%", 630 -> "6.3%"."""
    whole, rest = divmod(bp, 100)
    if rest == 0:
        return str(whole) + "%"
    frac = ("0" + str(rest))[-2:]
    if frac.endswith("0"):
        frac = frac[:-1]
    return str(whole) + "." + frac + "%"


def plain_yuan(fen: int) -> str:
    """Fen as a plain decimal yuan string for JSON output: 123450 -> "1234.50"."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), FEN)
    return sign + str(whole) + "." + ("0" + str(cents))[-2:]
