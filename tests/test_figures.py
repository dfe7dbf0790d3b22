"""The one band-range and age-range wording, checked against the sources' own edge words."""

from scripts.figures import (
    age_spans,
    band_spans,
    missing_text,
    month_after_text,
    points_text,
    value_text,
)

YUAN = 100  # fen


def bands(*tops, excluded=()):
    return [
        dict(
            {"up_to": None if t is None else t * YUAN, "value": 0},
            **({"up_to_excluded": True} if t in excluded else {}),
        )
        for t in tops
    ]


def test_hangzhou_inpatient_edges_belong_to_the_lower_band():
    # Handbook table 2: "起付标准至4万（含）", "4万元以上至36万元（含）"; the last band ends at the limit.
    assert band_spans(bands(40000, None), "zh") == ["40,000元及以下", "40,000元以上"]
    assert band_spans(bands(40000, None), "en") == ["up to 40,000 inclusive", "over 40,000"]


def test_ningbo_inpatient_and_hangzhou_assistance_middle_bands():
    # NB Q8: "起付线至3.5万元（含）", "3.5万元—7万元（含）"; HZ Art. 19: "15000元以上至25000元（含）".
    assert band_spans(bands(35000, 70000, None), "en") == [
        "up to 35,000 inclusive",
        "over 35,000 up to 70,000 inclusive",
        "over 70,000",
    ]
    assert band_spans(bands(15000, 25000, None), "zh")[1] == "15,000元以上至25,000元（含）"


def test_ningbo_critical_illness_edges_belong_to_the_upper_band():
    # NB Q9: "5000元（含）至2万元部分 80%；2万元（含）至50万元（含）部分 90%".
    spans = band_spans(bands(5000, 20000, 500000, None, excluded=(5000, 20000)), "zh")
    assert spans == [
        "5,000元以下（不含）",
        "5,000元（含）至20,000元（不含）",
        "20,000元（含）至500,000元（含）",
        "500,000元以上",
    ]
    assert (
        band_spans(bands(5000, 20000, 500000, None, excluded=(5000, 20000)), "en")[2]
        == "from 20,000 inclusive up to 500,000 inclusive"
    )


def test_age_steps_never_start_at_zero():
    # HZ Art. 8: "45周岁（含）及以下 2.5%，45周岁以上 2.8%" is stored as steps from 0 and from 46.
    steps = [{"from_age": 0, "value": 250}, {"from_age": 46, "value": 280}]
    assert age_spans(steps, "zh") == ["45周岁（含）及以下", "46周岁（含）以上"]
    assert value_text("share", steps, "en") == "aged 45 or under: 2.5%; aged 46 or over: 2.8%"


def test_missing_values_say_why():
    assert value_text("yuan", None, "zh") == "资料未载明"
    assert value_text("yuan", None, "en", "no_rule") == "no such rule"
    assert missing_text("no_rule", "zh") == "无此项规定"


def test_months_after_read_as_the_sources_count_them():
    # NB Q6: "参保登记的第二个自然月起" is stored as 1 month after → 次月;
    # "中断三个月以上的，自接续参保的第三个自然月起" is stored as 2 → 第三个自然月.
    assert month_after_text(1, "zh") == "次月" and month_after_text(2, "zh") == "第三个自然月"
    assert month_after_text(1, "en") == "the next month"


def test_a_share_added_to_a_share_reads_as_points():
    # NB Q16: "下浮10个百分点"; HZ Art. 13 (1) 3: the fund's share rises by 3 points.
    assert points_text(value_text("share", 1000, "zh"), "zh") == "10个百分点"
    assert points_text(value_text("share", 300, "en"), "en") == "3 percentage points"
