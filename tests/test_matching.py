import json
import pathlib

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import matching
from checks.cli import cli
from checks.database import open_database, save_claims, save_document
from checks.matching import compare, interval, match_claims, read_claim, subject_score
from checks.migrations import QUALIFIERS

ROOT = pathlib.Path(__file__).parent.parent


class Archive:
    "A real database with helpers to add documents and claims."

    def __init__(self, path):
        self.path = path
        self.db = open_database(path)
        self.n = 0

    def doc(self, published, publisher="Outlet", title=None, text=None):
        self.n += 1
        with self.db.atomic():
            return save_document(self.db, f"https://news.example/{self.n}", published=published,
                                 publisher=publisher, title=title, text=text)

    def claim(self, document_id, quote, sentence, subject, value=None, qualifier="exact",
              unit=None, attribution=None, low=None, high=None, as_of=None):
        if value is not None and qualifier == "exact":
            low = high = value
        elif value is not None and qualifier in ("more_than", "at_least"):
            low = value
        elif value is not None and qualifier in ("almost", "up_to"):
            high = value
        data = dict(quote=quote, start=0, end=len(quote), value=value, low=low, high=high,
                    qualifier=qualifier, unit=unit, subject=subject, attribution=attribution,
                    sentence=sentence, as_of=as_of)
        with self.db.atomic():
            save_claims(self.db, document_id, [data])
        return self.db.execute("SELECT max(id) FROM claims").fetchone()[0]

    def review(self, match_id, verdict):
        with self.db.atomic():
            self.db.execute("INSERT OR IGNORE INTO _reviewers VALUES ('ana', 'not-a-real-hash', '2024-01-01')")
            self.db["reviews"].insert(dict(match_id=match_id, verdict=verdict, reviewer="ana",
                                           created_at="2024-06-01T00:00:00"))

    def pairs(self):
        return {
            (r["claim_id"], r["later_claim_id"]): r
            for r in self.db.query("SELECT * FROM matches ORDER BY id")
        }


@pytest.fixture
def archive(tmp_path):
    return Archive(tmp_path / "checks.db")


def seed_belarus(a):
    "The seed article's figures and later reports, in our own words."
    seed = a.doc("2021-07-14", "The Independent", title="Belarus raids activists across the country")
    ids = {}
    ids["prisoners_2021"] = a.claim(
        seed, "555", "Viasna counts 555 political prisoners held by Mr Lukashenko's government.",
        "political prisoners", 555, attribution="Viasna")
    ids["arrested_2021"] = a.claim(
        seed, "more than 30,000", "Over eleven months more than 30,000 protesters were arrested in Belarus.",
        "protesters arrested", 30000, "more_than")
    ids["ruler"] = a.claim(
        seed, "27", "Belarus's 27-year ruler has crushed almost all opposition.", "ruler", 27, unit="years")
    russia = a.doc("2021-07-20", "Moscow Daily", title="Russia's prisoners")
    ids["russia"] = a.claim(
        russia, "314", "Memorial lists 314 political prisoners in Russia.", "political prisoners", 314,
        attribution="Memorial")
    later = a.doc("2024-05-21", "Wire Service", title="Belarus crackdown continues")
    ids["prisoners_2024"] = a.claim(
        later, "1,374", "Belarus now holds 1,374 political prisoners, according to Viasna.",
        "political prisoners", 1374, attribution="Viasna")
    return ids


# --- the examples ---------------------------------------------------------


def test_other_country_not_matched_and_later_figure_updates(archive):
    ids = seed_belarus(archive)
    stats = match_claims(archive.db)
    pairs = archive.pairs()
    assert stats.claims_matched == 5
    for pair in pairs:
        assert ids["russia"] not in pair
    update = pairs[(ids["prisoners_2021"], ids["prisoners_2024"])]
    assert update["relation"] == "updates"
    assert update["change"] == pytest.approx(1374 / 555 - 1, abs=1e-3)
    assert "555 → 1,374 (+148%)" in update["explanation"]
    assert "Belarus = Belarus" in update["explanation"]
    assert "2021-07-14 → 2024-05-21" in update["explanation"]
    assert "both from viasna" in update["explanation"]
    components = json.loads(update["components"])
    assert components["places"] == ["Belarus", "Belarus"] and components["compatible"] is False


@pytest.mark.parametrize(
    "published, relation", [("2021-08-09", "corroborates"), ("2022-03-01", "updates")]
)
def test_arrested_protesters_and_detained_people_are_one_quantity(archive, published, relation):
    first = archive.doc("2021-07-14")
    a = archive.claim(first, "more than 30,000",
                      "In eleven months more than 30,000 protesters were arrested in Belarus.",
                      "protesters arrested", 30000, "more_than")
    second = archive.doc(published)
    b = archive.claim(second, "over 35,000",
                      "Over 35,000 people have been detained in Belarus since the August 2020 vote.",
                      "people detained", 35000, "more_than")
    match_claims(archive.db)
    pair = archive.pairs()[(a, b)]
    assert pair["relation"] == relation
    assert pair["subject_score"] == 100


def test_duration_is_not_a_count(archive):
    d1 = archive.doc("2021-07-14")
    archive.claim(d1, "27", "The 27-year rule of the president of Belarus goes on.", "rule", 27, unit="years")
    d2 = archive.doc("2021-07-15")
    archive.claim(d2, "27", "Police detained 27 people in Belarus on Sunday.", "people detained", 27)
    archive.claim(d2, "27", "The 27 protesters held in Belarus were later freed.", "rule", 27)
    match_claims(archive.db)
    assert archive.pairs() == {}


def test_same_period_different_monitors_contradict(archive):
    d1 = archive.doc("2023-03-01", "Outlet A")
    a = archive.claim(d1, "1,450", "Viasna counts 1,450 political prisoners in Belarus.",
                      "political prisoners", 1450, attribution="Viasna")
    d2 = archive.doc("2023-03-10", "Outlet B")
    b = archive.claim(d2, "about 900", "The Belarusian government says about 900 political prisoners remain.",
                      "political prisoners", 900, "about", attribution="the interior ministry")
    match_claims(archive.db)
    assert archive.pairs()[(a, b)]["relation"] == "contradicts"


def test_same_monitor_revising_its_count_updates(archive):
    d1 = archive.doc("2023-03-01", "Outlet A")
    a = archive.claim(d1, "1,450", "Viasna counts 1,450 political prisoners in Belarus.",
                      "political prisoners", 1450, attribution="Viasna")
    d2 = archive.doc("2023-03-20", "Outlet B")
    b = archive.claim(d2, "1,480", "Viasna now counts 1,480 political prisoners in Belarus.",
                      "political prisoners", 1480, attribution="Viasna")
    match_claims(archive.db)
    assert archive.pairs()[(a, b)]["relation"] == "updates"


