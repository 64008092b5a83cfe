"""Generate a synthetic archive of news claims for the matching benchmark.

The archive is made of *quantities*: what is counted (40 subjects, several ways
of writing each) × where (25 countries) × running total or one month. Each
quantity is reported over six years by outlets (200 publishers), quoting the one
to three monitors that count it there, each monitor with its own bias; the
figure drifts over time and is written with hedges ("more than", "about"). A
Zipf-like popularity makes some quantities hot (a political-prisoner count is
reported tens of thousands of times in the 1M archive) and most of them quiet.
Sentences are written from templates, with synonyms for subjects, so the matcher
has to fold "protesters arrested" and "people detained".

About a third of the claims are one-off figures that measure nothing reported
elsewhere (hours of talks in one town, tonnes of grain in one port): their
subjects are drawn from about 70,000 three-word combinations, so, as in real
news, they seldom meet another claim of the same quantity. (An earlier version
drew them from 24 fixed subjects: at 1M claims each of those "one-offs" was
written 15,000 times, and linking them made up about half the pairs.)

The quantities are the same whatever the seed (they come from a fixed one):
claims generated later with another seed (the benchmark's "+1,000 new claims",
dated in the archive's last month) report the same quantities.

    python benchmarks/synthetic_archive.py 100000 benchmarks/out/archive-100000.db
"""

import datetime
import hashlib
import itertools
import random
import sys

from checks.database import open_database

SUBJECTS = [
    # (ways of writing it, unit, typical size, also counted per month)
    (["political prisoners", "political prisoners held", "political prisoners behind bars"], None, 800, False),
    (["people detained", "protesters arrested", "demonstrators detained", "people arrested"], None, 20000, True),
    (["people killed", "people dead", "deaths"], None, 300, True),
    (["journalists detained", "journalists arrested"], None, 40, True),
    (["political prisoners released", "political prisoners freed"], None, 60, False),
    (["women political prisoners"], None, 150, False),
    (["people injured", "people wounded"], None, 900, True),
    (["refugees", "people fled"], None, 50000, False),
    (["criminal cases opened"], None, 3000, True),
    (["lawyers disbarred"], None, 90, False),
    (["websites blocked"], None, 700, False),
    (["NGOs liquidated", "NGOs shut down"], None, 1200, False),
    (["students expelled"], None, 400, False),
    (["activists convicted"], None, 2500, False),
    (["teachers dismissed"], None, 600, False),
    (["media outlets labelled extremist"], None, 300, False),
    (["prison sentence"], "years", 6, False),
    (["fine"], "EUR", 5000, False),
    (["inflation"], "percent", 8, False),
    (["unemployment rate"], "percent", 5, False),
    (["hunger strikers"], None, 25, False),
    (["doctors detained"], None, 80, False),
    (["pardon requests"], None, 200, False),
    (["border crossings"], None, 9000, True),
    (["searches of homes", "homes searched"], None, 1500, True),
    (["people sentenced to death"], None, 12, False),
    (["bloggers jailed"], None, 30, False),
    (["soldiers killed"], None, 4000, True),
    (["civilians killed"], None, 2000, True),
    (["children killed"], None, 300, False),
    (["asylum seekers"], None, 15000, False),
    (["internally displaced people"], None, 80000, False),
    (["people missing", "missing people"], None, 700, False),
    (["migrants at the border"], None, 3000, False),
    (["opposition candidates barred"], None, 20, False),
    (["foreigners deported"], None, 500, True),
    (["military spending"], "percent", 3, False),
    (["turnout"], "percent", 60, False),
    (["gas price"], "EUR", 40, False),
    (["wage arrears"], "EUR", 200000, False),
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
    "the statistics office", "the prosecutor's office", "Freedom House", "the central bank",
    "the election commission", "the border guard", "the Red Cross", "the ombudsman",
    "the defence ministry",
]
PUBLISHERS = [f"Outlet {i}" for i in range(200)]
# One-off figures: an adjective, a thing and what was done with it.
ONE_OFF_ADJECTIVES = """wooden rusty golden silver ancient modern rural coastal northern southern
    eastern western frozen flooded abandoned restored rented leased private municipal
    electric diesel solar organic imported exported seasonal wholesale retail heavy light
    narrow broad historic temporary permanent spare surplus damaged unused reserve""".split()
