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
