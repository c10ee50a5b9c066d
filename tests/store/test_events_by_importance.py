"""``Repository.events_by_importance``: what the timeline labels over a crowded window."""

from __future__ import annotations

from datetime import datetime, timedelta

from timeline_app.articles import ParsedArticle
from timeline_app.store.repository import Repository

from .conftest import make_event

TEXT = "On March 17 the council voted. On March 18 the bridge opened. On March 19 it rained."


def add_article(repo: Repository, title: str, facts: list[tuple[int, float]]) -> int:
    """An article whose events fall on March ``day`` 2011 with the given importance."""
    article, _ = repo.add_article(ParsedArticle(text=TEXT + f" ({title})", title=title))
    events = [
        make_event(
            TEXT,
            f"March {day}",
            datetime(2011, 3, day),
            datetime(2011, 3, day) + timedelta(days=1),
            label=f"{title} on {day}",
            importance=importance,
        )
        for day, importance in facts
    ]
    repo.replace_analysis(article.id, [], events)
    return article.id


def test_most_important_first_within_the_window_and_filters(memory_repo: Repository) -> None:
    repo = memory_repo
    first = add_article(repo, "first", [(17, 5.0), (18, 1.0), (19, 9.0)])
    second = add_article(repo, "second", [(17, 7.0), (18, 3.0)])
    window = (datetime(2011, 3, 17), datetime(2011, 3, 19))
    ranked = repo.events_by_importance(*window, limit=10)
    assert [e.importance for e in ranked] == [7.0, 5.0, 3.0, 1.0]  # the 19th is outside
    assert [e.importance for e in repo.events_by_importance(*window, limit=2)] == [7.0, 5.0]
    only_first = repo.events_by_importance(*window, limit=10, article_ids=[first])
    assert [e.importance for e in only_first] == [5.0, 1.0]
    matching = repo.events_by_importance(*window, limit=10, search="second")
    assert {e.article_id for e in matching} == {second}
    assert repo.events_by_importance(*window, limit=0) == []


def test_one_event_stands_for_each_happening(memory_repo: Repository) -> None:
    repo = memory_repo
    add_article(repo, "first", [(17, 4.0)])
    add_article(repo, "second", [(17, 4.0)])
    events = repo.events()
    repo.set_groups({e.id: events[0].id for e in events})
    ranked = repo.events_by_importance(datetime(2011, 3, 1), datetime(2011, 4, 1), limit=10)
    assert len(ranked) == 1


def test_a_happening_is_drawn_at_its_most_precise_member(memory_repo: Repository) -> None:
    """A group holding "in March" (the month) and "March 19" (the day) is labelled on
    the day: the month would smear the headline over the whole view."""
    repo = memory_repo
    article, _ = repo.add_article(ParsedArticle(text=TEXT + " (month)", title="month"))
    month = make_event(
        TEXT,
        "March 19",
        datetime(2011, 3, 1),
        datetime(2011, 4, 1),
        label="strikes in March",
        importance=6.0,
    )
    repo.replace_analysis(article.id, [], [month])
    add_article(repo, "day", [(19, 6.0)])
    events = repo.events()
    assert len(events) == 2
    repo.set_groups({e.id: events[0].id for e in events})
    ranked = repo.events_by_importance(datetime(2011, 3, 1), datetime(2011, 9, 1), limit=10)
    assert len(ranked) == 1
    assert ranked[0].end - ranked[0].start == timedelta(days=1)
