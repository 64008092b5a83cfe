"""checks.extraction: claims from text, and the `checks extract` command."""

import io
import json
import multiprocessing
import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from checks import extraction
from checks.cli import cli
from checks.extraction import Claim, detect_language, extract_claims, iter_claims

# A paraphrase of the seed article's figures, in our own words.
REPORT = (
    "Police searched the offices of rights groups across Belarus on Wednesday, detaining dozens.\n\n"
    "Viasna's tally shows 555 political prisoners in the country's jails, according to the group's figures.\n\n"
    "Since the vote of August 2020 the 27-year ruler has crushed almost all dissent. "
    "In the course of eleven months, more than 30,000 protesters have been arrested, "
    "hundreds tortured and at least seven killed.\n\n"
    "On Tuesday he held five hours of talks with Vladimir Putin."
)


def claims_by_quote(text, language="en"):
    return {c.quote: c for c in extract_claims(text, language)}


def test_seed_article_figures():
    claims = claims_by_quote(REPORT)
    assert set(claims) == {
        "dozens", "555", "27-year", "eleven months", "more than 30,000", "hundreds",
        "at least seven", "five hours",
    }
    assert (claims["dozens"].low, claims["dozens"].high, claims["dozens"].value) == (24, 99, None)
    assert claims["555"].subject == "political prisoners"
    assert claims["555"].attribution == "Viasna"
    assert (claims["27-year"].value, claims["27-year"].unit) == (27, "years")
    assert (claims["eleven months"].value, claims["eleven months"].unit) == (11, "months")
    more = claims["more than 30,000"]
    assert (more.value, more.low, more.high, more.qualifier) == (30000, 30000, None, "more_than")
    assert more.subject == "protesters arrested"
    assert claims["hundreds"].subject == "protesters tortured"
    assert claims["hundreds"].qualifier == "vague"
    seven = claims["at least seven"]
    assert (seven.value, seven.low, seven.high, seven.qualifier) == (7, 7, None, "at_least")
    assert seven.subject == "protesters killed"
    assert (claims["five hours"].unit, claims["five hours"].subject) == ("hours", "talks")


def test_offsets_slice_to_the_quote_and_sentence_is_exact():
    for claim in extract_claims(REPORT, "en"):
        assert REPORT[claim.start:claim.end] == claim.quote
        assert claim.sentence in REPORT
        assert claim.quote in claim.sentence


@pytest.mark.parametrize(
    "text, quote, value, low, high, qualifier, unit",
    [
        ("Nearly 1,500 people were held.", "Nearly 1,500", 1500, None, 1500, "almost", None),
        ("About 1,400 were released.", "About 1,400", 1400, None, None, "about", None),
        ("Up to 2,000 fled.", "Up to 2,000", 2000, None, 2000, "up_to", None),
        ("Between 20 and 30 people were hurt.", "Between 20 and 30", None, 20, 30, "range", None),
        ("20-30 people were hurt.", "20-30", None, 20, 30, "range", None),
        ("From 5 to 7 people were hurt.", "From 5 to 7", None, 5, 7, "range", None),
        ("Tens of thousands marched.", "Tens of thousands", None, 20000, 99999, "vague", None),
        ("A dozen journalists were freed.", "A dozen", 12, 12, 12, "exact", None),
        ("There are no political prisoners there.", "no", 0, 0, 0, "exact", None),
        ("He began his sixth term.", "sixth", 6, 6, 6, "exact", None),
        ("Three decades of rule ended.", "Three decades", 30, 30, 30, "exact", "years"),
        ("Turnout was 40% in the capital.", "40%", 40, 40, 40, "exact", "percent"),
        ("Turnout was 40 per cent in the capital.", "40 per cent", 40, 40, 40, "exact", "percent"),
        ("Russia lent it $1.5bn last year.", "$1.5bn", 1_500_000_000, 1_500_000_000,
         1_500_000_000, "exact", "USD"),
        ("A third of the voters stayed home.", "A third", 33.33, 33.33, 33.33, "exact", "percent"),
        ("Some 65,000 people attended.", "Some 65,000", 65000, None, None, "about", None),
        ("In excess of €20bn was frozen.", "In excess of €20bn", 20e9, 20e9, None, "more_than", "EUR"),
    ],
)
def test_hedges_and_amounts(text, quote, value, low, high, qualifier, unit):
    [claim] = extract_claims(text, "en")
    assert (claim.quote, claim.value, claim.low, claim.high, claim.qualifier, claim.unit) == (
        quote, value, low, high, qualifier, unit,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The vote took place in August 2020.",
        "Protests have continued since 1994.",
        "He was detained on 9 August.",
        "The verdict came on 2020-08-09.",
        "The court sat at 10:30 on Monday.",
        "Call +375 29 123 45 67 for details.",
        "Staff of Viasna-96 were searched.",
        "He was charged under Article 361-4.",
        "Ryanair flight FR4978 was diverted.",
        "COVID-19 spread through the G7.",
        "5 min read",
        "Comments 12",
        "In 2021 the crackdown widened.",
        "The 2020 election was disputed.",
        "Several activists and many journalists left.",
    ],
)
def test_not_claims(text):
    assert extract_claims(text, "en") == []


