"""Importing claims from CSV, TSV, JSON arrays and JSON lines.

A file is read as a stream (never loaded whole), row by row: each row is
checked, turned into a document (one per ``source_url``) and a claim, and
stored with INSERT OR IGNORE on the claim's fingerprint, so importing the
same file twice adds nothing. The whole import is one transaction: the first
bad row stops it with ``InputError("line N: …")`` and nothing is written,
unless the caller passes ``rejects=`` to collect bad rows instead.
"""

import codecs
import contextlib
import csv
import dataclasses
import datetime
import io
import json
import os
import re
import sys

from .database import CLAIM_FIELDS, claim_row, now, other_unit_rows
from .errors import InputError
from .extraction import extract_claims
from .migrations import QUALIFIERS

FORMATS = ("csv", "tsv", "json", "jsonl")
EXTENSIONS = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
REQUIRED = ("claim", "source_url")
OPTIONAL = (
    "published", "publisher", "title", "value", "low", "high", "qualifier",
    "unit", "subject", "attribution", "as_of", "language",
)
COLUMNS = REQUIRED + OPTIONAL
REJECT_COLUMNS = ("line", "error") + COLUMNS

BATCH_SIZE = 2_000             # claims per executemany
DOCUMENT_CACHE_SIZE = 10_000   # source URLs remembered between lookups
JSON_CHUNK = 64 * 1024         # bytes read at a time from a JSON array
MAX_JSON_ITEM = 16 * 1024 * 1024
BOM = codecs.BOM_UTF8

_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_SPACE = re.compile(r"[ \t\r\n]*")
_LANGUAGE = re.compile(r"[a-z]{2}")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")

_CLAIM_COLUMNS = CLAIM_FIELDS + ("document_id", "origin", "created_at", "fingerprint")
_INSERT_CLAIM = "INSERT OR IGNORE INTO claims ({}) VALUES ({})".format(
    ", ".join(f'"{c}"' for c in _CLAIM_COLUMNS), ", ".join("?" for _ in _CLAIM_COLUMNS)
)


class RowError(ValueError):
    "A problem with one row; the reader or importer adds the line number."


@dataclasses.dataclass
class Record:
    "One row as read from the file: its first line, its fields, or why it could not be read."

    line: int
    fields: dict | None = None
    error: str | None = None


@dataclasses.dataclass
class ImportResult:
    rows: int = 0
    claims_added: int = 0
    claims_present: int = 0       # already in the database, or repeated in the file
    documents_added: int = 0
    rejected: int = 0
    unknown_columns: list = dataclasses.field(default_factory=list)


# --- formats -----------------------------------------------------------------


def detect_format(name, stream=None, format=None):
    """The format to read: ``format`` if given, else from the file name's
    extension, else guessed from the first bytes of ``stream`` (which must
    support ``peek``)."""
    if format:
        if format not in FORMATS:
            raise InputError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
        return format
    for extension, fmt in EXTENSIONS.items():
        if str(name).lower().endswith(extension):
            return fmt
    head = stream.peek(4096)[:4096] if stream is not None else b""
    head = head.removeprefix(BOM).lstrip()
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        return "jsonl"
    first_line = head.split(b"\n", 1)[0]
    return "tsv" if b"\t" in first_line and b"," not in first_line else "csv"


@contextlib.contextmanager
def open_input(path):
    """Yield (binary stream with ``peek``, size in bytes or None) for a path,
    or for standard input when ``path`` is ``-`` (which is left open)."""
    if str(path) == "-":
        stdin = sys.stdin.buffer
        yield (stdin if hasattr(stdin, "peek") else io.BufferedReader(stdin)), None
        return
    with open(path, "rb") as stream:
        yield stream, os.fstat(stream.fileno()).st_size


@contextlib.contextmanager
def rejects_file(path):
    """Yield a text stream for rejected rows that becomes ``path`` only when
    the block succeeds (written to ``path.part`` meanwhile); None for None."""
    if path is None:
        yield None
        return
    part = f"{path}.part"
    try:
        with open(part, "w", newline="", encoding="utf-8") as out:
            yield out
        os.replace(part, path)
    finally:
        if os.path.exists(part):
            os.remove(part)


def _normalise_key(key):
    return str(key).strip().lower().replace(" ", "_").replace("-", "_")


