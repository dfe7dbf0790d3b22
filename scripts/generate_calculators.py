"""The calculator pages: a form per calculator from docs/content/calculators.yaml, and the
default scenario's result written into the page with the same package the browser runs.

Called by scripts/generate_pages.py. Step links point at the FAQ answer whose text cites the
step's parameter (found by rendering the answers), else at the source on the about page.
"""

import json
import os

import jinja2
from markupsafe import Markup

from calculators import page_input, present
from calculators.wording import date_text
from scripts import calculator_fields
from scripts.figures import Figures

# Calculator pages live at calculators/<id>/, two levels below the language root.
UP = "../../"


def applicable(values: dict, specs: dict) -> dict:
    """The values of fields that apply to the chosen policy (as the page's script sends them)."""
    restricted = {s["name"]: s["policies"] for s in specs.values() if s and "policies" in s}
    policy = values.get("policy")
    return {k: v for k, v in values.items() if policy is None or k not in restricted or policy in restricted[k]}


def run_page(page: dict, values: dict, specs: dict, lang: str, links: dict, bundle: dict) -> str:
    """The slip for one set of field values, settled with the build's bundle (the compare page
    settles the bill once per employee policy the registry offers)."""
    form = dict(applicable(values, specs), **page.get("fixed", {}))
    result = page_input.run(page["calculator"], {page_input.FORM: form}, values["date"], bundle)
    if "error" in result:
        raise ValueError(page["id"] + ": the default scenario is refused: " + result["error"]["en"])
    return present.render(page["calculator"], result, lang, links, bundle)


def faq_links(bundle: dict, qa_files: dict, lang: str, load) -> dict:
    """parameter path → the first FAQ answer citing it; source:id → its entry on the about page."""
    links = {"source:" + s: UP + "about/#" + s for s in bundle["sources"]}
    for city, names in qa_files.items():
        for name in names:
            figures = Figures(bundle, lang)
            for chapter in load(name)["chapters"]:
                for q in chapter["questions"]:
                    figures.used = []
                    jinja2.Environment().from_string(q["answer"][lang]).render(fig=figures.fig, art=figures.art)
                    for path in figures.used:
                        links.setdefault(path, UP + city + "/" + chapter["id"] + "/#" + q["id"])
    return links


def help_text(spec: dict, lang: str, bundle: dict) -> str:
    """The field's help line; a default it names is rendered from policies/ with its article."""
    text = Markup.escape(spec.get("help", {}).get(lang, ""))
    if "default_from" in spec:
        policy, path = spec["default_from"].split("/", 1)
        latest = bundle["policies"][policy]["parameters"][path]["values"][-1]
        text = Markup(
            text.replace("{default}", Figures(bundle, lang, up="../../", html=True).fig(spec["default_from"])).replace(
                "{article}", Markup.escape(latest["article"][lang])
            )
        )
    return text


def label_text(spec: dict, lang: str, bundle: dict) -> str:
    """The field's label; a date it names (``{date}``) is the newest value of ``label_from``."""
    label = spec["label"][lang]
    if "label_from" in spec:
        policy, path = spec["label_from"].split("/", 1)
        value = bundle["policies"][policy]["parameters"][path]["values"][-1]["value"]
        label = label.replace("{date}", date_text(value)[0 if lang == "zh" else 1])
    return label


def page_fields(bundle: dict, specs: dict, calculator: str, lang: str) -> dict:
    """The field specs as one page renders them: policies and options from the registry
    (scripts/calculator_fields.py), the label and the help line rendered (``help_html``)."""
    return {
        key: dict(spec, label={lang: label_text(spec, lang, bundle)}, help_html=help_text(spec, lang, bundle))
        for key, spec in calculator_fields.resolve(bundle, specs, calculator).items()
    }


