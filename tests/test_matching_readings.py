"""How the matcher reads a claim's words when the extractor leaves some out, and the
decisions that follow (checks.matching.read_claim and compare), on cases written the
way long news reports put them."""

import datetime

from test_matching_decision import claim

from checks import lexicon
from checks.matching import compare, read_claim

MECHANISM = "The Registry of Political Prisoners"


def test_a_monitors_name_says_what_its_bare_figure_counts():
    lists = claim(1, 1, "168", f"{MECHANISM} now lists 168 people.", 168, subject="people",
                  published="2027-04-20")
    counts = claim(2, 2, "157", f"{MECHANISM} counts 157 political prisoners in Nicaragua.", 157,
                   subject="political prisoners", published="2027-03-04")
    assert read_claim(lists).subject_key == "political prisoner"
    match = compare(lists, counts)
    assert match is not None and match.relation == "updates"
    # a figure that names its own noun keeps it: the monitor's name does not replace it
    raids = claim(3, 3, "12", f"{MECHANISM} says police searched 12 homes.", 12, subject="homes")
    assert "prisoner" not in read_claim(raids).subject_key
    # without a name that says it, a bare figure stays bare
    plain = claim(4, 4, "168", "The group now lists 168 people.", 168, subject="people")
    assert "prisoner" not in read_claim(plain).subject_key


def test_the_total_an_addition_brings_a_list_to_is_the_running_total():
    text = f"{MECHANISM} counted 47 new political prisoners in February, bringing its list to 157."
    total = claim(1, 1, "157", text, 157, subject="new political prisoners", published="2027-03-04")
    added = claim(2, 1, "47", text, 47, subject="new political prisoners", published="2027-03-04")
    reading, addition = read_claim(total), read_claim(added)
    assert (reading.subject_key, reading.period) == ("political prisoner", "total")
    assert (addition.subject_key, addition.period) == ("new political prisoner", "interval")
    earlier = claim(3, 2, "212", f"{MECHANISM} counts 212 political prisoners.", 212,
                    subject="political prisoners", published="2027-01-18")
    assert compare(earlier, total) is not None
    assert compare(earlier, dict(added, document_id=3)) is None


def test_a_verb_before_the_figure_says_what_happened_to_those_counted():
    freed = claim(1, 1, "135", "The government frees 135 political prisoners and flies them abroad.", 135,
                  subject="political prisoners", published="2027-02-08")
    held = claim(2, 2, "212", f"{MECHANISM} counts 212 political prisoners.", 212,
                 subject="political prisoners", published="2027-01-18")
    released = claim(3, 3, "135", "Nicaragua released 135 political prisoners on Friday.", 135,
                     subject="political prisoners released", published="2027-02-09")
    assert "release" in read_claim(freed).subject_key.split()
    assert compare(held, freed) is None
    match = compare(freed, released)
    assert match is not None and match.relation == "corroborates"
    # a verb of counting is not an event
    assert read_claim(held).subject_key == "political prisoner"


def test_a_bare_slice_belongs_to_the_group_named_before_it():
    freed = claim(1, 1, "14", "Those freed included 14 women and a group of priests.", 14, subject="women")
    jailed = claim(2, 2, "16", "Among those behind bars are 16 women, it said.", 16, subject="women")
    listed = claim(3, 3, "18", f"{MECHANISM} counts 201, among them 18 women.", 18, subject="women")
    of_them = claim(4, 4, "14", "The government frees 135 political prisoners, 14 of them women.", 14,
                    subject="women political prisoners")
    assert read_claim(freed).subject_key == "release woman"
    assert read_claim(jailed).subject_key == "arrest woman"
    assert read_claim(listed).subject_key == "political prisoner woman"
    assert read_claim(of_them).subject_key == "political prisoner release woman"
    assert compare(freed, listed) is None and compare(listed, of_them) is None
    restated = claim(5, 5, "14", "Those freed on Friday included 14 women.", 14, subject="women")
    assert compare(freed, restated) is not None


def test_who_gives_a_count_is_no_part_of_what_it_counts():
    plain = claim(1, 1, "about 400", "There were about 400 people on board.", 400, subject="people on board",
                  qualifier="about")
    for subject in ("people on board by survivors' accounts", "people on board according to the coastguard",
                    "people on board by the coastguard's count"):
        assert read_claim(dict(plain, subject=subject)).subject_key == read_claim(plain).subject_key
    # a count that is what is counted stays: "vote count" is not emptied
    assert read_claim(dict(plain, subject="ballots in the recount")).subject_key != ""


def test_where_someone_fled_to_is_not_where_the_figure_holds():
    fled = claim(1, 1, "15 years", "DHAKA — Sheikh Hasina resigned and fled to India on Monday, ending 15 years in "
                 "power.", 15, unit="years", subject="in power")
    assert read_claim(fled).place == "Bangladesh"
    refugees = claim(2, 2, "1.5 million", "About 1.5 million Ukrainian refugees fled to Poland.", 1500000,
                     subject="refugees fled", qualifier="about")
    assert read_claim(refugees).place == "Poland"  # refugees are counted where they went


def test_how_people_were_taken_is_not_who_was_taken():
    raids = claim(1, 1, "more than 10,000", "Police have taken more than 10,000 people into custody in raids.", 10000,
                  subject="people taken into custody in raids", qualifier="more_than")
    plain = dict(raids, subject="people arrested")
    assert read_claim(raids).subject_key == read_claim(plain).subject_key == "arrest"
    searched = dict(raids, subject="raids on homes", sentence="Police carried out more than 10,000 raids on homes.")
    assert "search" in read_claim(searched).subject_key.split()


def test_jailed_for_political_reasons_are_political_prisoners_unless_taken_in_then():
    jailed = claim(1, 1, "201", "The monitor puts the number of people jailed for political reasons at 201.", 201,
                   subject="people jailed for political reasons", published="2027-07-01")
    counted = claim(2, 2, "205", "The monitor counts 205 political prisoners.", 205,
                    subject="political prisoners", published="2027-07-14")
    assert read_claim(jailed).subject_key == "political prisoner"
    assert compare(jailed, counted) is not None
    detained = dict(jailed, sentence="Amnesty says more than 170 people are detained for political reasons.",
                    quote="more than 170", subject="people detained for political reasons")
    assert read_claim(detained).subject_key == "political prisoner"
    in_may = claim(3, 3, "45", "In May, 45 people were jailed for political reasons.", 45,
                   subject="people jailed for political reasons")
    since = claim(4, 4, "900", "Since 2020, 900 people have been jailed for political reasons.", 900,
                  subject="people jailed for political reasons")
    assert "prisoner" not in read_claim(in_may).subject_key
    assert "prisoner" not in read_claim(since).subject_key


def test_election_night_in_the_figures_clause_narrows_it_to_that_night():
    night = claim(1, 1, "180", "On election night alone, police detained 180 people in the capital.", 180,
                  subject="people detained", published="2026-03-03")
    overnight = claim(2, 2, "about 180", "About 180 people were detained overnight, the observatory said.", 180,
                      subject="people detained overnight", qualifier="about", published="2026-03-04")
    since = claim(3, 3, "2,400", "Since the vote, 2,400 people have been detained.", 2400,
                  subject="people detained", published="2026-03-19")
    assert "overnight" in read_claim(night).subject_key.split()
    assert compare(night, since) is None
    assert compare(night, overnight) is not None


def test_a_timelines_date_label_dates_its_figure():
    entry = claim(1, 1, "86", "17 January: police break up a march in the capital and detain 86 people.", 86,
                  subject="people", published="2027-07-14")
    reading = read_claim(entry)
    assert reading.day == datetime.date(2027, 1, 17).toordinal()
    assert reading.subject_key == "arrest"  # the clause of the figure: "and detain 86 people"
    month = claim(2, 1, "47", "February: the monitor records 47 new political prisoners.", 47,
                  subject="new political prisoners", published="2027-07-14")
    assert read_claim(month).day == datetime.date(2027, 2, 28).toordinal()


def test_taken_into_custody_is_detained():
    taken = claim(1, 1, "86", "The group said 86 were taken into custody in Managua.", 86,
                  subject="people taken", published="2027-01-25")
    detained = claim(2, 2, "86", "Police broke up the march, detaining 86 people.", 86, subject="people",
                     published="2027-01-18")
    assert read_claim(taken).subject_key == read_claim(detained).subject_key == "arrest"
    assert compare(detained, taken).relation == "corroborates"


def test_the_group_a_sentence_opens_with_is_who_counts():
    "A monitor revising its own count within weeks updates it, even when the extractor missed the attribution."
    revised = claim(1, 1, "243", f"{MECHANISM} added 31 names to its list, bringing its total to 243.", 243,
                    subject="names", published="2027-01-25")
    earlier = claim(2, 2, "212", f"{MECHANISM} counts 212 political prisoners.", 212,
                    subject="political prisoners", attribution="Registry of Political Prisoners",
                    published="2027-01-18")
    match = compare(earlier, revised)
    assert match is not None and match.relation == "updates"
    assert read_claim(revised).source == "registry of political prisoners"
    assert read_claim(claim(3, 3, "40", "Belarus says 40 people were held.", 40, subject="people held")).source \
        == "outlet"  # a country opening the sentence is not a monitor: the publisher stays the source


def test_another_elections_share_is_not_an_update():
    def share(id_, quote, value, sentence, published):
        return claim(id_, id_, quote, sentence, value, subject="share of the vote", published=published,
                     unit="percent")

    first = share(1, "80.1%", 80.1, "Lukashenko was credited with 80.1% of the vote.", "2020-08-10")
    second = share(2, "86.8%", 86.8, "Lukashenko was credited with 86.8% of the vote.", "2025-01-27")
    restated = share(3, "80.1%", 80.1, "In 2020 he had been credited with 80.1% of the vote.", "2025-01-28")
    assert compare(first, second) is None
    match = compare(first, restated)
    assert match is not None and match.relation == "corroborates"


