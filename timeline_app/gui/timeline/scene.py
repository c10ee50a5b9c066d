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

import bisect
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from typing import NamedTuple

from timeline_app.events.model import Event, EventKind
from timeline_app.gui.timeline.density import DensityGrid
from timeline_app.gui.timeline.layout import Extent, pack_by_priority, pack_rows
from timeline_app.gui.timeline.source import TimelineSource
from timeline_app.gui.timeline.time_scale import Viewport, from_seconds, to_seconds
from timeline_app.temporal.timex import Precision

EVENT_THRESHOLD = 450  # events in the fetched neighbourhood above which we draw counts
GLOBAL_BUCKETS = 8192  # resolution of the whole-span count grid
BAR_PX = 5.0  # narrowest density bar
MARKER_RADIUS = 5.0
LABEL_GAP = 5.0  # between a dot and its label
BAR_LABEL_INSET = 6.0  # label starts this far inside a bar
ARROW_PX = 10.0  # room for an ongoing event's open arrow
ROW_GAP = 8.0  # between neighbours in a row (twice that before a label placed before a shape)
RIGHT_MARGIN_PX = 4.0  # labels end this far short of the canvas edge (painting elides there)
STALE_OVERLAP = 0.5  # share of the view a stale neighbourhood must still cover to be drawn
REUSE_ZOOM = 2.0  # a layout serves zooming in up to this factor before it is redone
RUNNING_LIMIT = 4 * EVENT_THRESHOLD  # long events fetched to show the few beginning in view
KEY_LIMIT = 80  # most important happenings fetched per neighbourhood for the story layer

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
class _Prepared:
    """Per-event values that do not change with zoom, computed once per fetch."""

    event: Event
    shape: Shape
    start: float  # seconds
    end: float
    label: str
    label_width: float


class _Slot(NamedTuple):
    """An event's row in a layout, and how its label sits."""

    item: _Prepared
    row: int
    labelled: bool
    label_inside: bool
    label_before: bool = False


@dataclass(frozen=True, slots=True)
class Placed:
    """One event as placed on screen: canvas pixel coordinates for the current view."""

    event: Event
    shape: Shape
    x0: float  # interval start (bars) or dot centre (markers)
    x1: float  # interval end (bars) or dot centre (markers)
    row: int
    label: str  # empty when the label did not fit in any row
    right: float  # right edge of shape and label
    label_x: float  # left of the label
    label_inside: bool  # the label sits inside a bar long enough to hold it
    label_before: bool = False  # the label ends just left of the shape (no room after it)


@dataclass(frozen=True, slots=True)
class Layout:
    """Rows for one zoom level; positions are derived per frame from times.

    Zooming in only moves things apart (labels keep their pixel width), so a
    layout stays valid, without overlaps, for zooms up to ``REUSE_ZOOM`` times
    closer; zooming out, or further in, lays out again.
    """

    pixels_per_second: float
    rows: int  # how many rows the events take (the canvas scrolls through them)
    slots: tuple[_Slot, ...]  # every fetched event, each in its row


def _overlap(window: Viewport, view: Viewport) -> float:
    """Seconds of ``view`` that ``window`` covers."""
    return max(0.0, min(window.end, view.end) - max(window.start, view.start))


def _label_before_x(item: _Prepared, x0: float) -> float:
    """Left of the label when it sits before the shape, ending ``LABEL_GAP`` short of it."""
    shape_start = x0 - MARKER_RADIUS if item.shape is Shape.MARKER else x0
    return shape_start - LABEL_GAP - item.label_width


