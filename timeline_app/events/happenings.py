"""Happenings: what the story layer ranks and names (no Qt, no SQL).

A happening is a group of events that report the same thing across articles
(``events.grouping``) or a lone event. The timeline labels the most important
ones first, the key events list and ``key-dates`` read them; so every event
carries its happening's importance, headline and number of reports, computed
here for the whole library at once whenever grouping runs (importance is
relative: a date becomes important because many articles of *this* library
mention it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from timeline_app.events.headlines import choose_headline
from timeline_app.events.importance import DateAttention, happening_importance
from timeline_app.events.model import Event


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What importance needs to know of an article besides its events."""

    outlet: str = ""  # the source ("Reuters", "cnn.com"); "" when unknown
    published: date | None = None


@dataclass(frozen=True, slots=True)
class HappeningFacts:
    """The story layer's values of one happening, stored on each of its events."""

    importance: float
    headline: str
    reports: int


@dataclass(frozen=True, slots=True)
class Happening:
    """Events reporting the same thing: a group, or one event alone."""

    key: int  # the group id, or the lone event's id
    events: tuple[Event, ...]

    @property
    def article_ids(self) -> frozenset[int]:
        return frozenset(event.article_id for event in self.events)

    @property
    def reports(self) -> int:
        """Distinct articles reporting it (a group holds one event per article)."""
        return len(self.article_ids)


def happenings_of(events: Iterable[Event]) -> list[Happening]:
    """The happenings these events form (by ``group_id``; ungrouped events alone)."""
    members: dict[int, list[Event]] = {}
    for event in events:
        key = event.group_id if event.group_id is not None else -event.id
        members.setdefault(key, []).append(event)
    return [Happening(abs(key) if key < 0 else key, tuple(group)) for key, group in members.items()]


def assess_happenings(
    events: Sequence[Event],
    articles: Mapping[int, ArticleFacts],
    sentences: Mapping[int, str] | None = None,
) -> dict[int, HappeningFacts]:
    """Event id -> the facts of its happening, for every visible event given.

    ``events`` should be the whole library's visible events (importance is
    relative to the library); ``sentences`` maps event id -> its sentence
    (the headline is drawn from the members' sentences; labels otherwise).
    """
    visible = [event for event in events if not event.hidden]
    happenings = happenings_of(visible)
    attention = DateAttention.of(visible, articles)
    facts: dict[int, HappeningFacts] = {}
    for happening in happenings:
        value = HappeningFacts(
            importance=happening_importance(happening.events, articles, attention),
            headline=choose_headline(happening.events, sentences or {}),
            reports=happening.reports,
        )
        for event in happening.events:
            facts[event.id] = value
    return facts
