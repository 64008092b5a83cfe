"""Pairing targets in block order, with caches that drop their oldest entries, gives
the pairs that id order with caches big enough for everything gives."""

import pathlib
import shutil
import sys

import pytest

from checks import matching
from checks.database import open_database

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "benchmarks"))
from synthetic_archive import generate  # noqa: E402


@pytest.fixture(scope="module")
def archive_file(tmp_path_factory):
    "A small synthetic archive, unmatched."
    path = tmp_path_factory.mktemp("order") / "archive.db"
    generate(path, 1500, seed=5)
    return path


def matched(path, tmp_path, name, monkeypatch=None, **settings):
    "The pairs (without ids and times) and marks of a serial run on a copy of the archive."
    copy = tmp_path / f"{name}.db"
    shutil.copy(path, copy)
    db = open_database(copy)
    stats = matching.match_claims(db, **settings)
    pairs = sorted(db.execute(
        """SELECT claim_id, later_claim_id, score, relation, explanation, subject_score, place_score,
                  attribution_score, days_apart, change, components, matcher_version FROM matches"""))
    marks = sorted(db.execute("SELECT claim_id, matcher_version FROM _matched_claims"))
    db.close()
    return stats, pairs, marks


def test_block_order_and_small_caches_give_the_pairs_of_id_order(archive_file, tmp_path, monkeypatch):
    monkeypatch.setattr(matching, "WORKERS", 1)
    with monkeypatch.context() as m:
        m.setattr(matching, "BLOCK_ORDER_MIN", 10 ** 9)  # id order
        m.setattr(matching, "DISPLAY_CACHE", 10 ** 9)
        m.setattr(matching, "BLOCK_LISTS", 10 ** 9)
        m.setattr(matching, "INFERRED_COUNTRIES", 10 ** 9)
        stats, plain_pairs, plain_marks = matched(archive_file, tmp_path, "id_order")
    assert stats.pairs_added > 1000
    assert {p[3] for p in plain_pairs} == {"corroborates", "updates", "contradicts"}
    monkeypatch.setattr(matching, "BLOCK_ORDER_MIN", 0)  # every share in block order
    _, pairs, marks = matched(archive_file, tmp_path, "block_order")
    assert pairs == plain_pairs
    assert marks == plain_marks
    # caches so small that they drop entries in every batch
    monkeypatch.setattr(matching, "DISPLAY_CACHE", 20)
    monkeypatch.setattr(matching, "BLOCK_LISTS", 8)
    monkeypatch.setattr(matching, "INFERRED_COUNTRIES", 4)
    monkeypatch.setattr(matching, "BATCH_SIZE", 100)
    _, pairs, marks = matched(archive_file, tmp_path, "small_caches")
    assert pairs == plain_pairs
    assert marks == plain_marks


def test_block_order_groups_a_blocks_targets_by_date():
    def reading(claim_id, key, place, day):
        return matching.Reading(claim_id=claim_id, document_id=claim_id, unit="", subject_key=key,
                                key_kind="subject", place=place, period="total", day=day, source="s",
                                names="", qualifier="exact", low=1.0, high=1.0, point=1.0)

    pending = {1: reading(1, "prisoner", "Belarus", 20), 2: reading(2, "arrest", "Belarus", 5),
               3: reading(3, "prisoner", "Belarus", 10), 4: reading(4, "prisoner", "", None),
               5: reading(5, "arrest", "Belarus", 5)}
    # claim 6 has no reading to pair (no neighbours): it comes first
    assert matching._in_block_order([1, 2, 3, 4, 5, 6], pending) == [6, 2, 5, 4, 3, 1]


def test_making_room_drops_the_oldest_entries_only_when_full():
    cache = {i: str(i) for i in range(10)}
    matching._make_room(cache, 10)
    assert len(cache) == 10  # not over the limit: nothing dropped
    cache[10] = "10"
    matching._make_room(cache, 10)
    assert list(cache) == [4, 5, 6, 7, 8, 9, 10]  # down to three quarters, the newest kept


def test_a_small_run_numbers_its_pairs_in_id_order(archive_file, tmp_path, monkeypatch):
    "Below BLOCK_ORDER_MIN targets the pairs are stored in the order id order gives, as before."
    monkeypatch.setattr(matching, "WORKERS", 1)
    called = []
    monkeypatch.setattr(matching, "_in_block_order", lambda ids, pending: called.append(len(ids)) or ids)
    matched(archive_file, tmp_path, "small_run")
    assert called == []
    monkeypatch.setattr(matching, "BLOCK_ORDER_MIN", 1000)
    matched(archive_file, tmp_path, "big_share")
    assert called and called[0] >= 1000
