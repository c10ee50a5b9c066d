"""``Repository.event_start_quantiles``: start times at ranks of the event order, in SQL."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.conftest import make_event
from timeline_app.articles import ParsedArticle
from timeline_app.store.repository import Repository


def add_events(repo: Repository, starts: list[datetime], title: str = "A") -> int:
    """One article with a one-day event at each of ``starts`` (each on its own words, as
    corrections are keyed by position); returns the article id."""
    text = (
        title + ". " + " ".join(f"On day {index:03d} it happened." for index in range(len(starts)))
    )
    article, _ = repo.add_article(ParsedArticle(text=text, title=title))
    events = [
        make_event(text, f"day {index:03d}", start, start + timedelta(days=1))
        for index, start in enumerate(starts)
    ]
    repo.replace_analysis(article.id, [], events)
    return article.id


def nearest_rank(starts: list[datetime], fraction: float) -> datetime:
    ordered = sorted(starts)
    return ordered[round(fraction * (len(ordered) - 1))]


def test_no_events_no_quantiles(memory_repo: Repository) -> None:
    assert memory_repo.event_start_quantiles([0.1, 0.9]) == []


def test_quantiles_are_nearest_ranks_from_both_ends(memory_repo: Repository) -> None:
    starts = [datetime(2011, 1, 1) + timedelta(days=3 * i) for i in range(101)]
    starts += [datetime(11, 6, 1), datetime(1011, 6, 1)]  # far-off outliers, inserted last
    add_events(memory_repo, starts)
    fractions = [0.0, 0.02, 0.25, 0.5, 0.75, 0.98, 1.0]
    found = memory_repo.event_start_quantiles(fractions)
    assert found == [nearest_rank(starts, f) for f in fractions]
    assert found[0] == datetime(11, 6, 1)
    assert found[1] == datetime(2011, 1, 1)  # two outliers below rank 2: the bulk begins


def test_hidden_events_and_the_article_filter_are_respected(memory_repo: Repository) -> None:
    early = add_events(memory_repo, [datetime(1990, 1, 1), datetime(1991, 1, 1)], title="old")
    late = add_events(memory_repo, [datetime(2020, 1, 1), datetime(2021, 1, 1)], title="new")
    assert memory_repo.event_start_quantiles([0.0], article_ids=[late]) == [datetime(2020, 1, 1)]
    assert memory_repo.event_start_quantiles([1.0], article_ids=[early]) == [datetime(1991, 1, 1)]
    assert memory_repo.event_start_quantiles([0.5], article_ids=[]) == []
    first = memory_repo.events(article_ids=[early])[0]
    memory_repo.hide_event(first.id)
    assert memory_repo.event_start_quantiles([0.0]) == [datetime(1991, 1, 1)]


@pytest.mark.parametrize("fraction", [-0.1, 1.5, float("nan")])
def test_fractions_outside_zero_to_one_are_refused(memory_repo: Repository, fraction) -> None:
    with pytest.raises(ValueError, match="fractions"):
        memory_repo.event_start_quantiles([fraction])


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    days=st.lists(st.integers(min_value=-700_000, max_value=2_900_000), min_size=1, max_size=30),
    fractions=st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=5),
)
def test_matches_sorting_every_start(days: list[int], fractions: list[float]) -> None:
    starts = [datetime(2000, 1, 1) + timedelta(days=day) for day in days]
    with Repository(":memory:") as repo:
        add_events(repo, starts)
        assert repo.event_start_quantiles(fractions) == [nearest_rank(starts, f) for f in fractions]


def test_start_count_counts_only_events_beginning_in_the_range(memory_repo: Repository) -> None:
    starts = [datetime(11, 1, 1), datetime(1011, 1, 1), datetime(2009, 5, 1), datetime(2011, 1, 1)]
    add_events(memory_repo, starts)
    count = memory_repo.event_start_count
    assert count() == 4
    assert count(end=datetime(2009, 1, 1)) == 2
    assert count(start=datetime(2009, 5, 1)) == 2  # an event starting at ``start`` is in
    assert count(end=datetime(2009, 5, 1)) == 2  # ... and one starting at ``end`` is out
    # An event already running at ``start`` does not count (it began earlier).
    assert count(start=datetime(2009, 5, 1, 12)) == 1
    assert count(start=datetime(2012, 1, 1)) == 0


def test_start_count_respects_hidden_events_and_the_article_filter(
    memory_repo: Repository,
) -> None:
    early = add_events(memory_repo, [datetime(1990, 1, 1), datetime(1991, 1, 1)], title="old")
    late = add_events(memory_repo, [datetime(2020, 1, 1)], title="new")
    assert memory_repo.event_start_count(end=datetime(2000, 1, 1), article_ids=[late]) == 0
    assert memory_repo.event_start_count(article_ids=[early, late]) == 3
    assert memory_repo.event_start_count(article_ids=[]) == 0
    memory_repo.hide_event(memory_repo.events(article_ids=[early])[0].id)
    assert memory_repo.event_start_count(end=datetime(2000, 1, 1)) == 1


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    days=st.lists(st.integers(min_value=-3000, max_value=3000), min_size=0, max_size=30),
    low=st.none() | st.integers(min_value=-3500, max_value=3500),
    high=st.none() | st.integers(min_value=-3500, max_value=3500),
)
def test_start_count_matches_counting_every_start(
    days: list[int], low: int | None, high: int | None
) -> None:
    origin = datetime(2000, 1, 1)
    starts = [origin + timedelta(days=day) for day in days]
    start = None if low is None else origin + timedelta(days=low, hours=6)
    end = None if high is None else origin + timedelta(days=high)
    expected = sum(1 for s in starts if (start is None or s >= start) and (end is None or s < end))
    with Repository(":memory:") as repo:
        if starts:
            add_events(repo, starts)
        assert repo.event_start_count(start, end) == expected
