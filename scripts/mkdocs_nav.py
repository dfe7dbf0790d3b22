"""mkdocs hook: the navigation is the one scripts/generate_pages.py wrote beside the pages
(``<docs_dir>/.nav.json``, built from the cities and calculators in docs/content/ and the
registry), so neither mkdocs config lists pages and a new city needs no config change.
mkdocs skips dot files, so the file itself is not published."""

import json
import os


def on_config(config):
    with open(os.path.join(config["docs_dir"], ".nav.json"), encoding="utf-8") as handle:
        config["nav"] = json.load(handle)
    return config
