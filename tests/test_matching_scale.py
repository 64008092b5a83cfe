"""The matching driver at scale: worker processes, batches, killed and resumed runs."""

import multiprocessing
import pathlib
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


def test_workers_store_the_same_pairs_as_one_process(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(matching, "BATCH_SIZE", 100)
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
    assert shared.execute("SELECT count(*) FROM matches").fetchone()[0] == shared_stats.pairs_added
    assert not multiprocessing.active_children()


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