def test_words_after_a_figure_that_open_another_clause_do_not_say_what_it_counts():
    bare = claim(1, 1, "1,118", "In Belarus, Viasna counts 1,118 even after a wave of pardons.", 1118,
                 title="Belarus's political prisoners: the count keeps climbing", published="2026-02-27")
    stated = claim(2, 2, "1,130", "Viasna counts 1,130 political prisoners in Belarus.", 1130,
                   subject="political prisoners", published="2026-02-03")
    assert read_claim(bare).subject_key == "political prisoner"  # from the title, not "even wave"
    match = compare(stated, bare)
    assert match is not None and match.relation == "updates"


def test_a_figure_in_a_relative_clause_is_placed_by_the_one_it_describes():
    ruler = claim(1, 1, "27 years", "Lukashenko, who has ruled for 27 years, met Putin in St Petersburg.", 27,
                  subject="in power", published="2021-07-14", unit="years")
    assert read_claim(ruler).place == "Belarus"
    guest = dict(ruler, sentence="Putin met Lukashenko, who has ruled Belarus for 27 years, in Sochi.")
    assert read_claim(guest).place == "Belarus"


def test_arrests_at_one_rally_are_not_updated_by_arrests_at_another():
    january = claim(1, 1, "86", "Police detained 86 people at a march in Managua, the centre said.", 86,
                    subject="people detained", published="2027-01-18")
    june = claim(2, 2, "30", "Police detained 30 people on 27 June during a silent march in Masaya.", 30,
                 subject="people detained", published="2027-07-01")
    vigil = claim(3, 3, "12", "Police detained 12 people at a vigil in León on Sunday.", 12,
                  subject="people detained", published="2027-03-04")
    restated = claim(4, 4, "86", "In January police detained 86 people at a Managua march.", 86,
                     subject="people detained", published="2027-07-14")
    assert read_claim(january).subject_key == read_claim(june).subject_key == "arrest rally"
    assert read_claim(vigil).subject_key == "arrest vigil"
    assert compare(january, june) is None  # months apart: another rally
    assert compare(vigil, dict(vigil, id=5, document_id=5, published="2027-03-05")) is not None
    assert compare(january, vigil) is None
    match = compare(january, restated)  # the same figure months later: the same rally
    assert match is not None and match.relation == "corroborates"


def test_prisoners_expelled_abroad_were_released():
    expelled = claim(1, 1, "135", "A month after 135 prisoners were expelled to Guatemala, the cells are filling.", 135,
                     subject="prisoners expelled", published="2027-03-04")
    freed = claim(2, 2, "135", "In February the government freed 135 prisoners and flew them abroad.", 135,
                  subject="prisoners freed", published="2027-03-05")
    assert read_claim(expelled).subject_key == read_claim(freed).subject_key == "prisoner release"
    exiles = claim(3, 3, "300", "Some 300 opposition figures have been expelled since 2023.", 300,
                   subject="opposition figures expelled")
    assert "release" not in read_claim(exiles).subject_key  # not prisoners: an exile, not a release


def test_complaints_filed_are_complaints():
    filed = claim(1, 1, "more than 1,800", "Rights groups say more than 1,800 people have filed complaints of "
                  "abuse in custody.", 1800, qualifier="more_than", subject="complaints filed")
    logged = claim(2, 2, "more than 2,000", "Rights groups have logged more than 2,000 complaints.", 2000,
                   qualifier="more_than", subject="complaints", published="2025-04-01")
    assert read_claim(filed).subject_key == read_claim(logged).subject_key == "complaint"


def test_refugees_hosted_are_a_level_however_dated_and_crossings_a_flow():
    hosted = claim(1, 1, "662,000", "The UNHCR counted 662,000 Sudanese refugees in Chad in August.", 662000,
                   subject="Sudanese refugees", published="2027-09-02")
    earlier = claim(2, 2, "about 640,000", "Chad now hosts about 640,000 refugees from Sudan, the UN says.", 640000,
                    subject="refugees", qualifier="about", low=None, high=None, published="2027-08-05")
    crossed = claim(3, 3, "24,000", "Another 24,000 refugees crossed into Chad during August.", 24000,
                    subject="refugees crossed", published="2027-09-03")
    assert read_claim(hosted).period == read_claim(earlier).period == "total"
    assert read_claim(crossed).period == "interval"
    match = compare(earlier, hosted)
    assert match is not None and match.relation == "corroborates"


def test_where_people_came_from_is_not_what_a_report_is_about():
    from checks import lexicon

    title, text = "Rains slow the flight from Darfur", ("More than 700,000 Sudanese refugees shelter in Chad. "
                                                      "Arrivals slowed as rains cut the roads from Darfur.")
    dominant, named = lexicon.document_places(text, title)
    assert dominant != "Sudan" and "Chad" in named
    assert lexicon.document_places("Refugees from Sudan keep coming.", "Sudan's war")[0] == "Sudan"
    # who people are is not where they fled from: "officials from Lithuania" still name it
    assert "Lithuania" in lexicon.document_places("Officials from Lithuania met in Vilnius.", "Talks")[1]


def test_a_link_to_another_story_does_not_say_what_a_report_is_about():
    from checks import lexicon

    text = ("DHAKA — Sheikh Hasina resigned and fled to India on Monday.\n"
            "At least 100 people were killed on Monday, a newspaper says.\n"
            "Related: India puts its border force on high alert\n"
            "Read more: India and its neighbours")
    assert lexicon.document_places(text, "A deadly day ends her rule")[0] == "Bangladesh"
    linked = text.replace("Related: ", "").replace("Read more: ", "")
    assert lexicon.document_places(linked, "A deadly day ends her rule")[0] == "India"


def test_a_level_that_stood_at_a_figure_is_that_level():
    stood = claim(1, 1, "640", "In May the number of people in pre-trial detention stood at 640.", 640,
                  subject="people")
    held = claim(2, 2, "about 650", "About 650 people are in pre-trial detention, lawyers say.", 650,
                 subject="people in pre-trial detention", qualifier="about", low=None, high=None)
    assert "stood" not in read_claim(stood).subject_key
    assert read_claim(stood).subject_key == read_claim(held).subject_key


def test_a_figure_dated_to_the_start_of_a_month_holds_then():
    restated = claim(1, 1, "about 640,000", "More than 700,000 refugees are in Chad, up from about 640,000 at the "
                     "start of August.", 640000, subject="refugees", qualifier="about", low=None, high=None,
                     published="2027-11-10")
    assert read_claim(restated).day == datetime.date(2027, 8, 31).toordinal()


def test_a_slice_including_in_a_group_belongs_to_it_and_to_what_happened_to_it():
    freed = claim(1, 1, "85", "It counts 640 political prisoners freed since June, including 85 women.", 85,
                  subject="women")
    held = claim(2, 2, "160", "Viasna counts 1,150 political prisoners, including 160 women.", 160, subject="women")
    share = claim(3, 3, "170", "Women account for 170 of those still held.", 170, subject="people")
    assert read_claim(freed).subject_key == "political prisoner release woman"
    assert read_claim(held).subject_key == "political prisoner woman"
    assert "woman" in read_claim(share).subject_key.split()


def test_one_nights_toll_is_read_only_from_its_own_part_of_the_sentence():
    text = "At least 27 people were killed after the vote, 11 of them on election night."
    since = claim(1, 1, "At least 27", text, 27, subject="people killed", qualifier="at_least")
    night = claim(2, 1, "11", text, 11, subject="people killed on election night")
    assert read_claim(since).subject_key == "die"  # "after the vote" is when, not what
    assert read_claim(night).subject_key == "die overnight"
    earlier = claim(3, 2, "At least 16", "At least 16 people have been killed since the election.", 16,
                    subject="people killed since the election", qualifier="at_least", published="2025-01-01")
    assert read_claim(earlier).subject_key == "die"
    assert compare(earlier, since) is not None


def test_remaining_in_prison_is_being_in_prison():
    remain = claim(1, 1, "9", "Nine journalists remain in prison, the union says.", 9,
                   subject="journalists in prison")
    jailed = claim(2, 2, "11", "The union says 11 journalists are behind bars.", 11, subject="journalists behind bars",
                   published="2025-02-10")
    custody = claim(3, 3, "About 1,000", "About 1,000 people detained since the vote remain in custody.", 1000,
                    subject="people detained", qualifier="about", low=None, high=None)
    assert read_claim(remain).subject_key == read_claim(jailed).subject_key == "arrest journalist"
    assert "still" in read_claim(custody).subject_key.split()  # held now, not everyone detained


def test_the_month_of_march_is_neither_a_rally_nor_what_is_counted():
    listed = claim(1, 1, "1,180", "Viasna listed 1,180 political prisoners in March.", 1180,
                   subject="political prisoners", published="2025-04-02")
    reading = read_claim(listed)
    assert (reading.subject_key, reading.period) == ("political prisoner", "total")
    tally = claim(2, 2, "1,160", "The tally of people behind bars for their views was 1,160 last week.", 1160,
                  subject="people")
    assert "last" not in read_claim(tally).subject_key.split()


def test_since_the_protests_began_is_when_not_who():
    since = claim(1, 1, "at least 410", "At least 410 people have been detained since the protests started.", 410,
                  subject="people detained since the protests started", qualifier="at_least")
    began = claim(2, 2, "More than 500", "More than 500 people have been detained since demonstrations began.", 500,
                  subject="people detained since demonstrations began", qualifier="more_than", published="2025-03-27")
    rally = claim(3, 3, "86", "Police detained 86 people at a march in the capital.", 86,
                  subject="people detained at the march")
    assert read_claim(since).subject_key == read_claim(began).subject_key == "arrest"
    assert compare(since, began) is not None
    assert read_claim(rally).subject_key == "arrest rally"  # one march's arrests stay apart


def test_a_group_the_extractor_could_not_name_is_no_source():
    "'The group counts…' with nobody named before it: the outlet stands behind it, not 'group'."
    unnamed = claim(1, 1, "1,150", "The group counts 1,150 political prisoners.", 1150,
                    subject="political prisoners", attribution="group")
    named = claim(2, 2, "1,150", "Viasna counts 1,150 political prisoners.", 1150,
                  subject="political prisoners", attribution="Viasna")
    assert read_claim(unnamed).source == read_claim(dict(unnamed, attribution=None)).source != "group"
    assert read_claim(named).source == "viasna"


