"""Which stretch of time the timeline frames by default, and what lies beyond it; no Qt.

A real library has a dense bulk and a few far-off dates: reader comments
saying "two thousand years ago", a treaty of 1648 recalled in passing. Fitting
every event would squeeze the bulk into a few pixels of count bars, so the
default view frames the narrowest stretch holding most events and leaves the
outliers to the edge markers ("2 earlier ◀"), the overview strip and the
"fit all events" command. When the outliers are close enough that including
them still leaves the bulk a fair share of the width, everything is framed, as
before: a library without outliers looks exactly as it did.

The stretch is found on the whole-span count grid the canvas already holds (no
query), then made exact with two rank look-ups in the store, so framing a
100,000-event library costs milliseconds and never loads the events.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from timeline_app.gui.timeline.density import DensityGrid
from timeline_app.gui.timeline.time_scale import DAY, HOUR, Viewport, from_seconds, to_seconds

BULK_SHARE = 0.8  # the default view frames the narrowest stretch holding this share of events
MIN_EVENTS_TO_TRIM = 10  # fewer events than this are all framed: none is an outlier yet
MAX_STRETCH = 3.0  # outliers are framed too while the bulk keeps >= 1/3 of the width
GROW_STEP = 0.1  # the bulk grows by steps of this share of its width ...
GROW_DENSITY = 0.25  # ... while a step holds events at least this dense, relative to the bulk
MIN_BULK_S = 7 * DAY  # a bulk on one day is framed as a week: events at one instant gain
# nothing from a tighter view, and nearby events deserve their place in it
FIT_MARGIN_SHARE = 0.06  # a fitted view leaves this share of the width free on each side
FIT_MARGIN_MIN_PX = 48.0  # ... and at least this much, room for a short label
FIT_MARGIN_MIN_S = 12 * HOUR

Quantiles = Callable[[Sequence[float]], list[datetime]]


def framed(start: float, end: float, width: float) -> Viewport:
    """The view showing ``[start, end]`` seconds with a margin on both sides (a share of
    the width, at least room for a short label): nothing sits flush against an edge."""
    width = max(width, 1.0)
    margin_px = min(max(FIT_MARGIN_SHARE * width, FIT_MARGIN_MIN_PX), width / 4)
    # Solve for the span whose margins come out at margin_px once drawn width px wide.
    margin = (end - start) * margin_px / (width - 2 * margin_px)
    margin = max(margin, FIT_MARGIN_MIN_S)
    return Viewport.around(start - margin, end + margin)


def densest_run(grid: DensityGrid, keep: int) -> tuple[int, int]:
    """Bucket indexes ``[first, stop)`` of the narrowest run of buckets holding at least
    ``keep`` events: among equally narrow runs the fullest, then the earliest."""
    if not 0 < keep <= grid.total:
        raise ValueError(f"cannot keep {keep} of {grid.total} events")
    counts = grid.counts
    best = (0, len(counts))
    best_key = (len(counts), -grid.total)
    stop, held = 0, 0
    for first in range(len(counts)):
        while held < keep and stop < len(counts):
            held += counts[stop]
            stop += 1
        if held < keep:
            break
        key = (stop - first, -held)
        if key < best_key:
            best, best_key = (first, stop), key
        held -= counts[first]
    return best


def grown_run(grid: DensityGrid, first: int, stop: int) -> tuple[int, int]:
    """The run ``[first, stop)`` widened on each side while the next step still holds
    events at ``GROW_DENSITY`` of the run's own density: the bulk's tail next to a
    far-off outlier belongs to the bulk, and trimming must not cut it off."""
    counts = grid.counts
    held = sum(counts[first:stop])
    step = max(1, round(GROW_STEP * (stop - first)))
    enough = GROW_DENSITY * held / (stop - first) * step
    while first > 0 and sum(counts[max(first - step, 0) : first]) >= enough:
        first = max(first - step, 0)
    while stop < len(counts) and sum(counts[stop : stop + step]) >= enough:
        stop = min(stop + step, len(counts))
    # Then bucket by bucket, for the part of a step where the tail ends.
    while first > 0 and counts[first - 1] >= enough / step:
        first -= 1
    while stop < len(counts) and counts[stop] >= enough / step:
        stop += 1
    return first, stop


def bulk_range(
    grid: DensityGrid, span: tuple[float, float], quantiles: Quantiles
) -> tuple[float, float]:
    """The ``[start, end]`` seconds the default view frames (see the module docstring).

    ``grid`` counts every event by its start over the whole ``span`` (earliest
    start, latest end); ``quantiles(fractions)`` gives exact start times at those
    ranks (``TimelineSource.start_quantiles``).
    """
    total = grid.total
    if total < MIN_EVENTS_TO_TRIM:
        return span
    keep = total - max(math.floor((1 - BULK_SHARE) * total), 1)
    first, stop = grown_run(grid, *densest_run(grid, keep))
    before = sum(grid.counts[:first])
    ranks = (before, before + sum(grid.counts[first:stop]) - 1)  # the run's first and last
    exact = quantiles([rank / (total - 1) for rank in ranks])
    if len(exact) != 2:  # the library changed under us: frame what we know
        return span
    start, end = to_seconds(exact[0]), to_seconds(exact[1])
    if end - start < MIN_BULK_S:
        centre = (start + end) / 2
        start, end = centre - MIN_BULK_S / 2, centre + MIN_BULK_S / 2
        # Widened, it stays within the span where it can: the week holds more events.
        if start < span[0]:
            start, end = span[0], span[0] + MIN_BULK_S
        elif end > span[1]:
            start, end = span[1] - MIN_BULK_S, span[1]
    earlier, later = max(start - span[0], 0.0), max(span[1] - end, 0.0)
    # Take in each side's outliers, nearer side first, while the bulk keeps its share.
    for side, cost in sorted((("earlier", earlier), ("later", later)), key=lambda s: s[1]):
        if end - start + cost <= MAX_STRETCH * (end - start):
            start, end = (
                (min(start, span[0]), end) if side == "earlier" else (start, max(end, span[1]))
            )
    if start <= span[0] and end >= span[1]:
        return span  # every event is framed: nothing is an outlier, frame them as before
    return start, end


@dataclass(frozen=True, slots=True)
class Beyond:
    """How many events begin before a view and at or after its end."""

    earlier: int
    later: int


def estimate_beyond(grid: DensityGrid, view: Viewport) -> Beyond:
    """``Beyond`` from the whole-span grid (no query; a bucket's worth off at the edges),
    for frames drawn while the view moves."""
    earlier = grid.count(grid.start, view.start) if view.start > grid.start else 0
    later = grid.count(view.end, grid.end) if view.end < grid.end else 0
    return Beyond(earlier, later)


StartCount = Callable[[datetime | None, datetime | None], int]


def count_beyond(start_count: StartCount, grid: DensityGrid, view: Viewport) -> Beyond:
    """Exact ``Beyond`` (``start_count`` is ``TimelineSource.start_count``).

    Whole buckets of the grid are taken as counted; only the bucket an edge cuts
    through is counted in the store, so each edge costs two or three index seeks
    however large the library, instead of a count of everything before it.
    """
    before_start = _starting_before(start_count, grid, view.start)
    before_end = _starting_before(start_count, grid, view.end)
    after_grid = start_count(_second(grid.end), None)  # zero-length events at the very end
    return Beyond(before_start, grid.total + after_grid - before_end)


def _second(seconds: float) -> datetime:
    """The first whole second at or after ``seconds`` (the store counts whole seconds:
    a start s is before ``seconds`` exactly when it is before this one)."""
    return from_seconds(math.ceil(seconds - 1e-6))


def _starting_before(start_count: StartCount, grid: DensityGrid, moment: float) -> int:
    if moment <= grid.start:
        return 0
    if moment >= grid.end:
        return grid.total + start_count(_second(grid.end), _second(moment))
    index = min(int((moment - grid.start) / grid.bucket), len(grid.counts) - 1)
    whole = sum(grid.counts[:index])
    if not grid.counts[index]:
        return whole
    # The store puts a start s in bucket i when s >= start + i * bucket.
    low = _second(grid.start + index * grid.bucket)
    high = _second(grid.start + (index + 1) * grid.bucket)
    if start_count(low, high) != grid.counts[index]:  # the grid disagrees: count it all
        return start_count(None, _second(moment))
    return whole + start_count(low, _second(moment))


def jump_view(view: Viewport, start: float, end: float, earlier: bool) -> Viewport:
    """``view`` panned (zoom kept) to an event found beyond its edge: an earlier one
    lands at three quarters of the width, so what precedes it shows on its left;
    a later one at a quarter."""
    centre = (start + end) / 2
    at = 0.75 if earlier else 0.25
    return view.panned(centre - (view.start + at * view.span))
