"""Relating claims across documents: same quantity? corroborates, updates or
contradicts?

Two claims measure the same quantity when what they count (their subjects,
lemmatised and folded through the synonym lexicon in ``lexicon.py``), their
place, their period kind (running total or one interval) and their unit agree.
The relation then follows from their figures read as intervals and their dates:

* same period (at most ``SAME_PERIOD_DAYS`` apart) and overlapping intervals →
  corroborates; same period, intervals that cannot both hold → contradicts;
* another period and a different figure → updates (the earlier claim is
  ``claim_id``); another period and the same figure → corroborates: the later
  report confirms the figure still holds, and nothing changed that a reader
  would call an update.

Scale: claims are never compared all-against-all. Each claim's reading (keys,
interval, date) is kept in ``_claim_keys``; distinct subject keys are compared
with rapidfuzz inside blocks of shared words; a small quantity links every pair
and a big one links each claim only with its nearest neighbours in time (see
``SMALL_QUANTITY``, ``NEAREST_PER_SIDE``), so a subject with 100,000 claims costs
what its nearest neighbours cost. A big run reads and pairs claims in WORKERS
forked processes, each given whole (unit, subject key) groups; the parent
writes the pairs in a few large transactions (see ``_store``).
"""

import bisect
import calendar
import contextlib
import dataclasses
import datetime
import functools
import gc
import itertools
import json
import math
import multiprocessing
import multiprocessing.connection
import operator
import os
import re
import signal
import sqlite3
import time
import traceback
import typing
import urllib.parse

from rapidfuzz import fuzz, process

from . import lexicon
from .database import now
from .errors import InputError

MATCHER_VERSION = "35"

DEFAULT_THRESHOLD = 85.0   # lowest score for a suggested pair, 0-100
CONTEXT_MIN_SUBJECT = 95.0  # subject score needed when a subject came from context words
SAME_PERIOD_DAYS = 60       # claims at most this far apart describe the same period
ABOUT_TOLERANCE = 0.15      # "about 1,400" reads as 1,190-1,610
ROUNDING_CAP = 0.10         # a round figure's tolerance is at most 10% of it
MAX_RATIO_SAME_PERIOD = 3.0   # larger gaps at the same time are different quantities
MAX_RATIO_OTHER_PERIOD = 10.0
MAX_RATIO_OWN_GROWTH = 30.0  # one source's running total may grow this much
FAST_GROWTH_DAYS = 14       # (any count within this many days; a toll at any time)
TOLL_GROWTH_DAYS = 120      # and anyone's running toll since unrest began, for this many days
RATIO_FLOOR = 20            # small counts (1 → 4 dead) may differ by any ratio
INTERVAL_SAME_DAYS = 4      # figures for one day/week/month: the same interval only this close
SMALL_QUANTITY = 32         # up to this many claims of a quantity: every pair is linked
NEAREST_PER_SIDE = 6        # bigger ones: this many neighbours before and after each claim,
PER_SOURCE_PER_SIDE = 2     # at most this many from one source,
SCAN_PER_LIST = 32          # looking at no more than this many each side in each block
BATCH_SIZE = 500            # targets paired and sent (then stored) together: small, so little is
                            # left to store when the worker processes finish (committed in groups: _store)
PLACE_UNKNOWN_PENALTY = 5.0   # per side whose place is unknown
SAME_SOURCE_BONUS = 5.0
UNDATED_DISTANCE = 10 ** 7    # how far in time an undated claim ranks among candidates
SUBSET_SCORE = 90.0         # one subject's words all in the other's, plus non-slice words
TIME_UNITS = frozenset({"years", "months", "weeks", "days", "hours", "minutes"})


@dataclasses.dataclass
class Match:
    "A suggested pair: ``claim_id`` is the earlier claim, ``later_claim_id`` the later."
    claim_id: int
    later_claim_id: int
    score: float
    relation: str
    explanation: str
    subject_score: float
    place_score: float
    attribution_score: float | None
    days_apart: int | None
    change: float | None
    components: dict

    def row(self, created_at=None):
        "The ``matches`` row for this pair."
        data = {f.name: getattr(self, f.name) for f in _MATCH_FIELDS}
        data["components"] = json.dumps(self.components, separators=(",", ":"))
        data["created_at"] = created_at or now()
        data["matcher_version"] = MATCHER_VERSION
        return data


_MATCH_FIELDS = dataclasses.fields(Match)


@dataclasses.dataclass
class MatchStats:
    claims_matched: int = 0  # claims matched in this run
    pairs_added: int = 0     # new pairs stored
    corroborates: int = 0
    updates: int = 0
    contradicts: int = 0
    seconds: float = 0.0

    def summary(self):
        return (
            f"Matched {self.claims_matched:,} claims: {self.pairs_added:,} new pairs "
            f"({self.corroborates:,} corroborate, {self.updates:,} update, "
            f"{self.contradicts:,} contradict) in {self.seconds:.1f}s"
        )


class Reading(typing.NamedTuple):
    "What the matcher reads from one claim; one row of ``_claim_keys``."
    claim_id: int
    document_id: int
    unit: str          # '' for counts
    subject_key: str   # sorted canonical subject words
    key_kind: str      # subject, context or none
    place: str         # country, '' when unknown
    period: str        # total or interval
    day: int | None    # ordinal of as_of, else published
    source: str        # normalised attribution, else publisher
    names: str         # names of people/organisations near the figure, space-separated
    qualifier: str     # the hedge (exact when none was given)
    low: float | None  # the figure as an interval
    high: float | None
    point: float | None
    since: int = 0     # counted since: 0 no, 1 an event ("since the decree"), else the start's ordinal
    matcher_version: str = MATCHER_VERSION


# --- figures as intervals ------------------------------------------------------------


def rounding_tolerance(value):
    """Half a unit of a figure's last significant digit: 1,400 → 50, 1,374 → 0.5,
    2.5 → 0.05. At most ROUNDING_CAP of the figure."""
    v = abs(value)
    if v == 0:
        return 0.0
    if v != int(v):
        decimals = len(repr(v).split(".")[1]) if "." in repr(v) else 0
        tol = 0.5 * 10 ** -min(decimals, 6)
    else:
        n, unit = int(v), 1
        while n % 10 == 0:
            n //= 10
            unit *= 10
        tol = unit / 2
    return min(tol, max(ROUNDING_CAP * v, 0.5 if v == int(v) else 0.0))


def interval(value, low, high, qualifier):
    """(low, high, point) for a claim's figure; an open end is None.

    exact: rounding tolerance; more_than/at_least: [value, ∞); about: ±15%;
    almost: [value-15%, value]; up_to: (-∞, value]; range and vague: their
    bounds; point is the value, else the middle of two finite bounds.
    """
    q = qualifier or "exact"
    if value is not None:
        if q in ("more_than", "at_least"):
            return value, None, value
        if q == "about":
            return value * (1 - ABOUT_TOLERANCE), value * (1 + ABOUT_TOLERANCE), value
        if q == "almost":
            return value * (1 - ABOUT_TOLERANCE), value, value
        if q == "up_to":
            return None, value, value
        tol = rounding_tolerance(value)
        return value - tol, value + tol, value
    point = (low + high) / 2 if low is not None and high is not None else None
    if q == "range":
        lo = None if low is None else low - rounding_tolerance(low)
        hi = None if high is None else high + rounding_tolerance(high)
        return lo, hi, point
    return low, high, point


def overlaps(a_low, a_high, b_low, b_high):
    "Do two intervals (None = open end) share any value?"
    if a_low is not None and b_high is not None and a_low > b_high:
        return False
    if b_low is not None and a_high is not None and b_low > a_high:
        return False
    return True


def format_figure(value, low, high, qualifier):
    "555, >30,000, ~1,400, 500–800 for an explanation."
    if 0 in (value, low, high):  # 0, 0.0 and -0.0 are one key to a cache, but read "0" and "-0"
        return _format_figure.__wrapped__(value, low, high, qualifier)
    return _format_figure(value, low, high, qualifier)  # each claim is shown in several pairs


@functools.lru_cache(maxsize=65536)
def _format_figure(value, low, high, qualifier):
    def num(x):
        return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")

    q = qualifier or "exact"
    if value is not None:
        sign = {"more_than": ">", "at_least": "≥", "about": "~", "almost": "<~", "up_to": "≤"}
        return sign.get(q, "") + num(value)
    if low is not None and high is not None:
        return f"{num(low)}–{num(high)}"
    if low is not None:
        return f"≥{num(low)}"
    if high is not None:
        return f"≤{num(high)}"
    return "?"


# --- reading a claim ------------------------------------------------------------------


_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|[T ])")


def day_number(text):
    """Proleptic ordinal of an ISO date (a timestamp's date part), YYYY-MM
    (read as the 15th) or YYYY (read as 1 July); None for anything else."""
    m = _DATE.match(str(text).strip()) if text else None
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return datetime.date(year, 7, 1).toordinal()
        if day is None:
            return datetime.date(year, int(month), 15).toordinal()
        return datetime.date(year, int(month), int(day)).toordinal()
    except ValueError:
        return None


_MONTH_ONLY = re.compile(r"--(\d{1,2})(-\d{1,2})?\Z")  # without a year: "--05", "--05-23"
_WEEKDAY_ONLY = re.compile(r"--w([0-6])\Z")  # a weekday, Monday 0: "--w4" is a Friday


@functools.lru_cache(maxsize=65536, typed=True)  # reports of one day share their dates
def claim_day(as_of, published):
    """The day a figure holds: its as_of, else its document's published date. A
    year or month alone ("in 2021", "in May 2022") reads as the end of that
    period, but no later than the publication (a count "in 2024" published in
    June holds for June); a month without a year ("--05") is in the publication
    year, or the year before when that month has not begun by then; a weekday
    ("--w4", a Friday) is the last one up to the publication."""
    pub = day_number(published)
    text = str(as_of).strip() if as_of else ""
    m = _WEEKDAY_ONLY.match(text)
    if m:  # the last such weekday up to the publication: "on Friday" in Monday's report
        return pub - (datetime.date.fromordinal(pub).weekday() - int(m.group(1))) % 7 if pub else None
    m = _MONTH_ONLY.match(text)
    if m and pub:
        month, date = int(m.group(1)), datetime.date.fromordinal(pub)
        if 1 <= month <= 12:
            year = date.year if month <= date.month else date.year - 1
            text = f"{year:04d}-{month:02d}{m.group(2) or ''}"
    m = _DATE.match(text) if text else None
    if not m or m.group(3):
        return day_number(text) or pub
    year, month = int(m.group(1)), m.group(2)
    try:
        if month is None:
            end = datetime.date(year, 12, 31).toordinal()
        else:
            month = int(month)
            end = datetime.date(year, month, calendar.monthrange(year, month)[1]).toordinal()
    except ValueError:
        return pub
    return end if pub is None else min(end, pub)


_IN_MONTH = re.compile(r"\b(?:in|during|for|throughout|last|by the end of|at the (?:end|start|beginning) of) (?:early |mid-|late )?("
                       + "|".join(lexicon.MONTHS) + r")(?: ((?:19|20)\d\d))?\b(?!\s*\d)", re.IGNORECASE)


_MONTH_NAMES = "|".join(lexicon.MONTHS)
_WEEKDAY_NAMES = "|".join(lexicon.WEEKDAYS)
# "23 May" or "May 23": (day, month) or (month, day) in groups 1-4
_DAY_AND_MONTH = rf"(?:(\d{{1,2}}) ({_MONTH_NAMES})|({_MONTH_NAMES}) (\d{{1,2}}))"
_ON_DAY = re.compile(r"\b(?:on|as of|as at|by|(?:day|night|morning|evening) of) " + _DAY_AND_MONTH
                     + r"\b(?!,? (?:19|20)\d\d|\d)", re.IGNORECASE)
# "The busiest day remains 6 March, when more than 5,000 were held": the day of what follows
_DAY_WHEN = re.compile(r"\b" + _DAY_AND_MONTH + r",? when\b", re.IGNORECASE)
# "killed on Friday", "On Sunday, 13 people died", "Sunday was the busiest day so far": the
# weekday before the publication (or its own day), read by ``claim_day``
_ON_WEEKDAY = re.compile(rf"\b(?:on|last) ({_WEEKDAY_NAMES})\b", re.IGNORECASE)
_WEEKDAY_WAS = re.compile(rf"\A\W*({_WEEKDAY_NAMES})(?:\s+(?:night|morning|evening|afternoon))?"
                          r"\s+(?:was|saw|brought)\b", re.IGNORECASE)


# "since the war began in April 2023": when a count started, not when it stood
_BEGAN_BEFORE = re.compile(r"\bsince\b[^,;.\d]*\b(?:began|started|broke out|erupted)\s+\Z", re.IGNORECASE)


def _date_in_clause(window, period, quote=""):
    """The as_of a figure's own clause gives when the extractor found none: the year
    of a count for one calendar year ("last year", "in 2024"), else the month or day
    it names nearest after the figure, else before it ("42 new political prisoners in
    May" → "--05", "on 23 May" → "--05-23"; read by ``claim_day``)."""
    if period.startswith("year "):
        return period.split()[1]
    if not lexicon.may_hold(window, lexicon.MONTHS):  # every _IN_MONTH and _ON_DAY match names a month
        return _weekday_in(window, period)
    found = [(m.start(), lexicon.fold(m.group(1)), m.group(2), "") for m in _IN_MONTH.finditer(window)
             if not _BEGAN_BEFORE.search(window, max(0, m.start() - 60), m.start())]
    found += [(m.start(), lexicon.fold(m.group(2) or m.group(3)), None, f"-{int(m.group(1) or m.group(4)):02d}")
              for pattern in (_ON_DAY, _DAY_WHEN) for m in pattern.finditer(window)]
    if not found:
        return _weekday_in(window, period)
    # the first after the figure, else the last before it: "310 in February, against 280 in January"
    at = window.find(quote) if quote else -1
    after = [f for f in found if f[0] > at] if at >= 0 else []
    _, month, year, day = min(after) if after else max(found)
    number = lexicon.MONTHS.index(month) + 1
    return f"{year}-{number:02d}" if year else f"--{number:02d}{day}"


def _weekday_in(window, period):
    """'--w4' for a figure whose window names its Friday: a one day's count "on Friday",
    a toll "killed in the city on Friday"; else None (a total "said on Friday", or
    since "the arrest last Friday", stands as published)."""
    if not lexicon.may_hold(window, lexicon.WEEKDAYS):
        return None
    m = (_ON_WEEKDAY if period == "interval" else _EVENT_ON_WEEKDAY).search(window)
    return f"--w{lexicon.WEEKDAYS.index(lexicon.fold(m.group(1)))}" if m else None


_EVENT_ON_WEEKDAY = re.compile(
    r"\b(?:killed|died|dead|detained|arrested|injured|wounded|shot|held)(?: (?!said\b|says\b|told\b|reported\b|"
    r"announced\b)[\w'’-]+){0,6} on (" + _WEEKDAY_NAMES + r")\b", re.IGNORECASE)


# A timeline's date label opening the sentence: "17 January: police detain 86 people",
# "February: the monitor records 47 new political prisoners".
_DATE_LABEL = re.compile(rf"\A\W*(?:(\d{{1,2}}) ({_MONTH_NAMES})|({_MONTH_NAMES})(?: (\d{{1,2}}))?)"
                         rf"(?:,? ((?:19|20)\d\d))?\s*[:—–]\s", re.IGNORECASE)


def _last_years_event(window, published):
    """The year before publication, when a figure counts "last year's" event ("Last year's
    finance-bill protests cost about 60 lives"), not a running count since it; else None."""
    if not published or not lexicon.may_hold(window, ("last year",)) or not _LAST_YEARS.search(window):
        return None
    if _SINCE.search(window) or _COUNTED_NOW.search(window):
        return None  # (a count that runs, or one made now: "still counts 36 dead in last year's crisis")
    year = str(published)[:4]
    return str(int(year) - 1) if year.isdigit() else None


_LAST_YEARS = re.compile(r"\blast\s+year['’]s\b", re.IGNORECASE)
_COUNTED_NOW = re.compile(r"\b(?:still|now|counts|counted|has\s+documented|says|say)\b", re.IGNORECASE)


def _date_label(sentence):
    "The as_of a timeline's date label gives ('--01-17', '2027-02'), or None."
    m = _DATE_LABEL.match(sentence) if lexicon.may_hold(sentence or "", lexicon.MONTHS) else None
    if not m:
        return None
    month = lexicon.MONTHS.index(lexicon.fold(m.group(2) or m.group(3))) + 1
    day = m.group(1) or m.group(4)
    day = f"-{int(day):02d}" if day else ""
    return f"{m.group(5)}-{month:02d}{day}" if m.group(5) else f"--{month:02d}{day}"


def source_name(attribution, publisher, url=None):
    "Who stands behind a figure: the attribution, else the publisher, else the URL's host."
    name = _normalised_source(attribution) or _normalised_source(publisher)
    if not name and url:
        name = urllib.parse.urlsplit(url).hostname or url
    return name or ""


@functools.lru_cache(maxsize=100_000)
def _normalised_source(text):
    if not text:
        return ""
    words = lexicon.words(text.replace("’s", "").replace("'s", ""))
    return " ".join(w for w in words if w not in ("the", "figures", "data", "according"))


@functools.lru_cache(maxsize=10_000)
def _ignored_names(attribution, publisher):
    "Words of the attribution and publisher: who says a figure is not what it counts."
    return frozenset(lexicon.words(f"{attribution or ''} {publisher or ''}"))


_PARTITIVE = re.compile(r"\s*(?:of|among) (?:whom|them|which|those|these)\b", re.IGNORECASE)
_ELIDED = re.compile(r"\s*(?:(?:are|were|is|was)\s+(?:thought|believed|estimated|feared|said|reported)\s+to\s+)?"
                     r"(?:remain|remained|stay|stayed|(?:are|were|is|was) still)\b", re.IGNORECASE)
_CONTEXT_STOP = re.compile(r"[.;:!?()\[\]]|,\s")
_NEXT_FIGURE = re.compile(r"[.;:!?()\[\]]|,\s|\s\d")  # "166 individuals | and 15 entities"
_VOTE_VERB = re.compile(r"\b(?:won|took|polled|secured|got|credited\s+with|received)\s+\Z", re.IGNORECASE)
_LEADS_NEXT = re.compile(r"\b(?:on|with|and|in|at|from|against)\s+(?:(?:a|an|the|its|their|his|her)\s+)?[\w'’-]+\s+"
                         r"(?:of|at|was|is|were|stood\s+at|to)\s*\Z", re.IGNORECASE)


_MARCH = re.compile(r"\bMarch\b")  # the month, not the verb or the rally (lexicon.subject_terms drops it too)


def _words(text):
    "The words of a sentence's part, lower-cased, without the month March ('1,180 political prisoners in March')."
    return lexicon.words(_MARCH.sub("", text or ""))


# Words that open a clause about something else, right after a figure.
_NOT_A_NOUN_AFTER = frozenset(
    "even after before since despite although though because when while until as than ago so yet".split())


def context_terms(sentence, quote):
    """Subject words read around the figure: the words right after it up to the
    clause's end ("555 political prisoners remain"), else the words before it
    from the clause's start ("the number of people killed rose to seven")."""
    if not sentence:
        return ()
    at = sentence.find(quote) if quote else -1
    if at < 0:
        return ()
    after = sentence[at + len(quote):]
    if _PARTITIVE.match(after) or _ELIDED.match(after):
        # "five of whom died", "1,350 remain in jail": the figure counts something
        # named earlier, which the words around it do not say
        return ()
    stop = _NEXT_FIGURE.search(after)
    if stop and stop.group().startswith(" "):
        # "51.2% for him on a turnout of 59%": the noun just before the next figure is its own
        after = _LEADS_NEXT.sub("", after[: stop.start()])
    else:
        after = after[: stop.start()] if stop else after
    words = _words(after)[:5]
    if words and words[0] in _NOT_A_NOUN_AFTER and after[: after.find(words[0])].strip() == "":
        words = []  # "Viasna counts 1,118 even after a wave of pardons": what follows is not what it counts
    terms = lexicon.subject_terms(" ".join(words), drop=lexicon.PLACE_WORDS)
    if terms and not set(terms) <= lexicon.GENERIC:
        return terms
    before = _CONTEXT_STOP.split(sentence[:at])[-1]
    before = _OWN_CLAUSE.split(before)[-1] or before  # "break up a march and detain 86 people": detain
    terms = lexicon.subject_terms(" ".join(_words(before)[-6:]), drop=lexicon.PLACE_WORDS)
    events = tuple(t for t in terms if t in lexicon.EVENT_WORDS or (t in lexicon.SLICE_WORDS and t != "new"))
    # "Prosecutors have opened criminal cases against 30 protesters": what happened to them
    # (charge), not who did it or how it is put
    return events or terms


_ARRIVALS = frozenset({"cross", "arrive", "arrival", "enter", "new"})
_ARRIVING = re.compile(r"\b(?:crossed|crossing|arrived|arriving|entered|entering|fled|fleeing|poured)\b",
                       re.IGNORECASE)


_UPROOTED = re.compile(r"\b(?:driven|drove|forced|fled|fleeing|newly|uprooted|flee)\b", re.IGNORECASE)


def _period(unit, terms, text, published=None):
    """total, interval or "year YYYY": durations are totals, new and added counts
    are flows; a flow counted over one calendar year ("executed 975 people last
    year", "4,000 crossings so far this year") is that year's total, which another
    year's total does not update."""
    if unit in TIME_UNITS or (unit == "percent" and "vote" in terms):
        return "total"  # a duration; one election's share ("in 2020 he took 80.1%" names the election)
    if unit and unit not in TIME_UNITS:
        # a rate, a share, a sum of money or a measure is a level read at a time ("inflation
        # was 50.6% in February", "its $51 billion debt … in April"), not a flow a month
        # adds up; a calendar year's still stands apart
        kind = _period("", (), text, published)
        return kind if kind.startswith("year ") else "total"
    if {"new", "add"} & set(terms):
        # new entries in a span are a flow; new entries since a date add up to a running total
        return "total" if _NEW_SINCE.search(text) else "interval"
    flows = set(terms) & lexicon.EVENT_WORDS - {"arrest"}
    if "refugee" in flows and not set(terms) & _ARRIVALS and not _ARRIVING.search(text):
        # "6 million refugees across Europe in May": how many are hosted, a level; not
        # "3,000 refugees crossed in June"
        flows.discard("refugee")
    if "displace" in flows and not set(terms) & _ARRIVALS and not _UPROOTED.search(text):
        # "Displaced inside Haiti in June: 1.3 million": how many are displaced, a level; not
        # "fighting drove 15,000 people from their homes in the past week"
        flows.discard("displace")
    if not flows and (set(terms) & (lexicon.STOCK_WORDS | {"refugee", "displace"})
                      or (lexicon.may_hold(text, _STOCK_WORDS) and _STOCK.search(text))
                      or (lexicon.may_hold(text, _LEVEL_WORDS) and _LEVEL.search(text)
                          and not _RATE.search(text) and not _TAKEN_IN.search(text))):
        # "555 political prisoners were behind bars this week", "640 people are in
        # pre-trial detention this month": how many are held at one time is a running
        # total however it is dated ("prisoners hanged", "placed in custody in May" and
        # "are detained every week" are flows all the same)
        return "total"
    kind = lexicon.period_kind(text)
    if kind == "total":
        year = _calendar_year(text, published)
        if year:
            return f"year {year}"
    return kind


