"""The matcher's shortcuts give what the plain path gives: pair rows built from
parts worked out once per claim, cached and shared work in reading a claim, and
the candidate filters that skip pairs that cannot be related."""

import math
import pathlib
import sys

import pytest

from checks import lexicon, matching
from checks.database import open_database

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "benchmarks"))
from synthetic_archive import generate  # noqa: E402


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    "A small synthetic archive with its readings, and the pairs every claim makes."
    path = tmp_path_factory.mktemp("speed") / "archive.db"
    generate(path, 1200, seed=11)
    db = open_database(path)
    matching.refresh_readings(db)
    yield db
    db.close()


def all_pairs(db, threshold=matching.DEFAULT_THRESHOLD):
    ids = [r[0] for r in db.execute("SELECT claim_id FROM _claim_keys ORDER BY claim_id")]
    groups = matching._target_groups(db, ids)
    neighbours = matching._neighbour_keys(db, groups, max(0.0, threshold - matching.SAME_SOURCE_BONUS))
    archive = matching._load_archive(db, neighbours)
    readings = [r for block in archive.blocks.values() for r in block]
    found = []
    for target in sorted(readings, key=lambda r: r.claim_id):
        found.extend(matching.pairs_for(target, archive, neighbours, threshold=threshold,
                                        same_period_days=matching.SAME_PERIOD_DAYS))
    return found


def plain_row(db, earlier, later, rel, threshold):
    "A pair's row the plain way: components(), explain() and the JSON encoder."
    display = matching._display(db, [earlier.claim_id, later.claim_id])
    parts, change, subject, explanation = matching._described(
        earlier, later, rel,
        dict(display.get(earlier.claim_id, {}), subject_key=earlier.subject_key),
        dict(display.get(later.claim_id, {}), subject_key=later.subject_key),
        threshold)
    return (earlier.claim_id, later.claim_id, round(rel.score, 1), rel.relation, explanation,
            subject, rel.place_score, rel.attribution_score, rel.days_apart, change,
            matching._ENCODE(parts), matching.MATCHER_VERSION)


def without_created(row):
    return row[:11] + row[12:]


def test_pair_rows_are_the_plain_rows_of_each_pair(archive):
    found = all_pairs(archive)
    assert len(found) > 500
    assert {rel.relation for _, _, rel in found} == {"corroborates", "updates", "contradicts"}
    shown = {}
    rows = matching._match_rows(archive, found, 85.0, shown)
    fast = sorted(without_created(row) for group in rows.values() for row in group)
    plain = sorted(plain_row(archive, e, l, rel, 85.0) for e, l, rel in found)
    assert fast == plain
    assert len(shown) > 100  # each claim's parts kept for the next batch
    # a second batch served from the kept parts gives the same rows
    again = matching._match_rows(archive, found[:50], 85.0, shown)
    assert sorted(without_created(r) for g in again.values() for r in g) == sorted(
        plain_row(archive, e, l, rel, 85.0) for e, l, rel in found[:50])


def test_pair_rows_of_awkward_readings_are_the_plain_rows(archive):
    "Weak places, unknown places, zero and negative zero, open intervals, no display row, odd ratios."
    base = matching.Reading(
        claim_id=10**9, document_id=1, unit="", subject_key="prisoner political", key_kind="subject",
        place="~Lithuania|Belarus", period="total", day=738000, source="viasna", names="",
        qualifier="exact", low=-0.0, high=0.0, point=-0.0)
    other = base._replace(claim_id=10**9 + 1, document_id=2, place="", day=738100, source="",
                          low=None, high=None, point=None, qualifier="vague", key_kind="context",
                          unit="percent", subject_key="année déçu")
    cases = []
    for ratio in (None, math.inf, 1.23456, 2.0, float("nan"), 1e17, 3, -0.0):
        for same_period, compatible in ((True, False), (False, True)):
            for attribution in (None, 100.0, 57.0):
                rel = matching.Relation(87.25, "updates", 92.45, 50.0, attribution, 100,
                                        same_period, compatible, ratio)
                cases.append((base, other, rel))
                # (a claim has one reading in a run: its parts are kept by claim id)
                cases.append((other._replace(claim_id=10**9 + 2, place="Belarus"),
                              base._replace(claim_id=10**9 + 3, point=3.0), rel))
    rows = matching._match_rows(archive, cases, 72.5)
    assert list(rows) == ["updates"]  # in the order given
    assert [without_created(row) for row in rows["updates"]] == [
        plain_row(archive, e, l, rel, 72.5) for e, l, rel in cases]


