"""Amounts and shares as the steps write them, in zh and en."""

from .money import format_share, format_yuan

LEVEL = {
    "tertiary": ("三级医疗机构", "a tertiary hospital"),
    "other": ("其他医疗机构（含二级、药店）", "another institution (incl. secondary, pharmacies)"),
    "community": ("社区卫生服务机构", "a community health centre"),
}
WHERE = {
    "in_province": ("省内异地", "elsewhere in Zhejiang"),
    "out_of_province": ("省外", "outside Zhejiang"),
}


def yz(fen: int) -> str:
    return format_yuan(fen) + "元"


def ye(fen: int) -> str:
    return format_yuan(fen) + " yuan"


def share(bp: int) -> str:
    return format_share(bp)


def span_zh(low: int, high: int) -> str:
    return "年度累计费用 " + format_yuan(low, False) + "–" + format_yuan(high, False) + " 元段"


def span_en(low: int, high: int) -> str:
    return "The year's running total " + format_yuan(low, False) + "–" + format_yuan(high, False) + " yuan"


_NUMERALS_ZH = "零一二三四五六七八九"
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def numeral_zh(n: int) -> str:
    """0–99 in Chinese numerals as a count: 2 -> 两 (两个月), 3 -> 三, 12 -> 十二."""
    return "两" if n == 2 else ordinal_zh(n)


def ordinal_zh(n: int) -> str:
    """0–99 in Chinese numerals as an order (第二), or within a larger number (十二)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _NUMERALS_ZH[ones]
    return ("" if tens == 1 else _NUMERALS_ZH[tens]) + "十" + (_NUMERALS_ZH[ones] if ones else "")


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
    return str(months_after) + "个月后", str(months_after) + " months later"


def date_text(iso: str) -> tuple:
    """2021-07-01 -> ("2021年7月1日", "1 July 2021")."""
    year, month, day = iso.split("-")
    return (year + "年" + str(int(month)) + "月" + str(int(day)) + "日",
            str(int(day)) + " " + _MONTHS_EN[int(month) - 1] + " " + year)
