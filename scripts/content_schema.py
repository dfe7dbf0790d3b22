"""Validation of docs/content/*.yaml when it is loaded: an unknown key, a missing key or a
wrong type stops the build with the file, the key path and the problem, as policies/ does.

A schema is plain data: ``TEXT`` (``{zh: str, en: str}``), ``TEXTS`` (``{zh: [str], en: [str]}``),
``str``, ``int``, ``bool``, ``[item]`` (a list of items), ``{key: schema}`` with ``"key?"`` for an
optional key, ``{"*": schema}`` (a mapping of any keys to one schema), ``("one of", a, b, …)``
(a string from a fixed set) and ``("any of", schema, …)`` (the first schema that fits).
"""

import os

from calculators import scenario_file
from scripts.policy_schema import Checker, join

TEXT = "text"
TEXTS = "texts"


def one_of(*values) -> tuple:
    return ("one of",) + values


def any_of(*schemas) -> tuple:
    return ("any of",) + schemas


QUESTION = {"id": str, "number": int, "question": TEXT, "answer": TEXT, "calculators?": [str]}
QA = {"source": str, "policy": str, "chapters": [{"id": str, "title": TEXT, "curves?": bool, "questions": [QUESTION]}]}
TOPICS = {
    "source": str,
    "policy": str,
    "topics": [
        {
            "id": str,
            "title": TEXT,
            "summary": TEXT,
            "conditions?": TEXTS,
            "materials?": TEXTS,
            "calculators?": [str],
            "routes?": [{"id": str, "title": TEXT, "steps": TEXTS}],
        }
    ],
}
QUANTITY = one_of("patient_share", "fund_share", "points", "as_stated")
COMPARE_CELL = any_of(str, {"param": str, "is": QUANTITY})
# A city section (city-<city>.yaml): the stub a new city needs is its first three keys.
CITY = {
    "city": str,
    "name": TEXT,
    "policy": str,
    "qa?": {"title": TEXT, "numbering": one_of("article", "question"), "files": [str]},
    "topics?": {
        "title": TEXT,
        "offices?": TEXT,
        "pages": [{"page": str, "file": str, "title": TEXT, "boost": int, "menus_note?": bool}],
    },
    "phones?": [{"label": TEXT, "param": str}],
}

# ---- calculators.yaml, as on main (helper 7 is reworking this file; adjust here at merge) ----
CALCULATOR_FIELD = {
    "name": str,
    "type": one_of("select", "date", "month", "int", "money", "bool"),
    "label": TEXT,
    "help?": TEXT,
    "families?": [str],
    "optional?": bool,
    "default_from?": str,
    "label_from?": str,
    "options?": [{"value": str, "zh": str, "en": str}],
    "options_from?": one_of("registry"),
    "scheme?": str,
}
CALCULATOR_PAGE = {
    "id": str,
    "calculator": one_of("settle", "compare", "slip", "contribution", "account", "retirement", "benefit-start"),
    "title": TEXT,
    "intro": TEXT,
    "fields": [str],
    "rows?": [str],
    "rows_title?": TEXT,
    "fixed?": {"*": str},
    "default": {"*": str},
}
CALCULATORS = {"fields": {"*": CALCULATOR_FIELD}, "pages": [CALCULATOR_PAGE]}
# ---- end of calculators.yaml ----

SCHEMAS = {
    "about.yaml": {"intro": TEXT, "editions": TEXT, "secondary": TEXT, "contact": TEXT},
    "home.yaml": {"title": TEXT, "intro": TEXT, "calculators": TEXT, "body": TEXT},
    "compare.yaml": {
        "title": TEXT,
        "intro": TEXT,
        "sections": [
            {
                "title": TEXT,
                "rows": [
                    {
                        "label": TEXT,
                        "compares": QUANTITY,
                        "hangzhou_employee": COMPARE_CELL,
                        "ningbo_employee": COMPARE_CELL,
                        "note?": TEXT,
                    }
                ],
            }
        ],
    },
    "glossary.yaml": {"terms": [{"zh": str, "en": str, "explain": TEXT}]},
    "hz-handbook-1.yaml": QA,
    "hz-handbook-2.yaml": QA,
    "nb-qa.yaml": QA,
    "hz-procedures.yaml": TOPICS,
    "hz-remote.yaml": TOPICS,
    "method.yaml": {"title": TEXT, "intro": TEXT, "sections": [{"id": str, "title": TEXT, "body": TEXT}]},
    "calculators.yaml": CALCULATORS,
}


class ContentError(Exception):
    """Every problem of one content file, one per line (file: key path: problem)."""

    def __init__(self, errors: list):
        Exception.__init__(self, "\n".join(str(e) for e in errors))
        self.errors = errors


def fits(schema, value) -> bool:
    check = Checker("")
    validate(check, "", schema, value)
    return not check.errors


def validate(check: Checker, path: str, schema, value):
    """Record in ``check`` every way ``value`` departs from ``schema``."""
    if schema is TEXT or schema is TEXTS:
        inner = str if schema is TEXT else [str]
        validate(check, path, {"zh": inner, "en": inner}, value)
    elif schema in (str, int, bool):
        if not isinstance(value, schema) or (schema is int and isinstance(value, bool)):
            check.fail(path, "must be " + {str: "text", int: "a whole number", bool: "true or false"}[schema])
        elif schema is str and not value.strip():
            check.fail(path, "must not be empty")
    elif isinstance(schema, tuple) and schema[0] == "one of":
        if value not in schema[1:]:
            check.fail(path, "must be one of " + ", ".join(schema[1:]))
    elif isinstance(schema, tuple):
        for option in schema[1:]:
            if fits(option, value):
                return
        validate(check, path, schema[1], value)  # none fits: report against the first form
    elif isinstance(schema, list):
        if not isinstance(value, list):
            check.fail(path, "must be a list")
            return
        for i, item in enumerate(value):
            validate(check, join(path, i), schema[0], item)
    elif "*" in schema:
        if not isinstance(value, dict):
            check.fail(path, "must be a mapping")
            return
        for key, item in value.items():
            validate(check, join(path, str(key)), schema["*"], item)
    else:
        keys = {k.rstrip("?"): k for k in schema}
        required = [k for k, full in keys.items() if not full.endswith("?")]
        check.keys(path, value, required, [k for k in keys if k not in required])
        if isinstance(value, dict):
            for key, item in value.items():
                if key in keys:
                    validate(check, join(path, key), schema[keys[key]], item)


def check_content(name: str, data) -> list:
    """The problems of one content file (empty when it fits its schema)."""
    check = Checker("docs/content/" + name)
    schema = CITY if name.startswith("city-") else SCHEMAS.get(name)
    if schema is None:
        check.fail("", "no schema for this file (add one to scripts/content_schema.py)")
    else:
        validate(check, "", schema, data)
    return check.errors


def load_content(folder: str, name: str):
    """A content file, parsed and validated; ContentError lists every problem."""
    data = scenario_file.load_path(os.path.join(folder, name))
    errors = check_content(name, data)
    if errors:
        raise ContentError(errors)
    return data
