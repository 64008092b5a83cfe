"""Fetching later reports over HTTP, politely and safely, and storing them.

A ``Fetcher`` wraps one ``httpx.Client`` (injected, or made by
``make_client``) shared by a bounded pool of threads. Every request names
checks in its User-Agent, waits its turn per host, respects robots.txt
(unless told not to), follows a limited number of redirects itself (each hop
is checked again: scheme, robots.txt), retries connection failures, 429 and
5xx with backoff (honouring Retry-After), and refuses bodies over a size
limit while streaming and content types that are not HTML, XHTML or plain
text. Stored URLs never carry credentials.

``add_sources`` turns URLs and local files into documents: fetching runs in
the pool, storing (``database.store_document``) stays on the calling thread,
so SQLite has one writer.
"""

import concurrent.futures
import dataclasses
import email.utils
import itertools
import pathlib
import random
import re
import threading
import time
import urllib.parse
import urllib.robotparser

import httpx

from . import __version__
from .database import now, store_document
from .errors import ChecksError, FetchError, InputError
from .pages import decode_html, iso_date, parse_html

PROJECT_URL = "https://github.com/checks-project/checks"
USER_AGENT = f"checks/{__version__} (+{PROJECT_URL})"
ROBOTS_AGENT = "checks"

HTML_TYPES = ("text/html", "application/xhtml+xml")
PAGE_TYPES = HTML_TYPES + ("text/plain",)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_RETRY_ERRORS = (
    httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ReadError,
    httpx.WriteError, httpx.RemoteProtocolError,
)
_ROBOTS_MAX_BYTES = 512_000


@dataclasses.dataclass
class FetchOptions:
    "How politely and how far a Fetcher goes. Defaults suit fetching news pages."

    timeout: float = 20.0          # seconds to connect, and between bytes read
    max_bytes: int = 5_000_000     # larger bodies are refused while streaming
    max_redirects: int = 10
    retries: int = 3               # extra attempts after a connection error, 429 or 5xx
    backoff: float = 1.0           # first wait between attempts; doubles each time
    max_retry_wait: float = 120.0  # a longer Retry-After gives up instead of waiting
    host_delay: float = 1.0        # minimum seconds between two requests to one host
    robots: bool = True            # respect robots.txt
    concurrency: int = 4           # pages fetched at once


class HTTPStatusError(FetchError):
    "The server answered with an error status."

    def __init__(self, url, status, note=""):
        self.status = status
        super().__init__(url, f"HTTP {status}{note}")


# --- URLs -----------------------------------------------------------------------


def is_url(source):
    "Whether a command-line source names a URL (any scheme) rather than a path."
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:(//|[^\\/])", source)) and not pathlib.Path(source).exists()


def clean_url(url):
    "The URL without user name, password or fragment: the form that is stored."
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit((parts.scheme.lower(), netloc.lower(), parts.path, parts.query, ""))


def check_url(url):
    "Refuse anything but an absolute http(s) URL with a host."
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(clean_url(url), "refused: only http and https URLs can be fetched")
    if not parts.hostname:
        raise FetchError(clean_url(url), "not a valid URL: it has no host name")
    return url.strip()


def _origin(url):
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.rpartition('@')[2].lower()}"


# --- the fetcher ----------------------------------------------------------------


@dataclasses.dataclass
class Response:
    "A fetched body (or a 304), with the URL asked for and the one answered."

    requested_url: str
    url: str
    status: int
    content_type: str | None = None   # the media type, lower case, no parameters
    charset_header: str | None = None  # the full Content-Type header
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self):
        return self.status == 304

    def text(self):
        "The body decoded (header charset, <meta>, BOM, then detection)."
        return decode_html(self.body, self.charset_header, sniff_meta=self.content_type != "text/plain")[0]


def make_client(options=None):
    "An httpx.Client configured for a Fetcher: timeouts, pool size, User-Agent."
    options = options or FetchOptions()
    return httpx.Client(
        timeout=httpx.Timeout(options.timeout),
        limits=httpx.Limits(
            max_connections=max(options.concurrency * 2, 10),
            max_keepalive_connections=max(options.concurrency, 5),
        ),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=False,
    )