def test_interval_bounds_are_written_as_the_json_encoder_writes_them():
    values = [None, 0, -0, 1, -7, 10**20, True, False, 0.0, -0.0, 1.5, -2.25, 1e17, 1e-7, 3.0,
              float("nan"), math.inf, -math.inf, 2**53 + 1.0]
    for low in values:
        for high in values:
            fast = f"[{matching._json_bound(low)},{matching._json_bound(high)}]"
            assert fast == matching._ENCODE([low, high]), (low, high)


def clear_caches():
    from checks import lexicon
    for module in (matching, lexicon):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def read_all(db):
    rows = db.execute(f"""SELECT {matching._CLAIM_COLUMNS} FROM claims c
                          JOIN documents d ON d.id = c.document_id ORDER BY c.id""").fetchall()
    places = matching._DocumentPlaces(db)
    return [matching.read_claim(dict(zip(matching._CLAIM_NAMES, row)), places) for row in rows]


def test_subject_scores_are_the_same_both_ways_round(archive):
    "_close_keys scores two asked keys once, for both: subject_score must be symmetric."
    keys = [r[0] for r in archive.execute("SELECT DISTINCT subject_key FROM _claim_keys WHERE subject_key != ''")]
    keys += ["political prisoner", "political prisoner release", "arrest torture", "torture", "die",
             "die injure", "die protest", "die rally", "@juliaca die", "arrest woman", "arrest"]
    pairs = [(a, b) for a in keys for b in keys if a < b and set(a.split()) & set(b.split())]
    assert len(pairs) > 1000
    scores = [(matching.subject_score(a, b), matching.subject_score(b, a)) for a, b in pairs]
    assert all(ab == ba for ab, ba in scores)
    assert {ab for ab, _ in scores} >= {0.0, matching.SUBSET_SCORE}


def test_a_targets_candidates_are_nearest_first_once_each_from_every_block_it_could_use(archive):
    "nearby sorts its candidates by (distance, claim id) alone; _blocks skips the places a key lacks."
    ids = [r[0] for r in archive.execute("SELECT claim_id FROM _claim_keys ORDER BY claim_id")]
    neighbours = matching._neighbour_keys(archive, matching._target_groups(archive, ids), 80.0)
    store = matching._load_archive(archive, neighbours)
    checked = 0
    for target in sorted((r for block in store.blocks.values() for r in block), key=lambda r: r.claim_id):
        keys = neighbours.get((target.unit, target.subject_key))
        if not keys:
            continue
        found, _ = store.nearby(target, keys)
        order = [f[:2] for f in found]
        assert order == sorted(order) and len({claim_id for _, claim_id in order}) == len(order)
        blocks, _ = store._blocks(target.unit, target.place, target.period, tuple(keys))
        places = {p for key, _ in keys for p in store.places_of(target.unit, key)} | {""}
        every = {(target.unit, key, place, target.period) for key, _ in keys for place in places
                 if store.size((target.unit, key, place, target.period))
                 and (not target.place or not place or matching.places_agree(target.place, place))}
        assert {block_key for block_key, _ in blocks} == every
        checked += 1
    assert checked > 500


def test_readings_are_the_same_with_caches_cold_warm_and_bypassed(archive, monkeypatch):
    clear_caches()
    cold = read_all(archive)
    assert matching._short_document_place.cache_info().hits > 0  # documents share their titles
    assert read_all(archive) == cold
    monkeypatch.setattr(matching, "SHORT_DOCUMENT", -1)  # every document read on its own
    clear_caches()
    assert read_all(archive) == cold
    stored = [matching.Reading(*row) for row in archive.execute(
        f"SELECT {matching._READING_COLUMNS} FROM _claim_keys ORDER BY claim_id")]
    assert matching._settle_weak_places(cold) == stored


def test_a_short_document_is_placed_as_a_long_one_would_be(tmp_path):
    from checks import lexicon
    from checks.database import save_document

    db = open_database(tmp_path / "short.db")
    texts = [None, "", "Police in Minsk detained 40 people. Belarus", "Lithuania and Poland. " * 40]
    ids = [save_document(db, f"https://x.example/{i}", title="News from Belarus and Lithuania", text=text)
           for i, text in enumerate(texts)]
    places = matching._DocumentPlaces(db)
    for document_id, text in zip(ids, texts):
        assert places(document_id) == matching.document_place_text(
            *lexicon.document_places(text, "News from Belarus and Lithuania"))
    assert len({places(i) for i in ids}) > 1


