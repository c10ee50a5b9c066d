"""Saved web pages: title, publication date and the article's plain text.

Built on the standard library's tolerant ``html.parser``: scripts are never
run, nothing remote is fetched (there is no network code here at all), and
malformed markup (unclosed tags, stray end tags) degrades gracefully. The
main text is the ``<article>`` (else ``<main>``/``role=main``, else
``<body>``) with navigation, headers, footers, asides, forms, figures and
blocks whose class or id marks them as ads, menus, sharing or comment
widgets left out.

Date sources, most trusted first: ``article:published_time``-style meta tags,
JSON-LD ``datePublished``, ``itemprop=datePublished``, then the first
``<time datetime>`` inside the article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.ingest.errors import ReaderError, UnreadableDate
from timeline_app.ingest.pubdate.metadata import (
    parse_metadata_date,
    shown_value,
    unreadable_date_problem,
)

_SKIPPED_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "iframe",
        "object",
        "embed",
        "figure",
        "canvas",
        "video",
        "audio",
        "dialog",
    ]
)
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "br",
        "hr",
        "address",
        "figcaption",
        "details",
        "summary",
    ]
)
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|advert\w*|ads?|sponsor\w*|promo\w*|"
    r"sidebar|footer|masthead|cookie\w*|consent|share|sharing|social|related|comments?|"
    r"newsletter|subscribe|paywall|popup|modal|banner)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_SOURCE_META = ("og:site_name", "application-name", "publisher")
# A block shorter than this whose text is more than this share links is navigation.
LINK_BLOCK_MAX_CHARS = 300
LINK_DENSITY = 0.5
_UNFINISHED_TAG = re.compile(r"<[A-Za-z!/?][^<>]*\Z")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


class _PageParser(HTMLParser):
    """Collects text blocks with the scopes they sit in, plus metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, str]] = []  # (tag, starts a skipped region, scope)
        self.skip_depth = 0
        self.scopes = {"article": 0, "main": 0, "body": 0}
        self.blocks: dict[str, list[str]] = {"article": [], "main": [], "body": [], "all": []}
        self.current: list[str] = []
        self.current_link_chars = 0  # of the block being collected, how much sits in links
        self.link_depth = 0
        self.head_depth = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] | None = None
        self.title = ""
        self.h1 = ""
        self.h1_parts: list[str] | None = None
        self.json_ld: list[str] = []
        self.json_ld_parts: list[str] | None = None
        self.time_values: list[tuple[bool, str]] = []  # (inside article, datetime attribute)
        self.item_dates: list[str] = []
        self.canonical = ""

    # -- structure -----------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        self._metadata(tag, attributes)
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _VOID_TAGS:
            return
        skipped = tag in _SKIPPED_TAGS or self._is_boilerplate(attributes)
        if tag == "script" and "ld+json" in attributes.get("type", "").lower():
            self.json_ld_parts = []
        role = attributes.get("role", "").lower()
        scope = "main" if role == "main" else tag
        self.stack.append((tag, skipped, scope))
        if skipped:
            self.skip_depth += 1
        if scope in self.scopes:
            self.scopes[scope] += 1
        if tag == "a":
            self.link_depth += 1
        elif tag == "head":
            self.head_depth += 1
        if tag == "title" and self.title_parts is None and not self.title and not self.skip_depth:
            self.title_parts = []
        if tag == "h1" and not self.h1 and self.h1_parts is None:
            self.h1_parts = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            if tag in _BLOCK_TAGS:
                self._flush()
            return
        if not any(open_tag == tag for open_tag, _, _ in self.stack):
            return  # stray end tag in malformed markup
        if tag in _BLOCK_TAGS or tag in ("title", "h1", "script"):
            self._flush()
        while self.stack:
            open_tag, skipped, scope = self.stack.pop()
            self._closed(open_tag, skipped, scope)
            if open_tag == tag:
                break

    def _closed(self, tag: str, skipped: bool, scope: str) -> None:
        if tag == "a":
            self.link_depth -= 1
        elif tag == "head":
            self.head_depth -= 1
        if skipped:
            self.skip_depth -= 1
        if scope in self.scopes:
            self.scopes[scope] -= 1
        if tag == "title" and self.title_parts is not None:
            self.title = _squash("".join(self.title_parts))
            self.title_parts = None
        if tag == "h1" and self.h1_parts is not None:
            self.h1 = _squash("".join(self.h1_parts))
            self.h1_parts = None
        if tag == "script" and self.json_ld_parts is not None:
            self.json_ld.append("".join(self.json_ld_parts))
            self.json_ld_parts = None

    def handle_data(self, data: str) -> None:
        if self.json_ld_parts is not None:
            self.json_ld_parts.append(data)
            return
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if not self.skip_depth and not self.head_depth:
            self.current.append(data)
            if self.link_depth:
                self.current_link_chars += len(data.strip())

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if not self.current:
            return
        text = _squash("".join(self.current))
        linked = self.current_link_chars
        self.current = []
        self.current_link_chars = 0
        if not text or _is_link_list(text, linked):
            return
        self.blocks["all"].append(text)
        for scope in ("article", "main", "body"):
            if self.scopes[scope] > 0:
                self.blocks[scope].append(text)

    @staticmethod
    def _is_boilerplate(attributes: dict[str, str]) -> bool:
        if attributes.get("role", "").lower() in _BOILERPLATE_ROLES:
            return True
        if "hidden" in attributes or attributes.get("aria-hidden") == "true":
            return True
        marks = f"{attributes.get('class', '')} {attributes.get('id', '')}"
        return bool(_BOILERPLATE.search(marks))

    # -- metadata ------------------------------------------------------

    def _metadata(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "meta":
            key = (
                attributes.get("property")
                or attributes.get("name")
                or attributes.get("itemprop")
                or ""
            ).lower()
            if key and "content" in attributes and key not in self.meta:
                self.meta[key] = attributes["content"]
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href", "")
        elif tag == "time" and attributes.get("datetime"):
            self.time_values.append((self.scopes["article"] > 0, attributes["datetime"]))
        if attributes.get("itemprop", "").lower() == "datepublished":
            value = attributes.get("datetime") or attributes.get("content")
            if value:
                self.item_dates.append(value)


def _is_link_list(text: str, linked_chars: int) -> bool:
    """A short block that is mostly links: "Related", "Read more", tag clouds, menus."""
    return len(text) < LINK_BLOCK_MAX_CHARS and linked_chars > LINK_DENSITY * len(text)


def _squash(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return " ".join(line for line in lines if line)


def _json_ld_dates(payload: object) -> Iterator[str]:
    if isinstance(payload, dict):
        for key, value in payload.items():
            if key in ("datePublished", "dateCreated") and isinstance(value, str):
                yield value
            elif isinstance(value, (dict, list)):
                yield from _json_ld_dates(value)
    elif isinstance(payload, list):
        for item in payload:
            yield from _json_ld_dates(item)


def parse_html(html: str, *, path: str = "") -> ParsedArticle:
    """One article from the decoded contents of a web page."""
    parser = _PageParser()
    try:
        # A tag cut off at the end of a truncated file would otherwise come out as text.
        parser.feed(_UNFINISHED_TAG.sub("", html))
        parser.close()
    except (AssertionError, ValueError) as error:  # html.parser's rare hard failures
        raise ReaderError(f"malformed HTML: {error}") from None
    blocks = next(
        (parser.blocks[s] for s in ("article", "main", "body", "all") if parser.blocks[s]), []
    )
    text = "\n\n".join(blocks)
    if not text.strip():
        raise ReaderError("no article text found in the page")
    title = parser.meta.get("og:title") or parser.h1 or parser.title
    published, reason, problem = _find_date(parser)
    return ParsedArticle(
        text=text,
        title=_squash(title),
        source=next((parser.meta[k] for k in _SOURCE_META if parser.meta.get(k)), ""),
        url=parser.meta.get("og:url") or parser.canonical,
        path=path,
        published=published,
        published_source=PublishedSource.METADATA if published else PublishedSource.UNKNOWN,
        published_reason=reason,
        published_problem=problem,
    )


def _find_date(parser: _PageParser) -> tuple[date | None, str, str]:
    """First valid date among the page's date candidates, its reason, and a problem.

    Invalid candidates are passed over; only when no candidate is valid is
    the first invalid one named as the problem (the article is then dated
    from its text, and the import warns).
    """
    candidates: list[tuple[str, str]] = [
        (parser.meta[key], f"<meta {key}> in the page") for key in _DATE_META if key in parser.meta
    ]
    for block in parser.json_ld:
        try:
            payload = json.loads(block)
            found = list(_json_ld_dates(payload))
        except (ValueError, RecursionError):
            continue  # broken or absurdly nested JSON-LD: other date sources remain
        candidates += [(value, "JSON-LD datePublished") for value in found]
    candidates += [(value, "itemprop=datePublished") for value in parser.item_dates]
    candidates += [
        (value, "<time> in the article") for inside, value in parser.time_values if inside
    ]
    problem = ""
    for raw, reason in candidates:
        try:
            return parse_metadata_date(raw), reason, ""
        except UnreadableDate as error:
            if not problem:
                problem = unreadable_date_problem(f"{reason} '{shown_value(raw)}'", error)
    return None, "", problem
