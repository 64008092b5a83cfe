"""Reviewing matches: reviewer accounts, verdicts on the append-only audit
trail, the review queue and a figure's timeline.

Functions take ``db`` first: a ``sqlite_utils.Database`` or a plain
``sqlite3.Connection`` (Datasette hands its pages the latter), since both have
``execute``. The Datasette pages that show these live at the end of the module.
"""

import base64
import datetime
import hashlib
import hmac
import re
import secrets
import sqlite3
import time
import weakref

from datasette.utils import baseconv
from datasette.utils.asgi import Forbidden, NotFound, Response

from .database import now
from .errors import AuthError, ChecksError
from .migrations import VERDICTS

# --- reviewer accounts -------------------------------------------------------

# scrypt (RFC 7914) from the standard library. N=2**15, r=8 needs 32 MiB and
# about 0.1 s per check; the parameters are stored with each hash, so they can
# be raised later without invalidating existing accounts.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")
SESSION_SECONDS = 7 * 24 * 3600


def _scrypt(password, salt, n, r, p):
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r, dklen=32
    )


def _b64(data):
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password):
    "A salted scrypt hash of ``password``: ``scrypt$N$r$p$salt$digest``."
    if not password:
        raise AuthError("the password is empty")
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password, stored):
    "True when ``password`` matches the ``stored`` hash (constant-time compare)."
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = _scrypt(password or "", _unb64(salt), int(n), int(r), int(p))
    except (ValueError, AttributeError):
        return False
    return hmac.compare_digest(candidate, _unb64(digest))


# Checked against when the name is unknown, so a wrong name costs as long as a
# wrong password and timing does not reveal which accounts exist.
_DUMMY_HASH = None


def authenticate(db, name, password):
    "True when ``name`` is a reviewer whose password is ``password``."
    global _DUMMY_HASH
    row = db.execute("SELECT password_hash FROM _reviewers WHERE name = ?", [name or ""]).fetchone()
    if row is None:
        _DUMMY_HASH = _DUMMY_HASH or hash_password(secrets.token_hex(8))
        verify_password(password, _DUMMY_HASH)
        return False
    return verify_password(password, row[0])