def test_a_fact_box_year_row_counts_that_year():
    row = claim(1, 1, "66,317", "- 2024: 66,317", 66317, subject="sea arrivals in italy")
    assert read_claim(row).period == "year 2024"
    stock = claim(2, 1, "1,421", "- 2024: 1,421", 1421, subject="political prisoners")
    assert read_claim(stock).period == "total"  # how many are held is a level, whatever row it sits in


def test_what_happened_on_one_weekday_is_that_days_count_but_when_it_was_said_is_not():
    day = claim(1, 1, "At least 22", "At least 22 people were killed on Tuesday as police fired on crowds.", 22,
                subject="people killed", qualifier="at_least")
    assert read_claim(day).period == "interval"
    said = claim(2, 1, "39", "The commission said on Tuesday that 39 people had been killed since June.", 39,
                 subject="people killed")
    assert read_claim(said).period == "total"


def test_the_day_a_one_day_count_names_dates_it_weekday_or_date_before_when():
    def day_of(quote, text, published):
        reading = read_claim(claim(1, 1, quote, text, 1, subject="people killed", published=published))
        return reading.period, datetime.date.fromordinal(reading.day).isoformat()

    # Sunday 6 March 2022, told a week later, in three ways
    assert day_of("more than 5,000", "Sunday was the busiest day so far, the monitor said: police held more "
                  "than 5,000 people in 60 towns.", "2022-03-08") == ("interval", "2022-03-06")
    assert day_of("more than 5,000", "The busiest day is still 6 March, when more than 5,000 people were "
                  "held.", "2022-03-14") == ("interval", "2022-03-06")
    assert day_of("11", "The mayor wants an inquiry into the night of 6 March, when 11 people were killed "
                  "near the bridge.", "2022-04-01") == ("interval", "2022-03-06")
    assert day_of("11", "On Sunday, 11 people were killed near the bridge.", "2022-03-08") == ("interval",
                                                                                           "2022-03-06")
    assert day_of("11", "Police said 11 people had been killed on Sunday near the bridge.",
                  "2022-03-06") == ("interval", "2022-03-06")
    # a toll of what happened on a weekday is that day's too, whatever its period
    assert day_of("At least eight", "At least eight people were killed in the city of Ayacucho on Thursday when "
                  "soldiers fired.", "2022-12-16") == ("total", "2022-12-15")
    # told on Tuesday: a total as it stood when published, not a count for the day
    assert day_of("40", "The ministry said on Tuesday that 40 people had died since the protests began.",
                  "2022-03-09") == ("total", "2022-03-09")
    # so the two reports of Sunday's arrests, a week apart, are one figure
    first = claim(1, 1, "more than 5,000", "Sunday was the busiest day so far: police held more than 5,000 "
                  "people in Russia.", 5000, subject="people held", qualifier="more_than", published="2022-03-08")
    again = claim(2, 2, "more than 5,000", "The busiest day is still 6 March, when more than 5,000 people were "
                  "held in Russia.", 5000, subject="people held", qualifier="more_than", published="2022-03-14")
    match = compare(first, again)
    assert match is not None and match.relation == "corroborates"


def test_the_figure_named_again_with_its_month_is_a_level_not_that_months_count():
    again = claim(1, 1, "more than 500,000", "In July 2019 the figure had been more than 500,000.", 500000,
                  subject="people detained", qualifier="more_than")
    assert read_claim(again).period == "total"


def test_a_day_after_as_of_dates_the_figure():
    count = claim(1, 1, "278", "The group's count was 278, as of 10 January.", 278, subject="people killed",
                  published="2025-01-13")
    assert read_claim(count).day == datetime.date(2025, 1, 10).toordinal()


def test_a_running_total_after_one_days_death_is_still_a_total():
    toll = claim(1, 1, "at least four", "A man died in hospital on Thursday, bringing the number of people killed "
                 "in the crackdown to at least four, rights groups said.", 4, subject="people killed",
                 qualifier="at_least")
    assert read_claim(toll).period == "total"


def test_part_of_a_count_in_a_city_or_an_event_is_not_the_whole():
    whole = claim(1, 1, "9,900", "The ministry says 9,900 people have been detained, more than 5,000 of "
                  "them in Almaty.", 9900, subject="people detained", published="2022-01-11")
    part = claim(2, 1, "more than 5,000", whole["sentence"], 5000, qualifier="more_than",
                 subject="people detained", published="2022-01-11")
    later = claim(3, 2, "about 10,000", "About 10,000 people were detained in Kazakhstan.", 10000,
                  qualifier="about", subject="people detained", published="2022-01-20")
    assert "part-of" in read_claim(part).subject_key.split()
    assert "part-of" not in read_claim(whole).subject_key.split()
    assert compare(whole, later) is not None
    assert compare(dict(part, document_id=3), later) is None
    shot = claim(4, 3, "20", "The group found that 20 of the dead had been shot in the head.", 20,
                 subject="dead shot")
    assert "part-of" in read_claim(shot).subject_key.split()


def test_a_countrys_part_or_a_named_slice_says_what_part_itself():
    for sentence, quote, subject in [
        ("CPJ counted 363 journalists in prison worldwide; Belarus held 26 of them.", "26", "journalists"),
        ("There are 1,200 political prisoners, more than 140 of them women.", "more than 140",
         "women political prisoners"),
        ("Some 1,100 were detained across the region, 400 of them in Belarus.", "400", "people detained"),
    ]:
        value = int(quote.split()[-1])
        assert "part-of" not in read_claim(claim(1, 1, quote, sentence, value, subject=subject)).subject_key


def test_a_year_named_with_when_before_a_figure_is_its_year():
    text = ("At least 5,601 people were killed in gang violence in Haiti in 2024, 812 more than in "
            "2023, when 4,789 people lost their lives.")
    earlier = claim(1, 1, "4,789", text, 4789, subject="people died", published="2025-01-10")
    later = claim(2, 1, "At least 5,601", text, 5601, qualifier="at_least", subject="people killed",
                  published="2025-01-10")
    assert read_claim(earlier).period == "year 2023"
    assert read_claim(later).period == "year 2024"


def test_gang_violence_is_the_unrest_a_toll_happened_in():
    from checks.matching import SUBSET_SCORE, subject_score
    from checks import lexicon

    assert subject_score("die", "die gang violence") >= SUBSET_SCORE
    assert subject_score("die", "die gang member") < SUBSET_SCORE  # gang members are who died
    assert "whom" not in lexicon.subject_terms("of whom Kenyan police")


def test_crowds_of_two_rallies_are_two_events_and_attended_counts_a_crowd():
    march = claim(1, 1, "36,000", "The interior ministry said 36,000 people attended Saturday's rally.", 36000,
                  subject="people attended", published="2025-06-30", attribution="interior ministry")
    rival = claim(2, 2, "about 60,000", "Independent counters estimated the crowd at about 60,000.", 60000,
                  qualifier="about", subject="crowd", published="2025-07-01", attribution="Independent counters")
    later = claim(3, 3, "about 110,000", "Counters put the crowd at about 110,000.", 110000,
                  qualifier="about", subject="crowd", published="2025-11-02")
    assert read_claim(march).subject_key == "march"
    assert compare(march, rival).relation == "contradicts"  # one rally, two counts
    assert compare(rival, later) is None  # another rally months later: no update


def test_arrests_after_a_rally_are_that_rallys_and_a_time_word_of_the_next_clause_is_not_mine():
    after = claim(1, 1, "79", "The minister said 79 people had been detained after the rally in June.", 79,
                  subject="people detained", published="2025-06-30")
    assert "rally" in read_claim(after).subject_key.split()
    assert read_claim(after).period == "total"  # one rally's arrests: a fixed figure, not June's flow
    text = "Students keep about 80 faculties under blockade, and the daily silence now lasts 16 minutes."
    faculties = claim(2, 2, "about 80", text, 80, qualifier="about", subject="faculties")
    assert read_claim(faculties).period == "total"


