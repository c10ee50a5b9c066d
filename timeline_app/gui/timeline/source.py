"""Where the timeline canvas gets its events: a small protocol and two implementations.

The canvas never holds the whole library. It asks a source for the events in
the visible window (with a limit) and, when too many would be drawn, for
counts per slice of time. ``RepositoryTimelineSource`` answers from the SQLite
store (engineer C's ``Repository``); ``InMemoryTimelineSource`` answers from a
list, for tests and small previews. No Qt here.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from timeline_app.articles import display_title, outlet_of
from timeline_app.events.model import Event
from timeline_app.gui.timeline.time_scale import from_seconds, to_seconds
from timeline_app.temporal.timex import AnchorKind

if TYPE_CHECKING:
    from timeline_app.store.repository import Repository


@dataclass(frozen=True, slots=True)
class ArticleLabel:
    """What the canvas shows about an event's article (tooltips, colour by source)."""

    title: str
    source: str


@runtime_checkable
class TimelineSource(Protocol):
    """What ``TimelineView`` needs from a store of events.

    ``article_ids`` restricts every answer to those articles (``None`` = all), and
    ``search`` to the events matching those words (``None`` = no search).
    """

    article_ids: Collection[int] | None
    search: str | None

    def span(self) -> tuple[datetime, datetime] | None:
        """Earliest start and latest end of all (filtered) events; None when empty."""

    def events_in(self, start: datetime, end: datetime, limit: int | None = None) -> list[Event]:
        """Events overlapping ``[start, end)``, ordered by start then id, at most ``limit``."""

    def density(self, start: datetime, end: datetime, buckets: int) -> list[int]:
        """Events per each of ``buckets`` equal slices of ``[start, end)``.

        An event counts once, in the slice holding its middle (where a day's dot is
        drawn), clamped into the range, as ``Repository.event_density``.
        """

    def start_count(self, start: datetime | None = None, end: datetime | None = None) -> int:
        """How many events start in ``[start, end)`` (open where None); events already
        running at ``start`` are not counted, as ``Repository.event_start_count``."""

    def start_quantiles(self, fractions: Sequence[float]) -> list[datetime]:
        """Start times at ``fractions`` of the events' order by start (nearest rank, as
        ``Repository.event_start_quantiles``); empty when there are no events."""

    def key_events(self, start: datetime, end: datetime, limit: int) -> list[Event]:
        """The most important happenings overlapping ``[start, end)``, one event each,
        most important first (as ``Repository.key_events``)."""

    def event(self, event_id: int) -> Event | None:
        """One event by id (None when it does not exist or is filtered out)."""

    def article_label(self, article_id: int) -> ArticleLabel:
        """Title and source of an article (empty strings when unknown)."""

    def anchor_of(self, event: Event) -> str | None:
        """What the event's expression was resolved against, e.g. 'dct 2024-01-08'."""


def _bucket_of(moment: datetime, start: datetime, width: timedelta, buckets: int) -> int:
    index = int((moment - start) / width) if width else 0
    return min(max(index, 0), buckets - 1)


class InMemoryTimelineSource:
    """A ``TimelineSource`` over a list of events (ids must be unique and non-zero)."""

    def __init__(
        self,
        events: Iterable[Event],
        labels: dict[int, ArticleLabel] | None = None,
        anchors: dict[int, str] | None = None,
    ) -> None:
        self._all: list[Event] = []
        self.set_events(events)
        self._labels = labels or {}
        self._anchors = anchors or {}
        self.article_ids: Collection[int] | None = None
        self.search: str | None = None
        self.queries = 0  # how many event/density queries were answered (tests check caching)

    def set_events(self, events: Iterable[Event]) -> None:
        """Replace the events (as an import or a correction would change the store)."""
        self._all = sorted(events, key=lambda e: (e.start, e.id))

    def _filtered(self) -> list[Event]:
        wanted = None if self.article_ids is None else set(self.article_ids)
        words = (self.search or "").casefold().split()
        return [
            e
            for e in self._all
            if not e.hidden
            and (wanted is None or e.article_id in wanted)
            and all(word in f"{e.label} {e.headline}".casefold() for word in words)
        ]

    def span(self) -> tuple[datetime, datetime] | None:
        events = self._filtered()
        if not events:
            return None
        return events[0].start, max(e.end for e in events)

    def events_in(self, start: datetime, end: datetime, limit: int | None = None) -> list[Event]:
        self.queries += 1
        events = self._filtered()
        stop = bisect.bisect_left(events, end, key=lambda e: e.start)
        found = [e for e in events[:stop] if e.end > start or (e.start == e.end == start)]
        return found if limit is None else found[:limit]

    def density(self, start: datetime, end: datetime, buckets: int) -> list[int]:
        self.queries += 1
        counts = [0] * buckets
        width = (end - start) / buckets
        for event in self.events_in(start, end):
            middle = event.start + (event.end - event.start) / 2
            counts[_bucket_of(middle, start, width, buckets)] += 1
        self.queries -= 1  # the inner events_in is part of this one query
        return counts

    def start_count(self, start: datetime | None = None, end: datetime | None = None) -> int:
        self.queries += 1
        return sum(
            1
            for e in self._filtered()
            if (start is None or e.start >= start) and (end is None or e.start < end)
        )

    def start_quantiles(self, fractions: Sequence[float]) -> list[datetime]:
        self.queries += 1
        starts = [e.start for e in self._filtered()]  # already in start order
        if not starts:
            return []
        return [starts[round(fraction * (len(starts) - 1))] for fraction in fractions]

    def key_events(self, start: datetime, end: datetime, limit: int) -> list[Event]:
        self.queries += 1
        chosen: dict[object, Event] = {}
        overlapping = self.events_in(start, end)
        self.queries -= 1
        for event in sorted(overlapping, key=lambda e: (-e.importance, e.start, e.id)):
            chosen.setdefault(event.group_id if event.group_id is not None else -event.id, event)
        return list(chosen.values())[:limit]

    def event(self, event_id: int) -> Event | None:
        return next((e for e in self._filtered() if e.id == event_id), None)

    def article_label(self, article_id: int) -> ArticleLabel:
        return self._labels.get(article_id, ArticleLabel("", ""))

    def anchor_of(self, event: Event) -> str | None:
        return self._anchors.get(event.id)