class SignInThrottle:
    """Failed sign-ins per (name, client address): after ``limit`` failures
    within ``window`` seconds, that name is refused from that address until the
    oldest failure is ``window`` seconds old. Kept in memory, per server process;
    the slow hash is the other brake."""

    def __init__(self, limit=5, window=15 * 60, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self.failures = {}  # key -> monotonic times of recent failures

    def _recent(self, key):
        cutoff = self.clock() - self.window
        times = [t for t in self.failures.get(key, ()) if t > cutoff]
        if times:
            self.failures[key] = times
        else:
            self.failures.pop(key, None)
        return times

    def wait(self, key):
        "Seconds before ``key`` may try again; 0 when it may now."
        times = self._recent(key)
        if len(times) < self.limit:
            return 0
        return max(1, int(times[-self.limit] + self.window - self.clock() + 0.999))

    def failed(self, key):
        if len(self.failures) > 10_000:  # a flood of names: forget the stale ones
            for stale in [k for k in self.failures if not self._recent(k)]:
                self.failures.pop(stale, None)
        self._recent(key)
        self.failures.setdefault(key, []).append(self.clock())

    def succeeded(self, key):
        self.failures.pop(key, None)


def add_reviewer(db, name, password):
    "Create the reviewer account ``name``; raises AuthError if it is taken or invalid."
    if not NAME_PATTERN.match(name or ""):
        raise AuthError(
            f"reviewer name {name!r} is not allowed: use up to 64 letters, digits, "
            "'.', '_', '-' or '@', starting with a letter or digit"
        )
    if db.execute("SELECT 1 FROM _reviewers WHERE name = ?", [name]).fetchone():
        raise AuthError(f"reviewer {name!r} already exists: remove it first to reset the password")
    db.execute(
        "INSERT INTO _reviewers (name, password_hash, created_at) VALUES (?, ?, ?)",
        [name, hash_password(password), now()],
    )


def remove_reviewer(db, name):
    "Delete the account ``name``; the verdicts it recorded stay in the audit trail."
    if db.execute("DELETE FROM _reviewers WHERE name = ?", [name]).rowcount == 0:
        raise AuthError(f"no reviewer named {name!r} (see checks reviewer list)")


def list_reviewers(db):
    "Each reviewer with when the account was made and how many verdicts it recorded."
    return _rows(
        db,
        """SELECT name, created_at,
                  (SELECT count(*) FROM reviews WHERE reviewer = name) AS verdicts
           FROM _reviewers ORDER BY name""",
    )


def actor_cookie(datasette, name):
    "The signed ``ds_actor`` cookie value Datasette reads back as the reviewer."
    expires = baseconv.base62.encode(int(time.time()) + SESSION_SECONDS)
    return datasette.sign({"a": {"id": name}, "e": expires}, "actor")


# --- verdicts ----------------------------------------------------------------


def record_verdict(db, match_id, verdict, reviewer, note=None):
    """Append a verdict on a match and return its id. The database triggers
    refuse an unknown verdict, match or reviewer; their message is raised as
    ChecksError and nothing is written."""
    try:
        cursor = db.execute(
            """INSERT INTO reviews (match_id, verdict, reviewer, note, created_at)
               VALUES (?, ?, ?, ?, ?)""",
            [match_id, verdict, reviewer, note or None, now()],
        )
    except sqlite3.IntegrityError as ex:
        raise ChecksError(f"verdict on match {match_id} refused: {ex}") from ex
    return cursor.lastrowid


def verdict_history(db, match_id):
    "Every verdict on a match, oldest first; the last one is current."
    return _rows(
        db,
        "SELECT * FROM review_history WHERE match_id = ? ORDER BY review_id",
        [match_id],
    )


# --- the review queue ----------------------------------------------------------

_CLAIM_COLUMNS = """
    {a}.id AS {p}id, {a}.quote AS {p}quote, {a}.sentence AS {p}sentence,
    {a}.value AS {p}value, {a}.low AS {p}low, {a}.high AS {p}high,
    {a}.qualifier AS {p}qualifier, {a}.unit AS {p}unit, {a}.subject AS {p}subject,
    {a}.attribution AS {p}attribution, {a}.as_of AS {p}as_of,
    {d}.url AS {p}url, {d}.title AS {p}title, {d}.publisher AS {p}publisher,
    {d}.published AS {p}published,
    CASE WHEN {a}.start IS NOT NULL AND instr({d}.text, {a}.sentence) > 0
         THEN {a}.start - instr({d}.text, {a}.sentence) + 1 END AS {p}quote_offset
"""

QUEUE_SQL = f"""
SELECT m.id AS match_id, m.score, m.relation, m.explanation, m.days_apart,
    {_CLAIM_COLUMNS.format(a="e", d="ed", p="earlier_")},
    {_CLAIM_COLUMNS.format(a="l", d="ld", p="later_")}
FROM matches m
JOIN claims e ON e.id = m.claim_id JOIN documents ed ON ed.id = e.document_id
JOIN claims l ON l.id = m.later_claim_id JOIN documents ld ON ld.id = l.document_id
WHERE NOT EXISTS (SELECT 1 FROM reviews r WHERE r.match_id = m.id)
ORDER BY m.score DESC, m.id DESC
LIMIT :limit
"""


def review_queue(db, limit=20):
    """The best ``limit`` unreviewed matches, each a dict with ``earlier`` and
    ``later`` claims (their ``highlight`` splits the sentence around the quote)."""
    items = []
    for row in _rows(db, QUEUE_SQL, {"limit": limit}):
        item = {k: v for k, v in row.items() if not k.startswith(("earlier_", "later_"))}
        item["earlier"] = _claim(row, "earlier_")
        item["later"] = _claim(row, "later_")
        items.append(item)
    return items


def _claim(row, prefix):
    claim = {k[len(prefix):]: v for k, v in row.items() if k.startswith(prefix)}
    claim["highlight"] = highlight(claim["sentence"], claim["quote"], claim.pop("quote_offset"))
    claim["date"] = claim["as_of"] or claim["published"]
    return claim


def highlight(sentence, quote, offset=None):
    """Split ``sentence`` into (before, quote, after) around the claim's quote:
    at ``offset`` when it points at the quote, else at its first occurrence.
    Without a sentence containing it, the quote stands alone."""
    sentence, quote = sentence or "", quote or ""
    if quote and offset is not None and sentence[offset:offset + len(quote)] == quote:
        at = offset
    else:
        at = sentence.find(quote) if quote else -1
    if at < 0:
        return ("", quote, "") if not sentence else (sentence + " ", quote, "")
    return sentence[:at], quote, sentence[at + len(quote):]


# --- a figure's page -------------------------------------------------------------

_FIGURE_CLAIM_SQL = f"""
SELECT {_CLAIM_COLUMNS.format(a="c", d="d", p="")}
FROM claims c JOIN documents d ON d.id = c.document_id
WHERE c.id = :id
"""

_FIGURE_MATCHES_SQL = f"""
SELECT m.id AS match_id, m.relation, m.score, m.explanation, m.claim_id = :id AS is_earlier,
    (SELECT verdict FROM reviews r WHERE r.match_id = m.id ORDER BY r.id DESC LIMIT 1) AS verdict,
    {_CLAIM_COLUMNS.format(a="o", d="od", p="")}
FROM (
    SELECT id FROM matches WHERE claim_id = :id
    UNION ALL
    SELECT id FROM matches WHERE later_claim_id = :id
) pair
JOIN matches m ON m.id = pair.id
JOIN claims o ON o.id = CASE WHEN m.claim_id = :id THEN m.later_claim_id ELSE m.claim_id END
JOIN documents od ON od.id = o.document_id
"""


def figure(db, claim_id):
    """One claim and every match on it that is confirmed or still suggested
    (rejected ones are left out), in date order, with the chart's layout.
    Returns None when there is no such claim."""
    found = _rows(db, _FIGURE_CLAIM_SQL, {"id": claim_id})
    if not found:
        return None
    claim = _claim(found[0], "")
    entries = []
    for row in _rows(db, _FIGURE_MATCHES_SQL, {"id": claim_id}):
        if row["verdict"] == "rejected":
            continue
        match = {k: row.pop(k) for k in ("match_id", "relation", "score", "explanation", "verdict", "is_earlier")}
        match["status"] = row_status(match["verdict"])
        entries.append(dict(_claim(row, ""), match=match))
    entries.append(dict(claim, match=None))
    entries.sort(key=lambda e: (e["date"] or "9999", e["id"]))
    return {"claim": claim, "entries": entries, "chart": timeline_chart(entries, claim["id"])}


def row_status(verdict):
    "How a match shows on a figure's page: confirmed, unsure, or suggested (unreviewed)."
    return verdict if verdict in VERDICTS else "suggested"


# --- the chart of a figure over time ------------------------------------------------

CHART = {"width": 720, "height": 300, "left": 70, "right": 20, "top": 20, "bottom": 40}
_ARROW = 30  # pixels an open bound's arrow reaches past its bound


def timeline_chart(entries, selected_id=None):
    """Lay out a figure over time as SVG marks: exact figures as dots, ranges
    as whiskers from low to high, open bounds ("more than", "up to") as a bar
    with an open arrow pointing the way the bound is open. Entries without a
    date or figure are left out. Returns the marks, axis ticks and size."""
    dated = [e for e in entries if _parse_date(e["date"]) and _numbers(e)]
    chart = dict(CHART, marks=[], x_ticks=[], y_ticks=[], missing=len(entries) - len(dated))
    if not dated:
        return chart
    days = [_parse_date(e["date"]).toordinal() for e in dated]
    pad = max((max(days) - min(days)) // 20, 15)  # keep marks off the plot's edges
    x0, x1 = min(days) - pad, max(days) + pad
    top = max(max(_numbers(e)) for e in dated)
    y1 = _nice_ceiling(top * 1.15 or 1)
    plot_w = CHART["width"] - CHART["left"] - CHART["right"]
    plot_h = CHART["height"] - CHART["top"] - CHART["bottom"]

    def sx(day):
        return round(CHART["left"] + (day - x0) / (x1 - x0) * plot_w, 1)

    def sy(number):
        return round(CHART["top"] + plot_h - number / y1 * plot_h, 1)

    for entry, day in zip(dated, days):
        chart["marks"].append(_mark(entry, sx(day), sy, selected_id))
    chart["y_ticks"] = [{"y": sy(y1 * i / 4), "label": _format_number(y1 * i / 4)} for i in range(5)]
    for i, anchor in enumerate(("start", "middle", "middle", "middle", "end")):
        day = x0 + (x1 - x0) * i / 4
        label = datetime.date.fromordinal(int(day)).isoformat()
        chart["x_ticks"].append({"x": sx(day), "label": label, "anchor": anchor})
    return chart


def _mark(entry, x, sy, selected_id):
    low, high, value = entry["low"], entry["high"], entry["value"]
    mark = {
        "x": x,
        "selected": entry["id"] == selected_id,
        "title": f"{entry['date']}: {entry['quote']} ({entry['publisher'] or entry['url']})",
        "claim_id": entry["id"],
    }
    if low is not None and high is not None and low != high:
        mark.update(kind="range", y_low=sy(low), y_high=sy(high))
    elif low is not None and high is None:
        mark.update(kind="at_least", y=sy(low), y_end=max(sy(low) - _ARROW, CHART["top"]))
    elif high is not None and low is None:
        mark.update(kind="at_most", y=sy(high), y_end=sy(high) + _ARROW)
    else:
        number = value if value is not None else low
        kind = "about" if entry.get("qualifier") == "about" else "exact"
        mark.update(kind=kind, y=sy(number))
    # the quote beside the mark, on whichever side has room
    right = x < CHART["width"] - 140
    label_y = (mark["y_low"] + mark["y_high"]) / 2 if mark["kind"] == "range" else mark["y"]
    mark.update(label=entry["quote"], label_x=x + 12 if right else x - 12,
                label_y=round(label_y + 4, 1), label_anchor="start" if right else "end")
    return mark


def _numbers(entry):
    return [n for n in (entry["value"], entry["low"], entry["high"]) if n is not None]


def _parse_date(text):
    try:
        return datetime.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def _nice_ceiling(number):
    "The smallest 1, 2, 2.5 or 5 times a power of ten at or above ``number``."
    power = 10 ** max(len(str(int(number))) - 1, 0)
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= number:
            return step * power
    return 10 * power


def _format_number(number):
    return f"{number:,.0f}" if number >= 10 or number == int(number) else f"{number:,.1f}"


def _rows(db, sql, params=None):
    cursor = db.execute(sql, params or [])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


# --- Datasette pages ---------------------------------------------------------------


def _database(datasette):
    name = (datasette.plugin_config("checks") or {}).get("database", "checks")
    return datasette.get_database(name if name in datasette.databases else None)


async def queue_page(datasette, request):
    "/-/review: the unreviewed matches, best first, with verdict buttons."
    db = _database(datasette)
    limit = min(int(request.args.get("_size") or 20), 100)
    items = await db.execute_fn(lambda conn: review_queue(conn, limit))
    return Response.html(
        await datasette.render_template(
            "checks_queue.html",
            {
                "items": items,
                "database": db.name,
                "verdict_url": datasette.urls.database(db.name) + "/record_verdict",
            },
            request=request,
        )
    )


async def figure_page(datasette, request):
    "/-/figure/<claim_id>: a claim, its matches in date order and a chart."
    db = _database(datasette)
    claim_id = int(request.url_vars["claim_id"])
    data = await db.execute_fn(lambda conn: figure(conn, claim_id))
    if data is None:
        raise NotFound(f"No claim with id {claim_id}")
    return Response.html(
        await datasette.render_template("checks_figure.html", dict(data, database=db.name), request=request)
    )


_throttles = weakref.WeakKeyDictionary()  # Datasette instance -> SignInThrottle


async def login_page(datasette, request):
    "/-/login: a username and password form; success sets the ds_actor cookie."
    context = {"error": None, "username": "", "next": _safe_next(request.args.get("next"))}
    if request.method != "POST":
        return Response.html(await datasette.render_template("checks_login.html", context, request=request))
    form = await request.post_vars()
    # asgi-csrf lets a POST without any cookie through; a login must carry the token too
    if not secrets.compare_digest(form.get("csrftoken", ""), request.scope["csrftoken"]()):
        raise Forbidden("The form's CSRF token is missing or stale: reload the sign-in page")
    name, password = form.get("username", "").strip(), form.get("password", "")
    throttle = _throttles.setdefault(datasette, SignInThrottle())
    key = (name.lower(), (request.scope.get("client") or ("",))[0])
    wait = throttle.wait(key)
    if wait:
        minutes = (wait + 59) // 60
        context.update(username=name, error=(
            f"Too many failed sign-ins for {name}: try again in {minutes} minute{'s' * (minutes != 1)}."))
        html = await datasette.render_template("checks_login.html", context, request=request)
        return Response.html(html, status=429, headers={"Retry-After": str(wait)})
    ok = await _database(datasette).execute_fn(lambda conn: authenticate(conn, name, password))
    if not ok:
        throttle.failed(key)
        context.update(error="Wrong username or password.", username=name)
        html = await datasette.render_template("checks_login.html", context, request=request)
        return Response.html(html, status=401)
    throttle.succeeded(key)
    response = Response.redirect(_safe_next(form.get("next")) or "/-/review")
    response.set_cookie("ds_actor", actor_cookie(datasette, name), httponly=True, samesite="lax")
    return response


def _safe_next(path):
    "Only local paths, so the sign-in form cannot bounce people to another site."
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return None
