"""Saved web pages: the article's text, title, outlet and publication date.

The libraries made for this do the reading: trafilatura finds the main text
(on 2,170 annotated news pages: bag-of-words F1 .955, where our former
hand-written boilerplate filter scored .675) and the title, author, site name,
URL and categories; the publication day is the one the page labels as such,
else what htmldate finds (see ``pubdate.web_page``). Both are imported on
first use: starting the app or reading a text file does not pay for them.

Offline always. The page is parsed here, once, with lxml into a tree, and the
libraries are handed that tree, never a string: htmldate downloads a string
that looks like a URL (a file whose whole content is "http://..."), and
nothing may be fetched for an article. lxml's HTML parser loads no DTD,
entity or resource, and no script runs. A URL the page records of itself
(``<link rel=canonical>``, ``og:url``) is passed on as metadata only.
"""

from __future__ import annotations

import itertools

from lxml.etree import ParserError
from lxml.html import HtmlElement, document_fromstring

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.ingest.errors import ReaderError
from timeline_app.ingest.html_title import choose_headline, same_title
from timeline_app.ingest.pubdate.web_page import htmldate_settings, page_date

# Fewer words than this is not an article's text: the page is still imported
# (its title or date is worth having), with a warning.
THIN_TEXT_WORDS = 30
# A block shorter than this whose text is more than this share links is a
# pointer to other pages (related stories, "read more"), not the story.
LINK_BLOCK_MAX_CHARS = 300
LINK_DENSITY = 0.5
_LINK_BLOCK_TAGS = frozenset({"p", "quote", "item", "list", "head", "row", "table"})
# Back matter: labels of at most this many words, blocks of at most this size.
LABEL_WORDS = 6
HEADING_WORDS = 12
_SENTENCE_ENDS = (".", "!", "?", "\u201d", '"')
BACK_MATTER_BLOCK_CHARS = 300
# Without a title or a date, a few words ("Menu", "Loading...") are not an article.
MIN_WORDS_ALONE = 5


def parse_html(html: str, *, path: str = "") -> ParsedArticle:
    """One article from the decoded contents of a web page; ReaderError when nothing is readable.

    A page whose article text is thin (a notice, a video page) but that has a
    title or a date is imported, and ``read_warning`` says so.
    """
    tree = _parse_tree(html)
    own_url = _own_url(tree)
    extracted = _extract(tree, own_url) or _metadata_only(tree, own_url)
    title = choose_headline(extracted.title or "", tree)
    text = _without_headline(_story_text(extracted), title)
    found = page_date(tree, extracted.date)
    if len(text.split()) < THIN_TEXT_WORDS and (recalled := _extract(tree, own_url, recall=True)):
        # Little text: ask trafilatura again, favouring recall (a page built
        # of unusual blocks, where its balanced mode keeps only a slogan).
        longer = _without_headline(_story_text(recalled), title)
        text = longer if len(longer.split()) > len(text.split()) else text
    if not text and (title or found.day is not None):
        # trafilatura keeps nothing it cannot tell from furniture; a short
        # notice page still has its words.
        text = _fallback_text(tree)
    words = len(text.split())
    shown = f"only {words} word{'s' if words != 1 else ''} of article text found in the page"
    warning = ""
    if words < THIN_TEXT_WORDS:
        if words < MIN_WORDS_ALONE and not title and found.day is None:
            raise ReaderError(f"nothing readable: {shown}, and no title or date")
        if not text and not title:
            raise ReaderError("nothing readable: only a date found in the page")
        warning = f"{shown}; imported all the same"
    text = text or title
    extra = dict(found.extra or {})
    if extracted.author:
        extra["author"] = extracted.author
    if extracted.categories:
        extra["categories"] = "; ".join(extracted.categories)
    return ParsedArticle(
        text=text,
        title=title,
        source=extracted.sitename or "",
        url=own_url or extracted.url or "",
        path=path,
        published=found.day,
        published_source=PublishedSource.METADATA if found.day else PublishedSource.UNKNOWN,
        published_reason=found.reason,
        published_problem=found.problem,
        extra=extra,
        read_warning=warning,
    )


def _parse_tree(html: str) -> HtmlElement:
    """The page as an lxml tree (tolerant of broken markup; never fetches anything)."""
    # lxml refuses str input that declares its own encoding; the text is decoded already.
    if html.lstrip().startswith("<?xml"):
        html = html[html.find("?>") + 2 :] if "?>" in html else html
    try:
        return document_fromstring(html)
    except (ParserError, ValueError) as error:
        # Only whitespace or comments: nothing to parse.
        raise ReaderError(f"no HTML content in the page ({error})") from None


def _own_url(tree: HtmlElement) -> str:
    """The URL the page records of itself, if any (metadata only: never opened)."""
    for found in (
        tree.xpath(
            '//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href'
        ),
        tree.xpath('//meta[@property="og:url" or @name="og:url"]/@content'),
    ):
        for value in found:
            value = str(value).strip()
            if value.startswith(("http://", "https://")):
                return value
    return ""