def test_years_next_to_counts():
    claims = claims_by_quote("In 2021, 300 people were detained; in 2022 more than 1,000.")
    assert set(claims) == {"300", "more than 1,000"}


def test_figures_for_other_countries_in_one_sentence():
    claims = extract_claims("Belarus holds 1,400 political prisoners and Azerbaijan about 300.", "en")
    assert [(c.quote, c.qualifier) for c in claims] == [("1,400", "exact"), ("about 300", "about")]


def test_attribution_and_as_of():
    [claim] = extract_claims(
        "As of 1 May 2023, there were 1,500 political prisoners, the Belarusian Helsinki Committee said.",
        "en",
    )
    assert claim.as_of == "2023-05-01"
    assert claim.attribution == "Belarusian Helsinki Committee"
    [claim] = extract_claims("By the end of 2022 more than 1,400 people were behind bars.", "en")
    assert claim.as_of == "2022-12-31"
    [claim] = extract_claims("In March 2024 the group counted 1,419 prisoners, Viasna reported.", "en")
    assert (claim.as_of, claim.attribution) == ("2024-03", "Viasna")
    [claim] = extract_claims("Figures from OVD-Info show 800 people were detained.", "en")
    assert claim.attribution == "OVD-Info"


@pytest.mark.parametrize(
    "text, language, quote, value, qualifier",
    [
        ("По данным «Вясны», в стране более 1 400 политзаключённых.", "ru", "более 1 400", 1400, "more_than"),
        ("Задержаны свыше 35 000 человек.", "ru", "свыше 35 000", 35000, "more_than"),
        ("Погибли не менее семи человек.", "ru", "не менее семи", 7, "at_least"),
        ("Штрафы составили около 1,5 млн рублей.", "ru", "около 1,5 млн рублей", 1_500_000, "about"),
        ("Ponad 25.800 osób opuściło kraj.", "pl", "Ponad 25.800", 25800, "more_than"),
        ("Co najmniej siedem osób zginęło.", "pl", "Co najmniej siedem", 7, "at_least"),
        ("Mehr als 25.800 Menschen wurden festgenommen.", "de", "Mehr als 25.800", 25800, "more_than"),
        ("Die Kosten: 1,5 Millionen Euro.", "de", "1,5 Millionen Euro", 1_500_000, "exact"),
        ("Plus de 30 000 personnes ont été arrêtées.", "fr", "Plus de 30 000", 30000, "more_than"),
    ],
)
def test_other_languages(text, language, quote, value, qualifier):
    [claim] = extract_claims(text, language)
    assert (claim.quote, claim.value, claim.qualifier) == (quote, value, qualifier)


def test_language_detection():
    assert detect_language("More than 30,000 protesters have been arrested since the election.") == "en"
    assert detect_language("Более 30 000 человек были задержаны после выборов в Беларуси.") == "ru"
    assert detect_language("Больш за 30 000 чалавек былі затрыманыя пасля выбараў ў Беларусі.") == "be"
    assert detect_language("Ponad 30 tysięcy osób zostało zatrzymanych po wyborach.") == "pl"
    assert detect_language("Mehr als 30.000 Menschen wurden nach der Wahl festgenommen.") == "de"
    assert detect_language("Plus de 30 000 personnes ont été arrêtées après l'élection.") == "fr"
    assert detect_language("1234 5678") is None


def test_language_is_detected_when_not_given():
    [claim] = extract_claims("Задержаны свыше 35 000 человек после выборов в стране.")
    assert claim.qualifier == "more_than"


