"""Decisions of the matcher on hard cases of real news (checks.matching.compare)."""

import pytest
from checks import lexicon, matching
from checks.matching import compare


def claim(id_, doc, quote, sentence, value, *, subject=None, qualifier="exact", published="2025-03-20",
          as_of=None, title=None, attribution=None, low=None, high=None, unit=None):
    low = value if low is None and qualifier in ("exact", "more_than", "at_least") else low
    high = value if high is None and qualifier == "exact" else high
    return {"id": id_, "document_id": doc, "quote": quote, "sentence": sentence, "value": value,
            "low": low, "high": high, "qualifier": qualifier, "unit": unit, "subject": subject,
            "attribution": attribution, "as_of": as_of, "published": published, "publisher": f"Outlet {doc}",
            "url": f"https://o{doc}.example/a", "title": title}


def terms_score(a, b):
    "The subject score of two subjects' canonical terms."
    return matching.subject_score(" ".join(lexicon.subject_terms(a)), " ".join(lexicon.subject_terms(b)))


def test_lemmas_restore_the_silent_e_and_read_ing_forms():
    assert lexicon.canonical("dissolved") == lexicon.canonical("dissolve")
    assert lexicon.canonical("killings") == lexicon.canonical("killed")
    assert lexicon.canonical("arresting") == "arrest"
    # no silent e after a vowel pair: treated, heated, floated (but created)
    assert lexicon.canonical("treated") == lexicon.canonical("treat") == "treat"
    assert lexicon.canonical("floated") == "float"
    assert lexicon.canonical("created") == lexicon.canonical("create")


def test_prisoners_of_conscience_are_political_prisoners():
    assert lexicon.subject_terms("prisoners of conscience") == lexicon.subject_terms("political prisoners")


def test_breaking_out_of_jail_is_escaping():
    assert lexicon.subject_terms("inmates who broke out of jails") == lexicon.subject_terms("inmates escaped")
    assert "escape" not in lexicon.subject_terms("protests broke out in the capital")


def test_a_count_that_stands_at_a_figure_says_nothing_of_what_it_counts():
    assert lexicon.subject_terms("dead now stands") == lexicon.subject_terms("dead")
    assert lexicon.subject_terms("stands") == ()


def test_a_shutdown_or_blackout_is_the_internets_and_massacred_is_killed():
    assert terms_score("internet shutdown", "shutdown") == 100
    assert terms_score("communications blackout", "internet") >= 85
    assert terms_score("civilians massacred", "civilians killed") == 100
    assert terms_score("share of economic output", "share of GDP") == 100
    assert terms_score("votes in favour", "votes") == 100  # the yes share is the share of the votes


def test_drowned_and_perished_are_deaths():
    assert lexicon.subject_terms("migrants drowned") == lexicon.subject_terms("migrants died")
    assert lexicon.subject_terms("people perished") == lexicon.subject_terms("deaths")


def test_who_counted_and_the_law_a_count_runs_under_are_not_what_it_counts():
    assert lexicon.subject_terms("deaths in state custody documented") == lexicon.subject_terms("deaths in custody")
    assert lexicon.subject_terms("arrests announced") == lexicon.subject_terms("arrests")
    assert lexicon.subject_terms("arrests under the state of exception") == ("arrest",)
    assert lexicon.subject_terms("people arrested under the state of emergency") == ("arrest",)
    assert terms_score("deaths recorded", "deaths in custody") < 85  # custody still says where


def test_the_unrest_a_toll_happened_in_does_not_make_another_toll():
    government = claim(1, 1, "96", "The government says 96 people have died in Mozambique's post-election demonstrations.", 96,
                       subject="people died in the post-election demonstrations", published="2025-01-10")
    monitor = claim(2, 2, "130", "The monitor's count in Mozambique was 130 people killed.", 130,
                    subject="people killed", published="2025-01-12", attribution="the monitor")
    protests = claim(3, 3, "135", "It counts 135 people killed in the protests in Mozambique.", 135,
                     subject="people killed in the protests", published="2025-01-11", attribution="the monitor")
    assert compare(government, monitor).relation == "contradicts"
    assert compare(monitor, protests).relation == "corroborates"
    injured = claim(4, 4, "135", "It counts 135 people injured in the protests in Mozambique.", 135,
                    subject="people injured in the protests", published="2025-01-11")
    assert compare(protests, injured) is None  # what happened still differs


def test_life_sentences_are_not_deaths_and_civil_servants_are_public_employees():
    assert "die" not in lexicon.subject_terms("life sentences in coup trials")
    assert lexicon.subject_terms("civil servants purged") == lexicon.subject_terms("public employees dismissed")


def test_the_rescued_are_survivors_and_a_life_term_is_a_life_sentence():
    assert lexicon.subject_terms("people rescued") == lexicon.subject_terms("survivors")
    assert lexicon.subject_terms("people sentenced to life") == lexicon.subject_terms("life sentences")


def test_a_toll_alone_counts_the_dead():
    assert lexicon.subject_terms("toll") == lexicon.subject_terms("deaths")
    assert lexicon.subject_terms("toll of arrests") == lexicon.subject_terms("arrests")


def test_one_years_count_does_not_update_another_years():
    a = claim(1, 1, "834", "Iran Human Rights counted 834 executions in Iran in 2023.", 834, subject="executions")
    b = claim(2, 2, "at least 975", "Iran executed at least 975 people last year, a monitor said.", 975,
              subject="people executed", qualifier="at_least")
    c = claim(3, 3, "At least 901", "At least 901 people were put to death in Iran in 2024, the UN said.", 901,
              subject="people put to death", qualifier="at_least", published="2025-04-08")
    assert compare(a, b) is None
    same_year = compare(b, c)  # published weeks apart, both after the year ended: one period
    assert same_year is not None and same_year.relation == "corroborates"


def test_a_month_of_hangings_is_not_the_years_total():
    year = claim(1, 1, "at least 975", "Iran executed at least 975 people last year.", 975,
                 subject="people executed", qualifier="at_least")
    month = claim(2, 2, "at least 130", "In September alone, at least 130 prisoners were hanged in Iran.", 130,
                  subject="prisoners hanged", qualifier="at_least", published="2025-10-06")
    assert compare(year, month) is None


def test_behind_bars_on_political_grounds_are_political_prisoners_not_arrests():
    held = claim(1, 1, "Some 1,150", "Some 1,150 people are behind bars in Belarus on political grounds.",
                 1150, subject="people behind bars", qualifier="about", low=None, high=None)
    prisoners = claim(2, 2, "1,120", "Viasna counts 1,120 political prisoners in Belarus.", 1120,
                      subject="political prisoners", published="2025-04-01")
    arrests = claim(3, 3, "more than 40,000", "More than 40,000 people have been detained in Belarus "
                    "since the 2020 election.", 40000, subject="people detained", qualifier="more_than",
                    published="2025-04-01")
    assert compare(held, prisoners) is not None
    assert compare(held, arrests) is None


def test_a_figure_whose_noun_is_only_in_the_title():
    elided = claim(1, 1, "About 1,170", "About 1,170 are still held.", 1170, qualifier="about",
                   title="Political prisoners freed in Belarus after envoy's visit", published="2025-07-15")
    stated = claim(2, 2, "1,150", "Viasna counts 1,150 political prisoners in Belarus.", 1150,
                   subject="political prisoners", published="2025-06-02")
    other_title = dict(elided, title="Belarus frees a group of journalists")
    match = compare(elided, stated)
    assert match is not None and match.relation == "corroborates"
    assert compare(other_title, stated) is None


