"""Subject, attribution and as_of of extracted claims: the fields matching relies on."""

import pytest

from checks.extraction import extract_claims


def fields(text, quote):
    "(subject, attribution, as_of) of the claim quoted ``quote`` in ``text``."
    found = [c for c in extract_claims(text, "en") if c.quote == quote]
    assert len(found) == 1, [c.quote for c in extract_claims(text, "en")]
    return found[0].subject, found[0].attribution, found[0].as_of


@pytest.mark.parametrize("text, quote, subject", [
    # a noun left out: the previous figure's, without what happened to it
    ("More than 250 political prisoners have been freed since July 2024, Viasna says, "
     "but about 1,250 remain behind bars.", "about 1,250", "political prisoners"),
    ("Viasna counted 1,374 political prisoners on Tuesday. Some 1,350 remain in jail.",
     "Some 1,350", "political prisoners"),
    ("Memorial lists 520 political prisoners in Russia. In Azerbaijan the total stands at 330.",
     "330", "political prisoners"),
    # "of whom" takes the group and what happened to it
    ("Viasna counts about 1,500 political prisoners, at least five of whom have died in custody.",
     "at least five", "political prisoners died in custody"),
    # entries of a list are what the list counts
    ("In Russia, Memorial's list of political prisoners now has more than 400 names.",
     "more than 400", "political prisoners"),
    ("Viasna added 42 people to its list of political prisoners in May.", "42",
     "political prisoners added"),
    ("The group added 40 names to its political prisoner list.", "40", "political prisoners added"),
    # a slice named with the whole it is part of
    ("Viasna says almost 180 women are among the country's political prisoners.", "almost 180",
     "women political prisoners"),
    # lists with ellipsis carry the head noun
    ("Since August 2020, more than 35,000 people have been arrested, hundreds tortured and at "
     "least seven killed.", "hundreds", "people tortured"),
    # a candidate's share said after it, and people snatched (abducted)
    ("Arce won 55.1%, well above the 47.1% that Morales was credited with in 2019.", "47.1%",
     "share of the vote"),
    ("At least 20 activists have been snatched from the streets.", "At least 20", "activists snatched"),
    # a party's share "had" in a sentence about results; not a company's share of a market
    ("The official results: the ruling party Birimdik had 24.5% and the opposition 9%.", "24.5%",
     "share of the vote"),
    ("The company had 24.5% of the market, the report said.", "24.5%", "market"),
    # those taken to hospital are a part of the injured, however the sentence says it
    ("377 people were hurt, said the Red Cross, which took more than 80 of them to hospital.", "more than 80",
     "people taken to hospital"),
    ("The Red Cross said 728 people were injured, 153 of whom it took to hospital.", "153",
     "people taken to hospital"),
    ("Medics took 40 people to hospital.", "40", "people taken to hospital"),
    # the time since a seizure of power is the time in power
    ("The decree came almost two years after the army first seized power.", "almost two years", "in power"),
    # a term of office is no prison term
    ("A law makes him president for a renewable term of five years.", "five years", "mandate"),
    ("The former president was sentenced to a term of five years.", "five years", "sentence"),
    # a singular noun after one, hedged or not
    ("At least one protester died, the ministry confirmed.", "At least one", "protester died"),
    ("One journalist was detained in Minsk.", "One", "journalist detained"),
])
def test_subject(text, quote, subject):
    assert fields(text, quote)[0] == subject


@pytest.mark.parametrize("text, quote", [
    ("Lithuania began a fence of about 500 km along its border.", "about 500 km"),
    ("The aircraft spent nearly seven hours in Minsk before it flew on.", "nearly seven hours"),
])
def test_no_subject_from_prepositions_or_places(text, quote):
    "A preposition or a place after a measure is not what is counted."
    assert fields(text, quote)[0] is None


@pytest.mark.parametrize("text, quote, source", [
    ("Another monitor, Belarus Detention Watch, which applies a narrower definition, counts "
     "410 political prisoners.", "410", "Belarus Detention Watch"),
    ("Police detained 27 people at the rally, officials said.", "27", "officials"),
    ("Viasna counted 1,374 political prisoners. 1,350 remain in jail, the group said.", "1,350",
     "Viasna"),
    # a country's institution keeps its country: Poland's and Lithuania's border guards differ
    ("Poland's border guard said 200 people tried to cross on Tuesday.", "200",
     "Poland's border guard"),
    ("According to Poland's border guard, 200 people tried to cross.", "200",
     "Poland's border guard"),
    ("Belarus's interior ministry said 3,000 were held.", "3,000", "Belarus's interior ministry"),
    ("Figures from Lithuania's border guard show 4,200 crossings in 2021.", "4,200",
     "Lithuania's border guard"),
    ("Lithuania's border guard's figures show 4,200 crossings in 2021.", "4,200",
     "Lithuania's border guard"),
    ("About 26,000 tried in 2023, said Poland's border guard.", "About 26,000",
     "Poland's border guard"),
    ("On Monday Armenia's government said 100,617 people had crossed.", "100,617",
     "Armenia's government"),
    ("At least 80 needed treatment, the Public Defender's office said.", "At least 80",
     "Public Defender's office"),
    # a capitalised name stays whole; an organisation's figures are the organisation's
    ("Poland's Border Guard Service counted 30,000 attempts.", "30,000",
     "Poland's Border Guard Service"),
    ("Viasna's figures show 1,400 political prisoners.", "1,400", "Viasna"),
    # a relative clause that counts: the organisation it hangs on is the source
    ("Amnesty International, which counted 1,518 executions in 2024, called for a moratorium.",
     "1,518", "Amnesty International"),
])
def test_attribution(text, quote, source):
    assert fields(text, quote)[1] == source


def test_said_then_a_clause_credits_the_speaker():
    "In \"said Iran carried out\" Iran is what the statement is about, not its source."
    text = "Amnesty International said Iran carried out about 64% of executions."
    assert fields(text, "about 64%")[1] == "Amnesty International"


@pytest.mark.parametrize("text, quote", [
    # a relative clause with its own figure: the source said something else
    ("The OSCE, which deployed more than 500 observers, said the vote was unfair.", "more than 500"),
    # a person's claim about himself is no count
    ("Prigozhin, who claimed to command 25,000 men, was killed in August.", "25,000"),
])
def test_no_attribution(text, quote):
    assert fields(text, quote)[1] is None


@pytest.mark.parametrize("text, quote, as_of", [
    ("Belarus held 1,497 political prisoners as of 1 May 2023, Viasna said.", "1,497", "2023-05-01"),
    ("By the end of 2022, more than 1,400 political prisoners were in jail.", "more than 1,400",
     "2022-12-31"),
    ("Lithuania counted 4,200 crossings in 2021, against 81 in 2020.", "4,200", "2021"),
    ("Lithuania counted 4,200 crossings in 2021, against 81 in 2020.", "81", "2020"),
    ("It fell from about 60% in late 2022.", "about 60%", "2022"),
    ("The count was about 250 at the start of 2023.", "about 250", "2023"),
    ("During 2021, 36,000 people were detained.", "36,000", "2021"),
    ("2021: about 6,000 detained", "about 6,000", "2021"),
    ("- 1 July 2021: 529", "529", "2021-07-01"),
])
def test_as_of(text, quote, as_of):
    assert fields(text, quote)[2] == as_of


@pytest.mark.parametrize("text, quote", [
    # "since" starts a period; it is not the date the figure holds for
    ("Lawtrend has documented over 1,600 organisations liquidated since 2021.", "over 1,600"),
    ("Courts convicted more than 150 people since the procedure was introduced in July 2022.",
     "more than 150"),
    # the date belongs to another clause or another figure
    ("By the end of 2022, 1,400 were in jail; the total now stands at about 1,250.", "about 1,250"),
    ("Turnout was 58.9%, compared with 56.1% in 2020.", "58.9%"),
    ("At least seven have died in custody, among them Ales Pushkin, who died in July 2023.",
     "At least seven"),
    ("The group was founded in 1996 and now lists 1,120 political prisoners.", "1,120"),
])
def test_no_as_of(text, quote):
    assert fields(text, quote)[2] is None


