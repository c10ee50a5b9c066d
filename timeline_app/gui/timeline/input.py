"""Mouse, wheel, pinch, keys and tooltips of the timeline canvas.

A mixin for ``TimelineView`` (kept apart so each module stays small): it turns
input into the view's own zoom, pan and selection methods and holds no state
beyond the drag in progress and the last click on an edge marker.
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QPinchGesture, QToolTip

from timeline_app.events.model import Event
from timeline_app.gui.timeline import paint
from timeline_app.gui.timeline.density import Bar
from timeline_app.gui.timeline.time_scale import (
    describe_span,
    format_interval,
    from_seconds,
    to_seconds,
)
from timeline_app.temporal.timex import Precision

ZOOM_STEP = 1.25
DRAG_THRESHOLD_PX = 4
ROWS_PER_NOTCH = 3  # rows one Shift+wheel notch scrolls

# (action, keys) of the canvas's gestures that have no menu action, for the F1 list.
CANVAS_KEYS = (
    ("Timeline: Zoom", "Ctrl+Wheel, pinch, double click"),
    ("Timeline: Pan", "Wheel, drag, Shift+Left/Right, PgUp, PgDown"),
    ("Timeline: Scroll the Rows of Events", "Shift+Wheel, Up, Down, the scrollbar"),
    ("Timeline: First/Last Event", "Home, End"),
)


class TimelineInput:
    """Input handling for ``TimelineView`` (which supplies every attribute used here)."""

    # Where and when (monotonic seconds) a click last acted on an edge marker: the
    # double click that follows must not zoom even if that marker has gone meanwhile.
    _marker_click: tuple[QPointF, float] | None = None
    _row_wheel = 0.0  # rows of Shift+wheel scrolling not yet applied (high-resolution wheels)

    def _hit(self, pos: QPointF) -> Event | None:
        best = None
        if self._scene.empty:
            return None
        drawn = self._visible_drawn(self.width(), self.height())  # what is on screen now
        for item in reversed(drawn):  # labels drawn later win
            rect = item.shape_rect(self.theme).adjusted(-3, -3, 3, 3)
            if item.label:
                metrics = QFontMetricsF(paint.label_font(self.font()))
                label_width = metrics.horizontalAdvance(item.label)
                left = item.label_origin(self.theme, label_width)
                rect = rect.united(QRectF(left, item.centre_y - 9, label_width, 18))
            if rect.contains(pos):
                best = item.event
                break
        return best

    def _bar_at(self, pos: QPointF) -> Bar | None:
        """The count bar under ``pos`` while counts are drawn."""
        if self._scene.empty:
            return None
        width = self.width()
        grid = self._scene.counts(self._viewport, width)
        if grid is None:
            return None
        for bar in self._count_bars(grid, width):
            x0 = self._viewport.x_of(bar.start, width)
            x1 = self._viewport.x_of(bar.end, width)
            if x0 <= pos.x() < x1 and bar.count:
                return bar
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_viewport = self._viewport
            self._dragging = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and self._press_viewport is not None:
            dx = pos.x() - self._press.x()
            if self._dragging or abs(dx) >= DRAG_THRESHOLD_PX:
                self._dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                seconds = -dx * self._press_viewport.span / max(self.width(), 1)
                self._set_viewport(self._press_viewport.panned(seconds))
            return
        edge = self._edge_at(pos)
        hovered = None if edge else self._hit(pos)
        hovered_id = hovered.id if hovered else None
        bar = None if hovered or edge else self._bar_at(pos)
        now = (hovered_id, bar, edge.side if edge else None)
        if now != (self._hovered_id, self._hovered_bar, self._hovered_edge):
            self._hovered_id, self._hovered_bar, self._hovered_edge = now
            clickable = hovered or bar or edge
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
            )
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                self._click(event.position())
            self._press = None
            self._press_viewport = None
            self._dragging = False
            self.unsetCursor()
        super().mouseReleaseEvent(event)

    def _click(self, pos: QPointF) -> None:
        edge = self._edge_at(pos)
        if edge is not None:  # the marker of events beyond an edge: go to the nearest
            self._marker_click = (QPointF(pos), time.monotonic())
            self.jump_beyond(edge.side)
            return
        self._marker_click = None
        hit = self._hit(pos)
        if hit is not None:
            self._set_selected(hit)
            self.update()
            self.eventSelected.emit(hit.id)
            return
        bar = self._bar_at(pos)
        if bar is not None:  # a count bar: frame exactly the events it counts
            self.frame_bar(bar)

    def _follows_marker_click(self, pos: QPointF) -> bool:
        """Whether a double click at ``pos`` is the second half of a click that acted
        on an edge marker: that click may have taken the last event beyond the edge,
        so the marker is gone and the spot alone no longer tells."""
        if self._marker_click is None:
            return False
        where, when = self._marker_click
        self._marker_click = None
        hints = QGuiApplication.styleHints()
        soon = time.monotonic() - when <= hints.mouseDoubleClickInterval() / 1000
        distance = max(hints.mouseDoubleClickDistance(), DRAG_THRESHOLD_PX)
        near = (pos - where).manhattanLength() <= distance
        return soon and near

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._follows_marker_click(pos) or self._edge_at(pos) is not None:
            return  # its first click already jumped; a double click must not zoom too
        hit = self._hit(event.position())
        if hit is not None:
            self._set_selected(hit)
            self.update()
            self.eventActivated.emit(hit.id)
        else:
            self.zoom_by(2.0, event.position().x())

    def leaveEvent(self, event: QEvent) -> None:
        if (self._hovered_id, self._hovered_bar, self._hovered_edge) != (None, None, None):
            self._hovered_id, self._hovered_bar, self._hovered_edge = None, None, None
            self.update()
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            # Shift+wheel scrolls the rows (some systems turn it into a sideways delta).
            self._row_wheel += (delta.y() or delta.x()) / 120 * ROWS_PER_NOTCH
            rows = int(self._row_wheel)
            if rows:
                self._row_wheel -= rows
                self.scroll_rows_by(-rows)
        elif event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            notches = delta.y() / 120 or delta.x() / 120
            self.zoom_by(ZOOM_STEP**notches, event.position().x())
        else:
            pixel = event.pixelDelta()
            if not pixel.isNull():
                dx = -(pixel.x() or pixel.y())
            else:
                dx = -(delta.x() or delta.y()) / 120 * self.width() / 10
            self.pan_by_pixels(dx)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        panning = modifiers & (
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
        )
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            sign = -1 if key == Qt.Key.Key_Left else 1
            if panning:
                self.pan_by_pixels(sign * self.width() / 8)
            else:
                self.step_selection(sign)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not modifiers:
            self.scroll_rows_by(-1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.pan_by_pixels((-1 if key == Qt.Key.Key_PageUp else 1) * self.width() * 0.9)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0 and modifiers & Qt.KeyboardModifier.ControlModifier:
            if modifiers & Qt.KeyboardModifier.ShiftModifier:
                self.fit_everything()
            else:
                self.toggle_fit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_selected()
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self._span is not None:
            moment = self._span[0] if key == Qt.Key.Key_Home else self._span[1]
            view = self._viewport
            centre = to_seconds(moment)
            self._set_viewport(view.panned(centre - (view.start + view.end) / 2))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value(), event.position().x())
            return True
        if kind == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                centre = self.mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(pinch.scaleFactor(), centre.x())
                return True
        return super().event(event)

    def _show_tooltip(self, event: QEvent) -> None:
        pos = QPointF(event.pos())
        edge = self._edge_at(pos)
        if edge is not None:
            QToolTip.showText(event.globalPos(), self.edge_tooltip(edge), self)
            return
        hit = self._hit(pos)
        if hit is not None:
            QToolTip.showText(event.globalPos(), self.tooltip_html(hit), self)
            return
        bar = self._bar_at(pos)
        if bar is not None:
            start, end = from_seconds(bar.start), from_seconds(bar.end)
            text = (
                f"<b>{bar.count:,} events</b><br>{start:%Y-%m-%d %H:%M} to "
                f"{end:%Y-%m-%d %H:%M}<br><i>click to zoom in</i>"
            )
            QToolTip.showText(event.globalPos(), text, self)
            return
        QToolTip.hideText()
        event.ignore()

    def tooltip_html(self, event: Event) -> str:
        """Hover text: the sentence, expression, resolved value and anchor (escaped)."""
        assert self._source is not None
        article = self._source.article_label(event.article_id)
        anchor = self._source.anchor_of(event)
        rows = [
            f"<b>{html.escape(event.label or event.expression)}</b>",
            f"“{html.escape(event.expression)}” → <tt>{html.escape(event.value)}</tt>"
            f" ({event.precision.name.lower().replace('_', ' ')}, {event.kind.value})",
            format_interval(event.start, event.end, event.precision >= Precision.HOUR)
            + f" · {describe_span((event.end - event.start).total_seconds())}",
            f"anchor: {html.escape(anchor) if anchor else 'none (absolute)'}",
        ]
        if article.title or article.source:
            rows.append(html.escape(" · ".join(p for p in (article.title, article.source) if p)))
        return "<br>".join(rows)
