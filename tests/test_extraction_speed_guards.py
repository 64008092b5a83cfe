"""Guards that let a regex rule a position out at once must never change a match.

Each shortcut below is checked against the pattern as it was written before it:
- searches that start at a digit look for ``[0-9\\x80-…](?<=\\d)`` (a bitmap test) rather
  than ``\\d`` (Unicode categories);
- the claim regex skips its letter-only alternatives at an ASCII digit (``(?![0-9])``)
  and its percent words where none of their first letters is (``_PERCENT_FIRST``);
- the heads of unnamed sources (``_SOURCE_HEAD_WORDS``) are a trie of case classes
  rather than a case-insensitive alternation.
"""

import json
import pathlib
import re

from hypothesis import given, settings, strategies as st

from checks import extraction as X

ROOT = pathlib.Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "ru", "be", "uk", "pl", "de", "fr"]


def corpus_texts():
    "(text, language) of the development corpus."
    for path in sorted((ROOT / "tests/corpus/extraction").glob("*.jsonl")):
        if "heldout" in path.name:
            continue
        for row in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(row)
            yield item["text"], item.get("language") or "en"


# --- searches that start at a digit ------------------------------------------

DIGIT_SEARCHES = (
    (X._YEAR, r"\d{4}"),
    (X._DIGIT_RUN_4, r"\d{4,}"),
)
DIGIT_PIECES = ["2020", "12", "1", "٣", "٢٠٢٠", "²", "½", "①", "x", "é", "я", ".", ". ", "Tusk",
                "MB", " kb", "Gb", " ", "\n", "-", ",", "\u0660\u0661", "\U0001d7ce"]


def same_digit_searches(text):
    for new, old in DIGIT_SEARCHES:
        reference = re.compile(old)
        for pos in range(len(text) + 1):
            assert ([m.span() for m in new.finditer(text, pos)]
                    == [m.span() for m in reference.finditer(text, pos)]), (new.pattern, text, pos)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DIGIT_PIECES), max_size=12))
def test_digit_first_searches_find_what_plain_digit_ones_find(pieces):
    same_digit_searches("".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_digit_first_searches_on_arbitrary_unicode(text):
    same_digit_searches(text)


def test_digit_first_searches_on_corpus():
    for text, _ in corpus_texts():
        for new, old in DIGIT_SEARCHES:
            assert ([m.span() for m in new.finditer(text)]
                    == [m.span() for m in re.finditer(old, text)]), new.pattern


# --- the claim regex's guards --------------------------------------------------

def as_written_before(patterns, pattern):
    "The claim regex as written before its guards: the reference."
    text = pattern.pattern
    assert text.count("(?![0-9])") == 4 and text.count(X._PERCENT_FIRST) == 1
    return re.compile(text.replace("(?![0-9])", "").replace(X._PERCENT_FIRST, ""), pattern.flags)


REFERENCES = {}


def claim_patterns(language):
    "(guarded, reference) for the claim regex and its single-figure fallback."
    if language not in REFERENCES:
        patterns = X._patterns(language)
        REFERENCES[language] = [(p, as_written_before(patterns, p)) for p in (patterns.claim, patterns.single)]
    return REFERENCES[language]


def same_claims(text, language, positions=None):
    for new, old in claim_patterns(language):
        for pos in positions if positions is not None else range(len(text) + 1):
            a, b = new.match(text, pos), old.match(text, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, pos)


CLAIM_PIECES = ["12", "1,500", "3.5", "2020", "5th", "two", "no", "twice", "half", "a third",
                "between", "and", "from", "to", "more than", "up to", "dozens", "a dozen", "%",
                " percent", "per cent", "pct", "pc", "PERCENT", "Prozent", "procent", "proc.",
                "pour cent", "процентов", "працэнтаў", "відсотків", "ВІДСОТКІВ", "\u1c80ідсотків",
                "$", "€", "US$", "bn", " million", " years", "-year", " dollars", " km", " people",
                " protesters", " ", "  ", "\n", "-", ",", ".", "(", "+", "٣", "x", "é", "ſ",
                "\u212a", "İ", "около", "ponad", "mehr als", "plus de", "одна", "zwei", "deux",
                "MORE THAN", "ſome", "About", "approx.", "ca.", "Около", "ПОЧТИ", "Ponad", "co najmniej",
                "Dutzende", "Hunderte", "dizaines", "tens of thousands", "Tens Of Thousands", "one-third",
                "two thirds", "Fifth", "FIRST", "third", "term", " political", " prisoners", "No",
                "ıt least", "almoſt", "dreißig", "DREI\u1e9eIG", "Dreissig"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CLAIM_PIECES), max_size=10), st.sampled_from(LANGUAGES))
def test_guarded_claim_regex_matches_what_the_plain_one_does(pieces, language):
    same_claims("".join(pieces), language)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30), st.sampled_from(LANGUAGES))
def test_guarded_claim_regex_on_arbitrary_unicode(text, language):
    same_claims(text, language)


def test_guarded_claim_regex_on_corpus():
    for text, language in corpus_texts():
        # every position where a character that can start a claim is (the rest fail at once)
        positions = [i for i, ch in enumerate(text) if not ch.isspace()]
        same_claims(text, language, positions)


# --- heads of unnamed sources ---------------------------------------------------

_OLD_SOURCE_HEAD = (
    r"(?i:ministry|minister|commission|committee|guards?|officials|authorities|monitors|"
    r"observers|researchers|sociologists|organi[sz]ers|prosecutors|police|"
    r"investigators|defenders|television|media|government|court|office|service|"
    r"agency|watchdog|pollster|airline|mission|groups|junta|army|military|unions?|lawyers|"
    r"diplomats|analysts|economists|campaigners|activists|bloggers|journalists|official|agencies|"
    r"spokes(?:man|woman|person)|ombuds(?:man|person)|mayor|governor|coroner|hospitals?|"
    r"rescuers|paramedics|sources|family|platform|command|prosecutor|president|council|"
    r"department|directorate|bureau|association|commissioner|rapporteur|chief|judiciary|presidency|embassy)")
