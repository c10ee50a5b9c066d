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
from dataclasses import dataclass
from datetime import datetime

from timeline_app.events.model import Event
from timeline_app.gui.timeline.density import DensityGrid
from timeline_app.gui.timeline.placing import (
    KEY_LIMIT,
    Layout,
    Measure,
    Placed,
    Prepared,
    Slot,
    lay_out_keys,
    lay_out_rows,
    placed_in_view,
    prepare,
)
from timeline_app.gui.timeline.source import TimelineSource
from timeline_app.gui.timeline.time_scale import Viewport, from_seconds, to_seconds

EVENT_THRESHOLD = 450  # events in the fetched neighbourhood above which we draw counts
GLOBAL_BUCKETS = 8192  # resolution of the whole-span count grid
BAR_PX = 5.0  # narrowest density bar
STALE_OVERLAP = 0.5  # share of the view a stale neighbourhood must still cover to be drawn
REUSE_ZOOM = 2.0  # a layout serves zooming in up to this factor before it is redone
RUNNING_LIMIT = 4 * EVENT_THRESHOLD  # long events fetched to show the few beginning in view


@dataclass(frozen=True, slots=True)
class Fetched:
    """One fetched neighbourhood: its window and what was found there."""

    window: Viewport
    events: tuple[Event, ...] | None  # None: too many; draw counts instead
    grid: DensityGrid | None  # local counts when the whole-span grid is too coarse
    view_span: float = 0.0  # span of the view it was fetched for
    overflowed: bool = False  # an event query here returned too many (not just estimated)


def _overlap(window: Viewport, view: Viewport) -> float:
    """Seconds of ``view`` that ``window`` covers."""
    return max(0.0, min(window.end, view.end) - max(window.start, view.start))