def _extracted(id_, doc, text, quote, published):
    "A claim as the extractor reads it, in the shape compare() takes."
    from checks.extraction import extract_claims

    found = next(c for c in extract_claims(text, "en") if c.quote == quote)
    return dict(vars(found), id=id_, document_id=doc, published=published, publisher=f"Outlet {doc}",
                url=f"https://o{doc}.example/a", title=None)


def test_killed_on_election_night_is_not_killed_since_the_vote():
    night = _extracted(1, 1, "At least 11 people were killed on election night in Venezuela.",
                       "At least 11", "2026-03-03")
    since = _extracted(2, 2, "At least 16 people have been killed in Venezuela since the vote.",
                       "At least 16", "2026-03-06")
    again = _extracted(3, 3, "Police said 12 people died on election night in Venezuela.",
                       "12", "2026-03-04")
    assert lexicon.subject_terms("killed during the night of the vote") == lexicon.subject_terms("killed on election night")
    assert compare(night, since) is None
    assert compare(night, again) is not None


def test_still_in_custody_is_not_everyone_detained():
    detained = _extracted(1, 1, "Officials said 2,229 people had been arrested in Venezuela since the election.",
                          "2,229", "2026-03-19")
    held = _extracted(2, 2, "Rights monitors say about 1,300 people remain in custody in Venezuela.",
                      "about 1,300", "2026-03-20")
    assert compare(detained, held) is None


def test_detainees_who_reported_torture_are_not_all_detainees():
    hurt = _extracted(1, 1, "At least 600 detainees in Venezuela have reported ill-treatment.",
                      "At least 600", "2026-03-19")
    hurt_again = _extracted(2, 2, "In Venezuela, at least 700 detainees had reported torture or beatings.",
                            "at least 700", "2026-04-02")
    detained = _extracted(3, 3, "Police detained more than 1,000 people in Venezuela after the vote.",
                          "more than 1,000", "2026-03-20")
    assert compare(hurt, hurt_again) is not None
    assert compare(hurt, detained) is None


def test_women_and_released_are_slices_of_political_prisoners():
    women = _extracted(1, 1, "The monitor counts 1,793 political prisoners in Venezuela, among them 219 women.",
                       "219", "2026-04-14")
    freed = _extracted(2, 2, "The authorities in Venezuela have released more than 220 political prisoners.",
                       "more than 220", "2026-04-20")
    assert compare(women, freed) is None


# --- dates, periods and places (reading a claim) ---


def test_a_year_or_month_reads_as_its_end_no_later_than_publication():
    import datetime

    from checks.matching import claim_day

    def day(as_of, published):
        return datetime.date.fromordinal(claim_day(as_of, published)).isoformat()

    assert day("2021", "2022-03-01") == "2021-12-31"
    assert day("2024", "2024-06-10") == "2024-06-10"   # "in 2024", said in June: June
    assert day("2022-05", "2022-06-02") == "2022-05-31"
    assert day("--05", "2022-06-02") == "2022-05-31"   # a month without a year: this year's May
    assert day("--11", "2022-06-02") == "2021-11-30"   # November has not come yet: last year's
    assert day("--05-23", "2021-12-20") == "2021-05-23"
    assert day("2021-07-14", "2024-01-01") == "2021-07-14"
    assert day(None, "2022-06-02") == "2022-06-02"
    # a weekday (Monday 0): the last one up to the publication, its own day included
    assert day("--w4", "2021-05-24") == "2021-05-21"   # "on Friday" in Monday's report
    assert day("--w0", "2021-05-24") == "2021-05-24"   # "on Monday" in Monday's report
    assert claim_day("--w4", None) is None
    assert claim_day("2021", None) == datetime.date(2021, 12, 31).toordinal()


def test_one_months_count_reported_weeks_apart_is_one_interval():
    june = claim(1, 1, "42", "Viasna recognised 42 new political prisoners in May, its bulletin says.", 42,
                 subject="new political prisoners", published="2022-06-02")
    july = claim(2, 2, "42", "The group had added 42 new political prisoners in May, and 61 in June.", 42,
                 subject="new political prisoners", published="2022-07-04")
    next_month = claim(3, 3, "61", "Viasna recognised 61 new political prisoners in June.", 61,
                       subject="new political prisoners", published="2022-07-04")
    match = compare(june, july)
    assert match is not None and match.relation == "corroborates"
    assert compare(june, next_month) is None   # May's new prisoners are not June's


def test_who_did_the_killing_is_not_who_is_counted():
    by_forces = claim(1, 1, "458", "Iran Human Rights has updated its count to 458 people killed by the security "
                      "forces in Iran.", 458, subject="people killed by the security forces", published="2022-12-06")
    killed = claim(2, 2, "519", "HRANA counts 519 protesters killed in Iran.", 519, subject="protesters killed",
                   published="2023-01-03")
    a, b = matching.read_claim(by_forces), matching.read_claim(killed)
    assert "security" not in a.subject_key.split() and a.subject_key == b.subject_key
    assert compare(by_forces, killed) is not None
    # nor are those they clashed with
    clashes = claim(4, 4, "48", "The ombudsman has counted 48 deaths in clashes with the security forces in Peru.", 48,
                    subject="deaths in clashes with security forces")
    assert "security" not in matching.read_claim(clashes).subject_key.split()
    # security forces who were killed are who is counted
    members = claim(3, 3, "68", "HRANA counts 68 members of the security forces killed in Iran.", 68,
                    subject="members of the security forces killed", published="2023-01-03")
    assert "security" in matching.read_claim(members).subject_key.split()


def test_part_of_the_count_before_and_a_withdrawn_figure_are_not_the_count():
    whole = claim(1, 1, "About 650", "About 650 people were killed in Bangladesh, the office said.", 650,
                  qualifier="about", subject="people killed", published="2024-08-16")
    part = claim(2, 2, "about 250", "Of them, about 250 were killed in Bangladesh after she resigned, the office "
                 "said.", 250, qualifier="about", subject="people killed", published="2024-08-20")
    later = claim(3, 3, "More than 1,000", "More than 1,000 people were killed in Bangladesh, officials said.", 1000,
                  qualifier="more_than", subject="people killed", published="2024-11-05")
    assert lexicon.PART_OF in matching.read_claim(part).subject_key.split()
    assert compare(part, later) is None and compare(part, whole) is None
    assert compare(whole, later) is not None  # the whole toll is the one updated
    # what else happened to part of them says so itself: "Of those, 260 were jailed pending trial"
    jailed = claim(4, 4, "260", "Of those, 260 have been jailed in Turkey pending trial.", 260,
                   subject="people jailed")
    assert lexicon.PART_OF not in matching.read_claim(jailed).subject_key.split()
    withdrawn = claim(5, 5, "58", "An earlier version of this story said 58 children were among the dead in Iran.",
                      58, subject="children", published="2023-01-10")
    counted = claim(6, 6, "63", "Iran Human Rights counts 63 children among the dead in Iran.", 63,
                    subject="children", published="2022-12-13")
    assert compare(counted, withdrawn) is None
    assert compare(counted, dict(withdrawn, sentence="HRANA said 58 children were among the dead in Iran.")) is not None


