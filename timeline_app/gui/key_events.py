"""The Key events list: the library's happenings in importance order, beside the events table.

A thin adapter over ``Repository.key_events`` (one event stands for each
happening; importance, headline and reports come from the story layer). It
follows the same filter as the timeline and the table: the checked articles, the
search and the date range. Clicking a row asks the window to select that event,
which frames it on the timeline and opens it in the reader.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from timeline_app.events.model import Event
from timeline_app.gui.formatting import event_when, plain_tooltip
from timeline_app.gui.library_view import style_table

KEY_EVENTS_SHOWN = 200  # a list to read, not a second events table
AnyIndex = QModelIndex | QPersistentModelIndex


class KeyEventsModel(QAbstractTableModel):
    """The most important happenings under the window's filter, most important first."""

    COLUMNS = ("Key event", "Date", "Reports")
    HEADLINE, DATE, REPORTS = range(3)

    def __init__(self, repo: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._repo = repo
        self._events: list[Event] = []
        self._article_ids: Collection[int] | None = None
        self._search: str | None = None
        self._range: tuple[datetime | None, datetime | None] = (None, None)

    def set_filter(
        self,
        article_ids: Collection[int] | None,
        search: str | None,
        start: datetime | None,
        end: datetime | None,
    ) -> None:
        """Follow the window's filter and re-read the list."""
        self._article_ids = None if article_ids is None else set(article_ids)
        self._search = search
        self._range = (start, end)
        self.reload()

    def reload(self) -> None:
        """Re-read the key events (after an import, a correction or a filter change)."""
        wanted = self._article_ids
        # The store's key events know no article filter: ask for more, drop the rest.
        asked = KEY_EVENTS_SHOWN if wanted is None else KEY_EVENTS_SHOWN * 4
        start, end = self._range
        found = self._repo.key_events(start=start, end=end, search=self._search, limit=asked)
        events = [e for e in found if wanted is None or e.article_id in wanted]
        self.beginResetModel()
        self._events = events[:KEY_EVENTS_SHOWN]
        self.endResetModel()

    def event_at(self, row: int) -> Event | None:
        return self._events[row] if 0 <= row < len(self._events) else None

    def event_ids(self) -> list[int]:
        """The listed events' ids, in the list's (importance) order."""
        return [event.id for event in self._events]

    def row_of_happening(self, event: Event) -> int:
        """The row of the happening ``event`` reports (itself, or its group), or -1."""
        for row, listed in enumerate(self._events):
            if listed.id == event.id or (
                event.group_id is not None and listed.group_id == event.group_id
            ):
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return (
                "The happening's short headline",
                "When it happened",
                "How many articles report it",
            )[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        event = self.event_at(index.row()) if index.isValid() else None
        if event is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.HEADLINE:
                return event.headline or event.label or event.expression
            if column == self.DATE:
                return event_when(event)
            return event.reports
        if role == Qt.ItemDataRole.ToolTipRole:
            text = event.headline or event.label
            reports = f"reported by {event.reports} article{'s' if event.reports != 1 else ''}"
            return plain_tooltip(f"{text}\n{event_when(event)}, {reports}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.REPORTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class KeyEventsView(QTableView):
    """The Key events list; ``eventChosen(id)`` when the user clicks or activates a row."""

    eventChosen = Signal(int)

    def __init__(self, model: KeyEventsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyEventsView")
        self.setModel(model)
        style_table(self)
        self.setSortingEnabled(False)  # importance order is the point of the list
        header = self.horizontalHeader()
        header.setSectionResizeMode(KeyEventsModel.HEADLINE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KeyEventsModel.DATE, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(KeyEventsModel.DATE, 96)
        header.setSectionResizeMode(KeyEventsModel.REPORTS, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleName("Key events: the most important happenings, most important first")
        self.clicked.connect(self._choose)
        self.activated.connect(self._choose)

    def _choose(self, index: QModelIndex) -> None:
        model = self.model()
        event = model.event_at(index.row()) if isinstance(model, KeyEventsModel) else None
        if event is not None:
            self.eventChosen.emit(event.id)
