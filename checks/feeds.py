"""RSS and Atom feeds: parsing, the ``feeds`` table, and watching for new items.

Feeds are parsed with lxml rather than feedparser: checks needs only each
item's link, title and date, lxml is already here (trafilatura uses it), its
``recover`` mode reads ill-formed feeds, and ``Element.base`` resolves
``xml:base`` so relative links come out absolute. Entities are not resolved
and nothing is loaded over the network while parsing.

Watching is conditional: the feed's ETag and Last-Modified are sent back, so
an unchanged feed costs one request answered 304.
"""

import dataclasses
import email.utils
import urllib.parse

from lxml import etree

from .database import now
from .errors import ChecksError, FetchError
from .pages import iso_date
from .reports import add_sources, check_url, clean_url, is_url, known_document

FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/xml", "text/xml", "application/x-rss+xml", "text/html", "text/plain",
)


@dataclasses.dataclass
class FeedItem:
    url: str
    title: str | None = None
    published: str | None = None   # YYYY-MM-DD


@dataclasses.dataclass
class Feed:
    title: str | None
    items: list


def _local(el):
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el, *names):
    for child in el:
        if _local(child) in names:
            return child
    return None


def _text(el):
    return " ".join((el.text or "").split()) if el is not None else None


def _date(value):
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return iso_date(value)


def _absolute(el, href, feed_url):
    if not href:
        return None
    base = el.base or feed_url
    url = urllib.parse.urljoin(urllib.parse.urljoin(feed_url, base), href.strip())
    return url if urllib.parse.urlsplit(url).scheme in ("http", "https") else None


