"""Happenings in the store: migration 0004, stored facts, key events in importance order."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.events.happenings import HappeningFacts
from timeline_app.events.model import Event
from timeline_app.store import schema
from timeline_app.store.repository import Repository
from timeline_app.story import refresh_happenings
from timeline_app.temporal.timex import Precision

from .conftest import make_event


def test_a_library_from_before_happenings_upgrades_and_reads_defaults(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    schema.MIGRATIONS.apply(db, stop_before="0004_happenings")
    assert "importance" not in db["events"].columns_dict
    db.execute(
        "INSERT INTO articles (id, text, content_hash, imported_at, published, published_source)"
        " VALUES (1, 'The vote on Jan. 9, 2024.', 'h', '2024-02-01T00:00:00', '2024-01-10',"
        " 'metadata')"
    )
    db.execute(
        "INSERT INTO events (id, article_id, machine_start_s, machine_end_s, machine_precision,"
        " start_s, end_s, precision, kind, timex_start, timex_end, expression, value,"
        " sentence_start, sentence_end, label, confidence)"
        " VALUES (7, 1, 1704758400, 1704844800, 9, 1704758400, 1704844800, 9, 'point', 12, 24,"
        " 'Jan. 9, 2024', '2024-01-09', 0, 25, 'The vote on Jan. 9, 2024.', 0.9)"
    )
    db.conn.commit()
    db.close()
    with Repository(path) as repo:
        old = repo.event(7)
        assert (old.importance, old.headline, old.reports) == (0.0, "", 1)
        refresh_happenings(repo)
        event = repo.event(7)
        assert event.importance > 0
        assert event.headline == "The vote on Jan. 9, 2024"
        assert [e.id for e in repo.key_events()] == [7]


def _article(repo: Repository, text: str, published: date) -> int:
    article, _ = repo.add_article(
        ParsedArticle(
            text=text,
            title=text[:20],
            source="Wire",
            published=published,
            published_source=PublishedSource.METADATA,
        )
    )
    return article.id


def test_key_events_are_one_per_happening_in_importance_order(memory_repo: Repository) -> None:
    text = "Rebels took the town on Jan. 6, 2024."
    day = (datetime(2024, 1, 6), datetime(2024, 1, 7))
    ids = []
    for index in range(3):
        article_id = _article(memory_repo, f"{text} ({index})", date(2024, 1, 7))
        memory_repo.replace_analysis(article_id, [], [make_event(text, "Jan. 6, 2024", *day)])
        ids.append(memory_repo.events(article_ids=[article_id])[0].id)
    lone_article = _article(memory_repo, "A minor note on Jan. 2, 2024.", date(2024, 1, 3))
    minor = make_event(
        "A minor note on Jan. 2, 2024.", "Jan. 2, 2024", datetime(2024, 1, 2), datetime(2024, 1, 3)
    )
    memory_repo.replace_analysis(lone_article, [], [minor])
    lone = memory_repo.events(article_ids=[lone_article])[0].id
    memory_repo.set_groups({event_id: ids[0] for event_id in ids})
    memory_repo.set_happenings(
        {
            **{event_id: HappeningFacts(5.0, "Rebels took the town", 3) for event_id in ids},
            lone: HappeningFacts(1.0, "A minor note", 1),
        }
    )
    key = memory_repo.key_events()
    assert [(e.group_id, e.headline, e.reports) for e in key] == [
        (ids[0], "Rebels took the town", 3),
        (None, "A minor note", 1),
    ]
    assert [e.id for e in memory_repo.key_events(limit=1)] == [key[0].id]
    in_window = memory_repo.key_events(start=datetime(2024, 1, 1), end=datetime(2024, 1, 3))
    assert [e.id for e in in_window] == [lone]
    assert [e.id for e in memory_repo.key_events(search="minor")] == [lone]
    memory_repo.hide_event(lone)
    assert [e.id for e in memory_repo.key_events()] == [key[0].id]


def _one_happening(
    repo: Repository, reports: list[tuple[str, date, Event]], headline: str
) -> list[int]:
    """Each (text, published, event) as its own article, all grouped as one
    happening; the events' ids in that order."""
    ids = []
    for text, published, event in reports:
        article_id = _article(repo, text, published)
        repo.replace_analysis(article_id, [], [event])
        ids.append(repo.events(article_ids=[article_id])[0].id)
    repo.set_groups({event_id: ids[0] for event_id in ids})
    repo.set_happenings({i: HappeningFacts(4.0, headline, len(ids)) for i in ids})
    return ids


def test_a_happening_is_listed_at_its_most_precise_member(memory_repo: Repository) -> None:
    # The week's report is surer, but the timeline draws the happening on the
    # day one article names: the Key events list must give the same date.
    week_text = "The league voted late last week to back the plan."
    day_text = "The league voted on Saturday, Jan. 6, 2024, to back the plan."
    week = make_event(
        week_text,
        "late last week",
        datetime(2024, 1, 1),
        datetime(2024, 1, 8),
        precision=Precision.WEEK,
        confidence=0.95,
    )
    day = make_event(day_text, "Saturday, Jan. 6, 2024", datetime(2024, 1, 6), datetime(2024, 1, 7))
    reports = [(week_text, date(2024, 1, 10), week), (day_text, date(2024, 1, 7), day)]
    ids = _one_happening(memory_repo, reports, "The league voted")
    (key,) = memory_repo.key_events()
    assert key.id == ids[1]
    assert key.start == datetime(2024, 1, 6)


def test_a_posting_time_does_not_stand_for_a_happening_over_its_day(
    memory_repo: Repository,
) -> None:
    # A page's stamp names the minute it was posted; the happening's day is told
    # as precisely by a surer report, which stands for it.
    stamp_text = "Pandemic declared Thursday 11 June 2009 18.39 BST The WHO acted."
    day_text = "The WHO declared a pandemic on Thursday, June 11, 2009."
    stamp = make_event(
        stamp_text,
        "Thursday 11 June 2009 18.39 BST",
        datetime(2009, 6, 11, 18, 39),
        datetime(2009, 6, 11, 18, 40),
        precision=Precision.MINUTE,
        confidence=0.3,
    )
    day = make_event(
        day_text, "Thursday, June 11, 2009", datetime(2009, 6, 11), datetime(2009, 6, 12)
    )
    reports = [(stamp_text, date(2009, 6, 11), stamp), (day_text, date(2009, 6, 12), day)]
    ids = _one_happening(memory_repo, reports, "The WHO declared a pandemic")
    assert [e.id for e in memory_repo.key_events()] == [ids[1]]
    shown = memory_repo.events_by_importance(datetime(2009, 1, 1), datetime(2010, 1, 1), 5)
    assert [e.id for e in shown] == [ids[1]]


def test_set_happenings_writes_only_changes_and_resets_the_rest(memory_repo: Repository) -> None:
    text = "Rebels took the town on Jan. 6, 2024."
    article_id = _article(memory_repo, text, date(2024, 1, 7))
    memory_repo.replace_analysis(
        article_id,
        [],
        [make_event(text, "Jan. 6, 2024", datetime(2024, 1, 6), datetime(2024, 1, 7))],
    )
    event_id = memory_repo.events()[0].id
    assert memory_repo.set_happenings({event_id: HappeningFacts(2.0, "Rebels", 1)}) == 1
    assert memory_repo.set_happenings({event_id: HappeningFacts(2.0, "Rebels", 1)}) == 0
    assert memory_repo.set_happenings({}) == 1
    assert memory_repo.event(event_id).importance == 0.0
