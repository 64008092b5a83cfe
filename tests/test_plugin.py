"""The Datasette side of reviewing, in-process with the real metadata.yml and
plugin: sign-in and sign-out, every permission rule, the queue and figure
pages, and verdicts recorded while another connection writes."""

import asyncio
import re
import sqlite3
import threading

import pytest

from checks import review, site
from checks.database import now, open_database
from review_samples import PASSWORD, build

SECRET = "test-secret"
TOKEN = re.compile(r'name="csrftoken" value="([^"]+)"')


@pytest.fixture
def ids(db_path):
    return build(db_path)


@pytest.fixture
def ds(db_path, ids):
    return site.datasette_instance(db_path, secret=SECRET)


def signed_in(ds, name="alice"):
    return {"ds_actor": ds.sign({"a": {"id": name}}, "actor")}


async def csrf(ds, cookies=None):
    "A CSRF token from a real form, with the cookies that go with it."
    page = await ds.client.get("/-/login", cookies=cookies or {})
    cookies = dict(cookies or {}, ds_csrftoken=page.cookies["ds_csrftoken"])
    return TOKEN.search(page.text).group(1), cookies


async def post_verdict(ds, cookies, token, **form):
    "Post to record_verdict as the queue's form does (the note may be empty, not absent)."
    data = dict({"csrftoken": token} if token else {}, note="", **form)
    return await ds.client.post(
        "/checks/record_verdict", data=data, cookies=cookies, headers={"accept": "application/json"}
    )


def reviews(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT match_id, verdict, reviewer, note FROM reviews ORDER BY id").fetchall()
    finally:
        conn.close()


# --- anonymous visitors read everything -------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "path",
    [
        "/checks/claims", "/checks/documents", "/checks/matches", "/checks/reviews",
        "/checks/review_history", "/checks/current_verdicts", "/checks/unreviewed_matches",
        "/checks/review_queue", "/checks.json?sql=select+count(*)+from+claims",
        "/-/review", "/-/figure/1", "/-/login",
    ],
)
async def test_anonymous_visitors_can_read(ds, path):
    response = await ds.client.get(path)
    assert response.status_code == 200, response.text[:500]


# --- every write needs a signed-in reviewer with a CSRF token ------------------------


@pytest.mark.asyncio
async def test_anonymous_cannot_see_or_post_record_verdict(ds, db_path):
    assert (await ds.client.get("/checks/record_verdict")).status_code == 403
    # no cookies at all (asgi-csrf lets that through): the permission check refuses
    bare = await ds.client.post("/checks/record_verdict", data={"match_id": "1", "verdict": "confirmed"})
    assert bare.status_code == 403
    # a valid CSRF token, but nobody signed in; and a forged _actor_id does not help
    token, cookies = await csrf(ds)
    forged = await post_verdict(ds, cookies, token, match_id="1", verdict="confirmed", _actor_id="alice")
    assert forged.status_code == 403
    assert reviews(db_path) == []


@pytest.mark.asyncio
async def test_a_write_without_a_valid_csrf_token_is_refused(ds, db_path):
    cookies = signed_in(ds)
    missing = await post_verdict(ds, cookies, None, match_id="1", verdict="confirmed")
    assert missing.status_code == 403 and "form-urlencoded POST field did not match cookie" in missing.text
    _, with_csrf_cookie = await csrf(ds, cookies)
    wrong = await post_verdict(ds, with_csrf_cookie, "not-the-token", match_id="1", verdict="confirmed")
    assert wrong.status_code == 403
    assert reviews(db_path) == []


@pytest.mark.asyncio
async def test_a_signed_in_reviewer_records_a_verdict_and_returns_to_the_queue(ds, db_path):
    token, cookies = await csrf(ds, signed_in(ds))
    response = await ds.client.post(
        "/checks/record_verdict",
        data={"csrftoken": token, "match_id": "1", "verdict": "confirmed", "note": " seen it "},
        cookies=cookies,
    )
    assert response.status_code == 302 and response.headers["location"] == "/-/review"
    assert reviews(db_path) == [(1, "confirmed", "alice", "seen it")]
    created_at = sqlite3.connect(db_path).execute("SELECT created_at FROM reviews").fetchone()[0]
    assert created_at[:4] == now()[:4] and created_at.endswith("+00:00")
    queue = await ds.client.get("/-/review", cookies=dict(cookies, ds_messages=response.cookies["ds_messages"]))
    assert "Verdict recorded." in queue.text
    assert 'id="match-1"' not in queue.text and 'id="match-3"' in queue.text


