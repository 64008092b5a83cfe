"""Score numeric-claim extraction against the labelled corpus in tests/corpus/extraction.

    python benchmarks/score_extraction.py [--language en-news] [--quantulum] [--errors N]

Corpora: en (the development corpus the extractor was tuned on), en-news (a second,
independent English corpus of scraped news pages: the check on overfitting), en-wire (a
third: wire stories and NGO releases, labelled before the extractor first ran on it), ru,
pl, de, fr. Each is scored as its own row; "en (all)" pools the English ones, "all" pools
every tuning corpus loaded. en-heldout (scraped pages never tuned on) is scored last as a
row of its own, pooled into nothing, and its errors are only ever counted per kind, never
shown: it stays an honest estimate only as long as nobody tunes on it.

Detection: a predicted claim matches a gold claim when their spans overlap (one to one).
Over matched pairs: value, low, high (equal within 1e-6 relative, None == None),
qualifier, unit, attribution and as_of accuracy. Strict F1 counts a pair only when the
value and the qualifier are right too, and the span is exact ("strict") or merely
overlapping ("strict, overlap").

The functions are importable: ``load_corpus``, ``extract_with_checks``,
``extract_with_quantulum``, ``match_claims``, ``evaluate``.
"""

import argparse
import dataclasses
import json
import pathlib
import sys

CORPUS_DIR = pathlib.Path(__file__).resolve().parent.parent / "tests" / "corpus" / "extraction"
CORPORA = ("en", "en-news", "en-wire", "ru", "pl", "de", "fr")  # the corpora extraction is tuned on
HELD_OUT = ("en-heldout",)  # never tuned on: own row, not pooled, errors never shown
LANGUAGES = CORPORA + HELD_OUT  # the --language choices: corpus names, as in tests/corpus/extraction
POOLED = {"en (all)": ("en", "en-news", "en-wire")}  # extra rows pooling several corpora
FIELDS = ("quote", "start", "end", "value", "low", "high", "qualifier", "unit",
          "attribution", "as_of")


# --- loading and extracting ------------------------------------------------------

def load_corpus(languages=None, directory=CORPUS_DIR):
    """The corpus documents, as dicts, for the given corpora (by default the tuning
    corpora, CORPORA; a held-out corpus is loaded only when named)."""
    docs = []
    for corpus in languages or CORPORA:
        path = pathlib.Path(directory) / f"{corpus}.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            docs.extend(json.loads(line) for line in f if line.strip())
    return docs


def corpus_of(doc):
    """The corpus a document belongs to, from its id: "en-news-003" -> "en-news"."""
    return doc["id"].rpartition("-")[0]


def as_dict(claim):
    """A claim (dict, dataclass or object with the Claim fields) as a plain dict."""
    if isinstance(claim, dict):
        return claim
    if dataclasses.is_dataclass(claim):
        return dataclasses.asdict(claim)
    return {name: getattr(claim, name, None) for name in FIELDS}


def extract_with_checks(doc):
    from checks.extraction import extract_claims

    return [as_dict(c) for c in extract_claims(doc["text"], language=doc.get("language"))]


_QUANTULUM_UNITS = {
    "percentage": "percent", "year": "years", "month": "months", "week": "weeks",
    "day": "days", "hour": "hours", "dollar": "USD", "United States dollar": "USD",
    "euro": "EUR", "pound sterling": "GBP", "Russian ruble": "RUB",
    "Belarusian ruble": "BYN",
}


def extract_with_quantulum(doc):
    """quantulum3's quantities as claims: value exact, unit mapped where we can.

    quantulum3 only parses English (and Spanish); other languages get its English
    parser, which is what a user of it would get."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        try:
            quantities = parser.parse(doc["text"])
        except Exception:  # quantulum3 raises on some inputs; that is a miss, not a crash
            return []
    claims = []
    for q in quantities:
        start, end = q.span
        unit = _QUANTULUM_UNITS.get(q.unit.name)
        claims.append({"quote": doc["text"][start:end], "start": start, "end": end,
                       "value": q.value, "low": q.value, "high": q.value,
                       "qualifier": "exact", "unit": unit, "attribution": None,
                       "as_of": None})
    return claims


EXTRACTORS = {"checks": extract_with_checks, "quantulum3": extract_with_quantulum}


# --- matching and scoring ----------------------------------------------------------

def same_number(a, b):
    """Equal within 1e-6 relative; None only equals None."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def _same_text(a, b):
    norm = lambda s: None if s is None else " ".join(str(s).lower().removeprefix("the ").split())
    return norm(a) == norm(b)


def _overlap(g, p):
    return min(g["end"], p["end"]) - max(g["start"], p["start"])


