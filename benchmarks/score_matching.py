"""Score claim matching against the labelled corpus in tests/corpus/matching.

    python benchmarks/score_matching.py [--mode gold|end-to-end|both] [--errors] [--threshold T]
                                        [--sweep] [--keep DIR]
    python benchmarks/score_matching.py --suggest-pairs    # pair lines the labels lack
    python benchmarks/score_matching.py --corpus tests/corpus/matching-heldout   # held-out set
    python benchmarks/score_matching.py --why   # counts per reason for missed and false links

Two modes. *gold*: the labelled claims (with their value, bounds, qualifier, unit, subject,
attribution and as_of) are stored as they are, so the matcher is measured alone.
*end-to-end*: each document's claims come from ``checks.extraction.extract_claims``; an
extracted claim stands for the labelled claim whose span it overlaps.

Either way ``checks.matching.match_claims`` fills ``matches`` in a fresh database and each
predicted pair is scored as a same-quantity link: right when both claims stand for labelled
claims of the same quantity (a pair with a claim that stands for no labelled claim is a false
positive). Relation accuracy is measured over the right links. Beside it runs the naive
baseline: rapidfuzz ``token_set_ratio`` of the two claims' sentences, threshold swept 0..100,
best F1 reported; its relation is the naive one (equal figures corroborate, otherwise the
later one updates).

Also reported: the same links read *through the graph* (two claims linked when a chain of
predicted links joins them — fair to a matcher that links each claim to its nearest
neighbours only), and with ``--sweep`` the matcher's best F1 over cutoffs of its own score.

The relation rules the labels follow (README in the corpus directory) live here too:
``interval``, ``claim_time``, ``expected_relation``. Importable: ``load_corpus``,
``build_database``, ``run_matcher``, ``score_links``, ``score_graph``, ``baseline_sweep``,
``matcher_sweep``, ``evaluate``, ``suggest_pairs``.
"""

import argparse
import collections
import dataclasses
import datetime
import itertools
import json
import math
import pathlib
import re
import sys
import tempfile

CORPUS_DIR = pathlib.Path(__file__).resolve().parent.parent / "tests" / "corpus" / "matching"
HELDOUT_DIR = CORPUS_DIR.parent / "matching-heldout"


def is_held_out(directory):
    "A held-out corpus (its directory name ends in -heldout): scored, never listed."
    return pathlib.Path(directory).resolve().name.endswith("-heldout")
RELATIONS = ("corroborates", "updates", "contradicts")
SAME_PERIOD_DAYS = 60

# How wide a hedged or rounded figure reads. "standard" labels the corpus; the corpus is
# built so that "strict" and "loose" give the same relations (no pair sits on an edge).
VARIANTS = {
    "strict": {"about": 0.05, "almost": 0.05, "rounding": False, "cap": None},
    "standard": {"about": 0.10, "almost": 0.10, "rounding": True, "cap": 0.10},
    "loose": {"about": 0.15, "almost": 0.15, "rounding": True, "cap": None},
}


# --- the corpus -------------------------------------------------------------------

@dataclasses.dataclass
class Corpus:
    documents: dict      # id -> document dict
    claims: dict         # label id -> claim dict (with start, end, sentence, id)
    pairs: dict          # frozenset of two label ids -> pair dict (first, second, relation)

    def quantities(self):
        groups = collections.defaultdict(list)
        for claim in self.claims.values():
            groups[claim["quantity"]].append(claim)
        return dict(groups)


def label_id(doc, quote, occurrence):
    return f"{doc}|{quote}|{occurrence}"


def _bounded(text, start, end):
    "Whether text[start:end] stands alone: not inside a longer word or number."
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum():
        return False
    if before in ".," and start > 1 and text[start - 2].isdigit():
        return False
    if after in ".," and end + 1 < len(text) and text[end + 1].isdigit():
        return False
    return True


def find_span(text, quote, occurrence):
    """(start, end) of the ``occurrence``-th (1-based) free-standing occurrence of quote."""
    seen, start = 0, text.find(quote)
    while start != -1:
        if _bounded(text, start, start + len(quote)):
            seen += 1
            if seen == occurrence:
                return start, start + len(quote)
        start = text.find(quote, start + 1)
    raise ValueError(f"occurrence {occurrence} of {quote!r} not found")


# A sentence ends at . ! ? before a capital, digit or quote, and at every line break (a
# headline, a byline, each line of a fact box), as the extractor splits them.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(A-Z0-9])|[^\S\n]*\n\s*")


def sentence_at(text, start, end):
    "The sentence of text that holds text[start:end]."
    begin = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() >= end:
            return text[begin:m.start()].strip()
        if m.end() <= start:
            begin = m.end()
    return text[begin:].strip()


def _read_jsonl(path):
    rows = []
    with pathlib.Path(path).open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append((number, json.loads(line)))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}: line {number}: not JSON ({e.msg})") from None
    return rows


