"""The pure axis logic: ticks adapt to the zoom, zoom and pan keep the window valid."""

from __future__ import annotations

import itertools
import math
from datetime import datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from timeline_app.gui.timeline.time_scale import (
    DAY,
    EARLIEST_S,
    HOUR,
    LATEST_S,
    MAX_SPAN_S,
    MIN_SPAN_S,
    TICK_UNITS,
    Viewport,
    build_axis,
    choose_unit,
    describe_span,
    format_interval,
    from_seconds,
    min_spacing_px,
    to_seconds,
)

moments = st.datetimes(min_value=datetime(100, 1, 1), max_value=datetime(9000, 1, 1))
spans = st.floats(min_value=MIN_SPAN_S, max_value=2000 * 365 * DAY)
widths = st.integers(min_value=200, max_value=4000)


@st.composite
def viewports(draw) -> Viewport:
    return Viewport.around(to_seconds(draw(moments)), to_seconds(draw(moments)) + draw(spans))


@settings(max_examples=300, deadline=None)
@given(viewport=viewports(), width=widths)
def test_ticks_increase_lie_in_range_and_have_labels(viewport: Viewport, width: int) -> None:
    axis = build_axis(viewport, width)
    seconds = [tick.seconds for tick in axis.ticks]
    assert seconds == sorted(set(seconds)), "ticks must strictly increase"
    assert all(viewport.start - 1e-3 <= s <= viewport.end + 1e-3 for s in seconds)
    assert all(tick.label.strip() for tick in axis.ticks)
    assert all(tick.label.strip() for tick in axis.context)
    context = [tick.seconds for tick in axis.context]
    assert context == sorted(set(context))


@settings(max_examples=300, deadline=None)
@given(viewport=viewports(), width=widths)
def test_neighbouring_ticks_leave_room_for_their_labels(viewport: Viewport, width: int) -> None:
    axis = build_axis(viewport, width)
    xs = [viewport.x_of(tick.seconds, width) for tick in axis.ticks]
    room = min_spacing_px(axis.unit)
    assert all(b - a >= room - 1e-6 for a, b in itertools.pairwise(xs))


@settings(max_examples=200, deadline=None)
@given(span=spans, width=widths)
def test_unit_is_the_finest_that_fits(span: float, width: int) -> None:
    unit = choose_unit(span, width)
    index = TICK_UNITS.index(unit)
    if index + 1 < len(TICK_UNITS):
        finer = TICK_UNITS[index + 1]
        assert finer.shortest * width / span < min_spacing_px(finer)


@settings(max_examples=200, deadline=None)
@given(span=spans, factor=st.floats(min_value=1.01, max_value=1000), width=widths)
def test_granularity_coarsens_as_the_span_grows(span: float, factor: float, width: int) -> None:
    fine = TICK_UNITS.index(choose_unit(span, width))
    coarse = TICK_UNITS.index(choose_unit(span * factor, width))
    assert coarse <= fine


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (3000 * 365 * DAY, "200y"),
        (30 * 365 * DAY, "2y"),
        (2 * 365 * DAY, "3mo"),
        (60 * DAY, "1w"),
        (10 * DAY, "1d"),
        (DAY, "3h"),
        (4 * HOUR, "15min"),
    ],
)
def test_ticks_go_from_centuries_to_minutes(span: float, expected: str) -> None:
    assert choose_unit(span, 1000).name == expected


def test_day_ticks_carry_month_context_that_names_the_left_edge() -> None:
    viewport = Viewport.from_datetimes(datetime(2024, 2, 20), datetime(2024, 3, 5))
    axis = build_axis(viewport, 1000)
    assert axis.unit.name == "1d"
    assert [tick.label for tick in axis.context] == ["February 2024", "March 2024"]
    assert axis.context[0].when == datetime(2024, 2, 1)  # the period the view starts in
    assert any(tick.major and tick.when == datetime(2024, 3, 1) for tick in axis.ticks)


def test_leap_day_and_month_ends_are_real_dates() -> None:
    viewport = Viewport.from_datetimes(datetime(2024, 2, 27), datetime(2024, 3, 2))
    context = [tick.label for tick in build_axis(viewport, 1200).context]
    assert context == [
        "Tue 27 Feb 2024",
        "Wed 28 Feb 2024",
        "Thu 29 Feb 2024",
        "Fri 1 Mar 2024",
        "Sat 2 Mar 2024",
    ]
    month_view = Viewport.from_datetimes(datetime(2023, 11, 1), datetime(2024, 4, 1))
    assert [t.label for t in build_axis(month_view, 1200).ticks][:3] == ["Nov", "Dec", "Jan"]


