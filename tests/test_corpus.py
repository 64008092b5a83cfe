"""The labelled extraction corpus is well formed, its scorer counts right, and the real
extractor does not fall below the measured quality floor on it."""

import datetime
import importlib.util
import json
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "extraction"


def _load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_module("corpus_build", CORPUS / "build.py")
scoring = _load_module("score_extraction", ROOT / "benchmarks" / "score_extraction.py")

KEYS = {"quote", "start", "end", "value", "low", "high", "qualifier", "unit", "subject",
        "attribution", "as_of"}
UNITS = {None, "years", "months", "weeks", "days", "hours", "percent",
         "USD", "EUR", "GBP", "RUB", "BYN", "PLN", "GEL", "HKD", "AZN", "VES",
         "minutes", "KZT"}  # the last two: decided for en-heldout, used by en-wire too
MINIMUM_CLAIMS = {"en": 300, "en-news": 200, "en-wire": 100, "ru": 20, "pl": 20, "de": 20, "fr": 20}
MINIMUM_DOCUMENTS = {"en-news": 25}  # scraped pages, the independent overfitting check

DOCS = scoring.load_corpus()
CLAIMS = [(doc, claim) for doc in DOCS for claim in doc["claims"]]


def _claim_id(doc, claim):
    return f"{doc['id']}:{claim['start']}:{claim['quote']}"


def test_every_corpus_file_is_present_and_large_enough():
    for corpus, minimum in MINIMUM_CLAIMS.items():
        docs = [d for d in DOCS if scoring.corpus_of(d) == corpus]
        assert sum(len(d["claims"]) for d in docs) >= minimum, corpus
        assert len(docs) >= MINIMUM_DOCUMENTS.get(corpus, 1), corpus


def test_jsonl_is_in_sync_with_its_source():
    assert build.build(check=True) == [], "run python tests/corpus/extraction/build.py"


def test_document_ids_are_unique_and_match_the_language():
    ids = [doc["id"] for doc in DOCS]
    assert len(ids) == len(set(ids))
    for doc in DOCS:
        assert doc["id"].startswith(doc["language"] + "-")
        assert set(doc) == {"id", "language", "text", "claims"}
        corpus = scoring.corpus_of(doc)
        assert corpus in scoring.CORPORA and corpus.split("-")[0] == doc["language"]


@pytest.mark.parametrize("doc,claim", CLAIMS, ids=[_claim_id(d, c) for d, c in CLAIMS])
def test_claim_is_well_formed(doc, claim):
    _assert_well_formed(doc, claim, UNITS)


def _assert_well_formed(doc, claim, units):
    text = doc["text"]
    assert set(claim) == KEYS
    assert text[claim["start"]:claim["end"]] == claim["quote"]
    assert claim["quote"] == claim["quote"].strip()
    # the quote is whole words: no letter or digit glued on either side
    before = text[claim["start"] - 1] if claim["start"] else " "
    after = text[claim["end"]] if claim["end"] < len(text) else " "
    assert not before.isalnum() and not after.isalnum()
    assert claim["unit"] in units
    if "%" in claim["quote"]:
        assert claim["unit"] == "percent"
    assert claim["subject"] and claim["subject"] == claim["subject"].lower()
    if claim["as_of"] is not None:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", claim["as_of"])
        padded = claim["as_of"] + "-01" * (2 - claim["as_of"].count("-"))
        datetime.date.fromisoformat(padded)


@pytest.mark.parametrize("doc,claim", CLAIMS, ids=[_claim_id(d, c) for d, c in CLAIMS])
def test_bounds_agree_with_the_qualifier(doc, claim):
    _assert_bounds(claim)


def _assert_bounds(claim):
    value, low, high = claim["value"], claim["low"], claim["high"]
    expected = {
        "exact": (value, value, value),
        "more_than": (value, value, None),
        "at_least": (value, value, None),
        "about": (value, None, None),
        "almost": (value, None, value),
        "up_to": (value, None, value),
    }
    qualifier = claim["qualifier"]
    if qualifier == "range":
        assert value is None and low is not None and high is not None and low < high
    elif qualifier == "vague":
        assert value is None and (low, high) in build.VAGUE_BOUNDS.values()
    else:
        assert qualifier in expected
        assert value is not None
        assert (value, low, high) == expected[qualifier]


@pytest.mark.parametrize("doc", DOCS, ids=[d["id"] for d in DOCS])
def test_claims_are_in_order_and_never_overlap(doc):
    _assert_in_order(doc)


def _assert_in_order(doc):
    spans = [(c["start"], c["end"]) for c in doc["claims"]]
    assert spans == sorted(spans)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start


