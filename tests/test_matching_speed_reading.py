"""Shortcuts in reading a claim give what the plain path gives: searches skipped
where their words are missing, a place scan that skips words that cannot matter,
a preposition search that passes other letters at once."""

import json
import pathlib
import re

from checks import lexicon, matching

ODD_CASES = ["İn Poland", "ın Poland", "ACROSS EUROPE", "WıTHIN Belarus", "ſince May", "SİNCE 2020",
             "the NIGHT of the vote", "US-led", "Kremlin-backed troops in Ukraine",
             "a New York-based monitor", "St. Petersburg", "Saint Petersburg, Russia", "Hong Kong",
             "New Delhi", "new delhi-based", "the U.S. and Hong-Kong", "Minsk, who said 30", "Vilnius, which"]


def corpus_texts():
    "The sentences of the matching and extraction corpora, with their upper-case forms."
    root = pathlib.Path(__file__).parent / "corpus"
    texts = []
    for path in [root / "matching" / "documents.jsonl", *sorted((root / "extraction").glob("*.jsonl"))]:
        if "heldout" in path.name:
            continue
        for line in path.open(encoding="utf-8"):
            if line.strip():
                text = json.loads(line).get("text") or ""
                texts.extend(part for part in text.replace("\n", ". ").split(". ") if part)
    assert len(texts) > 1000
    return texts + [t.upper() for t in texts[:500]] + ODD_CASES


def plain_place_mentions(text):
    "lexicon.place_mentions as first written: the backer test after every word."
    found = []
    previous = None
    for m in lexicon._TOKEN.finditer(text or ""):
        raw = m.group().rstrip(".")
        token = raw.lower()
        if lexicon._BACKER.match(text, m.end()):
            previous = None
            continue
        if previous is not None:
            pair = lexicon._MULTIWORD.get(previous[1] + " " + token)
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


def test_the_preposition_search_finds_what_it_finds_without_its_first_letter_test():
    plain = re.compile(lexicon._LOCATIVE.pattern.replace("(?=[aefgimtw])", "", 1), lexicon._LOCATIVE.flags)
    assert plain.pattern != lexicon._LOCATIVE.pattern
    texts = corpus_texts()
    assert sum(bool(plain.search(text)) for text in texts) > 500
    for text in texts:
        assert ([(m.span(), m.groups()) for m in lexicon._LOCATIVE.finditer(text)]
                == [(m.span(), m.groups()) for m in plain.finditer(text)]), text


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
