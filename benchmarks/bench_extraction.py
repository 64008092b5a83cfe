"""Benchmark claim extraction: throughput beside quantulum3, and the memory of
`checks extract` streaming a large file.

1. Generates news-like text from templates (figures with hedges, dates, years,
   identifiers, attributions, and sentences with no figure: about 4 figures per
   1,000 characters, a little denser than the seed article's 2.5) and times
   ``checks.extraction.extract_claims`` on it, then quantulum3's ``parser.parse``
   on a slice of the same text in the same run (quantulum3 is far slower, so it
   gets a smaller slice; both are reported in characters per second, each the best
   of --repeat runs taken in turns, so that a busy shared machine slows both alike).
   The speed-up over quantulum3 is given for one core, and for checks reading the
   same text with --jobs processes (as `checks extract --jobs` does) beside
   quantulum3 on one core: two cores only help when the machine has them free.
2. Writes a large file of the same text and runs `checks extract FILE` in a child
   process, reporting wall time, throughput and the child's peak RSS (os.wait4),
   beside the peak RSS on a file a tenth the size: flat memory means the two match.

    python benchmarks/bench_extraction.py                 # 4 MB text, 100 MB file
    python benchmarks/bench_extraction.py --mb 1 --file-mb 10 --file-jobs 1
"""

import argparse
import io
import os
import pathlib
import random
import subprocess
import sys
import threading
import time

import rss

OUT = pathlib.Path(__file__).resolve().parent / "out"
CHECKS = pathlib.Path(sys.executable).parent / "checks"

SOURCES = ["Viasna", "the interior ministry", "OVD-Info", "the Belarusian Helsinki Committee",
           "police", "the UN human rights office"]
HEDGES = ["", "more than ", "at least ", "about ", "nearly ", "up to ", "some ", "over ",
          "almost ", "roughly "]
SUBJECTS = ["protesters were detained", "political prisoners remain in custody",
            "journalists were arrested", "people were injured", "activists were fined",
            "people fled the country"]
MONTHS = ["January", "March", "May", "August", "October", "December"]
TEMPLATES = [
    "According to {source}, {hedge}{n:,} {subject} as of {day} {month} {year}.",
    "{Hedge}{n:,} {subject} since the election in {year}, {source} said on Monday.",
    "The court, sitting under Article {art}-{part}, heard that {words} {subject}.",
    "Between {lo} and {hi} {subject} on {day} {month}, and {vague} more were questioned.",
    "Officials put the cost at ${bn}bn, or {pct}% of the budget, in {month} {year}.",
    "The {ordinal} round of talks lasted {words} hours; flight FR{flight} was diverted at 10:{mm}.",
    "Witnesses described the scene outside the building on Tuesday afternoon as calm but tense.",
    "Since {year} the opposition has been in exile, and the ruler is now in his {ordinal} term.",
]
# Most sentences in news carry no figure: the seed article has about 2.5 per 1,000 characters.
FILLER = [
    "Witnesses said riot police moved in shortly after the crowd reached the square near the station.",
    "The foreign ministry summoned the ambassador and handed him a formal note of protest.",
    "Her lawyer told reporters that the charges were politically motivated and would be appealed.",
    "Opposition leaders in exile called on European governments to widen the sanctions list.",
    "State television described the demonstrators as paid provocateurs acting on foreign orders.",
    "The government has repeatedly denied that detainees were mistreated while in custody.",
    "Independent media outlets have been blocked, and several editors have left the country.",
    "Analysts expect the pressure on civil society to continue until after the next vote.",
]
WORDS = ["two", "three", "five", "seven", "eleven", "twenty", "a dozen"]
VAGUE = ["dozens", "hundreds", "thousands", "tens of thousands"]
ORDINALS = ["second", "third", "fifth", "sixth"]


def news_text(chars, seed=7):
    "News-like paragraphs in our own words, about ``chars`` characters long."
    rng = random.Random(seed)
    parts, size = [], 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            if rng.random() < 0.7:
                sentences.append(rng.choice(FILLER))
                continue
            hedge = rng.choice(HEDGES)
            sentence = rng.choice(TEMPLATES).format(
                source=rng.choice(SOURCES), hedge=hedge, Hedge=hedge.capitalize(),
                n=rng.randint(2, 60000), subject=rng.choice(SUBJECTS), day=rng.randint(1, 28),
                month=rng.choice(MONTHS), year=rng.randint(2015, 2025), art=rng.randint(100, 400),
                part=rng.randint(1, 4), words=rng.choice(WORDS), lo=rng.randint(5, 50),
                hi=rng.randint(60, 500), vague=rng.choice(VAGUE), bn=rng.randint(1, 9),
                pct=rng.randint(1, 99), ordinal=rng.choice(ORDINALS),
                flight=rng.randint(1000, 9999), mm=rng.randint(10, 59),
            )
            sentences.append(sentence[0].upper() + sentence[1:])
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        size += len(paragraph)
    return "".join(parts)[:chars]


