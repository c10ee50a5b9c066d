"""Story operations the CLI and the GUI share: keeping happenings current, and key dates.

``commands.regroup`` calls :func:`refresh_happenings` whenever grouping runs
(end of import, retag, set-date), so importance, headlines and reports are
always those of the current groups; after a local regroup only the part of
the library the change can move is refreshed. :func:`key_dates` reads them.
"""

from __future__ import annotations

from collections.abc import Collection
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


def refresh_happenings(
    repo: Repository,
    scope: Collection[int] | None = None,
    former_days: Collection[date] = (),
) -> int:
    """Recompute happenings' importance, headline and reports; returns rows changed.

    Without ``scope``, the whole library. With ``scope`` (the event ids a
    local regroup rewrote: whole groups, see ``Repository.grouping_neighbourhood``)
    only what that change can move: the happenings with a member in scope,
    and those whose day is a *touched day* (named by an event in scope, or in
    ``former_days``: days the changed articles' replaced events named), since
    importance is relative to how often the library mentions a day. The
    result is the same as a full refresh, at the cost of a few days' events
    instead of the library's.
    """
    if scope is None:
        events, articles = repo.happening_inputs()
        return repo.set_happenings(assess_happenings(events, articles, repo.event_sentences))
    in_scope = set(scope)
    days = {day for event in repo.happening_members(in_scope) if (day := event_day(event))}
    days |= set(former_days)
    members = repo.happening_members(in_scope, days)
    articles = repo.article_facts()
    visible = [event for event in members if not event.hidden]
    attention = DateAttention.of([e for e in visible if event_day(e) in days], articles)
    moved = [
        happening
        for happening in happenings_of(visible)
        if happening_day(happening.events) in days
        or any(event.id in in_scope for event in happening.events)
    ]
    facts = facts_of(moved, articles, attention, repo.event_sentences)
    # Hidden events in scope fall back to the defaults, as a full refresh leaves them.
    hidden = {event.id for event in members if event.hidden and event.id in in_scope}
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
