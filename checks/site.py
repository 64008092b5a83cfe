"""The Datasette site: where its metadata lives and how it is started."""

import os
import pathlib
import secrets

import yaml

PACKAGE_DIR = pathlib.Path(__file__).parent
DATABASE_NAME = "checks"  # the name metadata.yml uses, whatever the file is called

# Settings that keep pages quick on large archives: no facet suggestions (they
# scan whole tables), bounded facet and SQL time.
SETTINGS = {
    "suggest_facets": False,
    "facet_time_limit_ms": 200,
    "sql_time_limit_ms": 3000,
    "default_page_size": 50,
}


def metadata_path():
    """metadata.yml: shipped inside the package by the wheel build, or at the
    top of a source checkout (editable installs)."""
    for candidate in (PACKAGE_DIR / "metadata.yml", PACKAGE_DIR.parent / "metadata.yml"):
        if candidate.exists():
            return candidate
    raise FileNotFoundError("metadata.yml not found beside the checks package")


def load_metadata():
    return yaml.safe_load(metadata_path().read_text("utf-8"))


def secret_for(db_path):
    """The secret that signs reviewers' cookies: $DATASETTE_SECRET, else one kept
    beside the database (created once, readable by its owner only), so sign-ins
    survive a restart."""
    if os.environ.get("DATASETTE_SECRET"):
        return os.environ["DATASETTE_SECRET"]
    path = pathlib.Path(str(db_path) + ".secret")
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return path.read_text().strip()


def datasette_instance(db_path, secret=None, **kwargs):
    """An in-process Datasette serving the database as ``checks``, with the
    project's metadata, settings and plugin."""
    from datasette.app import Database, Datasette

    ds = Datasette(
        [],
        metadata=load_metadata(),
        settings=dict(SETTINGS),
        secret=secret or secret_for(db_path),
        **kwargs,
    )
    ds.add_database(Database(ds, path=str(db_path), is_mutable=True), name=DATABASE_NAME)
    return ds


def serve(db_path, host="127.0.0.1", port=8001, workers=1):
    """Run Datasette on the database until interrupted. With several workers,
    each is its own process (SQLite in WAL mode lets them all read at once)."""
    import uvicorn

    if workers <= 1:
        ds = datasette_instance(db_path)
        uvicorn.run(ds.app(), host=host, port=port, lifespan="on", log_level="warning")
        return
    # Workers import the app by name, so they learn the database from the
    # environment; the secret is settled first so every worker signs alike.
    os.environ["CHECKS_SERVE_DB"] = str(db_path)
    os.environ["CHECKS_SERVE_SECRET"] = secret_for(db_path)
    uvicorn.run(
        "checks.site:app_from_environment", factory=True, workers=workers,
        host=host, port=port, lifespan="on", log_level="warning",
    )


def app_from_environment():
    "The ASGI app for one of several server workers (see serve)."
    ds = datasette_instance(os.environ["CHECKS_SERVE_DB"], secret=os.environ["CHECKS_SERVE_SECRET"])
    return ds.app()
