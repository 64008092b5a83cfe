"""The same particular figure (251, 157,651) in two reports links subjects the
ordinary rules keep apart only because one says more, or periods read differently."""

import json

import pytest

from checks import matching
from checks.matching import Reading, match_claims, particular_figure, same_figure

from test_matching import Archive


@pytest.fixture
def archive(tmp_path):
    return Archive(tmp_path / "checks.db")


def reading(claim_id, document_id, point, key, *, place="Turkey", period="total", day=737000,
            qualifier="exact", unit="", source="outlet"):
    return Reading(claim_id, document_id, unit, key, "subject", place, period, day, source, "",
                   qualifier, point - 0.5, point + 0.5, point)


@pytest.mark.parametrize("point, qualifier, expected", [
    (251, "exact", 251), (4156, "exact", 4156), (157651, "exact", 157651), (1534, "exact", 1534),
    (300, "exact", None), (1500, "exact", None), (30000, "exact", None),  # round: recur by chance
    (19, "exact", None), (96, "exact", None),  # small
    (251, "about", None), (251, "more_than", None),  # a hedge is no particular figure
])
def test_particular_figure(point, qualifier, expected):
    assert particular_figure(reading(1, 1, point, "die", qualifier=qualifier)) == expected


def test_one_subject_holding_the_other_links_by_the_figure():
    a = reading(1, 1, 251, "die", day=737255)
    b = reading(2, 2, 251, "coup die resist", place="~Turkey", day=738351)
    assert matching.relate(a, b) is None  # the ordinary rules keep them apart
    rel = same_figure(a, b)
    assert rel is not None and rel.same_figure
    assert rel.relation == "corroborates"


@pytest.mark.parametrize("a, b", [
    # each names a slice of its own
    (reading(1, 1, 158, "minor political prisoner"), reading(2, 2, 158, "political prisoner woman")),
    # subjects that share a word but neither holds the other
    (reading(1, 1, 251, "arrest journalist"), reading(2, 2, 251, "die journalist")),
    # two countries
    (reading(1, 1, 1150, "political prisoner", place="Belarus"),
     reading(2, 2, 1151, "political prisoner", place="Venezuela")),
    (reading(1, 1, 1152, "political prisoner", place="Belarus"),
     reading(2, 2, 1152, "political prisoner", place="Venezuela")),
    # two years' counts
    (reading(1, 1, 3155, "die migrant", period="year 2023"), reading(2, 2, 3155, "die migrant", period="year 2022")),
    # one document
    (reading(1, 1, 251, "die"), reading(2, 1, 251, "coup die")),
    # other units
    (reading(1, 1, 251, "die"), reading(2, 2, 251, "die", unit="days")),
    # a subject of generic words only
    (reading(1, 1, 251, "person"), reading(2, 2, 251, "die person")),
    # who is counted differs: the children are some of the dead
    (reading(1, 1, 603, "die"), reading(2, 2, 603, "child die")),
    # two months' flows that happen to be equal
    (reading(1, 1, 129, "deport foreigner", period="interval", day=737000),
     reading(2, 2, 129, "deport foreigner", period="interval", day=737400)),
])
def test_other_quantities_stay_apart(a, b):
    assert same_figure(a, b) is None


def test_one_days_toll_and_the_same_figure_as_a_total_link():
    a = reading(1, 1, 135, "prisoner release", period="interval", day=740020)
    b = reading(2, 2, 135, "political prisoner release", period="total", day=740044)
    assert same_figure(a, b).relation == "corroborates"


def test_a_year_read_as_a_total_links_by_the_figure():
    a = reading(1, 1, 157651, "arrival", place="Italy", period="year 2023", day=738885)
    b = reading(2, 2, 157651, "arrival", place="Italy", period="total", day=738909)
    assert matching.relate(a, b) is None
    assert same_figure(a, b).relation == "corroborates"


def test_pairs_the_ordinary_rules_make_are_left_to_them():
    a = reading(1, 1, 251, "die")
    b = reading(2, 2, 251, "die")
    assert matching.relate(a, b) is not None
    assert same_figure(a, b) is None


