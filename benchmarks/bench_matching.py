"""How matching grows with the archive: time and peak memory of `match_claims`
on synthetic archives of several sizes, then adding 1,000 new claims to the
largest one and matching only those.

    python benchmarks/bench_matching.py                      # 10k, 20k, 100k
    python benchmarks/bench_matching.py --sizes 1000000      # the 1M case (slow to generate)
    python benchmarks/bench_matching.py --sizes 100000 --only-add   # just +1,000 to 100k

Archives are generated once into benchmarks/out/ (see synthetic_archive.py) and
copied before each run, so every run starts from unmatched claims. Each match
runs in a fresh process so its peak RSS is its own; a big run forks worker
processes (matching.WORKERS), so the peak of the RSS of that process and its
workers summed (sampled every 0.1 s) is shown too. Pages a worker shares with
its parent after the fork count twice there: the sum is an upper bound. With
--pss the peak of their summed PSS (proportional set size), which counts each page
once, follows in brackets: the memory the run takes (reading it costs the run
about 5% CPU, so time the runs without it). "CPU"
is the user + system time of the run and its workers (opening the database
included): on a loaded machine it says what the run would take alone.
The new claims are dated in the archive's last month, as new reports are. The
machine's load average is shown with each run: on a shared machine it says how
much of the two cores the run had.
"""

import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "out"

CHILD = """
import json, os, resource, sys, threading, time
sys.path.insert(0, sys.argv[2])  # this directory, for rss.py
import rss
from checks.database import open_database
from checks.matching import match_claims

peak, done = [0, 0] if sys.argv[3] == "pss" else [0], threading.Event()
threading.Thread(target=rss.watch, args=(os.getpid(), peak, done), daemon=True).start()
db = open_database(sys.argv[1])
started = time.perf_counter()
stats = match_claims(db)
seconds = time.perf_counter() - started
done.set()
cpu = sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                           resource.getrusage(resource.RUSAGE_CHILDREN)))
db.close()
print(json.dumps(dict(seconds=seconds, cpu=cpu, claims=stats.claims_matched, pairs=stats.pairs_added,
                      peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      tree_rss_mb=peak[0] / 1024,
                      tree_pss_mb=peak[1] / 1024 if len(peak) > 1 else None)))
"""


def archive(size):
    "The generated archive of this many claims (generated on first use)."
    sys.path.insert(0, str(HERE))
    from synthetic_archive import generate

    path = OUT / f"archive-{size}.db"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        started = time.perf_counter()
        generate(path.with_suffix(".part"), size)
        for suffix in ("-wal", "-shm"):
            pathlib.Path(str(path.with_suffix(".part")) + suffix).unlink(missing_ok=True)
        path.with_suffix(".part").rename(path)
        print(f"  generated {size:,} claims in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return path


def run_match(path, pss=False):
    result = subprocess.run([sys.executable, "-c", CHILD, str(path), str(HERE), "pss" if pss else "rss"],
                            capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"matching {path} failed:\n{result.stderr}")
    return dict(json.loads(result.stdout), load=" ".join(f"{x:.1f}" for x in os.getloadavg()))


def report(label, r):
    rate = r["claims"] / r["seconds"] if r["seconds"] else 0
    print(f"{label:<28} {r['claims']:>9,} claims  {r['pairs']:>10,} pairs  "
          f"{r['seconds']:>8.1f} s  {r['cpu']:>8.1f} s CPU  {rate:>8,.0f} claims/s  {r['peak_rss_mb']:>7.0f} MB peak RSS"
          f"  {r['tree_rss_mb']:>7.0f} MB with workers"
          + (f" ({r['tree_pss_mb']:.0f} MB PSS)" if r.get("tree_pss_mb") is not None else "")
          + f"  load {r['load']}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,20000,100000",
                        help="comma-separated archive sizes (claims)")
    parser.add_argument("--add", type=int, default=1000,
                        help="new claims added to the largest archive and matched alone")
    parser.add_argument("--pss", action="store_true",
                        help="also measure the summed PSS of the run and its workers (costs some CPU)")
    parser.add_argument("--only-add", action="store_true",
                        help="match the largest archive without timing it, then time only the new claims")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = OUT / "work.db"
    for size in sizes:
        for suffix in ("-wal", "-shm"):  # a stale log would be replayed into the copy
            pathlib.Path(str(work) + suffix).unlink(missing_ok=True)
        shutil.copy(archive(size), work)
        if args.only_add and size != sizes[-1]:
            continue
        result = run_match(work, args.pss)
        if not args.only_add:
            report(f"match {size:,} new", result)
    if args.add:
        sys.path.insert(0, str(HERE))
        from synthetic_archive import DAYS, generate

        generate(work, args.add, seed=2, first_document=10**7, start_day=DAYS - 30, days=30)
        report(f"+{args.add:,} to {sizes[-1]:,}", run_match(work, args.pss))
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(str(work) + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
