"""Finding numeric claims in text.

A claim is a figure as written, with its hedge ("more than 30,000"), turned into
value and bounds, with what it counts (subject), who it is credited to
(attribution), the date it refers to (as_of) and the sentence it sits in.

How it works, per block of text (a paragraph, or a slice of a very long one):

1. ``_Patterns.trigger`` (a trie-shaped regex) finds where a claim can start: a
   digit, a currency sign or a number word. A hedge is found by matching hedges
   spelled backwards on the reversed text just before it, then the full claim
   regex (hedge + number expression + unit) is matched, anchored, from there.
   The regex engine thus scans the text once, cheaply, and the costly pattern
   runs only where a figure is.
2. ``_MASK_AT`` / ``_MASK_BEFORE`` (anchored at the figure) drop what only looks
   like one: dates, clock times, phone numbers, identifiers, page furniture.
3. ``_read`` turns the match into value, bounds, qualifier and unit;
   ``_subject``, ``_attributions`` and ``_dates`` read the words around it
   (attribution and dates once per sentence).

``iter_claims`` streams: it reads blocks from a file or chunks, so memory stays
flat however long the input is, and offsets stay relative to the whole input.
"""

import calendar
import collections
import dataclasses
import functools
import itertools
import multiprocessing
import operator
import re
import signal

from . import lexicon, numbers
from .language import detect_language

QUALIFIERS = ("exact", "more_than", "at_least", "about", "almost", "up_to", "range", "vague")


@dataclasses.dataclass
class Claim:
    quote: str
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    subject: str | None = None
    attribution: str | None = None
    as_of: str | None = None
    sentence: str | None = None

    def as_dict(self):
        # The fields are plain values: no need for dataclasses.asdict's deep copy.
        return {name: getattr(self, name) for name in _CLAIM_FIELDS}


_CLAIM_FIELDS = tuple(field.name for field in dataclasses.fields(Claim))
_claim_row = operator.attrgetter(*_CLAIM_FIELDS)


# --- language tables -------------------------------------------------------

_HEDGES = {
    "exact": {"en": "plus or minus"},  # a margin of error: "plus or minus 3 points" is exact 3
    "more_than": {
        "en": "more than|over|in excess of|upwards of|above|greater than|well over|just over|"
              "well above|more then",
        "ru": "более чем|более|свыше|больше чем|больше|сверх",
        "be": "больш за|больш як|больш чым|звыш|больш",
        "uk": "понад|більше ніж|більш ніж|більше",
        "pl": "ponad|przeszło|powyżej|więcej niż|z górą",
        "de": "mehr als|weit über|über",
        "fr": "plus de|plus d'|au-delà de",
    },
    "at_least": {
        "en": "at least|no fewer than|no less than|not less than|not fewer than|a minimum of|"
              "at minimum",
        "ru": "не менее чем|не менее|не меньше чем|не меньше|как минимум|по меньшей мере|"
              "по крайней мере|минимум",
        "be": "не менш за|не менш як|як мінімум|прынамсі|мінімум",
        "uk": "щонайменше|не менше ніж|не менше|принаймні",
        "pl": "co najmniej|przynajmniej|nie mniej niż|minimum",
        "de": "mindestens|wenigstens|zumindest",
        "fr": "au moins|au minimum|pas moins de",
    },
    "about": {
        "en": "about|around|some|roughly|approximately|an estimated|approx\\.|circa|"
              "ca\\.|c\\.|more or less|in the region of|an approximate",
        "ru": "около|примерно|приблизительно|порядка|ориентировочно|где-то",
        "be": "каля|прыкладна|блізу",
        "uk": "близько|приблизно|орієнтовно",
        "pl": "około|ok\\.|mniej więcej|rzędu|szacunkowo",
        "de": "etwa|rund|ungefähr|circa|ca\\.|schätzungsweise",
        "fr": "environ|quelque|autour de|approximativement|à peu près",
    },
    "almost": {
        "en": "nearly|almost|close to|just under|just shy of|not quite|just below",
        "ru": "почти|практически|без малого|чуть меньше|чуть менее",
        "be": "амаль|ледзь не",
        "uk": "майже",
        "pl": "prawie|niemal|niemalże|blisko|bez mała|nieomal",
        "de": "fast|beinahe|knapp|nahezu|annähernd",
        "fr": "presque|près de|près|quasiment|pas loin de",
    },
    "up_to": {
        "en": "up to|fewer than|less than|no more than|not more than|under|below|as many as|as much as|as high as|"
              "a maximum of|at most",
        "ru": "до|менее|меньше|не более|не больше|максимум|вплоть до",
        "be": "да|менш за|не больш за|менш чым",
        "uk": "до|менше ніж|не більше",
        "pl": "do|mniej niż|poniżej|nie więcej niż|maksymalnie|najwyżej|aż do",
        "de": "bis zu|weniger als|höchstens|unter|maximal",
        "fr": "jusqu'à|moins de|au plus|au maximum|pas plus de",
    },
}
# What a counting ordinal counts: "his sixth term", "the fifth package", "the 100th day".
_ORDINAL_NOUNS = ("terms?|time|mandate|round|wave|package|night|day|week|month|year|"
                  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|protest|"
                  "rally|march|attempt|election|anniversary|fine|arrest|conviction|sentence|"
                  "trial|case|strike|tranche|batch|list|series|session|raid|hearing|"
                  "extension|summit|congress|edition|convocation|wave|consecutive|straight|"
                  "successive|such|in\\s+a\\s+row")
# Fractions and ordinals in other languages: (?P<frac_x>…) and (?P<ord_x>…) groups.
_FRACTIONS_OTHER = {
    "ru": r"|(?P<frac_x>половин[аыуе]|трет(?:ь|и|ью)|четверт(?:ь|и|ью)|две\s+трети|три\s+четверти)(?!\w)",
    "be": r"|(?P<frac_x>палов[аыуе]|трэц(?:ь|і)|чвэрць)(?!\w)",
    "pl": r"|(?P<frac_x>połow[aęy]|jedna\s+trzecia|jednej\s+trzeciej|ćwierć|dwie\s+trzecie|trzy\s+czwarte)(?!\w)",
    "de": r"|(?P<frac_x>(?:die|der|ein|eine|einem|einen|rund\s+ein)\s+(?:Hälfte|Drittel|Viertel|Fünftel|Zehntel)|zwei\s+Drittel|drei\s+Viertel)(?!\w)",
    "fr": r"|(?P<frac_x>la\s+moitié|un\s+tiers|un\s+quart|deux\s+tiers|trois\s+quarts|un\s+cinquième)(?!\w)",
}
_FRACTION_VALUES = (
    (r"половин|палов|połow|hälfte|moitié", 50.0), (r"две\s+трет|dwie\s+trzecie|zwei\s+drittel|deux\s+tiers", 66.67),
    (r"три\s+четверт|trzy\s+czwarte|drei\s+viertel|trois\s+quarts", 75.0),
    (r"трет|трэц|trzeci|drittel|tiers", 33.33), (r"четверт|чвэрць|ćwierć|viertel|quart", 25.0),
    (r"fünftel|cinquième", 20.0), (r"zehntel", 10.0),
)
_ORDINAL_STEMS = {
    "ru": ((r"втор", 2), (r"трет", 3), (r"четв[её]рт", 4), (r"пят", 5), (r"шест", 6), (r"седьм", 7),
           (r"восьм", 8), (r"девят", 9), (r"десят", 10)),
    "pl": ((r"drug", 2), (r"trzec", 3), (r"czwart", 4), (r"piąt", 5), (r"szóst", 6), (r"siódm", 7),
           (r"ósm", 8), (r"dziewiąt", 9), (r"dziesiąt", 10)),
    "de": ((r"zweit", 2), (r"dritt", 3), (r"viert", 4), (r"fünft", 5), (r"sechst", 6), (r"siebt", 7),
           (r"acht", 8), (r"neunt", 9), (r"zehnt", 10)),
    "fr": ((r"deuxième", 2), (r"troisième", 3), (r"quatrième", 4), (r"cinquième", 5), (r"sixième", 6),
           (r"septième", 7), (r"huitième", 8), (r"neuvième", 9), (r"dixième", 10)),
}
_ORDINAL_ENDINGS = {
    "ru": r"(?:ой|ый|ий|ая|ое|ого|ому|ую|ом|ые|ых|ья|ье|ьего|ьей|ей|ьим|ем)",
    "pl": r"(?:i|a|ie|iego|iej|y|ą|ego|ej)",
    "de": r"(?:e|er|en|es|em)",
    "fr": r"",
}
_ORDINALS_OTHER = {
    lang: "|(?P<ord_x>(?:" + "|".join(stem for stem, _ in stems) + ")" + _ORDINAL_ENDINGS[lang]
          + r")(?=\s+(?!(?:" + "|".join(n for n in (
              "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
              "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
              "listopada grudnia").split()) + r")\b)[^\W\d_])"
    for lang, stems in _ORDINAL_STEMS.items()
}
_POST_HEDGES = {"or so": "about", "-odd": "about", "odd": "about", "or more": "at_least",
                "+": "more_than", "plus": "more_than", "or fewer": "up_to", "or less": "up_to"}

_BETWEEN = {"en": "between|from", "ru": "между|от", "be": "паміж|ад", "uk": "між|від",
            "pl": "między|od", "de": "zwischen|von", "fr": "entre|de"}
_AND = {"en": "and|to", "ru": "и|до", "be": "і|да", "uk": "і|до", "pl": "a|i|do",
        "de": "und|bis", "fr": "et|à"}
_OR = {"en": "to|or", "ru": "до|или", "be": "да|ці", "uk": "до|або", "pl": "do|lub|albo",
       "de": "bis|oder", "fr": "à|ou"}

# ISO 4217 codes written before a figure ("AZN 1,500", "UAH 3.6tn").
_CODES = "USD|EUR|GBP|RUB|BYN|PLN|GEL|UAH|KZT|MAD|PKR|INR|KES|AZN|VES|HKD|CHF|TRY|CNY|JPY|NGN|KGS|AMD"
_CURRENCY_PREFIX = {"₴": "UAH", "₸": "KZT", "₹": "INR", "rs": "PKR", "rs.": "PKR", "ksh": "KES",
                    **{code.lower(): code for code in _CODES.split("|")},"hk$": "HKD", "₾": "GEL", "gel": "GEL", "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB",
                    "usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB", "byn": "BYN",
                    "br": "BYN", "pln": "PLN", "zł": "PLN"}
# Letters that case-insensitive matching takes for others besides their upper and lower
# case (tests/test_extraction_speed_gates.py checks these against the re module).
_EXTRA_CASES = {"i": "İı", "s": "ſ", "k": "\u212a", "в": "\u1c80", "д": "\u1c81", "о": "\u1c82",
                "с": "\u1c83", "т": "\u1c84\u1c85", "ъ": "\u1c86", "ß": "\u1e9e"}


def _cases(ch):
    "What case-insensitive matching takes ``ch`` for, in order: 'a' → 'Aa'."
    return "".join(sorted({c for c in (ch, ch.lower(), ch.upper(), *_EXTRA_CASES.get(ch.lower(), ""))
                           if len(c) == 1}))


def _case_class(ch):
    "What case-insensitive matching takes ``ch`` for, as a class: 'a' → [Aa]."
    cases = _cases(ch)
    return re.escape(ch) if len(cases) == 1 else "[" + cases + "]"


def _case_sensitive_class(ch):
    """_case_class(ch) matched case-sensitively, to start the branches of a trie in a
    case-insensitive pattern: the regex engine rules out a branch that starts with a
    class at once, but tries one that starts with a case-insensitive letter."""
    return f"(?-i:{_case_class(ch)})"


def _cased_trie(phrases, split_first=False):
    """phrase_trie matching ``phrases`` in any case, each letter written as a class of
    its cases: the regex engine rules a class out at once where it cannot match, but
    tries each case-insensitive branch in turn (the date scan runs at every letter,
    the unit words after every figure, the reporting verbs after every space).
    With ``split_first``, each case of a first letter starts a branch of its own
    (a…|A…): a plain character is ruled out faster still than a class."""
    phrases = {p.lower() for p in phrases}
    if not split_first:
        return numbers.phrase_trie(phrases, letter=_case_class)
    rests = {}
    for phrase in phrases:
        rests.setdefault(phrase[0], set()).add(phrase[1:])
    branches = []
    for first in sorted(rests, key=_case_class):  # in the order of phrase_trie's branches
        rest = numbers.phrase_trie(rests[first], letter=_case_class) if rests[first] != {""} else ""
        branches += [re.escape(case) + (f"(?:{rest})" if rest else "") for case in _cases(first)]
    return "(?:" + "|".join(branches) + ")"


def _cased_starts(phrases, after):
    """A pattern matching the first character of any of ``phrases`` (in any case, as
    _cased_trie(phrases, True) matches them) where the rest of the phrase and ``after``
    follow. A match is that one character, so finditer finds every start, even one
    inside another phrase; and every branch starts with a plain character, so the
    regex engine scans for their class in C instead of trying each position."""
    rests = {}
    for phrase in {p.lower() for p in phrases}:
        rests.setdefault(phrase[0], set()).add(phrase[1:])
    branches = []
    for first in sorted(rests, key=_case_class):
        rest = numbers.phrase_trie(rests[first], letter=_case_class) if rests[first] != {""} else ""
        branches += [re.escape(case) + f"(?={rest}{after})" for case in _cases(first)]
    return "(?:" + "|".join(branches) + ")"


# Unit words, as literal forms (a space stands for any whitespace): the claim regex
# matches them as one trie per kind, which tries a branch per distinct next letter
# instead of every word in turn after each figure; _unit then looks the code up.
_CURRENCY_WORDS = (
    ("USD", "dollar|dollars|US dollar|US dollars|de dollar|de dollars|US-Dollar|USD|долл|долл.|"
            "доллар|доллар.|доллара|доллара.|долларов|долларов.|dolarów|dolary"),
    ("EUR", "euro|euros|d'euro|d'euros|d’euro|d’euros|EUR|евро"),
    ("GBP", "pounds|pounds sterling|GBP"),
    ("BYN", "Belarusian ruble|Belarusian rubles|Belarusian rouble|Belarusian roubles|BYN|BYR|"
            "белорусских рублей|белорусских рубля|беларускіх рублёў"),
    ("RUB", "ruble|rubles|rouble|roubles|Russian ruble|Russian rubles|Russian rouble|Russian roubles|"
            "RUB|рублей|рубля|рубль|руб.|рублёў"),
    ("PLN", "złotych|złote|zł|PLN|zloty|zlotys"),
    ("GEL", "lari|GEL|лари"),
    ("UAH", "hryvna|hryvnas|hryvnia|hryvnias|UAH"), ("KZT", "tenge|KZT"), ("MAD", "dirham|dirhams|MAD"),
    ("PKR", "rupees|Pakistani rupees|PKR"), ("INR", "Indian rupees|INR"),
    ("KES", "shillings|Kenyan shillings|KES"), ("AZN", "manat|manats|AZN"),
    ("VES", "bolivar|bolivars|bolívar|bolívars|bolivares|bolívares|VES"),
    ("HKD", "Hong Kong dollars|HKD"), ("CHF", "Swiss francs|CHF"), ("TRY", "lira|Turkish lira|TRY"),
    ("CNY", "yuan|renminbi|CNY"), ("JPY", "yen|JPY"), ("NGN", "naira|NGN"), ("KGS", "som|soms|KGS"),
    ("AMD", "dram|drams|AMD"),
)
_DURATIONS = (
    ("years", 1, "year|years|лет|год|года|годам|годами|годах|гадоў|гады|lat|lata|latach|rok|Jahre|"
                 "Jahren|ans|années"),
    ("years", 10, "decade|decades|десятилетий|десятилетие|десятилетия|dekad|dekada|dekady|Jahrzehnte|"
                  "Jahrzehnten|décennie|décennies"),
    ("years", 100, "centuries|century"),
    ("months", 1, "month|months|месяц|месяца|месяцев|месяцам|месяцами|месяцаў|месяцы|miesięcy|miesiące|"
                  "miesiąc|Monate|Monaten|Monat|mois"),
    ("weeks", 1, "week|weeks|недель|недели|неделю|неделя|тыдняў|tygodni|tygodnie|Woche|Wochen|semaine|"
                 "semaines"),
    ("days", 1, "day|days|дня|дней|дням|днями|день|суток|сутки|dni|dzień|Tage|Tagen|jour|jours"),
    ("hours", 1, "hour|hours|час|часа|часов|часам|часами|гадзін|godzin|godziny|godzina|godzinę|Stunde|"
                 "Stunden|heure|heures"),
    ("minutes", 1, "minute|minutes|минут|минуты|minut|minuty|Minuten"),
)
_CURRENCY_OF = {form.lower(): code for code, forms in _CURRENCY_WORDS for form in forms.split("|")}
_DURATION_OF = {form.lower(): (unit, factor) for unit, factor, forms in _DURATIONS for form in forms.split("|")}


def _kind_patterns(kinds):
    "(value, regex of its words) per kind: for a word lower() does not spell as the regex matched it."
    return tuple((value, re.compile(numbers.phrase_trie(form.lower() for form in forms.split("|")), re.I))
                 for value, forms in kinds)


_CURRENCY_KINDS = _kind_patterns(_CURRENCY_WORDS)
_DURATION_KINDS = _kind_patterns(((unit, factor), forms) for unit, factor, forms in _DURATIONS)
_HYPHEN_DURATIONS = {"year": ("years", 1), "month": ("months", 1), "week": ("weeks", 1),
                     "day": ("days", 1), "hour": ("hours", 1), "minute": ("minutes", 1),
                     "decade": ("years", 10)}
_PERCENT = (r"%|percentage\s+points?|per\s?cent|percent|pct|pc(?=\W|$)|procent(?:y|ów|a)?|proc\.|Prozent|pour\s?cent|"
            r"процент(?:а|ов)?|працэнт(?:аў|ы)?|відсотк(?:а|ів)")
_OTHER_UNITS = {"places": None, "place": None, "metres": None, "meters": None,
                "percentage points": "percent", "points": None, "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km",
                "kilometer": "km", "miles": "miles", "mile": "miles", "kg": "kg",
                "kilograms": "kg", "tonnes": "tonnes", "tons": "tonnes", "barrels": "barrels"}

# Nouns that make "no …" a claim of zero, "one …" a claim of one, and a bare
# four-digit number a count rather than a year.
_COUNT_NOUNS = set("""
    people persons person prisoners prisoner detainees detainee protesters protester
    demonstrators demonstrator journalists journalist deaths death casualties fatalities
    victims victim arrests arrest detentions injuries cases case civilians civilian children
    child soldiers soldier troops refugees migrants activists activist students student
    workers employees members candidates votes dead man men woman women officers officer
    policemen police reporters reporter bloggers blogger lawyers lawyer opponents opposition
    inmates inmate hostages hostage survivors patients patient residents voters voter
    households families citizens citizen belarusians belarusian ukrainians russians poles
    leaders leader politicians critics supporters sentences sentence trials charges
    convictions raids searches complaints organisations organizations ngos outlets
    websites media observers monitors
""".split())

_MONTHS = {
    1: "January Jan. Jan января январь студзеня stycznia styczeń Januar Jänner janvier",
    2: "February Feb. Feb февраля февраль лютага lutego luty Februar février",
    3: "March Mar. марта март сакавіка marca marzec März mars",
    4: "April Apr. Apr апреля апрель красавіка kwietnia kwiecień avril",
    5: "May мая май траўня maja maj Mai mai",
    6: "June Jun. Jun июня июнь чэрвеня czerwca czerwiec Juni juin",
    7: "July Jul. Jul июля июль ліпеня lipca lipiec Juli juillet",
    8: "August Aug. Aug августа август жніўня sierpnia sierpień août",
    9: "September Sept. Sep. Sept Sep сентября сентябрь верасня września wrzesień septembre",
    10: "October Oct. Oct октября октябрь кастрычніка października październik Oktober octobre",
    11: "November Nov. Nov ноября ноябрь лістапада listopada listopad novembre",
    12: "December Dec. Dec декабря декабрь снежня grudnia grudzień Dezember décembre",
}
_OTHER_UNIT_WORDS = f"(?-i:{_cased_trie(_OTHER_UNITS)})"
# Every _PERCENT alternative starts with one of these (in any case): checked first, this
# rules out at once the dozen case-insensitive words after a figure followed by a noun.
_PERCENT_FIRSTS = "%pпв"
_PERCENT_FIRST = "(?=(?-i:[" + "".join(_case_class(ch).strip("[]") for ch in _PERCENT_FIRSTS) + "]))"
_MONTH_NUMBER = {}
for _number, _names in _MONTHS.items():
    for _name in _names.split():
        _MONTH_NUMBER[_name.lower()] = _number
        _MONTH_NUMBER[_name.lower().rstrip(".")] = _number


def _month_alternation():
    forms = set()
    for names in _MONTHS.values():
        for name in names.split():
            forms.add(name)
            if name[0].islower():  # Russian, Polish, French months are lower case
                forms.add(name[0].upper() + name[1:])
    return numbers.phrase_trie(forms)


MONTH = rf"(?-i:(?:{_month_alternation()})(?![^\W\d_]))"

# What only looks like a figure. Checked around each candidate's first number:
# _MASK_AT matches forward from it ("9 August", "10:30", "1990s"), _MASK_BEFORE
# matches backwards from it on reversed text ("August 9", "Article 361",
# "Comments 12"), both anchored, so a check costs a few steps, not a scan.
_MASK_AT = re.compile(
    rf"""
      # alternatives that start with the same run of digits share it: at a figure, the
      # engine reads it once for them rather than once for each (only whether any
      # alternative matches counts, so their order and grouping change nothing); a run
      # of digits is possessive (\d++, \d{{1,2}}+) where what must follow it is no
      # digit, so giving one back could only fail again (see numbers.DIGITS_PATTERN)
      \d{{4}}(?:-\d{{1,2}}-\d{{1,2}} | \s*(?:года|году|год|г\.|гг\.|roku|rok|r\.|гадоў|гадзе|года)(?!\w))
    | \d{{1,2}}+(?:
        [./]\d{{1,2}}[./]\d{{2,4}}
      | (?:st|nd|rd|th|\.)?(?:\s*(?:[-–]|to|and|or|до|i|und|et)\s*\d{{1,2}}(?:st|nd|rd|th|\.)?)?\s+(?:of\s+)?{MONTH}
      | [:.]\d{{2}}\s*(?:[ap]\.?m\.?|h(?!\w)|Uhr)
      | [:.]\d{{2}}\s*(?:GMT|BST|UTC|CET|CEST|EET|EEST|MSK|ET|PT|EST|PST|local\s+time)(?!\w)
      | :\d{{2}} | \s*(?:[ap]\.m\.|[ap]m(?!\w)) | \s+o'clock | h\d{{2}}
      | /\d{{1,2}}(?![\d/])
      )
    | (?:1[5-9]|20)\d{{2}}\s*[-–/]\s*(?:(?:1[5-9]|20)\d{{2}}|\d{{2}})(?!\d)(?!\s*(?i:per\s?cent|percent|%|people|protesters|prisoners|persons|of))
    | \d{{2,4}}+s(?!\w) | \d{{2}}(?=['’]s(?!\w))
    | \d++(?:
        (?:[.,]\d+)?\s+times\s+(?:as|more|less|higher|lower|larger|smaller|the|over)(?!\w)
      | \s*(?:min|minute)s?\s+read | \s*min(?:\.|(?!\w))
      | [a-z]?\s+[A-Z]\w+\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Lane|Square)
      | \.\d+\.\d+
      )
    | \d{{3}}(?:[-.]\d{{3}}[-.]\d{{4}}(?!\d) | -\d{{2}}-\d{{2}}(?!\d))
    | \d{{1,4}}+(?:[\s-]\(?\d{{2,4}}+\)?){{2,}}[\s-]\d{{2}}(?!\d)
    | [\d.,]++k?\s+(?:comments?|shares?|likes?|replies|retweets|views)(?!\w)
    | \d{{1,3}}+[-\s]years?[-\s]old
    """,
    re.VERBOSE,
)


def _reverse_alternation(words):
    "Phrases spelled backwards (spaces standing for any whitespace), as a trie regex."
    return numbers.phrase_trie(w[::-1] for w in words)


_MONTH_FORMS = [n for names in _MONTHS.values() for n in names.split()]
_MONTH_FORMS += [n[0].upper() + n[1:] for n in _MONTH_FORMS if n[0].islower()]
_MONTH_WORDS = frozenset(n.lower() for n in _MONTH_FORMS)
_COUNT_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+(?=\s*(?:million|billion)\b))?(?![\d.:/-]\d)")


def _not_day_or_year(text, number_start):
    "Is the figure at ``number_start`` plainly no day (1-31) nor year (1800-2100): 300, 1,200?"
    m = _COUNT_DIGITS.match(text, number_start)
    if not m:
        return False
    digits = m.group()
    return "," in digits or "." in digits or int(digits) > 31 and not (len(digits) == 4 and 1800 <= int(digits) <= 2100)
# Words after which a number names or labels something rather than counting it.
_IDENTIFIER_WORDS = """article|section|paragraph|chapter|clause|flight|resolution|decree|protocol|
    episode|season|volume|platform|terminal|gate|route|highway|version|model|part|page|item|
    case|room|courtroom|cell|ward|block|colony|table|figure|line|bus|art.|no.|nos.|nr|nr.|p.|
    pp.|vol.|fig.|ст.|ч.|п.|статья|статьи|статье|статью|части|часть|пункт|пункта|artykuł|
    artykułu|artikel|abs.|§|№|#|comments|comment|share|shares|like|likes|views|replies|
    retweets|image|photo|picture|slide|tel|tel.|phone|fax|тел|тел.|hotline|hotline at|
    helpline|infolinia|горячая линия|aged|ages|w wieku|в возрасте|im alter von|âgés de|
    âgées de|просмотров|просмотры|wyświetleń|aufrufe|vues|lesezeit|lecture|czas czytania|
    время чтения|listen to this article|updated|the age of|age of|©|no|camp|channel|kanal|
    kanał|a factor of|nord stream|world war""".replace("\n", "").split("|")
