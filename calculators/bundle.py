"""The compiled policy data and the edition in force on a date.

``policies.json`` is compiled from ``policies/*.yaml`` by ``scripts/compile_policies.py``
(validated there); the engine only reads it, so the browser and the CLI see one source.
"""

import json

from .fields import fail, not_stated


def load_bundle() -> dict:
    """Read the bundle that ships inside the package (CPython and Pyodide)."""
    here = __file__.replace("\\", "/").rsplit("/", 1)[0]
    with open(here + "/data/policies.json", encoding="utf-8") as handle:
        return json.loads(handle.read())


class Edition:
    """The parameters of one policy as in force on one date.

    A parameter value of ``null`` (or a null inside it) means the sources do not state it;
    asking for it raises the refusal that names it.
    """

    def __init__(self, bundle: dict, policy_id: str, date: str):
        self.policy_id = policy_id
        self.policy = bundle["policies"][policy_id]
        self.sources = bundle["sources"]
        editions = self.policy["editions"]
        chosen = None
        for edition in editions:
            if edition["from"] <= date:
                chosen = edition
        if chosen is None:
            first = editions[0]["from"]
            raise fail(
                "date",
                date + " 早于本站收录的最早版本（" + first + " 起施行），无法计算。",
                date + " is before the earliest edition we have (in force from " + first + "); nothing was computed.",
            )
        self.edition = chosen
        self.date = date

    def describe(self) -> dict:
        return {
            "id": self.edition["id"],
            "from": self.edition["from"],
            "zh": self.edition["title"]["zh"],
            "en": self.edition["title"]["en"],
            "source": self.edition["source"],
        }

    def has(self, path: str) -> bool:
        return path in self.policy["parameters"]

    def entry(self, path: str, field: str = ""):
        """The parameter's dated value in force for this edition, with its citation."""
        parameter = self.policy["parameters"][path]
        chosen = None
        for value in parameter["values"]:
            if value["from"] <= self.edition["from"]:
                chosen = value
        if chosen is None:
            raise not_stated(field or "date", parameter["label"])
        return parameter, chosen

    def get(self, path: str, *keys, field: str = ""):
        """(value, ref) for a parameter, descending into ``keys``; refuses what is not stated.

        ``field`` names the input that led here, so a refusal points at what the reader chose.
        """
        parameter, entry = self.entry(path, field)
        value = entry["value"]
        for key in keys:
            if value is None:
                break
            if isinstance(value, dict):
                if key not in value:
                    raise KeyError(path + ": no key " + str(key))
                value = value[key]
        if value is None:
            raise self.refuse(path, field)
        return value, self.ref(path, parameter, entry)

    def refuse(self, path: str, field: str = ""):
        """The refusal for a parameter (or a part of it) the sources do not state."""
        parameter, entry = self.entry(path, field)
        return not_stated(field or self.policy_id + "/" + path, parameter["label"], entry.get("note"))

    def ref(self, path: str, parameter: dict, entry: dict) -> dict:
        return {
            "parameter": self.policy_id + "/" + path,
            "label": parameter["label"],
            "source": entry["source"],
            "article": entry.get("article"),
        }
