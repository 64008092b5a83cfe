"""Generate a synthetic archive of news claims for the matching benchmark.

Many quantities (what is counted × place × running total or one month) are
reported by many outlets, quoting a handful of monitors, over several years;
their figures drift over time and are written with hedges ("more than",
"about"). A Zipf-like popularity makes some quantities hot (a political-prisoner
count reported a hundred thousand times in the 1M archive). About a third of
the claims are one-off figures (hours of talks, tonnes of potash) that match
nothing. Sentences are written from templates, with synonyms for subjects, so
the matcher has to fold "protesters arrested" and "people detained".

    python benchmarks/synthetic_archive.py 100000 benchmarks/out/archive-100000.db
"""

import datetime
import hashlib
import random
import sys

from checks.database import open_database

SUBJECTS = [
    # (ways of writing it, unit, typical size)
    (["political prisoners", "political prisoners held", "political prisoners behind bars"], None, 800),
    (["people detained", "protesters arrested", "demonstrators detained", "people arrested"], None, 20000),
    (["people killed", "people dead", "deaths"], None, 300),
    (["journalists detained", "journalists arrested"], None, 40),
    (["political prisoners released", "political prisoners freed"], None, 60),
    (["women political prisoners"], None, 150),
    (["people injured", "people wounded"], None, 900),
    (["refugees", "people fled"], None, 50000),
    (["criminal cases opened"], None, 3000),
    (["lawyers disbarred"], None, 90),
    (["websites blocked"], None, 700),
    (["NGOs liquidated", "NGOs shut down"], None, 1200),
    (["students expelled"], None, 400),
    (["activists convicted"], None, 2500),
    (["teachers dismissed"], None, 600),
    (["media outlets labelled extremist"], None, 300),
    (["prison sentence"], "years", 6),
    (["fine"], "EUR", 5000),
    (["inflation"], "percent", 8),
    (["unemployment rate"], "percent", 5),
    (["hunger strikers"], None, 25),
    (["doctors detained"], None, 80),
    (["pardon requests"], None, 200),
    (["border crossings"], None, 9000),
]
PLACES = [
    "Belarus", "Russia", "Ukraine", "Poland", "Lithuania", "Latvia", "Estonia", "Georgia",
    "Armenia", "Azerbaijan", "Kazakhstan", "Moldova", "Iran", "Turkey", "Myanmar",
    "Venezuela", "Nicaragua", "Cuba", "Hungary", "Serbia", "Egypt", "Sudan", "China",
    "Tajikistan", "Uzbekistan",
]
MONITORS = [
    "Viasna", "Memorial", "OVD-Info", "Amnesty International", "Human Rights Watch",
    "the UN refugee agency", "the Committee to Protect Journalists", "the interior ministry",
    "the health ministry", "Reporters Without Borders", "the Helsinki Committee",
    "the statistics office", "the prosecutor's office", "Freedom House",
]
PUBLISHERS = [f"Outlet {i}" for i in range(80)]
ONE_OFF = [
    "hours of negotiations", "kilometres of border", "tonnes of potash", "flights cancelled",
    "buses", "pages", "delegates", "ministers", "days of talks", "euros in loans",
    "members of parliament", "cars", "stations", "trucks queued", "schools", "villages",
    "speeches", "tanks", "drones", "votes", "seats", "signatures", "volunteers", "meetings",
]
HEDGES = [("exact", "", 6), ("more_than", "more than ", 3), ("about", "about ", 2),
          ("more_than", "over ", 2), ("almost", "nearly ", 1), ("at_least", "at least ", 1)]
START = datetime.date(2019, 1, 1)
DAYS = 6 * 365


def _hedge(rng):
    total = sum(w for *_, w in HEDGES)
    pick = rng.uniform(0, total)
    for qualifier, text, weight in HEDGES:
        pick -= weight
        if pick <= 0:
            return qualifier, text
    return "exact", ""


def _round(value, rng):
    if value < 100:
        return max(1, round(value))
    digits = len(str(int(value)))
    keep = rng.choice([2, 3, digits])
    scale = 10 ** max(0, digits - keep)
    return int(round(value / scale) * scale)