@pytest.mark.parametrize("text, quote, subject", [
    # words after the counted noun that say which of them are counted
    ("At least 11 people were killed on election night.", "At least 11", "people killed on election night"),
    ("Police detained about 180 people overnight in Caracas.", "about 180", "people detained overnight"),
    ("About 70 people remain in custody, the group said.", "About 70", "people still in custody"),
    ("Officials said 2,229 people had been arrested, and monitors say about 1,300 of them remain in "
     "custody.", "about 1,300", "people arrested still in custody"),
    ("Some 1,150 people are behind bars in Belarus on political grounds.", "Some 1,150",
     "people behind bars on political grounds"),
    ("More than 300 detainees had reported beatings or other ill-treatment.", "More than 300",
     "detainees who reported beatings"),
    ("Hundreds of people have reported torture in custody.", "Hundreds", "people who reported torture"),
    ("Seven political prisoners have died in custody since 2021.", "Seven",
     "political prisoners died in custody"),
    ("Dozens of people were arrested in raids on Wednesday.", "Dozens", "people arrested in raids"),
    ("At least 901 people were put to death in Iran in 2024.", "At least 901", "people put to death"),
    ("12 people who were detained later died.", "12", "people detained"),
    # a detention for political reasons is still a detention: no slice
    ("More than 40,000 people had been detained for political reasons since the vote.",
     "More than 40,000", "people detained"),
    # an elided figure takes the noun, not the words that single out the first figure
    ("About 1,900 people are still in custody, but 1,000 remain behind bars in Caracas.", "1,000", "people"),
    # a noun naming what happened takes no phrase after it: those vary from report to report
    ("Medics recorded 160 injuries at the rally in the capital.", "160", "injuries"),
    ("The court approved 40 pardons for the convicts.", "40", "pardons"),
    ("There were 12 fatalities on the bridge.", "12", "fatalities"),
    ("Police reported 300 detentions at the protests.", "300", "detentions"),
    # other nouns keep it
    ("The ombudsman received 120 complaints of abuse.", "120", "complaints of abuse"),
])
def test_subject_keeps_the_words_after_its_noun(text, quote, subject):
    assert fields(text, quote)[0] == subject