_MASK_BEFORE = re.compile(
    rf"""
      (?:\s+|\.\s*)(?:{_reverse_alternation(_MONTH_FORMS)})(?![^\W\d_])
    | \s+,?(?:ts|dn|dr|ht|\.)?\d{{1,2}}\s+\.?(?:{_reverse_alternation(_MONTH_FORMS)})(?![^\W\d_])
    | (?:[ \t-]\d{{1,4}})*[ \t]*[:(,·|]?[ \t]*(?:{_reverse_alternation(_IDENTIFIER_WORDS)})(?![^\W\d_])
    | \s+(?:fo|/)\s+\d+\s+(?:egami|otohp|erutcip|edils)(?![^\W\d_])
    | (?:[\s.-]\d{{1,4}})*[\s.-]?\)?\d{{1,4}}\(?[\s.-]?\d{{1,3}}\+
    | \s*[:=]\w*[#@/]\S*
    | (?-i:\s*,\s*(?:[\w'’-]*[A-Z]\s+){{1,3}}yB)(?![^\W\d_])
    | (?:[\s-]\)?\d{{1,4}}\(?){{2,}}(?!\d)
    | \s+fo\s+tuo\s+[\d.,]+(?!\w)
    | \s+fo\s+(?:tuo\s+)?(?:ht|ts|dn|dr)\d{{1,3}}(?![\d.,])
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LIST_NUMBER = re.compile(r"\d{1,2}[.)][ \t]")
# The word right before a figure, read on the reversed text (whitespace, then letters).
_WORD_BEHIND = re.compile(r"\s*([^\W\d_]*)")
_LAST_LETTERS = re.compile(r"[^\W\d_]+$")


def _word_behind(head):
    """The letters that end ``head`` once its trailing whitespace is dropped ("" if none):
    what _WORD_BEHIND reads on ``head`` reversed. A last word after a space that is all
    letters (the common case: "than", "of") is that word, found without the reversed
    copy and the regex; anything else (punctuation, a digit, a tab) goes to the regex."""
    stripped = head.rstrip()
    last = stripped[stripped.rfind(" ") + 1:]
    if last.isalpha():
        return last
    return _WORD_BEHIND.match(head[::-1]).group(1)[::-1]


def _last_letters(phrase):
    "The letters that end ``phrase``, in lower case, or None."
    m = _LAST_LETTERS.search(phrase)
    return m.group().lower() if m else None


# A _MASK_BEFORE match that reaches a word before the figure ends (read forwards) with
# the whole of one of these: a month, an ordinal's suffix ("May 12th 2020"), the last
# word of an identifier, "of". After any other plain ASCII word the figure is not
# masked, and the costly match is skipped.
_MASK_WORDS = frozenset(
    _last_letters(phrase) for phrase in _MONTH_FORMS + _IDENTIFIER_WORDS + ["st", "nd", "rd", "th", "of"]
) - {None}


@functools.lru_cache(maxsize=16)
def _patterns(language):
    return _Patterns(language)


class _Patterns:
    "The claim regex and lookup tables for one language (English rules always included)."

    def __init__(self, language):
        lang = language if language in _BETWEEN else "en"
        self.language = lang
        langs = ("en",) if lang == "en" else ("en", lang)
        self.hedges = {}
        for qualifier, by_lang in _HEDGES.items():
            for code in langs:
                for phrase in filter(None, by_lang.get(code, "").split("|")):
                    self.hedges.setdefault(phrase.replace("\\", "").lower(), qualifier)
        hedge = numbers.phrase_trie(self.hedges, first=_case_sensitive_class)
        between = "|".join(_BETWEEN[c] for c in langs)
        and_ = "|".join(_AND[c] for c in langs)
        or_ = "|".join(_OR[c] for c in langs)
        words = numbers.words_pattern(lang)
        if lang != "en":
            words = f"(?:{words}|{numbers.EN_WORDS_PATTERN})"
        if lang in _ARTICLE_NUMBERS:
            phrases = sorted(_ARTICLE_NUMBERS[lang], key=len, reverse=True)
            words = "(?:" + "|".join(re.escape(p).replace("\\ ", r"\s+") for p in phrases) + f"|{words})"
        currency_prefix = rf"(?:US\$|HK\$|\$|€|£|₽|₾|₴|₸|₹|(?-i:Rs\.?|KSh)\s?|(?-i:{_CODES}|Br)\s?)"
        # optional parts written (?:…|), as in the claim regex below (see there)
        number = (rf"(?:{currency_prefix}|)(?:{numbers.DIGITS_PATTERN}|"
                  rf"(?:a|half\s+a|two|three|four|five|six|\d{{1,2}})\s+dozen(?!\w)|{words})"
                  rf"(?:\s+and\s+a\s+half|½|)(?:{numbers.SCALE_PATTERN}|)")
        vague = numbers.phrase_trie(numbers.VAGUE_PHRASES, first=_case_sensitive_class)
        fractions = numbers.phrase_trie(numbers.FRACTIONS, space=r"[\s-]", hyphen=r"[\s-]",
                                        first=_case_sensitive_class)
        ordinals = numbers.phrase_trie(numbers.EN_ORDINALS, first=_case_sensitive_class)
        count_nouns = numbers.phrase_trie(_COUNT_NOUNS, first=_case_sensitive_class)
        unit = (
            rf"(?:\s?+{_PERCENT_FIRST}(?P<percent>{_PERCENT})(?!\w)"
            rf"|\.?\s(?P<cur>(?-i:{_cased_trie(_CURRENCY_OF)}))(?!\w)"
            rf"|\s(?P<dur>(?-i:{_cased_trie(_DURATION_OF)}))(?!\w|[-\s]old)"
            rf"|-(?P<hyphen_dur>year|month|week|day|hour|minute|decade)s?(?!\w|-old)"
            rf"|\s?(?P<other>{_OTHER_UNIT_WORDS})(?!\w))"
        )
        # claim: ranges allowed; single: the same without ranges, the fallback
        # when a range reads backwards ("£1 million or 50%"). An optional part is written
        # (?:…|), not (…)?: the same matches, without the repeat the engine sets up for
        # a "?" (a heap allocation, and a copy of the marks of every group matched so far,
        # each time), which made these four parts cost a tenth of every match. A run of
        # digits, a space before a sign, is possessive (\d{1,2}+, \s*+) where what must
        # follow it cannot be what it would give back (see numbers.DIGITS_PATTERN).
        frac_extra = _FRACTIONS_OTHER.get(lang, "")
        ordinal_extra = _ORDINALS_OTHER.get(lang, "")
        self.claim, self.single = (re.compile(
            rf"""
            (?<![\w$€£₽#№@/\\.,:\-–+])(?<!\d\()
            (?:(?![0-9])(?P<hedge>{hedge})\s+|)
            (?:
              # "not an ASCII digit" first: these start with a letter, so at a digit (most
              # figures) they are skipped at once rather than tried word by word
              (?![0-9])(?:
                (?P<frac>{fractions})(?:(?P<frac_time>\s+(?:of\s+)?an?\s+(?:century|decade)(?!\w))
                |(?=\s+(?:of|the|their|its|all|had|have|has|were|was|are|is|
                    said|say|says|did|do|would|will)\b|\s*[,.;:)]
                    |(?<=s)\s+(?:between|since|in|from|during|over|compared|among|by|last|this)\b)){frac_extra}
              | (?P<vague>{vague})(?!\w))
              | (?P<ord>(?<=\b[aA]\s)(?:{ordinals}|\d{{1,3}}+(?:st|nd|rd|th))
                  (?=\s+(?!(?:january|february|march|april|may|june|july|august|september|october|
                      november|december|of|and|or|to|in|on|at|by|time|place|century|quarter|half|grade|
                      floor|row|largest|biggest|highest|lowest|most|least|best|worst)\b)[a-z][\w-]*\b)
                | (?:{ordinals}|\d{{1,3}}+(?:st|nd|rd|th))
                  (?=\s+(?:(?:consecutive|straight|successive|presidential|full|such|new|major|
                            [\w-]+-year)\s+)*(?:{_ORDINAL_NOUNS})\b)){ordinal_extra}
              | (?![0-9])(?:(?P<twice>twice)(?!\s+(?:as|the|that|more|over|a|an|per|in\s+a|weekly|daily|monthly|a\s+(?:day|week|month|year))\b)
              | (?P<zero>no)(?=\s+(?:(?:new|more|further|other|political|confirmed|reported|
                  known|official|registered|independent|foreign|international|local)\s+)?(?:{count_nouns})\b))
              | (?P<ratio_a>one|two|three|four|\d{{1,2}}+)\s+(?:in(?:\s+every)?|out\s+of)\s+(?P<ratio_b>two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|\d{{1,3}}+)(?!\w)
              | (?![0-9])(?:(?<=[a-z]\s)(?P<an>an?)(?=\s+(?:decade|year|month|week|day|hour)s?\b)
              | (?<=[a-z]\s)(?P<frac_h>a\s+(?:third|quarter|fifth|tenth)|half(?!\s+an?\s+(?:hundred|thousand|million|billion|dozen)\b))(?!\w)
              | (?P<between>{between})\s+(?P<a>{number})(?:\s?%)?\s+(?:{and_})\s+(?P<b>{number}))
              | (?P<n>{number})(?:(?P<pct1>\s?+%)?(?:\s*+[-–—]\s*|\s+(?:{or_})\s+)(?P<m>{number})){range_}
            )
            (?:(?P<post1>\+|-odd(?!\w)|\s+or\s+(?:so|more|fewer|less)(?!\w))|)
            (?:(?P<unit>{unit})|)
            (?:(?P<post2>\s+or\s+(?:so|more|fewer|less)(?!\w)|\+)|)
            (?![^\W_]|[.,:/]\d|\d|-(?-i:[A-Z]))
            """,
            re.VERBOSE | re.IGNORECASE,
        ) for range_ in ("?", "{0}"))
        at, scans, self.trigger_firsts = _trigger_pattern(lang)
        self.trigger, self.trigger_scans = re.compile(at), tuple(map(re.compile, scans))
        lookback = sorted(
            set(self.hedges) | set(between.split("|")) | {"several", "a few", "some"}
            | _ARTICLES.get(lang, set()),
            key=len, reverse=True,
        )
        reversed_words = numbers.phrase_trie(w[::-1] for w in lookback)
        self.lookback = re.compile(
            rf"(?:\s?(?P<cur>{_REVERSED_CODES})(?![^\W\d_])|kh|su)?"
            rf"(?:\s+(?:{reversed_words})(?![^\W\d_]))?",
            re.IGNORECASE,
        )
        # What a lookback match reaches first, read forwards the last word before the
        # figure: a hedge's (or range word's) last word, or a currency code.
        self.lookback_words = frozenset(
            [_last_letters(w) for w in lookback] + [code.lower() for code in _CODES.split("|")]
            + ["br", "rs", "ksh"]) - {None}


# Articles that open a fraction ("ein Drittel", "la moitié"), looked back for like hedges.
_ARTICLES = {"de": {"die", "der", "ein", "eine", "einem", "einen", "einer"},
             "fr": {"la", "un", "une", "d'un", "d’un"}}
# Number phrases with an article: "une douzaine", "d'un million", "ein Dutzend".
_ARTICLE_NUMBERS = {
    "fr": {"une douzaine": 12, "un million": 1_000_000, "d'un million": 1_000_000,
           "d’un million": 1_000_000, "un milliard": 1_000_000_000,
           "d'un milliard": 1_000_000_000, "d’un milliard": 1_000_000_000},
    "de": {"ein dutzend": 12, "eine million": 1_000_000, "einer million": 1_000_000,
           "eine milliarde": 1_000_000_000, "einer milliarde": 1_000_000_000},
}
# Stems that start ordinals and fractions in other languages, for the trigger.
_EXTRA_TRIGGERS = {
    "ru": "половин|трет|четверт|втор|пят|шест|седьм|восьм|девят|десят|две трети|три четверти",
    "be": "палов|трэц|чвэрць",
    "pl": "połow|jedna trzecia|jednej trzeciej|ćwierć|dwie trzecie|trzy czwarte|drug|trzec|czwart|piąt|szóst|siódm|ósm|dziewiąt|dziesiąt",
    "de": "dutzend|hälfte|drittel|viertel|fünftel|zehntel|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt",
    "fr": "douzaine|moitié|tiers|quart|cinquième|deuxième|troisième|quatrième|sixième|septième|huitième|neuvième|dixième",
}


# Currency codes and signs written before a figure, spelled backwards, for the lookback.
_REVERSED_CODES = numbers.phrase_trie([code[::-1].lower() for code in _CODES.split("|")]
                                      + ["rb", "sr", ".sr", "hsk"])


def _trie(words, split_first=False):
    """A regex alternation shaped as a trie, so the engine tries few branches per position.
    A first letter matches in either case: as a class ([aA]), or with ``split_first`` as
    one branch per case (a…|A…), which the engine rules out by comparing one character
    where a class costs a call per branch (the trigger scan tries them after most spaces)."""
    root = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node, top):
        branches, ends = [], "" in node
        for ch in sorted(k for k in node if k):
            rest = build(node[ch], False)
            if top and split_first and ch.upper() != ch:
                branches += [re.escape(case) + rest for case in dict.fromkeys(ch + ch.upper())]
                continue
            head = f"[{re.escape(ch)}{re.escape(ch.upper())}]" if top and ch.upper() != ch else re.escape(ch)
            branches.append(head + rest)
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + ("?" if ends else "")

    return build(root, True)


# A digit trigger takes the digits glued to it by separators ("12,345", "10:30",
# "2019-2020"): a digit right after one of them never starts a claim (see _GLUED),
# so the scan steps over them in one match.
_DIGIT_RUN_TRIGGER = r"\d+(?:[,.:/\-–]\d+)*"


def _trigger_pattern(lang):
    """Where a claim can start: a digit, a currency sign, or a word that begins a
    number expression. Hedges are found by looking back from here."""
    words = set(numbers.NUMBER_WORDS["en"]) | set(numbers.EN_ORDINALS) | {
        "hundred", "thousand", "million", "billion", "no", "twice", "half", "a dozen", "half a dozen",
        "a hundred", "a thousand", "a million", "a billion", "a third", "a quarter",
        "a fifth", "a tenth", "a half", "a decade", "a year", "a month", "a week", "a day",
        "an hour",
    }
    words |= set(numbers.NUMBER_WORDS.get(lang, {}))
    words |= {phrase.split(" ")[0] for phrase in numbers.VAGUE_PHRASES}
    words -= {"several", "a", "some", "des"}
    words |= {"several", "a few", "some hundreds", "some thousands"}
    stems = _EXTRA_TRIGGERS.get(lang, "").split("|") if lang in _EXTRA_TRIGGERS else []
    first = "".join(sorted({w[0] for w in list(words) + stems} | {w[0].upper() for w in list(words) + stems}))
    # ``word`` without its "no letter before" checks, for where a non-letter is known to precede
    word_after = rf"{_trie(words)}(?![^\W\d_])" + (f"|{_trie(stems)}" if stems else "")
    word = rf"(?<![^\W\d_])(?:{word_after})"
    at = rf"(?=[\d$€£₽₾{re.escape(first)}])(?:{_DIGIT_RUN_TRIGGER}|[$€£₽₾]|{word})"
    # the same words, each first letter's cases as branches of their own, for the scan
    word_after = rf"{_trie(words, True)}(?![^\W\d_])" + (f"|{_trie(stems, True)}" if stems else "")
    # The scan starts on a character that is not a letter (far fewer positions than the
    # letters a word can start with): a digit run or a currency sign is the trigger
    # itself; anything else (a space, a quote) triggers when a number word starts right
    # after it (group "w"), which needs one of its first letters there. It is two
    # searches (see _TriggerScan): one from a space, a plain character the regex engine
    # finds far faster than a class, where only a word can follow; one from any other
    # non-letter, [^A-Za-z ] (a cheap test per character, at far fewer positions). Only
    # the word branch checks the non-letter against [\W\d_] (a digit or a currency sign
    # is in it already), where any ASCII character is in it: [\x00-\x7f] first spares
    # the Unicode category lookups (a space needs no check). The branch looks for a first
    # letter before it looks back.
    digits = r"(?<=[\d$€£₽₾])(?:(?<=\d)\d*(?:[,.:/\-–]\d+)*)?"
    first_letter, word = f"(?=[{re.escape(first)}])", rf"(?=(?:{word_after}))(?P<w>)"
    scans = (f" {first_letter}{word}", rf"[^A-Za-z ](?:{digits}|{first_letter}(?<=[\x00-\x7f\W\d_]){word})")
    # the characters besides digits a trigger can start with, as ``at`` looks ahead for them
    return at, scans, frozenset("$€£₽₾" + first)


# --- reading a match into value, bounds, qualifier, unit ---------------------

_CURRENCY_PREFIX_RE = re.compile(rf"^(US\$|HK\$|\$|€|£|₽|₾|₴|₸|₹|Rs\.?|KSh|{_CODES}|Br)\s?")
_YEAR_BEFORE = set("""in since of from until till by before after during the early late mid
    summer spring autumn winter fall year years between and to around about circa c. в с до
    od do w im seit en depuis année з ад у for""".split())


_HALF = re.compile(r"(?i)(?:\s+and\s+a\s+half|½)")
# \d as the first character of a search: an ASCII digit or any non-ASCII character (a
# bitmap test per character, where \d looks up Unicode categories), then checked to be
# \d by a lookbehind. Same matches; the search skips ordinary letters faster.
_DIGIT_FIRST = r"[0-9\x80-\U0010ffff](?<=\d)"
# Precompiled helpers of the per-figure code (the re module's cache lookup is not free).
_SPACES = re.compile(r"\s+")
_SCALE_AT_END = re.compile(rf"({numbers.SCALE_PATTERN})$")
_DIGIT_RUN = re.compile(r"\d+")
_DASH = re.compile(r"[-–—]")
_NOT_A_COUNT = re.compile(r"0\d+|\d{8,}")
_YEAR_LIKE = re.compile(r"(1[5-9]|20)\d\d")
_LOWER_WORD_AFTER = re.compile(r"[ \t]+([a-z][\w'’-]*)")
_FOUR_DIGITS = re.compile(r"\d{4}")
_LATIN_LOWER = re.compile(r"[a-z]")
_ORDINAL_END = re.compile(r"(?i)(?:st|nd|rd|th|second|third|fifth|ninth|twelfth)$")
_TOTAL = re.compile(r"\btotals?\b")


@functools.lru_cache(maxsize=4096)  # figures repeat ("two", "1,000"): read each once
def _number(text, language):
    "(value, currency code) of one number expression, e.g. '$2bn' → (2e9, 'USD')."
    currency = None
    table = _ARTICLE_NUMBERS.get(language)
    phrase = table.get(_SPACES.sub(" ", text.strip().lower())) if table else None
    if phrase:
        return phrase, None
    # _HALF needs "½" or "half" (no letter that ignore-case matching folds oddly)
    half = _HALF.search(text) if "½" in text or "half" in text.lower() else None
    if half:
        value, currency = _number(text[:half.start()] + text[half.end():], language)
        return (None if value is None else value + 0.5), currency
    m = _CURRENCY_PREFIX_RE.match(text)
    if m:
        currency = _CURRENCY_PREFIX[lexicon.fold(m.group(1))]
        text = text[m.end():]
    return numbers.parse_number(text, language), currency


def _scale_word(text):
    m = _SCALE_AT_END.search(text)
    return numbers.scale_of(m.group(1)) if m else None


def _unit(m, patterns):
    "(unit, multiplier, currency) from the unit group of a claim match."
    if m.group("percent"):
        return "percent", 1, None
    if m.group("hyphen_dur"):
        unit, factor = _HYPHEN_DURATIONS[lexicon.fold(m.group("hyphen_dur"))]
        return unit, factor, None
    if m.group("other"):
        return _OTHER_UNITS.get(_SPACES.sub(" ", m.group("other").lower())), 1, None
    if m.group("cur"):
        code = _unit_word(m.group("cur"), _CURRENCY_OF, _CURRENCY_KINDS)
        return code, 1, code
    if m.group("dur"):
        unit, factor = _unit_word(m.group("dur"), _DURATION_OF, _DURATION_KINDS)
        return unit, factor, None
    return None, 1, None


def _unit_word(word, table, kinds):
    "The entry of ``table`` for a unit word the claim regex matched: 'US  Dollars' → USD."
    found = table.get(_SPACES.sub(" ", word.lower()))
    if found is None:  # a letter case-insensitive matching folds unlike lower() (ſ, K, İ)
        found = next(value for value, pattern in kinds if pattern.fullmatch(word))
    return found


def _read(m, block, language):
    """value, low, high, qualifier, unit for a claim match, or None when the match
    is not a claim after all (a year, an identifier, a backwards range)."""
    patterns = _patterns(language)
    hedge = m.group("hedge")
    qualifier = patterns.hedges.get(_SPACES.sub(" ", hedge.lower())) if hedge else None
    post = (m.group("post1") or m.group("post2") or "").strip().lower()
    if post:
        post = _SPACES.sub(" ", post)
        qualifier = qualifier or _POST_HEDGES.get(post)
    unit, factor, currency = (None, 1, None)
    if m.group("unit"):
        unit, factor, currency = _unit(m, patterns)
    groups = _Groups(m)
    if groups.get("frac_x"):
        text = m.group("frac_x").lower()
        value = next(v for pattern, v in _FRACTION_VALUES if re.search(pattern, text))
        return _bounds(value, qualifier or "exact") + ("percent",)
    if groups.get("ord_x"):
        text = m.group("ord_x").lower()
        value = next(v for stem, v in _ORDINAL_STEMS[language] if re.match(stem, text))
        return (value, value, value, "exact", None)
    if groups.get("ratio_a"):
        a = numbers.parse_number(m.group("ratio_a"), "en")
        b = numbers.parse_number(m.group("ratio_b"), "en")
        if not a or not b or a >= b:
            return None
        return _bounds(round(100 * a / b, 2), qualifier or "exact") + ("percent",)
    if groups.get("an") or groups.get("frac_h"):
        if not qualifier:
            return None
        if groups.get("frac_h"):
            return _bounds(numbers.FRACTIONS[_fraction_key(m.group("frac_h"))], qualifier) + ("percent",)
        return _bounds(factor, qualifier) + (unit,)
    if m.group("frac"):
        if _PART_OF_TIME.search(block, max(0, m.start() - 10), m.start()):
            return None  # "in the second half of the year", "the first quarter": a time, not a share
        value = numbers.FRACTIONS[_fraction_key(m.group("frac"))]
        if m.group("frac_time"):  # "a quarter of a century": 25 years
            years = _clean(round(value * (1 if "century" in m.group("frac_time").lower() else 0.1), 2))
            return _bounds(years, qualifier or "exact") + ("years",)
        return _bounds(value, qualifier or "exact") + ("percent",)
    if m.group("vague"):
        bounds = numbers.vague_bounds(m.group("vague"))
        if bounds is None:
            return None
        return (None, bounds[0] * factor, bounds[1] * factor, "vague", unit)
    if m.group("ord"):
        text = m.group("ord").lower()
        value = numbers.EN_ORDINALS.get(text) or int(_DIGIT_RUN.match(text).group())
        return (value, value, value, "exact", None)
    if m.group("zero"):
        return (0, 0, 0, "exact", None)
    if groups.get("twice"):
        return (2, 2, 2, qualifier or "exact", None)
    if m.group("between"):
        first, second, separator = m.group("a"), m.group("b"), "between"
    else:
        first, second = m.group("n"), m.group("m")
        separator = "dash" if second and _DASH.search(block, m.end("n"), m.start("m")) else "word"
        if second and m.group("pct1"):
            unit = unit or "percent"
    low, low_currency = _number(first, language)
    if low is None:
        return None
    currency = currency or low_currency
    if second:
        high, high_currency = _number(second, language)
        if high is None:
            return None
        currency = currency or high_currency
        scale = _scale_word(second)
        if scale and not _scale_word(first) and low * scale <= high and low < high / scale * 1.0001:
            low = low * scale
        if _is_year_range(first, second):
            return None
        if (separator == "dash" and first.strip().isdigit() and second.strip().isdigit()
                and _NAME_BEFORE.search(block, max(0, m.start() - 40), m.start())
                and _names_something(block, m.start(), m.end())):
            return None
        if low >= high:
            return _BAD_RANGE
        return (None, _clean(low * factor), _clean(high * factor), "range",
                currency or unit)
    if _is_bare_year(first, m, block, qualifier, unit, language):
        return None
    if not qualifier and not unit and first.strip().lower() == "one" and not _count_noun_follows(block, m.end()):
        return None
    if _NOT_A_COUNT.fullmatch(first.strip()):
        return None
    if (not qualifier and not unit and not currency and first.strip().isdigit()
            and _names_something(block, m.start(), m.end())):
        return None
    return _bounds(_clean(low * factor), qualifier or "exact") + (currency or unit,)


_BAD_RANGE = "bad range"  # read the first figure alone instead
_PART_OF_TIME = re.compile(r"\b(?:first|second|third|fourth|latter|last|final)\s+\Z", re.I)
_MASKED = "masked"  # a date, identifier…: nothing inside it is a claim either


def _fraction_key(text):
    key = _SPACES.sub(" ", text.lower())
    if key in numbers.FRACTIONS:
        return key
    return key.replace("-", " ") if key.replace("-", " ") in numbers.FRACTIONS else key.replace(" ", "-")


def _bounds(value, qualifier):
    if qualifier in ("more_than", "at_least"):
        return (value, value, None, qualifier)
    if qualifier == "about":
        return (value, None, None, qualifier)
    if qualifier in ("almost", "up_to"):
        return (value, None, value, qualifier)
    return (value, value, value, "exact")


def _clean(x):
    return numbers._clean(x)


def _is_year_range(first, second):
    return all(_YEAR_LIKE.fullmatch(s.strip()) for s in (first, second))


_NEXT_WORD = re.compile(r"\s+(?:of\s+)?([^\W\d_][\w'’-]*)")


def _count_noun_follows(block, end):
    m = _NEXT_WORD.match(block, end)
    if not m:
        return False
    word = m.group(1).lower()
    if word in _COUNT_NOUNS:
        return True
    m2 = _NEXT_WORD.match(block, m.end())
    return bool(m2 and m2.group(1).lower() in _COUNT_NOUNS and word not in _SUBJECT_STOP)


_NAME_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*)\s+$")


def _names_something(block, start, end):
    "'Hong Kong 47', 'Embraer Legacy 600': a number right after a name, counting nothing."
    m = _NAME_BEFORE.search(block, max(0, start - 40), start)
    if not m or m.group(1).lower() in _SUBJECT_STOP or m.group(1).lower() in _MONTH_NUMBER:
        return False
    if m.group(1).endswith(("'s", "’s")):
        return False  # "the UN's 193 member states": the name's own count
    before = block[max(0, m.start() - 3):m.start()].rstrip()
    if not before or before[-1] in ".!?:\n\"“(":
        return False
    nxt = _LOWER_WORD_AFTER.match(block[end:end + 40])
    return bool(nxt) and not (_is_plural(nxt.group(1)) or nxt.group(1) in _COUNT_NOUNS
                              or nxt.group(1) in _SUBJECT_STOP or _is_participle(nxt.group(1)))


def _is_bare_year(first, m, block, qualifier, unit, language):
    "A four-digit number that reads as a year: 'in 2021', 'the 2020 election'."
    text = first.strip()
    if unit or not _FOUR_DIGITS.fullmatch(text) or not 1000 <= int(text) <= 2100:
        return False
    before = block[max(0, m.start() - 20):m.start()].split()
    if before and before[-1].lower().strip("(,") in _YEAR_BEFORE:
        return True
    if before and before[-1].rstrip(",").lower() in _MONTH_NUMBER:
        return True
    if qualifier and 1990 <= int(text) <= 2030:
        nxt = _NEXT_WORD.match(block, m.end())
        return not (nxt and nxt.group(1).lower() in _COUNT_NOUNS)
    if language not in (None, "en"):
        return False  # other languages mark years ("2020 года", "roku") and those are masked
    nxt = _NEXT_WORD.match(block, m.end())
    if not nxt:
        return not (qualifier in ("more_than", "at_least", "almost", "up_to") and not 1900 <= int(text) <= 2100)
    word = nxt.group(1).lower()
    if word in _COUNT_NOUNS:
        return False
    if _LATIN_LOWER.search(word):
        return not _is_plural(word)
    return False  # Cyrillic and other scripts: years are masked with their "года"/"roku"


# --- subject: what is counted ----------------------------------------------

_SUBJECT_STOP = set("""
    a an the this that these those their his her its our your my of in on at by for from to
    with without into onto over under about after before since during between among against
    through across per than as and or but nor so yet if when while where who whom whose which
    what is are was were be been being have has had having do does did will would shall should
    can could may might must not no also only just still even already now then there here they
    them he she it we you i me us him one some any all each every both either neither most
    least many much few several such same own very too last first next according said says
    told reported say tell more less ago later earlier year years month months week weeks day
    days today yesterday tomorrow since whom including included include includes alone
    altogether total overall respectively per cent percent times time per
    remain remains remained stay stays stayed along behind beyond outside inside across
    around near toward towards via amid despite within because although though unless until
    whether whereas
""".split())
_FILLERS = set("more further additional other extra another fresh some".split())
_PLURAL_IRREGULAR = set("people police children men women staff personnel media militia "
                        "youth dead wounded injured missing clergy".split())
_MEN_SINGULAR = set("specimen abdomen regimen acumen hymen stamen".split())
_NOT_PARTICIPLE = set("hundred need speed seed bed red shed feed breed deed".split())
_PARTICIPLE_IRREGULAR = set("held hurt shot beaten slain taken thrown hit caught sent brought "
                            "put kept found seen stopped dead died missing fled".split())
# What happened to the people counted: "protesters arrested", "people killed".
_EVENT_PARTICIPLES = set("""arrested detained killed injured wounded tortured jailed imprisoned
    sentenced convicted charged released freed pardoned deported expelled fined beaten abducted
    kidnapped executed evacuated displaced dismissed questioned interrogated summoned prosecuted
    fired hospitalised hospitalized searched missing dead died disappeared exiled fled hurt shot
    slain detained injured raided blocked banned closed liquidated designated labelled
    labeled held marched added left emigrated crossed rallied gathered stranded dissolved
    registered recognised recognized drowned perished rescued attended protested demonstrated
    indicted escaped recaptured returned hanged murdered massacred assassinated beheaded flogged
    lashed raped assaulted acquitted evicted repatriated resettled relocated mobilised mobilized
    conscripted disqualified barred suspended snatched""".split())
# Verbs before a figure that say what happened to what it counts ("Police detained 27
# people" → people detained), but not those that only report it ("recorded 14,900").
_ACTION_BEFORE = _EVENT_PARTICIPLES - set("registered recognised recognized left".split())
_HELD_OBJECT = re.compile(r"\s+(?:(?:a|an|the|their)\s+)?(?:[a-z-]+\s+)?(?:protection|status|permits?|visas?|passports?|"
                          r"citizenship|seats?|office|talks|rallies|protests|demonstrations|meetings|vigils|"
                          r"placards|posters|banners|flags)\b")
_RELEASING = frozenset("released freed pardoned releases frees pardons release free pardon".split())
_HELD_BEFORE_RELEASE = frozenset("detained arrested jailed imprisoned held convicted sentenced".split())
_PARTICIPLE_LINK = re.compile(
    r"(?:\s+(?:have|has|had|were|was|are|is|been|being|be|reportedly|allegedly|now|already|"
    r"currently|presently|officially|formally|"
    r"so\s+far|also|later|then|ever|since|subsequently|were\s+later|all|still|more|others|remain|remains|remained|"
    r"may|might|could|would|will|must|"  # "as many as 1,400 people may have been killed"
    r"(?:reported|listed|declared|presumed|confirmed)(?=\s+(?:missing|dead)\b)|"  # "379 people reported missing"
    r"(?:gone|went|go|goes)(?=\s+missing\b)|"  # "dozens of its supporters have gone missing"
    # hearsay before what happened: "thousands are thought to have died", "are reported to have been held"
    r"(?:thought|believed|said|reported|estimated|feared|known|understood|presumed|alleged)\s+to))*"
    r"\s+([a-z][a-z'-]*)"
)
_VERB_PARTICIPLES = {
    "arresting": "arrested", "detaining": "detained", "killing": "killed",
    "injuring": "injured", "wounding": "wounded", "torturing": "tortured",
    "jailing": "jailed", "imprisoning": "imprisoned", "sentencing": "sentenced",
    "convicting": "convicted", "charging": "charged", "releasing": "released",
    "freeing": "freed", "pardoning": "pardoned", "deporting": "deported",
    "expelling": "expelled", "fining": "fined", "beating": "beaten", "abducting": "abducted",
    "kidnapping": "kidnapped", "executing": "executed", "evacuating": "evacuated",
    "displacing": "displaced", "dismissing": "dismissed", "questioning": "questioned",
    "interrogating": "interrogated", "summoning": "summoned", "holding": "held",
    "prosecuting": "prosecuted", "firing": "fired",
}
_VERB_PARTICIPLES.update({p: p for p in list(_VERB_PARTICIPLES.values())})
# Headlines say it in the present: "Police detain more than 400 as rallies go on".
_VERB_PARTICIPLES.update({
    form: participle
    for stem, participle in (("arrest", "arrested"), ("detain", "detained"), ("kill", "killed"),
                             ("injure", "injured"), ("wound", "wounded"), ("torture", "tortured"),
                             ("jail", "jailed"), ("imprison", "imprisoned"), ("convict", "convicted"),
                             ("release", "released"), ("free", "freed"), ("pardon", "pardoned"),
                             ("deport", "deported"), ("expel", "expelled"), ("abduct", "abducted"),
                             ("execute", "executed"), ("evacuate", "evacuated"), ("hold", "held"),
                             ("prosecute", "prosecuted"))
    for form in (stem, stem + "s")
})
_SUBJECT_WORD = re.compile(r"\s*([^\W\d_][\w'’-]*)")
_TOTAL_AFTER_OF = re.compile(r"\d+(?:,\d{3})*(?=\s+[a-z])")
_PART_OF_BEFORE = re.compile(r"\d[\d,]*\s+of\s+(?:the\s+)?\Z")  # "19 of the 23 defendants": the 23 are all of them
_OF_WORDS = r"\s+(?:of|in)\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+|these\s+|those\s+|them\b|whom\b)?"
_OF_DETERMINER = re.compile(_OF_WORDS + r"(?-i:(?![A-Z]))", re.I)
# The same, or people named by a demonym: "hundreds of thousands of Belarusians have
# emigrated". (Not for a share: "60% of Peruvians want her to go" is a poll's answer, which
# the demonym alone does not say.)
_OF_DETERMINER_OR_PEOPLE = re.compile(_OF_WORDS + r"(?-i:(?![A-Z])|(?=[A-Z][a-z]+(?:ans|ese|is)\b))", re.I)


# A sentence opening on the group its figures are part of: "Among the dead were 44 police officers
# …and three soldiers" (each figure of the list, up to the next clause).
_AMONG_FRONT = re.compile(r"\s*Among\s+(?:the|those)\s+(dead|killed|injured|wounded|detained|arrested)\s+"
                          r"(?:were|are)\s+[^;:.]*?(?:(?:some|about|around|nearly|almost|at\s+least|more\s+than|"
                          r"over|another)\s+)?\Z", re.IGNORECASE)
_OF_THE_ARE = re.compile(r"\s+(?:were|are)\s+(?:also\s+|all\s+)?((?:[a-z-]+\s+)?[a-z-]+)\b(?!\s+(?:of|in|by|to|for|from|at)\b)")
# A law used on people: "The law has been used against 253 people", "Article 112 was invoked against 40".
_LAW_USED_AGAINST = re.compile(r"\b(?:law|article|act|code|statute|decree)\b[^.;:]{0,60}?\b(?:used|invoked|applied)\s+"
                               r"against\s+(?:(?:some|about|around|nearly|almost|at\s+least|more\s+than|over)\s+)?\Z",
                               re.IGNORECASE)
_FREED_AFTER = re.compile(r"(?:(?!\bwho\b)[^.;:,]){0,50}?\b(?:had|have|has|were|was)\s+(?:since\s+|now\s+|all\s+)?(?:been\s+)?"
                          r"(released|freed|pardoned)\b", re.IGNORECASE)
_WHO_AFTER = re.compile(r"\s+who\s+(?:are|were|is|was|have\s+been|has\s+been|had\s+been|remain|remained)?\s*"
                        r"(?:still\s+|now\s+|all\s+)?([a-z]+)\b")
_REPORTED_STATE = re.compile(r"\s*reported\s+(missing|dead|killed|injured|wounded|detained|arrested|disappeared)\b",
                             re.IGNORECASE)
# What befell some of those a participle names: "31 of those put to death in 2024 were women",
# "40 of those detained were later released".
_THOSE_WERE = re.compile(r"(?:\s+(?:in|since|during|on|over|at|after)\s+[^.;:,]{1,40}?)?\s+(?:were|are|was|is|have\s+been|"
                         r"had\s+been)\s+(?:later\s+|also\s+|subsequently\s+|since\s+|then\s+|all\s+|now\s+)?"
                         r"([a-z][\w-]*)\b")
_OF_GROUP_ARE = re.compile(r"(?:\s*(?:behind\s+bars|in\s+(?:prison|jail|custody|detention)|still\s+held|held|jailed))?"
                           r"\s*\b(?:are|were|remain|is|was)\s+(?:also\s+|now\s+|still\s+)?([a-z][\w'’-]*)\b(?!\s+(?:of|in|by|to|for|from|at)\b)")


def _is_plural(word):
    return word in _PLURAL_IRREGULAR or (
        word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")) and len(word) > 3
    ) or word.endswith("ese") and len(word) > 6 or (  # "3.4 million Sudanese", "Chinese", "Lebanese"
        word.endswith("men") and len(word) > 5 and word not in _MEN_SINGULAR)  # gunmen, policemen


# Words in -ed that describe the noun after them rather than say what happened to it.
_ED_ADJECTIVES = frozenset("""aggravated armed unarmed alleged suspected masked unidentified unnamed
    uniformed retired unemployed skilled qualified""".split())


def _is_participle(word):
    return word in _PARTICIPLE_IRREGULAR or (
        word.endswith("ed") and len(word) > 4 and word not in _NOT_PARTICIPLE
    )


# What comes after the counted noun and says which of them are counted: where they are
# held ("… still in custody"), when ("… detained overnight", "on election night"), why
# ("… held on political grounds"), what they went through ("… who reported torture") and
# in which events ("… arrested in raids"). Read literally into
# the subject; lexicon.py folds the wordings ("during the night" = "overnight").
_TAIL_LEAD = re.compile(
    r"(?:,?\s+(?:who|that)\b)?"
    r"(?:\s+(?:have|has|had|were|was|are|is|been|being|remain|remains|remained|still|now|currently|"
    r"reportedly|allegedly|later|subsequently|all|kept|held|in\s+(?-i:[A-Z])[\w'’-]*|"
    r"since\s+(?:then|the\s+(?:vote|election|protests))))*\s+", re.I)
_TAIL_PART = re.compile(
    r"(?P<custody>in\s+(?:pre-trial\s+)?(?:custody|detention|prison|jail)\b|behind\s+bars\b)"
    r"|(?P<night>overnight\b|(?:on|during)\s+(?:the\s+)?(?:election\s+)?night\b"
    r"(?:\s+of\s+the\s+(?:vote|election|ballot)\b)?)"
    r"|(?P<grounds>on\s+political\s+grounds\b|for\s+political\s+reasons\b|"
    r"on\s+politically\s+motivated\s+charges\b|on\s+political\s+charges\b|for\s+(?:their|his|her)\s+(?:political\s+)?(?:views|beliefs)\b)"
    r"|(?P<report>(?:reported|reporting|alleged|alleging|described|complained\s+of|"
    r"(?:say|says|said)\s+they\s+(?:had\s+)?(?:suffered|faced|experienced|were|had\s+been))\s+(?:being\s+)?"
    r"(?P<harm>torture|tortured|ill-treatment|ill-treated|mistreatment|mistreated|abuse|beatings|beaten)\b)"
    r"|(?P<event>(?:at|during|in)\s+(?:the\s+)?(?:police\s+|house\s+|dawn\s+)?(?:raids?|searches)\b)"
)
_STILL = re.compile(r"\b(?:still|remain\w*|currently)\b", re.I)
# Any other phrase right after the noun whose object is plain lower-case words: "criminal
# cases against protesters", "complaints of abuse", "detentions for anti-war statements";
# not a name, a place or a date ("on Monday", "in Minsk", "since 2020").
_TAIL_PP = re.compile(r"\s+(?P<prep>of|against|at|during|over|for|on|from|among)\s+"
                      r"(?:the\s+|their\s+|its\s+|his\s+|her\s+|a\s+|an\s+)?"
                      # "cases of enforced or involuntary disappearance"
                      r"(?P<obj>[a-z][\w'’-]*\s+(?:or|and)\s+[a-z][\w'’-]*\s+[a-z][\w'’-]*"
                      r"|(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\b")
_OR_AND = frozenset({"or", "and"})
_PP_NOT_OBJECT = frozenset("""week weeks month months year years day days time times period morning
    evening afternoon night eve anniversary hour hours minute minutes moment start end beginning
    whole rest part total average basis least most course behalf off near outside inside along lack""".split())
# Plural nouns naming what happened, whose phrases vary as a verb's do ("detentions at protests").
_EVENT_PLURALS = frozenset("""detentions arrests deaths killings executions hangings fatalities casualties
    injuries releases pardons deportations""".split())
_NOT_HELD = frozenset("arrested detained questioned summoned searched charged fined detentions arrests".split())
_HARM = {"tortured": "torture", "ill-treated": "ill-treatment", "mistreated": "ill-treatment",
         "mistreatment": "ill-treatment", "beaten": "beatings"}
_TAIL_WORDS = frozenset("in behind overnight on during for who at over still".split())
_TO_DEATH = re.compile(r"\s+to\s+death\b")
_TAKE = frozenset("take takes took taking taken".split())
_INJURIES = re.compile(r"\s+(?:serious\s+|severe\s+|minor\s+|critical\s+)?(?:injuries|wounds)\b")
# What happened, named by a noun before "of" and the figure: "the deaths of at least 14 people".
_EVENT_NOUNS = {
    "death": "died", "deaths": "died", "killing": "killed", "killings": "killed", "murder": "killed",
    "murders": "killed", "arrest": "arrested", "arrests": "arrested", "detention": "detained",
    "detentions": "detained", "release": "released", "releases": "released", "execution": "executed",
    "executions": "executed", "abduction": "abducted", "abductions": "abducted",
    "disappearance": "disappeared", "disappearances": "disappeared", "deportation": "deported",
    "deportations": "deported", "expulsion": "expelled", "expulsions": "expelled",
    "imprisonment": "jailed", "jailing": "jailed", "evacuation": "evacuated", "displacement": "displaced",
}
_EVENT_OF = re.compile(r"\b(" + "|".join(_EVENT_NOUNS) + r")\s+of\s+(?:the\s+)?\Z", re.IGNORECASE)
# "… 80 of them to hospital", "153 of whom it took to hospital", "153 were taken to hospital"
_TO_HOSPITAL = re.compile(r"(?:\s+of\s+(?:them|whom))?(?:\s+(?:it|they|he|she|were|was|had|have|been|people|patients))*"
                          r"\s+(?:(?P<took>took|taken)\s+)?to\s+(?:a\s+|the\s+)?hospitals?\b")
_TOOK_BEFORE = re.compile(r"\b(?:took|take|takes|taken|taking|rushed|brought)\s+(?:(?:more|fewer)\s+than\s+|"
                          r"at\s+least\s+|about\s+|some\s+|nearly\s+|almost\s+|over\s+)?\Z")
_INTO_CUSTODY = re.compile(r"\s+into\s+(?:police\s+|state\s+)?custody\b")
_CHARGES_FACED = re.compile(r"\s+(?:criminal\s+)?(?:charges|prosecution|trial)\b")
# "… people, who have since died": what happened to them, said in a relative clause.
_WHO_LINK = re.compile(r",?\s+(?:who|that)" + _PARTICIPLE_LINK.pattern)
# An aside between a counted noun and what happened to it: ", among them two former ministers,".
_ASIDE = re.compile(r",\s+(?:among\s+them|including|most\s+of\s+them|many\s+of\s+them|some\s+of\s+them|"
                    r"all\s+of\s+them|mostly|mainly|[\w-]+\s+of\s+them)\b[^,;:.()\n]{1,60},")
# Nouns that count people of a group named after them, before what happened to them.
_MEMBERS = frozenset("members supporters relatives families employees staff followers officers workers".split())
_OF_WHOM = re.compile(r"\s+of\s+(?:the\s+)?((?:[\w'’-]+\s+){0,2}[\w'’-]+)(?=\s+(?:have|has|had|were|was|are|is)\b)")


def _tail(block, pos, hi, participle=None, noun=None):
    """The words after a counted noun (and what happened to it) that say which of
    them are counted, up to ``hi``: ``(["still", "in", "custody"], end)``, else ``([], pos)``.
    Political grounds single out who is held ("held on political grounds"), not who
    was arrested ("detained for political reasons" counts every detention)."""
    words = []
    for _ in range(2):
        lead = _TAIL_LEAD.match(block, pos, hi)
        part = _TAIL_PART.match(block, lead.end(), hi) if lead else None
        if not part or part.group("grounds") and (participle or noun) in _NOT_HELD:
            break
        if part.group("report"):  # "… who reported torture in custody": the torture was in custody
            harm = part.group("harm").lower()
            return words + ["who", "reported", _HARM.get(harm, harm)], part.end()
        if part.group("custody") and _STILL.search(lead.group()):
            words.append("still")
        words += part.group().lower().split()
        pos = part.end()
    # a phrase on the noun itself ("complaints of abuse"), not on what happened to it
    # ("registered for protection", "detained at the rally"): those vary from report to report
    pp = _TAIL_PP.match(block, pos, hi) if participle is None and noun not in _EVENT_PLURALS and not words else None
    if pp and not _TAIL_PART.match(block, pp.start("prep")):
        obj = []
        found = pp.group("obj").split()
        for i, word in enumerate(found):
            if word in _OR_AND and obj and i + 1 < len(found) and found[i + 1] not in _SUBJECT_STOP:
                obj.append(word)  # "enforced or involuntary": one object
                continue
            if word in _SUBJECT_STOP or word in _PP_NOT_OBJECT or word.endswith("ing"):
                break
            obj.append(word)
        while obj and obj[-1] in _OR_AND:
            obj.pop()
        if obj:
            words += [pp.group("prep")] + obj
            pos = pp.start("obj") + len(" ".join(obj))
    return words, pos


def _subject(block, start, end, claim, language, carried, sentence_start=0, previous_subject=None):
    """(subject, head noun to carry to the next claim in a list) for English; a
    couple of following words for other languages."""
    if language not in (None, "en"):
        return (None if claim.unit else _subject_other(block, end)), None
    if (claim.unit in ("years", "months") and _TERM_AFTER.match(block, end)
            and _SPENT_BEFORE.search(block, max(sentence_start, start - 30), start)):
        return "held", None  # "freed after almost six years behind bars": time held, not a term
    if claim.unit in ("years", "months") and (_TERM_AFTER.match(block, end) or _sentenced_before(block, start)):
        if _OFFICE_TERM.search(block, max(sentence_start, start - 50), start) and not _PRISON_AFTER.match(block, end):
            return "mandate", None  # "president for a renewable term of five years": a term of office
        return "sentence", None  # "sentenced to 11 years", "a ten-year term", "eight years in prison"
    lead = block[max(sentence_start, start - 40):start]
    if not claim.unit and "hospital" in block[end:end + 60] and (
            to_hospital := _TO_HOSPITAL.match(block, end)) and (
            to_hospital.group("took") or _TOOK_BEFORE.search(block, max(sentence_start, start - 30), start)):
        return "people taken to hospital", None  # "took more than 80 of them to hospital": a part of the injured
    if not claim.unit and _may_contain(lead, ("for", "to ", "capacity")) and _BUILT_FOR.search(lead):
        return "capacity", None  # "a prison built for 40,000 inmates" counts places, not the inmates it holds
    if claim.unit in ("months", "days", "weeks") and (
            _PENDING_AFTER.match(block, end) or _REMANDED_BEFORE.search(block, max(sentence_start, start - 60), start)):
        return "remanded", None  # "remanded them in custody for four months": a court's order, not time held
    if claim.unit in _TIME_UNITS:
        lasting = _duration_subject(block, start, end, sentence_start, claim.unit)
        if lasting:
            return lasting, None  # "has ruled for 26 years" → in power
    pos = end
    of = (_OF_DETERMINER if claim.unit else _OF_DETERMINER_OR_PEOPLE).match(block, pos)
    of_group = None
    if of:
        pos = of.end()
        total = _TOTAL_AFTER_OF.match(block, pos) if block[pos:pos + 1].isdigit() and "of" in of.group().lower() else None
        if total:  # "19 of the 23 defendants were convicted": of the defendants
            pos = total.end()
        if of.group().rstrip().lower().endswith(("them", "whom", "those")) and previous_subject:
            of_group = {"previous": previous_subject}
    words, spans = [], []
    while len(words) < 4:
        m = _SUBJECT_WORD.match(block, pos)
        if not m or "\n" in block[pos:m.start(1)]:
            break
        word = m.group(1).lower().rstrip("'’")
        if word in _FILLERS and not words or (
                not words and claim.unit in _CURRENCIES and m.group(1)[:1].isupper()):  # "$2bn Chinese loan"
            pos = m.end()
            continue
        if word in _SUBJECT_STOP:
            break
        words.append(word)
        spans.append(m.end())
        pos = m.end()
    if of and words and words[0] in _PLACE_NOUNS and of.group().lstrip().lower().startswith("in"):
        words, spans = [], []  # "15% in the capital": where, not what is counted
    if not words and not of and not claim.unit and (who := _WHO_AFTER.match(block, end)):
        state = who.group(1).lower()
        if _is_participle(state) or state in _EVENT_PARTICIPLES or state in ("missing", "dead"):
            return f"people {state}", None  # "a list of more than 400 who are missing": people missing
    if of and not claim.unit and of.group().rstrip().lower().endswith("those"):
        # "40 of those detained", "129 of those reported missing since 28 April": people the
        # participle names, not the group of the figure before
        reported = _REPORTED_STATE.match(block, of.end())
        if reported:
            return f"people reported {reported.group(1).lower()}", None
        death = _TO_DEATH.match(block, spans[0]) if words and words[0] == "put" else None
        if death:
            words, pos = ["put", "to", "death"], death.end()  # "31 of those put to death"
        if words and (_is_participle(words[0]) or words[0] in _EVENT_PARTICIPLES or death):
            then = _THOSE_WERE.match(block, pos)
            became = then.group(1) if then else ""
            if _is_plural(became) and not _is_participle(became) and became not in _SUBJECT_STOP:
                return " ".join([became] + words[:3 if death else 1]), None  # "… were women": a slice of them
            if _is_participle(became) or became in _EVENT_PARTICIPLES:
                return f"people {became}", None  # "40 of those detained were later released"
            verb = _word_before(block, max(0, start - 30), start, _VERB_BEFORE_SKIPS)
            if verb in _RELEASING or verb in _ACTION_BEFORE and verb != words[0]:
                return f"people {verb}", None  # "has freed about 7,000 of those arrested": their release
            return " ".join(["people"] + words), None
    if of and not of_group and words and not claim.unit and of.group().rstrip().lower().endswith("the"):
        slice_ = _OF_THE_ARE.match(block, pos)  # "19 of the dead were police officers" → police officers dead
        who = slice_.group(1).lower().split() if slice_ else []
        if who and _is_plural(who[-1]) and not _is_participle(who[0]) and not set(who) & _SUBJECT_STOP:
            who = _FORCES_NOUN if _other_force(block, slice_.end(), who[-1]) else who
            return " ".join(who + [w for w in words if w != "people"]), None  # "40 of the people held"
    if of_group and not words:
        slice_ = _OF_GROUP_ARE.match(block, pos)  # "300 of them are women" → women political prisoners
        if slice_ and _is_plural(slice_.group(1).lower()) and not _is_participle(slice_.group(1).lower()):
            return f"{slice_.group(1).lower()} {of_group['previous']}", None
    noun, participle = None, None
    share = bool(of) and claim.unit == "percent"  # "68% of registered voters", "20% of the world's potash"
    for i, word in enumerate(words):
        if i == 0 and _is_participle(word) and word not in _PLURAL_IRREGULAR - {"police", "people"}:
            if share and len(words) > 1 and _is_plural(words[1]):
                continue  # "registered voters": a participle naming who is counted
            if word in _ED_ADJECTIVES and any(_is_plural(w) for w in words[1:3]):
                continue  # "141 aggravated life sentences", "40 armed men": an adjective
            participle = word
            break
        if _is_plural(word):
            if i + 1 < len(words) and _is_plural(words[i + 1]) and not _is_participle(words[i + 1]):
                i += 1  # "media workers", "police officers"
            noun = words[: i + 1][-3:]
            pos = spans[i]
            break
    if noun is None and participle is None and words and (claim.unit or claim.qualifier == "exact" or claim.value == 1):
        if not _is_participle(words[0]) and (claim.unit or claim.value == 1 or _is_ordinal_claim(claim)):
            noun = words[:1]
            pos = spans[0]
            if len(words) > 1 and words[0].endswith(_ADJECTIVE_ENDS) and words[1] not in _SUBJECT_STOP:
                noun, pos = words[:2], spans[1]  # "three days of national mourning"
            if share:  # what the share is of: "the world's potash" → world
                noun = [_POSSESSIVE.sub("", words[0])]
            elif claim.unit == "percent" and noun[0] in _CHANGES:
                change_in = _CHANGE_IN.match(block, pos)  # "a 40% rise in food prices"
                if change_in and not set(change_in.group(1).lower().split()) & (_SUBJECT_STOP | _PP_NOT_OBJECT):
                    noun = [noun[0], "in"] + change_in.group(1).lower().split()
                    pos = change_in.end()
                    return " ".join(noun), None
    if noun is not None:
        listed = _listed(block, start, pos, noun, sentence_start)
        if listed:
            return listed, None
        among = _AMONG.match(block, pos) if noun[-1] in _WHO_SLICES else None
        if among and among.group(1) not in noun:  # "180 women are among the political prisoners"
            return " ".join(noun + among.group(1).split()), None
        slice_ = _OF_GROUP_ARE.match(block, pos) if of and noun[-1] not in _WHO_SLICES else None
        if slice_ and slice_.group(1).lower() in _WHO_SLICES:
            held = slice_.group().split()[:-2] if noun == ["people"] else []  # "of the people held are"
            return " ".join([slice_.group(1).lower()] + [w for w in noun if w != "people"] + held), None
        status = _PEOPLE_ARE.match(block, pos) if noun == ["people"] else None
        if noun == ["people"] and not status and _NAMING_BEFORE.search(block, max(0, start - 40), start):
            status = _PEOPLE_AS.match(block, pos)  # "recognised 1,453 people as political prisoners"
        if status and _is_plural(status.group(1).split()[-1]) and status.group(1).split()[0] not in _SUBJECT_STOP:
            noun = status.group(1).split()  # "400 people are now political prisoners"
            if "newly" in status.group():  # "37 people were newly recognised as …": new entries
                noun = ["new"] + noun
            pos = status.end()
        near = block[pos:pos + 80]  # every match of the next two patterns ends inside it
        if "internally" in near and _INTERNALLY_DISPLACED.match(block, pos):  # "8 million people are internally displaced"
            return " ".join(noun + ["internally", "displaced"]), (" ".join(noun), True)
        homes = _FROM_HOMES.match(block, pos) if "home" in near else None
        if homes and (homes.group("drive") or _DRIVEN_BEFORE.search(block, max(0, start - 30), start)):
            noun, pos = [w for w in noun if w != "displaced"], homes.end()  # "driven from their homes": displaced
            return " ".join(noun + ["displaced"]), (" ".join(noun), True)
        link = _WHO_LINK.match(block, pos) or _PARTICIPLE_LINK.match(block, pos)
        aside = _ASIDE.match(block, pos) if not (link and link.group(1) in _EVENT_PARTICIPLES) else None
        if aside:  # "300 people, most of them students, were detained": what happened to all 300
            after_aside = _PARTICIPLE_LINK.match(block, aside.end())
            if after_aside and after_aside.group(1) in _EVENT_PARTICIPLES:
                pos, link = aside.end(), after_aside
        whose = (_OF_WHOM.match(block, pos) if noun[-1] in _MEMBERS
                 and not (link and link.group(1) in _EVENT_PARTICIPLES) else None)
        if whose:  # "1,300 members of the security forces were injured": members of the security forces
            after_whom = _PARTICIPLE_LINK.match(block, whose.end())
            if after_whom and after_whom.group(1) in _EVENT_PARTICIPLES:
                noun = noun + ["of"] + [w for w in whose.group(1).lower().split() if w not in _SUBJECT_STOP]
                pos, link = whose.end(), after_whom
        if not (link and link.group(1) in _EVENT_PARTICIPLES):
            pair = _AND_NOUN.match(block, pos)  # "6,300 civilians and activists had been killed"
            if pair and _is_plural(pair.group(1)) and not _is_participle(pair.group(1)):
                paired = _PARTICIPLE_LINK.match(block, pair.end())
                link = paired if paired and paired.group(1) in _EVENT_PARTICIPLES else link
                if _other_force(block, pos, noun[-1]):
                    noun = _FORCES_NOUN  # "10 police officers and soldiers died"
        if link and link.group(1) == "held" and _HELD_OBJECT.match(block, link.end()):
            link = None  # "955,000 refugees held temporary protection": had it, not detained
        if link and link.group(1) in _EVENT_PARTICIPLES and link.group(1) not in noun:
            participle = link.group(1)
            pos = link.end()
        elif link and link.group(1) == "put" and _TO_DEATH.match(block, link.end()):
            participle = "put to death"  # "901 people were put to death"
            pos = _TO_DEATH.match(block, link.end()).end()
        elif link and link.group(1) == "lost" and (lives := _THEIR_LIVES.match(block, link.end())):
            participle, pos = "died", lives.end()  # "96 people have lost their lives"
        elif link and link.group(1) in ("suffered", "sustained") and (hurt := _INJURIES.match(block, link.end())):
            participle, pos = "injured", hurt.end()  # "28 people have suffered injuries to the eye"
        elif link and link.group(1) == "taken" and (custody := _INTO_CUSTODY.match(block, link.end())):
            participle, pos = "taken into custody", custody.end()  # "1,900 people have been taken into custody"
        elif link and link.group(1) == "faced" and (charges := _CHARGES_FACED.match(block, link.end())):
            participle, pos = "faced" + charges.group(), charges.end()  # "850 people have faced criminal prosecution"
        elif _ON_BOARD.match(block, pos):
            return " ".join(noun + ["on", "board"]), None  # "between 400 and 750 people were on board"
        elif risk := _AT_RISK.match(block, pos):
            return " ".join(noun + risk.group(1).lower().split()), None  # "109 protesters are at risk of execution"
        elif _ON_HUNGER_STRIKE.match(block, pos):
            return " ".join(noun + ["on", "hunger", "strike"]), None  # "dozens of detainees went on hunger strike"
        if participle is None and not claim.unit:
            verb = _word_before(block, max(0, start - 30), start, _VERB_BEFORE_SKIPS)
            if verb in _ACTION_BEFORE:
                participle = verb  # "Police detained 27 people"
            elif verb and verb.endswith("ing") and verb != "holding" and _VERB_PARTICIPLES.get(verb) in _ACTION_BEFORE:
                participle = _VERB_PARTICIPLES[verb]  # "police reported detaining 3,275 people" (not "a hall holding 500")
            elif verb in _TAKE and (custody := _INTO_CUSTODY.match(block, pos)):
                participle, pos = "taken into custody", custody.end()  # "police took 5,000 people into custody"
            elif verb in ("of", "the") and (event := _EVENT_OF.search(block, max(0, start - 40), start)):
                participle = _EVENT_NOUNS[lexicon.fold(event.group(1))]  # "the deaths of 14 people" → people died
            elif verb == "against" and _LAW_USED_AGAINST.search(block, max(0, start - 120), start):
                participle = "prosecuted"  # "the law has been used against 253 people"
        elif participle in _HELD_BEFORE_RELEASE and not claim.unit:
            verb = _word_before(block, max(0, start - 30), start, _VERB_BEFORE_SKIPS)
            freed = _FREED_AFTER.match(block, pos)
            if verb in _RELEASING:
                participle = verb  # "released 225 people detained in the crackdown": their release
            elif freed:
                participle = freed.group(1).lower()  # "22,000 people held over the protests had been pardoned"
        if participle in _DEATHS and (more := _OR_MISSING.match(block, pos)):
            participle, pos = participle + " or missing", more.end()  # one IOM count
        elif participle == "sentenced" and (more := _TO_LIFE.match(block, pos)):
            participle, pos = "sentenced to life", more.end()  # a life term
        elif participle == "sentenced" and (more := _TO_DEATH.match(block, pos)):
            participle, pos = "sentenced to death", more.end()  # "sentenced 12 activists to death"
        if of_group and of_group.get("previous") and noun[-1] not in of_group["previous"]:
            noun = noun + of_group["previous"].split()  # "140 of them women" → women political prisoners
        tail = _tail(block, pos, min(len(block), pos + 160), participle, noun[-1])[0] if not claim.unit else []
        subject = " ".join(noun + ([participle] if participle else []) + tail)
        return subject, (" ".join(noun), bool(participle))
    after = None  # where the words after a participle read from a link begin
    if participle is None and not (claim.unit == "percent" or claim.unit in _CURRENCIES):
        link = _PARTICIPLE_LINK.match(block, pos if of_group else end)  # "five of whom have died"
        if link and (of_group or link.start(1) - end > 1) and (
                _is_participle(link.group(1)) or link.group(1) in _EVENT_PARTICIPLES):  # "have since left"
            participle, after = link.group(1), link.end()
            if participle == "put" and _TO_DEATH.match(block, link.end()):
                participle = "put to death"  # "31 of those put to death"
                after = _TO_DEATH.match(block, link.end()).end()
            elif participle == "taken" and (custody := _INTO_CUSTODY.match(block, link.end())):
                participle, after = "taken into custody", custody.end()  # "12,000 were taken into custody"
            elif participle == "sentenced" and (doom := _TO_DEATH.match(block, link.end())):
                participle, after = "sentenced to death", doom.end()  # "117 have been sentenced to death"
    if of_group and not words and not participle:
        verb = _word_before(block, max(0, start - 30), start, _VERB_BEFORE_SKIPS)
        act = verb if verb in _ACTION_BEFORE else None
        tail = _tail(block, pos, min(len(block), pos + 160))[0]  # "1,300 of them remain in custody"
        group = of_group["previous"].split()
        if act in _RELEASING and len(group) > 1 and group[-1] in _HELD_BEFORE_RELEASE:
            group.pop()  # "arrested 78,000 people and released about 7,000 of them": people released
        return " ".join(group + ([act] if act else []) + tail), None  # "held 26 of them"
    if participle:
        tail = _tail(block, after, min(len(block), after + 160), participle)[0] if after and not claim.unit else []
        if of_group:
            return " ".join([of_group["previous"], participle] + tail), None  # "five of whom have died"
        head = carried[0] if carried and carried[1] else "people"
        return " ".join([head, participle] + tail), (head, True)  # "1,000 were held at the weekend"
    if not claim.unit and not words:
        among = _AMONG_THE.match(block, end)  # "only 12 are among the survivors"
        if among and (_is_plural(among.group(1)) or among.group(1) in _PLURAL_IRREGULAR):
            return among.group(1), None
        if _IN_HOSPITAL.match(block, end):  # "almost 400 were in hospital"
            return "people in hospital", None
    before = _word_before(block, max(0, start - 30), start) if not claim.unit else None
    if before in _VERB_PARTICIPLES:
        return f"people {_VERB_PARTICIPLES[before]}", None
    if not claim.unit and start > sentence_start:
        named = _named_before(block, sentence_start, start)
        if named:
            return named, None
    if start > sentence_start:
        return _noun_before(block, sentence_start, start, claim), None
    return None, None


# A bare figure said to be among a group, or in hospital: "12 are among the survivors", "400 were in hospital".
_AMONG_THE = re.compile(r"\s+(?:are|were|is|was)\s+(?:also\s+|still\s+)?among\s+(?:the\s+)?([a-z][a-z-]+)\b(?!\s+of\b)")
_IN_HOSPITAL = re.compile(r"\s+(?:are|were|remain|remained|(?:are|were)\s+still)\s+(?:being\s+treated\s+)?"
                          r"in\s+(?:a\s+|the\s+)?hospitals?\b")


# What a duration measures, said the way a reader would: how long someone has held power
# ("has ruled Belarus for 26 years", "13 years at the helm", "his 26-year rule" → in power),
# a prison term given without the word ("received nine years", "handed eight years in a
# colony" → sentence), and the time since an event ("eleven months after the election",
# "nine months into the protests" → since the election, since the protests).
_TIME_UNITS = frozenset({"years", "months", "weeks", "days", "hours"})
_CURRENCIES = frozenset(_CODES.split("|"))
_HEDGE = r"(?:(?:more\s+than|almost|nearly|over|about|some|around|at\s+least|well\s+over|close\s+to|just\s+over)\s+)?"
_POWER_BEFORE = re.compile(
    r"(?:\b(?:ruled|governed|reigned|run|presided\s+over)(?:\s+(?:over\s+)?(?:the\s+country|(?-i:[A-Z])[\w'’-]*))?"
    r"|\bled\s+(?:the\s+country|(?-i:[A-Z])[\w'’-]*)"
    r"|\b(?:in|held)\s+(?:power|office)|\bat\s+the\s+helm(?:\s+of\s+(?-i:[A-Z])[\w'’-]*)?)\s+for\s+" + _HEDGE + r"\Z",
    re.I)
_POWER_AFTER = re.compile(r"(?:-\w+)?\s+(?:in\s+(?:power|office)|at\s+the\s+helm|as\s+(?:president|leader|head\s+of\s+state)"
                          r"|of\s+(?:(?:his|her|their)\s+|(?-i:[A-Z])[\w-]*['’]s\s+)?(?:rule|reign|presidency|power))\b"
                          r"|(?:-\w+)?\s+(?:rule|reign|presidency|tenure|ruler|strongman|dictator|autocrat)\b", re.I)
_SEIZED_POWER_AFTER = re.compile(r"\s+(?:after|since)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:first\s+)?"
                                 r"(?:seized|took|grabbed)\s+power\b", re.I)
_SERVING = frozenset("serving serves served handed".split())
_OF_TERM_AFTER = re.compile(r"\s+of\s+(?:his|her|their|the|a)\s+(?:[\w.-]+\s+){0,2}(?:term|sentence)s?\b")
_GIVEN_BEFORE = re.compile(r"\b(received|receives|receiving|got|gets|was\s+given|were\s+given|given|handed(?:\s+down)?|"
                           r"gave|gives|faces|facing|face|faced|risks|serving|serves|served)"
                           r"(?:\s+(?:him|her|them|(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?))?\s+"
                           r"(?:(?:more\s+than|almost|nearly|over|about|up\s+to|at\s+least)\s+)?\Z", re.I)
_PRISON_WORDS = re.compile(r"\b(?:sentenc\w*|court|judge|verdict|convicted|prison|jail\w*|colony|trial|prosecutors?)\b", re.I)
_SINCE_AFTER = re.compile(r"\s+(?:after|since|into)\s+(?:the\s+|his\s+|her\s+|their\s+)?"
                          r"((?:[a-z][\w-]*\s+){0,2}?(?:election|vote|ballot|protests?|war|invasion|crackdown|"
                          r"uprising|revolution|strike|siege|arrest|detention|coup|referendum|elections))\b")


# Shares and changes: "a 40% rise in food prices", "prices rose by 40%" → rise in prices.
_POSSESSIVE = re.compile(r"['’]s?$")
_CHANGES = frozenset("rise increase fall drop decline jump cut reduction growth surge hike".split())
_CHANGE_IN = re.compile(r"\s+in\s+(?:the\s+)?((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s?)\b(?<!\bthe)")
_RISE_BEFORE = re.compile(
    r"(?:\b([a-z-]+)\s+)?\b([a-z-]+)\s+(?:have\s+|has\s+|had\s+)?"
    r"(?P<verb>rose|risen|increased|jumped|grew|grown|climbed|surged|fell|fallen|dropped|declined|slumped|plunged|"
    r"(?:were|was|are|is)\s+(?:up|down))\s+(?:by\s+)?\Z")
_FOR_CANDIDATE = re.compile(r"\s+for\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]+|him|her|incumbent|president|opposition|challenger|candidate)\b")
# "the 47.1% that Morales was credited with": a candidate's share, said after it
_CREDITED_AFTER = re.compile(r"\s+that\s+(?:(?-i:[A-Z])[\w'’-]+\s+){1,3}(?:was|had\s+been|is|has\s+been)\s+credited\s+with\b")
_FALLS = frozenset("fell fallen dropped declined slumped plunged".split()) | {
    f"{be} down" for be in ("were", "was", "are", "is")}


def _duration_subject(block, start, end, sentence_start, claim_unit):
    "What a duration measures when the words around it say it without a noun after it, else None."
    lead = block[max(sentence_start, start - 60):start]
    if _may_contain(lead, ("for",)) and _POWER_BEFORE.search(lead) or _POWER_AFTER.match(block, end):
        return "in power"  # (every _POWER_BEFORE match ends in "for" and a hedge)
    if _SEIZED_POWER_AFTER.match(block, end):
        return "in power"  # "almost two years after the army first seized power": the time it has held it
    given = _GIVEN_BEFORE.search(lead) if claim_unit in ("years", "months") else None
    if given:
        stop = block.find(". ", end)  # a court's word in this sentence or the one before
        if given.group(1).lower() == "served" and _OF_TERM_AFTER.match(block, end):
            return "time served"  # "had served more than two years of his 8.5-year term"
        if given.group(1).lower() in _SERVING or _PRISON_WORDS.search(
                block, max(0, sentence_start - 300), len(block) if stop < 0 else stop):
            return "sentence"
    since = _SINCE_AFTER.match(block, end)
    if since:
        return "since the " + _SPACES.sub(" ", since.group(1).lower())
    return None


# A figure with nothing counted after it, whose noun comes just before: "a crowd of
# 10,000", "a loan of $1.5 billion", "turnout was 84%", "arrests topped 1,000", "has
# ruled for 26 years", "in pre-trial detention for almost eleven months".
_OF_BEFORE = re.compile(r"(?:\b([a-z-]+)\s+)?\b([a-z-]+)\s+of\s+\Z")
_LINK_BEFORE = re.compile(
    r"(?:\b([a-z-]+)\s+)?\b(?!(?:has|have|had)\s)([a-z-]+)"
    # "the toll from the crackdown has risen to": a count's own phrase; "arrests under the state
    # of exception have passed": the law they come under (not "deaths in custody")
    r"(?:(?:(?<=toll|ally|ount|otal)\s+(?:from|in|during|over|since|(?:linked|related|connected)\s+to)"
    r"|(?<=ests|aths|ions)\s+under)\s+[^,;\d]{1,40}?)?"
    r"(?:,\s+(?:published|released|given|announced|issued|compiled|updated|revised)\s[^,;]{1,30},"
    r"|,\s+once\s[^,;]{1,60},)?"  # "the true toll, once killings by gunmen are added, is more than 12,000"
    r"\s+(?:has\s+|have\s+|had\s+)?(?:now\s+|already\s+)?"
    r"(?:(?:was|were|is|are)(?:\s+(?:still|again|now|only|just))?|stood\s+at|stands\s+at|"
    r"(?:remained|remains|stayed|stays)(?:\s+at)?|reached|reaches|rose\s+to|rises\s+to|risen\s+to|"
    r"climbed\s+to|grew\s+to|fell\s+to|fallen\s+to|dropped\s+to|eased\s+to|slowed\s+to|declined\s+to|"
    r"hit|topped|exceeded|surpassed|passed|numbered|number|"
    r"totalled|totaled|came\s+to|amounted\s+to)\s+(?:(?:closer|close|nearer)\s+to\s+)?\Z")
_JOINING = frozenset({"but", "and", "yet"})
# A sentence opening with its subject and a verb: "Inflation has eased…", "The jobless rate fell…".
_HEAD_SUBJECT = re.compile(r"(?i:the\s+)?(?:([a-z-]+)\s+)??\b([A-Za-z][a-z-]+)\s+"
                           r"(?:has|have|had|was|were|is|are|fell|rose|grew|[a-z]+ed)\b")
_FOR_BEFORE = re.compile(r"(?:\b([a-z-]+)\s+)?\b([a-z-]+)\s+for\s+\Z")
_VOTE_BEFORE = re.compile(r"\b(?:credited\s+(?:[A-Z][\w-]*\s+){0,3}with|won|wins|winning|received|secured|polled|took|takes|"
                          r"(?-i:[A-Z])[\w-]+\s+(?:had|got)|"  # "the party Birimdik had 24.5%" (a name before)
                          r"(?:gave|giving|gives)\s+(?:[A-Z][\w-]*|him|her)|with"
                          # "cut Chapo's share of the vote to 65.17% and raised Mondlane's to 24.19%"
                          r"|share\s+of\s+the\s+vote\s+to|(?:cut|raised|lowered)\s+(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+to"
                          r")\s+\Z")  # "credited Biya with"
_AT_BEFORE = re.compile(r"\b(?:estimated|estimates|estimate|put|puts|putting|placed|places|set|sets|"
                        # "puts the dead at 6,252, and the number arrested at 307,000": the verb gapped
                        r"and(?=\s+the\s+(?:number|total|tally|count)\b))\s+"
                        r"(?:the\s+|its\s+|their\s+)?(?:(?:number|total|tally|count)\s+(?:of\s+(?:the\s+)?)?)?"
                        r"(?:\d{1,2}\s+[A-Z][a-z]+\s+)?(?:([a-z-]+)\s+)?([a-z-]+)"
                        # "put the number of dead at", "puts arrests since the January decree at",
                        # "put the 15 March rally in Belgrade at"
                        r"(?:\s+(?:since|in|on|during|over|across)\s+[^,;]{1,40}?)?\s+at\s+\Z")
_PLACE_NOUNS = frozenset("country city capital region nation province area town village island".split())
_VOTE_WORDS = re.compile(r"\b(?:vote|votes|voters|election|ballot|polls?|winner|won|results?|tally)\b", re.I)
_NOT_COUNTED = frozenset("one ones some most all none part lot lots number total kind type sort "
                         "out each any share half third quarter".split())
# The word each pattern's match ends with, before the space at the figure: these
# end-anchored searches try every start position, so the lead's last word is looked at first.
_LAST_WORDS = {
    _OF_BEFORE: {"of"}, _FOR_BEFORE: {"for"}, _AT_BEFORE: {"at"},
    _LINK_BEFORE: set("was were is are at reached reaches to hit topped exceeded surpassed passed "
                      "numbered number totalled totaled still again now only just remained remains "
                      "stayed stays".split()),
    _RISE_BEFORE: set("rose risen increased jumped grew grown climbed surged fell fallen dropped "
                      "declined slumped plunged up down by".split()),
}


def _last_word(lead):
    "The word before the space that ends ``lead``, or '' when it ends otherwise."
    if not lead[-1:].isspace():
        return ""
    words = lead.rsplit(None, 1)
    return words[-1] if words else ""


def _noun_before(block, sentence_start, start, claim):
    "What a figure counts when its noun comes just before it, or None."
    lo = max(sentence_start, start - 60)
    if lo > sentence_start and block[lo - 1].isalnum() and block[lo].isalnum():
        lo = block.find(" ", lo, start) + 1 or lo  # not half a word ("ue toll" of "the true toll")
    lead = block[lo:start]
    if lo == sentence_start and lead[:1].isupper() and lead[1:2].islower():
        lead = lead[0].lower() + lead[1:]  # "Turnout was 84%"
    if claim.unit == "percent":
        vote = (_VOTE_BEFORE.search(lead) or _FOR_CANDIDATE.match(block, start + len(claim.quote))
                or _CREDITED_AFTER.match(block, start + len(claim.quote)))
        if vote and (vote.group().lstrip().startswith(("credited", "won", "that"))
                     or _VOTE_WORDS.search(block, sentence_start, start + 200)):
            return "share of the vote"  # "credited with 10.1%", "at least 60% for Tsikhanouskaya"
    last = _last_word(lead)
    if claim.unit == "percent":
        change = _RISE_BEFORE.search(lead) if last in _LAST_WORDS[_RISE_BEFORE] else None
        if change:
            words = [w for w in (change.group(1), change.group(2)) if w and w not in _SUBJECT_STOP]
            if words and words[-1] not in _NOT_COUNTED:
                return ("fall in " if change.group("verb") in _FALLS else "rise in ") + " ".join(words)
            return None
    if claim.unit in ("years", "months", "weeks", "days", "hours"):
        patterns = (_FOR_BEFORE,)
    elif claim.unit == "percent" or claim.unit in _CURRENCIES:  # "a turnout of 68%", "a loan of $1.5 billion"
        patterns = (_OF_BEFORE, _AT_BEFORE, _LINK_BEFORE)
    else:  # "a fence of about 500 km" says what is measured, not what is counted
        patterns = (_AT_BEFORE, _LINK_BEFORE) if claim.unit else (_OF_BEFORE, _AT_BEFORE, _LINK_BEFORE)
    for pattern in patterns:
        m = pattern.search(lead) if last in _LAST_WORDS[pattern] else None
        if not m:
            continue
        if pattern is _LINK_BEFORE and m.group(2) in _JOINING and claim.unit:
            # "Inflation has eased from its peak but was still 50.6%": the sentence's subject
            head = _HEAD_SUBJECT.match(block, sentence_start, start)
            m = head if head and head.group(2).lower() not in _SUBJECT_STOP else m
        words = [w.lower() for w in (m.group(1), m.group(2)) if w]
        while words and (words[0] in _SUBJECT_STOP or words[0] in _FILLERS or words[0] == "s"):
            words = words[1:]  # ("s" is what a possessive leaves: "January's runoff")
        if not words or words[-1] in _SUBJECT_STOP or words[-1] in _NOT_COUNTED:
            return None
        if pattern is _FOR_BEFORE and words[-1] in _VERB_PARTICIPLES:
            words = words[-1:]  # "was held for", "has ruled for"
        if pattern is _FOR_BEFORE and words[-1] in _PLACE_NOUNS:
            return None  # "cut internet access across the country for five days": where, not what
        if pattern is _FOR_BEFORE and words in (["prison"], ["bars"]):
            return "held"  # "has been in prison for five years", "behind bars for three years": time held
        return " ".join(words)
    return None


_NAMED_HOW = r"(?:(?:newly|officially|formally|also|since)\s+)?"  # "were newly recognised as"
_PEOPLE_ARE = re.compile(
    rf"\s+(?:are|were|remain|remained|(?=(?:have|has|had)\s+been\s+{_NAMED_HOW}(?:recogni|regist|list)))"
    r"(?:\s*(?:have|has|had)\s+been)?\s+(?:now\s+|still\s+)?"
    rf"(?:{_NAMED_HOW}(?:held|recognised|recognized|registered|listed|jailed)"
    r"\s+as\s+)?((?:[a-z-]+\s+)?[a-z-]+s)\b"
)
_INTERNALLY_DISPLACED = re.compile(r"\s+(?:are|were|remain|remained|(?:have|has|had)\s+been)\s+(?:now\s+|still\s+)?"
                                   r"internally\s+displaced\b")
_ADJECTIVE_ENDS = ("al", "ic", "ive", "ary", "ous")
_THEIR_LIVES = re.compile(r"\s+(?:their|his|her)\s+lives?\b")
_AT_RISK = re.compile(r"\s+(?:are|were|remain|is|was)\s+(?:still\s+|now\s+)?(at\s+risk\s+of\s+(?:execution|being\s+executed)"
                      r"|facing\s+(?:execution|the\s+death\s+penalty))\b", re.IGNORECASE)
_ON_HUNGER_STRIKE = re.compile(r"(?:\s+(?:at|in)\s+[^,.;]{1,40}?)?\s+(?:are|were|is|was|remain|remained|went|go|"
                               r"(?:have|has|had)\s+(?:been|gone))\s+(?:still\s+|now\s+)?on\s+(?:a\s+)?hunger\s+strike\b",
                               re.IGNORECASE)
_ON_BOARD = re.compile(r"\s+(?:(?:were|was|are|is)\s+)?(?:on\s+board|aboard)\b")
_DEATHS = frozenset("died dead killed drowned perished".split())
_OR_MISSING = re.compile(r"\s+or\s+(?:went\s+|are\s+|were\s+|remain\s+)?missing\b")  # "died or went missing"
_TO_LIFE = re.compile(r"\s+to\s+life(?:\s+(?:in\s+prison|imprisonment))?\b")
_AND_NOUN = re.compile(r"\s+(?:and|or)\s+([a-z][a-z-]*)\b")
# Police and soldiers together are the security forces: "10 police officers and soldiers died",
# "19 of the dead were police officers or soldiers" count what "19 members of the security forces" do.
_AND_SOLDIERS = re.compile(r"\s+(?:and|or)\s+(?:soldiers|troops)\b")
_AND_POLICE = re.compile(r"\s+(?:and|or)\s+(?:police|policemen)(?:\s+officers)?\b")
_OTHER_FORCE = {"police": _AND_SOLDIERS, "officers": _AND_SOLDIERS, "policemen": _AND_SOLDIERS,
                "soldiers": _AND_POLICE, "troops": _AND_POLICE}  # a plural noun → the other arm after it
_FORCES_NOUN = ["security", "forces"]


def _other_force(block, pos, noun):
    "Is the plural ``noun`` (police, soldiers) followed by the other arm of the security forces?"
    other = _OTHER_FORCE.get(noun)
    return bool(other and other.match(block, pos))
# "3.5 million people had been driven from their homes", "has forced 2 million people from
# their homes": people displaced, whatever the verb.
_FROM_HOMES = re.compile(
    r"(?:\s+(?:have|has|had|were|was|are|is|been|being|already|now|also|since|reportedly))*\s+"
    r"(?:(?P<drive>driven|forced|chased|pushed|uprooted|evicted|displaced)\s+)?(?:out\s+)?(?:of|from)\s+"
    r"(?:their|his|her|the)\s+homes?\b")
_DRIVEN_BEFORE = re.compile(r"\b(?:driven|drove|drives|drive|forced|forces|force|pushed|chased|uprooted)\s+"
                            r"(?:(?:more\s+than|some|about|around|nearly|almost|over|at\s+least|an\s+estimated)\s+)?\Z")
# "has recognised 1,453 people (in total) as political prisoners": what they are counted as
_NAMING_BEFORE = re.compile(r"\b(?:recogni[sz](?:ed|es|e)|designat(?:ed|es)|lists|listed|counts|counted|"
                            r"registered|names|named|labell?ed|declared|classe[sd])"
                            r"\s+(?:[a-z]+\s+){0,4}\Z")
_PEOPLE_AS = re.compile(r"(?:\s+in\s+(?:all|total))?\s+as\s+((?:[a-z-]+\s+)?[a-z-]+s)\b")
# Words between a verb and its figure: "detained more than 27".
_VERB_BEFORE_SKIPS = frozenset("""more than about at least some nearly almost over around up to only
    another a further roughly approximately fewer less""".split())


def _word_before(text, lo, hi, skips=frozenset()):
    r"""The lower-case ASCII word that ends text[lo:hi] before its trailing whitespace,
    read past words of ``skips``, or None: what group 1 of a search for
    ([a-z]+)\s+(?:(?:skips)\s+)*$ in text[lo:hi] finds, read backwards from the end
    (the search tries every start). As the search's leftmost match does, it gives the
    lower-case end of a cut or capitalised word ("Police" → "olice")."""
    lead = text[lo:hi]
    if not lead[-1:].isspace():
        return None
    found = None
    for token in reversed(lead.split()):
        if token.isascii() and token.isalpha() and token.islower():  # all [a-z]
            found = token
            if token in skips:
                continue  # a match may start further back
            return found
        i = len(token)
        while i and "a" <= token[i - 1] <= "z":
            i -= 1
        return token[i:] or found  # a match starts at the word's [a-z] end, if it has one
    return found


# How a court or a pardon changes a prison term
_TERM_CHANGES = r"(?:reduced|cut|extended|increased|raised|lowered|commuted|shortened|lengthened|halved|doubled)"
_SENTENCE_TERM = re.compile(
    r"(?i:sentenced\s+(?:[\w'’-]+\s+){0,5}?to|jailed\s+for|imprisoned\s+for|(?:sentence|term)s?\s+of"
    # "her sentences now add up to", "his term was cut by six years to", "her sentences total"
    r"|(?:sentence|term)s?\s+(?:(?:now|have|has|had|was|were|been|since|later)\s+)*"
    r"(?:add(?:s|ed)?\s+up\s+to|total(?:s|led|ed)?|" + _TERM_CHANGES + r"\s+(?:by\s+[\w\s-]{1,20}?\s+)?to))\s+"
    r"(?:(?:more\s+than|at\s+least|up\s+to|almost|nearly|over)\s+)?$")
# Every _SENTENCE_TERM match holds one of these, in lower case: its end-anchored search,
# which tries every start position, runs only where one is.
_TERM_CUES = ("sentence", "jailed", "imprisoned", "term")


# A term's old or new length after whose it is: "raised the sentence of Mongkol Thirakot, an
# online activist, from 28 years | to 50 years"; "then halved the term to 43 years"
_TERM_CHANGED = re.compile(
    r"(?i:" + _TERM_CHANGES + r"\s+"
    r"(?:(?:the|his|her|their)\s+)?(?:prison\s+)?(?:sentence|term)s?\s+(?:of\s+[^.;:()]{1,60}?\s+)?"
    r"(?:from\s+(?:(?:[\w-]+\s+){1,3}?to\s+)?|to\s+))$")


def _sentenced_before(block, start):
    "Does a prison term end right before ``start``: 'sentenced to', 'a term of'?"
    lo = max(0, start - 60)
    if _may_contain(block[lo:start], _TERM_CUES) and _SENTENCE_TERM.search(block, lo, start):
        return True
    lo = max(0, start - 120)
    return (_may_contain(block[lo:start], ("from", " to ")) and _may_contain(block[lo:start], _TERM_CUES)
            and bool(_TERM_CHANGED.search(block, lo, start)))


# How long a court holds someone before trial: "remanded them in custody for four months",
# "ordered them held for four months pending trial".
_REMANDED_BEFORE = re.compile(r"(?:\bremand(?:ed|s)?\b[^.;:]{0,40}?|\bordered\s+(?:[\w'’-]+\s+){1,3}(?:held|detained|jailed)\s+)"
                              r"\bfor\s+" + _HEDGE + r"\Z", re.IGNORECASE)  # "ordered Castillo held for 18 months"
_PENDING_AFTER = re.compile(r"\s+(?:pending|awaiting)\s+(?:trial|investigation)\b", re.IGNORECASE)
# A place's size in people: "a new prison for 40,000 inmates", "built to hold 2,500", "cells meant for 20",
# "the prison's capacity of 6,000 inmates".
_BUILT_FOR = re.compile(r"(?:\b(?:built|designed|meant|intended)\s+(?:to\s+(?:hold|house|accommodate)|for)"
                        r"|\b(?:prison|jail|cells?)\s+for|\bcapacity\s+of)\s+" + _HEDGE + r"\Z", re.IGNORECASE)
# Time spent before a term's words is time held, not a sentence: "after almost six years behind bars"
_SPENT_BEFORE = re.compile(r"\b(?:after|spent|spending|ending)\s+" + _HEDGE + r"\Z", re.IGNORECASE)
# a term of office, not of prison: "president for a renewable term of", "elected to a second term of"
_OFFICE_TERM = re.compile(r"\b(?:president|presidential|renewable|elected|re-elected|office|mandate)\b"
                          r"(?:(?!sentenc|convict|jail|prison|court)[^.;])*\bterms?\s+of\s+\Z", re.IGNORECASE)
_PRISON_AFTER = re.compile(r"\s+(?:in\s+(?:prison|jail)|behind\s+bars)\b")
_TERM_AFTER = re.compile(r"\s*(?:-\w+\s+)?(?:(?:prison|jail|penal-colony|colony)\s+)?(?:sentence|term)s?\b"
                         r"|\s+(?:in\s+(?:prison|jail|a\s+penal\s+colony)|behind\s+bars)\b")
# A figure whose noun came before it: "the number of political prisoners … at 800",
# "the list of political prisoners …; the total is now 1,100", "the death toll … at 225".
_NAMED_BEFORE = re.compile(
    r"(?i:number|count|total|tally|list|ranks)\s+of\s+(?:the\s+)?(?P<noun>(?:[A-Za-z][a-z-]*\s+){0,2}?"
    r"(?:[A-Za-z][a-z-]*s|people|police|children|men|women|staff|personnel))(?![\w-])"
    r"|(?P<toll>(?:(?:confirmed|civilian|official)\s+){0,2}death\s+toll)"
)


# Every _NAMED_BEFORE match holds one of these, in lower case: the scan runs only where one is.
_NAMED_CUES = ("number", "count", "total", "tally", "list", "ranks", "death")


def _named_before(block, sentence_start, start):
    "The counted noun named earlier in the sentence, when the figure has none after it."
    if not _may_contain(block[sentence_start:start], _NAMED_CUES):
        return None
    last = None
    for last in _NAMED_BEFORE.finditer(block, sentence_start, start):
        pass
    if last is None:
        return None
    if last.group("toll"):
        return _SPACES.sub(" ", last.group("toll").lower())
    noun = _SPACES.sub(" ", last.group("noun").lower()).split()
    while noun and noun[0] in _SUBJECT_STOP:
        noun = noun[1:]
    if not noun or not _is_plural(noun[-1]):
        return None
    link = _PARTICIPLE_LINK.match(block, last.end())
    if link and link.group(1) in _EVENT_PARTICIPLES and link.end() <= start:
        noun.append(link.group(1))
    return " ".join(noun)


# Who a figure's noun may single out of a larger group named after it.
_WHO_SLICES = frozenset("women men children minors journalists lawyers students teachers doctors "
                        "foreigners activists reporters bloggers musicians artists".split())
_AMONG = re.compile(r"\s+(?:are|were|remain|are\s+now|were\s+still)\s+among\s+(?:the\s+|its\s+|their\s+)?"
                    r"(?:[A-Za-z]+['’]s\s+)?((?:[a-z-]+\s+)?[a-z-]+s)\b")
# Entries of a list: "added 42 people to its list of political prisoners", "40 names to its
# political prisoner list", "Memorial's list of political prisoners now has 400 names".
_LIST_AFTER = re.compile(
    r"[^.;:]{0,40}?\bto\s+(?:its|the|their|his|her)\s+(?:(?P<pre>(?:[a-z-]+\s+){0,2}?)list\b"
    r"(?:\s+of\s+(?P<post>(?:[a-z\"“”-]+\s+)?[a-z\"“”-]+s)\b)?)")
_LIST_ENTRIES = frozenset(("names", "people", "persons", "individuals"))
_NOT_A_LISTED = frozenset(("sanctions", "sanction", "black", "watch", "wanted", "waiting", "voters",
                           "candidate", "candidates", "party"))
_ADDED_BEFORE = re.compile(r"\b(?:added|adds|add|adding|included|includes|recognised|recognized)\s+"
                           r"(?:[\w,.-]+\s+){0,3}$", re.I)


def _listed(block, start, pos, noun, sentence_start):
    "What a list counts, when the figure counts its entries (names, people), or None."
    if noun[-1] not in _LIST_ENTRIES:
        return None
    m = _LIST_AFTER.match(block, pos)
    if m:
        whole = (m.group("post") or m.group("pre") or "").strip().strip("\"“”").split()
        if not whole or set(whole) & _NOT_A_LISTED or noun[-1] != "names" and whole[-1] not in ("prisoners", "prisoner", "agents", "extremists", "terrorists"):
            return None
        if not whole[-1].endswith("s"):
            whole[-1] += "s"  # "political prisoner list" → political prisoners
        added = _ADDED_BEFORE.search(block, max(sentence_start, start - 40), start)
        return " ".join(whole + (["added"] if added else []))
    if noun == ["names"]:
        return _named_before(block, sentence_start, start)
    return None


# A figure with no noun that goes on with the noun of the figure before it, in this
# sentence or the last: "…, but about 1,250 remain behind bars", "Some 1,350 remain in
# jail", "Memorial counts more than 700 in Russia", "the total is now more than 1,100".
_ELIDED_AFTER = re.compile(
    r"\s+(?:still\s+)?(?:remain|remains|remained|stay|stayed|are\s+still|were\s+still|are\s+now|"
    r"(?:are|were|is)\s+(?:still\s+)?(?:held|jailed|detained|imprisoned|in\s+(?:jail|prison|custody)|behind\s+bars))\b")
_TOTAL_BEFORE = re.compile(
    r"(?i:total|tally|count|list|number|figure)\w*\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:to|at|of|is|was|been|stands\s+at|stood\s+at|reached|reaches|past|grew\s+to|has\s+grown\s+to|now)\s+$"
    r"|(?:counts|counted|lists|listed|puts\s+the\s+(?:number|figure|total)\s+at)\s+$")
_CONTINUE_REACH = 400
_EVENT_TAIL = re.compile(r"^new\s+|\s+(?:added|registered|recognised|recognized|freed|released|pardoned)$")


def _continued_subject(text, start, end, span, last):
    "The previous figure's noun for a figure that has none but goes on with it, or None."
    lead = text[max(span[0], start - 60):start]
    named = _THE_FIGURE.search(lead)
    gave = not named and _GAVE_FIGURE.search(lead)  # "The police gave a lower figure, about 9,000"
    named = named or gave
    if not (_just_before(last[0], span, start) or named and _same_paragraph(text, last[0], start)):
        return None
    if _ELIDED_AFTER.match(text, end) or _ELLIPSIS.match(text, end) and (gave or _TOTAL_BEFORE.search(lead)):
        if named:  # "A year earlier the figure had been about 300": the same count, then
            return _without_tail(last[1])
        bare = _bare_noun(last[1])
        if bare == "people" and _COUNTS_BEFORE.search(lead):
            # "150 people had been charged … The group counts nearly 170.": another counter's
            # count of the same people (what happened to them is all that says who they are)
            return _without_tail(last[1])
        return bare
    return None


# A count verb right before a figure with no noun: "Thai Lawyers for Human Rights counts nearly 170."
_COUNTS_BEFORE = re.compile(r"\b(?:counts|counted|records|recorded|lists|listed|tallies|tallied)\s+"
                            r"(?:(?:some|about|around|nearly|almost|at\s+least|more\s+than|over|just\s+over)\s+)?\Z")
# "the figure had been", "The group's count at the time was": a count named again.
_THE_FIGURE = re.compile(r"\b(?:(?i:the|that|this|its|their)|[Tt]he\s+[a-z]+['’]s)\s+(?:(?:own|latest|last)\s+)?"
                         r"(?:figure|number|total|tally|count)\s+(?:at\s+the\s+time\s+)?"
                         r"(?:(?:had|has|have|was|is|were|been|then|now|already|previously|stood|stands)\s+)*(?:at\s+)?\Z")


# Another count of the same thing, given as an aside: "The police gave a lower figure on the same day, about 9,000".
_GAVE_FIGURE = re.compile(r"\b(?:gave|gives|give|cited|cites|reported|offered|had)\s+(?:a|an|its\s+own)\s+(?:much\s+)?"
                          r"(?:lower|higher|smaller|larger|bigger|different|new|revised)\s+"
                          r"(?:figure|count|number|total|tally|estimate)\b[^.;:\d]{0,40},\s+(?:of\s+)?"
                          r"(?:(?:some|about|around|nearly|almost|at\s+least|more\s+than|over|just\s+over)\s+)?\Z")


_COUNT_WORDS = frozenset(("figure", "figures", "number", "count", "total", "tally"))
# "its detention count", "the official death toll": a count a sentence names by what it counts
_NAMED_COUNT = re.compile(r"\b([a-z][a-z-]+)\s+(?:count|toll|tally|total)\b")
_NOT_COUNT_NAMES = frozenset("the its their this that a an own official latest last new overall grand running "
                         "final whole same".split())


def _count_named_before(text, start, span):
    """For "the figure had been more than 500,000" with no figure before it to go on
    with, the count its sentence named earlier ("The ministry no longer updates its
    detention count every month; in July 2019 the figure had been …"), or None."""
    if not _THE_FIGURE.search(text, max(span[0], start - 60), start):
        return None
    named = [m for m in _NAMED_COUNT.finditer(text, span[0], start) if m.group(1) not in _NOT_COUNT_NAMES]
    return named[-1].group().lower() if named else None


def _same_paragraph(text, last_span, start):
    """Is the previous figure's sentence in this paragraph, within reach? A count named
    again may come a short sentence later: "…had recorded 300 deaths. That was wrong.
    The group's count at the time was 278"."""
    return 0 <= start - last_span[1] <= _CONTINUE_REACH and "\n" not in text[last_span[1]:start]


def _just_before(last_span, span, start):
    "Is the previous figure's sentence this one, or the one just before within reach?"
    return last_span == span or (last_span[1] >= span[0] - 2 and start - last_span[1] <= _CONTINUE_REACH)


def _without_tail(subject):
    "A subject up to the words that say where or when: 'people detained at rallies' → people detained."
    words = subject.split()
    return " ".join(words[:next((i for i, w in enumerate(words) if i and w in _TAIL_WORDS), len(words))])


def _bare_noun(subject):
    "A subject without the words that single out part of what it counts."
    words = _EVENT_TAIL.sub("", _without_tail(subject)).split()  # not "… still in custody"
    while len(words) > 1 and words[-1] in _EVENT_PARTICIPLES:
        words.pop()
    return " ".join(words)


def _owner_before(text, start, end, span, last):
    "For '300 of them' opening a sentence: the bare noun of the figure in the sentence before."
    if last[1] is None or last[0] == span or not _just_before(last[0], span, start):
        return None
    of = _OF_DETERMINER.match(text, end)
    if not of or not of.group().rstrip().lower().endswith(("them", "whom", "those")):
        return None
    return _bare_noun(last[1]) or None


def _is_ordinal_claim(claim):
    return bool(_ORDINAL_END.search(claim.quote))


_OTHER_STOP = set("""и в во на что по как из за от это для с со к о об а но или не же ли
    уже ещё еще было были был была будет будут которые который человека
    i w we na że z ze do od to dla o a ale lub nie jak po przez już było były był
    und in im der die das den dem des von zu mit auf für ist sind wurden wurde
    et en de des du la le les à au aux pour par sur dans est sont ont été""".split())
_OTHER_WORD = re.compile(r"\s+(?:из\s+|of\s+|z\s+|von\s+|de\s+)?([^\W\d_][\w'’-]*)")


def _subject_other(block, end):
    words, pos = [], end
    while len(words) < 2:
        m = _OTHER_WORD.match(block, pos)
        if not m:
            break
        word = m.group(1).lower()
        if word in _OTHER_STOP:
            break
        words.append(word)
        pos = m.end()
    return " ".join(words) or None


# --- attribution: who the figure is credited to ---------------------------

_NAME = r"(?:[A-Z][\w’'.&-]*|«[^»]{1,60}»|“[^”]{1,60}”|„[^“”]{1,60}[“”]|\"[^\"]{1,60}\")(?:\s+(?:of\s+|for\s+|and\s+|on\s+|de\s+|to\s+)?(?:[A-Z][\w’'.&-]*|«[^»]{1,60}»))*"
_NAME_RU = r"(?:[A-ZА-ЯЁЎІ][\w’'.&-]*|«[^»]{1,60}»|„[^“”]{1,60}[“”]|\"[^\"]{1,60}\")(?:\s+(?:[A-ZА-ЯЁЎІ][\w’'.&-]*|«[^»]{1,60}»))*"
_SOURCE_WORDS = (r"police|officials|the\s+authorities|authorities|prosecutors|organi[sz]ers|"
                 r"activists|witnesses|rights\s+groups|human\s+rights\s+groups|state\s+media|"
                 r"the\s+ministry|the\s+interior\s+ministry|doctors|medics|investigators|"
                 r"researchers|monitors|observers|border\s+guards?|diplomats|analysts|lawyers|"
                 r"campaigners|economists|residents|relatives|opposition")
_DATA_WORDS = (r"figures|data|estimates?|statistics|a\s+count|a\s+tally|tallies|counts|"
               r"a\s+report|reports|records|numbers|calculations|monitoring|information|sources")
_SOURCE_VERBS = (r"said|says|say|reported|reports|estimated|estimates|estimate|counted|counts|"
                 r"count|recorded|records|lists|listed|logged|recognised|recognized|recognises|recognizes|verified|"
                 r"documented|documents|told|stated|claimed|claims|announced|confirmed|noted|"
                 r"wrote|tallied|calculated|found|puts|put|warned|warns|added|adds")
# Lower-case words that describe a named source ("the human rights centre Viasna",
# "the rights group Memorial") and heads of unnamed ones ("the interior ministry",
# "Lithuanian officials", "UN monitors", "border guards").
_DESCRIPTOR = (r"(?:(?:human\s+|local\s+|independent\s+|exiled\s+|leading\s+|another\s+|"
               r"monitoring\s+|Belarusian\s+|Russian\s+)*"
               r"(?:rights|human\s+rights)\s+(?:group|centre|center|organi[sz]ation|watchdog|"
               r"defenders?|monitor)|(?:monitoring\s+)?group|watchdog|NGO|centre|center|"
               r"organi[sz]ation|charity|outlet|agency|association|pollster|airline)")
_SOURCE_HEAD_WORDS = tuple("""ministry minister commission committee guard guards officials
    authorities monitors observers researchers sociologists organisers organizers prosecutors
    police investigators defenders television media government court office service agency
    watchdog pollster airline mission groups junta army military union unions lawyers diplomats
    analysts economists campaigners activists bloggers journalists official agencies spokesman
    spokeswoman spokesperson ombudsman ombudsperson mayor governor coroner hospital hospitals
    rescuers paramedics sources family platform command prosecutor president council
    department directorate bureau association commissioner rapporteur chief judiciary presidency
    embassy""".split())
_SOURCE_HEAD = "|".join(_SOURCE_HEAD_WORDS)
# The same words as a trie, each letter a class of its cases: the end-anchored source
# searches try it after every lower-case word, where a case-insensitive alternation tries
# the words one by one. A word's end always follows, so at most one word can match and
# their order does not matter (tests/test_extraction_speed_gates.py checks both find the same).
_SOURCE_HEAD_TRIE = _cased_trie(_SOURCE_HEAD_WORDS)
_LINK_WORDS = ("after|before|and|or|but|the|a|an|of|in|that|when|while|as|than|with|for|to|from|"
               "by|on|at|which|who|said|says|had|has|have|was|were|is|are")
# Who owns an institution: "Poland's", "Belarus'", "the Public Defender's".
_OWNER = r"(?:(?<=[Tt]he\s)[A-Z][\w-]*\s+)?[A-Z][\w’'.&-]*?(?:['’]s|(?<=s)['’])\s+"
_LOWER_WORDS = rf"(?:(?!(?:{_LINK_WORDS})\s)[a-z][\w-]*(?:(?<=s)['’]|['’]s)?\s+|(?!(?:{_LINK_WORDS})\s)[a-z][\w-]*\s+){{0,3}}"
_SOURCE_PHRASE = (rf"(?:(?:{_OWNER})?(?:[A-Z][\w-]*\s+)?{_LOWER_WORDS}{_SOURCE_HEAD_TRIE}"
                  rf"(?:\s+in\s+[A-Z][\w-]+)?)(?![\w-])")
# An owned institution written in lower case, "Lithuania's border guard": tried before
# _NAME, which would take the owner alone ("Poland's Border Guard Service" stays a _NAME).
_OWNED_SOURCE = (rf"(?:{_OWNER}(?:[A-Z][\w-]*\s+)?{_LOWER_WORDS}(?:{_SOURCE_HEAD})"
                 rf"(?:\s+in\s+[A-Z][\w-]+)?)(?![\w-])")
# A source named by an acronym or adjective and a lower-case description: "the UN refugee
# agency", "Russian military bloggers" (_NAME alone would stop at "UN", "Russian").
_ACRONYM_SOURCE = rf"[A-Z][\w-]*\s+{_LOWER_WORDS}{_SOURCE_HEAD_TRIE}(?![\w-]|\s+(?:of|for)\s+[A-Z])"
# Sources named before the figure's words: "according to Viasna", "figures from
# Viasna", ", said Viasna", "по данным «Вясны»", "według Viasny".
_ACCORDING_TO = re.compile(
    rf"(?:(?i:according\s+to|citing|(?<=,\s)cited\s+by)|(?<![\w-])[Pp]er(?=\s+[A-Z«„“\"]))\s+(?:(?i:the\s+)?(?i:latest\s+|new\s+|official\s+)?"
    rf"(?i:{_DATA_WORDS})\s+(?i:from|by|of|compiled\s+by|published\s+by)\s+)?(?:(?i:the)\s+)?"
    rf"(?:(?i:an?\s+)?(?:annual\s+|latest\s+|new\s+)?(?i:census|count|tally|report|figures|data|survey|study|poll)\s+"
    rf"(?:of\s+[^;]{{1,60}}?\s+)?(?:of|by)\s+(?:the\s+)?)?"
    rf"(?:(?:independent\s+|exiled\s+|local\s+|leading\s+)?{_DESCRIPTOR}\s+(?=[A-Z«„“\"]))?"
    rf"(?P<name>{_OWNED_SOURCE}|{_ACRONYM_SOURCE}|{_NAME}|{_SOURCE_PHRASE}|{_SOURCE_WORDS})"
)
# _DATA_WORDS, "list" and "count" as a trie: one branch tried per letter, not eighteen.
# Each is followed by whitespace, so at most one of them can match at a place: the
# order in which they are tried does not change what is found.
_DATA_PHRASES = ("figures", "data", "estimate", "estimates", "statistics", "a count", "a tally",
                 "tallies", "counts", "a report", "reports", "records", "numbers", "calculations",
                 "monitoring", "information", "sources", "list", "count")
_FIGURES_FROM = re.compile(
    rf"(?i:{numbers.phrase_trie(_DATA_PHRASES)})\s+(?:of\s+[\w\s-]{{1,40}}?\s+)?(?i:from|by|compiled\s+by|published\s+by|released\s+by|kept\s+by|maintained\s+by|"
    rf"collected\s+by)\s+(?:the\s+)?(?:(?:independent\s+|exiled\s+|local\s+|leading\s+)?{_DESCRIPTOR}\s+(?=[A-Z«„“\"]))?"
    rf"(?P<name>{_OWNED_SOURCE}|{_NAME}|{_SOURCE_WORDS})"  # "data compiled by the rights group OVD-Info"
)
# The end of every _POSSESSIVE_SOURCE match: found by a scan for a rare character,
# it rules out most sentences before the costly search for names.
# "Viasna's latest count", "the CPJ's annual prison census", "OVD-Info's database"
_OWN_DATA = (rf"(?:latest\s+|new\s+|own\s+|official\s+|(?:annual|monthly|weekly|yearly|prison|"
             rf"detention|casualty|death|arrest)\s+){{0,2}}"
             rf"(?i:{_DATA_WORDS}|tally|count|estimate|list|census|database|survey|register|registry|tracker)(?!\w)")
_POSSESSIVE_TAIL = re.compile(rf"['’]s\s+{_OWN_DATA}")
_POSSESSIVE_SOURCE = re.compile(
    rf"(?<![\w’'.&-])(?P<name>{_OWNED_SOURCE}|{_NAME})['’]s\s+{_OWN_DATA}"
    rf"(?!\s+(?i:office|agency|service|bureau|committee)\b)"
)
_VERB_THEN_NAME = re.compile(
    rf"\s(?i:said|says|reported|wrote|told)\s+(?:the\s+)?(?P<name>{_OWNED_SOURCE}(?=\s*(?:[,.;:)]|$)|"
    rf"\s+(?:on|in|at|last|this|earlier|late|yesterday|today)\s)|{_NAME}(?![\w’'.&-]|\s+[a-z]))")
_OTHER_LANGUAGE_SOURCE = re.compile(
    r"(?i:по\s+данным|по\s+словам|по\s+информации|по\s+подсчётам|по\s+подсчетам|"
    r"как\s+сообщает|как\s+сообщил[аи]?|сообщает|сообщил[аи]?|паводле|па\s+даных|"
    r"według(?:\s+danych)?|jak\s+(?:podaje|podała|podał|informuje|poinformowała|wylicza)|"
    r"laut|nach\s+Angaben\s+(?:von|des|der)|selon|d'après)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?P<name>{_NAME_RU})"
)
_DATA_CUES = ("figures", "data", "estimate", "statistic", "count", "tally", "tallies", "report",
              "records", "numbers", "calculations", "monitoring", "information", "sources")
# Sources named before a verb: "Viasna said", "the Interior Ministry reported".
_SOURCE_VERB = re.compile(rf"\s(?:(?:has|have|had)\s+)?{_cased_trie(_SOURCE_VERBS.split('|'), True)}(?!\w)")
_NOT_NAMES = set("""he she they it we i you this that these those there the a an his her
    their its our in on at but and or so if when while mr mrs ms dr
    however meanwhile also yet then later since after before during""".split())


_WHOSE_COUNT = re.compile(rf"(?P<name>{_NAME}),\s+whose\s+(?:latest\s+|own\s+)?(?:count|tally|list|figures?)\b")
# What may stand between a source and its verb: "Viasna has now", "Poland's border guard
# says it recorded", "Prosecutors, by contrast, have", "Amnesty International, which counted"
# (not ", who": "Prigozhin, who claimed to lead 25,000 fighters" is no count of his).
_FILLER_WORDS = (
    r"has|have|had|now|also|then|later|still|already|again|itself|instead|"
    r"meanwhile|separately|on\s+[A-Z][a-z]+day|last\s+(?:week|month|year)|this\s+(?:week|month)|"
    r"by\s+contrast|in\s+a\s+statement|which\s+[^,;\d]{1,80}?,|who\s+[^,;\d]{1,80}?,|whose\s+[^,;\d]{1,80}?,|"
    r"\([A-Z][\w-]{1,15}\)|(?<=,\s)which|"
    r"(?<=,\s)in\s+(?:a|an|its|their|the)\s+[^,;\d]{1,60}?,"  # ", in a report published on Tuesday,"
)
_APPOSITION_WORDS = r"(?<=,\s)(?:an?|the)\s+[^,;\d]{1,80}?,"  # ", an independent analyst,"
_BEFORE_VERB_FILLER = re.compile(rf"(?:\s*,?\s+(?:{_FILLER_WORDS}|{_APPOSITION_WORDS})\s*,?)+$")
_BEFORE_VERB_FILLER_NO_APPOSITION = re.compile(rf"(?:\s*,?\s+(?:{_FILLER_WORDS})\s*,?)+$")
_APPOSITION_FILLER = re.compile(_APPOSITION_WORDS)
# A title written in lower case belongs to the name it comes before: "junta spokesman
# Zaw Min Tun", "the US envoy John Coale", "State-run pollster VTsIOM".
_TITLE = (r"(?:[A-Z][\w-]*\s+|[a-z][\w-]*\s+)?(?:spokesman|spokeswoman|spokesperson|envoy|pollster|"
          r"ombudsman|commissioner|prosecutor|adviser|advisor|ambassador)\s+(?=[A-Z])")
_SOURCE_NP = (rf"(?:(?i:the)\s+)?(?:{_DESCRIPTOR}\s+(?=[A-Z«„“\"]))?"
              rf"(?P<name>{_TITLE}{_NAME}|{_NAME}|(?:an?\s+)?{_SOURCE_PHRASE}|{_SOURCE_WORDS})$")
_SOURCE_NP_END = re.compile(rf"(?:^|(?<=[\s(,;:])){_SOURCE_NP}")
# The same search in two steps, at the start and then after a character it must follow:
# the second search looks for that character by its class instead of trying every
# position (tests/test_extraction_speed_guards.py checks both find the same name).
_SOURCE_NP_AT = re.compile(_SOURCE_NP)
_SOURCE_NP_AFTER = re.compile(rf"[\s(,;:]{_SOURCE_NP}")


# A _SOURCE_NP match holds none of , ; : ( but inside a quoted name, which opens with one of these.
_SOURCE_NP_BREAKS = (",", ";", ":", "(")
_OPENING_QUOTES = ("«", "“", "„", '"')


def _source_np_end(tail):
    """What _SOURCE_NP_END.search(tail) finds, as far as its groups go (its span may start a
    character early). Without quotes, a match after the start cannot reach back past the
    last , ; : or ( (its first character may be that one): the search starts there."""
    found = _SOURCE_NP_AT.match(tail)
    if found:
        return found
    start = 0
    if not any(map(tail.__contains__, _OPENING_QUOTES)):
        start = max(0, *map(tail.rfind, _SOURCE_NP_BREAKS))
    return _SOURCE_NP_AFTER.search(tail, start)


# A source referred back to: "he said", "the group says" → the previous sentence's source.
_ANAPHOR_END = re.compile(
    r"(?:^|(?<=[\s,;:]))(?:he|she|they|He|She|They|(?P<noun>(?i:the|this)\s+(?:(?:rights\s+|monitoring\s+)?"
    rf"(?:{'|'.join(lexicon.ANAPHOR_NOUNS)}))))$"
)


class _Previous(str):
    """A source referred back to, as written ("the group"; "" for "he", "they"): the
    previous sentence's source stands for it; with none there, the words themselves do."""


# How a text that these end-anchored patterns match ends (before trailing spaces, for the
# filler): they try every start position, so the end is looked at first.
_FILLER_ENDS = (",", ")", "has", "have", "had", "now", "also", "then", "later", "still", "already",
                "again", "itself", "instead", "meanwhile", "separately", "day", "week", "month",
                "year", "contrast", "statement", "which")
_ANAPHOR_ENDS = ("he", "they", "He", "They") + lexicon.ANAPHOR_NOUNS


# The last word a _SOURCE_NP_END match can end with, besides a capitalised word or a
# closing quote: a head of _SOURCE_PHRASE, or _SOURCE_WORDS' own (the last word of each
# of its phrases is a head too).
_SOURCE_END_WORD = re.compile(rf"(?i:{_SOURCE_HEAD}|{_SOURCE_WORDS})")
_TOKEN_BACKWARDS = re.compile(r"[^\s(,;:]*")


def _may_end_with_source(tail):
    """Can _SOURCE_NP_END match at the end of ``tail``? Its last word must be a
    capitalised word, a closing quote or a source noun: a cheap test that spares the
    costly end-anchored search."""
    if not tail or tail[-1] in "»”“\"":
        return bool(tail)
    last = tail[len(tail) - _TOKEN_BACKWARDS.match(tail[::-1]).end():]
    return bool(last) and ("A" <= last[0] <= "Z" or bool(_SOURCE_END_WORD.fullmatch(last))
                           or bool(_CASE_ODD.search(last)))


_APPOSITION = re.compile(r"(?:^|[a-z]),\s+(?:the\s+)?[A-Z][^,;]{0,80},$")


def _source_before(sentence, verb_start):
    """(position, name, may_be_common) of the source right before a reporting verb, or None.
    A source and its apposition both name it: "Sergei Shpilkin, an independent analyst,
    estimated" is Shpilkin's figure, "A monitoring group, the Archive of Public
    Gatherings, estimated" the Archive's, as the name of the two is the one to keep."""
    lo = max(0, verb_start - 120)
    tail = sentence[lo:verb_start]
    filler = _BEFORE_VERB_FILLER.search(tail) if tail.rstrip().endswith(_FILLER_ENDS) else None
    if filler:
        found = _source_in(tail[:filler.start()], lo)
        if found or not _APPOSITION_FILLER.search(tail, filler.start()):
            return found
        filler = _BEFORE_VERB_FILLER_NO_APPOSITION.search(tail)
        tail = tail[:filler.start()] if filler else tail
    return _source_in(tail, lo)


def _source_in(tail, lo):
    "The source that ends ``tail`` (text before a reporting verb, from ``lo``), or None."
    tail = tail.rstrip()
    if tail.endswith(",") and _APPOSITION.search(tail):  # "A monitoring group, the Archive of Public Gatherings, estimated"
        tail = tail[:-1]
    anaphor = _ANAPHOR_END.search(tail) if tail.endswith(_ANAPHOR_ENDS) else None
    if anaphor:
        return (lo + len(tail), _Previous(anaphor.group("noun") or ""), False)
    m = _source_np_end(tail) if _may_end_with_source(tail) else None
    if not m:
        return None
    name = m.group("name")
    if "by" in name:
        name = _STUDY_BY.sub("", name)
    return (lo + m.start("name"), name, True)


_STUDY_BY = re.compile(r"^(?i:a\s+)?(?:new\s+)?(?:study|survey|report|poll|analysis)\s+by\s+")


_POSSESSIVE_END = re.compile(r"(?:['’]s|['’])$")
_NOT_SOURCES = frozenset("""january february march april may june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday
    half dozens hundreds thousands millions most many some all both none several""".split())
_THE_START = re.compile(r"^(?:the|The)\s+")
_SOURCE_WORDS_RE = re.compile(_SOURCE_WORDS, re.I)


def _clean_name(name):
    name = name.strip().strip("«»“”„\"").strip().rstrip(".,;:")
    if name.lower() in _NOT_SOURCES:  # "a survey carried out in March found", "Half say"
        return None
    name = _POSSESSIVE_END.sub("", name)
    name = _THE_START.sub("", name)
    if not name or name.lower() in _NOT_NAMES or name.split()[0].lower() in {"he", "she", "they", "it", "we", "i", "this", "that", "in", "on", "but", "and", "however"}:
        return None
    return _SPACES.sub(" ", name)


# Letters outside ASCII that case-insensitive matching takes for ASCII ones (İ ı ſ K):
# where one occurs, a cheap lower-case substring test could miss a match.
_CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")
_CASE_ODD_CHARS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_contain(text, cues, lower=None):
    """Can a case-insensitive pattern needing one of the lower-case ASCII ``cues`` match
    ``text``? ``lower`` is text.lower(), when the caller has it at hand."""
    if not text.isascii() and any(map(text.__contains__, _CASE_ODD_CHARS)):
        return True
    return any(map((text.lower() if lower is None else lower).__contains__, cues))


# "added" reports a figure only after it: ", the group added." / "…, she added that".
_ADDED_REPORTS = re.compile(r"\s*(?:[.,;:)\"”]|$|\s+that\b|\s+on\s+[A-Z])")
# Every _SOURCE_VERBS alternative contains one of these.
_VERB_CUES = ("said", "say", "report", "estimat", "count", "record", "list", "logged", "recogni",
              "verified", "document", "told", "stated", "claim", "announced", "confirmed", "noted",
              "wrote", "tallied", "calculated", "found", "put", "warn", "add")


_ACCORDING_CUES = ("according", "citing", "cited", "per ")  # every _ACCORDING_TO match starts with one


def _according_to(sentence, lower):
    """The matches of _ACCORDING_TO.finditer(sentence), tried only where one of its first
    words is in ``lower`` (sentence.lower()): the search tries every position, as its
    case-insensitive first letters give the regex engine nothing to scan for."""
    if not sentence.isascii() and any(map(sentence.__contains__, _CASE_ODD_CHARS)):
        yield from _ACCORDING_TO.finditer(sentence)  # lower() may not line up with the sentence
        return
    starts = set()
    for cue in _ACCORDING_CUES:
        at = lower.find(cue)
        while at != -1:
            starts.add(at)
            at = lower.find(cue, at + 1)
    pos = 0
    for at in sorted(starts):
        m = _ACCORDING_TO.match(sentence, at) if at >= pos else None
        if m:
            yield m
            pos = m.end()  # matches do not overlap, as in finditer


def _attributions(sentence, language=None):
    "[(position, source)] for every source the sentence credits."
    lower = sentence.lower()
    found = []
    if "accord" in lower or "citing" in lower or "cited by" in lower or "per " in lower:
        found += [(m.start("name"), m.group("name"), True) for m in _according_to(sentence, lower)]
    if (" from " in lower or " by " in lower) and any(cue in lower for cue in _DATA_CUES + ("list",)):
        found += [(m.start("name"), m.group("name"), True) for m in _FIGURES_FROM.finditer(sentence)]
    if ("'s " in sentence or "’s " in sentence) and any(cue in lower for cue in _DATA_CUES + ("tally", "list")):
        if _POSSESSIVE_TAIL.search(sentence):
            found += [(m.start("name"), m.group("name"), False) for m in _POSSESSIVE_SOURCE.finditer(sentence)]
    if ", whose " in sentence:
        found += [(m.start("name"), m.group("name"), False) for m in _WHOSE_COUNT.finditer(sentence)]
    verbs = _SOURCE_VERB.finditer(sentence) if _may_contain(sentence, _VERB_CUES, lower) else ()
    for verb in verbs:
        if verb.group().endswith(("added", "adds")) and not _ADDED_REPORTS.match(sentence, verb.end()):
            continue  # "the ministry added six names", not "…, the group added."
        source = _source_before(sentence, verb.start())
        if source:
            found.append(source)
        m = _VERB_THEN_NAME.match(sentence, verb.start())
        if m:
            found.append((m.start("name"), m.group("name"), False))
    if language not in (None, "en"):
        found += [(m.start("name"), m.group("name"), False)
                  for m in _OTHER_LANGUAGE_SOURCE.finditer(sentence)]
    named = []
    for position, name, may_be_common in sorted(found):
        if may_be_common and _SOURCE_WORDS_RE.fullmatch(name):
            name = name.lower()
        name = name if isinstance(name, _Previous) else _clean_name(name)
        if name:
            named.append((position, name))
    return named


# --- as_of: the date a figure refers to -------------------------------------

# Words a date cue starts with: "as of", "by the end of", "по состоянию на", "Stand:".
_AS_OF_CUES = ("as of", "as at", "correct as of", "by", "on", "in", "until", "through", "to", "during",
               "at the start of", "по состоянию на", "на", "к", "na dzień", "według stanu na", "na",
               "Stand", "Stand:", "am", "au", "le")
_END_OF_CUES = ("к концу", "на конец", "do końca", "na koniec", "bis Ende", "Ende", "fin")
# The letters a date cue starts with, in every case (a class, not a case-insensitive one,
# which lowers each character it looks at: this runs at every position of a date's reach).
_AS_OF_FIRST = "".join(sorted({c for w in _AS_OF_CUES + _END_OF_CUES + ("to",)
                               for c in _case_class(w[0].lower()).strip("[]")}))
_AS_OF = re.compile(
    rf"""
      (?=[{_AS_OF_FIRST}])
    (?:
      {_cased_trie(("by the end of", "at the end of", "as of the end of", "to the end of"), True)}\s+(?:(?P<em>{MONTH})\s+)?(?P<ey>\d{{4}})
    | {_cased_trie(_END_OF_CUES, True)}\s+(?:(?P<em2>{MONTH})\s+)?(?P<ey2>\d{{4}})
    | (?P<cue>{_cased_trie(_AS_OF_CUES, True)})\s+
      (?:(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<m1>{MONTH}),?\s+(?P<y1>\d{{4}})
       | (?P<m2>{MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})
       | (?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})
       | (?P<m4>{MONTH})\.?,?\s+(?P<y4>\d{{4}})
       | (?:(?i:early|late|mid-?|the\s+whole\s+of|the\s+start\s+of|the\s+beginning\s+of)\s+)?(?P<y5>(?:19|20)\d{{2}})(?!\d|[,.]\d|\s*[-–]\d)(?!\s+(?i:election|presidential|vote))
      )
    )
    """,
    re.VERBOSE,
)


_YEAR = re.compile(rf"{_DIGIT_FIRST}\d{{3}}")
_WIDE_SPACE = re.compile(r"\s\s")


def _wide_space(text, lo, hi):
    """Is there whitespace twice in a row in text[lo:hi] (_WIDE_SPACE.search(text, lo, hi))?
    In printable text the only whitespace is " " (every other \\s character is unprintable):
    there a plain search for two spaces answers, without the regex trying each character."""
    part = text[lo:hi]
    if part.isprintable():
        return "  " in part
    return bool(_WIDE_SPACE.search(part))


# Every _AS_OF match starts with one of its cues and a space: where one does, _AS_OF is
# matched (see _as_of_matches).
_AS_OF_CUE_START = re.compile(_cased_starts(
    ("by the end of", "at the end of", "as of the end of", "to the end of") + _END_OF_CUES + _AS_OF_CUES,
    r"\s"))


def _as_of_matches(sentence, start, end, cues_end=None):
    """The matches of _AS_OF.finditer(sentence, start, end), found faster: the regex
    engine scans for the characters a cue starts with (a class it tests in C) and tries
    the cues only there (_AS_OF_CUE_START), and _AS_OF is matched only where one is,
    where finditer tried all of _AS_OF at every position. ``cues_end``: where the scan
    for cues may stop, when no match can start after it (see _dates)."""
    match, pos = _AS_OF.match, start
    for cue in _AS_OF_CUE_START.finditer(sentence, start, end if cues_end is None else cues_end):
        if cue.start() >= pos:
            m = match(sentence, cue.start(), end)
            if m is not None:
                pos = m.end()
                yield m


# Every _AS_OF match holds a four-digit year and, with single spaces, starts at most
# 42 characters before it (a 15-letter cue, "the", a day with its suffix, "of", a
# 12-letter month: "według stanu na the 30th of października, 2021"): the scan starts
# that far before the first year (tests/test_extraction_speed_gates.py checks it).
_AS_OF_REACH = 44
# And it ends at most 6 characters after its year ("2024-05-01"), looking at most a space
# and 12 letters further ("… 2021 presidential"): with single spaces there, the scan
# stops that far after the last four digits.
_AS_OF_AFTER = 20
_DIGIT_RUN_4 = re.compile(rf"{_DIGIT_FIRST}\d{{3,}}")


def _dates(sentence):
    "[(position, ISO date)] for every date a figure in the sentence may refer to."
    year = _YEAR.search(sentence)
    if not year:
        return []
    start = max(0, year.start() - _AS_OF_REACH)
    if start and _wide_space(sentence, 0, year.start()):
        start = 0
    last = None
    for last in _DIGIT_RUN_4.finditer(sentence, year.start()):
        pass
    end = last.end() + _AS_OF_AFTER
    if end >= len(sentence) or _wide_space(sentence, last.end(), end):
        end = len(sentence)
    found = []
    # a match's cue and a space come before its four-digit year, which ends by the end of
    # the last run of four or more digits: no cue starting from four characters before it
    # can begin one, and the scan for cues (the costly part) stops there
    for m in _as_of_matches(sentence, start, end, cues_end=max(start, last.end() - 4)):
        value = _date_of(m)
        if value:
            found.append((m.start(), value, m.end()))
    if ":" in sentence:
        label = _DATE_LABEL.match(sentence)  # "2021: about 6,000 detained", "- 1 July 2021: 529"
        if label:
            found.append((label.start("date"), _label_date(label), label.end()))
    if "·" in sentence or "|" in sentence:  # a table in one line: "2021 333 · 2022 582"
        found += [(m.start("y"), m.group("y"), m.end()) for m in _YEAR_CELL.finditer(sentence)]
    return found


_YEAR_CELL = re.compile(r"(?:^|[·|]\s*)(?P<y>(?:19|20)\d\d)[ \t]+(?=\d)")


# A date heading a line of a list or table: its figures are for that date.
_DATE_LABEL = re.compile(
    rf"[ \t]*(?:[-–•*·][ \t]*)?(?P<date>(?:(?P<d>\d{{1,2}})\s+)?(?:(?P<m>{MONTH})\s+)?(?P<y>(?:19|20)\d\d)):[ \t]")
# Between a date and a figure, what says the date belongs to another clause: a relative
# clause or aside ("…, which Iran ratified in 1994", "who died in July 2023"), a start
# ("since", "began", "introduced in"), another figure nearer the date ("up 17% from 834 in
# 2023"), or a clause of its own ("; …", " — ", "while …").
_OTHER_CLAUSE = re.compile(r";|\s[—–]\s|,\s+(?:which|who|whose|when|where|while|whereas|but|and|including|so)\b"
                           r"|\s(?:while|whereas|since|until)\s")
_OTHER_FIGURE = re.compile(r"\d[^;]*?\b(?:from|against|compared|than|up|down)\b|\b(?:from|against|compared|than|up|down)\b[^;]*?\d")
_OTHER_FIGURE_CUES = ("from", "against", "compared", "than", "up", "down")  # one is in every match
_START_BEFORE = re.compile(
    r"(?i:since|began|begun|started|introduced|created|founded|established|ratified|succeeded|"
    r"seized|inherited|until|till)\s+(?:[\w'’\"-]+\s+){0,6}$")
# Every _START_BEFORE match holds one of these, in lower case: its search, which tries
# every position, runs only where one is.
_START_CUES = ("since", "beg", "start", "introduc", "creat", "found", "establish", "ratif",
               "succeed", "seiz", "inherit", "til")
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who|whose|when|where)\s(?:[^,;]|,(?=\d))*$")
_NOW = re.compile(r"(?i:\bnow\b|\bcurrently\b|\btoday\b)")
# A figure the text compares with: "down from a peak of 1.6 million" is not dated by the
# sentence's "in January 2025"; "30% more than in 2023" is not a figure for 2023.
_EARLIER_FIGURE = re.compile(r"\b(?:(?:up|down|rising|falling|rose|fell|increas\w*|decreas\w*|dropp\w*)\s+from|against|"
                             r"compared\s+(?:with|to)|versus|vs\.?)\s")
_THAN_BEFORE = re.compile(r"\bthan\s+$")


def _starts_before(text, lo, hi):
    "Does text[lo:hi] end in what starts a period ('since …', 'introduced in …')?"
    return _may_contain(text[lo:hi], _START_CUES) and bool(_START_BEFORE.search(text, lo, hi))


def _label_date(m):
    year = int(m.group("y"))
    if not m.group("m"):
        return f"{year:04d}"
    month = _MONTH_NUMBER.get(m.group("m").lower().rstrip("."))
    if month is None:
        return f"{year:04d}"
    day = m.group("d")
    if day and 1 <= int(day) <= calendar.monthrange(year, month)[1]:
        return f"{year:04d}-{month:02d}-{int(day):02d}"
    return f"{year:04d}-{month:02d}"


def _as_of_for(sentence, dates, start, end):
    """The date the figure at sentence[start:end] refers to: the nearest date of its own
    clause that is not a start ("since …") nor another figure's, or None."""
    best = None
    for position, value, date_end in dates:
        if date_end <= start:  # the date comes first: "As of 1 May 2023, 1,453 …"
            between = sentence[date_end:start]
            if (_OTHER_CLAUSE.search(between) and not between.startswith(", when")
                    and not _LABEL_OR_LEAD.match(sentence, 0, position + 1)
                    or _starts_before(sentence, max(0, position - 60), position)
                    or _RELATIVE_OPEN.search(sentence, 0, position) and "," in between
                    or _NOW.search(between) or _EARLIER_FIGURE.search(between)):
                continue
            distance = start - date_end
        elif position >= end:  # the date comes after: "… 4,000 crossings in 2021"
            between = sentence[end:position]
            if (_OTHER_CLAUSE.search(between)
                    or any(map(between.__contains__, _OTHER_FIGURE_CUES)) and _OTHER_FIGURE.search(between)
                    or _starts_before(sentence, max(end, position - 60), position)
                    or _THAN_BEFORE.search(sentence, max(end, position - 8), position)):
                continue
            distance = position - end
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


_LABEL_OR_LEAD = re.compile(r"[ \t]*(?:[-–•*·][ \t]*)?(?:(?i:as\s+of|as\s+at|by|in|on|during|at)\s+)")


def _days_in(year, month):
    "calendar.monthrange(year, month)[1], without the weekday it also works out."
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)
    return calendar.mdays[month] + (month == 2 and calendar.isleap(year))


# Cues before a bare year that date a figure: "in 2021", "during 2021", "by 2022", "as of 2023".
_YEAR_CUES = frozenset(("as", "correct", "by", "in", "during", "until", "through", "at", "на", "к", "stand", "stand:"))


def _date_of(m):
    g = m.group  # by name, without building the dict of all ~20 groups
    try:
        end_year = g("ey") or g("ey2")
        if end_year:
            year = int(end_year)
            month_name = g("em") or g("em2")
            month = _MONTH_NUMBER[lexicon.fold(month_name)] if month_name else 12
            return f"{year:04d}-{month:02d}-{_days_in(year, month):02d}"
        for d, mo, y in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
            if g(y):
                day, month, year = int(g(d)), _MONTH_NUMBER[lexicon.fold(g(mo)).rstrip(".")], int(g(y))
                if 1 <= day <= _days_in(year, month):
                    return f"{year:04d}-{month:02d}-{day:02d}"
                return None
        if g("y3"):
            year, month, day = int(g("y3")), int(g("m3")), int(g("d3"))
            if 1 <= month <= 12 and 1 <= day <= _days_in(year, month):
                return f"{year:04d}-{month:02d}-{day:02d}"
            return None
        if g("y4"):
            return f"{int(g('y4')):04d}-{_MONTH_NUMBER[g('m4').lower().rstrip('.')]:02d}"
        if g("y5") and g("cue").lower().split()[0] in _YEAR_CUES:
            return g("y5")
    except (KeyError, ValueError):
        return None
    return None


# --- sentences --------------------------------------------------------------

# A sentence ends at . ! ? … (with closing quotes) before a capital or a digit,
# or at a line break. The leading character class lets the regex engine skip fast.
_SENTENCE_END = re.compile(
    r"[.!?…\n](?:(?<=\n)\s*|[.!?…]*[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?(?:[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁЎІЇЄҐ]|\d)))"
)
_ABBREVIATIONS = set("""mr mrs ms dr st prof gen col lt sgt rev jr sr no nos vs etc inc ltd co
    corp u.s u.k e.g i.e approx ca c jan feb mar apr jun jul aug sep sept oct nov dec art p pp
    vol fig ул г им т.е т.д ст ч tys mln ok np godz r ul nr min max mt ft sen rep gov""".split())


_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _sentence_ends(text, start=0, rare_ends="!?…"):
    """The matches of _SENTENCE_END.finditer(text, start), found faster: str.find looks
    for the characters a match starts with (full stops and line breaks apart, the rare
    three together), and the regex is matched only there; the regex engine's own scan
    tests every character against their class, which costs far more per character.
    ``rare_ends``: which of the rare three the text holds (a search for one it does not hold
    reads to the end of the text, each time the scan starts afresh)."""
    match, find, n = _SENTENCE_END.match, text.find, len(text)

    def rare_after(pos):
        found = [i for i in map(find, rare_ends, (pos,) * len(rare_ends)) if i >= 0]
        return min(found) if found else n

    dot, line, rare = find(".", start), find("\n", start), rare_after(start)
    dot, line = (n if dot < 0 else dot), (n if line < 0 else line)
    while True:
        at = min(dot, line, rare)
        if at >= n:
            return
        m = match(text, at)
        if m is not None:
            yield m
        pos = m.end() if m is not None else at + 1  # matches do not overlap, as in finditer
        if dot < pos:
            dot = find(".", pos)
            dot = n if dot < 0 else dot
        if line < pos:
            line = find("\n", pos)
            line = n if line < 0 else line
        if rare < pos:
            rare = rare_after(pos)


def _is_abbreviation(text, dot):
    "Is the '.' at ``dot`` the end of an abbreviation (Mr., U.S., A.) rather than a sentence?"
    if dot > _LONGEST_ABBREVIATION and text[dot - _LONGEST_ABBREVIATION - 1:dot].isalpha():
        return False  # a word longer than any abbreviation: the common case, decided at once
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot]
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


