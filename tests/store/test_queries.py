"""Event queries agree with a brute-force reading of the same events, at any window."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from timeline_app.articles import ParsedArticle
from timeline_app.events.model import Event
from timeline_app.store import schema
from timeline_app.store.repository import Repository

from .conftest import make_event

BASE = datetime(2000, 1, 1)
TEXT = "x" * 100

events_strategy = st.lists(
    st.tuples(
        st.integers(0, 3650),  # start day
        st.sampled_from([0, 1, 1, 7, 30, 365, 3000]),  # length in days
        st.booleans(),  # hidden
    ),
    min_size=1,
    max_size=40,
)
window_strategy = st.tuples(st.integers(-100, 4000), st.integers(1, 4000))


def fill(repo: Repository, specs: list[tuple[int, int, bool]]) -> list[Event]:
    article, _ = repo.add_article(ParsedArticle(text=TEXT + str(len(specs)) + repr(specs)))
    events = [
        make_event(
            TEXT,
            "x",
            BASE + timedelta(days=day),
            BASE + timedelta(days=day + length),
            timex_start=index,
            timex_end=index + 1,
            label=f"event {index}",
        )
        for index, (day, length, _) in enumerate(specs)
    ]
    repo.replace_analysis(article.id, [], events)
    stored = repo.events(include_hidden=True)
    by_offset = {e.timex_start: e for e in stored}
    for index, (_, _, hidden) in enumerate(specs):
        if hidden:
            repo.hide_event(by_offset[index].id)
    return repo.events(include_hidden=True)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=events_strategy, windows=st.lists(window_strategy, min_size=1, max_size=6))
def test_window_queries_match_brute_force(specs, windows) -> None:
    with Repository(":memory:") as repo:
        everything = fill(repo, specs)
        visible = [e for e in everything if not e.hidden]
        for offset, width in windows:
            start = BASE + timedelta(days=offset)
            end = start + timedelta(days=width)
            expected = [
                e.id
                for e in visible
                if e.start < end and (e.end > start or (e.end == e.start and e.start >= start))
            ]
            assert [e.id for e in repo.events(start=start, end=end)] == expected
            counts = repo.event_density(start, end, 7)
            assert sum(counts) == len(expected)
        if visible:
            assert repo.event_span() == (
                min(e.start for e in visible),
                max(e.end for e in visible),
            )
        else:
            assert repo.event_span() is None


def test_version_1_database_migrates_with_its_events(tmp_path: Path) -> None:
    """A library created before the R*Tree existed gets one filled from its events."""
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    schema.MIGRATIONS.apply(db, stop_before="0002_fast_event_queries")
    db.execute(
        "INSERT INTO articles (id, text, content_hash, imported_at) VALUES (1, 't', 'h', '2024')"
    )
    db.execute(
        "INSERT INTO events (article_id, machine_start_s, machine_end_s, machine_precision,"
        " start_s, end_s, precision, kind, timex_start, timex_end, expression, value,"
        " sentence_start, sentence_end, label, confidence)"
        " VALUES (1, 0, 86400, 9, 0, 86400, 9, 'point', 0, 1, 't', 'v', 0, 1, 'l', 1.0)"
    )
    db.close()
    with Repository(path) as repo:
        assert repo.db.execute("SELECT COUNT(*) FROM events_rtree").fetchone()[0] == 1
        window = repo.events(start=datetime(1970, 1, 1, 12), end=datetime(1970, 1, 1, 13))
        assert [e.label for e in window] == ["l"]


def test_statistics_steer_article_queries_to_the_article_index(file_repo: Repository) -> None:
    for index in range(30):
        fill(file_repo, [(index, 1, False), (index + 5, 30, False)])
    file_repo.optimize()
    plan = " ".join(
        str(row)
        for row in file_repo.db.execute(
            "EXPLAIN QUERY PLAN SELECT article_id, COUNT(*) FROM events WHERE +hidden = 0"
            " GROUP BY article_id"
        )
    )
    assert "events_by_article" in plan
    assert file_repo.event_counts_by_article() == {i: 2 for i in range(1, 31)}
