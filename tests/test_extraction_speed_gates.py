"""Cheap tests that let the extractor skip a regex must never skip a match.

Each gate below is a necessary condition for a pattern to match; these tests
try the pattern where the gate says "no" and check that it indeed fails, and
check the sentence splitter's inlined shortcut against the plain loop.
"""

import re

from hypothesis import given, settings, strategies as st

from checks import numbers
from checks.extraction import MONTH as X_MONTH
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


def _plain_figures_from():
    "_FIGURES_FROM with its first words written as the plain alternation: the reference."
    from checks.extraction import _DATA_PHRASES, _DATA_WORDS, _FIGURES_FROM

    trie = "(?i:" + numbers.phrase_trie(_DATA_PHRASES) + ")"
    assert trie in _FIGURES_FROM.pattern
    return _FIGURES_FROM, re.compile(_FIGURES_FROM.pattern.replace(trie, f"(?i:{_DATA_WORDS}|list|count)"))


SOURCE_PIECES = ["figures", "Figures", "data", "estimate", "estimates", "statistics", "a count",
                 "A  tally", "tallies", "counts", "accounts", "a report", "reports", "records",
                 "numbers", "calculations", "monitoring", "information", "sources", "list",
                 "lists", "count", "countless", " of detainees", " of people held", " from ",
                 " by ", " compiled by ", " published by ", " kept by ", " the ", "Viasna",
                 "the interior ministry", "Poland's border guard", "police", "OVD-Info", ", ",
                 ". ", " ", "\n", "ſources", "\u212aept"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(SOURCE_PIECES), max_size=12))
def test_figures_from_trie_finds_what_the_alternation_finds(pieces):
    text = "".join(pieces)
    fast, plain = _plain_figures_from()
    assert [m.span("name") for m in fast.finditer(text)] == [m.span("name") for m in plain.finditer(text)]
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_figures_from_trie_on_examples():
    fast, plain = _plain_figures_from()
    text = "Figures from Viasna and a count of detainees kept by OVD-Info; accounts by police differ."
    names = [m.group("name") for m in fast.finditer(text)]
    assert names == [m.group("name") for m in plain.finditer(text)]
    assert names[:2] == ["Viasna", "OVD-Info"]


DATE_PIECES = ["as of", "As at", "correct as of", "by the end of", "at the end of", "to the end of",
               "by", "on", "in", "until", "through", "at the start of", "по состоянию на", "на",
               "к", "na dzień", "według stanu na", "Stand:", "am", "au", "le", "к концу",
               "do końca", "bis Ende", "fin", "the beginning of", "the whole of", "early", "mid-",
               "30th of", "1st", "30", "9.", "października", "Październik", "September", "сентября",
               "décembre", "Sept.", "2021", "1999", "2024-05-01", ",", " ", " ", "  ", "\t", "\n",
               "x", "people", "election", "presidential", "vote", "12,000", "-", "–", "12345", ".5"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=16), st.sampled_from([" ", "", "  "]))
def test_dates_scan_from_its_reach_finds_what_a_full_scan_finds(pieces, glue):
    from checks import extraction

    sentence = glue.join(pieces)
    found = extraction._dates(sentence)
    reach, after = extraction._AS_OF_REACH, extraction._AS_OF_AFTER
    try:
        extraction._AS_OF_REACH = extraction._AS_OF_AFTER = 10 ** 9  # scan the whole sentence
        assert found == extraction._dates(sentence)
    finally:
        extraction._AS_OF_REACH, extraction._AS_OF_AFTER = reach, after


def test_dates_reach_example():
    from checks.extraction import _dates

    found = _dates("The centre counted 1,200 people według stanu na 30th of października, 2021.")
    assert [value for _, value, _ in found] == ["2021-10-30"]


POSSESSIVE_PIECES = ["Viasna", "Poland's", "Lithuania’s", "border guard", "the", "The", "UN",
                     "«Вясна»", "“Memorial”", "'s", "’s", " ", "  ", "\t", "latest", "new", "own",
                     "figures", "data", "tally", "count", "counts", "estimate", "list", "records",
                     "listed", "Interior Ministry", ",", ".", "x", "ſources"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(POSSESSIVE_PIECES), max_size=12), st.sampled_from([" ", ""]))
