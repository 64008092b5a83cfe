"""Matching corpora written as one readable source, src/corpus.txt, where claims are marked
inline and pairs are listed by hand, built into documents.jsonl and labels.jsonl. Each such
corpus (matching-wire, matching-field) has a build.py that calls ``main`` with its folder.

Source format::

    @@ w01
    published: 2022-03-08
    publisher: Northline Wire
    url: https://northlinewire.example/2022/03/...
    title: ...
    ---
    Text, with claims marked [[more than 13,000|more_than 13000|people detained|q=KEY|by=OVD-Info]].

A marker is ``[[QUOTE|QUALIFIER ARGS|SUBJECT|key=value|...]]``; only QUOTE stays in the
text. QUALIFIER ARGS: ``exact N``, ``more_than N``, ``at_least N``, ``about N``, ``almost N``,
``up_to N``, ``range LOW HIGH`` or ``vague KIND`` (KIND as in the extraction corpus).
Keys: ``q=`` (the quantity, required), ``unit=``, ``by=`` (attribution), ``as_of=``.

After the documents, ``@@ pairs`` and one line per pair, written by hand::

    QUANTITY: w01 w02 C        # C corroborates, U updates, X contradicts
    QUANTITY: w06#2 w07 C      # #n: the n-th claim of QUANTITY in that document

The first claim is the earlier one. ``python tests/corpus/NAME/build.py`` rewrites the
.jsonl files; ``--check`` exits 1 when they are out of date.
"""

import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "benchmarks"))
from score_matching import _bounded  # noqa: E402  (what "free-standing" means to the scorer)

VAGUE_BOUNDS = {
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens_of_thousands": (20_000, 99_999), "hundreds_of_thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999),
}
RELATION = {"C": "corroborates", "U": "updates", "X": "contradicts"}
MARKER = re.compile(r"\[\[([^\]|]+)\|([^\]|]+)\|([^\]|]+)((?:\|[^\]|]+)*)\]\]")


def _number(text):
    n = float(text)
    return int(n) if n.is_integer() else n


def figure(args):
    "value, low, high, qualifier from a marker's QUALIFIER ARGS."
    kind, *rest = args.split()
    if kind == "range":
        return None, _number(rest[0]), _number(rest[1]), "range"
    if kind == "vague":
        low, high = VAGUE_BOUNDS[rest[0]]
        return None, low, high, "vague"
    n = _number(rest[0])
    bounds = {"exact": (n, n), "more_than": (n, None), "at_least": (n, None),
              "about": (None, None), "almost": (None, n), "up_to": (None, n)}[kind]
    return (n, *bounds, kind)


def occurrence(text, quote, start):
    "Which free-standing occurrence of quote in text starts at start (1-based)."
    seen, at = 0, text.find(quote)
    while at != -1 and at <= start:
        if _bounded(text, at, at + len(quote)):
            seen += 1
        at = text.find(quote, at + 1)
    if not _bounded(text, start, start + len(quote)):
        raise ValueError(f"{quote!r} at {start} is inside a longer word or number")
    return seen


def parse_document(block):
    head, _, body = block.partition("\n---\n")
    meta = dict(line.split(": ", 1) for line in head.strip().splitlines()[1:])
    doc_id = head.strip().splitlines()[0].strip()
    raw = body.strip("\n")
    text, claims, pos = "", [], 0
    for m in MARKER.finditer(raw):
        text += raw[pos:m.start()]
        quote, args, subject, opts = m.groups()
        keys = dict(o.split("=", 1) for o in opts.split("|")[1:])
        value, low, high, qualifier = figure(args)
        claims.append({"start": len(text), "doc": doc_id, "quote": quote,
                       "quantity": keys["q"], "value": value, "low": low, "high": high,
                       "qualifier": qualifier, "unit": keys.get("unit"), "subject": subject,
                       "attribution": keys.get("by"), "as_of": keys.get("as_of")})
        text += quote
        pos = m.end()
    text += raw[pos:]
    if "[[" in text or "]]" in text:
        raise ValueError(f"{doc_id}: a marker is malformed")
    for c in claims:
        c["occurrence"] = occurrence(text, c["quote"], c.pop("start"))
    published = meta["published"] if meta["published"] != "none" else None
    document = {"id": doc_id, "url": meta["url"], "publisher": meta["publisher"],
                "published": published, "title": meta["title"], "text": text, "language": "en"}
    return document, claims


def parse_pairs(block, claims):
    by_ref = {}
    for c in claims:
        ref = (c["quantity"], c["doc"])
        by_ref.setdefault(ref, []).append(c)
    pairs = []
    for number, line in enumerate(block.strip().splitlines()[1:], 1):
        if not line.strip() or line.lstrip().startswith(";;"):
            continue
        quantity, rest = line.split(":", 1)
        a, b, relation = rest.split()
        refs = []
        for ref in (a, b):
            doc, _, nth = ref.partition("#")
            found = by_ref.get((quantity.strip(), doc))
            if not found:
                raise ValueError(f"pairs line {number}: no claim of {quantity} in {doc}")
            c = found[int(nth or 1) - 1]
            refs.append([c["doc"], c["quote"], c["occurrence"]])
        pairs.append({"pair": refs, "relation": RELATION[relation]})
    return pairs


def build(directory):
    "(documents.jsonl, labels.jsonl) text of the corpus whose source is in ``directory``/src."
    source = (pathlib.Path(directory) / "src" / "corpus.txt").read_text(encoding="utf-8")
    blocks = [b for b in re.split(r"^@@ ", source, flags=re.M) if b.strip() and not b.startswith(";;")]
    documents, claims, pairs = [], [], []
    for block in blocks:
        if block.startswith("pairs"):
            pairs = parse_pairs(block, claims)
            continue
        document, found = parse_document(block)
        documents.append(document)
        claims.extend(found)
    docs = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)
    keys = ("doc", "quote", "occurrence", "quantity", "value", "low", "high", "qualifier", "unit",
            "subject", "attribution", "as_of")
    labels = "".join(json.dumps({k: c[k] for k in keys}, ensure_ascii=False) + "\n" for c in claims)
    labels += "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs)
    return docs, labels


def main(directory, argv):
    "Write the corpus in ``directory`` from its source, or with --check only say whether it is current."
    directory = pathlib.Path(directory)
    docs, labels = build(directory)
    targets = {directory / "documents.jsonl": docs, directory / "labels.jsonl": labels}
    if "--check" in argv:
        stale = [p.name for p, t in targets.items() if not p.exists() or p.read_text(encoding="utf-8") != t]
        if stale:
            print("out of date: " + ", ".join(stale))
            return 1
        return 0
    for path, content in targets.items():
        path.write_text(content, encoding="utf-8")
    return 0
