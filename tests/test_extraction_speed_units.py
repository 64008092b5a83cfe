"""Unit words matched as one trie read the same as the ordered alternation they replace.

The claim regex used to try every currency and duration word in turn after each
figure, one named group per code; it now matches one trie per kind (each letter a
class of its cases) and looks the code up. Here the old alternation (kept below as the reference) and the new trie
must match the same span at every position and give the same code.
"""

import re

from hypothesis import given, settings, strategies as st

from checks.extraction import (_CURRENCY_KINDS, _CURRENCY_OF, _DURATION_KINDS, _DURATION_OF,
                               _cased_trie, _unit_word, extract_claims)

REFERENCE_CURRENCIES = (
    ("USD", r"(?:US\s+|de\s+)?dollars?|US-Dollar|USD|долл(?:аров|ара|ар)?\.?|dolar(?:ów|y)|Dollar"),
    ("EUR", r"(?:d['’])?euros?|EUR|евро|Euro"),
    ("GBP", r"pounds(?:\s+sterling)?|GBP"),
    ("BYN", r"Belarusian\s+ro?ubles?|BYN|BYR|белорусских\s+рубл(?:ей|я)|беларускіх\s+рублёў"),
    ("RUB", r"(?:Russian\s+)?ro?ubles?|RUB|рубл(?:ей|я|ь)|руб\.|рублёў"),
    ("PLN", r"złotych|złote|zł|PLN|zlotys?"),
    ("GEL", r"lari|GEL|лари"),
    ("UAH", r"hryvni?as?|UAH"), ("KZT", r"tenge|KZT"), ("MAD", r"dirhams?|MAD"),
    ("PKR", r"(?:Pakistani\s+)?rupees|PKR"), ("INR", r"Indian\s+rupees|INR"), ("KES", r"(?:Kenyan\s+)?shillings|KES"),
    ("AZN", r"manats?|AZN"), ("VES", r"bol[ií]vars?|bol[ií]vares|VES"), ("HKD", r"Hong\s+Kong\s+dollars|HKD"),
    ("CHF", r"Swiss\s+francs|CHF"), ("TRY", r"(?:Turkish\s+)?lira|TRY"), ("CNY", r"yuan|renminbi|CNY"),
    ("JPY", r"yen|JPY"), ("NGN", r"naira|NGN"), ("KGS", r"soms?|KGS"), ("AMD", r"drams?|AMD"),
)
REFERENCE_DURATIONS = (
    (("years", 1), r"years?|лет|года?|годам|годами|годах|гадоў|гады|lat|lata|latach|rok|Jahren?|Jahre|ans|années"),
    (("years", 10), r"decades?|десятилети[йея]|dekad[ay]?|Jahrzehnten?|décennies?"),
    (("years", 100), r"centuries|century"),
    (("months", 1), r"months?|месяц(?:а|ев|ам|ами)?|месяцаў|месяцы|miesięcy|miesiące|miesiąc|Monaten?|Monat|mois"),
    (("weeks", 1), r"weeks?|недел[ьиюя]|тыдняў|tygodni|tygodnie|Wochen?|semaines?"),
    (("days", 1), r"days?|дн(?:я|ей|ям|ями)|день|суток|сутки|dni|dzień|Tagen?|Tage|jours?"),
    (("hours", 1), r"hours?|час(?:а|ов|ам|ами)?|гадзін|godzin[ya]?|godzinę|Stunden?|heures?"),
    (("minutes", 1), r"minutes?|минут[ы]?|minut[y]?|Minuten"),
)
FLAGS = re.IGNORECASE | re.VERBOSE  # as the claim regex is compiled


def reference(table, lead, tail):
    groups = "|".join(f"(?P<k{i}>{words})" for i, (_, words) in enumerate(table))
    return re.compile(rf"{lead}(?:{groups}){tail}", FLAGS)


def fast(table, lead, tail):
    return re.compile(rf"{lead}(?P<w>(?-i:{_cased_trie(table)})){tail}", FLAGS)  # as the claim regex has it


KINDS = [
    (REFERENCE_CURRENCIES, _CURRENCY_OF, _CURRENCY_KINDS, r"\.?\s", r"(?!\w)"),
    (REFERENCE_DURATIONS, _DURATION_OF, _DURATION_KINDS, r"\s", r"(?!\w|[-\s]old)"),
]
COMPILED = [(ref, reference(ref, lead, tail), fast(table, lead, tail), table, kinds)
            for ref, table, kinds, lead, tail in KINDS]
WORDS = sorted({form for table in (_CURRENCY_OF, _DURATION_OF) for form in table}
               | {form.upper() for form in _CURRENCY_OF} | {form.title() for form in _DURATION_OF})
PIECES = WORDS + [" ", "  ", "\n", ".", "-", "s", "es", "old", "x", "1", "ſ", "\u212a", "İ", "ı", "'", "’"]


def same_everywhere(text):
    for ref_table, ref, new, table, kinds in COMPILED:
        for pos in range(len(text) + 1):
            old, found = ref.match(text, pos), new.match(text, pos)
            assert (old and old.span()) == (found and found.span()), (text, pos)
            if old:
                assert ref_table[old.lastindex - 1][0] == _unit_word(found.group("w"), table, kinds)


def test_every_word_and_its_case_variants():
    for word in WORDS:
        for variant in (word, word.upper(), word.title(), word.replace(" ", " \n ")):
            same_everywhere(f"5 {variant}")
            same_everywhere(f"5.{variant} old")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_fuzzed_pieces(pieces):
    same_everywhere(" " + "".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="sSſkK\u212aiIİı dolarsomyenKGSrub.", max_size=12))
def test_letters_that_fold_oddly(text):
    same_everywhere(" " + text)


def test_claims_read_their_codes():
    text = "They paid 5 US  dollars, 300 złotych and 2 ſoms; he served 3 lata and 40 KGS."
    assert [(c.quote, c.unit) for c in extract_claims(text, "en")] == [
        ("5 US  dollars", "USD"), ("300 złotych", "PLN"), ("2 ſoms", "KGS"), ("3 lata", "years"),
        ("40 KGS", "KGS")]  # "ſoms" through the fallback: lower() keeps ſ
