"""Exact money: parsing, the one rounding rule, and formatting."""

import pytest

from calculators import jsonin, jsonout
from calculators.jsonin import quote_decimals
from calculators.money import format_share, format_yuan, parse_decimal, round_half_up, share_of


@pytest.mark.parametrize(
    "text, fen",
    [
        ("1234", 123400),
        ("1,234", 123400),
        ("1，234", 123400),
        ("１２３４", 123400),
        ("１２３４．５", 123450),
        ("0.1", 10),
        ("12.30", 1230),
        ("12.500", 1250),
        (" 7 ", 700),
        (12.5, 1250),
        (0.1, 10),
        (3, 300),
    ],
)
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


@pytest.mark.parametrize(
    "value, fen",
    [
        # 582.19 and 582.1900000000001 are the same double (MicroPython prints the latter): 58219 fen.
        (582.19, 58219),
        (582.1900000000001, 58219),  # noqa: PT014 (the same double, written two ways)
        (0.07, 7),
        (-0.07, -7),
        (1e7, 1000000000),
        # No two-decimal number is nearest to these doubles; infinities and NaN are not amounts.
        (582.195, None),
        (1e-07, None),
        (float("inf"), None),
        (float("nan"), None),
        (1e300, None),
    ],
)
def test_a_float_is_read_as_the_decimal_it_is_nearest_to(value, fen):
    assert parse_decimal(value, 2) == fen


def test_json_decimals_are_kept_as_the_text_written_on_every_runtime():
    # MicroPython's json has no parse_float: quote_decimals gives it the text CPython keeps.
    text = '{"a": 582.19, "b\\"1.5": [1, -2.0e3, "x 1.5"], "c": true, "d": false, "e": null}'
    assert (
        quote_decimals(text) == '{"a": "582.19", "b\\"1.5": [1, "-2.0e3", "x 1.5"], "c": true, "d": false, "e": null}'
    )
    assert jsonin.loads(text)["a"] == "582.19" and jsonin.loads(quote_decimals(text))['b"1.5'] == [1, "-2.0e3", "x 1.5"]


@pytest.mark.parametrize("text", ["[1.]", "[01]", "[.5]", "[1e]", "[-]", "[1.2.3]", "[NaN]", "[Infinity]"])
def test_json_numbers_follow_the_json_grammar_on_every_runtime(text):
    # MicroPython's parser accepts "1." and "01"; CPython's does not, so neither may here.
    with pytest.raises(ValueError):
        jsonin.loads(text)
    if text not in ("[.5]", "[NaN]", "[Infinity]"):  # these never reach the number scanner
        with pytest.raises(ValueError):
            quote_decimals(text)


def test_the_fast_json_string_writer_writes_what_the_reference_loop_writes():
    # The runtime's json.dumps is used where it agrees with jsonout.escaped; every character
    # below U+0800 plus quotes, CJK punctuation and an emoji, alone and in text.
    samples = [chr(c) for c in range(0x800)] + ["“引号”", "😀", 'a"b\\c\nd\te\x07f\x00', "x\by\fz"]
    for text in samples + ["前" + t + "后" for t in samples]:
        assert jsonout._string(text) == jsonout.escaped(text), repr(text)


def test_amounts_read_as_people_type_them():
    from calculators.money import parse_decimal

    # 5,000 yuan = 500,000 fen however it is written; 1,234.5 yuan = 123,450 fen.
    for text in ("5000", "5,000", "５，０００", "5000元", "５,０００元", " 5 000 元 ", "5000.00元"):
        assert parse_decimal(text, 2) == 500000, text
    assert parse_decimal("1,234。5元", 2) == 123450
    # Only a trailing 元: other words stay refused, as does 元 alone.
    for text in ("元5000", "5000块", "5000 yuan", "元", "5元5"):
        assert parse_decimal(text, 2) is None, text
