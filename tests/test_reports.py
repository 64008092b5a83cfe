"""Fetching over HTTP (checks.reports) and the add / refresh commands, against a
real server on 127.0.0.1."""

import base64
import re
import threading
import time

import httpx
import pytest
import yaml
from datasette.app import Datasette
from werkzeug import Response

from checks.cli import cli
from checks.errors import FetchError
from checks.reports import USER_AGENT, FetchOptions, Fetcher, add_sources, clean_url
from fetching_samples import ARTICLE, news_page, requests_to, server  # noqa: F401

RUSSIAN = [
    "Правозащитники насчитали 555 политических заключённых по состоянию на начало июля.",
    "Всего после выборов были задержаны более 30 000 человек, сообщают наблюдатели.",
    "Власти отказались комментировать эти цифры и обыски в офисах независимых изданий.",
]


def quick(**options):
    "A Fetcher that never really waits: retry and politeness waits are recorded."
    waits = []
    defaults = dict(timeout=5, backoff=0.01, host_delay=0, robots=False, retries=2)
    fetcher = Fetcher(options=FetchOptions(**(defaults | options)), sleep=waits.append)
    fetcher.waits = waits
    return fetcher


def html(server, path, page=None, **headers):
    server.expect_request(path).respond_with_data(
        page or news_page(), content_type="text/html; charset=utf-8", headers=headers
    )
    return server.url_for(path)


def error_of(fetcher, url, **kwargs):
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url, **kwargs)
    return str(info.value)


# --- the fetcher ------------------------------------------------------------------


def test_fetch_sends_user_agent_and_returns_body(server):
    url = html(server, "/story")
    with quick() as fetcher:
        response = fetcher.fetch(url)
    assert response.status == 200 and response.content_type == "text/html"
    assert ARTICLE[1] in response.text()
    request = requests_to(server, "/story")[0]
    assert request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("checks/") and "(+https://" in USER_AGENT


def test_redirects_keep_requested_and_final_url(server):
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/middle"})
    server.expect_request("/middle").respond_with_data("", status=302, headers={"Location": "/new"})
    html(server, "/new")
    with quick() as fetcher:
        response = fetcher.fetch(server.url_for("/old"))
    assert response.requested_url == server.url_for("/old")
    assert response.url == server.url_for("/new")


def test_redirect_limit(server):
    server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with quick(max_redirects=3) as fetcher:
        message = error_of(fetcher, server.url_for("/loop"))
    assert message == f"{server.url_for('/loop')}: more than 3 redirects"
    assert len(requests_to(server, "/loop")) == 4


def test_redirect_to_another_scheme_is_refused(server):
    server.expect_request("/jump").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    with quick() as fetcher:
        message = error_of(fetcher, server.url_for("/jump"))
    assert "refused: redirected to a non-http(s) URL (file:///etc/passwd)" in message


@pytest.mark.parametrize("status", [404, 410, 403])
def test_client_errors_fail_at_once(server, status):
    server.expect_request("/gone").respond_with_data("no", status=status)
    with quick() as fetcher:
        message = error_of(fetcher, server.url_for("/gone"))
    assert message == f"{server.url_for('/gone')}: HTTP {status}"
    assert len(requests_to(server, "/gone")) == 1


def test_server_error_is_retried_with_backoff_then_reported(server):
    server.expect_request("/broken").respond_with_data("oops", status=500)
    with quick(retries=3, backoff=0.01) as fetcher:
        message = error_of(fetcher, server.url_for("/broken"))
        waits = fetcher.waits
    assert message == f"{server.url_for('/broken')}: HTTP 500"
    assert len(requests_to(server, "/broken")) == 4
    assert len(waits) == 3 and waits[0] < waits[1] < waits[2]  # doubling
    assert 0.01 <= waits[0] <= 0.0125


