"""The matching corpora written for this project after the first one (tests/corpus/matching-wire,
tests/corpus/matching-field, tests/corpus/matching-desk, tests/corpus/matching-beat, tests/corpus/matching-sixth,
tests/corpus/matching-seventh, tests/corpus/matching-eighth, tests/corpus/matching-ninth, tests/corpus/matching-tenth, tests/corpus/matching-eleventh, tests/corpus/matching-twelfth, tests/corpus/matching-thirteenth and tests/corpus/matching-fourteenth) are
well formed, in sync with their sources, and labelled by the rules of the tuning corpus. Each measured the matcher on text it had never been tuned on
(first run in its README); they set no score floor."""

import collections
import datetime
import pathlib
import re
import subprocess
import sys

import pytest
from matching_labels import (
    ROOT, assert_claim_label_is_consistent, assert_spans_do_not_overlap, dates_in_id_order, load_scoring,
    pair_lines, pairs_across_documents, pairs_in_wrong_order, pairs_on_the_edge, relations_against_the_rules,
)

from checks.migrations import QUALIFIERS

CORPUS_ROOT = ROOT / "tests" / "corpus"
# name → (document id letter, fewest and most documents)
WRITTEN = {"matching-wire": ("w", 20, 24), "matching-field": ("f", 22, 26), "matching-desk": ("d", 22, 26),
           "matching-beat": ("b", 22, 26), "matching-sixth": ("s", 22, 26),
           "matching-seventh": ("e", 22, 26), "matching-eighth": ("g", 22, 26),
           "matching-ninth": ("n", 22, 26), "matching-tenth": ("t", 22, 26),
           "matching-eleventh": ("k", 22, 26), "matching-twelfth": ("z", 22, 26),
           "matching-thirteenth": ("x", 22, 26),
           "matching-fourteenth": ("q", 22, 26)}
ALL_MATCHING = ("matching", "matching-heldout", *WRITTEN)
# The corpora each was checked against for shared text when it was written (the wire set
# shares a stock phrase, "did not respond to a request for comment", with the held-out set)
WRITTEN_AFTER = {"matching-wire": ("matching",), "matching-field": ("matching", "matching-wire", "matching-heldout"),
                 "matching-desk": ("matching", "matching-wire", "matching-heldout", "matching-field"),
                 "matching-beat": ("matching", "matching-wire", "matching-heldout", "matching-field", "matching-desk"),
                 "matching-sixth": ("matching", "matching-wire", "matching-heldout", "matching-field", "matching-desk",
                                    "matching-beat"),
                 "matching-seventh": ("matching", "matching-wire", "matching-heldout", "matching-field", "matching-desk",
                                      "matching-beat", "matching-sixth"),
                 "matching-eighth": ("matching", "matching-wire", "matching-heldout", "matching-field", "matching-desk",
                                     "matching-beat", "matching-sixth", "matching-seventh"),
                 "matching-ninth": ("matching", "matching-wire", "matching-heldout", "matching-field", "matching-desk",
                                    "matching-beat", "matching-sixth", "matching-seventh", "matching-eighth"),
                 "matching-tenth": ("matching", "matching-wire", "matching-heldout", "matching-field", "matching-desk",
                                    "matching-beat", "matching-sixth", "matching-seventh", "matching-eighth",
                                    "matching-ninth"),
                 "matching-eleventh": ("matching", "matching-wire", "matching-heldout", "matching-field", "matching-desk",
                                       "matching-beat", "matching-sixth", "matching-seventh", "matching-eighth",
                                       "matching-ninth", "matching-tenth"),
                 "matching-twelfth": ("matching", "matching-wire", "matching-heldout", "matching-field", "matching-desk",
                                      "matching-beat", "matching-sixth", "matching-seventh", "matching-eighth",
                                      "matching-ninth", "matching-tenth", "matching-eleventh"),
                 "matching-thirteenth": ("matching", "matching-wire", "matching-heldout", "matching-field", "matching-desk",
                                         "matching-beat", "matching-sixth", "matching-seventh", "matching-eighth",
                                         "matching-ninth", "matching-tenth", "matching-eleventh", "matching-twelfth"),
                 "matching-fourteenth": ("matching", "matching-wire", "matching-heldout", "matching-field", "matching-desk",
                                         "matching-beat", "matching-sixth", "matching-seventh", "matching-eighth",
                                         "matching-ninth", "matching-tenth", "matching-eleventh", "matching-twelfth",
                                         "matching-thirteenth")}