class Reader:
    """Iterate over the Records of a binary stream in one of FORMATS.

    ``bytes_read`` says how far it got (for progress bars); ``unknown_columns``
    lists column names that are not in COLUMNS (they are ignored).
    """

    def __init__(self, stream, format):
        if format not in FORMATS:
            raise InputError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
        self.stream = stream
        self.format = format
        self.bytes_read = 0
        self.unknown_columns = []

    def __iter__(self):
        if self.format in ("csv", "tsv"):
            return self._delimited("\t" if self.format == "tsv" else ",")
        if self.format == "jsonl":
            return self._json_lines()
        return self._json_array()

    def _note_unknown(self, keys):
        for key in keys:
            if key not in COLUMNS and key not in self.unknown_columns and len(self.unknown_columns) < 50:
                self.unknown_columns.append(key)

    # CSV and TSV: the csv module over lines decoded one by one, so a line
    # that is not UTF-8 can be named.

    def _decoded_lines(self, bad_lines):
        for number, raw in enumerate(self.stream, 1):
            self.bytes_read += len(raw)
            if number == 1:
                raw = raw.removeprefix(BOM)
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as ex:
                bad_lines.append((number, _decode_problem(ex)))
                yield raw.decode("utf-8", "replace")

    def _delimited(self, delimiter):
        bad_lines = []
        reader = csv.reader(self._decoded_lines(bad_lines), delimiter=delimiter, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(
                "the file is empty: expected a header line naming the columns claim and source_url",
                "line 1",
            ) from None
        except csv.Error as ex:
            raise InputError(f"malformed header: {ex}", "line 1") from None
        if bad_lines:
            raise InputError(bad_lines[0][1], "line 1")
        names = [_normalise_key(h) for h in header]
        _check_header(names)
        self._note_unknown(n for n in names if n)
        known = [(name, i) for i, name in enumerate(names) if name in COLUMNS]
        width = len(names)
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as ex:
                bad_lines.clear()
                yield Record(start, error=f"malformed {self.format.upper()}: {ex}")
                continue
            if bad_lines:
                line, message = bad_lines[0]
                bad_lines.clear()
                yield Record(line, error=message)
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) > width:
                yield Record(start, error=f"{len(row)} fields, but the header names {width} columns")
                continue
            yield Record(start, {name: row[i] if i < len(row) else None for name, i in known})

    # JSON lines: one object per line.

    def _json_lines(self):
        for number, raw in enumerate(self.stream, 1):
            self.bytes_read += len(raw)
            if number == 1:
                raw = raw.removeprefix(BOM)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as ex:
                yield Record(number, error=_decode_problem(ex))
                continue
            if not text.strip():
                continue
            try:
                item = json.loads(text.rstrip("\r\n"))
            except json.JSONDecodeError as ex:
                yield Record(number, error=f"malformed JSON: {ex.msg} (column {ex.colno})")
                continue
            yield self._json_record(number, item)

    def _json_record(self, line, item):
        if not isinstance(item, dict):
            return Record(line, error=f"expected a JSON object, got {_json_type(item)}")
        fields = {}
        for key, value in item.items():
            name = _normalise_key(key)
            if name in COLUMNS:
                fields[name] = value
            else:
                self._note_unknown([name])
        return Record(line, fields)

    # A JSON array: json.JSONDecoder.raw_decode over a sliding text buffer,
    # fed by readline(JSON_CHUNK) so every piece of text lies on one known
    # line (and a minified one-line file still arrives in bounded pieces).

    def _json_array(self):
        decoder = json.JSONDecoder()
        state = _JsonBuffer(self)
        state.skip_space()
        if state.eof_here():
            raise InputError("the file is empty: expected a JSON array of objects", "line 1")
        if state.char() != "[":
            raise InputError(
                "expected '[' at the start of a JSON array of objects (use --format jsonl for one object per line)",
                f"line {state.line}",
            )
        state.advance(1)
        first = True
        while True:
            state.skip_space()
            if state.eof_here():
                raise InputError("the JSON array is not closed with ']'", f"line {state.line}")
            if state.char() == "]":
                state.advance(1)
                state.skip_space()
                if not state.eof_here():
                    raise InputError("unexpected text after the end of the JSON array", f"line {state.line}")
                return
            if not first:
                if state.char() != ",":
                    raise InputError("malformed JSON: expected ',' or ']' between items", f"line {state.line}")
                state.advance(1)
                state.skip_space()
            first = False
            start_line = state.line
            while True:
                try:
                    item, end = decoder.raw_decode(state.buffer, state.pos)
                except json.JSONDecodeError as ex:
                    if state.eof or not _maybe_truncated(ex, state.buffer):
                        line = start_line + state.buffer.count("\n", state.pos, ex.pos)
                        raise InputError(f"malformed JSON: {ex.msg}", f"line {line}") from None
                    if len(state.buffer) - state.pos > MAX_JSON_ITEM:
                        raise InputError("malformed JSON: an item is too long (unterminated string?)",
                                         f"line {start_line}") from None
                    state.fill()
                    continue
                if end == len(state.buffer) and not state.eof:
                    state.fill()        # a number may go on in the next piece
                    continue
                break
            end_line = start_line + state.buffer.count("\n", state.pos, end)
            state.advance(end - state.pos)
            bad = [b for b in state.bad_lines if start_line <= b[0] <= end_line]
            state.bad_lines = [b for b in state.bad_lines if b[0] > end_line]
            if bad:
                yield Record(bad[0][0], error=bad[0][1])
            else:
                yield self._json_record(start_line, item)


