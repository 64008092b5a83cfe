"""Outputs for others to reuse: schema.org ClaimReview JSON-LD for reviewed claims.

A ClaimReview is written for every match whose current verdict is
``confirmed``: the earlier claim is the claim reviewed, and the confirmed
relation to the later report (corroborated, updated, contradicted) is the
rating, in words. Rejected and unsure matches say nothing about the claim
itself, so they are not exported.
"""

import json

from .errors import ChecksError

RATINGS = {
    "corroborates": "Corroborated by a later report",
    "updates": "Updated by a later report",
    "contradicts": "Contradicted by a later report",
}

_CONFIRMED_SQL = """
SELECT cv.match_id, cv.reviewer, cv.note, cv.reviewed_at, m.relation, m.explanation,
    c.id AS claim_id, c.quote, c.sentence, c.attribution, c.subject,
    d.url, d.title, d.publisher, d.published,
    l.quote AS later_quote, l.sentence AS later_sentence,
    ld.url AS later_url, ld.publisher AS later_publisher, ld.published AS later_published
FROM current_verdicts cv
JOIN matches m ON m.id = cv.match_id
JOIN claims c ON c.id = m.claim_id JOIN documents d ON d.id = c.document_id
JOIN claims l ON l.id = m.later_claim_id JOIN documents ld ON ld.id = l.document_id
WHERE cv.verdict = 'confirmed'
ORDER BY c.id, m.id
"""


def organisation_from(metadata):
    """The fact-checking organisation (``plugins: checks: organisation:`` in
    metadata.yml) and the site's public address (``site_url``)."""
    config = ((metadata or {}).get("plugins") or {}).get("checks") or {}
    organisation = config.get("organisation") or {}
    if not organisation.get("name"):
        raise ChecksError(
            "metadata.yml: set plugins: checks: organisation: name: (the ClaimReview author)"
        )
    if not config.get("site_url"):
        raise ChecksError(
            "metadata.yml: set plugins: checks: site_url: (the address the site is "
            "published at, for each ClaimReview's url)"
        )
    return organisation, config["site_url"].rstrip("/")


def claim_reviews(db, organisation, site_url):
    "A list of ClaimReview objects (dicts ready for JSON) for every confirmed match."
    author = {"@type": "Organization", "name": organisation["name"]}
    if organisation.get("url"):
        author["url"] = organisation["url"]
    cursor = db.execute(_CONFIRMED_SQL)
    columns = [d[0] for d in cursor.description]
    return [_claim_review(dict(zip(columns, row)), author, site_url) for row in cursor]


def _claim_review(row, author, site_url):
    appearance = {"@type": "CreativeWork", "url": row["url"]}
    if row["title"]:
        appearance["headline"] = row["title"]
    if row["published"]:
        appearance["datePublished"] = row["published"]
    if row["publisher"]:
        appearance["publisher"] = {"@type": "Organization", "name": row["publisher"]}
    claim = {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": row["attribution"] or row["publisher"] or row["url"]},
        "appearance": [appearance],
        "firstAppearance": appearance,
    }
    if row["published"]:
        claim["datePublished"] = row["published"]
    later = f"{row['later_publisher'] or row['later_url']}, {row['later_published'] or 'undated'}"
    body = f"{later}: \u201c{row['later_sentence'] or row['later_quote']}\u201d"
    if row["explanation"]:
        body += f" {row['explanation']}"
    if row["note"]:
        body += f" Reviewer's note: {row['note']}"
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{site_url}/-/figure/{row['claim_id']}#match-{row['match_id']}",
        "claimReviewed": row["sentence"] or row["quote"],
        "itemReviewed": claim,
        "author": author,
        "datePublished": (row["reviewed_at"] or "")[:10],
        "reviewRating": {"@type": "Rating", "alternateName": RATINGS[row["relation"]]},
        "reviewBody": body,
    }


def write_claim_reviews(db, fp, metadata):
    "Write the ClaimReview JSON-LD array to the open text file ``fp``; returns how many."
    organisation, site_url = organisation_from(metadata)
    reviews = claim_reviews(db, organisation, site_url)
    json.dump(reviews, fp, indent=2, ensure_ascii=False)
    fp.write("\n")
    return len(reviews)