def load_corpus(directory=CORPUS_DIR):
    """Documents, labelled claims (with spans) and labelled pairs of the corpus."""
    directory = pathlib.Path(directory)
    documents = {d["id"]: d for _, d in _read_jsonl(directory / "documents.jsonl")}
    claims, pairs = {}, {}
    for number, row in _read_jsonl(directory / "labels.jsonl"):
        where = f"labels.jsonl: line {number}"
        if "pair" in row:
            (a, b) = [label_id(*ref) for ref in row["pair"]]
            for ref in (a, b):
                if ref not in claims:
                    raise ValueError(f"{where}: pair refers to {ref!r}, not labelled above")
            pairs[frozenset((a, b))] = {"first": a, "second": b, "relation": row["relation"],
                                       "line": number}
            continue
        doc = documents.get(row["doc"])
        if doc is None:
            raise ValueError(f"{where}: no document {row['doc']!r}")
        try:
            start, end = find_span(doc["text"], row["quote"], row["occurrence"])
        except ValueError as e:
            raise ValueError(f"{where}: {row['doc']}: {e}") from None
        key = label_id(row["doc"], row["quote"], row["occurrence"])
        claims[key] = dict(row, id=key, start=start, end=end, line=number,
                           sentence=sentence_at(doc["text"], start, end))
    return Corpus(documents, claims, pairs)


# --- the relation rules -------------------------------------------------------------

def claim_time(claim, documents):
    "When a claim's figure holds: its as_of, else its document's published date."
    when = claim.get("as_of") or documents[claim["doc"]].get("published")
    return datetime.date.fromisoformat(when[:10]) if when else None


def source(claim, documents):
    "Who stands behind a figure: its attribution, else the publisher."
    who = claim.get("attribution") or documents[claim["doc"]].get("publisher") or ""
    return re.sub(r"^the\s+", "", who.strip().lower())


def rounding_tolerance(value):
    "Half the unit of the last significant digit: 1,400 -> 50, 1,374 -> 0, 80.1 -> 0.05."
    if value == 0:
        return 0.0
    if float(value).is_integer():
        n, zeros = int(abs(value)), 0
        while n % 10 == 0:
            n, zeros = n // 10, zeros + 1
        return 10 ** zeros / 2 if zeros else 0.0
    decimals = len(repr(float(value)).split(".")[1].rstrip("0"))
    return 10 ** -decimals / 2


def interval(claim, variant="standard"):
    "(low, high) the figure allows; open bounds are 0 and infinity."
    rules = VARIANTS[variant]
    value, low, high = claim.get("value"), claim.get("low"), claim.get("high")
    qualifier = claim.get("qualifier") or "exact"
    if value is None:
        return (low if low is not None else 0.0, high if high is not None else math.inf)
    if qualifier == "exact":
        tolerance = rounding_tolerance(value) if rules["rounding"] else 0.0
        if rules["cap"] is not None:
            tolerance = min(tolerance, rules["cap"] * abs(value))
        return (value - tolerance, value + tolerance)
    if qualifier in ("more_than", "at_least"):
        return (value, math.inf)
    if qualifier == "about":
        return (value * (1 - rules["about"]), value * (1 + rules["about"]))
    if qualifier == "almost":
        return (value * (1 - rules["almost"]), value)
    if qualifier == "up_to":
        return (0.0, value)
    return (low if low is not None else value, high if high is not None else value)


def overlap(a, b):
    return a[0] <= b[1] and b[0] <= a[1]


def contains(outer, inner):
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def order(a, b, documents):
    "The two claims, earlier first (by time, then document id, then offset)."
    def key(c):
        when = claim_time(c, documents)
        return (when or datetime.date.max, c["doc"], c["start"])
    return (a, b) if key(a) <= key(b) else (b, a)


def expected_relation(a, b, documents, variant="standard"):
    """The relation the labelling scheme gives two claims of the same quantity.

    Within SAME_PERIOD_DAYS: compatible figures corroborate; incompatible ones contradict,
    unless they come from the same source (a monitor revising its own count updates it).
    Further apart: the later figure corroborates when it says nothing new — the same
    figure, or a bound, range or vague amount whose interval contains the earlier
    figure — and otherwise updates.
    """
    earlier, later = order(a, b, documents)
    t1, t2 = claim_time(earlier, documents), claim_time(later, documents)
    first, second = interval(earlier, variant), interval(later, variant)
    if t1 is None or t2 is None or (t2 - t1).days <= SAME_PERIOD_DAYS:
        if overlap(first, second):
            return "corroborates"
        return "updates" if source(earlier, documents) == source(later, documents) else "contradicts"
    if same_figure(earlier, later):
        return "corroborates"
    if (later.get("qualifier") in BOUND_QUALIFIERS or later.get("value") is None) and contains(second, first):
        return "corroborates"
    return "updates"


BOUND_QUALIFIERS = ("more_than", "at_least", "up_to", "range", "vague")


def same_figure(a, b):
    "The same number stated (hedges aside): equal values, or equal bounds when valueless."
    if a.get("value") is not None or b.get("value") is not None:
        return a.get("value") == b.get("value")
    return (a.get("low"), a.get("high")) == (b.get("low"), b.get("high"))


def why(a, b, documents):
    "The facts behind a pair's relation, for people reading errors."
    earlier, later = order(a, b, documents)
    t1, t2 = claim_time(earlier, documents), claim_time(later, documents)
    days = (t2 - t1).days if t1 and t2 else None

    def show(c):
        lo, hi = interval(c)
        return f"[{lo:,.6g}, {'∞' if hi == math.inf else format(hi, ',.6g')}]"
    return (f"{days} days apart; {show(earlier)} → {show(later)}; "
            f"source {source(earlier, documents)!r} → {source(later, documents)!r}")


def suggest_pairs(corpus):
    "Pair lines (dicts) for same-quantity claims of different documents not yet labelled."
    missing = []
    for claims in corpus.quantities().values():
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                if a["doc"] == b["doc"] or frozenset((a["id"], b["id"])) in corpus.pairs:
                    continue
                first, second = order(a, b, corpus.documents)
                missing.append({
                    "pair": [[c["doc"], c["quote"], c["occurrence"]] for c in (first, second)],
                    "relation": expected_relation(a, b, corpus.documents),
                })
    return missing


