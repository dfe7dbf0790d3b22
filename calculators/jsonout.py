"""Deterministic JSON text, identical on CPython, Pyodide and MicroPython.

Keys are sorted (MicroPython dicts keep no order), non-ASCII text is written as is, and
money (``Money``) is written as a number with exactly two decimals.
"""

import json

from .money import plain_yuan


class Money:
    """An amount in fen that the JSON writer prints as yuan with two decimals."""

    def __init__(self, fen: int):
        self.fen = fen

    def __repr__(self):
        return "Money(" + str(self.fen) + ")"


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _native_dumps():
    """The runtime's own string writer with non-ASCII as is: CPython's C ``encode_basestring``,
    else ``json.dumps`` (MicroPython's writes non-ASCII as is and takes no options)."""
    try:
        from json.encoder import encode_basestring
    except ImportError:
        return json.dumps
    return encode_basestring


_dumps = _native_dumps()


def _string(text: str) -> str:
    """A JSON string: the runtime's writer (C speed) where it writes exactly what ``escaped``
    would; CPython names backspace and form feed where ``escaped`` writes their code, so
    those take the loop."""
    if "\b" not in text and "\f" not in text:
        return _dumps(text)
    return escaped(text)


def escaped(text: str) -> str:
    """The JSON string as this module defines it: quote and backslash escaped, newline,
    return and tab named, other control characters by code, everything else as is."""
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20:
            out.append("\\u" + ("000" + hex(ord(ch))[2:])[-4:])
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _write(value, indent, level, out):
    pad = "\n" + " " * (indent * (level + 1)) if indent else ""
    end = "\n" + " " * (indent * level) if indent else ""
    sep = ": " if indent else ":"
    if isinstance(value, Money):
        out.append(plain_yuan(value.fen))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        out.append("{")
        first = True
        for key in sorted(value):
            out.append(pad if first else "," + pad)
            first = False
            out.append(_string(key) + sep)
            _write(value[key], indent, level + 1, out)
        out.append(end + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        out.append("[")
        for i, item in enumerate(value):
            out.append(pad if i == 0 else "," + pad)
            _write(item, indent, level + 1, out)
        out.append(end + "]")
    else:
        raise TypeError("cannot write " + repr(value) + " as JSON")


def dumps(value, indent: int = 0) -> str:
    """JSON text for plain data plus Money; floats are refused (they have no place here)."""
    out = []
    _write(value, indent, 0, out)
    return "".join(out)
