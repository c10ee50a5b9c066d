"""How much a happening matters to the story a library tells (no Qt, no SQL).

Signals that hold for any English news, whatever the topic or outlet:

* *reports*: distinct articles, and distinct outlets, reporting it; one
  outlet repeating the same sentence across its articles is a template and
  counts little more than once;
* *attention to its date*: how many articles of the library mention that day,
  counting most those published on another day (a date still referred to
  days later is a key date: news-tls, Gholipour Ghalandari & Ifrim 2020,
  found "dates mentioned by many articles" beat "dates with many
  publications");
* *precision*: a day beats a month, a month a year; a span running "since
  1914" is background, not a happening;
* *confidence* of the dating.

The result is a non-negative number comparable within one library only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from timeline_app.events.mention import ArticleFacts, Dated
from timeline_app.events.model import EventKind
from timeline_app.temporal.timex import Precision

# Finer dates pin a happening down; coarse ones mostly give background.
_PRECISION_WEIGHTS = (
    (Precision.DAY, 1.0),
    (Precision.WEEK, 0.5),
    (Precision.MONTH, 0.3),
    (Precision.SEASON, 0.15),
    (Precision.YEAR, 0.1),
)
_COARSEST_WEIGHT = 0.03
ONGOING_WEIGHT = 0.1  # "since mid-October": a state, not a moment
LONG_SPAN = timedelta(days=7)
LONG_SPAN_WEIGHT = 0.3
LATER_MENTION_WEIGHT = 2.0  # a mention published on another day counts this much
# One outlet printing the same sentence in article after article (a background
# paragraph, a "Here is a timeline of ..." box) is one template, not many reports.
TEMPLATE_REPEAT_WEIGHT = 0.7
_WORD = re.compile(r"[^\W_]+")


def precision_weight(event: Dated) -> float:
    """How much an event's kind of date lets it stand for a happening (0..1)."""
    weight = _COARSEST_WEIGHT
    for level, value in _PRECISION_WEIGHTS:
        if event.precision >= level:
            weight = value
            break
    if event.kind == EventKind.ONGOING:
        weight *= ONGOING_WEIGHT
    elif event.kind == EventKind.SPAN and event.end - event.start > LONG_SPAN:
        weight *= LONG_SPAN_WEIGHT
    return weight


def event_day(event: Dated) -> date | None:
    """The calendar day an event names, when it names one (day precision or finer)."""
    if event.precision < Precision.DAY or event.kind != EventKind.POINT:
        return None
    return event.start.date()


@dataclass(frozen=True, slots=True)
class DateAttention:
    """Per day: how much the library's articles talk about it."""

    mentions: Mapping[date, float]  # weighted count of distinct articles mentioning the day

    @classmethod
    def of(cls, events: Iterable[Dated], articles: Mapping[int, ArticleFacts]) -> DateAttention:
        """Count, per day, the distinct articles with an event on it.

        An article published on another day than the one it mentions counts
        ``LATER_MENTION_WEIGHT`` times: recalling a date is the strongest sign
        that it mattered.
        """
        seen: dict[date, set[int]] = {}
        for event in events:
            day = event_day(event)
            if day is not None:
                seen.setdefault(day, set()).add(event.article_id)
        mentions: dict[date, float] = {}
        for day, article_ids in seen.items():
            total = 0.0
            for article_id in article_ids:
                facts = articles.get(article_id)
                published = facts.published if facts is not None else None
                total += LATER_MENTION_WEIGHT if published not in (None, day) else 1.0
            mentions[day] = total
        return cls(mentions)

    def of_day(self, day: date | None) -> float:
        return self.mentions.get(day, 0.0) if day is not None else 0.0


def happening_importance(
    events: Sequence[Dated], articles: Mapping[int, ArticleFacts], attention: DateAttention
) -> float:
    """The importance of the happening these events (one group, or one event) report."""
    if not events:
        return 0.0
    reports = _distinct_reports(events, articles)
    outlets = {
        articles[event.article_id].outlet
        for event in events
        if event.article_id in articles and articles[event.article_id].outlet
    }
    coverage = reports + 0.5 * max(0, len(outlets) - 1)
    # The members' typical precision: a group of "in March" with one "March 17"
    # is a month's happening, and must not lift that one day.
    weight = sum(precision_weight(event) for event in events) / len(events)
    confidence = sum(event.confidence for event in events) / len(events)
    return (
        weight * confidence * coverage * (1.0 + math.log1p(attention.of_day(happening_day(events))))
    )


def _distinct_reports(events: Sequence[Dated], articles: Mapping[int, ArticleFacts]) -> float:
    """Distinct articles reporting, a repeat of one outlet's same sentence counting
    ``TEMPLATE_REPEAT_WEIGHT`` (articles of unknown outlet always count whole)."""
    seen: dict[tuple[str, str], set[int]] = {}
    for event in events:
        facts = articles.get(event.article_id)
        outlet = facts.outlet if facts is not None else ""
        text = " ".join(_WORD.findall(event.label.lower())) if outlet else str(event.article_id)
        seen.setdefault((outlet, text), set()).add(event.article_id)
    counted: set[int] = set()
    total = 0.0
    for article_ids in seen.values():
        fresh = article_ids - counted
        if fresh:
            total += 1.0 + TEMPLATE_REPEAT_WEIGHT * (len(fresh) - 1)
            counted |= fresh
    return total


def happening_day(events: Sequence[Dated]) -> date | None:
    """The day most members name (the earliest on ties), or None when none names a day."""
    days: dict[date, int] = {}
    for event in events:
        day = event_day(event)
        if day is not None:
            days[day] = days.get(day, 0) + 1
    if not days:
        return None
    return min(days, key=lambda day: (-days[day], day))
