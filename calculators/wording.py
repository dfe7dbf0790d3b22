"""The one wording table: every step's zh and en sentence, filled from what the rule recorded.

A rule records a step as a kind and its arguments (amounts as Money, shares in basis points,
months, keys); ``say`` renders both languages from ``STEPS``. A placeholder is
``{type:argument}``: the type says how the argument is written in each language (``yuan``
1,234.50元 / 1,234.50 yuan, ``share`` 76%, ``level`` a table of words, …).
"""

from .money import format_share, format_yuan, yuan_words

LEVEL = {
    "tertiary": ("三级医疗机构", "a tertiary hospital"),
    "other": ("其他医疗机构（含二级、药店）", "another institution (incl. secondary, pharmacies)"),
    "community": ("社区卫生服务机构", "a community health centre"),
}
WHERE = {
    "in_province": ("省内异地", "elsewhere in Zhejiang"),
    "out_of_province": ("省外", "outside Zhejiang"),
}
PLACE = {
    "tertiary": LEVEL["tertiary"],
    "other": LEVEL["other"],
    "community": LEVEL["community"],
    "signed_community": ("签约社区", "your signed community centre"),
}
THRESHOLD = {
    "outpatient_deductible": ("门诊起付标准", "Outpatient deductible"),
    "outpatient_self_pay_segment": ("门诊自负段", "Outpatient self-pay segment"),
}
BURDEN = {
    "outpatient": ("门诊", "outpatient"),
    "inpatient": ("住院和规定病种门诊", "inpatient and special-outpatient"),
}
BASE_RULE = {
    "floor": ("低于下限，按下限", "below the floor, so the floor applies"),
    "cap": ("高于上限，按上限", "above the cap, so the cap applies"),
    "own": ("在上下限之间，按本人工资", "within the limits, so your own wage applies"),
}
TABLES = {
    "level": LEVEL,
    "where": WHERE,
    "place": PLACE,
    "threshold": THRESHOLD,
    "burden": BURDEN,
    "base_rule": BASE_RULE,
}

_CO_PAY_ZH = "：统筹基金支付 {share:fund_share}，即 {yuan:fund}。"
_CO_PAY_EN = ": the fund pays {share:fund_share}, {yuan:fund}."
_SPAN_ZH = "年度累计费用 {yuan0:low}–{yuan0:high} 元段"
_SPAN_EN = "The year's running total {yuan0:low}–{yuan0:high} yuan"

