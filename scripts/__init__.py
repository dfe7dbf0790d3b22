"""Build scripts: compile policies, generate pages, build the wheel, ready the site."""