class TimelineScene:
    """Fetching, caching and row layout for the canvas."""

    def __init__(self) -> None:
        self.source: TimelineSource | None = None
        self.span: tuple[datetime, datetime] | None = None
        self.global_grid: DensityGrid | None = None
        self._fetched: Fetched | None = None
        self._layout: Layout | None = None
        self._prepared: list[Prepared] = []
        self._spanning: list[Prepared] = []  # fetched events covering the whole neighbourhood
        self._keys: list[Prepared] | None = None  # the neighbourhood's key happenings
        self._key_layout: tuple[float, int, tuple[Slot, ...]] | None = None
        self.wants_refresh = False

    def reload(self) -> None:
        """Forget everything fetched and re-read the span and the whole-span counts."""
        self._fetched = None
        self._layout = None
        self._prepared = []
        self._spanning = []
        self._keys = None
        self._key_layout = None
        self.wants_refresh = False
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

    def fetched(self, view: Viewport, width: float, allow_stale: bool = True) -> Fetched:
        """The neighbourhood for ``view`` drawn ``width`` px wide, querying only when needed.

        With ``allow_stale``, a neighbourhood that still covers the view but no
        longer suits it (too coarse, could now show events, close to its edge) is
        returned as is and ``wants_refresh`` is set: the widget re-fetches once the
        user pauses, so frames during a gesture never wait for the database.
        """
        pixels_per_second = max(width, 1.0) / view.span
        fetched = self._fetched
        if fetched is not None and fetched.window.contains(view):
            if self._still_fits(fetched, view, pixels_per_second):
                if self._near_edge(fetched, view):
                    self.wants_refresh = True
                return fetched
            if allow_stale and self._usable(fetched, pixels_per_second):
                self.wants_refresh = True
                return fetched
        elif (
            fetched is not None
            and allow_stale
            and _overlap(fetched.window, view) >= STALE_OVERLAP * view.span
            and self._usable(fetched, pixels_per_second)
        ):
            # Zooming out or dragging past the neighbourhood: draw what it holds (the
            # edges stay empty for a moment) and fetch once the gesture pauses.
            self.wants_refresh = True
            return fetched
        return self._fetch(view, pixels_per_second)

    def refresh(self, view: Viewport, width: float) -> bool:
        """Do the re-fetch ``wants_refresh`` asked for; True if anything was fetched."""
        self.wants_refresh = False
        pixels_per_second = max(width, 1.0) / view.span
        fetched = self._fetched
        if (
            fetched is not None
            and fetched.window.contains(view)
            and self._still_fits(fetched, view, pixels_per_second)
            and not self._near_edge(fetched, view)
        ):
            return False
        self._fetch(view, pixels_per_second)
        return True

    def _near_edge(self, fetched: Fetched, view: Viewport) -> bool:
        """Within a third of a view of the neighbourhood's edge, with data beyond it."""
        if self.global_grid is None:
            return False
        margin = view.span / 3
        left = (
            view.start - fetched.window.start < margin
            and fetched.window.start > self.global_grid.start
        )
        right = fetched.window.end - view.end < margin and fetched.window.end < self.global_grid.end
        return left or right

    def _usable(self, fetched: Fetched, pixels_per_second: float) -> bool:
        """Whether a stale neighbourhood can still be drawn for a moment."""
        if fetched.events is not None:
            return True
        grid = fetched.grid or self.global_grid
        return grid is not None and grid.bucket * pixels_per_second <= 8 * BAR_PX

    def _fetch(self, view: Viewport, pixels_per_second: float) -> Fetched:
        window = Viewport.around(view.start - view.span, view.end + view.span)
        fetched = Fetched(window, None, None, view.span)
        if self.source is not None and self.span is not None:
            start, end = from_seconds(window.start), from_seconds(window.end)
            events: tuple[Event, ...] | None = None
            overflowed = False
            if self._estimate(window) <= EVENT_THRESHOLD:
                found = self.source.events_in(start, end, EVENT_THRESHOLD + 1)
                overflowed = len(found) > EVENT_THRESHOLD
                events = None if overflowed else tuple(found)
            grid = None
            if events is None and not self._global_resolves(pixels_per_second):
                grid = self._local_grid(window, pixels_per_second)
                drawable = self._drawable_count(start, end) if overflowed else None
                if drawable is not None:
                    # Few events begin here; long ones running through filled the answer.
                    # Take them all: the layout puts long bars last, in the gaps.
                    events = tuple(self.source.events_in(start, end, drawable + 1))
                    grid, overflowed = None, False
            fetched = Fetched(window, events, grid, view.span, overflowed)
        self._fetched = fetched
        self._layout = None
        self._prepared = []
        self._spanning = []
        self._keys = None
        self._key_layout = None
        return fetched

    def _local_grid(self, window: Viewport, pixels_per_second: float) -> DensityGrid:
        """Counts of the events drawn in ``window``, each at its middle.

        Half-pixel-bar buckets keep bars sharp over a 16x zoom before a re-fetch. The
        source counts an event whose middle lies before the range in its first slice,
        so one extra slice before the window takes those.
        """
        assert self.source is not None
        bucket = max(BAR_PX / (2 * pixels_per_second), window.span / 4096)
        buckets = math.ceil(window.span / bucket)
        first = window.start - bucket
        counts = self.source.density(
            from_seconds(first), from_seconds(first + (buckets + 1) * bucket), buckets + 1
        )
        return DensityGrid(first, bucket, tuple(counts))

    def _drawable_count(self, start: datetime, end: datetime) -> int | None:
        """How many events overlap ``[start, end)`` when few begin there and not too many
        long ones run in from before it, so all can be drawn; else None (asked only
        when an event query overflowed)."""
        assert self.source is not None
        beginning = self.source.start_count(start, end)
        if beginning > EVENT_THRESHOLD:
            return None
        overlapping = self.source.density(start, end, 1)[0]
        return overlapping if overlapping - beginning <= RUNNING_LIMIT else None

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

    def layout(self, view: Viewport, width: float, measure: Measure) -> Layout | None:
        """Rows for the fetched events at this zoom level (kept while panning or zooming in).

        Every event gets a row: as many rows as the events need, which the canvas
        scrolls through vertically. Events covering the whole neighbourhood (years
        running through a week) take the last rows, one each.
        """
        fetched = self.fetched(view, width)
        if fetched.events is None:
            return None
        pixels_per_second = max(width, 1.0) / view.span
        layout = self._layout
        if (
            layout is not None
            and layout.pixels_per_second * (1 - 1e-9)
            <= pixels_per_second
            <= layout.pixels_per_second * REUSE_ZOOM
        ):
            return layout
        if not self._prepared and not self._spanning and fetched.events:
            # Events covering the whole neighbourhood fit only in an empty row: set them
            # apart so a thousand year-long bars cost nothing per zoom step.
            window = fetched.window
            for e in fetched.events:
                item = prepare(e, measure)
                if item.start <= window.start and item.end >= window.end:
                    self._spanning.append(item)
                else:
                    self._prepared.append(item)
        self._layout = lay_out_rows(
            self._prepared, self._spanning, view, width, fetched.window.start
        )
        return self._layout

    def visible(
        self, view: Viewport, width: float, measure: Measure, rows: range | None = None
    ) -> list[Placed]:
        """Events in ``rows`` (default all) whose shape or label shows in ``view``, in
        canvas pixels; each keeps its layout row."""
        layout = self.layout(view, width, measure)
        if layout is None:
            return []
        slots = layout.slots
        if rows is not None:
            slots = tuple(slot for slot in slots if slot.row in rows)
        return placed_in_view(slots, view, width)

    def row_count(self, view: Viewport, width: float, measure: Measure) -> int:
        """Rows the events in ``view`` are laid out in (0 while counts are drawn)."""
        layout = self.layout(view, width, measure)
        return 0 if layout is None else layout.rows

    def row_of(self, event_id: int, view: Viewport, width: float, measure: Measure) -> int | None:
        """The layout row of an event (None when it has none: counts are drawn)."""
        layout = self.layout(view, width, measure)
        if layout is None:
            return None
        return next((slot.row for slot in layout.slots if slot.item.event.id == event_id), None)

    def key_events(self, view: Viewport, width: float, rows: int, measure: Measure) -> list[Placed]:
        """While counts are drawn: the most important happenings whose labels fit in
        ``rows`` rows without overlap, chosen in importance order (the story layer).

        The neighbourhood's key happenings are asked for once per fetch; their rows
        are redone when zooming out or far in (a few dozen events) and translated on pan.
        """
        fetched = self.fetched(view, width)
        if fetched.events is not None or self.source is None or rows < 1:
            return []
        window = fetched.window
        if self._keys is None:
            found = self.source.key_events(
                from_seconds(window.start), from_seconds(window.end), KEY_LIMIT
            )
            self._keys = [prepare(e, measure) for e in found]
            self._key_layout = None
        pixels_per_second = max(width, 1.0) / view.span
        cached = self._key_layout
        # Zooming in only moves labels apart: a layout stays free of overlaps for zooms
        # up to REUSE_ZOOM closer, as the rows of events do.
        if (
            cached is None
            or cached[1] != rows
            or not cached[0] * (1 - 1e-9) <= pixels_per_second <= cached[0] * REUSE_ZOOM
        ):
            slots = lay_out_keys(self._keys, view, width, window.start, rows)
            cached = self._key_layout = (pixels_per_second, rows, slots)
        return placed_in_view(cached[2], view, width)