class Fetcher:
    """Fetches URLs through one shared client; safe to use from many threads.

    ``sleep`` and ``clock`` are injectable so tests can observe waits without
    waiting.
    """

    def __init__(self, client=None, options=None, *, sleep=time.sleep, clock=time.monotonic):
        self.options = options or FetchOptions()
        self._own_client = client is None
        self.client = client or make_client(self.options)
        self.sleep = sleep
        self.clock = clock
        self._lock = threading.Lock()
        self._next_slot = {}       # origin -> clock time of its next free slot
        self._robots = {}          # origin -> (RobotFileParser | None, refusal | None)
        self._robots_locks = {}

    def close(self):
        if self._own_client:
            self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- public ------------------------------------------------------------------

    def fetch(self, url, *, etag=None, last_modified=None, accept=PAGE_TYPES):
        """GET a URL; returns a Response (status 200-ish, or 304 when the
        conditional headers matched). Raises FetchError, with the URL as
        requested (credentials removed), for everything else."""
        url = check_url(url)
        requested = clean_url(url)
        headers = {"User-Agent": USER_AGENT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(self.options.max_redirects + 1):
            try:
                check_url(current)
            except FetchError:
                raise FetchError(requested, f"refused: redirected to a non-http(s) URL ({clean_url(current)})")
            if self.options.robots:
                self._check_robots(requested, current)
            response = self._send(requested, current, headers)
            try:
                if response.has_redirect_location:
                    current = urllib.parse.urljoin(current, response.headers["location"])
                    continue
                return self._read(requested, current, response, accept)
            finally:
                response.close()
        raise FetchError(requested, f"more than {self.options.max_redirects} redirects")

    def map(self, fn, items):
        """Run ``fn(item)`` for each item in a pool of ``concurrency`` threads;
        yields (item, result, error) as each finishes. Errors are ChecksErrors
        (anything unexpected is wrapped), so one bad item never stops the rest."""
        items = iter(items)
        workers = max(1, self.options.concurrency)
        with concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="checks-fetch") as pool:
            # A sliding window: at most 2 x workers items in flight or waiting to
            # be consumed, so memory stays flat however many URLs there are.
            futures = {}
            for item in itertools.islice(items, workers * 2):
                futures[pool.submit(_guarded, fn, item)] = item
            while futures:
                done, _ = concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED)
                for future in done:
                    item = futures.pop(future)
                    for following in itertools.islice(items, 1):
                        futures[pool.submit(_guarded, fn, following)] = following
                    result, error = future.result()
                    yield item, result, error

    # -- one request, with retries ---------------------------------------------------

    def _send(self, requested, url, headers):
        for attempt in range(self.options.retries + 1):
            last = attempt == self.options.retries
            self._wait_turn(url)
            request = self.client.build_request("GET", url, headers=headers)
            try:
                response = self.client.send(request, stream=True)
            except _RETRY_ERRORS as ex:
                if last:
                    raise FetchError(requested, _describe(ex, self.options)) from ex
                wait = self._backoff(attempt)
            except httpx.HTTPError as ex:
                raise FetchError(requested, _describe(ex, self.options)) from ex
            else:
                if response.status_code not in RETRY_STATUSES or last:
                    return response
                wait = _retry_after(response.headers.get("retry-after"))
                response.close()
                if wait is None:
                    wait = self._backoff(attempt)
                elif wait > self.options.max_retry_wait:
                    raise HTTPStatusError(
                        requested, response.status_code,
                        f" (asked to retry after {wait:.0f} s, more than {self.options.max_retry_wait:.0f} s)",
                    )
            self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt):
        return self.options.backoff * (2 ** attempt) * (1 + random.random() / 4)

    def _wait_turn(self, url):
        "Per-host rate limit: at most one request per host_delay (or Crawl-delay)."
        origin = _origin(url)
        delay = self.options.host_delay
        robots = self._robots.get(origin)
        if robots and robots[0] is not None:
            crawl_delay = robots[0].crawl_delay(ROBOTS_AGENT)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), self.options.max_retry_wait))
        with self._lock:
            now = self.clock()
            slot = max(now, self._next_slot.get(origin, now))
            self._next_slot[origin] = slot + delay
        if slot > now:
            self.sleep(slot - now)

    def _read(self, requested, url, response, accept):
        status = response.status_code
        final = clean_url(url)
        if status == 304:
            return Response(requested, final, status)
        if not 200 <= status < 300:  # includes a 3xx without Location
            raise HTTPStatusError(requested, status)
        header = response.headers.get("content-type")
        media = (header or "").split(";")[0].strip().lower() or None
        if media is not None and media not in accept:
            raise FetchError(requested, _refusal(media, accept))
        body = _read_limited(requested, response, self.options.max_bytes, self.options.timeout)
        if media is None:  # no Content-Type: sniff
            if body.lstrip()[:5] == b"%PDF-":
                raise FetchError(requested, _refusal("application/pdf", accept))
            media = "text/html" if re.match(rb"\s*<", body) else "text/plain"
        return Response(
            requested, final, status, media, header, body,
            response.headers.get("etag"), response.headers.get("last-modified"),
        )

    # -- robots.txt ------------------------------------------------------------------

    def _check_robots(self, requested, url):
        parser, refusal = self._robots_for(_origin(url))
        if refusal:
            raise FetchError(requested, refusal)
        if parser is not None and not parser.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(
                requested, "refused by robots.txt (use --ignore-robots only for sites you run)"
            )

    def _robots_for(self, origin):
        with self._lock:
            if origin in self._robots:
                return self._robots[origin]
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch of robots.txt per origin, even with many threads
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            return self._robots[origin]

    def _load_robots(self, origin):
        """(parser, refusal): RFC 9309 — 4xx means no rules, 5xx or no answer
        means stay away; rules are read from at most 500 KB."""
        url = origin + "/robots.txt"
        try:
            for _ in range(5):
                self._wait_turn(url)
                with self.client.stream("GET", url, headers={"User-Agent": USER_AGENT}) as response:
                    if response.has_redirect_location:
                        url = urllib.parse.urljoin(url, response.headers["location"])
                        continue
                    status = response.status_code
                    if status >= 500:
                        return None, f"refused: robots.txt answered HTTP {status} (try again later)"
                    if status >= 400:
                        return None, None
                    body = b""
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > _ROBOTS_MAX_BYTES:
                            break
                    parser = urllib.robotparser.RobotFileParser(url)
                    parser.parse(body[:_ROBOTS_MAX_BYTES].decode("utf-8", "replace").splitlines())
                    return parser, None
            return None, None
        except httpx.HTTPError as ex:
            return None, f"refused: robots.txt could not be read ({_describe(ex, self.options)})"


