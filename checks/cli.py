"""The ``checks`` command line: thin commands that call the library and turn its
errors into ``Error: …`` messages."""

import functools
import os
import sys

import click

from . import __version__
from .database import open_database
from .errors import ChecksError


def db_option(fn):
    "The --db option every command takes; CHECKS_DB is read when it is absent."
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        envvar="CHECKS_DB",
        default="db/checks.db",
        show_default=True,
        help="SQLite database file (or set CHECKS_DB).",
    )(fn)


def silent_option(fn):
    return click.option("--silent", is_flag=True, help="Don't show progress bars.")(fn)


def errors_to_messages(fn):
    "Turn the library's ChecksError into 'Error: …' and exit code 1."

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ChecksError as ex:
            raise click.ClickException(str(ex))

    return wrapper


def progressbar(iterable=None, *, length=None, label=None, silent=False, **kwargs):
    """click.progressbar, or a do-nothing stand-in when silent (or not a tty)."""
    if silent:
        return _NoProgress(iterable)
    return click.progressbar(iterable, length=length, label=label, file=sys.stderr, **kwargs)


class _NoProgress:
    def __init__(self, iterable):
        self.iterable = iterable

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __iter__(self):
        return iter(self.iterable)

    def update(self, n, current_item=None):
        pass


@click.group()
@click.version_option(__version__, prog_name="checks")
def cli():
    "Track numeric claims in the news: extract, store, match and review figures."


# --- foundation: import, add, extract, serve, demo -------------------------


@cli.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "--format", "format_", type=click.Choice(["csv", "tsv", "json", "jsonl"]),
    help="Input format (default: from the extension, else guessed from the first bytes).",
)
@click.option(
    "--rejects", type=click.Path(dir_okay=False),
    help="Import the valid rows and write the rejected ones, with line and reason, to this CSV file.",
)
@click.option(
    "--no-extract", is_flag=True,
    help="Where a row gives its value, don't read the claim text for the quote, unit, subject, "
    "attribution and as_of (much faster; rows without a value are still read).",
)
@db_option
@silent_option
@errors_to_messages
def import_(file, format_, rejects, no_extract, db_path, silent):
    """Import claims from FILE (CSV, TSV, JSON array or JSON lines; - for stdin).

    Columns: claim and source_url (required); published, publisher, title,
    value, low, high, qualifier, unit, subject, attribution, as_of, language.
    Any bad row stops the import and nothing is written, unless --rejects is
    given. Importing the same file twice (with the same options) adds nothing.
    """
    from . import importing

    db = open_database(db_path)
    with importing.open_input(file) as (stream, size), importing.rejects_file(rejects) as out:
        reader = importing.Reader(stream, importing.detect_format(file, stream, format_))
        with progressbar(length=size, label="Importing", silent=silent or size is None) as bar:
            result = importing.import_claims(
                db, reader, rejects=out, progress=bar.update, enrich=not no_extract
            )
    if result.unknown_columns:
        click.echo(f"Ignored unknown columns: {', '.join(result.unknown_columns)}", err=True)
    click.echo(
        f"{result.claims_added} claims imported ({result.claims_present} already present), "
        f"{result.documents_added} new documents"
    )
    if rejects is not None:
        click.echo(f"{result.rejected} rows rejected: see {rejects}")


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "--format", "format_", type=click.Choice(["jsonl", "table"]), default="jsonl",
    show_default=True, help="One JSON object per claim, or a table for people.",
)
@click.option("--language", help="ISO 639-1 code (en, ru, be, pl, de, fr…); detected when absent.")
@click.option(
    "-j", "--jobs", type=click.IntRange(0, 64), default=0,
    help="Processes reading plain text [default: 0, one per CPU core, at most 4]. Same output, "
         "in the same order; the first 64 KB are read in this process, so short input starts none.",
)
@errors_to_messages
def extract(path, format_, language, jobs):
    """Print the numeric claims found in PATH (text or HTML; - for stdin), without storing them.

    JSON lines carry the keys quote, start, end, value, low, high, qualifier, unit,
    subject, attribution, as_of, sentence. Plain text is streamed, so files of any
    size take little memory.
    """
    import io
    import json

    from .extraction import claims_from_stream

    binary = click.open_file(path, "rb")
    with binary, io.TextIOWrapper(binary, encoding="utf-8", errors="replace", newline="") as stream:
        claims = claims_from_stream(stream, language=language, jobs=jobs or min(os.cpu_count() or 1, 4))
        if format_ == "jsonl":
            out = sys.stdout  # buffered: click.echo would flush after every claim
            for claim in claims:
                out.write(json.dumps(claim.as_dict(), ensure_ascii=False) + "\n")
            out.flush()
        else:
            _print_claims_table(claims)


