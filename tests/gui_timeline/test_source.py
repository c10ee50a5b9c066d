"""Both sources answer the canvas's questions alike; stepping finds true neighbours."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.gui.timeline.source import (
    InMemoryTimelineSource,
    RepositoryTimelineSource,
    TimelineSource,
    neighbour_event,
)
from timeline_app.store.repository import Repository

from .conftest import fill_repository, make_event, random_events


@pytest.fixture
def both_sources(db_path):
    """The same 150 events behind an in-memory source and a repository source."""
    events = random_events(150, seed=3, days=900)
    with Repository(db_path) as repo:
        fill_repository(repo, events)
        stored = repo.events()
        yield InMemoryTimelineSource(stored), RepositoryTimelineSource(repo), stored


def test_both_implement_the_protocol(both_sources) -> None:
    memory, repository, _ = both_sources
    assert isinstance(memory, TimelineSource)
    assert isinstance(repository, TimelineSource)


def test_sources_agree_on_windows_spans_and_counts(both_sources) -> None:
    memory, repository, stored = both_sources
    assert memory.span() == repository.span()
    assert memory.span() == (min(e.start for e in stored), max(e.end for e in stored))
    for start, days in [(datetime(2010, 3, 1), 30), (datetime(2011, 6, 1), 200)]:
        end = start + timedelta(days=days)
        ids = [e.id for e in memory.events_in(start, end)]
        assert ids == [e.id for e in repository.events_in(start, end)]
        assert ids == [e.id for e in stored if e.start < end and e.end > start]
        assert [e.id for e in memory.events_in(start, end, limit=3)] == ids[:3]
        assert memory.density(start, end, 7) == repository.density(start, end, 7)
        assert sum(memory.density(start, end, 7)) == len(ids)


def test_sources_agree_on_start_counts_and_quantiles(both_sources) -> None:
    memory, repository, stored = both_sources
    starts = sorted(e.start for e in stored)
    for low, high in [(None, None), (datetime(2010, 6, 1), None), (None, datetime(2011, 1, 1))]:
        expected = sum(
            1 for s in starts if (low is None or s >= low) and (high is None or s < high)
        )
        assert memory.start_count(low, high) == repository.start_count(low, high) == expected
    fractions = [0.0, 0.1, 0.5, 0.97, 1.0]
    expected = [starts[round(f * (len(starts) - 1))] for f in fractions]
    assert memory.start_quantiles(fractions) == repository.start_quantiles(fractions) == expected
    chosen = sorted({e.article_id for e in stored})[:1]
    memory.article_ids = repository.article_ids = chosen
    first = min(e.start for e in stored if e.article_id in chosen)
    assert memory.start_quantiles([0.0]) == repository.start_quantiles([0.0]) == [first]
    memory.article_ids = repository.article_ids = []
    assert memory.start_quantiles([0.5]) == repository.start_quantiles([0.5]) == []
    assert memory.start_count() == repository.start_count() == 0


def test_article_filter_narrows_every_answer(both_sources) -> None:
    memory, repository, stored = both_sources
    chosen = sorted({e.article_id for e in stored})[:2]
    memory.article_ids = repository.article_ids = chosen
    wanted = [e.id for e in stored if e.article_id in chosen]
    span = (datetime(2000, 1, 1), datetime(2030, 1, 1))
    assert [e.id for e in memory.events_in(*span)] == wanted
    assert [e.id for e in repository.events_in(*span)] == wanted
    assert sum(repository.density(*span, 5)) == len(wanted)
    outsider = next(e for e in stored if e.article_id not in chosen)
    assert repository.event(outsider.id) is None
    assert memory.event(outsider.id) is None


def test_repository_source_knows_labels_and_anchors(both_sources) -> None:
    _, repository, stored = both_sources
    event = stored[0]
    label = repository.article_label(event.article_id)
    assert label.title.startswith("Article ")
    assert label.source.startswith("Source ")
    assert repository.anchor_of(event) == "the publication date 2024-01-08"
    assert repository.article_label(99999).title == ""
    assert repository.event(99999) is None


def _in_order(events):
    return sorted(events, key=lambda e: (e.start, e.id))


@settings(max_examples=60, deadline=None)
@given(
    gaps=st.lists(st.integers(min_value=0, max_value=4000), min_size=1, max_size=40),
    long_ones=st.integers(min_value=0, max_value=80),
)
def test_neighbours_follow_start_then_id_order(gaps: list[int], long_ones: int) -> None:
    origin = datetime(2000, 1, 1)
    events = []
    moment = origin
    for index, gap in enumerate(gaps, start=1):
        moment += timedelta(days=gap)
        events.append(make_event(index, moment))
    # Long events starting before everything crowd every window query.
    for index in range(long_ones):
        events.append(make_event(1000 + index, origin, end=moment + timedelta(days=9000)))
    source = InMemoryTimelineSource(events)
    ordered = _in_order(events)
    span = source.span()
    assert span is not None
    for position, event in enumerate(ordered):
        following = neighbour_event(source, event, +1, span)
        preceding = neighbour_event(source, event, -1, span)
        assert following == (ordered[position + 1] if position + 1 < len(ordered) else None)
        assert preceding == (ordered[position - 1] if position > 0 else None)


def test_anchors_are_described_in_words() -> None:
    from timeline_app.gui.timeline.source import describe_anchor
    from timeline_app.temporal.timex import AnchorKind

    assert describe_anchor(AnchorKind.DCT, "2024-01-08") == "the publication date 2024-01-08"
    assert describe_anchor(AnchorKind.NARRATIVE, "2023-10") == "a date mentioned earlier 2023-10"
    assert describe_anchor(AnchorKind.NONE, None) is None
    assert describe_anchor(AnchorKind.DCT, None) is None
