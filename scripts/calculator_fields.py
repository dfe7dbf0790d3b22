"""The calculator pages' view of the registry: which policies a page offers and which fields
apply to which policies. docs/content/calculators.yaml names rule families and schemes, never a
policy id, so a new policy of a family we have appears in every calculator it offers with no
change there.
"""

from calculators import registry

# A page's calculator → the registry calculator its policies must offer (the compare page settles).
REGISTRY_CALCULATOR = {"compare": "settle"}


def offered(bundle: dict, page_calculator: str, scheme: str = "") -> list:
    """The policies offering the page's calculator (of ``scheme`` if given), sorted by id."""
    ids = registry.policy_ids(bundle, REGISTRY_CALCULATOR.get(page_calculator, page_calculator))
    return [p for p in ids if not scheme or bundle["policies"][p]["scheme"] == scheme]


def resolve(bundle: dict, specs: dict, page_calculator: str) -> dict:
    """The page's field specs as the form renders them: ``families`` turned into the
    ``policies`` (ids) the field applies to, and a registry select's ``options`` filled in with
    the offered policies' names."""
    resolved = {}
    for key, spec in specs.items():
        spec = dict(spec)
        if "families" in spec:
            families = spec.pop("families")
            spec["policies"] = [p for p in sorted(bundle["policies"]) if bundle["policies"][p]["family"] in families]
        if spec.pop("options_from", None) == "registry":
            spec["options"] = [
                dict(bundle["policies"][p]["name"], value=p)
                for p in offered(bundle, page_calculator, spec.pop("scheme", ""))
            ]
        resolved[key] = spec
    return resolved