def test_same_figure_months_later_corroborates(archive):
    d1 = archive.doc("2022-01-10")
    a = archive.claim(d1, "more than 30,000", "More than 30,000 protesters were arrested in Belarus.",
                      "protesters arrested", 30000, "more_than")
    d2 = archive.doc("2022-09-10")
    b = archive.claim(d2, "more than 30,000", "Belarus has detained more than 30,000 demonstrators.",
                      "demonstrators detained", 30000, "more_than")
    match_claims(archive.db)
    pair = archive.pairs()[(a, b)]
    assert pair["relation"] == "corroborates"
    assert pair["days_apart"] == 243


@pytest.mark.parametrize(
    "subject, sentence",
    [
        ("political prisoners released", "Lukashenko released 18 political prisoners in Belarus."),
        ("women political prisoners", "Belarus holds 160 women political prisoners."),
    ],
)
def test_slices_of_a_population_are_other_quantities(archive, subject, sentence):
    d1 = archive.doc("2024-05-01")
    archive.claim(d1, "1,374", "Belarus holds 1,374 political prisoners.", "political prisoners", 1374)
    d2 = archive.doc("2024-05-03")
    archive.claim(d2, "160", sentence, subject, 160)
    match_claims(archive.db)
    assert archive.pairs() == {}


def test_monthly_change_is_not_the_running_total(archive):
    d1 = archive.doc("2021-06-01")
    archive.claim(d1, "more than 30,000", "Since the 2020 vote more than 30,000 people were detained in Belarus.",
                  "people detained", 30000, "more_than")
    d2 = archive.doc("2021-06-02")
    archive.claim(d2, "12,000", "In May 12,000 people were detained in Belarus.", "people detained", 12000)
    match_claims(archive.db)
    assert archive.pairs() == {}


def test_a_days_count_and_a_total_given_the_same_days_are_one_figure_when_they_agree(archive):
    first = archive.doc("2022-09-22", "Northline Wire")
    total = archive.claim(first, "1,386", "Police detained 1,386 people at protests in Russia, OVD-Info said.",
                          "people detained", 1386, attribution="OVD-Info")
    held = archive.claim(first, "more than 5,000", "More than 5,000 people have been held in Russia.",
                         "people held", 5000, "more_than")
    second = archive.doc("2022-09-23", "Eastern Desk")
    day = archive.claim(second, "more than 1,300", "On 21 September alone, more than 1,300 people were "
                        "detained in Russia.", "people detained", 1300, "more_than", as_of="2022-09-21")
    weekend = archive.claim(second, "more than 13,000", "Over the weekend more than 13,000 people were "
                            "detained in Russia.", "people detained", 13000, "more_than")
    assert read_claim(archive.db["claims"].get(day) | {"published": "2022-09-23"}).period == "interval"
    match_claims(archive.db)
    pairs = archive.pairs()
    assert pairs[(day, total)]["relation"] == "corroborates"  # (1,386 lies in "more than 1,300")
    # a figure the other's bound holds but far bigger is another count: 5,000 and 13,000 stay apart
    assert (held, weekend) not in pairs and (weekend, held) not in pairs
    # a count since a start long before is a running total, not that day's count
    since = archive.doc("2022-09-22", "Third Outlet")
    running = archive.claim(since, "1,350", "Police have detained 1,350 people in Russia since 2020.",
                            "people detained", 1350)
    match_claims(archive.db)
    assert not {(day, running), (running, day)} & set(archive.pairs())


def test_claims_from_one_document_are_never_paired(archive):
    d1 = archive.doc("2021-07-14")
    archive.claim(d1, "555", "There are 555 political prisoners in Belarus.", "political prisoners", 555)
    archive.claim(d1, "600", "Soon 600 political prisoners will be held in Belarus.", "political prisoners", 600)
    match_claims(archive.db)
    assert archive.pairs() == {}


# --- incremental, idempotent, killed runs ---------------------------------------


def test_rerun_adds_nothing_and_new_claims_only_add_their_pairs(archive):
    ids = seed_belarus(archive)
    first = match_claims(archive.db)
    before = archive.pairs()
    again = match_claims(archive.db)
    assert again.claims_matched == 0 and again.pairs_added == 0
    assert archive.pairs() == before
    d = archive.doc("2024-06-30", "Another Outlet")
    new = archive.claim(d, "1,400", "Viasna says Belarus holds 1,400 political prisoners.",
                        "political prisoners", 1400, attribution="Viasna")
    third = match_claims(archive.db)
    assert third.claims_matched == 1
    added = set(archive.pairs()) - set(before)
    assert added and all(new in pair for pair in added)
    assert (ids["prisoners_2024"], new) in added
    assert first.pairs_added == len(before)


def test_killed_run_leaves_whole_batches_and_next_run_completes(archive, tmp_path, monkeypatch):
    for year in range(2015, 2025):
        for outlet in ("A", "B", "C"):
            d = archive.doc(f"{year}-0{1 + 'ABC'.index(outlet)}-10", f"Outlet {outlet}")
            archive.claim(d, str(100 * year - 201000), f"Belarus holds {100 * year - 201000} political prisoners.",
                          "political prisoners", 100 * year - 201000)
    reference = Archive(tmp_path / "reference.db")
    reference.db.conn.executescript(
        "ATTACH '%s' AS src; INSERT INTO documents SELECT * FROM src.documents;"
        "INSERT INTO claims SELECT * FROM src.claims; DETACH src;" % archive.path
    )
    match_claims(reference.db)
    monkeypatch.setattr(matching, "BATCH_SIZE", 7)

    class Killed(Exception):
        pass

    def kill_after_two(done, total):
        if done >= 14:
            raise Killed

    with pytest.raises(Killed):
        match_claims(archive.db, progress=kill_after_two)
    marked = {r[0] for r in archive.db.execute("SELECT claim_id FROM _matched_claims")}
    assert len(marked) == 14
    # no pair without the mark of the claim that found it
    for earlier, later in archive.pairs():
        assert earlier in marked or later in marked
    stats = match_claims(archive.db)
    assert stats.claims_matched == 30 - 14
    assert set(archive.pairs()) == set(reference.pairs())


def test_changed_matcher_version_rematches(archive, monkeypatch):
    seed_belarus(archive)
    match_claims(archive.db)
    before = archive.pairs()
    monkeypatch.setattr(matching, "MATCHER_VERSION", "test-2")
    stats = match_claims(archive.db)
    assert stats.claims_matched == 5
    after = archive.pairs()
    assert set(after) == set(before)
    assert {r["matcher_version"] for r in after.values()} == {"test-2"}


def test_rescore_keeps_reviewed_pairs(archive):
    ids = seed_belarus(archive)
    match_claims(archive.db)
    pair = archive.pairs()[(ids["prisoners_2021"], ids["prisoners_2024"])]
    archive.review(pair["id"], "confirmed")
    stats = match_claims(archive.db, rescore=True)
    assert stats.claims_matched == 5
    assert archive.pairs()[(ids["prisoners_2021"], ids["prisoners_2024"])]["id"] == pair["id"]


