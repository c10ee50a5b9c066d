"""Events for days joined to a date: "April 24 and 25" is one two-day span."""

from __future__ import annotations

from datetime import date, datetime

from timeline_app.commands import analyse
from timeline_app.events.model import EventKind

PUBLISHED = date(1999, 2, 10)


def events_of(text: str):
    return analyse(text, PUBLISHED)[1]


def test_next_days_make_one_span() -> None:
    (event,) = events_of("NATO leaders meet in Washington on April 24 and 25 for the summit.")
    assert event.kind is EventKind.SPAN
    assert (event.start, event.end) == (datetime(1999, 4, 24), datetime(1999, 4, 26))
    assert event.expression == "April 24 and 25"


def test_alternative_days_make_one_span() -> None:
    (event,) = events_of("The vote, on March 5 or 6, was delayed.")
    assert (event.start, event.end) == (datetime(1999, 3, 5), datetime(1999, 3, 7))


def test_days_apart_stay_two_events() -> None:
    found = events_of("Votes on March 3 and 10 followed.")
    assert [(e.kind, e.start) for e in found] == [
        (EventKind.POINT, datetime(1999, 3, 3)),
        (EventKind.POINT, datetime(1999, 3, 10)),
    ]
