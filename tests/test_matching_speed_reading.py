"""Shortcuts in reading a claim give what the plain path gives: searches skipped
where their words are missing, a place scan that skips words that cannot matter,
patterns searched only from the letters their matches start with."""

import re

import pytest

from test_matching_speed import corpus_texts as sentences

from checks import lexicon, matching

ODD_CASES = ["İn Poland", "ın Poland", "ACROSS EUROPE", "WıTHIN Belarus", "ſince May", "SİNCE 2020",
             "the NIGHT of the vote", "US-led", "Kremlin-backed troops in Ukraine",
             "a New York-based monitor", "St. Petersburg", "Saint Petersburg, Russia", "Hong Kong",
             "New Delhi", "new delhi-based", "the U.S. and Hong-Kong", "Minsk, who said 30", "Vilnius, which",
             "a new wave of arrests, bringing the total to 157", "Raising Its Death Toll To 96",
             "refugees fleeing Sudan arrived", "were jailed for their views, and 3 were freed",
             "84 remain unaccounted for", "4,000 escaped prisoners are STILL AT LARGE", "have still not been found",
             "12 detained at a vigil", "deported to the US, Mexico and Peru", "were added 5 names and added 12",
             "the Inter-American Commission", "Latin American states", "Central South Sudan",
             "since Beijing imposed the law on Hong Kong"]


def corpus_texts():
    "The sentences of the matching and extraction corpora, with their upper-case forms."
    texts = sentences()
    assert len(texts) > 1000
    return texts + [t.upper() for t in texts[:500]] + ODD_CASES