def test_a_held_now_clause_belongs_to_its_own_figure():
    sentence = "AAPP counts more than 26,000 people arrested in Myanmar, of whom about 20,000 are still held."
    arrested = claim(1, 1, "more than 26,000", sentence, 26000, qualifier="more_than", subject="people arrested")
    assert matching.read_claim(arrested).subject_key == "arrest"
    remain = "AAPP counts more than 26,000 people arrested in Myanmar who remain in detention."
    assert lexicon.STILL_HELD in matching.read_claim(dict(arrested, sentence=remain)).subject_key.split()


def test_a_figure_right_after_on_a_weekday_is_that_days_count():
    friday = claim(1, 1, "13", "On Friday, 13 people died in Colombia as gunmen fired on a roadblock.", 13,
                   subject="people died", published="2021-05-25")
    said = claim(2, 2, "19", "On Friday, the ombudsman said 19 people had died in Colombia since the strike began.",
                 19, subject="people died", published="2021-05-25")
    assert matching.read_claim(friday).period == "interval"
    assert matching.read_claim(said).period == "total"


def test_how_many_are_displaced_is_a_level_how_many_were_driven_out_a_flow():
    level = claim(1, 1, "1.3 million", "- Displaced inside Haiti in June: 1.3 million", 1300000,
                  subject="displaced inside haiti in june", published="2025-07-10")
    week = claim(2, 2, "15,000", "Fighting has driven more than 15,000 people from their homes in Haiti in the past "
                 "week.", 15000, subject="people displaced", published="2024-03-15")
    assert matching.read_claim(level).period == "total"
    assert matching.read_claim(week).period == "interval"


def test_a_newspaper_called_a_daily_is_no_days_count():
    assert lexicon.period_kind("Prothom Alo, the country's most widely read daily, has counted 211 deaths") == "total"
    assert lexicon.period_kind("a leading weekly put the toll at 40") == "total"
    assert lexicon.period_kind("about 40 people are detained daily") == "interval"


def test_the_month_of_the_event_a_toll_follows_is_not_its_span():
    assert lexicon.period_kind("The unrest after the killing of Hachalu Hundessa in June left more than 230 "
                               "dead") == "total"
    assert lexicon.period_kind("Protests after the arrest of Ousmane Sonko in March left 14 dead") == "total"
    assert lexicon.period_kind("The unrest left more than 230 dead in June") == "interval"
    # nor is the time of an aside that holds no figure
    assert lexicon.period_kind("The war, which ended with a truce in November, killed as many as 600,000 "
                               "people") == "total"
    assert lexicon.period_kind("Police, who detained 40 people in May, said so") == "interval"
    # "a week of protests" is how long they lasted, not a rate ("40 are detained a week")
    assert lexicon.period_kind("11 people had died in a week of protests") == "total"
    assert lexicon.period_kind("about 40 people are detained a week") == "interval"


def test_a_level_reached_in_a_month_is_a_running_total():
    assert lexicon.period_kind("The number of people convicted reached 7,950 in January") == "total"
    assert lexicon.period_kind("the tally rose to 1,400 in May") == "total"
    assert lexicon.period_kind("40 people were detained in May") == "interval"
    assert lexicon.period_kind("four people were detained during last week's searches") == "total"
    assert lexicon.period_kind("according to figures released this week, 35,000 detained") == "total"
    reached = claim(1, 1, "7,950", "The number of people convicted in political cases reached 7,950 in "
                    "January, the group added.", 7950, subject="people convicted in political cases",
                    published="2026-02-16", attribution="Viasna")
    since = claim(2, 2, "more than 7,900", "Courts have convicted more than 7,900 people in political cases "
                  "since 2020, the group says.", 7900, qualifier="more_than",
                  subject="people convicted in political cases", published="2026-02-24", attribution="Viasna")
    match = compare(reached, since)
    assert match is not None and match.relation == "corroborates"


def test_a_time_word_beside_people_held_dates_the_level():
    march = claim(1, 1, "64", "There are 64 people in pre-trial detention this month over the protests in "
                  "Yerevan, lawyers say.", 64, subject="people in pre-trial detention", published="2026-03-12")
    june = claim(2, 2, "Some 58", "Some 58 people are being held in pre-trial detention in Armenia this month, "
                 "lawyers said.", 58, qualifier="about", subject="people held in pre-trial detention",
                 published="2026-06-02")
    match = compare(march, june)
    assert match is not None and match.relation == "updates"
    # taking people in over a span stays a flow, beside the level or not
    placed = claim(3, 3, "12", "A further 12 people were placed in pre-trial detention in Armenia this month.", 12,
                   subject="people placed in pre-trial detention", published="2026-06-03")
    assert compare(june, placed) is None
    weekly = claim(4, 4, "About 80", "About 80 people in Armenia are detained every week, lawyers say.", 80,
                   qualifier="about", subject="people detained", published="2026-06-03")
    assert compare(june, weekly) is None
    taken = claim(5, 5, "60", "Police detained 60 people in Yerevan this week, and they are in custody.", 60,
                  subject="people detained", published="2026-06-04")
    assert compare(june, taken) is None


def test_a_month_between_two_figures_belongs_to_the_first():
    sentence = ("In Belarus itself, Viasna logged 96 politically motivated detentions in January and counts "
                "more than 7,900 people convicted in political cases.")
    total = claim(1, 1, "more than 7,900", sentence, 7900, qualifier="more_than",
                  subject="people convicted in political cases", published="2026-03-02", attribution="Viasna")
    since = claim(2, 2, "more than 7,900", "Courts have convicted more than 7,900 people in political cases "
                  "since 2020.", 7900, qualifier="more_than", subject="people convicted in political cases",
                  published="2026-02-24", attribution="Viasna")
    assert compare(total, since) is not None
    both = "Over the weekend 40 people were detained and 12 convicted."
    flow = claim(3, 3, "12", both, 12, subject="people convicted", published="2026-06-03")
    total_convicted = claim(4, 4, "12", "Courts have convicted 12 people since 2020.", 12,
                            subject="people convicted", published="2026-06-03")
    assert compare(flow, total_convicted) is None  # the weekend holds for both figures


def test_a_monitor_places_its_figure_in_a_report_about_another_country():
    from checks.matching import read_claim

    about_lithuania = {1: "Lithuania", 2: "Belarus", 3: "Belarus"}.get
    vilnius = claim(1, 1, "1,130", "Viasna counted 1,130 political prisoners at the end of January, a "
                    "spokeswoman told the crowd.", 1130, subject="political prisoners", attribution="Viasna",
                    published="2026-02-09")
    minsk = claim(2, 2, "1,118", "Viasna counts 1,118 political prisoners.", 1118,
                  subject="political prisoners", attribution="Viasna", published="2026-02-12")
    russia = claim(3, 3, "more than 1,000", "In neighbouring Russia, OVD-Info lists more than 1,000 political "
                   "prisoners.", 1000, qualifier="more_than", subject="political prisoners",
                   attribution="OVD-Info", published="2026-02-12")
    assert read_claim(vilnius, about_lithuania).place == "Belarus"
    unattributed = dict(vilnius, attribution=None, sentence=vilnius["sentence"].replace("Viasna", "The group"))
    assert read_claim(unattributed, about_lithuania).place == "~Lithuania"  # from the document: weak
    assert compare(vilnius, minsk, document_place=about_lithuania) is not None
    # an article about Belarus naming Russia's figure in one sentence: Russia's, not Belarus's
    assert read_claim(russia, about_lithuania).place == "Russia"
    assert compare(minsk, russia, document_place=about_lithuania) is None
    assert compare(vilnius, russia, document_place=about_lithuania) is None


