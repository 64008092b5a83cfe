"""The fast trigger scan finds exactly what the plain trigger regex finds.

``_next_trigger`` scans for a non-letter and looks for a number word after it,
instead of trying the trigger regex at every letter; it must stop at the same
positions as ``trigger.search`` and, for digits, end at the same place. Its scan
(``_TriggerScan``) is two searches, from a space and from any other non-letter, each
match kept until passed: positions visited in any order still find the same.
"""

from hypothesis import given, settings, strategies as st

from checks.extraction import _next_trigger, _patterns, _TriggerScan

LANGUAGES = ["en", "ru", "pl", "de", "fr"]
# Pieces that make triggers, near-triggers and their neighbours likely.
PIECES = ["two", "three", "no", "none", "Seven", "a dozen", "a", "hundreds", "thousand", "several",
          "second", "half", "tens", "один", "два", "тысячи", "dwa", "połowa", "zwei", "Hälfte",
          "deux", "moitié", "12", "3,400", "10:30", "2019-2020", "1.5", "FR4978", "$", "€5", "£",
          " ", "  ", "\n", "-", "–", ",", ".", "(", "\"", "'", "_", "x", "é", "ß", "٣", "²", "ab"]


def scan_all(patterns, text, step, positions=None):
    "Every (position, end for digits) from repeated trigger searches, both ways."
    fast, slow = [], []
    scan = _TriggerScan(patterns, text)
    for pos in range(0, len(text) + 1, step) if positions is None else positions:
        found = _next_trigger(patterns, scan, text, pos)
        fast.append(found and (found[0], found[1].end() if text[found[0]].isdigit() else None))
        t = patterns.trigger.search(text, pos)
        slow.append(t and (t.start(), t.end() if text[t.start()].isdigit() else None))
    return fast, slow


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from(LANGUAGES))
def test_fast_scan_stops_where_the_trigger_regex_does(pieces, language):
    text = "".join(pieces)
    fast, slow = scan_all(_patterns(language), text, 1)
    assert fast == slow


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.sampled_from(LANGUAGES), st.randoms())
def test_fast_scan_at_positions_in_any_order(pieces, language, rng):
    text = "".join(pieces)
    positions = [rng.randrange(len(text) + 1) for _ in range(2 * len(text) + 1)]
    fast, slow = scan_all(_patterns(language), text, 1, positions)
    assert fast == slow


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from(LANGUAGES))
def test_fast_scan_on_arbitrary_unicode(text, language):
    fast, slow = scan_all(_patterns(language), text, 1)
    assert fast == slow


def test_fast_scan_on_news_text():
    text = ("According to Viasna, more than 1,200 people were detained on 9 August 2020; "
            "a dozen were injured, and two-thirds of them (some 300) were released. "
            "Около 500 человек, почти половина, ponad dwa tysiące; zwei Drittel, deux tiers.")
    for language in LANGUAGES:
        fast, slow = scan_all(_patterns(language), text, 1)
        assert fast == slow
        assert any(found and found[1] is not None for found in fast)  # digits were found
        assert any(found and found[1] is None for found in fast)  # and words
