"""Review pages under load: median and 95th-percentile latency of the review
queue, a figure's page and full-text search, with 1 and with 16 concurrent
readers, while a `checks match` run writes and a reviewer records verdicts.

    python benchmarks/bench_review.py                 # 1,000,000 claims
    python benchmarks/bench_review.py --claims 50000  # a quick run

The archive comes from benchmarks/synthetic_archive.py (the matching
benchmark's generator); matches are inserted directly (200 per 1,000 claims),
and the best 2,000 get verdicts, so the queue has to skip reviewed matches.
The site is `checks serve` (the real settings) in its own process; the writer
is checks.matching.match_claims in another process (or, without it, a loop
inserting matches in short transactions), run under `nice` as batch work
beside a site should be. Generated files go to benchmarks/out/.
"""

import argparse
import importlib.util
import os
import pathlib
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time

import httpx

HERE = pathlib.Path(__file__).parent
OUT = HERE / "out"
PASSWORD = "benchmark password"
SEARCH_TERMS = ["prisoners", "detained", "journalists", "refugees", "killed", "blocked",
                "convicted", "expelled", "NGOs", "lawyers", "hunger", "doctors"]

WRITER = """
import sys, time
from checks.database import open_database
db = open_database(sys.argv[1])
try:
    from checks.matching import match_claims
except ImportError:
    match_claims = None
if match_claims:
    try:
        stats = match_claims(db)
        print("match_claims finished:", stats.summary() if hasattr(stats, "summary") else stats, flush=True)
        time.sleep(3600)
    except Exception as ex:  # e.g. an archive built by an older matcher schema
        print(f"match_claims failed ({ex!r}); writing matches in a loop instead", flush=True)
n = 0
top = db.execute("SELECT max(id) FROM claims").fetchone()[0]
while True:  # as `checks match` would write: a batch of pairs per short transaction
    with db.atomic():
        db.conn.executemany(
            "INSERT OR IGNORE INTO matches (claim_id, later_claim_id, score, relation, created_at)"
            " VALUES (?, ?, 55, 'corroborates', '2025-01-01')",
            [((n * 7919 + i) % top + 1, (n * 104729 + i * 31) % top + 1) for i in range(200)],
        )
    n += 1
"""


