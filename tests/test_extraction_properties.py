"""Properties of extraction: it never raises, offsets always slice to the quote, and
numbers survive being written out and read back."""

import time

from hypothesis import HealthCheck, given, settings, strategies as st

from checks import numbers
from checks.extraction import extract_claims, iter_claims

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like news: words, figures, hedges, units, punctuation, dates.
fragments = st.sampled_from([
    "more than", "at least", "about", "nearly", "up to", "between", "and", "to", "-", "–",
    "30,000", "1 400", "25.800", "1,5", "1.5 million", "$2bn", "€3", "40%", "per cent",
    "seven", "twenty-seven", "a dozen", "dozens", "hundreds", "tens of thousands", "half",
    "a third", "no", "political prisoners", "were arrested", "according to Viasna", "said",
    "as of 1 May 2023", "in 2021", "9 August", "10:30", "Article 361-4", "Viasna-96", "FR4978",
    "years", "months", "27-year", "sixth term", "более", "около", "ponad", "około", "тысяч",
    ".", ",", "\n", "\n\n", " ", "(", ")", "«", "»", "+375 29", "<p>", "</p>",
])
newsy = st.lists(fragments, max_size=40).map(" ".join)
languages = st.sampled_from([None, "en", "ru", "be", "pl", "de", "fr", "xx"])


def assert_well_formed(text, claims):
    for claim in claims:
        assert text[claim.start:claim.end] == claim.quote
        assert claim.quote
        assert claim.qualifier in {"exact", "more_than", "at_least", "about", "almost", "up_to",
                                   "range", "vague"}
        if claim.qualifier == "range":
            assert claim.value is None and claim.low < claim.high
        if claim.sentence is not None:
            assert claim.quote in claim.sentence


@SETTINGS
@given(st.text(max_size=300), languages)
def test_never_raises_on_arbitrary_unicode(text, language):
    assert_well_formed(text, extract_claims(text, language))


@SETTINGS
@given(newsy, languages)
def test_offsets_slice_to_the_quote_on_newsy_text(text, language):
    assert_well_formed(text, extract_claims(text, language))


@SETTINGS
@given(st.binary(max_size=300))
def test_never_raises_on_binary_junk(data):
    claims = extract_claims(data, "en")
    assert_well_formed(data.decode("utf-8", errors="replace"), claims)


@SETTINGS
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p class='x'>", "<br/>", "<script>var n=30000;</script>",
                                 "&nbsp;", "&amp;", "More than 30,000", "people", "<!-- 5 -->", "<a href='/2021/05/1'>"]),
                max_size=30).map("".join))
def test_never_raises_on_raw_html(html):
    assert_well_formed(html, extract_claims(html, "en"))


@SETTINGS
@given(newsy, st.integers(min_value=1, max_value=50))
def test_streaming_in_chunks_matches_whole_text(text, size):
    chunks = [text[i:i + size] for i in range(0, len(text), size)]
    streamed = list(iter_claims(chunks, language="en"))
    assert_well_formed(text, streamed)


def test_ten_megabyte_single_line_is_handled():
    phrase = ("the regional court heard the case against the activists while observers waited "
              "outside and more than 30,000 protesters were arrested and about 1,400 jailed ")
    line = (phrase * (10_000_000 // len(phrase) + 1))[:10_000_000]
    assert "\n" not in line and len(line) == 10_000_000
    started = time.perf_counter()
    claims = extract_claims(line, "en")
    elapsed = time.perf_counter() - started
    assert len(claims) >= 2 * (10_000_000 // len(phrase)) - 2
    assert all(line[c.start:c.end] == c.quote for c in claims)
    assert all(len(c.sentence) <= 800 for c in claims)
    assert elapsed < 300  # generous: a sanity bound on 2 shared cores, not a benchmark


# --- numbers: format, then parse back ---------------------------------------------

def group(n, separator):
    return f"{n:,}".replace(",", separator)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**12))
def test_digit_formats_round_trip(n):
    assert numbers.parse_number(str(n), "en") == n
    if n >= 1000:
        assert numbers.parse_number(group(n, ","), "en") == n
        for separator in (" ", "\u00a0", "\u202f"):
            assert numbers.parse_number(group(n, separator), "ru") == n
        assert numbers.parse_number(group(n, "."), "de") == n


@SETTINGS
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=9))
def test_decimals_round_trip(whole, tenths):
    assert numbers.parse_number(f"{whole}.{tenths}", "en") == whole + tenths / 10
    assert numbers.parse_number(f"{whole},{tenths}", "ru") == whole + tenths / 10


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
        "fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def english(n):
    "n (0 < n < 1,000,000) in English words, written independently of checks.numbers."
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return _ONES[n // 100] + " hundred" + (" and " + english(n % 100) if n % 100 else "")
    return english(n // 1000) + " thousand" + (" " + english(n % 1000) if n % 1000 else "")


@SETTINGS
@given(st.integers(min_value=1, max_value=999_999))
def test_english_words_round_trip(n):
    assert numbers.parse_number(english(n), "en") == n
