"""Read YAML or JSON text into plain data, keeping decimals and dates as text.

Why: a float would round 0.1 on the way in, and PyYAML would turn a date into an object that
the browser never sees. Keeping the text lets the engine parse exact fen and ISO dates the same
way in every runtime. CPython only (the CLI and the build scripts); PyYAML is needed for YAML.
"""

import json


def _yaml_loader():
    import yaml

    # libyaml's parser when PyYAML has it (the policy tree is read many times by the tests).
    class TextNumbersLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        """SafeLoader that leaves floats and timestamps as the text written."""

    def keep_text(loader, node):
        return loader.construct_scalar(node)

    TextNumbersLoader.add_constructor("tag:yaml.org,2002:float", keep_text)
    TextNumbersLoader.add_constructor("tag:yaml.org,2002:timestamp", keep_text)
    return yaml, TextNumbersLoader


class FileFormatError(Exception):
    """The text is neither valid JSON nor valid YAML."""


def loads(text: str):
    """Parse JSON (tried first) or YAML text."""
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(text, parse_float=str)
        except ValueError:
            pass
    try:
        yaml, loader = _yaml_loader()
    except ImportError:
        raise FileFormatError("YAML input needs PyYAML (pip install PyYAML); JSON works without it")
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise FileFormatError(str(exc))


def load_path(path: str):
    with open(path, encoding="utf-8") as handle:
        return loads(handle.read())