def build(path, n_claims):
    "The archive, matches and some verdicts; reused when it is already there."
    if path.exists():
        return
    spec = importlib.util.spec_from_file_location("synthetic_archive", HERE / "synthetic_archive.py")
    archive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(archive)
    started = time.perf_counter()
    archive.generate(str(path), n_claims)
    print(f"archive: {n_claims:,} claims in {time.perf_counter() - started:.0f}s", flush=True)

    from checks.database import open_database
    from checks.review import add_reviewer

    db = open_database(path)
    rng = random.Random(7)
    n_matches = n_claims // 5
    rows, seen = [], set()
    while len(rows) < n_matches:
        a, b = sorted(rng.sample(range(1, n_claims + 1), 2))
        if (a, b) not in seen:
            seen.add((a, b))
            rows.append((a, b, round(rng.uniform(40, 100), 2), rng.choice(["corroborates", "updates", "contradicts"]),
                         "Synthetic pair for the benchmark.", "2025-01-01T00:00:00+00:00"))
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO matches (claim_id, later_claim_id, score, relation, explanation, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)", rows)
        add_reviewer(db, "bench", PASSWORD)
        best = [r[0] for r in db.execute("SELECT id FROM matches ORDER BY score DESC LIMIT 2000")]
        db.conn.executemany(
            "INSERT INTO reviews (match_id, verdict, reviewer, created_at) VALUES (?, 'confirmed', 'bench', ?)",
            [(m, "2025-01-02T00:00:00+00:00") for m in best])
    db.close()
    print(f"database ready: {n_matches:,} matches, 2,000 reviewed, {time.perf_counter() - started:.0f}s", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(path, workers=1):
    port = free_port()
    env = dict(os.environ, CHECKS_DB=str(path), DATASETTE_SECRET="bench")
    process = subprocess.Popen([sys.executable, "-m", "checks", "serve", "--port", str(port),
                                "--workers", str(workers)],
                               cwd=OUT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(url + "/-/versions.json", timeout=2)
            return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("checks serve did not start")


def page_urls(path, rng):
    "A generator of (kind, path) for the three pages, round robin."
    conn = sqlite3.connect(path)
    figures = [r[0] for r in conn.execute("SELECT claim_id FROM matches ORDER BY random() LIMIT 500")]
    conn.close()
    while True:
        yield "queue", "/-/review"
        yield "figure", f"/-/figure/{rng.choice(figures)}"
        yield "search", f"/checks/search_claims?q={rng.choice(SEARCH_TERMS)}"


def table_search_urls(path, rng):
    "Datasette's own table page with ?_search= (counts every hit, runs facets)."
    while True:
        yield "table page ?_search=", f"/checks/claims?_search={rng.choice(SEARCH_TERMS)}&_size=20"


def run_readers(url, path, readers, requests_each, pages=page_urls):
    timings, errors = {}, []
    lock = threading.Lock()

    def reader(seed):
        rng = random.Random(seed)
        urls = pages(path, rng)
        with httpx.Client(base_url=url, timeout=60) as client:
            for _ in range(requests_each):
                kind, page = next(urls)
                started = time.perf_counter()
                response = client.get(page)
                elapsed = time.perf_counter() - started
                with lock:
                    if response.status_code != 200 or "database is locked" in response.text:
                        errors.append((page, response.status_code))
                    timings.setdefault(kind, []).append(elapsed)

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(readers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return timings, errors


class Reviewer(threading.Thread):
    "Signs in and records a verdict on the queue's best match every 0.2 s."

    def __init__(self, url):
        super().__init__()
        self.url, self.stop, self.ok, self.failed, self.timings = url, threading.Event(), 0, [], []

    def run(self):
        with httpx.Client(base_url=self.url, timeout=60) as client:
            token = re.search(r'name="csrftoken" value="([^"]+)"', client.get("/-/login").text).group(1)
            client.post("/-/login", data={"csrftoken": token, "username": "bench", "password": PASSWORD})
            while not self.stop.is_set():
                queue = client.get("/-/review?_size=1").text
                match_id = re.search(r'name="match_id" value="(\d+)"', queue).group(1)
                started = time.perf_counter()
                response = client.post("/checks/record_verdict", headers={"accept": "application/json"},
                                       data={"csrftoken": token, "match_id": match_id, "verdict": "unsure", "note": ""})
                self.timings.append(time.perf_counter() - started)
                if response.status_code == 200 and response.json()["ok"]:
                    self.ok += 1
                else:
                    self.failed.append(response.text[:200])
                time.sleep(0.2)


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def report(label, timings):
    for kind, values in sorted(timings.items()):
        print(f"  {label:<12} {kind:<24} n={len(values):<4} median {statistics.median(values) * 1000:7.1f} ms"
              f"   p95 {percentile(values, 0.95) * 1000:7.1f} ms", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=240, help="requests per reader count (split among readers)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (checks serve --workers)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"review-{args.claims}.db"
    build(path, args.claims)
    before = sqlite3.connect(path).execute("SELECT count(*) FROM reviews").fetchone()[0]

    server, url = start_server(path, args.workers)
    print(f"  checks serve --workers {args.workers}", flush=True)
    writer_name = ("checks.matching.match_claims" if importlib.util.find_spec("checks.matching")
                   else "a loop inserting 200 matches per transaction")
    # niced as a deployment should run batch work beside a site: readers get the CPU first
    writer_log = open(OUT / "bench_review_writer.log", "w")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=writer_log,
                              stderr=subprocess.STDOUT, preexec_fn=lambda: os.nice(10))
    reviewer = Reviewer(url)
    try:
        run_readers(url, path, 2, 8)  # warm up caches and the server
        reviewer.start()
        all_errors = []
        for readers in (1, 16):
            timings, errors = run_readers(url, path, readers, max(args.requests // readers, 4))
            all_errors += errors
            report(f"{readers} reader{'s' if readers > 1 else ''}", timings)
        for readers in (1, 16):
            timings, errors = run_readers(url, path, readers, max(args.requests // 4 // readers, 2),
                                          pages=table_search_urls)
            all_errors += errors
            report(f"{readers} reader{'s' if readers > 1 else ''}", timings)
    finally:
        reviewer.stop.set()
        reviewer.join()
        writer.terminate()
        writer.wait()
        server.terminate()
        server.wait()
    after = sqlite3.connect(path).execute("SELECT count(*) FROM reviews").fetchone()[0]
    matches = sqlite3.connect(path).execute("SELECT max(id) FROM matches").fetchone()[0]
    print(f"  reviewer: {reviewer.ok} verdicts recorded, {len(reviewer.failed)} refused; "
          f"stored {after - before} (lost {reviewer.ok - (after - before)}); "
          f"POST median {statistics.median(reviewer.timings or [0]) * 1000:.1f} ms, "
          f"p95 {percentile(reviewer.timings or [0], 0.95) * 1000:.1f} ms")
    print(f"  errors (non-200 or 'database is locked'): {len(all_errors)} {all_errors[:3]}")
    writer_log.close()
    print(f"  writer: {writer_name}; matches table now ends at id {matches:,}")
    print("  writer log:", (OUT / "bench_review_writer.log").read_text().strip()[-300:] or "(empty)")


if __name__ == "__main__":
    main()
