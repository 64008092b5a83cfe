"""Datasette plugin hooks for checks. Each hook does one thing."""

import pathlib

from datasette import hookimpl
from jinja2 import FileSystemLoader

from . import review

TEMPLATES = pathlib.Path(__file__).parent / "templates"
BUSY_TIMEOUT_MS = 10_000


@hookimpl
def prepare_jinja2_environment(env):
    # Datasette finds a plugin's templates/ only when the plugin is a package;
    # ours is the module checks.datasette_plugin, so add checks/templates here,
    # after any --template-dir and before Datasette's own templates.
    loader = env.loader.loaders[0] if hasattr(env.loader, "loaders") else None
    if isinstance(loader, FileSystemLoader):
        if str(TEMPLATES) not in loader.searchpath:
            loader.searchpath.insert(len(loader.searchpath) - 1, str(TEMPLATES))


@hookimpl
def prepare_connection(conn):
    # Wait for `checks match` or `watch` to finish a write instead of failing.
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


@hookimpl
def register_routes():
    return [
        (r"^/-/login$", review.login_page),
        (r"^/-/review$", review.queue_page),
        (r"^/-/figure/(?P<claim_id>\d+)$", review.figure_page),
    ]


@hookimpl
def permission_allowed(datasette, actor, action, resource):
    # Every writable canned query needs a signed-in reviewer, whatever its allow block says.
    if action == "view-query" and actor is None:

        async def inner():
            query = await datasette.get_canned_query(resource[0], resource[1], actor)
            return False if query and query.get("write") else None

        return inner


@hookimpl
def menu_links(datasette, actor):
    return [{"href": datasette.urls.path("/-/review"), "label": "Review queue"}]
