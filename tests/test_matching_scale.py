"""The matching driver at scale: worker processes, batches, killed and resumed runs."""

import multiprocessing
import os
import pathlib
import signal
import subprocess
import sys

import pytest

from checks import matching
from checks.database import open_database
from checks.matching import match_claims

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "benchmarks"))
from synthetic_archive import generate  # noqa: E402

PAIR_COLUMNS = """claim_id, later_claim_id, score, relation, explanation, subject_score,
    place_score, attribution_score, days_apart, change, components, matcher_version"""


def stored(db):
    return db.execute(f"SELECT {PAIR_COLUMNS} FROM matches ORDER BY claim_id, later_claim_id").fetchall()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "archive.db"
    generate(path, 1500, seed=7)
    return path.read_bytes()


def copy(archive, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(archive)
    return open_database(path)


def readings(db):
    return db.execute("SELECT * FROM _claim_keys ORDER BY claim_id").fetchall()


def test_workers_store_the_same_pairs_as_one_process(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(matching, "BATCH_SIZE", 100)
    monkeypatch.setattr(matching, "READ_PART", 100)  # the workers read many parts, given as they finish
    monkeypatch.setattr(matching, "PARALLEL_MIN", 10**9)
    alone = copy(archive, tmp_path, "alone.db")
    alone_stats = match_claims(alone)
    monkeypatch.setattr(matching, "PARALLEL_MIN", 1)
    monkeypatch.setattr(matching.os, "cpu_count", lambda: 2)
    shared = copy(archive, tmp_path, "shared.db")
    shared_stats = match_claims(shared)
    assert alone_stats.pairs_added > 100
    assert (shared_stats.pairs_added, shared_stats.corroborates, shared_stats.updates,
            shared_stats.contradicts, shared_stats.claims_matched) == (
        alone_stats.pairs_added, alone_stats.corroborates, alone_stats.updates,
        alone_stats.contradicts, alone_stats.claims_matched)
    assert stored(shared) == stored(alone)
    assert readings(shared) == readings(alone)
    assert shared.execute("SELECT count(*) FROM matches").fetchone()[0] == shared_stats.pairs_added
    assert not multiprocessing.active_children()


def test_readings_alone_are_read_by_workers_of_their_own(archive, tmp_path, monkeypatch):
    "refresh_readings outside a run forks its own workers for many claims: the same readings."
    monkeypatch.setattr(matching, "READ_PART", 100)
    monkeypatch.setattr(matching, "PARALLEL_MIN", 10**9)
    alone = copy(archive, tmp_path, "alone.db")
    assert matching.refresh_readings(alone) == 1500
    monkeypatch.setattr(matching, "PARALLEL_MIN", 1)
    monkeypatch.setattr(matching.os, "cpu_count", lambda: 2)
    shared = copy(archive, tmp_path, "shared.db")
    assert matching.refresh_readings(shared) == 1500
    assert not multiprocessing.active_children()
    assert readings(shared) == readings(alone)


def test_a_worker_failing_to_read_stops_the_run(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(matching, "READ_PART", 100)
    monkeypatch.setattr(matching, "PARALLEL_MIN", 1)
    monkeypatch.setattr(matching.os, "cpu_count", lambda: 2)
    db = copy(archive, tmp_path, "unreadable.db")
    read_part = matching._read_part

    def fail_late(db, part):  # (in the workers, forked after this is patched in)
        if part[0] > 1000:
            raise ValueError("unreadable claim")
        return read_part(db, part)

    monkeypatch.setattr(matching, "_read_part", fail_late)
    with pytest.raises(RuntimeError, match="unreadable claim"):
        match_claims(db)
    assert not multiprocessing.active_children()
    assert db.execute("SELECT count(*) FROM _claim_keys").fetchone()[0] == 0  # (one group, not committed)
    assert db.execute("SELECT count(*) FROM matches").fetchone()[0] == 0


def test_read_parts_cut_only_between_documents():
    rows = [(1, 1), (2, 1), (3, 2), (4, 2), (5, 2), (6, 3), (7, 4), (8, 4)]
    assert matching._document_parts(rows, 2) == [[1, 2], [3, 4, 5], [6, 7, 8]]
    assert matching._document_parts(rows, 1) == [[1, 2], [3, 4, 5], [6], [7, 8]]
    assert matching._document_parts(rows, 100) == [[1, 2, 3, 4, 5, 6, 7, 8]]
    assert matching._document_parts([], 2) == []
    assert matching._document_parts(rows[:3], 0) == [[1, 2], [3]]
    # the last claims in parts of a quarter of the size (whole documents still)
    rows = [(i, i // 2) for i in range(40)]  # two claims a document
    parts = matching._document_parts(rows, 8, tail=12)
    assert [i for part in parts for i in part] == list(range(40))
    assert [len(part) for part in parts] == [8, 8, 8, 4, 2, 2, 2, 2, 2, 2]  # (the short parts from claim 28 on)
    assert matching._document_parts(rows, 8, tail=0) == matching._document_parts(rows, 8)


@pytest.mark.parametrize("parallel_min", [1, 10**9])
def test_a_killed_run_keeps_whole_batches_and_the_next_run_completes_it(
        archive, tmp_path, monkeypatch, parallel_min):
    monkeypatch.setattr(matching, "BATCH_SIZE", 100)
    monkeypatch.setattr(matching, "PARALLEL_MIN", parallel_min)
    monkeypatch.setattr(matching.os, "cpu_count", lambda: 2)
    clean = copy(archive, tmp_path, "clean.db")
    match_claims(clean)

    killed = copy(archive, tmp_path, "killed.db")

    def kill(done, total):
        if done >= 500:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        match_claims(killed, progress=kill)
    assert not multiprocessing.active_children()
    marked = killed.execute("SELECT count(*) FROM _matched_claims").fetchone()[0]
    assert marked == 500  # progress reports what is committed: whole batches
    # every marked claim has all its pairs already
    partial = set(stored(killed))
    complete = stored(clean)
    marked_ids = {r[0] for r in killed.execute("SELECT claim_id FROM _matched_claims")}
    assert partial <= set(complete)
    resumed = match_claims(killed)
    assert resumed.claims_matched == 1500 - marked
    assert stored(killed) == complete
    assert marked_ids  # the first run did commit something
    again = match_claims(killed)
    assert (again.claims_matched, again.pairs_added) == (0, 0)


def test_workers_forked_at_the_start_stop_when_reading_fails(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(matching, "PARALLEL_MIN", 1)
    monkeypatch.setattr(matching.os, "cpu_count", lambda: 2)
    db = copy(archive, tmp_path, "failing.db")

    def fail(db, workers):
        assert len(multiprocessing.active_children()) == matching.WORKERS  # waiting for their parts
        raise RuntimeError("no readings")

    monkeypatch.setattr(matching, "refresh_readings", fail)
    with pytest.raises(RuntimeError, match="no readings"):
        match_claims(db)
    assert not multiprocessing.active_children()
    assert db.execute("SELECT count(*) FROM matches").fetchone()[0] == 0


def test_figure_text_reads_zero_and_negative_zero_apart():
    assert [matching.format_figure(v, None, None, "exact") for v in (0.0, -0.0, 0, 1.5, 1.5)] == [
        "0", "-0", "0", "1.5", "1.5"]
    assert matching.format_figure(None, -0.0, 2.0, "range") == "-0–2"


def test_new_claims_pair_only_through_themselves(archive, tmp_path):
    db = copy(archive, tmp_path, "grow.db")
    match_claims(db)
    before = set(stored(db))
    last = db.execute("SELECT max(id) FROM claims").fetchone()[0]
    db.close()
    generate(tmp_path / "grow.db", 200, seed=9, first_document=10**6)
    db = open_database(tmp_path / "grow.db")
    stats = match_claims(db)
    after = set(stored(db))
    assert stats.claims_matched == 200
    assert before < after
    new = after - before
    assert len(new) == stats.pairs_added > 0
    assert all(row[0] > last or row[1] > last for row in new)
    pairs = [(row[0], row[1]) for row in after]
    assert len(pairs) == len(set(pairs))


def brute_neighbours(keys, wanted, cutoff):
    "What _neighbour_keys must find: keys sharing a specific word, scored one by one."
    out = {}
    for key in wanted:
        specific = set(matching._specific(key))
        found = [(other, matching.subject_score(key, other)) for other in keys
                 if specific & set(other.split())]
        out[key] = sorted((o, s) for o, s in found if s >= cutoff)
    return out


@pytest.mark.parametrize("cutoff", [80.0, 30.0])
def test_neighbour_keys_are_those_scoring_every_candidate_finds(archive, tmp_path, cutoff):
    db = copy(archive, tmp_path, "keys.db")
    matching.refresh_readings(db)
    extra = ["political prisoner", "political prisoner release", "arrest torture", "torture",
             "arrest journalist", "journalist", "arrest person", "person", "case criminal open",
             "case criminal", "arrest still", "die", "die injure", "new person", "refugee",
             "day person time", "day person time zzz"]  # shares generic words only
    db.conn.executemany("UPDATE _claim_keys SET subject_key = ?, unit = '' WHERE claim_id = ?",
                        [(key, i + 1) for i, key in enumerate(extra)])
    keys = [r[0] for r in db.execute("SELECT DISTINCT subject_key FROM _claim_keys WHERE unit = '' "
                                     "AND subject_key != ''")]
    assert len(keys) > 300
    wanted = keys[::3] + extra
    found = matching._neighbour_keys(db, [("", key) for key in wanted], cutoff)
    expected = brute_neighbours(keys, wanted, cutoff)
    assert {key: sorted(found[("", key)]) for key in wanted} == expected
    assert any(len(v) > 1 for v in expected.values())
    # few keys asked: the keys holding theirs come from the inverted index
    few = matching._neighbour_keys(db, [("", key) for key in extra[:4]], cutoff)
    assert {key: sorted(few[("", key)]) for key in extra[:4]} == {k: expected[k] for k in extra[:4]}


def test_interval_figures_apart_are_never_related():
    "nearby() drops them before relate: relate must agree."
    base = matching.Reading(1, 1, "", "arrest", "subject", "Belarus", "interval", 738000, "viasna",
                            "", "exact", 100, 100, 100)
    for gap in (matching.INTERVAL_SAME_DAYS + 1, 30, 400):
        later = base._replace(claim_id=2, document_id=2, day=base.day + gap)
        assert matching.relate(base, later) is None
    near = base._replace(claim_id=2, document_id=2, day=base.day + matching.INTERVAL_SAME_DAYS)
    assert matching.relate(base, near) is not None


def test_stored_archive_and_shortcuts_store_the_same_pairs(archive, tmp_path, monkeypatch):
    "Few new claims read the archive from the index; the in-memory archive gives the same pairs."
    results = {}
    for name, share, symmetric in (("memory", 0, False), ("stored", 10**9, True)):
        db = copy(archive, tmp_path, f"{name}.db")
        match_claims(db)
        db.close()
        generate(tmp_path / f"{name}.db", 150, seed=11, first_document=10**6, start_day=2000, days=190)
        db = open_database(tmp_path / f"{name}.db")
        monkeypatch.setattr(matching, "STORED_SHARE", share)
        if not symmetric:
            monkeypatch.setattr(matching, "_symmetric", lambda neighbours: False)
        stats = match_claims(db)
        monkeypatch.undo()
        assert stats.claims_matched == 150
        results[name] = (stats.pairs_added, stored(db))
    assert results["stored"][0] > 50
    assert results["stored"] == results["memory"]


def test_the_block_index_serves_the_windows(tmp_path):
    db = open_database(tmp_path / "plan.db")
    plan = " ".join(str(r) for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT claim_id FROM _claim_keys WHERE unit = ? AND subject_key = ? "
        "AND place = ? AND period = ? AND (day, claim_id) < (?, ?) ORDER BY day DESC, claim_id DESC LIMIT 32",
        ["", "arrest", "Belarus", "total", 738000, 5]).fetchall())
    assert "idx_claim_keys_block" in plan
    assert "TEMP B-TREE" not in plan


def test_stored_windows_are_the_in_memory_windows(archive, tmp_path):
    "Around dated and undated claims, in blocks with undated claims at their end."
    db = copy(archive, tmp_path, "windows.db")
    matching.refresh_readings(db)
    ids = [r[0] for r in db.execute("SELECT claim_id FROM _claim_keys ORDER BY claim_id LIMIT 90")]
    db.conn.executemany(
        "UPDATE _claim_keys SET unit = '', subject_key = 'window test', place = 'Belarus', "
        "period = 'total', day = CASE WHEN ? THEN NULL ELSE 738000 + ? % 7 END WHERE claim_id = ?",
        [(i % 5 == 0, i, claim_id) for i, claim_id in enumerate(ids)])
    block_key = ("", "window test", "Belarus", "total")
    stored = matching._StoredArchive(db)
    memory = matching._Archive(stored.readings(ids))
    assert stored.size(block_key) == matching.SMALL_QUANTITY + 1  # counted no further
    assert stored.places_of("", "window test") == memory.places_of("", "window test") == {"Belarus"}
    undated, sizes = 0, set()
    for reading in memory.blocks[block_key]:
        me = matching._sort_key(reading)
        undated += reading.day is None
        expected = sorted(memory.window(block_key, me, False), key=matching._sort_key)
        got = sorted(stored.window(block_key, me, False), key=matching._sort_key)
        assert got == expected
        sizes.add(len(got))
    assert undated == 18
    assert max(sizes) == 2 * matching.SCAN_PER_LIST + 1 and min(sizes) < max(sizes)
    assert sorted(stored.window(block_key, (True, 0, 0), True)) == sorted(memory.blocks[block_key])


# --- blocks of places: inferred places and unknown ones ---------------------------------------


def _news(path, reports, site="desk"):
    """A database of (published, title, text, [(quote, sentence, subject, value, qualifier)])
    reports; returns it and the claim ids in order."""
    from checks.database import save_claims, save_document

    db = open_database(path)
    ids = []
    for n, (published, title, text, claims) in enumerate(reports):
        with db.atomic():
            doc = save_document(db, f"https://{site}{n}.example/a", published=published, publisher=f"{site} {n}",
                                title=title, text=text)
            for quote, sentence, subject, value, qualifier in claims:
                high = value if qualifier == "exact" else None
                save_claims(db, doc, [dict(quote=quote, value=value, low=value, high=high, qualifier=qualifier,
                                           subject=subject, sentence=sentence)])
                ids.append(db.execute("SELECT max(id) FROM claims").fetchone()[0])
    return db, ids


def _linked(db):
    return {(r[0], r[1]) for r in db.execute("SELECT claim_id, later_claim_id FROM matches")}


def test_a_document_that_places_a_figure_in_russia_keeps_its_unplaced_ones_out_of_russia(tmp_path):
    "A report on Belarus naming Russia often, and Russia's count in its own sentence."
    held = "About 1,100 people remain behind bars on political grounds, rights groups say."
    there = "Memorial, which tracks cases in Russia, lists 1,046 political prisoners there."
    db, (belarus, russia, moscow, minsk) = _news(tmp_path / "places.db", [
        ("2026-03-03", "Belarus frees 18 more prisoners", f"{held} {there} Belarus freed them on Tuesday.", [
            ("About 1,100", held, "people behind bars on political grounds", 1100, "about"),
            ("1,046", there, "political prisoners", 1046, "exact")]),
        ("2026-02-27", "Russia's count keeps climbing", "Memorial lists 1,020 political prisoners in Russia.", [
            ("1,020", "Memorial lists 1,020 political prisoners in Russia.", "political prisoners", 1020, "exact")]),
        ("2026-02-20", "A count in Minsk", "Viasna counts 1,118 political prisoners in Belarus.", [
            ("1,118", "Viasna counts 1,118 political prisoners in Belarus.", "political prisoners", 1118, "exact")]),
    ])
    match_claims(db)
    places = dict(db.execute("SELECT claim_id, place FROM _claim_keys").fetchall())
    assert places[belarus] == "~Belarus" and places[russia] == "Russia"  # Russia named, but not for it
    assert _linked(db) == {(minsk, belarus), (moscow, russia)}


def test_an_unplaced_figure_links_with_the_one_country_it_keeps_company_with(tmp_path):
    "'over 450 arrests' in a report naming no country, beside Georgia's counts and far from Belarus's."
    georgia = "More than 400 people have been detained in Georgia since the protests began."
    later = "More than 500 people have been detained in Georgia since the protests began."
    belarus = "More than 35,000 people have been detained in Belarus since the election."
    reports = [
        ("2025-02-03", "Georgia's crackdown", georgia,
         [("More than 400", georgia, "people detained", 400, "more_than")]),
        ("2025-02-10", "Rustaveli Avenue fills again", "Rights groups count over 450 arrests since the rallies began.",
         [("over 450", "Rights groups count over 450 arrests since the rallies began.", "arrests", 450, "more_than")]),
        ("2025-05-12", "Georgia, months on", later, [("More than 500", later, "people detained", 500, "more_than")]),
        ("2025-02-12", "Belarus in numbers", belarus, [("More than 35,000", belarus, "people detained", 35000,
                                                         "more_than")]),
    ]
    db, (first, unplaced, months_on, minsk) = _news(tmp_path / "company.db", reports)
    match_claims(db)
    assert _linked(db) == {(first, unplaced), (first, months_on), (unplaced, months_on)}
    # the same pairs when the unplaced report was matched before the others arrived
    db2, ids = _news(tmp_path / "later.db", [reports[1]])
    match_claims(db2)
    db2.close()
    db2, more = _news(tmp_path / "later.db", [reports[0], reports[2], reports[3]], site="wire")
    match_claims(db2)
    assert _linked(db2) == {(more[0], ids[0]), (more[0], more[1]), (ids[0], more[1])}


def test_an_unplaced_figure_stays_apart_when_two_countries_count_alike(tmp_path):
    georgia = "More than 400 people have been detained in Georgia since the protests began."
    serbia = "More than 420 people have been detained in Serbia since the protests began."
    db, (tbilisi, unplaced, belgrade) = _news(tmp_path / "two.db", [
        ("2025-02-03", "Georgia's crackdown", georgia,
         [("More than 400", georgia, "people detained", 400, "more_than")]),
        ("2025-02-10", "Crowds fill the avenue", "Rights groups count over 450 arrests since the rallies began.",
         [("over 450", "Rights groups count over 450 arrests since the rallies began.", "arrests", 450, "more_than")]),
        ("2025-02-11", "Serbia's crackdown", serbia, [("More than 420", serbia, "people detained", 420, "more_than")]),
    ])
    match_claims(db)
    assert _linked(db) == set()  # whose 450 arrests? not a suggestion a fact-checker can trust


SLOW_RUN = """
import sys, time
from checks import matching
from checks.database import open_database
matching.PARALLEL_MIN, matching.BATCH_SIZE = 1, 10
matching.os.cpu_count = lambda: 2
pair = matching._pair_batches
def slow(*args, **kwargs):  # a run long enough to be interrupted half-way
    for batch in pair(*args, **kwargs):
        time.sleep(0.05)
        yield batch
matching._pair_batches = slow
def started(done, total):
    if done:
        print("started", flush=True)
matching.match_claims(open_database(sys.argv[1]), progress=started)
"""


def test_ctrl_c_stops_a_run_with_workers_at_once_and_leaves_whole_batches(archive, tmp_path):
    path = tmp_path / "interrupted.db"
    path.write_bytes(archive)
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_RUN, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert child.stdout.readline() == b"started\n"  # batches are being committed
    os.killpg(child.pid, signal.SIGINT)  # Ctrl-C in a terminal: the whole process group
    try:
        _, err = child.communicate(timeout=20)
    finally:
        child.kill()
    assert child.returncode != 0 and b"KeyboardInterrupt" in err
    assert b"matching worker failed" not in err  # the workers leave Ctrl-C to the parent
    with pytest.raises(ProcessLookupError):
        os.killpg(child.pid, 0)  # no worker left behind in its group
    db = open_database(path)
    marked = db.execute("SELECT count(*) FROM _matched_claims").fetchone()[0]
    assert 0 < marked < 1500
    clean = copy(archive, tmp_path, "clean.db")
    match_claims(clean)
    assert set(stored(db)) <= set(stored(clean))  # whole batches only
    match_claims(db)
    assert stored(db) == stored(clean)


@pytest.mark.skipif(not hasattr(__import__("fcntl"), "F_GETPIPE_SZ"), reason="Linux pipes only")
def test_a_worker_result_pipe_holds_a_whole_batch():
    import fcntl

    receive, send = multiprocessing.Pipe(duplex=False)
    matching._widen(send)
    assert fcntl.fcntl(send.fileno(), fcntl.F_GETPIPE_SZ) == matching.PIPE_BYTES
    send.send(b"x" * (matching.PIPE_BYTES // 2))  # (would block in a default 64 KB pipe)
    assert len(receive.recv()) == matching.PIPE_BYTES // 2


def checked_by_the_foreign_keys(monkeypatch):
    "The plain path of _store: every row checked by SQLite's foreign keys."
    import contextlib

    monkeypatch.setattr(matching, "_foreign_keys_off", lambda db: contextlib.nullcontext())


def test_pairs_stored_with_claims_checked_once_are_those_the_foreign_keys_check(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(matching, "BATCH_SIZE", 100)
    fast = copy(archive, tmp_path, "fast.db")
    fast_stats = match_claims(fast)
    assert fast.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # on again
    checked_by_the_foreign_keys(monkeypatch)
    plain = copy(archive, tmp_path, "plain.db")
    plain_stats = match_claims(plain)
    assert fast_stats.pairs_added == plain_stats.pairs_added > 100
    assert stored(fast) == stored(plain)
    marks = "SELECT claim_id, matcher_version FROM _matched_claims ORDER BY claim_id"
    assert fast.execute(marks).fetchall() == plain.execute(marks).fetchall()


@pytest.mark.parametrize("fast", [True, False])
def test_pairs_of_a_claim_deleted_while_matching_are_refused(archive, tmp_path, monkeypatch, fast):
    "Another connection deletes a claim after it was paired: its group is rolled back, as the foreign keys do."
    import sqlite3

    monkeypatch.setattr(matching, "BATCH_SIZE", 100)
    monkeypatch.setattr(matching, "COMMITS", 10**6)  # a group per batch
    if not fast:
        checked_by_the_foreign_keys(monkeypatch)
    batches = []
    store = matching._store

    def kept(db, stats, items, progress, total):
        batches.extend(items)
        return store(db, stats, iter(batches), progress, total)

    monkeypatch.setattr(matching, "_store", kept)
    match_claims(copy(archive, tmp_path, "paired.db"))
    monkeypatch.setattr(matching, "_store", store)
    named = [{i for rows in batch[2].values() for row in rows for i in row[:2]} for batch in batches]
    victim = min(named[len(named) // 2])  # paired in a batch half-way through
    db = copy(archive, tmp_path, "deleted.db")
    matching.refresh_readings(db)
    other = open_database(tmp_path / "deleted.db")
    other.execute("DELETE FROM claims WHERE id = ?", [victim])  # (its reading goes with it)
    other.conn.commit()
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        matching._store(db, matching.MatchStats(), iter(batches), None, 1500)
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    first = next(i for i, ids in enumerate(named) if victim in ids)
    assert db.execute("SELECT count(*) FROM _matched_claims").fetchone()[0] == sum(len(b[1]) for b in batches[:first])
    assert db.execute("SELECT count(*) FROM matches WHERE ? IN (claim_id, later_claim_id)", [victim]).fetchone()[0] == 0


def test_a_worker_forgets_what_reading_cached_and_reads_the_same(archive, tmp_path):
    db = copy(archive, tmp_path, "forget.db")
    rows = db.execute("SELECT id, document_id FROM claims ORDER BY id").fetchall()
    part = matching._document_parts(rows, 300)[0]
    first = matching._read_part(db, part)
    assert matching.lexicon.subject_terms.cache_info().currsize > 0
    matching._forget_reading()
    assert matching.lexicon.subject_terms.cache_info().currsize == 0
    assert matching._short_document_place.cache_info().currsize == 0
    assert matching._read_part(db, part) == first