def plain_place_mentions(text):
    "lexicon.place_mentions as first written: the backer and region tests after every word."
    found = []
    previous = None
    for m in lexicon._TOKEN.finditer(text or ""):
        raw = m.group().rstrip(".")
        token = raw.lower()
        pair = lexicon._MULTIWORD.get(previous[1] + " " + token) if previous is not None else None
        if lexicon._BACKER.match(text, m.end()) or (
                pair is None and lexicon._REGION_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            previous = None
            continue
        if pair:
            found.append((previous[0], pair))
            previous = None
            continue
        if raw in ("US", "U.S"):
            found.append((m.start(), "United States"))
        elif token in lexicon.PLACE_OF:
            found.append((m.start(), lexicon.PLACE_OF[token]))
        previous = (m.start(), token)
    return found


def test_place_mentions_are_those_of_the_plain_scan():
    assert lexicon.place_mentions("a New York-based monitor, Kremlin-backed troops in Ukraine") == [(51, "Ukraine")]
    assert lexicon.place_mentions("St. Petersburg and New Delhi") == [(0, "Russia"), (19, "India")]
    texts = corpus_texts()
    assert sum(bool(plain_place_mentions(text)) for text in texts) > 500
    for text in texts:
        assert lexicon.place_mentions(text) == plain_place_mentions(text), text


SEARCHED_FROM = [lexicon._LOCATIVE, lexicon._INTERVAL, lexicon._CUMULATIVE, lexicon._ORIGIN_BEFORE,
                 lexicon._WEEKDAY_EVENT, lexicon._SAID_BEFORE, matching._OWN_CLAUSE, matching._TOTAL_TO,
                 matching._SINCE_ANCHOR, matching._HELD_FOR_VIEWS, matching._BY_AGENT, matching._STOCK,
                 matching._TAKEN_IN, matching._AFTER_VOTE, matching._IN_YEAR, matching._THIS_YEAR,
                 matching._STILL_GONE, matching._RATE, matching._FROM_PLACE, matching._MOVERS,
                 matching._AT_OCCASION, matching._ADDED_BEFORE]


def split_searched_from(pattern):
    "(letters, plain pattern) of a lexicon.searched_from pattern."
    m = re.fullmatch(r"\(\?=\[(.+?)\]\)\(\?:(.*)\)", pattern.pattern, re.DOTALL)
    assert m, pattern.pattern
    return m.group(1), re.compile(m.group(2), pattern.flags)


def first_characters(parsed, fold=str.lower):
    """The characters (folded: lower-cased for a pattern that ignores case; "\\d" for
    any digit) a parsed pattern's matches may start with, read from its parse tree;
    None where that is not a plain set."""
    from re import _constants as sre, _parser  # noqa: F401  (the parse tree's node kinds)

    out = set()
    for op, av in parsed.data:
        if op is sre.AT:
            continue  # \b: takes no character
        if op is sre.LITERAL:
            return out | {fold(chr(av))}
        if op is sre.BRANCH:
            for branch in av[1]:
                first = first_characters(branch, fold)
                if first is None:
                    return None
                out |= first
            return out
        if op is sre.SUBPATTERN:
            first = first_characters(av[3], fold)
            return None if first is None else out | first
        if op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL:
                    out.add(fold(chr(value)))
                elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                    out.add("\\d")
                else:
                    return None
            return out
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            first = first_characters(av[2], fold)
            if first is None:
                return None
            out |= first
            if av[0]:
                return out
            continue  # optional: what follows may start the match too
        return None
    return None  # may match nothing


@pytest.mark.parametrize("pattern", SEARCHED_FROM, ids=lambda p: p.pattern[:40])
def test_a_pattern_searched_from_its_first_letters_finds_what_the_plain_pattern_finds(pattern):
    from re import _parser

    letters, plain = split_searched_from(pattern)
    fold = str.lower if plain.flags & re.IGNORECASE else str
    first = first_characters(_parser.parse(plain.pattern, plain.flags), fold)
    assert first and first <= set(letters) | ({"\\d"} if "\\d" in letters else set()), (first, letters)
    found = 0
    for text in corpus_texts():
        whole = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert whole == [(m.span(), m.groups()) for m in plain.finditer(text)], text
        found += len(whole)
        figures = {m.start() for m in re.finditer(r"\d+", text)}
        for end in sorted(figures | set(range(len(text), 0, -3))):  # searched in part: before a figure
            hit, plain_hit = pattern.search(text, max(0, end - 60), end), plain.search(text, max(0, end - 60), end)
            assert (hit and (hit.span(), hit.groups())) == (plain_hit and (plain_hit.span(), plain_hit.groups()))
            found += hit is not None
    assert found > 5


def test_a_superlative_is_rewritten_only_where_its_word_is():
    for text in corpus_texts() + ["the busiest day so far", "its DEADLIEST week"]:
        if lexicon.SUPERLATIVE_SPAN.search(text):
            assert lexicon.contains_any(text.lower(), lexicon.SUPERLATIVE_WORDS), text
    assert lexicon.period_kind("Police detained 500 on the busiest day so far") == "interval"


def test_since_is_read_only_where_the_sentence_can_say_since():
    texts = corpus_texts()
    day = matching.day_number("2024-05-20")
    read = 0
    for text in texts:
        for m in matching._FIGURE.finditer(text):
            expected = matching.since_start(matching._since_text(text, m.start(), m.end()), day)
            assert matching._since_of(text, m.start(), m.end(), day) == expected, text
            read += expected != 0
        assert matching._since_of(text, -1, -1, day) == matching.since_start(text, day)
    assert read > 50
    assert matching._since_of("ſince May, 30 were held", 11, 13, day) > 1  # not ASCII: read


def test_a_night_is_named_wherever_the_subject_words_say_overnight():
    texts = corpus_texts() + [phrase.title() for phrase in lexicon.PHRASES] + ["Overnights", "overnight-related"]
    assert sum(matching._OVERNIGHT in lexicon.subject_terms(text) for text in texts) > 10
    for text in texts:
        if matching._OVERNIGHT in lexicon.subject_terms(text):
            assert lexicon.may_hold(text, matching._NIGHT_WORDS), text


def test_a_relative_clause_is_searched_for_only_where_who_or_which_is_written():
    texts = corpus_texts()
    assert sum(bool(matching._RELATIVE_BEFORE.search(text)) for text in texts) > 5
    for text in texts:
        for end in range(0, len(text) + 1, 5):
            if matching._RELATIVE_BEFORE.search(text, 0, end):
                assert lexicon.contains_any(text[:end], matching._RELATIVE_WORDS), text
