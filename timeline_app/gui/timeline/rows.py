"""Rows of events and their vertical scrolling on the canvas.

A mixin for ``TimelineView``. Every event in view gets a row (``placing``);
when they need more rows than the canvas holds, the rows scroll: a scrollbar
at the right, Shift+wheel and Up/Down (``input``), and selecting an event
scrolls to its row. Nothing is folded into counts or "longer events" notes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollBar

from timeline_app.events.model import Event


class TimelineRows:
    """Row scrolling for ``TimelineView`` (which supplies every attribute used here)."""

    def _init_rows(self) -> None:
        self._first_row = 0  # the top visible row while events are drawn in rows
        self._row_bar = QScrollBar(Qt.Orientation.Vertical, self)
        self._row_bar.setAccessibleName("Timeline rows")
        self._row_bar.setCursor(Qt.CursorShape.ArrowCursor)
        self._row_bar.hide()
        self._row_bar.valueChanged.connect(self.scroll_rows_to)

    def _rows_available(self, height: float) -> int:
        """Rows of events that fit on the canvas at once."""
        usable = height - self.theme.axis_height - self.theme.top_margin - 6
        return max(1, int(usable // self.theme.row_height))

    def row_count(self) -> int:
        """Rows the events in view are laid out in (0 while counts are drawn)."""
        if self._scene.empty or self._scene.counts(self._viewport, self.width()) is not None:
            return 0
        return self._scene.row_count(self._viewport, self.width(), self._measure)

    def first_row(self) -> int:
        """The row shown at the top of the canvas (0 unless scrolled)."""
        return self._first_row

    def scroll_rows_to(self, row: int) -> None:
        """Show rows from ``row`` down (clamped to the rows there are)."""
        last = max(0, self.row_count() - self._rows_available(self.height()))
        row = max(0, min(int(row), last))
        if row != self._first_row:
            self._first_row = row
            self.update()

    def scroll_rows_by(self, rows: int) -> None:
        """Scroll the rows down (positive) or up by ``rows``."""
        self.scroll_rows_to(self._first_row + rows)

    def _scroll_to_row_of(self, event: Event) -> None:
        """Scroll so the row holding ``event`` is on screen."""
        if self._scene.empty or self._scene.counts(self._viewport, self.width()) is not None:
            return
        row = self._scene.row_of(event.id, self._viewport, self.width(), self._measure)
        if row is None:
            return
        visible = self._rows_available(self.height())
        if row < self._first_row:
            self.scroll_rows_to(row)
        elif row >= self._first_row + visible:
            self.scroll_rows_to(row - visible + 1)

    def _visible_rows(self, height: float) -> range:
        return range(self._first_row, self._first_row + self._rows_available(height))

    def _sync_row_bar(self, rows: int, height: float) -> None:
        """Show the row scrollbar when the rows outnumber what fits, clamping the scroll."""
        visible = self._rows_available(height)
        last = max(0, rows - visible)
        self._first_row = min(self._first_row, last)
        bar = self._row_bar
        bar.blockSignals(True)
        bar.setRange(0, last)
        bar.setPageStep(visible)
        bar.setValue(self._first_row)
        bar.blockSignals(False)
        if bar.isVisible() != bool(last):
            bar.setVisible(bool(last))

    def resizeEvent(self, event: QResizeEvent) -> None:
        top = self.theme.top_margin
        extent = self._row_bar.sizeHint().width()
        self._row_bar.setGeometry(
            self.width() - extent,
            int(top),
            extent,
            int(self.height() - self.theme.axis_height - top),
        )
        super().resizeEvent(event)

    def undrawn_count(self) -> int:
        """Events in view laid out in rows scrolled out of sight (reachable by scrolling)."""
        if self._scene.empty or self._scene.counts(self._viewport, self.width()) is not None:
            return 0
        shown = self._visible_rows(self.height())
        placed = self._scene.visible(self._viewport, self.width(), self._measure)
        return sum(1 for item in placed if item.row not in shown and _in_view(item, self.width()))


def _in_view(item, width: float) -> bool:
    """Whether a placed event's shape or label lies across the canvas horizontally."""
    return item.right >= 0 and min(item.x0, item.label_x) <= width