GUARDED = [  # (pattern, words every match holds, phrases it matches)
    (matching._THIS_YEAR, matching._THIS_YEAR_WORDS,
     ["this year", "THIS YEAR", "in the current year", "During The Year"]),
    (matching._LAST_YEAR, matching._YEAR_WORDS, ["last year", "The Previous Year", "the past calendar year"]),
    (matching._SINCE, matching._SINCE_WORDS, ["since", "Since June"]),
    (matching._STOCK, matching._STOCK_WORDS,
     ["behind bars", "In Prison", "in jail", "Remain", "remained", "still held", "ARE HELD"]),
    (matching._LEVEL, matching._LEVEL_WORDS,
     ["in custody", "in pre-trial detention", "In Police Custody", "are held", "is still being detained",
      "are now jailed", "is currently imprisoned", "are incarcerated", "Political Detainees"]),
    (matching._STILL_HELD, matching._STILL_WORDS,
     ["remain in custody", "Remained Behind Bars", "are still being held", "still jailed", "currently detained",
      "who were still in prison"]),
    (matching._IN_MONTH, lexicon.MONTHS, ["in May", "During early June 2024", "by the end of March", "LAST JULY"]),
    (matching._ON_DAY, lexicon.MONTHS, ["on 23 May", "as of June 4", "By 1 December", "as at 2 october"]),
    (lexicon._PHRASE, lexicon._PHRASE_WORDS, [phrase.title() for phrase in lexicon.PHRASES]),
    (lexicon._WORLDWIDE, lexicon._WORLDWIDE_WORDS, ["worldwide", "Globally"]),
    (matching._FROM_PLACE, matching._FROM_WORDS,
     ["from Belarus", "expelled to Guatemala", "deported to the US", "exiled to Lithuania", "flown to Vilnius",
      "sent to Russia", "transferred to Minsk", "banished to Siberia", "from Syria, Iraq and Iran"]),
    (matching._RUNNING_ON, matching._RUNNING_WORDS,
     [", bringing the total", " Taking its tally", " raising the death toll", " pushing the count",
      " lifting their number", ", putting the list"]),
]


def corpus_texts():
    import json

    root = pathlib.Path(__file__).parent / "corpus"
    texts = []
    for path in [root / "matching" / "documents.jsonl", *sorted((root / "extraction").glob("*.jsonl"))]:
        if "heldout" in path.name:
            continue
        for line in path.open(encoding="utf-8"):
            if line.strip():
                text = json.loads(line).get("text") or ""
                texts.extend(part for part in text.replace("\n", ". ").split(". ") if part)
    return texts


@pytest.mark.parametrize("pattern, words, phrases", GUARDED)
def test_a_guarded_pattern_never_matches_where_its_words_are_missing(pattern, words, phrases):
    for phrase in phrases:  # every way the pattern matches holds a word of the list
        assert pattern.search(f"Figures: {phrase} now")
        assert lexicon.may_hold(f"Figures: {phrase} now", words)
    texts = corpus_texts()
    assert len(texts) > 1000
    for text in texts + [t.upper() for t in texts[:500]] + ["ın custody", "remaın", "behınd bars"]:
        assert lexicon.may_hold(text, words) or not pattern.search(text), text
    assert lexicon.may_hold("ı", words)  # not ASCII: searched


def test_the_slice_verb_guard_words_are_in_every_slice_verb_match():
    phrases = ["women account for ", "Women Make Up about ", "minors made up ", "children makes up ",
               "girls represent ", "women represented at least ", "journalists number more than "]
    for phrase in phrases:
        assert matching._SLICE_BEFORE.search(f"Figures: {phrase}")
    for text in corpus_texts() + [t.upper() for t in corpus_texts()[:500]]:
        for end in range(0, len(text), 7):
            window = text[max(0, end - 40): end]
            assert lexicon.may_hold(window, matching._SLICE_WORDS) or not matching._SLICE_BEFORE.search(window)


def test_a_clause_is_cut_only_where_a_clause_mark_is():
    marks = ["; ", ": ", " — ", " – ", " - ", " and ", ", and ", " but ", ", while ", ", whereas "]
    for mark in marks:
        text = f"Police held 30{mark}courts jailed 12"
        assert matching._OWN_CLAUSE.search(text)
        assert matching._own_clause(text, 12, 14) == (0, 15 if mark.strip() in "—–" else 14)  # "30" ends at 14
    for text in corpus_texts() + marks:
        assert lexicon.contains_any(text, matching._OWN_CLAUSE_MARKS) or not matching._OWN_CLAUSE.search(text)
        assert lexicon.contains_any(text, matching._CLAUSE_MARKS) or not matching._CLAUSE_STOP.search(text)


