"""Stacking event shapes and labels into rows so no two labels overlap; no Qt.

Layout works in pixels relative to a fixed origin, so it is computed once per
zoom level and simply translated while the user pans: rows stay put instead of
reshuffling on every mouse move.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Extent:
    """What one event occupies horizontally: its drawn shape and, with its label, more."""

    shape_start: float
    shape_end: float
    label_end: float  # right edge of shape plus label; >= shape_end


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one event went: its row, and whether its label fitted."""

    row: int
    labelled: bool
    crowded: bool = False  # no row had room even for the bare shape: row is the overflow row


def pack_rows(
    extents: Sequence[Extent], rows: int, gap: float = 8.0, long_width: float = math.inf
) -> list[Placement]:
    """First-fit of events (given in start order) into ``rows`` rows; one placement each.

    Each event takes the first row where shape and label fit; failing that, the
    first row where its bare shape fits (the label is then left out and shown on
    hover); failing that, it goes to the overflow row ``rows`` (marked ``crowded``),
    drawn as a count rug under the rows, so nothing is ever drawn over a label.

    Events whose shape is wider than ``long_width`` are placed last, in the gaps
    the others leave: at a close zoom a hundred year-long bars starting earlier
    must not take every row from the few dated events actually in view.
    """
    if rows < 1:
        raise ValueError(f"need at least one row, got {rows}")
    starts: list[list[float]] = [[] for _ in range(rows)]
    ends: list[list[float]] = [[] for _ in range(rows)]
    placements: list[Placement | None] = [None] * len(extents)
    deferred = []
    for index, extent in enumerate(extents):
        if extent.label_end < extent.shape_end or extent.shape_end < extent.shape_start:
            raise ValueError(f"malformed extent {extent}")
        if extent.shape_end - extent.shape_start > long_width:
            deferred.append(index)
            continue
        placements[index] = _place(starts, ends, extent, gap, _append_fits)
    if deferred:
        inner = [_widest_inner_gap(starts[row], ends[row]) for row in range(rows)]
        for index in deferred:
            placements[index] = _place_in_gaps(starts, ends, inner, extents[index], gap)
    return [p if p is not None else Placement(rows, False, True) for p in placements]


def _place(starts, ends, extent: Extent, gap: float, fits) -> Placement | None:
    for right, labelled, needed_gap in (
        (extent.label_end, True, gap),
        (extent.shape_end, False, gap / 2),
    ):
        for row in range(len(starts)):
            position = fits(starts[row], ends[row], extent.shape_start, right, needed_gap)
            if position is not None:
                starts[row].insert(position, extent.shape_start)
                ends[row].insert(position, right)
                return Placement(row, labelled)
    return None


def _place_in_gaps(starts, ends, inner, extent: Extent, gap: float) -> Placement | None:
    """Like ``_place`` anywhere in a row, skipping rows with no gap wide enough in O(1)."""
    left = extent.shape_start
    for right, labelled, needed_gap in (
        (extent.label_end, True, gap),
        (extent.shape_end, False, gap / 2),
    ):
        needed = right - left + 2 * needed_gap
        for row, (row_starts, row_ends) in enumerate(zip(starts, ends, strict=True)):
            if row_starts and not (
                right + needed_gap <= row_starts[0]
                or row_ends[-1] + needed_gap <= left
                or inner[row] >= needed
            ):
                continue
            position = _gap_fits(row_starts, row_ends, left, right, needed_gap)
            if position is not None:
                row_starts.insert(position, left)
                row_ends.insert(position, right)
                inner[row] = _widest_inner_gap(row_starts, row_ends)
                return Placement(row, labelled)
    return None


def _widest_inner_gap(starts: list[float], ends: list[float]) -> float:
    return max((starts[i + 1] - ends[i] for i in range(len(starts) - 1)), default=0.0)


def _append_fits(starts, ends, left: float, right: float, gap: float) -> int | None:
    """Fit at the end of a row (events arrive in start order): O(1)."""
    return len(starts) if not ends or ends[-1] + gap <= left else None


def _gap_fits(starts, ends, left: float, right: float, gap: float) -> int | None:
    """Fit anywhere in a row between the intervals already there."""
    position = bisect.bisect_left(starts, left)
    if position > 0 and ends[position - 1] + gap > left:
        return None
    if position < len(starts) and right + gap > starts[position]:
        return None
    return position