_YEAR_LABEL = re.compile(r"\A[\s\-•*·]*((?:19|20)\d\d)\s*:\s")
_ROW_LABEL = re.compile(r"[\s\-•*·]*([A-Z][^:;,\n]{1,60}?)\s*:\s+(?:[a-z]+\s+){0,3}\Z")  # (a sentence has commas)
_THIS_YEAR = lexicon.searched_from(
    "dfit",
    r"\bthis year\b"
    r"|\b(?:in|for|during) the (?:current )?year\b", re.IGNORECASE)
# not "last year's protests": an event's name (as "last week's raids" is no week's count)
_LAST_YEAR = re.compile(r"(?<!" + r" )(?<!".join(lexicon.MONTHS) + r" )"  # "May last year" dates an event
                        r"\b(?:last|the previous|the past calendar) year\b(?!['’]s)", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# "the highest toll since it began keeping records", "the most since 2015": a comparison,
# not a count running since then
_COMPARED_SINCE = re.compile(r"\b(?:highest|lowest|largest|biggest|most|fewest|worst|deadliest|first time)"
                             r"(?:\s+[\w'’-]+){0,3}?\s+since\b", re.IGNORECASE)


def _runs_since(text):
    "Whether text counts since a start: holds a 'since' that is not a comparison's."
    return bool(lexicon.may_hold(text, _SINCE_WORDS) and _SINCE.search(_COMPARED_SINCE.sub("", text)))
# When a running count began, where it says so by a date: "since 28 April", "since March
# 2021", "since Thursday", "since 2020" (not "since the decree": no date to read).
_SINCE_DATE = re.compile(
    r"\bsince (?:(?:early |mid-|late )?(?:(\d{1,2}) (" + "|".join(lexicon.MONTHS) + r")|(" + "|".join(lexicon.MONTHS)
    + r")(?: (\d{1,2}))?)(?:,? ((?:19|20)\d\d))?|(?:last )?(" + "|".join(lexicon.WEEKDAYS)
    + r")|((?:19|20)\d\d))\b(?!\s*\d)", re.IGNORECASE)
_NEW_SINCE = re.compile(r"\b(?:new|added)\b[^,;.]{0,60}?\bsince\b", re.IGNORECASE)  # "1,303 new cases … since the vote"
# "in 2024", "during 2023", not "in 2020 protests" nor "in the 2020 vote"
_IN_YEAR = lexicon.searched_from(
    "dfit",
    r"\b(?:in|during|throughout|for) ((?:19|20)\d\d)\b(?![-–/]| (?:[a-z-]+ )?(?:elections?|votes?|polls?|"
    r"protests?|presidential|parliamentary|campaign|unrest|uprising|war|invasion|crackdown|census)\b)",
    re.IGNORECASE)


# what every match of these patterns holds
_THIS_YEAR_WORDS = ("year",)
_YEAR_WORDS = ("year",)
_SINCE_WORDS = ("since",)
_STOCK_WORDS = ("behind bars", "in prison", "in jail", "remain", "still held", "are held", "still hold")
_LEVEL_WORDS = ("custody", "detention", "held", "detained", "jailed", "imprisoned", "incarcerated",
                "political detainees")


# A toll of one wave of unrest that says when it began: "five died in the rioting that
# followed the arrest of Sonko last Wednesday", "23 killed during the unrest that followed
# his conviction on 1 June". Read as "since" that day, so another wave's toll, years
# before, is not this one's earlier figure (see _other_start).
_EPISODE = re.compile(
    r"\b(?:in|during|amid) the (?:unrest|protests|rioting|riots|violence|clashes|crackdown|demonstrations)\s+"
    r"(?:that|which)\s+(?:followed|began|started|erupted|broke out)\b[^,;.]{0,80}?\b(?:last|on)\s+"
    r"((?:\d{1,2} )?(?:" + _MONTH_NAMES + r")(?: \d{1,2})?(?:,? (?:19|20)\d\d)?|" + _WEEKDAY_NAMES + r")\b",
    re.IGNORECASE)
_EPISODE_WORDS = ("followed", "began", "started", "erupted", "broke out")  # in every _EPISODE match
_EVENT_NOUNS = r"(?:protests|unrest|clashes|riots|rioting|demonstrations|march|rally|crackdown|violence)"
_EPISODE_OF = re.compile(
    r"\b(?:in|during|at|amid|from)\s+(?:the\s+)?(?:(?=(?:" + _WEEKDAY_NAMES + r")['’]s\s)((?:" + _WEEKDAY_NAMES
    + r"))['’]s\s+(?:[A-Z][\w-]*\s+){0,2}" + _EVENT_NOUNS + r"|" + _EVENT_NOUNS + r"\s+of\s+((?:\d{1,2} )?(?:"
    + _MONTH_NAMES + r")(?: \d{1,2})?(?:,? (?:19|20)\d\d)?))\b", re.IGNORECASE)
# one is in every _EPISODE_OF match (a weekday's possessive, or an event noun before "of")
_EPISODE_OF_WORDS = ("day's ", "day’s ", "protests of", "unrest of", "clashes of", "riots of", "rioting of",
                     "demonstrations of", "march of", "rally of", "crackdown of", "violence of")
_SINCE_OR_EPISODE_WORDS = _SINCE_WORDS + _EPISODE_WORDS + _EPISODE_OF_WORDS


def since_start(window, day):
    """What ``Reading.since`` holds for a figure read on ``day`` (an ordinal) with this
    clause: 0 when it does not count since a start, else the start's ordinal where a
    date or weekday names it ("since Thursday" is the last Thursday before ``day``;
    "since May" the 1st of the last May; a wave of unrest's toll, the day the wave
    began: see _EPISODE), else 1 (since an event: "since the decree")."""
    if not _runs_since(window):
        # "five died in the rioting that followed the arrest of Sonko last Wednesday"
        episode = _EPISODE.search(window) if lexicon.may_hold(window, _EPISODE_WORDS) else None
        if episode is None and lexicon.may_hold(window, _EPISODE_OF_WORDS):
            # "31 died in Monday's Saba Saba protests", "in the protests of 10 August": that day's
            episode = _EPISODE_OF.search(window)
        if not episode or not day:
            return 0
        return _start_day(_SINCE_DATE.search("since " + next(g for g in episode.groups() if g)), day)
    m = _SINCE_DATE.search(window)
    if not m and lexicon.may_hold(window, (" on ",)):
        # "since protesters returned to the streets on Friday", "since the protests began on 1 October"
        on = _SINCE_EVENT_ON.search(window)
        m = _SINCE_DATE.search("since " + on.group(1)) if on else None
    return _start_day(m, day)


# (a start's verb, so not "marked three years since the failed coup on Monday")
_SINCE_EVENT_ON = re.compile(
    r"\bsince\s+[^,;.]{0,40}?\b(?:began|started|erupted|broke\s+out|resumed|returned|took\s+to|flared|spread)\b"
    r"[^,;.]{0,30}?\s+on\s+((?:" + _WEEKDAY_NAMES + r")\b|\d{1,2} (?:" + _MONTH_NAMES + r")\b(?:,? (?:19|20)\d\d)?)",
    re.IGNORECASE)


def _start_day(m, day):
    "The ordinal of the start an _SINCE_DATE match names, read on ``day``; 1 when unknown."
    if not m or day is None:
        return 1
    date = datetime.date.fromordinal(day)
    if m.group(7):
        return datetime.date(int(m.group(7)), 1, 1).toordinal()
    if m.group(6):
        back = (date.weekday() - lexicon.WEEKDAYS.index(lexicon.fold(m.group(6)))) % 7
        return day - back
    month = lexicon.MONTHS.index(lexicon.fold(m.group(2) or m.group(3))) + 1
    year = int(m.group(5)) if m.group(5) else date.year if month <= date.month else date.year - 1
    try:
        return datetime.date(year, month, int(m.group(1) or m.group(4) or 1)).toordinal()
    except ValueError:
        return 1


def _calendar_year(text, published):
    "The calendar year a flow is counted over, when its clause names one; else None."
    this_year = _THIS_YEAR.search(text) if lexicon.may_hold(text, _THIS_YEAR_WORDS) else None
    if not this_year and _runs_since(text):
        return None  # "since the 2020 election": a running total
    years = set(_IN_YEAR.findall(text)) if "19" in text or "20" in text else set()  # (19|20)\d\d
    if len(years) == 1:
        return years.pop()
    if len(years) > 1:
        return None
    published_year = _year_of(published)
    if not published_year:
        return None
    if this_year:
        return str(published_year)
    if lexicon.may_hold(text, _YEAR_WORDS) and _LAST_YEAR.search(text):
        return str(published_year - 1)
    return None


@functools.lru_cache(maxsize=4096)  # reports of one day share their dates
def _year_of(published):
    "The year of a published date, or None."
    return day_number(published) and datetime.date.fromordinal(day_number(published)).year


# Who is held at a time (a level), not who was taken in: "are in (pre-trial) custody",
# "are being held", "is now detained"; not "were placed in detention in May".
_LEVEL = re.compile(
    r"(?<!placed )(?<!put )(?<!taken )(?<!remanded )(?<!sent )\bin (?:pre-?trial |police |state )?"
    r"(?:custody|detention)\b"
    r"|\b(?:are|is) (?:still |now |currently )?(?:being )?(?:held|detained|jailed|imprisoned|incarcerated)\b"
    r"|\bpolitical detainees\b",
    re.IGNORECASE)
_RATE = lexicon.searched_from(
    "adempw",
    r"\b(?:per|a|each|every) (?:day|week|month)\b|\b(?:daily|weekly|monthly)\b", re.IGNORECASE)
# The taking in itself: "200 were detained this week and are in custody" counts arrests.
_TAKEN_IN = lexicon.searched_from(
    "abfpw",
    r"\b(?:were|was|been|police|authorities|forces) (?:\w+ )?(?:detained|arrested|rounded up|taken|placed|jailed)\b",
    re.IGNORECASE)
_STOCK = lexicon.searched_from(
    "abirs",
    r"\b(?:behind bars|in prison|in jail|remain|remained|still held|are held|still holds?)\b",
    re.IGNORECASE)
# One occasion's count (arrests at a march or a vigil) rather than a running total.
_AT_OCCASION = lexicon.searched_from(
    "ad",
    r"\b(?:at|during|after) (?:a|an|the|its|their|this|that|last|[\w-]+['’]s)?\s*"
    r"(?:[\w'’-]+ ){0,2}?(march|rally|vigil|demonstration|funeral|gathering|sit-in|picket)(?:es|s)?\b",
    re.IGNORECASE)
# Not "march", the crowd's own word (an event word): arrests at a rally are not its size.
_OCCASIONS = frozenset({"rally", "vigil", "funeral", "sit-in", "picket"})
_WITH_ABROAD = re.compile(
    r"\b(?:with|including|counting|and) (?:those|people|refugees|the \w+)\b[^.;]{0,40}?\b(?:left|abroad|outside|fled)\b"
    r"|\b(?:refugees|those) abroad\b|\binside and outside\b"
    r"|\bthe total (?:number )?(?:forced|driven|uprooted)\b", re.IGNORECASE)  # (after "3 million have fled abroad")
_ABROAD_WORDS = ("left", "abroad", "outside", "fled", "total")  # in every _WITH_ABROAD match
_CROSSED_INTO = re.compile(r"\b(?:have|has|had) crossed (?:the border )?into\b", re.IGNORECASE)
_LEFT_PRISON = re.compile(r"\b(?:left|leaving|leave|leaves) (?:prison|jail|custody|detention)\b", re.IGNORECASE)
# The hedges a figure may follow its lead-in words with: "account for about 160", "and Chad about 570,000"
_HEDGES = "some|about|around|nearly|almost|at least|more than|over"
_CHANGED_BY = re.compile(
    r"\b(?:cut|reduced|raised|increased|decreased|rose|risen|fell|fallen|grew|grown|dropped|climbed|jumped|"
    r"extended|shortened|lengthened|up|down)\s+by\s+(?:(?:" + _HEDGES + r"|another|a further)\s+)?\Z", re.IGNORECASE)
_IN_JAIL = re.compile(r"\b(?:in (?:prison|jail)|behind bars|jailed|imprisoned)\b", re.IGNORECASE)
_SINCE_ANCHOR = lexicon.searched_from(
    "afis",
    r"\b(?:since|in connection with|after|following)\s+((?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:protests?|demonstrations?|rallies|unrest|uprising|crackdown|marches|strike|"
    r"(?-i:[A-Z])[\w-]*['’]s\s+(?:arrest|detention|removal|ouster|death))"
    r"(?:\s+(?:began|started|erupted|broke out))?)\b", re.IGNORECASE)
_BALLOTS = frozenset({"vote", "election", "poll", "ballot"})
_AFTER_VOTE = lexicon.searched_from(
    "afis",
    r"\b(?:since|after|following|in the wake of) (?:the |last |this )?(?:[\w'’-]+ )?"
    r"(?:vote|election|poll|ballot)s?\b", re.IGNORECASE)
_COUNTRY_NAMES = frozenset(country.lower() for country in lexicon.GAZETTEER)
_OVERNIGHT = "overnight"  # one night's count: a slice word (lexicon.PHRASES folds "election night" into it)
_NIGHT_WORDS = ("night",)  # in every text whose subject_terms hold _OVERNIGHT (a word or a phrase)
# Part of a count the sentence gives: "9,900 detained, more than 5,000 of them in Almaty", "17 of
# them in yesterday's clashes", "20 of the dead had been shot". A slice word (lexicon.PART_OF);
# "26 of them" and "140 of them women" say what part in their place or subject.
_PART_OF = re.compile(r"\s+(?:of|among)\s+(?:(?:them|whom)\s+(?:in\s+(?:the\s+)?(?P<where>[\w'’-]+)|between|during|"
                      r"from)\b|the\s+(?:dead|killed|"
                      r"victims|detained|detainees|arrested|injured|wounded)\s+(?:had|have|has|were|was)\b)",
                      re.IGNORECASE)
# A sentence about part of the group the one before counts: "Of them, about 250 were killed after…",
# "Of these, 40 …" (a who-slice, "Of them, 68 were children", says its part itself).
_OF_THEM_FRONT = re.compile(r"\W*(?:But\s+|And\s+)?Of\s+(?:them|these|those|whom)\s*,", re.IGNORECASE)
# A correction's withdrawn figure ("An earlier version of this story said 58 children…").
_WITHDRAWN = re.compile(r"\W*(?:An?|The)\s+(?:earlier|previous)\s+version\s+of\s+this\s+"
                        r"(?:story|article|report|piece|post)\b", re.IGNORECASE)
_PLAIN_COUNTS = frozenset({"die", "injure"})  # ("jailed" and "held" read as arrests too)
# Held now for what they think: "201 people jailed for political reasons" are political prisoners.
_HELD_FOR_VIEWS = lexicon.searched_from(
    "bdhijl",
    r"\b(?:jailed|imprisoned|incarcerated|held|detained|locked up|in detention|in custody|in prison|in jail|behind bars)\s+"
    r"(?:on political grounds|for political reasons|"
    r"for (?:their|his|her) (?:views|beliefs)|on politically motivated charges)", re.IGNORECASE)
_STILL_HELD = re.compile(
    r"(?:(?:[^.;:\d]|\b(?:19|20)\d\d\b){0,60}?\b)?(?:remain(?:s|ed|ing)?|(?:are|were|is|was) still|still|currently)\s+"
    r"(?:being\s+)?(?:held|detained|jailed|imprisoned|in (?:detention|custody|prison|jail)|under (?:detention|arrest)"
    r"|behind bars)\b",
    re.IGNORECASE)
_STILL_WORDS = ("remain", "still", "currently")  # in every _STILL_HELD match




@functools.lru_cache(maxsize=65536)  # subjects many claims share
def _still_held_in(subject):
    "_STILL_HELD's match in a subject, or None."
    return _STILL_HELD.search(subject) if lexicon.may_hold(subject, _STILL_WORDS) else None


def _next_figure(sentence, end, hi):
    """Where the next figure after ``end`` starts in sentence[:hi], else hi: a year
    or a day of a month is not one ("129 of those reported missing since 28 April")."""
    for following in _FIGURE.finditer(sentence, end, hi):
        if _bounding_figure(sentence, following):
            return following.start()
    return hi


def _previous_figure(sentence, lo, start):
    "Where the last figure before ``start`` ends in sentence[lo:], else lo (see _bounding_figure)."
    before = lo
    for m in _FIGURE.finditer(sentence, lo, start):
        if _bounding_figure(sentence, m):
            before = m.end()
    return before


_LAW_BEFORE = re.compile(r"\b(?:article|section|decree|law|paragraph|clause)\s+(?:no\.?\s*)?\Z", re.IGNORECASE)


def _bounding_figure(sentence, m):
    "Is this _FIGURE match a figure of its own: not a year, a day of a month or a law's number (\"Article 342\")?"
    return _other_figure(sentence, m) and not _LAW_BEFORE.search(sentence, max(0, m.start() - 12), m.start())


def _bounding_figures(sentence, start, end, lo, hi):
    """(where the figure before it ends, where the next one starts) in a figure's own
    clause sentence[lo:hi] (see _previous_figure, _next_figure): worked out once per
    claim, as its names, its town and its words between figures are all read within them."""
    return _previous_figure(sentence, lo, start), _next_figure(sentence, end, hi)


_GONE = frozenset({"missing", "escape", "disappear", "unaccount"})
_STILL_GONE = lexicon.searched_from(
    "ahrs",
    r"\b(?:still|remain(?:s|ed|ing)?)\s+(?:(?:be|been)\s+)?(?:missing|at\s+large|unaccounted|in\s+hiding)\b"
    r"|\bat\s+large\b|\bstill\s+(?:not\s+)?(?:been\s+)?(?:not\s+)?(?:found|traced|located)\b"
    r"|\bhave\s+(?:still\s+)?not\s+(?:yet\s+)?been\s+found\b", re.IGNORECASE)
_STILL_GONE_WORDS = ("still", "remain", "large", "found")  # in every _STILL_GONE match
_AT_LARGE = re.compile(r"\b(?:still|remain(?:s|ed|ing)?)\s+at\s+large\b", re.IGNORECASE)


_CLAUSE_STOP = re.compile(r"[;:—–]| - ")
_CLAUSE_MARKS = (";", ":", "—", "–", " - ")  # one is in every _CLAUSE_STOP match


def _since_text(sentence, start, end):
    """The words that may say since when a figure counts: its clause up to the next
    figure or comma ("1,500 political prisoners, five of whom have died since 2021":
    2021 is the deaths' start), and back to the figure before it, less that figure's
    clause ("250 freed since July 2024, Viasna says, but about 1,250 remain": July is
    not the 1,250's start); a sentence's opening "Since …," holds for its first figure."""
    figures = [m for m in _FIGURE.finditer(sentence) if _other_figure(sentence, m)]
    head = sentence[:start]
    before = [m for m in figures if m.end() <= start]
    if before:
        head = head[before[-1].end():]
        head = head[max(head.rfind(","), head.rfind(";")) + 1:]
    aside = _ASIDE_AFTER.match(sentence, end) if "," in sentence[end:end + 40] else None
    if aside:  # "104 people, eight of them police officers, had died since …": what the aside interrupts
        end = aside.end()
    after = [m.start() for m in figures if m.start() >= end]
    tail = sentence[end: after[0] if after else len(sentence)]
    return head + sentence[start:end] + re.split(r"[,;]", tail, maxsplit=1)[0]


def _since_of(sentence, start, end, day):
    """since_start of a figure's _since_text (of the whole sentence when the figure is
    not found in it); 0 at once when the sentence cannot say "since": that text is
    a run of the sentence, so it cannot either (nor the start of a wave of unrest)."""
    if not lexicon.may_hold(sentence, _SINCE_OR_EPISODE_WORDS):
        return 0
    return since_start(_since_text(sentence, start, end) if start >= 0 else sentence, day)


_ASIDE_AFTER = re.compile(r"[^,;:]{0,30}?(?P<aside>,\s+(?:among\s+them|including|most\s+of\s+them|many\s+of\s+them|"
                          r"some\s+of\s+them|mostly|mainly|[\w-]+\s+of\s+them)\b[^,;:]{1,60},)")


def _clause(sentence, start, end):
    "The part of a sentence around a figure, cut at ; : and dashes, at most 60 characters each side."
    lo, hi = max(0, start - 60), min(len(sentence), end + 60)
    aside = _ASIDE_AFTER.match(sentence, end, end + 120) if "," in sentence[end:hi] else None
    if aside:  # "Seven journalists, among them an AFP photographer, were detained … on Monday"
        hi = min(len(sentence), hi + aside.end("aside") - aside.start("aside"))
    if not lexicon.contains_any(sentence, _CLAUSE_MARKS):
        return sentence[lo:hi]
    before = _CLAUSE_STOP.split(sentence[lo:start])[-1]
    after = _CLAUSE_STOP.split(sentence[end:hi])[0]
    return before + sentence[start:end] + after


_DAY_OF_MONTH = re.compile(r"\d{1,2}(?:st|nd|rd|th)? (?:" + "|".join(lexicon.MONTHS) + r")\b", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b(?:" + "|".join(lexicon.MONTHS) + r") \d{1,2}\Z", re.IGNORECASE)


def _other_figure(text, m):
    "Is this _FIGURE match a figure, not a year nor a day of a month (\"23 August\", \"May 29\")?"
    return not (_YEAR.match(m.group()) or _DAY_OF_MONTH.match(text, m.start())
                or _MONTH_DAY.search(text, max(0, m.start() - 11), m.end()))


_RUNNING_ON = re.compile(r",?\s+(?:bringing|taking|raising|pushing|lifting|putting)\s+(?:the|its|their|a)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:total|tally|toll|count|number|list)\b", re.IGNORECASE)
_RUNNING_WORDS = ("bringing", "taking", "raising", "pushing", "lifting", "putting")  # in every _RUNNING_ON match


_OPENING_TIME = re.compile(r"\W*((?:in|during|throughout|over|last|this)\s+(?:early\s+|mid-|late\s+)?(?:the\s+)?"
                           r"(?:past\s+)?(?:" + "|".join(lexicon.MONTHS) + r"|week|month|weekend)(?:\s+(?:19|20)\d\d)?)\b",
                           re.IGNORECASE)


def _period_window(sentence, start, end):
    """The clause around a figure (``_clause``) up to the next figure after it ("the
    total for the year reached 4,200, against 81 in 2020": 2020 is the year of 81) and
    without what lies between the figure before it and this one ("96 detentions in
    January and more than 7,900 convictions": January is the month of 96; "In May, 40
    were detained and 12 convicted" keeps May for both)."""
    window = _clause(sentence, start, end)
    offset = window.find(sentence[start:end])
    for m in _FIGURE.finditer(window, offset + end - start):
        if _other_figure(window, m):
            # up to the next figure's clause: "about 80 faculties under blockade, and the daily
            # silence now lasts 16 minutes" (daily is the silence's)
            boundary = None
            for boundary in _OWN_CLAUSE.finditer(window, offset + end - start, m.start()):
                pass
            window = window[: boundary.start() if boundary else m.start()]
            break
    running = _RUNNING_ON.search(window, offset + end - start) if lexicon.may_hold(window, _RUNNING_WORDS) else None
    if running:  # "402 detained in October, bringing the total since March to 1,530": the total's words
        window = window[: running.start()]
    before = [m for m in _FIGURE.finditer(window, 0, offset) if _other_figure(window, m)]
    if before:
        when = _WHEN_YEAR.search(window, before[-1].end(), offset)
        # "5,601 killed in 2024, 812 more than in 2023, when 4,789 died": 2023 is the year of 4,789
        window = (f"in {when.group(1)} " if when else window[: before[-1].start()]) + window[offset:]
    busiest = lexicon.SUPERLATIVE_SPAN.search(sentence, 0, start) if lexicon.contains_any(
        sentence[:start].lower(), lexicon.SUPERLATIVE_WORDS) else None
    if busiest and busiest.group() not in window:
        # "Sunday was the busiest day so far, OVD-Info said: police took more than 5,000…"
        window = busiest.group() + " " + window
        weekday = _WEEKDAY_WAS.match(sentence, 0, start)
        if weekday:  # (that Sunday's count)
            window = f"on {weekday.group(1)} " + window
    label = _YEAR_LABEL.match(sentence)
    if label and label.end() <= start:  # a fact box's year row, "- 2024: 66,317": that year's count
        window = f"in {label.group(1)} " + window
    row = _ROW_LABEL.match(sentence, 0, start) if not label and ":" in sentence[:start] else None
    if row and row.group(1) not in window:
        # a fact box's row, "Treason cases opened in 2024: about 800": its label is its clause
        window = row.group(1) + " " + window
    if lexicon.may_hold(sentence[:start], lexicon.WEEKDAYS) and _ON_WEEKDAY_FIGURE.match(sentence, 0, start):
        # "On Friday, 13 people died in the east of the city": that day's count (not "On
        # Friday, the ministry said 30 had died": when it was said)
        window = "in a single day " + window
    colon = sentence.rfind(": ", 0, start) if ": " in sentence else -1
    if colon > 0 and sentence.find(window.strip()[:20], colon) >= 0:
        # "The commission gives a higher figure for yesterday: 19 deaths and more than 500
        # injured": the time the lead-in names holds for the figures after its colon
        lead = sentence[max(sentence.rfind(mark, 0, colon) for mark in (". ", "— ", "; ")) + 1: colon]
        if lexicon.period_kind(lead) == "interval" and not _FIGURE.search(lead):
            window = lead + " " + window
    opening = _OPENING_TIME.match(sentence)
    if opening and opening.end() <= start and opening.group(1) not in window:
        # "During June the centre recognised 54 new political prisoners, while 31 were
        # released": a time opening the sentence holds for each of its figures
        window = opening.group(1) + " " + window
    return window


_ON_WEEKDAY_FIGURE = re.compile(r"\W*On\s+(?:" + "|".join(lexicon.WEEKDAYS) + r")(?:\s+(?:night|morning|evening|"
                                r"afternoon))?\s*,\s*(?:(?:some|about|around|at\s+least|more\s+than|nearly|almost|"
                                r"over|another)\s+)?\Z", re.IGNORECASE)
_WHEN_YEAR = re.compile(r"\b(?:in|during|with|than|against) ((?:19|20)\d\d),?\s+when\s+(?:(?:some|about|around|nearly|almost|"
                        r"at\s+least|more\s+than|over)\s+)?\Z", re.IGNORECASE)


_OWN_CLAUSE = lexicon.searched_from(";:—–, ", r"[;:—–]| - |,? and |,? but |,? while |, whereas ")
_OWN_CLAUSE_MARKS = (";", ":", "—", "–", " - ", " and ", " but ", " while ", ", whereas ")  # one is in every match


def _own_clause(sentence, start, end):
    """(lo, hi): the figure's own clause, cut at ; : dashes and at "and", "but",
    "while" ("Bialiatski's 10-year sentence | and Stefanovic's nine-year term")."""
    if not lexicon.contains_any(sentence, _OWN_CLAUSE_MARKS):
        return 0, len(sentence)
    lo = 0
    for m in _OWN_CLAUSE.finditer(sentence, 0, start):
        lo = m.end()
    m = _OWN_CLAUSE.search(sentence, end)
    return lo, (m.start() if m else len(sentence))


def _owners(claim, sentence, start, end, lo, bounds):
    """The names a figure belongs to: those of its own clause (from ``lo``) before it
    ("Maria Kalesnikava was sentenced to 11 years"), else those after it ("11 years
    for Kalesnikava"); who reports it (attribution, publisher) does not count.
    ``bounds``: the figure's _bounding_figures."""
    if start < 0:
        return ()
    ignore = _ignored_names(claim.get("attribution"), claim.get("publisher"))
    clause = lo
    before, after = bounds
    if not (_CHANGED_TO.match(sentence, before, start)  # "raised Mongkol's sentence from 28 years to 50"
            or (lexicon.may_hold(sentence[before:start], (" to ",)) and _TERM_AGAIN.search(sentence, before, start))):
        lo = before
    # names from the figure before it to the next one ("54.3% of the vote, against 35.8% for Ba")
    found = (lexicon.names_near(sentence, start, end, ignore, lo, start)
             or lexicon.names_near(sentence, start, end, ignore, end, after))
    if not found and lo > 0 and (_PRONOUN.search(sentence, lo, start)
                                 or (lo == clause and _NO_SUBJECT.match(sentence, lo, start))):
        # "a court acquitted Ousmane Sonko but sentenced him to two years", "Khan remains in
        # prison; his 10-year sentence…", "El Kadi was arrested … and has now been held for
        # almost six months": whom the pronoun or the missing subject stands for, earlier
        found = lexicon.names_near(sentence, start, end, ignore, 0, lo)
    return found


_ORDINAL_QUOTE = re.compile(r"(?:\d(?:st|nd|rd|th)|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
                            r"ninth|tenth|eleventh|twelfth|[a-z]+tieth|hundredth))\Z", re.IGNORECASE)
# what was done to the internet, as subject_terms reads it ("restored" → restor; "shut" reads as closing
# an organisation, so it is not here)
_CUT_WORDS = frozenset({"cut", "down", "entire", "entirely", "block", "suspend", "off", "restor", "switch", "disrupt",
                        "throttl"})
_INTERNET = re.compile(r"\binternet\b|\bmobile data\b", re.IGNORECASE)
_ORDINAL_ENDS = frozenset({"st", "nd", "rd", "th"})  # how every _ORDINAL_QUOTE match ends
_NTH_TO_BE = re.compile(r"\s+(?:[\w-]+\s+){1,2}to\s+(?:be|have|die|receive)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|herself)\b", re.IGNORECASE)
# a clause after "and" or "but" that opens with its verb shares the sentence's subject
_NO_SUBJECT = re.compile(r"\s*(?:has|have|had|was|were|is|are|remains|remained|faces|faced|spent|served|"
                         r"will|would|could|may|might)\b", re.IGNORECASE)


_CHANGED_TO = re.compile(r"\s*(?:[^\W\d]+\s+)?(?:to|and)\s+\Z")  # "from 28 years to 50 years"
# "sentenced Anchan to 87 years, then halved the term to 43 years": the same person's term
_TERM_AGAIN = re.compile(r"\b(?:halved|cut|reduced|commuted|doubled|raised|increased|extended|shortened)\s+"
                         r"(?:the|his|her|their)\s+(?:prison\s+)?(?:term|sentence)s?\s+to\s+\Z", re.IGNORECASE)


_YEAR = re.compile(r"(?:1[89]|20)\d\d\Z")
_FIGURE = re.compile(r"\b\d[\d,.]*\b|\b(?:dozens|hundreds|thousands)\b", re.IGNORECASE)
_AMONG_THEM = re.compile(r"\b(?:among|of) them,?\s*\Z", re.IGNORECASE)
_AMONG_AFTER = re.compile(r"\s+[\w'’-]+\s+(?:are|were|is|was)\s+among\s+([^.;:,]+)", re.IGNORECASE)
_OF_WHOM = re.compile(r"\s+[\w-]+\s+of\s+([\w-]+(?:['’]s?)?)")
_HOLDER_BEFORE = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+){0,2}?[A-Z][\w'’-]+)\s+(?:still\s+|now\s+|also\s+)?(?:holds|held|jails|jailed|keeps|kept|"
    r"hosts|hosted|imprisons|imprisoned)\s+(?:(?:some|about|around|nearly|almost|at\s+least|more\s+than|over|"
    r"roughly|only|another)\s+)*\Z")
_HOLDER_VERBS = (" hold", " held ", " jail", " keep", " kept ", " host", " impris")  # in every _HOLDER_BEFORE match
_DEMONYM_NOUNS = ("refugees", "migrants", "asylum", "nationals", "citizens", "émigrés", "emigres", "exiles",
                  "workers", "students")
_DEMONYM_PEOPLE = re.compile(r"\b([A-Za-z][a-z]+)\s+(?=(?:refugees|migrants|asylum[- ]seekers|nationals|citizens|"
                             r"émigrés|emigres|exiles|workers|students)\b)")
# Where people came from or were sent, not where they were counted: "1,676 crossings from
# Belarus", "135 prisoners expelled to Guatemala".
# "from Pakistan, Syria and Egypt": every country of the list is where people came from
_FROM_PLACE = lexicon.searched_from(
    "bdefst",
    r"\b(?:from|(?:expelled|deported|exiled|flown|sent|transferred|banished) to) (?:the )?"
    r"([A-Z][\w-]*(?:(?:, [A-Z][\w-]*)*,? (?:and|or) [A-Z][\w-]*)?)")  # a list ends in and/or
_FROM_WORDS = ("from", "expelled", "deported", "exiled", "flown", "sent", "transferred", "banished")  # in every match
_CAPITALISED = re.compile(r"[A-Z][\w-]*")
_FLED_TO = re.compile(r"\b(?:fled|flew|escaped|went into exile) to (?:the )?([A-Z][\w-]*)")
_FLED_WORDS = ("fled", "flew", "escaped", "exile")  # in every _FLED_TO match
_MOVERS = lexicon.searched_from(
    "acdfmr",
    r"\b(?:refugees?|migrants?|asylum|displaced|fled|crossed|crossings|arrivals)\b", re.IGNORECASE)
_ADDED_BEFORE = lexicon.searched_from(
    "a",
    r"\badd(?:s|ed)?\s+(?:[\d,.]+\s+[\w-]+\s+and\s+)?\Z"
    r"|\b(?:another|a\s+further|an\s+additional)\s+\Z", re.IGNORECASE)  # "pardoned another 29"
_MORE_AFTER = re.compile(r"\s+(?:more|additional|further)\s+(?!than\b)[a-z]", re.IGNORECASE)
_TO_LIST = re.compile(r"[^.;:]*?\bto (?:its|the|their) ((?:[\w'’-]+ ){0,3}?)list\b(?: of ((?:[\w'’-]+ ?){1,3}))?",
                      re.IGNORECASE)


def _previous_noun(sentence, at):
    """What the figure before ``at`` in the same sentence counts, without what
    happened to it: "More than 250 political prisoners have been freed…, but about
    1,250 remain behind bars" → political prisoner. Years are not figures."""
    for m in reversed(list(_FIGURE.finditer(sentence, 0, at))):
        if _YEAR.match(m.group()):
            continue
        after = sentence[m.end(): at]
        stop = _NEXT_FIGURE.search(after)
        words = _words(after[: stop.start()] if stop else after)[:8]
        terms = set(lexicon.subject_terms(" ".join(words), drop=lexicon.PLACE_WORDS))
        terms -= lexicon.EVENT_WORDS | lexicon.GENERIC
        if terms:
            # not who did it: "458 people killed by the security forces, including 63 children"
            return tuple(sorted(terms - _agent_terms(after)))
    return ()


_POLITICAL = re.compile(r"\b(?:on political grounds|for political reasons|politically motivated|"
                        r"for (?:their|his|her) (?:views|beliefs))\b", re.IGNORECASE)


@functools.lru_cache(maxsize=10_000)
def _title_noun(title):
    """What a title counts, when it names one of the nouns news figures count
    ("Political prisoners freed in Belarus…" → political prisoner): the noun and
    up to two words before it, without what happened to it."""
    words = lexicon.words(title)
    for i, word in enumerate(words):
        if lexicon.canonical(word) in lexicon.TITLE_HEADS:
            terms = set(lexicon.subject_terms(" ".join(words[max(0, i - 2): i + 1]), drop=lexicon.PLACE_WORDS))
            terms -= lexicon.GENERIC
            if lexicon.canonical(word) not in lexicon.EVENT_WORDS:
                terms -= lexicon.EVENT_WORDS
            return tuple(sorted(terms))
    return ()


def _whole_of_slice(sentence, at, end):
    """The group a bare slice ("women") is part of: "180 women are among the
    country's political prisoners"; "…political prisoners, among them 170 women"."""
    m = _AMONG_AFTER.match(sentence, end)
    if m:
        terms = set(lexicon.subject_terms(" ".join(_words(m.group(1))[:5]),
                                          drop=lexicon.PLACE_WORDS))
        return tuple(sorted(terms - lexicon.EVENT_WORDS - lexicon.GENERIC))
    if _AMONG_THEM.search(sentence, 0, at):
        return _previous_noun(sentence, _AMONG_THEM.search(sentence, 0, at).start())
    return ()


def _new_entries(sentence, at, end, lo):
    """Does the figure count additions ("the EU added 17 people and 11 entities",
    "17 more individuals")? Then also the list they were added to, if named
    ("added 42 people to its list of political prisoners")."""
    if not (_ADDED_BEFORE.search(sentence, lo, at) or _MORE_AFTER.match(sentence, end)):
        return ()
    words = ["new"]
    m = _TO_LIST.match(sentence, end)
    if m:
        words += lexicon.words(f"{m.group(1)} {m.group(2) or ''}")
    return lexicon.subject_terms(" ".join(words), drop=lexicon.PLACE_WORDS)


# A monitor's name often says what it counts: "the Mechanism for the Recognition of
# Political Prisoners counts 201", "the Committee to Protect Journalists lists 26".
_ORG_NAME = re.compile(r"(?:[A-Z][\w'’-]*)(?:\s+(?:(?:of|for|to|the|on|and)\s+)*[A-Z][\w'’-]*)+")
# Words that say a figure is a list's size, not what is on it: "lists 168 people",
# "added 31 names to its list".
_LIST_WORDS = frozenset({"list", "name", "register", "registry", "record"})


@functools.lru_cache(maxsize=10_000)
def _named_noun(text):
    """The noun a capitalised name in ``text`` counts ("Mechanism for the Recognition
    of Political Prisoners" → political prisoner), with the slice word before it."""
    for m in _ORG_NAME.finditer(text or ""):
        words = lexicon.words(m.group())
        for i, word in enumerate(words):
            head = lexicon.canonical(word)
            if head in lexicon.TITLE_HEADS:
                before = lexicon.canonical(words[i - 1]) if i else ""
                keep = [before] if before in lexicon.SLICE_WORDS - lexicon.EVENT_WORDS else []
                return lexicon.subject_terms(" ".join(keep + [word]))
    return ()


def _monitor_noun(claim, sentence, at, terms):
    """What a figure counts when its own words name only people, names on a list or
    the monitor itself ("the Mechanism for the Recognition of Political Prisoners now
    lists 168 people", "…bringing its total to 243"): the noun the monitor's name
    counts, from its attribution or a name before the figure in the sentence."""
    named = _named_noun(claim.get("attribution") or "") or (
        _named_noun(sentence[:at]) if at > 0 else ())
    if not named:
        return ()
    own = set(terms) - lexicon.GENERIC - _LIST_WORDS - lexicon.EVENT_WORDS - {"new"}
    org = set()
    for m in _ORG_NAME.finditer(f"{claim.get('attribution') or ''} {sentence[:max(at, 0)]}"):
        org |= set(lexicon.subject_terms(m.group()))
    if own - org:
        return ()
    kept = set(terms) & (lexicon.EVENT_WORDS | {"new"})
    if "arrest" in kept:
        return ()  # "AAPP says 19,829 people have been arrested": arrests, which its name would fold away
    return lexicon.subject_terms(" ".join(sorted(kept | set(named))))


# "bringing its total to 243", "taking the list to 157": the figure after is the running
# total of what the clause counted, not the addition.
_TOTAL_TO = lexicon.searched_from(
    "blprt",
    r"\b(?:bring|brings|bringing|brought|take|takes|taking|took|raise|raises|raising|raised|push|pushes|"
    r"pushing|pushed|lift|lifts|lifting|lifted)\s+(?:(?:its|the|their|his|her|this|that)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:list|total|tally|count|number|toll|figure)s?\s+(?:[\w'’-]+\s+){0,3}?to\s+\Z"
    r"|\bto a total of\s+\Z", re.IGNORECASE)
# A verb right before a figure that says what happened to what it counts: "the government
# frees 135 political prisoners", "police detain 30 marchers"; a hedge or auxiliary between.
_VERB_BEFORE_FIGURE = re.compile(  # (past a particle: "have rounded up hundreds")
    r"\b([a-z][\w-]*)(?:\s+(?:up|out))?\s+(?:(?:a|an|another|some|about|around|nearly|almost|at least|more than|over|"
    r"up to|roughly|only|just|least|at)\s+)*\Z")
# The group a bare slice ("16 women") belongs to, named before it: "Among those behind bars
# are 16 women", "Those freed included 14 women".
_AMONG_BEFORE = re.compile(
    r"\bamong\s+(?:those|the|its|their|them)\s+((?:[\w'’-]+\s+){1,4}?)(?:are|were|is|was)\s+\Z"
    r"|\bthose\s+((?:[\w'’-]+\s+){1,3}?)(?:included|include|includes|including|were|are)\s+\Z",
    re.IGNORECASE)


_TAKEN_INTO = re.compile(r"\b(?:taken|taking|take|takes|took) into (?:police |state )?custody\b", re.IGNORECASE)
# Who counts, when the extractor found no attribution: the named group a sentence opens
# with, before a verb of counting ("The Mechanism … added 31 names…, bringing its total to 243").
_OPENING_SOURCE = re.compile(
    r"\A\W*(?:[Tt]he\s+)?((?:[A-Z][\w'’-]*)(?:\s+(?:(?:of|for|to|the|on|and)\s+)*[A-Z][\w'’-]*)*)\s+"
    r"(?:(?:now|also|has|have|had|still)\s+)*(?:counts?|counted|lists?|listed|adds?|added|records?|recorded|"
    r"registered|documented|says?|said|reports?|reported|estimates?|estimated|puts?)\b")


# What the extractor keeps as written when it cannot say who "the group" is: no name.
_GENERIC_SOURCES = frozenset(noun.lower() for noun in lexicon.ANAPHOR_NOUNS)


def _known_list(attribution):
    "What a monitor named last in an attribution is known for counting (lexicon.MONITOR_NOUNS), or None."
    words = lexicon.words(attribution or "")
    return lexicon.MONITOR_NOUNS.get(words[-1]) if words else None


def _named_source(attribution):
    "The attribution, unless it is a bare 'group' or 'centre' that names nobody."
    return None if (attribution or "").strip().lower() in _GENERIC_SOURCES else attribution


_PLACE_OR_STOPWORDS = lexicon.PLACE_WORDS | lexicon.STOPWORDS


def _opening_source(sentence, at):
    "The named group a sentence opens with as the one who counts (see _OPENING_SOURCE), or None."
    m = _OPENING_SOURCE.match(sentence or "")
    if not m or m.end() > at or not lexicon.words(m.group(1)):
        return None
    name = m.group(1)
    if set(lexicon.words(name)) <= _PLACE_OR_STOPWORDS:
        return None  # "Belarus says…": a country, not a monitor
    return name


def _event_before(sentence, at):
    """The event word of the verb right before a figure ("frees 135" → release), or None."""
    m = _VERB_BEFORE_FIGURE.search(sentence, max(0, at - 40), at)
    if not m:
        return None
    word = m.group(1).lower()
    if not word.endswith(("s", "ed", "ing")) and word not in ("free", "detain", "arrest", "release", "jail",
                                                                "execute", "hang", "kill", "pardon"):
        return None  # "the 135", "of 40": not a verb
    event = lexicon.canonical(word)
    if event == "refugee" and word.startswith("host"):
        return event  # "Egypt hosts about 500,000 of them": refugees (not "fled 20 km")
    return event if event in lexicon.EVENT_WORDS - {"vote", "march", "refugee"} else None


_SANCTIONS = re.compile(r"\bsanctions?\s+(?:list|blacklist|regime|packages?)\b|\b(?:round|package|list) of "
                        r"(?:\w+ )?sanctions\b", re.IGNORECASE)
_LISTED = lexicon.GENERIC_PEOPLE | {"name", "individual"}  # who a list names, said plainly (not its entities)
_THAT_DAY = re.compile(r"\bthat day\b", re.IGNORECASE)
_VISITED = re.compile(r"\b(?:visited|interviewed|examined)\s+(?:(?:" + _HEDGES + r")\s+)?\Z", re.IGNORECASE)
_VISITED_WORDS = ("visited", "interviewed", "examined")  # in every _VISITED match
_SLICE_BEFORE = re.compile(r"\b([a-z]+)\s+(?:account(?:s|ed)? for|make up|made up|makes up|represent(?:s|ed)?|"
                           r"number(?:s|ed)?)\s+(?:(?:" + _HEDGES + r")\s+)?\Z",
                           re.IGNORECASE)
_SLICE_WORDS = ("account", "make", "made", "represent", "number")  # in every _SLICE_BEFORE match
_SLICE_ARE = re.compile(r"\b([a-z]+)\s+(?:were|are)\s+(?:(?:" + _HEDGES + r")\s+)?\Z", re.IGNORECASE)
_OF_THE_WHOLE = re.compile(r"\s+of\s+(?:the|those|all)\b", re.IGNORECASE)
# a figure, a colon, then this list's figure (perhaps after the list's first item)
_LIST_AFTER_COLON = re.compile(r"\d[^:;.]*:\s+(?:[^:;.\d]*\d[\d,]*[^:;.\d]*?(?:\sand|,)\s+)?\Z")
_AND_FIGURE_VERB = re.compile(
    r"\s+[\w-]+(?:\s+[\w-]+)?\s+and\s+(?:some\s+|about\s+|at\s+least\s+)?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|dozens|hundreds)\s+(?:[\w-]+\s+){1,3}?(?:were|was|have\s+been|had\s+been|are)?\s*"
    r"((?:killed|died|injured|wounded|arrested|detained|shot\s+dead|shot)\b)", re.IGNORECASE)
_INCLUDING = re.compile(r",?\s+(?:including|among them|among whom)\s+\Z", re.IGNORECASE)
_OF_THEM_AFTER = re.compile(r"\s+of (?:them|whom|those)\b", re.IGNORECASE)


# A figure whose verb is left out, after the figure that has it: "…and Chad about 570,000"
_GAPPED = re.compile(r",?\s+(?:and|while|but|whereas)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+"
                     r"(?:(?:" + _HEDGES + r"|roughly)\s+)?\Z")


# A fact-box row's one-word label: "- Killed: 238, among them 19 members of the security forces".
_LABEL_VERB = re.compile(r"\A[\s\-•*·]*([A-Z][a-z]+):\s*\Z")


def _event_of_previous(sentence, at):
    """The event word of the verb (or a row's label) before the sentence's previous figure
    ('frees 135 …, 14 of them', 'Killed: 238, among them 19')."""
    for m in reversed(list(_FIGURE.finditer(sentence, 0, at))):
        if _YEAR.match(m.group()) or not _other_figure(sentence, m):
            continue
        label = _LABEL_VERB.match(sentence, 0, m.start())
        if label and (event := lexicon.canonical(label.group(1).lower())) in lexicon.EVENT_WORDS:
            return event
        return _event_before(sentence, m.start())
    return None


def _previous_events(sentence, at):
    "What happened to what the sentence's previous figure counts, said after it ('… freed since June')."
    for m in reversed(list(_FIGURE.finditer(sentence, 0, at))):
        if _YEAR.match(m.group()) or not _other_figure(sentence, m):
            continue
        after = sentence[m.end(): at]
        stop = _NEXT_FIGURE.search(after)
        words = _words(after[: stop.start()] if stop else after)[:8]
        return set(lexicon.subject_terms(" ".join(words))) & lexicon.EVENT_WORDS
    return set()


def _whole_events(sentence, at):
    """What happened to the whole a part after "including" or "among them" belongs to: the
    events said after the previous figure, and the verb before it ("killed 326 people,
    including 43 children")."""
    return (_previous_events(sentence, at) | {_event_of_previous(sentence, at)}) - {None}


def _group_before(sentence, at, lo):
    "The group named before a bare slice ('Among those behind bars are 16 women')."
    m = _AMONG_BEFORE.search(sentence, lo, at)
    if not m:
        return ()
    return lexicon.subject_terms(m.group(1) or m.group(2), drop=lexicon.PLACE_WORDS)


@functools.lru_cache(maxsize=10_000)  # attributions many claims share
def _words_of(text):
    "The set of a text's words."
    return frozenset(lexicon.words(text))


_RELATIVE_BEFORE = re.compile(r"([^,;:()]+),\s+(?:who|which|whose)\b[^,;:()]*\Z")
_RELATIVE_WORDS = ("who", "which")  # in every _RELATIVE_BEFORE match (case and all)


def _origins(text):
    "The capitalised words (lower-cased) of the places a text says people came from or were sent to."
    if not lexicon.contains_any(text, _FROM_WORDS):
        return frozenset()
    return frozenset(w.lower() for found in _FROM_PLACE.findall(text) for w in _CAPITALISED.findall(found))


def _place(claim, subject, sentence, start, end, lo, hi, document_place):
    """Where a figure holds, from the strongest evidence to the weakest: a place
    named after "in/across/into" in the subject or next to the figure in its own
    clause ("registered in Poland"; after the figure only up to a comma: "Lukashenko,
    who has ruled for 27 years, met Putin in St Petersburg"); any place in the subject
    or the figure's own clause; the country of a monitor that counts in one (Viasna →
    Belarus, even in a report from Vilnius); a place elsewhere in the sentence (a
    sentence says more about its figure than the document does about all of them);
    the country the document is about; the country of who reports it ("Lithuanian
    officials"). A place after "from" is
    where people or things came from, not where they were counted ("1,676 crossings
    from Belarus"): the last resort."""
    both = f"{subject} {sentence}"
    origins = _origins(both)
    if (lexicon.contains_any(both, _FLED_WORDS) and not _MOVERS.search(subject)
            and not (start >= 0 and _MOVERS.search(sentence, end, end + 40))):
        # "Hasina resigned and fled to India, ending 15 years in power": where someone went,
        # not where the figure holds (refugees who fled to Poland are counted there)
        origins |= frozenset(w.lower() for found in _FLED_TO.findall(both) for w in _CAPITALISED.findall(found))
    # "Poland hosts nearly 1 million Ukrainian refugees": whose people they are, not where
    if lexicon.contains_any(both, _DEMONYM_NOUNS):  # (every _DEMONYM_PEOPLE match holds one)
        origins |= frozenset(w.lower() for w in _DEMONYM_PEOPLE.findall(both))
    holder = (_HOLDER_BEFORE.search(sentence, max(lo, start - 60), start)
              if start > 0 and lexicon.contains_any(sentence, _HOLDER_VERBS) else None)
    if holder:  # "In Europe, Belarus holds 37": the country that holds them
        mentions = lexicon.place_mentions(holder.group(1))
        if mentions and mentions[-1][1] not in ("World", "Europe"):
            return mentions[-1][1]
    place = lexicon.located_place(subject, 0)
    if place is None and start >= 0:
        near_lo = max(lo, start - 60)
        comma = sentence.find(", ", end, hi)
        near_hi = min(hi if comma < 0 else comma, end + 60)
        place = lexicon.located_place(sentence[near_lo:near_hi], start - near_lo)
        if place and place.lower() in origins:
            place = None  # "fled to India …, ending 15 years in power"
    if place is None:
        place = lexicon.nearest_place(subject, 0, origins)
    ignore = _words_of(claim.get("attribution") or "")
    if (place is None and sentence and start >= 0 and sentence.find(",", end) >= 0
            and lexicon.contains_any(sentence[:start], _RELATIVE_WORDS)):
        m = _RELATIVE_BEFORE.search(sentence, 0, start)
        if m:
            # "Lukashenko, who has ruled for 27 years, met Putin in St Petersburg": a figure
            # in a relative clause belongs to the one it describes
            place = lexicon.nearest_place(m.group(1), len(m.group(1)), ignore | origins)
    if place is None and sentence and start >= 0:
        place = lexicon.nearest_place(sentence[lo:hi], start - lo, ignore | origins)
    if place is None and ignore & lexicon.MONITORS:  # Viasna → Belarus
        place = lexicon.nearest_place(" ".join(sorted(ignore & lexicon.MONITORS)), 0)
    if place is None and sentence:
        place = lexicon.nearest_place(sentence, max(start, 0), ignore | origins)
        if place is not None and start >= 0 and document_place is not None:
            # named in another clause of the sentence ("…2,000 complaints, and Lithuania had
            # begun a fence"): inferred, the document's countries beside it
            inferred = document_place(claim.get("document_id"))
            if inferred and place_country(inferred) != place:
                return WEAK_PLACE + "|".join([place] + sorted(
                    set(inferred.lstrip(WEAK_PLACE).split("|")) - {place}))
    if place is None and document_place is not None:  # weak: "~Lithuania|Belarus"
        inferred = document_place(claim.get("document_id"))
        section = getattr(document_place, "paragraph_place", None)
        local = section(claim.get("document_id"), claim.get("start")) if section else None
        if local:
            # a round-up's paragraph on one country: "Nepal. The uprising left 76 dead" is
            # Nepal's, not any other country's the round-up names
            return document_place_text(local)
        if inferred:
            place = inferred if inferred.startswith(WEAK_PLACE) else document_place_text(inferred)
    if place is None:  # who reports it: "Lithuanian officials said…"
        place = lexicon.nearest_place(claim.get("attribution") or "", 0)
    if place is None:
        place = lexicon.nearest_place(both, 0, ignore)
    return place


# A place read from the claim itself (its subject, sentence or monitor) is a bare
# country: "Belarus". One inferred from its document only is weak, marked "~" and
# followed by the other countries the document names: "~Lithuania|Belarus" (a report
# about Lithuania that also names Belarus). Readings are blocked by this string.
WEAK_PLACE = "~"


def document_place_text(dominant, named=()):
    """The place string of a figure placed by its document only: '~Lithuania|Belarus';
    '~|Lithuania|Belarus' when the document names countries but is about none of them
    more than the others (the figure's country is unknown, but one of those)."""
    dominant = (dominant or "").lstrip(WEAK_PLACE).split("|")[0]
    others = sorted(set(named) - {dominant, ""})
    if not dominant and not others:
        return None
    return WEAK_PLACE + "|".join([dominant] + others)


@functools.lru_cache(maxsize=4096)
def place_country(place):
    "The country of a place string ('' when unknown): '~Lithuania|Belarus' → 'Lithuania'."
    return place.lstrip(WEAK_PLACE).split("|")[0] if place else ""


@functools.lru_cache(maxsize=65536)
def places_agree(a, b):
    """Can figures placed at ``a`` and ``b`` (place strings) hold for one place? An
    unknown place agrees with any (relate penalises it); two places read from the
    claims themselves agree only when they are one country. A place inferred from
    a document agrees with a country read from a claim when that document names it
    too (a report about Lithuania quoting Belarus's count: "~Lithuania|Belarus" and
    "Belarus"; not "Russia"); two inferred places when either document names the
    other's country (as an inferred place agrees with a stated one)."""
    if not a or not b or a == b:
        return True
    ca, cb = place_country(a), place_country(b)
    if ca == cb:
        return True
    weak_a, weak_b = a.startswith(WEAK_PLACE), b.startswith(WEAK_PLACE)
    if not (weak_a or weak_b):
        return False
    named_a, named_b = set(a.lstrip(WEAK_PLACE).split("|")), set(b.lstrip(WEAK_PLACE).split("|"))
    if weak_a and weak_b:
        return ca in named_b or cb in named_a
    return cb in named_a if weak_a else ca in named_b


# Who gives a count, written into its subject: "by survivors' accounts", "by the group's
# count", "according to the ministry".
_WHOSE_COUNT = re.compile(r"\s*(?:\b(?:by|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:accounts?|counts?|tally|"
                          r"estimates?|reckoning)\b(?:\s+of\s+.*)?|\baccording\s+to\b.*)", re.IGNORECASE)
_WHOSE_COUNT_WORDS = ("account", "count", "tally", "estimate", "reckoning", "according")
# How people were taken: "detained in raids", "during night raids" (not "raids carried out").
_IN_RAIDS = re.compile(r"\s*\b(?:in|during)\s+(?:a\s+|the\s+)?(?:series\s+of\s+|wave\s+of\s+)?"
                       r"(?:[\w-]+\s+)?raids?\b", re.IGNORECASE)
# Who did what a count counts: "killed by the security forces", "detained by police".
_AGENT = (r"((?:security|government|state|armed|military|junta|regime)\s+forces|"
          r"(?:riot\s+)?police|troops|soldiers|army|military|junta|regime|security\s+services)\b")
_BY_AGENT = lexicon.searched_from(
    "abcdefhikpstw",
    r"\b(?:killed|shot(?: dead)?|detained|arrested|injured|wounded|executed|hanged|abducted|tortured|"
    r"put to death|beaten)\s+by\s+(?:the\s+)?" + _AGENT + r"|\bat the hands of\s+(?:the\s+)?" + _AGENT
    + r"|\b(?:clashes|fighting|confrontations)\s+with\s+(?:the\s+)?" + _AGENT,  # "48 deaths in clashes with the security forces"
    re.IGNORECASE)
_BY_AGENT_WORDS = (" by ", "hands of", " with ")  # in every _BY_AGENT match


def _agent_terms(text):
    """The words of who did what a figure counts, where text names them ("killed by the
    security forces", "deaths at the hands of the police"), else an empty set."""
    agent = _BY_AGENT.search(text) if lexicon.may_hold(text, _BY_AGENT_WORDS) else None
    if not agent:
        return frozenset()
    # the verb's match is the verb and who; the other is "at the hands of" and who
    return frozenset(lexicon.subject_terms(agent.group(1) or agent.group()))


def read_claim(claim, document_place=None):
    """The matcher's reading of one claim (a dict with the claims columns plus
    ``published``, ``publisher`` and ``url`` of its document). ``document_place``
    is a function returning the country a document is about (or its weak place
    string, see ``document_place_text``), or None."""
    subject = claim.get("subject") or ""
    unit = (claim.get("unit") or "").strip().lower()
    if lexicon.may_hold(subject, _WHOSE_COUNT_WORDS):
        subject = _WHOSE_COUNT.sub("", subject)  # "people on board by survivors' accounts": who says so
    if lexicon.may_hold(subject, ("raid",)):
        subject = _IN_RAIDS.sub("", subject)  # "people taken into custody in raids": how, not who
    quote = claim.get("quote") or ""
    sentence = claim.get("sentence") or ""
    terms = lexicon.subject_terms(subject, drop=lexicon.PLACE_WORDS)
    kind = "subject"
    at = sentence.find(quote) if quote and sentence else -1
    if not terms or set(terms) <= lexicon.GENERIC:
        extra = context_terms(sentence, quote)
        if at >= 0 and unit == "percent" and _VOTE_VERB.search(sentence, 0, at):
            extra = ("vote",)  # "Arriaga took at least 67% where they watched": a candidate's share
        if extra and not set(extra) <= lexicon.GENERIC:
            # "detaining 86 people": the subject's "people" is the generic who of the event
            terms = lexicon.subject_terms(" ".join(sorted(set(terms) | set(extra))))
            kind = "context"
        elif not terms:
            kind = "none"
    elif set(terms) <= lexicon.EVENT_WORDS and _ELIDED.match(sentence[at + len(quote):] if at >= 0 else ""):
        kind, terms = "none", ()  # "about 1,250 remain behind bars": who is named earlier
    elif not set(terms) & lexicon.EVENT_WORDS:
        # "media workers" in "32 media workers were in prison": the clause says what
        # happened to them when the subject does not
        events = set(context_terms(sentence, quote)) & lexicon.EVENT_WORDS
        if (not events and at >= 0 and not set(terms) <= lexicon.WHO_SLICES
                and _INCLUDING.search(sentence, max(0, at - 30), at)):
            # "about 50 people were killed, among them 10 members of the security forces":
            # what happened to the whole happened to its part
            events = _whole_events(sentence, at)
        elif not events and at >= 0 and ":" in sentence and _LIST_AFTER_COLON.search(sentence, max(0, at - 60), at):
            # "27 people died in the protests: 21 civilians and six police officers": the parts of
            # the count before the colon (read from where the list begins)
            colon = sentence.rfind(":", 0, at) + 1
            events = _whole_events(sentence, colon + len(sentence[colon:at]) - len(sentence[colon:at].lstrip()))
        elif (not events and at >= 0 and " and " in sentence[at:at + 60]
              and (both := _AND_FIGURE_VERB.match(sentence, at + len(quote)))):
            # "21 civilians and six police officers died": what the second befell the first too
            events = set(lexicon.subject_terms(both.group(1))) & lexicon.EVENT_WORDS
        if events:
            terms = lexicon.subject_terms(" ".join(sorted(set(terms) | events)))
    end = at + len(quote)
    if at >= 0 and kind == "none" and _ELIDED.match(sentence, end):
        # "…political prisoners have been freed, but about 1,250 remain behind bars":
        # the noun left out is the one the sentence's previous figure counts
        borrowed = _previous_noun(sentence, at)
        if borrowed:
            events = set(lexicon.subject_terms(" ".join(_words(sentence[end: end + 40])[:4])))
            terms = lexicon.subject_terms(" ".join(sorted(set(borrowed) | (events & lexicon.EVENT_WORDS))))
            kind = "context"
    elif at >= 0 and kind == "subject" and terms and set(terms) <= lexicon.WHO_SLICES:
        whole = _whole_of_slice(sentence, at, end)  # "170 women" among political prisoners
        if not whole and _INCLUDING.search(sentence, max(0, at - 30), at):
            # "Viasna counts 1,150 political prisoners, including 160 women"
            whole = _previous_noun(sentence, at)
            events = _whole_events(sentence, at)
            if events:  # "640 political prisoners freed since June, including 85 women"; "killed 326
                # people, including 43 children": what happened to the whole happened to the slice
                whole = tuple(sorted(set(whole) | events))
        if not whole:  # "Among those behind bars are 16 women"; "counts 201, among them 18 women"
            whole = _group_before(sentence, at, max(0, at - 80)) or (
                _monitor_noun(claim, sentence, at, ()) if _AMONG_THEM.search(sentence, 0, at) else ())
        if whole:
            terms = lexicon.subject_terms(" ".join(sorted(set(terms) | set(whole))))
    elif at >= 0 and kind == "subject" and terms:
        m = _OF_WHOM.match(sentence, end)  # "500 searches of journalists' homes"
        if m and lexicon.canonical(m.group(1)) in lexicon.WHO_SLICES - set(terms):
            terms = lexicon.subject_terms(" ".join(sorted(set(terms) | {lexicon.canonical(m.group(1))})))
    if at >= 0 and set(terms) & lexicon.WHO_SLICES and _OF_THEM_AFTER.match(sentence, end):
        # "frees 135 political prisoners, 14 of them women": what happened to the whole
        event = _event_of_previous(sentence, at)
        if event:
            terms = lexicon.subject_terms(" ".join(sorted(set(terms) | {event})))
    m = _SLICE_BEFORE.search(sentence, max(0, at - 40), at) if at >= 0 and lexicon.may_hold(
        sentence[max(0, at - 40): at], _SLICE_WORDS) else None
    if not m and at >= 0 and _OF_THE_WHOLE.match(sentence, end):
        m = _SLICE_ARE.search(sentence, max(0, at - 30), at)  # "Children were 12-13% of the dead"
    if m and lexicon.canonical(m.group(1)) in lexicon.WHO_SLICES - set(terms):
        # "Women account for 160 of the political prisoners": the slice is the sentence's subject
        terms = lexicon.subject_terms(" ".join(sorted(set(terms) | {lexicon.canonical(m.group(1))})))
    total_to = at >= 0 and bool(_TOTAL_TO.search(sentence, max(0, at - 60), at))
    if total_to and "new" in terms:
        terms = tuple(t for t in terms if t != "new")  # "…bringing its list to 157": the total
    if at >= 0 and not unit and not set(terms) <= lexicon.WHO_SLICES - {""}:
        borrowed = _monitor_noun(claim, sentence, at, terms)
        if borrowed:
            terms, kind = borrowed, "context" if kind == "none" else kind
    agent = _agent_terms(f"{subject} {sentence}")
    if agent:
        # "people killed by the security forces" are the people killed: who did it says
        # nothing of who is counted ("458 killed by the security forces, including 63 children")
        kept = set(terms) - agent
        if kept & lexicon.EVENT_WORDS:
            terms = tuple(sorted(kept))
    if {"prisoner", "exile"} <= set(terms):
        # "135 prisoners expelled to Guatemala" were freed to be expelled: the release
        terms = tuple(sorted(set(terms) - {"exile"} | {"release"}))
    if "take" in terms and _TAKEN_INTO.search(sentence, max(at, 0)):
        terms = lexicon.subject_terms(" ".join(sorted(set(terms) - {"take"} | {"arrest"})))  # "taken into custody"
    if at >= 0 and terms and not set(terms) & (lexicon.EVENT_WORDS | {"new"}):
        event = _event_before(sentence, at)  # "the government frees 135 political prisoners"
        if not event and set(terms) <= lexicon.GENERIC_PEOPLE and _GAPPED.search(sentence, max(0, at - 40), at):
            event = _event_of_previous(sentence, at)  # "Egypt hosts 500,000 of them and Chad about 570,000"
        if event:
            terms = lexicon.subject_terms(" ".join(sorted(set(terms) | {event})))
    if (at >= 0 and lexicon.may_hold(sentence[max(0, at - 40): at], _VISITED_WORDS)
            and _VISITED.search(sentence, max(0, at - 40), at)):
        # "his staff had visited 327 detainees": those seen, a part of the detainees
        terms = tuple(sorted(set(terms) | {"visit"}))
    if (at >= 0 and lexicon.may_hold(sentence, ("sanction",)) and _SANCTIONS.search(sentence)
            and set(lexicon.subject_terms(subject)) <= _LISTED):
        # "the sanctions list, which now covers 166 individuals", "targets 17 more individuals":
        # those listed, not people in general (nor what the words around say of them)
        terms = ("new", "sanction") if "new" in terms else ("sanction",)
    known_for = _known_list(claim.get("attribution")) if at >= 0 and kind == "none" else None
    if known_for:  # "Viasna counts about 1,250 in all": the list the monitor keeps
        terms, kind = lexicon.subject_terms(known_for), "context"
    if at >= 0 and kind == "none" and claim.get("title"):
        # "About 1,170 are still held." under "Political prisoners freed in Belarus":
        # the noun left out is the one the title counts
        borrowed = _title_noun(claim["title"])
        if borrowed:
            events = set(lexicon.subject_terms(" ".join(_words(sentence[end: end + 40])[:4])))
            terms = lexicon.subject_terms(" ".join(sorted(set(borrowed) | (events & lexicon.EVENT_WORDS))))
            kind = "context"
    if at >= 0 and kind != "none" and not unit:
        added = _new_entries(sentence, at, end, max(0, at - 60))
        if added:
            terms = lexicon.subject_terms(" ".join(sorted(set(terms) | set(added))))
    lo, hi = _own_clause(sentence, at, at + len(quote)) if at >= 0 else (0, len(sentence))
    still = _still_held_in(subject) or (at >= 0 and lexicon.may_hold(sentence[end:hi], _STILL_WORDS)
                                        and _STILL_HELD.match(sentence, end, hi))
    bounds = _bounding_figures(sentence, at, end, lo, hi) if at >= 0 else (lo, hi)
    own = f"{subject} {sentence[bounds[0]: bounds[1]]}" if at >= 0 else subject
    # "still at large" up to the next figure, past a "who" clause ("who escaped … remain at large")
    at_large = (at >= 0 and lexicon.may_hold(sentence[end:], ("large",))
                and _AT_LARGE.search(sentence, end, _next_figure(sentence, end, len(sentence))))
    if (set(terms) & _GONE and lexicon.STILL_HELD not in terms
            and ((lexicon.may_hold(own, _STILL_GONE_WORDS) and _STILL_GONE.search(own)) or at_large)):
        # "4,000 escaped prisoners are still at large", "84 remain unaccounted for": those not
        # back yet, not all who escaped or went missing
        terms = tuple(sorted((set(terms) - {"large"}) | {lexicon.STILL_HELD}))
    elif at_large and set(terms) <= {"prisoner", "person"}:
        # "Police say more than 8,000 of them are still at large": escaped inmates not back yet
        terms = tuple(sorted(set(terms) | {"escape", lexicon.STILL_HELD}))
    if still and set(terms) <= lexicon.GENERIC_PEOPLE:
        # "About 20,000 remain in detention", "Of these, 8,792 are still under detention":
        # the people are those held
        terms = lexicon.subject_terms(still.group())
    if ("displace" in terms and "refugee" not in terms and at >= 0
            and lexicon.may_hold(f"{subject} {sentence[lo:]}", _ABROAD_WORDS)
            and (_WITH_ABROAD.search(subject)
                 or _WITH_ABROAD.search(sentence, lo, _next_figure(sentence, end, len(sentence))))):
        # "With those who have left the country, 8.3 million people have been forced from their
        # homes", "more than 8 million when refugees abroad are included" (up to the next
        # figure): the displaced and the refugees together, not those displaced at home
        terms = tuple(sorted(set(terms) | {"refugee"}))
    if (at >= 0 and "change" not in terms and lexicon.may_hold(sentence[max(0, at - 40): at], ("by",))
            and _CHANGED_BY.search(sentence, max(0, at - 40), at)):
        # "Her sentences were cut by six years", "the toll rose by 12": how much a figure changed,
        # not the figure
        terms = tuple(sorted(set(terms) | {"change"}))
    if "emigrate" in terms and at >= 0 and _LEFT_PRISON.search(sentence, lo, hi):
        # "More than 300 detainees left prison": they were released, not emigrants
        terms = tuple(sorted(set(terms) - {"emigrate"} | {"release"}))
    if (set(terms) <= {"cross", "refugee"} and "cross" in terms and at >= 0
            and _CROSSED_INTO.search(f"{subject} {sentence[lo:hi]}")):
        # "More than 500,000 have crossed into neighbouring countries": all who have fled so
        # far, the refugees (not "24,000 crossed in August", a month's arrivals)
        terms = ("refugee",)
    if ("arrest" in terms and not set(terms) & lexicon.STOCK_WORDS and still
            and not (_IN_JAIL.search(still.group()) and set(terms) & lexicon.WHO_SLICES)):
        # "20,000 remain in detention", "16,000 … remain behind bars" count who is held now, not
        # everyone ever arrested; but in a census of a group, "9 journalists remain in prison"
        # is what "journalists behind bars" counts: there jail is held now already
        terms = tuple(sorted(set(terms) | {lexicon.STILL_HELD}))
    if at >= 0 and set(terms) & _BALLOTS and not unit and _AFTER_VOTE.search(
            f"{subject} {sentence[end:hi]}"):
        # "people killed after the vote", "since the election": when, not what is counted
        terms = lexicon.subject_terms(" ".join(t for t in terms if t not in _BALLOTS)) or terms
    anchor = _SINCE_ANCHOR.search(subject)
    if anchor and not unit:
        # "people detained since the protests began", "… in connection with the protests":
        # when and why, not who is counted (they stay apart from one rally's arrests)
        kept = set(terms) - set(lexicon.subject_terms(anchor.group(1)))
        if kept - lexicon.GENERIC:
            # (a slice word the words cannot say stays: "people still detained after the protests")
            terms = tuple(sorted(set(lexicon.subject_terms(" ".join(sorted(kept)))) | (kept & {lexicon.STILL_HELD})))
    if {"arrest", "die", "injure"} & set(terms) and "march" in terms:
        terms = tuple(sorted(set(terms) - {"march"} | {"rally"}))  # "people detained at the march"
    if at >= 0 and {"arrest", "die", "injure"} & set(terms) and not set(terms) & _OCCASIONS:
        m = _AT_OCCASION.search(sentence, end, hi)
        if m:  # "police detained 30 people during a silent march in Masaya": that rally's arrests
            occasion = m.group(1).lower()
            terms = tuple(sorted(set(terms) | {occasion if occasion in _OCCASIONS else "rally"}))
    window = _period_window(sentence, at, end) if at >= 0 else None
    night = "" if window is None else window
    part = _PART_OF.match(sentence, end) if at >= 0 and terms else None
    if part and (part.group("where") or "").lower() not in _COUNTRY_NAMES:
        # a country's part of a wider count is that country's count (its place says so)
        terms = tuple(sorted(set(terms) | {lexicon.PART_OF}))
    elif (at >= 0 and terms and set(terms) <= _PLAIN_COUNTS and _OF_THEM_FRONT.match(sentence)
          and not _FIGURE.search(sentence, 0, at)):
        # "Of them, about 250 were killed after she resigned": part of the count before (what
        # else happened to part of them, "Of those, 260 were jailed pending trial", says so itself)
        terms = tuple(sorted(set(terms) | {lexicon.PART_OF}))
    if (terms and quote[-2:].lower() in _ORDINAL_ENDS and not unit
            and _ORDINAL_QUOTE.search(quote) and not (at >= 0 and _NTH_TO_BE.match(sentence, at + len(quote)))):
        # "a third term" says which one, "two terms" how many: never the same figure ("the
        # second protester to be executed" is a count, two executed)
        terms = tuple(sorted(set(terms) | {lexicon.ORDINAL}))
    if at >= 0 and _WITHDRAWN.match(sentence):
        # "An earlier version of this story said 58 children…": a figure taken back
        terms = tuple(sorted(set(terms) | {lexicon.WITHDRAWN}))
    if ({"arrest", "die"} & set(terms) and _OVERNIGHT not in terms and not _SINCE.search(night)
            and lexicon.may_hold(night, _NIGHT_WORDS) and _OVERNIGHT in lexicon.subject_terms(night)):
        # "On election night alone, police detained 180 people": one night's count
        terms = tuple(sorted(set(terms) | {_OVERNIGHT}))
    if ("arrest" in terms and "prisoner" not in terms
            and ("political" in terms or _POLITICAL.search(sentence, lo, hi))
            and (lexicon.STILL_HELD in terms or _STOCK.search(subject) or _STOCK.search(sentence, lo, hi)
                 or (_HELD_FOR_VIEWS.search(f"{subject} {sentence[lo:hi]}")
                     and not _TAKEN_IN.search(sentence, lo, hi) and not _SINCE.search(sentence, lo, hi)))):
        # "1,150 people are behind bars on political grounds" are political prisoners
        terms = lexicon.subject_terms(" ".join(sorted(set(terms) - {"arrest", lexicon.STILL_HELD}
                                                      | {"prisoner", "political"})))
    place = _place(claim, subject, sentence, at, at + len(quote), max(lo, bounds[0]), min(hi, bounds[1]), document_place)
    window = sentence if window is None else window
    period = _period(unit, terms, window + " " + subject, claim.get("published"))
    if (period == "interval" and _TOLLS & set(terms) and lexicon.may_hold(window, ("that day",))
            and lexicon.period_kind(_THAT_DAY.sub("", window)) == "total"):
        # "the security forces killed at least 80 people that day": the toll of a day named
        # before, the event's whole toll (not one day's of many)
        period = "total"
    if unit in TIME_UNITS and set(terms) <= _CUT_WORDS and _INTERNET.search(sentence):
        terms = ("internet",)  # "the internet was cut for 23 days", "was down for six days": a shutdown's length
    if lexicon.ORDINAL in terms:
        period = "total"  # "a third term" is which one, whenever it is said ("in the election due this year")
    if (total_to or set(terms) & _OCCASIONS) and period == "interval":
        # a running total; one rally's arrests, however dated ("in January police detained 86
        # at a march"): a fixed figure, which the one-event rule in relate() keeps apart
        period = "total"
    local = (_locality(sentence, at, at + len(quote), lo, hi, bounds[1])
             if at >= 0 and _TOLLS & set(terms) and not unit else None)
    if local and not _names_town(local, set(terms)):
        # the town's count, however it was given ("17 of them in Juliaca": no part-of), unless
        # its subject names the town already
        terms = tuple(sorted(set(terms) - {lexicon.PART_OF} | {local}))
    low, high, point = interval(claim.get("value"), claim.get("low"), claim.get("high"),
                                claim.get("qualifier"))
    day = claim_day(claim.get("as_of") or _date_label(sentence) or _date_in_clause(window, period, quote)
                    or _last_years_event(window, claim.get("published")), claim.get("published"))
    return Reading(
        claim_id=claim.get("id"),
        document_id=claim.get("document_id"),
        unit=unit,
        subject_key=" ".join(terms),
        key_kind=kind,
        place=place or "",
        period=period,
        day=day,
        source=source_name(_named_source(claim.get("attribution")) or _opening_source(sentence, at),
                           claim.get("publisher"), claim.get("url")),
        names=" ".join(_owners(claim, sentence, at, at + len(quote), lo, bounds)),
        qualifier=claim.get("qualifier") or "exact",
        low=low,
        high=high,
        point=point,
        since=_since_of(sentence, at, at + len(quote), day),
    )


# Where in a country a toll was counted, when the figure's clause names a town or district
# the gazetteer does not hold as a country's ("eight people were killed in the city of
# Ayacucho", "in Juliaca, where 17 people were killed"): a subject word LOCAL + name, a
# slice, so one town's dead are not the country's, nor another town's.
LOCAL = "@"
_TOLLS = frozenset({"die", "injure"})
_LOCALITY_AFTER = re.compile(
    r"\s(?:in|near|from)\s+(?:the\s+(?:[a-z]+\s+)?(?:city|town|village|region|province|district|department|"
    r"neighbourhood|commune|area|port)\s+of\s+|the\s+attack\s+on\s+)?(?P<town>(?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+)?)")
_SOME_OF_THEM = re.compile(r"\b(?:most|many|some|several|all|half|one|two|three)\s+of\s+(?:them|whom)\b", re.IGNORECASE)
_LOCALITY_BEFORE = re.compile(r"\b[Ii]n\s+(?P<attack>the\s+attack\s+on\s+)?(?P<town>(?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+)?)"
                              r"(?P<date>\s+on\s+\d{1,2}\s+[A-Z][a-z]+)?(?P<alone>\s+alone)?,\s+"  # "In Douala alone, …"
                              r"(?(attack)(?:[^,;]{1,40},\s+)?|(?(alone)|"
                              # "in Mandakao, a village in the south where 42 people were killed"
                              r"(?:an?\s+(?:[a-z]+\s+)?(?:village|town|city|district|settlement|suburb)\b[^,;]{0,30}?\s+)?"
                              r"(?:where|(?(date)when|(?!)))\s+))[^,;]{0,40}\Z")  # "in Ayacucho on 15 December, when"
_OCCASION_AFTER = re.compile(r"(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:protests?|demonstrations?|rall(?:y|ies)|marches|march|"
                             r"unrest|uprising|revolution|strikes?|riots?|movement|massacre)\b", re.IGNORECASE)
# a sentence opening with a town that holds its figures: "In Nzérékoré, in the forest region,
# clashes killed at least 32 people" (a town the gazetteer does not know: see _locality)
_LOCALITY_OPENING = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}\s*[—–-]\s*)?"  # (a live blog's time: "14:20 — ")
                               r"In\s+(?P<town>(?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+)?),\s+[^;:]*\Z")