def test_a_towns_toll_is_not_the_countrys_nor_another_towns():
    town = claim(1, 1, "At least eight", "At least eight people were killed in the city of Ayacucho on Thursday.",
                 8, qualifier="at_least", subject="people killed", published="2022-12-16")
    again = claim(2, 2, "10", "In Ayacucho, where 10 people were killed, mourners gathered.", 10,
                  subject="people killed", published="2022-12-20")
    other = claim(3, 3, "17", "In Juliaca, where 17 people were killed, shops stayed shut.", 17,
                  subject="people killed", published="2022-12-21")
    country = claim(4, 4, "18", "The ombudsman said 18 people had died in the protests in Peru.", 18,
                    subject="people died", published="2022-12-17")
    assert read_claim(town).subject_key == "@ayacucho die"
    assert compare(town, again) is not None
    assert compare(town, other) is None and compare(again, other) is None
    assert compare(town, country) is None
    # places the gazetteer knows are places, not towns; arrests are not read this way
    minsk = claim(5, 5, "12", "Twelve people were killed in Minsk.", 12, subject="people killed")
    assert "@" not in read_claim(minsk).subject_key
    # ... except a known city a sentence opens a toll with: "in Zahedan, where 104 were shot"
    zahedan = claim(7, 7, "at least 104", "The deadliest single event was in Zahedan, where at least 104 people "
                    "were shot dead.", 104, qualifier="at_least", subject="people shot dead", published="2022-10-04")
    iran = claim(8, 8, "at least 133", "Iran Human Rights says at least 133 people have been killed in Iran.", 133,
                 qualifier="at_least", subject="people killed", published="2022-10-04")
    assert read_claim(zahedan).subject_key.startswith("@zahedan ")
    assert compare(zahedan, iran) is None
    # a toll in a town "and in the southern cities" is no one town's
    several = claim(23, 23, "more than 70", "The party says more than 70 protesters were shot dead in N'Djamena and in "
                    "the southern cities.", 70, qualifier="more_than", subject="protesters shot dead")
    assert "@" not in read_claim(several).subject_key
    both = claim(24, 24, "nine", "The ministry said nine people had died in the clashes in Dakar and Ziguinchor.", 9,
                 subject="people died")
    assert "@" not in read_claim(both).subject_key
    country_where = claim(9, 9, "40", "In Iran, where 40 people were killed, shops stayed shut.", 40,
                          subject="people killed")
    assert "@" not in read_claim(country_where).subject_key
    # one town's attack, told four ways: all that town's toll
    ways = [("about 70", "A gang killed about 70 people in the farming town of Pont-Sondé on Thursday."),
            ("at least 115", "In the attack on Pont-Sondé on 3 October, after the reporting period, at least 115 "
                             "people were killed."),
            ("at least 115", "The worst attacks were in Pont-Sondé on 3 October, where at least 115 people were "
                             "killed."),
            ("115", "The office counts 115 people killed in the attack on Pont-Sondé.")]
    for i, (quote, text) in enumerate(ways):
        reading = read_claim(claim(10 + i, 10 + i, quote, text, 1, subject="people killed"))
        assert "@pont-sondé" in reading.subject_key.split() or "pont-sondé" in reading.subject_key.split(), text
    # "in X on <date>, when": that town's toll that day
    when = claim(31, 31, "10", "The deadliest days were in Ayacucho on 15 December, when 10 people were killed.", 10,
                 subject="people killed")
    assert "@ayacucho" in read_claim(when).subject_key.split()
    # (not without the date: "in 2022, when" is a time)
    no_date = claim(32, 32, "10", "Protests spread in Ayacucho, when 10 people were killed.", 10,
                    subject="people killed")
    assert "@ayacucho" not in read_claim(no_date).subject_key.split()
    # a capital is no town of its country: "in Lomé" is Togo's, as "in Minsk" is Belarus's
    capital = claim(34, 34, "at least seven", "Amnesty said at least seven people died during the protests in Lomé.",
                    7, qualifier="at_least", subject="people died")
    assert "@" not in read_claim(capital).subject_key
    # … but a part "of whom" died there is the capital's part
    part = claim(35, 35, "18", "Monitors confirmed the deaths of at least 27 civilians, 18 of whom died in Freetown.",
                 18, subject="civilians died")
    assert "@freetown" in read_claim(part).subject_key.split()
    # "In X alone, …": that town's part
    alone = claim(33, 33, "at least 12", "In Douala alone, local rights groups counted at least 12 dead.", 12,
                  qualifier="at_least", subject="dead")
    assert "@douala" in read_claim(alone).subject_key.split()
    # "in X, a village … where": that village's toll, not the country's
    village = claim(30, 30, "42", "He was sentenced for inciting the violence in Mandakao, a village in the south where "
                    "42 people were killed in clashes in May.", 42, subject="people killed")
    assert "@mandakao" in read_claim(village).subject_key.split()
    # a subject naming the town already is not marked twice, and still matches the marked one
    named = claim(20, 20, "at least 115", "In the attack on Pont-Sondé on 3 October, at least 115 people were "
                  "killed.", 115, qualifier="at_least", subject="people killed in Pont-Sondé", published="2024-10-11")
    marked = claim(21, 21, "at least 115", "The worst attacks were in Pont-Sondé on 3 October, where at least 115 "
                   "people were killed.", 115, qualifier="at_least", subject="people killed", published="2025-01-08")
    assert read_claim(named).subject_key == "die pont-sondé"
    assert compare(named, marked) is not None
    # "In Minsk, 40 were held": an opening city the gazetteer knows is not a town's toll without
    # "where" (it is where much news is told from) …
    opening = claim(22, 22, "40", "In Kharkiv, 40 people were killed last year.", 40, subject="people killed")
    assert "@" not in read_claim(opening).subject_key
    # … but a town it does not know, opening the sentence, holds the sentence's toll
    town = claim(23, 23, "at least 32", "In Nzérékoré, in the forest region, clashes around the vote killed at "
                 "least 32 people, local officials said.", 32, qualifier="at_least", subject="people killed")
    assert "@nzérékoré" in read_claim(town).subject_key.split()
    assert "@" not in read_claim(dict(town, sentence="In March, clashes around the vote killed at least 32 "
                                      "people, local officials said.")).subject_key
    # a name before "protests" is the protests' name, not a town ("Monday's Saba Saba protests")
    named = claim(36, 36, "31", "31 people died in Monday's Saba Saba protests, the commission said.", 31,
                  subject="people died")
    assert "@" not in read_claim(named).subject_key
    # (a live blog's time before it changes nothing)
    blog = dict(town, sentence="14:20 — In Moundou, witnesses said that at least 32 people had been killed.")
    assert "@moundou" in read_claim(blog).subject_key.split()
    held = claim(6, 6, "40", "Police detained 40 people in Ayacucho.", 40, subject="people detained")
    assert read_claim(held).subject_key == "arrest"


def test_a_quarters_toll_and_part_of_a_years_are_spans_of_their_own():
    from checks import lexicon

    assert lexicon.period_kind("1,554 people were killed between January and March") == "interval"
    assert lexicon.period_kind("the highest quarterly toll on record") == "interval"
    assert lexicon.period_kind("killed between 2019 and 2021") == "total"
    text = "So far this year, 3,661 people have been killed, 1,223 of them between July and September."
    part = claim(1, 1, "1,223", text, 1223, subject="people killed", published="2024-10-11")
    assert "part-of" in read_claim(part).subject_key.split()


def test_last_years_protests_name_an_event_not_a_year():
    text = "More than 60 people were killed in last year's protests, the commission has said."
    toll = claim(1, 1, "More than 60", text, 60, qualifier="more_than", subject="people killed",
                 published="2025-06-26")
    assert read_claim(toll).period == "total"
    flow = claim(2, 2, "975", "Iran executed 975 people last year.", 975, subject="people executed",
                 published="2025-03-01")
    assert read_claim(flow).period == "year 2024"


def test_letters_a_case_insensitive_pattern_takes_for_ascii_ones_do_not_break_a_reading():
    # "ı", "ſ" and the Kelvin sign match "i", "s" and "k" when case is ignored: a match
    # lower-cased must still be looked up as its ASCII word (it raised KeyError/ValueError)
    plain = claim(1, 1, "12", "12 people were killed on election night in Minsk since 9 August.", 12,
                  subject="people killed on election night", published="2020-08-20")
    for odd, ascii_ in (("ı", "i"), ("ſ", "s"), ("\u212a", "k"), ("İ", "I")):
        odd_claim = dict(plain, sentence=plain["sentence"].replace(ascii_, odd),
                         subject=plain["subject"].replace(ascii_, odd))
        assert read_claim(odd_claim).subject_key
    assert lexicon.subject_terms("on election nıght") == lexicon.subject_terms("on election night")
    assert lexicon.fold("ſince İstanbul nıght") == "since istanbul night"


def test_a_figures_names_stop_at_the_next_figure_but_not_at_its_own_earlier_value():
    text = "He won with 54.3% of the vote, against 35.8% for the ruling party's Amadou Ba."
    won = claim(1, 1, "54.3%", text, 54.3, subject="vote", unit="percent")
    rival = claim(2, 1, "35.8%", text, 35.8, subject="vote", unit="percent")
    assert read_claim(won).names == ""  # Ba's is the 35.8%
    assert read_claim(rival).names == "amadou"
    raised = claim(3, 2, "50 years", "A court raised the sentence of Mongkol Thirakot from 28 years to 50 years.",
                   50, subject="sentence", unit="years")
    assert read_claim(raised).names == "mongkol thirakot"
    # the term a court changed in the same sentence is the same person's
    text = "A court sentenced an activist, Anan Suksai, to 80 years, then halved the term to 40 years."
    halved = claim(4, 3, "40 years", text, 40, subject="sentence", unit="years")
    assert read_claim(halved).names == "anan suksai"


def test_a_pronoun_before_a_term_stands_for_the_name_earlier_in_the_sentence():
    text = ("On Thursday a Dakar court acquitted Ousmane Sonko of rape but sentenced him to two years "
            "in prison for corrupting youth.")
    acquitted = claim(1, 1, "two years", text, 2, subject="sentence", unit="years")
    assert read_claim(acquitted).names == "ousmane sonko"
    text = "Sonko himself remains at home, and has not been taken to serve his two-year sentence."
    home = claim(2, 2, "two-year", text, 2, subject="sentence", unit="years", published="2023-06-20")
    assert read_claim(home).names == "sonko"
    assert compare(acquitted, home) is not None  # one man's term, named both times
    # no pronoun: a clause of its own names nobody, and borrows no name
    text = "Khan remains in prison; a 10-year sentence is the usual term for such cases."
    usual = claim(3, 3, "10-year", text, 10, subject="sentence", unit="years")
    assert read_claim(usual).names == ""
    assert read_claim(dict(usual, sentence=text.replace("a 10-year", "his 10-year"))).names == "khan"
    # a clause after "and" that opens with its verb has the sentence's subject
    text = "El Kadi was arrested at home on 24 December and has now been held for almost six months."
    held = claim(4, 4, "almost six months", text, 6, subject="time held", unit="months")
    assert read_claim(held).names == "kadi"
    other = claim(5, 5, "more than four months", "Sansal has been held for more than four months.", 4,
                  subject="time held", unit="months", published="2025-03-20")
    assert read_claim(other).names == "sansal"
    assert compare(held, other) is None  # two men's time in custody


def test_how_long_the_internet_was_cut_is_a_shutdowns_length():
    cut = claim(1, 1, "23 days", "The internet was cut for 23 days.", 23, subject="cut", unit="days",
                published="2020-07-25")
    down = claim(2, 2, "23-day", "Investigators could not reach every district during the 23-day internet "
                 "shutdown.", 23, subject="internet shutdown", unit="days", published="2021-01-04")
    assert read_claim(cut).subject_key == read_claim(down).subject_key == "internet"
    assert compare(cut, down) is not None
    # a cut of something else is not the internet's, nor is a term served while it was down
    assert read_claim(dict(cut, sentence="The sentence was cut for 23 days.")).subject_key != "internet"
    held = claim(3, 3, "11 days", "He was held for 11 days while the internet was down.", 11, subject="held",
                 unit="days")
    assert read_claim(held).subject_key != "internet"


