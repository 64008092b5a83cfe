"""checks.numbers: number text → values."""

import pytest

from checks import numbers


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("30,000", "en", 30000),
        ("30 000", "ru", 30000),
        ("30\u00a0000", "fr", 30000),
        ("30\u202f000", "fr", 30000),
        ("25.800", "de", 25800),
        ("25.800", "pl", 25800),
        ("25.8", "en", 25.8),
        ("1,5", "ru", 1.5),
        ("1.5 million", "en", 1_500_000),
        ("1,5 млн", "ru", 1_500_000),
        ("1,5 Millionen", "de", 1_500_000),
        ("2bn", "en", 2_000_000_000),
        ("30k", "en", 30_000),
        ("20 tys.", "pl", 20_000),
        ("1,234,567", "en", 1_234_567),
        ("555", None, 555),
        ("seven", "en", 7),
        ("eleven", "en", 11),
        ("twenty-seven", "en", 27),
        ("one hundred and five", "en", 105),
        ("a thousand", "en", 1000),
        ("twenty-seven thousand", "en", 27000),
        ("a dozen", "en", 12),
        ("two dozen", "en", 24),
        ("half a dozen", "en", 6),
        ("двадцать пять", "ru", 25),
        ("пяти тысяч", "ru", 5000),
        ("siedem", "pl", 7),
        ("pięciu", "pl", 5),
    ],
)
def test_parse_number(text, language, expected):
    assert numbers.parse_number(text, language) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,2,3,4", "1.2.3", "twenty apples", "..."])
def test_parse_number_rejects_non_numbers(text):
    assert numbers.parse_number(text, "en") is None


def test_whole_numbers_are_ints():
    assert isinstance(numbers.parse_number("30,000", "en"), int)
    assert isinstance(numbers.parse_number("1.5", "en"), float)


@pytest.mark.parametrize(
    "phrase, bounds",
    [
        ("dozens", (24, 99)),
        ("hundreds", (200, 999)),
        ("several hundred", (200, 999)),
        ("a few hundred", (200, 999)),
        ("thousands", (2_000, 9_999)),
        ("tens of thousands", (20_000, 99_999)),
        ("hundreds of thousands", (200_000, 999_999)),
        ("millions", (2_000_000, 999_999_999)),
        ("сотни", (200, 999)),
        ("setki", (200, 999)),
        ("Zehntausende", (20_000, 99_999)),
    ],
)
def test_vague_bounds_follow_the_policy(phrase, bounds):
    assert numbers.vague_bounds(phrase) == bounds


def test_several_alone_is_not_an_amount():
    assert numbers.vague_bounds("several") is None
    assert numbers.vague_bounds("many") is None


def test_scale_words():
    assert numbers.scale_of("bn") == 1_000_000_000
    assert numbers.scale_of("млн") == 1_000_000
    assert numbers.scale_of("apples") is None
