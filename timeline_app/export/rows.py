"""One flat, self-describing row per event: what every export format writes.

Rows are built once from the store (events joined with their articles) so
CSV, JSON and TimelineJS agree on every value. Dates are ISO 8601; for
events of day precision or coarser (and any whole-day interval) ``date_end`` is
the last day included (a reader's "to"); for events finer than a day the two
are the half-open interval's datetimes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timedelta
from typing import Protocol

from timeline_app.articles import Article, article_name, display_title, outlet_of
from timeline_app.events.model import Event
from timeline_app.temporal.timex import Precision


class ArticleSource(Protocol):
    """What ``rows`` needs from the store (the Repository satisfies it)."""

    def article(self, article_id: int) -> Article: ...


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One event as exported; field order is the CSV column order."""

    date_start: str
    date_end: str
    precision: str
    kind: str
    timex: str  # the TIMEX3 value, e.g. 2024-01-04, 2017 (mod END), 2024-03-03/2024-03-05
    expression: str
    label: str
    passage: str
    article: str  # the article's title (never empty: see ``articles.display_title``)
    source: str  # the outlet: the article's source, else its URL's host
    url: str
    published: str
    published_source: str
    # How sure a publication date read from the text is (0..1, see the README);
    # empty for dates from metadata or the user.
    published_confidence: str
    confidence: float
    explanation: str
    event_id: int
    article_id: int
    group_id: int | None
    mod: str
    also_reported_by: str = ""  # other articles of the event's group: "title (source); ..."

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


FIELDS: tuple[str, ...] = tuple(field.name for field in fields(ExportRow))


def _is_whole_days(event: Event) -> bool:
    midnight = datetime.min.time()
    return event.start.time() == midnight and event.end.time() == midnight


def date_range(event: Event) -> tuple[str, str]:
    """``(date_start, date_end)`` as a reader would write them (see the module doc)."""
    if event.precision <= Precision.DAY or _is_whole_days(event):
        last_moment = max(event.start, event.end - timedelta(microseconds=1))
        return event.start.date().isoformat(), last_moment.date().isoformat()
    return (
        event.start.isoformat(timespec="minutes"),
        event.end.isoformat(timespec="minutes"),
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def row_for(event: Event, article: Article, also_reported_by: str = "") -> ExportRow:
    """The export row of one stored event of ``article``."""
    date_start, date_end = date_range(event)
    return ExportRow(
        date_start=date_start,
        date_end=date_end,
        precision=event.precision.name.lower(),
        kind=event.kind.value,
        timex=event.value,
        expression=event.expression,
        label=event.label,
        passage=_one_line(article.text[event.sentence_start : event.sentence_end]),
        article=display_title(article),
        source=outlet_of(article),
        url=article.url,
        published=article.published.isoformat() if article.published else "",
        published_source=article.published_source.value,
        published_confidence=(
            "" if article.published_confidence is None else f"{article.published_confidence:.2f}"
        ),
        confidence=event.confidence,
        explanation=event.explanation,
        event_id=event.id,
        article_id=event.article_id,
        group_id=event.group_id,
        mod=event.mod or "",
        also_reported_by=also_reported_by,
    )


def rows(
    repo: ArticleSource, events: Iterable[Event], merge_groups: bool = False
) -> list[ExportRow]:
    """Export rows for ``events`` in date order (start, then end, article, position).

    Every row of a grouped event names the other articles of its group (among
    ``events``). With ``merge_groups`` a group gives one row: its most
    confident member's, so the same happening is not listed once per article.
    """
    articles: dict[int, Article] = {}

    def article_of(event: Event) -> Article:
        if event.article_id not in articles:
            articles[event.article_id] = repo.article(event.article_id)
        return articles[event.article_id]

    ordered = sorted(events, key=lambda e: (e.start, e.end, e.article_id, e.timex_start, e.id))
    members: dict[int, list[Event]] = {}
    for event in ordered:
        if event.group_id is not None:
            members.setdefault(event.group_id, []).append(event)
    representative = {
        group: max(group_events, key=lambda e: (e.confidence, -e.id)).id
        for group, group_events in members.items()
    }
    result = []
    for event in ordered:
        group = members.get(event.group_id, []) if event.group_id is not None else []
        if merge_groups and group and representative[event.group_id] != event.id:
            continue
        others = sorted(
            {article_name(article_of(o)) for o in group if o.article_id != event.article_id}
        )
        result.append(row_for(event, article_of(event), "; ".join(others)))
    return result
