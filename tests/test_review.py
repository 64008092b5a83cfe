"""Reviewer accounts, verdicts and the audit trail, the queue, a figure's
timeline and the ClaimReview export: the library and its commands."""

import json
import sqlite3

import pytest

from checks import review
from checks.cli import cli
from checks.database import open_database
from checks.errors import AuthError, ChecksError
from checks.export import claim_reviews, organisation_from
from review_samples import build

ORGANISATION = {"name": "Example Checks", "url": "https://checks.example"}


@pytest.fixture
def sample(db_path):
    ids = build(db_path)
    db = open_database(db_path)
    yield db, ids
    db.close()


# --- passwords and accounts -----------------------------------------------------


def test_password_hash_is_salted_scrypt_and_verifies():
    first, second = review.hash_password("s3cret"), review.hash_password("s3cret")
    assert first != second  # a fresh salt each time
    assert first.startswith(f"scrypt${review.SCRYPT_N}${review.SCRYPT_R}${review.SCRYPT_P}$")
    assert "s3cret" not in first
    assert review.verify_password("s3cret", first)
    assert not review.verify_password("s3cret ", first)
    assert not review.verify_password("s3cret", first[:-4] + "AAAA")
    assert not review.verify_password("s3cret", "plain-text")


def test_empty_password_is_refused():
    with pytest.raises(AuthError, match="the password is empty"):
        review.hash_password("")


def test_accounts_add_authenticate_list_remove(sample):
    db, _ = sample
    review.add_reviewer(db, "bob", "hunter2!")
    assert review.authenticate(db, "bob", "hunter2!")
    assert not review.authenticate(db, "bob", "hunter2")
    assert not review.authenticate(db, "nobody", "hunter2!")
    stored = db.execute("SELECT password_hash FROM _reviewers WHERE name = 'bob'").fetchone()[0]
    assert "hunter2" not in stored
    assert [r["name"] for r in review.list_reviewers(db)] == ["alice", "bob"]
    with pytest.raises(AuthError, match="reviewer 'bob' already exists"):
        review.add_reviewer(db, "bob", "other")
    review.remove_reviewer(db, "bob")
    assert not review.authenticate(db, "bob", "hunter2!")
    with pytest.raises(AuthError, match="no reviewer named 'bob'"):
        review.remove_reviewer(db, "bob")


@pytest.mark.parametrize("name", ["", " alice", "a b", "-x", "x" * 65, "<script>"])
def test_bad_reviewer_names_are_refused(sample, name):
    with pytest.raises(AuthError, match="is not allowed"):
        review.add_reviewer(sample[0], name, "pw")


# --- verdicts and the audit trail -------------------------------------------------


def test_record_verdict_appends_and_later_verdict_supersedes(sample):
    db, _ = sample
    first = review.record_verdict(db, 1, "unsure", "alice", "need the source")
    second = review.record_verdict(db, 1, "confirmed", "alice")
    assert second > first
    current = list(db.query("SELECT * FROM current_verdicts WHERE match_id = 1"))
    assert len(current) == 1
    assert (current[0]["verdict"], current[0]["review_id"], current[0]["verdicts"]) == ("confirmed", second, 2)
    history = review.verdict_history(db, 1)
    assert [(h["verdict"], h["is_current"]) for h in history] == [("unsure", 0), ("confirmed", 1)]
    assert history[0]["note"] == "need the source" and history[1]["note"] is None
    assert history[1]["created_at"].endswith("+00:00")


@pytest.mark.parametrize(
    "match_id, verdict, reviewer, message",
    [
        (1, "maybe", "alice", "verdict must be one of: confirmed, rejected, unsure"),
        (1, None, "alice", "verdict must be one of: confirmed, rejected, unsure"),
        (99, "confirmed", "alice", "no such match"),
        ("x", "confirmed", "alice", "no such match"),
        (1, "confirmed", "", "a verdict needs a signed-in reviewer"),
        (1, "confirmed", "mallory", "unknown reviewer: add the account with checks reviewer add"),
    ],
)
def test_bad_verdicts_are_refused_and_nothing_written(sample, match_id, verdict, reviewer, message):
    db, _ = sample
    with pytest.raises(ChecksError) as info:
        review.record_verdict(db, match_id, verdict, reviewer)
    assert str(info.value) == f"verdict on match {match_id} refused: {message}"
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_triggers_refuse_update_and_delete_of_reviews(sample, db_path):
    db, _ = sample
    review.record_verdict(db, 2, "rejected", "alice")
    conn = sqlite3.connect(db_path)
    for sql in ("UPDATE reviews SET verdict = 'confirmed'", "DELETE FROM reviews"):
        with pytest.raises(sqlite3.IntegrityError, match="reviews are append-only"):
            conn.execute(sql)
    assert conn.execute("SELECT verdict FROM reviews").fetchall() == [("rejected",)]