def test_where_a_figure_holds_comes_from_its_own_clause_first():
    from checks.matching import read_claim

    about_lithuania = {1: "Lithuania"}.get
    other_clause = claim(1, 1, "1,150", "Belarus has jailed thousands since 2020, and the monitors' list now holds "
                         "1,150 political prisoners.", 1150, subject="political prisoners")
    # the sentence beats the document; named in another clause, the place is inferred
    assert read_claim(other_clause, about_lithuania).place == "~Belarus|Lithuania"
    assert read_claim(other_clause, None).place == "Belarus"
    own_clause = dict(other_clause, sentence=other_clause["sentence"].replace("list now", "list in Minsk now"))
    assert read_claim(own_clause, {1: "Russia"}.get).place == "Belarus"
    about_belarus = {1: "Belarus"}.get
    origin = claim(1, 1, "310", "Lithuania's border guard turned back 310 people trying to cross from Belarus "
                   "in February.", 310, subject="people turned back trying to cross from Belarus")
    assert read_claim(origin, about_belarus).place == "Lithuania"
    aside = claim(1, 1, "27 years", "Lukashenko, who has ruled Belarus for 27 years, flew to talks in St "
                  "Petersburg the day before.", 27, subject="ruled", unit="years")
    assert read_claim(aside, None).place == "Belarus"


def test_years_in_power_said_differently_link_and_a_sentence_does_not():
    ruled = _extracted(1, 1, "Lukashenko, who has ruled Belarus for 26 years, met Putin in Sochi.", "26 years",
                       "2020-09-14")
    in_power = _extracted(2, 2, "Lukashenko was declared the winner after 26 years in power in Belarus.",
                          "26 years", "2020-08-10")
    jailed = _extracted(3, 3, "A court in Belarus sentenced Lukashenko's critic Ihar Losik to 26 years.",
                        "26 years", "2020-09-01")
    assert (ruled["subject"], in_power["subject"], jailed["subject"]) == ("in power", "in power", "sentence")
    assert compare(ruled, in_power) is not None
    assert compare(ruled, jailed) is None and compare(in_power, jailed) is None


def test_one_persons_sentence_is_not_anothers():
    mendez = _extracted(1, 1, "A court in Caracas sentenced Rosa Mendez to 13 years in prison in Venezuela.",
                        "13 years", "2026-10-27")
    again = _extracted(2, 2, "Rosa Mendez's 13-year sentence stands, her lawyers in Venezuela said.",
                       "13-year", "2026-11-17")
    ibarra = _extracted(3, 3, "A court in Caracas sentenced Tomás Ibarra to 13 years in prison in Venezuela.",
                        "13 years", "2026-10-28")
    ruler = _extracted(4, 4, "Maduro, who has ruled Venezuela for more than 13 years, denied it.",
                       "more than 13 years", "2026-10-20")
    assert compare(mendez, again) is not None
    assert compare(mendez, ibarra) is None
    assert compare(mendez, ruler) is None and compare(again, ruler) is None


def test_a_named_persons_sentence_is_not_a_term_nobody_is_named_for():
    named = _extracted(1, 1, "A court in Caracas sentenced Rosa Mendez to 13 years in prison in Venezuela.",
                       "13 years", "2026-10-27")
    law = _extracted(2, 2, "In Venezuela the offence is punished with up to 13 years in prison.",
                     "up to 13 years", "2026-11-17")
    other_law = _extracted(3, 3, "In Venezuela another offence carries up to 13 years in prison.",
                           "up to 13 years", "2026-11-20")
    article = _extracted(4, 4, "In Venezuela, Article 342 carries up to 13 years in prison.",
                         "up to 13 years", "2026-11-18")
    same_article = _extracted(5, 5, "In Venezuela, Article 342 is punished with up to 13 years in prison.",
                              "up to 13 years", "2026-11-21")
    assert named["subject"] == law["subject"] == "sentence"
    assert compare(named, law) is None and compare(law, named) is None
    assert compare(law, other_law) is None  # nothing says which offence either is
    assert compare(article, same_article) is not None  # the article names it
    assert compare(article, named) is None


def test_turnout_is_not_a_vote_share():
    turnout = _extracted(1, 1, "The electoral council in Venezuela puts turnout at 59%.", "59%", "2026-11-03")
    official = _extracted(2, 2, "The opposition says the official turnout of 59% in Venezuela was inflated.",
                          "59%", "2026-11-17")
    share = _extracted(3, 3, "The electoral council in Venezuela says Maduro won the vote with 59%.", "59%",
                       "2026-11-04")
    figures = _extracted(4, 4, "In Venezuela the council's figures, 51.2% for him on a turnout of 59%, were "
                               "never backed by records.", "51.2%", "2026-11-05")
    assert compare(turnout, official) is not None
    assert compare(turnout, share) is None and compare(official, share) is None
    assert compare(figures, turnout) is None  # "a turnout of" introduces the next figure


def test_a_loan_said_two_ways_links_and_a_further_sum_does_not_read_as_it():
    lent = _extracted(1, 1, "China has agreed a loan of $2 billion to Venezuela.", "$2 billion", "2026-10-20")
    drawn = _extracted(2, 2, "Venezuela has begun drawing on the $2bn loan.", "$2bn", "2026-12-01")
    further = _extracted(3, 3, "Venezuela is seeking a further $1bn from Beijing.", "$1bn", "2026-12-01")
    assert (lent["subject"], drawn["subject"]) == ("loan", "loan")
    assert compare(lent, drawn) is not None
    assert compare(lent, further) is None


# --- where a figure holds: places read from the claim against places inferred from its document --


def test_a_place_inferred_from_a_document_agrees_only_with_countries_that_document_names():
    from checks.matching import places_agree

    assert places_agree("~Lithuania|Belarus", "Belarus")
    assert places_agree("Belarus", "~Lithuania|Belarus")
    assert not places_agree("~Lithuania|Belarus", "Russia")
    assert not places_agree("Belarus", "Russia")  # both read from the claims themselves
    assert places_agree("~Belarus", "Belarus") and places_agree("", "Russia")
    assert places_agree("~Belarus", "~Lithuania|Belarus")  # one document names the other's country
    assert not places_agree("~Belarus", "~Russia")


def test_a_report_on_lithuania_links_its_unplaced_figure_to_belarus_and_not_to_russia():
    from checks.matching import read_claim

    from_vilnius = {1: "~Lithuania|Belarus"}.get  # a report about Lithuania that names Belarus too
    exiles = claim(1, 1, "almost 8,000", "Courts back home have convicted almost 8,000 people in political cases "
                   "since then, rights groups say.", 8000, qualifier="almost", low=7200, high=8000,
                   subject="people convicted in political cases", published="2026-03-02")
    minsk = claim(2, 2, "more than 7,900", "Courts in Belarus have convicted more than 7,900 people in political "
                  "cases since 2020.", 7900, qualifier="more_than", subject="people convicted in political cases",
                  published="2026-02-24")
    moscow = dict(minsk, id=3, document_id=3, sentence=minsk["sentence"].replace("Belarus", "Russia"))
    assert read_claim(exiles, from_vilnius).place == "~Lithuania|Belarus"
    linked = compare(exiles, minsk, document_place=from_vilnius)
    assert linked is not None and linked.relation == "corroborates"
    assert linked.place_score == 75.0 and "placed by a document that names both" in linked.explanation
    assert linked.components["places"] == ["Belarus", "Lithuania"]
    assert compare(exiles, moscow, document_place=from_vilnius) is None
    # a document about Lithuania alone does not lend its figures to Belarus
    assert compare(exiles, minsk, document_place={1: "Lithuania"}.get) is None