def test_corpus_covers_every_qualifier_vague_kind_and_unit():
    english = [c for d, c in CLAIMS if d["language"] == "en"]
    assert {c["qualifier"] for c in english} == set(build.QUALIFIERS)
    assert {(c["low"], c["high"]) for c in english if c["qualifier"] == "vague"} \
        == set(build.VAGUE_BOUNDS.values())
    assert {"years", "months", "weeks", "days", "hours", "percent", "USD", "EUR",
            "GBP", "RUB", "BYN"} <= {c["unit"] for c in english}
    assert any(c["value"] == 0 for c in english)  # "no political prisoners"


# --- the held-out corpus: structure only, no score floor (it is never tuned on) ---------

HELD_OUT_DOCS = scoring.load_corpus(scoring.HELD_OUT)
HELD_OUT_CLAIMS = [(doc, claim) for doc in HELD_OUT_DOCS for claim in doc["claims"]]
HELD_OUT_UNITS = UNITS | {"minutes", "MAD", "PKR", "KZT", "UAH", "KES"}  # README "Held-out set"


def test_held_out_corpus_is_large_english_and_kept_out_of_the_pooled_rows():
    assert len(HELD_OUT_DOCS) >= 25 and len(HELD_OUT_CLAIMS) >= 200
    assert all(re.fullmatch(r"en-heldout-\d{3}", d["id"]) and d["language"] == "en"
               and set(d) == {"id", "language", "text", "claims"} for d in HELD_OUT_DOCS)
    assert len({d["id"] for d in HELD_OUT_DOCS + DOCS}) == len(HELD_OUT_DOCS + DOCS)
    assert not {scoring.corpus_of(d) for d in DOCS} & set(scoring.HELD_OUT)  # not by default
    scores, errors = scoring.evaluate(DOCS + HELD_OUT_DOCS, lambda doc: [])
    assert scores["en-heldout"].gold == len(HELD_OUT_CLAIMS)
    assert scores["all"].gold == len(CLAIMS)
    assert scores["en (all)"].gold == sum(scores[c].gold for c in ("en", "en-news", "en-wire"))
    held_out = [e for e in errors if scoring.is_held_out(e)]
    assert scoring.error_counts(held_out) == {"false negative": len(HELD_OUT_CLAIMS)}


@pytest.mark.parametrize("doc,claim", HELD_OUT_CLAIMS,
                         ids=[_claim_id(d, c) for d, c in HELD_OUT_CLAIMS])
def test_held_out_claim_is_well_formed(doc, claim):
    _assert_well_formed(doc, claim, HELD_OUT_UNITS)
    _assert_bounds(claim)


@pytest.mark.parametrize("doc", HELD_OUT_DOCS, ids=[d["id"] for d in HELD_OUT_DOCS])
def test_held_out_page_is_a_whole_page_with_claims_in_order(doc):
    assert 300 <= len(doc["text"].split()) <= 700
    _assert_in_order(doc)


def test_cli_reports_held_out_row_last_and_never_its_errors(capsys):
    assert scoring.main(["--language", "fr", "--language", "en-heldout", "--errors", "50"]) == 0
    out = capsys.readouterr().out
    rows = [line.split()[0] for line in out.split("\n\n")[0].splitlines()[2:]]
    assert rows == ["fr", "all", "en-heldout"]
    assert "held-out errors by kind" in out
    assert "en-heldout-" not in out


# --- the source format -----------------------------------------------------------

def test_source_markers_become_offsets():
    source = "=== xx-001\nOver [[at least 7|at_least 7|people killed|by=Viasna]] died.\n"
    [doc] = build.parse_source(source, "xx")
    [claim] = doc["claims"]
    assert doc["text"] == "Over at least 7 died."
    assert (claim["start"], claim["end"]) == (5, 15)
    assert (claim["value"], claim["low"], claim["high"]) == (7, 7, None)
    assert claim["attribution"] == "Viasna"


@pytest.mark.parametrize("marker,message", [
    ("[[7|roughly 7|people]]", "unknown qualifier 'roughly'"),
    ("[[7|range 7|people]]", "range takes 2 argument(s)"),
    ("[[7|vague scores|people]]", "unknown vague kind 'scores'"),
    ("[[7|exact seven|people]]", "'seven' is not a number"),
    ("[[7|exact 7|people|who=me]]", "unknown option 'who=me'"),
    ("[[7|exact 7]]", "marker needs QUOTE|QUALIFIER ARGS|SUBJECT"),
])
def test_bad_markers_name_the_document(marker, message):
    with pytest.raises(build.SourceError) as e:
        build.parse_source(f"=== xx-009\nSome {marker} text.\n", "xx")
    assert str(e.value).startswith("xx-009")
    assert message in str(e.value)


# --- the scorer ------------------------------------------------------------------

def _claim(start, end, value=5, qualifier="exact", quote="x"):
    return {"quote": quote, "start": start, "end": end, "value": value, "low": value,
            "high": value, "qualifier": qualifier, "unit": None, "attribution": None,
            "as_of": None}


