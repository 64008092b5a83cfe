"""Shortcuts for searches that tried every start position give what those searches gave.

- ``_word_before`` reads the word before a figure backwards from its end, where the
  search for ``([a-z]+)\\s+(?:(?:more|than|…)\\s+)*$`` (or ``([a-z]+)\\s+$``) tried
  every position of the window;
- ``_sentence_ends`` finds the characters a sentence end starts with by ``str.find``
  and matches ``_SENTENCE_END`` there, where ``finditer`` scanned every character;
- ``_Sentences`` starts its scan afresh at a sentence end found backwards from a
  claim, where it scanned every sentence before it;
- ``_according_to`` matches ``_ACCORDING_TO`` only where "according", "citing" or
  "cited" starts, where ``finditer`` tried every position;
- ``_as_of_matches`` matches ``_AS_OF`` only where a date cue and a space start,
  where ``finditer`` tried every position;
- tries whose first letter's cases are branches of their own (``split_first``) match
  what the tries with a class of cases there match.
"""

import json
import pathlib
import re

from hypothesis import given, settings, strategies as st

from checks import extraction as X, numbers

ROOT = pathlib.Path(__file__).resolve().parent.parent

VERB_BEFORE = re.compile(r"([a-z]+)\s+(?:(?:more|than|about|at|least|some|nearly|almost|over|around|"
                         r"up|to|only|another|a|further|roughly|approximately|fewer|less)\s+)*$")
WORD_BEFORE = re.compile(r"([a-z]+)\s+$")

# Words the skips hold, near misses, cut and capitalised words, and what may sit between.
WORD_PIECES = ["detained", "released", "more", "than", "about", "at", "least", "a", "an", "another",
               "up", "to", "Police", "police", "DETAINED", "détenu", "abouts", "x", "27", "1,200",
               " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\x1c", ",", "-", "(", "é", "ß", "_", "a1"]


def reference(pattern, text, lo, hi):
    m = pattern.search(text, lo, hi)
    return m.group(1) if m else None


def same_words_before(text):
    for hi in range(len(text) + 1):
        for lo in {max(0, hi - 30), 0, max(0, hi - 7)}:
            assert X._word_before(text, lo, hi, X._VERB_BEFORE_SKIPS) == reference(VERB_BEFORE, text, lo, hi)
            assert X._word_before(text, lo, hi) == reference(WORD_BEFORE, text, lo, hi)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=12))
def test_word_before_reads_what_the_search_finds(pieces):
    same_words_before("".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Z\t\n\u00a0é1-"), max_size=40))
def test_word_before_on_arbitrary_text(text):
    same_words_before(text)


def test_word_before_in_news_text():
    text = ("Police detained more than 27 people; officers released about 40 of them, "
            "and Detained at least 5. The court jailed up to 12, Police\u00a0held 3.")
    same_words_before(text)
    assert X._word_before(text, 0, text.index("27"), X._VERB_BEFORE_SKIPS) == "detained"
    assert X._word_before(text, 0, text.index("5."), X._VERB_BEFORE_SKIPS) == "etained"


# --- sentence ends -------------------------------------------------------------

END_PIECES = ["Word", "word", "U.S.", "Mr.", "1.5", "2024", ".", "..", "!", "?", "…", "?!", "\n", "\n\n",
              " ", "  ", "\t", "\u00a0", "\"", "”", "’", "»", ")", "]", "«", "(", "“", "A", "É", "Ж", "7"]


def same_sentence_ends(text, start=0):
    expected = [m.span() for m in X._SENTENCE_END.finditer(text, start)]
    assert [m.span() for m in X._sentence_ends(text, start)] == expected, text
    held = "".join(ch for ch in "!?…" if ch in text)  # as _Sentences passes them
    assert [m.span() for m in X._sentence_ends(text, start, held)] == expected, text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(END_PIECES), max_size=25), st.data())
def test_sentence_ends_found_as_finditer_finds_them(pieces, data):
    text = "".join(pieces)
    same_sentence_ends(text, data.draw(st.integers(0, len(text))))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_sentence_ends_on_arbitrary_unicode(text):
    same_sentence_ends(text)


def test_sentence_ends_on_corpus():
    texts = []
    for path in sorted((ROOT / "tests/corpus/extraction").glob("*.jsonl")):
        texts += [json.loads(row)["text"] for row in path.read_text(encoding="utf-8").splitlines()]
    for text in texts:
        same_sentence_ends(text)
    assert len(texts) > 50


class ForwardSentences(X._Sentences):
    "Sentences found by scanning every one in turn, as before the scan could skip."

    def _skip_to(self, pos):
        pass


