"""Errors the engine reports to a reader: each names the field and speaks zh and en."""

INPUT = "input"  # the reader's input is wrong: fix the field
NOT_STATED = "not_stated"  # the input is fine, but the sources lack a figure it needs


class InputError(Exception):
    """Bad input or a scenario the sources do not cover; nothing is computed from it.

    ``zh``/``en`` start with the field's path (for the command line); ``message`` holds the
    same texts without it, for a page that names the field by its own label.
    """

    def __init__(self, field: str, zh: str, en: str, kind: str = INPUT, message=None):
        super().__init__(field + ": " + en)
        self.field = field
        self.zh = zh
        self.en = en
        self.kind = kind
        self.message = message or {"zh": zh, "en": en}

    def as_dict(self) -> dict:
        return {
            "error": {"field": self.field, "zh": self.zh, "en": self.en, "kind": self.kind, "message": self.message}
        }
