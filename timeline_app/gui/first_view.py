"""The window at first sight: the story's most important happening open in the reader,
and the events table at the period the timeline frames.

A mixin of ``MainWindow``. With no remembered selection, the window opens on the
top row of the Key events list (the happening the most articles and outlets
report): the reader shows its passage, and the Key events list and the events
table make it their current row. The timeline keeps its overview: the event is
marked where it is drawn (its label, the selection line) but the view does not
zoom to it, because the overview is the story at a glance and the user did not
ask to leave it; Left/Right then step on from that event, as from any selection.

The events table, sorted by date, would otherwise open on the library's earliest
dates (a reader comment's "2,000 years ago"), far from what the timeline frames:
it opens at the first event beginning in the period the timeline frames, then,
if the selected event is not in sight there, centred on it (its neighbours in
time around it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView

FIRST_VIEW = "first view"  # the origin ``select_event`` gets: the timeline keeps its view


class FirstViewMixin:
    """Choosing what the window shows before the user has chosen anything."""

    # Provided by MainWindow.
    timeline: Any
    event_model: Any
    event_view: Any
    key_events_view: Any
    _current_event_id: int | None
    select_event: Any

    _table_placement_pending = False
    _placing_when_loaded = False

    def _open_first_view(self) -> None:
        """After the remembered state is restored: select the top key event if nothing
        is selected, and place the events table once the window is laid out."""
        loading = self.event_model.loading  # a large table still arriving: not yet listed
        if self._current_event_id is None:
            top = self.key_events_view.model().event_at(0)
            if top is not None and (loading or self.event_model.row_of_event(top.id) >= 0):
                self.select_event(top.id, FIRST_VIEW)
        self._table_placement_pending = True
        self._placing_when_loaded = loading

    def _events_loaded_first_time(self) -> None:
        """The background load of a large table ended: place it now that it is whole."""
        if self._placing_when_loaded:
            self._placing_when_loaded = False
            self.place_events_table()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._table_placement_pending:
            self._table_placement_pending = False
            # Once the layout has given the table its height: scrolling needs it. (The
            # window as context: a window closed at once never runs it.)
            QTimer.singleShot(0, self, self.place_events_table)  # type: ignore[call-overload]

    def place_events_table(self) -> None:
        """Scroll the events table to the first event in the period the timeline frames,
        then to the selected event if that left it out of sight."""
        hint = QAbstractItemView.ScrollHint
        start, end = self.timeline.visible_range()
        first = self.event_model.first_row_within(start, end)
        if first >= 0:
            self.event_view.scrollTo(self.event_model.index(first, 0), hint.PositionAtTop)
        current = self._current_event_id
        row = self.event_model.row_of_event(current) if current is not None else -1
        if row >= 0 and not self._row_in_sight(row):
            self.event_view.scrollTo(self.event_model.index(row, 0), hint.PositionAtCenter)

    def _row_in_sight(self, row: int) -> bool:
        shown = self.event_view.visualRect(self.event_model.index(row, 0))
        return self.event_view.viewport().rect().contains(shown)
