"""Exact money: parsing, the one rounding rule, and formatting."""

import pytest

from calculators.money import format_share, format_yuan, parse_decimal, round_half_up, share_of


@pytest.mark.parametrize("text, fen", [
    ("1234", 123400), ("1,234", 123400), ("1，234", 123400), ("１２３４", 123400), ("１２３４．５", 123450),
    ("0.1", 10), ("12.30", 1230), ("12.500", 1250), (" 7 ", 700), (12.5, 1250), (0.1, 10), (3, 300),
])
def test_parse_decimal_reads_what_people_type(text, fen):
    assert parse_decimal(text, 2) == fen


@pytest.mark.parametrize("text", ["", "abc", "1.234", "1.2.3", "--1", "1e3", True, None, [1]])
def test_parse_decimal_refuses_what_is_not_an_amount(text):
    assert parse_decimal(text, 2) is None


def test_round_half_up_at_the_tie_and_either_side():
    # 1234.55 yuan × 10% = 123.455 yuan = 12345.5 fen: the tie goes up to 12346 fen.
    assert share_of(123455, 1000) == 12346
    assert round_half_up(5, 10) == 1 and round_half_up(4, 10) == 0 and round_half_up(15, 10) == 2
    assert round_half_up(-15, 10) == -2


def test_formatting():
    assert format_yuan(123456789) == "1,234,567.89"
    assert format_yuan(100000, False) == "1,000"
    assert format_share(7600) == "76%" and format_share(630) == "6.3%" and format_share(1050) == "10.5%"