class _Sentences:
    "Sentence spans of a block, found incrementally as claims move forward."

    def __init__(self, text):
        self.text = text
        self.rare_ends = "".join(ch for ch in "!?…" if ch in text)  # the rare sentence ends it holds
        self.boundaries = _sentence_ends(text, 0, self.rare_ends)
        self.start = 0  # start of the sentence being read
        self.next_end = None  # (end, next start) of that sentence, once found
        self._advance()

    def _advance(self):
        text = self.text
        for m in self.boundaries:
            at = m.start()
            first = text[at]
            if first == "\n":
                self.next_end = (at, m.end())
                return
            # a long word before the dot: _is_abbreviation's quick "no", without the call
            if (first == "." and not (at > _LONGEST_ABBREVIATION
                                      and text[at - _LONGEST_ABBREVIATION - 1:at].isalpha())
                    and _is_abbreviation(text, at)):
                continue
            end = m.end()
            self.next_end = (end, end)
            return
        self.next_end = (len(self.text), len(self.text))

    def previous(self, start):
        "The text of the sentence before the one starting at ``start`` (same line), or ''."
        line_start = self.text.rfind("\n", 0, start) + 1
        head = self.text[max(line_start, start - 600):start].rstrip()
        if not head:
            return ""
        cut = 0
        for m in _SENTENCE_END.finditer(head, 0, max(0, len(head) - 1)):
            if not (m.group()[0] == "." and _is_abbreviation(head, m.start())):
                cut = m.end()
        return head[cut:].strip()

    def _skip_to(self, pos):
        """Start the scan afresh at the last sentence end before ``pos`` found backwards
        (a full stop or a line break), passing over the sentences no claim asked for,
        when that end is one the forward scan would find: a match of _SENTENCE_END that
        no match before it takes in (the character before it is no full stop, nor for a
        line break a space) and that ends a sentence. Other ends are left to the scan."""
        text, lo = self.text, self.next_end[1]  # the scan has matched up to lo
        for at in sorted((text.rfind(".", lo, pos), text.rfind("\n", lo, pos)), reverse=True):
            if at < lo:
                continue
            newline = text[at] == "\n"
            if at > lo and (text[at - 1].isspace() if newline else text[at - 1] in ".!?…"):
                continue
            m = _SENTENCE_END.match(text, at)
            if m is None or m.end() > pos or not newline and _is_abbreviation(text, at):
                continue
            self.start = m.end()
            self.boundaries = _sentence_ends(text, m.end(), self.rare_ends)
            self._advance()
            return

    def span(self, pos):
        "(start, end) of the sentence containing ``pos``; positions only move forward."
        if pos >= self.next_end[1] and self.next_end[1] < len(self.text):
            self._skip_to(pos)
        while pos >= self.next_end[1] and self.next_end[1] < len(self.text):
            self.start = self.next_end[1]
            self._advance()
        start, end, text = self.start, self.next_end[0], self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if not start <= pos < max(end, pos + 1):
            return pos, max(end, pos)
        return start, end


