"""Where each event goes at a zoom level: shapes, rows and label sides; no Qt.

The scene decides what to fetch; this module turns fetched events into rows
(every event gets one: the canvas scrolls through them) or, for the story
layer over counts, into the most important labels that fit. Positions are
kept relative to the neighbourhood's start, so a layout is translated on pan.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import NamedTuple

from timeline_app.events.model import Event, EventKind
from timeline_app.gui.timeline.layout import Extent, pack_by_priority, pack_rows
from timeline_app.gui.timeline.time_scale import Viewport, to_seconds
from timeline_app.temporal.timex import Precision

MARKER_RADIUS = 5.0
LABEL_GAP = 5.0  # between a dot and its label
BAR_LABEL_INSET = 6.0  # label starts this far inside a bar
ARROW_PX = 10.0  # room for an ongoing event's open arrow
ROW_GAP = 8.0  # between neighbours in a row (twice that before a label placed before a shape)
RIGHT_MARGIN_PX = 4.0  # labels end this far short of the canvas edge (painting elides there)
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
class Prepared:
    """Per-event values that do not change with zoom, computed once per fetch."""

    event: Event
    shape: Shape
    start: float  # seconds
    end: float
    label: str
    label_width: float


class Slot(NamedTuple):
    """An event's row in a layout, and how its label sits."""

    item: Prepared
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
    slots: tuple[Slot, ...]  # every fetched event, each in its row


def label_before_x(item: Prepared, x0: float) -> float:
    """Left of the label when it sits before the shape, ending ``LABEL_GAP`` short of it."""
    shape_start = x0 - MARKER_RADIUS if item.shape is Shape.MARKER else x0
    return shape_start - LABEL_GAP - item.label_width


def geometry(item: Prepared, pixels_per_second: float, origin: float):
    """x0, x1, shape end, and label left (inside, after) of an item at a zoom level."""
    x0 = (item.start - origin) * pixels_per_second
    x1 = (item.end - origin) * pixels_per_second
    if item.shape is Shape.MARKER:
        x0 = x1 = (x0 + x1) / 2
        shape_end = x0 + MARKER_RADIUS
        return x0, x1, shape_end, shape_end + LABEL_GAP, shape_end + LABEL_GAP
    shape_end = max(x1, x0 + 6) + (ARROW_PX if item.shape is Shape.ONGOING else 0)
    return x0, x1, shape_end, x0 + BAR_LABEL_INSET, shape_end + LABEL_GAP


def less_important(prepared: list[Prepared]) -> list[int]:
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


def placed_in_view(slots: tuple[Slot, ...], view: Viewport, width: float) -> list[Placed]:
    """Slots laid out for a zoom level, as placed in ``view`` (canvas pixels)."""
    pixels_per_second = max(width, 1.0) / view.span
    shown: list[Placed] = []
    crossing: list[tuple[int, float, float]] = []  # labels running off the right edge
    for slot in slots:
        item = slot.item
        x0, x1, shape_end, label_inside_x, label_after_x = geometry(
            item, pixels_per_second, view.start
        )
        if x0 - MARKER_RADIUS > width + 12:
            continue
        label = item.label if slot.labelled else ""
        if slot.label_before:
            label_x = label_before_x(item, x0)
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
            crossing.append((len(shown), label_before_x(item, x0), shape_end))
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


def _extents(
    items: Sequence[Prepared], pixels_per_second: float, origin: float
) -> tuple[list[Extent], list[bool]]:
    """What each item occupies at a zoom level, and whether a long bar holds its label."""
    extents, inside = [], []
    for item in items:
        x0, x1, shape_end, _, label_after_x = geometry(item, pixels_per_second, origin)
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
                    label_before_x(item, x0) if item.label_width else None,
                )
            )
            inside.append(False)
    return extents, inside


def lay_out_rows(
    prepared: Sequence[Prepared],
    spanning: Sequence[Prepared],
    view: Viewport,
    width: float,
    origin: float,
) -> Layout:
    """Every event in a row for ``view`` drawn ``width`` px wide; ``spanning`` (events
    covering the whole neighbourhood) take the last rows, one each."""
    pixels_per_second = max(width, 1.0) / view.span
    # Labels should end inside the view the layout is made for (a little short of
    # its right edge, where painting elides): the last events of the library get
    # their labels before them rather than none.
    extents, inside = _extents(prepared, pixels_per_second, origin)
    placements = pack_rows(
        extents,
        None,
        gap=ROW_GAP,
        long_width=width / 3,
        left_limit=(view.start - origin) * pixels_per_second,
        right_limit=(view.end - origin) * pixels_per_second - RIGHT_MARGIN_PX,
        later=less_important(prepared),
    )
    slots = [
        Slot(
            item,
            placement.row,
            placement.labelled,
            label_inside,
            placement.labelled and placement.label_before,
        )
        for item, label_inside, placement in zip(prepared, inside, placements, strict=True)
    ]
    rows = 1 + max((placement.row for placement in placements), default=-1)
    for item in spanning:
        slots.append(Slot(item, rows, True, True))
        rows += 1
    return Layout(pixels_per_second, max(rows, 1), tuple(slots))


def lay_out_keys(
    keys: Sequence[Prepared], view: Viewport, width: float, origin: float, rows: int
) -> tuple[Slot, ...]:
    """The most important happenings (given in importance order) whose labels fit in
    ``rows`` rows without overlap; the others are left to the counts."""
    pixels_per_second = max(width, 1.0) / view.span
    extents, inside = _extents(keys, pixels_per_second, origin)
    placements = pack_by_priority(
        extents,
        rows,
        gap=ROW_GAP,
        left_limit=(view.start - origin) * pixels_per_second,
        right_limit=(view.end - origin) * pixels_per_second - RIGHT_MARGIN_PX,
    )
    return tuple(
        Slot(item, placement.row, True, label_inside, placement.label_before)
        for item, label_inside, placement in zip(keys, inside, placements, strict=True)
        if placement is not None
    )


def prepare(event: Event, measure: Measure) -> Prepared:
    """An event with what does not change with zoom: shape, seconds and measured label."""
    return Prepared(
        event, shape_of(event), to_seconds(event.start), to_seconds(event.end), *measure(event)
    )