def _extract(tree: HtmlElement, own_url: str, recall: bool = False):  # type: ignore[no-untyped-def]
    """trafilatura's reading of the page: text and metadata, or None when it finds no text."""
    from trafilatura import bare_extraction

    # trafilatura's balanced mode already retries with its recall settings when
    # an extraction covers little of the page; forcing recall everywhere kept
    # more furniture and no more article text on the 80 annotated pages
    # (benchmarks/eval_html.py: body 71 vs 73 of 80, no furniture 62 vs 63).
    return bare_extraction(
        tree,
        url=own_url or None,
        favor_recall=recall,
        include_comments=False,
        include_tables=True,
        include_links=True,  # to tell pointers to other pages from the story
        with_metadata=not recall,
        date_extraction_params=date_search_settings(),
    )


def _metadata_only(tree: HtmlElement, own_url: str):  # type: ignore[no-untyped-def]
    """Title, date and site of a page in which trafilatura found no article text."""
    from trafilatura.metadata import extract_metadata

    return extract_metadata(tree, own_url or None, date_search_settings())


def date_search_settings() -> dict[str, object]:
    """htmldate's settings for trafilatura: searching the whole page, and a date in
    the page's URL only when the page itself names none (see ``htmldate_settings``)."""
    return {**htmldate_settings(extensive_search=True), "deferred_url_extractor": True}


def _story_text(extracted) -> str:  # type: ignore[no-untyped-def]
    """The extracted text without blocks that are mostly a link to another page.

    "PUEDES VER: <a>Another story</a>", "Read more: <a>...</a>", a list of
    headlines: whatever the language, a short block whose words are mostly a
    link points elsewhere; it is not the story.
    """
    from lxml.etree import strip_tags
    from trafilatura.xml import xmltotxt

    body = getattr(extracted, "body", None)
    if body is None:
        return _paragraphs(extracted.text or "")
    _drop_link_blocks(body)
    _drop_back_matter(body)
    strip_tags(body, "ref")
    return _paragraphs(xmltotxt(body, False))


def _drop_link_blocks(element) -> None:  # type: ignore[no-untyped-def]
    for child in list(element):
        if child.tag in _LINK_BLOCK_TAGS and _is_link_block(child):
            _remove_keeping_tail(child)
        else:
            _drop_link_blocks(child)


def _is_link_block(block) -> bool:  # type: ignore[no-untyped-def]
    text = " ".join("".join(block.itertext()).split())
    linked = sum(len(" ".join("".join(r.itertext()).split())) for r in block.iter("ref"))
    return 0 < len(text) < LINK_BLOCK_MAX_CHARS and linked > LINK_DENSITY * len(text)


def _drop_back_matter(body) -> None:  # type: ignore[no-untyped-def]
    """Drop what trails the story: a label with no story after it.

    Three shapes, in any language: a heading or short line that ends the text
    ("More on this topic", "Tags") or is directly followed by another heading
    (a heading whose content was a link list); and, in the last third, a short
    label ending in a colon after which only short blocks follow to the end
    ("Further reading:", "Contact:", then references and addresses).
    """
    blocks = [b for b in body if _words(b)]
    sizes = [len(" ".join(_words(b))) for b in blocks]
    seen = 0
    for index, block in enumerate(blocks):
        seen += sizes[index]
        words = _words(block)
        if (
            seen > sum(sizes) * 2 / 3
            and len(words) <= LABEL_WORDS
            and words[-1].endswith(":")
            and all(size <= BACK_MATTER_BLOCK_CHARS for size in sizes[index + 1 :])
        ):
            for trailing in blocks[index:]:
                _remove_keeping_tail(trailing)
            break
    blocks = [b for b in body if _words(b)]
    while blocks and _is_label(blocks[-1]):
        _remove_keeping_tail(blocks.pop())
    for block, following in itertools.pairwise(blocks):
        if block.tag == "head" == following.tag and _is_label(block):
            _remove_keeping_tail(block)


def _words(block) -> list[str]:  # type: ignore[no-untyped-def]
    return "".join(block.itertext()).split()


def _is_label(block) -> bool:  # type: ignore[no-untyped-def]
    """A few words without a sentence's end: a label, not story.

    Pages also style whole paragraphs as headings, so a heading counts only
    when it is short too (at most ``HEADING_WORDS``; other blocks ``LABEL_WORDS``).
    """
    words = _words(block)
    limit = HEADING_WORDS if block.tag == "head" else LABEL_WORDS
    return len(words) <= limit and not words[-1].endswith(_SENTENCE_ENDS)


def _remove_keeping_tail(element) -> None:  # type: ignore[no-untyped-def]
    parent = element.getparent()
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _paragraphs(text: str) -> str:
    """trafilatura's lines as paragraphs apart by blank lines, as the other readers give them."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _without_headline(text: str, title: str) -> str:
    """The text without the headline it opens with (the title already shows it)."""
    first, _, rest = text.partition("\n\n")
    return rest if title and rest and same_title(first, title) else text


def _fallback_text(tree: HtmlElement) -> str:
    """Whatever readable text the page has when trafilatura found too little (a short notice)."""
    from trafilatura import html2txt

    return _paragraphs(html2txt(tree))