def parse_feed(body, url):
    """A Feed from RSS 2.0, RSS 1.0 or Atom bytes fetched from ``url``; item
    links are made absolute (xml:base, else the feed's URL). Raises
    FetchError when the body is not a feed."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser, base_url=url)
    except etree.XMLSyntaxError:
        root = None
    kind = _local(root) if root is not None else ""
    if kind not in ("rss", "feed", "RDF"):
        raise FetchError(clean_url(url), "not an RSS or Atom feed")
    items = []
    if kind == "feed":
        title = _text(_child(root, "title"))
        for entry in root.iter("{*}entry"):
            links = [l for l in entry if _local(l) == "link" and l.get("rel", "alternate") == "alternate"]
            link = _absolute(links[0], links[0].get("href"), url) if links else None
            when = _text(_child(entry, "published")) or _text(_child(entry, "updated"))
            items.append(FeedItem(link, _text(_child(entry, "title")), _date(when)))
    else:
        channel = _child(root, "channel")
        title = _text(_child(channel, "title")) if channel is not None else None
        for item in root.iter("{*}item"):
            link_el = _child(item, "link")
            href = _text(link_el)
            guid = _child(item, "guid")
            if not href and guid is not None and guid.get("isPermaLink", "true") != "false":
                link_el, href = guid, _text(guid)
            link = _absolute(link_el, href, url) if href else None
            when = _text(_child(item, "pubDate")) or _text(_child(item, "date"))
            items.append(FeedItem(link, _text(_child(item, "title")), _date(when)))
    return Feed(title, [i for i in items if i.url])


# --- the feeds table and watching ------------------------------------------------


@dataclasses.dataclass
class FeedOutcome:
    "What happened to one feed: status is 'fetched', 'not modified' or 'failed'."

    url: str
    status: str
    feed_id: int | None = None
    items: int = 0                  # items in the feed
    new_items: int = 0              # items not stored before, to fetch now
    held_back: int = 0              # new items left for a later run (--max-items)
    error: ChecksError | None = None


def save_feed(db, url, **fields):
    "Insert or update the feeds row for ``url``; returns its id."
    row = db.execute("SELECT id FROM feeds WHERE url = ?", [url]).fetchone()
    if row is None:
        return db["feeds"].insert(dict(fields, url=url, created_at=now())).last_pk
    db["feeds"].update(row[0], fields)
    return row[0]


@dataclasses.dataclass
class NewItems:
    "Feed items not stored yet: their URLs, feed ids and the feed's metadata for them."

    urls: list = dataclasses.field(default_factory=list)
    feed_ids: dict = dataclasses.field(default_factory=dict)
    defaults: dict = dataclasses.field(default_factory=dict)


def _newest_first(items):
    "Items with the latest published date first; undated ones after, in feed order."
    dated = sorted((i for i in items if i.published), key=lambda i: i.published, reverse=True)
    return dated + [i for i in items if not i.published]


def check_feeds(db, feed_urls, fetcher, *, max_items=None):
    """Fetch each feed (conditionally), record the fetch in ``feeds``, and
    list the items not stored yet, at most ``max_items`` per feed (newest
    first). When items are held back, the feed's validators are not kept, so
    the next run reads the whole feed again and picks them up. Returns
    (FeedOutcomes, NewItems)."""
    outcomes, pending = [], {}
    for feed_url in dict.fromkeys(feed_urls):
        try:
            check_url(feed_url)
        except FetchError as ex:
            outcomes.append(FeedOutcome(clean_url(feed_url), "failed", error=ex))
            continue
        pending[feed_url] = db.execute(
            "SELECT etag, last_modified FROM feeds WHERE url = ?", [clean_url(feed_url)]
        ).fetchone()

    def fetch(feed_url):
        row = pending[feed_url]
        response = fetcher.fetch(
            feed_url, etag=row and row[0], last_modified=row and row[1], accept=FEED_TYPES
        )
        return response, None if response.not_modified else parse_feed(response.body, response.url)

    new = NewItems()
    for feed_url, result, error in fetcher.map(fetch, pending):
        url = clean_url(feed_url)
        fields = {"last_fetched_at": now(), "last_status": getattr(error, "status", None), "last_error": None}
        feed = None
        if error is not None:
            fields["last_error"] = error.message
            outcome = FeedOutcome(url, "failed", error=error)
        else:
            response, feed = result
            fields["last_status"] = response.status
            if feed is None:
                outcome = FeedOutcome(url, "not modified")
            else:
                fields.update(title=feed.title, etag=response.etag, last_modified=response.last_modified)
                outcome = FeedOutcome(url, "fetched", items=len(feed.items))
        fresh = {}
        for item in feed.items if feed else []:
            if item.url in new.feed_ids or item.url in fresh or not is_url(item.url):
                continue
            if not known_document(db, item.url):
                fresh[item.url] = item
        fresh = list(fresh.values())
        if max_items is not None and len(fresh) > max_items:
            outcome.held_back = len(fresh) - max_items
            fresh = _newest_first(fresh)[:max_items]
            fields.update(etag=None, last_modified=None)
        with db.atomic():
            outcome.feed_id = save_feed(db, url, **fields)
        for item in fresh:
            new.urls.append(item.url)
            new.feed_ids[item.url] = outcome.feed_id
            new.defaults[item.url] = {"published": item.published, "title": item.title}
            outcome.new_items += 1
        outcomes.append(outcome)
    return outcomes, new


def watch(db, feed_urls, fetcher, *, max_items=None, progress=None):
    """Check the feeds, then fetch and store the new items, at most
    ``max_items`` per feed (``progress(n)`` per item). Returns (FeedOutcomes,
    item Outcomes from reports.add_sources)."""
    outcomes, new = check_feeds(db, feed_urls, fetcher, max_items=max_items)
    items = add_sources(
        db, new.urls, fetcher, feed_ids=new.feed_ids, defaults=new.defaults, progress=progress
    )
    return outcomes, items


def list_feeds(db):
    "Watched feeds with their last fetch, status, error and number of documents."
    return list(
        db.query(
            """SELECT f.id, f.url, f.title, f.last_fetched_at, f.last_status, f.last_error,
                      (SELECT count(*) FROM documents d WHERE d.feed_id = f.id) AS documents
               FROM feeds f ORDER BY f.id"""
        )
    )