def _guarded(fn, item):
    try:
        return fn(item), None
    except ChecksError as ex:
        return None, ex
    except Exception as ex:  # one bad page must not stop the others
        url = getattr(item, "url", item)
        return None, FetchError(str(url), f"could not be processed ({type(ex).__name__}: {ex})")


def _read_limited(requested, response, max_bytes, timeout):
    "The body, refused as soon as it grows past max_bytes (never read whole)."
    too_big = f"body larger than {max_bytes:,} bytes (raise --max-bytes)"
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(requested, too_big)
    chunks, size = [], 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(requested, too_big)
            chunks.append(chunk)
    except httpx.HTTPError as ex:
        raise FetchError(requested, _describe(ex, FetchOptions(timeout=timeout))) from ex
    return b"".join(chunks)


def _refusal(media, accept):
    kinds = "an RSS or Atom feed" if "application/rss+xml" in accept else "HTML, XHTML or plain text"
    if media == "application/pdf":
        return f"refused: a PDF (application/pdf) is not {kinds}; checks cannot read PDFs yet"
    return f"refused: content type {media} is not {kinds}"


def _describe(ex, options):
    if isinstance(ex, httpx.TimeoutException):
        return f"timed out after {options.timeout:g} seconds (raise --timeout)"
    if isinstance(ex, httpx.ConnectError):
        return f"could not connect ({ex})"
    if isinstance(ex, httpx.TooManyRedirects):
        return "too many redirects"
    return f"{type(ex).__name__}: {ex}"


def _retry_after(value):
    "Seconds to wait from a Retry-After header (seconds or an HTTP date), else None."
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# --- pages, local files, storing --------------------------------------------------


@dataclasses.dataclass
class Page:
    "A document ready for store_document: where it is stored, its text and metadata."

    url: str
    text: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    language: str | None = None
    requested_url: str | None = None
    canonical_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    def fields(self):
        return {
            k: v for k, v in dataclasses.asdict(self).items() if k not in ("url", "text", "language")
        }


def page_from_response(response):
    "A Page from a fetched Response (HTML through parse_html, plain text as is)."
    if response.content_type in HTML_TYPES:
        parsed = parse_html(response.text(), url=response.url)
    else:
        parsed = {"text": response.text().replace("\r\n", "\n")}
    return Page(
        url=response.url,
        requested_url=response.requested_url,
        etag=response.etag,
        last_modified=response.last_modified,
        **parsed,
    )


