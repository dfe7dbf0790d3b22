"""Load the whole ``policies/`` tree, validated, as the bundle the engine and pages read."""

import os
import sys

from calculators import scenario_file
from scripts.policy_schema import PolicyError, check_offices, check_parameter, check_policy, check_sources

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POLICIES = os.path.join(ROOT, "policies")


class PolicyTreeError(Exception):
    """All problems found in the tree, one per line."""

    def __init__(self, errors: list):
        Exception.__init__(self, "\n".join(str(e) for e in errors))
        self.errors = errors


def _read(path: str, rel: str, errors: list):
    try:
        return scenario_file.load_path(path)
    except (scenario_file.FileFormatError, OSError) as exc:
        errors.append(PolicyError(rel, "", "cannot be read: " + str(exc)))
        return None


def load_tree(root: str = POLICIES) -> dict:
    """The compiled bundle: {"sources": {...}, "policies": {id: {..., "parameters": {...}}}}."""
    errors = []
    rel = lambda p: os.path.relpath(p, os.path.dirname(root))
    sources_path = os.path.join(root, "sources.yaml")
    sources, problems = check_sources(rel(sources_path), _read(sources_path, rel(sources_path), errors))
    errors.extend(problems)
    policies, offices = {}, {}
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if name.startswith("offices-") and name.endswith(".yaml"):
            table, problems = check_offices(rel(folder), _read(folder, rel(folder), errors), sources)
            errors.extend(problems)
            offices[name[len("offices-") : -len(".yaml")]] = table
            continue
        if not os.path.isdir(folder):
            if name != "sources.yaml":
                errors.append(
                    PolicyError(
                        rel(folder), "", "unexpected file (expected sources.yaml, offices-CITY.yaml or policy folders)"
                    )
                )
            continue
        policy_path = os.path.join(folder, "policy.yaml")
        policy, problems = check_policy(rel(policy_path), _read(policy_path, rel(policy_path), errors), sources)
        errors.extend(problems)
        if problems or not policy:
            continue
        starts = [e["from"] for e in policy["editions"]]
        parameters = {}
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            for filename in sorted(filenames):
                full = os.path.join(dirpath, filename)
                if full == policy_path:
                    continue
                if not filename.endswith(".yaml"):
                    errors.append(PolicyError(rel(full), "", "only .yaml files belong in a policy folder"))
                    continue
                key = os.path.relpath(full, folder)[: -len(".yaml")].replace(os.sep, "/")
                compiled, problems = check_parameter(rel(full), _read(full, rel(full), errors), starts, sources)
                errors.extend(problems)
                if compiled:
                    parameters[key] = compiled
        policies[name] = {
            "title": policy["title"],
            "city": policy["city"],
            "scheme": policy["scheme"],
            "editions": policy["editions"],
            "parameters": parameters,
            "name": policy["name"],
            "family": policy["family"],
            "calculators": policy["calculators"],
            "unsupported": policy.get("unsupported", []),
        }
    if errors:
        raise PolicyTreeError(errors)
    return {"sources": sources, "policies": policies, "offices": offices}


def load_or_exit(root: str = POLICIES) -> dict:
    try:
        return load_tree(root)
    except PolicyTreeError as exc:
        sys.stderr.write("policies/ has problems:\n" + str(exc) + "\n")
        raise SystemExit(1)
