"""Turning number text into values.

"30,000", "30 000", "25.800" (German), "1,5 млн", "seven", "twenty-seven",
"one hundred and five", "a dozen", "2bn", "30k" → a number; "dozens",
"hundreds", "tens of thousands" → bounds by the policy in ``VAGUE_BOUNDS``.

The regular-expression fragments that *find* number text live here too
(``digits_pattern``, ``words_pattern``, ``SCALE_PATTERN``), so the finder and
the reader agree on what a number looks like. Number words are hand-written
tables (English, Russian, Belarusian, Polish, German, French): a regex
alternation finds them in one pass, and a table lookup reads them.
"""

import re

# Languages that write decimals with a comma and (often) group thousands with a
# dot or a space: "1,5 млн", "25.800", "30 000".
DECIMAL_COMMA = frozenset(
    "ru be uk pl de fr es it pt nl cs sk sl hr sr bg ro hu lt lv et fi sv no nb da tr id".split()
)

# Vague amounts: (low, high) by policy. Value stays empty.
VAGUE_BOUNDS = {
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
}

# Fractions read as percentages ("a third of" = 33.33 percent).
FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0,
    "a third": 33.33, "one third": 33.33, "one-third": 33.33,
    "two thirds": 66.67, "two-thirds": 66.67,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0,
    "two fifths": 40.0, "two-fifths": 40.0, "three fifths": 60.0, "three-fifths": 60.0,
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
}

SCALES = {
    "hundred": 100,
    "thousand": 1_000, "k": 1_000, "тыс": 1_000, "тыс.": 1_000, "тысяч": 1_000,
    "тысячи": 1_000, "тысяча": 1_000, "тысячу": 1_000, "тысячам": 1_000,
    "тысяч.": 1_000, "tys": 1_000, "tys.": 1_000, "tysięcy": 1_000, "tysiące": 1_000,
    "tysiąc": 1_000, "tausend": 1_000, "mille": 1_000, "тысячы": 1_000,
    "million": 1_000_000, "millions": 1_000_000, "mn": 1_000_000, "m": 1_000_000,
    "mln": 1_000_000, "mln.": 1_000_000, "млн": 1_000_000, "млн.": 1_000_000,
    "миллион": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000,
    "мільён": 1_000_000, "мільёна": 1_000_000, "мільёнаў": 1_000_000,
    "milion": 1_000_000, "miliony": 1_000_000, "milionów": 1_000_000, "miliona": 1_000_000,
    "mio": 1_000_000, "mio.": 1_000_000, "million.": 1_000_000, "millionen": 1_000_000,
    "billion": 1_000_000_000, "billions": 1_000_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "млрд": 1_000_000_000, "млрд.": 1_000_000_000,
    "миллиард": 1_000_000_000, "миллиарда": 1_000_000_000, "миллиардов": 1_000_000_000,
    "mld": 1_000_000_000, "mld.": 1_000_000_000, "mrd": 1_000_000_000, "mrd.": 1_000_000_000,
    "miliard": 1_000_000_000, "miliardy": 1_000_000_000, "miliardów": 1_000_000_000,
    "milliarde": 1_000_000_000, "milliarden": 1_000_000_000, "milliard": 1_000_000_000,
    "milliards": 1_000_000_000,
    "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}

# A scale word after a figure: "1.5 million", "2bn", "30k", "1,5 млн", "25 Mio."
# Short forms (m, bn, k) only when glued to the digits.
SCALE_PATTERN = (
    r"(?=[\s\u00a0-]?[bmktмтBMKTМТ])"  # every scale word starts so: the engine skips the rest fast
    r"(?:\s?(?:bn|mn|m|b|k|tn|trn)(?![\w])"
    r"|-(?:million|billion|trillion)(?![\w])"  # "a $2.5-billion deal"
    r"|[\s\u00a0]?(?:(?:mln|mld|млн|млрд|тыс|tys)(?:\.(?!\s*$|\s+(?-i:[A-ZА-ЯЁŁŚŻĆŃÓ])))?"
    r"|(?:Mio|Mrd)\.?"
    r"|thousand|million|billion|trillion"
    r"|тысяч[аиуы]?|миллион(?:а|ов)?|миллиард(?:а|ов)?|мільён(?:а|аў)?"
    r"|tysięcy|tysiące|tysiąc|milion(?:y|ów|a)?|miliard(?:y|ów)?"
    r"|Tausend|Millionen|Million|Milliarden|Milliarde"
    r"|millions?|milliards?|mille)(?![\w]))"
)

# Digits: "30,000", "30 000" (space, no-break or narrow no-break space, thin
# space), "30'000", "25.800", "1,5", "1.5", "555".
_SEP = "[,\u00a0\u202f\u2009 ']"
# Each run of digits is possessive (``\d++``, ``\d{1,3}+``): what follows a run is never a
# digit, here nor where the patterns that hold this one go on (a separator, a space, a
# sign, a word, the end), so giving a digit back could only fail again: the same matches,
# without the engine retrying each shorter run when the rest fails ("1990" tried as
# "199" + separator, "19" + separator…). tests/test_extraction_speed_possessive.py checks
# the matches against the same patterns with backtracking runs.
DIGITS_PATTERN = (
    rf"(?:\d{{1,3}}+(?:{_SEP}\d{{3}})+(?:[.,]\d++)?(?![\d])"
    r"|\d{1,3}+(?:\.\d{3})+(?:,\d++)?(?![\d])"
    r"|\d++(?:[.,]\d++)?)"
)

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_EN_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
                   "billion": 1_000_000_000, "trillion": 1_000_000_000_000}

