"""RSS and Atom feeds (checks.feeds) and the watch / feeds commands."""

from werkzeug import Response

from checks.cli import cli
from checks.database import open_database
from checks.feeds import parse_feed, watch
from checks.errors import FetchError
from checks.reports import FetchOptions, Fetcher
from fetching_samples import ARTICLE, atom_feed, news_page, requests_to, rss_feed, server  # noqa: F401

import pytest


def quick():
    return Fetcher(options=FetchOptions(timeout=5, host_delay=0, robots=False, retries=0), sleep=lambda s: None)


def test_rss_relative_links_resolved_against_xml_base():
    body = rss_feed(["/news/1", "news/2", "https://other.example/3", "mailto:editor@example.org"], base="https://ledger.example/belarus/").encode()
    feed = parse_feed(body, "https://feeds.ledger.example/rss")
    assert feed.title == "Eastern Ledger: Belarus"
    assert [i.url for i in feed.items] == [
        "https://ledger.example/news/1",
        "https://ledger.example/belarus/news/2",
        "https://other.example/3",
    ]
    assert feed.items[0].published == "2021-07-14" and feed.items[0].title == "Report 0"


def test_rss_relative_links_resolved_against_the_feed_url():
    body = rss_feed(["item?id=1"], base="").replace(' xml:base=""', "").encode()
    [item] = parse_feed(body, "https://ledger.example/feeds/rss.xml").items
    assert item.url == "https://ledger.example/feeds/item?id=1"


def test_atom_links_and_dates():
    body = atom_feed(["/updates/a", "b"], base="https://monitor.example/en/").encode()
    feed = parse_feed(body, "https://monitor.example/atom.xml")
    assert feed.title == "Rights Monitor updates"
    assert [i.url for i in feed.items] == ["https://monitor.example/updates/a", "https://monitor.example/en/b"]
    assert [i.published for i in feed.items] == ["2021-08-01", "2021-08-02"]


def test_not_a_feed():
    with pytest.raises(FetchError) as info:
        parse_feed(news_page().encode(), "https://ledger.example/")
    assert str(info.value) == "https://ledger.example/: not an RSS or Atom feed"


def test_entities_are_not_expanded():
    body = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <rss version="2.0"><channel><title>&x;</title><item><link>http://a.example/1</link></item></channel></rss>"""
    feed = parse_feed(body, "http://a.example/feed")
    assert "root:" not in (feed.title or "") and feed.items[0].url == "http://a.example/1"


def serve_feed(server, links, kind="rss"):
    "A feed with ETag support, and an article page for each link."
    body = (rss_feed if kind == "rss" else atom_feed)(links, base="/")

    def feed(request):
        if request.headers.get("If-None-Match") == '"feed-1"':
            return Response(status=304, headers={"ETag": '"feed-1"'})
        return Response(body, content_type=f"application/{kind}+xml", headers={"ETag": '"feed-1"'})

    server.expect_request("/feed").respond_with_handler(feed)
    for i, link in enumerate(links):
        paragraphs = [p.replace("555", str(555 + i)) for p in ARTICLE]
        server.expect_request(link).respond_with_data(
            news_page(paragraphs, published=None, canonical=None), content_type="text/html"
        )
    return server.url_for("/feed")


def test_watch_stores_new_items_then_costs_one_304(server, db):
    feed_url = serve_feed(server, ["/news/1", "/news/2"])
    with quick() as fetcher:
        feeds, items = watch(db, [feed_url], fetcher)
    assert [(f.status, f.items, f.new_items) for f in feeds] == [("fetched", 2, 2)]
    assert sorted(o.status for o in items) == ["new", "new"]
    rows = list(db.query("SELECT url, feed_id, published FROM documents ORDER BY url"))
    assert [r["url"] for r in rows] == [server.url_for("/news/1"), server.url_for("/news/2")]
    assert {r["feed_id"] for r in rows} == {feeds[0].feed_id}
    assert rows[0]["published"] == "2021-07-14"  # the page has none: the feed's date

    server.clear_log()
    with quick() as fetcher:
        feeds, items = watch(db, [feed_url], fetcher)
    assert [f.status for f in feeds] == ["not modified"] and items == []
    assert len(server.log) == 1
    assert requests_to(server, "/feed")[0].headers["If-None-Match"] == '"feed-1"'
    feed_row = db["feeds"].get(feeds[0].feed_id)
    assert feed_row["last_status"] == 304 and feed_row["etag"] == '"feed-1"'