@pytest.mark.asyncio
async def test_the_reviewer_is_the_signed_in_actor_not_a_form_field(ds, db_path):
    db = open_database(db_path)
    review.add_reviewer(db, "bob", "bob's password")
    db.close()
    token, cookies = await csrf(ds, signed_in(ds, "alice"))
    response = await post_verdict(ds, cookies, token, match_id="2", verdict="rejected", _actor_id="bob")
    assert response.json()["ok"] is True
    assert reviews(db_path) == [(2, "rejected", "alice", None)]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "form, message",
    [
        ({"match_id": "1", "verdict": "maybe"}, "verdict must be one of: confirmed, rejected, unsure"),
        ({"match_id": "1", "verdict": ""}, "verdict must be one of: confirmed, rejected, unsure"),
        ({"match_id": "999", "verdict": "confirmed"}, "no such match"),
        ({"match_id": "", "verdict": "confirmed"}, "no such match"),
    ],
)
async def test_bad_verdicts_are_refused_with_a_message(ds, db_path, form, message):
    token, cookies = await csrf(ds, signed_in(ds))
    response = await post_verdict(ds, cookies, token, **form)
    assert response.json() == {"ok": False, "message": message, "redirect": "/-/review"}
    assert reviews(db_path) == []


@pytest.mark.asyncio
async def test_a_signed_cookie_for_a_removed_account_cannot_write(ds, db_path):
    db = open_database(db_path)
    review.remove_reviewer(db, "alice")
    db.close()
    token, cookies = await csrf(ds, signed_in(ds))
    response = await post_verdict(ds, cookies, token, match_id="1", verdict="confirmed")
    assert response.json()["message"] == "unknown reviewer: add the account with checks reviewer add"
    assert reviews(db_path) == []


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "sql",
    [
        "delete from reviews",
        "update reviews set verdict = 'rejected'",
        "insert into _reviewers values ('eve', 'x', 'now')",
        "with x as (select 1) insert into reviews (match_id, verdict, reviewer, created_at) select 1, 'confirmed', 'alice', 'now'",
    ],
)
async def test_arbitrary_sql_stays_read_only(ds, db_path, sql):
    token, cookies = await csrf(ds, signed_in(ds))
    response = await ds.client.get("/checks.json", params={"sql": sql}, cookies=cookies)
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert reviews(db_path) == []
    assert [r[0] for r in sqlite3.connect(db_path).execute("SELECT name FROM _reviewers")] == ["alice"]


@pytest.mark.asyncio
async def test_any_writable_canned_query_needs_a_signed_in_actor(db_path, ids):
    metadata = site.load_metadata()
    metadata["databases"]["checks"]["queries"]["careless"] = {
        "sql": "insert into reviews (match_id, verdict, reviewer, created_at) values (:m, 'confirmed', 'alice', 'x')",
        "write": True,  # no allow block: Datasette alone would let anyone post
    }
    ds = site.datasette_instance(db_path, secret=SECRET)
    ds._metadata_local = metadata
    assert (await ds.client.get("/checks/careless")).status_code == 403
    token, cookies = await csrf(ds)
    response = await ds.client.post("/checks/careless", data={"csrftoken": token, "m": "1"}, cookies=cookies)
    assert response.status_code == 403
    assert (await ds.client.get("/checks/careless", cookies=signed_in(ds))).status_code == 200
    assert reviews(db_path) == []


@pytest.mark.asyncio
async def test_triggers_refuse_update_and_delete_even_on_the_write_connection(ds, db_path):
    review.record_verdict(open_database(db_path), 1, "confirmed", "alice")
    database = ds.get_database("checks")
    for sql in ("update reviews set verdict = 'rejected'", "delete from reviews"):
        with pytest.raises(sqlite3.IntegrityError, match="reviews are append-only"):
            await database.execute_write(sql)
    assert reviews(db_path) == [(1, "confirmed", "alice", None)]


# --- sign-in, sign-out, the header ------------------------------------------------------