def _geometry(item: _Prepared, pixels_per_second: float, origin: float):
    """x0, x1, shape end, and label left (inside, after) of an item at a zoom level."""
    x0 = (item.start - origin) * pixels_per_second
    x1 = (item.end - origin) * pixels_per_second
    if item.shape is Shape.MARKER:
        x0 = x1 = (x0 + x1) / 2
        shape_end = x0 + MARKER_RADIUS
        return x0, x1, shape_end, shape_end + LABEL_GAP, shape_end + LABEL_GAP
    shape_end = max(x1, x0 + 6) + (ARROW_PX if item.shape is Shape.ONGOING else 0)
    return x0, x1, shape_end, x0 + BAR_LABEL_INSET, shape_end + LABEL_GAP


class TimelineScene:
    """Fetching, caching and row layout for the canvas."""

    def __init__(self) -> None:
        self.source: TimelineSource | None = None
        self.span: tuple[datetime, datetime] | None = None
        self.global_grid: DensityGrid | None = None
        self._fetched: Fetched | None = None
        self._layout: Layout | None = None
        self._prepared: list[_Prepared] = []
        self._spanning: list[Event] = []  # fetched events covering the whole neighbourhood
        self._keys: list[_Prepared] | None = None  # the neighbourhood's key happenings
        self._key_layout: tuple[float, int, tuple[_Slot, ...]] | None = None
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
                start, end = to_seconds(e.start), to_seconds(e.end)
                if start <= window.start and end >= window.end:
                    self._spanning.append(e)
                else:
                    self._prepared.append(_Prepared(e, shape_of(e), start, end, *measure(e)))
        origin = fetched.window.start
        # Labels should end inside the view the layout is made for (a little short of
        # its right edge, where painting elides): the last events of the library get
        # their labels before them rather than none.
        left_limit = (view.start - origin) * pixels_per_second
        right_limit = (view.end - origin) * pixels_per_second - RIGHT_MARGIN_PX
        extents = []
        inside = []
        for item in self._prepared:
            x0, x1, shape_end, _, label_after_x = _geometry(item, pixels_per_second, origin)
            if item.shape is not Shape.MARKER and x1 - x0 >= item.label_width + 2 * BAR_LABEL_INSET:
                extents.append(Extent(x0, shape_end, shape_end))  # a long bar holds its label
                inside.append(True)
            else:
                left = x0 - MARKER_RADIUS if item.shape is Shape.MARKER else x0
                extents.append(
                    Extent(
                        left,
                        shape_end,
                        label_after_x + item.label_width,
                        _label_before_x(item, x0) if item.label_width else None,
                    )
                )
                inside.append(False)
        placements = pack_rows(
            extents,
            None,
            gap=ROW_GAP,
            long_width=width / 3,
            left_limit=left_limit,
            right_limit=right_limit,
            later=_less_important(self._prepared),
        )
        slots = [
            _Slot(
                item,
                placement.row,
                placement.labelled,
                label_inside,
                placement.labelled and placement.label_before,
            )
            for item, label_inside, placement in zip(
                self._prepared, inside, placements, strict=True
            )
        ]
        rows = 1 + max((placement.row for placement in placements), default=-1)
        for event in self._spanning:
            item = _Prepared(
                event,
                shape_of(event),
                to_seconds(event.start),
                to_seconds(event.end),
                *measure(event),
            )
            slots.append(_Slot(item, rows, True, True))
            rows += 1
        self._layout = Layout(pixels_per_second, max(rows, 1), tuple(slots))
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
        return _placed(slots, view, width)

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
            self._keys = [
                _Prepared(e, shape_of(e), to_seconds(e.start), to_seconds(e.end), *measure(e))
                for e in found
            ]
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
            origin = window.start
            extents, inside = [], []
            for item in self._keys:
                x0, x1, shape_end, _, label_after_x = _geometry(item, pixels_per_second, origin)
                holds_label = x1 - x0 >= item.label_width + 2 * BAR_LABEL_INSET
                if item.shape is not Shape.MARKER and holds_label:
                    extents.append(Extent(x0, shape_end, shape_end))
                else:
                    left = x0 - MARKER_RADIUS if item.shape is Shape.MARKER else x0
                    extents.append(
                        Extent(
                            left,
                            shape_end,
                            label_after_x + item.label_width,
                            _label_before_x(item, x0),
                        )
                    )
                inside.append(item.shape is not Shape.MARKER and holds_label)
            placements = pack_by_priority(
                extents,
                rows,
                gap=ROW_GAP,
                left_limit=(view.start - origin) * pixels_per_second,
                right_limit=(view.end - origin) * pixels_per_second - RIGHT_MARGIN_PX,
            )
            slots = tuple(
                _Slot(item, placement.row, True, label_inside, placement.label_before)
                for item, label_inside, placement in zip(
                    self._keys, inside, placements, strict=True
                )
                if placement is not None
            )
            cached = self._key_layout = (pixels_per_second, rows, slots)
        return _placed(cached[2], view, width)