def test_match_claims_stores_same_figure_pairs_once_and_incrementally(archive):
    d1 = archive.doc("2019-07-15", "Bosphorus Wire")
    a = archive.claim(d1, "251", "Turkey remembered the 251 people who died resisting the coup in 2016.",
                      "people died", 251)
    d2 = archive.doc("2022-07-15", "Ankara Notes")
    b = archive.claim(d2, "251", "- Killed resisting the coup: 251", "killed resisting the coup", 251)
    archive.claim(d2, "300", "- Killed resisting the coup, rounded: 300", "killed resisting the coup", 300)
    first = match_claims(archive.db)
    pairs = archive.pairs()
    assert set(pairs) == {(a, b)}
    pair = pairs[(a, b)]
    assert pair["relation"] == "corroborates"
    assert json.loads(pair["components"])["same_figure"] is True
    assert "(the same particular figure)" in pair["explanation"]
    assert first.pairs_added == 1 and first.corroborates == 1
    again = match_claims(archive.db)
    assert again.pairs_added == 0 and archive.pairs() == pairs
    d3 = archive.doc("2023-07-15", "Third Outlet")
    c = archive.claim(d3, "251", "Turkey says 251 died on the night of the coup.", "died on the night of the coup", 251)
    third = match_claims(archive.db)
    assert third.claims_matched == 1
    # "died" holds in "died on the night of the coup"; "killed resisting the coup" does not
    assert set(archive.pairs()) - set(pairs) == {(a, c)}


def test_both_ways_of_finding_same_figures_agree(archive, monkeypatch):
    for n, (published, subject) in enumerate([("2019-07-15", "people died"), ("2022-07-15", "killed resisting the coup"),
                                              ("2023-07-15", "died on the night of the coup"),
                                              ("2023-08-01", "children killed")]):
        d = archive.doc(published, f"Outlet {n}")
        archive.claim(d, "251", f"Turkey: 251 {subject}.", subject, 251)
        archive.claim(d, "4,156", f"Turkey: 4,156 {subject} or dismissed.", f"{subject} dismissed", 4156)
    ids = [r[0] for r in archive.db.execute("SELECT id FROM claims")]
    matching.refresh_readings(archive.db)
    monkeypatch.setattr(matching, "SAME_FIGURE_SHARE", 0)  # the targets' figures, though they are all
    few = matching._same_figure_pairs(archive.db, ids, 85.0, 60)
    monkeypatch.setattr(matching, "SAME_FIGURE_SCAN", 0)
    many = matching._same_figure_pairs(archive.db, ids, 85.0, 60)
    pairs = lambda found: sorted((e.claim_id, l.claim_id, r.relation) for v in found.values() for e, l, r in v)
    assert pairs(few) == pairs(many) and pairs(few)


def test_a_figure_stated_too_often_is_no_particular_one(archive, monkeypatch):
    monkeypatch.setattr(matching, "SAME_FIGURE_MAX_CLAIMS", 2)
    for n, subject in enumerate(["people died", "killed resisting the coup", "died on the night of the coup"]):
        d = archive.doc(f"202{n}-07-15", f"Outlet {n}")
        archive.claim(d, "251", f"Turkey: 251 {subject}.", subject, 251)
    match_claims(archive.db)
    assert not [p for p in archive.pairs().values() if "same_figure" in p["components"]]
    monkeypatch.setattr(matching, "SAME_FIGURE_MAX_CLAIMS", 3)
    assert matching._same_figure_pairs(archive.db, [1, 2, 3], 85.0, 60)


def test_words_read_around_a_figure_without_subject_yield_to_the_figure():
    detained = reading(1, 1, 193, "arrest", place="~Peru", day=738542)
    dragged = reading(2, 2, 193, "marco out san", place="~Peru", day=738861)._replace(key_kind="context")
    assert matching.relate(detained, dragged) is None  # the subjects share no word
    rel = same_figure(detained, dragged)
    assert rel is not None and rel.same_figure and rel.subject_score == matching.CONTEXT_MIN_SUBJECT
    # two stated subjects that share no word stay apart, figure or not
    expelled = reading(3, 3, 193, "expel student", place="~Peru", day=738861)
    assert same_figure(detained, expelled) is None