class _JsonBuffer:
    "The text window a JSON array is parsed from, with the line number at ``pos``."

    def __init__(self, reader):
        self.reader = reader
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.buffer = ""
        self.pos = 0
        self.line = 1            # line at self.pos
        self.read_line = 1       # line of the next byte to read
        self.line_offset = 0     # bytes of that line read already
        self.eof = False
        self.bad_lines = []
        self.first_piece = True

    def fill(self):
        "Read about JSON_CHUNK more bytes, a line (or a piece of a long one) at a time."
        texts, size = [], 0
        while size < JSON_CHUNK and not self.eof:
            piece = self.reader.stream.readline(JSON_CHUNK - size)
            self.reader.bytes_read += len(piece)
            size += len(piece)
            if self.first_piece:
                piece = piece.removeprefix(BOM)
                self.first_piece = False
            try:
                texts.append(self.decoder.decode(piece, final=not piece))
            except UnicodeDecodeError as ex:
                self.bad_lines.append((self.read_line, _decode_problem(ex, self.line_offset)))
                self.decoder.reset()
                texts.append(piece.decode("utf-8", "replace"))
            self.eof = not piece
            if piece.endswith(b"\n"):
                self.read_line += 1
                self.line_offset = 0
            else:
                self.line_offset += len(piece)
        self.buffer = self.buffer[self.pos:] + "".join(texts)
        self.pos = 0

    def eof_here(self):
        while self.pos >= len(self.buffer) and not self.eof:
            self.fill()
        return self.pos >= len(self.buffer)

    def char(self):
        return self.buffer[self.pos]

    def advance(self, n):
        self.line += self.buffer.count("\n", self.pos, self.pos + n)
        self.pos += n

    def skip_space(self):
        while not self.eof_here():
            self.advance(_SPACE.match(self.buffer, self.pos).end() - self.pos)
            if self.pos < len(self.buffer):
                return


def _maybe_truncated(error, buffer):
    "Whether a JSON error may only mean that the item goes on in the next piece."
    return error.msg.startswith("Unterminated string") or error.pos >= len(buffer) - 16


def _json_type(item):
    return {list: "an array", str: "a string", bool: "true or false", type(None): "null"}.get(
        type(item), "a number"
    )


def _decode_problem(ex, offset=0):
    "What is wrong with bytes that do not decode; ``offset``: bytes of the line before ``ex.object``."
    byte = ex.object[ex.start:ex.start + 1].hex()
    position = offset + ex.start + 1
    return f"bytes that do not decode as UTF-8 (0x{byte} at byte {position} of the line): save the file as UTF-8"


def _check_header(names):
    seen = set()
    for name in names:
        if name and name in seen:
            raise InputError(f"column {name} appears twice in the header", "line 1")
        seen.add(name)
    missing = [c for c in REQUIRED if c not in seen]
    if missing:
        found = ", ".join(n for n in names if n) or "none"
        raise InputError(
            f"missing required column {' and '.join(missing)} (columns found: {found})", "line 1"
        )


# --- rows -> documents and claims --------------------------------------------


