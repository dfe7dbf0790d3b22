"""JSON text to data with every decimal kept as the text the reader wrote.

Why: a float is not what the reader typed. CPython's ``json`` hands decimals over as text
(``parse_float=str``); MicroPython's has no such hook and would make floats, whose printed form
differs between runtimes (``582.19`` prints as ``582.1900000000001`` there). So on MicroPython
the number tokens with a fraction or exponent are quoted before parsing, and number tokens are
held to JSON's grammar (MicroPython's parser accepts ``1.`` and ``01``; CPython's does not).
"""

import json

_DIGITS = "0123456789"
_NUMBER_STARTS = "-0123456789"
_NUMBER_CHARS = "0123456789.eE+-"


def _digits_end(token: str, i: int) -> int:
    while i < len(token) and token[i] in _DIGITS:
        i += 1
    return i


def is_json_number(token: str) -> bool:
    """-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? — JSON's number, nothing more."""
    i = 1 if token.startswith("-") else 0
    if token[i : i + 1] == "0":
        i += 1
    elif token[i : i + 1] in ("", "-", "+", ".", "e", "E"):
        return False
    else:
        i = _digits_end(token, i)
    if token[i : i + 1] == ".":
        end = _digits_end(token, i + 1)
        if end == i + 1:
            return False
        i = end
    if token[i : i + 1] in ("e", "E"):
        i += 1
        if token[i : i + 1] in ("+", "-"):
            i += 1
        end = _digits_end(token, i)
        if end == i:
            return False
        i = end
    return i == len(token)


def quote_decimals(text: str) -> str:
    """``text`` with each decimal number outside strings turned into a JSON string of itself.

    Raises ValueError for a number token JSON does not allow, as CPython's parser would.
    """
    out = []
    token = []
    in_string = escaped = False
    for ch in text:
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch in _NUMBER_CHARS if token else ch in _NUMBER_STARTS:
            token.append(ch)
            continue
        if token:
            out.append(_number(token))
            token = []
        out.append(ch)
        in_string = ch == '"'
    if token:
        out.append(_number(token))
    return "".join(out)


def _number(chars: list) -> str:
    token = "".join(chars)
    if not is_json_number(token):
        raise ValueError("not a JSON number: " + token)
    if "." in token or "e" in token or "E" in token:
        return '"' + token + '"'
    return token


def _not_json(name: str):
    raise ValueError(name + " is not JSON")


def loads(text: str):
    """Parse JSON, decimals as their text; ValueError for text that is not JSON (NaN included)."""
    try:
        return json.loads(text, parse_float=str, parse_constant=_not_json)
    except TypeError:
        return json.loads(quote_decimals(text))
