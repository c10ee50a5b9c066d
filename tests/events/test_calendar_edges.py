"""Events published on the calendar's last day still build ("since X" runs to it)."""

from __future__ import annotations

from datetime import date, datetime

from timeline_app.commands import analyse
from timeline_app.events.model import EventKind


def test_since_runs_to_the_last_day_of_the_calendar() -> None:
    _, events = analyse("Troops have been there since 2000.", date(9999, 12, 31))
    (event,) = events
    assert event.kind is EventKind.ONGOING
    assert event.start == datetime(2000, 1, 1)
    assert event.end.date() == date(9999, 12, 31)