def test_on_the_throne_is_in_power_and_mps_are_members_of_parliament():
    throne = claim(1, 1, "35 years", "King Mswati III, on the throne for 35 years, has promised a dialogue.", 35,
                   subject="throne", unit="years", published="2021-07-20")
    ruled = claim(2, 2, "35 years", "King Mswati III, who has ruled for 35 years, is the last absolute monarch.", 35,
                  subject="in power", unit="years", published="2021-08-05")
    assert compare(throne, ruled) is not None
    assert lexicon.subject_terms("MPs arrested") == lexicon.subject_terms("members arrested")
    assert lexicon.subject_terms("580 lawmakers") == lexicon.subject_terms("580 members")
    # years of military rule are years in power
    assert lexicon.subject_terms("years of military rule") == ("military", "power")


def test_the_parts_of_a_count_share_what_happened_to_it():
    # a list after a colon: the parts of the count before it
    text = "The government says 27 people died in the protests: 21 civilians and six police officers."
    civilians = claim(1, 1, "21", text, 21, subject="civilians")
    police = claim(2, 1, "six", text, 6, subject="police officers")
    assert "die" in read_claim(civilians).subject_key.split()
    assert "die" in read_claim(police).subject_key.split()
    # two conjoined parts: what the second befell the first too
    both = claim(3, 2, "Some two dozen", "Some two dozen civilians and six police officers were killed.", 24,
                 qualifier="about", subject="civilians")
    assert "die" in read_claim(both).subject_key.split()
    # (no colon, no verb after the second: nothing is borrowed)
    plain = claim(4, 3, "21", "The group lists 21 civilians and six police officers among its members.", 21,
                  subject="civilians")
    assert "die" not in read_claim(plain).subject_key.split()


def test_an_ordinal_says_which_one_and_never_matches_a_count():
    limit = claim(1, 1, "two", "The new constitution keeps a limit of two terms.", 2, subject="terms")
    third = claim(2, 2, "third", "Condé's supporters say it lets him seek a third term.", 3, subject="term",
                  published="2025-04-01")
    again = claim(3, 3, "third", "Condé was sworn in for a third term on Tuesday.", 3, subject="term",
                  published="2025-04-20")
    assert lexicon.ORDINAL in read_claim(third).subject_key.split()
    assert lexicon.ORDINAL not in read_claim(limit).subject_key.split()
    assert compare(limit, third) is None
    assert compare(third, again) is not None  # one ordinal, said twice
    # whenever it is said: no flow of a year or a month ("in the election due this year")
    due = claim(6, 6, "third", "Supporters say it lets him seek a third term in the election due this year.", 3,
                subject="term", published="2025-03-28")
    adopted = claim(7, 7, "third", "Condé is seeking a third term under the constitution adopted in March.", 3,
                    subject="term", published="2025-04-02")
    assert read_claim(due).period == read_claim(adopted).period == "total"
    assert compare(due, adopted) is not None
    # "the second protester to be executed" counts the executed: two
    second = claim(4, 4, "second", "Rahnavard was the second protester to be executed.", 2,
                   subject="protester executed", published="2022-12-12")
    four = claim(5, 5, "four", "Four protesters have been executed, the group said.", 4,
                 subject="protesters executed", published="2023-01-09")
    assert lexicon.ORDINAL not in read_claim(second).subject_key.split()
    assert compare(second, four) is not None


def test_a_date_is_not_the_next_figure_and_the_missing_are_the_unaccounted_for():
    text = "The office says 129 of those reported missing since 28 April have still not been found."
    missing = claim(1, 1, "129", text, 129, subject="people reported missing", published="2021-05-30")
    unaccounted = claim(2, 2, "84", "Of the 500 reported missing, 84 remain unaccounted for.", 84,
                        subject="people unaccounted", published="2021-06-21")
    assert read_claim(missing).subject_key == f"missing {lexicon.STILL_HELD}"
    assert read_claim(unaccounted).subject_key == read_claim(missing).subject_key
    assert compare(missing, unaccounted) is not None
    left = claim(3, 3, "300", "More than 300 detainees left prison under the amnesty.", 300,
                 subject="detainees left prison")
    assert "release" in read_claim(left).subject_key.split()


def test_a_towns_part_of_a_toll_is_that_towns_toll():
    part = claim(1, 1, "17", "The office counts 46 deaths, 17 of them in Juliaca.", 17, subject="deaths",
                 published="2023-01-10")
    town = claim(2, 2, "17", "In Juliaca, where 17 people were killed, shops stayed shut.", 17,
                 subject="people killed", published="2023-01-09")
    assert read_claim(part).subject_key == read_claim(town).subject_key == "@juliaca die"
    assert compare(part, town).relation == "corroborates"
    origin = claim(3, 3, "More than 20", "More than 20 of the dead were from Cali.", 20,
                   qualifier="more_than", subject="dead")
    assert read_claim(origin).subject_key == "@cali die"


def test_policemen_are_police_officers_and_a_case_of_disappearance_is_one():
    assert lexicon.subject_terms("policemen injured") == lexicon.subject_terms("police officers injured")
    assert lexicon.subject_terms("cases of enforced or involuntary disappearance") == ("case", "missing")
    # those who disappeared, were abducted or went missing are the missing
    assert lexicon.subject_terms("people who disappeared") == lexicon.subject_terms("people reported missing")
    assert lexicon.subject_terms("activists abducted") == lexicon.subject_terms("activists missing")
    # a date is no march, however it is cased ("to 21 march" in a fact box's label)
    assert lexicon.subject_terms("abducted or missing to 21 march") == ("missing",)
    assert lexicon.subject_terms("people detained at the march") == ("arrest", "march")


def test_the_part_of_a_toll_given_for_one_day_is_that_days():
    text = "The uprising left 76 dead, 19 of them on 8 September, and more than 2,100 injured."
    day = claim(1, 1, "19", text, 19, subject="dead", published="2025-09-20")
    monday = claim(2, 2, "19", "Police said 19 people had been killed on Monday.", 19, subject="people killed",
                   published="2025-09-09")
    assert read_claim(day).period == read_claim(monday).period == "interval"
    assert compare(monday, day) is not None
    # a dated event's toll is the event's whole toll, not one day's flow
    event = claim(3, 3, "17", "In Juliaca, 17 people were killed on 9 January.", 17, subject="people killed")
    assert read_claim(event).period == "total"


def test_another_batch_is_new_entries_not_the_count_so_far():
    first = claim(1, 1, "18", "On 3 July, Lukashenka pardoned 18 people convicted of extremism.", 18,
                  subject="people pardoned", published="2024-07-03")
    again = claim(2, 2, "29", "Lukashenko pardoned another 29 people on Thursday.", 29,
                  subject="people pardoned", published="2024-12-20")
    assert "new" in read_claim(again).subject_key.split()
    assert "new" not in read_claim(first).subject_key.split()
    assert compare(first, again) is None  # a second batch does not update the first
    further = claim(3, 3, "40", "Police detained a further 40 people.", 40, subject="people detained")
    assert "new" in read_claim(further).subject_key.split()


def test_an_aside_after_the_figure_does_not_push_its_day_out_of_reach():
    text = ("Seven journalists, among them a photographer for a foreign agency, were detained in dawn "
            "raids on Monday and charged.")
    raided = claim(1, 1, "Seven", text, 7, subject="journalists detained", published="2025-03-24")
    assert read_claim(raided).period == "interval"
    later = claim(2, 2, "seven", "The union says the seven journalists detained on Monday were released.", 7,
                  subject="journalists detained", published="2025-03-25")
    assert compare(raided, later) is not None


def test_a_slice_named_as_the_sentences_subject_before_were_is_who_is_counted():
    were = claim(1, 1, "12-13%", "Children were 12-13% of the dead, the UN says.", 12.5, unit="percent",
                 subject="dead", qualifier="range", low=12, high=13)
    made = claim(2, 2, "12 to 13 per cent", "Children made up 12 to 13 per cent of those killed.", 12.5,
                 unit="percent", subject="people killed", qualifier="range", low=12, high=13)
    assert "child" in read_claim(were).subject_key.split()
    assert read_claim(were).subject_key == read_claim(made).subject_key
    # not without "of the …": "Women were 40 at the march" names no whole
    plain = claim(3, 3, "40", "Women were 40 at the vigil.", 40, subject="vigil")
    assert "woman" not in read_claim(plain).subject_key.split()


def test_a_fact_box_rows_label_and_a_year_compared_with_date_its_figure():
    row = claim(1, 1, "about 800", "• Treason and espionage cases opened in 2024: about 800", 800,
                qualifier="about", subject="treason and espionage cases opened", published="2025-02-01")
    assert read_claim(row).period == "year 2024"
    then = claim(2, 2, "2,411", "The toll rose by 744 compared with 2022, when 2,411 were recorded.", 2411,
                 subject="people recorded", published="2024-03-01")
    assert read_claim(then).period == "year 2022"
    # a sentence before a colon is no row label
    said = claim(3, 3, "345", "In Saudi Arabia, executions also hit a record last year: 345.", 345,
                 published="2025-04-08")
    assert read_claim(said).period == "total"


def test_the_highest_since_is_a_comparison_not_a_running_count():
    record = claim(1, 1, "131", "The press group counted 131 reporters killed last year, the most since it began "
                   "its census.", 131, subject="reporters killed", published="2026-03-02")
    assert read_claim(record).period == "year 2025"
    report = claim(2, 2, "131", "In its annual report the press group said 131 journalists were killed in 2025.",
                   131, subject="journalists killed", published="2026-01-15")
    assert compare(report, record).relation == "corroborates"
    # a count since a date still runs since then
    running = claim(3, 3, "40", "Forty reporters have been killed since January 2024.", 40,
                    subject="reporters killed", published="2026-03-02")
    assert read_claim(running).period == "total"


def test_a_monitors_name_does_not_turn_arrests_into_its_list():
    arrests = claim(1, 1, "21,400", "The Association for Political Prisoners said 21,400 people had been "
                    "arrested since the coup.", 21400, subject="people arrested")
    assert read_claim(arrests).subject_key == "arrest"
    named = claim(2, 2, "168", f"{MECHANISM} now lists 168 people.", 168, subject="people")
    assert read_claim(named).subject_key == "political prisoner"