# --- running the pipeline -----------------------------------------------------------

class MatcherUnavailable(Exception):
    pass


def _claim_row(label):
    fields = ("quote", "start", "end", "value", "low", "high", "qualifier", "unit", "subject",
              "attribution", "as_of", "sentence")
    return {k: label.get(k) for k in fields}


def build_database(path, corpus, mode):
    """Store the corpus documents and their claims in a fresh database at path.

    mode "gold" stores the labelled claims; "end-to-end" stores what the extractor finds.
    Returns (db, claims): claims maps each claims.id to a dict with doc, start, end,
    sentence (from the document text), the figure fields and ``label`` (a label id or None).
    """
    from checks.database import open_database, save_claims, save_document

    db = open_database(path)
    by_doc = collections.defaultdict(list)
    for label in corpus.claims.values():
        by_doc[label["doc"]].append(label)
    doc_ids = {}
    with db.conn:
        for doc in corpus.documents.values():
            doc_id = save_document(db, doc["url"], title=doc.get("title"),
                                   publisher=doc.get("publisher"), published=doc.get("published"),
                                   text=doc["text"], language=doc.get("language"))
            doc_ids[doc_id] = doc["id"]
            if mode == "gold":
                save_claims(db, doc_id, [_claim_row(c) for c in by_doc[doc["id"]]], origin="imported")
            elif mode == "end-to-end":
                from checks.extraction import extract_claims

                save_claims(db, doc_id, extract_claims(doc["text"], language=doc.get("language")))
            else:
                raise ValueError(f"unknown mode {mode!r}")
    claims = {}
    for row in db.query('SELECT * FROM claims ORDER BY id'):
        doc = corpus.documents[doc_ids[row["document_id"]]]
        start, end = row["start"], row["end"]
        claim = {k: row[k] for k in ("quote", "value", "low", "high", "qualifier", "unit",
                                     "subject", "attribution", "as_of")}
        claim.update(doc=doc["id"], start=start, end=end,
                     sentence=sentence_at(doc["text"], start, end) if start is not None else row["sentence"],
                     label=_label_for(by_doc[doc["id"]], start, end))
        claims[row["id"]] = claim
    return db, claims


def _label_for(labels, start, end):
    "The labelled claim whose span overlaps [start, end) the most, or None."
    if start is None or end is None:
        return None
    best, best_overlap = None, 0
    for label in labels:
        shared = min(end, label["end"]) - max(start, label["start"])
        if shared > best_overlap:
            best, best_overlap = label["id"], shared
    return best


def run_matcher(db, threshold=None):
    """Run checks.matching.match_claims on db; the rows of ``matches`` as dicts."""
    try:
        from checks.matching import match_claims
    except ImportError as e:
        raise MatcherUnavailable(f"matcher not available ({e})") from None
    match_claims(db, threshold=threshold)
    return [dict(r) for r in db.query(
        "SELECT claim_id, later_claim_id, score, relation, explanation FROM matches")]


# --- scoring ------------------------------------------------------------------------

@dataclasses.dataclass
class Prediction:
    first: int           # claims.id of the earlier claim (matches.claim_id)
    second: int
    relation: str
    score: float = 0.0
    explanation: str = ""


@dataclasses.dataclass
class Scores:
    predicted: int
    true_links: int
    gold_links: int
    relation_right: int
    direction_right: int
    direction_total: int
    false_positives: list
    false_negatives: list
    relation_errors: list
    confusion: collections.Counter
    threshold: object = None

    @property
    def precision(self):
        return self.true_links / self.predicted if self.predicted else 0.0

    @property
    def recall(self):
        return self.true_links / self.gold_links if self.gold_links else 0.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def relation_accuracy(self):
        return self.relation_right / self.true_links if self.true_links else 0.0


def score_links(predictions, claims, corpus, threshold=None):
    """Precision, recall and F1 of same-quantity links and relation accuracy.

    ``claims`` maps claim ids to dicts with a ``label`` (label id or None). A predicted pair
    is right when both claims stand for labelled claims forming a labelled pair; several
    predictions of the same labelled pair count once (the best-scored one).
    """
    best = {}
    false_positives = []
    for p in predictions:
        a, b = claims[p.first]["label"], claims[p.second]["label"]
        key = frozenset((a, b)) if a and b and a != b else None
        if key in corpus.pairs:
            if key not in best or p.score > best[key].score:
                best[key] = p
        else:
            false_positives.append(p)
    relation_right = direction_right = direction_total = 0
    relation_errors = []
    confusion = collections.Counter()
    for key, p in best.items():
        gold = corpus.pairs[key]
        confusion[(gold["relation"], p.relation)] += 1
        if p.relation == gold["relation"]:
            relation_right += 1
        else:
            relation_errors.append((p, gold))
        if gold["relation"] == "updates" == p.relation:
            direction_total += 1
            direction_right += claims[p.first]["label"] == gold["first"]
    false_negatives = [pair for key, pair in corpus.pairs.items() if key not in best]
    return Scores(len(best) + len(false_positives), len(best), len(corpus.pairs), relation_right,
                  direction_right, direction_total, false_positives, false_negatives,
                  relation_errors, confusion, threshold)


@dataclasses.dataclass
class GraphScores:
    "Same-quantity links counted through the graph of predicted links (transitively)."
    predicted: int
    true_links: int
    gold_links: int

    precision = Scores.precision
    recall = Scores.recall
    f1 = Scores.f1