def match_claims(gold, predicted):
    """One-to-one pairs (gold index, predicted index) of overlapping spans, exact spans
    first, then the largest overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = _overlap(g, p)
            if overlap > 0:
                exact = g["start"] == p["start"] and g["end"] == p["end"]
                candidates.append((not exact, -overlap, abs(g["start"] - p["start"]), gi, pi))
    pairs, used_gold, used_pred = [], set(), set()
    for *_, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


@dataclasses.dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact_span: int = 0
    value: int = 0
    low: int = 0
    high: int = 0
    qualifier: int = 0
    unit: int = 0
    attribution: int = 0
    as_of: int = 0
    strict: int = 0
    strict_overlap: int = 0

    def add(self, other):
        for field in dataclasses.fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))

    @staticmethod
    def _ratio(a, b):
        return a / b if b else 0.0

    def _f1(self, hits):
        return self._ratio(2 * hits, self.gold + self.predicted)

    @property
    def precision(self):
        return self._ratio(self.matched, self.predicted)

    @property
    def recall(self):
        return self._ratio(self.matched, self.gold)

    @property
    def f1(self):
        return self._f1(self.matched)

    @property
    def strict_f1(self):
        return self._f1(self.strict)

    @property
    def strict_overlap_f1(self):
        return self._f1(self.strict_overlap)

    def accuracy(self, field):
        """Share of matched pairs where ``field`` is right."""
        return self._ratio(getattr(self, field), self.matched)


@dataclasses.dataclass
class Error:
    kind: str  # "false positive", "false negative", "wrong value", "wrong qualifier", "wrong span"
    doc_id: str
    text: str
    gold: dict | None
    predicted: dict | None

    def context(self, width=60):
        claim = self.gold or self.predicted
        start, end = claim["start"], claim["end"]
        if self.gold and self.predicted:
            start, end = min(start, self.predicted["start"]), max(end, self.predicted["end"])
        before = self.text[max(0, start - width):start]
        after = self.text[end:end + width]
        snippet = f"{before}⟦{self.text[start:end]}⟧{after}"
        return " ".join(snippet.split())

    def describe(self):
        def show(c):
            if c is None:
                return "-"
            return (f"{c['quote']!r} {c['qualifier']} value={c['value']} low={c['low']} "
                    f"high={c['high']} unit={c.get('unit')}")

        return (f"[{self.kind}] {self.doc_id}: {self.context()}\n"
                f"    gold: {show(self.gold)}\n    got:  {show(self.predicted)}")


def score_document(doc, predicted):
    """(Score, errors) for one document's gold claims against predicted claims."""
    gold, text = doc["claims"], doc["text"]
    score, errors = Score(gold=len(gold), predicted=len(predicted)), []
    pairs = match_claims(gold, predicted)
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        exact_span = g["start"] == p["start"] and g["end"] == p["end"]
        right = {name: same_number(g[name], p.get(name)) for name in ("value", "low", "high")}
        right["qualifier"] = g["qualifier"] == p.get("qualifier")
        right["unit"] = g["unit"] == p.get("unit")
        right["attribution"] = _same_text(g["attribution"], p.get("attribution"))
        right["as_of"] = g["as_of"] == p.get("as_of")
        score.matched += 1
        score.exact_span += exact_span
        for name, ok in right.items():
            setattr(score, name, getattr(score, name) + ok)
        good = right["value"] and right["qualifier"]
        score.strict_overlap += good
        score.strict += good and exact_span
        if not right["value"] or not right["low"] or not right["high"]:
            errors.append(Error("wrong value", doc["id"], text, g, p))
        elif not right["qualifier"]:
            errors.append(Error("wrong qualifier", doc["id"], text, g, p))
        elif not exact_span:
            errors.append(Error("wrong span", doc["id"], text, g, p))
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    errors += [Error("false negative", doc["id"], text, g, None)
               for gi, g in enumerate(gold) if gi not in matched_gold]
    errors += [Error("false positive", doc["id"], text, None, p)
               for pi, p in enumerate(predicted) if pi not in matched_pred]
    return score, errors


def evaluate(docs, extractor=extract_with_checks):
    """Scores per corpus, per pooled row ("en (all)") when one of its corpora is present,
    plus "all" over the tuning corpora (held-out ones stay out of every pooled row); and
    every error; for ``extractor(doc) -> claims``."""
    scores, errors = {}, []
    for doc in docs:
        predicted = [as_dict(c) for c in extractor(doc)]
        score, doc_errors = score_document(doc, predicted)
        corpus = corpus_of(doc)
        scores.setdefault(corpus, Score()).add(score)
        for pooled, members in POOLED.items():
            if corpus in members:
                scores.setdefault(pooled, Score()).add(score)
        if corpus not in HELD_OUT:
            scores.setdefault("all", Score()).add(score)
        errors.extend(doc_errors)
    return scores, errors


def is_held_out(error):
    """Whether an error comes from a held-out corpus (whose errors are never shown)."""
    return corpus_of({"id": error.doc_id}) in HELD_OUT


def error_counts(errors):
    """{kind: count}: the only view of held-out errors the scorer gives."""
    counts = {}
    for error in errors:
        counts[error.kind] = counts.get(error.kind, 0) + 1
    return counts