def test_possessive_source_needs_its_tail(pieces, glue):
    from checks.extraction import _POSSESSIVE_SOURCE, _POSSESSIVE_TAIL

    sentence = glue.join(pieces)
    if _POSSESSIVE_TAIL.search(sentence) is None:
        assert _POSSESSIVE_SOURCE.search(sentence) is None


def test_possessive_source_example():
    from checks.extraction import _attributions

    assert _attributions("Viasna's latest tally lists 1,200 political prisoners.") == [(0, "Viasna")]


LEAD_PIECES = ["since", "Since", "began", "begun", "started", "introduced", "created", "founded",
               "established", "ratified", "succeeded", "seized", "inherited", "until", "till", "ſince",
               "İntroduced", "was", "were", "is", "are", "stood at", "stands at", "rose to", "hit",
               "topped", "numbered", "totalled", "came to", "amounted to", "closer to", "of", "for",
               "at", "by", "rose", "fell", "dropped", "estimated", "put", "the", "turnout", "number",
               "prices", "crowd", "a", "it", "has", "had", "now", "already", "\"", "'", "’", "-",
               " ", " ", "  ", "\n", "\u00a0", ",", "x"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(LEAD_PIECES), max_size=12), st.sampled_from([" ", "", "\n"]))
def test_end_anchored_searches_need_their_words(pieces, end):
    from checks.extraction import _LAST_WORDS, _START_BEFORE, _START_CUES, _last_word, _may_contain

    lead = " ".join(pieces) + end
    if not _may_contain(lead, _START_CUES):
        assert _START_BEFORE.search(lead) is None
    for pattern, words in _LAST_WORDS.items():
        if _last_word(lead) not in words:
            assert pattern.search(lead) is None


def test_end_anchored_gates_on_examples():
    from checks.extraction import _LAST_WORDS, _LINK_BEFORE, _last_word, _starts_before

    assert _starts_before("Introduced in ", 0, 14) and not _starts_before("Detained in ", 0, 12)
    lead = "the death toll has now reached "
    assert _last_word(lead) in _LAST_WORDS[_LINK_BEFORE] and _LINK_BEFORE.search(lead)
    assert _last_word("reached") == "" and _last_word("   ") == ""


TAIL_PIECES = ["Viasna", "police", "The group", "the centre", "this organisation", "the NGO", "he",
               "She", "they", "has", "have", "had", "now", "also", "then", "later", "still", "already",
               "again", "itself", "instead", "meanwhile", "separately", "on Monday", "last week",
               "this month", "by contrast", "in a statement", "which counted", "who", "which", ",",
               ";", " ", "  ", "\n", "x", "Group", "watchdog", "rights"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(TAIL_PIECES), max_size=10), st.sampled_from(["", " ", "\n", ", "]))
def test_source_tail_searches_need_their_endings(pieces, end):
    from checks.extraction import _ANAPHOR_END, _ANAPHOR_ENDS, _BEFORE_VERB_FILLER, _FILLER_ENDS

    tail = " ".join(pieces) + end
    if not tail.rstrip().endswith(_FILLER_ENDS):
        assert _BEFORE_VERB_FILLER.search(tail) is None
    stripped = tail.rstrip()
    if not stripped.endswith(_ANAPHOR_ENDS):
        assert _ANAPHOR_END.search(stripped) is None


NAMED_PIECES = ["the number of", "Number", "count", "the total of", "tally", "list", "ranks", "of",
                "political prisoners", "people", "death toll", "civilian death toll", "DEATH", "ſ",
                "\u212a", "stood at", " ", "  ", ",", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAMED_PIECES), max_size=10))
def test_named_before_needs_its_words(pieces):
    from checks.extraction import _NAMED_BEFORE, _NAMED_CUES, _may_contain

    text = " ".join(pieces)
    if not _may_contain(text, _NAMED_CUES):
        assert _NAMED_BEFORE.search(text) is None


