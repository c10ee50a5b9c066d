"""Why an event sits where it does: a confidence and a one-line explanation.

A reader should never have to trust a date blindly. The explanation names the
expression, what it was resolved against (the publication date and where that
date came from, or an earlier date in the text), and the value and precision
that resulted; the confidence falls with every guess along the way.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from timeline_app.articles import PublishedSource
from timeline_app.events.intervals import VAGUE_MODS
from timeline_app.events.model import EventKind
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex

# How far a publication date from each source can be trusted as an anchor.
_SOURCE_TRUST = {
    PublishedSource.METADATA: 1.0,
    PublishedSource.USER: 1.0,
    PublishedSource.DATELINE: 0.95,
    PublishedSource.INFERRED: 0.75,
    PublishedSource.UNKNOWN: 0.7,
}
_SOURCE_WORDS = {
    PublishedSource.METADATA: "from metadata",
    PublishedSource.USER: "set by the user",
    PublishedSource.DATELINE: "from the dateline",
    PublishedSource.INFERRED: "inferred from the text",
    PublishedSource.UNKNOWN: "source unknown",
}
_MOD_WORDS = {
    "START": "early",
    "EARLY": "early",
    "MID": "mid",
    "END": "late",
    "LATE": "late",
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "on or before",
    "ON_OR_AFTER": "on or after",
    "LESS_THAN": "less than",
    "MORE_THAN": "more than",
}


def timex_confidence(timex: Timex, published_source: PublishedSource | None) -> float:
    """Confidence in the placement of one resolved timex, in [0, 1]."""
    if timex.anchor_kind == AnchorKind.DCT:
        trust = _SOURCE_TRUST.get(published_source or PublishedSource.UNKNOWN, 0.7)
        confidence = 0.9 * trust
    elif timex.anchor_kind == AnchorKind.NARRATIVE:
        confidence = 0.65  # anchored on an earlier date of the story: easily the wrong one
    else:
        confidence = 0.95  # written out in full
    if (timex.mod or "").upper() in VAGUE_MODS:
        confidence *= 0.8
    if timex.precision is not None and timex.precision <= Precision.DECADE:
        confidence *= 0.9  # "the 1990s": true but hard to place on a line
    return round(confidence, 2)


def format_moment(moment: datetime, precision: Precision) -> str:
    """A datetime shown no finer than its precision ("2024-01-04", "2024-01-04 14:30")."""
    if precision >= Precision.HOUR and (moment.hour or moment.minute or moment.second):
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.date().isoformat()


def format_interval(interval: Interval, precision: Precision) -> str:
    """Inclusive, human reading of a half-open interval ("2023-10-11 to 2023-10-20")."""
    first = format_moment(interval.start, precision)
    if precision <= Precision.DAY or _whole_days(interval):
        last_moment = max(interval.start, interval.end - timedelta(microseconds=1))
        last = (
            last_moment.date().isoformat()
            if precision <= Precision.DAY
            else (format_moment(last_moment, precision))
        )
    else:
        last = format_moment(interval.end, precision)
    return first if first == last else f"{first} to {last}"


def _whole_days(interval: Interval) -> bool:
    return interval.start.time() == interval.end.time() == datetime.min.time()


def _anchor_phrase(
    timex: Timex, published: date | None, published_source: PublishedSource | None
) -> str:
    if timex.anchor_kind == AnchorKind.DCT:
        anchor = timex.anchor_value or (published.isoformat() if published else "unknown")
        source = _SOURCE_WORDS[published_source or PublishedSource.UNKNOWN]
        return f"resolved against the publication date {anchor} ({source})"
    if timex.anchor_kind == AnchorKind.NARRATIVE:
        anchor = timex.anchor_value or "an earlier date"
        return f"resolved against an earlier date in the text ({anchor})"
    return "an absolute date"


def describe_timex(
    timex: Timex,
    interval: Interval,
    published: date | None,
    published_source: PublishedSource | None,
) -> str:
    """'"Thursday" resolved against the publication date 2024-01-08 (...) → 2024-01-04 ...'."""
    precision = timex.precision or Precision.DAY
    mod = _MOD_WORDS.get((timex.mod or "").upper())
    shown = format_interval(interval, precision)
    value = f"{timex.value}, {mod}" if mod else timex.value
    resolved = shown if value == shown else f"{value} = {shown}"
    return (
        f'"{_one_line(timex.text)}" {_anchor_phrase(timex, published, published_source)}'
        f" → {resolved} ({precision.name.lower()} precision)"
    )


def explain_event(
    kind: EventKind,
    parts: list[tuple[Timex, Interval]],
    published: date | None,
    published_source: PublishedSource | None,
    ongoing_until_publication: bool = False,
) -> str:
    """One line for an event built from one timex (point, ongoing) or two (span)."""
    described = "; ".join(describe_timex(t, i, published, published_source) for t, i in parts)
    if kind == EventKind.SPAN:
        return f"span from the first to the second expression: {described}"
    if kind == EventKind.ONGOING:
        if ongoing_until_publication and published is not None:
            return f"ongoing up to the publication date {published.isoformat()}: {described}"
        if published is None:
            return f"ongoing, end unknown (no publication date): {described}"
        return f"ongoing, end unknown (starts after the publication date): {described}"
    return described


def _one_line(text: str) -> str:
    return " ".join(text.split())