# --- awkward input -------------------------------------------------------------------


def test_empty_database_matches_nothing(archive):
    stats = match_claims(archive.db)
    assert (stats.claims_matched, stats.pairs_added) == (0, 0)


def test_awkward_claims_take_part_without_crashing(archive):
    d1 = archive.doc(None, None)
    archive.claim(d1, "hundreds", "Hundreds of protesters were detained in Minsk.", "protesters detained",
                  None, "vague", low=200, high=999)
    archive.claim(d1, "12", None, None, 12)  # imported without text or subject
    archive.claim(d1, "", "", "", None, None)
    d2 = archive.doc(None, None)
    b = archive.claim(d2, "about 500", "About 500 people were detained in Belarus.", "people detained",
                      500, "about")
    d3 = archive.doc("2021-05-01")
    c = archive.claim(d3, "555", "Viasna says 555 political prisoners are behind bars in Belarus.", None, 555)
    d4 = archive.doc("2021-05-09")
    d = archive.claim(d4, "560", "Belarus holds 560 political prisoners, Viasna says.", None, 560)
    stats = match_claims(archive.db)
    assert stats.claims_matched == 6
    pairs = archive.pairs()
    assert pairs[(c, d)]["relation"] == "corroborates"   # subjects read from the words after the figure
    assert json.loads(pairs[(c, d)]["components"])["key_kinds"] == ["context", "context"]
    undated = [p for p in pairs if b in p]
    assert undated and pairs[undated[0]]["days_apart"] is None


def test_no_subject_needs_a_closer_match_than_a_subject(archive):
    d1 = archive.doc("2021-05-01")
    archive.claim(d1, "555", "Viasna says 555 political prisoners are behind bars in Belarus.", None, 555)
    d2 = archive.doc("2021-05-09")
    archive.claim(d2, "560", "Belarus holds 560 political activists, Viasna says.", None, 560)
    match_claims(archive.db)
    assert archive.pairs() == {}


# --- pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "figure, expected",
    [
        ((1400, 1400, 1400, "exact"), (1350, 1450)),
        ((1374, 1374, 1374, "exact"), (1373.5, 1374.5)),
        ((30000, 30000, None, "more_than"), (30000, None)),
        ((1000, None, None, "about"), (850, 1150)),
        ((None, 500, 800, "range"), (450, 850)),
        ((None, 200, 999, "vague"), (200, 999)),
        ((2000, None, 2000, "up_to"), (None, 2000)),
    ],
)
def test_figures_read_as_intervals(figure, expected):
    low, high, _ = interval(*figure)
    assert (low, high) == pytest.approx(expected) if None not in expected else (low, high) == expected


def test_place_comes_from_leader_or_document():
    reading = read_claim(dict(id=1, document_id=1, quote="555", value=555, subject="political prisoners",
                              sentence="555 political prisoners remain in Mr Lukashenko's prisons."))
    assert reading.place == "Belarus"
    reading = read_claim(dict(id=1, document_id=9, quote="555", value=555, subject="political prisoners",
                              sentence="555 political prisoners remain."), lambda doc: "Georgia")
    assert reading.place == "~Georgia"  # placed by its document only: weak


def test_subject_lexicon_folds_synonyms_and_keeps_slices():
    key = lambda s: read_claim(dict(id=1, document_id=1, subject=s)).subject_key  # noqa: E731
    assert key("protesters arrested") == key("demonstrators detained") == key("people held")
    assert key("people killed") == key("deaths")
    assert subject_score(key("political prisoners"), key("political prisoners released")) == 0
    assert subject_score(key("political prisoners"), key("people detained")) < 60
    # the same count said other ways
    assert key("death sentences carried out") == key("executions") != key("death sentences")
    assert key("people who lost their lives") == key("people killed")
    assert key("prisoners granted clemency") == key("prisoners pardoned")
    assert key("criminal cases") == key("criminal prosecutions")
    assert key("convictions") == key("people convicted")
    assert key("people facing charges") == key("people charged")
    assert subject_score(key("relatives of detained journalists"), key("detained journalists")) == 0
    assert key("three kyrgyz") == key("kyrgyz") and key("people who would later leave") == key("people who leave")
    assert key("people recognised as political prisoners") == key("political prisoners")
    assert key("such fines") == key("fines") and key("many political prisoners") == key("political prisoners")
    held = read_claim(dict(id=1, document_id=1, quote="1,154", subject="people held on political charges",
                           sentence="Viasna said 1,154 people were still being held on political charges."))
    assert held.subject_key == key("political prisoners")


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries({
        "id": st.integers(1, 10), "document_id": st.integers(1, 3),
        "value": st.none() | st.floats(-1e12, 1e12, allow_nan=False),
        "low": st.none() | st.floats(0, 1e9), "high": st.none() | st.floats(0, 1e9),
        "qualifier": st.none() | st.sampled_from(QUALIFIERS),
        "unit": st.none() | st.sampled_from(["years", "percent"]),
        "subject": st.none() | st.text(max_size=40), "sentence": st.none() | st.text(max_size=120),
        "quote": st.none() | st.text(max_size=10), "attribution": st.none() | st.text(max_size=10),
        "published": st.none() | st.text(max_size=12) | st.sampled_from(["2021-07-14", "2021-07", "2024"]),
        "as_of": st.none() | st.sampled_from(["2021-02-30", "2022-05", "soon"]),
    }),
    st.fixed_dictionaries({
        "id": st.integers(11, 20), "document_id": st.integers(4, 6),
        "value": st.none() | st.floats(-1e12, 1e12, allow_nan=False),
        "qualifier": st.sampled_from(["exact", "about", "vague"]),
        "subject": st.sampled_from(["political prisoners", "people detained", "", "years"]),
        "sentence": st.text(max_size=80), "published": st.sampled_from(["2021-07-20", "", "x"]),
    }),
)
def test_compare_never_raises_and_scores_stay_in_range(a, b):
    match = compare(a, b, threshold=0)
    if match is not None:
        assert 0 <= match.score <= 100
        assert 0 <= match.subject_score <= 100
        assert match.relation in ("corroborates", "updates", "contradicts")
        assert match.explanation


# Words the readings look for (months, weekdays, phrases, cues), so that generated
# sentences reach the code paths that look words up, with letters a case-insensitive
# pattern takes for ASCII ones ("ı" for "i", "ſ" for "s", the Kelvin sign for "k").
NEWS_WORDS = ("on election night", "since 9 August", "since Monday", "in May 2021", "during the night",
              "people killed", "detained", "political prisoners", "the toll", "more than", "of whom",
              "still held", "in Minsk", "Belarus", "over the weekend", "daily", "released",
              "taken into custody", "media workers", "according to Viasna", "last week", "since the vote")
