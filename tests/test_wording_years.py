"""Month counts read as a person says them (the retirement calculator's "still short" lines)."""

from calculators.wording import years_text


def test_years_and_months_are_named_as_a_reader_says_them():
    # 134 = 11 × 12 + 2; 20 = 12 + 8; 8 months make no whole year; 24 = 2 × 12; 13 = 12 + 1.
    assert years_text(134) == ("11年2个月", "11 years 2 months")
    assert years_text(20) == ("1年8个月", "1 year 8 months")
    assert years_text(8) == ("8个月", "8 months")
    assert years_text(24) == ("2年", "2 years")
    assert years_text(13) == ("1年1个月", "1 year 1 month")