def test_a_country_named_in_passing_is_not_one_a_document_is_about():
    title = "Belarus frees 18 more prisoners under pardon"
    text = ("Belarus released 18 more people on Tuesday under a pardon signed by Alexander Lukashenko. About "
            "1,100 people remain behind bars on political grounds. Lukashenko met Putin in Moscow last week.")
    assert lexicon.document_places(text, title) == ("Belarus", ["Belarus"])
    both = "Lithuania extends permits for exiles"
    text = ("Lithuania will extend the permits of about 2,300 Belarusians, the ministry in Vilnius said. "
            "Belarus has not commented.")
    assert lexicon.document_places(text, both) == ("Lithuania", ["Lithuania", "Belarus"])
    assert lexicon.document_places("More than 650 people have been detained.", "Georgia: detentions pass 650") \
        == ("Georgia", ["Georgia"])  # the country only in the title


def test_a_place_named_in_another_clause_yields_to_the_documents_country():
    "'…more than 2,000 complaints of abuse, and Lithuania had begun a fence' in a report on Belarus."
    about_belarus = {1: "~Belarus", 2: "~Belarus"}.get
    fence = claim(1, 1, "more than 2,000", "Rights groups had by then logged more than 2,000 complaints of abuse in "
                  "custody, and Lithuania had begun a fence along its border.", 2000, qualifier="more_than",
                  subject="complaints of abuse in custody", published="2021-12-20")
    earlier = claim(2, 2, "more than 1,800", "Human rights groups say more than 1,800 people have filed complaints "
                    "of abuse in custody.", 1800, qualifier="more_than", subject="complaints of abuse in custody",
                    published="2021-11-30")
    from checks.matching import read_claim

    assert read_claim(fence, about_belarus).place == "~Lithuania|Belarus"
    assert compare(fence, dict(earlier, sentence=earlier["sentence"] + " Minsk denies it."),
                   document_place=lambda doc: None) is None  # a stated Belarus against a stated Lithuania
    linked = compare(fence, earlier, document_place=about_belarus)
    assert linked is not None and linked.relation == "corroborates"
    in_russia = dict(earlier, sentence=earlier["sentence"].replace("in custody", "in custody in Russia"))
    assert compare(fence, in_russia, document_place=about_belarus) is None


def test_a_document_about_no_one_country_bounds_its_unplaced_figures_to_those_it_names():
    from checks.matching import document_place_text, read_claim

    title, text = "Talks at the border", "Officials from Lithuania and Belarus met at the crossing."
    assert lexicon.document_places(text, title) == (None, ["Belarus", "Lithuania"])
    either = {1: document_place_text(*lexicon.document_places(text, title))}.get
    queue = claim(1, 1, "about 600", "About 600 lorries were waiting to cross on Monday.", 600,
                  qualifier="about", low=540, high=660, subject="lorries waiting to cross", published="2026-03-02")
    assert read_claim(queue, either).place == "~|Belarus|Lithuania"
    vilnius = claim(2, 2, "about 620", "In Lithuania, about 620 lorries were waiting to cross.", 620,
                    qualifier="about", low=558, high=682, subject="lorries waiting to cross", published="2026-03-03")
    warsaw = dict(vilnius, sentence=vilnius["sentence"].replace("Lithuania", "Poland"))
    linked = compare(queue, vilnius, document_place=either)
    assert linked is not None and linked.place_score == 50.0  # its own country is still unknown
    assert compare(queue, warsaw, document_place=either) is None  # the document never names Poland


def test_a_sea_is_a_place_not_what_is_counted():
    assert lexicon.subject_terms("dead or missing in the Mediterranean", drop=lexicon.PLACE_WORDS) == \
        lexicon.subject_terms("dead or missing")


@pytest.mark.parametrize("a, b", [
    ("people in prison on coup-related charges", "people in prison on coup charges"),
    ("years Frelimo has governed", "years Frelimo has ruled"),
    ("cases of enforced or involuntary disappearance", "cases of disappearance"),
    ("abductions", "people abducted"),
    ("years since the failed coup", "years since the coup attempt"),
])
def test_wordings_of_one_quantity(a, b):
    assert lexicon.subject_terms(a) == lexicon.subject_terms(b)


def test_a_monitor_known_for_one_country_places_its_count_there():
    assert lexicon.place_mentions("Foro Penal counts about 900 political prisoners.") == [(0, "Venezuela")]
    assert lexicon.place_mentions("Plataforma Decide counted 300 dead.") == [(0, "Mozambique")]
    assert lexicon.place_mentions("Maduro won 51.2% of the vote.") == []  # a candidate is a name, not a place


def test_candidates_include_what_happened_in_other_unrest():
    # subject_score links "die protest" and "die unrest" (the occasion rule); the candidate
    # search must find them too, or the pair is never compared
    keys = ["die protest", "die unrest", "die", "arrest protest", "die protest woman"]
    found = matching._close_keys(["die protest"], keys, matching.DEFAULT_THRESHOLD)["die protest"]
    assert dict(found) == {"die protest": 100.0, "die unrest": matching.SUBSET_SCORE,
                           "die": matching.SUBSET_SCORE}
    assert matching.subject_score("die protest", "die unrest") >= matching.DEFAULT_THRESHOLD


def test_a_running_toll_said_of_the_protests_and_of_the_unrest_links(tmp_path):
    from test_matching import Archive

    archive = Archive(tmp_path / "checks.db")
    first = archive.doc("2025-09-09", publisher="Kathmandu Wire")
    later = archive.doc("2025-09-15", publisher="Himalaya Post")
    a = archive.claim(first, "30", "The health ministry says 30 people have died in the protests.",
                      "people died in the protests", value=30, attribution="health ministry")
    b = archive.claim(later, "72", "The health ministry said 72 people had died in the unrest.",
                      "people died in the unrest", value=72, attribution="health ministry")
    matching.match_claims(archive.db)
    pairs = archive.pairs()
    assert list(pairs) == [(a, b)]
    assert pairs[(a, b)]["relation"] == "updates"


def test_a_rate_or_a_sum_read_in_a_month_is_a_level():
    march = claim(1, 1, "18.7%", "Inflation in Sri Lanka reached 18.7% in March, the statistics office said.",
                  18.7, unit="percent", subject="inflation", published="2022-04-05")
    february = claim(2, 2, "50.6%", "Inflation in Sri Lanka was still 50.6% in February.", 50.6,
                     unit="percent", subject="inflation", published="2023-03-02")
    assert matching.read_claim(february).period == "total"
    linked = compare(march, february)
    assert linked is not None and linked.relation == "updates"
    debt = claim(3, 3, "$51 billion", "Sri Lanka suspended payments on its $51 billion foreign debt in April.",
                 51e9, unit="USD", subject="foreign debt", published="2022-05-01")
    assert matching.read_claim(debt).period == "total"
    # a calendar year's rate still stands apart from another year's
    year = claim(4, 4, "46.4%", "Inflation in Sri Lanka averaged 46.4% in 2022.", 46.4, unit="percent",
                 subject="inflation", published="2023-01-10")
    assert matching.read_claim(year).period == "year 2022"
    # counts keep their months: May's arrests are May's
    may = claim(5, 5, "300", "Police in Sri Lanka arrested 300 protesters in May.", 300,
                subject="protesters arrested", published="2022-06-01")
    assert matching.read_claim(may).period == "interval"