# --- the engine ---------------------------------------------------------------

_AGE_OR_AGO = re.compile(r"[-\s]years?[-\s]old")
_TIMES = re.compile(r"\s+times\s+(?:as|more|less|higher|lower|larger|smaller|the|over)\b")
_AGE_BEFORE = re.compile(r"[A-Z][\w'’-]+,\s*(?:then\s+|now\s+)?$|(?i:at\s+the\s+age\s+of|aged|age)\s+$"
                         r"|(?i:\b(?:youngest|oldest)\b[^.;:\d]{0,40}\s(?:is|was|being))\s+$"
                         r"|\b(?:author|writer|poet|journalist|activist|lawyer|teacher|student|pensioner|"
                         r"mother|father|son|daughter|wife|husband|man|woman|leader|director|editor|"
                         r"blogger|artist|musician|priest|doctor|worker|businessman|politician|"
                         r"dissident|critic|photographer|reporter|grandmother|grandfather),\s*$")
# How a text that _AGE_BEFORE matches ends, before trailing spaces and in lower case:
# its search tries every start position, so the end is looked at first.
_AGE_ENDS = (",", "then", "now", "of", "age", "aged", "is", "was", "being")
# "people who were under 18 at the time", "respondents over 55": an age bracket.
_BRACKET_BEFORE = re.compile(
    r"(?i:\b(?:people|persons|respondents|voters|those|anyone|children|boys|girls|men|women|adults|"
    r"citizens|users|who\s+(?:are|were|is|was)))\s+$")