ODD_LETTERS = {"i": "ı", "s": "ſ", "k": "\u212a", "I": "İ", "a": "á"}


@st.composite
def news_like(draw):
    words = draw(st.lists(st.sampled_from(NEWS_WORDS), min_size=1, max_size=8))
    text = " ".join(words)
    for ascii_, odd in ODD_LETTERS.items():
        if draw(st.booleans()):
            text = text.replace(ascii_, odd)
    return text


@settings(max_examples=300, deadline=None)
@given(news_like(), news_like())
def test_read_claim_never_raises_on_news_words_in_odd_letters(sentence, subject):
    reading = read_claim({"id": 1, "document_id": 1, "quote": "12", "value": 12, "low": 12, "high": 12,
                          "qualifier": "exact", "sentence": f"{sentence} 12 {subject}.", "subject": subject,
                          "published": "2021-08-20"})
    assert reading.claim_id == 1


# --- figure status ----------------------------------------------------------------------


def test_claim_status_counts_independent_sources_and_latest_figure(archive):
    d1 = archive.doc("2021-07-14", "The Independent")
    a = archive.claim(d1, "555", "Viasna counts 555 political prisoners in Belarus.", "political prisoners",
                      555, attribution="Viasna")
    d2 = archive.doc("2021-07-20", "Wire Service")
    b = archive.claim(d2, "556", "There are 556 political prisoners in Belarus, Viasna says.",
                      "political prisoners", 556, attribution="Viasna")
    d3 = archive.doc("2021-07-25", "Radio")
    c = archive.claim(d3, "about 560", "About 560 political prisoners are held in Belarus, says Radio.",
                      "political prisoners", 560, "about")
    d4 = archive.doc("2021-08-01", "Gazette")
    d = archive.claim(d4, "120", "Belarus holds 120 journalists.", "journalists detained", 120)
    match_claims(archive.db)
    status = {r["claim_id"]: r for r in archive.db.query("SELECT * FROM claim_status")}
    assert status[a]["status"] == status[b]["status"] == "corroborated"
    # Two outlets quoting Viasna are one source; Radio is the second.
    assert status[a]["independent_sources"] == 2
    assert status[a]["latest_value"] == 560 and status[a]["latest_date"] == "2021-07-25"
    assert status[d]["status"] == "unverified" and status[d]["independent_sources"] == 1
    d5 = archive.doc("2021-07-26", "Gazette")
    e = archive.claim(d5, "900", "Belarus holds 900 political prisoners, says the ministry.",
                      "political prisoners", 900, attribution="the ministry")
    match_claims(archive.db)
    status = {r["claim_id"]: r for r in archive.db.query("SELECT * FROM claim_status")}
    assert status[e]["status"] == "contested"
    assert status[c]["status"] == "contested"


def test_rejected_match_no_longer_counts(archive):
    ids = seed_belarus(archive)
    match_claims(archive.db)
    pair = archive.pairs()[(ids["prisoners_2021"], ids["prisoners_2024"])]
    status = lambda: archive.db.execute(  # noqa: E731
        "SELECT status FROM claim_status WHERE claim_id = ?", [ids["prisoners_2021"]]).fetchone()[0]
    assert status() == "updated"
    archive.review(pair["id"], "rejected")
    assert status() == "unverified"


@pytest.mark.asyncio
async def test_figure_history_canned_query(archive):
    from datasette.app import Datasette

    ids = seed_belarus(archive)
    d = archive.doc("2022-06-01", "Radio")
    mid = archive.claim(d, "1,200", "Viasna counts 1,200 political prisoners in Belarus.",
                        "political prisoners", 1200, attribution="Viasna")
    match_claims(archive.db)
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text())
    ds = Datasette([str(archive.path)], metadata=metadata)
    response = await ds.client.get(
        f"/checks/figure_history.json?claim_id={ids['prisoners_2024']}&_shape=array")
    assert response.status_code == 200
    rows = response.json()
    assert [r["claim_id"] for r in rows] == [ids["prisoners_2021"], mid, ids["prisoners_2024"]]
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


# --- command line -----------------------------------------------------------------------