@pytest.mark.parametrize("a, b, linked", [
    ("people killed during the national strike", "people killed in the protests", True),
    ("people killed in the uprising", "people killed in the unrest", True),
    ("people arrested during the strike", "people arrested in the protests", True),
    ("people killed in air strikes", "people killed in the protests", False),  # a strike from the air is no unrest
    ("prisoners on hunger strike", "prisoners", False),
])
def test_a_strike_or_an_uprising_is_the_unrest_a_count_happened_in(a, b, linked):
    score = terms_score(a, b)
    assert (score >= matching.DEFAULT_THRESHOLD) == linked


def test_a_toll_that_fell_months_later_counts_another_episode():
    first = claim(1, 1, "129", "The ombudsman said 129 people had died in the protests in Colombia.", 129,
                  subject="people died in the protests", published="2021-05-25")
    later = claim(2, 2, "60", "Some 60 people died in the protests in Colombia, a report found.", 60,
                  subject="people died in the protests", published="2022-04-28")
    assert compare(first, later) is None
    floor = claim(5, 5, "at least 44", "At least 44 people died in the protests in Colombia, a report found.", 44,
                  qualifier="at_least", subject="people died in the protests", published="2022-04-28")
    assert compare(first, floor) is None  # a floor under half the toll, months on: another count
    near = dict(floor, value=120, low=120, quote="at least 120",
                sentence="At least 120 people died in the protests in Colombia, a report found.")
    assert compare(first, near).relation == "corroborates"  # the toll still holds
    # within the same period a lower figure is still the same toll, revised or disputed
    soon = dict(later, published="2021-06-10")
    assert compare(first, soon) is not None
    # a toll that grew is an update however late; a stock (prisoners) may fall
    grown = dict(later, value=160, low=160, high=160, quote="160",
                 sentence="Some 160 people died in the protests in Colombia, a report found.")
    assert compare(first, grown).relation == "updates"
    held = claim(3, 3, "1,300", "Viasna counts 1,300 political prisoners in Belarus.", 1300,
                 subject="political prisoners", published="2023-01-01")
    fewer = claim(4, 4, "1,100", "Viasna counts 1,100 political prisoners in Belarus.", 1100,
                  subject="political prisoners", published="2025-06-01")
    assert compare(held, fewer).relation == "updates"


ROUNDUP = ("The year in review\n"
           "Young people took to the streets from Kathmandu to Nairobi this year.\n"
           "Kenya. 16 people died in June's protests.\n"
           "Nepal. The September uprising left 76 dead and more than 2,100 injured.\n"
           "Senegal\n"
           "A commission counts 65 people killed in political unrest since 2021.\n"
           "Cuba and Nepal\n"
           "Officials traded notes. 40 people died in the riots, one report said.\n")


def test_a_fact_box_row_over_a_line_is_no_heading(tmp_path):
    from test_matching import Archive

    archive = Archive(tmp_path / "checks.db")
    text = ("Key figures on Haiti's crisis and the Kenyan-led mission\n- Of whom Kenyan police: about 750\n"
            "- Share of the capital under gang control: 90%\n")
    document_id = archive.doc("2025-07-10", text=text)
    start = text.index("90%")
    row = claim(1, document_id, "90%", "- Share of the capital under gang control: 90%", 90.0, unit="percent",
                subject="share of the capital under gang control", published="2025-07-10")
    place = matching.read_claim(dict(row, start=start), matching._DocumentPlaces(archive.db)).place
    assert matching.place_country(place) != "Kenya"


def _roundup_reading(archive, document_id, quote, subject):
    start = ROUNDUP.index(quote)
    sentence_start = ROUNDUP.rfind("\n", 0, start) + 1
    sentence = ROUNDUP[sentence_start: ROUNDUP.index("\n", start)]
    row = claim(1, document_id, quote, sentence, float(quote.replace(",", "")), subject=subject,
                published="2025-12-18")
    return matching.read_claim(dict(row, start=start), matching._DocumentPlaces(archive.db))


def test_a_roundups_paragraph_is_about_the_country_it_opens_with(tmp_path):
    from test_matching import Archive

    archive = Archive(tmp_path / "checks.db")
    document_id = archive.doc("2025-12-18", text=ROUNDUP)
    nepal = _roundup_reading(archive, document_id, "76", "dead").place
    assert matching.place_country(nepal) == "Nepal"
    assert not matching.places_agree(nepal, "Kenya")  # the round-up names Kenya, but not for this paragraph
    assert matching.place_country(_roundup_reading(archive, document_id, "16", "people died").place) == "Kenya"
    # a short heading line over the paragraph
    assert matching.place_country(_roundup_reading(archive, document_id, "65", "people killed").place) == "Senegal"
    # a heading (or a paragraph's opening) with two countries is about neither alone
    both = _roundup_reading(archive, document_id, "40", "people died").place
    assert matching.place_country(both) not in ("Cuba", "Nepal")
    # claims without offsets (imported) keep the document's place
    plain = claim(2, document_id, "76", "Nepal. The September uprising left 76 dead.", 76.0, subject="dead",
                  published="2025-12-18")
    assert matching.place_country(matching.read_claim(plain, matching._DocumentPlaces(archive.db)).place) != "Kenya"


def test_a_town_named_for_the_next_figure_is_not_this_ones():
    sentence = "The ombudsman has raised its count to 46 deaths linked to the strike, 21 of them in Cali."
    whole = matching.read_claim(claim(1, 1, "46", sentence, 46, subject="deaths"))
    part = matching.read_claim(claim(2, 1, "21", sentence, 21, subject="deaths"))
    assert not any(w.startswith(matching.LOCAL) for w in whole.subject_key.split())
    assert matching.LOCAL + "cali" in part.subject_key.split()


@pytest.mark.parametrize("sentence, quote, subject, still", [
    ("More than 4,000 prisoners who escaped in March remain at large.", "More than 4,000", "prisoners who escaped", True),
    ("About 14,000 prisoners escaped from 25 jails.", "About 14,000", "prisoners escaped", False),
    ("Of the 500 people reported missing since April, 84 remain unaccounted for.", "84", "people unaccounted", True),
    ("Of the 500 people reported missing since April, 84 remain unaccounted for.", "500", "people reported missing", False),
    ("The office says 129 of those reported missing have still not been found.", "129", "people missing", True),
])
def test_those_still_missing_or_at_large_are_not_all_who_went(sentence, quote, subject, still):
    reading = matching.read_claim(claim(1, 1, quote, sentence, 1.0, subject=subject))
    assert (lexicon.STILL_HELD in reading.subject_key.split()) == still


def test_when_a_toll_began_is_not_what_it_counts():
    since = matching.read_claim(claim(1, 1, "five", "Five people died in the unrest since Sonko's arrest.", 5,
                                      subject="people died in the unrest since Sonko's arrest"))
    after = matching.read_claim(claim(2, 2, "49", "Police killed 49 people in the protests after Castillo's removal.",
                                      49, subject="people killed in the protests after Castillo's removal"))
    context = matching.read_claim(claim(3, 3, "46", "The office verified 46 deaths in the context of the protests.",
                                        46, subject="deaths in the context of the protests"))
    assert since.subject_key == "die unrest"
    assert after.subject_key == context.subject_key == "die protest"