def test_watch_fetches_only_items_not_stored(server, db):
    serve_feed(server, ["/news/1"])
    with quick() as fetcher:
        watch(db, [server.url_for("/feed")], fetcher)
    server.clear_all_handlers()
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    feed_url = serve_feed(server, ["/news/1", "/news/2"], kind="atom")
    server.clear_log()
    db.execute("UPDATE feeds SET etag = NULL")
    with quick() as fetcher:
        feeds, items = watch(db, [feed_url], fetcher)
    assert feeds[0].new_items == 1 and [o.source for o in items] == [server.url_for("/news/2")]
    assert not requests_to(server, "/news/1")


def test_cli_watch_and_feeds(server, runner, db_path):
    feed_url = serve_feed(server, ["/news/1"])
    server.expect_request("/dead-feed").respond_with_data("gone", status=404)
    dead = server.url_for("/dead-feed")
    args = ["--db", str(db_path), "--silent", "--delay", "0"]
    result = runner.invoke(cli, ["watch", feed_url, dead, *args])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{feed_url}: 1 items, 1 new" in lines
    assert f"Error: {dead}: HTTP 404" in lines
    assert lines[-1] == "1 new, 0 failed"

    again = runner.invoke(cli, ["watch", feed_url, *args], catch_exceptions=False)
    assert again.exit_code == 0
    assert again.output.splitlines() == [f"{feed_url}: not modified", "0 new, 0 failed"]

    listing = runner.invoke(cli, ["feeds", "--db", str(db_path)], catch_exceptions=False)
    assert listing.exit_code == 0
    out = listing.output.splitlines()
    assert any(feed_url in line and " 304 " in line and "1 docs" in line for line in out)
    assert any(dead in line and " 404 " in line for line in out)
    assert "      error: HTTP 404" in out
    assert open_database(db_path)["feeds"].count == 2


def test_cli_watch_refuses_file_urls(runner, db_path):
    result = runner.invoke(cli, ["watch", "file:///tmp/feed.xml", "--db", str(db_path), "--silent"])
    assert result.exit_code == 1
    assert "Error: file:///tmp/feed.xml: refused: only http and https URLs can be fetched" in result.output
    assert open_database(db_path)["feeds"].count == 0


def test_cli_feeds_when_none(runner, db_path):
    result = runner.invoke(cli, ["feeds", "--db", str(db_path)], catch_exceptions=False)
    assert result.output.strip() == "No feeds yet: follow one with checks watch FEED_URL"


def test_cli_watch_max_items_takes_the_newest_then_the_rest_on_later_runs(server, runner, db_path):
    links = ["/news/1", "/news/2", "/news/3", "/news/4"]  # published 1-4 August
    feed_url = serve_feed(server, links, kind="atom")
    args = ["--db", str(db_path), "--silent", "--delay", "0", "--max-items", "2"]

    first = runner.invoke(cli, ["watch", feed_url, *args], catch_exceptions=False)
    assert first.output.splitlines() == [f"{feed_url}: 4 items, 4 new (2 more next run)", "2 new, 0 failed"]
    db = open_database(db_path)
    stored = lambda: [r[0] for r in db.execute("SELECT url FROM documents ORDER BY published DESC")]  # noqa: E731
    assert stored() == [server.url_for("/news/4"), server.url_for("/news/3")]
    assert db.execute("SELECT etag FROM feeds").fetchone()[0] is None  # read in full next time

    server.clear_log()
    second = runner.invoke(cli, ["watch", feed_url, *args], catch_exceptions=False)
    assert second.output.splitlines() == [f"{feed_url}: 4 items, 2 new", "2 new, 0 failed"]
    assert "If-None-Match" not in requests_to(server, "/feed")[0].headers
    assert stored() == [server.url_for(link) for link in reversed(links)]
    assert db.execute("SELECT etag FROM feeds").fetchone()[0] == '"feed-1"'

    third = runner.invoke(cli, ["watch", feed_url, *args], catch_exceptions=False)
    assert third.output.splitlines() == [f"{feed_url}: not modified", "0 new, 0 failed"]


def test_cli_watch_max_items_must_be_positive(runner, db_path):
    result = runner.invoke(cli, ["watch", "https://feeds.example/rss", "--max-items", "0", "--db", str(db_path)])
    assert result.exit_code == 2 and "--max-items" in result.output
