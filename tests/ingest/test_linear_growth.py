"""Import work grows linearly with article size (issue 12: a 4 MB article took 505 s).

Timings on a shared machine are noise, so the work is *counted*: the lines of
``timeline_app`` code executed (``sys.settrace``), which is deterministic. An
article four times longer must cost less than six times as many lines; the
quadratic builder and grouping cost about eight times as many at these sizes
and sixteen times in the limit.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

import pytest

from timeline_app.events import build_events, group_events
from timeline_app.temporal import tag

GROWTH = 4
MAX_COST_RATIO = 6.0
PUBLISHED = date(2024, 1, 8)


def dated_article(sentences: int, days: int = 31, seed: int = 7) -> str:
    """News-like sentences, each with a date among ``days`` days (so many events overlap)."""
    rng = random.Random(seed)
    subjects = ("The council", "Officials", "Police", "The court", "Lawmakers", "Rescuers")
    verbs = ("approved", "rejected", "announced", "investigated", "delayed", "signed")
    things = ("the budget", "a bridge", "the water plan", "an inquiry", "the port", "a school")
    parts = []
    for _ in range(sentences):
        day = date(2023, 10, 1) + timedelta(days=rng.randint(0, days - 1))
        parts.append(
            f"On {day:%B} {day.day}, {day.year}, {rng.choice(subjects)} "
            f"{rng.choice(verbs)} {rng.choice(things)}."
        )
    return " ".join(parts)


def executed_lines(work: Callable[[], object]) -> int:
    """How many lines of the project's code ``work`` runs (other code is not traced)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if "timeline_app" in frame.f_code.co_filename else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


def _stored(text: str) -> list:
    timexes = list(tag(text, PUBLISHED))
    events = build_events(text, timexes, PUBLISHED)
    return [replace(event, id=number, article_id=1) for number, event in enumerate(events, 1)]


@pytest.fixture(scope="module")
def articles() -> tuple[str, str]:
    pair = dated_article(250), dated_article(250 * GROWTH)
    for text in pair:
        tag(text, PUBLISHED)  # the rules a text needs compile on first use, outside the counts
    return pair


def _ratio(articles: tuple[str, str], work: Callable[[str], object]) -> float:
    small, large = articles
    return executed_lines(lambda: work(large)) / executed_lines(lambda: work(small))


def test_tagging_grows_linearly(articles):
    assert _ratio(articles, lambda text: list(tag(text, PUBLISHED))) < MAX_COST_RATIO


def test_event_building_grows_linearly(articles):
    timexes = {text: list(tag(text, PUBLISHED)) for text in articles}
    ratio = _ratio(articles, lambda text: build_events(text, timexes[text], PUBLISHED))
    assert ratio < MAX_COST_RATIO


def test_grouping_one_long_article_grows_linearly():
    """Its events all overlap each other (two days): none may be compared with its own."""
    crowded = dated_article(150, days=2), dated_article(150 * GROWTH, days=2)
    stored = {text: _stored(text) for text in crowded}
    ratio = _ratio(crowded, lambda text: group_events(stored[text], {1: text}))
    assert ratio < MAX_COST_RATIO


def test_grouping_still_groups_across_articles():
    """The per-article postings still let two articles' reports of one day meet."""
    text = "On March 3, 2024, the council approved the new bridge budget."
    first, second = _stored(text), _stored(text)
    second = [replace(event, id=event.id + 100, article_id=2) for event in second]
    groups = group_events([*first, *second], {1: text, 2: text})
    assert groups == {1: 1, 101: 1}