_AND_ELSEWHERE = re.compile(r",?\s+(?:and|or)\s+(?:in\s+|across\s+|around\s+)?(?:the\s+|other\s+|several\s+)?"
                            r"(?:[A-Z]|(?:\w+\s+)?(?:cities|towns|provinces|regions|districts|country)\b)")
_NOT_LOCALITIES = frozenset(
    """congress parliament court senate government the a an this that its their his her
    christmas easter ramadan""".split()) | frozenset(lexicon.MONTHS) | frozenset(lexicon.WEEKDAYS)
LOCALITY_REACH = 40  # characters after a figure its town may be named in


def _locality(sentence, start, end, lo, hi, following):
    """LOCAL + the town a figure's own clause sentence[lo:hi] places it in (see
    _LOCALITY_AFTER), or None; ``following``: where the next figure starts (_next_figure)."""
    # "46 deaths …, 21 of them in Cali": Cali is the 21's
    part = _SOME_OF_THEM.search(sentence, end, hi) if following == hi else None
    hi = part.start() if part else following  # so is "most of them shot in Dakar" a part's
    m = _LOCALITY_AFTER.search(sentence, end, hi)
    if m and (m.start() - end > LOCALITY_REACH or _AND_ELSEWHERE.match(sentence, m.end())):
        m = None  # (not "in N'Djamena and in the southern cities": more places than one)
    if m and m.group("town").split()[0].lower() in _NOT_LOCALITIES:
        m = None  # "killed in clashes in May": a time, so the town may be named before
    before = None if m else _LOCALITY_BEFORE.search(sentence, lo, start)
    opening = None if m or before else _LOCALITY_OPENING.match(sentence, 0, start)
    m = m or before or opening
    if not m:
        return None
    if _OCCASION_AFTER.match(sentence, m.end("town")):
        return None  # "in Monday's Saba Saba protests": the name of the protests, not a town
    words = [w for w in m.group("town").lower().split() if not w.endswith(("'s", "’s"))]
    if opening and any(w in lexicon.PLACE_WORDS for w in words):
        return None  # "In Geneva, the UN said…": a town the gazetteer knows is where news is told
    capital = lexicon.is_capital(" ".join(words)) if words else False
    if capital and not before and _OF_THEM_AFTER.match(sentence, end):
        capital = False  # "27 civilians, 18 of whom died in Freetown": a part the capital holds
    if not words or words[0] in _NOT_LOCALITIES or capital or any(
            w in lexicon.MONITORS or (w in lexicon.PLACE_WORDS and not (before and w not in _COUNTRY_NAMES))
            for w in words):
        # (a known city is a town's place only in "in Zahedan, where 104 were shot": "killed
        # in Minsk" is often the country's count)
        return None
    return LOCAL + "-".join(words)