@pytest.mark.parametrize("text, quote, subject", [
    # durations: what lasts, as a reader would say it
    ("Lukashenko, who has ruled Belarus for 26 years, faces the largest protests yet.", "26 years", "in power"),
    ("The president has led the country for more than 30 years.", "more than 30 years", "in power"),
    ("Maduro, in office for 13 years, denied the claims.", "13 years", "in power"),
    ("After 13 years at the helm, the president sought another term.", "13 years", "in power"),
    ("His 26-year rule faces its biggest test.", "26-year", "in power"),
    ("A court sentenced Ales Bialiatski to ten years. His colleague Valiantsin Stefanovic received nine years.",
     "nine years", "sentence"),
    ("Babaryka is serving 14 years.", "14 years", "sentence"),
    ("Eleven months after the election, the protests have faded.", "Eleven months", "since the election"),
    ("Nine months into the protests, the jails are full.", "Nine months", "since the protests"),
    # percentages: what the share is of, or what changed
    ("The commission reported a turnout of 68.4%.", "68.4%", "turnout"),
    ("Some 68% of registered voters took part.", "Some 68%", "registered voters"),
    ("There was a 40% rise in food prices.", "40%", "rise in food prices"),
    ("Support fell by six percentage points in May.", "six percentage points", "fall in support"),
    # "were up": a change, not the headline figure of the clause before
    ("Inflation stood at 54.6% in June, and food prices were up 80.1% on a year earlier.", "80.1%",
     "rise in food prices"),
    ("Exports were down 12% in May.", "12%", "fall in exports"),
    ("The opposition says the official turnout of 59% was inflated.", "59%", "official turnout"),
    ("Observers at the polls recorded at least 60% for Tsikhanouskaya.", "at least 60%", "share of the vote"),
    # money: what the sum is
    ("Putin promised a loan of $1.5 billion.", "$1.5 billion", "loan"),
    ("The $2 billion Chinese loan has kept the state afloat.", "$2 billion", "loan"),
])
def test_subject_of_durations_shares_and_money(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_a_change_over_a_span_of_time_is_not_a_change_in_it():
    "\"a 40% rise in a year\": the year is when, not what rose."
    assert fields("Food prices saw a 40% rise in a year.", "40%")[0] == "rise"


def test_in_power_and_sentence_need_their_words():
    "Thirteen years in prison is a sentence, thirteen years of rule is time in power, a wait is neither."
    assert fields("She was jailed for 13 years in 2021.", "13 years")[0] == "sentence"
    assert fields("He received 13 years of rule as a gift, critics joked.", "13 years")[0] != "sentence"
    assert fields("The flight waited for about seven hours.", "about seven hours")[0] not in ("in power", "sentence")


@pytest.mark.parametrize("text, quote, subject", [
    ("Viasna counts 1,500 political prisoners. Some 300 of them are women, the group added.",
     "Some 300", "women political prisoners"),
    ("Viasna counts 1,500 political prisoners. About 40 of them were journalists.",
     "About 40", "journalists political prisoners"),
    ("Police held 2,000 protesters. About 300 of them were released on Monday.",
     "About 300", "protesters released"),
    ("Viasna counts 1,500 political prisoners. Five of them have died in custody.",
     "Five", "political prisoners died in custody"),
    ("Viasna counts 1,453 political prisoners. The group said 158 of those behind bars are women.",
     "158", "women political prisoners"),
])
def test_of_them_opening_a_sentence_counts_a_part_of_the_figure_before(text, quote, subject):
    "'300 of them are women': a slice of the previous sentence's figure, never the whole of it."
    assert fields(text, quote)[0] == subject


def test_of_them_needs_a_figure_just_before():
    text = "Viasna counts 1,500 political prisoners.\n\nMonths later, 300 of them were freed."
    assert fields(text, "300")[0] != "political prisoners"


@pytest.mark.parametrize("text, quote, source", [
    # "the group" with nobody named before it stands for itself; with a source named
    # in the sentence, it gives way to it
    ("Courts have sentenced at least 240 people, the group said.", "at least 240", "group"),
    ("In March 2024 the group counted 1,419 prisoners, Viasna reported.", "1,419", "Viasna"),
    # between a source and its verb: an apposition, a "whose" clause
    ("A monitoring group, the Archive of Public Gatherings, estimated that 300,000 people came.",
     "300,000", "Archive of Public Gatherings"),
    ("Memorial, whose lists are narrower, counts about 800 political prisoners.", "about 800", "Memorial"),
    # an acronym with its description, an owner in the plural, "a count by"
    ("About 950,000 were registered, according to the UN refugee agency.", "About 950,000",
     "UN refugee agency"),
    ("Over 200 schools are on strike, according to the teachers' union.", "Over 200", "teachers' union"),
    ("The total passed 1,000, according to a count by the independent outlet Mediazona.", "1,000",
     "Mediazona"),
    ("More than 20 bus routes were cut, diplomats said.", "More than 20", "diplomats"),
])
def test_sources_written_in_more_ways(text, quote, source):
    assert fields(text, quote)[1] == source


@pytest.mark.parametrize("text, quote, as_of", [
    ("Last year 2,064 civilians were killed, about 30% more than in 2023.", "about 30%", None),
    ("Some 2,064 civilians were killed in 2024, about 30% more than in 2023.", "about 30%", "2024"),
    ("Nearly 950,000 were registered in January 2025, down from a peak of 1.6 million.", "1.6 million", None),
])
def test_a_figure_compared_with_is_not_dated_by_the_sentence(text, quote, as_of):
    "'more than in 2023' is the base of a comparison; 'down from a peak of' an earlier figure."
    assert fields(text, quote)[2] == as_of


@pytest.mark.parametrize("text, not_claims", [
    ("The country, which holds 25 journalists, ranked 167th of 180 countries.", {"167th", "180"}),
    ("Of 25 prisoners, the youngest is 17; the oldest is 76.", {"17", "76"}),
    ("Two reporters from Kanal 13 and five held in Camp 13 under Decree No 278.", {"13", "278"}),
])
def test_ranks_ages_and_names_are_not_claims(text, not_claims):
    quotes = {c.quote for c in extract_claims(text, "en")}
    assert quotes and not quotes & not_claims


def test_a_margin_of_error_keeps_its_words():
    [claim] = [c for c in extract_claims("The poll has a margin of error of plus or minus 3 points.", "en")]
    assert (claim.quote, claim.qualifier, claim.value) == ("plus or minus 3 points", "exact", 3)


def test_headlines_under_a_most_read_heading_are_furniture():
    page = ("Police detained 40 people on Sunday.\nMost read\n1. Court jails critic for 19 years\n"
            "• Three arrested after fire\nSign in to read 2 more free articles\n"
            "Support independent journalism from £3 a month\n")
    assert [c.quote for c in extract_claims(page, "en")] == ["40"]
    # a paragraph after a heading-like word is reporting, not a list of links
    text = "Latest\nPolice detained 40 people on Sunday. Another 12 were fined."
    assert [c.quote for c in extract_claims(text, "en")] == ["40", "12"]


@pytest.mark.parametrize("text, expected", [
    ("She served five years and nine months.", [("five years and nine months", 5.75, "years")]),
    ("He got 26 years and four months.", [("26 years and four months", 26.33, "years")]),
    # two figures, not one: a count of months beside a count of years
    ("Two years and 14 months of talks.", [("Two years", 2, "years"), ("14 months", 14, "months")]),
])
def test_compound_durations_are_one_claim(text, expected):
    assert [(c.quote, c.value, c.unit) for c in extract_claims(text, "en")] == expected


@pytest.mark.parametrize("text, quotes", [
    ("Give £10 a month or £120 a year", []),  # a donation appeal
    ("The scheme will give families £300 a month.", ["£300"]),
    ("Eritrea (180) came last in the press freedom index, Norway (1) first.", []),
    ("Police (40) and soldiers (25) were deployed.", ["40", "25"]),
    ("Turnout grew by a factor of three, to 900.", ["900"]),
])
def test_appeals_bracketed_ranks_and_multipliers(text, quotes):
    assert [c.quote for c in extract_claims(text, "en")] == quotes


def test_the_end_of_a_period_dates_its_figures():
    assert fields("In the two years to September 2023, 500 people left.", "500")[2] == "2023-09"


def test_no_before_a_described_count_noun_is_zero():
    [claim] = extract_claims("Her office said no independent observers were let in.", "en")
    assert (claim.quote, claim.value, claim.qualifier) == ("no", 0, "exact")


def test_an_owned_office_is_the_source_not_its_owner():
    "'Belarus's statistics office says': the office, not Belarus (whose 'statistics' it is not)."
    text = "Belarus's statistics office says the workforce shrank by 156,000 people."
    assert fields(text, "156,000")[1] == "Belarus's statistics office"
    assert fields("Defence lawyers said 11 journalists were held.", "11")[1] == "Defence lawyers"


@pytest.mark.parametrize("text, quotes", [
    ("Those who were under 18 at the time were spared.", []),
    ("Respondents over 55 said so.", []),
    ("The activist, 34, was detained.", []),
    ("Under 18 people were hurt.", ["Under 18"]),  # a count: nobody before it is aged
    ("Police detained over 55 people.", ["over 55"]),
    ("It shrank by about three-quarters between 2013 and 2021.", ["about three-quarters"]),
    ("He was sentenced in April 2023 to 25 years.", ["25 years"]),  # a date, then a claim
    ("It was the worst crisis since World War Two.", []),
])
def test_age_brackets_dates_before_claims_and_fractions(text, quotes):
    assert [c.quote for c in extract_claims(text, "en")] == quotes


@pytest.mark.parametrize("text, quote, source", [
    ("A survey carried out on 3-7 March found that 41 per cent approved.", "41 per cent", None),
    ("Six helicopters were shot down, according to Russian military bloggers.", "Six",
     "Russian military bloggers"),
    ("Half say they were beaten, according to a survey of 1,200 former detainees by the Helsinki "
     "Committee.", "Half", "Helsinki Committee"),
    ("Hundreds of thousands of children face starvation, UNICEF warned.", "Hundreds of thousands", "UNICEF"),
    ("BYSOL, a fund set up by exiled athletes, says it has helped 3,000 families.", "3,000", "BYSOL"),
    ("The Assistance Association for Political Prisoners (AAPP) said 4,186 people were killed.",
     "4,186", "Assistance Association for Political Prisoners"),
    ("At least 30 were detained, the group added.", "At least 30", "group"),
    ("The justice ministry added six names to its register.", "six", None),
    ("Junta spokesman Zaw Min Tun said 5,000 would be called up.", "5,000", "Junta spokesman Zaw Min Tun"),
])
def test_more_sources_and_what_is_not_one(text, quote, source):
    assert fields(text, quote)[1] == source


@pytest.mark.parametrize("text, quote, as_of", [
    ("During February 2025 alone, no fewer than 117 people were detained.", "no fewer than 117", "2025-02"),
    ("Executions by year: 2021 333 · 2022 582 · 2023 834", "582", "2022"),
])
def test_during_a_month_and_years_in_a_one_line_table(text, quote, as_of):
    assert fields(text, quote)[2] == as_of


def test_newsletter_footers_are_furniture():
    text = "Police detained 12 people.\nUnsubscribe | Manage preferences\nForward to a friend - it takes 30 seconds.\n"
    assert [c.quote for c in extract_claims(text, "en")] == ["12"]


def test_an_official_with_article_and_place():
    text = '"We counted every vote twice," an election official in Tbilisi told us.'
    assert fields(text, "twice")[1] == "an election official in Tbilisi"


def test_a_year_after_for_is_no_count_and_a_compared_figure_takes_its_own_date():
    assert [c.quote for c in extract_claims("The appeal for 2025 seeks $4.2bn.", "en")] == ["$4.2bn"]
    text = "The total stood at 1,160 on 1 August 2025, against 1,250 a year before, on 1 August 2024."
    assert fields(text, "1,250")[2] == "2024-08-01"
    text = "Viasna recognised about 400, so the total stood at 1,160 on 1 August 2025."
    assert fields(text, "about 400")[2] is None
    assert fields("Nearly 25 million face hunger, UN agencies say.", "Nearly 25 million")[1] == "UN agencies"


@pytest.mark.parametrize("text, expected", [
    ("The maximum sentence rose from five to six years.", [("five", "years"), ("six years", "years")]),
    ("Support rose from 45 to 60%.", [("45", "percent"), ("60%", "percent")]),
    ("Detentions rose from 40 to 60 people.", [("40", None), ("60", None)]),
])
def test_a_change_shares_its_unit(text, expected):
    assert [(c.quote, c.unit) for c in extract_claims(text, "en")] == expected


@pytest.mark.parametrize("text, quote", [
    # "down" and "up" as a verb's particle say no change: the range stands
    ("The court handed down sentences ranging from three to 12 years.", "from three to 12 years"),
    ("Police rounded up from 20 to 30 people.", "from 20 to 30"),
])
def test_a_range_after_a_particle_is_a_range(text, quote):
    [claim] = extract_claims(text, "en")
    assert (claim.quote, claim.qualifier) == (quote, "range")
    # a change keeps its two figures
    assert [c.quote for c in extract_claims("Arrests were down from 300 to 200.", "en")] == ["300", "200"]


def test_an_ordinal_date_with_the_and_now_before_an_age():
    assert fields("On the 11th of July 2021, 40 people died.", "40")[2] == "2021-07-11"
    assert extract_claims("Ms Kolesnikova, now 42, was freed.", "en") == []


def test_a_source_of_the_figure_s_own_clause_wins_over_a_nearer_one():
    text = "The Registry now lists 168 people, and relatives say dozens more are held."
    assert fields(text, "168")[1] == "Registry"
    text = "The Registry, which keeps the list most often cited by diplomats, counts 212 prisoners."
    assert fields(text, "212")[1] == "Registry"


@pytest.mark.parametrize("text, expected", [
    ("He has been in power for a quarter of a century.", ("a quarter of a century", 25, "years", "exact")),
    ("It ends nearly half a century of rule.", ("nearly half a century", 50, "years", "almost")),
    ("Half of them were freed.", ("Half", 50.0, "percent", "exact")),
])
def test_a_fraction_of_a_century_is_a_duration(text, expected):
    [claim] = extract_claims(text, "en")
    assert (claim.quote, claim.value, claim.unit, claim.qualifier) == expected


def test_going_up_to_a_figure_is_no_ceiling():
    assert [(c.quote, c.qualifier) for c in extract_claims("The tax goes up to 25% from 20%.", "en")] == [
        ("25%", "exact"), ("20%", "exact")]
    assert [c.qualifier for c in extract_claims("Fines of up to 50,000 roubles.", "en")] == ["up_to"]
    # a sum is no ceiling either
    assert [(c.quote, c.qualifier) for c in extract_claims("Her sentences now add up to 33 years.", "en")] == [
        ("33 years", "exact")]


@pytest.mark.parametrize("text, expected", [
    ("About a hundred people were held.", ("About a hundred", 100, None, None)),
    ("Nearly half a million fled.", ("Nearly half a million", 500000, None, 500000)),
    ("Several hundred thousand people fled.", ("Several hundred thousand", None, 200000, 999999)),
    ("One in every five voters stayed home.", ("One in every five", 20.0, 20.0, 20.0)),
    ("It signed a $2.5-billion deal.", ("$2.5-billion", 2500000000, 2500000000, 2500000000)),
])
def test_more_ways_to_write_a_number(text, expected):
    [claim] = extract_claims(text, "en")
    assert (claim.quote, claim.value, claim.low, claim.high) == expected


def test_a_spokesman_is_a_source():
    text = "The quakes killed more than 2,000 people, a Taliban spokesman said on Monday."
    assert fields(text, "more than 2,000")[1] == "a Taliban spokesman"


@pytest.mark.parametrize("text, quote, subject", [
    # counted as something: what they are counted as is the subject
    ("Viasna recognised 1,453 people as political prisoners on 1 May 2023.", "1,453", "political prisoners"),
    ("Since 2020 the centre has recognised more than 3,900 people in total as political prisoners.",
     "more than 3,900", "political prisoners"),
    ("In total, more than 3,500 people have been recognised as political prisoners since 2020.",
     "more than 3,500", "political prisoners"),
    # the height a count fell from is the same count
    ("Nearly a million Ukrainians were registered in Poland in January, down from a peak of 1.6 million.",
     "1.6 million", "ukrainians"),
    ("Viasna counts 1,150 political prisoners, down from a record high of 1,500 in 2023.", "1,500",
     "political prisoners"),
    # a sentence naming nobody goes on counting what the sentence before counted
    ("CPJ counted 361 journalists in prison worldwide. China held 50, Israel 43 and Russia 30.",
     "50", "journalists held"),
    ("Police detained 40 protesters on Sunday. On Monday they held 30 more.", "30", "protesters held"),
    # fact boxes: the label on the figure's line, without its date
    ("Key figures\nJournalists detained in 2024: 21\nConvicted since 2023: 9\n", "21", "journalists detained"),
    ("Key figures\nJournalists detained in 2024: 21\nConvicted since 2023: 9\n", "9", "convicted"),
    ("Executions by year (IHR): 2021 333 · 2022 582 · 2023 834", "582", "executions"),
    ("Executions in Iran, 2019-2023\n2019: 280\n2020: 267\nShare this article", "267", "executions in iran"),
])
def test_subject_from_what_the_figure_is_counted_as_compared_with_or_listed_under(text, quote, subject):
    assert fields(text, quote)[0] == subject


@pytest.mark.parametrize("text, quote, not_subject", [
    # "people" written in the sentence is its own noun, not a guess to replace
    ("CPJ counted 361 journalists in prison. Police held 50 people overnight.", "50", "journalists held"),
    # a label that is a sentence is not a fact box
    ("The ministry said on Friday that the figure stood at this level: 45", "45",
     "the ministry said on friday that the figure stood at this level"),
    # "as" after a figure of people only names them after a verb that classes them
    ("Police detained 40 people as protesters gathered.", "40", "protesters"),
])
def test_those_subject_rules_need_their_shape(text, quote, not_subject):
    assert fields(text, quote)[0] != not_subject


@pytest.mark.parametrize("text, quote, subject", [
    # a slice of a group named at the front of the sentence
    ("Viasna counted 1,377 political prisoners in July. Of those held at the end of July, 174 were women.",
     "174", "women political prisoners"),
    ("At least 238 people died in the unrest. Of the dead, 19 were police officers or soldiers.", "19",
     "security forces dead"),
    ("At least 238 people died in the unrest. Of the dead, 19 were police officers.", "19", "police officers dead"),
    ("Of the 300 people detained, 40 were journalists.", "40", "journalists detained"),
    # headlines say what happened in the present tense
    ("Tbilisi protests: police detain more than 400 as rallies go on", "more than 400", "people detained"),
    ("Iran executes 12 in a single day, rights group says", "12", "people executed"),
])
def test_subject_of_a_front_slice_and_of_a_headline_verb(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_a_front_group_without_a_slice_after_the_figure_names_nothing_new():
    assert fields("Of the votes cast, 80% were for the incumbent.", "80%")[0] is None


@pytest.mark.parametrize("text, quote, subject", [
    # a figure with no noun after another, dated differently: the same noun
    ("Police have detained more than 1,200 people since the protests began, including about 300 last week.",
     "about 300", "people detained"),
    ("AAPP said 20,500 people remained in detention, up from 19,900 last month.", "19,900",
     "people still in detention"),
])
def test_a_figure_compared_or_included_with_its_time_takes_the_noun_before(text, quote, subject):
    assert fields(text, quote)[0] == subject


@pytest.mark.parametrize("text, quote, subject", [
    # a figure defined after a dash, in a list of numbers
    ("6. 1,150 — political prisoners in Belarus on 1 March, Viasna says.", "1,150", "political prisoners"),
    ("Nine — people sentenced in Russia this week for donating to Ukrainian charities.", "Nine",
     "people sentenced"),
    # held on political charges: who is held for their views
    ("Viasna said 1,154 people were still being held on political charges.", "1,154",
     "people held on political charges"),
])
def test_subject_after_a_dash_and_political_charges(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_a_dash_inside_a_sentence_defines_nothing():
    assert fields("He said 40 - maybe more - were hurt.", "40")[0] != "maybe"


@pytest.mark.parametrize("text, quote, subject", [
    # a total after new entries is the whole list, not the new entries
    ("Viasna recognised about 400 new political prisoners, so the total barely moved: it stood at 1,160 "
     "on 1 August 2025.", "1,160", "political prisoners"),
    # "Of the 1,377, …" names the count before
    ("Viasna counted 1,377 political prisoners. Of the 1,377, about a third are serving long terms.", "1,377",
     "political prisoners"),
    ("Viasna counted 1,377 political prisoners. One was sentenced to 12 years.\nHow long are the terms?\n"
     "Of the 1,377, about a third are serving long terms.", "1,377", "political prisoners"),
])
def test_subject_of_a_total_after_new_entries_and_of_a_count_named_again(text, quote, subject):
    found = [c for c in extract_claims(text, "en") if c.quote == quote]
    assert found[-1].subject == subject


@pytest.mark.parametrize("text, quote, subject", [
    # time served is not the term
    ("Yashin had served more than two years of his 8.5-year term.", "more than two years", "time served"),
    # a slice said after the group
    ("Viasna says 173 of the political prisoners are women.", "173", "women political prisoners"),
    ("About 40 of the people held are journalists, the union says.", "About 40", "journalists held"),
    # released people who had been detained: their release is what is counted
    ("Venezuelan authorities have released 225 people detained in the crackdown.", "225", "people released"),
    ("Lukashenko pardoned 18 people convicted of extremist offences.", "18", "people pardoned"),
    # what befell some "of those" a participle names is said by the verb before the figure
    ("The government has freed about 7,000 of those arrested for lack of evidence.", "about 7,000", "people freed"),
    ("The court convicted 262 of those arrested.", "262", "people convicted"),
    ("40 of those detained were later released.", "40", "people released"),
    ("Police have arrested 78,000 people and released about 7,000 of them for lack of evidence.", "about 7,000",
     "people released"),
    ("Police detained 500 protesters and released 300 of them.", "300", "protesters released"),
    # a place's size in people is its capacity, not the people it holds
    ("The government is building a new prison for 40,000 inmates.", "40,000", "capacity"),
    ("The mega-prison, built for 40,000 inmates, opened in 2023.", "40,000", "capacity"),
    ("The jail was designed to hold 2,500 people but now holds 9,000.", "2,500", "capacity"),
    ("The jail was designed to hold 2,500 people but now holds 9,000.", "9,000", "people held"),
    ("The camp for 3,000 refugees is full.", "3,000", "refugees"),
    ("The figure we gave was the prison's capacity of 6,000 inmates.", "6,000", "capacity"),
    # police and soldiers together are the security forces
    ("The government says 10 police officers and soldiers died on the day of the protests.", "10",
     "security forces died"),
    ("According to the ministry, 19 of the dead were police officers or soldiers.", "19", "security forces dead"),
    ("Some 6,300 civilians and activists had been killed.", "Some 6,300", "civilians killed"),
    # a count's verb gapped after "and": "…, and the number arrested at 307,000"
    ("The tally puts the dead in police operations at 6,252, and the number arrested at more than 307,000.",
     "more than 307,000", "arrested"),
    # a bulleted "Of the 353, …" is a part of the count before, whatever befell it
    ("- At least 353 people were killed in protests.\n- Of the 353, at least 40 were children.\n", "at least 40",
     "children killed"),
    # a toll read past an aside
    ("Human Rights Watch says the true toll, once killings by unidentified gunmen are added, is more than 12,000.",
     "more than 12,000", "toll"),
    # a fact-box label's month is when, not what is counted
    ("Key figures\nMurders cited in the arrest warrant of March: 43\n", "43", "murders cited in the arrest warrant"),
    # a candidate's share, said with the candidate's name or a pronoun between
    ("The Constitutional Council credited Biya with 53.66%.", "53.66%", "share of the vote"),
    ("Its count of polling-station results gives him 54.8%.", "54.8%", "share of the vote"),
    ("The council cut Daniel Chapo's share of the vote to 65.17% and raised Venâncio Mondlane's to 24.19%.",
     "65.17%", "share of the vote"),
    ("The council cut Daniel Chapo's share of the vote to 65.17% and raised Venâncio Mondlane's to 24.19%.",
     "24.19%", "share of the vote"),
    ("The bank cut its forecast to 3%.", "3%", None),
    # people on hunger strike are counted as such, wherever they are held
    ("Dozens of detainees at El Harrach prison went on hunger strike in January.", "Dozens",
     "detainees on hunger strike"),
    ("About 40 prisoners are on hunger strike.", "About 40", "prisoners on hunger strike"),
    # facing execution is said with the people who face it
    ("At least 109 protesters are at risk of execution, the group said.", "At least 109",
     "protesters at risk of execution"),
    ("Key figures\nProtesters still at risk of execution: at least 100\n", "at least 100",
     "protesters still at risk of execution"),
])
def test_subject_of_time_served_a_slice_after_its_group_and_a_release(text, quote, subject):
    assert fields(text, quote)[0] == subject


@pytest.mark.parametrize("text, quote, subject", [
    # bullets of a fact box, up to the label's first preposition, a source in brackets after
    ("Key figures\n• Detained for anti-war stance since February 2022: more than 20,000 (OVD-Info)\n",
     "more than 20,000", "detained"),
    ("Key figures\n• Political prisoners on Memorial's list: 788\n", "788", "political prisoners"),
    # holding a status is not being held
    ("About 955,000 Ukrainian refugees held temporary protection in Poland at the end of June.",
     "About 955,000", "ukrainian refugees"),
    ("About 300 protesters were held overnight.", "About 300", "protesters held overnight"),
])
def test_subject_of_fact_box_bullets_and_of_holding_a_status(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_a_sentence_naming_nobody_takes_the_last_count_of_its_unit_before():
    text = ("Eritrea jails 16 journalists, among them one held incommunicado for 23 years. "
            "Neighbouring Ethiopia holds six, the census found.")
    assert fields(text, "six")[0] == "journalists held"


def test_a_running_total_after_one_nights_count_is_not_that_nights():
    text = "Georgian police detained 48 people overnight, bringing the number held since 28 November to more than 400."
    assert fields(text, "48")[0] == "people detained overnight"
    assert fields(text, "more than 400")[0] == "people detained"


def test_a_figure_before_an_event_it_is_compared_with_takes_the_noun_before():
    text = "The Mechanism lists 73 political prisoners, down from 151 before the February releases."
    assert fields(text, "151")[0] == "political prisoners"


@pytest.mark.parametrize("text, quote, subject", [
    # hearsay between the figure and what happened
    ("Around Bakhmut, thousands are thought to have died in the winter.", "thousands", "people died"),
    ("At least 200 are reported to have been arrested.", "At least 200", "people arrested"),
    ("Some 500 villagers are believed to have fled.", "Some 500", "villagers fled"),
    # "died" straight after the figure
    ("On the first night 12 died in the fire.", "12", "people died"),
    # newly recognised: new entries on the list, not the list
    ("In March 52 people were newly recognised as political prisoners.", "52", "new political prisoners"),
    ("Some 30 people have been officially recognised as political prisoners.", "Some 30", "political prisoners"),
    # two groups before what happened to them
    ("At least 90 students and teachers were detained at the campus.", "At least 90", "students detained"),
    # driven from their homes, whatever the verb
    ("Fighting has driven nearly 400,000 people from their homes.", "nearly 400,000", "people displaced"),
    ("About 2 million people have been forced from their homes.", "About 2 million", "people displaced"),
])
def test_subject_through_hearsay_pairs_and_displacement(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_going_home_is_not_being_displaced():
    assert fields("About 300 families returned to their homes last week.", "About 300")[0] != "families displaced"


def test_the_figure_named_again_takes_the_whole_earlier_count():
    text = "Police held 640 people at the march. At the previous march the figure had been about 400."
    assert fields(text, "about 400")[0] == "people held"


def test_of_the_figure_takes_the_subject_of_that_figure_not_the_last_count():
    text = ("The monitor counted 910 political prisoners at the end of May.\n"
            "Some 25 journalists are among them.\nHow long are the terms?\n"
            "Of the 910, about half are serving more than four years.")
    again = [c for c in extract_claims(text, "en") if c.quote == "910"][1]
    assert again.sentence.startswith("Of the 910") and again.subject == "political prisoners"


def test_a_count_named_after_a_general_one_is_not_doubled():
    text = ("The war has driven millions of people from their homes. The agency puts the number of "
            "displaced at more than 8 million, while nearly 2 million have fled abroad, 600,000 of them to Chad.")
    subjects = [fields(text, q)[0] for q in ("millions", "nearly 2 million", "600,000")]
    assert subjects == ["people displaced", "people fled", "people fled"]


@pytest.mark.parametrize("text, quote", [
    ("In May 300 people were detained at the border.", "300"),
    ("In March 52 people were newly recognised as political prisoners.", "52"),
    ("In May 1,200 people fled the city.", "1,200"),
    ("In May 2.5 million people voted early.", "2.5 million"),
])
def test_a_count_straight_after_a_month_is_a_claim(text, quote):
    assert [c.quote for c in extract_claims(text, "en")] == [quote]


@pytest.mark.parametrize("text", [
    "In March 12 people were detained.",  # "March 12" reads as a day
    "Since May 2020 the group has grown.",
    "On 12 May 2023 the court sat.",
])
def test_a_day_or_year_after_a_month_is_still_a_date(text):
    assert extract_claims(text, "en") == []


@pytest.mark.parametrize("text, quote, subject", [
    ("More than 100 have since left the country.", "More than 100", "people left"),
    ("After the raids, 30 remain behind bars.", "30", "people still behind bars"),
    # a count named just before is what remains
    ("The centre counts 1,300 political prisoners. Another 200 remain in custody.", "200", "political prisoners"),
])
def test_subject_of_a_bare_figure_that_left_or_remains(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_an_n_year_ruler_has_been_in_power_that_long():
    assert fields("Since the vote, the 27-year ruler has cracked down on dissent.", "27-year")[0] == "in power"
    assert fields("He is a 20-year veteran of the ministry.", "20-year")[0] == "veteran"


@pytest.mark.parametrize("text, quote, subject", [
    ("The ministry put the number of dead at 1,245.", "1,245", "dead"),
    ("The UN says 3.4 million Sudanese have fled to neighbouring countries.", "3.4 million", "sudanese fled"),
    ("Some 40 Chinese nationals were deported.", "Some 40", "chinese nationals deported"),
    ("An estimated 8 million people are internally displaced.", "An estimated 8 million",
     "people internally displaced"),
])
def test_subject_of_a_number_of_the_dead_a_demonym_and_the_internally_displaced(text, quote, subject):
    assert fields(text, quote)[0] == subject


@pytest.mark.parametrize("text, quotes", [
    ("The UN's 193 member states voted on the resolution.", ["193"]),
    ("In the second half of 2024 prices rose.", []),
    ("In the first quarter of 2023 exports fell, and half of the plants closed.", ["half"]),
])
def test_a_possessive_name_owns_its_count_and_a_half_year_is_a_time(text, quotes):
    assert [c.quote for c in extract_claims(text, "en")] == quotes


def test_a_part_of_a_total_takes_the_noun_after_the_total_and_the_total_does_not_share_the_verb():
    text = "The court said 19 of the 23 defendants were convicted."
    assert fields(text, "19")[0] == "defendants convicted"
    assert fields(text, "23")[0] == "defendants"
    assert fields("The party won 89 of the 150 seats.", "89")[0] == "seats"


def test_a_worded_share_of_a_worded_scale_is_one_figure():
    [claim] = extract_claims("Nearly a quarter of a million people fled.", "en")
    assert (claim.quote, claim.value, claim.qualifier, claim.subject) == (
        "Nearly a quarter of a million", 250_000, "almost", "people fled")


def test_a_multiplier_is_not_a_claim():
    assert [c.quote for c in extract_claims("A 10-fold rise, to 300 arrests.", "en")] == ["300"]


@pytest.mark.parametrize("text, quote, subject", [
    ("Police detained 40 people; 200 more were arrested on Sunday.", "200", "people arrested"),
    ("Inside the country 11 million people are displaced, and 3 million more have fled abroad.",
     "3 million", "people fled"),
])
def test_more_and_others_before_what_happened(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_data_compiled_by_a_described_source():
    text = "Data compiled by the rights group OVD-Info show 20,000 detentions."
    assert fields(text, "20,000")[1] == "OVD-Info"


@pytest.mark.parametrize("text, quote, subject", [
    ("Nearly 1,200 people remain imprisoned on political grounds, the centre says.", "Nearly 1,200",
     "people imprisoned on political grounds"),
    ("Some 300 people remain missing after the floods.", "Some 300", "people missing"),
])
def test_remain_before_what_happened(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_year_rows_in_a_bulleted_fact_box_read_their_heading():
    text = ("Dead or missing at sea\n- 2023: 3,155\n- 2024: 2,452\nSea arrivals in Italy\n- 2023: 157,651\n"
            "In 2022 the figure had been 105,131.")
    assert fields(text, "2,452")[0] == "dead or missing at sea"
    assert fields(text, "157,651")[0] == "sea arrivals in italy"
    assert fields(text, "105,131")[0] == "sea arrivals"


def test_a_bulleted_of_the_figure_and_up_from_the_earlier_figure_take_that_count():
    text = "Key findings\n- At least 353 people were killed in protests.\n- Of the 353, at least 40 were children."
    assert [c.subject for c in extract_claims(text, "en") if c.quote == "353"] == ["people killed"]
    text = "The commission counts more than 60 people killed, up from the 39 it reported on 1 July."
    assert fields(text, "39")[0] == "people killed"


@pytest.mark.parametrize("text, quote, subject", [
    ("In 2023, 3,155 migrants died or went missing at sea.", "3,155", "migrants died or missing"),
    ("The wreck left more than 600 people dead or missing.", "more than 600", "people dead or missing"),
    ("Nearly 2,500 people drowned on the route in 2023.", "Nearly 2,500", "people drowned"),
    ("Some 104 people were rescued, the coastguard said.", "Some 104", "people rescued"),
    ("A court sentenced 337 people to life in prison.", "337", "people sentenced to life"),
    ("Rescuers recovered 78 bodies from the sea off the coast.", "78", "bodies from sea"),
    ("Police are holding 5,000 people in custody. Of these, at least 140 are journalists.", "at least 140",
     "journalists in custody"),
])
def test_subject_of_the_dead_or_missing_the_rescued_life_terms_and_of_these(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_the_number_described_otherwise_is_not_the_figure_named_again():
    text = "Some 104 people were rescued. The coastguard put the number on board at about 400."
    assert fields(text, "about 400")[0] != "people rescued"


@pytest.mark.parametrize("text, quote, subject", [
    ("Police arrested 271 people, far fewer than the 627 the commission reported.", "627", "people arrested"),
    ("Agencies believe between 400 and 750 people were on board.", "between 400 and 750", "people on board"),
    ("Survivors said there were at least 700 aboard.", "at least 700", "people on board"),
    ("Since October, 96 people have lost their lives in the unrest.", "96", "people died"),
])
def test_subject_of_a_figure_compared_with_the_one_before_on_board_and_lost_lives(text, quote, subject):
    assert fields(text, quote)[0] == subject


@pytest.mark.parametrize("text, quote, subject", [
    ("Greece declared three days of national mourning.", "three days", "national mourning"),
    ("Ortega, now in his fourth consecutive term, spoke.", "fourth", "consecutive term"),
])
def test_an_adjective_before_what_a_unit_measures_stays_with_it(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_a_possessive_leaves_no_s_in_the_noun_before():
    assert fields("Turnout in January's runoff was 11.4%.", "11.4%")[0] == "runoff"


@pytest.mark.parametrize("text, quote, attribution", [
    ("Per OVD-Info, more than 20,000 people have been detained.", "more than 20,000", "OVD-Info"),
    ("The opposition says 300 were detained; police say 120.", "300", "opposition"),
    ("The council credited Maduro with 51.2% of the vote; the opposition says he lost.", "51.2%", None),
    ("An amnesty freed more than 1,100 people, but activists say dozens remain in prison.", "more than 1,100", None),
    ("At least 50 reporters were injured while covering the rallies, according to press unions.", "At least 50",
     "press unions"),
])
def test_a_source_after_a_contrast_speaks_for_its_own_clause(text, quote, attribution):
    assert fields(text, quote)[1] == attribution


def test_a_count_named_again_after_a_short_sentence_takes_that_count():
    text = ("The paper said the group had recorded 300 deaths in the unrest. That was wrong. "
            "The group's count at the time was 278.")
    assert fields(text, "278")[0] == "deaths"
    # a sentence between, across paragraphs: not that count
    text = "The group recorded 300 deaths in the unrest. That was wrong.\n\nThe count at the time was 278."
    assert fields(text, "278")[0] is None


def test_the_figure_takes_the_count_its_sentence_names():
    text = ("The ministry has stopped publishing its detention count; in 2019 the figure had "
            "been more than 500,000.")
    assert fields(text, "more than 500,000")[0] == "detention count"
    assert fields("Its official count rose; the figure had been 4,100.", "4,100")[0] is None


@pytest.mark.parametrize("text, quote, subject", [
    ("The government's own toll, published in January, was 96.", "96", "toll"),
    ("The electoral council's figures, 51.2% for him on a turnout of 59%, were disputed by "
     "the opposition, which says its candidate won.", "51.2%", "share of the vote"),
])
def test_a_toll_with_an_aside_and_a_share_for_him(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_fact_box_rows_with_a_longer_label_or_an_aside_after_the_figure():
    sourced = ("Key figures\n- Inflation in September: 69.8% (Colombo consumer prices, year on year; "
               "Department of Census and Statistics)\n- Other: 5\n")
    assert fields(sourced, "69.8%")[0] == "inflation"  # (the month is when, not what)
    text = ("Key figures\n- Killed: 238, among them 19 members of the security forces\n"
            "- Police officer jailed in Taldykorgan in August: five years\n")
    assert fields(text, "238")[0] == "killed"
    assert fields(text, "five years")[0] == "police officer jailed in taldykorgan"  # (in August: when)
    # prose that ends with a colon is no label
    prose = "The ministry said something else entirely about the figures it had: 238, it said."
    assert fields(prose, "238")[0] is None


def test_not_the_figure_another_source_gave_takes_that_count():
    text = ("Our lawyers counted more than 200 people detained at the university on 21 January, "
            "not the 193 the police reported.")
    assert fields(text, "193")[0] == "people detained"


@pytest.mark.parametrize("text, quote, subject", [
    ("The ministry says more than 1,300 members of the security forces were injured.", "more than 1,300",
     "members of security forces injured"),
    ("Some 40 members of the opposition were arrested on Friday.", "Some 40", "members of opposition arrested"),
    ("The firm has 300 members of staff.", "300", "members of staff"),  # nothing happened to them
])
def test_members_of_a_group_take_what_happened_to_them(text, quote, subject):
    assert fields(text, quote)[0] == subject


@pytest.mark.parametrize("text, quote, subject", [
    ("Twelve people, among them two former ministers, have been indicted.", "Twelve", "people indicted"),
    ("About 300 people, most of them students, were detained.", "About 300", "people detained"),
    ("About 300 people, most of them students, gathered outside.", "About 300", "people gathered"),
    ("The ministry said 104 people, eight of them police officers or soldiers, had died since the protests "
     "began.", "104", "people died"),
])
def test_an_aside_before_what_happened(text, quote, subject):
    assert fields(text, quote)[0] == subject


def test_a_bare_figure_word_takes_the_count_named_before():
    text = "The ministry said 36,000 people attended the rally. The ministry's own figure was 36,000."
    second = [c for c in extract_claims(text, "en") if c.quote == "36,000"][1]
    assert second.subject == "people attended"
    assert fields("The figure was 300.", "300")[0] is None  # nothing named before: no subject, not 'figure'


@pytest.mark.parametrize("text, quote, subject", [
    ("As many as 1,400 people may have been killed during the protests.", "As many as 1,400", "people killed"),
    ("Nearly 1,900 people have been taken into custody since Sunday.", "Nearly 1,900",
     "people taken into custody"),
    ("At least 12,000 were taken into police custody.", "At least 12,000", "people taken into custody"),
    ("Police took more than 5,000 people into custody in 69 cities.", "more than 5,000",
     "people taken into custody"),
    ("Police took 40 people to the station.", "40", "people"),  # taken somewhere else: nothing known
    ("More than 850 people have faced criminal prosecution, the group says.", "More than 850",
     "people faced criminal prosecution"),
    ("At least 1,100 people have faced charges over their views.", "At least 1,100", "people faced charges"),
    ("Viasna recognises 1,404 people as political prisoners.", "1,404", "political prisoners"),
    ("The number of Ukrainians in Poland has risen to 992,000.", "992,000", "ukrainians"),
    ("About 14,000 prisoners escaped during the unrest.", "About 14,000", "prisoners escaped"),
    ("More than 7,900 prisoners have returned or been recaptured.", "More than 7,900", "prisoners returned"),
    ("They must investigate the deaths of at least 14 people.", "at least 14", "people died"),
    ("The killing of 20 protesters shocked the country.", "20", "protesters killed"),
    ("The detention of the 50 journalists drew protests.", "50", "journalists detained"),
    ("A group of 30 people gathered.", "30", "people gathered"),  # no event named before "of"
    ("The office said 379 people have been reported missing.", "379", "people missing"),
    ("28 people have suffered injuries to the eye.", "28", "people injured"),
    ("They suffered 20 setbacks.", "20", "setbacks"),
    ("The police reported detaining 3,275 people.", "3,275", "people detained"),
    ("Gangs stormed the prison, freeing nearly 4,700 inmates.", "nearly 4,700", "inmates freed"),
    ("The 13 gunmen arrested at the studio remain in custody.", "13", "gunmen arrested"),
    ("Some 40 policemen were injured.", "Some 40", "policemen injured"),
    ("Her term was cut to 43 years because she pleaded guilty.", "43 years", "sentence"),  # not "because"
    ("117 people have been sentenced to death, AAPP says.", "117", "people sentenced to death"),
    ("A court sentenced 12 activists to death.", "12", "activists sentenced to death"),
    ("The court sentenced 40 people to prison terms.", "40", "people sentenced"),
    ("Police have taken more than 10,000 people into custody.", "more than 10,000", "people taken into custody"),
    ("Detainees pardoned, according to the authorities: 22,000", "22,000", "detainees pardoned"),
    # who counted, after a row's label, in other words
    ("Figures\nPolitical prisoners, by the count of the Union for Freedom of Political Prisoners: 331", "331",
     "political prisoners"),
    ("Figures\nJournalists jailed, CPJ census of 1 December: 13", "13", "journalists jailed"),
    ("Figures\nWomen among those arrested, by the minister's count: more than 1,800", "more than 1,800",
     "women among those arrested"),
    ("The office counts 42 deaths. It also says 129 of those reported missing since 28 April have not been "
     "found.", "129", "people reported missing"),
    # an adverb between the noun and what happened: "are currently jailed"
    ("Over 100 journalists are currently jailed in the country.", "Over 100", "journalists jailed"),
    ("Some 40 people were formally charged.", "Some 40", "people charged"),
    # hangings and other acts said by their verb
    ("Authorities hanged four men on Thursday.", "four", "men hanged"),
    ("In September alone, at least 130 prisoners were hanged.", "at least 130", "prisoners hanged"),
    ("A court acquitted 12 defendants.", "12", "defendants acquitted"),
    ("Some 300 families were evicted from the camp.", "Some 300", "families evicted"),
    # an adjective in -ed is part of the noun, not what happened
    ("He was given 141 aggravated life sentences.", "141", "aggravated life sentences"),
    ("Some 40 armed men stormed the building.", "Some 40", "armed men"),
    # people named by a demonym after "of" are who is counted (not for a share: a poll's
    # answer says more than the demonym)
    ("Hundreds of thousands of Belarusians have emigrated.", "Hundreds of thousands", "belarusians emigrated"),
    ("Tens of thousands of Georgians marched through Tbilisi.", "Tens of thousands", "georgians marched"),
    ("Almost 60% of Peruvians want her to step down.", "Almost 60%", None),
    # a place after "in" is where a share or rate holds, not what it is of
    ("Unemployment was 15% in the capital.", "15%", "unemployment"),
    ("Turnout reached 40% in the region.", "40%", "turnout"),
    # a count "has risen to": the count's own phrase is not what it counts
    ("The toll from the crackdown has risen to 448.", "448", "toll"),
    ("The death toll in the capital has climbed to 52.", "52", "death toll"),
    ("Arrests have risen to 1,200.", "1,200", "arrests"),
    ("Arrests have fallen to 1,200.", "1,200", "arrests"),
    # a bare figure among a group, or in hospital
    ("Only 12 are among the survivors.", "12", "survivors"),
    ("Five were among the dead.", "Five", "dead"),
    ("More than 1,000 people were injured, and almost 400 were in hospital.", "almost 400", "people in hospital"),
    ("Three were among the leaders of the protest.", "Three", None),  # a part of the leaders, not the leaders
    # a term named before its new length or its sum
    ("Her prison sentences now add up to 33 years.", "33 years", "sentence"),
    ("Her sentences were cut by six years to 27 years in a partial pardon.", "27 years", "sentence"),
    ("His prison term was extended to 36 months.", "36 months", "sentence"),
    # a term's old and new length after whose it is
    ("A higher court raised the sentence of Somchai Rakdee, a student leader, from 21 years to 35 years.",
     "21 years", "sentence"),
    ("A higher court raised the sentence of Somchai Rakdee, a student leader, from 21 years to 35 years.",
     "35 years", "sentence"),
    ("The court cut his term from 12 years to eight years.", "12 years", "sentence"),
    ("A court jailed Anan Suksai for 80 years, then halved the term to 40 years as he pleaded guilty.",
     "40 years", "sentence"),
    ("The appeals court doubled her sentence to 10 years.", "10 years", "sentence"),
    # the law a count comes under is not what it counts
    ("Arrests under the state of exception have passed 88,000, the government says.", "88,000", "arrests"),
    # time spent behind bars is time held, not a term
    ("He was freed in a pardon after almost six years behind bars.", "almost six years", "held"),
    ("She had spent over two years in prison.", "over two years", "held"),
    ("Abd El-Fattah has now been in prison for five years without a break.", "five years", "held"),
    # a court's order to hold someone before trial is not time held
    ("A Baku court has remanded them in custody for four months.", "four months", "remanded"),
    ("A court ordered them held for four months pending trial.", "four months", "remanded"),
    ("A judge on Thursday ordered Castillo held for 18 months while prosecutors investigate him.", "18 months",
     "remanded"),
    ("She has been behind bars for three years.", "three years", "held"),
    ("He has been in custody for more than two years.", "more than two years", "custody"),
    ("She was sentenced to five years in prison.", "five years", "sentence"),
    ("He is serving eight years in prison.", "eight years", "sentence"),
    # what happened, after "gone": "have gone missing"
    ("The party says dozens of its supporters have gone missing since the campaign began.", "dozens",
     "supporters missing"),
    ("Some 30 activists went missing in May.", "Some 30", "activists missing"),
    ("Rents rose from 12 years ago to last spring by half.", "12 years", None),
    # another count of the same thing, given as an aside
    ("Soldiers have arrested more than 7,000 people. The police gave a lower figure on the same day, "
     "about 9,000, saying many were freed.", "about 9,000", "people arrested"),
    # two words joined by "or"/"and" before a noun are one object
    ("Abductions: 32 cases of enforced or involuntary disappearance.", "32",
     "cases of enforced or involuntary disappearance"),
    ("There were 20 cases of torture and 30 of beatings.", "20", "cases of torture"),
    ("The toll linked to the crisis is more than 60.", "more than 60", "toll"),
    # an adverb or "remained" between a rate and its figure; a subject the verb shares
    ("Inflation was still 50.6% in February.", "50.6%", "inflation"),
    ("Unemployment remained at 12% in March.", "12%", "unemployment"),
    ("Inflation eased to 50.6% in February.", "50.6%", "inflation"),
    ("Inflation has eased from its peak but was still 50.6% in February.", "50.6%", "inflation"),
    ("The jobless rate fell in May but was still 12%.", "12%", "jobless rate"),
    ("They protested but were still 300.", "300", None),  # a pronoun says nothing
    ("The number of political prisoners has risen to 1,200.", "1,200", "political prisoners"),
    # what befell some of those the participle names is what they count
    ("Some 40 of those detained were released.", "Some 40", "people released"),
    ("Police held 500 people. 40 of those detained were later released.", "40", "people released"),
    ("Police held 500 people. 40 of those detained were students.", "40", "students detained"),
    ("At least 31 of those put to death in 2024 were women.", "At least 31", "women put to death"),
    ("Rights groups say 12 of those put to death were executed in public.", "12", "people executed"),
    ("Police held 500 people. 40 of those detained were in Minsk.", "40", "people detained"),
    ("The joint command puts arrests since the January decree at nearly 15,000.", "nearly 15,000", "arrests"),
    ("Counters put the 15 March rally in Belgrade at between 275,000 and 325,000.",
     "between 275,000 and 325,000", "rally"),
    ("Arrested, charged or sentenced since 1 February: 4,160", "4,160", "arrested, charged or sentenced"),
    ("Political prisoners: 1,150\nWomen: 158\nMinors: 3", "158", "women political prisoners"),
    ("Political prisoners: 1,150\nWomen: 158\nMinors: 3", "3", "minors political prisoners"),
    ("Women: 158", "158", "women"),
    ("- People charged with lese-majeste: 169\n- Minors among them: 13", "13", "minors charged with lese-majeste"),
    ("According to the ministry, 19 of the dead were police officers.", "19", "police officers dead"),
    ("At least 40 of the detainees were women.", "At least 40", "women detainees"),
    ("Five of the prisoners were released.", "Five", "prisoners released"),
    ("Among the dead were 44 police officers, many of them killed in revenge attacks.", "44", "police officers dead"),
    ("Among those detained are 12 journalists.", "12", "journalists detained"),
    ("Police said 150 people had been charged. The group counts nearly 170.", "nearly 170", "people charged"),
    ("The party has a list of more than 400 who are missing.", "more than 400", "people missing"),
    ("The group counts 250 who have been detained.", "250", "people detained"),
    ("The law has been used against 253 people since November 2020.", "253", "people prosecuted"),
    ("Police used tear gas against 300 protesters.", "300", "protesters"),
    ("The government cut internet access across the country for five days.", "five days", None),
    ("He said 22,000 people held over the protests had been pardoned.", "22,000", "people pardoned"),
    ("Police said 300 people detained on Sunday were released.", "300", "people released"),
    ("At least six political prisoners have died, the group says. Memorial counts more than 700 in Russia.",
     "more than 700", "political prisoners"),
    ("Among the dead were 10 prisoners killed in jailbreaks and three police officers.", "three",
     "police officers dead"),
])
def test_modal_custody_charges_naming_and_capitalised_nouns(text, quote, subject):
    assert fields(text, quote)[0] == subject


@pytest.mark.parametrize("text, quote, source", [
    ("The death toll has climbed to 46, the ombudsman said.", "46", "ombudsman"),
    ("At least 46 people died, the regional governor said.", "At least 46", "regional governor"),
    ("At least 46 people died, according to the coroner's office.", "At least 46", "coroner's office"),
    ("At least 46 people died, according to hospital sources.", "At least 46", "hospital sources"),
    ("She has spent more than 13 years in prison in all, her family said.", "more than 13 years", "her family"),
    ("Viasna recognises 1,404 people as political prisoners.", "1,404", "Viasna"),
    ("The armed forces' joint command said 1,534 people had been arrested.", "1,534",
     "armed forces' joint command"),
    ("The regional prosecutor said 40 people were charged.", "40", "regional prosecutor"),
    ("The president said 300 people had died.", "300", "president"),
    ("The bar association said 300 lawyers had been disbarred.", "300", "bar association"),
    ("The UN special rapporteur said 300 people had died.", "300", "UN special rapporteur"),
    ("The police chief said 300 people had died.", "300", "police chief"),
    ("The statistics bureau said 300 people had left.", "300", "statistics bureau"),
    ("The judiciary said more than 2,000 people had been charged.", "more than 2,000", "judiciary"),
    ("Iran's judiciary says 11 people have been sentenced to death.", "11", "Iran's judiciary"),
    ("The embassy said 40 citizens had been evacuated.", "40", "embassy"),
    # a source's own data, however described, and an aside before the verb
    ("The CPJ's annual prison census counted 361 journalists.", "361", "CPJ"),
    ("OVD-Info's database lists 20,000 detentions.", "20,000", "OVD-Info"),
    ("Human Rights Watch, in a report published on Tuesday, documented 45 cases of torture.", "45",
     "Human Rights Watch"),
    # a capitalised head followed by "of <Name>" is the start of a longer name
    ("Some 40 journalists are in prison, according to the Belarusian Association of Journalists.",
     "Some 40", "Belarusian Association of Journalists"),
])
def test_more_sources_by_their_title(text, quote, source):
    assert fields(text, quote)[1] == source
