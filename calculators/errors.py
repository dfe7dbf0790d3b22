"""Errors the engine reports to a reader: each names the field and speaks zh and en."""


class InputError(Exception):
    """Bad input or a scenario the sources do not cover; nothing is computed from it."""

    def __init__(self, field: str, zh: str, en: str):
        Exception.__init__(self, field + ": " + en)
        self.field = field
        self.zh = zh
        self.en = en

    def as_dict(self) -> dict:
        return {"error": {"field": self.field, "zh": self.zh, "en": self.en}}


def not_stated(field: str, label: dict, note=None) -> InputError:
    """The refusal for a figure the sources do not give: names the figure and why."""
    zh = "资料中未载明“" + label["zh"] + "”，无法计算。"
    en = "Not stated in the sources: " + label["en"] + ". Nothing was computed."
    if note:
        zh += note["zh"]
        en += " " + note["en"]
    return InputError(field, zh, en)
