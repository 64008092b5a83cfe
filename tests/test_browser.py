"""End to end in a real browser: Playwright drives Debian's Chromium against
`checks serve` over HTTP on 127.0.0.1. A reviewer signs in, confirms a match
in the queue, finds it in the audit trail and on the figure's page with its
chart. Screenshots of the queue and the figure page go to tests/screenshots/.

Without Chromium the test skips, except under CI (the CI variable set),
where a missing browser is a failure, never a silent skip."""

import os
import pathlib
import socket
import subprocess
import sys
import time

import httpx
import pytest

from review_samples import PASSWORD, build

CHROMIUM = pathlib.Path("/usr/bin/chromium")
SCREENSHOTS = pathlib.Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)")
    pytest.skip(reason)


@pytest.fixture
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def server(tmp_path):
    "`checks serve` in a subprocess on a free port, started outside the repository."
    db_path = tmp_path / "served.db"
    ids = build(db_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, CHECKS_DB=str(db_path), DATASETTE_SECRET="browser-test")
    process = subprocess.Popen(
        [sys.executable, "-m", "checks", "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url + "/-/versions.json", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError(f"checks serve did not start: {process.stdout.read1().decode()}")
                time.sleep(0.2)
        yield url, ids
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_reviewer_signs_in_confirms_a_match_and_sees_it_everywhere(browser, server):
    url, ids = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    page.goto(url + "/-/review")
    assert "Reviewer sign in" in page.inner_text("header")
    assert page.locator("form[action$='record_verdict']").count() == 0

    page.click("text=Reviewer sign in")
    page.fill("#username", "alice")
    page.fill("#password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(url + "/-/review")
    assert "Reviewer alice" in page.inner_text("header")

    match = page.locator("#match-1")
    assert match.locator("mark").all_inner_texts() == ["169", "more than 500"]
    assert page.locator(".checks-item").first.get_attribute("id") == "match-1"
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "queue.png"), full_page=True)

    match.locator("input[name=note]").fill("Both from Viasna's list")
    match.locator("button[value=confirmed]").click()
    page.wait_for_url(url + "/-/review")
    assert "Verdict recorded." in page.inner_text("body")
    assert page.locator("#match-1").count() == 0
    assert page.locator("#match-3").count() == 1

    page.goto(url + "/checks/review_history?match_id=1")
    row = page.locator("table.rows-and-columns tbody tr").first
    text = row.inner_text()
    assert "confirmed" in text and "alice" in text and "Both from Viasna's list" in text

    page.goto(f"{url}/-/figure/{ids['claims'][0]}")
    assert page.locator("svg.checks-chart").is_visible()
    assert page.locator("svg.checks-chart g.mark").count() == 3
    assert page.locator("svg.checks-chart g.mark.at_least line[marker-end]").count() == 1
    assert page.locator(".checks-status.confirmed").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "figure.png"), full_page=True)

    page.click("text=Sign out")
    page.wait_for_load_state()
    assert "Reviewer sign in" in page.inner_text("header")
    page.close()
