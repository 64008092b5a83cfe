"""Build the labelled extraction corpus (``LANG.jsonl``) from its readable source
(``src/LANG.txt``), where claims are marked inline.

Source format, one file per corpus (``src/LANG.txt``, or ``src/LANG-NAME.txt`` for a
further corpus in the same language, e.g. ``en-news``; the language is the part before
the first "-")::

    === en-001
    ;; a comment line, dropped from the text
    According to Viasna, [[more than 1,500|more_than 1500|political prisoners|by=Viasna|as_of=2023-05-01]]
    remain behind bars.

A document starts at a ``=== ID`` line and runs to the next one; its text is the
lines in between (leading and trailing blank lines dropped, ``;;`` lines removed).
A marker is ``[[QUOTE|QUALIFIER ARGS|SUBJECT|key=value|...]]``; only QUOTE stays in
the text, and start/end are where it lands. QUALIFIER ARGS is one of::

    exact N | more_than N | at_least N | about N | almost N | up_to N
    range LOW HIGH | vague KIND    (KIND: a key of VAGUE_BOUNDS)

The bounds follow from the qualifier (see README.md). Optional keys: ``unit=``,
``by=`` (attribution), ``as_of=``.

Run ``python tests/corpus/extraction/build.py`` to rewrite the .jsonl files;
``--check`` exits 1 when they are out of date.
"""

import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent
QUALIFIERS = ("exact", "more_than", "at_least", "about", "almost", "up_to", "range", "vague")
VAGUE_BOUNDS = {
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens_of_thousands": (20_000, 99_999),
    "hundreds_of_thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999),
}
OPTION_KEYS = {"unit": "unit", "by": "attribution", "as_of": "as_of"}
MARKER = re.compile(r"\[\[(.*?)\]\]", re.S)


class SourceError(ValueError):
    pass


def _number(text, where):
    try:
        value = float(text)
    except ValueError:
        raise SourceError(f"{where}: {text!r} is not a number") from None
    return int(value) if value.is_integer() else value


def bounds(qualifier, args, where):
    """(value, low, high) for a qualifier and its arguments, following the scheme."""
    if qualifier not in QUALIFIERS:
        raise SourceError(f"{where}: unknown qualifier {qualifier!r}")
    wanted = {"range": 2}.get(qualifier, 1)
    if len(args) != wanted:
        raise SourceError(f"{where}: {qualifier} takes {wanted} argument(s), got {args}")
    if qualifier == "vague":
        if args[0] not in VAGUE_BOUNDS:
            raise SourceError(f"{where}: unknown vague kind {args[0]!r}")
        low, high = VAGUE_BOUNDS[args[0]]
        return None, low, high
    if qualifier == "range":
        low, high = (_number(a, where) for a in args)
        if low >= high:
            raise SourceError(f"{where}: range {low}..{high} is empty")
        return None, low, high
    n = _number(args[0], where)
    return {
        "exact": (n, n, n),
        "more_than": (n, n, None),
        "at_least": (n, n, None),
        "about": (n, None, None),
        "almost": (n, None, n),
        "up_to": (n, None, n),
    }[qualifier]


def parse_marker(body, where):
    fields = [f.strip() for f in body.split("|")]
    if len(fields) < 3:
        raise SourceError(f"{where}: marker needs QUOTE|QUALIFIER ARGS|SUBJECT, got {body!r}")
    quote, spec, subject, *options = fields
    qualifier, *args = spec.split()
    value, low, high = bounds(qualifier, args, where)
    claim = {"quote": quote, "value": value, "low": low, "high": high,
             "qualifier": qualifier, "unit": None, "subject": subject,
             "attribution": None, "as_of": None}
    for option in options:
        key, sep, val = option.partition("=")
        if not sep or key not in OPTION_KEYS:
            raise SourceError(f"{where}: unknown option {option!r} (use unit=, by=, as_of=)")
        claim[OPTION_KEYS[key]] = val
    if not quote or quote != body.split("|")[0]:
        raise SourceError(f"{where}: quote {body.split('|')[0]!r} is empty or padded")
    return claim


def parse_document(doc_id, language, raw, line_no):
    lines = [ln for ln in raw.split("\n") if not ln.startswith(";;")]
    source = "\n".join(lines).strip("\n")
    text, claims, pos = [], [], 0
    offset = 0
    for m in MARKER.finditer(source):
        where = f"{doc_id} (line {line_no + source.count(chr(10), 0, m.start()) + 1})"
        text.append(source[pos:m.start()])
        offset += m.start() - pos
        claim = parse_marker(m.group(1), where)
        claim["start"], claim["end"] = offset, offset + len(claim["quote"])
        offset = claim["end"]
        text.append(claim["quote"])
        claims.append(claim)
        pos = m.end()
    text.append(source[pos:])
    text = "".join(text)
    if "[[" in text or "]]" in text:
        raise SourceError(f"{doc_id} (line {line_no}): unbalanced [[ ]] marker")
    keys = ("quote", "start", "end", "value", "low", "high", "qualifier", "unit",
            "subject", "attribution", "as_of")
    return {"id": doc_id, "language": language, "text": text,
            "claims": [{k: c[k] for k in keys} for c in claims]}


def parse_source(source, language):
    """Documents of one source file, in order."""
    docs, seen = [], set()
    blocks = re.split(r"^=== *(\S+)[^\n]*\n", source, flags=re.M)
    if blocks[0].strip(" \n") and not all(ln.startswith(";;") for ln in blocks[0].strip().split("\n")):
        raise SourceError("text before the first '=== ID' line")
    line_no = blocks[0].count("\n") + 1
    for doc_id, raw in zip(blocks[1::2], blocks[2::2]):
        if doc_id in seen:
            raise SourceError(f"{doc_id} (line {line_no}): duplicate document id")
        seen.add(doc_id)
        docs.append(parse_document(doc_id, language, raw, line_no + 1))
        line_no += raw.count("\n") + 1
    return docs


def language_of(corpus):
    """A corpus's language: "en" for "en", and for "en-news" (a second corpus in English)."""
    return corpus.split("-")[0]


def render(docs):
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def build(check=False):
    stale = []
    for src in sorted((HERE / "src").glob("*.txt")):
        corpus = src.stem
        language = language_of(corpus)
        out = HERE / f"{corpus}.jsonl"
        content = render(parse_source(src.read_text(encoding="utf-8"), language))
        if out.exists() and out.read_text(encoding="utf-8") == content:
            continue
        stale.append(out.name)
        if not check:
            out.write_text(content, encoding="utf-8")
    return stale


if __name__ == "__main__":
    check = "--check" in sys.argv[1:]
    try:
        stale = build(check=check)
    except SourceError as e:
        sys.exit(f"Error: {e}")
    if check and stale:
        sys.exit(f"out of date: {', '.join(stale)} (run python {sys.argv[0]})")
    for name in stale:
        print(f"wrote {name}")