STEPS = {
    # The patient's own parts and the shared steps (shared_rules.py).
    "own_category_b": (
        "乙类先行自付（自理）{yuan:amount}由个人承担。",
        "Category-B self-pay of {yuan:amount} is yours.",
    ),
    "own_out_of_scope": (
        "自费 {yuan:amount}不属于医保开支范围，由个人承担。",
        "Out-of-scope costs of {yuan:amount} are not covered; you pay them.",
    ),
    "account_paid": (
        "个人账户当年资金先支付 {yuan:paid}（余额还剩 {yuan:left}）。",
        "Your current-year personal account pays {yuan:paid} first ({yuan:left} left).",
    ),
    "threshold_paid": (
        "{threshold:name} {yuan:threshold}：本笔由个人承担 {yuan:part}（今年已承担 {yuan:so_far}）。",
        "{threshold:name} of {yuan:threshold}: you pay {yuan:part} of this claim ({yuan:so_far} so far this year).",
    ),
    "inpatient_deductible": (
        "住院起付标准（按今年所住最高等级 {yuan:needed}）：本笔由个人承担 {yuan:part}。",
        "Inpatient deductible (the year's highest level, {yuan:needed}): you pay {yuan:part} of this stay.",
    ),
    "inpatient_deductible_met": (
        "今年的住院起付标准已付足（{level:level}标准 {yuan:deductible}）。",
        "This year's inpatient deductible is already paid ({level:level}: {yuan:deductible}).",
    ),
    # Hangzhou employee (hangzhou_employee.py).
    "remote_first_self_pay": (
        "临时外出（{where:where}）未刷卡结算：个人先自理 {share:rate}，即 {yuan:part}，其余按规定结算。",
        "Temporary trip ({where:where}) without card settlement: you first bear {share:rate}, "
        "{yuan:part}; the rest is settled normally.",
    ),
    "signed_gp_deductible_cut": (
        "签约社区首诊（或经其转诊）：门诊起付标准减免 {yuan:cut}，为 {yuan:deductible}。",
        "First visit at (or referral by) your signed community centre: the deductible is "
        "{yuan:cut} lower, {yuan:deductible}.",
    ),
    "signed_centre_bonus": (
        "在签约的社区卫生服务机构就诊：基金比例提高 {share:bonus}。",
        "At your signed community centre: the fund share is {share:bonus} higher.",
    ),
    "outpatient_fund": (
        "起付标准以上 {yuan:cost}，在{level:level}由统筹基金支付 {share:fund_share}：{yuan:fund}。",
        "Above the deductible, {yuan:cost} at {level:level}: the pooling fund pays {share:fund_share}, {yuan:fund}.",
    ),
    "outpatient_co_payment": (
        "其余 {share:patient_share} 由个人自付：{yuan:personal}。",
        "The other {share:patient_share} is your co-payment: {yuan:personal}.",
    ),
    "special_no_deductible": (
        "规定病种门诊按住院结算，不设住院起付标准。",
        "Special-disease outpatient care is settled as inpatient care, with no deductible.",
    ),
    "band_fund": (
        _SPAN_ZH + " {yuan:piece}：统筹基金支付 {share:fund_share}，即 {yuan:fund}。",
        _SPAN_EN + ", {yuan:piece}: the fund pays {share:fund_share}, {yuan:fund}.",
    ),
    "band_co_payment": (
        "该段个人自付 {share:patient_share}：{yuan:personal}。",
        "Your co-payment in this band, {share:patient_share}: {yuan:personal}.",
    ),
    "above_limit_insured": (
        "年度累计超过住院最高限额 {yuan:limit} 的 {yuan:above}：大病保险支付 {share:ci_share}，即 {yuan:insured}。",
        "{yuan:above} above the yearly inpatient limit of {yuan:limit}: critical illness insurance pays "
        "{share:ci_share}, {yuan:insured}.",
    ),
    "above_limit_personal": (
        "限额以上个人承担 {share:patient_share}：{yuan:personal}。",
        "Your part above the limit, {share:patient_share}: {yuan:personal}.",
    ),
    "assistance_progressive": (
        "非持证人员：今年住院和规定病种门诊个人负担累计 {yuan:burden}，超过 {yuan:threshold} "
        "的部分按超额累进救助，本笔救助 {yuan:amount}。",
        "Without a certificate: this year's inpatient and special-outpatient burden totals "
        "{yuan:burden}; the part above {yuan:threshold} is assisted progressively: {yuan:amount} for this claim.",
    ),
    "assistance_certificate": (
        "持证救助：{burden:group}个人负担的 {share:rate}；本笔救助 {yuan:amount}。",
        "Certificate assistance: {share:rate} of your {burden:group} burden; {yuan:amount} for this claim.",
    ),
    "assistance_certificate_capped": (
        "持证救助：{burden:group}个人负担的 {share:rate}，每年最多 {yuan:cap}；本笔救助 {yuan:amount}。",
        "Certificate assistance: {share:rate} of your {burden:group} burden, at most {yuan:cap} "
        "a year; {yuan:amount} for this claim.",
    ),
    # Ningbo employee (ningbo_employee.py).
    "remote_reduction": (
        "异地就医（非急诊）：基金支付比例下浮 {share:points}。",
        "Treated away from the city (not an emergency): the fund's share is {share:points} lower.",
    ),
    "remote_reduction_long_term_reading": (
        "本站解读：资料未写异地长期居住备案人员的基金支付比例是否下浮；本站按临时外出就医处理，基金支付比例下浮 {share:points}。",
        "Our reading: the sources do not say whether the fund's share falls for those filed as living long-term "
        "elsewhere; we treat the claim as a temporary trip, so the fund's share is {share:points} lower.",
    ),
    "segment_fund": (
        "共负段（{level:level}）{yuan:cost}" + _CO_PAY_ZH,
        "Co-payment segment at {level:level}, {yuan:cost}" + _CO_PAY_EN,
    ),
    "special_fund": (
        "门诊特殊病种费用 {yuan:cost}" + _CO_PAY_ZH,
        "Special-disease outpatient costs of {yuan:cost}" + _CO_PAY_EN,
    ),
    "band_patient_share_fund": (_SPAN_ZH + "：{yuan:cost}" + _CO_PAY_ZH, _SPAN_EN + ": {yuan:cost}" + _CO_PAY_EN),
    "co_payment": (
        "个人自付 {share:patient_share}：{yuan:personal}。",
        "Your co-payment, {share:patient_share}: {yuan:personal}.",
    ),
    "special_registered": (
        "已办理特殊病种备案：住院不设起付线。",
        "Registered special disease: no inpatient deductible.",
    ),
    "critical_illness_bands": (
        "大病保险：今年合规费用累计 {yuan:compliant}，超过 {yuan:threshold} 的部分分段支付，本笔 {yuan:amount}。",
        "Critical illness insurance: this year's compliant cost totals {yuan:compliant}; above "
        "{yuan:threshold} it pays by band: {yuan:amount} for this claim.",
    ),
    # Hangzhou resident (hangzhou_resident.py).
    "resident_fund": (
        "起付标准以上 {yuan:cost}（{text:tier}档，{place:place}）" + _CO_PAY_ZH,
        "Above the deductible, {yuan:cost} (tier {text:tier}, {place:place})" + _CO_PAY_EN,
    ),
    "resident_personal": (
        "个人承担 {share:patient_share}：{yuan:personal}。",
        "Your share, {share:patient_share}: {yuan:personal}.",
    ),
    # The personal account (account.py).
    "account_monthly_share": (
        "每月划入：缴费基数 {yuan:base} × {share:rate} = {yuan:monthly}。",
        "Credited each month: base {yuan:base} × {share:rate} = {yuan:monthly}.",
    ),
    "account_monthly_fixed": ("退休人员每月划入 {yuan:monthly}。", "Retirees are credited {yuan:monthly} a month."),
    "account_levy": ("扣减{label:label}：{yuan:levy}。", "Less the {label_lower:label}: {yuan:levy}."),
    # Contributions (contribution.py).
    "base_floor_from_average": (
        "缴费基数下限：省平工资 {yuan:average} × {share:multiple} = {yuan:floor}。",
        "Base floor: provincial average {yuan:average} × {share:multiple} = {yuan:floor}.",
    ),
    "base_cap_from_average": (
        "缴费基数上限：省平工资 × {share:multiple} = {yuan:cap}。",
        "Base cap: provincial average × {share:multiple} = {yuan:cap}.",
    ),
    "base_from_wage": (
        "本人月平均工资 {yuan:wage}{base_rule:rule}：缴费基数 {yuan:base}。",
        "Your average monthly wage of {yuan:wage} is {base_rule:rule}: base {yuan:base}.",
    ),
    "base_fixed": (
        "灵活就业和失业人员以 {yuan:base} 为缴费基数。",
        "The flexibly employed and the unemployed pay on a base of {yuan:base}.",
    ),
    "employee_contribution": (
        "个人每月缴费：{yuan:base} × {share:rate} = {yuan:employee}。",
        "You pay each month: {yuan:base} × {share:rate} = {yuan:employee}.",
    ),
    "employer_contribution": (
        "单位每月缴费：{yuan:base} × {share:rate} = {yuan:employer}。",
        "Your employer pays each month: {yuan:base} × {share:rate} = {yuan:employer}.",
    ),
    # The start of benefits (benefit_start.py).
    "after_enrolment": ("办理参保缴费手续后的{next:months}起享受待遇。", "Benefits start {next:months} enrolment."),
    "interruption_wait": (
        "连续中断缴费 {int:gap} 个月，属中断参保：须连续缴费满 {int:months} 个月后才能享受待遇，其间的医疗费医保不付。",
        "{int:gap} unpaid months in a row is an interruption: benefits start only after {int:months} "
        "months of paid contributions; costs in between are not covered.",
    ),
    "first_registration": (
        "首次参保：参保登记的{natural:months}起享受待遇。",
        "First registration: benefits start in {natural:months}.",
    ),
    "continuous": (
        "连续缴费、待遇正常：接续参保{natural:months}切换。",
        "Contributions never stopped: benefits switch over in {natural:months}.",
    ),
    "short_break": (
        "中断 {int:gap} 个月（{count:limit}个月含以内）：接续参保的{natural:months}起享受待遇，可申请补缴中断期间的费用。",
        "A break of {int:gap} months ({int:limit} or fewer): benefits start in {natural:months}; "
        "the break can be paid back.",
    ),
    "long_break": (
        "中断 {int:gap} 个月（超过{count:limit}个月）：接续参保的{natural:months}起享受待遇。",
        "A break of {int:gap} months (more than {int:limit}): benefits start in {natural:months}.",
    ),
    # Retirement years (retirement.py).
    "local_years_enough": (
        "市区实际缴费须满 {years:required}：已有 {years:have}，已满足。",
        "Actually paid in the urban area, at least {years:required}: you have {years:have}; enough.",
    ),
    "local_years_short": (
        "市区实际缴费须满 {years:required}：已有 {years:have}，还差 {years:short}。",
        "Actually paid in the urban area, at least {years:required}: you have {years:have}; {years:short} short.",
    ),
    "cumulative_years_enough": (
        "累计缴费须满 {years:required}：已有 {years:have}，已满足。",
        "Cumulative, at least {years:required}: you have {years:have}; enough.",
    ),
    "cumulative_years_short": (
        "累计缴费须满 {years:required}：已有 {years:have}，还差 {years:short}。",
        "Cumulative, at least {years:required}: you have {years:have}; {years:short} short.",
    ),
    "retired_before_reform": (
        "{date:reform}前退休：最低缴费年限 {years:required}，缴费年限不作调整。",
        "Retired before {date:reform}: the minimum is {years:required}, months count as they are.",
    ),
    "joined_after_reform": (
        "{date:reform}后新参保：外地转入的此前年限不作系数调整。",
        "Joined after {date:reform}: earlier months transferred in are not adjusted.",
    ),
    "months_adjusted": (
        "{date:reform}前的 {int:before} 个月 × {text:factor}，不足1个月按1个月计：{int:adjusted} 个月。",
        "{int:before} months before {date:reform} × {text:factor}, a part month counting as one: "
        "{int:adjusted} months.",
    ),
    "minimum_years": ("最低缴费年限 {years:required}。", "The minimum is {years:required}."),
    "topup": (
        "一次性补缴：{int:short} 个月 × 征缴依据 {yuan:basis} × {share:base_share} × {share:rate} = {yuan:topup}。",
        "One-off top-up: {int:short} months × basis {yuan:basis} × {share:base_share} × {share:rate} = {yuan:topup}.",
    ),
    "topup_not_stated": (
        "此种情形的补缴金额所需数字（如{text:wage_year}年本市职工月平均工资、衔接期的孰低比较）资料未载明，不作计算。",
        "The figures this case's top-up needs (such as the city's {text:wage_year} average wage, or the "
        "transition's lower-of comparison) are not stated in the sources; no top-up is computed.",
    ),
}

