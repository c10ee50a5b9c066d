"""An anchored duration ("[Twenty years] later") is a DURATION in TimeML
terms, but the event it dates keeps the point it reaches (issue 11)."""

from __future__ import annotations

from datetime import date, datetime

from timeline_app.events import build_events, is_event_timex
from timeline_app.temporal import tag
from timeline_app.temporal.timex import Precision, TimexType


def test_the_event_of_n_years_later_keeps_its_year() -> None:
    text = "The band formed in 1985. Twenty years later, the band split in London."
    timexes = tag(text, date(2011, 3, 8))
    later = next(t for t in timexes if t.text == "Twenty years")
    assert later.type is TimexType.DURATION
    assert is_event_timex(later)
    events = build_events(text, timexes, date(2011, 3, 8))
    (event,) = [e for e in events if e.expression == "Twenty years"]
    assert (event.start, event.precision) == (datetime(2005, 1, 1), Precision.YEAR)


def test_a_plain_duration_still_makes_no_event() -> None:
    text = "The talks lasted for three days in Geneva."
    timexes = tag(text, date(2011, 3, 8))
    assert [t.type for t in timexes] == [TimexType.DURATION]
    assert not is_event_timex(timexes[0])
    assert build_events(text, timexes, date(2011, 3, 8)) == []