_ANCHOR_NAMES = {
    AnchorKind.DCT: "the publication date",
    AnchorKind.NARRATIVE: "a date mentioned earlier",
}


def describe_anchor(kind: AnchorKind, value: str | None) -> str | None:
    """What a relative expression was resolved against, in words: 'the publication
    date 2024-01-08'; None for absolute expressions."""
    if kind is AnchorKind.NONE or not value:
        return None
    return f"{_ANCHOR_NAMES.get(kind, kind.value)} {value}"


class RepositoryTimelineSource:
    """A ``TimelineSource`` answered by the SQLite ``Repository``.

    Article labels and anchors are looked up lazily and remembered: the canvas
    asks for them on hover, never for every event.
    """

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.article_ids: Collection[int] | None = None
        self.search: str | None = None
        self._labels: dict[int, ArticleLabel] = {}
        self._anchors: dict[int, dict[int, str | None]] = {}

    def _ids(self) -> Collection[int] | None:
        return None if self.article_ids is None else list(self.article_ids)

    def span(self) -> tuple[datetime, datetime] | None:
        return self.repo.event_span(article_ids=self._ids(), search=self.search)

    def events_in(self, start: datetime, end: datetime, limit: int | None = None) -> list[Event]:
        return self.repo.events(
            start=start, end=end, article_ids=self._ids(), limit=limit, search=self.search
        )

    def density(self, start: datetime, end: datetime, buckets: int) -> list[int]:
        return list(
            self.repo.event_density(
                start, end, buckets, article_ids=self._ids(), search=self.search
            )
        )

    def start_count(self, start: datetime | None = None, end: datetime | None = None) -> int:
        return self.repo.event_start_count(start, end, article_ids=self._ids(), search=self.search)

    def start_quantiles(self, fractions: Sequence[float]) -> list[datetime]:
        return self.repo.event_start_quantiles(
            fractions, article_ids=self._ids(), search=self.search
        )

    def key_events(self, start: datetime, end: datetime, limit: int) -> list[Event]:
        return self.repo.events_by_importance(
            start, end, limit, article_ids=self._ids(), search=self.search
        )

    def event(self, event_id: int) -> Event | None:
        try:
            event = self.repo.event(event_id)
        except KeyError:
            return None
        if event.hidden or (
            self.article_ids is not None and event.article_id not in self.article_ids
        ):
            return None
        return event

    def article_label(self, article_id: int) -> ArticleLabel:
        if article_id not in self._labels:
            try:
                article = self.repo.article(article_id)
            except (KeyError, LookupError, ValueError):
                self._labels[article_id] = ArticleLabel("", "")
            else:
                self._labels[article_id] = ArticleLabel(display_title(article), outlet_of(article))
        return self._labels[article_id]

    def anchor_of(self, event: Event) -> str | None:
        if event.article_id not in self._anchors:
            self._anchors[event.article_id] = {
                timex.start: describe_anchor(timex.anchor_kind, timex.anchor_value)
                for timex in self.repo.timexes(event.article_id)
            }
        return self._anchors[event.article_id].get(event.timex_start)

    def forget(self) -> None:
        """Drop remembered labels and anchors (after an import or a re-tag)."""
        self._labels.clear()
        self._anchors.clear()


def _shifted(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta`` clamped to the representable datetimes."""
    return from_seconds(to_seconds(moment) + delta.total_seconds())


def _key(event: Event) -> tuple[datetime, int]:
    return event.start, event.id


def neighbour_event(
    source: TimelineSource,
    current: Event | tuple[datetime, int],
    step: int,
    span: tuple[datetime, datetime],
) -> Event | None:
    """The event just after (``step`` > 0) or before (< 0) ``current`` in (start, id) order.

    ``current`` is an event or a ``(start, id)`` position (to step from the edge of
    the view when nothing is selected). Asks the source for growing windows so a
    jump across an empty decade costs a few queries, not a scan of the library.
    """
    key = _key(current) if isinstance(current, Event) else current
    start = key[0]
    earliest, latest = span
    width = timedelta(days=1)
    limit = 64
    while True:
        if step > 0:
            window_end = _shifted(start, width)
            found = source.events_in(start, window_end, limit=limit)
            candidates = [e for e in found if e.start >= start and _key(e) > key]
            if candidates:
                return min(candidates, key=_key)  # results are ordered: nothing cut off is smaller
            if len(found) >= limit:
                limit *= 4  # long events starting earlier filled the answer; ask for more
                continue
            if window_end > latest:
                return None
        else:
            window_start = _shifted(start, -width)
            found = source.events_in(window_start, _shifted(start, timedelta(seconds=1)))
            candidates = [e for e in found if e.start >= window_start and _key(e) < key]
            if candidates:
                return max(candidates, key=_key)
            if window_start < earliest:
                return None
        width *= 4