def check_row(fields, enrich=True):
    """Check one row's fields and turn them into (document, claim) dicts.

    ``document`` has url, title, publisher, published, language; ``claim``
    has the CLAIM_FIELDS. The extractor reads the claim sentence when the row
    has no figure, and also (``enrich``) when it has one, to find the quote and
    fill in unit, subject, attribution and as_of. Raises RowError naming every
    problem found.
    """
    problems = []
    claim_text = _text(fields, "claim", problems, required=True)
    url = _text(fields, "source_url", problems, required=True)
    if url and not _URL.fullmatch(url):
        problems.append(f"source_url {url!r} is not a URL (it needs a scheme, e.g. https://)")
    published = _date(fields, "published", problems, timestamp_ok=True)
    as_of = _date(fields, "as_of", problems, month_ok=True)
    value = _number(fields, "value", problems)
    low = _number(fields, "low", problems)
    high = _number(fields, "high", problems)
    qualifier = _text(fields, "qualifier", problems)
    if qualifier is not None:
        qualifier = qualifier.lower().replace(" ", "_").replace("-", "_")
        if qualifier not in QUALIFIERS:
            problems.append(f"unknown qualifier {fields['qualifier']!r} (use one of {', '.join(QUALIFIERS)})")
    if low is not None and high is not None and low > high:
        problems.append(f"low {_show(low)} is greater than high {_show(high)}")
    given = {
        "unit": _text(fields, "unit", problems),
        "subject": _text(fields, "subject", problems),
        "attribution": _text(fields, "attribution", problems),
        "as_of": as_of,
    }
    document = {
        "url": url,
        "title": _text(fields, "title", problems),
        "publisher": _text(fields, "publisher", problems),
        "published": published,
        "language": _language(fields, problems),
    }
    if problems:
        raise RowError("; ".join(problems))
    claim = _figure(claim_text, value, low, high, qualifier, given, document["language"], enrich)
    return document, claim


def _figure(sentence, value, low, high, qualifier, given, language, enrich):
    """The claim for a row: its figure as given, completed from (or, without
    a value, taken from) what the extractor finds in the sentence."""
    has_figure = value is not None or low is not None or high is not None
    found = extract_claims(sentence, language) if enrich or not has_figure else []
    if has_figure:
        match = next((c for c in found if _agrees(c, value, low, high)), None)
    elif not found:
        raise RowError("no figure in claim and no value given")
    else:
        match = _pick(found, qualifier, given["subject"])
        value = match.value
    if qualifier is None and match is not None:
        qualifier = match.qualifier
    elif qualifier is None:
        qualifier = "exact" if value is not None or low is None or high is None else "range"
    if low is None and high is None:
        if match is not None and match.qualifier == qualifier:
            low, high = match.low, match.high
        else:
            low, high = bounds(value, qualifier)
    if qualifier == "range" and (low is None or high is None):
        raise RowError("qualifier range needs both low and high")
    if value is None and qualifier not in ("range", "vague"):
        raise RowError(f"qualifier {qualifier} needs a value")
    claim = {
        "quote": match.quote if match is not None else None,
        "start": None,
        "end": None,
        "value": value,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "sentence": sentence,
    }
    for field, own in given.items():
        claim[field] = own if own is not None else getattr(match, field, None)
    return claim


def bounds(value, qualifier):
    "The (low, high) a value gets from its qualifier (see DESIGN: a claim is an interval)."
    if value is None or qualifier in ("about", "range", "vague"):
        return None, None
    if qualifier == "exact":
        return value, value
    if qualifier in ("more_than", "at_least"):
        return value, None
    return None, value          # almost, up_to


def _agrees(found, value, low, high):
    if value is not None:
        return found.value == value or (found.value is None and value in (found.low, found.high))
    return (low is None or found.low == low) and (high is None or found.high == high)


def _pick(found, qualifier, subject):
    "The extracted claim a row means: the first, preferring a matching qualifier, then subject."
    subject = subject.casefold() if subject else None

    def score(claim):
        same_subject = bool(subject and claim.subject and (
            subject in claim.subject.casefold() or claim.subject.casefold() in subject))
        return (qualifier is not None and claim.qualifier == qualifier, same_subject)

    return max(found, key=score)   # max keeps the first of equals


def _text(fields, name, problems, required=False):
    value = fields.get(name)
    if value is None:
        if required:
            problems.append(f"missing required field {name}")
        return None
    if not isinstance(value, str):
        problems.append(f"{name} must be text, not {_json_type(value)}")
        return None
    value = value.strip()
    if not value:
        if required:
            problems.append(f"{name} is empty")
        return None
    return value