def test_429_honours_retry_after(server):
    answers = iter([
        Response("slow down", status=429, headers={"Retry-After": "2"}),
        Response("busy", status=503, headers={"Retry-After": "1"}),
        Response(news_page(), status=200, content_type="text/html"),
    ])
    server.expect_request("/busy").respond_with_handler(lambda request: next(answers))
    with quick(retries=3) as fetcher:
        response = fetcher.fetch(server.url_for("/busy"))
        assert fetcher.waits == [2.0, 1.0]
    assert response.status == 200 and len(requests_to(server, "/busy")) == 3


def test_retry_after_too_long_gives_up(server):
    server.expect_request("/later").respond_with_data("", status=429, headers={"Retry-After": "3600"})
    with quick(max_retry_wait=60) as fetcher:
        message = error_of(fetcher, server.url_for("/later"))
        assert fetcher.waits == []
    assert message.endswith("HTTP 429 (asked to retry after 3600 s, more than 60 s)")


def test_connection_errors_are_retried():
    with quick(retries=2) as fetcher:
        message = error_of(fetcher, "http://127.0.0.1:9/nothing-listens-here")
        assert len(fetcher.waits) == 2
    assert message.startswith("http://127.0.0.1:9/nothing-listens-here: could not connect")


def test_slow_response_hits_the_timeout(server):
    def slow(request):
        time.sleep(1.5)
        return Response("late", content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    with quick(timeout=0.3, retries=0) as fetcher:
        started = time.monotonic()
        message = error_of(fetcher, server.url_for("/slow"))
    assert message == f"{server.url_for('/slow')}: timed out after 0.3 seconds (raise --timeout)"
    assert time.monotonic() - started < 1.4


def test_endless_body_is_refused_while_streaming(server):
    sent = []

    def endless(request):
        def chunks():
            for _ in range(100_000):  # 6.5 GB if anyone read it all
                sent.append(1)
                yield b"<p>" + b"x" * 65_536 + b"</p>"
        return Response(chunks(), content_type="text/html", direct_passthrough=True)

    server.expect_request("/endless").respond_with_handler(endless)
    with quick(max_bytes=200_000) as fetcher:
        message = error_of(fetcher, server.url_for("/endless"))
    assert message == f"{server.url_for('/endless')}: body larger than 200,000 bytes (raise --max-bytes)"
    assert len(sent) < 1000


def test_declared_length_over_the_limit_is_refused_before_reading(server):
    server.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")
    with quick(max_bytes=1000) as fetcher:
        assert error_of(fetcher, server.url_for("/big")).endswith("body larger than 1,000 bytes (raise --max-bytes)")


def test_pdf_is_refused(server):
    server.expect_request("/report.pdf").respond_with_data(b"%PDF-1.7 ...", content_type="application/pdf")
    with quick() as fetcher:
        message = error_of(fetcher, server.url_for("/report.pdf"))
    assert message == (
        f"{server.url_for('/report.pdf')}: refused: a PDF (application/pdf) is not HTML, XHTML "
        "or plain text; checks cannot read PDFs yet"
    )


def test_other_content_types_are_refused(server):
    server.expect_request("/photo").respond_with_data(b"\x89PNG", content_type="image/png")
    with quick() as fetcher:
        assert error_of(fetcher, server.url_for("/photo")).endswith(
            "refused: content type image/png is not HTML, XHTML or plain text"
        )


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)", "data:text/html,hi"])
def test_only_http_and_https(url):
    with quick() as fetcher:
        assert error_of(fetcher, url).endswith(": refused: only http and https URLs can be fetched")


def test_credentials_are_used_but_never_kept(server):
    html(server, "/members")
    url = server.url_for("/members").replace("http://", "http://reader:s3cret@")
    with quick() as fetcher:
        response = fetcher.fetch(url)
        missing = error_of(fetcher, url.replace("/members", "/absent"))
    assert "s3cret" not in response.url and "s3cret" not in response.requested_url
    assert "s3cret" not in missing and "reader" not in missing
    sent = requests_to(server, "/members")[0].headers["Authorization"]
    assert base64.b64decode(sent.split()[1]) == b"reader:s3cret"
    assert clean_url("https://a:b@Example.org/x?y=1#top") == "https://example.org/x?y=1"


