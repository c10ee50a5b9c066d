"""Repository behaviour: articles, analysis replacement, event queries, corrections."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.store.repository import Repository
from timeline_app.temporal.timex import Precision

from .conftest import ARTICLE_TEXT, make_event, seed

# Every migration a library goes through, in order.
SCHEMA_VERSIONS = (
    "0001_initial_schema",
    "0002_fast_event_queries",
    "0003_published_confidence",
    "0004_happenings",
    "0005_article_furniture",
    "0006_pending_regroup",
)


def test_schema_has_wal_foreign_keys_and_migration_record(file_repo: Repository) -> None:
    db = file_repo.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")]
    assert names == list(SCHEMA_VERSIONS)


def test_reopening_applies_no_migration_twice(db_path) -> None:
    for _ in range(2):
        with Repository(db_path) as repo:
            seed(repo) if repo.article_count() == 0 else None
    with Repository(db_path) as repo:
        assert repo.article_count() == 1
        assert repo.db.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0] == len(
            repo.db.execute("SELECT DISTINCT name FROM _sqlite_migrations").fetchall()
        )


def test_same_content_is_stored_once(memory_repo: Repository) -> None:
    first, created = memory_repo.add_article(ParsedArticle(text="Hello  world.\n", title="A"))
    again, created_again = memory_repo.add_article(
        ParsedArticle(text="Hello world.", title="B (re-saved)")
    )
    assert created
    assert not created_again
    assert again.id == first.id
    assert again.title == "A"
    assert memory_repo.article_count() == 1


def test_article_round_trip(memory_repo: Repository) -> None:
    parsed = ParsedArticle(
        text="Body text.",
        title="Title",
        source="Reuters",
        url="https://example.org/a",
        path="/tmp/a.txt",
        published=date(2009, 5, 12),
        published_source=PublishedSource.DATELINE,
        published_reason="dateline 'HONG KONG | Tue May 12, 2009'",
    )
    stored, _ = memory_repo.add_article(parsed)
    loaded = memory_repo.article(stored.id)
    assert loaded == stored
    assert (loaded.title, loaded.source, loaded.url, loaded.path) == (
        "Title",
        "Reuters",
        "https://example.org/a",
        "/tmp/a.txt",
    )
    assert loaded.published == date(2009, 5, 12)
    assert loaded.published_source is PublishedSource.DATELINE
    with pytest.raises(KeyError, match="no article with id 999"):
        memory_repo.article(999)


def test_article_search_uses_full_text_and_ignores_query_syntax(memory_repo: Repository) -> None:
    memory_repo.add_article(ParsedArticle(text="Troops leave Baghdad.", title="Iraq"))
    memory_repo.add_article(ParsedArticle(text="Virus spreads.", title="H1N1 in Hong Kong"))
    assert [a.title for a in memory_repo.articles("baghdad")] == ["Iraq"]
    assert [a.title for a in memory_repo.articles("hong")] == ["H1N1 in Hong Kong"]
    assert [a.title for a in memory_repo.articles("virus")] == ["H1N1 in Hong Kong"]
    # FTS5 syntax in user input is taken as words, never as an error or injection.
    assert memory_repo.articles('"NEAR( AND * title:') == []
    assert len(memory_repo.articles("   ")) == 2  # a blank search is no filter, never "nothing"
    assert len(memory_repo.articles()) == 2


def test_user_date_is_kept_apart_and_wins(memory_repo: Repository) -> None:
    article, _ = memory_repo.add_article(
        ParsedArticle(
            text="x",
            published=date(2020, 1, 1),
            published_source=PublishedSource.INFERRED,
            published_reason="latest date mentioned",
        )
    )
    memory_repo.set_published(article.id, date(2021, 2, 3))
    loaded = memory_repo.article(article.id)
    assert loaded.published == date(2021, 2, 3)
    assert loaded.published_source is PublishedSource.USER
    # A machine update (e.g. re-inference) does not override the user's date ...
    memory_repo.set_published(article.id, date(1999, 1, 1), PublishedSource.INFERRED, "again")
    assert memory_repo.article(article.id).published == date(2021, 2, 3)
    # ... and shows once the user's correction is cleared.
    memory_repo.clear_published_correction(article.id)
    assert memory_repo.article(article.id).published == date(1999, 1, 1)


def test_replace_analysis_round_trips_and_replaces(seeded_repo) -> None:
    repo, article_id, event_ids = seeded_repo
    timexes = repo.timexes(article_id)
    assert [t.text for t in timexes] == ["Jan. 6, 2024", "Jan. 9, 2024", "3 days"]
    assert all(ARTICLE_TEXT[t.start : t.end] == t.text for t in timexes)
    assert timexes[0].interval.start == datetime(2024, 1, 6)
    events = repo.events()
    assert [e.label for e in events] == ["The summit opened", "the vote followed"]
    assert all(e.article_id == article_id and e.id > 0 for e in events)
    # Replacing keeps the id of an event on the same expression, drops the other.
    kept = make_event(ARTICLE_TEXT, "Jan. 6, 2024", datetime(2024, 1, 6), datetime(2024, 1, 7))
    repo.replace_analysis(article_id, timexes[:1], [kept])
    assert [e.id for e in repo.events()] == [event_ids[0]]
    assert len(repo.timexes(article_id)) == 1


def test_events_overlap_query_and_order(seeded_repo) -> None:
    repo, _, (jan6, jan9) = seeded_repo
    assert [e.id for e in repo.events(start=datetime(2024, 1, 6, 12))] == [jan6, jan9]
    assert [e.id for e in repo.events(start=datetime(2024, 1, 7))] == [jan9]
    assert [e.id for e in repo.events(end=datetime(2024, 1, 9))] == [jan6]
    assert repo.events(start=datetime(2024, 1, 7), end=datetime(2024, 1, 9)) == []
    assert [e.id for e in repo.events(limit=1)] == [jan6]
    assert [e.id for e in repo.events(search="vote")] == [jan9]
    assert repo.events(article_ids=[]) == []
    assert len(repo.events(article_ids={1, 2, 3})) == 2


def test_span_density_and_counts(seeded_repo) -> None:
    repo, article_id, _ = seeded_repo
    assert repo.event_span() == (datetime(2024, 1, 6), datetime(2024, 1, 10))
    assert repo.event_span(article_ids=[article_id + 1]) is None
    density = repo.event_density(datetime(2024, 1, 1), datetime(2024, 1, 11), 10)
    assert density == [0, 0, 0, 0, 0, 1, 0, 0, 1, 0]
    # An event counts in the slice holding its middle (where its dot is drawn), and
    # one whose middle lies before the range in the first slice.
    assert repo.event_density(datetime(2024, 1, 6, 12), datetime(2024, 1, 12), 2) == [1, 1]
    assert repo.event_density(datetime(2024, 1, 6, 13), datetime(2024, 1, 12), 2) == [1, 1]
    assert repo.event_density(datetime(2024, 1, 6), datetime(2024, 1, 7), 2) == [0, 1]
    assert repo.event_density(datetime(2024, 1, 1), datetime(2024, 1, 11), 10, search="vote") == [
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        1,
        0,
    ]
    assert repo.event_span(search="vote") == (datetime(2024, 1, 9), datetime(2024, 1, 10))
    assert repo.event_start_count(search="vote") == 1
    assert repo.event_counts_by_article() == {article_id: 2}
    with pytest.raises(ValueError, match="empty range"):
        repo.event_density(datetime(2024, 1, 2), datetime(2024, 1, 1), 3)


def test_undated_lists_timexes_without_events(seeded_repo) -> None:
    repo, article_id, _ = seeded_repo
    undated = repo.undated()
    assert [(a, t.text) for a, t in undated] == [(article_id, "3 days")]


def test_corrections_survive_reanalysis_and_can_be_cleared(seeded_repo) -> None:
    repo, article_id, (jan6, jan9) = seeded_repo
    repo.correct_event(jan6, datetime(2024, 1, 5), datetime(2024, 1, 6), Precision.DAY)
    repo.hide_event(jan9)
    assert [e.start for e in repo.events()] == [datetime(2024, 1, 5)]
    assert len(repo.events(include_hidden=True)) == 2
    # A re-tag produces fresh machine output: the user's fixes are re-applied.
    timexes = repo.timexes(article_id)
    fresh = [
        make_event(ARTICLE_TEXT, "Jan. 6, 2024", datetime(2024, 1, 6), datetime(2024, 1, 7)),
        make_event(ARTICLE_TEXT, "Jan. 9, 2024", datetime(2024, 1, 9), datetime(2024, 1, 10)),
    ]
    repo.replace_analysis(article_id, timexes, fresh)
    events = repo.events(include_hidden=True)
    assert [(e.id, e.start, e.hidden) for e in events] == [
        (jan6, datetime(2024, 1, 5), False),
        (jan9, datetime(2024, 1, 9), True),
    ]
    assert repo.is_corrected(jan6)
    repo.clear_correction(jan6)
    repo.hide_event(jan9, hidden=False)
    assert [e.start for e in repo.events()] == [datetime(2024, 1, 6), datetime(2024, 1, 9)]
    assert not repo.is_corrected(jan6)
    with pytest.raises(ValueError, match="end before it starts"):
        repo.correct_event(jan6, datetime(2024, 1, 6), datetime(2024, 1, 5), Precision.DAY)


def test_groups_and_ungrouping(seeded_repo) -> None:
    repo, _, (jan6, jan9) = seeded_repo
    repo.set_groups({jan6: jan6, jan9: jan6})
    assert {e.id: e.group_id for e in repo.events()} == {jan6: jan6, jan9: jan6}
    repo.ungroup_event(jan9)
    assert repo.event(jan9).group_id is None
    repo.set_groups({jan6: jan6, jan9: jan6})  # a regrouping keeps the user's decision
    assert repo.event(jan9).group_id is None
    repo.regroup_event(jan9)
    assert repo.event(jan9).group_id == jan6


def test_deleting_an_article_cascades(seeded_repo) -> None:
    repo, article_id, (jan6, _) = seeded_repo
    repo.hide_event(jan6)
    repo.delete_article(article_id)
    for table in ("articles", "timexes", "events", "event_corrections", "events_fts"):
        assert repo.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table


def test_foreign_keys_are_enforced(memory_repo: Repository) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        memory_repo.replace_analysis(
            42,
            [],
            [make_event(ARTICLE_TEXT, "Jan. 6, 2024", datetime(2024, 1, 6), datetime(2024, 1, 7))],
        )


def _open_and_add(path: str, index: int) -> int:
    """Run in a separate process: open the (maybe brand-new) library and write to it."""
    with Repository(path) as repo:
        article, _ = repo.add_article(ParsedArticle(text=f"article {index}"))
        return article.id


def test_processes_opening_a_new_library_at_once_all_succeed(db_path) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(4, mp_context=context) as pool:
        ids = list(pool.map(_open_and_add, [str(db_path)] * 8, range(8)))
    assert sorted(ids) == list(range(1, 9))
    with Repository(db_path) as repo:
        assert repo.article_count() == 8
        names = [r[0] for r in repo.db.execute("SELECT name FROM _sqlite_migrations")]
        assert sorted(names) == sorted(set(names)) == list(SCHEMA_VERSIONS)


def test_import_fast_path_stores_what_replace_analysis_stores(tmp_path) -> None:
    from timeline_app.store import codec

    with Repository(tmp_path / "a.db") as slow, Repository(tmp_path / "b.db") as fast:
        seed(slow)
        (article,) = slow.articles()
        timexes = slow.timexes(article.id)
        events = slow.events(include_hidden=True)
        parsed = ParsedArticle(
            text=article.text,
            title=article.title,
            published=article.published,
            published_source=article.published_source,
            published_reason=article.published_reason,
        )
        stored, created = fast.add_analysed_article(
            parsed,
            codec.content_hash(parsed.text),
            [codec.timex_values(t) for t in timexes],
            [codec.event_values(e) for e in events],
        )
        assert created
        assert fast.timexes(stored.id) == timexes
        assert fast.events(include_hidden=True) == events
        again, created_again = fast.add_analysed_article(parsed, stored.content_hash, [], [])
        assert not created_again
        assert again.id == stored.id
        assert len(fast.timexes(stored.id)) == len(timexes)
