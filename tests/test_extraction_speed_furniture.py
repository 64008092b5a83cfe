r"""The fast furniture test gives exactly the verdicts of the one big regex.

``_is_furniture`` lower-cases a line once and searches only the parts of
``_FURNITURE`` whose word the line holds, and looks for a numbered list from its full
stops; its verdict must equal ``_FURNITURE.search(line)`` or two ``\b\d\.\s+[A-Z]``
matches, on every line.
"""

import json
import pathlib
import re

from hypothesis import given, settings, strategies as st

from checks.extraction import _FURNITURE, _is_furniture

ROOT = pathlib.Path(__file__).resolve().parent.parent
# A line of numbered links, as first written: two "1. Tusk" items.
LIST_ITEM = re.compile(r"\b\d\.\s+[A-Z]")


def full_regex(line):
    first = LIST_ITEM.search(line)
    return bool(_FURNITURE.search(line) or first and LIST_ITEM.search(line, first.end()))


# Pieces of every alternative, their near misses and neighbours, in mixed case.
PIECES = ["©", "All rights reserved", "rights  reserved", "cookie", "COOKIES", "make a donation",
          "make a one-off donation", "one-off donation", "Donate now", "donate", "donated",
          "donation", "subscribe", "SUBSCRI", "newsletter", "sign up", "signup", "become a member",
          "member", "support us", "support helps", "support our", "supporters", "fund our work",
          "read us for free", "help us", "helps", "cancel anytime", "5 min read", "min read",
          "(3 mins)", "share on", "comments", "Comments", "nocomments", "points", "12 points",
          "related", "Related", "most viewed", "most read", "Read more", "read more", "tags",
          "photo", "photos", "image 3", "image", "images", "listen", "advertisement", "updated",
          "Published", "published", "monthly donors", "gift left", "gifts left", "reading time",
          "read also", "read next", "also read", "see also", "PDF", "pdf", "PDFs", "2.4 MB",
          "3KB", "5 gb", "7 Gb", "part 2 of 5", "Part 1 of 3", "part", "4 of 9 seats",
          "12 of 40 results", "3 of 8 constituencies", "2 of 5 images", "1 of 6 photos",
          "charity no", "Registration number", "company id", "tax no.", "VAT number", "inn",
          "EIN", "reg. no", "reg.  number", "download", "Downloads", "1. Tusk", "2. Four",
          "10. More", " ", "  ", "\t", "\n", ".", ",", ":", "(", ")", "-", "x", "a", "A", "7",
          "٣", "é", "É", "\u0130", "\u0131", "\u017f", "\u212a", "ſubscribe", "\u212aB",
          "ı", "Σ", "ß", "\u00a0", "\u2028", "the", "read", "s",
          # cues inside common words, and beside odd digits and spaces
          "motivated", "December", "number", "vat\u00a0no", "tax\tid", "٣MB", "4\u2028kb", "mb"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_fast_verdict_equals_the_full_regex(pieces):
    line = "".join(pieces)
    assert _is_furniture(line) == full_regex(line)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_fast_verdict_on_arbitrary_unicode(line):
    assert _is_furniture(line) == full_regex(line)


def corpus_lines():
    for path in sorted((ROOT / "tests/corpus/extraction").glob("*.jsonl")):
        if "heldout" in path.name:
            continue
        for row in path.read_text(encoding="utf-8").splitlines():
            yield from json.loads(row)["text"].split("\n")
    for path in sorted((ROOT / "checks/demo").glob("*.txt")):
        yield from path.read_text(encoding="utf-8").split("\n")


def test_fast_verdict_on_corpus_lines():
    lines = list(corpus_lines())
    furniture = 0
    for line in lines:
        # each line as written, upper-cased, and cut where a furniture word may start
        for variant in (line, line.upper(), line[len(line) // 3:]):
            verdict = _is_furniture(variant)
            assert verdict == full_regex(variant), variant
            furniture += verdict
    assert len(lines) > 300 and furniture > 0  # the corpus has furniture lines too


def test_each_part_of_the_regex_is_still_found():
    "Every alternative of _FURNITURE, alone on a line, is furniture for both."
    samples = [re.sub(r"\\[bd]|\(\?:|\)|\?|\\s\*|\^|\\", "", alternative)
               for alternative in _FURNITURE.pattern[4:].split("|")]
    found = sum(_is_furniture(sample) for sample in samples)
    assert all(_is_furniture(sample) == full_regex(sample) for sample in samples)
    assert found > 20
