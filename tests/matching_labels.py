"""Checks shared by the tests of the tuning and the held-out matching corpora."""

import collections
import re

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    "fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|decade|"
    "decades|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|half|quarter|"
    "several|few|tens|single|twice|double|doubled|tripled"
)
FIGURE = re.compile(rf"\d[\d,.]*\d|\d|\b(?:{NUMBER_WORDS})\b", re.I)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def assert_bounds_follow_qualifier(value, low, high, qualifier):
    expected = {
        "exact": (value, value), "more_than": (value, None), "at_least": (value, None),
        "about": (None, None), "almost": (None, value), "up_to": (None, value),
    }
    if qualifier in expected:
        assert value is not None and (low, high) == expected[qualifier]
    else:  # range, vague: bounds, no value
        assert value is None and low is not None and high is not None and low < high


def assert_spans_do_not_overlap(claims):
    by_doc = collections.defaultdict(list)
    for c in claims:
        by_doc[c["doc"]].append((c["start"], c["end"]))
    for doc, spans in by_doc.items():
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end <= start, doc