def bench_throughput(text, quantulum_chars, repeat=3, jobs=2):
    """Characters per second of checks and of quantulum3 on the same text, each the
    best of ``repeat`` runs, taken in turns so that load from other processes on a
    shared machine falls on both alike; and of checks with ``jobs`` processes."""
    from checks.extraction import extract_claims, iter_claims

    extract_claims(text[:10_000], "en")  # compile the patterns once, outside the timing
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        parser = None
    sample = text[:quantulum_chars]
    if parser is not None:
        parser.parse(sample[:2_000])  # load its models outside the timing
    ours = theirs = parallel = None
    for _ in range(repeat):
        started = time.perf_counter()
        claims = extract_claims(text, "en")
        elapsed = time.perf_counter() - started
        ours = max(ours or 0, len(text) / elapsed)
        if jobs > 1:  # read as `checks extract --jobs` reads a file: 64 KB at a time
            started = time.perf_counter()
            streamed = sum(1 for _ in iter_claims(io.StringIO(text), "en", jobs=jobs))
            parallel = max(parallel or 0, len(text) / (time.perf_counter() - started))
        if parser is None:
            continue
        started = time.perf_counter()
        quantities = 0
        for paragraph in sample.split("\n\n"):
            try:
                quantities += len(parser.parse(paragraph))
            except Exception:  # it raises on some inputs; count it as no quantities
                pass
        theirs = max(theirs or 0, len(sample) / (time.perf_counter() - started))
    print(f"checks     {len(text):>11,} chars  {len(claims):>8,} claims  {len(text) / ours:7.2f} s  "
          f"{ours:>12,.0f} chars/s  ({1000 * len(claims) / len(text):.1f} figures per 1,000 chars)")
    if parallel:
        print(f"checks -j{jobs}  {len(text):>11,} chars  {streamed:>8,} claims  "
              f"{len(text) / parallel:7.2f} s  {parallel:>12,.0f} chars/s  ({jobs} processes)")
    if parser is None:
        print("quantulum3 not installed (pip install -e '.[bench]'): skipped")
        return
    print(f"quantulum3 {len(sample):>11,} chars  {quantities:>8,} found   {len(sample) / theirs:7.2f} s  "
          f"{theirs:>12,.0f} chars/s")
    print(f"speed-up: {ours / theirs:.0f}x on one core  (best of {repeat} runs each, taken in turns)")
    if parallel:
        print(f"speed-up with {jobs} processes: {parallel / theirs:.0f}x  (quantulum3 on one core)")


def run_extract(path, jobs=1):
    """Wall seconds, claims printed, peak RSS (MB) of its largest process (the kernel
    reports a child's peak with its reaped children's) and the peak of all its processes'
    RSS summed (an upper bound: pages a worker shares with its parent count twice), of
    `checks extract --jobs JOBS PATH`."""
    started = time.perf_counter()
    child = subprocess.Popen([str(CHECKS), "extract", "--jobs", str(jobs), str(path)],
                             stdout=subprocess.PIPE)
    peak, done = [0], threading.Event()
    watcher = threading.Thread(target=rss.watch, args=(child.pid, peak, done), daemon=True)
    watcher.start()
    lines = 0
    for block in iter(lambda: child.stdout.read(1 << 20), b""):
        lines += block.count(b"\n")
    done.set()
    watcher.join()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"checks extract failed on {path} (status {status})")
    return elapsed, lines, usage.ru_maxrss / 1024, peak[0] / 1024


def bench_memory(file_mb, jobs=1):
    OUT.mkdir(exist_ok=True)
    paragraph_text = news_text(2_000_000, seed=11)
    results = []
    for mb in (max(1, file_mb // 10), file_mb):
        path = OUT / f"news-{mb}mb.txt"
        if not path.exists() or path.stat().st_size < mb * 1_000_000:
            with path.open("w", encoding="utf-8") as f:
                written = 0
                while written < mb * 1_000_000:
                    f.write(paragraph_text)
                    written += len(paragraph_text.encode("utf-8"))
        elapsed, claims, rss, total = run_extract(path, jobs)
        size = path.stat().st_size
        results.append((rss, total))
        print(f"checks extract -j{jobs} {size / 1e6:7.1f} MB  {claims:>10,} claims  {elapsed:7.1f} s  "
              f"{size / elapsed / 1e6:5.2f} MB/s  peak RSS {rss:6.1f} MB (all processes {total:6.1f} MB)")
    print(f"peak RSS ratio (large / small file): {results[1][0] / results[0][0]:.2f} "
          f"(all processes {results[1][1] / max(results[0][1], 1):.2f})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=4, help="size of the throughput text, MB")
    ap.add_argument("--quantulum-kb", type=int, default=200, help="text given to quantulum3, KB")
    ap.add_argument("--file-mb", type=int, default=100, help="size of the streamed file, MB")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each parser; the best counts")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the parallel throughput line")
    ap.add_argument("--file-jobs", type=int, default=0, help="--jobs of `checks extract` on the file "
                    "(0, its default: one per core)")
    ap.add_argument("--skip-memory", action="store_true", help="only measure throughput")
    args = ap.parse_args()
    text = news_text(int(args.mb * 1_000_000))
    bench_throughput(text, args.quantulum_kb * 1000, args.repeat, args.jobs)
    if not args.skip_memory:
        bench_memory(args.file_mb, args.file_jobs)


if __name__ == "__main__":
    main()