@pytest.mark.asyncio
async def test_sign_in_sets_the_actor_cookie(ds):
    page = await ds.client.get("/-/login")
    assert 'name="username"' in page.text and 'name="password"' in page.text
    token, cookies = await csrf(ds)
    response = await ds.client.post(
        "/-/login", data={"csrftoken": token, "username": "alice", "password": PASSWORD}, cookies=cookies
    )
    assert response.status_code == 302 and response.headers["location"] == "/-/review"
    actor = ds.unsign(response.cookies["ds_actor"], "actor")
    assert actor["a"] == {"id": "alice"} and actor["e"]
    assert "httponly" in response.headers["set-cookie"].lower()
    home = await ds.client.get("/", cookies=dict(cookies, ds_actor=response.cookies["ds_actor"]))
    assert '<strong class="checks-reviewer">alice</strong>' in home.text


@pytest.mark.asyncio
async def test_sign_in_returns_to_a_local_next_page_only(ds):
    for next_page, location in (("/-/figure/1", "/-/figure/1"), ("//evil.example/", "/-/review"),
                                ("https://evil.example/", "/-/review")):
        token, cookies = await csrf(ds)
        form = {"csrftoken": token, "username": "alice", "password": PASSWORD, "next": next_page}
        response = await ds.client.post("/-/login", data=form, cookies=cookies)
        assert response.headers["location"] == location


@pytest.mark.asyncio
@pytest.mark.parametrize("username, password", [("alice", "wrong"), ("nobody", PASSWORD), ("", "")])
async def test_wrong_credentials_are_refused(ds, username, password):
    token, cookies = await csrf(ds)
    response = await ds.client.post(
        "/-/login", data={"csrftoken": token, "username": username, "password": password}, cookies=cookies
    )
    assert response.status_code == 401
    assert "Wrong username or password." in response.text
    assert "ds_actor" not in response.cookies


@pytest.mark.asyncio
async def test_repeated_failed_sign_ins_are_throttled(ds):
    async def sign_in(username, password):
        token, cookies = await csrf(ds)
        return await ds.client.post(
            "/-/login", data={"csrftoken": token, "username": username, "password": password}, cookies=cookies
        )

    for _ in range(review.SignInThrottle().limit):
        assert (await sign_in("alice", "wrong")).status_code == 401
    # Even the right password is refused now, without being checked.
    refused = await sign_in("alice", PASSWORD)
    assert refused.status_code == 429 and "ds_actor" not in refused.cookies
    assert "Too many failed sign-ins for alice: try again in 15 minutes." in refused.text
    assert 0 < int(refused.headers["retry-after"]) <= 15 * 60
    # Other names are not held back by alice's failures.
    assert (await sign_in("bob", "wrong")).status_code == 401


def test_sign_in_throttle_forgets_old_failures_and_successes():
    clock = [1000.0]
    throttle = review.SignInThrottle(limit=3, window=60, clock=lambda: clock[0])
    key = ("alice", "127.0.0.1")
    for step in range(3):
        assert throttle.wait(key) == 0
        throttle.failed(key)
        clock[0] += 10  # failures at 1000, 1010, 1020
    assert throttle.wait(key) == 30  # until the failure at 1000 is 60 s old
    clock[0] = 1061
    assert throttle.wait(key) == 0  # two failures left in the window
    throttle.failed(key)
    assert throttle.wait(key) > 0
    throttle.succeeded(key)
    assert throttle.wait(key) == 0 and throttle.failures == {}


@pytest.mark.asyncio
async def test_sign_in_needs_a_csrf_token_even_without_cookies(ds):
    bare = await ds.client.post("/-/login", data={"username": "alice", "password": PASSWORD})
    assert bare.status_code == 403 and "ds_actor" not in bare.cookies
    _, cookies = await csrf(ds)
    no_token = await ds.client.post("/-/login", data={"username": "alice", "password": PASSWORD}, cookies=cookies)
    assert no_token.status_code == 403 and "ds_actor" not in no_token.cookies


@pytest.mark.asyncio
async def test_sign_out_clears_the_actor_cookie(ds):
    token, cookies = await csrf(ds, signed_in(ds))
    page = await ds.client.get("/-/review", cookies=cookies)
    assert 'action="/-/logout"' in page.text and "Sign out" in page.text
    response = await ds.client.post("/-/logout", data={"csrftoken": token}, cookies=cookies)
    assert response.status_code == 302
    assert 'ds_actor=""' in response.headers["set-cookie"] or "ds_actor=;" in response.headers["set-cookie"]


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/", "/checks/claims", "/-/review", "/-/figure/1", "/checks/review_queue"])
async def test_the_header_names_the_signed_in_reviewer(ds, path):
    signed = await ds.client.get(path, cookies=signed_in(ds))
    assert re.search(r'<header>.*Reviewer <strong class="checks-reviewer">alice</strong>', signed.text, re.S)
    anonymous = await ds.client.get(path)
    assert "checks-reviewer" not in anonymous.text and 'href="/-/login"' in anonymous.text