def quantities(rng, n):
    "n quantity streams: (forms, unit, place, period, base, growth per year)."
    out = []
    for i in range(n):
        forms, unit, size = SUBJECTS[i % len(SUBJECTS)]
        place = PLACES[(i // len(SUBJECTS)) % len(PLACES)]
        period = "total" if (i // (len(SUBJECTS) * len(PLACES))) % 2 == 0 else "month"
        base = size * rng.uniform(0.3, 3)
        out.append((forms, unit, place, period, base, rng.uniform(-0.1, 0.8)))
    return out


def generate(path, n_claims, seed=1, first_document=0, start_day=0, days=DAYS):
    "Write n_claims synthetic claims (and their documents) into the database at path."
    rng = random.Random(seed)
    db = open_database(path)
    streams = quantities(rng, 2400)
    weights = [1 / (i + 1) ** 0.9 for i in range(len(streams))]
    created = "2025-01-01T00:00:00+00:00"
    doc_id = db.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0]
    claims, documents = [], []
    made = 0
    doc_no = first_document
    while made < n_claims:
        doc_no += 1
        doc_id += 1
        day = START + datetime.timedelta(days=start_day + rng.randrange(days))
        publisher = rng.choice(PUBLISHERS)
        home = rng.choice(PLACES)
        documents.append((doc_id, f"https://news.example/{seed}/{doc_no}", f"News from {home}",
                          publisher, day.isoformat(), created, None))
        for _ in range(min(rng.randint(1, 8), n_claims - made)):
            made += 1
            if rng.random() < 0.35:
                subject = rng.choice(ONE_OFF)
                value = rng.randint(2, 5000)
                quote = f"{value:,}"
                sentence = f"Officials mentioned {quote} {subject} during the visit."
                claims.append((doc_id, quote, value, value, value, "exact", None, subject,
                               None, None, sentence))
                continue
            forms, unit, place, period, base, growth = rng.choices(streams, weights)[0]
            years = (day - START).days / 365
            value = _round(base * (1 + growth) ** years * rng.uniform(0.97, 1.03), rng)
            qualifier, hedge = _hedge(rng)
            subject = rng.choice(forms)
            quote = f"{hedge}{value:,}"
            monitor = rng.choice(MONITORS) if rng.random() < 0.6 else None
            where = f" in {place}" if place != home or rng.random() < 0.5 else ""
            when = " this month" if period == "month" else rng.choice(["", " since 2020", " so far"])
            said = f", according to {monitor}" if monitor else ""
            if unit == "years":
                sentence = f"Courts{where} handed down a {value}-year {subject}{said}."
                quote = str(value)
            elif unit:
                sentence = f"The {subject}{where} reached {quote} {unit.lower()}{when}{said}."
            else:
                sentence = f"There are {quote} {subject}{where}{when}{said}."
            low, high = value, value
            if qualifier in ("more_than", "at_least"):
                high = None
            elif qualifier == "about":
                low = high = None
            elif qualifier == "almost":
                low = None
            claims.append((doc_id, quote, value, low, high, qualifier, unit, subject,
                           monitor, None, sentence))
        if len(claims) >= 20000:
            _flush(db, documents, claims, created)
            documents, claims = [], []
    _flush(db, documents, claims, created)
    db.close()


def _flush(db, documents, claims, created):
    rows = [
        c + ("extracted", created, hashlib.sha256(f"{c[0]}:{i}:{c[1]}".encode()).hexdigest()[:32])
        for i, c in enumerate(claims)
    ]
    with db.atomic():
        db.conn.executemany(
            "INSERT INTO documents (id, url, title, publisher, published, fetched_at, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", documents)
        db.conn.executemany(
            """INSERT INTO claims (document_id, quote, value, low, high, qualifier, unit, subject,
               attribution, as_of, sentence, origin, created_at, fingerprint)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)


if __name__ == "__main__":
    generate(sys.argv[2], int(sys.argv[1]))