# --- comparing two readings -----------------------------------------------------------------


_HAPPENINGS = lexicon.EVENT_WORDS - lexicon.OCCASION_WORDS  # what happened, not where


def _names_town(local, words):
    """The words of ``words`` that name the town of a LOCAL key word ("@juliaca" in
    "die juliaca", "@wharf-jérémie" in "wharf jérémie", "@pont-sondé" in "pont-sondé"),
    else an empty set."""
    name = local[1:]
    if name in words:
        return {name}
    town = set(name.split("-"))
    return town if town <= words else set()


def _same_town(a, b):
    """Two key word sets with a town marker read as the town's name where the other
    subject names that town ("@cali die" and "cali die": Cali's dead both)."""
    a, b = set(a), set(b)
    for mine, other in ((a, b), (b, a)):
        for word in [w for w in mine if w[0] == LOCAL and w not in other]:
            town = _names_town(word, other)
            if town:
                mine.discard(word)
                mine |= town
    return a, b


def subject_score(key_a, key_b):
    """0-100: how alike two subject keys are. A slice word (women, released,
    new...) in one key and not the other makes them different quantities: 0."""
    if not key_a or not key_b:
        return 0.0
    if key_a == key_b:
        return 100.0
    a, b = set(key_a.split()), set(key_b.split())
    if any(w[0] == LOCAL for w in a ^ b):
        a, b = _same_town(a, b)
        if a == b:
            return 100.0
        key_a, key_b = " ".join(sorted(a)), " ".join(sorted(b))
    if (a ^ b) & lexicon.SLICE_WORDS or any(w[0] == LOCAL for w in a ^ b):
        return 0.0
    score = float(fuzz.token_sort_ratio(key_a, key_b))
    extra = (b - a) if a < b else (a - b) if b < a else None
    smaller = a if a < b else b
    says_event = bool(smaller & lexicon.EVENT_WORDS)
    if (a ^ b) <= lexicon.OCCASION_WORDS and a & b & _HAPPENINGS:
        # "killed" and "killed in post-election protests": what happened agrees, the
        # words around it name the unrest it happened in
        score = max(score, SUBSET_SCORE)
    elif (extra and len(extra) == 1 and (not extra & lexicon.EVENT_WORDS or not says_event)
            and (a & b) - lexicon.GENERIC):
        # "torture" and "arrest torture", "journalist" and "arrest journalist": one
        # says more about the same thing (an event word only when the other names none)
        score = max(score, SUBSET_SCORE)
    return score


