"""News-like sample pages for the fetching tests, written for this project.

Each page wraps an article in what real news pages carry around it: a
navigation bar, a donation appeal, a comments prompt, related links and a
footer, so the tests can check that only the article survives extraction.
"""

import html

import pytest
from pytest_httpserver import HTTPServer

ARTICLE = [
    "Security officers searched the offices of several rights groups and independent "
    "journalists on Wednesday morning, carrying away laptops and detaining dozens of people "
    "in cities from Brest to Homel.",
    "The rights centre Viasna says 555 people are currently held as political prisoners, a "
    "count that has grown every month since the disputed August election.",
    "Since that election, more than 30,000 people who joined street protests have been "
    "detained at least once, according to monitors, and at least seven have died.",
    "Diplomats in Vilnius and Warsaw condemned the searches and said the European Union was "
    "preparing further sanctions against officials in Minsk.",
]

NAVIGATION = ["Home", "World", "Europe", "Politics", "Business", "Sport", "Culture", "Opinion"]
APPEAL = (
    "Independent reporting needs your help",
    "Our correspondents stay in the region because readers pay for it. A small monthly gift "
    "keeps every story free to read for everyone, whatever they can afford.",
)
COMMENTS = "Join the conversation: log in or register to leave a comment on this story."
RELATED = ["Opposition leader speaks from exile", "Potash exports hit by new restrictions"]
FOOTER = "© The Eastern Ledger. All rights reserved. Privacy · Terms · Contact us"


def news_page(
    paragraphs=ARTICLE,
    *,
    title="Rights groups raided in nationwide sweep",
    publisher="The Eastern Ledger",
    published="2021-07-14T09:30:00+03:00",
    lang="en",
    charset="utf-8",
    canonical="https://ledger.example/news/2021/07/raids",
    head_extra="",
    padding=0,
):
    "A page as a str; ``padding`` adds that many boilerplate teaser blocks (for size)."
    esc = html.escape
    nav = "".join(f'<li><a href="/{n.lower()}">{esc(n)}</a></li>' for n in NAVIGATION)
    related = "".join(f'<li><a href="/story/{i}">{esc(r)}</a></li>' for i, r in enumerate(RELATED))
    body = "".join(f"<p>{esc(p)}</p>\n" for p in paragraphs)
    teasers = "".join(
        f'<div class="teaser"><a href="/story/t{i}"><img src="/img/{i}.jpg" alt="">'
        f"<span>Teaser headline number {i} about regional news and weather</span></a>"
        f"<p>Short blurb {i}: a summary line that invites readers to another page.</p></div>\n"
        for i in range(padding)
    )
    meta = [f'<meta charset="{charset}">'] if charset else []
    if publisher:
        meta.append(f'<meta property="og:site_name" content="{esc(publisher)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{canonical}">')
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"""<!DOCTYPE html>
<html{lang_attr}>
<head>
{"".join(meta)}
<title>{esc(title)} | {esc(publisher or "")}</title>
{head_extra}
</head>
<body>
<header class="site-header"><nav><ul>{nav}</ul></nav></header>
<div class="appeal-box">
<h3>{esc(APPEAL[0])}</h3>
<p>{esc(APPEAL[1])}</p>
<a class="button" href="/donate?src=banner">Support us</a>
</div>
<main>
<article>
<h1>{esc(title)}</h1>
{body}
</article>
<section class="comments-cta"><h3>Comments</h3><p>{esc(COMMENTS)}</p></section>
<aside class="related-stories"><h3>Related stories</h3><ul>{related}</ul></aside>
{teasers}
</main>
<footer><p>{esc(FOOTER)}</p></footer>
</body>
</html>
"""


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="{base}">
<channel>
<title>Eastern Ledger: Belarus</title>
<link>/belarus</link>
<description>Reports from Belarus</description>
{items}
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}">
<title>Rights Monitor updates</title>
<id>tag:monitor.example,2021:feed</id>
<updated>2021-08-01T10:00:00Z</updated>
{entries}
</feed>
"""


def rss_feed(links, base="/"):
    items = "".join(
        f"<item><title>Report {i}</title><link>{link}</link>"
        f"<guid isPermaLink=\"false\">item-{i}</guid>"
        f"<pubDate>Wed, 14 Jul 2021 0{i % 10}:00:00 GMT</pubDate></item>\n"
        for i, link in enumerate(links)
    )
    return RSS.format(base=base, items=items)


def atom_feed(links, base="/"):
    entries = "".join(
        f'<entry><title>Update {i}</title><link rel="alternate" href="{link}"/>'
        f"<id>tag:monitor.example,2021:{i}</id><published>2021-08-0{i + 1}T08:00:00Z</published>"
        f"<updated>2021-08-0{i + 1}T08:00:00Z</updated></entry>\n"
        for i, link in enumerate(links)
    )
    return ATOM.format(base=base, entries=entries)


@pytest.fixture
def server():
    "A threaded HTTP server on 127.0.0.1 for one test; robots.txt answers 404."
    httpserver = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpserver.start()
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    yield httpserver
    httpserver.clear()
    if httpserver.is_running():
        httpserver.stop()


def requests_to(httpserver, path):
    "The requests the server saw for one path."
    return [request for request, _ in httpserver.log if request.path == path]
