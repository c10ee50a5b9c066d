"""Store fixtures: an in-memory repository, one on a temporary file, and a seeded one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.events.model import Event, EventKind
from timeline_app.store.repository import Repository
from timeline_app.temporal.timex import Interval, Precision, Timex, TimexType


def make_event(text: str, needle: str, start: datetime, end: datetime, **kw) -> Event:
    """An event on the first occurrence of ``needle`` in ``text`` (offsets are real)."""
    at = text.index(needle)
    fields = {
        "article_id": 0,
        "start": start,
        "end": end,
        "precision": Precision.DAY,
        "kind": EventKind.POINT,
        "timex_start": at,
        "timex_end": at + len(needle),
        "expression": needle,
        "value": start.date().isoformat(),
        "sentence_start": 0,
        "sentence_end": len(text),
        "label": text,
        "confidence": 0.9,
        "explanation": "test",
    }
    fields.update(kw)
    return Event(**fields)


def make_timex(text: str, needle: str, start: datetime | None, end: datetime | None) -> Timex:
    at = text.index(needle)
    return Timex(
        start=at,
        end=at + len(needle),
        text=needle,
        type=TimexType.DATE,
        value=start.date().isoformat() if start else "P3D",
        interval=Interval(start, end) if start and end else None,
        precision=Precision.DAY if start else None,
        rule="test",
    )


ARTICLE_TEXT = (
    "The summit opened on Jan. 6, 2024 and the vote followed on Jan. 9, 2024. It lasted 3 days."
)


def seed(repo: Repository) -> tuple[int, list[int]]:
    """One article with two dated events and one undated duration."""
    article, _ = repo.add_article(
        ParsedArticle(
            text=ARTICLE_TEXT,
            title="Summit",
            published=date(2024, 1, 10),
            published_source=PublishedSource.METADATA,
            published_reason="Date: header",
        )
    )
    jan6, jan7 = datetime(2024, 1, 6), datetime(2024, 1, 7)
    jan9, jan10 = datetime(2024, 1, 9), datetime(2024, 1, 10)
    timexes = [
        make_timex(ARTICLE_TEXT, "Jan. 6, 2024", jan6, jan7),
        make_timex(ARTICLE_TEXT, "Jan. 9, 2024", jan9, jan10),
        make_timex(ARTICLE_TEXT, "3 days", None, None),
    ]
    events = [
        make_event(ARTICLE_TEXT, "Jan. 6, 2024", jan6, jan7, label="The summit opened"),
        make_event(ARTICLE_TEXT, "Jan. 9, 2024", jan9, jan10, label="the vote followed"),
    ]
    repo.replace_analysis(article.id, timexes, events)
    return article.id, [e.id for e in repo.events()]


@pytest.fixture
def memory_repo() -> Iterator[Repository]:
    with Repository(":memory:") as repo:
        yield repo


@pytest.fixture
def file_repo(db_path: Path) -> Iterator[Repository]:
    with Repository(db_path) as repo:
        yield repo


@pytest.fixture
def seeded_repo(file_repo: Repository) -> tuple[Repository, int, list[int]]:
    article_id, event_ids = seed(file_repo)
    return file_repo, article_id, event_ids