def test_people_who_remain_in_detention_are_those_held_now():
    remain = claim(1, 1, "About 21,000", "About 21,000 remain in detention, most without a verdict.", 21000,
                   qualifier="about", subject="people", published="2024-02-01")
    under = claim(2, 2, "9,310", "Of these, 9,310 are still under detention.", 9310, subject="people",
                  published="2022-02-01")
    held = claim(3, 3, "17,120", "The monitor says 17,120 people arrested since the coup are still in detention.",
                 17120, subject="people arrested still in detention", published="2023-02-01")
    assert read_claim(remain).subject_key == read_claim(under).subject_key == read_claim(held).subject_key
    assert compare(under, remain).relation == "updates"
    # everyone ever arrested is another quantity
    arrested = claim(4, 4, "27,500", "Some 27,500 people have been arrested since the coup.", 27500,
                     subject="people arrested", published="2024-02-01")
    assert compare(arrested, held) is None


def test_what_happened_to_those_counted_is_read_from_the_verb_not_its_trimmings():
    opened = claim(1, 1, "at least 40", "Prosecutors have opened criminal cases against at least 40 demonstrators.",
                   40, qualifier="at_least", subject="demonstrators", published="2025-01-10")
    brought = claim(2, 2, "about 70", "Prosecutors have brought criminal charges against about 70 protesters.",
                    70, qualifier="about", subject="protesters", published="2025-05-10")
    charged = claim(3, 3, "more than 55", "Prosecutors have charged more than 55 people.", 55,
                    qualifier="more_than", subject="people charged", published="2025-03-10")
    assert read_claim(opened).subject_key == read_claim(brought).subject_key == read_claim(charged).subject_key
    assert compare(opened, brought).relation == "updates"


def test_a_regional_body_names_no_country():
    assert lexicon.place_mentions("the Inter-American Commission on Human Rights") == []
    assert lexicon.place_mentions("Latin American governments") == []
    assert lexicon.place_mentions("South Sudan and the American embassy") == [
        (0, "South Sudan"), (20, "United States")]
    killed = claim(1, 1, "360", "In the 2018 protests 360 people were killed, according to the Inter-American "
                   "Commission on Human Rights.", 360, subject="people killed", title="Nicaragua's long crackdown")
    assert read_claim(killed).place != "United States"


def test_those_a_country_hosts_are_refugees():
    hosts = claim(1, 1, "about 420,000", "Chad hosts about 420,000, and more arrive every week.", 420000,
                  qualifier="about")
    refugees = claim(2, 2, "more than 690,000", "Chad alone shelters more than 690,000 Sudanese refugees.",
                     690000, qualifier="more_than", subject="Sudanese refugees", published="2025-09-01")
    assert read_claim(hosts).subject_key == read_claim(refugees).subject_key
    assert compare(hosts, refugees).relation == "updates"


def test_the_displaced_counted_with_refugees_abroad_are_not_the_displaced_at_home():
    home = claim(1, 1, "3.6 million", "About 3.6 million people are displaced inside the country.", 3_600_000,
                 subject="people displaced", published="2024-01-10")
    both = claim(2, 2, "8.9 million", "Counting those who have left the country, 8.9 million people have been "
                 "forced from their homes.", 8_900_000, subject="people displaced", published="2024-03-10")
    when = claim(3, 3, "more than 9 million", "About 7 million are displaced inside the country, the agency said, "
                 "and more than 9 million when refugees abroad are included.", 9_000_000, qualifier="more_than",
                 subject="people displaced", published="2024-04-10")
    assert "refugee" in read_claim(both).subject_key.split()
    assert read_claim(both).subject_key == read_claim(when).subject_key
    assert "refugee" not in read_claim(home).subject_key.split()
    assert compare(home, both) is None
    assert compare(both, when).relation == "updates"
    # the figure before the total is not the total
    inside = claim(4, 4, "About 7 million", when["sentence"], 7_000_000, qualifier="about",
                   subject="people displaced", published="2024-04-10")
    assert "refugee" not in read_claim(inside).subject_key.split()


def test_those_held_awaiting_trial_are_a_part_of_those_detained():
    pending = claim(1, 1, "dozens", "Prosecutors have charged about 70 people, and dozens are in pre-trial detention.",
                    None, qualifier="range", low=24, high=99, published="2025-05-10")
    detained = claim(2, 2, "more than 450", "More than 450 people have been detained since the protests began.", 450,
                     qualifier="more_than", subject="people detained", published="2025-02-10")
    assert "pre-trial" in read_claim(pending).subject_key.split()
    assert compare(detained, pending) is None
    stood = claim(3, 3, "640", "In May the number of people in pre-trial detention stood at 640.", 640,
                  subject="people", published="2025-06-01")
    assert read_claim(stood).subject_key == read_claim(pending).subject_key


def test_a_country_that_hosts_a_figure_hosts_refugees():
    part = claim(1, 1, "about 530,000", "Egypt hosts about 530,000 of them, the agency says.", 530000,
                 qualifier="about", subject="people", published="2024-03-01")
    later = claim(2, 2, "1.3 million", "Egypt shelters 1.3 million Sudanese refugees.", 1_300_000,
                  subject="Sudanese refugees", published="2024-10-01")
    assert read_claim(part).subject_key == read_claim(later).subject_key
    assert compare(part, later).relation == "updates"
    # other verbs that hold "fled" still say nothing of the figure
    fled = claim(3, 3, "20", "The family fled 20 kilometres on foot.", 20, subject="people")
    assert "refugee" not in read_claim(fled).subject_key.split()


def test_who_killed_the_whole_is_not_part_of_the_slice():
    among = claim(1, 1, "at least 29", "The group counted at least 230 protesters killed by security forces, "
                  "among them at least 29 children.", 29, qualifier="at_least", subject="children",
                  published="2022-10-20")
    hands = claim(2, 2, "at least 45", "The group has verified at least 350 deaths at the hands of the security "
                  "forces, including at least 45 children.", 45, qualifier="at_least", subject="children",
                  published="2022-11-18")
    plain = claim(3, 3, "70", "The group now counts 560 people killed during the unrest, including 70 children.",
                  70, subject="children", published="2023-09-14")
    assert read_claim(among).subject_key == read_claim(hands).subject_key == "child die"
    assert compare(among, hands) is not None
    assert compare(hands, plain).relation == "updates"
    toll = claim(4, 4, "at least 350", hands["sentence"], 350, qualifier="at_least", subject="deaths",
                 published="2022-11-18")
    assert read_claim(toll).subject_key == "die"


def test_the_month_a_count_began_in_does_not_date_it():
    began = claim(1, 1, "6.9 million", "The agency now counts 6.9 million people displaced since the war began in "
                  "April 2023.", 6_900_000, subject="people displaced", published="2024-02-20")
    assert read_claim(began).day == datetime.date(2024, 2, 20).toordinal()
    dated = claim(2, 2, "2.1 million", "Some 2.1 million people were displaced in June 2023.", 2_100_000,
                  subject="people displaced", published="2024-02-20")
    assert read_claim(dated).day != datetime.date(2024, 2, 20).toordinal()


def test_a_figure_whose_verb_is_left_out_takes_the_verb_before():
    text = "Uganda hosts about 310,000 of them and Kenya about 125,000."
    gapped = claim(1, 1, "about 125,000", text, 125000, qualifier="about", subject="people",
                   published="2024-03-01")
    later = claim(2, 2, "more than 140,000", "Kenya shelters more than 140,000 refugees from the war.", 140000,
                  qualifier="more_than", subject="refugees", published="2024-09-01")
    assert read_claim(gapped).subject_key == read_claim(later).subject_key
    assert read_claim(gapped).place == "Kenya"
    assert compare(gapped, later).relation == "updates"
    # a figure with its own verb keeps its own reading
    own = claim(3, 3, "40", "Uganda hosts about 310,000 of them, and Kenya says 40 died on the way.", 40,
                subject="people died")
    assert "refugee" not in read_claim(own).subject_key.split()


def test_people_who_remain_behind_bars_are_those_held_now_unless_a_census_counts_them():
    bars = claim(1, 1, "about 17,000", "The monitor says about 17,000 people detained since the 2021 coup remain "
                 "behind bars.", 17000, qualifier="about", subject="people detained", published="2023-02-02")
    still = claim(2, 2, "16,300", "Of them, 16,300 are still in detention, the monitor says.", 16300,
                  subject="people", published="2023-01-31")
    arrested = claim(3, 3, "27,000", "More than 27,000 people have been arrested since the coup.", 27000,
                     qualifier="more_than", subject="people arrested", published="2024-01-31")
    assert read_claim(bars).subject_key == read_claim(still).subject_key
    assert compare(still, bars).relation == "corroborates"
    assert compare(bars, arrested) is None
    # a census of jailed journalists counts who is held with or without "remain"
    census = claim(4, 4, "33", "The union says 33 media workers are behind bars.", 33,
                   subject="media workers behind bars", published="2024-05-01")
    remain = claim(5, 5, "36", "The union says 36 media workers remain in jail.", 36,
                   subject="media workers still in jail", published="2025-05-01")
    assert read_claim(census).subject_key == read_claim(remain).subject_key


def test_a_partys_members_are_a_part_of_those_arrested():
    members = claim(1, 1, "thousands", "The opposition says thousands of its members have been arrested.", None,
                    qualifier="range", low=2000, high=9999, subject="members arrested", published="2023-01-31")
    everyone = claim(2, 2, "27,000", "More than 27,000 people have been arrested since the coup.", 27000,
                     qualifier="more_than", subject="people arrested", published="2024-01-31")
    assert compare(members, everyone) is None
    again = claim(3, 3, "more than 3,000", "More than 3,000 of its members have been arrested, the party says.", 3000,
                  qualifier="more_than", subject="members arrested", published="2023-03-01")
    assert compare(members, again) is not None


def test_refugees_under_temporary_protection_are_a_part_of_all_who_came():
    held = lexicon.subject_terms("refugees holding temporary protection")
    assert held == lexicon.subject_terms("refugees with temporary protection")
    assert "arrest" not in held  # holding a status is not being held
    assert held != lexicon.subject_terms("refugees")
    assert lexicon.subject_terms("refugees who have risen") == lexicon.subject_terms("refugees who have grown")


