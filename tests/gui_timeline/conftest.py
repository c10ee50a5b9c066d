"""Fixtures for the timeline canvas: synthetic events and a shown view over them."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from timeline_app.events.model import Event, EventKind
from timeline_app.temporal.timex import Precision

_PRECISION_LENGTH = {
    Precision.YEAR: timedelta(days=365),
    Precision.MONTH: timedelta(days=30),
    Precision.WEEK: timedelta(days=7),
    Precision.DAY: timedelta(days=1),
    Precision.HOUR: timedelta(hours=1),
}


def make_event(
    event_id: int,
    start: datetime,
    precision: Precision = Precision.DAY,
    kind: EventKind = EventKind.POINT,
    article_id: int = 1,
    end: datetime | None = None,
    label: str | None = None,
) -> Event:
    """An event as the store would return it (id set)."""
    end = end or start + _PRECISION_LENGTH.get(precision, timedelta(days=1))
    return Event(
        article_id=article_id,
        start=start,
        end=end,
        precision=precision,
        kind=kind,
        timex_start=10 * event_id,
        timex_end=10 * event_id + 5,
        expression=f"expr {event_id}",
        value=start.date().isoformat(),
        sentence_start=0,
        sentence_end=40,
        label=label if label is not None else f"Event number {event_id} happened",
        confidence=0.9,
        explanation="test",
        id=event_id,
    )


def random_events(count: int, seed: int = 7, days: int = 3650) -> list[Event]:
    """``count`` events of mixed precision and kind spread over ``days`` from 2010."""
    rng = random.Random(seed)
    origin = datetime(2010, 1, 1)
    precisions = [Precision.DAY] * 6 + [Precision.MONTH, Precision.YEAR, Precision.WEEK]
    events = []
    for event_id in range(1, count + 1):
        start = origin + timedelta(days=rng.randrange(days))
        precision = rng.choice(precisions)
        kind = rng.choice([EventKind.POINT] * 8 + [EventKind.SPAN, EventKind.ONGOING])
        end = start + timedelta(days=rng.randrange(2, 40)) if kind is not EventKind.POINT else None
        events.append(make_event(event_id, start, precision, kind, rng.randrange(1, 20), end))
    return events


@pytest.fixture
def shown_view(qtbot) -> Callable:
    """Factory: a shown 1000x400 ``TimelineView`` over an in-memory source of ``events``."""
    from timeline_app.gui.timeline.source import InMemoryTimelineSource
    from timeline_app.gui.timeline.view import TimelineView

    def build(events: list[Event], width: int = 1000, height: int = 400):
        view = TimelineView()
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        source = InMemoryTimelineSource(events)
        view.set_source(source)
        return view, source

    return build


def fill_repository(repo, events: list[Event]) -> dict[int, int]:
    """Store ``events`` (grouped by their article_id) in ``repo``; old -> new article ids.

    Each event gets a matching timex resolved against the publication date, so
    anchors can be looked up as the GUI does.
    """
    from dataclasses import replace

    from timeline_app.articles import ParsedArticle
    from timeline_app.temporal.timex import AnchorKind, Interval, Timex, TimexType

    by_article: dict[int, list[Event]] = {}
    for event in events:
        by_article.setdefault(event.article_id, []).append(event)
    new_ids = {}
    for old_id, group in sorted(by_article.items()):
        article, _ = repo.add_article(
            ParsedArticle(
                text=f"Synthetic article {old_id}. " + "Words. " * 40,
                title=f"Article {old_id}",
                source=f"Source {old_id % 3}",
            )
        )
        new_ids[old_id] = article.id
        timexes = [
            Timex(
                e.timex_start,
                e.timex_end,
                e.expression,
                TimexType.DATE,
                e.value,
                interval=Interval(e.start, e.end),
                precision=e.precision,
                rule="test",
                anchor_kind=AnchorKind.DCT,
                anchor_value="2024-01-08",
            )
            for e in group
        ]
        repo.replace_analysis(
            article.id, timexes, [replace(e, id=0, article_id=article.id) for e in group]
        )
    return new_ids
