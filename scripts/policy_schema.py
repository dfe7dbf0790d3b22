"""Validation of the policy YAML: every problem named by file, key path and what is wrong.

The tree is ``policies/sources.yaml`` plus one folder per policy holding ``policy.yaml``
(title and editions) and one YAML file per parameter, the folder path being the parameter
path. A value is a number in the parameter's unit, a map over known keys, a list of bands
(``up_to`` thresholds) or age steps (``from_age``), or ``null`` for "not stated in the sources".
"""

from calculators import api, benefit_start, contribution, retirement, settle, settle_input
from calculators.fields import is_iso_date
from calculators.money import parse_decimal

UNITS = ("yuan", "share", "multiple", "years", "months", "days", "hours", "count", "date", "text")
MAP_KEYS = (
    "tertiary",
    "other",
    "community",
    "signed_community",
    "outpatient",
    "inpatient",
    "in_province",
    "out_of_province",
    "referral_out_of_province",
)
# primary: an official document; secondary: this project's notes; third_party: a page that
# quotes the rules (e.g. 本地宝). Pages mark every figure from the last two.
SOURCE_KINDS = ("primary", "secondary", "third_party")
# Why a value is null: the source says nothing (silent), or it says there is no such rule.
STATUSES = ("silent", "no_rule")
TEXT_KEYS = ("zh", "en")


class PolicyError(Exception):
    """One problem in one policy file."""

    def __init__(self, file: str, path: str, problem: str):
        Exception.__init__(self, file + ": " + (path or "(top)") + ": " + problem)
        self.file = file
        self.path = path
        self.problem = problem


class Checker:
    """Collects every problem of one file instead of stopping at the first."""

    def __init__(self, file: str):
        self.file = file
        self.errors = []

    def fail(self, path: str, problem: str):
        self.errors.append(PolicyError(self.file, path, problem))

    def keys(self, path: str, mapping, required, optional=()):
        if not isinstance(mapping, dict):
            self.fail(path, "must be a mapping")
            return False
        for key in mapping:
            if key not in required and key not in optional:
                self.fail(join(path, key), "unknown key")
        complete = True
        for key in required:
            if key not in mapping:
                self.fail(join(path, key), "missing")
                complete = False
        return complete

    def text(self, path: str, value):
        if self.keys(path, value, TEXT_KEYS):
            for lang in TEXT_KEYS:
                if lang in value and (not isinstance(value[lang], str) or not value[lang].strip()):
                    self.fail(join(path, lang), "must be non-empty text")


def join(path: str, key) -> str:
    if isinstance(key, int):
        return path + "[" + str(key) + "]"
    return key if not path else path + "." + key


def convert_leaf(check: Checker, path: str, unit: str, value):
    """A leaf in its unit, converted to the bundle's integers (fen, basis points)."""
    if unit == "date":
        if not is_iso_date(value):
            check.fail(path, "must be a date written YYYY-MM-DD")
        return value
    if unit == "text":
        if not isinstance(value, str) or not value.strip():
            check.fail(path, "must be non-empty text")
        return value
    if unit in ("years", "months", "days", "hours", "count"):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            check.fail(path, "must be a whole number of " + unit + ", 0 or more")
            return None
        return value
    places = 2 if unit == "yuan" else 4
    scaled = parse_decimal(value, places) if not isinstance(value, bool) else None
    if scaled is None:
        check.fail(path, "must be a number with at most " + str(places) + " decimals")
        return None
    if unit == "share" and not 0 <= scaled <= 10000:
        check.fail(path, "share outside 0–1")
    elif scaled < 0:
        check.fail(path, "must not be negative")
    return scaled


def convert_value(check: Checker, path: str, unit: str, value):
    if value is None:
        return None
    if unit == "text" and isinstance(value, dict):
        check.text(path, value)  # a rule worded in both languages: {zh: …, en: …}
        return value
    if isinstance(value, dict):
        out = {}
        for key in value:
            if key not in MAP_KEYS:
                check.fail(join(path, key), "unknown key (expected one of " + ", ".join(MAP_KEYS) + ")")
                continue
            out[key] = None if value[key] is None else convert_leaf(check, join(path, key), unit, value[key])
        return out
    if isinstance(value, list):
        return convert_steps(check, path, unit, value)
    return convert_leaf(check, path, unit, value)