def test_a_count_since_january_runs_since_then_as_one_since_a_day_in_january_does():
    since = claim(1, 1, "640", "The collective says 640 people have been detained since the protests began on "
                  "3 January.", 640, subject="people detained", published="2027-02-15")
    january = claim(2, 2, "more than 720", "Since January, police have detained more than 720 people, the collective "
                    "says.", 720, qualifier="more_than", subject="people detained", published="2027-07-01")
    assert read_claim(january).period == "total"
    assert compare(since, january).relation == "updates"
    # "this year" is still a calendar year's count, and the start of the year a start
    start = claim(4, 4, "more than 270", "Authorities have moved to close more than 270 groups since the start of the "
                  "year.", 270, qualifier="more_than", subject="groups", published="2021-06-01")
    assert read_claim(start).period == "total"
    year = claim(3, 3, "4,100", "Border guards have stopped 4,100 crossings this year.", 4100,
                 subject="crossings", published="2027-07-01")
    assert read_claim(year).period == "year 2027"


def test_those_who_fled_abroad_are_counted_in_the_countries_around():
    assert lexicon.located_place("More than 3 million people have fled abroad, the agency says.", 0) == "Region"
    assert lexicon.located_place("Her son studied abroad.", 0) is None
    abroad = claim(1, 1, "More than 3.2 million", "More than 3.2 million people have fled abroad, the agency says.",
                   3_200_000, qualifier="more_than", subject="people fled", published="2024-10-15")
    around = claim(2, 2, "1.9 million", "The agency records 1.9 million people who have fled to neighbouring "
                   "countries.", 1_900_000, subject="people fled", published="2024-03-12")
    assert read_claim(abroad).place == read_claim(around).place == "Region"
    assert compare(around, abroad).relation == "updates"


def test_all_who_have_crossed_into_a_country_so_far_are_its_refugees():
    crossed = claim(1, 1, "More than 540,000", "More than 540,000 have crossed into neighbouring countries, the "
                    "agency says.", 540000, qualifier="more_than", subject="people crossed", published="2023-06-20")
    fled = claim(2, 2, "almost 1.1 million", "The agency counts almost 1.1 million people who have fled to "
                 "neighbouring countries.", 1_100_000, qualifier="about", subject="people fled", published="2023-08-10")
    assert read_claim(crossed).subject_key == read_claim(fled).subject_key == "refugee"
    assert compare(crossed, fled) is not None
    # a month's crossings are arrivals, not all refugees
    month = claim(3, 3, "24,000", "Another 24,000 people crossed into eastern Chad during August.", 24000,
                  subject="people crossed", published="2023-09-01")
    assert read_claim(month).subject_key != "refugee"


def test_who_imposed_a_law_is_not_where_it_holds():
    assert lexicon.place_mentions("since Beijing imposed the law on Hong Kong") == [(33, "Hong Kong")]
    law = claim(1, 1, "more than 260", "Police have arrested more than 260 people under the security law since Beijing "
                "imposed it on Hong Kong.", 260, qualifier="more_than", subject="people arrested",
                published="2021-06-30")
    assert read_claim(law).place == "Hong Kong"


def test_a_runoffs_turnout_is_not_the_first_rounds():
    runoff = claim(1, 1, "11.9%", "Turnout in January's runoff was 11.9%, among the lowest anywhere.", 11.9,
                   unit="percent", subject="runoff turnout", published="2023-02-01")
    first = claim(2, 2, "27.5%", "Turnout in the election was 27.5%, the commission said.", 27.5, unit="percent",
                  subject="turnout", published="2024-10-08")
    assert compare(runoff, first) is None


def test_detainees_who_left_prison_were_released():
    left = claim(1, 1, "More than 320", "More than 320 detainees left prison only because of an amnesty.", 320,
                 qualifier="more_than", subject="detainees left", published="2024-04-03")
    freed = claim(2, 2, "351", "The ministry said 351 detainees had been freed since mid-February.", 351,
                  subject="detainees freed", published="2024-03-16")
    assert read_claim(left).subject_key == read_claim(freed).subject_key
    assert compare(freed, left) is not None
    # leaving a country is still leaving it
    gone = claim(3, 3, "4,000", "Some 4,000 doctors left the country last year.", 4000, subject="doctors left")
    assert "release" not in read_claim(gone).subject_key.split()


def test_people_hospitals_treated_are_the_injured():
    assert lexicon.subject_terms("people treated for wounds") == lexicon.subject_terms("people injured")
    assert lexicon.subject_terms("ill-treated detainees") != lexicon.subject_terms("injured detainees")
    assert "injure" not in lexicon.subject_terms("gangs treated as armed combatants")
    treated = claim(1, 1, "nearly 610", "Hospitals treated nearly 610 people, many hit by rubber bullets.", 610,
                    qualifier="about", subject="people", published="2021-03-19")
    injured = claim(2, 2, "more than 590", "Volunteers had treated more than 590 injured people since Wednesday.", 590,
                    qualifier="more_than", subject="injured people", published="2021-03-08")
    assert compare(injured, treated) is not None


def test_inmates_still_at_large_are_escaped_prisoners_not_back():
    them = claim(1, 1, "more than 7,500", "Police say more than 7,500 of them are still at large.", 7500,
                 qualifier="more_than", subject="inmates", published="2025-09-15")
    escaped = claim(2, 2, "About 5,200", "About 5,200 prisoners who escaped during the unrest remain at large.", 5200,
                    qualifier="about", subject="prisoners escaped", published="2025-12-10")
    assert read_claim(them).subject_key == read_claim(escaped).subject_key
    assert compare(them, escaped).relation == "updates"
    inmates = claim(3, 3, "12,000", "The prison holds 12,000 inmates.", 12000, subject="inmates")
    assert "escape" not in read_claim(inmates).subject_key.split()
    # a hedge before "remain" leaves the figure's noun unsaid all the same
    thought = claim(4, 4, "between 3,000 and 4,000", "Some 9,000 prisoners escaped, and between 3,000 and 4,000 "
                    "are thought to remain at large.", None, low=3000, high=4000, qualifier="range",
                    published="2025-12-18")
    assert read_claim(thought).subject_key == read_claim(escaped).subject_key


def test_those_at_risk_of_a_fate_have_not_met_it():
    risk = claim(1, 1, "At least 109", "At least 109 protesters are at risk of execution, the group said.", 109,
                 qualifier="at_least", subject="protesters", published="2023-01-10")
    executed = claim(2, 2, "at least 11", "The state has executed at least 11 people over the protests.", 11,
                     qualifier="at_least", subject="people executed", published="2025-10-10")
    assert compare(risk, executed) is None


def test_how_much_a_figure_changed_is_not_the_figure():
    cut = claim(1, 1, "six years", "Her sentences were cut by six years to 27 years in a pardon.", 6, unit="years",
                published="2024-02-12")
    term = claim(2, 2, "six years", "A court gave her six years for incitement.", 6, unit="years",
                 subject="sentence", published="2023-03-25")
    assert "change" in read_claim(cut).subject_key.split()
    assert compare(term, cut) is None
    rose = claim(3, 3, "12", "The toll rose by 12 overnight, the ministry said.", 12, subject="toll")
    assert "change" in read_claim(rose).subject_key.split()
    plain = claim(4, 4, "12", "The toll stood at 12, the ministry said.", 12, subject="toll")
    assert "change" not in read_claim(plain).subject_key.split()


def test_a_month_that_dates_an_event_is_no_months_count():
    event = claim(1, 1, "47", "The largest trial ended in November, when 47 democrats were jailed for subversion.", 47,
                  subject="democrats jailed", published="2025-06-30")
    assert read_claim(event).period == "total"
    month = claim(2, 2, "47", "Police detained 47 people in November.", 47, subject="people detained",
                  published="2025-06-30")
    assert read_claim(month).period == "interval"
    # a weekday's toll stays that day's, "when" or not
    friday = claim(3, 3, "80", "More than 80 died in Bago on Friday, when troops stormed the barricades.", 80,
                   subject="people died", published="2021-04-12")
    assert read_claim(friday).period == "interval"
    assert "democrat" in lexicon.SLICE_WORDS


def test_a_row_opening_released_counts_those_freed_then():
    row = claim(1, 1, "31", "Released in June: 31", 31, subject="released in June", published="2024-07-03")
    assert read_claim(row).period == "interval"
    report = claim(2, 2, "31", "The group released its report in June: 31 people were freed.", 31,
                   subject="people freed", published="2024-07-03")
    assert read_claim(report).period == "total"


def test_those_visited_and_those_showing_signs_are_parts_of_the_detainees():
    text = ("The ombudsman said his staff had visited 327 detainees in Georgia and that 225 of them showed signs of "
            "ill-treatment.")
    visited = claim(1, 1, "327", text, 327, subject="detainees", published="2024-12-04")
    signs = claim(2, 1, "225", text, 225, subject="detainees showed", published="2024-12-04")
    detained = claim(3, 2, "more than 460", "More than 460 people have been detained in Georgia since the protests "
                     "began, rights groups say.", 460, qualifier="more_than", subject="people detained",
                     published="2024-12-05")
    assert "visit" in read_claim(visited).subject_key.split()
    assert compare(visited, detained) is None and compare(signs, detained) is None
    # a plain count of detainees is still the detainees
    plain = claim(4, 3, "402", "Police in Georgia have detained 402 people since the protests began.", 402,
                  subject="people detained", published="2024-12-04")
    assert compare(plain, detained) is not None


def test_a_time_named_before_a_colon_holds_for_the_figures_after_it():
    text = ("The rights commission gives a higher figure for yesterday: 19 deaths and more than 500 injured, among "
            "them police officers.")
    deaths = claim(1, 1, "19", text, 19, subject="deaths", published="2025-06-26")
    injured = claim(2, 1, "more than 500", text, 500, qualifier="more_than", subject="injured",
                    published="2025-06-26")
    assert read_claim(deaths).period == "interval" and read_claim(injured).period == "interval"
    # so a year-old toll with the same figure is not that day's
    last_year = claim(3, 2, "19", "The president said 19 people had died in the protests.", 19,
                      subject="people died", published="2024-07-02")
    assert compare(last_year, deaths) is None
    # a lead-in with no time, or one saying when the figures were given, changes nothing
    said = claim(4, 3, "19", "The commission said on Monday: 19 deaths so far.", 19, subject="deaths")
    assert read_claim(said).period == "total"
    plain = claim(5, 3, "19", "The commission's figures: 19 deaths so far.", 19, subject="deaths")
    assert read_claim(plain).period == "total"


