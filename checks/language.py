"""Which language a document is written in (ISO 639-1 code).

py3langid (a maintained fork of langid.py, 97 languages, its model ships inside
the package, nothing is downloaded) classifies a sample of the text. Where it is
not installed, a script-and-stopword heuristic covers the languages `checks`
reads most: en, ru, be, uk, pl, de, fr. Either way a Cyrillic text that uses
letters only Belarusian (ў) or Ukrainian (ї, є, ґ) has is settled by the script.
"""

import functools
import re

SAMPLE_CHARS = 4_000

_STOPWORDS = {
    "en": "the and of to in is was that for on with have has by are were from".split(),
    "ru": "и в не на что по как из за от это его для был были году также".split(),
    "be": "і ў не на што па як з за ад гэта яго для быў былі таксама".split(),
    "uk": "і в не на що по як з за від це його для був були також".split(),
    "pl": "i w nie na że się jest do z od to jak po dla był było oraz".split(),
    "de": "der die und das in nicht den von zu ist mit sich des auf für dem".split(),
    "fr": "le la les et des de un une du est en que pour dans sur au".split(),
}
_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1)
def _langid():
    "py3langid's classify function (its model loads on first use), or None."
    try:
        import py3langid
    except ImportError:
        return None
    return py3langid.classify


def _by_script(sample):
    "be/uk/ru from letters only one of them uses; None when undecided."
    if re.search("[ўЎ]", sample):
        return "be"
    if re.search("[їєґЇЄҐ]", sample):
        return "uk"
    return None


def _by_stopwords(sample):
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    counts = {lang: 0 for lang in _STOPWORDS}
    sets = {lang: set(ws) for lang, ws in _STOPWORDS.items()}
    for word in words:
        for lang, stop in sets.items():
            if word in stop:
                counts[lang] += 1
    lang, best = max(counts.items(), key=lambda kv: kv[1])
    return lang if best else None


def detect_language(text):
    """The ISO 639-1 code of ``text``'s language ("en", "ru", "be", "pl", "de",
    "fr", …), or None when there are no letters to judge by. Never raises."""
    try:
        sample = (text or "")[:SAMPLE_CHARS]
        if not _WORD.search(sample):
            return None
        cyrillic = len(re.findall("[\u0400-\u04ff]", sample))
        if cyrillic > 20:
            script = _by_script(sample)
            if script:
                return script
        classify = _langid()
        if classify is not None:
            language, _ = classify(sample)
            if cyrillic > 20 and language not in ("ru", "be", "uk", "bg", "mk", "sr", "kk"):
                return "ru"
            return language
        return _by_stopwords(sample)
    except Exception:  # detection is advisory: never stop extraction for it
        return None