def test_iter_claims_streams_with_offsets_of_the_whole_input():
    paragraph = "Officials said 1,234 people were detained in the city on that day.\n\n"
    text = paragraph * 3000  # ~200 KB: several blocks
    chunks = (text[i:i + 1000] for i in range(0, len(text), 1000))
    claims = list(iter_claims(chunks, language="en"))
    assert len(claims) == 3000
    assert all(text[c.start:c.end] == "1,234" for c in claims)
    assert claims == extract_claims(text, "en")


def long_report(copies=1000):
    "A few hundred KB of paragraphs, each with its own figures: many 64 KB blocks."
    return "".join(
        REPORT.replace("555", f"{5_000 + i:,}").replace("30,000", f"{30_000 + 7 * i:,}") + "\n\n"
        for i in range(copies)
    )


@pytest.mark.parametrize("jobs", [2, 3])
def test_iter_claims_with_jobs_gives_the_same_claims_in_the_same_order(jobs):
    text = long_report()
    serial = list(iter_claims(io.StringIO(text)))  # language detected, as with jobs
    assert len(serial) > 2000 and len(text) > 4 * 64 * 1024
    assert list(iter_claims(io.StringIO(text), jobs=jobs)) == serial
    assert {c.value for c in serial if c.subject == "political prisoners"} == {
        float(5_000 + i) for i in range(1000)}


def test_iter_claims_with_jobs_detects_the_language_for_its_workers():
    text = "Задержаны свыше 35 000 человек после выборов в стране.\n\n" * 3000
    claims = list(iter_claims(io.StringIO(text), jobs=2))
    assert len(claims) == 3000
    assert {c.qualifier for c in claims} == {"more_than"}


def test_iter_claims_with_jobs_starts_no_worker_for_a_text_of_one_block(monkeypatch):
    def no_workers(*args):
        raise AssertionError("workers started for one block")

    monkeypatch.setattr(extraction, "_claims_in_workers", no_workers)
    assert list(iter_claims(io.StringIO(REPORT * 100), "en", jobs=4)) == list(
        iter_claims(io.StringIO(REPORT * 100), "en"))
    with pytest.raises(AssertionError, match="one block"):
        list(iter_claims(io.StringIO(long_report()), "en", jobs=4))


def test_iter_claims_with_jobs_stops_its_workers_when_closed_early():
    claims = iter_claims(io.StringIO(long_report()), language="en", jobs=2)
    first = [next(claims) for _ in range(1200)]  # past the first block: workers started
    assert first[-1].start > 64 * 1024
    assert multiprocessing.active_children()
    claims.close()
    assert multiprocessing.active_children() == []


