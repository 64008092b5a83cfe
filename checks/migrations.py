"""The schema, as named migrations applied once each (sqlite-utils ``Migrations``).

Tables are the public SQL interface of checks: every column is described in
metadata.yml and the README. Internal bookkeeping tables start with ``_``.

Never edit a migration that has shipped: add a new named function at the end.
"""

from sqlite_utils import Migrations

migrations = Migrations("checks")

QUALIFIERS = ("exact", "more_than", "at_least", "about", "almost", "up_to", "range", "vague")
RELATIONS = ("corroborates", "updates", "contradicts")
VERDICTS = ("confirmed", "rejected", "unsure")


def _in(values):
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


@migrations(name="m001_documents_and_claims")
def m001_documents_and_claims(db):
    db.executescript(
        f"""
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,      -- where the document lives (final URL after redirects)
            title TEXT,
            publisher TEXT,
            published TEXT,                -- ISO date, YYYY-MM-DD
            fetched_at TEXT,               -- ISO timestamp of the last fetch or import
            text TEXT,                     -- plain text; claim offsets point into it
            content_hash TEXT,             -- sha256 of text
            language TEXT                  -- ISO 639-1 code
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            quote TEXT,                    -- the figure with its hedge, exactly as written
            start INTEGER,                 -- offset of quote in documents.text
            "end" INTEGER,                 -- offset just past quote
            value REAL,
            low REAL,
            high REAL,
            qualifier TEXT CHECK (qualifier IS NULL OR qualifier IN {_in(QUALIFIERS)}),
            unit TEXT,
            subject TEXT,
            attribution TEXT,
            as_of TEXT,
            sentence TEXT,
            origin TEXT NOT NULL CHECK (origin IN ('extracted', 'imported')),
            created_at TEXT NOT NULL,
            fingerprint TEXT NOT NULL UNIQUE  -- identity used to make imports idempotent
        );
        CREATE INDEX idx_claims_document_id ON claims(document_id);
        CREATE INDEX idx_claims_subject ON claims(subject);
        CREATE TABLE matches (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id),
            later_claim_id INTEGER NOT NULL REFERENCES claims(id),
            score REAL NOT NULL,
            relation TEXT NOT NULL CHECK (relation IN {_in(RELATIONS)}),
            explanation TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (claim_id, later_claim_id)
        );
        CREATE INDEX idx_matches_later_claim_id ON matches(later_claim_id);
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            match_id INTEGER NOT NULL REFERENCES matches(id),
            verdict TEXT NOT NULL CHECK (verdict IN {_in(VERDICTS)}),
            reviewer TEXT NOT NULL,
            note TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX idx_reviews_match_id ON reviews(match_id);
        """
    )
    db["claims"].enable_fts(["sentence", "subject"], create_triggers=True)
    db["documents"].enable_fts(["title", "text"], create_triggers=True)


@migrations(name="m002_fetching")
def m002_fetching(db):
    "Columns and tables for fetching over HTTP, feeds and stealth-edit tracking."
    db.executescript(
        """
        ALTER TABLE documents ADD COLUMN requested_url TEXT;   -- URL as given, before redirects
        ALTER TABLE documents ADD COLUMN canonical_url TEXT;   -- <link rel=canonical>
        ALTER TABLE documents ADD COLUMN etag TEXT;
        ALTER TABLE documents ADD COLUMN last_modified TEXT;
        ALTER TABLE documents ADD COLUMN feed_id INTEGER REFERENCES feeds(id);
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            last_fetched_at TEXT,
            last_status INTEGER,
            last_error TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE document_revisions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            fetched_at TEXT,               -- when this (superseded) text was fetched
            content_hash TEXT,
            text TEXT
        );
        CREATE INDEX idx_document_revisions_document_id ON document_revisions(document_id);
        CREATE TABLE figure_changes (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            revision_id INTEGER REFERENCES document_revisions(id),
            change TEXT NOT NULL CHECK (change IN ('changed', 'added', 'removed')),
            old_quote TEXT,
            old_value REAL,
            old_low REAL,
            old_high REAL,
            old_sentence TEXT,
            new_quote TEXT,
            new_value REAL,
            new_low REAL,
            new_high REAL,
            new_sentence TEXT,
            detected_at TEXT NOT NULL
        );
        CREATE INDEX idx_figure_changes_document_id ON figure_changes(document_id);
        """
    )