_BRACKET_AFTER = re.compile(r"\s*(?:[,.;:)]|$|\s(?:at|as|said|were|was|are|is|who|and|or|to|in|on)\b)")
_AGE_AFTER = re.compile(r"\s*(?:,|\)|\.|;|$|\s+(?:who|was|is|has|had|and|were|died)\b)")
# Lines that are page furniture, not reporting: share bars, appeals, copyright.
_FURNITURE = re.compile(
    r"(?i)©|all rights reserved|cookie|make a (?:one-off )?donation|one-off donation|donate now|"
    r"subscri|newsletter|sign up|become a member|"
    r"support (?:helps|us|our|independent)|free articles?\b|unsubscribe|forward to a friend|fund our work|^\s*(?:give|donate|contribute|chip in)\b.*\d|"
    r"\bfrom (?:just|only) [£$€]|read us for free|help us|cancel anytime|min read|"
    r"mins\)|share on|\bcomments\b|^\s*(?:related|most viewed|most read|read more|tags|photo|"
    r"image \d|listen|advertisement|updated|published)\b|monthly donors|gifts? left|"
    r"reading time|\bpoints\b.*comments|\bdonate\b|\bread (?:also|next)\b|\balso read\b|\bsee also\b|"
    r"\bPDF\b|\d\s?[KMG]B\b|\bpart \d+ of \d+\b|\b\d+ of \d+ (?:seats|results|constituencies|images|photos)\b|"
    r"\b(?:charity|registration|company|tax|vat|inn|ein|reg\.)\s+(?:no\b|number|id\b)|\bdownload\b"
)
# _FURNITURE split into parts, each with the words it needs (in lower case): a word
# every match holds ("" when it needs none), then one of the others; the parts are
# written for lower-cased text. A line is lower-cased once, and only the parts whose
# words it holds are searched (None: the words are the whole part). Same verdicts as
# _FURNITURE.search (tests/test_extraction_speed_furniture.py checks it).
_FURNITURE_PARTS = tuple((needed, any_of, part and re.compile(part)) for needed, any_of, part in (
    ("©", (), None), ("all rights reserved", (), None), ("cookie", (), None),
    ("subscri", (), None), ("newsletter", (), None), ("sign up", (), None),
    ("become a member", (), None), ("fund our work", (), None), ("help us", (), None),
    ("cancel anytime", (), None), ("mins)", (), None), ("share on", (), None),
    ("monthly donors", (), None),
    ("donat", (), r"make a (?:one-off )?donation|one-off donation|donate now|\bdonate\b"),
    ("support ", (), r"support (?:helps|us|our|independent)"),
    ("free article", (), None), ("unsubscribe", (), None), ("forward to a friend", (), None),
    ("", (), r"^\s*(?:give|donate|contribute|chip in)\b.*\d"),  # "Give £10 a month"
    ("from ", ("from just", "from only"), r"\bfrom (?:just|only) [£$€]"),
    ("read", ("read us for free", "min read", "reading time", "read also", "read next", "also read",
              "most read", "read more"),
     r"read us for free|min read|reading time|\bread (?:also|next)\b|\balso read\b"
     r"|^\s*(?:most read|read more)\b"),
    ("", (), r"^\s*(?:related|most viewed|tags|photo|image \d|listen|advertisement|updated|"
             r"published)\b"),  # anchored: cheaper than looking for its words
    ("comments", (), r"\bcomments\b|\bpoints\b.*comments"),
    ("gift", (), r"gifts? left"),
    ("see also", (), r"\bsee also\b"),
    ("pdf", (), r"\bpdf\b"),
    ("part ", (), r"\bpart \d+ of \d+\b"),
    (" of ", ("seats", "results", "constituencies", "images", "photos"),
     r"\b\d+ of \d+ (?:seats|results|constituencies|images|photos)\b"),
    ("download", (), r"\bdownload\b"),
))
# "charity no", "company number": their first words hide in common ones ("inn", "tax",
# "motivated"), so a space after one and the second word are looked for before the full search.
_REGISTRATION_CUES = ("charity", "registration", "company", "tax", "vat", "inn", "ein", "reg.")
_REGISTRATION_NUMBER = re.compile(r"\s(?:no\b|number|id\b)")
_REGISTRATION = re.compile(r"\b(?:charity|registration|company|tax|vat|inn|ein|reg\.)\s+(?:no\b|number|id\b)")
_FILE_SIZE = re.compile(r"\d\s?[kmg]b\b")  # "2.4 MB", in lower case: the part with no word
_FILE_SIZE_CUES = ("kb", "mb", "gb")  # one is in every _FILE_SIZE match, after a digit or a space


