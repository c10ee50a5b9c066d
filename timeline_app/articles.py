"""Articles as the rest of the app sees them, independent of how they are stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

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