def field_html(page_id: str, spec: dict, value, lang: str, index=None) -> Markup:
    name = spec["name"] if index is None else spec["name"].replace("claims.0.", "claims." + str(index) + ".")
    ident = "f-" + page_id + "-" + name.replace(".", "-")
    label = spec["label"][lang]
    policies = " ".join(spec.get("policies", []))
    attrs = Markup(' data-policies="{}"').format(policies) if policies else Markup("")
    helper = spec["help_html"]
    error = Markup('<p class="yb-error" id="e-{}" hidden></p>').format(ident)
    if helper:
        error = Markup('<p class="yb-help" id="h-{}">{}</p>').format(ident, helper) + error
    described = ("e-" + ident + " h-" + ident) if helper else "e-" + ident
    if spec["type"] == "select":
        options = Markup("").join(
            Markup('<option value="{}"{}>{}</option>').format(
                o["value"], Markup(" selected") if str(o["value"]) == str(value) else "", o[lang]
            )
            for o in spec["options"]
        )
        control = Markup('<select id="{}" name="{}" aria-describedby="{}">{}</select>').format(
            ident, name, described, options
        )
    elif spec["type"] == "bool":
        control = Markup('<input type="checkbox" id="{}" name="{}" value="true"{} aria-describedby="{}">').format(
            ident, name, Markup(" checked") if value == "true" else "", described
        )
        return Markup('<div class="yb-field yb-check"{}>{}<label for="{}">{}</label>{}</div>').format(
            attrs, control, ident, label, error
        )
    else:
        kind = {"date": "date", "month": "month"}.get(spec["type"], "text")
        mode = (
            Markup(' inputmode="decimal"')
            if spec["type"] == "money"
            else Markup(' inputmode="numeric"')
            if spec["type"] == "int"
            else ""
        )
        control = Markup(
            '<input type="{}" id="{}" name="{}" value="{}"{} autocomplete="off" data-type="{}"{} aria-describedby="{}">'
        ).format(
            kind,
            ident,
            name,
            value or "",
            mode,
            spec["type"],
            Markup(" data-optional") if spec.get("optional") else "",
            described,
        )
    return Markup('<div class="yb-field"{}><label for="{}">{}</label>{}{}</div>').format(
        attrs, ident, label, control, error
    )


def rows_html(page: dict, specs: dict, lang: str) -> Markup:
    """The year calculator's claims, one row each, plus a template row the script clones."""
    defaults = page["default"]
    count = len({k.split(".")[1] for k in defaults if k.startswith("claims.")})

    def row(i):
        cells = Markup("").join(
            field_html(
                page["id"],
                specs[f],
                defaults.get(specs[f]["name"].replace("claims.0.", "claims." + str(i) + ".")),
                lang,
                i,
            )
            for f in page["rows"]
        )
        remove = Markup('<button type="button" class="md-button yb-remove">{}</button>').format(
            present.word("remove", lang)
        )
        return Markup('<fieldset class="yb-row" data-index="{}"><legend>{}</legend>{}{}</fieldset>').format(
            i, present.word("claim", lang).replace("{n}", str(i + 1)), cells, remove
        )

    rows = Markup("").join(row(i) for i in range(count))
    add = Markup('<button type="button" class="md-button yb-add">{}</button>').format(present.word("add", lang))
    title = page.get("rows_title")
    head = Markup('<p class="yb-rows-title">{}</p>').format(title[lang]) if title else Markup("")
    return Markup('{}<div class="yb-rows">{}</div>{}').format(head, rows, add)


def keep_html(page_id: str, lang: str) -> Markup:
    """The saved-scenarios panel, filled and shown by docs/overrides/assets/calc/keep.js (hidden
    without JavaScript, which it needs)."""
    ident = "f-" + page_id + "-keep-name"
    return Markup(
        '<section class="yb-keep" aria-labelledby="keep-{id}" hidden><h2 id="keep-{id}">{title}</h2>'
        '<p class="yb-keep-note">{note}</p><div class="yb-keep-body">'
        '<div class="yb-keep-save"><div class="yb-field"><label for="{ident}">{name}</label>'
        '<input type="text" id="{ident}" class="yb-keep-name" autocomplete="off" aria-describedby="e-{ident}"></div>'
        '<button type="button" class="md-button yb-keep-add">{save}</button>'
        '<p class="yb-error yb-keep-name-error" id="e-{ident}" hidden></p></div>'
        '<p class="yb-keep-status" role="status" aria-live="polite"></p>'
        '<ul class="yb-keep-list"></ul><p class="yb-keep-empty">{empty}</p>'
        '<div class="yb-keep-files"><button type="button" class="md-button yb-keep-export">{export}</button>'
        '<button type="button" class="md-button yb-keep-import" aria-describedby="e-{id}-keep-import">{import_}</button>'
        '<input type="file" class="yb-keep-file" accept=".json,application/json" hidden>'
        '<p class="yb-error yb-keep-import-error" id="e-{id}-keep-import" role="alert" hidden></p></div>'
        "</div></section>"
    ).format(
        id=page_id,
        ident=ident,
        title=present.word("keep_title", lang),
        note=present.word("keep_note", lang),
        name=present.word("keep_name", lang),
        save=present.word("keep_save", lang),
        empty=present.word("keep_empty", lang),
        export=present.word("keep_export", lang),
        import_=present.word("keep_import", lang),
    )