_NUMERALS_ZH = "零一二三四五六七八九"
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def ordinal_zh(n: int) -> str:
    """0–99 in Chinese numerals as an order (第二), or within a larger number (十二)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _NUMERALS_ZH[ones]
    return ("" if tens == 1 else _NUMERALS_ZH[tens]) + "十" + (_NUMERALS_ZH[ones] if ones else "")


def numeral_zh(n: int) -> str:
    """0–99 in Chinese numerals as a count: 2 -> 两 (两个月), 3 -> 三, 12 -> 十二."""
    return "两" if n == 2 else ordinal_zh(n)


def ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return str(n) + suffix


def natural_month(months_after: int) -> tuple:
    """The month ``months_after`` months on, as the sources count it: 0 is 当月, 1 the 2nd natural month."""
    if months_after == 0:
        return "当月", "the same month"
    return "第" + ordinal_zh(months_after + 1) + "个自然月", "the " + ordinal_en(months_after + 1) + " natural month"


def next_month(months_after: int) -> tuple:
    """A wait counted from the month of enrolment: 1 is 次月 (the month after)."""
    if months_after == 1:
        return "次月", "the month after"
    return "第" + str(months_after) + "个月", str(months_after) + " months after"


def date_text(iso: str) -> tuple:
    """2021-07-01 -> ("2021年7月1日", "1 July 2021")."""
    year, month, day = iso.split("-")
    return (
        year + "年" + str(int(month)) + "月" + str(int(day)) + "日",
        str(int(day)) + " " + _MONTHS_EN[int(month) - 1] + " " + year,
    )


def _count(n: int, one: str) -> str:
    return str(n) + " " + one + ("" if n == 1 else "s")


def years_text(months: int) -> tuple:
    """A number of months as years and months, naming only what is there: 134 -> ("11年2个月",
    "11 years 2 months"), 20 -> ("1年8个月", "1 year 8 months"), 8 -> ("8个月", "8 months")."""
    years, rest = divmod(months, 12)
    if not years and rest:
        return str(rest) + "个月", _count(rest, "month")
    return (
        str(years) + "年" + (str(rest) + "个月" if rest else ""),
        _count(years, "year") + (" " + _count(rest, "month") if rest else ""),
    )


def _yuan(money, lang: int) -> str:
    return yuan_words(money.fen, ("zh", "en")[lang])


def _label_lower(label: dict, lang: int) -> str:
    return label["zh"] if lang == 0 else label["en"][0].lower() + label["en"][1:]


# How each placeholder type writes its argument in a language (0 zh, 1 en).
FORMATS = {
    "yuan": _yuan,
    "yuan0": lambda money, lang: format_yuan(money.fen, False),
    "share": lambda bp, lang: format_share(bp),
    "int": lambda n, lang: str(n),
    "text": lambda text, lang: str(text),
    "count": lambda n, lang: numeral_zh(n) if lang == 0 else str(n),
    "natural": lambda n, lang: natural_month(n)[lang],
    "next": lambda n, lang: next_month(n)[lang],
    "date": lambda iso, lang: date_text(iso)[lang],
    "years": lambda months, lang: years_text(months)[lang],
    "label": lambda label, lang: label["zh"] if lang == 0 else label["en"],
    "label_lower": _label_lower,
}

_parsed = {}


def _parse(template: str) -> list:
    """ "a {yuan:x} b" -> ["a ", ("yuan", "x"), " b"], cached: templates are parsed once."""
    if template not in _parsed:
        pieces = []
        rest = template
        while "{" in rest:
            before, rest = rest.split("{", 1)
            placeholder, rest = rest.split("}", 1)
            kind, name = placeholder.split(":")
            pieces.append(before)
            pieces.append((kind, name))
        pieces.append(rest)
        _parsed[template] = pieces
    return _parsed[template]


def _fill(template: str, args: dict, lang: int) -> str:
    out = []
    for piece in _parse(template):
        if isinstance(piece, str):
            out.append(piece)
        elif piece[0] in TABLES:
            out.append(TABLES[piece[0]][args[piece[1]]][lang])
        else:
            out.append(FORMATS[piece[0]](args[piece[1]], lang))
    return "".join(out)


def say(kind: str, args: dict) -> tuple:
    """The step ``kind`` in (zh, en), its placeholders filled from ``args``."""
    zh, en = STEPS[kind]
    return _fill(zh, args, 0), _fill(en, args, 1)