def same_sentence_spans(text, positions):
    skipping, forward = X._Sentences(text), ForwardSentences(text)
    for pos in sorted(positions):
        assert skipping.span(pos) == forward.span(pos), (text, pos)


SENTENCE_PIECES = END_PIECES + [" 12 people", " Mr. Smith", "...", ". ", ".\n", "\n ", " \n", ".)", " x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=30), st.data())
def test_sentence_spans_same_when_the_scan_skips(pieces, data):
    text = "".join(pieces)
    positions = data.draw(st.lists(st.integers(0, max(0, len(text) - 1)), max_size=8))
    same_sentence_spans(text, positions)


def test_sentence_scan_skips_only_to_ends_it_would_find():
    # the second full stop is taken in by the match at the first, an abbreviation's
    text = "It rained. Talks with Mr.. Smith ended. Then 12 people came.\n\n 5 more left."
    same_sentence_spans(text, [text.index("Smith"), text.index("12")])
    same_sentence_spans(text, [text.index("5")])
    assert X._Sentences(text).span(text.index("Smith")) == (text.index("Talks"), text.index(" Then"))


def test_sentence_spans_same_when_the_scan_skips_on_corpus():
    for path in sorted((ROOT / "tests/corpus/extraction").glob("*.jsonl")):
        for row in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(row)["text"]
            digits = [i for i, ch in enumerate(text) if ch.isdigit()]  # where claims start, mostly
            same_sentence_spans(text, digits[::3])
            same_sentence_spans(text, range(0, len(text), 97))


# --- tries with a branch per case of a first letter ---------------------------

PHRASE_SETS = {  # the tries written so
    "source verbs": X._SOURCE_VERBS.split("|"),
    "as-of cues": X._AS_OF_CUES, "end-of cues": X._END_OF_CUES,
    "end-of phrases": ("by the end of", "at the end of", "as of the end of", "to the end of"),
}


def variants(phrase):
    "The phrase in other cases, cut short, run on, and with odd case-folding letters."
    yield from (phrase, phrase.upper(), phrase.title(), phrase.swapcase(), phrase[:-1], phrase + "s",
                phrase + " x", phrase.replace("i", "\u0130").replace("s", "\u017f").replace("k", "\u212a"),
                phrase.replace(" ", "  "), "x" + phrase)


def test_split_first_tries_match_what_class_tries_match():
    for name, phrases in PHRASE_SETS.items():
        plain = re.compile(f"(?:{X._cased_trie(phrases)})")
        split = re.compile(f"(?:{X._cased_trie(phrases, True)})")
        assert split.pattern != plain.pattern
        for phrase in phrases:
            for text in variants(phrase):
                found, expected = split.match(text), plain.match(text)
                assert (found and found.span()) == (expected and expected.span()), (name, text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(PHRASE_SETS)), st.text(alphabet="aAdDsSıİſkKkmMyY ", max_size=12))
def test_split_first_tries_on_arbitrary_text(name, text):
    phrases = PHRASE_SETS[name]
    expected = re.compile(f"(?:{X._cased_trie(phrases)})").match(text)
    found = re.compile(f"(?:{X._cased_trie(phrases, True)})").match(text)
    assert (found and found.span()) == (expected and expected.span())


def test_split_first_trigger_words_match_what_class_ones_match():
    words = set(numbers.NUMBER_WORDS["en"]) | set(numbers.EN_ORDINALS) | {"a dozen", "half", "no"}
    plain, split = re.compile(f"(?:{X._trie(words)})"), re.compile(f"(?:{X._trie(words, True)})")
    for word in words:
        for text in variants(word):
            found, expected = split.match(text), plain.match(text)
            assert (found and found.span()) == (expected and expected.span()), text


def test_case_sensitive_first_letters_in_case_insensitive_tries():
    "The claim regex's tries start with a class of cases, matched as the letter was."
    sets = {"hedges": X._patterns("en").hedges, "vague": numbers.VAGUE_PHRASES, "fractions": numbers.FRACTIONS,
            "ordinals": numbers.EN_ORDINALS, "count nouns": X._COUNT_NOUNS}
    for name, phrases in sets.items():
        plain = re.compile(f"(?:{numbers.phrase_trie(phrases)})", re.I)
        first = re.compile(f"(?:{numbers.phrase_trie(phrases, first=X._case_sensitive_class)})", re.I)
        assert first.pattern != plain.pattern
        for phrase in phrases:
            for text in variants(phrase):
                found, expected = first.match(text), plain.match(text)
                assert (found and found.span()) == (expected and expected.span()), (name, text)


# --- "according to" only where its words are -------------------------------------