def _print_claims_table(claims):
    columns = (("quote", 28), ("value", 14), ("qualifier", 9), ("unit", 7), ("subject", 26),
               ("attribution", 18), ("as_of", 10))
    click.echo("  ".join(name.ljust(width) for name, width in columns).rstrip())
    click.echo("  ".join("-" * width for _, width in columns))
    for claim in claims:
        if claim.value is not None:
            value = f"{claim.value:g}"
        else:
            value = f"{claim.low if claim.low is not None else ''}–{claim.high if claim.high is not None else ''}"
        cells = (claim.quote, value, claim.qualifier, claim.unit or "", claim.subject or "",
                 claim.attribution or "", claim.as_of or "")
        click.echo("  ".join(
            (str(cell)[: width - 1] + "…" if len(str(cell)) > width else str(cell)).ljust(width)
            for cell, (_, width) in zip(cells, columns)
        ).rstrip())


def host_port_options(fn):
    fn = click.option("--port", type=int, default=8001, show_default=True, help="Port to listen on.")(fn)
    fn = click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")(fn)
    return fn


@cli.command()
@db_option
@host_port_options
@click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
    help="Server processes; more serve more concurrent readers.",
)
def serve(db_path, host, port, workers):
    """Serve the database with Datasette, the project's metadata and plugin.

    Anonymous visitors can read everything; signed-in reviewers record verdicts.
    """
    from . import site

    open_database(db_path).close()
    click.echo(f"Serving {db_path} at http://{host}:{port}/ (Ctrl+C to stop)")
    site.serve(db_path, host=host, port=port, workers=workers)


@cli.command()
@click.option(
    "--db", "db_path", type=click.Path(dir_okay=False), default="db/demo.db",
    show_default=True, help="Where to build the demo database.",
)
@host_port_options
@click.option("--no-serve", is_flag=True, help="Build the demo database, don't serve it.")
@silent_option
def demo(db_path, host, port, no_serve, silent):
    """Build a demo database from the sample reports shipped with checks,
    extract and match their figures, and serve it."""
    from . import demo as demo_module
    from . import site

    db = open_database(db_path)
    stored = demo_module.load_demo(db)
    matched = _match_new(db, silent)
    claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    matches = db.execute("SELECT count(*) FROM matches").fetchone()[0]
    db.close()
    click.echo(
        f"Demo database {db_path}: {len(stored)} documents, {claims} claims, {matches} matches"
        + (f" ({matched} new)" if matched else "")
    )
    if no_serve:
        return
    click.echo(f"Serving at http://{host}:{port}/ (Ctrl+C to stop)")
    site.serve(db_path, host=host, port=port)


def _match_new(db, silent):
    "Match claims not matched yet; returns the number of new pairs."
    from .matching import match_claims

    return match_claims(db).pairs_added

# --- fetching: watch, feeds, refresh ----------------------------------------