scoring = load_scoring()
CORPORA = {name: scoring.load_corpus(CORPUS_ROOT / name) for name in WRITTEN}
UNITS = {None, "percent", "years", "months", "days", "hours", "minutes", "USD", "EUR", "KES", "PLN", "NPR", "GEL"}
# Page furniture: lines whose figures are never claims (extraction scheme, en-news).
FURNITURE = re.compile(r"^(?:Related:|Read more:|Donate|Download|Support|Newsletter:|Follow|By [A-Z]|[A-Z].* · )")
# Figures a labeller must look at: digits and the number words that can be claims ("first",
# "several", "few" and "single" never are, by the extraction scheme).
FIGURE = re.compile(
    r"\d[\d,.]*\d|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|"
    r"decade|decades|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|half|quarter|tens|"
    r"twice|double|doubled|tripled)\b", re.I)
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def _words(text):
    return re.findall(r"\w+", text.lower())


# --- the documents ------------------------------------------------------------------

@pytest.mark.parametrize("name", WRITTEN)
def test_jsonl_files_are_built_from_the_source(name):
    build = CORPUS_ROOT / name / "build.py"
    result = subprocess.run([sys.executable, str(build), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", WRITTEN)
def test_documents_are_well_formed(name):
    letter, fewest, most = WRITTEN[name]
    docs = list(CORPORA[name].documents.values())
    assert fewest <= len(docs) <= most
    assert len({d["url"] for d in docs}) == len(docs)
    for d in docs:
        assert re.fullmatch(rf"{letter}\d{{2}}", d["id"]), d["id"]
        assert d["url"].startswith("https://") and ".example/" in d["url"], d["id"]
        assert d["publisher"] and d["title"] and d["language"] == "en", d["id"]
        datetime.date.fromisoformat(d["published"])
        assert "  " not in d["text"], d["id"]
        assert 150 <= len(d["text"].split()) <= 350, (d["id"], len(d["text"].split()))


@pytest.mark.parametrize("name", WRITTEN)
def test_documents_are_numbered_in_date_order(name):
    dates = dates_in_id_order(CORPORA[name])
    assert dates == sorted(dates)


def _shingles(words, n=8):
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize("name", WRITTEN)
def test_no_text_is_shared_with_the_other_corpora_or_the_reference_article(name):
    "Written independently: no 8-word run in common with another matching corpus or the seed article."
    others = set()
    for other in WRITTEN_AFTER[name]:
        for _, d in scoring._read_jsonl(CORPUS_ROOT / other / "documents.jsonl"):
            others |= _shingles(_words(d["text"]))
    seed = pathlib.Path("/work/shared/reference/seed-article.txt")
    if seed.exists():
        others |= _shingles(_words(seed.read_text(encoding="utf-8")))
    for d in CORPORA[name].documents.values():
        shared = _shingles(_words(d["text"])) & others
        assert not shared, (d["id"], sorted(shared)[:1])


@pytest.mark.parametrize("name", WRITTEN)
def test_urls_are_not_those_of_the_other_corpora(name):
    others = set()
    for other in ALL_MATCHING:
        if other != name:
            others |= {d["url"] for _, d in scoring._read_jsonl(CORPUS_ROOT / other / "documents.jsonl")}
    assert not others & {d["url"] for d in CORPORA[name].documents.values()}


# --- the claim labels ---------------------------------------------------------------

@pytest.mark.parametrize("name, claim", [(n, c) for n, corpus in CORPORA.items() for c in corpus.claims.values()],
                         ids=lambda x: x if isinstance(x, str) else x["id"])
def test_claim_label_is_consistent(name, claim):
    assert_claim_label_is_consistent(claim, CORPORA[name].documents[claim["doc"]], UNITS)


@pytest.mark.parametrize("name", WRITTEN)
def test_labelled_spans_do_not_overlap(name):
    assert_spans_do_not_overlap(CORPORA[name].claims.values())


def unlabelled_figures(corpus):
    """Numbers and number words outside every labelled quote, except on furniture lines, in
    years, clock times, days of a date, list numbering and identifiers."""
    found = []
    for d in corpus.documents.values():
        text = d["text"]
        spans = [(c["start"], c["end"]) for c in corpus.claims.values() if c["doc"] == d["id"]]
        for m in FIGURE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line = text[line_start:]
            if any(s <= m.start() and m.end() <= e for s, e in spans) or FURNITURE.match(line):
                continue
            if re.fullmatch(r"(?:19|20)\d\d", m.group()):
                continue  # a year
            if re.match(rf"\s+(?:{MONTHS})\b", text[m.end():]) or re.search(rf"(?:{MONTHS})\s+$", text[:m.start()]):
                continue  # "1 December", "March 2026" handled as a year above
            if re.fullmatch(r"\d\d:\d\d", text[m.start():m.start() + 5]) or text[m.start() - 1:m.start()] == ":":
                continue  # a clock time in a live blog
            if m.start() == line_start and re.match(r"\d+\. ", line):
                continue  # list numbering
            if m.start() > 0 and text[m.start() - 1].isalpha():
                continue  # an identifier
            if text[m.end():m.end() + 1].isupper() or re.search(r"\bDecree (?:No\.? )?$", text[:m.start()]):
                continue  # an identifier glued to a capital ("Justicia 11J") or a decree's number ("Decree 883")
            found.append((d["id"], m.group(), text[max(0, m.start() - 30):m.end() + 30]))
    return found


@pytest.mark.parametrize("name", WRITTEN)
def test_every_figure_outside_page_furniture_is_labelled(name):
    assert not unlabelled_figures(CORPORA[name])


@pytest.mark.parametrize("name", WRITTEN)
def test_furniture_lines_hold_figures_that_are_not_claims(name):
    "The corpus tests the extractor's furniture rules: some furniture lines carry figures."
    lines = [line for d in CORPORA[name].documents.values() for line in d["text"].splitlines()
             if FURNITURE.match(line) and re.search(r"\d|\b(?:two|ten)\b", line)]
    assert len(lines) >= 5


# --- the pair labels ----------------------------------------------------------------

@pytest.mark.parametrize("name", WRITTEN)
def test_pairs_are_exhaustive_and_only_across_documents(name):
    corpus = CORPORA[name]
    assert set(corpus.pairs) == pairs_across_documents(corpus)
    assert scoring.suggest_pairs(corpus) == []
    assert len(pair_lines(CORPUS_ROOT / name)) == len(corpus.pairs)


@pytest.mark.parametrize("name", WRITTEN)
def test_pairs_put_the_earlier_claim_first(name):
    assert not pairs_in_wrong_order(CORPORA[name], scoring)


@pytest.mark.parametrize("name", WRITTEN)
@pytest.mark.parametrize("variant", sorted(scoring.VARIANTS))
def test_relations_follow_the_rules_and_sit_on_no_edge(name, variant):
    assert not relations_against_the_rules(CORPORA[name], scoring, variant)


@pytest.mark.parametrize("name", WRITTEN)
def test_no_pair_sits_on_the_edge_of_the_same_period(name):
    "Pairs are clearly inside or outside the 60 days (not 55-65 days apart)."
    assert not pairs_on_the_edge(CORPORA[name], scoring)


# --- size and mix -------------------------------------------------------------------

@pytest.mark.parametrize("name", WRITTEN)
def test_corpus_is_large_and_varied_enough(name):
    corpus = CORPORA[name]
    reported = {q: {c["doc"] for c in cs} for q, cs in corpus.quantities().items()}
    assert 25 <= sum(1 for docs in reported.values() if len(docs) >= 2) <= 45
    assert 80 <= len(corpus.pairs) <= 150
    relations = collections.Counter(p["relation"] for p in corpus.pairs.values())
    assert relations["corroborates"] >= 30 and relations["updates"] >= 30
    assert relations["contradicts"] >= 8
    qualifiers = collections.Counter(c["qualifier"] for c in corpus.claims.values())
    assert all(qualifiers[q] for q in QUALIFIERS), qualifiers
    assert sum(1 for c in corpus.claims.values() if c["unit"] in ("years", "days")) >= 10
    assert sum(1 for c in corpus.claims.values() if c["as_of"]) >= 10


@pytest.mark.parametrize("name", WRITTEN)
def test_the_same_number_stands_for_different_quantities(name):
    corpus = CORPORA[name]
    by_value = collections.defaultdict(set)
    for c in corpus.claims.values():
        if c["value"] is not None:
            by_value[c["value"]].add(c["quantity"])
    assert sum(1 for qs in by_value.values() if len(qs) > 1) >= 8


@pytest.mark.parametrize("name", WRITTEN)
def test_same_source_revisions_update_and_other_sources_contradict(name):
    "Both sides of the source rule occur inside 60 days."
    corpus = CORPORA[name]
    within = collections.Counter()
    for pair in corpus.pairs.values():
        a, b = corpus.claims[pair["first"]], corpus.claims[pair["second"]]
        days = (scoring.claim_time(b, corpus.documents) - scoring.claim_time(a, corpus.documents)).days
        if days <= scoring.SAME_PERIOD_DAYS:
            within[pair["relation"]] += 1
    assert within["updates"] >= 1 and within["contradicts"] >= 8 and within["corroborates"] >= 20


@pytest.mark.parametrize("name", WRITTEN)
def test_scorer_reads_the_corpus(name, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "checks.matching", None)  # the baseline alone is enough here
    assert scoring.main(["--corpus", str(CORPUS_ROOT / name), "--suggest-pairs"]) == 0
    assert capsys.readouterr().out == ""