def serve_robots(server, rules):
    server.clear_all_handlers()
    server.expect_request("/robots.txt").respond_with_data(rules, content_type="text/plain")
    for path in ("/private/page", "/drafts/page", "/public/page"):
        html(server, path)


REFUSED = "refused by robots.txt (use --ignore-robots only for sites you run)"


def test_robots_txt_disallow(server):
    serve_robots(server, "User-agent: *\nDisallow: /private/\n")
    with quick(robots=True) as fetcher:
        assert fetcher.fetch(server.url_for("/public/page")).status == 200
        assert error_of(fetcher, server.url_for("/private/page")).endswith(REFUSED)
        assert error_of(fetcher, server.url_for("/private/page")).endswith(REFUSED)
    assert not requests_to(server, "/private/page")
    assert len(requests_to(server, "/robots.txt")) == 1  # read once per host
    with quick(robots=False) as fetcher:
        assert fetcher.fetch(server.url_for("/private/page")).status == 200


def test_robots_txt_group_naming_checks_wins(server):
    serve_robots(server, "User-agent: *\nDisallow: /private/\n\nUser-agent: checks\nDisallow: /drafts/\n")
    with quick(robots=True) as fetcher:
        assert error_of(fetcher, server.url_for("/drafts/page")).endswith(REFUSED)
        # RFC 9309: a crawler follows only the most specific group that names it
        assert fetcher.fetch(server.url_for("/private/page")).status == 200


def test_robots_txt_server_error_means_stay_away(server):
    server.clear_all_handlers()
    server.expect_request("/robots.txt").respond_with_data("", status=503)
    html(server, "/page")
    with quick(robots=True, retries=0) as fetcher:
        assert error_of(fetcher, server.url_for("/page")).endswith("refused: robots.txt answered HTTP 503 (try again later)")


def test_per_host_rate_limit():
    waits = []
    fetcher = Fetcher(
        httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, text="ok"))),
        FetchOptions(host_delay=0.5, robots=False),
        sleep=waits.append,
        clock=lambda: 100.0,
    )
    for path in ("a", "b", "c"):
        fetcher.fetch(f"http://one.example/{path}")
    fetcher.fetch("http://two.example/a")
    assert waits == [0.5, 1.0]  # the other host did not wait


def test_pool_fetches_concurrently_with_a_bound(server):
    active, peak, lock = [0], [0], threading.Lock()

    def page(request):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.1)
        with lock:
            active[0] -= 1
        return Response(news_page(), content_type="text/html")

    for i in range(12):
        server.expect_request(f"/p{i}").respond_with_handler(page)
    urls = [server.url_for(f"/p{i}") for i in range(12)]
    with quick(concurrency=4) as fetcher:
        results = list(fetcher.map(fetcher.fetch, urls))
    assert sorted(url for url, _, _ in results) == sorted(urls)
    assert all(error is None for _, _, error in results)
    assert 2 <= peak[0] <= 4


# --- encodings and pages over HTTP -------------------------------------------------


def stored(db, url):
    return db.execute("SELECT * FROM documents WHERE url = ?", [url]).fetchone()


def test_windows_1251_page_from_header_charset(server, db):
    body = news_page(RUSSIAN, title="Число политзаключённых", charset=None, lang="ru").encode("windows-1251")
    server.expect_request("/ru").respond_with_data(body, content_type="text/html; charset=windows-1251")
    with quick() as fetcher:
        [outcome] = add_sources(db, [server.url_for("/ru")], fetcher)
    assert outcome.status == "new"
    row = db["documents"].get(outcome.document.id)
    assert RUSSIAN[0] in row["text"] and row["title"] == "Число политзаключённых"
    assert row["language"] == "ru"


