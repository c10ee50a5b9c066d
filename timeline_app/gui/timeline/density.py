"""Event counts on a regular grid of time, for drawing dense regions as bars; no Qt.

When zoomed out over thousands of events, the canvas draws how many events
fall in each few-pixel slice instead of a pile of markers. A grid is fetched
from the source once (for the whole span, or for the neighbourhood of the view
when zoomed in further than the whole-span grid resolves); bars of any coarser
width are then sums of prefix counts, so panning and zooming cost no query.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate


@dataclass(frozen=True, slots=True)
class Bar:
    """One drawn density bar: events becoming visible in ``[start, end)`` seconds."""

    start: float
    end: float
    count: int


@dataclass(frozen=True, slots=True)
class DensityGrid:
    """Counts of events per equal slice of ``[start, start + bucket * len(counts))``."""

    start: float
    bucket: float
    counts: tuple[int, ...]
    _prefix: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.counts:
            raise ValueError("a density grid needs at least one bucket")
        if not (self.bucket > 0 and math.isfinite(self.bucket)):
            raise ValueError(f"bucket width must be positive, got {self.bucket}")
        object.__setattr__(self, "_prefix", (0, *accumulate(self.counts)))

    @classmethod
    def over(cls, start: float, end: float, counts: Sequence[int]) -> DensityGrid:
        """The grid whose ``len(counts)`` slices exactly cover ``[start, end)``."""
        return cls(start, (end - start) / len(counts), tuple(int(c) for c in counts))

    @property
    def end(self) -> float:
        return self.start + self.bucket * len(self.counts)

    @property
    def total(self) -> int:
        return self._prefix[-1]

    def covers(self, start: float, end: float) -> bool:
        """True when ``[start, end)`` lies inside the grid (outside it nothing is known)."""
        return self.start <= start and end <= self.end

    def _index(self, seconds: float) -> int:
        return min(max(round((seconds - self.start) / self.bucket), 0), len(self.counts))

    def count(self, start: float, end: float) -> int:
        """Events in ``[start, end)``, to the nearest bucket boundary."""
        return self._prefix[self._index(end)] - self._prefix[self._index(start)]

    def bars(self, start: float, end: float, min_bar_seconds: float) -> list[Bar]:
        """Bars at least ``min_bar_seconds`` wide covering ``[start, end)``.

        A bar is a power-of-two number of buckets aligned to the grid, so bars do
        not shimmer while panning and merge cleanly while zooming out.
        """
        per_bar = 1
        while per_bar * self.bucket < min_bar_seconds and per_bar < len(self.counts):
            per_bar *= 2
        first = max(0, math.floor((start - self.start) / self.bucket / per_bar) * per_bar)
        bars = []
        index = first
        while index < len(self.counts) and self.start + index * self.bucket < end:
            stop = min(index + per_bar, len(self.counts))
            count = self._prefix[stop] - self._prefix[index]
            bars.append(
                Bar(self.start + index * self.bucket, self.start + stop * self.bucket, count)
            )
            index = stop
        return bars
