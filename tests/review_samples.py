"""A small archive for the review tests: three reports on political prisoners
in Belarus and one on arrests, written for these tests, with matches between
their claims as the matcher would store them."""

import re

from checks.database import now, open_database, save_claims, save_document
from checks.review import add_reviewer

PASSWORD = "correct horse battery staple"

DOCUMENTS = [
    {
        "url": "https://news.example/2020/12/prisoners",
        "title": "Rights group counts 169 prisoners",
        "publisher": "Example News",
        "published": "2020-12-01",
        "text": "Minsk. The rights group Viasna now lists 169 political prisoners in Belarus. "
        "It added 12 names this week.",
        "claims": [("169", 169, 169, 169, "exact", "political prisoners", "Viasna")],
    },
    {
        "url": "https://wire.example/2021/06/count",
        "title": "Prisoner count passes 500",
        "publisher": "Example Wire",
        "published": "2021-06-15",
        "text": "Viasna says more than 500 people are held as political prisoners. "
        "The count rose every month.",
        "claims": [("more than 500", 500, 500, None, "more_than", "political prisoners", "Viasna")],
    },
    {
        "url": "https://daily.example/2021/09/estimate",
        "title": "Between 600 and 700 held",
        "publisher": "Example Daily",
        "published": "2021-09-20",
        "text": "Lawyers estimate that 600 to 700 political prisoners remain in custody.",
        "claims": [("600 to 700", None, 600, 700, "range", "political prisoners", "lawyers")],
    },
    {
        "url": "https://weekly.example/2021/10/arrests",
        "title": "Arrests since August 2020",
        "publisher": "Example Weekly",
        "published": "2021-10-01",
        "text": "Police have detained up to 35,000 protesters since the August 2020 vote.",
        "claims": [("up to 35,000", 35000, None, 35000, "up_to", "protesters detained", "police")],
    },
]


def build(path, reviewers=("alice",)):
    """A migrated database at ``path`` with the documents, their claims, three
    matches (ids 1-3, best first: 1 > 3 > 2) and reviewer accounts.
    Returns {"claims": [claim ids in DOCUMENTS order], "matches": [1, 2, 3]}."""
    db = open_database(path)
    claim_ids = []
    with db.atomic():
        for doc in DOCUMENTS:
            doc_id = save_document(
                db, doc["url"], title=doc["title"], publisher=doc["publisher"],
                published=doc["published"], text=doc["text"],
            )
            rows = []
            for quote, value, low, high, qualifier, subject, attribution in doc["claims"]:
                start = doc["text"].index(quote)
                rows.append({
                    "quote": quote, "start": start, "end": start + len(quote), "value": value,
                    "low": low, "high": high, "qualifier": qualifier, "subject": subject,
                    "attribution": attribution, "sentence": next(s for s in re.split(r"(?<=\.) ", doc["text"]) if quote in s),
                })
            save_claims(db, doc_id, rows)
            claim_ids.append(db.execute("SELECT max(id) FROM claims").fetchone()[0])
        pairs = [
            (claim_ids[0], claim_ids[1], 92.0, "updates", "Same count by Viasna, six months later."),
            (claim_ids[1], claim_ids[2], 71.0, "corroborates", "Both above 500 in 2021."),
            (claim_ids[0], claim_ids[2], 80.5, "updates", "The count rose from 169."),
        ]
        for claim_id, later_id, score, relation, explanation in pairs:
            db["matches"].insert({
                "claim_id": claim_id, "later_claim_id": later_id, "score": score,
                "relation": relation, "explanation": explanation, "created_at": now(),
            })
        for name in reviewers:
            add_reviewer(db, name, PASSWORD)
    db.close()
    return {"claims": claim_ids, "matches": [1, 2, 3]}
