"""Cheap tests that let the extractor skip a regex must never skip a match.

Each gate below is a necessary condition for a pattern to match; these tests
try the pattern where the gate says "no" and check that it indeed fails, and
check the sentence splitter's inlined shortcut against the plain loop.
"""

from hypothesis import given, settings, strategies as st

from checks import numbers
from checks.extraction import (_ABBREVIATIONS, _HALF, _MASK_AT, _SENTENCE_END, _Sentences,
                               _is_abbreviation)

PIECES = ["9", "12", "2020", "1990s", "10:30", "3.5", ",", ".", " ", "\n", "-", "–", "/", "am",
          "pm", "August", "März", "мая", "years old", "times more", "comments", "k", "min read",
          "Street", "a", "A", "x", "٣", "²", "½", "and a half", "HALF", "half", "dozen",
          "Dozen", "a dozen", "DOZEN", "ſ", "\u212a", "ı", "İ", "Mr", "U.S", "Dr", "e.g",
          "!", "?", "…", "\"", "”", ")", "'", "Tusk", "The", "was", "approx", "Jan", "ul"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_mask_at_starts_with_a_digit_dot_or_comma(pieces):
    text = "".join(pieces)
    for i in range(len(text)):
        if not (text[i].isdecimal() or text[i] in ".,"):
            assert _MASK_AT.match(text, i) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_mask_at_gate_on_arbitrary_unicode(text):
    for i in range(len(text)):
        if not (text[i].isdecimal() or text[i] in ".,"):
            assert _MASK_AT.match(text, i) is None


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10))
def test_half_and_dozen_need_their_words(pieces):
    text = "".join(pieces)
    if not ("½" in text or "half" in text.lower()):
        assert _HALF.search(text) is None
    if "dozen" not in text.lower():
        assert numbers._DOZEN.fullmatch(text) is None


def plain_spans(text, positions):
    "Sentence spans the way the splitter read them before its shortcut: a reference."
    boundaries = _SENTENCE_END.finditer(text)

    def advance():
        for m in boundaries:
            if m.group()[0] == "\n":
                return (m.start(), m.end())
            if m.group()[0] == "." and _is_abbreviation(text, m.start()):
                continue
            return (m.end(), m.end())
        return (len(text), len(text))

    start, next_end, spans = 0, advance(), []
    for pos in positions:
        while pos >= next_end[1] and next_end[1] < len(text):
            start, next_end = next_end[1], advance()
        spans.append((start, next_end[0]))
    return spans


WORDS = sorted(_ABBREVIATIONS)[:40] + ["Lukashenko", "protesters", "international", "A", "B",
                                       "said", "Viasna", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from([". ", ".", "! ", "\n", " ",
                                                                   "? ", "1", "\" "])),
                max_size=40), st.data())
def test_sentence_spans_match_the_plain_loop(pieces, data):
    text = "".join(pieces)
    if not text:
        return
    positions = sorted(data.draw(st.lists(st.integers(0, len(text) - 1), max_size=8)))
    sentences = _Sentences(text)
    fast = []
    for pos in positions:
        sentences.span(pos)
        fast.append((sentences.start, sentences.next_end[0]))
    assert fast == plain_spans(text, positions)


def test_long_words_before_a_dot_are_never_abbreviations():
    "The shortcut in the splitter: a word longer than any abbreviation ends a sentence."
    longest = max(map(len, _ABBREVIATIONS))
    text = "x" * (longest + 3) + ". Next"
    assert not _is_abbreviation(text, longest + 3)
    assert _is_abbreviation("Mr. Tusk", 2)  # a short one still is
