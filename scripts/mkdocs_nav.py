"""mkdocs hook: the navigation is the one scripts/generate_pages.py wrote beside the pages
(``<docs_dir>/.nav.json``, built from the cities and calculators in docs/content/ and the
registry), so neither mkdocs config lists pages and a new city needs no config change.
mkdocs skips dot files, so the file itself is not published."""

import json
import os

from mkdocs.exceptions import ConfigurationError


def on_config(config):
    path = os.path.join(config["docs_dir"], ".nav.json")
    if not os.path.exists(path):
        raise ConfigurationError(
            path + " is missing: run python -m scripts.generate_pages first (scripts/build_site.sh does)"
        )
    with open(path, encoding="utf-8") as handle:
        config["nav"] = json.load(handle)
    return config