def _cue_then_space(lower, cues):
    "Is one of ``cues`` in ``lower`` followed by whitespace (\\s), as every _REGISTRATION match has one?"
    for cue in cues:
        at = lower.find(cue)
        while at != -1:
            if lower[at + len(cue):at + len(cue) + 1].isspace():
                return True
            at = lower.find(cue, at + 1)
    return False


def _cue_after_digit_or_space(lower, cues):
    """Is one of ``cues`` in ``lower`` right after a digit or whitespace (\\d or \\s), as in
    every _FILE_SIZE match? Common words hold the cues too: "December", "number"."""
    for cue in cues:
        at = lower.find(cue, 1)
        while at != -1:
            if lower[at - 1].isdecimal() or lower[at - 1].isspace():
                return True
            at = lower.find(cue, at + 1)
    return False


def _is_furniture(line):
    "Does the line read as page furniture (share bar, appeal, copyright, 'Most read' list)?"
    if not line.isascii() and any(map(line.__contains__, _CASE_ODD_CHARS)):
        return bool(_FURNITURE.search(line) or _numbered_list(line))  # lower() would not do
    lower = line.lower()
    # each word is looked for once: most lines of prose hold a part's common word
    # (" of ", "from ") and a first pass over all the words would not spare the second
    for needed, any_of, part in _FURNITURE_PARTS:
        if (needed in lower and (not any_of or any(map(lower.__contains__, any_of)))
                and (part is None or part.search(lower))):
            return True
    if (_cue_then_space(lower, _REGISTRATION_CUES) and _REGISTRATION_NUMBER.search(lower)
            and _REGISTRATION.search(lower)):
        return True
    return (_cue_after_digit_or_space(lower, _FILE_SIZE_CUES) and bool(_FILE_SIZE.search(lower))
            or _numbered_list(line))