def score_graph(predictions, claims, corpus):
    """Precision, recall and F1 of the pairs the predicted links join *transitively*.

    A matcher may link each claim only to its nearest neighbours (555 → 603 → 1,374);
    read as a graph, its connected components are its quantities, and every two claims of
    different documents in one component count as a predicted pair. Pairs with a claim
    that stands for no labelled claim are false positives, as in ``score_links``.
    """
    parent = {}

    def root(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in predictions:
        parent[root(p.first)] = root(p.second)
    components = collections.defaultdict(list)
    for claim_id in list(parent):
        components[root(claim_id)].append(claim_id)
    right, wrong = set(), set()
    for members in components.values():
        for a, b in itertools.combinations(members, 2):
            if claims[a]["doc"] == claims[b]["doc"]:
                continue
            la, lb = claims[a]["label"], claims[b]["label"]
            key = frozenset((la, lb)) if la and lb and la != lb else frozenset((a, b))
            (right if key in corpus.pairs else wrong).add(key)
    return GraphScores(len(right) + len(wrong), len(right), len(corpus.pairs))


def naive_relation(a, b):
    "The baseline's relation: the same figure corroborates, any other updates."
    same = all(a.get(k) == b.get(k) for k in ("value", "low", "high"))
    return "corroborates" if same else "updates"


def baseline_predictions(claims, corpus):
    """Every cross-document pair of claims, scored by token_set_ratio of their sentences,
    ordered by published date, with the naive relation."""
    from rapidfuzz import fuzz

    ids = list(claims)
    sentences = [claims[i]["sentence"] or "" for i in ids]
    published = {d: corpus.documents[d].get("published") or "" for d in corpus.documents}
    predictions = []
    for x, i in enumerate(ids):
        for y in range(x + 1, len(ids)):
            j = ids[y]
            if claims[i]["doc"] == claims[j]["doc"]:
                continue
            first, second = sorted((i, j), key=lambda c: (published[claims[c]["doc"]], claims[c]["doc"]))
            predictions.append(Prediction(first, second, naive_relation(claims[i], claims[j]),
                                          fuzz.token_set_ratio(sentences[x], sentences[y])))
    return predictions


def baseline_sweep(claims, corpus):
    "Scores of the baseline at each threshold 0..100; (best Scores, all F1s by threshold)."
    predictions = baseline_predictions(claims, corpus)
    curve, best = {}, None
    for threshold in range(101):
        kept = [p for p in predictions if p.score >= threshold]
        scores = score_links(kept, claims, corpus, threshold=threshold)
        curve[threshold] = scores.f1
        if best is None or scores.f1 > best.f1:
            best = scores
    return best, curve


def matcher_sweep(predictions, claims, corpus):
    "Scores of the matcher's predictions kept at each score cutoff 0..100: (best, curve)."
    curve, best = {}, None
    for cutoff in range(101):
        scores = score_links([p for p in predictions if p.score >= cutoff], claims, corpus,
                             threshold=cutoff)
        curve[cutoff] = scores.f1
        if best is None or scores.f1 > best.f1:
            best = scores
    return best, curve


def evaluate(corpus, mode, directory, threshold=None):
    """Build the database for mode in directory, run matcher and baseline.

    Returns a dict: mode, claims (count), mapped (claims standing for a label), labels_found,
    matcher (Scores, or None), matcher_error (str or None), baseline (Scores), claims_by_id.
    """
    path = pathlib.Path(directory) / f"matching-{mode}.db"
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(str(path) + suffix).unlink(missing_ok=True)
    db, claims = build_database(path, corpus, mode)
    result = {"mode": mode, "claims": len(claims), "claims_by_id": claims, "path": path,
              "mapped": sum(1 for c in claims.values() if c["label"]),
              "labels_found": len({c["label"] for c in claims.values() if c["label"]}),
              "matcher": None, "matcher_graph": None, "matcher_error": None}
    try:
        rows = run_matcher(db, threshold=threshold)
    except MatcherUnavailable as e:
        result["matcher_error"] = str(e)
    except Exception as e:  # a matcher under construction: score the baseline anyway
        result["matcher_error"] = f"matcher failed: {type(e).__name__}: {e}"
    else:
        predictions = [Prediction(r["claim_id"], r["later_claim_id"], r["relation"],
                                  r["score"] or 0.0, r["explanation"] or "") for r in rows]
        result["predictions"] = predictions
        result["matcher"] = score_links(predictions, claims, corpus, threshold=threshold)
        result["matcher_graph"] = score_graph(predictions, claims, corpus)
    result["baseline"], result["baseline_curve"] = baseline_sweep(claims, corpus)
    kept = [p for p in baseline_predictions(claims, corpus) if p.score >= result["baseline"].threshold]
    result["baseline_graph"] = score_graph(kept, claims, corpus)
    db.close()
    return result


# --- why links are missed (counts only: allowed on a held-out corpus) ---------------

READING_FIELDS = ("subject_key", "key_kind", "place", "unit", "period", "day", "qualifier", "interval")


def stored_readings(path):
    "The matcher's readings of every claim in the database at path: {claim id: Reading}."
    from checks.database import open_database
    from checks.matching import Reading

    db = open_database(path)
    try:
        return {r["claim_id"]: Reading(**{k: r[k] for k in Reading._fields})
                for r in db.query("SELECT * FROM _claim_keys")}
    finally:
        db.close()


def _field(reading, name):
    return (reading.low, reading.high) if name == "interval" else getattr(reading, name)


def miss_reason(a, b, threshold=None):
    """The first reason relate() would give for not linking readings a and b,
    checked in its own order; "linkable" when relate links them (then the pair was
    lost to blocking or the nearest-neighbour limits)."""
    from checks import matching as m

    threshold = m.DEFAULT_THRESHOLD if threshold is None else threshold
    if a.unit != b.unit:
        return "unit disagrees"
    if a.period != b.period:
        return "period disagrees"
    if a.place and b.place and not getattr(m, "places_agree", str.__eq__)(a.place, b.place):
        return "place disagrees"
    if a.unit and a.names and b.names and not set(a.names.split()) & set(b.names.split()):
        return "names disagree"
    if not a.subject_key or not b.subject_key:
        return "no subject (key_kind none)"
    s = m.subject_score(a.subject_key, b.subject_key)
    if s < m.CONTEXT_MIN_SUBJECT and "context" in (a.key_kind, b.key_kind) and not m._confirms(a, b, s):
        return "subject disagrees (context key below 95)"
    earlier, later = sorted((a, b), key=m._sort_key)
    if m.relate(earlier, later, threshold=0.0) is None:
        return "figures or dates too far apart (size ratio / interval days)"
    if m.relate(earlier, later, threshold=threshold) is None:
        return "subject disagrees (score below threshold)"
    return "linkable: lost to blocking or nearest neighbours"


def _first_claim_of(claims):
    "{label id: the first claim id standing for it}."
    out = {}
    for claim_id in sorted(claims):
        label = claims[claim_id]["label"]
        if label and label not in out:
            out[label] = claim_id
    return out


def why_counts(corpus, results, readings):
    """Counts per category (no texts): for each labelled link each mode missed,
    the first reason; for each false link, what went wrong; and, per labelled
    claim, which reading fields the extracted claim reads otherwise than the
    labelled one. ``results`` and ``readings`` are keyed by mode."""
    out = {}
    gold_by_label = {}
    if "gold" in results:
        first = _first_claim_of(results["gold"]["claims_by_id"])
        gold_by_label = {label: readings["gold"][cid] for label, cid in first.items()}
    for mode, result in results.items():
        claims, found = result["claims_by_id"], readings[mode]
        stored = stored_claims(result["path"])
        first = _first_claim_of(claims)
        scores = result["matcher"]
        missed, details = collections.Counter(), collections.Counter()
        for pair in scores.false_negatives:
            ids = [first.get(pair["first"]), first.get(pair["second"])]
            if None in ids:
                missed["claim not extracted"] += 1
                continue
            a, b = found[ids[0]], found[ids[1]]
            reason = miss_reason(a, b)
            if reason.startswith("period"):
                reason += ": " + " vs ".join(sorted(_period_kind(r.period) for r in (a, b)))
                for i, r in ((ids[0], a), (ids[1], b)):
                    if r.period == "interval":
                        details[f"interval side of a period miss, {mode}: " + period_marker(stored[i])] += 1
            elif reason.startswith("place"):
                reason += ": " + " vs ".join(sorted(place_origin(stored[i]) for i in ids))
                for i in ids:
                    if place_origin(stored[i]) == "sentence":
                        details[f"sentence side of a place miss, {mode}: " + place_detail(stored[i])] += 1
            elif reason.startswith("subject disagrees"):
                reason += ": " + _key_difference(a, b) + " / kinds " + " vs ".join(
                    sorted(r.key_kind for r in (a, b)))
            elif reason.startswith("no subject"):
                reason += ": " + " vs ".join(sorted((empty_subject_shape(stored[i]) if not found[i].subject_key
                                                     else "has a key") for i in ids))
            missed[reason] += 1
        false = collections.Counter()
        for p in scores.false_positives:
            la, lb = claims[p.first]["label"], claims[p.second]["label"]
            if not la or not lb:
                false["a claim that is no labelled figure"] += 1
            elif la == lb:
                false["one labelled claim twice"] += 1
            elif mode == "gold" or not gold_by_label:
                false["different quantities: " + _alike(found[p.first], found[p.second])] += 1
            elif la not in gold_by_label or lb not in gold_by_label:
                false["different quantities: a labelled claim the gold run did not store"] += 1
            else:
                wrong = [f for f in READING_FIELDS[:5] for cid, label in ((p.first, la), (p.second, lb))
                         if _field(found[cid], f) != _field(gold_by_label[label], f)]
                false["different quantities: extracted reading differs in "
                      + (wrong[0] if wrong else "nothing (matcher links the labelled readings too)")] += 1
                ra, rb = found[p.first], found[p.second]
                false["  kinds " + " vs ".join(sorted((ra.key_kind, rb.key_kind)))
                      + (", keys equal" if ra.subject_key == rb.subject_key else ", keys differ")
                      + ", labelled kinds " + " vs ".join(sorted((gold_by_label[la].key_kind,
                                                                   gold_by_label[lb].key_kind)))
                      + (", same unit '" + (ra.unit or "count") + "'")] += 1
                for cid, label in ((p.first, la), (p.second, lb)):
                    mine = set(found[cid].subject_key.split())
                    gold = set(gold_by_label[label].subject_key.split())
                    false["  side: extracted key lacks " + _word_classes(gold - mine)
                          + "; has extra " + _word_classes(mine - gold)] += 1
        out[mode] = {"missed": missed, "false": false, "details": details}
        if mode != "gold" and gold_by_label:
            fields = collections.Counter()
            for label, cid in first.items():
                if label not in gold_by_label:
                    continue  # a labelled claim the gold import did not store (see the header's counts)
                mine, gold = found[cid], gold_by_label[label]
                for f in READING_FIELDS:
                    if _field(mine, f) != _field(gold, f):
                        fields[f] += 1
                fields["as_of: " + _as_of_case(claims[cid].get("as_of"), corpus.claims[label].get("as_of"))] += 1
                if claims[cid].get("value") != corpus.claims[label].get("value"):
                    fields["value"] += 1
                if not claims[cid].get("subject"):
                    fields["subject empty: " + empty_subject_shape(stored[cid])] += 1
                if mine.key_kind != gold.key_kind:
                    fields[f"key_kind {gold.key_kind} (labelled) -> {mine.key_kind}"] += 1
                if mine.period != gold.period:
                    fields[f"period {_period_kind(gold.period)} (labelled) -> {_period_kind(mine.period)}"] += 1
                if mine.place != gold.place:
                    fields["place " + ("known" if gold.place else "unknown") + " (labelled) -> "
                           + ("unknown" if not mine.place else "other" if gold.place else "known")
                           + ", from " + place_origin(stored[cid])] += 1
            out[mode]["fields"] = fields
            out[mode]["compared"] = len(first)
    return out


def _alike(a, b):
    same = [f for f in READING_FIELDS[:5] if _field(a, f) == _field(b, f)]
    return "readings alike in " + (", ".join(same) or "nothing")


def _as_of_case(extracted, labelled):
    if not extracted and not labelled:
        return "both none"
    if not extracted:
        return "labelled, not extracted"
    if not labelled:
        return "extracted, not labelled"
    if extracted == labelled:
        return "same"
    if extracted[:4] == labelled[:4]:
        return "same year, other precision or day"
    return "other year"


def stored_claims(path):
    "The claims of the database at path as read_claim takes them: {claim id: dict}."
    from checks import matching
    from checks.database import open_database

    db = open_database(path)
    try:
        rows = db.execute(f"SELECT {matching._CLAIM_COLUMNS} FROM claims c "
                          "JOIN documents d ON d.id = c.document_id").fetchall()
        places = matching._DocumentPlaces(db)
        claims = {row[0]: dict(zip(matching._CLAIM_NAMES, row)) for row in rows}
        for claim in claims.values():
            claim["document_place"] = places(claim["document_id"])
        return claims
    finally:
        db.close()


def place_origin(claim):
    "Where read_claim found a claim's place: subject, near, sentence, document, monitor or none."
    from checks import matching

    full = matching.read_claim(claim, lambda _: claim["document_place"]).place
    if not full:
        return "none"
    if matching.read_claim(dict(claim, sentence="", attribution=None), None).place == full and claim.get("subject"):
        return "subject"
    if matching.read_claim(dict(claim, attribution=None), None).place == full:
        return "sentence"
    if claim["document_place"] == full:
        return "document"
    return "monitor"


def _period_kind(period):
    return "year" if period.startswith("year ") else period


_AFTER_FIGURE = re.compile(r"\s*([^\s]?)([\w'’-]*)")


def empty_subject_shape(claim):
    "What follows a figure the extractor gave no subject: a class, never the words."
    from checks import lexicon

    sentence, quote = claim.get("sentence") or "", claim.get("quote") or ""
    at = sentence.find(quote)
    if at < 0:
        return "figure not in its sentence"
    unit = f"unit {claim['unit']}, " if claim.get("unit") else ""
    rest = sentence[at + len(quote):]
    m = re.match(r"(-?)\s*([A-Za-z][\w'’-]*)?", rest)
    if m.group(1):
        return unit + "hyphen-joined word after the figure"
    word = m.group(2)
    if not word:
        return unit + "punctuation or end after the figure"
    if word[0].isupper():
        return unit + "capitalised word after the figure"
    if word.lower() in ("of", "in", "among"):
        return unit + "of/in/among after the figure"
    if word.lower() in ("were", "was", "are", "is", "have", "has", "had", "remain", "remained", "will"):
        return unit + "verb 'be/have/remain' after the figure"
    if word.lower().endswith("ed"):
        return unit + "-ed word after the figure"
    if word.lower() in lexicon.words("a an the this that to for on at by with from since than as and or but"):
        return unit + "function word after the figure"
    if word.lower().endswith("s"):
        return unit + "plural-looking word after the figure"
    return unit + "other lowercase word after the figure"


def _word_classes(words):
    "The lexicon classes of some subject words: slice, event, generic, other (never the words)."
    from checks import lexicon

    if not words:
        return "nothing"
    classes = set()
    for w in words:
        classes.add("slice" if w in lexicon.SLICE_WORDS else "event" if w in lexicon.EVENT_WORDS
                    else "generic" if w in lexicon.GENERIC else "other")
    return "+".join(sorted(classes))


def _key_difference(a, b):
    from checks import lexicon

    x, y = set(a.subject_key.split()), set(b.subject_key.split())
    if not x & y:
        return "share no word"
    if not (x & y) - lexicon.GENERIC:
        return "share only generic words"
    diff = x ^ y
    if diff <= lexicon.EVENT_WORDS:
        return "differ only in event words"
    if diff & lexicon.SLICE_WORDS:
        return "differ in a slice word"
    if x < y or y < x:
        return "one holds the other, plus non-event words"
    return "overlap, each with words of its own"


def period_marker(claim):
    "Which kind of interval marker makes read_claim call a claim's figure one interval's."
    from checks import lexicon, matching

    sentence, quote = claim.get("sentence") or "", claim.get("quote") or ""
    at = sentence.find(quote)
    window = (matching._clause(sentence, at, at + len(quote)) if at >= 0 else sentence) + " " + (
        claim.get("subject") or "")
    m = lexicon._INTERVAL.search(window)
    if not m:
        return "no interval marker"
    text = m.group().lower()
    for kind, pattern in (("month name", r"\b(?:in|during) [a-z]+$"), ("alone", r"alone"),
                          ("daily/weekly/monthly/overnight", r"daily|weekly|monthly|overnight"),
                          ("night", r"night"), ("this/last/past day-week-month", r"^(?:this|last|past|previous|that|the same|a single|one) "),
                          ("weekend", r"weekend"), ("per day/week/month", r"^(?:per|a|each|every) "),
                          ("first day/week", r"^(?:first|second|third|opening)"), ("hours", r"hours")):
        if re.search(pattern, text):
            return "marker: " + kind + (" (in the subject)" if m.start() > len(window) - len(claim.get("subject") or "") - 1 else "")
    return "marker: other"


def place_detail(claim):
    "How a sentence gave a claim its place: located or nearest, and what kind of word."
    from checks import lexicon, matching

    reading = matching.read_claim(dict(claim, attribution=None), None)
    sentence, quote = claim.get("sentence") or "", claim.get("quote") or ""
    at = sentence.find(quote)
    located = lexicon.located_place(sentence, max(at, 0)) == reading.place
    words = [w for w in lexicon.words(sentence) if lexicon.PLACE_OF.get(w) == reading.place]
    kinds = set()
    for w in words:
        if w == reading.place.lower():
            kinds.add("country")
        elif w in lexicon.LEADERS:
            kinds.add("leader")
        elif w.endswith(("ian", "ians", "ish", "ese", "an", "ans", "i", "ic")):
            kinds.add("adjective")
        else:
            kinds.add("city/monitor")
    same_doc = "= own document's" if claim["document_place"] == reading.place else (
        "document has none" if not claim["document_place"] else "≠ own document's")
    return f"{'located' if located else 'nearest'} {'+'.join(sorted(kinds))}, {same_doc}"


def report_why(counts, out=None):
    out = out or sys.stdout
    for mode, parts in counts.items():
        print(f"\n-- why, {mode}", file=out)
        for title, key in (("missed labelled links, first reason", "missed"),
                           ("details of the missed links", "details"), ("false links", "false")):
            print(f"{title}: {sum(n for k, n in parts[key].items() if not k.startswith(' '))}", file=out)
            for reason, n in parts[key].most_common():
                print(f"  {n:5}  {reason}", file=out)
        if "fields" in parts:
            print(f"labelled claims whose extracted reading differs ({parts['compared']} compared):",
                  file=out)
            for name, n in sorted(parts["fields"].items()):
                print(f"  {n:5}  {name}", file=out)


# --- reporting ----------------------------------------------------------------------

def describe(corpus):
    quantities = corpus.quantities()
    relations = collections.Counter(p["relation"] for p in corpus.pairs.values())
    multi = [q for q, cs in quantities.items() if len({c["doc"] for c in cs}) > 1]
    return (f"{len(corpus.documents)} documents, {len(corpus.claims)} labelled claims, "
            f"{len(quantities)} quantities ({len(multi)} reported by several documents, "
            f"{len(corpus.claims) / len(quantities):.2f} claims per quantity), "
            f"{len(corpus.pairs)} same-quantity pairs: "
            + ", ".join(f"{relations[r]} {r}" for r in RELATIONS))


def _fraction(right, total):
    return f"{right / total:.3f} ({right}/{total})" if total else "–"


def report(result, out=None):
    out = out or sys.stdout
    m, b = result["matcher"], result["baseline"]
    title = {"gold": "gold claims (labelled claims stored as they are)",
             "end-to-end": "end-to-end (claims from checks.extraction)"}[result["mode"]]
    print(f"\n== {title}", file=out)
    print(f"claims stored: {result['claims']}, standing for a labelled claim: {result['mapped']}; "
          f"labelled claims found: {result['labels_found']}", file=out)
    if m is None:
        print(f"matcher: {result['matcher_error']}", file=out)
    rows = [
        ("threshold", "default" if m and m.threshold is None else (m.threshold if m else "–"),
         f"token_set_ratio ≥ {b.threshold}"),
        ("links predicted", m.predicted if m else "–", b.predicted),
        ("right links", m.true_links if m else "–", b.true_links),
        ("labelled links", m.gold_links if m else "–", b.gold_links),
        ("precision", f"{m.precision:.3f}" if m else "–", f"{b.precision:.3f}"),
        ("recall", f"{m.recall:.3f}" if m else "–", f"{b.recall:.3f}"),
        ("F1", f"{m.f1:.3f}" if m else "–", f"{b.f1:.3f}"),
        ("relation accuracy", _fraction(m.relation_right, m.true_links) if m else "–",
         _fraction(b.relation_right, b.true_links)),
        ("updates, direction right", _fraction(m.direction_right, m.direction_total) if m else "–",
         _fraction(b.direction_right, b.direction_total)),
    ]
    mg, bg = result.get("matcher_graph"), result["baseline_graph"]
    rows.append(("through the graph: P / R / F1",
                 f"{mg.precision:.3f} / {mg.recall:.3f} / {mg.f1:.3f}" if mg else "–",
                 f"{bg.precision:.3f} / {bg.recall:.3f} / {bg.f1:.3f}"))
    print(f"{'':28}{'matcher':>24}   {'baseline':<28}", file=out)
    for name, left, right in rows:
        print(f"{name:28}{str(left):>24}   {str(right):<28}", file=out)
    if m:
        confused = ", ".join(f"{g}→{p} {n}" for (g, p), n in sorted(m.confusion.items()) if g != p)
        print(f"relation confusion (labelled → predicted): {confused or 'none'}", file=out)


def _show(claims, corpus, claim_id):
    c = claims[claim_id]
    label = corpus.claims.get(c["label"]) if c["label"] else None
    quantity = label["quantity"] if label else "no labelled claim here"
    return f"{c['doc']} {c['quote']!r} [{quantity}]"


def report_errors(scores, claims, corpus, out=None):
    "False positives, false negatives and relation errors, each with the reason."
    out = out or sys.stdout
    print(f"\n-- false positives ({len(scores.false_positives)})", file=out)
    for p in sorted(scores.false_positives, key=lambda p: -p.score):
        a, b = claims[p.first], claims[p.second]
        if not a["label"] or not b["label"]:
            reason = "a claim that is not a labelled figure"
        elif a["label"] == b["label"]:
            reason = "the same labelled claim twice"
        elif a["doc"] == b["doc"]:
            reason = "two claims of one document"
        else:
            reason = "different quantities"
        print(f"FP {p.score:6.1f} {_show(claims, corpus, p.first)} ~ {_show(claims, corpus, p.second)}"
              f": {reason}" + (f"\n     matcher: {p.explanation}" if p.explanation else ""), file=out)
    print(f"\n-- false negatives ({len(scores.false_negatives)})", file=out)
    for pair in sorted(scores.false_negatives, key=lambda p: p["first"]):
        a, b = corpus.claims[pair["first"]], corpus.claims[pair["second"]]
        print(f"FN {a['doc']} {a['quote']!r} ~ {b['doc']} {b['quote']!r} [{a['quantity']}, "
              f"{pair['relation']}]\n     {a['sentence']}\n     {b['sentence']}", file=out)
    print(f"\n-- relation errors ({len(scores.relation_errors)})", file=out)
    for p, pair in scores.relation_errors:
        a, b = corpus.claims[pair["first"]], corpus.claims[pair["second"]]
        print(f"REL predicted {p.relation}, labelled {pair['relation']}: {a['doc']} {a['quote']!r} → "
              f"{b['doc']} {b['quote']!r} [{a['quantity']}]: {why(a, b, corpus.documents)}"
              + (f"\n     matcher: {p.explanation}" if p.explanation else ""), file=out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=("gold", "end-to-end", "both"), default="both")
    parser.add_argument("--corpus", default=str(CORPUS_DIR),
                        help=f"corpus directory (held out, never tuned on: {HELDOUT_DIR})")
    parser.add_argument("--threshold", type=float, default=None,
                        help="threshold passed to match_claims (default: the matcher's own)")
    parser.add_argument("--sweep", action="store_true",
                        help="also run the matcher with threshold 0 and report its best F1 "
                             "over score cutoffs 0..100")
    parser.add_argument("--errors", action="store_true",
                        help="list false positives, false negatives and relation errors")
    parser.add_argument("--why", action="store_true",
                        help="count, per category, why labelled links were missed and false links "
                             "made, and which reading fields extraction gets otherwise (counts "
                             "only: allowed on a held-out corpus)")
    parser.add_argument("--keep", metavar="DIR",
                        help="write the databases to DIR (e.g. benchmarks/out) instead of a temp dir")
    parser.add_argument("--suggest-pairs", action="store_true",
                        help="print pair lines for same-quantity claims the labels lack, "
                             "with the relation the rules give, and exit")
    args = parser.parse_args(argv)
    if args.errors and is_held_out(args.corpus):
        parser.error(f"{args.corpus} is held out: its errors are not listed (aggregate figures only)")
    corpus = load_corpus(args.corpus)
    if args.suggest_pairs:
        for line in suggest_pairs(corpus):
            print(json.dumps(line, ensure_ascii=False))
        return 0
    print("matching corpus: " + describe(corpus))
    modes = ("gold", "end-to-end") if args.mode == "both" else (args.mode,)
    if args.why and "gold" not in modes:
        modes = ("gold",) + modes  # the labelled readings are what extracted ones are held to
    results, readings = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        directory = pathlib.Path(args.keep or tmp)
        directory.mkdir(parents=True, exist_ok=True)
        for mode in modes:
            result = evaluate(corpus, mode, directory, threshold=args.threshold)
            report(result)
            if args.why and result["matcher"]:
                results[mode] = result
                readings[mode] = stored_readings(directory / f"matching-{mode}.db")
            if args.sweep and result["matcher"]:
                swept = evaluate(corpus, mode, directory, threshold=0)
                best, _ = matcher_sweep(swept["predictions"], swept["claims_by_id"], corpus)
                print(f"matcher run with threshold 0: {swept['matcher'].predicted} links; best F1 "
                      f"{best.f1:.3f} (P {best.precision:.3f}, R {best.recall:.3f}) at score ≥ "
                      f"{best.threshold}")
            if args.errors:
                scores = result["matcher"] or result["baseline"]
                which = "matcher" if result["matcher"] else f"baseline at {scores.threshold}"
                print(f"\nerrors of the {which}, {mode}:")
                report_errors(scores, result["claims_by_id"], corpus)
        if results:
            report_why(why_counts(corpus, results, readings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
