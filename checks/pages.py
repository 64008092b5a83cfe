"""HTML pages to article text and metadata.

``parse_html`` keeps the article and drops what surrounds it on a news page
(navigation, donation appeals, comment prompts, related links, footers) using
trafilatura, after pruning appeal boxes it tends to keep. Metadata comes from
the page's own markup, in a fixed order of preference per field.

``decode_html`` turns bytes into text: a byte order mark, then the HTTP
header's charset, then ``<meta charset>``, then strict UTF-8, and
charset-normalizer's detection last.
"""

import codecs
import datetime
import json
import re
import urllib.parse

import lxml.html
import trafilatura
from lxml import etree

# --- decoding ---------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels that servers send by default whatever the page is in: a <meta>
# naming another charset is believed over them (windows-1251 pages served
# as ISO-8859-1 are common).
_DEFAULT_LABELS = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)"""
    rb"""|^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_:.\-]+)""",  # XHTML's declaration
    re.IGNORECASE,
)


def charset_from_content_type(content_type):
    "The charset parameter of a Content-Type header value, or None."
    match = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", content_type or "", re.IGNORECASE)
    return match.group(1).strip().lower() if match else None


def _codec(label):
    "A Python codec name for a charset label, or None if Python doesn't know it."
    if not label:
        return None
    label = label.strip().lower()
    if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        label = "windows-1252"  # as browsers do (WHATWG Encoding)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(body, codec):
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(body, content_type=None, *, sniff_meta=True):
    """Decode a page's bytes; returns (text, encoding).

    Order: BOM (it wins, as in browsers), the header's charset, ``<meta
    charset>`` / ``http-equiv`` in the first 4 KB, strict UTF-8, then
    detection (charset-normalizer), then windows-1252 with replacement.
    A declared charset that fails to decode the bytes is skipped.
    """
    if isinstance(body, str):
        return body, "utf-8"
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(codec, errors="replace"), codec
    header = charset_from_content_type(content_type)
    meta = None
    if sniff_meta:
        found = _META_CHARSET.search(body[:4096])
        meta = (found.group(1) or found.group(2)).decode("ascii").lower() if found else None
    declared = [header, meta]
    if header in _DEFAULT_LABELS:
        if meta and _codec(meta) != _codec(header):
            declared = [meta, header]
        elif not body.isascii() and _try(body, "utf-8") is not None:
            return body.decode("utf-8"), "utf-8"  # valid UTF-8 is near-certain UTF-8
    for label in declared:
        codec = _codec(label)
        if codec and codec.startswith("utf-16"):
            codec = "utf-8"  # a <meta> cannot truthfully say utf-16 (WHATWG)
        text = _try(body, codec) if codec else None
        if text is not None:
            return text, codec
    text = _try(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    return _detect(body)


def _detect(body):
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is not None and best.encoding:
        return str(best), codecs.lookup(best.encoding).name
    return body.decode("windows-1252", errors="replace"), "cp1252"


# --- boilerplate pruning ----------------------------------------------------

_BOILERPLATE_CLASS = re.compile(
    r"donat|appeal|contribut|support-?(us|banner|box|module|cta)|paywall|newsletter|"
    r"subscri|related|recommend|read-?more|comment|share|social|promo|advert|sponsor|"
    r"cookie|breadcrumb|signup|sign-up|most-?(read|popular)|outbrain|taboola",
    re.IGNORECASE,
)
_APPEAL_LINK = re.compile(r"donat|/support|contribut|subscri|/membership|/join", re.IGNORECASE)
_APPEAL_TEXT = re.compile(
    r"\b(donat\w*|your support|support (us|our|independent)|contribut\w+ (today|now)|"
    r"subscribe|sign up|log in|register to|leave a comment|join the (conversation|discussion)|"
    r"comments? (below|are closed)|read more)\b",
    re.IGNORECASE,
)
_READER = re.compile(r"\b(you|your|us|our)\b", re.IGNORECASE)
_BLOCKS = ("p", "div", "section", "li", "h2", "h3", "h4", "h5", "h6", "aside", "blockquote")
_DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "button")


def _prune(tree):
    "Remove boilerplate trafilatura tends to keep when it sits inside the article."
    doomed = list(tree.iter(*_DROP_TAGS))
    for el in tree.xpath("//*[@class or @id]"):
        if el.tag not in _KEEP and _BOILERPLATE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            doomed.append(el)
    for link in tree.iter("a"):  # a box with a "donate"/"subscribe" link is an appeal
        if _APPEAL_LINK.search(link.get("href", "")):
            box = next(link.iterancestors("div", "section", "aside"), None)
            if box is not None and _is_small_box(box):
                doomed.append(box)
    for el in tree.iter("p", "li", "h2", "h3", "h4", "h5", "h6", "div"):
        if el.tag == "div" and _has_block_child(el):
            continue
        text = el.text_content()
        if len(text) < 400 and _APPEAL_TEXT.search(text) and _READER.search(text):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


_KEEP = ("html", "body", "main", "article")


def _is_small_box(el):
    "A box that is not, and does not hold, the article."
    if el.tag in _KEEP or next(el.iter("article", "main", "h1"), None) is not None:
        return False
    return len(el.text_content()) < 1500


def _has_block_child(el):
    return any(child.tag in _BLOCKS for child in el if isinstance(child.tag, str))


# --- metadata -----------------------------------------------------------------

_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "report", "webpage", "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting",
}


def _meta(tree, *names):
    "The content of the first <meta property|name|itemprop=…> among names."
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for el in tree.xpath(f"//meta[@{attr}=$name]", name=name):
                value = (el.get("content") or "").strip()
                if value:
                    return value
    return None


def _json_ld(tree):
    "Objects in the page's JSON-LD that describe an article, best first."
    found = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
                types = item.get("@type", [])
                types = [types] if isinstance(types, str) else types
                if any(str(t).lower() in _ARTICLE_TYPES for t in types):
                    found.append(item)
    found.sort(key=lambda item: "datePublished" not in item)
    return found


def _ld_value(objects, key):
    for item in objects:
        value = item.get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


_MONTHS = "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d", "%d.%m.%Y"


def iso_date(value):
    "YYYY-MM-DD from an ISO timestamp or a common written date, else None."
    if not value:
        return None
    value = " ".join(value.split())
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if match:
        try:
            return datetime.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    for fmt in _MONTHS:
        try:
            return datetime.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _published(tree, ld):
    candidates = [
        _meta(tree, "article:published_time"),
        _ld_value(ld, "datePublished"),
        _meta(tree, "datePublished", "date", "pubdate", "DC.date.issued"),
    ]
    for el in tree.xpath("//article//time | //time"):
        candidates.append(el.get("datetime") or el.text_content())
    for value in candidates:
        date = iso_date(value)
        if date:
            return date
    return None


def _language(tree, ld):
    value = (
        (tree.xpath("string(/html/@lang)") or "").strip()
        or _meta(tree, "og:locale", "language", "content-language")
        or next(
            (el.get("content") for el in tree.xpath("//meta[@http-equiv]")
             if el.get("http-equiv", "").lower() == "content-language"),
            None,
        )
        or _ld_value(ld, "inLanguage")
    )
    match = re.match(r"\s*([a-zA-Z]{2,3})\b", value or "")
    return match.group(1).lower() if match else None


def _http_url(value, base):
    if not value:
        return None
    url = urllib.parse.urljoin(base or "", value.strip())
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def _domain(url):
    host = urllib.parse.urlsplit(url or "").hostname or ""
    return host[4:] if host.startswith("www.") else host or None


def _title(tree, ld, publisher):
    title = _meta(tree, "og:title", "twitter:title") or _ld_value(ld, "headline")
    if not title:
        h1 = tree.xpath("//article//h1 | //h1")
        title = " ".join(h1[0].text_content().split()) if h1 else None
    if not title:
        title = " ".join((tree.findtext(".//title") or "").split()) or None
        if title and publisher:  # "Headline | Publisher" → "Headline"
            for sep in (" | ", " - ", " – ", " — ", " :: "):
                head, _, tail = title.rpartition(sep)
                if head and tail.strip().lower() == publisher.lower():
                    title = head.strip()
                    break
    return title


# --- the page -----------------------------------------------------------------


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _tree(html):
    if isinstance(html, bytes):
        html, _ = decode_html(html)
    html = _CONTROL.sub("", html.lstrip("\ufeff"))
    # lxml refuses str input carrying an XML encoding declaration
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _fallback_text(tree):
    "Text of the body without obvious boilerplate, when trafilatura finds no article."
    body = tree.find(".//body")
    if body is None:
        body = tree
    blocks = []
    for el in body.iter("h1", "h2", "h3", "p", "li", "blockquote", "pre", "td"):
        text = " ".join(el.text_content().split())
        if text and not _has_block_child(el):
            blocks.append(text)
    return "\n".join(blocks) or " ".join(body.text_content().split())


def extract_text(tree, url=None):
    "The article's main text from a parsed page (paragraphs joined by newlines)."
    _prune(tree)
    options = dict(url=url, include_comments=False, include_tables=True, deduplicate=False)
    # fast: trafilatura's own extractor only; its readability/jusText fallbacks
    # cost 4x the time and are only needed when it finds little.
    text = trafilatura.extract(tree, fast=True, favor_precision=True, **options)
    if not text or len(text) < 500:
        full = trafilatura.extract(tree, favor_recall=True, **options)
        if full and len(full) > len(text or ""):
            text = full
    if not text:
        text = _fallback_text(tree)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def parse_html(html, url=None):
    """Article text and metadata from an HTML page (str, or bytes to decode).

    Returns a dict with keys text, title, publisher, published (YYYY-MM-DD),
    language (ISO 639-1), canonical_url; missing values are None and text is
    "" for a page with no text. Malformed HTML is parsed leniently.
    """
    tree = _tree(html)
    if tree is None:
        return dict.fromkeys(("title", "publisher", "published", "language", "canonical_url"), None) | {"text": ""}
    ld = _json_ld(tree)
    canonical = None
    for el in tree.xpath("//link[@href]"):
        if "canonical" in (el.get("rel") or "").lower().split():
            canonical = _http_url(el.get("href"), url)
            break
    canonical = canonical or _http_url(_meta(tree, "og:url"), url)
    publisher = _meta(tree, "og:site_name") or _ld_value(ld, "publisher") or _domain(url or canonical)
    metadata = {
        "title": _title(tree, ld, publisher),
        "publisher": publisher,
        "published": _published(tree, ld),
        "language": _language(tree, ld),
        "canonical_url": canonical,
    }
    return {"text": extract_text(tree, url=url)} | metadata