# --- the queue and a figure's page -------------------------------------------------------


@pytest.mark.asyncio
async def test_queue_page_shows_pairs_best_first_with_highlighted_quotes(ds):
    page = (await ds.client.get("/-/review")).text
    assert [int(m) for m in re.findall(r'id="match-(\d+)"', page)] == [1, 3, 2]
    assert "lists <mark>169</mark> political prisoners" in page
    assert "Viasna says <mark>more than 500</mark> people" in page
    for text in ("https://wire.example/2021/06/count", "Example Wire", "2021-06-15",
                 "Same count by Viasna, six months later.", ">updates<"):
        assert text in page
    assert 'value="confirmed"' not in page and "to record verdicts" in page  # anonymous: no buttons
    signed = (await ds.client.get("/-/review", cookies=signed_in(ds))).text
    form = signed[signed.index('id="match-1"'):signed.index('id="match-3"')]
    assert 'action="/checks/record_verdict" method="post"' in form
    assert 'name="csrftoken"' in form and 'name="match_id" value="1"' in form
    assert all(f'name="verdict" value="{v}"' in form for v in ("confirmed", "rejected", "unsure"))


@pytest.mark.asyncio
async def test_figure_page_has_timeline_and_svg_chart(ds, db_path, ids):
    db = open_database(db_path)
    review.record_verdict(db, 3, "confirmed", "alice")
    db.close()
    page = (await ds.client.get(f"/-/figure/{ids['claims'][0]}")).text
    assert "<h1>political prisoners over time</h1>" in page
    assert page.count("<svg") >= 2  # the header's menu icon and the chart
    chart = page[page.index('<svg class="checks-chart"'):]
    chart = chart[:chart.index("</svg>")]
    assert 'class="mark exact selected"' in chart
    assert 'class="mark at_least"' in chart and "marker-end" in chart
    assert 'class="mark range"' in chart
    order = [page.index(q) for q in ("<mark>169</mark>", "<mark>more than 500</mark>", "<mark>600 to 700</mark>")]
    assert order == sorted(order)
    assert 'checks-status confirmed">confirmed' in page and 'checks-status suggested">suggested' in page
    assert (await ds.client.get("/-/figure/999")).status_code == 404


@pytest.mark.asyncio
async def test_html_in_claims_is_escaped(ds, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE claims SET sentence = '<script>alert(1)</script> 169 held' WHERE id = 1")
    conn.commit()
    page = (await ds.client.get("/-/review")).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


# --- concurrency and packaging ------------------------------------------------------------


@pytest.mark.asyncio
async def test_connections_wait_for_writers(ds):
    database = ds.get_database("checks")
    assert await database.execute_fn(lambda conn: conn.execute("PRAGMA busy_timeout").fetchone()[0]) == 10_000


@pytest.mark.asyncio
async def test_no_verdict_is_lost_while_another_process_writes(ds, db_path, ids):
    stop = threading.Event()
    errors = []

    def writer():  # as `checks match` would: short transactions on its own connection
        db = open_database(db_path)
        claims = ids["claims"]
        n = 0
        try:
            while not stop.is_set():
                with db.atomic():
                    db.execute(
                        "INSERT OR IGNORE INTO matches (claim_id, later_claim_id, score, relation, created_at)"
                        " VALUES (?, ?, 10, 'corroborates', ?)", [claims[3], claims[n % 3], now()]
                    )
                    db.execute("UPDATE matches SET explanation = ? WHERE claim_id = ?", [str(n), claims[3]])
                n += 1
        except Exception as ex:  # surfaced by the assertion below
            errors.append(ex)
        finally:
            db.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        token, cookies = await csrf(ds, signed_in(ds))
        verdicts = ["confirmed", "rejected", "unsure"] * 10
        responses = await asyncio.gather(*[
            post_verdict(ds, cookies, token, match_id=str(1 + i % 3), verdict=v) for i, v in enumerate(verdicts)
        ])
    finally:
        stop.set()
        thread.join()
    assert errors == []
    assert [r.json()["ok"] for r in responses] == [True] * 30
    assert len(reviews(db_path)) == 30