def test_names_are_the_capitalised_words_a_word_boundary_pattern_finds():
    import re

    plain = re.compile(r"\b[A-Z\u0400-\u042f][a-z\u00e0-\u024f\u0430-\u044f'’-]+")
    for text in corpus_texts() + ["xAbc Abc", "_Abc", "1Abc", "é Ábc Мінск", "O'Brien's McAdam"]:
        for lo in range(0, min(len(text), 40), 3):
            assert ([m.span() for m in lexicon._NAME.finditer(text, lo, len(text) - 2)]
                    == [m.span() for m in plain.finditer(text, lo, len(text) - 2)]), text


def test_may_hold_is_the_plain_test_of_the_lower_cased_text():
    word_lists = [lexicon.MONTHS, lexicon.WEEKDAYS, lexicon._PHRASE_WORDS, matching._STILL_WORDS, (" by ", "hands of")]
    for text in corpus_texts()[:3000] + ["ın custody", "Remained Behind Bars", ""]:
        for words in word_lists:
            plain = not text.isascii() or lexicon.contains_any(text.lower(), words)
            assert lexicon.may_hold(text, words) == plain, (text, words)


def test_every_phrase_holds_a_phrase_word():
    for phrase in lexicon.PHRASES:  # (a word holding another of the words is left out of them)
        assert lexicon.contains_any(phrase, lexicon._PHRASE_WORDS), phrase
    assert "sentence" in lexicon._PHRASE_WORDS and "sentences" not in lexicon._PHRASE_WORDS


def test_words_of_any_text_are_its_lower_cased_word_matches():
    for text in corpus_texts()[:3000] + ["Über 40 İstanbul ÉMIGRÉS", "KYIV’S 12 dead", ""]:
        assert lexicon.words(text) == [m.group().lower() for m in lexicon._WORD.finditer(text)], text


def test_a_date_label_is_read_only_where_a_month_is_named():
    labels = ["17 January: police detain 86", "February: 47 new", "- March 3, 2024 — 12 freed", "MAY: 5"]
    for text in labels:
        assert matching._DATE_LABEL.match(text) and matching._date_label(text)
    for text in corpus_texts() + labels + ["ıune: 4 new"]:
        assert lexicon.may_hold(text, lexicon.MONTHS) or not matching._DATE_LABEL.match(text), text


def test_period_kind_skips_the_search_only_where_it_cannot_match():
    from checks import lexicon

    phrases = ["this week", "Last Month", "over the weekend", "per day", "DAILY", "weekly", "monthly",
               "overnight", "on 23 August alone", "in a single day", "during the night", "night of",
               "first day", "72 hours", "in May", "During December"]
    for phrase in phrases:
        assert lexicon._INTERVAL.search(f"Police detained 30 people {phrase}")
        assert lexicon.period_kind(f"Police detained 30 people {phrase}") == "interval", phrase
    for text in corpus_texts() + ["30 detained ın one day"]:
        found = any(lexicon._marks_interval(text, m) for m in lexicon._INTERVAL.finditer(text)) or any(
            lexicon._marks_interval(text, m) for m in lexicon._WEEKDAY_EVENT.finditer(text))
        expected = "interval" if found and not lexicon._CUMULATIVE.search(text) else "total"
        assert lexicon.period_kind(text) == expected, text


def test_calendar_years_are_those_the_plain_searches_give():
    def plain(text, published):
        this_year = matching._THIS_YEAR.search(text)
        if matching._SINCE.search(matching._COMPARED_SINCE.sub("", text)) and not this_year:
            return None
        years = set(matching._IN_YEAR.findall(text))
        if len(years) == 1:
            return years.pop()
        if len(years) > 1:
            return None
        year = matching._year_of(published)
        if not year:
            return None
        if this_year:
            return str(year)
        return str(year - 1) if matching._LAST_YEAR.search(text) else None

    texts = corpus_texts() + ["975 executed last year", "in 2024 and in 2023", "since January, 40",
                              "so far this year", "in 1999", "SINCE THE 2020 ELECTION", "ın 2024"]
    results = [matching._calendar_year(text, "2025-03-04") for text in texts]
    assert results == [plain(text, "2025-03-04") for text in texts]
    assert {"2024", "2025"} <= set(results)


