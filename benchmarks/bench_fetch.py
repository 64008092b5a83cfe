"""Fetch and extract N news pages (50-100 KB of HTML each) from a local server.

Writes the pages to benchmarks/out/fetch-pages/, serves them with the standard
library's threading HTTP server in a separate process on 127.0.0.1, then, for
each pool size, runs a fresh process that fetches every page with
checks.reports.Fetcher and turns it into article text and metadata
(reports.page_from_response → pages.parse_html). Prints pages per second, the
share of time spent fetching only, and the peak resident memory of that
process.

    python benchmarks/bench_fetch.py                  # 1,000 pages, pools 1 4 16 32
    python benchmarks/bench_fetch.py --pages 100 --pools 1 4
"""

import argparse
import json
import pathlib
import random
import resource
import socket
import subprocess
import sys
import time

OUT = pathlib.Path(__file__).parent / "out" / "fetch-pages"

WORDS = (
    "officials monitors reported detained released court hearing regional centre "
    "observers counted protesters prisoners sentence appeal statement ministry police "
    "city district week month since election figures organisation says according"
).split()


def paragraph(rng):
    n = rng.randint(25, 60)
    words = [rng.choice(WORDS) for _ in range(n)]
    words.insert(rng.randint(0, n), f"{rng.randint(2, 40) * 1000:,}")
    words.insert(rng.randint(0, n), rng.choice(["more than", "about", "at least", "nearly"]))
    return " ".join(words).capitalize() + "."


def make_page(i, rng, target):
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Report {i} on detentions | Bench Gazette</title>",
        "<meta property='og:site_name' content='Bench Gazette'>",
        f"<meta property='article:published_time' content='2021-0{1 + i % 9}-1{i % 10}T08:00:00Z'>",
        f"<link rel='canonical' href='https://gazette.example/news/{i}'>",
        "<style>" + ".c{margin:0 auto;padding:4px}" * 150 + "</style>",
        "<script>window.__config=" + json.dumps({"slots": [f"ad-{k}" for k in range(400)]}) + "</script>",
        "</head><body><header><nav><ul>",
        "".join(f"<li><a href='/s/{k}'>Section {k}</a></li>" for k in range(40)),
        "</ul></nav></header>",
        "<div class='donate-box'><h3>Keep our reporting free</h3><p>Readers like you pay "
        "for our correspondents. Give what you can today.</p><a href='/donate'>Donate</a></div>",
        f"<main><article><h1>Report {i} on detentions</h1>",
    ]
    parts += [f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(8, 20))]
    parts.append("</article><section class='comments'><p>Log in to leave a comment.</p></section>")
    k = 0
    while sum(map(len, parts)) < target:
        parts.append(
            f"<div class='teaser'><a href='/story/{i}-{k}'><img src='/i/{k}.jpg' alt=''>"
            f"<span>{' '.join(rng.choice(WORDS) for _ in range(10))}</span></a>"
            f"<p>{' '.join(rng.choice(WORDS) for _ in range(20))}</p></div>"
        )
        k += 1
    parts.append("</main><footer><p>© Bench Gazette</p></footer></body></html>")
    return "".join(parts)


def write_pages(n):
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(42)
    sizes = []
    for i in range(n):
        path = OUT / f"{i}.html"
        page = make_page(i, rng, rng.randint(50_000, 100_000))
        path.write_text(page, encoding="utf-8")
        sizes.append(len(page.encode()))
    return sizes


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_pool(base, n, pool, extract):
    "Runs in a fresh process: fetch (and extract) every page; prints JSON."
    from checks.reports import FetchOptions, Fetcher, page_from_response

    def work(url):
        response = fetcher.fetch(url)
        return page_from_response(response) if extract else response

    urls = [f"{base}/{i}.html" for i in range(n)]
    options = FetchOptions(concurrency=pool, host_delay=0, robots=False, timeout=30)
    started = time.perf_counter()
    with Fetcher(options=options) as fetcher:
        results = list(fetcher.map(work, urls))
    seconds = time.perf_counter() - started
    errors = [str(e) for _, _, e in results if e is not None]
    words = sum(len(r.text.split()) for _, r, e in results if e is None and extract)
    print(json.dumps({
        "seconds": seconds, "errors": len(errors), "first_error": errors[:1], "words": words,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def measure(base, n, pool, extract):
    out = subprocess.run(
        [sys.executable, __file__, "--child", base, "--pages", str(n), "--pools", str(pool)]
        + ([] if extract else ["--fetch-only"]),
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--pools", type=int, nargs="+", default=[1, 4, 16, 32])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--fetch-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return run_pool(args.child, args.pages, args.pools[0], not args.fetch_only)

    sizes = write_pages(args.pages)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(OUT)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        print(f"{args.pages} pages, {sum(sizes) / len(sizes) / 1000:.0f} KB average "
              f"({min(sizes) / 1000:.0f}-{max(sizes) / 1000:.0f} KB), served by http.server on 127.0.0.1")
        print(f"{'pool':>5} {'fetch+extract p/s':>18} {'fetch-only p/s':>15} {'peak RSS MB':>12} {'errors':>7}")
        for pool in args.pools:
            fetch_only = measure(base, args.pages, pool, extract=False)
            full = measure(base, args.pages, pool, extract=True)
            print(f"{pool:>5} {args.pages / full['seconds']:>18.1f} "
                  f"{args.pages / fetch_only['seconds']:>15.1f} {full['peak_rss_mb']:>12.0f} "
                  f"{full['errors'] + fetch_only['errors']:>7}")
            if full["first_error"]:
                print("   first error:", full["first_error"][0])
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
