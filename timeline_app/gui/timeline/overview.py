"""The overview strip: where the events are at a glance, with the visible window.

It draws the whole-span counts the ``TimelineView`` already fetched (no query
of its own) and lets the user click or drag to move the view, and wheel over it
to pan; the view stays the single owner of the visible window. Like the canvas,
it frames where most events are (their bulk, with room around it): a reader
comment's "two thousand years ago" gets a marker at the strip's edge ("◀ 3"),
which moves the view there when clicked, instead of squeezing the story into a
sliver of a strip spanning two millennia.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from timeline_app.gui.timeline import paint
from timeline_app.gui.timeline.time_scale import Viewport, build_axis, to_seconds
from timeline_app.gui.timeline.view import TimelineView

STRIP_HEIGHT = 48
AXIS_ROOM = 16
MIN_BAR_PX = 4.0  # a lone far-off event stays visible beside a bulk of thousands
ROOM_AROUND_BULK = 1.0  # the strip shows the bulk with this many times its span on each side


class OverviewStrip(QWidget):
    """A thin histogram of the whole library with the view's window as a draggable box."""

    def __init__(self, view: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setFixedHeight(STRIP_HEIGHT)
        self.setMinimumWidth(200)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("The whole timeline; click or drag to move the view")
        self._drag_offset: float | None = None
        view.visibleRangeChanged.connect(self.update)
        view.dataReloaded.connect(self.update)
        view.selectionChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(900, STRIP_HEIGHT)

    def full_range(self) -> Viewport | None:
        """What the strip shows: the events' bulk with room around it (the whole span
        when that is not much more), and always the view."""
        grid = self.view.global_density()
        visible = self.view.viewport()
        if grid is None:
            return None
        start, end = grid.start, grid.end
        bulk = self.view.bulk_viewport() if hasattr(self.view, "bulk_viewport") else None
        if bulk is not None:
            room = ROOM_AROUND_BULK * bulk.span
            start, end = max(start, bulk.start - room), min(end, bulk.end + room)
        start, end = min(start, visible.start), max(end, visible.end)
        margin = (end - start) * 0.02
        return Viewport.around(start - margin, end + margin)

    def beyond_strip(self) -> tuple[int, int]:
        """How many events begin before and after what the strip shows (by the counts)."""
        grid, full = self.view.global_density(), self.full_range()
        if grid is None or full is None:
            return 0, 0
        earlier = grid.count(grid.start, full.start) if full.start > grid.start else 0
        later = grid.count(full.end, grid.end) if full.end < grid.end else 0
        return earlier, later

    def _edge_labels(self) -> list[tuple[str, QRectF, str]]:
        """(side, where, text) of the markers for events beyond the strip's edges."""
        earlier, later = self.beyond_strip()
        metrics = QFontMetricsF(paint.tick_font(self.font()))
        labels = []
        top, height = 3.0, metrics.height() + 2
        if earlier:
            text = f"◀ {earlier:,}"
            labels.append(
                ("earlier", QRectF(2, top, metrics.horizontalAdvance(text) + 8, height), text)
            )
        if later:
            text = f"{later:,} ▶"
            text_width = metrics.horizontalAdvance(text) + 8
            box = QRectF(self.width() - text_width - 2, top, text_width, height)
            labels.append(("later", box, text))
        return labels

    def window_rect(self) -> QRectF | None:
        """Where the view's visible window is drawn in the strip."""
        full = self.full_range()
        if full is None:
            return None
        visible = self.view.viewport()
        x0 = full.x_of(visible.start, self.width())
        x1 = full.x_of(visible.end, self.width())
        if x1 - x0 < 4:  # keep a deeply zoomed window visible and grabbable
            centre = (x0 + x1) / 2
            x0, x1 = centre - 2, centre + 2
        return QRectF(x0, 1, x1 - x0, self.height() - AXIS_ROOM - 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        theme = self.view.theme
        width, height = float(self.width()), float(self.height())
        painter.fillRect(QRectF(0, 0, width, height), QColor("#f6f7f9"))
        painter.setPen(QPen(QColor(theme.grid_major), 1))
        painter.drawLine(QPointF(0, 0.5), QPointF(width, 0.5))
        full = self.full_range()
        grid = self.view.global_density()
        if full is None or grid is None:
            return
        base = height - AXIS_ROOM
        bars = grid.bars(full.start, full.end, 2 * full.span / max(width, 1))
        tallest = max((bar.count for bar in bars), default=0) or 1
        colour = QColor(theme.density)
        for bar in bars:
            if bar.count:
                x0, x1 = full.x_of(bar.start, width), full.x_of(bar.end, width)
                bar_height = max(MIN_BAR_PX, (base - 6) * bar.count / tallest)
                painter.fillRect(
                    QRectF(x0, base - bar_height, max(x1 - x0, 2.0), bar_height), colour
                )
        font = paint.tick_font(self.font())
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        axis = build_axis(full, width, metrics.averageCharWidth())
        labelled = [t for t in axis.ticks if t.major] or list(axis.ticks)
        painter.setPen(QColor(theme.tick_text))
        for tick in labelled:
            x = full.x_of(tick.seconds, width)
            text = tick.label if not axis.context else str(tick.when.year)
            text_width = metrics.horizontalAdvance(text)
            if x - text_width / 2 >= 0 and x + text_width / 2 <= width:
                painter.drawText(QPointF(x - text_width / 2, height - 4), text)
        selected = self.view.selected_event()
        if selected is not None:  # where the selected event is, even when far from the view
            x = full.x_of(to_seconds(selected.start), width)
            painter.setPen(QPen(QColor(theme.selection), 2))
            painter.drawLine(QPointF(x, 2), QPointF(x, base))
        for _side, box, text in self._edge_labels():
            painter.setPen(QPen(QColor(theme.grid_major), 1))
            painter.setBrush(QColor(theme.background))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(QColor(theme.tick_text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        window = self.window_rect()
        if window is not None:
            fill = QColor(theme.selection)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.setPen(QPen(QColor(theme.selection), 1.2))
            painter.drawRoundedRect(window, 2, 2)

    def _move_window_to(self, x: float, keep_offset: float) -> None:
        full = self.full_range()
        if full is None:
            return
        visible = self.view.viewport()
        new_start = full.seconds_at(x - keep_offset, self.width())
        self.view.set_viewport(visible.panned(new_start - visible.start))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        for side, box, _text in self._edge_labels():
            if box.contains(event.position()):  # far-off events: the view goes there
                self.view.jump_beyond(side)
                return
        window = self.window_rect()
        x = event.position().x()
        if window is not None and window.left() <= x <= window.right():
            self._drag_offset = x - window.left()
        else:  # jump: centre the view on the click, then drag from there
            width = window.width() if window is not None else 0
            self._drag_offset = width / 2
            self._move_window_to(x, self._drag_offset)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_offset is not None:
            self._move_window_to(event.position().x(), self._drag_offset)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_offset = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.view.wheelEvent(event)
