"""`checks serve` and `checks demo` for real: a server process on 127.0.0.1,
started from a directory outside the repository, answering over HTTP."""

import os
import pathlib
import socket
import subprocess
import sys
import time
import zipfile

import httpx
import pytest

from checks.cli import cli

ROOT = pathlib.Path(__file__).parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout}s")


def test_demo_builds_and_is_idempotent(runner, tmp_path):
    path = tmp_path / "demo.db"
    result = runner.invoke(cli, ["demo", "--db", str(path), "--no-serve", "--silent"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "8 documents" in result.output
    import sqlite_utils

    db = sqlite_utils.Database(path)
    counts = {t: db[t].count for t in ("documents", "claims", "matches")}
    assert counts["documents"] == 8 and counts["claims"] >= 20
    assert len({r["publisher"] for r in db["documents"].rows}) == 4
    again = runner.invoke(cli, ["demo", "--db", str(path), "--no-serve", "--silent"], catch_exceptions=False)
    assert again.exit_code == 0
    assert {t: db[t].count for t in ("documents", "claims", "matches")} == counts


def test_serve_over_http_from_another_directory(tmp_path):
    path = tmp_path / "served.db"
    port = free_port()
    env = dict(os.environ, CHECKS_DB=str(path))
    process = subprocess.Popen(
        [sys.executable, "-m", "checks", "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        home = wait_for(f"http://127.0.0.1:{port}/")
        assert home.status_code == 200
        assert "Numeric claims from news reports" in home.text
        tables = httpx.get(f"http://127.0.0.1:{port}/checks.json").json()
        assert {"documents", "claims", "matches", "reviews"} <= {t["name"] for t in tables["tables"]}
        plugins = httpx.get(f"http://127.0.0.1:{port}/-/plugins.json").json()
        assert "checks" in {p["name"] for p in plugins}
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert path.exists()  # CHECKS_DB was used


def test_serve_with_two_workers_shares_sign_in_secret(tmp_path):
    path = tmp_path / "w.db"
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "checks", "serve", "--db", str(path), "--port", str(port), "--workers", "2"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/checks.json").status_code == 200
        for _ in range(6):  # requests land on either worker
            assert httpx.get(f"http://127.0.0.1:{port}/checks/claims.json").status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=15)
    secret = pathlib.Path(str(path) + ".secret")
    assert secret.exists() and oct(secret.stat().st_mode & 0o777) == "0o600"


def test_wheel_ships_metadata_templates_and_samples(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    if result.returncode != 0 and "Could not find a version" in result.stderr:
        pytest.skip("no package index reachable to fetch the build backend")
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("checks-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "checks/metadata.yml" in names
    assert sum(n.startswith("checks/demo/") and n.endswith(".txt") for n in names) == 8
    for template in ("base.html", "checks_queue.html", "checks_figure.html", "checks_login.html", "_checks_chart.html"):
        assert f"checks/templates/{template}" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[datasette]" in text and "checks.datasette_plugin" in text
