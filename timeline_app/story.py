"""Story operations the CLI and the GUI share: keeping happenings current, and key dates.

``commands.regroup`` calls :func:`refresh_happenings` whenever grouping runs
(end of import, retag, set-date), so importance, headlines and reports are
always those of the current groups; :func:`key_dates` reads them.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from timeline_app.events.happenings import assess_happenings
from timeline_app.events.importance import DateAttention
from timeline_app.events.key_dates import (
    SUMMARY_SENTENCES,
    KeyDate,
    choose_days,
    default_count,
    key_date,
)
from timeline_app.store.repository import Repository


def refresh_happenings(repo: Repository) -> int:
    """Recompute every happening's importance, headline and reports; returns rows changed.

    The whole library, even after a local regroup: importance is relative
    (how often the library mentions a date), so one article can move others.
    """
    events, articles = repo.happening_inputs()
    return repo.set_happenings(assess_happenings(events, articles, repo.event_sentences))


def refresh_happenings_near(
    repo: Repository, event_ids: Collection[int], days: Collection[date] = ()
) -> int:
    """Re-assess only the happenings an edit of ``event_ids`` can change; rows changed.

    A happening's importance depends on its own members and on the attention its
    day gets, so an edit (hiding, showing) that leaves grouping alone touches the
    events' own happenings and those on the days the events name (``days`` adds
    the days they named before the edit). The rest of the library keeps its
    values: a hide in a library of 100,000 events costs a few small queries.
    """
    members, on_days, articles = repo.happening_neighbourhood(event_ids, days)
    attention = DateAttention.of(on_days, articles)
    facts = assess_happenings(members, articles, repo.event_sentences, attention)
    return repo.set_happenings(facts, scope=[m.id for m in members] + list(event_ids))


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