def test_a_town_named_for_part_of_a_toll_is_not_the_tolls():
    sentence = "Amnesty confirmed at least eight deaths, most of them young men shot in Dakar."
    reading = matching.read_claim(claim(1, 1, "at least eight", sentence, 8, qualifier="at_least", subject="deaths"))
    assert reading.subject_key == "die"


def test_a_town_marker_and_the_towns_name_are_one_town():
    assert matching.subject_score("@cali cali die part-of strike", "cali die part-of strike") == 100.0
    assert matching.subject_score("@cali die", "cali die") == 100.0
    assert matching.subject_score("@cali die", "die") == 0.0  # a town's toll is not the country's
    assert matching.subject_score("@cali die", "@juliaca die") == 0.0


@pytest.mark.parametrize("a, b", [
    ("people detained for protesting against the war", "people detained at anti-war protests"),
    ("people arrested for opposing the war", "people arrested for their anti-war stance"),
    ("criminal cases over anti-war views", "criminal charges over anti-war statements"),
])
def test_ways_of_saying_against_the_war(a, b):
    score = terms_score(a, b)
    assert score >= matching.DEFAULT_THRESHOLD


def test_one_monitors_running_toll_may_grow_fast():
    early = claim(1, 1, "18", "Plataforma Decide said 18 people had been killed in Mozambique.",
                  18, subject="people killed", attribution="Plataforma Decide", published="2024-10-30")
    later = claim(2, 2, "130", "The toll in Mozambique has reached 130, according to "
                  "Plataforma Decide.", 130, subject="people killed",
                  attribution="Plataforma Decide", published="2024-12-22")
    linked = compare(early, later)
    assert linked is not None and linked.relation == "updates"
    # another source's figure that far apart in the same weeks is no rival count of the same dead
    other = dict(later, attribution="Radio Mozambique")
    assert compare(early, other) is None
    # arrests are not a toll: one march's 86 and a later 620 stay apart even from one source
    march = claim(3, 3, "86", "The collective said 86 people were detained in Nicaragua.", 86,
                  subject="people detained", attribution="the collective", published="2027-01-18")
    total = claim(4, 4, "620", "The collective said 620 people were detained in Nicaragua.", 620,
                  subject="people detained", attribution="the collective", published="2027-03-04")
    assert compare(march, total) is None


def test_one_sources_count_may_grow_fast_in_the_first_days():
    first = claim(1, 1, "945", "Punjab police say they have arrested 945 people in Pakistan since Tuesday.", 945,
                  subject="people arrested", attribution="Punjab police", published="2023-05-10")
    later = claim(2, 2, "3,200", "Punjab police said they had arrested 3,200 people in Pakistan.", 3200,
                  subject="people arrested", attribution="Punjab police", published="2023-05-13")
    linked = compare(first, later)
    assert linked is not None and linked.relation == "updates"
    # a month on, that growth is another count's (one rally's 86 against a running 620)
    month = dict(later, published="2023-06-20")
    assert compare(first, month) is None
    # and another source's figure that far apart is no rival count
    assert compare(first, dict(later, attribution="the party")) is None


def test_one_sources_running_total_since_one_start_may_grow_for_months():
    first = claim(1, 1, "329", "The joint command says soldiers have arrested 329 people in Ecuador since the "
                  "decree on Tuesday.", 329, subject="people arrested", attribution="the joint command",
                  published="2024-01-10")
    later = claim(2, 2, "more than 12,000", "The joint command said soldiers had arrested more than 12,000 "
                  "people in Ecuador since the January decree.", 12000, qualifier="more_than",
                  subject="people arrested", attribution="the joint command", published="2024-03-25")
    assert matching.read_claim(first).since == matching.read_claim(later).since == 1
    linked = compare(first, later)
    assert linked is not None and linked.relation == "updates"
    # without "since" in both, the later figure may count something else (one raid's arrests)
    raid = dict(first, sentence="The joint command says soldiers arrested 329 people in Ecuador in a raid on "
                "Tuesday.")
    assert matching.read_claim(raid).since == 0
    assert compare(raid, later) is None
    # nor does another source's running total grow into this one
    assert compare(first, dict(later, attribution="the party")) is None


@pytest.mark.parametrize("text, start", [
    ("16 people have been killed since Thursday", "2023-06-01"),   # read on Saturday 3 June
    ("4,000 detained since 28 April", "2023-04-28"),
    ("60 killed since March 2021", "2021-03-01"),
    ("800 charged since July", "2022-07-01"),                      # the last July before June 2023 is 2022's
    ("270 charged since 2020", "2020-01-01"),
    ("1,534 arrested since the decree", None),                     # since an event: no date to read
    # an event's day, when a verb says it began then
    ("74 killed since protesters returned to the streets on Friday", "2023-06-02"),
    ("418 killed since the protests began on 1 October", "2022-10-01"),
    ("three years since the failed coup on Monday", None),          # no start's verb: the day is another's
    # a toll of one day's protests, or of the protests of a date, counts from that day
    ("31 people died in Thursday's Saba Saba protests", "2023-06-01"),
    ("21 civilians died in the protests of 10 August 2022", "2022-08-10"),
])
def test_when_a_running_count_began(text, start):
    day = matching.day_number("2023-06-03")
    if start is None:
        assert matching.since_start(text, day) == 1
    else:
        assert matching.since_start(text, day) == matching.day_number(start)
    assert matching.since_start("16 people were killed on Thursday", day) == 0
    assert matching.since_start("40 people died in the protests", day) == 0


def test_a_counts_start_is_read_past_an_aside_that_interrupts_its_clause():
    died = claim(1, 1, "104", "The ministry said 104 people, eight of them police officers, had died since 28 April.",
                 104, subject="people died", published="2023-06-03")
    assert matching.read_claim(died).since == matching.day_number("2023-04-28")
    # (a part's own start, after "of whom", stays the part's)
    part = claim(2, 2, "1,500", "Viasna counts 1,500 political prisoners, five of whom have died since 2021.", 1500,
                 subject="political prisoners", published="2023-06-03")
    assert matching.read_claim(part).since == 0


def test_a_toll_of_last_years_event_holds_for_last_year():
    old = claim(1, 1, "about 60", "Last year's finance-bill protests cost about 60 lives in Kenya.", 60,
                qualifier="about", subject="lives", published="2025-09-24")
    assert matching.read_claim(old).day == matching.day_number("2024-12-31")
    # so this year's smaller toll of other protests is not its update
    now = claim(2, 2, "38", "38 people were killed in Kenya's Saba Saba protests.", 38, subject="people killed",
                published="2025-07-10")
    assert compare(old, now) is None and compare(now, old) is None
    # a count since last year's event runs to the day it is published, as does a count made now
    since = dict(old, sentence="Since last year's finance-bill protests about 60 people have died in Kenya.")
    assert matching.read_claim(since).day == matching.day_number("2025-09-24")
    now = dict(old, sentence="The commission still counts about 60 dead in last year's finance-bill protests.")
    assert matching.read_claim(now).day == matching.day_number("2025-09-24")


