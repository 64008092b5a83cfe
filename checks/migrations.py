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
        CREATE INDEX idx_documents_requested_url ON documents(requested_url);
        CREATE INDEX idx_documents_feed_id ON documents(feed_id);
        -- Stealth edits: each figure that changed, appeared or disappeared when a
        -- stored document was fetched again, with the document it belongs to.
        CREATE VIEW figures_changed AS
        SELECT fc.id, fc.detected_at, fc.change,
               fc.old_quote, fc.new_quote, fc.old_value, fc.new_value,
               fc.old_low, fc.new_low, fc.old_high, fc.new_high,
               fc.old_sentence, fc.new_sentence,
               r.fetched_at AS previous_fetched_at,
               d.id AS document_id, d.url, d.title, d.publisher, d.published
        FROM figure_changes fc
        JOIN documents d ON d.id = fc.document_id
        LEFT JOIN document_revisions r ON r.id = fc.revision_id;
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
        -- What the matcher read from each claim (derived, rebuilt when the matcher
        -- changes): the blocking keys and the figure as an interval.
        CREATE TABLE _claim_keys (
            claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL,
            unit TEXT NOT NULL,            -- '' for counts
            subject_key TEXT NOT NULL,     -- sorted canonical subject words, '' when none
            key_kind TEXT NOT NULL,        -- subject, context (words around the figure) or none
            place TEXT NOT NULL,           -- country, '' when unknown
            period TEXT NOT NULL,          -- total or interval
            day INTEGER,                   -- proleptic ordinal of as_of, else published
            source TEXT NOT NULL,          -- normalised attribution, else publisher
            names TEXT NOT NULL,           -- names written near the figure, space-separated
            qualifier TEXT NOT NULL,       -- the hedge, exact when none
            low REAL,                      -- the figure as an interval (open ends NULL)
            high REAL,
            point REAL,                    -- the figure as one number, when it has one
            matcher_version TEXT NOT NULL
        );
        CREATE INDEX idx_claim_keys_subject_key ON _claim_keys(subject_key, unit);
        """
    )
    db.executescript(CLAIM_STATUS_VIEW)


# A match counts unless its latest verdict is 'rejected'.
_LIVE = """NOT EXISTS (SELECT 1 FROM reviews r WHERE r.match_id = m.id AND r.verdict = 'rejected'
          AND r.id = (SELECT max(r2.id) FROM reviews r2 WHERE r2.match_id = m.id))"""

CLAIM_STATUS_VIEW = f"""
CREATE VIEW claim_status AS
SELECT s.*, lc.quote AS latest_quote, lc.value AS latest_value, lc.low AS latest_low,
       lc.high AS latest_high, lc.qualifier AS latest_qualifier,
       coalesce(lc.as_of, ld.published) AS latest_date
FROM (
  SELECT c.id AS claim_id, c.document_id, c.quote, c.subject, c.value, c.low, c.high,
    c.qualifier, coalesce(c.as_of, d.published) AS date,
    CASE
      WHEN EXISTS (SELECT 1 FROM matches m WHERE m.claim_id = c.id AND m.relation = 'contradicts' AND {_LIVE})
        OR EXISTS (SELECT 1 FROM matches m WHERE m.later_claim_id = c.id AND m.relation = 'contradicts' AND {_LIVE})
        THEN 'contested'
      WHEN EXISTS (SELECT 1 FROM matches m WHERE m.claim_id = c.id AND m.relation = 'updates' AND {_LIVE})
        THEN 'updated'
      WHEN EXISTS (SELECT 1 FROM matches m WHERE m.claim_id = c.id AND m.relation = 'corroborates' AND {_LIVE})
        OR EXISTS (SELECT 1 FROM matches m WHERE m.later_claim_id = c.id AND m.relation = 'corroborates' AND {_LIVE})
        THEN 'corroborated'
      ELSE 'unverified'
    END AS status,
    (SELECT count(*) FROM matches m WHERE m.claim_id = c.id AND {_LIVE})
      + (SELECT count(*) FROM matches m WHERE m.later_claim_id = c.id AND {_LIVE}) AS matches,
    (SELECT count(DISTINCT lower(trim(coalesce(c2.attribution, d2.publisher, d2.url))))
       FROM claims c2 JOIN documents d2 ON d2.id = c2.document_id
       WHERE c2.id = c.id
          OR c2.id IN (SELECT m.later_claim_id FROM matches m WHERE m.claim_id = c.id AND {_LIVE})
          OR c2.id IN (SELECT m.claim_id FROM matches m WHERE m.later_claim_id = c.id AND {_LIVE})
    ) AS independent_sources,
    (SELECT c3.id FROM claims c3 JOIN documents d3 ON d3.id = c3.document_id
       WHERE c3.id = c.id
          OR c3.id IN (SELECT m.later_claim_id FROM matches m WHERE m.claim_id = c.id AND {_LIVE})
          OR c3.id IN (SELECT m.claim_id FROM matches m WHERE m.later_claim_id = c.id AND {_LIVE})
       ORDER BY coalesce(c3.as_of, d3.published) DESC, c3.id DESC LIMIT 1
    ) AS latest_claim_id
  FROM claims c JOIN documents d ON d.id = c.document_id
) s
LEFT JOIN claims lc ON lc.id = s.latest_claim_id
LEFT JOIN documents ld ON ld.id = lc.document_id;
"""


@migrations(name="m004_review")
def m004_review(db):
    """Reviewer accounts, the append-only audit trail of verdicts, and the views
    that read it: each match's current verdict, the full history, the unreviewed matches."""
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
        CREATE VIEW unreviewed_matches AS
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


@migrations(name="m005_matching_speed")
def m005_matching_speed(db):
    """An index on what the matcher reads of each claim by block (unit, subject
    key, place, period) and date: matching a few new claims against a big archive
    reads only the nearest claims of each block, not every claim of its subject."""
    db.executescript(
        """
        CREATE INDEX idx_claim_keys_block ON _claim_keys(unit, subject_key, place, period, day, claim_id);
        """
    )


@migrations(name="m006_same_figure")
def m006_same_figure(db):
    """An index on the exact figures the matcher reads: a few new claims find the
    claims that state the same particular figure (see matching.same_figure)
    without reading the whole archive."""
    db.executescript(
        """
        CREATE INDEX idx_claim_keys_exact_point ON _claim_keys(point) WHERE qualifier = 'exact';
        """
    )


@migrations(name="m007_running_totals")
def m007_running_totals(db):
    """Whether the matcher read a figure as counted since a start: 0 no, 1 since an
    event ("329 people arrested since the decree"), else the start's day ordinal
    ("since 28 April"). One source's running total from one start may grow fast for
    months; a count since a date does not relate to figures from before it. Readings
    are derived data: a matcher of a new version reads every claim again."""
    db.executescript(
        """
        ALTER TABLE _claim_keys ADD COLUMN since INTEGER NOT NULL DEFAULT 0;
        """
    )
