"""What the window shows: a search and a date range for the timeline and both lists,
and Go to date (Ctrl+G).

The search is the library's search box (Ctrl+F): the same words that narrow the
article list keep, on the timeline, in the events table and in the Key events
list, only the events that match them. The date range ("from", "to") keeps the
events overlapping it and frames it on the timeline. The status bar says what
is filtered, so an emptier timeline is never a mystery.

Dates are typed as people write them: ISO ("2011", "2011-03", "2011-03-19") or
words the tagger reads ("March 2011", "19 March 2011"); each means its whole
period, so "to 2011-03" includes 31 March.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from timeline_app.gui.key_events import KeyEventsModel, KeyEventsView
from timeline_app.temporal.calendar import interval_of

ISO_PERIOD = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
GO_TO_MARGIN = 0.15  # of the period shown on either side of a date gone to


def parse_period(text: str) -> tuple[datetime, datetime] | None:
    """The period ``text`` names, as ``[start, end)``; None when it names none."""
    text = text.strip()
    if not text:
        return None
    match = ISO_PERIOD.fullmatch(text)
    if match:
        # As a TIMEX3 value ("2011-3" -> "2011-03"): the calendar knows its span.
        parts = zip(match.groups(), (4, 2, 2), strict=True)
        value = "-".join(f"{int(part):0{width}d}" for part, width in parts if part)
        found = interval_of(value)
        return (found[0].start, found[0].end) if found is not None else None
    from timeline_app.temporal import tag

    found = [t for t in tag(text) if t.interval is not None]
    if len(found) != 1 or len(found[0].text) < len(text) - 2:
        return None  # the words must be one date, not a sentence with a date in it
    return found[0].interval.start, found[0].interval.end


class StoryFilterBar(QWidget):
    """From / To date range and Go to date, above the timeline.

    ``rangeChanged`` when a valid range is typed (or cleared); ``goTo(start, end)``
    when a date is entered in Go to date. Unreadable dates are marked, not applied.
    """

    rangeChanged = Signal()
    goTo = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyFilterBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(6)
        self.from_edit = self._date_edit("from", "Show only events from this date (2011-03)")
        self.to_edit = self._date_edit("to", "Show only events up to this date, inclusive")
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Show every date again")
        self.clear_button.clicked.connect(self.clear_range)
        self.goto_edit = QLineEdit(self)
        self.goto_edit.setObjectName("goToDate")
        self.goto_edit.setPlaceholderText("Go to date (Ctrl+G)")
        self.goto_edit.setClearButtonEnabled(True)
        self.goto_edit.setAccessibleName("Go to date")
        self.goto_edit.returnPressed.connect(self._go)
        layout.addWidget(QLabel("Dates", self))
        layout.addWidget(self.from_edit)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.to_edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        layout.addWidget(self.goto_edit)
        for edit in (self.from_edit, self.to_edit, self.goto_edit):
            edit.installEventFilter(self)
        self.go_to_action = QAction("&Go to Date…", self)
        self.go_to_action.setShortcut(QKeySequence("Ctrl+G"))
        self.go_to_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.go_to_action.triggered.connect(self.focus_go_to)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a date field applies it: the window's Enter (show the source) must
        not take the key first."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def _date_edit(self, name: str, tip: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"{name}Date")
        edit.setPlaceholderText(name)
        edit.setToolTip(tip)
        edit.setAccessibleName(f"Dates {name}")
        edit.setMaximumWidth(130)
        edit.setClearButtonEnabled(True)
        edit.editingFinished.connect(self.rangeChanged.emit)
        edit.textChanged.connect(lambda _text, edit=edit: self._mark(edit))
        return edit

    def _mark(self, edit: QLineEdit) -> None:
        """Colour a date that cannot be read, and say why on hover."""
        text = edit.text()
        bad = bool(text.strip()) and parse_period(text) is None
        edit.setStyleSheet("QLineEdit { background: #fde2e2; }" if bad else "")
        if not text.strip():
            self.rangeChanged.emit()  # cleared with its clear button: show every date
        if bad:
            edit.setToolTip(f"“{text}” is not a date: try 2011, 2011-03 or 2011-03-19")

    def date_range(self) -> tuple[datetime | None, datetime | None]:
        """``[start, end)`` of the typed range; None where a side is empty or unreadable."""
        start = parse_period(self.from_edit.text())
        end = parse_period(self.to_edit.text())
        return (start[0] if start else None), (end[1] if end else None)

    def set_range(self, start_text: str, end_text: str) -> None:
        """Type a range (as the user would) and apply it."""
        self.from_edit.setText(start_text)
        self.to_edit.setText(end_text)
        self.rangeChanged.emit()

    def clear_range(self) -> None:
        self.from_edit.clear()
        self.to_edit.clear()
        self.rangeChanged.emit()

    def focus_go_to(self) -> None:
        self.goto_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.goto_edit.selectAll()

    def _go(self) -> None:
        period = parse_period(self.goto_edit.text())
        if period is None:
            self.goto_edit.setStyleSheet("QLineEdit { background: #fde2e2; }")
            return
        self.goto_edit.setStyleSheet("")
        start, end = period
        margin = (end - start) * GO_TO_MARGIN
        self.goTo.emit(start - margin, end + margin)


def filter_description(search: str | None, start: datetime | None, end: datetime | None) -> str:
    """What the window is filtered by, for the status bar ("" when nothing is)."""
    parts = []
    if search:
        parts.append(f"matching “{search}”")
    if start is not None and end is not None:
        parts.append(f"from {start:%Y-%m-%d} to {end:%Y-%m-%d}")
    elif start is not None:
        parts.append(f"from {start:%Y-%m-%d}")
    elif end is not None:
        parts.append(f"before {end:%Y-%m-%d}")
    return "Timeline and lists show only events " + ", ".join(parts) if parts else ""


class StoryFilter:
    """Applies the search box and the date range to the timeline, the events table and
    the Key events list of one window, and says so in its status bar."""

    def __init__(self, window: Any, bar: StoryFilterBar, key_list: KeyEventsView) -> None:
        self.window = window
        self.bar = bar
        self.key_events: KeyEventsModel = key_list.model()
        key_list.eventChosen.connect(self.chosen)
        window.article_model.includedChanged.connect(lambda _ids: self.apply())
        self.status = QLabel(window)
        self.status.setObjectName("filterStatus")
        window.statusBar().addWidget(self.status, 1)
        window.addAction(bar.go_to_action)
        bar.rangeChanged.connect(self.apply)
        bar.goTo.connect(self.go_to)
        timeline = window.timeline
        if hasattr(timeline, "dataReloaded"):
            timeline.dataReloaded.connect(self.key_events.reload)
        self._applied: tuple[Any, ...] | None = None

    def search_text(self) -> str | None:
        return self.window.search_box.text().strip() or None

    def apply(self) -> None:
        """Filter the timeline and both lists by the search and the date range."""
        search = self.search_text()
        start, end = self.bar.date_range()
        ids = self.window.article_model.included_ids()
        state = (search, start, end, None if ids is None else frozenset(ids))
        if state == self._applied:
            return
        framed = (start, end) != (self._applied or (None, None, None))[1:3]
        self._applied = state
        timeline = self.window.timeline
        if hasattr(timeline, "set_search"):
            timeline.set_search(search)
        if framed and start is not None and end is not None and end > start:
            timeline.set_visible_range(start, end)
        self.window.event_model.set_story_filter(search, start, end)
        self.key_events.set_filter(ids, search, start, end)
        self.status.setText(filter_description(search, start, end))
        self.window._update_status()

    def go_to(self, start: datetime, end: datetime) -> None:
        """Frame the period typed in Go to date on the timeline."""
        self.window.timeline.set_visible_range(start, end)
        self.window.timeline.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self, event_id: int) -> None:
        """A key event was clicked: select it everywhere (the timeline frames it, the
        reader opens it)."""
        self.window.select_event(event_id, "key events")
