"""Articles as the rest of the app sees them, independent of how they are stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from urllib.parse import urlsplit

# Below this confidence a date read from the text is shown as a guess. Measured
# with benchmarks/eval_pubdate.py (dates hidden): answers at 0.4 or more were
# within a week of the truth 77-90% of the time, those under it 0-43%.
CONFIDENT_PUBLISHED = 0.4


class PublishedSource(StrEnum):
    """Where an article's publication date came from; shown to the user."""

    METADATA = "metadata"  # a header line, meta tag, JSON field or TimeML DCT
    DATELINE = "dateline"  # "BAGHDAD, Jan. 8 (Reuters) -"
    INFERRED = "inferred"  # reasoned from the article's own time expressions
    USER = "user"  # set by the user; never overwritten by the machine
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """What a reader extracted from one file (or one record of a JSON file)."""

    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    path: str = ""
    published: date | None = None
    published_source: PublishedSource = PublishedSource.UNKNOWN
    published_reason: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    # How sure the machine is of a date it read from the text (see ``Article``).
    published_confidence: float | None = None
    # A date the file claimed but that is no date ("Date: 2024-02-30"): the
    # article is still imported, dated from its text, and the import warns.
    published_problem: str = ""
    # Something the reader noticed that the user should hear of, though the
    # article is imported ("only 12 words of article text found in the page").
    read_warning: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article."""

    id: int
    title: str
    text: str
    source: str
    url: str
    path: str
    published: date | None
    published_source: PublishedSource
    published_reason: str
    content_hash: str
    imported_at: datetime
    # The probability (0..1) that a date the machine read from the article's
    # own words (inferred, or a dateline, whose year may have been completed)
    # is within a week of the truth. None when the question does not arise:
    # a date written in the metadata, one the user set, or no date at all.
    published_confidence: float | None = None


_NAME_LIMIT = 90


def display_title(article: Article | ParsedArticle) -> str:
    """An article's title on one line; for one stored without, its first words.

    Never a file path and never "(untitled)": imports and migration 0005 give
    every article a title, and this covers rows written any other way.
    """
    title = " ".join(article.title.split())
    if title:
        return title
    for line in article.text[: _NAME_LIMIT * 20].splitlines():
        words = " ".join(line.split())
        if words:
            return words if len(words) <= _NAME_LIMIT else _cut(words)
    return ""


def _cut(words: str) -> str:
    """``words`` cut at the last space before the limit, with "…" (at most the limit long)."""
    cut = words.rfind(" ", 0, _NAME_LIMIT)
    if cut < _NAME_LIMIT // 2:
        cut = _NAME_LIMIT - 1
    return words[:cut].rstrip(" ,;:") + "…"


def outlet_of(article: Article | ParsedArticle) -> str:
    """Who published the article: its ``source`` (a record's field, a page's site
    name), else the host of its URL ("www." dropped); "" when neither is known.

    Never the file path: a path names where the user saved it, not who wrote it.
    """
    source = " ".join(article.source.split())
    if source:
        return source
    host = urlsplit(article.url.strip()).hostname if article.url.strip() else None
    if not host:
        return ""
    return host.removeprefix("www.")


def article_name(article: Article | ParsedArticle) -> str:
    """How other views name an article: "Title (outlet)", or the title alone."""
    outlet = outlet_of(article)
    title = display_title(article)
    return f"{title} ({outlet})" if outlet else title