def _confirms(a, b, score):
    """Context words that contain the whole of the other claim's stated subject
    ("arrest election" read around "31,000" holds "people detained"): the words
    around the figure confirm the subject rather than guess it."""
    if score < SUBSET_SCORE or (a.key_kind == "context") == (b.key_kind == "context"):
        return False
    stated, read = (b, a) if a.key_kind == "context" else (a, b)
    words, around = set(stated.subject_key.split()), set(read.subject_key.split())
    extra = around - words - lexicon.GENERIC
    return bool(words - lexicon.GENERIC) and words <= around and len(extra) <= 1


def _long_running(total):
    """Does a total count since a start more than a week before it (or an unnamed one)?
    Such a running total ("convicted since 2020") is not a week's count, whatever the figures."""
    return total.since == 1 or (total.since > 1 and total.day - total.since > 7)


def _ratio(a, b):
    if a is None or b is None or a == 0 or b == 0:
        return None
    if (a < 0) != (b < 0):
        return math.inf
    a, b = abs(a), abs(b)
    return max(a, b) / min(a, b)


SPAN_QUALIFIERS = frozenset({"vague", "range"})
# a count for one day or week and a total said within INTERVAL_SAME_DAYS of it: the same figure
# when they agree ("more than 1,300 detained on 21 September alone", 1,386 detained that day)
_CROSS_PERIOD = {"interval": "total", "total": "interval"}
CROSS_PERIOD_RATIO = 1.5  # and no further apart than this ("more than 5,000" is not "more than 13,000")


def _size_ratio(a, b, same_period):
    """How far apart two figures are in size: the ratio of their points, except that
    in the same period a vague amount or a range against a plain figure counts as its
    whole span ("dozens", 24–99, is 2× from 12, not 5× from its middle). Two spans
    ("dozens", "hundreds") and figures from other periods compare their points."""
    if not same_period or (a.qualifier in SPAN_QUALIFIERS) == (b.qualifier in SPAN_QUALIFIERS):
        return _ratio(a.point, b.point)
    spans = []
    for r in (a, b):
        if r.qualifier in SPAN_QUALIFIERS and r.low is not None and r.high is not None:
            spans.append((r.low, r.high))
        elif r.point is None:
            return None
        else:
            spans.append((r.point, r.point))
    (alo, ahi), (blo, bhi) = spans
    if alo <= bhi and blo <= ahi:
        return 1.0
    return _ratio(ahi, blo) if ahi < blo else _ratio(alo, bhi)


class Relation(typing.NamedTuple):
    "How two readings of the same quantity relate, with the scores behind it."
    score: float
    relation: str
    subject_score: float
    place_score: float
    attribution_score: float | None
    days_apart: int | None
    same_period: bool
    compatible: bool
    ratio: float | None
    same_figure: bool = False  # linked by the same particular figure (see same_figure)


def relate(a, b, *, subject=None, threshold=None, same_period_days=SAME_PERIOD_DAYS):
    """Compare two readings (from ``read_claim``), ``a`` the earlier: a Relation,
    or None when they are not the same quantity or score below ``threshold``.
    ``subject`` is the subject score when already known."""
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    if a.document_id == b.document_id or a.unit != b.unit:
        return None
    cross = a.period != b.period
    if cross and (_CROSS_PERIOD.get(a.period) != b.period or a.day is None or b.day is None
                  or abs(a.day - b.day) > INTERVAL_SAME_DAYS or _long_running(a if a.period == "total" else b)):
        return None
    if a.place != b.place and not places_agree(a.place, b.place):
        return None
    if a.unit and a.names and b.names and not set(a.names.split()) & set(b.names.split()):
        return None  # Kalesnikava's 11 years are not Bialiatski's 10, nor her vote share his
    if (a.unit in TIME_UNITS and not (a.names and b.names) and "sentence" in a.subject_key.split()
            and "sentence" in b.subject_key.split()):
        return None  # one person's prison term is not a term nobody is named for (a law's maximum, a range)
    s = subject_score(a.subject_key, b.subject_key) if subject is None else subject
    if s < CONTEXT_MIN_SUBJECT and "context" in (a.key_kind, b.key_kind) and not _confirms(a, b, s):
        return None
    unknown_places = (not place_country(a.place)) + (not place_country(b.place))  # '~|A|B' too
    inferred = place_country(a.place) != place_country(b.place) and unknown_places == 0
    attribution = None
    if a.source and b.source:
        attribution = 100.0 if a.source == b.source else fuzz.token_set_ratio(a.source, b.source)
    score = s - PLACE_UNKNOWN_PENALTY * (unknown_places + inferred)
    if attribution == 100.0 and s >= threshold:
        score += SAME_SOURCE_BONUS
    score = max(0.0, min(100.0, score))
    if score < threshold:
        return None
    days = None if a.day is None or b.day is None else abs(a.day - b.day)
    if a.period == "interval" and days is not None and days > INTERVAL_SAME_DAYS:
        return None  # May's new arrests are not June's
    if days is not None and _other_start(a, b):
        return None  # 16 killed "since Thursday" (June 2023) do not count March 2021's dead
    same_period = days is None or days <= same_period_days or _both_after_year(a, b)
    ratio = _size_ratio(a, b, same_period)
    limit = MAX_RATIO_SAME_PERIOD if same_period and not _plays_down(a, b) else MAX_RATIO_OTHER_PERIOD
    if attribution == 100.0 and a.period == "total" and _grew(a, b) and (
            _is_toll(a) or (s == 100.0 and ((days is not None and days <= FAST_GROWTH_DAYS)
                                            or a.since and b.since))):
        # a monitor's running toll in the first weeks of unrest (18, then 130), any count of
        # its own in the first days (945 arrests, then 3,200 three days on), or its running
        # total since one start ("329 arrested since the decree", then 12,000 "since then"),
        # which a wave of arrests may multiply without bound where both figures are placed
        unbounded = a.since and b.since and s == 100.0 and not unknown_places
        limit = float("inf") if unbounded else MAX_RATIO_OWN_GROWTH
    if (attribution != 100.0 and a.since and a.period == "total" and _grew(a, b) and _is_toll(a)
            and days is not None and days <= TOLL_GROWTH_DAYS):
        # a running toll since unrest began, however early ("the number of dead since Tuesday
        # to at least 32"), may grow as much in the months after by anyone's count ("about 650
        # killed between 16 July and 11 August")
        limit = max(limit, MAX_RATIO_OWN_GROWTH)
    if a.since == b.since == 1 and a.period == "total" and _is_toll(a) and _grew(a, b):
        # a toll since an event ("killed by the security forces since the coup": 54, then more
        # than 2,100 a year and a half on) keeps growing, whoever counts
        limit = float("inf")
    if ratio is not None and max(abs(a.point), abs(b.point)) >= RATIO_FLOOR and ratio > limit:
        return None
    compatible = overlaps(a.low, a.high, b.low, b.high)
    if cross and not (compatible and ratio is not None and ratio <= CROSS_PERIOD_RATIO):
        return None  # "120 detained this week" and a total of 120 that day: one figure; else two counts
    if same_period:
        # A monitor does not contradict itself: its new count updates its old one.
        relation = "corroborates" if compatible else (
            "updates" if attribution == 100.0 else "contradicts")
    elif _one_election(a, b) and not _says_nothing_new(a, b):
        return None  # 80.1% in 2020 and 86.8% in 2025: two elections, not one share updated
    elif _toll_fell(a, b):
        return None  # 129 dead in May 2021, 28 dead in 2022: another episode's toll, not this one revised
    else:
        relation = "corroborates" if _says_nothing_new(a, b) else "updates"
    place_score = 50.0 if unknown_places else 75.0 if inferred else 100.0
    return Relation(score, relation, s, place_score, attribution,
                    days, same_period, compatible, ratio)


SAME_FIGURE_MIN = 100     # a figure at least this big ...
SAME_FIGURE_DIGITS = 3    # ... with this many significant digits (251, 4,156) recurs by chance rarely
SAME_FIGURE_SCORE = SUBSET_SCORE  # the subject score a pair of such figures is given
SAME_FIGURE_SCAN = 50_000  # more targets than this read every particular figure in one pass,
SAME_FIGURE_SHARE = 2      # as do targets that are at least 1/SAME_FIGURE_SHARE of the archive
SAME_FIGURE_MAX_CLAIMS = 32  # a figure stated by more claims (in one unit) is not particular there


def particular_figure(reading):
    """The figure of an exact reading too particular to recur by chance for another
    count in one place (251, 4,156, 157,651; not 300, 1,500 or 19), else None."""
    point = reading.point
    if point is None or reading.qualifier != "exact" or abs(point) < SAME_FIGURE_MIN:
        return None
    if point != int(point) or len(str(int(abs(point))).rstrip("0")) < SAME_FIGURE_DIGITS:
        return None
    return point


