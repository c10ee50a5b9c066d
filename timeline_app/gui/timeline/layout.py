"""Stacking event shapes and labels into rows so no two labels overlap; no Qt.

Values are named tuples: a layout makes thousands of them per zoom step, and
tuples are several times cheaper to build than frozen dataclasses.

Layout works in pixels relative to a fixed origin, so it is computed once per
zoom level and simply translated while the user pans: rows stay put instead of
reshuffling on every mouse move.

A label normally follows its shape. Where it would run past the right edge of
the view (events at the end of the library, at "fit all") or into a neighbour,
it may sit before the shape instead, ending just left of it: a row of dots
with no words says nothing without hovering.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import NamedTuple


class Extent(NamedTuple):
    """What one event occupies horizontally: its drawn shape and, with its label, more."""

    shape_start: float
    shape_end: float
    label_end: float  # right edge of shape plus label; >= shape_end
    label_start: float | None = None  # left edge of the label placed before the shape


class _Option(NamedTuple):
    """One way to place an event: what it occupies and how its label sits."""

    left: float
    right: float
    labelled: bool
    label_before: bool
    gap: float


class Placement(NamedTuple):
    """Where one event went: its row, and whether its label fitted."""

    row: int
    labelled: bool
    crowded: bool = False  # no row had room even for the bare shape: row is the overflow row
    label_before: bool = False  # the label ends just left of the shape instead of following it


def _options(extent: Extent, gap: float, left_limit: float, right_limit: float) -> list[_Option]:
    """Ways to place ``extent``, best first.

    A label inside the limits (the visible window) beats one that runs out of it,
    following the shape beats preceding it, and any label beats none. A shape wholly
    past ``right_limit`` is off screen: it keeps its label after it, as it will want
    once panned into view, rather than every such label turning round.
    """
    start, shape_end = extent.shape_start, extent.shape_end
    after = _Option(start, extent.label_end, True, False, gap)
    bare = _Option(start, shape_end, False, False, gap / 2)
    before = None
    if extent.label_start is not None and left_limit <= extent.label_start:
        # Twice the gap before such a label: it must read as its own shape's, not as
        # the label of a bare shape just before it.
        before = _Option(extent.label_start, shape_end, True, True, 2 * gap)
    if extent.label_end <= right_limit or start >= right_limit:
        return [after, before, bare] if before else [after, bare]
    return [before, after, bare] if before else [after, bare]


def pack_rows(
    extents: Sequence[Extent],
    rows: int | None,
    gap: float = 8.0,
    long_width: float = math.inf,
    left_limit: float = -math.inf,
    right_limit: float = math.inf,
    later: Sequence[int] = (),
) -> list[Placement]:
    """First-fit of events (given in start order) into ``rows`` rows; one placement each.

    Each event takes the first row where shape and label fit, the label after the
    shape or, when that would cross ``right_limit`` or meet a neighbour, before it
    (for extents giving ``label_start`` at or right of ``left_limit``); failing
    that, the first row where its bare shape fits (the label is then left out and
    shown on hover); failing that, it goes to the overflow row ``rows`` (marked
    ``crowded``), so nothing is ever drawn over a label. With ``rows`` None the
    rows grow instead: an event that fits nowhere opens a new row (with its label),
    so every event gets a row and the canvas scrolls vertically through them.

    Events whose shape is wider than ``long_width`` are placed last, in the gaps
    the others leave: at a close zoom a hundred year-long bars starting earlier
    must not take every row from the few dated events actually in view.

    Events whose indexes are in ``later`` (the less important ones, in the order
    given) are placed after the others, in the gaps they leave, before the long ones:
    where not every label fits, the more important events keep theirs.

    A label turned round can open a row that a later event then misses; when the
    limits leave more events without a row than packing without them, the
    placements without them win: no label is worth an event drawn only as a count.
    """
    if rows is not None and rows < 1:
        raise ValueError(f"need at least one row, got {rows}")
    placements = _first_fit(extents, rows, gap, long_width, left_limit, right_limit, later)
    # Unless a label turned round, packing without the limits makes the same choices.
    turned = any(placement.label_before for placement in placements)
    if turned and any(placement.crowded for placement in placements):
        unlimited = _first_fit(extents, rows, gap, long_width, -math.inf, math.inf, later)
        if sum(p.crowded for p in unlimited) < sum(p.crowded for p in placements):
            return unlimited
    return placements


def _first_fit(
    extents: Sequence[Extent],
    rows: int | None,
    gap: float,
    long_width: float,
    left_limit: float,
    right_limit: float,
    later: Sequence[int] = (),
) -> list[Placement]:
    growing = rows is None
    starts: list[list[float]] = [[] for _ in range(rows or 0)]
    ends: list[list[float]] = [[] for _ in range(rows or 0)]
    row_end = [-math.inf] * (rows or 0)  # in the first pass rows only grow to the right
    placements: list[Placement | None] = [None] * len(extents)
    deferred = []
    postponed = set(later)
    for index, extent in enumerate(extents):
        if (
            extent.label_end < extent.shape_end
            or extent.shape_end < extent.shape_start
            or (extent.label_start is not None and extent.label_start > extent.shape_start)
        ):
            raise ValueError(f"malformed extent {extent}")
        if extent.shape_end - extent.shape_start > long_width:
            deferred.append(index)
            continue
        if index in postponed:
            continue
        free_from = min(row_end, default=math.inf)  # one C-level call refuses full rows
        options = _options(extent, gap, left_limit, right_limit)
        if growing:  # rows enough for every event: the best placement always has one
            options = options[:1]
        for left, right, labelled, before, needed_gap in options:
            if free_from + needed_gap > left:
                continue
            # Rows hold disjoint intervals in start order; each new one begins after the
            # row's end, so a label placed before its shape keeps the row sorted too.
            row = next(r for r, end in enumerate(row_end) if end + needed_gap <= left)
            row_end[row] = right
            starts[row].append(left)
            ends[row].append(right)
            placements[index] = Placement(row, labelled, False, before)
            break
        else:
            if growing:  # a new row, with the best placement
                left, right, labelled, before, _ = options[0]
                row_end.append(right)
                starts.append([left])
                ends.append([right])
                placements[index] = Placement(len(row_end) - 1, labelled, False, before)
    long_ones = set(deferred)
    deferred = [i for i in later if i not in long_ones] + deferred
    if deferred:
        rows_index = _RowGaps(starts, ends)
        for index in deferred:
            options = _options(extents[index], gap, left_limit, right_limit)
            placed = rows_index.place(options[:1] if growing else options)
            if placed is None and growing:
                placed = rows_index.open_row(options[0])
            placements[index] = placed
    crowded = Placement(rows or 0, False, True)
    return [crowded if p is None else p for p in placements]


class _RowGaps:
    """Rows of sorted intervals with, per row, what a newcomer needs to know in O(1):
    where the row starts and ends and its widest inner gap. Aggregates over all rows
    refuse most long events with three built-in calls, no Python loop."""

    def __init__(self, starts: list[list[float]], ends: list[list[float]]) -> None:
        self.starts, self.ends = starts, ends
        self.first = [row[0] if row else math.inf for row in starts]
        self.last = [row[-1] if row else -math.inf for row in ends]
        self.inner = [_widest_inner_gap(s, e) for s, e in zip(starts, ends, strict=True)]

    def open_row(self, option: _Option) -> Placement:
        """A new row below the others holding just ``option``."""
        left, right, labelled, before, _ = option
        self.starts.append([left])
        self.ends.append([right])
        self.first.append(left)
        self.last.append(right)
        self.inner.append(0.0)
        return Placement(len(self.starts) - 1, labelled, False, before)

    def place(self, options: list[_Option]) -> Placement | None:
        for left, right, labelled, before, needed_gap in options:
            needed = right - left + 2 * needed_gap
            if not self.starts or not (
                right + needed_gap <= max(self.first)
                or min(self.last) + needed_gap <= left
                or max(self.inner) >= needed
            ):
                continue
            for row in range(len(self.starts)):
                if not (
                    right + needed_gap <= self.first[row]
                    or self.last[row] + needed_gap <= left
                    or self.inner[row] >= needed
                ):
                    continue
                row_starts, row_ends = self.starts[row], self.ends[row]
                position = _gap_fits(row_starts, row_ends, left, right, needed_gap)
                if position is not None:
                    row_starts.insert(position, left)
                    row_ends.insert(position, right)
                    self.first[row], self.last[row] = row_starts[0], row_ends[-1]
                    self.inner[row] = _widest_inner_gap(row_starts, row_ends)
                    return Placement(row, labelled, False, before)
        return None


def _widest_inner_gap(starts: list[float], ends: list[float]) -> float:
    return max((starts[i + 1] - ends[i] for i in range(len(starts) - 1)), default=0.0)


def _gap_fits(starts, ends, left: float, right: float, gap: float) -> int | None:
    """Fit anywhere in a row between the intervals already there."""
    position = bisect.bisect_left(starts, left)
    if position > 0 and ends[position - 1] + gap > left:
        return None
    if position < len(starts) and right + gap > starts[position]:
        return None
    return position


def pack_by_priority(
    extents: Sequence[Extent],
    rows: int,
    gap: float = 8.0,
    left_limit: float = -math.inf,
    right_limit: float = math.inf,
) -> list[Placement | None]:
    """Labelled placements for events given most important first; None for those left out.

    Unlike ``pack_rows`` nothing is owed a place: an event whose shape and label
    fit in no row beside the more important ones already placed is left out (the
    counts beneath still hold it). So the labels shown are always the most
    important that fit, and zooming in, which only moves things apart, can only
    add labels in importance order.
    """
    if rows < 1:
        raise ValueError(f"need at least one row, got {rows}")
    starts: list[list[float]] = [[] for _ in range(rows)]
    ends: list[list[float]] = [[] for _ in range(rows)]
    placements: list[Placement | None] = []
    for extent in extents:
        placement = None
        for left, right, labelled, before, needed_gap in _options(
            extent, gap, left_limit, right_limit
        ):
            if not labelled:
                continue
            for row in range(rows):
                position = _gap_fits(starts[row], ends[row], left, right, needed_gap)
                if position is not None:
                    starts[row].insert(position, left)
                    ends[row].insert(position, right)
                    placement = Placement(row, True, False, before)
                    break
            if placement is not None:
                break
        placements.append(placement)
    return placements