def _number(fields, name, problems):
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value or value in (float("inf"), float("-inf")):
            problems.append(f"{name} {value!r} is not a number")
            return None
        return float(value)
    if not isinstance(value, str):
        problems.append(f"{name} must be a number, not {_json_type(value)}")
        return None
    text = value.strip()
    if not text:
        return None
    if not _NUMBER.fullmatch(text):
        problems.append(f"{name} {value!r} is not a number (write digits, e.g. 30000 or 30,000)")
        return None
    return float(text.replace(",", ""))


def _date(fields, name, problems, month_ok=False, timestamp_ok=False):
    value = fields.get(name)
    text = value.strip() if isinstance(value, str) else value
    if not text:
        return None
    if isinstance(text, str):
        if timestamp_ok and (m := _TIMESTAMP.match(text)):
            try:
                datetime.datetime.fromisoformat(text)
                text = m.group(1)
            except ValueError:
                pass
        if m := _DATE.fullmatch(text):
            try:
                datetime.date(int(m[1]), int(m[2]), int(m[3]))
                return text
            except ValueError:
                pass
        elif month_ok and (m := _MONTH.fullmatch(text)) and 1 <= int(m[2]) <= 12:
            return text
    form = "YYYY-MM-DD or YYYY-MM" if month_ok else "YYYY-MM-DD"
    problems.append(f"{name} {value!r} is not a date (use {form})")
    return None


def _language(fields, problems):
    language = _text(fields, "language", problems)
    if language is None:
        return None
    if not _LANGUAGE.fullmatch(language.lower()):
        problems.append(f"language {language!r} is not a language code (use ISO 639-1, e.g. en)")
        return None
    return language.lower()


def _show(number):
    return f"{number:g}" if number != int(number) else str(int(number))


# --- storing -----------------------------------------------------------------


class _Documents:
    """Document ids by URL, creating documents as needed. A row's title,
    publisher, published and language fill in what the stored document lacks;
    a published date that differs from the stored one is a RowError."""

    FIELDS = ("title", "publisher", "published", "language")

    def __init__(self, db, index, fetched_at):
        self.conn = db.conn
        self.index = index
        self.fetched_at = fetched_at
        self.cache = {}
        self.added = 0

    def id_for(self, document):
        url = document["url"]
        given = tuple(document[f] for f in self.FIELDS)
        stored = self.cache.get(url)
        if stored is None:
            stored = self.conn.execute(
                "SELECT id, title, publisher, published, language FROM documents WHERE url = ?", [url]
            ).fetchone()
            if stored is None:
                cursor = self.conn.execute(
                    "INSERT INTO documents (url, title, publisher, published, language, fetched_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (url, *given, self.fetched_at),
                )
                self.added += 1
                stored = (cursor.lastrowid, *given)
            if len(self.cache) >= DOCUMENT_CACHE_SIZE:
                self.cache.clear()
            self.cache[url] = stored
        doc_id, *known = stored
        published = known[2]
        if document["published"] and published and document["published"] != published:
            raise RowError(
                f"published {document['published']} differs from {published}, "
                f"already recorded for {url}"
            )
        if any(new and not old for new, old in zip(given, known)):
            self.index.update(
                "documents", doc_id,
                """UPDATE documents SET title = coalesce(title, ?), publisher = coalesce(publisher, ?),
                   published = coalesce(published, ?), language = coalesce(language, ?) WHERE id = ?""",
                (*given, doc_id),
            )
            self.cache[url] = (doc_id, *(old or new for new, old in zip(given, known)))
        return doc_id


