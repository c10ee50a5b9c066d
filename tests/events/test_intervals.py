"""Calendar helpers: mod narrowing, whole days, "since" looking back."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.events import EventKind, build_events
from timeline_app.events.intervals import narrow_for_mod, past_for_since, to_whole_days
from timeline_app.temporal.timex import Interval, Precision

from .conftest import make_timex

D = datetime
YEAR_2017 = Interval(D(2017, 1, 1), D(2018, 1, 1))
OCTOBER = Interval(D(2023, 10, 1), D(2023, 11, 1))


@pytest.mark.parametrize(
    ("interval", "precision", "mod", "expected"),
    [
        (YEAR_2017, Precision.YEAR, "START", (D(2017, 1, 1), D(2017, 5, 1))),
        (YEAR_2017, Precision.YEAR, "MID", (D(2017, 5, 1), D(2017, 9, 1))),
        (YEAR_2017, Precision.YEAR, "END", (D(2017, 9, 1), D(2018, 1, 1))),
        (OCTOBER, Precision.MONTH, "START", (D(2023, 10, 1), D(2023, 10, 11))),
        (OCTOBER, Precision.MONTH, "MID", (D(2023, 10, 11), D(2023, 10, 21))),
        (OCTOBER, Precision.MONTH, "END", (D(2023, 10, 21), D(2023, 11, 1))),
        (OCTOBER, Precision.MONTH, "APPROX", (D(2023, 10, 1), D(2023, 11, 1))),
        (OCTOBER, Precision.MONTH, None, (D(2023, 10, 1), D(2023, 11, 1))),
    ],
)
def test_narrow_for_mod(interval, precision, mod, expected) -> None:
    narrowed = narrow_for_mod(interval, precision, mod)
    assert (narrowed.start, narrowed.end) == expected


def test_an_interval_already_narrowed_by_the_tagger_is_kept() -> None:
    already = Interval(D(2017, 9, 1), D(2018, 1, 1))
    assert narrow_for_mod(already, Precision.YEAR, "END") == already


@given(
    st.datetimes(min_value=D(1900, 1, 1), max_value=D(2100, 1, 1)),
    st.integers(min_value=0, max_value=10_000_000),
    st.sampled_from(list(Precision)),
)
def test_whole_days_contain_the_interval(start: datetime, seconds: int, precision) -> None:
    from datetime import timedelta

    interval = Interval(start, start + timedelta(seconds=seconds))
    widened = to_whole_days(interval, precision)
    assert widened.start <= interval.start
    assert widened.end >= interval.end
    if precision <= Precision.DAY:
        assert widened.start.time() == widened.end.time() == datetime.min.time()
        assert widened.end > widened.start
        assert widened.start > interval.start - timedelta(days=1)
    else:
        assert widened == interval


def test_since_a_future_month_looks_back_a_year() -> None:
    future = Interval(D(2024, 10, 11), D(2024, 10, 21))
    assert past_for_since("2024-10", future, date(2024, 1, 8)) == (
        "2023-10",
        Interval(D(2023, 10, 11), D(2023, 10, 21)),
    )
    assert past_for_since("2023-10", OCTOBER, date(2024, 1, 8)) is None  # already past
    assert past_for_since("2030", YEAR_2017, None) is None  # nothing to compare with
    far = Interval(D(2027, 1, 1), D(2028, 1, 1))
    assert past_for_since("2027", far, date(2024, 1, 8)) is None


def test_since_mid_october_resolved_forward_becomes_last_october() -> None:
    text = "There have been 100 attacks since mid-October."
    timex = make_timex(text, "mid-October", "2024-10", D(2024, 10, 1), Precision.MONTH, mod="MID")
    (event,) = build_events(text, [timex], date(2024, 1, 8))
    assert event.kind == EventKind.ONGOING
    assert (event.start, event.end) == (D(2023, 10, 11), D(2024, 1, 9))
    assert event.value == "2023-10"
    assert "moved to 2023-10" in event.explanation