ACCORDING_PIECES = ["according to", "According  to", "ACCORDING TO", "citing", "Citing", "cited by", ", cited by",
                    "cıtıng", "cİting", "accordingly", "Viasna", "the", "interior ministry", "police", "figures",
                    "from", "OVD-Info", "«Вясна»", " ", ", ", "\n", "x", "İ"]


def same_according(sentence):
    found = [(m.span(), m.groupdict()) for m in X._according_to(sentence, sentence.lower())]
    assert found == [(m.span(), m.groupdict()) for m in X._ACCORDING_TO.finditer(sentence)], sentence


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ACCORDING_PIECES), max_size=10), st.sampled_from([" ", ""]))
def test_according_to_found_where_its_words_are(pieces, glue):
    same_according(glue.join(pieces))


def test_according_to_on_corpus():
    for path in sorted((ROOT / "tests/corpus/extraction").glob("*.jsonl")):
        for row in path.read_text(encoding="utf-8").splitlines():
            for sentence in re.split(r"(?<=[.!?])\s+", json.loads(row)["text"]):
                same_according(sentence)


# --- date cues only where a cue starts --------------------------------------------

AS_OF_PIECES = [
    "as of", "As  of", "correct as of", "by the end of", "At the end of", "to the end of", "on", "occasion",
    "in", "IN", "until", "through", "during", "the", "early", "mid-", "the whole of", "по состоянию на",
    "к концу", "на", "na dzień", "według stanu na", "Stand:", "bis Ende", "fin", "am", "au", "le", "May",
    "mai", "Sept.", "March", "марта", "1", "9th", "31", "2020", "1999", "2024-05-01", "12345", "election",
    "presidential", ",", ".", " ", "  ", "\n", "\t", "x", "İn", "ıN", "ſtand", "\u212a",
]


def same_as_of(sentence, start=0, end=None):
    end = len(sentence) if end is None else end
    found = [(m.span(), m.groupdict()) for m in X._as_of_matches(sentence, start, end)]
    assert found == [(m.span(), m.groupdict()) for m in X._AS_OF.finditer(sentence, start, end)], sentence
    return len(found)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(AS_OF_PIECES), max_size=12), st.sampled_from([" ", ""]), st.data())
def test_as_of_found_where_its_cues_are(pieces, glue, data):
    sentence = glue.join(pieces)
    start = data.draw(st.integers(0, len(sentence)))
    same_as_of(sentence, start, data.draw(st.integers(start, len(sentence))))


def test_as_of_on_corpus():
    found = 0
    for path in sorted((ROOT / "tests/corpus/extraction").glob("*.jsonl")):
        for row in path.read_text(encoding="utf-8").splitlines():
            sentences = re.split(r"(?<=[.!?])\s+", json.loads(row)["text"])
            found += sum(map(same_as_of, sentences))
    assert found > 20  # dates were found


def full_scan_dates(sentence):
    "_dates(sentence) as it was, with _AS_OF found by finditer over the whole sentence."
    saved = X._as_of_matches
    X._as_of_matches = lambda text, start, end, cues_end=None: X._AS_OF.finditer(text, 0, len(text))
    try:
        return X._dates(sentence)
    finally:
        X._as_of_matches = saved


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(AS_OF_PIECES), max_size=14), st.sampled_from([" ", ""]))
def test_dates_scan_for_cues_stops_before_the_last_year(pieces, glue):
    # the window (_AS_OF_REACH, _AS_OF_AFTER) and the stop before the last year's digits
    # find every date that a scan of the whole sentence finds
    sentence = glue.join(pieces)
    assert X._dates(sentence) == full_scan_dates(sentence)


def test_dates_right_before_the_last_year_are_found():
    for sentence in ("in 2020", "x in 2020", "As of 1 May 2023, 1,453 were held", "by the end of 2021.",
                     "na dzień 2024-05-01", "Stand: 2022", "12345 in 2020", "in 2019 and in 2020 12345"):
        assert X._dates(sentence) and X._dates(sentence) == full_scan_dates(sentence), sentence


CONTRAST_PIECES = [";", ",", " ", "  ", "\n", "but", "But", "whereas", "while", "whilst", "butter", "a", "said",
                   "the group", "1,200", "\u00a0", "\t"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CONTRAST_PIECES), max_size=12), st.data())
def test_contrast_searched_only_where_its_words_are(pieces, data):
    sentence = "".join(pieces)
    lo = data.draw(st.integers(0, len(sentence)))
    hi = data.draw(st.integers(lo, len(sentence)))
    assert X._contrast_between(sentence, lo, hi) == bool(X._CONTRAST.search(sentence, lo, hi))