EN_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}


def _forms(spec):
    "'пять пяти пятью=5; ...' → {form: value}."
    table = {}
    for part in spec.split(";"):
        part = part.strip()
        if not part:
            continue
        forms, value = part.rsplit("=", 1)
        for form in forms.split():
            table[form] = int(value)
    return table


# Small numbers in the languages our users read. "One" is left out where it is
# mostly a pronoun or an article (один, jeden, ein, un).
_RU = _forms("""
    два две двух двум двумя=2; три трёх трех трём трем тремя=3;
    четыре четырёх четырех четырём четырем четырьмя=4; пять пяти пятью=5;
    шесть шести шестью=6; семь семи=7; восемь восьми восемью восьмью=8;
    девять девяти девятью=9; десять десяти десятью=10;
    одиннадцать одиннадцати=11; двенадцать двенадцати=12; тринадцать тринадцати=13;
    четырнадцать четырнадцати=14; пятнадцать пятнадцати=15; шестнадцать шестнадцати=16;
    семнадцать семнадцати=17; восемнадцать восемнадцати=18; девятнадцать девятнадцати=19;
    двадцать двадцати двадцатью=20; тридцать тридцати тридцатью=30; сорок сорока=40;
    пятьдесят пятидесяти=50; шестьдесят шестидесяти=60; семьдесят семидесяти=70;
    восемьдесят восьмидесяти=80; девяносто девяноста=90; сто ста=100;
    двести двухсот=200; триста трёхсот трехсот=300; четыреста четырёхсот четырехсот=400;
    пятьсот пятисот=500; шестьсот шестисот=600; семьсот семисот=700;
    восемьсот восьмисот=800; девятьсот девятисот=900
""")
_BE = _forms("""
    два дзве двух=2; тры трох=3; чатыры чатырох=4; пяць пяці=5; шэсць шасці=6;
    сем сямі=7; восем васьмі=8; дзевяць дзевяці=9; дзесяць дзесяці=10;
    дваццаць дваццаці=20; трыццаць трыццаці=30; сорак=40; пяцьдзясят=50; сто=100
""")
_PL = _forms("""
    dwa dwie dwóch dwoma dwu=2; trzy trzech trzema=3; cztery czterech czterema=4;
    pięć pięciu pięcioma=5; sześć sześciu=6; siedem siedmiu=7; osiem ośmiu=8;
    dziewięć dziewięciu=9; dziesięć dziesięciu=10; jedenaście jedenastu=11;
    dwanaście dwunastu=12; trzynaście trzynastu=13; czternaście czternastu=14;
    piętnaście piętnastu=15; szesnaście szesnastu=16; siedemnaście siedemnastu=17;
    osiemnaście osiemnastu=18; dziewiętnaście dziewiętnastu=19; dwadzieścia dwudziestu=20;
    trzydzieści trzydziestu=30; czterdzieści czterdziestu=40;
    pięćdziesiąt pięćdziesięciu=50; sześćdziesiąt sześćdziesięciu=60;
    siedemdziesiąt siedemdziesięciu=70; osiemdziesiąt osiemdziesięciu=80;
    dziewięćdziesiąt dziewięćdziesięciu=90; sto stu=100; dwieście dwustu=200;
    trzysta trzystu=300; czterysta czterystu=400; pięćset pięciuset=500
""")
_DE = _forms("""
    zwei=2; drei=3; vier=4; fünf=5; sechs=6; sieben=7; acht=8; neun=9; zehn=10;
    elf=11; zwölf=12; zwanzig=20; dreißig=30; vierzig=40; fünfzig=50; hundert=100
""")
_FR = _forms("""
    deux=2; trois=3; quatre=4; cinq=5; six=6; sept=7; huit=8; neuf=9; dix=10;
    onze=11; douze=12; vingt=20; trente=30; quarante=40; cinquante=50
""")
_SCALE_WORDS = {
    "тысяча": 1_000, "тысячи": 1_000, "тысяч": 1_000, "тысячу": 1_000,
    "миллион": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000,
    "tysiąc": 1_000, "tysiące": 1_000, "tysięcy": 1_000,
    "milion": 1_000_000, "miliony": 1_000_000, "milionów": 1_000_000,
    "тысяча.": 1_000, "тысяч.": 1_000,
}

