"""Benchmark `checks import` against `sqlite-utils insert` on the same CSV.

Generates a CSV of claim rows (value given, about five claims per source URL),
then in one run times, at two file sizes:

- `checks import FILE --db … --silent` (all validation on, documents, claims, FTS;
  the extractor reads every sentence for the quote)
- the same with `--no-extract` (all validation on, figures taken from the row)
- `sqlite-utils insert DB plain FILE --csv` (a plain table, no validation)

and prints rows per second (wall clock, and per CPU second of the child: the
machine may be shared) and the peak memory (max RSS) of each child process,
measured with os.wait4. Memory should stay flat as the file grows.

The extractor costs far more per row than the rest of the import, so the
default `checks import` (extractor on) runs on the small file only, unless
`--all` is given.

    python benchmarks/bench_import.py              # 200,000 and 1,000,000 rows
    python benchmarks/bench_import.py --rows 50000
"""

import argparse
import csv
import os
import pathlib
import random
import shutil
import subprocess
import sys
import time

OUT = pathlib.Path(__file__).resolve().parent / "out"
BIN = pathlib.Path(sys.executable).parent

PUBLISHERS = ["Daily Ledger", "Northern Wire", "Civic Monitor", "Evening Post", "Radio Plains"]
MONITORS = ["Viasna", "the interior ministry", "a rights group", "local volunteers", "the UN office"]
SUBJECTS = [
    ("people", "were detained during the protests", "protesters detained"),
    ("political prisoners", "were held at the end of the month", "political prisoners"),
    ("journalists", "were questioned by police", "journalists questioned"),
    ("people", "were injured in the clashes", "people injured"),
    ("students", "were expelled from universities", "students expelled"),
]
HEDGES = [
    ("", "exact"), ("more than ", "more_than"), ("at least ", "at_least"),
    ("about ", "about"), ("nearly ", "almost"), ("up to ", "up_to"),
]


def generate(path, rows, seed=2020):
    "Write a CSV of `rows` claims, about five per source URL."
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(
            ["claim", "source_url", "published", "publisher", "title", "value",
             "qualifier", "subject", "attribution"]
        )
        doc = 0
        for i in range(rows):
            if i % 5 == 0:
                doc += 1
                publisher = rng.choice(PUBLISHERS)
                published = f"202{rng.randint(0, 4)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                url = f"https://news.example/{publisher.split()[0].lower()}/{doc}"
                title = f"Report {doc}: the count goes on"
            noun, verb, subject = rng.choice(SUBJECTS)
            hedge, qualifier = rng.choice(HEDGES)
            value = rng.randint(3, 60_000)
            monitor = rng.choice(MONITORS)
            claim = f"{hedge.capitalize()}{value:,} {noun} {verb}, according to {monitor}."
            writer.writerow(
                [claim, url, published, publisher, title, value, qualifier, subject, monitor]
            )


def run(argv):
    "Run a command, returning (seconds, CPU seconds, peak RSS in MB) of that child process."
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, argv))} failed: {proc.stderr.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in the large file")
    parser.add_argument("--small", type=int, help="rows in the small file (default rows/5)")
    parser.add_argument("--all", action="store_true", help="run the extractor on the large file too")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()
    small = args.small or max(args.rows // 5, 1)
    work = OUT / "import"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    print(f"{'tool':<14} {'rows':>9} {'MB':>5} {'seconds':>8} {'rows/s':>7} {'CPU s':>7} {'rows/CPU s':>10} {'peak RSS MB':>11}")
    for rows in (small, args.rows):
        csv_path = work / f"claims-{rows}.csv"
        generate(csv_path, rows)
        size = csv_path.stat().st_size / 1e6
        checks = [BIN / "checks", "import", csv_path, "--silent", "--db"]
        runs = {
            "checks import": checks + [work / f"checks-{rows}.db"],
            "  --no-extract": checks + [work / f"fast-{rows}.db", "--no-extract"],
            "sqlite-utils": [BIN / "sqlite-utils", "insert", work / f"plain-{rows}.db", "plain", csv_path, "--csv"],
        }
        if rows != small and not args.all:
            del runs["checks import"]
        for tool, argv in runs.items():
            seconds, cpu, rss = run(argv)
            print(
                f"{tool:<14} {rows:>9,} {size:>5.0f} {seconds:>8.1f} {rows / seconds:>7,.0f} "
                f"{cpu:>7.1f} {rows / cpu:>10,.0f} {rss:>11.0f}",
                flush=True,
            )
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