def convert_steps(check: Checker, path: str, unit: str, items: list):
    """Bands (``up_to`` thresholds, yuan, increasing, last open) or age steps (``from_age``)."""
    if not items:
        check.fail(path, "must not be empty")
        return []
    kind = "up_to" if isinstance(items[0], dict) and "up_to" in items[0] else "from_age"
    out = []
    previous = None
    for i, item in enumerate(items):
        here = join(path, i)
        if not check.keys(here, item, (kind, "value"), ("up_to_excluded",) if kind == "up_to" else ()):
            continue
        excluded = item.get("up_to_excluded", False)
        if not isinstance(excluded, bool):
            check.fail(join(here, "up_to_excluded"), "must be true or false")
        bound = item.get(kind)
        inner = convert_value(check, join(here, "value"), unit, item.get("value"))
        if isinstance(inner, list):
            check.fail(join(here, "value"), "bands cannot nest")
        if kind == "up_to":
            last = i == len(items) - 1
            if bound is None:
                if not last:
                    check.fail(join(here, "up_to"), "only the last band may be open (null)")
                if "up_to_excluded" in item:
                    check.fail(join(here, "up_to_excluded"), "an open band has no upper edge")
                out.append({"up_to": None, "value": inner})
                continue
            if last:
                check.fail(join(here, "up_to"), "the last band must be open (null)")
            fen = convert_leaf(check, join(here, "up_to"), "yuan", bound)
            if fen is not None and previous is not None and fen <= previous:
                check.fail(join(here, "up_to"), "bands must increase")
            previous = fen if fen is not None else previous
            out.append(dict({"up_to": fen, "value": inner}, **({"up_to_excluded": True} if excluded is True else {})))
        else:
            if isinstance(bound, bool) or not isinstance(bound, int) or bound < 0:
                check.fail(join(here, "from_age"), "must be a whole age, 0 or more")
                continue
            if i == 0 and bound != 0:
                check.fail(join(here, "from_age"), "the first step must start at age 0")
            if previous is not None and bound <= previous:
                check.fail(join(here, "from_age"), "ages must increase")
            previous = bound
            out.append({"from_age": bound, "value": inner})
    return out


def check_sources(file: str, data) -> tuple:
    check = Checker(file)
    registry = {}
    if check.keys("", data, ("sources",)):
        items = data.get("sources")
        if not isinstance(items, list) or not items:
            check.fail("sources", "must be a non-empty list")
            items = []
        for i, item in enumerate(items):
            here = join("sources", i)
            if not check.keys(here, item, ("id", "kind", "seed", "title", "publisher", "dated")):
                continue
            if item.get("id") in registry:
                check.fail(join(here, "id"), "duplicate source id")
            if item.get("kind") not in SOURCE_KINDS:
                check.fail(join(here, "kind"), "must be one of " + ", ".join(SOURCE_KINDS))
            for key in ("title", "publisher", "dated"):
                if key in item:
                    check.text(join(here, key), item[key])
            registry[item.get("id")] = item
    return registry, check.errors


def check_policy(file: str, data, sources: dict) -> tuple:
    check = Checker(file)
    if not check.keys("", data, ("title", "city", "scheme", "editions") + REGISTRY_KEYS, ("unsupported",)):
        return data, check.errors
    check.text("title", data.get("title"))
    check_registry(check, data)
    editions = data.get("editions")
    if not isinstance(editions, list) or not editions:
        check.fail("editions", "must be a non-empty list")
        return data, check.errors
    seen_ids, previous = set(), None
    for i, edition in enumerate(editions):
        here = join("editions", i)
        if not check.keys(here, edition, ("id", "from", "source", "title"), ("carry_over",)):
            continue
        if edition.get("id") in seen_ids:
            check.fail(join(here, "id"), "duplicate edition id")
        seen_ids.add(edition.get("id"))
        start = edition.get("from")
        if not is_iso_date(start):
            check.fail(join(here, "from"), "must be a date written YYYY-MM-DD")
        elif previous is not None and start <= previous:
            check.fail(join(here, "from"), "editions overlap: must start after " + previous)
        else:
            previous = start
        if edition.get("source") not in sources:
            check.fail(join(here, "source"), "unknown source id")
        check.text(join(here, "title"), edition.get("title"))
        if "carry_over" in edition:
            check.text(join(here, "carry_over"), edition["carry_over"])
    return data, check.errors


# The registry part of policy.yaml: the short name, the rule family settling claims, the
# calculators offered (each with the rule variant that applies) and the inputs not supported.
REGISTRY_KEYS = ("name", "family", "calculators")
CALCULATOR_RULES = {
    "contribution": contribution.RULES,
    "retirement": retirement.RULES,
    "benefit-start": benefit_start.RULES,
}
UNSUPPORTED_FIELDS = {"person": settle_input.PERSON_KEYS, "claims": settle_input.CLAIM_KEYS}