def test_removing_a_reviewer_keeps_their_verdicts(sample):
    db, _ = sample
    review.record_verdict(db, 3, "confirmed", "alice")
    review.remove_reviewer(db, "alice")
    assert db.execute("SELECT reviewer FROM reviews").fetchall() == [("alice",)]
    with pytest.raises(ChecksError, match="unknown reviewer"):
        review.record_verdict(db, 2, "confirmed", "alice")


# --- the queue -----------------------------------------------------------------------


def test_queue_is_best_first_and_drops_reviewed_matches(sample):
    db, ids = sample
    queue = review.review_queue(db)
    assert [item["match_id"] for item in queue] == [1, 3, 2]
    first = queue[0]
    assert first["earlier"]["id"] == ids["claims"][0] and first["later"]["id"] == ids["claims"][1]
    assert first["earlier"]["highlight"] == (
        "The rights group Viasna now lists ", "169", " political prisoners in Belarus."
    )
    assert first["later"]["publisher"] == "Example Wire"
    assert first["later"]["url"] == "https://wire.example/2021/06/count"
    assert first["later"]["date"] == "2021-06-15"
    review.record_verdict(db, 1, "rejected", "alice")
    assert [item["match_id"] for item in review.review_queue(db, limit=1)] == [3]


def test_queue_reads_the_score_index(sample):
    db, _ = sample
    plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + review.QUEUE_SQL, {"limit": 20}))
    assert "idx_matches_score" in plan
    assert "TEMP B-TREE" not in plan


@pytest.mark.parametrize(
    "sentence, quote, offset, expected",
    [
        ("He said 5 of 5 left.", "5", 13, ("He said 5 of ", "5", " left.")),
        ("He said 5 of 5 left.", "5", 3, ("He said ", "5", " of 5 left.")),
        ("He said 5 of 5 left.", "5", None, ("He said ", "5", " of 5 left.")),
        ("No figure here.", "about 40", None, ("No figure here. ", "about 40", "")),
        (None, "40", None, ("", "40", "")),
    ],
)
def test_highlight_splits_the_sentence_at_the_quote(sentence, quote, offset, expected):
    assert review.highlight(sentence, quote, offset) == expected


# --- a figure's page -------------------------------------------------------------------


def test_figure_lists_confirmed_and_suggested_matches_in_date_order(sample):
    db, ids = sample
    first, second, third, _ = ids["claims"]
    review.record_verdict(db, 1, "confirmed", "alice")
    data = review.figure(db, second)
    assert [e["id"] for e in data["entries"]] == [first, second, third]
    assert [e["match"] and e["match"]["status"] for e in data["entries"]] == ["confirmed", None, "suggested"]
    review.record_verdict(db, 2, "rejected", "alice")
    assert [e["id"] for e in review.figure(db, second)["entries"]] == [first, second]
    assert review.figure(db, 12345) is None


def test_chart_draws_bounds_as_bounds(sample):
    db, ids = sample
    chart = review.figure(db, ids["claims"][0])["chart"]
    kinds = {m["claim_id"]: m for m in chart["marks"]}
    exact, more_than, in_range = (kinds[i] for i in ids["claims"][:3])
    assert exact["kind"] == "exact" and exact["selected"]
    assert more_than["kind"] == "at_least" and more_than["y_end"] < more_than["y"]  # arrow points up
    assert in_range["kind"] == "range" and in_range["y_high"] < in_range["y_low"]
    assert exact["x"] < more_than["x"] < in_range["x"]
    assert exact["y"] > more_than["y"] > in_range["y_low"]  # 169 < 500 < 600 (SVG y grows down)
    assert chart["y_ticks"][-1]["label"] == "1,000"


def test_chart_arrow_points_down_for_up_to(sample):
    entry = {
        "id": 9, "date": "2021-10-01", "value": 35000.0, "low": None, "high": 35000.0,
        "qualifier": "up_to", "quote": "up to 35,000", "publisher": "P", "url": "u",
    }
    mark = review.timeline_chart([entry, dict(entry, id=10, date=None)])
    assert mark["marks"][0]["kind"] == "at_most"
    assert mark["marks"][0]["y_end"] > mark["marks"][0]["y"]
    assert mark["missing"] == 1


# --- ClaimReview export -----------------------------------------------------------------


