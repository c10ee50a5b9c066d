"""How dates, titles and tooltips read in the window (plain Python, no Qt).

One place for the wording, so the tables, the reader and the dialogs agree.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from datetime import datetime, timedelta

from timeline_app.articles import CONFIDENT_PUBLISHED, Article, PublishedSource, display_title
from timeline_app.events.model import Event, EventKind
from timeline_app.temporal.timex import Precision

# TIMEX3 ``mod`` values as a reader would say them before the date.
_MOD_WORDS = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "by",
    "ON_OR_AFTER": "from",
    "LESS_THAN": "under",
    "MORE_THAN": "over",
    "EQUAL_OR_LESS": "at most",
    "EQUAL_OR_MORE": "at least",
}


TITLE_LIMIT = 90


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally.

    Qt renders any tooltip that looks like HTML as rich text; article content
    (titles, reasons, paths) is untrusted, so it is escaped and wrapped.
    """
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def article_title(article: Article) -> str:
    """What to call an article: its title, else its opening words; never its file path."""
    return display_title(article) or f"Article {article.id}"


# Dates the machine reasoned out of the text are marked "≈" (a dateline is read, not reasoned).
INFERRED_SOURCES = (PublishedSource.INFERRED, PublishedSource.UNKNOWN)
# Under this confidence an inferred day is almost never right (1-3% within a week,
# 25-40% within a year, benchmarks/eval_pubdate.py): only the year is shown.
YEAR_ONLY_BELOW = 0.1
_SOURCE_WORDS = {
    PublishedSource.METADATA: "from the file's metadata",
    PublishedSource.DATELINE: "from the dateline",
    PublishedSource.INFERRED: "inferred from the text",
    PublishedSource.USER: "set by the user",
    PublishedSource.UNKNOWN: "not known",
}


def published_is_guess(article: Article) -> bool:
    """Whether the date was read from the text with low confidence (shown dimmer)."""
    confidence = article.published_confidence
    return (
        article.published is not None
        and confidence is not None
        and confidence < CONFIDENT_PUBLISHED
    )


def published_text(article: Article) -> str:
    """The library's date cell: how sure it is shows in the text, not only on hover.

    ``2024-01-08`` written in the file or set by the user; ``≈ 2024-01-08``
    inferred with confidence; ``≈ 2024-01-08?`` a low-confidence inference
    (a dateline whose year was a guess is ``2024-01-08?``); ``≈ 2024?`` when
    even the month is hardly better than chance.
    """
    if article.published is None:
        return "unknown"
    day = article.published.isoformat()
    inferred = article.published_source in INFERRED_SOURCES
    marker = "≈ " if inferred else ""
    if not published_is_guess(article):
        return marker + day
    confidence = article.published_confidence or 0.0
    if inferred and confidence < YEAR_ONLY_BELOW:
        return f"{marker}{article.published.year:04d}?"
    return f"{marker}{day}?"


def published_how(article: Article) -> str:
    """Where the date came from, with how sure a date read from the text is:
    "inferred, confidence 0.58", "inferred, confidence 0.12, a guess", "metadata"."""
    how = article.published_source.value
    confidence = article.published_confidence
    if article.published is None or confidence is None:
        return how
    if published_is_guess(article):
        return f"{how}, confidence {confidence:.2f}, a guess"
    return f"{how}, confidence {confidence:.2f}"


def published_tooltip(article: Article) -> str:
    """Where the date came from, how sure (for dates read from the text), and why.

    E.g. "Publication date inferred from the text (confidence 0.62): latest
    explicit date …". A guess says so and names the day it stands for.
    """
    how = _SOURCE_WORDS.get(article.published_source, article.published_source.value)
    confidence = article.published_confidence
    if article.published is not None and confidence is not None:
        how += f" (confidence {confidence:.2f})"
    said = article.published_reason
    reason = f": {said}" if said and said != _SOURCE_WORDS.get(article.published_source) else ""
    tip = f"Publication date {how}{reason}"
    if published_is_guess(article) and article.published is not None:
        tip += f"\nA guess: stored as {article.published.isoformat()}; double-click to correct it."
    return tip


def format_when(
    start: datetime, end: datetime, precision: Precision, mod: str | None = None
) -> str:
    """A date as precise as it is known: ``2024-01-04``, ``2023-10``, ``late 2017``, a - b."""
    last = end - timedelta(microseconds=1) if end > start else end

    def one(moment: datetime) -> str:
        # isoformat, not strftime: %Y drops the leading zeros of years before 1000.
        if precision >= Precision.MINUTE:
            return moment.isoformat(sep=" ", timespec="minutes")
        if precision >= Precision.DAY:
            return moment.date().isoformat()
        if precision >= Precision.MONTH:
            return moment.date().isoformat()[:7]
        return f"{moment.year:04d}"

    if precision == Precision.WEEK and (last - start).days < 7:
        text = f"week of {start.date().isoformat()}"
    else:
        first_text, last_text = one(start), one(last)
        text = first_text if first_text == last_text else f"{first_text} – {last_text}"
    if not mod:
        return text
    word = _MOD_WORDS.get(mod.upper())
    return f"{word} {text}" if word else f"{text} ({mod.lower()})"


def event_when(event: Event) -> str:
    """How the Date column and the reader show an event's time."""
    text = format_when(event.start, event.end, event.precision, event.mod)
    if event.kind == EventKind.ONGOING:
        return f"since {text.split(' – ')[0]}"
    return text


def checked_ids_text(ids: Collection[int] | None, total: int) -> str:
    """Status text for the article filter ("all 12 articles", "3 of 12 articles")."""
    if ids is None:
        return f"all {total} article{'s' if total != 1 else ''}"
    return f"{len(ids)} of {total} articles"
