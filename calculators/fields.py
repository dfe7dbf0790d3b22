"""Reading one input field: type checks and messages in zh and en that name the field.

Every calculator reads its scenario through these, so a bad value always gets the same kind
of message and nothing is computed from it.
"""

from .errors import INPUT, NOT_STATED, InputError
from .money import FEN, parse_decimal

# The largest amount accepted, in yuan: far above any real bill, low enough to catch a typo.
MAX_YUAN = 100000000

_NAMES_ZH = {
    "policy": "险种",
    "date": "日期",
    "person": "参保人",
    "claims": "费用清单",
    "status": "人员类别",
    "age": "年龄",
    "account": "个人账户当年余额",
    "signed_gp": "签约社区首诊",
    "certificate": "救助证件",
    "special_registered": "特殊病种备案",
    "tier": "居民医保档次",
    "kind": "费用类别",
    "level": "医疗机构等级",
    "amount": "医保范围内费用",
    "category_b": "乙类先行自付",
    "out_of_scope": "自费费用",
    "at_signed_gp": "在签约社区就诊",
    "where": "就医地",
    "settled": "结算方式",
    "filing": "备案",
    "emergency": "急诊",
    "wage": "本人月平均工资",
    "provincial_average": "省平工资",
    "category": "参保身份",
    "base": "缴费基数",
    "local_actual_months": "市区实际缴费月数",
    "cumulative_months": "累计缴费月数",
    "retirement_date": "退休日期",
    "months_before_reform": "年限调整前的缴费月数",
    "months_after_reform": "年限调整起的缴费月数",
    "new_after_reform": "年限调整后新参保",
    "basis": "征缴依据",
    "enrolled": "参保月份",
    "first_time": "首次参保",
    "break_months": "中断月数",
    "slip": "结算单",
    "bill": "总费用",
    "fund": "统筹基金支付",
    "critical_illness": "大病保险支付",
    "assistance": "医疗救助支付",
    "co_payment": "个人自付",
}


def field_path(path: str, key) -> str:
    if isinstance(key, int):
        return path + "[" + str(key) + "]"
    return key if not path else path + "." + key


def _name_zh(path: str) -> str:
    last = path.rsplit(".", 1)[-1]
    if "[" in last:
        last = last.split("[", 1)[0]
    return _NAMES_ZH.get(last, last)


def fail(path: str, zh: str, en: str, kind: str = INPUT) -> InputError:
    """An InputError whose message starts with the field, in both languages."""
    return InputError(path, path + "（" + _name_zh(path) + "）：" + zh, path + ": " + en, kind, {"zh": zh, "en": en})


def not_stated(path: str, label: dict, note=None) -> InputError:
    """The refusal for a figure the sources do not give: names the input and the figure."""
    zh = "资料中未载明“" + label["zh"] + "”，无法计算。"
    en = "not stated in the sources: " + label["en"] + ". Nothing was computed."
    if note:
        zh += note["zh"]
        en += " " + note["en"]
    return fail(path, zh, en, NOT_STATED)


def check_keys(obj, path: str, allowed) -> dict:
    if not isinstance(obj, dict):
        raise fail(path or "scenario", "应为键值对象。", "must be a mapping of keys to values.")
    for key in sorted(obj):
        if key not in allowed:
            raise fail(
                field_path(path, key),
                "无法识别的字段（可用：" + "、".join(allowed) + "）。",
                "unknown field (expected one of: " + ", ".join(allowed) + ").",
            )
    return obj


def choice(obj: dict, path: str, key: str, options, default=None):
    here = field_path(path, key)
    value = obj.get(key, default)
    if value is None:
        raise fail(here, "必须填写。", "is required.")
    if value not in options:
        shown = [str(o) for o in options]
        raise fail(
            here,
            "取值“" + str(value) + "”无效，应为：" + "、".join(shown) + "。",
            "“" + str(value) + "” is not valid; expected one of: " + ", ".join(shown) + ".",
        )
    return value


def flag(obj: dict, path: str, key: str, default: bool = False) -> bool:
    value = obj.get(key, default)
    if value is not True and value is not False:
        raise fail(field_path(path, key), "应为 true 或 false。", "must be true or false.")
    return value