MASK_PIECES = ["Article", "article", "ARTICLE", "art.", "No.", "nr", "page", "hotline at", "the age of",
               "listen to this article", "image 3 of", "out of", "May", "Sept.", "sept", "12th", "1st",
               "August", "сентября", "października", "w wieku", "§", "№", "#", "©", "By John Smith,",
               "+375", "(29)", "x=", "http://a/", "people", "were", "detained", "about", "more than",
               "Kelvin\u212a", "ſection", "İtem", "²", "-", "–", ":", ",", ".", " ", "  ", "\t", "\n", "12",
               "361", "x"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(MASK_PIECES), max_size=10), st.sampled_from(["", " ", "  ", "\n"]))
def test_mask_before_needs_a_word_it_knows(pieces, glue):
    from checks.extraction import _MASK_BEFORE, _MASK_WORDS, _WORD_BEHIND

    window = glue.join(pieces)[-40:] + glue
    behind = window[::-1]
    word = _WORD_BEHIND.match(behind).group(1)[::-1]
    if word and word.isascii() and word.lower() not in _MASK_WORDS:
        assert _MASK_BEFORE.match(behind) is None


def test_mask_before_gate_on_examples():
    from checks.extraction import extract_claims

    quotes = [c.quote for c in extract_claims("Under Article 12 of the code, 300 people were held; "
                                              "call the hotline at 555 or see page 4 before 3 May.")]
    assert quotes == ["300"]  # the others follow an identifier's word or come before a month


LOOKBACK_PIECES = ["more than", "MORE THAN", "over", "about", "approx.", "ca.", "some", "between", "from",
                   "several", "a few", "USD", "usd", "Rs.", "Br", "KSh", "US", "около", "ponad", "mehr als",
                   "plus d'", "d’un", "ein", "la", "people", "were", "detained", "ſome", "\u212aSh", "İn",
                   "(", ",", ".", "-", " ", "  ", "\n", "\u00a0", "x"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(LOOKBACK_PIECES), max_size=10), st.sampled_from(["en", "ru", "pl", "de", "fr"]))
def test_lookback_finds_nothing_after_a_word_no_hedge_ends_with(pieces, language):
    from checks.extraction import _WORD_BEHIND, _patterns

    patterns = _patterns(language)
    text = " ".join(pieces) + " "
    for p in range(1, len(text) + 1):
        if not text[p - 1].isspace():
            continue
        behind = text[max(0, p - 60):p][::-1]
        word = _WORD_BEHIND.match(behind).group(1)[::-1]
        if word and word.isascii() and word.lower() not in patterns.lookback_words:
            assert patterns.lookback.match(behind).end() == 0


TERM_PIECES = ["sentenced", "Sentenced", "him", "to", "jailed for", "imprisoned for", "a term of",
               "sentences of", "more than", "ruled", "Belarus", "for", "FOR", "in power", "at the helm of",
               "Maria Kalesnikava,", "then", "at the age of", "aged", "AGE", "ſentenced", "\u212a", "x",
               " ", "  ", "\n", ","]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(TERM_PIECES), max_size=10), st.sampled_from(["", " ", "\n"]))
def test_term_power_and_age_searches_need_their_words(pieces, end):
    from checks.extraction import (_AGE_BEFORE, _AGE_ENDS, _POWER_BEFORE, _SENTENCE_TERM, _TERM_CUES,
                                   _may_contain)

    lead = " ".join(pieces) + end
    if not _may_contain(lead, _TERM_CUES):
        assert _SENTENCE_TERM.search(lead) is None
    if not _may_contain(lead, ("for",)):
        assert _POWER_BEFORE.search(lead) is None
    if not lead.rstrip().lower().endswith(_AGE_ENDS):
        assert _AGE_BEFORE.search(lead) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["from", "From", "against", "compared", "than", "up", "down", "UP", "12",
                                 " ", ";", "x", "in", "2021"]), max_size=10))
def test_other_figure_needs_its_words(pieces):
    from checks.extraction import _OTHER_FIGURE, _OTHER_FIGURE_CUES

    between = " ".join(pieces)
    if not any(cue in between for cue in _OTHER_FIGURE_CUES):
        assert _OTHER_FIGURE.search(between) is None


