"""Dates inside names and conditions are kept as expressions but make no event;
"from X through at least Y" is one span."""

from __future__ import annotations

from datetime import date

import pytest

from timeline_app.events import build_events
from timeline_app.temporal import tag

PUBLISHED = date(2011, 8, 20)  # a Saturday


def _events(text: str) -> list[tuple[str, str]]:
    timexes = tag(text, PUBLISHED)
    return [(e.expression, e.value) for e in build_events(text, timexes, PUBLISHED)]


@pytest.mark.parametrize(
    "text",
    [
        "Crowds marked the February 17 Revolution in Benghazi.",
        "The 17th February revolution began in the east.",
        "Veterans of the July 26 Movement gathered.",
        "Salabi leads the February 17 brigade which defended Benghazi.",
        "He is a rebel fighter from the Martyrs of February 17th brigade.",
    ],
)
def test_a_date_inside_a_name_is_tagged_but_makes_no_event(text: str) -> None:
    assert tag(text, PUBLISHED), "the expression itself is still found"
    assert _events(text) == []


def test_a_date_before_a_lower_case_common_noun_still_makes_an_event() -> None:
    assert _events("In 2011 street protests spread to Tripoli.") == [("2011", "2011")]


@pytest.mark.parametrize(
    "text",
    [
        "If the Southern states pulled out of the union today, war would follow.",
        "If they leave, war would follow on Monday.",
        "Unless talks resume on Monday, the strike goes on.",
    ],
)
def test_conditions_make_no_event(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He asked if the talks resumed on Monday.", "2011-08-15"),
        ("If approved, the law will take effect on Monday.", "2011-08-22"),
        ("It looked as if the rebels had won on Monday.", "2011-08-15"),
    ],
)
def test_whether_and_planned_consequences_still_make_events(text: str, value: str) -> None:
    assert [v for _, v in _events(text)] == [value]


def test_a_hedged_end_still_closes_the_span() -> None:
    text = 'Crimes were committed from February 15 through "at least" February 28, the court said.'
    timexes = tag(text, PUBLISHED)
    (event,) = build_events(text, timexes, PUBLISHED)
    assert (event.start.date(), event.end.date()) == (date(2011, 2, 15), date(2011, 3, 1))


def test_a_day_without_a_year_naming_a_past_years_event_makes_no_event() -> None:
    # issue 11: in a 2007 story this made an event on 2006-09-11
    text = (
        "Stocks had the worst single-day decline since the re-opening of the markets"
        " following the September 11th terrorist attacks."
    )
    published = date(2007, 2, 27)
    timexes = tag(text, published)
    assert [t.text for t in timexes] == ["September 11th"], "the expression itself is kept"
    assert build_events(text, timexes, published) == []


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # a few weeks on, the same shape names this year's event
        ("Police said the Aug. 7 blasts killed 257 people.", date(1998, 9, 20), "1998-08-07"),
        # with its year it is a date like any other
        ("He recalled the September 11, 2001, attacks.", date(2007, 2, 27), "2001-09-11"),
    ],
)
def test_a_recent_or_dated_event_noun_still_makes_an_event(
    text: str, published: date, value: str
) -> None:
    events = build_events(text, tag(text, published), published)
    assert [e.value for e in events] == [value]