def test_claimreview_has_the_required_fields(sample):
    db, ids = sample
    review.record_verdict(db, 1, "confirmed", "alice", "Viasna's own list")
    review.record_verdict(db, 2, "rejected", "alice")
    review.record_verdict(db, 3, "unsure", "alice")
    reviews = claim_reviews(db, ORGANISATION, "https://checks.example")
    assert len(reviews) == 1
    cr = reviews[0]
    assert cr["@context"] == "https://schema.org" and cr["@type"] == "ClaimReview"
    assert cr["claimReviewed"] == "The rights group Viasna now lists 169 political prisoners in Belarus."
    assert cr["url"] == f"https://checks.example/-/figure/{ids['claims'][0]}#match-1"
    assert cr["author"] == {"@type": "Organization", "name": "Example Checks", "url": "https://checks.example"}
    assert len(cr["datePublished"]) == 10 and cr["datePublished"][:2] == "20"
    assert cr["reviewRating"] == {"@type": "Rating", "alternateName": "Updated by a later report"}
    item = cr["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "Viasna"}
    assert item["datePublished"] == "2020-12-01"
    assert item["firstAppearance"]["url"] == "https://news.example/2020/12/prisoners"
    assert [a["url"] for a in item["appearance"]] == ["https://news.example/2020/12/prisoners"]
    assert "Example Wire, 2021-06-15" in cr["reviewBody"] and "Viasna's own list" in cr["reviewBody"]


def test_a_later_rejection_withdraws_the_claimreview(sample):
    db, _ = sample
    review.record_verdict(db, 1, "confirmed", "alice")
    review.record_verdict(db, 1, "rejected", "alice")
    assert claim_reviews(db, ORGANISATION, "https://checks.example") == []


@pytest.mark.parametrize(
    "metadata, message",
    [
        ({}, "metadata.yml: set plugins: checks: organisation: name:"),
        ({"plugins": {"checks": {"organisation": {"name": "X"}}}}, "metadata.yml: set plugins: checks: site_url:"),
    ],
)
def test_export_needs_organisation_and_site_url(metadata, message):
    with pytest.raises(ChecksError, match=message):
        organisation_from(metadata)


# --- commands ---------------------------------------------------------------------------


def test_reviewer_commands(runner, sample, db_path):
    result = runner.invoke(cli, ["reviewer", "add", "bob", "--db", str(db_path)], input="pa55 word\n",
                           catch_exceptions=False)
    assert result.exit_code == 0 and result.output == "Reviewer bob added.\n"
    assert review.authenticate(sample[0], "bob", "pa55 word")
    listed = runner.invoke(cli, ["reviewer", "list", "--db", str(db_path)], catch_exceptions=False)
    assert [line.split("\t")[0] for line in listed.output.splitlines()] == ["alice", "bob"]
    assert listed.output.splitlines()[0].endswith("\t0 verdicts")
    removed = runner.invoke(cli, ["reviewer", "remove", "bob", "--db", str(db_path)], catch_exceptions=False)
    assert removed.output == "Reviewer bob removed.\n"
    assert not review.authenticate(sample[0], "bob", "pa55 word")


@pytest.mark.parametrize(
    "args, stdin, error",
    [
        (["add", "alice"], "x\n", "Error: reviewer 'alice' already exists: remove it first to reset the password"),
        (["add", "carol"], "\n", "Error: the password is empty"),
        (["add", "a b"], "x\n", "Error: reviewer name 'a b' is not allowed: use up to 64 letters, digits, "
                                "'.', '_', '-' or '@', starting with a letter or digit"),
        (["remove", "nobody"], "", "Error: no reviewer named 'nobody' (see checks reviewer list)"),
    ],
)
def test_reviewer_command_errors(runner, sample, db_path, args, stdin, error):
    result = runner.invoke(cli, ["reviewer", *args, "--db", str(db_path)], input=stdin)
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == error
    assert [r["name"] for r in review.list_reviewers(sample[0])] == ["alice"]


def test_export_claimreview_command(runner, sample, db_path, tmp_path):
    review.record_verdict(sample[0], 3, "confirmed", "alice")
    out = tmp_path / "claimreview.json"
    result = runner.invoke(cli, ["export", "claimreview", "--out", str(out), "--db", str(db_path)],
                           catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(out.read_text("utf-8"))
    assert [cr["reviewRating"]["alternateName"] for cr in data] == ["Updated by a later report"]
    assert data[0]["author"]["name"] == "checks"  # from metadata.yml
    assert data[0]["url"].startswith("http://127.0.0.1:8001/-/figure/")
    stdout = runner.invoke(cli, ["export", "claimreview", "--db", str(db_path)], catch_exceptions=False)
    assert json.loads(stdout.output) == data