@settings(max_examples=300, deadline=None)
@given(
    viewport=viewports(),
    factor=st.floats(min_value=0.01, max_value=100),
    anchor=st.floats(min_value=0, max_value=1),
)
def test_zoom_keeps_the_anchor_still_and_the_window_valid(
    viewport: Viewport, factor: float, anchor: float
) -> None:
    zoomed = viewport.zoomed(factor, anchor)
    assert MIN_SPAN_S - 1e-3 <= zoomed.span <= MAX_SPAN_S
    assert zoomed.start >= EARLIEST_S - 1e-3
    assert zoomed.end <= LATEST_S + 1e-3
    wanted = viewport.span / factor
    unclamped = MIN_SPAN_S < wanted < MAX_SPAN_S
    pivot = viewport.start + anchor * viewport.span
    far_from_limits = EARLIEST_S + 2 * wanted < pivot < LATEST_S - 2 * wanted
    if unclamped and far_from_limits:
        assert math.isclose(zoomed.span, wanted, rel_tol=1e-9, abs_tol=1e-3)
        assert math.isclose(zoomed.start + anchor * zoomed.span, pivot, abs_tol=1e-3)


@settings(max_examples=200, deadline=None)
@given(viewport=viewports(), factor=st.floats(min_value=1.01, max_value=50))
def test_zoom_in_then_out_returns(viewport: Viewport, factor: float) -> None:
    assume(viewport.span / factor > MIN_SPAN_S)
    again = viewport.zoomed(factor, 0.3).zoomed(1 / factor, 0.3)
    assert math.isclose(again.start, viewport.start, abs_tol=1e-3 * viewport.span + 1e-3)
    assert math.isclose(again.span, viewport.span, rel_tol=1e-9, abs_tol=1e-3)


@settings(max_examples=200, deadline=None)
@given(viewport=viewports(), delta=st.floats(min_value=-1e11, max_value=1e11))
def test_pan_keeps_the_span(viewport: Viewport, delta: float) -> None:
    panned = viewport.panned(delta)
    assert math.isclose(panned.span, viewport.span, rel_tol=1e-9, abs_tol=1e-3)
    assert panned.start >= EARLIEST_S - 1e-3
    assert panned.end <= LATEST_S + 1e-3


@settings(max_examples=200, deadline=None)
@given(viewport=viewports(), fraction=st.floats(min_value=0, max_value=1), width=widths)
def test_pixel_mapping_round_trips(viewport: Viewport, fraction: float, width: int) -> None:
    seconds = viewport.start + fraction * viewport.span
    x = viewport.x_of(seconds, width)
    assert -1e-6 <= x <= width + 1e-6
    assert math.isclose(viewport.seconds_at(x, width), seconds, abs_tol=1e-3)


@given(moment=moments)
def test_seconds_round_trip_to_the_millisecond(moment: datetime) -> None:
    assert abs(from_seconds(to_seconds(moment)) - moment) < timedelta(milliseconds=1)


def test_invalid_windows_are_refused_with_the_reason() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        Viewport(10.0, 5.0)
    with pytest.raises(ValueError, match="finite"):
        Viewport(0.0, math.inf)
    with pytest.raises(ValueError, match="zoom factor"):
        Viewport(0.0, 1e6).zoomed(0)


def test_extreme_years_stay_representable() -> None:
    far = Viewport.around(EARLIEST_S - 1e9, EARLIEST_S + 10 * DAY).zoomed(1e-9)
    assert far.span == pytest.approx(MAX_SPAN_S)
    assert build_axis(far, 800).ticks
    late = Viewport.around(LATEST_S - DAY, LATEST_S + DAY)
    assert late.end <= LATEST_S + 1e-3
    assert build_axis(late, 800).ticks


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (DAY, "1 day"),
        (3 * DAY, "3 days"),
        (7 * DAY, "1 week"),
        (31 * DAY, "1 month"),
        (92 * DAY, "3 months"),
        (365 * DAY, "1 year"),
        (366 * DAY, "1 year"),
        (10 * 365.25 * DAY, "10 years"),
        (HOUR, "1 hour"),
        (45 * 60, "45 minutes"),
        (0, "0 seconds"),
    ],
)
def test_spans_are_described_in_words(seconds: float, words: str) -> None:
    assert describe_span(seconds) == words


@pytest.mark.parametrize(
    ("start", "end", "fine", "text"),
    [
        (datetime(2024, 1, 6), datetime(2024, 1, 7), False, "2024-01-06"),
        (datetime(2024, 10, 1), datetime(2024, 11, 1), False, "2024-10-01 – 2024-10-31"),
        (
            datetime(2024, 1, 6, 9),
            datetime(2024, 1, 6, 10),
            True,
            "2024-01-06 09:00 – 2024-01-06 10:00",
        ),
        (datetime(2024, 1, 6, 9), datetime(2024, 1, 6, 9), True, "2024-01-06 09:00"),
        (datetime(800, 1, 1), datetime(801, 1, 1), False, "0800-01-01 – 0800-12-31"),
    ],
)
def test_intervals_read_naturally(start: datetime, end: datetime, fine: bool, text: str) -> None:
    assert format_interval(start, end, fine) == text
