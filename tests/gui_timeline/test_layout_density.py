"""Row packing never overlaps labels; density grids count exactly and merge cleanly."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.gui.timeline_density import DensityGrid
from timeline_app.gui.timeline_layout import Extent, pack_rows


@st.composite
def extents(draw) -> list[Extent]:
    items = []
    for _ in range(draw(st.integers(min_value=0, max_value=80))):
        start = draw(st.floats(min_value=-500, max_value=3000))
        shape = draw(st.floats(min_value=0, max_value=200))
        label = draw(st.floats(min_value=0, max_value=300))
        items.append(Extent(start, start + shape, start + shape + label))
    return sorted(items, key=lambda e: e.shape_start)


@settings(max_examples=300, deadline=None)
@given(
    items=extents(),
    rows=st.integers(min_value=1, max_value=12),
    long_width=st.one_of(st.just(math.inf), st.floats(min_value=0, max_value=300)),
)
def test_nothing_drawn_in_a_row_overlaps(items: list[Extent], rows: int, long_width) -> None:
    placements = pack_rows(items, rows, gap=8, long_width=long_width)
    assert len(placements) == len(items)
    by_row: dict[int, list[tuple[float, float]]] = {}
    for extent, placement in zip(items, placements, strict=True):
        assert 0 <= placement.row <= rows
        assert (placement.row == rows) == placement.crowded
        if placement.crowded:
            assert not placement.labelled
            continue
        right = extent.label_end if placement.labelled else extent.shape_end
        by_row.setdefault(placement.row, []).append((extent.shape_start, right))
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


def test_malformed_extents_and_rows_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one row"):
        pack_rows([], 0)
    with pytest.raises(ValueError, match="malformed"):
        pack_rows([Extent(0, 10, 5)], 1)


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
