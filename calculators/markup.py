"""Text made safe inside HTML, for every renderer of the engine's results (present.py and the
modules it draws with), so there is one escaping rule."""


def esc(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