def same_figure(a, b, *, threshold=None, same_period_days=SAME_PERIOD_DAYS):
    """A Relation for two readings (``a`` the earlier) that ``relate`` keeps apart
    although they state the same particular figure (see particular_figure) in
    places that agree, when one subject's words hold the other's ("people died"
    and "killed resisting the coup", 251 both; "life sentences" and "people
    sentenced to life", 337) or only their periods are read differently ("157,651
    sea arrivals" and a fact box's "2023: 157,651"). Else None. Two subjects
    that each name a slice of their own (158 women, 158 minors) stay apart."""
    figure = particular_figure(a)
    if figure is None or figure != particular_figure(b) or a.unit != b.unit:
        return None
    words_a, words_b = set(a.subject_key.split()), set(b.subject_key.split())
    smaller = min(words_a, words_b, key=len)
    given = SAME_FIGURE_SCORE
    if words_a <= words_b or words_b <= words_a:
        if not smaller - lexicon.GENERIC:
            return None
    elif "context" in (a.key_kind, b.key_kind):
        # words read from around a figure with no subject say little of what it counts
        # ("police dragged 193 people out of San Marcos" and "detained 193 people")
        given = CONTEXT_MIN_SUBJECT
    else:
        return None
    if a.period != b.period and a.period.startswith("year ") and b.period.startswith("year "):
        return None  # two years' counts
    if a.period == b.period == "interval":
        return None  # one month's flow may well repeat another month's figure
    if (words_a ^ words_b) & lexicon.WHO_SLICES:
        return None  # 603 killed and 603 children killed: who is counted differs
    if relate(a, b, threshold=threshold, same_period_days=same_period_days) is not None:
        return None  # linked by the ordinary rules
    result = relate(a._replace(period="total"), b._replace(period="total"),
                    subject=max(given, subject_score(a.subject_key, b.subject_key)),
                    threshold=threshold, same_period_days=same_period_days)
    return result._replace(same_figure=True) if result is not None else None


def _one_election(a, b):
    """Do these count one event: vote shares, the crowd at a march or the arrests at it,
    one night's toll? Such a count is fixed once the event is over: a different figure
    reported in another period is another election's, march's or night's."""
    words_a, words_b = set(a.subject_key.split()), set(b.subject_key.split())
    if a.unit == "percent" and "vote" in words_a and "vote" in words_b:
        return True
    return not a.unit and bool(words_a & words_b & (_OCCASIONS | {_OVERNIGHT, "march"}))  # a crowd too


TOLL_FLOOR_RATIO = 2  # a later floor under half an earlier toll counts something else


def _is_toll(reading):
    "Does a reading count deaths or injuries?"
    return not _TOLLS.isdisjoint(reading.subject_key.split())


SINCE_SLACK_DAYS = 1     # a count "since Monday" may hold a figure given on Sunday night
SAME_START_DAYS = 31     # "since May" and "since 28 April" may name one start
YEAR_DAYS = 365


def _other_start(a, b):
    """Does the later figure count since a date the earlier one's falls before? Then
    the earlier counts something before that span began ("16 killed since Thursday"
    in June 2023 is not the March 2021 toll updated)."""
    earlier, later = (a, b) if a.day <= b.day else (b, a)
    if later.since > 1 and earlier.since > 1 and _starts_differ(earlier.since, later.since):
        return True  # 23 killed since 1 June 2023 are a part of 60 killed since March 2021
    return later.since > 1 and earlier.day < later.since - SINCE_SLACK_DAYS


def _starts_differ(x, y):
    """Do two starts (ordinals) name different days? "since May" (the 1st) and "since 28
    April" may name one; "since 2020" (1 January) names any day of 2020."""
    first, last = min(x, y), max(x, y)
    start = datetime.date.fromordinal(first)
    return last - first > (YEAR_DAYS if (start.month, start.day) == (1, 1) else SAME_START_DAYS)


def _grew(earlier, later):
    "Is the later figure the larger one?"
    return earlier.point is not None and later.point is not None and later.point > earlier.point


def _toll_fell(earlier, later):
    """Is a later death or injury toll, months on, wholly below the earlier one? A
    running toll only grows: a smaller one much later counts another episode of
    unrest in the same country, or fewer of the dead (a revision comes within
    the same period, where it stays a contradiction or an update)."""
    if earlier.unit or earlier.period != "total" or not _is_toll(earlier):
        return False
    if later.high is not None and earlier.low is not None and later.high < earlier.low:
        return not _says_nothing_new(earlier, later)
    # "at least 44" months after 129: a floor far below the count is another count's
    return (later.qualifier in BOUND_QUALIFIERS and later.point is not None and earlier.point is not None
            and later.point * TOLL_FLOOR_RATIO < earlier.point)


def _both_after_year(a, b):
    """Two counts of one calendar year, both dated after it ended, are of the same
    period however far apart they were published ("975 executions last year" in
    March and "at least 901 in 2024" in April)."""
    if not a.period.startswith("year "):
        return False
    end = _year_end(a.period)
    return end is not None and a.day is not None and b.day is not None and min(a.day, b.day) >= end


@functools.lru_cache(maxsize=1000)
def _year_end(period):
    try:
        return datetime.date(int(period.split()[1]), 12, 31).toordinal()
    except (ValueError, IndexError):
        return None


BOUND_QUALIFIERS = frozenset({"more_than", "at_least", "up_to", "range", "vague"})


def _plays_down(a, b):
    """Is the smaller figure a ceiling ("fewer than 1,000", "no more than 500")? An
    official playing a count down is answered by a far larger one: both are read
    against each other with the other-period size limit, not the same-period one."""
    if a.point is None or b.point is None or a.point == b.point:
        return False
    smaller = a if a.point < b.point else b
    return smaller.qualifier == "up_to" and bool(smaller.subject_key) and a.subject_key == b.subject_key


def _says_nothing_new(earlier, later):
    """Does a later figure only repeat an earlier one? The same figure (hedges
    aside), or a bound, range or vague amount whose interval holds the earlier
    one ("31,000" in January, "more than 30,000" in July; 555, then "hundreds")."""
    if earlier.point is not None and earlier.point == later.point:
        return True
    if later.qualifier in BOUND_QUALIFIERS:
        return (later.low is None or (earlier.low is not None and later.low <= earlier.low)) and (
            later.high is None or (earlier.high is not None and earlier.high <= later.high))
    return False


def components(a, b, rel, threshold):
    "Every score component of a pair, for the ``matches.components`` JSON."
    return {
        # subject_score, place_score, attribution_score, days_apart and change
        # are stored in their own columns; the JSON keeps the rest.
        "subject_keys": [a.subject_key, b.subject_key],
        "key_kinds": [a.key_kind, b.key_kind],
        "places": [place_country(a.place) or None, place_country(b.place) or None],
        "period": a.period,
        "unit": a.unit or None,
        "sources": [a.source or None, b.source or None],
        "same_period": rel.same_period,
        "intervals": [[a.low, a.high], [b.low, b.high]],
        "compatible": rel.compatible,
        "ratio": None if rel.ratio is None or rel.ratio == math.inf else round(rel.ratio, 3),
        "threshold": threshold,
        **({"inferred_places": [a.place or None, b.place or None]}
           if a.place.startswith(WEAK_PLACE) or b.place.startswith(WEAK_PLACE) else {}),
    }


def explain(earlier, later, components, relation):
    """A sentence a person can read, e.g. "political prisoners ~ political
    prisoners (93); Belarus = Belarus; 555 → 1,374 (+148%); 2021-07-14 → 2024-05-21"."""
    def subj(c):
        return c.get("subject") or c.get("subject_key") or "?"

    parts = [f"{subj(earlier)} ~ {subj(later)} ({components['subject_score']:.0f})"]
    pa, pb = components["places"]
    if pa and pb and pa != pb:  # one placed by its document, which names the other's country too
        parts.append(f"{pa} ≈ {pb} (placed by a document that names both)")
    elif pa and pb:
        parts.append(f"{pa} = {pb}")
    elif pa or pb:
        parts.append(f"{pa or 'place unknown'} ? {pb or 'place unknown'}")
    fa = format_figure(earlier.get("value"), earlier.get("low"), earlier.get("high"), earlier.get("qualifier"))
    fb = format_figure(later.get("value"), later.get("low"), later.get("high"), later.get("qualifier"))
    unit = f" {components['unit']}" if components.get("unit") else ""
    change = components.get("change")
    figure = f"{fa} → {fb}{unit}"
    if change is not None:
        figure += f" ({change:+.0%})"
    if components.get("same_figure"):
        figure += " (the same particular figure)"
    parts.append(figure)
    da, db_ = earlier.get("date"), later.get("date")
    parts.append(f"{da or 'undated'} → {db_ or 'undated'}")
    sa, sb = components["sources"]
    if components.get("attribution_score") == 100.0:
        parts.append(f"both from {sa}")
    parts.append(relation)
    return "; ".join(parts)


def compare(claim_a, claim_b, *, threshold=None, same_period_days=SAME_PERIOD_DAYS,
            document_place=None):
    """Compare two claims (dicts with the claims columns plus their document's
    ``published``, ``publisher`` and ``url``). Returns a Match, or None when they
    do not measure the same quantity. Pure: no database needed."""
    a = read_claim(claim_a, document_place)
    b = read_claim(claim_b, document_place)
    if a.claim_id is None or b.claim_id is None:
        a, b = a._replace(claim_id=-1), b._replace(claim_id=-2)
    if a.document_id is None and b.document_id is None:
        a, b = a._replace(document_id=-1), b._replace(document_id=-2)
    (ea, ec), (la, lc) = sorted([(a, claim_a), (b, claim_b)], key=lambda p: _sort_key(p[0]))
    result = relate(ea, la, threshold=threshold, same_period_days=same_period_days)
    if result is None:
        return None
    display = {
        r.claim_id: dict(c, date=c.get("as_of") or c.get("published")) for r, c in ((ea, ec), (la, lc))
    }
    return _to_match(ea, la, result, display, DEFAULT_THRESHOLD if threshold is None else threshold)


def _sort_key(reading):
    "Earlier first: by date, undated last, then by claim id."
    return (reading.day is None, reading.day or 0, reading.claim_id)


# --- the archive: readings, blocks and nearest neighbours -------------------------------

_CLAIM_NAMES = (
    "id", "document_id", "quote", "value", "low", "high", "qualifier", "unit", "subject",
    "attribution", "as_of", "sentence", "published", "publisher", "url", "title", "start",
)
_CLAIM_COLUMNS = ", ".join(
    ("d." if n in ("published", "publisher", "url", "title") else "c.") + n for n in _CLAIM_NAMES)
_READING_COLUMNS = ", ".join(Reading._fields)


_PARAGRAPH = re.compile(r"\n")
_DIGIT = re.compile(r"\d")


class _DocumentPlaces:
    """The weak place string of each document (the country it is about and the others
    it names, see ``document_place_text``), computed once per document."""

    def __init__(self, db):
        self.db = db
        self.cache = {}
        self.texts = {}  # (title, text) of the documents prefetched, until their place is asked
        self.sections = {}  # document id -> (paragraph starts, place mentions) of a many-country text

    def prefetch(self, document_ids):
        "Read the title and text of these documents, 500 at a time, for the calls to come."
        ids = [i for i in dict.fromkeys(document_ids) if i not in self.cache]
        self.texts = {}
        for start in range(0, len(ids), 500):
            part = ids[start: start + 500]
            for document_id, title, text in self.db.execute(
                f"""SELECT id, title, substr(text, 1, 20000) FROM documents
                    WHERE id IN ({', '.join('?' for _ in part)})""", part):
                self.texts[document_id] = (title, text)

    def __call__(self, document_id):
        if document_id not in self.cache:
            if len(self.cache) > 100_000:
                self.cache.clear()
            row = self.texts.pop(document_id, None) or self.db.execute(
                "SELECT title, substr(text, 1, 20000) FROM documents WHERE id = ?", [document_id]
            ).fetchone()
            title, text = row or (None, None)
            if text is None or len(text) <= SHORT_DOCUMENT:
                self.cache[document_id] = _short_document_place(title, text)
            else:
                self.cache[document_id] = document_place_text(*lexicon.document_places(text, title))
            if text and "\n" in text:
                self._sections(document_id, text)
        return self.cache[document_id]

    def _sections(self, document_id, text):
        """Keep where a text's paragraphs begin, the places they name and which hold a
        digit, when it names several countries."""
        mentions = lexicon.place_mentions(text)
        if len({country for _, country in mentions}) < 2:
            return
        if len(self.sections) > 100_000:
            self.sections.clear()
        starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
        figures = {i for i, (lo, hi) in enumerate(zip(starts, starts[1:] + [len(text)]))
                   if hi - lo <= HEADING and _DIGIT.search(text, lo, hi)}
        self.sections[document_id] = (starts, mentions, figures)

    def paragraph_place(self, document_id, start):
        """The country a paragraph of a text naming several is about, when it names it
        first ("Nepal. The uprising left 76 dead": Nepal's dead) or a short heading
        line just before it does ("Kenya" over "16 people died in June"), or None."""
        self(document_id)
        found = self.sections.get(document_id)
        if found is None or start is None:
            return None
        starts, mentions, rows = found  # rows: short paragraphs with a digit (fact-box rows)
        if len(starts) < 2:
            return None  # one paragraph: the document's own place says it
        i = bisect.bisect_right(starts, start) - 1
        lead = {country for offset, country in mentions
                if starts[i] <= offset < min(start, starts[i] + PARAGRAPH_LEAD)}
        if len(lead) == 1:  # ("Cuba and Nicaragua have long traded advice…" is about both)
            return lead.pop()
        if i > 0 and starts[i] - starts[i - 1] <= HEADING and i - 1 not in rows:
            heading = {country for offset, country in mentions if starts[i - 1] <= offset < starts[i]}
            return heading.pop() if len(heading) == 1 else None
        return None


PARAGRAPH_LEAD = 40  # characters: a country named this near a paragraph's start is what it is about
HEADING = 60         # characters: a line this short over a paragraph is its heading
SHORT_DOCUMENT = 500  # characters: documents this short (or imported without text) often share their place


@functools.lru_cache(maxsize=4096)
def _short_document_place(title, text):
    "_DocumentPlaces' place string of a short document, kept for the next document of the same words."
    return document_place_text(*lexicon.document_places(text, title))


READ_PART = 1000  # claims a worker reads at a time (whole documents): small, so the workers
# finish together and the parent has little left to write when they do
READ_TAIL = 2000  # the last claims, read in parts of READ_PART / 4: each worker has two parts
# in hand, and a worker that runs out of parts waited up to a whole part's time for the other
# before both could pair (~0.05 s of the 20k run's ~2 s), now up to a quarter of it