def load_file(path, url=None):
    """A Page from a local .html/.htm/.xhtml file (through parse_html) or a UTF-8
    text file. A local file has no address of its own: ``url`` must be given,
    or the HTML must name its canonical URL."""
    path = pathlib.Path(path)
    try:
        body = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file (for a web page, give the whole URL: https://…)", where=str(path)) from None
    except OSError as ex:
        raise InputError(ex.strerror or str(ex), where=str(path)) from ex
    if url is not None:
        url = clean_url(check_url(url))
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        parsed = parse_html(body, url=url)
        url = url or parsed["canonical_url"]
        if not url:
            raise InputError(
                "no URL for this page: give --url (where it was published); "
                "the page has no <link rel=canonical>",
                where=str(path),
            )
        return Page(url=url, **parsed)
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as ex:
        raise InputError(
            f"not UTF-8 text (byte 0x{body[ex.start]:02x} at offset {ex.start}): save it as UTF-8",
            where=str(path),
        ) from None
    if not url:
        raise InputError("a local file needs --url, the address where it was published", where=str(path))
    return Page(url=url, text=text.replace("\r\n", "\n"))


@dataclasses.dataclass
class Outcome:
    "What happened to one source: stored (document), not modified, or failed (error)."

    source: str
    document: object = None        # database.StoredDocument
    error: ChecksError | None = None
    not_modified: bool = False

    @property
    def status(self):
        if self.error is not None:
            return "failed"
        return "not modified" if self.not_modified else self.document.status


def known_document(db, url):
    "The stored row (id, url, etag, last_modified) for a URL as stored or as once requested."
    url = clean_url(url)
    return db.execute(
        """SELECT id, url, etag, last_modified FROM documents
           WHERE url = :url OR requested_url = :url ORDER BY url = :url DESC LIMIT 1""",
        {"url": url},
    ).fetchone()


def store_page(db, page, *, overrides=None, feed_id=None, url=None):
    "Store a Page with store_document; ``overrides`` (title, …) win over the page's."
    fields = page.fields() | {k: v for k, v in (overrides or {}).items() if v is not None}
    if feed_id is not None:
        fields["feed_id"] = feed_id
    language = fields.pop("language", None) or page.language
    return store_document(db, url or page.url, page.text, language=language, **fields)


def check_overrides(published=None, **others):
    "Validate command-line metadata: --published must be a date."
    if published is not None:
        date = iso_date(published)
        if date is None or not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", published.strip()):
            raise InputError(f"not a date: {published!r} (use YYYY-MM-DD)", where="--published")
        published = date
    return {"published": published, **others}


def add_sources(db, sources, fetcher, *, url=None, overrides=None, feed_ids=None, defaults=None, progress=None):
    """Store each source (URL or local path) as a document; returns Outcomes in
    the order finished. A URL already stored is fetched with a conditional
    request. ``feed_ids``/``defaults`` map a URL to its feed and to metadata
    used when the page has none (a feed item's date); ``progress(n)`` is called
    once per source."""
    overrides = overrides or {}
    feed_ids, defaults = feed_ids or {}, defaults or {}
    progress = progress or (lambda n: None)
    outcomes = []
    remote = []
    for source in sources:
        if is_url(source):
            remote.append(source)
            continue
        try:
            page = load_file(source, url=url)
            outcomes.append(Outcome(source, store_page(db, page, overrides=overrides)))
        except ChecksError as ex:
            outcomes.append(Outcome(source, error=ex))
        progress(1)

    known = {}
    for source in remote:
        try:
            known[source] = known_document(db, check_url(source))
        except FetchError:
            known[source] = None

    def fetch(source):
        row = known[source]
        response = fetcher.fetch(source, etag=row and row[2], last_modified=row and row[3])
        return None if response.not_modified else page_from_response(response)

    for source, page, error in fetcher.map(fetch, remote):
        progress(1)
        if error is not None:
            outcomes.append(Outcome(source, error=error))
            continue
        if page is None:  # 304: the stored text is confirmed as of now
            with db.atomic():
                db.execute("UPDATE documents SET fetched_at = ? WHERE id = ?", [now(), known[source][0]])
            outcomes.append(Outcome(source, not_modified=True))
            continue
        row = known[source]
        for key, value in defaults.get(source, {}).items():
            if getattr(page, key) is None:
                setattr(page, key, value)
        try:
            stored = store_page(
                db, page, overrides=overrides, feed_id=feed_ids.get(source),
                url=row[1] if row else None,
            )
            outcomes.append(Outcome(source, stored))
        except ChecksError as ex:
            outcomes.append(Outcome(source, error=ex))
    return outcomes


def stored_urls(db, urls=None):
    "The http(s) URLs to refresh: all stored ones, or those given (as stored or requested)."
    if urls:
        missing = [u for u in urls if known_document(db, u) is None]
        if missing:
            raise InputError("not a stored document: " + ", ".join(missing), where="refresh")
        return [known_document(db, u)[1] for u in urls]
    return [
        row[0] for row in db.execute(
            "SELECT url FROM documents WHERE url LIKE 'http://%' OR url LIKE 'https://%' ORDER BY id"
        )
    ]


def summary(outcomes):
    "One line: how many sources ended in each status."
    order = ("new", "changed", "unchanged", "not modified", "failed")
    counts = {s: 0 for s in order}
    for outcome in outcomes:
        counts[outcome.status] += 1
    figures = sum(o.document.figure_changes for o in outcomes if o.document is not None)
    line = ", ".join(f"{n} {s}" for s, n in counts.items() if n or s in ("new", "failed"))
    return line + (f"; {figures} figure changes recorded" if figures else "")
