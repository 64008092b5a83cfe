"""Possessive runs of digits match what the backtracking runs they replace matched.

The claim regex (``numbers.DIGITS_PATTERN`` inside it, its ordinals, ratios and the
space before a sign) and ``_MASK_AT`` read a run of digits possessively (``\\d++``,
``\\d{1,3}+``, ``\\s*+``): what must follow such a run is never what it would give back,
so the engine's retries of shorter runs could only fail. Here each pattern is compiled
again with the possessive marks taken out (the backtracking reference) and both must
give the same span and groups at every position of the corpora, of benchmark text and
of generated figures.
"""

import json
import pathlib
import re
import sys

from hypothesis import given, settings, strategies as st

from checks import extraction as X, numbers

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_extraction import news_text  # noqa: E402


def backtracking(pattern):
    "The regex without its possessive marks: ``\\d++`` → ``\\d+``, ``\\d{1,3}+`` → ``\\d{1,3}``."
    assert "\\++" not in pattern.pattern  # no escaped "+" that a mark could follow
    reference = re.sub(r"(?<=[+*?}])\+", "", pattern.pattern)
    assert reference != pattern.pattern
    return re.compile(reference, pattern.flags)


def pairs():
    found = [(X._MASK_AT, backtracking(X._MASK_AT)),
             (numbers._DIGITS_SCALED, backtracking(numbers._DIGITS_SCALED))]
    for language in ("en", "ru", "pl", "de", "fr"):
        patterns = X._patterns(language)
        found += [(patterns.claim, backtracking(patterns.claim)),
                  (patterns.single, backtracking(patterns.single))]
    return found


PAIRS = pairs()


def same_matches(text, positions=None):
    for fast, reference in PAIRS:
        for i in range(len(text) + 1) if positions is None else positions:
            m, r = fast.match(text, i), reference.match(text, i)
            assert (m and (m.span(), m.groups())) == (r and (r.span(), r.groups())), (fast.pattern[:40], text[i:i + 40])


def corpus_texts():
    for path in sorted((ROOT / "tests" / "corpus" / "extraction" / "src").glob("*.txt")):
        yield path.read_text()
    for path in sorted((ROOT / "tests" / "corpus").glob("matching*/documents.jsonl")):
        for line in path.read_text().splitlines():
            yield json.loads(line)["text"]


def near_digits(text):
    "Every position a match reaching a digit can start from (a hedge, a word number)."
    near = set()
    for m in re.finditer(r"\d", text):
        near.update(range(max(0, m.start() - 40), m.start() + 1))
    return sorted(near)


def test_same_matches_on_the_corpora_and_bench_text():
    for text in corpus_texts():
        same_matches(text, near_digits(text))
    same_matches(news_text(30_000, seed=11))


FIGURE_PIECES = ["1", "12", "123", "1990", "2024", "12345", ",", ".", " ", "\u00a0", "'", "-", "–", "/",
                 ":", "%", "st", "th", "s", "k", " million", "bn", " to ", " or ", " and ", " in ",
                 " out of ", "between ", "May", " times as", " people", " comments", "years-old",
                 " years", "(", ")", "a", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_PIECES), max_size=10))
def test_same_matches_on_generated_figures(pieces):
    same_matches("".join(pieces))
