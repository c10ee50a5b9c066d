"""Fitting the timeline to its events, and the markers for events beyond its edges.

A mixin for ``TimelineView`` (kept apart so each module stays small), over the
pure rules of ``framing``: ``fit_all`` frames where the events are
(the default view), ``fit_everything`` takes in far-off outliers too, and
Ctrl+0 toggles between them. While events begin beyond an edge of the view, a
marker there says how many ("◀ 2 earlier"); clicking it pans to the nearest.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QPixmap, QResizeEvent

from timeline_app.gui.timeline import paint
from timeline_app.gui.timeline.framing import (
    Beyond,
    bulk_range,
    count_beyond,
    estimate_beyond,
    framed,
    jump_view,
)
from timeline_app.gui.timeline.source import neighbour_event
from timeline_app.gui.timeline.time_scale import Viewport, from_seconds, to_seconds

EARLIER = "earlier"
LATER = "later"
EDGE_INSET_PX = 6.0  # between a marker and the canvas edge
EDGE_PAD_PX = 8.0  # text padding inside a marker
EDGE_HEIGHT_PX = 22.0


class EdgeMarker(NamedTuple):
    """A marker for the events beginning beyond one edge of the view."""

    side: str  # EARLIER or LATER
    count: int
    rect: QRectF
    text: str


class TimelineFitting:
    """Fit commands and edge markers for ``TimelineView`` (which supplies the state)."""

    def _init_fitting(self) -> None:
        self._beyond_cache: tuple[Viewport, Beyond] | None = None  # exact, for one view
        self._hovered_edge: str | None = None
        self._marker_pixmaps: dict[tuple, QPixmap] = {}  # see _marker_box
        # The bulk depends on the data only (not the width): found once per reload.
        self._bulk_cache: tuple[object, tuple[float, float]] | None = None
        # The last fit and the view it gave: while the view is still that one, a
        # resize fits again (the window lays the canvas out after the first fit).
        self._last_fit: tuple[Callable[[], Viewport | None], Viewport] | None = None

    # -- fitting ---------------------------------------------------------------------

    def bulk_viewport(self) -> Viewport | None:
        """The default view: the stretch holding most events, outliers left to the edge
        markers unless they are close anyway (``framing.bulk_range``)."""
        span, grid = self._span, self._scene.global_grid
        if span is None or grid is None or self._source is None:
            return None
        if self._bulk_cache is None or self._bulk_cache[0] is not grid:
            seconds = (to_seconds(span[0]), to_seconds(span[1]))
            self._bulk_cache = (grid, bulk_range(grid, seconds, self._source.start_quantiles))
        return framed(*self._bulk_cache[1], float(self.width()))

    def everything_viewport(self) -> Viewport | None:
        """The view with every event in it, far-off outliers included."""
        if self._span is None:
            return None
        return framed(to_seconds(self._span[0]), to_seconds(self._span[1]), float(self.width()))

    def fit_all(self) -> None:
        """Show where the events are: the default view on opening, after the first
        import and on Ctrl+0. Every event when none is far off; otherwise the bulk,
        with markers at the edges for the rest (``fit_everything`` shows them all)."""
        self._fit(self.bulk_viewport, self.bulk_viewport())

    def fit_everything(self) -> None:
        """Zoom out until every event is in view, however far off (Ctrl+Shift+0)."""
        self._fit(self.everything_viewport, self.everything_viewport())

    def toggle_fit(self) -> None:
        """Ctrl+0: show where the events are; pressed again there, show everything (and
        back), so a second press reveals the outliers the first one left out."""
        bulk = self.bulk_viewport()
        if bulk is not None and _same_view(self._viewport, bulk):
            self.fit_everything()
        else:
            self._fit(self.bulk_viewport, bulk)

    def _fit(self, again: Callable[[], Viewport | None] | None, view: Viewport | None) -> None:
        """Show ``view``; ``again`` recomputes it for a new width (None: keep it as is)."""
        if view is None:
            return
        self._set_viewport(view)
        self._last_fit = None if again is None else (again, view)
        self._refresh_beyond()  # a deliberate jump: show exact counts at once

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._last_fit is not None and self._last_fit[1] == self._viewport:
            again = self._last_fit[0]
            self._fit(again, again())

    # -- events beyond the edges -----------------------------------------------------

    def beyond(self) -> Beyond:
        """How many events begin before and after the view: exact once the view has
        settled, estimated from the whole-span counts while it moves."""
        cached = self._beyond_cache
        if cached is not None and cached[0] == self._viewport:
            return cached[1]
        grid = self._scene.global_grid
        return Beyond(0, 0) if grid is None else estimate_beyond(grid, self._viewport)

    def _beyond_stale(self) -> bool:
        cached = self._beyond_cache
        return not self._scene.empty and (cached is None or cached[0] != self._viewport)

    def _refresh_beyond(self) -> bool:
        """Count exactly for the current view (a few index seeks); True if that changed
        what the markers say."""
        if self._scene.empty or not self._beyond_stale():
            return False
        before = self.beyond()
        exact = count_beyond(self._source.start_count, self._scene.global_grid, self._viewport)
        self._beyond_cache = (self._viewport, exact)
        return exact != before

    def edge_markers(self, width: float | None = None, height: float | None = None):
        """The markers to draw (or click) for the current view: ``list[EdgeMarker]``."""
        width = float(self.width() if width is None else width)
        height = float(self.height() if height is None else height)
        if self._scene.empty:
            return []
        beyond = self.beyond()
        metrics = QFontMetricsF(paint.tick_font(self.font()))
        top = self.theme.top_margin
        middle = (top + height - self.theme.axis_height) / 2
        markers = []
        for side, count in ((EARLIER, beyond.earlier), (LATER, beyond.later)):
            if count <= 0:
                continue
            text = f"◀ {count:,} earlier" if side == EARLIER else f"{count:,} later ▶"
            # Widths in steps of 8 px, so a count changing while panning reuses its box.
            box = math.ceil((metrics.horizontalAdvance(text) + 2 * EDGE_PAD_PX) / 8) * 8
            left = EDGE_INSET_PX if side == EARLIER else width - EDGE_INSET_PX - box
            rect = QRectF(left, middle - EDGE_HEIGHT_PX / 2, box, EDGE_HEIGHT_PX)
            markers.append(EdgeMarker(side, count, rect, text))
        return markers

    def _edge_at(self, pos: QPointF) -> EdgeMarker | None:
        return next((m for m in self.edge_markers() if m.rect.contains(pos)), None)

    def edge_tooltip(self, marker: EdgeMarker) -> str:
        """Hover text of an edge marker."""
        where = "before this view" if marker.side == EARLIER else "after this view"
        plural = "s begin" if marker.count != 1 else " begins"
        return (
            f"<b>{marker.count:,} event{plural} {where}</b><br>"
            "click to go to the nearest; Ctrl+Shift+0 shows every event"
        )

    def jump_beyond(self, side: str) -> bool:
        """Pan (zoom kept) to the nearest event beginning beyond ``side`` of the view;
        False when there is none."""
        if self._source is None or self._span is None:
            return False
        view = self._viewport
        if side == EARLIER:
            key, step = (from_seconds(view.start), -1), -1
        else:
            key, step = (from_seconds(view.end), -1), 1
        target = neighbour_event(self._source, key, step, self._span)
        if target is None:
            return False
        start, end = to_seconds(target.start), to_seconds(target.end)
        self._fit(None, jump_view(view, start, end, earlier=side == EARLIER))
        return True

    def _paint_edges(self, painter: QPainter, width: float, height: float) -> None:
        markers = self.edge_markers(width, height)
        if not markers:
            return
        painter.setFont(paint.tick_font(self.font()))
        for marker in markers:
            hovered = marker.side == self._hovered_edge
            painter.drawPixmap(marker.rect.topLeft(), self._marker_box(marker.rect, hovered))
            colour = self.theme.selection if hovered else self.theme.tick_text
            painter.setPen(QColor(colour))
            painter.drawText(marker.rect, int(Qt.AlignmentFlag.AlignCenter), marker.text)

    def _marker_box(self, rect: QRectF, hovered: bool) -> QPixmap:
        """The marker's rounded box, drawn once per size: an antialiased rounded box
        costs over a millisecond a frame, a cached one a blit."""
        ratio = self.devicePixelRatioF()
        key = (round(rect.width()), round(rect.height()), hovered, ratio)
        pixmap = self._marker_pixmaps.get(key)
        if pixmap is not None:
            return pixmap
        pixmap = QPixmap(math.ceil(key[0] * ratio), math.ceil(key[1] * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        theme = self.theme
        painter = QPainter(pixmap)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            fill = QColor(theme.selection_fill if hovered else theme.background)
            fill.setAlpha(240)
            painter.setBrush(fill)
            painter.setPen(QPen(QColor(theme.selection if hovered else theme.axis_line), 1))
            box = QRectF(0.5, 0.5, key[0] - 1, key[1] - 1)
            painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        finally:
            painter.end()
        if len(self._marker_pixmaps) > 64:  # widths change as counts do: keep it small
            self._marker_pixmaps.clear()
        self._marker_pixmaps[key] = pixmap
        return pixmap


def _same_view(a: Viewport, b: Viewport) -> bool:
    tolerance = 1e-6 * max(a.span, b.span)
    return abs(a.start - b.start) <= tolerance and abs(a.end - b.end) <= tolerance
