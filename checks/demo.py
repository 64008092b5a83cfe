"""The sample documents behind ``checks demo``: short reports, written for this
project, about figures fact-checkers track (arrests after a disputed election,
political prisoners counted month by month, deaths), from several publishers."""

import pathlib

DEMO_DIR = pathlib.Path(__file__).parent / "demo"


def sample_documents():
    """Yield (url, fields, text) for each sample document, in date order. Each
    file starts with ``key: value`` lines, then ``---``, then the text."""
    for path in sorted(DEMO_DIR.glob("*.txt")):
        head, _, text = path.read_text("utf-8").partition("\n---\n")
        fields = dict(line.split(": ", 1) for line in head.splitlines() if line.strip())
        url = fields.pop("url")
        yield url, fields, text.strip() + "\n"


def load_demo(db):
    "Store every sample document and its claims. Returns the StoredDocument list."
    from .database import store_document

    return [store_document(db, url, text, **fields) for url, fields, text in sample_documents()]
