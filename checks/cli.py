"""The ``checks`` command line: thin commands that call the library and turn its
errors into ``Error: …`` messages."""

import functools
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


def host_port_options(fn):
    fn = click.option("--port", type=int, default=8001, show_default=True, help="Port to listen on.")(fn)
    fn = click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")(fn)
    return fn


@cli.command()
@db_option
@host_port_options
def serve(db_path, host, port):
    """Serve the database with Datasette, the project's metadata and plugin.

    Anonymous visitors can read everything; signed-in reviewers record verdicts.
    """
    from . import site

    open_database(db_path).close()
    click.echo(f"Serving {db_path} at http://{host}:{port}/ (Ctrl+C to stop)")
    site.serve(db_path, host=host, port=port)


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

# --- matching: match --------------------------------------------------------

# --- review: reviewer, export -----------------------------------------------
