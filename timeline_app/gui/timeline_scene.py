"""What the timeline shows for a window: events laid out in rows, or counts; no Qt.

The scene never holds the whole library. It keeps one fetched neighbourhood of
the visible window (three windows wide, so panning costs no query until it
runs out) holding either the events themselves or, when more than
``EVENT_THRESHOLD`` would be drawn, counts per slice of time. A whole-span
count grid fetched once per reload drives the overview strip and lets most
zoomed-out frames be drawn without any query at all. Rows are laid out once
per zoom level, relative to the neighbourhood, and only translated on pan.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from timeline_app.events.model import Event, EventKind
from timeline_app.gui.time_scale import Viewport, from_seconds, to_seconds
from timeline_app.gui.timeline_density import DensityGrid
from timeline_app.gui.timeline_layout import Extent, pack_rows
from timeline_app.gui.timeline_source import TimelineSource
from timeline_app.temporal.timex import Precision

EVENT_THRESHOLD = 450  # events in the fetched neighbourhood above which we draw counts
GLOBAL_BUCKETS = 8192  # resolution of the whole-span count grid
BAR_PX = 5.0  # narrowest density bar
MARKER_RADIUS = 5.0
LABEL_GAP = 5.0  # between a dot and its label
BAR_LABEL_INSET = 6.0  # label starts this far inside a bar
ARROW_PX = 10.0  # room for an ongoing event's open arrow

# measure(event) -> (label text as drawn, its width in pixels)
Measure = Callable[[Event], tuple[str, float]]


class Shape(Enum):
    """How an event is drawn, from its kind and precision."""

    MARKER = "marker"  # a day or finer: a dot
    SOFT_BAR = "soft"  # coarser than a day ("October", "mid-October", "2017"): soft edges
    SPAN_BAR = "span"  # an explicit range: hard edges
    ONGOING = "ongoing"  # "since mid-October": runs to its end, open arrow


def shape_of(event: Event) -> Shape:
    """The honest shape for an event."""
    if event.kind is EventKind.ONGOING:
        return Shape.ONGOING
    if event.kind is EventKind.SPAN:
        return Shape.SPAN_BAR
    if event.precision >= Precision.DAY:
        return Shape.MARKER
    return Shape.SOFT_BAR


@dataclass(frozen=True, slots=True)
class Fetched:
    """One fetched neighbourhood: its window and what was found there."""

    window: Viewport
    events: tuple[Event, ...] | None  # None: too many; draw counts instead
    grid: DensityGrid | None  # local counts when the whole-span grid is too coarse
    view_span: float = 0.0  # span of the view it was fetched for
    overflowed: bool = False  # an event query here returned too many (not just estimated)


@dataclass(frozen=True, slots=True)
class Placed:
    """One event in the row layout; x in pixels relative to the layout origin."""

    event: Event
    shape: Shape
    x0: float  # interval start (bars) or dot centre (markers)
    x1: float  # interval end (bars) or dot centre (markers)
    row: int
    label: str  # empty when the label did not fit in any row
    right: float  # right edge of shape and label
    crowded: bool = False  # in the overflow row: drawn small, label only on hover


@dataclass(frozen=True, slots=True)
class Layout:
    origin: float  # seconds at x = 0
    pixels_per_second: float
    rows: int
    placed: tuple[Placed, ...]


class TimelineScene:
    """Fetching, caching and row layout for the canvas."""

    def __init__(self) -> None:
        self.source: TimelineSource | None = None
        self.span: tuple[datetime, datetime] | None = None
        self.global_grid: DensityGrid | None = None
        self._fetched: Fetched | None = None
        self._layout: Layout | None = None

    def reload(self) -> None:
        """Forget everything fetched and re-read the span and the whole-span counts."""
        self._fetched = None
        self._layout = None
        self.span = self.source.span() if self.source is not None else None
        self.global_grid = None
        if self.source is not None and self.span is not None:
            start, end = to_seconds(self.span[0]), to_seconds(self.span[1])
            end = max(end, start + 1)
            counts = self.source.density(from_seconds(start), from_seconds(end), GLOBAL_BUCKETS)
            self.global_grid = DensityGrid.over(start, end, counts)

    @property
    def empty(self) -> bool:
        return self.source is None or self.span is None

    def fetched(self, view: Viewport, width: float) -> Fetched:
        """The neighbourhood for ``view`` drawn ``width`` px wide, querying only when needed."""
        pixels_per_second = max(width, 1.0) / view.span
        fetched = self._fetched
        if (
            fetched is not None
            and fetched.window.contains(view)
            and self._still_fits(fetched, view, pixels_per_second)
        ):
            return fetched
        window = Viewport.around(view.start - view.span, view.end + view.span)
        fetched = Fetched(window, None, None, view.span)
        if self.source is not None and self.span is not None:
            events: tuple[Event, ...] | None = None
            overflowed = False
            if self._estimate(window) <= EVENT_THRESHOLD:
                found = self.source.events_in(
                    from_seconds(window.start), from_seconds(window.end), EVENT_THRESHOLD + 1
                )
                overflowed = len(found) > EVENT_THRESHOLD
                events = None if overflowed else tuple(found)
            grid = None
            if events is None and not self._global_resolves(pixels_per_second):
                # Half-width buckets: bars stay sharp over a 16x zoom range before a refetch.
                buckets = math.ceil(window.span * pixels_per_second * 2 / BAR_PX)
                counts = self.source.density(
                    from_seconds(window.start), from_seconds(window.end), min(4096, buckets)
                )
                grid = DensityGrid.over(window.start, window.end, counts)
            fetched = Fetched(window, events, grid, view.span, overflowed)
        self._fetched = fetched
        self._layout = None
        return fetched

    def _estimate(self, window: Viewport) -> int:
        """Events starting in ``window`` by the whole-span grid (no query)."""
        return self.global_grid.count(window.start, window.end) if self.global_grid else 0

    def _global_resolves(self, pixels_per_second: float) -> bool:
        grid = self.global_grid
        return grid is not None and grid.bucket * pixels_per_second <= BAR_PX

    def _still_fits(self, fetched: Fetched, view: Viewport, pixels_per_second: float) -> bool:
        """Whether the fetched neighbourhood still suits the zoom level.

        Switching from counts back to events needs the estimate to say so and, if
        a real query overflowed here, a further 2x zoom: without that hysteresis a
        view at the threshold would query on every frame.
        """
        if fetched.events is not None:
            return True
        grid = fetched.grid
        if grid is None and not self._global_resolves(pixels_per_second):
            return False  # zoomed in past what the whole-span grid resolves
        if grid is not None and not (BAR_PX / 8 <= grid.bucket * pixels_per_second <= 2 * BAR_PX):
            return False
        if fetched.overflowed and view.span > fetched.view_span / 2:
            return True
        prospective = Viewport.around(view.start - view.span, view.end + view.span)
        return self._estimate(prospective) > EVENT_THRESHOLD

    def counts(self, view: Viewport, width: float) -> DensityGrid | None:
        """The count grid to draw ``view`` from (None when events are drawn instead)."""
        fetched = self.fetched(view, width)
        if fetched.events is not None:
            return None
        return fetched.grid or self.global_grid

    def layout(self, view: Viewport, width: float, rows: int, measure: Measure) -> Layout | None:
        """Rows for the fetched events at this zoom level (cached while only panning).

        ``rows`` includes the last one, kept for the overflow rug of events that
        fit nowhere else.
        """
        fetched = self.fetched(view, width)
        if fetched.events is None:
            return None
        pixels_per_second = max(width, 1.0) / view.span
        layout = self._layout
        if (
            layout is not None
            and layout.rows == rows
            and math.isclose(layout.pixels_per_second, pixels_per_second, rel_tol=1e-9)
        ):
            return layout
        origin = fetched.window.start
        items = []
        extents = []
        for event in fetched.events:
            shape = shape_of(event)
            x0 = (to_seconds(event.start) - origin) * pixels_per_second
            x1 = (to_seconds(event.end) - origin) * pixels_per_second
            label, label_width = measure(event)
            if shape is Shape.MARKER:
                x0 = x1 = (x0 + x1) / 2
                label_end = x0 + MARKER_RADIUS + LABEL_GAP + label_width
                extent = Extent(x0 - MARKER_RADIUS, x0 + MARKER_RADIUS, label_end)
            else:
                end = max(x1, x0 + 6) + (ARROW_PX if shape is Shape.ONGOING else 0)
                extent = Extent(x0, end, max(end, x0 + BAR_LABEL_INSET + label_width))
            items.append((event, shape, x0, x1, label))
            extents.append(extent)
        placed = tuple(
            Placed(
                event,
                shape,
                x0,
                x1,
                placement.row,
                label if placement.labelled else "",
                extent.label_end if placement.labelled else extent.shape_end,
                placement.crowded,
            )
            for (event, shape, x0, x1, label), placement, extent in zip(
                items, pack_rows(extents, max(rows - 1, 1)), extents, strict=True
            )
        )
        self._layout = Layout(origin, pixels_per_second, rows, placed)
        return self._layout

    def visible(
        self, view: Viewport, width: float, rows: int, measure: Measure
    ) -> list[tuple[Placed, float]]:
        """Placed events whose shape or label shows in ``view``, with their x offset."""
        layout = self.layout(view, width, rows, measure)
        if layout is None:
            return []
        offset = (layout.origin - view.start) * layout.pixels_per_second
        return [
            (item, offset)
            for item in layout.placed
            if item.right + offset >= -12 and item.x0 + offset <= width + 12
        ]