def check_registry(check: Checker, data: dict):
    check.text("name", data.get("name"))
    if data.get("family") not in settle.RULES:
        check.fail("family", "unknown rule family (expected one of " + ", ".join(sorted(settle.RULES)) + ")")
    offered = data.get("calculators")
    if not isinstance(offered, dict) or not offered:
        check.fail("calculators", "must map at least one calculator to its settings")
        offered = {}
    for name in offered:
        here = join("calculators", name)
        if name not in api.CALCULATORS:
            check.fail(here, "unknown calculator (expected one of " + ", ".join(sorted(api.CALCULATORS)) + ")")
            continue
        rules = CALCULATOR_RULES.get(name)
        optional = ("categories",) if name == "contribution" else ()
        if not check.keys(here, offered[name], ("rule",) if rules else (), optional):
            continue
        if rules and offered[name]["rule"] not in rules:
            check.fail(join(here, "rule"), "unknown rule (expected one of " + ", ".join(sorted(rules)) + ")")
        categories = offered[name].get("categories", ["employee"])
        if (
            not isinstance(categories, list)
            or "employee" not in categories
            or any(c not in contribution.CATEGORIES for c in categories)
        ):
            check.fail(join(here, "categories"), "must list employee and any of " + ", ".join(contribution.CATEGORIES))
    items = data.get("unsupported", [])
    if not isinstance(items, list):
        check.fail("unsupported", "must be a list")
        items = []
    for i, item in enumerate(items):
        here = join("unsupported", i)
        if not check.keys(here, item, ("field", "only"), ("reason",)):
            continue
        section, _, key = str(item["field"]).partition(".")
        if key not in UNSUPPORTED_FIELDS.get(section, ()):
            check.fail(join(here, "field"), "must be person.KEY or claims.KEY of the settle input")
        if not isinstance(item["only"], list) or not item["only"]:
            check.fail(join(here, "only"), "must list the values accepted")
        if "reason" in item:
            check.text(join(here, "reason"), item["reason"])
    if "settle" not in offered and items:
        check.fail("unsupported", "only settle inputs can be unsupported; this policy does not settle claims")


def check_parameter(file: str, data, edition_starts: list, sources: dict) -> tuple:
    """Validate one parameter file and return it compiled (fen, basis points)."""
    check = Checker(file)
    if not check.keys("", data, ("label", "unit", "values")):
        return None, check.errors
    check.text("label", data["label"])
    unit = data["unit"]
    if unit not in UNITS:
        check.fail("unit", "unknown unit (expected one of " + ", ".join(UNITS) + ")")
        return None, check.errors
    values = data["values"]
    if not isinstance(values, list) or not values:
        check.fail("values", "must be a non-empty list")
        return None, check.errors
    compiled, previous = [], None
    for i, entry in enumerate(values):
        here = join("values", i)
        if not check.keys(here, entry, ("from", "value", "source"), ("article", "note", "status")):
            continue
        start = entry["from"]
        if start not in edition_starts:
            check.fail(
                join(here, "from"),
                "must be the start date of one of the policy's editions " + "(" + ", ".join(edition_starts) + ")",
            )
        elif previous is not None and start <= previous:
            check.fail(join(here, "from"), "dated values must increase")
        previous = start
        if entry["source"] not in sources:
            check.fail(join(here, "source"), "unknown source id")
        value = entry["value"]
        if value is None and "note" not in entry:
            check.fail(join(here, "note"), "a value that is not stated needs a note saying so")
        if value is None and entry.get("status") not in STATUSES:
            check.fail(
                join(here, "status"),
                "a null value needs a status: "
                + " or ".join(STATUSES)
                + " (the source is silent, or says there is no such rule)",
            )
        if value is not None and "status" in entry:
            check.fail(join(here, "status"), "only a null value has a status")
        if value is not None and "article" not in entry:
            check.fail(join(here, "article"), "a value needs the article it comes from")
        for key in ("article", "note"):
            if key in entry:
                check.text(join(here, key), entry[key])
        item = {
            "from": start,
            "value": convert_value(check, join(here, "value"), unit, value),
            "source": entry["source"],
        }
        for key in ("article", "note", "status"):
            if key in entry:
                item[key] = entry[key]
        compiled.append(item)
    return {"label": data["label"], "unit": unit, "values": compiled}, check.errors


def check_offices(file: str, data, sources: dict) -> tuple:
    """The service-office table: rows of name, address and hours, each in zh and en."""
    check = Checker(file)
    if not check.keys("", data, ("source", "article", "offices")):
        return None, check.errors
    if data["source"] not in sources:
        check.fail("source", "unknown source id")
    check.text("article", data["article"])
    rows = data["offices"]
    if not isinstance(rows, list) or not rows:
        check.fail("offices", "must be a non-empty list")
        return None, check.errors
    for i, row in enumerate(rows):
        here = join("offices", i)
        if check.keys(here, row, ("name", "address", "hours"), ("note",)):
            for key in row:
                check.text(join(here, key), row[key])
    return data, check.errors