def test_checks_extract_with_jobs_stops_cleanly_on_ctrl_c(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_report(20000), encoding="utf-8")  # ~3.7 MB: seconds of work on two cores
    checks = pathlib.Path(sys.executable).parent / "checks"
    child = subprocess.Popen([str(checks), "extract", "--jobs", "2", str(path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    assert child.stdout.readline().startswith(b"{")  # running, workers started or starting
    time.sleep(0.1)
    os.killpg(child.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    try:
        _, err = child.communicate(timeout=20)
    finally:
        child.kill()
    assert child.returncode == 1
    assert "Aborted!" in err.decode() and "Traceback" not in err.decode()
    with pytest.raises(ProcessLookupError):
        os.killpg(child.pid, 0)  # no worker left behind in its group


def test_claim_as_dict_has_exactly_the_claim_columns():
    assert list(Claim("5", 0, 1).as_dict()) == [
        "quote", "start", "end", "value", "low", "high", "qualifier", "unit", "subject",
        "attribution", "as_of", "sentence",
    ]


def test_extract_claims_never_raises_on_odd_input():
    assert extract_claims(None) == []
    assert extract_claims(12345) == []
    assert extract_claims(b"\xff\xfe 30,000 people") != []


# --- checks extract ---------------------------------------------------------------

KEYS = ["quote", "start", "end", "value", "low", "high", "qualifier", "unit", "subject",
        "attribution", "as_of", "sentence"]


def test_cli_extract_jsonl(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)], catch_exceptions=False)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [list(row) for row in rows] == [KEYS] * len(rows)
    assert [row["quote"] for row in rows] == [c.quote for c in extract_claims(REPORT, "en")]
    assert all(REPORT[row["start"]:row["end"]] == row["quote"] for row in rows)


def test_cli_extract_with_jobs_prints_what_one_process_prints(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_report(), encoding="utf-8")
    outputs = {}
    for jobs in ("1", "2", "0"):
        result = CliRunner().invoke(cli, ["extract", "--jobs", jobs, str(path)],
                                    catch_exceptions=False)
        assert result.exit_code == 0
        outputs[jobs] = result.output
    assert outputs["1"].count("\n") > 2000
    assert outputs["2"] == outputs["1"] == outputs["0"]


def test_cli_extract_stdin_table_and_language():
    result = CliRunner().invoke(
        cli, ["extract", "-", "--format", "table", "--language", "ru"],
        input="Задержаны свыше 35 000 человек.", catch_exceptions=False,
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["quote", "value", "qualifier"]
    assert "свыше 35 000" in lines[2] and "more_than" in lines[2]


def test_cli_extract_html_input(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Report</title></head><body><article><p>Nearly 1,500 people "
        "were detained after the vote, the rights group Viasna said on Monday.</p>"
        "<p>More text about the protests follows here, with no figures at all.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["extract", str(path)], catch_exceptions=False)
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["quote"], r["qualifier"]) for r in rows] == [("Nearly 1,500", "almost")]
    assert "<" not in rows[0]["sentence"]


def test_cli_extract_missing_file(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


@pytest.mark.parametrize("text, quote, value, qualifier, unit", [
    ("No protest has been allowed in more than a decade.", "more than a decade", 10, "more_than", "years"),
    ("It flew on for well over an hour.", "well over an hour", 1, "more_than", "hours"),
    ("Police found a 16th victim on Monday.", "16th", 16, "exact", None),
    ("Fines reach AZN 3,000 and KSh346 billion.", "AZN 3,000", 3000, "exact", "AZN"),
    ("The budget is 40 hryvnias per head.", "40 hryvnias", 40, "exact", "UAH"),
    ("Support fell by six percentage points in May.", "six percentage points", 6, "exact", "percent"),
    ("Inflation reached 5pc last month.", "5pc", 5, "exact", "percent"),
    ("The country fell two places in the index.", "two places", 2, "exact", None),
    ("Prices could go as high as $40 a barrel.", "as high as $40", 40, "up_to", "USD"),
    ("Police searched her flat twice since May.", "twice", 2, "exact", None),
])
def test_units_hedges_and_counting_words(text, quote, value, qualifier, unit):
    claims = extract_claims(text, language="en")
    found = [c for c in claims if c.quote == quote]
    assert found, [c.quote for c in claims]
    assert (found[0].value, found[0].qualifier, found[0].unit) == (value, qualifier, unit)


def test_changes_scales_and_multipliers_are_not_ranges_or_claims():
    quotes = [c.quote for c in extract_claims("The term was extended from five to six years.", "en")]
    assert quotes == ["five", "six years"]
    assert [c.quote for c in extract_claims("It scored 26.2 out of 100.", "en")] == ["26.2"]
    assert extract_claims("Twice as many people came.", "en") == []
    assert extract_claims("Donate now: $10 helps. Download the report (PDF, 3.1 MB).", "en") == []


def test_subjects_a_person_would_write():
    def subject(text, quote):
        return next(c.subject for c in extract_claims(text, "en") if c.quote == quote)

    assert subject("Police detained 27 people in the sweep.", "27") == "people detained"
    assert subject("More than 3,000 people were held overnight.", "More than 3,000") == "people held overnight"
    assert subject("The group says 29 media workers are behind bars.", "29") == "media workers behind bars"
    assert subject("The number of political prisoners has risen to more than 800.",
                   "more than 800") == "political prisoners"
    assert subject("Viasna counts 1,200 political prisoners, more than 140 of them women.",
                   "more than 140") == "women political prisoners"
    assert subject("She was sentenced to 11 years in a penal colony.", "11 years") == "sentence"


def test_attribution_before_a_verb_and_referred_back():
    def source(text, quote):
        return next(c.attribution for c in extract_claims(text, "en") if c.quote == quote)

    assert source("The interior ministry said about 3,000 people were detained.", "about 3,000") == "interior ministry"
    assert source("Lithuania's border guard has recorded 1,676 crossings.", "1,676") == "Lithuania's border guard"
    assert source("Nearly 7,000 were detained, according to the human rights centre Viasna.",
                  "Nearly 7,000") == "Viasna"
    assert source("The Committee to Protect Journalists counted 363 journalists in prison.",
                  "363") == "Committee to Protect Journalists"
    text = "Viasna counts 1,500 political prisoners. At least six have died, the group says."
    assert source(text, "At least six") == "Viasna"
    assert source("Police detained 27 people in Minsk on Monday.", "27") is None
