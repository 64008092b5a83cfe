"""Finding numeric claims in text. (Placeholder: replaced by the extraction issue.)"""

import dataclasses
import re


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
        return dataclasses.asdict(self)


_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b")


def extract_claims(text, language=None):
    claims = []
    for m in _NUMBER.finditer(text or ""):
        value = float(m.group().replace(",", ""))
        if 1900 <= value <= 2100 and "," not in m.group():
            continue
        claims.append(Claim(m.group(), m.start(), m.end(), value, value, value, "exact", sentence=text))
    return claims


def detect_language(text):
    return None
