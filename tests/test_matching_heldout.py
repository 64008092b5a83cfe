"""The held-out matching corpus (tests/corpus/matching-heldout) is well formed and follows
the labelling rules of the tuning corpus. No score floor: the matcher is not tuned on it,
and its errors are never printed (see the corpus README)."""

import collections
import datetime
import json
import pathlib
import re
import sys

import pytest
from matching_labels import (
    ROOT, assert_claim_label_is_consistent, assert_spans_do_not_overlap, dates_in_id_order, load_scoring,
    pair_lines, pairs_across_documents, pairs_in_wrong_order, pairs_on_the_edge, relations_against_the_rules,
    unlabelled_figures,
)

from checks.migrations import QUALIFIERS

HELDOUT_DIR = ROOT / "tests" / "corpus" / "matching-heldout"
TUNING_DIR = ROOT / "tests" / "corpus" / "matching"



scoring = load_scoring()
CORPUS = scoring.load_corpus(HELDOUT_DIR)
UNITS = {None, "percent", "years", "months", "weeks", "days", "hours", "kg", "USD", "GEL", "HKD"}
# Page furniture: lines whose figures are never claims (extraction scheme, en-news).
FURNITURE = re.compile(r"^(?:Related:|Read more:|Tags:|Donate|Download|Next briefing|By [A-Z]|[A-Z].* · )")


def _words(text):
    return re.findall(r"\w+", text.lower())


# --- the documents ------------------------------------------------------------------

def test_documents_are_well_formed():
    docs = list(CORPUS.documents.values())
    assert len(docs) >= 35
    assert len({d["url"] for d in docs}) == len(docs)
    for d in docs:
        assert re.fullmatch(r"h\d{2,}", d["id"]), d["id"]
        assert d["url"].startswith("https://") and ".example/" in d["url"], d["id"]
        assert d["publisher"] and d["title"] and d["language"] == "en", d["id"]
        if d["published"] is not None:
            datetime.date.fromisoformat(d["published"])
        assert "  " not in d["text"], d["id"]
        assert 150 <= len(d["text"].split()) <= 400, (d["id"], len(d["text"].split()))


def test_documents_are_numbered_in_date_order_undated_last():
    dates = dates_in_id_order(CORPUS)
    assert dates == sorted(dates)
    assert "undated" in dates


def _shingles(words, n=8):
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_no_text_is_shared_with_the_tuning_corpus_or_the_reference_article():
    "Independent of what the matcher is tuned on: no 8-word run in common."
    others = set()
    for _, d in scoring._read_jsonl(TUNING_DIR / "documents.jsonl"):
        others |= _shingles(_words(d["text"]))
    seed = pathlib.Path("/work/shared/reference/seed-article.txt")
    if seed.exists():
        others |= _shingles(_words(seed.read_text(encoding="utf-8")))
    for d in CORPUS.documents.values():
        shared = _shingles(_words(d["text"])) & others
        assert not shared, (d["id"], sorted(shared)[:1])


def test_held_out_documents_are_not_tuning_documents():
    tuning = {d["url"] for _, d in scoring._read_jsonl(TUNING_DIR / "documents.jsonl")}
    assert not tuning & {d["url"] for d in CORPUS.documents.values()}


# --- the claim labels ---------------------------------------------------------------

@pytest.mark.parametrize("claim", CORPUS.claims.values(), ids=lambda c: c["id"])
def test_claim_label_is_consistent(claim):
    assert_claim_label_is_consistent(claim, CORPUS.documents[claim["doc"]], UNITS)


def test_labelled_spans_do_not_overlap():
    assert_spans_do_not_overlap(CORPUS.claims.values())


def test_every_figure_outside_page_furniture_is_labelled():
    assert not unlabelled_figures(CORPUS, FURNITURE)


# --- the pair labels ----------------------------------------------------------------

def test_pairs_are_exhaustive_and_only_across_documents():
    assert set(CORPUS.pairs) == pairs_across_documents(CORPUS)
    assert scoring.suggest_pairs(CORPUS) == []
    assert len(pair_lines(HELDOUT_DIR)) == len(CORPUS.pairs)


def test_pairs_put_the_earlier_claim_first():
    assert not pairs_in_wrong_order(CORPUS, scoring)


@pytest.mark.parametrize("variant", sorted(scoring.VARIANTS))
def test_relations_follow_the_rules_and_sit_on_no_edge(variant):
    assert not relations_against_the_rules(CORPUS, scoring, variant)


def test_no_pair_sits_on_the_edge_of_the_same_period():
    "Dated pairs are clearly inside or outside the 60 days (not 55-65 days apart)."
    assert not pairs_on_the_edge(CORPUS, scoring)


# --- size and mix -------------------------------------------------------------------

def test_corpus_is_large_and_varied_enough():
    reported = {q: {c["doc"] for c in cs} for q, cs in CORPUS.quantities().items()}
    assert sum(1 for docs in reported.values() if len(docs) >= 3) >= 12
    relations = collections.Counter(p["relation"] for p in CORPUS.pairs.values())
    assert relations["corroborates"] >= 30 and relations["updates"] >= 30
    assert relations["contradicts"] >= 10
    qualifiers = collections.Counter(c["qualifier"] for c in CORPUS.claims.values())
    assert all(qualifiers[q] for q in QUALIFIERS), qualifiers
    assert sum(1 for c in CORPUS.claims.values() if c["unit"] in ("years", "months", "weeks", "days")) >= 10
    assert sum(1 for c in CORPUS.claims.values() if c["as_of"]) >= 10
    undated = [c for c in CORPUS.claims.values() if CORPUS.documents[c["doc"]]["published"] is None]
    assert undated and all(not c["as_of"] for c in undated)


def test_the_same_number_stands_for_different_quantities():
    by_value = collections.defaultdict(set)
    for c in CORPUS.claims.values():
        if c["value"] is not None:
            by_value[c["value"]].add(c["quantity"])
    assert sum(1 for qs in by_value.values() if len(qs) > 1) >= 8


# --- the scorer reads it, and keeps its errors to itself ----------------------------

def test_scorer_reads_the_held_out_corpus_and_refuses_to_list_its_errors(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "checks.matching", None)  # the baseline alone is enough here
    assert scoring.main(["--corpus", str(HELDOUT_DIR), "--suggest-pairs"]) == 0
    assert capsys.readouterr().out == ""
    with pytest.raises(SystemExit):
        scoring.main(["--corpus", str(HELDOUT_DIR), "--errors"])
    assert "held out" in capsys.readouterr().err
    assert json.loads((HELDOUT_DIR / "documents.jsonl").read_text().splitlines()[0])["id"] == "h01"
