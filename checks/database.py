"""Opening the database and saving documents and claims.

Every ``save_*`` function takes ``db`` first and leaves transactions to the
caller (wrap a unit of work in ``db.atomic()``), so a command decides what is
all-or-nothing.
"""

import dataclasses
import datetime
import hashlib
import json
import os
import pathlib
import re

import sqlite_utils

from .migrations import migrations

DEFAULT_DB = pathlib.Path("db") / "checks.db"
BUSY_TIMEOUT_MS = 10_000


def resolve_path(path=None):
    "The database path: the one given, else $CHECKS_DB, else db/checks.db."
    return pathlib.Path(path or os.environ.get("CHECKS_DB") or DEFAULT_DB)


def open_database(path=None, migrate=True):
    """Open (creating if needed) the database, with WAL, foreign keys and a busy
    timeout on, and apply any pending migrations."""
    path = resolve_path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if str(path) != ":memory:":
        db.conn.execute("PRAGMA journal_mode = WAL")
    db.conn.execute("PRAGMA synchronous = NORMAL")
    db.conn.execute("PRAGMA foreign_keys = ON")
    if migrate:
        migrations.apply(db)
    return db


def now():
    "The current UTC time as an ISO 8601 string, seconds precision."
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()


def content_hash(text):
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


def fingerprint(*parts):
    "A stable identity for a claim, from the fields that make it that claim."
    parts = [float(p) if isinstance(p, (int, float)) and not isinstance(p, bool) else p for p in parts]
    return hashlib.sha256(json.dumps(parts, default=str).encode("utf-8")).hexdigest()[:32]


DOCUMENT_FIELDS = (
    "url", "title", "publisher", "published", "fetched_at", "text", "content_hash",
    "language", "requested_url", "canonical_url", "etag", "last_modified", "feed_id",
)