def test_gold_scored_against_itself_is_perfect():
    scores, errors = scoring.evaluate(DOCS, lambda doc: doc["claims"])
    assert errors == []
    total = scores["all"]
    assert total.gold == len(CLAIMS)
    assert total.f1 == total.strict_f1 == total.accuracy("value") == 1.0


def test_overlap_matches_but_only_exact_spans_are_strict():
    doc = {"id": "t-1", "language": "en", "text": "x" * 40, "claims": [_claim(10, 20)]}
    score, errors = scoring.score_document(doc, [_claim(12, 25)])
    assert (score.matched, score.strict, score.strict_overlap) == (1, 0, 1)
    assert [e.kind for e in errors] == ["wrong span"]


def test_matching_is_one_to_one_and_prefers_the_exact_span():
    gold = [_claim(10, 20)]
    predicted = [_claim(8, 15), _claim(10, 20), _claim(15, 22)]
    assert scoring.match_claims(gold, predicted) == [(0, 1)]
    doc = {"id": "t-2", "language": "en", "text": "x" * 40, "claims": gold}
    score, errors = scoring.score_document(doc, predicted)
    assert (score.matched, score.predicted, score.precision) == (1, 3, 1 / 3)
    assert sorted(e.kind for e in errors) == ["false positive", "false positive"]


def test_wrong_value_and_qualifier_are_not_strict():
    doc = {"id": "t-3", "language": "en", "text": "x" * 40,
           "claims": [_claim(0, 5, 30000, "more_than"), _claim(10, 15, 7)]}
    predicted = [_claim(0, 5, 30000, "exact"), _claim(10, 15, 7.0000001)]
    score, errors = scoring.score_document(doc, predicted)
    assert score.strict == 1  # 7.0000001 is equal within 1e-6; the qualifier is not
    assert [e.kind for e in errors] == ["wrong qualifier"]


def test_none_only_equals_none():
    assert scoring.same_number(None, None)
    assert not scoring.same_number(None, 0)
    assert scoring.same_number(33.33, 33.33000001)
    assert not scoring.same_number(33.33, 33.34)


def test_scores_come_per_corpus_with_english_pooled():
    scores, _ = scoring.evaluate(DOCS, lambda doc: doc["claims"])
    assert {"en", "en-news", "en (all)", "all"} <= set(scores)
    assert scores["en (all)"].gold == sum(scores[c].gold for c in ("en", "en-news", "en-wire"))
    assert scores["en-news"].gold == sum(
        len(d["claims"]) for d in DOCS if d["id"].startswith("en-news-"))
    table = scoring.format_table({"gold": scores})
    rows = [line.split("  ")[0].strip() for line in table.splitlines()[2:]]
    assert rows == ["en", "en-news", "en-wire", "en (all)", "ru", "pl", "de", "fr", "all"]


def test_en_news_loads_alone_and_reports_no_pooled_row():
    docs = scoring.load_corpus(["en-news"])
    assert docs and all(d["id"].startswith("en-news-") and d["language"] == "en"
                        for d in docs)
    scores, _ = scoring.evaluate(docs, lambda doc: doc["claims"])
    table = scoring.format_table({"gold": scores})
    assert re.search(r"^en-news\s+gold\s+\d+", table, re.M)
    assert "en (all)" not in table


def test_build_takes_the_language_from_the_corpus_name():
    assert [build.language_of(c) for c in ("en", "en-news", "fr")] == ["en", "en", "fr"]
    assert {d["language"] for d in DOCS if scoring.corpus_of(d) == "en-news"} == {"en"}


def test_cli_prints_a_table(capsys):
    assert scoring.main(["--language", "fr"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^fr\s+checks\s+\d+", out, re.M)
    assert "strictF1" in out


# --- regression floor for the real extractor --------------------------------------

# REGRESSION FLOOR (strict F1: span exact + value + qualifier). Measured with
# `python benchmarks/score_extraction.py`: en 0.946, all languages 0.922 (450 claims);
# floor = measured minus a margin of about 0.03. Raise it when the extractor improves;
# never lower it to make a failing change pass.
# en-news (scraped pages, written and labelled after the extractor was tuned on en) and
# the pooled "en (all)" row: measured en-news 0.841 (403 claims, 26 pages), en (all)
# 0.908, all 0.921 (853 claims; "all" now includes en-news).
# Third session, at its end: en 0.999, en-news 0.998, en-wire 0.995 (first run, before any
# tuning on it: 0.954), en (all) 0.996, all 0.996 (1,093 claims).
STRICT_F1_FLOOR = {"en": 0.98, "en-news": 0.97, "en-wire": 0.97, "en (all)": 0.97, "all": 0.97}


def test_extractor_stays_above_the_measured_floor():
    scores, _ = scoring.evaluate(DOCS, scoring.extract_with_checks)
    for key, floor in STRICT_F1_FLOOR.items():
        assert scores[key].strict_f1 >= floor, (key, scores[key].strict_f1, floor)
