"""Errors the engine reports to a reader: each names the field and speaks zh and en."""


class InputError(Exception):
    """Bad input or a scenario the sources do not cover; nothing is computed from it."""

    def __init__(self, field: str, zh: str, en: str):
        super().__init__(field + ": " + en)
        self.field = field
        self.zh = zh
        self.en = en

    def as_dict(self) -> dict:
        return {"error": {"field": self.field, "zh": self.zh, "en": self.en}}