ONE_OFF_THINGS = """bridges tractors trams ferries warehouses orchards vineyards bakeries
    libraries museums stadiums harbours lighthouses greenhouses mills quarries pipelines
    turbines reservoirs canals tunnels kiosks markets theatres cinemas parks gardens
    fountains monuments chapels barns silos cranes barges wagons lorries generators pumps
    boilers antennas satellites printers servers laptops pianos violins paintings statues
    carpets tapestries manuscripts coins stamps bicycles scooters kayaks tents blankets
    lanterns""".split()
ONE_OFF_DONE = """inspected repaired painted auctioned donated catalogued insured
    renovated dismantled relocated certified licensed leased bought sold rebuilt
    measured photographed surveyed restored cleaned registered stored delivered
    upgraded tested weighed counted shipped assembled""".split()
HEDGES = [("exact", "", 6), ("more_than", "more than ", 3), ("about", "about ", 2),
          ("more_than", "over ", 2), ("almost", "nearly ", 1), ("at_least", "at least ", 1)]
START = datetime.date(2019, 1, 1)
DAYS = 6 * 365
QUANTITY_SEED = 0


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


def quantities():
    """Every quantity once, in a fixed random order: (forms, unit, place, period,
    base, growth per year, monitors as (name, bias))."""
    rng = random.Random(QUANTITY_SEED)
    out = []
    for forms, unit, size, monthly in SUBJECTS:
        for place in PLACES:
            for period in ("total", "month") if monthly else ("total",):
                base = size * rng.uniform(0.3, 3) * (0.1 if period == "month" else 1)
                monitors = [(name, rng.uniform(0.95, 1.05))
                            for name in rng.sample(MONITORS, rng.randint(1, 3))]
                out.append((forms, unit, place, period, base, rng.uniform(-0.1, 0.8), monitors))
    rng.shuffle(out)
    return out


def generate(path, n_claims, seed=1, first_document=0, start_day=0, days=DAYS):
    """Write n_claims synthetic claims (and their documents) into the database at
    path, published between START + start_day and ``days`` later."""
    rng = random.Random(seed)
    db = open_database(path)
    streams = quantities()
    weights = list(itertools.accumulate(1 / (i + 1) ** 0.9 for i in range(len(streams))))
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
                claims.append(_one_off(rng, doc_id))
                continue
            claims.append(_reported(rng, doc_id, day, home, rng.choices(streams, cum_weights=weights)[0]))
        if len(claims) >= 20000:
            _flush(db, documents, claims, created)
            documents, claims = [], []
    _flush(db, documents, claims, created)
    db.close()


def _one_off(rng, doc_id):
    "A figure nobody else reports: 412 rusty tractors inspected."
    subject = f"{rng.choice(ONE_OFF_ADJECTIVES)} {rng.choice(ONE_OFF_THINGS)} {rng.choice(ONE_OFF_DONE)}"
    value = rng.randint(2, 5000)
    quote = f"{value:,}"
    sentence = f"Officials said {quote} {subject} during the visit."
    return (doc_id, quote, value, value, value, "exact", None, subject, None, None, sentence)


def _reported(rng, doc_id, day, home, stream):
    "A claim about one quantity, its figure as the monitor quoted had it that day."
    forms, unit, place, period, base, growth, monitors = stream
    monitor, bias = rng.choice(monitors)
    years = (day - START).days / 365
    value = _round(base * (1 + growth) ** years * bias * rng.uniform(0.98, 1.02), rng)
    qualifier, hedge = _hedge(rng)
    subject = rng.choice(forms)
    quote = f"{hedge}{value:,}"
    said = f", according to {monitor}" if rng.random() < 0.6 else ""
    where = f" in {place}" if place != home or rng.random() < 0.5 else ""
    when = " this month" if period == "month" else rng.choice(["", " since 2020", " so far"])
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
    return (doc_id, quote, value, low, high, qualifier, unit, subject,
            monitor if said else None, None, sentence)


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