def test_match_command_prints_summary(archive):
    seed_belarus(archive)
    runner = CliRunner()
    result = runner.invoke(cli, ["match", "--db", str(archive.path), "--silent"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.startswith("Matched 5 claims: 1 new pairs (0 corroborate, 1 update, 0 contradict)")
    again = runner.invoke(cli, ["match", "--db", str(archive.path), "--silent"], catch_exceptions=False)
    assert again.output.startswith("Matched 0 claims: 0 new pairs")


def test_match_command_threshold_and_since(archive):
    seed_belarus(archive)
    runner = CliRunner()
    result = runner.invoke(cli, ["match", "--db", str(archive.path), "--silent", "--since", "2024-01-01"],
                           catch_exceptions=False)
    assert result.output.startswith("Matched 1 claims: 1 new pairs")
    strict = runner.invoke(cli, ["match", "--db", str(archive.path), "--silent", "--rescore",
                                 "--threshold", "100"], catch_exceptions=False)
    assert strict.output.startswith("Matched 5 claims: 1 new pairs")


def test_match_command_rejects_bad_since(archive):
    result = CliRunner().invoke(cli, ["match", "--db", str(archive.path), "--since", "last week"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: --since: not a date: 'last week'; use YYYY-MM-DD")


def test_match_on_empty_database_exits_zero(tmp_path):
    result = CliRunner().invoke(cli, ["match", "--db", str(tmp_path / "new.db"), "--silent"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.startswith("Matched 0 claims: 0 new pairs")


# --- decision rules of matcher version 2 ----------------------------------------------------


def _one_pair(archive, a, b):
    match_claims(archive.db)
    pairs = archive.pairs()
    return pairs.get((a, b)) or pairs.get((b, a))


def test_figure_in_another_scope_is_another_quantity(archive):
    "'in Poland' and 'across Europe' are different scopes, though both count Ukrainian refugees."
    d1 = archive.doc("2022-12-14")
    d2 = archive.doc("2023-08-20")
    poland = archive.claim(d1, "1.5 million", "UNHCR says 1.5 million Ukrainian refugees are "
                           "registered in Poland and 7.8 million across Europe.",
                           "Ukrainian refugees registered", value=1.5e6)
    europe = archive.claim(d1, "7.8 million", "UNHCR says 1.5 million Ukrainian refugees are "
                           "registered in Poland and 7.8 million across Europe.",
                           "Ukrainian refugees registered", value=7.8e6)
    later = archive.claim(d2, "About 6 million", "About 6 million Ukrainian refugees are "
                          "registered across Europe.", "Ukrainian refugees registered",
                          value=6e6, qualifier="about")
    match_claims(archive.db)
    pairs = archive.pairs()
    assert (europe, later) in pairs
    assert (poland, later) not in pairs
    assert archive.db.execute("SELECT place FROM _claim_keys WHERE claim_id = ?", [poland]).fetchone()[0] == "Poland"


def test_different_peoples_sentences_do_not_match(archive):
    "Whose sentence a duration is: the names of its own clause, the first word too when it is a name."
    d1 = archive.doc("2023-03-03")
    d2 = archive.doc("2023-08-09")
    sentence = "Bialiatski's 10-year sentence and Stefanovic's nine-year term drew condemnation."
    bialiatski = archive.claim(d1, "10-year", sentence, "sentence", value=10, unit="years")
    stefanovic = archive.claim(d1, "nine-year", sentence, "sentence", value=9, unit="years")
    kalesnikava = archive.claim(d2, "11-year", "Kalesnikava is serving an 11-year sentence.",
                                "sentence", value=11, unit="years")
    again = archive.claim(d2, "ten-year", "Bialiatski, the Viasna founder, is serving a ten-year "
                          "sentence.", "sentence", value=10, unit="years")
    match_claims(archive.db)
    pairs = archive.pairs()
    assert (bialiatski, again) in pairs
    assert not any(kalesnikava in p for p in pairs)
    assert (stefanovic, again) not in pairs


def test_one_night_is_not_the_running_total(archive):
    "'during the night' marks one interval: not the same quantity as a count since the election."
    d1 = archive.doc("2020-08-11")
    d2 = archive.doc("2020-08-24")
    night = archive.claim(d1, "More than 3,000", "More than 3,000 people were held during the night "
                          "after the vote in Belarus.", "people held", value=3000, qualifier="more_than")
    total = archive.claim(d2, "nearly 7,000", "Since the election, nearly 7,000 people have been "
                          "detained in Belarus.", "people detained", value=7000, qualifier="almost")
    assert _one_pair(archive, night, total) is None
    period = dict(archive.db.execute("SELECT claim_id, period FROM _claim_keys").fetchall())
    assert (period[night], period[total]) == ("interval", "total")


def test_stock_dated_this_week_is_still_a_total(archive):
    "Political prisoners 'behind bars this week' are a running total, matched with later counts."
    d1 = archive.doc("2021-07-14", title="Raids on civil society in Belarus")
    d2 = archive.doc("2021-12-30")
    early = archive.claim(d1, "555", "By its count, 555 political prisoners were behind bars this week.",
                          "political prisoners", value=555)
    later = archive.claim(d2, "969", "Viasna counts 969 political prisoners in Belarus.",
                          "political prisoners", value=969, attribution="Viasna")
    pair = _one_pair(archive, early, later)
    assert pair is not None and pair["relation"] == "updates"
    assert pair["claim_id"] == early


def test_same_monitor_named_differently_updates_not_contradicts(archive):
    "'the human rights centre Viasna' and 'Viasna.' are one source: a new count updates."
    d1 = archive.doc("2024-05-21", publisher="Euro Desk")
    d2 = archive.doc("2024-05-31", publisher="Rights Bulletin")
    a = archive.claim(d1, "1,374", "The human rights centre Viasna counted 1,374 political prisoners "
                      "in Belarus.", "political prisoners", value=1374,
                      attribution="the human rights centre Viasna")
    b = archive.claim(d2, "1,378", "There are 1,378 political prisoners in Belarus, according to Viasna.",
                      "political prisoners", value=1378, attribution="Viasna.")
    pair = _one_pair(archive, a, b)
    assert pair["relation"] == "updates"
    assert "both from" in pair["explanation"]


def test_context_words_confirming_the_subject_link(archive):
    "No subject, but the words around the figure hold the other claim's whole subject."
    d1 = archive.doc("2020-12-21")
    d2 = archive.doc("2021-01-12")
    a = archive.claim(d1, "More than 30,000", "More than 30,000 people have been detained in Belarus "
                      "since the August election.", "people detained", value=30000, qualifier="more_than")
    b = archive.claim(d2, "31,000", "Viasna now puts the number of people detained since the election "
                      "at 31,000.", None, value=31000)
    pair = _one_pair(archive, a, b)
    assert pair is not None and pair["relation"] == "corroborates"
    kinds = json.loads(pair["components"])["key_kinds"]
    assert "context" in kinds


def test_elided_head_noun_is_not_guessed(archive):
    "'Some 1,350 remain in jail': who is counted was said earlier, so the figure matches nothing."
    d1 = archive.doc("2020-12-01")
    d2 = archive.doc("2024-07-04")
    archive.claim(d1, "25,000", "Some 25,000 people have been detained in Belarus since the election.",
                  "people detained", value=25000)
    elided = archive.claim(d2, "Some 1,350", "Some 1,350 remain in jail.", "remain in jail",
                           value=1350, qualifier="about")
    match_claims(archive.db)
    assert not any(elided in p for p in archive.pairs())
    kind = archive.db.execute("SELECT key_kind FROM _claim_keys WHERE claim_id = ?", [elided]).fetchone()[0]
    assert kind == "none"


def test_partitive_figure_takes_no_context(archive):
    "'at least five of whom have died' counts part of something named before, not all deaths."
    d1 = archive.doc("2020-09-01")
    d2 = archive.doc("2023-05-02")
    killed = archive.claim(d1, "at least seven", "At least seven protesters have been killed in Belarus.",
                           "protesters killed", value=7, qualifier="at_least")
    part = archive.claim(d2, "at least five", "Viasna counts about 1,500 political prisoners in Belarus, "
                         "at least five of whom have died in custody.", None, value=5, qualifier="at_least")
    assert _one_pair(archive, killed, part) is None


def test_subject_without_event_takes_it_from_its_clause(archive):
    "'32 media workers were in prison' and '26 journalists held' count jailed journalists."
    d1 = archive.doc("2022-05-03")
    d2 = archive.doc("2022-12-14")
    a = archive.claim(d1, "32", "The association said 32 media workers were in prison in Belarus.",
                      "media workers", value=32)
    b = archive.claim(d2, "26", "Belarus held 26 journalists in prison on 1 December.",
                      "journalists held", value=26)
    pair = _one_pair(archive, a, b)
    assert pair is not None and pair["relation"] == "updates"
    keys = dict(archive.db.execute("SELECT claim_id, subject_key FROM _claim_keys").fetchall())
    assert keys[a] == keys[b] == "arrest journalist"


def test_lexicon_synonyms_and_marched_are_read():
    "Meetings are talks, addresses are homes, 'marched' is not the month."
    from checks import lexicon

    assert lexicon.subject_terms("meeting") == lexicon.subject_terms("talks")
    assert lexicon.subject_terms("addresses searched") == lexicon.subject_terms("homes searched")
    assert lexicon.subject_terms("people marched") == ("march",)
    assert lexicon.subject_terms("people detained in March") == ("arrest",)
    assert lexicon.subject_terms("share of the vote") == lexicon.subject_terms("vote share")
    assert lexicon.located_place("7.8 million across Europe", 0) == "Europe"
    assert lexicon.located_place("Ukrainian refugees in the region", 0) == "Region"


# --- round 3: nouns left out, slices, additions, vague spans, origins --------------------


def test_elided_noun_is_read_from_the_previous_figure_in_its_sentence(archive):
    "'…political prisoners have been freed, but about 1,250 remain behind bars' counts political prisoners."
    d1 = archive.doc("2024-05-21")
    d2 = archive.doc("2025-01-27")
    total = archive.claim(d1, "1,374", "Viasna counted 1,374 political prisoners in Belarus.",
                          "political prisoners", value=1374, attribution="Viasna")
    freed = archive.claim(d2, "More than 250", "More than 250 political prisoners have been freed since "
                          "July 2024, Viasna says, but about 1,250 remain behind bars.",
                          "political prisoners freed", value=250, qualifier="more_than", attribution="Viasna")
    remain = archive.claim(d2, "about 1,250", "More than 250 political prisoners have been freed since "
                           "July 2024, Viasna says, but about 1,250 remain behind bars.",
                           "remain behind bars", value=1250, qualifier="about", attribution="Viasna")
    pair = _one_pair(archive, total, remain)
    assert pair is not None and pair["relation"] == "updates"
    assert _one_pair(archive, total, freed) is None  # freed is still another quantity
    keys = dict(archive.db.execute("SELECT claim_id, subject_key FROM _claim_keys").fetchall())
    assert keys[remain] == "political prisoner"


def test_bare_slice_reads_the_group_it_is_part_of(archive):
    "'180 women are among the political prisoners' and 'among them about 170 women' count women political prisoners."
    d1 = archive.doc("2022-12-01")
    d2 = archive.doc("2023-06-01")
    d3 = archive.doc("2023-06-10")
    after = archive.claim(d1, "almost 180", "Viasna says almost 180 women are among the country's political "
                          "prisoners.", "women", value=180, qualifier="almost")
    before = archive.claim(d2, "about 170", "About 1,400 people are held as political prisoners in Belarus, "
                           "among them about 170 women.", "women", value=170, qualifier="about")
    stated = archive.claim(d3, "174", "Viasna counted 1,374 political prisoners, 174 of them women.",
                           "women political prisoners", value=174)
    match_claims(archive.db)
    keys = dict(archive.db.execute("SELECT claim_id, subject_key FROM _claim_keys").fetchall())
    assert keys[after] == keys[before] == keys[stated] == "political prisoner woman"
    assert (after, before) in archive.pairs() and (before, stated) in archive.pairs()


def test_figures_added_to_a_list_are_new_entries(archive):
    "'The EU added 17 people and 11 entities' counts additions, not the list's size."
    d1 = archive.doc("2021-06-25")
    d2 = archive.doc("2021-12-03")
    d3 = archive.doc("2021-12-04")
    size = archive.claim(d1, "15", "The Belarus sanctions list now covers 166 individuals and 15 entities.",
                         "entities", value=15)
    added = archive.claim(d2, "11", "The EU added 17 people and 11 entities to its Belarus sanctions list on Thursday.",
                          "entities", value=11)
    people = archive.claim(d2, "17", "The EU added 17 people and 11 entities to its Belarus sanctions list on Thursday.",
                           "people", value=17)
    more = archive.claim(d3, "17", "The latest round of EU sanctions on Belarus targets 17 more individuals.",
                         "individuals", value=17)
    assert _one_pair(archive, size, added) is None
    read = {r[0]: r[1:] for r in archive.db.execute("SELECT claim_id, subject_key, period FROM _claim_keys")}
    assert read[size] == ("entity", "total")
    assert read[added] == ("entity new sanction", "interval")  # and the list it was added to
    assert "new" in read[people][0].split() and "new" in read[more][0].split()


def test_vague_amount_is_compared_by_its_span(archive):
    "'dozens' (24–99) and 17 are 1.4× apart, not 3.6× from the middle of dozens; dozens and hundreds still differ."
    d1 = archive.doc("2021-07-14", "Desk")
    d2 = archive.doc("2021-07-16", "Wire")
    d3 = archive.doc("2021-07-20", "Radio")
    dozens = archive.claim(d1, "dozens", "Security forces raided homes across Belarus, arresting dozens.",
                           "people arrested", low=24, high=99, qualifier="vague")
    seventeen = archive.claim(d2, "17", "Police detained 17 people in the raids across Belarus.",
                              "people detained", value=17)
    hundreds = archive.claim(d3, "Hundreds", "Hundreds of people were detained across Belarus.",
                             "people detained", low=200, high=999, qualifier="vague")
    pair = _one_pair(archive, dozens, seventeen)
    assert pair is not None and pair["relation"] == "contradicts"
    assert _one_pair(archive, dozens, hundreds) is None


def test_whose_searches_is_a_slice(archive):
    "'500 searches of journalists' homes' is not '60 homes searched' in one raid."
    d1 = archive.doc("2021-07-16")
    d2 = archive.doc("2022-05-03")
    homes = archive.claim(d1, "more than 60", "More than 60 homes were searched in Belarus.",
                          "homes searched", value=60, qualifier="more_than")
    press = archive.claim(d2, "more than 500", "The association counted more than 500 searches of "
                          "journalists' homes in Belarus since 2020.", "searches", value=500, qualifier="more_than")
    assert _one_pair(archive, homes, press) is None


def test_place_after_from_is_an_origin(archive):
    "'Lithuania's border guard recorded 1,676 crossings from Belarus' holds for Lithuania."
    d1 = archive.doc("2021-07-05")
    claim = archive.claim(d1, "1,676", "Lithuania's border guard has recorded 1,676 irregular crossings "
                          "from Belarus so far this year.", "irregular crossings", value=1676)
    match_claims(archive.db)
    place = archive.db.execute("SELECT place FROM _claim_keys WHERE claim_id = ?", [claim]).fetchone()[0]
    assert place == "Lithuania"


# --- decision rules of matcher version 4: vocabulary of other countries' crackdowns ----------


@pytest.mark.parametrize("other_subject, other_sentence", [
    ("people sentenced to death", "Courts in Iran have sentenced 25 people to death over the protests."),
    ("death sentences", "Iran's courts handed down 25 death sentences linked to the protests."),
    ("protesters killed", "Security forces in Iran killed 25 protesters, a rights group said."),
    ("protesters convicted", "Courts in Iran convicted 25 protesters last month."),
])
def test_executions_are_not_death_sentences_killings_or_convictions(archive, other_subject, other_sentence):
    d1 = archive.doc("2023-01-10", "Desk")
    d2 = archive.doc("2023-01-20", "Wire")
    d3 = archive.doc("2023-01-25", "Radio")
    executed = archive.claim(d1, "25", "Iran has executed 25 people in connection with the protests.",
                             "people executed", value=25)
    hanged = archive.claim(d3, "27", "Rights groups say Iran has hanged 27 people over the unrest.",
                           "people hanged", value=27)
    other = archive.claim(d2, "25", other_sentence, other_subject, value=25)
    assert _one_pair(archive, executed, other) is None
    assert _one_pair(archive, executed, hanged)["relation"] == "contradicts"


def test_displaced_people_are_not_refugees(archive):
    "Refugees crossed a border; the internally displaced did not; 'displaced' is neither slice alone."
    d1 = archive.doc("2024-03-01", "Desk")
    d2 = archive.doc("2024-03-10", "Wire")
    displaced = archive.claim(d1, "6.5 million", "In Sudan 6.5 million people have been internally "
                              "displaced by the war.", "people internally displaced", value=6.5e6)
    refugees = archive.claim(d2, "6 million", "The war in Sudan has created 6 million refugees.",
                             "refugees", value=6e6)
    fled_homes = archive.claim(d2, "7 million", "In Sudan 7 million people have fled their homes.",
                               "people who fled their homes", value=7e6)
    assert _one_pair(archive, displaced, refugees) is None
    assert _one_pair(archive, displaced, fled_homes) is None  # all the displaced vs those inside
    assert read_claim(dict(quote="7 million", subject="people who fled their homes",
                           sentence="7 million people have fled their homes.")).subject_key == "displace"


def test_people_still_held_are_not_everyone_arrested(archive):
    d1 = archive.doc("2023-02-01", "Desk")
    d2 = archive.doc("2023-02-15", "Wire")
    d3 = archive.doc("2023-02-20", "Radio")
    arrested = archive.claim(d1, "19,500", "The AAPP says 19,500 people have been arrested in Myanmar "
                             "since the coup.", "people arrested", value=19500)
    held = archive.claim(d2, "15,000", "Some 15,000 people remain in detention in Myanmar, the AAPP says.",
                         None, value=15000, attribution="the AAPP")
    held_too = archive.claim(d3, "15,200", "In Myanmar 15,200 detainees are still being held.",
                             "detainees", value=15200)
    assert _one_pair(archive, arrested, held) is None
    assert _one_pair(archive, arrested, held_too) is None
    assert _one_pair(archive, held, held_too) is not None


@pytest.mark.parametrize("text, country", [
    ("Police in Tbilisi detained 300 people.", "Georgia"),
    ("Georgian Dream's government says 300 were detained.", "Georgia"),
    ("HRANA counts 300 people detained.", "Iran"),
    ("Police detained 300 people after the death of Mahsa Amini.", "Iran"),
    ("Baku has jailed 300 people.", "Azerbaijan"),
    ("Ortega's government holds 300 people.", "Nicaragua"),
    ("Fighting in Darfur has killed 300 people.", "Sudan"),
    ("Fighting in El Fasher has killed 300 people.", "Sudan"),
    ("Fighting in South Sudan has killed 300 people.", "South Sudan"),
    ("The AAPP counts 300 people detained.", "Myanmar"),
    ("Police in Hong Kong arrested 300 people under the Beijing-imposed national security law.", "Hong Kong"),
    ("OVD-Info counts 300 people detained.", "Russia"),
])
def test_gazetteer_knows_the_crackdowns_countries(text, country):
    reading = read_claim(dict(quote="300", sentence=text, subject="people detained", value=300))
    assert reading.place == country


def test_figures_in_one_country_and_across_its_neighbours_differ(archive):
    d1 = archive.doc("2024-05-01", "Desk")
    d2 = archive.doc("2024-05-10", "Wire")
    chad = archive.claim(d1, "600,000", "Some 600,000 Sudanese refugees have arrived in Chad.",
                         "Sudanese refugees", value=600000)
    region = archive.claim(d2, "1.8 million", "About 1.8 million Sudanese refugees are sheltering in "
                           "neighbouring countries.", "Sudanese refugees", value=1.8e6, qualifier="about")
    assert read_claim(dict(quote="1.8 million", subject="Sudanese refugees", value=1.8e6,
                           sentence="About 1.8 million Sudanese refugees are sheltering in "
                           "neighbouring countries.")).place == "Region"
    assert _one_pair(archive, chad, region) is None


def test_an_official_ceiling_far_below_a_monitors_count_contradicts(archive):
    "'fewer than 1,000' against 'more than 8,000' in the same weeks: 8× apart, still one quantity."
    d1 = archive.doc("2022-11-01", "Desk")
    d2 = archive.doc("2022-11-20", "Wire")
    official = archive.claim(d1, "fewer than 1,000", "Iran's judiciary said fewer than 1,000 people "
                             "had been detained.", "people detained", value=1000, qualifier="up_to",
                             attribution="Iran's judiciary")
    monitor = archive.claim(d2, "more than 8,000", "HRANA says more than 8,000 people have been "
                            "detained in Iran.", "people detained", value=8000, qualifier="more_than",
                            attribution="HRANA")
    pair = _one_pair(archive, official, monitor)
    assert pair is not None and pair["relation"] == "contradicts"
    # without the ceiling the same gap is two quantities
    d3 = archive.doc("2022-11-25", "Radio")
    exact = archive.claim(d3, "1,000", "Iran's judiciary said 1,000 people had been detained.",
                          "people detained", value=1000, attribution="Iran's judiciary")
    assert _one_pair(archive, exact, monitor) is None


def test_first_night_is_a_flow():
    night = read_claim(dict(quote="300", subject="people detained", value=300,
                            sentence="Police in Tbilisi detained 300 people on the first night of protests."))
    assert night.period == "interval"


@pytest.mark.parametrize("a, b", [
    ("protesters fined", "protesters detained"),
    ("Baluch protesters killed", "protesters killed"),
    ("schoolgirls detained", "people detained"),
    ("political prisoners expelled", "political prisoners"),
    ("people abducted", "people detained"),
    ("asylum seekers", "refugees"),
])
def test_more_slices_of_a_crackdown(a, b):
    from checks.lexicon import PLACE_WORDS, subject_terms
    key_a = " ".join(subject_terms(a, drop=PLACE_WORDS))
    key_b = " ".join(subject_terms(b, drop=PLACE_WORDS))
    assert subject_score(key_a, key_b) < matching.DEFAULT_THRESHOLD


def test_a_running_total_clause_after_a_figure_does_not_make_it_a_total():
    sentence = ("The ministry said 402 people had been detained in October, bringing the total since "
                "the protests began to 1,530.")
    read = lambda quote: read_claim(dict(id=1, document_id=1, quote=quote, subject="people detained",  # noqa: E731
                                         sentence=sentence, published="2022-11-20"))
    assert read("402").period == "interval"
    assert read("1,530").period == "total"


def test_including_is_not_what_a_figure_counts():
    reading = read_claim(dict(id=1, document_id=1, quote="about 300", sentence=(
        "Police say they detained 1,200 in all, including about 300.")))
    assert "includ" not in reading.subject_key.split()


def test_in_a_list_of_countries_and_figures_each_figure_is_placed_by_the_country_before_it():
    sentence = "China held 50, Israel 43, Myanmar 35, Belarus 31 and Russia 30, the census shows."
    place = lambda quote: read_claim(dict(id=1, document_id=1, quote=quote, subject="journalists held",  # noqa: E731
                                          sentence=sentence)).place
    assert (place("50"), place("43"), place("35"), place("31")) == ("China", "Israel", "Myanmar", "Belarus")


def test_new_entries_since_a_date_are_a_running_total_and_in_a_month_a_flow():
    read = lambda sentence, quote: read_claim(dict(id=1, document_id=1, quote=quote,  # noqa: E731
                                                   subject="new cases of political detention", sentence=sentence))
    assert read("Foro Penal verified 1,303 new cases of political detention since election day.", "1,303").period == "total"
    assert read("Foro Penal verified 40 new cases of political detention in May.", "40").period == "interval"
    assert read("It counted 47 new cases of political detention, more than in any month since 2018.",
                "47").period == "interval"


@pytest.mark.parametrize("sentence, quote, period", [
    ("HRANA said in its weekly bulletin that 18,500 people had been detained.", "18,500", "total"),
    ("In November the AAPP said the junta had arrested 27,000 people.", "27,000", "total"),
    ("Police detained 86 people in January, the ministry said.", "86", "interval"),
    ("Over the past week, 300 people were detained, the group reported.", "300", "interval"),
])
def test_when_a_count_was_published_or_said_is_not_the_span_it_covers(sentence, quote, period):
    reading = read_claim(dict(id=1, document_id=1, quote=quote, subject="people detained", sentence=sentence,
                              published="2022-11-20"))
    assert reading.period == period


def test_last_september_dates_a_figure_to_the_september_before_publication():
    import datetime
    reading = read_claim(dict(id=1, document_id=1, quote="222", subject="prisoners released",
                              sentence="The government released 222 prisoners last September, the group said.",
                              published="2024-03-20"))
    assert datetime.date.fromordinal(reading.day) == datetime.date(2023, 9, 30)


@pytest.mark.parametrize("sentence, quote, period", [
    ("The protests brought the busiest day since the war's early weeks: on 21 September 2022 alone, "
     "more than 1,300 people were detained.", "more than 1,300", "interval"),
    ("The monitor's busiest day remains 6 March, when more than 5,000 were held.", "more than 5,000", "interval"),
    ("Sunday was the busiest day so far, OVD-Info said: police took more than 5,000 people into custody.",
     "more than 5,000", "interval"),
    ("During June the centre recognised 54 new political prisoners, while 31 were released after serving "
     "their sentences.", "31", "interval"),
    ("More than 13,000 people have been detained at anti-war protests since the invasion.", "More than 13,000",
     "total"),
])
def test_one_days_count_and_a_time_opening_the_sentence(sentence, quote, period):
    reading = read_claim(dict(id=1, document_id=1, quote=quote, subject="people detained", sentence=sentence,
                              published="2022-09-22"))
    assert reading.period == period


def test_places_beyond_the_region_and_where_people_were_sent():
    read = lambda sentence, quote: read_claim(dict(id=1, document_id=1, quote=quote,  # noqa: E731
                                                   subject="journalists jailed", sentence=sentence))
    assert read("Eritrea, which has held journalists without trial since 2001, keeps 11 behind bars.", "11").place \
        == "Eritrea"
    assert read("A month after 135 prisoners were expelled to Guatemala, Nicaragua jailed more.", "135").place \
        == "Nicaragua"
    assert read("Neighbouring Ethiopia holds six, the census found.", "six").names == ""


def test_a_monitors_bare_count_counts_its_list_and_europe_is_no_subject():
    viasna = read_claim(dict(id=1, document_id=1, quote="about 1,250", attribution="Viasna",
                             sentence="Viasna counts about 1,250 in all.", title="Journalists behind bars, CPJ says"))
    assert viasna.subject_key == "political prisoner"
    europe = read_claim(dict(id=2, document_id=1, quote="6.3 million",
                             sentence="The total across Europe has reached 6.3 million."))
    assert "europe" not in europe.subject_key.split()


def test_whose_refugees_is_not_where_they_are_and_europe_is_a_place():
    read = lambda sentence, quote, subject: read_claim(dict(id=1, document_id=1, quote=quote,  # noqa: E731
                                                            subject=subject, sentence=sentence))
    sentence = "Poland hosts nearly 1 million Ukrainian refugees; Europe as a whole, more than 6 million."
    assert read(sentence, "nearly 1 million", "ukrainian refugees").place == "Poland"
    assert read(sentence, "more than 6 million", None).place == "Europe"
    assert subject_score(read("Courts ordered 260 protesters held pending trial.", "260",
                              "protesters held pending trial").subject_key,
                         read("Police detained 260 protesters.", "260", "protesters detained").subject_key) == 0


def test_charges_said_several_ways_and_the_country_holding_a_count():
    key = lambda s: read_claim(dict(id=1, document_id=1, subject=s)).subject_key  # noqa: E731
    assert subject_score(key("people charged"), key("defendants in criminal cases")) >= 85
    assert subject_score(key("people charged"), key("people charged with crimes")) >= 85
    assert subject_score(key("people charged"), key("people given administrative charges")) == 0
    reading = read_claim(dict(id=1, document_id=1, quote="37", subject="journalists held",
                              sentence="In Europe, Belarus holds 37, the organisation said."))
    assert reading.place == "Belarus"


def test_a_slice_included_in_a_count_of_the_dead_died_too():
    reading = read_claim(dict(id=1, document_id=1, quote="43", subject="children", sentence=(
        "Security forces have killed at least 326 people, including 43 children, the group said.")))
    assert set(reading.subject_key.split()) == {"child", "die"}


def test_men_executed_are_people_executed_and_those_forced_from_home_displaced():
    key = lambda s: read_claim(dict(id=1, document_id=1, subject=s)).subject_key  # noqa: E731
    assert subject_score(key("men executed"), key("protesters executed")) >= 85
    assert subject_score(key("women executed"), key("protesters executed")) == 0
    assert key("people forced from their homes") == key("people displaced")
    fled = read_claim(dict(id=1, document_id=1, quote="About 600,000", sentence=(
        "About 600,000 Sudanese have fled to Chad since April 2023, UNHCR said.")))
    assert fled.place == "Chad"