def _reference_as_of():
    "_AS_OF as it was written with case-insensitive tries: the reference for the cased ones."
    from checks import extraction as X

    pattern = X._AS_OF.pattern
    for phrases, old in (
            (("by the end of", "at the end of", "as of the end of", "to the end of"),
             rf"(?i:{numbers.phrase_trie(('by', 'at', 'as of', 'to'))}\s+the\s+end\s+of)"),
            (X._END_OF_CUES, f"(?i:{numbers.phrase_trie(X._END_OF_CUES)})"),
            (X._AS_OF_CUES, f"(?i:{numbers.phrase_trie(X._AS_OF_CUES)})")):
        new = X._cased_trie(phrases, True)
        assert pattern.count(new) == 1
        pattern = pattern.replace(new, old)
    return re.compile(pattern, X._AS_OF.flags)


def test_case_classes_hold_what_case_insensitive_matching_takes():
    from checks.extraction import (_AS_OF_CUES, _CURRENCY_OF, _DURATION_OF, _END_OF_CUES, _OTHER_UNITS,
                                   _PERCENT_FIRSTS, _SOURCE_HEAD_WORDS, _SOURCE_VERBS, _case_class)

    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    phrases = (_AS_OF_CUES + _END_OF_CUES + ("the end of",) + tuple(_CURRENCY_OF) + tuple(_DURATION_OF)
               + tuple(_OTHER_UNITS) + tuple(_SOURCE_VERBS.split("|")) + _SOURCE_HEAD_WORDS
               + tuple(_PERCENT_FIRSTS) + ("ß",))
    for ch in sorted({c for phrase in phrases for c in phrase.lower()} - {" "}):
        taken = set(re.findall("(?i)" + re.escape(ch), every))
        assert set(re.findall(_case_class(ch), every)) == taken, ch


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES + ["ſince", "İn", "ın", "\u212a", "ᲂ", "BY THE END OF", "Stand:"]),
                max_size=14), st.sampled_from([" ", "", "  "]))
def test_cased_date_cues_find_what_case_insensitive_ones_find(pieces, glue):
    from checks.extraction import _AS_OF

    sentence = glue.join(pieces)
    reference = _reference_as_of()
    assert ([(m.span(), m.groupdict()) for m in _AS_OF.finditer(sentence)]
            == [(m.span(), m.groupdict()) for m in reference.finditer(sentence)])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["said", "SAID", "Says", "ſaid", "reported", "has", "have", "counted",
                                 "recogni\u017fed", "\u212aept", "put", "puts", "Viasna", "police", " ", "  ",
                                 "\n", ",", "x"]), max_size=10))
def test_cased_reporting_verbs_find_what_case_insensitive_ones_find(pieces):
    from checks.extraction import _SOURCE_VERB, _SOURCE_VERBS, _cased_trie

    cased = _cased_trie(_SOURCE_VERBS.split("|"), True)
    assert _SOURCE_VERB.pattern.count(cased) == 1
    reference = re.compile(_SOURCE_VERB.pattern.replace(
        cased, f"(?i:{numbers.phrase_trie(_SOURCE_VERBS.split('|'))})"))
    text = " ".join(pieces)
    assert [m.span() for m in _SOURCE_VERB.finditer(text)] == [m.span() for m in reference.finditer(text)]


