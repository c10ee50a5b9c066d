"""Ranges written in short and ranges whose second end the tagger put behind the first."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline_app.events import EventKind, build_events
from timeline_app.temporal.timex import AnchorKind, Precision

from .conftest import make_timex

D = datetime
PUBLISHED = date(2024, 1, 8)


@pytest.mark.parametrize(
    ("text", "expression", "start", "expected_end", "expected_expression"),
    [
        ("The fair ran March 3-5 in Paris.", "March 3", D(2024, 3, 3), D(2024, 3, 6), "March 3-5"),
        ("The fair ran from March 3 to 5 in Paris.", "March 3", D(2024, 3, 3), D(2024, 3, 6),
         "March 3 to 5"),
        ("Talks on Jan. 10–12th ended.", "Jan. 10", D(2024, 1, 10), D(2024, 1, 13), "Jan. 10–12th"),
    ],
)  # fmt: skip
def test_day_range_with_a_bare_end_day(
    text: str, expression: str, start: datetime, expected_end: datetime, expected_expression: str
) -> None:
    (event,) = build_events(text, [make_timex(text, expression, "v", start)], PUBLISHED)
    assert (event.kind, event.start, event.end) == (EventKind.SPAN, start, expected_end)
    assert event.expression == expected_expression


def test_day_range_with_its_year_after_it() -> None:
    text = "The fair ran March 3-5, 2024 in Paris."
    timexes = [
        make_timex(text, "March 3", "2024-03-03", D(2024, 3, 3)),
        make_timex(text, "2024", "2024", D(2024, 1, 1), Precision.YEAR, anchor=AnchorKind.NONE),
    ]
    (event,) = build_events(text, timexes, PUBLISHED)
    assert (event.start, event.end, event.expression) == (
        D(2024, 3, 3),
        D(2024, 3, 6),
        "March 3-5, 2024",
    )


def test_day_range_with_a_bare_start_day() -> None:
    text = "It was held 3-5 March 2024 in Paris."
    timex = make_timex(text, "5 March 2024", "2024-03-05", D(2024, 3, 5), anchor=AnchorKind.NONE)
    (event,) = build_events(text, [timex], PUBLISHED)
    assert (event.kind, event.start, event.end) == (EventKind.SPAN, D(2024, 3, 3), D(2024, 3, 6))
    assert event.expression == "3-5 March 2024"


def test_season_written_with_two_digits() -> None:
    text = "In the 1990-91 season they won."
    timex = make_timex(text, "1990", "1990", D(1990, 1, 1), Precision.YEAR, anchor=AnchorKind.NONE)
    (event,) = build_events(text, [timex], PUBLISHED)
    assert (event.start, event.end, event.value) == (D(1990, 1, 1), D(1992, 1, 1), "1990/1991")


@pytest.mark.parametrize(
    "text",
    [
        "On March 3, 5 people died.",
        "On March 3 to 5% of voters it mattered.",
        "The score on March 3 was 3-5 overall.",
        "On March 3 to 5 p.m. it rained.",
        "On March 3 to 2 people it mattered.",  # day 2 is before day 3
        "It cost 2010-35 dollars.",
    ],
)
def test_numbers_that_are_no_range_end(text: str) -> None:
    expression = "March 3" if "March" in text else "2010"
    precision = Precision.DAY if "March" in text else Precision.YEAR
    start = D(2024, 3, 3) if "March" in text else D(2010, 1, 1)
    events = build_events(text, [make_timex(text, expression, "v", start, precision)], PUBLISHED)
    assert [e.kind for e in events] == [EventKind.POINT]


def test_weekday_range_resolved_backwards_is_turned_forward() -> None:
    text = "They met from Monday to Wednesday in Geneva."
    timexes = [
        make_timex(text, "Monday", "2024-01-08", D(2024, 1, 8)),
        make_timex(text, "Wednesday", "2024-01-03", D(2024, 1, 3)),
    ]
    (event,) = build_events(text, timexes, PUBLISHED)
    assert (event.kind, event.start, event.end) == (EventKind.SPAN, D(2024, 1, 8), D(2024, 1, 11))
    assert event.value == "2024-01-08/2024-01-10"
    assert "moved to 2024-01-10" in event.explanation


def test_month_range_over_new_year_runs_through_it() -> None:
    text = "Snow fell from November to February across the north."
    timexes = [  # both resolved after the publication date (2024-01-08)
        make_timex(text, "November", "2024-11", D(2024, 11, 1), Precision.MONTH),
        make_timex(text, "February", "2024-02", D(2024, 2, 1), Precision.MONTH),
    ]
    (event,) = build_events(text, timexes, PUBLISHED)
    assert (event.start, event.end) == (D(2023, 11, 1), D(2024, 3, 1))


def test_range_from_a_past_month_moves_its_end_forward() -> None:
    text = "Snow fell from November to February across the north."
    timexes = [
        make_timex(text, "November", "2023-11", D(2023, 11, 1), Precision.MONTH),
        make_timex(text, "February", "2023-02", D(2023, 2, 1), Precision.MONTH),
    ]
    (event,) = build_events(text, timexes, PUBLISHED)
    assert (event.start, event.end) == (D(2023, 11, 1), D(2024, 3, 1))


def test_range_whose_start_was_put_in_the_future_moves_back() -> None:
    text = "The economy contracted by 0.9% between April and June, the office said."
    timexes = [
        make_timex(text, "April", "2009-04", D(2009, 4, 1), Precision.MONTH),
        make_timex(text, "June", "2008-06", D(2008, 6, 1), Precision.MONTH),
    ]
    (event,) = build_events(text, timexes, date(2008, 11, 18))
    assert (event.start, event.end) == (D(2008, 4, 1), D(2008, 7, 1))
    assert event.value == "2008-04/2008-06"
    assert "2009-04 was moved to 2008-04" in event.explanation
