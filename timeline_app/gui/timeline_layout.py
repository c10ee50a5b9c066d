"""Stacking event shapes and labels into rows so no two labels overlap; no Qt.

Layout works in pixels relative to a fixed origin, so it is computed once per
zoom level and simply translated while the user pans: rows stay put instead of
reshuffling on every mouse move.
"""

from __future__ import annotations

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


def pack_rows(extents: Sequence[Extent], rows: int, gap: float = 8.0) -> list[Placement]:
    """Greedy first-fit of events (in the given order, normally by start) into ``rows`` rows.

    Each event takes the first row where shape and label fit; failing that, the
    first row where its bare shape fits (the label is then left out and shown on
    hover); failing that, it goes to the overflow row ``rows`` (marked ``crowded``),
    drawn as a thin rug under the rows, so nothing is ever drawn over a label. Labels
    in one row never overlap, and no label overlaps a shape in its row.
    """
    if rows < 1:
        raise ValueError(f"need at least one row, got {rows}")
    row_end = [float("-inf")] * rows
    placements: list[Placement] = []
    for extent in extents:
        if extent.label_end < extent.shape_end or extent.shape_end < extent.shape_start:
            raise ValueError(f"malformed extent {extent}")
        placement = _first_fit(row_end, extent.shape_start, extent.label_end, gap, True)
        if placement is None:
            placement = _first_fit(row_end, extent.shape_start, extent.shape_end, gap / 2, False)
        if placement is None:
            placement = Placement(rows, labelled=False, crowded=True)
        placements.append(placement)
    return placements


def _first_fit(
    row_end: list[float], start: float, end: float, gap: float, labelled: bool
) -> Placement | None:
    if min(row_end) + gap > start:  # fast refusal when every row is busy (dense views)
        return None
    for row, occupied_until in enumerate(row_end):
        if occupied_until + gap <= start:
            row_end[row] = end
            return Placement(row, labelled)
    return None
