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

# --- fetching: watch, feeds, refresh ----------------------------------------

# --- matching: match --------------------------------------------------------

# --- review: reviewer, export -----------------------------------------------