# _MASK_AT as first written, one alternative after another: the shared runs of digits
# it is written with now must give the same verdict at every position.
MONTH = X_MONTH
MASK_AT_AS_WRITTEN = re.compile(
    rf"""
      \d{{4}}-\d{{1,2}}-\d{{1,2}}
    | \d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}
    | \d{{1,2}}(?:st|nd|rd|th|\.)?(?:\s*(?:[-–]|to|and|or|до|i|und|et)\s*\d{{1,2}}(?:st|nd|rd|th|\.)?)?\s+(?:of\s+)?{MONTH}
    | \d{{4}}\s*(?:года|году|год|г\.|гг\.|roku|rok|r\.|гадоў|гадзе|года)(?!\w)
    | (?:1[5-9]|20)\d{{2}}\s*[-–/]\s*(?:(?:1[5-9]|20)\d{{2}}|\d{{2}})(?!\d)(?!\s*(?i:per\s?cent|percent|%|people|protesters|prisoners|persons|of))
    | \d{{2,4}}s(?!\w) | \d{{2}}(?=['’]s(?!\w))
    | \d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?|h(?!\w)|Uhr)
    | \d{{1,2}}[:.]\d{{2}}\s*(?:GMT|BST|UTC|CET|CEST|EET|EEST|MSK|ET|PT|EST|PST|local\s+time)(?!\w)
    | \d+(?:[.,]\d+)?\s+times\s+(?:as|more|less|higher|lower|larger|smaller|the|over)(?!\w)
    | \d{{1,2}}:\d{{2}} | \d{{1,2}}\s*(?:[ap]\.m\.|[ap]m(?!\w)) | \d{{1,2}}\s+o'clock | \d{{1,2}}h\d{{2}}
    | \d{{3}}[-.]\d{{3}}[-.]\d{{4}}(?!\d) | \d{{3}}-\d{{2}}-\d{{2}}(?!\d)
    | \d{{1,4}}(?:[\s-]\(?\d{{2,4}}\)?){{2,}}[\s-]\d{{2}}(?!\d)
    | \d+\s*(?:min|minute)s?\s+read | \d+\s*min(?:\.|(?!\w))
    | [\d.,]+k?\s+(?:comments?|shares?|likes?|replies|retweets|views)(?!\w)
    | \d+[a-z]?\s+[A-Z]\w+\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Lane|Square)
    | \d+\.\d+\.\d+ | \d{{1,2}}/\d{{1,2}}(?![\d/])
    | \d{{1,3}}[-\s]years?[-\s]old
    """,
    re.VERBOSE,
)
MASK_PIECES = ["1", "12", "123", "1234", "2019", "1990", "20", "-", "–", "/", ".", ",", ":", " ", "  ", "\n",
               "st", "th", "May", "March", "of ", "to", "and", "года", "г.", "r.", "s", "'s", "’s", "am",
               "p.m.", "h", "Uhr", "GMT", "local time", "times", " as", "min", "minutes", " read", "k",
               "comments", "views", "a", "Main", "Street", "(", ")", "years", "-year-old", " old",
               "o'clock", "per cent", "%", "people", "x", "٣", "ſ", "K"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(MASK_PIECES), max_size=14))
def test_mask_at_gives_the_verdicts_of_its_alternatives_one_by_one(pieces):
    text = "".join(pieces)
    for i in range(len(text)):
        assert bool(_MASK_AT.match(text, i)) == bool(MASK_AT_AS_WRITTEN.match(text, i)), (text, i)


WORD_BEHIND_PIECES = ["than", "of", "Article", "art.", "мая", "więcej", "²", "½", "x1", "_", "-", ",", ".",
                      "(", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "İ", "ſ", "\u212a", "é", "12", "a"]


def word_behind_reference(head):
    from checks.extraction import _WORD_BEHIND

    return _WORD_BEHIND.match(head[::-1]).group(1)[::-1]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(WORD_BEHIND_PIECES), max_size=10))
def test_word_behind_reads_what_the_reversed_regex_reads(pieces):
    from checks.extraction import _word_behind

    head = "".join(pieces)
    for lo in range(len(head) + 1):  # every window start, as a window may cut a word
        assert _word_behind(head[lo:]) == word_behind_reference(head[lo:])


def test_word_behind_on_the_corpora():
    import pathlib

    from checks.extraction import _word_behind

    root = pathlib.Path(__file__).resolve().parent / "corpus" / "extraction" / "src"
    for path in sorted(root.glob("*.txt")):
        text = path.read_text()
        for p in range(1, len(text)):
            if not (text[p - 1].isspace() or text[p].isdecimal()):
                continue  # where a figure or a trigger word starts: what the extractor asks about
            head = text[max(0, p - 60):p]
            assert _word_behind(head) == word_behind_reference(head)


def test_only_space_is_printable_whitespace():
    "_wide_space's shortcut: printable text holds no \\s character but ' '."
    assert [c for c in range(0x110000) if chr(c).isspace() and chr(c).isprintable()] == [ord(" ")]
    assert all(bool(re.match(r"\s", chr(c))) == chr(c).isspace() for c in range(0x110000))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["a", "12", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\x1c", ",", "é"]), max_size=12))
def test_wide_space_finds_what_the_regex_finds(pieces):
    from checks.extraction import _WIDE_SPACE, _wide_space

    text = "".join(pieces)
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            assert _wide_space(text, lo, hi) == bool(_WIDE_SPACE.search(text, lo, hi))