def test_a_count_since_a_date_does_not_update_a_figure_from_before_it():
    riots = claim(1, 1, "five", "The interior ministry said five people had died in Senegal in the rioting.", 5,
                  subject="people died", attribution="the interior ministry", published="2021-03-08")
    now = claim(2, 2, "16", "The interior ministry says 16 people have been killed in Senegal since Thursday, "
                "including members of the security forces.", 16, subject="people killed",
                attribution="the interior ministry", published="2023-06-03")
    assert compare(riots, now) is None
    # the same toll since a start before the earlier figure is that toll, grown
    since_2021 = dict(now, sentence="The interior ministry says 16 people have been killed in Senegal since "
                      "March 2021, including members of the security forces.")
    assert compare(riots, since_2021) is not None
    # another figure's start in the same sentence is not this one's
    freed = claim(3, 3, "about 1,250", "More than 250 political prisoners have been freed in Belarus since July "
                  "2024, Viasna says, but about 1,250 remain behind bars.", 1250, qualifier="about",
                  subject="political prisoners behind bars", published="2025-01-08")
    assert matching.read_claim(freed).since == 0


def test_a_toll_of_a_wave_of_unrest_counts_since_the_day_it_began():
    first = claim(1, 1, "Five", "Five people died in Senegal in the rioting that followed the arrest of the "
                  "opposition leader last Wednesday, the ministry said.", 5, subject="people died",
                  published="2021-03-08")
    second = claim(2, 2, "at least 23", "Amnesty counts at least 23 people killed in Senegal during the unrest that "
                   "followed the leader's conviction on 1 June, among them three children.", 23,
                   qualifier="at_least", subject="people killed", published="2023-06-20")
    assert matching.read_claim(first).since == matching.day_number("2021-03-03")
    assert matching.read_claim(second).since == matching.day_number("2023-06-01")
    assert compare(first, second) is None   # two waves, two tolls
    # a later count of the same wave is its toll grown
    later = dict(first, id=3, document_id=3, quote="14", value=14, low=14, high=14, published="2021-03-19",
                 sentence="Fourteen people in all died in Senegal in the rioting that followed the arrest of the "
                 "opposition leader on 3 March.".replace("Fourteen", "14"))
    assert matching.read_claim(later).since == matching.day_number("2021-03-03")
    match = compare(first, later)
    assert match is not None and match.relation == "updates"
    # a count since another start is another span: 60 killed since March 2021 hold the 23 of
    # June 2023 as a part, and do not update it
    since_2021 = claim(4, 4, "at least 60", "At least 60 people have been killed in Senegal in political unrest "
                       "since March 2021, Amnesty says.", 60, qualifier="at_least", subject="people killed",
                       published="2024-03-16")
    assert compare(second, since_2021) is None
    # but a year names any start within it: "since 2020" and "since November 2020" may be one
    charged = claim(5, 5, "253", "The law has been used against 253 people in Thailand since November 2020, the "
                    "lawyers say.", 253, subject="people charged", published="2022-06-01")
    later_charged = claim(6, 6, "more than 270", "More than 270 people have been charged in Thailand since 2020, "
                          "the lawyers say.", 270, qualifier="more_than", subject="people charged",
                          published="2023-05-16")
    assert compare(charged, later_charged) is not None
    # without the day it began, nothing is read
    plain = dict(first, sentence="Five people died in Senegal in the rioting, the ministry said.")
    assert matching.read_claim(first).day == matching.day_number("2021-03-08")  # the toll as published
    assert matching.read_claim(plain).since == 0


def test_a_month_last_year_dates_an_event_not_a_years_count():
    riots = claim(1, 1, "eight", "Hundreds are still in jail over the riots of May last year, in which eight people "
                  "were killed in Pakistan.", 8, subject="people killed", published="2024-08-01")
    year = claim(2, 2, "975", "Iran executed 975 people last year.", 975, subject="people executed",
                 published="2025-03-01")
    assert matching.read_claim(riots).period == "total"
    assert matching.read_claim(year).period == "year 2024"


def test_one_source_does_not_make_two_subjects_one():
    charged = claim(1, 1, "253", "Thai Lawyers for Human Rights says 253 people have been charged with "
                    "lese-majeste in Thailand.", 253, subject="people charged with lese-majeste",
                    attribution="Thai Lawyers for Human Rights", published="2023-05-16")
    jailed = claim(2, 2, "about 30", "Thai Lawyers for Human Rights says about 30 people are jailed on "
                   "lese-majeste charges in Thailand.", 30, qualifier="about", subject="people jailed on lese-majeste charges",
                   attribution="Thai Lawyers for Human Rights", published="2024-07-31")
    a, b = matching.read_claim(charged), matching.read_claim(jailed)
    assert matching.subject_score(a.subject_key, b.subject_key) < matching.DEFAULT_THRESHOLD
    assert compare(charged, jailed) is None
    # the same subject from one source still gains the bonus
    again = dict(charged, id=3, document_id=3, value=272, low=272, high=272, quote="272",
                 sentence=charged["sentence"].replace("253", "272"), published="2024-07-31")
    assert compare(charged, again).score == 100.0


@pytest.mark.parametrize("a, b", [
    ("people killed", "supporters killed"),
    ("people wounded", "patients wounded"),
    ("minimum prison term", "maximum prison term"),
])
def test_slices_of_supporters_patients_and_bounds(a, b):
    score = terms_score(a, b)
    assert score < matching.DEFAULT_THRESHOLD


def test_when_the_accused_act_happened_is_not_the_counts_span():
    assert lexicon.period_kind("102 civilians accused of attacking army buildings that day are awaiting trial") == "total"
    assert lexicon.period_kind("30 people charged with rioting on the first day") == "total"
    assert lexicon.period_kind("police detained 300 people that day") == "interval"
    # when a figure was given is not its span either
    assert lexicon.period_kind("The police gave a lower figure on the same day, about 9,000") == "total"


def test_a_running_toll_since_unrest_began_grows_fast_by_anyones_count():
    early = claim(1, 1, "at least 32", "Clashes in Bangladesh brought the number of dead since Tuesday to at least 32, "
                  "the newspaper counts.", 32, qualifier="at_least", subject="dead", attribution="the newspaper",
                  published="2024-07-18")
    later = claim(2, 2, "About 650", "About 650 people were killed in Bangladesh in the unrest, the UN rights office "
                  "said.", 650, qualifier="about", subject="people killed", attribution="the UN rights office",
                  published="2024-08-16")
    assert matching.read_claim(early).since > 1
    match = compare(early, later)
    assert match is not None and match.relation == "corroborates"  # "at least 32" holds 650
    # a toll that does not run since a start is not read as an early running toll
    plain = dict(early, sentence="At least 32 people were killed in clashes in Bangladesh, the newspaper counts.")
    assert matching.read_claim(plain).since == 0 and compare(plain, later) is None
    # nor does the growth hold for ever: a year on, 650 is another toll
    year_on = dict(later, published="2025-07-18")
    assert compare(early, year_on) is None


def test_a_toll_since_an_event_may_grow_without_bound_whoever_counts():
    early = claim(1, 1, "54", "AAPP says the number of people killed by the security forces in Myanmar since the coup "
                  "has reached 54.", 54, subject="people killed", attribution="AAPP", published="2021-03-04")
    later = claim(2, 2, "more than 2,100", "The prisoners' group counts more than 2,100 people killed in Myanmar since "
                  "the coup.", 2100, low=2100, high=None, qualifier="more_than", subject="people killed",
                  attribution="the prisoners' group", published="2022-07-25")
    match = compare(early, later)
    assert match is not None and match.relation == "updates"
    # not a toll without a start: 54 dead, then 2,100 dead, are other counts
    plain = claim(3, 3, "54", "AAPP says 54 people were killed in Myanmar.", 54, subject="people killed",
                  attribution="AAPP", published="2021-03-04")
    assert compare(plain, later) is None