NUMBER_WORDS = {"en": {**_EN_UNITS, **_EN_TENS}, "ru": _RU, "uk": _RU, "be": _BE,
                "pl": _PL, "de": _DE, "fr": _FR}


def phrase_trie(phrases, space=r"\s+", hyphen=None, letter=re.escape, first=None):
    """A regex alternation of literal ``phrases`` shaped as a trie: it matches what
    the longest-first alternation of them matches, but the engine tries one branch
    per distinct next character instead of every phrase. A space in a phrase stands
    for ``space``; a hyphen for ``hyphen`` when given; any other character for
    ``letter(ch)``, or for ``first(ch)`` when it starts the phrase. (In a
    case-insensitive pattern give the phrases in one case: "Ab" and "abc" would be
    tried in trie order.)"""
    root = {}
    for phrase in set(phrases):
        node = root
        for i, ch in enumerate(phrase):
            token = (space if ch == " " else hyphen if ch == "-" and hyphen
                     else first(ch) if first and not i else letter(ch))
            node = node.setdefault(token, {})
        node[""] = {}

    def build(node):
        ends = "" in node
        branches = [token + build(child) for token, child in sorted(node.items()) if token]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + ("?" if ends else "")

    return build(root) if "" not in root else "(?:" + build(root) + ")"


def _alternation(words):
    return phrase_trie(words, space=re.escape(" "))


_EN_SMALL = (
    rf"(?:(?:{_alternation(_EN_TENS)})(?:[-\s](?:{_alternation(k for k, v in _EN_UNITS.items() if 0 < v < 10)}))?"
    rf"|{_alternation(k for k in _EN_UNITS if k != 'zero')})\b"
)
_EN_BIG = r"(?:hundred|thousand|million|billion)\b"
EN_WORDS_PATTERN = (
    rf"(?:(?:{_EN_SMALL}|(?:half\s+)?a(?=\s+(?:hundred|thousand|million|billion)))(?:\s+{_EN_BIG}"
    rf"(?:(?:\s+and|,)?\s+{_EN_SMALL}(?!\s+(?:hundred|thousand|million|billion)\b))?)*"
    r"|zero\b)"
)


def words_pattern(language):
    "A regex fragment matching number words of ``language`` (English for None)."
    if language in (None, "en") or language not in NUMBER_WORDS:
        return EN_WORDS_PATTERN
    words = NUMBER_WORDS[language]
    small = _alternation(words)
    scale = _alternation(w for w in _SCALE_WORDS if not w.endswith("."))
    return rf"(?:(?:{small})(?:\s+(?:{small}))*(?:\s+(?:{scale}))?)\b"


def digits_pattern():
    return DIGITS_PATTERN


def _clean(number):
    "An int when the value is whole (30000, not 30000.0), else a rounded float."
    if number is None:
        return None
    if abs(number - round(number)) < 1e-9 and abs(number) < 1e18:
        return int(round(number))
    return round(number, 6)


_DIGIT_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_DIGITS_ONLY = re.compile(r"\d[\d.,]*")
_WORD_SPLIT = re.compile(r"[\s\-,]+")
_DOZEN = re.compile(r"(?i)(?:(a|half\s+a|[a-z]+|\d+)\s+)?dozen")
_SPACES = re.compile(r"\s+")


def parse_digits(text, language=None, scaled=False):
    """"30,000" → 30000; "25.800" → 25800 in German/Polish/Russian, 25.8 in
    English; "1,5" → 1.5. ``scaled`` says a scale word follows ("1,500 млн" is
    1.5 million in Russian). Returns None when the text is not a number."""
    s = _DIGIT_SPACES.sub("", text)
    if not s or not _DIGITS_ONLY.fullmatch(s) or s[-1] in ".,":
        return None
    comma_decimal = language in DECIMAL_COMMA
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        grouped = len(parts) > 2 or (len(parts[1]) == 3 and not (comma_decimal and scaled))
        if grouped and all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
            s = s.replace(",", "")
        elif len(parts) == 2:
            s = s.replace(",", ".")
        else:
            return None
    elif "." in s:
        parts = s.split(".")
        if len(parts) > 2:
            if len(parts[0]) > 3 or not all(len(p) == 3 for p in parts[1:]):
                return None
            s = s.replace(".", "")
        elif comma_decimal and len(parts[1]) == 3 and len(parts[0]) <= 3 and not scaled:
            s = s.replace(".", "")
    try:
        return _clean(float(s))
    except ValueError:
        return None