# The heading of a box of links to other pages; the short lines under it are their
# headlines ("Most read", "1. Kremlin critic jailed for 19 years").
_LINKS_HEADING = re.compile(
    r"[ \t]*(?:[-–•*·][ \t]*)?(?i:most\s+(?:read|viewed|popular|shared)|more\s+on\s+this\s+(?:story|topic)|"
    r"more\s+from\s+[\w ]{1,30}|related(?:\s+(?:coverage|stories|articles|content|reading|topics))?|"
    r"read\s+more|recommended(?:\s+for\s+you)?|what\s+to\s+read\s+next|you\s+may\s+also\s+like|"
    r"top\s+stories|trending(?:\s+now)?|latest(?:\s+news|\s+stories)?|in\s+other\s+news)[ \t]*:?[ \t]*$")
_HEADLINE_ITEMS = 8  # how many lines a box of links may hold


def _listed_under_heading(text, start, line):
    "Is this short line one of the headlines listed under a 'Most read' heading?"
    if not _headline_like(line):
        return False
    end = start - 1
    for _ in range(_HEADLINE_ITEMS):
        if end <= 0:
            return False
        begin = text.rfind("\n", 0, end) + 1
        above = text[begin:end]
        if _LINKS_HEADING.match(above):
            return True
        if not _headline_like(above):
            return False
        end = begin - 1
    return False


_ITEM_MARK = re.compile(r"[ \t]*(?:(?:\d{1,2}[.)]|[-–•*·])[ \t]*)?")


def _headline_like(line):
    "A short line that is not a sentence ending in a full stop: a headline or a list item."
    line = line[_ITEM_MARK.match(line).end():].rstrip()
    return bool(line) and len(line) <= 160 and not line.endswith(".") and ". " not in line


# "1. Tusk": \b\d\.\s+[A-Z], found from its full stop (a plain character the regex engine
# scans for far faster than for a digit), then looked back from for its digit.
_LIST_ITEM = re.compile(r"\.(?<=(?<!\w)\d\.)\s+[A-Z]")


def _numbered_list(line):
    "A line of numbered links ('1. Tusk: … 2. Four arrested …'): a 'Most read' box."
    first = _LIST_ITEM.search(line)
    return bool(first and _LIST_ITEM.search(line, first.end()))


_RANKING_WORDS = re.compile(r"(?i)\brank|\bindex\b|\bleague\s+table|\branking")
_BRACKETED_AFTER_NAME = re.compile(r"[A-Z][\w'’.-]*\s?\($")


def _is_bracketed_rank(text, start, end):
    "'Eritrea (180) came last in the index': a place in a ranking, not a count."
    return (text[end:end + 1] == ")" and bool(_BRACKETED_AFTER_NAME.search(text, max(0, start - 40), start))
            and bool(_RANKING_WORDS.search(text, max(0, start - 200), min(len(text), end + 200))))


def _is_age(text, start, end, read):
    "'Maria Kalesnikava, 42, who…', 'at the age of 57': ages of named people are not claims."
    value, low, high, qualifier, unit = read
    if unit or not isinstance(value, int) or not 0 < value < 120:
        return False
    if qualifier in ("up_to", "more_than"):  # "those who were under 18 at the time"
        return (text[start:start + 5].lower() in ("under", "over ", "below", "above")
                and bool(_BRACKET_BEFORE.search(text, max(0, start - 40), start))
                and bool(_BRACKET_AFTER.match(text, end)))
    if qualifier != "exact":
        return False
    lead = text[max(0, start - 40):start]
    return (lead.rstrip().lower().endswith(_AGE_ENDS) and bool(_AGE_BEFORE.search(lead))
            and bool(_AGE_AFTER.match(text, end)))


_URL_TOKEN = re.compile(r"\S*(?:://|www\.|@|#)")
_URL_CUES = ("://", "www.", "@", "#")


class _Block:
    "One block: its text, its sentences, and per-sentence attribution and dates."

    def __init__(self, text, language):
        self.text = text
        self.language = language
        self.patterns = _patterns(language)
        self.sentences = _Sentences(text)
        self.context = {}
        self._furniture_line = None
        self.last_subject = (None, None, None)  # (sentence span, subject, unit) of the last claim
        self.last_by_unit = {}  # unit → (sentence span, subject, unit) of the last claim in that unit
        self.last_by_figure = {}  # (unit, value) → the same, for the last claim of that figure

    def masked(self, number_start):
        "Is the number at ``number_start`` part of a date, time, phone number, identifier …?"
        text = self.text
        first = text[number_start:number_start + 1]
        # every _MASK_AT alternative starts with a digit, "." or ","
        if first and (first.isdecimal() or first in ".,") and _MASK_AT.match(text, number_start):
            return True
        head = text[max(0, number_start - 40):number_start]
        word = _word_behind(head)
        if (not word or not word.isascii() or word.lower() in _MASK_WORDS) and _MASK_BEFORE.match(head[::-1]):
            # after a month, a figure that is neither a day nor a year is a count: "In May 300 people…"
            if not (word.lower() in _MONTH_WORDS and _not_day_or_year(text, number_start)):
                return True
        line_start = text.rfind("\n", max(0, number_start - 4), number_start) + 1
        if (line_start and text[line_start:number_start].strip(" \t(") == ""
                or number_start < 4 and not text[:number_start].strip(" \t(")):
            if _LIST_NUMBER.match(text, number_start):
                return True
        token_start = max(text.rfind(" ", max(0, number_start - 200), number_start) + 1, number_start - 200)
        token = text[token_start:number_start + 1]  # a match ends with a cue inside it: most hold none
        return any(map(token.__contains__, _URL_CUES)) and bool(_URL_TOKEN.match(text, token_start, number_start + 1))

    def furniture(self, pos):
        "Is the line around ``pos`` page furniture (share bar, appeal, copyright)?"
        start = self.text.rfind("\n", max(0, pos - 2000), pos) + 1
        if start == 0 and pos > 2000:
            return False
        cached = self._furniture_line
        if cached and cached[0] == start:
            return cached[1]
        end = self.text.find("\n", pos, pos + 2000)
        line = self.text[start:end if end != -1 else pos + 2000]
        verdict = len(line) < 600 and (_is_furniture(line) or _listed_under_heading(self.text, start, line))
        self._furniture_line = (start, verdict)
        return verdict

    def sentence_context(self, span):
        "(attributions, dates) of a sentence, read once per sentence."
        found = self.context.get(span)
        if found is None:
            sentence = self.text[span[0]:span[1]]
            sources = _attributions(sentence, self.language)
            if any(isinstance(name, _Previous) for _, name in sources):
                before = self.sentences.previous(span[0])
                earlier = _attributions(before, self.language) if before else []
                sources = _resolve_anaphors(sources, [n for _, n in earlier if not isinstance(n, _Previous)])
            found = (sources, _dates(sentence))
            self.context = {span: found}  # claims come in order: keep only the current sentence
        return found


def _resolve_anaphors(sources, earlier):
    """Sources referred back to ("the group says") become the previous sentence's first
    source (``earlier``); with none there and no other source in the sentence, "the group"
    stands for itself and "he" for nobody."""
    named = any(not isinstance(name, _Previous) for _, name in sources)
    resolved = []
    for position, name in sources:
        if isinstance(name, _Previous):
            name = earlier[0] if earlier else None if named else _clean_name(name)
        if name:
            resolved.append((position, name))
    return resolved


_GLUED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-–:/.,#@+№_")


_GLUED_CURRENCY = re.compile(rf"(?<![^\W\d_])(?:Rs\.?|KSh|{_CODES})$")


class _TriggerScan:
    """The scan for where a claim can start in one text, for positions that only move
    forward: its two searches (see _trigger_pattern) each keep their last match until
    the position passes it, and the nearer of the two is the scan's match."""

    def __init__(self, patterns, text):
        self.searches = [(pattern.search, -1, None) for pattern in patterns.trigger_scans]
        self.text = text

    def search(self, pos):
        "The first match at or after ``pos`` of either search, or None."
        best = None
        for i, (search, searched_from, found) in enumerate(self.searches):
            if searched_from < 0 or pos < searched_from or found is not None and found.start() < pos:
                found = search(self.text, pos)
                self.searches[i] = (search, pos, found)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best


def _next_trigger(patterns, scan, text, pos):
    """(position, match) of the first trigger at or after ``pos`` (what
    ``patterns.trigger.search`` finds, found faster), or None. A digit's match ends
    after the digits glued to it ("12,345"). ``scan`` is the text's _TriggerScan."""
    # the scan finds triggers after pos only; one at pos starts with a digit or one of
    # trigger_firsts (trigger's first lookahead), tested here before the regex call
    ch = text[pos:pos + 1]
    t = patterns.trigger.match(text, pos) if ch.isdecimal() or ch in patterns.trigger_firsts else None
    if t is None:
        t = scan.search(pos)
        if t is None:
            return None
        if t.lastgroup:  # a number word right after the character the scan stopped on
            return t.start() + 1, t
    return t.start(), t


def _candidates(block):
    "Claim regex matches, in order: trigger, look back for a hedge, match from there."
    text, patterns = block.text, block.patterns
    lookback, claim = patterns.lookback.match, patterns.claim.match
    lookback_words = patterns.lookback_words
    scan = _TriggerScan(patterns, text)
    pos = 0
    while True:
        found = _next_trigger(patterns, scan, text, pos)
        if found is None:
            return
        p, t = found
        if (p and text[p - 1] in _GLUED and text[p].isdigit()  # FR4978, COVID-19, 10:30, 1.5
                and not _GLUED_CURRENCY.search(text, max(0, p - 5), p)):
            pos = t.end()
            while pos < len(text) and text[pos].isdigit():
                pos += 1
            continue
        starts = []
        before = text[p - 1] if p else ""
        if before.isspace() or before.isalpha() or before == ".":  # else no hedge nor code can end here
            head = text[max(0, p - 60):p]
            word = _word_behind(head) if before.isspace() else ""
            # after a plain ASCII word that no hedge nor code ends with, the lookback finds nothing
            if not word or not word.isascii() or word.lower() in lookback_words:
                behind = head[::-1]
                back = lookback(behind)
                while back.end() > (p - starts[-1] if starts else 0):
                    starts.append(p - back.end())
                    back = lookback(behind, back.end())
        m = None
        for start in reversed(starts):  # the widest hedge first
            m = claim(text, start)
            if m is not None and m.end() > p:
                break
            m = None
        if m is None:
            m = claim(text, p)
        skip = t.end() if text[p].isdigit() else p + 1
        while skip < len(text) and text[skip].isdigit():
            skip += 1
        if m is None:
            pos = skip if text[p].isdigit() else p + 1
            continue
        pos = max((yield m), skip)


def _block_claims(text, base, language):
    "Claims in one block of text; offsets shifted by ``base``."
    block = _Block(text, language)
    claims, carried = [], None
    candidates = _candidates(block)
    m = next(candidates, None)
    while m is not None:
        try:
            found = _claim(m, block, base, carried)
        except Exception:  # one odd match never stops a document
            found = None
        if found is _MASKED:
            resume = _after_masked(m, text)
        elif found is None:
            resume = m.start() + 1
        else:
            claim, carried = found
            if claims and _continues_duration(claims[-1], claim, text, base):
                claim = _compound_duration(claims.pop(), claim, text, base)
            elif claims and _fraction_of_scale(claims[-1], claim, text, base):
                claim = _share_of_scale(claims.pop(), claim, text, base)
            elif claims and _shares_unit(claims[-1], claim, text, base):
                claims[-1].unit = claim.unit
            claims.append(claim)
            resume = claim.end - base
        try:
            m = candidates.send(resume)
        except StopIteration:
            break
    return claims


def _continues_duration(first, second, text, base):
    "'five years and nine months': the months finish the years' figure."
    return (first.unit == "years" and second.unit == "months" and first.qualifier == "exact"
            and second.qualifier == "exact" and first.value is not None and second.value is not None
            and 0 < second.value < 12 and text[first.end - base:second.start - base] == " and ")


def _fraction_of_scale(first, second, text, base):
    "'a quarter of a million': a worded share of a worded scale is one figure."
    return (first.unit == "percent" and first.value is not None and not any(ch.isdigit() for ch in first.quote)
            and "%" not in first.quote and "cent" not in first.quote.lower()
            and second.qualifier == "exact" and second.value in (1_000, 1_000_000, 1_000_000_000)
            and second.quote.lower() in ("a thousand", "a million", "a billion")
            and text[first.end - base:second.start - base] == " of ")


def _share_of_scale(first, second, text, base):
    "One claim for 'a quarter of a million' (250,000), hedged as the share was."
    value = _clean(round(first.value / 100 * second.value, 2))
    low, high = (value if first.low is not None else None), (value if first.high is not None else None)
    return dataclasses.replace(second, quote=text[first.start - base:second.end - base], start=first.start,
                               value=value, low=low, high=high, qualifier=first.qualifier)


_FROM_BEFORE = re.compile(r"\bfrom\s+$")


def _shares_unit(first, second, text, base):
    "'rose from five to six years': a change's bare first figure is in the second's unit."
    return (first.unit is None and second.unit is not None and first.qualifier == second.qualifier == "exact"
            and text[first.end - base:second.start - base] == " to "
            and bool(_FROM_BEFORE.search(text, max(0, first.start - base - 8), first.start - base)))


def _compound_duration(first, second, text, base):
    "One claim for 'five years and nine months' (5.75 years), as the scheme counts it."
    years = round(first.value + second.value / 12, 2)
    return dataclasses.replace(first, quote=text[first.start - base:second.end - base], end=second.end,
                               value=years, low=years, high=years)


_WORD_LINK = re.compile(r"\s+(?:to|and|or|до|и|do|i|bis|und|à|et)\s+", re.I)


def _after_masked(m, text):
    """Where to look on after a masked match: past all of it ("Article 361-4"), but
    only up to a worded link after a date: "sentenced in April 2023 to 25 years" is a
    date, then a claim."""
    number_start = _number_start(m)
    link = _WORD_LINK.search(text, number_start, m.end())
    return link.start() if link and _YEAR.fullmatch(text[number_start:link.start()][-4:]) else m.end()


