import sqlite3

from checks.database import open_database, save_claims, save_document, store_document
from checks.migrations import migrations

EXPECTED_TABLES = {
    "documents", "claims", "matches", "reviews", "feeds", "document_revisions",
    "figure_changes", "claims_fts", "documents_fts",
}


def test_migrations_on_blank_file(db_path):
    db = open_database(db_path)
    assert EXPECTED_TABLES <= set(db.table_names())
    applied = [m.name for m in migrations.applied(db)]
    assert applied == [m.name for m in migrations._migrations]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migrations_applied_twice_change_nothing(db_path):
    open_database(db_path).close()
    schema = sqlite3.connect(db_path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    db = open_database(db_path)
    assert migrations.pending(db) == []
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(migrations._migrations)
    assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema


def test_claims_columns_are_the_public_interface(db):
    columns = [c.name for c in db["claims"].columns]
    for name in (
        "id", "document_id", "quote", "start", "end", "value", "low", "high", "qualifier",
        "unit", "subject", "attribution", "as_of", "sentence", "origin", "created_at",
    ):
        assert name in columns
    assert [c.name for c in db["documents"].columns][:9] == [
        "id", "url", "title", "publisher", "published", "fetched_at", "text",
        "content_hash", "language",
    ]


def test_qualifier_is_checked(db):
    doc = save_document(db, "https://example.org/a")
    try:
        db.execute(
            "INSERT INTO claims (document_id, qualifier, origin, created_at, fingerprint)"
            " VALUES (?, 'roughly', 'imported', 'now', 'x')",
            [doc],
        )
    except sqlite3.IntegrityError as ex:
        assert "CHECK" in str(ex)
    else:
        raise AssertionError("a qualifier outside the list was stored")


def test_save_document_keeps_stored_fields(db):
    first = save_document(db, "https://example.org/a", title="A", publisher="P")
    again = save_document(db, "https://example.org/a", title=None, published="2021-07-14")
    assert first == again
    row = db["documents"].get(first)
    assert (row["title"], row["publisher"], row["published"]) == ("A", "P", "2021-07-14")


TEXT = (
    "Security forces detained 120 people on Sunday.\n\n"
    "The monitoring group says 555 political prisoners are held."
)


def test_store_document_new_unchanged_changed(db):
    first = store_document(db, "https://example.org/r", TEXT, title="Report")
    assert first.status == "new" and first.claims_added >= 2
    quotes = {r["quote"] for r in db["claims"].rows}
    assert {"120", "555"} <= quotes
    ids_before = {r["quote"]: r["id"] for r in db["claims"].rows}

    assert store_document(db, "https://example.org/r", TEXT).status == "unchanged"
    assert db["document_revisions"].count == 0

    edited = "A new opening line.\n\n" + TEXT.replace("555", "612")
    changed = store_document(db, "https://example.org/r", edited)
    assert changed.status == "changed"
    assert db["document_revisions"].count == 1
    assert db["document_revisions"].get(1)["text"] == TEXT
    rows = {r["quote"]: r for r in db["claims"].rows}
    # the unchanged figure keeps its id, with offsets moved into the new text
    assert rows["120"]["id"] == ids_before["120"]
    assert edited[rows["120"]["start"]:rows["120"]["end"]] == "120"
    assert "555" not in rows and "612" in rows
    change = next(r for r in db["figure_changes"].rows if r["change"] == "changed")
    assert (change["old_quote"], change["new_quote"]) == ("555", "612")


def test_store_document_is_atomic(db, monkeypatch):
    import checks.database

    def explode(*args, **kwargs):
        raise RuntimeError("killed")

    monkeypatch.setattr(checks.database, "save_claims", explode)
    try:
        store_document(db, "https://example.org/x", TEXT)
    except RuntimeError:
        pass
    assert db["documents"].count == 0 and db["claims"].count == 0


def test_saved_imported_claims_of_one_figure_in_two_units_are_both_kept(db):
    doc = save_document(db, "https://wire.example/held")
    sentence = "Police held two reporters for two days."
    two = dict(quote="two", value=2, low=2, high=2, qualifier="exact", sentence=sentence, subject="reporters held")
    days = dict(two, unit="days", subject="days held")
    assert save_claims(db, doc, [two, days, two], origin="imported") == 2
    assert save_claims(db, doc, [days, two], origin="imported") == 0
    assert sorted((r[0] or "") for r in db.execute("SELECT unit FROM claims")) == ["", "days"]
