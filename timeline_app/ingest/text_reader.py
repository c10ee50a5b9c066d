"""Plain-text and Markdown articles.

Accepted shapes, tried in order:

* YAML-style front matter between ``---`` lines (only flat ``key: value``
  pairs are read; nothing is evaluated);
* header lines at the top (``Title:``, ``Date:``/``Published:``, ``Source:``,
  ``URL:``; other ``Key: value`` lines in that block are kept as extras) ended
  by a blank line;
* otherwise the first non-empty line is the title (a Markdown ``# Heading``
  loses its hashes) and the rest is the text.
"""

from __future__ import annotations

import re

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.ingest.errors import ReaderError, UnreadableDate
from timeline_app.ingest.pubdate.metadata import (
    ALTERNATIVE_KEY,
    alternative_reading,
    parse_metadata_date,
    shown_value,
    unreadable_date_problem,
)

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*)$")  # value stripped by callers
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "date", "publication date", "pubdate", "published_at", "publishedat")
_SOURCE_KEYS = ("source", "publisher", "site")
_URL_KEYS = ("url", "link", "canonical")
_KNOWN_HEADER_KEYS = {*_TITLE_KEYS, *_DATE_KEYS, *_SOURCE_KEYS, *_URL_KEYS}
_MARKDOWN_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*)$")


def parse_text(text: str, *, path: str = "", markdown: bool = False) -> ParsedArticle:
    """One article from the decoded contents of a ``.txt`` or ``.md`` file."""
    fields, body = _front_matter(text)
    if fields is None:
        fields, body = _header_block(text)
    title = _first(fields, _TITLE_KEYS)
    body = body.strip("\n")
    if not title:
        title, body = _title_line(body, markdown=markdown)
    if markdown:
        body = plain_markdown(body)
    if not body.strip():
        raise ReaderError("no article text found")
    published = None
    source = PublishedSource.UNKNOWN
    reason = ""
    used = {k for k in _KNOWN_HEADER_KEYS if k in fields}
    # ALTERNATIVE_KEY is the reader's own note to the importer: a file cannot set it.
    extra = {k: v for k, v in fields.items() if k not in used and k != ALTERNATIVE_KEY}
    problem = ""
    for key in _DATE_KEYS:
        if fields.get(key):
            try:
                published = parse_metadata_date(fields[key], field=f"'{key}:' header")
            except UnreadableDate as error:
                # The article is worth more than its broken header: import it,
                # dated from its words, and let the import report say so.
                written = f"header '{key.capitalize()}: {shown_value(fields[key])}'"
                problem = unreadable_date_problem(written, error)
                break
            source = PublishedSource.METADATA
            reason = f"'{key}:' header in the file"
            if alternative := alternative_reading(fields[key]):
                extra[ALTERNATIVE_KEY] = alternative.isoformat()
            break
    return ParsedArticle(
        text=body,
        title=title,
        source=_first(fields, _SOURCE_KEYS),
        url=_first(fields, _URL_KEYS),
        path=path,
        published=published,
        published_source=source,
        published_reason=reason,
        extra=extra,
        published_problem=problem,
    )


# Bounded repeats keep every pattern linear on hostile input (a 1 MB line of "[" or "**").
_MD_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\([^()\s]{0,2000}\)")
_MD_HEADING_MARK = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*)$", re.MULTILINE)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1")
_MD_FENCE = re.compile(r"^[ ]{0,3}(```|~~~).*$\n?", re.MULTILINE)


def plain_markdown(text: str) -> str:
    """Markdown shown as the plain text a reader sees: link texts, no heading or bold marks.

    Only the marks that would otherwise clutter the reading pane are removed;
    list bullets and quotes stay, as they read naturally.
    """
    text = _MD_FENCE.sub("", text)
    text = _MD_IMAGE_OR_LINK.sub(r"\1", text)
    text = _MD_HEADING_MARK.sub(lambda m: m.group(1).rstrip().rstrip("#").rstrip(), text)
    return _MD_STRONG.sub(r"\2", text)


def _first(fields: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((fields[k] for k in keys if fields.get(k)), "")


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _front_matter(text: str) -> tuple[dict[str, str] | None, str]:
    """``---`` fenced key/value pairs at the very top; ``(None, text)`` when absent."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text
    for index, line in enumerate(lines[1:80], start=1):
        if line.strip() in ("---", "..."):
            fields = {}
            for entry in lines[1:index]:
                match = _HEADER_LINE.match(entry)
                if match:
                    fields[match.group(1).strip().lower()] = _unquote(match.group(2))
            return fields, "\n".join(lines[index + 1 :])
    return None, text


def _header_block(text: str) -> tuple[dict[str, str], str]:
    """``Key: value`` lines at the top ended by a blank line, if one of them is a known key."""
    lines = text.lstrip("\n").split("\n")
    fields: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if any(k in _KNOWN_HEADER_KEYS for k in fields):
                return fields, "\n".join(lines[index + 1 :])
            break
        match = _HEADER_LINE.match(line)
        if not match or index >= 20:
            break
        fields[match.group(1).strip().lower()] = _unquote(match.group(2))
    return {}, text


def _title_line(body: str, *, markdown: bool) -> tuple[str, str]:
    """First non-empty line as the title; the rest is the text (or the line itself if alone)."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if line.strip():
            title = line.strip()
            if markdown and (match := _MARKDOWN_HEADING.match(line)):
                title = match.group(1).rstrip().rstrip("#").rstrip()
            rest = "\n".join(lines[index + 1 :]).strip("\n")
            if len(title) > 300:  # a paragraph, not a title
                return title[:120].rsplit(" ", 1)[0] + "…", body
            return title, rest if rest.strip() else line.strip()
    return "", body