SOURCE_PATTERNS = (X._SOURCE_NP_END, X._ACCORDING_TO)


def test_source_head_words_are_the_old_alternation():
    old = re.compile(_OLD_SOURCE_HEAD)
    assert all(old.fullmatch(word) for word in X._SOURCE_HEAD_WORDS)
    spelled = {"guards?": 2, "organi[sz]ers": 2, "unions?": 2, "spokes(?:man|woman|person)": 3,
               "ombuds(?:man|person)": 2, "hospitals?": 2}
    alternatives = re.split(r"\|(?![^(]*\))", _OLD_SOURCE_HEAD[4:-1])
    assert len(X._SOURCE_HEAD_WORDS) == sum(spelled.get(a, 1) for a in alternatives)


def same_sources(text):
    for pattern in SOURCE_PATTERNS:
        assert pattern.pattern.count(X._SOURCE_HEAD_TRIE) >= 1
        reference = re.compile(pattern.pattern.replace(X._SOURCE_HEAD_TRIE, _OLD_SOURCE_HEAD),
                               pattern.flags)
        found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in reference.finditer(text)], text
        a, b = pattern.search(text), reference.search(text)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), text


SOURCE_PIECES = ["according to", "the", "The", "interior", "ministry", "Ministry", "MINISTRY",
                 "minister", "border", "guard", "guards", "Guards", "organisers", "organizers",
                 "ORGANIZERS", "union", "unions", "spokesman", "Spokeswoman", "spokesperson",
                 "spokes", "official", "officials", "Officials", "in", "Minsk", "UN", "refugee",
                 "agency", "agencies", "Poland's", "Viasna", "said", "police", "\u017fervice",
                 "\u212aunta", "mİnistry", "offıcials", " ", "  ", ",", ".", ";", "(", "-", "x", "s",
                 "ombudsman", "Ombudsperson", "hospital", "hospitals", "coroner's", "family", "sources",
                 "joint", "command", "Association", "of", "Journalists", "chief", "prosecutor"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SOURCE_PIECES), max_size=10), st.sampled_from([" ", ""]))
def test_source_head_trie_finds_what_the_alternation_finds(pieces, glue):
    same_sources(glue.join(pieces))


def test_source_head_trie_on_corpus_sentences():
    for text, _ in corpus_texts():
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            same_sources(sentence)
            same_sources(sentence[-120:])  # a tail before a reporting verb, as _source_before cuts it


# --- the source search in two steps ---------------------------------------------
# (the second step starts after the last , ; : or ( when the tail holds no quotes)

def same_source_np(tail):
    a, b = X._source_np_end(tail), X._SOURCE_NP_END.search(tail)
    assert (a and (a.span("name"), a.groupdict())) == (b and (b.span("name"), b.groupdict())), tail


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SOURCE_PIECES + ["(", ":", "\t", "\n", "«Viasna»", "Human Rights Centre",
                                                 "“Viasna, Minsk”", "„Memorial: Moscow“", '"Spring (96)"',
                                                 "«Right; to»", "“", "«", '"']),
                max_size=10), st.sampled_from([" ", "", ", "]))
def test_source_search_in_two_steps_finds_the_same_name(pieces, glue):
    same_source_np(glue.join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_source_search_in_two_steps_on_arbitrary_unicode(tail):
    same_source_np(tail)


def test_source_search_in_two_steps_on_corpus_tails():
    for text, _ in corpus_texts():
        for end in range(0, len(text), 7):  # tails ending anywhere, as before a reporting verb
            same_source_np(text[max(0, end - 120):end].rstrip())


# --- the trigger's first character ----------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3), st.sampled_from(LANGUAGES))
def test_trigger_starts_only_with_a_digit_or_its_first_characters(text, language):
    patterns = X._patterns(language)
    for pos in range(len(text) + 1):
        if patterns.trigger.match(text, pos):
            assert text[pos].isdecimal() or text[pos] in patterns.trigger_firsts


def test_trigger_first_characters_on_corpus():
    for text, language in corpus_texts():
        patterns = X._patterns(language)
        for pos in range(len(text)):
            if patterns.trigger.match(text, pos):
                assert text[pos].isdecimal() or text[pos] in patterns.trigger_firsts


# --- small shortcuts ------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["http://x.org/", "www.", "@", "#", "a", " ", "\n", "5", "12", "/", ":"]),
                max_size=10))
def test_url_token_needs_one_of_its_cues(pieces):
    text = "".join(pieces)
    for end in range(len(text)):
        for start in range(end + 1):
            if not any(cue in text[start:end + 1] for cue in X._URL_CUES):
                assert X._URL_TOKEN.match(text, start, end + 1) is None


def test_days_in_a_month_as_the_calendar_counts_them():
    import calendar

    for year in range(0, 10000):
        for month in range(1, 13):
            assert X._days_in(year, month) == calendar.monthrange(year, month)[1]
    for month in (0, 13):
        try:
            X._days_in(2020, month)
        except ValueError:
            continue
        raise AssertionError(month)


def test_date_cue_first_letters_are_what_case_insensitive_matching_takes():
    first = {w[0].lower() for w in X._AS_OF_CUES + X._END_OF_CUES + ("to",)}
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    assert (re.findall(f"[{X._AS_OF_FIRST}]", every)
            == re.findall("(?i:[" + "".join(sorted(first)) + "])", every))