def save_document(db, url, **fields):
    """Insert the document at ``url``, or fill in fields on the stored one.

    Fields given as None never overwrite stored values. Returns the document id.
    """
    unknown = set(fields) - set(DOCUMENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown document fields: {sorted(unknown)}")
    if "text" in fields and fields["text"] is not None and not fields.get("content_hash"):
        fields["content_hash"] = content_hash(fields["text"])
    given = {k: v for k, v in fields.items() if v is not None}
    row = db.execute("SELECT id FROM documents WHERE url = ?", [url]).fetchone()
    if row is None:
        given.setdefault("fetched_at", now())
        return db["documents"].insert(dict(given, url=url)).last_pk
    if given:
        db["documents"].update(row[0], given)
    return row[0]


CLAIM_FIELDS = (
    "quote", "start", "end", "value", "low", "high", "qualifier", "unit",
    "subject", "attribution", "as_of", "sentence",
)


def claim_row(document_id, claim, origin, created_at=None):
    """A ``claims`` row from a claim (an extraction.Claim or a dict with the
    CLAIM_FIELDS keys)."""
    data = claim if isinstance(claim, dict) else claim.as_dict()
    row = {k: data.get(k) for k in CLAIM_FIELDS}
    if origin == "extracted":
        identity = (document_id, row["start"], row["end"], row["quote"])
    else:
        # Only what an import row states, not what the extractor adds to it, so
        # re-importing a file after the extractor changed still adds nothing.
        identity = (
            document_id, row["sentence"], row["value"], row["low"], row["high"], row["qualifier"],
        )
    row.update(
        document_id=document_id,
        origin=origin,
        created_at=created_at or now(),
        fingerprint=fingerprint(origin, *identity),
    )
    return row


def _fingerprint_with_unit(row):
    "The fingerprint of an imported claim that also names its unit (see other_unit_rows)."
    return fingerprint(row["origin"], row["document_id"], row["sentence"], row["value"], row["low"],
                       row["high"], row["qualifier"], row["unit"])


def save_claims(db, document_id, claims, origin="extracted"):
    """Store claims for a document; a claim already stored (same fingerprint)
    is left alone. Returns the number of claims added."""
    rows = [claim_row(document_id, c, origin) for c in claims]
    before = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    db["claims"].insert_all(rows, ignore=True)
    added = db.execute("SELECT count(*) FROM claims").fetchone()[0] - before
    if origin != "extracted" and added < len(rows):
        others = other_unit_rows(db, rows)
        if others:
            db["claims"].insert_all(others, ignore=True)
            added = db.execute("SELECT count(*) FROM claims").fetchone()[0] - before
    return added


def other_unit_rows(db, rows):
    """Of imported claim rows that INSERT OR IGNORE left out, those that are no copy:
    the stored claim with their fingerprint (the same sentence and figure) is in
    another unit ("two" detainees and "two days"). Returned with the fingerprint
    that names their unit, so importing them again adds nothing."""
    taken = {}
    fingerprints = [r["fingerprint"] for r in rows]
    for start in range(0, len(fingerprints), 500):
        part = fingerprints[start: start + 500]
        taken.update(db.execute(f"SELECT fingerprint, unit FROM claims WHERE fingerprint IN "
                                f"({', '.join('?' for _ in part)})", part).fetchall())
    return [dict(r, fingerprint=_fingerprint_with_unit(r)) for r in rows
            if r["fingerprint"] in taken and taken[r["fingerprint"]] != r["unit"]]


def delete_claim(db, claim_id):
    """Delete a claim and the unreviewed matches it takes part in. A claim with
    reviewed matches is kept (reviews are append-only), but detached from its
    offsets by clearing start/end."""
    reviewed = db.execute(
        """SELECT 1 FROM matches m JOIN reviews r ON r.match_id = m.id
           WHERE m.claim_id = :id OR m.later_claim_id = :id LIMIT 1""",
        {"id": claim_id},
    ).fetchone()
    if reviewed:
        db.execute('UPDATE claims SET start = NULL, "end" = NULL WHERE id = ?', [claim_id])
        return False
    db.execute("DELETE FROM matches WHERE claim_id = :id OR later_claim_id = :id", {"id": claim_id})
    if db["_matched_claims"].exists():
        db.execute("DELETE FROM _matched_claims WHERE claim_id = ?", [claim_id])
    db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
    return True


@dataclasses.dataclass
class StoredDocument:
    "What store_document did: status is 'new', 'unchanged' or 'changed'."

    id: int
    status: str
    claims_added: int = 0
    claims_removed: int = 0
    figure_changes: int = 0


def store_document(db, url, text, *, language=None, **fields):
    """Store a document's text and its extracted claims, in one transaction.

    A document already stored with the same text only has its metadata
    refreshed. When the text changed, the previous text is kept in
    ``document_revisions``, the document's claims are replaced by those of the
    new text (claims whose quote and sentence survive keep their ids, and so
    their matches and reviews), and each figure that changed, appeared or
    disappeared is recorded in ``figure_changes``.
    """
    from .extraction import detect_language, extract_claims

    text = text or ""
    new_hash = content_hash(text)
    language = language or detect_language(text)
    with db.atomic():
        old = db.execute(
            "SELECT id, text, content_hash, fetched_at FROM documents WHERE url = ?", [url]
        ).fetchone()
        if old is not None and old[2] == new_hash and old[1] is not None:
            save_document(db, url, **fields)
            return StoredDocument(old[0], "unchanged")
        fields.setdefault("fetched_at", now())
        document_id = save_document(
            db, url, text=text, content_hash=new_hash, language=language, **fields
        )
        claims = extract_claims(text, language=language)
        if old is None or not old[1]:
            added = save_claims(db, document_id, claims)
            return StoredDocument(document_id, "new", claims_added=added)
        revision_id = db["document_revisions"].insert(
            {"document_id": document_id, "fetched_at": old[3], "content_hash": old[2], "text": old[1]}
        ).last_pk
        added, removed = _replace_extracted_claims(db, document_id, claims)
        changes = _record_figure_changes(db, document_id, revision_id, added, removed)
        return StoredDocument(document_id, "changed", len(added), len(removed), changes)


def _replace_extracted_claims(db, document_id, claims):
    """Replace a document's extracted claims; a claim whose (quote, sentence)
    survives keeps its row and only has its offsets moved."""
    old_rows = list(
        db.query(
            "SELECT * FROM claims WHERE document_id = ? AND origin = 'extracted' ORDER BY start",
            [document_id],
        )
    )
    by_key = {}
    for r in old_rows:
        by_key.setdefault((r["quote"], r["sentence"]), []).append(r)
    kept, added = [], []
    for c in claims:
        row = claim_row(document_id, c, "extracted")
        same = by_key.get((row["quote"], row["sentence"]))
        if same:
            kept.append((same.pop(0), row))
        else:
            added.append(row)
    removed = [r for rows in by_key.values() for r in rows]
    for r in removed:
        delete_claim(db, r["id"])
    # Two passes so moved offsets never collide on the unique fingerprint.
    for old, _ in kept:
        db.execute("UPDATE claims SET fingerprint = 'moving:' || id WHERE id = ?", [old["id"]])
    for old, new in kept:
        db.execute(
            'UPDATE claims SET start = ?, "end" = ?, fingerprint = ? WHERE id = ?',
            [new["start"], new["end"], new["fingerprint"], old["id"]],
        )
    if added:
        db["claims"].insert_all(added, ignore=True)
    return added, removed


def _masked(sentence):
    return re.sub(r"\d[\d,.\s]*", "#", sentence or "").lower()


def _record_figure_changes(db, document_id, revision_id, added, removed):
    "Pair removed and added figures whose sentences read alike: those are edits."
    from rapidfuzz import fuzz

    detected_at = now()
    rows, unpaired_added = [], list(added)
    for old in removed:
        best, best_score = None, 0.0
        for new in unpaired_added:
            score = fuzz.ratio(_masked(old["sentence"]), _masked(new["sentence"]))
            if score > best_score:
                best, best_score = new, score
        if best is not None and best_score >= 80:
            unpaired_added.remove(best)
            if (old["quote"], old["value"], old["low"], old["high"]) != (
                best["quote"], best["value"], best["low"], best["high"]
            ):  # the same figure in a reworded sentence is no figure change
                rows.append(_change_row("changed", old, best))
        else:
            rows.append(_change_row("removed", old, None))
    rows.extend(_change_row("added", None, new) for new in unpaired_added)
    for row in rows:
        row.update(document_id=document_id, revision_id=revision_id, detected_at=detected_at)
    if rows:
        db["figure_changes"].insert_all(rows)
    return len(rows)


def _change_row(change, old, new):
    row = {"change": change}
    for prefix, claim in (("old", old), ("new", new)):
        for field in ("quote", "value", "low", "high", "sentence"):
            row[f"{prefix}_{field}"] = claim[field] if claim else None
    return row