def _less_important(prepared: list[_Prepared]) -> list[int]:
    """Indexes of the events to place after the most important ones, least important last.

    Only when importance tells events apart (a library without the story layer, or
    a window of equals, keeps plain first-fit in time order).
    """
    if len(prepared) < 2:
        return []
    order = sorted(range(len(prepared)), key=lambda i: -prepared[i].event.importance)
    if prepared[order[0]].event.importance == prepared[order[-1]].event.importance:
        return []
    return order[KEY_LIMIT:] if len(order) > KEY_LIMIT else []


def _placed(slots: tuple[_Slot, ...], view: Viewport, width: float) -> list[Placed]:
    """Slots laid out for a zoom level, as placed in ``view`` (canvas pixels)."""
    pixels_per_second = max(width, 1.0) / view.span
    shown: list[Placed] = []
    crossing: list[tuple[int, float, float]] = []  # labels running off the right edge
    for slot in slots:
        item = slot.item
        x0, x1, shape_end, label_inside_x, label_after_x = _geometry(
            item, pixels_per_second, view.start
        )
        if x0 - MARKER_RADIUS > width + 12:
            continue
        label = item.label if slot.labelled else ""
        if slot.label_before:
            label_x = _label_before_x(item, x0)
        else:
            label_x = label_inside_x if slot.label_inside else label_after_x
        right = max(shape_end, label_x + item.label_width) if label else shape_end
        if right < -12:
            continue
        if (
            label
            and not slot.label_before
            and not slot.label_inside
            and right > width - RIGHT_MARGIN_PX
            and x0 < width
        ):
            crossing.append((len(shown), _label_before_x(item, x0), shape_end))
        shown.append(
            Placed(
                item.event,
                item.shape,
                x0,
                x1,
                slot.row,
                label,
                right,
                label_x,
                slot.label_inside,
                slot.label_before,
            )
        )
    if crossing:
        _turn_round_at_the_edge(shown, crossing)
    return shown


def _turn_round_at_the_edge(shown: list[Placed], crossing: list[tuple[int, float, float]]) -> None:
    """Put labels that run off the right edge before their shapes, where their rows
    have room: the layout decided sides for the view it was made for, and the user
    has since panned. Rows are kept (no reshuffling); a label only moves into the
    free space before its own shape, so nothing can come to overlap.
    """
    by_row: dict[int, list[tuple[float, float]]] = {}
    for placed in shown:
        left = placed.label_x if placed.label_before else _shape_left(placed)
        by_row.setdefault(placed.row, []).append((left, placed.right))
    for row in by_row.values():
        row.sort()
    for index, label_x, shape_end in crossing:
        placed = shown[index]
        if label_x < 0:
            continue
        row = by_row[placed.row]
        position = bisect.bisect_left(row, (_shape_left(placed), -math.inf))
        previous_right = row[position - 1][1] if position > 0 else -math.inf
        if previous_right + 2 * ROW_GAP <= label_x:
            shown[index] = replace(placed, label_x=label_x, right=shape_end, label_before=True)


def _shape_left(placed: Placed) -> float:
    return placed.x0 - MARKER_RADIUS if placed.shape is Shape.MARKER else placed.x0