@pytest.mark.parametrize("text", [
    "In Europe, Belarus holds 37", "Eritrea jails 16", "Poland hosts nearly 955,000", "Iran still held about 40",
    "Egypt imprisoned 60", "Turkey kept 20", "Azerbaijan keeps 25",
])
def test_holder_guard_words_are_in_every_holder_match(text):
    assert matching._HOLDER_BEFORE.search(text + " ", 0, len(text) - len(text.split()[-1]))
    assert any(verb in text for verb in matching._HOLDER_VERBS)


@pytest.mark.parametrize("text", [
    "Ukrainian refugees", "Afghan migrants", "Syrian asylum seekers", "Afghan nationals", "Russian citizens",
    "Belarusian émigrés", "Georgian exiles", "Turkish workers", "Iranian students",
])
def test_demonym_guard_words_are_in_every_demonym_match(text):
    assert matching._DEMONYM_PEOPLE.search(text)
    assert any(noun in text for noun in matching._DEMONYM_NOUNS)


@pytest.mark.parametrize("text", ["the busiest day", "its Worst Week", "the deadliest night so far",
                                  "a single day", "the largest month on record", "the bloodiest weekend"])
def test_superlative_guard_words_are_in_every_superlative_match(text):
    assert lexicon.SUPERLATIVE_SPAN.search(text)
    assert any(word in text.lower() for word in lexicon.SUPERLATIVE_WORDS)


def test_a_run_collects_cycles_less_often_and_then_as_before(tmp_path, monkeypatch):
    import gc

    path = tmp_path / "archive.db"
    generate(path, 300, seed=5)
    db = open_database(path)
    before = gc.get_threshold()
    during = []
    read = matching.refresh_readings
    monkeypatch.setattr(matching, "refresh_readings",
                        lambda db, **options: during.append(gc.get_threshold()) or read(db, **options))
    assert matching.match_claims(db).claims_matched == 300
    assert during == [(max(matching.GC_YOUNG, before[0]), *before[1:])]
    assert gc.get_threshold() == before
    db.close()


def test_a_short_block_is_its_whole_window_wherever_the_target_falls():
    "window() skips the search in a block of at most SCAN_PER_LIST readings: the slice would hold it all."
    base = matching.Reading(
        claim_id=1, document_id=1, unit="", subject_key="arrest", key_kind="subject", place="", period="total",
        day=738000, source="", names="", qualifier="exact", low=5.0, high=5.0, point=5.0)
    for length in (0, 1, matching.SCAN_PER_LIST - 1, matching.SCAN_PER_LIST, matching.SCAN_PER_LIST + 1,
                   3 * matching.SCAN_PER_LIST):
        block = sorted((base._replace(claim_id=i + 1, day=738000 + 3 * i if i % 5 else None) for i in range(length)),
                       key=matching._sort_key)
        archive = matching._Archive(block)
        key = ("", "arrest", "", "total")
        for day in (737000, 738000, 738001, 738000 + 3 * length, None):
            for claim_id in (0, length // 2, length + 5):
                me = matching._sort_key(base._replace(claim_id=claim_id, day=day))
                pos = sum(1 for r in block if matching._sort_key(r) < me)  # where bisect_left puts it
                plain = block[max(0, pos - matching.SCAN_PER_LIST): pos + matching.SCAN_PER_LIST + 1]
                assert (archive.window(key, me, False) if block else []) == plain


def test_target_groups_of_much_of_the_archive_are_those_looked_up_claim_by_claim(archive):
    ids = [r[0] for r in archive.execute("SELECT id FROM claims ORDER BY id")]
    plain = {}
    for claim_id in ids:
        for unit, key in archive.execute("SELECT unit, subject_key FROM _claim_keys WHERE claim_id = ?", [claim_id]):
            if key:
                plain.setdefault((unit, key), []).append(claim_id)
    for some in (ids, ids[: len(ids) // 2 + 1], ids[::3]):  # one scan; one scan; a lookup per id
        wanted = set(some)
        expected = {k: [i for i in v if i in wanted] for k, v in plain.items()}
        assert matching._target_groups(archive, some) == {k: v for k, v in expected.items() if v}


def test_shares_are_the_greedy_split_by_size():
    groups = {("", f"key {i}"): list(range(i * 100, i * 100 + n)) for i, n in enumerate([5, 1, 3, 3, 8, 1, 2, 2, 2])}
    for workers in (1, 2, 3):
        plain = [([], []) for _ in range(workers)]
        for key, ids in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
            keys, share_ids = min(plain, key=lambda share: len(share[1]))
            keys.append(key)
            share_ids.extend(ids)
        assert matching._shares(groups, workers) == [(k, sorted(i)) for k, i in plain if i]
