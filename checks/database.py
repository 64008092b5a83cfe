"""Opening the database and saving documents and claims.

Every ``save_*`` function takes ``db`` first and leaves transactions to the
caller (wrap a unit of work in ``db.atomic()``), so a command decides what is
all-or-nothing.
"""

import datetime
import hashlib
import json
import os
import pathlib

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
        identity = (
            document_id, row["sentence"], row["quote"], row["value"], row["low"],
            row["high"], row["qualifier"], row["subject"], row["attribution"], row["as_of"],
        )
    row.update(
        document_id=document_id,
        origin=origin,
        created_at=created_at or now(),
        fingerprint=fingerprint(origin, *identity),
    )
    return row


def save_claims(db, document_id, claims, origin="extracted"):
    """Store claims for a document; a claim already stored (same fingerprint)
    is left alone. Returns the number of claims added."""
    rows = [claim_row(document_id, c, origin) for c in claims]
    before = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    db["claims"].insert_all(rows, ignore=True)
    return db.execute("SELECT count(*) FROM claims").fetchone()[0] - before


def replace_claims(db, document_id, claims, origin="extracted"):
    """Replace a document's extracted claims with ``claims``. Claims that stay
    the same (same span and quote) keep their ids, so matches and reviews on
    them survive. Returns (added, removed) lists of claim rows."""
    new_rows = {r["fingerprint"]: r for r in (claim_row(document_id, c, origin) for c in claims)}
    old_rows = {
        r["fingerprint"]: r
        for r in db.query(
            "SELECT * FROM claims WHERE document_id = ? AND origin = ?", [document_id, origin]
        )
    }
    removed = [r for fp, r in old_rows.items() if fp not in new_rows]
    added = [r for fp, r in new_rows.items() if fp not in old_rows]
    for r in removed:
        delete_claim(db, r["id"])
    if added:
        db["claims"].insert_all(added)
    return added, removed


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