def refresh_readings(db, chunk=5000, workers=None):
    """Read every claim that has no reading from the current matcher into
    ``_claim_keys``. Returns how many were read. Derived data: committed in
    groups of at least ``chunk`` claims and 1/COMMITS of them (every commit writes
    the index pages it touched, and new readings touch pages all over the
    _claim_keys indexes: a commit per chunk costs the square of a big
    archive); a killed run keeps the groups committed. Many claims are read
    by worker processes at once: a run's _PairWorkers (``workers``) before they
    pair, else WORKERS of its own; this process writes each part as it comes."""
    rows = db.execute(
        """SELECT c.id, c.document_id FROM claims c LEFT JOIN _claim_keys k ON k.claim_id = c.id
           WHERE k.claim_id IS NULL OR k.matcher_version != ? ORDER BY c.id""",
        [MATCHER_VERSION],
    ).fetchall()
    placeholders = ", ".join("?" for _ in Reading._fields)
    parts = _document_parts(rows, READ_PART, tail=READ_TAIL)
    del rows
    total = sum(map(len, parts))
    own = None
    if not workers and _parallel(db, total):
        workers = own = _PairWorkers(db, _parallel(db, total))
    results = workers.read(parts) if workers else (_read_part(db, part) for part in parts)
    try:
        with _write_cache(db):  # the _claim_keys indexes grow at random places too
            for group in _commit_groups(results, max(chunk, total // COMMITS), len):
                with db.atomic():
                    for readings in group:
                        db.conn.executemany(
                            f"INSERT OR REPLACE INTO _claim_keys ({_READING_COLUMNS}) VALUES ({placeholders})",
                            readings,
                        )
    finally:
        results.close()
        if own:
            own.close()
    return total


def _document_parts(rows, size, tail=0):
    """The claim ids of (id, document_id) rows in parts of about ``size``, cut only
    between two documents: a document's readings are settled together (see
    _settle_weak_places), whatever the size of the parts. The last ``tail`` claims
    go in parts of a quarter of that size."""
    parts, part = [], []
    short = len(rows) - tail  # where the short parts begin
    for i, (claim_id, document_id) in enumerate(rows):
        if part and len(part) >= (size if i < short else size // 4) and document_id != previous:
            parts.append(part)
            part = []
        part.append(claim_id)
        previous = document_id
    if part:
        parts.append(part)
    return parts


def _read_part(db, part):
    """The readings of these claim ids (sorted), read through ``db``, as plain tuples
    (a worker sends them to the parent, which stores them: tuples pickle faster)."""
    places = _worker_places(db)
    rows = db.execute(
        f"""SELECT {_CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id
            WHERE c.id BETWEEN ? AND ? ORDER BY c.document_id""",
        [part[0], part[-1]],
    ).fetchall()
    wanted = set(part)
    rows = [row for row in rows if row[0] in wanted]
    places.prefetch(row[1] for row in rows)
    try:
        return [tuple(r) for r in _settle_weak_places(
            [read_claim(dict(zip(_CLAIM_NAMES, row)), places) for row in rows])]
    finally:
        places.texts = {}


def _settle_weak_places(readings):
    """Readings (of whole documents) whose document-inferred place no longer names the
    countries where their own document places a figure of the same subject: a report
    on Belarus that writes "Memorial lists 1,030 political prisoners in Russia" names
    Russia when it means Russia, so its unplaced "about 1,100 political prisoners" are
    not Russia's ("~Belarus|Russia" becomes "~Belarus")."""
    placed = {}
    for r in readings:
        if r.place and not r.place.startswith(WEAK_PLACE):
            placed.setdefault((r.document_id, r.unit, r.subject_key), set()).add(r.place)
    if not placed:
        return readings
    out = []
    for r in readings:
        if r.place.startswith(WEAK_PLACE) and "|" in r.place:
            taken = placed.get((r.document_id, r.unit, r.subject_key), set()) - {place_country(r.place)}
            if taken:
                named = set(r.place.lstrip(WEAK_PLACE).split("|")) - taken
                r = r._replace(place=document_place_text(place_country(r.place), named) or "")
        out.append(r)
    return out


# --- worker processes -------------------------------------------------------------------------

WORKERS = 2              # processes that read and pair claims in a big run
PARALLEL_MIN = 5000      # claims below this are handled in this process
_worker = {}             # in a worker: its database connection and caches


def _database_file(db):
    "The file behind a connection, or None for an in-memory database."
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return file or None
    return None


def _worker_places(db):
    "A worker's _DocumentPlaces, kept while it reads; elsewhere a new one each call."
    if _worker.get("db") is not db:
        return _DocumentPlaces(db)
    if "places" not in _worker:
        _worker["places"] = _DocumentPlaces(db)
    return _worker["places"]


def _parallel(db, size):
    "How many worker processes a job of this size gets (0: do it here)."
    if size < PARALLEL_MIN or WORKERS < 2 or (os.cpu_count() or 1) < 2:
        return 0
    if _database_file(db) is None or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return WORKERS


_NO_PLACES = frozenset()  # (one empty set, not a new one for each subject without places)
BLOCK_LISTS = 20_000         # (unit, place, period, neighbour keys) whose block lists an archive keeps
INFERRED_COUNTRIES = 100_000  # claims whose inferred country (see country_of) an archive keeps


def _make_room(cache, limit):
    """Drop the oldest entries of a dict (the first put in) once it holds more than
    ``limit``, down to three quarters of it: targets are paired in block order (see
    _in_block_order), so the entries kept are those the next targets ask for, where
    wiping the whole dict made them work everything out again."""
    if len(cache) > limit:
        for key in list(itertools.islice(cache, len(cache) - limit * 3 // 4)):
            del cache[key]


class _Archive:
    """The readings of the claims that may pair with a set of targets, blocked by
    (unit, subject key, place, period) and sorted by date within each block."""

    def __init__(self, readings):
        self.blocks = {}
        self.places = {}
        for r in readings:
            self.blocks.setdefault((r.unit, r.subject_key, r.place, r.period), []).append(r)
            if r.place:
                self.places.setdefault((r.unit, r.subject_key), set()).add(r.place)
        for block in self.blocks.values():
            block.sort(key=_sort_key)

    def places_of(self, unit, key):
        "The places (not '') of the readings with this unit and subject key."
        return self.places.get((unit, key), _NO_PLACES)

    def size(self, block_key):
        "How many readings a block holds (any number above SMALL_QUANTITY may read as one more)."
        return len(self.blocks.get(block_key, ()))

    def window(self, block_key, me, whole):
        """A block's readings (``whole``), else the SCAN_PER_LIST before the sort
        key ``me`` and the SCAN_PER_LIST + 1 from it on."""
        block = self.blocks[block_key]
        if whole or len(block) <= SCAN_PER_LIST:  # (a block this short is all in any window)
            return block
        pos = bisect.bisect_left(block, me, key=_sort_key)
        return block[max(0, pos - SCAN_PER_LIST): pos + SCAN_PER_LIST + 1]

    def nearby(self, target, subject_keys):
        """Readings in the target's blocks as (distance in time, claim id,
        reading, subject score), nearest first, and whether the quantity is small enough
        to link every pair. In a bigger block only SCAN_PER_LIST readings each
        side are looked at, so a hot subject costs what a quiet one costs."""
        keys = tuple(subject_keys)
        blocks, small = self._blocks(target.unit, target.place, target.period, keys)
        me = _sort_key(target)
        found = []
        claim_id, document_id, day = target.claim_id, target.document_id, target.day
        for block_key, score in blocks:
            block = self.window(block_key, me, small)
            if day is None:  # undated: compared as if at the same time, last
                found.extend([(UNDATED_DISTANCE, r.claim_id, r, score) for r in block
                              if r.document_id != document_id and r.claim_id != claim_id])
            else:
                found.extend([
                    (UNDATED_DISTANCE if r.day is None else abs(r.day - day), r.claim_id, r, score)
                    for r in block if r.document_id != document_id and r.claim_id != claim_id])
        if target.period == "interval" and day is not None:
            # relate links figures for one interval (a month's new arrests) only when
            # they are at most INTERVAL_SAME_DAYS apart: the others need not be related
            found = [f for f in found if f[0] <= INTERVAL_SAME_DAYS or f[2].day is None]
        if target.period in _CROSS_PERIOD and day is not None:
            # a week's count and a total given within days of it may be one figure (see relate)
            cross, _ = self._blocks(target.unit, target.place, _CROSS_PERIOD[target.period], keys)
            for block_key, score in cross:
                found.extend([
                    (abs(r.day - day), r.claim_id, r, score) for r in self.window(block_key, me, False)
                    if r.day is not None and abs(r.day - day) <= INTERVAL_SAME_DAYS
                    and r.document_id != document_id])
        found.sort()  # by (distance, claim id), which is unique: the readings are never compared
        return found, small

    def _blocks(self, unit, place, period, subject_keys):
        """The (block key, subject score) of the blocks a reading at (unit, place, period)
        looks into, and whether they hold at most SMALL_QUANTITY readings: the same for
        every target of a group, so kept."""
        cache = self.__dict__.setdefault("block_lists", {})
        found = cache.get((unit, place, period, subject_keys))
        if found is not None:
            return found
        known = set()
        for key, _ in subject_keys:
            known |= self.places_of(unit, key)
        # the blocks of every place that can agree with the target's (see places_agree),
        # and those of unknown places (see with_places_known)
        if place:
            places = [place] + sorted(p for p in known - {place} if places_agree(place, p)) + [""]
        else:
            places = [""] + sorted(known)
        blocks, total = [], 0
        for key, score in subject_keys:
            have = self.places_of(unit, key)
            for other in places:
                if other and other not in have:
                    continue  # no block there
                block_key = (unit, key, other, period)
                size = self.size(block_key)
                if size:
                    blocks.append((block_key, score))
                    total += size
        found = (blocks, total <= SMALL_QUANTITY)
        _make_room(cache, BLOCK_LISTS)
        cache[(unit, place, period, subject_keys)] = found
        return found

    def with_places_known(self, target, found, neighbours, threshold, same_period_days):
        """``found`` (from nearby) less the pairs of a claim whose place is unknown with
        a placed one of another country than the unknown claim's (see country_of)."""
        if target.place:
            country = place_country(target.place)
            return [f for f in found if f[2].place or (country and self.country_of(
                f[2], neighbours, threshold, same_period_days) == country)]
        mine = self.country_of(target, neighbours, threshold, same_period_days)
        return [f for f in found if not f[2].place or (mine and place_country(f[2].place) == mine)]

    def country_of(self, reading, neighbours, threshold, same_period_days):
        """The country a claim whose place is unknown holds for, by the company it keeps:
        the one country its subject is known in, else the one country of every placed
        claim it relates to in the same period ("over 450 arrests since the rallies
        began" beside Georgia's 400 and 500); None when that is not one country."""
        inferred = self.__dict__.setdefault("inferred", {})
        if reading.claim_id in inferred:
            return inferred[reading.claim_id]
        keys = neighbours.get((reading.unit, reading.subject_key)) or [(reading.subject_key, 100.0)]
        countries = set()
        for key, _ in keys:
            countries |= {place_country(p) for p in self.places_of(reading.unit, key)}
        countries.discard("")
        if len(countries) > 1:
            countries = set()
            found, _ = self.nearby(reading, keys)
            me = _sort_key(reading)
            for _, _, other, score in found:
                if not place_country(other.place) or place_country(other.place) in countries:
                    continue
                earlier, later = (other, reading) if _sort_key(other) < me else (reading, other)
                result = relate(earlier, later, subject=score, threshold=threshold,
                                same_period_days=same_period_days)
                if result is not None and result.same_period:
                    countries.add(place_country(other.place))
        _make_room(inferred, INFERRED_COUNTRIES)
        inferred[reading.claim_id] = countries.pop() if len(countries) == 1 else None
        return inferred[reading.claim_id]


class _StoredArchive(_Archive):
    """The same archive read from ``_claim_keys`` as it is needed, through the
    index idx_claim_keys_block: a few targets in a big archive read their
    blocks' sizes and the windows around them, not every reading of their subjects."""

    _COLUMNS = ", ".join(Reading._fields)
    _BLOCK = "unit = ? AND subject_key = ? AND place = ? AND period = ?"

    def __init__(self, db):
        self.db = db
        self.strings = {}
        self.places = {}
        self.sizes = {}

    def readings(self, ids):
        "The readings of these claim ids."
        out = []
        ids = list(ids)
        for start in range(0, len(ids), 500):
            part = ids[start: start + 500]
            out.extend(self._read(f"claim_id IN ({', '.join('?' for _ in part)})", part))
        return out

    def _read(self, where, params):
        return list(_compact(self.db.execute(
            f"SELECT {self._COLUMNS} FROM _claim_keys WHERE {where}", params), self.strings))

    def places_of(self, unit, key):
        if (unit, key) not in self.places:
            # every place of a subject, one index seek each (a skip scan)
            self.places[(unit, key)] = {r[0] for r in self.db.execute(
                """WITH RECURSIVE p(place) AS (
                     SELECT min(place) FROM _claim_keys WHERE unit = ? AND subject_key = ? AND place > ''
                     UNION ALL
                     SELECT (SELECT min(place) FROM _claim_keys
                             WHERE unit = ? AND subject_key = ? AND place > p.place)
                     FROM p WHERE p.place IS NOT NULL)
                   SELECT place FROM p WHERE place IS NOT NULL""", [unit, key, unit, key])}
        return self.places[(unit, key)]

    def size(self, block_key):
        if block_key not in self.sizes:
            self.sizes[block_key] = self.db.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM _claim_keys WHERE {self._BLOCK} LIMIT ?)",
                [*block_key, SMALL_QUANTITY + 1]).fetchone()[0]
        return self.sizes[block_key]

    def window(self, block_key, me, whole):
        if whole:
            return self._read(self._BLOCK, list(block_key))
        undated, day, claim_id = me
        block, n = self._BLOCK, SCAN_PER_LIST
        # sort order: dated readings by (day, claim id), then undated ones by claim id
        if undated:
            before = self._read(f"{block} AND day IS NULL AND claim_id < ? ORDER BY claim_id DESC LIMIT ?",
                                [*block_key, claim_id, n])
            if len(before) < n:
                before += self._read(f"{block} AND day IS NOT NULL ORDER BY day DESC, claim_id DESC LIMIT ?",
                                     [*block_key, n - len(before)])
            after = self._read(f"{block} AND day IS NULL AND claim_id >= ? ORDER BY claim_id LIMIT ?",
                               [*block_key, claim_id, n + 1])
        else:
            before = self._read(f"{block} AND (day, claim_id) < (?, ?) ORDER BY day DESC, claim_id DESC LIMIT ?",
                                [*block_key, day, claim_id, n])
            after = self._read(f"{block} AND (day, claim_id) >= (?, ?) ORDER BY day, claim_id LIMIT ?",
                               [*block_key, day, claim_id, n + 1])
            if len(after) < n + 1:
                after += self._read(f"{block} AND day IS NULL ORDER BY claim_id LIMIT ?",
                                    [*block_key, n + 1 - len(after)])
        return before + after


def _target_groups(db, ids):
    "The claims among ``ids`` that have a subject key, grouped by (unit, subject key)."
    wanted = set(ids)
    # the largest claim id: at least the archive's size, read at once (count(*) walks an index)
    last = db.execute("SELECT max(claim_id) FROM _claim_keys").fetchone()[0] or 0
    if len(ids) > 50_000 or 2 * len(ids) >= last:
        # (much of) the archive: one scan of the subject key index, cheaper than a lookup per id
        # (the parent does this while the workers wait to pair)
        rows = db.execute("SELECT claim_id, unit, subject_key FROM _claim_keys WHERE subject_key != ''")
    else:
        rows = []
        for start in range(0, len(ids), 500):
            part = ids[start: start + 500]
            rows.extend(db.execute(
                "SELECT claim_id, unit, subject_key FROM _claim_keys WHERE subject_key != '' AND "
                f"claim_id IN ({', '.join('?' for _ in part)})", part).fetchall())
    groups = {}
    for claim_id, unit, key in rows:
        if claim_id in wanted:
            groups.setdefault((unit, key), []).append(claim_id)
    return groups


def _neighbour_keys(db, wanted, cutoff):
    """For each wanted (unit, subject key), the keys in the archive whose subject
    score reaches ``cutoff``, as [(key, score)]: only keys sharing one of its
    specific (non-generic) words are looked at (an inverted index), and only
    those that pass _close_keys' cheap filter are scored with subject_score."""
    wanted = {(unit, key) for unit, key in wanted if key}
    neighbours = {}
    for unit in sorted({u for u, _ in wanted}):
        keys = [r[0] for r in db.execute(
            "SELECT DISTINCT subject_key FROM _claim_keys WHERE unit = ? AND subject_key != ''",
            [unit],
        )]
        asked = sorted(key for u, key in wanted if u == unit)
        for key, found in _close_keys(asked, keys, cutoff).items():
            neighbours[(unit, key)] = found
    return neighbours


def _specific(key):
    "The words of a subject key that select its candidates: the non-generic ones, else all."
    terms = key.split()
    return [t for t in terms if t not in lexicon.GENERIC] or terms


KEY_CELLS = 4_000_000  # scores rapidfuzz computes in one cdist call (a uint8 matrix)
# rapidfuzz threads per cdist call: every core, except in a worker process (_pair_worker),
# whose sibling already keeps the other cores busy: there a thread per core only adds the
# cost of starting threads for each of its many small calls (a tenth of _neighbour_keys)
_score_threads = -1


def _close_keys(asked, keys, cutoff):
    """{asked key: [(key, subject score)], best first} over ``keys``. The keys
    sharing a specific word with an asked key are its candidates; a candidate is
    scored with subject_score only when it could reach ``cutoff``: its
    token_sort_ratio does (rapidfuzz's cdist, word block by word block) or
    either key's words hold the other's (subject_score's subset rule). Below a
    cutoff of 50 every candidate is scored."""
    index = {}
    for i, key in enumerate(keys):
        for term in set(key.split()):
            index.setdefault(term, []).append(i)
    asking = {}  # word -> asked keys with that specific word
    for key in asked:
        for term in set(_specific(key)):
            if term in index:
                asking.setdefault(term, []).append(key)
    close = {key: set() for key in asked}
    if cutoff < 50:
        for term, queries in asking.items():
            for key in queries:
                close[key].update(index[term])
    else:
        _close_by_ratio(asking, index, keys, cutoff, close)
        _close_by_words(asked, keys, close, index)
        _close_by_occasion(asked, keys, close)
    out = {}
    asked_set = set(asked)
    later = {}  # subject scores (symmetric) of pairs of asked keys, until the other one asks
    for key in asked:
        scored = []
        specific = set(_specific(key))
        for i in close[key]:
            other = keys[i]
            if specific.isdisjoint(other.split()):
                continue  # held by the key through its generic words only: not a candidate
            if other in asked_set and other != key:
                score = later.pop((other, key), None)
                if score is None:
                    score = later[(key, other)] = subject_score(key, other)
            else:
                score = subject_score(key, other)
            if score >= cutoff:
                scored.append((other, score))
        scored.sort(key=lambda item: (-item[1], item[0]))
        out[key] = scored
    return out


def _close_by_ratio(asking, index, keys, cutoff, close):
    "Add to ``close`` the candidates whose token_sort_ratio reaches the cutoff (less a point)."
    import numpy  # here: only matching needs it, and the CLI starts faster without it

    for term, queries in asking.items():
        columns = index[term]
        choices = [keys[i] for i in columns]
        rows = max(1, KEY_CELLS // len(choices))
        for start in range(0, len(queries), rows):
            part = queries[start: start + rows]
            scores = process.cdist(part, choices, scorer=fuzz.token_sort_ratio,
                                   score_cutoff=max(0, cutoff - 1), dtype=numpy.uint8,
                                   workers=_score_threads)
            for row, column in zip(*numpy.nonzero(scores)):
                close[part[row]].add(columns[column])


def _close_by_words(asked, keys, close, index):
    """Add to ``close`` the keys whose words hold, or are held by, an asked key's:
    those held from the asked key's parts; those holding it from the inverted
    index when few keys are asked, else from every key's parts."""
    by_words = {}
    for i, key in enumerate(keys):
        by_words.setdefault(frozenset(key.split()), []).append(i)
    few = len(asked) * 50 < len(keys)
    within = {}  # an asked key's words -> the keys holding them and more (through their parts)
    if not few:
        asked_words = {frozenset(key.split()) for key in asked}
        for words, ids in by_words.items():
            for part in _parts(words):
                if part in asked_words:
                    within.setdefault(part, []).extend(ids)
    for key in asked:
        words = frozenset(key.split())
        if few:
            postings = sorted((index.get(w, ()) for w in words), key=len)
            close[key].update(set(postings[0]).intersection(*postings[1:]))
        else:
            close[key].update(within.get(words, ()))
        for part in _parts(words):
            close[key].update(by_words.get(part, ()))


def _happening(words):
    "The words of a key without those naming the unrest it happened in, when one says what happened."
    core = words - lexicon.OCCASION_WORDS
    return core if core & _HAPPENINGS else None


def _close_by_occasion(asked, keys, close):
    """Add to ``close`` the keys that say the same thing happened, in other unrest or
    in none named ("die protest", "die unrest", "die"): subject_score's occasion
    rule, which neither the ratio nor the words filter finds."""
    cores = {}
    for key in asked:
        core = _happening(frozenset(key.split()))
        if core is not None:
            cores.setdefault(core, []).append(key)
    if not cores:
        return
    for i, key in enumerate(keys):
        words = frozenset(key.split())
        for asking in cores.get(words - lexicon.OCCASION_WORDS, ()):
            close[asking].add(i)


def _parts(words):
    "The non-empty proper subsets of a set of words (those one word short for long sets)."
    words = sorted(words)
    if len(words) > 6:
        return [frozenset(words[:i] + words[i + 1:]) for i in range(len(words))]
    return [frozenset(c) for n in range(1, len(words)) for c in itertools.combinations(words, n)]


def _load_archive(db, neighbours):
    "The readings whose (unit, subject key) is among the neighbour keys."
    needed = {(unit, other) for (unit, _), found in neighbours.items() for other, _ in found}
    if not needed:
        return _Archive([])
    sql = f"SELECT {_READING_COLUMNS} FROM _claim_keys"
    strings = {}
    if len(needed) > 2000:
        readings = list(_compact((row for row in db.execute(sql) if (row[2], row[3]) in needed), strings))
    else:
        readings = []
        for unit, key in sorted(needed):
            readings.extend(_compact(db.execute(sql + " WHERE subject_key = ? AND unit = ?", [key, unit]),
                                     strings))
    return _Archive(readings)


def _compact(rows, strings):
    """Readings from ``_claim_keys`` rows, each repeated text (unit, key, place,
    source...) kept once in memory: a million readings fit in a few hundred MB."""
    one = strings.setdefault
    number = strings.setdefault(int, {}).setdefault  # days, each kept once too
    figure = strings.setdefault(float, {}).setdefault
    make = Reading._make
    for (claim_id, document_id, unit, key, kind, place, period, day, source, names, qualifier,
         low, high, point, since, version) in rows:
        yield make((claim_id, document_id, one(unit, unit), one(key, key),
                    one(kind, kind), one(place, place), one(period, period),
                    day if day is None else number(day, day), one(source, source),
                    one(names, names), one(qualifier, qualifier),
                    # a figure kept once: a float other than 0.0 and -0.0 (equal, but shown
                    # apart) and NaN (never equal)
                    figure(low, low) if type(low) is float and low and low == low else low,
                    figure(high, high) if type(high) is float and high and high == high else high,
                    figure(point, point) if type(point) is float and point and point == point else point,
                    since, one(version, version)))


def pairs_for(target, archive, neighbours, *, threshold, same_period_days):
    """The target's pairs, as (earlier, later, Relation). A quantity with at most
    SMALL_QUANTITY claims links every pair; a bigger one links each claim with
    its NEAREST_PER_SIDE nearest readings in time before it and after it, at most
    PER_SOURCE_PER_SIDE from any one source."""
    return _pairs_of(target, archive, neighbours, threshold, same_period_days, None)


def _pairs_of(target, archive, neighbours, threshold, same_period_days, linked):
    """pairs_for's pairs, less those in ``linked`` (pair codes, see _pair_code):
    pairs already related the other way round. Those count towards the target's
    neighbours as they did there, without relating them again, and are dropped
    from ``linked``: a pair is built once."""
    subject_keys = neighbours.get((target.unit, target.subject_key)) or []
    if not subject_keys:
        return []
    me = _sort_key(target)
    found, small = archive.nearby(target, subject_keys)
    found = archive.with_places_known(target, found, neighbours, threshold, same_period_days)
    taken = {True: {}, False: {}}  # per side: pairs taken from each source
    counts = {True: 0, False: 0}   # per side: pairs taken
    pairs = []
    for _, _, other, score in found:
        before = (other.day is None, other.day or 0, other.claim_id) < me  # _sort_key(other) < me
        side = taken[before]
        if not small:
            if counts[before] >= NEAREST_PER_SIDE or side.get(other.source, 0) >= PER_SOURCE_PER_SIDE:
                continue
        earlier, later = (other, target) if before else (target, other)
        code = earlier.claim_id * 4_294_967_296 + later.claim_id
        if linked and code in linked:
            linked.discard(code)
        else:
            result = relate(earlier, later, subject=score, threshold=threshold,
                            same_period_days=same_period_days)
            if result is None:
                continue
            pairs.append((earlier, later, result))
        side[other.source] = side.get(other.source, 0) + 1
        counts[before] += 1
        if not small and counts[True] + counts[False] >= 2 * NEAREST_PER_SIDE:
            break
    return pairs


def _same_figure_pairs(db, ids, threshold, same_period_days):
    """{target claim id: [(earlier, later, Relation)]}: the pairs ``same_figure``
    links between the claims ``ids`` and the archive, each pair once. The
    readings with a target's particular figure are read in one pass (a big run
    reads only figures that 2 to SAME_FIGURE_MAX_CLAIMS claims state, as does a
    run whose targets are much of the archive: cheaper than reading theirs)."""
    archive = _StoredArchive(db)
    particular = f"subject_key != '' AND qualifier = 'exact' AND abs(point) >= {SAME_FIGURE_MIN}"
    with db.atomic():  # a temporary table: nothing of the archive is written
        db.execute("CREATE TEMP TABLE IF NOT EXISTS _figures (point REAL PRIMARY KEY)")
        db.execute("DELETE FROM temp._figures")
        if len(ids) > SAME_FIGURE_SCAN or len(ids) * SAME_FIGURE_SHARE >= _archive_size(db):
            # (much of) the archive: every figure some claims share
            wanted = set(ids)
            db.execute(f"""INSERT OR IGNORE INTO temp._figures SELECT point FROM _claim_keys WHERE {particular}
                           GROUP BY unit, point HAVING count(*) BETWEEN 2 AND ?""", [SAME_FIGURE_MAX_CLAIMS])
        else:
            wanted = {r.claim_id for r in archive.readings(ids) if r.subject_key and particular_figure(r) is not None}
            db.conn.executemany("INSERT OR IGNORE INTO temp._figures SELECT point FROM _claim_keys WHERE claim_id = ?",
                                [(i,) for i in wanted])
    same = {}
    for r in archive._read(f"{particular} AND point IN (SELECT point FROM temp._figures)", []):
        if particular_figure(r) is not None:
            same.setdefault((r.unit, r.point), []).append(r)
    db.execute("DELETE FROM temp._figures")
    found = {}
    for group in same.values():
        if len(group) > SAME_FIGURE_MAX_CLAIMS:
            continue  # a figure this archive states that often is no particular one
        for target in group:
            if target.claim_id not in wanted:
                continue
            me = _sort_key(target)
            for other in group:
                if other.document_id == target.document_id or (
                        other.claim_id in wanted and other.claim_id < target.claim_id):
                    continue  # one document; or a pair of two targets, built once
                earlier, later = (other, target) if _sort_key(other) < me else (target, other)
                result = same_figure(earlier, later, threshold=threshold, same_period_days=same_period_days)
                if result is not None:
                    found.setdefault(target.claim_id, []).append((earlier, later, result))
    return found


def _with_same_figures(db, batches, extra, threshold):
    "Each batch of targets with the same-figure pairs (from _same_figure_pairs) of its claims added."
    shown = {}
    for kind, batch, rows in batches:
        found = [pair for claim_id in batch for pair in extra.pop(claim_id, ())]
        if found:
            display = _display(db, {r.claim_id for pair in found for r in pair[:2] if r.claim_id not in shown})
            shown.update(display)
            created = now()
            for earlier, later, rel in found:
                match = _to_match(earlier, later, rel, shown, threshold)
                rows.setdefault(rel.relation, []).append(tuple(match.row(created).values()))
        yield kind, batch, rows


def parse_since(text):
    "A --since value as an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), or None."
    if text is None or str(text).strip() == "":
        return None
    text = str(text).strip()
    if day_number(text) is None or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise InputError(f"not a date: {text!r}; use YYYY-MM-DD", where="--since")
    return text


# --- matching a database -------------------------------------------------------------------------


def _targets(db, *, since, claim_ids, rescore):
    "Ids of the claims to match in this run."
    where, params = [], []
    if claim_ids is not None:
        ids = sorted({int(i) for i in claim_ids})
        if not ids:
            return []
        where.append(f"c.id IN ({', '.join('?' for _ in ids)})")
        params.extend(ids)
    elif not rescore:
        where.append("(mc.claim_id IS NULL OR mc.matcher_version != ?)")
        params.append(MATCHER_VERSION)
    if since:
        where.append("coalesce(d.published, substr(c.created_at, 1, 10)) >= ?")
        params.append(str(since))
    sql = """SELECT c.id FROM claims c JOIN documents d ON d.id = c.document_id
             LEFT JOIN _matched_claims mc ON mc.claim_id = c.id"""
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [r[0] for r in db.execute(sql + " ORDER BY c.id", params)]


def _forget(db, ids, *, every_version):
    """Drop unreviewed matches of these claims (all of them, or only those from
    another matcher version) and their matched marks, in one transaction."""
    with db.atomic():
        db.execute("CREATE TEMP TABLE IF NOT EXISTS _forget (id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM temp._forget")
        db.conn.executemany("INSERT INTO temp._forget VALUES (?)", [(i,) for i in ids])
        version = "" if every_version else "AND coalesce(matcher_version, '') != ?"
        params = [] if every_version else [MATCHER_VERSION]
        db.execute(
            f"""DELETE FROM matches WHERE (claim_id IN temp._forget OR later_claim_id IN temp._forget)
                {version} AND id NOT IN (SELECT match_id FROM reviews)""",
            params,
        )
        if every_version:
            db.execute("DELETE FROM _matched_claims WHERE claim_id IN temp._forget")
            db.execute("DELETE FROM _claim_keys WHERE claim_id IN temp._forget")
        db.execute("DELETE FROM temp._forget")


def _display(db, ids):
    "The fields explanations show, for these claim ids."
    out = {}
    ids = list(ids)
    names = ("id", "value", "low", "high", "qualifier", "subject", "date")
    for start in range(0, len(ids), 500):
        part = ids[start: start + 500]
        for row in db.execute(
            f"""SELECT c.id, c.value, c.low, c.high, c.qualifier, c.subject,
                       coalesce(c.as_of, d.published) AS date
                FROM claims c JOIN documents d ON d.id = c.document_id
                WHERE c.id IN ({', '.join('?' for _ in part)})""",
            part,
        ):
            out[row[0]] = dict(zip(names, row))
    return out


_INSERT_MATCH = """INSERT INTO matches (claim_id, later_claim_id, score, relation, explanation,
    subject_score, place_score, attribution_score, days_apart, change, components,
    created_at, matcher_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (claim_id, later_claim_id) DO NOTHING"""
_ENCODE = json.JSONEncoder(separators=(",", ":")).encode  # what Match.row stores


def _described(earlier, later, rel, shown_earlier, shown_later, threshold):
    "(components, change, subject score, explanation) of a pair."
    parts = components(earlier, later, rel, threshold)
    if rel.same_figure:
        parts["same_figure"] = True
    change = None
    if earlier.point not in (None, 0) and later.point is not None:
        change = round((later.point - earlier.point) / abs(earlier.point), 4)
    subject = round(rel.subject_score, 1)
    scores = {"subject_score": subject, "change": change, "attribution_score": rel.attribution_score}
    explanation = explain(shown_earlier, shown_later, dict(parts, **scores), rel.relation)
    return parts, change, subject, explanation


def _to_match(earlier, later, rel, display, threshold):
    parts, change, subject, explanation = _described(
        earlier, later, rel,
        dict(display.get(earlier.claim_id, {}), subject_key=earlier.subject_key),
        dict(display.get(later.claim_id, {}), subject_key=later.subject_key),
        threshold,
    )
    return Match(
        claim_id=earlier.claim_id,
        later_claim_id=later.claim_id,
        score=round(rel.score, 1),
        relation=rel.relation,
        explanation=explanation,
        subject_score=subject,
        place_score=rel.place_score,
        attribution_score=rel.attribution_score,
        days_apart=rel.days_apart,
        change=change,
        components=parts,
    )


DISPLAY_CACHE = 200_000  # claims whose explanation fields a worker keeps between batches


class _Face(typing.NamedTuple):
    """What every pair of one claim writes about it, worked out once per claim:
    the parts of its explanation and the JSON of its score components."""
    subject: str        # the subject an explanation shows
    figure: str         # format_figure of its figure
    date: str           # its date, else 'undated'
    country: str | None
    source: str | None
    weak: bool          # its place inferred from its document (components' inferred_places)
    # the JSON of: subject key, key kind, country, source, [low, high], place, period, unit
    json_key: str
    json_kind: str
    json_country: str
    json_source: str
    json_interval: str
    json_place: str
    json_period: str
    json_unit: str


_TEXTS = {}  # JSON of the strings many claims share (keys, places, sources), each kept once


def _json_text(value):
    "The JSON of a string or None, kept once in _TEXTS."
    out = _TEXTS.get(value)
    if out is None:
        if len(_TEXTS) > 200_000:
            _TEXTS.clear()
        out = _TEXTS[value] = _ENCODE(value)
    return out


def _face(reading, shown):
    "A claim's _Face, from what ``_display`` read of it (``shown``)."
    c = dict(shown, subject_key=reading.subject_key)
    country = place_country(reading.place) or None
    date = c.get("date")
    return _Face(
        subject=c.get("subject") or c.get("subject_key") or "?",
        figure=format_figure(c.get("value"), c.get("low"), c.get("high"), c.get("qualifier")),
        date=date or "undated",
        country=country,
        source=reading.source or None,
        weak=reading.place.startswith(WEAK_PLACE),
        json_key=_json_text(reading.subject_key),
        json_kind=_json_text(reading.key_kind),
        json_country=_json_text(country),
        json_source=_json_text(reading.source or None),
        json_interval=f"[{_json_bound(reading.low)},{_json_bound(reading.high)}]",  # _ENCODE([low, high])
        json_place=_json_text(reading.place or None),
        json_period=_json_text(reading.period),
        json_unit=_json_text(reading.unit or None),
    )


def _json_flag(value):
    return "true" if value is True else "false" if value is False else _ENCODE(value)


_FLOAT_TEXT = float.__repr__  # what the JSON encoder writes for a finite float


def _json_number(value):
    if type(value) is float and value == value and value not in (math.inf, -math.inf):
        return _FLOAT_TEXT(value)
    return _ENCODE(value)


_INT_TEXT = int.__repr__  # what the JSON encoder writes for an int (not a bool)


def _json_bound(value):
    """What _ENCODE writes for an interval's bound (None, an int or a float),
    without a call of the JSON encoder for each claim (two fifths of the time of
    _face in a 1M run went there)."""
    if value is None:
        return "null"
    if type(value) is int:
        return _INT_TEXT(value)
    return _json_number(value)


def _pair_row(a, b, fa, fb, rel, threshold_json, created):
    """The ``matches`` row of a pair (earlier ``a``, later ``b``; their _Faces ``fa``,
    ``fb``): what _described and _ENCODE(components) give, string for string, built
    from the parts of each claim worked out once."""
    change = None
    if a.point not in (None, 0) and b.point is not None:
        change = round((b.point - a.point) / abs(a.point), 4)
    subject = round(rel.subject_score, 1)
    # explain(), as it reads the components
    parts = [f"{fa.subject} ~ {fb.subject} ({subject:.0f})"]
    pa, pb = fa.country, fb.country
    if pa and pb and pa != pb:
        parts.append(f"{pa} ≈ {pb} (placed by a document that names both)")
    elif pa and pb:
        parts.append(f"{pa} = {pb}")
    elif pa or pb:
        parts.append(f"{pa or 'place unknown'} ? {pb or 'place unknown'}")
    unit = f" {a.unit}" if a.unit else ""
    figure = f"{fa.figure} → {fb.figure}{unit}"
    if change is not None:
        figure += f" ({change:+.0%})"
    parts.append(figure)
    parts.append(f"{fa.date} → {fb.date}")
    if rel.attribution_score == 100.0:
        parts.append(f"both from {fa.source}")
    parts.append(rel.relation)
    # components(), as _ENCODE writes it
    ratio = None if rel.ratio is None or rel.ratio == math.inf else round(rel.ratio, 3)
    encoded = "".join((
        '{"subject_keys":[', fa.json_key, ",", fb.json_key,
        '],"key_kinds":[', fa.json_kind, ",", fb.json_kind,
        '],"places":[', fa.json_country, ",", fb.json_country,
        '],"period":', fa.json_period, ',"unit":', fa.json_unit,
        ',"sources":[', fa.json_source, ",", fb.json_source,
        '],"same_period":', _json_flag(rel.same_period),
        ',"intervals":[', fa.json_interval, ",", fb.json_interval,
        '],"compatible":', _json_flag(rel.compatible),
        ',"ratio":', _json_number(ratio), ',"threshold":', threshold_json,
        ',"inferred_places":[' + fa.json_place + "," + fb.json_place + "]}" if fa.weak or fb.weak else "}",
    ))
    return (a.claim_id, b.claim_id, round(rel.score, 1), rel.relation, "; ".join(parts),
            subject, rel.place_score, rel.attribution_score, rel.days_apart, change,
            encoded, created, MATCHER_VERSION)


def _match_rows(db, found, threshold, shown=None):
    """``matches`` rows (tuples in _INSERT_MATCH's order) of (earlier, later,
    Relation) pairs, grouped by relation. ``shown`` caches each claim's _Face
    from one call to the next (a claim is in several pairs)."""
    shown = {} if shown is None else shown
    _make_room(shown, DISPLAY_CACHE)
    # (not "- shown.keys()": a set less a dict's keys walks every key, and ``shown``
    # holds up to DISPLAY_CACHE claims)
    display = _display(db, {r.claim_id for pair in found for r in pair[:2] if r.claim_id not in shown})

    def face(reading):
        out = shown.get(reading.claim_id)
        if out is None:
            out = shown[reading.claim_id] = _face(reading, display.get(reading.claim_id, {}))
        return out

    created = now()
    threshold_json = _ENCODE(threshold)
    rows = {}
    for earlier, later, rel in found:
        rows.setdefault(rel.relation, []).append(
            _pair_row(earlier, later, face(earlier), face(later), rel, threshold_json, created))
    return rows


def _pair_batches(db, part, *, threshold, same_period_days, batch_size, stored=False):
    """Pair one share of the targets (``part``: their (unit, subject key) groups
    and sorted ids): yields ("batch", ids, rows by relation) per batch of
    targets. A pair both of whose claims are in this share is built once. The
    share's neighbour keys are found here (in its worker). With ``stored`` the
    archive is read from the database as needed (_StoredArchive)."""
    keys, ids = part
    neighbours = _neighbour_keys(db, keys, max(0.0, threshold - SAME_SOURCE_BONUS))
    symmetric = _symmetric(neighbours)
    if stored:
        archive = _StoredArchive(db)
        pending = {r.claim_id: r for r in archive.readings(ids) if (r.unit, r.subject_key) in neighbours}
    else:
        archive = _load_archive(db, neighbours)
        wanted = set(ids)
        pending = {r.claim_id: r for block in archive.blocks.values() for r in block if r.claim_id in wanted}
        del wanted
    if symmetric and len(ids) >= BLOCK_ORDER_MIN:
        ids = _in_block_order(ids, pending)
    seen = set()  # pairs built whose other claim is still pending, as earlier_id * 2**32 + later_id
    shown = {}
    gc.freeze()  # the archive lives to the end: the cycle collector need not walk it again and again
    try:
        yield from _batches_of(db, ids, pending, seen, shown, archive, neighbours, threshold,
                               same_period_days, batch_size, symmetric)
    finally:
        gc.unfreeze()


def _batches_of(db, ids, pending, seen, shown, archive, neighbours, threshold, same_period_days,
                batch_size, symmetric=False):
    """The batches of _pair_batches, once its archive is loaded. A pair found
    while its other claim is still pending is remembered in ``seen``; when
    subject scores are symmetric (see _symmetric) that claim then takes it
    without relating it again, else it relates it again and drops it."""
    for start in range(0, len(ids), batch_size):
        batch = ids[start: start + batch_size]
        found = []
        for claim_id in batch:
            target = pending.pop(claim_id, None)
            if target is None:  # no neighbours
                continue
            for earlier, later, result in _pairs_of(
                target, archive, neighbours, threshold, same_period_days, seen if symmetric else None,
            ):
                other = later.claim_id if earlier.claim_id == claim_id else earlier.claim_id
                pair = earlier.claim_id * 4_294_967_296 + later.claim_id
                if other in pending:
                    seen.add(pair)
                elif pair in seen:  # built when the other claim was the target
                    seen.discard(pair)
                    continue
                found.append((earlier, later, result))
        yield "batch", batch, _match_rows(db, found, threshold, shown)


BLOCK_ORDER_MIN = 5000  # a share of this many targets is paired in block order


def _in_block_order(ids, pending):
    """The target ids in the order of their blocks (unit, subject key, place, period),
    then by date: consecutive targets then share their neighbour keys, block lists and
    the claims their pairs show, which the caches of a big run keep (in id order, which
    is no order in time or subject, a million claims' caches were wiped and refilled
    again and again). The pairs found are the same in any order when subject scores
    are symmetric (see _batches_of); targets without a reading to pair come first.
    Only the ids of the stored pairs follow the order: a smaller share keeps id order,
    so a small run numbers its pairs as before (a big one's numbers already depended
    on which worker sent its batches first)."""
    def key(claim_id):
        r = pending.get(claim_id)
        if r is None:
            return ("", "", "", "", (False, 0, claim_id))
        return (r.unit, r.subject_key, r.place, r.period, _sort_key(r))

    return sorted(ids, key=key)


def _symmetric(neighbours):
    """Is every subject score the same both ways round among these keys? Then a
    pair related with one claim as the target relates the same way with the other."""
    scores = {(unit, key, other): score for (unit, key), found in neighbours.items()
              for other, score in found}
    return all(scores.get((unit, other, key), score) == score for (unit, key, other), score in scores.items())


def _shares(groups, workers):
    "Split target groups into ``workers`` shares of about equal size: [(keys, sorted ids)]."
    shares = [([], []) for _ in range(max(1, workers))]
    sizes = [0] * len(shares)  # (min over the sizes: the parent splits while the workers wait)
    for key, ids in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        smallest = sizes.index(min(sizes))  # the first of the smallest, as min(shares, key=…) took
        keys, share_ids = shares[smallest]
        keys.append(key)
        share_ids.extend(ids)
        sizes[smallest] += len(ids)
    for _, share_ids in shares:
        share_ids.sort()
    return [share for share in shares if share[1]]


def _pair_worker(path, jobs, send):
    """A forked worker: read the parts of claims it is given ("read"), sending each
    part's readings to the parent, until it gets its share of the targets and the
    settings ("pair"; None: nothing to do); pair the share, sending each batch to
    the parent, then None."""
    from .database import open_database

    global _score_threads
    _score_threads = 1  # (see _score_threads)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    try:
        db = _worker["db"] = open_database(path, migrate=False)
        job = jobs.recv()
        while job is not None and job[0] == "read":
            send.send(("readings", _read_part(db, job[1])))
            job = jobs.recv()
        jobs.close()
        _forget_reading()
        if job is None:
            return
        _, part, settings = job
        for message in _pair_batches(db, part, **settings):
            send.send(message)
        send.send(None)
    except BaseException:
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()


def _forget_reading():
    """Empty what reading cached (in a worker, once it has read: at a million claims
    ~40 MB a worker, which pairing has no use for), as a worker forked to pair began."""
    _worker.pop("places", None)
    for cached in (lexicon.subject_terms, lexicon.canonical, lexicon.nearest_place, lexicon.located_place,
                   claim_day, _year_of, _normalised_source, _ignored_names, _words_of, _still_held_in,
                   _title_noun, _named_noun, _short_document_place):
        cached.cache_clear()


class _PairWorkers:
    """The worker processes of a big run, forked when the run starts: this process is
    small then, so the pages a worker shares with it (and that count in both their
    RSS) are few; they read the claims (see ``read``), then each waits for its share
    of the targets (see ``start``)."""

    def __init__(self, db, count):
        self.processes, self.jobs, self.results = [], [], []
        if not count:
            return
        context = multiprocessing.get_context("fork")
        path = _database_file(db)
        try:
            for _ in range(count):
                jobs_in, jobs_out = context.Pipe(duplex=False)
                receive, send = context.Pipe(duplex=False)
                _widen(send)
                worker = context.Process(target=_pair_worker, args=(path, jobs_in, send), daemon=True)
                worker.start()
                jobs_in.close()
                send.close()
                self.processes.append(worker)
                self.jobs.append(jobs_out)
                self.results.append(receive)
        except BaseException:
            self.close()
            raise

    def __len__(self):
        return len(self.processes)

    def read(self, parts):
        """The readings of each part of claim ids (see _read_part), as the workers send
        them: each worker is given two parts, and another each time it sends one back
        (so it never waits for its next part while this process writes)."""
        parts = iter(parts)
        given = {}  # result pipe -> parts given and not yet sent back
        for _ in range(2):
            for jobs, receive in zip(self.jobs, self.results):
                part = next(parts, None)
                if part is not None:
                    jobs.send(("read", part))
                    given[receive] = given.get(receive, 0) + 1
        while given:
            for receive in multiprocessing.connection.wait(list(given)):
                _, readings = _message(receive)
                part = next(parts, None)
                if part is not None:
                    self.jobs[self.results.index(receive)].send(("read", part))
                elif given[receive] == 1:
                    del given[receive]
                else:
                    given[receive] -= 1
                yield readings

    def start(self, shares, settings):
        "Give each share to a worker (the others are told to stop): their result pipes."
        for jobs, part in itertools.zip_longest(self.jobs, shares):
            jobs.send(None if part is None else ("pair", part, settings))
        return self.results[: len(shares)]

    def close(self):
        "Stop the workers (at once, if still at work) and wait for them."
        for jobs in self.jobs:
            try:
                jobs.send(None)  # one still waiting for a share: nothing to do
            except OSError:
                pass
            jobs.close()
        self.jobs = []
        for worker in self.processes:
            worker.join(timeout=0.5)  # one told to stop exits at once
            if worker.is_alive():
                worker.terminate()
            worker.join()


PIPE_BYTES = 1 << 20  # what a worker's result pipe holds, where Linux allows it (else 64 KB)


def _widen(connection):
    """Let the pipe behind this connection hold PIPE_BYTES (Linux; elsewhere as it is): a
    worker then leaves most batches whole in it and pairs on, where in a 64 KB pipe it
    waited until this process had stored the other worker's batch and read its own."""
    try:
        import fcntl  # (Unix only, as the forked workers are)

        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # (no F_SETPIPE_SZ; above /proc/sys/fs/pipe-max-size)
        pass


def _pair_everything(db, shares, settings, workers):
    """The batches of every share: from the worker processes (one per share) when
    there are several shares, else computed here. The workers start at once (they
    pair while this process does other work), the shares here when iterated."""
    if len(shares) <= 1 or len(workers) < len(shares):
        return (batch for part in shares for batch in _pair_batches(db, part, **settings))
    return _from_workers(list(workers.start(shares, settings)))


def _from_workers(open_):
    "The batches the workers send through these pipes, as they come."
    while open_:
        for receive in multiprocessing.connection.wait(open_):
            message = _message(receive)
            if message is None:
                open_.remove(receive)
            else:
                yield message


def _message(receive):
    "The next message a worker sends through this pipe (raising its error, if it failed)."
    try:
        message = receive.recv()
    except EOFError:
        raise RuntimeError("a matching worker process died") from None
    if message is not None and message[0] == "error":
        raise RuntimeError(f"a matching worker failed:\n{message[1]}")
    return message


def match_claims(db, *, since=None, claim_ids=None, threshold=None, progress=None,
                 rescore=False, same_period_days=SAME_PERIOD_DAYS):
    """Match claims against the whole archive and store the pairs.

    Matches the claims not yet matched by this MATCHER_VERSION (or exactly
    ``claim_ids``; with ``rescore`` every claim again, dropping its unreviewed
    pairs first), optionally only those from documents published on or after
    ``since``. Claims are committed in batches together with their pairs and
    their marks in ``_matched_claims`` (see _store), so a killed run leaves no
    half-written batch and the next run completes the work. Idempotent.
    ``progress`` is called as progress(done, total). Returns MatchStats.

    Big runs pair in WORKERS forked processes, each given whole (unit,
    subject key) groups of targets; this process writes every batch.
    """
    started = time.perf_counter()
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    stats = MatchStats()
    ids = _targets(db, since=since, claim_ids=claim_ids, rescore=rescore)
    with _fewer_collections():  # (the worker processes forked in the run inherit it)
        workers = _PairWorkers(db, _parallel(db, len(ids)))  # forked now, while this process is small
        try:
            return _match(db, stats, ids, workers, started, rescore=rescore, threshold=threshold,
                          progress=progress, same_period_days=same_period_days)
        finally:
            workers.close()


GC_YOUNG = 100_000  # objects a run allocates between two collections of the youngest generation


@contextlib.contextmanager
def _fewer_collections():
    """The cycle collector run less often while the block runs (then as before): a
    run allocates millions of readings, pairs and rows, which hold no cycles, and
    the default collects every 700 new objects (a tenth of a 20k run's time)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(GC_YOUNG, thresholds[0]), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _match(db, stats, ids, workers, started, *, rescore, threshold, progress, same_period_days):
    "match_claims, once its targets are known and its worker processes forked."
    if rescore and ids:
        _forget(db, ids, every_version=True)
    elif ids:
        stale = [r[0] for r in db.execute(
            "SELECT claim_id FROM _matched_claims WHERE matcher_version != ?", [MATCHER_VERSION])]
        if stale:
            _forget(db, stale, every_version=False)
    refresh_readings(db, workers=workers)
    if not ids:
        stats.seconds = time.perf_counter() - started
        return stats
    groups = _target_groups(db, ids)
    keyed = {claim_id for group in groups.values() for claim_id in group}
    batches = []
    unkeyed = [claim_id for claim_id in ids if claim_id not in keyed]
    del keyed
    for start in range(0, len(unkeyed), BATCH_SIZE):  # nothing to compare: marked at once
        batches.append(("batch", unkeyed[start: start + BATCH_SIZE], {}))
    shares = _shares(groups, len(workers))
    del groups, unkeyed
    settings = dict(threshold=threshold, same_period_days=same_period_days, batch_size=BATCH_SIZE,
                    stored=_few(db, len(ids)))
    pairs = _pair_everything(db, shares, settings, workers)
    try:
        with _write_cache(db):  # the matches indexes grow at random places
            extra = _same_figure_pairs(db, ids, threshold, same_period_days)
            _store(db, stats, _with_same_figures(db, itertools.chain(batches, pairs), extra, threshold),
                   progress, len(ids))
    finally:
        pairs.close()  # match_claims then stops the workers (at once if storing failed)
    stats.seconds = time.perf_counter() - started
    return stats


STORED_SHARE = 20  # targets fewer than 1/STORED_SHARE of the archive read it as needed


def _archive_size(db):
    "How many claims have a reading."
    return db.execute("SELECT count(*) FROM _claim_keys").fetchone()[0]


def _few(db, targets):
    "Are these few targets in a big archive, best paired against _StoredArchive?"
    return targets * STORED_SHARE < _archive_size(db)


WRITE_CACHE_KB = 131_072  # SQLite page cache while storing readings and pairs: holds the hot parts of their indexes


@contextlib.contextmanager
def _write_cache(db):
    "A page cache of WRITE_CACHE_KB while the block runs (then the one before)."
    cache = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = {-WRITE_CACHE_KB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {cache}")


COMMITS = 16              # a run commits in about this many groups of batches


def _commit_groups(items, every, size):
    """``items`` in consecutive groups, one per transaction: a group closes once
    the ``size`` of its items reaches ``every``. Yields each group as an iterator,
    to be read to its end before the next (nothing is held in memory)."""
    items = iter(items)
    more = [True]

    def group():
        done = 0
        for item in items:
            yield item
            done += size(item)
            if done >= every:
                return
        more[0] = False  # the items ran out

    while more[0]:
        yield group()
_PAIR = operator.itemgetter(0, 1)


@contextlib.contextmanager
def _foreign_keys_off(db):
    """Foreign keys unchecked while the block runs (then as before; inside a
    transaction they stay as they are). Each pair stored would look up both its
    claims: a tenth of what storing a run's pairs costs."""
    on = db.execute("PRAGMA foreign_keys").fetchone()[0]
    if on:
        db.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if on:
            db.execute("PRAGMA foreign_keys = ON")


def _check_claims(db, claim_ids):
    """Raise sqlite3.IntegrityError, as the foreign keys would have, unless every
    claim of ``claim_ids`` is still in ``claims`` (one deleted by another connection
    while the run paired it): the transaction that wrote the pairs and marks is then
    rolled back. Called once it has written them, when it holds the write lock and
    reads the last commit: no claim can go between this and its commit."""
    claim_ids = list(claim_ids)
    for start in range(0, len(claim_ids), 500):
        part = claim_ids[start: start + 500]
        found = db.execute(f"SELECT count(*) FROM claims WHERE id IN ({', '.join('?' for _ in part)})",
                           part).fetchone()[0]
        if found < len(part):
            raise sqlite3.IntegrityError("FOREIGN KEY constraint failed: a claim was deleted while it was matched")


def _store(db, stats, batches, progress, total):
    """Store each batch's pairs (in index order) with its claims' marks,
    counting into ``stats``. Batches are committed in groups of at least
    1/COMMITS of the run: every commit writes the index pages it touched, and
    new pairs touch pages all over the matches indexes, so a commit per small
    batch would cost the square of the archive. A killed run loses its open
    group only; the next run does those claims again. The foreign keys are
    checked once per claim a group names (_check_claims), not for each row."""
    for group in _commit_groups(batches, max(BATCH_SIZE, total // COMMITS), lambda item: len(item[1])):
        done, added = 0, dict.fromkeys(("corroborates", "updates", "contradicts", ""), 0)
        claims = set()
        with _foreign_keys_off(db), db.atomic():
            for _, batch, rows in group:
                created = now()
                for relation, relation_rows in rows.items():
                    relation_rows.sort(key=_PAIR)
                    claims.update(itertools.chain.from_iterable(map(_PAIR, relation_rows)))
                    count = max(db.conn.executemany(_INSERT_MATCH, relation_rows).rowcount, 0)
                    added[relation if relation in added else ""] += count
                db.conn.executemany(
                    "INSERT OR REPLACE INTO _matched_claims (claim_id, matcher_version, matched_at) "
                    "VALUES (?, ?, ?)",
                    [(claim_id, MATCHER_VERSION, created) for claim_id in batch],
                )
                claims.update(batch)
                done += len(batch)
            _check_claims(db, claims)
        stats.claims_matched += done
        for relation, count in added.items():
            if relation:
                setattr(stats, relation, getattr(stats, relation) + count)
            stats.pairs_added += count
        if progress and done:
            progress(stats.claims_matched, total)  # what is reported done is committed
