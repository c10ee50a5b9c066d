"""Articles as the rest of the app sees them, independent of how they are stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


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