def test_koi8_r_page_without_any_declaration(server, db):
    body = news_page(RUSSIAN * 2, title="Задержания", charset=None, lang=None).encode("koi8-r")
    server.expect_request("/koi").respond_with_data(body, content_type="text/html")
    with quick() as fetcher:
        [outcome] = add_sources(db, [server.url_for("/koi")], fetcher)
    assert RUSSIAN[1] in db["documents"].get(outcome.document.id)["text"]


def test_plain_text_is_stored_as_it_is(server, db):
    text = "Monitors counted 555 political prisoners.\r\nMore than 30,000 were detained.\r\n"
    server.expect_request("/note.txt").respond_with_data(text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    with quick() as fetcher:
        [outcome] = add_sources(db, [server.url_for("/note.txt")], fetcher)
    assert db["documents"].get(outcome.document.id)["text"] == text.replace("\r\n", "\n")


def test_malformed_html_over_http(server, db):
    body = "<html><title>Tally</title><body class=x><p>Viasna counts 555 political prisoners in all<p><div><b>More than 30,000 detained</span></td>\x00<p"
    server.expect_request("/bad").respond_with_data(body, content_type="text/html")
    with quick() as fetcher:
        [outcome] = add_sources(db, [server.url_for("/bad")], fetcher)
    row = db["documents"].get(outcome.document.id)
    assert "555 political prisoners" in row["text"] and row["title"] == "Tally"


def test_add_keeps_metadata_redirects_and_claims(server, db):
    server.expect_request("/short").respond_with_data("", status=301, headers={"Location": "/news/raids"})
    html(server, "/news/raids", news_page(), ETag='"v1"', **{"Last-Modified": "Wed, 14 Jul 2021 10:00:00 GMT"})
    with quick() as fetcher:
        [outcome] = add_sources(db, [server.url_for("/short")], fetcher)
    row = db["documents"].get(outcome.document.id)
    assert row["url"] == server.url_for("/news/raids")
    assert row["requested_url"] == server.url_for("/short")
    assert row["canonical_url"] == "https://ledger.example/news/2021/07/raids"
    assert (row["title"], row["publisher"], row["published"]) == (
        "Rights groups raided in nationwide sweep", "The Eastern Ledger", "2021-07-14"
    )
    assert row["etag"] == '"v1"' and row["last_modified"] == "Wed, 14 Jul 2021 10:00:00 GMT"
    assert "Support us" not in row["text"] and ARTICLE[2] in row["text"]
    assert db.execute("SELECT count(*) FROM claims WHERE document_id = ?", [row["id"]]).fetchone()[0] > 0


# --- the commands ---------------------------------------------------------------------


def run(runner, *args, db_path):
    return runner.invoke(cli, [*args, "--db", str(db_path), "--silent", "--delay", "0"])


def test_cli_one_failure_does_not_stop_the_others(server, runner, db_path):
    html(server, "/ok")
    server.expect_request("/missing").respond_with_data("", status=404)
    result = run(runner, "add", server.url_for("/missing"), "file:///etc/passwd", server.url_for("/ok"), db_path=db_path)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"Error: {server.url_for('/missing')}: HTTP 404" in lines
    assert "Error: file:///etc/passwd: refused: only http and https URLs can be fetched" in lines
    assert lines[-1] == "1 new, 2 failed"
    from checks.database import open_database

    assert open_database(db_path).execute("SELECT url FROM documents").fetchall() == [(server.url_for("/ok"),)]


def test_cli_size_limit_message(server, runner, db_path):
    server.expect_request("/huge").respond_with_data("x" * 3000, content_type="text/html")
    result = run(runner, "add", server.url_for("/huge"), "--max-bytes", "2000", db_path=db_path)
    assert result.exit_code == 1
    assert f"Error: {server.url_for('/huge')}: body larger than 2,000 bytes (raise --max-bytes)" in result.output


def test_cli_conditional_get_answered_304(server, runner, db_path):
    def page(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(news_page(), content_type="text/html", headers={"ETag": '"v1"'})

    server.expect_request("/story").respond_with_handler(page)
    url = server.url_for("/story")
    first = runner.invoke(cli, ["add", url, "--db", str(db_path), "--silent", "--delay", "0"], catch_exceptions=False)
    assert first.exit_code == 0 and first.output.splitlines()[-1] == "1 new, 0 failed"
    from checks.database import open_database

    db = open_database(db_path)
    with db.atomic():  # an older fetch, so the 304's time is later even within a second
        db.execute("UPDATE documents SET fetched_at = '2020-01-01T00:00:00+00:00'")
    before = db.execute("SELECT * FROM documents").fetchall()
    claims_before = db.execute("SELECT * FROM claims").fetchall()
    server.clear_log()
    second = runner.invoke(cli, ["add", url, "--db", str(db_path), "--silent", "--delay", "0"], catch_exceptions=False)
    assert second.exit_code == 0, second.output
    assert second.output.splitlines()[-1] == "0 new, 1 not modified, 0 failed"
    seen = requests_to(server, "/story")
    assert len(seen) == 1 and seen[0].headers["If-None-Match"] == '"v1"'
    after = db.execute("SELECT * FROM documents").fetchall()
    fetched_at = [d[0] for d in db.execute("SELECT * FROM documents").description].index("fetched_at")
    # Only fetched_at moves: the 304 confirms the stored text as of this fetch.
    assert [row[:fetched_at] + row[fetched_at + 1:] for row in after] == [
        row[:fetched_at] + row[fetched_at + 1:] for row in before]
    assert after[0][fetched_at] > before[0][fetched_at]
    assert db.execute("SELECT * FROM claims").fetchall() == claims_before
    assert db.execute("SELECT count(*) FROM document_revisions").fetchone()[0] == 0


@pytest.mark.asyncio
async def test_page_edited_between_fetches(server, runner, db_path):
    versions = [ARTICLE, [p.replace("more than 30,000", "more than 35,000") for p in ARTICLE]]
    assert versions[0] != versions[1]
    current = [0]
    server.expect_request("/edited").respond_with_handler(
        lambda request: Response(news_page(versions[current[0]]), content_type="text/html")
    )
    url = server.url_for("/edited")
    assert run(runner, "add", url, db_path=db_path).exit_code == 0
    current[0] = 1
    result = runner.invoke(cli, ["refresh", "--db", str(db_path), "--silent", "--delay", "0"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.splitlines()[-1].startswith("0 new, 1 changed, 0 failed; ")
    from checks.database import open_database

    db = open_database(db_path)
    [revision] = db.query("SELECT * FROM document_revisions")
    assert "more than 30,000" in revision["text"] and "more than 35,000" not in revision["text"]
    changes = list(db.query("SELECT * FROM figure_changes"))
    assert any("30,000" in (c["old_quote"] or "") and "35,000" in (c["new_quote"] or "") for c in changes)
    # a refresh of the same text adds nothing
    again = run(runner, "refresh", db_path=db_path)
    assert again.output.splitlines()[-1] == "0 new, 1 unchanged, 0 failed"
    assert db.execute("SELECT count(*) FROM document_revisions").fetchone()[0] == 1

    metadata = yaml.safe_load(open("metadata.yml", encoding="utf-8"))
    ds = Datasette([str(db_path)], metadata=metadata)
    response = await ds.client.get("/checks/figures_changed_after_publication.json?_shape=array")
    assert response.status_code == 200
    rows = response.json()
    assert any("35,000" in (r["new_quote"] or "") and r["url"] == url for r in rows)


def test_refresh_unknown_url(runner, db_path):
    result = run(runner, "refresh", "https://nowhere.example/x", db_path=db_path)
    assert result.exit_code == 1
    assert result.output.strip() == "Error: refresh: not a stored document: https://nowhere.example/x"


# --- local files ------------------------------------------------------------------------


def test_add_local_text_file_needs_url(tmp_path, runner, db_path):
    path = tmp_path / "note.txt"
    path.write_text("Viasna counted 555 political prisoners.\n", encoding="utf-8")
    result = run(runner, "add", str(path), db_path=db_path)
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[0] == f"Error: {path}: a local file needs --url, the address where it was published"
    ok = runner.invoke(cli, [
        "add", str(path), "--url", "https://monitor.example/note", "--published", "2021-07-01",
        "--publisher", "Rights Monitor", "--db", str(db_path), "--silent",
    ], catch_exceptions=False)
    assert ok.exit_code == 0, ok.output
    from checks.database import open_database

    row = open_database(db_path).execute(
        "SELECT url, text, published, publisher FROM documents"
    ).fetchone()
    assert row == ("https://monitor.example/note", "Viasna counted 555 political prisoners.\n", "2021-07-01", "Rights Monitor")


def test_add_local_html_uses_canonical_url(tmp_path, runner, db_path):
    path = tmp_path / "saved.html"
    path.write_text(news_page(), encoding="utf-8")
    result = runner.invoke(cli, ["add", str(path), "--db", str(db_path), "--silent"], catch_exceptions=False)
    assert result.exit_code == 0
    from checks.database import open_database

    [row] = open_database(db_path).query("SELECT url, title, text FROM documents")
    assert row["url"] == "https://ledger.example/news/2021/07/raids"
    assert ARTICLE[0] in row["text"] and "Support us" not in row["text"]


def test_add_local_undecodable_text(tmp_path, runner, db_path):
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Задержаны 30 000 человек".encode("windows-1251"))
    result = run(runner, "add", str(path), "--url", "https://x.example/a", db_path=db_path)
    assert result.exit_code == 1
    assert f"Error: {path}: not UTF-8 text (byte 0xc7 at offset 0): save it as UTF-8" in result.output


def test_url_option_needs_exactly_one_file(tmp_path, runner, db_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("555 prisoners", encoding="utf-8")
    result = run(runner, "add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--url", "https://x.example/", db_path=db_path)
    assert result.exit_code == 2 and "--url names the address of a single local file" in result.output


def test_bad_published_date(tmp_path, runner, db_path):
    path = tmp_path / "a.txt"
    path.write_text("555 prisoners", encoding="utf-8")
    result = run(runner, "add", str(path), "--url", "https://x.example/", "--published", "last week", db_path=db_path)
    assert result.exit_code == 1
    assert result.output.strip() == "Error: --published: not a date: 'last week' (use YYYY-MM-DD)"


def test_add_with_match_matches_the_new_claims(tmp_path, runner, db_path):
    first = tmp_path / "first.txt"
    first.write_text("Viasna said on 1 July 2021 that 555 people were held as political prisoners.\n", encoding="utf-8")
    later = tmp_path / "later.txt"
    later.write_text("Viasna said on 1 June 2022 that 1,200 people were held as political prisoners.\n", encoding="utf-8")
    base = ["--db", str(db_path), "--silent"]
    runner.invoke(cli, ["add", str(first), "--url", "https://a.example/1", "--published", "2021-07-01", *base], catch_exceptions=False)
    result = runner.invoke(cli, [
        "add", str(later), "--url", "https://b.example/2", "--published", "2022-06-01", "--match", *base,
    ], catch_exceptions=False)
    assert result.exit_code == 0
    assert re.fullmatch(r"\d+ new matches", result.output.splitlines()[-1])
    from checks.database import open_database

    db = open_database(db_path)
    later_claims = {r[0] for r in db.execute(
        "SELECT c.id FROM claims c JOIN documents d ON d.id = c.document_id WHERE d.url = 'https://b.example/2'")}
    matched = {r[0] for r in db.execute("SELECT claim_id FROM _matched_claims")}
    assert later_claims and later_claims <= matched
