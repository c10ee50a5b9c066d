"""Row packing never overlaps labels; density grids count exactly and merge cleanly."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.gui.timeline.density import DensityGrid
from timeline_app.gui.timeline.layout import Extent, Placement, pack_rows


@st.composite
def extents(draw) -> list[Extent]:
    items = []
    for _ in range(draw(st.integers(min_value=0, max_value=80))):
        start = draw(st.floats(min_value=-500, max_value=3000))
        shape = draw(st.floats(min_value=0, max_value=200))
        label = draw(st.floats(min_value=0, max_value=300))
        before = draw(st.booleans())  # whether this event's label may go before it
        label_start = start - 5 - label if before else None
        items.append(Extent(start, start + shape, start + shape + label, label_start))
    return sorted(items, key=lambda e: e.shape_start)


def _occupied(extent: Extent, placement: Placement) -> tuple[float, float]:
    if not placement.labelled:
        return extent.shape_start, extent.shape_end
    if placement.label_before:
        assert extent.label_start is not None
        return extent.label_start, extent.shape_end
    return extent.shape_start, extent.label_end


@settings(max_examples=300, deadline=None)
@given(
    items=extents(),
    rows=st.integers(min_value=1, max_value=12),
    long_width=st.one_of(st.just(math.inf), st.floats(min_value=0, max_value=300)),
    limits=st.one_of(
        st.just((-math.inf, math.inf)),
        st.tuples(st.floats(-600, 1000), st.floats(1000, 3500)),
    ),
)
def test_nothing_drawn_in_a_row_overlaps(
    items: list[Extent], rows: int, long_width, limits: tuple[float, float]
) -> None:
    left_limit, right_limit = limits
    placements = pack_rows(
        items, rows, gap=8, long_width=long_width, left_limit=left_limit, right_limit=right_limit
    )
    assert len(placements) == len(items)
    plain = pack_rows(items, rows, gap=8, long_width=long_width)
    assert sum(p.crowded for p in placements) <= sum(p.crowded for p in plain)
    by_row: dict[int, list[tuple[float, float]]] = {}
    for extent, placement in zip(items, placements, strict=True):
        assert 0 <= placement.row <= rows
        assert (placement.row == rows) == placement.crowded
        if placement.crowded:
            assert not placement.labelled
            continue
        if placement.label_before:
            assert placement.labelled
            assert extent.label_start is not None
            assert extent.label_start >= left_limit, "a label placed before runs off the left"
        by_row.setdefault(placement.row, []).append(_occupied(extent, placement))
    for spans in by_row.values():
        spans.sort()
        for (_, right), (left, _) in itertools.pairwise(spans):
            assert right <= left, "two things in one row overlap"


def test_labels_go_to_free_rows_before_being_dropped() -> None:
    items = [Extent(0, 10, 100), Extent(20, 30, 120), Extent(40, 50, 140), Extent(200, 210, 300)]
    placements = pack_rows(items, rows=2, gap=8)
    assert [(p.row, p.labelled, p.crowded) for p in placements] == [
        (0, True, False),
        (1, True, False),
        (2, False, True),  # neither row is free at x=40, even for the bare shape
        (0, True, False),  # row 0 is free again after x=100
    ]


def test_a_bare_shape_fits_where_its_label_would_not() -> None:
    items = [Extent(0, 10, 100), Extent(104, 114, 300), Extent(320, 330, 400)]
    placements = pack_rows(items, rows=1, gap=8)
    assert [(p.row, p.labelled) for p in placements] == [(0, True), (0, False), (0, True)]


def test_long_bars_give_way_to_dated_events() -> None:
    long_bar = Extent(0, 1000, 1000)  # starts first, would take the only row
    dots = [Extent(100, 110, 180), Extent(300, 310, 380)]
    placements = pack_rows([long_bar, *dots], rows=1, gap=8, long_width=500)
    assert [(p.row, p.labelled, p.crowded) for p in placements] == [
        (1, False, True),
        (0, True, False),
        (0, True, False),
    ]
    gap_bar = Extent(390, 900, 900)  # fits after the dots
    placements = pack_rows([*dots, gap_bar], rows=1, gap=8, long_width=400)
    assert placements[2] == placements[0].__class__(0, True)


def test_a_label_past_the_right_edge_goes_before_its_dot() -> None:
    # Dots near the right edge (limit 1000), labels 200 px: after them they would be cut.
    edge = [Extent(950, 960, 1165, 745), Extent(952, 962, 1167, 747), Extent(990, 1000, 1205, 785)]
    placements = pack_rows(edge, rows=3, gap=8, right_limit=1000)
    assert [(p.row, p.labelled, p.label_before) for p in placements] == [
        (0, True, True),
        (1, True, True),
        (2, True, True),
    ]


def test_a_shape_past_the_right_edge_keeps_its_label_after_it() -> None:
    # Off screen when laid out: it will be panned into view from the right.
    placed = pack_rows([Extent(1200, 1210, 1400, 985)], rows=1, gap=8, right_limit=1000)[0]
    assert (placed.labelled, placed.label_before) == (True, False)


def test_a_label_that_fits_after_its_shape_stays_there() -> None:
    items = [Extent(100, 110, 310, -105), Extent(600, 610, 810, 395)]
    placements = pack_rows(items, rows=1, gap=8, right_limit=1000)
    assert [(p.labelled, p.label_before) for p in placements] == [(True, False), (True, False)]


def test_a_label_before_its_shape_never_overlaps_the_row_before() -> None:
    # Row 0 holds a labelled event up to x=800; the edge dot's label would need 745..950.
    items = [Extent(500, 510, 800, 295), Extent(950, 960, 1165, 745)]
    placements = pack_rows(items, rows=2, gap=8, right_limit=1000)
    assert (placements[1].row, placements[1].label_before) == (1, True)
    # With one row there is no room before it: the label runs past the edge instead.
    placed = pack_rows(items, rows=1, gap=8, right_limit=1000)[1]
    assert (placed.row, placed.labelled, placed.label_before) == (0, True, False)


def test_a_label_before_its_shape_keeps_clear_of_the_shape_before_it() -> None:
    # 10 px after the previous event reads as that event's label: twice the gap is needed.
    first = Extent(0, 10, 20)
    close = pack_rows([first, Extent(300, 310, 600, 30)], rows=1, gap=8, right_limit=500)[1]
    assert (close.labelled, close.label_before) == (True, False)
    clear = pack_rows([first, Extent(300, 310, 600, 36)], rows=1, gap=8, right_limit=500)[1]
    assert (clear.labelled, clear.label_before) == (True, True)


def test_turning_a_label_round_never_costs_an_event_its_row() -> None:
    # Turning the edge dot's label round needs row 1, which the long bar needs too.
    first = Extent(100, 110, 400)
    edge_dot = Extent(450, 460, 700, 240)
    long_bar = Extent(0, 2000, 2000)
    placements = pack_rows(
        [long_bar, first, edge_dot], rows=2, gap=8, long_width=1000, right_limit=500
    )
    assert not any(p.crowded for p in placements)
    assert (placements[0].row, placements[1].row, placements[2].row) == (1, 0, 0)
    assert not placements[2].label_before  # its label runs past the edge instead
    # With a row to spare the label turns round and the bar still gets a row.
    placements = pack_rows(
        [long_bar, first, edge_dot], rows=3, gap=8, long_width=1000, right_limit=500
    )
    assert not any(p.crowded for p in placements)
    assert placements[2].label_before


def test_a_label_before_its_shape_stays_inside_the_left_limit() -> None:
    items = [Extent(150, 160, 365, -55)]  # label before would start left of 0
    placed = pack_rows(items, rows=1, gap=8, left_limit=0, right_limit=300)[0]
    assert (placed.labelled, placed.label_before) == (True, False)  # past the right edge
    placed = pack_rows(items, rows=1, gap=8, left_limit=-100, right_limit=300)[0]
    assert (placed.labelled, placed.label_before) == (True, True)


def test_a_neighbour_after_the_shape_sends_the_label_before_it() -> None:
    # A long bar goes in the gap between two dots: its label after it would reach the
    # second dot, before it the label fits between the first dot's label and the bar.
    dots = [Extent(0, 10, 150), Extent(1000, 1010, 1200)]
    bar = Extent(400, 800, 1000, 200)
    placements = pack_rows([dots[0], bar, dots[1]], rows=1, gap=8, long_width=300)
    assert [(p.row, p.labelled, p.label_before) for p in placements] == [
        (0, True, False),
        (0, True, True),
        (0, True, False),
    ]


def test_long_bars_can_take_a_label_before_them() -> None:
    dot = Extent(0, 10, 200)
    bar = Extent(400, 900, 1100, 250)  # long: placed after the dots, in the gaps
    placed = pack_rows([dot, bar], rows=1, gap=8, long_width=300, right_limit=950)[1]
    assert (placed.row, placed.labelled, placed.label_before) == (0, True, True)


def test_malformed_extents_and_rows_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one row"):
        pack_rows([], 0)
    with pytest.raises(ValueError, match="malformed"):
        pack_rows([Extent(0, 10, 5)], 1)
    with pytest.raises(ValueError, match="malformed"):
        pack_rows([Extent(0, 10, 20, 5)], 1)  # a label before the shape cannot start after it


counts_lists = st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=300)


@settings(max_examples=200, deadline=None)
@given(counts=counts_lists, a=st.integers(0, 300), b=st.integers(0, 300))
def test_grid_counts_match_a_plain_sum(counts: list[int], a: int, b: int) -> None:
    grid = DensityGrid.over(1000.0, 1000.0 + 60 * len(counts), counts)
    a, b = sorted((min(a, len(counts)), min(b, len(counts))))
    assert grid.count(1000.0 + 60 * a, 1000.0 + 60 * b) == sum(counts[a:b])
    assert grid.total == sum(counts)


@settings(max_examples=200, deadline=None)
@given(
    counts=counts_lists,
    lo=st.floats(min_value=-1e4, max_value=2e4),
    width=st.floats(min_value=1, max_value=3e4),
    min_bar=st.floats(min_value=1, max_value=5000),
)
def test_bars_cover_the_window_and_lose_no_events(
    counts: list[int], lo: float, width: float, min_bar: float
) -> None:
    grid = DensityGrid.over(0.0, 60.0 * len(counts), counts)
    bars = grid.bars(lo, lo + width, min_bar)
    for left, right in itertools.pairwise(bars):
        assert left.end == pytest.approx(right.start)
    for bar in bars:
        assert bar.end - bar.start >= min(min_bar, grid.end - grid.start) - 1e-6 or (
            bar.end == pytest.approx(grid.end)
        )
    if bars:
        assert bars[0].start <= max(lo, grid.start) + 1e-6
        assert sum(bar.count for bar in bars) == grid.count(bars[0].start, bars[-1].end)
    if lo <= grid.start and lo + width >= grid.end:
        assert sum(bar.count for bar in bars) == grid.total


def test_bars_are_aligned_so_panning_does_not_shimmer() -> None:
    grid = DensityGrid.over(0.0, 1024.0, [1] * 1024)
    first = grid.bars(100.0, 500.0, 7.0)
    moved = grid.bars(103.0, 503.0, 7.0)
    assert {b.start for b in first} <= {b.start for b in moved}  # same grid, not shifted by 3
    assert all(b.start % 8 == 0 for b in first + moved)


def test_grid_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="at least one bucket"):
        DensityGrid(0.0, 1.0, ())
    with pytest.raises(ValueError, match="positive"):
        DensityGrid(0.0, 0.0, (1,))
