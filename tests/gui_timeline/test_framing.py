"""The default framing rules (``framing``), without Qt: the bulk, not the outliers."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.gui.timeline.density import DensityGrid
from timeline_app.gui.timeline.framing import (
    BULK_SHARE,
    MAX_STRETCH,
    MIN_BULK_S,
    Beyond,
    bulk_range,
    count_beyond,
    densest_run,
    estimate_beyond,
    framed,
    jump_view,
)
from timeline_app.gui.timeline.scene import GLOBAL_BUCKETS
from timeline_app.gui.timeline.time_scale import DAY, Viewport, from_seconds, to_seconds


class Library:
    """Event start times with what the canvas would ask of them: the whole-span grid,
    exact quantiles and start counts (as a ``TimelineSource`` answers)."""

    def __init__(self, starts: list[datetime], length: timedelta = timedelta(days=1)) -> None:
        self.starts = sorted(starts)
        self.span = (to_seconds(self.starts[0]), to_seconds(self.starts[-1] + length))
        counts = [0] * GLOBAL_BUCKETS
        low, high = int(self.span[0]), max(int(self.span[1]), int(self.span[0]) + 1)
        for start in map(to_seconds, self.starts):  # as the store's density query counts
            if start < high:  # (a zero-length event at the very end falls outside)
                counts[(int(start) - low) * GLOBAL_BUCKETS // (high - low)] += 1
        self.grid = DensityGrid.over(low, high, counts)
        self.quantile_calls = 0
        self.counted: list[tuple] = []

    def quantiles(self, fractions):
        self.quantile_calls += 1
        return [self.starts[round(f * (len(self.starts) - 1))] for f in fractions]

    def start_count(self, start, end):
        self.counted.append((start, end))
        return sum(
            1 for s in self.starts if (start is None or s >= start) and (end is None or s < end)
        )

    def bulk(self) -> tuple[datetime, datetime]:
        start, end = bulk_range(self.grid, self.span, self.quantiles)
        return from_seconds(start), from_seconds(end)


def news_with_outliers(seed: int = 1) -> list[datetime]:
    """600 events across 2009-2011, and two reader comments' 'two thousand years ago'."""
    rng = random.Random(seed)
    bulk = [datetime(2009, 1, 1) + timedelta(days=rng.randrange(3 * 365)) for _ in range(600)]
    return [*bulk, datetime(11, 1, 1), datetime(1000, 1, 1)]


def test_the_bulk_is_framed_and_far_outliers_left_out() -> None:
    library = Library(news_with_outliers())
    start, end = library.bulk()
    assert datetime(2009, 1, 1) <= start < datetime(2009, 4, 1)
    assert datetime(2011, 9, 1) < end <= datetime(2012, 1, 1)
    # An exact event start, not a grid bucket (a bucket here is about 90 days).
    assert start in library.starts


def test_a_library_without_outliers_is_framed_whole() -> None:
    rng = random.Random(4)
    starts = [datetime(2020, 1, 1) + timedelta(days=rng.randrange(900)) for _ in range(500)]
    library = Library(starts)
    assert bulk_range(library.grid, library.span, library.quantiles) == library.span


def test_a_few_events_are_all_framed_without_a_query() -> None:
    library = Library([datetime(11, 1, 1), datetime(2024, 1, 8), datetime(2024, 1, 9)])
    assert bulk_range(library.grid, library.span, library.quantiles) == library.span
    assert library.quantile_calls == 0


def test_near_outliers_are_taken_in_only_while_the_bulk_keeps_its_share() -> None:
    rng = random.Random(2)
    bulk = [datetime(2020, 1, 1) + timedelta(days=rng.randrange(365)) for _ in range(200)]
    near = Library([*bulk, datetime(2019, 5, 1)])  # months before: framed too
    assert near.bulk()[0] == datetime(2019, 5, 1)
    far = Library([*bulk, datetime(2015, 1, 1)])  # five bulk-widths before: left out
    assert far.bulk()[0] >= datetime(2020, 1, 1)
    # One side far, the other near: the near one is still framed.
    both = Library([*bulk, datetime(1900, 1, 1), datetime(2021, 3, 1)])
    assert both.bulk()[0] >= datetime(2020, 1, 1)
    assert both.bulk()[1] == datetime(2021, 3, 2)  # the end of that last event


def test_a_bulk_at_one_instant_is_framed_as_a_week() -> None:
    day = datetime(2024, 1, 8)
    library = Library([day] * 50 + [datetime(2000, 1, 1)])
    start, end = library.bulk()
    assert (to_seconds(end) - to_seconds(start)) == pytest.approx(MIN_BULK_S)
    assert start < day < end


def test_two_clusters_are_both_framed() -> None:
    """Most events in two far-apart stories: neither is an outlier of the other."""
    starts = [datetime(1990, 1, 1) + timedelta(days=i) for i in range(50)]
    starts += [datetime(2020, 1, 1) + timedelta(days=i) for i in range(50)]
    library = Library(starts)
    start, end = library.bulk()
    assert start <= datetime(1990, 1, 5)
    assert end >= datetime(2020, 1, 25)


@settings(max_examples=60, deadline=None)
@given(
    days=st.lists(st.integers(min_value=-700_000, max_value=100_000), min_size=1, max_size=60),
)
def test_the_bulk_always_holds_most_events_and_lies_within_reach(days: list[int]) -> None:
    library = Library([datetime(2000, 1, 1) + timedelta(days=d) for d in days])
    start, end = bulk_range(library.grid, library.span, library.quantiles)
    inside = sum(1 for s in library.starts if start <= to_seconds(s) <= end)
    assert inside >= min(len(days), int(BULK_SHARE * len(days)))
    assert end - start >= min(MIN_BULK_S, library.span[1] - library.span[0])
    # Whatever is left out is far: taking it in would stretch the view past the limit.
    if (start, end) != library.span:
        assert library.span[1] - library.span[0] > MAX_STRETCH * (end - start) * 0.999