def parse_words(text, language=None):
    """"twenty-seven" → 27, "one hundred and five" → 105, "a thousand" → 1000,
    "двадцать пять" → 25, "trzy tysiące" → 3000. None when not number words."""
    tokens = [t for t in _WORD_SPLIT.split(text.lower()) if t and t != "and"]
    if not tokens:
        return None
    table = NUMBER_WORDS.get(language or "en", NUMBER_WORDS["en"])
    total, current, seen = 0, 0, False
    for token in tokens:
        if token == "half":  # "half a million"
            current, seen = 0.5, True
        elif token == "a":
            current, seen = current or 1, True
        elif token in table or token in _EN_UNITS or token in _EN_TENS:
            value = table.get(token, _EN_UNITS.get(token, _EN_TENS.get(token)))
            current += value
            seen = True
        elif token == "hundred" or token == "hundert":
            current = (current or 1) * 100
            seen = True
        elif token in _EN_MULTIPLIERS or token in _SCALE_WORDS:
            scale = _EN_MULTIPLIERS.get(token) or _SCALE_WORDS[token]
            total += (current or 1) * scale
            current, seen = 0, True
        else:
            return None
    return _clean(total + current) if seen else None


def scale_of(word):
    "The multiplier of a scale word ('bn' → 1e9, 'млн' → 1e6), or None."
    return SCALES.get(word.strip().lower().lstrip("-"))


def parse_number(text, language=None):
    """Read one number with an optional scale word: "30,000", "1.5 million",
    "2bn", "30k", "seven", "twenty-seven thousand", "1,5 млн", "a dozen".
    Returns None when the text is not a number."""
    text = (text or "").strip()
    if not text:
        return None
    if len(text) <= 15 and text.isascii() and text.isdigit():
        return int(text)  # plain digits, the common case: what the general path returns
    dozen = _DOZEN.fullmatch(text) if "dozen" in text.lower() else None
    if dozen:
        head = (dozen.group(1) or "a").lower()
        count = 0.5 if head.startswith("half") else parse_number(head, language) if head != "a" else 1
        return _clean(count * 12) if count is not None else None
    match = _DIGITS_SCALED.fullmatch(text.rstrip("."))
    if match:
        scale = scale_of(match.group(2)) if match.group(2) else None
        number = parse_digits(match.group(1), language, scaled=scale is not None)
        if number is None:
            return None
        return _clean(number * scale) if scale else number
    return parse_words(text, language)


_DIGITS_SCALED = re.compile(rf"({DIGITS_PATTERN})({SCALE_PATTERN})?")


def vague_bounds(phrase):
    """Bounds for a vague amount: "hundreds", "several hundred", "tens of
    thousands", "сотни", "setki", "Tausende" → (low, high), else None."""
    key = _VAGUE_KEYS.get(_SPACES.sub(" ", phrase.strip().lower()))
    if key is None:
        words = _SPACES.sub(" ", phrase.strip().lower()).split(" ")
        key = _VAGUE_KEYS.get(" ".join(words[1:])) if len(words) > 1 else None
    return VAGUE_BOUNDS.get(key) if key else None


def _vague_keys():
    keys = {}
    groups = {
        "dozens": "dozens;several dozen;a few dozen;десятки;десятков;десятками;dziesiątki;"
                  "dziesiątek;kilkadziesiąt;kilkudziesięciu;dutzende;dizaines;дзясяткі",
        "hundreds": "hundreds;several hundred;a few hundred;some hundreds;сотни;сотен;"
                    "несколько сотен;setki;setek;kilkaset;kilkuset;hunderte;centaines;сотні",
        "thousands": "thousands;several thousand;a few thousand;тысячи;тысяч;"
                     "несколько тысяч;tysiące;tysięcy;kilka tysięcy;tausende;milliers;тысячы",
        "tens of thousands": "tens of thousands;десятки тысяч;десятков тысяч;"
                             "dziesiątki tysięcy;dziesiątek tysięcy;zehntausende;"
                             "dizaines de milliers;дзясяткі тысяч",
        "hundreds of thousands": "hundreds of thousands;several hundred thousand;a few hundred thousand;"
                                 "сотни тысяч;сотен тысяч;"
                                 "setki tysięcy;setek tysięcy;hunderttausende;"
                                 "centaines de milliers;сотні тысяч",
        "millions": "millions;several million;a few million;миллионы;миллионов;miliony;"
                    "milionów;millionen;мільёны",
        "tens of millions": "tens of millions;десятки миллионов",
        "hundreds of millions": "hundreds of millions;сотни миллионов",
        "billions": "billions;миллиарды",
    }
    for key, phrases in groups.items():
        for phrase in phrases.split(";"):
            keys[phrase] = key
    return keys


_VAGUE_KEYS = _vague_keys()
VAGUE_PHRASES = tuple(_VAGUE_KEYS)