def by_qualifier(docs, extractor=extract_with_checks):
    """{gold qualifier: [gold count, detected (overlap), strict hits]}."""
    rows = {}
    for doc in docs:
        gold = doc["claims"]
        predicted = [as_dict(c) for c in extractor(doc)]
        paired = dict(match_claims(gold, predicted))
        for gi, g in enumerate(gold):
            row = rows.setdefault(g["qualifier"], [0, 0, 0])
            row[0] += 1
            if gi in paired:
                p = predicted[paired[gi]]
                row[1] += 1
                row[2] += ((g["start"], g["end"]) == (p["start"], p["end"])
                           and same_number(g["value"], p.get("value"))
                           and g["qualifier"] == p.get("qualifier"))
    return rows


# --- command line ------------------------------------------------------------------

COLUMNS = [
    ("gold", lambda s: f"{s.gold}"), ("pred", lambda s: f"{s.predicted}"),
    ("P", lambda s: f"{s.precision:.3f}"), ("R", lambda s: f"{s.recall:.3f}"),
    ("F1", lambda s: f"{s.f1:.3f}"), ("value", lambda s: f"{s.accuracy('value'):.3f}"),
    ("low", lambda s: f"{s.accuracy('low'):.3f}"), ("high", lambda s: f"{s.accuracy('high'):.3f}"),
    ("qual", lambda s: f"{s.accuracy('qualifier'):.3f}"),
    ("unit", lambda s: f"{s.accuracy('unit'):.3f}"),
    ("attrib", lambda s: f"{s.accuracy('attribution'):.3f}"),
    ("as_of", lambda s: f"{s.accuracy('as_of'):.3f}"),
    ("strictF1", lambda s: f"{s.strict_f1:.3f}"),
    ("strictF1~", lambda s: f"{s.strict_overlap_f1:.3f}"),
]


def format_table(results):
    """results: {system: {corpus: Score}} -> a text table, systems side by side."""
    header = ["corpus", "system"] + [name for name, _ in COLUMNS]
    rows = []
    present = {key for scores in results.values() for key in scores}
    pooled = [name for name, members in POOLED.items() if len(present & set(members)) > 1]
    english = tuple(c for c in CORPORA if c.split("-")[0] == "en")
    order = english + tuple(pooled) + CORPORA[len(english):] + ("all",) + HELD_OUT
    languages = [lang for lang in order if lang in present]
    for lang in languages:
        for system, scores in results.items():
            if lang in scores:
                rows.append([lang, system] + [fmt(scores[lang]) for _, fmt in COLUMNS])
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    line = lambda r: "  ".join(c.rjust(w) if i > 1 else c.ljust(w)
                               for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", action="append", choices=LANGUAGES,
                        help="score only this corpus (repeatable): en, en-news, en-wire (scraped news "
                             "pages and wire stories, the overfitting checks), ru, pl, de, fr, en-heldout "
                             "(never tuned on); default all")
    parser.add_argument("--quantulum", action="store_true",
                        help="also score quantulum3 on the same texts, side by side")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print up to N errors of each kind for checks")
    parser.add_argument("--by-qualifier", action="store_true",
                        help="recall and strict hits per gold qualifier for checks")
    args = parser.parse_args(argv)
    docs = load_corpus(args.language or LANGUAGES)
    if not docs:
        parser.error(f"no corpus documents found in {CORPUS_DIR}")
    systems = ["checks"] + (["quantulum3"] if args.quantulum else [])
    results, checks_errors = {}, []
    for system in systems:
        results[system], errors = evaluate(docs, EXTRACTORS[system])
        if system == "checks":
            checks_errors = errors
    print(format_table(results))
    print("\nstrictF1: span exact + value + qualifier; strictF1~: same with overlapping span."
          "\nvalue/low/high/qual/unit/attrib/as_of: accuracy over matched pairs.")
    tuning_docs = [doc for doc in docs if corpus_of(doc) not in HELD_OUT]
    if len(tuning_docs) < len(docs):
        counts = error_counts(e for e in checks_errors if is_held_out(e))
        print("\nheld-out errors by kind (never shown one by one): "
              + (", ".join(f"{kind} {counts[kind]}" for kind in sorted(counts)) or "none"))
    if args.by_qualifier:
        print("\nqualifier       gold  detected  strict  (tuning corpora only)")
        for qualifier, (gold, detected, strict) in sorted(by_qualifier(tuning_docs).items()):
            print(f"{qualifier:<14}{gold:>5}{detected:>10}{strict:>8}")
    if args.errors:
        kinds = ("false negative", "false positive", "wrong value", "wrong qualifier", "wrong span")
        for kind in kinds:
            found = [e for e in checks_errors if e.kind == kind and not is_held_out(e)]
            print(f"\n== {kind}: {len(found)}")
            for error in found[:args.errors]:
                print(error.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
