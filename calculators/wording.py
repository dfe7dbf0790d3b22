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
