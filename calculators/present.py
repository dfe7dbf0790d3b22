"""A result as the page shows it: a settlement slip in HTML, in zh or en.

One renderer for both places a result appears: the build writes each calculator's default
result into the page with it (so the page shows a real figure before Python loads, and
without JavaScript), and the browser worker renders every new result with it.
"""

from . import api, curve_svg
from .jsonout import Money
from .markup import esc
from .money import BP, format_share, round_half_up, yuan_words

PAYERS = ("account", "fund", "critical_illness", "assistance", "personal")
WORDS = {
    "total": ("总费用", "Total cost"),
    "account": ("个人账户", "Personal account"),
    "fund": ("统筹基金", "Pooling fund"),
    "critical_illness": ("大病保险", "Critical illness insurance"),
    "assistance": ("医疗救助", "Medical assistance"),
    "personal": ("个人自付现金", "You pay in cash"),
    "result": ("计算结果", "Result"),
    "who_pays": ("谁付多少", "Who pays what"),
    "how": ("怎么算的", "How this was worked out"),
    "source": ("依据", "source"),
    "claim": ("第{n}笔", "Claim {n}"),
    "timeline": ("全年累计", "Through the year"),
    "account_left": ("账户余额", "Account left"),
    "running": ("年度累计住院费用", "Year's running inpatient total"),
    "edition": ("适用版本", "Edition used"),
    "date": ("日期", "Date"),
    "outpatient": ("门诊", "Outpatient"),
    "inpatient": ("住院", "Inpatient"),
    "special_outpatient": ("特殊病种门诊", "Special-disease outpatient"),
    "tertiary": ("三级", "tertiary"),
    "other": ("其他", "other"),
    "community": ("社区", "community"),
    "events": ("这一笔发生了什么", "What happened in this claim"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "none": ("—", "—"),
    "you_pay": ("你自己要付", "You pay"),
    "rules_from": ("{d}起施行的版本", "in force from {d}"),
    "used_date": ("按 {d} 的规定计算", "Worked out with the rules of {d}"),
    "today": ("未填日期，按今天（{d}）计算", "No date given: worked out for today ({d})"),
    "newest": (
        "最新资料为{t}，之后的调整本站未收录。",
        "The newest rules on this site are the {t}; later changes are not included.",
    ),
    "newest_plain": (
        "这是本站收录的最新一版规定，之后的调整未收录。",
        "These are the newest rules on this site; later changes are not included.",
    ),
    "estimate": ("估算，以医保经办机构结算为准。", "An estimate; the insurance office's settlement is what counts."),
    "you_pay_month": ("你每月缴", "You pay each month"),
    "credited_lead": ("一年实际划入账户", "Credited to your account in a year"),
    "enough": ("缴费年限已够", "Your contribution years are enough"),
    "not_enough": ("缴费年限还不够", "Your contribution years are not yet enough"),
    "topup_lead": ("一次性补缴约", "One-off top-up"),
    "starts": ("从这个月起享受待遇", "Benefits start in"),
    "scroll": ("表格较宽，可左右滑动查看。", "The table is wide: scroll sideways to see all of it."),
    # The calculator page around the slip: its form and buttons (written by the build) and the
    # messages its script shows (handed to it as the page's data-words, see page_words).
    "calculators": ("计算器", "Calculators"),
    "calculators_intro": (
        "计算都在你的浏览器里完成，输入的数字不会发送到任何地方。",
        "Everything is computed in your browser; nothing you enter is sent anywhere.",
    ),
    "calculate": ("计算", "Calculate"),
    "share": ("复制分享链接", "Copy a link to this"),
    "print": ("打印结算单", "Print"),
    "add": ("添加一笔", "Add a claim"),
    "remove": ("删除这一笔", "Remove"),
    "download": ("正在下载计算程序", "Downloading the calculator"),
    "start": ("正在启动 Python", "Starting Python"),
    "packages": ("正在载入计算器", "Loading the calculators"),
    "ready": ("计算器已就绪", "The calculator is ready"),
    "received": ("（已下载 {x} / {y} MB）", " ({x} of {y} MB downloaded)"),
    "failed": (
        "计算器没能加载，所以暂时不能重新计算。页面上的示例结果仍然有效。",
        "The calculator could not be loaded, so nothing can be recalculated for now. The example result on the page still holds.",
    ),
    "retry": ("重试", "Try again"),
    "waiting": (
        "正在计算……（计算器第一次加载可能要等一会儿，下面仍是上一次的结果）",
        "Calculating… (the first load can take a while; the result below is still the previous one)",
    ),
    "invalid": ("输入有误，没有计算。请按红字提示修改。", "Some input needs fixing; nothing was calculated."),
    "not_stated": (
        "资料没有给出所需的数字，无法计算。",
        "The sources do not give a figure this needs, so nothing was calculated.",
    ),
    "stale": (
        "输入已改动，下面还是上一次的结果。点“计算”更新。",
        "You changed the inputs; the result below is still the previous one. Press Calculate to update it.",
    ),
    "copied": (
        "链接已复制。链接里的数字只在 # 号后面，不会发送到服务器。",
        "Link copied. The figures sit after the # and are never sent to a server.",
    ),
    "copy_failed": ("请复制下面的链接：", "Copy this link:"),
    "link_label": ("分享链接", "Link to share"),
    "broken": (
        "计算出错，没有结果。请重试或刷新页面。",
        "The calculation failed; there is no result. Try again or reload the page.",
    ),
    "example": (
        "示例：按上面的默认输入计算。改动输入后点“计算”。",
        "An example for the inputs above. Change them and press Calculate.",
    ),
    "computed": ("按你的输入计算。", "Worked out for your inputs."),
    "announce": ("计算完成。", "Calculated."),
    "empty": ("（未填）", "(empty)"),
    "colon": ("：", ": "),
    "inputs": ("输入", "Inputs"),
    "not_printed": ("没有打印：输入有误，请先修改。", "Not printed: some input needs fixing first."),
    # Pass it on: the share link as a QR code (docs/overrides/assets/calc/qr.js).
    "qr": ("显示二维码", "Show QR code"),
    "qr_hide": ("收起二维码", "Hide QR code"),
    "qr_label": ("分享链接的二维码", "QR code of the link to share"),
    "qr_caption": (
        "用另一部手机的相机扫这个码，就能打开同样的输入和结果。输入的数字都在链接的 # 号后面，"
        "只在打开它的手机上计算，不会发送到任何服务器。",
        "Scan this with another phone's camera to open the same inputs and result. The figures sit "
        "after the # in the link: they are worked out on the phone that opens it and never sent to a server.",
    ),
    "qr_failed": (
        "二维码没能生成。请改用“复制分享链接”。",
        "The QR code could not be made. Use “Copy a link to this” instead.",
    ),
    # Saved scenarios (docs/overrides/assets/calc/keep.js, scenarios.js): the panel the build
    # writes, then the script's messages.
    "keep_title": ("保存的方案", "Saved scenarios"),
    "keep_note": (
        "方案只保存在这台设备的这个浏览器里，不会上传到任何地方。清除浏览器数据会删掉它们；"
        "要留底或换手机，请导出到文件。",
        "Scenarios are kept only in this browser on this device; nothing is uploaded anywhere. "
        "Clearing the browser's data deletes them: to keep a copy or move to another phone, export them to a file.",
    ),
    "keep_name": ("方案名称", "Scenario name"),
    "keep_save": ("保存当前输入", "Save these inputs"),
    "keep_empty": ("这一页还没有保存的方案。", "No scenario saved on this page yet."),
    "keep_export": ("导出到文件", "Export to a file"),
    "keep_import": ("从文件导入", "Import from a file"),
    "keep_saved": ("已保存“{name}”。", "Saved “{name}”."),
    "keep_saved_on": ("保存于 {t}", "saved {t}"),
    "keep_open": ("打开", "Open"),
    "keep_opened": ("已打开“{name}”，结果见上方。", "Opened “{name}”: the result is above."),
    "keep_open_failed": (
        "“{name}”里没有这一页能用的输入。",
        "“{name}” holds no input this page can use.",
    ),
    "keep_rename": ("改名", "Rename"),
    "keep_new_name": ("新名字", "New name"),
    "keep_renamed": ("已改名为“{name}”。", "Renamed to “{name}”."),
    "keep_confirm": ("确定", "OK"),
    "keep_cancel": ("取消", "Cancel"),
    "keep_delete": ("删除", "Delete"),
    "keep_deleted": ("已删除“{name}”。", "Deleted “{name}”."),
    "keep_undo": ("撤销", "Undo"),
    "keep_restored": ("已恢复“{name}”。", "Restored “{name}”."),
    "name_empty": ("请先填写名字。", "enter a name first."),
    "name_taken": (
        "已有同名的方案。请换一个名字，或先删除原来的。",
        "a saved scenario already has this name. Choose another, or delete the old one first.",
    ),
    "keep_unavailable": (
        "这个浏览器不允许本站保存数据（可能开着无痕模式），所以不能保存方案。可以改用“复制分享链接”。",
        "This browser does not let the site keep data (private browsing, perhaps), so nothing can be saved. "
        "Use “Copy a link to this” instead.",
    ),
    "keep_nothing_to_export": ("还没有保存的方案，没有可导出的。", "No scenario saved yet: nothing to export."),
    "keep_exported": (
        "已生成文件 {file}，里面是这台设备上保存的全部方案（共 {n} 个）。",
        "Made the file {file}, with every scenario saved on this device ({n} in all).",
    ),
    "imported_suffix": ("（导入）", " (imported)"),
    "import_done": ("导入完成：新增 {added} 个。", "Imported: {added} added."),
    "import_same": ("{n} 个已经保存过，没有重复保存。", "Already saved, not added again: {n}."),
    "import_renamed": (
        "{n} 个与已有方案同名但输入不同，名字后加了“{suffix}”另存，原来的没有改动。",
        "Same name as a saved scenario but other inputs, kept beside it with “{suffix}” after the name "
        "(nothing was replaced): {n}.",
    ),
    "import_other": (
        "{n} 个属于其他计算器，列在那一页。",
        "For other calculators, listed on their pages: {n}.",
    ),
    "import_unusable": ("{n} 个无法读取，已跳过。", "Unreadable, skipped: {n}."),
    "import_unreadable": (
        "没有导入：这个文件读不出来，不是本站导出的方案文件。",
        "Nothing imported: this file cannot be read. It is not a file of scenarios exported from this site.",
    ),
    "import_not_ours": (
        "没有导入：这个文件不是本站导出的方案文件。",
        "Nothing imported: this is not a file of scenarios exported from this site.",
    ),
    "import_newer": (
        "没有导入：这个文件来自更新版本的本站。请刷新页面后再试。",
        "Nothing imported: this file comes from a newer version of the site. Reload the page and try again.",
    ),
    "import_empty": ("没有导入：文件里没有可用的方案。", "Nothing imported: the file holds no usable scenario."),
    # The chart of an inpatient bill from 0 upwards (calculators/curve_svg.py).
    "curve_heading": ("住院费用越高，自己付多少", "As the hospital bill grows: what you pay"),
    "curve_intro": (
        "每张图是一年里只住一次院、费用全在医保政策范围内（政策范围内费用）时，这次住院由谁付多少。"
        "点开各类人员和医院等级查看；图下有数据表。",
        "Each chart shows who pays what for one hospital stay in the year whose costs are all within "
        "the insurance's scope (the in-scope bill). Open a status and hospital level to see it; a "
        "table of the figures is under each chart.",
    ),
    "curve_title": ("住院费用越高，谁付多少（元）", "Who pays what as the bill grows (yuan)"),
    "curve_share_title": ("你自己付的部分占费用的比例", "The share of the bill you pay yourself"),
    "curve_caption": (
        "按{edition}计算；横轴是一次住院的政策范围内费用（一年内只此一次）。",
        "Worked out with the {edition}; across: the in-scope bill of one stay (the only one that year).",
    ),
    "curve_bill": ("政策范围内费用", "In-scope bill"),
    "curve_share": ("自付比例", "Your share"),
    "curve_mark": (
        "费用 {bill} 处：{label}——{measure}达到 {threshold}",
        "At a bill of {bill}: {label}, {measure} reaches {threshold}",
    ),
    "curve_source": ("依据：", "Source: "),
    "curve_measure_cumulative": ("年度累计住院费用", "the year's running inpatient total"),
    "curve_measure_inpatient_deductible_paid": ("已付的起付标准", "the deductible paid"),
    "curve_measure_burden_inpatient": ("个人负担累计", "your in-scope burden so far"),
    "curve_measure_compliant": ("合规费用累计", "the eligible cost so far"),
    "curve_silent": ("{label}：资料未载明，图中没有标出。", "{label}: not stated in the sources, so not marked."),
    "curve_refused": ("以下部分没有画：", "Not drawn beyond this point: "),
    "curve_none": ("没有画图：", "No chart: "),
    "curve_table": ("数据表", "The figures as a table"),
    "curve_here": ("你的费用", "Your bill"),
    "curve_here_line": (
        "图中粗竖线是你的费用 {bill}：你自己付 {personal}（{share}）。",
        "The thick line is your bill, {bill}: you pay {personal} ({share}).",
    ),
    "curve_box": ("{status} · {level}医疗机构", "{status} · {level} hospital"),
    "in_service": ("在职", "In service"),
    "retired": ("退休", "Retired"),
    # The slip explainer (calculators/slip_view.py): a hospital's settlement slip beside the site's.
    "co_payment": ("个人自付", "Co-payment (自付)"),
    "category_b": ("乙类自理", "Category-B self-pay (自理)"),
    "out_of_scope": ("自费", "Out-of-scope (自费)"),
    "slip_account": ("个人账户支付", "Paid from the personal account"),
    "slip_line": ("项目", "Line"),
    "slip_theirs": ("结算单上", "On your slip"),
    "slip_ours": ("本站计算", "This site"),
    "slip_difference": ("相差", "Difference"),
    "slip_side_by_side": ("结算单和本站计算并排对照", "Your slip beside this site's settlement"),
    "slip_matches": ("一致", "matches"),
    "slip_differs": ("不一致", "differs"),
    "slip_given": ("照结算单", "as on your slip"),
    "slip_share": ("不单独比较", "not compared"),
    "slip_matches_all": (
        "结算单和本站的计算一致（每项相差不超过{tolerance}）",
        "Your slip matches this site's settlement (no line differs by more than {tolerance})",
    ),
    "slip_differs_lead": (
        "这几项和本站的计算相差超过{tolerance}：",
        "These lines differ from this site's by more than {tolerance}:",
    ),
    "slip_earlier": ("已计入今年较早的费用 {n} 笔。", "{n} earlier bill(s) this year taken into account."),
    "slip_how": ("每一项是怎么算的", "How each line was worked out"),
    "slip_nothing": ("本站算出这一项为零。", "Nothing on this line in this site's settlement."),
    "slip_reasons": ("资料中可能解释这个差额的原因", "What the sources say could explain the difference"),
    "slip_explains": ("可能影响：", "Could explain: "),
    "slip_no_reason": (
        "本站的资料里没有能解释这个差额的规定。请拿结算单问医院的医保窗口或医保经办机构。",
        "The site's sources give no rule that explains this difference. Ask the hospital's insurance desk or the "
        "insurance office, with your slip.",
    ),
    "slip_office": (
        "这只是对照，不说明医院算错了：医院按医保经办机构的系统结算，本站可能缺少你的其他信息。以医保经办机构的结算为准。",
        "This is a comparison, not a finding that the hospital is wrong: hospitals settle through the insurance "
        "office's system, and this site may lack something about you. The insurance office's settlement is what counts.",
    ),
}
# The words the page's scripts use (docs/overrides/assets/calc/widgets.js, keep.js, qr.js): they have none of their own.
SCRIPT_WORDS = (
    "download",
    "start",
    "packages",
    "ready",
    "received",
    "failed",
    "retry",
    "waiting",
    "invalid",
    "not_stated",
    "stale",
    "copied",
    "copy_failed",
    "link_label",
    "claim",
    "broken",
    "example",
    "computed",
    "announce",
    "yes",
    "no",
    "empty",
    "inputs",
    "not_printed",
    "colon",
    "qr",
    "qr_hide",
    "qr_label",
    "qr_caption",
    "qr_failed",
    "keep_saved",
    "keep_saved_on",
    "keep_open",
    "keep_opened",
    "keep_open_failed",
    "keep_rename",
    "keep_new_name",
    "keep_renamed",
    "keep_confirm",
    "keep_cancel",
    "keep_delete",
    "keep_deleted",
    "keep_undo",
    "keep_restored",
    "name_empty",
    "name_taken",
    "keep_unavailable",
    "keep_nothing_to_export",
    "keep_exported",
    "imported_suffix",
    "import_done",
    "import_same",
    "import_renamed",
    "import_other",
    "import_unusable",
    "import_unreadable",
    "import_not_ours",
    "import_newer",
    "import_empty",
)
EVENTS = {
    "account_used_up": ("个人账户当年资金用完", "the current-year account ran out"),
    "deductible_met": (
        "起付标准（自负段）付足，基金开始支付",
        "the deductible (self-pay segment) was met; the fund starts paying",
    ),
    "band": ("年度累计进入第{n}段", "the year's running total entered band {n}"),
    "above_limit": (
        "超过住院最高限额，大病保险接手",
        "above the inpatient limit; critical illness insurance takes over",
    ),
    "critical_illness": ("大病保险开始支付", "critical illness insurance started paying"),
    "assistance": ("医疗救助开始", "medical assistance started"),
}
FIELD_WORDS = {
    "base": ("缴费基数（月）", "Contribution base (monthly)"),
    "employee": ("个人每月缴费", "You pay per month"),
    "employer": ("单位每月缴费", "Employer pays per month"),
    "total": ("每月合计", "Total per month"),
    "employee_year": ("个人全年", "You pay per year"),
    "employer_year": ("单位全年", "Employer pays per year"),
    "total_year": ("全年合计", "Total per year"),
    "monthly": ("每月划入", "Credited per month"),
    "year": ("全年划入", "Credited per year"),
    "levies": ("从账户扣缴", "Deducted from the account"),
    "credited": ("全年实际到账", "Net credited per year"),
    "eligible": ("年限是否已够", "Enough years?"),
    "short_local_months": ("市区实际缴费还差（月）", "Months short, paid in the urban area"),
    "short_cumulative_months": ("累计缴费还差（月）", "Months short, cumulative"),
    "required_months": ("最低缴费（月）", "Months required"),
    "counted_months": ("认定缴费（月）", "Months counted"),
    "short_months": ("还差（月）", "Months short"),
    "topup": ("一次性补缴", "One-off top-up"),
    "start": ("开始享受待遇的月份", "Benefits start in"),
}
SHOWN = {
    "contribution": ("base", "employee", "employer", "total", "employee_year", "employer_year", "total_year"),
    "account": ("monthly", "year", "levies", "credited"),
    "retirement": (
        "eligible",
        "short_local_months",
        "short_cumulative_months",
        "required_months",
        "counted_months",
        "short_months",
        "topup",
    ),
    "benefit-start": ("start",),
}


def word(key: str, lang: str) -> str:
    return WORDS[key][0 if lang == "zh" else 1]


def page_words(lang: str) -> dict:
    """The script's words in one language, for the page's data-words attribute."""
    return {key: word(key, lang) for key in SCRIPT_WORDS}


def yuan(value, lang: str) -> str:
    return yuan_words(value.fen, lang)


def ref_link(ref, lang: str, links: dict) -> str:
    """The FAQ answer behind a step's parameter, else its source on the about page."""
    if not ref:
        return ""
    href = links.get(ref["parameter"]) or links.get("source:" + ref["source"])
    if not href:
        return ""
    article = ref["article"][lang] if ref.get("article") else word("source", lang)
    return ' <a class="yb-ref" href="' + esc(href) + '">' + esc(article) + "</a>"


def chart(result: dict, lang: str) -> str:
    """A stacked bar of who pays, with its text alternative beside it."""
    total = result["total"].fen
    bars, legend, x = [], [], 0
    for payer in PAYERS:
        fen = result[payer].fen
        if not fen:
            continue
        width = fen * BP // total if total else 0
        share = format_share(round_half_up(fen * BP, total) if total else 0)
        bars.append(
            '<rect class="yb-bar yb-'
            + payer
            + '" x="'
            + str(x)
            + '" y="0" width="'
            + str(width)
            + '" height="40"><title>'
            + esc(word(payer, lang))
            + " "
            + esc(yuan(result[payer], lang))
            + "</title></rect>"
        )
        legend.append(
            (
                payer,
                word(payer, lang)
                + " "
                + yuan(result[payer], lang)
                + ("（" + share + "）" if lang == "zh" else " (" + share + ")"),
            )
        )
        x += width
    label = ("；" if lang == "zh" else "; ").join(text for _, text in legend)
    return (
        '<figure class="yb-chart"><svg viewBox="0 0 10000 40" preserveAspectRatio="none" role="img" aria-label="'
        + esc(word("who_pays", lang) + ": " + label)
        + '">'
        + "".join(bars)
        + "</svg><figcaption><ul>"
        + "".join('<li><span class="yb-key yb-' + payer + '"></span>' + esc(text) + "</li>" for payer, text in legend)
        + "</ul></figcaption></figure>"
    )


def totals_table(result: dict, lang: str) -> str:
    rows = [
        '<tr><th scope="row">'
        + esc(word("total", lang))
        + "</th><td>"
        + esc(yuan(result["total"], lang))
        + "</td></tr>"
    ]
    for payer in PAYERS:
        cls = ' class="yb-you"' if payer == "personal" else ""
        rows.append(
            "<tr"
            + cls
            + '><th scope="row">'
            + esc(word(payer, lang))
            + "</th><td>"
            + esc(yuan(result[payer], lang))
            + "</td></tr>"
        )
    return '<table class="yb-totals">' + "".join(rows) + "</table>"


def claim_events(claim: dict, seen: dict) -> list:
    """Thresholds the year crosses in this claim (each reported the first time only)."""
    events = []
    marks = [s["mark"] for s in claim["steps"] if s.get("mark")]
    if "account" in marks and claim["year_after"]["account_left"].fen == 0 and not seen.get("account"):
        seen["account"] = True
        events.append(("account_used_up", 0))
    if "deductible" in marks and "fund" in [s["payer"] for s in claim["steps"]] and not seen.get("deductible"):
        seen["deductible"] = True
        events.append(("deductible_met", 0))
    for mark in marks:
        if mark.startswith("band:") and mark != "band:0" and not seen.get(mark):
            seen[mark] = True
            events.append(("band", int(mark[5:]) + 1))
    for mark in ("above_limit", "critical_illness", "assistance"):
        if mark in marks and not seen.get(mark):
            seen[mark] = True
            events.append((mark, 0))
    return events


def event_text(event: tuple, lang: str) -> str:
    key, n = event
    return EVENTS[key][0 if lang == "zh" else 1].replace("{n}", str(n))


def card_table(name: str, labels: tuple, rows: list, lang: str, extra_class: str = "") -> str:
    """A table that scrolls sideways on a mid-sized screen and reads as one card per row on a
    phone (the cells carry their column's label). ``rows``: (row class, cells) pairs."""
    head = "".join('<th scope="col">' + esc(text) + "</th>" for text in labels)
    body = []
    for row_class, cells in rows:
        body.append(
            "<tr"
            + (' class="' + esc(row_class) + '"' if row_class else "")
            + ">"
            + "".join(
                '<td data-label="' + esc(label) + '">' + esc(cell) + "</td>" for label, cell in zip(labels, cells)
            )
            + "</tr>"
        )
    # Scrolls sideways on a mid-sized screen, so keyboard users must be able to focus it (axe).
    return (
        '<p class="yb-scroll-hint">'
        + esc(word("scroll", lang))
        + '</p><div class="yb-scroll" tabindex="0" role="region" aria-label="'
        + esc(name)
        + '"><table class="yb-timeline'
        + (" " + extra_class if extra_class else "")
        + '"><thead><tr>'
        + head
        + "</tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table></div>"
    )


def timeline(result: dict, lang: str) -> str:
    """One row per claim; on a phone each row reads as a small card."""
    seen = {}
    labels = (
        "#",
        word("total", lang),
        word("fund", lang),
        word("personal", lang),
        word("account_left", lang),
        word("running", lang),
        word("events", lang),
    )
    rows = []
    for i, claim in enumerate(result["claims"]):
        after = claim["year_after"]
        left = after.get("account_left")
        events = [event_text(e, lang) for e in claim_events(claim, seen)]
        cells = (
            word("claim", lang).replace("{n}", str(i + 1)),
            yuan(claim["total"], lang),
            yuan(claim["fund"], lang),
            yuan(claim["personal"], lang),
            yuan(left, lang) if left is not None else word("none", lang),
            yuan(after["cumulative"], lang) if "cumulative" in after else word("none", lang),
            ("；" if lang == "zh" else "; ").join(events) or word("none", lang),
        )
        rows.append(("", cells))
    return "<h3>" + esc(word("timeline", lang)) + "</h3>" + card_table(word("timeline", lang), labels, rows, lang)


def steps_html(steps: list, lang: str, links: dict) -> str:
    items = []
    for step in steps:
        items.append("<li>" + esc(step[lang]) + ref_link(step.get("ref"), lang, links) + "</li>")
    return "<ol>" + "".join(items) + "</ol>"


def claim_title(i: int, claim: dict, lang: str) -> str:
    return (
        word("claim", lang).replace("{n}", str(i + 1))
        + (": " if lang == "en" else "：")
        + word(claim["kind"], lang)
        + " · "
        + word(claim["level"], lang)
        + " · "
        + yuan(claim["total"], lang)
    )


def edition_line(result: dict, lang: str, settlement: bool, bundle=None) -> str:
    """Scheme, edition and date, and that later changes are not in.

    Only a settlement names the edition by its title (which speaks of inpatient limits); the
    other calculators say from when their rules apply. ``bundle`` is the build's freshly
    compiled policies (the browser uses the packaged ones).
    """
    i = 0 if lang == "zh" else 1
    colon = "：" if lang == "zh" else ": "
    policy = (bundle or api.bundle())["policies"][result["policy"]]
    edition = result["edition"]
    label = edition[lang] if settlement else WORDS["rules_from"][i].replace("{d}", edition["from"])
    newest = policy["editions"][-1]
    lines = [esc(policy["title"][lang]) + " · " + esc(word("edition", lang)) + colon + esc(label)]
    when = WORDS["today" if result.get("date_given") is False else "used_date"][i].replace("{d}", result["date"])
    lines.append(esc(when))
    if edition["id"] == newest["id"]:
        lines.append(
            esc(WORDS["newest"][i].replace("{t}", newest["title"][lang]) if settlement else WORDS["newest_plain"][i])
        )
    return '<div class="yb-edition">' + "".join("<p>" + line + "</p>" for line in lines) + "</div>"


def estimate_note(lang: str) -> str:
    return '<p class="yb-estimate">' + esc(word("estimate", lang)) + "</p>"


def lead(text: str, figure: str = "") -> str:
    """What the reader came for, first and large (a verdict alone when there is no figure)."""
    if not figure:
        return '<p class="yb-lead"><strong class="yb-key-figure">' + esc(text) + "</strong></p>"
    return (
        '<p class="yb-lead"><span class="yb-lead-text">'
        + esc(text)
        + '</span> <strong class="yb-key-figure">'
        + esc(figure)
        + "</strong></p>"
    )


def curve_figure(curve: dict, lang: str) -> str:
    """The chart of a bill from 0 upwards (calculators/curve.py), in this module's words."""
    return curve_svg.render(curve, lang, lambda key: word(key, lang))


def curve_box(curve: dict, lang: str, open_: bool = False) -> str:
    """One status × level chart, folded under a summary that names them."""
    summary = (
        word("curve_box", lang)
        .replace("{status}", word(curve["status"], lang))
        .replace("{level}", word(curve["level"], lang))
    )
    return (
        '<details class="yb-curve-box"'
        + (" open" if open_ else "")
        + "><summary>"
        + esc(summary)
        + "</summary>"
        + curve_figure(curve, lang)
        + "</details>"
    )


def settle_slip(result: dict, lang: str, links: dict, bundle=None) -> str:
    parts = [
        lead(word("you_pay", lang), yuan(result["personal"], lang)),
        totals_table(result, lang),
        chart(result, lang),
    ]
    if result.get("curve"):
        parts.append("<h3>" + esc(word("curve_heading", lang)) + "</h3>" + curve_figure(result["curve"], lang))
    if len(result["claims"]) > 1:
        parts.append(timeline(result, lang))
    parts.append('<details class="yb-steps" open><summary>' + esc(word("how", lang)) + "</summary>")
    for i, claim in enumerate(result["claims"]):
        parts.append("<h3>" + esc(claim_title(i, claim, lang)) + "</h3>" + steps_html(claim["steps"], lang, links))
    parts.append("</details>")
    parts.append(edition_line(result, lang, True, bundle) + estimate_note(lang))
    return "".join(parts)


def field_value(value, lang: str) -> str:
    if isinstance(value, Money):
        return yuan(value, lang)
    if value is True or value is False:
        return word("yes" if value else "no", lang)
    if value is None:
        return word("none", lang)
    return str(value)


def figures_lead(calculator: str, result: dict, lang: str) -> str:
    if calculator == "contribution":
        return lead(word("you_pay_month", lang), yuan(result["employee"], lang))
    if calculator == "account":
        return lead(word("credited_lead", lang), yuan(result["credited"], lang))
    if calculator == "retirement":
        text = lead(word("enough" if result["eligible"] else "not_enough", lang))
        if result.get("topup") is not None and result["topup"].fen:
            text += lead(word("topup_lead", lang), yuan(result["topup"], lang))
        return text
    return lead(word("starts", lang), result["start"])


def figures_slip(calculator: str, result: dict, lang: str, links: dict, bundle=None) -> str:
    rows = []
    for key in SHOWN[calculator]:
        if key in result:
            rows.append(
                '<tr><th scope="row">'
                + esc(FIELD_WORDS[key][0 if lang == "zh" else 1])
                + "</th><td>"
                + esc(field_value(result[key], lang))
                + "</td></tr>"
            )
    return (
        figures_lead(calculator, result, lang)
        + '<table class="yb-totals">'
        + "".join(rows)
        + "</table>"
        + '<details class="yb-steps" open><summary>'
        + esc(word("how", lang))
        + "</summary>"
        + steps_html(result["steps"], lang, links)
        + "</details>"
        + edition_line(result, lang, False, bundle)
        + estimate_note(lang)
    )


def compare_slip(result: dict, lang: str, links: dict, bundle=None) -> str:
    """The same bill under each policy, one column each, headed by the policy's title."""
    return (
        '<div class="yb-cols">'
        + "".join(
            '<div class="yb-col"><h3>'
            + esc(result["titles"][r["policy"]][lang])
            + "</h3>"
            + settle_slip(r, lang, links, bundle)
            + "</div>"
            for r in result["compared"]
        )
        + "</div>"
    )


def render(calculator: str, result: dict, lang: str, links: dict, bundle=None) -> str:
    """The slip for a result, or an empty string for a refusal (the form shows the message)."""
    if "error" in result:
        return ""
    if calculator == "compare":
        return compare_slip(result, lang, links, bundle)
    if calculator == "settle":
        return settle_slip(result, lang, links, bundle)
    if calculator == "slip":
        from . import slip_view  # it builds on this module's helpers

        return slip_view.render(result, lang, links, bundle)
    return figures_slip(calculator, result, lang, links, bundle)