def fetch_options(fn):
    "Options shared by the commands that fetch over HTTP."
    options = [
        click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
                     help="Seconds to wait for a connection, and between bytes read."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True,
                     help="Refuse bodies larger than this many bytes (checked while streaming)."),
        click.option("--concurrency", type=click.IntRange(1, 64), default=4, show_default=True,
                     help="How many URLs to fetch at once."),
        click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
                     help="Minimum seconds between two requests to the same host (robots.txt Crawl-delay may raise it)."),
        click.option("--ignore-robots", is_flag=True,
                     help="Don't read robots.txt (only for sites you run or have permission to fetch)."),
        click.option("--match", "match_after", is_flag=True,
                     help="Afterwards, match the claims of new and changed documents against stored claims."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _fetcher(timeout, max_bytes, concurrency, delay, ignore_robots):
    from .reports import Fetcher, FetchOptions

    return Fetcher(options=FetchOptions(
        timeout=timeout, max_bytes=max_bytes, concurrency=concurrency, host_delay=delay,
        robots=not ignore_robots,
    ))


def _finish(db, outcomes, match_after, order=(), failed_before=False):
    """Print each failure as 'Error: …' (in the order given), a summary line,
    match new claims if asked; exit 1 when anything failed (here or before)."""
    from .reports import summary

    rank = {source: i for i, source in enumerate(order)}
    failed = sorted((o for o in outcomes if o.error), key=lambda o: rank.get(o.source, len(rank)))
    for outcome in failed:
        click.echo(f"Error: {outcome.error}", err=True)
    click.echo(summary(outcomes))
    documents = [o.document.id for o in outcomes if o.document and o.document.status != "unchanged"]
    if match_after and documents:
        from .matching import match_claims

        marks = ", ".join("?" * len(documents))
        claim_ids = [r[0] for r in db.execute(f"SELECT id FROM claims WHERE document_id IN ({marks})", documents)]
        click.echo(f"{match_claims(db, claim_ids=claim_ids).pairs_added} new matches")
    if failed or failed_before:
        sys.exit(1)


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--url", help="Where a single local file was published (required for text files; "
              "an HTML file may name it in <link rel=canonical>).")
@click.option("--published", help="Publication date, YYYY-MM-DD (overrides the page's).")
@click.option("--publisher", help="Publisher (overrides the page's).")
@click.option("--title", help="Title (overrides the page's).")
@click.option("--language", help="Language code such as en or ru (overrides the page's).")
@fetch_options
@db_option
@silent_option
@errors_to_messages
def add(sources, url, published, publisher, title, language, timeout, max_bytes, concurrency,
        delay, ignore_robots, match_after, db_path, silent):
    """Store documents from URLs and local files, and extract their claims.

    URLs (http and https only) are fetched politely, several at once; a URL
    already stored is fetched again with a conditional request, and a changed
    text is kept as a revision with its figure changes. Local .html/.htm files
    are read as web pages, other files as UTF-8 text. A failing source is
    reported as 'Error: …' and the others go on; the exit code is 1 if any
    failed.
    """
    from .reports import add_sources, check_overrides, is_url

    if url is not None and (len(sources) != 1 or is_url(sources[0])):
        raise click.UsageError("--url names the address of a single local file: give exactly one PATH")
    overrides = check_overrides(published=published, publisher=publisher, title=title, language=language)
    db = open_database(db_path)
    with _fetcher(timeout, max_bytes, concurrency, delay, ignore_robots) as fetcher:
        with progressbar(length=len(sources), label="Adding", silent=silent) as bar:
            outcomes = add_sources(db, sources, fetcher, url=url, overrides=overrides, progress=bar.update)
    _finish(db, outcomes, match_after, order=sources)


@cli.command()
@click.argument("urls", nargs=-1, metavar="[URL]...")
@fetch_options
@db_option
@silent_option
@errors_to_messages
def refresh(urls, timeout, max_bytes, concurrency, delay, ignore_robots, match_after, db_path, silent):
    """Fetch stored documents again (every stored http(s) URL, or the URLs given).

    Requests are conditional (ETag / Last-Modified), so an unchanged page
    costs a 304; a changed text keeps the old one in document_revisions and
    records which figures changed in figure_changes.
    """
    from .reports import add_sources, stored_urls

    db = open_database(db_path)
    targets = stored_urls(db, urls)
    with _fetcher(timeout, max_bytes, concurrency, delay, ignore_robots) as fetcher:
        with progressbar(length=len(targets), label="Refreshing", silent=silent) as bar:
            outcomes = add_sources(db, targets, fetcher, progress=bar.update)
    _finish(db, outcomes, match_after, order=targets)


@cli.command()
@click.argument("feed_urls", nargs=-1, required=True, metavar="FEED_URL...")
@click.option("--max-items", type=click.IntRange(min=1), metavar="N",
              help="Fetch at most N new items per feed this run, newest first; the rest wait for later runs.")
@fetch_options
@db_option
@silent_option
@errors_to_messages
def watch(feed_urls, max_items, timeout, max_bytes, concurrency, delay, ignore_robots, match_after, db_path,
          silent):
    """Read RSS or Atom feeds and store the items not stored yet.

    Each feed is fetched with a conditional request, so an unchanged feed
    costs one 304. Run it from cron to follow feeds (see the README).
    """
    from .feeds import check_feeds
    from .reports import add_sources

    db = open_database(db_path)
    with _fetcher(timeout, max_bytes, concurrency, delay, ignore_robots) as fetcher:
        feed_outcomes, new = check_feeds(db, feed_urls, fetcher, max_items=max_items)
        for feed in feed_outcomes:
            if feed.error:
                click.echo(f"Error: {feed.error}", err=True)
            elif feed.status == "not modified":
                click.echo(f"{feed.url}: not modified")
            else:
                later = f" ({feed.held_back} more next run)" if feed.held_back else ""
                click.echo(f"{feed.url}: {feed.items} items, {feed.new_items + feed.held_back} new{later}")
        with progressbar(length=len(new.urls), label="Fetching items", silent=silent or not new.urls) as bar:
            outcomes = add_sources(
                db, new.urls, fetcher, feed_ids=new.feed_ids, defaults=new.defaults, progress=bar.update
            )
    _finish(db, outcomes, match_after, order=new.urls, failed_before=any(f.error for f in feed_outcomes))


@cli.command()
@db_option
def feeds(db_path):
    "List watched feeds with their last fetch, HTTP status, error and documents."
    from .feeds import list_feeds

    rows = list_feeds(open_database(db_path))
    if not rows:
        click.echo("No feeds yet: follow one with checks watch FEED_URL")
        return
    for row in rows:
        status = row["last_status"] if row["last_status"] is not None else "-"
        click.echo(
            f"{row['id']:>4}  {row['last_fetched_at'] or 'never'}  {status:>3}  "
            f"{row['documents']:>5} docs  {row['url']}" + (f"  {row['title']}" if row["title"] else "")
        )
        if row["last_error"]:
            click.echo(f"      error: {row['last_error']}")

# --- matching: match --------------------------------------------------------


@cli.command()
@click.option("--since", metavar="DATE", help="Only claims from documents published on or after DATE (YYYY-MM-DD).")
@click.option(
    "--threshold", type=click.FloatRange(0, 100), default=None,
    help="Lowest score (0-100) for a suggested pair [default: 85].",
)
@click.option("--rescore", is_flag=True, help="Match claims again even if already matched, replacing unreviewed pairs.")
@db_option
@silent_option
@errors_to_messages
def match(since, threshold, rescore, db_path, silent):
    """Pair claims from different documents that measure the same quantity.

    Only claims not matched yet (by this version of the matcher) are matched,
    against the whole archive; running it twice adds nothing.
    """
    from .matching import match_claims, parse_since

    db = open_database(db_path)
    since = parse_since(since)
    bar = None

    def progress(done, total):
        nonlocal bar, last
        if bar is None:
            bar = progressbar(length=total, label="Matching", silent=silent).__enter__()
        bar.update(done - last)
        last = done

    last = 0
    try:
        stats = match_claims(db, since=since, threshold=threshold, rescore=rescore, progress=progress)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    click.echo(stats.summary())

# --- review: reviewer, export -----------------------------------------------


@cli.group()
def reviewer():
    "Manage reviewer accounts: the people who may record verdicts in Datasette."


def _read_password():
    "Prompt twice on a terminal; otherwise read one line from stdin."
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")


@reviewer.command(name="add")
@click.argument("name")
@db_option
@errors_to_messages
def reviewer_add(name, db_path):
    """Add a reviewer account NAME. The password is prompted for, or read
    from stdin when stdin is not a terminal; only a salted scrypt hash is kept."""
    from . import review

    password = _read_password()
    db = open_database(db_path)
    with db.atomic():
        review.add_reviewer(db, name, password)
    click.echo(f"Reviewer {name} added.")


@reviewer.command(name="list")
@db_option
@errors_to_messages
def reviewer_list(db_path):
    "List reviewer accounts, when each was made and how many verdicts it recorded."
    from . import review

    for row in review.list_reviewers(open_database(db_path)):
        click.echo(f"{row['name']}\t{row['created_at']}\t{row['verdicts']} verdicts")


@reviewer.command(name="remove")
@click.argument("name")
@db_option
@errors_to_messages
def reviewer_remove(name, db_path):
    "Remove the reviewer account NAME. Verdicts it recorded stay in the audit trail."
    from . import review

    db = open_database(db_path)
    with db.atomic():
        review.remove_reviewer(db, name)
    click.echo(f"Reviewer {name} removed.")


@cli.group()
def export():
    "Export reviewed claims for others to reuse."


@export.command(name="claimreview")
@click.option("--out", "out", type=click.Path(dir_okay=False), default="-", show_default=True,
              help="File to write the JSON-LD to ('-' for stdout).")
@db_option
@errors_to_messages
def export_claimreview(out, db_path):
    """Write schema.org ClaimReview JSON-LD for every claim with a confirmed
    match. The author organisation and site address come from metadata.yml
    (plugins: checks: organisation, site_url)."""
    from . import export as export_module
    from . import site

    db = open_database(db_path)
    with click.open_file(out, "w", encoding="utf-8", atomic=out != "-") as fp:
        count = export_module.write_claim_reviews(db, fp, site.load_metadata())
    if out != "-":
        click.echo(f"{count} ClaimReviews written to {out}.", err=True)
