"""The window's current event and article, the same in every pane.

A mixin of ``MainWindow``. One method, ``select_event``, keeps the timeline,
the events table and the reader on the same event whichever of them the user
clicked; the others turn clicks, rows and keys into it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt

from timeline_app.gui.models import ArticleTableModel

# Selections the user did not make just now: the one the window opens on, and the
# current event kept through a reload, a background load or a filter. The timeline
# marks the event where it is drawn and stays where the user left it.
KEEP_VIEW_ORIGINS = frozenset({"first view", "loaded", "refresh", "filter"})


class SelectionMixin:
    """Selecting events and articles across the window's panes."""

    # Provided by MainWindow.
    repo: Any
    reader: Any
    timeline: Any
    event_model: Any
    event_view: Any
    key_events_view: Any
    article_model: Any
    article_view: Any
    undated_model: Any
    search_box: Any
    _search_timer: Any
    _current_event_id: int | None
    _syncing: bool
    statusBar: Any
    apply_search: Any
    choose_publication_date: Any
    _marks_of: Any
    _update_actions: Any

    def current_event_id(self) -> int | None:
        return self._current_event_id

    def select_event(self, event_id: int, origin: str = "") -> None:
        """Make ``event_id`` the current event in the timeline, the table and the reader."""
        if self._syncing:
            return
        self._syncing = True
        try:
            try:
                event = self.repo.event(event_id)
            except KeyError:
                return
            self._current_event_id = event_id
            if origin in KEEP_VIEW_ORIGINS:
                self.timeline.select_event(event_id, reveal=False)
            elif origin != "timeline":
                self.timeline.select_event(event_id)
            self._mark_key_event(event)
            row = self.event_model.row_of_event(event_id)
            if row >= 0 and origin != "table":
                index = self.event_model.index(row, 0)
                self.event_view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.event_view.scrollTo(index)
            article = self.repo.article(event.article_id)
            related = [
                self.event_model.article_name(other.article_id)
                for other in self.event_model.group_members(event)
                if other.article_id != event.article_id
            ]
            timexes, furniture = self._marks_of(article.id)
            self.reader.show_event(article, event, timexes, related, furniture)
        finally:
            self._syncing = False
        self._update_actions()

    def _mark_key_event(self, event: Any) -> None:
        """Make the event's happening the current row of the Key events list (the list's
        selection cleared when it is not listed), so the list never points elsewhere."""
        view = self.key_events_view
        row = view.model().row_of_happening(event)
        selection = view.selectionModel()
        if row < 0:
            selection.clear()
            return
        selection.setCurrentIndex(
            view.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.scrollTo(view.model().index(row, 0))

    def select_event_at(self, article_id: int, offset: int) -> None:
        """Select the event whose time expression covers ``offset`` in an article."""
        for event in self.repo.events(article_ids=[article_id], include_hidden=True):
            if event.timex_start <= offset < event.timex_end:
                self.select_event(event.id, "reader")
                return
        timex = self.reader.timex_at_offset(offset)
        if timex is not None:
            self.statusBar().showMessage(
                f"“{timex.text}” ({timex.type.value} {timex.value}) is not a point in time:"
                " see the Undated & vague list",
                6000,
            )

    def step_event(self, step: int) -> None:
        """Select the next (``step`` > 0) or previous event.

        On the timeline that is the next in time (the canvas knows); elsewhere the
        next row of the events table, in whatever order it is sorted.
        """
        stepper = getattr(self.timeline, "step_selection", None)
        if stepper is not None and self.timeline.hasFocus():
            stepper(step)  # emits eventSelected, which lands in select_event
            return
        target = self.event_model.neighbour(self._current_event_id, step)
        if target is not None:
            self.select_event(target.id)

    def show_current_source(self) -> None:
        """Show the current event's passage in the reader and move the focus there."""
        if self.search_box.hasFocus():  # Enter in the search box: search now, go to results
            self._search_timer.stop()
            self.apply_search()
            self.article_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        if self._current_event_id is None:
            self.step_event(1)
        if self._current_event_id is not None:
            self.select_event(self._current_event_id, "activate")
            self.reader.focus_text()

    def _on_event_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._syncing:
            self.select_event(self.event_model.row_item(current.row()).id, "table")

    def _on_timeline_activated(self, event_id: int) -> None:
        self.select_event(event_id, "timeline")
        self.reader.focus_text()

    def _on_article_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._syncing:
            return
        article = self.article_model.row_item(current.row())
        event = self.reader.current_event()
        if event is not None and event.article_id == article.id:
            return
        self._current_event_id = None
        self.reader.show_article(self.repo.article(article.id), *self._marks_of(article.id))
        self._update_actions()

    def _on_article_double_clicked(self, index: QModelIndex) -> None:
        """Double-click on a publication date: change it."""
        if index.isValid() and index.column() == ArticleTableModel.PUBLISHED:
            self.choose_publication_date()

    def _on_undated_activated(self, index: QModelIndex) -> None:
        article_id, timex = self.undated_model.item(index.row())
        self._current_event_id = None
        self.reader.show_timex(self.repo.article(article_id), timex, *self._marks_of(article_id))
        self._update_actions()

    def current_article_id(self) -> int | None:
        """The article the user is looking at: in the reader, else selected in the library."""
        article = self.reader.article()
        if article is not None:
            return article.id
        index = self.article_view.currentIndex()
        return self.article_model.row_item(index.row()).id if index.isValid() else None
