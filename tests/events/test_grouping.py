"""Grouping: one happening in several articles becomes one event; nothing else does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from timeline_app.events import build_events, group_events
from timeline_app.events.grouping import content_words, similarity
from timeline_app.temporal.timex import AnchorKind, Precision

from .conftest import make_timex

D = datetime

FIRST = (
    "A U.S. drone strike Thursday killed a military commander of Harakat al-Nujaba in "
    "Baghdad. Separately, the parliament met on Thursday to discuss the budget."
)
SECOND = (
    "BAGHDAD (AP) - On Jan. 4, 2024, an American drone strike in eastern Baghdad killed "
    "a senior commander of the Harakat al-Nujaba militia and his aide."
)


def stored(events, first_id: int):
    return [replace(event, id=first_id + i) for i, event in enumerate(events)]


def two_articles():
    first = build_events(
        FIRST,
        [
            make_timex(FIRST, "Thursday", "2024-01-04", D(2024, 1, 4)),
            make_timex(FIRST, "Thursday", "2024-01-04", D(2024, 1, 4), occurrence=1),
        ],
        date(2024, 1, 8),
        article_id=1,
    )
    second = build_events(
        SECOND,
        [make_timex(SECOND, "Jan. 4, 2024", "2024-01-04", D(2024, 1, 4), anchor=AnchorKind.NONE)],
        date(2024, 1, 5),
        article_id=2,
    )
    return stored(first, 10), stored(second, 20)


def test_two_articles_reporting_one_strike_are_grouped() -> None:
    first, second = two_articles()
    strike, parliament = first
    (reported,) = second
    groups = group_events([*first, *second], {1: FIRST, 2: SECOND})
    assert groups == {strike.id: strike.id, reported.id: strike.id}
    assert parliament.id not in groups


def test_grouping_works_from_labels_alone() -> None:
    first, second = two_articles()
    groups = group_events([*first, *second])
    assert groups.get(second[0].id) == first[0].id


def test_different_days_are_not_grouped() -> None:
    first, second = two_articles()
    moved = [replace(second[0], start=D(2024, 1, 6), end=D(2024, 1, 7))]
    assert group_events([*first, *moved], {1: FIRST, 2: SECOND}) == {}


def test_incompatible_precision_is_not_grouped() -> None:
    first, second = two_articles()
    decade = [
        replace(second[0], start=D(2020, 1, 1), end=D(2030, 1, 1), precision=Precision.DECADE)
    ]
    assert group_events([*first, *decade], {1: FIRST, 2: SECOND}) == {}


def test_a_group_holds_one_event_per_article() -> None:
    first, second = two_articles()
    # The same article repeating the strike must not be pulled into one group twice.
    duplicate = replace(first[0], id=11)
    groups = group_events([first[0], duplicate, second[0]], {1: FIRST, 2: SECOND})
    members = [event_id for event_id, group in groups.items() if group == groups[20]]
    assert len(members) == 2


def test_events_need_ids() -> None:
    first, _ = two_articles()
    with pytest.raises(ValueError, match="id 0"):
        group_events([replace(first[0], id=0)])


def test_similarity_ignores_dates_reporting_verbs_and_punctuation() -> None:
    a = content_words("The U.S. said on Monday that strikes killed 3 people")
    b = content_words("US officials said strikes killed people Tuesday")
    assert "monday" not in a
    assert "said" not in a
    assert similarity(a, b) >= 0.5
    assert similarity(content_words("budget talks"), content_words("drone strike")) == 0


def test_a_week_cannot_chain_two_different_days() -> None:
    monday = "Stock markets around the world have fallen dramatically today in heavy trading."
    week = "Stock markets across the world fell dramatically this week in heavy trading."
    tuesday = (
        "Stock markets around the world continued to fall dramatically today in heavy trading."
    )
    events = [
        *stored(
            build_events(monday, [make_timex(monday, "today", "d", D(2008, 10, 6))], None, 1), 1
        ),
        *stored(
            build_events(
                week, [make_timex(week, "this week", "w", D(2008, 10, 6), Precision.WEEK)], None, 2
            ),
            2,
        ),
        *stored(
            build_events(tuesday, [make_timex(tuesday, "today", "d", D(2008, 10, 7))], None, 3), 3
        ),
    ]
    groups = group_events(events, {1: monday, 2: week, 3: tuesday})
    assert len(set(groups.values())) == 1
    assert len(groups) == 2  # the week joins one of the days, never both
    assert not {1, 3} <= set(groups)


def test_coarse_dates_need_closer_wording() -> None:
    ford = "Two more Ford plants will close in 2008 as sales drop."
    chrysler = "Chrysler plans to close two plants by 2008 to make its business profitable."
    events = [
        *stored(
            build_events(
                ford, [make_timex(ford, "2008", "2008", D(2008, 1, 1), Precision.YEAR)], None, 1
            ),
            1,
        ),
        *stored(
            build_events(
                chrysler,
                [make_timex(chrysler, "2008", "2008", D(2008, 1, 1), Precision.YEAR)],
                None,
                2,
            ),
            2,
        ),
    ]
    assert group_events(events, {1: ford, 2: chrysler}) == {}
