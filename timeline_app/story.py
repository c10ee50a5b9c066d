"""Story operations the CLI and the GUI share: keeping happenings current, and key dates.

``commands.regroup`` calls :func:`refresh_happenings` whenever grouping runs
(end of import, retag, set-date), so importance, headlines and reports are
always those of the current groups; after a local regroup only the part of
the library the change can move is refreshed. :func:`key_dates` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from timeline_app.events.happenings import assess_happenings, facts_of, happenings_of
from timeline_app.events.importance import DateAttention, event_day, happening_day
from timeline_app.events.key_dates import (
    SUMMARY_SENTENCES,
    KeyDate,
    choose_days,
    default_count,
    key_date,
)
from timeline_app.store.repository import Repository


@dataclass(frozen=True, slots=True)
class StoryChange:
    """What a local regroup changed, as far as happenings are concerned.

    ``events``: events that are new or changed group (the changed articles'
    own events always); ``groups``: groups that gained or lost members (also
    those of events now deleted); ``days``: days whose events changed besides
    those ``events`` name (days the changed articles' replaced events named).
    """

    events: frozenset[int]
    groups: frozenset[int] = frozenset()
    days: frozenset[date] = frozenset()


def refresh_happenings(repo: Repository, change: StoryChange | None = None) -> int:
    """Recompute happenings' importance, headline and reports; returns rows changed.

    Without ``change``, the whole library. With it, only what the change can
    move: the happenings holding a changed event or group, and those whose
    day is a *touched day* (named by a changed event or in ``change.days``),
    since importance is relative to how often the library mentions a day.
    The result is the same as a full refresh, at the cost of a few days'
    events instead of the library's.
    """
    if change is None:
        events, articles = repo.happening_inputs()
        return repo.set_happenings(assess_happenings(events, articles, repo.event_sentences))
    days = {day for event in repo.happening_members(change.events) if (day := event_day(event))}
    days |= change.days
    members = repo.happening_members(change.events, days, change.groups)
    articles = repo.article_facts()
    visible = [event for event in members if not event.hidden]
    attention = DateAttention.of([e for e in visible if event_day(e) in days], articles)
    moved = [
        happening
        for happening in happenings_of(visible)
        if happening_day(happening.events) in days
        or any(
            event.id in change.events or event.group_id in change.groups
            for event in happening.events
        )
    ]
    facts = facts_of(moved, articles, attention, repo.event_sentences)
    # Hidden changed events fall back to the defaults, as a full refresh leaves them.
    hidden = {event.id for event in members if event.hidden and event.id in change.events}
    return repo.set_happenings(facts, facts.keys() | hidden)


def key_dates(
    repo: Repository,
    count: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    search: str | None = None,
    summary_sentences: int = SUMMARY_SENTENCES,
) -> list[KeyDate]:
    """The ``count`` most important days in ``[start, end)`` (default: from the library's
    size), in date order, each with its summary and happenings.

    Days are ranked from one aggregate query; only the chosen days' events are
    read, so a 10,000-article library answers in well under two seconds.
    """
    if count is None:
        count = default_count(repo.article_count())
    chosen = choose_days(repo.day_attention(start, end, search), count)
    result = []
    for attention in chosen:
        events, sentences = repo.events_on_day(attention.day, search)
        result.append(key_date(attention, events, sentences, summary_sentences))
    return result
