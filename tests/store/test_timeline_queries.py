"""The event filters shared by every event query, and the queries that take every
event (``include_hidden``, no article filter): no filter leaves a bare WHERE."""

from __future__ import annotations

from datetime import datetime

from timeline_app.store.repository import Repository
from timeline_app.store.timeline_queries import (
    event_filters,
    unsearched_filters,
    where_sql,
)


def test_where_sql_is_empty_without_clauses_and_joins_them_otherwise() -> None:
    assert where_sql([]) == ""
    assert where_sql(["hidden = 0"]) == " WHERE hidden = 0"
    assert where_sql(["a = ?", "b < ?"]) == " WHERE a = ? AND b < ?"


def test_every_event_is_no_clause_at_all() -> None:
    assert event_filters(include_hidden=True) == ([], [])
    assert unsearched_filters(include_hidden=True) == ([], [])


def test_only_a_search_with_no_words_matches_nothing() -> None:
    assert event_filters(search="?! --") is None
    clauses, params = event_filters(search="summit", include_hidden=True)
    assert len(clauses) == 1
    assert params == ['"summit"*']


def test_queries_over_every_event_run_and_count_the_hidden_ones(
    seeded_repo: tuple[Repository, int, list[int]],
) -> None:
    repo, _, (first, second) = seeded_repo
    repo.hide_event(first)
    assert repo.event_span() == (datetime(2024, 1, 9), datetime(2024, 1, 10))
    assert repo.event_span(include_hidden=True) == (datetime(2024, 1, 6), datetime(2024, 1, 10))
    assert [e.id for e in repo.events(include_hidden=True)] == [first, second]
    assert [e.id for e in repo.events()] == [second]
    assert repo.event_start_count() == 1
    assert repo.event_start_quantiles([0.0, 1.0]) == [datetime(2024, 1, 9)] * 2
    assert repo.event_density(datetime(2024, 1, 1), datetime(2024, 2, 1), 31)[8] == 1
