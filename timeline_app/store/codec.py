"""Conversions between database rows and domain values.

Kept apart from the repository so the mapping of every column is in one
short, testable place (round-trip property tests live in tests/store).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from timeline_app.articles import Article, PublishedSource
from timeline_app.events.model import Event, EventKind
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType

_EPOCH = datetime(1970, 1, 1)


def to_seconds(moment: datetime) -> int:
    """Whole seconds since 1970-01-01; aware datetimes are taken in UTC, naive ones as is."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    delta = moment - _EPOCH
    return delta.days * 86_400 + delta.seconds


@lru_cache(maxsize=65_536)
def from_seconds(seconds: int) -> datetime:
    """Inverse of :func:`to_seconds` (naive datetime); cached, as events share day bounds."""
    return _EPOCH + timedelta(seconds=seconds)


# Enum lookups by value through plain dicts: Enum(value) costs microseconds,
# which adds up when the timeline loads thousands of events.
PRECISION_BY_VALUE = {int(p): p for p in Precision}
KIND_BY_VALUE = {k.value: k for k in EventKind}


def content_hash(text: str) -> str:
    """Identity of an article's content: the same words twice are one article.

    Unicode is NFC-normalised and runs of whitespace collapsed first, so a file
    re-saved with other line endings or indentation is still recognised.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # str.split() and the regex \s agree on every code point (checked in tests);
    # joining the split is 4x faster than re.sub on article-sized texts.
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def date_or_none(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        text=row["text"],
        source=row["source"],
        url=row["url"],
        path=row["path"],
        published=date_or_none(row["published"]),
        published_source=PublishedSource(row["published_source"]),
        published_reason=row["published_reason"],
        content_hash=row["content_hash"],
        imported_at=datetime.fromisoformat(row["imported_at"]),
        published_confidence=row.get("published_confidence"),
    )


def timex_to_row(article_id: int, timex: Timex) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "char_start": timex.start,
        "char_end": timex.end,
        "text": timex.text,
        "type": timex.type.value,
        "value": timex.value,
        "mod": timex.mod,
        "interval_start": timex.interval.start.isoformat() if timex.interval else None,
        "interval_end": timex.interval.end.isoformat() if timex.interval else None,
        "precision": int(timex.precision) if timex.precision is not None else None,
        "rule": timex.rule,
        "anchor_kind": timex.anchor_kind.value,
        "anchor_value": timex.anchor_value,
    }


def timex_from_row(row: dict[str, Any]) -> Timex:
    interval = None
    if row["interval_start"] is not None and row["interval_end"] is not None:
        interval = Interval(
            datetime.fromisoformat(row["interval_start"]),
            datetime.fromisoformat(row["interval_end"]),
        )
    return Timex(
        start=row["char_start"],
        end=row["char_end"],
        text=row["text"],
        type=TimexType(row["type"]),
        value=row["value"],
        mod=row["mod"],
        interval=interval,
        precision=Precision(row["precision"]) if row["precision"] is not None else None,
        rule=row["rule"],
        anchor_kind=AnchorKind(row["anchor_kind"]),
        anchor_value=row["anchor_value"],
    )


def event_to_row(article_id: int, event: Event) -> dict[str, Any]:
    """Machine values of a freshly built event (effective columns start equal)."""
    start_s, end_s = to_seconds(event.start), to_seconds(event.end)
    return {
        "article_id": article_id,
        "machine_start_s": start_s,
        "machine_end_s": end_s,
        "machine_precision": int(event.precision),
        "machine_group_id": event.group_id,
        "start_s": start_s,
        "end_s": end_s,
        "precision": int(event.precision),
        "group_id": event.group_id,
        "hidden": 0,
        "kind": event.kind.value,
        "timex_start": event.timex_start,
        "timex_end": event.timex_end,
        "expression": event.expression,
        "value": event.value,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
        "label": event.label,
        "confidence": float(event.confidence),
        "explanation": event.explanation,
        "mod": event.mod,
        "importance": float(event.importance),
        "headline": event.headline,
        "reports": int(event.reports),
    }


# Column orders of the import fast path: workers turn domain values into plain
# tuples (cheap to pickle), the writing process prefixes the article id.
TIMEX_INSERT_COLUMNS = (
    "article_id",
    "char_start",
    "char_end",
    "text",
    "type",
    "value",
    "mod",
    "interval_start",
    "interval_end",
    "precision",
    "rule",
    "anchor_kind",
    "anchor_value",
)
EVENT_INSERT_COLUMNS = (
    "article_id",
    "machine_start_s",
    "machine_end_s",
    "machine_precision",
    "machine_group_id",
    "start_s",
    "end_s",
    "precision",
    "group_id",
    "hidden",
    "kind",
    "timex_start",
    "timex_end",
    "expression",
    "value",
    "sentence_start",
    "sentence_end",
    "label",
    "confidence",
    "explanation",
    "mod",
)


def timex_values(timex: Timex) -> tuple[Any, ...]:
    """A timex as a row tuple in :data:`TIMEX_INSERT_COLUMNS` order, minus the article id."""
    row = timex_to_row(0, timex)
    return tuple(row[c] for c in TIMEX_INSERT_COLUMNS[1:])


def event_values(event: Event) -> tuple[Any, ...]:
    """An event as a row tuple in :data:`EVENT_INSERT_COLUMNS` order, minus the article id."""
    row = event_to_row(0, event)
    return tuple(row[c] for c in EVENT_INSERT_COLUMNS[1:])


EVENT_COLUMNS = (
    "id, article_id, start_s, end_s, precision, kind, timex_start, timex_end, expression, "
    "value, sentence_start, sentence_end, label, confidence, explanation, mod, group_id, hidden, "
    "importance, headline, reports"
)


def event_from_row(row: tuple[Any, ...]) -> Event:
    """Build an Event from a row selected with :data:`EVENT_COLUMNS` (effective values)."""
    (
        event_id,
        article_id,
        start_s,
        end_s,
        precision,
        kind,
        timex_start,
        timex_end,
        expression,
        value,
        sentence_start,
        sentence_end,
        label,
        confidence,
        explanation,
        mod,
        group_id,
        hidden,
        importance,
        headline,
        reports,
    ) = row
    return Event(
        article_id=article_id,
        start=from_seconds(start_s),
        end=from_seconds(end_s),
        precision=PRECISION_BY_VALUE[precision],
        kind=KIND_BY_VALUE[kind],
        timex_start=timex_start,
        timex_end=timex_end,
        expression=expression,
        value=value,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        label=label,
        confidence=confidence,
        explanation=explanation,
        mod=mod,
        id=event_id,
        group_id=group_id,
        hidden=bool(hidden),
        importance=importance,
        headline=headline,
        reports=reports,
    )


def fts_query(search: str) -> str | None:
    """A safe FTS5 query from what a user typed: every word must occur (prefix match).

    User text is never passed to MATCH as syntax: each word becomes a quoted
    string, so quotes, ``AND``/``NEAR``, ``*`` or column filters in the input
    are just words. Returns None when there is nothing to search for.
    """
    words = [w for w in re.findall(r"\w+", search, flags=re.UNICODE) if w]
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)