def page_markdown(page: dict, specs: dict, lang: str, links: dict, bundle: dict) -> str:
    specs = page_fields(bundle, specs, page["calculator"], lang)
    fields = Markup("").join(
        field_html(page["id"], specs[f], page["default"].get(specs[f]["name"]), lang) for f in page["fields"]
    )
    fixed = Markup("").join(
        Markup('<input type="hidden" name="{}" value="{}">').format(k, v)
        for k, v in sorted(page.get("fixed", {}).items())
    )
    rows = rows_html(page, specs, lang) if page.get("rows") else Markup("")
    buttons = Markup(
        '<div class="yb-actions"><button type="submit" class="md-button md-button--primary">{}</button>'
        '<button type="button" class="md-button yb-share">{}</button>'
        '<button type="button" class="md-button yb-print">{}</button>'
        '<button type="button" class="md-button yb-qr" aria-expanded="false" aria-controls="qr-{}">{}</button></div>'
    ).format(
        present.word("calculate", lang),
        present.word("share", lang),
        present.word("print", lang),
        page["id"],
        present.word("qr", lang),
    )
    own = {f: specs[f] for f in page["fields"] + page.get("rows", [])}
    slip = run_page(page, page["default"], own, lang, links, bundle)
    body = Markup(
        '<div class="yb-calc" data-yibao-calculator="{calc}" data-page="{id}" data-lang="{lang}" data-links="{links}" data-words="{words}">'
        '<form class="yb-form" novalidate>{fields}{rows}{fixed}{buttons}</form>'
        '<div class="yb-qr-box" id="qr-{id}" hidden></div>'
        '<div class="yb-progress" role="status" aria-live="polite"></div>'
        '<section class="yb-result" aria-labelledby="result-{id}"><h2 id="result-{id}">{result}</h2>'
        '<p class="yb-note">{note}</p><p class="yb-announce" aria-live="polite"></p><div class="yb-slip">{slip}</div>'
        '<div class="yb-inputs"></div></section>{keep}</div>'
    ).format(
        keep=keep_html(page["id"], lang),
        calc=page["calculator"],
        id=page["id"],
        lang=lang,
        links=json.dumps(links, sort_keys=True, ensure_ascii=False),
        words=json.dumps(present.page_words(lang), sort_keys=True, ensure_ascii=False),
        fields=fields,
        rows=rows,
        fixed=fixed,
        buttons=buttons,
        result=present.word("result", lang),
        note=present.word("example", lang),
        slip=Markup(slip),
    )
    # The example slip repeats rule names many times; answers, not examples, should lead a search.
    front = "---\nsearch:\n  boost: 0.3\n---\n\n"
    return front + "# " + page["title"][lang] + "\n\n" + page["intro"][lang] + "\n\n" + str(body) + "\n"


def index_markdown(pages: list, lang: str) -> str:
    lines = ["# " + present.word("calculators", lang), "", present.word("calculators_intro", lang), ""]
    for page in pages:
        lines.append(
            "- [" + page["title"][lang] + "](" + page["id"] + ".md)" + present.word("colon", lang) + page["intro"][lang]
        )
    return "\n".join(lines) + "\n"


def write_all(out_lang_dir: str, bundle: dict, lang: str, qa_files: dict, load):
    spec = load("calculators.yaml")
    links = faq_links(bundle, qa_files, lang, load)
    folder = os.path.join(out_lang_dir, "calculators")
    os.makedirs(folder, exist_ok=True)
    for page in spec["pages"]:
        with open(os.path.join(folder, page["id"] + ".md"), "w", encoding="utf-8") as handle:
            handle.write(page_markdown(page, spec["fields"], lang, links, bundle))
    with open(os.path.join(folder, "index.md"), "w", encoding="utf-8") as handle:
        handle.write(index_markdown(spec["pages"], lang))