def test_those_a_sanctions_list_names_are_counted_as_listed():
    covers = claim(1, 1, "166", "The EU added names to the sanctions list on Belarus, which now covers 166 individuals "
                   "and 15 entities.", 166, subject="individuals", published="2021-06-25")
    names = claim(2, 2, "233", "The EU's Belarus sanctions list now names 233 individuals and 37 entities.", 233,
                  subject="individuals", published="2023-08-04")
    entities = claim(3, 2, "37", "The EU's Belarus sanctions list now names 233 individuals and 37 entities.", 37,
                     subject="entities", published="2023-08-04")
    more = claim(4, 3, "17", "The latest round of EU sanctions on Belarus targets 17 more individuals.", 17,
                 subject="individuals", published="2021-12-02")
    assert read_claim(covers).subject_key == read_claim(names).subject_key == "sanction"
    assert read_claim(more).subject_key == "new sanction"
    match = compare(covers, names)
    assert match is not None and match.relation == "updates"
    assert compare(covers, entities) is None   # individuals are not entities
    # people in a sentence with no sanctions list are people
    plain = claim(5, 4, "166", "Police in Belarus detained 166 individuals.", 166, subject="individuals")
    assert "sanction" not in read_claim(plain).subject_key


def test_a_verb_with_its_particle_says_what_happened():
    rounded = claim(1, 1, "hundreds", "Police in Chad have rounded up hundreds of young men.", None, low=200, high=999,
                    qualifier="vague", subject="young men")
    assert "arrest" in read_claim(rounded).subject_key.split()


def test_what_befell_the_whole_befell_the_part_named_after_among_them():
    text = ("The prime minister said about 50 people were killed in Chad today, among them 10 members of the security "
            "forces.")
    part = claim(1, 1, "10", text, 10, subject="members of security forces")
    assert "die" in read_claim(part).subject_key.split()
    # the whole a fact-box row's label names: "Killed: 238, among them 19 …"
    row = claim(2, 2, "19", "- Killed: 238, among them 19 members of the security forces", 19,
                subject="members of security forces")
    assert read_claim(row).subject_key == "die force security"
    # police and soldiers together are the security forces
    both = claim(3, 3, "19", "According to the interior ministry, 19 of the dead were police officers or soldiers.", 19,
                 subject="security forces dead")
    assert set(read_claim(both).subject_key.split()) >= {"die", "force", "security"}


def test_a_toll_of_that_day_is_the_toll_of_the_day_named_before():
    that_day = claim(1, 1, "at least 80", "The league says the security forces killed at least 80 people in Chad that day.",
                     80, qualifier="at_least", subject="people killed", published="2022-11-10")
    total = claim(2, 2, "128", "The commission counted 128 dead in Chad in its report.", 128, subject="dead",
                  published="2023-02-22")
    assert read_claim(that_day).period == "total"
    assert compare(that_day, total) is not None
    # arrests that day, or a toll on a weekday of many days' unrest, stay one day's
    held = claim(3, 3, "300", "Police in Chad arrested 300 people that day.", 300, subject="people arrested")
    assert read_claim(held).period == "interval"
    monday = claim(4, 4, "19", "Police said 19 people had been killed on Monday.", 19, subject="people killed")
    assert read_claim(monday).period == "interval"


def test_those_a_state_still_holds_for_their_views_are_political_prisoners():
    views = claim(1, 1, "tens of thousands", "Rights groups say Egypt still holds tens of thousands of people for their "
                  "views.", None, low=10000, high=99999, qualifier="vague", subject="people for their views")
    counted = claim(2, 2, "about 60,000", "Human Rights Watch estimates that Egypt holds about 60,000 political "
                    "prisoners.", 60000, qualifier="about", subject="political prisoners")
    assert read_claim(views).subject_key == read_claim(counted).subject_key == "political prisoner"


def test_a_demonym_after_the_next_figure_places_that_figure_not_this_one():
    text = ("This month El Salvador's mega-prison built for 40,000 inmates received 238 Venezuelans deported from the "
            "United States.")
    built = claim(1, 1, "40,000", text, 40000, subject="inmates")
    assert read_claim(built).place == "El Salvador"


def test_facing_execution_is_not_having_been_executed():
    at_risk = claim(1, 1, "At least 109", "At least 109 protesters are at risk of execution in Iran.", 109,
                    qualifier="at_least", subject="protesters at risk of execution", published="2023-01-10")
    still = claim(2, 2, "at least 100", "Protesters still at risk of execution in Iran: at least 100", 100,
                  qualifier="at_least", subject="protesters still at risk of execution", published="2023-02-01")
    executed = claim(3, 3, "four", "Iran has executed four protesters.", 4, subject="protesters executed",
                     published="2023-02-01")
    assert read_claim(at_risk).subject_key == read_claim(still).subject_key == "execution-risk"
    assert compare(at_risk, still) is not None
    assert compare(at_risk, executed) is None


def test_a_datelines_city_and_the_rest_of_the_worlds_countries_place_a_report():
    # countries the hand-written gazetteer leaves out come from GeoNames
    assert lexicon.nearest_place("Seven people died in Togo.", 0) == "Togo"
    assert lexicon.nearest_place("Rights groups in Costa Rica said 40 were held.", 30) == "Costa Rica"
    # a leader's name points to the country too (Prabowo to Indonesia, Goïta to Mali)
    assert lexicon.nearest_place("Prabowo cancelled the allowance of $3,075.", 30) == "Indonesia"
    assert lexicon.nearest_place("Goïta extended the transition by five years.", 30) == "Mali"
    assert lexicon.document_places("THE HAGUE, 10 September — Judges postponed Rodrigo Duterte's hearing.")[0] == \
        "Philippines"
    # a dateline names its country: a capital, or a city of one country
    for text, country in [("By Ramon Dizon\nMANILA, 31 January (Manila Bay Courier) — Police said 2,555 died.",
                           "Philippines"),
                          ("LOMÉ, 30 June (Bight of Benin Wire) — Seven people died.", "Togo"),
                          ("BAMENDA, 3 October — Soldiers shot six people.", "Cameroon"),
                          ("NOVI SAD, Serbia, 1 November (Danube Wire) — Thousands marched.", "Serbia")]:
        assert lexicon.document_places(text)[0] == country, text
    # a name two big cities share is the far bigger one's ("LA PAZ" is Bolivia's), else neither's
    assert lexicon.dateline_country("LA PAZ, 11 December (Andean Ledger) — The commission said 36 died.") == "Bolivia"
    assert lexicon.dateline_country("VALENCIA, 3 May — Thousands marched.") is None
    # monitors that count in one country only place a bulletin that names none
    assert lexicon.document_places("CNDDHH · Protest bulletin · 24 February\nAt least 58 people have died.")[0] == "Peru"
    assert lexicon.document_places("Temblores · Bulletin · 12 May 2021\nPolice killed 39 people.")[0] == "Colombia"
    # a city's other name ("Adama" for GeoNames' Nazrēt), unless it is another town's name
    assert lexicon.dateline_country("ADAMA, 9 July (Highland Wire) — 239 people died.") == "Ethiopia"
    assert lexicon.dateline_country("NAZARETH, 9 July — Thousands marched.") is None
    # "the Organization of American States" names no country
    assert lexicon.place_mentions("Auditors from the Organization of American States said so.") == []
    # not the seat of an international body, nor a capital in running text, nor a line that is no dateline
    assert lexicon.dateline_country("GENEVA, 3 May — The UN said 1,000 had died in Sudan.") is None
    assert lexicon.document_places("GENEVA, 3 May — The UN said 1,000 had died in Sudan.")[0] == "Sudan"
    assert lexicon.document_places("Talks in Doha ended. Maria Lima said 40 were held.")[0] is None
    # a capital in running text says what a report is about, but places no figure of its sentence
    arrest = "Police arrested Duterte at Manila's airport. The toll remains 6,252, the police say."
    assert lexicon.document_places(arrest)[0] == "Philippines"
    assert lexicon.nearest_place("Police said 6,252 people were killed, in Manila.", 12) is None
    assert lexicon.dateline_country("Police said 40 were held in Manila, 3 May.") is None


def test_still_held_after_the_protests_are_still_held():
    still = claim(1, 1, "14", "The league says 14 people are still held in Togo.", 14,
                  subject="people still detained after Togo's protests of late June 2025")
    arrested = claim(2, 2, "49", "The league says 49 people were arrested in Togo.", 49,
                     subject="people arrested in Togo's protests of late June 2025")
    assert "still" in read_claim(still).subject_key.split()
    assert compare(still, arrested) is None
    # the verb may come well after the figure's noun and what it says of them
    text = ("Justicia 11J says more than 700 people arrested after the protests of July 2021 are still in prison, "
            "some serving sentences of up to 25 years.")
    prison = claim(3, 3, "more than 700", text, 700, qualifier="more_than", subject="people arrested")
    assert "still" in read_claim(prison).subject_key.split()


def test_a_language_and_where_a_group_is_based_place_nothing():
    assert lexicon.place_mentions("Fighting in the English-speaking regions has killed 6,500 people.") == []
    assert lexicon.place_mentions("Riposte, a rights group based in Europe, counts 200 prisoners in Algeria.") == [
        (65, "Algeria")]
    assert lexicon.place_mentions("A group based in London counts 200.") == []
    # nor does a place inside a name after a preposition of place
    assert lexicon.located_places("Riposte, a rights group based in Europe, says more than 200 are held.") == []
    assert lexicon.located_places("The Centre for Human Rights and Democracy in Africa says 900 were held.") == []
    assert lexicon.located_places("On Monday in Kenya 40 died.") == [(13, "Kenya")]
    assert lexicon.located_places("Police in Kenya arrested 40.") == [(10, "Kenya")]