@migrations(name="m003_matching")
def m003_matching(db):
    "Score components on matches, and the record of which claims were matched."
    db.executescript(
        """
        ALTER TABLE matches ADD COLUMN subject_score REAL;    -- 0-100, rapidfuzz over normalised subjects
        ALTER TABLE matches ADD COLUMN place_score REAL;      -- 0-100; mismatching places veto
        ALTER TABLE matches ADD COLUMN attribution_score REAL;
        ALTER TABLE matches ADD COLUMN days_apart INTEGER;
        ALTER TABLE matches ADD COLUMN change REAL;           -- relative change of the figure
        ALTER TABLE matches ADD COLUMN components TEXT;       -- JSON: every score component
        ALTER TABLE matches ADD COLUMN matcher_version TEXT;
        CREATE INDEX idx_matches_relation ON matches(relation);
        CREATE TABLE _matched_claims (
            claim_id INTEGER PRIMARY KEY REFERENCES claims(id),
            matcher_version TEXT NOT NULL,
            matched_at TEXT NOT NULL
        );
        """
    )


@migrations(name="m004_review")
def m004_review(db):
    """Reviewer accounts, the append-only audit trail of verdicts, and the views
    that read it: each match's current verdict, the full history, the queue."""
    db.executescript(
        f"""
        CREATE TABLE _reviewers (
            name TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,   -- salted scrypt hash (checks.review), never the password
            created_at TEXT NOT NULL
        );
        CREATE TRIGGER reviews_check_insert BEFORE INSERT ON reviews
        BEGIN
            SELECT RAISE(ABORT, 'verdict must be one of: confirmed, rejected, unsure')
            WHERE NEW.verdict IS NULL OR NEW.verdict NOT IN {_in(VERDICTS)};
            SELECT RAISE(ABORT, 'no such match')
            WHERE NOT EXISTS (SELECT 1 FROM matches WHERE id = NEW.match_id);
            SELECT RAISE(ABORT, 'a verdict needs a signed-in reviewer')
            WHERE NEW.reviewer IS NULL OR NEW.reviewer = '';
            SELECT RAISE(ABORT, 'unknown reviewer: add the account with checks reviewer add')
            WHERE NOT EXISTS (SELECT 1 FROM _reviewers WHERE name = NEW.reviewer);
        END;
        CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
        BEGIN
            SELECT RAISE(ABORT, 'reviews are append-only: record a new verdict instead');
        END;
        CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
        BEGIN
            SELECT RAISE(ABORT, 'reviews are append-only: record a new verdict instead');
        END;
        -- the queue reads matches best first and stops after a page
        CREATE INDEX idx_matches_score ON matches(score);

        -- every verdict ever recorded, with whether a later one superseded it
        CREATE VIEW review_history AS
        SELECT r.id AS review_id, r.match_id, r.verdict, r.reviewer, r.note, r.created_at,
               m.relation, m.claim_id, m.later_claim_id,
               NOT EXISTS (
                   SELECT 1 FROM reviews later
                   WHERE later.match_id = r.match_id AND later.id > r.id
               ) AS is_current
        FROM reviews r JOIN matches m ON m.id = r.match_id;

        -- each reviewed match's latest verdict (a later verdict supersedes an earlier one)
        CREATE VIEW current_verdicts AS
        SELECT r.match_id, r.verdict, r.reviewer, r.note, r.created_at AS reviewed_at,
               r.id AS review_id,
               (SELECT count(*) FROM reviews h WHERE h.match_id = r.match_id) AS verdicts
        FROM reviews r
        WHERE NOT EXISTS (
            SELECT 1 FROM reviews later WHERE later.match_id = r.match_id AND later.id > r.id
        );

        -- matches nobody has reviewed yet, best first
        CREATE VIEW review_queue AS
        SELECT m.id AS match_id, m.score, m.relation, m.explanation,
               e.id AS claim_id, e.quote, ed.publisher, ed.published, ed.url,
               l.id AS later_claim_id, l.quote AS later_quote,
               ld.publisher AS later_publisher, ld.published AS later_published,
               ld.url AS later_url
        FROM matches m
        JOIN claims e ON e.id = m.claim_id JOIN documents ed ON ed.id = e.document_id
        JOIN claims l ON l.id = m.later_claim_id JOIN documents ld ON ld.id = l.document_id
        WHERE NOT EXISTS (SELECT 1 FROM reviews r WHERE r.match_id = m.id)
        ORDER BY m.score DESC, m.id DESC;
        """
    )