def whole(obj: dict, path: str, key: str, low: int, high: int, default=None):
    """A whole number within [low, high]; None when absent and no default."""
    here = field_path(path, key)
    value = obj.get(key, default)
    if value is None:
        return None
    scaled = parse_decimal(value, 0) if not isinstance(value, bool) else None
    if scaled is None:
        raise fail(here, "应为整数。", "must be a whole number.")
    if scaled < low or scaled > high:
        raise fail(
            here,
            "应在 " + str(low) + " 到 " + str(high) + " 之间。",
            "must be between " + str(low) + " and " + str(high) + ".",
        )
    return scaled


def money(obj: dict, path: str, key: str, default=None):
    """Yuan in, fen out: non-negative, at most two decimals, no larger than MAX_YUAN."""
    here = field_path(path, key)
    value = obj.get(key, default)
    if value is None:
        raise fail(here, "必须填写金额。", "an amount is required.")
    if isinstance(value, str) and not value.strip():
        raise fail(here, "金额不能为空。", "the amount is empty.")
    fen = parse_decimal(value, 2) if not isinstance(value, bool) else None
    if fen is None:
        raise fail(
            here,
            "“" + str(value) + "”不是有效金额（元，最多两位小数）。",
            "“" + str(value) + "” is not a valid amount (yuan, at most two decimals).",
        )
    if fen < 0:
        raise fail(here, "金额不能为负数。", "the amount must not be negative.")
    if fen > MAX_YUAN * FEN:
        raise fail(
            here,
            "金额过大（上限 " + str(MAX_YUAN) + " 元）。",
            "the amount is too large (at most " + str(MAX_YUAN) + " yuan).",
        )
    return fen


def _valid_date(y: int, m: int, d: int) -> bool:
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= m <= 12 and 1 <= d <= days[m - 1]


def _digits(text: str) -> bool:
    if not text:
        return False
    for ch in text:
        if ch < "0" or ch > "9":
            return False
    return True


def is_iso_date(text) -> bool:
    """A real calendar date written YYYY-MM-DD."""
    parts = text.split("-") if isinstance(text, str) else []
    return (
        len(parts) == 3
        and len(parts[0]) == 4
        and len(parts[1]) == 2
        and len(parts[2]) == 2
        and _digits(parts[0])
        and _digits(parts[1])
        and _digits(parts[2])
        and _valid_date(int(parts[0]), int(parts[1]), int(parts[2]))
    )


def date(obj: dict, path: str, key: str, default=None) -> str:
    """An ISO date string YYYY-MM-DD (text, so every runtime compares it the same way)."""
    here = field_path(path, key)
    value = obj.get(key, default)
    if value is None:
        raise fail(here, "必须填写日期。", "a date is required.")
    if not is_iso_date(value):
        raise fail(
            here,
            "“" + str(value) + "”不是有效日期（格式 YYYY-MM-DD）。",
            "“" + str(value) + "” is not a valid date (YYYY-MM-DD).",
        )
    return value


def month(obj: dict, path: str, key: str) -> tuple:
    """A calendar month written YYYY-MM, as (year, month)."""
    here = field_path(path, key)
    value = obj.get(key)
    text = value if isinstance(value, str) else ""
    parts = text.split("-")
    if (
        len(parts) != 2
        or len(parts[0]) != 4
        or len(parts[1]) != 2
        or not (_digits(parts[0]) and _digits(parts[1]))
        or not 1 <= int(parts[1]) <= 12
    ):
        raise fail(
            here,
            "“" + str(value) + "”不是有效月份（格式 YYYY-MM）。",
            "“" + str(value) + "” is not a valid month (YYYY-MM).",
        )
    return int(parts[0]), int(parts[1])


def must_be_default(value, default, path: str, policy_title: dict):
    """A field that does not apply to this policy: only its default value is accepted."""
    if value != default:
        raise fail(
            path,
            "不适用于" + policy_title["zh"] + "（资料未载明相关规定）。",
            "does not apply to " + policy_title["en"] + " (the sources state no such rule).",
        )