def import_claims(db, reader, *, rejects=None, progress=None, enrich=True):
    """Import every row of ``reader`` (a Reader) into ``db`` in one transaction.

    Without ``rejects`` the first bad row raises InputError(``line N: …``) and
    nothing is written. With ``rejects`` (a text stream), bad rows are written
    there as CSV (REJECT_COLUMNS) and the valid ones imported. ``progress`` is
    called now and then with the number of bytes read since its last call.
    Returns an ImportResult.
    """
    result = ImportResult()
    reject_writer = None
    if rejects is not None:
        reject_writer = csv.writer(rejects)
        reject_writer.writerow(REJECT_COLUMNS)
    created_at = now()
    batch = []
    reported = 0

    def flush():
        nonlocal reported
        if batch:
            added = db.conn.executemany(_INSERT_CLAIM, batch).rowcount
            if added < len(batch):
                added += _insert_other_units(db, batch)
            result.claims_added += added
            result.claims_present += len(batch) - added
            batch.clear()
        if progress is not None:
            progress(reader.bytes_read - reported)
            reported = reader.bytes_read

    with db.atomic(), _DeferredIndex(db) as index:
        documents = _Documents(db, index, created_at)
        for record in reader:
            result.rows += 1
            try:
                if record.error is not None:
                    raise RowError(record.error)
                document, claim = check_row(record.fields, enrich)
                row = claim_row(documents.id_for(document), claim, "imported", created_at)
            except RowError as ex:
                if reject_writer is None:
                    raise InputError(str(ex), f"line {record.line}") from None
                result.rejected += 1
                fields = record.fields or {}
                reject_writer.writerow(
                    [record.line, str(ex)] + [_cell(fields.get(c)) for c in COLUMNS]
                )
                continue
            batch.append(tuple(row[c] for c in _CLAIM_COLUMNS))
            if len(batch) >= BATCH_SIZE:
                flush()
        flush()
        result.documents_added = documents.added
    result.unknown_columns = list(reader.unknown_columns)
    return result


def _insert_other_units(db, batch):
    "Insert the rows of ``batch`` that other_unit_rows finds to be no copy; how many were added."
    others = other_unit_rows(db, [dict(zip(_CLAIM_COLUMNS, row)) for row in batch])
    if not others:
        return 0
    return db.conn.executemany(_INSERT_CLAIM, [tuple(r[c] for c in _CLAIM_COLUMNS) for r in others]).rowcount


class _DeferredIndex:
    """Full-text indexing of the rows an import adds, done in one statement
    per table at the end instead of by the row-by-row FTS triggers, which
    cost several times the insert itself (see benchmarks/bench_import.py).

    The ``{table}_ai`` and ``{table}_au`` triggers are dropped on entry and
    re-created on a clean exit, inside the import's transaction: a rollback
    restores them, and no other writer can add rows meanwhile. Updates to
    rows indexed before the import must go through ``update``.
    """

    TABLES = ("documents", "claims")

    def __init__(self, db):
        self.conn = db.conn
        self.triggers = []
        self.last_ids = {}
        self.columns = {}

    def __enter__(self):
        for table in self.TABLES:
            triggers = self.conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name IN (?, ?)",
                [table, f"{table}_ai", f"{table}_au"],
            ).fetchall()
            if len(triggers) != 2:
                continue        # not the usual FTS set-up: leave the triggers alone
            for name, sql in triggers:
                self.conn.execute(f'DROP TRIGGER "{name}"')
                self.triggers.append(sql)
            self.columns[table] = ", ".join(
                f'"{r[1]}"' for r in self.conn.execute(f'PRAGMA table_info("{table}_fts")')
            )
            self.last_ids[table] = self.conn.execute(
                f'SELECT coalesce(max(rowid), 0) FROM "{table}"'
            ).fetchone()[0]
        return self

    def update(self, table, row_id, sql, params):
        "Run ``sql`` (an UPDATE of row ``row_id`` of ``table``), keeping its index entry right."
        if row_id > self.last_ids.get(table, float("inf")):
            self.conn.execute(sql, params)      # indexed at the end anyway
            return
        columns = self.columns.get(table)
        if columns:
            self.conn.execute(
                f'INSERT INTO "{table}_fts" ("{table}_fts", rowid, {columns}) '
                f"SELECT 'delete', rowid, {columns} FROM \"{table}\" WHERE rowid = ?",
                [row_id],
            )
        self.conn.execute(sql, params)
        if columns:
            self.conn.execute(
                f'INSERT INTO "{table}_fts" (rowid, {columns}) SELECT rowid, {columns} FROM "{table}" WHERE rowid = ?',
                [row_id],
            )

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            for table, last_id in self.last_ids.items():
                columns = self.columns[table]
                self.conn.execute(
                    f'INSERT INTO "{table}_fts" (rowid, {columns}) SELECT rowid, {columns} FROM "{table}" WHERE rowid > ?',
                    [last_id],
                )
            for sql in self.triggers:
                self.conn.execute(sql)
        return False


def _cell(value):
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)