def _claim(m, block, base, carried):
    "A Claim from a candidate match and the carry-over for lists, or None."
    text = block.text
    start, end = m.start(), m.end()
    number_start = _number_start(m)
    if block.masked(number_start):
        return _MASKED
    if m.group("hedge") and (_not_a_hedge(m, text) or "\n" in text[start:number_start]):
        m = block.patterns.claim.match(text, number_start)
        if m is None:
            return None
        start, end = m.start(), m.end()
    read = _read(m, text, block.language)
    if (read and read is not _BAD_RANGE and read[3] == "range" and m.group("between")
            and m.group("between").lower() == "from"
            and _CHANGE_BEFORE.search(text, max(0, m.start() - 40), m.start())):
        read = _BAD_RANGE
    if read is _BAD_RANGE:
        m = block.patterns.single.match(text, start if not m.group("between") else m.start("a"))
        if m is None:
            return None
        start, end = m.start(), m.end()
        read = _read(m, text, block.language)
    if read is None or read is _BAD_RANGE or _AGE_OR_AGO.match(text, end) or text.startswith("-fold", end):
        return None  # "a 10-fold increase": a multiplier, not a claim
    if (_TIMES.match(text, end) or block.furniture(start) or _is_age(text, start, end, read)
            or _is_bracketed_rank(text, start, end)):
        return None
    value, low, high, qualifier, unit = read
    for group in ("ord", "ord_x"):
        if group in m.re.groupindex and m.group(group):
            end = m.end(group)
    if "\n" in text[start:end]:
        return None
    span = block.sentences.span(start)
    if span[1] < end:  # a sentence never cuts a figure in two
        span = (span[0], end)
    if span[1] - span[0] > MAX_SENTENCE_CHARS:  # no sentence ends in sight: keep a window
        span = _window(text, start, end, span)
    claim = Claim(
        quote=text[start:end], start=base + start, end=base + end, value=value, low=low,
        high=high, qualifier=qualifier, unit=unit, sentence=text[span[0]:span[1]],
    )
    previous = carried[1] if carried and carried[0] == span else None
    last = block.last_subject if block.last_subject[0] == span else (None, None, None)
    owner = last[1] or _owner_before(text, start, end, span, block.last_subject)
    claim.subject, carry = _subject(text, start, end, claim, block.language, previous,
                                    span[0], owner)
    if claim.subject in _COUNT_WORDS:
        claim.subject = None  # "The ministry's own figure was 36,000": the count named before, if any
    if claim.subject is None and last[1] and last[2] == claim.unit and _ELLIPSIS.match(text, end):
        claim.subject = last[1]
        lead = text[max(span[0], start - 60):start]
        if _TOTAL.search(lead):  # "1.5 million refugees in Poland and 7.8 million across Europe"
            claim.subject = re.sub(r"^new\s+|\s+(?:added|registered|recognised)$", "", claim.subject)
        if _RUNNING_TOTAL_BEFORE.search(lead):
            # "…bringing the number held since 28 November to more than 400": not only that night's
            claim.subject = _without_tail(claim.subject)
    if (claim.subject is None and last[1] and last[2] == claim.unit
            and _UP_FROM.search(text, max(span[0], start - 20), start)):
        claim.subject = last[1]  # "more than 60 people killed, up from the 39 it reported": the same count, earlier
    if (claim.subject in _EXTREMES and last[1] and last[2] == claim.unit
            and _FROM_EXTREME.search(text, max(span[0], start - 40), start)):
        claim.subject = _bare_noun(last[1])  # "…, down from a peak of 1.6 million": the same count at its height
    dash = _DASH_AFTER.match(text, end) if claim.subject is None else None
    if dash and _LINE_LEAD.match(text, text.rfind("\n", 0, start) + 1, start):
        # "1,150 — political prisoners in Belarus on 1 March": a figure defined after a dash
        claim.subject = _subject(text, start, dash.end() - 1, claim, block.language, previous, span[0], owner)[0]
    same_unit = block.last_by_unit.get(claim.unit)  # the last claim in this unit before this one
    if claim.subject is None and text.startswith(",", end) and _OF_THE_FIGURE.match(text, span[0], start):
        # "Of the 1,377, about a third…": the count before, which named this figure if it
        # is there, else the last in its unit (a heading may sit between)
        earlier = block.last_by_figure.get((claim.unit, claim.value)) if claim.value is not None else None
        if earlier:
            claim.subject = _without_tail(earlier[1])  # that very count
        elif same_unit and 0 <= start - same_unit[0][1] <= 300:
            claim.subject = _bare_noun(same_unit[1])
    among = _AMONG_FRONT.match(text, span[0], start) if claim.subject and claim.unit is None else None
    if among and not set(claim.subject.split()) & (_DEATHS | {"detained", "arrested", "injured", "wounded"}):
        # "Among the dead were 44 police officers": police officers dead
        claim.subject = f"{claim.subject} {among.group(1).lower()}"
    if claim.subject is None:
        claim.subject = _label_subject(text, start, end) or _front_partitive(text, start, end, span, block.last_subject)
        who = (claim.subject or "").split()
        if who and who[0] in _WHO_SLICES and who[1:] in ([], ["among", "them"], ["of", "them"]) and claim.unit is None:
            # a fact box's "Women: 158" or "Minors among them: 13" under "Political prisoners:
            # 1,150": women political prisoners
            row = block.last_subject
            whole = row[1].split() if row[1] and row[2] is None else []
            if whole and whole[0] in _WHO_SLICES:
                whole = whole[1:]  # "Minors: 3" after "Women: 158": of the same whole
            if whole and _just_before(row[0], span, start):
                rest = _bare_noun(" ".join(whole)).split()
                claim.subject = " ".join([who[0]] + (rest[1:] if rest[0] == "people" and rest[1:] else rest))
    if claim.subject is None and block.last_subject[1] and block.last_subject[2] == claim.unit:
        claim.subject = _continued_subject(text, start, end, span, block.last_subject)
    if claim.subject is None and claim.unit is None:
        claim.subject = _count_named_before(text, start, span)
    if claim.subject is None and claim.unit is None and _ON_BOARD.match(text, end):
        claim.subject = "people on board"  # "there were at least 700 aboard"
    if claim.subject is None and claim.unit is None and _ELIDED_AFTER.match(text, end):
        tail = _tail(text, end, min(len(text), end + 160))[0]  # "30 remain behind bars", no count before
        claim.subject = " ".join(["people"] + tail) if tail else None
    if claim.subject and claim.unit is None and _PART_OF_BEFORE.search(text, max(span[0], start - 20), start):
        claim.subject = _bare_noun(claim.subject)  # what happened was to the part before, not to all 23
    if (claim.subject and claim.subject.startswith("people ") and same_unit
            and "people" not in claim.sentence.lower() and " those " not in claim.sentence.lower()
            and _just_before(same_unit[0], span, start)):
        head = _bare_noun(same_unit[1])
        if "people" not in head.split() and _is_plural(head.split()[-1]):
            # "China held 50, Israel 43" after "…counted 361 journalists in prison": the
            # sentence names nobody, so its figures count what the previous one counted
            claim.subject = head + claim.subject[len("people"):]
    if claim.subject:
        block.last_subject = block.last_by_unit[claim.unit] = (span, claim.subject, claim.unit)
        if claim.value is not None:
            block.last_by_figure[claim.unit, claim.value] = block.last_subject
    attributions, dates = block.sentence_context(span)
    offset = start - span[0]
    claim.attribution = _nearest_source(attributions, claim.sentence, offset)
    claim.as_of = _as_of_for(claim.sentence, dates, offset, end - span[0])
    return claim, ((span, carry) if carry else carried if carried and carried[0] == span else None)


# Fact boxes: "Journalists detained in 2024: 21", "Executions by year (IHR): 2021 333 · 2022 582",
# and year rows under a heading ("Executions in Iran, 2019-2023" / "2019: 280").
# Who gave a row's figure, after its label: "Detainees pardoned, according to the authorities: 22,000",
# "Political prisoners, by the count of the Union …: 331", "Journalists jailed, CPJ census of 1 December: 13"
_ROW_CENSUS = r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}?\s+(?i:census|count|tally)"  # "CPJ census", "the Union's count"
_ROW_SOURCE = (r",\s*(?:(?i:according\s+to|per|by\s+the\s+(?:count|tally|figures)\s+of)\s+[^:,\n]{1,60}"
               r"|(?i:by\s+[^:,\n]{1,40}?\s+(?:count|tally|figures))"  # "by the minister's count"
               r"|" + _ROW_CENSUS + r"(?:\s+(?:of|for|on)\s+[^:,\n]{1,30})?)")
_LABEL_LINE = re.compile(r"\s*(?:[•*·–-]\s*)?(?P<label>[^\W\d_][\w'’ -]{1,60}?(?:,\s+(?!(?i:according|per|by\s+the)\b)"
                         r"(?!" + _ROW_CENSUS + r"\b)[\w'’ -]{1,40}?)?)\s*"
                         r"(?:\([^)\n]*\)\s*)?"  # "Arrested, charged or sentenced since 1 February: 4,160"
                         r"(?:" + _ROW_SOURCE + r")?:\s*"
                         r"(?:(?:\d{4}\s+)?[\d,.%]+\s*·\s*)*(?:\d{4}\s+)?\Z")
_YEAR_ROW_START = re.compile(r"\s*(?:[-•*·]\s*)?(?:\d{1,2}\s+[A-Z][a-z]+\s+)?(?:19|20)\d\d\s*:")
_YEAR_ROW = re.compile(r"\s*(?:[-•*·]\s*)?(?:\d{1,2}\s+[A-Z][a-z]+\s+)?(?:19|20)\d\d\s*:\s*\Z")  # "- 2023: 3,155"
_LABEL_DATE = re.compile(r"\s*(?:,\s*|\s(?:in|of|since|as\s+of|by|on|to|per|for|from)\s+)?"
                         r"(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?|year|month|week|date"
                         r"|(?:" + "|".join(lexicon.MONTHS) + r")"
                         r"(?:\s+(?:19|20)\d\d)?)\s*\Z", re.I)  # "Murders cited in the arrest warrant of March"
# "…: more than 20,000 (OVD-Info)", "Killed: 238, among them 19 members of the security forces"
_ROW_END = re.compile(r"\s*(?:\([^)\n]{1,120}\)\s*)?(?:·|\n|\Z|[,;]\s)")
# A label says what is counted up to its first preposition: "Political prisoners on Memorial's
# list" → political prisoners, "Detained for anti-war stance since February 2022" → detained.
_LABEL_HEAD = re.compile(r"\s+(?:on|for|over|since|by|under|at(?!\s+risk\b)|from|during|as|per|after|before)\s.*\Z", re.I)


def _label_subject(text, start, end):
    "What a figure counts when it stands alone after a label on its line (a fact box), or None."
    if not _ROW_END.match(text, end):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    if _YEAR_ROW.match(text, line_start, start) and start - line_start < 12:
        heading_end = line_start - 1  # walk up past the other year rows to the table's heading
        for _ in range(12):
            heading_start = text.rfind("\n", 0, max(heading_end, 0)) + 1
            line = text[heading_start:heading_end]
            if not _YEAR_ROW_START.match(line):
                break
            heading_end = heading_start - 1
        else:
            return None
        label = line if heading_end > 0 and len(line) <= 80 else ""
    else:
        m = _LABEL_LINE.match(text, line_start, start)
        label = _LABEL_HEAD.sub("", m.group("label").strip()) if m else ""  # a row's label, not a heading
    label = _LABEL_DATE.sub("", label.strip()).strip(" ,:")
    words = label.split()
    if not words or len(words) > 8 or not any(w[0].isalpha() for w in words):
        return None
    return label.lower()


# "Of those held at the end of July, 174 were women": a slice of a group named at the front.
_OF_FRONT = re.compile(r"\s*(?:[-•*·]\s+)?(?:(?:But|And|Yet)\s+)?(?i:of)\s+(?:the|those|these|all|them)(?:\s+(?P<group>[^,;:()]{1,60}?))?,\s*"
                       r"(?:(?:some|about|around|nearly|almost|at\s+least|more\s+than|only|just)\s+)?\Z")
_SLICE_ARE = re.compile(r"\s+(?:were|are|was|is|have\s+been|had\s+been)\s+(?:also\s+|all\s+)?"
                        r"([a-z-]+(?:\s+[a-z-]+){0,2})")


def _front_partitive(text, start, end, span, last):
    """The subject of a figure counting part of a group named at the sentence's front
    ("Of the dead, 19 were police officers" → police officers dead), or None."""
    front = _OF_FRONT.match(text, span[0], start)
    if not front:
        return None
    if front.group("group") is None:  # "Of these, at least 140 are journalists": of the count just before
        if not (last[1] and _just_before(last[0], span, start)):
            return None
        m = _SLICE_ARE.match(text, end)
        who = m.group(1).split()[0] if m else ""
        if not (_is_plural(who) and who not in _SUBJECT_STOP and not _is_participle(who)):
            return None
        rest = last[1].split()
        return " ".join([who] + (rest[1:] if rest[0] == "people" else rest))  # journalists still in custody
    group = front.group("group").lower().split()
    if group and group[0][:1].isdigit():  # "Of the 1,377, …": the figure before, named
        bare = _bare_noun(last[1]) if last[1] else ""
        # (of people killed, the killed: "Of the 353, at least 40 were children" → children killed)
        group = group[1:] or (bare.split() if bare not in ("", "people") else (last[1] or "").split())
    elif group and (_is_participle(group[0]) or group[0] in _EVENT_PARTICIPLES):
        # "those held at the end of July": what happened to the group; who, if the
        # sentence before counted them
        whole = _bare_noun(last[1]) if last[1] and _just_before(last[0], span, start) else ""
        held = whole.endswith("prisoners") and group[0] in ("held", "jailed", "imprisoned")
        group = whole.split() + ([] if held else group[:1])  # prisoners are held already
    group = [w for w in group if w not in _SUBJECT_STOP][:4]
    if group[:1] == ["people"]:
        group = group[1:]  # "Of the 300 people detained, 40 were journalists" → journalists detained
    m = _SLICE_ARE.match(text, end)
    words = m.group(1).split() if m else []
    plural = next((i for i, w in enumerate(words) if _is_plural(w) or w in _SUBJECT_STOP), None)
    if not group or plural is None or words[plural] in _SUBJECT_STOP or _is_participle(words[plural]):
        return None
    if plural + 1 < len(words) and _is_plural(words[plural + 1]) and not _is_participle(words[plural + 1]):
        plural += 1  # "police officers"
    if _other_force(text, m.start(1) + len(" ".join(words[: plural + 1])), words[plural]):
        return " ".join(_FORCES_NOUN + group)  # "19 were police officers or soldiers"
    return " ".join(words[: plural + 1] + group)  # "174 were women" → women political prisoners held


_OF_THE_FIGURE = re.compile(r"\s*(?:[-•*·]\s+)?(?:(?:But|And)\s+)?(?:Of|Among)\s+(?:the|those|these)\s+\Z")
_DASH_AFTER = re.compile(r"\s+[—–-]+\s")
_LINE_LEAD = re.compile(r"\s*(?:(?:\d{1,2}[.)]|[-•*·])\s+)?\Z")  # nothing but a list number or bullet


_RUNNING_TOTAL_BEFORE = re.compile(r"\b(?:bringing|taking|raising|pushing)\s+(?:the|its|their)\s+(?:total|number|tally|"
                                   r"count|toll)\b[^.;:]*\bto\s+\Z", re.IGNORECASE)
_EXTREMES = frozenset({"peak", "high", "record", "record high", "low", "record low", "all-time high", "maximum"})
_UP_FROM = re.compile(r"\b(?:(?:up|down|rising|falling|climbing|dropping)\s+from\s+(?:the\s+)?"
                      r"|(?:fewer|more|less|higher|lower|greater|smaller|larger|rather)\s+than\s+the\s+"
                      r"|,\s+not\s+the\s+|\binstead\s+of\s+the\s+)\Z")
_FROM_EXTREME = re.compile(r"\b(?:from|against|compared\s+with|compared\s+to)\s+(?:a|an|its|their|the)\s+"
                           r"(?:[\w-]+\s+)?(?:peak|high|low|maximum)\s+of\s+\Z")


# After a figure with no noun of its own: a place or the end of the clause, so the
# previous figure's noun is meant ("… and 7.8 million across Europe", "against 81 in 2020").
_ELLIPSIS = re.compile(r"\s*(?:[,;.)]|$|\s(?:across|in|at|on|for|elsewhere|worldwide|abroad|"
                       r"nationwide|a\s+year|the\s+year|last\s+(?:year|month|week)|a\s+(?:week|month|year)\s+"
                       r"(?:earlier|before|ago)|earlier|previously|before|after)\b)")
_CHANGE_BEFORE = re.compile(
    r"(?i:rose|risen|rise|rising|fell|fallen|falls?|jumped|jumps?|increased|increases?|decreased|grew|grown|"
    r"dropped|drops?|climbed|soared|cut|raised|reduced|extended|lengthened|shortened|went|gone|moved|"
    r"changed|shrank|shrunk|doubled|tripled|lowered|hiked"
    # not a verb's particle: "handed down sentences ranging from three to 12 years", "rounded up"
    r"|(?<!hand\s)(?<!hands\s)(?<!handed\s)(?<!handing\s)(?<!rounded\s)(?<!set\s)(?<!cracked\s)(?:up|down)"
    r")\s+(?:[\w'’-]+\s+){0,3}$")
_CHANGE_VERB = re.compile(r"(?:ł[aoy]?|ło|ли|ла|ло|лся|лась|лось|лись|ился|ется|ится|ut|et|ит|ет)\s+$")


def _not_a_hedge(m, text):
    """'Over eleven months' is a period, not more than eleven months; 'spadło do
    29 proc.' and 'выросло до 300' say where a figure went, not up to where."""
    hedge = m.group("hedge").lower()
    if hedge == "over" and (m.group("hyphen_dur") or m.group("dur")):
        before = text[max(0, m.start() - 3):m.start()].rstrip()
        return not before or before[-1] in ".,;:!?\n\"“("
    if hedge in ("до", "do", "да"):
        return bool(_CHANGE_VERB.search(text, max(0, m.start() - 20), m.start()))
    if hedge == "up to":  # "the tax goes up to 25% from 20%": where it went, not a ceiling
        return bool(_GOES_UP.search(text, max(0, m.start() - 12), m.start()))
    return False


_GOES_UP = re.compile(r"\b(?:goes|go|going|went|gone|will\s+go|moves?|moved|is\s+going|"
                      r"add|adds|added|adding)\s+$")  # "her sentences now add up to 33 years": the sum


MAX_SENTENCE_CHARS = 600


def _window(text, start, end, span):
    "A stretch of about MAX_SENTENCE_CHARS around text[start:end], cut at spaces, inside span."
    half = MAX_SENTENCE_CHARS // 2
    lo = max(span[0], start - half)
    hi = min(span[1], end + half)
    space = text.find(" ", lo, start)
    lo = space + 1 if space != -1 else lo
    space = text.rfind(" ", end, hi)
    hi = space if space != -1 else hi
    return lo, hi


def _number_start(m):
    "Where the first number of a claim match begins (after its hedge)."
    for group in _number_groups(m.re):
        if m.group(group):
            return m.start(group)
    return m.start()


_NUMBER_GROUPS = {}  # id(pattern) → (pattern, group indexes); Pattern hashes its whole code


def _number_groups(pattern):
    "Indexes of the groups that can hold a claim's first number, in order, in ``pattern``."
    found = _NUMBER_GROUPS.get(id(pattern))
    if found is None or found[0] is not pattern:
        names = ("n", "a", "ord", "vague", "frac", "zero", "twice", "frac_x", "ord_x", "ratio_a", "an", "frac_h")
        found = (pattern, tuple(pattern.groupindex[name] for name in names if name in pattern.groupindex))
        _NUMBER_GROUPS[id(pattern)] = found
    return found[1]


class _Groups:
    "m.groupdict().get without building the dict (the claim regex has ~50 groups)."

    __slots__ = ("m", "index")

    def __init__(self, m):
        self.m, self.index = m, m.re.groupindex

    def get(self, name):
        return self.m.group(name) if name in self.index else None


_CONTRAST = re.compile(r";|,?\s+(?:but|whereas)\s|,\s+while\s")
# Every _CONTRAST match holds one of these: its search, which tries every position (no
# first character to scan for), runs only where one is.
_CONTRAST_CUES = (";", "but", "whereas", "while")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\s")


def _nearest_source(found, sentence, offset):
    """The source nearest the figure, of its own clause if one is there: in "The Registry
    now lists 168 people, and relatives say dozens more…" the 168 are the Registry's."""
    if len(found) > 1 or found and found[0][0] > offset:
        # a source after a contrast speaks for its own clause only: "Maduro got 51.2%; the
        # opposition says its candidate won 67%"
        found = [(position, name) for position, name in found
                 if not (position > offset and _contrast_between(sentence, offset, position))]
    if len(found) > 1:
        own = [(position, name) for position, name in found
               if not _CLAUSE_BREAK.search(sentence, min(position, offset), max(position, offset))]
        found = own or found
    return _nearest(found, offset)


def _contrast_between(sentence, lo, hi):
    "Is there a contrast ('; ', ', but ') in sentence[lo:hi] (_CONTRAST.search(sentence, lo, hi))?"
    between = sentence[lo:hi]
    return any(map(between.__contains__, _CONTRAST_CUES)) and bool(_CONTRAST.search(sentence, lo, hi))


def _nearest(found, offset):
    "The value found nearest to ``offset`` in a [(position, value)] list."
    best = None
    for position, value in found:
        if best is None or abs(position - offset) < best[0]:
            best = (abs(position - offset), value)
    return best[1] if best else None


# --- public API ---------------------------------------------------------------

BLOCK_CHARS = 64 * 1024
MAX_BLOCK_CHARS = 1024 * 1024
READ_CHARS = 64 * 1024


def _as_text(chunk):
    if isinstance(chunk, (bytes, bytearray)):
        return bytes(chunk).decode("utf-8", errors="replace")
    return chunk if isinstance(chunk, str) else str(chunk)


def _chunks(source):
    if source is None:
        return
    if isinstance(source, (str, bytes, bytearray)):
        yield _as_text(source)
        return
    read = getattr(source, "read", None)
    if read is not None:
        while True:
            chunk = read(READ_CHARS)
            if not chunk:
                return
            yield _as_text(chunk)
    else:
        for chunk in source:
            if chunk:
                yield _as_text(chunk)


def _cut(buffer, final):
    "Where to end the next block: a paragraph break, else a line break, else a sentence end."
    if final and len(buffer) <= MAX_BLOCK_CHARS:
        return len(buffer)
    window_end = min(len(buffer), MAX_BLOCK_CHARS)
    for separator in ("\n\n", "\n"):
        i = buffer.rfind(separator, BLOCK_CHARS // 2 if not final else 0, window_end)
        if i > 0:
            return i + len(separator)
    if len(buffer) < MAX_BLOCK_CHARS and not final:
        return None
    for pattern in (r"[.!?]\s+", r"\s+"):
        last = None
        for last in re.finditer(pattern, buffer[max(0, window_end - BLOCK_CHARS):window_end]):
            pass
        if last:
            return max(0, window_end - BLOCK_CHARS) + last.end()
    return window_end


def _blocks(source):
    "(offset, text) blocks of the whole input, cut between paragraphs where possible."
    buffer, offset = "", 0
    for chunk in _chunks(source):
        buffer += chunk
        while len(buffer) >= BLOCK_CHARS:
            cut = _cut(buffer, final=False)
            if cut is None:
                break
            yield offset, buffer[:cut]
            offset += cut
            buffer = buffer[cut:]
    while buffer:
        cut = _cut(buffer, final=True)
        yield offset, buffer[:cut]
        offset += cut
        buffer = buffer[cut:]


def iter_claims(source, language=None, jobs=1):
    """Claims from a string, a text file object or an iterable of string chunks,
    read block by block; offsets are relative to the whole input. The language is
    detected from the first block when not given. Never raises on odd text.

    With ``jobs`` > 1, that many worker processes read the blocks, a few at a time,
    and the claims still come in input order: the same claims, sooner on a machine
    with several cores, in as little memory."""
    blocks = _blocks(source)
    if language is None:
        first = next(blocks, None)
        if first is None:
            return
        language = _safe_detect(first[1]) or "en"
        blocks = itertools.chain([first], blocks)
    for offset, text in blocks:
        yield from _block_claims(text, offset, language)
        if jobs > 1:  # the first block compiled the patterns: forked workers share them
            following = next(blocks, None)
            if following is not None:  # (a text of one block starts no worker)
                yield from _claims_in_workers(itertools.chain([following], blocks), language, jobs)
            return


def _claims_in_workers(blocks, language, jobs):
    """Claims of ``blocks`` read by ``jobs`` processes, in input order. At most two
    blocks per worker are handed out ahead of the one being yielded, so memory stays
    flat however long the input is."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    waiting = collections.deque()
    with context.Pool(jobs, initializer=_ignore_interrupts) as pool:
        for offset, text in blocks:
            waiting.append(pool.apply_async(_block_rows, (text, offset, language)))
            if len(waiting) > 2 * jobs:
                yield from _from_rows(_answer(waiting.popleft()))
        while waiting:
            yield from _from_rows(_answer(waiting.popleft()))


def _ignore_interrupts():
    "In a worker: Ctrl-C is the parent's to handle (it stops the pool), not a traceback per worker."
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _answer(result):
    """A worker's answer, waited for in short steps: a wait without a timeout would not
    notice a Ctrl-C whose signal lands on one of the pool's threads."""
    while not result.ready():
        result.wait(0.2)
    return result.get()


def _block_rows(text, offset, language):
    "A worker's answer: the block's claims as tuples (cheaper to send back than objects)."
    return [_claim_row(claim) for claim in _block_claims(text, offset, language)]


def _from_rows(rows):
    return (Claim(*row) for row in rows)


def _safe_detect(text):
    try:
        return detect_language(text)
    except Exception:
        return None


def extract_claims(text, language=None):
    """Every numeric claim in ``text``, in order. ``text[c.start:c.end] == c.quote``
    always holds. Never raises: non-text input gives an empty list."""
    try:
        if not isinstance(text, (str, bytes, bytearray)):
            return []
        return list(iter_claims(text, language=language))
    except Exception:
        return []


__all__ = ["Claim", "QUALIFIERS", "detect_language", "extract_claims", "iter_claims"]


# --- files and streams (used by `checks extract`) --------------------------------

_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml|<!--|<[a-z]+[\s>])", re.I)


def looks_like_html(head):
    "Does text starting with ``head`` look like an HTML page rather than plain text?"
    return bool(_HTML_START.match(head)) or "<html" in head[:2048].lower()


def _html_text(html):
    "Article text of an HTML page: checks.pages.parse_html, else a crude tag strip."
    try:
        from .pages import parse_html
    except ImportError:
        parse_html = None
    if parse_html is not None:
        try:
            return parse_html(html).get("text") or ""
        except Exception:
            pass
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return re.sub(r"\s*\n\s*", "\n", re.sub(r"(?s)<[^>]*>", " ", html)).strip()


def claims_from_stream(stream, language=None, jobs=1):
    """Claims from a text stream (a file opened for reading, or stdin). Plain text is
    streamed block by block (by ``jobs`` processes, see iter_claims); an HTML page is
    read whole and turned into article text first (offsets then refer to that text)."""
    head = stream.read(READ_CHARS)
    if looks_like_html(head):
        return iter_claims(_html_text(head + stream.read()), language=language, jobs=jobs)
    return iter_claims(_prepend(head, stream), language=language, jobs=jobs)


def _prepend(head, stream):
    yield head
    yield from _chunks(stream)