def test_densest_run_is_the_narrowest_and_then_the_fullest() -> None:
    grid = DensityGrid.over(0.0, 10.0, [5, 0, 0, 3, 4, 0, 1, 9, 0, 0])
    assert densest_run(grid, 10) == (6, 8)  # [1, 9]: two buckets
    assert densest_run(grid, 12) == (4, 8)  # [4, 0, 1, 9]
    assert densest_run(grid, 5) == (7, 8)  # one bucket either way: the fuller
    assert densest_run(grid, grid.total) == (0, 8)
    with pytest.raises(ValueError, match="cannot keep"):
        densest_run(grid, grid.total + 1)


@pytest.mark.parametrize("width", [320, 1000, 2400])
def test_framed_leaves_a_margin_on_both_sides(width: int) -> None:
    start, end = to_seconds(datetime(2009, 1, 1)), to_seconds(datetime(2011, 12, 31))
    view = framed(start, end, width)
    left, right = view.x_of(start, width), width - view.x_of(end, width)
    assert left == pytest.approx(right)
    assert 48 - 1e-6 <= left <= width / 4 + 1e-6


def test_beyond_counts_exact_and_estimated() -> None:
    library = Library(news_with_outliers())
    view = framed(*bulk_range(library.grid, library.span, library.quantiles), 1000)
    exact = count_beyond(library.start_count, library.grid, view)
    assert exact == Beyond(2, 0)
    assert estimate_beyond(library.grid, view) == exact  # far from the edges: no doubt
    everything = framed(*library.span, 1000)
    assert count_beyond(library.start_count, library.grid, everything) == Beyond(0, 0)
    middle = Viewport(to_seconds(datetime(2010, 1, 1)), to_seconds(datetime(2010, 2, 1)))
    exact = count_beyond(library.start_count, library.grid, middle)
    in_view = sum(1 for s in library.starts if datetime(2010, 1, 1) <= s < datetime(2010, 2, 1))
    assert exact.earlier + exact.later + in_view == len(library.starts)
    assert exact.earlier > 2
    assert exact.later > 0


def test_jump_view_keeps_the_zoom_and_shows_the_target() -> None:
    view = Viewport(to_seconds(datetime(2009, 1, 1)), to_seconds(datetime(2012, 1, 1)))
    target = to_seconds(datetime(1000, 1, 1))
    earlier = jump_view(view, target, target + DAY, earlier=True)
    assert earlier.span == pytest.approx(view.span)
    assert earlier.x_of(target, 1000) == pytest.approx(750, abs=1)
    later = jump_view(view, target, target + DAY, earlier=False)
    assert later.x_of(target, 1000) == pytest.approx(250, abs=1)


def test_the_bulks_own_tail_beside_a_far_outlier_is_framed() -> None:
    """Trimming the outlier's side must not cut off the bulk's first weeks with it."""
    even = [datetime(2020, 1, 1) + timedelta(days=day) for day in range(0, 360, 2)]
    library = Library([*even, datetime(1900, 1, 1)])
    start, end = library.bulk()
    assert start == datetime(2020, 1, 1)
    assert end == even[-1] + timedelta(days=1)


@settings(max_examples=80, deadline=None)
@given(
    hours=st.lists(st.integers(min_value=0, max_value=24 * 2000), min_size=1, max_size=80),
    edges=st.tuples(
        st.floats(min_value=-100, max_value=2100 * 24),
        st.floats(min_value=0.01, max_value=2100 * 24),
    ),
)
def test_exact_counts_match_counting_every_start(hours: list[int], edges) -> None:
    origin = datetime(2010, 1, 1)
    library = Library([origin + timedelta(hours=h) for h in hours], length=timedelta(0))
    start = to_seconds(origin) + edges[0] * 3600
    view = Viewport(start, start + edges[1] * 3600)
    exact = count_beyond(library.start_count, library.grid, view)
    seconds = [to_seconds(s) for s in library.starts]
    assert exact.earlier == sum(1 for s in seconds if s < view.start)
    assert exact.later == sum(1 for s in seconds if s >= view.end)


def test_exact_counts_ask_the_store_only_about_the_buckets_the_edges_cut() -> None:
    library = Library(news_with_outliers())
    middle = Viewport(to_seconds(datetime(2010, 1, 1, 7)), to_seconds(datetime(2010, 2, 1, 7)))
    count_beyond(library.start_count, library.grid, middle)
    bucket = timedelta(seconds=library.grid.bucket)
    for low, high in library.counted:  # narrow ranges, never "everything before"
        assert low is not None
        assert high is None or high - low <= bucket + timedelta(seconds=1)


def test_a_cut_bucket_the_grid_miscounts_is_counted_in_full() -> None:
    library = Library(news_with_outliers())
    library.starts.append(datetime(2010, 1, 1, 3))  # stored after the grid was counted
    view = Viewport(to_seconds(datetime(2010, 1, 1, 7)), to_seconds(datetime(2010, 2, 1, 7)))
    exact = count_beyond(library.start_count, library.grid, view)
    assert exact.earlier == sum(1 for s in library.starts if s < datetime(2010, 1, 1, 7))
    assert (None, datetime(2010, 1, 1, 7)) in library.counted
