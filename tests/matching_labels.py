"""Checks shared by the tests of the tuning and the held-out matching corpora."""

import collections
import datetime
import importlib.util
import itertools
import pathlib
import re
import sys

from checks.migrations import QUALIFIERS, RELATIONS

ROOT = pathlib.Path(__file__).resolve().parent.parent

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


def assert_claim_label_is_consistent(claim, document, units):
    "A labelled claim quotes its document, has a known qualifier and unit, and is dated no later than it."
    assert document["text"][claim["start"]:claim["end"]] == claim["quote"]
    assert claim["quote"] in claim["sentence"]
    assert claim["qualifier"] in QUALIFIERS and claim["unit"] in units
    assert claim["subject"] and claim["quantity"]
    if claim["as_of"]:
        as_of = datetime.date.fromisoformat(claim["as_of"])
        assert document["published"] is None or as_of <= datetime.date.fromisoformat(document["published"])
    assert_bounds_follow_qualifier(claim["value"], claim["low"], claim["high"], claim["qualifier"])


def assert_spans_do_not_overlap(claims):
    by_doc = collections.defaultdict(list)
    for c in claims:
        by_doc[c["doc"]].append((c["start"], c["end"]))
    for doc, spans in by_doc.items():
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end <= start, doc


def load_scoring():
    "benchmarks/score_matching.py as a module (the scorer whose rules the labels follow)."
    spec = importlib.util.spec_from_file_location("score_matching", ROOT / "benchmarks" / "score_matching.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_matching"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def dates_in_id_order(corpus):
    "Each document's date (or 'undated') in the order of the documents' ids."
    return [corpus.documents[i]["published"] or "undated" for i in sorted(corpus.documents)]


def unlabelled_figures(corpus, skip_line=None):
    """Numbers and number words outside every labelled quote, except years, days of a
    date, parts of identifiers and figures on lines ``skip_line`` matches."""
    unlabelled = []
    for d in corpus.documents.values():
        text = d["text"]
        spans = [(c["start"], c["end"]) for c in corpus.claims.values() if c["doc"] == d["id"]]
        for m in FIGURE.finditer(text):
            if any(s <= m.start() and m.end() <= e for s, e in spans):
                continue
            if skip_line and skip_line.match(text[text.rfind("\n", 0, m.start()) + 1:]):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group()):
                continue  # a year
            if re.match(rf"\s+(?:{MONTHS})\b", text[m.end():]):
                continue  # "1 December"
            if m.start() > 0 and text[m.start() - 1].isalpha():
                continue  # an identifier such as FR4978
            unlabelled.append((d["id"], m.group(), text[max(0, m.start() - 30):m.end() + 30]))
    return unlabelled


def pairs_across_documents(corpus):
    "Every pair of claims of one quantity from two documents: what the pair labels must list."
    expected = set()
    for claims in corpus.quantities().values():
        for a, b in itertools.combinations(claims, 2):
            if a["doc"] != b["doc"]:
                expected.add(frozenset((a["id"], b["id"])))
    return expected


def pair_lines(directory):
    "The pair lines of a corpus's labels.jsonl, as written."
    return [line for line in (pathlib.Path(directory) / "labels.jsonl").read_text().splitlines()
            if '"pair"' in line]


def pairs_in_wrong_order(corpus, scoring):
    "Pair labels whose first claim is not the earlier one, or whose relation is unknown."
    wrong = []
    for pair in corpus.pairs.values():
        a, b = corpus.claims[pair["first"]], corpus.claims[pair["second"]]
        if pair["relation"] not in RELATIONS or scoring.order(a, b, corpus.documents) != (a, b):
            wrong.append(pair)
    return wrong


def relations_against_the_rules(corpus, scoring, variant):
    "(first, second, labelled, expected) for pair labels the rules give another relation under ``variant``."
    wrong = []
    for pair in corpus.pairs.values():
        a, b = corpus.claims[pair["first"]], corpus.claims[pair["second"]]
        got = scoring.expected_relation(a, b, corpus.documents, variant)
        if got != pair["relation"]:
            wrong.append((pair["first"], pair["second"], pair["relation"], got))
    return wrong


def pairs_on_the_edge(corpus, scoring):
    "Dated pairs 55-65 days apart: neither clearly inside nor outside the same period."
    edge = []
    for pair in corpus.pairs.values():
        a, b = corpus.claims[pair["first"]], corpus.claims[pair["second"]]
        t1, t2 = scoring.claim_time(a, corpus.documents), scoring.claim_time(b, corpus.documents)
        if t1 and t2 and 55 <= abs((t2 - t1).days) <= 65:
            edge.append((pair["first"], pair["second"]))
    return edge
