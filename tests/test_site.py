"""Datasette in-process with the real metadata.yml: pages render, canned queries
run, every table and column is described."""

import pytest

from checks import demo, site
from checks.database import open_database


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "demo.db"
    db = open_database(path)
    demo.load_demo(db)
    db.close()
    return path


@pytest.fixture
def ds(demo_db):
    return site.datasette_instance(demo_db)


def test_every_public_table_and_column_is_described(tmp_path):
    db = open_database(tmp_path / "x.db")
    tables = site.load_metadata()["databases"]["checks"]["tables"]
    public = [
        t for t in db.table_names()
        if not t.startswith("_") and not t.startswith(("claims_fts", "documents_fts"))
    ]
    for table in public:
        assert tables.get(table, {}).get("description"), f"{table} has no description"
        described = tables[table].get("columns", {})
        for column in db[table].columns:
            assert described.get(column.name), f"{table}.{column.name} has no description"


@pytest.mark.asyncio
async def test_pages_render_with_metadata(ds):
    home = await ds.client.get("/")
    assert home.status_code == 200
    assert "Numeric claims from news reports" in home.text
    claims = await ds.client.get("/checks/claims")
    assert claims.status_code == 200
    assert "exactly as written" in claims.text  # a column description
    data = (await ds.client.get("/checks/claims.json?_shape=array&_size=max")).json()
    assert any(row["quote"] == "555" for row in data)


@pytest.mark.asyncio
async def test_canned_queries_run(ds):
    rows = (
        await ds.client.get("/checks/figure_over_time.json?subject=political+prisoners&_shape=array")
    ).json()
    assert len(rows) >= 3
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    rows = (await ds.client.get("/checks/claims_from_source.json?source=Euro+Desk&_shape=array")).json()
    assert rows and {r["publisher"] for r in rows} == {"Euro Desk"}
    queue = await ds.client.get("/checks/review_queue.json?_shape=array")
    assert queue.status_code == 200


@pytest.mark.asyncio
async def test_full_text_search(ds):
    rows = (await ds.client.get("/checks/claims.json?_search=prisoners&_shape=array")).json()
    assert rows and all("prisoner" in (r["sentence"] + (r["subject"] or "")).lower() for r in rows)


@pytest.mark.asyncio
async def test_arbitrary_sql_is_read_only(ds):
    response = await ds.client.get("/checks.json?sql=delete+from+claims")
    assert response.status_code == 400
    count = (await ds.client.get("/checks.json?sql=select+count(*)+as+n+from+claims&_shape=array")).json()
    assert count[0]["n"] > 0
