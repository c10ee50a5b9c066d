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

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from timeline_app.events.headlines import choose_headline
from timeline_app.events.importance import DateAttention, happening_importance
from timeline_app.events.mention import ArticleFacts, Dated


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
    events: tuple[Dated, ...]

    @property
    def article_ids(self) -> frozenset[int]:
        return frozenset(event.article_id for event in self.events)

    @property
    def reports(self) -> int:
        """Distinct articles reporting it (a group holds one event per article)."""
        return len(self.article_ids)


def happenings_of(events: Iterable[Dated]) -> list[Happening]:
    """The happenings these events form (by ``group_id``; ungrouped events alone)."""
    members: dict[int, list[Dated]] = {}
    for event in events:
        key = event.group_id if event.group_id is not None else -event.id
        members.setdefault(key, []).append(event)
    return [Happening(abs(key) if key < 0 else key, tuple(group)) for key, group in members.items()]


SentenceSource = Callable[[Sequence[Dated]], Mapping[int, str]]


def assess_happenings(
    events: Sequence[Dated],
    articles: Mapping[int, ArticleFacts],
    sentences: SentenceSource | None = None,
) -> dict[int, HappeningFacts]:
    """Event id -> the facts of its happening, for every visible event given.

    ``events`` should be the whole library's visible events (importance is
    relative to the library). ``sentences`` is asked once for the sentences
    of the happenings that need a new headline (event id -> sentence); a
    happening whose members all still carry the same headline and report
    count keeps it, so a regroup after a small change reads few texts.
    Without it, headlines come from the events' labels.
    """
    visible = [event for event in events if not event.hidden]
    return facts_of(
        happenings_of(visible), articles, DateAttention.of(visible, articles), sentences
    )


def facts_of(
    happenings: Sequence[Happening],
    articles: Mapping[int, ArticleFacts],
    attention: DateAttention,
    sentences: SentenceSource | None = None,
) -> dict[int, HappeningFacts]:
    """Event id -> the facts of its happening, for these happenings only.

    ``attention`` must hold the library's counts for the days these
    happenings name: the whole library's for a full refresh, or those of the
    days a local change touched (``story.refresh_happenings``), which gives
    the same values for the happenings it asks about.
    """
    stale = [h for h in happenings if not _headline_still_holds(h)]
    texts: Mapping[int, str] = {}
    if sentences is not None and stale:
        texts = sentences([event for happening in stale for event in happening.events])
    headlines = {h.key: choose_headline(h.events, texts) for h in stale}
    facts: dict[int, HappeningFacts] = {}
    for happening in happenings:
        value = HappeningFacts(
            importance=happening_importance(happening.events, articles, attention),
            headline=headlines.get(happening.key, happening.events[0].headline),
            reports=happening.reports,
        )
        for event in happening.events:
            facts[event.id] = value
    return facts


def _headline_still_holds(happening: Happening) -> bool:
    """Whether the stored headline was made for exactly this membership.

    The same headline on every member, and a stored report count equal to the
    current one: a joined or split group differs in one or the other (a lone
    event of a split group kept the group's count).
    """
    first = happening.events[0]
    if not first.headline:
        return False
    reports = happening.reports
    return all(e.headline == first.headline and e.reports == reports for e in happening.events)
