"""HTML → article text and metadata (checks.pages)."""

import codecs
import json

import pytest

from checks.pages import decode_html, iso_date, parse_html
from fetching_samples import APPEAL, ARTICLE, COMMENTS, FOOTER, RELATED, news_page

RUSSIAN = [
    "По данным правозащитного центра \"Вясна\", в стране остаются за решёткой 555 политических "
    "заключённых.",
    "С августа задержаны более 30 000 участников мирных акций, сообщают наблюдатели.",
]


def test_article_text_without_boilerplate():
    page = parse_html(news_page(), url="https://www.ledger.example/news/2021/07/raids")
    for paragraph in ARTICLE:
        assert paragraph in page["text"]
    for noise in (APPEAL[0], APPEAL[1], COMMENTS, FOOTER, RELATED[0], "Politics", "Support us"):
        assert noise not in page["text"], noise


def test_metadata_from_open_graph_and_link():
    page = parse_html(news_page(lang="en-GB"), url="https://www.ledger.example/x")
    assert page["title"] == "Rights groups raided in nationwide sweep"
    assert page["publisher"] == "The Eastern Ledger"
    assert page["published"] == "2021-07-14"
    assert page["language"] == "en"
    assert page["canonical_url"] == "https://ledger.example/news/2021/07/raids"


def test_metadata_from_json_ld():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "ignored"},
            {
                "@type": "NewsArticle",
                "headline": "Monitors count detentions",
                "datePublished": "2021-08-02T18:00:00Z",
                "publisher": {"@type": "Organization", "name": "Rights Monitor"},
                "inLanguage": "ru-RU",
            },
        ],
    }
    html = news_page(publisher=None, published=None, lang=None, head_extra=(
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    ))
    page = parse_html(html, url="https://monitor.example/a")
    assert page["publisher"] == "Rights Monitor"
    assert page["published"] == "2021-08-02"
    assert page["language"] == "ru"


def test_fallbacks_time_element_and_domain():
    html = news_page(publisher=None, published=None, canonical=None).replace(
        "<h1>", '<time datetime="2021-09-03T07:00">3 September 2021</time><h1>'
    )
    page = parse_html(html, url="https://www.ledger.example/story?id=7")
    assert page["published"] == "2021-09-03"
    assert page["publisher"] == "ledger.example"
    assert page["canonical_url"] is None


def test_time_element_text_without_datetime():
    html = news_page(published=None).replace("<h1>", "<time>5 October 2021</time><h1>")
    assert parse_html(html)["published"] == "2021-10-05"


def test_broken_json_ld_is_ignored():
    html = news_page(head_extra='<script type="application/ld+json">{"@type": "NewsArticle",</script>')
    assert parse_html(html)["publisher"] == "The Eastern Ledger"


def test_malformed_html_still_yields_the_article():
    html = (
        "<html><head><title>Count rises</title><body><div><p>Viasna now counts 555 political "
        "prisoners held across the country, up from the previous month's tally of 530 people"
        "<p>More than 30,000 people were detained after the vote, observers say<div><b>unclosed"
        "<table><tr><td>stray cell</p></span></html>"
    )
    page = parse_html(html)
    assert "555 political prisoners" in page["text"]
    assert "more than 30,000 people" in page["text"].lower()
    assert page["title"] == "Count rises"


def test_empty_and_garbage_input():
    assert parse_html("")["text"] == ""
    assert parse_html(b"\x00\x01\x02")["text"] == ""


def test_windows_1251_bytes_with_meta_charset():
    html = news_page(RUSSIAN, title="Число политзаключённых растёт", charset="windows-1251", lang="ru")
    page = parse_html(html.encode("windows-1251"))
    assert RUSSIAN[0] in page["text"]
    assert page["title"] == "Число политзаключённых растёт"


@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r"])
def test_cyrillic_detected_without_any_declaration(encoding):
    text = news_page(RUSSIAN * 3, title="Число задержанных", charset=None, lang=None)
    decoded, used = decode_html(text.encode(encoding))
    assert codecs.lookup(used).name == codecs.lookup(encoding).name
    assert RUSSIAN[1] in decoded


def test_header_charset_wins_over_meta():
    body = "<meta charset='utf-8'><p>Задержаны</p>".encode("koi8-r")
    text, used = decode_html(body, "text/html; charset=KOI8-R")
    assert used == "koi8-r" and "Задержаны" in text


def test_meta_believed_over_a_default_latin_header():
    body = "<meta charset='windows-1251'><p>Задержаны</p>".encode("windows-1251")
    text, used = decode_html(body, "text/html; charset=ISO-8859-1")
    assert used == "cp1251" and "Задержаны" in text


def test_bom_wins():
    text, used = decode_html("\ufeff<p>Вясна</p>".encode("utf-8"), "text/html; charset=koi8-r")
    assert used == "utf-8" and text == "<p>Вясна</p>"


def test_wrong_declaration_falls_through_to_utf8():
    text, used = decode_html("<p>Задержаны 30 000</p>".encode("utf-8"), "text/html; charset=ascii")
    # windows-1252 (what "ascii" means on the web) cannot decode 0x98 etc.: fall through
    assert "Задержаны" in text and used == "utf-8"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2021-07-14T09:30:00+03:00", "2021-07-14"),
        ("2021-7-4", "2021-07-04"),
        ("14 July 2021", "2021-07-14"),
        ("July 14, 2021", "2021-07-14"),
        ("2021-13-40", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_unlabelled_appeal_box_and_reader_appeals_are_dropped():
    box = (
        "<div><h3>Before you go</h3><p>Every story we publish is free to read.</p>"
        "<p>It costs us a great deal to keep reporters in the region.</p>"
        '<a href="https://pay.example/contribute">Back our work</a></div>'
    )
    plea = "<p>If you value this reporting, please donate to keep it going.</p>"
    fact = "<p>Viasna relies on donations from supporters abroad, its lawyers said on Tuesday.</p>"
    html = news_page().replace("<h1>", box + "<h1>").replace("</article>", plea + fact + "</article>")
    text = parse_html(html)["text"]
    assert "Before you go" not in text and "free to read" not in text and "Back our work" not in text
    assert "please donate" not in text
    assert "Viasna relies on donations from supporters abroad" in text
    assert all(paragraph in text for paragraph in ARTICLE)


def test_short_article_inside_a_box_with_a_donate_link_survives():
    html = (
        "<html><body><div><article><h1>Count</h1><p>Viasna counts 555 political prisoners.</p>"
        '<p><a href="/donate">Donate</a></p></article></div></body></html>'
    )
    assert "555 political prisoners" in parse_html(html)["text"]


def test_xhtml_xml_declaration_names_the_encoding():
    body = '<?xml version="1.0" encoding="windows-1251"?><html><body><p>Задержаны</p></body></html>'
    text, used = decode_html(body.encode("windows-1251"), "application/xhtml+xml")
    assert used == "cp1251" and "Задержаны" in text
    assert "Задержаны" in parse_html(body.encode("windows-1251"))["text"]
